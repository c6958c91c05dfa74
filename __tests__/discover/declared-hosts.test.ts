// A pushed image on a registry host a target declares (an OpenShift route) is read with that registry's
// path form while discovering: a path the registry refuses is a finding at the push, not an error that
// stops the whole check at the config's first line.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfigFile } from '../../src/core/config/load.ts';
import { discover } from '../../src/discover/index.ts';

test('a push to a declared OpenShift route with a three-part path is an undiscovered-destination finding', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-declared-'));
  mkdirSync(path.join(dir, '.github', 'workflows'), { recursive: true });
  writeFileSync(
    path.join(dir, '.github', 'workflows', 'release.yml'),
    [
      'on: push',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: docker push route.apps.example.com/shop/web/extra:1',
      '      - run: docker push route.apps.example.com/shop/web:1',
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(dir, 'pullcheck.yml'),
    [
      'version: 1',
      'discover: { workflows: [.github/workflows/*.yml] }',
      'targets:',
      '  - { name: ocp, platform: openshift, namespace: shop, registryHosts: [route.apps.example.com] }',
      '',
    ].join('\n'),
  );
  const { config, findings } = discover(loadConfigFile(path.join(dir, 'pullcheck.yml')));
  assert.deepEqual(config.input.images, ['route.apps.example.com/shop/web:1']);
  const refused = findings.filter((finding) => finding.kind === 'undiscovered-destination');
  assert.equal(refused.length, 1, JSON.stringify(findings));
  assert.match(refused[0]!.message, /exactly two components, got 3/);
  assert.equal(refused[0]!.line, 6);
});
