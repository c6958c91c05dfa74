// The login half of the main step, and the logout post step: glue between the action's inputs and state
// and src/login. A post step never fails the job: problems become warnings.
import * as core from './toolkit.ts';
import type { LoadedConfig } from '../core/config/load.ts';
import { buildPlan } from '../core/plan.ts';
import { registries } from '../providers/index.ts';
import type { Options } from '../inputs.ts';
import { removeLogins, type LoginRecord } from '../login/docker-config.ts';
import { loginToRegistries, type LoginResult } from '../check/login.ts';
import { withOidcRetries } from '../login/oidc.ts';
import os from 'node:os';

const RECORDS_STATE = 'docker-config-logins';

/** Logs in to the registries of the config's images; returns the hosts and the sessions obtained. */
export async function loginStep(
  config: LoadedConfig,
  options: Options,
  env: NodeJS.ProcessEnv,
): Promise<Pick<LoginResult, 'registries' | 'sessions'>> {
  const { images } = buildPlan(config, registries);
  const result = await loginToRegistries(images, options.loginInputs, {
    getIdToken: withOidcRetries((audience) => core.getIDToken(audience)),
    mask: (secret) => core.setSecret(secret),
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    env,
    config: config.input,
    // The backup holds the credentials the logins replaced: kept only when the post step will use it.
    ...(options.logout ? { backupDir: env['RUNNER_TEMP'] || os.tmpdir() } : {}),
  });
  if (options.logout && result.records.length > 0)
    core.saveState(RECORDS_STATE, JSON.stringify(result.records));
  return result;
}

/** The post step: takes out exactly the logins the main step added, the last file's first. */
export function logoutStep(env: NodeJS.ProcessEnv = process.env): void {
  const state = core.getState(RECORDS_STATE);
  if (!state) return;
  let records: LoginRecord[];
  try {
    records = JSON.parse(state) as LoginRecord[];
  } catch {
    core.warning('pullcheck: the login state saved by the main step is unreadable; no logout was done');
    return;
  }
  for (const record of [...records].reverse()) {
    try {
      const { changedSince, failures } = removeLogins(record, env);
      for (const entry of changedSince) {
        core.warning(
          `pullcheck: the login for ${entry} changed after pullcheck's login; it was left as it is`,
        );
      }
      if (failures.length === 0) core.info(`pullcheck: logged out of the registries in ${record.file}`);
      for (const failure of failures) {
        core.warning(`pullcheck: could not fully log out of the registries in ${record.file}: ${failure}`);
      }
    } catch (error) {
      core.warning(`pullcheck: could not remove the logins from ${record.file}: ${(error as Error).message}`);
    }
  }
}
