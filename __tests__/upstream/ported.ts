// The shape every ported upstream case table takes, so the README's count per upstream file is generated
// (scripts/generate-action-docs.ts reads every `__tests__/upstream/*.cases.ts`) and cannot drift.
// A case table is our own translation of an upstream test: each case names the upstream test and row it
// reproduces; the test file beside it (`<name>.test.ts`) runs the cases through pullcheck.

/** One upstream test file, pinned to the commit the cases were read at. */
export interface UpstreamFile {
  /** `owner/name` on GitHub. */
  readonly repository: string;
  readonly commit: string;
  /** The test file's path inside the repository. */
  readonly path: string;
}

/** A ported case: `from` names the upstream test function and its row (table entry name or index). */
export interface Ported {
  readonly from: string;
  /**
   * Why pullcheck deliberately answers differently from the upstream expectation (usually `unknown`
   * where upstream has a fact pullcheck cannot know); absent when pullcheck agrees.
   */
  readonly differs?: string;
}

/** The cases ported from one upstream file. */
export interface PortedFile<Case extends Ported> {
  readonly upstream: UpstreamFile;
  readonly cases: readonly Case[];
}

/** What a `*.cases.ts` module exports: every upstream file it ports. */
export type PortedTables = readonly PortedFile<Ported>[];
