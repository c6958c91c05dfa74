// predictTokens against the examples of GitHub's "OpenID Connect reference"
// (docs.github.com/en/actions/reference/security/oidc): each case names the section and example it
// reproduces; then the runs whose claims are patterns or unknown, and reusable workflows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Claim, PredictedToken } from '../../../src/core/ci-path.ts';
import type { SubTemplate, TokenContext } from '../../../src/github/oidc/context.ts';
import { predictTokens } from '../../../src/github/oidc/predict.ts';

const LEGACY = 'repo:octo-org/octo-repo';
const DEFAULT: SubTemplate = { useDefault: true };
const keys = (...includeClaimKeys: string[]): SubTemplate => ({ useDefault: false, includeClaimKeys });

function context(overrides: Partial<TokenContext> & { template?: SubTemplate; prefix?: string | null }) {
  const { template = DEFAULT, prefix = LEGACY, ...rest } = overrides;
  return {
    repository: 'octo-org/octo-repo',
    workflow: { path: '.github/workflows/deploy.yml', on: { push: { branches: ['main'] } } },
    subClaim: { template, ...(prefix === null ? {} : { prefix }) },
    ...rest,
  } satisfies TokenContext;
}

function only(tokens: PredictedToken[]): PredictedToken {
  assert.equal(tokens.length, 1, tokens.map((token) => token.trigger).join(', '));
  return tokens[0]!;
}

const sub = (ctx: TokenContext): Claim => only(predictTokens(ctx)).claims['sub']!;

// [section of the OpenID Connect reference, context, the subject GitHub documents]
const DOCUMENTED: [string, TokenContext, string][] = [
  [
    'Example subject claims / Filtering for a specific environment',
    context({ environment: 'Production' }),
    'repo:octo-org/octo-repo:environment:Production',
  ],
  [
    'Example subject claims / Filtering for pull_request events',
    context({ workflow: { path: '.github/workflows/ci.yml', on: 'pull_request' } }),
    'repo:octo-org/octo-repo:pull_request',
  ],
  [
    'Example subject claims / Filtering for a specific branch',
    context({ workflow: { path: '.github/workflows/ci.yml', on: { push: { branches: 'demo-branch' } } } }),
    'repo:octo-org/octo-repo:ref:refs/heads/demo-branch',
  ],
  [
    'Example subject claims / Filtering for a specific tag',
    context({ workflow: { path: '.github/workflows/ci.yml', on: { push: { tags: ['demo-tag'] } } } }),
    'repo:octo-org/octo-repo:ref:refs/tags/demo-tag',
  ],
  [
    'Example subject claims / Filtering for metadata containing `:`',
    context({ environment: { name: 'Production:V1', url: 'https://example.test' } }),
    'repo:octo-org/octo-repo:environment:Production%3AV1',
  ],
  [
    'Immutable subject claims / Immutable format example',
    context({ prefix: 'repo:octo-org@123456/octo-repo@456789' }),
    'repo:octo-org@123456/octo-repo@456789:ref:refs/heads/main',
  ],
  [
    'Customizing the subject claims / Allowing repository based on visibility and owner',
    context({
      repository: 'monalisa/octo-repo',
      repositoryVisibility: 'private',
      template: keys('repository_owner', 'repository_visibility'),
    }),
    'repository_owner:monalisa:repository_visibility:private',
  ],
  [
    'Customizing the subject claims / Allowing access to all repositories with a specific owner',
    context({ repository: 'monalisa/octo-repo', template: keys('repository_owner') }),
    'repository_owner:monalisa',
  ],
  [
    'Customizing the subject claims / Requiring a reusable workflow',
    context({
      template: keys('job_workflow_ref'),
      workflow: { path: '.github/workflows/oidc.yml', on: 'workflow_call' },
      caller: {
        path: '.github/workflows/release.yml',
        on: { push: { branches: ['main'] } },
        uses: 'octo-org/octo-automation/.github/workflows/oidc.yml@main',
        resolvedRef: 'refs/heads/main',
      },
    }),
    'job_workflow_ref:octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main',
  ],
  [
    'Customizing the subject claims / Requiring a reusable workflow and other claims',
    context({
      template: keys('repo', 'context', 'job_workflow_ref'),
      environment: 'prod',
      workflow: { path: '.github/workflows/oidc.yml', on: 'workflow_call' },
      caller: {
        path: '.github/workflows/release.yml',
        on: { push: { branches: ['main'] } },
        uses: 'octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main',
      },
    }),
    'repo:octo-org/octo-repo:environment:prod:job_workflow_ref:octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main',
  ],
  [
    'Customizing the subject claims / Granting access to a specific repository',
    context({ template: keys('repo') }),
    'repo:octo-org/octo-repo',
  ],
  [
    'Customizing the subject claims / Using system-generated GUIDs (repository_id)',
    context({ template: keys('repository_id'), repositoryId: '456789' }),
    'repository_id:456789',
  ],
  [
    'Customizing the subject claims / Using system-generated GUIDs (repository_owner_id)',
    context({ template: keys('repository_owner_id'), repositoryOwnerId: '123456' }),
    'repository_owner_id:123456',
  ],
  [
    'Customizing the subject claims / Context value with `:`',
    context({ template: keys('environment', 'repository_owner'), environment: 'production:eastus' }),
    'environment:production%3Aeastus:repository_owner:octo-org',
  ],
  [
    'Customizing the subject claims / Resetting organization template customizations (repo, context)',
    context({ template: keys('repo', 'context') }),
    'repo:octo-org/octo-repo:ref:refs/heads/main',
  ],
];

for (const [section, ctx, expected] of DOCUMENTED) {
  test(`OpenID Connect reference, ${section}: ${expected}`, () => {
    assert.deepEqual(sub(ctx), { value: expected });
  });
}

test('a push to main: every claim GitHub documents, exact where the workflow decides it', () => {
  const token = only(predictTokens(context({ repositoryId: '456789', repositoryOwnerId: '123456' })));
  assert.equal(token.event, 'push');
  assert.equal(token.trigger, 'push to main');
  const values = Object.fromEntries(
    Object.entries(token.claims).flatMap(([key, claim]) => ('value' in claim ? [[key, claim.value]] : [])),
  );
  assert.deepEqual(values, {
    sub: 'repo:octo-org/octo-repo:ref:refs/heads/main',
    aud: 'https://github.com/octo-org',
    iss: 'https://token.actions.githubusercontent.com',
    repository: 'octo-org/octo-repo',
    repository_owner: 'octo-org',
    repository_id: '456789',
    repository_owner_id: '123456',
    ref: 'refs/heads/main',
    ref_type: 'branch',
    event_name: 'push',
    base_ref: '',
    head_ref: '',
    workflow_ref: 'octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/main',
    job_workflow_ref: 'octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/main',
  });
  assert.equal(token.claims['environment'], undefined, 'no environment claim without an environment');
  assert.ok('unknown' in token.claims['actor']!);
  assert.ok('unknown' in token.claims['sha']!);
});
