export const id = 726;
export const ids = [726];
export const modules = {

/***/ 30726:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  collectAwsFacts: () => (/* binding */ collectAwsFacts)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(28249);
// EXTERNAL MODULE: ./lib/providers/aws/arn.js
var aws_arn = __webpack_require__(96639);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var client_ecs_dist_cjs = __webpack_require__(80212);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-eks/dist-cjs/index.js
var client_eks_dist_cjs = __webpack_require__(24524);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-iam/dist-cjs/index.js
var client_iam_dist_cjs = __webpack_require__(16764);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-organizations/dist-cjs/index.js
var client_organizations_dist_cjs = __webpack_require__(92503);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var client_sts_dist_cjs = __webpack_require__(71695);
;// CONCATENATED MODULE: ./lib/providers/aws/clients.js
// One SDK client per (service, region, credentials) for the whole of a live read: a client per resource
// cost a TCP and TLS connection and ~3.5 ms of CPU in set-up for every call. The clients share one pair of
// keep-alive agents, a socket per call in flight (the runner never has more than its concurrency), closed
// when the read ends. Calls go out without per-call options, so the SDK resolves a command's middleware
// stack once per client instead of on every call (cacheMiddleware: ~0.2 ms of CPU a call). Concurrent calls
// of one command then share the stack's context, which is safe here: what the middleware stores in it (the
// endpoint, the auth scheme, the identity) does not depend on a call's input for ECR, ECS, EKS, IAM, Organizations and STS. No
// abort signal reaches the SDK then, so the request handler enforces the runner's timeout itself.








class AwsClients {
    credentialsFor;
    clients = new Map();
    credentialIds = new WeakMap();
    lastId = 0;
    requestHandler;
    constructor(credentialsFor, limits) {
        this.credentialsFor = credentialsFor;
        const agent = { keepAlive: true, maxSockets: limits.concurrency };
        this.requestHandler = {
            requestTimeout: limits.timeoutMs,
            throwOnRequestTimeout: true,
            httpAgent: new external_node_http_.Agent(agent),
            httpsAgent: new external_node_https_.Agent(agent),
        };
    }
    ecr(account, region) {
        return this.client('ecr', account, region, (config) => new dist_cjs/* ECRClient */.S70(config));
    }
    ecs(account, region) {
        return this.client('ecs', account, region, (config) => new client_ecs_dist_cjs/* ECSClient */.Zgc(config));
    }
    eks(account, region) {
        return this.client('eks', account, region, (config) => new client_eks_dist_cjs/* EKSClient */.JQJ(config));
    }
    /** IAM is global: its endpoint is us-east-1's. */
    iam(account) {
        return this.client('iam', account, 'us-east-1', (config) => new client_iam_dist_cjs/* IAMClient */.h8v(config));
    }
    /** AWS Organizations is global too: its endpoint is us-east-1's. */
    organizations(account) {
        return this.client('organizations', account, 'us-east-1', (config) => new client_organizations_dist_cjs/* OrganizationsClient */.gnq(config));
    }
    /** STS, for whose session a set of credentials is (GetCallerIdentity), at us-east-1's endpoint as the others. */
    sts(account) {
        return this.client('sts', account, 'us-east-1', (config) => new client_sts_dist_cjs/* STSClient */.iM(config));
    }
    /** Closes every client's connections: the read is over. */
    destroy() {
        for (const client of this.clients.values())
            client.destroy();
        this.clients.clear();
        this.requestHandler.httpAgent.destroy();
        this.requestHandler.httpsAgent.destroy();
    }
    async client(service, account, region, create) {
        // Keyed by the credentials themselves: accounts read with the base session share its clients.
        const credentials = await this.credentialsFor(account);
        const key = `${service} ${region} ${this.idOf(credentials)}`;
        let client = this.clients.get(key);
        if (!client) {
            const { requestHandler } = this;
            client = create({ region, credentials, maxAttempts: 1, cacheMiddleware: true, requestHandler });
            this.clients.set(key, client);
        }
        return client;
    }
    idOf(credentials) {
        let id = this.credentialIds.get(credentials);
        if (id === undefined) {
            id = ++this.lastId;
            this.credentialIds.set(credentials, id);
        }
        return id;
    }
}

// EXTERNAL MODULE: ./lib/providers/aws/registry.js
var registry = __webpack_require__(19573);
// EXTERNAL MODULE: ./lib/providers/aws/facts.js + 2 modules
var facts = __webpack_require__(34067);
;// CONCATENATED MODULE: ./lib/providers/aws/collect-cluster.js
// Live reads of the pulling roles of EKS and ECS clusters: EKS node group roles, Fargate pod execution
// roles and the Auto Mode node role; ECS task execution roles of the target's services.



/** EKS: node group roles, Fargate pod execution roles, the Auto Mode node role. ECS: task execution roles. */
async function collectCluster(target, known, options) {
    if ((target.platform !== 'eks' && target.platform !== 'ecs') || !target.cluster || !target.region)
        return undefined;
    // ECS: the roles are those of the services the target lists, so they are part of what was read.
    const services = target.platform === 'ecs' ? [...new Set(target.services ?? [])].sort() : undefined;
    const where = {
        platform: target.platform,
        name: target.cluster,
        region: target.region,
        ...(target.account ? { account: target.account } : {}),
        ...(services ? { services } : {}),
    };
    if ((0,facts/* clusterFactsFor */.db)(known.clusters, where))
        return undefined;
    const roles = [];
    const run = (permission, resource, send) => options.runner.run({ key: `${permission} ${resource}`, permission, resource }, send);
    const fail = (message) => ({ ...where, roles, unreadable: message });
    const read = {
        target: target.cluster,
        region: target.region,
        account: target.account,
        clients: options.clients,
        run,
        roles,
    };
    const failed = target.platform === 'eks' ? await eksRoles(read) : await ecsRoles(read, services ?? []);
    if (failed === 'nothing to read')
        return undefined;
    if (failed !== undefined)
        return fail(failed);
    return { ...where, roles: [...new Set(roles)] };
}
/** EKS: the Auto Mode node role, node group roles, Fargate pod execution roles; a refusal's message, else undefined. */
async function eksRoles({ target: clusterName, region, account, clients, run, roles, }) {
    const resource = `cluster ${clusterName} in ${region}`;
    const eks = await clients.eks(account, region);
    const cluster = await run('eks:DescribeCluster', resource, () => eks.send(new client_eks_dist_cjs/* DescribeClusterCommand */.hV5({ name: clusterName })));
    if (!cluster.ok)
        return cluster.message;
    const autoModeRole = cluster.value.cluster
        ?.computeConfig?.nodeRoleArn;
    if (autoModeRole)
        roles.push(autoModeRole);
    // The node groups and the Fargate profiles are independent: both chains are in flight together.
    const [groupRoles, profileRoles] = await Promise.all([
        pagedRoles((nextToken) => run('eks:ListNodegroups', `${resource}#${nextToken ?? ''}`, () => eks.send(new client_eks_dist_cjs/* ListNodegroupsCommand */.eTy({ clusterName, maxResults: 100, nextToken }))), (page) => page.nodegroups, async (nodegroupName) => {
            const group = await run('eks:DescribeNodegroup', `node group ${nodegroupName} of ${resource}`, () => eks.send(new client_eks_dist_cjs/* DescribeNodegroupCommand */.Kmg({ clusterName, nodegroupName })));
            return group.ok ? group.value.nodegroup?.nodeRole : { unreadable: group.message };
        }),
        pagedRoles((nextToken) => run('eks:ListFargateProfiles', `${resource}#${nextToken ?? ''}`, () => eks.send(new client_eks_dist_cjs/* ListFargateProfilesCommand */.OU_({ clusterName, maxResults: 100, nextToken }))), (page) => page.fargateProfileNames, async (fargateProfileName) => {
            const profile = await run('eks:DescribeFargateProfile', `Fargate profile ${fargateProfileName} of ${resource}`, () => eks.send(new client_eks_dist_cjs/* DescribeFargateProfileCommand */.svP({ clusterName, fargateProfileName })));
            return profile.ok
                ? profile.value.fargateProfile?.podExecutionRoleArn
                : { unreadable: profile.message };
        }),
    ]);
    // A refusal is reported as when the reads went one after another: node groups first.
    for (const found of [groupRoles, profileRoles]) {
        if ('unreadable' in found)
            return found.unreadable;
        roles.push(...found.roles);
    }
    return undefined;
}
const NAME_PAGES = 20;
/**
 * The roles of every name a paged list gives (the names of one page described together), in the list's
 * order; or the first refusal. A list longer than NAME_PAGES pages is a refusal too: never a silent cut.
 */
async function pagedRoles(list, namesOf, roleOf) {
    const roles = [];
    let nextToken;
    for (let page = 0; page < NAME_PAGES; page++) {
        const listed = await list(nextToken);
        if (!listed.ok)
            return { unreadable: listed.message.replace(`#${nextToken ?? ''}`, '') };
        for (const role of await Promise.all((namesOf(listed.value) ?? []).map(roleOf))) {
            if (typeof role === 'object')
                return role;
            if (role)
                roles.push(role);
        }
        nextToken = listed.value.nextToken;
        if (!nextToken)
            return { roles };
    }
    return {
        unreadable: `more than ${NAME_PAGES} pages of node groups or Fargate profiles: pullcheck reads no further`,
    };
}
/** ECS: the task execution roles of the services' task definitions; a refusal's message, else undefined. */
async function ecsRoles({ target: clusterName, region, account, clients, run, roles }, services) {
    if (services.length === 0)
        return 'nothing to read';
    // The services are part of the call: two targets reading other services of one cluster are two calls.
    const resource = `services ${services.join(', ')} of cluster ${clusterName} in ${region}`;
    const ecs = await clients.ecs(account, region);
    const described = await run('ecs:DescribeServices', resource, () => ecs.send(new client_ecs_dist_cjs/* DescribeServicesCommand */.H7c({ cluster: clusterName, services: [...services] })));
    if (!described.ok)
        return described.message;
    // A service ECS does not find has no task definition to read: its role is not known, not absent.
    const failures = described.value.failures ?? [];
    if (failures.length > 0) {
        const which = failures.map((failure) => `${failure.arn ?? '?'} (${failure.reason ?? 'failed'})`);
        return `ecs:DescribeServices did not describe ${which.join(', ').slice(0, 300)}`;
    }
    for (const taskDefinition of new Set((described.value.services ?? []).flatMap((s) => (s.taskDefinition ? [s.taskDefinition] : [])))) {
        const definition = await run('ecs:DescribeTaskDefinition', taskDefinition, () => ecs.send(new client_ecs_dist_cjs/* DescribeTaskDefinitionCommand */.Zy$({ taskDefinition })));
        if (!definition.ok)
            return definition.message;
        if (definition.value.taskDefinition?.executionRoleArn)
            roles.push(definition.value.taskDefinition.executionRoleArn);
    }
    return undefined;
}

// EXTERNAL MODULE: ./lib/providers/aws/managed-policies.js + 1 modules
var managed_policies = __webpack_require__(56114);
;// CONCATENATED MODULE: ./lib/providers/aws/collect-role.js
// Live reads of an IAM role: its attached managed policies (AWS-managed ones by ARN when the built-in data
// holds their default version), its inline policies, and its permissions boundary.


const PAGE_LIMIT = 50;
/** `trust`: keep the role's trust policy too (a CI login assumes it: web-identity/). */
async function collectRole(arn, options, trust = false) {
    const account = /^arn:[^:]+:iam::(\d{12}):/.exec(arn)?.[1];
    const name = arn.slice(arn.lastIndexOf('/') + 1);
    const iam = await options.clients.iam(account);
    const run = (permission, resource, send) => options.runner.run({ key: `${permission} ${resource}`, permission, resource }, send);
    const unreadable = (message) => ({ arn, unreadable: message });
    const role = await run('iam:GetRole', arn, () => iam.send(new client_iam_dist_cjs/* GetRoleCommand */.kbp({ RoleName: name })));
    if (!role.ok)
        return unreadable(role.message);
    // The role exists: its attached policies, inline policies and boundary are independent reads, in flight
    // together; a refusal is reported in that order, as when they were read one after another.
    const boundaryArn = role.value.Role?.PermissionsBoundary?.PermissionsBoundaryArn;
    const [attached, inline, boundary] = await Promise.all([
        attachedPolicies(arn, name, run, iam),
        inlinePolicies(arn, name, run, iam),
        boundaryArn ? managedDocument(boundaryArn, run, iam) : undefined,
    ]);
    if ('unreadable' in attached)
        return unreadable(attached.unreadable);
    if ('unreadable' in inline)
        return unreadable(inline.unreadable);
    let permissionsBoundary = null;
    if (typeof boundary === 'string')
        permissionsBoundary = boundary;
    else if (boundary && 'unreadable' in boundary)
        return unreadable(boundary.unreadable);
    else if (boundary)
        permissionsBoundary = boundary.document;
    const policies = [...attached.documents, ...inline.documents];
    let trustPolicy;
    if (trust) {
        const read = policyDocument(role.value.Role?.AssumeRolePolicyDocument, `iam:GetRole on ${arn} (its trust policy)`);
        if ('unreadable' in read)
            return unreadable(read.unreadable);
        trustPolicy = read;
    }
    return {
        arn: role.value.Role?.Arn ?? arn,
        ...(attached.managedPolicies.length > 0 ? { managedPolicies: attached.managedPolicies } : {}),
        ...(policies.length > 0 ? { policies } : {}),
        permissionsBoundary,
        ...(trustPolicy ? { trustPolicy: trustPolicy.document } : {}),
    };
}
/**
 * Attached managed policies, page by page (a page's policies read together): ARNs kept for AWS-managed
 * data, documents otherwise, in the list's order; or the first refusal.
 */
async function attachedPolicies(arn, name, run, iam) {
    const managedPolicies = [];
    const documents = [];
    let marker;
    for (let page = 0; page < PAGE_LIMIT; page++) {
        const attached = await run('iam:ListAttachedRolePolicies', `${arn}#${marker ?? ''}`, () => iam.send(new client_iam_dist_cjs/* ListAttachedRolePoliciesCommand */.wfM({ RoleName: name, Marker: marker })));
        if (!attached.ok)
            return { unreadable: attached.message.replace(`#${marker ?? ''}`, '') };
        const read = await Promise.all((attached.value.AttachedPolicies ?? []).flatMap((policy) => policy.PolicyArn ? [managedDocument(policy.PolicyArn, run, iam)] : []));
        for (const document of read) {
            if (typeof document === 'string')
                managedPolicies.push(document);
            else if ('unreadable' in document)
                return document;
            else
                documents.push(document.document);
        }
        if (!attached.value.IsTruncated)
            return { managedPolicies, documents };
        marker = attached.value.Marker;
        if (!marker)
            return { unreadable: cutShort('attached policies', arn) };
    }
    return { unreadable: cutShort('attached policies', arn) };
}
/** Inline policies, page by page (a page's policies read together), in the list's order; or the first refusal. */
async function inlinePolicies(arn, name, run, iam) {
    const documents = [];
    let marker;
    for (let page = 0; page < PAGE_LIMIT; page++) {
        const names = await run('iam:ListRolePolicies', `${arn}#${marker ?? ''}`, () => iam.send(new client_iam_dist_cjs/* ListRolePoliciesCommand */.Y7N({ RoleName: name, Marker: marker })));
        if (!names.ok)
            return { unreadable: names.message.replace(`#${marker ?? ''}`, '') };
        const read = await Promise.all((names.value.PolicyNames ?? []).map((policyName) => run('iam:GetRolePolicy', `${arn} policy ${policyName}`, () => iam.send(new client_iam_dist_cjs/* GetRolePolicyCommand */.WHQ({ RoleName: name, PolicyName: policyName })))));
        for (const inline of read) {
            if (!inline.ok)
                return { unreadable: inline.message };
            const decoded = policyDocument(inline.value.PolicyDocument, `iam:GetRolePolicy on ${arn} (${inline.value.PolicyName ?? 'an inline policy'})`);
            if ('unreadable' in decoded)
                return decoded;
            documents.push(decoded.document);
        }
        if (!names.value.IsTruncated)
            return { documents };
        marker = names.value.Marker;
        if (!marker)
            return { unreadable: cutShort('inline policies', arn) };
    }
    return { unreadable: cutShort('inline policies', arn) };
}
/**
 * A list IAM says goes on that cannot be followed (no marker, or more than PAGE_LIMIT pages): the role's
 * policies are not known whole, so a Deny among the rest could be missed — unreadable, never cut short.
 */
function cutShort(list, arn) {
    return `the ${list} of ${arn} go on past what pullcheck reads (${PAGE_LIMIT} pages, or a page without its marker): give the role under facts.aws.roles`;
}
/**
 * An attached policy: an AWS-managed ARN stays an ARN when its default version is the one the built-in
 * data holds (no download); otherwise its default version's document is fetched.
 */
async function managedDocument(policyArn, run, iam) {
    const policy = await run('iam:GetPolicy', policyArn, () => iam.send(new client_iam_dist_cjs/* GetPolicyCommand */.s4W({ PolicyArn: policyArn })));
    if (!policy.ok)
        return { unreadable: policy.message };
    const versionId = policy.value.Policy?.DefaultVersionId;
    const builtIn = (0,managed_policies/* awsManagedPolicy */.HD)(policyArn);
    if (builtIn && builtIn.versionId === versionId)
        return policyArn;
    const version = await run('iam:GetPolicyVersion', `${policyArn} ${versionId ?? ''}`, () => iam.send(new client_iam_dist_cjs/* GetPolicyVersionCommand */.G45({ PolicyArn: policyArn, VersionId: versionId })));
    if (!version.ok)
        return { unreadable: version.message };
    return policyDocument(version.value.PolicyVersion?.Document, `iam:GetPolicyVersion on ${policyArn}`);
}
/**
 * IAM returns policy documents URL-encoded (IAM API reference, GetRolePolicy: "URL-encoded"). One that does
 * not decode to JSON is not known: the role is unreadable, naming the call, never a crash of the reads.
 */
function policyDocument(encoded, call) {
    if (!encoded)
        return { document: {} };
    try {
        const text = encoded.trimStart().startsWith('{') ? encoded : decodeURIComponent(encoded);
        return { document: JSON.parse(text) };
    }
    catch {
        return { unreadable: `${call} answered a document that is not URL-encoded JSON` };
    }
}

// EXTERNAL MODULE: ./lib/providers/aws/organization-facts.js
var organization_facts = __webpack_require__(38791);
;// CONCATENATED MODULE: ./lib/providers/aws/collect-organization.js
// Live reads of the SCPs and RCPs that apply to an account: DescribeOrganization with the account's own
// credentials (any member may; it answers for the caller, so never with another account's), then, with the management account's (auth.aws.roles may name a role there),
// ListParents up to the root and ListPoliciesForTarget (SCPs, RCPs) and DescribePolicy at every level.
// Only the management account or a delegated administrator may list policies: a refusal is written as
// `takenAsAbsent` (the layer is optional, and most CI roles may not read it), a failure (throttling, an
// error) as `unreadable`, which leaves every pull it could change unknown.



// Pages of attached policies are few (at most 5 SCPs a target).
const collect_organization_PAGE_LIMIT = 10;
/** What live reads found about the organizations of these accounts, in the config's facts format. */
async function collectOrganizations(accounts, options) {
    const run = (permission, resource, send) => options.runner.run({ key: `${permission} ${resource}`, permission, resource }, send);
    const read = await Promise.all(accounts.map((account) => collectAccount(account, run, options)));
    const organizations = new Map();
    for (const { organization, units } of read) {
        if (!organization)
            continue;
        const known = organizations.get(organization.id) ?? { ...organization, units: [] };
        for (const unit of units)
            if (!known.units.some((other) => other.id === unit.id))
                known.units.push(unit);
        organizations.set(organization.id, known);
    }
    return {
        accounts: read.map((entry) => entry.account),
        organizations: [...organizations.values()].map(({ units, ...organization }) => ({
            ...organization,
            ...(units.length > 0 ? { units } : {}),
        })),
    };
}
async function collectAccount(id, run, options) {
    const own = await ownClient(id, run, options);
    if (typeof own === 'string')
        return { account: { id, takenAsAbsent: own }, units: [] };
    if (own instanceof Failed)
        return { account: unreadable(id, own.failed), units: [] };
    const described = await run('organizations:DescribeOrganization', `account ${id}`, () => own.send(new client_organizations_dist_cjs/* DescribeOrganizationCommand */.ov$({})));
    if (!described.ok) {
        if (/AWSOrganizationsNotInUse/.test(described.message))
            return { account: { id, organizationId: null }, units: [] };
        return { account: unreadable(id, described), units: [] };
    }
    const organizationId = described.value.Organization?.Id;
    const management = described.value.Organization?.MasterAccountId;
    if (!organizationId || !management)
        return {
            account: { id, unreadable: 'DescribeOrganization answered without an organization' },
            units: [],
        };
    const organization = { id: organizationId, managementAccount: management };
    // "SCPs don't affect users or roles in the management account", nor RCPs its resources.
    if (id === management)
        return { account: { id, organizationId }, organization, units: [] };
    const client = await options.clients.organizations(management);
    const path = await pathOf(id, client, run);
    if (path instanceof Failed)
        return { account: { organizationId, ...unreadable(id, path.failed) }, units: [] };
    const levels = await Promise.all([id, ...path.parents].map((target) => policiesOf(target, client, run)));
    const failed = levels.find((level) => level instanceof Failed);
    if (failed)
        return { account: { organizationId, ...unreadable(id, failed.failed) }, organization, units: [] };
    const [own_, ...above] = levels;
    const units = path.parents.map((unit, i) => ({
        id: unit,
        ...(path.parents[i + 1] ? { parent: path.parents[i + 1] } : {}),
        ...above[i],
    }));
    return { account: { id, organizationId, parent: path.parents[0], ...own_ }, organization, units };
}
/**
 * A client with the account's own credentials: DescribeOrganization answers for the caller's account, so
 * another account's session would report its own organization (or none). A role auth.aws.roles names for
 * the account, or the base session when sts:GetCallerIdentity says it is the account's; else why not.
 */
async function ownClient(id, run, options) {
    if (options.roleAccounts.has(id))
        return options.clients.organizations(id);
    const sts = await options.clients.sts(undefined);
    const caller = await run('sts:GetCallerIdentity', 'the session', () => sts.send(new client_sts_dist_cjs/* GetCallerIdentityCommand */.zI({})));
    if (!caller.ok)
        return new Failed(caller);
    if (caller.value.Account === id)
        return options.clients.organizations(undefined);
    const session = caller.value.Account ? `account ${caller.value.Account}'s` : "another account's";
    return `no credentials of account ${id}: organizations:DescribeOrganization answers for the caller's own account, and the session is ${session}; name a role of account ${id} for it in auth.aws.roles`;
}
/** A call that failed on the way: what the account's entry then says. */
class Failed {
    failed;
    constructor(failed) {
        this.failed = failed;
    }
}
/** An account whose policies could not be read: refused, taken as absent; anything else, unknown. */
function unreadable(id, outcome) {
    // Paged calls carry their page in the key: the message names the resource only.
    const message = outcome.message.replace(/#[^ ]*/, '');
    return outcome.kind === 'denied' ? { id, takenAsAbsent: message } : { id, unreadable: message };
}
/** The OUs above the account, nearest first, the root last. */
async function pathOf(id, client, run) {
    const parents = [];
    let child = id;
    for (let depth = 0; depth < organization_facts/* MAX_ORGANIZATION_DEPTH */.nm; depth++) {
        const listed = await run('organizations:ListParents', child, () => client.send(new client_organizations_dist_cjs/* ListParentsCommand */.ZR({ ChildId: child })));
        if (!listed.ok)
            return new Failed(listed);
        const parent = listed.value.Parents?.[0];
        if (!parent?.Id)
            return { parents };
        parents.push(parent.Id);
        if (parent.Type === 'ROOT')
            return { parents };
        child = parent.Id;
    }
    return tooMany(`account ${id} is more than ${organization_facts/* MAX_ORGANIZATION_DEPTH */.nm} levels below its root`);
}
/** Reading stopped short: what was read is not all there is, so it decides nothing. */
function tooMany(message) {
    return new Failed({ ok: false, kind: 'failed', message: `${message}; pullcheck reads no further` });
}
/** A policy's document as DescribePolicy gave it: without one, what the level allows or denies is not known. */
function contentOf(id, content) {
    const failed = (what) => new Failed({
        ok: false,
        kind: 'failed',
        message: `organizations:DescribePolicy on ${id} answered ${what}`,
    });
    if (!content)
        return failed("without the policy's content");
    try {
        return JSON.parse(content);
    }
    catch {
        return failed('content that is not JSON');
    }
}
async function policiesOf(target, client, run) {
    const [scps, rcps] = await Promise.all([
        attached(target, 'SERVICE_CONTROL_POLICY', client, run),
        attached(target, 'RESOURCE_CONTROL_POLICY', client, run),
    ]);
    if (scps instanceof Failed)
        return scps;
    if (rcps instanceof Failed)
        return rcps;
    return {
        ...(scps.length > 0 ? { serviceControlPolicies: scps } : {}),
        ...(rcps.length > 0 ? { resourceControlPolicies: rcps } : {}),
    };
}
/** The policies of one type attached to a target: AWS-managed ones by ARN, the others' documents. */
async function attached(target, filter, client, run) {
    const policies = [];
    let next;
    for (let page = 0; page < collect_organization_PAGE_LIMIT; page++) {
        const listed = await run('organizations:ListPoliciesForTarget', `${target} ${filter}#${next ?? ''}`, () => client.send(new client_organizations_dist_cjs/* ListPoliciesForTargetCommand */.k$W({ TargetId: target, Filter: filter, NextToken: next })));
        // A policy type the organization has not enabled: none of that type applies.
        if (!listed.ok && /PolicyTypeNotEnabled/.test(listed.message))
            return [];
        if (!listed.ok)
            return new Failed(listed);
        const documents = await Promise.all((listed.value.Policies ?? []).map(async (summary) => {
            if (summary.AwsManaged && summary.Arn && (0,organization_facts/* managedControlPolicy */.bH)(summary.Arn))
                return summary.Arn;
            const described = await run('organizations:DescribePolicy', summary.Id ?? '', () => client.send(new client_organizations_dist_cjs/* DescribePolicyCommand */.nY2({ PolicyId: summary.Id })));
            if (!described.ok)
                return new Failed(described);
            return contentOf(summary.Id ?? '', described.value.Policy?.Content);
        }));
        const failed = documents.find((document) => document instanceof Failed);
        if (failed)
            return failed;
        policies.push(...documents);
        next = listed.value.NextToken;
        if (!next)
            return policies;
    }
    return tooMany(`${target} has more than ${collect_organization_PAGE_LIMIT} pages of attached ${filter}`);
}

// EXTERNAL MODULE: ./lib/providers/aws/web-identity/collect-oidc.js
var collect_oidc = __webpack_require__(79256);
;// CONCATENATED MODULE: ./lib/providers/aws/collect-registry-prefixes.js
// A registry's repository prefixes read page by page — its pull-through cache rules (pulls) and its
// repository creation templates applied on push (CI pushes) — or why they could not be read, which leaves
// every verdict they would change unknown rather than taken as having none.

const PAGES = 20;
async function readPrefixes(account, region, options, listing) {
    const ecr = await options.clients.ecr(account, region);
    const prefixes = [];
    let nextToken;
    for (let page = 0; page < PAGES; page++) {
        const read = await options.runner.run({
            key: `${listing.permission} ${account}/${region}#${nextToken ?? ''}`,
            permission: listing.permission,
            resource: `the registry of ${account} in ${region}`,
        }, () => listing.send(ecr, nextToken));
        if (!read.ok)
            return { unreadable: read.message };
        for (const prefix of listing.prefixesOf(read.value))
            if (prefix)
                prefixes.push(prefix);
        nextToken = read.value.nextToken;
        if (!nextToken)
            return { prefixes };
    }
    return {
        unreadable: `the registry has more than ${PAGES} pages of ${listing.what}; pullcheck reads no further`,
    };
}
function cacheRulePrefixes(account, region, options) {
    return readPrefixes(account, region, options, {
        permission: 'ecr:DescribePullThroughCacheRules',
        what: 'pull-through cache rules',
        send: (ecr, nextToken) => ecr.send(new dist_cjs/* DescribePullThroughCacheRulesCommand */.WZm({ nextToken })),
        prefixesOf: (page) => (page.pullThroughCacheRules ?? []).map((rule) => rule.ecrRepositoryPrefix),
    });
}
/** The prefixes of the templates applied for CREATE_ON_PUSH: a push there creates the repository. */
async function createOnPushPrefixes(account, region, options) {
    const read = await readPrefixes(account, region, options, {
        permission: 'ecr:DescribeRepositoryCreationTemplates',
        what: 'repository creation templates',
        send: (ecr, nextToken) => ecr.send(new dist_cjs/* DescribeRepositoryCreationTemplatesCommand */.v18({ nextToken })),
        prefixesOf: (page) => (page.repositoryCreationTemplates ?? []).map((template) => template.appliedFor?.includes('CREATE_ON_PUSH') ? template.prefix : undefined),
    });
    return 'prefixes' in read
        ? { createOnPushPrefixes: read.prefixes }
        : { creationTemplatesUnreadable: read.unreadable };
}

// EXTERNAL MODULE: ./lib/providers/aws/known-facts.js
var known_facts = __webpack_require__(2969);
;// CONCATENATED MODULE: ./lib/providers/aws/collect.js
// Live AWS reads: exactly the facts the ECR rule needs, in the config's `facts.aws` format, each resource
// once (CallRunner), for the resources the config does not already state. What cannot be read becomes
// `unreadable`, naming the permission. AWS_ENDPOINT_URL_<SERVICE> is honoured by the SDK clients.











async function collectAwsFacts(input, collectOptions) {
    const { runner } = collectOptions;
    const clients = new AwsClients(collectOptions.credentialsFor, runner);
    try {
        const roleAccounts = collectOptions.roleAccounts ?? new Set();
        return await collectWith(input, { runner, clients, roleAccounts });
    }
    finally {
        clients.destroy();
    }
}
async function collectWith(input, options) {
    const known = (0,known_facts/* knownKeys */.e)(input.known);
    // The repositories and registries do not wait for the clusters and roles: the runner keeps every
    // independent call in flight at once, up to its concurrency.
    const [{ found, roles, organizations }, repositories, registries, oidcProviders] = await Promise.all([
        clustersAndRoles(input, known, options).then(async (read) => ({
            ...read,
            organizations: await readOrganizations(input, read.roleArns, known, options),
        })),
        readRepositories(input, known, options),
        readRegistries(input, known, options),
        (0,collect_oidc/* readCiOidcProviders */.YK)(input.ciRoles?.logins ?? [], input.known, options),
    ]);
    return {
        ...(roles.length > 0 ? { roles } : {}),
        ...(repositories.length > 0 ? { repositories } : {}),
        ...(registries.length > 0 ? { registries } : {}),
        ...(found.length > 0 ? { clusters: found } : {}),
        ...(organizations.accounts.length > 0 ? { accounts: organizations.accounts } : {}),
        ...(organizations.organizations.length > 0 ? { organizations: organizations.organizations } : {}),
        ...(oidcProviders.length > 0 ? { oidcProviders } : {}),
    };
}
/**
 * The SCPs and RCPs of the accounts an ECR pull involves (the pulling roles', the repositories') that the
 * config does not state: SCPs restrict the roles, RCPs the repositories (control-policies.ts).
 */
function readOrganizations(input, roleArns, known, options) {
    const ecrImages = input.images.flatMap((image) => (0,registry/* ecrLocationOf */.BX)(image) ?? []);
    if (ecrImages.length === 0)
        return Promise.resolve({ accounts: [], organizations: [] });
    const accounts = new Set(ecrImages.map((image) => image.account));
    for (const arn of roleArns) {
        const account = (0,aws_arn/* parseRoleArn */.DM)(arn)?.account;
        if (account)
            accounts.add(account);
    }
    return collectOrganizations([...accounts].filter((account) => !known.accounts.has(account)), options);
}
/** The clusters' roles first (a cluster names roles), then every role the targets and clusters name. */
async function clustersAndRoles(input, known, options) {
    const clusters = await Promise.all(input.targets.map((target) => collectCluster(target, known, options)));
    const found = clusters.filter((cluster) => cluster !== undefined);
    const roleArns = new Set();
    for (const target of input.targets)
        if ('roles' in target)
            for (const role of target.roles ?? [])
                roleArns.add(role);
    // A kubernetes or k3s node's ecr-credential-provider pulls as its nodeRole.
    for (const target of input.targets)
        if ('nodeRole' in target && target.nodeRole)
            roleArns.add(target.nodeRole);
    for (const cluster of found)
        for (const role of cluster.roles)
            roleArns.add(role);
    // The CI path's roles: a login's is read with its trust policy.
    const logins = new Set((input.ciRoles?.logins ?? []).map((arn) => arn.toLowerCase()));
    for (const role of [...(input.ciRoles?.logins ?? []), ...(input.ciRoles?.pushes ?? [])])
        roleArns.add(role);
    const roles = await Promise.all([...new Map([...roleArns].map((arn) => [arn.toLowerCase(), arn])).values()]
        .filter((arn) => !known.roles.has(arn.toLowerCase()))
        .map((arn) => collectRole(arn, options, logins.has(arn.toLowerCase()))));
    return { found, roles, roleArns };
}
function readRepositories(input, known, options) {
    const ecrImages = input.images.flatMap((image) => (0,registry/* ecrLocationOf */.BX)(image) ?? []);
    return Promise.all([
        ...new Map(ecrImages.map((r) => [(0,aws_arn/* repositoryArn */.qM)(r.partition, r.region, r.account, r.repository), r])).entries(),
    ]
        .filter(([arn]) => !known.repositories.has(arn))
        .map(([arn, registry]) => collectRepository(arn, registry, options)));
}
function readRegistries(input, known, options) {
    const ecrImages = input.images.flatMap((image) => (0,registry/* ecrLocationOf */.BX)(image) ?? []);
    return Promise.all([...new Map(ecrImages.map((r) => [`${r.account}/${r.region}`, r])).values()]
        .filter((r) => !known.registries.has(`${r.account}/${r.region}`))
        .map(async (r) => {
        const read = await collectRegistry(r.account, r.region, options);
        const pushedTo = input.ciRoles?.pushRegistries?.includes(`${r.account}/${r.region}`);
        return pushedTo && read.unreadable === undefined
            ? { ...read, ...(await createOnPushPrefixes(r.account, r.region, options)) }
            : read;
    }));
}
async function collectRepository(arn, registry, options) {
    const ecr = await options.clients.ecr(registry.account, registry.region);
    const result = await options.runner.run({ key: `ecr:GetRepositoryPolicy ${arn}`, permission: 'ecr:GetRepositoryPolicy', resource: arn }, () => ecr.send(new dist_cjs/* GetRepositoryPolicyCommand */.MeN({ registryId: registry.account, repositoryName: registry.repository })));
    if (result.ok)
        return { arn, ...policyJson(result.value.policyText, `ecr:GetRepositoryPolicy on ${arn}`) };
    // RepositoryPolicyNotFoundException: the repository exists without a policy.
    if (result.kind === 'missing' && /RepositoryPolicyNotFound/.test(result.message))
        return { arn, policy: null };
    // RepositoryNotFoundException: a pull-through cache creates it on the first pull; anything else fails.
    if (result.kind === 'missing')
        return { arn, exists: false };
    return { arn, unreadable: result.message };
}
async function collectRegistry(account, region, options) {
    const ecr = await options.clients.ecr(account, region);
    const resource = `the registry of ${account} in ${region}`;
    const run = (permission, send) => options.runner.run({ key: `${permission} ${account}/${region}`, permission, resource }, send);
    const policy = await run('ecr:GetRegistryPolicy', () => ecr.send(new dist_cjs/* GetRegistryPolicyCommand */.J9O({})));
    const base = { account, region };
    let registryPolicy = null;
    if (policy.ok) {
        const read = policyJson(policy.value.policyText, `ecr:GetRegistryPolicy on ${resource}`);
        if ('unreadable' in read)
            return { ...base, ...read };
        registryPolicy = read.policy;
    }
    else if (!(policy.kind === 'missing'))
        return { ...base, unreadable: policy.message };
    // Readable: the scope and the pull-through cache rules are independent, read together.
    const [scope, rules] = await Promise.all([
        run('ecr:GetAccountSetting', () => ecr.send(new dist_cjs/* GetAccountSettingCommand */.pn5({ name: 'REGISTRY_POLICY_SCOPE' }))),
        cacheRulePrefixes(account, region, options),
    ]);
    const value = scope.ok ? scope.value.value : undefined;
    const prefixes = 'prefixes' in rules ? rules.prefixes : [];
    return {
        ...base,
        ...(value === 'V1' || value === 'V2' ? { scope: value } : {}),
        policy: registryPolicy,
        ...(prefixes.length > 0 ? { pullThroughCachePrefixes: prefixes } : {}),
        ...('unreadable' in rules ? { pullThroughCacheUnreadable: rules.unreadable } : {}),
    };
}
/** ECR's policyText as JSON (none: no policy); text that is not JSON makes the policy unreadable, naming the call. */
function policyJson(text, call) {
    if (!text)
        return { policy: null };
    try {
        return { policy: JSON.parse(text) };
    }
    catch {
        return { unreadable: `${call} answered a policy that is not JSON` };
    }
}


/***/ }),

/***/ 2969:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ knownKeys)
/* harmony export */ });
function knownKeys(facts) {
    return {
        roles: new Set((facts.roles ?? []).map((role) => role.arn.toLowerCase())),
        repositories: new Set((facts.repositories ?? []).map((repository) => repository.arn)),
        registries: new Set((facts.registries ?? []).map((registry) => `${registry.account}/${registry.region}`)),
        clusters: facts.clusters ?? [],
        // Accounts whose SCPs and RCPs the config states (an account stated only for aws:PrincipalOrgID is read
        // live, and joined into its entry: live-facts.ts), and the management accounts it names.
        accounts: new Set([
            ...(facts.accounts ?? []).filter(controlsStated).map((account) => account.id),
            ...(facts.organizations ?? []).flatMap((org) => org.managementAccount ?? []),
        ]),
    };
}
/** The account's entry says what its SCPs and RCPs are, or that none apply, or why they are not known. */
function controlsStated(account) {
    return (account.organizationId === null ||
        ['parent', 'serviceControlPolicies', 'resourceControlPolicies', 'unreadable', 'takenAsAbsent'].some((key) => account[key] !== undefined));
}


/***/ }),

/***/ 79256:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YK: () => (/* binding */ readCiOidcProviders),
/* harmony export */   s_: () => (/* binding */ githubProviderArn)
/* harmony export */ });
/* unused harmony export collectOidcProviders */
/* harmony import */ var _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(16764);
/* harmony import */ var _arn_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(96639);
/* harmony import */ var _keys_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(15756);
// Live reads of the IAM OIDC providers CI logins need: per account of a login's role, the providers whose
// issuer is GitHub Actions' (token.actions.githubusercontent.com, or an enterprise's /slug under it), with
// their client IDs. One the account does not have is written `exists: false`; a refusal makes it unreadable.



/** The provider ARN a login's role in `account` of `partition` needs. */
const githubProviderArn = (partition, account) => `arn:${partition}:iam::${account}:oidc-provider/${_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .GITHUB_ISSUER */ .oX}`;
/** The providers of the accounts of the roles CI logs in as, less those the config states. */
function readCiOidcProviders(loginRoles, known, options) {
    const accounts = new Map();
    for (const arn of loginRoles) {
        const role = (0,_arn_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRoleArn */ .DM)(arn);
        if (role)
            accounts.set(`${role.partition}/${role.account}`, role);
    }
    const stated = new Set((known.oidcProviders ?? []).map((provider) => provider.arn.toLowerCase()));
    return collectOidcProviders([...accounts.values()], stated, options);
}
async function collectOidcProviders(accounts, known, options) {
    const read = await Promise.all(accounts.map((where) => accountProviders(where, known, options)));
    return read.flat();
}
async function accountProviders(where, known, options) {
    const wanted = githubProviderArn(where.partition, where.account);
    if (known.has(wanted.toLowerCase()))
        return []; // stated: used as given
    const iam = await options.clients.iam(where.account);
    const resource = `the IAM OIDC providers of ${where.account}`;
    const listed = await options.runner.run({
        key: `iam:ListOpenIDConnectProviders ${where.account}`,
        permission: 'iam:ListOpenIDConnectProviders',
        resource,
    }, () => iam.send(new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_2__/* .ListOpenIDConnectProvidersCommand */ .vfi({})));
    if (!listed.ok)
        return [{ arn: wanted, unreadable: listed.message }];
    const arns = (listed.value.OpenIDConnectProviderList ?? [])
        .flatMap((entry) => (entry.Arn ? [entry.Arn] : []))
        .filter((arn) => isGithubProvider(arn, wanted) && !known.has(arn.toLowerCase()));
    const providers = await Promise.all(arns.map((arn) => providerFacts(arn, options, where.account)));
    const found = arns.some((arn) => arn.toLowerCase() === wanted.toLowerCase());
    if (!found)
        providers.push({ arn: wanted, exists: false });
    return providers;
}
function isGithubProvider(arn, wanted) {
    const lower = arn.toLowerCase();
    return lower === wanted.toLowerCase() || lower.startsWith(`${wanted.toLowerCase()}/`);
}
async function providerFacts(arn, options, account) {
    const iam = await options.clients.iam(account);
    const provider = await options.runner.run({ key: `iam:GetOpenIDConnectProvider ${arn}`, permission: 'iam:GetOpenIDConnectProvider', resource: arn }, () => iam.send(new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_2__/* .GetOpenIDConnectProviderCommand */ .cCT({ OpenIDConnectProviderArn: arn })));
    if (!provider.ok)
        return provider.kind === 'missing' ? { arn, exists: false } : { arn, unreadable: provider.message };
    return { arn, clientIds: provider.value.ClientIDList ?? [] };
}


/***/ })

};
