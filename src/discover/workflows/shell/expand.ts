// Word expansion as bash does it (bash(1) "EXPANSION"), over variables whose values may have holes:
// quote removal, `$NAME`/`${NAME}` and the parameter operators people use to build image names
// (`:-`, `-`, `:=`, `:+`, `,,`, `^^`, `#`, `##`, `%`, `%%`, `/`, `//`, `:offset:length`), positional
// parameters, command substitution (delegated), and field splitting of unquoted expansions.
import { braceExpansion } from './brace.ts';
import { matchingPrefix, matchingSuffix, replaceMatches } from './glob.ts';
import { closing } from './lexer.ts';
import {
  concat,
  HOLE_MARKERS,
  isMissing,
  lowercase,
  missing,
  split,
  uppercase,
  wordText,
  type Part,
  type Text,
} from '../text.ts';

export interface Variables {
  /** A variable's value; undefined when the script and the workflow never set it. */
  get(name: string): Text | undefined;
  set(name: string, value: Text): void;
  readonly positional: readonly Text[];
}

export type Substitute = (script: string) => Text;

export interface Expansion {
  readonly variables: Variables;
  readonly substitute: Substitute;
  /** A hole for a variable nobody set (the runner's own are in `variables`). */
  readonly unset: (name: string) => Text;
}

/** One word, no field splitting (assignments, redirection targets, quoted contexts). */
export function expandWord(raw: string, expansion: Expansion): Text {
  return concat(...expandPieces(raw, expansion).map((piece) => piece.text));
}

/** A command word: unquoted expansions split at whitespace into several words. */
export function expandFields(raw: string, expansion: Expansion): Text[] {
  const braced = braceExpansion(raw);
  if (braced.length > 1) return braced.flatMap((word) => expandFields(word, expansion));
  const fields: Part[][] = [];
  let current: Part[] | undefined;
  for (const piece of expandPieces(raw, expansion)) {
    if (piece.quoted) {
      (current ??= []).push(...piece.text);
      continue;
    }
    const pieces = split(piece.text, /[ \t\n]+/);
    pieces.forEach((field, i) => {
      if (i > 0) {
        if (current && current.length > 0) fields.push(current);
        current = undefined;
      }
      if (field.length > 0) (current ??= []).push(...field);
    });
  }
  if (current) fields.push(current);
  // A quoted empty word ("") is a word.
  if (fields.length === 0 && /^(?:""|'')$/.test(raw)) return [[]];
  return fields.map((field) => concat(field));
}

interface Piece {
  readonly text: Text;
  /** Written inside quotes, or literal text: never split. */
  readonly quoted: boolean;
}

function expandPieces(raw: string, expansion: Expansion): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  let inDouble = false;
  let buffer = '';
  // Literal text came from the script itself: it is never split.
  const flush = () => {
    if (buffer === '') return;
    pieces.push({ text: literalText(buffer, expansion), quoted: true });
    buffer = '';
  };
  while (i < raw.length) {
    const c = raw[i]!;
    const substitution = c === '$' || c === '`' ? substitutionAt(raw, i, inDouble, expansion) : undefined;
    if (!inDouble && c === "'") {
      const end = raw.indexOf("'", i + 1);
      buffer += raw.slice(i + 1, end === -1 ? raw.length : end);
      i = end === -1 ? raw.length : end + 1;
    } else if (!inDouble && c === '$' && raw[i + 1] === "'") {
      // $'…' ANSI-C quoting: the common escapes.
      const end = raw.indexOf("'", i + 2);
      buffer += raw
        .slice(i + 2, end === -1 ? raw.length : end)
        .replace(/\\n/g, '\n')
        .replace(/\\t/g, '\t')
        .replace(/\\(.)/g, '$1');
      i = end === -1 ? raw.length : end + 1;
    } else if (c === '"') {
      inDouble = !inDouble;
      i++;
    } else if (c === '\\') {
      const next = raw[i + 1] ?? '';
      if (inDouble && !'$`"\\\n'.includes(next)) buffer += c;
      if (next !== '\n') buffer += next;
      i += 2;
    } else if (substitution) {
      // The literal text before it is taken first: a substitution may assign (`${X:=…}`).
      flush();
      pieces.push({ text: substitution.text(), quoted: substitution.quoted });
      i = substitution.end;
    } else {
      buffer += c;
      i++;
    }
  }
  flush();
  return pieces;
}

/** Script text as written; holes written into it stay holes, quoted or not. */
function literalText(buffer: string, expansion: Expansion): Text {
  const parts: Part[] = [];
  let at = 0;
  for (const match of buffer.matchAll(HOLE_MARKERS)) {
    parts.push(buffer.slice(at, match.index));
    parts.push(...(expansion.variables.get(match[1]!) ?? [missing(match[1]!)]));
    at = match.index + match[0].length;
  }
  parts.push(buffer.slice(at));
  return concat(parts);
}

/** A substitution starting at `$` or a backquote: where it ends, and its text, computed when asked. */
interface Substitution {
  readonly end: number;
  readonly quoted: boolean;
  readonly text: () => Text;
}

function substitutionAt(
  raw: string,
  i: number,
  inDouble: boolean,
  expansion: Expansion,
): Substitution | undefined {
  const next = raw[i + 1] ?? '';
  if (raw[i] === '`') {
    let end = i + 1;
    while (end < raw.length && raw[end] !== '`') end += raw[end] === '\\' ? 2 : 1;
    return { end: end + 1, quoted: inDouble, text: () => expansion.substitute(raw.slice(i + 1, end)) };
  }
  if (next === '(' && raw[i + 2] === '(') {
    // $(( … )): arithmetic; never part of an image name people can know.
    const end = closing(raw, i + 1, '(', ')');
    return { end, quoted: inDouble, text: () => [missing(`the arithmetic ${raw.slice(i, end)}`)] };
  }
  if (next === '(') {
    const end = closing(raw, i + 1, '(', ')');
    return { end, quoted: inDouble, text: () => expansion.substitute(raw.slice(i + 2, end - 1)) };
  }
  if (next === '{') {
    const end = closing(raw, i + 1, '{', '}');
    const body = raw.slice(i + 2, end - 1);
    // "${A[@]}" expands to one word per element even in quotes.
    const quoted = inDouble && !/^\w+\[[@*]\]$/.test(body);
    return { end, quoted, text: () => parameter(body, expansion) };
  }
  if (/[A-Za-z_]/.test(next)) {
    const name = /^[A-Za-z_]\w*/.exec(raw.slice(i + 1))![0];
    return { end: i + 1 + name.length, quoted: inDouble, text: () => variable(name, expansion) };
  }
  if (/[0-9@*#?$!-]/.test(next)) {
    return { end: i + 2, quoted: inDouble, text: () => special(next, expansion) };
  }
  return undefined;
}

function variable(name: string, expansion: Expansion): Text {
  return expansion.variables.get(name) ?? expansion.unset(name);
}

function special(name: string, expansion: Expansion): Text {
  const positional = expansion.variables.positional;
  if (/\d/.test(name)) {
    if (name === '0') return expansion.variables.get('BASH_SOURCE') ?? [missing('$0')];
    return (
      positional[Number(name) - 1] ?? [missing(`$${name}`, `no argument ${name} is passed to the script`)]
    );
  }
  if (name === '@' || name === '*')
    return concat(...positional.flatMap((arg, i) => (i > 0 ? [[' '], arg] : [arg])));
  if (name === '#') return [String(positional.length)];
  return [missing(`$${name}`)];
}

/** `${…}`: the parameter and its operator. */
function parameter(body: string, expansion: Expansion): Text {
  if (body.startsWith('#') && body.length > 1) {
    const value = lookup(body.slice(1), expansion);
    return value.some(isMissing) ? [missing(`\${${body}}`)] : [String(value.join('').length)];
  }
  const element = /^([A-Za-z_]\w*)\[([^\]]*)\](.*)$/s.exec(body);
  if (element) {
    // Arrays are kept as their space-separated elements: [@] and [*] are all of them, [N] one.
    const [, arrayName, index, rest] = element as unknown as [string, string, string, string];
    const all = variable(arrayName, expansion);
    if (index === '@' || index === '*') return rest === '' ? all : [missing(`\${${body}}`)];
    const fields = split(all, ' ');
    return /^\d+$/.test(index) && rest === '' ? (fields[Number(index)] ?? []) : [missing(`\${${body}}`)];
  }
  const match = /^([A-Za-z_]\w*|\d+|[@*#?$!-])(.*)$/s.exec(body);
  if (!match) return [missing(`\${${body}}`)];
  const [, name, operator] = match as unknown as [string, string, string];
  const value = () => lookup(name, expansion);
  const word = (text: string) => expandWord(text, expansion);
  const op = /^(:?[-=+?])(.*)$/s.exec(operator);
  if (op) return conditional(name, op[1]!, op[2]!, expansion);
  if (operator === '') return value();
  if (operator === ',,' || operator === ',')
    return operator === ',,' ? lowercase(value()) : firstCase(value(), 'lower');
  if (operator === '^^' || operator === '^')
    return operator === '^^' ? uppercase(value()) : firstCase(value(), 'upper');
  const trimming = /^(##?|%%?)(.*)$/s.exec(operator);
  if (trimming) return trimmed(value(), trimming[1]!, wordText(word(trimming[2]!)));
  if (operator.startsWith('/')) {
    const all = operator.startsWith('//');
    const [pattern, replacement] = splitReplacement(operator.slice(all ? 2 : 1));
    return replaced(value(), all, wordText(word(pattern)), word(replacement ?? ''));
  }
  const slice = /^:\s*(-?\d+)(?::\s*(\d+))?$/.exec(operator);
  if (slice) {
    const text = value();
    if (text.some(isMissing)) return [missing(`\${${body}}`)];
    const whole = text.join('');
    const start = Number(slice[1]) < 0 ? whole.length + Number(slice[1]) : Number(slice[1]);
    return [slice[2] === undefined ? whole.slice(start) : whole.slice(start, start + Number(slice[2]))];
  }
  return [missing(`\${${body}}`)];
}

/** `${X-w}`, `${X=w}`, `${X+w}`, `${X?w}` and their `:` forms: the value, or the word standing in for it. */
function conditional(name: string, kind: string, argument: string, expansion: Expansion): Text {
  const set = isSet(name, expansion);
  const word = (text: string) => expandWord(text, expansion);
  const current = set ? lookup(name, expansion) : undefined;
  // With the colon, an empty value counts as unset.
  const empty = current === undefined || (kind.startsWith(':') && current.length === 0);
  const unknownEmptiness =
    current !== undefined && kind.startsWith(':') && current.length > 0 && current.every(isMissing);
  if (unknownEmptiness) return current;
  switch (kind.replace(':', '')) {
    case '-':
      return empty ? word(argument) : current!;
    case '=': {
      if (!empty) return current!;
      const assigned = word(argument);
      expansion.variables.set(name, assigned);
      return assigned;
    }
    case '+':
      return empty ? [] : word(argument);
    default:
      return empty ? expansion.unset(name) : current!;
  }
}

function isSet(name: string, expansion: Expansion): boolean {
  if (/^\d+$/.test(name)) return Number(name) >= 1 && Number(name) <= expansion.variables.positional.length;
  return expansion.variables.get(name) !== undefined;
}

function lookup(name: string, expansion: Expansion): Text {
  return /^\d+$|^[@*#?$!-]$/.test(name) ? special(name, expansion) : variable(name, expansion);
}

function firstCase(text: Text, to: 'lower' | 'upper'): Text {
  const [first, ...rest] = text;
  if (typeof first !== 'string' || first === '') return text;
  const head = to === 'lower' ? first[0]!.toLowerCase() : first[0]!.toUpperCase();
  return concat([head + first.slice(1)], rest);
}

/** `#`/`##` strip the shortest/longest matching prefix, `%`/`%%` the suffix; holes make it unknowable. */
function trimmed(text: Text, op: string, pattern: string | undefined): Text {
  const unknowable = [missing(`the pattern removal \${…${op}${pattern ?? '…'}}`)];
  if (pattern === undefined) return unknowable;
  const longest = op.length === 2;
  if (op.startsWith('#')) {
    const [first, ...rest] = text;
    if (first === undefined) return text;
    if (typeof first !== 'string') return unknowable;
    // With more parts after it, only a match that stops inside the known first part is certain.
    const length = matchingPrefix(pattern, first, longest);
    if (length === undefined) return unknowable;
    if (length === -1) return rest.length === 0 ? text : unknowable;
    if (rest.length > 0 && longest && pattern.includes('*')) return unknowable;
    return concat([first.slice(length)], rest);
  }
  const last = text.at(-1);
  if (last === undefined) return text;
  if (typeof last !== 'string') return unknowable;
  const start = matchingSuffix(pattern, last, longest);
  if (start === undefined) return unknowable;
  if (start === -1) return text.length === 1 ? text : unknowable;
  if (text.length > 1 && longest && pattern.includes('*')) return unknowable;
  return concat(text.slice(0, -1), [last.slice(0, start)]);
}

/** `${X/pattern/replacement}` and `${X//…}` over the known parts (a match could not span a hole). */
function replaced(text: Text, all: boolean, pattern: string | undefined, replacement: Text): Text {
  if (pattern === undefined) return [missing(`the replacement \${…/${'…'}}`)];
  if (pattern === '') return text;
  const marker = '\u0003';
  const parts: Text[] = [];
  let done = false;
  for (const part of text) {
    if (typeof part !== 'string' || (done && !all)) {
      parts.push([part]);
      continue;
    }
    let count = 0;
    const result = replaceMatches(part, pattern, () => (count++, marker), all);
    if (result === undefined) return [missing(`the replacement \${…/${pattern}/…}`)];
    if (count > 0) done = true;
    result.split(marker).forEach((piece, i) => {
      if (i > 0) parts.push(replacement);
      parts.push([piece]);
    });
  }
  return concat(...parts);
}

/** `pattern/replacement` of `${X/…}`, split at the first `/` that is not escaped. */
export function splitReplacement(operator: string): [string, string | undefined] {
  for (let i = 0; i < operator.length; i++) {
    if (operator[i] === '\\') i++;
    else if (operator[i] === '/') return [operator.slice(0, i), operator.slice(i + 1)];
  }
  return [operator, undefined];
}
