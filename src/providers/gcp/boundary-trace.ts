// Explain's steps for the IAM layers that can only take a Google pull away (issue 19): each deny rule above
// the repository, each principal access boundary policy bound to the principal, and the levels of either
// taken as absent or unreadable. Called only while a trace is active.
import type { TraceOutcome, TraceSink } from '../../core/trace.ts';
import type { DenyRule, PabPolicy } from './boundaries.ts';
import type { RuleMatch } from './deny-policies.ts';
import type { GcpFacts } from './facts.ts';
import { DENY_LAYER, PAB_LAYER, sourcesOf } from './trace-steps.ts';

const OUTCOME: Record<RuleMatch['result'], TraceOutcome> = {
  yes: 'matched',
  no: 'not matched',
  unknown: 'undecided',
};

/** One deny rule: `asked` is "PERMISSION to EMAIL". */
export function traceDenyRule(
  sink: TraceSink,
  facts: GcpFacts,
  rule: DenyRule,
  point: string,
  applies: RuleMatch,
  asked: string,
): void {
  const id = rule.policy.slice(rule.policy.lastIndexOf('/') + 1);
  const label = `deny policy ${id} on ${point}`;
  const detail =
    applies.result === 'yes'
      ? `it denies ${asked}: deny rules are checked before allow policies, so no allow binding can grant it`
      : applies.result === 'no'
        ? (applies.why ?? 'it does not apply')
        : (applies.missingFact ?? 'whether it applies is not known');
  sink.step({
    layer: DENY_LAYER,
    subject: `rule${rule.description ? ` "${rule.description}"` : ''} of ${label}`,
    source: sourcesOf(facts).boundaryEntry(label, rule.at, 'iam.policies.get'),
    outcome: OUTCOME[applies.result],
    detail,
  });
}

/** Deny policy levels that could not be read (undecided) or are not given (skipped). */
export function traceDenyLevels(
  sink: TraceSink,
  unreadable: readonly string[],
  assumed: readonly string[],
): void {
  const source = { label: 'facts.gcp.denyPolicies' };
  for (const why of unreadable) {
    sink.step({ layer: DENY_LAYER, subject: 'deny policies', source, outcome: 'undecided', detail: why });
  }
  for (const why of assumed) {
    sink.step({ layer: DENY_LAYER, subject: 'deny policies', source, outcome: 'skipped', detail: why });
  }
}

/** Each PAB policy bound to the principal: does it list the repository's project, folders or organization? */
export function tracePabPolicies(
  sink: TraceSink,
  facts: GcpFacts,
  policies: readonly PabPolicy[],
  eligibleFor: ReadonlySet<string>,
  repository: string,
): void {
  for (const policy of policies) {
    const listed = policy.resources.find((name) => eligibleFor.has(name));
    const outcome: TraceOutcome = policy.condition ? 'undecided' : listed ? 'matched' : 'not matched';
    const detail = policy.condition
      ? `bound under the condition ${policy.condition.expression}, which pullcheck does not evaluate`
      : listed
        ? `it lists ${listed}: the principal is eligible for ${repository}`
        : `it lists ${policy.resources.join(', ') || 'no resource'}, none of them ${repository}'s project, folders or organization (enforcement version ${policy.enforcementVersion})`;
    sink.step({
      layer: PAB_LAYER,
      subject: `principal access boundary policy ${policy.name}`,
      source: sourcesOf(facts).boundaryEntry(
        `principal access boundary policy ${policy.name}`,
        policy.at,
        'iam.policyBindings.list',
      ),
      outcome,
      detail,
    });
  }
}

/** PAB levels taken as absent (skipped) or not readable (undecided). */
export function tracePabLevels(sink: TraceSink, outcome: TraceOutcome, reasons: readonly string[]): void {
  const source = { label: 'facts.gcp.principalAccessBoundaries' };
  for (const why of reasons) {
    sink.step({ layer: PAB_LAYER, subject: 'principal access boundaries', source, outcome, detail: why });
  }
}
