// Where the post step finds what the logins replaced. The backup holds the user's previous credentials,
// so it lives in a private folder (mkdtemp: 0700, a fresh unguessable name) under RUNNER_TEMP, named so
// that no report glob there (`pullcheck-report*`, `*.json`, hidden files left out) picks it up for upload.
import { mkdtempSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FOLDER_PREFIX = '.pullcheck-logins-';

/** A new private folder under `parent` for this step's backups. */
export function createBackupFolder(parent: string): string {
  return mkdtempSync(path.join(parent, FOLDER_PREFIX));
}

export function writeBackup(folder: string, name: string, value: unknown): string {
  const file = path.join(folder, `${name}.backup`);
  writeFileSync(file, JSON.stringify(value), { mode: 0o600, flag: 'wx' });
  return file;
}

/** The backup's value, or undefined when it is gone. */
export function readBackup(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return JSON.parse(text) as unknown;
}

/** Deletes the backup, then its folder once no other backup is left in it. */
export function deleteBackup(file: string): void {
  rmSync(file, { force: true });
  const folder = path.dirname(file);
  if (!path.basename(folder).startsWith(FOLDER_PREFIX)) return;
  try {
    rmdirSync(folder);
  } catch {
    // Another file's backup is still there; the last one out removes the folder.
  }
}
