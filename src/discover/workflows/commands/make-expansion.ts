// make's expansion over a read Makefile (GNU make manual, "How to Use Variables", "Functions for
// Transforming Text"): `$(NAME)`, `${NAME}`, `$X`, `$$`, and the text functions people use in image names.
import { concat, missing, type Text } from '../text.ts';
import { wordText } from './arguments.ts';
import type { Makefile } from './make-reader.ts';

/** A variable's value: an automatic variable's, else the Makefile's, expanded when it is recursive. */
export function variableValue(
  name: string,
  makefile: Makefile,
  automatic: ReadonlyMap<string, Text>,
  depth: number,
): Text {
  const automaticValue = automatic.get(name);
  if (automaticValue) return automaticValue;
  const variable = makefile.variables.get(name);
  if (!variable) return name === 'MAKE' ? ['make'] : [];
  if (variable.value) return variable.value;
  // make stops at a recursive variable that refers to itself; so does this reader.
  if (expanding.has(name)) return [missing(`the Makefile variable ${name}, which refers to itself`)];
  expanding.add(name);
  try {
    return expand(variable.raw ?? '', makefile, automatic, depth + 1);
  } finally {
    expanding.delete(name);
  }
}

/** Recursive variables being expanded. */
const expanding = new Set<string>();

/** make's expansion: `$(NAME)`, `${NAME}`, `$X`, `$$`, and the text functions people use in image names. */
export function expand(
  text: string,
  makefile: Makefile,
  automatic: ReadonlyMap<string, Text>,
  depth: number,
): Text {
  if (depth > 20) return [missing('a Makefile variable that refers to itself')];
  const parts: Text[] = [];
  let i = 0;
  let literalStart = 0;
  while (i < text.length) {
    if (text[i] !== '$') {
      i++;
      continue;
    }
    parts.push([text.slice(literalStart, i)]);
    const next = text[i + 1] ?? '';
    if (next === '$') {
      parts.push(['$']);
      i += 2;
    } else if (next === '(' || next === '{') {
      const close = next === '(' ? ')' : '}';
      let level = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === next) level++;
        else if (text[j] === close && --level === 0) break;
      }
      parts.push(reference(text.slice(i + 2, j), makefile, automatic, depth));
      i = j + 1;
    } else {
      parts.push(variableValue(next, makefile, automatic, depth));
      i += 2;
    }
    literalStart = i;
  }
  parts.push([text.slice(literalStart)]);
  return concat(...parts);
}

function reference(
  body: string,
  makefile: Makefile,
  automatic: ReadonlyMap<string, Text>,
  depth: number,
): Text {
  const call = /^([a-z-]+)\s+([\s\S]*)$/.exec(body);
  if (!call) {
    const substitution = /^([^:]+):([^=]*)=(.*)$/.exec(body);
    if (substitution) return [missing(`the Makefile substitution $(${body})`)];
    return variableValue(
      wordText(expand(body, makefile, automatic, depth)) ?? body,
      makefile,
      automatic,
      depth,
    );
  }
  const [, fn, argumentText] = call as unknown as [string, string, string];
  const args = splitArguments(argumentText).map((arg) => expand(arg, makefile, automatic, depth + 1));
  return textFunction(fn, args, argumentText);
}

const words = (text: string | undefined) => (text ?? '').trim().split(/\s+/).filter(Boolean);

/** The functions of one list of words whose result is plain text when the list is known. */
const LIST_FUNCTIONS = new Map<string, (list: string[]) => string>([
  ['strip', (list) => list.join(' ')],
  ['firstword', (list) => list[0] ?? ''],
  ['lastword', (list) => list.at(-1) ?? ''],
  ['notdir', (list) => list.map((w) => w.split('/').at(-1)).join(' ')],
  ['dir', (list) => list.map((w) => (w.includes('/') ? w.slice(0, w.lastIndexOf('/') + 1) : './')).join(' ')],
  // Paths stay relative to the repository: that is where pullcheck reads them.
  ['realpath', (list) => list.filter((w) => !w.startsWith('-')).join(' ')],
  ['abspath', (list) => list.filter((w) => !w.startsWith('-')).join(' ')],
  ['basename', (list) => list.map((w) => w.replace(/\.[^./]*$/, '')).join(' ')],
  ['sort', (list) => [...new Set(list)].sort().join(' ')],
]);

/** `$(fn ARGS)` over its expanded arguments; a function pullcheck does not compute is a hole. */
function textFunction(fn: string, args: Text[], argumentText: string): Text {
  const known = args.map(wordText);
  const listFunction = LIST_FUNCTIONS.get(fn);
  if (listFunction) return known[0] === undefined ? args[0]! : [listFunction(words(known[0]))];
  switch (fn) {
    case 'subst':
      return known.every((k) => k !== undefined)
        ? [known[2]!.split(known[0]!).join(known[1]!)]
        : (args[2] ?? []);
    case 'addprefix':
    case 'addsuffix':
      if (known[1] === undefined) return args[1]!;
      return concat(
        ...words(known[1]).flatMap((word, n) => [
          n > 0 ? [' '] : [],
          fn === 'addprefix' ? concat(args[0]!, [word]) : concat([word], args[0]!),
        ]),
      );
    case 'words':
      return known[0] === undefined ? [missing(`$(words …)`)] : [String(words(known[0]).length)];
    case 'word':
      return known[0] === undefined || known[1] === undefined
        ? [missing(`$(word …)`)]
        : [words(known[1])[Number(known[0]) - 1] ?? ''];
    case 'if': {
      // $(if CONDITION,THEN,ELSE): the condition is true when it expands to anything but spaces.
      const condition = args[0] ?? [];
      if (condition.some((part) => typeof part !== 'string'))
        return [missing(`the condition of $(if ${argumentText.trim()})`)];
      return condition.join('').trim() !== '' ? (args[1] ?? []) : (args[2] ?? []);
    }
    case 'shell':
      return [missing(`the output of $(shell ${argumentText.trim()})`)];
    default:
      return [missing(`the Makefile function $(${fn} …)`)];
  }
}

export /** Arguments of a make function: commas at the top level of parentheses separate them. */
function splitArguments(text: string): string[] {
  const args: string[] = [];
  let level = 0;
  let current = '';
  for (const c of text) {
    if (c === '(' || c === '{') level++;
    if (c === ')' || c === '}') level--;
    if (c === ',' && level === 0) {
      args.push(current);
      current = '';
    } else current += c;
  }
  args.push(current);
  return args;
}
