// Adversarial review of the CI path (issue 18): cases where pullcheck could say `allowed` for a login or a
// push that GitHub or the cloud refuses. Each test states the documented behaviour it holds pullcheck to.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigFile } from '../../src/core/config/load.ts';
import type { Report } from '../../src/core/report-model.ts';
import { discover } from '../../src/discover/index.ts';
import { ACCOUNT, awsCiConfig, checkCi, ECR, githubTrust, repositoryWith, ROLE } from '../helpers/ci-path.ts';

const repository = repositoryWith;
const awsConfig = (trust: unknown) => awsCiConfig(trust);
const TRUST_MAIN = githubTrust({
  StringEquals: {
    'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
    'token.actions.githubusercontent.com:sub': 'repo:acme/shop:ref:refs/heads/main',
  },
});

function workflow(lines: { top?: string[]; job?: string[]; steps?: string[] }): string {
  return [
    'on:',
    '  push:',
    '    branches: [main]',
    ...(lines.top ?? []),
    'jobs:',
    '  release:',
    '    runs-on: ubuntu-latest',
    ...(lines.job ?? []),
    '    steps:',
    ...(lines.steps ?? [
      '      - uses: aws-actions/configure-aws-credentials@v4',
      `        with: { role-to-assume: "${ROLE}", aws-region: us-east-1 }`,
      `      - run: docker push ${ECR}/shop/api:\${{ github.sha }}`,
    ]),
    '',
  ].join('\n');
}

const check = (configFile: string, env: Record<string, string> = {}): Report =>
  checkCi(configFile, 'denied', env);

const loginRows = (report: Report) =>
  (report.ci ?? []).filter((row) => row.kind === 'login').map((row) => `${row.trigger} ${row.verdict}`);

test('control: with `permissions: id-token: write` the main push logs in', () => {
  const config = repository(
    {
      '.github/workflows/release.yml': workflow({
        job: ['    permissions: { id-token: write, contents: read }'],
      }),
    },
    awsConfig(TRUST_MAIN),
  );
  assert.deepEqual(loginRows(check(config)), ['push to main allowed']);
});

test('a job whose token lacks id-token: write gets no OIDC token: its login is never allowed', () => {
  // No permissions anywhere: the default gives id-token none.
  const none = repository({ '.github/workflows/release.yml': workflow({}) }, awsConfig(TRUST_MAIN));
  assert.notDeepEqual(loginRows(check(none)), ['push to main allowed']);
  // A permissions block without id-token sets it to none.
  const contentsOnly = repository(
    { '.github/workflows/release.yml': workflow({ top: ['permissions:', '  contents: read'] }) },
    awsConfig(TRUST_MAIN),
  );
  assert.notDeepEqual(loginRows(check(contentsOnly)), ['push to main allowed']);
  // read-all: id-token read, not write.
  const readAll = repository(
    { '.github/workflows/release.yml': workflow({ job: ['    permissions: read-all'] }) },
    awsConfig(TRUST_MAIN),
  );
  assert.notDeepEqual(loginRows(check(readAll)), ['push to main allowed']);
});

test("an environment computed from the run (github.ref) is not the value of the run checking: unknown, never the pull request's environment for the push to main", () => {
  const trustStaging = {
    ...TRUST_MAIN,
    Statement: [
      {
        ...TRUST_MAIN.Statement[0],
        Condition: {
          StringEquals: {
            'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
            'token.actions.githubusercontent.com:sub': 'repo:acme/shop:environment:staging',
          },
        },
      },
    ],
  };
  const config = repository(
    {
      '.github/workflows/release.yml': workflow({
        job: [
          '    permissions: { id-token: write }',
          "    environment: ${{ github.ref == 'refs/heads/main' && 'production' || 'staging' }}",
        ],
      }),
    },
    awsConfig(trustStaging),
  );
  // pullcheck itself runs on a pull request: GITHUB_REF is the merge ref.
  const report = check(config, {
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_EVENT_NAME: 'pull_request',
  });
  // A push to main runs with environment production, whose sub the trust policy does not name.
  assert.deepEqual(loginRows(report), ['push to main unknown']);
  const login = (report.ci ?? [])[0]!;
  assert.match(login.reasons.join('\n'), /github\.ref/);
});

test('configure-aws-credentials inputs that decide the login reach the rule: role-session-name (sts:RoleSessionName) and role-duration-seconds', () => {
  const sessionPinned = {
    ...TRUST_MAIN,
    Statement: [
      {
        ...TRUST_MAIN.Statement[0],
        Condition: {
          ...TRUST_MAIN.Statement[0]!.Condition,
          StringEquals: {
            ...TRUST_MAIN.Statement[0]!.Condition.StringEquals,
            'sts:RoleSessionName': 'GitHubActions',
          },
        },
      },
    ],
  };
  const steps = (extra: string) => [
    '      - uses: aws-actions/configure-aws-credentials@v4',
    `        with: { role-to-assume: "${ROLE}", aws-region: us-east-1, ${extra} }`,
  ];
  const job = ['    permissions: { id-token: write }'];
  const named = repository(
    { '.github/workflows/release.yml': workflow({ job, steps: steps('role-session-name: deploy-run') }) },
    awsConfig(sessionPinned),
  );
  // The session is named deploy-run, not GitHubActions: STS refuses it.
  assert.deepEqual(loginRows(check(named)), ['push to main denied']);
  const long = repository(
    { '.github/workflows/release.yml': workflow({ job, steps: steps('role-duration-seconds: 7200') }) },
    awsConfig(TRUST_MAIN),
  );
  assert.deepEqual(loginRows(check(long)), ['push to main unknown']);
});

test('google-github-actions/auth inputs that decide the login reach the rule: token_format (needs service_account) and access_token_subject (needs signJwt)', () => {
  const PROVIDER_NAME = 'projects/123/locations/global/workloadIdentityPools/github/providers/acme';
  const config = repository(
    {
      '.github/workflows/release.yml': workflow({
        job: ['    permissions: { id-token: write }'],
        steps: [
          '      - uses: google-github-actions/auth@v2',
          `        with: { workload_identity_provider: "${PROVIDER_NAME}", token_format: access_token, access_token_subject: admin@acme.example }`,
        ],
      }),
    },
    {
      version: 1,
      discover: { workflows: ['workflows/*.yml'], variables: { 'github.repository': 'acme/shop' } },
    },
  );
  const found = discover(loadConfigFile(config));
  const inputs = found.ciLogins[0]!.inputs;
  assert.equal(inputs['token_format'], 'access_token');
  assert.equal(inputs['access_token_subject'], 'admin@acme.example');
});

test('direct workload identity federation: each event is its own principal, so a push allowed for the main branch subject is not allowed for the job', () => {
  const POOL = 'projects/123/locations/global/workloadIdentityPools/github';
  const PROVIDER_NAME = `${POOL}/providers/acme`;
  const MAIN_SUBJECT = `principal://iam.googleapis.com/${POOL}/subject/repo:acme/shop:ref:refs/heads/main`;
  const REPO = 'projects/my-project/locations/us-west1/repositories/app';
  const config = repository(
    {
      '.github/workflows/release.yml': [
        'on:',
        '  push:',
        '    branches: [main, release]',
        'jobs:',
        '  release:',
        '    runs-on: ubuntu-latest',
        '    permissions: { id-token: write }',
        '    steps:',
        '      - uses: google-github-actions/auth@v2',
        `        with: { workload_identity_provider: "${PROVIDER_NAME}" }`,
        '      - run: docker push us-west1-docker.pkg.dev/my-project/app/api:${{ github.sha }}',
        '',
      ].join('\n'),
    },
    {
      version: 1,
      discover: { workflows: ['workflows/*.yml'], variables: { 'github.repository': 'acme/shop' } },
      facts: {
        github: { oidc: { subClaim: { useDefault: true, prefix: 'repo:acme/shop' } } },
        gcp: {
          workloadIdentityProviders: [
            {
              name: PROVIDER_NAME,
              attributeMapping: {
                'google.subject': 'assertion.sub',
                'attribute.repository': 'assertion.repository',
              },
              attributeCondition: "assertion.repository == 'acme/shop'",
              oidc: { issuerUri: 'https://token.actions.githubusercontent.com' },
              state: 'ACTIVE',
            },
          ],
          iamPolicies: [
            {
              resource: REPO,
              policy: { bindings: [{ role: 'roles/artifactregistry.writer', members: [MAIN_SUBJECT] }] },
            },
            { resource: 'projects/my-project', policy: { etag: 'ACAB' } },
          ],
          projects: [{ id: 'my-project', number: '456', ancestors: [] }],
          denyPolicies: [{ attachmentPoint: 'projects/my-project', policies: [] }],
          principalAccessBoundaries: [
            {
              principalSet: 'principalSet://cloudresourcemanager.googleapis.com/projects/my-project',
              policies: [],
            },
          ],
        },
      },
    },
  );
  const rows = (check(config).ci ?? []).map(
    (row) => `${row.kind} ${row.trigger ?? row.image} ${row.verdict}`,
  );
  // Both pushes log in; the release branch's subject holds no grant on the repository.
  assert.deepEqual(rows.slice(0, 2), ['login push to main allowed', 'login push to release allowed']);
  assert.equal(rows[2], 'push us-west1-docker.pkg.dev/my-project/app/api denied');
  const push = (check(config).ci ?? [])[2]!;
  assert.match(push.identity, /subject\/repo:acme\/shop:ref:refs\/heads\/release$/);
});

test('a role chosen by run-specific github.* is not the role of every event', () => {
  const config = repository(
    {
      '.github/workflows/release.yml': workflow({
        job: ['    permissions: { id-token: write }'],
        steps: [
          '      - uses: aws-actions/configure-aws-credentials@v4',
          `        with: { role-to-assume: "\${{ github.event_name == 'pull_request' && '${ROLE}' || 'arn:aws:iam::${ACCOUNT}:role/prod' }}", aws-region: us-east-1 }`,
        ],
      }),
    },
    awsConfig(TRUST_MAIN),
  );
  const report = check(config, { GITHUB_REPOSITORY: 'acme/shop', GITHUB_EVENT_NAME: 'pull_request' });
  // A push to main assumes role/prod, whose trust policy is not in the facts: never allowed as role/deploy.
  assert.notDeepEqual(loginRows(report), ['push to main allowed']);
});
