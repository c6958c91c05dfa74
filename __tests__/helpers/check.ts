import assert from 'node:assert/strict';
import { loadConfigText, type LoadedConfig } from '../../src/core/config/load.ts';
import { runCheck, type CheckOptions } from '../../src/core/engine.ts';
import type { Report } from '../../src/core/report-model.ts';
import type { PullResult } from '../../src/core/verdict.ts';
import { prepareProviders } from '../../src/core/provider.ts';
import { loadedProviders } from '../../src/providers/index.ts';

// Loaded once, so the rule tables stay synchronous (the pipeline awaits the same loading).
const LOADED = await loadedProviders();

/** Runs the whole offline check on a config that plans exactly one pull, and returns its result. */
export function checkSinglePull(configText: string): PullResult {
  const config = loadConfigText(configText, 'pullcheck.yml');
  const report = runCheck(config, prepareProviders(LOADED, config), { failOn: 'denied' });
  assert.equal(report.results.length, 1, 'the config plans exactly one pull');
  return report.results[0]!;
}

/** The whole offline check of a loaded config, with every provider. */
export function checkConfig(config: LoadedConfig, options: CheckOptions = { failOn: 'denied' }): Report {
  return runCheck(config, prepareProviders(LOADED, config), options);
}
