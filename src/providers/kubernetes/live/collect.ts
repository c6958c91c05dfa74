// Live Kubernetes / OpenShift reads: exactly the objects the RBAC and pull-secret rules need, in the shape
// `facts.kubernetes.objects` takes, each resource once (CallRunner). Through @kubernetes/client-node, never over
// plain http. Secrets are reduced to their registry host keys in memory; no
// credential is ever kept. A namespace whose reads were incomplete is not given as complete (no `Namespace`
// object, and none of its objects when they would make it look complete), so its verdicts stay `unknown`.
import type { CallRunner } from '../../../core/call-runner.ts';
import type { TargetInput } from '../../../core/config/schema.ts';
import { isRecord } from '../manifests/load.ts';
import { UNREADABLE_ANNOTATION } from '../manifests/pull-secret-keys.ts';
import { selects } from '../rbac/authorize.ts';
import { kubeConfigFor, type ClusterAccess } from './cluster-access.ts';
import { ClusterApi, type Json } from './cluster-api.ts';
import {
  aggregationSelectors,
  coversAnyAccount,
  coversPusher,
  reducedBinding,
  reducedRole,
  reducedSecret,
  uniqueAccounts,
  uniqueObjects,
  type Account,
} from './reduce.ts';
import { compareWithSubjectAccessReviews } from './subject-access-review.ts';

export interface KubernetesCollectInput {
  readonly targets: readonly TargetInput[];
  /** Namespaces of OpenShift integrated-registry images. */
  readonly imageNamespaces: readonly string[];
  /** Optional: the image streams pulled, so SubjectAccessReviews name them (else asked without a name). */
  readonly imageStreams?: readonly { readonly namespace: string; readonly name: string }[];
  /** The CI path's pushes (issue 18): the users that push and the namespaces they push to. */
  readonly pushes?: { readonly users: readonly string[]; readonly namespaces: readonly string[] };
}

export interface KubernetesCollection {
  objects: Record<string, unknown>[];
  notes: string[];
}

interface NamespaceReads {
  /** Objects read in this namespace, reduced. */
  readonly objects: Json[];
  /** Why RBAC of this namespace is incomplete (rolebindings not listed). */
  rbacIncomplete?: string;
  /** Why a ServiceAccount or pull Secret of this namespace could not be read. */
  pullSecretsIncomplete?: string;
}

/** Reads the ServiceAccounts, pull Secrets (host keys only) and RBAC the targets need. */
export async function collectKubernetesObjects(
  input: KubernetesCollectInput,
  access: ClusterAccess,
  runner: CallRunner,
): Promise<KubernetesCollection> {
  const api = await ClusterApi.connect(await kubeConfigFor(access), runner);
  const accounts = uniqueAccounts(input.targets);
  const imageNamespaces = new Set([...input.imageNamespaces, ...(input.pushes?.namespaces ?? [])]);
  const cluster = new ClusterReads(
    api,
    accounts,
    [...new Set([...accounts.map((account) => account.namespace), ...imageNamespaces])],
    input.pushes?.users,
  );
  // Pods that list their own pull secrets use those (targets' imagePullSecrets), read like linked ones.
  const podSecrets = new Map<string, { namespace: string; name: string }>();
  for (const target of input.targets) {
    if (target.platform !== 'openshift' && target.platform !== 'kubernetes') continue;
    for (const name of target.imagePullSecrets ?? [])
      podSecrets.set(`${target.namespace}/${name}`, { namespace: target.namespace, name });
  }
  await Promise.all([
    ...accounts.map((account) => cluster.readAccount(account)),
    ...[...podSecrets.values()].map(({ namespace, name }) =>
      cluster.readSecret(cluster.namespaces.get(namespace)!, namespace, name),
    ),
    ...[...cluster.namespaces.keys()].map((namespace) => cluster.readNamespaceRbac(namespace)),
    cluster.readClusterBindings(),
    ...(accounts.some((account) => account.platform === 'openshift') ? [cluster.readGlobalPullSecret()] : []),
  ]);
  cluster.clusterObjects.push(...(await readClusterRoles(api, cluster.referencedClusterRoles)));
  const unique = uniqueObjects(completeObjects(cluster, imageNamespaces));
  const reviews = await compareWithSubjectAccessReviews(input, accounts, unique, api);
  return { objects: unique, notes: [...new Set([...api.notes, ...reviews])] };
}

/** What one collection has read so far: per namespace, and cluster-wide. */
class ClusterReads {
  readonly namespaces: Map<string, NamespaceReads>;
  readonly referencedClusterRoles = new Set<string>();
  readonly clusterObjects: Json[] = [];
  clusterBindingsIncomplete: string | undefined;

  constructor(
    readonly api: ClusterApi,
    private readonly accounts: readonly Account[],
    namespaceNames: readonly string[],
    private readonly pushers: readonly string[] = [],
  ) {
    this.namespaces = new Map(namespaceNames.map((name) => [name, { objects: [] }]));
  }

  async readAccount(account: Account): Promise<void> {
    const reads = this.namespaces.get(account.namespace)!;
    const { namespace, name } = account;
    const outcome = await this.api.serviceAccount(namespace, name);
    if (!outcome.ok) {
      if (outcome.kind === 'missing') {
        this.api.notes.push(
          `ServiceAccount ${namespace}/${name} does not exist: pods running as it cannot start`,
        );
      } else {
        reads.pullSecretsIncomplete ??= outcome.message;
        this.api.notes.push(`${outcome.message} (needed: get serviceaccounts in ${namespace})`);
      }
      return;
    }
    const serviceAccount = outcome.value;
    const linked = (
      Array.isArray(serviceAccount['imagePullSecrets']) ? serviceAccount['imagePullSecrets'] : []
    )
      .filter(isRecord)
      .map((entry) => entry['name'])
      .filter((secretName): secretName is string => typeof secretName === 'string' && secretName !== '');
    reads.objects.push({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name, namespace },
      imagePullSecrets: linked.map((secretName) => ({ name: secretName })),
    });
    await Promise.all(linked.map((secretName) => this.readSecret(reads, namespace, secretName)));
  }

  async readSecret(reads: NamespaceReads, namespace: string, name: string): Promise<void> {
    const outcome = await this.api.secret(namespace, name);
    if (!outcome.ok) {
      if (outcome.kind === 'missing') {
        this.api.notes.push(`Secret ${namespace}/${name} is linked as a pull secret but does not exist`);
      } else {
        reads.pullSecretsIncomplete ??= outcome.message;
        this.api.notes.push(`${outcome.message} (needed: get secrets in ${namespace})`);
      }
      return;
    }
    reads.objects.push(reducedSecret(outcome.value, namespace, name));
  }

  async readNamespaceRbac(namespace: string): Promise<void> {
    const reads = this.namespaces.get(namespace)!;
    const permission = `list rolebindings in ${namespace}`;
    const outcome = await this.api.roleBindings(namespace);
    if (!outcome.ok) {
      reads.rbacIncomplete = outcome.message;
      this.api.notes.push(
        `${outcome.message} (needed: ${permission}, i.e. verb list on rolebindings.rbac.authorization.k8s.io in namespace ${namespace}); namespace ${namespace}'s RBAC is not known, so pulls into it stay unknown`,
      );
      return;
    }
    const roleNames = new Set<string>();
    for (const item of outcome.value) {
      const binding = reducedBinding(item, 'RoleBinding', namespace);
      if (!binding) continue;
      reads.objects.push(binding);
      const roleRef = binding['roleRef'] as { kind: string; name: string };
      if (roleRef.kind === 'ClusterRole') this.referencedClusterRoles.add(roleRef.name);
      else roleNames.add(roleRef.name);
    }
    await Promise.all(
      [...roleNames].map(async (roleName) => {
        const role = await this.api.role(namespace, roleName);
        if (role.ok) reads.objects.push(reducedRole(role.value, 'Role', namespace));
        else if (role.kind === 'missing')
          this.api.notes.push(
            `a RoleBinding of ${namespace} refers to Role ${roleName}, which does not exist`,
          );
        else
          this.api.notes.push(
            `${role.message} (needed: get roles in ${namespace}); bindings to Role ${namespace}/${roleName} stay unknown`,
          );
      }),
    );
  }

  async readClusterBindings(): Promise<void> {
    const permission = 'list clusterrolebindings';
    const outcome = await this.api.clusterRoleBindings();
    if (!outcome.ok) {
      this.clusterBindingsIncomplete = outcome.message;
      this.api.notes.push(
        `${outcome.message} (needed: ${permission}, cluster-wide); without them no namespace's RBAC is complete, so integrated-registry pulls stay unknown unless a RoleBinding grants them`,
      );
      return;
    }
    for (const item of outcome.value) {
      const binding = reducedBinding(item, 'ClusterRoleBinding');
      if (!binding) continue;
      if (!coversAnyAccount(binding, this.accounts) && !coversPusher(binding, this.pushers)) continue;
      this.clusterObjects.push(binding);
      this.referencedClusterRoles.add((binding['roleRef'] as { name: string }).name);
    }
  }

  /** OpenShift nodes pull with the cluster's global pull secret too (keys only, like every pull secret). */
  async readGlobalPullSecret(): Promise<void> {
    const outcome = await this.api.secret('openshift-config', 'pull-secret');
    if (outcome.ok) {
      this.clusterObjects.push(reducedSecret(outcome.value, 'openshift-config', 'pull-secret'));
    } else if (outcome.kind === 'missing') {
      this.api.notes.push(
        'the global pull secret openshift-config/pull-secret does not exist on the cluster',
      );
    } else {
      // Refused: what it covers is unknown, not the installed default.
      const because = `${outcome.message} (needed: get secrets in openshift-config)`;
      this.api.notes.push(because);
      this.clusterObjects.push({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: {
          name: 'pull-secret',
          namespace: 'openshift-config',
          annotations: { [UNREADABLE_ANNOTATION]: because },
        },
        type: 'kubernetes.io/dockerconfigjson',
      });
    }
  }
}

/**
 * A namespace is given as complete (a Namespace object) only when everything in it was read: otherwise its
 * objects would make the rules take its ServiceAccounts, Secrets or RBAC as all there is.
 */
function completeObjects(cluster: ClusterReads, imageNamespaces: ReadonlySet<string>): Json[] {
  const objects: Json[] = [...cluster.clusterObjects];
  for (const [namespace, reads] of cluster.namespaces) {
    const rbacIncomplete = reads.rbacIncomplete ?? cluster.clusterBindingsIncomplete;
    if (reads.pullSecretsIncomplete !== undefined) {
      // Any object of the namespace would make the rules take its ServiceAccounts and Secrets as complete.
      if (reads.objects.length > 0) {
        cluster.api.notes.push(
          `namespace ${namespace}: its objects are left out, since not all of them could be read`,
        );
      }
      continue;
    }
    if (rbacIncomplete !== undefined) {
      // Its RBAC matters only for image pulls into it; other objects would make it look complete.
      if (imageNamespaces.has(namespace)) {
        if (reads.objects.length > 0) {
          cluster.api.notes.push(
            `namespace ${namespace}: its objects are left out, since its RBAC could not be read completely`,
          );
        }
        continue;
      }
      objects.push(
        ...reads.objects.filter(
          (object) => object['kind'] === 'ServiceAccount' || object['kind'] === 'Secret',
        ),
      );
      continue;
    }
    objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } }, ...reads.objects);
  }
  return objects;
}

async function readClusterRoles(reader: ClusterApi, referenced: ReadonlySet<string>): Promise<Json[]> {
  if (referenced.size === 0) return [];
  const listed = await reader.clusterRoles();
  if (listed.ok) {
    const all = new Map<string, Json>();
    for (const item of listed.value) {
      const role = reducedRole(item, 'ClusterRole');
      all.set((role['metadata'] as { name: string }).name, role);
    }
    // The referenced roles, and every labelled role their aggregation rules select (transitively).
    const kept = new Map<string, Json>();
    const queue = [...referenced];
    while (queue.length > 0) {
      const name = queue.shift()!;
      const role = all.get(name);
      if (kept.has(name)) continue;
      if (!role) {
        reader.notes.push(`a binding refers to ClusterRole ${name}, which does not exist on the cluster`);
        continue;
      }
      kept.set(name, role);
      for (const selector of aggregationSelectors(role)) {
        for (const [candidate, candidateRole] of all) {
          const labels = (candidateRole['metadata'] as { labels?: Record<string, string> }).labels ?? {};
          if (!kept.has(candidate) && selects(selector, labels)) queue.push(candidate);
        }
      }
    }
    return [...kept.values()];
  }
  reader.notes.push(
    `${listed.message} (needed: list clusterroles, to follow aggregated ClusterRoles); reading the referenced ClusterRoles one by one`,
  );
  const roles = await Promise.all(
    [...referenced].map(async (name) => {
      const outcome = await reader.clusterRole(name);
      if (outcome.ok) return [reducedRole(outcome.value, 'ClusterRole')];
      if (outcome.kind === 'missing')
        reader.notes.push(`a binding refers to ClusterRole ${name}, which does not exist on the cluster`);
      else reader.notes.push(`${outcome.message} (needed: get clusterroles)`);
      return [];
    }),
  );
  return roles.flat();
}
