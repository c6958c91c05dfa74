// The runs an event starts, as far as the token is concerned: the ref and its type, the base and head
// branches of a pull request, and the context the default subject names. Refs per event follow "Events
// that trigger workflows" (the GITHUB_REF column); one run shape per filter entry, so each entry can be
// judged on its own ("push to main" allowed, "push to release/**" unknown).
import type { Claim } from '../../core/ci-path.ts';
import { exact, joinClaims, pattern, unknown } from './claims.ts';
import { filterEntries, refFromFilter } from './filters.ts';
import type { EventEntry } from './on.ts';

export interface RunShape {
  readonly event: string;
  readonly trigger: string;
  readonly ref: Claim;
  readonly refType: Claim;
  /** What the default subject names after the repository when the job has no environment. */
  readonly context: Claim;
  readonly baseRef: Claim;
  readonly headRef: Claim;
}

/** Events whose runs are on the default branch's last commit ("Events that trigger workflows"). */
const DEFAULT_BRANCH_EVENTS = new Set([
  'branch_protection_rule',
  'check_run',
  'check_suite',
  'delete',
  'discussion',
  'discussion_comment',
  'fork',
  'gollum',
  'issue_comment',
  'issues',
  'label',
  'milestone',
  'page_build',
  'public',
  'repository_dispatch',
  'schedule',
  'status',
  'watch',
  'workflow_run',
]);

// Outside pull requests GitHub sends both as empty strings (the example token of "OpenID Connect",
// Understanding the OIDC token: a workflow_dispatch run's `"head_ref": ""`, `"base_ref": ""`).
const NOT_A_PR = exact('');
const ANY_HEAD = pattern('*', 'any branch a pull request comes from');

function refRun(event: string, trigger: string, ref: Claim, refType: 'branch' | 'tag'): RunShape {
  return {
    event,
    trigger,
    ref,
    refType: exact(refType),
    context: joinClaims(['ref:', ref]),
    baseRef: NOT_A_PR,
    headRef: NOT_A_PR,
  };
}

/** Branch (or tag) entries as refs: each positive entry, or a pattern when only exclusions are written. */
function filteredRefs(
  filters: Readonly<Record<string, unknown>>,
  key: 'branches' | 'tags',
  prefix: string,
): { readonly name: string; readonly ref: Claim }[] {
  const noun = key === 'branches' ? 'branch' : 'tag';
  const listed = filterEntries(filters[key])?.filter((entry) => !entry.negated);
  if (listed && listed.length > 0) {
    return listed.map((entry) => ({
      name: entry.text,
      ref: refFromFilter(
        prefix,
        entry.text,
        `the ${key} filter \`${entry.text}\` admits many ${noun === 'branch' ? 'branches' : 'tags'}`,
      ),
    }));
  }
  const ignored = filterEntries(filters[`${key}-ignore`]) ?? filterEntries(filters[key]);
  const because = ignored
    ? `any ${noun} but those the ${key} filters exclude`
    : `the event has no ${key} filter: any ${noun}`;
  return [{ name: `any ${noun}`, ref: pattern(`${prefix}*`, because) }];
}

function pushRuns(filters: Readonly<Record<string, unknown>>): RunShape[] {
  const branchFilter = 'branches' in filters || 'branches-ignore' in filters;
  const tagFilter = 'tags' in filters || 'tags-ignore' in filters;
  // A push filtered on one kind alone never runs for the other ("Using filters", push).
  const runs: RunShape[] = [];
  if (branchFilter || !tagFilter) {
    for (const { name, ref } of filteredRefs(filters, 'branches', 'refs/heads/')) {
      runs.push(refRun('push', `push to ${name}`, ref, 'branch'));
    }
  }
  if (tagFilter || !branchFilter) {
    for (const { name, ref } of filteredRefs(filters, 'tags', 'refs/tags/')) {
      runs.push(refRun('push', `push of tag ${name}`, ref, 'tag'));
    }
  }
  return runs;
}

function pullRequestRuns(event: string, filters: Readonly<Record<string, unknown>>): RunShape[] {
  return filteredRefs(filters, 'branches', '').map(({ name, ref: base }) => {
    const trigger = `${event} into ${name}`;
    if (event === 'pull_request') {
      return {
        event,
        trigger,
        ref: pattern('refs/pull/*/merge', 'the pull request number'),
        refType: unknown("GitHub's docs do not say which ref_type a pull request's merge ref has"),
        context: exact('pull_request'),
        baseRef: base,
        headRef: ANY_HEAD,
      };
    }
    // pull_request_target runs on the base branch's last commit.
    const ref = joinClaims(['refs/heads/', base]);
    return {
      ...refRun(event, trigger, ref, 'branch'),
      context: pattern(
        '*',
        "GitHub's docs do not say whether a pull_request_target run's subject names pull_request or the base branch's ref",
      ),
      baseRef: base,
      headRef: ANY_HEAD,
    };
  });
}

function mergeGroupRuns(filters: Readonly<Record<string, unknown>>): RunShape[] {
  return filteredRefs(filters, 'branches', '').map(({ name, ref: base }) => {
    const ref = joinClaims([
      'refs/heads/gh-readonly-queue/',
      base,
      pattern('/*', 'the merge queue names each group after its pull request and commit'),
    ]);
    return refRun('merge_group', `merge_group into ${name}`, ref, 'branch');
  });
}

function defaultBranchRun(event: string, defaultBranch: string | undefined): RunShape {
  const ref =
    defaultBranch === undefined
      ? pattern(
          'refs/heads/*',
          'the default branch, not known: set facts.github.oidc.defaultBranch (or let live reads read it)',
        )
      : exact(`refs/heads/${defaultBranch}`);
  return refRun(event, `${event} (default branch)`, ref, 'branch');
}

function unmodelledRun(event: string, why: string): RunShape {
  const none = unknown(why);
  return { event, trigger: event, ref: none, refType: none, context: none, baseRef: none, headRef: none };
}

/** The run shapes of one event of `on:`. `workflow_call` is the caller's business: see predict.ts. */
export function runShapes(entry: EventEntry, defaultBranch: string | undefined): RunShape[] {
  const { event, filters } = entry;
  switch (event) {
    case 'push':
      return pushRuns(filters);
    case 'pull_request':
    case 'pull_request_target':
      return pullRequestRuns(event, filters);
    case 'merge_group':
      return mergeGroupRuns(filters);
    case 'workflow_dispatch':
      return [
        refRun(
          event,
          'workflow_dispatch on a branch',
          pattern('refs/heads/*', 'dispatched on any branch'),
          'branch',
        ),
        refRun(event, 'workflow_dispatch on a tag', pattern('refs/tags/*', 'dispatched on any tag'), 'tag'),
      ];
    case 'release':
      return [refRun(event, 'release', pattern('refs/tags/*', "the release's tag"), 'tag')];
    default:
      return DEFAULT_BRANCH_EVENTS.has(event)
        ? [defaultBranchRun(event, defaultBranch)]
        : [unmodelledRun(event, `pullcheck does not model the ref of a \`${event}\` run`)];
  }
}
