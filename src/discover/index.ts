// Discovery joins the config: images the workflows push are added to `images`, and workloads found in
// `discover.manifests` become the targets (the config only adds what cannot be seen). What discovery
// cannot read or resolve becomes a finding with its place; it never stops the check.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import type { LoadedConfig } from '../core/config/load.ts';
import { isDiscoveryPlatform } from '../core/config/schema.ts';
import { ConfigError, type ConfigProblem } from '../core/errors.ts';
import { ImageReferenceError, imageName, parseImageReference } from '../core/image-reference.ts';
import { writtenOrigins, type Origin } from '../core/origins.ts';
import type { ReportFinding } from '../core/verdict.ts';
import type { HelmRunner } from './manifests/helm.ts';
import { readManifestPatterns } from './manifests/read.ts';
import { workloadsOf } from './manifests/workloads.ts';
import type { DiscoveryWarning } from './manifests/objects.ts';
import { discoverTargets, keyOfWritten, type WorkloadSet } from './targets.ts';
import { workflowDestinations } from './workflow.ts';

export interface DiscoveredImage {
  readonly reference: string;
  readonly origin: Origin;
}

export interface Discovery {
  readonly images: readonly DiscoveredImage[];
  readonly findings: readonly ReportFinding[];
}

export interface DiscoverOptions {
  /** Workflow files named outside the config: `--workflow FILE`, the action's running workflow. */
  readonly workflows?: readonly string[];
  /** Resolves `${{ env.X }}` and `$X` in workflows. */
  readonly env?: Readonly<Record<string, string>>;
  readonly helmRunner?: HelmRunner;
}

/** The config with what the repository shows added, and the findings of reading it. */
export function discover(
  config: LoadedConfig,
  options: DiscoverOptions = {},
): { config: LoadedConfig; findings: ReportFinding[] } {
  const settings = config.input.discover ?? {};
  const configDir = path.dirname(path.resolve(config.file));
  const findings: ReportFinding[] = [];
  const workflowFiles = [...(options.workflows ?? [])];
  (settings.workflows ?? []).forEach((pattern, i) => {
    const files = globSync(pattern, { cwd: configDir, absolute: true, onlyFiles: true, dot: true }).sort();
    if (files.length === 0) {
      const where = config.locate(['discover', 'workflows', i]);
      findings.push(
        note(
          where.file,
          where.line,
          `${pattern} matches no workflow file (globs are relative to the config file)`,
        ),
      );
    }
    workflowFiles.push(...files);
  });
  const pushed: DiscoveredImage[] = [];
  // The running workflow may also be listed in discover.workflows: read each file once.
  const unique = new Map(
    workflowFiles.map((file) => [
      path.resolve(file),
      path.relative(process.cwd(), path.resolve(file)) || file,
    ]),
  );
  for (const file of unique.values()) {
    const found = discoverFromWorkflow(file, options.env ?? {});
    pushed.push(...found.images);
    findings.push(...found.findings);
  }
  const withImages = withDiscoveredImages(config, { images: pushed, findings: [] });
  if (!settings.manifests?.length) return { config: withImages, findings };
  return withManifestTargets(withImages, configDir, options.helmRunner, findings);
}

function withManifestTargets(
  config: LoadedConfig,
  configDir: string,
  helmRunner: HelmRunner | undefined,
  findings: ReportFinding[],
): { config: LoadedConfig; findings: ReportFinding[] } {
  const origins = config.origins ?? writtenOrigins(config);
  const declared = config.input.targets ?? [];
  const problems: ConfigProblem[] = [];
  const sets: WorkloadSet[] = [];
  (config.input.discover?.manifests ?? []).forEach((entry, i) => {
    const at = ['discover', 'manifests', i] as const;
    const target = declared.find((candidate) => candidate.name === entry.target);
    if (!target || !isDiscoveryPlatform(target.platform)) {
      const names = declared.filter((t) => isDiscoveryPlatform(t.platform)).map((t) => `\`${t.name}\``);
      problems.push({
        where: config.locate([...at, 'target']),
        message: target
          ? `target \`${entry.target}\` is a ${target.platform} target: manifests run on openshift, kubernetes, eks, gke or k3s targets`
          : `no target is named \`${entry.target}\`; declared cluster targets: ${names.join(', ') || 'none'}`,
      });
      return;
    }
    const namespace =
      entry.helm?.namespace ??
      (target.platform === 'openshift' || target.platform === 'kubernetes' ? target.namespace : 'default');
    const read = readManifestPatterns(
      entry.paths.map((pattern, p) => ({ pattern, where: config.locate([...at, 'paths', p]) })),
      {
        baseDir: configDir,
        helm: {
          namespace,
          releaseName: entry.helm?.releaseName,
          values: entry.helm?.values?.map((file) => path.resolve(configDir, file)),
        },
        ...(helmRunner ? { helmRunner } : {}),
      },
    );
    const found = workloadsOf(read.objects, namespace);
    findings.push(...[...read.warnings, ...found.warnings].map(warning));
    if (found.workloads.length === 0) {
      const where = config.locate([...at, 'paths']);
      findings.push(
        note(
          where.file,
          where.line,
          `no workloads found for target \`${target.name}\` in ${entry.paths.join(', ')}`,
        ),
      );
    }
    sets.push({ target, workloads: found.workloads });
  });
  if (problems.length > 0) throw new ConfigError(problems);

  const openshiftHosts = declared.flatMap((target) =>
    target.platform === 'openshift' ? (target.registryHosts ?? []) : [],
  );
  const images = new Map<string, string>();
  for (const text of config.input.images ?? []) {
    const key = keyOfWritten(text, openshiftHosts);
    if (!images.has(key)) images.set(key, text);
  }
  const discovered = discoverTargets({
    targets: declared,
    targetOrigins: origins.targets,
    images,
    sets,
    allImages: config.input.discover?.allImages === true,
  });
  findings.push(...discovered.warnings.map(warning));
  for (const [target, references] of discovered.notPushed) {
    const list = [...references].sort();
    findings.push({
      severity: 'low',
      kind: 'discovery',
      message:
        `${list.length} image${list.length === 1 ? '' : 's'} in the manifests of target \`${target}\` ` +
        `${list.length === 1 ? 'is' : 'are'} not pushed by the workflow and ${list.length === 1 ? 'was' : 'were'} not checked` +
        ` (${list.slice(0, 5).join(', ')}${list.length > 5 ? ', …' : ''}): set discover.allImages: true to check them`,
    });
  }
  const imageOrigins = new Map(origins.images);
  for (const added of discovered.addedImages) {
    const name = nameOf(added.reference);
    if (name !== undefined && !imageOrigins.has(name)) imageOrigins.set(name, added.origin);
  }
  return {
    config: {
      ...config,
      input: {
        ...config.input,
        images: [...(config.input.images ?? []), ...discovered.addedImages.map((added) => added.reference)],
        targets: discovered.targets,
      },
      origins: { images: imageOrigins, targets: discovered.targetOrigins },
    },
    findings,
  };
}

export function discoverFromWorkflow(file: string, env: Readonly<Record<string, string>>): Discovery {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return {
      images: [],
      findings: [
        undiscovered(
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
        undiscovered(problem.where.file, problem.where.line, problem.message),
      ),
    };
  }
  const images: DiscoveredImage[] = [];
  const findings = found.undiscovered.map((entry) =>
    undiscovered(entry.where.file, entry.where.line, `${entry.text}: ${entry.reason}`),
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
      findings.push(undiscovered(image.where.file, image.where.line, `${image.via}: ${error.message}`));
    }
  }
  return { images, findings };
}

/**
 * The config with the discovered images whose repository it does not already name (its spelling and
 * place win). Discovery kept only references that parse, so the plan reads them like written ones.
 */
export function withDiscoveredImages(config: LoadedConfig, discovery: Discovery): LoadedConfig {
  const origins = config.origins ?? writtenOrigins(config);
  const stated = config.input.images ?? [];
  const imageOrigins = new Map(origins.images);
  const added: string[] = [];
  for (const image of discovery.images) {
    const name = nameOf(image.reference);
    if (name === undefined || imageOrigins.has(name)) continue;
    imageOrigins.set(name, image.origin);
    added.push(image.reference);
  }
  return {
    ...config,
    input: added.length > 0 ? { ...config.input, images: [...stated, ...added] } : config.input,
    origins: { ...origins, images: imageOrigins },
  };
}

function nameOf(text: string): string | undefined {
  try {
    return imageName(parseImageReference(text));
  } catch {
    return undefined;
  }
}

function warning(entry: DiscoveryWarning): ReportFinding {
  return {
    severity: 'medium',
    kind: 'discovery',
    file: entry.file,
    ...(entry.line === undefined ? {} : { line: entry.line }),
    message: entry.message,
  };
}

function note(file: string, line: number | undefined, message: string): ReportFinding {
  return { severity: 'low', kind: 'discovery', file, ...(line === undefined ? {} : { line }), message };
}

function undiscovered(file: string, line: number | undefined, message: string): ReportFinding {
  return {
    severity: 'medium',
    kind: 'undiscovered-destination',
    file,
    ...(line === undefined ? {} : { line }),
    message,
  };
}
