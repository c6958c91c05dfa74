// moto_server (the AWS emulator in this machine image's Python) on 127.0.0.1, for STS and ECR.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';

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

/** An ECR answer a front gives instead of moto: HTTP status and JSON body. */
export interface EcrAnswer {
  readonly status: number;
  readonly payload: unknown;
}

export interface EcrFront {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * ECR in front of moto: moto does not implement GetAccountSetting and DescribePullThroughCacheRules (it
 * answers an HTML 500, which live reads retry and then report as unreadable). The front gives AWS's answers
 * for a V2 registry without pull-through cache rules, or what `answer` returns for an operation (ECR speaks
 * JSON-RPC: the operation is in X-Amz-Target), and forwards everything else to moto.
 */
export async function startEcrFront(
  motoUrl: string,
  answer: (operation: string, body: string) => EcrAnswer | Promise<EcrAnswer> | undefined = () => undefined,
): Promise<EcrFront> {
  const { createServer: createHttpServer } = await import('node:http');
  const defaults: Record<string, EcrAnswer> = {
    GetAccountSetting: { status: 200, payload: { name: 'REGISTRY_POLICY_SCOPE', value: 'V2' } },
    DescribePullThroughCacheRules: { status: 200, payload: { pullThroughCacheRules: [] } },
  };
  const server = createHttpServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const target = String(request.headers['x-amz-target'] ?? '');
    const operation = target.slice(target.lastIndexOf('.') + 1);
    const given = (await answer(operation, body.toString())) ?? defaults[operation];
    if (given) {
      response.writeHead(given.status, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify(given.payload));
      return;
    }
    await forwardToMoto(motoUrl, request, body, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A request a front does not answer itself, passed on to moto as it came, and moto's answer back. */
export async function forwardToMoto(
  motoUrl: string,
  request: IncomingMessage,
  body: Buffer,
  response: ServerResponse,
): Promise<void> {
  const forwarded = await fetch(`${motoUrl}${request.url}`, {
    method: request.method ?? 'POST',
    headers: Object.fromEntries(
      Object.entries(request.headers).flatMap(([k, v]) =>
        typeof v === 'string' && k !== 'host' ? [[k, v]] : [],
      ),
    ),
    body,
  });
  response.writeHead(forwarded.status, Object.fromEntries(forwarded.headers));
  response.end(Buffer.from(await forwarded.arrayBuffer()));
}
