// Shared by every provider's live-facts join: documents read live are marked as such in messages, and an
// entry the cloud refused (`unreadable`) is not claimed as a fact read live.
import { LocatedDocument } from './config/document.ts';

const LIVE = { file: '(live read)', line: 1, column: 1 };

export function liveDocument(value: unknown): unknown {
  return value !== null && typeof value === 'object' && !(value instanceof LocatedDocument)
    ? new LocatedDocument(value, LIVE)
    : value;
}

/**
 * A document live reads gave: the cloud's answer, not the user's writing. One pullcheck cannot parse (a key
 * newer than its parser) leaves what it says unknown; it is no config error.
 */
export function isReadLive(document: LocatedDocument): boolean {
  return document.where.file === LIVE.file;
}

export function readEntries<T>(entries: unknown): T[] {
  return ((entries as (T & { unreadable?: string })[] | undefined) ?? []).filter(
    (entry) => entry.unreadable === undefined,
  );
}
