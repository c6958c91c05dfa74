// Workloads found in manifests become the plan's targets: each `discover.manifests` entry runs on a
// declared target. On OpenShift and Kubernetes the pulling identity is the pod's service account, so each
// (namespace, service account, pod pull secrets) becomes a target of its own; on EKS, GKE and k3s the node
// pulls, so the declared target keeps its identity and checks the images its workloads use. Only images
// the workflow pushes are checked, unless `discover.allImages`.
import type { TargetInput } from '../core/config/schema.ts';
import {
  imageNameOf,
  ImageReferenceError,
  parseImageReference,
  type ImageReference,
  type RegistryLocator,
} from '../core/image-reference.ts';
import type { Origin, TargetOrigin } from '../core/origins.ts';
import { imageKey, registryLocator } from '../core/registries.ts';
import { registries } from '../providers/index.ts';
import type { DiscoveryWarning } from './manifests/objects.ts';
import type { Workload } from './manifests/workloads.ts';

export interface WorkloadSet {
  /** The declared target the workloads run on. */
  readonly target: TargetInput;
  readonly workloads: readonly Workload[];
}

export interface TargetDiscoveryInput {
  readonly targets: readonly TargetInput[];
  readonly targetOrigins: ReadonlyMap<string, TargetOrigin>;
  /** The images to check, as spelled in the plan, by pullKey. */
  readonly images: ReadonlyMap<string, string>;
  readonly sets: readonly WorkloadSet[];
  readonly allImages: boolean;
}

export interface DiscoveredTargets {
  readonly targets: TargetInput[];
  readonly targetOrigins: Map<string, TargetOrigin>;
  /** Images the manifests name that join the plan (only with allImages), with where they are used. */
  readonly addedImages: { readonly reference: string; readonly origin: Origin }[];
  readonly warnings: DiscoveryWarning[];
  /** Per declared target: the manifest images not checked because nothing pushes them, where first used. */
  readonly notPushed: Map<string, Map<string, Origin>>;
}

interface Pull {
  readonly name: string;
  readonly origin: Origin;
  /** The workload whose container pulls it. */
  readonly workload: Workload;
}

/** Pods of one service account and pull-secret list: the workload first seen and the images they pull. */
interface Identity {
  readonly workload: Workload;
  readonly pulls: Map<string, Pull>;
}

/** What the workloads pull, by declared target, and what was set aside on the way. */
interface CollectedPulls {
  /** The plan's images and, with allImages, those the manifests add, by pullKey. */
  readonly images: Map<string, string>;
  readonly addedImages: DiscoveredTargets['addedImages'];
  readonly warnings: DiscoveryWarning[];
  readonly notPushed: Map<string, Map<string, Origin>>;
  /** Declared target name → the identities its workloads pull as, each with the images they pull. */
  readonly pullsByTarget: Map<string, Map<string, Identity>>;
}

/** How one declared target's pulls are chosen and shown. */
interface Choice {
  /** The spelling checked for each image, by pullKey. */
  readonly images: ReadonlyMap<string, string>;
  /** The pulls the target checks: those in its `images` subset, when it lists one. */
  readonly spelled: (pulls: Iterable<Pull>) => Pull[];
  readonly declaredOrigin: Origin | undefined;
}

/** The targets of the plan as they are built, with their origins. */
interface Planned {
  readonly targets: TargetInput[];
  readonly targetOrigins: Map<string, TargetOrigin>;
}

type ServiceAccountTarget = Extract<TargetInput, { platform: 'openshift' | 'kubernetes' }>;

export function discoverTargets(input: TargetDiscoveryInput): DiscoveredTargets {
  const locate = registryLocator(registries, input.targets);
  const { images, addedImages, warnings, notPushed, pullsByTarget } = collectPulls(input, locate);

  const planned: Planned = { targets: [], targetOrigins: new Map(input.targetOrigins) };
  const taken = new Set(input.targets.map((target) => target.name));
  // Images only manifests name (allImages) are theirs: other targets keep checking what they did before.
  const before = [...input.images.values()];
  for (const target of input.targets) {
    const identities = pullsByTarget.get(target.name);
    if (!identities) {
      planned.targets.push(addedImages.length > 0 && !target.images ? { ...target, images: before } : target);
      continue;
    }
    const allowedSubset = target.images
      ? new Set(target.images.map((text) => keyOfWritten(text, locate)))
      : undefined;
    const choice: Choice = {
      images,
      spelled: (pulls) => [...pulls].filter((pull) => !allowedSubset || allowedSubset.has(pull.name)),
      declaredOrigin: input.targetOrigins.get(target.name)?.origin,
    };
    if (target.platform === 'openshift' || target.platform === 'kubernetes') {
      planServiceAccountTargets(target, identities, choice, taken, planned);
    } else {
      planNodeTarget(target, identities, choice, planned);
    }
  }
  return { targets: planned.targets, targetOrigins: planned.targetOrigins, addedImages, warnings, notPushed };
}

/** Each workload container's image, by declared target and pulling identity: only pushed ones, unless allImages. */
function collectPulls(input: TargetDiscoveryInput, locate: RegistryLocator): CollectedPulls {
  const collected: CollectedPulls = {
    images: new Map(input.images),
    addedImages: [],
    warnings: [],
    notPushed: new Map(),
    pullsByTarget: new Map(),
  };
  for (const { target, workloads } of input.sets) {
    const identities = collected.pullsByTarget.get(target.name) ?? new Map();
    collected.pullsByTarget.set(target.name, identities);
    for (const workload of workloads) {
      const key = identityKey(target, workload);
      const identity = identities.get(key) ?? { workload, pulls: new Map<string, Pull>() };
      identities.set(key, identity);
      for (const container of workload.containers) {
        collectPull(input, locate, collected, target, workload, container, identity);
      }
    }
  }
  return collected;
}

function collectPull(
  input: TargetDiscoveryInput,
  locate: RegistryLocator,
  collected: CollectedPulls,
  target: TargetInput,
  workload: Workload,
  container: Workload['containers'][number],
  identity: Identity,
): void {
  const { images, addedImages, warnings, notPushed } = collected;
  let name: string;
  try {
    name = pullKey(parseImageReference(container.image, locate));
  } catch (error) {
    if (!(error instanceof ImageReferenceError)) throw error;
    warnings.push({ file: container.where.file, line: container.where.line, message: error.message });
    return;
  }
  const origin: Origin = {
    file: container.where.file,
    line: container.where.line,
    via: `${workload.kind} ${workload.namespace}/${workload.name} container ${container.name}${builtBy(workload)}`,
  };
  if (!images.has(name)) {
    if (!input.allImages) {
      const unpushed = notPushed.get(target.name) ?? new Map<string, Origin>();
      if (!unpushed.has(container.image)) unpushed.set(container.image, origin);
      notPushed.set(target.name, unpushed);
      return;
    }
    images.set(name, container.image);
    addedImages.push({
      reference: container.image,
      origin: { ...origin, via: `${origin.via} (allImages)` },
    });
  }
  if (!identity.pulls.has(name)) identity.pulls.set(name, { name, origin, workload });
}

/** Origins are keyed like the config's (origins.ts): by the image name of the spelling that is checked. */
function pullOrigins(choice: Choice, pulls: readonly Pull[]): Map<string, Origin> {
  return new Map(
    pulls.map((pull) => {
      const spelling = choice.images.get(pull.name)!;
      return [imageNameOf(spelling) ?? spelling, pull.origin];
    }),
  );
}

/** OpenShift and Kubernetes: a target per pulling identity that pulls a checked image. */
function planServiceAccountTargets(
  target: ServiceAccountTarget,
  identities: ReadonlyMap<string, Identity>,
  choice: Choice,
  taken: Set<string>,
  planned: Planned,
): void {
  const { images, spelled, declaredOrigin } = choice;
  const derived = [...identities.values()].filter((identity) => spelled(identity.pulls.values()).length > 0);
  if (derived.length === 0) {
    planned.targets.push({ ...target, images: [] });
    return;
  }
  for (const { workload, pulls } of derived) {
    const name = uniqueName(derivedName(target.name, workload), taken);
    const chosen = spelled(pulls.values());
    // The target is shown where the first workload that pulls a checked image is written.
    const shown = chosen[0]!.workload;
    // The pod's own pull secrets replace any the declared target lists.
    const cluster = { ...target };
    delete cluster.imagePullSecrets;
    planned.targets.push({
      ...cluster,
      name,
      namespace: workload.namespace,
      serviceAccount: workload.serviceAccount,
      images: chosen.map((pull) => images.get(pull.name)!),
      ...(workload.imagePullSecrets ? { imagePullSecrets: [...workload.imagePullSecrets] } : {}),
    });
    planned.targetOrigins.set(name, {
      origin: {
        file: shown.where.file,
        line: shown.where.line,
        via: `${shown.kind} ${shown.namespace}/${shown.name}${builtBy(shown)} on target ${target.name}${
          declaredOrigin?.line ? ` (${declaredOrigin.file}:${declaredOrigin.line})` : ''
        }`,
      },
      pulls: pullOrigins(choice, chosen),
    });
  }
}

/** EKS, GKE, k3s: the nodes pull, whatever the workload's service account. */
function planNodeTarget(
  target: TargetInput,
  identities: ReadonlyMap<string, Identity>,
  choice: Choice,
  planned: Planned,
): void {
  const { images, spelled, declaredOrigin } = choice;
  const chosen = new Map<string, Pull>();
  for (const { pulls } of identities.values()) {
    for (const pull of spelled(pulls.values())) if (!chosen.has(pull.name)) chosen.set(pull.name, pull);
  }
  planned.targets.push({ ...target, images: [...chosen.keys()].map((name) => images.get(name)!) });
  const declared = declaredOrigin ?? { file: '(config)', via: 'config targets' };
  const workloads = new Set([...chosen.values()].map((pull) => pull.workload));
  const first = [...workloads][0];
  planned.targetOrigins.set(target.name, {
    // Declared in the config; its images are what its workloads run.
    origin: first
      ? {
          ...declared,
          via: `${declared.via}; images from ${workloads.size} workload${workloads.size === 1 ? '' : 's'} (${first.kind} ${first.namespace}/${first.name} in ${first.where.file}${builtBy(first)}${workloads.size > 1 ? ', …' : ''})`,
        }
      : declared,
    pulls: pullOrigins(choice, [...chosen.values()]),
  });
}

/** Pods of one service account and pull-secret list pull alike; on node-pulling platforms all do. */
function identityKey(target: TargetInput, workload: Workload): string {
  if (target.platform !== 'openshift' && target.platform !== 'kubernetes') return '';
  return [
    workload.namespace,
    workload.serviceAccount,
    ...(workload.imagePullSecrets ?? ['(service account)']),
  ].join('\0');
}

function derivedName(base: string, workload: Workload): string {
  const secrets = workload.imagePullSecrets ? ` (pull secrets ${workload.imagePullSecrets.join(', ')})` : '';
  return `${base}/${workload.namespace}/${workload.serviceAccount}${secrets}`;
}

function uniqueName(name: string, taken: Set<string>): string {
  let unique = name;
  for (let n = 2; taken.has(unique); n++) unique = `${name} #${n}`;
  taken.add(unique);
  return unique;
}

/** What makes two references the same pull (an OpenShift image stream's route and service hosts are one). */
export function pullKey(image: ImageReference): string {
  return imageKey(image, registries);
}

export function keyOfWritten(text: string, locate: RegistryLocator): string {
  try {
    return pullKey(parseImageReference(text, locate));
  } catch {
    return text;
  }
}

/** A workload Kustomize built names the renderer: the real binary (and its version) or the built-in one. */
function builtBy(workload: Workload): string {
  return workload.renderer === undefined ? '' : `, built by ${workload.renderer}`;
}
