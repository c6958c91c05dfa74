// Builds the committed bundle: tsc compiles src/ to lib/ (rewriting .ts imports), then ncc bundles
// src/entry.ts into dist/index.js (run by action.yml) with a small dist/cli.js launcher (the package's bin)
// that starts the same bundle as the command line.
// `node scripts/build.mjs OUTDIR` builds elsewhere (`npm run verify:dist` compares the two). The build
// stamp (scripts/build-stamp.mjs) records what it was built from, for the freshness test.
// lib/ stays at one fixed place inside the project: ncc writes module paths into the bundle, so a
// temporary folder would make every build differ.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { STAMP, stampText } from './build-stamp.mjs';

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
  run(bin('ncc'), ['build', path.join(lib, 'entry.js'), '-o', outDir, '--license', 'licenses.txt', '-q']);
  const launcher = path.join(outDir, 'cli.js');
  writeFileSync(
    launcher,
    [
      '#!/usr/bin/env node',
      "// The pullcheck CLI: the action's bundle (index.js), started as the command line.",
      "globalThis.PULLCHECK_ENTRY = 'cli';",
      "await import('./index.js');",
      '',
    ].join('\n'),
  );
  chmodSync(launcher, 0o755);
  writeFileSync(path.join(outDir, STAMP), stampText(root, outDir));
} finally {
  rmSync(lib, { recursive: true, force: true });
}
