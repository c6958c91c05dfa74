// What a workflow applies to its deploy targets (FoundManifests), read as `discover.manifests` reads
// manifests: each apply's workloads on its target, with the image rewrites made before they reach it.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { assertUserFile, shownPath } from '../core/config/read-file.ts';
import { isDiscoveryPlatform, type TargetInput } from '../core/config/schema.ts';
import type { AppliedToTarget } from './deploy-targets.ts';
import { discoveryFinding } from './findings.ts';
import { retagWithEdits } from './manifests/kustomize/images.ts';
import { KUSTOMIZATION_FILES, kustomizationFileIn } from './manifests/kustomize/index.ts';
import { readManifestPatterns } from './manifests/read.ts';
import { workloadsOf, type Workload } from './manifests/workloads.ts';
import { listed, warn } from './manifest-messages.ts';
import type { EntryContext } from './manifest-targets.ts';
import type { WorkloadSet } from './targets.ts';
import type { FoundManifests } from './workflows/index.ts';

/** The workloads of what the workflow applies to each of its targets (deploy-targets.ts). */
export function appliedSets(context: EntryContext, applied: readonly AppliedToTarget[]): WorkloadSet[] {
  const declared = context.config.input.targets ?? [];
  return applied.flatMap(({ target: name, manifests }) => {
    const target = declared.find((candidate) => candidate.name === name);
    if (!target || !isDiscoveryPlatform(target.platform)) return [];
    return manifests.flatMap((entry) => readApplied(context, entry, target) ?? []);
  });
}

/**
 * The workloads one apply puts on `target`; none read (each is a finding): undefined, so the target keeps
 * checking what its job pushes rather than nothing.
 */
function readApplied(
  context: EntryContext,
  entry: FoundManifests,
  target: TargetInput,
): WorkloadSet | undefined {
  const { helmRunner, findings } = context;
  const root = path.resolve(entry.root ?? context.root);
  // `kubectl apply -k DIR`, `kustomize build DIR`: DIR must be a Kustomize root (else they fail).
  const notRoots = entry.kustomize
    ? entry.paths.filter((dir) => !kustomizationFileIn(path.resolve(root, dir)))
    : [];
  for (const dir of notRoots)
    warn(findings, entry.where, `${entry.via} builds ${shownPath(dir)}, which holds no kustomization file`);
  const namespace =
    entry.namespace ??
    (target.platform === 'openshift' || target.platform === 'kubernetes' ? target.namespace : 'default');
  const read = readManifestPatterns(
    entry.paths
      .filter((dir) => !notRoots.includes(dir))
      .flatMap((file) => (entry.topLevelOnly ? ownFiles(root, file) : [file]))
      .map((pattern) => ({ pattern, where: entry.where })),
    {
      baseDir: root,
      root,
      relativeTo: 'the repository root',
      ...(context.kustomize ? { kustomize: context.kustomize } : {}),
      helm: {
        namespace,
        releaseName: entry.helm?.release,
        values: entry.helm?.values.map((file) => {
          const absolute = path.resolve(root, file);
          assertUserFile(absolute, entry.where, `${shownPath(file)} (%CODE%): expected a values file`, root);
          return absolute;
        }),
        sets: entry.helm?.sets,
      },
      ...(helmRunner ? { helmRunner } : {}),
    },
  );
  const found = workloadsOf(read.objects, namespace);
  for (const warning of [...read.warnings, ...found.warnings]) {
    // One with no line of its own (helm missing or failing on a chart) is the step's: shown there, naming it.
    if (warning.line === undefined)
      warn(findings, entry.where, `${shownPath(warning.file)}: ${warning.message}`);
    else warn(findings, warning, warning.message);
  }
  const workloads = withImageEdits(found.workloads, entry, read.kustomizeFiles, root);
  if (workloads.length > 0) return { target, workloads };
  findings.push(
    discoveryFinding(
      'discovery',
      'low',
      entry.where,
      `no workloads found in what ${entry.via} applies to target \`${target.name}\` (${listed(entry.paths)}): it is checked against every image its job pushes`,
    ),
  );
  return undefined;
}

/** A folder's own manifest files (repository-relative), as `kubectl apply -f DIR` reads them; a file as it is. */
function ownFiles(root: string, file: string): string[] {
  const absolute = path.resolve(root, file);
  let entries: Dirent[];
  try {
    if (!statSync(absolute).isDirectory()) return [file];
    entries = readdirSync(absolute, { withFileTypes: true });
  } catch {
    return [file]; // said by the read: it matches nothing
  }
  const own = entries
    .filter((entry) => entry.isFile() && /\.(ya?ml|json)$/i.test(entry.name))
    .map((entry) => path.posix.join(file, entry.name))
    .sort();
  return own.length > 0 ? own : [file];
}

/**
 * The workloads with their images as they reach the cluster: the apply's own rewrites (azure/k8s-deploy
 * `images`, skaffold's pushed names) and each `kustomize edit set image` of a folder the build read.
 */
function withImageEdits(
  workloads: readonly Workload[],
  entry: FoundManifests,
  kustomizeFiles: ReadonlySet<string>,
  root: string,
): Workload[] {
  const edited = (entry.kustomizeEdits ?? []).filter(({ dir }) =>
    KUSTOMIZATION_FILES.some((name) => kustomizeFiles.has(path.join(root, dir, name))),
  );
  const edits = [...(entry.images ?? []), ...edited.flatMap(({ images }) => images)];
  return workloads.map((workload) => ({
    ...workload,
    containers: workload.containers.map((container) => ({
      ...container,
      image: retagWithEdits(container.image, edits),
    })),
  }));
}
