// A snapshot is the config with every fact the run used — stated and read live — written inline, so the
// run can be replayed with `--offline` and attached to a bug report. It holds no secret: registry
// credentials are never read, pull Secrets only by their registry keys, and registries.yaml by path.
import path from 'node:path';
import { stringify } from 'yaml';
import { LocatedDocument } from '../core/config/document.ts';
import type { LoadedConfig } from '../core/config/load.ts';

export function snapshotYaml(config: LoadedConfig): string {
  const configDir = path.dirname(path.resolve(config.file));
  const input = structuredClone(plain(config.input)) as Record<string, unknown> & {
    targets?: Record<string, unknown>[];
    facts?: { kubernetes?: { manifests?: string[] } };
  };
  // Discovery's images and targets are written out: replaying must not discover again.
  delete input['discover'];
  // Paths stay valid wherever the snapshot is written.
  for (const target of input.targets ?? []) {
    if (typeof target['registriesFile'] === 'string')
      target['registriesFile'] = path.resolve(configDir, target['registriesFile']);
  }
  const manifests = input.facts?.kubernetes?.manifests;
  if (manifests) input.facts!.kubernetes!.manifests = manifests.map((glob) => path.resolve(configDir, glob));
  return `# pullcheck snapshot of ${config.file}: replay with pullcheck check --offline --config THIS_FILE\n${stringify(input)}`;
}

function plain(value: unknown): unknown {
  if (value instanceof LocatedDocument) return value.value;
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, plain(entry)]));
  }
  return value;
}
