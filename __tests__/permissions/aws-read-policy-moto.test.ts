// The generated AWS read policy against moto with IAM enforcement on (INITIAL_NO_AUTH_ACTION_COUNT, reset
// through /moto-api/reset-auth): moto is populated as an admin, then the live reads run with the keys of a
// user holding exactly the generated policy, and again with the policy less ecr:GetRepositoryPolicy.
// What moto proves: every action the collectors send is in the policy (moto checks the action of every
// ECR, EKS, IAM, STS and Organizations request, before it knows whether it implements it), and for the IAM
// role calls the role ARN (moto's only resource-level check besides sts:AssumeRole). Every other request
// moto authorizes against resource `*`, so the user gets the policy with those resources widened to `*`:
// the resource scoping of ECR, EKS and ECS statements is proven in aws-read-policy.test.ts with pullcheck's
// own IAM evaluator, not here.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { CreateRepositoryCommand, ECRClient, SetRepositoryPolicyCommand } from '@aws-sdk/client-ecr';
import { CreateClusterCommand, CreateNodegroupCommand, EKSClient } from '@aws-sdk/client-eks';
import {
  CreateClusterCommand as CreateEcsClusterCommand,
  CreateServiceCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import {
  AttachRolePolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { stringify } from 'yaml';
import { checkPulls } from '../../src/check/pipeline.ts';
import { CallRunner } from '../../src/core/call-runner.ts';
import { loadConfigFile } from '../../src/core/config/load.ts';
import { readAccess } from '../../src/permissions/index.ts';
import type { AwsPolicyDocument } from '../../src/permissions/read-plan.ts';
import { motoMissing, startMoto, type MotoServer } from '../helpers/moto.ts';

const ACCOUNT = '123456789012'; // moto's default account
const REGION = 'us-east-1';
const admin = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const skip = motoMissing();
let moto: MotoServer;
let front: { url: string; stop: () => Promise<void> };
let reader: { accessKeyId: string; secretAccessKey: string };
let iam: IAMClient;
let configFile: string;

const trust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
const pullPolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['ecr:GetAuthorizationToken', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
      Resource: '*',
    },
  ],
});

/**
 * ECR through a front that passes every request to moto untouched (its Host too: moto checks the
 * signature), so moto authorizes it; the two calls moto authorizes but does not implement (a 500 then)
 * get AWS's answer for a V2 registry without pull-through cache rules. A 403 passes through.
 */
async function startAuthorizedEcrFront(motoUrl: string) {
  const target = new URL(motoUrl);
  const answers: Record<string, unknown> = {
    GetAccountSetting: { name: 'REGISTRY_POLICY_SCOPE', value: 'V2' },
    DescribePullThroughCacheRules: { pullThroughCacheRules: [] },
  };
  const server = createServer(async (incoming, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const operation =
      String(incoming.headers['x-amz-target'] ?? '')
        .split('.')
        .pop() ?? '';
    const forwarded = httpRequest({
      host: target.hostname,
      port: target.port,
      method: incoming.method,
      path: incoming.url,
      headers: incoming.headers,
    });
    forwarded.on('response', async (answer) => {
      const body: Buffer[] = [];
      for await (const chunk of answer) body.push(chunk as Buffer);
      if ((answer.statusCode ?? 500) >= 500 && answers[operation]) {
        response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        response.end(JSON.stringify(answers[operation]));
        return;
      }
      response.writeHead(answer.statusCode ?? 500, answer.headers);
      response.end(Buffer.concat(body));
    });
    forwarded.end(Buffer.concat(chunks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

before(async () => {
  if (skip) return;
  moto = await startMoto();
  front = await startAuthorizedEcrFront(moto.url);
  const clients = { region: REGION, endpoint: moto.url, credentials: admin };
  iam = new IAMClient(clients);
  const ecr = new ECRClient(clients);
  const eks = new EKSClient(clients);
  // The node role (found by reading the cluster: scoped to any role of its account) and a listed role.
  await iam.send(
    new CreateRoleCommand({ RoleName: 'prod-nodes', Path: '/eks/', AssumeRolePolicyDocument: trust }),
  );
  await iam.send(
    new PutRolePolicyCommand({ RoleName: 'prod-nodes', PolicyName: 'pull', PolicyDocument: pullPolicy }),
  );
  await iam.send(new CreateRoleCommand({ RoleName: 'ci-smoke-tests', AssumeRolePolicyDocument: trust }));
  const { Policy } = await iam.send(
    new CreatePolicyCommand({ PolicyName: 'ecr-read', PolicyDocument: pullPolicy }),
  );
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'ci-smoke-tests', PolicyArn: Policy!.Arn! }));
  for (const name of ['team/api', 'team/web'])
    await ecr.send(new CreateRepositoryCommand({ repositoryName: name }));
  await ecr.send(
    new SetRepositoryPolicyCommand({
      repositoryName: 'team/api',
      policyText: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Sid: 'NoDeletes', Effect: 'Deny', Principal: '*', Action: 'ecr:BatchDeleteImage' }],
      }),
    }),
  );
  const subnets = { subnetIds: ['subnet-1'] };
  await eks.send(
    new CreateClusterCommand({
      name: 'prod',
      roleArn: `arn:aws:iam::${ACCOUNT}:role/cluster`,
      resourcesVpcConfig: subnets,
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
  // An ECS service whose task definition names its execution role (found by reading the service).
  const ecs = new ECSClient(clients);
  await iam.send(new CreateRoleCommand({ RoleName: 'webTaskExecution', AssumeRolePolicyDocument: trust }));
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: 'webTaskExecution',
      PolicyName: 'pull',
      PolicyDocument: pullPolicy,
    }),
  );
  await ecs.send(new CreateEcsClusterCommand({ clusterName: 'web' }));
  const { taskDefinition } = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'front',
      executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/webTaskExecution`,
      containerDefinitions: [
        { name: 'front', memory: 512, image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/team/web:1` },
      ],
    }),
  );
  await ecs.send(
    new CreateServiceCommand({
      cluster: 'web',
      serviceName: 'front',
      taskDefinition: taskDefinition!.taskDefinitionArn!,
      desiredCount: 1,
    }),
  );
  await iam.send(new CreateUserCommand({ UserName: 'pullcheck-reader' }));
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'pullcheck-reader' }));
  reader = { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
  configFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'pullcheck-permissions-')), 'pullcheck.yml');
  const registry = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com`;
  writeFileSync(
    configFile,
    stringify({
      version: 1,
      images: [`${registry}/team/api:1`, `${registry}/team/web:1`],
      targets: [
        { name: 'prod-eks', platform: 'eks', account: ACCOUNT, region: REGION, cluster: 'prod' },
        { name: 'ci', platform: 'aws-role', roles: [`arn:aws:iam::${ACCOUNT}:role/ci-smoke-tests`] },
        {
          name: 'ecs',
          platform: 'ecs',
          account: ACCOUNT,
          region: REGION,
          cluster: 'web',
          services: ['front'],
        },
      ],
    }),
  );
});
after(async () => {
  await front?.stop();
  await moto?.stop();
});

/** The policy as moto can check it: resources kept only where moto compares them (IAM role calls). */
function asMotoChecksIt(document: AwsPolicyDocument): AwsPolicyDocument {
  const roleCalls = /^iam:(GetRole|ListAttachedRolePolicies|ListRolePolicies|GetRolePolicy)$/;
  return {
    ...document,
    Statement: document.Statement.map((statement) =>
      statement.Action.every((action) => roleCalls.test(action))
        ? statement
        : { ...statement, Resource: ['*'] },
    ),
  };
}

/** Gives the reader this policy as its only one, turns enforcement on, runs `read`, turns it off again. */
async function asReader<T>(document: AwsPolicyDocument, read: () => Promise<T>): Promise<T> {
  await iam.send(
    new PutUserPolicyCommand({
      UserName: 'pullcheck-reader',
      PolicyName: 'pullcheck-read',
      PolicyDocument: JSON.stringify(asMotoChecksIt(document)),
    }),
  );
  const previous = { ...process.env };
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: moto.url,
    AWS_ENDPOINT_URL_ECR: front.url,
    AWS_REGION: REGION,
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  await fetch(`${moto.url}/moto-api/reset-auth`, { method: 'POST', body: '0' });
  try {
    return await read();
  } finally {
    await fetch(`${moto.url}/moto-api/reset-auth`, { method: 'POST', body: 'inf' });
    process.env = previous;
  }
}

async function check() {
  const config = loadConfigFile(configFile);
  return checkPulls({
    config,
    findings: [],
    failOn: 'denied',
    lookedAt: { config: configFile, workflows: [], entry: 'cli' },
    live: { credentials: { aws: reader }, runner: new CallRunner({ sleep: async () => {} }) },
    snapshot: undefined,
  });
}

function generatedPolicy(): AwsPolicyDocument {
  const access = readAccess(loadConfigFile(configFile), []);
  assert.equal(access.aws.length, 1, 'one reading identity: the base session');
  return access.aws[0]!.document;
}

test('the live reads succeed with exactly the generated policy (moto enforcing IAM)', { skip }, async () => {
  const { report, liveRead } = await asReader(generatedPolicy(), check);
  const reasons = report.results.map((r) => `${r.image} ${r.target}: ${r.verdict} ${r.reasons.join(' ')}`);
  assert.ok(liveRead && liveRead.resourcesRead > 0, 'resources were read live');
  for (const result of report.results)
    assert.doesNotMatch(
      result.reasons.join('\n'),
      /AccessDenied|not authorized|unreadable/i,
      reasons.join('\n'),
    );
  assert.ok(
    report.results.every((r) => r.verdict !== 'unknown'),
    reasons.join('\n'),
  );
  // The node role was found through the cluster, the execution role through the service, and both read.
  for (const [target, role] of [
    ['prod-eks', 'prod-nodes'],
    ['ecs', 'webTaskExecution'],
  ] as const)
    assert.ok(
      report.results.some(
        (r) => r.target === target && r.principal.endsWith(role) && r.verdict === 'allowed',
      ),
      reasons.join('\n'),
    );
});

test('without ecr:GetRepositoryPolicy the pulls are unknown, naming it', { skip }, async () => {
  const full = generatedPolicy();
  const lacking = {
    ...full,
    Statement: full.Statement.flatMap((s) => {
      const Action = s.Action.filter((action) => action !== 'ecr:GetRepositoryPolicy');
      return Action.length > 0 ? [{ ...s, Action }] : [];
    }),
  };
  assert.notDeepEqual(lacking, full, 'the generated policy holds ecr:GetRepositoryPolicy');
  const { report } = await asReader(lacking, check);
  const api = report.results.filter((r) => r.image.includes('team/api'));
  assert.ok(api.length > 0);
  for (const result of api) {
    assert.equal(result.verdict, 'unknown', result.reasons.join('\n'));
    assert.match(result.reasons.join('\n'), /ecr:GetRepositoryPolicy/);
  }
});
