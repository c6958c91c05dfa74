// Strategic merge as kustomize applies it (kyaml merge2), as far as discovery needs: a patch names the
// containers, volumes or pull secrets it changes, and they must merge into the entries they name rather
// than replace the list, or a patched workload would lose images. Maps merge key by key, a null removes
// the key, lists of named things (containers, volumes, env, imagePullSecrets) merge by `name`, any other
// list is replaced — and so is every list of a custom resource (below). `$patch: delete` removes the map or list entry it is in (the whole object at the top),
// `$patch: replace` replaces instead of merging; other `$…` keys only order or prune, and are dropped.
import { isRecord, type Json } from '../json.ts';

/** Lists whose entries merge by a key (x-kubernetes-patch-merge-key in the Kubernetes OpenAPI schema). */
const MERGE_KEYS: Readonly<Record<string, string>> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  imagePullSecrets: 'name',
  volumes: 'name',
  env: 'name',
};

/**
 * API groups of the Kubernetes OpenAPI schema kustomize embeds (kyaml/openapi/kubernetesapi). kyaml merges
 * a list by its key only when the resource's schema says so: a custom resource (an Argo Rollout, an
 * OpenShift DeploymentConfig) has none unless `crds` or `openapi` gives one (flagged in exactness.ts), so
 * a patch's containers list replaces the resource's — checked against `kubectl kustomize` in the tests.
 */
const KUBERNETES_GROUPS = new Set([
  '',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'apps',
  'autoscaling',
  'batch',
  'certificates.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'events.k8s.io',
  'extensions',
  'flowcontrol.apiserver.k8s.io',
  'networking.k8s.io',
  'node.k8s.io',
  'policy',
  'rbac.authorization.k8s.io',
  'resource.k8s.io',
  'scheduling.k8s.io',
  'storage.k8s.io',
]);

export function hasKubernetesSchema(group: string): boolean {
  return KUBERNETES_GROUPS.has(group);
}

/**
 * `target` merged with `patch`: `target` is changed in place (pass a copy) and `patch` is never shared
 * with the result. Undefined when the patch deletes the object (`$patch: delete` at its top).
 * `keyedLists`: whether lists merge by their key (the resource has a Kubernetes schema), or are replaced.
 */
export function strategicMerge(target: Json, patch: Json, keyedLists = true): Json | undefined {
  return mergeMap(target, patch, keyedLists);
}

function mergeMap(target: Json, patch: Json, keyedLists: boolean): Json | undefined {
  const directive = patch['$patch'];
  if (directive === 'delete') return undefined;
  if (directive === 'replace') return clean(patch) as Json;
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue;
    if (value === null) {
      delete target[key];
      continue;
    }
    const current = target[key];
    if (isRecord(value) && isRecord(current)) {
      const merged = mergeMap(current, value, keyedLists);
      if (merged === undefined) delete target[key];
      else target[key] = merged;
    } else if (Array.isArray(value)) {
      const keyed = keyedLists ? MERGE_KEYS[key] : undefined;
      target[key] = mergeList(keyed, Array.isArray(current) ? current : undefined, value, keyedLists);
    } else {
      const cleaned = clean(value);
      if (cleaned === undefined) delete target[key];
      else target[key] = cleaned;
    }
  }
  return target;
}

/**
 * kyaml merges keyed lists with ListIncreaseDirection prepend: the patch's entries first, in its order
 * (each merged into the entry it names), then the entries the patch does not name, in theirs.
 */
function mergeList(
  mergeKey: string | undefined,
  target: unknown[] | undefined,
  patch: readonly unknown[],
  keyedLists: boolean,
): unknown[] {
  const replace = patch.some((entry) => isRecord(entry) && entry['$patch'] === 'replace');
  if (replace || !mergeKey || !target) return cleanList(patch.filter((entry) => !isReplaceMarker(entry)));
  const result: unknown[] = [];
  const named = new Set<number>();
  for (const entry of patch) {
    if (!isRecord(entry)) continue;
    const id = entry[mergeKey];
    const index =
      id === undefined ? -1 : target.findIndex((existing) => isRecord(existing) && existing[mergeKey] === id);
    if (index >= 0) named.add(index);
    if (entry['$patch'] === 'delete') continue;
    const merged = index >= 0 ? mergeMap(target[index] as Json, entry, keyedLists) : clean(entry);
    if (merged !== undefined) result.push(merged);
  }
  target.forEach((existing, i) => {
    if (!named.has(i)) result.push(existing);
  });
  return result;
}

function isReplaceMarker(entry: unknown): boolean {
  return isRecord(entry) && entry['$patch'] === 'replace' && Object.keys(entry).length === 1;
}

/** A fresh copy of a patch value without directives; undefined for a map that deletes itself. */
function clean(value: unknown): unknown {
  if (Array.isArray(value)) return cleanList(value);
  if (!isRecord(value)) return value;
  if (value['$patch'] === 'delete') return undefined;
  const result: Json = {};
  for (const [key, entry] of Object.entries(value)) {
    if (key.startsWith('$') || entry === null) continue;
    const cleaned = clean(entry);
    if (cleaned !== undefined) result[key] = cleaned;
  }
  return result;
}

function cleanList(list: readonly unknown[]): unknown[] {
  return list.map(clean).filter((entry) => entry !== undefined);
}
