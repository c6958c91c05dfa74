// A workflow's branch and tag filters ("Workflow syntax for GitHub Actions", Filter pattern cheat sheet)
// as the refs a run can have: a plain name is one ref, anything with a special character a pattern. Our
// patterns' `*` matches any text, `/` included, so each GitHub wildcard (`*`, `**`, `?`, `+`, `[…]`)
// becomes `*` (a `?` with the character it makes optional): a superset of the refs the filter admits, never a claim of exactness we do not have.
import type { Claim } from '../../core/ci-path.ts';
import { exact, pattern } from './claims.ts';

/** A filter entry with its `!` negation split off. */
export interface FilterEntry {
  readonly negated: boolean;
  readonly text: string;
}

/** The entries of `branches:`/`tags:`… (a list, or one string); undefined when the key is absent. */
export function filterEntries(value: unknown): FilterEntry[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = Array.isArray(value) ? value : [value];
  return list
    .filter((entry): entry is string | number => typeof entry === 'string' || typeof entry === 'number')
    .map((entry) => String(entry))
    .map((text) =>
      text.startsWith('!') ? { negated: true, text: text.slice(1) } : { negated: false, text },
    );
}

/** `refs/heads/` + a branch filter entry: exact for a plain name, else a pattern. */
export function refFromFilter(prefix: string, entry: string, because: string): Claim {
  let glob = '';
  let special = false;
  for (let i = 0; i < entry.length; i++) {
    const c = entry[i]!;
    if (c === '\\' && i + 1 < entry.length) {
      glob += entry[++i];
    } else if (c === '[') {
      // A character class: one character of a set (or, with the `+` after it, several).
      const close = entry.indexOf(']', i + 1);
      i = close < 0 ? entry.length : close;
      glob += '*';
      special = true;
    } else if (c === '?') {
      // Zero or one of the preceding character: that character may be missing too.
      glob = `${glob.slice(0, -1)}*`;
      special = true;
    } else if (c === '*' || c === '+') {
      glob += '*';
      special = true;
    } else {
      glob += c;
    }
  }
  return special ? pattern(`${prefix}${glob}`, because) : exact(`${prefix}${glob}`);
}
