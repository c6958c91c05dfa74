// The runs an `on:` starts and what their tokens can be said to hold: patterns where a filter or the
// event admits many refs (never an exact claim the workflow does not decide), unknown where nothing can
// be said offline. Refs per event: "Events that trigger workflows" (docs.github.com/en/actions/reference/
// workflows-and-actions/events-that-trigger-workflows), the GITHUB_REF column.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Claim, PredictedToken } from '../../../src/core/ci-path.ts';
import type { TokenContext } from '../../../src/github/oidc/context.ts';
import { predictTokens } from '../../../src/github/oidc/predict.ts';
import { wildcardMatch } from '../../../src/providers/aws/policy/match.ts';

function tokens(on: unknown, extra: Partial<TokenContext> = {}): PredictedToken[] {
  return predictTokens({
    repository: 'octo-org/octo-repo',
    workflow: { path: './.github/workflows/ci.yml', on },
    subClaim: { template: { useDefault: true }, prefix: 'repo:octo-org/octo-repo' },
    ...extra,
  });
}

const brief = (claim: Claim | undefined): string =>
  claim === undefined
    ? 'absent'
    : 'value' in claim
      ? claim.value
      : 'pattern' in claim
        ? `~${claim.pattern}`
        : '?';

/** trigger → [ref, sub] */
function shape(list: PredictedToken[]): Record<string, [string, string]> {
  return Object.fromEntries(list.map((t) => [t.trigger, [brief(t.claims['ref']), brief(t.claims['sub'])]]));
}

test('on: as one name, a list, or a map gives the same runs', () => {
  assert.deepEqual(shape(tokens('push')), shape(tokens(['push'])));
  assert.deepEqual(shape(tokens('push')), shape(tokens({ push: null })));
});

test('push without filters: any branch and any tag, each a pattern', () => {
  assert.deepEqual(shape(tokens('push')), {
    'push to any branch': ['~refs/heads/*', '~repo:octo-org/octo-repo:ref:refs/heads/*'],
    'push of tag any tag': ['~refs/tags/*', '~repo:octo-org/octo-repo:ref:refs/tags/*'],
  });
});

test('push filters: one run per entry, globs as patterns, negations and ignores never exact', () => {
  const on = { push: { branches: ['main', 'release/**', 'v[0-9]+.x', '!release/old'], tags: ['v*'] } };
  assert.deepEqual(shape(tokens(on)), {
    'push to main': ['refs/heads/main', 'repo:octo-org/octo-repo:ref:refs/heads/main'],
    'push to release/**': ['~refs/heads/release/*', '~repo:octo-org/octo-repo:ref:refs/heads/release/*'],
    'push to v[0-9]+.x': ['~refs/heads/v*.x', '~repo:octo-org/octo-repo:ref:refs/heads/v*.x'],
    'push of tag v*': ['~refs/tags/v*', '~repo:octo-org/octo-repo:ref:refs/tags/v*'],
  });
  // Only a branch filter: no tag runs ("Workflow syntax", on.push.<branches|tags>).
  assert.deepEqual(Object.keys(shape(tokens({ push: { 'branches-ignore': ['dev'] } }))), [
    'push to any branch',
  ]);
  const ignored = tokens({ push: { 'branches-ignore': ['dev'] } })[0]!.claims['ref']!;
  assert.ok('pattern' in ignored && /exclude/.test(ignored.because), JSON.stringify(ignored));
  assert.deepEqual(Object.keys(shape(tokens({ push: { tags: ['v1'] } }))), ['push of tag v1']);
  // A filter escape is a literal character.
  assert.equal(brief(tokens({ push: { branches: ['a\\*b'] } })[0]!.claims['ref']), 'refs/heads/a*b');
});

test('pull_request: the pull_request subject, a merge ref per number, base_ref from the filter', () => {
  const [token] = tokens({ pull_request: { branches: ['main'] } });
  assert.equal(token!.trigger, 'pull_request into main');
  assert.equal(brief(token!.claims['sub']), 'repo:octo-org/octo-repo:pull_request');
  assert.equal(brief(token!.claims['ref']), '~refs/pull/*/merge');
  assert.equal(brief(token!.claims['base_ref']), 'main');
  assert.equal(brief(token!.claims['head_ref']), '~*');
  assert.ok('unknown' in token!.claims['ref_type']!);
});

test('pull_request_target runs on the base branch; its subject form is not documented, so a pattern', () => {
  const [token] = tokens({ pull_request_target: { branches: ['main'] } });
  assert.equal(brief(token!.claims['ref']), 'refs/heads/main');
  assert.equal(brief(token!.claims['sub']), '~repo:octo-org/octo-repo:*');
});

test('default-branch events: exact with the default branch, a pattern naming the fact without it', () => {
  for (const event of ['schedule', 'workflow_run', 'repository_dispatch', 'issue_comment']) {
    assert.deepEqual(shape(tokens({ [event]: null }, { defaultBranch: 'trunk' })), {
      [`${event} (default branch)`]: ['refs/heads/trunk', 'repo:octo-org/octo-repo:ref:refs/heads/trunk'],
    });
  }
  const ref = tokens({ schedule: [{ cron: '0 0 * * *' }] })[0]!.claims['ref']!;
  assert.ok('pattern' in ref && /facts\.github\.oidc\.defaultBranch/.test(ref.because));
});

test('workflow_dispatch, release and merge_group: patterns over what the event admits', () => {
  assert.deepEqual(shape(tokens({ workflow_dispatch: null, release: { types: ['published'] } })), {
    'workflow_dispatch on a branch': ['~refs/heads/*', '~repo:octo-org/octo-repo:ref:refs/heads/*'],
    'workflow_dispatch on a tag': ['~refs/tags/*', '~repo:octo-org/octo-repo:ref:refs/tags/*'],
    release: ['~refs/tags/*', '~repo:octo-org/octo-repo:ref:refs/tags/*'],
  });
  assert.deepEqual(shape(tokens({ merge_group: { branches: ['main'] } })), {
    'merge_group into main': [
      '~refs/heads/gh-readonly-queue/main/*',
      '~repo:octo-org/octo-repo:ref:refs/heads/gh-readonly-queue/main/*',
    ],
  });
});

test('an event pullcheck does not model is named, its ref and subject unknown with the reason', () => {
  const [token] = tokens({ deployment: null });
  assert.equal(token!.event, 'deployment');
  const sub = token!.claims['sub']!;
  assert.ok('unknown' in sub && /deployment/.test(sub.unknown), JSON.stringify(sub));
});

test('without GitHub sub_claim_prefix the repo segment covers the legacy and the immutable forms', () => {
  const [token] = tokens({ push: { branches: ['main'] } }, { subClaim: { template: { useDefault: true } } });
  const sub = token!.claims['sub']!;
  assert.ok('pattern' in sub, JSON.stringify(sub));
  assert.equal(sub.pattern, 'repo:octo-org*/octo-repo*:ref:refs/heads/main');
  assert.match(sub.because, /immutable/);
  assert.match(sub.because, /facts\.github\.oidc\.subClaim\.prefix/);
});

test('unknown subject template, expression environment, environment key without one: unknown sub', () => {
  const why = 'reading the subject template failed: 403';
  const unknownTemplate = tokens('push', { subClaim: { template: { unknown: why } } })[0]!.claims['sub'];
  assert.deepEqual(unknownTemplate, { unknown: why });
  const expression = tokens({ push: { branches: ['main'] } }, { environment: '${{ inputs.env }}' })[0]!;
  assert.ok('unknown' in expression.claims['environment']!);
  assert.ok('unknown' in expression.claims['sub']!);
  const noEnvironment = tokens(
    { push: { branches: ['main'] } },
    { subClaim: { template: { useDefault: false, includeClaimKeys: ['repo', 'environment'] } } },
  )[0]!.claims['sub']!;
  assert.ok('unknown' in noEnvironment && /requires/.test(noEnvironment.unknown));
});

test('base_ref and head_ref are empty outside pull requests (the OIDC example token); empty in a template: unknown', () => {
  const [token] = tokens({ push: { branches: ['main'] } });
  assert.deepEqual(token!.claims['base_ref'], { value: '' });
  assert.deepEqual(token!.claims['head_ref'], { value: '' });
  const sub = tokens(
    { push: { branches: ['main'] } },
    { subClaim: { template: { useDefault: false, includeClaimKeys: ['repo', 'base_ref'] } } },
  )[0]!.claims['sub']!;
  assert.ok('unknown' in sub && /empty/.test(sub.unknown), JSON.stringify(sub));
});

test('a run-specific key in the template makes the subject a pattern, not a guess', () => {
  const sub = tokens(
    { push: { branches: ['main'] } },
    { subClaim: { template: { useDefault: false, includeClaimKeys: ['repo', 'actor'] } } },
  )[0]!.claims['sub']!;
  assert.equal(brief(sub), '~repo:octo-org*/octo-repo*:actor:*');
});

test('a filter `?` makes the character before it optional, so the pattern must admit the ref without it', () => {
  // "Workflow syntax for GitHub Actions", Filter pattern cheat sheet: `?` matches zero or one of the
  // preceding character, so tags `v1?` admits tag `v`: a pattern `refs/tags/v1*` would be narrower than
  // the runs and let a StringLike on it read as allowed for every run.
  const ref = tokens({ push: { tags: ['v1?'] } })[0]!.claims['ref']!;
  assert.ok('pattern' in ref, JSON.stringify(ref));
  assert.ok(wildcardMatch(ref.pattern, 'refs/tags/v'), ref.pattern);
  assert.ok(wildcardMatch(ref.pattern, 'refs/tags/v1'), ref.pattern);
  const escaped = tokens({ push: { branches: ['a\\+?'] } })[0]!.claims['ref']!;
  assert.ok('pattern' in escaped && wildcardMatch(escaped.pattern, 'refs/heads/a'), JSON.stringify(escaped));
});
