// The CI path in the bundled action, as a process with the runner's environment: the running workflow's
// OIDC login is decided with the repository's subject template read live from a GitHub REST server on
// 127.0.0.1 (GET /repos/OWNER/REPO/actions/oidc/customization/sub), and the token never shows.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { stringify } from 'yaml';
import { runNode } from '../helpers/process.ts';
import { parseCommandFile } from '../helpers/runner-files.ts';

const ACTION = path.resolve('dist/index.js');
const TOKEN = 'ghs_FAKEciPathToken0123456789abcdefABCD';
const SECRET = 'seeded-secret-never-shown-7f3a';
const ROLE = 'arn:aws:iam::123456789012:role/deploy';
const PROVIDER = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';
let server: Server;
let apiUrl = '';
const seen: { path: string; authorization: string | undefined }[] = [];
let template: { status: number; body: unknown } = { status: 200, body: {} };

before(async () => {
  server = createServer((request, response) => {
    const at = new URL(request.url ?? '/', 'http://x').pathname;
    seen.push({ path: at, authorization: request.headers.authorization });
    const answer =
      at === '/repos/acme/shop/actions/oidc/customization/sub'
        ? template
        : { status: 404, body: { message: 'Not Found' } };
    response.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** A workspace whose running workflow logs in to AWS in environment production and pushes one image. */
function workspace(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-ci-action-'));
  mkdirSync(path.join(root, '.github', 'workflows'), { recursive: true });
  writeFileSync(
    path.join(root, '.github', 'workflows', 'release.yml'),
    [
      'on:',
      '  push:',
      '    branches: [main]',
      'permissions: { id-token: write, contents: read }',
      'jobs:',
      '  release:',
      '    environment: production',
      '    steps:',
      '      - uses: aws-actions/configure-aws-credentials@v4',
      `        with: { role-to-assume: "${ROLE}", aws-region: us-east-1 }`,
      '      - run: docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:${{ github.sha }}',
      '',
    ].join('\n'),
  );
  const trust = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: PROVIDER },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'token.actions.githubusercontent.com:sub': 'repo:acme/shop:ref:refs/heads/main' },
        },
      },
    ],
  };
  writeFileSync(
    path.join(root, '.github', 'pullcheck.yml'),
    stringify({
      version: 1,
      facts: {
        aws: {
          oidcProviders: [{ arn: PROVIDER, clientIds: ['sts.amazonaws.com'] }],
          roles: [
            {
              arn: ROLE,
              managedPolicies: ['arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser'],
              trustPolicy: trust,
            },
          ],
          repositories: [{ arn: 'arn:aws:ecr:us-east-1:123456789012:repository/shop/api', policy: null }],
        },
      },
    }),
  );
  return root;
}

async function runAction(root: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-ci-runner-'));
  const files = { output: path.join(dir, 'output'), summary: path.join(dir, 'summary.md') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const env: NodeJS.ProcessEnv = {
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: dir,
    HOME: dir,
    GITHUB_WORKSPACE: root,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_REPOSITORY_ID: '4242',
    GITHUB_WORKFLOW_REF: 'acme/shop/.github/workflows/release.yml@refs/heads/main',
    GITHUB_API_URL: apiUrl,
    AWS_EC2_METADATA_DISABLED: 'true',
    METADATA_SERVER_DETECTION: 'none',
    AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE',
    AWS_SECRET_ACCESS_KEY: SECRET,
    'INPUT_GITHUB-TOKEN': TOKEN,
    INPUT_LOGIN: 'false',
    INPUT_OFFLINE: 'false',
    INPUT_COMMENT: 'never',
  };
  const run = await runNode([ACTION], env, root);
  const outputs = parseCommandFile(readFileSync(files.output, 'utf8'));
  const report = JSON.parse(readFileSync(outputs['report-file']!, 'utf8'));
  // `::add-mask::` is how the runner learns what to hide; it never reaches the log itself.
  const logged = (text: string) =>
    text
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
  const everything = [
    logged(run.stdout),
    logged(run.stderr),
    readFileSync(files.summary, 'utf8'),
    JSON.stringify(report),
  ].join('\n');
  return { run, report, everything };
}

test("the action reads the subject template live and refuses the environment job's login, naming the sub to add; no token shows", async () => {
  template = { status: 200, body: { use_default: true, sub_claim_prefix: 'repo:acme/shop' } };
  seen.length = 0;
  const { run, report, everything } = await runAction(workspace());
  assert.equal(run.code, 1, run.stdout);
  assert.deepEqual(
    seen.map((request) => [request.path, request.authorization]),
    [['/repos/acme/shop/actions/oidc/customization/sub', `token ${TOKEN}`]],
  );
  const login = report.ci.find((row: { kind: string }) => row.kind === 'login');
  assert.equal(login.verdict, 'denied', login.reasons.join('\n'));
  assert.equal(login.trigger, 'push to main');
  assert.match(login.missing[0].fix.text, /repo:acme\/shop:environment:production/);
  for (const secret of [TOKEN, SECRET]) {
    const at = everything.indexOf(secret);
    assert.ok(at === -1, `${secret} shown: …${everything.slice(Math.max(0, at - 300), at + 60)}`);
  }
});

test('a refused read of the template leaves sub unknown, says why in the log, and the gate does not fail on it', async () => {
  template = { status: 403, body: { message: 'Resource not accessible by integration' } };
  const { run, report, everything } = await runAction(workspace());
  assert.equal(run.code, 0, run.stdout);
  assert.match(
    run.stdout,
    /the OIDC subject template of acme\/shop is not known: GitHub refused GET .* \(403\)/,
  );
  const login = report.ci.find((row: { kind: string }) => row.kind === 'login');
  assert.equal(login.verdict, 'unknown');
  for (const secret of [TOKEN, SECRET]) assert.ok(!everything.includes(secret), `${secret} shown`);
});
