// Shell patterns (bash(1) "Pattern Matching": `*`, `?`, `[…]`, `\x`) matched by dynamic programming,
// never by a backtracking regular expression: a pattern written in a workflow cannot make discovery hang.
// Subjects longer than MAX_SUBJECT are not matched (the caller makes the result a hole).

export const MAX_SUBJECT = 512;

type Token =
  | { kind: 'any' }
  | { kind: 'one' }
  | { kind: 'char'; char: string }
  | { kind: 'class'; negate: boolean; test: (c: string) => boolean };

function tokens(pattern: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) out.push({ kind: 'char', char: pattern[++i]! });
    else if (c === '*') {
      if (out.at(-1)?.kind !== 'any') out.push({ kind: 'any' });
    } else if (c === '?') out.push({ kind: 'one' });
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close === -1) {
        out.push({ kind: 'char', char: c });
        continue;
      }
      let body = pattern.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      const ranges: [string, string][] = [];
      for (let j = 0; j < body.length; j++) {
        if (body[j + 1] === '-' && j + 2 < body.length) {
          ranges.push([body[j]!, body[j + 2]!]);
          j += 2;
        } else ranges.push([body[j]!, body[j]!]);
      }
      out.push({ kind: 'class', negate, test: (ch) => ranges.some(([from, to]) => ch >= from && ch <= to) });
      i = close;
    } else out.push({ kind: 'char', char: c });
  }
  return out;
}

/** Whether the whole subject matches; undefined when the subject is too long to decide. */
export function globMatches(pattern: string, subject: string): boolean | undefined {
  if (subject.length > MAX_SUBJECT) return undefined;
  return matchTokens(tokens(pattern), subject);
}

function matchTokens(pattern: readonly Token[], subject: string): boolean {
  // reachable[j]: the pattern so far can match subject[0..j).
  let reachable = new Array<boolean>(subject.length + 1).fill(false);
  reachable[0] = true;
  for (const token of pattern) {
    const next = new Array<boolean>(subject.length + 1).fill(false);
    if (token.kind === 'any') {
      let seen = false;
      for (let j = 0; j <= subject.length; j++) {
        seen ||= reachable[j]!;
        next[j] = seen;
      }
    } else {
      for (let j = 0; j < subject.length; j++) {
        if (!reachable[j]) continue;
        const c = subject[j]!;
        const ok =
          token.kind === 'one' || (token.kind === 'char' ? token.char === c : token.test(c) !== token.negate);
        if (ok) next[j + 1] = true;
      }
    }
    reachable = next;
  }
  return reachable[subject.length]!;
}

/** The length of the shortest (or longest) prefix matching the pattern; -1 for none; undefined: too long. */
export function matchingPrefix(pattern: string, subject: string, longest: boolean): number | undefined {
  if (subject.length > MAX_SUBJECT) return undefined;
  const compiled = tokens(pattern);
  for (let k = longest ? subject.length : 0; longest ? k >= 0 : k <= subject.length; k += longest ? -1 : 1)
    if (matchTokens(compiled, subject.slice(0, k))) return k;
  return -1;
}

/** The start of the shortest (or longest) suffix matching the pattern; -1 for none; undefined: too long. */
export function matchingSuffix(pattern: string, subject: string, longest: boolean): number | undefined {
  if (subject.length > MAX_SUBJECT) return undefined;
  const compiled = tokens(pattern);
  for (
    let start = longest ? 0 : subject.length;
    longest ? start <= subject.length : start >= 0;
    start += longest ? 1 : -1
  )
    if (matchTokens(compiled, subject.slice(start))) return start;
  return -1;
}

/** `${X/pattern/replacement}` (all: `//`): each longest match from the left is replaced. */
export function replaceMatches(
  subject: string,
  pattern: string,
  replace: (matched: string) => string,
  all: boolean,
): string | undefined {
  if (subject.length > MAX_SUBJECT / 4) return undefined;
  const compiled = tokens(pattern);
  let out = '';
  let i = 0;
  let replacedOnce = false;
  while (i <= subject.length) {
    let length = -1;
    if (!replacedOnce || all)
      for (let k = subject.length - i; k >= 1; k--)
        if (matchTokens(compiled, subject.slice(i, i + k))) {
          length = k;
          break;
        }
    if (length > 0) {
      out += replace(subject.slice(i, i + length));
      i += length;
      replacedOnce = true;
    } else {
      if (i < subject.length) out += subject[i];
      i++;
    }
  }
  return out;
}
