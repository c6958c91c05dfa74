export const id = 296;
export const ids = [296];
export const modules = {

/***/ 80588:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ OidcError),
/* harmony export */   y: () => (/* binding */ withOidcRetries)
/* harmony export */ });
class OidcError extends Error {
    name = 'OidcError';
}
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function withOidcRetries(getIdToken, options = {}) {
    return async (audience) => {
        const attempts = options.attempts ?? 3;
        let last;
        for (let attempt = 1; attempt <= attempts; attempt++) {
            try {
                return await getIdToken(audience);
            }
            catch (error) {
                last = error;
                if (attempt < attempts)
                    await (options.sleep ?? realSleep)(500 * 2 ** (attempt - 1));
            }
        }
        const reason = last.message?.split('\n')[0] ?? String(last);
        throw new OidcError(`could not get GitHub's OIDC token for audience ${audience} after ${attempts} attempts (${reason}); does the workflow grant \`id-token: write\`?`);
    };
}


/***/ }),

/***/ 296:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  logIn: () => (/* binding */ logIn),
  refusedHint: () => (/* binding */ refusedHint)
});

// EXTERNAL MODULE: ./lib/core/provider.js
var provider = __webpack_require__(87990);
// EXTERNAL MODULE: ./lib/login/oidc.js
var oidc = __webpack_require__(80588);
// EXTERNAL MODULE: ./node_modules/google-auth-library/build/src/index.js
var src = __webpack_require__(492);
;// CONCATENATED MODULE: ./lib/providers/gcp/login-errors.js
// How a Google login failure is told: which step failed, Google's own error code and description, and
// what to check — with every secret seen so far cut out of the text (and masked the moment it appeared).
class GoogleLoginError extends Error {
    step;
    status;
    name = 'GoogleLoginError';
    constructor(message, step, 
    /** HTTP status of the failing Google answer, when there was one. */
    status) {
        super(message);
        this.step = step;
        this.status = status;
    }
}
function stsError(error, provider, audience, sts, secrets) {
    const status = statusOf(error);
    const data = dataOf(error);
    // Google's own words, bounded (a proxy can answer anything): one line of at most 300 characters each.
    const code = typeof data?.['error'] === 'string' ? upstreamMessage(secrets.redact(data['error'])) : undefined;
    // Cut after the secrets are, so no token is cut in two where redaction would not recognise it.
    const said = data?.['error_description'];
    const description = typeof said === 'string' ? `: ${upstreamMessage(secrets.redact(said))}` : '';
    const what = `Google STS (${sts}) did not exchange GitHub's OIDC token for provider ${provider}`;
    let message;
    if (status === undefined) {
        message =
            `${what}: ${describe(error)} (after retries); check that the runner can reach ${sts} ` +
                '(proxy, firewall, Private Service Connect endpoint)';
    }
    else if (code === 'invalid_grant') {
        message =
            `${what} (invalid_grant${description}). Check the provider's issuer is https://token.actions.githubusercontent.com, ` +
                `that its allowed audiences contain ${audience} (the audience requested; with none configured the provider ` +
                `accepts https://iam.googleapis.com/${provider}), and that its attribute mapping accepts this token`;
    }
    else if (code === 'unauthorized_client') {
        message =
            `${what} (unauthorized_client${description}). Check the provider's attribute condition ` +
                `(e.g. assertion.repository_owner == 'OWNER') admits this repository, branch and workflow`;
    }
    else if (code === 'invalid_target') {
        message =
            `${what} (invalid_target${description}). Check that the pool and provider exist and are enabled, ` +
                'and that the name uses the project NUMBER, not the project ID';
    }
    else if (status >= 500 || status === 429) {
        message = `${what}: HTTP ${status} after retries${description}; try again later`;
    }
    else {
        message = `${what} (HTTP ${status}${code ? ` ${code}` : ''}${description || detailOf(data)})`;
    }
    return new GoogleLoginError(secrets.redact(message), 'sts', status);
}
function impersonationError(error, serviceAccount, iamCredentials, provider, secrets) {
    const status = statusOf(error);
    const google = googleErrorOf(dataOf(error));
    const detail = google ? ` (${[google.status, google.message].filter(Boolean).join(': ')})` : '';
    const what = `generateAccessToken for ${serviceAccount} at ${iamCredentials} failed`;
    let message;
    if (status === undefined) {
        message = `${what}: ${describe(error)} (after retries); check that the runner can reach ${iamCredentials}`;
    }
    else if (status === 403 && google?.disabledService) {
        message =
            `${what}: HTTP 403${detail}. Enable the IAM Service Account Credentials API (iamcredentials.googleapis.com) ` +
                `in the project of ${serviceAccount}`;
    }
    else if (status === 403) {
        message = provider
            ? `${what}: HTTP 403${detail}. The federated principal needs roles/iam.workloadIdentityUser on ` +
                `${serviceAccount}, e.g. gcloud iam service-accounts add-iam-policy-binding ${serviceAccount} ` +
                `--role=roles/iam.workloadIdentityUser --member="principalSet://iam.googleapis.com/${poolOf(provider)}` +
                `/attribute.repository/OWNER/REPO"; also check that the service account exists`
            : `${what}: HTTP 403${detail}. The Application Default Credentials identity needs ` +
                `roles/iam.serviceAccountTokenCreator on ${serviceAccount}; also check that the service account exists`;
    }
    else if (status === 404) {
        message = `${what}: HTTP 404${detail}. Check that the service account ${serviceAccount} exists`;
    }
    else if (status >= 500 || status === 429) {
        message = `${what}: HTTP ${status} after retries${detail}; try again later`;
    }
    else {
        message = `${what}: HTTP ${status}${detail}`;
    }
    return new GoogleLoginError(secrets.redact(message), 'impersonation', status);
}
/** Every secret seen so far: masked on arrival, and cut out of any text that goes into a message. */
class Secrets {
    mask;
    seen = new Set();
    constructor(mask) {
        this.mask = mask;
    }
    add(secret) {
        if (this.seen.has(secret))
            return;
        this.seen.add(secret);
        this.mask(secret);
    }
    redact(text) {
        let out = text;
        for (const secret of this.seen)
            if (secret.length >= 4)
                out = out.split(secret).join('***');
        return out
            .replace(/eyJ[\w-]*\.[\w-]*\.[\w-]*/g, '***') // JWTs
            .replace(/\bya29\.[\w.-]+/g, '***') // Google access tokens
            .replace(/\b(bearer\s+)[^\s"',;)]+/gi, '$1***')
            .replace(/\b((?:access|subject|id|refresh)_?token["']?\s*[:=]\s*["']?)[^\s"'&,;)]+/gi, '$1***');
    }
}
function statusOf(error) {
    const status = error?.response?.status;
    return typeof status === 'number' ? status : undefined;
}
function dataOf(error) {
    const data = error?.response?.data;
    if (typeof data === 'string') {
        try {
            const parsed = JSON.parse(data);
            return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
        }
        catch {
            return { text: data };
        }
    }
    return typeof data === 'object' && data !== null ? data : undefined;
}
function detailOf(data) {
    const text = data?.['text'];
    return typeof text === 'string' && text.trim() ? `: ${upstreamMessage(text.trim()).slice(0, 200)}` : '';
}
/** Google's error body: { error: { code, message, status, details: [{ reason }] } }. */
function googleErrorOf(data) {
    const body = data?.['error'];
    if (typeof body !== 'object' || body === null)
        return undefined;
    const { message, status, details } = body;
    const reasons = Array.isArray(details)
        ? details.map((detail) => detail?.reason)
        : [];
    const text = typeof message === 'string' ? message.slice(0, 300) : undefined;
    return {
        ...(text ? { message: text } : {}),
        ...(typeof status === 'string' ? { status } : {}),
        disabledService: reasons.includes('SERVICE_DISABLED') || /has not been used in project|is disabled/i.test(text ?? ''),
    };
}
/** The error's code and first line, e.g. "ECONNREFUSED: request to … failed". */
function describe(error) {
    const code = error?.code;
    const message = upstreamMessage(error);
    return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
}
function upstreamMessage(error) {
    const message = error instanceof Error ? error.message : String(error);
    return (message.split('\n')[0] ?? '').slice(0, 300);
}
function poolOf(provider) {
    return provider.replace(/\/providers\/[^/]+$/, '');
}

;// CONCATENATED MODULE: ./lib/providers/gcp/login.js
// Google access tokens for Artifact Registry and gcr.io without long-lived keys: GitHub's OIDC token is
// exchanged at Google STS for a federated token (Workload Identity Federation), optionally traded at IAM
// Credentials for a service account's token (generateAccessToken). Without a provider, Application Default
// Credentials are used (e.g. what google-github-actions/auth left behind). google-auth-library does the
// protocol and retries 5xx/408/429 and network failures itself (gaxios: 3 retries, 2 without a response);
// this module configures it, masks every secret the moment it exists, and turns failures into messages
// that say what to check — never with a token in them.



const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform';
const JWT_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:jwt';
const DEFAULT_STS = 'https://sts.googleapis.com';
const DEFAULT_IAM_CREDENTIALS = 'https://iamcredentials.googleapis.com';
const PROVIDER = /^projects\/([^/\s]+)\/locations\/global\/workloadIdentityPools\/([^/\s]+)\/providers\/([^/\s]+)$/;
// An email without characters that would change the generateAccessToken URL.
const SERVICE_ACCOUNT = /^[^\s@/:?#%\\]+@[^\s@/:?#%\\]+$/;
const LIFETIME_SECONDS = 3600;
const NO_ADC = 'Could not load the default credentials';
// Only used to satisfy GoogleAuth's project discovery, see applicationDefaultToken.
const UNUSED_PROJECT = 'pullcheck-token-only';
async function googleAccessToken(options) {
    const secrets = new Secrets(options.mask);
    const endpoints = {
        sts: baseUrl(options.endpoints?.sts, DEFAULT_STS, 'endpoints.sts'),
        iamCredentials: baseUrl(options.endpoints?.iamCredentials, DEFAULT_IAM_CREDENTIALS, 'endpoints.iamCredentials'),
    };
    const serviceAccount = options.serviceAccount?.trim() || undefined;
    if (serviceAccount !== undefined && !SERVICE_ACCOUNT.test(serviceAccount)) {
        throw new GoogleLoginError(`"${serviceAccount}" is not a service account email (e.g. NAME@PROJECT.iam.gserviceaccount.com)`, 'configuration');
    }
    const provider = options.workloadIdentityProvider?.trim() || undefined;
    if (provider === undefined)
        return applicationDefaultToken(serviceAccount, endpoints, secrets);
    return federatedToken(normalizeProvider(provider), serviceAccount, options, endpoints, secrets);
}
async function federatedToken(provider, serviceAccount, options, endpoints, secrets) {
    const audience = options.audience?.trim() || `https://iam.googleapis.com/${provider}`;
    // Where we are, for the error message: set by the supplier and by the generateAccessToken interceptor.
    const state = { phase: 'github-oidc' };
    const client = new src.IdentityPoolClient({
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
        if (!token)
            throw new GoogleLoginError(`Google returned no access token for ${provider}`, state.phase);
        secrets.add(token);
        return token;
    }
    catch (error) {
        if (error instanceof GoogleLoginError)
            throw error;
        throw state.phase === 'impersonation'
            ? impersonationError(error, serviceAccount ?? '', endpoints.iamCredentials, provider, secrets)
            : stsError(error, provider, audience, endpoints.sts, secrets);
    }
}
/** GitHub's OIDC token for the audience, masked the moment it exists. */
async function githubToken(options, audience, secrets) {
    let token;
    try {
        token = await options.getIdToken(audience);
    }
    catch (error) {
        throw new GoogleLoginError(secrets.redact(`could not get GitHub's OIDC token for audience ${audience} (${upstreamMessage(error)}); ` +
            'does the job grant `permissions: id-token: write`?'), 'github-oidc');
    }
    if (typeof token !== 'string' || token.length === 0) {
        throw new GoogleLoginError(`GitHub returned an empty OIDC token for audience ${audience}`, 'github-oidc');
    }
    secrets.add(token);
    return token;
}
async function applicationDefaultToken(serviceAccount, endpoints, secrets) {
    const state = {
        phase: 'application-default-credentials',
    };
    try {
        const auth = new src.GoogleAuth({
            scopes: [CLOUD_PLATFORM],
            // Resolving credentials also resolves a project id unless one is given: that runs `gcloud config
            // config-helper`, asks the metadata server (even with METADATA_SERVER_DETECTION=none) and, for
            // external accounts, Cloud Resource Manager. A token needs none of that.
            projectId: UNUSED_PROJECT,
            clientOptions: { useAuthRequestParameters: false },
        });
        const source = await auth.getClient();
        let client = source;
        if (serviceAccount !== undefined) {
            watchImpersonation(source, secrets, () => (state.phase = 'impersonation'));
            client = new src.Impersonated({
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
    }
    catch (error) {
        if (error instanceof GoogleLoginError)
            throw error;
        if (state.phase === 'impersonation') {
            throw impersonationError(error, serviceAccount ?? '', endpoints.iamCredentials, undefined, secrets);
        }
        const message = upstreamMessage(error);
        if (message.startsWith(NO_ADC)) {
            throw new GoogleLoginError('no Google credentials: set the workload identity provider (projects/NUMBER/locations/global/' +
                'workloadIdentityPools/POOL/providers/PROVIDER) or provide Application Default Credentials ' +
                '(e.g. google-github-actions/auth earlier in the job, which sets GOOGLE_APPLICATION_CREDENTIALS)', 'no-credentials');
        }
        throw new GoogleLoginError(secrets.redact(`Application Default Credentials failed (${describe(error)}); check GOOGLE_APPLICATION_CREDENTIALS ` +
            'and the credentials it points to'), 'application-default-credentials', statusOf(error));
    }
}
/** Masks generateAccessToken's Bearer token (the federated or ADC token) as it goes out. */
function watchImpersonation(client, secrets, entering) {
    client.transporter.interceptors.request.add({
        resolved: async (config) => {
            if (config.url.pathname.endsWith(':generateAccessToken')) {
                entering();
                const bearer = /^Bearer\s+(.+)$/i.exec(config.headers.get('authorization') ?? '');
                if (bearer?.[1])
                    secrets.add(bearer[1]);
            }
            return config;
        },
    });
}
function normalizeProvider(value) {
    const provider = value.replace(/^(?:https:)?\/\/iam\.googleapis\.com\//, '');
    if (!PROVIDER.test(provider)) {
        throw new GoogleLoginError(`"${value}" is not a workload identity provider: expected ` +
            'projects/PROJECT_NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER', 'configuration');
    }
    return provider;
}
function baseUrl(value, fallback, name) {
    const text = value?.trim() || fallback;
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new GoogleLoginError(`${name} "${text}" is not a URL`, 'configuration');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new GoogleLoginError(`${name} "${text}" must be an http(s) URL`, 'configuration');
    }
    return text.replace(/\/+$/, '');
}
function impersonationUrl(iamCredentials, serviceAccount) {
    return `${iamCredentials}/v1/projects/-/serviceAccounts/${serviceAccount}:generateAccessToken`;
}

;// CONCATENATED MODULE: ./lib/providers/gcp/registry-login.js



const refusedHint = 'the service account (or federated principal) needs roles/artifactregistry.reader on the repository (writer to push)';
async function logIn(context) {
    const { inputs } = context;
    // The context holds only Artifact Registry and gcr.io images (this provider's registries).
    const hosts = [...new Set(context.images.map((image) => image.host))];
    if (hosts.length === 0)
        return { logins: [] };
    const endpoints = context.config.endpoints?.google;
    try {
        const token = await googleAccessToken({
            ...(inputs['gcp-workload-identity-provider']
                ? { workloadIdentityProvider: inputs['gcp-workload-identity-provider'] }
                : {}),
            ...(inputs['gcp-service-account'] ? { serviceAccount: inputs['gcp-service-account'] } : {}),
            ...(endpoints ? { endpoints } : {}),
            getIdToken: context.getIdToken,
            mask: context.mask,
        });
        return {
            logins: hosts.map((host) => ({ host, username: 'oauth2accesstoken', password: token })),
            session: token,
        };
    }
    catch (error) {
        // Without a provider, Application Default Credentials may simply be absent: not this step's failure.
        if (!inputs['gcp-workload-identity-provider'] &&
            error instanceof GoogleLoginError &&
            error.step === 'no-credentials') {
            context.warning('pullcheck: no Google credentials (set gcp-workload-identity-provider, or use Application Default Credentials): skipping the Artifact Registry logins');
            return { logins: [] };
        }
        throw new provider/* LoginError */.Qd(error instanceof GoogleLoginError || error instanceof oidc/* OidcError */.u
            ? error.message
            : `Google login failed: ${error.name}`);
    }
}


/***/ })

};
