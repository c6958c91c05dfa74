// The generated read access, in-process: the call table against the collectors' source, resource scoping
// with pullcheck's own IAM evaluator, one policy per reading identity, stated facts left out, the Google
// permissions against the Google collectors, the ClusterRole with pullcheck's RBAC authorizer, and the
// generated trust policy admitted by pullcheck's own login check (a closed loop).
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { checkPulls } from '../../src/check/pipeline.ts';
import { loadConfigFile, loadConfigText } from '../../src/core/config/load.ts';
import { discover } from '../../src/discover/index.ts';
import { readAccess } from '../../src/permissions/index.ts';
import { AWS_READ_CALLS } from '../../src/permissions/aws-read-calls.ts';
import { GCP_READ_PERMISSIONS } from '../../src/permissions/gcp-read-role.ts';
import { parsePolicyDocument } from '../../src/providers/aws/policy/document.ts';
import { findStatements } from '../../src/providers/aws/policy/evaluate.ts';
import { authorize } from '../../src/providers/kubernetes/rbac/authorize.ts';
import { clusterGrantingReadRole } from '../helpers/read-role-cluster.ts';

const A = '111111111111';
const B = '222222222222';
const ecrImage = (account: string, repository: string) =>
  `${account}.dkr.ecr.us-east-1.amazonaws.com/${repository}:1`;

function accessOf(config: Record<string, unknown>) {
  return readAccess(loadConfigText(stringify({ version: 1, ...config }), 'pullcheck.yml'), []);
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(folder, file));
}

test('every command an AWS collector sends is in the call table, as its service:action', () => {
  const collectors = sourceFiles('src/providers/aws').filter((file) => /collect[^/]*\.ts$/.test(file));
  assert.ok(collectors.length >= 6, collectors.join(', '));
  const sent: string[] = [];
  for (const file of collectors) {
    const text = readFileSync(file, 'utf8');
    for (const [, name] of text.matchAll(/new (\w+)Command\(/g)) {
      const client = new RegExp(`\\b${name}Command\\b[^;]*?from '@aws-sdk/client-([a-z]+)'`, 's').exec(
        text,
      )?.[1];
      sent.push(`${client === 'organizations' ? 'organizations' : client}:${name}`);
    }
  }
  assert.ok(sent.length >= 20, sent.join(', '));
  const table = new Set<string>(Object.values(AWS_READ_CALLS).map((call) => call.action));
  const missing = sent.filter((action) => !table.has(action));
  assert.deepEqual(missing, [], `sent by a collector, absent from aws-read-calls.ts: ${missing.join(', ')}`);
});

/** Does the policy allow the action on the resource? pullcheck's own IAM evaluator answers. */
function allows(document: unknown, action: string, resource: string): boolean {
  const caller = {
    arn: `arn:aws:iam::${A}:role/reader`,
    partition: 'aws',
    account: A,
    name: 'reader',
    hasPermissionsBoundary: false,
  };
  const policy = { label: 'generated', document: parsePolicyDocument(document) };
  return (
    findStatements([policy], 'Allow', { action: action.toLowerCase(), resource, caller }).result === 'yes'
  );
}

test('statements are scoped to the plan where the action allows it (Service Authorization Reference)', () => {
  const access = accessOf({
    images: [ecrImage(A, 'team/api')],
    targets: [
      { name: 'eks', platform: 'eks', account: A, region: 'us-east-1', cluster: 'prod' },
      { name: 'ecs', platform: 'ecs', account: A, region: 'us-east-1', cluster: 'web', services: ['front'] },
      { name: 'ci', platform: 'aws-role', roles: [`arn:aws:iam::${A}:role/ci`] },
    ],
  });
  assert.equal(access.aws.length, 1);
  const document = access.aws[0]!.document;
  const arn = (service: string, rest: string) => `arn:aws:${service}:us-east-1:${A}:${rest}`;
  const cases: [string, string, boolean][] = [
    ['ecr:GetRepositoryPolicy', arn('ecr', 'repository/team/api'), true],
    ['ecr:GetRepositoryPolicy', arn('ecr', 'repository/team/other'), false],
    ['ecr:GetRegistryPolicy', '*', true],
    ['eks:DescribeCluster', arn('eks', 'cluster/prod'), true],
    ['eks:DescribeCluster', arn('eks', 'cluster/staging'), false],
    ['eks:DescribeNodegroup', arn('eks', 'nodegroup/prod/general/0c1d'), true],
    ['eks:DescribeNodegroup', arn('eks', 'nodegroup/staging/general/0c1d'), false],
    ['eks:DescribeFargateProfile', arn('eks', 'fargateprofile/prod/pods/0c1d'), true],
    ['ecs:DescribeServices', arn('ecs', 'service/web/front'), true],
    ['ecs:DescribeServices', arn('ecs', 'service/web/back'), false],
    ['ecs:DescribeTaskDefinition', '*', true],
    ['iam:GetRole', `arn:aws:iam::${A}:role/ci`, true],
    ['iam:GetRolePolicy', `arn:aws:iam::${A}:role/ci`, true],
    ['iam:GetPolicyVersion', 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly', true],
    ['iam:GetRole', `arn:aws:iam::${B}:role/ci`, false],
    ['ecr:BatchGetImage', arn('ecr', 'repository/team/api'), false],
  ];
  for (const [action, resource, expected] of cases)
    assert.equal(allows(document, action, resource), expected, `${action} on ${resource}`);
});

test('one policy per reading identity: auth.aws.roles reads its account, assumed by the base session', () => {
  const role = `arn:aws:iam::${B}:role/pullcheck-read`;
  const access = accessOf({
    images: [ecrImage(A, 'team/api'), ecrImage(B, 'team/lib')],
    targets: [{ name: 'ci', platform: 'aws-role', roles: [`arn:aws:iam::${A}:role/ci`] }],
    auth: { aws: { roles: { [B]: role } } },
  });
  const byPrincipal = new Map(access.aws.map((policy) => [policy.principal, policy]));
  assert.deepEqual([...byPrincipal.keys()].sort(), ['base session', role].sort());
  const base = byPrincipal.get('base session')!.document;
  const other = byPrincipal.get(role)!.document;
  assert.ok(allows(base, 'sts:AssumeRole', role));
  assert.ok(allows(base, 'ecr:GetRepositoryPolicy', `arn:aws:ecr:us-east-1:${A}:repository/team/api`));
  assert.ok(!allows(base, 'ecr:GetRepositoryPolicy', `arn:aws:ecr:us-east-1:${B}:repository/team/lib`));
  assert.ok(allows(other, 'ecr:GetRepositoryPolicy', `arn:aws:ecr:us-east-1:${B}:repository/team/lib`));
  assert.ok(!allows(other, 'sts:AssumeRole', role));
});

test('what the config states is not read, so it needs no permission', () => {
  const repository = `arn:aws:ecr:us-east-1:${A}:repository/team/api`;
  const access = accessOf({
    images: [ecrImage(A, 'team/api')],
    targets: [{ name: 'ci', platform: 'aws-role', roles: [`arn:aws:iam::${A}:role/ci`] }],
    facts: {
      aws: {
        roles: [{ arn: `arn:aws:iam::${A}:role/ci`, policies: [] }],
        repositories: [{ arn: repository, policy: null }],
      },
    },
  });
  const actions = access.aws.flatMap((policy) => policy.document.Statement.flatMap((s) => s.Action));
  assert.ok(!actions.includes('ecr:GetRepositoryPolicy'), actions.join(', '));
  assert.ok(!actions.includes('iam:GetRole'), actions.join(', '));
  assert.ok(actions.includes('ecr:GetRegistryPolicy'), 'the registry is not stated: read');
});

test('every permission a Google collector names is in the custom role', () => {
  const readers = sourceFiles('src/providers/gcp').filter((file) =>
    /runner\.run\(/.test(readFileSync(file, 'utf8')),
  );
  assert.ok(readers.length >= 4, readers.join(', '));
  const named = new Set<string>();
  for (const file of readers) {
    const text = readFileSync(file, 'utf8');
    for (const [, permission] of text.matchAll(
      /'((?:artifactregistry|resourcemanager|storage|container|iam)\.\w+\.\w+)'/g,
    ))
      named.add(permission!);
    // `resourcemanager.${kind}.getIamPolicy`: projects, folders and organizations.
    if (text.includes('`resourcemanager.${kind}.getIamPolicy`'))
      for (const kind of ['projects', 'folders', 'organizations'])
        named.add(`resourcemanager.${kind}.getIamPolicy`);
  }
  const missing = [...named].filter((permission) => !Object.hasOwn(GCP_READ_PERMISSIONS, permission));
  assert.deepEqual(missing, []);
  const role = accessOf({
    images: ['europe-docker.pkg.dev/acme/apps/api:1'],
    targets: [
      { name: 'run', platform: 'cloud-run', project: 'acme', region: 'europe-west1', service: 'api' },
    ],
  }).gcp;
  assert.ok(role);
  assert.deepEqual(
    [...role.permissions, ...role.organizationPermissions].sort(),
    Object.keys(GCP_READ_PERMISSIONS).sort(),
  );
  assert.deepEqual(role.projects, ['acme']);
});

test('the ClusterRole grants every request the cluster reader sends (pullcheck RBAC authorizer)', () => {
  const text = readFileSync('src/providers/kubernetes/live/cluster-api.ts', 'utf8');
  const requests = [
    ...text.matchAll(/permission: [`']([a-z]+) ([a-z0-9.]+)(?: in \$\{namespace\})?[`']/g),
  ].map(([, verb, resource]) => ({ verb: verb!, resource: resource! }));
  assert.ok(requests.length >= 8, JSON.stringify(requests));
  const state = clusterGrantingReadRole();
  const user = { user: 'pullcheck', groups: ['system:authenticated'] };
  for (const { verb, resource } of requests) {
    const [plural, ...group] = resource.split('.');
    const apiGroup =
      group.length > 0 ? group.join('.') : /role/.test(plural!) ? 'rbac.authorization.k8s.io' : '';
    const answer = authorize(state, user, {
      verb,
      apiGroup,
      resource: plural!,
      name: 'x',
      namespace: 'project-a',
    });
    assert.equal(
      answer.result,
      'yes',
      `${verb} ${plural} (${apiGroup}): ${answer.unknownBecause.join('; ')}`,
    );
  }
});

test('the generated trust policy admits the tokens the workflow presents (pullcheck login check)', async () => {
  // The demo's release job runs in the `production` environment, which github-release's trust refuses.
  const repository = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-trust-'));
  cpSync('examples', repository, { recursive: true });
  const file = path.join(repository, 'pullcheck.yml');
  const loginRows = async () => {
    const discovered = discover(loadConfigFile(file), { workflows: [], env: {} });
    const { report } = await checkPulls({
      config: discovered.config,
      findings: discovered.findings,
      failOn: 'denied',
      lookedAt: { config: file, workflows: discovered.workflows, entry: 'cli' },
      live: undefined,
      snapshot: undefined,
      ciLogins: discovered.ciLogins,
      env: {},
    });
    return (report.ci ?? []).filter(
      (row) => row.kind === 'login' && row.identity.endsWith('role/github-release'),
    );
  };
  const before = await loginRows();
  assert.ok(before.length > 0 && before.every((row) => row.verdict === 'denied'), JSON.stringify(before));
  const discovered = discover(loadConfigFile(file), { workflows: [], env: {} });
  const [trust] = readAccess(discovered.config, discovered.ciLogins).trust.aws;
  assert.equal(trust?.role, 'arn:aws:iam::123456789012:role/github-release');
  writeFileSync(path.join(repository, 'iam/github-release-trust.json'), JSON.stringify(trust.document));
  const after = await loginRows();
  assert.ok(after.length > 0, 'the login is still checked');
  for (const row of after) assert.equal(row.verdict, 'allowed', row.reasons.join('\n'));
});
