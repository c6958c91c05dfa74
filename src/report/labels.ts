import type { Origin } from '../core/origins.ts';
import type { PullResult, VerdictKind } from '../core/verdict.ts';

export const VERDICT_ICON: Record<VerdictKind, string> = { allowed: '✅', denied: '❌', unknown: '❔' };

export function headline(summary: {
  allowed: number;
  denied: number;
  unknown: number;
  gate: string;
}): string {
  const total = summary.allowed + summary.denied + summary.unknown;
  if (total === 0) return 'no pulls to check';
  const parts = [`${summary.denied} denied`, `${summary.unknown} unknown`, `${summary.allowed} allowed`];
  return `${parts.join(', ')} of ${total} pull${total === 1 ? '' : 's'} — gate ${summary.gate}`;
}

/** The reasons that say what is unknown (rules mark them `unknown: `), or all reasons when none is marked. */
export function unknownReasons(result: PullResult): string[] {
  const marked = result.reasons.filter((reason) => reason.startsWith('unknown: '));
  return marked.length > 0 ? marked.map((reason) => reason.slice('unknown: '.length)) : [...result.reasons];
}

/** `file:line (what wrote it)`, unescaped: each renderer escapes for its medium. */
export function originText(origin: Origin): string {
  return `${origin.file}${origin.line ? `:${origin.line}` : ''} (${origin.via})`;
}
