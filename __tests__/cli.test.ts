// The bundled CLI (dist/cli.js) as a process: exit codes, formats, errors without stack traces (the table
// of bad inputs runs its first case as a process and the rest in process, through the same runCli).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runCliInProcess } from './helpers/cli-formats.ts';
import { runNode } from './helpers/process.ts';
import { RESULT_FIELDS } from './helpers/report-contract.ts';

const CLI = path.resolve('dist/cli.js');
const DEMO = 'examples/pullcheck.yml';

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'pullcheck-cli-'));
}

test('the demo: one denied pull fails the gate (exit 1) and names the fix', async () => {
  const { code, stdout, stderr } = await runNode([CLI, 'check', '--config', DEMO, '--offline']);
  assert.equal(code, 1, stderr);
  assert.match(
    stdout,
    /^pullcheck: 1 denied, 0 unknown, 11 allowed of 12 pulls; CI path: 1 denied, 0 unknown, 2 allowed of 3 logins and pushes — gate fail/,
  );
  // The release job's environment: changes its token's sub, which the role's trust policy refuses.
  assert.match(
    stdout,
    /DENIED {2}login \.github\/workflows\/release\.yml#images \[push of tag v\*\] as arn:aws:iam::123456789012:role\/github-release\n {8}missing on the trust side: sts:AssumeRoleWithWebIdentity\n {8}fix: .*add "repo:acme\/shop:environment:production" to the StringLike condition/,
  );
  assert.match(
    stdout,
    /ALLOWED push 123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/team\/api as arn:aws:iam::123456789012:role\/github-release/,
  );
  assert.match(
    stdout,
    /DENIED {2}123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/team\/api -> prod-eks \(arn:aws:iam::210987654321:role\/eks\/prod-nodes\)/,
  );
  assert.match(
    stdout,
    /aws ecr set-repository-policy --registry-id 123456789012 --region us-east-1 --repository-name team\/api/,
  );
});

test('--format json prints exactly the SPEC §5 report', async () => {
  const { code, stdout } = await runNode([CLI, 'check', '--config', DEMO, '--offline', '--format', 'json']);
  assert.equal(code, 1);
  const report = JSON.parse(stdout);
  assert.deepEqual(Object.keys(report), ['version', 'summary', 'results', 'ci', 'findings', 'plan']);
  assert.deepEqual(report.summary, {
    allowed: 11,
    denied: 1,
    unknown: 0,
    gate: 'fail',
    ci: { allowed: 2, denied: 1, unknown: 0 },
  });
  const login = report.ci.find((row: { kind: string }) => row.kind === 'login');
  assert.deepEqual(Object.keys(login), [
    'kind',
    'job',
    'trigger',
    'identity',
    'verdict',
    'reasons',
    'missing',
    'source',
  ]);
  assert.equal(login.verdict, 'denied');
  assert.equal(login.missing[0].side, 'trust');
  assert.deepEqual(login.source, {
    file: 'examples/.github/workflows/release.yml',
    line: 23,
    via: 'aws-actions/configure-aws-credentials',
  });
  const denied = report.results.find((result: { verdict: string }) => result.verdict === 'denied');
  assert.deepEqual(Object.keys(denied), RESULT_FIELDS);
  assert.equal(denied.image, '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api');
  assert.equal(denied.registry, 'ecr');
  assert.equal(denied.missing[0].side, 'resource');
  assert.deepEqual(Object.keys(denied.missing[0].fix.snippets), ['json', 'cli', 'terraform']);
});

test('--fail-on never passes the gate; --fail-on unknown counts unknowns', async () => {
  assert.equal((await runNode([CLI, 'check', '--config', DEMO, '--fail-on', 'never'])).code, 0);
  const dir = tempDir();
  writeFileSync(
    path.join(dir, 'c.yml'),
    'version: 1\nimages: [123456789012.dkr.ecr.us-east-1.amazonaws.com/web]\ntargets:\n  - { name: t, platform: aws-role, roles: [arn:aws:iam::123456789012:role/unlisted] }\n',
  );
  const config = path.join(dir, 'c.yml');
  assert.equal((await runNode([CLI, 'check', '--config', config])).code, 0);
  const strict = await runNode([CLI, 'check', '--config', config, '--fail-on', 'unknown']);
  assert.equal(strict.code, 1);
  assert.match(
    strict.stdout,
    /UNKNOWN .*\n {8}why: role arn:aws:iam::123456789012:role\/unlisted is not in facts\.aws\.roles/,
  );
});

test('--output writes the report to a file and keeps stdout empty', async () => {
  const output = path.join(tempDir(), 'report.md');
  const { code, stdout, stderr } = await runNode([
    CLI,
    'check',
    '--config',
    DEMO,
    '--format',
    'markdown',
    '--output',
    output,
  ]);
  assert.equal(code, 1);
  assert.equal(stdout, '');
  assert.match(stderr, /1 denied/);
  assert.match(readFileSync(output, 'utf8'), /^### ❌ pullcheck: 1 denied/);
});

test('`pullcheck schema` prints the published JSON Schema', async () => {
  const { code, stdout } = await runNode([CLI, 'schema']);
  assert.equal(code, 0);
  assert.deepEqual(JSON.parse(stdout), JSON.parse(readFileSync('schema/pullcheck.schema.json', 'utf8')));
});

const badInputs: { name: string; config: string; args?: string[]; stderr: RegExp }[] = [
  { name: 'unknown key', config: 'version: 1\nimagez: []\n', stderr: /c\.yml:2:1: unknown key `imagez`/ },
  {
    name: 'YAML syntax error',
    config: 'version: 1\nimages:\n  - a\n - b\n',
    stderr: /c\.yml:4:1: YAML syntax error/,
  },
  {
    name: 'missing file:',
    config:
      'version: 1\nfacts:\n  aws:\n    roles:\n      - arn: arn:aws:iam::123456789012:role/r\n        policies: [{ file: gone.json }]\n',
    stderr: /c\.yml:6:28: cannot read gone\.json \(ENOENT\)/,
  },
  {
    name: 'invalid policy JSON',
    config:
      'version: 1\nfacts:\n  aws:\n    repositories:\n      - arn: arn:aws:ecr:us-east-1:123456789012:repository/web\n        policy: { file: bad.json }\n',
    stderr: /bad\.json:2:\d+: invalid JSON/,
  },
  {
    name: 'invalid image reference',
    config: 'version: 1\nimages: ["Nginx:latest"]\n',
    stderr: /c\.yml:2:10: invalid image reference "Nginx:latest"/,
  },
  {
    name: 'missing config file',
    config: '',
    args: ['--config', 'does-not-exist.yml'],
    stderr: /does-not-exist\.yml:1:1: cannot read the config file \(ENOENT\)/,
  },
  {
    name: 'unknown option',
    config: 'version: 1\n',
    args: ['--frmat', 'json'],
    stderr: /Unknown option '--frmat'[\s\S]*usage:/,
  },
  {
    name: 'bad --format',
    config: 'version: 1\n',
    args: ['--format', 'yaml'],
    stderr: /--format must be one of: json, markdown, text/,
  },
];

// The first case through the bundle's process, the rest through runCli in this process (in the same folder).
for (const [index, bad] of badInputs.entries()) {
  test(`bad input exits 2 with its location and no stack trace: ${bad.name}`, async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'c.yml'), bad.config);
    writeFileSync(path.join(dir, 'bad.json'), '{\n  "Statement": [}\n');
    const argv = ['check', ...(bad.args ?? ['--config', 'c.yml'])];
    const { code, stdout, stderr } =
      index === 0 ? await runNode([CLI, ...argv], {}, dir) : await inFolder(dir, argv);
    assert.equal(code, 2, stderr);
    assert.equal(stdout, '');
    assert.match(stderr, bad.stderr);
    assert.doesNotMatch(stderr, /\n\s+at .*\(.*:\d+:\d+\)/, 'no stack trace');
  });
}

/** runCli in this process, run from `dir` (node:test runs a file's tests one after another). */
async function inFolder(dir: string, argv: readonly string[]) {
  const back = process.cwd();
  process.chdir(dir);
  try {
    return await runCliInProcess(argv);
  } finally {
    process.chdir(back);
  }
}

test('a large JSON report reaches a pipe complete (exitCode, not process.exit)', async () => {
  const dir = tempDir();
  const images = Array.from(
    { length: 1500 },
    (_, i) => `  - 123456789012.dkr.ecr.us-east-1.amazonaws.com/svc-${i}:1.0.${i}`,
  );
  writeFileSync(
    path.join(dir, 'c.yml'),
    [
      'version: 1',
      'images:',
      ...images,
      'targets:',
      '  - name: prod',
      '    platform: eks',
      '    roles: [arn:aws:iam::123456789012:role/a, arn:aws:iam::123456789012:role/b]',
      'facts:',
      '  aws:',
      '    roles:',
      '      - { arn: "arn:aws:iam::123456789012:role/a", managedPolicies: [arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly] }',
      '      - { arn: "arn:aws:iam::123456789012:role/b", managedPolicies: [arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy] }',
    ].join('\n'),
  );
  const { code, stdout } = await runNode([CLI, 'check', '--config', 'c.yml', '--format', 'json'], {}, dir);
  assert.equal(code, 1);
  assert.ok(stdout.length > 1_000_000, `report is ${stdout.length} bytes`);
  const report = JSON.parse(stdout);
  assert.equal(report.results.length, 3000);
  assert.deepEqual(report.summary, { allowed: 1500, denied: 1500, unknown: 0, gate: 'fail' });
});
