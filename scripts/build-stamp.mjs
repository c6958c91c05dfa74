// The build stamp (dist/build-stamp.json): a digest of every input of the bundle and of every file the build
// wrote. The freshness test recomputes both — sources changed since the build, or a bundle file edited by
// hand, fails it — without rebuilding; `npm run verify:dist` rebuilds and compares byte for byte.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const STAMP = 'build-stamp.json';
/** What the bundle is built from: the sources, the locked dependencies, the compiler and bundler settings. */
const INPUT_FILES = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'scripts/build.mjs',
];
const INPUT_DIRS = ['src'];

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

export function inputsDigest(root) {
  const hash = createHash('sha256');
  const files = [
    ...INPUT_FILES,
    ...INPUT_DIRS.flatMap((dir) => filesUnder(path.join(root, dir)).map((file) => `${dir}/${file}`)),
  ];
  for (const file of files.sort()) hash.update(`${file}\0${sha256(readFileSync(path.join(root, file)))}\n`);
  return hash.digest('hex');
}

/** Each file of the bundle folder (the stamp itself aside) with its digest. */
export function outputDigests(dir) {
  return Object.fromEntries(
    filesUnder(dir)
      .filter((file) => file !== STAMP)
      .map((file) => [file, sha256(readFileSync(path.join(dir, file)))]),
  );
}

export function stampText(root, dir) {
  return `${JSON.stringify({ inputs: inputsDigest(root), outputs: outputDigests(dir) }, null, 2)}\n`;
}
