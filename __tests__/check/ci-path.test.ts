// The CI path end to end in process (issue 18): discovery finds each job's OIDC logins and what the job
// pushes after them, the tokens are predicted per event, the real provider rules decide each login and
// push, and the report counts, renders and gates the rows.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { FailOn, Report } from '../../src/core/report-model.ts';
import { discover, discoverFromWorkflow } from '../../src/discover/index.ts';
import { ciSites } from '../../src/check/ci-sites.ts';
import { loadConfigFile } from '../../src/core/config/load.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { renderSarif } from '../../src/report/sarif.ts';
import { renderText } from '../../src/report/text.ts';
import { awsCiConfig, checkCi, ECR, githubTrust, repositoryWith, ROLE } from '../helpers/ci-path.ts';

/** GitHub's provider may assume the role for the token's audience and a `sub` matching `sub`. */
const awsConfig = (sub: string, extra: Record<string, unknown> = {}) =>
  awsCiConfig(
    githubTrust({
      StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
      StringLike: { 'token.actions.githubusercontent.com:sub': sub },
    }),
    extra,
  );
const repository = repositoryWith;

const DEPLOY = (jobLines: string[], idToken = true) =>
  [
    'on:',
    '  push:',
    '    branches: [main]',
    '  pull_request:',
    ...(idToken ? ['permissions: { id-token: write, contents: read }'] : []),
    'jobs:',
    '  release:',
    '    runs-on: ubuntu-latest',
    ...jobLines,
    '    steps:',
    '      - uses: aws-actions/configure-aws-credentials@v4',
    `        with: { role-to-assume: "${ROLE}", aws-region: us-east-1 }`,
    `      - run: docker push ${ECR}/shop/api:\${{ github.sha }}`,
    '',
  ].join('\n');

const check = (configFile: string, failOn: FailOn = 'denied'): Report => checkCi(configFile, failOn);

test('a job with environment: presents the environment in sub: its login is denied for every event, with the value to add; the push is still checked for the role', () => {
  const config = repository(
    { '.github/workflows/release.yml': DEPLOY(['    environment: production']) },
    awsConfig('repo:acme/shop:ref:refs/heads/main', {
      discover: { workflows: ['workflows/*.yml'], variables: { 'github.repository': 'acme/shop' } },
    }),
  );
  const report = check(config);
  const rows = (report.ci ?? []).map((row) => [row.kind, row.trigger ?? row.image, row.verdict]);
  assert.deepEqual(rows, [
    ['login', 'push to main', 'denied'],
    ['login', 'pull_request into any branch', 'denied'],
    ['push', `${ECR}/shop/api`, 'allowed'],
  ]);
  const login = report.ci![0]!;
  assert.equal(login.job, '.github/workflows/release.yml#release');
  assert.equal(login.missing[0]!.side, 'trust');
  assert.match(login.missing[0]!.fix.text, /repo:acme\/shop:environment:production/);
  assert.equal(report.ci![2]!.identity, ROLE);
  assert.deepEqual(report.summary.ci, { allowed: 1, denied: 2, unknown: 0 });
  assert.equal(report.summary.gate, 'fail');
});

test('the same job without an environment logs in on main, and is refused for pull requests only', () => {
  const config = repository(
    { '.github/workflows/release.yml': DEPLOY([]) },
    awsConfig('repo:acme/shop:ref:refs/heads/main'),
  );
  const verdicts = (check(config).ci ?? []).map((row) => `${row.kind} ${row.trigger ?? ''} ${row.verdict}`);
  assert.deepEqual(verdicts, [
    'login push to main allowed',
    'login pull_request into any branch denied',
    'push  allowed',
  ]);
});

test('fail-on applies to the CI rows: unknown counts their unknowns, never passes', () => {
  // Without the subject template, sub is unknown: the login cannot be decided.
  const stated = awsConfig('repo:acme/shop:ref:refs/heads/main');
  const facts = { ...stated.facts, github: {} };
  const config = repository({ '.github/workflows/release.yml': DEPLOY([]) }, { ...stated, facts });
  const denied = check(config, 'denied');
  assert.equal(denied.summary.ci?.unknown, 2);
  assert.match(denied.ci![0]!.reasons.join('\n'), /subject template is not known/);
  assert.equal(denied.summary.gate, 'pass');
  assert.equal(check(config, 'unknown').summary.gate, 'fail');
  assert.equal(check(config, 'never').summary.gate, 'pass');
});

test("discovery records OIDC logins only (pullcheck's own included): access keys are no OIDC login; the login actions give their default audiences", () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-ci-discover-'));
  mkdirSync(path.join(root, '.github', 'workflows'), { recursive: true });
  const file = path.join(root, '.github', 'workflows', 'ci.yml');
  writeFileSync(
    file,
    [
      'on: push',
      'jobs:',
      '  keys:',
      '    steps:',
      '      - uses: aws-actions/configure-aws-credentials@v4',
      `        with: { role-to-assume: "${ROLE}", aws-access-key-id: "\${{ secrets.KEY }}", aws-region: us-east-1 }`,
      '  oidc:',
      '    steps:',
      '      - uses: aws-actions/configure-aws-credentials@v4',
      '        with: { role-to-assume: "${{ secrets.DEPLOY_ROLE }}", aws-region: us-east-1 }',
      '  google:',
      '    steps:',
      '      - uses: google-github-actions/auth@v2',
      '        with:',
      '          workload_identity_provider: projects/123/locations/global/workloadIdentityPools/github/providers/acme',
      '          service_account: pusher@acme-prod.iam.gserviceaccount.com',
      '  openshift:',
      '    steps:',
      '      - uses: redhat-actions/oc-login@v1',
      '        with:',
      '          openshift_server_url: https://api.ocp.example.com:6443',
      '          openshift_token: ${{ secrets.OPENSHIFT_TOKEN }}',
      '          namespace: shop',
      '  check:',
      '    steps:',
      '      - uses: acme/pullcheck@v1',
      `        with: { aws-role-arn: "${ROLE}" }`,
      '',
    ].join('\n'),
  );
  const logins = discoverFromWorkflow(file, {
    env: { GITHUB_REPOSITORY: 'acme/shop', DEPLOY_ROLE: 'leak' },
  }).ciLogins!;
  assert.deepEqual(
    logins.map((login) => [login.job.id, login.provider]),
    [
      ['oidc', 'aws'],
      ['google', 'gcp'],
      ['openshift', 'openshift'],
      ['check', 'aws'],
    ],
  );
  // pullcheck's own login is one too, with its audience default.
  assert.equal(logins[3]!.identity, ROLE);
  assert.equal(logins[3]!.inputs['audience'], 'sts.amazonaws.com');
  // A role read from a secret is a fact to supply, never the environment's value.
  assert.equal((logins[0]!.identity as { need: string }).need, 'secrets.DEPLOY_ROLE');
  assert.doesNotMatch(JSON.stringify(logins), /leak/);
  assert.equal(logins[0]!.inputs['audience'], 'sts.amazonaws.com');
  assert.equal(
    logins[1]!.inputs['audience'],
    'https://iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/github/providers/acme',
  );
  assert.equal((logins[2]!.inputs['openshift_token'] as { need: string }).need, 'secrets.OPENSHIFT_TOKEN');
});

test('a role that comes from a secret: the login is unknown, naming the value to add under discover.variables', () => {
  const workflow = DEPLOY([]).replace(`"${ROLE}"`, '"${{ secrets.DEPLOY_ROLE }}"');
  const config = repository({ '.github/workflows/release.yml': workflow }, awsConfig('repo:acme/shop:*'));
  const report = check(config);
  const login = report.ci![0]!;
  assert.equal(login.verdict, 'unknown');
  assert.match(login.reasons[0]!, /the identity this job logs in as is not known: `secrets\.DEPLOY_ROLE`/);
});

test("a reusable workflow runs for its caller: the caller's events, the called file in job_workflow_ref", () => {
  const called = [
    'on: workflow_call',
    'jobs:',
    '  push:',
    '    environment: production',
    '    steps:',
    '      - uses: aws-actions/configure-aws-credentials@v4',
    `        with: { role-to-assume: "${ROLE}", aws-region: us-east-1 }`,
    `      - run: docker push ${ECR}/shop/api:1`,
    '',
  ].join('\n');
  const caller = [
    'on:',
    '  push:',
    '    tags: ["v*"]',
    'permissions: { id-token: write }',
    'jobs:',
    '  call:',
    '    uses: ./.github/workflows/push.yml',
    '',
  ].join('\n');
  const config = repository(
    { '.github/workflows/release.yml': caller, '.github/workflows/push.yml': called },
    {
      ...awsConfig('repo:acme/shop:environment:production'),
      discover: { workflows: ['workflows/release.yml'], variables: { 'github.repository': 'acme/shop' } },
    },
  );
  const report = check(config);
  const login = report.ci![0]!;
  assert.equal(login.job, '.github/workflows/push.yml#push');
  assert.equal(login.trigger, 'push of tag v*');
  assert.equal(login.verdict, 'allowed', login.reasons.join('\n'));
});

test('the renderers show the CI path: Markdown table and fix block, SARIF at the login step, text lines', () => {
  const config = repository(
    { '.github/workflows/release.yml': DEPLOY(['    environment: production']) },
    awsConfig('repo:acme/shop:ref:refs/heads/main'),
  );
  const report = check(config);
  const markdown = renderMarkdown(report);
  assert.match(markdown, /#### CI path: login → push/);
  assert.match(
    markdown,
    /\| \.github\/workflows\/release\.yml\\#release \| login on push to main \| arn:aws:iam::123456789012:role\/deploy \| ❌ denied \|/,
  );
  assert.match(
    markdown,
    /<summary>❌ login of \.github\/workflows\/release\.yml\\#release on push to main as .*: missing on the trust side: sts:AssumeRoleWithWebIdentity<\/summary>/,
  );
  assert.match(markdown, /CI path: 2 denied, 0 unknown, 1 allowed of 3 logins and pushes — gate fail/);
  const sarif = JSON.parse(renderSarif(report));
  const results = sarif.runs[0].results.filter(
    (result: { ruleId: string }) => result.ruleId === 'login-denied',
  );
  assert.equal(results.length, 2);
  assert.match(results[0].locations[0].physicalLocation.artifactLocation.uri, /release\.yml$/);
  assert.equal(results[0].locations[0].physicalLocation.region.startLine, 11);
  assert.ok(sarif.runs[0].tool.driver.rules.some((rule: { id: string }) => rule.id === 'push-unknown'));
  assert.match(
    renderText(report),
    /DENIED {2}login \.github\/workflows\/release\.yml#release \[push to main\] as arn:aws:iam::123456789012:role\/deploy\n {8}missing on the trust side/,
  );
});

// GitHub's "Permissions for the GITHUB_TOKEN": id-token is none by default; naming any permission sets the
// others to none; write-all grants it, read-all cannot (id-token has no read level); a called workflow's
// jobs only narrow what the calling job has ("Reusing workflows").
const PERMISSION_CASES: {
  name: string;
  workflow?: string;
  job?: string;
  verdict: 'denied' | 'unknown' | 'allowed';
  says?: RegExp;
}[] = [
  {
    name: 'no permissions: anywhere (the default gives no id-token)',
    verdict: 'denied',
    says: /no `permissions:` is written/,
  },
  {
    name: 'the workflow grants id-token: write',
    workflow: 'permissions: { id-token: write, contents: read }',
    verdict: 'allowed',
  },
  { name: 'write-all', workflow: 'permissions: write-all', verdict: 'allowed' },
  {
    name: 'read-all',
    workflow: 'permissions: read-all',
    verdict: 'denied',
    says: /read-all` gives no id-token/,
  },
  {
    name: "the job's own permissions replace the workflow's",
    workflow: 'permissions: { id-token: write }',
    job: '    permissions: { contents: read }',
    verdict: 'denied',
    says: /the job `permissions:` does not name id-token/,
  },
  {
    name: 'an expression',
    job: '    permissions: ${{ fromJSON(vars.PERMS) }}',
    verdict: 'unknown',
    says: /expression/,
  },
];

for (const c of PERMISSION_CASES) {
  test(`id-token permission: ${c.name} → ${c.verdict}`, () => {
    const lines = DEPLOY(c.job ? [c.job] : [], false).split('\n');
    if (c.workflow) lines.splice(4, 0, c.workflow);
    const config = repository(
      { '.github/workflows/release.yml': lines.join('\n') },
      awsConfig('repo:acme/shop:ref:refs/heads/main'),
    );
    const login = check(config).ci!.find((row) => row.trigger === 'push to main')!;
    assert.equal(login.verdict, c.verdict, login.reasons.join('\n'));
    if (c.says) assert.match(login.reasons.join('\n'), c.says);
    if (c.verdict === 'denied') {
      assert.equal(login.missing[0]!.side, 'workflow');
      assert.match(login.missing[0]!.fix.snippets['yaml']!, /id-token: write/);
    }
  });
}

test('a called workflow cannot widen its caller: the calling job without id-token denies the called login', () => {
  const called = [
    'on: workflow_call',
    'permissions: { id-token: write }',
    'jobs:',
    '  push:',
    '    steps:',
    '      - uses: aws-actions/configure-aws-credentials@v4',
    `        with: { role-to-assume: "${ROLE}", aws-region: us-east-1 }`,
    '',
  ].join('\n');
  const caller = [
    'on: { push: { branches: [main] } }',
    'permissions: { contents: read }',
    'jobs:',
    '  call:',
    '    uses: ./.github/workflows/push.yml',
    '',
  ].join('\n');
  const config = repository(
    { '.github/workflows/release.yml': caller, '.github/workflows/push.yml': called },
    {
      ...awsConfig('repo:acme/shop:ref:refs/heads/main'),
      discover: { workflows: ['workflows/release.yml'], variables: { 'github.repository': 'acme/shop' } },
    },
  );
  const login = check(config).ci![0]!;
  assert.equal(login.verdict, 'denied', login.reasons.join('\n'));
  assert.match(login.reasons[0]!, /the calling job: the workflow `permissions:` does not name id-token/);
});

test('an allowed login on pull_request warns that pull requests from forks get no OIDC token', () => {
  const config = repository({ '.github/workflows/release.yml': DEPLOY([]) }, awsConfig('repo:acme/shop:*'));
  const login = check(config).ci!.find((row) => row.trigger?.startsWith('pull_request'))!;
  assert.equal(login.verdict, 'allowed', login.reasons.join('\n'));
  assert.match((login.warnings ?? []).join('\n'), /a pull request from a fork gets no OIDC token/);
});

test("a push to a registry the login does not serve (ghcr.io, logged in with docker/login-action) is not checked as the role's", () => {
  const workflow = DEPLOY([]).replace(
    '      - run: docker push',
    '      - run: docker push ghcr.io/acme/shop-api:1\n      - run: docker push',
  );
  const config = repository({ '.github/workflows/release.yml': workflow }, awsConfig('repo:acme/shop:*'));
  const pushes = (check(config).ci ?? []).filter((row) => row.kind === 'push').map((row) => row.image);
  assert.deepEqual(pushes, [`${ECR}/shop/api`]);
});

test('a login input from the workflow reaches the report escaped and bounded', () => {
  const hostile = `${ROLE}\\u001b[31m${'a'.repeat(5000)}`;
  const workflow = DEPLOY([]).replace(`"${ROLE}"`, `"${hostile}"`);
  const config = repository({ '.github/workflows/release.yml': workflow }, awsConfig('repo:acme/shop:*'));
  const login = check(config).ci![0]!;
  assert.ok(login.identity.length <= 2048, `${login.identity.length} characters`);
  // eslint-disable-next-line no-control-regex -- the escape character must not survive
  assert.doesNotMatch(login.identity, /\u001b/);
  assert.notEqual(login.verdict, 'allowed');
});

test('a credential written in the workflow goes no further than discovery: the login carries a marker, the report names no value', () => {
  const workflow = [
    'on: push',
    'jobs:',
    '  ocp:',
    '    steps:',
    '      - uses: redhat-actions/oc-login@v1',
    '        with: { openshift_server_url: "https://api.ocp.example.com:6443", openshift_token: sha256~LiteralTokenValue123 }',
    '',
  ].join('\n');
  const config = repository({ '.github/workflows/ocp.yml': workflow }, awsConfig('repo:acme/shop:*'));
  const found = discover(loadConfigFile(config));
  const site = ciSites(found.ciLogins, found.config)[0]!;
  assert.ok(!('unresolved' in site.login));
  assert.equal(
    (site.login as { with: Record<string, string> }).with['openshift_token'],
    '(a credential written in the workflow)',
  );
  const report = checkCi(config);
  assert.doesNotMatch(JSON.stringify(report), /LiteralTokenValue123/);
  assert.equal(report.ci![0]!.verdict, 'unknown');
});
