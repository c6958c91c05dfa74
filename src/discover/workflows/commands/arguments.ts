// Command lines as their tools read them (pflag/cobra, getopt): an option listed as taking a value takes
// the next word or its `=value`; everything else not starting with `-` is positional. Words may have
// holes, so option names are matched on the word's known start.
import { concat, wordText, type Text } from '../text.ts';

export interface ParsedArguments {
  readonly positionals: Text[];
  /** Every value given for an option, in order (`-t a -t b`). */
  readonly values: Map<string, Text[]>;
  readonly flags: Set<string>;
}

export function parseArguments(args: readonly Text[], valueOptions: ReadonlySet<string>): ParsedArguments {
  const positionals: Text[] = [];
  const values = new Map<string, Text[]>();
  const flags = new Set<string>();
  const add = (name: string, value: Text) => values.set(name, [...(values.get(name) ?? []), value]);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const head = typeof arg[0] === 'string' ? arg[0] : '';
    if (head === '--' && arg.length === 1) {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!head.startsWith('-') || head === '-') {
      positionals.push(arg);
      continue;
    }
    const equals = head.indexOf('=');
    if (equals !== -1) {
      const name = head.slice(0, equals);
      add(name, concat([head.slice(equals + 1)], arg.slice(1)));
      // A boolean written `--push=false` is off.
      if (!valueOptions.has(name) && !(arg.length === 1 && head.slice(equals + 1) === 'false'))
        flags.add(name);
      continue;
    }
    if (arg.length === 1 && valueOptions.has(head)) {
      add(head, args[++i] ?? []);
      continue;
    }
    // `-tNAME`: a short option with its value attached.
    const short = /^-([A-Za-z])(.+)$/.exec(head);
    if (short && valueOptions.has(`-${short[1]}`)) {
      add(`-${short[1]}`, concat([short[2]!], arg.slice(1)));
      continue;
    }
    flags.add(head);
  }
  return { positionals, values, flags };
}

export { wordText } from '../text.ts';

/** Values of any of the named options. */
export function optionValues(parsed: ParsedArguments, ...names: string[]): Text[] {
  return names.flatMap((name) => parsed.values.get(name) ?? []);
}

export const optionSet = (text: string): ReadonlySet<string> => new Set(text.split(/\s+/).filter(Boolean));

/**
 * The words after a subcommand path (`docker buildx build`), skipping the tool's global options (with
 * their values) wherever they stand before it. Undefined when the words are not that command.
 */
export function afterSubcommand(
  words: readonly Text[],
  path: readonly string[],
  globalOptions: ReadonlySet<string>,
): readonly Text[] | undefined {
  let i = 0;
  for (const [n, part] of path.entries()) {
    while (n > 0) {
      const word = wordText(words[i]);
      if (!word?.startsWith('-')) break;
      i += globalOptions.has(word) ? 2 : 1;
    }
    const word = wordText(words[i]);
    if (word !== part && !(n === 0 && word !== undefined && basename(word) === part)) return undefined;
    i++;
  }
  return words.slice(i);
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * `key=value` pairs of a comma-separated option value (`type=registry,name=x,push=true`), read as CSV the
 * way buildx reads `--output`: a double-quoted field may hold commas (`"name=a,b"`).
 */
export function keyValues(text: Text): Map<string, Text> {
  const pairs = new Map<string, Text>();
  const fields: Text[] = [];
  let current: Text = [];
  let quoted = false;
  for (const part of text) {
    if (typeof part !== 'string') {
      current = concat(current, [part]);
      continue;
    }
    let piece = '';
    for (const c of part) {
      if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) {
        fields.push(concat(current, [piece]));
        current = [];
        piece = '';
      } else piece += c;
    }
    current = concat(current, [piece]);
  }
  fields.push(current);
  for (const field of fields) {
    const head = typeof field[0] === 'string' ? field[0] : '';
    const equals = head.indexOf('=');
    if (equals !== -1)
      pairs.set(head.slice(0, equals).trim(), concat([head.slice(equals + 1)], field.slice(1)));
  }
  return pairs;
}
