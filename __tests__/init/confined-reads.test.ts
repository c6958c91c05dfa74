// `pullcheck init` reads inside the repository only: a folder a workflow applies from outside it
// (`kubectl apply -k ../platform`) and a usual manifest folder that is a symbolic link out of it are not
// listed — what they hold is neither read nor told (a kind of `plain`, no proposal).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { scanRepository } from '../../src/init/scan.ts';

test('init lists no folder outside the repository: not one a workflow applies, not one a link leads to', () => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-init-confined-'));
  const outside = path.join(base, 'platform');
  mkdirSync(path.join(outside, 'chart'), { recursive: true });
  writeFileSync(path.join(outside, 'kustomization.yaml'), 'resources: []\n');
  writeFileSync(path.join(outside, 'chart', 'Chart.yaml'), 'name: outside\n');
  const repo = path.join(base, 'repo');
  mkdirSync(path.join(repo, '.github', 'workflows'), { recursive: true });
  writeFileSync(
    path.join(repo, '.github', 'workflows', 'deploy.yml'),
    [
      'on: push',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: aws eks update-kubeconfig --name prod --region us-east-1',
      '      - run: kubectl apply -k ../platform',
      '',
    ].join('\n'),
  );
  symlinkSync(outside, path.join(repo, 'k8s'));
  const scan = scanRepository(repo);
  const outsideFolders = scan.manifests.filter(
    (folder) => folder.path.startsWith('k8s') || folder.path.startsWith('..'),
  );
  assert.ok(
    outsideFolders.every((folder) => folder.kind === 'plain' && folder.appliedTo !== undefined),
    JSON.stringify(scan.manifests),
  );
});
