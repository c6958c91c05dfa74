// One kustomization directory built into its resources, as api/internal/target/kusttarget.go builds it:
// resources, bases and components gathered (following cycles and mistakes with a warning, never a throw),
// then the transformers run in kustomize's order, since a patch or rename applied out of order would
// not give the images and names that `kustomize build` gives.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { isInside, shownPath } from '../../../core/config/read-file.ts';
import { displayPath, readManifestFile, type KubeObject } from '../objects.ts';
import { applyImages } from './images.ts';
import { flagInexact } from './exactness.ts';
import {
  KUSTOMIZATION_FILES,
  kustomizationFilesIn,
  readKustomization,
  statOf,
  type Entry,
  type Kustomization,
} from './kustomization.ts';
import { BuildLog, type Where } from './log.ts';
import { rename, setNamespace } from './names.ts';
import { applyPatches, applyPatchesJson6902, applyPatchesStrategicMerge } from './patches.ts';
import { currentId, describe, fromObject, idKey, type Resource } from './resource-id.ts';

export class Build {
  readonly log: BuildLog;
  private readonly manifests = new Map<string, KubeObject[]>();
  /** The kustomization directories being built, outermost first (real paths, for cycles). */
  private readonly stack: { real: string; file: string }[] = [];

  /** `root`: the repository (a real path); the build reads nothing outside it. */
  constructor(private readonly root: string) {
    this.log = new BuildLog(root);
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
      this.log.warn(
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
      this.log.warn(here, `${from?.entry ?? dir} includes itself (${chain}): this cycle is not followed`);
      return undefined;
    }
    if (candidates.length > 1) {
      this.log.warn(
        { file: displayPath(file) },
        `${displayPath(dir)} has several kustomization files (${candidates.map((c) => path.basename(c)).join(', ')}): kustomize refuses this; ${path.basename(file)} is read`,
      );
    }
    const kustomization = readKustomization(file, this.log);
    if (!kustomization) return undefined;
    const isComponent = kustomization.value['kind'] === 'Component';
    if (role === 'component' && !isComponent) {
      this.log.warn(here, `${from?.entry} is not a component: its kustomization needs kind: Component`);
      return undefined;
    }
    if (role === 'resource' && isComponent) {
      this.log.warn(
        here,
        `${from?.entry} is a component (kind: Component): list it under components, not resources`,
      );
      return undefined;
    }
    this.stack.push({ real, file: kustomization.file });
    try {
      let resources = role === 'component' ? accumulated : [];
      resources = this.resources(kustomization, resources);
      resources = this.components(kustomization, resources);
      flagInexact(kustomization, this.log, this.root, resources);
      return this.transform(kustomization, resources);
    } finally {
      this.stack.pop();
    }
  }

  private resources(kustomization: Kustomization, accumulated: Resource[]): Resource[] {
    const entries = [...kustomization.list('resources'), ...kustomization.list('bases')];
    const resources: Resource[] = [];
    for (const entry of entries) {
      const found = this.pathOf(kustomization, entry, 'resource');
      if (!found) continue;
      if (found.isDirectory) {
        const built = this.directory(found.absolute, [], 'resource', found.from);
        if (built) resources.push(...built);
      } else {
        resources.push(...this.manifest(found.absolute).map(fromObject));
      }
    }
    return this.append(accumulated, resources);
  }

  private components(kustomization: Kustomization, resources: Resource[]): Resource[] {
    for (const entry of kustomization.list('components')) {
      const found = this.pathOf(kustomization, entry, 'component');
      if (!found) continue;
      if (!found.isDirectory) {
        this.log.warn(
          found.from.where,
          `${found.from.entry} is a file: a component is a directory with a kustomization of kind Component`,
        );
      } else {
        resources = this.directory(found.absolute, resources, 'component', found.from) ?? resources;
      }
    }
    return resources;
  }

  /** A path entry of resources, bases or components; undefined, with a warning, when it is not there. */
  private pathOf(
    kustomization: Kustomization,
    { value, at }: Entry,
    what: 'resource' | 'component',
  ): { absolute: string; isDirectory: boolean; from: { where: Where; entry: string } } | undefined {
    const where = kustomization.at(at);
    if (typeof value !== 'string' || value === '') {
      this.log.warn(where, `${at[0]}: expected a path`);
      return undefined;
    }
    const absolute = path.resolve(kustomization.dir, value);
    const stats = statOf(absolute);
    if (!stats) {
      this.log.warn(
        where,
        isRemote(value)
          ? `remote ${what} ${value} is not read: add its images to the config`
          : `${value} does not exist (paths are relative to ${displayPath(kustomization.dir) || '.'})`,
      );
      return undefined;
    }
    if (!isInside(realPath(absolute), this.root)) {
      this.log.leftRepository = true;
      this.log.warn(
        where,
        `${shownPath(value)} is outside the repository (${shownPath(this.root)}): it is not read`,
      );
      return undefined;
    }
    return { absolute, isDirectory: stats.isDirectory(), from: { where, entry: value } };
  }

  /** A manifest file's objects, read once per build. */
  private manifest(absolute: string): KubeObject[] {
    let objects = this.manifests.get(absolute);
    if (!objects) {
      this.log.files.add(absolute);
      const read = readManifestFile(absolute, this.root);
      this.log.add(read.warnings);
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
        this.log.warn(
          { file: where.file, line: where.line },
          `${describe(resource)} is already in the build (kustomize refuses a second resource with the same kind, name and namespace)`,
        );
      }
      ids.add(key);
    }
    return [...resources, ...added];
  }

  /** The transformers, in kustomize's order (kusttarget_configplugin.go configureBuiltinTransformers). */
  private transform(kustomization: Kustomization, resources: Resource[]): Resource[] {
    resources = applyPatchesStrategicMerge(this.log, kustomization, resources);
    resources = applyPatches(this.log, kustomization, resources);
    setNamespace(kustomization.value['namespace'], resources);
    const prefix = kustomization.value['namePrefix'];
    if (typeof prefix === 'string' && prefix) rename(resources, prefix, '');
    const suffix = kustomization.value['nameSuffix'];
    if (typeof suffix === 'string' && suffix) rename(resources, '', suffix);
    resources = applyPatchesJson6902(this.log, kustomization, resources);
    applyImages(this.log, kustomization, resources);
    return resources;
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
