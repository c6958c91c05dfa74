// What the built-in renderer does not build as kustomize does, said at the field that asks for it: these
// warnings only reach a report when no real kustomize (or kubectl) rendered the root (render.ts).
//
// Flagged — each can change which image a pod pulls, or which identity (namespace, service account, pull
// secret) pulls it: generators and transformers (plugins or builtin configurations), helmCharts and
// helmChartInflationGenerator, replacements that write anything but labels, annotations or data,
// secretGenerator secrets that pods pull with (kustomize appends a content hash to the name, and to every
// imagePullSecrets entry naming it), `crds` and `openapi` (a schema changes how patches merge the lists of
// custom resources, and which fields name other objects), `configurations` (custom field specs for
// images, names and namespaces), and patch targets selecting by label or annotation after a label
// transformer ran (labels are not applied here). Remote resources are flagged where they are read (build.ts).
//
// Skipped silently, since none can change an image, a namespace, a service account or a pull secret:
// configMapGenerator (a ConfigMap's name is not an identity), commonAnnotations, replicas, sortOptions,
// buildMetadata (labels and annotations only), helmGlobals (used only with helmCharts, flagged), `vars`
// (substituted only into the fields kustomize's varReference lists — command, args, env values — unless
// `configurations` adds one, which is flagged), and validators (they only refuse a build, never change it).
// commonLabels and labels themselves change no image; they matter only through a later selector (above).
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { readConfined } from '../../../core/config/read-file.ts';
import { isRecord, nonEmpty } from '../json.ts';
import type { Kustomization } from './kustomization.ts';
import type { BuildLog } from './log.ts';
import type { Resource } from './resource-id.ts';

const EXACTLY = 'a real kustomize or kubectl on PATH builds it exactly';

/** Warns at each field of `kustomization` the built-in build does not render exactly. */
export function flagInexact(
  kustomization: Kustomization,
  log: BuildLog,
  root: string,
  resources: readonly Resource[],
): void {
  flagPlugins(kustomization, log, root);
  flagReplacements(kustomization, log);
  flagSchemaFields(kustomization, log);
  flagPullSecretGenerators(kustomization, log, resources);
  flagSelectorsAfterLabels(kustomization, log);
}

function flagPlugins(kustomization: Kustomization, log: BuildLog, root: string): void {
  for (const field of ['generators', 'transformers']) {
    for (const { value, at } of kustomization.list(field)) {
      // `apiVersion: builtin` configures one of kustomize's own transformers, not a plugin.
      const builtin = builtinKind(value, kustomization.dir, root);
      log.warn(
        kustomization.at(at),
        builtin
          ? `${field}: the builtin ${builtin} is not applied here: add the images it changes to the config, or ${EXACTLY}`
          : `${field}: plugins are not run here: add the images they produce to the config`,
      );
    }
  }
  for (const field of ['helmCharts', 'helmChartInflationGenerator']) {
    for (const { value, at } of kustomization.list(field)) {
      const name = isRecord(value) && typeof value['name'] === 'string' ? ` ${value['name']}` : '';
      log.warn(
        kustomization.at(at),
        `${field}: chart${name} is not rendered here (pullcheck renders charts it finds through discover.manifests): add its images to the config`,
      );
    }
  }
}

/** A replacement target field that cannot change an image or an identity. */
const HARMLESS_FIELD = /^(metadata\.(labels|annotations)|data|binaryData|spec\.replicas)(\.|$)/;

function flagReplacements(kustomization: Kustomization, log: BuildLog): void {
  for (const { value, at } of kustomization.list('replacements')) {
    let replacement: unknown = value;
    const file = isRecord(value) ? nonEmpty(value['path']) : undefined;
    if (file) {
      const read = log.read(path.resolve(kustomization.dir, file));
      replacement = 'text' in read ? parsedAll(read.text) : undefined;
    }
    // Unreadable: what it writes is unknown, so it is flagged as writing anything.
    const fields = replacement === undefined ? ['(unread)'] : fieldPathsIn(replacement);
    const written = fields.filter((field) => !HARMLESS_FIELD.test(field));
    if (written.length === 0) continue;
    const what = written.some((field) => /image/i.test(field))
      ? 'an image'
      : `${written[0]!.slice(0, 80)}${written.length > 1 ? ', …' : ''}`;
    log.warn(
      kustomization.at(at),
      `replacements: a replacement that writes ${what} is not applied here: add the resulting image to the config, or ${EXACTLY}`,
    );
  }
}

function fieldPathsIn(value: unknown, depth = 0): string[] {
  if (depth > 20) return [];
  if (Array.isArray(value)) return value.flatMap((entry) => fieldPathsIn(entry, depth + 1));
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, entry]) =>
    key === 'fieldPaths' && Array.isArray(entry)
      ? entry.map(String)
      : key === 'fieldPath'
        ? [] // a source's fieldPath is read, not written
        : fieldPathsIn(entry, depth + 1),
  );
}

function flagSchemaFields(kustomization: Kustomization, log: BuildLog): void {
  const why: Record<string, string> = {
    crds: 'custom resource definitions change how patches merge the lists of custom resources and which of their fields name other objects',
    openapi: 'a schema changes how patches merge lists and which fields name other objects',
    configurations: 'custom field specs can make images, names and namespaces transform in other fields',
  };
  for (const [field, reason] of Object.entries(why)) {
    const value = kustomization.value[field];
    if (value === undefined || value === null) continue;
    log.warn(kustomization.at([field]), `${field}: not applied here (${reason}); ${EXACTLY}`);
  }
}

/** kustomize appends a content hash to a generated Secret's name, and follows it into imagePullSecrets. */
function flagPullSecretGenerators(
  kustomization: Kustomization,
  log: BuildLog,
  resources: readonly Resource[],
): void {
  const options = kustomization.value['generatorOptions'];
  const noHash = (value: unknown) => isRecord(value) && String(value['disableNameSuffixHash']) === 'true';
  if (noHash(options)) return;
  const pulledWith = new Set(resources.flatMap((resource) => pullSecretNames(resource.body)));
  for (const { value, at } of kustomization.list('secretGenerator')) {
    if (!isRecord(value) || noHash(value['options'])) continue;
    const name = nonEmpty(value['name']);
    const type = String(value['type'] ?? '');
    const isPullSecret = type === 'kubernetes.io/dockerconfigjson' || type === 'kubernetes.io/dockercfg';
    if (!name || (!isPullSecret && !pulledWith.has(name))) continue;
    log.warn(
      kustomization.at(at),
      `secretGenerator: ${name.slice(0, 80)} is not generated here, and the hash kustomize appends to its name (and to the imagePullSecrets naming it) is not computed: the pull secret is checked as ${name.slice(0, 80)}; ${EXACTLY}`,
    );
  }
}

function pullSecretNames(value: unknown, depth = 0): string[] {
  if (depth > 12) return [];
  if (Array.isArray(value)) return value.flatMap((entry) => pullSecretNames(entry, depth + 1));
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, entry]) =>
    key === 'imagePullSecrets' && Array.isArray(entry)
      ? entry.flatMap((secret) =>
          isRecord(secret) && typeof secret['name'] === 'string' ? [secret['name']] : [],
        )
      : pullSecretNames(entry, depth + 1),
  );
}

const LABEL_FIELDS = ['commonLabels', 'labels', 'commonAnnotations', 'buildMetadata'];

/**
 * Labels and annotations are not applied here, so a selector of a later patch may match other resources
 * than kustomize's. Labels of this kustomization apply after its own patches: only those read before count.
 */
function flagSelectorsAfterLabels(kustomization: Kustomization, log: BuildLog): void {
  if (log.labelsSkipped) {
    for (const { value, at } of kustomization.list('patches')) {
      const target = isRecord(value) ? value['target'] : undefined;
      if (!isRecord(target)) continue;
      for (const selector of ['labelSelector', 'annotationSelector']) {
        if (target[selector] === undefined) continue;
        log.warn(
          kustomization.at([...at, 'target', selector]),
          `patches: ${selector} is matched against labels and annotations as written: the ones commonLabels, labels or commonAnnotations add are not applied here; ${EXACTLY}`,
        );
      }
    }
  }
  if (LABEL_FIELDS.some((field) => kustomization.value[field] !== undefined)) log.labelsSkipped = true;
}

function parsedAll(text: string): unknown {
  try {
    return parseAllDocuments(text).map((document) => document.toJS() as unknown);
  } catch {
    return undefined;
  }
}

/** The kind of a builtin generator or transformer configuration (inline, or a file beside the kustomization). */
function builtinKind(value: unknown, dir: string, root: string): string | undefined {
  let documents: unknown[] = [];
  if (isRecord(value)) documents = [value];
  else if (typeof value === 'string' && !value.includes('\n')) {
    const read = readConfined(path.resolve(dir, value), root);
    // A transformer configuration is a few lines: a large file is not one to read for its kind.
    if (!('text' in read) || read.text.length > 64 * 1024) return undefined;
    const parsed = parsedAll(read.text);
    documents = Array.isArray(parsed) ? parsed : [];
  } else if (typeof value === 'string') {
    const parsed = parsedAll(value);
    documents = Array.isArray(parsed) ? parsed : [];
  }
  const builtin = documents.find((document) => isRecord(document) && document['apiVersion'] === 'builtin');
  // The kind is shown in a warning: only a name kustomize knows the shape of.
  const kind = isRecord(builtin) ? builtin['kind'] : undefined;
  return typeof kind === 'string' && /^[A-Za-z]{1,64}$/.test(kind) ? kind : undefined;
}
