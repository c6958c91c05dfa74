// OIDC login end to end: the bundled action (dist/index.js) as a process with the runner's environment,
// GitHub's OIDC token service, moto (STS, ECR) or fake Google STS/IAM Credentials on 127.0.0.1, a real
// Debian docker-registry (htpasswd, or token auth for the Bearer path), and skopeo pushing and pulling
// with the Docker config the action wrote. Then the post step, and the config's bytes.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { stringify } from 'yaml';
import { FakeGoogleApis } from '../helpers/google-apis.ts';
import { freePort, motoMissing, startMoto, type MotoServer } from '../helpers/moto.ts';
import { buildOciImage, skopeoCopy } from '../helpers/oci-image.ts';
import { startOidcServer, type OidcServer } from '../helpers/oidc-server.ts';
import { runNode, type ProcessResult } from '../helpers/process.ts';
import { parseCommandFile } from '../helpers/runner-files.ts';
import {
  registryToolsMissing,
  startRegistry,
  startTokenServer,
  type RunningRegistry,
} from '../helpers/registry.ts';

const ACTION = path.resolve('dist/index.js');
const ECR_HOST = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const ECR_PASSWORD = '123456789012-auth-token'; // what moto's GetAuthorizationToken hands out for the account
const ROLE = 'arn:aws:iam::123456789012:role/github-deploy';
const PROVIDER = 'projects/514728273412/locations/global/workloadIdentityPools/github/providers/acme';
const SERVICE_ACCOUNT = 'ci-pusher@acme-prod.iam.gserviceaccount.com';
const GAR_HOST = 'europe-west2-docker.pkg.dev';
const OPENSHIFT_HOST = 'default-route-openshift-image-registry.apps.example.com';
const OPENSHIFT_TOKEN = 'sha256~FAKE-openshift-token-3a9d';
// What `docker login` leaves: tab-indented, another registry, a credential helper.
const EXISTING_CONFIG = `{\n\t"auths": {\n\t\t"ghcr.io": {\n\t\t\t"auth": "b3RoZXI6c2VjcmV0"\n\t\t}\n\t},\n\t"credHelpers": {\n\t\t"quay.io": "secretservice"\n\t}\n}`;

const skip = motoMissing() ?? registryToolsMissing();
let oidc: OidcServer;
let moto: MotoServer;
before(async () => {
  if (skip) return;
  oidc = await startOidcServer();
  moto = await startMoto();
});
after(async () => {
  await oidc?.stop();
  await moto?.stop();
});

interface Run extends ProcessResult {
  readonly outputs: Record<string, string>;
  readonly state: Record<string, string>;
  readonly dockerConfig: string;
}

interface Scenario {
  readonly images: readonly string[];
  readonly targets?: readonly unknown[];
  readonly endpoints: Record<string, string>;
  readonly inputs: Record<string, string>;
  readonly googleEndpoint?: string;
  readonly existingConfig?: string;
  readonly env?: NodeJS.ProcessEnv;
}

async function runLogin(scenario: Scenario): Promise<Run & { home: string; config: string }> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-login-'));
  const dockerDir = path.join(home, '.docker');
  mkdirSync(dockerDir, { recursive: true });
  if (scenario.existingConfig !== undefined)
    writeFileSync(path.join(dockerDir, 'config.json'), scenario.existingConfig);
  const config = path.join(home, 'pullcheck.yml');
  writeFileSync(
    config,
    stringify({
      version: 1,
      images: scenario.images,
      targets: scenario.targets ?? [],
      endpoints: {
        registries: scenario.endpoints,
        ...(scenario.googleEndpoint
          ? { google: { sts: scenario.googleEndpoint, iamCredentials: scenario.googleEndpoint } }
          : {}),
      },
    }),
  );
  const files = { output: path.join(home, 'output'), state: path.join(home, 'state') };
  writeFileSync(files.output, '');
  writeFileSync(files.state, '');
  const env: NodeJS.ProcessEnv = {
    HOME: home,
    DOCKER_CONFIG: dockerDir,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    RUNNER_TEMP: home,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_RUN_ID: '4242',
    ACTIONS_ID_TOKEN_REQUEST_URL: oidc.requestUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.requestToken,
    AWS_ENDPOINT_URL: moto.url,
    // Login tests read nothing live unless they say so (Google's APIs are not on loopback here).
    INPUT_OFFLINE: 'true',
    AWS_ENDPOINT_URL_STS: moto.url,
    AWS_ENDPOINT_URL_ECR: moto.url,
    AWS_EC2_METADATA_DISABLED: 'true',
    METADATA_SERVER_DETECTION: 'none',
    'INPUT_FAIL-ON': 'never',
    INPUT_COMMENT: 'never',
    INPUT_CONFIG: config,
    ...scenario.env,
  };
  for (const [name, value] of Object.entries(scenario.inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const result = await runNode([ACTION], env);
  const dockerConfigFile = path.join(dockerDir, 'config.json');
  return {
    ...result,
    home,
    config: dockerConfigFile,
    outputs: parseCommandFile(readFileSync(files.output, 'utf8')),
    state: parseCommandFile(readFileSync(files.state, 'utf8')),
    dockerConfig: existsSync(dockerConfigFile) ? readFileSync(dockerConfigFile, 'utf8') : '',
  };
}

/** The runner's second run of the action for `post:`, with the state the main step saved. */
async function runPost(run: Run & { home: string }): Promise<ProcessResult> {
  const env: NodeJS.ProcessEnv = {
    HOME: run.home,
    DOCKER_CONFIG: path.join(run.home, '.docker'),
    RUNNER_TEMP: run.home,
  };
  for (const [name, value] of Object.entries(run.state)) env[`STATE_${name}`] = value;
  return runNode([ACTION], env);
}

/** Secrets may appear only in the `::add-mask::` commands that tell the runner to hide them. */
function assertNoSecret(texts: Record<string, string>, secrets: readonly string[]): void {
  for (const [where, text] of Object.entries(texts)) {
    const visible = text
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    for (const secret of secrets) assert.ok(!visible.includes(secret), `a secret leaked into ${where}`);
  }
}

async function pushAndPull(registry: RunningRegistry, authfile: string, repository: string): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-oci-'));
  const image = await buildOciImage(path.join(dir, 'image'));
  const pushed = await skopeoCopy(image, `docker://${registry.host}/${repository}:1.0`, authfile);
  assert.equal(pushed.code, 0, `push failed: ${pushed.stderr}`);
  const pulled = await skopeoCopy(
    `docker://${registry.host}/${repository}:1.0`,
    `oci:${path.join(dir, 'back')}:1.0`,
    authfile,
  );
  assert.equal(pulled.code, 0, `pull failed: ${pulled.stderr}`);
}

test(
  'ECR: OIDC → AssumeRoleWithWebIdentity (moto) → GetAuthorizationToken; the login works for skopeo; the post step restores the config byte for byte',
  { skip },
  async () => {
    const registry = await startRegistry({
      auth: { kind: 'htpasswd', users: [{ username: 'AWS', password: ECR_PASSWORD }] },
    });
    try {
      const run = await runLogin({
        images: [`${ECR_HOST}/team/app:1.0`],
        endpoints: { [ECR_HOST]: registry.url },
        inputs: { 'aws-role-arn': ROLE, offline: 'false' },
        targets: [{ name: 'ci', platform: 'aws-role', roles: [ROLE] }],
        existingConfig: EXISTING_CONFIG,
      });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.equal(run.outputs['registries'], ECR_HOST);
      assert.equal(
        run.outputs['registry'],
        ECR_HOST,
        'one registry: `registry` as amazon-ecr-login gives it',
      );
      // The live reads that follow use the session the OIDC login obtained (moto answers them).
      const report = JSON.parse(readFileSync(run.outputs['report-file']!, 'utf8'));
      assert.ok(
        report.facts.live.includes('arn:aws:ecr:us-east-1:123456789012:repository/team/app'),
        run.stdout,
      );
      assert.deepEqual(oidc.audiences.at(-1), 'sts.amazonaws.com');
      const written = JSON.parse(run.dockerConfig);
      const auth = Buffer.from(`AWS:${ECR_PASSWORD}`).toString('base64');
      assert.deepEqual(written.auths[ECR_HOST], { auth });
      assert.deepEqual(
        written.auths[registry.host],
        { auth },
        'the endpoint override gets the credentials too',
      );
      assert.equal(written.auths['ghcr.io'].auth, 'b3RoZXI6c2VjcmV0');
      await pushAndPull(registry, run.config, 'team/app');
      assertNoSecret({ stdout: run.stdout, stderr: run.stderr, outputs: JSON.stringify(run.outputs) }, [
        ECR_PASSWORD,
        auth,
        ...oidc.issued,
      ]);
      assert.match(run.stdout, new RegExp(`::add-mask::${ECR_PASSWORD}`), 'the password is masked');

      const post = await runPost(run);
      assert.equal(post.code, 0, post.stdout);
      assert.equal(
        readFileSync(run.config, 'utf8'),
        EXISTING_CONFIG,
        'the post step restores the original bytes',
      );
    } finally {
      await registry.stop();
    }
  },
);

test(
  'login only (check: false): logs in, sets registry and registries, checks nothing; the post step logs out',
  { skip },
  async () => {
    const registry = await startRegistry({
      auth: { kind: 'htpasswd', users: [{ username: 'AWS', password: ECR_PASSWORD }] },
    });
    try {
      const run = await runLogin({
        images: [`${ECR_HOST}/team/app:1.0`],
        endpoints: { [ECR_HOST]: registry.url },
        inputs: { 'aws-role-arn': ROLE, check: 'false' },
        existingConfig: EXISTING_CONFIG,
      });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.equal(run.outputs['registry'], ECR_HOST);
      assert.equal(run.outputs['registries'], ECR_HOST);
      assert.equal(run.outputs['gate'], undefined, 'no check, no gate');
      assert.equal(run.outputs['report-file'], undefined);
      assert.match(run.stdout, /check is false: logged in, nothing checked/);
      assert.match(run.stdout, new RegExp(`::add-mask::${ECR_PASSWORD}`), 'the password is masked');
      await pushAndPull(registry, run.config, 'team/app');
      assertNoSecret({ stdout: run.stdout, stderr: run.stderr, outputs: JSON.stringify(run.outputs) }, [
        ECR_PASSWORD,
        ...oidc.issued,
      ]);
      const post = await runPost(run);
      assert.equal(post.code, 0, post.stdout);
      assert.equal(readFileSync(run.config, 'utf8'), EXISTING_CONFIG);
    } finally {
      await registry.stop();
    }
  },
);

test(
  'a pull request from a fork gets no OIDC token: one warning, no login, the check runs and does not fail for it',
  { skip },
  async () => {
    const event = path.join(mkdtempSync(path.join(os.tmpdir(), 'pullcheck-fork-')), 'event.json');
    writeFileSync(
      event,
      JSON.stringify({
        pull_request: {
          number: 9,
          base: { repo: { full_name: 'acme/app' } },
          head: { repo: { full_name: 'stranger/app' } },
        },
      }),
    );
    const run = await runLogin({
      images: [`${ECR_HOST}/team/app:1.0`],
      endpoints: {},
      targets: [{ name: 'ci', platform: 'aws-role', roles: [ROLE] }],
      inputs: {
        'aws-role-arn': ROLE,
        'gcp-workload-identity-provider': PROVIDER,
        offline: 'false',
        'fail-on': 'denied',
      },
      env: {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event,
        // The runner sets no token request variables for a fork's pull request.
        ACTIONS_ID_TOKEN_REQUEST_URL: '',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: '',
        // and the fork has no AWS credentials of ours either.
        AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
        AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:9',
        AWS_ENDPOINT_URL_ECR: 'http://127.0.0.1:9',
      },
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const warnings = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('::warning::pullcheck: no OIDC'));
    assert.equal(warnings.length, 1, run.stdout);
    assert.match(
      warnings[0]!,
      /GitHub gives none to a pull request from a fork, so the logins \(aws-role-arn, gcp-workload-identity-provider\) are skipped/,
    );
    assert.doesNotMatch(run.stdout, /could not get GitHub's OIDC token/);
    assert.equal(run.outputs['registries'], '');
    assert.equal(run.dockerConfig, '', 'nothing written');
    const report = JSON.parse(readFileSync(run.outputs['report-file']!, 'utf8'));
    assert.deepEqual(
      report.results.map((result: { verdict: string }) => result.verdict),
      ['unknown'],
    );
  },
);

test(
  'ECR: one step logs in to several accounts and regions (one GetAuthorizationToken per region)',
  { skip },
  async () => {
    const other = '210987654321.dkr.ecr.eu-west-1.amazonaws.com';
    const first = await startRegistry({
      auth: { kind: 'htpasswd', users: [{ username: 'AWS', password: ECR_PASSWORD }] },
    });
    const second = await startRegistry({
      auth: { kind: 'htpasswd', users: [{ username: 'AWS', password: '210987654321-auth-token' }] },
    });
    try {
      const run = await runLogin({
        images: [`${ECR_HOST}/team/app:1.0`, `${other}/edge/agent:2.0`, `${ECR_HOST}/team/api:1.0`],
        endpoints: { [ECR_HOST]: first.url, [other]: second.url },
        inputs: { 'aws-role-arn': ROLE },
      });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.deepEqual(run.outputs['registries']?.split('\n').sort(), [other, ECR_HOST].sort());
      assert.equal(run.outputs['registry'], '', 'two registries: no single `registry`');
      await pushAndPull(second, run.config, 'edge/agent');
    } finally {
      await first.stop();
      await second.stop();
    }
  },
);

test(
  'Artifact Registry: OIDC → Google STS → generateAccessToken; the Bearer-token registry accepts oauth2accesstoken; no existing config is left behind',
  { skip },
  async () => {
    const google = new FakeGoogleApis({ provider: PROVIDER, workloadIdentityUsers: [SERVICE_ACCOUNT] });
    await google.start();
    const tokenServer = await startTokenServer({
      users: [],
      service: 'pullcheck-test-registry',
      issuer: 'pullcheck-test-issuer',
      accepts: (username, password) =>
        username === 'oauth2accesstoken' && google.issued.iamcredentials.includes(password),
    });
    const registry = await startRegistry({ auth: { kind: 'token', tokenServer } });
    try {
      const run = await runLogin({
        images: [`${GAR_HOST}/acme-prod/apps/api:1.0`],
        endpoints: { [GAR_HOST]: registry.url },
        googleEndpoint: google.url,
        inputs: { 'gcp-workload-identity-provider': PROVIDER, 'gcp-service-account': SERVICE_ACCOUNT },
      });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.equal(run.outputs['registries'], GAR_HOST);
      assert.ok(
        tokenServer.requests.some((request) => request.status === 200),
        'the Bearer challenge was followed',
      );
      await pushAndPull(registry, run.config, 'acme-prod/apps/api');
      assertNoSecret({ stdout: run.stdout, stderr: run.stderr }, [
        ...google.issued.sts,
        ...google.issued.iamcredentials,
        ...oidc.issued,
      ]);
      const post = await runPost(run);
      assert.equal(post.code, 0);
      assert.equal(existsSync(run.config), false, 'a config the login created is removed');
    } finally {
      await registry.stop();
      await tokenServer.stop();
      await google.stop();
    }
  },
);

test(
  'OpenShift: the openshift-token logs in to the registry route host, in the Docker config and REGISTRY_AUTH_FILE',
  { skip },
  async () => {
    const registry = await startRegistry({
      auth: { kind: 'htpasswd', users: [{ username: 'pullcheck', password: OPENSHIFT_TOKEN }] },
    });
    try {
      const podmanAuth = path.join(mkdtempSync(path.join(os.tmpdir(), 'pullcheck-podman-')), 'auth.json');
      const run = await runLogin({
        env: { REGISTRY_AUTH_FILE: podmanAuth },
        images: [`${OPENSHIFT_HOST}/project-a/web:1.0`],
        // The route host is the OpenShift registry because the target lists it.
        targets: [
          { name: 'ocp', platform: 'openshift', namespace: 'project-a', registryHosts: [OPENSHIFT_HOST] },
        ],
        endpoints: { [OPENSHIFT_HOST]: registry.url },
        inputs: { 'openshift-token': OPENSHIFT_TOKEN },
      });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      await pushAndPull(registry, run.config, 'project-a/web');
      // Podman, Buildah and Skopeo users get the same entries through REGISTRY_AUTH_FILE.
      await pushAndPull(registry, podmanAuth, 'project-a/web-podman');
      assertNoSecret({ stdout: run.stdout, stderr: run.stderr }, [OPENSHIFT_TOKEN]);
    } finally {
      await registry.stop();
    }
  },
);

test(
  'a registry that refuses the credentials (401) fails the step with its answer; the config is untouched',
  { skip },
  async () => {
    const registry = await startRegistry({
      auth: { kind: 'htpasswd', users: [{ username: 'AWS', password: 'another-password' }] },
    });
    try {
      const run = await runLogin({
        images: [`${ECR_HOST}/team/app:1.0`],
        endpoints: { [ECR_HOST]: registry.url },
        inputs: { 'aws-role-arn': ROLE },
        existingConfig: EXISTING_CONFIG,
      });
      assert.equal(run.code, 1);
      assert.match(
        run.stdout,
        /::error::pullcheck: login to 123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com failed: .*refused the credentials: 401/,
      );
      assert.equal(run.dockerConfig, EXISTING_CONFIG);
      assertNoSecret({ stdout: run.stdout, stderr: run.stderr }, [ECR_PASSWORD]);
    } finally {
      await registry.stop();
    }
  },
);

test('an unreachable registry fails the step after retries; the config is untouched', { skip }, async () => {
  const run = await runLogin({
    images: [`${ECR_HOST}/team/app:1.0`],
    endpoints: { [ECR_HOST]: `http://127.0.0.1:${await freePort()}` },
    inputs: { 'aws-role-arn': ROLE },
    existingConfig: EXISTING_CONFIG,
  });
  assert.equal(run.code, 1);
  assert.match(run.stdout, /could not be reached after 3 attempts: ECONNREFUSED/);
  assert.equal(run.dockerConfig, EXISTING_CONFIG);
});

test(
  'the OIDC token service down: a clear failure naming id-token: write, nothing written',
  { skip },
  async () => {
    const run = await runLogin({
      images: [`${ECR_HOST}/team/app:1.0`],
      endpoints: {},
      inputs: { 'aws-role-arn': ROLE },
      env: { ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${await freePort()}/token?api-version=2.0` },
    });
    assert.equal(run.code, 1);
    assert.match(
      run.stdout,
      /could not get GitHub's OIDC token for audience sts\.amazonaws\.com after 3 attempts .*id-token: write/,
    );
    assert.equal(run.dockerConfig, '');
  },
);

test('STS AccessDenied: the message explains the trust policy sub and aud claims', { skip }, async () => {
  const { createServer } = await import('node:http');
  const sts = createServer((_request, response) => {
    response.writeHead(403, { 'content-type': 'text/xml' });
    response.end(
      '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>Not authorized to perform sts:AssumeRoleWithWebIdentity</Message></Error><RequestId>1</RequestId></ErrorResponse>',
    );
  });
  await new Promise<void>((resolve) => sts.listen(0, '127.0.0.1', resolve));
  try {
    const port = (sts.address() as { port: number }).port;
    const run = await runLogin({
      images: [`${ECR_HOST}/team/app:1.0`],
      endpoints: {},
      inputs: { 'aws-role-arn': ROLE },
      env: { AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${port}` },
    });
    assert.equal(run.code, 1);
    assert.match(
      run.stdout,
      /could not assume arn:aws:iam::123456789012:role\/github-deploy .*AccessDenied.*token\.actions\.githubusercontent\.com:aud" must equal "sts\.amazonaws\.com".*token\.actions\.githubusercontent\.com:sub/,
    );
    assertNoSecret({ stdout: run.stdout, stderr: run.stderr }, oidc.issued);
  } finally {
    sts.close();
  }
});

test('a corrupt existing Docker config: a clear failure, the file untouched', { skip }, async () => {
  const registry = await startRegistry({
    auth: { kind: 'htpasswd', users: [{ username: 'AWS', password: ECR_PASSWORD }] },
  });
  try {
    const corrupt = '{"auths": {"ghcr.io": ';
    const run = await runLogin({
      images: [`${ECR_HOST}/team/app:1.0`],
      endpoints: { [ECR_HOST]: registry.url },
      inputs: { 'aws-role-arn': ROLE },
      existingConfig: corrupt,
    });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /::error::pullcheck: .*config\.json is not valid JSON.*left it untouched/);
    assert.equal(run.dockerConfig, corrupt);
  } finally {
    await registry.stop();
  }
});
