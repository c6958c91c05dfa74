// GitHub expressions' truthiness ("Evaluate expressions in workflows and actions", Operators: falsy values
// are false, 0, -0, "", '' and null): `&&` / `||` / `!` over a comparison's boolean. A job's
// `environment: ${{ github.ref == 'refs/heads/main' && 'production' || 'staging' }}` names the token's
// environment, so getting `false` wrong picks the wrong environment for the CI login.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asText, evaluate, truthy } from '../../src/discover/workflows/expression.ts';

const ref = (value: string) => (path: readonly string[]) => (path.join('.') === 'github.ref' ? value : null);

test('false is falsy: && and || pick the branch GitHub picks, ! negates it', () => {
  assert.equal(truthy(false), false);
  assert.equal(truthy(true), true);
  const choose = "github.ref == 'refs/heads/main' && 'production' || 'staging'";
  assert.deepEqual(asText(evaluate(choose, ref('refs/pull/7/merge'))), ['staging']);
  assert.deepEqual(asText(evaluate(choose, ref('refs/heads/main'))), ['production']);
  assert.equal(evaluate("!(github.ref == 'refs/heads/main')", ref('refs/heads/dev')), true);
  assert.equal(evaluate('false || 0', ref('')), 0);
});
