export const id = 432;
export const ids = [432];
export const modules = {

/***/ 37432:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  collectKubernetesObjects: () => (/* binding */ collectKubernetesObjects)
});

// EXTERNAL MODULE: ./lib/providers/kubernetes/manifests/load.js
var load = __webpack_require__(18136);
// EXTERNAL MODULE: ./lib/providers/kubernetes/manifests/pull-secret-keys.js + 1 modules
var pull_secret_keys = __webpack_require__(63909);
// EXTERNAL MODULE: ./lib/providers/kubernetes/rbac/authorize.js
var authorize = __webpack_require__(32959);
;// CONCATENATED MODULE: ./lib/providers/kubernetes/live/cluster-access.js
/** A KubeConfig for the access, its current context set; throws an Error that says what is wrong. */
async function cluster_access_kubeConfigFor(access) {
    const { KubeConfig } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(943)]).then(__webpack_require__.bind(__webpack_require__, 71943));
    const config = new KubeConfig();
    if ('server' in access) {
        assertHttps(access.server);
        config.loadFromOptions({
            clusters: [
                {
                    name: 'cluster',
                    server: access.server,
                    ...(access.caData !== undefined ? { caData: Buffer.from(access.caData).toString('base64') } : {}),
                    skipTLSVerify: access.insecureSkipTlsVerify === true,
                },
            ],
            users: [{ name: 'user', token: access.token }],
            contexts: [{ name: 'pullcheck', cluster: 'cluster', user: 'user' }],
            currentContext: 'pullcheck',
        });
        return config;
    }
    try {
        if ('kubeconfigFile' in access)
            config.loadFromFile(access.kubeconfigFile);
        else
            config.loadFromString(access.kubeconfig);
    }
    catch (error) {
        throw new Error(`kubeconfig: ${error.message}`);
    }
    const context = 'context' in access ? access.context : undefined;
    if (context !== undefined) {
        if (!config.getContextObject(context))
            throw new Error(`kubeconfig: no context named "${context}"`);
        config.setCurrentContext(context);
    }
    if (!config.getCurrentContext())
        throw new Error('kubeconfig: no context given and no current-context set');
    const cluster = config.getCurrentCluster();
    if (!cluster)
        throw new Error(`kubeconfig: context "${config.getCurrentContext()}" names no known cluster`);
    if (!config.getCurrentUser()) {
        throw new Error(`kubeconfig: context "${config.getCurrentContext()}" names no known user`);
    }
    assertHttps(cluster.server);
    return config;
}
/** The server a KubeConfig reads from (for messages and call keys). */
function serverOf(config) {
    return config.getCurrentCluster()?.server ?? '';
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

;// CONCATENATED MODULE: ./lib/providers/kubernetes/live/cluster-api.js


const PAGE_SIZE = 500;
const RBAC_PATH = '/apis/rbac.authorization.k8s.io/v1';
const enc = encodeURIComponent;
/** An answer other than 2xx: named by the Status reason, with its status, as CallRunner classifies them. */
class KubernetesApiError extends Error {
    status;
    constructor(status, reason, message) {
        super(message);
        this.status = status;
        this.name = reason || `HTTP${status}`;
    }
}
async function clientsFor(config) {
    const { AuthorizationV1Api, CoreV1Api, Observable, RbacAuthorizationV1Api } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(943)]).then(__webpack_require__.bind(__webpack_require__, 71943));
    return {
        core: config.makeApiClient(CoreV1Api),
        rbac: config.makeApiClient(RbacAuthorizationV1Api),
        authorization: config.makeApiClient(AuthorizationV1Api),
        /** The CallRunner's timeout reaches the request: a middleware hands client-node its AbortSignal. */
        withSignal: (signal) => ({
            middleware: [
                {
                    pre: (context) => {
                        context.setSignal(signal);
                        return new Observable(Promise.resolve(context));
                    },
                    post: (response) => new Observable(Promise.resolve(response)),
                },
            ],
            middlewareMergeStrategy: 'append',
        }),
    };
}
class cluster_api_ClusterApi {
    clients;
    runner;
    notes = [];
    server;
    constructor(clients, config, runner) {
        this.clients = clients;
        this.runner = runner;
        this.server = serverOf(config);
    }
    static async connect(config, runner) {
        return new cluster_api_ClusterApi(await clientsFor(config), config, runner);
    }
    serviceAccount(namespace, name) {
        return this.read({
            key: `GET /api/v1/namespaces/${enc(namespace)}/serviceaccounts/${enc(name)}`,
            permission: `get serviceaccounts in ${namespace}`,
            resource: `ServiceAccount ${namespace}/${name}`,
        }, (options) => this.clients.core.readNamespacedServiceAccount({ namespace, name }, options));
    }
    secret(namespace, name) {
        return this.read({
            key: `GET /api/v1/namespaces/${enc(namespace)}/secrets/${enc(name)}`,
            permission: `get secrets in ${namespace}`,
            resource: `Secret ${namespace}/${name}`,
        }, (options) => this.clients.core.readNamespacedSecret({ namespace, name }, options));
    }
    role(namespace, name) {
        return this.read({
            key: `GET ${RBAC_PATH}/namespaces/${enc(namespace)}/roles/${enc(name)}`,
            permission: `get roles in ${namespace}`,
            resource: `Role ${namespace}/${name}`,
        }, (options) => this.clients.rbac.readNamespacedRole({ namespace, name }, options));
    }
    clusterRole(name) {
        return this.read({
            key: `GET ${RBAC_PATH}/clusterroles/${enc(name)}`,
            permission: 'get clusterroles',
            resource: `ClusterRole ${name}`,
        }, (options) => this.clients.rbac.readClusterRole({ name }, options));
    }
    roleBindings(namespace) {
        return this.list({
            key: `GET ${RBAC_PATH}/namespaces/${enc(namespace)}/rolebindings`,
            permission: `list rolebindings in ${namespace}`,
            resource: `RoleBindings of namespace ${namespace}`,
        }, (page, options) => this.clients.rbac.listNamespacedRoleBinding({ namespace, ...page }, options));
    }
    clusterRoleBindings() {
        return this.list({
            key: `GET ${RBAC_PATH}/clusterrolebindings`,
            permission: 'list clusterrolebindings',
            resource: 'ClusterRoleBindings',
        }, (page, options) => this.clients.rbac.listClusterRoleBinding(page, options));
    }
    clusterRoles() {
        return this.list({ key: `GET ${RBAC_PATH}/clusterroles`, permission: 'list clusterroles', resource: 'ClusterRoles' }, (page, options) => this.clients.rbac.listClusterRole(page, options));
    }
    /** Creates a SubjectAccessReview; `key` tells reviews apart (the same review is asked once). */
    subjectAccessReview(body, key, resource) {
        return this.read({
            key: `POST /apis/authorization.k8s.io/v1/subjectaccessreviews ${key}`,
            permission: 'create subjectaccessreviews.authorization.k8s.io',
            resource,
        }, (options) => this.clients.authorization.createSubjectAccessReview({ body: body }, options));
    }
    read(read, send) {
        return this.runner.run({ key: `kubernetes ${this.server} ${read.key}`, permission: read.permission, resource: read.resource }, async (signal) => {
            try {
                return plainObject(await send(this.clients.withSignal(signal)));
            }
            catch (error) {
                throw apiError(error, read.key);
            }
        });
    }
    /** Every item of a list, following `continue`; the first failed page fails the list. */
    async list(read, send) {
        const items = [];
        let token;
        do {
            const page = { limit: PAGE_SIZE, ...(token ? { _continue: token } : {}) };
            const query = `?limit=${PAGE_SIZE}${token ? `&continue=${enc(token)}` : ''}`;
            const answer = await this.read({ ...read, key: `${read.key}${query}` }, (options) => send(page, options));
            if (!answer.ok)
                return answer;
            const pageItems = answer.value['items'];
            if (Array.isArray(pageItems))
                items.push(...pageItems.filter(load/* isRecord */.u4));
            const metadata = answer.value['metadata'];
            // client-node names the list's `continue` field `_continue`.
            const next = (0,load/* isRecord */.u4)(metadata) ? (metadata['_continue'] ?? metadata['continue']) : undefined;
            token = typeof next === 'string' && next !== '' ? next : undefined;
        } while (token);
        return { ok: true, value: items };
    }
}
/** client-node's model instances as the plain JSON objects the reducers read. */
function plainObject(value) {
    const plain = JSON.parse(JSON.stringify(value ?? null));
    if (!(0,load/* isRecord */.u4)(plain))
        throw new KubernetesApiError(502, 'InvalidResponse', 'the API server answered no object');
    return plain;
}
const REASONS = {
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'NotFound',
    409: 'AlreadyExists',
    429: 'TooManyRequests',
};
/** A client-node ApiException as the Status the API server sent: reason, code and message. */
function apiError(error, what) {
    const code = error.code;
    if (typeof code !== 'number')
        return error;
    let status;
    try {
        const body = error.body;
        status = typeof body === 'string' ? JSON.parse(body) : body;
    }
    catch {
        status = undefined;
    }
    // client-node drops the body of a 401; the status code then names it, as the API server's reason would.
    const reason = (0,load/* isRecord */.u4)(status) && typeof status['reason'] === 'string' ? status['reason'] : (REASONS[code] ?? '');
    const message = (0,load/* isRecord */.u4)(status) && typeof status['message'] === 'string' ? status['message'] : '';
    return new KubernetesApiError(code, reason, `${what} → ${code}${message ? `: ${message}` : ''}`);
}

;// CONCATENATED MODULE: ./lib/providers/kubernetes/live/reduce.js


const RBAC = 'rbac.authorization.k8s.io/v1';
function metadataOf(object) {
    return (0,load/* isRecord */.u4)(object['metadata']) ? object['metadata'] : {};
}
function reducedSecret(secret, namespace, name) {
    const type = typeof secret['type'] === 'string' ? secret['type'] : 'Opaque';
    const { registryKeys, undecodable } = (0,pull_secret_keys/* registryKeysOf */.ns)(secret);
    // What the kubelet cannot decode is kept as why, since the reduced entries hold no values to decode.
    const annotations = undecodable !== undefined ? { annotations: { [pull_secret_keys/* UNDECODABLE_ANNOTATION */.Zb]: undecodable } } : {};
    const reduced = {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name, namespace, ...annotations },
        type,
    };
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
/**
 * A ClusterRoleBinding that may grant a workflow's push (issue 18) to one of `pushers` (user names): one naming
 * it, its service account's groups, or — for a user, whose groups are not known — any group.
 */
function coversPusher(binding, pushers) {
    const subjects = binding['subjects'];
    return pushers.some((user) => {
        const account = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(user);
        if (account) {
            return coversAnyAccount(binding, [
                { namespace: account[1], name: account[2], platform: 'openshift' },
            ]);
        }
        return subjects.some((subject) => subject.kind === 'Group' || (subject.kind === 'User' && subject.name === user));
    });
}

// EXTERNAL MODULE: ./lib/providers/kubernetes/manifests/cluster-state.js + 1 modules
var cluster_state = __webpack_require__(5638);
// EXTERNAL MODULE: ./lib/providers/kubernetes/openshift/builtin-roles.js + 2 modules
var builtin_roles = __webpack_require__(73191);
// EXTERNAL MODULE: ./lib/providers/kubernetes/openshift/pull-rule.js
var pull_rule = __webpack_require__(24964);
;// CONCATENATED MODULE: ./lib/providers/kubernetes/live/subject-access-review.js






/**
 * Asks the API server whether system:serviceaccount:A:SA may `get imagestreams/layers` (image.openshift.io)
 * of STREAM in namespace B — groups sent explicitly. Needs `create subjectaccessreviews`; without it, or
 * on any failure, the answer is unknown.
 */
async function subjectAccessReview(access, runner, account, image) {
    return askServer(await ClusterApi.connect(await kubeConfigFor(access), runner), account, image);
}
async function askServer(api, account, image) {
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
                // As the registry asks it (image-registry auth.go): one resource, no subresource.
                resource: 'imagestreams/layers',
                ...(image.imageStream ? { name: image.imageStream } : {}),
            },
        },
    };
    const asked = `get imagestreams/layers${image.imageStream ? ` "${image.imageStream}"` : ''} in ${image.namespace} for ${user}`;
    const outcome = await api.subjectAccessReview(body, `${user} ${image.namespace}/${image.imageStream ?? ''}`, `a SubjectAccessReview of ${asked}`);
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
async function compareWithSubjectAccessReviews(input, accounts, objects, api) {
    const askers = accounts.filter((account) => account.platform === 'openshift');
    if (askers.length === 0 || input.imageNamespaces.length === 0)
        return [];
    let state;
    try {
        state = (0,builtin_roles/* withOpenShiftBuiltins */.ZN)((0,cluster_state/* readClusterState */.M)(objects.map(asKubeObject)).state);
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
        const server = await askServer(api, account, image);
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

;// CONCATENATED MODULE: ./lib/providers/kubernetes/live/collect.js







/** Reads the ServiceAccounts, pull Secrets (host keys only) and RBAC the targets need. */
async function collectKubernetesObjects(input, access, runner) {
    const api = await cluster_api_ClusterApi.connect(await cluster_access_kubeConfigFor(access), runner);
    const accounts = uniqueAccounts(input.targets);
    const imageNamespaces = new Set([...input.imageNamespaces, ...(input.pushes?.namespaces ?? [])]);
    const cluster = new ClusterReads(api, accounts, [...new Set([...accounts.map((account) => account.namespace), ...imageNamespaces])], input.pushes?.users);
    // Pods that list their own pull secrets use those (targets' imagePullSecrets), read like linked ones.
    const podSecrets = new Map();
    for (const target of input.targets) {
        if (target.platform !== 'openshift' && target.platform !== 'kubernetes')
            continue;
        for (const name of target.imagePullSecrets ?? [])
            podSecrets.set(`${target.namespace}/${name}`, { namespace: target.namespace, name });
    }
    await Promise.all([
        ...accounts.map((account) => cluster.readAccount(account)),
        ...[...podSecrets.values()].map(({ namespace, name }) => cluster.readSecret(cluster.namespaces.get(namespace), namespace, name)),
        ...[...cluster.namespaces.keys()].map((namespace) => cluster.readNamespaceRbac(namespace)),
        cluster.readClusterBindings(),
        ...(accounts.some((account) => account.platform === 'openshift') ? [cluster.readGlobalPullSecret()] : []),
    ]);
    cluster.clusterObjects.push(...(await readClusterRoles(api, cluster.referencedClusterRoles)));
    const unique = uniqueObjects(completeObjects(cluster, imageNamespaces));
    const reviews = await compareWithSubjectAccessReviews(input, accounts, unique, api);
    return { objects: unique, notes: [...new Set([...api.notes, ...reviews])] };
}
/** What one collection has read so far: per namespace, and cluster-wide. */
class ClusterReads {
    api;
    accounts;
    pushers;
    namespaces;
    referencedClusterRoles = new Set();
    clusterObjects = [];
    clusterBindingsIncomplete;
    constructor(api, accounts, namespaceNames, pushers = []) {
        this.api = api;
        this.accounts = accounts;
        this.pushers = pushers;
        this.namespaces = new Map(namespaceNames.map((name) => [name, { objects: [] }]));
    }
    async readAccount(account) {
        const reads = this.namespaces.get(account.namespace);
        const { namespace, name } = account;
        const outcome = await this.api.serviceAccount(namespace, name);
        if (!outcome.ok) {
            if (outcome.kind === 'missing') {
                this.api.notes.push(`ServiceAccount ${namespace}/${name} does not exist: pods running as it cannot start`);
            }
            else {
                reads.pullSecretsIncomplete ??= outcome.message;
                this.api.notes.push(`${outcome.message} (needed: get serviceaccounts in ${namespace})`);
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
        await Promise.all(linked.map((secretName) => this.readSecret(reads, namespace, secretName)));
    }
    async readSecret(reads, namespace, name) {
        const outcome = await this.api.secret(namespace, name);
        if (!outcome.ok) {
            if (outcome.kind === 'missing') {
                this.api.notes.push(`Secret ${namespace}/${name} is linked as a pull secret but does not exist`);
            }
            else {
                reads.pullSecretsIncomplete ??= outcome.message;
                this.api.notes.push(`${outcome.message} (needed: get secrets in ${namespace})`);
            }
            return;
        }
        reads.objects.push(reducedSecret(outcome.value, namespace, name));
    }
    async readNamespaceRbac(namespace) {
        const reads = this.namespaces.get(namespace);
        const permission = `list rolebindings in ${namespace}`;
        const outcome = await this.api.roleBindings(namespace);
        if (!outcome.ok) {
            reads.rbacIncomplete = outcome.message;
            this.api.notes.push(`${outcome.message} (needed: ${permission}, i.e. verb list on rolebindings.rbac.authorization.k8s.io in namespace ${namespace}); namespace ${namespace}'s RBAC is not known, so pulls into it stay unknown`);
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
                this.referencedClusterRoles.add(roleRef.name);
            else
                roleNames.add(roleRef.name);
        }
        await Promise.all([...roleNames].map(async (roleName) => {
            const role = await this.api.role(namespace, roleName);
            if (role.ok)
                reads.objects.push(reducedRole(role.value, 'Role', namespace));
            else if (role.kind === 'missing')
                this.api.notes.push(`a RoleBinding of ${namespace} refers to Role ${roleName}, which does not exist`);
            else
                this.api.notes.push(`${role.message} (needed: get roles in ${namespace}); bindings to Role ${namespace}/${roleName} stay unknown`);
        }));
    }
    async readClusterBindings() {
        const permission = 'list clusterrolebindings';
        const outcome = await this.api.clusterRoleBindings();
        if (!outcome.ok) {
            this.clusterBindingsIncomplete = outcome.message;
            this.api.notes.push(`${outcome.message} (needed: ${permission}, cluster-wide); without them no namespace's RBAC is complete, so integrated-registry pulls stay unknown unless a RoleBinding grants them`);
            return;
        }
        for (const item of outcome.value) {
            const binding = reducedBinding(item, 'ClusterRoleBinding');
            if (!binding)
                continue;
            if (!coversAnyAccount(binding, this.accounts) && !coversPusher(binding, this.pushers))
                continue;
            this.clusterObjects.push(binding);
            this.referencedClusterRoles.add(binding['roleRef'].name);
        }
    }
    /** OpenShift nodes pull with the cluster's global pull secret too (keys only, like every pull secret). */
    async readGlobalPullSecret() {
        const outcome = await this.api.secret('openshift-config', 'pull-secret');
        if (outcome.ok) {
            this.clusterObjects.push(reducedSecret(outcome.value, 'openshift-config', 'pull-secret'));
        }
        else if (outcome.kind === 'missing') {
            this.api.notes.push('the global pull secret openshift-config/pull-secret does not exist on the cluster');
        }
        else {
            // Refused: what it covers is unknown, not the installed default.
            const because = `${outcome.message} (needed: get secrets in openshift-config)`;
            this.api.notes.push(because);
            this.clusterObjects.push({
                apiVersion: 'v1',
                kind: 'Secret',
                metadata: {
                    name: 'pull-secret',
                    namespace: 'openshift-config',
                    annotations: { [pull_secret_keys/* UNREADABLE_ANNOTATION */.cs]: because },
                },
                type: 'kubernetes.io/dockerconfigjson',
            });
        }
    }
}
/**
 * A namespace is given as complete (a Namespace object) only when everything in it was read: otherwise its
 * objects would make the rules take its ServiceAccounts, Secrets or RBAC as all there is.
 */
function completeObjects(cluster, imageNamespaces) {
    const objects = [...cluster.clusterObjects];
    for (const [namespace, reads] of cluster.namespaces) {
        const rbacIncomplete = reads.rbacIncomplete ?? cluster.clusterBindingsIncomplete;
        if (reads.pullSecretsIncomplete !== undefined) {
            // Any object of the namespace would make the rules take its ServiceAccounts and Secrets as complete.
            if (reads.objects.length > 0) {
                cluster.api.notes.push(`namespace ${namespace}: its objects are left out, since not all of them could be read`);
            }
            continue;
        }
        if (rbacIncomplete !== undefined) {
            // Its RBAC matters only for image pulls into it; other objects would make it look complete.
            if (imageNamespaces.has(namespace)) {
                if (reads.objects.length > 0) {
                    cluster.api.notes.push(`namespace ${namespace}: its objects are left out, since its RBAC could not be read completely`);
                }
                continue;
            }
            objects.push(...reads.objects.filter((object) => object['kind'] === 'ServiceAccount' || object['kind'] === 'Secret'));
            continue;
        }
        objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } }, ...reads.objects);
    }
    return objects;
}
async function readClusterRoles(reader, referenced) {
    if (referenced.size === 0)
        return [];
    const listed = await reader.clusterRoles();
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
        const outcome = await reader.clusterRole(name);
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


/***/ })

};
