// Generated files that are committed must match their sources: the bundle and the published schema.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
// @ts-expect-error: a plain JavaScript module of the build (no types)
import { inputsDigest, outputDigests, STAMP } from '../scripts/build-stamp.mjs';
import { COMMENT_EXAMPLE, commentExample, readmeWithActionDocs } from '../scripts/generate-action-docs.ts';
import {
  SCHEMA_FILE,
  schemaFileText,
  VALIDATOR_FILE,
  validatorFileText,
  KUBERNETES_VALIDATORS_FILE,
  kubernetesValidatorsFileText,
  TARGET_LIST_FILE,
  targetListFileText,
} from '../scripts/generate-schema.ts';
import { checkedRolesText, SHARED_ROLES_FILE, SHIPPED_ROLES_FILE } from '../scripts/import-gcp-roles.ts';

test('dist/ is the bundle of the current sources (run npm run build and commit dist/)', () => {
  // The stamp the build wrote: what it was built from, and what it wrote (npm run verify:dist rebuilds).
  const stamp = JSON.parse(readFileSync(path.join('dist', STAMP), 'utf8')) as {
    inputs: string;
    outputs: Record<string, string>;
  };
  assert.equal(stamp.inputs, inputsDigest('.'), 'sources changed since dist/ was built: run npm run build');
  assert.deepEqual(
    outputDigests('dist'),
    stamp.outputs,
    'dist/ is not what the build wrote: run npm run build',
  );
});

test('schema/pullcheck.schema.json is generated from the config schema (npm run generate:schema)', () => {
  assert.equal(readFileSync(SCHEMA_FILE, 'utf8'), schemaFileText(), 'the published schema is stale');
  assert.equal(
    readFileSync(VALIDATOR_FILE, 'utf8'),
    validatorFileText(),
    'the compiled config validator is stale',
  );
  assert.equal(
    readFileSync(KUBERNETES_VALIDATORS_FILE, 'utf8'),
    kubernetesValidatorsFileText(),
    "the compiled validators of the Kubernetes provider's documents are stale",
  );
  assert.equal(
    readFileSync(TARGET_LIST_FILE, 'utf8'),
    targetListFileText(),
    "the compiled validator of the action's targets input is stale",
  );
});

// shared/ sits beside the checkout in this workplace's CI; elsewhere the comparison is skipped, never in CI.
// GitHub's runners have no shared/: the project's workflow says so (PULLCHECK_SHARED_DATA=absent, ci.yml),
// and there the shipped copy is checked against the dataset's shape instead, never skipped.
const sharedAbsentOnPurpose = process.env['PULLCHECK_SHARED_DATA'] === 'absent';
const sharedMissing =
  !existsSync(SHARED_ROLES_FILE) && process.env['CI'] !== 'true' && !sharedAbsentOnPurpose;

test(
  'the shipped Google Cloud role data is the published dataset (npm run import:gcp-roles)',
  { skip: sharedMissing && '../shared is not beside this checkout' },
  () => {
    const shipped = readFileSync(SHIPPED_ROLES_FILE, 'utf8');
    if (sharedAbsentOnPurpose && !existsSync(SHARED_ROLES_FILE)) {
      assert.equal(
        checkedRolesText(shipped),
        shipped,
        'the shipped role data does not have the dataset shape',
      );
      return;
    }
    const published = readFileSync(SHARED_ROLES_FILE, 'utf8');
    assert.equal(shipped, checkedRolesText(published), 'the shipped role data is stale');
  },
);

test("the README's action inputs and outputs are generated from action.yml (npm run generate:docs)", async () => {
  const readme = readFileSync('README.md', 'utf8');
  assert.equal(
    readme,
    await readmeWithActionDocs(readme, readFileSync('action.yml', 'utf8')),
    'README.md is stale',
  );
});

test('docs/comment-example.md is the comment of the current demo (npm run generate:docs)', () => {
  assert.equal(readFileSync(COMMENT_EXAMPLE, 'utf8'), commentExample(), 'docs/comment-example.md is stale');
});
