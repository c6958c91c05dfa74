import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redactStrings } from '../../src/core/outgoing-text.ts';

test('redactStrings cuts credentials out of every string, copying only what changes', () => {
  const clean = { image: 'registry.example/app:1', reasons: ['a', 'b'], source: { file: 'x.yml', line: 3 } };
  const dirty = {
    image: 'registry.example/app:1',
    reasons: ['pulled from https://robot:s3cr3t@registry.example/v2/', 'b'],
    nested: [{ url: 'git clone https://u:tok@github.com/o/r' }, 7, null, true],
  };
  const report = { results: [clean, dirty], count: 2 };
  const before = structuredClone(report);
  const out = redactStrings(report);

  assert.deepEqual(report, before, 'the input is not modified');
  assert.equal(out.results[0], clean, 'a result without credentials is shared, not copied');
  assert.equal(out.results[1]!.image, dirty.image);
  assert.deepEqual(out.results[1], {
    image: 'registry.example/app:1',
    reasons: ['pulled from https://REDACTED@registry.example/v2/', 'b'],
    nested: [{ url: 'git clone https://REDACTED@github.com/o/r' }, 7, null, true],
  });
  assert.ok(!JSON.stringify(out).includes('s3cr3t') && !JSON.stringify(out).includes('tok@'));
  assert.equal(redactStrings(clean), clean);
  assert.equal(redactStrings('user:pw@registry.example/app'), 'REDACTED@registry.example/app');
});
