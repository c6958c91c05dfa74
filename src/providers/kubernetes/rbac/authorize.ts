// Kubernetes RBAC authorization, three-valued, as the API server decides a resource request: any
// RoleBinding in the request's namespace or any ClusterRoleBinding whose subject covers the user grants
// the request if its role has a matching rule. Source: Kubernetes docs, "Using RBAC Authorization"
// (subjects, aggregated ClusterRoles, referring to resources and subresources, resourceNames).
import type { Tri } from '../../../core/tri.ts';
import { activeTrace } from '../../../core/trace.ts';
import type { Binding, ClusterState } from './model.ts';
import {
  effectiveRules,
  roleOf,
  ruleMatches,
  subjectCovers,
  type ResourceRequest,
  type UserInfo,
} from './match.ts';
import { RBAC_LAYER, traceBinding } from './trace.ts';

export type { ResourceRequest, UserInfo } from './match.ts';
export { selects } from './match.ts';

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
