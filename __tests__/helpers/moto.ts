// moto_server (the AWS emulator in this machine image's Python) on 127.0.0.1, for STS and ECR.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface MotoServer {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Why moto cannot run here, or undefined. Under CI=true it is always undefined: the tests then start
 * moto and fail loudly when it is missing — CI never skips them.
 */
export function motoMissing(): string | undefined {
  if (process.env['CI'] === 'true') return undefined;
  const probe = spawnSync('moto_server', ['--help'], { stdio: 'ignore' });
  return probe.error ? 'moto_server is not installed (pip install "moto[server]")' : undefined;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startMoto(env: NodeJS.ProcessEnv = {}): Promise<MotoServer> {
  const port = await freePort();
  const child: ChildProcess = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: 'ignore',
    env: { ...process.env, ...env },
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  process.once('exit', () => child.kill('SIGKILL'));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    try {
      await fetch(`${url}/moto-api/`);
      return { url, stop };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  await stop();
  throw new Error(`moto_server did not start on ${url}`);
}
