// A pullcheck config and its Kubernetes manifests written into a fresh temp dir, as a user keeps them in a
// repository: `facts.kubernetes.manifests` globs are relative to the config file (SPEC §3).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { loadConfigFile } from '../../src/core/config/load.ts';
import type { Report } from '../../src/core/report-model.ts';
import { checkConfig } from './check.ts';

export interface WrittenCase {
  readonly dir: string;
  /** The config's absolute path. */
  readonly config: string;
  readonly configText: string;
  /** Absolute path → text, for every manifest written. */
  readonly manifests: ReadonlyMap<string, string>;
}

/**
 * Writes `config` (an object, stringified as YAML) as pullcheck.yml, and each manifest under `deploy/`
 * (`files` maps a path relative to deploy/ to its text).
 */
export function writeCase(config: Record<string, unknown>, files: Record<string, string> = {}): WrittenCase {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-kube-'));
  const manifests = new Map<string, string>();
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, 'deploy', name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    manifests.set(file, text);
  }
  const configText = stringify(config);
  const configFile = path.join(dir, 'pullcheck.yml');
  writeFileSync(configFile, configText);
  return { dir, config: configFile, configText, manifests };
}

/** One multi-document YAML file, as `kubectl get -o yaml` or a hand-written manifest keeps objects. */
export function yamlStream(...objects: readonly unknown[]): string {
  return objects.map((object) => stringify(object)).join('---\n');
}

/** Runs the whole offline check, as the CLI does, on a written config. */
export function check(config: string): Report {
  return checkConfig(loadConfigFile(config), { failOn: 'denied' });
}

/** Where `needle` first occurs in `text` ('' : the end of it), 1-based, as pullcheck reports places. */
export function positionOf(text: string, needle: string): { line: number; column: number } {
  const offset = needle === '' ? text.length : text.indexOf(needle);
  assert.notEqual(offset, -1, `${JSON.stringify(needle)} is in the file`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1) ?? '').length + 1 };
}

/** As pullcheck displays a file: relative to the working directory. */
export const shown = (file: string): string => path.relative(process.cwd(), file);
