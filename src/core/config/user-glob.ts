// Globs the config writes (discover.workflows, discover.manifests, facts.kubernetes.manifests) match only
// inside the repository, and the work one pattern can cause is bounded: its length, its wildcards, the
// entries crawled and the files matched. Each limit is a ConfigError at the line that wrote the pattern.
import { readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { ConfigError, type SourceLocation } from '../errors.ts';
import { quotedValue } from '../quoted-value.ts';
import { displayPath, isInside, shownPath } from './read-file.ts';

export const MAX_PATTERN_LENGTH = 1_000;
export const MAX_GLOB_MATCHES = 10_000;
/** Files and folders one pattern may walk through. */
const MAX_CRAWLED_ENTRIES = 200_000;
/**
 * Star runs (`*`, `**`) in one pattern. picomatch turns each into a lazy `[^/]*?`, and matching backtracks
 * through every split of a name: five stars against a 200-character name already take seconds.
 */
const MAX_STARS = 4;

export interface RepositoryGlob {
  readonly pattern: string;
  /** Where the pattern was written. */
  readonly where: SourceLocation;
  /** The folder the pattern is relative to (the config's). */
  readonly cwd: string;
  /** The repository root, a real path (repositoryRootOf). */
  readonly root: string;
  readonly onlyFiles: boolean;
  readonly dot: boolean;
}

/** Absolute paths of what the pattern matches, sorted; a pattern that leaves the repository or asks too much throws. */
export function globInRepository(glob: RepositoryGlob): string[] {
  const { pattern, where, root } = glob;
  const refuse = (why: string) => new ConfigError({ where, message: `the pattern ${why}` });
  if (pattern.length > MAX_PATTERN_LENGTH)
    throw refuse(`is ${pattern.length} characters long: at most ${MAX_PATTERN_LENGTH} are read`);
  if ((pattern.match(/\*+/g) ?? []).length > MAX_STARS)
    throw refuse(
      `${quotedValue(pattern)} has more than ${MAX_STARS} wildcards (*, **): write a narrower one`,
    );
  const escape = leavesRepository(pattern, glob.cwd, root);
  if (escape) throw refuse(`${quotedValue(pattern)} ${escape}`);

  let crawled = 0;
  const countingReaddir = ((dir: string, options: { withFileTypes: true }) => {
    // fdir swallows errors from readdir: past the budget every folder reads as unreadable, ending the walk.
    if (crawled > MAX_CRAWLED_ENTRIES) throw new Error('crawl budget spent');
    const entries = readdirSync(dir, options);
    crawled += entries.length;
    return entries;
  }) as typeof readdirSync;
  let matches: string[];
  try {
    matches = globSync(pattern, {
      cwd: glob.cwd,
      absolute: true,
      onlyFiles: glob.onlyFiles,
      dot: glob.dot,
      // Extended globs (`+(…)`, `@(…)`) nest quantifiers, whose matching can take exponential time.
      extglob: false,
      fs: { readdirSync: countingReaddir },
    });
  } catch {
    throw refuse(`${quotedValue(pattern)} is not a glob pullcheck can read`);
  }
  if (crawled > MAX_CRAWLED_ENTRIES)
    throw refuse(
      `${quotedValue(pattern)} walks more than ${MAX_CRAWLED_ENTRIES.toLocaleString('en-US')} files and folders: write a narrower one`,
    );
  if (matches.length > MAX_GLOB_MATCHES)
    throw refuse(
      `${quotedValue(pattern)} matches ${matches.length.toLocaleString('en-US')} entries: at most ${MAX_GLOB_MATCHES.toLocaleString('en-US')} are read; write a narrower one`,
    );
  const found = matches.map((match) => match.replace(/[\\/]+$/, '') || match).sort();
  for (const match of found) {
    const real = realOrUndefined(match);
    if (real !== undefined && !isInside(real, root))
      throw refuse(
        `${quotedValue(pattern)} matches ${shownPath(displayPath(match))}, which resolves to ${shownPath(real)}, outside the repository (${shownPath(root)})`,
      );
  }
  return found;
}

/**
 * Why the pattern would reach outside the repository, before any folder is read: its fixed leading part
 * (`../..`, `/etc`) resolves outside, or a `..` follows a wildcard or sits in a brace, where no fixed
 * folder can be checked.
 */
function leavesRepository(pattern: string, cwd: string, root: string): string | undefined {
  const written = pattern.replace(/\\/g, '/').split('/');
  const firstDynamic = written.findIndex((segment) => isDynamicPattern(segment));
  const dynamic = firstDynamic === -1 ? [] : written.slice(firstDynamic);
  if (dynamic.some((segment) => segment === '..' || /(?:^|[{,])\.\.(?:[},]|$)/.test(segment)))
    return 'uses `..` after a wildcard or inside braces: only a leading `..` is read';
  const fixed = firstDynamic === -1 ? written : written.slice(0, firstDynamic);
  const base = path.resolve(cwd, fixed.join('/') || '.');
  if (!isInside(realOfNearest(base), root))
    return `leaves the repository (${shownPath(root)}): only files inside it are read`;
  return undefined;
}

/** The real path of `target`, or of its nearest existing ancestor with the rest appended. */
function realOfNearest(target: string): string {
  const real = realOrUndefined(target);
  if (real !== undefined) return real;
  const parent = path.dirname(target);
  return parent === target ? target : path.join(realOfNearest(parent), path.basename(target));
}

function realOrUndefined(target: string): string | undefined {
  try {
    return realpathSync(target);
  } catch {
    return undefined;
  }
}
