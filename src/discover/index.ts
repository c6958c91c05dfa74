// Discovery joins the config: images the workflows push are added to `images`, and workloads found in
// `discover.manifests` become the targets (the config only adds what cannot be seen). What discovery
// cannot read or resolve becomes a finding with its place; it never stops the check.
import type { LoadedConfig } from '../core/config/load.ts';
import { WorkflowSession } from './workflows/index.ts';
import { buildPlan } from '../core/plan.ts';
import { registries } from '../providers/index.ts';
import type { ReportFinding } from '../core/verdict.ts';
import type { FoundCiLogin } from './workflows/ci-logins.ts';
import type { HelmRunner } from './manifests/helm.ts';
import type { KustomizeSettings } from './manifests/kustomize/real-tool.ts';
import { withDeployTargets, type AppliedToTarget, type DeployTarget } from './deploy-targets.ts';
import { withManifestTargets } from './manifest-targets.ts';
import {
  discoverFromWorkflow,
  withDiscoveredImages,
  workflowFiles,
  type DiscoveredImage,
} from './workflow-images.ts';

export { discoverFromWorkflow, withDiscoveredImages, type Discovery } from './workflow-images.ts';
export type { FoundCiLogin } from './workflows/ci-logins.ts';

export interface DiscoverOptions {
  /** Workflow files named outside the config: `--workflow FILE`, the action's running workflow. */
  readonly workflows?: readonly string[];
  /** The runner's environment: only its non-secret GITHUB_* variables are read (RUNNER_VARIABLES). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly helmRunner?: HelmRunner;
  /** Where the real kustomize (or kubectl) is looked for; by default this process's PATH. */
  readonly kustomize?: KustomizeSettings;
}

/** The config with what the repository shows added, the findings of reading it, and the workflows read. */
export function discover(
  config: LoadedConfig,
  options: DiscoverOptions = {},
): {
  config: LoadedConfig;
  findings: ReportFinding[];
  workflows: string[];
  ciLogins: FoundCiLogin[];
  /** What the workflows apply to each cluster (`pullcheck init` tells these folders from the others). */
  applied: AppliedToTarget[];
} {
  const workflows = workflowFiles(config, options.workflows ?? []);
  const findings = [...workflows.findings];
  const pushed: DiscoveredImage[] = [];
  const deployTargets: DeployTarget[] = [];
  const ciLogins: FoundCiLogin[] = [];
  const session = new WorkflowSession();
  for (const file of workflows.files) {
    const found = discoverFromWorkflow(file, {
      targets: config.input.targets ?? [],
      session,
      env: options.env ?? {},
      variables: config.input.discover?.variables ?? {},
    });
    pushed.push(...found.images);
    findings.push(...found.findings);
    deployTargets.push(...(found.targets ?? []));
    ciLogins.push(...(found.ciLogins ?? []));
  }
  const deployed = withDeployTargets(
    withDiscoveredImages(config, { images: pushed, findings: [] }),
    deployTargets,
  );
  const withImages = deployed.config;
  const read = { workflows: workflows.files, ciLogins, applied: deployed.applied };
  if (!config.input.discover?.manifests?.length && deployed.applied.length === 0)
    return { config: withImages, findings, ...read };
  // The declared targets are checked as written before manifests replace them, so a mistake in one (an
  // image outside `images`, a duplicate name) is reported at its own line and never silently dropped.
  buildPlan(withImages, registries);
  const targets = withManifestTargets(withImages, options.helmRunner, deployed.applied, options.kustomize);
  return { config: targets.config, findings: [...findings, ...targets.findings], ...read };
}
