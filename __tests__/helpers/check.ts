import assert from 'node:assert/strict';
import { loadConfigText } from '../../src/core/config/load.ts';
import { runCheck } from '../../src/core/engine.ts';
import type { PullResult } from '../../src/core/verdict.ts';
import { providers } from '../../src/providers/index.ts';

/** Runs the whole offline check on a config that plans exactly one pull, and returns its result. */
export function checkSinglePull(configText: string): PullResult {
  const config = loadConfigText(configText, 'pullcheck.yml');
  const report = runCheck(config, providers, { failOn: 'denied' });
  assert.equal(report.results.length, 1, 'the config plans exactly one pull');
  return report.results[0]!;
}
