// The ECR push rule (issue 18): may the role a CI job logged in as push an image? The same layers as a pull,
// over the push's actions ("Pushing a Docker image": BatchCheckLayerAvailability, InitiateLayerUpload,
// UploadLayerPart, CompleteLayerUpload, PutImage, with GetAuthorizationToken), and a repository that does not
// exist unless a CREATE_ON_PUSH repository creation template makes it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { loadConfigText } from '../../../src/core/config/load.ts';
import { parseImageReference } from '../../../src/core/image-reference.ts';
import { registryLocator } from '../../../src/core/registries.ts';
import type { GrantSide, Verdict } from '../../../src/core/verdict.ts';
import { registries } from '../../../src/providers/index.ts';
import { buildRules } from '../../../src/providers/aws/rules.ts';

const REGISTRY = '111122223333';
const OTHER = '444455556666';
const REGION = 'us-east-1';
const IMAGE = `${REGISTRY}.dkr.ecr.${REGION}.amazonaws.com/team/web:0123abc`;
const REPO_ARN = `arn:aws:ecr:${REGION}:${REGISTRY}:repository/team/web`;
const ROLE = `arn:aws:iam::${REGISTRY}:role/github-deploy`;
const CROSS_ROLE = `arn:aws:iam::${OTHER}:role/github-deploy`;
const PUSH = [
  'ecr:BatchCheckLayerAvailability',
  'ecr:InitiateLayerUpload',
  'ecr:UploadLayerPart',
  'ecr:CompleteLayerUpload',
  'ecr:PutImage',
];
const PULL = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];
const TOKEN = 'ecr:GetAuthorizationToken';

type Json = Record<string, unknown>;
const policy = (...Statement: Json[]): Json => ({ Version: '2012-10-17', Statement });
const allow = (Action: string | string[], Resource: string | string[] = '*'): Json => ({
  Effect: 'Allow',
  Action,
  Resource,
});
const managed = (name: string) => `arn:aws:iam::aws:policy/${name}`;
const POWER_USER = { managedPolicies: [managed('AmazonEC2ContainerRegistryPowerUser')] };
const PULL_ONLY = { managedPolicies: [managed('AmazonEC2ContainerRegistryPullOnly')] };

interface Setup {
  readonly role?: string;
  readonly roleFacts?: Json;
  readonly repository?: Json | 'absent';
  readonly registry?: Json;
  readonly image?: string;
}

function push(setup: Setup): Verdict | undefined {
  const role = setup.role ?? ROLE;
  const repository = setup.repository ?? { arn: REPO_ARN, policy: null };
  const aws = {
    roles: [{ arn: role, ...(setup.roleFacts ?? POWER_USER) }],
    ...(repository === 'absent' ? {} : { repositories: [repository] }),
    ...(setup.registry
      ? { registries: [{ account: REGISTRY, region: REGION, policy: null, ...setup.registry }] }
      : {}),
  };
  const rules = buildRules(loadConfigText(stringify({ version: 1, facts: { aws } }), 'pullcheck.yml'));
  const image = parseImageReference(setup.image ?? IMAGE, registryLocator(registries));
  return rules.decidePush?.({ image, principal: role });
}

interface Grant {
  readonly side: GrantSide;
  readonly permissions: readonly string[];
  readonly explicitDeny?: true;
}
interface Case {
  readonly name: string;
  readonly setup: Setup;
  readonly verdict: 'allowed' | 'denied' | 'unknown';
  readonly missing?: readonly Grant[];
  readonly says?: readonly string[];
}

const crossGrant = (Action: string[]): Json =>
  policy({ Sid: 'AllowPush', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action });

const cases: Case[] = [
  {
    name: 'ECR User Guide "AWS managed policies": AmazonEC2ContainerRegistryPowerUser pushes within the account',
    setup: {},
    verdict: 'allowed',
    says: ['same-account push'],
  },
  {
    name: 'AmazonEC2ContainerRegistryPullOnly cannot push: the five push actions are missing',
    setup: { roleFacts: PULL_ONLY },
    verdict: 'denied',
    missing: [{ side: 'identity', permissions: PUSH }],
    says: ['AmazonEC2ContainerRegistryPowerUser'],
  },
  {
    name: 'the push actions without GetAuthorizationToken: docker login fails',
    setup: { roleFacts: { policies: [policy(allow(PUSH, REPO_ARN))] } },
    verdict: 'denied',
    missing: [{ side: 'identity', permissions: [TOKEN] }],
  },
  {
    name: 'ECR User Guide "Private repository policy examples": another account may pull but not push',
    setup: { role: CROSS_ROLE, repository: { arn: REPO_ARN, policy: crossGrant(PULL) } },
    verdict: 'denied',
    missing: [{ side: 'resource', permissions: PUSH }],
  },
  {
    name: 'ECR User Guide "Private repository policy examples": allow another account to push',
    setup: { role: CROSS_ROLE, repository: { arn: REPO_ARN, policy: crossGrant([...PUSH, ...PULL]) } },
    verdict: 'allowed',
    says: ['cross-account push'],
  },
  {
    name: 'a repository policy that denies PutImage (immutable-release guard) wins',
    setup: {
      repository: {
        arn: REPO_ARN,
        policy: policy({ Sid: 'NoPush', Effect: 'Deny', Principal: '*', Action: 'ecr:PutImage' }),
      },
    },
    verdict: 'denied',
    missing: [{ side: 'resource', permissions: ['ecr:PutImage'], explicitDeny: true }],
  },
  {
    name: 'a permissions boundary that allows pulls only caps PowerUser',
    setup: { roleFacts: { ...POWER_USER, permissionsBoundary: policy(allow([...PULL, TOKEN])) } },
    verdict: 'denied',
    says: ['permissions boundary'],
  },
  {
    name: 'a repository not in the facts: whether it exists is not known (never allowed)',
    setup: { repository: 'absent' },
    verdict: 'unknown',
    says: ['facts.aws.repositories', 'exists: false'],
  },
  {
    name: 'a missing repository, the creation templates not known: unknown, naming them',
    setup: { repository: { arn: REPO_ARN, exists: false }, registry: {} },
    verdict: 'unknown',
    says: ['createOnPushPrefixes', 'ecr:DescribeRepositoryCreationTemplates'],
  },
  {
    name: 'a missing repository and no CREATE_ON_PUSH template: the push fails',
    setup: { repository: { arn: REPO_ARN, exists: false }, registry: { createOnPushPrefixes: ['other'] } },
    verdict: 'denied',
    missing: [{ side: 'resource', permissions: ['ecr:CreateRepository'] }],
    says: ['name unknown'],
  },
  {
    name: 'ECR "Private repository creation templates": ROOT for CREATE_ON_PUSH, but the role may not CreateRepository',
    setup: { repository: { arn: REPO_ARN, exists: false }, registry: { createOnPushPrefixes: ['ROOT'] } },
    verdict: 'denied',
    missing: [{ side: 'identity', permissions: ['ecr:CreateRepository'] }],
  },
  {
    name: 'a CREATE_ON_PUSH template for team/ and a role that may CreateRepository',
    setup: {
      roleFacts: { ...POWER_USER, policies: [policy(allow('ecr:CreateRepository'))] },
      repository: { arn: REPO_ARN, exists: false },
      registry: { createOnPushPrefixes: ['team'] },
    },
    verdict: 'allowed',
    says: ['CREATE_ON_PUSH creates it on the first push'],
  },
];

for (const c of cases) {
  test(`push: ${c.name}`, () => {
    const verdict = push(c.setup);
    assert.ok(verdict, 'the AWS rules decide pushes to ECR');
    const text = verdict.reasons.join('\n') + JSON.stringify(verdict.missing);
    assert.equal(verdict.verdict, c.verdict, text);
    for (const fragment of c.says ?? []) assert.ok(text.includes(fragment), `${fragment}\n${text}`);
    if (c.missing)
      assert.deepEqual(
        verdict.missing.map((grant) => ({
          side: grant.side,
          permissions: [...grant.permissions].sort(),
          ...(grant.explicitDeny ? { explicitDeny: true } : {}),
        })),
        c.missing.map((grant) => ({ ...grant, permissions: [...grant.permissions].sort() })),
      );
  });
}

test("push: an image of another registry is not the AWS rules' to decide", () => {
  assert.equal(push({ image: 'ghcr.io/octo-org/web:1' }), undefined);
});

test('push: a principal that is not a role ARN is unknown', () => {
  const rules = buildRules(loadConfigText(stringify({ version: 1 }), 'pullcheck.yml'));
  const image = parseImageReference(IMAGE, registryLocator(registries));
  assert.equal(rules.decidePush?.({ image, principal: 'serviceAccount:x@y' })?.verdict, 'unknown');
});
