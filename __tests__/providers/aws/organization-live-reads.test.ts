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
  ListPoliciesForTargetCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
  type PolicySummary,
} from '@aws-sdk/client-organizations';
import { stringify } from 'yaml';
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
const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const skip = motoMissing();
let moto: MotoServer;
let member = '';
let ou = '';
let root = '';
let ouScps: PolicySummary[] = [];

before(async () => {
  if (skip) return;
  moto = await startMoto();
  const orgs = new OrganizationsClient({ region: REGION, endpoint: moto.url, credentials });
  await orgs.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  root = (await orgs.send(new ListRootsCommand({}))).Roots![0]!.Id!;
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

/** One pull of a repository in the member account by a role of the member account, all but its SCPs stated. */
function writeConfig(): string {
  const role = `arn:aws:iam::${member}:role/nodes`;
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'pullcheck-org-')), 'pullcheck.yml');
  const facts = {
    aws: {
      roles: [{ arn: role, managedPolicies: ['arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly'] }],
      repositories: [{ arn: `arn:aws:ecr:${REGION}:${member}:repository/team/web`, policy: null }],
      registries: [{ account: member, region: REGION, scope: 'V2', policy: null }],
    },
  };
  const images = [`${member}.dkr.ecr.${REGION}.amazonaws.com/team/web:1`];
  writeFileSync(
    file,
    stringify({
      version: 1,
      images,
      targets: [{ name: 'nodes', platform: 'aws-role', roles: [role] }],
      facts,
    }),
  );
  return file;
}

/** Live reads with Organizations behind a front (undefined answer: moto's), then the check. */
async function readAndCheck(
  answer: (operation: string, body: string) => EcrAnswer | undefined = () => undefined,
): Promise<{ result: PullResult; aws: Record<string, unknown>; snapshot: string }> {
  const front = await startEcrFront(moto.url, answer);
  const previous = { ...process.env };
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: moto.url,
    AWS_ENDPOINT_URL_ORGANIZATIONS: front.url,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_REGION: REGION,
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  try {
    const file = writeConfig();
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
    const { result } = await readAndCheck((operation, body) => {
      if (operation !== 'ListPoliciesForTarget' || !body.includes(ou) || !body.includes('SERVICE_CONTROL'))
        return undefined;
      const next = (JSON.parse(body) as { NextToken?: string }).NextToken;
      return next === 'page-2'
        ? { status: 200, payload: { Policies: rest } }
        : { status: 200, payload: { Policies: first, NextToken: 'page-2' } };
    });
    assert.equal(result.verdict, 'denied', result.reasons.join('\n'));
  },
);

test(
  'ListParents refused (AccessDenied): SCPs and RCPs taken as absent, and the reason says why',
  { skip },
  async () => {
    const { result, aws } = await readAndCheck((operation) =>
      operation === 'ListParents' ? error('AccessDeniedException') : undefined,
    );
    assert.equal(result.verdict, 'allowed', result.reasons.join('\n'));
    assert.ok(
      result.reasons.some((reason) =>
        /organizations:ListParents .*AccessDeniedException.*taken as absent/.test(reason),
      ),
      result.reasons.join('\n'),
    );
    assert.deepEqual(
      (aws['accounts'] as { organizationId?: string }[]).map((entry) => typeof entry.organizationId),
      ['string'],
      'the organization is still known (aws:PrincipalOrgID)',
    );
  },
);

test('ListPoliciesForTarget throttled past the retries: unknown, naming the call', { skip }, async () => {
  const { result } = await readAndCheck((operation) =>
    operation === 'ListPoliciesForTarget' ? error('TooManyRequestsException') : undefined,
  );
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
    const { result } = await readAndCheck((operation) =>
      operation === 'DescribeOrganization' ? error('AWSOrganizationsNotInUseException') : undefined,
    );
    assert.equal(result.verdict, 'allowed', result.reasons.join('\n'));
    assert.ok(
      result.reasons.some((reason) => reason.includes('is in no organization')),
      result.reasons.join('\n'),
    );
  },
);
