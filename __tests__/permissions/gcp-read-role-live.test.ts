// The generated Google role against what the Google live reads really ask: a CI login and a push to
// Artifact Registry read from the fake Google REST server (helpers/google-rest.ts), each call's permission
// recorded by the CallRunner it goes through; the role of that very plan must hold every one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { CallRunner, type Call } from '../../src/core/call-runner.ts';
import type { CiLogin } from '../../src/core/ci-path.ts';
import { loadConfigText } from '../../src/core/config/load.ts';
import { parseImageReference } from '../../src/core/image-reference.ts';
import { registryLocator } from '../../src/core/registries.ts';
import { gcpReadRole } from '../../src/permissions/gcp-read-role.ts';
import { read } from '../../src/providers/gcp/live-reads.ts';
import { registries } from '../../src/providers/index.ts';
import { FakeGoogleRest } from '../helpers/google-rest.ts';

const TOKEN = 'ya29.permissions-token';
const POOL = 'projects/123456789/locations/global/workloadIdentityPools/github';
const PROVIDER = `${POOL}/providers/my-repo`;
const SA = 'deployer@my-project.iam.gserviceaccount.com';
const REPOSITORY = 'projects/my-project/locations/us-west1/repositories/my-repo';

/** A CallRunner that remembers the permission of every call it is given. */
class RecordingRunner extends CallRunner {
  readonly permissions = new Set<string>();
  override run<T>(call: Call, send: (signal: AbortSignal) => Promise<T>) {
    this.permissions.add(call.permission);
    return super.run(call, send);
  }
}

test('the Google custom role holds every permission the live reads of the plan use', async () => {
  const fake = await new FakeGoogleRest(
    {
      workloadIdentityProviders: {
        [PROVIDER]: {
          attributeMapping: { 'google.subject': 'assertion.sub' },
          oidc: { issuerUri: 'https://token.actions.githubusercontent.com' },
        },
      },
      workloadIdentityPools: { [POOL]: {} },
      serviceAccountPolicies: { [SA]: { bindings: [] } },
      policies: { 'projects/my-project': { etag: 'ACAB' }, [REPOSITORY]: { bindings: [] } },
    },
    TOKEN,
  ).start();
  try {
    const url = fake.url;
    const config = loadConfigText(
      stringify({
        version: 1,
        endpoints: { google: { iam: url, resourceManager: url, artifactRegistry: url } },
      }),
      'pullcheck.yml',
    );
    const login: CiLogin = {
      provider: 'gcp',
      identity: PROVIDER,
      with: { service_account: SA },
      origin: { file: 'deploy.yml', line: 1 } as CiLogin['origin'],
    };
    const image = parseImageReference(
      'us-west1-docker.pkg.dev/my-project/my-repo/app:v1',
      registryLocator(registries),
    );
    const plan = {
      config,
      plan: { images: [], targets: [] },
      ciLogins: [login],
      ciPushes: [{ image, principal: `serviceAccount:${SA}` }],
    };
    const runner = new RecordingRunner({ sleep: async () => {}, timeoutMs: 5_000 });
    await read({ ...plan, runner, credentials: { gcp: TOKEN }, credentialHints: {} });
    assert.ok(
      runner.permissions.has('artifactregistry.repositories.getIamPolicy'),
      [...runner.permissions].join(', '),
    );
    assert.ok(
      runner.permissions.has('iam.workloadIdentityPoolProviders.get'),
      [...runner.permissions].join(', '),
    );
    const role = gcpReadRole(plan);
    assert.ok(role);
    const granted = new Set([...role.permissions, ...role.organizationPermissions]);
    const missing = [...runner.permissions].filter((permission) => !granted.has(permission));
    assert.deepEqual(missing, []);
  } finally {
    await fake.stop();
  }
});
