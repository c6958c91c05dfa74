export const id = 616;
export const ids = [616];
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

/***/ 56616:
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
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(28249);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var client_sts_dist_cjs = __webpack_require__(71695);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/credential-providers/dist-cjs/index.js
var credential_providers_dist_cjs = __webpack_require__(29719);
;// CONCATENATED MODULE: ./lib/providers/aws/login.js
// Amazon ECR logins without long-lived keys: GitHub's OIDC token → sts:AssumeRoleWithWebIdentity (or the
// ambient credential chain, e.g. what aws-actions/configure-aws-credentials left), then
// ecr:GetAuthorizationToken per region for every registry account at once (username AWS, 12 h tokens).
// AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL_ECR are honoured by the SDK.



class AwsLoginError extends Error {
    name = 'AwsLoginError';
}
async function awsCredentials(options, region) {
    if (!options.roleArn)
        return (0,credential_providers_dist_cjs.fromNodeProviderChain)();
    const webIdentityToken = await options.getIdToken(options.audience);
    const sts = new client_sts_dist_cjs/* STSClient */.iM({ region: options.region ?? region, maxAttempts: 4 });
    try {
        const { Credentials: credentials } = await sts.send(new client_sts_dist_cjs/* AssumeRoleWithWebIdentityCommand */.WH({
            RoleArn: options.roleArn,
            RoleSessionName: options.sessionName,
            WebIdentityToken: webIdentityToken,
            DurationSeconds: 3600,
        }));
        if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.SessionToken) {
            throw new AwsLoginError(`sts:AssumeRoleWithWebIdentity for ${options.roleArn} returned no credentials`);
        }
        options.mask(credentials.SecretAccessKey);
        options.mask(credentials.SessionToken);
        return {
            accessKeyId: credentials.AccessKeyId,
            secretAccessKey: credentials.SecretAccessKey,
            sessionToken: credentials.SessionToken,
        };
    }
    catch (error) {
        if (error instanceof AwsLoginError)
            throw error;
        const name = error.name ?? 'Error';
        const hint = /AccessDenied|InvalidIdentityToken/.test(name)
            ? `: check the role's trust policy — its Principal must be the account's GitHub OIDC provider (token.actions.githubusercontent.com), ` +
                `"token.actions.githubusercontent.com:aud" must equal "${options.audience}", and "token.actions.githubusercontent.com:sub" must match ` +
                `this workflow (e.g. repo:OWNER/REPO:ref:refs/heads/main or repo:OWNER/REPO:pull_request)`
            : '';
        throw new AwsLoginError(`could not assume ${options.roleArn} with GitHub's OIDC token (${name})${hint}`);
    }
}
/** One GetAuthorizationToken per region, for all of that region's registry accounts. */
async function ecrLogins(registries, credentialsFor, mask) {
    const byRegion = new Map();
    for (const registry of registries)
        byRegion.set(registry.region, [...(byRegion.get(registry.region) ?? []), registry]);
    const logins = [];
    for (const [region, inRegion] of byRegion) {
        const ecr = new dist_cjs/* ECRClient */.S70({ region, credentials: await credentialsFor(region), maxAttempts: 4 });
        const accounts = [...new Set(inRegion.map((registry) => registry.account))];
        let data;
        try {
            data =
                (await ecr.send(new dist_cjs/* GetAuthorizationTokenCommand */.Eu6({ registryIds: accounts }))).authorizationData ?? [];
        }
        catch (error) {
            const name = error.name ?? 'Error';
            // No credentials at all is the caller's decision (a warning without aws-role-arn), not a failed call.
            if (/CredentialsProviderError/.test(name))
                throw error;
            throw new AwsLoginError(`ecr:GetAuthorizationToken in ${region} failed (${name})` +
                (/AccessDenied/.test(name)
                    ? ': the role needs ecr:GetAuthorizationToken on "*" (e.g. AmazonEC2ContainerRegistryPowerUser for pushes)'
                    : ''));
        }
        for (const registry of inRegion) {
            const entry = data.find((item) => item.proxyEndpoint?.includes(`//${registry.account}.`)) ??
                (data.length === 1 ? data[0] : undefined);
            if (!entry?.authorizationToken)
                throw new AwsLoginError(`ecr:GetAuthorizationToken in ${region} returned no token for ${registry.account}`);
            mask(entry.authorizationToken);
            const decoded = Buffer.from(entry.authorizationToken, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            const username = decoded.slice(0, colon);
            const password = decoded.slice(colon + 1);
            mask(password);
            for (const host of registry.hosts)
                logins.push({ host, username, password });
        }
    }
    return logins;
}

// EXTERNAL MODULE: ./lib/providers/aws/registry.js
var registry = __webpack_require__(19573);
;// CONCATENATED MODULE: ./lib/providers/aws/registry-login.js




const refusedHint = 'check the registry account and region, and that the role may pull from (or push to) its repositories';
async function logIn(context) {
    const { inputs } = context;
    const registries = ecrRegistries(context);
    if (registries.length === 0)
        return { logins: [] };
    const options = {
        ...(inputs['aws-role-arn'] ? { roleArn: inputs['aws-role-arn'] } : {}),
        ...(inputs['aws-region'] ? { region: inputs['aws-region'] } : {}),
        audience: inputs['audience'] ?? 'sts.amazonaws.com',
        getIdToken: context.getIdToken,
        mask: context.mask,
        sessionName: `pullcheck-${context.env['GITHUB_RUN_ID'] ?? 'local'}`,
    };
    let session;
    try {
        const logins = await ecrLogins(registries, async (region) => (session ??= await awsCredentials(options, region)), context.mask);
        return { logins, session };
    }
    catch (error) {
        if (error instanceof AwsLoginError || error instanceof oidc/* OidcError */.u)
            throw new provider/* LoginError */.Qd(error.message);
        // Without aws-role-arn the ambient chain may simply be empty: not this step's failure.
        if (!inputs['aws-role-arn'] && /CredentialsProviderError/.test(error.name)) {
            context.warning('pullcheck: no AWS credentials (set aws-role-arn, or configure them earlier in the job): skipping the ECR logins');
            return { logins: [], ...(session ? { session } : {}) };
        }
        throw new provider/* LoginError */.Qd(`ECR login failed: ${error.name}`);
    }
}
function ecrRegistries(context) {
    const registries = new Map();
    for (const image of context.images) {
        const ecr = (0,registry/* ecrLocationOf */.BX)(image);
        if (!ecr)
            continue;
        const key = `${ecr.account}/${ecr.region}`;
        const entry = registries.get(key) ?? { hosts: new Set(), account: ecr.account, region: ecr.region };
        entry.hosts.add(image.host);
        registries.set(key, entry);
    }
    return [...registries.values()].map((entry) => ({ ...entry, hosts: [...entry.hosts] }));
}


/***/ })

};
