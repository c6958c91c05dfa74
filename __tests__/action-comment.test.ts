// The action with the runner's environment, against a GitHub API on 127.0.0.1: the sticky PR comment, the
// event kinds, retries, forks, size limits, and the token never leaking. Most cases run the main step in
// process (runActionInProcess); those marked 'process' run the bundle, dist/index.js, as the runner does.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { stringify } from 'yaml';
import { FakeGitHub } from './helpers/github-api.ts';
import { runActionInProcess } from './helpers/action-in-process.ts';
import { runNode, type ProcessResult } from './helpers/process.ts';
import { parseCommandFile } from './helpers/runner-files.ts';

const ACTION = path.resolve('dist/index.js');
const TOKEN = 'ghs_FAKEtoken0123456789abcdefSECRET';
const DEMO = path.resolve('examples/pullcheck.yml');

const github = new FakeGitHub(TOKEN);
before(async () => void (await github.start()));
after(async () => await github.stop());

interface Run extends ProcessResult {
  readonly outputs: Record<string, string>;
  readonly summary: string;
}

function eventFile(name: string, payload: unknown): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'pullcheck-event-')), `${name}.json`);
  writeFileSync(file, JSON.stringify(payload));
  return file;
}

function pullRequestEvent(number: number, headRepo = 'acme/app'): string {
  return eventFile('pull_request', {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      base: { repo: { full_name: 'acme/app' } },
      head: { repo: { full_name: headRepo } },
    },
    repository: { full_name: 'acme/app', owner: { login: 'acme' }, name: 'app' },
  });
}

async function runAction(
  inputs: Record<string, string>,
  event: { name: string; path: string },
  extraEnv: NodeJS.ProcessEnv = {},
  how: 'in-process' | 'process' = 'in-process',
): Promise<Run> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-run-'));
  const files = { output: path.join(dir, 'output'), summary: path.join(dir, 'summary.md') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const env: NodeJS.ProcessEnv = {
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: event.path,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.test',
    GITHUB_RUN_ID: '777',
    GITHUB_WORKFLOW: 'deploy',
    GITHUB_JOB: 'check',
    GITHUB_ACTION: '__self',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: dir,
    // No cloud credentials here: the logins are skipped with a warning, and nothing probes metadata servers.
    AWS_EC2_METADATA_DISABLED: 'true',
    METADATA_SERVER_DETECTION: 'none',
    HOME: dir,
    ...extraEnv,
  };
  // The runner passes inputs as INPUT_<NAME> upper-cased with hyphens kept (INPUT_FAIL-ON).
  for (const [name, value] of Object.entries({ 'github-token': TOKEN, ...inputs }))
    env[`INPUT_${name.toUpperCase()}`] = value;
  const result =
    how === 'process'
      ? await runNode([ACTION], env)
      : await runActionInProcess({ PATH: process.env['PATH'], ...env });
  return {
    ...result,
    outputs: parseCommandFile(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
  };
}

/** A config whose single pull is allowed or denied, to turn a run red or green. */
function configFile(allowed: boolean): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-cfg-'));
  const file = path.join(dir, 'pullcheck.yml');
  writeFileSync(
    file,
    stringify({
      version: 1,
      images: ['123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.0'],
      targets: [{ name: 'prod', platform: 'aws-role', roles: ['arn:aws:iam::123456789012:role/nodes'] }],
      facts: {
        aws: {
          roles: [
            {
              arn: 'arn:aws:iam::123456789012:role/nodes',
              managedPolicies: [
                `arn:aws:iam::aws:policy/${allowed ? 'AmazonEC2ContainerRegistryPullOnly' : 'AmazonEKSWorkerNodePolicy'}`,
              ],
            },
          ],
        },
      },
    }),
  );
  return file;
}

function assertNoToken(run: Run, bodies: readonly string[] = []): void {
  // `::add-mask::` is how the runner learns what to mask; it never reaches the log.
  const stdout = run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  for (const [where, text] of Object.entries({
    stdout,
    stderr: run.stderr,
    outputs: JSON.stringify(run.outputs),
    summary: run.summary,
    comments: bodies.join('\n'),
  })) {
    assert.ok(!text.includes(TOKEN), `the token leaked into ${where}`);
  }
}

test('first run on a pull request creates one comment, found again across pages on the second run, which writes nothing', async () => {
  const issue = 101;
  github.seedComments(
    issue,
    Array.from({ length: 130 }, (_, i) => `unrelated comment ${i}`),
  );
  const event = { name: 'pull_request', path: pullRequestEvent(issue) };
  const first = await runAction({ config: DEMO }, event, {}, 'process');
  assert.equal(first.code, 1, first.stdout);
  // The process run is the one whose stderr is real: the in-process runs below capture stdout only.
  assertNoToken(first);
  const ours = github.commentsOf(issue).filter((c) => c.body.includes('<!-- pullcheck:'));
  assert.equal(ours.length, 1);
  assert.match(ours[0]!.body, /^<!-- pullcheck:deploy%2Fcheck%2F__self -->\n### ❌ pullcheck: 1 denied/);
  assert.equal(first.outputs['comment-url'], ours[0]!.html_url);
  assert.match(first.summary, /^### ❌ pullcheck: 1 denied/);
  assert.ok(
    !github.requests.some((r) => r.path === '/user'),
    'finding the comment must not depend on GET /user',
  );

  const writesBefore = github.writes().length;
  const second = await runAction({ config: DEMO }, event);
  assert.equal(second.code, 1);
  assert.equal(github.writes().length, writesBefore, 'an unchanged report makes no write');
  const listed = github.requests.filter(
    (r) => r.method === 'GET' && r.path.includes(`/issues/${issue}/comments`),
  );
  assert.ok(
    listed.some((r) => r.path.includes('page=2')),
    'every page of comments is read',
  );
  assert.equal(second.outputs['comment-url'], ours[0]!.html_url);
  assertNoToken(
    second,
    github.commentsOf(issue).map((c) => c.body),
  );
});

test('a changed report updates the comment in place (one PATCH, no POST), and a green run turns it green', async () => {
  const issue = 102;
  const event = { name: 'pull_request', path: pullRequestEvent(issue) };
  await runAction({ config: DEMO }, event);
  const posts = () =>
    github.requests.filter((r) => r.method === 'POST' && r.path.includes(`/issues/${issue}/`)).length;
  const patches = () => github.requests.filter((r) => r.method === 'PATCH').length;
  assert.equal(posts(), 1);
  const patchesBefore = patches();
  const red = await runAction({ config: configFile(false) }, event);
  assert.equal(red.code, 1);
  assert.equal(posts(), 1, 'never a second comment');
  assert.equal(patches(), patchesBefore + 1);
  const green = await runAction({ config: configFile(true) }, event);
  assert.equal(green.code, 0);
  assert.equal(posts(), 1);
  assert.equal(patches(), patchesBefore + 2, 'the earlier red comment is updated when the run turns green');
  const [comment] = github.commentsOf(issue);
  assert.match(comment!.body, /### ✅ pullcheck: 0 denied, 0 unknown, 1 allowed/);
});

test('auto mode does not comment on a green pull request that has no earlier comment; always does', async () => {
  const issue = 103;
  const event = { name: 'pull_request', path: pullRequestEvent(issue) };
  const quiet = await runAction({ config: configFile(true) }, event);
  assert.equal(quiet.code, 0);
  assert.equal(github.commentsOf(issue).length, 0);
  assert.equal(quiet.outputs['comment-url'], '');
  const loud = await runAction({ config: configFile(true), comment: 'always' }, event);
  assert.equal(github.commentsOf(issue).length, 1);
  assert.equal(loud.outputs['comment-url'], github.commentsOf(issue)[0]!.html_url);
});

test('on-failure comments only on a failing gate; never makes no request at all', async () => {
  const issue = 104;
  const event = { name: 'pull_request', path: pullRequestEvent(issue) };
  await runAction({ config: configFile(true), comment: 'on-failure' }, event);
  assert.equal(github.commentsOf(issue).length, 0);
  await runAction({ config: configFile(false), comment: 'on-failure' }, event);
  assert.equal(github.commentsOf(issue).length, 1);
  const before = github.requests.length;
  const never = await runAction({ config: configFile(false), comment: 'never' }, event);
  assert.equal(never.code, 1);
  assert.equal(github.requests.length, before);
});

test('two comment keys keep two comments', async () => {
  const issue = 105;
  const event = { name: 'pull_request', path: pullRequestEvent(issue) };
  await runAction({ config: configFile(false) }, event);
  await runAction({ config: configFile(false), 'comment-key': 'staging' }, event);
  assert.equal(github.commentsOf(issue).length, 2);
  assert.match(github.commentsOf(issue)[1]!.body, /^<!-- pullcheck:staging -->/);
});

test('a push run has no pull request: no comment, no error, the gate still decides', async () => {
  const before = github.requests.length;
  const run = await runAction(
    { config: DEMO },
    { name: 'push', path: eventFile('push', { ref: 'refs/heads/main' }) },
  );
  assert.equal(run.code, 1);
  assert.equal(github.requests.length, before);
  assert.doesNotMatch(run.stdout, /::warning::pullcheck: could not comment/);
  assert.equal(run.outputs['gate'], 'fail');
});

test('a fork pull request with a read-only token (403) gets a warning and the summary, and exits as the gate says', async () => {
  const issue = 106;
  github.failNext({
    method: 'POST',
    pathIncludes: `/issues/${issue}/comments`,
    status: 403,
    message: 'Resource not accessible by integration',
  });
  const run = await runAction(
    { config: configFile(false) },
    { name: 'pull_request', path: pullRequestEvent(issue, 'someone/app-fork') },
    {},
    'process',
  );
  assert.equal(run.code, 1);
  assert.match(
    run.stdout,
    /::warning::pullcheck: could not comment on pull request #106 \(a pull request from a fork gets a read-only token\)/,
  );
  assert.match(run.summary, /### ❌ pullcheck/);
  const green = await runAction(
    { config: configFile(true), comment: 'always' },
    { name: 'pull_request', path: pullRequestEvent(107, 'someone/app-fork') },
  );
  assert.equal(green.code, 0, 'a comment problem never fails the step');
});

test('429 (secondary rate limit, retry-after) and 502 are retried', async () => {
  const issue = 108;
  github.failNext({
    method: 'GET',
    pathIncludes: `/issues/${issue}/comments`,
    status: 429,
    headers: { 'retry-after': '1' },
    message: 'You have exceeded a secondary rate limit',
  });
  github.failNext({
    method: 'POST',
    pathIncludes: `/issues/${issue}/comments`,
    status: 502,
    message: 'Bad Gateway',
  });
  const run = await runAction(
    { config: configFile(false) },
    { name: 'pull_request', path: pullRequestEvent(issue) },
  );
  assert.equal(run.code, 1);
  assert.equal(github.commentsOf(issue).length, 1, run.stdout);
  const attempts = github.requests.filter((r) => r.path.includes(`/issues/${issue}/comments`));
  assert.equal(attempts.filter((r) => r.method === 'GET').length, 2);
  assert.equal(attempts.filter((r) => r.method === 'POST').length, 2);
});

test('over 65,536 characters the comment collapses to a table and points to the job summary (5,000 results)', async () => {
  const issue = 109;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-big-'));
  const config = path.join(dir, 'pullcheck.yml');
  writeFileSync(
    config,
    stringify({
      version: 1,
      images: Array.from(
        { length: 2500 },
        (_, i) => `123456789012.dkr.ecr.us-east-1.amazonaws.com/svc-${i}:1.0`,
      ),
      targets: [
        {
          name: 'prod',
          platform: 'aws-role',
          roles: ['arn:aws:iam::123456789012:role/a', 'arn:aws:iam::123456789012:role/b'],
        },
      ],
      facts: {
        aws: {
          roles: [
            {
              arn: 'arn:aws:iam::123456789012:role/a',
              managedPolicies: ['arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy'],
            },
            {
              arn: 'arn:aws:iam::123456789012:role/b',
              managedPolicies: ['arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly'],
            },
          ],
        },
      },
    }),
  );
  const run = await runAction({ config }, { name: 'pull_request', path: pullRequestEvent(issue) });
  assert.equal(run.code, 1);
  assert.equal(JSON.parse(readFileSync(run.outputs['report-file']!, 'utf8')).results.length, 5000);
  const [comment] = github.commentsOf(issue);
  assert.ok(comment!.body.length <= 65_536, `comment is ${comment!.body.length} characters`);
  assert.match(
    comment!.body,
    /is too long for a comment: the fixes are in \[the job summary of this run\]\(https:\/\/github\.test\/acme\/app\/actions\/runs\/777\)/,
  );
  assert.match(comment!.body, /\| ❌ denied \| 123456789012\.dkr\.ecr/);
  assert.match(comment!.body, /… and [\d,]+ more in the job summary\./);
  assert.ok(run.summary.length > comment!.body.length);
});

test('the images and targets inputs add to the config file', async () => {
  const run = await runAction(
    {
      config: configFile(true),
      images: '123456789012.dkr.ecr.us-east-1.amazonaws.com/api:2.0\n# a comment line\n',
      targets: '- name: batch\n  platform: aws-role\n  roles: [arn:aws:iam::123456789012:role/nodes]\n',
      'fail-on': 'never',
      comment: 'never',
    },
    { name: 'push', path: eventFile('push', {}) },
  );
  assert.equal(run.code, 0, run.stdout);
  const report = JSON.parse(readFileSync(run.outputs['report-file']!, 'utf8'));
  const pairs = report.results.map(
    (r: { image: string; target: string }) => `${r.target} ${r.image.split('/').pop()}`,
  );
  assert.deepEqual(pairs.sort(), ['batch api:2.0', 'batch web:1.0', 'prod api:2.0', 'prod web:1.0']);
});

test('a bad targets input fails the step naming the input, line and column', async () => {
  const run = await runAction(
    { config: configFile(true), targets: '- name: x\n  platform: eks\n  rolez: []\n' },
    { name: 'push', path: eventFile('push', {}) },
    {},
    'process',
  );
  assert.equal(run.code, 1);
  assert.match(run.stdout, /::error file=input targets,line=3,col=3::unknown key `rolez`/);
});

test('check: false and login: false do nothing at all', async () => {
  const run = await runAction(
    { config: DEMO, check: 'false', login: 'false' },
    { name: 'push', path: eventFile('push', {}) },
  );
  assert.equal(run.code, 0);
  assert.equal(run.outputs['gate'], undefined);
  assert.match(run.stdout, /check and login are both false: nothing to do/);
});

test('a comment is ours only when the token wrote it: a person quoting the marker is never edited; an app token and a personal token keep their own', async () => {
  const issue = 110;
  const marker = '<!-- pullcheck:deploy%2Fcheck%2F__self -->';
  const quoted = `${marker}\nquoting the bot: is this right?`;
  github.seedComments(issue, [quoted], 'mallory');
  const event = { name: 'pull_request', path: pullRequestEvent(issue) };
  const patchesOf = (id: number) =>
    github.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith(`/comments/${id}`)).length;
  const first = await runAction({ config: configFile(false) }, event);
  assert.equal(first.code, 1);
  const [theirs, ours] = github.commentsOf(issue);
  assert.equal(theirs!.body, quoted, "the person's comment is untouched");
  assert.equal(patchesOf(theirs!.id), 0);
  assert.equal(ours?.user.login, 'github-actions[bot]');
  assert.equal(first.outputs['comment-url'], ours!.html_url);
  assert.doesNotMatch(first.stdout, /could not comment|pull-requests: write/);
  try {
    // An app's installation token acts as APP[bot]: GITHUB_TOKEN's comment is not its own.
    github.identity = { login: 'acme-deployer[bot]' };
    await runAction({ config: configFile(false) }, event);
    await runAction({ config: configFile(true) }, event);
    const app = github.commentsOf(issue).filter((c) => c.user.login === 'acme-deployer[bot]');
    assert.equal(app.length, 1, 'one comment of its own, updated in place');
    assert.match(app[0]!.body, /### ✅ pullcheck/);
    assert.match(ours!.body, /### ❌ pullcheck/, "GITHUB_TOKEN's comment is left as it was");
    // A person's token where GraphQL does not answer: GET /user names them.
    github.identity = { login: 'octocat', personal: true, graphql: false };
    await runAction({ config: configFile(false) }, event);
    await runAction({ config: configFile(true) }, event);
    const personal = github.commentsOf(issue).filter((c) => c.user.login === 'octocat');
    assert.equal(personal.length, 1);
    assert.match(personal[0]!.body, /### ✅ pullcheck/);
    assert.equal(github.commentsOf(issue).length, 4);
    assert.equal(github.commentsOf(issue)[0]!.body, quoted);
  } finally {
    github.identity = { login: 'github-actions[bot]' };
  }
});

test('fail-on unknown fails on undecided pulls; a denied pull is annotated at its target in the config', async () => {
  const run = await runAction(
    { config: DEMO, comment: 'never', 'fail-on': 'unknown' },
    { name: 'push', path: eventFile('push', {}) },
    { GITHUB_WORKSPACE: process.cwd() },
  );
  assert.equal(run.code, 1);
  assert.match(
    run.stdout,
    /::error title=pullcheck%3A pull denied,file=examples\/deploy\/eks\/base\/api\.yaml,line=15::arn:aws:iam::210987654321:role\/eks\/prod-nodes cannot pull/,
  );
  assert.match(
    run.stdout,
    /::warning title=pullcheck%3A secret-in-repo,file=examples\/k3s\/registries\.yaml,line=12::/,
  );
});
