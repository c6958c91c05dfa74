// The shell's tokens (bash(1) "DEFINITIONS", "QUOTING"): words kept raw with their quotes, operators,
// redirections with here-document bodies, each with the line it starts on.

export type Token =
  | { readonly type: 'word'; readonly raw: string; readonly line: number }
  | { readonly type: 'op'; readonly op: string; readonly line: number }
  | { readonly type: 'redirect'; readonly op: string; readonly line: number };

const OPERATORS = ['&&', '||', ';;', ';&', '|&', '&', '|', ';', '(', ')', '\n'];

/** A here-document whose body starts on the next line: its delimiter, and the redirection to fill in. */
interface PendingHeredoc {
  readonly delimiter: string;
  /** `<<-`: leading tabs are stripped from the body and the delimiter line. */
  readonly strip: boolean;
  readonly quoted: boolean;
  readonly into: Token[];
  readonly index: number;
}

/** The script's words, operators and redirections, each with its line; here-document bodies join their redirection. */
export function tokenize(script: string): Token[] {
  const text = script.replace(/\r\n/g, '\n');
  const tokens: Token[] = [];
  const heredocs: PendingHeredoc[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && text[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      tokens.push({ type: 'op', op: '\n', line });
      line++;
      i++;
      // Here-document bodies start on the line after their operator.
      for (const pending of heredocs.splice(0)) {
        const read = heredocBody(text, i, pending);
        i = read.end;
        line += read.lines;
      }
      continue;
    }
    const redirect = /^(?:\d*|&)(?:<<<|<<-?|>>|>&|<&|>\||<>|>|<)/.exec(text.slice(i, i + 6));
    if (redirect && (redirect[0] !== '&' || text[i + 1] === '>')) {
      const op = redirect[0].replace(/^\d+/, '');
      i += redirect[0].length;
      const token: Token = { type: 'redirect', op, line };
      tokens.push(token);
      if (op === '<<' || op === '<<-') i = heredocDelimiter(text, i, op, line, tokens, heredocs);
      continue;
    }
    const op = OPERATORS.find((candidate) => text.startsWith(candidate, i));
    if (op) {
      tokens.push({ type: 'op', op, line });
      i += op.length;
      continue;
    }
    const start = i;
    const startLine = line;
    i = wordEnd(text, i);
    if (i === start) i++; // never stall on a character no rule consumed
    const raw = text.slice(start, i);
    line += raw.split('\n').length - 1;
    tokens.push({ type: 'word', raw, line: startLine });
  }
  return tokens;
}

/** The delimiter word after `<<` or `<<-` at `i`: pushed as the target, its body pending; returns where it ends. */
function heredocDelimiter(
  text: string,
  i: number,
  op: string,
  line: number,
  tokens: Token[],
  heredocs: PendingHeredoc[],
): number {
  while (text[i] === ' ' || text[i] === '\t') i++;
  const start = i;
  i = wordEnd(text, i);
  const raw = text.slice(start, i);
  const delimiter = raw.replace(/["'\\]/g, '');
  heredocs.push({
    delimiter,
    strip: op === '<<-',
    quoted: raw !== delimiter,
    into: tokens,
    index: tokens.length - 1,
  });
  tokens.push({ type: 'word', raw, line });
  return i;
}

/** Reads a here-document's body from `i` into its redirection; returns where it ends and how many lines it took. */
function heredocBody(text: string, i: number, pending: PendingHeredoc): { end: number; lines: number } {
  const body: string[] = [];
  let lines = 0;
  while (i < text.length) {
    const end = text.indexOf('\n', i);
    const current = text.slice(i, end === -1 ? text.length : end);
    i = end === -1 ? text.length : end + 1;
    lines++;
    const compared = pending.strip ? current.replace(/^\t+/, '') : current;
    if (compared === pending.delimiter) break;
    body.push(compared);
  }
  const redirect = pending.into[pending.index] as { op: string };
  Object.assign(redirect, { body: body.join('\n'), quoted: pending.quoted });
  return { end: i, lines };
}

/** Where the word starting at `i` ends: quotes, `$( )`, `${ }`, backticks and `\x` keep it together. */
function wordEnd(text: string, i: number): number {
  const start = i;
  while (i < text.length) {
    const c = text[i]!;
    // `NAME=(a b c)`: an array assignment is one word.
    if (c === '(' && /^[A-Za-z_]\w*(?:\[[^\]]*\])?\+?=$/.test(text.slice(start, i))) {
      i = closing(text, i, '(', ')');
      continue;
    }
    if (' \t\n;&|()<>'.includes(c)) {
      // `<(…)` and `>(…)` process substitutions are words.
      if ((c === '<' || c === '>') && text[i + 1] === '(') {
        i = closing(text, i + 1, '(', ')');
        continue;
      }
      return i;
    }
    if (c === '\\') i += 2;
    else if (c === "'") i = text.includes("'", i + 1) ? text.indexOf("'", i + 1) + 1 : text.length;
    else if (c === '"') i = doubleQuoteEnd(text, i + 1);
    else if (c === '`') i = backquoteEnd(text, i + 1);
    else if (c === '$' && text[i + 1] === '(') i = closing(text, i + 1, '(', ')');
    else if (c === '$' && text[i + 1] === '{') i = closing(text, i + 1, '{', '}');
    else i++;
  }
  return i;
}

function doubleQuoteEnd(text: string, i: number): number {
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') return i + 1;
    if (c === '\\') i += 2;
    else if (c === '`') i = backquoteEnd(text, i + 1);
    else if (c === '$' && text[i + 1] === '(') i = closing(text, i + 1, '(', ')');
    else if (c === '$' && text[i + 1] === '{') i = closing(text, i + 1, '{', '}');
    else i++;
  }
  return i;
}

function backquoteEnd(text: string, i: number): number {
  while (i < text.length && text[i] !== '`') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Index after the bracket matching the one at `i`, honouring quotes inside. */
export function closing(text: string, i: number, open: string, close: string): number {
  let depth = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\') i += 2;
    else if (c === "'" && open === '(')
      i = text.includes("'", i + 1) ? text.indexOf("'", i + 1) + 1 : text.length;
    else if (c === '"') i = doubleQuoteEnd(text, i + 1);
    else {
      if (c === open) depth++;
      else if (c === close && --depth === 0) return i + 1;
      i++;
    }
  }
  return i;
}
