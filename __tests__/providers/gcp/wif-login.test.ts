// Will google-github-actions/auth log the job in? Table cases from google-github-actions/auth's README (the provider
// it tells you to create: mapping google.subject, actor, repository, repository_owner; condition
// assertion.repository_owner == ORG; the binding principalSet://…/attribute.repository/REPO), Google's "Workload
// Identity Federation with deployment pipelines" conditions, and broken setups from public issues.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import type { Claim, LoginVerdict, PredictedToken } from '../../../src/core/ci-path.ts';
import { loadConfigText } from '../../../src/core/config/load.ts';
import { ConfigError } from '../../../src/core/errors.ts';
import type { PullRules } from '../../../src/core/provider.ts';
import { buildRules } from '../../../src/providers/gcp/rules.ts';

type Json = Record<string, unknown>;
const NUMBER = '123456789';
const POOL = `projects/${NUMBER}/locations/global/workloadIdentityPools/github`;
const PROVIDER = `${POOL}/providers/my-repo`;
const SA = 'my-service-account@my-project.iam.gserviceaccount.com';
const REPO = 'octo-org/octo-repo';
const README_MAPPING = {
  'google.subject': 'assertion.sub',
  'attribute.actor': 'assertion.actor',
  'attribute.repository': 'assertion.repository',
  'attribute.repository_owner': 'assertion.repository_owner',
};
const README_PROVIDER: Json = {
  name: PROVIDER,
  attributeMapping: README_MAPPING,
  attributeCondition: "assertion.repository_owner == 'octo-org'",
  oidc: { issuerUri: 'https://token.actions.githubusercontent.com' },
  state: 'ACTIVE',
};
const README_BINDING = {
  role: 'roles/iam.workloadIdentityUser',
  members: [`principalSet://iam.googleapis.com/${POOL}/attribute.repository/${REPO}`],
};

function token(
  repository = REPO,
  ref: Claim = { value: 'refs/heads/main' },
  extra: Record<string, Claim> = {},
): PredictedToken {
  const [owner] = repository.split('/');
  const refText = 'value' in ref ? ref.value : 'pattern' in ref ? ref.pattern : '?';
  const sub: Claim =
    'value' in ref
      ? { value: `repo:${repository}:ref:${refText}` }
      : 'pattern' in ref
        ? { pattern: `repo:${repository}:ref:${refText}`, because: ref.because }
        : ref;
  return {
    event: 'push',
    trigger: `push to ${refText.replace('refs/heads/', '')}`,
    claims: {
      sub,
      repository: { value: repository },
      repository_owner: { value: owner! },
      ref,
      event_name: { value: 'push' },
      actor: { unknown: 'who pushes is not known before the push' },
      ...extra,
    },
  };
}

interface Setup {
  readonly provider?: Json;
  readonly saPolicy?: Json | null;
  readonly with?: Record<string, string>;
  readonly token?: PredictedToken;
}

function rules(setup: Setup): PullRules {
  const policies =
    setup.saPolicy === null
      ? []
      : [
          {
            resource: `projects/my-project/serviceAccounts/${SA}`,
            policy: setup.saPolicy ?? { bindings: [README_BINDING] },
          },
          { resource: 'projects/my-project', policy: { etag: 'ACAB' } },
        ];
  const gcp = {
    workloadIdentityProviders: [setup.provider ?? README_PROVIDER],
    iamPolicies: policies,
    projects: [{ id: 'my-project', number: NUMBER, ancestors: [] }],
  };
  return buildRules(loadConfigText(stringify({ version: 1, facts: { gcp } }), 'pullcheck.yml'));
}

function login(setup: Setup): LoginVerdict {
  const verdict = rules(setup).decideLogin!({
    login: {
      provider: 'gcp',
      identity: PROVIDER,
      with: setup.with ?? { service_account: SA },
      origin: { file: '.github/workflows/deploy.yml', line: 12 },
    } as never,
    token: setup.token ?? token(),
  });
  assert.ok(verdict);
  return verdict;
}

const text = (verdict: LoginVerdict) => [...verdict.reasons, ...(verdict.warnings ?? [])].join('\n');

test('auth README, through a service account: the org condition admits, the repository binding grants', () => {
  const verdict = login({});
  assert.equal(verdict.verdict, 'allowed', text(verdict));
  assert.equal(verdict.principal, `serviceAccount:${SA}`);
  assert.match(
    text(verdict),
    /iam\.serviceAccounts\.getAccessToken on .* granted by roles\/iam\.workloadIdentityUser/,
  );
  assert.equal(verdict.warnings, undefined, 'the binding pins the repository: nothing broader');
});

test('auth README, direct workload identity federation: the job is the federated subject; the org-only condition lets in every repository of the org', () => {
  const verdict = login({ with: {} });
  assert.equal(verdict.verdict, 'allowed', text(verdict));
  assert.equal(
    verdict.principal,
    `principal://iam.googleapis.com/${POOL}/subject/repo:${REPO}:ref:refs/heads/main`,
  );
  assert.match(verdict.warnings?.join('\n') ?? '', /every repository of octo-org/);
});

test("another organization's repository: the condition refuses it (side trust), the fix admits this subject only", () => {
  const verdict = login({ token: token('evil-org/octo-repo') });
  assert.equal(verdict.verdict, 'denied');
  assert.match(
    text(verdict),
    /assertion\.repository_owner == 'octo-org' is false for this token: assertion\.repository_owner is 'evil-org'/,
  );
  assert.equal(verdict.missing[0]?.side, 'trust');
  assert.match(
    verdict.missing[0]!.fix.snippets['cli']!,
    /update-oidc my-repo --project=123456789 --location=global --workload-identity-pool=github --attribute-condition='\(assertion\.repository_owner == '\\''octo-org'\\''\) \|\| assertion\.sub == '\\''repo:evil-org\/octo-repo:ref:refs\/heads\/main'\\'''/,
  );
});

test('no attribute condition: allowed, with a warning that any GitHub repository gets in', () => {
  const provider = { ...README_PROVIDER };
  delete provider['attributeCondition'];
  const verdict = login({ provider, with: {} });
  assert.equal(verdict.verdict, 'allowed');
  assert.match(
    verdict.warnings?.join('\n') ?? '',
    /no attribute condition: it admits a token from any GitHub repository; Google requires one/,
  );
});

test('audience: a custom `audience` input the provider does not allow is refused; allowed when listed', () => {
  const refused = login({ with: { service_account: SA, audience: 'https://github.com/octo-org' } });
  assert.equal(refused.verdict, 'denied');
  assert.match(
    text(refused),
    /audience https:\/\/github\.com\/octo-org is not among the provider's allowed audiences \(\/\/iam\.googleapis\.com\/projects/,
  );
  const provider = { ...README_PROVIDER, oidc: { allowedAudiences: ['https://github.com/octo-org'] } };
  assert.equal(
    login({ provider, with: { service_account: SA, audience: 'https://github.com/octo-org' } }).verdict,
    'allowed',
  );
  // auth's default audience (https://iam.googleapis.com/ + the provider) is not in a custom list.
  assert.equal(login({ provider }).verdict, 'denied');
});

test('a deleted provider, a disabled pool, another issuer: refused on the trust side', () => {
  for (const [change, pattern] of [
    [{ state: 'DELETED' }, /is deleted/],
    [{ pool: { disabled: true } }, /its pool .* is disabled/],
    [{ oidc: { issuerUri: 'https://gitlab.com' } }, /trusts the issuer https:\/\/gitlab\.com/],
  ] as const) {
    const verdict = login({ provider: { ...README_PROVIDER, ...change } });
    assert.equal(verdict.verdict, 'denied');
    assert.match(text(verdict), pattern);
    assert.equal(verdict.missing[0]?.side, 'trust');
  }
});

test('google-github-actions/auth#378: google.subject mapped to a comparison is not a string', () => {
  const provider = {
    ...README_PROVIDER,
    attributeMapping: { 'google.subject': `assertion.sub=='repo:${REPO}:ref:refs/heads/demo-branch'` },
  };
  const verdict = login({ provider, with: {} });
  assert.equal(verdict.verdict, 'denied');
  assert.match(text(verdict), /gives a bool, not a string/);
});

test('google-github-actions/auth#340, #455: no workloadIdentityUser binding for the pool on the service account', () => {
  const verdict = login({ saPolicy: { etag: 'ACAB' } });
  assert.equal(verdict.verdict, 'denied');
  assert.deepEqual(
    verdict.missing.map((entry) => [entry.side, entry.permissions]),
    [['binding', ['iam.serviceAccounts.getAccessToken']]],
  );
  assert.equal(
    verdict.missing[0]!.fix.snippets['cli'],
    `gcloud iam service-accounts add-iam-policy-binding ${SA} --role=roles/iam.workloadIdentityUser --member='principalSet://iam.googleapis.com/${POOL}/attribute.repository/${REPO}'`,
  );
});

test('google-github-actions/auth#233: a principalSet naming two attributes matches nothing', () => {
  const member = `principalSet://iam.googleapis.com/${POOL}/attribute.repository/${REPO}/attribute.ref/refs/heads/main`;
  const verdict = login({
    saPolicy: { bindings: [{ role: 'roles/iam.workloadIdentityUser', members: [member] }] },
  });
  assert.equal(verdict.verdict, 'denied');
});

test('google-github-actions/auth#243: the binding names attribute.repository, which the provider does not map', () => {
  const provider = { ...README_PROVIDER, attributeMapping: { 'google.subject': 'assertion.sub' } };
  const verdict = login({ provider });
  assert.equal(verdict.verdict, 'denied');
  assert.match(
    verdict.missing[0]!.fix.snippets['cli']!,
    /--member='principal:\/\/iam\.googleapis\.com\/.*\/subject\/repo:octo-org\/octo-repo:ref:refs\/heads\/main'/,
  );
});

test('a pinned branch: a release/* push is refused for main-only, admitted by a startsWith condition', () => {
  const release = token(REPO, { pattern: 'refs/heads/release/*', because: 'on.push.branches release/**' });
  const mainOnly = { ...README_PROVIDER, attributeCondition: "assertion.ref == 'refs/heads/main'" };
  assert.equal(login({ provider: mainOnly, token: release }).verdict, 'denied');
  const releases = {
    ...README_PROVIDER,
    attributeCondition:
      "assertion.repository == 'octo-org/octo-repo' && assertion.ref.startsWith('refs/heads/release/')",
  };
  const verdict = login({ provider: releases, token: release, with: {} });
  assert.equal(verdict.verdict, 'allowed', text(verdict));
  assert.equal(
    verdict.principal,
    `principal://iam.googleapis.com/${POOL}/subject/repo:${REPO}:ref:refs/heads/release/*`,
  );
  const oneRelease = { ...README_PROVIDER, attributeCondition: "assertion.ref == 'refs/heads/release/1.0'" };
  const undecided = login({ provider: oneRelease, token: release });
  assert.equal(undecided.verdict, 'unknown');
  assert.match(
    text(undecided),
    /refs\/heads\/release\/\* \(on\.push\.branches release\/\*\*\) may or may not equal 'refs\/heads\/release\/1\.0'/,
  );
});

test('an environment condition: a job without the environment has no such claim (refused); the production job gets in', () => {
  const provider = {
    ...README_PROVIDER,
    attributeCondition:
      "assertion.repository == 'octo-org/octo-repo' && assertion.environment == 'production'",
  };
  const without = login({ provider });
  assert.equal(without.verdict, 'denied');
  assert.match(text(without), /no `environment` claim/);
  const production = token(REPO, { value: 'refs/heads/main' }, { environment: { value: 'production' } });
  assert.equal(login({ provider, token: production }).verdict, 'allowed');
});

test('unknown, naming the fact: a provider not in the facts, a service account policy not given', () => {
  const missing = rules({}).decideLogin!({
    login: {
      provider: 'gcp',
      identity: `${POOL}/providers/other`,
      with: {},
      origin: { file: 'w.yml', line: 1 },
    } as never,
    token: token(),
  })!;
  assert.equal(missing.verdict, 'unknown');
  assert.match(
    missing.reasons.join('\n'),
    /is not in facts\.gcp\.workloadIdentityProviders: add it \(gcloud iam workload-identity-pools providers describe/,
  );
  const noPolicy = login({ saPolicy: null });
  assert.equal(noPolicy.verdict, 'unknown');
  assert.match(
    text(noPolicy),
    /gcloud iam service-accounts get-iam-policy my-service-account@my-project\.iam\.gserviceaccount\.com --format=json/,
  );
});

test('token_format without service_account: auth refuses it', () => {
  const verdict = login({ with: { token_format: 'access_token' } });
  assert.equal(verdict.verdict, 'denied');
  assert.match(text(verdict), /token_format access_token needs service_account/);
});

test('a login to another provider is not decided here', () => {
  assert.equal(
    rules({}).decideLogin!({
      login: {
        provider: 'aws',
        identity: 'arn:aws:iam::1:role/r',
        with: {},
        origin: { file: 'w', line: 1 },
      } as never,
      token: token(),
    }),
    undefined,
  );
});

test('an attribute condition that is not CEL is a config error at its line', () => {
  const provider = { ...README_PROVIDER, attributeCondition: "assertion.repository_owner == 'octo-org" };
  assert.throws(
    () => rules({ provider }),
    (error: unknown) =>
      error instanceof ConfigError &&
      /pullcheck\.yml:\d+:\d+: attributeCondition is not a CEL expression: unterminated string \(column 31\)/.test(
        error.message,
      ),
  );
});

test('a binding to the whole pool behind an organization-only condition: allowed, warning that every repository of the org may impersonate', () => {
  const saPolicy = {
    bindings: [
      { role: 'roles/iam.workloadIdentityUser', members: [`principalSet://iam.googleapis.com/${POOL}/*`] },
    ],
  };
  const verdict = login({ saPolicy });
  assert.equal(verdict.verdict, 'allowed');
  assert.match(
    verdict.warnings?.join('\n') ?? '',
    new RegExp(
      `and the binding on ${SA.replace(/\./g, '\\.')} let in every repository of octo-org, not only octo-org/octo-repo`,
    ),
  );
  const anyOwner = login({
    saPolicy,
    provider: { ...README_PROVIDER, attributeCondition: "assertion.ref == 'refs/heads/main'" },
  });
  assert.match(anyOwner.warnings?.join('\n') ?? '', /let in repositories of any GitHub owner/);
});

test('auth README, numeric ids (auth PR #444): an owner-id condition lets in the whole org, a repository-id condition only the repository', () => {
  const ids = token(
    REPO,
    { value: 'refs/heads/main' },
    {
      repository_id: { value: '5678' },
      repository_owner_id: { value: '1234' },
    },
  );
  const byOwner = login({
    with: {},
    token: ids,
    provider: { ...README_PROVIDER, attributeCondition: "assertion.repository_owner_id == '1234'" },
  });
  assert.equal(byOwner.verdict, 'allowed');
  assert.match(byOwner.warnings?.join('\n') ?? '', /every repository of octo-org/);
  const byRepository = login({
    with: {},
    token: ids,
    provider: { ...README_PROVIDER, attributeCondition: "assertion.repository_id == '5678'" },
  });
  assert.equal(byRepository.verdict, 'allowed');
  assert.equal(byRepository.warnings, undefined);
});

test('google.subject over 127 bytes is refused for a pattern subject too: its fixed text alone is too long', () => {
  // IAM v1 WorkloadIdentityPoolProvider, attributeMapping: google.subject at most 127 bytes. A push to
  // branches `release/<long name>/**` gives a sub whose fixed part already exceeds it: every run is refused.
  const long = `release/${'x'.repeat(110)}/`;
  const ref: Claim = { pattern: `refs/heads/${long}*`, because: `the branches filter \`${long}**\`` };
  const verdict = login({ token: token(REPO, ref) });
  assert.equal(verdict.verdict, 'denied', text(verdict));
  assert.match(text(verdict), /127 bytes/);
});
