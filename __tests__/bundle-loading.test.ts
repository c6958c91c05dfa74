// What the bundle loads, seen by the process itself: a loader hook records every chunk of dist/ that is
// imported. A Google-only run must not evaluate the AWS SDK and an AWS-only run not Google's clients, live
// or offline; no run that comments nowhere loads Octokit, and none without a cluster loads client-node.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runNode } from './helpers/process.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-loading-'));
const hook = path.join(work, 'hook.mjs');
const hooks = path.join(work, 'hooks.mjs');
// The resolve hook runs on the loader thread; it appends each dist/ chunk it resolves to LOADED_FILE.
writeFileSync(
  hooks,
  `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (/\\/dist\\/[^/]+\\.js$/.test(resolved.url)) appendFileSync(process.env.LOADED_FILE, resolved.url + '\\n');
  return resolved;
}
`,
);
writeFileSync(
  hook,
  `import { register } from 'node:module';\nregister(${JSON.stringify(`file://${hooks}`)});\n`,
);

// Text only each library's own bundled code carries (pullcheck's modules name the libraries in comments
// and messages, so a package name alone would also match them).
const LIBRARIES = {
  'AWS SDK': 'aws-sdk-js', // the SDK's user agent
  'Google clients': 'Could not load the default credentials', // google-auth-library's ADC error
  Octokit: 'octokit-core.js', // @octokit/core's user agent
  'client-node': '@kubernetes/client-node',
};

const CONFIGS = {
  'AWS-only': [
    'version: 1',
    'images: [123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api:1.0]',
    'targets: [{ name: prod, platform: eks, roles: [arn:aws:iam::123456789012:role/nodes] }]',
  ],
  'Google-only': [
    'version: 1',
    'images: [europe-west2-docker.pkg.dev/acme-prod/apps/web:1.0]',
    'targets: [{ name: prod, platform: gcp-service-account, serviceAccounts: [{ email: nodes@acme-prod.iam.gserviceaccount.com }] }]',
  ],
};

/** The libraries whose chunks the action loaded on this config. */
async function librariesLoaded(config: keyof typeof CONFIGS, offline: boolean): Promise<string[]> {
  const dir = mkdtempSync(path.join(work, 'run-'));
  const file = path.join(dir, 'pullcheck.yml');
  writeFileSync(file, `${CONFIGS[config].join('\n')}\n`);
  writeFileSync(path.join(dir, 'output'), '');
  const loaded = path.join(dir, 'loaded.txt');
  writeFileSync(loaded, '');
  const result = await runNode(['--import', hook, path.resolve('dist/index.js')], {
    LOADED_FILE: loaded,
    INPUT_CONFIG: file,
    INPUT_OFFLINE: String(offline),
    INPUT_LOGIN: 'false',
    INPUT_COMMENT: 'never',
    GITHUB_OUTPUT: path.join(dir, 'output'),
    RUNNER_TEMP: dir,
    GITHUB_EVENT_NAME: 'push',
    // Live reads find no credentials: no profile, no ADC, no kubeconfig.
    HOME: dir,
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'none'),
    AWS_CONFIG_FILE: path.join(dir, 'none'),
  });
  assert.match(result.stdout, /of 1 pull/, result.stdout + result.stderr);
  const chunks = [...new Set(readFileSync(loaded, 'utf8').split('\n').filter(Boolean))];
  assert.ok(chunks.length > 1, 'the hook saw the chunks');
  const texts = chunks.map((url) => readFileSync(new URL(url), 'utf8'));
  return Object.entries(LIBRARIES)
    .filter(([, marker]) => texts.some((text) => text.includes(marker)))
    .map(([name]) => name);
}

for (const offline of [true, false]) {
  const mode = offline ? 'offline' : 'live, without credentials';
  test(`a Google-only run (${mode}) loads no AWS SDK, Octokit or client-node`, async () => {
    const loaded = await librariesLoaded('Google-only', offline);
    assert.deepEqual(loaded, offline ? [] : ['Google clients']);
  });
  test(`an AWS-only run (${mode}) loads no Google client, Octokit or client-node`, async () => {
    const loaded = await librariesLoaded('AWS-only', offline);
    assert.deepEqual(loaded, offline ? [] : ['AWS SDK']);
  });
}

test('each marker is in the bundle, in chunks apart from the entry: none of the checks above is vacuous', () => {
  const chunks = readdirSync('dist').filter((file) => /^\d+\.index\.js$/.test(file));
  for (const [name, marker] of Object.entries(LIBRARIES)) {
    const holding = chunks.filter((file) => readFileSync(path.join('dist', file), 'utf8').includes(marker));
    assert.ok(holding.length > 0, `${name}: ${marker}`);
  }
});

// The CLI's other commands load when they run: a check pays nothing for init, permissions or explain.
const COMMAND_MARKERS = ['usage: pullcheck init', 'usage: pullcheck permissions', 'usage: pullcheck explain'];

async function cliChunks(args: readonly string[]): Promise<string[]> {
  const loaded = path.join(mkdtempSync(path.join(work, 'cli-')), 'loaded.txt');
  writeFileSync(loaded, '');
  await runNode(['--import', hook, path.resolve('dist/cli.js'), ...args], { LOADED_FILE: loaded });
  const chunks = [...new Set(readFileSync(loaded, 'utf8').split('\n').filter(Boolean))];
  const texts = chunks.map((url) => readFileSync(new URL(url), 'utf8'));
  return COMMAND_MARKERS.filter((marker) => texts.some((text) => text.includes(marker)));
}

test("the CLI's check loads none of init's, permissions' or explain's code; each loads its own", async () => {
  assert.deepEqual(await cliChunks(['check', '--config', 'examples/pullcheck.yml', '--offline']), []);
  assert.deepEqual(await cliChunks(['explain', '--help']), ['usage: pullcheck explain']);
});
