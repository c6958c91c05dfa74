// SCPs and RCPs in the ECR and Lambda pull rules (facts.aws.accounts with `parent`, facts.aws.organizations),
// driven through the real path: a YAML config → loadConfigText → runCheck. Sources: AWS Organizations User
// Guide, "Service control policies (SCPs)" (SCP evaluation: every level from the root to the account must
// allow; the management account and service-linked roles are not affected) and "Resource control policies
// (RCPs)" (RCPFullAWSAccess cannot be detached; the management account's resources are not affected; Amazon
// ECR among the services that support RCPs); IAM User Guide, "Policy evaluation logic".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import type { PullResult } from '../../../src/core/verdict.ts';
import { ConfigError } from '../../../src/core/errors.ts';
import { checkSinglePull } from '../../helpers/check.ts';

const MEMBER = '111122223333'; // the repository's account
const OTHER = '444455556666'; // another member account
const MANAGEMENT = '999988887777';
const REGION = 'us-east-1';
const ORG = 'o-exampleorgid';
const ROOT = 'r-ab12';
const OU = 'ou-ab12-11111111';
const IMAGE = `${MEMBER}.dkr.ecr.${REGION}.amazonaws.com/team/web:1.4.2`;
const REPO_ARN = `arn:aws:ecr:${REGION}:${MEMBER}:repository/team/web`;
const PULL = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];
const TOKEN = 'ecr:GetAuthorizationToken';
const FULL_ACCESS = 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess';

type Json = Record<string, unknown>;
const policy = (...Statement: Json[]): Json => ({ Version: '2012-10-17', Statement });
const deny = (Action: string | string[], more: Json = {}): Json => ({
  Sid: 'NoEcr',
  Effect: 'Deny',
  Action,
  Resource: '*',
  ...more,
});
const rcpDeny = (Action: string | string[], Condition: Json): Json => ({
  Sid: 'EnforceOrgIdentities',
  Effect: 'Deny',
  Principal: '*',
  Action,
  Resource: '*',
  Condition,
});
const role = (account: string, path = '/eks/') => `arn:aws:iam::${account}:role${path}prod-nodes`;
const PULLER = { managedPolicies: ['arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly'] };
/** A repository policy granting a role of another account the pull. */
const grantTo = (arn: string) => policy({ Effect: 'Allow', Principal: { AWS: arn }, Action: PULL });

interface Setup {
  readonly role?: string;
  readonly repositoryPolicy?: Json | null;
  readonly accounts?: Json[];
  readonly units?: Json[];
  readonly management?: string;
}

function config(c: Setup): string {
  const arn = c.role ?? role(MEMBER);
  const aws: Json = {
    roles: [{ arn, ...PULLER }],
    repositories: [{ arn: REPO_ARN, policy: c.repositoryPolicy ?? null }],
  };
  if (c.accounts) aws['accounts'] = c.accounts;
  if (c.units) {
    aws['organizations'] = [
      { id: ORG, ...(c.management ? { managementAccount: c.management } : {}), units: c.units },
    ];
  }
  const target = { name: 'prod', platform: 'eks', roles: [arn] };
  return stringify({ version: 1, images: [IMAGE], targets: [target], facts: { aws } });
}

const account = (id: string, more: Json = {}): Json => ({ id, organizationId: ORG, parent: OU, ...more });
const root = (more: Json = {}): Json => ({ id: ROOT, serviceControlPolicies: [FULL_ACCESS], ...more });
const ou = (more: Json = {}): Json => ({
  id: OU,
  parent: ROOT,
  serviceControlPolicies: [FULL_ACCESS],
  ...more,
});
const fullAccess = { serviceControlPolicies: [FULL_ACCESS] };

function assertVerdict(result: PullResult, verdict: string, ...because: string[]): void {
  const why = `reasons:\n  ${result.reasons.join('\n  ')}`;
  assert.equal(result.verdict, verdict, why);
  for (const text of because)
    assert.ok(
      result.reasons.some((reason) => reason.includes(text)),
      `no reason contains ${JSON.stringify(text)}; ${why}`,
    );
}

test('an SCP Deny on an OU above the role’s account denies the pull, naming the statement, with a fix on the identity side', () => {
  const result = checkSinglePull(
    config({
      accounts: [account(MEMBER, fullAccess)],
      units: [root(), ou({ serviceControlPolicies: [FULL_ACCESS, policy(deny('ecr:BatchGetImage'))] })],
    }),
  );
  assertVerdict(result, 'denied', 'SCP #2 attached to OU ou-ab12-11111111');
  assert.deepEqual(
    result.missing.map((grant) => [grant.side, grant.explicitDeny, [...grant.permissions]]),
    [['identity', true, ['ecr:BatchGetImage']]],
  );
  assert.match(result.missing[0]!.fix.text, /statement "NoEcr"/);
});

test('SCPs that allow at every level change nothing, and the reasons say they were evaluated', () => {
  const result = checkSinglePull(config({ accounts: [account(MEMBER, fullAccess)], units: [root(), ou()] }));
  assertVerdict(result, 'allowed', `SCPs of account ${MEMBER}`);
  assert.ok(!result.reasons.some((reason) => reason.includes('taken as absent') && reason.includes('SCP')));
});

test('a level whose SCPs allow no ECR action blocks the pull: every level from the root down must allow', () => {
  const s3Only = { serviceControlPolicies: [policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' })] };
  const result = checkSinglePull(config({ accounts: [account(MEMBER, s3Only)], units: [root(), ou()] }));
  assertVerdict(result, 'denied', `no SCP attached to account ${MEMBER} allows it`);
  assert.deepEqual(
    result.missing.map((grant) => [grant.side, grant.explicitDeny ?? false, [...grant.permissions].sort()]),
    [['identity', false, [...PULL, TOKEN].sort()]],
  );
});

test('SCPs do not affect roles in the management account', () => {
  const result = checkSinglePull(
    config({
      role: role(MANAGEMENT),
      repositoryPolicy: grantTo(role(MANAGEMENT)),
      management: MANAGEMENT,
      accounts: [account(MEMBER, fullAccess)],
      units: [root({ serviceControlPolicies: [FULL_ACCESS, policy(deny('ecr:*'))] }), ou()],
    }),
  );
  assertVerdict(result, 'allowed', `management account`);
});

test('SCPs do not affect service-linked roles', () => {
  const linked = role(MEMBER, '/aws-service-role/ecs.amazonaws.com/');
  const result = checkSinglePull(
    config({
      role: linked,
      accounts: [account(MEMBER, { serviceControlPolicies: [FULL_ACCESS, policy(deny('ecr:*'))] })],
      units: [root(), ou()],
    }),
  );
  assertVerdict(result, 'allowed', 'service-linked role');
});

const outsideOrg = {
  StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG },
  BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
};

test('an RCP Deny on the repository’s account refuses a role of another organization (resource side)', () => {
  const stranger = role('777766665555');
  const result = checkSinglePull(
    config({
      role: stranger,
      repositoryPolicy: grantTo(stranger),
      accounts: [
        account(MEMBER, { resourceControlPolicies: [policy(rcpDeny('ecr:*', outsideOrg))] }),
        { id: '777766665555', organizationId: 'o-anotherorgid' },
      ],
      units: [root(), ou()],
    }),
  );
  assertVerdict(result, 'denied', 'RCP #1 attached to account 111122223333');
  assert.deepEqual(
    result.missing.map((grant) => [grant.side, grant.explicitDeny, [...grant.permissions].sort()]),
    [['resource', true, PULL]],
  );
});

test('the same RCP lets a role of the organization pull (aws:PrincipalOrgID from the facts)', () => {
  const insider = role(OTHER);
  const result = checkSinglePull(
    config({
      role: insider,
      repositoryPolicy: grantTo(insider),
      accounts: [
        account(MEMBER, { resourceControlPolicies: [policy(rcpDeny('ecr:*', outsideOrg))] }),
        account(OTHER, fullAccess),
      ],
      units: [root(), ou()],
    }),
  );
  assertVerdict(result, 'allowed', `RCPs of account ${MEMBER}`);
});

test('RCPs do not affect resources in the management account', () => {
  const stranger = role('777766665555');
  const image = `${MANAGEMENT}.dkr.ecr.${REGION}.amazonaws.com/team/web`;
  const text = config({
    role: stranger,
    management: MANAGEMENT,
    units: [root({ resourceControlPolicies: [policy(rcpDeny('ecr:*', outsideOrg))] })],
  })
    .replace(`${MEMBER}.dkr.ecr.${REGION}.amazonaws.com/team/web:1.4.2`, image)
    .replace(REPO_ARN, `arn:aws:ecr:${REGION}:${MANAGEMENT}:repository/team/web`)
    .replace('policy: null', `policy: ${JSON.stringify(grantTo(stranger))}`);
  assertVerdict(checkSinglePull(text), 'allowed', 'management account');
});

test('without organization facts, SCPs and RCPs are taken as absent and the reasons say so', () => {
  const result = checkSinglePull(config({}));
  assertVerdict(result, 'allowed', 'taken as absent', `account ${MEMBER}`);
});

test('policies live reads could not read: unknown for throttling (unreadable), taken as absent naming why when access was denied', () => {
  const throttled = checkSinglePull(
    config({
      accounts: [
        account(MEMBER, {
          unreadable: 'organizations:ListParents failed (TooManyRequestsException, after retries)',
        }),
      ],
      units: [root(), ou()],
    }),
  );
  assertVerdict(throttled, 'unknown', 'TooManyRequestsException');
  const refused = checkSinglePull(
    config({
      accounts: [
        {
          id: MEMBER,
          organizationId: ORG,
          takenAsAbsent: 'organizations:ListParents was denied (AccessDeniedException)',
        },
      ],
    }),
  );
  assertVerdict(refused, 'allowed', 'taken as absent', 'AccessDeniedException');
});

test('an SCP Deny whose condition pullcheck cannot evaluate leaves the pull unknown, naming the key', () => {
  const result = checkSinglePull(
    config({
      accounts: [account(MEMBER, fullAccess)],
      units: [
        root({
          serviceControlPolicies: [
            FULL_ACCESS,
            policy(deny('ecr:*', { Condition: { StringNotEquals: { 'aws:SourceVpc': 'vpc-1' } } })),
          ],
        }),
        ou(),
      ],
    }),
  );
  assertVerdict(result, 'unknown', 'aws:SourceVpc');
});

test('an RCP Deny of ecr:GetAuthorizationToken applies through the role’s own account (an action without a resource type)', () => {
  const result = checkSinglePull(
    config({
      accounts: [account(MEMBER, { ...fullAccess, resourceControlPolicies: [policy(rcpDeny(TOKEN, {}))] })],
      units: [root(), ou()],
    }),
  );
  assertVerdict(result, 'denied', 'RCP #1 attached to account 111122223333');
  assert.deepEqual(
    result.missing.map((grant) => [...grant.permissions]),
    [[TOKEN]],
  );
});

test('facts that name a parent not among the organization’s units are an error at their line', () => {
  assert.throws(
    () => checkSinglePull(config({ accounts: [account(MEMBER, fullAccess)], units: [root()] })),
    (error: unknown) =>
      error instanceof ConfigError &&
      /pullcheck\.yml:\d+:\d+: ou-ab12-11111111 is not among the units/.test(error.message),
  );
});

test('a Lambda pull: RCPs of the repository’s account apply to the service principal, SCPs do not', () => {
  const lambda = (accounts: Json[]) =>
    stringify({
      version: 1,
      images: [IMAGE],
      targets: [{ name: 'fn', platform: 'lambda', account: MEMBER, region: REGION, function: 'api' }],
      facts: {
        aws: {
          repositories: [
            {
              arn: REPO_ARN,
              policy: policy({
                Effect: 'Allow',
                Principal: { Service: 'lambda.amazonaws.com' },
                Action: PULL,
              }),
            },
          ],
          accounts,
          organizations: [{ id: ORG, units: [root(), ou()] }],
        },
      },
    });
  const scpDeny = checkSinglePull(
    lambda([account(MEMBER, { serviceControlPolicies: [FULL_ACCESS, policy(deny('ecr:*'))] })]),
  );
  assertVerdict(scpDeny, 'allowed', 'lambda.amazonaws.com');
  const onlyOrg = { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG } };
  const rcp = checkSinglePull(
    lambda([
      account(MEMBER, { ...fullAccess, resourceControlPolicies: [policy(rcpDeny('ecr:*', onlyOrg))] }),
    ]),
  );
  assertVerdict(rcp, 'denied', 'RCP #1 attached to account 111122223333');
  const exempt = { ...onlyOrg, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } };
  const services = checkSinglePull(
    lambda([account(MEMBER, { ...fullAccess, resourceControlPolicies: [policy(rcpDeny('ecr:*', exempt))] })]),
  );
  assertVerdict(services, 'allowed');
});
