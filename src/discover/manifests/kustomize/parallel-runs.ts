// Several runs of one binary at once, from synchronous code: discovery is synchronous, and a small
// `kubectl kustomize` spends most of its time starting up (about 0.4 s a root on a loaded 2-core machine),
// so a repository of many overlays built one after another waits for each start-up in turn. One short Node
// process (this Node, with an empty environment) runs the builds a few at a time and answers with their
// results; each build keeps its own timeout and output bound, and its stderr is never kept.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import type { ToolRun } from './real-tool.ts';

interface RunJob {
  readonly args: readonly string[];
  readonly cwd: string;
}

interface RunLimits {
  readonly env: NodeJS.ProcessEnv;
  readonly timeoutMs: number;
  readonly maxOutputBytes: number;
}

/** Runs jobs from stdin's request, `concurrency` at a time; prints their results as one JSON array. */
const RUNNER = `
import { execFile } from 'node:child_process';
let input = '';
for await (const chunk of process.stdin) input += chunk;
const { binary, jobs, env, timeout, maxBuffer, concurrency } = JSON.parse(input);
const results = new Array(jobs.length);
let next = 0;
const runOne = (job) => new Promise((resolve) => {
  const child = execFile(binary, job.args, { cwd: job.cwd, env, timeout, maxBuffer, encoding: 'utf8' },
    (error, stdout) => {
      if (!error) return resolve({ stdout });
      if (error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return resolve({ error: 'too-large' });
      if (error.killed) return resolve({ error: 'timeout' });
      const result = { error: 'failed' };
      if (typeof error.code === 'number') result.exitCode = error.code;
      if (typeof error.signal === 'string') result.signal = error.signal;
      resolve(result);
    });
  child.stdin?.end();
});
const worker = async () => {
  while (next < jobs.length) {
    const i = next++;
    results[i] = await runOne(jobs[i]);
  }
};
await Promise.all(Array.from({ length: concurrency }, worker));
process.stdout.write(JSON.stringify(results));
`;

/** Each job's result, in order; undefined when the runner itself could not answer. */
export function runInParallel(
  binary: string,
  jobs: readonly RunJob[],
  limits: RunLimits,
): ToolRun[] | undefined {
  const concurrency = Math.max(1, Math.min(os.availableParallelism(), 8, jobs.length));
  const rounds = Math.ceil(jobs.length / concurrency);
  const request = {
    binary,
    jobs,
    env: limits.env,
    timeout: limits.timeoutMs,
    maxBuffer: limits.maxOutputBytes,
    concurrency,
  };
  const runner = spawnSync(process.execPath, ['--input-type=module', '--eval', RUNNER], {
    input: JSON.stringify(request),
    encoding: 'utf8',
    // Node itself needs no environment: NODE_OPTIONS and the rest of pullcheck's stay out.
    env: {},
    // Every build at its own timeout, a round at a time, and time for the runner to start and answer.
    timeout: limits.timeoutMs * rounds + 30_000,
    // JSON doubles at most every character of an output (a quote or a line break and its escape).
    maxBuffer: 2 * limits.maxOutputBytes * jobs.length + 1024 * 1024,
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  if (runner.status !== 0 || typeof runner.stdout !== 'string') return undefined;
  let results: unknown;
  try {
    results = JSON.parse(runner.stdout);
  } catch {
    return undefined;
  }
  if (!Array.isArray(results) || results.length !== jobs.length) return undefined;
  const runs = results.map(asToolRun);
  return runs.every((run) => run !== undefined) ? runs : undefined;
}

function asToolRun(value: unknown): ToolRun | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const run = value as Record<string, unknown>;
  if (typeof run['stdout'] === 'string') return { stdout: run['stdout'] };
  if (run['error'] === 'too-large' || run['error'] === 'timeout') return { error: run['error'] };
  if (run['error'] !== 'failed') return undefined;
  return {
    error: 'failed',
    ...(typeof run['exitCode'] === 'number' ? { exitCode: run['exitCode'] } : {}),
    ...(typeof run['signal'] === 'string' ? { signal: run['signal'] } : {}),
  };
}
