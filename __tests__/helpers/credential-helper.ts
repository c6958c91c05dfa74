// A fake Docker credential helper (`docker-credential-NAME`, the protocol of docker/docker-credential-helpers)
// written into a folder of its own for PATH: a small Node script keeping its entries in a JSON file, and a
// log of the calls it answered (action and server, never a secret). It can be told to fail its stores,
// printing what it was given — the secret included — so tests can prove pullcheck never repeats it.
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface HelperEntry {
  readonly Username: string;
  readonly Secret: string;
}

export interface FakeCredentialHelper {
  /** The helper's name, as `credHelpers` and `credsStore` spell it. */
  readonly name: string;
  /** The folder holding docker-credential-NAME, to put on PATH. */
  readonly bin: string;
  /** What the helper holds now, by server. */
  entries(): Record<string, HelperEntry>;
  /** Replaces what the helper holds (as another `docker login` would). */
  seed(entries: Record<string, HelperEntry>): void;
  /** `ACTION SERVER` per call, oldest first. */
  calls(): string[];
}

export interface FakeHelperOptions {
  /** Answer every store with exit 1: the secret on stdout, the whole input on stderr. */
  readonly failStores?: boolean;
  /** Put the helper in this folder (several helpers may share one PATH entry). */
  readonly bin?: string;
}

export function writeFakeCredentialHelper(
  name: string,
  options: FakeHelperOptions = {},
): FakeCredentialHelper {
  const bin = options.bin ?? mkdtempSync(path.join(os.tmpdir(), 'pullcheck-helper-bin-'));
  const data = mkdtempSync(path.join(os.tmpdir(), `pullcheck-helper-${name}-`));
  const store = path.join(data, 'entries.json');
  const log = path.join(data, 'calls.log');
  writeFileSync(store, '{}');
  writeFileSync(log, '');
  const script = `#!${process.execPath}
const fs = require('node:fs');
const STORE = ${JSON.stringify(store)};
const LOG = ${JSON.stringify(log)};
const FAIL_STORES = ${options.failStores === true};
const action = process.argv[2];
const input = fs.readFileSync(0, 'utf8');
const entries = JSON.parse(fs.readFileSync(STORE, 'utf8'));
const server = action === 'store' ? JSON.parse(input).ServerURL : input.trim();
fs.appendFileSync(LOG, action + ' ' + server + '\\n');
if (action === 'get') {
  const entry = entries[server];
  if (!entry) { process.stdout.write('credentials not found in native keychain\\n'); process.exit(1); }
  process.stdout.write(JSON.stringify({ ServerURL: server, Username: entry.Username, Secret: entry.Secret }));
} else if (action === 'store') {
  if (FAIL_STORES) {
    process.stdout.write('keyring locked, could not store ' + JSON.parse(input).Secret + '\\n');
    process.stderr.write('debug: ' + input + '\\n');
    process.exit(1);
  }
  const { Username, Secret } = JSON.parse(input);
  entries[server] = { Username, Secret };
  fs.writeFileSync(STORE, JSON.stringify(entries));
} else if (action === 'erase') {
  delete entries[server];
  fs.writeFileSync(STORE, JSON.stringify(entries));
} else if (action === 'list') {
  process.stdout.write(JSON.stringify(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, v.Username]))));
} else {
  process.stdout.write('unknown action\\n');
  process.exit(1);
}
`;
  const program = path.join(bin, `docker-credential-${name}`);
  writeFileSync(program, script);
  chmodSync(program, 0o755);
  return {
    name,
    bin,
    entries: () => JSON.parse(readFileSync(store, 'utf8')) as Record<string, HelperEntry>,
    seed: (entries) => writeFileSync(store, JSON.stringify(entries)),
    calls: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('\n')
            .filter((line) => line !== '')
        : [],
  };
}

/** PATH with `bins` first. */
export function pathWith(...bins: string[]): string {
  return [...bins, process.env['PATH'] ?? '/usr/bin:/bin'].join(path.delimiter);
}
