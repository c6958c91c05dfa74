// A real container registry (Debian's `docker-registry`, distribution 2.8) on 127.0.0.1 for login tests,
// with either htpasswd (Basic) auth or token auth, plus the token server that token auth needs: the
// Docker registry token protocol (GET realm?service=…&scope=… with Basic credentials → an RS256 JWT whose
// x5c certificate is the registry's rootcertbundle). Token auth is the Bearer-challenge path Artifact
// Registry and gcr.io take.
//
// Nothing outlives the test process: stop() kills the registry, a process 'exit' hook kills whatever
// was not stopped, and a watchdog shell (reading a pipe from this process) kills the registry when this
// process dies without running its exit hooks (SIGTERM from the test runner, SIGKILL).
//
// In CI (CI=true) missing tools are a test FAILURE: registryToolsMissing() reports nothing there, so no
// test skips, and every helper throws naming the missing tools.
import { spawn, type ChildProcess } from 'node:child_process';
import {
  randomBytes,
  randomUUID,
  sign,
  createPrivateKey,
  X509Certificate,
  type KeyObject,
} from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';

export interface RegistryUser {
  readonly username: string;
  readonly password: string;
}

export type RegistryAuth =
  | { readonly kind: 'htpasswd'; readonly users: readonly RegistryUser[] }
  | { readonly kind: 'token'; readonly tokenServer: TokenServer };

export interface RegistryOptions {
  readonly auth: RegistryAuth;
}

export interface RunningRegistry {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `127.0.0.1:PORT`, the key a Docker config's `auths` uses and the host part of image references. */
  readonly host: string;
  /** The registry's stdout and stderr (access log and app log; never a password). Removed by stop(). */
  readonly logFile: string;
  stop(): Promise<void>;
}

export interface TokenRequest {
  /** The Authorization header as received (Basic credentials, so a test password in base64). */
  readonly authorization?: string;
  /** The raw query string, without the `?`. */
  readonly query: string;
  /** The status the token server answered: 200 with a token, 401 on missing or bad credentials. */
  readonly status: number;
}

export interface TokenServerOptions {
  readonly users: readonly RegistryUser[];
  /** Also accept credentials this decides (e.g. tokens a fake cloud issues while the test runs). */
  readonly accepts?: (username: string, password: string) => boolean;
  readonly service: string;
  readonly issuer: string;
}

export interface TokenServer {
  /** `http://127.0.0.1:PORT/token`, the registry's `auth.token.realm`. */
  readonly realm: string;
  readonly service: string;
  readonly issuer: string;
  /** PEM certificate of the signing key: the registry's `auth.token.rootcertbundle`. */
  readonly certFile: string;
  /** Every request to the realm, in order. */
  readonly requests: TokenRequest[];
  stop(): Promise<void>;
}

const TOOLS = ['docker-registry', 'skopeo', 'htpasswd', 'openssl'] as const;
const APT_PACKAGES = 'docker-registry skopeo apache2-utils openssl';
const STARTUP_TIMEOUT_MS = 15_000;
const TOKEN_TTL_SECONDS = 300;

function onPath(binary: string): boolean {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    try {
      accessSync(path.join(dir, binary), constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

function missingTools(): string[] {
  return TOOLS.filter((tool) => !onPath(tool));
}

/**
 * Why registry tests cannot run here (a skip reason), or undefined when they can. Always undefined when
 * CI=true: there a missing tool must fail the test, and the helpers throw instead of skipping.
 */
export function registryToolsMissing(): string | undefined {
  if (process.env['CI'] === 'true') return undefined;
  const missing = missingTools();
  if (missing.length === 0) return undefined;
  return `registry tools not installed: ${missing.join(', ')} (apt-get install ${APT_PACKAGES})`;
}

/** Throws, naming what is missing, unless docker-registry, skopeo, htpasswd and openssl are on PATH. */
export function requireRegistryTools(): void {
  const missing = missingTools();
  if (missing.length === 0) return;
  const where = process.env['CI'] === 'true' ? 'CI=true: registry tests must run in CI, but ' : '';
  throw new Error(
    `${where}${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not on PATH; ` +
      `install them with: apt-get install ${APT_PACKAGES}`,
  );
}

// ---- process bookkeeping ------------------------------------------------------------------------------

const liveChildren = new Set<ChildProcess>();
const tempDirs = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of liveChildren) child.kill('SIGKILL');
    if (process.env['PULLCHECK_KEEP_REGISTRY'] === undefined)
      for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });
}

function tempDir(prefix: string): string {
  installExitHook();
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

function removeTempDir(dir: string): void {
  if (process.env['PULLCHECK_KEEP_REGISTRY'] !== undefined) return;
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

interface ToolResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a tool with a clean environment; stdout and stderr are returned, never printed. */
function runTool(command: string, args: readonly string[], timeoutMs = 30_000): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
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

/** A port nobody listens on right now (the registry binds it a moment later; startRegistry retries). */
async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Kills `pid` when this process dies, however it dies: its stdin pipe closes and `read` returns. */
function spawnWatchdog(pid: number): ChildProcess {
  const watchdog = spawn(
    '/bin/sh',
    ['-c', 'read _line; kill -9 "$1" 2>/dev/null', 'pullcheck-watchdog', `${pid}`],
    {
      stdio: ['pipe', 'ignore', 'ignore'],
      detached: true,
    },
  );
  watchdog.on('error', () => undefined);
  watchdog.unref();
  (watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  liveChildren.add(watchdog);
  watchdog.once('exit', () => liveChildren.delete(watchdog));
  return watchdog;
}

// ---- registry -----------------------------------------------------------------------------------------

async function writeHtpasswd(file: string, users: readonly RegistryUser[]): Promise<void> {
  if (users.length === 0) throw new Error('an htpasswd registry needs at least one user');
  const lines: string[] = [];
  for (const { username, password } of users) {
    if (username === '' || username.includes(':')) throw new Error(`invalid registry username ${username}`);
    const result = await runTool('htpasswd', ['-Bbn', username, password]);
    // htpasswd's messages never echo the password; its stdout (the bcrypt line) is not shown either.
    if (result.code !== 0) throw new Error(`htpasswd failed for ${username}: ${result.stderr.trim()}`);
    lines.push(result.stdout.trim());
  }
  writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
}

function registryConfig(dir: string, port: number, auth: Record<string, unknown>): string {
  return stringify({
    version: '0.1',
    log: { level: 'info', formatter: 'text', fields: { service: 'pullcheck-test-registry' } },
    storage: {
      filesystem: { rootdirectory: path.join(dir, 'storage') },
      delete: { enabled: true },
      maintenance: { uploadpurging: { enabled: false } },
    },
    http: {
      addr: `127.0.0.1:${port}`,
      secret: randomBytes(16).toString('hex'),
      headers: { 'X-Content-Type-Options': ['nosniff'] },
    },
    auth,
    health: { storagedriver: { enabled: false } },
  });
}

function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) if (secret !== '') result = result.split(secret).join('<redacted>');
  return result;
}

function logTail(file: string, secrets: readonly string[]): string {
  if (!existsSync(file)) return '(no log)';
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  // A panic's cause comes before its goroutine dump: show it, then the end of the log.
  const causes = lines.filter((line) => /^panic:|level=(fatal|panic)/.test(line));
  const shown = causes.length > 0 ? [...causes, '…', ...lines.slice(-5)] : lines.slice(-15);
  return redact(shown.join('\n'), secrets);
}

class WrongAnswer extends Error {}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits for the registry to answer GET /v2/ with 401. 'exited': it died first; 'port-taken': something
 * else answers on its port (it lost the race for the port and is about to exit).
 */
async function waitForRegistry(url: string, child: ChildProcess): Promise<'ready' | 'exited' | 'port-taken'> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return 'exited';
    try {
      const response = await fetch(`${url}/v2/`, { signal: AbortSignal.timeout(1_000) });
      await response.arrayBuffer();
      if (response.headers.get('docker-distribution-api-version') !== 'registry/2.0') return 'port-taken';
      if (response.status !== 401)
        throw new WrongAnswer(`the registry answered GET /v2/ with ${response.status}, not 401`);
      return 'ready';
    } catch (error) {
      if (error instanceof WrongAnswer) throw error;
      await delay(50);
    }
  }
  throw new Error(`docker-registry did not answer on ${url} within ${STARTUP_TIMEOUT_MS} ms`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const escalate = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(escalate);
}

/**
 * Starts `docker-registry serve CONFIG` on 127.0.0.1 (plain HTTP, a free port) with htpasswd or token
 * auth, and resolves once GET /v2/ answers 401.
 */
export async function startRegistry(options: RegistryOptions): Promise<RunningRegistry> {
  requireRegistryTools();
  const dir = tempDir('pullcheck-registry-');
  const secrets: string[] = [];
  let auth: Record<string, unknown>;
  try {
    if (options.auth.kind === 'htpasswd') {
      const htpasswd = path.join(dir, 'htpasswd');
      await writeHtpasswd(htpasswd, options.auth.users);
      secrets.push(...options.auth.users.map((user) => user.password));
      auth = { htpasswd: { realm: 'pullcheck-test', path: htpasswd } };
    } else {
      const server = options.auth.tokenServer;
      auth = {
        token: {
          realm: server.realm,
          service: server.service,
          issuer: server.issuer,
          rootcertbundle: server.certFile,
        },
      };
    }
  } catch (error) {
    removeTempDir(dir);
    throw error;
  }

  const configFile = path.join(dir, 'config.yml');
  const logFile = path.join(dir, 'registry.log');
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    writeFileSync(configFile, registryConfig(dir, port, auth));
    const log = openSync(logFile, 'w');
    const child = spawn('docker-registry', ['serve', configFile], {
      // Only PATH: REGISTRY_* variables would override the generated config.
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' },
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    const spawned = new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
    try {
      await spawned;
    } catch (error) {
      removeTempDir(dir);
      throw new Error(`cannot start docker-registry: ${(error as Error).message}`);
    }
    liveChildren.add(child);
    child.once('exit', () => liveChildren.delete(child));
    child.unref();
    const watchdog = child.pid === undefined ? undefined : spawnWatchdog(child.pid);

    const url = `http://127.0.0.1:${port}`;
    const stop = async () => {
      watchdog?.kill('SIGKILL');
      await stopChild(child);
      removeTempDir(dir);
    };
    let state: 'ready' | 'exited' | 'port-taken';
    try {
      state = await waitForRegistry(url, child);
    } catch (error) {
      const tail = logTail(logFile, secrets);
      await stop();
      throw new Error(`${(error as Error).message}\nregistry log (last lines):\n${tail}`);
    }
    if (state === 'ready') return { url, host: `127.0.0.1:${port}`, logFile, stop };

    watchdog?.kill('SIGKILL');
    await stopChild(child);
    const tail = logTail(logFile, secrets);
    const portTaken = state === 'port-taken' || /address already in use/.test(tail);
    if (portTaken && attempt < 3) continue;
    removeTempDir(dir);
    const what = portTaken ? `port ${port} was taken (3 tries)` : 'docker-registry exited during startup';
    throw new Error(`${what}; its log (last lines):\n${tail}`);
  }
}

// ---- token server -------------------------------------------------------------------------------------

interface SigningMaterial {
  readonly key: KeyObject;
  /** The certificate as base64 DER, the JWT header's x5c entry. */
  readonly x5c: string;
  readonly certFile: string;
}

let signingMaterial: Promise<SigningMaterial> | undefined;

/** One self-signed key and certificate per test process, made with openssl on first use. */
function tokenSigningMaterial(): Promise<SigningMaterial> {
  signingMaterial ??= (async () => {
    const dir = tempDir('pullcheck-token-cert-');
    const keyFile = path.join(dir, 'token.key');
    const certFile = path.join(dir, 'token.crt');
    const result = await runTool('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=pullcheck-test-token',
      '-days',
      '2',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ]);
    if (result.code !== 0) throw new Error(`openssl req failed: ${result.stderr.trim()}`);
    const certificate = new X509Certificate(readFileSync(certFile));
    return {
      key: createPrivateKey(readFileSync(keyFile)),
      x5c: certificate.raw.toString('base64'),
      certFile,
    };
  })();
  signingMaterial.catch(() => (signingMaterial = undefined));
  return signingMaterial;
}

interface AccessEntry {
  readonly type: string;
  readonly name: string;
  readonly actions: readonly string[];
}

/**
 * `repository:NAME:ACTIONS` scopes → pull,push on NAME. A client may send several scope parameters and
 * several space-separated scopes in one; other resource types (registry:catalog:*) get nothing.
 */
function grantedAccess(scopes: readonly string[]): AccessEntry[] {
  const access: AccessEntry[] = [];
  for (const scope of scopes.flatMap((value) => value.split(' '))) {
    const first = scope.indexOf(':');
    const last = scope.lastIndexOf(':');
    if (first === -1 || last === first) continue;
    const type = scope.slice(0, first);
    const name = scope.slice(first + 1, last);
    if (type !== 'repository' || name === '') continue;
    if (access.some((entry) => entry.name === name)) continue;
    access.push({ type, name, actions: ['pull', 'push'] });
  }
  return access;
}

function basicCredentials(header: string | undefined): RegistryUser | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function signJwt(material: SigningMaterial, claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode({ alg: 'RS256', typ: 'JWT', x5c: [material.x5c] })}.${encode(claims)}`;
  // RSA keys sign PKCS#1 v1.5 by default: with SHA-256 that is RS256.
  const signature = sign('sha256', Buffer.from(input), material.key).toString('base64url');
  return `${input}.${signature}`;
}

/**
 * Starts a Docker registry token server on 127.0.0.1: GET /token?service=…&scope=… with Basic
 * credentials of one of `users` answers `{ token, access_token, expires_in, issued_at }`; missing or
 * wrong credentials answer 401, another service 400.
 */
export async function startTokenServer(options: TokenServerOptions): Promise<TokenServer> {
  requireRegistryTools();
  const material = await tokenSigningMaterial();
  const requests: TokenRequest[] = [];

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const authorization = request.headers.authorization;
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      requests.push({
        ...(authorization === undefined ? {} : { authorization }),
        query: url.search.replace(/^\?/, ''),
        status,
      });
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(payload));
    };
    const error = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
      send(status, { errors: [{ code, message, detail: null }] }, headers);

    if (url.pathname !== '/token') return error(404, 'NOT_FOUND', 'not found');
    if (request.method !== 'GET') return error(405, 'UNSUPPORTED', 'only GET is supported', { allow: 'GET' });
    const service = url.searchParams.get('service');
    if (service !== options.service) return error(400, 'DENIED', `unknown service ${service ?? '(none)'}`);
    const credentials = basicCredentials(authorization);
    const user =
      options.users.find(
        (candidate) =>
          candidate.username === credentials?.username && candidate.password === credentials.password,
      ) ??
      (credentials && options.accepts?.(credentials.username, credentials.password)
        ? { username: credentials.username, password: credentials.password }
        : undefined);
    if (!user) {
      return error(401, 'UNAUTHORIZED', 'invalid username or password', {
        'www-authenticate': 'Basic realm="pullcheck-test-token"',
      });
    }
    const now = Math.floor(Date.now() / 1000);
    const token = signJwt(material, {
      iss: options.issuer,
      sub: user.username,
      aud: options.service,
      exp: now + TOKEN_TTL_SECONDS,
      nbf: now,
      iat: now,
      jti: randomUUID(),
      access: grantedAccess(url.searchParams.getAll('scope')),
    });
    return send(200, {
      token,
      access_token: token,
      expires_in: TOKEN_TTL_SECONDS,
      issued_at: new Date(now * 1000).toISOString(),
    });
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    realm: `http://127.0.0.1:${port}/token`,
    service: options.service,
    issuer: options.issuer,
    certFile: material.certFile,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
