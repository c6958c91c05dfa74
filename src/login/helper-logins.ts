// Logins for hosts a credential helper serves. Both Docker and containers/image (Podman, Buildah, Skopeo)
// ask a host's `credHelpers` helper and never read its `auths` entry; Docker also sends every other host
// to a global `credsStore`, which containers/image does not know (its dockerConfigFile has no credsStore
// field, so it reads `auths`): containers/image pkg/docker/config/config.go findCredentialsInFile, and
// docker/cli cli/config/configfile/file.go getConfiguredCredentialStore. So a login such a host must go
// through the helper, as `docker login` does, or fail — an `auths` entry alone would be ignored.
import { createHash } from 'node:crypto';
import {
  CredentialHelperError,
  helperErase,
  helperGet,
  helperProgram,
  helperStore,
  type HelperCredentials,
} from './credential-helper.ts';
import { DockerConfigError } from './config-file.ts';

export type HelperSource = 'credHelpers' | 'credsStore';

export interface HelperRoute {
  readonly helper: string;
  readonly source: HelperSource;
}

export interface PlannedHelperLogin extends HelperRoute {
  readonly host: string;
  readonly credentials: HelperCredentials;
}

/** A login stored in a helper, and what the helper held for the host before (kept in the backup). */
export interface HelperLogin extends HelperRoute {
  readonly host: string;
  readonly previous: HelperCredentials | null;
  /** sha256 of what was stored, to leave alone a login someone replaced since. */
  readonly written: string;
}

/**
 * The helper that serves `host` for the clients reading this file, if any. `readByDocker`: the file is
 * Docker's config (its credsStore counts); REGISTRY_AUTH_FILE is read by containers/image alone.
 */
export function helperServing(
  config: Record<string, unknown>,
  host: string,
  readByDocker: boolean,
): HelperRoute | undefined {
  const perHost = (config['credHelpers'] as Record<string, unknown> | undefined)?.[host];
  // Docker treats an empty helper name as none (getConfiguredCredentialStore checks helper != "").
  if (typeof perHost === 'string' && perHost !== '') return { helper: perHost, source: 'credHelpers' };
  const global = config['credsStore'];
  if (readByDocker && typeof global === 'string' && global !== '')
    return { helper: global, source: 'credsStore' };
  return undefined;
}

/**
 * Stores each login in its helper. Every helper is asked for its current entry first, so nothing changes
 * unless all of them answer; a store that fails (or that the helper does not give back) undoes the stores
 * before it. Failures are DockerConfigErrors naming the helper and the host.
 */
export function storeInHelpers(
  file: string,
  planned: readonly PlannedHelperLogin[],
  env: NodeJS.ProcessEnv,
): HelperLogin[] {
  const withPrevious = planned.map((login) => ({
    login,
    previous: attempt(file, login, () => helperGet(login.helper, login.host, env)),
  }));
  const done: HelperLogin[] = [];
  for (const { login, previous } of withPrevious) {
    try {
      attempt(file, login, () => {
        helperStore(login.helper, login.host, login.credentials, env);
        const stored = helperGet(login.helper, login.host, env);
        if (!stored || digest(stored) !== digest(login.credentials))
          throw new CredentialHelperError(
            helperProgram(login.helper),
            login.host,
            'does not give back the login it was given',
          );
      });
      done.push({
        helper: login.helper,
        source: login.source,
        host: login.host,
        previous,
        written: digest(login.credentials),
      });
    } catch (error) {
      // The failed store may have half happened: put its host back too.
      const undo = undoHelperLogins(
        [...done, { ...login, previous, written: digest(login.credentials) }],
        env,
      );
      const leftovers = undo.failures.length > 0 ? `; could not undo: ${undo.failures.join('; ')}` : '';
      throw new DockerConfigError(`${(error as Error).message}${leftovers}`);
    }
  }
  return done;
}

export interface HelperUndo {
  /** Logins someone replaced after pullcheck stored them: left as they are. */
  readonly changedSince: string[];
  readonly failures: string[];
}

/** Puts back what each helper held before, newest first; an entry someone changed since is left alone. */
export function undoHelperLogins(logins: readonly HelperLogin[], env: NodeJS.ProcessEnv): HelperUndo {
  const changedSince: string[] = [];
  const failures: string[] = [];
  for (const login of [...logins].reverse()) {
    const program = helperProgram(login.helper);
    try {
      const current = helperGet(login.helper, login.host, env);
      if (current === null || digest(current) !== login.written) {
        // Nothing of ours is there to take out (or someone logged in again since).
        if (current !== null) changedSince.push(`${login.host} in ${program}`);
        continue;
      }
      if (login.previous) helperStore(login.helper, login.host, login.previous, env);
      else helperErase(login.helper, login.host, env);
    } catch (error) {
      failures.push(
        error instanceof CredentialHelperError ? error.message : `${program}: ${(error as Error).name}`,
      );
    }
  }
  return { changedSince, failures };
}

/** Runs a helper call; its failure becomes one message naming the helper, the host and the way out. */
function attempt<T>(file: string, login: PlannedHelperLogin, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (!(error instanceof CredentialHelperError)) throw error;
    const program = helperProgram(login.helper);
    const readers =
      login.source === 'credHelpers'
        ? `Docker, Podman and Skopeo read ${login.host}'s login from that helper, not from "auths"`
        : `Docker reads every login from that helper, not from "auths"`;
    const wayOut =
      login.source === 'credHelpers'
        ? `install ${program} on the runner, or remove "${login.host}" from "credHelpers" in ${file}`
        : `install ${program} on the runner, or remove "credsStore" from ${file}`;
    throw new DockerConfigError(
      `could not log in to ${login.host}: ${file} sends it to the credential helper ${program} ("${login.source}"), which ${error.problem}. ${readers}, so pullcheck does not write a login they would ignore: ${wayOut}`,
    );
  }
}

function digest(credentials: HelperCredentials): string {
  return createHash('sha256')
    .update(JSON.stringify([credentials.Username, credentials.Secret]))
    .digest('hex');
}
