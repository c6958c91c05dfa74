// OpenShift's built-in roles and RoleBindings, as data with their sources: the openshift-apiserver's
// bootstrap policy (data/openshift-bootstrap-policy.json, generated from its golden files by
// scripts/import-openshift-roles.ts), and the kube-apiserver's ClusterRoles with the default RoleBindings
// OpenShift keeps in every project (data/openshift-cluster-roles.json, curated).
import bootstrap from './data/openshift-bootstrap-policy.json' with { type: 'json' };
import data from './data/openshift-cluster-roles.json' with { type: 'json' };
import type {
  Binding,
  ClusterState,
  LabelSelector,
  PolicyRule,
  RoleDefinition,
  Subject,
} from '../rbac/model.ts';

interface RuleData {
  readonly apiGroups?: readonly string[];
  readonly resources?: readonly string[];
  readonly verbs: readonly string[];
  readonly resourceNames?: readonly string[];
}
interface RoleData {
  readonly name: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly aggregationRule?: { readonly clusterRoleSelectors: readonly LabelSelector[] };
  readonly rules: readonly RuleData[];
}
interface BindingData {
  readonly name: string;
  readonly namespace?: string;
  readonly roleRef: { readonly kind: string; readonly name: string };
  readonly subjects: readonly { readonly kind: string; readonly name: string; readonly namespace?: string }[];
}
interface RolesData {
  readonly clusterRoles: readonly RoleData[];
  /** Created in every project; `{namespace}` is the project. */
  readonly namespaceRoleBindings: readonly BindingData[];
}
interface BootstrapPolicy {
  readonly clusterRoles: readonly RoleData[];
  /** Each in its own namespace (`openshift`, `openshift-node`). */
  readonly namespaceRoles: readonly RoleData[];
  readonly namespaceRoleBindings: readonly BindingData[];
}

const dataset = data as RolesData;
const policy = bootstrap as BootstrapPolicy;
const CLUSTER_ROLES = [...policy.clusterRoles, ...dataset.clusterRoles];

function role(entry: RoleData): RoleDefinition {
  return {
    name: entry.name,
    ...(entry.namespace ? { namespace: entry.namespace } : {}),
    labels: entry.labels ?? {},
    rules: entry.rules.map((rule): PolicyRule => ({
      apiGroups: rule.apiGroups ?? [],
      resources: rule.resources ?? [],
      verbs: rule.verbs,
      resourceNames: rule.resourceNames ?? [],
    })),
    ...(entry.aggregationRule ? { aggregation: entry.aggregationRule.clusterRoleSelectors } : {}),
    origin: 'built-in',
  };
}

function binding(entry: BindingData, namespace: string, origin: string): Binding {
  const fill = (text: string) => text.replace('{namespace}', namespace);
  return {
    name: entry.name,
    namespace,
    roleRef: { kind: entry.roleRef.kind === 'Role' ? 'Role' : 'ClusterRole', name: entry.roleRef.name },
    subjects: entry.subjects.map((subject): Subject => ({
      kind: subject.kind as Subject['kind'],
      name: fill(subject.name),
      ...(subject.namespace ? { namespace: fill(subject.namespace) } : {}),
    })),
    origin,
  };
}

/** The default RoleBindings OpenShift creates in every namespace (e.g. system:image-pullers). */
export function defaultRoleBindings(namespace: string): Binding[] {
  return dataset.namespaceRoleBindings.map((entry) =>
    binding(entry, namespace, `the default RoleBinding ${entry.name} of ${namespace}`),
  );
}

/**
 * The default RoleBindings a project holds besides its written ones: every one the manifests do not carry
 * their own version of (its annotation: "auto-managed by a controller; remove subjects to disable").
 */
export function projectDefaultBindings(state: ClusterState, namespace: string): Binding[] {
  const written = new Set((state.roleBindings.get(namespace) ?? []).map((entry) => entry.name));
  return defaultRoleBindings(namespace).filter((entry) => !written.has(entry.name));
}

/**
 * The cluster as the manifests describe it, completed with OpenShift's built-ins. What the manifests define
 * wins: a ClusterRole, Role or RoleBinding of the same name replaces the built-in one.
 */
export function withOpenShiftBuiltins(state: ClusterState): ClusterState {
  const clusterRoles = new Map(state.clusterRoles);
  for (const entry of CLUSTER_ROLES)
    if (!clusterRoles.has(entry.name)) clusterRoles.set(entry.name, role(entry));
  const roles = new Map(state.roles);
  for (const entry of policy.namespaceRoles) {
    const key = `${entry.namespace}/${entry.name}`;
    if (!roles.has(key)) roles.set(key, role(entry));
  }
  const roleBindings = new Map(state.roleBindings);
  for (const entry of policy.namespaceRoleBindings) {
    const namespace = entry.namespace ?? 'openshift';
    const written = roleBindings.get(namespace) ?? [];
    if (written.some((existing) => existing.name === entry.name)) continue;
    roleBindings.set(namespace, [
      ...written,
      binding(entry, namespace, `the built-in RoleBinding ${entry.name} of ${namespace}`),
    ]);
  }
  return { ...state, clusterRoles, roles, roleBindings };
}
