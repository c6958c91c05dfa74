// Builds the committed bundle: tsc compiles src/ to lib/ (rewriting .ts imports), then ncc bundles the
// action entry (dist/index.js) and the CLI (dist/cli.js) with their dependencies.
// `node scripts/build.mjs OUTDIR` builds elsewhere (the dist freshness test compares the two).
// lib/ stays at one fixed place inside the project: ncc writes module paths into the bundle, so a
// temporary folder would make every build differ.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const outDir = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
const lib = path.join(root, 'lib');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (command, args) =>
  execFileSync(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

rmSync(lib, { recursive: true, force: true });
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
const work = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-build-'));
try {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  // The action bundle last: its licenses.txt covers every dependency of both bundles.
  for (const [entry, name] of [
    ['cli.js', 'cli.js'],
    ['main.js', 'index.js'],
  ]) {
    const bundleDir = path.join(work, name);
    run(bin('ncc'), ['build', path.join(lib, entry), '-o', bundleDir, '--license', 'licenses.txt', '-q']);
    for (const file of readdirSync(bundleDir)) {
      renameSync(path.join(bundleDir, file), path.join(outDir, file === 'index.js' ? name : file));
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
  rmSync(lib, { recursive: true, force: true });
}
