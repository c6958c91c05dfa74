// Reduction of what the API server sent to only the fields the rules read. Secret values never leave
// reducedSecret: a pull secret keeps its registry host keys, nothing else.
import type { TargetInput } from '../../../core/config/schema.ts';
import { isRecord } from '../manifests/load.ts';
import { registryKeysOf, UNDECODABLE_ANNOTATION } from '../manifests/pull-secret-keys.ts';
import type { LabelSelector } from '../rbac/model.ts';
import type { Json } from './cluster-api.ts';

const RBAC = 'rbac.authorization.k8s.io/v1';

export interface Account {
  readonly namespace: string;
  readonly name: string;
  readonly platform: 'openshift' | 'kubernetes';
}

export function metadataOf(object: Json): Json {
  return isRecord(object['metadata']) ? object['metadata'] : {};
}

export function reducedSecret(secret: Json, namespace: string, name: string): Json {
  const type = typeof secret['type'] === 'string' ? secret['type'] : 'Opaque';
  const { registryKeys, undecodable } = registryKeysOf(secret);
  // What the kubelet cannot decode is kept as why, since the reduced entries hold no values to decode.
  const annotations =
    undecodable !== undefined ? { annotations: { [UNDECODABLE_ANNOTATION]: undecodable } } : {};
  const reduced: Json = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace, ...annotations },
    type,
  };
  if (registryKeys) {
    const hosts = Object.fromEntries(registryKeys.map((key) => [key, {}]));
    // The legacy .dockercfg is the hosts map itself; .dockerconfigjson wraps it in "auths".
    reduced['stringData'] =
      type === 'kubernetes.io/dockercfg'
        ? { '.dockercfg': JSON.stringify(hosts) }
        : { '.dockerconfigjson': JSON.stringify({ auths: hosts }) };
  }
  return reduced;
}

export function reducedBinding(
  item: Json,
  kind: 'RoleBinding' | 'ClusterRoleBinding',
  namespace?: string,
): Json | undefined {
  const name = metadataOf(item)['name'];
  const roleRef = item['roleRef'];
  if (typeof name !== 'string' || !isRecord(roleRef)) return undefined;
  const subjects = Array.isArray(item['subjects'])
    ? item['subjects'].filter(isRecord).map((subject) => ({
        kind: subject['kind'],
        name: subject['name'],
        ...(typeof subject['namespace'] === 'string' && subject['namespace'] !== ''
          ? { namespace: subject['namespace'] }
          : {}),
      }))
    : [];
  return {
    apiVersion: RBAC,
    kind,
    metadata: { name, ...(namespace !== undefined ? { namespace } : {}) },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: roleRef['kind'], name: roleRef['name'] },
    subjects,
  };
}

export function reducedRole(item: Json, kind: 'Role' | 'ClusterRole', namespace?: string): Json {
  const metadata = metadataOf(item);
  const labels = isRecord(metadata['labels']) ? metadata['labels'] : undefined;
  const rules = Array.isArray(item['rules'])
    ? item['rules']
        .filter(isRecord)
        .map((rule) =>
          Object.fromEntries(
            ['apiGroups', 'resources', 'verbs', 'resourceNames', 'nonResourceURLs']
              .filter((key) => Array.isArray(rule[key]))
              .map((key) => [key, rule[key]]),
          ),
        )
    : [];
  const aggregationRule = item['aggregationRule'];
  return {
    apiVersion: RBAC,
    kind,
    metadata: {
      name: metadata['name'],
      ...(namespace !== undefined ? { namespace } : {}),
      ...(labels && Object.keys(labels).length > 0 ? { labels } : {}),
    },
    rules,
    ...(isRecord(aggregationRule) && Array.isArray(aggregationRule['clusterRoleSelectors'])
      ? { aggregationRule: { clusterRoleSelectors: aggregationRule['clusterRoleSelectors'] } }
      : {}),
  };
}

export function aggregationSelectors(role: Json): LabelSelector[] {
  const rule = role['aggregationRule'];
  return isRecord(rule) && Array.isArray(rule['clusterRoleSelectors'])
    ? (rule['clusterRoleSelectors'].filter(isRecord) as LabelSelector[])
    : [];
}

export function coversAnyAccount(binding: Json, accounts: readonly Account[]): boolean {
  const subjects = binding['subjects'] as { kind: unknown; name: unknown; namespace?: unknown }[];
  return subjects.some((subject) =>
    accounts.some((account) => {
      switch (subject.kind) {
        case 'User':
          return subject.name === `system:serviceaccount:${account.namespace}:${account.name}`;
        case 'Group':
          return [
            'system:serviceaccounts',
            `system:serviceaccounts:${account.namespace}`,
            'system:authenticated',
          ].includes(String(subject.name));
        case 'ServiceAccount':
          return subject.name === account.name && subject.namespace === account.namespace;
        default:
          return false;
      }
    }),
  );
}

export function uniqueAccounts(targets: readonly TargetInput[]): Account[] {
  const accounts = new Map<string, Account>();
  for (const target of targets) {
    if (target.platform !== 'openshift' && target.platform !== 'kubernetes') continue;
    const name = target.serviceAccount ?? 'default';
    const key = `${target.namespace}/${name}`;
    const known = accounts.get(key);
    // One account pulled by an openshift target is asked about the integrated registry too.
    if (!known || target.platform === 'openshift') {
      accounts.set(key, { namespace: target.namespace, name, platform: target.platform });
    }
  }
  return [...accounts.values()];
}

export function uniqueObjects(objects: readonly Json[]): Json[] {
  const seen = new Set<string>();
  return objects.filter((object) => {
    const metadata = metadataOf(object);
    const key = `${String(object['kind'])}/${String(metadata['namespace'] ?? '')}/${String(metadata['name'])}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A ClusterRoleBinding that may grant a workflow's push (issue 18) to one of `pushers` (user names): one naming
 * it, its service account's groups, or — for a user, whose groups are not known — any group.
 */
export function coversPusher(binding: Json, pushers: readonly string[]): boolean {
  const subjects = binding['subjects'] as { kind: unknown; name: unknown }[];
  return pushers.some((user) => {
    const account = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(user);
    if (account) {
      return coversAnyAccount(binding, [
        { namespace: account[1]!, name: account[2]!, platform: 'openshift' },
      ]);
    }
    return subjects.some(
      (subject) => subject.kind === 'Group' || (subject.kind === 'User' && subject.name === user),
    );
  });
}
