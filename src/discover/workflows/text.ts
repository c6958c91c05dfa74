// A string that may have holes: discovery substitutes what the repository says and keeps, for every
// value it cannot know, which fact is missing — so a destination is either fully known or reported
// with the exact expression, secret or variable to supply.

/** A value discovery cannot know: `need` is the fact to supply (`secrets.X`, `vars.X`, `$TAG`, …). */
export interface Missing {
  readonly need: string;
  /** What to do about it, when more can be said than "add the image to `images`". */
  readonly hint?: string;
}

export type Part = string | Missing;
/** A string as parts; a plain string is one part. */
export type Text = readonly Part[];

export const isMissing = (part: Part): part is Missing => typeof part !== 'string';

export function missing(need: string, hint?: string): Missing {
  return hint === undefined ? { need } : { need, hint };
}

/** Parts joined, adjacent strings merged. */
export function concat(...texts: readonly Text[]): Text {
  const out: Part[] = [];
  for (const text of texts) {
    for (const part of text) {
      if (part === '') continue;
      const last = out.at(-1);
      if (typeof part === 'string' && typeof last === 'string') out[out.length - 1] = last + part;
      else out.push(part);
    }
  }
  return out;
}

/** The string, when every part is known (a word with no hole). */
export function wordText(word: Text | undefined): string | undefined {
  return word && word.every((part) => typeof part === 'string') ? word.join('') : undefined;
}

/** What is known, with each hole shown as the fact it needs: `${{ secrets.REGISTRY }}/app`. */
export function shown(text: Text): string {
  return text.map((part) => (typeof part === 'string' ? part : `<${part.need}>`)).join('');
}

/** Lowercases the known parts (a hole stays a hole: lowercasing does not make it known). */
export function lowercase(text: Text): Text {
  return text.map((part) => (typeof part === 'string' ? part.toLowerCase() : part));
}

export function uppercase(text: Text): Text {
  return text.map((part) => (typeof part === 'string' ? part.toUpperCase() : part));
}

/** Splits at every occurrence of `separator` in the known parts. */
export function split(text: Text, separator: string | RegExp): Text[] {
  const fields: Part[][] = [[]];
  for (const part of text) {
    if (typeof part !== 'string') {
      fields.at(-1)!.push(part);
      continue;
    }
    const pieces = part.split(separator);
    pieces.forEach((piece, i) => {
      if (i > 0) fields.push([]);
      if (piece !== '') fields.at(-1)!.push(piece);
    });
  }
  return fields;
}

export function trim(text: Text): Text {
  const out = [...text];
  if (typeof out[0] === 'string') out[0] = out[0].trimStart();
  const last = out.length - 1;
  if (typeof out[last] === 'string') out[last] = (out[last] as string).trimEnd();
  return concat(out);
}

const MAX_VALUE_LENGTH = 64 * 1024;
const MAX_VALUE_PARTS = 256;

/** A value past what an image name could need (a doubling loop) becomes one hole instead of using up memory. */
export function bounded(text: Text): Text {
  if (text.length > MAX_VALUE_PARTS) return [missing('a value built from more than 256 unknown parts')];
  let length = 0;
  for (const part of text) if (typeof part === 'string') length += part.length;
  return length > MAX_VALUE_LENGTH ? [missing('a value longer than 64 KiB')] : text;
}

/**
 * A hole written into shell text (a `${{ }}` the runner substitutes, a Makefile value): a marker the shell
 * reader turns back into the hole wherever it stands, quoted or not. The hole travels in the script's
 * environment under `name`.
 */
export function holeMarker(name: string): string {
  return `\uE000${name}\uE001`;
}

export const HOLE_MARKERS = /\uE000(\w+)\uE001/g;

/**
 * A cluster's API server URL as a target may name it: scheme, host and port only. Userinfo, a path, a
 * query or a fragment can carry a token or password, and never say which cluster it is.
 */
export function serverOrigin(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
  } catch {
    return undefined; // not a URL: the namespace still names the target
  }
}

/** Control characters escaped (no value can start a line of a report or a workflow command), then cut. */
export function safeText(text: string, limit: number): string {
  // eslint-disable-next-line no-control-regex -- escaping exactly these
  const escaped = text.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1));
  return escaped.length > limit ? `${escaped.slice(0, limit - 1)}…` : escaped;
}
