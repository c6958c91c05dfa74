// Where every image and target of a plan came from — the config, a workflow step, a manifest — so a
// report can explain its plan and each result can point at the lines that asked for it.
import type { LoadedConfig } from './config/load.ts';
import { imageName, imageNameOf, type ImageReference } from './image-reference.ts';
import type { Plan } from './plan.ts';

export interface Origin {
  readonly file: string;
  readonly line?: number;
  /** What wrote it: `config images`, `docker/build-push-action tags`, `Deployment prod/web`, … */
  readonly via: string;
}

export interface TargetOrigin {
  readonly origin: Origin;
  /** Per image name: the workload whose container pulls it, when manifests chose the image. */
  readonly pulls?: ReadonlyMap<string, Origin>;
}

/** Read from the config when it loads; discovery adds what it finds. */
export interface PlanOrigins {
  /** Keyed by image name (the repository, without tag or digest). */
  readonly images: ReadonlyMap<string, Origin>;
  /** Keyed by target name. */
  readonly targets: ReadonlyMap<string, TargetOrigin>;
}

/** The origins of what the config itself wrote, by position. */
export function writtenOrigins(config: Omit<LoadedConfig, 'origins'>): PlanOrigins {
  const at = (configPath: readonly (string | number)[], via: string): Origin => ({
    file: config.file,
    line: config.locate(configPath).line,
    via,
  });
  const images = new Map<string, Origin>();
  (config.input.images ?? []).forEach((text, i) => {
    const name = imageNameOf(text);
    if (name !== undefined && !images.has(name)) images.set(name, at(['images', i], 'config images'));
  });
  const targets = new Map<string, TargetOrigin>();
  (config.input.targets ?? []).forEach((target, t) => {
    if (!targets.has(target.name)) targets.set(target.name, { origin: at(['targets', t], 'config targets') });
  });
  return { images, targets };
}

export interface PlanSources {
  image(image: ImageReference): Origin;
  /** Where the target was declared or discovered. */
  target(targetName: string): Origin;
  /** Where this pull was asked for: the workload that pulls the image, else the target. */
  pull(targetName: string, image: ImageReference): Origin;
}

export function planSources(config: LoadedConfig): PlanSources {
  const { images, targets } = config.origins;
  // A config built without positions (never from a file) still names its file.
  const fallback: Origin = { file: config.file, via: 'config' };
  const target = (targetName: string) => targets.get(targetName)?.origin ?? fallback;
  return {
    image: (image) => images.get(imageName(image)) ?? fallback,
    target,
    pull: (targetName, image) => targets.get(targetName)?.pulls?.get(imageName(image)) ?? target(targetName),
  };
}

/** The plan as the report explains it. */
export interface PlanExplanation {
  readonly images: readonly { readonly image: string; readonly source: Origin }[];
  readonly targets: readonly {
    readonly target: string;
    readonly platform: string;
    readonly images: number;
    readonly source: Origin;
  }[];
}

export function explainPlan(plan: Plan, sources: PlanSources): PlanExplanation {
  return {
    images: plan.images.map((image) => ({ image: image.raw, source: sources.image(image) })),
    targets: plan.targets.map(({ target, images }) => ({
      target: target.name,
      platform: target.platform,
      images: images.length,
      source: sources.target(target.name),
    })),
  };
}
