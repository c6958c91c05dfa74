// ECR scenario: images in a shared registry account, EKS node roles in three accounts, with managed and
// inline identity policies, boundaries, repository policies naming accounts and organisations, explicit denies.
import { stringify } from 'yaml';

const registryAccount = '123456789012';
const clusterAccounts = ['210987654321', '345678901234', registryAccount];

function roleArn(t: number): string {
  return `arn:aws:iam::${clusterAccounts[t % clusterAccounts.length]}:role/eks/cluster-${t}-nodes`;
}

/** The scenario's config as YAML text. */
export function ecrScenario(imageCount: number, targetCount: number): string {
  return stringify(ecrScenarioConfig(imageCount, targetCount));
}

/** The scenario's config as a value (written as JSON by bench/scale-configs.ts). */
export function ecrScenarioConfig(imageCount: number, targetCount: number): Record<string, unknown> {
  const images = Array.from(
    { length: imageCount },
    (_, i) => `${registryAccount}.dkr.ecr.us-east-1.amazonaws.com/team-${i % 40}/svc-${i}:1.${i}`,
  );
  const targets = Array.from({ length: targetCount }, (_, t) => ({
    name: `cluster-${t}`,
    platform: 'eks',
    account: clusterAccounts[t % clusterAccounts.length],
    region: 'us-east-1',
    roles: [roleArn(t)],
  }));
  const roles = Array.from({ length: targetCount }, (_, t) => ({
    arn: roleArn(t),
    managedPolicies: [
      'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy',
      t % 4 === 0
        ? 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly'
        : 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly',
    ],
    policies: [
      {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'Logs',
            Effect: 'Allow',
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            Resource: '*',
          },
          { Sid: 'NoDelete', Effect: 'Deny', Action: 'ecr:Delete*', Resource: '*' },
          ...(t % 5 === 3
            ? [
                {
                  Sid: 'NoLegacy',
                  Effect: 'Deny',
                  Action: 'ecr:*',
                  Resource: `arn:aws:ecr:us-east-1:${registryAccount}:repository/team-39/*`,
                },
              ]
            : []),
        ],
      },
    ],
    permissionsBoundary: t % 3 === 0 ? 'arn:aws:iam::aws:policy/PowerUserAccess' : null,
  }));
  const repositories = Array.from({ length: imageCount }, (_, i) => ({
    arn: `arn:aws:ecr:us-east-1:${registryAccount}:repository/team-${i % 40}/svc-${i}`,
    policy:
      i % 10 === 9
        ? null
        : {
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'ClusterPull',
                Effect: 'Allow',
                Principal: {
                  AWS: clusterAccounts.slice(0, 1 + (i % 3)).map((account) => `arn:aws:iam::${account}:root`),
                },
                Action: [
                  'ecr:BatchGetImage',
                  'ecr:GetDownloadUrlForLayer',
                  'ecr:BatchCheckLayerAvailability',
                ],
              },
              {
                Sid: 'OrgPull',
                Effect: 'Allow',
                Principal: '*',
                Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
                Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
              },
              {
                Sid: 'NoPushFromClusters',
                Effect: 'Deny',
                Principal: '*',
                Action: 'ecr:PutImage',
                Condition: { StringNotEquals: { 'aws:PrincipalAccount': registryAccount } },
              },
            ],
          },
  }));
  return {
    version: 1,
    images,
    targets,
    facts: {
      aws: {
        roles,
        repositories,
        registries: [{ account: registryAccount, region: 'us-east-1', scope: 'V2', policy: null }],
        accounts: clusterAccounts.slice(0, 2).map((id) => ({ id, organizationId: 'o-a1b2c3d4e5' })),
      },
    },
  };
}
