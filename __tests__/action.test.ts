// The bundled action (dist/index.js) as a process, with the environment the Actions runner gives it.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runNode } from './helpers/process.ts';
import { parseCommandFile } from './helpers/runner-files.ts';

const ACTION = path.resolve('dist/index.js');

function runnerEnv(inputs: Record<string, string>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-action-'));
  const files = {
    output: path.join(dir, 'output'),
    summary: path.join(dir, 'summary.md'),
    temp: path.join(dir, 'temp'),
  };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const env: NodeJS.ProcessEnv = {
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: process.cwd(),
    // No cloud credentials here: the logins are skipped with a warning, and nothing probes metadata servers.
    AWS_EC2_METADATA_DISABLED: 'true',
    METADATA_SERVER_DETECTION: 'none',
    HOME: dir,
  };
  // The runner passes inputs as INPUT_<NAME upper-cased, spaces as _> (hyphens kept).
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  return { env, files, dir };
}

/** The action run in `workspace` as its running workflow `ref` (`FILE@REF`), no config file: its JSON report. */
async function reportOfRunningWorkflow(workspace: string, ref: string, inputs: Record<string, string>) {
  const { env, files } = runnerEnv(inputs);
  env['GITHUB_WORKSPACE'] = workspace;
  env['GITHUB_WORKFLOW_REF'] = `acme/shop/.github/workflows/${ref}`;
  const { code, stdout } = await runNode([ACTION], env, workspace);
  assert.equal(code, 0, stdout);
  return JSON.parse(
    readFileSync(parseCommandFile(readFileSync(files.output, 'utf8'))['report-file']!, 'utf8'),
  );
}

const verdictRows = (report: { results: { image: string; target: string; verdict: string }[] }) =>
  report.results.map((result) => [result.image, result.target, result.verdict]);

test('zero config: the running workflow names the images it pushes, the cluster it deploys them to and what it applies there', async () => {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-workspace-'));
  mkdirSync(path.join(workspace, '.github', 'workflows'), { recursive: true });
  writeFileSync(
    path.join(workspace, '.github', 'workflows', 'deploy.yml'),
    [
      'jobs:',
      '  deploy:',
      '    steps:',
      '      - uses: aws-actions/configure-aws-credentials@v4',
      '        with: { role-to-assume: "arn:aws:iam::123456789012:role/deployer", aws-region: eu-west-1 }',
      '      - run: docker push 123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/api:${{ github.sha }}',
      '      - run: aws eks update-kubeconfig --name shop-prod',
      '      - run: kubectl apply -f k8s/ -n shop',
      '',
    ].join('\n'),
  );
  // What the job applies says what the cluster runs: the pull is planned at the container's line.
  mkdirSync(path.join(workspace, 'k8s'));
  writeFileSync(
    path.join(workspace, 'k8s', 'api.yaml'),
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: api }',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: api',
      '          image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/api:1',
      '',
    ].join('\n'),
  );
  const report = await reportOfRunningWorkflow(workspace, 'deploy.yml@refs/heads/main', {
    'fail-on': 'never',
    offline: 'true',
  });
  // Offline, the cluster's node roles are not known: unknown, saying how to give them.
  assert.deepEqual(verdictRows(report), [
    ['123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/api', 'shop-prod', 'unknown'],
  ]);
  assert.deepEqual(report.results[0].source.target, {
    file: 'k8s/api.yaml',
    line: 9,
    via: 'Deployment shop/api container api',
  });
  const [planned] = report.plan.targets;
  assert.deepEqual(
    [planned.target, planned.source.file, planned.source.line],
    ['shop-prod', '.github/workflows/deploy.yml', 7],
  );
  assert.match(
    planned.source.via,
    /^aws eks update-kubeconfig; images from 1 workload \(Deployment shop\/api in k8s\/api\.yaml\)$/,
  );
});

test('the demo: outputs, JSON report file, job summary, and a failed step', async () => {
  const { env, files, dir } = runnerEnv({ config: 'examples/pullcheck.yml', 'fail-on': 'denied' });
  const { code, stdout } = await runNode([ACTION], env);
  assert.equal(code, 1);
  assert.match(
    stdout,
    /::error::pullcheck: 1 denied, 0 unknown, 11 allowed of 12 pulls; CI path: 1 denied, 0 unknown, 2 allowed of 3 logins and pushes — gate fail/,
  );
  const out = parseCommandFile(readFileSync(files.output, 'utf8'));
  assert.deepEqual(
    { gate: out['gate'], allowed: out['allowed'], denied: out['denied'], unknown: out['unknown'] },
    { gate: 'fail', allowed: '11', denied: '1', unknown: '0' },
  );
  assert.equal(out['report-file'], path.join(dir, 'pullcheck-report.json'));
  assert.equal(JSON.parse(readFileSync(out['report-file']!, 'utf8')).summary.denied, 1);
  // The same report as SARIF, for github/codeql-action/upload-sarif.
  assert.equal(out['sarif-file'], path.join(dir, 'pullcheck-report.sarif'));
  const sarif = JSON.parse(readFileSync(out['sarif-file']!, 'utf8'));
  assert.equal(sarif.version, '2.1.0');
  assert.equal(
    sarif.runs[0].results.filter((result: { ruleId: string }) => result.ruleId === 'pull-denied').length,
    1,
  );
  assert.match(readFileSync(files.summary, 'utf8'), /^### ❌ pullcheck: 1 denied[\s\S]*<details>/);
  // The CI path (issue 18): the release job's login is refused, at its step, in the summary and the SARIF.
  const login = sarif.runs[0].results.find((result: { ruleId: string }) => result.ruleId === 'login-denied');
  assert.equal(
    login.locations[0].physicalLocation.artifactLocation.uri,
    'examples/.github/workflows/release.yml',
  );
  assert.equal(login.locations[0].physicalLocation.region.startLine, 23);
  assert.match(
    readFileSync(files.summary, 'utf8'),
    /#### CI path: login → push[\s\S]*login on push of tag v\\\* \| arn:aws:iam::123456789012:role\/github-release \| ❌ denied/,
  );
  // The whole path of an image: its job's login refused, its push allowed, its pulls one denied.
  assert.match(
    readFileSync(files.summary, 'utf8'),
    /\| 123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/team\/api \| \.github\/workflows\/release\.yml\\#images \| ❌ 1 \| ✅ allowed \| ❌ 1 · ✅ 1 \|/,
  );
});

test('fail-on never: the step passes with the same outputs', async () => {
  const { env, files } = runnerEnv({ config: 'examples/pullcheck.yml', 'fail-on': 'never' });
  const { code } = await runNode([ACTION], env);
  assert.equal(code, 0);
  assert.equal(parseCommandFile(readFileSync(files.output, 'utf8'))['gate'], 'pass');
});

test('a bad input fails the step naming the input', async () => {
  const { env } = runnerEnv({ config: 'examples/pullcheck.yml', 'fail-on': 'sometimes' });
  const { code, stdout } = await runNode([ACTION], env);
  assert.equal(code, 1);
  assert.match(stdout, /::error::pullcheck: input fail-on must be one of denied, unknown, never/);
});

test("a missing config file is named in the action's terms, never with a CLI flag", async () => {
  const { env } = runnerEnv({ config: 'no/such/pullcheck.yml' });
  const { code, stdout } = await runNode([ACTION], env);
  assert.equal(code, 1);
  assert.match(
    stdout,
    /::error file=no\/such\/pullcheck\.yml,line=1,col=1::cannot read the config file \(ENOENT\); set the `config` input/,
  );
  assert.doesNotMatch(stdout, /--config/);
});

test('a config error becomes an annotation at its file, line and column', async () => {
  const { env, dir } = runnerEnv({});
  writeFileSync(
    path.join(dir, 'pullcheck.yml'),
    'version: 1\ntargets:\n  - name: a\n    platform: eks\n    rolez: []\n',
  );
  env['INPUT_CONFIG'] = path.join(dir, 'pullcheck.yml');
  const { code, stdout } = await runNode([ACTION], env);
  assert.equal(code, 1);
  assert.match(stdout, /::error file=.*pullcheck\.yml,line=5,col=5::unknown key `rolez`/);
  // upload-sarif in a later step still finds its file: the error is a tool execution notification.
  const sarifFile = parseCommandFile(readFileSync(env['GITHUB_OUTPUT']!, 'utf8'))['sarif-file'];
  assert.equal(sarifFile, path.join(dir, 'pullcheck-report.sarif'));
  const sarif = JSON.parse(readFileSync(sarifFile!, 'utf8'));
  assert.deepEqual(sarif.runs[0].results, []);
  const [notification] = sarif.runs[0].invocations[0].toolExecutionNotifications;
  assert.equal(notification.level, 'error');
  assert.match(notification.message.text, /unknown key `rolez`/);
  assert.equal(notification.locations[0].physicalLocation.region.startLine, 5);
});

test('nothing to check is not a silent green: a warning and a summary line say what was read and how to add images and targets', async () => {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-empty-'));
  const { env, files } = runnerEnv({ offline: 'true' });
  env['GITHUB_WORKSPACE'] = workspace;
  const { code, stdout } = await runNode([ACTION], env, workspace);
  assert.equal(code, 0, stdout);
  const warning = stdout.split('\n').find((line) => line.includes('nothing-to-check'));
  assert.match(
    warning ?? stdout,
    /^::warning title=pullcheck%3A nothing-to-check::nothing to check, so nothing is proven: no images: the action inputs \(no config file\) lists none and no workflow was read; list them in the `images` input/,
  );
  assert.match(warning!, /no targets: add who pulls the images to the `targets` input/);
  assert.doesNotMatch(warning!, /--config|--workflow/, 'the action never names a CLI flag');
  const summary = readFileSync(files.summary, 'utf8');
  assert.match(summary, /no pulls to check/);
  assert.match(summary, /nothing to check, so nothing is proven/);
});

test('the running workflow (GITHUB_WORKFLOW_REF) is read once even when discover.workflows lists it too, and the report explains the plan', async () => {
  const { env, files } = runnerEnv({ config: 'examples/pullcheck.yml', 'fail-on': 'never' });
  env['GITHUB_WORKFLOW_REF'] = 'acme/shop/examples/.github/workflows/release.yml@refs/heads/main';
  const { code, stdout } = await runNode([ACTION], env);
  assert.equal(code, 0, stdout);
  const report = JSON.parse(
    readFileSync(parseCommandFile(readFileSync(files.output, 'utf8'))['report-file']!, 'utf8'),
  );
  const undiscovered = report.findings.filter(
    (finding: { kind: string }) => finding.kind === 'undiscovered-destination',
  );
  assert.deepEqual(
    undiscovered.map((finding: { file: string; line: number }) => [finding.file, finding.line]),
    [['examples/.github/workflows/release.yml', 44]],
  );
  assert.equal(report.plan.targets.at(-1).target, 'ocp/project-a/default');
  assert.match(
    readFileSync(files.summary, 'utf8'),
    /<summary>Plan: 7 images, 5 targets — where they came from<\/summary>/,
  );
});

test('without a config file, the running workflow alone names the images and the inputs the targets', async () => {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-workspace-'));
  mkdirSync(path.join(workspace, '.github', 'workflows'), { recursive: true });
  writeFileSync(
    path.join(workspace, '.github', 'workflows', 'ci.yml'),
    'jobs:\n  push:\n    steps:\n      - run: docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web:${{ github.sha }}\n',
  );
  const report = await reportOfRunningWorkflow(workspace, 'ci.yml@refs/pull/7/merge', {
    targets: '- { name: ci, platform: aws-role, roles: [arn:aws:iam::123456789012:role/ci] }',
    'fail-on': 'never',
    offline: 'true',
  });
  assert.deepEqual(verdictRows(report), [
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web', 'ci', 'unknown'],
  ]);
  assert.deepEqual(report.results[0].source.image, {
    file: '.github/workflows/ci.yml',
    line: 4,
    via: 'docker push',
  });
});
