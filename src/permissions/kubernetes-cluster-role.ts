// The ClusterRole the Kubernetes and OpenShift live reads need (providers/kubernetes/live/cluster-api.ts:
// every call it sends is one rule here). Secrets: pullcheck keeps only the registry hosts of a pull secret,
// but RBAC cannot grant a part of an object: `get` on secrets returns their data. The secrets it reads are
// known only once the service accounts are read (their imagePullSecrets), so resourceNames cannot narrow it.
// https://kubernetes.io/docs/reference/access-authn-authz/rbac/
import type { ReadPlan } from './read-plan.ts';

export interface PolicyRule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
}

export interface ClusterRole {
  readonly apiVersion: 'rbac.authorization.k8s.io/v1';
  readonly kind: 'ClusterRole';
  readonly metadata: { readonly name: string };
  readonly rules: readonly PolicyRule[];
}

/** The calls of cluster-api.ts, by the permission it names in an `unknown` reason. */
export const KUBERNETES_READ_RULES: readonly PolicyRule[] = [
  { apiGroups: [''], resources: ['serviceaccounts', 'secrets'], verbs: ['get'] },
  { apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['get'] },
  { apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'], verbs: ['get', 'list'] },
  {
    apiGroups: ['rbac.authorization.k8s.io'],
    resources: ['rolebindings', 'clusterrolebindings'],
    verbs: ['list'],
  },
  { apiGroups: ['authorization.k8s.io'], resources: ['subjectaccessreviews'], verbs: ['create'] },
];

/** undefined when the plan reads no cluster (kubernetes/live-reads.ts decides the same way). */
export function kubernetesReadRole(plan: ReadPlan): ClusterRole | undefined {
  const targets = (plan.config.input.targets ?? []).filter(
    (target) => target.platform === 'openshift' || target.platform === 'kubernetes',
  );
  if (targets.length === 0 && !plan.ciPushes?.length) return undefined;
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'pullcheck-read' },
    rules: KUBERNETES_READ_RULES,
  };
}
