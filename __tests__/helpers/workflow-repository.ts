// A throwaway repository holding workflow files (and what they deploy), and discovery run on it the way the
// action runs it: the config at .github/pullcheck.yml, the named workflow as the running one.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { loadConfigText } from '../../src/core/config/load.ts';
import { discover, type DiscoverOptions } from '../../src/discover/index.ts';

/** A repository holding `files`; returns its root. */
export function repository(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-deploy-'));
  mkdirSync(path.join(root, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

export function discovered(
  root: string,
  config: Record<string, unknown>,
  workflow: string,
  options: Omit<DiscoverOptions, 'workflows'> = {},
) {
  const file = path.join(root, '.github', 'pullcheck.yml');
  writeFileSync(file, stringify(config));
  return discover(loadConfigText(stringify(config), file), {
    ...options,
    workflows: [path.join(root, workflow)],
  });
}
