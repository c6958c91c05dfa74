// facts.github.oidc: the config's part of a job's token (the subject template, ids, default branch), and
// a ConfigError at the line for what cannot be meant.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigText } from '../../../src/core/config/load.ts';
import { ConfigError } from '../../../src/core/errors.ts';
import { oidcFacts, SUB_TEMPLATE_NOT_KNOWN } from '../../../src/github/oidc/facts.ts';

const load = (facts: string) =>
  loadConfigText(`version: 1\nfacts:\n  github:\n    oidc:\n${facts}`, 'pullcheck.yml');

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  assert.fail('expected a ConfigError');
}

test('the facts as TokenContext parts, ids as strings however written', () => {
  const config = load(
    [
      '      subClaim:',
      '        useDefault: false',
      '        includeClaimKeys: [repo, context, job_workflow_ref]',
      '        prefix: repo:octo-org@123456/octo-repo@456789',
      '      repositoryId: 456789',
      "      repositoryOwnerId: '123456'",
      '      defaultBranch: main',
      '      repositoryVisibility: private',
      '',
    ].join('\n'),
  );
  assert.deepEqual(oidcFacts(config), {
    subClaim: {
      template: { useDefault: false, includeClaimKeys: ['repo', 'context', 'job_workflow_ref'] },
      prefix: 'repo:octo-org@123456/octo-repo@456789',
    },
    repositoryId: '456789',
    repositoryOwnerId: '123456',
    defaultBranch: 'main',
    repositoryVisibility: 'private',
  });
});

test('without subClaim the template is unknown, naming the fact and the API that answers it', () => {
  const facts = oidcFacts(loadConfigText('version: 1\n', 'pullcheck.yml'));
  assert.deepEqual(facts, { subClaim: { template: { unknown: SUB_TEMPLATE_NOT_KNOWN } } });
  assert.match(SUB_TEMPLATE_NOT_KNOWN, /facts\.github\.oidc\.subClaim/);
  assert.deepEqual(oidcFacts(load('      subClaim: { useDefault: true }\n')).subClaim, {
    template: { useDefault: true },
  });
});

test('useDefault false without keys: a ConfigError at the line', () => {
  const error = configError(() =>
    oidcFacts(load('      defaultBranch: main\n      subClaim:\n        useDefault: false\n')),
  );
  assert.equal(error.problems[0]!.where.line, 7);
  assert.match(error.problems[0]!.message, /useDefault false needs includeClaimKeys/);
  const empty = configError(() =>
    oidcFacts(load('      subClaim: { useDefault: false, includeClaimKeys: [] }\n')),
  );
  assert.match(empty.problems[0]!.message, /needs includeClaimKeys/);
});

test('an unknown claim key: a ConfigError at its line, with the likely key', () => {
  const error = configError(() =>
    oidcFacts(
      load(
        '      subClaim:\n        useDefault: false\n        includeClaimKeys:\n          - repo\n          - job_workflow\n',
      ),
    ),
  );
  assert.equal(error.problems[0]!.where.line, 9);
  assert.match(error.problems[0]!.message, /`job_workflow` is no claim.*did you mean `job_workflow_ref`/);
  // Custom properties are keys too ("Including repository custom properties in OIDC tokens").
  assert.doesNotThrow(() =>
    oidcFacts(
      load('      subClaim: { useDefault: false, includeClaimKeys: [repo_property_workspace_id] }\n'),
    ),
  );
});

test('keys beside useDefault true, which GitHub ignores: a ConfigError', () => {
  const error = configError(() =>
    oidcFacts(load('      subClaim: { useDefault: true, includeClaimKeys: [repo] }\n')),
  );
  assert.match(error.problems[0]!.message, /ignores includeClaimKeys/);
});

test('the schema refuses a malformed prefix, id or visibility at load', () => {
  for (const facts of [
    '      subClaim: { useDefault: true, prefix: "octo-org/octo-repo" }\n',
    '      repositoryId: abc\n',
    '      repositoryVisibility: secret\n',
    '      subClaim: { useDefault: false, includeClaimKeys: [repo, repo] }\n',
    '      defaultbranch: main\n',
  ]) {
    const error = configError(() => load(facts));
    assert.ok(error.problems[0]!.where.line >= 5, `${facts}: ${error.message}`);
  }
});
