// The images workflows push join the config's `images`; a repository the config already names keeps the
// config's spelling and place. Destinations that cannot be resolved are findings at their line.
import path from 'node:path';
import {
  assertUserFile,
  displayPath,
  readConfined,
  refusalMessage,
  repositoryRootOf,
  shownPath,
} from '../core/config/read-file.ts';
import { globInRepository } from '../core/config/user-glob.ts';
import { parseYamlSource } from '../core/config/yaml-source.ts';
import type { LoadedConfig } from '../core/config/load.ts';
import { ConfigError } from '../core/errors.ts';
import { ImageReferenceError, imageNameOf, parseImageReference } from '../core/image-reference.ts';
import type { TargetInput } from '../core/config/schema.ts';
import { registryLocator } from '../core/registries.ts';
import { registries } from '../providers/index.ts';
import type { Origin } from '../core/origins.ts';
import type { ReportFinding } from '../core/verdict.ts';
import { deployTargetsOf, type DeployTarget } from './deploy-targets.ts';
import { ecsTargetsOf } from './ecs-targets.ts';
import { repositoryRootOf as workflowRepositoryRoot } from './workflows/repository.ts';
import { discoveryFinding } from './findings.ts';
import { serverlessTargetsOf } from './serverless-targets.ts';
import type { WorkflowSession } from './workflows/index.ts';
import { discoverWorkflowFile, RUNNER_VARIABLES } from './workflows/index.ts';
import { firstSyntaxProblem } from './workflows/sites.ts';
import type { FoundCiLogin } from './workflows/ci-logins.ts';

export interface DiscoveredImage {
  readonly reference: string;
  readonly origin: Origin;
}

export interface Discovery {
  readonly images: readonly DiscoveredImage[];
  readonly findings: readonly ReportFinding[];
  /** The clusters the workflow deploys to, as targets pulling the images it pushes. */
  readonly targets?: readonly DeployTarget[];
  /** Its logins with GitHub's OIDC token, and what each job pushes after (issue 18). */
  readonly ciLogins?: readonly FoundCiLogin[];
}

/**
 * Every workflow to read, once each: those named outside the config (`--workflow`, the running workflow)
 * and `discover.workflows` globs, relative to the config. All are files of the config's repository, each
 * small enough to read (read-file.ts); a glob matching nothing is a note.
 */
export function workflowFiles(
  config: LoadedConfig,
  named: readonly string[],
): { files: string[]; findings: ReportFinding[] } {
  const configDir = path.dirname(path.resolve(config.file));
  const root = repositoryRootOf(configDir);
  const findings: ReportFinding[] = [];
  for (const file of named)
    assertUserFile(
      path.resolve(file),
      { file: shownPath(file), line: 1, column: 1 },
      `${shownPath(file)} (%CODE%)`,
      root,
    );
  const all = [...named];
  (config.input.discover?.workflows ?? []).forEach((pattern, i) => {
    const where = config.locate(['discover', 'workflows', i]);
    const files = globInRepository({ pattern, where, cwd: configDir, root, onlyFiles: true, dot: true });
    if (files.length === 0) {
      findings.push(
        discoveryFinding(
          'discovery',
          'low',
          where,
          `${shownPath(pattern)} matches no workflow file (globs are relative to the config file)`,
        ),
      );
    }
    for (const file of files) assertUserFile(file, where, `${shownPath(displayPath(file))} (%CODE%)`, root);
    all.push(...files);
  });
  // The running workflow may also be listed in discover.workflows.
  const unique = new Map(
    all.map((file) => [path.resolve(file), path.relative(process.cwd(), path.resolve(file)) || file]),
  );
  return { files: [...unique.values()], findings };
}

/**
 * A workflow named on the command line must be one: a missing file, or a file that is not a GitHub
 * Actions workflow (not YAML, no `jobs:` map), is a usage error with its place, not a finding.
 */
export function assertWorkflowFile(file: string): void {
  const at = (line = 1, column = 1) => ({ file, line, column });
  // Whether it is inside the config's repository is checked with the config (workflowFiles).
  const read = readConfined(file);
  if (!('text' in read)) {
    const message =
      read.refused !== 'unreadable'
        ? `--workflow: ${refusalMessage(read, path.resolve(file))}`
        : read.code === 'EISDIR'
          ? '--workflow names a directory, not a workflow file'
          : `--workflow: the file cannot be read (${read.code})`;
    throw new ConfigError({ where: at(), message });
  }
  const text = read.text;
  let workflow: unknown;
  try {
    workflow = parseYamlSource(text, file).takeValue();
  } catch (error) {
    // The first syntax error says it is not a workflow; the ones after it are its echo.
    if (error instanceof ConfigError) {
      const problem = firstSyntaxProblem(error.problems);
      throw new ConfigError({
        where: problem.where,
        message: `--workflow: not a workflow: ${problem.message}`,
      });
    }
    throw error;
  }
  const jobs = (workflow as { jobs?: unknown } | null)?.jobs;
  if (typeof jobs !== 'object' || jobs === null || Array.isArray(jobs))
    throw new ConfigError({
      where: at(),
      message: '--workflow: not a GitHub Actions workflow (it has no `jobs:` map)',
    });
}

/** Reads a workflow: its images, and a finding for every push it cannot resolve or read. */
export function discoverFromWorkflow(file: string, options: WorkflowReadOptions = {}): Discovery {
  const runner = runnerVariables(options.env ?? {});
  const found = discoverWorkflowFile(file, {
    runner,
    variables: options.variables ?? {},
    ...(options.session ? { session: options.session } : {}),
  });
  const images: DiscoveredImage[] = [];
  const findings = found.findings.map((finding) =>
    discoveryFinding(finding.kind, SEVERITY[finding.kind], finding.where, finding.message),
  );
  // A pushed image must be one a registry accepts: a gcr.io path without an image is refused at push time.
  const locate = registryLocator(registries, options.targets);
  for (const image of found.images) {
    try {
      parseImageReference(image.reference, locate);
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
  const deploys = deployTargetsOf(
    found.clusters,
    images.map((image) => image.reference),
  );
  const ecs = ecsTargetsOf(
    found.ecsDeploys ?? [],
    images.map((image) => image.reference),
    workflowRepositoryRoot(file).root,
  );
  // A Cloud Run or Lambda deploy pulls the image it names, pushed by the workflow or not.
  const serverless = serverlessTargetsOf(found.serverless, locate);
  return {
    images: [...images, ...serverless.images],
    findings: [...findings, ...deploys.findings, ...ecs.findings, ...serverless.findings],
    targets: [...deploys.targets, ...ecs.targets, ...serverless.targets],
    // Only pushes that parse are checked; the others are findings already.
    ciLogins: (found.ciLogins ?? []).map((login) => ({
      ...login,
      pushes: login.pushes.filter((reference) => images.some((image) => image.reference === reference)),
    })),
  };
}

export interface WorkflowReadOptions {
  /** An environment to take the runner's non-secret variables from (only those: see RUNNER_VARIABLES). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** `discover.variables`. */
  readonly variables?: Readonly<Record<string, string>>;
  readonly session?: WorkflowSession;
  /** The config's targets: the registry hosts they declare (an OpenShift route) have their own path form. */
  readonly targets?: readonly TargetInput[];
}

const SEVERITY = { 'undiscovered-destination': 'medium', 'may-push': 'medium', discovery: 'medium' } as const;

/** Only the runner's own, non-secret variables: a secret in the environment must never reach a report. */
export function runnerVariables(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(RUNNER_VARIABLES.flatMap((name) => (env[name] ? [[name, env[name]]] : [])));
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
