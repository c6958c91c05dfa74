// Live reads of SCPs and RCPs through AWS Organizations, against moto_server on 127.0.0.1: an organization
// with an OU, a member account moved into it, an SCP attached to the OU. Fronts (helpers/moto.ts, JSON 1.1
// like ECR) give what moto cannot be made to answer: a second page of ListPoliciesForTarget, AccessDenied,
// throttling, AWSOrganizationsNotInUseException. The rest of the pull is stated, so only Organizations is read.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  AttachPolicyCommand,
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  CreatePolicyCommand,
  DescribeOrganizationCommand,
  ListPoliciesForTargetCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
  type PolicySummary,
} from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { parse, stringify } from 'yaml';
import { readLiveFacts } from '../../../src/check/live-reads.ts';
import { withLiveFacts } from '../../../src/check/live-facts.ts';
import { snapshotYaml } from '../../../src/check/snapshot.ts';
import { CallRunner } from '../../../src/core/call-runner.ts';
import { loadConfigFile, loadConfigText } from '../../../src/core/config/load.ts';
import type { PullResult } from '../../../src/core/verdict.ts';
import {
  motoMissing,
  startEcrFront,
  startMoto,
  type EcrAnswer,
  type MotoServer,
} from '../../helpers/moto.ts';
import { checkConfig } from '../../helpers/check.ts';

const REGION = 'us-east-1';
const MANAGEMENT = '123456789012'; // moto's default account creates the organization
const OUTSIDER = '210987654321'; // an account in no organization
const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const skip = motoMissing();
let moto: MotoServer;
let member = '';
let ou = '';
let root = '';
let orgId = '';
let ouScps: PolicySummary[] = [];

before(async () => {
  if (skip) return;
  moto = await startMoto();
  const orgs = new OrganizationsClient({ region: REGION, endpoint: moto.url, credentials });
  await orgs.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  root = (await orgs.send(new ListRootsCommand({}))).Roots![0]!.Id!;
  orgId = (await orgs.send(new DescribeOrganizationCommand({}))).Organization!.Id!;
  const created = await orgs.send(
    new CreateAccountCommand({ AccountName: 'prod', Email: 'prod@example.com' }),
  );
  member = created.CreateAccountStatus!.AccountId!;
  ou = (await orgs.send(new CreateOrganizationalUnitCommand({ ParentId: root, Name: 'workloads' })))
    .OrganizationalUnit!.Id!;
  await orgs.send(
    new MoveAccountCommand({ AccountId: member, SourceParentId: root, DestinationParentId: ou }),
  );
  const scp = await orgs.send(
    new CreatePolicyCommand({
      Name: 'no-ecr-images',
      Description: 'no image pulls in workloads',
      Type: 'SERVICE_CONTROL_POLICY',
      Content: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Sid: 'NoImagePulls', Effect: 'Deny', Action: 'ecr:BatchGetImage', Resource: '*' }],
      }),
    }),
  );
  await orgs.send(new AttachPolicyCommand({ PolicyId: scp.Policy!.PolicySummary!.Id!, TargetId: ou }));
  ouScps = (
    await orgs.send(new ListPoliciesForTargetCommand({ TargetId: ou, Filter: 'SERVICE_CONTROL_POLICY' }))
  ).Policies!;
});
after(async () => {
  await moto?.stop();
});

/** What a test changes: the config's auth and stated accounts, the session (an account's role), a front. */
interface Setup {
  readonly answer?: (operation: string, body: string) => EcrAnswer | undefined;
  /** auth.aws.roles: account → role ARN; by default a reader role in the management account. */
  readonly roles?: Record<string, string>;
  readonly accounts?: Record<string, unknown>[];
  /** The account whose role the base session is (moto keys resources by the caller's account). */
  readonly session?: string;
}

const reader = (account: string) => `arn:aws:iam::${account}:role/pullcheck-read`;

/** A session of a role in `account`, as moto's STS gives it. */
async function sessionIn(account: string): Promise<Record<string, string>> {
  const sts = new STSClient({ region: REGION, endpoint: moto.url, credentials });
  const assumed = (await sts.send(new AssumeRoleCommand({ RoleArn: reader(account), RoleSessionName: 'ci' })))
    .Credentials!;
  return {
    AWS_ACCESS_KEY_ID: assumed.AccessKeyId!,
    AWS_SECRET_ACCESS_KEY: assumed.SecretAccessKey!,
    AWS_SESSION_TOKEN: assumed.SessionToken!,
  };
}

/** One pull of a repository in the member account by a role of the member account, all but its SCPs stated. */
function writeConfig(setup: Setup): string {
  const role = `arn:aws:iam::${member}:role/nodes`;
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'pullcheck-org-')), 'pullcheck.yml');
  const facts = {
    aws: {
      roles: [{ arn: role, managedPolicies: ['arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly'] }],
      repositories: [{ arn: `arn:aws:ecr:${REGION}:${member}:repository/team/web`, policy: null }],
      registries: [{ account: member, region: REGION, scope: 'V2', policy: null }],
      ...(setup.accounts ? { accounts: setup.accounts } : {}),
    },
  };
  const roles = setup.roles ?? { [MANAGEMENT]: reader(MANAGEMENT) };
  const images = [`${member}.dkr.ecr.${REGION}.amazonaws.com/team/web:1`];
  writeFileSync(
    file,
    stringify({
      version: 1,
      images,
      targets: [{ name: 'nodes', platform: 'aws-role', roles: [role] }],
      auth: { aws: { roles } },
      facts,
    }),
  );
  return file;
}

/**
 * Live reads with Organizations behind a front (undefined answer: moto's), then the check. The session is
 * the member account's own by default, and auth.aws.roles names a reader in the management account.
 */
async function readAndCheck(
  setup: Setup = {},
): Promise<{ result: PullResult; aws: Record<string, unknown>; snapshot: string }> {
  const front = await startEcrFront(moto.url, setup.answer ?? (() => undefined));
  const session = await sessionIn(setup.session ?? member);
  const previous = { ...process.env };
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: moto.url,
    AWS_ENDPOINT_URL_ORGANIZATIONS: front.url,
    ...session,
    AWS_REGION: REGION,
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  try {
    const file = writeConfig(setup);
    const config = loadConfigFile(file);
    const runner = new CallRunner({ sleep: () => Promise.resolve() });
    const live = await readLiveFacts(config, { runner });
    const joined = withLiveFacts(config, live.facts);
    const result = checkConfig(joined).results[0]!;
    return { result, aws: live.facts['aws'] ?? {}, snapshot: snapshotYaml(joined, file) };
  } finally {
    process.env = previous;
    await front.stop();
  }
}

const error = (type: string): EcrAnswer => ({ status: 400, payload: { __type: type, Message: type } });

test(
  'an SCP read live from the OU above the account denies the pull; the snapshot replays it offline',
  { skip },
  async () => {
    const { result, aws, snapshot } = await readAndCheck();
    assert.equal(result.verdict, 'denied', result.reasons.join('\n'));
    assert.ok(
      result.reasons.some((reason) => reason.includes(`attached to OU ${ou}`)),
      result.reasons.join('\n'),
    );
    assert.deepEqual(
      result.missing.map((grant) => [grant.side, grant.explicitDeny, [...grant.permissions]]),
      [['identity', true, ['ecr:BatchGetImage']]],
    );
    const accounts = aws['accounts'] as { id: string; parent?: string; organizationId?: string }[];
    assert.deepEqual(
      accounts.map(({ id, parent }) => ({ id, parent })),
      [{ id: member, parent: ou }],
    );
    const organizations = aws['organizations'] as { managementAccount: string; units: { id: string }[] }[];
    assert.equal(organizations[0]?.managementAccount, MANAGEMENT);
    assert.deepEqual(
      organizations[0]?.units.map((unit) => unit.id),
      [ou, root],
    );
    const replayed = checkConfig(loadConfigText(snapshot, 'snapshot.yml')).results[0]!;
    assert.deepEqual([replayed.verdict, replayed.missing.length], ['denied', 1]);
  },
);

test(
  'ListPoliciesForTarget is read page by page: a Deny on the second page still counts',
  { skip },
  async () => {
    const first = ouScps.filter((policy) => policy.Name === 'FullAWSAccess');
    const rest = ouScps.filter((policy) => policy.Name !== 'FullAWSAccess');
    assert.deepEqual([first.length, rest.map((policy) => policy.Name)], [1, ['no-ecr-images']]);
    const { result } = await readAndCheck({
      answer: (operation, body) => {
        if (operation !== 'ListPoliciesForTarget' || !body.includes(ou) || !body.includes('SERVICE_CONTROL'))
          return undefined;
        const next = (JSON.parse(body) as { NextToken?: string }).NextToken;
        return next === 'page-2'
          ? { status: 200, payload: { Policies: rest } }
          : { status: 200, payload: { Policies: first, NextToken: 'page-2' } };
      },
    });
    assert.equal(result.verdict, 'denied', result.reasons.join('\n'));
  },
);

test(
  'ListParents refused (AccessDenied): SCPs and RCPs taken as absent, and the reason says why',
  { skip },
  async () => {
    const { result, aws } = await readAndCheck({
      answer: (operation) => (operation === 'ListParents' ? error('AccessDeniedException') : undefined),
    });
    assert.equal(result.verdict, 'allowed', result.reasons.join('\n'));
    assert.ok(
      result.reasons.some((reason) =>
        /organizations:ListParents .*AccessDeniedException.*taken as absent/.test(reason),
      ),
      result.reasons.join('\n'),
    );
    // Loud: the account IS in the organization, so a Deny there would go unseen.
    assert.match(
      result.reasons.join('\n'),
      new RegExp(`account ${member} is in organization ${orgId}, but its SCPs could not be listed`),
    );
    assert.deepEqual(
      (aws['accounts'] as { organizationId?: string }[]).map((entry) => typeof entry.organizationId),
      ['string'],
      'the organization is still known (aws:PrincipalOrgID)',
    );
  },
);

test('ListPoliciesForTarget throttled past the retries: unknown, naming the call', { skip }, async () => {
  const { result } = await readAndCheck({
    answer: (operation) =>
      operation === 'ListPoliciesForTarget' ? error('TooManyRequestsException') : undefined,
  });
  assert.equal(result.verdict, 'unknown', result.reasons.join('\n'));
  assert.match(
    result.reasons.join('\n'),
    /organizations:ListPoliciesForTarget on .* failed \(TooManyRequestsException, after retries\)/,
  );
});

test(
  'an account in no organization (AWSOrganizationsNotInUseException): no SCPs or RCPs apply',
  { skip },
  async () => {
    const { result } = await readAndCheck({
      answer: (operation) =>
        operation === 'DescribeOrganization' ? error('AWSOrganizationsNotInUseException') : undefined,
    });
    assert.equal(result.verdict, 'allowed', result.reasons.join('\n'));
    assert.ok(
      result.reasons.some((reason) => reason.includes('is in no organization')),
      result.reasons.join('\n'),
    );
  },
);

test(
  'a session of another account reads nothing of the repository account’s organization: taken as absent, naming auth.aws.roles',
  { skip },
  async () => {
    // DescribeOrganization answers for the caller: a session in an account outside any organization would
    // say "in no organization" of every account it asks about.
    const { result, aws } = await readAndCheck({ session: OUTSIDER });
    const accounts = aws['accounts'] as { id: string; organizationId?: unknown; takenAsAbsent?: string }[];
    assert.deepEqual(
      accounts.map(({ id, organizationId }) => ({ id, organizationId })),
      [{ id: member, organizationId: undefined }],
    );
    assert.match(accounts[0]!.takenAsAbsent ?? '', /auth\.aws\.roles/);
    assert.equal(result.verdict, 'allowed', result.reasons.join('\n'));
    assert.match(
      result.reasons.join('\n'),
      new RegExp(`account ${member} could not be read .*auth\\.aws\\.roles`),
    );
    // A role of another account named for it answers for that other account: not the member's own either.
    const elsewhere = await readAndCheck({
      session: OUTSIDER,
      roles: { [member]: reader(OUTSIDER), [MANAGEMENT]: reader(MANAGEMENT) },
    });
    const [entry] = elsewhere.aws['accounts'] as { organizationId?: unknown; takenAsAbsent?: string }[];
    assert.deepEqual(
      [entry?.organizationId, /auth\.aws\.roles/.test(entry?.takenAsAbsent ?? '')],
      [undefined, true],
    );
    // With a role of the member account named, its own credentials read it: the SCP Deny counts.
    const named = await readAndCheck({
      session: OUTSIDER,
      roles: { [member]: reader(member), [MANAGEMENT]: reader(MANAGEMENT) },
    });
    assert.equal(named.result.verdict, 'denied', named.result.reasons.join('\n'));
  },
);

test(
  'an account stated only for aws:PrincipalOrgID still gets its SCPs read live, joined into the stated entry',
  { skip },
  async () => {
    const { result, snapshot } = await readAndCheck({ accounts: [{ id: member, organizationId: orgId }] });
    assert.equal(result.verdict, 'denied', result.reasons.join('\n'));
    const accounts = (parse(snapshot) as { facts: { aws: { accounts: { id: string; parent?: string }[] } } })
      .facts.aws.accounts;
    assert.deepEqual(
      accounts.map(({ id, parent }) => ({ id, parent })),
      [{ id: member, parent: ou }],
    );
    // Stated in another organization than the one read: what was read is not that one's, so unknown.
    const other = await readAndCheck({ accounts: [{ id: member, organizationId: 'o-plannedorg1' }] });
    assert.equal(other.result.verdict, 'unknown', other.result.reasons.join('\n'));
    assert.match(other.result.reasons.join('\n'), new RegExp(`in ${orgId}, not in o-plannedorg1 as stated`));
  },
);

test('DescribePolicy without the policy’s content: unknown, naming the call', { skip }, async () => {
  const { result } = await readAndCheck({
    answer: (operation) =>
      operation === 'DescribePolicy'
        ? { status: 200, payload: { Policy: { PolicySummary: { Id: 'p-12345678', Name: 'no-ecr-images' } } } }
        : undefined,
  });
  assert.equal(result.verdict, 'unknown', result.reasons.join('\n'));
  assert.match(result.reasons.join('\n'), /organizations:DescribePolicy/);
});
