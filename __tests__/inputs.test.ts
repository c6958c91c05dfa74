// Action inputs echo a bad value back bounded and on one line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { InputError, readInputs } from '../src/inputs.ts';
import { providers } from '../src/providers/index.ts';

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

test("the action reads exactly action.yml's inputs: its own and each provider's login inputs", () => {
  const declared = Object.keys(
    (parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> }).inputs,
  ).sort();
  const read = new Set<string>();
  readInputs((name) => {
    read.add(name);
    return '';
  });
  assert.deepEqual([...read].sort(), declared);
  for (const provider of providers) {
    for (const input of provider.actionInputs ?? []) assert.ok(declared.includes(input.name), input.name);
  }
});

test('a provider input is checked against its shape; a secret one is kept for masking', () => {
  assert.match(
    errorOf({ 'aws-role-arn': 'arn:aws:iam::1:user/x' }),
    /input aws-role-arn must be an IAM role ARN \(got `arn:aws:iam::1:user\/x`\)/,
  );
  const given = readInputs(
    (name) =>
      ({
        'aws-role-arn': 'arn:aws:iam::111122223333:role/ci',
        'openshift-token': 'sha256~secret',
        audience: 'a',
      })[name] ?? '',
  );
  assert.deepEqual(given.loginInputs, {
    'aws-role-arn': 'arn:aws:iam::111122223333:role/ci',
    'openshift-token': 'sha256~secret',
    audience: 'a',
  });
  assert.deepEqual(given.secrets, ['sha256~secret']);
});

test('the login modules read only inputs some provider declares (a misspelt key would read nothing)', () => {
  const declared = new Set([
    'audience',
    ...providers.flatMap((p) => (p.actionInputs ?? []).map((input) => input.name)),
  ]);
  const files = readdirSync('src/providers', { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.ts'),
  );
  const read = files.flatMap((file) =>
    [...readFileSync(path.join('src/providers', file), 'utf8').matchAll(/\binputs\['([^']+)'\]/g)].map(
      (match) => [file, match[1]!] as const,
    ),
  );
  assert.ok(read.length >= 8, `found ${read.length} reads`);
  assert.deepEqual(
    read.filter(([, name]) => !declared.has(name)),
    [],
  );
});
