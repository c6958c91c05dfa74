// Files the config names are read only inside the repository, regular and at most 10 MB, and what is
// echoed back is bounded: each case runs the CLI entry (runCli) in process against a folder on disk.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { MAX_SHOWN_PROBLEMS } from '../../src/core/errors.ts';
import { runCliInProcess, type CliResult } from '../helpers/cli-formats.ts';

const SECRET = 'FAKE-SECRET-d41d8cd98f00';
const ROLE = 'arn:aws:iam::123456789012:role/ci';

const folders: string[] = [];
after(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A fresh folder with `files` written into it (a `.git` entry makes it a checkout). */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-user-files-'));
  folders.push(dir);
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

/** A folder outside every test repository, holding a file with a secret in it. */
const outside = folder({
  'secret.json': `{"Version": "${SECRET}", }`,
  'secret.yaml': `password: ${SECRET}\n`,
});
const outsideFile = path.join(outside, 'secret.json');

function check(config: string, args: readonly string[] = []): Promise<CliResult> {
  return runCliInProcess(['check', '--offline', '--config', config, ...args]);
}

function policyConfig(file: string): string {
  return `version: 1\nfacts:\n  aws:\n    roles:\n      - arn: ${ROLE}\n        policies: [{ file: ${JSON.stringify(file)} }]\n`;
}

function k3sConfig(registriesFile: string): string {
  return `version: 1\nimages: [ghcr.io/acme/web]\ntargets:\n  - name: edge\n    platform: k3s\n    registriesFile: ${JSON.stringify(registriesFile)}\n`;
}

function manifestsConfig(paths: readonly string[], extra = ''): string {
  return `version: 1\ndiscover:\n  manifests:\n    - target: ocp\n      paths: ${JSON.stringify(paths)}\n${extra}targets:\n  - { name: ocp, platform: openshift, namespace: a }\n`;
}

const DEPLOYMENT =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web, namespace: a }\nspec:\n  template:\n    spec:\n      containers: [{ name: web, image: ghcr.io/acme/web:1 }]\n';

interface RefusedCase {
  readonly name: string;
  readonly files: (dir: string) => Record<string, string>;
  /** Run inside the folder: the config's file name, and more arguments. */
  readonly config?: string;
  readonly args?: (dir: string) => string[];
  /** After the files are written (symlinks, FIFOs). */
  readonly setup?: (dir: string) => void;
  readonly where: RegExp;
  readonly message: RegExp;
}

const refused: RefusedCase[] = [
  {
    name: 'a policy `file:` that climbs out of the repository',
    files: () => ({ 'pullcheck.yml': policyConfig('../../../../../../../../etc/passwd') }),
    where: /pullcheck\.yml:6:28: /,
    message: /etc\/passwd is outside the repository \(.*\): only files inside it are read/,
  },
  {
    name: 'a policy `file:` written as an absolute path outside the repository',
    files: () => ({ 'pullcheck.yml': policyConfig(outsideFile) }),
    where: /pullcheck\.yml:6:28: /,
    message: /secret\.json is outside the repository/,
  },
  {
    name: 'a policy `file:` that is a symlink inside the repository to a file outside it',
    files: () => ({ 'pullcheck.yml': policyConfig('iam/node.json') }),
    setup: (dir) => {
      mkdirSync(path.join(dir, 'iam'));
      symlinkSync(outsideFile, path.join(dir, 'iam', 'node.json'));
    },
    where: /pullcheck\.yml:6:28: /,
    message: /iam\/node\.json is outside the repository \(.*; it resolves to .*secret\.json\)/,
  },
  {
    name: 'a policy `file:` larger than 10 MB (the file and the limit are named)',
    files: () => ({
      'pullcheck.yml': policyConfig('iam/big.json'),
      'iam/big.json': `{"Statement": [${'"x",'.repeat(2_700_000)}"x"]}`,
    }),
    where: /pullcheck\.yml:6:28: /,
    message: /iam\/big\.json is larger than 10 MB \(10\.3 MB\): files are read up to 10 MB/,
  },
  {
    name: 'a registriesFile given as an absolute path outside the repository',
    files: () => ({ 'pullcheck.yml': k3sConfig('/etc/passwd') }),
    where: /pullcheck\.yml:6:21: /,
    message: /\/etc\/passwd is outside the repository/,
  },
  {
    name: 'a registriesFile that is a FIFO (read without waiting for a writer)',
    files: () => ({ 'pullcheck.yml': k3sConfig('k3s/registries.yaml') }),
    setup: (dir) => {
      mkdirSync(path.join(dir, 'k3s'));
      execFileSync('mkfifo', [path.join(dir, 'k3s', 'registries.yaml')]);
    },
    where: /pullcheck\.yml:6:21: /,
    message: /k3s\/registries\.yaml is not a regular file: only regular files are read/,
  },
  {
    name: 'discover.manifests naming the file system root',
    files: () => ({ 'pullcheck.yml': manifestsConfig(['/']) }),
    where: /pullcheck\.yml:5:15: /,
    message: /the pattern `\/` leaves the repository \(.*\): only files inside it are read/,
  },
  {
    name: 'discover.manifests with a glob that climbs out of the repository',
    files: () => ({ 'pullcheck.yml': manifestsConfig(['../../../../../../../../etc/*']) }),
    where: /pullcheck\.yml:5:15: /,
    message: /leaves the repository/,
  },
  {
    name: 'discover.manifests with `..` after a wildcard',
    files: () => ({ 'pullcheck.yml': manifestsConfig(['deploy/*/../../../..']) }),
    where: /pullcheck\.yml:5:15: /,
    message: /uses `\.\.` after a wildcard or inside braces/,
  },
  {
    name: 'discover.manifests with `..` inside braces',
    files: () => ({ 'pullcheck.yml': manifestsConfig(['deploy/{a,../../..}/etc']) }),
    where: /pullcheck\.yml:5:15: /,
    message: /uses `\.\.` after a wildcard or inside braces/,
  },
  {
    name: 'discover.manifests whose glob matches a symlink to a file outside the repository',
    files: () => ({ 'pullcheck.yml': manifestsConfig(['deploy/*.yaml']), 'deploy/web.yaml': DEPLOYMENT }),
    setup: (dir) => symlinkSync(path.join(outside, 'secret.yaml'), path.join(dir, 'deploy', 'leak.yaml')),
    where: /pullcheck\.yml:5:15: /,
    message:
      /matches (\.\.\/)*[^ ]*deploy\/leak\.yaml, which resolves to .*secret\.yaml, outside the repository/,
  },
  {
    name: 'discover.manifests matching a manifest larger than 10 MB',
    files: () => ({
      'pullcheck.yml': manifestsConfig(['deploy']),
      'deploy/web.yaml': DEPLOYMENT,
      'deploy/huge.yaml': `# ${'x'.repeat(11 * 1024 * 1024)}\n`,
    }),
    where: /pullcheck\.yml:5:15: /,
    message: /deploy\/huge\.yaml is larger than 10 MB \(11\.0 MB\)/,
  },
  {
    name: 'a glob thousands of characters long',
    files: () => ({ 'pullcheck.yml': manifestsConfig([`deploy/${'a'.repeat(70_000)}*.yaml`]) }),
    where: /pullcheck\.yml:5:15: /,
    message: /the pattern is 70013 characters long: at most 1000 are read/,
  },
  {
    name: 'a glob whose wildcards would take exponential time to match',
    files: () => ({ 'pullcheck.yml': manifestsConfig(['deploy/*a*a*a*a*a*a*a*ab']) }),
    where: /pullcheck\.yml:5:15: /,
    message: /has more than 4 wildcards/,
  },
  {
    name: 'a glob matching more than 10,000 files',
    files: () => ({ 'pullcheck.yml': manifestsConfig(['many/*.txt']) }),
    setup: (dir) => {
      mkdirSync(path.join(dir, 'many'));
      for (let i = 0; i <= 10_000; i++) writeFileSync(path.join(dir, 'many', `${i}.txt`), '');
    },
    where: /pullcheck\.yml:5:15: /,
    message: /matches 10,001 entries: at most 10,000 are read/,
  },
  {
    name: 'a Helm values file outside the repository',
    files: () => ({
      'pullcheck.yml': manifestsConfig(
        ['charts/web'],
        `      helm: { values: [${JSON.stringify(path.join(outside, 'secret.yaml'))}] }\n`,
      ),
      'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
    }),
    where: /pullcheck\.yml:6:24: /,
    message: /secret\.yaml is outside the repository/,
  },
  {
    name: 'facts.kubernetes.manifests with a glob outside the repository',
    files: () => ({
      'pullcheck.yml': `version: 1\nimages: [ghcr.io/acme/web]\ntargets:\n  - { name: k, platform: kubernetes, namespace: a }\nfacts:\n  kubernetes:\n    manifests: ['${outside}/*.yaml']\n`,
    }),
    where: /pullcheck\.yml:7:17: /,
    message: /leaves the repository/,
  },
  {
    name: 'discover.workflows with a glob outside the repository',
    files: () => ({
      'pullcheck.yml': `version: 1\ndiscover:\n  workflows: ['../*/secret.yaml']\n`,
    }),
    where: /pullcheck\.yml:3:15: /,
    message: /leaves the repository/,
  },
  {
    name: '--workflow naming a file outside the repository',
    files: () => ({ 'pullcheck.yml': 'version: 1\n' }),
    args: () => ['--workflow', outsideWorkflow],
    where: /release\.yml:1:1: /,
    message: /release\.yml is outside the repository/,
  },
];

const outsideWorkflow = path.join(
  folder({ 'release.yml': 'on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{ run: echo }]\n' }),
  'release.yml',
);

for (const { name, files, setup, args, where, message } of refused) {
  test(`refused with exit 2 at the config's line: ${name}`, async () => {
    const dir = folder(files(''));
    setup?.(dir);
    const run = await check(path.join(dir, 'pullcheck.yml'), args?.(dir) ?? []);
    assert.equal(run.code, 2, `${run.stderr}${run.stdout}`);
    const error = run.stderr.split('\n').find((line) => line.startsWith('pullcheck: error: ')) ?? '';
    assert.match(error, where, run.stderr);
    assert.match(error, message, run.stderr);
    assert.ok(!run.stderr.includes(SECRET), 'the message quotes the file');
  });
}

test('the repository of a config in a checkout is the checkout: `.github/pullcheck.yml` names deploy/ and policies beside it, nothing outside', async () => {
  const config = (policy: string) =>
    manifestsConfig(['../deploy']).replace(
      'version: 1\n',
      `version: 1\nfacts:\n  aws:\n    roles:\n      - arn: ${ROLE}\n        policies: [{ file: ${JSON.stringify(policy)} }]\n`,
    );
  const dir = folder({
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.github/pullcheck.yml': config('../iam/ci.json'),
    '.github/outside.yml': config(outsideFile),
    'deploy/web.yaml': DEPLOYMENT,
    'iam/ci.json': JSON.stringify({ Version: '2012-10-17', Statement: [] }),
  });
  const inside = await check(path.join(dir, '.github', 'pullcheck.yml'), ['--fail-on', 'never']);
  assert.equal(inside.code, 0, inside.stderr);
  const beyond = await check(path.join(dir, '.github', 'outside.yml'));
  assert.equal(beyond.code, 2, beyond.stdout);
  assert.match(beyond.stderr, /secret\.json is outside the repository/);
});

test("outside a checkout, the repository is the config's folder: `../` is refused", async () => {
  const dir = folder({ 'conf/pullcheck.yml': policyConfig('../iam/ci.json'), 'iam/ci.json': '{}' });
  const run = await check(path.join(dir, 'conf', 'pullcheck.yml'));
  assert.equal(run.code, 2, run.stdout);
  assert.match(run.stderr, /iam\/ci\.json is outside the repository \(.*conf\)/);
});

test('in Actions the workspace is the repository, for a config inside it', async () => {
  const workspace = folder({
    'ci/pullcheck.yml': policyConfig('../iam/ci.json'),
    'ci/outside.yml': policyConfig(outsideFile),
    'iam/ci.json': '{}',
  });
  const saved = process.env['GITHUB_WORKSPACE'];
  process.env['GITHUB_WORKSPACE'] = workspace;
  try {
    const inside = await check(path.join(workspace, 'ci', 'pullcheck.yml'));
    assert.doesNotMatch(inside.stderr, /outside the repository/);
    const beyond = await check(path.join(workspace, 'ci', 'outside.yml'));
    assert.ok(beyond.stderr.includes(`secret.json is outside the repository (${workspace})`), beyond.stderr);
  } finally {
    if (saved === undefined) delete process.env['GITHUB_WORKSPACE'];
    else process.env['GITHUB_WORKSPACE'] = saved;
  }
});

test('a kustomization resource outside the repository is a finding, and is not read', async () => {
  const dir = folder({
    'pullcheck.yml': manifestsConfig(['deploy']),
    'deploy/kustomization.yaml': `resources:\n  - web.yaml\n  - ${path.join(outside, 'secret.yaml')}\n`,
    'deploy/web.yaml': DEPLOYMENT,
  });
  const run = await check(path.join(dir, 'pullcheck.yml'), ['--format', 'json', '--fail-on', 'never']);
  assert.equal(run.code, 0, run.stderr);
  const report = JSON.parse(run.stdout) as { findings: { file: string; line?: number; message: string }[] };
  const finding = report.findings.find((f) => /outside the repository/.test(f.message));
  assert.ok(finding, JSON.stringify(report.findings));
  assert.equal(finding.line, 3);
  assert.ok(!run.stdout.includes(SECRET));
});

test('a policy file that is not JSON is reported at its position, without repeating its text', async () => {
  const dir = folder({
    'pullcheck.yml': policyConfig('iam/node.json'),
    'iam/node.json': `{\n  "Version": "2012-10-17",\n  "Statement": ${SECRET}\n}\n`,
  });
  const run = await check(path.join(dir, 'pullcheck.yml'));
  assert.equal(run.code, 2);
  assert.match(run.stderr, /iam\/node\.json:3:\d+: invalid JSON in .*node\.json/);
  assert.ok(!run.stderr.includes(SECRET.slice(0, 6)), run.stderr);
});

test('a JSON string policy in the config is reported without repeating its text', async () => {
  const dir = folder({
    'pullcheck.yml': `version: 1\nfacts:\n  aws:\n    roles:\n      - arn: ${ROLE}\n        policies: ['{"Statement": ${SECRET}}']\n`,
  });
  const run = await check(path.join(dir, 'pullcheck.yml'));
  assert.equal(run.code, 2);
  assert.match(run.stderr, /invalid JSON in the JSON string/);
  assert.ok(!run.stderr.includes(SECRET.slice(0, 6)), run.stderr);
});

test(`a YAML error cascade shows the first ${MAX_SHOWN_PROBLEMS} problems and counts the rest`, async () => {
  // Each line is a mistake of its own: a mapping nested in a compact one.
  const lines = Array.from({ length: 200 }, (_, i) => `  - a: b: c${i}`);
  const dir = folder({ 'pullcheck.yml': `version: 1\nimages:\n${lines.join('\n')}\n` });
  const run = await check(path.join(dir, 'pullcheck.yml'));
  assert.equal(run.code, 2);
  const errors = run.stderr.trim().split('\n');
  assert.equal(errors.length, MAX_SHOWN_PROBLEMS + 1, run.stderr.slice(0, 3000));
  assert.match(errors.at(-1)!, /pullcheck\.yml:23:\d+: … and 180 more YAML syntax errors/);
});

test(`a config with thousands of schema problems shows the first ${MAX_SHOWN_PROBLEMS} and counts the rest`, async () => {
  const keys = Array.from({ length: 5_000 }, (_, i) => `unknown${i}: 1`);
  const dir = folder({ 'pullcheck.yml': `version: 1\n${keys.join('\n')}\n` });
  const run = await check(path.join(dir, 'pullcheck.yml'));
  assert.equal(run.code, 2);
  const errors = run.stderr.trim().split('\n');
  assert.equal(errors.length, MAX_SHOWN_PROBLEMS + 1, run.stderr.slice(0, 3000));
  assert.match(errors.at(-1)!, /pullcheck\.yml:22:\d+: … and 4980 more problems/);
});
