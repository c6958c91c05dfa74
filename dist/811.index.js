export const id = 811;
export const ids = [811];
export const modules = {

/***/ 18811:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readLiveFacts: () => (/* binding */ readLiveFacts)
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

// EXTERNAL MODULE: ./lib/providers/aws/platforms.js
var platforms = __webpack_require__(59812);
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







const CREDENTIAL_HINTS = {
    aws: 'configure AWS credentials: environment variables, a profile or SSO',
    google: 'use Application Default Credentials: gcloud auth application-default login',
};
async function readLiveFacts(config, setup = {}) {
    const runner = setup.runner ?? new CallRunner({ concurrency: setup.concurrency ?? 8 });
    const plan = (0,core_plan/* buildPlan */.G)(config);
    const notes = [];
    const facts = {};
    const targets = config.input.targets ?? [];
    const needsAws = plan.images.some((image) => image.registry.kind === 'ecr') ||
        targets.some((t) => platforms/* AWS_PLATFORMS */.j.has(t.platform));
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
            notes.push(`no AWS credentials: AWS facts come from the config only (${(setup.credentialHints ?? CREDENTIAL_HINTS).aws})`);
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
            notes.push(`no Google credentials: Google Cloud facts come from the config only (${(setup.credentialHints ?? CREDENTIAL_HINTS).google})`);
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


/***/ })

};
