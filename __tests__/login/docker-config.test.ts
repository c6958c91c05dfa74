import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import {
  addLogins,
  DockerConfigError,
  dockerConfigFiles,
  removeLogins,
} from '../../src/login/docker-config.ts';

const SECRET = 'FAKE-registry-password-9f3c';
const login = (host: string, password = SECRET) => ({ host, username: 'AWS', password });

function dirs() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-docker-'));
  return { file: path.join(root, '.docker', 'config.json'), backupDir: root, root };
}

// As `docker login` writes it: tab-indented, with a credential helper and another registry.
const EXISTING = `{\n\t"auths": {\n\t\t"ghcr.io": {\n\t\t\t"auth": "b3RoZXI6c2VjcmV0"\n\t\t},\n\t\t"123456789012.dkr.ecr.us-east-1.amazonaws.com": {\n\t\t\t"auth": "b2xkOm9sZA=="\n\t\t}\n\t},\n\t"credHelpers": {\n\t\t"quay.io": "secretservice"\n\t},\n\t"psFormat": "table {{.ID}}"\n}`;

test('a new config file is created with mode 0600 and removed again by the logout', () => {
  const { file, backupDir } = dirs();
  const record = addLogins(file, [login('123456789012.dkr.ecr.us-east-1.amazonaws.com')], backupDir);
  const written = JSON.parse(readFileSync(file, 'utf8'));
  assert.deepEqual(written, {
    auths: {
      '123456789012.dkr.ecr.us-east-1.amazonaws.com': {
        auth: Buffer.from(`AWS:${SECRET}`).toString('base64'),
      },
    },
  });
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.equal(statSync(record.backupFile).mode & 0o777, 0o600);
  assert.deepEqual(removeLogins(record), []);
  assert.equal(existsSync(file), false);
  assert.equal(existsSync(record.backupFile), false);
});

test('logins merge with what is there; the logout restores the original file byte for byte (replaced entry included)', () => {
  const { file, backupDir } = dirs();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, EXISTING);
  const record = addLogins(
    file,
    [login('123456789012.dkr.ecr.us-east-1.amazonaws.com'), login('europe-west2-docker.pkg.dev')],
    backupDir,
  );
  const merged = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(merged.auths['ghcr.io'].auth, 'b3RoZXI6c2VjcmV0', 'other entries stay');
  assert.equal(merged.credHelpers['quay.io'], 'secretservice', 'other keys stay');
  assert.match(readFileSync(file, 'utf8'), /^{\n\t"auths"/, 'the file keeps its tab indentation');
  removeLogins(record);
  assert.equal(readFileSync(file, 'utf8'), EXISTING);
});

test('an entry someone changed after the login is left alone, the others are removed', () => {
  const { file, backupDir } = dirs();
  const record = addLogins(file, [login('a.example'), login('b.example')], backupDir);
  const config = JSON.parse(readFileSync(file, 'utf8'));
  config.auths['a.example'] = { auth: 'Y2hhbmdlZDpieS1hLWxhdGVyLXN0ZXA=' };
  writeFileSync(file, JSON.stringify(config));
  assert.deepEqual(removeLogins(record), ['a.example']);
  assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')).auths, {
    'a.example': { auth: 'Y2hhbmdlZDpieS1hLWxhdGVyLXN0ZXA=' },
  });
});

test('a config that is not valid JSON is a clear error and stays untouched', () => {
  const { file, backupDir } = dirs();
  mkdirSync(path.dirname(file), { recursive: true });
  const broken = '{ "auths": { "ghcr.io": { "auth": "x" }, }';
  writeFileSync(file, broken);
  assert.throws(
    () => addLogins(file, [login('a.example')], backupDir),
    (error: unknown) => {
      assert.ok(error instanceof DockerConfigError);
      assert.match(error.message, /is not valid JSON .*left it untouched/);
      assert.ok(!error.message.includes(SECRET));
      return true;
    },
  );
  assert.equal(readFileSync(file, 'utf8'), broken);
  assert.deepEqual(readdirSync(path.dirname(file)), ['config.json'], 'no temporary file is left behind');
});

test('DOCKER_CONFIG picks the folder; REGISTRY_AUTH_FILE adds the Podman/Skopeo file', () => {
  assert.deepEqual(dockerConfigFiles({ DOCKER_CONFIG: '/tmp/d' }), ['/tmp/d/config.json']);
  assert.deepEqual(
    dockerConfigFiles({ DOCKER_CONFIG: '/tmp/d', REGISTRY_AUTH_FILE: '/run/containers/auth.json' }),
    ['/tmp/d/config.json', '/run/containers/auth.json'],
  );
  assert.equal(dockerConfigFiles({})[0], path.join(os.homedir(), '.docker', 'config.json'));
});

test('the error for a corrupt config quotes none of its text (V8 would quote the credential around the error)', () => {
  const { file, backupDir } = dirs();
  mkdirSync(path.dirname(file), { recursive: true });
  const credential = Buffer.from(`deploy:${SECRET}`).toString('base64');
  const broken = `{"auths": {"ghcr.io": {"auth": ${credential}}}}`; // the value lost its quotes
  writeFileSync(file, broken);
  assert.throws(
    () => addLogins(file, [login('a.example')], backupDir),
    (error: unknown) => {
      assert.ok(error instanceof DockerConfigError);
      assert.match(error.message, /is not valid JSON/);
      assert.ok(!error.message.includes(credential.slice(0, 6)), error.message);
      return true;
    },
  );
  assert.equal(readFileSync(file, 'utf8'), broken);
});
