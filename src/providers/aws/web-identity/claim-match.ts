// A trust-policy condition over a predicted claim that may be one value or many (a pattern, where `*` is any
// text: the branches a workflow's `on.push.branches` glob admits). `yes` only when every value the pattern
// stands for satisfies the condition, `no` only when none can, otherwise `unknown`: never a false `yes`.
// Operators: IAM User Guide, "IAM JSON policy elements: Condition operators" (string operators, ...IfExists,
// the Null check) and "Set operators for multivalued context keys" (ForAnyValue / ForAllValues).
import { STRING_OPERATORS as ALL_OPERATORS } from '../policy/match.ts';
import type { Tri } from '../../../core/tri.ts';
import type { Condition } from '../policy/document.ts';
import { wildcardMatch, withoutSetOperator } from '../policy/match.ts';

/** A claim as a condition sees it: one or many values, absent from the request, or not knowable. */
export type ClaimValue =
  | { readonly value: string }
  | { readonly pattern: string }
  | { readonly absent: true }
  | { readonly unknown: string };

// The String operators of the policy evaluator's table: a claim is text (the Arn and Bool ones compare no claim).
const STRING_OPERATORS = Object.fromEntries(
  Object.entries(ALL_OPERATORS).filter(([name]) => name.startsWith('string')),
);

export interface ConditionAnswer {
  readonly result: Tri;
  /** Why it is unknown (an operator or a key pullcheck cannot decide). */
  readonly because?: string;
}

/** One condition over one claim. */
export function conditionOverClaim(condition: Condition, claim: ClaimValue): ConditionAnswer {
  if ('unknown' in claim) return { result: 'unknown', because: claim.unknown };
  const { set, operator } = withoutSetOperator(condition.operator);
  if (operator === 'null') {
    const wantsAbsent = condition.values.some((v) => v.toLowerCase() === 'true');
    return { result: 'absent' in claim === wantsAbsent ? 'yes' : 'no' };
  }
  const ifExists = operator.endsWith('ifexists');
  const base = ifExists ? operator.slice(0, -'ifexists'.length) : operator;
  const semantics = STRING_OPERATORS[base];
  if (!semantics)
    return {
      result: 'unknown',
      because: `condition operator ${condition.operator} on ${condition.key} is not one pullcheck evaluates over a token claim`,
    };
  if ('absent' in claim) {
    // The key is not in the request: false, except for negated operators, ...IfExists and ForAllValues.
    if (set === 'all') return { result: 'yes' };
    if (set === 'any') return { result: 'no' };
    return { result: ifExists || semantics.negated ? 'yes' : 'no' };
  }
  if (condition.values.some((candidate) => candidate.includes('${')))
    return {
      result: 'unknown',
      because: `condition ${condition.operator} on ${condition.key} uses a policy variable`,
    };
  const fold = (text: string) => (semantics.ignoreCase ? text.toLowerCase() : text);
  const matches = matchesAny(condition.values.map(fold), claim, semantics.like, fold);
  if (matches === 'unknown') return { result: 'unknown' };
  return { result: (matches === 'yes') !== semantics.negated ? 'yes' : 'no' };
}

/**
 * Does the claim match one of the values? `yes`: every value of the claim matches one of them (shown for a
 * single candidate, which is enough and never wrong); `no`: no value of the claim matches any.
 */
function matchesAny(
  candidates: readonly string[],
  claim: { readonly value: string } | { readonly pattern: string },
  like: boolean,
  fold: (text: string) => string,
): Tri {
  if ('value' in claim) {
    const value = fold(claim.value);
    const hit = candidates.some((c) => (like ? wildcardMatch(c, value) : c === value));
    return hit ? 'yes' : 'no';
  }
  const pattern = fold(claim.pattern);
  if (!pattern.includes('*')) return matchesAny(candidates, { value: pattern }, like, (t) => t);
  if (like && candidates.some((c) => globCovers(c, pattern))) return 'yes';
  // An exact value never covers a pattern's many values; a pattern may still share some with it.
  return candidates.some((c) => globsMeet(pattern, c, like)) ? 'unknown' : 'no';
}

// A character no policy or claim holds, standing for a claim pattern's free text.
const FREE = '\u0000';

/**
 * Every text `claimPattern` stands for matches the IAM pattern `iamPattern`: its free parts, written as one
 * FREE character each, must each fall inside one of the IAM pattern's `*`s (an IAM `?` or literal never takes
 * FREE), so any text put there instead is absorbed by the same `*`. Sufficient, not necessary: a `no` here
 * leaves the answer unknown, never false.
 */
export function globCovers(iamPattern: string, claimPattern: string): boolean {
  const sample = claimPattern.replace(/\*+/g, FREE);
  const memo = new Map<string, boolean>();
  const walk = (p: number, v: number): boolean => {
    const key = `${p},${v}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (p === iamPattern.length) result = v === sample.length;
    else if (iamPattern[p] === '*') result = walk(p + 1, v) || (v < sample.length && walk(p, v + 1));
    else if (v === sample.length || sample[v] === FREE) result = false;
    else result = (iamPattern[p] === '?' || iamPattern[p] === sample[v]) && walk(p + 1, v + 1);
    memo.set(key, result);
    return result;
  };
  return walk(0, 0);
}

/**
 * Some text is both one of `claimPattern`'s (`*` any text) and matched by the condition value (an IAM
 * pattern when `like`, else one exact text): the product of the two patterns reaches both ends. Exact.
 */
export function globsMeet(claimPattern: string, conditionValue: string, like: boolean): boolean {
  const a = claimPattern;
  const b = conditionValue;
  const bStar = (j: number) => like && b[j] === '*';
  const bAny = (j: number) => like && b[j] === '?';
  const seen = new Set<string>();
  const stack: [number, number][] = [[0, 0]];
  while (stack.length > 0) {
    const [i, j] = stack.pop()!;
    const key = `${i},${j}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (i === a.length && j === b.length) return true;
    const aStar = a[i] === '*';
    // A `*` may stop taking text.
    if (aStar) stack.push([i + 1, j]);
    if (j < b.length && bStar(j)) stack.push([i, j + 1]);
    if (i === a.length || j === b.length) continue;
    // One character produced by both sides: a `*` stays, a literal or `?` moves on.
    const nextI = aStar ? i : i + 1;
    const nextJ = bStar(j) ? j : j + 1;
    if (aStar || bStar(j) || bAny(j) || a[i] === b[j]) stack.push([nextI, nextJ]);
  }
  return false;
}
