// The values a workload identity provider's CEL sees when the token is only predicted: a string known exactly,
// a glob of strings (`refs/heads/*`: one of many), a value not knowable offline, a boolean that may be
// undecided, a list, or CEL's error (a claim absent from the token: "no such key"). Each operation answers
// for every string the inputs may stand for: `yes` only if it holds for all, `no` only if for none.
import type { Tri } from '../../../core/tri.ts';

export type CelValue =
  | { readonly k: 'string'; readonly value: string }
  | { readonly k: 'glob'; readonly pattern: string; readonly because: string }
  | { readonly k: 'unknown'; readonly why: readonly string[] }
  | { readonly k: 'bool'; readonly value: Tri; readonly why: readonly string[] }
  | { readonly k: 'list'; readonly items: readonly CelValue[] }
  | { readonly k: 'null' }
  | { readonly k: 'error'; readonly why: string };

export const str = (value: string): CelValue => ({ k: 'string', value });
export const unknownValue = (...why: string[]): CelValue => ({ k: 'unknown', why });
export const bool = (value: Tri, why: readonly string[] = []): CelValue => ({
  k: 'bool',
  value,
  why: value === 'unknown' ? why : [],
});
export const celError = (why: string): CelValue => ({ k: 'error', why });

/** Why a value is undecided, for the verdict's reasons. */
export function whyUnknown(value: CelValue): readonly string[] {
  if (value.k === 'unknown' || value.k === 'bool') return value.why;
  return [];
}

/** A string, or a glob (`*` any text): a regular expression over the whole text. */
function globRegExp(pattern: string): RegExp {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\S]*');
  return new RegExp(`^${source}$`);
}

export function globMatches(pattern: string, text: string): boolean {
  return globRegExp(pattern).test(text);
}

/** Describes a glob for reasons: `ref refs/heads/* (push to branches release/**)`. */
function globReason(value: Extract<CelValue, { k: 'glob' }>, what: string): string {
  return `the token's value ${value.pattern} (${value.because}) may or may not ${what}`;
}

/** String equality over exact values and globs. */
export function equals(a: CelValue, b: CelValue): CelValue {
  const failed = firstError(a, b);
  if (failed) return failed;
  if (a.k === 'unknown' || b.k === 'unknown') return bool('unknown', [...whyUnknown(a), ...whyUnknown(b)]);
  if (a.k === 'string' && b.k === 'string') return bool(a.value === b.value ? 'yes' : 'no');
  if (a.k === 'glob' || b.k === 'glob') {
    const [glob, other] = (a.k === 'glob' ? [a, b] : [b, a]) as [Extract<CelValue, { k: 'glob' }>, CelValue];
    if (other.k === 'string') {
      if (!globMatches(glob.pattern, other.value)) return bool('no');
      return bool('unknown', [globReason(glob, `equal '${other.value}'`)]);
    }
    if (other.k === 'glob') return bool('unknown', [globReason(glob, `equal ${other.pattern}`)]);
    return bool('no');
  }
  if (a.k === 'bool' && b.k === 'bool') {
    if (a.value === 'unknown' || b.value === 'unknown') return bool('unknown', [...a.why, ...b.why]);
    return bool(a.value === b.value ? 'yes' : 'no');
  }
  if (a.k === 'null' && b.k === 'null') return bool('yes');
  // Values of different types are never equal (CEL heterogeneous equality); lists are not compared.
  if (a.k === 'list' || b.k === 'list') return bool('unknown', ['list equality is not evaluated']);
  return bool('no');
}

export function not(a: CelValue): CelValue {
  if (a.k === 'error' || a.k === 'unknown') return a;
  if (a.k !== 'bool') return celError('! needs a boolean');
  return bool(a.value === 'yes' ? 'no' : a.value === 'no' ? 'yes' : 'unknown', a.why);
}

/** CEL's && and ||: commutative, an error absorbed by a deciding operand (cel-spec "Logical operators"). */
export function logical(op: '&&' | '||', a: CelValue, b: CelValue): CelValue {
  const decides = op === '&&' ? 'no' : 'yes';
  const operands = [a, b].map((value) => (value.k === 'unknown' ? bool('unknown', value.why) : value));
  if (operands.some((value) => value.k === 'bool' && value.value === decides)) return bool(decides);
  const failed = operands.find((value) => value.k === 'error');
  const undecided = operands.find((value) => value.k === 'bool' && value.value === 'unknown');
  // unknown || error is `true` or an error: undecided. unknown && error is `false` or an error: rejected either way.
  if (failed && undecided && op === '||')
    return bool('unknown', [...whyUnknown(undecided), failed.k === 'error' ? failed.why : '']);
  if (failed) return failed;
  if (operands.some((value) => value.k !== 'bool')) return celError(`${op} needs booleans`);
  const bools = operands as Extract<CelValue, { k: 'bool' }>[];
  if (bools.every((value) => value.value !== 'unknown')) return bool(op === '&&' ? 'yes' : 'no');
  return bool(
    'unknown',
    bools.flatMap((value) => value.why),
  );
}

/** `+`: string concatenation (a glob stays a glob), list concatenation. */
export function concat(a: CelValue, b: CelValue): CelValue {
  const failed = firstError(a, b);
  if (failed) return failed;
  if (a.k === 'unknown' || b.k === 'unknown') return unknownValue(...whyUnknown(a), ...whyUnknown(b));
  if (a.k === 'list' && b.k === 'list') return { k: 'list', items: [...a.items, ...b.items] };
  const text = (value: CelValue) =>
    value.k === 'string' ? value.value : value.k === 'glob' ? value.pattern : undefined;
  const [left, right] = [text(a), text(b)];
  if (left === undefined || right === undefined) return celError('+ needs two strings or two lists');
  if (a.k === 'string' && b.k === 'string') return str(left + right);
  const because = [a, b].flatMap((value) => (value.k === 'glob' ? [value.because] : [])).join('; ');
  return { k: 'glob', pattern: left + right, because };
}

/** `x in [..]`: any item equal. */
export function membership(item: CelValue, list: CelValue): CelValue {
  const failed = firstError(item, list);
  if (failed) return failed;
  if (list.k === 'unknown') return bool('unknown', list.why);
  if (list.k !== 'list')
    return bool('unknown', ['`in` over a value that is not a list literal is not evaluated']);
  return list.items.reduce<CelValue>(
    (found, candidate) => logical('||', found, equals(item, candidate)),
    bool('no'),
  );
}

/** startsWith / endsWith / contains over a string or a glob. */
export function stringTest(
  name: 'startsWith' | 'endsWith' | 'contains',
  target: CelValue,
  arg: CelValue,
): CelValue {
  const failed = firstError(target, arg);
  if (failed) return failed;
  if (target.k === 'unknown' || arg.k === 'unknown')
    return bool('unknown', [...whyUnknown(target), ...whyUnknown(arg)]);
  if (arg.k !== 'string') return bool('unknown', [`.${name}() with an argument not known exactly`]);
  const needle = arg.value;
  if (target.k === 'string') {
    const text = target.value;
    const result =
      name === 'startsWith'
        ? text.startsWith(needle)
        : name === 'endsWith'
          ? text.endsWith(needle)
          : text.includes(needle);
    return bool(result ? 'yes' : 'no');
  }
  if (target.k !== 'glob') return celError(`.${name}() needs a string`);
  const parts = target.pattern.split('*');
  const head = parts[0]!;
  const tail = parts[parts.length - 1]!;
  const undecided = bool('unknown', [
    globReason(
      target,
      `${name === 'contains' ? 'contain' : name === 'startsWith' ? 'start with' : 'end with'} '${needle}'`,
    ),
  ]);
  if (name === 'startsWith')
    return head.startsWith(needle) ? bool('yes') : needle.startsWith(head) ? undecided : bool('no');
  if (name === 'endsWith')
    return tail.endsWith(needle) ? bool('yes') : needle.endsWith(tail) ? undecided : bool('no');
  return parts.some((part) => part.includes(needle)) ? bool('yes') : undecided;
}

function firstError(...values: CelValue[]): CelValue | undefined {
  return values.find((value) => value.k === 'error');
}
