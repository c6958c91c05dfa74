export const id = 452;
export const ids = [452];
export const modules = {

/***/ 29452:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildRules: () => (/* binding */ buildRules)
});

;// CONCATENATED MODULE: ./lib/providers/kubernetes/k3s/credentials.js
/** The credential k3s sends to the registry's default endpoint (always tried last, never rewritten). */
function credentialFor(host, file) {
    const mirror = file.registries.mirrors?.[host] ?? file.registries.mirrors?.['*'];
    const mirrorEndpoints = (mirror?.endpoint ?? [])
        .filter((endpoint) => endpointHost(endpoint) !== host)
        .map(withoutUserinfo);
    const configs = file.registries.configs ?? {};
    const configKey = Object.hasOwn(configs, host) ? host : Object.hasOwn(configs, '*') ? '*' : undefined;
    const auth = configKey === undefined ? undefined : configs[configKey]?.auth;
    if (!auth || configKey === undefined)
        return { credential: { kind: 'none' }, mirrorEndpoints };
    const at = ['configs', configKey, 'auth'];
    return { credential: classify(auth, at), configKey, mirrorEndpoints };
}
function classify(auth, at) {
    const decoded = auth.auth === undefined ? undefined : decodeBasicAuth(auth.auth);
    const username = auth.username ?? decoded?.username;
    const password = auth.password ?? decoded?.password;
    const passwordAt = [...at, auth.password === undefined ? 'auth' : 'password'];
    if (username === '_json_key' || username === '_json_key_base64') {
        return serviceAccountKey(username, password, passwordAt);
    }
    if (username === 'oauth2accesstoken')
        return { kind: 'expiring-token', issuer: 'google', at: passwordAt };
    if (username === 'AWS')
        return { kind: 'expiring-token', issuer: 'ecr', at: passwordAt };
    if (password === undefined && auth.auth === undefined && auth.identity_token === undefined) {
        return { kind: 'unusable', problem: 'the auth entry has no password, auth or identity_token', at };
    }
    return { kind: 'basic', username, at };
}
function serviceAccountKey(username, password, at) {
    const broken = (problem) => ({ kind: 'unusable', problem, at });
    if (!password)
        return broken(`the ${username} password is empty: it must hold the service-account key`);
    let json = password;
    if (username === '_json_key_base64') {
        json = Buffer.from(password, 'base64').toString('utf8');
        if (!json.trimStart().startsWith('{'))
            return broken('the _json_key_base64 password is not base64 of a JSON key');
    }
    else if (password.trim().includes('\n')) {
        // containerd sends the password as written; the key must be one line of JSON.
        return broken('the _json_key password spans several lines: write the key JSON on one line (e.g. jq -c . key.json)');
    }
    let key;
    try {
        key = JSON.parse(json);
    }
    catch {
        return broken(`the ${username} password is not valid JSON: paste the whole service-account key file`);
    }
    const fields = key;
    if (fields.type !== 'service_account') {
        return broken(`the ${username} key is not a service-account key (its "type" is ${JSON.stringify(fields.type ?? null)})`);
    }
    if (typeof fields.client_email !== 'string' || !fields.client_email.includes('@')) {
        return broken(`the ${username} key has no client_email`);
    }
    if (typeof fields.private_key !== 'string' || !fields.private_key.includes('PRIVATE KEY')) {
        return broken(`the ${username} key has no private_key`);
    }
    return { kind: 'service-account-key', email: fields.client_email, at };
}
/** `auth` is base64 of "username:password" (docker config style). */
function decodeBasicAuth(value) {
    const text = Buffer.from(value, 'base64').toString('utf8');
    const colon = text.indexOf(':');
    return colon === -1 ? undefined : { username: text.slice(0, colon), password: text.slice(colon + 1) };
}
// Docker Hub's default endpoint is index.docker.io (k3s docs, "Default Endpoint Fallback").
const DOCKER_HUB_ENDPOINTS = new Set(['index.docker.io', 'registry-1.docker.io']);
/**
 * HOST[:PORT] of an endpoint as written (scheme optional): k3s compares endpoint URLs as written, so
 * "https://registry.example.com:443" is a mirror of registry.example.com, not its default endpoint (k3s
 * docs, "Rewrites"); `new URL()` would drop the :443.
 */
function endpointHost(endpoint) {
    const authority = endpoint.replace(/^https?:\/\//i, '').split(/[/?#]/)[0] ?? '';
    const host = authority.slice(authority.lastIndexOf('@') + 1).toLowerCase();
    return DOCKER_HUB_ENDPOINTS.has(host) ? 'docker.io' : host;
}
/** An endpoint as it may be shown: a user:password@ written into its URL is left out. */
function withoutUserinfo(endpoint) {
    return endpoint.replace(/^((?:https?:\/\/)?)[^/?#@]*@/i, '$1');
}

;// CONCATENATED MODULE: ./lib/providers/kubernetes/k3s/findings.js

function registriesFindings(file) {
    const findings = [];
    for (const [host, entry] of Object.entries(file.registries.configs ?? {})) {
        const auth = entry.auth;
        if (!auth)
            continue;
        const { credential } = credentialFor(host, { ...file, registries: { configs: { [host]: entry } } });
        const at = (field) => file.locate(['configs', host, 'auth', field]).line;
        const secretField = auth.password !== undefined ? 'password' : auth.auth !== undefined ? 'auth' : 'identity_token';
        const where = `configs.${host}.auth.${secretField}`;
        if (containsPrivateKey(auth.password) || containsPrivateKey(auth.auth)) {
            const owner = credential.kind === 'service-account-key' ? ` of ${credential.email}` : '';
            findings.push({
                severity: 'high',
                kind: 'secret-in-repo',
                file: file.file,
                line: at(secretField),
                message: `a service-account private key${owner} is committed in ${where}: delete that key in IAM (gcloud iam service-accounts keys delete),` +
                    ` remove it from the repository history, and install registries.yaml on the nodes from a secret store`,
            });
        }
        else if (auth.password !== undefined || auth.auth !== undefined || auth.identity_token !== undefined) {
            findings.push({
                severity: 'medium',
                kind: 'secret-in-repo',
                file: file.file,
                line: at(secretField),
                message: `a registry credential is committed in ${where}: rotate it and install registries.yaml on the nodes from a secret store`,
            });
        }
        if (credential.kind === 'expiring-token') {
            const lifetime = credential.issuer === 'google'
                ? 'an oauth2accesstoken expires within 1 hour'
                : 'an ECR token expires after 12 hours';
            findings.push({
                severity: 'medium',
                kind: 'expiring-credential',
                file: file.file,
                line: at(secretField),
                message: `${where}: ${lifetime}, after which pulls fail; use a kubelet image credential provider` +
                    ` (k3s --kubelet-arg=image-credential-provider-config=…)${credential.issuer === 'google' ? ' or a _json_key' : ''} instead`,
            });
        }
    }
    return findings;
}
function containsPrivateKey(value) {
    if (value === undefined)
        return false;
    if (value.includes('PRIVATE KEY'))
        return true;
    // _json_key_base64 and `auth` hide the key in base64.
    return Buffer.from(value, 'base64').toString('utf8').includes('PRIVATE KEY');
}

// EXTERNAL MODULE: ./lib/providers/kubernetes/k3s/index.js
var k3s = __webpack_require__(10319);
// EXTERNAL MODULE: ./lib/core/verdict.js
var verdict = __webpack_require__(94418);
;// CONCATENATED MODULE: ./lib/providers/kubernetes/k3s/node-config.js

const CREDENTIAL_PROVIDER_FLAG = '--kubelet-arg=image-credential-provider-config=/etc/rancher/k3s/credential-provider.yaml';
function decideNodeConfig(image, found, file) {
    const { credential } = found;
    const host = image.host;
    const kind = image.registry.kind;
    const source = (at) => {
        const where = file.locate(at);
        return `${file.file}:${where.line}`;
    };
    if (credential.kind === 'none')
        return noCredential(image, found, file);
    if (credential.kind === 'unusable') {
        return denied(`${source(credential.at)}: ${credential.problem}`, missingCredential(image, file, credential.problem));
    }
    const google = kind === 'gar' || kind === 'gcr';
    if (credential.kind === 'expiring-token') {
        const issuerMatches = (credential.issuer === 'google' && google) || (credential.issuer === 'ecr' && kind === 'ecr');
        if (issuerMatches) {
            const lifetime = credential.issuer === 'google' ? '1 hour' : '12 hours';
            return {
                verdict: 'unknown',
                reasons: [
                    `unknown: ${source(credential.at)} holds a token valid for ${lifetime} at most; whose token it is, and whether it is still valid, cannot be known offline` +
                        ` (use ${credential.issuer === 'google' ? 'a _json_key or ' : ''}a kubelet image credential provider instead)`,
                ],
                missing: [],
            };
        }
    }
    if (google) {
        return denied(`${source(credential.at)}: Artifact Registry accepts only the usernames _json_key, _json_key_base64 and oauth2accesstoken`, missingCredential(image, file, 'the username is not one Artifact Registry accepts'));
    }
    if (kind === 'ecr') {
        return denied(`${source(credential.at)}: Amazon ECR accepts only the username AWS with a password from ecr:GetAuthorizationToken`, missingCredential(image, file, 'the username is not AWS'));
    }
    return (0,verdict/* allowed */.T)([
        `${source(credential.at)} gives k3s credentials for ${host}${found.configKey === '*' ? ' (through the "*" entry)' : ''}; their validity cannot be checked offline`,
    ]);
}
/** No configs entry for the host: denied, unless mirror endpoints (which may hold the image) come first. */
function noCredential(image, found, file) {
    const host = image.host;
    if (found.mirrorEndpoints.length > 0) {
        return {
            verdict: 'unknown',
            reasons: [
                `unknown: ${file.file} has no configs.${host}.auth; the mirror endpoints ${found.mirrorEndpoints.join(', ')} are tried first,` +
                    ` and whether they hold the image (and accept the node) cannot be known offline`,
            ],
            missing: [],
        };
    }
    return denied(`${file.file} has no credentials for ${host} (no configs."${host}".auth, no "*" entry)`, missingCredential(image, file));
}
function denied(reason, missing) {
    return { verdict: 'denied', reasons: [reason], missing: [missing] };
}
function missingCredential(image, file, problem) {
    const host = image.host;
    const kind = image.registry.kind;
    const prefix = problem ? `Fix configs."${host}".auth in ${file.file} (${problem}). ` : '';
    if (kind === 'ecr')
        return ecrCredentialFix(host, prefix);
    if (kind === 'gar' || kind === 'gcr') {
        return {
            side: 'node-config',
            permissions: [`configs."${host}".auth`],
            fix: {
                text: `${prefix}Give k3s a key of a service account that has roles/artifactregistry.reader on the repository, as one line of JSON` +
                    ` (jq -c . key.json), and install the file on the nodes from a secret store rather than committing the key.`,
                snippets: {
                    yaml: [
                        'configs:',
                        `  "${host}":`,
                        '    auth:',
                        '      username: _json_key',
                        "      password: '<the service-account key JSON, on one line>'",
                    ].join('\n'),
                },
            },
        };
    }
    return {
        side: 'node-config',
        permissions: [`configs."${host}".auth`],
        fix: {
            text: `${prefix}Add credentials for ${host} to registries.yaml on every node (or, if anyone may pull this image, list it under publicImages).`,
            snippets: {
                yaml: [
                    'configs:',
                    `  "${host}":`,
                    '    auth:',
                    '      username: <user>',
                    '      password: <password or token>',
                ].join('\n'),
            },
        },
    };
}
/** ECR tokens expire: the fix is the kubelet's ECR credential provider, not a static entry. */
function ecrCredentialFix(host, prefix) {
    return {
        side: 'node-config',
        permissions: [`configs."${host}".auth`],
        fix: {
            text: `${prefix}ECR tokens expire after 12 hours, so a static registries.yaml entry cannot keep working: install the kubelet ECR` +
                ` credential provider on the nodes and start k3s with ${CREDENTIAL_PROVIDER_FLAG} (and --kubelet-arg=image-credential-provider-bin-dir=…);` +
                ` the node's AWS identity then needs ECR pull permissions.`,
            snippets: {
                yaml: [
                    'apiVersion: kubelet.config.k8s.io/v1',
                    'kind: CredentialProviderConfig',
                    'providers:',
                    '  - name: ecr-credential-provider',
                    '    matchImages: ["*.dkr.ecr.*.amazonaws.com", "*.dkr.ecr.*.amazonaws.com.cn"]',
                    '    defaultCacheDuration: "12h"',
                    '    apiVersion: credentialprovider.kubelet.k8s.io/v1',
                ].join('\n'),
            },
        },
    };
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/type/index.mjs + 112 modules
var type = __webpack_require__(74508);
// EXTERNAL MODULE: ./lib/core/config/read-file.js
var read_file = __webpack_require__(91767);
// EXTERNAL MODULE: ./lib/core/config/validate.js + 1 modules
var validate = __webpack_require__(26882);
// EXTERNAL MODULE: ./lib/core/config/yaml-source.js
var yaml_source = __webpack_require__(74473);
// EXTERNAL MODULE: ./lib/core/errors.js
var errors = __webpack_require__(3828);
;// CONCATENATED MODULE: ./lib/providers/kubernetes/k3s/registries-file.js
// k3s /etc/rancher/k3s/registries.yaml, read with positions and validated (k3s docs, "Private Registry
// Configuration": mirrors with endpoint and rewrite, configs with auth and tls, the "*" wildcard).






const registries_file_closed = { additionalProperties: false };
const RegistriesSchema = type/* Type */.ZU.Object({
    mirrors: type/* Type */.ZU.Optional(type/* Type */.ZU.Record(type/* Type */.ZU.String(), type/* Type */.ZU.Object({
        endpoint: type/* Type */.ZU.Optional(type/* Type */.ZU.Array(
        // The scheme may be left out: "otherwise it will default to https" (k3s docs, "Without TLS").
        type/* Type */.ZU.String({
            pattern: '^(?:https?://|(?![A-Za-z][A-Za-z0-9+.-]*://))[A-Za-z0-9[]',
            description: 'an endpoint URL, [https://]HOST[:PORT][/path] (https when no scheme is written)',
        }))),
        rewrite: type/* Type */.ZU.Optional(type/* Type */.ZU.Record(type/* Type */.ZU.String(), type/* Type */.ZU.String())),
    }, registries_file_closed))),
    configs: type/* Type */.ZU.Optional(type/* Type */.ZU.Record(type/* Type */.ZU.String(), type/* Type */.ZU.Object({
        auth: type/* Type */.ZU.Optional(type/* Type */.ZU.Object({
            username: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
            password: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
            auth: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
            identity_token: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
        }, registries_file_closed)),
        tls: type/* Type */.ZU.Optional(type/* Type */.ZU.Object({
            cert_file: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
            key_file: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
            ca_file: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
            insecure_skip_verify: type/* Type */.ZU.Optional(type/* Type */.ZU.Boolean()),
        }, registries_file_closed)),
    }, registries_file_closed))),
}, { ...registries_file_closed, title: 'k3s registries.yaml' });
/** Reads and validates a target's registriesFile (relative to the config's folder, inside its repository). */
function loadRegistriesFile(written, configFile, where) {
    const configDir = external_node_path_.dirname(external_node_path_.resolve(configFile));
    const absolute = external_node_path_.resolve(configDir, written);
    const file = (0,read_file/* shownPath */.pS)(external_node_path_.relative(process.cwd(), absolute) || absolute);
    const text = (0,read_file/* readUserFile */.E1)(absolute, where, `${(0,read_file/* shownPath */.pS)(written)} (%CODE%): expected the path of a k3s registries.yaml, relative to the config file`, (0,read_file/* repositoryRootOf */.Ko)(configDir));
    const source = (0,yaml_source/* parseYamlSource */.W)(text, file);
    const raw = emptyConfigsAsObjects(source.takeValue() ?? {});
    const problems = (0,validate/* schemaProblems */.I)(raw, RegistriesSchema, source, 'registries.yaml');
    if (problems.length > 0)
        throw new errors/* ConfigError */.xL((0,errors/* firstProblems */.fr)(problems, 'problem'));
    const registries = raw; // validated above
    for (const [host, mirror] of Object.entries(registries.mirrors ?? {})) {
        for (const pattern of Object.keys(mirror.rewrite ?? {})) {
            try {
                new RegExp(pattern);
            }
            catch {
                throw new errors/* ConfigError */.xL({
                    where: source.locateKey(['mirrors', host, 'rewrite', pattern]),
                    message: `mirrors.${(0,read_file/* shownPath */.pS)(host)}.rewrite: ${(0,read_file/* shownPath */.pS)(JSON.stringify(pattern))} is not a valid regular expression`,
                });
            }
        }
    }
    return { file, registries, locate: source.locate };
}
/**
 * k3s reads a configs entry written with no value (`"docker.io":`) as one without auth or tls: the k3s docs'
 * "Wildcard Support" example writes one to keep the "*" entry away from docker.io.
 */
function emptyConfigsAsObjects(raw) {
    if (!isMapping(raw) || !isMapping(raw['configs']))
        return raw;
    const configs = Object.entries(raw['configs']).map(([host, entry]) => [host, entry ?? {}]);
    return { ...raw, configs: Object.fromEntries(configs) };
}
function isMapping(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./lib/providers/kubernetes/k3s/rules.js





/** The k3s rules over one config's facts (loaded by the definition in ./index.ts). */
function buildRules(config) {
    const files = new Map();
    const findings = [];
    const seenFiles = new Set();
    config.input.targets?.forEach((target, t) => {
        if (target.platform !== 'k3s')
            return;
        const file = loadRegistriesFile(target.registriesFile, config.file, config.locate(['targets', t, 'registriesFile']));
        files.set(target.name, file);
        if (!seenFiles.has(file.file))
            findings.push(...registriesFindings(file));
        seenFiles.add(file.file);
    });
    return {
        principals: (target, image) => {
            const file = files.get(target.name);
            if (!file)
                return [];
            const { credential, configKey } = credentialFor(image.host, file);
            const google = image.registry.kind === 'gar' || image.registry.kind === 'gcr';
            if (credential.kind === 'service-account-key' && google) {
                const line = file.locate(credential.at).line;
                return [
                    {
                        principal: `serviceAccount:${credential.email}`,
                        reasons: [
                            `k3s pulls from ${image.host} with the service-account key of ${credential.email} (${file.file}:${line}, configs."${configKey ?? image.host}")`,
                        ],
                    },
                ];
            }
            return [{ principal: `${k3s/* K3S_NODE */.B}${target.name}` }];
        },
        decide: ({ image, target }) => {
            const file = files.get(target.name);
            return file ? decideNodeConfig(image, credentialFor(image.host, file), file) : undefined;
        },
        findings: () => findings,
    };
}


/***/ })

};
