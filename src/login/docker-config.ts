// The Docker config (`$DOCKER_CONFIG/config.json`, default ~/.docker/config.json; also REGISTRY_AUTH_FILE
// for Podman, Buildah and Skopeo): logins are merged in — into `auths`, or through the credential helper
// the file names for the host — and taken out again exactly by the post step, from a private backup.
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { RegistryCredential } from '../core/provider.ts';
import {
  configTarget,
  DockerConfigError,
  parseConfig,
  readConfigText,
  removeConfigFile,
  serializeConfig,
  writeConfigAtomically,
} from './config-file.ts';
import { helperServing, storeInHelpers, undoHelperLogins, type HelperLogin } from './helper-logins.ts';
import { createBackupFolder, deleteBackup, readBackup, writeBackup } from './login-backup.ts';

export { DockerConfigError } from './config-file.ts';

export type RegistryLogin = RegistryCredential;

/** A file the logins go to. Docker honours its `credsStore`; containers/image, the only reader of REGISTRY_AUTH_FILE, does not. */
export interface AuthFile {
  readonly path: string;
  readonly readByDocker: boolean;
}

export interface LoginOptions {
  /** Keep a backup here for the post step to undo the logins (logout); none is written without it. */
  readonly backupDir?: string;
  /** The environment credential helpers run with (PATH finds them). */
  readonly env: NodeJS.ProcessEnv;
  /** Told where a login went when it went to a credential helper. */
  readonly info?: (message: string) => void;
}

/** What the post step needs to undo one file's logins; kept in the action's state, so it holds no secret. */
export interface LoginRecord {
  readonly file: string;
  readonly hosts: readonly string[];
  readonly backupFile: string;
}

/** The secret half of a record: what the logins replaced. */
interface Backup {
  /** The file's bytes before the logins (null: there was no file). */
  readonly original: string | null;
  /** The `auths` entries the logins replaced, by host (null: there was none). */
  readonly replaced: Record<string, unknown>;
  /** sha256 of each `auths` entry written, to leave alone an entry someone changed since. */
  readonly written: Record<string, string>;
  readonly helpers: readonly HelperLogin[];
}

export interface LogoutReport {
  /** Entries someone changed after the login: left as they are. */
  readonly changedSince: readonly string[];
  /** What could not be undone; the backup is then kept. */
  readonly failures: readonly string[];
}

export function dockerConfigFiles(env: NodeJS.ProcessEnv): AuthFile[] {
  const docker = path.join(env['DOCKER_CONFIG'] || path.join(os.homedir(), '.docker'), 'config.json');
  const registryAuth = env['REGISTRY_AUTH_FILE'];
  return registryAuth && path.resolve(registryAuth) !== path.resolve(docker)
    ? [
        { path: docker, readByDocker: true },
        { path: registryAuth, readByDocker: false },
      ]
    : [{ path: docker, readByDocker: true }];
}

/**
 * Logs in through every file, all or nothing: a file or helper that fails undoes the files before it.
 * Returns how to undo the logins (nothing when no backupDir was given).
 */
export function loginToAuthFiles(
  files: readonly AuthFile[],
  logins: readonly RegistryLogin[],
  options: LoginOptions,
): LoginRecord[] {
  const applied: { file: string; backup: Backup }[] = [];
  try {
    for (const file of files) {
      const backup = applyLogins(file, logins, options.env);
      applied.push({ file: file.path, backup });
      for (const { helper, source, host } of backup.helpers)
        options.info?.(
          `pullcheck: the login for ${host} is in docker-credential-${helper} ("${source}" in ${file.path})`,
        );
    }
    if (options.backupDir === undefined) return [];
    const folder = keepBackupFolder(options.backupDir);
    const hosts = [...new Set(logins.map((login) => login.host))];
    return applied.map(({ file, backup }, index) => ({
      file,
      hosts,
      backupFile: writeBackup(folder, `docker-config-${index + 1}`, backup),
    }));
  } catch (error) {
    const leftovers = applied
      .reverse()
      .flatMap(({ file, backup }) => undoLogins(file, backup, options.env).failures);
    const message =
      error instanceof DockerConfigError
        ? error.message
        : `could not log in through ${files.map((f) => f.path).join(', ')}: ${(error as Error).message}`;
    throw new DockerConfigError(
      leftovers.length > 0
        ? `${message}; undoing the logins made before also failed: ${leftovers.join('; ')}`
        : message,
    );
  }
}

/**
 * Takes out exactly the logins pullcheck made, restoring what they replaced. When nothing else changed
 * meanwhile, the file gets back its original bytes. The backup is deleted unless something failed.
 */
export function removeLogins(record: LoginRecord, env: NodeJS.ProcessEnv): LogoutReport {
  let backup: unknown;
  try {
    backup = readBackup(record.backupFile);
  } catch {
    backup = undefined;
  }
  if (!isBackup(backup)) {
    return {
      changedSince: [],
      failures: [
        `its backup ${record.backupFile} is missing or unreadable, so the logins for ${record.hosts.join(', ')} were left in place`,
      ],
    };
  }
  const report = undoLogins(record.file, backup, env);
  if (report.failures.length === 0) deleteBackup(record.backupFile);
  return report;
}

function applyLogins(file: AuthFile, logins: readonly RegistryLogin[], env: NodeJS.ProcessEnv): Backup {
  const target = configTarget(file.path);
  const original = readConfigText(target);
  const config = parseConfig(original, file.path);
  const auths = { ...(config['auths'] as Record<string, unknown> | undefined) };
  const replaced: Record<string, unknown> = {};
  const written: Record<string, string> = {};
  const viaHelpers = new Map<string, Parameters<typeof storeInHelpers>[1][number]>();
  for (const login of logins) {
    const route = helperServing(config, login.host, file.readByDocker);
    if (route) {
      const credentials = { Username: login.username, Secret: login.password };
      viaHelpers.set(login.host, { ...route, host: login.host, credentials });
    }
    // A credHelpers host reads nothing from `auths`; a credsStore host still does for containers/image.
    if (route?.source === 'credHelpers') continue;
    const entry = { auth: Buffer.from(`${login.username}:${login.password}`).toString('base64') };
    if (!(login.host in written)) replaced[login.host] = auths[login.host] ?? null;
    auths[login.host] = entry;
    written[login.host] = digest(entry);
  }
  const helpers = storeInHelpers(file.path, [...viaHelpers.values()], env);
  try {
    if (Object.keys(written).length > 0)
      writeConfigAtomically(target, serializeConfig({ ...config, auths }, original));
  } catch (error) {
    undoHelperLogins(helpers, env);
    throw error;
  }
  return { original, replaced, written, helpers };
}

function undoLogins(file: string, backup: Backup, env: NodeJS.ProcessEnv): LogoutReport {
  const { changedSince, failures } = undoHelperLogins(backup.helpers, env);
  if (Object.keys(backup.written).length === 0) return { changedSince, failures };
  try {
    changedSince.push(...undoAuths(file, backup));
  } catch (error) {
    failures.push(
      error instanceof DockerConfigError
        ? error.message
        : `${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).name}`,
    );
  }
  return { changedSince, failures };
}

/** Restores the `auths` entries; returns the hosts left alone because they changed since. */
function undoAuths(file: string, backup: Backup): string[] {
  const target = configTarget(file);
  const current = readConfigText(target);
  const config = parseConfig(current, file);
  const auths = { ...(config['auths'] as Record<string, unknown> | undefined) };
  const changedSince: string[] = [];
  for (const [host, hash] of Object.entries(backup.written)) {
    if (auths[host] === undefined || digest(auths[host]) !== hash) {
      if (auths[host] !== undefined) changedSince.push(`${host} in ${file}`);
      continue;
    }
    const previous = backup.replaced[host];
    if (previous === null || previous === undefined) delete auths[host];
    else auths[host] = previous;
  }
  const restored = { ...config, auths };
  if (isDeepStrictEqual(withoutEmptyAuths(restored), withoutEmptyAuths(parseConfig(backup.original, file)))) {
    if (backup.original === null) removeConfigFile(target);
    else writeConfigAtomically(target, backup.original);
  } else if (!isDeepStrictEqual(restored, config)) {
    writeConfigAtomically(target, serializeConfig(restored, current));
  }
  return changedSince;
}

function keepBackupFolder(parent: string): string {
  try {
    return createBackupFolder(parent);
  } catch (error) {
    throw new DockerConfigError(
      `could not create a private folder for the logins' backup in ${parent}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
}

function isBackup(value: unknown): value is Backup {
  if (typeof value !== 'object' || value === null) return false;
  const backup = value as Record<string, unknown>;
  return (
    (typeof backup['original'] === 'string' || backup['original'] === null) &&
    typeof backup['replaced'] === 'object' &&
    typeof backup['written'] === 'object' &&
    Array.isArray(backup['helpers'])
  );
}

function withoutEmptyAuths(config: Record<string, unknown>): Record<string, unknown> {
  const auths = config['auths'] as Record<string, unknown> | undefined;
  if (auths && Object.keys(auths).length === 0) {
    const rest = { ...config };
    delete rest['auths'];
    return rest;
  }
  return config;
}

function digest(entry: unknown): string {
  return createHash('sha256').update(JSON.stringify(entry)).digest('hex');
}
