// Google logins against STS and IAM Credentials on 127.0.0.1: GitHub's OIDC token → federated token
// (→ service account token), Application Default Credentials, the library's retries, masks, and error
// messages that say what to check and never carry a token.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import { gcpMetadata } from 'google-auth-library';
import {
  googleAccessToken,
  GoogleLoginError,
  type GoogleLoginOptions,
} from '../../src/providers/gcp/login.ts';
import {
  ACCESS_TOKEN_TYPE,
  CLOUD_PLATFORM,
  FakeGoogleApis,
  fakeGitHubJwt,
  googleError,
  JWT_TOKEN_TYPE,
  TOKEN_EXCHANGE_GRANT,
} from '../helpers/google-apis.ts';

// Nothing may reach a metadata server, a gcloud config or a proxy: only 127.0.0.1.
process.env['METADATA_SERVER_DETECTION'] = 'none';
delete process.env['GOOGLE_APPLICATION_CREDENTIALS'];
delete process.env['GOOGLE_CLOUD_QUOTA_PROJECT'];
for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) delete process.env[name];
process.env['CLOUDSDK_CONFIG'] = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-gcloud-'));
gcpMetadata.setGCPResidency(false);

const PROVIDER = 'projects/123456789012/locations/global/workloadIdentityPools/github/providers/acme';
const SA = 'pusher@acme-prod.iam.gserviceaccount.com';
const OTHER_SA = 'stranger@acme-prod.iam.gserviceaccount.com';

const google = new FakeGoogleApis({
  provider: PROVIDER,
  allowedAudiences: [`https://iam.googleapis.com/${PROVIDER}`, 'pullcheck-custom'],
  attributeCondition: (claims) => claims['repository_owner'] === 'acme',
  workloadIdentityUsers: [SA],
});
before(async () => void (await google.start()));
after(async () => await google.stop());
beforeEach(() => {
  google.reset();
  delete process.env['GOOGLE_APPLICATION_CREDENTIALS'];
});
afterEach(() => delete process.env['GOOGLE_APPLICATION_CREDENTIALS']);

/** Every fake GitHub token handed out, for the leak checks. */
const jwts: string[] = [];

interface Harness {
  readonly options: GoogleLoginOptions;
  readonly masked: string[];
  readonly audiences: string[];
}

function harness(overrides: Partial<GoogleLoginOptions> = {}, claims: Record<string, unknown> = {}): Harness {
  const masked: string[] = [];
  const audiences: string[] = [];
  return {
    masked,
    audiences,
    options: {
      workloadIdentityProvider: PROVIDER,
      endpoints: { sts: google.url, iamCredentials: google.url },
      getIdToken: async (audience) => {
        audiences.push(audience);
        const jwt = fakeGitHubJwt({ aud: audience, ...claims });
        jwts.push(jwt);
        return jwt;
      },
      mask: (secret) => masked.push(secret),
      ...overrides,
    },
  };
}

function secrets(): string[] {
  return [...jwts, ...google.issued.sts, ...google.issued.iamcredentials];
}

function assertNoSecret(text: string): void {
  for (const secret of secrets()) assert.ok(!text.includes(secret), `a token leaked into: ${text}`);
  assert.doesNotMatch(text, /ya29\.|eyJ/);
}

async function loginError(options: GoogleLoginOptions): Promise<GoogleLoginError> {
  try {
    await googleAccessToken(options);
  } catch (error) {
    assert.ok(error instanceof GoogleLoginError, `expected a GoogleLoginError, got ${String(error)}`);
    assertNoSecret(error.message);
    assertNoSecret(String(error.stack));
    return error;
  }
  assert.fail('the login succeeded');
}

test('direct federation: the STS token is the access token, exchanged as RFC 8693 says', async () => {
  const { options, masked, audiences } = harness();
  const token = await googleAccessToken(options);

  assert.equal(token, google.issued.sts.at(-1));
  assert.equal(google.requestsTo('iamcredentials').length, 0);
  assert.deepEqual(audiences, [`https://iam.googleapis.com/${PROVIDER}`]);
  const [sts] = google.requestsTo('sts');
  assert.ok(sts);
  assert.equal(sts.method, 'POST');
  assert.equal(sts.path, '/v1/token');
  assert.match(sts.contentType ?? '', /^application\/x-www-form-urlencoded/);
  assert.equal(sts.authorization, undefined);
  assert.deepEqual(
    {
      grant_type: sts.params['grant_type'],
      audience: sts.params['audience'],
      subject_token: sts.params['subject_token'],
      subject_token_type: sts.params['subject_token_type'],
      requested_token_type: sts.params['requested_token_type'],
      scope: sts.params['scope'],
    },
    {
      grant_type: TOKEN_EXCHANGE_GRANT,
      audience: `//iam.googleapis.com/${PROVIDER}`,
      subject_token: jwts.at(-1),
      subject_token_type: JWT_TOKEN_TYPE,
      requested_token_type: ACCESS_TOKEN_TYPE,
      scope: CLOUD_PLATFORM,
    },
  );
  assert.ok(masked.includes(jwts.at(-1)!), 'the GitHub token is masked');
  assert.ok(masked.includes(token), 'the access token is masked');
  assert.ok(
    masked.indexOf(jwts.at(-1)!) < masked.indexOf(token),
    'the subject token is masked before the exchange',
  );
});

test('with a service account: the impersonated token, asked for with the federated token as Bearer', async () => {
  const { options, masked } = harness({ serviceAccount: SA });
  const token = await googleAccessToken(options);

  assert.equal(token, google.issued.iamcredentials.at(-1));
  const federated = google.issued.sts.at(-1)!;
  assert.notEqual(token, federated);
  const [iam] = google.requestsTo('iamcredentials');
  assert.ok(iam);
  assert.equal(iam.method, 'POST');
  assert.equal(iam.path, `/v1/projects/-/serviceAccounts/${SA}:generateAccessToken`);
  assert.equal(iam.authorization, `Bearer ${federated}`);
  assert.deepEqual(iam.params['scope'], [CLOUD_PLATFORM]);
  assert.equal(iam.params['lifetime'], '3600s');
  // With impersonation the library asks STS for cloud-platform (what generateAccessToken requires).
  assert.equal(google.requestsTo('sts')[0]?.params['scope'], CLOUD_PLATFORM);
  for (const secret of [jwts.at(-1)!, federated, token]) {
    assert.ok(masked.includes(secret), 'every token is masked');
  }
  assert.ok(masked.indexOf(federated) < masked.indexOf(token), 'the federated token is masked as it is used');
});

test('a custom audience goes into the GitHub token; the provider must allow it', async () => {
  const allowed = harness({ audience: 'pullcheck-custom' });
  await googleAccessToken(allowed.options);
  assert.deepEqual(allowed.audiences, ['pullcheck-custom']);
  // The STS audience stays the provider's resource name whatever the GitHub token's audience.
  assert.equal(google.requestsTo('sts')[0]?.params['audience'], `//iam.googleapis.com/${PROVIDER}`);

  const refused = harness({ audience: 'sts.amazonaws.com' });
  const error = await loginError(refused.options);
  assert.equal(error.step, 'sts');
  assert.equal(error.status, 400);
  assert.match(error.message, /invalid_grant/);
  assert.match(error.message, /audience in ID Token \[sts\.amazonaws\.com\]/);
  assert.match(error.message, /allowed audiences contain sts\.amazonaws\.com/);
  assert.match(error.message, /token\.actions\.githubusercontent\.com/);
  assert.ok(refused.masked.includes(jwts.at(-1)!), 'the refused token was still masked');
});

test('STS invalid_grant (wrong issuer): guidance, and no token in the message', async () => {
  const { options } = harness({}, { iss: 'https://gitlab.example' });
  const error = await loginError(options);
  assert.equal(error.name, 'GoogleLoginError');
  assert.equal(error.step, 'sts');
  assert.match(error.message, new RegExp(`provider ${PROVIDER.replaceAll('/', '\\/')}`));
  assert.match(error.message, /invalid_grant: The issuer in ID Token https:\/\/gitlab\.example/);
  assert.match(error.message, /issuer is https:\/\/token\.actions\.githubusercontent\.com/);
  assert.equal(google.requestsTo('iamcredentials').length, 0);
});

test("the provider's attribute condition refusing the repository (unauthorized_client)", async () => {
  const { options } = harness(
    { serviceAccount: SA },
    { repository_owner: 'mallory', repository: 'mallory/app' },
  );
  const error = await loginError(options);
  assert.equal(error.step, 'sts');
  assert.match(
    error.message,
    /unauthorized_client: The given credential is rejected by the attribute condition/,
  );
  assert.match(error.message, /attribute condition/);
  assert.equal(google.requestsTo('iamcredentials').length, 0);
});

test('a provider that does not exist (invalid_target) points at the name and the project number', async () => {
  const { options } = harness({
    workloadIdentityProvider:
      'projects/acme-prod/locations/global/workloadIdentityPools/github/providers/acme',
  });
  const error = await loginError(options);
  assert.match(error.message, /invalid_target/);
  assert.match(error.message, /project NUMBER, not the project ID/);
});

test('token text echoed by STS is cut out of the message', async () => {
  const { options } = harness();
  // STS never echoes the subject token, but a proxy or a future message might: the JWT we are about to send
  // cannot be known here, so echo a token-looking string and a Bearer header instead.
  google.failNext({
    api: 'sts',
    status: 400,
    body: {
      error: 'invalid_grant',
      error_description:
        'bad token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl, Authorization: Bearer ya29.secret-looking',
    },
  });
  const error = await loginError(options);
  assert.match(error.message, /bad token \*\*\*, Authorization: Bearer \*\*\*/);
});

test('what STS says is bounded: one line of at most 300 characters, whatever a proxy answers', async () => {
  const { options } = harness();
  google.failNext({
    api: 'sts',
    status: 400,
    body: { error: 'invalid_grant', error_description: `${'x'.repeat(10_000)}\nsecond line` },
  });
  const error = await loginError(options);
  assert.match(error.message, /invalid_grant: x{300}\)/);
  google.failNext({ api: 'sts', status: 400, body: { error: `${'e'.repeat(10_000)}\nsecond line` } });
  const odd = await loginError(options);
  assert.ok(odd.message.length < 1_000, `${odd.message.length} characters`);
  assert.doesNotMatch(odd.message, /second line/);
  assert.ok(error.message.length < 1_000, `${error.message.length} characters`);
  assert.doesNotMatch(error.message, /second line/);
});

test('generateAccessToken 403 names the service account and roles/iam.workloadIdentityUser', async () => {
  const { options, masked } = harness({ serviceAccount: OTHER_SA });
  const error = await loginError(options);
  assert.equal(error.step, 'impersonation');
  assert.equal(error.status, 403);
  assert.match(error.message, new RegExp(`generateAccessToken for ${OTHER_SA}`));
  assert.match(error.message, /PERMISSION_DENIED: Permission 'iam\.serviceAccounts\.getAccessToken' denied/);
  assert.match(
    error.message,
    /roles\/iam\.workloadIdentityUser on stranger@acme-prod\.iam\.gserviceaccount\.com/,
  );
  assert.match(
    error.message,
    /principalSet:\/\/iam\.googleapis\.com\/projects\/123456789012\/locations\/global\/workloadIdentityPools\/github\/attribute\.repository\/OWNER\/REPO/,
  );
  assert.equal(google.requestsTo('iamcredentials').length, 1, '4xx is not retried');
  assert.ok(masked.includes(google.issued.sts.at(-1)!), 'the federated token was masked before it was used');
});

test('an injected 403 SERVICE_DISABLED says to enable the IAM Credentials API', async () => {
  google.failNext({
    api: 'iamcredentials',
    status: 403,
    body: googleError(
      403,
      'IAM Service Account Credentials API has not been used in project 123456789012 before or it is disabled.',
      [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'SERVICE_DISABLED' }],
    ),
  });
  const error = await loginError(harness({ serviceAccount: SA }).options);
  assert.equal(error.step, 'impersonation');
  assert.match(
    error.message,
    /Enable the IAM Service Account Credentials API \(iamcredentials\.googleapis\.com\)/,
  );
});

test('one 503 from STS and one from IAM Credentials are retried by the library', async () => {
  google.failNext({ api: 'sts', status: 503 });
  google.failNext({ api: 'iamcredentials', status: 503 });
  const token = await googleAccessToken(harness({ serviceAccount: SA }).options);
  assert.equal(token, google.issued.iamcredentials.at(-1));
  assert.equal(google.requestsTo('sts').length, 2);
  assert.equal(google.requestsTo('iamcredentials').length, 2);
  // A retried exchange resends the same subject token: GitHub is asked once.
  const [first, second] = google.requestsTo('sts');
  assert.equal(first?.params['subject_token'], second?.params['subject_token']);
});

test('STS answering 503 every time: four attempts, then an error that says so', async () => {
  google.failNext({ api: 'sts', status: 503, times: 10 });
  const error = await loginError(harness().options);
  assert.equal(error.step, 'sts');
  assert.equal(error.status, 503);
  assert.match(error.message, /HTTP 503 after retries/);
  assert.equal(google.requestsTo('sts').length, 4);
});

test('STS unreachable: a network error naming the endpoint', async () => {
  const closed = await closedPort();
  const error = await loginError(
    harness({ endpoints: { sts: `http://127.0.0.1:${closed}/`, iamCredentials: google.url } }).options,
  );
  assert.equal(error.step, 'sts');
  assert.equal(error.status, undefined);
  assert.match(error.message, new RegExp(`Google STS \\(http://127\\.0\\.0\\.1:${closed}\\)`));
  assert.match(error.message, /ECONNREFUSED/);
  assert.match(error.message, /reach/);
});

test("GitHub's OIDC token unavailable: says which permission, and STS is never called", async () => {
  const { options } = harness({
    getIdToken: async () => {
      throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
    },
  });
  const error = await loginError(options);
  assert.equal(error.step, 'github-oidc');
  assert.match(error.message, /ACTIONS_ID_TOKEN_REQUEST_URL/);
  assert.match(error.message, /id-token: write/);
  assert.equal(google.requests.length, 0);
});

test('inputs are checked before anything is sent', async () => {
  const badProvider = await loginError(harness({ workloadIdentityProvider: 'github/acme' }).options);
  assert.equal(badProvider.step, 'configuration');
  assert.match(badProvider.message, /projects\/PROJECT_NUMBER\/locations\/global\/workloadIdentityPools/);
  const badAccount = await loginError(harness({ serviceAccount: 'pusher/../../x' }).options);
  assert.equal(badAccount.step, 'configuration');
  const badEndpoint = await loginError(harness({ endpoints: { sts: 'ftp://127.0.0.1' } }).options);
  assert.equal(badEndpoint.step, 'configuration');
  assert.equal(google.requests.length, 0);
});

test('a provider given as //iam.googleapis.com/… is accepted', async () => {
  const { options, audiences } = harness({ workloadIdentityProvider: `//iam.googleapis.com/${PROVIDER}` });
  await googleAccessToken(options);
  assert.deepEqual(audiences, [`https://iam.googleapis.com/${PROVIDER}`]);
});

test('without a provider and without ADC: a no-credentials error', async () => {
  const error = await loginError(withoutProvider(harness().options));
  assert.equal(error.step, 'no-credentials');
  assert.match(error.message, /GOOGLE_APPLICATION_CREDENTIALS/);
  assert.equal(google.requests.length, 0);
});

test('without a provider: Application Default Credentials (here an external account file), with impersonation', async () => {
  const jwt = fakeGitHubJwt({ aud: `https://iam.googleapis.com/${PROVIDER}` });
  jwts.push(jwt);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-adc-'));
  writeFileSync(path.join(dir, 'token'), jwt);
  const file = path.join(dir, 'credentials.json');
  writeFileSync(
    file,
    JSON.stringify({
      type: 'external_account',
      audience: `//iam.googleapis.com/${PROVIDER}`,
      subject_token_type: JWT_TOKEN_TYPE,
      token_url: `${google.url}/v1/token`,
      credential_source: { file: path.join(dir, 'token') },
    }),
  );
  process.env['GOOGLE_APPLICATION_CREDENTIALS'] = file;
  const { options, masked } = harness();
  const adc = withoutProvider(options);

  const direct = await googleAccessToken(adc);
  assert.equal(direct, google.issued.sts.at(-1));
  assert.ok(masked.includes(direct));

  const impersonated = await googleAccessToken({ ...adc, serviceAccount: SA });
  assert.equal(impersonated, google.issued.iamcredentials.at(-1));
  const iam = google.requestsTo('iamcredentials').at(-1);
  assert.equal(iam?.authorization, `Bearer ${google.issued.sts.at(-1)}`);
  assert.ok(masked.includes(google.issued.sts.at(-1)!), 'the ADC token used for impersonation is masked');
  assert.ok(masked.includes(impersonated));
  // Only the two APIs were asked: no project lookup at Cloud Resource Manager or the metadata server.
  assert.deepEqual(
    google.requests.map((request) => request.api),
    ['sts', 'sts', 'iamcredentials'],
  );

  const refused = await loginError({ ...adc, serviceAccount: OTHER_SA });
  assert.equal(refused.step, 'impersonation');
  assert.match(refused.message, /roles\/iam\.serviceAccountTokenCreator on stranger@/);
});

test('no error message of this file carried a token', () => {
  // loginError() checked each message against every token issued so far; this makes sure tokens were issued.
  assert.ok(jwts.length > 5);
  assert.ok(google.issued.sts.length > 3);
  assert.ok(google.issued.iamcredentials.length > 1);
});

function withoutProvider(options: GoogleLoginOptions): GoogleLoginOptions {
  const copy: { -readonly [K in keyof GoogleLoginOptions]: GoogleLoginOptions[K] } = { ...options };
  delete copy.workloadIdentityProvider;
  return copy;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
