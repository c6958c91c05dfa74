// What a config error quotes back from the config is data: on one line, control characters escaped,
// and cut after ~200 characters with the total length, however long the value is (issue 13, item 9).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigText } from '../../src/core/config/load.ts';
import { ConfigError } from '../../src/core/errors.ts';

function messageOf(text: string): string {
  try {
    loadConfigText(text, 'pullcheck.yml');
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.problems[0]!.message;
  }
  assert.fail('expected a config error');
}

test('a 100,000-character unknown key is quoted in ~200 characters with its length', () => {
  const key = `k${'e'.repeat(99_999)}`;
  // An explicit key (`? key`): YAML allows implicit keys of at most 1024 characters.
  const message = messageOf(`version: 1\n? ${key}\n: []\n`);
  assert.match(message, /^unknown key `ke{199}…` \(100000 characters\) in the config; expected one of:/);
  assert.ok(message.length < 400, `${message.length} characters`);
});

test('a key with a newline and a workflow command stays on one line, escaped', () => {
  const message = messageOf('version: 1\n"imagez\\n::error::forged": []\n');
  assert.doesNotMatch(message, /\n/);
  assert.match(message, /^unknown key `imagez\\n::error::forged` in the config/);
});

test('a map key with a line break is an unknown key, escaped and bounded (its value went unchecked)', () => {
  const key = `host\r\n${'h'.repeat(300)}`;
  const message = messageOf(
    `version: 1\nendpoints:\n  registries:\n    ${JSON.stringify(key)}: ftp://mirror\n`,
  );
  assert.doesNotMatch(message, /[\r\n]/);
  assert.match(message, /^unknown key `host\\r\\nh+…` \(306 characters\) in `endpoints\.registries`/);
  assert.ok(message.length < 400, `${message.length} characters`);
});

test('an escape is never cut in half', () => {
  // 199 characters, then a control character whose escape (\u0007) would straddle the cut.
  const key = `${'k'.repeat(199)}\u0007${'k'.repeat(50)}`;
  const message = messageOf(`version: 1\n${JSON.stringify(key)}: []\n`);
  assert.match(message, /^unknown key `k{199}…` \(250 characters\)/);
});

test('a mistyped enum value is quoted the same way', () => {
  const message = messageOf(
    `version: 1\ntargets:\n  - name: prod\n    platform: ${JSON.stringify(`eks\u001b[2J${'s'.repeat(400)}`)}\n`,
  );
  assert.ok(!message.includes('\u001b'), message);
  assert.match(message, /got `ekss+…` \(\d+ characters\)$/);
});

test('a map key that fits no key pattern is an error, not silently never read', () => {
  const message = messageOf(
    'version: 1\nauth:\n  aws:\n    roles:\n      "12345": arn:aws:iam::123456789012:role/x\n',
  );
  assert.equal(message, 'unknown key `12345` in `auth.aws.roles`; keys must match ^[0-9]{12}$');
});
