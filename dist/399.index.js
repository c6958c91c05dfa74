export const id = 399;
export const ids = [399,418,131];
export const modules = {

/***/ 50418:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  M: () => (/* binding */ ciReads),
  readLiveFacts: () => (/* binding */ readLiveFacts)
});

;// CONCATENATED MODULE: ./lib/core/call-runner.js
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
    /** At most this many calls are in flight at once. */
    get concurrency() {
        return this.options.concurrency;
    }
    /** How long one attempt may take. */
    get timeoutMs() {
        return this.options.timeoutMs;
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
            // The timeout holds whether or not `send` heeds the signal: an SDK whose own timeout stops at the
            // response headers would otherwise wait for ever on a body that never ends.
            const timedOut = new Promise((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true }));
            return { ok: true, value: await Promise.race([send(controller.signal), timedOut]) };
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

// EXTERNAL MODULE: ./lib/core/plan.js
var plan = __webpack_require__(73504);
// EXTERNAL MODULE: ./lib/providers/index.js + 3 modules
var providers = __webpack_require__(68308);
// EXTERNAL MODULE: ./lib/core/image-reference.js
var image_reference = __webpack_require__(60814);
// EXTERNAL MODULE: ./lib/core/registries.js
var registries = __webpack_require__(40212);
;// CONCATENATED MODULE: ./lib/check/live-reads.js





async function readLiveFacts(config, setup = {}) {
    const runner = setup.runner ?? new CallRunner({ concurrency: setup.concurrency ?? 8 });
    const context = {
        config,
        plan: (0,plan/* buildPlan */.G)(config, providers/* registries */.Yq),
        runner,
        credentials: setup.credentials ?? {},
        credentialHints: setup.credentialHints ?? {},
        ...ciReads(setup.ci ?? [], config),
    };
    // Every cloud at once, through the one runner (its concurrency bounds them together); results in list order.
    const results = await Promise.all(providers/* providers */.r5.map(async (provider) => provider.liveReads ? { provider, result: await (await provider.liveReads()).read(context) } : undefined));
    const facts = {};
    const notes = [];
    for (const entry of results) {
        if (entry?.result?.facts)
            facts[entry.provider.name] = entry.result.facts;
        notes.push(...(entry?.result?.notes ?? []));
    }
    return { facts: facts, notes, calls: runner.sent, reads: runner.reads };
}
/**
 * The logins live reads decide, and the pushes with the principal each provider's login gives: an IAM
 * role pushes as itself, a Google login as the service account it impersonates.
 */
function ciReads(sites, config) {
    const logins = sites.flatMap((site) => ('unresolved' in site.login ? [] : [site.login]));
    if (logins.length === 0)
        return {};
    const locate = (0,registries/* registryLocator */.y)(providers/* registries */.Yq, config.input.targets);
    const pushes = sites.flatMap((site) => {
        if ('unresolved' in site.login)
            return [];
        const account = site.login.with['service_account'];
        const principal = site.login.provider === 'aws' ? site.login.identity : account ? `serviceAccount:${account}` : undefined;
        if (!principal)
            return [];
        return site.pushes.flatMap(({ image }) => {
            try {
                return [{ image: (0,image_reference/* parseImageReference */.o_)(image, locate), principal }];
            }
            catch (error) {
                if (error instanceof image_reference/* ImageReferenceError */.rI)
                    return [];
                throw error;
            }
        });
    });
    return { ciLogins: logins, ciPushes: pushes };
}


/***/ }),

/***/ 39399:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  permissionsCommand: () => (/* binding */ permissionsCommand)
});

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./lib/core/plan.js
var core_plan = __webpack_require__(73504);
// EXTERNAL MODULE: ./lib/check/ci-sites.js
var ci_sites = __webpack_require__(19035);
// EXTERNAL MODULE: ./lib/check/live-reads.js + 1 modules
var live_reads = __webpack_require__(50418);
// EXTERNAL MODULE: ./lib/providers/index.js + 3 modules
var providers = __webpack_require__(68308);
// EXTERNAL MODULE: ./lib/providers/aws/arn.js
var aws_arn = __webpack_require__(96639);
// EXTERNAL MODULE: ./lib/providers/aws/live-reads.js + 1 modules
var aws_live_reads = __webpack_require__(88131);
// EXTERNAL MODULE: ./lib/providers/aws/known-facts.js
var known_facts = __webpack_require__(2969);
// EXTERNAL MODULE: ./lib/providers/aws/registry.js
var registry = __webpack_require__(19573);
// EXTERNAL MODULE: ./lib/providers/aws/facts.js + 2 modules
var facts = __webpack_require__(34067);
// EXTERNAL MODULE: ./lib/providers/aws/web-identity/collect-oidc.js
var collect_oidc = __webpack_require__(79256);
// EXTERNAL MODULE: ./lib/core/wildcard.js
var wildcard = __webpack_require__(50773);
;// CONCATENATED MODULE: ./lib/permissions/aws-read-calls.js
// Every AWS call the live reads send (src/providers/aws/collect*.ts, web-identity/collect-oidc.ts), the IAM
// action it needs and the resource type the action can be scoped to. One table: the policy generator
// builds from it, and a test fails when a collector sends a command the table lacks.
// Resource types: AWS Service Authorization Reference, "Actions, resources, and condition keys for …"
//   ECR: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerregistry.html
//   IAM: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html
//   EKS: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelastickubernetesservice.html
//   ECS: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html
//   Organizations: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsorganizations.html
//   STS: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html
/** By SDK command name (`GetRoleCommand` → `GetRole`), as the collectors send them. */
const AWS_READ_CALLS = {
    // ECR: the repository policy is per repository; the registry-wide reads support only `*`.
    GetRepositoryPolicy: { action: 'ecr:GetRepositoryPolicy', resource: 'repository' },
    GetRegistryPolicy: { action: 'ecr:GetRegistryPolicy', resource: '*' },
    GetAccountSetting: { action: 'ecr:GetAccountSetting', resource: '*' },
    DescribePullThroughCacheRules: { action: 'ecr:DescribePullThroughCacheRules', resource: '*' },
    DescribeRepositoryCreationTemplates: { action: 'ecr:DescribeRepositoryCreationTemplates', resource: '*' },
    // IAM: role reads on the role ARN; managed policies (unknown until the role is read) on policy ARNs.
    GetRole: { action: 'iam:GetRole', resource: 'role' },
    ListAttachedRolePolicies: { action: 'iam:ListAttachedRolePolicies', resource: 'role' },
    ListRolePolicies: { action: 'iam:ListRolePolicies', resource: 'role' },
    GetRolePolicy: { action: 'iam:GetRolePolicy', resource: 'role' },
    GetPolicy: { action: 'iam:GetPolicy', resource: 'policy' },
    GetPolicyVersion: { action: 'iam:GetPolicyVersion', resource: 'policy' },
    ListOpenIDConnectProviders: { action: 'iam:ListOpenIDConnectProviders', resource: '*' },
    GetOpenIDConnectProvider: { action: 'iam:GetOpenIDConnectProvider', resource: 'oidc-provider' },
    // EKS: list calls are on the cluster; node groups and Fargate profiles have their own ARNs.
    DescribeCluster: { action: 'eks:DescribeCluster', resource: 'cluster' },
    ListNodegroups: { action: 'eks:ListNodegroups', resource: 'cluster' },
    DescribeNodegroup: { action: 'eks:DescribeNodegroup', resource: 'nodegroup' },
    ListFargateProfiles: { action: 'eks:ListFargateProfiles', resource: 'cluster' },
    DescribeFargateProfile: { action: 'eks:DescribeFargateProfile', resource: 'fargateprofile' },
    // ECS: DescribeServices on the service ARN; DescribeTaskDefinition supports only `*`.
    DescribeServices: { action: 'ecs:DescribeServices', resource: 'service' },
    DescribeTaskDefinition: { action: 'ecs:DescribeTaskDefinition', resource: '*' },
    // Organizations: DescribeOrganization only `*`; the others take account/OU/root/policy ARNs that hold
    // the organization's ID, which the config does not know, so `*`.
    DescribeOrganization: { action: 'organizations:DescribeOrganization', resource: '*' },
    ListParents: { action: 'organizations:ListParents', resource: '*' },
    ListPoliciesForTarget: { action: 'organizations:ListPoliciesForTarget', resource: '*' },
    DescribePolicy: { action: 'organizations:DescribePolicy', resource: '*' },
    // STS: "No permissions are required to perform this operation" (GetCallerIdentity API reference): no entry
    // in the policy. AssumeRole (auth.aws.roles) is in the base session's policy, on the roles it names.
    GetCallerIdentity: { action: 'sts:GetCallerIdentity', resource: '*' },
    AssumeRole: { action: 'sts:AssumeRole', resource: 'role' },
};
/** The actions of these calls. */
function actionsOf(...names) {
    return names.map((name) => AWS_READ_CALLS[name].action);
}

;// CONCATENATED MODULE: ./lib/permissions/aws-read-policy.js
// The IAM policies the AWS live reads of a plan need: one per identity that reads (the base session, and
// each role `auth.aws.roles` names for an account, which reads that account's resources), each statement
// scoped to the plan's repositories, roles and clusters where the action allows it (aws-read-calls.ts).
// What the config states under `facts.aws` is never read, so it needs no permission.








/** The base session (whatever credentials the check runs with), or a role of auth.aws.roles. */
const BASE_SESSION = 'base session';
/** Statements by principal; a principal's statements by Sid, resources joined. */
class PolicyBuilder {
    roles;
    byPrincipal = new Map();
    constructor(roles) {
        this.roles = roles;
    }
    /** The identity that reads `account`'s resources (live-reads.ts accountCredentials). */
    principalOf(account) {
        return (account !== undefined && this.roles[account]) || BASE_SESSION;
    }
    add(account, sid, actions, resources) {
        const principal = this.principalOf(account);
        const entry = this.byPrincipal.get(principal) ?? { accounts: new Set(), grants: new Map() };
        if (account !== undefined)
            entry.accounts.add(account);
        const grant = entry.grants.get(sid) ?? { sid, actions, resources: new Set() };
        for (const resource of resources)
            grant.resources.add(resource);
        entry.grants.set(sid, grant);
        this.byPrincipal.set(principal, entry);
    }
    policies() {
        return [...this.byPrincipal.entries()].map(([principal, { accounts, grants }]) => ({
            principal,
            accounts: [...accounts].sort(),
            document: {
                Version: '2012-10-17',
                Statement: [...grants.values()].map((grant) => ({
                    Sid: grant.sid,
                    Effect: 'Allow',
                    Action: [...grant.actions],
                    Resource: withoutCovered([...grant.resources]).sort(),
                })),
            },
        }));
    }
}
/** A resource another one's wildcard already covers (`role/x` beside `role/*`) is left out: same access. */
function withoutCovered(resources) {
    return resources.filter((resource) => !resources.some((other) => other !== resource && (0,wildcard/* wildcardMatches */.w)(other, resource)));
}
function awsReadPolicies(plan) {
    const roles = plan.config.input.auth?.aws?.roles ?? {};
    const known = (0,known_facts/* knownKeys */.e)(plan.config.input.facts?.aws ?? {});
    const builder = new PolicyBuilder(roles);
    const ci = (0,aws_live_reads.ciPath)(plan);
    const images = [...new Set([...plan.plan.targets.flatMap((target) => target.images), ...ci.images])];
    const ecr = images.flatMap((image) => (0,registry/* ecrLocationOf */.BX)(image) ?? []);
    const targets = (0,aws_live_reads.withExecutionRoles)(plan.config);
    const clusterAccounts = clusterReads(targets, known, builder);
    const roleArns = roleReads(targets, ci, known, builder);
    registryReads(ecr, ci.registries, known, builder);
    organizationReads(ecr, [...roleArns, ...clusterAccounts], roles, known, builder);
    oidcProviderReads(ci.logins, plan.config.input.facts?.aws?.oidcProviders ?? [], builder);
    // Roles of other accounts are assumed by the base session (fromTemporaryCredentials: sts:AssumeRole).
    const assumed = Object.values(roles).filter((arn) => builder.byPrincipal.has(arn));
    if (assumed.length > 0)
        builder.add(undefined, 'AssumeReadRoles', actionsOf('AssumeRole'), assumed);
    return builder.policies();
}
/** EKS and ECS clusters the config does not state; the accounts their roles are read in. */
function clusterReads(targets, known, builder) {
    const accounts = [];
    for (const target of targets) {
        if ((target.platform !== 'eks' && target.platform !== 'ecs') || !target.cluster || !target.region)
            continue;
        const services = target.platform === 'ecs' ? [...new Set(target.services ?? [])].sort() : undefined;
        if (target.platform === 'ecs' && services?.length === 0)
            continue;
        const where = { platform: target.platform, name: target.cluster, region: target.region };
        const account = target.account;
        if ((0,facts/* clusterFactsFor */.db)(known.clusters, {
            ...where,
            ...(account ? { account } : {}),
            ...(services ? { services } : {}),
        }))
            continue;
        const arn = (type, rest) => `arn:${(0,registry/* awsPartition */.wn)(target.region)}:${target.platform}:${target.region}:${account ?? '*'}:${type}/${rest}`;
        const cluster = target.cluster;
        if (target.platform === 'eks') {
            builder.add(account, 'ReadEksClusters', actionsOf('DescribeCluster', 'ListNodegroups', 'ListFargateProfiles'), [arn('cluster', cluster)]);
            builder.add(account, 'ReadEksNodegroups', actionsOf('DescribeNodegroup'), [
                arn('nodegroup', `${cluster}/*/*`),
            ]);
            builder.add(account, 'ReadEksFargateProfiles', actionsOf('DescribeFargateProfile'), [
                arn('fargateprofile', `${cluster}/*/*`),
            ]);
        }
        else {
            builder.add(account, 'ReadEcsServices', actionsOf('DescribeServices'), (services ?? []).map((s) => arn('service', `${cluster}/${s}`)));
            builder.add(account, 'ReadEcsTaskDefinitions', actionsOf('DescribeTaskDefinition'), ['*']);
        }
        // The roles the cluster names are known only once it is read: any role of its account.
        roleRead(`arn:${(0,registry/* awsPartition */.wn)(target.region)}:iam::${account ?? '*'}:role/*`, account, builder);
        accounts.push(account ?? '*');
    }
    return accounts;
}
/** The roles the targets and the CI path name, less those the config states; their ARNs. */
function roleReads(targets, ci, known, builder) {
    const arns = new Map();
    for (const target of targets) {
        if ('roles' in target)
            for (const role of target.roles ?? [])
                arns.set(role.toLowerCase(), role);
        if ('nodeRole' in target && target.nodeRole)
            arns.set(target.nodeRole.toLowerCase(), target.nodeRole);
    }
    for (const role of [...ci.logins, ...ci.pushes])
        arns.set(role.toLowerCase(), role);
    const read = [...arns.entries()].filter(([lower]) => !known.roles.has(lower)).map(([, arn]) => arn);
    for (const arn of read)
        roleRead(arn, (0,aws_arn/* parseRoleArn */.DM)(arn)?.account, builder);
    return read;
}
/** A role's reads: the role, its inline policies, and its managed policies and boundary (unknown until read). */
function roleRead(arn, account, builder) {
    const partition = /^arn:([^:]+):/.exec(arn)?.[1] ?? 'aws';
    builder.add(account, 'ReadRoles', actionsOf('GetRole', 'ListAttachedRolePolicies', 'ListRolePolicies', 'GetRolePolicy'), [arn]);
    builder.add(account, 'ReadManagedPolicies', actionsOf('GetPolicy', 'GetPolicyVersion'), [
        `arn:${partition}:iam::${account ?? '*'}:policy/*`,
        `arn:${partition}:iam::aws:policy/*`,
    ]);
}
function registryReads(ecr, pushRegistries, known, builder) {
    for (const r of ecr) {
        const arn = `arn:${r.partition}:ecr:${r.region}:${r.account}:repository/${r.repository}`;
        if (!known.repositories.has(arn))
            builder.add(r.account, 'ReadRepositoryPolicies', actionsOf('GetRepositoryPolicy'), [arn]);
        const registry = `${r.account}/${r.region}`;
        if (known.registries.has(registry))
            continue;
        builder.add(r.account, 'ReadRegistrySettings', actionsOf('GetRegistryPolicy', 'GetAccountSetting', 'DescribePullThroughCacheRules'), ['*']);
        if (pushRegistries.includes(registry))
            builder.add(r.account, 'ReadCreationTemplates', actionsOf('DescribeRepositoryCreationTemplates'), [
                '*',
            ]);
    }
}
/**
 * SCPs and RCPs (collect-organization.ts), read when an ECR image is pulled: DescribeOrganization with each
 * account's own credentials, then the listing with the management account's, which is not known here (the
 * base session's, unless auth.aws.roles names a role of it). A refusal of these is taken as absent.
 */
function organizationReads(ecr, readAccounts, roles, known, builder) {
    if (ecr.length === 0)
        return;
    const accounts = new Set([
        ...ecr.map((r) => r.account),
        ...readAccounts.map((arn) => (0,aws_arn/* parseRoleArn */.DM)(arn)?.account ?? arn).filter((a) => /^\d{12}$/.test(a)),
    ]);
    const unread = [...accounts].filter((account) => !known.accounts.has(account));
    if (unread.length === 0)
        return;
    for (const account of unread)
        builder.add(roles[account] ? account : undefined, 'ReadOrganization', actionsOf('DescribeOrganization'), [
            '*',
        ]);
    builder.add(undefined, 'ReadOrganizationControls', actionsOf('ListParents', 'ListPoliciesForTarget', 'DescribePolicy'), ['*']);
}
/** The GitHub OIDC provider of each CI login role's account (web-identity/collect-oidc.ts). */
function oidcProviderReads(logins, stated, builder) {
    const known = new Set(stated.map((provider) => provider.arn.toLowerCase()));
    for (const arn of logins) {
        const role = (0,aws_arn/* parseRoleArn */.DM)(arn);
        if (!role)
            continue;
        const wanted = (0,collect_oidc/* githubProviderArn */.s_)(role.partition, role.account);
        if (known.has(wanted.toLowerCase()))
            continue;
        builder.add(role.account, 'ListOidcProviders', actionsOf('ListOpenIDConnectProviders'), ['*']);
        // GitHub Enterprise's issuer adds /SLUG to the provider's ARN.
        builder.add(role.account, 'ReadOidcProviders', actionsOf('GetOpenIDConnectProvider'), [
            wanted,
            `${wanted}/*`,
        ]);
    }
}

// EXTERNAL MODULE: ./lib/providers/gcp/registry.js
var gcp_registry = __webpack_require__(73280);
;// CONCATENATED MODULE: ./lib/permissions/gcp-read-role.js
// The Google custom role the Google live reads need (src/providers/gcp/: google-apis.ts, deny-reads.ts,
// pab-reads.ts, workload-identity/wif-reads.ts): every permission a collector names to the CallRunner.
// Permissions per API method: https://cloud.google.com/iam/docs/permissions-reference

/** Each permission the Google live reads use, and the method that needs it. */
const GCP_READ_PERMISSIONS = {
    'artifactregistry.repositories.getIamPolicy': 'artifactregistry.repositories.getIamPolicy (repository policy)',
    'storage.buckets.getIamPolicy': 'storage.buckets.getIamPolicy (gcr.io on Cloud Storage)',
    'resourcemanager.projects.get': 'projects.get (project number and parent)',
    'resourcemanager.projects.getIamPolicy': 'projects.getIamPolicy',
    'resourcemanager.folders.getIamPolicy': 'folders.getIamPolicy (inherited grants)',
    'resourcemanager.organizations.getIamPolicy': 'organizations.getIamPolicy (inherited grants)',
    'container.clusters.get': 'projects.locations.clusters.get / nodePools.list (node service accounts)',
    'iam.denypolicies.list': 'policies.listPolicies (deny policies, IAM v2)',
    'iam.denypolicies.get': 'policies.get (deny policies, IAM v2)',
    'iam.policybindings.list': 'policyBindings.searchTargetPolicyBindings (principal access boundaries)',
    'iam.principalaccessboundarypolicies.get': 'principalAccessBoundaryPolicies.get',
    'iam.serviceAccounts.getIamPolicy': 'serviceAccounts.getIamPolicy (who may impersonate: CI logins)',
    'iam.workloadIdentityPoolProviders.get': 'workloadIdentityPools.providers.get (CI logins)',
    'iam.workloadIdentityPools.get': 'workloadIdentityPools.get (CI logins)',
};
const ORGANIZATION_ONLY = new Set([
    'resourcemanager.folders.getIamPolicy',
    'resourcemanager.organizations.getIamPolicy',
]);
/** undefined when the plan reads nothing from Google Cloud (gcp/live-reads.ts decides the same way). */
function gcpReadRole(plan) {
    const targets = plan.config.input.targets ?? [];
    const images = [...plan.plan.images, ...(plan.ciPushes ?? []).map((push) => push.image)];
    const locations = images.flatMap((image) => (0,gcp_registry/* googleLocationOf */.MF)(image) ?? []);
    const gke = targets.flatMap((target) => target.platform === 'gke' && target.project ? [target.project] : []);
    const logins = (plan.ciLogins ?? []).filter((login) => login.provider === 'gcp');
    const cloudRun = targets.some((target) => target.platform === 'cloud-run');
    if (locations.length === 0 && gke.length === 0 && logins.length === 0 && !cloudRun)
        return undefined;
    // CI logins: the provider's project (by number) and the service account's project are read too.
    const loginProjects = logins.flatMap((login) => [
        ...(/^projects\/([^/]+)\//.exec(login.identity)?.slice(1) ?? []),
        ...(/@([^.@]+)\.iam\.gserviceaccount\.com$/.exec(login.with['service_account'] ?? '')?.slice(1) ?? []),
    ]);
    const projects = [
        ...new Set([...locations.map((l) => l.project.replace('/', ':')), ...gke, ...loginProjects]),
    ].sort();
    return {
        roleId: 'pullcheckRead',
        title: 'pullcheck read',
        description: 'Reads the IAM policies pullcheck evaluates (generated by pullcheck permissions)',
        permissions: Object.keys(GCP_READ_PERMISSIONS)
            .filter((p) => !ORGANIZATION_ONLY.has(p))
            .sort(),
        organizationPermissions: [...ORGANIZATION_ONLY].sort(),
        projects,
    };
}

;// CONCATENATED MODULE: ./lib/permissions/kubernetes-cluster-role.js
/** The calls of cluster-api.ts, by the permission it names in an `unknown` reason. */
const KUBERNETES_READ_RULES = [
    { apiGroups: [''], resources: ['serviceaccounts', 'secrets'], verbs: ['get'] },
    { apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['get'] },
    { apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'], verbs: ['get', 'list'] },
    {
        apiGroups: ['rbac.authorization.k8s.io'],
        resources: ['rolebindings', 'clusterrolebindings'],
        verbs: ['list'],
    },
    { apiGroups: ['authorization.k8s.io'], resources: ['subjectaccessreviews'], verbs: ['create'] },
];
/** undefined when the plan reads no cluster (kubernetes/live-reads.ts decides the same way). */
function kubernetesReadRole(plan) {
    const targets = (plan.config.input.targets ?? []).filter((target) => target.platform === 'openshift' || target.platform === 'kubernetes');
    if (targets.length === 0 && !plan.ciPushes?.length)
        return undefined;
    return {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'pullcheck-read' },
        rules: KUBERNETES_READ_RULES,
    };
}

// EXTERNAL MODULE: ./lib/providers/aws/web-identity/keys.js
var keys = __webpack_require__(15756);
;// CONCATENATED MODULE: ./lib/permissions/oidc-trust.js



const NO_SUBJECT = '<no subject could be predicted: see the notes>';
/**
 * One trust policy per AWS role the workflows log in as with GitHub's OIDC token. `unscoped`: why the subjects
 * do not tell this repository's tokens from others' (a template naming no repository); then no subject is
 * trusted, since `sub` is the only claim an AWS trust policy can test besides `aud`.
 */
function awsTrustPolicies(sites, unscoped) {
    const byRole = new Map();
    for (const site of sites) {
        const { login } = site;
        if ('unresolved' in login || login.provider !== 'aws' || login.oidc === false)
            continue;
        if (!(0,aws_arn/* parseRoleArn */.DM)(login.identity))
            continue;
        const entry = byRole.get(login.identity) ?? {
            jobs: new Set(),
            subjects: new Map(),
            audience: login.with['audience'] || 'sts.amazonaws.com',
            notes: [],
        };
        entry.jobs.add(site.job);
        if (site.noTokens)
            entry.notes.push(`${site.job}: ${site.noTokens}`);
        for (const token of site.tokens) {
            const sub = token.claims['sub'];
            const literalStar = sub && 'pattern' in sub ? starredValueIn(sub.pattern, token.claims) : undefined;
            if (sub && 'value' in sub)
                entry.subjects.set(sub.value, 'exact');
            else if (literalStar !== undefined)
                entry.notes.push(`${site.job} (${token.trigger}): sub holds ${literalStar}, whose * a StringLike pattern cannot tell from its wildcards: left out`);
            else if (sub && 'pattern' in sub)
                entry.subjects.set(sub.pattern, 'glob');
            else
                entry.notes.push(`${site.job} (${token.trigger}): sub ${sub ? sub.unknown : 'not predicted'}`);
        }
        byRole.set(login.identity, entry);
    }
    return [...byRole.entries()].map(([role, entry]) => {
        const { partition, account } = (0,aws_arn/* parseRoleArn */.DM)(role);
        // No subject predicted (see the notes): a value no token carries keeps the policy closed, never open.
        const subjects = entry.subjects.size > 0 && !unscoped
            ? policySubjects(entry.subjects)
            : { like: false, values: [NO_SUBJECT] };
        return {
            role,
            jobs: [...entry.jobs].sort(),
            notes: unscoped ? [unscoped, ...entry.notes] : entry.notes,
            document: {
                Version: '2012-10-17',
                Statement: [
                    {
                        Sid: 'GitHubActionsOidc',
                        Effect: 'Allow',
                        Principal: { Federated: (0,collect_oidc/* githubProviderArn */.s_)(partition, account) },
                        Action: 'sts:AssumeRoleWithWebIdentity',
                        Condition: trustConditions(entry.audience, subjects.values, subjects.like),
                    },
                ],
            },
        };
    });
}
/** A claim's exact value holding a `*` that is written into the glob `pattern` (an environment `qa*`). */
function starredValueIn(pattern, claims) {
    for (const [key, claim] of Object.entries(claims)) {
        const value = key !== 'sub' && claim && typeof claim === 'object' && 'value' in claim ? claim.value : undefined;
        if (typeof value === 'string' && value.includes('*') && pattern.includes(value))
            return `${key} ${value}`;
    }
    return undefined;
}
/**
 * The subjects as IAM reads them (IAM User Guide, "IAM policy elements: Variables and tags", special
 * characters): `$` is always `${$}` (`${` starts a policy variable); with StringLike — when one subject is a
 * glob — a literal `?` is `${?}` and an exact subject's `*` is `${*}`, so neither is a wildcard.
 */
function policySubjects(subjects) {
    const like = [...subjects.values()].includes('glob');
    const values = [...subjects.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([subject, kind]) => {
        const text = subject.replaceAll('$', '${$}');
        if (!like)
            return text;
        const noQuestion = text.replaceAll('?', '${?}');
        return kind === 'exact' ? noQuestion.replaceAll('*', '${*}') : noQuestion;
    });
    return { like, values };
}
/** aud exactly; sub among the predicted subjects (StringLike when one is a glob: `*` any text). */
function trustConditions(audience, subjects, like) {
    const aud = { [`${keys/* GITHUB_ISSUER */.oX}:aud`]: audience };
    const sub = { [`${keys/* GITHUB_ISSUER */.oX}:sub`]: subjects };
    return like ? { StringEquals: aud, StringLike: sub } : { StringEquals: { ...aud, ...sub } };
}

;// CONCATENATED MODULE: ./lib/permissions/workload-identity.js
const MAPPING = {
    'google.subject': 'assertion.sub',
    'attribute.repository': 'assertion.repository',
    'attribute.repository_owner': 'assertion.repository_owner',
};
/** A CEL string literal: single quotes, backslash and quote escaped, control characters as \u escapes. */
function celString(value) {
    const escaped = value
        .replaceAll('\\', '\\\\')
        .replaceAll("'", "\\'")
        .replace(/\p{Cc}|[\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return `'${escaped}'`;
}
/** The logins by provider and service account: their jobs, and the tokens' subjects and repositories. */
function byLogin(sites) {
    const byKey = new Map();
    for (const site of sites) {
        const { login } = site;
        if ('unresolved' in login || login.provider !== 'gcp' || login.oidc === false)
            continue;
        const key = `${login.identity} ${login.with['service_account'] ?? ''}`;
        const entry = byKey.get(key) ?? {
            site,
            jobs: new Set(),
            subjects: new Set(),
            repositories: new Set(),
            notes: [],
        };
        entry.jobs.add(site.job);
        if (site.noTokens)
            entry.notes.push(`${site.job}: ${site.noTokens}`);
        for (const token of site.tokens) {
            const { sub, repository } = token.claims;
            if (repository && 'value' in repository)
                entry.repositories.add(repository.value);
            if (sub && 'value' in sub)
                entry.subjects.add(sub.value);
            // A glob `*` only at the end is a prefix; anything else the condition cannot say exactly.
            else if (sub && 'pattern' in sub && sub.pattern.indexOf('*') === sub.pattern.length - 1)
                entry.subjects.add(sub.pattern);
            else
                entry.notes.push(`${site.job} (${token.trigger}): sub ${sub && 'pattern' in sub ? `is ${sub.pattern}` : 'is not predicted'}: the condition admits the repository only`);
        }
        byKey.set(key, entry);
    }
    return byKey;
}
function googleLoginAccess(sites) {
    const byKey = byLogin(sites);
    return [...byKey.values()].map(({ site, jobs, subjects, repositories, notes }) => {
        const login = site.login;
        const [repository] = repositories;
        const pool = login.identity.replace(/\/providers\/[^/]+$/, '');
        const email = login.with['service_account'];
        return {
            provider: login.identity,
            jobs: [...jobs].sort(),
            attributeMapping: MAPPING,
            attributeCondition: condition([...repositories].sort(), [...subjects].sort(), notes.length === 0),
            ...(email && repository
                ? {
                    serviceAccount: {
                        email,
                        role: 'roles/iam.workloadIdentityUser',
                        member: `principalSet://iam.googleapis.com/${pool}/attribute.repository/${repository}`,
                    },
                }
                : {}),
            notes: repositories.size > 1 ? [...notes, 'the jobs present several repositories: one binding each'] : notes,
        };
    });
}
function condition(repositories, subjects, bySubject) {
    const repository = `assertion.repository in [${repositories.map(celString).join(', ')}]`;
    if (!bySubject || subjects.length === 0)
        return repository;
    const exact = subjects.filter((s) => !s.endsWith('*'));
    const prefixes = subjects
        .filter((s) => s.endsWith('*'))
        .map((s) => `assertion.sub.startsWith(${celString(s.slice(0, -1))})`);
    const parts = [
        ...(exact.length > 0 ? [`assertion.sub in [${exact.map(celString).join(', ')}]`] : []),
        ...prefixes,
    ];
    return `${repository} && (${parts.join(' || ')})`;
}

;// CONCATENATED MODULE: ./lib/permissions/index.js









function readAccess(config, found) {
    const sites = (0,ci_sites/* ciSites */.F)(found, config);
    const plan = { config, plan: (0,core_plan/* buildPlan */.G)(config, providers/* registries */.Yq), ...(0,live_reads/* ciReads */.M)(sites, config) };
    const repository = found.find((login) => login.job.top.repository)?.job.top.repository ??
        config.input.discover?.variables?.['github.repository'];
    const templated = withSubjectTemplate(config, repository);
    const trusted = templated.config === config ? sites : (0,ci_sites/* ciSites */.F)(found, templated.config);
    const gcp = gcpReadRole(plan);
    const kubernetes = kubernetesReadRole(plan);
    return {
        aws: awsReadPolicies(plan),
        ...(gcp ? { gcp } : {}),
        ...(kubernetes ? { kubernetes } : {}),
        trust: {
            aws: awsTrustPolicies(trusted, notARepository(repository) ?? unscopedSubjects(templated.config)).map((policy) => withAssumptions(policy, templated.assumed)),
            gcp: googleLoginAccess(trusted).map((access) => withAssumptions(access, templated.assumed)),
        },
    };
}
const TEMPLATE_ASSUMED = "facts.github.oidc.subClaim is not stated: the subjects assume GitHub's default template; if the repository or its organization customised it, state facts.github.oidc.subClaim as GET /repos/OWNER/REPO/actions/oidc/customization/sub answers and run this again";
const PREFIX_ASSUMED = 'facts.github.oidc.subClaim.prefix is not stated: the subjects assume the prefix repo:OWNER/REPO; GitHub writes the immutable form instead (each name followed by @ and its numeric id) for repositories created, renamed or transferred after 15 July 2026 or opted in to immutable subjects: state the sub_claim_prefix it reports and run this again';
// The claim keys whose value names this repository: `repo`, `repository`, `repository_id`, and
// `workflow_ref` (OWNER/REPO/.github/workflows/…, the run's own workflow). `job_workflow_ref` names the
// workflow a job calls, which other repositories may call too.
const REPOSITORY_KEYS = ['repo', 'repository', 'repository_id', 'workflow_ref'];
// GitHub's names: an owner of letters, digits and hyphens; a repository of letters, digits, `.`, `_`, `-`.
const REPOSITORY_NAME = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;
/**
 * Why `repository` (from the remote, GITHUB_REPOSITORY or discover.variables) cannot be trusted by name: a
 * `*` or `?` in it would be a wildcard in the trust policy's StringLike, admitting other repositories.
 */
function notARepository(repository) {
    if (repository === undefined || REPOSITORY_NAME.test(repository))
        return undefined;
    return `github.repository ${JSON.stringify(repository)} is not a GitHub repository name (OWNER/REPO: letters, digits, -, and in REPO . and _): no subject is trusted; state the repository's own name and run this again`;
}
/** Why a stated subject template cannot tell this repository's tokens from others', if it cannot. */
function unscopedSubjects(config) {
    const template = config.input.facts?.github?.oidc?.subClaim;
    if (!template || template.useDefault !== false || !template.includeClaimKeys)
        return undefined;
    if (template.includeClaimKeys.some((key) => REPOSITORY_KEYS.includes(key)))
        return undefined;
    return `facts.github.oidc.subClaim.includeClaimKeys (${template.includeClaimKeys.join(', ')}) names no repository: every repository with the same claims would get the same subject, so no subject is trusted; add repo (or repository_id) to the template and run this again`;
}
function withAssumptions(access, notes) {
    return notes.length > 0 ? { ...access, notes: [...notes, ...access.notes] } : access;
}
/**
 * A trust policy is written for the subjects GitHub will issue. With no template stated, GitHub's default
 * one (a repository's until it is customised); with no prefix stated, the plain `repo:OWNER/REPO` — left
 * open, the predictor globs both names (either form), which as a trust condition would admit
 * `OWNER-other/REPO-other`. A wrong guess fails closed (the login is refused, never widened), and every
 * trust policy names what was assumed.
 */
function withSubjectTemplate(config, repository) {
    const facts = config.input.facts ?? {};
    const oidc = facts.github?.oidc ?? {};
    const stated = oidc.subClaim;
    if (!repository || stated?.prefix !== undefined)
        return { config, assumed: [] };
    const subClaim = { ...(stated ?? { useDefault: true }), prefix: `repo:${repository}` };
    const github = { ...facts.github, oidc: { ...oidc, subClaim } };
    return {
        config: { ...config, input: { ...config.input, facts: { ...facts, github } } },
        assumed: stated ? [PREFIX_ASSUMED] : [TEMPLATE_ASSUMED, PREFIX_ASSUMED],
    };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./lib/permissions/render-documents.js
// The read access as documents: JSON (one envelope) and YAML (the same, with the ClusterRole as a
// manifest of its own, ready for `kubectl apply -f`). Pure: model in, string out.

/** The names the policies are created under: the base session's, and each role's by its account. */
function policyName(principal, accounts) {
    return principal.startsWith('arn:') ? `pullcheck-read-${accounts.join('-')}` : 'pullcheck-read';
}
function renderJson(access) {
    return `${JSON.stringify(envelope(access), null, 2)}\n`;
}
// Quoted as YAML 1.1 would need: `Version: 2012-10-17` is a date to a YAML 1.1 reader (PyYAML, Ruby).
const asYaml = (value) => (0,dist/* stringify */.As)(value, { version: '1.1' });
function renderYaml(access) {
    const { kubernetes, ...rest } = envelope(access);
    const head = `# pullcheck permissions: the least-privilege read access of this config\n${asYaml(rest)}`;
    return kubernetes ? `${head}---\n${asYaml(kubernetes)}` : head;
}
function envelope(access) {
    return {
        aws: {
            policies: access.aws.map((policy) => ({
                name: policyName(policy.principal, policy.accounts),
                attachTo: policy.principal,
                accounts: policy.accounts,
                document: policy.document,
            })),
            trustPolicies: access.trust.aws.map((trust) => ({
                role: trust.role,
                jobs: trust.jobs,
                ...(trust.notes.length > 0 ? { notes: trust.notes } : {}),
                document: trust.document,
            })),
        },
        ...(access.gcp || access.trust.gcp.length > 0
            ? {
                gcp: {
                    ...(access.gcp ? { customRole: access.gcp } : {}),
                    ...(access.trust.gcp.length > 0 ? { workloadIdentity: access.trust.gcp } : {}),
                },
            }
            : {}),
        ...(access.kubernetes ? { kubernetes: access.kubernetes } : {}),
    };
}

// EXTERNAL MODULE: ./lib/core/outgoing-text.js
var outgoing_text = __webpack_require__(59813);
;// CONCATENATED MODULE: ./lib/permissions/render-shell.js
// The read access as a shell script of the clouds' own CLIs: `aws iam`, `gcloud iam roles create`, and
// `kubectl apply` of the ClusterRole. Every value from the config is single-quoted for /bin/sh.




/** A comment line: whatever the config holds cannot end it. */
// A comment is one line of text: a line break or a terminal escape from a workflow is written as its escape.
const comment = (text) => `# ${(0,outgoing_text/* escapeTerminal */.en)(text).replace(/[\u2028\u2029]+/g, ' ')}`;
function renderShell(access) {
    const lines = [
        '#!/bin/sh',
        '# pullcheck permissions: the least-privilege read access of this config',
        'set -eu',
    ];
    for (const policy of access.aws) {
        const name = (0,outgoing_text/* shellQuoted */.x)(policyName(policy.principal, policy.accounts));
        const document = (0,outgoing_text/* shellQuoted */.x)(JSON.stringify(policy.document));
        const role = (0,aws_arn/* parseRoleArn */.DM)(policy.principal);
        lines.push('', comment(`AWS: what ${(0,aws_arn/* parseRoleArn */.DM)(policy.principal) ? policy.principal : 'the base session'} reads (accounts ${policy.accounts.join(', ')})`));
        if (role)
            lines.push(`aws iam put-role-policy --role-name ${(0,outgoing_text/* shellQuoted */.x)(role.name)} --policy-name ${name} \\`, `  --policy-document ${document}`);
        else
            lines.push(`aws iam create-policy --policy-name ${name} \\`, `  --policy-document ${document}`, comment('then attach it to the role or user pullcheck reads with'));
    }
    for (const trust of access.trust.aws) {
        const role = (0,aws_arn/* parseRoleArn */.DM)(trust.role);
        lines.push('', comment(`AWS: who may assume ${trust.role} (${trust.jobs.join(', ')})`));
        for (const note of trust.notes)
            lines.push(comment(note));
        lines.push(`aws iam update-assume-role-policy --role-name ${(0,outgoing_text/* shellQuoted */.x)(role.name)} \\`, `  --policy-document ${(0,outgoing_text/* shellQuoted */.x)(JSON.stringify(trust.document))}`);
    }
    if (access.gcp)
        lines.push('', ...gcloudLines(access.gcp));
    for (const login of access.trust.gcp)
        lines.push('', ...workloadIdentityLines(login));
    if (access.kubernetes)
        lines.push('', comment('Kubernetes/OpenShift: bind it to the identity pullcheck reads the cluster with'), "kubectl apply -f - <<'PULLCHECK_CLUSTER_ROLE'", (0,dist/* stringify */.As)(access.kubernetes).trimEnd(), 'PULLCHECK_CLUSTER_ROLE');
    return `${lines.join('\n')}\n`;
}
function gcloudLines(role) {
    const permissions = (0,outgoing_text/* shellQuoted */.x)(role.permissions.join(','));
    const lines = [comment('Google Cloud: a custom role in each project the reads touch; grant it there')];
    for (const project of role.projects)
        lines.push(`gcloud iam roles create ${role.roleId} --project=${(0,outgoing_text/* shellQuoted */.x)(project)} \\`, `  --title=${(0,outgoing_text/* shellQuoted */.x)(role.title)} --permissions=${permissions}`);
    lines.push(comment('folders and organization policies: an organization-level role (ORGANIZATION_ID is yours)'), `gcloud iam roles create ${role.roleId}Organization --organization="$ORGANIZATION_ID" \\`, `  --title=${(0,outgoing_text/* shellQuoted */.x)(role.title)} --permissions=${(0,outgoing_text/* shellQuoted */.x)(role.organizationPermissions.join(','))}`);
    return lines;
}
function workloadIdentityLines(login) {
    const [, project, pool, provider] = /^projects\/([^/]+)\/locations\/global\/workloadIdentityPools\/([^/]+)\/providers\/([^/]+)$/.exec(login.provider) ?? [];
    const lines = [
        comment(`Google Cloud: who may log in through ${login.provider} (${login.jobs.join(', ')})`),
    ];
    for (const note of login.notes)
        lines.push(comment(note));
    const mapping = Object.entries(login.attributeMapping)
        .map(([key, value]) => `${key}=${value}`)
        .join(',');
    if (project && pool && provider)
        lines.push(`gcloud iam workload-identity-pools providers update-oidc ${(0,outgoing_text/* shellQuoted */.x)(provider)} --project=${(0,outgoing_text/* shellQuoted */.x)(project)} \\`, `  --location=global --workload-identity-pool=${(0,outgoing_text/* shellQuoted */.x)(pool)} \\`, `  --attribute-mapping=${(0,outgoing_text/* shellQuoted */.x)(mapping)} \\`, `  --attribute-condition=${(0,outgoing_text/* shellQuoted */.x)(login.attributeCondition)}`);
    else
        lines.push(comment('not a provider resource name: set the mapping and condition above on it by hand'));
    const account = login.serviceAccount;
    if (account)
        lines.push(`gcloud iam service-accounts add-iam-policy-binding ${(0,outgoing_text/* shellQuoted */.x)(account.email)} \\`, `  --role=${(0,outgoing_text/* shellQuoted */.x)(account.role)} --member=${(0,outgoing_text/* shellQuoted */.x)(account.member)}`);
    return lines;
}

;// CONCATENATED MODULE: ./lib/permissions/render-terraform.js
// The read access as Terraform: aws_iam_policy / aws_iam_role_policy, the CI roles' assume_role_policy,
// google_project_iam_custom_role, kubernetes_cluster_role_v1. Every value from the config is an HCL string
// literal with its template sequences (`${`, `%{`) escaped.



/**
 * An HCL quoted string: JSON's escapes but \b and \f, which HCL does not know (written \u0008, \u000c), and
 * `${`/`%{` doubled so they stay literal.
 */
function hclString(value) {
    return (JSON.stringify(value)
        .replace(/\\(u[0-9a-fA-F]{4}|.)/g, (escape, what) => what === 'b' ? '\\u0008' : what === 'f' ? '\\u000c' : escape)
        // A function, not the string '$${': in a replacement string `$$` is one `$`, which left `${` as it was.
        .replaceAll('${', () => '$${')
        .replaceAll('%{', '%%{'));
}
const hclList = (values) => `[${values.map(hclString).join(', ')}]`;
// A comment is one line of text: a line break or a terminal escape from a workflow is written as its escape.
const render_terraform_comment = (text) => `# ${(0,outgoing_text/* escapeTerminal */.en)(text).replace(/[\u2028\u2029]+/g, ' ')}`;
function renderTerraform(access) {
    const blocks = [render_terraform_comment('pullcheck permissions: the least-privilege read access of this config')];
    access.aws.forEach((policy, i) => {
        const name = hclString(policyName(policy.principal, policy.accounts));
        const document = hclString(JSON.stringify(policy.document));
        const role = (0,aws_arn/* parseRoleArn */.DM)(policy.principal);
        blocks.push(role
            ? `${render_terraform_comment(`what ${policy.principal} reads`)}\nresource "aws_iam_role_policy" "pullcheck_read_${i}" {\n  role   = ${hclString(role.name)}\n  name   = ${name}\n  policy = ${document}\n}`
            : `${render_terraform_comment('what the base session reads: attach it to the role or user pullcheck reads with')}\nresource "aws_iam_policy" "pullcheck_read" {\n  name   = ${name}\n  policy = ${document}\n}`);
    });
    access.trust.aws.forEach((trust, i) => {
        const role = (0,aws_arn/* parseRoleArn */.DM)(trust.role);
        blocks.push(`${render_terraform_comment(`who may assume ${trust.role}: ${trust.jobs.join(', ')}`)}\n${trust.notes.map((note) => `${render_terraform_comment(note)}\n`).join('')}resource "aws_iam_role" "pullcheck_ci_${i}" {\n  name               = ${hclString(role.name)}\n  path               = ${hclString(role.path)}\n  assume_role_policy = ${hclString(JSON.stringify(trust.document))}\n}`);
    });
    if (access.gcp) {
        const gcp = access.gcp;
        gcp.projects.forEach((project, i) => blocks.push(`resource "google_project_iam_custom_role" "pullcheck_read_${i}" {\n  project     = ${hclString(project)}\n  role_id     = ${hclString(gcp.roleId)}\n  title       = ${hclString(gcp.title)}\n  description = ${hclString(gcp.description)}\n  permissions = ${hclList(gcp.permissions)}\n}`));
        blocks.push(`variable "organization_id" {\n  type = string\n}`, `${render_terraform_comment('the folders and organization above the projects: an organization-level role')}\nresource "google_organization_iam_custom_role" "pullcheck_read" {\n  org_id      = var.organization_id\n  role_id     = ${hclString(`${gcp.roleId}Organization`)}\n  title       = ${hclString(gcp.title)}\n  permissions = ${hclList(gcp.organizationPermissions)}\n}`);
    }
    access.trust.gcp.forEach((login, i) => blocks.push(workloadIdentityBlock(login, i)));
    if (access.kubernetes)
        blocks.push(`resource "kubernetes_cluster_role_v1" "pullcheck_read" {\n  metadata {\n    name = ${hclString(access.kubernetes.metadata.name)}\n  }\n${access.kubernetes.rules.map(ruleBlock).join('\n')}\n}`);
    return `${blocks.join('\n\n')}\n`;
}
function ruleBlock(rule) {
    return `  rule {\n    api_groups = ${hclList(rule.apiGroups)}\n    resources  = ${hclList(rule.resources)}\n    verbs      = ${hclList(rule.verbs)}\n  }`;
}
function workloadIdentityBlock(login, i) {
    const [, project, pool, provider] = /^projects\/([^/]+)\/locations\/global\/workloadIdentityPools\/([^/]+)\/providers\/([^/]+)$/.exec(login.provider) ?? [];
    const mapping = Object.entries(login.attributeMapping)
        .map(([key, value]) => `    ${hclString(key)} = ${hclString(value)}`)
        .join('\n');
    const notes = login.notes.map((note) => `${render_terraform_comment(note)}\n`).join('');
    const head = `${render_terraform_comment(`who may log in through ${login.provider}: ${login.jobs.join(', ')}`)}\n${notes}`;
    const providerBlock = `resource "google_iam_workload_identity_pool_provider" "pullcheck_ci_${i}" {\n  project                            = ${hclString(project ?? '')}\n  workload_identity_pool_id          = ${hclString(pool ?? '')}\n  workload_identity_pool_provider_id = ${hclString(provider ?? '')}\n  attribute_mapping = {\n${mapping}\n  }\n  attribute_condition = ${hclString(login.attributeCondition)}\n  oidc {\n    issuer_uri = "https://token.actions.githubusercontent.com"\n  }\n}`;
    const account = login.serviceAccount;
    const binding = account
        ? `\n\nresource "google_service_account_iam_member" "pullcheck_ci_${i}" {\n  service_account_id = ${hclString(`projects/-/serviceAccounts/${account.email}`)}\n  role               = ${hclString(account.role)}\n  member             = ${hclString(account.member)}\n}`
        : '';
    return `${head}${providerBlock}${binding}`;
}

// EXTERNAL MODULE: ./lib/cli/command-kit.js
var command_kit = __webpack_require__(61430);
// EXTERNAL MODULE: ./lib/cli/discovered-config.js
var discovered_config = __webpack_require__(81513);
;// CONCATENATED MODULE: ./lib/cli/permissions.js
// `pullcheck permissions`: the least-privilege read access the live reads of a config need (issue 19),
// as JSON (default), YAML, Terraform or a shell script of the clouds' CLIs. Reads only the repository.







const FORMATS = {
    json: renderJson,
    yaml: renderYaml,
    terraform: renderTerraform,
    gcloud: renderShell,
};
const USAGE = `usage: pullcheck permissions [--config FILE] [--workflow FILE] [--format json|yaml|terraform|gcloud]

Prints the least-privilege read access the live reads of this config need: the AWS IAM policies (one per
identity that reads: the base session, and each role auth.aws.roles names), the Google custom role, the
Kubernetes/OpenShift ClusterRole, and the trust policy of each AWS role the workflows log in as with
GitHub's OIDC token, scoped to the events those workflows run on. Calls no cloud.

  --config FILE   config file (default .github/pullcheck.yml)
  --workflow FILE add the images and logins of this GitHub Actions workflow, as check does
  --format F      json (default), yaml, terraform, or gcloud (a shell script of aws, gcloud and kubectl)
  --help          print this help

exit status: 0 printed, 2 bad input`;
async function run(args, io) {
    const { values } = (0,external_node_util_.parseArgs)({
        args: [...args],
        options: {
            config: { type: 'string', default: '.github/pullcheck.yml' },
            format: { type: 'string', default: 'json' },
            workflow: { type: 'string' },
        },
        strict: true,
        allowPositionals: false,
    });
    const render = FORMATS[(0,command_kit/* oneOf */.y)('--format', values.format, Object.keys(FORMATS), USAGE)];
    const discovered = (0,discovered_config/* discoveredConfig */.L)(values.config, values.workflow);
    io.stdout(render(readAccess(discovered.config, discovered.ciLogins)));
    return 0;
}
const permissionsCommand = {
    usage: USAGE,
    run,
};


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

/***/ 88131:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ciPath: () => (/* binding */ ciPath),
  read: () => (/* binding */ read),
  withExecutionRoles: () => (/* binding */ withExecutionRoles)
});

// EXTERNAL MODULE: ./lib/core/errors.js
var errors = __webpack_require__(3828);
// EXTERNAL MODULE: ./lib/providers/aws/arn.js
var aws_arn = __webpack_require__(96639);
// EXTERNAL MODULE: ./lib/providers/aws/platforms.js
var platforms = __webpack_require__(59812);
// EXTERNAL MODULE: ./lib/providers/aws/task-definition-file.js
var task_definition_file = __webpack_require__(50296);
// EXTERNAL MODULE: ./lib/providers/aws/registry.js
var registry = __webpack_require__(19573);
;// CONCATENATED MODULE: ./lib/providers/aws/credentials.js
/**
 * A role's session asked for once and again only near its expiry: fromTemporaryCredentials calls
 * sts:AssumeRole whenever it is asked, and each SDK client asks for its own.
 */
function rememberedCredentials(provider, now = Date.now) {
    let session;
    const fresh = () => {
        const attempt = provider();
        session = attempt;
        // A refusal is not kept: the next client asks again (and the CallRunner reports the failure).
        attempt.catch(() => {
            if (session === attempt)
                session = undefined;
        });
        return attempt;
    };
    return async () => {
        const current = await (session ?? fresh());
        const expiresSoon = current.expiration && current.expiration.getTime() - now() < 5 * 60_000;
        return expiresSoon ? fresh() : current;
    };
}

;// CONCATENATED MODULE: ./lib/providers/aws/live-reads.js






const HINT = 'configure AWS credentials: environment variables, a profile or SSO';
async function read(context) {
    const { config, plan, runner } = context;
    const targets = config.input.targets ?? [];
    const ci = ciPath(context);
    const needed = plan.images.some((image) => (0,registry/* ecrLocationOf */.BX)(image) !== undefined) ||
        targets.some((target) => platforms/* AWS_PLATFORMS */.j.has(target.platform)) ||
        ci.logins.length > 0 ||
        ci.images.length > 0;
    if (!needed)
        return undefined;
    const { fromNodeProviderChain, fromTemporaryCredentials } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(719)]).then(__webpack_require__.t.bind(__webpack_require__, 29719, 19));
    const { collectAwsFacts } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(764), __webpack_require__.e(159), __webpack_require__.e(407), __webpack_require__.e(726)]).then(__webpack_require__.bind(__webpack_require__, 30726));
    const base = context.credentials['aws'] ?? fromNodeProviderChain();
    if (!(await hasCredentials(base))) {
        const hint = context.credentialHints['aws'] ?? HINT;
        return { notes: [`no AWS credentials: AWS facts come from the config only (${hint})`] };
    }
    const roles = config.input.auth?.aws?.roles ?? {};
    const credentialsFor = accountCredentials(base, roles, fromTemporaryCredentials);
    // Targets without their own list share the plan's image objects: each once, not once per target.
    const images = [...new Set([...plan.targets.flatMap((target) => target.images), ...ci.images])];
    const facts = await collectAwsFacts({
        images,
        targets: withExecutionRoles(config),
        known: config.input.facts?.aws ?? {},
        ciRoles: { logins: ci.logins, pushes: ci.pushes, pushRegistries: ci.registries },
    }, { runner, credentialsFor, roleAccounts: ownRoles(roles) });
    return { facts: { ...facts }, notes: [] };
}
/** The CI path's AWS logins (their roles), and its pushes to ECR (the images, and the roles that push). */
function ciPath(context) {
    const logins = (context.ciLogins ?? []).flatMap((login) => login.provider === 'aws' && (0,aws_arn/* parseRoleArn */.DM)(login.identity) ? [login.identity] : []);
    const pushes = (context.ciPushes ?? []).filter((push) => (0,registry/* ecrLocationOf */.BX)(push.image) !== undefined);
    const registries = pushes.flatMap((push) => {
        const location = (0,registry/* ecrLocationOf */.BX)(push.image);
        return location ? [`${location.account}/${location.region}`] : [];
    });
    return {
        logins,
        registries,
        images: pushes.map((push) => push.image),
        pushes: pushes.flatMap((push) => ((0,aws_arn/* parseRoleArn */.DM)(push.principal) ? [push.principal] : [])),
    };
}
/**
 * The targets, each `ecs` target with the execution roles its task definition files name among its roles:
 * those roles pull (ecs-task-principals.ts), so their policies are read like a listed role's. A file that
 * cannot be read adds nothing here: the rules report it at its line.
 */
function withExecutionRoles(config) {
    return (config.input.targets ?? []).map((target, t) => {
        if (target.platform !== 'ecs' || !target.taskDefinitions?.length)
            return target;
        const roles = target.taskDefinitions.flatMap((_, i) => {
            try {
                const role = (0,task_definition_file/* taskDefinitionOf */.Ib)(config, target, t, i).executionRole;
                return role && (0,aws_arn/* parseRoleArn */.DM)(role) ? [role] : [];
            }
            catch (error) {
                if (error instanceof errors/* ConfigError */.xL)
                    return [];
                throw error;
            }
        });
        return roles.length > 0
            ? { ...target, roles: [...new Set([...(target.roles ?? []), ...roles])] }
            : target;
    });
}
/** The accounts auth.aws.roles names a role of that same account for (what the role says is its own). */
function ownRoles(roles) {
    return new Set(Object.entries(roles).flatMap(([account, arn]) => (0,aws_arn/* parseRoleArn */.DM)(arn)?.account === account ? [account] : []));
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
function accountCredentials(base, roles, assume) {
    const chained = new Map();
    return async (account) => {
        const roleArn = account === undefined ? undefined : roles[account];
        if (!roleArn || account === undefined)
            return base;
        let credentials = chained.get(account);
        if (!credentials) {
            credentials = rememberedCredentials(assume({ masterCredentials: base, params: { RoleArn: roleArn, RoleSessionName: 'pullcheck-read' } }));
            chained.set(account, credentials);
        }
        return credentials;
    };
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
