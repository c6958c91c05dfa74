// readSubCustomization through the project's Octokit client against a GitHub REST server on 127.0.0.1
// that answers as GitHub does (REST "GitHub Actions OIDC": the repository's and the organization's
// subject templates; 403/404 bodies; rate limits with their headers), and one that never answers.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { oidcCustomizationApi } from '../../../src/github/octokit.ts';
import { subClaimSetting } from '../../../src/github/oidc/facts.ts';
import { readSubCustomization } from '../../../src/github/oidc/read-customization.ts';

interface Answer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

const answers = new Map<string, Answer | 'hang'>();
const requests: { path: string; authorization: string | undefined }[] = [];
let server: Server;
let url = '';

before(async () => {
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    requests.push({ path, authorization: request.headers.authorization });
    const answer = answers.get(path) ?? {
      status: 404,
      body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' },
    };
    if (answer === 'hang') return; // never answers
    response.writeHead(answer.status, {
      'content-type': 'application/json; charset=utf-8',
      ...answer.headers,
    });
    response.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const REPO = '/repos/octo-org/octo-repo/actions/oidc/customization/sub';
const ORG = '/orgs/octo-org/actions/oidc/customization/sub';
const warnings: string[] = [];
const read = (timeoutMs = 5000) =>
  readSubCustomization(
    oidcCustomizationApi('ghs_test', { warning: (m) => warnings.push(m) }, url),
    'octo-org/octo-repo',
    {
      timeoutMs,
    },
  );

function setAnswers(entries: Record<string, Answer | 'hang'>): void {
  answers.clear();
  requests.length = 0;
  for (const [path, answer] of Object.entries(entries)) answers.set(path, answer);
}

test("the default template, with GitHub's sub_claim_prefix (immutable form)", async () => {
  setAnswers({
    [REPO]: {
      status: 200,
      body: {
        use_default: true,
        use_immutable_subject: false,
        sub_claim_prefix: 'repo:octo-org@123456/octo-repo@456789',
      },
    },
  });
  assert.deepEqual(await read(), {
    subClaim: { useDefault: true, prefix: 'repo:octo-org@123456/octo-repo@456789' },
  });
  assert.deepEqual(
    requests.map((r) => r.path),
    [REPO],
    'the organization is not asked',
  );
  assert.equal(requests[0]!.authorization, 'token ghs_test');
});

test("the repository's own template", async () => {
  setAnswers({
    [REPO]: {
      status: 200,
      body: {
        use_default: false,
        include_claim_keys: ['repo', 'context', 'job_workflow_ref'],
        sub_claim_prefix: 'repo:octo-org/octo-repo',
      },
    },
  });
  assert.deepEqual(await read(), {
    subClaim: {
      useDefault: false,
      includeClaimKeys: ['repo', 'context', 'job_workflow_ref'],
      prefix: 'repo:octo-org/octo-repo',
    },
  });
});

test("opted in to the organization's template: the organization's keys are in force", async () => {
  setAnswers({
    [REPO]: { status: 200, body: { use_default: false, sub_claim_prefix: 'repo:octo-org/octo-repo' } },
    [ORG]: { status: 200, body: { include_claim_keys: ['repo', 'context', 'job_workflow_ref'] } },
  });
  assert.deepEqual(await read(), {
    subClaim: {
      useDefault: false,
      includeClaimKeys: ['repo', 'context', 'job_workflow_ref'],
      prefix: 'repo:octo-org/octo-repo',
    },
  });
  assert.deepEqual(
    requests.map((r) => r.path),
    [REPO, ORG],
  );
});

test("opted in, but the organization's template is unreadable: unknown, naming why", async () => {
  setAnswers({
    [REPO]: { status: 200, body: { use_default: false } },
    [ORG]: { status: 403, body: { message: 'Resource not accessible by integration', status: '403' } },
  });
  const answer = await read();
  assert.ok('unreadable' in answer, JSON.stringify(answer));
  assert.match(answer.unreadable, /organization's subject template.*403.*read:org/);
});

test('403, 404 and an unexpected body: unknown with the reason and the permission to add', async () => {
  setAnswers({
    [REPO]: { status: 403, body: { message: 'Resource not accessible by integration', status: '403' } },
  });
  const refused = await read();
  assert.ok(
    'unreadable' in refused && /refused.*403.*actions: read/.test(refused.unreadable),
    JSON.stringify(refused),
  );
  const setting = subClaimSetting(refused);
  assert.ok('unknown' in setting.template && /facts\.github\.oidc\.subClaim/.test(setting.template.unknown));

  setAnswers({});
  const missing = await read();
  assert.ok('unreadable' in missing && /404/.test(missing.unreadable));

  setAnswers({ [REPO]: { status: 200, body: { use_default: 'yes' } } });
  const odd = await read();
  assert.ok('unreadable' in odd && /does not read/.test(odd.unreadable));
});

test('rate limited past the retries: unknown (throttled), not a crash', async () => {
  const reset = String(Math.floor(Date.now() / 1000));
  setAnswers({
    [REPO]: {
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset, 'x-ratelimit-limit': '1000' },
      body: { message: 'API rate limit exceeded for installation ID 1.', status: '403' },
    },
  });
  const answer = await read();
  assert.ok('unreadable' in answer && /throttled/.test(answer.unreadable), JSON.stringify(answer));
  assert.ok(requests.length > 1, 'the client waited and retried before giving up');
});

test('a server that never answers: unknown after the timeout', async () => {
  setAnswers({ [REPO]: 'hang' });
  const started = Date.now();
  const answer = await read(300);
  assert.ok(
    'unreadable' in answer && /timed out after 0.3 s/.test(answer.unreadable),
    JSON.stringify(answer),
  );
  assert.ok(Date.now() - started < 3000);
});
