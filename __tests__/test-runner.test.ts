// What is tested is what runs, and CI runs everything: the process tests spawn the Node that action.yml
// declares, package.json's engines match what the bundled dependencies need, the README's test command is
// exactly what .ci/run runs, and under CI=true a skipped test fails the run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { processNode } from './helpers/process.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

test('the process tests run the bundle on the Node that action.yml declares (node24), and engines asks for what the bundled dependencies need', () => {
  const using = (parse(read('action.yml')) as { runs: { using: string } }).runs.using;
  assert.equal(using, 'node24');
  const version = spawnSync(processNode(), ['-p', 'process.versions.node'], { encoding: 'utf8' });
  assert.equal(version.stdout.trim().split('.')[0], using.slice('node'.length), version.stderr);
  const manifest = JSON.parse(read('package.json')) as { engines: { node: string } };
  // The highest `>=` floor among the production dependencies (undici 8, under client-node, needs 22.19).
  const listed = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const floors = listed.stdout
    .split('\n')
    .filter((dir) => dir.includes('node_modules'))
    .map(
      (dir) =>
        (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { engines?: { node?: string } })
          .engines?.node,
    )
    .map((range) => /^>=\s*v?(\d+(?:\.\d+){0,2})$/.exec(range?.trim() ?? '')?.[1])
    .filter((floor): floor is string => floor !== undefined);
  const key = (floor: string) =>
    floor
      .split('.')
      .map((part) => part.padStart(4, '0'))
      .join('.');
  const highest = floors.sort((a, b) => key(a).localeCompare(key(b))).at(-1);
  assert.equal(manifest.engines.node, `>=${highest}`);
});

test("the README's test command is one command, and .ci/run runs exactly it with CI=true", () => {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('Run every test'));
  const command = /```sh\n(.+)\n```/.exec(section)?.[1];
  assert.equal(command, 'bash scripts/test-all.sh');
  const ci = read('.ci/run')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
  assert.deepEqual(ci.slice(-2), ['export CI=true', `exec ${command}`]);
});

test('under CI=true a skipped test fails the run, naming it; outside CI it is reported and passes', () => {
  // run-tests.mjs reads ./__tests__ from its working directory; inside the repository so tsx resolves.
  const dir = mkdtempSync(path.join(ROOT, '.tmp-runner-'));
  try {
    mkdirSync(path.join(dir, '__tests__'));
    writeFileSync(
      path.join(dir, '__tests__', 'one.test.ts'),
      "import test from 'node:test';\ntest('runs', () => {});\ntest('needs a tool', (t) => t.skip('the tool is missing'));\n",
    );
    // Without NODE_TEST_CONTEXT: this file's own runner sets it, and a nested runner would report to it.
    const env = { ...process.env };
    delete env['NODE_TEST_CONTEXT'];
    const run = (ci: string) =>
      spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'run-tests.mjs')], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...env, CI: ci },
      });
    const inCi = run('true');
    assert.equal(inCi.status, 1, inCi.stdout + inCi.stderr);
    assert.match(inCi.stderr, /CI=true: 1 test\(s\) skipped/);
    assert.match(inCi.stderr, /__tests__\/one\.test\.ts: needs a tool \(the tool is missing\)/);
    const local = run('');
    assert.equal(local.status, 0, local.stdout + local.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
