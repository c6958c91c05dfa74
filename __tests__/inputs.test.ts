// Action inputs echo a bad value back bounded and on one line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError, readInputs } from '../src/inputs.ts';

function errorOf(inputs: Record<string, string>): string {
  try {
    readInputs((name) => inputs[name] ?? '');
  } catch (error) {
    assert.ok(error instanceof InputError);
    return error.message;
  }
  return assert.fail('expected an InputError');
}

test('a bad input value is quoted escaped and cut, whatever its shape', () => {
  const hostile = `us-east-1\n::error::forged${'x'.repeat(5000)}`;
  for (const name of ['aws-region', 'login', 'offline', 'fail-on']) {
    const message = errorOf({ [name]: hostile });
    assert.ok(message.length < 400, `${name}: ${message.length} characters`);
    assert.ok(!message.includes('\n'), `${name}: one line`);
    assert.match(message, /\(5\d{3} characters\)/, name);
  }
});
