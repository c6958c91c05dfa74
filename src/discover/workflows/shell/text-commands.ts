// The commands that only transform text, run over known values: `echo`, `printf`, and the filters
// people pipe names through (`tr`, `sed`, `cut`, `head`, …). Unknown input or arguments leave a hole.
import { regexBacktrackingRisk } from '../../../core/wildcard.ts';
import { concat, isMissing, lowercase, missing, split, trim, uppercase, type Text } from '../text.ts';

export function echo(args: readonly Text[]): Text {
  let i = 0;
  let newline = true;
  let escapes = false;
  while (args[i]?.length === 1 && /^-[neE]+$/.test(String(args[i]![0]))) {
    const flags = String(args[i]![0]);
    if (flags.includes('n')) newline = false;
    if (flags.includes('e')) escapes = true;
    i++;
  }
  const words = args
    .slice(i)
    .map((arg) => (escapes ? arg.map((p) => (typeof p === 'string' ? p.replace(/\\n/g, '\n') : p)) : arg));
  return concat(...words.flatMap((word, j) => (j > 0 ? [[' '], word] : [word])), newline ? ['\n'] : []);
}

/** printf FORMAT ARGS…: `%s` and `%b` take the next argument, `\n` is a newline. */
export function printf(all: readonly Text[]): Text {
  // `--` ends the options.
  const args = all[0]?.length === 1 && all[0][0] === '--' ? all.slice(1) : all;
  const [format, ...rest] = args;
  // An unknown argument may be several words, shifting every conversion after it.
  if (!format || format.some(isMissing) || rest.some((arg) => arg.some(isMissing)))
    return [missing('the output of printf')];
  const template = format.join('');
  const parts: Text[] = [];
  let next = 0;
  do {
    let at = 0;
    for (const match of template.matchAll(/%[-0-9.]*[sbdq]|%%|\\n|\\t/g)) {
      parts.push([template.slice(at, match.index)]);
      if (match[0] === '%%') parts.push(['%']);
      else if (match[0] === '\\n') parts.push(['\n']);
      else if (match[0] === '\\t') parts.push(['\t']);
      else parts.push(rest[next++] ?? []);
      at = match.index + match[0].length;
    }
    parts.push([template.slice(at)]);
  } while (next > 0 && next < rest.length);
  return concat(...parts);
}

/** Filters over known text: lowercasing, `cut`, `sed s///`, `head`/`tail`, `xargs`, `tr -d`. */
export function filter(words: readonly Text[], input: Text): Text | undefined {
  const argv = words.map((word) => (word.some(isMissing) ? undefined : word.join('')));
  const [name, ...args] = argv;
  switch (name) {
    case 'tr':
      return trFilter(args, input);
    case 'awk':
      if (args.length === 1 && /^\{\s*print\s+tolower\(\$0\)\s*\}$/.test(args[0] ?? ''))
        return lowercase(input);
      if (args.length === 1 && /^\{\s*print\s+toupper\(\$0\)\s*\}$/.test(args[0] ?? ''))
        return uppercase(input);
      return undefined;
    case 'sed':
      return sedFilter(args, input);
    case 'cut':
      return cutFilter(args, input);
    case 'xargs':
      return args.length === 0 ? trim(input) : undefined;
    case 'node':
      return nodeFilter(args, input);
    case 'head':
    case 'tail':
      return firstOrLastLine(name, args, input);
    default:
      return undefined;
  }
}

type Args = readonly (string | undefined)[];

/** `tr A-Z a-z` and back, `tr -d CHARS`. */
function trFilter(args: Args, input: Text): Text | undefined {
  const lowerSets = /^\[?(?:A-Z|\[:upper:\])\]?$/;
  const upperSets = /^\[?(?:a-z|\[:lower:\])\]?$/;
  if (args.length === 2 && lowerSets.test(args[0] ?? '') && upperSets.test(args[1] ?? ''))
    return lowercase(input);
  if (args.length === 2 && upperSets.test(args[0] ?? '') && lowerSets.test(args[1] ?? ''))
    return uppercase(input);
  if (args[0] === '-d' && args[1] !== undefined) {
    const remove = args[1].replace(/\\n/g, '\n').replace(/\\r/g, '\r');
    return input.map((part) =>
      typeof part === 'string' ? [...part].filter((c) => !remove.includes(c)).join('') : part,
    );
  }
  return undefined;
}

/** `sed 's/…/\L&/'` lowercasing, and one `s/PATTERN/REPLACEMENT/[g]` over known text. */
function sedFilter(args: Args, input: Text): Text | undefined {
  const script = args.filter((arg) => arg !== '-e' && arg !== '-E' && arg !== '-r').join(';');
  if (/^s(.)\.\*\1\\L&\1g?$|^s(.)\\\(\.\*\\\)\2\\L\\1\2g?$/.test(script)) return lowercase(input);
  const substitution = /^s(.)(.*?)\1(.*?)\1(g?)$/.exec(script);
  // The BRE read as a JavaScript pattern (`\(` `\)` `\{` `\|` group, bound and alternate). One that
  // could backtrack for ever, or a long input, is not run: the value becomes a hole.
  const source = substitution?.[2]!.replace(/\\([(){}|+?])/g, '$1');
  if (
    substitution &&
    source !== undefined &&
    regexBacktrackingRisk(source) === undefined &&
    input.join('').length <= 512 &&
    input.every((part) => typeof part === 'string')
  ) {
    try {
      const pattern = new RegExp(source, substitution[4] ? 'g' : '');
      return [
        input.join('').replace(pattern, substitution[3]!.replace(/\\(\d)/g, '$$$1').replace(/&/g, '$$&')),
      ];
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** `cut -d D -f N`: field N of each line. */
function cutFilter(args: Args, input: Text): Text | undefined {
  const delimiter = argValue(args, '-d') ?? '\t';
  const field = Number(argValue(args, '-f'));
  if (!Number.isInteger(field) || field < 1) return undefined;
  return concat(
    ...split(input, '\n').map((line, i) => {
      const fields = split(line, delimiter);
      return i > 0 ? concat(['\n'], fields[field - 1] ?? []) : (fields[field - 1] ?? []);
    }),
  );
}

/** `node -` / `node -e|-p` printing a literal string lowercased (a way people lowercase the owner). */
function nodeFilter(args: Args, input: Text): Text | undefined {
  const program =
    args[0] === '-'
      ? input.every((p) => typeof p === 'string')
        ? input.join('')
        : undefined
      : args[0] === '-e' || args[0] === '-p'
        ? args[1]
        : undefined;
  const literal =
    program && /^\s*(?:console\.log\()?(["'`])([^"'`]*)\1\.toLowerCase\(\)\)?\s*;?\s*$/.exec(program);
  if (literal) return [literal[2]!.toLowerCase() + '\n'];
  return undefined;
}

/** `head -n 1` and `tail -n 1`. */
function firstOrLastLine(name: 'head' | 'tail', args: Args, input: Text): Text | undefined {
  if (!(args.join(' ') === '-n 1' || args.join(' ') === '-1' || args.join('') === '-n1')) return undefined;
  const lines = split(input, '\n').filter((line) => line.length > 0);
  const line = name === 'head' ? lines[0] : lines.at(-1);
  return line ? concat(line, ['\n']) : [];
}

function argValue(args: Args, flag: string): string | undefined {
  for (const [i, arg] of args.entries()) {
    if (arg === flag) return args[i + 1];
    if (arg?.startsWith(flag)) return arg.slice(flag.length);
  }
  return undefined;
}
