// Rebuilds the bundle into a temporary folder and compares it with dist/ byte for byte: the build is
// reproducible and dist/ is what it makes. The test suite checks the cheaper build stamp instead.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const fresh = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-dist-'));
try {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), fresh], { stdio: 'inherit' });
  const files = (dir) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
      .sort();
  const committed = files(path.join(root, 'dist'));
  const built = files(fresh);
  const differ = [
    ...committed.filter((file) => !built.includes(file)).map((file) => `${file}: not built`),
    ...built.filter((file) => !committed.includes(file)).map((file) => `${file}: not in dist/`),
    ...committed
      .filter((file) => built.includes(file))
      .filter(
        (file) => !readFileSync(path.join(fresh, file)).equals(readFileSync(path.join(root, 'dist', file))),
      )
      .map((file) => `${file}: differs`),
  ];
  if (differ.length > 0) {
    console.error(
      `dist/ is not what the build makes:\n${differ.join('\n')}\nrun npm run build and commit dist/`,
    );
    process.exitCode = 1;
  } else {
    console.log(`dist/ is the build of the current sources (${committed.length} files, byte for byte)`);
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
