// How a Google login failure is told: which step failed, Google's own error code and description, and
// what to check — with every secret seen so far cut out of the text (and masked the moment it appeared).

/** Which step failed: the inputs, GitHub's OIDC token, the STS exchange, generateAccessToken, or ADC. */
export type GoogleLoginStep =
  | 'configuration'
  | 'github-oidc'
  | 'sts'
  | 'impersonation'
  | 'no-credentials'
  | 'application-default-credentials';

export class GoogleLoginError extends Error {
  override name = 'GoogleLoginError';
  constructor(
    message: string,
    readonly step: GoogleLoginStep,
    /** HTTP status of the failing Google answer, when there was one. */
    readonly status?: number,
  ) {
    super(message);
  }
}

export function stsError(
  error: unknown,
  provider: string,
  audience: string,
  sts: string,
  secrets: Secrets,
): GoogleLoginError {
  const status = statusOf(error);
  const data = dataOf(error);
  // Google's own words, bounded (a proxy can answer anything): one line of at most 300 characters each.
  const code =
    typeof data?.['error'] === 'string' ? upstreamMessage(secrets.redact(data['error'])) : undefined;
  // Cut after the secrets are, so no token is cut in two where redaction would not recognise it.
  const said = data?.['error_description'];
  const description = typeof said === 'string' ? `: ${upstreamMessage(secrets.redact(said))}` : '';
  const what = `Google STS (${sts}) did not exchange GitHub's OIDC token for provider ${provider}`;
  let message: string;
  if (status === undefined) {
    message =
      `${what}: ${describe(error)} (after retries); check that the runner can reach ${sts} ` +
      '(proxy, firewall, Private Service Connect endpoint)';
  } else if (code === 'invalid_grant') {
    message =
      `${what} (invalid_grant${description}). Check the provider's issuer is https://token.actions.githubusercontent.com, ` +
      `that its allowed audiences contain ${audience} (the audience requested; with none configured the provider ` +
      `accepts https://iam.googleapis.com/${provider}), and that its attribute mapping accepts this token`;
  } else if (code === 'unauthorized_client') {
    message =
      `${what} (unauthorized_client${description}). Check the provider's attribute condition ` +
      `(e.g. assertion.repository_owner == 'OWNER') admits this repository, branch and workflow`;
  } else if (code === 'invalid_target') {
    message =
      `${what} (invalid_target${description}). Check that the pool and provider exist and are enabled, ` +
      'and that the name uses the project NUMBER, not the project ID';
  } else if (status >= 500 || status === 429) {
    message = `${what}: HTTP ${status} after retries${description}; try again later`;
  } else {
    message = `${what} (HTTP ${status}${code ? ` ${code}` : ''}${description || detailOf(data)})`;
  }
  return new GoogleLoginError(secrets.redact(message), 'sts', status);
}

export function impersonationError(
  error: unknown,
  serviceAccount: string,
  iamCredentials: string,
  provider: string | undefined,
  secrets: Secrets,
): GoogleLoginError {
  const status = statusOf(error);
  const google = googleErrorOf(dataOf(error));
  const detail = google ? ` (${[google.status, google.message].filter(Boolean).join(': ')})` : '';
  const what = `generateAccessToken for ${serviceAccount} at ${iamCredentials} failed`;
  let message: string;
  if (status === undefined) {
    message = `${what}: ${describe(error)} (after retries); check that the runner can reach ${iamCredentials}`;
  } else if (status === 403 && google?.disabledService) {
    message =
      `${what}: HTTP 403${detail}. Enable the IAM Service Account Credentials API (iamcredentials.googleapis.com) ` +
      `in the project of ${serviceAccount}`;
  } else if (status === 403) {
    message = provider
      ? `${what}: HTTP 403${detail}. The federated principal needs roles/iam.workloadIdentityUser on ` +
        `${serviceAccount}, e.g. gcloud iam service-accounts add-iam-policy-binding ${serviceAccount} ` +
        `--role=roles/iam.workloadIdentityUser --member="principalSet://iam.googleapis.com/${poolOf(provider)}` +
        `/attribute.repository/OWNER/REPO"; also check that the service account exists`
      : `${what}: HTTP 403${detail}. The Application Default Credentials identity needs ` +
        `roles/iam.serviceAccountTokenCreator on ${serviceAccount}; also check that the service account exists`;
  } else if (status === 404) {
    message = `${what}: HTTP 404${detail}. Check that the service account ${serviceAccount} exists`;
  } else if (status >= 500 || status === 429) {
    message = `${what}: HTTP ${status} after retries${detail}; try again later`;
  } else {
    message = `${what}: HTTP ${status}${detail}`;
  }
  return new GoogleLoginError(secrets.redact(message), 'impersonation', status);
}

/** Every secret seen so far: masked on arrival, and cut out of any text that goes into a message. */
export class Secrets {
  private readonly seen = new Set<string>();
  constructor(private readonly mask: (secret: string) => void) {}

  add(secret: string): void {
    if (this.seen.has(secret)) return;
    this.seen.add(secret);
    this.mask(secret);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.seen) if (secret.length >= 4) out = out.split(secret).join('***');
    return out
      .replace(/eyJ[\w-]*\.[\w-]*\.[\w-]*/g, '***') // JWTs
      .replace(/\bya29\.[\w.-]+/g, '***') // Google access tokens
      .replace(/\b(bearer\s+)[^\s"',;)]+/gi, '$1***')
      .replace(/\b((?:access|subject|id|refresh)_?token["']?\s*[:=]\s*["']?)[^\s"'&,;)]+/gi, '$1***');
  }
}

export function statusOf(error: unknown): number | undefined {
  const status = (error as { response?: { status?: unknown } } | null)?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

export function dataOf(error: unknown): Record<string, unknown> | undefined {
  const data = (error as { response?: { data?: unknown } } | null)?.response?.data;
  if (typeof data === 'string') {
    try {
      const parsed: unknown = JSON.parse(data);
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
    } catch {
      return { text: data };
    }
  }
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : undefined;
}

export function detailOf(data: Record<string, unknown> | undefined): string {
  const text = data?.['text'];
  return typeof text === 'string' && text.trim() ? `: ${upstreamMessage(text.trim()).slice(0, 200)}` : '';
}

/** Google's error body: { error: { code, message, status, details: [{ reason }] } }. */
export function googleErrorOf(
  data: Record<string, unknown> | undefined,
): { message?: string; status?: string; disabledService: boolean } | undefined {
  const body = data?.['error'];
  if (typeof body !== 'object' || body === null) return undefined;
  const { message, status, details } = body as { message?: unknown; status?: unknown; details?: unknown };
  const reasons = Array.isArray(details)
    ? details.map((detail) => (detail as { reason?: unknown } | null)?.reason)
    : [];
  const text = typeof message === 'string' ? message.slice(0, 300) : undefined;
  return {
    ...(text ? { message: text } : {}),
    ...(typeof status === 'string' ? { status } : {}),
    disabledService:
      reasons.includes('SERVICE_DISABLED') || /has not been used in project|is disabled/i.test(text ?? ''),
  };
}

/** The error's code and first line, e.g. "ECONNREFUSED: request to … failed". */
export function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = upstreamMessage(error);
  return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
}

export function upstreamMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').slice(0, 300);
}

export function poolOf(provider: string): string {
  return provider.replace(/\/providers\/[^/]+$/, '');
}
