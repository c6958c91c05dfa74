// How manifest discovery words what it could not read: a finding at its place, and the patterns an entry
// names, bounded.
import { shownPath } from '../core/config/read-file.ts';
import type { ReportFinding } from '../core/verdict.ts';
import { discoveryFinding } from './findings.ts';

export function warn(
  findings: ReportFinding[],
  at: { file: string; line?: number | undefined },
  message: string,
): void {
  findings.push(discoveryFinding('discovery', 'medium', at, message));
}

/** The patterns of an entry in a message: the first few, each shown bounded, and how many in all. */
export function listed(paths: readonly string[]): string {
  const shown = paths.slice(0, 5).map(shownPath).join(', ');
  return paths.length > 5 ? `${shown}, … (${paths.length} patterns)` : shown;
}
