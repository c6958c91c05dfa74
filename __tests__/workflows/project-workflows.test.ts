// The project's own workflows (.github/workflows): actionlint finds nothing, CI runs the README's test
// command, the self-test runs this checkout's action offline and expects what the action really reports on
// examples/, and the release workflow's guard refuses what it must.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { lintWorkflow } from '../helpers/actionlint.ts';
import { runActionInProcess } from '../helpers/action-in-process.ts';
import { parseCommandFile } from '../helpers/runner-files.ts';

const DIR = '.github/workflows';

interface Step {
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, unknown>;
}
interface Job {
  readonly permissions?: unknown;
  readonly env?: Record<string, unknown>;
  readonly steps: readonly Step[];
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions?: unknown;
  readonly jobs: Record<string, Job>;
}

const workflow = (name: string): Workflow => parse(readFileSync(path.join(DIR, name), 'utf8')) as Workflow;
const CI = workflow('ci.yml');
const RELEASE = workflow('release.yml');

function step(job: Job, id: string): Step {
  const found = job.steps.find((candidate) => candidate.id === id);
  assert.ok(found, `a step with id ${id}`);
  return found;
}

/** The command under "Run every test" in the README: its first fenced shell block after that sentence. */
function readmeTestCommand(): string {
  const readme = readFileSync('README.md', 'utf8');
  const from = readme.indexOf('\nRun every test');
  assert.notEqual(from, -1, 'the README says how to run every test');
  const block = /```sh\n([\s\S]*?)\n```/.exec(readme.slice(from));
  assert.ok(block?.[1], 'a fenced sh block follows');
  return block[1].trim();
}

test('every workflow under .github/workflows lints clean with actionlint', async () => {
  const files = readdirSync(DIR).filter((file) => /\.ya?ml$/.test(file));
  for (const expected of ['ci.yml', 'release.yml']) assert.ok(files.includes(expected), expected);
  for (const file of files) {
    const where = path.join(DIR, file);
    assert.deepEqual(await lintWorkflow(readFileSync(where, 'utf8'), where), [], where);
  }
});

test('actionlint reports what is wrong, with line, column and kind', async () => {
  const broken =
    'on: push\npermissions: { contents: read, attestations: write }\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.nope }}"\n';
  const problems = await lintWorkflow(broken, 'broken.yml');
  assert.deepEqual(
    problems.map(({ line, kind }) => [line, kind]),
    [
      [2, 'permissions'],
      [7, 'expression'],
    ],
  );
  assert.match(problems[0]!.message, /unknown permission scope "attestations"/);
});

test("the test job runs exactly the README's test command, with CI=true, on push and pull request", () => {
  assert.deepEqual(Object.keys(CI.on).sort(), ['pull_request', 'push']);
  const job = CI.jobs['test']!;
  const runs = job.steps.flatMap((candidate) => (candidate.run ? [candidate.run.trim()] : []));
  assert.equal(runs.at(-1), readmeTestCommand());
  assert.equal(String(job.env?.['CI']), 'true');
  assert.ok(runs.includes('pip install "moto[server]"'), 'moto_server is installed');
  assert.ok(
    job.steps.some(
      (candidate) =>
        candidate.uses?.startsWith('actions/setup-node@') && candidate.with?.['node-version'] === 24,
    ),
    'Node 24',
  );
});

test('check-dist rebuilds dist/, fails when it differs from the commit and uploads the expected one', () => {
  const job = CI.jobs['check-dist']!;
  const runs = job.steps.map((candidate) => candidate.run ?? '');
  assert.ok(runs.indexOf('npm ci --no-audit --no-fund') < runs.indexOf('npm run build'));
  assert.match(step(job, 'diff').run!, /git status --porcelain -- dist[\s\S]*exit 1/);
  const upload = job.steps.find((candidate) => candidate.uses?.startsWith('actions/upload-artifact@'));
  assert.equal(upload?.with?.['path'], 'dist/');
});

test('permissions are least: contents read at the top, contents write only in the release job', () => {
  for (const [name, flow] of [
    ['ci.yml', CI],
    ['release.yml', RELEASE],
  ] as const) {
    assert.deepEqual(flow.permissions, { contents: 'read' }, name);
  }
  for (const [name, job] of Object.entries(CI.jobs)) assert.equal(job.permissions, undefined, name);
  assert.deepEqual(RELEASE.jobs['release']!.permissions, { contents: 'write' });
});

test('the self-test runs this checkout (uses: ./) offline on examples/, logging in nowhere, commenting never', () => {
  const action = step(CI.jobs['self-test']!, 'pullcheck');
  assert.equal(action.uses, './');
  assert.deepEqual(action.with, {
    config: 'examples/pullcheck.yml',
    offline: true,
    login: false,
    'fail-on': 'never',
    comment: 'never',
  });
});

/** The self-test's check step: its script, and its env with `${{ steps.pullcheck.outputs.X }}` resolved. */
function outputsCheck(outputs: Record<string, string>): { script: string; env: Record<string, string> } {
  const job = CI.jobs['self-test']!;
  const check = job.steps[job.steps.findIndex((candidate) => candidate.id === 'pullcheck') + 1]!;
  const env = Object.fromEntries(
    Object.entries(check.env ?? {}).map(([name, value]) => {
      const output = /^\$\{\{ steps\.pullcheck\.outputs\.([\w-]+) \}\}$/.exec(String(value));
      return [name, output ? (outputs[output[1]!] ?? '') : String(value)];
    }),
  );
  return { script: check.run!, env };
}

/** The action run in this process as the self-test step runs it: its step outputs. */
async function selfTestOutputs(): Promise<Record<string, string>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-self-test-'));
  const files = { output: path.join(dir, 'output'), summary: path.join(dir, 'summary.md') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const env: NodeJS.ProcessEnv = {
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: process.cwd(),
    GITHUB_WORKFLOW_REF: 'acme/pullcheck/.github/workflows/ci.yml@refs/heads/main',
    GITHUB_WORKFLOW: 'CI',
    GITHUB_JOB: 'self-test',
    GITHUB_EVENT_NAME: 'push',
    AWS_EC2_METADATA_DISABLED: 'true',
    METADATA_SERVER_DETECTION: 'none',
    HOME: dir,
  };
  for (const [name, value] of Object.entries(step(CI.jobs['self-test']!, 'pullcheck').with ?? {}))
    env[`INPUT_${name.toUpperCase()}`] = String(value);
  const { code, stdout } = await runActionInProcess(env);
  assert.equal(code, 0, stdout);
  return parseCommandFile(readFileSync(files.output, 'utf8'));
}

test("the self-test's expected numbers are what the action reports on examples/, and its check passes on them", async () => {
  const outputs = await selfTestOutputs();
  const { script, env } = outputsCheck(outputs);
  assert.deepEqual(
    [outputs['gate'], outputs['allowed'], outputs['denied'], outputs['unknown']],
    [env['EXPECTED_GATE'], env['EXPECTED_ALLOWED'], env['EXPECTED_DENIED'], env['EXPECTED_UNKNOWN']],
  );
  const run = (extra: Record<string, string>) =>
    runBash(script, { env: { ...process.env, ...env, ...extra } });
  const passed = await run({});
  assert.equal(passed.status, 0, passed.stdout);
  // The check can fail: one number off is an error naming the output.
  const failed = await run({ EXPECTED_DENIED: '2' });
  assert.equal(failed.status, 1);
  assert.match(failed.stdout, /::error::output denied is '1', expected '2'/);
});

type Prepare = (git: (...args: string[]) => void, repo: string) => Record<string, string> | void;

/** `bash -eo pipefail -c SCRIPT` (as the runner runs a `run:` step), without blocking the other cases. */
function runBash(
  script: string,
  options: { cwd?: string; env: NodeJS.ProcessEnv },
): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-eo', 'pipefail', '-c', script], {
      ...options,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout }));
  });
}

// Made once and copied per case: git processes are the slow part.
let baseRepository: string | undefined;

function gitIn(repo: string) {
  return (...args: string[]) => {
    const result = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
      cwd: repo,
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
  };
}

function scratchRepository(): string {
  if (!baseRepository) {
    baseRepository = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-release-base-'));
    const git = gitIn(baseRepository);
    writeFileSync(path.join(baseRepository, 'package.json'), '{ "version": "0.2.0" }\n');
    writeFileSync(
      path.join(baseRepository, 'CHANGELOG.md'),
      '# Changelog\n\n## 0.2.0\n\n- Added things.\n\n## 0.1.0\n\n- First.\n',
    );
    git('init', '-q', '-b', 'main');
    git('commit', '-qm', 'one', '--allow-empty');
    git('add', '.');
    git('commit', '-qm', 'two');
  }
  const repo = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-release-'));
  cpSync(baseRepository, repo, { recursive: true });
  return repo;
}

/** The release guard step in a scratch repository at package.json `0.2.0` with CHANGELOG `## 0.2.0`. */
async function releaseGuard(version: string, prepare: Prepare = () => {}) {
  const repo = scratchRepository();
  const git = gitIn(repo);
  const overrides = prepare(git, repo) ?? {};
  writeFileSync(path.join(repo, 'output'), '');
  const result = await runBash(step(RELEASE.jobs['release']!, 'guard').run!, {
    cwd: repo,
    env: {
      PATH: process.env['PATH'],
      VERSION: version,
      GITHUB_REF_NAME: 'main',
      DEFAULT_BRANCH: 'main',
      RUNNER_TEMP: repo,
      GITHUB_OUTPUT: path.join(repo, 'output'),
      ...overrides,
    },
  });
  const read = (file: string) => readFileSync(path.join(repo, file), 'utf8');
  return {
    status: result.status,
    stdout: result.stdout,
    output: read('output'),
    notes: () => read('notes.md'),
  };
}

test('the release guard accepts package.json version with a CHANGELOG section: tag vX.Y.Z, major vX, the notes', async () => {
  const accepted = await releaseGuard('0.2.0');
  assert.equal(accepted.status, 0, accepted.stdout);
  assert.equal(accepted.output, 'tag=v0.2.0\nmajor=v0\n');
  assert.equal(accepted.notes().trim(), '- Added things.');
  // An older major tag moves forward.
  assert.equal((await releaseGuard('0.2.0', (git) => git('tag', 'v0', 'HEAD~1'))).status, 0);
});

test('the release guard refuses a bad version, an existing tag, a backwards major tag, a missing section, another branch', async () => {
  const refusals: [string, string, Prepare][] = [
    ['v0.2.0', /is not X\.Y\.Z/.source, () => {}],
    ['0.2', /is not X\.Y\.Z/.source, () => {}],
    ['0.2.0-rc.1', /is not X\.Y\.Z/.source, () => {}],
    ['0.3.0', /package\.json's version is 0\.2\.0/.source, () => {}],
    ['0.2.0', /tag v0\.2\.0 already exists/.source, (git) => git('tag', 'v0.2.0')],
    [
      '0.2.0',
      /never moves backwards/.source,
      (git) => {
        git('checkout', '-q', '-b', 'side', 'HEAD~1');
        git('commit', '-qm', 'side', '--allow-empty');
        git('tag', 'v0');
        git('checkout', '-q', 'main');
      },
    ],
    [
      '0.2.0',
      /no '## 0\.2\.0' section/.source,
      (git, repo) => {
        writeFileSync(path.join(repo, 'CHANGELOG.md'), '# Changelog\n\n## 0.2.0-beta\n\n- Not this.\n');
        git('commit', '-qam', 'three');
      },
    ],
    ['0.2.0', /run it on main, not feature/.source, () => ({ GITHUB_REF_NAME: 'feature' })],
  ];
  // In parallel: each case is a few processes, slow on a loaded machine.
  const results = await Promise.all(refusals.map(([version, , prepare]) => releaseGuard(version, prepare)));
  for (const [i, [version, message]] of refusals.entries()) {
    const refused = results[i]!;
    assert.equal(refused.status, 1, `${version}: ${refused.stdout}`);
    assert.match(refused.stdout, new RegExp(`::error::release: .*${message}`), version);
  }
});

test('the release is dispatched with a version, tags it and force-moves the major tag, then publishes the notes', async () => {
  assert.deepEqual(Object.keys(RELEASE.on), ['workflow_dispatch']);
  const job = RELEASE.jobs['release']!;
  const script = job.steps.map((candidate) => candidate.run ?? '').join('\n');
  assert.match(script, /git tag -a "\$TAG"/);
  assert.match(script, /git tag -f -a "\$MAJOR" .* "\$TAG\^\{commit\}"/);
  assert.match(script, /git push --force origin "refs\/tags\/\$MAJOR"/);
  assert.match(script, /gh release create "\$TAG" --verify-tag .* --notes-file "\$RUNNER_TEMP\/notes\.md"/);
  assert.ok(
    script.indexOf('npm run build') < script.indexOf('git push'),
    'dist/ is checked before anything is pushed',
  );
});
