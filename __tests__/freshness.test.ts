// Generated files that are committed must match their sources: the bundle and the published schema.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { COMMENT_EXAMPLE, commentExample, readmeWithActionDocs } from '../scripts/generate-action-docs.ts';
import {
  SCHEMA_FILE,
  schemaFileText,
  VALIDATOR_FILE,
  validatorFileText,
} from '../scripts/generate-schema.ts';
import { checkedRolesText, SHARED_ROLES_FILE, SHIPPED_ROLES_FILE } from '../scripts/import-gcp-roles.ts';

test('dist/ is the bundle of the current sources (run npm run build and commit dist/)', () => {
  const fresh = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-dist-'));
  execFileSync(process.execPath, ['scripts/build.mjs', fresh], { stdio: ['ignore', 'ignore', 'inherit'] });
  const files = (dir: string) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
      .sort();
  const committed = files('dist');
  assert.deepEqual(files(fresh), committed, 'the set of files in dist/ differs');
  for (const file of committed) {
    const same = readFileSync(path.join(fresh, file)).equals(readFileSync(path.join('dist', file)));
    assert.ok(same, `dist/${file} is stale: run npm run build and commit dist/`);
  }
});

test('schema/pullcheck.schema.json is generated from the config schema (npm run generate:schema)', () => {
  assert.equal(readFileSync(SCHEMA_FILE, 'utf8'), schemaFileText(), 'the published schema is stale');
  assert.equal(
    readFileSync(VALIDATOR_FILE, 'utf8'),
    validatorFileText(),
    'the compiled config validator is stale',
  );
});

// shared/ sits beside the checkout in CI; elsewhere the comparison is skipped (never in CI).
const sharedMissing = !existsSync(SHARED_ROLES_FILE) && process.env['CI'] !== 'true';

test(
  'the shipped Google Cloud role data is the published dataset (npm run import:gcp-roles)',
  { skip: sharedMissing && '../shared is not beside this checkout' },
  () => {
    const published = readFileSync(SHARED_ROLES_FILE, 'utf8');
    assert.equal(
      readFileSync(SHIPPED_ROLES_FILE, 'utf8'),
      checkedRolesText(published),
      'the shipped role data is stale',
    );
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
