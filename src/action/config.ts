// The config the action checks: the config file, what discovery finds (the images the running workflow
// pushes, named by GITHUB_WORKFLOW_REF; discover.manifests), and the `images` and `targets` inputs — all
// appended, never replacing.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfigFile, loadConfigText, type ConfigAdditions } from '../core/config/load.ts';
import { discover } from '../discover/index.ts';
import type { Options } from '../inputs.ts';

/** The name a config made of the action's inputs alone goes by (there is no config file). */
export const INPUTS_ONLY = '(action inputs)';

export function loadActionConfig(
  options: Options,
  env: NodeJS.ProcessEnv = process.env,
): ReturnType<typeof discover> {
  const workflow = runningWorkflow(env);
  const inputs = {
    images: options.images,
    ...(options.targets.trim() ? { targets: { text: options.targets, source: 'input targets' } } : {}),
  };
  // Without a config file (none given, the default absent) discovery and the inputs describe the check.
  const load = (additions: ConfigAdditions) =>
    !options.configGiven && !existsSync(options.config)
      ? loadConfigText('version: 1\n', INPUTS_ONLY, additions)
      : loadConfigFile(
          options.config,
          additions,
          'set the `config` input to its path in the repository, or leave it empty to use the inputs alone',
        );
  return discover(load(inputs), {
    workflows: workflow ? [workflow] : [],
    env: env as Record<string, string>,
  });
}

/** GITHUB_WORKFLOW_REF is `OWNER/REPO/.github/workflows/FILE@REF`: the file, in the workspace. */
function runningWorkflow(env: NodeJS.ProcessEnv): string | undefined {
  const ref = env['GITHUB_WORKFLOW_REF'];
  const match = ref ? /^[^/]+\/[^/]+\/(.+?)@/.exec(ref) : null;
  if (!match?.[1]) return undefined;
  const file = path.join(env['GITHUB_WORKSPACE'] || process.cwd(), match[1]);
  return existsSync(file) ? file : undefined;
}
