// Live-read benchmark: the CallRunner under 50 ms injected latency per call, with the call graph of the
// AWS collector (per role: GetRole, ListAttachedRolePolicies, GetPolicy + GetPolicyVersion per attached
// customer policy, ListRolePolicies, GetRolePolicy per inline policy; per repository GetRepositoryPolicy;
// per registry three calls), for a plan whose resources repeat across targets (each is read once).
// Reports wall time against the ideal (calls ÷ concurrency × latency).
// Run: npm run bench:live [-- ROLES REPOSITORIES CONCURRENCY]
import { performance } from 'node:perf_hooks';
import { CallRunner } from '../src/core/call-runner.ts';

const roles = Number(process.argv[2] ?? 40);
const repositories = Number(process.argv[3] ?? 200);
const concurrency = Number(process.argv[4] ?? 8);
const LATENCY_MS = 50;

const runner = new CallRunner({ concurrency });
const call = (key: string) =>
  runner.run(
    { key, permission: key.split(' ')[0]!, resource: key },
    () => new Promise((resolve) => setTimeout(resolve, LATENCY_MS)),
  );

async function role(i: number): Promise<void> {
  await call(`iam:GetRole role-${i}`);
  await call(`iam:ListAttachedRolePolicies role-${i}`);
  await Promise.all(
    [0, 1].map(async (p) => {
      await call(`iam:GetPolicy policy-${(i + p) % 10}`); // shared customer policies: read once
      await call(`iam:GetPolicyVersion policy-${(i + p) % 10}`);
    }),
  );
  await call(`iam:ListRolePolicies role-${i}`);
  await call(`iam:GetRolePolicy role-${i}/inline`);
}

const started = performance.now();
await Promise.all([
  // 5 targets name the same roles and images: the repeated reads come from the cache.
  ...Array.from({ length: 5 }, () => Array.from({ length: roles }, (_, i) => role(i))).flat(),
  ...Array.from({ length: 5 }, () =>
    Array.from({ length: repositories }, (_, r) => call(`ecr:GetRepositoryPolicy repo-${r}`)),
  ).flat(),
  ...['ecr:GetRegistryPolicy', 'ecr:GetAccountSetting', 'ecr:DescribePullThroughCacheRules'].map((api) =>
    call(`${api} registry`),
  ),
]);
const wall = performance.now() - started;
const ideal = (runner.sent / concurrency) * LATENCY_MS;
console.log(
  `calls sent:      ${runner.sent} (${runner.reads} distinct resources; ${roles} roles, ${repositories} repositories, asked for by 5 targets)`,
);
console.log(`concurrency:     ${concurrency}, latency ${LATENCY_MS} ms per call`);
console.log(`wall time:       ${wall.toFixed(0)} ms`);
console.log(`ideal:           ${ideal.toFixed(0)} ms (calls ÷ concurrency × latency)`);
console.log(`efficiency:      ${((ideal / wall) * 100).toFixed(0)} %`);
