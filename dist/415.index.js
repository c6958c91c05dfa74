export const id = 415;
export const ids = [415];
export const modules = {

/***/ 20415:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  read: () => (/* binding */ read)
});

;// CONCATENATED MODULE: ./lib/providers/gcp/deny-reads.js
/** At most this many pages of one attachment point's policies (the API caps an attachment point at 500). */
const MAX_PAGES = 50;
async function readDenyPolicies(api, point) {
    const parent = `${api.base.iam}/v2/policies/${encodeURIComponent(`cloudresourcemanager.googleapis.com/${point}`)}/denypolicies`;
    const listed = await api.runner.run({ key: `gcp:denypolicies.list:${point}`, permission: 'iam.denypolicies.list', resource: point }, async (signal) => {
        const names = [];
        let token;
        for (let page = 0; page < MAX_PAGES; page++) {
            const url = token === undefined ? parent : `${parent}?pageToken=${encodeURIComponent(token)}`;
            const body = (await api.json(url, signal));
            for (const policy of Array.isArray(body?.policies) ? body.policies : []) {
                const name = policy.name;
                if (typeof name === 'string' && name.includes('/denypolicies/'))
                    names.push(name);
            }
            token =
                typeof body?.nextPageToken === 'string' && body.nextPageToken !== ''
                    ? body.nextPageToken
                    : undefined;
            if (token === undefined)
                return names;
        }
        throw new Error(`more than ${MAX_PAGES} pages of deny policies on ${point}`);
    });
    if (!listed.ok)
        return { attachmentPoint: point, unreadable: listed.message };
    const policies = [];
    for (const name of listed.value) {
        const read = await api.runner.run({ key: `gcp:denypolicies.get:${name}`, permission: 'iam.denypolicies.get', resource: point }, (signal) => api.json(`${api.base.iam}/v2/${name}`, signal));
        if (!read.ok)
            return { attachmentPoint: point, unreadable: read.message };
        policies.push(denyPolicy(read.value, name));
    }
    return { attachmentPoint: point, policies };
}
/** The policy as `gcloud iam policies get --format=json` prints it: the fields facts.gcp.denyPolicies takes. */
function denyPolicy(raw, name) {
    const value = (raw ?? {});
    const text = (key) => typeof value[key] === 'string' && value[key] !== '' ? { [key]: value[key] } : {};
    const rules = (Array.isArray(value['rules']) ? value['rules'] : []).flatMap((item) => {
        const { description, denyRule } = (item ?? {});
        if (!denyRule || typeof denyRule !== 'object')
            return [];
        const rule = denyRule;
        const list = (key) => Array.isArray(rule[key]) ? { [key]: rule[key].map(String) } : {};
        const condition = rule['denialCondition'];
        return [
            {
                ...(typeof description === 'string' && description !== '' ? { description } : {}),
                denyRule: {
                    ...list('deniedPrincipals'),
                    ...list('exceptionPrincipals'),
                    ...list('deniedPermissions'),
                    ...list('exceptionPermissions'),
                    ...(condition && typeof condition.expression === 'string' && condition.expression !== ''
                        ? {
                            denialCondition: {
                                expression: condition.expression,
                                ...(typeof condition.title === 'string' && condition.title !== ''
                                    ? { title: condition.title }
                                    : {}),
                            },
                        }
                        : {}),
                },
            },
        ];
    });
    return { name, ...text('uid'), ...text('displayName'), ...text('etag'), rules };
}
/**
 * The deny policies above the images' projects: each project and, once its ancestry is known, its folders
 * and organization, each attachment point read once; those the config states are not read.
 */
async function readDenyPoliciesAbove(projects, ancestry, known, api) {
    const stated = new Set((known ?? []).map((entry) => entry.attachmentPoint));
    const reads = new Map();
    const read = (point) => {
        if (!stated.has(point) && !reads.has(point))
            reads.set(point, readDenyPolicies(api, point));
    };
    await Promise.all([...projects].map(async (project) => {
        read(`projects/${project}`);
        for (const ancestor of (await ancestry.get(project)) ?? [])
            read(ancestor);
    }));
    return Promise.all(reads.values());
}

;// CONCATENATED MODULE: ./lib/providers/gcp/google-apis.js
const DEFAULTS = {
    artifactRegistry: 'https://artifactregistry.googleapis.com',
    resourceManager: 'https://cloudresourcemanager.googleapis.com',
    container: 'https://container.googleapis.com',
    storage: 'https://storage.googleapis.com',
    iam: 'https://iam.googleapis.com',
};
/** Conditional role bindings are only returned for version 3 requests (IAM docs, "Policy versions"). */
const POLICY_VERSION = 3;
/** An HTTP error from a Google API, named after its canonical status so the CallRunner classifies it. */
class GoogleApiError extends Error {
    name;
    status;
    constructor(name, status, message) {
        super(message);
        this.name = name;
        this.status = status;
    }
}
/** The calls, each through the runner (one key per resource read). */
class GoogleApis {
    runner;
    authClient;
    base;
    artifactRegistry;
    constructor(options) {
        this.runner = options.runner;
        this.authClient = options.authClient;
        const endpoint = (key) => (options.endpoints?.[key] ?? DEFAULTS[key]).replace(/\/+$/, '');
        this.base = {
            artifactRegistry: endpoint('artifactRegistry'),
            resourceManager: endpoint('resourceManager'),
            container: endpoint('container'),
            storage: endpoint('storage'),
            iam: endpoint('iam'),
        };
    }
    /** Artifact Registry `projects.locations.repositories.getIamPolicy`. */
    repositoryPolicy(repository) {
        const permission = 'artifactregistry.repositories.getIamPolicy';
        return this.runner.run({ key: `gcp:getIamPolicy:${repository}`, permission, resource: repository }, async (signal) => {
            const client = await this.artifactRegistryClient();
            const call = client.getIamPolicy({
                resource: repository,
                options: { requestedPolicyVersion: POLICY_VERSION },
            });
            const [policy] = await untilAborted(call, signal).catch((error) => {
                throw asGoogleApiError(error);
            });
            return policy;
        });
    }
    /** Resource Manager v3 `projects|folders|organizations.getIamPolicy`. */
    resourceManagerPolicy(resource) {
        const kind = resource.slice(0, resource.indexOf('/'));
        const permission = `resourcemanager.${kind}.getIamPolicy`;
        return this.runner.run({ key: `gcp:getIamPolicy:${resource}`, permission, resource }, (signal) => this.json(`${this.base.resourceManager}/v3/${resource}:getIamPolicy`, signal, {
            method: 'POST',
            body: { options: { requestedPolicyVersion: POLICY_VERSION } },
        }));
    }
    /** Cloud Storage `buckets.getIamPolicy`. */
    bucketPolicy(bucket) {
        const resource = `buckets/${bucket}`;
        const url = `${this.base.storage}/storage/v1/b/${encodeURIComponent(bucket)}/iam?optionsRequestedPolicyVersion=${POLICY_VERSION}`;
        return this.runner.run({ key: `gcp:getIamPolicy:${resource}`, permission: 'storage.buckets.getIamPolicy', resource }, (signal) => this.json(url, signal));
    }
    /** Per project: why its number or ancestry could not be read (what is missing is then unknown, not absent). */
    projectProblems = new Map();
    /** Resource Manager v3 `projects.get`: the number from `name` (projects/NUMBER). Undefined when unreadable. */
    async projectNumber(project) {
        const outcome = await this.runner.run({
            key: `gcp:projects.get:${project}`,
            permission: 'resourcemanager.projects.get',
            resource: `projects/${project}`,
        }, (signal) => this.json(`${this.base.resourceManager}/v3/projects/${encodeURIComponent(project)}`, signal));
        if (!outcome.ok) {
            this.projectProblems.set(project, outcome.message);
            return undefined;
        }
        const name = outcome.value?.name;
        const match = typeof name === 'string' ? /^projects\/([0-9]+)$/.exec(name) : null;
        return match?.[1];
    }
    /** Resource Manager v1 `projects.getAncestry`: folders/N and organizations/N, nearest first. */
    async ancestors(project) {
        const outcome = await this.runner.run({
            key: `gcp:getAncestry:${project}`,
            permission: 'resourcemanager.projects.get',
            resource: `projects/${project}`,
        }, (signal) => this.json(`${this.base.resourceManager}/v1/projects/${encodeURIComponent(project)}:getAncestry`, signal, {
            method: 'POST',
            body: {},
        }));
        if (!outcome.ok) {
            if (!this.projectProblems.has(project))
                this.projectProblems.set(project, outcome.message);
            return undefined;
        }
        const ancestor = outcome.value?.ancestor;
        if (!Array.isArray(ancestor))
            return undefined;
        return ancestor.flatMap((item) => {
            const { type, id } = (item.resourceId ?? {});
            if (typeof id !== 'string' || !/^[0-9]+$/.test(id))
                return [];
            if (type === 'folder')
                return [`folders/${id}`];
            if (type === 'organization')
                return [`organizations/${id}`];
            return [];
        });
    }
    /** Kubernetes Engine v1 `projects.locations.clusters.nodePools.list`. */
    async nodePools(project, location, cluster, number) {
        const resource = `projects/${project}/locations/${location}/clusters/${cluster}`;
        const outcome = await this.runner.run({ key: `gcp:nodePools.list:${resource}`, permission: 'container.clusters.get', resource }, (signal) => this.json(`${this.base.container}/v1/${resource}/nodePools`, signal));
        const where = { project, location, name: cluster };
        if (!outcome.ok)
            return { ...where, nodePools: [], unreadable: outcome.message };
        const pools = outcome.value?.nodePools;
        const projectNumber = await number;
        const nodePools = (Array.isArray(pools) ? pools : []).map((item) => {
            const pool = item;
            const serviceAccount = typeof pool.config?.serviceAccount === 'string' ? pool.config.serviceAccount : 'default';
            const scopes = pool.config?.oauthScopes;
            return {
                name: String(pool.name),
                // The API says "default" for the Compute Engine default service account; name it when the number is known.
                serviceAccount: serviceAccount === 'default' && projectNumber !== undefined
                    ? `${projectNumber}-compute@developer.gserviceaccount.com`
                    : serviceAccount,
                scopes: Array.isArray(scopes) ? scopes.map(String) : [],
            };
        });
        return { ...where, nodePools };
    }
    async close() {
        if (!this.artifactRegistry)
            return;
        const client = await this.artifactRegistry.catch(() => undefined);
        await client?.close();
    }
    /** Loaded on first use only: the module costs ~0.4 s to load. */
    artifactRegistryClient() {
        this.artifactRegistry ??= (async () => {
            const authClient = this.authClient;
            if (typeof authClient?.fetch !== 'function') {
                throw new TypeError('the Artifact Registry client needs a google-auth-library client (AuthClient or GoogleAuth)');
            }
            const { ArtifactRegistryClient } = await Promise.all(/* import() */[__webpack_require__.e(240), __webpack_require__.e(192)]).then(__webpack_require__.t.bind(__webpack_require__, 34192, 19));
            const url = new URL(this.base.artifactRegistry);
            const https = url.protocol === 'https:';
            return new ArtifactRegistryClient({
                fallback: true,
                apiEndpoint: url.hostname,
                // The client's default port (443) wins over a port written in apiEndpoint: give it separately.
                port: url.port === '' ? (https ? 443 : 80) : Number(url.port),
                ...(https ? {} : { protocol: 'http' }),
                authClient: this.authClient,
            });
        })();
        return this.artifactRegistry;
    }
    /** A GET (or POST) with the auth client's headers; Google's error body becomes a GoogleApiError. */
    async json(url, signal, request = {}) {
        const source = this.authClient;
        if (typeof source?.getRequestHeaders !== 'function') {
            throw new TypeError('the auth client has no getRequestHeaders (expected a google-auth-library client)');
        }
        const headers = new Headers(await source.getRequestHeaders(url));
        headers.set('accept', 'application/json');
        if (request.body !== undefined)
            headers.set('content-type', 'application/json');
        const response = await fetch(url, {
            method: request.method ?? 'GET',
            headers,
            signal,
            ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        });
        const text = await response.text();
        if (!response.ok)
            throw errorFromBody(response.status, text);
        return text === '' ? {} : JSON.parse(text);
    }
}
/** Google's error body: { error: { code, message, status } } (Cloud Storage: { error: { code, message, errors } }). */
function errorFromBody(status, text) {
    let error;
    try {
        error = JSON.parse(text).error;
    }
    catch {
        error = undefined;
    }
    const name = typeof error?.status === 'string'
        ? error.status
        : typeof error?.errors?.[0]?.reason === 'string'
            ? error.errors[0].reason
            : `HTTP ${status}`;
    const message = typeof error?.message === 'string' ? error.message : text.slice(0, 200);
    return new GoogleApiError(name, status, message);
}
/**
 * The Artifact Registry client's errors as ours. Through a google-auth-library client, an HTTP error arrives as
 * a GaxiosError (gax never decodes it): `response.status`, and the body in `message` (the response is a stream).
 */
function asGoogleApiError(error) {
    const { response, message } = (error ?? {});
    if (typeof response?.status !== 'number')
        return error;
    const body = typeof response.data === 'string'
        ? response.data
        : response.data !== undefined && response.data !== null
            ? JSON.stringify(response.data)
            : typeof message === 'string'
                ? message
                : '';
    return errorFromBody(response.status, body);
}
/** Rejects when the runner's signal aborts (timeout), cancelling the gax call when it can be. */
function untilAborted(call, signal) {
    if (signal.aborted)
        return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
        const onAbort = () => {
            call.cancel?.();
            reject(signal.reason);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        call.then((value) => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
        }, (error) => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
        });
    });
}

;// CONCATENATED MODULE: ./lib/providers/gcp/pab-reads.js
const CRM = '//cloudresourcemanager.googleapis.com/';
const PRINCIPAL_SET = 'principalSet://cloudresourcemanager.googleapis.com/';
/** 1000 bindings a page at most (policyBindings.list: "values above 1000 will be coerced to 1000"). */
const PAGE_SIZE = 1000;
const pab_reads_MAX_PAGES = 50;
const POLICY_NAME = /^organizations\/[0-9]+\/locations\/global\/principalAccessBoundaryPolicies\/[^/]+$/;
/** The PAB policies bound to the principals of `container` (projects/P, folders/F, organizations/O). */
async function readBoundaries(api, container) {
    const principalSet = `${PRINCIPAL_SET}${container}`;
    const listed = await api.runner.run({
        key: `gcp:policyBindings.list:${container}`,
        permission: 'iam.policybindings.list',
        resource: container,
    }, (signal) => listBindings(api, container, signal));
    if (!listed.ok)
        return { principalSet, unreadable: listed.message };
    const bindings = listed.value.flatMap((raw) => boundTo(raw, container) ?? []);
    const odd = bindings.find((binding) => !POLICY_NAME.test(binding.policy));
    if (odd)
        return { principalSet, unreadable: `a policy binding names ${odd.policy}, not a PAB policy name` };
    const read = await Promise.all(bindings.map(async (binding) => {
        const outcome = await api.runner.run({
            key: `gcp:principalAccessBoundaryPolicies.get:${binding.policy}`,
            permission: 'iam.principalaccessboundarypolicies.get',
            resource: binding.policy,
        }, (signal) => api.json(`${api.base.iam}/v3/${binding.policy}`, signal));
        if (!outcome.ok)
            return outcome.message;
        const policy = pabPolicy(outcome.value, binding.policy);
        return typeof policy === 'string'
            ? policy
            : { ...policy, ...(binding.condition ? { condition: binding.condition } : {}) };
    }));
    const problem = read.find((entry) => typeof entry === 'string');
    if (problem !== undefined)
        return { principalSet, unreadable: problem };
    return { principalSet, policies: read };
}
async function listBindings(api, container, signal) {
    const parent = `${api.base.iam}/v3/${container}/locations/global/policyBindings?pageSize=${PAGE_SIZE}`;
    const bindings = [];
    let token;
    for (let page = 0; page < pab_reads_MAX_PAGES; page++) {
        const url = token === undefined ? parent : `${parent}&pageToken=${encodeURIComponent(token)}`;
        const body = (await api.json(url, signal));
        if (Array.isArray(body?.policyBindings))
            bindings.push(...body.policyBindings);
        token =
            typeof body?.nextPageToken === 'string' && body.nextPageToken !== '' ? body.nextPageToken : undefined;
        if (token === undefined)
            return bindings;
    }
    throw new Error(`more than ${pab_reads_MAX_PAGES} pages of policy bindings on ${container}`);
}
/** The binding when it binds a PAB policy to the principals of `container` itself, else undefined. */
function boundTo(raw, container) {
    const binding = (raw ?? {});
    if (typeof binding.policy !== 'string')
        return undefined;
    // policyKind is set from the policy when left empty; an unspecified kind is judged by the policy's name.
    const kind = binding.policyKind ?? 'POLICY_KIND_UNSPECIFIED';
    const pab = kind === 'PRINCIPAL_ACCESS_BOUNDARY' ||
        (kind === 'POLICY_KIND_UNSPECIFIED' && binding.policy.includes('/principalAccessBoundaryPolicies/'));
    const target = binding.target?.principalSet;
    if (!pab || typeof target !== 'string')
        return undefined;
    // Under a project, the only project set a binding can target is the project's own, by id or by number.
    const ours = container.startsWith('projects/')
        ? target.startsWith(`${CRM}projects/`)
        : target === `${CRM}${container}`;
    if (!ours)
        return undefined;
    const condition = binding.condition;
    const text = (key) => typeof condition?.[key] === 'string' && condition[key] !== '' ? { [key]: condition[key] } : {};
    return {
        policy: binding.policy,
        ...(typeof condition?.['expression'] === 'string' && condition['expression'] !== ''
            ? {
                condition: { ...text('title'), ...text('expression'), ...text('description'), ...text('location') },
            }
            : {}),
    };
}
/** The policy in the facts' shape (name, enforcementVersion, rules), or why pullcheck cannot use it. */
function pabPolicy(raw, name) {
    const details = (raw ?? {}).details;
    const rules = [];
    for (const item of Array.isArray(details?.rules) ? details.rules : []) {
        const rule = (item ?? {});
        if (rule.effect !== 'ALLOW') {
            return `the principal access boundary policy ${name} has a rule with effect ${String(rule.effect)}, which pullcheck does not know`;
        }
        const resources = Array.isArray(rule.resources) ? rule.resources.map(String) : [];
        const other = resources.find((resource) => !resource.startsWith(CRM));
        if (other !== undefined) {
            return `the principal access boundary policy ${name} lists ${other}, not a Resource Manager resource`;
        }
        rules.push({
            ...(typeof rule.description === 'string' && rule.description !== ''
                ? { description: rule.description }
                : {}),
            resources,
            effect: 'ALLOW',
        });
    }
    const version = details?.enforcementVersion;
    return {
        name,
        ...(typeof version === 'string' && version !== '' ? { enforcementVersion: version } : {}),
        rules,
    };
}

// EXTERNAL MODULE: ./lib/providers/gcp/service-account-project.js
var service_account_project = __webpack_require__(13850);
;// CONCATENATED MODULE: ./lib/providers/gcp/pab-principals.js


async function readBoundariesOfPullers(reads) {
    const emails = await pullingAccounts(reads);
    const owners = await projectIndex(reads);
    const stated = new Set((reads.known.principalAccessBoundaries ?? []).map((entry) => entry.principalSet.slice(PRINCIPAL_SET.length)));
    const pending = new Map();
    const read = (container) => {
        if (!pending.has(container))
            pending.set(container, readBoundaries(reads.api, container));
    };
    await Promise.all(emails.map(async (email) => {
        if (/^service-\d+@/.test(email))
            return;
        const owner = (0,service_account_project/* serviceAccountProject */.U)(email, owners);
        const keys = [owner?.id, owner?.number].flatMap((key) => key === undefined ? [] : [`projects/${key}`]);
        if (keys.length === 0)
            return;
        if (!keys.some((key) => stated.has(key)))
            read(keys[0]);
        if (owner?.id === undefined)
            return;
        for (const ancestor of (await reads.ancestors(owner.id)) ?? [])
            if (!stated.has(ancestor))
                read(ancestor);
    }));
    return Promise.all(pending.values());
}
/** The emails of the service accounts the gke and gcp-service-account targets pull as. */
async function pullingAccounts(reads) {
    const emails = new Set();
    for (const target of reads.targets) {
        if (target.platform === 'gcp-service-account') {
            for (const account of target.serviceAccounts)
                emails.add(account.email);
        }
        if (target.platform !== 'gke')
            continue;
        if (target.serviceAccounts && target.serviceAccounts.length > 0) {
            for (const account of target.serviceAccounts)
                emails.add(account.email);
            continue;
        }
        const { project, location, cluster } = target;
        if (project === undefined)
            continue;
        const name = `projects/${project}/locations/${location}/clusters/${cluster}`;
        const stated = (reads.known.clusters ?? []).find((entry) => entry.project === project && entry.location === location && entry.name === cluster);
        const pools = stated?.nodePools ?? (await reads.clusters.get(name))?.nodePools ?? [];
        const number = await reads.numbers.get(project);
        // Without node pools, or in one that runs as "default": the Compute Engine default service account.
        for (const account of pools.length > 0 ? pools.map((pool) => pool.serviceAccount) : ['default']) {
            if (account !== 'default')
                emails.add(account);
            else if (number !== undefined)
                emails.add(`${number}-compute@developer.gserviceaccount.com`);
        }
    }
    return [...emails];
}
/** Projects by id and by number (stated, or numbers read), to name a default compute account's project. */
async function projectIndex(reads) {
    const projects = new Map();
    const projectsByNumber = new Map();
    const add = (id, number) => {
        const project = {
            id,
            gcrBackend: 'artifact-registry',
            ...(number === undefined ? {} : { number }),
        };
        projects.set(id, project);
        if (number !== undefined)
            projectsByNumber.set(number, project);
    };
    for (const project of reads.known.projects ?? [])
        add(project.id, project.number);
    for (const [id, number] of reads.numbers)
        if (projects.get(id)?.number === undefined)
            add(id, await number);
    return { projects, projectsByNumber };
}

// EXTERNAL MODULE: ./lib/providers/gcp/registry.js
var registry = __webpack_require__(73280);
// EXTERNAL MODULE: ./lib/providers/gcp/resources.js
var gcp_resources = __webpack_require__(41666);
;// CONCATENATED MODULE: ./lib/providers/gcp/collect.js





async function collectGcpFacts(input, options) {
    const known = indexKnown(input.known);
    const google = input.images.flatMap((image) => (0,registry/* googleLocationOf */.MF)(image) ?? []);
    const resources = new Map();
    for (const registry of google) {
        const resource = (0,gcp_resources/* pullResource */._L)(registry, known.facts);
        resources.set(resource.name, resource);
    }
    const gkeTargets = input.targets.flatMap((target) => (target.platform === 'gke' ? [target] : []));
    const runProjects = cloudRunProjects(input.targets);
    if (resources.size === 0 && gkeTargets.length === 0 && runProjects.length === 0)
        return {};
    const api = new GoogleApis(options);
    try {
        const policies = [];
        const requested = new Set();
        const readPolicy = (resource, read) => {
            if (known.policies.has(resource) || requested.has(resource))
                return;
            requested.add(resource);
            policies.push(read().then((outcome) => policyEntry(resource, outcome)));
        };
        const imageProjects = new Set();
        for (const resource of resources.values()) {
            if (resource.kind === 'repository')
                readPolicy(resource.name, () => api.repositoryPolicy(resource.name));
            else
                readPolicy(resource.name, () => api.bucketPolicy(resource.bucket));
            imageProjects.add(resource.project);
        }
        for (const project of imageProjects) {
            readPolicy(`projects/${project}`, () => api.resourceManagerPolicy(`projects/${project}`));
        }
        const { ancestry, ancestors } = ancestryReads(known, api);
        const ancestorPolicies = [...imageProjects].map(async (project) => {
            for (const ancestor of (await ancestors(project)) ?? []) {
                readPolicy(ancestor, () => api.resourceManagerPolicy(ancestor));
            }
        });
        const { numbers, clusters } = gkeReads(gkeTargets, runProjects, known, api);
        const denyReads = readDenyPoliciesAbove(imageProjects, ancestry, input.known.denyPolicies, api);
        // Principal access boundaries only limit Google resources: read when a Google image is pulled.
        const boundaryReads = resources.size > 0
            ? readBoundariesOfPullers({ ...input, numbers, clusters, ancestors, api })
            : Promise.resolve([]);
        await Promise.all(ancestorPolicies);
        const iamPolicies = (await Promise.all(policies)).filter((entry) => entry !== undefined);
        // Before the projects: the pulling accounts' ancestry, read for their boundaries, is written with them.
        const principalAccessBoundaries = await boundaryReads;
        return withoutEmpty({
            denyPolicies: await denyReads,
            principalAccessBoundaries,
            projects: await collectedProjects(ancestry, numbers, known.facts, api.projectProblems),
            iamPolicies,
            clusters: await Promise.all(clusters.values()),
        });
    }
    finally {
        await api.close();
    }
}
/** The facts read, without the kinds of which none were read. */
function withoutEmpty(facts) {
    return Object.fromEntries(Object.entries(facts).filter(([, entries]) => entries.length > 0));
}
/**
 * The folders and organization above a project (an image's, a pulling account's): as stated, else one
 * getAncestry call per project; `ancestry` holds every project asked about.
 */
function ancestryReads(known, api) {
    const ancestry = new Map();
    const ancestors = (project) => {
        const stated = known.facts.projects.get(project)?.ancestors;
        if (!ancestry.has(project))
            ancestry.set(project, stated ? Promise.resolve(stated) : api.ancestors(project));
        return ancestry.get(project);
    };
    return { ancestry, ancestors };
}
/** The projects whose number a cloud-run target needs (the service agent's name) and does not state. */
function cloudRunProjects(targets) {
    return [
        ...new Set(targets.flatMap((target) => target.platform === 'cloud-run' && target.projectNumber === undefined && target.project !== undefined
            ? [target.project]
            : [])),
    ];
}
/**
 * GKE: the project number (default node identity) and, without stated serviceAccounts, the node pools;
 * Cloud Run: the number of each project in `runProjects` (it names the service agent).
 */
function gkeReads(gkeTargets, runProjects, known, api) {
    const numbers = new Map();
    for (const project of [...gkeTargets.map((target) => target.project), ...runProjects]) {
        if (project === undefined || numbers.has(project))
            continue;
        const stated = known.facts.projects.get(project)?.number;
        numbers.set(project, stated !== undefined ? Promise.resolve(stated) : api.projectNumber(project));
    }
    const clusters = new Map();
    for (const target of gkeTargets) {
        const { project, location, cluster } = target;
        if (project === undefined || location === undefined || cluster === undefined)
            continue;
        if (target.serviceAccounts && target.serviceAccounts.length > 0)
            continue;
        const name = `projects/${project}/locations/${location}/clusters/${cluster}`;
        if (known.clusters.has(name) || clusters.has(name))
            continue;
        clusters.set(name, api.nodePools(project, location, cluster, numbers.get(project) ?? Promise.resolve(undefined)));
    }
    return { numbers, clusters };
}
/** The project numbers and ancestors read live (not the stated ones), one entry per project. */
async function collectedProjects(ancestry, numbers, facts, problems) {
    const byId = new Map();
    const entry = (id) => byId.get(id) ?? byId.set(id, { id }).get(id);
    for (const [id, pending] of ancestry) {
        const ancestors = await pending;
        if (ancestors !== undefined && facts.projects.get(id)?.ancestors === undefined)
            entry(id).ancestors = ancestors;
    }
    for (const [id, pending] of numbers) {
        const number = await pending;
        if (number !== undefined && facts.projects.get(id)?.number === undefined)
            entry(id).number = number;
    }
    for (const [id, problem] of problems)
        entry(id).unreadable = problem;
    return [...byId.values()];
}
function policyEntry(resource, outcome) {
    return outcome.ok
        ? { resource, policy: gcloudPolicy(outcome.value) }
        : { resource, unreadable: outcome.message };
}
function indexKnown(known) {
    const projects = new Map((known.projects ?? []).map((project) => [
        project.id,
        {
            id: project.id,
            gcrBackend: project.gcrBackend ?? 'artifact-registry',
            ...(project.number === undefined ? {} : { number: project.number }),
            ...(project.ancestors === undefined ? {} : { ancestors: project.ancestors }),
        },
    ]));
    const facts = {
        projects,
        projectsByNumber: new Map(),
        policies: new Map(),
        unreadable: new Map(),
        customRoles: new Map(),
        groups: new Map(),
        clusters: new Map(),
        denyPolicies: new Map(),
        principalAccessBoundaries: new Map(),
    };
    return {
        facts,
        policies: new Set((known.iamPolicies ?? []).map((entry) => entry.resource)),
        clusters: new Set((known.clusters ?? []).map((cluster) => `projects/${cluster.project}/locations/${cluster.location}/clusters/${cluster.name}`)),
    };
}
/** An IAM policy as gcloud prints it: bindings (omitted when none), etag as base64, version. */
function gcloudPolicy(raw) {
    const value = (raw ?? {});
    const bindings = (Array.isArray(value.bindings) ? value.bindings : []).map((item) => {
        const binding = item;
        const condition = binding.condition;
        return {
            role: String(binding.role),
            members: Array.isArray(binding.members) ? binding.members.map(String) : [],
            ...(condition && typeof condition.expression === 'string' && condition.expression !== ''
                ? {
                    condition: {
                        expression: condition.expression,
                        ...(typeof condition.title === 'string' && condition.title !== ''
                            ? { title: condition.title }
                            : {}),
                        ...(typeof condition.description === 'string' && condition.description !== ''
                            ? { description: condition.description }
                            : {}),
                    },
                }
                : {}),
        };
    });
    const etag = typeof value.etag === 'string'
        ? value.etag
        : value.etag instanceof Uint8Array
            ? Buffer.from(value.etag).toString('base64')
            : undefined;
    return {
        ...(bindings.length > 0 ? { bindings } : {}),
        ...(etag === undefined || etag === '' ? {} : { etag }),
        ...(typeof value.version === 'number' ? { version: value.version } : {}),
    };
}

// EXTERNAL MODULE: ./lib/providers/gcp/facts.js + 3 modules
var facts = __webpack_require__(57690);
// EXTERNAL MODULE: ./lib/providers/gcp/workload-identity/cel-parse.js
var cel_parse = __webpack_require__(45756);
// EXTERNAL MODULE: ./lib/providers/gcp/workload-identity/federated.js
var federated = __webpack_require__(69570);
;// CONCATENATED MODULE: ./lib/providers/gcp/workload-identity/wif-reads.js




const wif_reads_POLICY_VERSION = 3;
async function readCiLoginFacts(logins, known, api) {
    const google = logins.filter((login) => login.provider === 'gcp');
    const stated = new Set((known.workloadIdentityProviders ?? []).map((entry) => entry.name));
    const statedPolicies = new Set((known.iamPolicies ?? []).map((entry) => (0,facts/* policyKey */.s4)(entry.resource)));
    const names = [...new Set(google.map((login) => login.identity))].filter((name) => !stated.has(name));
    const emails = [
        ...new Set(google.flatMap((login) => (login.with['service_account'] ? [login.with['service_account']] : []))),
    ];
    const policies = [];
    for (const email of emails) {
        const resource = (0,facts/* serviceAccountResource */.pj)(email);
        if (!statedPolicies.has(resource))
            policies.push(serviceAccountPolicy(api, email).then((outcome) => entry(resource, outcome)));
        const project = (0,service_account_project/* serviceAccountProject */.U)(email, { projects: new Map(), projectsByNumber: new Map() })?.id;
        if (project !== undefined && !statedPolicies.has(`projects/${project}`)) {
            policies.push(api
                .resourceManagerPolicy(`projects/${project}`)
                .then((outcome) => entry(`projects/${project}`, outcome)));
        }
    }
    const providers = await Promise.all(names.map((name) => readProvider(api, name)));
    return { workloadIdentityProviders: providers, iamPolicies: dedupe(await Promise.all(policies)) };
}
function serviceAccountPolicy(api, email) {
    const resource = (0,facts/* serviceAccountResource */.pj)(email);
    return api.runner.run({ key: `gcp:getIamPolicy:${resource}`, permission: 'iam.serviceAccounts.getIamPolicy', resource }, (signal) => api.json(`${api.base.iam}/v1/projects/-/serviceAccounts/${encodeURIComponent(email)}:getIamPolicy`, signal, {
        method: 'POST',
        body: { options: { requestedPolicyVersion: wif_reads_POLICY_VERSION } },
    }));
}
function entry(resource, outcome) {
    if (!outcome.ok)
        return { resource, unreadable: outcome.message };
    const { bindings, etag, version } = (outcome.value ?? {});
    return {
        resource,
        policy: {
            ...(bindings === undefined ? {} : { bindings }),
            ...(etag === undefined ? {} : { etag }),
            ...(version === undefined ? {} : { version }),
        },
    };
}
function dedupe(entries) {
    const seen = new Set();
    return entries.filter((one) => !seen.has(one.resource) && seen.add(one.resource));
}
async function readProvider(api, name) {
    const get = (resource, permission) => api.runner.run({ key: `gcp:get:${resource}`, permission, resource }, (signal) => api.json(`${api.base.iam}/v1/${resource}`, signal));
    const pool = (0,federated/* poolOf */.e9)(name);
    const [provider, poolRead] = await Promise.all([
        get(name, 'iam.workloadIdentityPoolProviders.get'),
        get(pool, 'iam.workloadIdentityPools.get'),
    ]);
    if (!provider.ok)
        return { name, unreadable: provider.message };
    const value = (provider.value ?? {});
    const oidc = (value['oidc'] ?? {});
    const fields = {
        name,
        attributeMapping: value['attributeMapping'] ?? {},
        ...pick(value, ['attributeCondition', 'state', 'disabled', 'displayName', 'description', 'expireTime']),
        oidc: pick(oidc, ['issuerUri', 'allowedAudiences']),
    };
    if (poolRead.ok)
        fields['pool'] = pick((poolRead.value ?? {}), ['state', 'disabled']);
    const unparsable = celProblem(fields);
    return unparsable === undefined
        ? fields
        : {
            name,
            unreadable: `read live, but not CEL pullcheck can parse: ${unparsable}; state the provider in the config's facts to check it`,
        };
}
function pick(source, keys) {
    return Object.fromEntries(keys.flatMap((key) => (source[key] === undefined ? [] : [[key, source[key]]])));
}
/** The first mapping or condition pullcheck's parser refuses (Google accepted it). */
function celProblem(fields) {
    const expressions = [
        ...Object.entries((fields['attributeMapping'] ?? {})),
        ...(typeof fields['attributeCondition'] === 'string'
            ? [['attributeCondition', fields['attributeCondition']]]
            : []),
    ];
    for (const [key, text] of expressions) {
        try {
            if (String(text).trim() !== '')
                (0,cel_parse/* parseCel */.W2)(String(text));
        }
        catch (error) {
            if (error instanceof cel_parse/* CelError */.PW)
                return `${key}: ${error.message}`;
            throw error;
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./lib/providers/gcp/live-reads.js




const HINT = 'use Application Default Credentials: gcloud auth application-default login';
async function read(context) {
    const { config, plan, runner } = context;
    const targets = config.input.targets ?? [];
    // The CI path (issue 18): the Google logins' providers and service accounts, the pushed images' policies.
    const ciLogins = (context.ciLogins ?? []).filter((login) => login.provider === 'gcp');
    const pushed = (context.ciPushes ?? [])
        .map((push) => push.image)
        .filter((image) => (0,registry/* googleLocationOf */.MF)(image));
    const needed = ciLogins.length > 0 ||
        pushed.length > 0 ||
        plan.images.some((image) => (0,registry/* googleLocationOf */.MF)(image) !== undefined) ||
        targets.some((target) => target.platform === 'gke') ||
        // A cloud-run target needs a read only for a project number it does not state.
        cloudRunProjects(targets).length > 0;
    if (!needed)
        return undefined;
    const authClient = await googleClient(context.credentials['gcp']);
    if (!authClient) {
        const hint = context.credentialHints['gcp'] ?? HINT;
        return { notes: [`no Google credentials: Google Cloud facts come from the config only (${hint})`] };
    }
    const images = [...plan.targets.flatMap((target) => target.images), ...pushed];
    const endpoints = config.input.endpoints?.google;
    const known = config.input.facts?.gcp ?? {};
    const options = { runner, authClient, ...(endpoints ? { endpoints } : {}) };
    const facts = await collectGcpFacts({ images, targets, known }, options);
    if (ciLogins.length === 0)
        return { facts: { ...facts }, notes: [] };
    const logins = await readCiLoginFacts(ciLogins, known, new GoogleApis(options));
    const read = new Set((facts.iamPolicies ?? []).map((entry) => entry.resource));
    const iamPolicies = [
        ...(facts.iamPolicies ?? []),
        ...logins.iamPolicies.filter((entry) => !read.has(entry.resource)),
    ];
    return {
        facts: { ...facts, iamPolicies, workloadIdentityProviders: logins.workloadIdentityProviders },
        notes: [],
    };
}
/** The login's access token (a string), a google-auth-library client, else ADC when configured. */
async function googleClient(given) {
    if (given !== undefined && typeof given !== 'string')
        return given;
    const { GoogleAuth, OAuth2Client } = await Promise.all(/* import() */[__webpack_require__.e(240), __webpack_require__.e(492)]).then(__webpack_require__.t.bind(__webpack_require__, 492, 19));
    if (typeof given === 'string') {
        const client = new OAuth2Client();
        client.setCredentials({ access_token: given });
        return client;
    }
    try {
        // A placeholder project id keeps google-auth-library from asking the network for one.
        const auth = new GoogleAuth({
            scopes: ['https://www.googleapis.com/auth/cloud-platform'],
            projectId: 'pullcheck-live-reads',
        });
        return await auth.getClient();
    }
    catch {
        return undefined;
    }
}


/***/ })

};
