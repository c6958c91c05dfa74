// The images workflows push join the config's `images`; a repository the config already names keeps the
// config's spelling and place. Destinations that cannot be resolved are findings at their line.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import type { LoadedConfig } from '../core/config/load.ts';
import { ConfigError } from '../core/errors.ts';
import { ImageReferenceError, imageNameOf, parseImageReference } from '../core/image-reference.ts';
import type { Origin } from '../core/origins.ts';
import type { ReportFinding } from '../core/verdict.ts';
import { discoveryFinding } from './findings.ts';
import { workflowDestinations } from './workflow.ts';

export interface DiscoveredImage {
  readonly reference: string;
  readonly origin: Origin;
}

export interface Discovery {
  readonly images: readonly DiscoveredImage[];
  readonly findings: readonly ReportFinding[];
}

/**
 * Every workflow to read, once each: those named outside the config (`--workflow`, the running workflow)
 * and `discover.workflows` globs, relative to the config. A glob matching nothing is a note.
 */
export function workflowFiles(
  config: LoadedConfig,
  named: readonly string[],
): { files: string[]; findings: ReportFinding[] } {
  const configDir = path.dirname(path.resolve(config.file));
  const findings: ReportFinding[] = [];
  const all = [...named];
  (config.input.discover?.workflows ?? []).forEach((pattern, i) => {
    const files = globSync(pattern, { cwd: configDir, absolute: true, onlyFiles: true, dot: true }).sort();
    if (files.length === 0) {
      findings.push(
        discoveryFinding(
          'discovery',
          'low',
          config.locate(['discover', 'workflows', i]),
          `${pattern} matches no workflow file (globs are relative to the config file)`,
        ),
      );
    }
    all.push(...files);
  });
  // The running workflow may also be listed in discover.workflows.
  const unique = new Map(
    all.map((file) => [path.resolve(file), path.relative(process.cwd(), path.resolve(file)) || file]),
  );
  return { files: [...unique.values()], findings };
}

export function discoverFromWorkflow(file: string, env: Readonly<Record<string, string>>): Discovery {
  const undiscovered = (line: number | undefined, message: string) =>
    discoveryFinding('undiscovered-destination', 'medium', { file, line }, message);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return {
      images: [],
      findings: [
        undiscovered(undefined, `the workflow could not be read (${code}): its images are not discovered`),
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
        discoveryFinding('undiscovered-destination', 'medium', problem.where, problem.message),
      ),
    };
  }
  const images: DiscoveredImage[] = [];
  const findings = found.undiscovered.map((entry) =>
    discoveryFinding('undiscovered-destination', 'medium', entry.where, `${entry.text}: ${entry.reason}`),
  );
  for (const image of found.images) {
    try {
      parseImageReference(image.reference);
      images.push({
        reference: image.reference,
        origin: { file: image.where.file, line: image.where.line, via: image.via },
      });
    } catch (error) {
      if (!(error instanceof ImageReferenceError)) throw error;
      findings.push(
        discoveryFinding('undiscovered-destination', 'medium', image.where, `${image.via}: ${error.message}`),
      );
    }
  }
  return { images, findings };
}

/**
 * The config with the discovered images whose repository it does not already name (its spelling and
 * place win). Discovery kept only references that parse, so the plan reads them like written ones.
 */
export function withDiscoveredImages(config: LoadedConfig, discovery: Discovery): LoadedConfig {
  const stated = config.input.images ?? [];
  const imageOrigins = new Map(config.origins.images);
  const added: string[] = [];
  for (const image of discovery.images) {
    const name = imageNameOf(image.reference);
    if (name === undefined || imageOrigins.has(name)) continue;
    imageOrigins.set(name, image.origin);
    added.push(image.reference);
  }
  return {
    ...config,
    input: added.length > 0 ? { ...config.input, images: [...stated, ...added] } : config.input,
    origins: { ...config.origins, images: imageOrigins },
  };
}
