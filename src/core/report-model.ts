// The report every renderer takes (SPEC §5 "JSON report": stable; extend, never rename).
import type { PlanExplanation } from './origins.ts';
import type { PullResult, ReportFinding } from './verdict.ts';
import type { CiResult } from './ci-path.ts';

export type FailOn = 'denied' | 'unknown' | 'never';
/** Every fail-on value, for the CLI's --fail-on and the action's fail-on input. */
export const FAIL_ON: readonly FailOn[] = ['denied', 'unknown', 'never'];
export type Gate = 'pass' | 'fail';

export interface VerdictCounts {
  readonly allowed: number;
  readonly denied: number;
  readonly unknown: number;
}

/** The pulls' counts; the gate counts the CI path's rows too (`ci`, present when there are any). */
export interface ReportSummary extends VerdictCounts {
  readonly gate: Gate;
  readonly ci?: VerdictCounts;
}

export interface Report {
  readonly version: 1;
  readonly summary: ReportSummary;
  readonly results: readonly PullResult[];
  /** The CI path (issue 18): each job's OIDC login per event, and each image it pushes. */
  readonly ci?: readonly CiResult[];
  readonly findings: readonly ReportFinding[];
  /** Where the facts came from: the resources live reads supplied (the rest came from the config). */
  readonly facts?: { readonly live: readonly string[] };
  /** Where every image and target of the plan came from. */
  readonly plan?: PlanExplanation;
}

export function gateFor(counts: VerdictCounts, failOn: FailOn, ci?: VerdictCounts): Gate {
  if (failOn === 'never') return 'pass';
  const failing = (of: VerdictCounts) => (failOn === 'unknown' ? of.denied + of.unknown : of.denied);
  return failing(counts) + (ci ? failing(ci) : 0) > 0 ? 'fail' : 'pass';
}

export function buildReport(
  results: readonly PullResult[],
  findings: readonly ReportFinding[],
  failOn: FailOn,
  ci: readonly CiResult[] = [],
): Report {
  const counts = countsOf(results);
  if (ci.length === 0)
    return { version: 1, summary: { ...counts, gate: gateFor(counts, failOn) }, results, findings };
  const ciCounts = countsOf(ci);
  const summary = { ...counts, gate: gateFor(counts, failOn, ciCounts), ci: ciCounts };
  return { version: 1, summary, results, ci, findings };
}

function countsOf(rows: readonly { readonly verdict: keyof VerdictCounts }[]): VerdictCounts {
  const counts = { allowed: 0, denied: 0, unknown: 0 };
  for (const row of rows) counts[row.verdict]++;
  return counts;
}
