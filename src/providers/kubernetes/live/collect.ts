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
  const reader = await ClusterApi.connect(await kubeConfigFor(access), runner);
  const accounts = uniqueAccounts(input.targets);
  const imageNamespaces = new Set(input.imageNamespaces);
  const namespaceNames = [
    ...new Set([...accounts.map((account) => account.namespace), ...input.imageNamespaces]),
  ];
  const namespaces = new Map<string, NamespaceReads>(namespaceNames.map((name) => [name, { objects: [] }]));
  const referencedClusterRoles = new Set<string>();
  const clusterObjects: Json[] = [];
  let clusterBindingsIncomplete: string | undefined;

  const readAccount = async (account: Account) => {
    const reads = namespaces.get(account.namespace)!;
    const { namespace, name } = account;
    const outcome = await reader.serviceAccount(namespace, name);
    if (!outcome.ok) {
      if (outcome.kind === 'missing') {
        reader.notes.push(
          `ServiceAccount ${namespace}/${name} does not exist: pods running as it cannot start`,
        );
      } else {
        reads.pullSecretsIncomplete ??= outcome.message;
        reader.notes.push(`${outcome.message} (needed: get serviceaccounts in ${namespace})`);
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
    await Promise.all(linked.map((secretName) => readSecret(reads, namespace, secretName)));
  };

  const readSecret = async (reads: NamespaceReads, namespace: string, name: string) => {
    const outcome = await reader.secret(namespace, name);
    if (!outcome.ok) {
      if (outcome.kind === 'missing') {
        reader.notes.push(`Secret ${namespace}/${name} is linked as a pull secret but does not exist`);
      } else {
        reads.pullSecretsIncomplete ??= outcome.message;
        reader.notes.push(`${outcome.message} (needed: get secrets in ${namespace})`);
      }
      return;
    }
    reads.objects.push(reducedSecret(outcome.value, namespace, name));
  };

  const readNamespaceRbac = async (namespace: string) => {
    const reads = namespaces.get(namespace)!;
    const permission = `list rolebindings in ${namespace}`;
    const outcome = await reader.roleBindings(namespace);
    if (!outcome.ok) {
      reads.rbacIncomplete = outcome.message;
      reader.notes.push(
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
      if (roleRef.kind === 'ClusterRole') referencedClusterRoles.add(roleRef.name);
      else roleNames.add(roleRef.name);
    }
    await Promise.all(
      [...roleNames].map(async (roleName) => {
        const role = await reader.role(namespace, roleName);
        if (role.ok) reads.objects.push(reducedRole(role.value, 'Role', namespace));
        else if (role.kind === 'missing')
          reader.notes.push(`a RoleBinding of ${namespace} refers to Role ${roleName}, which does not exist`);
        else
          reader.notes.push(
            `${role.message} (needed: get roles in ${namespace}); bindings to Role ${namespace}/${roleName} stay unknown`,
          );
      }),
    );
  };

  const readClusterBindings = async () => {
    const permission = 'list clusterrolebindings';
    const outcome = await reader.clusterRoleBindings();
    if (!outcome.ok) {
      clusterBindingsIncomplete = outcome.message;
      reader.notes.push(
        `${outcome.message} (needed: ${permission}, cluster-wide); without them no namespace's RBAC is complete, so integrated-registry pulls stay unknown unless a RoleBinding grants them`,
      );
      return;
    }
    for (const item of outcome.value) {
      const binding = reducedBinding(item, 'ClusterRoleBinding');
      if (!binding || !coversAnyAccount(binding, accounts)) continue;
      clusterObjects.push(binding);
      referencedClusterRoles.add((binding['roleRef'] as { name: string }).name);
    }
  };

  // OpenShift nodes pull with the cluster's global pull secret too (keys only, like every pull secret).
  const readGlobalPullSecret = async () => {
    const outcome = await reader.secret('openshift-config', 'pull-secret');
    if (outcome.ok) {
      clusterObjects.push(reducedSecret(outcome.value, 'openshift-config', 'pull-secret'));
    } else if (outcome.kind === 'missing') {
      reader.notes.push('the global pull secret openshift-config/pull-secret does not exist on the cluster');
    } else {
      // Refused: what it covers is unknown, not the installed default.
      const because = `${outcome.message} (needed: get secrets in openshift-config)`;
      reader.notes.push(because);
      clusterObjects.push({
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
  };
  // Pods that list their own pull secrets use those (targets' imagePullSecrets), read like linked ones.
  const podSecrets = new Map<string, { namespace: string; name: string }>();
  for (const target of input.targets) {
    if (target.platform !== 'openshift' && target.platform !== 'kubernetes') continue;
    for (const name of target.imagePullSecrets ?? [])
      podSecrets.set(`${target.namespace}/${name}`, { namespace: target.namespace, name });
  }

  await Promise.all([
    ...accounts.map(readAccount),
    ...[...podSecrets.values()].map(({ namespace, name }) =>
      readSecret(namespaces.get(namespace)!, namespace, name),
    ),
    ...namespaceNames.map(readNamespaceRbac),
    readClusterBindings(),
    ...(accounts.some((account) => account.platform === 'openshift') ? [readGlobalPullSecret()] : []),
  ]);
  clusterObjects.push(...(await readClusterRoles(reader, referencedClusterRoles)));

  // A namespace is given as complete (a Namespace object) only when everything in it was read.
  const objects: Json[] = [...clusterObjects];
  for (const [namespace, reads] of namespaces) {
    const rbacIncomplete = reads.rbacIncomplete ?? clusterBindingsIncomplete;
    if (reads.pullSecretsIncomplete !== undefined) {
      // Any object of the namespace would make the rules take its ServiceAccounts and Secrets as complete.
      if (reads.objects.length > 0) {
        reader.notes.push(
          `namespace ${namespace}: its objects are left out, since not all of them could be read`,
        );
      }
      continue;
    }
    if (rbacIncomplete !== undefined) {
      // Its RBAC matters only for image pulls into it; other objects would make it look complete.
      if (imageNamespaces.has(namespace)) {
        if (reads.objects.length > 0) {
          reader.notes.push(
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
  const unique = uniqueObjects(objects);

  const reviews = await compareWithSubjectAccessReviews(input, accounts, unique, reader);
  return { objects: unique, notes: [...new Set([...reader.notes, ...reviews])] };
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
