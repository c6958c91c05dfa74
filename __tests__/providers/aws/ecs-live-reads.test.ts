// Live reads follow an `ecs` target's task definition files: the execution role a file names is read from
// IAM like a listed role (moto on 127.0.0.1), so a zero-config deploy read from a workflow is decided from
// AWS's own answer, not left unknown for want of the role's policies.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { CreateRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr';
import { AttachRolePolicyCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { stringify } from 'yaml';
import { withLiveFacts } from '../../../src/check/live-facts.ts';
import { readLiveFacts } from '../../../src/check/live-reads.ts';
import { loadConfigFile } from '../../../src/core/config/load.ts';
import { checkConfig } from '../../helpers/check.ts';
import { motoMissing, startEcrFront, startMoto, type EcrFront, type MotoServer } from '../../helpers/moto.ts';

const ACCOUNT = '123456789012'; // moto's default account
const REGION = 'us-east-1';
const EXEC_ROLE = `arn:aws:iam::${ACCOUNT}:role/shopTaskExecution`;
const IMAGE = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/shop/web:1`;
const skip = motoMissing();
let moto: MotoServer;
let ecrFront: EcrFront;

before(async () => {
  if (skip) return;
  // moto loads AWS managed policies (AmazonECSTaskExecutionRolePolicy) only when asked.
  moto = await startMoto({ MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' });
  ecrFront = await startEcrFront(moto.url);
  const clients = {
    region: REGION,
    endpoint: moto.url,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  };
  const iam = new IAMClient(clients);
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' },
    ],
  });
  await iam.send(new CreateRoleCommand({ RoleName: 'shopTaskExecution', AssumeRolePolicyDocument: trust }));
  await iam.send(
    new AttachRolePolicyCommand({
      RoleName: 'shopTaskExecution',
      PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
    }),
  );
  await new ECRClient(clients).send(new CreateRepositoryCommand({ repositoryName: 'shop/web' }));
});

after(async () => {
  await ecrFront?.stop();
  await moto?.stop();
});

test(
  'the execution role a task definition file names is read live, and its managed policy lets it pull',
  { skip },
  async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-ecs-live-'));
    mkdirSync(path.join(root, '.git'));
    writeFileSync(
      path.join(root, 'task.json'),
      JSON.stringify({
        family: 'shop',
        executionRoleArn: EXEC_ROLE,
        requiresCompatibilities: ['FARGATE'],
        containerDefinitions: [{ name: 'web', image: IMAGE }],
      }),
    );
    const file = path.join(root, 'pullcheck.yml');
    writeFileSync(
      file,
      stringify({
        version: 1,
        images: [IMAGE],
        targets: [{ name: 'shop', platform: 'ecs', region: REGION, taskDefinitions: ['task.json'] }],
      }),
    );
    const previous = { ...process.env };
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: moto.url,
      AWS_ENDPOINT_URL_ECR: ecrFront.url,
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_REGION: REGION,
    });
    try {
      const live = await readLiveFacts(loadConfigFile(file));
      const roles = (live.facts.aws?.['roles'] ?? []) as { arn: string }[];
      assert.deepEqual(
        roles.map((role) => role.arn),
        [EXEC_ROLE],
      );
      const [result] = checkConfig(withLiveFacts(loadConfigFile(file), live.facts)).results;
      assert.equal(result?.principal, EXEC_ROLE);
      assert.equal(result?.verdict, 'allowed', result?.reasons.join('\n'));
    } finally {
      process.env = previous;
    }
  },
);
