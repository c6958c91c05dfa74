// Files the user names — the config, and what it points at: policy documents, registries.yaml, manifests,
// workflows — are read only inside the repository once symlinks are resolved, regular files only, each at
// most MAX_USER_FILE_BYTES. A refusal names the file, never its content: a secret can be in any of them.
import { closeSync, constants, existsSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, type SourceLocation } from '../errors.ts';
import { escapeTerminal } from '../outgoing-text.ts';
import { quotedValue } from '../quoted-value.ts';

export const MAX_USER_FILE_BYTES = 10 * 1024 * 1024;

/** Why a file was not read: an errno code (ENOENT, EISDIR, …), or a rule of this module. */
export type Refusal =
  | { readonly refused: 'unreadable'; readonly code: string }
  | { readonly refused: 'outside'; readonly real: string; readonly root: string }
  | { readonly refused: 'not-a-file' }
  | { readonly refused: 'too-large'; readonly size: number };

export type ConfinedRead = { readonly text: string; readonly real: string } | Refusal;

/**
 * The repository the config's files are read from, as a real path. In Actions that is the workspace
 * (GITHUB_WORKSPACE), when the config is inside it. Otherwise — the CLI — it is the git checkout holding
 * the config (the nearest folder with a `.git`, upward from the config's folder), because a config kept
 * in `.github/` names `deploy/…` beside that folder; outside any checkout it is the config's folder tree.
 */
export function repositoryRootOf(
  configDir: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const dir = realOrResolved(configDir);
  const workspace = env['GITHUB_WORKSPACE'] ? realOrResolved(env['GITHUB_WORKSPACE']) : undefined;
  if (workspace !== undefined && isInside(dir, workspace)) return workspace;
  for (let folder = dir; ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, '.git'))) return folder;
    if (path.dirname(folder) === folder) return dir;
  }
}

/** `real` is `root` or below it (both real paths). */
export function isInside(real: string, root: string): boolean {
  const relative = path.relative(root, real);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The file's real path when it may be read: inside `root` (when given) once symlinks are resolved, a regular
 * file, at most MAX_USER_FILE_BYTES; otherwise why not. Never throws.
 */
export function checkConfined(file: string, root?: string): { readonly real: string } | Refusal {
  try {
    const real = realpathSync(file);
    if (root !== undefined && !isInside(real, root)) return { refused: 'outside', real, root };
    const stat = statSync(real);
    if (stat.isDirectory()) return { refused: 'unreadable', code: 'EISDIR' };
    if (!stat.isFile()) return { refused: 'not-a-file' };
    if (stat.size > MAX_USER_FILE_BYTES) return { refused: 'too-large', size: stat.size };
    return { real };
  } catch (error) {
    return unreadable(error);
  }
}

/** The file's text when checkConfined allows it; otherwise why not. Never throws. */
export function readConfined(file: string, root?: string): ConfinedRead {
  const checked = checkConfined(file, root);
  if ('refused' in checked) return checked;
  let fd: number;
  try {
    // Non-blocking, in case a FIFO took the file's place after the check: opening one would wait for a writer.
    fd = openSync(checked.real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return unreadable(error);
  }
  try {
    return readBounded(fd, checked.real);
  } catch (error) {
    return unreadable(error);
  } finally {
    closeSync(fd);
  }
}

function unreadable(error: unknown): Refusal {
  return { refused: 'unreadable', code: (error as NodeJS.ErrnoException).code ?? 'unreadable' };
}

/** Reads up to one byte past the limit, so a file that grew after its stat is still refused, not read whole. */
function readBounded(fd: number, real: string): ConfinedRead {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, MAX_USER_FILE_BYTES + 1 - total));
    const read = readSync(fd, chunk, 0, chunk.length, null);
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    total += read;
    if (total > MAX_USER_FILE_BYTES) return { refused: 'too-large', size: total };
  }
  return { text: Buffer.concat(chunks, total).toString('utf8'), real };
}

/** What a refusal says about `file` (absolute); an errno code is usually left to the caller's wording. */
export function refusalMessage(refusal: Refusal, file: string): string {
  const shown = shownPath(displayPath(file));
  const limit = megabytes(MAX_USER_FILE_BYTES);
  switch (refusal.refused) {
    case 'unreadable':
      return `cannot read ${shown} (${refusal.code})`;
    case 'outside': {
      const resolves =
        path.resolve(file) === refusal.real ? '' : `; it resolves to ${shownPath(refusal.real)}`;
      return `${shown} is outside the repository (${shownPath(refusal.root)}${resolves}): only files inside it are read`;
    }
    case 'not-a-file':
      return `${shown} is not a regular file: only regular files are read`;
    case 'too-large':
      return `${shown} is larger than ${limit} (${megabytes(refusal.size)}): files are read up to ${limit}`;
  }
}

/**
 * Reads a file the user pointed at; a file that cannot or may not be read is a ConfigError at `where`, the
 * place that named it. `expected` words the errno case (`%CODE%` is replaced by the code); `root`, when
 * given, confines the read to the repository (the config file itself is named on the command line).
 */
export function readUserFile(file: string, where: SourceLocation, expected: string, root?: string): string {
  const read = readConfined(file, root);
  if ('text' in read) return read.text;
  throw userFileError(read, file, where, expected);
}

/** Checks, without reading it, a file another program reads (helm's values) as readUserFile would. */
export function assertUserFile(file: string, where: SourceLocation, expected: string, root: string): void {
  const checked = checkConfined(file, root);
  if ('refused' in checked) throw userFileError(checked, file, where, expected);
}

function userFileError(refusal: Refusal, file: string, where: SourceLocation, expected: string): ConfigError {
  const message =
    refusal.refused === 'unreadable'
      ? `cannot read ${expected.replace('%CODE%', refusal.code)}`
      : refusalMessage(refusal, file);
  return new ConfigError({ where, message });
}

/** A path as messages show it: relative to the working directory. */
export function displayPath(absolute: string): string {
  return path.relative(process.cwd(), absolute) || absolute;
}

/**
 * A path the user wrote (or a pattern), in a message: control characters escaped so it stays on its line,
 * and quoted and cut (quotedValue) when it is too long to repeat whole.
 */
export function shownPath(written: string): string {
  const escaped = escapeTerminal(written);
  return escaped.length <= 200 ? escaped : quotedValue(written);
}

function realOrResolved(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
