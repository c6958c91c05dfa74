// The Docker credential-helper protocol, spoken the way `docker login` and containers/image speak it
// (docker/docker-credential-helpers client/client.go): `docker-credential-NAME store` reads
// {"ServerURL","Username","Secret"} on stdin; `get` and `erase` read the server address; a failing helper
// writes its error to stdout, and `get` of an unknown host answers "credentials not found in native
// keychain". Nothing here prints a secret: a helper's own words are bounded and redacted first.
import { spawnSync } from 'node:child_process';

export interface HelperCredentials {
  readonly Username: string;
  readonly Secret: string;
}

export class CredentialHelperError extends Error {
  override name = 'CredentialHelperError';
  constructor(
    readonly program: string,
    readonly host: string,
    /** What went wrong, without a secret: "is not on PATH", "failed to store the login: …". */
    readonly problem: string,
  ) {
    super(`${program} ${problem} (for ${host})`);
  }
}

const NOT_FOUND = 'credentials not found in native keychain';
// docker-credential-NAME is looked up on PATH; a name with a '/' would run a file by path instead.
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
// A helper may wait on a keyring unlock prompt that nobody answers in CI.
const TIMEOUT_MS = 30_000;
const DETAIL_LIMIT = 200;

export function helperProgram(helper: string): string {
  return `docker-credential-${helper}`;
}

/** The credentials the helper holds for `host`, or null when it holds none. */
export function helperGet(helper: string, host: string, env: NodeJS.ProcessEnv): HelperCredentials | null {
  const answer = runHelper(helper, host, 'get', host, env, []);
  if (answer.notFound) return null;
  let value: unknown;
  try {
    value = JSON.parse(answer.stdout);
  } catch {
    value = undefined;
  }
  const { Username, Secret } = (value ?? {}) as Record<string, unknown>;
  // Never quote the answer: it is meant to hold a secret.
  if (typeof Username !== 'string' || typeof Secret !== 'string')
    throw new CredentialHelperError(
      helperProgram(helper),
      host,
      'answered get with something other than credentials',
    );
  return { Username, Secret };
}

export function helperStore(
  helper: string,
  host: string,
  credentials: HelperCredentials,
  env: NodeJS.ProcessEnv,
): void {
  const input = JSON.stringify({ ServerURL: host, ...credentials });
  runHelper(helper, host, 'store', input, env, [
    credentials.Secret,
    `${credentials.Username}:${credentials.Secret}`,
  ]);
}

export function helperErase(helper: string, host: string, env: NodeJS.ProcessEnv): void {
  runHelper(helper, host, 'erase', host, env, []);
}

function runHelper(
  helper: string,
  host: string,
  action: 'get' | 'store' | 'erase',
  input: string,
  env: NodeJS.ProcessEnv,
  secrets: readonly string[],
): { stdout: string; notFound: boolean } {
  const program = helperProgram(helper);
  if (!HELPER_NAME.test(helper))
    throw new CredentialHelperError(program, host, 'is not a credential helper name pullcheck will run');
  const result = spawnSync(program, [action], {
    input,
    env,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    killSignal: 'SIGKILL',
    maxBuffer: 1024 * 1024,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const code = (result.error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') throw new CredentialHelperError(program, host, 'is not on PATH');
  if (code === 'EACCES') throw new CredentialHelperError(program, host, 'is not executable');
  if (code === 'ETIMEDOUT' || result.signal)
    throw new CredentialHelperError(program, host, `did not answer ${action} within ${TIMEOUT_MS / 1000} s`);
  if (result.error) throw new CredentialHelperError(program, host, `could not run: ${code ?? 'error'}`);
  const stdout = result.stdout ?? '';
  if (result.status === 0) return { stdout, notFound: false };
  if (action === 'get' && stdout.trim() === NOT_FOUND) return { stdout: '', notFound: true };
  const said = helperWords(stdout.trim() || (result.stderr ?? '').trim(), secrets);
  throw new CredentialHelperError(
    program,
    host,
    `failed to ${action} the login (exit ${result.status})${said ? `: ${said}` : ''}`,
  );
}

/** A helper's error message, fit to print: no secret (also base64'd), one line, bounded. */
function helperWords(text: string, secrets: readonly string[]): string {
  let words = text;
  for (const secret of secrets.filter((s) => s.length > 0)) {
    for (const form of [secret, Buffer.from(secret).toString('base64')])
      words = words.split(form).join('***');
  }
  // Output that looks like credentials is not an error message: withhold it whole.
  if (/"Secret"|"auth"/i.test(words)) return '(output withheld)';
  // eslint-disable-next-line no-control-regex
  words = words.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return words.length > DETAIL_LIMIT ? `${words.slice(0, DETAIL_LIMIT)}…` : words;
}
