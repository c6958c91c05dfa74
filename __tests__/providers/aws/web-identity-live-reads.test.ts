// Live reads for CI logins (issue 18), against moto_server on 127.0.0.1: a login's role is read with its trust
// policy (iam:GetRole's URL-encoded AssumeRolePolicyDocument), and its account's GitHub OIDC provider with its
// client IDs (iam:ListOpenIDConnectProviders, iam:GetOpenIDConnectProvider) — or that it has none.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  DeleteOpenIDConnectProviderCommand,
  IAMClient,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { stringify } from 'yaml';
import { withLiveFacts } from '../../../src/check/live-facts.ts';
import { CallRunner } from '../../../src/core/call-runner.ts';
import type { CiLogin, LoginVerdict, PredictedToken } from '../../../src/core/ci-path.ts';
import { loadConfigText, type LoadedConfig } from '../../../src/core/config/load.ts';
import { buildPlan } from '../../../src/core/plan.ts';
import { registries } from '../../../src/providers/index.ts';
import { read } from '../../../src/providers/aws/live-reads.ts';
import { buildRules } from '../../../src/providers/aws/rules.ts';
import { parseImageReference } from '../../../src/core/image-reference.ts';
import { registryLocator } from '../../../src/core/registries.ts';
import { motoMissing, startEcrFront, startMoto, type EcrFront, type MotoServer } from '../../helpers/moto.ts';

const ACCOUNT = '123456789012'; // moto's default account
const REGION = 'us-east-1';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/github-deploy`;
const PROVIDER = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
const SUB = 'repo:octo-org/octo-repo:ref:refs/heads/main';
const skip = motoMissing();
let moto: MotoServer;
let ecrFront: EcrFront;
let iam: IAMClient;

const LOGIN: CiLogin = {
  provider: 'aws',
  identity: ROLE,
  with: { 'role-to-assume': ROLE },
  origin: { file: '.github/workflows/deploy.yml', line: 20, via: 'aws-actions/configure-aws-credentials' },
};
const TOKEN: PredictedToken = {
  event: 'push',
  trigger: 'push to main',
  claims: {
    sub: { value: SUB },
    aud: { value: 'sts.amazonaws.com' },
    repository: { value: 'octo-org/octo-repo' },
  },
};

before(async () => {
  if (skip) return;
  moto = await startMoto();
  // Repository creation templates through the ECR front (moto does not implement them): one for CREATE_ON_PUSH.
  ecrFront = await startEcrFront(moto.url, (operation) =>
    operation === 'DescribeRepositoryCreationTemplates'
      ? {
          status: 200,
          payload: {
            repositoryCreationTemplates: [
              { prefix: 'team', appliedFor: ['CREATE_ON_PUSH'] },
              { prefix: 'docker-hub', appliedFor: ['PULL_THROUGH_CACHE'] },
            ],
          },
        }
      : undefined,
  );
  iam = new IAMClient({
    region: REGION,
    endpoint: moto.url,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  });
  const trustPolicy = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: PROVIDER },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
            'token.actions.githubusercontent.com:sub': SUB,
          },
        },
      },
    ],
  };
  await iam.send(
    new CreateRoleCommand({
      RoleName: 'github-deploy',
      AssumeRolePolicyDocument: JSON.stringify(trustPolicy),
    }),
  );
});

after(async () => {
  await ecrFront?.stop();
  await moto?.stop();
});

/** Reads live as the CI path asks, joins the facts, and decides the login. */
async function liveLogin(
  stated: Record<string, unknown> = {},
  ciPushes: Parameters<typeof read>[0]['ciPushes'] = [],
): Promise<{
  verdict: LoginVerdict;
  config: LoadedConfig;
  reads: number;
}> {
  const previous = process.env;
  process.env = {
    ...previous,
    AWS_ENDPOINT_URL: moto.url,
    AWS_ENDPOINT_URL_ECR: ecrFront.url,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_REGION: REGION,
  };
  try {
    const config = loadConfigText(stringify({ version: 1, facts: { aws: stated } }), 'pullcheck.yml');
    const runner = new CallRunner({ concurrency: 4 });
    const result = await read({
      config,
      plan: buildPlan(config, registries),
      runner,
      credentials: {},
      credentialHints: {},
      ciLogins: [LOGIN],
      ciPushes,
    });
    assert.ok(result?.facts, 'a CI login makes the AWS reads run');
    const joined = withLiveFacts(config, { aws: result.facts });
    const verdict = buildRules(joined).decideLogin!({ login: LOGIN, token: TOKEN })!;
    return { verdict, config: joined, reads: runner.reads };
  } finally {
    process.env = previous;
  }
}

test(
  'live: an account without the GitHub OIDC provider: the login is denied, naming the provider to create',
  { skip },
  async () => {
    const { verdict, config } = await liveLogin();
    const aws = config.input.facts?.aws as { oidcProviders?: unknown[]; roles?: { trustPolicy?: unknown }[] };
    assert.deepEqual(aws.oidcProviders, [{ arn: PROVIDER, exists: false }]);
    assert.ok(aws.roles?.[0]?.trustPolicy, 'the trust policy was read with the role');
    assert.equal(verdict.verdict, 'denied', verdict.reasons.join('\n'));
    assert.match(verdict.missing[0]!.fix.snippets['cli'] ?? '', /create-open-id-connect-provider/);
  },
);

test(
  'live: with the provider and its client ID, the trust policy read from GetRole admits push to main',
  { skip },
  async () => {
    const created = await iam.send(
      new CreateOpenIDConnectProviderCommand({
        Url: 'https://token.actions.githubusercontent.com',
        ClientIDList: ['sts.amazonaws.com'],
        ThumbprintList: ['6938fd4d98bab03faadb97b34396831e3780aea1'],
      }),
    );
    try {
      const { verdict, config, reads } = await liveLogin();
      const aws = config.input.facts?.aws as { oidcProviders?: unknown[] };
      assert.deepEqual(aws.oidcProviders, [{ arn: PROVIDER, clientIds: ['sts.amazonaws.com'] }]);
      assert.equal(verdict.verdict, 'allowed', verdict.reasons.join('\n'));
      assert.equal(verdict.principal, ROLE);
      // IAM: GetRole, ListAttachedRolePolicies, ListRolePolicies; ListOpenIDConnectProviders,
      // GetOpenIDConnectProvider = 5 (no ECR image: no repository, registry or organization read).
      assert.equal(reads, 5);
    } finally {
      await iam.send(
        new DeleteOpenIDConnectProviderCommand({
          OpenIDConnectProviderArn: created.OpenIDConnectProviderArn,
        }),
      );
    }
  },
);

test('live: what the config states is used as given, never read', { skip }, async () => {
  const stated = { oidcProviders: [{ arn: PROVIDER, clientIds: ['sts.amazonaws.com'] }] };
  const { verdict, config, reads } = await liveLogin(stated);
  const aws = config.input.facts?.aws as { oidcProviders?: unknown[] };
  assert.deepEqual(aws.oidcProviders, stated.oidcProviders);
  assert.equal(verdict.verdict, 'allowed', verdict.reasons.join('\n'));
  assert.equal(reads, 3, 'the role only: the stated provider is neither listed nor fetched');
});

test(
  'live: a push to a repository that does not exist yet, under a CREATE_ON_PUSH template',
  { skip },
  async () => {
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'github-deploy',
        PolicyName: 'push',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: [
                'ecr:GetAuthorizationToken',
                'ecr:BatchCheckLayerAvailability',
                'ecr:InitiateLayerUpload',
                'ecr:UploadLayerPart',
                'ecr:CompleteLayerUpload',
                'ecr:PutImage',
                'ecr:CreateRepository',
              ],
              Resource: '*',
            },
          ],
        }),
      }),
    );
    const image = parseImageReference(
      `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/team/web:1`,
      registryLocator(registries),
    );
    const { config } = await liveLogin(
      { oidcProviders: [{ arn: PROVIDER, clientIds: ['sts.amazonaws.com'] }] },
      [{ image, principal: ROLE }],
    );
    const aws = config.input.facts?.aws as {
      repositories?: unknown[];
      registries?: { createOnPushPrefixes?: string[] }[];
    };
    assert.deepEqual(aws.repositories, [
      { arn: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/team/web`, exists: false },
    ]);
    assert.deepEqual(aws.registries?.[0]?.createOnPushPrefixes, ['team']);
    const verdict = buildRules(config).decidePush!({ image, principal: ROLE })!;
    assert.equal(verdict.verdict, 'allowed', verdict.reasons.join('\n'));
  },
);
