export const id = 853;
export const ids = [853];
export const modules = {

/***/ 70853:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  read: () => (/* binding */ read)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./lib/providers/kubernetes/manifests/cluster-state.js
var cluster_state = __webpack_require__(51684);
// EXTERNAL MODULE: ./lib/providers/kubernetes/manifests/load.js
var load = __webpack_require__(18136);
// EXTERNAL MODULE: ./lib/providers/kubernetes/manifests/pull-secret-keys.js
var pull_secret_keys = __webpack_require__(97665);
// EXTERNAL MODULE: ./lib/providers/kubernetes/openshift/builtin-roles.js + 1 modules
var builtin_roles = __webpack_require__(50194);
// EXTERNAL MODULE: ./lib/providers/kubernetes/openshift/pull-rule.js
var pull_rule = __webpack_require__(24964);
// EXTERNAL MODULE: ./lib/providers/kubernetes/rbac/authorize.js
var authorize = __webpack_require__(32959);
;// CONCATENATED MODULE: ./lib/providers/kubernetes/collect.js
// Live Kubernetes / OpenShift reads: exactly the objects the RBAC and pull-secret rules need, in the shape
// `facts.kubernetes.objects` takes, each resource once (CallRunner). Plain HTTPS to the API server with a
// Bearer token — never over plain http. Secrets are reduced to their registry host keys in memory; no
// credential is ever kept. A namespace whose reads were incomplete is not given as complete (no `Namespace`
// object, and none of its objects when they would make it look complete), so its verdicts stay `unknown`.










const RBAC = 'rbac.authorization.k8s.io/v1';
const RBAC_PATH = `/apis/${RBAC}`;
const PAGE_SIZE = 500;
// ---------------------------------------------------------------------------------------------------------
// kubeconfig
/**
 * The cluster, CA and token of a kubeconfig context (default: current-context). Only bearer tokens are
 * supported: exec plugins, auth providers, client certificates and basic auth throw, naming the auth.
 */
function connectionFromKubeconfig(text, context) {
    let document;
    try {
        document = (0,dist/* parse */.qg)(text);
    }
    catch (error) {
        throw new Error(`kubeconfig: not valid YAML (${error.message})`);
    }
    if (!(0,load/* isRecord */.u4)(document))
        throw new Error('kubeconfig: expected a mapping with clusters, users and contexts');
    const contextName = context ?? stringField(document, 'current-context');
    if (!contextName)
        throw new Error('kubeconfig: no context given and no current-context set');
    const contextEntry = named(document, 'contexts', contextName, 'context');
    const clusterName = stringField(contextEntry, 'cluster');
    const userName = stringField(contextEntry, 'user');
    if (!clusterName)
        throw new Error(`kubeconfig: context "${contextName}" names no cluster`);
    if (!userName)
        throw new Error(`kubeconfig: context "${contextName}" names no user`);
    const cluster = named(document, 'clusters', clusterName, 'cluster');
    const user = named(document, 'users', userName, 'user');
    const server = stringField(cluster, 'server');
    if (!server)
        throw new Error(`kubeconfig: cluster "${clusterName}" has no server`);
    let caData;
    const caBase64 = stringField(cluster, 'certificate-authority-data');
    const caFile = stringField(cluster, 'certificate-authority');
    if (caBase64) {
        caData = Buffer.from(caBase64, 'base64').toString('utf8');
        if (!caData.includes('-----BEGIN CERTIFICATE-----')) {
            throw new Error(`kubeconfig: certificate-authority-data of cluster "${clusterName}" is not a base64 PEM certificate`);
        }
    }
    else if (caFile) {
        if (!external_node_path_.isAbsolute(caFile)) {
            throw new Error(`kubeconfig: certificate-authority of cluster "${clusterName}" is a relative path (${caFile}): give certificate-authority-data or an absolute path`);
        }
        caData = (0,external_node_fs_.readFileSync)(caFile, 'utf8');
    }
    const insecure = cluster['insecure-skip-tls-verify'] === true;
    let token = stringField(user, 'token');
    const tokenFile = stringField(user, 'tokenFile');
    if (!token && tokenFile) {
        if (!external_node_path_.isAbsolute(tokenFile)) {
            throw new Error(`kubeconfig: tokenFile of user "${userName}" is a relative path (${tokenFile}): give an absolute path or a token`);
        }
        token = (0,external_node_fs_.readFileSync)(tokenFile, 'utf8').trim();
    }
    if (!token)
        throw new Error(`kubeconfig: user "${userName}" ${unsupportedAuth(user)}`);
    return {
        server,
        token,
        ...(caData !== undefined ? { caData } : {}),
        ...(insecure ? { insecureSkipTlsVerify: true } : {}),
    };
}
function unsupportedAuth(user) {
    const fix = 'pullcheck supports bearer tokens only: give a token (e.g. `oc whoami -t`, `kubectl create token SA`)';
    const exec = user['exec'];
    if ((0,load/* isRecord */.u4)(exec)) {
        const command = typeof exec['command'] === 'string' ? ` (${exec['command']})` : '';
        return `authenticates with an exec credential plugin${command}, which pullcheck does not run: ${fix}`;
    }
    const provider = user['auth-provider'];
    if ((0,load/* isRecord */.u4)(provider)) {
        const name = typeof provider['name'] === 'string' ? ` "${provider['name']}"` : '';
        return `authenticates with the auth-provider${name}, which pullcheck does not support: ${fix}`;
    }
    if (user['client-certificate-data'] !== undefined || user['client-certificate'] !== undefined) {
        return `authenticates with a client certificate, which pullcheck does not support: ${fix}`;
    }
    if (user['username'] !== undefined || user['password'] !== undefined) {
        return `authenticates with a username and password (basic auth), which pullcheck does not support: ${fix}`;
    }
    return `has no token: ${fix}`;
}
function named(document, list, name, field) {
    const entries = document[list];
    const entry = Array.isArray(entries)
        ? entries.find((candidate) => (0,load/* isRecord */.u4)(candidate) && candidate['name'] === name)
        : undefined;
    if (!(0,load/* isRecord */.u4)(entry))
        throw new Error(`kubeconfig: no entry named "${name}" in ${list}`);
    const value = entry[field];
    if (!(0,load/* isRecord */.u4)(value))
        throw new Error(`kubeconfig: ${list} entry "${name}" has no ${field}`);
    return value;
}
function stringField(object, key) {
    const value = object[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
}
// ---------------------------------------------------------------------------------------------------------
// HTTPS
/** An answer other than 2xx from the API server: name and status as CallRunner classifies them. */
class KubernetesApiError extends Error {
    status;
    constructor(status, reason, message) {
        super(message);
        this.status = status;
        this.name = reason || `HTTP${status}`;
    }
}
function assertHttps(server) {
    let url;
    try {
        url = new URL(server);
    }
    catch {
        throw new Error(`the Kubernetes API server ${server} is not a URL`);
    }
    if (url.protocol !== 'https:') {
        throw new Error(`refusing to send the Kubernetes token to ${server}: the API server must be reached over https:// (a bearer token must not travel in clear)`);
    }
    return url;
}
function request(connection, method, apiPath, body, signal) {
    const base = assertHttps(connection.server);
    const url = new URL(base.href);
    const [pathname, query] = apiPath.split('?');
    url.pathname = `${base.pathname.replace(/\/+$/, '')}${pathname}`;
    url.search = query ? `?${query}` : '';
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
        const req = external_node_https_.request(url, {
            method,
            signal,
            ...(connection.caData !== undefined ? { ca: connection.caData } : {}),
            rejectUnauthorized: connection.insecureSkipTlsVerify !== true,
            headers: {
                Authorization: `Bearer ${connection.token}`,
                Accept: 'application/json',
                'User-Agent': 'pullcheck',
                ...(payload !== undefined
                    ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }
                    : {}),
            },
        }, (res) => {
            const chunks = [];
            res.on('data', (chunk) => chunks.push(chunk));
            res.on('error', reject);
            res.on('end', () => {
                const status = res.statusCode ?? 0;
                let parsed;
                try {
                    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
                }
                catch {
                    parsed = undefined;
                }
                if (status >= 200 && status < 300 && (0,load/* isRecord */.u4)(parsed))
                    return resolve(parsed);
                // A Status object (kind: Status) says why: reason Forbidden, NotFound, TooManyRequests, …
                const reason = (0,load/* isRecord */.u4)(parsed) && typeof parsed['reason'] === 'string' ? parsed['reason'] : '';
                const message = (0,load/* isRecord */.u4)(parsed) && typeof parsed['message'] === 'string' ? parsed['message'] : '';
                reject(new KubernetesApiError(status >= 200 && status < 300 ? 502 : status, reason || (status >= 200 && status < 300 ? 'InvalidResponse' : ''), `${method} ${pathname} → ${status}${message ? `: ${message}` : ''}`));
            });
        });
        req.on('error', reject);
        req.end(payload);
    });
}
class Reader {
    connection;
    runner;
    notes = [];
    constructor(connection, runner) {
        this.connection = connection;
        this.runner = runner;
    }
    get(apiPath, permission, resource) {
        return this.runner.run({ key: `kubernetes GET ${this.connection.server}${apiPath}`, permission, resource }, (signal) => request(this.connection, 'GET', apiPath, undefined, signal));
    }
    post(apiPath, body, key, permission, resource) {
        return this.runner.run({ key: `kubernetes POST ${this.connection.server}${apiPath} ${key}`, permission, resource }, (signal) => request(this.connection, 'POST', apiPath, body, signal));
    }
    /** Every item of a list, following `continue`; the first failed page fails the list. */
    async list(apiPath, permission, resource) {
        const items = [];
        let token;
        do {
            const query = `limit=${PAGE_SIZE}${token ? `&continue=${encodeURIComponent(token)}` : ''}`;
            const page = await this.get(`${apiPath}?${query}`, permission, resource);
            if (!page.ok)
                return page;
            const pageItems = page.value['items'];
            if (Array.isArray(pageItems))
                items.push(...pageItems.filter(load/* isRecord */.u4));
            const metadata = page.value['metadata'];
            token =
                (0,load/* isRecord */.u4)(metadata) && typeof metadata['continue'] === 'string' && metadata['continue'] !== ''
                    ? metadata['continue']
                    : undefined;
        } while (token);
        return { ok: true, value: items };
    }
}
/** Reads the ServiceAccounts, pull Secrets (host keys only) and RBAC the targets need. */
async function collectKubernetesObjects(input, connection, runner) {
    assertHttps(connection.server);
    const reader = new Reader(connection, runner);
    const accounts = uniqueAccounts(input.targets);
    const imageNamespaces = new Set(input.imageNamespaces);
    const namespaceNames = [
        ...new Set([...accounts.map((account) => account.namespace), ...input.imageNamespaces]),
    ];
    const namespaces = new Map(namespaceNames.map((name) => [name, { objects: [] }]));
    const referencedClusterRoles = new Set();
    const clusterObjects = [];
    let clusterBindingsIncomplete;
    const readAccount = async (account) => {
        const reads = namespaces.get(account.namespace);
        const { namespace, name } = account;
        const outcome = await reader.get(`/api/v1/namespaces/${encodeURIComponent(namespace)}/serviceaccounts/${encodeURIComponent(name)}`, `get serviceaccounts in ${namespace}`, `ServiceAccount ${namespace}/${name}`);
        if (!outcome.ok) {
            if (outcome.kind === 'missing') {
                reader.notes.push(`ServiceAccount ${namespace}/${name} does not exist: pods running as it cannot start`);
            }
            else {
                reads.pullSecretsIncomplete ??= outcome.message;
                reader.notes.push(`${outcome.message} (needed: get serviceaccounts in ${namespace})`);
            }
            return;
        }
        const serviceAccount = outcome.value;
        const linked = (Array.isArray(serviceAccount['imagePullSecrets']) ? serviceAccount['imagePullSecrets'] : [])
            .filter(load/* isRecord */.u4)
            .map((entry) => entry['name'])
            .filter((secretName) => typeof secretName === 'string' && secretName !== '');
        reads.objects.push({
            apiVersion: 'v1',
            kind: 'ServiceAccount',
            metadata: { name, namespace },
            imagePullSecrets: linked.map((secretName) => ({ name: secretName })),
        });
        await Promise.all(linked.map((secretName) => readSecret(reads, namespace, secretName)));
    };
    const readSecret = async (reads, namespace, name) => {
        const outcome = await reader.get(`/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets/${encodeURIComponent(name)}`, `get secrets in ${namespace}`, `Secret ${namespace}/${name}`);
        if (!outcome.ok) {
            if (outcome.kind === 'missing') {
                reader.notes.push(`Secret ${namespace}/${name} is linked as a pull secret but does not exist`);
            }
            else {
                reads.pullSecretsIncomplete ??= outcome.message;
                reader.notes.push(`${outcome.message} (needed: get secrets in ${namespace})`);
            }
            return;
        }
        reads.objects.push(reducedSecret(outcome.value, namespace, name));
    };
    const readNamespaceRbac = async (namespace) => {
        const reads = namespaces.get(namespace);
        const permission = `list rolebindings in ${namespace}`;
        const outcome = await reader.list(`${RBAC_PATH}/namespaces/${encodeURIComponent(namespace)}/rolebindings`, permission, `RoleBindings of namespace ${namespace}`);
        if (!outcome.ok) {
            reads.rbacIncomplete = outcome.message;
            reader.notes.push(`${outcome.message} (needed: ${permission}, i.e. verb list on rolebindings.rbac.authorization.k8s.io in namespace ${namespace}); namespace ${namespace}'s RBAC is not known, so pulls into it stay unknown`);
            return;
        }
        const roleNames = new Set();
        for (const item of outcome.value) {
            const binding = reducedBinding(item, 'RoleBinding', namespace);
            if (!binding)
                continue;
            reads.objects.push(binding);
            const roleRef = binding['roleRef'];
            if (roleRef.kind === 'ClusterRole')
                referencedClusterRoles.add(roleRef.name);
            else
                roleNames.add(roleRef.name);
        }
        await Promise.all([...roleNames].map(async (roleName) => {
            const role = await reader.get(`${RBAC_PATH}/namespaces/${encodeURIComponent(namespace)}/roles/${encodeURIComponent(roleName)}`, `get roles in ${namespace}`, `Role ${namespace}/${roleName}`);
            if (role.ok)
                reads.objects.push(reducedRole(role.value, 'Role', namespace));
            else if (role.kind === 'missing')
                reader.notes.push(`a RoleBinding of ${namespace} refers to Role ${roleName}, which does not exist`);
            else
                reader.notes.push(`${role.message} (needed: get roles in ${namespace}); bindings to Role ${namespace}/${roleName} stay unknown`);
        }));
    };
    const readClusterBindings = async () => {
        const permission = 'list clusterrolebindings';
        const outcome = await reader.list(`${RBAC_PATH}/clusterrolebindings`, permission, 'ClusterRoleBindings');
        if (!outcome.ok) {
            clusterBindingsIncomplete = outcome.message;
            reader.notes.push(`${outcome.message} (needed: ${permission}, cluster-wide); without them no namespace's RBAC is complete, so integrated-registry pulls stay unknown unless a RoleBinding grants them`);
            return;
        }
        for (const item of outcome.value) {
            const binding = reducedBinding(item, 'ClusterRoleBinding');
            if (!binding || !coversAnyAccount(binding, accounts))
                continue;
            clusterObjects.push(binding);
            referencedClusterRoles.add(binding['roleRef'].name);
        }
    };
    // OpenShift nodes pull with the cluster's global pull secret too (keys only, like every pull secret).
    const readGlobalPullSecret = async () => {
        const outcome = await reader.get('/api/v1/namespaces/openshift-config/secrets/pull-secret', 'get secrets in openshift-config', 'Secret openshift-config/pull-secret');
        if (outcome.ok) {
            clusterObjects.push(reducedSecret(outcome.value, 'openshift-config', 'pull-secret'));
        }
        else if (outcome.kind === 'missing') {
            reader.notes.push('the global pull secret openshift-config/pull-secret does not exist on the cluster');
        }
        else {
            // Refused: what it covers is unknown, not the installed default.
            const because = `${outcome.message} (needed: get secrets in openshift-config)`;
            reader.notes.push(because);
            clusterObjects.push({
                apiVersion: 'v1',
                kind: 'Secret',
                metadata: {
                    name: 'pull-secret',
                    namespace: 'openshift-config',
                    annotations: { [pull_secret_keys/* UNREADABLE_ANNOTATION */.c]: because },
                },
                type: 'kubernetes.io/dockerconfigjson',
            });
        }
    };
    // Pods that list their own pull secrets use those (targets' imagePullSecrets), read like linked ones.
    const podSecrets = new Map();
    for (const target of input.targets) {
        if (target.platform !== 'openshift' && target.platform !== 'kubernetes')
            continue;
        for (const name of target.imagePullSecrets ?? [])
            podSecrets.set(`${target.namespace}/${name}`, { namespace: target.namespace, name });
    }
    await Promise.all([
        ...accounts.map(readAccount),
        ...[...podSecrets.values()].map(({ namespace, name }) => readSecret(namespaces.get(namespace), namespace, name)),
        ...namespaceNames.map(readNamespaceRbac),
        readClusterBindings(),
        ...(accounts.some((account) => account.platform === 'openshift') ? [readGlobalPullSecret()] : []),
    ]);
    clusterObjects.push(...(await readClusterRoles(reader, referencedClusterRoles)));
    // A namespace is given as complete (a Namespace object) only when everything in it was read.
    const objects = [...clusterObjects];
    for (const [namespace, reads] of namespaces) {
        const rbacIncomplete = reads.rbacIncomplete ?? clusterBindingsIncomplete;
        if (reads.pullSecretsIncomplete !== undefined) {
            // Any object of the namespace would make the rules take its ServiceAccounts and Secrets as complete.
            if (reads.objects.length > 0) {
                reader.notes.push(`namespace ${namespace}: its objects are left out, since not all of them could be read`);
            }
            continue;
        }
        if (rbacIncomplete !== undefined) {
            // Its RBAC matters only for image pulls into it; other objects would make it look complete.
            if (imageNamespaces.has(namespace)) {
                if (reads.objects.length > 0) {
                    reader.notes.push(`namespace ${namespace}: its objects are left out, since its RBAC could not be read completely`);
                }
                continue;
            }
            objects.push(...reads.objects.filter((object) => object['kind'] === 'ServiceAccount' || object['kind'] === 'Secret'));
            continue;
        }
        objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } }, ...reads.objects);
    }
    const unique = uniqueObjects(objects);
    const reviews = await compareWithSubjectAccessReviews(input, accounts, unique, connection, runner);
    return { objects: unique, notes: [...new Set([...reader.notes, ...reviews])] };
}
async function readClusterRoles(reader, referenced) {
    if (referenced.size === 0)
        return [];
    const listed = await reader.list(`${RBAC_PATH}/clusterroles`, 'list clusterroles', 'ClusterRoles');
    if (listed.ok) {
        const all = new Map();
        for (const item of listed.value) {
            const role = reducedRole(item, 'ClusterRole');
            all.set(role['metadata'].name, role);
        }
        // The referenced roles, and every labelled role their aggregation rules select (transitively).
        const kept = new Map();
        const queue = [...referenced];
        while (queue.length > 0) {
            const name = queue.shift();
            const role = all.get(name);
            if (kept.has(name))
                continue;
            if (!role) {
                reader.notes.push(`a binding refers to ClusterRole ${name}, which does not exist on the cluster`);
                continue;
            }
            kept.set(name, role);
            for (const selector of aggregationSelectors(role)) {
                for (const [candidate, candidateRole] of all) {
                    const labels = candidateRole['metadata'].labels ?? {};
                    if (!kept.has(candidate) && (0,authorize/* selects */.ko)(selector, labels))
                        queue.push(candidate);
                }
            }
        }
        return [...kept.values()];
    }
    reader.notes.push(`${listed.message} (needed: list clusterroles, to follow aggregated ClusterRoles); reading the referenced ClusterRoles one by one`);
    const roles = await Promise.all([...referenced].map(async (name) => {
        const outcome = await reader.get(`${RBAC_PATH}/clusterroles/${encodeURIComponent(name)}`, 'get clusterroles', `ClusterRole ${name}`);
        if (outcome.ok)
            return [reducedRole(outcome.value, 'ClusterRole')];
        if (outcome.kind === 'missing')
            reader.notes.push(`a binding refers to ClusterRole ${name}, which does not exist on the cluster`);
        else
            reader.notes.push(`${outcome.message} (needed: get clusterroles)`);
        return [];
    }));
    return roles.flat();
}
// ---------------------------------------------------------------------------------------------------------
// Reduction: only the fields the rules read. Secret values never leave reducedSecret.
function metadataOf(object) {
    return (0,load/* isRecord */.u4)(object['metadata']) ? object['metadata'] : {};
}
function reducedSecret(secret, namespace, name) {
    const type = typeof secret['type'] === 'string' ? secret['type'] : 'Opaque';
    const { registryKeys } = (0,pull_secret_keys/* registryKeysOf */.n)(secret);
    const reduced = { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace }, type };
    if (registryKeys) {
        const hosts = Object.fromEntries(registryKeys.map((key) => [key, {}]));
        // The legacy .dockercfg is the hosts map itself; .dockerconfigjson wraps it in "auths".
        reduced['stringData'] =
            type === 'kubernetes.io/dockercfg'
                ? { '.dockercfg': JSON.stringify(hosts) }
                : { '.dockerconfigjson': JSON.stringify({ auths: hosts }) };
    }
    return reduced;
}
function reducedBinding(item, kind, namespace) {
    const name = metadataOf(item)['name'];
    const roleRef = item['roleRef'];
    if (typeof name !== 'string' || !(0,load/* isRecord */.u4)(roleRef))
        return undefined;
    const subjects = Array.isArray(item['subjects'])
        ? item['subjects'].filter(load/* isRecord */.u4).map((subject) => ({
            kind: subject['kind'],
            name: subject['name'],
            ...(typeof subject['namespace'] === 'string' && subject['namespace'] !== ''
                ? { namespace: subject['namespace'] }
                : {}),
        }))
        : [];
    return {
        apiVersion: RBAC,
        kind,
        metadata: { name, ...(namespace !== undefined ? { namespace } : {}) },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: roleRef['kind'], name: roleRef['name'] },
        subjects,
    };
}
function reducedRole(item, kind, namespace) {
    const metadata = metadataOf(item);
    const labels = (0,load/* isRecord */.u4)(metadata['labels']) ? metadata['labels'] : undefined;
    const rules = Array.isArray(item['rules'])
        ? item['rules']
            .filter(load/* isRecord */.u4)
            .map((rule) => Object.fromEntries(['apiGroups', 'resources', 'verbs', 'resourceNames', 'nonResourceURLs']
            .filter((key) => Array.isArray(rule[key]))
            .map((key) => [key, rule[key]])))
        : [];
    const aggregationRule = item['aggregationRule'];
    return {
        apiVersion: RBAC,
        kind,
        metadata: {
            name: metadata['name'],
            ...(namespace !== undefined ? { namespace } : {}),
            ...(labels && Object.keys(labels).length > 0 ? { labels } : {}),
        },
        rules,
        ...((0,load/* isRecord */.u4)(aggregationRule) && Array.isArray(aggregationRule['clusterRoleSelectors'])
            ? { aggregationRule: { clusterRoleSelectors: aggregationRule['clusterRoleSelectors'] } }
            : {}),
    };
}
function aggregationSelectors(role) {
    const rule = role['aggregationRule'];
    return (0,load/* isRecord */.u4)(rule) && Array.isArray(rule['clusterRoleSelectors'])
        ? rule['clusterRoleSelectors'].filter(load/* isRecord */.u4)
        : [];
}
function coversAnyAccount(binding, accounts) {
    const subjects = binding['subjects'];
    return subjects.some((subject) => accounts.some((account) => {
        switch (subject.kind) {
            case 'User':
                return subject.name === `system:serviceaccount:${account.namespace}:${account.name}`;
            case 'Group':
                return [
                    'system:serviceaccounts',
                    `system:serviceaccounts:${account.namespace}`,
                    'system:authenticated',
                ].includes(String(subject.name));
            case 'ServiceAccount':
                return subject.name === account.name && subject.namespace === account.namespace;
            default:
                return false;
        }
    }));
}
function uniqueAccounts(targets) {
    const accounts = new Map();
    for (const target of targets) {
        if (target.platform !== 'openshift' && target.platform !== 'kubernetes')
            continue;
        const name = target.serviceAccount ?? 'default';
        const key = `${target.namespace}/${name}`;
        const known = accounts.get(key);
        // One account pulled by an openshift target is asked about the integrated registry too.
        if (!known || target.platform === 'openshift') {
            accounts.set(key, { namespace: target.namespace, name, platform: target.platform });
        }
    }
    return [...accounts.values()];
}
function uniqueObjects(objects) {
    const seen = new Set();
    return objects.filter((object) => {
        const metadata = metadataOf(object);
        const key = `${String(object['kind'])}/${String(metadata['namespace'] ?? '')}/${String(metadata['name'])}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
// ---------------------------------------------------------------------------------------------------------
// SubjectAccessReview: the API server's own answer, compared with the RBAC evaluation.
/**
 * Asks the API server whether system:serviceaccount:A:SA may `get imagestreams/layers` (image.openshift.io)
 * of STREAM in namespace B — groups sent explicitly. Needs `create subjectaccessreviews`; without it, or
 * on any failure, the answer is unknown.
 */
async function subjectAccessReview(connection, runner, account, image) {
    assertHttps(connection.server);
    const reader = new Reader(connection, runner);
    const user = `system:serviceaccount:${account.namespace}:${account.name}`;
    const body = {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SubjectAccessReview',
        spec: {
            user,
            groups: [
                'system:serviceaccounts',
                `system:serviceaccounts:${account.namespace}`,
                'system:authenticated',
            ],
            resourceAttributes: {
                namespace: image.namespace,
                verb: 'get',
                group: 'image.openshift.io',
                resource: 'imagestreams',
                subresource: 'layers',
                ...(image.imageStream ? { name: image.imageStream } : {}),
            },
        },
    };
    const asked = `get imagestreams/layers${image.imageStream ? ` "${image.imageStream}"` : ''} in ${image.namespace} for ${user}`;
    const outcome = await reader.post('/apis/authorization.k8s.io/v1/subjectaccessreviews', body, `${user} ${image.namespace}/${image.imageStream ?? ''}`, 'create subjectaccessreviews.authorization.k8s.io', `a SubjectAccessReview of ${asked}`);
    if (!outcome.ok)
        return { result: 'unknown', reason: outcome.message };
    const status = (0,load/* isRecord */.u4)(outcome.value['status']) ? outcome.value['status'] : {};
    const reason = typeof status['reason'] === 'string' ? status['reason'] : '';
    const evaluationError = typeof status['evaluationError'] === 'string' ? status['evaluationError'] : '';
    if (status['allowed'] === true)
        return { result: 'allowed', reason };
    if (status['denied'] === true)
        return { result: 'denied', reason };
    // Not allowed, no explicit deny: with RBAC that is a denial, unless evaluation failed on the way.
    if (evaluationError)
        return { result: 'unknown', reason: `the server could not evaluate it: ${evaluationError}` };
    return { result: 'denied', reason };
}
async function compareWithSubjectAccessReviews(input, accounts, objects, connection, runner) {
    const askers = accounts.filter((account) => account.platform === 'openshift');
    if (askers.length === 0 || input.imageNamespaces.length === 0)
        return [];
    let state;
    try {
        state = (0,builtin_roles/* withOpenShiftBuiltins */.Z)((0,cluster_state/* readClusterState */.M)(objects.map(asKubeObject)).state);
    }
    catch (error) {
        return [
            `the collected RBAC could not be evaluated to compare with SubjectAccessReviews: ${error.message}`,
        ];
    }
    const images = input.imageNamespaces.flatMap((namespace) => {
        const streams = (input.imageStreams ?? []).filter((stream) => stream.namespace === namespace);
        return streams.length > 0
            ? streams.map((stream) => ({ namespace, imageStream: stream.name }))
            : [{ namespace, imageStream: '' }];
    });
    const notes = [];
    let unavailable;
    await Promise.all(askers.flatMap((account) => images.map(async (image) => {
        const server = await subjectAccessReview(connection, runner, account, image);
        if (server.result === 'unknown') {
            unavailable ??= server.reason;
            return;
        }
        const ours = (0,pull_rule/* evaluateIntegratedRegistryPull */.b)(image, account, state, false).verdict;
        if (ours === 'unknown' || ours === server.result)
            return;
        const stream = image.imageStream ? ` "${image.imageStream}"` : '';
        notes.push(`the API server answers ${server.result} for get imagestreams/layers${stream} in ${image.namespace} by system:serviceaccount:${account.namespace}:${account.name}, but the RBAC read here gives ${ours}${server.reason ? ` (server: ${server.reason})` : ''}: another authorizer, or RBAC that was not read, decides`);
    })));
    if (unavailable !== undefined) {
        notes.push(`the API server's own answer (SubjectAccessReview) was not available for every pull: ${unavailable}`);
    }
    return notes;
}
/** A collected object as the manifests reader takes it (located in the live read, not in a file). */
function asKubeObject(body) {
    const where = { file: 'live read', line: 1, column: 1 };
    return {
        apiVersion: String(body['apiVersion']),
        kind: String(body['kind']),
        body,
        file: 'live read',
        locate: () => where,
        locateKey: () => where,
    };
}

;// CONCATENATED MODULE: ./lib/providers/kubernetes/live-reads.js
// Live reads of the cluster objects OpenShift and Kubernetes targets need, over the connection the entry
// gives: `kubeconfig` (the CLI: KUBECONFIG, else ~/.kube/config, when there is one) or a server and token
// (the action's openshift-server and openshift-token); without one, nothing is read.




async function read(context) {
    const { config, plan, runner } = context;
    const targets = (config.input.targets ?? []).filter((target) => target.platform === 'openshift' || target.platform === 'kubernetes');
    const given = context.credentials['kubernetes'];
    if (given === undefined || targets.length === 0)
        return undefined;
    const connection = given === 'kubeconfig' ? ambientKubeconfig() : { value: given };
    if (!connection)
        return undefined;
    if ('note' in connection)
        return { notes: [connection.note] };
    const streams = plan.images.flatMap((image) => image.registry.kind === 'openshift'
        ? [{ namespace: image.registry.namespace, name: image.registry.imageStream }]
        : []);
    const collected = await collectKubernetesObjects({ targets, imageNamespaces: [...new Set(streams.map((s) => s.namespace))], imageStreams: streams }, connection.value, runner);
    return { facts: { objects: collected.objects }, notes: collected.notes };
}
function ambientKubeconfig() {
    const file = process.env['KUBECONFIG']?.split(external_node_path_.delimiter)[0] || external_node_path_.join(external_node_os_.homedir(), '.kube', 'config');
    if (!(0,external_node_fs_.existsSync)(file))
        return undefined;
    try {
        return { value: connectionFromKubeconfig((0,external_node_fs_.readFileSync)(file, 'utf8')) };
    }
    catch (error) {
        return { note: `${file}: ${error.message}; Kubernetes facts come from the config only` };
    }
}


/***/ })

};
