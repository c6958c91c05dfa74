// A tiny OCI image written by hand (image layout 1.0.0: oci-layout, index.json, blobs/sha256/…) and
// skopeo to move it to and from a registry on 127.0.0.1, as a registry client that really logs in.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { requireRegistryTools } from './registry.ts';

/** The tag buildOciImage gives its image in index.json (`org.opencontainers.image.ref.name`). */
export const OCI_IMAGE_TAG = '1.0';

/** The one file in the image's layer. */
export const OCI_IMAGE_FILE = { path: 'hello.txt', content: 'hello from pullcheck\n' } as const;

const CREATED = '2024-01-01T00:00:00Z';
const MTIME = Date.parse(CREATED) / 1000;

interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
}

const sha256 = (data: Buffer) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

/** A ustar archive holding one regular file (512-byte header, padded content, two zero blocks). */
function tarWithOneFile(name: string, content: Buffer): Buffer {
  const header = Buffer.alloc(512);
  const field = (offset: number, length: number, value: string) =>
    header.write(value, offset, length, 'ascii');
  const octal = (value: number, length: number) => `${value.toString(8).padStart(length - 1, '0')}\0`;
  field(0, 100, name);
  field(100, 8, octal(0o644, 8));
  field(108, 8, octal(0, 8));
  field(116, 8, octal(0, 8));
  field(124, 12, octal(content.length, 12));
  field(136, 12, octal(MTIME, 12));
  field(148, 8, ' '.repeat(8)); // checksum: computed over the header with these spaces in place
  field(156, 1, '0');
  field(257, 6, 'ustar\0');
  field(263, 2, '00');
  field(265, 32, 'root');
  field(297, 32, 'root');
  let checksum = 0;
  for (const byte of header) checksum += byte;
  field(148, 8, `${checksum.toString(8).padStart(6, '0')}\0 `);
  const padding = Buffer.alloc((512 - (content.length % 512)) % 512);
  return Buffer.concat([header, content, padding, Buffer.alloc(1024)]);
}

/**
 * Writes a valid single-layer OCI image layout into `dir` (created if needed; must not contain ':') and
 * returns `oci:DIR:TAG`, a reference skopeo reads.
 */
export async function buildOciImage(dir: string): Promise<string> {
  if (dir.includes(':')) throw new Error(`an oci: layout path cannot contain ':' (${dir})`);
  const blobs = path.join(dir, 'blobs', 'sha256');
  mkdirSync(blobs, { recursive: true });
  const writeBlob = (mediaType: string, data: Buffer): Descriptor => {
    const digest = sha256(data);
    writeFileSync(path.join(blobs, digest.slice('sha256:'.length)), data);
    return { mediaType, digest, size: data.length };
  };
  const json = (value: unknown) => Buffer.from(JSON.stringify(value));

  const tar = tarWithOneFile(OCI_IMAGE_FILE.path, Buffer.from(OCI_IMAGE_FILE.content));
  const layer = writeBlob('application/vnd.oci.image.layer.v1.tar+gzip', gzipSync(tar));
  const config = writeBlob(
    'application/vnd.oci.image.config.v1+json',
    json({
      created: CREATED,
      architecture: 'amd64',
      os: 'linux',
      config: { Cmd: ['/hello.txt'] },
      rootfs: { type: 'layers', diff_ids: [sha256(tar)] },
      history: [{ created: CREATED, created_by: 'pullcheck test helper' }],
    }),
  );
  const manifest = writeBlob(
    'application/vnd.oci.image.manifest.v1+json',
    json({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config,
      layers: [layer],
    }),
  );
  writeFileSync(path.join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  writeFileSync(
    path.join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [{ ...manifest, annotations: { 'org.opencontainers.image.ref.name': OCI_IMAGE_TAG } }],
    }),
  );
  return `oci:${dir}:${OCI_IMAGE_TAG}`;
}

export interface SkopeoResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface SkopeoOptions {
  /** Kill skopeo (SIGKILL) after this long; default 20 s. The result then has code null. */
  readonly timeoutMs?: number;
}

let sandbox: { home: string; policy: string } | undefined;

/** A HOME of its own (no ~/.docker/config.json fallback) and an accept-anything signature policy. */
function skopeoSandbox(): { home: string; policy: string } {
  if (sandbox) return sandbox;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-skopeo-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const home = path.join(dir, 'home');
  mkdirSync(home);
  const policy = path.join(dir, 'policy.json');
  writeFileSync(policy, JSON.stringify({ default: [{ type: 'insecureAcceptAnything' }] }));
  sandbox = { home, policy };
  return sandbox;
}

/**
 * `skopeo copy --authfile AUTHFILE --src-tls-verify=false --dest-tls-verify=false FROM TO`. Credentials
 * come only from the authfile (a Docker config JSON), never the command line; with tls-verify off skopeo
 * falls back to plain HTTP for a registry that does not speak TLS.
 */
export function skopeoCopy(
  from: string,
  to: string,
  authfile: string,
  options: SkopeoOptions = {},
): Promise<SkopeoResult> {
  requireRegistryTools();
  const { home, policy } = skopeoSandbox();
  const args = [
    '--policy',
    policy,
    'copy',
    '--authfile',
    authfile,
    '--src-tls-verify=false',
    '--dest-tls-verify=false',
    from,
    to,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('skopeo', args, {
      // No DOCKER_CONFIG, REGISTRY_AUTH_FILE, XDG_* or proxies from the caller: only the authfile counts.
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 20_000,
      killSignal: 'SIGKILL',
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
  });
}
