// Google access tokens for Artifact Registry and gcr.io without long-lived keys: GitHub's OIDC token is
// exchanged at Google STS for a federated token (Workload Identity Federation), optionally traded at IAM
// Credentials for a service account's token (generateAccessToken). Without a provider, Application Default
// Credentials are used (e.g. what google-github-actions/auth left behind). google-auth-library does the
// protocol and retries 5xx/408/429 and network failures itself (gaxios: 3 retries, 2 without a response);
// this module configures it, masks every secret the moment it exists, and turns failures into messages
// that say what to check — never with a token in them.
import { GoogleAuth, IdentityPoolClient, Impersonated, type AuthClient } from 'google-auth-library';
import {
  describe,
  GoogleLoginError,
  impersonationError,
  Secrets,
  statusOf,
  stsError,
  upstreamMessage,
} from './login-errors.ts';

export { GoogleLoginError, type GoogleLoginStep } from './login-errors.ts';

export interface GoogleEndpoints {
  /** Base URL of Google STS, e.g. a Private Service Connect endpoint; default https://sts.googleapis.com */
  readonly sts?: string;
  /** Base URL of IAM Credentials; default https://iamcredentials.googleapis.com */
  readonly iamCredentials?: string;
}

export interface GoogleLoginOptions {
  /** projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER; undefined → Application Default Credentials */
  readonly workloadIdentityProvider?: string;
  /** service account to impersonate (generateAccessToken); undefined → the federated token is used directly */
  readonly serviceAccount?: string;
  /** GitHub's OIDC token for an audience (the action passes core.getIDToken) */
  readonly getIdToken: (audience: string) => Promise<string>;
  /** audience of the GitHub token; default `https://iam.googleapis.com/${workloadIdentityProvider}` (as google-github-actions/auth does) */
  readonly audience?: string;
  readonly endpoints?: GoogleEndpoints;
  /** called with every secret the moment it exists (core.setSecret) */
  readonly mask: (secret: string) => void;
}

const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform';
const JWT_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:jwt';
const DEFAULT_STS = 'https://sts.googleapis.com';
const DEFAULT_IAM_CREDENTIALS = 'https://iamcredentials.googleapis.com';
const PROVIDER =
  /^projects\/([^/\s]+)\/locations\/global\/workloadIdentityPools\/([^/\s]+)\/providers\/([^/\s]+)$/;
// An email without characters that would change the generateAccessToken URL.
const SERVICE_ACCOUNT = /^[^\s@/:?#%\\]+@[^\s@/:?#%\\]+$/;
const LIFETIME_SECONDS = 3600;
const NO_ADC = 'Could not load the default credentials';
// Only used to satisfy GoogleAuth's project discovery, see applicationDefaultToken.
const UNUSED_PROJECT = 'pullcheck-token-only';

export async function googleAccessToken(options: GoogleLoginOptions): Promise<string> {
  const secrets = new Secrets(options.mask);
  const endpoints = {
    sts: baseUrl(options.endpoints?.sts, DEFAULT_STS, 'endpoints.sts'),
    iamCredentials: baseUrl(
      options.endpoints?.iamCredentials,
      DEFAULT_IAM_CREDENTIALS,
      'endpoints.iamCredentials',
    ),
  };
  const serviceAccount = options.serviceAccount?.trim() || undefined;
  if (serviceAccount !== undefined && !SERVICE_ACCOUNT.test(serviceAccount)) {
    throw new GoogleLoginError(
      `"${serviceAccount}" is not a service account email (e.g. NAME@PROJECT.iam.gserviceaccount.com)`,
      'configuration',
    );
  }
  const provider = options.workloadIdentityProvider?.trim() || undefined;
  if (provider === undefined) return applicationDefaultToken(serviceAccount, endpoints, secrets);
  return federatedToken(normalizeProvider(provider), serviceAccount, options, endpoints, secrets);
}

type Phase = 'github-oidc' | 'sts' | 'impersonation';

async function federatedToken(
  provider: string,
  serviceAccount: string | undefined,
  options: GoogleLoginOptions,
  endpoints: { sts: string; iamCredentials: string },
  secrets: Secrets,
): Promise<string> {
  const audience = options.audience?.trim() || `https://iam.googleapis.com/${provider}`;
  // Where we are, for the error message: set by the supplier and by the generateAccessToken interceptor.
  const state: { phase: Phase } = { phase: 'github-oidc' };
  const client = new IdentityPoolClient({
    type: 'external_account',
    audience: `//iam.googleapis.com/${provider}`,
    subject_token_type: JWT_TOKEN_TYPE,
    token_url: `${endpoints.sts}/v1/token`,
    ...(serviceAccount === undefined
      ? {}
      : {
          service_account_impersonation_url: impersonationUrl(endpoints.iamCredentials, serviceAccount),
          service_account_impersonation: { token_lifetime_seconds: LIFETIME_SECONDS },
        }),
    scopes: [CLOUD_PLATFORM],
    subject_token_supplier: {
      getSubjectToken: async () => {
        state.phase = 'github-oidc';
        const token = await githubToken(options, audience, secrets);
        state.phase = 'sts';
        return token;
      },
    },
    // The library's default interceptors log response bodies (access tokens) when GOOGLE_SDK_NODE_LOGGING
    // is set, before we could mask them; ours below masks instead.
    useAuthRequestParameters: false,
  });
  watchImpersonation(client, secrets, () => (state.phase = 'impersonation'));
  try {
    const { token } = await client.getAccessToken();
    if (!token) throw new GoogleLoginError(`Google returned no access token for ${provider}`, state.phase);
    secrets.add(token);
    return token;
  } catch (error) {
    if (error instanceof GoogleLoginError) throw error;
    throw state.phase === 'impersonation'
      ? impersonationError(error, serviceAccount ?? '', endpoints.iamCredentials, provider, secrets)
      : stsError(error, provider, audience, endpoints.sts, secrets);
  }
}

/** GitHub's OIDC token for the audience, masked the moment it exists. */
async function githubToken(options: GoogleLoginOptions, audience: string, secrets: Secrets): Promise<string> {
  let token: string;
  try {
    token = await options.getIdToken(audience);
  } catch (error) {
    throw new GoogleLoginError(
      secrets.redact(
        `could not get GitHub's OIDC token for audience ${audience} (${upstreamMessage(error)}); ` +
          'does the job grant `permissions: id-token: write`?',
      ),
      'github-oidc',
    );
  }
  if (typeof token !== 'string' || token.length === 0) {
    throw new GoogleLoginError(`GitHub returned an empty OIDC token for audience ${audience}`, 'github-oidc');
  }
  secrets.add(token);
  return token;
}

async function applicationDefaultToken(
  serviceAccount: string | undefined,
  endpoints: { iamCredentials: string },
  secrets: Secrets,
): Promise<string> {
  const state: { phase: 'application-default-credentials' | 'impersonation' } = {
    phase: 'application-default-credentials',
  };
  try {
    const auth = new GoogleAuth({
      scopes: [CLOUD_PLATFORM],
      // Resolving credentials also resolves a project id unless one is given: that runs `gcloud config
      // config-helper`, asks the metadata server (even with METADATA_SERVER_DETECTION=none) and, for
      // external accounts, Cloud Resource Manager. A token needs none of that.
      projectId: UNUSED_PROJECT,
      clientOptions: { useAuthRequestParameters: false },
    });
    const source = await auth.getClient();
    let client: AuthClient = source;
    if (serviceAccount !== undefined) {
      watchImpersonation(source, secrets, () => (state.phase = 'impersonation'));
      client = new Impersonated({
        sourceClient: source,
        targetPrincipal: serviceAccount,
        targetScopes: [CLOUD_PLATFORM],
        lifetime: LIFETIME_SECONDS,
        endpoint: endpoints.iamCredentials,
        useAuthRequestParameters: false,
      });
    }
    const { token } = await client.getAccessToken();
    if (!token)
      throw new GoogleLoginError('Application Default Credentials gave no access token', state.phase);
    secrets.add(token);
    return token;
  } catch (error) {
    if (error instanceof GoogleLoginError) throw error;
    if (state.phase === 'impersonation') {
      throw impersonationError(error, serviceAccount ?? '', endpoints.iamCredentials, undefined, secrets);
    }
    const message = upstreamMessage(error);
    if (message.startsWith(NO_ADC)) {
      throw new GoogleLoginError(
        'no Google credentials: set the workload identity provider (projects/NUMBER/locations/global/' +
          'workloadIdentityPools/POOL/providers/PROVIDER) or provide Application Default Credentials ' +
          '(e.g. google-github-actions/auth earlier in the job, which sets GOOGLE_APPLICATION_CREDENTIALS)',
        'no-credentials',
      );
    }
    throw new GoogleLoginError(
      secrets.redact(
        `Application Default Credentials failed (${describe(error)}); check GOOGLE_APPLICATION_CREDENTIALS ` +
          'and the credentials it points to',
      ),
      'application-default-credentials',
      statusOf(error),
    );
  }
}

/** Masks generateAccessToken's Bearer token (the federated or ADC token) as it goes out. */
function watchImpersonation(client: AuthClient, secrets: Secrets, entering: () => void): void {
  client.transporter.interceptors.request.add({
    resolved: async (config) => {
      if (config.url.pathname.endsWith(':generateAccessToken')) {
        entering();
        const bearer = /^Bearer\s+(.+)$/i.exec(config.headers.get('authorization') ?? '');
        if (bearer?.[1]) secrets.add(bearer[1]);
      }
      return config;
    },
  });
}

function normalizeProvider(value: string): string {
  const provider = value.replace(/^(?:https:)?\/\/iam\.googleapis\.com\//, '');
  if (!PROVIDER.test(provider)) {
    throw new GoogleLoginError(
      `"${value}" is not a workload identity provider: expected ` +
        'projects/PROJECT_NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER',
      'configuration',
    );
  }
  return provider;
}

function baseUrl(value: string | undefined, fallback: string, name: string): string {
  const text = value?.trim() || fallback;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new GoogleLoginError(`${name} "${text}" is not a URL`, 'configuration');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new GoogleLoginError(`${name} "${text}" must be an http(s) URL`, 'configuration');
  }
  return text.replace(/\/+$/, '');
}

function impersonationUrl(iamCredentials: string, serviceAccount: string): string {
  return `${iamCredentials}/v1/projects/-/serviceAccounts/${serviceAccount}:generateAccessToken`;
}
