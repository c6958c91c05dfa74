// What `check` and `explain` read before any fact: the config file, with what the repository shows joined to
// it — the workflow's images (--workflow FILE, discover.workflows) and the targets of discover.manifests.
import { loadConfigFile } from '../core/config/load.ts';
import { discover, type FoundCiLogin } from '../discover/index.ts';
import { assertWorkflowFile } from '../discover/workflow-images.ts';
import type { LoadedConfig } from '../core/config/load.ts';
import type { ReportFinding } from '../core/verdict.ts';

export interface DiscoveredConfig {
  readonly config: LoadedConfig;
  /** What discovery could not read or resolve. */
  readonly findings: readonly ReportFinding[];
  readonly workflows: readonly string[];
  readonly ciLogins: readonly FoundCiLogin[];
}

export function discoveredConfig(configFile: string, workflow: string | undefined): DiscoveredConfig {
  if (workflow) assertWorkflowFile(workflow);
  const discovered = discover(
    loadConfigFile(configFile, {}, 'pass --config FILE or create .github/pullcheck.yml'),
    { workflows: workflow ? [workflow] : [], env: process.env as Record<string, string> },
  );
  return discovered;
}

/** The token the gh CLI and Actions use, to read the repository's OIDC subject template with, if any. */
export function gitHubToken(): string | undefined {
  return process.env['GITHUB_TOKEN'] || process.env['GH_TOKEN'] || undefined;
}
