// A workflow's `on:` in its three written forms ("Workflow syntax for GitHub Actions", on): one event
// name, a list of names, or a map of names to their filters. One form out: each event with its filters.

export interface EventEntry {
  readonly event: string;
  /** The event's filters (`branches`, `tags`, …); empty when written without any. */
  readonly filters: Readonly<Record<string, unknown>>;
}

export function eventEntries(on: unknown): EventEntry[] {
  if (typeof on === 'string') return [{ event: on, filters: {} }];
  if (Array.isArray(on)) {
    return on
      .filter((name): name is string => typeof name === 'string')
      .map((event) => ({ event, filters: {} }));
  }
  if (on !== null && typeof on === 'object') {
    return Object.entries(on as Record<string, unknown>).map(([event, filters]) => ({
      event,
      filters:
        filters !== null && typeof filters === 'object' && !Array.isArray(filters)
          ? (filters as Record<string, unknown>)
          : {},
    }));
  }
  return [];
}
