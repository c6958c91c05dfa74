// A snapshot names the files the config names (k3s's registriesFile, facts.kubernetes.manifests) relative to
// itself, wherever it is written, so it replays from its own folder.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { snapshotYaml } from '../../src/check/snapshot.ts';
import { loadConfigFile } from '../../src/core/config/load.ts';

test('file paths of every provider are rewritten relative to the snapshot', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-snapshot-'));
  mkdirSync(path.join(dir, 'nodes'));
  mkdirSync(path.join(dir, 'cluster'));
  writeFileSync(path.join(dir, 'nodes', 'registries.yaml'), 'configs: {}\n');
  writeFileSync(path.join(dir, 'cluster', 'rbac.yaml'), 'kind: List\napiVersion: v1\nitems: []\n');
  writeFileSync(
    path.join(dir, 'pullcheck.yml'),
    [
      'version: 1',
      'images: [registry.example.com/app:1]',
      'targets:',
      '  - { name: edge, platform: k3s, registriesFile: nodes/registries.yaml }',
      '  - { name: web, platform: kubernetes, namespace: shop }',
      'facts:',
      '  kubernetes:',
      '    manifests: [cluster/rbac.yaml]',
      '',
    ].join('\n'),
  );
  const written = parse(
    snapshotYaml(loadConfigFile(path.join(dir, 'pullcheck.yml')), path.join(dir, 'out', 'snap.yml')),
  );
  assert.equal(written.targets[0].registriesFile, '../nodes/registries.yaml');
  assert.equal(written.targets[1].registriesFile, undefined);
  assert.deepEqual(written.facts.kubernetes.manifests, ['../cluster/rbac.yaml']);
});
