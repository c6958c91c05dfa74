// Shared by every provider's live-facts join: documents read live are marked as such in messages, and an
// entry the cloud refused (`unreadable`) is not claimed as a fact read live.
import { LocatedDocument } from './config/document.ts';

const LIVE = { file: '(live read)', line: 1, column: 1 };

export function liveDocument(value: unknown): unknown {
  return value !== null && typeof value === 'object' && !(value instanceof LocatedDocument)
    ? new LocatedDocument(value, LIVE)
    : value;
}

export function readEntries<T>(entries: unknown): T[] {
  return ((entries as (T & { unreadable?: string })[] | undefined) ?? []).filter(
    (entry) => entry.unreadable === undefined,
  );
}
