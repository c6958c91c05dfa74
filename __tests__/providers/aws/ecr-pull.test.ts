// The ECR pull rule (SPEC §4 "ECR (private)"), driven through the real path: a YAML config → loadConfigText →
// runCheck with every provider. Each case comes from AWS's own documentation and names its source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import type { GrantSide, PullResult } from '../../../src/core/verdict.ts';
import { checkSinglePull } from '../../helpers/check.ts';

// Accounts as the AWS docs write them: the registry (trusting) account and a secondary (trusted) one.
const REGISTRY = '111122223333';
const SECONDARY = '444455556666';
const REGION = 'us-east-1';
const IMAGE = `${REGISTRY}.dkr.ecr.${REGION}.amazonaws.com/team/web:1.4.2`;
const REPO_ARN = `arn:aws:ecr:${REGION}:${REGISTRY}:repository/team/web`;
const NODE_ROLE = `arn:aws:iam::${REGISTRY}:role/eks/prod-nodes`; // path included
const NODE_SESSION = `arn:aws:sts::${REGISTRY}:assumed-role/prod-nodes/i-0123456789abcdef0`;
const CROSS_ROLE = `arn:aws:iam::${SECONDARY}:role/eks/prod-nodes`;
const CROSS_SESSION = `arn:aws:sts::${SECONDARY}:assumed-role/prod-nodes/i-0123456789abcdef0`;
const ORG = 'o-exampleorgid';

const PULL = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];
const TOKEN = 'ecr:GetAuthorizationToken';
const IMPORT = 'ecr:BatchImportUpstreamImage';
const PUSH = [
  'ecr:BatchCheckLayerAvailability',
  'ecr:CompleteLayerUpload',
  'ecr:InitiateLayerUpload',
  'ecr:PutImage',
  'ecr:UploadLayerPart',
];

type Json = Record<string, unknown>;
const policy = (...Statement: Json[]): Json => ({ Version: '2012-10-17', Statement });
const allow = (Action: string | string[], Resource: string | string[] = '*', more: Json = {}): Json => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...more,
});
const denyStatement = (Action: string | string[], Resource: string | string[] = '*'): Json => ({
  Effect: 'Deny',
  Action,
  Resource,
});
/** A repository-policy statement (no Resource: the repository itself). */
const grant = (Principal: unknown, Action: string | string[] = PULL, more: Json = {}): Json => ({
  Sid: 'AllowPull',
  Effect: 'Allow',
  Principal,
  Action,
  ...more,
});
const managed = (name: string) => `arn:aws:iam::aws:policy/${name}`;

interface RoleFactsInput {
  readonly managedPolicies?: readonly string[];
  readonly policies?: readonly unknown[];
  readonly permissionsBoundary?: unknown;
}
const withManaged = (...names: string[]): RoleFactsInput => ({ managedPolicies: names.map(managed) });
const PULL_ONLY = withManaged('AmazonEC2ContainerRegistryPullOnly');
const TOKEN_ONLY: RoleFactsInput = { policies: [policy(allow(TOKEN))] };
const NO_ECR = withManaged('AmazonEKSWorkerNodePolicy');

interface ExpectedGrant {
  readonly side: GrantSide;
  readonly permissions: readonly string[];
  readonly explicitDeny?: true;
}
type Expectation =
  | { readonly verdict: 'allowed' }
  | { readonly verdict: 'denied'; readonly missing: readonly ExpectedGrant[] }
  /** `because`: texts each of which some reason must contain (the fact that is missing, how to give it). */
  | { readonly verdict: 'unknown'; readonly because: readonly string[] };
const allowed: Expectation = { verdict: 'allowed' };
const denied = (...missing: ExpectedGrant[]): Expectation => ({ verdict: 'denied', missing });
const unknown = (...because: string[]): Expectation => ({ verdict: 'unknown', because });
const identity = (...permissions: string[]): ExpectedGrant => ({ side: 'identity', permissions });
const resource = (...permissions: string[]): ExpectedGrant => ({ side: 'resource', permissions });
const explicitDeny = (side: GrantSide, ...permissions: string[]): ExpectedGrant => ({
  side,
  permissions,
  explicitDeny: true,
});

/** One pull: who pulls what, and the facts pullcheck is given. */
interface PullSetup {
  /** The pulling role; default the same-account node role. */
  readonly role?: string;
  readonly platform?: 'eks' | 'ecs' | 'aws-role';
  readonly image?: string;
  /** The role's facts; 'absent' leaves the role out of facts.aws.roles. */
  readonly roleFacts?: RoleFactsInput | 'absent';
  /** Present: the repository is in facts with this policy (null = no policy). Absent: not in facts. */
  readonly repository?:
    { readonly arn?: string; readonly policy: unknown } | { readonly arn?: string; readonly exists: false };
  readonly registry?: Json;
  readonly accounts?: readonly { readonly id: string; readonly organizationId: string }[];
}

interface PullCase extends PullSetup {
  /** Cites the AWS document the case comes from. */
  readonly name: string;
  readonly expect: Expectation;
}

function configText(c: PullSetup): string {
  const role = c.role ?? NODE_ROLE;
  const aws: Json = {};
  if (c.roleFacts !== 'absent') aws['roles'] = [{ arn: role, ...(c.roleFacts ?? {}) }];
  if (c.repository) aws['repositories'] = [{ ...c.repository, arn: c.repository.arn ?? REPO_ARN }];
  if (c.registry) aws['registries'] = [{ account: REGISTRY, region: REGION, ...c.registry }];
  if (c.accounts) aws['accounts'] = c.accounts;
  const target = { name: 'prod', platform: c.platform ?? 'eks', roles: [role] };
  return stringify({ version: 1, images: [c.image ?? IMAGE], targets: [target], facts: { aws } });
}

function pull(c: PullSetup): PullResult {
  return checkSinglePull(configText(c));
}

function assertVerdict(result: PullResult, expected: Expectation): void {
  const why = `reasons:\n  ${result.reasons.join('\n  ')}`;
  assert.equal(result.verdict, expected.verdict, why);
  const missing = result.missing.map((grant) => ({
    side: grant.side,
    permissions: [...grant.permissions].sort(),
    explicitDeny: grant.explicitDeny ?? false,
  }));
  if (expected.verdict !== 'denied') {
    assert.deepEqual(missing, [], why);
  } else {
    const wanted = expected.missing.map((grant) => ({
      side: grant.side,
      permissions: [...grant.permissions].sort(),
      explicitDeny: grant.explicitDeny ?? false,
    }));
    const order = (a: { side: string; permissions: string[] }, b: typeof a) =>
      `${a.side}${a.permissions}`.localeCompare(`${b.side}${b.permissions}`);
    assert.deepEqual(missing.sort(order), wanted.sort(order), why);
  }
  if (expected.verdict === 'unknown') {
    for (const fact of expected.because) {
      assert.ok(
        result.reasons.some((reason) => reason.includes(fact)),
        `no reason names ${fact}\n${why}`,
      );
    }
  }
}

const cases: PullCase[] = [
  // --- Partitions (issue 17): isolated, whatever the policies say -------------------------------------------
  {
    name: 'AWS Fault Isolation Boundaries, "Partitions": a role in aws never pulls from a repository in aws-cn, even with AdministratorAccess and a policy allowing everyone',
    image: `${REGISTRY}.dkr.ecr.cn-north-1.amazonaws.com.cn/team/web:1`,
    roleFacts: withManaged('AdministratorAccess'),
    repository: {
      arn: `arn:aws-cn:ecr:cn-north-1:${REGISTRY}:repository/team/web`,
      policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'ecr:*' }] },
    },
    expect: denied(identity()),
  },
  {
    name: 'AWS Fault Isolation Boundaries, "Partitions": a role in aws-us-gov never pulls from a repository in aws',
    role: `arn:aws-us-gov:iam::${REGISTRY}:role/gov-nodes`,
    roleFacts: withManaged('AdministratorAccess'),
    repository: {
      policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'ecr:*' }] },
    },
    expect: denied(identity()),
  },
  // --- Policy variables in Resource/NotResource (issue 17): their values come from the request ----------
  {
    name: 'IAM User Guide, "IAM policy elements: Variables and tags": a Deny whose Resource holds ${aws:PrincipalTag/team} may cover the repository (unknown, not allowed)',
    roleFacts: {
      managedPolicies: [managed('AmazonEC2ContainerRegistryPullOnly')],
      policies: [
        policy(
          denyStatement(PULL, `arn:aws:ecr:${REGION}:${REGISTRY}:repository/\${aws:PrincipalTag/team}/*`),
        ),
      ],
    },
    repository: { policy: null },
    expect: unknown('${aws:PrincipalTag/team}', 'policy variable'),
  },
  {
    name: 'IAM User Guide, "IAM policy elements: Variables and tags": an Allow whose Resource holds ${aws:PrincipalTag/team} may grant the pull (unknown, not denied)',
    roleFacts: {
      policies: [
        policy(
          allow(TOKEN),
          allow(PULL, `arn:aws:ecr:${REGION}:${REGISTRY}:repository/\${aws:PrincipalTag/team}/*`),
        ),
      ],
    },
    repository: { policy: null },
    expect: unknown('${aws:PrincipalTag/team}'),
  },
  // --- Identity policies of the pulling roles -------------------------------------------------------------
  {
    name: 'EKS User Guide, Amazon EKS node IAM role: AmazonEC2ContainerRegistryReadOnly lets the node role pull (same account)',
    roleFacts: withManaged('AmazonEKSWorkerNodePolicy', 'AmazonEC2ContainerRegistryReadOnly'),
    expect: allowed,
  },
  {
    name: 'EKS User Guide, Amazon EKS node IAM role: AmazonEC2ContainerRegistryPullOnly, the policy the guide names for image pulls',
    roleFacts: PULL_ONLY,
    repository: { policy: null },
    expect: allowed,
  },
  {
    name: 'EKS User Guide, Amazon EKS node IAM role: AmazonEKSWorkerNodePolicy alone carries no ECR permission',
    roleFacts: NO_ECR,
    repository: { policy: null },
    expect: denied(identity(...PULL, TOKEN)),
  },
  {
    name: 'EKS User Guide, Amazon EKS Pod execution IAM role: AmazonEKSFargatePodExecutionRolePolicy',
    role: `arn:aws:iam::${REGISTRY}:role/AmazonEKSFargatePodExecutionRole`,
    roleFacts: withManaged('AmazonEKSFargatePodExecutionRolePolicy'),
    expect: allowed,
  },
  {
    name: 'ECS Developer Guide, Amazon ECS task execution IAM role: AmazonECSTaskExecutionRolePolicy',
    platform: 'ecs',
    role: `arn:aws:iam::${REGISTRY}:role/ecsTaskExecutionRole`,
    roleFacts: withManaged('service-role/AmazonECSTaskExecutionRolePolicy'),
    expect: allowed,
  },
  {
    name: 'IAM User Guide, NotAction: PowerUserAccess allows every action except iam/organizations/account',
    roleFacts: withManaged('PowerUserAccess'),
    expect: allowed,
  },
  {
    name: 'IAM User Guide, AWS managed policies for job functions: ReadOnlyAccess (ecr:BatchGet*, ecr:Get*)',
    roleFacts: withManaged('ReadOnlyAccess'),
    expect: allowed,
  },
  {
    name: 'IAM User Guide, AWS managed policies for job functions: AdministratorAccess ("Action": "*")',
    roleFacts: withManaged('AdministratorAccess'),
    expect: allowed,
  },
  {
    name: 'IAM User Guide, Action element: "ecr:Get*" matches GetDownloadUrlForLayer and GetAuthorizationToken, not BatchGetImage',
    roleFacts: { policies: [policy(allow('ecr:Get*'))] },
    repository: { policy: null },
    expect: denied(identity('ecr:BatchGetImage')),
  },
  {
    name: 'IAM User Guide, Action element: "ecr:*" allows every Amazon ECR action',
    roleFacts: { policies: [policy(allow('ecr:*'))] },
    expect: allowed,
  },
  {
    name: 'IAM User Guide, Action element: action names are case insensitive (ECR:batchgetimage)',
    roleFacts: {
      policies: [
        policy(allow(['ECR:batchgetimage', 'Ecr:GetDownloadURLForLayer', 'ecr:getauthorizationtoken'])),
      ],
    },
    expect: allowed,
  },
  {
    name: 'IAM User Guide, NotAction element: Allow with NotAction ecr:BatchGetImage grants everything else',
    roleFacts: { policies: [policy({ Effect: 'Allow', NotAction: 'ecr:BatchGetImage', Resource: '*' })] },
    repository: { policy: null },
    expect: denied(identity('ecr:BatchGetImage')),
  },
  {
    name: 'ECR User Guide, How Amazon ECR works with IAM (Resources): a repository wildcard ARN "repository/team/*"',
    roleFacts: {
      policies: [policy(allow(TOKEN), allow(PULL, `arn:aws:ecr:${REGION}:${REGISTRY}:repository/team/*`))],
    },
    expect: allowed,
  },
  {
    name: 'ECR User Guide, How Amazon ECR works with IAM (Resources): a grant on another repository does not cover this one',
    roleFacts: {
      policies: [policy(allow(TOKEN), allow(PULL, `arn:aws:ecr:${REGION}:${REGISTRY}:repository/team/api`))],
    },
    repository: { policy: null },
    expect: denied(identity(...PULL)),
  },
  {
    name: 'IAM User Guide, NotResource element: Allow ecr:* on everything except repository/secret/*',
    roleFacts: {
      policies: [
        policy({
          Effect: 'Allow',
          Action: 'ecr:*',
          NotResource: `arn:aws:ecr:${REGION}:${REGISTRY}:repository/secret/*`,
        }),
      ],
    },
    expect: allowed,
  },
  {
    name: 'IAM User Guide, NotResource element: a NotResource that covers the repository leaves the pull ungranted',
    roleFacts: {
      policies: [
        policy({
          Effect: 'Allow',
          Action: 'ecr:*',
          NotResource: `arn:aws:ecr:${REGION}:${REGISTRY}:repository/team/*`,
        }),
      ],
    },
    repository: { policy: null },
    expect: denied(identity(...PULL)),
  },
  {
    name: 'Service Authorization Reference, Amazon ECR actions: GetAuthorizationToken has no resource type, so only "Resource": "*" grants it',
    roleFacts: { policies: [policy(allow([...PULL, TOKEN], REPO_ARN))] },
    expect: denied(identity(TOKEN)),
  },

  // --- Same account: repository policies ------------------------------------------------------------------
  {
    name: 'ECR User Guide, Private repository policies: within the account a repository policy naming the role is enough for the pull actions',
    roleFacts: TOKEN_ONLY,
    repository: { policy: policy(grant({ AWS: NODE_ROLE })) },
    expect: allowed,
  },
  {
    name: 'ECR User Guide, Private repository policies: GetAuthorizationToken must still come from an IAM policy',
    roleFacts: { policies: [] },
    repository: { policy: policy(grant({ AWS: NODE_ROLE })) },
    expect: denied(identity(TOKEN)),
  },
  {
    name: 'ECR User Guide, Private repository policy examples: AllowPull for named principals plus AllowAll "ecr:*" for an admin',
    roleFacts: TOKEN_ONLY,
    repository: {
      policy: policy(
        grant({ AWS: [NODE_ROLE, `arn:aws:iam::${REGISTRY}:user/pull-user-2`] }),
        grant({ AWS: `arn:aws:iam::${REGISTRY}:user/admin-user` }, ['ecr:*'], { Sid: 'AllowAll' }),
      ),
    },
    expect: allowed,
  },
  {
    name: 'IAM User Guide, Principal (AWS account principals): naming only the account root delegates to IAM and grants nothing by itself',
    roleFacts: TOKEN_ONLY,
    repository: { policy: policy(grant({ AWS: `arn:aws:iam::${REGISTRY}:root` })) },
    expect: denied(identity(...PULL)),
  },
  {
    name: 'IAM User Guide, Principal (AWS account principals): the bare account id behaves like the root ARN',
    roleFacts: TOKEN_ONLY,
    repository: { policy: policy(grant({ AWS: REGISTRY })) },
    expect: denied(identity(...PULL)),
  },
  {
    name: 'IAM User Guide, Principal (IAM role principals): a role ARN without the role path names another role',
    roleFacts: TOKEN_ONLY,
    repository: { policy: policy(grant({ AWS: `arn:aws:iam::${REGISTRY}:role/prod-nodes` })) },
    expect: denied(identity(...PULL)),
  },
  {
    name: 'IAM User Guide, Principal (role session principals): a session ARN names one session, not every node of the role',
    roleFacts: TOKEN_ONLY,
    repository: { policy: policy(grant({ AWS: NODE_SESSION })) },
    expect: unknown(NODE_SESSION),
  },
  {
    name: 'IAM User Guide, aws:PrincipalOrgID: "Principal": "*" limited to the organization, the organization known',
    roleFacts: TOKEN_ONLY,
    accounts: [{ id: REGISTRY, organizationId: ORG }],
    repository: {
      policy: policy(grant('*', PULL, { Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } } })),
    },
    expect: allowed,
  },

  // --- Cross-account --------------------------------------------------------------------------------------
  {
    name: 're:Post Knowledge Center, allow a secondary account to push or pull: repository policy grants the account, but the identity policy lacks ecr:GetAuthorizationToken',
    role: CROSS_ROLE,
    roleFacts: { policies: [policy(allow(['ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'], REPO_ARN))] },
    repository: {
      policy: policy(
        grant({ AWS: `arn:aws:iam::${SECONDARY}:root` }, [...PULL, ...PUSH], { Sid: 'AllowPushPull' }),
      ),
    },
    expect: denied(identity(TOKEN)),
  },
  {
    name: 'ECR User Guide, Private repository policy examples (allow another account): the account root ARN grants the account, whose IAM allows',
    role: CROSS_ROLE,
    roleFacts: PULL_ONLY,
    repository: { policy: policy(grant({ AWS: `arn:aws:iam::${SECONDARY}:root` })) },
    expect: allowed,
  },
  {
    name: 'IAM User Guide, Principal (AWS account principals): a bare account id grants the secondary account',
    role: CROSS_ROLE,
    roleFacts: PULL_ONLY,
    repository: { policy: policy(grant({ AWS: SECONDARY })) },
    expect: allowed,
  },
  {
    name: 're:Post Knowledge Center, allow a secondary account to push or pull: "provide the role arn as the principal"',
    role: CROSS_ROLE,
    roleFacts: PULL_ONLY,
    repository: { policy: policy(grant({ AWS: CROSS_ROLE })) },
    expect: allowed,
  },
  {
    name: 'ECR User Guide, Private repository policy examples (allow another account): AllowCrossAccountPush grants push only, so the pull is missing on the resource side',
    role: CROSS_ROLE,
    roleFacts: PULL_ONLY,
    repository: {
      policy: policy(
        grant({ AWS: `arn:aws:iam::${SECONDARY}:root` }, PUSH, { Sid: 'AllowCrossAccountPush' }),
      ),
    },
    expect: denied(resource(...PULL)),
  },
  {
    name: 'IAM User Guide, Cross-account policy evaluation logic: without a repository policy the trusting account never allows',
    role: CROSS_ROLE,
    roleFacts: PULL_ONLY,
    repository: { policy: null },
    expect: denied(resource(...PULL)),
  },
  {
    name: 'IAM User Guide, Cross-account policy evaluation logic: the repository policy alone is half of the trust; the identity side must allow too',
    role: CROSS_ROLE,
    roleFacts: NO_ECR,
    repository: { policy: policy(grant({ AWS: CROSS_ROLE })) },
    expect: denied(identity(...PULL, TOKEN)),
  },
  {
    name: 'IAM User Guide, Principal (role session principals): a cross-account grant to one session of the role is undecided',
    role: CROSS_ROLE,
    roleFacts: PULL_ONLY,
    repository: { policy: policy(grant({ AWS: CROSS_SESSION })) },
    expect: unknown(CROSS_SESSION),
  },
  {
    name: 'SPEC §3 offline facts: the repository of a cross-account pull not in facts is unknown',
    role: CROSS_ROLE,
    roleFacts: PULL_ONLY,
    expect: unknown('is not in facts.aws.repositories', 'ecr:GetRepositoryPolicy'),
  },
  {
    name: 'SPEC §3 offline facts: an unknown cross-account repository does not hide an identity side that definitely lacks',
    role: CROSS_ROLE,
    roleFacts: NO_ECR,
    expect: denied(identity(...PULL, TOKEN)),
  },

  // --- Registry policies ----------------------------------------------------------------------------------
  {
    name: 're:Post Knowledge Center, allow a secondary account to push or pull: a V2 registry policy grants every repository',
    role: CROSS_ROLE,
    roleFacts: PULL_ONLY,
    repository: { policy: null },
    registry: {
      scope: 'V2',
      policy: policy(allow(PULL, '*', { Principal: { AWS: `arn:aws:iam::${SECONDARY}:root` } })),
    },
    expect: allowed,
  },
  {
    name: 'ECR User Guide, Private registry permissions: V1 scope enforces only ReplicateImage, BatchImportUpstreamImage and CreateRepository',
    role: CROSS_ROLE,
    roleFacts: PULL_ONLY,
    repository: { policy: null },
    registry: {
      scope: 'V1',
      policy: policy(allow(PULL, '*', { Principal: { AWS: `arn:aws:iam::${SECONDARY}:root` } })),
    },
    expect: denied(resource(...PULL)),
  },
  {
    name: 'ECR User Guide, Private registry permissions: "The V2 version is the default registry policy scope" — stated V2, the registry grant counts',
    role: CROSS_ROLE,
    roleFacts: PULL_ONLY,
    repository: { policy: null },
    registry: {
      scope: 'V2',
      policy: policy(
        allow(PULL, `arn:aws:ecr:${REGION}:${REGISTRY}:repository/*`, { Principal: { AWS: CROSS_ROLE } }),
      ),
    },
    expect: allowed,
  },
  {
    name: 'ECR User Guide, "Switching to the extended registry policy scope" ("for new users … automatically configured to use V2"; older registries may be V1): scope not given and only the registry policy grants the pull — unknown, naming the setting',
    role: CROSS_ROLE,
    roleFacts: PULL_ONLY,
    repository: { policy: null },
    registry: {
      policy: policy(
        allow(PULL, `arn:aws:ecr:${REGION}:${REGISTRY}:repository/*`, { Principal: { AWS: CROSS_ROLE } }),
      ),
    },
    expect: unknown(
      'gives allowed under the V2 registry policy scope and denied under V1',
      'REGISTRY_POLICY_SCOPE',
      'ecr:GetAccountSetting',
    ),
  },
  {
    name: 'ECR User Guide, Private registry permissions: scope not given, but the repository policy grants the pull anyway — the scope does not matter, allowed',
    role: CROSS_ROLE,
    roleFacts: PULL_ONLY,
    repository: {
      policy: policy(allow(PULL, undefined, { Principal: { AWS: CROSS_ROLE } })),
    },
    registry: {
      policy: policy(
        allow(PULL, `arn:aws:ecr:${REGION}:${REGISTRY}:repository/*`, { Principal: { AWS: CROSS_ROLE } }),
      ),
    },
    expect: allowed,
  },
  {
    name: 'ECR User Guide, Private registry permissions (V2 enforces the registry policy in all ECR requests): a registry Deny wins',
    roleFacts: PULL_ONLY,
    repository: { policy: null },
    registry: {
      scope: 'V2',
      policy: policy({ Effect: 'Deny', Principal: '*', Action: 'ecr:BatchGetImage', Resource: '*' }),
    },
    expect: denied(explicitDeny('resource', 'ecr:BatchGetImage')),
  },
  {
    name: 'ECR User Guide, Private registry permissions: under V1 a registry Deny on BatchGetImage is not enforced',
    roleFacts: PULL_ONLY,
    repository: { policy: null },
    registry: {
      scope: 'V1',
      policy: policy({ Effect: 'Deny', Principal: '*', Action: 'ecr:BatchGetImage', Resource: '*' }),
    },
    expect: allowed,
  },

  // --- Explicit denies ------------------------------------------------------------------------------------
  {
    name: 'IAM User Guide, Policy evaluation logic: an explicit Deny in an identity policy overrides the Allow',
    roleFacts: {
      managedPolicies: [managed('AmazonEC2ContainerRegistryPullOnly')],
      policies: [policy(denyStatement('ecr:BatchGetImage', `arn:aws:ecr:*:${REGISTRY}:repository/team/*`))],
    },
    expect: denied(explicitDeny('identity', 'ecr:BatchGetImage')),
  },
  {
    name: 'IAM User Guide, Permissions boundaries: an explicit Deny in the boundary overrides the Allow',
    roleFacts: {
      ...PULL_ONLY,
      permissionsBoundary: policy(allow('*'), denyStatement('ecr:GetDownloadUrlForLayer')),
    },
    expect: denied(explicitDeny('identity', 'ecr:GetDownloadUrlForLayer')),
  },
  {
    name: 'ECR User Guide, Private repository policy examples (deny all): DenyPull for "Principal": "*"',
    roleFacts: PULL_ONLY,
    repository: { policy: policy({ Sid: 'DenyPull', Effect: 'Deny', Principal: '*', Action: PULL }) },
    expect: denied(explicitDeny('resource', ...PULL)),
  },
  {
    name: 'ECR User Guide, Private repository policy examples (restricting access to specific IP addresses): aws:SourceIp is not known offline',
    roleFacts: PULL_ONLY,
    repository: {
      policy: policy({
        Sid: 'IPAllow',
        Effect: 'Deny',
        Principal: '*',
        Action: 'ecr:*',
        Condition: { NotIpAddress: { 'aws:SourceIp': '54.240.143.0/24' } },
      }),
    },
    expect: unknown('aws:SourceIp'),
  },
  {
    name: 'IAM User Guide, NotPrincipal: Deny with only the role ARN in NotPrincipal still denies the role session',
    roleFacts: PULL_ONLY,
    repository: { policy: policy({ Effect: 'Deny', NotPrincipal: { AWS: NODE_ROLE }, Action: 'ecr:*' }) },
    expect: denied(explicitDeny('resource', ...PULL)),
  },
  {
    name: 'IAM User Guide, NotPrincipal: role and account without the assumed-role session — AWS "might validate the account first, then the role, and then the assumed-role user": not settled, so unknown (issue 17)',
    role: CROSS_ROLE,
    roleFacts: PULL_ONLY,
    repository: {
      policy: policy(grant({ AWS: CROSS_ROLE }), {
        Effect: 'Deny',
        NotPrincipal: { AWS: [CROSS_ROLE, `arn:aws:iam::${SECONDARY}:root`] },
        Action: 'ecr:*',
      }),
    },
    expect: unknown('not the assumed-role session', 'ArnNotEquals aws:PrincipalArn'),
  },
  {
    name: 'IAM User Guide, NotPrincipal (IAM role example): session, role and account exempt only that one session',
    role: CROSS_ROLE,
    roleFacts: PULL_ONLY,
    repository: {
      policy: policy(grant({ AWS: CROSS_ROLE }), {
        Effect: 'Deny',
        NotPrincipal: { AWS: [CROSS_SESSION, CROSS_ROLE, `arn:aws:iam::${SECONDARY}:root`] },
        Action: 'ecr:*',
      }),
    },
    expect: unknown(CROSS_SESSION),
  },
  {
    name: 'IAM User Guide, NotPrincipal: with Deny it "will always deny any IAM principal that has a permissions boundary policy attached"',
    role: CROSS_ROLE,
    roleFacts: { ...PULL_ONLY, permissionsBoundary: managed('AmazonEC2ContainerRegistryPullOnly') },
    repository: {
      policy: policy(grant({ AWS: CROSS_ROLE }), {
        Effect: 'Deny',
        NotPrincipal: { AWS: [CROSS_SESSION, CROSS_ROLE, `arn:aws:iam::${SECONDARY}:root`] },
        Action: 'ecr:*',
      }),
    },
    expect: denied(explicitDeny('resource', ...PULL)),
  },

  {
    name: 'IAM User Guide, NotPrincipal: "Using it with Effect Allow is not supported": an Allow with NotPrincipal grants the role nothing (unknown)',
    role: CROSS_ROLE,
    roleFacts: PULL_ONLY,
    repository: {
      policy: policy({
        Effect: 'Allow',
        NotPrincipal: { AWS: 'arn:aws:iam::999999999999:root' },
        Action: [...PULL],
      }),
    },
    expect: unknown('NotPrincipal with "Effect": "Allow" is not supported'),
  },
  // --- Permissions boundaries -----------------------------------------------------------------------------
  {
    name: 'IAM User Guide, Permissions boundaries (ShirleyRodriguez example): a boundary of s3, cloudwatch and ec2 caps the ECR grants',
    roleFacts: { ...PULL_ONLY, permissionsBoundary: policy(allow(['s3:*', 'cloudwatch:*', 'ec2:*'])) },
    repository: { policy: null },
    expect: denied(identity(...PULL, TOKEN)),
  },
  {
    name: 'IAM User Guide, Permissions boundaries: an AWS-managed policy ARN as the boundary (PullOnly caps AdministratorAccess)',
    roleFacts: {
      ...withManaged('AdministratorAccess'),
      permissionsBoundary: managed('AmazonEC2ContainerRegistryPullOnly'),
    },
    expect: allowed,
  },
  {
    name: 'IAM User Guide, Permissions boundaries: an AWS-managed boundary without ECR (AmazonS3ReadOnlyAccess)',
    roleFacts: {
      ...withManaged('AdministratorAccess'),
      permissionsBoundary: managed('AmazonS3ReadOnlyAccess'),
    },
    repository: { policy: null },
    expect: denied(identity(...PULL, TOKEN)),
  },
  {
    name: 'IAM User Guide, Policy evaluation logic: a repository grant to the role ARN is limited by an implicit deny in the boundary',
    roleFacts: { permissionsBoundary: policy(allow('s3:*')) },
    repository: { policy: policy(grant({ AWS: NODE_ROLE })) },
    // The identity side still lacks the token; the boundary lacks everything (the repository covers the pull).
    expect: denied(identity(TOKEN), identity(...PULL, TOKEN)),
  },
  {
    name: 'IAM User Guide, Principal: boundaries "do not limit permissions granted using the aws:PrincipalArn condition key with a wildcard(*) in the Principal element"',
    roleFacts: { policies: [policy(allow('ecr:*'))], permissionsBoundary: policy(allow(TOKEN)) },
    repository: {
      policy: policy(grant('*', PULL, { Condition: { ArnEquals: { 'aws:PrincipalArn': NODE_ROLE } } })),
    },
    expect: allowed,
  },
  {
    name: 'IAM User Guide, Permissions boundaries: the token has no resource policy, so a boundary without it blocks even a "*" repository grant',
    roleFacts: { policies: [policy(allow('ecr:*'))], permissionsBoundary: policy(allow('s3:*')) },
    repository: {
      policy: policy(grant('*', PULL, { Condition: { ArnEquals: { 'aws:PrincipalArn': NODE_ROLE } } })),
    },
    expect: denied(identity(TOKEN)),
  },

  // --- Conditions on "*" principals -----------------------------------------------------------------------
  {
    name: 'IAM User Guide, aws:PrincipalOrgID: the secondary account is in the organization',
    role: CROSS_ROLE,
    roleFacts: PULL_ONLY,
    accounts: [{ id: SECONDARY, organizationId: ORG }],
    repository: {
      policy: policy(grant('*', PULL, { Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } } })),
    },
    expect: allowed,
  },
  {
    name: 'IAM User Guide, aws:PrincipalOrgID: the secondary account is in another organization',
    role: CROSS_ROLE,
    roleFacts: PULL_ONLY,
    accounts: [{ id: SECONDARY, organizationId: 'o-anotherorgid' }],
    repository: {
      policy: policy(grant('*', PULL, { Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } } })),
    },
    expect: denied(resource(...PULL)),
  },
  {
    name: 'IAM User Guide, aws:PrincipalOrgID: without facts.aws.accounts the organization is unknown',
    role: CROSS_ROLE,
    roleFacts: PULL_ONLY,
    repository: {
      policy: policy(grant('*', PULL, { Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } } })),
    },
    expect: unknown('aws:PrincipalOrgID', 'facts.aws.accounts'),
  },
  {
    name: 'IAM User Guide, aws:PrincipalAccount: "*" narrowed to the secondary account',
    role: CROSS_ROLE,
    roleFacts: PULL_ONLY,
    repository: {
      policy: policy(
        grant({ AWS: '*' }, PULL, { Condition: { StringEquals: { 'aws:PrincipalAccount': SECONDARY } } }),
      ),
    },
    expect: allowed,
  },
  {
    name: 'IAM User Guide, aws:PrincipalArn: for a role session the key holds the role ARN (ArnLike with a wildcard path)',
    role: CROSS_ROLE,
    roleFacts: PULL_ONLY,
    repository: {
      policy: policy(
        grant('*', PULL, {
          Condition: { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${SECONDARY}:role/eks/*` } },
        }),
      ),
    },
    expect: allowed,
  },
  {
    name: 'IAM User Guide, aws:PrincipalArn: the key never holds the assumed-role session ARN',
    role: CROSS_ROLE,
    roleFacts: PULL_ONLY,
    repository: {
      policy: policy(
        grant('*', PULL, {
          Condition: {
            ArnLike: { 'aws:PrincipalArn': `arn:aws:sts::${SECONDARY}:assumed-role/prod-nodes/*` },
          },
        }),
      ),
    },
    expect: denied(resource(...PULL)),
  },
  {
    name: 'IAM User Guide, Global condition context keys: aws:SourceVpce is not known before the request',
    role: CROSS_ROLE,
    roleFacts: PULL_ONLY,
    repository: {
      policy: policy(
        grant({ AWS: CROSS_ROLE }, PULL, {
          Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } },
        }),
      ),
    },
    expect: unknown('aws:SourceVpce'),
  },
  {
    name: 'ECR User Guide, How Amazon ECR works with IAM (Condition keys): keys are ANDed, so a key that fails decides even beside an unknown one',
    role: CROSS_ROLE,
    roleFacts: PULL_ONLY,
    repository: {
      policy: policy(
        grant({ AWS: '*' }, PULL, {
          Condition: {
            StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d', 'aws:PrincipalAccount': REGISTRY },
          },
        }),
      ),
    },
    expect: denied(resource(...PULL)),
  },
  {
    name: 'IAM User Guide, "AWS JSON policy elements: Principal": a resource-based policy must name a Principal, so a repository-policy Allow without one grants nothing',
    roleFacts: TOKEN_ONLY,
    repository: { policy: policy({ Effect: 'Allow', Action: PULL }) },
    expect: denied(identity(...PULL)),
  },
  // aws:username is "included in the request context for IAM users" only (IAM User Guide, "AWS global
  // condition context keys"): a role session's pull carries no such key.
  {
    name: 'IAM User Guide, Global condition context keys: a role session has no aws:username, so StringNotEquals on it matches and the grant holds',
    roleFacts: {
      policies: [
        policy(allow([...PULL, TOKEN], '*', { Condition: { StringNotEquals: { 'aws:username': 'alice' } } })),
      ],
    },
    repository: { policy: null },
    expect: allowed,
  },
  {
    name: 'IAM User Guide, Condition operators (Null): "Null": {"aws:username": "true"} matches a role session, so the Deny applies',
    roleFacts: {
      managedPolicies: [managed('AmazonEC2ContainerRegistryPullOnly')],
      policies: [
        policy({
          Effect: 'Deny',
          Action: PULL,
          Resource: '*',
          Condition: { Null: { 'aws:username': 'true' } },
        }),
      ],
    },
    repository: { policy: null },
    expect: denied(explicitDeny('identity', ...PULL)),
  },
  {
    name: 'IAM User Guide, Set operators for multivalued context keys: ForAllValues is true when the key is absent, so a Deny with ForAllValues:StringEquals on aws:username applies to a role session',
    roleFacts: {
      managedPolicies: [managed('AmazonEC2ContainerRegistryPullOnly')],
      policies: [
        policy({
          Effect: 'Deny',
          Action: PULL,
          Resource: '*',
          Condition: { 'ForAllValues:StringEquals': { 'aws:username': ['alice', 'bob'] } },
        }),
      ],
    },
    repository: { policy: null },
    expect: denied(explicitDeny('identity', ...PULL)),
  },
  {
    name: 'IAM User Guide, Set operators for multivalued context keys: ForAnyValue is false when the key is absent, so an Allow with ForAnyValue:StringEquals on aws:username grants a role session nothing',
    roleFacts: {
      policies: [
        policy(
          allow(TOKEN),
          allow(PULL, '*', { Condition: { 'ForAnyValue:StringEquals': { 'aws:username': ['alice'] } } }),
        ),
      ],
    },
    repository: { policy: null },
    expect: denied(identity(...PULL)),
  },

  // --- Pull through cache ---------------------------------------------------------------------------------
  {
    name: 'ECR User Guide, IAM permissions for pull through cache: ecr:BatchImportUpstreamImage is needed, and ReadOnly lacks it',
    image: `${REGISTRY}.dkr.ecr.${REGION}.amazonaws.com/ecr-public/docker/library/nginx:1.27`,
    roleFacts: withManaged('AmazonEC2ContainerRegistryReadOnly'),
    repository: {
      arn: `arn:aws:ecr:${REGION}:${REGISTRY}:repository/ecr-public/docker/library/nginx`,
      policy: null,
    },
    registry: { policy: null, pullThroughCachePrefixes: ['ecr-public'] },
    expect: denied(identity(IMPORT)),
  },
  {
    name: 'ECR User Guide, IAM permissions for pull through cache: AmazonEC2ContainerRegistryPullOnly includes BatchImportUpstreamImage',
    image: `${REGISTRY}.dkr.ecr.${REGION}.amazonaws.com/ecr-public/docker/library/nginx:1.27`,
    roleFacts: PULL_ONLY,
    repository: {
      arn: `arn:aws:ecr:${REGION}:${REGISTRY}:repository/ecr-public/docker/library/nginx`,
      policy: null,
    },
    registry: { policy: null, pullThroughCachePrefixes: ['ecr-public'] },
    expect: allowed,
  },
  {
    name: 'ECR User Guide, IAM permissions for pull through cache: ecr:CreateRepository is needed while the cached repository does not exist',
    image: `${REGISTRY}.dkr.ecr.${REGION}.amazonaws.com/ecr-public/docker/library/nginx:1.27`,
    roleFacts: PULL_ONLY,
    registry: { policy: null, pullThroughCachePrefixes: ['ecr-public'] },
    expect: unknown('ecr:CreateRepository'),
  },
  {
    name: 'ECR User Guide, IAM permissions for pull through cache: the cached repository is known not to exist yet (RepositoryNotFoundException), so the first pull needs ecr:CreateRepository — PullOnly lacks it',
    image: `${REGISTRY}.dkr.ecr.${REGION}.amazonaws.com/ecr-public/docker/library/nginx:1.27`,
    roleFacts: PULL_ONLY,
    repository: {
      arn: `arn:aws:ecr:${REGION}:${REGISTRY}:repository/ecr-public/docker/library/nginx`,
      exists: false,
    },
    registry: { policy: null, pullThroughCachePrefixes: ['ecr-public'] },
    expect: denied(identity('ecr:CreateRepository')),
  },
  {
    name: 'ECR User Guide, IAM permissions for pull through cache: with ecr:CreateRepository and ecr:BatchImportUpstreamImage the first pull creates the repository',
    image: `${REGISTRY}.dkr.ecr.${REGION}.amazonaws.com/ecr-public/docker/library/nginx:1.27`,
    roleFacts: { ...PULL_ONLY, policies: [policy(allow('ecr:CreateRepository'))] },
    repository: {
      arn: `arn:aws:ecr:${REGION}:${REGISTRY}:repository/ecr-public/docker/library/nginx`,
      exists: false,
    },
    registry: { policy: null, pullThroughCachePrefixes: ['ecr-public'] },
    expect: allowed,
  },
  {
    name: 'ECR User Guide, "Repository creation templates": a cached repository created for another account gets the template\'s policy, which is not read — unknown without a registry grant',
    role: CROSS_ROLE,
    image: `${REGISTRY}.dkr.ecr.${REGION}.amazonaws.com/ecr-public/docker/library/nginx:1.27`,
    roleFacts: { ...PULL_ONLY, policies: [policy(allow('ecr:CreateRepository'))] },
    repository: {
      arn: `arn:aws:ecr:${REGION}:${REGISTRY}:repository/ecr-public/docker/library/nginx`,
      exists: false,
    },
    registry: { policy: null, pullThroughCachePrefixes: ['ecr-public'] },
    expect: unknown('repository creation template'),
  },
  {
    name: "ECR User Guide, IAM permissions for pull through cache: the registry's rules could not be read and ReadOnly lacks ecr:BatchImportUpstreamImage — the answer depends on them, so unknown, naming them",
    image: `${REGISTRY}.dkr.ecr.${REGION}.amazonaws.com/ecr-public/docker/library/nginx:1.27`,
    roleFacts: withManaged('AmazonEC2ContainerRegistryReadOnly'),
    repository: {
      arn: `arn:aws:ecr:${REGION}:${REGISTRY}:repository/ecr-public/docker/library/nginx`,
      policy: null,
    },
    registry: {
      policy: null,
      pullThroughCacheUnreadable: 'AccessDeniedException (needs ecr:DescribePullThroughCacheRules)',
    },
    expect: unknown(
      'pull-through cache rules of 111122223333 in us-east-1 are not known (AccessDeniedException',
      'also needs ecr:BatchImportUpstreamImage and gives denied, otherwise allowed',
      'facts.aws.registries[].pullThroughCachePrefixes',
    ),
  },
  {
    name: 'ECR User Guide, IAM permissions for pull through cache: rules not read, but PullOnly holds BatchImportUpstreamImage — the same answer either way',
    image: `${REGISTRY}.dkr.ecr.${REGION}.amazonaws.com/ecr-public/docker/library/nginx:1.27`,
    roleFacts: PULL_ONLY,
    repository: {
      arn: `arn:aws:ecr:${REGION}:${REGISTRY}:repository/ecr-public/docker/library/nginx`,
      policy: null,
    },
    registry: { policy: null, pullThroughCacheUnreadable: 'AccessDeniedException' },
    expect: allowed,
  },
  {
    name: 'a registry that could not be read leaves its pull-through cache rules unknown too',
    image: `${REGISTRY}.dkr.ecr.${REGION}.amazonaws.com/ecr-public/docker/library/nginx:1.27`,
    roleFacts: withManaged('AmazonEC2ContainerRegistryReadOnly'),
    repository: {
      arn: `arn:aws:ecr:${REGION}:${REGISTRY}:repository/ecr-public/docker/library/nginx`,
      exists: false,
    },
    registry: { unreadable: 'AccessDeniedException (needs ecr:GetRegistryPolicy)' },
    expect: unknown(
      'does not exist yet',
      "unless a pull-through cache rule creates it: the registry's rules are not known",
    ),
  },
  {
    name: 'ECR User Guide, "Pushing an image": a repository must exist before a push — one that does not exist yet (not a pull-through cache) is unknown, saying so',
    roleFacts: PULL_ONLY,
    repository: { exists: false },
    expect: unknown('does not exist yet', 'aws ecr create-repository'),
  },
  {
    name: 'ECR User Guide, pull through cache registry permissions (PullThroughCacheFromReadOnlyRole): V1 registry policy grants import and create',
    image: `${REGISTRY}.dkr.ecr.${REGION}.amazonaws.com/ecr-public/docker/library/nginx:1.27`,
    roleFacts: withManaged('AmazonEC2ContainerRegistryReadOnly'),
    registry: {
      scope: 'V1',
      pullThroughCachePrefixes: ['ecr-public'],
      policy: policy({
        Sid: 'PullThroughCacheFromReadOnlyRole',
        Effect: 'Allow',
        Principal: { AWS: NODE_ROLE },
        Action: ['ecr:CreateRepository', IMPORT],
        Resource: `arn:aws:ecr:${REGION}:${REGISTRY}:repository/ecr-public/*`,
      }),
    },
    expect: allowed,
  },

  // --- What is public, and what offline facts leave unknown -----------------------------------------------
  {
    name: 'ECR Public User Guide: images on public.ecr.aws may be pulled by anyone',
    image: 'public.ecr.aws/docker/library/nginx:1.27',
    roleFacts: 'absent',
    expect: allowed,
  },
  {
    name: 'SPEC §3 offline facts: a role that facts.aws.roles never mentions is unknown',
    roleFacts: 'absent',
    expect: unknown('is not in facts.aws.roles', 'iam:ListAttachedRolePolicies'),
  },
  {
    name: 'IAM User Guide, Managed policies: a customer-managed policy without its document is unknown',
    roleFacts: { managedPolicies: [`arn:aws:iam::${REGISTRY}:policy/node-ecr-pull`] },
    repository: { policy: null },
    expect: unknown('arn:aws:iam::111122223333:policy/node-ecr-pull', 'get-policy-version'),
  },
  {
    name: 'SPEC §3 config: a repository policy given as a JSON string',
    role: CROSS_ROLE,
    roleFacts: PULL_ONLY,
    repository: { policy: JSON.stringify(policy(grant({ AWS: `arn:aws:iam::${SECONDARY}:root` }))) },
    expect: allowed,
  },
];

for (const c of cases) {
  test(c.name, () => assertVerdict(pull(c), c.expect));
}

test('the identity fix names the missing actions on the repository ARN and the token on "*"', () => {
  const result = pull({ roleFacts: NO_ECR, repository: { policy: null } });
  assert.equal(result.verdict, 'denied');
  const fix = result.missing.find((grant) => grant.side === 'identity')?.fix;
  assert.ok(fix?.snippets['json'], 'an identity fix with a JSON snippet');
  const document = JSON.parse(fix.snippets['json']) as { Statement: Json[] };
  assert.deepEqual(document.Statement, [
    { Sid: 'PullcheckEcrPull', Effect: 'Allow', Action: PULL, Resource: REPO_ARN },
    { Sid: 'PullcheckEcrAuthToken', Effect: 'Allow', Action: TOKEN, Resource: '*' },
  ]);
  assert.match(fix.snippets['cli'] ?? '', /aws iam put-role-policy --role-name prod-nodes /);
});

test('the repository fix is the current repository policy merged with a statement naming the exact role ARN', () => {
  const current = policy(
    grant({ AWS: `arn:aws:iam::${SECONDARY}:root` }, PUSH, { Sid: 'AllowCrossAccountPush' }),
  );
  const result = pull({
    role: CROSS_ROLE,
    roleFacts: PULL_ONLY,
    repository: { policy: current },
  });
  assert.equal(result.verdict, 'denied');
  const fix = result.missing.find((grant) => grant.side === 'resource')?.fix;
  assert.ok(fix?.snippets['json'], 'a resource fix with a JSON snippet');
  const merged = JSON.parse(fix.snippets['json']) as { Version: string; Statement: Json[] };
  assert.equal(merged.Version, '2012-10-17');
  assert.deepEqual(merged.Statement.slice(0, -1), current['Statement']);
  const added = merged.Statement.at(-1);
  assert.deepEqual(added?.['Principal'], { AWS: CROSS_ROLE });
  assert.deepEqual(added?.['Action'], PULL);
  assert.equal(added?.['Effect'], 'Allow');
  assert.match(
    fix.snippets['cli'] ?? '',
    /aws ecr set-repository-policy --registry-id 111122223333 --region us-east-1 --repository-name team\/web /,
  );
});

test('the repository fix for a repository without a policy is a new policy', () => {
  const result = pull({
    role: CROSS_ROLE,
    roleFacts: PULL_ONLY,
    repository: { policy: null },
  });
  assert.equal(result.verdict, 'denied');
  const fix = result.missing.find((grant) => grant.side === 'resource')?.fix;
  const document = JSON.parse(fix?.snippets['json'] ?? '{}') as { Statement?: Json[] };
  assert.deepEqual(
    document.Statement?.map((statement) => statement['Principal']),
    [{ AWS: CROSS_ROLE }],
  );
});

test('a boundary that blocks a repository grant to the role gets a fix for the boundary, not only the identity', () => {
  const boundary = policy(allow('s3:*'));
  const result = pull({
    roleFacts: { policies: [policy(allow(TOKEN))], permissionsBoundary: boundary },
    repository: { policy: policy(grant({ AWS: NODE_ROLE })) },
  });
  assert.equal(result.verdict, 'denied');
  assert.equal(result.missing.length, 1);
  const [fix] = result.missing;
  assert.match(fix?.fix.text ?? '', /permissions boundary of role prod-nodes/);
  assert.deepEqual([...(fix?.permissions ?? [])].sort(), [...PULL, TOKEN].sort());
});

test('pull-through cache rules that could not be read are named in the reasons even when they do not change the answer', () => {
  const result = pull({
    image: `${REGISTRY}.dkr.ecr.${REGION}.amazonaws.com/team/web:1.4.2`,
    roleFacts: PULL_ONLY,
    repository: { policy: null },
    registry: { policy: null, pullThroughCacheUnreadable: 'AccessDeniedException' },
  });
  assert.equal(result.verdict, 'allowed');
  assert.ok(
    result.reasons.includes(
      'pull-through cache rules not known (AccessDeniedException): the answer is the same whether or not team/web is under one',
    ),
    result.reasons.join('\n'),
  );
});
