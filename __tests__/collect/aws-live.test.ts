// Live AWS reads end to end: moto on 127.0.0.1 populated through the real SDK (roles and policies, ECR
// repositories and policies, an EKS cluster with a node group), then the bundled CLI reads it; each
// resource once; a snapshot replays offline to the same verdicts.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { CreateRepositoryCommand, ECRClient, SetRepositoryPolicyCommand } from '@aws-sdk/client-ecr';
import { CreateClusterCommand, CreateNodegroupCommand, EKSClient } from '@aws-sdk/client-eks';
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  IAMClient,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { stringify } from 'yaml';
import { readLiveFacts } from '../../src/collect/index.ts';
import { CallRunner } from '../../src/collect/calls.ts';
import { loadConfigFile } from '../../src/core/config/load.ts';
import { motoMissing, startMoto, type MotoServer } from '../helpers/moto.ts';
import { runNode } from '../helpers/process.ts';

const CLI = path.resolve('dist/cli.js');
const ACCOUNT = '123456789012'; // moto's default account
const REGION = 'us-east-1';
const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const skip = motoMissing();
let moto: MotoServer;
let env: NodeJS.ProcessEnv;

const trust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

before(async () => {
  if (skip) return;
  moto = await startMoto();
  env = {
    AWS_ENDPOINT_URL: moto.url,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_REGION: REGION,
  };
  const clients = { region: REGION, endpoint: moto.url, credentials };
  const iam = new IAMClient(clients);
  const ecr = new ECRClient(clients);
  const eks = new EKSClient(clients);
  // The node role: AmazonEC2ContainerRegistryPullOnly would do; here an inline policy without GetAuthorizationToken.
  await iam.send(
    new CreateRoleCommand({ RoleName: 'prod-nodes', Path: '/eks/', AssumeRolePolicyDocument: trust }),
  );
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: 'prod-nodes',
      PolicyName: 'pull',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], Resource: '*' },
        ],
      }),
    }),
  );
  await iam.send(new CreateRoleCommand({ RoleName: 'ci', AssumeRolePolicyDocument: trust }));
  // A customer-managed policy: read with GetPolicy + GetPolicyVersion (URL-encoded document).
  const { Policy } = await iam.send(
    new CreatePolicyCommand({
      PolicyName: 'ecr-read',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['ecr:GetAuthorizationToken', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
            Resource: '*',
          },
        ],
      }),
    }),
  );
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'ci', PolicyArn: Policy!.Arn! }));
  for (let i = 0; i < 5; i++)
    await ecr.send(new CreateRepositoryCommand({ repositoryName: `team/svc-${i}` }));
  await ecr.send(
    new SetRepositoryPolicyCommand({
      repositoryName: 'team/svc-0',
      policyText: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Sid: 'NoDeletes', Effect: 'Deny', Principal: '*', Action: 'ecr:BatchDeleteImage' }],
      }),
    }),
  );
  await eks.send(
    new CreateClusterCommand({
      name: 'prod',
      roleArn: `arn:aws:iam::${ACCOUNT}:role/cluster`,
      resourcesVpcConfig: { subnetIds: ['subnet-1'] },
    }),
  );
  await eks.send(
    new CreateNodegroupCommand({
      clusterName: 'prod',
      nodegroupName: 'general',
      nodeRole: `arn:aws:iam::${ACCOUNT}:role/eks/prod-nodes`,
      subnets: ['subnet-1'],
    }),
  );
});
after(async () => await moto?.stop());

function writeConfig(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-live-'));
  const file = path.join(dir, 'pullcheck.yml');
  const images = Array.from(
    { length: 50 },
    (_, i) => `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/team/svc-${i % 5}:1.${i}`,
  );
  writeFileSync(
    file,
    stringify({
      version: 1,
      images,
      targets: [
        // Node roles discovered from the cluster (ListNodegroups / DescribeNodegroup).
        { name: 'prod', platform: 'eks', account: ACCOUNT, region: REGION, cluster: 'prod' },
        ...Array.from({ length: 4 }, (_, i) => ({
          name: `ci-${i}`,
          platform: 'aws-role',
          roles: [`arn:aws:iam::${ACCOUNT}:role/ci`],
        })),
      ],
    }),
  );
  return file;
}

test(
  'the CLI reads roles, policies, repositories and node groups from AWS and decides from them',
  { skip },
  async () => {
    const config = writeConfig();
    const snapshot = path.join(path.dirname(config), 'snapshot.yml');
    const live = await runNode(
      [CLI, 'check', '--config', config, '--format', 'json', '--snapshot', snapshot],
      env,
    );
    assert.equal(live.code, 1, live.stderr);
    const report = JSON.parse(live.stdout);
    const byTarget = (target: string) =>
      report.results.filter((r: { target: string }) => r.target === target);
    // The discovered node role lacks ecr:GetAuthorizationToken: denied on the identity side, with the fix.
    for (const result of byTarget('prod')) {
      assert.equal(result.principal, `arn:aws:iam::${ACCOUNT}:role/eks/prod-nodes`);
      assert.equal(result.verdict, 'denied', result.reasons.join('\n'));
      assert.deepEqual(
        result.missing.map((m: { permissions: string[] }) => m.permissions),
        [['ecr:GetAuthorizationToken']],
      );
    }
    for (const result of byTarget('ci-0')) assert.equal(result.verdict, 'allowed', result.reasons.join('\n'));
    assert.deepEqual(report.summary, { allowed: 200, denied: 50, unknown: 0, gate: 'fail' });
    // The report says which facts were read live.
    assert.ok(report.facts.live.includes(`arn:aws:iam::${ACCOUNT}:role/eks/prod-nodes`));
    assert.ok(report.facts.live.includes(`arn:aws:ecr:${REGION}:${ACCOUNT}:repository/team/svc-0`));
    assert.ok(report.facts.live.includes('eks cluster prod'));

    const replay = await runNode([CLI, 'check', '--offline', '--config', snapshot, '--format', 'json'], {});
    assert.deepEqual(
      JSON.parse(replay.stdout).summary,
      report.summary,
      'the snapshot replays offline to the same verdicts',
    );
    assert.doesNotMatch(readFileSync(snapshot, 'utf8'), /testing/, 'no credential is in the snapshot');
  },
);

test('each resource is read once for 50 images × 5 targets', { skip }, async () => {
  const runner = new CallRunner();
  const previous = { ...process.env };
  Object.assign(process.env, env);
  try {
    const result = await readLiveFacts(loadConfigFile(writeConfig()), { runner });
    // EKS: DescribeCluster, ListNodegroups, DescribeNodegroup, ListFargateProfiles = 4.
    // IAM, 2 roles: GetRole + ListAttachedRolePolicies + ListRolePolicies each, GetRolePolicy (prod-nodes),
    // GetPolicy + GetPolicyVersion (ci's customer-managed policy) = 9.
    // ECR: GetRepositoryPolicy × 5 repositories + GetRegistryPolicy, GetAccountSetting, DescribePullThroughCacheRules = 8.
    assert.equal(result.reads, 21);
    const second = await readLiveFacts(loadConfigFile(writeConfig()), { runner });
    assert.equal(second.calls, result.calls, 'a second plan over the same resources sends nothing again');
  } finally {
    process.env = previous;
  }
});

test(
  'without AWS credentials the CLI says so and falls back to the config facts (unknown, never denied)',
  { skip },
  async () => {
    const config = writeConfig();
    const run = await runNode([CLI, 'check', '--config', config, '--format', 'json'], {
      AWS_ENDPOINT_URL: moto.url,
    });
    assert.match(run.stderr, /no AWS credentials: AWS facts come from the config only/);
    const report = JSON.parse(run.stdout);
    assert.equal(report.summary.denied, 0);
  },
);
