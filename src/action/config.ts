// The config the action checks: the config file plus the `images` and `targets` inputs (appended).
import { existsSync } from 'node:fs';
import { loadConfigFile, loadConfigText, type LoadedConfig } from '../core/config/load.ts';
import type { Options } from '../inputs.ts';

export function loadActionConfig(options: Options): LoadedConfig {
  const additions = {
    images: options.images,
    ...(options.targets.trim() ? { targets: { text: options.targets, source: 'input targets' } } : {}),
  };
  // Without a config file (none given, the default absent) the inputs alone describe the check.
  if (!options.configGiven && !existsSync(options.config)) {
    return loadConfigText('version: 1\n', '(action inputs)', additions);
  }
  return loadConfigFile(options.config, additions);
}
