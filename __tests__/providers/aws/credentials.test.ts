// A chained role's session is asked of STS once per read, not once per SDK client, and again only near
// its expiry; a refusal is not remembered.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rememberedCredentials } from '../../../src/providers/aws/credentials.ts';

test('asked once while fresh, again within five minutes of expiry, again after a refusal', async () => {
  let now = 0;
  let asked = 0;
  let refuse = false;
  const provider = rememberedCredentials(
    async () => {
      asked++;
      if (refuse) throw new Error('AccessDenied');
      return { accessKeyId: `key-${asked}`, secretAccessKey: 's', expiration: new Date(now + 60 * 60_000) };
    },
    () => now,
  );
  const first = await Promise.all([provider(), provider(), provider()]);
  assert.deepEqual(
    first.map((c) => c.accessKeyId),
    ['key-1', 'key-1', 'key-1'],
  );
  assert.equal(asked, 1);
  now += 56 * 60_000; // four minutes left
  assert.equal((await provider()).accessKeyId, 'key-2');
  assert.equal(asked, 2);
  refuse = true;
  now += 60 * 60_000;
  await assert.rejects(provider(), /AccessDenied/);
  refuse = false;
  assert.equal((await provider()).accessKeyId, 'key-4');
});
