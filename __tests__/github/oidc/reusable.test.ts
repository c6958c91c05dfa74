// Jobs in reusable workflows ("Using OpenID Connect with reusable workflows", docs.github.com/en/actions/
// how-tos/secure-your-work/security-harden-deployments/oidc-with-reusable-workflows): the caller's event,
// ref and subject; job_workflow_ref names the called file at the ref it runs at.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Claim } from '../../../src/core/ci-path.ts';
import type { CallerWorkflow, TokenContext } from '../../../src/github/oidc/context.ts';
import { predictTokens } from '../../../src/github/oidc/predict.ts';

const brief = (claim: Claim | undefined): string =>
  claim === undefined
    ? 'absent'
    : 'value' in claim
      ? claim.value
      : 'pattern' in claim
        ? `~${claim.pattern}`
        : '?';

function called(caller: Omit<CallerWorkflow, 'path' | 'on'>, on: unknown = { push: { branches: ['main'] } }) {
  const context: TokenContext = {
    repository: 'octo-org/octo-repo',
    workflow: { path: '.github/workflows/deploy.yml', on: 'workflow_call' },
    caller: { path: '.github/workflows/release.yml', on, ...caller },
    subClaim: { template: { useDefault: true }, prefix: 'repo:octo-org/octo-repo' },
  };
  return predictTokens(context);
}

test("a local reusable workflow runs at the caller's ref", () => {
  const [token] = called({ uses: './.github/workflows/deploy.yml' });
  assert.equal(token!.event, 'push');
  assert.equal(brief(token!.claims['sub']), 'repo:octo-org/octo-repo:ref:refs/heads/main');
  assert.equal(
    brief(token!.claims['workflow_ref']),
    'octo-org/octo-repo/.github/workflows/release.yml@refs/heads/main',
  );
  assert.equal(
    brief(token!.claims['job_workflow_ref']),
    'octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/main',
  );
});

test("a local reusable workflow under a pattern ref carries the caller's pattern", () => {
  const [token] = called({ uses: './.github/workflows/deploy.yml' }, { push: { tags: ['v*'] } });
  assert.equal(
    brief(token!.claims['job_workflow_ref']),
    '~octo-org/octo-repo/.github/workflows/deploy.yml@refs/tags/v*',
  );
});

test("another repository's workflow: the ref uses: names, exact when full, a branch-or-tag pattern when short", () => {
  const cases: [CallerWorkflow['uses'], string | undefined, string][] = [
    [
      'octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main',
      undefined,
      'octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main',
    ],
    [
      'octo-org/octo-automation/.github/workflows/oidc.yml@v1',
      'refs/tags/v1',
      'octo-org/octo-automation/.github/workflows/oidc.yml@refs/tags/v1',
    ],
    [
      'octo-org/octo-automation/.github/workflows/oidc.yml@v1',
      undefined,
      '~octo-org/octo-automation/.github/workflows/oidc.yml@refs/*/v1',
    ],
    [
      'octo-org/octo-automation/.github/workflows/oidc.yml@0123456789abcdef0123456789abcdef01234567',
      undefined,
      'octo-org/octo-automation/.github/workflows/oidc.yml@0123456789abcdef0123456789abcdef01234567',
    ],
  ];
  for (const [uses, resolvedRef, expected] of cases) {
    const [token] = called({ uses, ...(resolvedRef ? { resolvedRef } : {}) });
    assert.equal(brief(token!.claims['job_workflow_ref']), expected, uses);
    // The ref, subject and workflow_ref stay the caller's.
    assert.equal(brief(token!.claims['ref']), 'refs/heads/main');
    assert.equal(
      brief(token!.claims['workflow_ref']),
      'octo-org/octo-repo/.github/workflows/release.yml@refs/heads/main',
    );
  }
});

test("the caller's events, one token each; a called workflow alone is unknown, naming why", () => {
  const tokens = called(
    { uses: './.github/workflows/deploy.yml' },
    { pull_request: null, workflow_dispatch: null },
  );
  assert.deepEqual(
    tokens.map((token) => [token.event, brief(token.claims['sub'])]),
    [
      ['pull_request', 'repo:octo-org/octo-repo:pull_request'],
      ['workflow_dispatch', '~repo:octo-org/octo-repo:ref:refs/heads/*'],
      ['workflow_dispatch', '~repo:octo-org/octo-repo:ref:refs/tags/*'],
    ],
  );
  const alone = predictTokens({
    repository: 'octo-org/octo-repo',
    workflow: { path: '.github/workflows/deploy.yml', on: { workflow_call: { inputs: {} } } },
    subClaim: { template: { useDefault: true }, prefix: 'repo:octo-org/octo-repo' },
  });
  assert.equal(alone.length, 1);
  const sub = alone[0]!.claims['sub']!;
  assert.ok('unknown' in sub && /caller/.test(sub.unknown));
  assert.ok('unknown' in alone[0]!.claims['event_name']!);
});
