// Policy answers are remembered per document and question (policy/evaluate.ts), and identical repository
// policies share one parsed document: every pull of a large check must still get exactly the verdict,
// reasons and fixes it gets when checked alone, with nothing remembered from another pull.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { checkConfig, checkSinglePull } from '../../helpers/check.ts';
import { loadConfigText } from '../../../src/core/config/load.ts';

const REGISTRY = '111122223333';
const OTHER = '444455556666';
const REGION = 'us-east-1';
const repoArn = (name: string) => `arn:aws:ecr:${REGION}:${REGISTRY}:repository/${name}`;
const image = (name: string) => `${REGISTRY}.dkr.ecr.${REGION}.amazonaws.com/${name}:1`;
const PULL = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];

// Roles that tell questions apart: by resource (a Deny on one team's repositories), by caller (same
// account or not, an organization or not), and by permissions boundary (NotPrincipal never exempts it).
const roles = [
  {
    arn: `arn:aws:iam::${REGISTRY}:role/nodes-a`,
    managedPolicies: ['arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly'],
    policies: [
      {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Deny', Action: 'ecr:*', Resource: repoArn('legacy/*') }],
      },
    ],
  },
  {
    arn: `arn:aws:iam::${OTHER}:role/nodes-b`,
    managedPolicies: ['arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly'],
  },
  {
    arn: `arn:aws:iam::${OTHER}:role/nodes-c`,
    managedPolicies: ['arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly'],
    permissionsBoundary: 'arn:aws:iam::aws:policy/PowerUserAccess',
  },
  {
    arn: `arn:aws:iam::${OTHER}:role/nodes-d`,
    managedPolicies: ['arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly'],
  },
];
const orgGrant = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: '*',
      Action: PULL,
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-exampleorgid' } },
    },
  ],
};
const exceptB = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: PULL },
    {
      Effect: 'Deny',
      NotPrincipal: { AWS: [`arn:aws:iam::${OTHER}:role/nodes-b`, `arn:aws:iam::${OTHER}:root`] },
      Action: 'ecr:*',
    },
  ],
};
const onlyB = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:role/nodes-b` }, Action: PULL }],
};
// The same policy text on several repositories (a Terraform module's): shared once parsed.
const repositories = [
  { arn: repoArn('legacy/api'), policy: orgGrant },
  { arn: repoArn('team/api'), policy: orgGrant },
  { arn: repoArn('team/web'), policy: exceptB },
  { arn: repoArn('team/worker'), policy: exceptB },
  { arn: repoArn('team/batch'), policy: null },
  { arn: repoArn('b/one'), policy: onlyB },
  { arn: repoArn('b/two'), policy: onlyB },
];
const names = repositories.map((repository) => repository.arn.split(':repository/')[1]!);

function config(imageNames: readonly string[], roleArns: readonly string[]): string {
  return stringify({
    version: 1,
    images: imageNames.map(image),
    targets: roleArns.map((arn, i) => ({ name: `t${i}`, platform: 'aws-role', roles: [arn] })),
    facts: { aws: { roles, repositories, accounts: [{ id: OTHER, organizationId: 'o-exampleorgid' }] } },
  });
}

test('every pull of a shared check gets what it gets alone (answers remembered per document)', () => {
  const arns = roles.map((role) => role.arn);
  // Twice in one process, in both orders: nothing remembered from one question answers another.
  for (const order of [arns, [...arns].reverse()]) {
    const report = checkConfig(loadConfigText(config(names, order), 'pullcheck.yml'));
    assert.equal(report.results.length, names.length * arns.length);
    const verdicts = new Set(report.results.map((result) => result.verdict));
    // exceptB's NotPrincipal lists a role and its account without the session: unknown (issue 17).
    assert.deepEqual([...verdicts].sort(), ['allowed', 'denied', 'unknown'], 'the pulls differ');
    for (const result of report.results) {
      const alone = checkSinglePull(
        config([result.image.replace(/^.*amazonaws\.com\/|:1$/g, '')], [result.principal]),
      );
      // The single pull's config names its one target t0; its source lines differ too.
      assert.deepEqual(
        { ...result, target: undefined, source: undefined },
        { ...alone, target: undefined, source: undefined },
        `${result.image} by ${result.principal}`,
      );
    }
  }
});

test('two spellings of one role are two callers: aws:PrincipalArn compares case-sensitively, whatever was asked first', () => {
  const deploy = `arn:aws:iam::${REGISTRY}:role/Deploy`;
  const lower = `arn:aws:iam::${REGISTRY}:role/deploy`;
  const text = (order: readonly string[]) =>
    stringify({
      version: 1,
      images: [image('team/api')],
      targets: order.map((arn, i) => ({ name: `t${i}`, platform: 'aws-role', roles: [arn] })),
      facts: {
        aws: {
          roles: [
            {
              arn: deploy,
              policies: [
                {
                  Version: '2012-10-17',
                  Statement: [
                    {
                      Effect: 'Allow',
                      Action: 'ecr:*',
                      Resource: '*',
                      Condition: { StringEquals: { 'aws:PrincipalArn': deploy } },
                    },
                  ],
                },
              ],
            },
          ],
          repositories: [{ arn: repoArn('team/api'), policy: null }],
        },
      },
    });
  const alone = (arn: string) => checkSinglePull(text([arn])).verdict;
  assert.deepEqual([alone(deploy), alone(lower)], ['allowed', 'denied']);
  for (const order of [
    [deploy, lower],
    [lower, deploy],
  ]) {
    const verdicts = checkConfig(loadConfigText(text(order), 'pullcheck.yml')).results.map((result) => [
      result.principal,
      result.verdict,
    ]);
    assert.deepEqual(
      verdicts.sort(),
      [
        [deploy, 'allowed'],
        [lower, 'denied'],
      ].sort(),
    );
  }
});
