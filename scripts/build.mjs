// Builds the committed bundles: tsc compiles src/ to lib/ (rewriting .ts imports), then ncc bundles the
// action entry into dist/ (dist/index.js, run by action.yml) and the CLI into dist/cli/ with a small
// dist/cli.js launcher (the package's bin). Each bundle keeps its own folder because ncc names its chunks
// by number: two bundles in one folder would overwrite each other's.
// `node scripts/build.mjs OUTDIR` builds elsewhere (the dist freshness test compares the two).
// lib/ stays at one fixed place inside the project: ncc writes module paths into the bundle, so a
// temporary folder would make every build differ.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const outDir = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
const lib = path.join(root, 'lib');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (command, args) =>
  execFileSync(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

rmSync(lib, { recursive: true, force: true });
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
try {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  run(bin('ncc'), ['build', path.join(lib, 'main.js'), '-o', outDir, '--license', 'licenses.txt', '-q']);
  run(bin('ncc'), [
    'build',
    path.join(lib, 'cli.js'),
    '-o',
    path.join(outDir, 'cli'),
    '--license',
    'licenses.txt',
    '-q',
  ]);
  const launcher = path.join(outDir, 'cli.js');
  writeFileSync(
    launcher,
    "#!/usr/bin/env node\n// The pullcheck CLI; the bundle lives in cli/.\nimport './cli/index.js';\n",
  );
  chmodSync(launcher, 0o755);
} finally {
  rmSync(lib, { recursive: true, force: true });
}
