// The Docker config as the action leaves it, end to end: the bundled action (dist/index.js) run as a
// process with the runner's environment, an OpenShift token login to a real Debian docker-registry, skopeo
// pushing and pulling with what was written, then the post step. Covers the private backup folder, a
// symlinked config.json, and hosts served by a credential helper — a fake docker-credential-pcfake on
// PATH that keeps its entries in a file, which skopeo itself calls (containers/image asks a host's
// credHelpers helper and ignores its auths entry).
import assert from 'node:assert/strict';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { stringify } from 'yaml';
import {
  pathWith,
  writeFakeCredentialHelper,
  type FakeCredentialHelper,
} from '../helpers/credential-helper.ts';
import { buildOciImage, skopeoCopy } from '../helpers/oci-image.ts';
import { runNode, type ProcessResult } from '../helpers/process.ts';
import { registryToolsMissing, startRegistry, type RunningRegistry } from '../helpers/registry.ts';
import { parseCommandFile } from '../helpers/runner-files.ts';

const ACTION = path.resolve('dist/index.js');
const OPENSHIFT_HOST = 'default-route-openshift-image-registry.apps.example.com';
const TOKEN = 'sha256~FAKE-openshift-token-77c1';
const USERNAME = 'pullcheck'; // the user name the OpenShift login writes (the registry takes any)
const skip = registryToolsMissing();

// The helpers live in one folder; skopeo (run by the oci-image helper with this process's PATH) and the
// action both find them there. A helper named in a config but absent from it is "not on PATH".
const helperBin = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-helper-bin-'));
process.env['PATH'] = pathWith(helperBin);

interface Run extends ProcessResult {
  readonly home: string;
  readonly runnerTemp: string;
  /** DOCKER_CONFIG/config.json (maybe a symlink). */
  readonly config: string;
  readonly outputs: Record<string, string>;
  readonly state: Record<string, string>;
}

/** Runs the main step: an OpenShift token login to `registry` (through its endpoint), offline check. */
async function runAction(
  registry: RunningRegistry,
  options: {
    existingConfig?: string;
    prepare?: (dockerDir: string) => void;
    inputs?: Record<string, string>;
  },
): Promise<Run> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-dcaction-'));
  const runnerTemp = path.join(home, 'runner-temp');
  const dockerDir = path.join(home, '.docker');
  mkdirSync(runnerTemp);
  mkdirSync(dockerDir);
  const config = path.join(dockerDir, 'config.json');
  if (options.existingConfig !== undefined) writeFileSync(config, options.existingConfig);
  options.prepare?.(dockerDir);
  const pullcheckConfig = path.join(home, 'pullcheck.yml');
  writeFileSync(
    pullcheckConfig,
    stringify({
      version: 1,
      images: [`${OPENSHIFT_HOST}/project-a/web:1.0`],
      targets: [
        { name: 'ocp', platform: 'openshift', namespace: 'project-a', registryHosts: [OPENSHIFT_HOST] },
      ],
      endpoints: { registries: { [OPENSHIFT_HOST]: registry.url } },
    }),
  );
  const files = { output: path.join(home, 'output'), state: path.join(home, 'state') };
  writeFileSync(files.output, '');
  writeFileSync(files.state, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: home,
    DOCKER_CONFIG: dockerDir,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    RUNNER_TEMP: runnerTemp,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_RUN_ID: '4243',
    INPUT_OFFLINE: 'true',
    'INPUT_FAIL-ON': 'never',
    INPUT_COMMENT: 'never',
    INPUT_CONFIG: pullcheckConfig,
    'INPUT_OPENSHIFT-TOKEN': TOKEN,
  };
  for (const [name, value] of Object.entries(options.inputs ?? {}))
    env[`INPUT_${name.toUpperCase()}`] = value;
  const result = await runNode([ACTION], env);
  return {
    ...result,
    home,
    runnerTemp,
    config,
    outputs: parseCommandFile(readFileSync(files.output, 'utf8')),
    state: parseCommandFile(readFileSync(files.state, 'utf8')),
  };
}

/** The runner's second run of the action for `post:`, with the state the main step saved. */
function runPost(run: Run): Promise<ProcessResult> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: run.home,
    DOCKER_CONFIG: path.dirname(run.config),
    RUNNER_TEMP: run.runnerTemp,
  };
  for (const [name, value] of Object.entries(run.state)) env[`STATE_${name}`] = value;
  return runNode([ACTION], env);
}

/** What RUNNER_TEMP holds besides the report files the step publishes. */
function runnerTempExtras(run: Run): string[] {
  return readdirSync(run.runnerTemp).filter((name) => !/^pullcheck-report\.(json|sarif)$/.test(name));
}

function assertNoSecret(run: ProcessResult & { outputs?: Record<string, string> }): void {
  const base64 = Buffer.from(`${USERNAME}:${TOKEN}`).toString('base64');
  const texts = { stdout: run.stdout, stderr: run.stderr, outputs: JSON.stringify(run.outputs ?? {}) };
  for (const [where, text] of Object.entries(texts)) {
    const visible = text
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    assert.ok(!visible.includes(TOKEN) && !visible.includes(base64), `the token leaked into ${where}`);
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

async function withRegistry(body: (registry: RunningRegistry) => Promise<void>): Promise<void> {
  const registry = await startRegistry({
    auth: { kind: 'htpasswd', users: [{ username: USERNAME, password: TOKEN }] },
  });
  try {
    await body(registry);
  } finally {
    await registry.stop();
  }
}

const helpers = new Map<string, FakeCredentialHelper>();
function fakeHelper(name: string): FakeCredentialHelper {
  const helper = helpers.get(name) ?? writeFakeCredentialHelper(name, { bin: helperBin });
  helpers.set(name, helper);
  return helper;
}

test(
  'the backup sits in a private 0700 folder under RUNNER_TEMP that no report glob matches; the post step deletes it',
  { skip },
  () =>
    withRegistry(async (registry) => {
      const existing = '{\n\t"auths": {\n\t\t"ghcr.io": {\n\t\t\t"auth": "b3RoZXI6c2VjcmV0"\n\t\t}\n\t}\n}';
      const run = await runAction(registry, { existingConfig: existing });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      const extras = runnerTempExtras(run);
      assert.equal(extras.length, 1, `one backup folder, found: ${extras.join(', ')}`);
      const folder = path.join(run.runnerTemp, extras[0]!);
      assert.ok(statSync(folder).isDirectory());
      assert.equal(statSync(folder).mode & 0o777, 0o700);
      assert.ok(!/^pullcheck-report/.test(extras[0]!) && !extras[0]!.endsWith('.json'), extras[0]);
      for (const name of readdirSync(folder)) {
        assert.equal(statSync(path.join(folder, name)).mode & 0o777, 0o600);
        const backup = readFileSync(path.join(folder, name), 'utf8');
        assert.ok(!backup.includes(TOKEN), 'the new token is not in the backup');
      }
      const post = await runPost(run);
      assert.equal(post.code, 0, post.stdout);
      assert.deepEqual(runnerTempExtras(run), [], 'the post step deletes the backup and its folder');
      assert.equal(readFileSync(run.config, 'utf8'), existing);
    }),
);

test('logout: false writes no backup and saves nothing for the post step', { skip }, () =>
  withRegistry(async (registry) => {
    const run = await runAction(registry, { inputs: { logout: 'false' } });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.ok(JSON.parse(readFileSync(run.config, 'utf8')).auths[registry.host], 'logged in');
    assert.deepEqual(runnerTempExtras(run), []);
    assert.equal(run.state['docker-config-logins'], undefined);
  }),
);

test(
  'a symlinked config.json is written through to its target (mode kept) for skopeo, and restored through it',
  { skip },
  () =>
    withRegistry(async (registry) => {
      const existing = '{\n  "auths": {},\n  "psFormat": "table {{.ID}}"\n}\n';
      let target = '';
      const run = await runAction(registry, {
        prepare: (dockerDir) => {
          const dotfiles = path.join(path.dirname(dockerDir), 'dotfiles', 'docker');
          mkdirSync(dotfiles, { recursive: true });
          target = path.join(dotfiles, 'config.json');
          writeFileSync(target, existing);
          chmodSync(target, 0o640);
          symlinkSync('../dotfiles/docker/config.json', path.join(dockerDir, 'config.json'));
        },
      });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.ok(lstatSync(run.config).isSymbolicLink(), 'config.json is still a link');
      assert.equal(statSync(target).mode & 0o777, 0o640, 'the target keeps its mode');
      assert.ok(JSON.parse(readFileSync(target, 'utf8')).auths[registry.host], 'the target holds the login');
      assert.deepEqual(readdirSync(path.dirname(target)), ['config.json'], 'no temporary file left behind');
      await pushAndPull(registry, run.config, 'project-a/linked');
      const post = await runPost(run);
      assert.equal(post.code, 0, post.stdout);
      assert.ok(lstatSync(run.config).isSymbolicLink(), 'the restore keeps the link');
      assert.equal(readFileSync(target, 'utf8'), existing);
      assert.equal(statSync(target).mode & 0o777, 0o640);
    }),
);

test(
  'credHelpers: the login is stored through docker-credential-pcfake, skopeo pulls with it, the post step restores the helper',
  { skip },
  () =>
    withRegistry(async (registry) => {
      const helper = fakeHelper('pcfake');
      const previous = { Username: 'someone', Secret: 'their-own-secret' };
      helper.seed({ [registry.host]: previous });
      const existing = JSON.stringify(
        { auths: {}, credHelpers: { [registry.host]: 'pcfake', [OPENSHIFT_HOST]: 'pcfake' } },
        null,
        '\t',
      );
      const run = await runAction(registry, { existingConfig: existing });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.deepEqual(helper.entries(), {
        [registry.host]: { Username: USERNAME, Secret: TOKEN },
        [OPENSHIFT_HOST]: { Username: USERNAME, Secret: TOKEN },
      });
      assert.equal(readFileSync(run.config, 'utf8'), existing, 'no auths entry the clients would ignore');
      assert.match(run.stdout, new RegExp(`the login for ${OPENSHIFT_HOST} is in docker-credential-pcfake`));
      assertNoSecret(run);
      const callsBefore = helper.calls().length;
      await pushAndPull(registry, run.config, 'project-a/helper');
      assert.ok(
        helper.calls().slice(callsBefore).includes(`get ${registry.host}`),
        'skopeo took the credentials from the helper',
      );
      const post = await runPost(run);
      assert.equal(post.code, 0, post.stdout);
      assertNoSecret(post);
      assert.deepEqual(
        helper.entries(),
        { [registry.host]: previous },
        'the previous login is back; the host that had none is erased',
      );
      assert.equal(readFileSync(run.config, 'utf8'), existing);
      assert.deepEqual(runnerTempExtras(run), []);
    }),
);

test(
  'credsStore: Docker’s helper and the auths entry Podman and skopeo read both get the login; the post step undoes both',
  { skip },
  () =>
    withRegistry(async (registry) => {
      const helper = fakeHelper('pcstore');
      helper.seed({});
      const existing = '{\n\t"credsStore": "pcstore"\n}';
      const run = await runAction(registry, { existingConfig: existing });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.deepEqual(helper.entries()[registry.host], { Username: USERNAME, Secret: TOKEN });
      // containers/image ignores credsStore: skopeo logs in from auths.
      await pushAndPull(registry, run.config, 'project-a/store-auths');
      // Docker asks the credsStore helper; the same lookup through credHelpers proves what it holds works.
      const viaHelper = path.join(run.home, 'helper-only.json');
      writeFileSync(viaHelper, JSON.stringify({ credHelpers: { [registry.host]: 'pcstore' } }));
      await pushAndPull(registry, viaHelper, 'project-a/store-helper');
      assertNoSecret(run);
      const post = await runPost(run);
      assert.equal(post.code, 0, post.stdout);
      assert.deepEqual(helper.entries(), {});
      assert.equal(readFileSync(run.config, 'utf8'), existing);
    }),
);

test(
  'a credHelpers helper that is not on PATH fails the step naming the helper and the host; the config is untouched',
  { skip },
  () =>
    withRegistry(async (registry) => {
      const existing = JSON.stringify({ auths: {}, credHelpers: { [registry.host]: 'pcabsent' } });
      const run = await runAction(registry, { existingConfig: existing });
      assert.equal(run.code, 1, run.stdout);
      assert.match(
        run.stdout,
        new RegExp(
          `::error::pullcheck: .*${registry.host.replace(/\./g, '\\.')}.*docker-credential-pcabsent .*is not on PATH`,
        ),
      );
      assert.equal(readFileSync(run.config, 'utf8'), existing);
      assert.equal(run.state['docker-config-logins'], undefined);
      assert.deepEqual(runnerTempExtras(run), [], 'no backup left behind');
      assert.ok(!existsSync(path.join(run.home, '.docker', 'config.json.tmp')));
      assertNoSecret(run);
    }),
);
