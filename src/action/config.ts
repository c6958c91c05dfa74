// The config the action checks: the config file, the images the running workflow pushes (discovered from
// GITHUB_WORKFLOW_REF), and the `images` and `targets` inputs — all appended, never replacing.
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  loadConfigFile,
  loadConfigText,
  type ConfigAdditions,
  type LoadedConfig,
} from '../core/config/load.ts';
import { discoverFromWorkflow, withDiscoveredImages, type Discovery } from '../discover/index.ts';
import type { Options } from '../inputs.ts';

export function loadActionConfig(
  options: Options,
  env: NodeJS.ProcessEnv = process.env,
): { config: LoadedConfig; discovery?: Discovery } {
  const workflow = runningWorkflow(env);
  const discovery = workflow ? discoverFromWorkflow(workflow, env as Record<string, string>) : undefined;
  const inputs = {
    images: options.images,
    ...(options.targets.trim() ? { targets: { text: options.targets, source: 'input targets' } } : {}),
  };
  // Without a config file (none given, the default absent) discovery and the inputs describe the check.
  const load = (additions: ConfigAdditions) =>
    !options.configGiven && !existsSync(options.config)
      ? loadConfigText('version: 1\n', '(action inputs)', additions)
      : loadConfigFile(options.config, additions);
  const loaded = load(inputs);
  const config = discovery ? withDiscoveredImages(loaded, discovery) : loaded;
  return { config, ...(discovery ? { discovery } : {}) };
}

/** GITHUB_WORKFLOW_REF is `OWNER/REPO/.github/workflows/FILE@REF`: the file, in the workspace. */
function runningWorkflow(env: NodeJS.ProcessEnv): string | undefined {
  const ref = env['GITHUB_WORKFLOW_REF'];
  const match = ref ? /^[^/]+\/[^/]+\/(.+?)@/.exec(ref) : null;
  if (!match?.[1]) return undefined;
  const file = path.join(env['GITHUB_WORKSPACE'] || process.cwd(), match[1]);
  return existsSync(file) ? file : undefined;
}
