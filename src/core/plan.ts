// Every way of naming images and targets becomes one plan before anything is evaluated.
import type { LoadedConfig } from './config/load.ts';
import type { TargetInput } from './config/schema.ts';
import { ConfigError, firstProblems, type ConfigProblem } from './errors.ts';
import {
  imageName,
  ImageReferenceError,
  parseImageReference,
  type ImageReference,
} from './image-reference.ts';
import { registryLocator, type RegistryDefinition } from './registries.ts';

export interface PlannedTarget {
  readonly target: TargetInput;
  readonly images: readonly ImageReference[];
}

export interface Plan {
  readonly images: readonly ImageReference[];
  readonly targets: readonly PlannedTarget[];
}

/** The plan of a config; `registries` (the providers') say which registry serves each image. */
export function buildPlan(config: LoadedConfig, registries: readonly RegistryDefinition[]): Plan {
  const { input } = config;
  const problems: ConfigProblem[] = [];
  const locate = registryLocator(registries, input.targets);
  const parse = (text: string, configPath: readonly (string | number)[]): ImageReference | undefined => {
    try {
      return parseImageReference(text, locate);
    } catch (error) {
      if (!(error instanceof ImageReferenceError)) throw error;
      problems.push({ where: config.locate(configPath), message: error.message });
      return undefined;
    }
  };

  const images = (input.images ?? []).flatMap((text, i) => parse(text, ['images', i]) ?? []);
  const byName = new Map(images.map((image) => [imageName(image), image]));
  const seenNames = new Set<string>();
  const targets = (input.targets ?? []).map((target, t): PlannedTarget => {
    if (seenNames.has(target.name)) {
      problems.push({
        where: config.locate(['targets', t, 'name']),
        message: `duplicate target name \`${target.name}\``,
      });
    }
    seenNames.add(target.name);
    if (!target.images) return { target, images };
    const subset = target.images.flatMap((text, i) => {
      const image = parse(text, ['targets', t, 'images', i]);
      if (!image) return [];
      const listed = byName.get(imageName(image));
      if (!listed) {
        problems.push({
          where: config.locate(['targets', t, 'images', i]),
          message: `${text} is not among the top-level \`images\`; a target's images must be a subset of them`,
        });
        return [];
      }
      return [listed];
    });
    return { target, images: subset };
  });
  if (problems.length > 0) throw new ConfigError(firstProblems(problems, 'problem'));
  return { images, targets };
}
