// A discovery finding echoes what the repository wrote (an expression, a path, a pattern): however long
// that is, the message is one bounded line with the full length stated.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { discoveryFinding } from '../../src/discover/findings.ts';

test('a discovery finding message is cut at 2,000 characters with its length, surrogate pairs kept whole', () => {
  const long = `cannot resolve ${'x'.repeat(100_000)}`;
  const finding = discoveryFinding('discovery', 'medium', { file: 'a.yml', line: 3 }, long);
  assert.equal(finding.message, `${long.slice(0, 2_000)}… (cut: ${long.length} characters)`);
  const emoji = `${'x'.repeat(1_999)}😀tail`;
  const cut = discoveryFinding('discovery', 'medium', { file: 'a.yml' }, emoji.repeat(2)).message;
  assert.ok(cut.startsWith(`${'x'.repeat(1_999)}… (cut:`), cut.slice(1_990, 2_020));
  const short = discoveryFinding('may-push', 'low', { file: 'a.yml' }, 'a short message');
  assert.equal(short.message, 'a short message');
});
