import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * Writes a report given in pieces (json.ts's jsonReportChunks) to `file` as they come, each through
 * `filter` (the outgoing-text rules), so a large report is never held whole.
 */
export function writeChunks(file: string, chunks: Iterable<string>, filter: (text: string) => string): void {
  const descriptor = openSync(file, 'w');
  try {
    for (const chunk of chunks) writeSync(descriptor, filter(chunk));
  } finally {
    closeSync(descriptor);
  }
}
