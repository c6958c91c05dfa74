// The RBAC objects pullcheck reasons about (Kubernetes docs, "Using RBAC Authorization").
import type { ConfigPath } from '../../../core/config/yaml-source.ts';

/**
 * Where an object was written, for explain's trace: the file and line of a path inside it (found only when
 * asked: the file is parsed again), or the live read that gave it. Absent for OpenShift's built-ins.
 */
export interface ObjectPlace {
  at(objectPath: ConfigPath): { readonly file: string; readonly line?: number };
  /** The API read that gave the object (`GET rolebindings`), when live reads did. */
  readonly live?: string;
}

export interface PolicyRule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
  /** Empty: every name. */
  readonly resourceNames: readonly string[];
}

export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values?: readonly string[];
}

export interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly LabelSelectorRequirement[];
}

/** A Role (namespace set) or ClusterRole. `origin` says where it was written, or "built-in". */
export interface RoleDefinition {
  readonly name: string;
  readonly namespace?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly rules: readonly PolicyRule[];
  /** ClusterRoles only: their rules also include every ClusterRole matching one of these selectors. */
  readonly aggregation?: readonly LabelSelector[];
  readonly origin: string;
  readonly place?: ObjectPlace;
}

export interface Subject {
  readonly kind: 'User' | 'Group' | 'ServiceAccount';
  readonly name: string;
  /** ServiceAccount subjects: defaults to the binding's namespace. */
  readonly namespace?: string;
}

/** A RoleBinding (namespace set) or ClusterRoleBinding. */
export interface Binding {
  readonly name: string;
  readonly namespace?: string;
  readonly roleRef: { readonly kind: 'Role' | 'ClusterRole'; readonly name: string };
  readonly subjects: readonly Subject[];
  readonly origin: string;
  readonly place?: ObjectPlace;
}

export interface ServiceAccountDefinition {
  readonly name: string;
  readonly namespace: string;
  readonly imagePullSecrets: readonly string[];
  readonly origin: string;
  readonly place?: ObjectPlace;
}

/** A Secret, as far as pull secrets go: its type and registry host keys only — never its values. */
export interface PullSecretDefinition {
  readonly name: string;
  readonly namespace: string;
  readonly type: string;
  /** The keys of its `auths` (or of a legacy .dockercfg); undefined when the secret holds none readable. */
  readonly registryKeys?: readonly string[];
  /** Why the registry keys could not be read (no value is ever quoted). */
  readonly problem?: string;
  /** Why the kubelet cannot decode it: every pull of a pod that uses it then fails (no value quoted). */
  readonly undecodable?: string;
  readonly origin: string;
  readonly place?: ObjectPlace;
}

/** What the manifests say about the cluster (plus OpenShift's built-in roles and default bindings). */
export interface ClusterState {
  readonly clusterRoles: ReadonlyMap<string, RoleDefinition>;
  /** Keyed by `NAMESPACE/NAME`. */
  readonly roles: ReadonlyMap<string, RoleDefinition>;
  /** RoleBindings by namespace. */
  readonly roleBindings: ReadonlyMap<string, readonly Binding[]>;
  readonly clusterRoleBindings: readonly Binding[];
  /** Keyed by `NAMESPACE/NAME`. */
  readonly serviceAccounts: ReadonlyMap<string, ServiceAccountDefinition>;
  /** Keyed by `NAMESPACE/NAME`. */
  readonly secrets: ReadonlyMap<string, PullSecretDefinition>;
  /** Namespaces whose RBAC the manifests give completely (every namespace they mention). */
  readonly namespaces: ReadonlySet<string>;
}
