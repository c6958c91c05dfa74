// The registry test infrastructure, proven against the real thing: docker-registry with htpasswd and with
// token auth, skopeo pushing and pulling a hand-made OCI image with a Docker config as its authfile.
import assert from 'node:assert/strict';
import { createPublicKey, verify, X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildOciImage, OCI_IMAGE_TAG, skopeoCopy } from './helpers/oci-image.ts';
import {
  registryToolsMissing,
  startRegistry,
  startTokenServer,
  type RunningRegistry,
  type TokenServer,
} from './helpers/registry.ts';

const skip = registryToolsMissing() ?? false;
const ALICE = { username: 'alice', password: 'correct horse battery staple' };
const WRONG = { username: 'alice', password: 'not the password' };
const SERVICE = 'pullcheck-test-registry';
const ISSUER = 'pullcheck-test-token-issuer';

let work = '';
let source = '';

before(async () => {
  if (skip) return;
  work = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-registry-test-'));
  source = await buildOciImage(path.join(work, 'source'));
});
after(() => {
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

let files = 0;
/** A Docker config JSON with `auth` (base64 user:password) for `host`, as `docker login` writes it. */
function dockerConfig(host: string, user: { username: string; password: string }): string {
  const file = path.join(work, `config-${++files}.json`);
  const auth = Buffer.from(`${user.username}:${user.password}`).toString('base64');
  writeFileSync(file, JSON.stringify({ auths: { [host]: { auth } } }), { mode: 0o600 });
  return file;
}

interface OciIndex {
  manifests: { digest: string; annotations?: Record<string, string> }[];
}
interface OciManifest {
  config: { digest: string };
  layers: { digest: string; size: number }[];
}

/** The config and layer digests of the image tagged OCI_IMAGE_TAG in an OCI layout. */
function imageDigests(dir: string): string[] {
  const blob = (digest: string) => path.join(dir, 'blobs', 'sha256', digest.replace(/^sha256:/, ''));
  const index = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as OciIndex;
  const entry = index.manifests.find(
    (m) => m.annotations?.['org.opencontainers.image.ref.name'] === OCI_IMAGE_TAG,
  );
  assert.ok(entry, `${dir} has an image tagged ${OCI_IMAGE_TAG}`);
  const manifest = JSON.parse(readFileSync(blob(entry.digest), 'utf8')) as OciManifest;
  const digests = [manifest.config.digest, ...manifest.layers.map((layer) => layer.digest)];
  for (const digest of digests) assert.ok(existsSync(blob(digest)), `${digest} is in ${dir}`);
  return digests;
}

/** Pushes the source image to demo/app:1.0, pulls it into a fresh layout, and checks it came back whole. */
async function pushAndPull(registry: RunningRegistry, authfile: string): Promise<void> {
  const remote = `docker://${registry.host}/demo/app:${OCI_IMAGE_TAG}`;
  const push = await skopeoCopy(source, remote, authfile);
  assert.equal(push.code, 0, `push failed:\n${push.stderr}`);
  const pulledDir = mkdtempSync(path.join(work, 'pulled-'));
  const pull = await skopeoCopy(remote, `oci:${pulledDir}:${OCI_IMAGE_TAG}`, authfile);
  assert.equal(pull.code, 0, `pull failed:\n${pull.stderr}`);
  assert.deepEqual(imageDigests(pulledDir), imageDigests(source.split(':')[1]!));
}

/** skopeo's error for credentials the registry (or its token server) refused. */
const AUTH_ERROR = /unauthorized|authentication required|invalid username\/password|401/i;

describe('htpasswd registry', { skip, timeout: 30_000 }, () => {
  let registry: RunningRegistry;
  before(async () => {
    registry = await startRegistry({ auth: { kind: 'htpasswd', users: [ALICE] } });
  });
  after(async () => registry?.stop());

  test('GET /v2/ without credentials is a Basic challenge', async () => {
    const response = await fetch(`${registry.url}/v2/`);
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('www-authenticate'), 'Basic realm="pullcheck-test"');
  });

  test('skopeo pushes and pulls with the Docker config credentials', async () => {
    await pushAndPull(registry, dockerConfig(registry.host, ALICE));
    const auth = `Basic ${Buffer.from(`${ALICE.username}:${ALICE.password}`).toString('base64')}`;
    const tags = await fetch(`${registry.url}/v2/demo/app/tags/list`, { headers: { authorization: auth } });
    assert.deepEqual(await tags.json(), { name: 'demo/app', tags: [OCI_IMAGE_TAG] });
  });

  test('a wrong password fails with an authentication error', async () => {
    const result = await skopeoCopy(
      source,
      `docker://${registry.host}/demo/app:wrong`,
      dockerConfig(registry.host, WRONG),
    );
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, AUTH_ERROR);
  });
});

describe('token-auth registry (Bearer challenge)', { skip, timeout: 30_000 }, () => {
  let tokenServer: TokenServer;
  let registry: RunningRegistry;
  before(async () => {
    tokenServer = await startTokenServer({ users: [ALICE], service: SERVICE, issuer: ISSUER });
    registry = await startRegistry({ auth: { kind: 'token', tokenServer } });
  });
  after(async () => {
    await registry?.stop();
    await tokenServer?.stop();
  });

  test('GET /v2/ without credentials is a Bearer challenge naming the realm and service', async () => {
    const response = await fetch(`${registry.url}/v2/`);
    assert.equal(response.status, 401);
    assert.equal(
      response.headers.get('www-authenticate'),
      `Bearer realm="${tokenServer.realm}",service="${SERVICE}"`,
    );
  });

  test('the token server issues an RS256 JWT with x5c and the requested repository access', async () => {
    const auth = Buffer.from(`${ALICE.username}:${ALICE.password}`).toString('base64');
    const query = `service=${SERVICE}&scope=${encodeURIComponent('repository:demo/app:pull')}`;
    const response = await fetch(`${tokenServer.realm}?${query}`, {
      headers: { authorization: `Basic ${auth}` },
    });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { token: string; access_token: string; expires_in: number };
    assert.equal(body.access_token, body.token);
    assert.equal(body.expires_in, 300);
    const [header, claims, signature] = body.token.split('.') as [string, string, string];
    const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    const certificate = new X509Certificate(readFileSync(tokenServer.certFile));
    assert.deepEqual(decode(header), { alg: 'RS256', typ: 'JWT', x5c: [certificate.raw.toString('base64')] });
    assert.ok(
      verify(
        'sha256',
        Buffer.from(`${header}.${claims}`),
        createPublicKey(certificate.publicKey.export({ format: 'pem', type: 'spki' })),
        Buffer.from(signature, 'base64url'),
      ),
      'the signature verifies with the rootcertbundle certificate',
    );
    const payload = decode(claims) as Record<string, unknown>;
    assert.equal(payload['iss'], ISSUER);
    assert.equal(payload['sub'], ALICE.username);
    assert.equal(payload['aud'], SERVICE);
    assert.deepEqual(payload['access'], [
      { type: 'repository', name: 'demo/app', actions: ['pull', 'push'] },
    ]);
    for (const claim of ['exp', 'nbf', 'iat', 'jti']) assert.ok(payload[claim], `${claim} is set`);

    const none = await fetch(`${tokenServer.realm}?service=${SERVICE}`, {
      headers: { authorization: `Basic ${auth}` },
    });
    const noScope = (await none.json()) as { token: string };
    assert.deepEqual((decode(noScope.token.split('.')[1]!) as { access: unknown }).access, []);
  });

  test('skopeo pushes and pulls through the Bearer challenge with Basic credentials at the realm', async () => {
    const seen = tokenServer.requests.length;
    await pushAndPull(registry, dockerConfig(registry.host, ALICE));
    const requests = tokenServer.requests.slice(seen);
    const expected = `Basic ${Buffer.from(`${ALICE.username}:${ALICE.password}`).toString('base64')}`;
    const issued = requests.filter((request) => request.status === 200);
    assert.ok(issued.length > 0, 'the token server issued tokens');
    assert.ok(
      issued.every((request) => request.authorization === expected),
      'every token was issued for the Docker config credentials',
    );
    const scopes = issued.map((request) => new URLSearchParams(request.query).getAll('scope').join(' '));
    assert.ok(
      scopes.some((scope) => scope.includes('repository:demo/app:') && scope.includes('push')),
      `a push scope was requested: ${scopes.join(' | ')}`,
    );
    assert.ok(issued.every((request) => new URLSearchParams(request.query).get('service') === SERVICE));
  });

  test('wrong credentials fail with an authentication error, refused by the token server', async () => {
    const seen = tokenServer.requests.length;
    const result = await skopeoCopy(
      source,
      `docker://${registry.host}/demo/app:wrong`,
      dockerConfig(registry.host, WRONG),
    );
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, AUTH_ERROR);
    const requests = tokenServer.requests.slice(seen);
    assert.ok(requests.length > 0 && requests.every((request) => request.status === 401));
  });
});
