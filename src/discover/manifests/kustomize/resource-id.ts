// Which object a resource of the build is, as kustomize identifies it (group, version, kind, name and
// effective namespace) and as it was before each rename: duplicates, patches, targets and name references
// all find resources by these ids, so they must agree on one definition.
import type { KubeObject } from '../objects.ts';
import { record, type Json } from '../json.ts';

/** One resource of the build: a copy of what was written, transformed, and its history of names. */
export interface Resource {
  body: Json;
  readonly origin: KubeObject;
  /** Kind, name and namespace before each rename or namespace change (kustomize's previous ids). */
  readonly previous: { kind: string; name: string; namespace: string }[];
  readonly prefixes: string[];
  readonly suffixes: string[];
}

export interface ResId {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
}

/** Kinds kustomize knows to be cluster-scoped (kyaml/openapi precomputedIsNamespaceScoped), by group/kind. */
const CLUSTER_SCOPED = new Set([
  'admissionregistration.k8s.io/MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/ValidatingWebhookConfiguration',
  'admissionregistration.k8s.io/ValidatingAdmissionPolicy',
  'admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding',
  'apiextensions.k8s.io/CustomResourceDefinition',
  'apiregistration.k8s.io/APIService',
  'certificates.k8s.io/CertificateSigningRequest',
  'flowcontrol.apiserver.k8s.io/FlowSchema',
  'flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration',
  'networking.k8s.io/IngressClass',
  'node.k8s.io/RuntimeClass',
  'policy/PodSecurityPolicy',
  'rbac.authorization.k8s.io/ClusterRole',
  'rbac.authorization.k8s.io/ClusterRoleBinding',
  'scheduling.k8s.io/PriorityClass',
  'storage.k8s.io/CSIDriver',
  'storage.k8s.io/CSINode',
  'storage.k8s.io/StorageClass',
  'storage.k8s.io/VolumeAttachment',
  '/ComponentStatus',
  '/Namespace',
  '/Node',
  '/PersistentVolume',
]);

const NOT_A_NAMESPACE = '_non_namespaceable_';

export function fromObject(object: KubeObject): Resource {
  return {
    body: structuredClone(object.body) as Json,
    origin: object,
    previous: [],
    prefixes: [],
    suffixes: [],
  };
}

/** The built resource as discovery reads objects; positions are those of the object it was built from. */
export function asKubeObject(resource: Resource): KubeObject {
  const { origin, body } = resource;
  return {
    apiVersion: typeof body['apiVersion'] === 'string' ? body['apiVersion'] : origin.apiVersion,
    kind: typeof body['kind'] === 'string' ? body['kind'] : origin.kind,
    body,
    file: origin.file,
    locate: (objectPath) => origin.locate(objectPath),
    locateKey: (objectPath) => origin.locateKey(objectPath),
  };
}

export function idOf(body: Json): ResId {
  const apiVersion = typeof body['apiVersion'] === 'string' ? body['apiVersion'] : '';
  const slash = apiVersion.lastIndexOf('/');
  const metadata = record(body['metadata']);
  return {
    group: slash < 0 ? '' : apiVersion.slice(0, slash),
    version: slash < 0 ? apiVersion : apiVersion.slice(slash + 1),
    kind: typeof body['kind'] === 'string' ? body['kind'] : '',
    name: typeof metadata['name'] === 'string' ? metadata['name'] : '',
    namespace: typeof metadata['namespace'] === 'string' ? metadata['namespace'] : '',
  };
}

export function currentId(resource: Resource): ResId {
  return idOf(resource.body);
}

/** The ids the resource had (kustomize PrevIds: the group and version are today's). */
function previousIds(resource: Resource): ResId[] {
  const { group, version } = currentId(resource);
  return resource.previous.map((id) => ({ group, version, ...id }));
}

export function allIds(resource: Resource): ResId[] {
  return [...previousIds(resource), currentId(resource)];
}

export function originalId(resource: Resource): ResId {
  return previousIds(resource)[0] ?? currentId(resource);
}

/** Records the current id before a change of name or namespace. */
export function storePreviousId(resource: Resource): void {
  const id = currentId(resource);
  resource.previous.push({ kind: id.kind, name: id.name, namespace: effectiveNamespace(id) });
}

export function isClusterScoped(id: Pick<ResId, 'group' | 'kind'>): boolean {
  return CLUSTER_SCOPED.has(`${id.group}/${id.kind}`);
}

export function effectiveNamespace(id: ResId): string {
  if (isClusterScoped(id)) return NOT_A_NAMESPACE;
  return id.namespace === '' ? 'default' : id.namespace;
}

/** The namespace a resource id is grouped by (cluster-scoped ones by none). */
export function namespaceOf(id: ResId): string | undefined {
  const namespace = effectiveNamespace(id);
  return namespace === NOT_A_NAMESPACE ? undefined : namespace;
}

export function idEquals(a: ResId, b: ResId): boolean {
  return (
    a.name === b.name &&
    a.kind === b.kind &&
    a.group === b.group &&
    a.version === b.version &&
    effectiveNamespace(a) === effectiveNamespace(b)
  );
}

export function idKey(id: ResId): string {
  return [id.group, id.version, id.kind, effectiveNamespace(id), id.name].join('\0');
}

export function isV1(resource: Resource, kind: string): boolean {
  return resource.body['kind'] === kind && resource.body['apiVersion'] === 'v1';
}

export function nameOf(resource: Resource): string {
  return currentId(resource).name;
}

/** The resource as messages name it. */
export function describe(resource: Resource): string {
  const id = currentId(resource);
  return `${id.kind} ${id.name || '(unnamed)'}`;
}
