// Secrets seeded everywhere a user could put one — pullcheck's own process environment, URLs in the config
// and in workflow scripts, the action's inputs, committed pull secrets and keys — then every output of the
// real entry points is searched for them: the CLI as a process in every format (stdout, stderr, --output,
// --snapshot) and the bundled action as a process (log, outputs, job summary, JSON and SARIF report files,
// snapshot, and the pull request comment on a GitHub API on 127.0.0.1). None may appear anywhere.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { FakeGitHub } from './helpers/github-api.ts';
import { runNode } from './helpers/process.ts';
import { parseCommandFile } from './helpers/runner-files.ts';
import { assertClean, SECRETS, secretEnvironment, seededRepository } from './helpers/seeded-secrets.ts';

const ACTION = path.resolve('dist/index.js');
const CLI = path.resolve('dist/cli.js');

const github = new FakeGitHub(SECRETS.githubToken);
before(async () => void (await github.start()));
after(async () => await github.stop());

/** Every file under `dir`, by path relative to it. */
function filesUnder(dir: string): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(dir, entry);
    if (statSync(file).isFile()) texts[entry] = readFileSync(file, 'utf8');
  }
  return texts;
}

test('the CLI in every format, with --output and --snapshot: no seeded secret in any output', async () => {
  const repo = seededRepository();
  const out = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-secrets-out-'));
  const texts: Record<string, string> = {};
  for (const format of ['text', 'json', 'markdown', 'sarif']) {
    const run = await runNode(
      [
        CLI,
        'check',
        '--offline',
        '--config',
        'pullcheck.yml',
        '--format',
        format,
        '--snapshot',
        path.join(out, `snapshot-${format}.yml`),
      ],
      secretEnvironment(),
      repo,
    );
    assert.ok(run.code === 0 || run.code === 1, `${format}: exit ${run.code}: ${run.stderr}`);
    texts[`${format} stdout`] = run.stdout;
    texts[`${format} stderr`] = run.stderr;
    const written = await runNode(
      [CLI, 'check', '--offline', '--format', format, '--output', path.join(out, `report.${format}`)],
      secretEnvironment(),
      repo,
    );
    texts[`${format} --output stderr`] = written.stderr + written.stdout;
  }
  Object.assign(texts, filesUnder(out));
  // The secrets were really there to leak: the committed ones are reported, without their values.
  assert.match(texts['text stdout']!, /FINDING \w+ secret-in-repo deploy\/k8s\/secrets.yaml/);
  assert.match(texts['text stdout']!, /REDACTED@registry\.example\.com/);
  assertClean(texts);
  // The snapshot replays: the endpoint stays, without its credentials.
  assert.match(texts['snapshot-text.yml']!, /https:\/\/REDACTED@127\.0\.0\.1:9/);
});

test('the action: log, outputs, summary, report files, snapshot and the pull request comment hold no seeded secret', async () => {
  const repo = seededRepository();
  const runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-secrets-runner-'));
  const files = {
    output: path.join(runnerTemp, 'output'),
    summary: path.join(runnerTemp, 'summary.md'),
    event: path.join(runnerTemp, 'event.json'),
  };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  writeFileSync(
    files.event,
    JSON.stringify({
      pull_request: {
        number: 42,
        base: { repo: { full_name: 'acme/shop' } },
        head: { repo: { full_name: 'acme/shop' } },
      },
    }),
  );
  const inputs: Record<string, string> = {
    config: 'pullcheck.yml',
    offline: 'true',
    login: 'false',
    comment: 'always',
    'fail-on': 'never',
    'github-token': SECRETS.githubToken,
    'openshift-token': SECRETS.openshiftToken,
    snapshot: path.join(runnerTemp, 'snapshot.yml'),
  };
  const env: NodeJS.ProcessEnv = {
    ...secretEnvironment(),
    GITHUB_WORKSPACE: repo,
    GITHUB_WORKFLOW_REF: 'acme/shop/.github/workflows/release.yml@refs/pull/42/merge',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_API_URL: github.url,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: runnerTemp,
    HOME: runnerTemp,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const run = await runNode([ACTION], env, repo);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  const outputs = parseCommandFile(readFileSync(files.output, 'utf8'));
  assert.ok(outputs['report-file'] && outputs['sarif-file'], run.stdout);
  const comments = github.commentsOf(42).map((comment) => comment.body);
  assert.equal(comments.length, 1, 'the comment was written');
  assertClean({
    stdout: run.stdout,
    stderr: run.stderr,
    outputs: JSON.stringify(outputs),
    comment: comments.join('\n'),
    ...filesUnder(runnerTemp),
  });
});
