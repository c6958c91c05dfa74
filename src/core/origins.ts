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

/** Set by discovery; without it every image and target was written in the config. */
export interface PlanOrigins {
  /** Keyed by image name (the repository, without tag or digest). */
  readonly images: ReadonlyMap<string, Origin>;
  /** Keyed by target name. */
  readonly targets: ReadonlyMap<string, TargetOrigin>;
}

/** The origins of what the config itself wrote, by position. */
export function writtenOrigins(config: LoadedConfig): PlanOrigins {
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
  target(targetName: string, image: ImageReference): Origin;
}

export function planSources(config: LoadedConfig): PlanSources {
  const origins = config.origins ?? writtenOrigins(config);
  const fallback: Origin = { file: config.file, via: 'config' };
  return {
    image: (image) => origins.images.get(imageName(image)) ?? fallback,
    target: (targetName, image) => {
      const entry = origins.targets.get(targetName);
      return entry?.pulls?.get(imageName(image)) ?? entry?.origin ?? fallback;
    },
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

export function explainPlan(config: LoadedConfig, plan: Plan): PlanExplanation {
  const origins = config.origins ?? writtenOrigins(config);
  const fallback: Origin = { file: config.file, via: 'config' };
  return {
    images: plan.images.map((image) => ({
      image: image.raw,
      source: origins.images.get(imageName(image)) ?? fallback,
    })),
    targets: plan.targets.map(({ target, images }) => ({
      target: target.name,
      platform: target.platform,
      images: images.length,
      source: origins.targets.get(target.name)?.origin ?? fallback,
    })),
  };
}
