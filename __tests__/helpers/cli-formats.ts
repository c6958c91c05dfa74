import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runNode } from './process.ts';

// The bundled CLI (kept fresh by the dist test) starts in a fraction of the time tsx needs.
export const CLI = [path.resolve('dist/cli.js'), 'check'];
const FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
/** How many runs runEveryFormat makes: one per format, and one into --output. */
export const EVERY_FORMAT_RUNS = FORMATS.length + 1;

/** Runs the CLI in every format and into --output; returns every byte it wrote, its exit codes and the JSON report. */
export async function runEveryFormat(
  config: string,
  extraArgs: readonly string[] = [],
): Promise<{ codes: number[]; outputs: string[]; json: string }> {
  const output = path.join(path.dirname(config), 'report.md');
  const runs = await Promise.all([
    ...FORMATS.map((format) => runNode([...CLI, ...extraArgs, '--config', config, '--format', format])),
    runNode([...CLI, ...extraArgs, '--config', config, '--format', 'markdown', '--output', output]),
  ]);
  const outputs = runs.flatMap((run) => [run.stdout, run.stderr]);
  outputs.push(readFileSync(output, 'utf8'));
  return { codes: runs.map((run) => run.code ?? -1), outputs, json: runs[1]?.stdout ?? '' };
}
