// Offline engine benchmark: 1,000 ECR images × 10 targets (one role each) = 10,000 pair evaluations,
// with realistic facts: managed and inline identity policies, boundaries, repository policies naming
// roles, accounts and organisations, registry policies, explicit denies. Prints pairs/s and peak memory.
// Run: npm run bench [-- IMAGES TARGETS] (compiled by tsc and run by plain node, so no loader is measured)
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';
import { loadConfigText } from '../src/core/config/load.ts';
import { runCheck } from '../src/core/engine.ts';
import { providers } from '../src/providers/index.ts';
import { renderJson } from '../src/report/json.ts';

const imageCount = Number(process.argv[2] ?? 1000);
const targetCount = Number(process.argv[3] ?? 10);
const registryAccount = '123456789012';
const clusterAccounts = ['210987654321', '345678901234', registryAccount];

function roleArn(t: number): string {
  return `arn:aws:iam::${clusterAccounts[t % clusterAccounts.length]}:role/eks/cluster-${t}-nodes`;
}

function config(): string {
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
  return stringify({
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
  });
}

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);

const text = config();
const started = performance.now();
const loaded = loadConfigText(text, 'bench.yml');
const loadedAt = performance.now();
const report = runCheck(loaded, providers, { failOn: 'denied' });
const checkedAt = performance.now();
const json = renderJson(report);
const renderedAt = performance.now();
peakRss = Math.max(peakRss, process.memoryUsage().rss);
clearInterval(sampler);

const pairs = report.results.length;
const ms = (a: number, b: number) => `${(b - a).toFixed(0)} ms`;
console.log(`pairs evaluated:        ${pairs} (${imageCount} images × ${targetCount} targets)`);
console.log(`verdicts:               ${JSON.stringify(report.summary)}`);
console.log(
  `config load + validate: ${ms(started, loadedAt)} (${(text.length / 1e6).toFixed(1)} MB of YAML)`,
);
console.log(
  `engine (plan + rules):  ${ms(loadedAt, checkedAt)} → ${Math.round(pairs / ((checkedAt - loadedAt) / 1000))} pairs/s`,
);
console.log(`JSON report:            ${ms(checkedAt, renderedAt)} (${(json.length / 1e6).toFixed(1)} MB)`);
console.log(`end to end:             ${Math.round(pairs / ((renderedAt - started) / 1000))} pairs/s`);
console.log(
  `peak RSS:               ${(peakRss / 2 ** 20).toFixed(0)} MB (process.resourceUsage maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB)`,
);
