// The namespace and namePrefix/nameSuffix transformers: they decide the namespace and name a workload is
// deployed with, and each change is recorded as a previous id so later patches and the name references can
// still find the resource by the name it was written with.
import { isRecord, type Json } from '../json.ts';
import { currentId, isClusterScoped, isV1, storePreviousId, type Resource } from './resource-id.ts';

/** The kustomization's `namespace` (api/filters/namespace), when it gives one. */
export function setNamespace(value: unknown, resources: readonly Resource[]): void {
  if (typeof value !== 'string' || !value) return;
  for (const resource of resources) {
    storePreviousId(resource);
    const id = currentId(resource);
    const metadata = ensureMetadata(resource);
    if (!isClusterScoped(id)) metadata['namespace'] = value;
    // api/internal/konfig/builtinpluginconsts/namespace.go: a v1 Namespace takes the name.
    if (isV1(resource, 'Namespace')) metadata['name'] = value;
    // api/filters/namespace: (Cluster)RoleBinding subjects named `default` follow the namespace.
    if (id.kind === 'RoleBinding' || id.kind === 'ClusterRoleBinding') {
      const subjects = resource.body['subjects'];
      if (Array.isArray(subjects)) {
        for (const subject of subjects) {
          if (isRecord(subject) && subject['name'] === 'default') subject['namespace'] = value;
        }
      }
    }
  }
}

/** namePrefix and nameSuffix (PrefixTransformer, SuffixTransformer). */
export function rename(resources: readonly Resource[], prefix: string, suffix: string): void {
  for (const resource of resources) {
    const id = currentId(resource);
    // PrefixTransformer/SuffixTransformer skip these (prefixFieldSpecsToSkip).
    if (id.kind === 'CustomResourceDefinition' || id.kind === 'Namespace') continue;
    if (id.kind === 'APIService' && id.group === 'apiregistration.k8s.io') continue;
    const metadata = ensureMetadata(resource);
    if (typeof metadata['name'] !== 'string') continue;
    if (prefix) resource.prefixes.push(prefix);
    if (suffix) resource.suffixes.push(suffix);
    storePreviousId(resource);
    metadata['name'] = `${prefix}${metadata['name']}${suffix}`;
  }
}

function ensureMetadata(resource: Resource): Json {
  const metadata = resource.body['metadata'];
  if (isRecord(metadata)) return metadata;
  const created: Json = {};
  resource.body['metadata'] = created;
  return created;
}
