// Reading and writing one Docker config / containers auth file without ever leaving it half written: a
// symlinked file is written through to its target (the link stays, as `docker login` keeps it: docker/cli
// configfile Save follows the link, dangling or not, and copies the old file's permissions), the new text
// lands by rename in the target's own folder, and a file pullcheck cannot parse is never touched.
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

export class DockerConfigError extends Error {
  override name = 'DockerConfigError';
}

// The kernel gives up on a symlink chain at 40 links (ELOOP); so does this.
const MAX_LINKS = 40;

/** The file a write must replace: `file` itself, or the end of its symlink chain (which may not exist yet). */
export function configTarget(file: string): string {
  let current = path.resolve(file);
  for (let links = 0; links <= MAX_LINKS; links++) {
    let isLink: boolean;
    try {
      isLink = lstatSync(current).isSymbolicLink();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return current;
      throw error;
    }
    if (!isLink) return current;
    current = path.resolve(path.dirname(current), readlinkSync(current));
  }
  throw new DockerConfigError(
    `${file} is a chain of more than ${MAX_LINKS} symlinks; pullcheck left it untouched`,
  );
}

/** The file's text, or null when there is none. */
export function readConfigText(target: string): string | null {
  try {
    return readFileSync(target, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** `file` names the config in messages (the path the user knows, not a link's target). */
export function parseConfig(text: string | null, file: string): Record<string, unknown> {
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
  for (const key of ['auths', 'credHelpers']) {
    const map = (value as Record<string, unknown>)[key];
    if (map !== undefined && (typeof map !== 'object' || map === null || Array.isArray(map))) {
      throw new DockerConfigError(`${file}: "${key}" is not an object; pullcheck left it untouched`);
    }
  }
  return value as Record<string, unknown>;
}

/** Keeps the file's own indentation (Docker writes tabs). */
export function serializeConfig(config: Record<string, unknown>, previous: string | null): string {
  const indent = /\n(\t| +)"/.exec(previous ?? '')?.[1] ?? '\t';
  return `${JSON.stringify(config, null, indent)}\n`;
}

/**
 * temp file in the target's folder + rename: a reader never sees half a file, a crash never leaves one,
 * and the rename cannot cross file systems. An existing file keeps its mode (and owner, when allowed); a
 * new one is 0600.
 */
export function writeConfigAtomically(target: string, text: string): void {
  mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  let previous: ReturnType<typeof statSync> | undefined;
  try {
    previous = statSync(target);
  } catch {
    previous = undefined;
  }
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.pullcheck-${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    writeFileSync(temporary, text, { mode: 0o600, flag: 'wx' });
    if (previous) {
      chmodSync(temporary, previous.mode & 0o7777);
      if (previous.uid !== process.getuid?.() || previous.gid !== process.getgid?.()) {
        try {
          chownSync(temporary, previous.uid, previous.gid);
        } catch {
          // Only root may give a file away; the file then belongs to the user running the job.
        }
      }
    }
    renameSync(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
  }
}

export function removeConfigFile(target: string): void {
  rmSync(target, { force: true });
}
