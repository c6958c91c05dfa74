// `kustomize build DIR` (kustomize v5) as far as image and target discovery needs it: resources, bases and
// components; patches (strategic merge and JSON 6902); namespace; namePrefix/nameSuffix with the service
// account and image pull secret references that follow a rename; images. Labels, annotations, replicas and
// ConfigMap/Secret generators do not change which image a pod pulls, and are skipped; helm charts, generator
// and transformer plugins, and replacements that write images are skipped with a warning. Nothing here
// throws for a user's mistake: a problem is a warning at the file and line where it was written, and the
// build goes on with the rest, as discovery never stops the check.
// Semantics follow kustomize's sources: api/internal/target/kusttarget.go (order of the steps),
// api/filters/imagetag, api/filters/namespace, api/filters/nameref, api/internal/builtins.
import { readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import jsonpatch from 'fast-json-patch';
import { parseDocument } from 'yaml';
import {
  parseYamlSource,
  parseYamlStream,
  type ConfigPath,
  type YamlSource,
} from '../../core/config/yaml-source.ts';
import { ConfigError } from '../../core/errors.ts';
import { isRecord } from '../../providers/kubernetes/manifests/load.ts';
import {
  displayPath,
  problemsAsWarnings,
  readManifestFile,
  type DiscoveryWarning,
  type KubeObject,
  type ReadObjects,
} from './objects.ts';
import { strategicMerge } from './strategic-merge.ts';

export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

/** The kustomization file in `dir` (absolute), if there is one. */
export function kustomizationFileIn(dir: string): string | undefined {
  return kustomizationFilesIn(dir)[0];
}

export interface Kustomized extends ReadObjects {
  /** Every file (absolute path) the build read: kustomization files and resources, so a caller globbing the same tree does not read them twice. */
  readonly files: ReadonlySet<string>;
}

/** `kustomize build DIR` as far as discovery needs it: never throws for bad input; problems are warnings with file:line. */
export function renderKustomization(dir: string): Kustomized {
  const build = new Build();
  const built = build.directory(path.resolve(dir), [], 'root') ?? [];
  fixNameReferences(built);
  const objects = built.filter((resource) => !isLocalConfig(resource)).map(asKubeObject);
  return { objects, warnings: build.uniqueWarnings(), files: build.files };
}

type Json = Record<string, unknown>;

/** One resource of the build: a copy of what was written, transformed, and its history of names. */
interface Resource {
  body: Json;
  readonly origin: KubeObject;
  /** Kind, name and namespace before each rename or namespace change (kustomize's previous ids). */
  readonly previous: { kind: string; name: string; namespace: string }[];
  readonly prefixes: string[];
  readonly suffixes: string[];
}

interface ResId {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
}

interface Where {
  readonly file: string;
  readonly line?: number;
}

interface Kustomization {
  readonly dir: string;
  /** As messages show it. */
  readonly file: string;
  readonly value: Json;
  /** The value with every scalar a string as written (`newTag: 1.20` is "1.20"), parsed when needed. */
  literal(): Json;
  readonly source: YamlSource;
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

/** Where kustomize's nameReference config finds a pod spec's serviceAccountName (by referrer kind). */
const SERVICE_ACCOUNT_REFERRERS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** Where it finds imagePullSecrets (by referrer kind). */
const PULL_SECRET_REFERRERS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  ServiceAccount: [],
};

const NOT_A_NAMESPACE = '_non_namespaceable_';

class Build {
  readonly files = new Set<string>();
  private readonly warnings: DiscoveryWarning[] = [];
  private readonly manifests = new Map<string, KubeObject[]>();
  /** The kustomization directories being built, outermost first (real paths, for cycles). */
  private readonly stack: { real: string; file: string }[] = [];

  warn(where: Where, message: string): void {
    this.warnings.push(where.line === undefined ? { file: where.file, message } : { ...where, message });
  }

  uniqueWarnings(): DiscoveryWarning[] {
    const seen = new Set<string>();
    return this.warnings.filter((warning) => {
      const key = `${warning.file}\0${warning.line ?? ''}\0${warning.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /**
   * The resources of the kustomization in `dir`. A component adds to and transforms the resources of the
   * kustomization that lists it (`accumulated`); anything else starts empty. Undefined when it cannot be read.
   */
  directory(
    dir: string,
    accumulated: Resource[],
    role: 'root' | 'resource' | 'component',
    from?: { where: Where; entry: string },
  ): Resource[] | undefined {
    const here = from?.where ?? { file: displayPath(dir) };
    const candidates = kustomizationFilesIn(dir);
    const file = candidates[0];
    if (file === undefined) {
      const names = `${KUSTOMIZATION_FILES.slice(0, -1).join(', ')} or ${KUSTOMIZATION_FILES.at(-1)}`;
      this.warn(
        here,
        `${from ? from.entry : displayPath(dir)} is a directory without a kustomization file (${names})`,
      );
      return undefined;
    }
    const real = realPath(dir);
    const cycle = this.stack.findIndex((entered) => entered.real === real);
    if (cycle >= 0) {
      const chain = [...this.stack.slice(cycle).map((entered) => entered.file), displayPath(file)].join(
        ' → ',
      );
      this.warn(here, `${from?.entry ?? dir} includes itself (${chain}): this cycle is not followed`);
      return undefined;
    }
    if (candidates.length > 1) {
      this.warn(
        { file: displayPath(file) },
        `${displayPath(dir)} has several kustomization files (${candidates.map((c) => path.basename(c)).join(', ')}): kustomize refuses this; ${path.basename(file)} is read`,
      );
    }
    const kustomization = this.readKustomization(file);
    if (!kustomization) return undefined;
    const isComponent = kustomization.value['kind'] === 'Component';
    if (role === 'component' && !isComponent) {
      this.warn(here, `${from?.entry} is not a component: its kustomization needs kind: Component`);
      return undefined;
    }
    if (role === 'resource' && isComponent) {
      this.warn(
        here,
        `${from?.entry} is a component (kind: Component): list it under components, not resources`,
      );
      return undefined;
    }
    this.stack.push({ real, file: kustomization.file });
    try {
      let resources = role === 'component' ? accumulated : [];
      resources = this.resources(kustomization, resources);
      this.notRendered(kustomization);
      resources = this.components(kustomization, resources);
      return this.transform(kustomization, resources);
    } finally {
      this.stack.pop();
    }
  }

  private readKustomization(absolute: string): Kustomization | undefined {
    const file = displayPath(absolute);
    this.files.add(absolute);
    let text: string;
    try {
      text = readFileSync(absolute, 'utf8');
    } catch (error) {
      this.warn(
        { file },
        `cannot read the kustomization (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
      );
      return undefined;
    }
    let source: YamlSource;
    try {
      source = parseYamlSource(text, file);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      this.warnings.push(...problemsAsWarnings(error, 'kustomization not read: '));
      return undefined;
    }
    let value: unknown;
    try {
      value = source.takeValue();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      this.warnings.push(...problemsAsWarnings(error, 'kustomization not read: '));
      return undefined;
    }
    const dir = path.dirname(absolute);
    if (!isRecord(value)) {
      if (value !== undefined && value !== null) {
        this.warn({ file, line: source.locate([]).line }, 'kustomization not read: expected a map of fields');
      }
      return { dir, file, value: {}, literal: () => ({}), source };
    }
    let literal: Json | undefined;
    const parseLiteral = (): Json => {
      try {
        return (literal ??= record(parseDocument(text, { schema: 'failsafe' }).toJS({ maxAliasCount: 100 })));
      } catch {
        return (literal = {});
      }
    };
    return { dir, file, value, literal: parseLiteral, source };
  }

  private at(kustomization: Kustomization, at: ConfigPath): Where {
    return { file: kustomization.file, line: kustomization.source.locate(at).line };
  }

  /** The entries of a list field, with their paths; a field that is not a list is a warning. */
  private list(kustomization: Kustomization, field: string): { value: unknown; at: ConfigPath }[] {
    const value = kustomization.value[field];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.warn(this.at(kustomization, [field]), `${field}: expected a list; the field is skipped`);
      return [];
    }
    return value.map((entry, i) => ({ value: entry, at: [field, i] }));
  }

  private resources(kustomization: Kustomization, accumulated: Resource[]): Resource[] {
    const entries = [...this.list(kustomization, 'resources'), ...this.list(kustomization, 'bases')];
    const resources: Resource[] = [];
    for (const { value, at } of entries) {
      const where = this.at(kustomization, at);
      if (typeof value !== 'string' || value === '') {
        this.warn(where, `${at[0]}: expected a path`);
        continue;
      }
      const absolute = path.resolve(kustomization.dir, value);
      const stats = statOf(absolute);
      if (!stats) {
        this.warn(
          where,
          isRemote(value)
            ? `remote resource ${value} is not read: add its images to the config`
            : `${value} does not exist (paths are relative to ${displayPath(kustomization.dir) || '.'})`,
        );
      } else if (stats.isDirectory()) {
        const built = this.directory(absolute, [], 'resource', { where, entry: value });
        if (built) resources.push(...built);
      } else {
        resources.push(...this.manifest(absolute).map(fromObject));
      }
    }
    return this.append(accumulated, resources);
  }

  private components(kustomization: Kustomization, resources: Resource[]): Resource[] {
    for (const { value, at } of this.list(kustomization, 'components')) {
      const where = this.at(kustomization, at);
      if (typeof value !== 'string' || value === '') {
        this.warn(where, 'components: expected a path');
        continue;
      }
      const absolute = path.resolve(kustomization.dir, value);
      const stats = statOf(absolute);
      if (!stats) {
        this.warn(
          where,
          isRemote(value)
            ? `remote component ${value} is not read: add its images to the config`
            : `${value} does not exist (paths are relative to ${displayPath(kustomization.dir) || '.'})`,
        );
      } else if (!stats.isDirectory()) {
        this.warn(
          where,
          `${value} is a file: a component is a directory with a kustomization of kind Component`,
        );
      } else {
        resources = this.directory(absolute, resources, 'component', { where, entry: value }) ?? resources;
      }
    }
    return resources;
  }

  /** What kustomize would run here that could add or change images, and this build does not. */
  private notRendered(kustomization: Kustomization): void {
    for (const field of ['generators', 'transformers']) {
      for (const { at } of this.list(kustomization, field)) {
        this.warn(
          this.at(kustomization, at),
          `${field}: plugins are not run here: add the images they produce to the config`,
        );
      }
    }
    for (const { value, at } of this.list(kustomization, 'replacements')) {
      let text = JSON.stringify(value);
      const file = isRecord(value) ? nonEmpty(value['path']) : undefined;
      if (file) {
        try {
          text = readFileSync(path.resolve(kustomization.dir, file), 'utf8');
          this.files.add(path.resolve(kustomization.dir, file));
        } catch {
          text = '';
        }
      }
      if (/fieldPaths?[\s\S]*image/.test(text)) {
        this.warn(
          this.at(kustomization, at),
          'replacements: a replacement that writes an image is not applied here: add the resulting image to the config',
        );
      }
    }
    this.helmCharts(kustomization);
  }

  private helmCharts(kustomization: Kustomization): void {
    for (const field of ['helmCharts', 'helmChartInflationGenerator']) {
      for (const { value, at } of this.list(kustomization, field)) {
        const name = isRecord(value) && typeof value['name'] === 'string' ? ` ${value['name']}` : '';
        this.warn(
          this.at(kustomization, at),
          `${field}: chart${name} is not rendered here (pullcheck renders charts it finds through discover.manifests): add its images to the config`,
        );
      }
    }
  }

  /** A manifest file's objects, read once per build. */
  private manifest(absolute: string): KubeObject[] {
    let objects = this.manifests.get(absolute);
    if (!objects) {
      this.files.add(absolute);
      const read = readManifestFile(absolute);
      this.warnings.push(...read.warnings);
      objects = read.objects;
      this.manifests.set(absolute, objects);
    }
    return objects;
  }

  /** `resources` with `added` after them; an id already there is a warning (kustomize refuses it). */
  private append(resources: Resource[], added: readonly Resource[]): Resource[] {
    const ids = new Set(resources.map((resource) => idKey(currentId(resource))));
    for (const resource of added) {
      const key = idKey(currentId(resource));
      if (ids.has(key)) {
        const where = resource.origin.locate(['metadata', 'name']);
        this.warn(
          { file: where.file, line: where.line },
          `${describe(resource)} is already in the build (kustomize refuses a second resource with the same kind, name and namespace)`,
        );
      }
      ids.add(key);
    }
    return [...resources, ...added];
  }

  // ---- transformers, in kustomize's order (kusttarget_configplugin.go configureBuiltinTransformers) ----

  private transform(kustomization: Kustomization, resources: Resource[]): Resource[] {
    resources = this.patchesStrategicMerge(kustomization, resources);
    resources = this.patches(kustomization, resources);
    setNamespace(kustomization.value['namespace'], resources);
    const prefix = kustomization.value['namePrefix'];
    if (typeof prefix === 'string' && prefix) rename(resources, prefix, '');
    const suffix = kustomization.value['nameSuffix'];
    if (typeof suffix === 'string' && suffix) rename(resources, '', suffix);
    resources = this.patchesJson6902(kustomization, resources);
    this.images(kustomization, resources);
    return resources;
  }

  private patchesStrategicMerge(kustomization: Kustomization, resources: Resource[]): Resource[] {
    for (const { value, at } of this.list(kustomization, 'patchesStrategicMerge')) {
      const where = this.at(kustomization, at);
      if (typeof value !== 'string' || value === '') {
        this.warn(where, 'patchesStrategicMerge: expected a file path or an inline patch');
        continue;
      }
      // An entry is the patch itself when it reads as objects, else a file (kustomize tries it that way round).
      const inline = isInlineObject(value);
      const patch = this.loadPatch(kustomization, where, inline ? { text: value } : { path: value });
      if (!patch) continue;
      for (const document of patch.documents) {
        if (!isRecord(document.value)) {
          this.warn(document.where, 'a strategic merge patch must be a Kubernetes object');
          continue;
        }
        resources = this.mergeById(resources, document.value, document.where, {});
      }
    }
    return resources;
  }

  private patches(kustomization: Kustomization, resources: Resource[]): Resource[] {
    for (const { value, at } of this.list(kustomization, 'patches')) {
      const where = this.at(kustomization, at);
      if (!isRecord(value)) {
        this.warn(where, 'patches: expected a map with path or patch');
        continue;
      }
      const text = nonEmpty(value['patch']);
      const file = nonEmpty(value['path']);
      if (!text === !file) {
        this.warn(where, `patches: give one of path and patch${text ? ', not both' : ''}`);
        continue;
      }
      const patch = this.loadPatch(
        kustomization,
        text ? this.at(kustomization, [...at, 'patch']) : this.at(kustomization, [...at, 'path']),
        text ? { text } : { path: file as string },
      );
      if (!patch) continue;
      const options = isRecord(value['options']) ? value['options'] : {};
      const allow = {
        name: String(options['allowNameChange']) === 'true',
        kind: String(options['allowKindChange']) === 'true',
      };
      const target = value['target'];
      const targetWhere = this.at(kustomization, [...at, 'target']);
      const first = patch.documents[0];
      if (!first) continue;
      if (Array.isArray(first.value)) {
        if (!isRecord(target)) {
          this.warn(where, 'patches: a JSON patch (a list of operations) needs a target');
          continue;
        }
        const selected = this.select(resources, target, targetWhere);
        for (const resource of selected) {
          storePreviousId(resource);
          this.applyJsonPatch(resource, first.value, first);
        }
        continue;
      }
      const objects = patch.documents.filter((document) => {
        if (isRecord(document.value)) return true;
        this.warn(
          document.where,
          'a strategic merge patch must be a map (or a JSON patch, a list of operations)',
        );
        return false;
      });
      if (isRecord(target)) {
        const only = objects[0];
        if (objects.length > 1 || !only) {
          if (objects.length > 1) {
            this.warn(
              where,
              'patches: one entry with a target takes a single strategic merge patch, not several',
            );
          }
          continue;
        }
        const selected = new Set(this.select(resources, target, targetWhere));
        resources = resources.filter(
          (resource) => !selected.has(resource) || mergeInto(resource, only.value as Json, allow),
        );
      } else {
        for (const document of objects) {
          resources = this.mergeById(resources, document.value as Json, document.where, allow);
        }
      }
    }
    return resources;
  }

  private patchesJson6902(kustomization: Kustomization, resources: Resource[]): Resource[] {
    for (const { value, at } of this.list(kustomization, 'patchesJson6902')) {
      const where = this.at(kustomization, at);
      if (!isRecord(value) || !isRecord(value['target']) || !nonEmpty(value['target']['name'])) {
        this.warn(where, 'patchesJson6902: each entry needs a target with a name, and a path or patch');
        continue;
      }
      const text = nonEmpty(value['patch']);
      const file = nonEmpty(value['path']);
      if (!text === !file) {
        this.warn(where, `patchesJson6902: give one of path and patch${text ? ', not both' : ''}`);
        continue;
      }
      const patch = this.loadPatch(
        kustomization,
        text ? this.at(kustomization, [...at, 'patch']) : this.at(kustomization, [...at, 'path']),
        text ? { text } : { path: file as string },
      );
      const first = patch?.documents[0];
      if (!first) continue;
      if (!Array.isArray(first.value)) {
        this.warn(first.where, 'a JSON 6902 patch must be a list of operations');
        continue;
      }
      for (const resource of this.select(
        resources,
        value['target'],
        this.at(kustomization, [...at, 'target']),
      )) {
        this.applyJsonPatch(resource, first.value, first);
      }
    }
    return resources;
  }

  private images(kustomization: Kustomization, resources: readonly Resource[]): void {
    const rules: ImageRule[] = [];
    for (const field of ['images', 'imageTags']) {
      for (const { value, at } of this.list(kustomization, field)) {
        const name = isRecord(value) ? nonEmpty(value['name']) : undefined;
        if (!isRecord(value) || !name) {
          this.warn(
            this.at(kustomization, at),
            `${field}: each entry needs the name of the image it changes`,
          );
          continue;
        }
        const fields: Record<string, string | undefined> = {};
        for (const key of ['newName', 'newTag', 'digest', 'tagSuffix']) {
          const written = value[key];
          if (written === undefined || written === null || typeof written === 'string') {
            fields[key] = nonEmpty(written);
            continue;
          }
          // As written: YAML reads `newTag: 1.20` as the number 1.2.
          const literal = record(asList(kustomization.literal()[field])[at[1] as number])[key];
          fields[key] = nonEmpty(literal) ?? String(written);
          this.warn(
            this.at(kustomization, [...at, key]),
            `${field}: ${key} ${fields[key]} is not a string: kustomize refuses it (quote it: "${fields[key]}")`,
          );
        }
        rules.push({
          name,
          newName: fields['newName'],
          newTag: fields['newTag'],
          digest: fields['digest'],
          tagSuffix: fields['tagSuffix'],
        });
      }
    }
    if (rules.length === 0) return;
    for (const resource of resources) {
      if (resource.body['kind'] === 'CustomResourceDefinition') continue;
      forEachImage(resource.body, (image) => rules.reduce((current, rule) => retag(current, rule), image));
    }
  }

  // ---- patches ----

  /** A patch's documents from a file (positions in it) or inline text (the kustomization entry's position). */
  private loadPatch(
    kustomization: Kustomization,
    where: Where,
    from: { path: string } | { text: string },
  ): { documents: PatchDocument[] } | undefined {
    let text: string;
    let file: string;
    let inline = false;
    if ('path' in from) {
      const absolute = path.resolve(kustomization.dir, from.path);
      try {
        text = readFileSync(absolute, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        this.warn(
          where,
          code === 'ENOENT'
            ? `patch ${from.path} does not exist (paths are relative to ${displayPath(kustomization.dir) || '.'})`
            : `cannot read the patch ${from.path} (${code ?? 'unreadable'})`,
        );
        return undefined;
      }
      this.files.add(absolute);
      file = displayPath(absolute);
    } else {
      text = from.text;
      file = where.file;
      inline = true;
    }
    let sources: YamlSource[];
    try {
      sources = parseYamlStream(text, file);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      if (inline) this.warn(where, 'patch not read: YAML syntax error in the inline patch');
      else this.warnings.push(...problemsAsWarnings(error, 'patch not read: '));
      return undefined;
    }
    const documents: PatchDocument[] = [];
    for (const source of sources) {
      let value: unknown;
      try {
        value = source.takeValue();
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        const warnings = problemsAsWarnings(error, 'patch not read: ');
        this.warnings.push(...(inline ? warnings.map((warning) => ({ ...warning, ...where })) : warnings));
        return undefined;
      }
      if (value === null || value === undefined) continue;
      documents.push(
        inline
          ? { value, where, whereOf: () => where }
          : {
              value,
              where: { file, line: source.locate([]).line },
              whereOf: (at) => ({ file, line: source.locate(at).line }),
            },
      );
    }
    if (documents.length === 0) this.warn(where, 'the patch is empty');
    return { documents };
  }

  /** A strategic merge patch applied to the resource with its kind, name and namespace. */
  private mergeById(
    resources: Resource[],
    patch: Json,
    where: Where,
    allow: { name?: boolean; kind?: boolean },
  ): Resource[] {
    const id = idOf(patch);
    if (!id.kind || !id.name) {
      this.warn(
        where,
        'a strategic merge patch needs apiVersion, kind and metadata.name to find its resource',
      );
      return resources;
    }
    const matches = new Set(
      resources.filter((resource) => allIds(resource).some((candidate) => idEquals(candidate, id))),
    );
    if (matches.size === 0) {
      const namespace = id.namespace ? ` in namespace ${id.namespace}` : '';
      this.warn(where, `the patch of ${id.kind} ${id.name}${namespace} matches no resource of the build`);
      return resources;
    }
    return resources.filter((resource) => !matches.has(resource) || mergeInto(resource, patch, allow));
  }

  private applyJsonPatch(resource: Resource, operations: readonly unknown[], patch: PatchDocument): void {
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
        this.warn(
          patch.whereOf([index]),
          `JSON patch not applied to ${describe(resource)}: ${said}; the resource is left as it was`,
        );
        return;
      }
    }
    if (!isRecord(patched)) {
      this.warn(patch.where, `JSON patch not applied to ${describe(resource)}: it does not leave an object`);
      return;
    }
    resource.body = patched;
  }

  /** The resources a patch target selects (kustomize resmap Select); a target that selects none is a warning. */
  private select(resources: readonly Resource[], target: Json, where: Where): Resource[] {
    const patterns: Partial<Record<'group' | 'version' | 'kind' | 'name' | 'namespace', RegExp>> = {};
    for (const field of ['group', 'version', 'kind', 'name', 'namespace'] as const) {
      const text = nonEmpty(target[field]);
      if (!text) continue;
      try {
        patterns[field] = new RegExp(`^(?:${text})$`);
      } catch {
        this.warn(where, `target ${field}: ${text} is not a valid regular expression`);
        return [];
      }
    }
    const labels = parseSelector(target['labelSelector']);
    const annotations = parseSelector(target['annotationSelector']);
    if (!labels || !annotations) {
      this.warn(where, `target ${labels ? 'annotationSelector' : 'labelSelector'} cannot be read`);
      return [];
    }
    const selected = resources.filter((resource) => {
      const current = currentId(resource);
      const original = originalId(resource);
      const { namespace, name, group, version, kind } = patterns;
      if (
        namespace &&
        !namespace.test(effectiveNamespace(original)) &&
        !namespace.test(effectiveNamespace(current))
      ) {
        return false;
      }
      if (name && !name.test(original.name) && !name.test(current.name)) return false;
      if (group && !group.test(current.group)) return false;
      if (version && !version.test(current.version)) return false;
      if (kind && !kind.test(current.kind)) return false;
      const metadata = record(resource.body['metadata']);
      return labels(stringMap(metadata['labels'])) && annotations(stringMap(metadata['annotations']));
    });
    if (selected.length === 0) {
      const shown = ['group', 'version', 'kind', 'name', 'namespace', 'labelSelector', 'annotationSelector']
        .filter((field) => nonEmpty(target[field]))
        .map((field) => `${field}: ${String(target[field])}`)
        .join(', ');
      this.warn(where, `the patch target {${shown}} matches no resource of the build`);
    }
    return selected;
  }
}

interface PatchDocument {
  readonly value: unknown;
  readonly where: Where;
  /** Where a path inside this document was written (an operation of a JSON patch: [index]). */
  whereOf(at: ConfigPath): Where;
}

/** Applies a strategic merge patch; false when the patch deletes the resource. */
function mergeInto(resource: Resource, patch: Json, allow: { name?: boolean; kind?: boolean }): boolean {
  const before = currentId(resource);
  const apiVersion = resource.body['apiVersion'];
  const namespace = record(resource.body['metadata'])['namespace'];
  if (allow.name || allow.kind) storePreviousId(resource);
  const merged = strategicMerge(resource.body, patch);
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

// ---- namespace, names ----

function setNamespace(value: unknown, resources: readonly Resource[]): void {
  if (typeof value !== 'string' || !value) return;
  for (const resource of resources) {
    storePreviousId(resource);
    const id = currentId(resource);
    const metadata = ensureMetadata(resource);
    if (!isClusterScoped(id)) metadata['namespace'] = value;
    // api/internal/konfig/builtinpluginconsts/namespace.go: a v1 Namespace takes the name.
    if (id.kind === 'Namespace' && resource.body['apiVersion'] === 'v1') metadata['name'] = value;
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

function rename(resources: readonly Resource[], prefix: string, suffix: string): void {
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

/**
 * References to renamed objects of the build follow the rename (api/filters/nameref, with the
 * nameReference config for ServiceAccount and Secret): serviceAccountName, imagePullSecrets, and
 * (Cluster)RoleBinding subjects. Done once, after the whole build, as kustomize does.
 */
function fixNameReferences(resources: readonly Resource[]): void {
  const accounts = resources.filter((resource) => isV1(resource, 'ServiceAccount'));
  const secrets = resources.filter((resource) => isV1(resource, 'Secret'));
  if (accounts.length === 0 && secrets.length === 0) return;
  for (const referrer of resources) {
    const kind = currentId(referrer).kind;
    const accountPath = SERVICE_ACCOUNT_REFERRERS[kind];
    if (accountPath && accounts.length > 0) {
      const spec = dig(referrer.body, accountPath);
      const name = spec?.['serviceAccountName'];
      if (spec && typeof name === 'string') {
        const referral = selectReferral(referrer, name, accounts, sameName);
        if (referral) spec['serviceAccountName'] = nameOf(referral);
      }
    }
    const secretPath = PULL_SECRET_REFERRERS[kind];
    if (secretPath && secrets.length > 0 && (kind !== 'Pod' || referrer.body['apiVersion'] === 'v1')) {
      const pullSecrets = dig(referrer.body, secretPath)?.['imagePullSecrets'];
      for (const entry of Array.isArray(pullSecrets) ? pullSecrets : []) {
        if (!isRecord(entry) || typeof entry['name'] !== 'string') continue;
        const referral = selectReferral(referrer, entry['name'], secrets, sameName);
        if (referral) entry['name'] = nameOf(referral);
      }
    }
    const group = currentId(referrer).group;
    if ((kind === 'RoleBinding' || kind === 'ClusterRoleBinding') && group === 'rbac.authorization.k8s.io') {
      const subjects = referrer.body['subjects'];
      for (const subject of Array.isArray(subjects) ? subjects : []) {
        if (isRecord(subject) && typeof subject['name'] === 'string' && accounts.length > 0) {
          fixSubject(referrer, subject, resources, accounts);
        }
      }
    }
  }
}

function fixSubject(
  referrer: Resource,
  subject: Json,
  all: readonly Resource[],
  accounts: readonly Resource[],
): void {
  const name = subject['name'] as string;
  let candidates = accounts;
  const namespace = subject['namespace'];
  if (typeof namespace === 'string') {
    // nameref filterMapCandidatesByNamespace: by original namespace when any resource had it, else current.
    const original = all.some((resource) => namespaceOf(originalId(resource)) === namespace);
    candidates = accounts.filter(
      (account) => namespaceOf(original ? originalId(account) : currentId(account)) === namespace,
    );
  }
  const referral = selectReferral(referrer, name, candidates, sameNameAndNamespace);
  if (!referral) return;
  const referralNamespace = record(referral.body['metadata'])['namespace'];
  if (nameOf(referral) === name && !referralNamespace) return;
  subject['name'] = nameOf(referral);
  if (typeof referralNamespace === 'string' && referralNamespace) subject['namespace'] = referralNamespace;
}

/** The namespace a resource id is grouped by (cluster-scoped ones by none). */
function namespaceOf(id: ResId): string | undefined {
  const namespace = effectiveNamespace(id);
  return namespace === NOT_A_NAMESPACE ? undefined : namespace;
}

/** nameref selectReferral: the one renamed candidate the reference means, if it is clear. */
function selectReferral(
  referrer: Resource,
  oldName: string,
  candidates: readonly Resource[],
  identical: (resources: readonly Resource[]) => boolean,
): Resource | undefined {
  const referrerId = currentId(referrer);
  let found = candidates.filter(
    (candidate) =>
      candidate.previous.some((id) => id.name === oldName) &&
      (isClusterScoped(referrerId) ||
        isClusterScoped(currentId(candidate)) ||
        currentId(candidate).kind === 'ServiceAccount' ||
        effectiveNamespace(currentId(candidate)) === effectiveNamespace(referrerId)),
  );
  if (found.length === 1) return found[0];
  found = found.filter((candidate) => affixesMatch(candidate, referrer, true));
  if (found.length > 1) found = found.filter((candidate) => affixesMatch(candidate, referrer, false));
  if (found.length === 1 || (found.length > 1 && identical(found))) return found[0];
  return undefined;
}

function sameName(resources: readonly Resource[]): boolean {
  return resources.every((resource) => nameOf(resource) === nameOf(resources[0] as Resource));
}

function sameNameAndNamespace(resources: readonly Resource[]): boolean {
  const first = currentId(resources[0] as Resource);
  return resources.every((resource) => {
    const id = currentId(resource);
    return id.name === first.name && id.namespace === first.namespace;
  });
}

/** kustomize Resource.PrefixesSuffixesEquals. */
function affixesMatch(a: Resource, b: Resource, allowEmpty: boolean): boolean {
  const matches = (x: readonly string[], y: readonly string[]) =>
    (allowEmpty && (x.length === 0 || y.length === 0)) || sameEnding(x, y);
  return matches(a.prefixes, b.prefixes) && matches(a.suffixes, b.suffixes);
}

function sameEnding(a: readonly string[], b: readonly string[]): boolean {
  const [shortest, longest] = a.length <= b.length ? [a, b] : [b, a];
  if (shortest.length === 0) return longest.length === 0;
  const offset = longest.length - shortest.length;
  return shortest.every((entry, i) => longest[i + offset] === entry);
}

// ---- images ----

interface ImageRule {
  readonly name: string;
  readonly newName: string | undefined;
  readonly newTag: string | undefined;
  readonly digest: string | undefined;
  readonly tagSuffix: string | undefined;
}

/** The image after one `images` entry (api/filters/imagetag/updater.go), or as it was when it does not match. */
function retag(image: string, rule: ImageRule): string {
  if (!imageMatches(image, rule.name)) return image;
  let { name, tag, digest } = splitImage(image);
  if (rule.newName) name = rule.newName;
  if (rule.newTag && rule.digest) {
    tag = rule.newTag;
    digest = rule.digest;
  } else if (rule.newTag) {
    tag = rule.newTag;
    digest = '';
  } else if (rule.digest) {
    tag = '';
    digest = rule.digest;
  } else if (rule.tagSuffix) {
    tag += rule.tagSuffix;
    digest = '';
  }
  return `${name}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
}

const TAG_AND_DIGEST = /^(?::[a-zA-Z0-9_.{}-]*)?(?:@[a-zA-Z0-9]+(?:[.+_-][a-zA-Z0-9]+)*:[a-zA-Z0-9_.{}-]*)?$/;

/** kustomize image.IsImageMatched: the image is `name`, optionally followed by a tag and/or a digest. */
function imageMatches(image: string, name: string): boolean {
  return image.startsWith(name) && TAG_AND_DIGEST.test(image.slice(name.length));
}

/** kustomize image.Split: name, tag and digest; a registry's port (host:5000/…) is part of the name. */
function splitImage(image: string): { name: string; tag: string; digest: string } {
  const slash = image.indexOf('/');
  const from = slash > 0 ? slash : 0;
  const search = image.slice(from);
  const at = search.indexOf('@');
  const colon = search.indexOf(':');
  if (colon < 0 && at < 0) return { name: image, tag: '', digest: '' };
  if (at >= 0 && (at < colon || colon < 0)) {
    return { name: image.slice(0, from + at), tag: '', digest: image.slice(from + at + 1) };
  }
  if (at >= 0) {
    return {
      name: image.slice(0, from + colon),
      tag: image.slice(from + colon + 1, from + at),
      digest: image.slice(from + at + 1),
    };
  }
  return { name: image.slice(0, from + colon), tag: image.slice(from + colon + 1), digest: '' };
}

/**
 * Every image the images transformer rewrites (ImageTagTransformer: its legacy filter, the `image` of
 * each entry of any `containers` or `initContainers` list anywhere in the object, and the fieldSpecs
 * spec/volumes[]/image/reference and spec/template/spec/volumes[]/image/reference).
 */
function forEachImage(body: Json, rewrite: (image: string) => string): void {
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const entry of node) walk(entry);
      return;
    }
    if (!isRecord(node)) return;
    for (const [key, value] of Object.entries(node)) {
      walk(value);
      if ((key === 'containers' || key === 'initContainers') && Array.isArray(value)) {
        for (const container of value) {
          if (isRecord(container) && typeof container['image'] === 'string') {
            container['image'] = rewrite(container['image']);
          }
        }
      }
    }
  };
  walk(body);
  for (const specPath of [['spec'], ['spec', 'template', 'spec']]) {
    const volumes = dig(body, specPath)?.['volumes'];
    for (const volume of Array.isArray(volumes) ? volumes : []) {
      const image = isRecord(volume) && isRecord(volume['image']) ? volume['image'] : undefined;
      if (image && typeof image['reference'] === 'string') image['reference'] = rewrite(image['reference']);
    }
  }
}

// ---- ids ----

function fromObject(object: KubeObject): Resource {
  return {
    body: structuredClone(object.body) as Json,
    origin: object,
    previous: [],
    prefixes: [],
    suffixes: [],
  };
}

function asKubeObject(resource: Resource): KubeObject {
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

function idOf(body: Json): ResId {
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

function currentId(resource: Resource): ResId {
  return idOf(resource.body);
}

/** The ids the resource had (kustomize PrevIds: the group and version are today's). */
function previousIds(resource: Resource): ResId[] {
  const { group, version } = currentId(resource);
  return resource.previous.map((id) => ({ group, version, ...id }));
}

function allIds(resource: Resource): ResId[] {
  return [...previousIds(resource), currentId(resource)];
}

function originalId(resource: Resource): ResId {
  return previousIds(resource)[0] ?? currentId(resource);
}

function storePreviousId(resource: Resource): void {
  const id = currentId(resource);
  resource.previous.push({ kind: id.kind, name: id.name, namespace: effectiveNamespace(id) });
}

function isClusterScoped(id: Pick<ResId, 'group' | 'kind'>): boolean {
  return CLUSTER_SCOPED.has(`${id.group}/${id.kind}`);
}

function effectiveNamespace(id: ResId): string {
  if (isClusterScoped(id)) return NOT_A_NAMESPACE;
  return id.namespace === '' ? 'default' : id.namespace;
}

function idEquals(a: ResId, b: ResId): boolean {
  return (
    a.name === b.name &&
    a.kind === b.kind &&
    a.group === b.group &&
    a.version === b.version &&
    effectiveNamespace(a) === effectiveNamespace(b)
  );
}

function idKey(id: ResId): string {
  return [id.group, id.version, id.kind, effectiveNamespace(id), id.name].join('\0');
}

function isV1(resource: Resource, kind: string): boolean {
  return resource.body['kind'] === kind && resource.body['apiVersion'] === 'v1';
}

function nameOf(resource: Resource): string {
  return currentId(resource).name;
}

function describe(resource: Resource): string {
  const id = currentId(resource);
  return `${id.kind} ${id.name || '(unnamed)'}`;
}

function isLocalConfig(resource: Resource): boolean {
  const annotations = record(record(resource.body['metadata'])['annotations']);
  return String(annotations['config.kubernetes.io/local-config']) === 'true';
}

// ---- selectors ----

/** A Kubernetes label selector (`k=v,k2!=v2,k3 in (a,b),!k4`); undefined when it cannot be read. */
function parseSelector(value: unknown): ((labels: Readonly<Record<string, string>>) => boolean) | undefined {
  if (value === undefined || value === '') return () => true;
  if (typeof value !== 'string') return undefined;
  const requirements: ((labels: Readonly<Record<string, string>>) => boolean)[] = [];
  for (const part of value.split(/,(?![^(]*\))/)) {
    const text = part.trim();
    let match: RegExpExecArray | null;
    if ((match = /^!\s*([\w./-]+)$/.exec(text))) {
      const key = match[1] as string;
      requirements.push((labels) => !(key in labels));
    } else if ((match = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(text))) {
      const [, key = '', operator, list = ''] = match;
      const values = new Set(list.split(',').map((entry) => entry.trim()));
      requirements.push((labels) =>
        operator === 'in'
          ? key in labels && values.has(labels[key] as string)
          : !values.has(labels[key] as string),
      );
    } else if ((match = /^([\w./-]+)\s*(==|=|!=)\s*([\w./-]*)$/.exec(text))) {
      const [, key = '', operator, expected = ''] = match;
      requirements.push((labels) =>
        operator === '!=' ? labels[key] !== expected : labels[key] === expected,
      );
    } else if ((match = /^([\w./-]+)$/.exec(text))) {
      const key = match[1] as string;
      requirements.push((labels) => key in labels);
    } else {
      return undefined;
    }
  }
  return (labels) => requirements.every((requirement) => requirement(labels));
}

// ---- small helpers ----

function kustomizationFilesIn(dir: string): string[] {
  return KUSTOMIZATION_FILES.map((name) => path.join(dir, name)).filter((file) => statOf(file)?.isFile());
}

function statOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function realPath(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}

/** kustomize reads these as remote targets (git URLs, go-getter style, http(s) files). */
function isRemote(entry: string): boolean {
  return (
    entry.includes('://') ||
    entry.startsWith('github.com/') ||
    entry.startsWith('git@') ||
    entry.startsWith('git::') ||
    /[?&]ref=/.test(entry)
  );
}

/** A patchesStrategicMerge entry that is the patch itself rather than a file name. */
function isInlineObject(entry: string): boolean {
  if (!entry.includes(':')) return false;
  try {
    return parseYamlStream(entry, '').some((source) => isRecord(source.takeValue()));
  } catch {
    return false;
  }
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function record(value: unknown): Json {
  return isRecord(value) ? value : {};
}

function stringMap(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, entry] of Object.entries(record(value))) result[key] = String(entry);
  return result;
}

function ensureMetadata(resource: Resource): Json {
  const metadata = resource.body['metadata'];
  if (isRecord(metadata)) return metadata;
  const created: Json = {};
  resource.body['metadata'] = created;
  return created;
}

function dig(body: Json, at: readonly string[]): Json | undefined {
  let node: unknown = body;
  for (const key of at) {
    if (!isRecord(node)) return undefined;
    node = node[key];
  }
  return isRecord(node) ? node : undefined;
}
