// Kubernetes objects → ClusterState: RBAC, ServiceAccounts, and pull Secrets reduced to their host keys.
// Objects of other kinds are ignored, with one note per file.
import { schemaProblems, type PrecompiledValidator } from '../../../core/config/validate.ts';
import * as VALIDATORS from '../generated/validators.ts';
import { CLUSTER_OBJECT_SCHEMAS } from './object-schemas.ts';
import { ConfigError, formatLocation } from '../../../core/errors.ts';
import type { ReportFinding } from '../../../core/verdict.ts';
import type { Binding, ClusterState, PullSecretDefinition, RoleDefinition, Subject } from '../rbac/model.ts';
import { isRecord, type KubeObject } from './load.ts';
import { registryKeysOf } from './pull-secret-keys.ts';

// A list left empty in YAML (`subjects:`) is null, which the API server reads as no list (Kubernetes API
// reference: these lists are optional). OpenShift's default bindings say "remove subjects to disable".
const NULLABLE_LISTS: Record<string, readonly string[]> = {
  Role: ['rules'],
  ClusterRole: ['rules'],
  RoleBinding: ['subjects'],
  ClusterRoleBinding: ['subjects'],
  ServiceAccount: ['imagePullSecrets'],
};

// OpenShift's legacy authorization.openshift.io kinds have another shape; current clusters serve RBAC here.
const RBAC_GROUPS = ['rbac.authorization.k8s.io/'];

export interface ManifestReading {
  readonly state: ClusterState;
  readonly notes: readonly ReportFinding[];
}

export function readClusterState(objects: readonly KubeObject[]): ManifestReading {
  const state: MutableState = {
    clusterRoles: new Map(),
    roles: new Map(),
    roleBindings: new Map(),
    clusterRoleBindings: [],
    serviceAccounts: new Map(),
    secrets: new Map(),
    namespaces: new Set(),
  };
  const ignored = new Map<string, Set<string>>();
  const committedSecrets: ReportFinding[] = [];

  for (const object of objects) {
    // One validator per kind of object-schemas.ts, compiled at build time (the generated module holds
    // registries.yaml's too: only the object kinds are looked up).
    const validate = Object.hasOwn(CLUSTER_OBJECT_SCHEMAS, object.kind)
      ? ((VALIDATORS as Record<string, unknown>)[object.kind] as PrecompiledValidator)
      : undefined;
    const rbacKind = ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'].includes(object.kind);
    if (!validate || (rbacKind && !RBAC_GROUPS.some((group) => object.apiVersion.startsWith(group)))) {
      ignored.set(object.file, (ignored.get(object.file) ?? new Set()).add(object.kind));
      continue;
    }
    const problems = schemaProblems(withoutNullLists(object), validate, object, `the ${object.kind}`);
    if (problems.length > 0) {
      throw new ConfigError(
        problems.map((problem) => ({ ...problem, message: `${object.kind}: ${problem.message}` })),
      );
    }
    addObject(state, object, committedSecrets);
  }
  const notes: ReportFinding[] = [...ignored].map(([file, kinds]) => ({
    severity: 'low',
    kind: 'ignored-manifest',
    file,
    message: `objects of kind ${[...kinds].sort().join(', ')} were ignored: facts.kubernetes.manifests are read for RBAC, ServiceAccounts, Secrets, Namespaces and ImageStreams`,
  }));
  return { state, notes: [...committedSecrets, ...notes] };
}

type MutableState = {
  -readonly [K in keyof ClusterState]: ClusterState[K] extends ReadonlyMap<infer Key, infer Value>
    ? Map<Key, Value>
    : ClusterState[K] extends ReadonlySet<infer Item>
      ? Set<Item>
      : ClusterState[K] extends readonly (infer Item)[]
        ? Item[]
        : ClusterState[K];
};

/** One valid object into the state; a Secret holding credentials is also a committed-secret finding. */
function addObject(state: MutableState, object: KubeObject, committedSecrets: ReportFinding[]): void {
  const metadata = object.body['metadata'] as {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
  };
  const origin = `${object.kind} ${metadata.name} (${formatLocation(object.locate([]))})`;
  const place = object.place === undefined ? {} : { place: object.place };
  const namespace = metadata.namespace ?? 'default';
  switch (object.kind) {
    case 'Namespace':
    case 'Project':
      state.namespaces.add(metadata.name);
      return;
    case 'Role':
    case 'ClusterRole': {
      const definition = { ...roleDefinition(object, metadata, origin), ...place };
      if (object.kind === 'ClusterRole') state.clusterRoles.set(metadata.name, definition);
      else state.roles.set(`${namespace}/${metadata.name}`, { ...definition, namespace });
      break;
    }
    case 'RoleBinding':
    case 'ClusterRoleBinding': {
      const binding = { ...bindingDefinition(object, metadata, origin), ...place };
      if (object.kind === 'ClusterRoleBinding') {
        state.clusterRoleBindings.push(binding);
      } else {
        state.roleBindings.set(namespace, [
          ...(state.roleBindings.get(namespace) ?? []),
          { ...binding, namespace },
        ]);
      }
      break;
    }
    case 'ServiceAccount': {
      const secretsOf = (object.body['imagePullSecrets'] ?? []) as { name: string }[];
      state.serviceAccounts.set(`${namespace}/${metadata.name}`, {
        name: metadata.name,
        namespace,
        imagePullSecrets: secretsOf.map((entry) => entry.name),
        origin,
        ...place,
      });
      break;
    }
    case 'Secret': {
      const secret = secretDefinition(object, metadata.name, namespace, origin);
      state.secrets.set(`${namespace}/${metadata.name}`, { ...secret.definition, ...place });
      if (secret.holdsCredentials) committedSecrets.push(committedSecretFinding(object, metadata.name));
      break;
    }
  }
  if (object.kind !== 'ClusterRole' && object.kind !== 'ClusterRoleBinding') state.namespaces.add(namespace);
}

/** A Secret reduced to its registry keys (never their values). */
function secretDefinition(object: KubeObject, name: string, namespace: string, origin: string) {
  const keys = registryKeysOf(object.body);
  const definition: PullSecretDefinition = {
    name,
    namespace,
    type: typeof object.body['type'] === 'string' ? object.body['type'] : 'Opaque',
    ...(keys.registryKeys ? { registryKeys: keys.registryKeys } : {}),
    ...(keys.problem ? { problem: keys.problem } : {}),
    ...(keys.undecodable ? { undecodable: keys.undecodable } : {}),
    origin,
  };
  return { definition, holdsCredentials: keys.holdsCredentials };
}

function withoutNullLists(object: KubeObject): Record<string, unknown> {
  const nullable = NULLABLE_LISTS[object.kind] ?? [];
  return Object.fromEntries(
    Object.entries(object.body).filter(([key, value]) => !(value === null && nullable.includes(key))),
  );
}

function roleDefinition(
  object: KubeObject,
  metadata: { name: string; labels?: Record<string, string> },
  origin: string,
): RoleDefinition {
  const rules = ((object.body['rules'] ?? []) as Record<string, string[] | undefined>[]).map((rule) => ({
    apiGroups: rule['apiGroups'] ?? [],
    resources: rule['resources'] ?? [],
    verbs: rule['verbs'] ?? [],
    resourceNames: rule['resourceNames'] ?? [],
  }));
  const aggregationRule = object.body['aggregationRule'];
  const selectors = isRecord(aggregationRule) ? aggregationRule['clusterRoleSelectors'] : undefined;
  return {
    name: metadata.name,
    labels: metadata.labels ?? {},
    rules,
    ...(Array.isArray(selectors) ? { aggregation: selectors } : {}),
    origin,
  };
}

function bindingDefinition(object: KubeObject, metadata: { name: string }, origin: string): Binding {
  const roleRef = object.body['roleRef'] as Binding['roleRef'];
  const subjects = (object.body['subjects'] ?? []) as Subject[];
  subjects.forEach((subject, i) => {
    // The API server rejects these too: a ClusterRoleBinding has no namespace to default to.
    if (subject.kind === 'ServiceAccount' && !subject.namespace && object.kind === 'ClusterRoleBinding') {
      throw new ConfigError({
        where: object.locate(['subjects', i]),
        message: `ClusterRoleBinding: subjects[${i}] is a ServiceAccount without a namespace`,
      });
    }
  });
  return {
    name: metadata.name,
    roleRef: { kind: roleRef.kind, name: roleRef.name },
    subjects: subjects.map((subject) => ({
      kind: subject.kind,
      name: subject.name,
      ...(subject.namespace ? { namespace: subject.namespace } : {}),
    })),
    origin,
  };
}

/** A pull Secret with its credentials in the repository (only its name and place are reported). */
function committedSecretFinding(object: KubeObject, name: string): ReportFinding {
  return {
    severity: 'medium',
    kind: 'secret-in-repo',
    file: object.file,
    line: object.locate([]).line,
    message: `the pull secret ${name} is committed with its registry credentials: rotate them, and keep them in a sealed or external secret store`,
  };
}
