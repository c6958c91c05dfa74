// Discovery never stops the check: what it cannot read, follow or resolve is a finding at its place.
import type { FindingSeverity, ReportFinding } from '../core/verdict.ts';

/**
 * `undiscovered-destination`: a push whose image cannot be known; `may-push`: a step that may push where
 * pullcheck cannot read what; `discovery`: anything else it could not read.
 */
export type DiscoveryFindingKind = 'undiscovered-destination' | 'may-push' | 'discovery';

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
