// A value the user wrote, shown back inside a message: on one line, bounded, so no value can start a log
// line (a `::` workflow command), reset a terminal, or flood the output (issue 13, items 9 and 10).
import { escapeTerminal } from './outgoing-text.ts';

const QUOTE_LIMIT = 200;

/** `value` in backticks, control characters escaped, cut after ~200 characters with the total length. */
export function quotedValue(value: string): string {
  const escaped = escapeTerminal(value);
  if (escaped.length <= QUOTE_LIMIT) return `\`${escaped}\``;
  return `\`${escaped.slice(0, cutPoint(escaped, QUOTE_LIMIT))}…\` (${value.length} characters)`;
}

/** The last index at or before `limit` that splits neither a surrogate pair nor an escape such as `\u001b`. */
function cutPoint(escaped: string, limit: number): number {
  let cut = limit;
  const escape = /\\(?:u[0-9a-f]{4}|[bfnrt])/g;
  for (const match of escaped.slice(Math.max(0, limit - 6), limit + 6).matchAll(escape)) {
    const start = Math.max(0, limit - 6) + match.index;
    if (start < cut && start + match[0].length > cut) cut = start;
  }
  const code = escaped.charCodeAt(cut - 1);
  return code >= 0xd800 && code <= 0xdbff ? cut - 1 : cut;
}
