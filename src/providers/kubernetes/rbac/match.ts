// What RBAC matching is made of — who a subject covers, which role a binding refers to, which rules an
// aggregated ClusterRole holds, whether a rule covers a request — shared by the authorizer and explain's
// trace (kept apart so the two do not import each other).
import type { Binding, ClusterState, LabelSelector, PolicyRule, RoleDefinition, Subject } from './model.ts';

export interface UserInfo {
  readonly user: string;
  readonly groups: readonly string[];
  readonly serviceAccount?: { readonly namespace: string; readonly name: string };
}

export interface ResourceRequest {
  readonly verb: string;
  readonly apiGroup: string;
  // As the authorizer gets it: "imagestreams/layers" with no subresource is not matched by a "*/layers" rule.
  readonly resource: string;
  readonly subresource?: string;
  readonly name: string;
  readonly namespace: string;
}

export function subjectCovers(subject: Subject, binding: Binding, user: UserInfo): boolean {
  switch (subject.kind) {
    case 'User':
      return subject.name === user.user;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount': {
      // A ServiceAccount subject's namespace defaults to the binding's (RoleBindings only).
      const namespace = subject.namespace ?? binding.namespace;
      return user.serviceAccount?.namespace === namespace && user.serviceAccount?.name === subject.name;
    }
  }
}

export function roleOf(state: ClusterState, binding: Binding): RoleDefinition | undefined {
  if (binding.roleRef.kind === 'ClusterRole') return state.clusterRoles.get(binding.roleRef.name);
  return state.roles.get(`${binding.namespace ?? ''}/${binding.roleRef.name}`);
}

/** A ClusterRole's own rules plus those of every ClusterRole its aggregationRule selects, transitively. */
export function effectiveRules(
  state: ClusterState,
  role: RoleDefinition,
  seen = new Set<string>(),
): PolicyRule[] {
  seen.add(role.name);
  const rules = [...role.rules];
  for (const selector of role.aggregation ?? []) {
    for (const candidate of state.clusterRoles.values()) {
      if (seen.has(candidate.name) || !selects(selector, candidate.labels)) continue;
      rules.push(...effectiveRules(state, candidate, seen));
    }
  }
  return rules;
}

export function selects(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  const matchLabels = Object.entries(selector.matchLabels ?? {}).every(
    ([key, value]) => labels[key] === value,
  );
  const matchExpressions = (selector.matchExpressions ?? []).every((requirement) => {
    const value = labels[requirement.key];
    switch (requirement.operator) {
      case 'In':
        return value !== undefined && (requirement.values ?? []).includes(value);
      case 'NotIn':
        return value === undefined || !(requirement.values ?? []).includes(value);
      case 'Exists':
        return value !== undefined;
      case 'DoesNotExist':
        return value === undefined;
    }
  });
  // An empty selector selects nothing in aggregation (the controller skips it).
  const empty = !selector.matchLabels && !selector.matchExpressions;
  return !empty && matchLabels && matchExpressions;
}

export function ruleMatches(rule: PolicyRule, request: ResourceRequest): boolean {
  const { verb, group, resource, name } = ruleParts(rule, request);
  return verb && group && resource && name;
}

/** Which parts of the rule match the request (explain names those that do not). */
export function ruleParts(rule: PolicyRule, request: ResourceRequest) {
  const verb = rule.verbs.includes('*') || rule.verbs.includes(request.verb);
  const group = rule.apiGroups.includes('*') || rule.apiGroups.includes(request.apiGroup);
  const combined = request.subresource ? `${request.resource}/${request.subresource}` : request.resource;
  const resource =
    rule.resources.includes('*') ||
    rule.resources.includes(combined) ||
    // "*/scale" style: every resource's named subresource.
    (request.subresource !== undefined && rule.resources.includes(`*/${request.subresource}`));
  const name = rule.resourceNames.length === 0 || rule.resourceNames.includes(request.name);
  return { verb, group, resource, name };
}
