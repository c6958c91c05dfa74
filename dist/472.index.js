export const id = 472;
export const ids = [472];
export const modules = {

/***/ 19472:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   read: () => (/* binding */ read)
/* harmony export */ });
/* harmony import */ var _platforms_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(59812);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(19573);


const HINT = 'configure AWS credentials: environment variables, a profile or SSO';
async function read(context) {
    const { config, plan, runner } = context;
    const targets = config.input.targets ?? [];
    const needed = plan.images.some((image) => (0,_registry_js__WEBPACK_IMPORTED_MODULE_1__/* .ecrLocationOf */ .BX)(image) !== undefined) ||
        targets.some((target) => _platforms_js__WEBPACK_IMPORTED_MODULE_0__/* .AWS_PLATFORMS */ .j.has(target.platform));
    if (!needed)
        return undefined;
    const { fromNodeProviderChain, fromTemporaryCredentials } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(719)]).then(__webpack_require__.t.bind(__webpack_require__, 29719, 19));
    const { collectAwsFacts } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(249), __webpack_require__.e(740), __webpack_require__.e(423)]).then(__webpack_require__.bind(__webpack_require__, 90423));
    const base = context.credentials['aws'] ?? fromNodeProviderChain();
    if (!(await hasCredentials(base))) {
        const hint = context.credentialHints['aws'] ?? HINT;
        return { notes: [`no AWS credentials: AWS facts come from the config only (${hint})`] };
    }
    const credentialsFor = accountCredentials(base, config.input.auth?.aws?.roles ?? {}, fromTemporaryCredentials);
    const images = plan.targets.flatMap((target) => target.images);
    const facts = await collectAwsFacts({ images, targets, known: config.input.facts?.aws ?? {} }, { runner, credentialsFor });
    return { facts: { ...facts }, notes: [] };
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
            credentials = assume({
                masterCredentials: base,
                params: { RoleArn: roleArn, RoleSessionName: 'pullcheck-read' },
            });
            chained.set(account, credentials);
        }
        return credentials;
    };
}


/***/ })

};
