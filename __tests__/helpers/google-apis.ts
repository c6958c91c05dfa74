// Google STS and IAM Credentials on 127.0.0.1, faithful to the wire protocol google-auth-library speaks:
// POST /v1/token (RFC 8693 token exchange, form- or JSON-encoded; answers { access_token, issued_token_type,
// token_type, expires_in } or 400 { error, error_description } like STS does for a wrong audience, issuer,
// attribute condition or pool) and POST /v1/projects/-/serviceAccounts/{SA}:generateAccessToken (Bearer of
// an STS token → { accessToken, expireTime }, or Google's { error: { code, message, status, details } }).
// The workload identity provider is modelled (issuer, allowed audiences, attribute condition, which service
// accounts its principals may impersonate); faults (503, 403, any body) can be injected. Every request and
// every issued token is recorded, so tests can check masks and messages against them.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
export const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
export const JWT_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:jwt';
const ID_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:id_token';
export const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform';
export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

export type GoogleApi = 'sts' | 'iamcredentials';

export interface FakeGoogleConfig {
  /** projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER */
  readonly provider: string;
  /** The provider's allowed audiences; none configured → https://iam.googleapis.com/<provider> only. */
  readonly allowedAudiences?: readonly string[];
  readonly issuer?: string;
  /** The provider's attribute condition, as a predicate on the token's claims. */
  readonly attributeCondition?: (claims: Readonly<Record<string, unknown>>) => boolean;
  /** Service accounts on which the pool's principals hold roles/iam.workloadIdentityUser. */
  readonly workloadIdentityUsers?: readonly string[];
}

export interface RecordedGoogleRequest {
  readonly api: GoogleApi | 'unknown';
  readonly method: string;
  readonly path: string;
  readonly contentType: string | undefined;
  readonly authorization: string | undefined;
  readonly body: string;
  /** The body's fields, snake_case for STS whichever encoding was used. */
  readonly params: Readonly<Record<string, unknown>>;
}

export interface GoogleFault {
  readonly api: GoogleApi;
  readonly status: number;
  /** Default: Google's error body for the status (STS: { error, error_description } for 4xx). */
  readonly body?: unknown;
  /** How many matching requests get this answer; default 1. */
  readonly times?: number;
}

interface IssuedStsToken {
  readonly expires: number;
  readonly subject: string;
}

const GOOGLE_STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

/** A GitHub-shaped OIDC token (unsigned: the fake STS checks claims, not signatures). */
export function fakeGitHubJwt(claims: Readonly<Record<string, unknown>>): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const payload = {
    iss: GITHUB_ISSUER,
    sub: 'repo:acme/app:ref:refs/heads/main',
    repository: 'acme/app',
    repository_owner: 'acme',
    ref: 'refs/heads/main',
    workflow: 'deploy',
    iat: now,
    nbf: now,
    exp: now + 300,
    ...claims,
  };
  return `${encode({ alg: 'RS256', typ: 'JWT', kid: 'fake' })}.${encode(payload)}.${randomBytes(32).toString('base64url')}`;
}

export class FakeGoogleApis {
  readonly requests: RecordedGoogleRequest[] = [];
  /** Every token handed out, by API. */
  readonly issued: Record<GoogleApi, string[]> = { sts: [], iamcredentials: [] };
  private readonly faults: { fault: GoogleFault; left: number }[] = [];
  private readonly stsTokens = new Map<string, IssuedStsToken>();
  private server: Server | undefined;
  url = '';

  constructor(private readonly config: FakeGoogleConfig) {}

  failNext(fault: GoogleFault): void {
    this.faults.push({ fault, left: fault.times ?? 1 });
  }

  requestsTo(api: GoogleApi): RecordedGoogleRequest[] {
    return this.requests.filter((request) => request.api === api);
  }

  reset(): void {
    this.requests.length = 0;
    this.faults.length = 0;
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', this.url);
    const method = request.method ?? 'GET';
    const contentType = request.headers['content-type'];
    const api: RecordedGoogleRequest['api'] =
      url.pathname === '/v1/token'
        ? 'sts'
        : url.pathname.startsWith('/v1/projects/')
          ? 'iamcredentials'
          : 'unknown';
    const params = parseBody(body, contentType);
    this.requests.push({
      api,
      method,
      path: `${url.pathname}${url.search}`,
      contentType,
      authorization: request.headers.authorization,
      body,
      params: api === 'sts' && params ? snakeCase(params) : (params ?? {}),
    });
    const send = (status: number, payload: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
      response.end(JSON.stringify(payload));
    };
    if (api === 'unknown')
      return send(404, googleError(404, `The requested URL ${url.pathname} was not found.`));

    const fault = this.faults.find((entry) => entry.fault.api === api && entry.left > 0);
    if (fault) {
      fault.left -= 1;
      return send(fault.fault.status, fault.fault.body ?? defaultFaultBody(api, fault.fault.status));
    }
    if (method !== 'POST') return send(405, googleError(405, `Method ${method} not allowed`));
    if (!params) {
      return api === 'sts'
        ? send(400, stsError('invalid_request', 'Request body must be form- or JSON-encoded.'))
        : send(400, googleError(400, 'Invalid JSON payload received.'));
    }
    if (api === 'sts') return this.exchange(snakeCase(params), send);
    return this.generateAccessToken(url.pathname, request.headers.authorization, params, send);
  }

  private exchange(params: Record<string, unknown>, send: (status: number, payload: unknown) => void): void {
    const provider = `//iam.googleapis.com/${this.config.provider}`;
    if (params['grant_type'] !== TOKEN_EXCHANGE_GRANT) {
      return send(
        400,
        stsError('unsupported_grant_type', `Unsupported grant_type: ${String(params['grant_type'])}`),
      );
    }
    if (params['requested_token_type'] !== ACCESS_TOKEN_TYPE) {
      return send(400, stsError('invalid_request', 'Invalid value for "requested_token_type".'));
    }
    if (params['subject_token_type'] !== JWT_TOKEN_TYPE && params['subject_token_type'] !== ID_TOKEN_TYPE) {
      return send(400, stsError('invalid_request', 'Invalid value for "subject_token_type".'));
    }
    if (params['audience'] !== provider) {
      return send(
        400,
        stsError(
          'invalid_target',
          'The target service indicated by the "audience" parameters is invalid. This might either be because the ' +
            "pool or provider is disabled or deleted or because it doesn't exist.",
        ),
      );
    }
    const scopes = typeof params['scope'] === 'string' ? params['scope'].split(/\s+/) : [];
    if (!scopes.includes(CLOUD_PLATFORM)) {
      return send(400, stsError('invalid_scope', `The scope must include ${CLOUD_PLATFORM}.`));
    }
    const claims = decodeJwt(params['subject_token']);
    if (!claims) return send(400, stsError('invalid_grant', 'Unable to parse the ID Token.'));
    const issuer = this.config.issuer ?? GITHUB_ISSUER;
    if (claims['iss'] !== issuer) {
      return send(
        400,
        stsError(
          'invalid_grant',
          `The issuer in ID Token ${String(claims['iss'])} does not match the expected ones.`,
        ),
      );
    }
    const allowed = this.config.allowedAudiences ?? [`https://iam.googleapis.com/${this.config.provider}`];
    const audiences = Array.isArray(claims['aud']) ? claims['aud'] : [claims['aud']];
    if (!audiences.some((audience) => allowed.includes(String(audience)))) {
      return send(
        400,
        stsError(
          'invalid_grant',
          `The audience in ID Token [${audiences.map(String).join(', ')}] does not match the expected audience.`,
        ),
      );
    }
    if (typeof claims['exp'] !== 'number' || claims['exp'] * 1000 < Date.now()) {
      return send(400, stsError('invalid_grant', 'ID Token expired.'));
    }
    if (this.config.attributeCondition && !this.config.attributeCondition(claims)) {
      return send(
        400,
        stsError('unauthorized_client', 'The given credential is rejected by the attribute condition.'),
      );
    }
    const token = `ya29.d.fake-federated-${randomBytes(24).toString('base64url')}`;
    this.issued.sts.push(token);
    this.stsTokens.set(token, { expires: Date.now() + 3600_000, subject: String(claims['sub']) });
    return send(200, {
      access_token: token,
      issued_token_type: ACCESS_TOKEN_TYPE,
      token_type: 'Bearer',
      expires_in: 3600,
    });
  }

  private generateAccessToken(
    pathname: string,
    authorization: string | undefined,
    params: Record<string, unknown>,
    send: (status: number, payload: unknown) => void,
  ): void {
    const match = /^\/v1\/projects\/-\/serviceAccounts\/([^/]+):generateAccessToken$/.exec(pathname);
    if (!match) return send(404, googleError(404, `The requested URL ${pathname} was not found.`));
    const serviceAccount = decodeURIComponent(match[1]!);
    const bearer = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    const federated = bearer === undefined ? undefined : this.stsTokens.get(bearer);
    if (!federated || federated.expires < Date.now()) {
      return send(
        401,
        googleError(
          401,
          'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other ' +
            'valid authentication credential.',
        ),
      );
    }
    const scope = params['scope'];
    if (!Array.isArray(scope) || scope.length === 0 || !scope.every((item) => typeof item === 'string')) {
      return send(400, googleError(400, 'Scope required.'));
    }
    const lifetime = /^(\d+)s$/.exec(String(params['lifetime'] ?? '3600s'))?.[1];
    if (lifetime === undefined || Number(lifetime) > 3600) {
      return send(400, googleError(400, 'The lifetime must be a duration of at most 3600s.'));
    }
    if (!(this.config.workloadIdentityUsers ?? []).includes(serviceAccount)) {
      return send(403, permissionDenied());
    }
    const token = `ya29.c.fake-sa-${randomBytes(24).toString('base64url')}`;
    this.issued.iamcredentials.push(token);
    const expireTime = new Date(Date.now() + Number(lifetime) * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    return send(200, { accessToken: token, expireTime });
  }
}

function parseBody(body: string, contentType: string | undefined): Record<string, unknown> | undefined {
  if (contentType?.startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(body));
  }
  if (contentType?.startsWith('application/json')) {
    try {
      const parsed: unknown = JSON.parse(body);
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** STS's JSON API takes the proto's camelCase names as well as the OAuth snake_case ones. */
function snakeCase(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [
      key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
      value,
    ]),
  );
}

function decodeJwt(token: unknown): Record<string, unknown> | undefined {
  if (typeof token !== 'string') return undefined;
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function stsError(error: string, description: string): { error: string; error_description: string } {
  return { error, error_description: description };
}

export function googleError(code: number, message: string, details: readonly unknown[] = []) {
  return { error: { code, message, status: GOOGLE_STATUS[code] ?? 'UNKNOWN', details } };
}

export function permissionDenied() {
  return googleError(
    403,
    "Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).",
    [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'IAM_PERMISSION_DENIED',
        domain: 'iam.googleapis.com',
        metadata: { permission: 'iam.serviceAccounts.getAccessToken' },
      },
    ],
  );
}

function defaultFaultBody(api: GoogleApi, status: number): unknown {
  if (api === 'iamcredentials' && status === 403) return permissionDenied();
  if (api === 'sts' && status >= 400 && status < 500) {
    return stsError('invalid_grant', 'The given credential is rejected.');
  }
  return googleError(status, status === 503 ? 'The service is currently unavailable.' : 'Injected failure.');
}
