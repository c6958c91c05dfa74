// Small pieces of YAML text for the files init writes: a value written so YAML reads it back as the same
// string, and a comment that stays one line whatever the repository's files held.
import { parse } from 'yaml';

/**
 * A plain scalar when YAML reads it back unchanged as a string — as a block value and as a flow sequence's
 * item (`paths: [k8s]`), for YAML 1.2 and 1.1 — else a double-quoted one. The parser decides, rather than a
 * list of keywords and number forms (0x1F, .inf and braces inside [ ] had slipped through one).
 */
export function yamlValue(value: string): string {
  const plain =
    /^[A-Za-z0-9_./<>@-][A-Za-z0-9_./:<>@${}() -]*$/.test(value) &&
    (['1.1', '1.2'] as const).every((version) => readsBack(value, version));
  return plain ? value : JSON.stringify(value);
}

function readsBack(value: string, version: '1.1' | '1.2'): boolean {
  try {
    const block: unknown = parse(`v: ${value}`, { version, logLevel: 'silent' });
    const flow: unknown = parse(`v: [${value}]`, { version, logLevel: 'silent' });
    return (
      (block as { v?: unknown } | null)?.v === value &&
      ((flow as { v?: unknown[] } | null)?.v ?? [])[0] === value
    );
  } catch {
    return false;
  }
}

/** Text for a comment: control and line-breaking characters become spaces, and it is cut at `max`. */
export function commentText(text: string, max = 240): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

/** `# text` lines, each on its own lines (long ones wrapped at spaces, indented), with `indent` before the `#`. */
export function comments(lines: readonly string[], indent = '', width = 100): string[] {
  return lines.flatMap((line) =>
    line === '' ? [`${indent}#`] : wrap(commentText(line, 1000), width).map((part) => `${indent}# ${part}`),
  );
}

/** A line cut at spaces into parts of at most `width` (a longer word stays whole); the rest indented further. */
function wrap(line: string, width: number): string[] {
  const lead = /^ */.exec(line)![0] + '    ';
  const parts: string[] = [];
  let rest = line;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    if (cut <= lead.length) break;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = lead + rest.slice(cut + 1).trimStart();
  }
  return [...parts, rest];
}
