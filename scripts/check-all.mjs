// `npm test`: the type check, lint and format check run beside the test suite (each is one process on one
// core; the suite's files wait on servers and sleeps much of the time), their output printed when they end.
// Any failure fails the run.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);
// Each keeps what it learnt in node_modules/.cache (a clean checkout starts without): tsc's incremental
// state follows imports, and ESLint and Prettier recheck a file whose content, config or version changed.
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'pullcheck');
const STATIC = [
  [
    'typecheck',
    bin('tsc'),
    ['-p', 'tsconfig.json', '--incremental', '--tsBuildInfoFile', path.join(CACHE, 'tsc.tsbuildinfo')],
  ],
  [
    'lint',
    bin('eslint'),
    ['.', '--cache', '--cache-strategy', 'content', '--cache-location', path.join(CACHE, 'eslint/')],
  ],
  [
    'format check',
    bin('prettier'),
    [
      '--check',
      '.',
      '--log-level',
      'warn',
      '--cache',
      '--cache-strategy',
      'content',
      '--cache-location',
      path.join(CACHE, 'prettier.json'),
    ],
  ],
];

function runBuffered(name, command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ name, code: code ?? 1, output }));
  });
}

const checks = Promise.all(STATIC.map(([name, command, args]) => runBuffered(name, command, args)));
const tests = new Promise((resolve) => {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'scripts', 'run-tests.mjs'), ...process.argv.slice(2)],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  child.on('close', (code) => resolve(code ?? 1));
});

const [results, testStatus] = await Promise.all([checks, tests]);
let failed = testStatus !== 0;
for (const { name, code, output } of results) {
  console.log(`\n${name}: ${code === 0 ? 'passed' : 'FAILED'}`);
  if (output.trim()) console.log(output.trimEnd());
  failed ||= code !== 0;
}
process.exit(failed ? 1 : 0);
