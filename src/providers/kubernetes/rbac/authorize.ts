// Kubernetes RBAC authorization, three-valued, as the API server decides a resource request: any
// RoleBinding in the request's namespace or any ClusterRoleBinding whose subject covers the user grants
// the request if its role has a matching rule. Source: Kubernetes docs, "Using RBAC Authorization"
// (subjects, aggregated ClusterRoles, referring to resources and subresources, resourceNames).
import type { Tri } from '../../../core/tri.ts';
import { activeTrace } from '../../../core/trace.ts';
import type { Binding, ClusterState, LabelSelector, PolicyRule, RoleDefinition, Subject } from './model.ts';
import { RBAC_LAYER, traceBinding } from './trace.ts';

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

export interface Authorization {
  readonly result: Tri;
  /** "RoleBinding x (file:line) → ClusterRole system:image-puller" for each granting binding. */
  readonly grantedBy: readonly string[];
  readonly unknownBecause: readonly string[];
}

/** The service account's user and the groups the API server gives it. */
export function serviceAccountUser(namespace: string, name: string): UserInfo {
  return {
    user: `system:serviceaccount:${namespace}:${name}`,
    groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'],
    serviceAccount: { namespace, name },
  };
}

export function authorize(
  state: ClusterState,
  user: UserInfo,
  request: ResourceRequest,
  extraBindings: readonly Binding[] = [],
): Authorization {
  const sink = activeTrace();
  const grantedBy: string[] = [];
  const unknownBecause: string[] = [];
  const bindings = [
    ...state.clusterRoleBindings,
    ...(state.roleBindings.get(request.namespace) ?? []),
    ...extraBindings,
  ];
  for (const binding of bindings) {
    if (sink) traceBinding(sink, state, binding, user, request);
    if (binding.namespace !== undefined && binding.namespace !== request.namespace) continue;
    if (!binding.subjects.some((subject) => subjectCovers(subject, binding, user))) continue;
    const role = roleOf(state, binding);
    if (!role) {
      unknownBecause.push(
        `${binding.origin} refers to ${binding.roleRef.kind} ${binding.roleRef.name}, which is neither in facts.kubernetes.manifests nor built in: add it to the manifests`,
      );
      continue;
    }
    if (effectiveRules(state, role).some((rule) => ruleMatches(rule, request))) {
      grantedBy.push(`${binding.origin} → ${binding.roleRef.kind} ${binding.roleRef.name}`);
    }
  }
  if (grantedBy.length === 0 && !state.namespaces.has(request.namespace)) {
    const why = `the RoleBindings of namespace ${request.namespace} are not in facts.kubernetes.manifests: add them (oc get rolebindings -n ${request.namespace} -o yaml)`;
    unknownBecause.push(why);
    sink?.step({
      layer: RBAC_LAYER,
      subject: `RoleBindings of namespace ${request.namespace}`,
      source: { label: 'facts.kubernetes.manifests' },
      outcome: 'undecided',
      detail: why,
    });
  }
  const result: Tri = grantedBy.length > 0 ? 'yes' : unknownBecause.length > 0 ? 'unknown' : 'no';
  return { result, grantedBy, unknownBecause };
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
function effectiveRules(state: ClusterState, role: RoleDefinition, seen = new Set<string>()): PolicyRule[] {
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

function ruleMatches(rule: PolicyRule, request: ResourceRequest): boolean {
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
