// How discovery runs a tool of the machine (kustomize, kubectl, helm) on a repository it does not trust:
// found only in absolute PATH entries (a relative one — '.', an empty entry — would run a binary the
// repository under check can plant), and given a minimal environment — PATH, HOME (git's and helm's own
// config), TMPDIR, GIT_TERMINAL_PROMPT=0 (a private remote base fails at once instead of asking for a
// password), KUBECONFIG at the null device (rendering needs no cluster, and a kubeconfig can name exec
// plugins). Nothing else of pullcheck's environment reaches it: not the action's inputs (INPUT_*), not
// GITHUB_TOKEN, cloud credentials or proxy URLs (which can carry a password).
import { accessSync, constants, statSync } from 'node:fs';
import { devNull } from 'node:os';
import path from 'node:path';

/** The executable `command` in the first absolute entry of `searchPath` that has one. */
export function findOnPath(command: string, searchPath: string): string | undefined {
  const dirs = searchPath.split(path.delimiter).filter((dir) => path.isAbsolute(dir));
  return dirs.map((dir) => path.join(dir, command)).find(isExecutableFile);
}

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The child's whole environment (see the header for why each one, and why nothing else). */
export function childEnvironment(searchPath: string): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { PATH: searchPath, KUBECONFIG: devNull, GIT_TERMINAL_PROMPT: '0' };
  for (const name of ['HOME', 'TMPDIR'] as const) {
    const value = process.env[name];
    if (value !== undefined) environment[name] = value;
  }
  return environment;
}
