// Discovery never stops the check: what it cannot read, follow or resolve is a finding at its place.
import type { FindingSeverity, ReportFinding } from '../core/verdict.ts';

/** `undiscovered-destination`: a push whose image cannot be known; `discovery`: anything else. */
export type DiscoveryFindingKind = 'undiscovered-destination' | 'discovery';

export function discoveryFinding(
  kind: DiscoveryFindingKind,
  severity: FindingSeverity,
  at: { readonly file: string; readonly line?: number | undefined },
  message: string,
): ReportFinding {
  return {
    severity,
    kind,
    file: at.file,
    ...(at.line === undefined ? {} : { line: at.line }),
    message,
  };
}
