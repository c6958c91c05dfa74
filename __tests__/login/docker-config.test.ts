import assert from 'node:assert/strict';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import {
  DockerConfigError,
  dockerConfigFiles,
  loginToAuthFiles,
  removeLogins,
  type LoginRecord,
  type RegistryLogin,
} from '../../src/login/docker-config.ts';
import { pathWith, writeFakeCredentialHelper } from '../helpers/credential-helper.ts';

const SECRET = 'FAKE-registry-password-9f3c';
const login = (host: string, password = SECRET) => ({ host, username: 'AWS', password });

function dirs() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-docker-'));
  return { file: path.join(root, '.docker', 'config.json'), backupDir: root, root };
}

const ENV = { PATH: process.env['PATH'] };

/** Logs in through Docker's config file, keeping a backup in backupDir for the logout. */
function addLogins(
  file: string,
  logins: readonly RegistryLogin[],
  backupDir: string,
  env: NodeJS.ProcessEnv = ENV,
): LoginRecord {
  const [record] = loginToAuthFiles([{ path: file, readByDocker: true }], logins, { backupDir, env });
  assert.ok(record);
  return record;
}

const noChange = { changedSince: [], failures: [] };

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
  assert.deepEqual(removeLogins(record, ENV), noChange);
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
  assert.deepEqual(removeLogins(record, ENV), noChange);
  assert.equal(readFileSync(file, 'utf8'), EXISTING);
});

test('an entry someone changed after the login is left alone, the others are removed', () => {
  const { file, backupDir } = dirs();
  const record = addLogins(file, [login('a.example'), login('b.example')], backupDir);
  const config = JSON.parse(readFileSync(file, 'utf8'));
  config.auths['a.example'] = { auth: 'Y2hhbmdlZDpieS1hLWxhdGVyLXN0ZXA=' };
  writeFileSync(file, JSON.stringify(config));
  assert.deepEqual(removeLogins(record, ENV), { changedSince: [`a.example in ${file}`], failures: [] });
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
  assert.deepEqual(dockerConfigFiles({ DOCKER_CONFIG: '/tmp/d' }), [
    { path: '/tmp/d/config.json', readByDocker: true },
  ]);
  assert.deepEqual(
    dockerConfigFiles({ DOCKER_CONFIG: '/tmp/d', REGISTRY_AUTH_FILE: '/run/containers/auth.json' }),
    [
      { path: '/tmp/d/config.json', readByDocker: true },
      { path: '/run/containers/auth.json', readByDocker: false },
    ],
  );
  assert.equal(dockerConfigFiles({})[0]?.path, path.join(os.homedir(), '.docker', 'config.json'));
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

test('the backup lives in a private 0700 folder no report glob matches; the logout deletes both', () => {
  const { file, backupDir } = dirs();
  const record = addLogins(file, [login('a.example')], backupDir);
  const folder = path.dirname(record.backupFile);
  assert.equal(path.dirname(folder), backupDir, 'a folder directly under RUNNER_TEMP');
  assert.equal(statSync(folder).mode & 0o777, 0o700);
  assert.equal(statSync(record.backupFile).mode & 0o777, 0o600);
  const topLevel = readdirSync(backupDir).filter((name) => name !== '.docker');
  assert.deepEqual(topLevel, [path.basename(folder)]);
  for (const name of topLevel) {
    assert.ok(
      !name.startsWith('pullcheck-report') && !name.endsWith('.json'),
      `${name} matches a report glob`,
    );
  }
  assert.ok(!readFileSync(record.backupFile, 'utf8').includes(SECRET), 'the new secret is not in the backup');
  assert.deepEqual(record.hosts, ['a.example']);
  assert.deepEqual(removeLogins(record, ENV), noChange);
  assert.equal(existsSync(folder), false, 'the folder is gone with the backup');
});

test('without a backup folder (logout: false) the logins are written and no backup is kept', () => {
  const { file, root } = dirs();
  const records = loginToAuthFiles([{ path: file, readByDocker: true }], [login('a.example')], { env: ENV });
  assert.deepEqual(records, []);
  assert.ok(JSON.parse(readFileSync(file, 'utf8')).auths['a.example']);
  assert.deepEqual(readdirSync(root), ['.docker']);
});

test('a symlinked config.json is written through to its target: the link stays, the target keeps its mode', () => {
  const { file, backupDir, root } = dirs();
  const dotfiles = path.join(root, 'dotfiles', 'docker');
  mkdirSync(dotfiles, { recursive: true });
  const target = path.join(dotfiles, 'config.json');
  writeFileSync(target, EXISTING);
  chmodSync(target, 0o640);
  mkdirSync(path.dirname(file), { recursive: true });
  symlinkSync('../dotfiles/docker/config.json', file);
  const record = addLogins(file, [login('a.example')], backupDir);
  assert.ok(lstatSync(file).isSymbolicLink(), 'the link is still a link');
  assert.equal(readlinkSync(file), '../dotfiles/docker/config.json');
  assert.ok(JSON.parse(readFileSync(target, 'utf8')).auths['a.example'], 'the target holds the login');
  assert.equal(statSync(target).mode & 0o777, 0o640, 'the target keeps its mode');
  assert.deepEqual(readdirSync(dotfiles), ['config.json'], 'no temporary file is left in the target folder');
  assert.deepEqual(removeLogins(record, ENV), noChange);
  assert.ok(lstatSync(file).isSymbolicLink(), 'the restore keeps the link too');
  assert.equal(readFileSync(target, 'utf8'), EXISTING);
  assert.equal(statSync(target).mode & 0o777, 0o640);
});

test('a dangling symlink: the target is created behind it and removed again by the logout', () => {
  const { file, backupDir, root } = dirs();
  const target = path.join(root, 'dotfiles', 'config.json');
  mkdirSync(path.dirname(file), { recursive: true });
  symlinkSync(target, file);
  const record = addLogins(file, [login('a.example')], backupDir);
  assert.ok(lstatSync(file).isSymbolicLink());
  assert.equal(statSync(target).mode & 0o777, 0o600);
  removeLogins(record, ENV);
  assert.ok(lstatSync(file).isSymbolicLink(), 'the link is left as it was');
  assert.equal(existsSync(target), false);
});

test('a credHelpers host is logged in through its helper (not auths); the logout restores what the helper held', () => {
  const helper = writeFakeCredentialHelper('pcunit');
  const env = { PATH: pathWith(helper.bin) };
  const previous = { Username: 'someone', Secret: 'their-own-secret' };
  helper.seed({ 'quay.io': previous });
  const { file, backupDir } = dirs();
  mkdirSync(path.dirname(file), { recursive: true });
  const config = `{\n\t"credHelpers": {\n\t\t"quay.io": "pcunit",\n\t\t"ghcr.io": "pcunit"\n\t}\n}`;
  writeFileSync(file, config);
  const record = addLogins(file, [login('quay.io'), login('ghcr.io')], backupDir, env);
  assert.deepEqual(helper.entries(), {
    'quay.io': { Username: 'AWS', Secret: SECRET },
    'ghcr.io': { Username: 'AWS', Secret: SECRET },
  });
  assert.equal(readFileSync(file, 'utf8'), config, 'no auths entry that every client would ignore');
  assert.deepEqual(removeLogins(record, env), noChange);
  assert.deepEqual(
    helper.entries(),
    { 'quay.io': previous },
    'restored where there was a login, erased where none',
  );
  assert.equal(readFileSync(file, 'utf8'), config);
});

test('credsStore: Docker reads the helper and containers/image reads auths, so both get the login', () => {
  const helper = writeFakeCredentialHelper('pcstore');
  const env = { PATH: pathWith(helper.bin) };
  const { file, backupDir, root } = dirs();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '{"credsStore": "pcstore"}');
  const podman = path.join(root, 'auth.json');
  writeFileSync(podman, '{"credsStore": "pcstore"}');
  const records = loginToAuthFiles(
    [
      { path: file, readByDocker: true },
      { path: podman, readByDocker: false },
    ],
    [login('a.example')],
    { backupDir, env },
  );
  assert.deepEqual(helper.entries(), { 'a.example': { Username: 'AWS', Secret: SECRET } });
  const auth = Buffer.from(`AWS:${SECRET}`).toString('base64');
  assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')).auths, { 'a.example': { auth } });
  assert.deepEqual(JSON.parse(readFileSync(podman, 'utf8')).auths, { 'a.example': { auth } });
  assert.deepEqual(
    helper.calls().filter((call) => call.startsWith('store')),
    ['store a.example'],
    'REGISTRY_AUTH_FILE’s credsStore is not used: containers/image ignores it',
  );
  for (const record of records.reverse()) assert.deepEqual(removeLogins(record, env), noChange);
  assert.deepEqual(helper.entries(), {});
  assert.equal(readFileSync(file, 'utf8'), '{"credsStore": "pcstore"}');
});

test('a helper that is not on PATH fails the login naming the helper and the host; nothing is changed', () => {
  const { file, backupDir } = dirs();
  mkdirSync(path.dirname(file), { recursive: true });
  const config = '{"auths": {}, "credHelpers": {"registry.example": "pcabsent"}}';
  writeFileSync(file, config);
  assert.throws(
    () => addLogins(file, [login('registry.example')], backupDir),
    (error: unknown) => {
      assert.ok(error instanceof DockerConfigError);
      assert.match(error.message, /registry\.example/);
      assert.match(error.message, /docker-credential-pcabsent .*is not on PATH/);
      return true;
    },
  );
  assert.equal(readFileSync(file, 'utf8'), config);
  assert.deepEqual(readdirSync(backupDir), ['.docker'], 'no backup is left');
});

test('a helper failing halfway: the stores before it are undone, its words are bounded and carry no secret', () => {
  const good = writeFakeCredentialHelper('pcgood');
  const broken = writeFakeCredentialHelper('pcbroken', { failStores: true, bin: good.bin });
  const env = { PATH: pathWith(good.bin) };
  const previous = { Username: 'someone', Secret: 'their-own-secret' };
  good.seed({ 'first.example': previous });
  const { file, backupDir } = dirs();
  mkdirSync(path.dirname(file), { recursive: true });
  const config = JSON.stringify({ credHelpers: { 'first.example': 'pcgood', 'second.example': 'pcbroken' } });
  writeFileSync(file, config);
  const secret = `${SECRET}-${'x'.repeat(400)}`;
  assert.throws(
    () => addLogins(file, [login('first.example', secret), login('second.example', secret)], backupDir, env),
    (error: unknown) => {
      assert.ok(error instanceof DockerConfigError);
      assert.match(error.message, /docker-credential-pcbroken .*failed to store the login .*keyring locked/);
      assert.match(error.message, /second\.example/);
      assert.ok(!error.message.includes(SECRET), error.message);
      assert.ok(!error.message.includes(Buffer.from(SECRET).toString('base64').slice(0, 12)));
      assert.ok(error.message.length < 1000, 'bounded');
      return true;
    },
  );
  assert.deepEqual(good.entries(), { 'first.example': previous }, 'the first store was undone');
  assert.deepEqual(broken.entries(), {});
  assert.equal(readFileSync(file, 'utf8'), config);
});

test('the logout leaves alone a helper login someone replaced after pullcheck’s', () => {
  const helper = writeFakeCredentialHelper('pclater');
  const env = { PATH: pathWith(helper.bin) };
  const { file, backupDir } = dirs();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '{"credHelpers": {"a.example": "pclater"}}');
  const record = addLogins(file, [login('a.example')], backupDir, env);
  const later = { 'a.example': { Username: 'deploy', Secret: 'from-a-later-step' } };
  helper.seed(later);
  assert.deepEqual(removeLogins(record, env), {
    changedSince: ['a.example in docker-credential-pclater'],
    failures: [],
  });
  assert.deepEqual(helper.entries(), later);
});

test('a missing backup: the logout changes nothing and says which logins stayed', () => {
  const { file, backupDir } = dirs();
  const record = addLogins(file, [login('a.example')], backupDir);
  const written = readFileSync(file, 'utf8');
  rmSync(record.backupFile);
  const report = removeLogins(record, ENV);
  assert.equal(report.failures.length, 1);
  assert.match(report.failures[0]!, /backup .* is missing .*a\.example were left in place/);
  assert.equal(readFileSync(file, 'utf8'), written);
});

test('all or nothing across files: a corrupt REGISTRY_AUTH_FILE undoes the Docker config login, even without a backup', () => {
  const { file, root } = dirs();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, EXISTING);
  const podman = path.join(root, 'auth.json');
  writeFileSync(podman, '{"auths": ');
  assert.throws(
    () =>
      loginToAuthFiles(
        [
          { path: file, readByDocker: true },
          { path: podman, readByDocker: false },
        ],
        [login('a.example')],
        { env: ENV },
      ),
    /auth\.json is not valid JSON/,
  );
  assert.equal(readFileSync(file, 'utf8'), EXISTING);
});
