import type { Origin } from '../core/origins.ts';
import type { ReportSummary, VerdictCounts } from '../core/report-model.ts';
import type { PullResult, VerdictKind } from '../core/verdict.ts';

export const VERDICT_ICON: Record<VerdictKind, string> = { allowed: '✅', denied: '❌', unknown: '❔' };

export function headline(summary: ReportSummary): string {
  const total = summary.allowed + summary.denied + summary.unknown;
  const counts = (of: VerdictCounts) => `${of.denied} denied, ${of.unknown} unknown, ${of.allowed} allowed`;
  const pulls =
    total === 0 ? 'no pulls to check' : `${counts(summary)} of ${total} pull${total === 1 ? '' : 's'}`;
  if (!summary.ci) return total === 0 ? pulls : `${pulls} — gate ${summary.gate}`;
  const steps = summary.ci.allowed + summary.ci.denied + summary.ci.unknown;
  return `${pulls}; CI path: ${counts(summary.ci)} of ${steps} login${steps === 1 ? '' : 's'} and pushes — gate ${summary.gate}`;
}

/** The reasons that say what is unknown (rules mark them `unknown: `), or all reasons when none is marked. */
export function unknownReasons(result: Pick<PullResult, 'reasons'>): string[] {
  const marked = result.reasons.filter((reason) => reason.startsWith('unknown: '));
  return marked.length > 0 ? marked.map((reason) => reason.slice('unknown: '.length)) : [...result.reasons];
}

/** `file:line (what wrote it)`, unescaped: each renderer escapes for its medium. */
export function originText(origin: Origin): string {
  return `${origin.file}${origin.line ? `:${origin.line}` : ''} (${origin.via})`;
}
