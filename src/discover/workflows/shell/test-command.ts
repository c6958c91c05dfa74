// `[[ … ]]`, `[ … ]` and `test` over their expanded words (bash(1) "CONDITIONAL EXPRESSIONS"): string
// comparisons, patterns and emptiness of known values; undefined when the answer depends on a hole.
import { globMatches } from './glob.ts';
import { wordText, type Text } from '../text.ts';

/** `[[ A == B ]]`, `[ A != B ]`, `test -z A`, `-n A`, `!`; a `[[ … || … ]]` arrives in pieces. */
export function testValue(raw: readonly string[], expanded: Text[]): boolean | undefined {
  let words = expanded;
  const text = wordText;
  const doubleBracket = text(words[0]) === '[[';
  if (['[[', '[', 'test'].includes(text(words[0]) ?? '')) words = words.slice(1);
  else if (text(words.at(-1)) !== ']]') return undefined; // the second half of a split [[ a || b ]]
  if (text(words.at(-1)) === ']]' || text(words.at(-1)) === ']') words = words.slice(0, -1);
  let negate = false;
  while (text(words[0]) === '!') {
    negate = !negate;
    words = words.slice(1);
  }
  const known = words.map(text);
  let value: boolean | undefined;
  if (words.length === 1)
    value =
      known[0] === undefined
        ? words[0]!.some((p) => typeof p === 'string' && p !== '') || undefined
        : known[0] !== '';
  else if (words.length === 2 && (known[0] === '-z' || known[0] === '-n')) {
    const operand = words[1]!;
    const empty =
      known[1] === undefined
        ? operand.some((p) => typeof p === 'string' && p !== '')
          ? false
          : undefined
        : known[1] === '';
    value = empty === undefined ? undefined : known[0] === '-z' ? empty : !empty;
  } else if (words.length === 3 && ['=', '==', '!='].includes(known[1] ?? '')) {
    if (known[0] === undefined || known[2] === undefined) value = undefined;
    else {
      // In [[ ]], the right side of == is a pattern.
      const equal =
        doubleBracket || raw.at(-1) === ']]' ? globMatches(known[2], known[0]) : known[0] === known[2];
      value = equal === undefined ? undefined : known[1] === '!=' ? !equal : equal;
    }
  }
  return value === undefined ? undefined : negate ? !value : value;
}
