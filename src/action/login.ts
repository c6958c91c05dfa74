// The login half of the main step, and the logout post step: glue between the action's inputs and state
// and src/login. A post step never fails the job: problems become warnings.
import * as core from '@actions/core';
import type { LoadedConfig } from '../core/config/load.ts';
import { buildPlan } from '../core/plan.ts';
import type { Options } from '../inputs.ts';
import { removeLogins, type LoginRecord } from '../login/docker-config.ts';
import { loginToRegistries, type LoginResult } from '../login/index.ts';
import { withOidcRetries } from '../login/oidc.ts';
import os from 'node:os';

const RECORDS_STATE = 'docker-config-logins';

/** Logs in to the registries of the config's images; returns the hosts and the sessions obtained. */
export async function loginStep(
  config: LoadedConfig,
  options: Options,
  env: NodeJS.ProcessEnv,
): Promise<Pick<LoginResult, 'registries' | 'sessions'>> {
  const { images } = buildPlan(config);
  const endpoints = config.input.endpoints;
  const result = await loginToRegistries(images, options, {
    getIdToken: withOidcRetries((audience) => core.getIDToken(audience)),
    mask: (secret) => core.setSecret(secret),
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    env,
    endpoints: endpoints?.registries ?? {},
    ...(endpoints?.google ? { googleEndpoints: endpoints.google } : {}),
    backupDir: env['RUNNER_TEMP'] || os.tmpdir(),
  });
  if (options.logout && result.records.length > 0)
    core.saveState(RECORDS_STATE, JSON.stringify(result.records));
  return result;
}

/** The post step: takes out exactly the logins the main step added. */
export function logoutStep(): void {
  const state = core.getState(RECORDS_STATE);
  if (!state) return;
  for (const record of JSON.parse(state) as LoginRecord[]) {
    try {
      const changedSince = removeLogins(record);
      for (const host of changedSince) {
        core.warning(
          `pullcheck: the ${host} entry of ${record.file} changed after login; it was left as it is`,
        );
      }
      core.info(`pullcheck: logged out of the registries in ${record.file}`);
    } catch (error) {
      core.warning(`pullcheck: could not remove the logins from ${record.file}: ${(error as Error).message}`);
    }
  }
}
