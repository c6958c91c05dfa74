// The report every renderer takes (SPEC §5 "JSON report": stable; extend, never rename).
import type { PlanExplanation } from './origins.ts';
import type { PullResult, ReportFinding } from './verdict.ts';

export type FailOn = 'denied' | 'unknown' | 'never';
/** Every fail-on value, for the CLI's --fail-on and the action's fail-on input. */
export const FAIL_ON: readonly FailOn[] = ['denied', 'unknown', 'never'];
export type Gate = 'pass' | 'fail';

export interface ReportSummary {
  readonly allowed: number;
  readonly denied: number;
  readonly unknown: number;
  readonly gate: Gate;
}

export interface Report {
  readonly version: 1;
  readonly summary: ReportSummary;
  readonly results: readonly PullResult[];
  readonly findings: readonly ReportFinding[];
  /** Where the facts came from: the resources live reads supplied (the rest came from the config). */
  readonly facts?: { readonly live: readonly string[] };
  /** Where every image and target of the plan came from. */
  readonly plan?: PlanExplanation;
}

export function gateFor(counts: Omit<ReportSummary, 'gate'>, failOn: FailOn): Gate {
  if (failOn === 'never') return 'pass';
  const failing = failOn === 'unknown' ? counts.denied + counts.unknown : counts.denied;
  return failing > 0 ? 'fail' : 'pass';
}

export function buildReport(
  results: readonly PullResult[],
  findings: readonly ReportFinding[],
  failOn: FailOn,
): Report {
  const counts = { allowed: 0, denied: 0, unknown: 0 };
  for (const result of results) counts[result.verdict]++;
  return { version: 1, summary: { ...counts, gate: gateFor(counts, failOn) }, results, findings };
}
