// Organization facts that cannot be evaluated are errors at their line, never dropped: an SCP or RCP the
// facts give must reach the verdict. AWS Organizations User Guide, "SCP evaluation": every level from the root
// through each OU to the account must allow, and a Deny at any level denies — so a path must run from the
// account up to the root (an OU always has a parent; the root has none), and each account, unit and
// organization is stated once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import { ConfigError } from '../../../src/core/errors.ts';
import { checkSinglePull } from '../../helpers/check.ts';

const MEMBER = '111122223333';
const ORG = 'o-exampleorgid';
const ROOT = 'r-ab12';
const OU = 'ou-ab12-11111111';
const REGION = 'us-east-1';
const ROLE = `arn:aws:iam::${MEMBER}:role/eks/prod-nodes`;
const FULL_ACCESS = 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess';
const DENY = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'ecr:*', Resource: '*' }] };

type Json = Record<string, unknown>;

/** A role of the repository's account that may pull (AmazonEC2ContainerRegistryPullOnly), and these facts. */
function config(accounts: Json[], organizations?: Json[]): string {
  const aws: Json = {
    roles: [{ arn: ROLE, managedPolicies: ['arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly'] }],
    repositories: [{ arn: `arn:aws:ecr:${REGION}:${MEMBER}:repository/team/web`, policy: null }],
    accounts,
    ...(organizations ? { organizations } : {}),
  };
  return stringify({
    version: 1,
    images: [`${MEMBER}.dkr.ecr.${REGION}.amazonaws.com/team/web:1.4.2`],
    targets: [{ name: 'prod', platform: 'eks', roles: [ROLE] }],
    facts: { aws },
  });
}

const root = (more: Json = {}): Json => ({ id: ROOT, serviceControlPolicies: [FULL_ACCESS], ...more });
const ou = (more: Json = {}): Json => ({
  id: OU,
  parent: ROOT,
  serviceControlPolicies: [FULL_ACCESS],
  ...more,
});
const member = (more: Json = {}): Json => ({
  id: MEMBER,
  organizationId: ORG,
  parent: OU,
  serviceControlPolicies: [FULL_ACCESS],
  ...more,
});

/** The check refuses the config with a ConfigError at a line of pullcheck.yml matching `message`. */
function assertConfigError(text: string, message: RegExp): void {
  let outcome = 'no error';
  try {
    const result = checkSinglePull(text);
    outcome = `${result.verdict}: ${result.reasons.join(' | ')}`;
  } catch (error) {
    if (error instanceof ConfigError && /^pullcheck\.yml:\d+:\d+: /.test(error.message)) {
      assert.match(error.message, message);
      return;
    }
    throw error;
  }
  assert.fail(`expected a ConfigError matching ${message}, got ${outcome}`);
}

test('SCPs on an account without `parent` are an error: the levels above it are not known', () => {
  assertConfigError(
    config([{ id: MEMBER, organizationId: ORG, serviceControlPolicies: [DENY] }]),
    /account 111122223333 .*`parent`/,
  );
  assertConfigError(config([{ id: MEMBER, resourceControlPolicies: [DENY] }]), /`parent`/);
});

test('an OU without `parent` is an error: only the root has none, so the Deny on the root still counts', () => {
  assertConfigError(
    config(
      [member()],
      [
        {
          id: ORG,
          units: [
            root({ serviceControlPolicies: [DENY] }),
            { id: OU, serviceControlPolicies: [FULL_ACCESS] },
          ],
        },
      ],
    ),
    /ou-ab12-11111111 has no `parent`/,
  );
});

test('a root with a `parent` is an error: the path ends at the root', () => {
  assertConfigError(
    config([member()], [{ id: ORG, units: [root({ parent: OU }), ou()] }]),
    /r-ab12 is the root: it has no `parent`/,
  );
});

test('policies with `organizationId: null` or `takenAsAbsent` are an error: they contradict each other', () => {
  for (const claim of [{ organizationId: null }, { takenAsAbsent: 'organizations:ListParents was denied' }]) {
    assertConfigError(
      config([member({ ...claim, serviceControlPolicies: [DENY] })], [{ id: ORG, units: [root(), ou()] }]),
      /account 111122223333: .*together with/,
    );
    assertConfigError(
      config([{ id: MEMBER, ...claim, resourceControlPolicies: [DENY] }]),
      /account 111122223333: .*together with/,
    );
  }
});

test('an account, organization or unit stated twice is an error at the second', () => {
  assertConfigError(
    config([member(), member({ serviceControlPolicies: [FULL_ACCESS, DENY] })].reverse(), [
      { id: ORG, units: [root(), ou()] },
    ]),
    /account 111122223333 is stated more than once/,
  );
  assertConfigError(
    config(
      [member()],
      [
        { id: ORG, units: [root({ serviceControlPolicies: [FULL_ACCESS, DENY] }), ou()] },
        { id: ORG, units: [root(), ou()] },
      ],
    ),
    /organization o-exampleorgid is stated more than once/,
  );
  assertConfigError(
    config([member()], [{ id: ORG, units: [root(), ou({ serviceControlPolicies: [DENY] }), ou()] }]),
    /unit ou-ab12-11111111 is stated more than once/,
  );
});

test('well-formed facts with the same Deny deny the pull', () => {
  const result = checkSinglePull(
    config([member()], [{ id: ORG, units: [root({ serviceControlPolicies: [FULL_ACCESS, DENY] }), ou()] }]),
  );
  assert.equal(result.verdict, 'denied', result.reasons.join('\n'));
});
