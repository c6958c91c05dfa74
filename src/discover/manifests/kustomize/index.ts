// The built-in renderer: `kustomize build DIR` (kustomize v5) as far as image and target discovery needs
// it, used when no real kustomize or kubectl is on PATH (render.ts chooses). Only what can change which
// image a pod pulls, or which identity pulls it, is built (resources, bases, components, patches,
// namespace, namePrefix/nameSuffix with the references that follow a rename, images); what it does not
// build exactly is a warning at its field (exactness.ts says which, and why the rest is skipped). Nothing
// throws for a user's mistake: discovery never stops the check, so a problem is a warning at its file and
// line, and the build goes on with the rest.
import path from 'node:path';
import type { ReadObjects } from '../objects.ts';
import { Build } from './build.ts';
import { record } from '../json.ts';
import { kustomizationFilesIn } from './kustomization.ts';
import { fixNameReferences } from './name-references.ts';
import { asKubeObject, type Resource } from './resource-id.ts';

export { KUSTOMIZATION_FILES } from './kustomization.ts';

/** The kustomization file in `dir` (absolute), if there is one. */
export function kustomizationFileIn(dir: string): string | undefined {
  return kustomizationFilesIn(dir)[0];
}

export interface Kustomized extends ReadObjects {
  /** Every file (absolute path) the build read: kustomization files and resources, so a caller globbing the same tree does not read them twice. */
  readonly files: ReadonlySet<string>;
}

/**
 * `kustomize build DIR` as far as discovery needs it: never throws for bad input; problems are warnings with
 * file:line. Files are read only inside `root` (the repository, a real path); a caller that names none
 * (a test of the build alone) lets the build read the whole file system.
 */
export function renderKustomization(dir: string, root = path.parse(path.resolve(dir)).root): Kustomized {
  const { objects, warnings, files } = builtInBuild(dir, root);
  return { objects, warnings, files };
}

/** renderKustomization, and whether an entry pointed outside the repository (the build did not read it). */
export type BuiltIn = Kustomized & { readonly leftRepository: boolean };

export function builtInBuild(dir: string, root: string): BuiltIn {
  const build = new Build(root);
  const built = build.directory(path.resolve(dir), [], 'root') ?? [];
  fixNameReferences(built);
  const objects = built.filter((resource) => !isLocalConfig(resource)).map(asKubeObject);
  return {
    objects,
    warnings: build.log.uniqueWarnings(),
    files: build.log.files,
    leftRepository: build.log.leftRepository,
  };
}

/** Marked config.kubernetes.io/local-config: used by the build, never applied to a cluster. */
function isLocalConfig(resource: Resource): boolean {
  const annotations = record(record(resource.body['metadata'])['annotations']);
  return String(annotations['config.kubernetes.io/local-config']) === 'true';
}
