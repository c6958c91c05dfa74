// The Google steps of explain's trace (issue 19): what each IAM layer's rule looked at for the pull — the
// node pool's scopes, each allow binding on the repository and its ancestors, each deny rule, each principal
// access boundary — and the layers taken as absent. Built only while a trace is active.
import type { TraceOutcome, TraceSink } from '../../core/trace.ts';
import type { GcpFacts } from './facts.ts';
import type { Binding } from './iam-policy.ts';
import type { GcpSources } from './trace-sources.ts';

export const ALLOW_LAYER = 'IAM allow policy';
export const DENY_LAYER = 'IAM deny policy';
export const PAB_LAYER = 'principal access boundary policy';
export const SCOPES_LAYER = 'node pool access scopes';

const LABELS_ONLY: GcpSources = {
  allowBinding: (resource) => ({ label: `allow policy of ${resource}` }),
  allowPolicy: (resource) => ({ label: `allow policy of ${resource}` }),
  boundaryEntry: (label) => ({ label }),
  scopes: (targetName, email) => ({ label: `node service account ${email} of target ${targetName}` }),
};

export function sourcesOf(facts: GcpFacts): GcpSources {
  return facts.sources ?? LABELS_ONLY;
}

/** What one binding gave the grant: nothing (and why), an undecided reason, or the grant. */
export type BindingFinding =
  | { readonly kind: 'role lacks the permission' }
  | { readonly kind: 'no member matches' }
  /** `why` follows "ROLE on RESOURCE" (": a missing fact", " has the condition …"). */
  | { readonly kind: 'undecided'; readonly why: string }
  | { readonly kind: 'granted'; readonly member: string };

/** Records the allow side of a grant, level by level and binding by binding. */
export interface GrantTracer {
  /** A level whose policy is not known: undecided (required, unreadable) or skipped (optional, not given). */
  level(resource: string, outcome: TraceOutcome, why: string): void;
  binding(resource: string, index: number, binding: Binding, found: BindingFinding): void;
  /** The folders and organization above the project, when they are not given or could not be read. */
  ancestry(project: string, outcome: TraceOutcome, why: string): void;
}

export function grantTracer(
  sink: TraceSink,
  facts: GcpFacts,
  permission: string,
  principal: string,
): GrantTracer {
  const sources = sourcesOf(facts);
  return {
    level: (resource, outcome, why) =>
      sink.step({
        layer: ALLOW_LAYER,
        subject: resource,
        source: sources.allowPolicy(resource),
        outcome,
        detail: why,
      }),
    binding: (resource, index, binding, found) =>
      sink.step({
        layer: ALLOW_LAYER,
        subject: `binding #${index + 1} ${binding.role} on ${resource}`,
        source: sources.allowBinding(resource, index),
        outcome: bindingOutcome(found),
        detail: bindingDetail(binding, found, permission, principal, resource),
      }),
    ancestry: (project, outcome, why) =>
      sink.step({
        layer: ALLOW_LAYER,
        subject: `the folders and organization above project ${project}`,
        source: { label: `facts.gcp.projects[${project}].ancestors` },
        outcome,
        detail: why,
      }),
  };
}

function bindingOutcome(found: BindingFinding): TraceOutcome {
  if (found.kind === 'granted') return 'matched';
  return found.kind === 'undecided' ? 'undecided' : 'not matched';
}

function bindingDetail(
  binding: Binding,
  found: BindingFinding,
  permission: string,
  principal: string,
  resource: string,
): string {
  switch (found.kind) {
    case 'role lacks the permission':
      return `${binding.role} does not hold ${permission}`;
    case 'no member matches':
      return `${binding.role} holds ${permission}, but no member includes ${principal} (members: ${shownMembers(binding.members)})`;
    case 'undecided':
      return `${binding.role} on ${resource}${found.why}`;
    case 'granted':
      return `${binding.role} holds ${permission} and member ${found.member} includes ${principal}${binding.condition ? '' : ', with no condition'}`;
  }
}

/** A binding's members, at most five of them named. */
function shownMembers(members: readonly string[]): string {
  if (members.length === 0) return 'none';
  const shown = members.slice(0, 5).join(', ');
  return members.length > 5 ? `${shown} and ${members.length - 5} more` : shown;
}
