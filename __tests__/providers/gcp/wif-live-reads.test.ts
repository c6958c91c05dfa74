// Live reads for the CI path's Google logins, against the fake Google REST server on 127.0.0.1: the provider
// and its pool (IAM v1 GET), the service account's policy (IAM v1 getIamPolicy) and its project's; what is
// read decides the login offline; a refused or unparsable read is unknown, naming why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import { CallRunner } from '../../../src/core/call-runner.ts';
import type { CiLogin, PredictedToken, PushQuestion } from '../../../src/core/ci-path.ts';
import { parseImageReference } from '../../../src/core/image-reference.ts';
import { registryLocator } from '../../../src/core/registries.ts';
import { registries } from '../../../src/providers/index.ts';
import { loadConfigText } from '../../../src/core/config/load.ts';
import { read } from '../../../src/providers/gcp/live-reads.ts';
import { buildRules } from '../../../src/providers/gcp/rules.ts';
import { FakeGoogleRest, type FakeGoogleRestState } from '../../helpers/google-rest.ts';

const TOKEN = 'ya29.live-reads-token';
const POOL = 'projects/123456789/locations/global/workloadIdentityPools/github';
const PROVIDER = `${POOL}/providers/my-repo`;
const SA = 'my-service-account@my-project.iam.gserviceaccount.com';
const REPO = 'octo-org/octo-repo';
const LOGIN: CiLogin = {
  provider: 'gcp',
  identity: PROVIDER,
  with: { service_account: SA },
  origin: { file: '.github/workflows/deploy.yml', line: 14 } as CiLogin['origin'],
};
const JOB_TOKEN: PredictedToken = {
  event: 'push',
  trigger: 'push to main',
  claims: {
    sub: { value: `repo:${REPO}:ref:refs/heads/main` },
    repository: { value: REPO },
    repository_owner: { value: 'octo-org' },
    ref: { value: 'refs/heads/main' },
  },
};
const STATE: FakeGoogleRestState = {
  workloadIdentityProviders: {
    [PROVIDER]: {
      displayName: 'My GitHub repo Provider',
      attributeMapping: { 'google.subject': 'assertion.sub', 'attribute.repository': 'assertion.repository' },
      attributeCondition: "assertion.repository_owner == 'octo-org'",
      oidc: { issuerUri: 'https://token.actions.githubusercontent.com' },
    },
  },
  workloadIdentityPools: { [POOL]: { displayName: 'GitHub Actions Pool' } },
  serviceAccountPolicies: {
    [SA]: {
      bindings: [
        {
          role: 'roles/iam.workloadIdentityUser',
          members: [`principalSet://iam.googleapis.com/${POOL}/attribute.repository/${REPO}`],
        },
      ],
    },
  },
  policies: { 'projects/my-project': { etag: 'ACAB' } },
};

async function readLive(state: FakeGoogleRestState, ciPushes: readonly PushQuestion[] = []) {
  const fake = await new FakeGoogleRest(state, TOKEN).start();
  try {
    const endpoints = { iam: fake.url, resourceManager: fake.url, artifactRegistry: fake.url };
    const config = loadConfigText(
      stringify({ version: 1, endpoints: { google: endpoints } }),
      'pullcheck.yml',
    );
    const result = await read({
      config,
      plan: { images: [], targets: [] },
      runner: new CallRunner({ sleep: async () => {}, timeoutMs: 5_000 }),
      credentials: { gcp: TOKEN },
      credentialHints: {},
      ciLogins: [LOGIN],
      ciPushes,
    });
    return { facts: result?.facts ?? {}, requests: fake.requests };
  } finally {
    await fake.stop();
  }
}

function decide(facts: Record<string, unknown>) {
  const config = loadConfigText(
    stringify({ version: 1, facts: { gcp: { ...facts, projects: [{ id: 'my-project', ancestors: [] }] } } }),
    'pullcheck.yml',
  );
  return buildRules(config).decideLogin!({ login: LOGIN, token: JOB_TOKEN })!;
}

test('the provider, its pool and the service account policy are read, and decide the login offline', async () => {
  const { facts, requests } = await readLive(STATE);
  assert.deepEqual(
    requests.map((request) => `${request.method} ${request.path}`).sort(),
    [
      `GET /v1/${POOL}`,
      `GET /v1/${PROVIDER}`,
      `POST /v1/projects/-/serviceAccounts/${SA}:getIamPolicy`,
      'POST /v3/projects/my-project:getIamPolicy',
    ].sort(),
  );
  const verdict = decide(facts);
  assert.equal(verdict.verdict, 'allowed', verdict.reasons.join('\n'));
  assert.equal(verdict.principal, `serviceAccount:${SA}`);
});

test('a provider the reader may not get is unreadable: the login is unknown, naming the permission', async () => {
  const { facts } = await readLive({
    ...STATE,
    denied: [`iam.workloadIdentityPoolProviders.get on ${PROVIDER}`],
  });
  const verdict = decide(facts);
  assert.equal(verdict.verdict, 'unknown');
  assert.match(verdict.reasons.join('\n'), /could not be read: .*iam\.workloadIdentityPoolProviders\.get/);
});

test('a service account policy the reader may not get leaves the grant unknown, never denied', async () => {
  const { facts } = await readLive({
    ...STATE,
    denied: [`iam.serviceAccounts.getIamPolicy on projects/-/serviceAccounts/${SA}`],
  });
  const verdict = decide(facts);
  assert.equal(verdict.verdict, 'unknown');
  assert.match(verdict.reasons.join('\n'), /iam\.serviceAccounts\.getIamPolicy/);
});

test('a condition pullcheck cannot parse, read live, is unreadable with the reason (no config error)', async () => {
  const provider = {
    ...STATE.workloadIdentityProviders![PROVIDER]!,
    attributeCondition: 'assertion.a == `b`',
  };
  const { facts } = await readLive({ ...STATE, workloadIdentityProviders: { [PROVIDER]: provider } });
  const verdict = decide(facts);
  assert.equal(verdict.verdict, 'unknown');
  assert.match(
    verdict.reasons.join('\n'),
    /not CEL pullcheck can parse: attributeCondition: unexpected character/,
  );
});

test('a disabled pool read live refuses the login', async () => {
  const { facts } = await readLive({ ...STATE, workloadIdentityPools: { [POOL]: { disabled: true } } });
  const verdict = decide(facts);
  assert.equal(verdict.verdict, 'denied');
  assert.match(verdict.reasons.join('\n'), /its pool .* is disabled/);
});

test("the pushed images' repository policies are read too, and decide the push offline", async () => {
  const repository = 'projects/my-project/locations/us-west1/repositories/my-repo';
  const image = parseImageReference(
    'us-west1-docker.pkg.dev/my-project/my-repo/app:v1',
    registryLocator(registries),
  );
  const state: FakeGoogleRestState = {
    ...STATE,
    policies: {
      ...STATE.policies,
      [repository]: {
        bindings: [{ role: 'roles/artifactregistry.writer', members: [`serviceAccount:${SA}`] }],
      },
    },
  };
  const { facts, requests } = await readLive(state, [{ image, principal: `serviceAccount:${SA}` }]);
  assert.ok(requests.some((request) => request.path === `/v1/${repository}:getIamPolicy`));
  const config = loadConfigText(
    stringify({ version: 1, facts: { gcp: { ...facts, projects: [{ id: 'my-project', ancestors: [] }] } } }),
    'pullcheck.yml',
  );
  const verdict = buildRules(config).decidePush!({ image, principal: `serviceAccount:${SA}` })!;
  assert.equal(verdict.verdict, 'allowed', verdict.reasons.join('\n'));
});
