// The runner protocol the action speaks without @actions/core at start-up: the same bytes @actions/core
// writes (commands, escaping, environment files), checked side by side with @actions/core itself, and the
// OIDC token request against a token service on 127.0.0.1.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as actionsCore from '@actions/core';
import { guardStdout } from '../../src/action/guarded-stdout.ts';
import * as toolkit from '../../src/action/toolkit.ts';
import { startOidcServer } from '../helpers/oidc-server.ts';

/** What `run` writes to stdout, with the environment swapped in for it. */
async function captured(env: NodeJS.ProcessEnv, run: () => unknown): Promise<string> {
  const saved = { env: process.env, write: process.stdout.write, exitCode: process.exitCode };
  let out = '';
  process.env = { ...env };
  // The test runner's own messages to its parent are bytes and pass through; the toolkit writes strings.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (typeof chunk !== 'string')
      return (saved.write as (...args: unknown[]) => boolean).call(process.stdout, chunk, ...rest);
    out += chunk;
    return true;
  }) as typeof process.stdout.write;
  // As the action runs: behind the stdout guard, which treats each write's first line as a command's.
  guardStdout(process.stdout);
  try {
    await run();
  } finally {
    process.stdout.write = saved.write;
    process.env = saved.env;
    process.exitCode = saved.exitCode;
  }
  return out;
}

const HOSTILE = 'a%b\r\nc::d,e:f';
const calls: [string, (api: typeof toolkit) => void][] = [
  [
    'warning with every property',
    (api) =>
      api.warning(HOSTILE, {
        title: 't:1,2',
        file: 'f,g',
        startLine: 3,
        endLine: 4,
        startColumn: 5,
        endColumn: 6,
      }),
  ],
  [
    'error with title and file',
    (api) => api.error(HOSTILE, { title: 'pullcheck: pull denied', file: 'deploy/a.yml', startLine: 9 }),
  ],
  ['warning without properties', (api) => api.warning('plain')],
  ['mask', (api) => api.setSecret(HOSTILE)],
  ['output without GITHUB_OUTPUT', (api) => api.setOutput('gate', 'pass')],
  ['state without GITHUB_STATE', (api) => api.saveState('isPost', true)],
  ['info', (api) => api.info(HOSTILE)],
  ['failed', (api) => api.setFailed('broken\nstep')],
];

for (const [name, call] of calls) {
  test(`${name}: the same stdout as @actions/core`, async () => {
    const ours = await captured({}, () => call(toolkit));
    const theirs = await captured({}, () => call(actionsCore as unknown as typeof toolkit));
    assert.equal(ours, theirs);
    assert.ok(ours.length > 0);
  });
}

test('outputs and state go to the environment files as @actions/core writes them, delimiter aside', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-toolkit-'));
  const files = (who: string) => ({
    GITHUB_OUTPUT: path.join(dir, `${who}-out`),
    GITHUB_STATE: path.join(dir, `${who}-state`),
  });
  for (const who of ['ours', 'theirs']) for (const file of Object.values(files(who))) writeFileSync(file, '');
  const write = (api: typeof toolkit) => {
    api.setOutput('registries', 'a.example\nb.example');
    api.setOutput('denied', 3);
    api.saveState('logins', { file: 'x' });
  };
  await captured(files('ours'), () => write(toolkit));
  await captured(files('theirs'), () => write(actionsCore as unknown as typeof toolkit));
  const withoutDelimiters = (text: string) => text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'DELIMITER');
  for (const kind of ['GITHUB_OUTPUT', 'GITHUB_STATE'] as const) {
    const ours = readFileSync(files('ours')[kind], 'utf8');
    assert.equal(withoutDelimiters(ours), withoutDelimiters(readFileSync(files('theirs')[kind], 'utf8')));
    assert.match(ours, /<<ghadelimiter_[0-9a-f-]{36}\n/);
  }
  assert.equal(toolkit.getInput('x'), '');
  await captured({ 'INPUT_FAIL-ON': '  unknown \n', STATE_isPost: 'true' }, () => {
    assert.equal(toolkit.getInput('fail-on'), 'unknown');
    assert.equal(toolkit.getState('isPost'), 'true');
  });
});

test('the OIDC token: requested with the bearer and audience, masked before it is returned; a refusal says its status', async () => {
  const oidc = await startOidcServer();
  try {
    const env = {
      ACTIONS_ID_TOKEN_REQUEST_URL: oidc.requestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.requestToken,
    };
    let token = '';
    const out = await captured(env, async () => {
      token = await toolkit.getIDToken('sts.amazonaws.com');
    });
    assert.deepEqual(oidc.audiences, ['sts.amazonaws.com']);
    assert.equal(token, oidc.issued[0]);
    assert.equal(out, `::add-mask::${token}\n`);
    await captured({ ...env, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'wrong' }, () =>
      assert.rejects(toolkit.getIDToken('x'), /token service answered 401/),
    );
    await captured({}, () => assert.rejects(toolkit.getIDToken('x'), /ACTIONS_ID_TOKEN_REQUEST_URL/));
  } finally {
    await oidc.stop();
  }
});

test('a busy token service (503) is asked again with backoff; a refusal (403) is not', async () => {
  const statuses = [503, 502, 200];
  let asked = 0;
  const server = createServer((_request, response) => {
    const status = statuses[asked++] ?? 403;
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(status === 200 ? JSON.stringify({ value: 'header.payload.signature' }) : '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token?api-version=2.0`;
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
  };
  try {
    const env = { ACTIONS_ID_TOKEN_REQUEST_URL: url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token' };
    let token = '';
    await captured(env, async () => {
      token = await toolkit.getIDToken('sts.amazonaws.com', sleep);
    });
    assert.equal(token, 'header.payload.signature');
    assert.deepEqual(waits, [1000, 2000]);
    await captured(env, () => assert.rejects(toolkit.getIDToken('x', sleep), /answered 403/));
    assert.equal(asked, 4, 'a 403 is final');
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
