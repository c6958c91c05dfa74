// The CI path read live, as a user runs it: the bundled CLI reads the workflow, then the login's role (its
// trust policy), the account's GitHub OIDC provider and the pushed repository from moto on 127.0.0.1, and
// decides the login per event and the push.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { CreateRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr';
import {
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  IAMClient,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { stringify } from 'yaml';
import { motoMissing, startEcrFront, startMoto, type EcrFront, type MotoServer } from '../helpers/moto.ts';
import { runNode } from '../helpers/process.ts';

const CLI = path.resolve('dist/cli.js');
const ACCOUNT = '123456789012'; // moto's default account
const REGION = 'us-east-1';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/github-deploy`;
const skip = motoMissing();
let moto: MotoServer;
let front: EcrFront;

before(async () => {
  if (skip) return;
  moto = await startMoto();
  front = await startEcrFront(moto.url);
  const clients = {
    region: REGION,
    endpoint: moto.url,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  };
  const iam = new IAMClient(clients);
  const { OpenIDConnectProviderArn } = await iam.send(
    new CreateOpenIDConnectProviderCommand({
      Url: 'https://token.actions.githubusercontent.com',
      ClientIDList: ['sts.amazonaws.com'],
      ThumbprintList: ['6938fd4d98bab03faadb97b34396831e3780aea1'],
    }),
  );
  await iam.send(
    new CreateRoleCommand({
      RoleName: 'github-deploy',
      AssumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Federated: OpenIDConnectProviderArn },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: {
              StringEquals: {
                'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
                'token.actions.githubusercontent.com:sub': 'repo:acme/shop:ref:refs/heads/main',
              },
            },
          },
        ],
      }),
    }),
  );
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: 'github-deploy',
      PolicyName: 'push',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'ecr:*', Resource: '*' }],
      }),
    }),
  );
  await new ECRClient(clients).send(new CreateRepositoryCommand({ repositoryName: 'shop/api' }));
});
after(async () => {
  await front?.stop();
  await moto?.stop();
});

test(
  "live: the role's trust policy and the OIDC provider are read; main logs in, pull requests are refused, the push is allowed",
  { skip },
  async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-ci-live-'));
    mkdirSync(path.join(root, '.github', 'workflows'), { recursive: true });
    const workflow = path.join(root, '.github', 'workflows', 'deploy.yml');
    writeFileSync(
      workflow,
      [
        'on: { push: { branches: [main] }, pull_request: {} }',
        'permissions: { id-token: write }',
        'jobs:',
        '  deploy:',
        '    steps:',
        '      - uses: aws-actions/configure-aws-credentials@v4',
        `        with: { role-to-assume: "${ROLE}", aws-region: ${REGION} }`,
        `      - run: docker push ${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/shop/api:\${{ github.sha }}`,
        '',
      ].join('\n'),
    );
    const config = path.join(root, '.github', 'pullcheck.yml');
    writeFileSync(
      config,
      stringify({
        version: 1,
        discover: { variables: { 'github.repository': 'acme/shop' } },
        facts: { github: { oidc: { subClaim: { useDefault: true, prefix: 'repo:acme/shop' } } } },
      }),
    );
    const { code, stdout, stderr } = await runNode(
      [CLI, 'check', '--config', config, '--workflow', workflow, '--format', 'json'],
      {
        AWS_ENDPOINT_URL: moto.url,
        AWS_ENDPOINT_URL_ECR: front.url,
        AWS_ACCESS_KEY_ID: 'testing',
        AWS_SECRET_ACCESS_KEY: 'testing',
        AWS_REGION: REGION,
        AWS_EC2_METADATA_DISABLED: 'true',
        METADATA_SERVER_DETECTION: 'none',
      },
    );
    assert.equal(code, 1, stderr);
    const report = JSON.parse(stdout);
    const rows = report.ci.map((row: { kind: string; trigger?: string; verdict: string }) => [
      row.kind,
      row.trigger ?? '',
      row.verdict,
    ]);
    assert.deepEqual(rows, [
      ['login', 'push to main', 'allowed'],
      ['login', 'pull_request into any branch', 'denied'],
      ['push', '', 'allowed'],
    ]);
    assert.ok(report.facts.live.includes(ROLE), report.facts.live.join('\n'));
  },
);
