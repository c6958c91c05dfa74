// The Docker config (`$DOCKER_CONFIG/config.json`, default ~/.docker/config.json; also REGISTRY_AUTH_FILE
// for Podman, Buildah and Skopeo): logins are merged in and taken out again exactly, the file is written
// atomically with mode 0600, and a file pullcheck cannot parse is never touched.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';

export interface RegistryLogin {
  readonly host: string;
  readonly username: string;
  readonly password: string;
}

/** What the post step needs to undo one file's logins; kept in a 0600 file under RUNNER_TEMP. */
export interface LoginRecord {
  readonly file: string;
  readonly backupFile: string;
}

interface Backup {
  /** The file's bytes before the logins (null: there was no file). */
  readonly original: string | null;
  /** The entries the logins replaced, by host (null: there was none). */
  readonly replaced: Record<string, unknown>;
  /** sha256 of each entry written, to leave alone an entry someone changed since. */
  readonly written: Record<string, string>;
}

export class DockerConfigError extends Error {
  override name = 'DockerConfigError';
}

export function dockerConfigFiles(env: NodeJS.ProcessEnv): string[] {
  const docker = path.join(env['DOCKER_CONFIG'] || path.join(os.homedir(), '.docker'), 'config.json');
  const registryAuth = env['REGISTRY_AUTH_FILE'];
  return registryAuth && path.resolve(registryAuth) !== path.resolve(docker)
    ? [docker, registryAuth]
    : [docker];
}

/** Merges the logins into `file` and returns how to undo them. */
export function addLogins(file: string, logins: readonly RegistryLogin[], backupDir: string): LoginRecord {
  const original = existsSync(file) ? readFileSync(file, 'utf8') : null;
  const config = parse(original, file);
  const auths = { ...(config['auths'] as Record<string, unknown> | undefined) };
  const replaced: Record<string, unknown> = {};
  const written: Record<string, string> = {};
  for (const login of logins) {
    const entry = { auth: Buffer.from(`${login.username}:${login.password}`).toString('base64') };
    if (!(login.host in written)) replaced[login.host] = auths[login.host] ?? null;
    auths[login.host] = entry;
    written[login.host] = digest(entry);
  }
  const backupFile = path.join(backupDir, `pullcheck-docker-config-${randomBytes(6).toString('hex')}.json`);
  writeAtomically(backupFile, JSON.stringify({ original, replaced, written } satisfies Backup));
  writeAtomically(file, serialize({ ...config, auths }, original));
  return { file, backupFile };
}

/**
 * Takes out exactly the entries pullcheck wrote, restoring those they replaced. When nothing else changed
 * meanwhile, the file gets back its original bytes. Returns hosts left alone because they changed since.
 */
export function removeLogins(record: LoginRecord): string[] {
  const backup = JSON.parse(readFileSync(record.backupFile, 'utf8')) as Backup;
  const current = existsSync(record.file) ? readFileSync(record.file, 'utf8') : null;
  const config = parse(current, record.file);
  const auths = { ...(config['auths'] as Record<string, unknown> | undefined) };
  const changedSince: string[] = [];
  for (const [host, hash] of Object.entries(backup.written)) {
    if (auths[host] === undefined || digest(auths[host]) !== hash) {
      changedSince.push(host);
      continue;
    }
    const previous = backup.replaced[host];
    if (previous === null || previous === undefined) delete auths[host];
    else auths[host] = previous;
  }
  const restored = { ...config, auths };
  const originalConfig = parse(backup.original, record.file);
  if (isDeepStrictEqual(withoutEmptyAuths(restored), withoutEmptyAuths(originalConfig))) {
    if (backup.original === null) rmSync(record.file, { force: true });
    else writeAtomically(record.file, backup.original);
  } else {
    writeAtomically(record.file, serialize(restored, current));
  }
  rmSync(record.backupFile, { force: true });
  return changedSince;
}

function parse(text: string | null, file: string): Record<string, unknown> {
  if (text === null || text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // V8 quotes the text around the error ('..."auth": c2Vj"... is not valid JSON'): in a Docker config
    // that text is a credential, so only the position is reported.
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    const where = position === undefined ? '' : ` near character ${position}`;
    throw new DockerConfigError(
      `${file} is not valid JSON${where}; pullcheck left it untouched: fix or remove it`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DockerConfigError(
      `${file} is not a JSON object; pullcheck left it untouched: fix or remove it`,
    );
  }
  const auths = (value as { auths?: unknown }).auths;
  if (auths !== undefined && (typeof auths !== 'object' || auths === null || Array.isArray(auths))) {
    throw new DockerConfigError(`${file}: "auths" is not an object; pullcheck left it untouched`);
  }
  return value as Record<string, unknown>;
}

/** Keeps the file's own indentation (Docker writes tabs). */
function serialize(config: Record<string, unknown>, previous: string | null): string {
  const indent = /\n(\t| +)"/.exec(previous ?? '')?.[1] ?? '\t';
  return `${JSON.stringify(config, null, indent)}\n`;
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

/** temp file in the same folder + rename: a reader never sees half a file, a crash never leaves one. */
function writeAtomically(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.pullcheck-${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, text, { mode: 0o600 });
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}
