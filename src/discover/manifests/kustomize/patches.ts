// The patch fields of a kustomization (patchesStrategicMerge, patches, patchesJson6902) applied as
// kustomize applies them: an overlay's patch often changes a container's image or service account, or
// deletes a workload, so discovery must read the patched resources.
import jsonpatch from 'fast-json-patch';
import { isRecord, nonEmpty, record, type Json } from '../json.ts';
import type { Kustomization } from './kustomization.ts';
import type { BuildLog, Where } from './log.ts';
import { isInlineObject, loadEntryPatch, loadPatch, type PatchDocument } from './patch-source.ts';
import {
  allIds,
  currentId,
  describe,
  idEquals,
  idOf,
  storePreviousId,
  type Resource,
} from './resource-id.ts';
import { hasKubernetesSchema, strategicMerge } from './strategic-merge.ts';
import { selectTarget } from './target.ts';

/** What a strategic merge patch may change about its resource (the options of a `patches` entry). */
interface Allow {
  readonly name?: boolean;
  readonly kind?: boolean;
}

export function applyPatchesStrategicMerge(
  log: BuildLog,
  kustomization: Kustomization,
  resources: Resource[],
): Resource[] {
  for (const { value, at } of kustomization.list('patchesStrategicMerge')) {
    const where = kustomization.at(at);
    if (typeof value !== 'string' || value === '') {
      log.warn(where, 'patchesStrategicMerge: expected a file path or an inline patch');
      continue;
    }
    // An entry is the patch itself when it reads as objects, else a file (kustomize tries it that way round).
    const inline = isInlineObject(value);
    const patch = loadPatch(log, kustomization, where, inline ? { text: value } : { path: value });
    if (!patch) continue;
    for (const document of patch.documents) {
      if (!isRecord(document.value)) {
        log.warn(document.where, 'a strategic merge patch must be a Kubernetes object');
        continue;
      }
      resources = mergeById(log, resources, document.value, document.where, {});
    }
  }
  return resources;
}

export function applyPatches(log: BuildLog, kustomization: Kustomization, resources: Resource[]): Resource[] {
  for (const { value, at } of kustomization.list('patches')) {
    const where = kustomization.at(at);
    if (!isRecord(value)) {
      log.warn(where, 'patches: expected a map with path or patch');
      continue;
    }
    const patch = loadEntryPatch(log, kustomization, 'patches', { value, at, where });
    if (!patch) continue;
    const options = isRecord(value['options']) ? value['options'] : {};
    const allow: Allow = {
      name: String(options['allowNameChange']) === 'true',
      kind: String(options['allowKindChange']) === 'true',
    };
    const target = value['target'];
    const targetWhere = kustomization.at([...at, 'target']);
    const first = patch.documents[0];
    if (!first) continue;
    if (Array.isArray(first.value)) {
      if (!isRecord(target)) {
        log.warn(where, 'patches: a JSON patch (a list of operations) needs a target');
        continue;
      }
      for (const resource of selectTarget(log, resources, target, targetWhere)) {
        storePreviousId(resource);
        applyJsonPatch(log, resource, first.value, first);
      }
      continue;
    }
    const objects = patch.documents.filter((document) => {
      if (isRecord(document.value)) return true;
      log.warn(
        document.where,
        'a strategic merge patch must be a map (or a JSON patch, a list of operations)',
      );
      return false;
    });
    if (isRecord(target)) {
      const only = objects[0];
      if (objects.length > 1 || !only) {
        if (objects.length > 1) {
          log.warn(
            where,
            'patches: one entry with a target takes a single strategic merge patch, not several',
          );
        }
        continue;
      }
      const selected = new Set(selectTarget(log, resources, target, targetWhere));
      resources = mergeSelected(resources, selected, only.value as Json, allow);
    } else {
      for (const document of objects) {
        resources = mergeById(log, resources, document.value as Json, document.where, allow);
      }
    }
  }
  return resources;
}

export function applyPatchesJson6902(
  log: BuildLog,
  kustomization: Kustomization,
  resources: Resource[],
): Resource[] {
  for (const { value, at } of kustomization.list('patchesJson6902')) {
    const where = kustomization.at(at);
    if (!isRecord(value) || !isRecord(value['target']) || !nonEmpty(value['target']['name'])) {
      log.warn(where, 'patchesJson6902: each entry needs a target with a name, and a path or patch');
      continue;
    }
    const patch = loadEntryPatch(log, kustomization, 'patchesJson6902', { value, at, where });
    const first = patch?.documents[0];
    if (!first) continue;
    if (!Array.isArray(first.value)) {
      log.warn(first.where, 'a JSON 6902 patch must be a list of operations');
      continue;
    }
    for (const resource of selectTarget(
      log,
      resources,
      value['target'],
      kustomization.at([...at, 'target']),
    )) {
      applyJsonPatch(log, resource, first.value, first);
    }
  }
  return resources;
}

/** A strategic merge patch applied to the resource with its kind, name and namespace. */
function mergeById(
  log: BuildLog,
  resources: Resource[],
  patch: Json,
  where: Where,
  allow: Allow,
): Resource[] {
  const id = idOf(patch);
  if (!id.kind || !id.name) {
    log.warn(where, 'a strategic merge patch needs apiVersion, kind and metadata.name to find its resource');
    return resources;
  }
  const matches = new Set(
    resources.filter((resource) => allIds(resource).some((candidate) => idEquals(candidate, id))),
  );
  if (matches.size === 0) {
    const namespace = id.namespace ? ` in namespace ${id.namespace}` : '';
    log.warn(where, `the patch of ${id.kind} ${id.name}${namespace} matches no resource of the build`);
    return resources;
  }
  return mergeSelected(resources, matches, patch, allow);
}

/** `resources` with `patch` merged into the selected ones, less those the patch deletes. */
function mergeSelected(
  resources: Resource[],
  selected: ReadonlySet<Resource>,
  patch: Json,
  allow: Allow,
): Resource[] {
  return resources.filter((resource) => !selected.has(resource) || mergeInto(resource, patch, allow));
}

/** Applies a strategic merge patch; false when the patch deletes the resource. */
function mergeInto(resource: Resource, patch: Json, allow: Allow): boolean {
  const before = currentId(resource);
  const apiVersion = resource.body['apiVersion'];
  const namespace = record(resource.body['metadata'])['namespace'];
  if (allow.name || allow.kind) storePreviousId(resource);
  const merged = strategicMerge(resource.body, patch, hasKubernetesSchema(before.group));
  if (!merged) return false;
  // The patch cannot change what the resource is, unless its options allow it (kustomize Resource.ApplySmPatch).
  merged['apiVersion'] = apiVersion;
  if (!allow.kind) merged['kind'] = before.kind;
  const mergedMetadata = record(merged['metadata']);
  merged['metadata'] = mergedMetadata;
  if (!allow.name) mergedMetadata['name'] = before.name;
  if (namespace === undefined) delete mergedMetadata['namespace'];
  else mergedMetadata['namespace'] = namespace;
  resource.body = merged;
  return true;
}

function applyJsonPatch(
  log: BuildLog,
  resource: Resource,
  operations: readonly unknown[],
  patch: PatchDocument,
): void {
  // One operation at a time, so a failure names its operation (the library's own index is not reliable).
  let patched: unknown = structuredClone(resource.body);
  for (const [index, operation] of operations.entries()) {
    try {
      patched = jsonpatch.applyOperation(patched, operation as jsonpatch.Operation, true, true, true, index)
        .newDocument as unknown;
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      // The library's message goes on with the operation and the whole object (maybe a Secret): first line only.
      const said = error.message.split('\n')[0] ?? error.name;
      log.warn(
        patch.whereOf([index]),
        `JSON patch not applied to ${describe(resource)}: ${said}; the resource is left as it was`,
      );
      return;
    }
  }
  if (!isRecord(patched)) {
    log.warn(patch.where, `JSON patch not applied to ${describe(resource)}: it does not leave an object`);
    return;
  }
  resource.body = patched;
}
