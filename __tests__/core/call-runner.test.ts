import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CallRunner, classify } from '../../src/core/call-runner.ts';

const call = (key: string) => ({
  key,
  permission: 'ecr:GetRepositoryPolicy',
  resource: `arn:aws:ecr:us-east-1:123456789012:repository/${key}`,
});
const awsError = (name: string, status: number) =>
  Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });

test('each resource is read once, however many times it is asked for', async () => {
  const runner = new CallRunner({ sleep: async () => undefined });
  let sent = 0;
  const send = async () => ++sent;
  const outcomes = await Promise.all([
    runner.run(call('a'), send),
    runner.run(call('a'), send),
    runner.run(call('b'), send),
  ]);
  assert.equal(sent, 2);
  assert.deepEqual(
    outcomes.map((o) => o.ok),
    [true, true, true],
  );
});

test('at most `concurrency` calls are in flight', async () => {
  const runner = new CallRunner({ concurrency: 3 });
  let active = 0;
  let peak = 0;
  const send = async () => {
    peak = Math.max(peak, ++active);
    await new Promise((resolve) => setTimeout(resolve, 5));
    active--;
  };
  await Promise.all(Array.from({ length: 20 }, (_, i) => runner.run(call(`r${i}`), send)));
  assert.equal(peak, 3);
});

test('throttling is retried with backoff, then succeeds; AccessDenied is not retried and names the permission', async () => {
  const sleeps: number[] = [];
  const runner = new CallRunner({ sleep: async (ms) => void sleeps.push(ms), random: () => 1 });
  let attempts = 0;
  const throttled = await runner.run(call('t'), async () => {
    if (++attempts < 3) throw awsError('ThrottlingException', 400);
    return 'ok';
  });
  assert.deepEqual(throttled, { ok: true, value: 'ok' });
  assert.deepEqual(sleeps, [200, 400]);
  let deniedAttempts = 0;
  const denied = await runner.run(call('d'), async () => {
    deniedAttempts++;
    throw awsError('AccessDeniedException', 400);
  });
  assert.equal(deniedAttempts, 1);
  assert.equal(denied.ok, false);
  assert.match(
    !denied.ok ? denied.message : '',
    /^ecr:GetRepositoryPolicy on arn:aws:ecr:us-east-1:123456789012:repository\/d was denied \(AccessDeniedException\)/,
  );
});

test('a call that hangs times out, is retried, and ends as failed', async () => {
  const runner = new CallRunner({ timeoutMs: 20, retries: 1, sleep: async () => undefined });
  let attempts = 0;
  const outcome = await runner.run(call('slow'), (signal) => {
    attempts++;
    return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
  });
  assert.equal(attempts, 2);
  assert.equal(outcome.ok, false);
  assert.match(!outcome.ok ? outcome.message : '', /failed \(TimeoutError, after retries\)/);
});

test('errors are classified by name and status (SDK v3, Google, HTTP)', () => {
  assert.equal(classify(awsError('AccessDenied', 403)), 'denied');
  assert.equal(classify(awsError('RepositoryPolicyNotFoundException', 400)), 'missing');
  assert.equal(classify(awsError('NoSuchEntity', 404)), 'missing');
  assert.equal(classify(awsError('ThrottlingException', 400)), 'retry');
  assert.equal(classify(awsError('InternalFailure', 500)), 'retry');
  assert.equal(classify({ status: 403, name: 'Error' }), 'denied');
  assert.equal(classify({ status: 503, name: 'Error' }), 'retry');
  assert.equal(classify(awsError('ValidationException', 400)), 'failed');
});

test('a resource live reads could not read makes the pull unknown, naming the permission to add', async () => {
  const { checkSinglePull } = await import('../helpers/check.ts');
  const denied =
    'iam:GetRole on arn:aws:iam::123456789012:role/nodes was denied (AccessDenied): grant it to the identity pullcheck reads with';
  const result = checkSinglePull(
    [
      'version: 1',
      'images: [123456789012.dkr.ecr.us-east-1.amazonaws.com/web]',
      'targets: [{ name: prod, platform: aws-role, roles: [arn:aws:iam::123456789012:role/nodes] }]',
      'facts:',
      '  aws:',
      `    roles: [{ arn: "arn:aws:iam::123456789012:role/nodes", unreadable: "${denied}" }]`,
    ].join('\n'),
  );
  assert.equal(result.verdict, 'unknown');
  assert.ok(
    result.reasons.some((reason) => reason.includes(`could not be read: ${denied}`)),
    result.reasons.join('\n'),
  );
});
