export const id = 358;
export const ids = [358];
export const modules = {

/***/ 91358:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildRules: () => (/* binding */ buildRules)
});

// EXTERNAL MODULE: ./lib/core/verdict.js
var core_verdict = __webpack_require__(94418);
// EXTERNAL MODULE: ./lib/providers/kubernetes/index.js + 2 modules
var kubernetes = __webpack_require__(56487);
// EXTERNAL MODULE: ./lib/providers/kubernetes/manifests/cluster-state.js
var cluster_state = __webpack_require__(51684);
// EXTERNAL MODULE: ./lib/providers/kubernetes/manifests/load.js
var load = __webpack_require__(18136);
// EXTERNAL MODULE: ./lib/providers/kubernetes/openshift/builtin-roles.js + 1 modules
var builtin_roles = __webpack_require__(50194);
// EXTERNAL MODULE: ./lib/providers/kubernetes/openshift/pull-rule.js
var pull_rule = __webpack_require__(24964);
// EXTERNAL MODULE: ./lib/providers/kubernetes/openshift/registry.js
var registry = __webpack_require__(40745);
// EXTERNAL MODULE: ./lib/core/image-reference.js
var image_reference = __webpack_require__(60814);
// EXTERNAL MODULE: ./lib/providers/kubernetes/fixes.js
var fixes = __webpack_require__(84396);
// EXTERNAL MODULE: ./lib/core/wildcard.js
var wildcard = __webpack_require__(50773);
;// CONCATENATED MODULE: ./lib/providers/kubernetes/pull-secrets/registry-match.js

function registryKeyCovers(key, image) {
    const glob = parseKey(key);
    if (!glob)
        return false;
    // Lookup: "Use credentials for the default registry if provided, and appropriate".
    const defaultRegistryKey = glob.labels.join('.') === 'index.docker.io' && glob.port === '' && glob.path === '';
    if (image.host === 'docker.io' && defaultRegistryKey)
        return true;
    const target = parseKey(`${image.host}/${image.path}`);
    if (!target || glob.labels.length !== target.labels.length || glob.port !== target.port)
        return false;
    if (!glob.labels.every((label, i) => labelMatches(label, target.labels[i] ?? '')))
        return false;
    return target.path.startsWith(glob.path);
}
/**
 * A key as the kubelet's Add reads it (url.Parse after adding https://). The port is taken as written: the
 * WHATWG URL parser would drop a default port (:443), which Go's url.Parse keeps.
 */
function parseKey(key) {
    const withScheme = /^https?:\/\//i.test(key) ? key : `https://${key}`;
    const rest = withScheme.slice(withScheme.indexOf('//') + 2);
    const authorityEnd = rest.search(/[/?#]/);
    const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
    const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
    const portMatch = /:(\d*)$/.exec(hostPort);
    const host = portMatch ? hostPort.slice(0, portMatch.index) : hostPort;
    const port = portMatch?.[1] ?? '';
    if (host === '')
        return undefined;
    let path = authorityEnd === -1 ? '' : rest.slice(authorityEnd).replace(/[?#].*$/, '');
    if (path.startsWith('/v1/') || path.startsWith('/v2/'))
        path = path.slice(3);
    if (path === '/')
        path = '';
    return { labels: host.toLowerCase().split('.'), port, path };
}
/** Go's filepath.Match within one DNS label: `*` any run, `?` one character. */
function labelMatches(pattern, label) {
    return (0,wildcard/* wildcardMatches */.w)(pattern, label);
}

;// CONCATENATED MODULE: ./lib/providers/kubernetes/openshift/global-pull-secret.js


/** The auths of the pull secret an OpenShift 4 installation downloads from console.redhat.com. */
const INSTALLED_GLOBAL_PULL_SECRET_HOSTS = [
    'cloud.openshift.com',
    'quay.io',
    'registry.connect.redhat.com',
    'registry.redhat.io',
];
const GLOBAL_PULL_SECRET = 'openshift-config/pull-secret';
// Its hosts, never its credentials: a Secret whose entries are empty is read for its keys and is not a
// committed secret.
const HOW_TO_STATE = "state it in facts.kubernetes.manifests as a Secret pull-secret of namespace openshift-config (type kubernetes.io/dockerconfigjson) whose stringData .dockerconfigjson lists the registry hosts with empty entries, never the credentials: oc get secret pull-secret -n openshift-config -o jsonpath='{.data.\\.dockerconfigjson}' | base64 -d | jq -c '{auths: (.auths | map_values({}))}'";
/**
 * What the node's own credentials add to a pull no pod pull secret covers: a verdict when they cover the
 * image's registry, else the reason saying they do not.
 */
function globalPullSecretCovers(image, state) {
    const stated = state.secrets.get(GLOBAL_PULL_SECRET);
    if (stated && stated.registryKeys === undefined) {
        return {
            verdict: (0,core_verdict/* unknown */.L)([
                `unknown: OpenShift nodes also pull with the cluster's global pull secret (${stated.origin}), and ${stated.problem ?? 'its registry keys cannot be read'}: whether it covers ${image.host} is not known; ${HOW_TO_STATE}`,
            ]),
        };
    }
    if (stated) {
        const key = stated.registryKeys?.find((candidate) => registryKeyCovers(candidate, image));
        if (key !== undefined) {
            return {
                verdict: (0,core_verdict/* allowed */.T)([
                    `OpenShift nodes pull with the cluster's global pull secret (${stated.origin}), whose registry key ${key} covers ${image.host}; the credential itself cannot be checked offline`,
                ]),
            };
        }
        return {
            reason: `the cluster's global pull secret (${stated.origin}) does not cover ${image.host} either`,
        };
    }
    const host = INSTALLED_GLOBAL_PULL_SECRET_HOSTS.find((candidate) => registryKeyCovers(candidate, image));
    if (host !== undefined) {
        return {
            verdict: (0,core_verdict/* unknown */.L)([
                `unknown: OpenShift nodes also pull with the cluster's global pull secret, which an installed cluster holds for ${host}; whether its credentials can read ${image.path} cannot be known without it: ${HOW_TO_STATE}, or link a pull secret for ${image.host}`,
            ]),
        };
    }
    return {
        reason: `the cluster's global pull secret is not in the facts and is taken as installed (${INSTALLED_GLOBAL_PULL_SECRET_HOSTS.join(', ')}), which does not cover ${image.host}; if it was extended, ${HOW_TO_STATE}`,
    };
}

;// CONCATENATED MODULE: ./lib/providers/kubernetes/pull-secrets/rule.js
// The pull-secret rule (SPEC §4 "Other secured registries from Kubernetes/OpenShift"): the pod's service
// account must link a kubernetes.io/dockerconfigjson (or legacy dockercfg) Secret whose registry keys cover
// the image. The credential itself cannot be checked offline, and the reason says so.





function evaluatePullSecrets(image, account, state) {
    const { namespace, name } = account;
    if (account.podPullSecrets)
        return evaluatePodPullSecrets(image, account, account.podPullSecrets, state);
    const serviceAccount = state.serviceAccounts.get(`${namespace}/${name}`);
    const mentioned = state.namespaces.has(namespace);
    if (!serviceAccount && (!mentioned || name !== 'default')) {
        return {
            verdict: 'unknown',
            reasons: [
                `unknown: ServiceAccount ${namespace}/${name} is not in facts.kubernetes.manifests: add it with the pull Secrets it links` +
                    ` (kubectl get serviceaccount ${name} -n ${namespace} -o yaml)`,
            ],
            missing: [],
        };
    }
    // Every namespace has a `default` ServiceAccount; one the manifests do not show links no secrets.
    const linked = serviceAccount?.imagePullSecrets ?? [];
    const origin = serviceAccount?.origin ?? `the default ServiceAccount of ${namespace}`;
    const tried = trySecrets(image, namespace, linked, state, `${origin} links`);
    if ('verdict' in tried)
        return tried.verdict;
    const { absent } = tried;
    const reasons = [
        ...tried.reasons,
        ...absent.map((secretName) => `${origin} links the pull secret ${secretName}, which is not in the manifests of ${namespace}`),
    ];
    if (linked.length === 0)
        reasons.push(`${origin} links no imagePullSecrets`);
    const unlinked = [...state.secrets.values()].find((secret) => secret.namespace === namespace &&
        !linked.includes(secret.name) &&
        coveringKey(secret, image) !== undefined);
    const node = nodeCredentials(image, account, state);
    if (node && 'verdict' in node)
        return withReasons(node.verdict, reasons);
    if (node)
        reasons.push(node.reason);
    if (unlinked) {
        reasons.push(`${unlinked.origin} covers ${image.host} but is not linked to ${name}`);
        return {
            verdict: 'denied',
            reasons,
            missing: [(0,fixes/* linkSecretFix */.C2)(account, unlinked.name, image.host, linked)],
        };
    }
    return {
        verdict: 'denied',
        reasons: [...reasons, `no pull secret of ${namespace}/${name} covers ${(0,image_reference/* imageName */.tO)(image)}`],
        missing: [(0,fixes/* createSecretFix */.UP)(account, image.host, linked, absent[0])],
    };
}
/**
 * Kubernetes docs, "ServiceAccount admission controller": when the pod does not contain any
 * imagePullSecrets, those of its ServiceAccount are added — so a pod that lists its own uses only those.
 */
function evaluatePodPullSecrets(image, account, listed, state) {
    const { namespace } = account;
    const tried = trySecrets(image, namespace, listed, state, 'the pod lists');
    if ('verdict' in tried)
        return tried.verdict;
    const { reasons, absent } = tried;
    if (absent.length > 0 && !state.namespaces.has(namespace)) {
        return {
            verdict: 'unknown',
            reasons: [
                ...reasons,
                `unknown: the pod's pull secret ${absent.join(', ')} is not in facts.kubernetes.manifests: add it (its registry hosts with empty entries, never its credentials: kubectl get secret ${absent[0]} -n ${namespace} -o jsonpath='{.data.\\.dockerconfigjson}' | base64 -d | jq -c '{auths: (.auths | map_values({}))}')`,
            ],
            missing: [],
        };
    }
    for (const secretName of absent)
        reasons.push(`the pod lists the pull secret ${secretName}, which is not in the manifests of ${namespace}`);
    const node = nodeCredentials(image, account, state);
    if (node && 'verdict' in node)
        return withReasons(node.verdict, reasons);
    if (node)
        reasons.push(node.reason);
    const unlisted = [...state.secrets.values()].find((secret) => secret.namespace === namespace &&
        !listed.includes(secret.name) &&
        coveringKey(secret, image) !== undefined);
    const fixSecret = unlisted?.name ?? absent[0] ?? `${image.host.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-pull`;
    return {
        verdict: 'denied',
        reasons: [
            ...reasons,
            `the pod lists its own imagePullSecrets (${listed.join(', ')}), so the service account's are not added; none covers ${(0,image_reference/* imageName */.tO)(image)}`,
        ],
        missing: [(0,fixes/* podSecretFix */.pB)(account, image.host, listed, fixSecret, unlisted !== undefined)],
    };
}
/** On OpenShift the node's global pull secret is tried too; Kubernetes nodes' own credentials are not modelled. */
function nodeCredentials(image, account, state) {
    return account.platform === 'kubernetes' ? undefined : globalPullSecretCovers(image, state);
}
/** The node's verdict, after what the pod's own secrets showed. */
function withReasons(verdict, reasons) {
    return { ...verdict, reasons: [...reasons, ...verdict.reasons] };
}
/**
 * The named pull secrets of a namespace, in order, as the kubelet tries them: `allowed` by the first whose
 * keys cover the image; else why each present one does not, and which are absent.
 */
function trySecrets(image, namespace, names, state, holder) {
    const reasons = [];
    const absent = [];
    for (const secretName of names) {
        const secret = state.secrets.get(`${namespace}/${secretName}`);
        if (!secret) {
            absent.push(secretName);
            continue;
        }
        const key = coveringKey(secret, image);
        if (key !== undefined) {
            return {
                verdict: (0,core_verdict/* allowed */.T)([
                    `${holder} ${secret.origin}, whose registry key ${key} covers ${image.host}; the credential itself cannot be checked offline`,
                ]),
            };
        }
        reasons.push(describeMiss(secret, image));
    }
    return { reasons, absent };
}
function coveringKey(secret, image) {
    return secret.registryKeys?.find((key) => registryKeyCovers(key, image));
}
function describeMiss(secret, image) {
    if (secret.problem)
        return `${secret.origin} cannot be used as a pull secret: ${secret.problem}`;
    const keys = secret.registryKeys ?? [];
    return `${secret.origin} covers ${keys.length > 0 ? keys.join(', ') : 'no registry'}, not ${image.host}`;
}

;// CONCATENATED MODULE: ./lib/providers/kubernetes/rules.js








/** The OpenShift and Kubernetes rules over one config's facts (loaded by the definition in ./index.ts). */
function buildRules(config) {
    const reading = (0,cluster_state/* readClusterState */.M)([...(0,load/* loadManifests */.DD)(config), ...(0,load/* inlineObjects */.cT)(config)]);
    const state = (0,builtin_roles/* withOpenShiftBuiltins */.Z)(reading.state);
    const pullersPerNamespace = new Map();
    for (const target of config.input.targets ?? []) {
        if (!isClusterTarget(target))
            continue;
        const account = pullingAccount(target);
        pullersPerNamespace.set(account.namespace, (pullersPerNamespace.get(account.namespace) ?? new Set()).add(account.name));
    }
    return {
        principals: (target) => {
            if (!isClusterTarget(target))
                return [];
            const account = pullingAccount(target);
            return [{ principal: `${kubernetes/* SERVICE_ACCOUNT */.S}${account.namespace}:${account.name}` }];
        },
        decide: ({ image, target }) => {
            if (!isClusterTarget(target))
                return undefined;
            const account = pullingAccount(target);
            const stream = (0,registry/* openshiftLocationOf */.Js)(image);
            if (stream) {
                const several = (pullersPerNamespace.get(account.namespace)?.size ?? 0) > 1;
                return withoutRegistryToken((0,pull_rule/* evaluateIntegratedRegistryPull */.b)(stream, account, state, several), account);
            }
            return evaluatePullSecrets(image, account, state);
        },
        findings: () => reading.notes,
    };
}
function isClusterTarget(target) {
    return target.platform === 'openshift' || target.platform === 'kubernetes';
}
function pullingAccount(target) {
    return {
        namespace: target.namespace,
        name: target.serviceAccount ?? 'default',
        platform: target.platform,
        ...(target.imagePullSecrets ? { podPullSecrets: target.imagePullSecrets } : {}),
    };
}
/**
 * The integrated registry authenticates a pod with its service account's token, which reaches the pod as the
 * account's generated `SA-dockercfg-…` pull secret. A pod that lists its own imagePullSecrets does not get
 * the account's added (ServiceAccount admission), so unless it lists that secret too, RBAC alone cannot
 * say the pull works.
 */
function withoutRegistryToken(verdict, account) {
    const listed = account.podPullSecrets;
    if (verdict.verdict !== 'allowed' || !listed)
        return verdict;
    if (listed.some((name) => name.startsWith(`${account.name}-dockercfg-`)))
        return verdict;
    return (0,core_verdict/* unknown */.L)([
        ...verdict.reasons,
        `unknown: the pod lists its own imagePullSecrets (${listed.join(', ')}), so the ServiceAccount admission controller does not add ${account.name}'s generated ${account.name}-dockercfg-… secret that carries its registry token: list that secret in the pod's imagePullSecrets too (oc get serviceaccount ${account.name} -n ${account.namespace} -o yaml shows its name)`,
    ]);
}


/***/ })

};
