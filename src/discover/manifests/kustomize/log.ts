// What a build read and what it could not follow, in one place: a build never throws for a user's mistake
// (discovery never stops the check), so every step reports here and goes on, and the caller learns which
// files the build owns. Every file is read through here, inside the repository and bounded (read-file.ts).
import { readConfined, type ConfinedRead } from '../../../core/config/read-file.ts';
import type { DiscoveryWarning } from '../objects.ts';

/** Where something was written: a file as messages show it, and a line when one is known. */
export interface Where {
  readonly file: string;
  readonly line?: number;
}

export class BuildLog {
  /** Every file (absolute path) the build read. */
  readonly files = new Set<string>();
  private readonly warnings: DiscoveryWarning[] = [];
  /** An entry pointed outside the repository: not read here, and not handed to a real kustomize either. */
  leftRepository = false;
  /** A kustomization read so far adds labels or annotations, which this build does not apply (exactness.ts). */
  labelsSkipped = false;

  /** `root`: the repository (a real path) the build may read files from. */
  constructor(readonly root: string) {}

  /** A file of the build, read when it is inside the repository, regular and small enough; why not, otherwise. */
  read(absolute: string): ConfinedRead {
    const read = readConfined(absolute, this.root);
    if ('text' in read) this.files.add(absolute);
    return read;
  }

  warn(where: Where, message: string): void {
    this.warnings.push(where.line === undefined ? { file: where.file, message } : { ...where, message });
  }

  /** Warnings made elsewhere (the problems of a YAML file that cannot be read), as they are. */
  add(warnings: readonly DiscoveryWarning[]): void {
    this.warnings.push(...warnings);
  }

  /** The warnings in the order they were made, each once (a base built twice warns twice). */
  uniqueWarnings(): DiscoveryWarning[] {
    const seen = new Set<string>();
    return this.warnings.filter((warning) => {
      const key = `${warning.file}\0${warning.line ?? ''}\0${warning.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
}
