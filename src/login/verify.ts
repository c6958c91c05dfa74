// Proves a login with the registry's own handshake (Docker Registry HTTP API V2 "API version check" and
// the token authentication specification): GET /v2/; on a Basic challenge retry with the credentials; on
// a Bearer challenge fetch a token from the realm with them, then retry with the token. Timeouts and
// retries on 5xx and network errors; no message ever carries a secret.
export interface HandshakeOptions {
  readonly timeoutMs?: number;
  readonly attempts?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export class RegistryLoginError extends Error {
  override name = 'RegistryLoginError';
  constructor(
    message: string,
    /** The registry could not be reached at all (as opposed to refusing the credentials). */
    readonly unreachable = false,
  ) {
    super(message);
  }
}

interface Credential {
  readonly username: string;
  readonly password: string;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves when the registry at `endpoint` (e.g. https://HOST) accepts the credential. */
export async function verifyLogin(
  endpoint: string,
  credential: Credential,
  options: HandshakeOptions = {},
): Promise<void> {
  const get = (url: string, headers: Record<string, string> = {}) => fetchWithRetries(url, headers, options);
  const base = `${endpoint.replace(/\/+$/, '')}/v2/`;
  const first = await get(base);
  if (first.ok) return; // an open registry: nothing to prove
  if (first.status !== 401)
    throw new RegistryLoginError(`${base} answered ${first.status} ${await errorText(first)}`);
  const challenge = first.headers.get('www-authenticate') ?? '';
  const basic = `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`;
  let authorization = basic;
  if (/^bearer\s/i.test(challenge)) {
    const parameters = challengeParameters(challenge);
    const realm = parameters['realm'];
    if (!realm) throw new RegistryLoginError(`${base} sent a Bearer challenge without a realm`);
    const tokenUrl = new URL(realm);
    if (parameters['service']) tokenUrl.searchParams.set('service', parameters['service']);
    if (parameters['scope']) tokenUrl.searchParams.set('scope', parameters['scope']);
    const tokenResponse = await get(tokenUrl.toString(), { authorization: basic });
    if (!tokenResponse.ok) {
      throw new RegistryLoginError(
        `the token service ${tokenUrl.origin}${tokenUrl.pathname} refused the credentials: ${tokenResponse.status} ${await errorText(tokenResponse)}`,
      );
    }
    const body = (await tokenResponse.json()) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (!token) throw new RegistryLoginError(`the token service ${tokenUrl.origin} answered without a token`);
    authorization = `Bearer ${token}`;
  } else if (!/^basic\s/i.test(challenge)) {
    throw new RegistryLoginError(
      `${base} asked for an authentication scheme pullcheck does not speak: ${challenge.split(' ')[0] || '(none)'}`,
    );
  }
  const proof = await get(base, { authorization });
  if (!proof.ok)
    throw new RegistryLoginError(
      `${base} refused the credentials: ${proof.status} ${await errorText(proof)}`,
    );
}

/** `Bearer realm="https://…",service="…",scope="…"` → { realm, service, scope }. */
function challengeParameters(challenge: string): Record<string, string> {
  const parameters: Record<string, string> = {};
  for (const match of challenge.replace(/^\S+\s+/, '').matchAll(/(\w+)="([^"]*)"/g)) {
    parameters[match[1]!.toLowerCase()] = match[2]!;
  }
  return parameters;
}

async function fetchWithRetries(
  url: string,
  headers: Record<string, string>,
  options: HandshakeOptions,
): Promise<Response> {
  const attempts = options.attempts ?? 3;
  const sleep = options.sleep ?? realSleep;
  let lastProblem = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const response = await fetch(url, {
        headers,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        redirect: 'follow',
      });
      if (response.status < 500) return response;
      lastProblem = `${response.status} ${await errorText(response)}`;
    } catch (error) {
      lastProblem = describeNetworkError(error);
    }
    if (attempt < attempts) await sleep(250 * 2 ** (attempt - 1));
  }
  throw new RegistryLoginError(
    `${new URL(url).origin} could not be reached after ${attempts} attempts: ${lastProblem}`,
  );
}

/** The registry's own words (its `errors[].message`), short, never echoing request headers. */
async function errorText(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { errors?: { message?: string; code?: string }[]; details?: string };
    const messages = (body.errors ?? []).map((error) => error.message ?? error.code ?? '').filter(Boolean);
    if (messages.length > 0) return `(${messages.join('; ')})`;
  } catch {
    // not JSON: fall through
  }
  return response.statusText ? `(${response.statusText})` : '';
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === 'TimeoutError') return 'timed out';
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
