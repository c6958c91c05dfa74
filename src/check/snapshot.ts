// A snapshot is the config with every fact the run used — stated and read live — written inline, so the
// run can be replayed with `--offline` and attached to a bug report. It holds no secret: registry
// credentials are never read, pull Secrets only by their registry keys, registries.yaml by path, and
// credentials written in URLs (an endpoint's `https://user:pass@…`) are cut out. Paths are relative to the
// snapshot itself, so a snapshot written beside the repository replays on another machine.
import path from 'node:path';
import { stringify } from 'yaml';
import { LocatedDocument } from '../core/config/document.ts';
import type { LoadedConfig } from '../core/config/load.ts';
import type { SchemaFragment } from '../core/config/schema-parts.ts';
import { redactCredentials } from '../core/outgoing-text.ts';
import { providers } from '../providers/index.ts';

// Each provider's schema says where its part of the config names files (k3s's registriesFile, manifests).
const FILE_PATHS = providers.flatMap(
  (provider) => (provider.schema as SchemaFragment | undefined)?.filePaths ?? [],
);

export function snapshotYaml(config: LoadedConfig, snapshotFile: string): string {
  const configDir = path.dirname(path.resolve(config.file));
  const snapshotDir = path.dirname(path.resolve(snapshotFile));
  const relocated = (file: string) => portable(path.relative(snapshotDir, path.resolve(configDir, file)));
  const input = structuredClone(plain(config.input)) as Record<string, unknown>;
  // Discovery's images and targets are written out: replaying must not discover again.
  delete input['discover'];
  // Paths are read relative to the config that names them: the snapshot, when it is replayed.
  for (const filePath of FILE_PATHS) rewriteStrings(input, filePath, relocated);
  const header = `# pullcheck snapshot of ${path.basename(config.file)}: replay with pullcheck check --offline --config THIS_FILE`;
  return redactCredentials(`${header}\n${stringify(input)}`);
}

/** Replaces every string at `at` under `value` (`*`: each entry of a list) with `rewrite` of it. */
function rewriteStrings(value: unknown, at: readonly string[], rewrite: (text: string) => string): void {
  const [key, ...rest] = at;
  if (key === undefined || value === null || typeof value !== 'object') return;
  const container = value as Record<string, unknown>;
  const keys = key === '*' ? (Array.isArray(value) ? value.keys() : []) : [key];
  for (const entry of keys) {
    const child = container[entry];
    if (rest.length > 0) rewriteStrings(child, rest, rewrite);
    else if (typeof child === 'string') container[entry] = rewrite(child);
  }
}

/** Forward slashes, so a snapshot written on Windows replays elsewhere. */
function portable(file: string): string {
  return file.split(path.sep).join('/');
}

function plain(value: unknown): unknown {
  if (value instanceof LocatedDocument) return value.value;
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, plain(entry)]));
  }
  return value;
}
