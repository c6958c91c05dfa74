// The repository's files, as discovery may read them: relative to the repository root, never outside it
// (symlinks resolved first), regular files only, each at most MAX_USER_FILE_BYTES (read-file.ts, which
// reads every file a user names), each read once.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { readConfined } from '../../core/config/read-file.ts';
import type { RepositoryFile } from './commands/context.ts';

export interface Repository {
  /** `relative` is from the repository root; undefined when absent, outside, not a file or too large. */
  read(relative: string): RepositoryFile | undefined;
  /** The path shown to the user for a root-relative path. */
  display(relative: string): string;
}

/**
 * `root` as the user named it (kept for display); `display` paths are `root/relative`, so a finding
 * points at the file as the user would open it from where pullcheck runs.
 */
export function repositoryAt(root: string): Repository {
  const real = safeRealpath(root);
  const cache = new Map<string, RepositoryFile | undefined>();
  const display = (relative: string) => (root === '' || root === '.' ? relative : path.join(root, relative));
  return {
    display,
    read(relative) {
      const normalized = path.posix.normalize(relative.replace(/\\/g, '/')).replace(/^(\.\/)+/, '');
      if (cache.has(normalized)) return cache.get(normalized);
      let found: RepositoryFile | undefined;
      if (
        real !== undefined &&
        !normalized.startsWith('../') &&
        normalized !== '..' &&
        !path.isAbsolute(normalized)
      ) {
        const read = readConfined(path.join(real, normalized), real);
        if ('text' in read) found = { text: read.text, file: display(normalized), path: normalized };
      }
      cache.set(normalized, found);
      return found;
    },
  };
}

function safeRealpath(target: string): string | undefined {
  try {
    return realpathSync(target);
  } catch {
    return undefined;
  }
}

/** The repository root of a workflow file: the folder holding `.github/workflows/`, else the file's folder. */
export function repositoryRootOf(workflowFile: string): { root: string; relative: string } {
  const normalized = workflowFile.replace(/\\/g, '/');
  const at = normalized.lastIndexOf('.github/workflows/');
  if (at === 0) return { root: '.', relative: normalized };
  if (at > 0 && normalized[at - 1] === '/')
    return { root: normalized.slice(0, at - 1), relative: normalized.slice(at) };
  return { root: path.dirname(workflowFile), relative: path.basename(workflowFile) };
}

/** A repository held in memory (tests, and callers that already have the files). */
export function repositoryFromFiles(files: Readonly<Record<string, string>>, root = ''): Repository {
  const display = (relative: string) => (root ? `${root}/${relative}` : relative);
  return {
    display,
    read: (relative) => {
      const normalized = path.posix.normalize(relative).replace(/^(\.\/)+/, '');
      const text = files[normalized];
      return text === undefined ? undefined : { text, file: display(normalized), path: normalized };
    },
  };
}

/**
 * `owner/name` of a repository checked out from GitHub, from its `.git/config` origin (for the CLI
 * outside Actions, where GITHUB_REPOSITORY is not set): `github.repository` is then known.
 */
export function gitHubRepositoryOf(root: string): string | undefined {
  let config: string;
  try {
    const file = path.join(root, '.git', 'config');
    if (statSync(file).size > 64 * 1024) return undefined;
    config = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const origin = /\[remote "origin"\][^[]*?\burl\s*=\s*(\S+)/.exec(config)?.[1];
  const match =
    origin &&
    /^(?:https:\/\/(?:[^@/]+@)?github\.com\/|git@github\.com:|ssh:\/\/git@github\.com\/)([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(
      origin,
    );
  return match ? `${match[1]}/${match[2]}` : undefined;
}
