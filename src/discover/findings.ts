// Discovery never stops the check: what it cannot read, follow or resolve is a finding at its place.
import type { FindingSeverity, ReportFinding } from '../core/verdict.ts';

/**
 * `undiscovered-destination`: a push whose image cannot be known; `may-push`: a step that may push where
 * pullcheck cannot read what; `discovery`: anything else it could not read.
 */
export type DiscoveryFindingKind = 'undiscovered-destination' | 'may-push' | 'discovery';

/** A finding's message echoes what the repository wrote: one bounded line, whatever the file held. */
const MAX_MESSAGE = 2_000;

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
    message: bounded(message),
  };
}

function bounded(message: string): string {
  if (message.length <= MAX_MESSAGE) return message;
  const high = message.charCodeAt(MAX_MESSAGE - 1);
  const cut = high >= 0xd800 && high <= 0xdbff ? MAX_MESSAGE - 1 : MAX_MESSAGE; // keep surrogate pairs whole
  return `${message.slice(0, cut)}… (cut: ${message.length} characters)`;
}
