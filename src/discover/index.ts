// Discovery joins the config: images the workflow pushes are added to `images` (the config only adds what
// cannot be seen); destinations it could not resolve become findings with their place.
import { readFileSync } from 'node:fs';
import type { LoadedConfig } from '../core/config/load.ts';
import { ConfigError } from '../core/errors.ts';
import { ImageReferenceError, imageName, parseImageReference } from '../core/image-reference.ts';
import type { ReportFinding } from '../core/verdict.ts';
import { workflowDestinations } from './workflow.ts';

export interface Discovery {
  readonly images: readonly string[];
  readonly findings: readonly ReportFinding[];
}

export function discoverFromWorkflow(file: string, env: Readonly<Record<string, string>>): Discovery {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return {
      images: [],
      findings: [
        warning(
          file,
          undefined,
          `the workflow could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): its images are not discovered`,
        ),
      ],
    };
  }
  let found;
  try {
    found = workflowDestinations(text, file, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // A broken workflow is a warning: the rest of the check still runs.
    return {
      images: [],
      findings: error.problems.map((problem) =>
        warning(problem.where.file, problem.where.line, problem.message),
      ),
    };
  }
  const images: string[] = [];
  const findings = found.undiscovered.map((entry) =>
    warning(entry.where.file, entry.where.line, `${entry.text}: ${entry.reason}`),
  );
  for (const image of found.images) {
    try {
      parseImageReference(image.reference);
      images.push(image.reference);
    } catch (error) {
      if (!(error instanceof ImageReferenceError)) throw error;
      findings.push(warning(image.where.file, image.where.line, `${image.via}: ${error.message}`));
    }
  }
  return { images, findings };
}

/**
 * The config with the discovered images whose repository it does not already name (its spelling wins).
 * Discovery kept only references that parse, so the plan reads them like written ones.
 */
export function withDiscoveredImages(config: LoadedConfig, discovery: Discovery): LoadedConfig {
  const stated = config.input.images ?? [];
  const names = new Set(stated.flatMap((text) => nameOf(text) ?? []));
  const added = discovery.images.filter((text) => {
    const name = nameOf(text);
    if (name === undefined || names.has(name)) return false;
    names.add(name);
    return true;
  });
  if (added.length === 0) return config;
  return { ...config, input: { ...config.input, images: [...stated, ...added] } };
}

function nameOf(text: string): string | undefined {
  try {
    return imageName(parseImageReference(text));
  } catch {
    return undefined;
  }
}

function warning(file: string, line: number | undefined, message: string): ReportFinding {
  return {
    severity: 'medium',
    kind: 'undiscovered-destination',
    file,
    ...(line === undefined ? {} : { line }),
    message,
  };
}
