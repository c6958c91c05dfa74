// Which cluster facts a target's roles come from: the same platform and name, and the same account, region
// and (ECS) services wherever both sides state them. Two clusters named alike in two regions, or two ECS
// targets reading other services of one cluster, must never lend each other their roles (a false allowed).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigText } from '../../../src/core/config/load.ts';
import { checkConfig } from '../../helpers/check.ts';

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/web:1';
const role = (name: string) => `arn:aws:iam::123456789012:role/${name}`;

function principals(targets: string[], clusters: string[]): Record<string, string[]> {
  const text = [
    'version: 1',
    `images: [${IMAGE}]`,
    'targets:',
    ...targets.map((target) => `  - ${target}`),
    'facts:',
    '  aws:',
    '    clusters:',
    ...clusters.map((cluster) => `      - ${cluster}`),
    '',
  ].join('\n');
  const report = checkConfig(loadConfigText(text, 'pullcheck.yml'));
  const by: Record<string, string[]> = {};
  for (const result of report.results) (by[result.target] ??= []).push(result.principal);
  return by;
}

test('two ECS targets on one cluster each get the execution roles of their own services', () => {
  assert.deepEqual(
    principals(
      [
        '{ name: web, platform: ecs, cluster: shop, region: us-east-1, services: [web] }',
        '{ name: worker, platform: ecs, cluster: shop, region: us-east-1, services: [worker] }',
      ],
      [
        `{ platform: ecs, name: shop, region: us-east-1, services: [web], roles: [${role('web-exec')}] }`,
        `{ platform: ecs, name: shop, region: us-east-1, services: [worker], roles: [${role('worker-exec')}] }`,
      ],
    ),
    { web: [role('web-exec')], worker: [role('worker-exec')] },
  );
});

test('two EKS clusters of one name in two regions keep their own node roles', () => {
  assert.deepEqual(
    principals(
      [
        '{ name: us, platform: eks, cluster: prod, region: us-east-1 }',
        '{ name: eu, platform: eks, cluster: prod, region: eu-west-1 }',
      ],
      [
        `{ platform: eks, name: prod, region: eu-west-1, roles: [${role('eu-nodes')}] }`,
        `{ platform: eks, name: prod, region: us-east-1, roles: [${role('us-nodes')}] }`,
      ],
    ),
    { us: [role('us-nodes')], eu: [role('eu-nodes')] },
  );
});

test('cluster facts that state no region or services still serve the target that names the cluster', () => {
  assert.deepEqual(
    principals(
      ['{ name: prod, platform: eks, cluster: prod, region: us-east-1 }'],
      [`{ platform: eks, name: prod, roles: [${role('nodes')}] }`],
    ),
    { prod: [role('nodes')] },
  );
});
