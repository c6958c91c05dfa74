// A manifest whose namespace, service account or pull secret name Kubernetes would refuse is not a
// workload anyone can deploy: it is a finding at the line, and its names never reach a plan or a report.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readManifestText } from '../../src/discover/manifests/objects.ts';
import { workloadsOf } from '../../src/discover/manifests/workloads.ts';

function deployment(metadata: string, podSpec: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${metadata}spec:
  template:
    spec:
${podSpec}      containers: [{ name: web, image: ghcr.io/acme/web:1 }]
`;
}

const cases: { name: string; yaml: string; line: number; says: RegExp }[] = [
  {
    name: 'metadata.namespace with capitals',
    yaml: deployment('  namespace: Team_A\n', ''),
    line: 5,
    says: /^Deployment `web` is skipped: namespace `Team_A` is not a DNS-1123 label/,
  },
  {
    name: 'metadata.namespace holding a newline and a workflow command',
    yaml: deployment('  namespace: "a\\n::error::forged"\n', ''),
    line: 5,
    says: /namespace `a\\n::error::forged` is not a DNS-1123 label/,
  },
  {
    name: 'serviceAccountName with a space',
    yaml: deployment('', '      serviceAccountName: "web bot"\n'),
    line: 8,
    says: /service account `web bot` is not a DNS-1123 subdomain/,
  },
  {
    name: 'an imagePullSecrets name with a capital',
    yaml: deployment('', '      imagePullSecrets: [{ name: ok }, { name: RegCred }]\n'),
    line: 8,
    says: /imagePullSecrets name `RegCred` is not a DNS-1123 subdomain/,
  },
];

for (const { name, yaml, line, says } of cases) {
  test(`a Deployment with ${name} is a finding at line ${line}, not a workload`, () => {
    const found = workloadsOf(readManifestText(yaml, 'm.yaml').objects, 'web');
    assert.deepEqual(found.workloads, []);
    assert.equal(found.warnings.length, 1);
    const warning = found.warnings[0]!;
    assert.equal(`${warning.file}:${warning.line}`, `m.yaml:${line}`);
    assert.match(warning.message, says);
    assert.doesNotMatch(warning.message, /\n/);
  });
}

test('valid names keep the workload', () => {
  const yaml = deployment(
    '  namespace: team-a\n',
    '      serviceAccountName: web.bot\n      imagePullSecrets: [{ name: reg.cred }]\n',
  );
  const found = workloadsOf(readManifestText(yaml, 'm.yaml').objects, 'web');
  assert.deepEqual(found.warnings, []);
  assert.equal(found.workloads[0]?.namespace, 'team-a');
  assert.equal(found.workloads[0]?.serviceAccount, 'web.bot');
});
