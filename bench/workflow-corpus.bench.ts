// Workflow discovery on the corpus (__tests__/fixtures/workflows/: 43 workflows modelled on real public
// release workflows). Two measurements:
//  1. in process: every fixture's workflows read (reusable workflows, actions, scripts, Makefiles, bake
//     and compose files included), three runs;
//  2. a repository with all of them: every fixture's files copied into one tree, its entry workflows
//     under .github/workflows/ (45+ workflow files), checked by the bundled CLI as a process with
//     `discover.workflows: [.github/workflows/*.yml]`, five runs (min / median / max). BASELINE_CLI=path
//     runs another build's dist/cli.js on the same tree, side by side.
// Run: npm run bench:discovery (after the manifest benchmark) or node .bench-build/bench/workflow-corpus.bench.js
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';
import { discoverWorkflowFile } from '../src/discover/workflows/index.ts';

const corpus = path.resolve('__tests__/fixtures/workflows');
const fixtures = readdirSync(corpus).sort();
interface Expected {
  workflows: string[];
  runner: { repository: string; ref_name?: string };
}
const expected = new Map(
  fixtures.map((name) => [
    name,
    parse(readFileSync(path.join(corpus, name, 'expected.yml'), 'utf8')) as Expected,
  ]),
);

for (let run = 1; run <= 3; run++) {
  const started = performance.now();
  let images = 0;
  let findings = 0;
  let workflows = 0;
  for (const name of fixtures) {
    const root = path.join(corpus, name);
    const { workflows: entries, runner } = expected.get(name)!;
    for (const workflow of entries) {
      const found = discoverWorkflowFile(path.join(root, workflow), {
        root,
        runner: { GITHUB_REPOSITORY: runner.repository },
      });
      images += found.images.length;
      findings += found.findings.length;
      workflows++;
    }
  }
  console.log(
    `corpus run ${run}: ${workflows} entry workflows of ${fixtures.length} repositories in ${(performance.now() - started).toFixed(0)} ms (${images} images, ${findings} findings)`,
  );
}

// One repository holding every fixture's files and workflows.
const repository = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-bench-workflows-'));
for (const name of fixtures) {
  cpSync(path.join(corpus, name), repository, {
    recursive: true,
    filter: (source) => !source.endsWith('expected.yml'),
  });
}
const workflowFiles = readdirSync(path.join(repository, '.github', 'workflows')).filter((file) =>
  /\.ya?ml$/.test(file),
);
writeFileSync(
  path.join(repository, 'pullcheck.yml'),
  'version: 1\ndiscover:\n  workflows: [".github/workflows/*.yml", ".github/workflows/*.yaml"]\n',
);

function timeCli(cli: string, label: string): void {
  const times: number[] = [];
  let summary = '';
  for (let run = 1; run <= 5; run++) {
    const started = performance.now();
    const child = spawnSync(
      process.execPath,
      [cli, 'check', '--offline', '--config', 'pullcheck.yml', '--format', 'json'],
      {
        cwd: repository,
        encoding: 'utf8',
        env: { PATH: process.env['PATH'] ?? '', GITHUB_REPOSITORY: 'acme/monorepo' },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    times.push(performance.now() - started);
    const report = JSON.parse(child.stdout) as { plan?: { images: unknown[] }; findings: unknown[] };
    summary = `exit ${child.status}, ${report.plan?.images.length ?? 0} images, ${report.findings.length} findings`;
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label}: ${workflowFiles.length} workflow files, end to end min ${times[0]!.toFixed(0)} / median ${times[2]!.toFixed(0)} / max ${times[4]!.toFixed(0)} ms (${summary})`,
  );
}

timeCli(path.resolve('dist/cli.js'), 'cli (this build)');
if (process.env['BASELINE_CLI'])
  timeCli(path.resolve(process.env['BASELINE_CLI']), `cli (${process.env['BASELINE_CLI']})`);
rmSync(repository, { recursive: true, force: true });
