// Patterns written by users (IAM policies, pull-secret hosts, kustomize targets) are matched in time
// bounded by their lengths, never by backtracking: a policy such as `arn:*a*a*a*a*a*a*b` made a regular
// expression run for minutes on a 72-character ARN.

/**
 * `*` matches any run of characters (including none and including `/`), `?` exactly one; every other
 * character is literal. Linear in practice, O(pattern × value) at worst: the last `*` is the only
 * point to resume from, because a later `*` can absorb anything an earlier one could.
 */
export function wildcardMatches(pattern: string, value: string): boolean {
  let p = 0;
  let v = 0;
  let starAt = -1; // the pattern position after the last `*` seen
  let resumeAt = 0; // where in the value that `*` stops absorbing
  while (v < value.length) {
    const c = pattern[p];
    if (c === '*') {
      starAt = ++p;
      resumeAt = v;
    } else if (c !== undefined && (c === '?' || c === value[v])) {
      p++;
      v++;
    } else if (starAt >= 0) {
      p = starAt;
      v = ++resumeAt;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/**
 * Why a user's regular expression could backtrack for ever in JavaScript (Go's RE2, which kustomize
 * uses, never does), or undefined when it cannot: a repeated group that holds a repetition or an
 * alternative (`(a+)+`, `(a|a)*`: exponential), more than three unbounded repetitions (`.*a.*a.*a.*b`:
 * polynomial of that degree), or a back-reference (RE2 rejects those).
 */
export function regexBacktrackingRisk(pattern: string): string | undefined {
  const openGroups: { risky: boolean }[] = [];
  let unbounded = 0;
  let lastGroupRisky = false; // the token just closed was a group holding a repetition or `|`
  let afterQuantifier = false; // a `?` here makes the quantifier lazy; it repeats nothing
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    const braces = c === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i)) : null;
    if (c === '*' || c === '+' || (c === '?' && !afterQuantifier) || braces) {
      const isUnbounded = c === '*' || c === '+' || (braces?.[2] !== undefined && braces[3] === '');
      if (isUnbounded && lastGroupRisky) return 'a repeated group that holds a repetition or an alternative';
      if (isUnbounded && ++unbounded > 3) return 'more than three unbounded repetitions';
      for (const group of openGroups) group.risky = true;
      if (braces) i += braces[0].length - 1;
      lastGroupRisky = false;
      afterQuantifier = true;
      continue;
    }
    afterQuantifier = false;
    lastGroupRisky = false;
    if (c === '\\') {
      if (/[1-9k]/.test(pattern[i + 1] ?? '')) return 'a back-reference';
      i++;
    } else if (c === '[') {
      // A class is one character: skip to its closing bracket (a leading `]` or `^]` is literal).
      i += pattern[i + 1] === '^' ? 2 : 1;
      if (pattern[i] === ']') i++;
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
    } else if (c === '(') {
      openGroups.push({ risky: false });
      // `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<name>`: the `?` names the group's kind, it repeats nothing.
      const kind = /^\?(?:[:=!]|<[=!]|<[^>]*>)/.exec(pattern.slice(i + 1));
      if (kind) i += kind[0].length;
    } else if (c === ')') {
      lastGroupRisky = openGroups.pop()?.risky ?? false;
      if (lastGroupRisky) for (const group of openGroups) group.risky = true;
    } else if (c === '|') {
      for (const group of openGroups) group.risky = true;
    }
  }
  return undefined;
}
