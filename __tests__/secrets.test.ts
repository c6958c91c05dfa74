// Secrets seeded everywhere a user could put one — pullcheck's own process environment, URLs in the config
// and in workflow scripts, the action's inputs, committed pull secrets and keys — then every output of the
// real entry points is searched for them: the CLI as a process in every format (stdout, stderr, --output,
// --snapshot) and the bundled action as a process (log, outputs, job summary, JSON and SARIF report files,
// snapshot, and the pull request comment on a GitHub API on 127.0.0.1). None may appear anywhere.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { stringify } from 'yaml';
import { FakeGitHub } from './helpers/github-api.ts';
import { runNode } from './helpers/process.ts';
import { parseCommandFile } from './helpers/runner-files.ts';

const ACTION = path.resolve('dist/index.js');
const CLI = path.resolve('dist/cli.js');

const SECRETS = {
  /** In pullcheck's process environment; the workflow names the variable but never defines it. */
  env: 'env-secret-7f3a91c2d4',
  awsKey: 'AKIAFAKESECRET7Q2Z9X',
  awsSecret: 'aws-secret-b81c0e55a9d7',
  /** Written in URLs: a registry endpoint, a `git clone`, a push destination. */
  endpointPassword: 'url-secret-endpoint-41d9',
  clonePassword: 'ghs_urlsecretclone5e2b',
  pushPassword: 'url-secret-push-a3f7',
  /** Action inputs. */
  githubToken: 'ghs_FAKEinputToken0123456789SECRET',
  openshiftToken: 'sha256~input-openshift-secret-9c1e',
  /** Committed: a dockerconfigjson pull secret, a TLS key, a k3s registries.yaml password. */
  pullSecretPassword: 'pull-secret-password-66ad',
  privateKey: 'FAKE-PRIVATE-KEY-MATERIAL-0c7e2f',
  k3sPassword: 'k3s-registry-password-d2b4',
} as const;

/** Each secret as written, and base64-encoded forms a renderer might echo. */
const NEEDLES = Object.values(SECRETS).flatMap((secret) => [
  secret,
  Buffer.from(secret).toString('base64').slice(0, 16),
]);
NEEDLES.push(Buffer.from(`robot:${SECRETS.pullSecretPassword}`).toString('base64'));

const github = new FakeGitHub(SECRETS.githubToken);
before(async () => void (await github.start()));
after(async () => await github.stop());

/** A repository holding every kind of secret, and a config that reads all of it. */
function seededRepository(): string {
  const repo = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-secrets-'));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    writeFileSync(path.join(repo, file), text);
  };
  mkdirSync(path.join(repo, '.git'));
  write('.git/config', '[remote "origin"]\n\turl = https://github.com/acme/shop.git\n');
  write(
    '.github/workflows/release.yml',
    [
      'on: push',
      'env:',
      '  ECR: 123456789012.dkr.ecr.us-east-1.amazonaws.com',
      'jobs:',
      '  release:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      `      - run: git clone https://x-access-token:${SECRETS.clonePassword}@github.com/acme/tools.git`,
      '      - run: docker push $ECR/team/web:1.0',
      '      # DEPLOY_TOKEN is defined nowhere in the workflow: only in the runner process environment.',
      '      - run: docker push $ECR/team/$DEPLOY_TOKEN:1.0',
      '      - run: docker push ${{ env.DEPLOY_TOKEN }}.dkr.ecr.us-east-1.amazonaws.com/team/api:1.0',
      `      - run: docker push robot:${SECRETS.pushPassword}@registry.example.com/team/app:1.0`,
      '',
    ].join('\n'),
  );
  const dockerConfig = JSON.stringify({
    auths: {
      'quay.io': { auth: Buffer.from(`robot:${SECRETS.pullSecretPassword}`).toString('base64') },
    },
  });
  write(
    'deploy/k8s/secrets.yaml',
    stringify({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'quay-robot', namespace: 'shop' },
      type: 'kubernetes.io/dockerconfigjson',
      data: { '.dockerconfigjson': Buffer.from(dockerConfig).toString('base64') },
    }) +
      '---\n' +
      stringify({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'tls', namespace: 'shop' },
        type: 'kubernetes.io/tls',
        stringData: {
          'tls.key': `-----BEGIN PRIVATE KEY-----\n${SECRETS.privateKey}\n-----END PRIVATE KEY-----\n`,
        },
      }) +
      '---\n' +
      stringify({
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 'default', namespace: 'shop' },
        imagePullSecrets: [{ name: 'quay-robot' }],
      }),
  );
  write(
    'deploy/k3s/registries.yaml',
    stringify({
      configs: {
        '123456789012.dkr.ecr.us-east-1.amazonaws.com': {
          auth: { username: 'AWS', password: SECRETS.k3sPassword },
        },
      },
    }),
  );
  write(
    'pullcheck.yml',
    stringify({
      version: 1,
      discover: { workflows: ['.github/workflows/release.yml'] },
      images: ['quay.io/acme/agent:3.1'],
      targets: [
        { name: 'apps', platform: 'kubernetes', namespace: 'shop' },
        { name: 'edge', platform: 'k3s', registriesFile: 'deploy/k3s/registries.yaml' },
      ],
      facts: { kubernetes: { manifests: ['deploy/k8s/*.yaml'] } },
      endpoints: {
        registries: {
          '123456789012.dkr.ecr.us-east-1.amazonaws.com': `https://ci:${SECRETS.endpointPassword}@127.0.0.1:9`,
        },
      },
    }),
  );
  return repo;
}

/** The process environment a runner (or a developer's shell) hands pullcheck, secrets included. */
function secretEnvironment(): NodeJS.ProcessEnv {
  return {
    DEPLOY_TOKEN: SECRETS.env,
    AWS_ACCESS_KEY_ID: SECRETS.awsKey,
    AWS_SECRET_ACCESS_KEY: SECRETS.awsSecret,
    GITHUB_REPOSITORY: 'acme/shop',
  };
}

function assertClean(texts: Record<string, string>): void {
  let searched = 0;
  for (const [where, text] of Object.entries(texts)) {
    // `::add-mask::` is how the runner learns what to hide; it never reaches the log itself.
    const visible = text
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    searched += visible.length;
    for (const needle of NEEDLES) assert.ok(!visible.includes(needle), `${needle} leaked into ${where}`);
  }
  assert.ok(searched > 10_000, `too little output was searched (${searched} characters)`);
}

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
