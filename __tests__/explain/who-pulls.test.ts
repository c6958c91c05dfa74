// On a k3s target the registries.yaml entry decides whose pull it is (a Google service-account key makes
// it that account's): explain's trace starts with how the principal was found, then the IAM decision.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCliInProcess } from '../helpers/cli-formats.ts';

test('a k3s pull with a service-account key: the registries.yaml steps lead the trace, then the IAM bindings', async () => {
  const { code, stdout } = await runCliInProcess([
    'explain',
    'europe-west2-docker.pkg.dev/acme-prod/apps/api:1.4.2',
    'edge-k3s',
    '--config',
    'examples/pullcheck.yml',
    '--offline',
    '--format',
    'json',
  ]);
  assert.equal(code, 0, stdout);
  const [pull] = JSON.parse(stdout) as {
    verdict: string;
    trace: { layer: string; source: { file?: string; line?: number } }[];
  }[];
  assert.equal(pull?.verdict, 'allowed');
  const layers = pull!.trace.map((step) => step.layer);
  assert.equal(layers[0], 'k3s registries.yaml');
  assert.ok(
    layers.indexOf('IAM allow policy') > layers.lastIndexOf('k3s registries.yaml'),
    layers.join(', '),
  );
  const auth = pull!.trace.find(
    (step) => step.source.file === 'examples/k3s/registries.yaml' && step.source.line === 11,
  );
  assert.ok(auth, 'the configs entry at its line');
  // The key itself never reaches the trace.
  assert.doesNotMatch(stdout, /PRIVATE KEY|private_key/);
});
