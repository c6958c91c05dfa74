// The action's main step in this process, with the runner's environment swapped in for the run and its
// stdout (workflow commands) captured: what a process of the bundle would do, without starting one.
// Rule tables run here; a few cases per file still run dist/index.js as a process (exit code, stdout guard,
// the bundle itself). Runs must not overlap: node:test runs a file's tests one after another.
import { run } from '../../src/action/run.ts';
import type { ProcessResult } from './process.ts';

export async function runActionInProcess(env: NodeJS.ProcessEnv): Promise<ProcessResult> {
  const saved = { env: process.env, exitCode: process.exitCode, write: process.stdout.write };
  let stdout = '';
  process.env = { ...env };
  process.exitCode = undefined;
  // The toolkit writes strings; the test runner's own messages to its parent are bytes and pass through.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (typeof chunk !== 'string')
      return (saved.write as (...args: unknown[]) => boolean).call(process.stdout, chunk, ...rest);
    stdout += chunk;
    return true;
  }) as typeof process.stdout.write;
  try {
    await run(process.env);
    const code = process.exitCode;
    return { code: typeof code === 'number' ? code : Number(code ?? 0), stdout, stderr: '' };
  } finally {
    process.stdout.write = saved.write;
    process.env = saved.env;
    process.exitCode = saved.exitCode;
  }
}
