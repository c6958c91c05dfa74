export const id = 131;
export const ids = [131];
export const modules = {

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


/***/ })

};
