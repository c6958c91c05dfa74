// The CLI for tests: in process through runCli (the function dist/cli.js calls) for rule tables, and as a
// real process of the bundle for what only a process shows (its exit status and streams, the bundle).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../../src/cli/command.ts';
import { runNode, type ProcessResult } from './process.ts';

// The bundled CLI (kept fresh by the dist test) starts in a fraction of the time tsx needs.
export const CLI = [path.resolve('dist/cli.js'), 'check'];
const FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
/** How many runs runEveryFormat makes: one per format, and one into --output. */
export const EVERY_FORMAT_RUNS = FORMATS.length + 1;

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `pullcheck ARGV` in this process: what it printed and its exit status. */
export async function runCliInProcess(argv: readonly string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
  });
  return { code, stdout, stderr };
}

/** `pullcheck check ARGS` in this process (`in-process`) or as the bundle's process (`process`). */
export async function runCheckCommand(
  args: readonly string[],
  how: 'in-process' | 'process',
): Promise<CliResult> {
  if (how === 'in-process') return runCliInProcess(['check', ...args]);
  const run: ProcessResult = await runNode([...CLI, ...args]);
  return { code: run.code ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/**
 * Runs the CLI in every format and into --output; returns every byte it wrote, its exit codes and the JSON
 * report. In process by default: rule tables run hundreds of cases, and one process case per file shows
 * the bundle agrees.
 */
export async function runEveryFormat(
  config: string,
  extraArgs: readonly string[] = [],
  how: 'in-process' | 'process' = 'in-process',
): Promise<{ codes: number[]; outputs: string[]; json: string }> {
  const output = path.join(path.dirname(config), 'report.md');
  const runs: CliResult[] = [];
  const argvs = [
    ...FORMATS.map((format) => [...extraArgs, '--config', config, '--format', format]),
    [...extraArgs, '--config', config, '--format', 'markdown', '--output', output],
  ];
  // In process one after another (runCli is not written to overlap); processes side by side.
  if (how === 'in-process') for (const argv of argvs) runs.push(await runCheckCommand(argv, how));
  else runs.push(...(await Promise.all(argvs.map((argv) => runCheckCommand(argv, how)))));
  const outputs = runs.flatMap((run) => [run.stdout, run.stderr]);
  outputs.push(readFileSync(output, 'utf8'));
  return { codes: runs.map((run) => run.code), outputs, json: runs[1]?.stdout ?? '' };
}
