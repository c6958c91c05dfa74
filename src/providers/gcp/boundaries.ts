// The IAM layers that can only take a pull away — deny policies and principal access boundary (PAB)
// policies — as the rules read them from `facts.gcp` (./boundaries-schema.ts): indexed by attachment point
// and by the principal set bound, each known (possibly empty), or unreadable (why live reads could not).
import type { ConfigPath } from '../../core/config/yaml-source.ts';
import type { GcpFactsInput } from './schema.ts';

export interface Condition {
  readonly expression: string;
  readonly title?: string;
}

export interface DenyRule {
  /** The policy's name (policies/…/denypolicies/ID), else its display name. */
  readonly policy: string;
  readonly description?: string;
  readonly deniedPrincipals: readonly string[];
  readonly exceptionPrincipals: readonly string[];
  readonly deniedPermissions: readonly string[];
  readonly exceptionPermissions: readonly string[];
  readonly condition?: Condition;
  /** Where it is written in the config (facts.gcp.denyPolicies[E].policies[P].rules[R]), for explain. */
  readonly at?: ConfigPath;
}

export interface PabPolicy {
  readonly name: string;
  readonly enforcementVersion: string;
  /** Full resource names (//cloudresourcemanager.googleapis.com/…) the bound principals may access. */
  readonly resources: readonly string[];
  /** The binding's condition. */
  readonly condition?: Condition;
  /** facts.gcp.principalAccessBoundaries[E].policies[P], for explain. */
  readonly at?: ConfigPath;
}

export type Known<T> = { readonly known: readonly T[] } | { readonly unreadable: string };

export interface BoundaryFacts {
  /** Deny rules by attachment point (projects/P, folders/F, organizations/O). */
  readonly denyPolicies: ReadonlyMap<string, Known<DenyRule>>;
  /** PAB policies by the container whose principal set they are bound to (projects/P, folders/F, …). */
  readonly principalAccessBoundaries: ReadonlyMap<string, Known<PabPolicy>>;
}

const PRINCIPAL_SET = 'principalSet://cloudresourcemanager.googleapis.com/';

export function prepareBoundaries(input: GcpFactsInput): BoundaryFacts {
  const denyPolicies = new Map<string, Known<DenyRule>>();
  for (const [e, entry] of (input.denyPolicies ?? []).entries()) {
    if (entry.unreadable !== undefined) {
      denyPolicies.set(entry.attachmentPoint, { unreadable: entry.unreadable });
      continue;
    }
    const rules = (entry.policies ?? []).flatMap((policy, p) =>
      (policy.rules ?? []).map(({ description, denyRule }, r): DenyRule => ({
        policy: policy.name ?? policy.displayName ?? `a deny policy on ${entry.attachmentPoint}`,
        ...(description === undefined ? {} : { description }),
        deniedPrincipals: denyRule.deniedPrincipals ?? [],
        exceptionPrincipals: denyRule.exceptionPrincipals ?? [],
        deniedPermissions: denyRule.deniedPermissions ?? [],
        exceptionPermissions: denyRule.exceptionPermissions ?? [],
        ...(denyRule.denialCondition?.expression ? { condition: denyRule.denialCondition } : {}),
        at: ['facts', 'gcp', 'denyPolicies', e, 'policies', p, 'rules', r],
      })),
    );
    denyPolicies.set(entry.attachmentPoint, { known: rules });
  }
  const principalAccessBoundaries = new Map<string, Known<PabPolicy>>();
  for (const [e, entry] of (input.principalAccessBoundaries ?? []).entries()) {
    const container = entry.principalSet.slice(PRINCIPAL_SET.length);
    if (entry.unreadable !== undefined) {
      principalAccessBoundaries.set(container, { unreadable: entry.unreadable });
      continue;
    }
    const policies = (entry.policies ?? []).map((policy, p): PabPolicy => ({
      name: policy.name,
      enforcementVersion: policy.enforcementVersion ?? 'latest',
      resources: policy.rules.flatMap((rule) => rule.resources),
      ...(policy.condition?.expression ? { condition: policy.condition } : {}),
      at: ['facts', 'gcp', 'principalAccessBoundaries', e, 'policies', p],
    }));
    principalAccessBoundaries.set(container, { known: policies });
  }
  return { denyPolicies, principalAccessBoundaries };
}
