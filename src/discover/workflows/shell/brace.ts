// Brace expansion (bash(1) "Brace Expansion"), the first expansion of a command word: `a{b,c}d` and
// `{1..3}` become several words before any parameter is expanded.
import { closing } from './lexer.ts';

const MAX_BRACE_WORDS = 256;

/**
 * Brace expansion (bash(1) "Brace Expansion"), before any other: `a{b,c}d` → `abd acd`, `{1..3}` →
 * `1 2 3`. Only unquoted braces outside `${…}` expand; a single word comes back unchanged.
 */
export function braceExpansion(raw: string): string[] {
  let quote: string | undefined;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      continue;
    }
    if (c !== '{' || raw[i - 1] === '$') continue;
    const close = closing(raw, i, '{', '}');
    const body = raw.slice(i + 1, close - 1);
    const alternatives = braceAlternatives(body);
    if (!alternatives) continue;
    const [before, after] = [raw.slice(0, i), raw.slice(close)];
    const words = alternatives.flatMap((alternative) => braceExpansion(before + alternative + after));
    return words.slice(0, MAX_BRACE_WORDS);
  }
  return [raw];
}

function braceAlternatives(body: string): string[] | undefined {
  const range = /^(-?\d+)\.\.(-?\d+)$|^([a-zA-Z])\.\.([a-zA-Z])$/.exec(body);
  if (range) {
    const [from, to] =
      range[1] !== undefined
        ? [Number(range[1]), Number(range[2])]
        : [range[3]!.charCodeAt(0), range[4]!.charCodeAt(0)];
    if (Math.abs(to - from) >= MAX_BRACE_WORDS) return undefined;
    const step = from <= to ? 1 : -1;
    const values: string[] = [];
    for (let n = from; step > 0 ? n <= to : n >= to; n += step)
      values.push(range[1] !== undefined ? String(n) : String.fromCharCode(n));
    return values;
  }
  // Top-level commas (outside nested braces) separate alternatives; a body without one does not expand.
  const alternatives: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      alternatives.push(body.slice(start, i));
      start = i + 1;
    }
  }
  if (alternatives.length === 0) return undefined;
  alternatives.push(body.slice(start));
  return alternatives;
}
