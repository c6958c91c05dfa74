// Live reads through the real AWS SDK clients: moto_server on 127.0.0.1 holds ROLES roles and REPOSITORIES
// repositories with their policies; a keep-alive proxy in front of it (as AWS keeps connections open) adds
// LATENCY ms to every request. pullcheck's live reads (readLiveFacts, the AWS collector and the CallRunner)
// read them at CONCURRENCY; the report compares the wall time with the floor, calls ÷ concurrency × latency,
// and gives the same read at no added latency: min / median / max of RUNS reads each.
// Run: npm run bench:live-sdk [-- ROLES REPOSITORIES CONCURRENCY LATENCY RUNS]   (needs moto_server)
import { fork } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CreateRepositoryCommand, ECRClient, SetRepositoryPolicyCommand } from '@aws-sdk/client-ecr';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { readLiveFacts } from '../src/check/live-reads.ts';
import { CallRunner } from '../src/core/call-runner.ts';
import { loadConfigFile } from '../src/core/config/load.ts';
import { startMoto } from '../__tests__/helpers/moto.ts';

const numberArgument = (i: number, fallback: number) => Number(process.argv[2 + i] ?? fallback);
const [roles, repositories, concurrency, latency, runs] = [
  numberArgument(0, 40),
  numberArgument(1, 200),
  numberArgument(2, 8),
  numberArgument(3, 50),
  numberArgument(4, 5),
];
const ACCOUNT = '123456789012';
const REGION = 'us-east-1';

// moto_server as the tests start it (__tests__/helpers/moto.ts).
const moto = await startMoto();
const motoUrl = moto.url;

// The endpoint (bench/replay-proxy.mjs, its own process) records moto's answers on the first read and
// replays them after: the SDK still signs, sends and parses every request over its kept-alive connections,
// but moto's own service time (~9 ms a request, one at a time) no longer hides what pullcheck does.
const proxy = fork(
  path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'bench', 'replay-proxy.mjs'),
  [],
  {
    env: { ...process.env, MOTO_URL: motoUrl },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  },
);
process.once('exit', () => proxy.kill('SIGKILL'));
const proxyPort = await new Promise<string>((resolve) =>
  proxy.stdout!.once('data', (data: Buffer) => resolve(data.toString().trim())),
);
const setDelay = (delay: number) =>
  new Promise<void>((resolve) => {
    proxy.once('message', () => resolve());
    proxy.send({ delay });
  });
process.env['AWS_ENDPOINT_URL'] = `http://127.0.0.1:${proxyPort}`;
Object.assign(process.env, {
  AWS_ACCESS_KEY_ID: 'testing',
  AWS_SECRET_ACCESS_KEY: 'testing',
  AWS_REGION: REGION,
});

const setup = {
  region: REGION,
  endpoint: motoUrl,
  credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
};
const iam = new IAMClient(setup);
const ecr = new ECRClient(setup);
const trust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
const pull = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], Resource: '*' },
  ],
});
for (let i = 0; i < roles; i++) {
  await iam.send(new CreateRoleCommand({ RoleName: `nodes-${i}`, AssumeRolePolicyDocument: trust }));
  await iam.send(
    new PutRolePolicyCommand({ RoleName: `nodes-${i}`, PolicyName: 'pull', PolicyDocument: pull }),
  );
}
for (let r = 0; r < repositories; r++) {
  await ecr.send(new CreateRepositoryCommand({ repositoryName: `team/app-${r}` }));
  await ecr.send(new SetRepositoryPolicyCommand({ repositoryName: `team/app-${r}`, policyText: pull }));
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-bench-live-'));
const config = path.join(dir, 'pullcheck.yml');
const images = Array.from(
  { length: repositories },
  (_, r) => `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/team/app-${r}:1`,
);
const targets = Array.from(
  { length: roles },
  (_, i) => `  - { name: t${i}, platform: aws-role, roles: [arn:aws:iam::${ACCOUNT}:role/nodes-${i}] }`,
);
writeFileSync(
  config,
  ['version: 1', `images: ${JSON.stringify(images)}`, 'targets:', ...targets, ''].join('\n'),
);

async function read(added: number): Promise<{ wall: number; cpu: number; calls: number }> {
  await setDelay(added);
  const runner = new CallRunner({ concurrency });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await readLiveFacts(loadConfigFile(config), { runner });
  const wall = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  // A retried call waits out a jittered backoff: the read would measure the sleep, not the calls.
  if (result.calls !== result.reads)
    throw new Error(`${result.calls - result.reads} calls were retried: the endpoint failed some`);
  return { wall, cpu: (user + system) / 1000, calls: result.calls };
}

await read(0); // records moto's answers (and warms the SDK modules)
// Alternating reads, so a change in the machine's load falls on both.
const quiet: Awaited<ReturnType<typeof read>>[] = [];
const timed: Awaited<ReturnType<typeof read>>[] = [];
for (let run = 0; run < runs; run++) {
  quiet.push(await read(0));
  timed.push(await read(latency));
}
const calls = timed[0]!.calls;
const floor = (calls / concurrency) * latency;
const spread = (values: number[], digits = 0) => {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return [sorted[0]!, median, sorted.at(-1)!].map((value) => value.toFixed(digits)).join(' / ');
};
console.log(
  `calls:            ${calls} (${roles} roles, ${repositories} repositories), concurrency ${concurrency}`,
);
console.log(`latency floor:    ${floor.toFixed(0)} ms (calls ÷ concurrency × ${latency} ms)`);
console.log(`min / median / max of ${runs} reads each, alternating:`);
console.log(
  `wall, no latency: ${spread(quiet.map((r) => r.wall))} ms (pullcheck and the SDK, answers replayed)`,
);
const cpuPerCall = quiet.map((r) => r.cpu / r.calls);
console.log(`CPU per call:     ${spread(cpuPerCall, 2)} ms (this process, no latency)`);
console.log(`wall, ${latency} ms:      ${spread(timed.map((r) => r.wall))} ms`);
console.log(`of the floor:     ${spread(timed.map((r) => (floor / r.wall) * 100))} %`);
proxy.kill('SIGTERM');
await moto.stop();
process.exit(0);
