export const id = 342;
export const ids = [342];
export const modules = {

/***/ 91040:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ guardStdout)
/* harmony export */ });
/* harmony import */ var _core_outgoing_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(59813);
// Everything the action prints — logs, annotations, workflow commands — goes through process.stdout, so
// the outgoing-text rules apply there, once, whatever printed it. `::add-mask::` commands pass untouched:
// the runner must see the exact secret to hide it.

function guardStdout(stream = process.stdout) {
    const write = stream.write.bind(stream);
    stream.write = ((chunk, ...rest) => write(typeof chunk === 'string' && !chunk.startsWith('::add-mask::') ? (0,_core_outgoing_text_js__WEBPACK_IMPORTED_MODULE_0__/* .outgoing */ .by)(chunk) : chunk, ...rest));
}


/***/ }),

/***/ 93267:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ loginStep),
/* harmony export */   R: () => (/* binding */ logoutStep)
/* harmony export */ });
/* harmony import */ var _toolkit_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(24112);
/* harmony import */ var _core_plan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73504);
/* harmony import */ var _providers_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(68308);
/* harmony import */ var _login_docker_config_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(19477);
/* harmony import */ var _check_login_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9999);
/* harmony import */ var _login_oidc_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(80588);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(48161);
// The login half of the main step, and the logout post step: glue between the action's inputs and state
// and src/login. A post step never fails the job: problems become warnings.







const RECORDS_STATE = 'docker-config-logins';
/** Logs in to the registries of the config's images; returns the hosts and the sessions obtained. */
async function loginStep(config, options, env) {
    const { images } = (0,_core_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .buildPlan */ .G)(config, _providers_index_js__WEBPACK_IMPORTED_MODULE_2__/* .registries */ .Yq);
    const result = await (0,_check_login_js__WEBPACK_IMPORTED_MODULE_4__/* .loginToRegistries */ .c)(images, options.loginInputs, {
        getIdToken: (0,_login_oidc_js__WEBPACK_IMPORTED_MODULE_6__/* .withOidcRetries */ .y)((audience) => _toolkit_js__WEBPACK_IMPORTED_MODULE_0__.getIDToken(audience)),
        mask: (secret) => _toolkit_js__WEBPACK_IMPORTED_MODULE_0__.setSecret(secret),
        info: (message) => _toolkit_js__WEBPACK_IMPORTED_MODULE_0__.info(message),
        warning: (message) => _toolkit_js__WEBPACK_IMPORTED_MODULE_0__.warning(message),
        env,
        config: config.input,
        // The backup holds the credentials the logins replaced: kept only when the post step will use it.
        ...(options.logout ? { backupDir: env['RUNNER_TEMP'] || node_os__WEBPACK_IMPORTED_MODULE_5__.tmpdir() } : {}),
    });
    if (options.logout && result.records.length > 0)
        _toolkit_js__WEBPACK_IMPORTED_MODULE_0__.saveState(RECORDS_STATE, JSON.stringify(result.records));
    return result;
}
/** The post step: takes out exactly the logins the main step added, the last file's first. */
function logoutStep(env = process.env) {
    const state = _toolkit_js__WEBPACK_IMPORTED_MODULE_0__.getState(RECORDS_STATE);
    if (!state)
        return;
    let records;
    try {
        records = JSON.parse(state);
    }
    catch {
        _toolkit_js__WEBPACK_IMPORTED_MODULE_0__.warning('pullcheck: the login state saved by the main step is unreadable; no logout was done');
        return;
    }
    for (const record of [...records].reverse()) {
        try {
            const { changedSince, failures } = (0,_login_docker_config_js__WEBPACK_IMPORTED_MODULE_3__/* .removeLogins */ .TE)(record, env);
            for (const entry of changedSince) {
                _toolkit_js__WEBPACK_IMPORTED_MODULE_0__.warning(`pullcheck: the login for ${entry} changed after pullcheck's login; it was left as it is`);
            }
            if (failures.length === 0)
                _toolkit_js__WEBPACK_IMPORTED_MODULE_0__.info(`pullcheck: logged out of the registries in ${record.file}`);
            for (const failure of failures) {
                _toolkit_js__WEBPACK_IMPORTED_MODULE_0__.warning(`pullcheck: could not fully log out of the registries in ${record.file}: ${failure}`);
            }
        }
        catch (error) {
            _toolkit_js__WEBPACK_IMPORTED_MODULE_0__.warning(`pullcheck: could not remove the logins from ${record.file}: ${error.message}`);
        }
    }
}


/***/ }),

/***/ 71394:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./lib/action/toolkit.js
var toolkit = __webpack_require__(24112);
// EXTERNAL MODULE: ./lib/check/pipeline.js + 6 modules
var pipeline = __webpack_require__(78001);
// EXTERNAL MODULE: ./lib/core/outgoing-text.js
var outgoing_text = __webpack_require__(59813);
// EXTERNAL MODULE: ./lib/core/errors.js
var errors = __webpack_require__(3828);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./lib/github/event.js
// Which pull request a run belongs to, from the event payload the runner wrote (GITHUB_EVENT_PATH).

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
/** The pull request of a pull_request / pull_request_target run; undefined for push and other events. */
function pullRequestOf(eventName, eventPath) {
    if (!eventName || !PULL_REQUEST_EVENTS.has(eventName) || !eventPath)
        return undefined;
    let payload;
    try {
        payload = JSON.parse((0,external_node_fs_.readFileSync)(eventPath, 'utf8'));
    }
    catch {
        return undefined;
    }
    const pullRequest = payload.pull_request;
    const number = pullRequest?.['number'];
    const base = pullRequest?.['base']?.repo?.full_name;
    const head = pullRequest?.['head']?.repo?.full_name;
    if (typeof number !== 'number' || typeof base !== 'string' || !base.includes('/'))
        return undefined;
    const [owner = '', repo = ''] = base.split('/');
    return { owner, repo, number, fromFork: head !== undefined && head !== base };
}

// EXTERNAL MODULE: ./lib/core/did-you-mean.js
var did_you_mean = __webpack_require__(68680);
// EXTERNAL MODULE: ./lib/core/quoted-value.js
var quoted_value = __webpack_require__(54379);
// EXTERNAL MODULE: ./lib/core/report-model.js
var report_model = __webpack_require__(48765);
// EXTERNAL MODULE: ./lib/providers/index.js + 3 modules
var providers = __webpack_require__(68308);
;// CONCATENATED MODULE: ./lib/inputs.js
// Action inputs → one typed Options object, validated once (SPEC §6). No getInput calls anywhere else.




// Each provider declares the inputs its login and live reads take; `audience` is every login's.
const LOGIN_INPUTS = [
    ...providers/* providers */.r5.flatMap((provider) => provider.actionInputs ?? []),
    { name: 'audience', shape: /./, expected: 'an audience' },
];
class InputError extends Error {
    name = 'InputError';
}
const COMMENT_MODES = ['auto', 'always', 'on-failure', 'never'];
function readInputs(getInput, runner = {}) {
    const input = (name) => getInput(name).trim();
    const config = input('config');
    return {
        config: config || '.github/pullcheck.yml',
        configGiven: config !== '',
        images: input('images')
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter((line) => line !== '' && !line.startsWith('#')),
        targets: getInput('targets'),
        check: booleanInput('check', input('check'), true),
        failOn: choice('fail-on', input('fail-on'), report_model/* FAIL_ON */.d$, 'denied'),
        comment: choice('comment', input('comment'), COMMENT_MODES, 'auto'),
        // Two pullcheck steps (GITHUB_ACTION differs per step) or jobs must not overwrite each other's comment.
        commentKey: input('comment-key') ||
            [runner.workflow, runner.job, runner.action]
                .filter((part) => part !== undefined && part !== '')
                .join('/') ||
            'pullcheck',
        githubToken: input('github-token'),
        login: booleanInput('login', input('login'), true),
        logout: booleanInput('logout', input('logout'), true),
        loginInputs: Object.fromEntries(LOGIN_INPUTS.flatMap((spec) => Object.entries(optional(spec.name, input(spec.name), spec)))),
        secrets: LOGIN_INPUTS.flatMap((spec) => (spec.secret && input(spec.name) ? [input(spec.name)] : [])),
        ...optional('snapshot', input('snapshot'), { name: 'snapshot', shape: /./, expected: 'a file path' }),
        offline: booleanInput('offline', input('offline'), false),
    };
}
/** An optional input, checked against its shape; absent inputs are left out of Options. */
function optional(key, value, spec) {
    if (value === '')
        return {};
    // A secret (a token) is never echoed.
    if (!spec.shape.test(value))
        throw new InputError(`input ${spec.name} must be ${spec.expected}${spec.secret ? '' : ` (got ${(0,quoted_value/* quotedValue */.A)(value)})`}`);
    return { [key]: value };
}
function choice(name, value, allowed, fallback) {
    if (value === '')
        return fallback;
    if (!allowed.includes(value)) {
        throw new InputError(`input ${name} must be one of ${allowed.join(', ')}; got ${(0,quoted_value/* quotedValue */.A)(value)}${(0,did_you_mean/* didYouMean */.a)(value, allowed)}`);
    }
    return value;
}
// The YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them.
function booleanInput(name, value, fallback) {
    if (value === '')
        return fallback;
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    throw new InputError(`input ${name} must be true or false (got ${(0,quoted_value/* quotedValue */.A)(value)})`);
}

// EXTERNAL MODULE: ./lib/report/json.js
var json = __webpack_require__(97406);
// EXTERNAL MODULE: ./lib/report/sarif.js + 2 modules
var sarif = __webpack_require__(10222);
// EXTERNAL MODULE: ./lib/report/labels.js
var labels = __webpack_require__(67419);
// EXTERNAL MODULE: ./lib/report/markdown.js + 2 modules
var markdown = __webpack_require__(17157);
;// CONCATENATED MODULE: ./lib/github/sticky-comment.js
const GITHUB_TOKEN_BOT = 'github-actions[bot]';
function marker(key) {
    // encodeURIComponent leaves no "--" run that could end the HTML comment early.
    return `<!-- pullcheck:${encodeURIComponent(key).replace(/-/g, '%2D')} -->`;
}
/**
 * Whether to write: `auto` when there is something to say (or an earlier comment must turn green),
 * `on-failure` when the gate fails (or an earlier comment must turn green), `always`, `never`.
 */
function shouldWrite(mode, somethingToSay, gateFailed, hasEarlier) {
    switch (mode) {
        case 'never':
            return false;
        case 'always':
            return true;
        case 'on-failure':
            return gateFailed || hasEarlier;
        case 'auto':
            return somethingToSay || hasEarlier;
    }
}
async function upsertStickyComment(api, pr, key, report, wanted) {
    const tag = marker(key);
    const body = `${tag}\n${report}`;
    // Without an answer the token is taken for the workflow's GITHUB_TOKEN, the usual case.
    const me = (await api.whoAmI()) ?? GITHUB_TOKEN_BOT;
    const earlier = (await api.listComments(pr)).find((comment) => comment.user?.login === me && comment.body?.includes(tag));
    if (!wanted(earlier !== undefined))
        return { action: 'skipped' };
    if (earlier?.body === body)
        return { action: 'unchanged', url: earlier.html_url };
    if (earlier)
        return { action: 'updated', url: (await api.updateComment(pr, earlier.id, body)).html_url };
    return { action: 'created', url: (await api.createComment(pr, body)).html_url };
}

;// CONCATENATED MODULE: ./lib/action/comment.js



// GitHub rejects issue comments over 65,536 characters; leave room for the marker.
const COMMENT_LIMIT = 65_536 - 200;
/** Writes or updates the sticky comment; returns its URL. Problems become warnings, never a failed step. */
async function commentOnPullRequest(request, report, logger) {
    if (request.mode === 'never')
        return undefined;
    if (!request.pr) {
        logger.info('pullcheck: not a pull_request run, so no comment (the job summary has the report)');
        return undefined;
    }
    if (!request.token) {
        logger.warning('pullcheck: no github-token, so no pull request comment');
        return undefined;
    }
    const { summary } = report;
    const somethingToSay = summary.denied + summary.unknown > 0 || report.findings.some((f) => f.severity !== 'low');
    const body = (0,outgoing_text/* redactCredentials */.UY)((0,markdown/* renderMarkdown */.G)(report, {
        maxLength: COMMENT_LIMIT,
        ...(request.detailsUrl ? { detailsUrl: request.detailsUrl } : {}),
    }));
    try {
        // Octokit (and its HTTP stack) loads only when a comment may be written.
        const { commentsApi } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(239), __webpack_require__.e(282)]).then(__webpack_require__.bind(__webpack_require__, 51282));
        const outcome = await upsertStickyComment(commentsApi(request.token, logger, request.apiUrl), request.pr, request.key, body, (hasEarlier) => shouldWrite(request.mode, somethingToSay, summary.gate === 'fail', hasEarlier));
        logger.info(`pullcheck: pull request comment ${outcome.action}${outcome.url ? `: ${outcome.url}` : ''}`);
        return outcome.url;
    }
    catch (error) {
        const status = error.status;
        const hint = status === 403 || status === 404
            ? request.pr.fromFork
                ? ' (a pull request from a fork gets a read-only token)'
                : ' (does the workflow grant `pull-requests: write`?)'
            : '';
        logger.warning(`pullcheck: could not comment on pull request #${request.pr.number}${hint}: ${error.message}; the job summary has the report`);
        return undefined;
    }
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/core/config/load.js + 1 modules
var config_load = __webpack_require__(25666);
// EXTERNAL MODULE: ./lib/discover/index.js + 26 modules
var discover = __webpack_require__(52853);
;// CONCATENATED MODULE: ./lib/action/config.js
// The config the action checks: the config file, what discovery finds (the images the running workflow
// pushes, named by GITHUB_WORKFLOW_REF; discover.manifests), and the `images` and `targets` inputs — all
// appended, never replacing.




/** The name a config made of the action's inputs alone goes by (there is no config file). */
const INPUTS_ONLY = '(action inputs)';
function loadActionConfig(options, env = process.env) {
    const workflow = runningWorkflow(env);
    const inputs = {
        images: options.images,
        ...(options.targets.trim() ? { targets: { text: options.targets, source: 'input targets' } } : {}),
    };
    // Without a config file (none given, the default absent) discovery and the inputs describe the check.
    const load = (additions) => !options.configGiven && !(0,external_node_fs_.existsSync)(options.config)
        ? (0,config_load/* loadConfigText */.Ki)('version: 1\n', INPUTS_ONLY, additions)
        : (0,config_load/* loadConfigFile */.HT)(options.config, additions, 'set the `config` input to its path in the repository, or leave it empty to use the inputs alone');
    return (0,discover/* discover */.k4)(load(inputs), {
        workflows: workflow ? [workflow] : [],
        env: env,
    });
}
/** GITHUB_WORKFLOW_REF is `OWNER/REPO/.github/workflows/FILE@REF`: the file, in the workspace. */
function runningWorkflow(env) {
    const ref = env['GITHUB_WORKFLOW_REF'];
    const match = ref ? /^[^/]+\/[^/]+\/(.+?)@/.exec(ref) : null;
    if (!match?.[1])
        return undefined;
    const file = external_node_path_.join(env['GITHUB_WORKSPACE'] || process.cwd(), match[1]);
    return (0,external_node_fs_.existsSync)(file) ? file : undefined;
}

// EXTERNAL MODULE: ./lib/action/login.js
var action_login = __webpack_require__(93267);
// EXTERNAL MODULE: ./lib/login/docker-config.js + 4 modules
var docker_config = __webpack_require__(19477);
// EXTERNAL MODULE: ./lib/check/login.js + 1 modules
var login = __webpack_require__(9999);
// EXTERNAL MODULE: ./lib/login/oidc.js
var oidc = __webpack_require__(80588);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./lib/report/write-file.js
var write_file = __webpack_require__(53096);
;// CONCATENATED MODULE: ./lib/action/outputs.js
// What the step leaves behind: the JSON report file, the step outputs, and annotations on the config
// entries whose pulls are denied or undecided.




const MAX_ANNOTATIONS = 50;
/**
 * Writes a rendering of the report under RUNNER_TEMP (`pullcheck-report.json`, `.sarif`), given whole or in
 * pieces (json.ts's jsonReportChunks); returns its path.
 */
function writeReportFile(name, content, runnerTemp) {
    const file = external_node_path_.join(runnerTemp || external_node_os_.tmpdir(), name);
    (0,write_file/* writeChunks */.a)(file, typeof content === 'string' ? [content] : content, outgoing_text/* redactCredentials */.UY);
    return file;
}
function setReportOutputs(core, report, files) {
    core.setOutput('gate', report.summary.gate);
    core.setOutput('allowed', report.summary.allowed);
    core.setOutput('denied', report.summary.denied);
    core.setOutput('unknown', report.summary.unknown);
    core.setOutput('report-file', files.json);
    core.setOutput('sarif-file', files.sarif);
}
/** One annotation per denied (error) or unknown (warning) pull, where its target was written; findings too. */
function annotate(core, report, workspace) {
    const notable = report.results.filter((result) => result.verdict !== 'allowed').slice(0, MAX_ANNOTATIONS);
    for (const result of notable) {
        // At the lines that ask for this pull: the target in the config, or the workload in a manifest.
        const where = result.source?.target;
        const properties = where
            ? { file: repositoryPath(where.file, workspace), ...(where.line ? { startLine: where.line } : {}) }
            : {};
        if (result.verdict === 'denied') {
            const missing = result.missing
                .map((grant) => `${grant.side}: ${grant.permissions.join(', ')}`)
                .join('; ');
            core.error(`${result.principal} cannot pull ${result.image} (missing ${missing})`, {
                ...properties,
                title: 'pullcheck: pull denied',
            });
        }
        else {
            core.warning(`whether ${result.principal} can pull ${result.image} is unknown: ${result.reasons.at(-1) ?? ''}`, {
                ...properties,
                title: 'pullcheck: pull undecided',
            });
        }
    }
    for (const finding of report.findings.filter((f) => f.severity !== 'low')) {
        core.warning(finding.message, {
            title: `pullcheck: ${finding.kind}`,
            ...(finding.file ? { file: repositoryPath(finding.file, workspace) } : {}),
            ...(finding.line ? { startLine: finding.line } : {}),
        });
    }
}
/** Annotations and SARIF take paths relative to the repository root. */
function repositoryPath(file, workspace) {
    return workspace && external_node_path_.isAbsolute(file) ? external_node_path_.relative(workspace, file) : file;
}

;// CONCATENATED MODULE: ./lib/action/run.js
// The action's main step: inputs → check → report file, outputs, annotations, job summary, comment, gate.


















// A job summary step is limited to 1 MiB.
const SUMMARY_LIMIT = 1024 * 1024 - 1024;
async function run(env = process.env) {
    try {
        const options = readInputs((name) => toolkit.getInput(name), {
            workflow: env['GITHUB_WORKFLOW'],
            job: env['GITHUB_JOB'],
            action: env['GITHUB_ACTION'],
        });
        // Secrets given as inputs are masked before anything can print them.
        for (const secret of [options.githubToken, ...options.secrets])
            if (secret)
                toolkit.setSecret(secret);
        if (!options.check && !options.login) {
            toolkit.info('pullcheck: check and login are both false: nothing to do');
            return;
        }
        const { config, findings: discoveryFindings, workflows, ciLogins } = loadActionConfig(options, env);
        const pr = pullRequestOf(env['GITHUB_EVENT_NAME'], env['GITHUB_EVENT_PATH']);
        const login = options.login ? await logIn(config, options, env, pr) : { sessions: {} };
        if (!options.check) {
            // Login only, as amazon-ecr-login users start: the logins and their outputs, no analysis.
            toolkit.info('pullcheck: check is false: logged in, nothing checked');
            if (login.failure)
                toolkit.setFailed(login.failure);
            return;
        }
        const { report, liveRead } = await (0,pipeline/* checkPulls */.t)({
            config,
            findings: discoveryFindings,
            failOn: options.failOn,
            lookedAt: {
                config: config.file === INPUTS_ONLY ? undefined : repositoryPath(config.file, env['GITHUB_WORKSPACE']),
                workflows,
                entry: 'action',
            },
            live: options.offline ? undefined : liveReadSetup(options, login.sessions),
            snapshot: options.snapshot,
            ciLogins,
            env,
            ...(options.githubToken
                ? { github: { token: options.githubToken, apiUrl: env['GITHUB_API_URL'] } }
                : {}),
        });
        if (liveRead) {
            for (const note of liveRead.notes)
                toolkit.info(`pullcheck: ${note}`);
            toolkit.info(`pullcheck: live reads: ${liveRead.calls} calls, ${liveRead.resourcesRead} resources read`);
        }
        await writeSinks(report, options, pr, env);
        toolkit.info(`pullcheck: ${(0,labels/* headline */.Pl)(report.summary)}`);
        if (login.failure)
            toolkit.setFailed(login.failure);
        else if (report.summary.gate === 'fail')
            toolkit.setFailed(`pullcheck: ${(0,labels/* headline */.Pl)(report.summary)}`);
    }
    catch (error) {
        fail(error, env);
    }
}
/** The report's sinks: report files and outputs, annotations, the job summary, the pull request comment. */
async function writeSinks(report, options, pr, env) {
    setReportOutputs(toolkit, report, {
        json: writeReportFile('pullcheck-report.json', (0,json/* jsonReportChunks */.x$)(report), env['RUNNER_TEMP']),
        sarif: writeReportFile('pullcheck-report.sarif', (0,sarif/* renderSarif */.W)(report), env['RUNNER_TEMP']),
    });
    annotate(toolkit, report, env['GITHUB_WORKSPACE']);
    const detailsUrl = runUrl(env);
    if (env['GITHUB_STEP_SUMMARY']) {
        toolkit.appendSummary((0,outgoing_text/* redactCredentials */.UY)((0,markdown/* renderMarkdown */.G)(report, { maxLength: SUMMARY_LIMIT })));
    }
    const request = {
        pr,
        mode: options.comment,
        key: options.commentKey,
        token: options.githubToken,
        detailsUrl,
        apiUrl: env['GITHUB_API_URL'] || undefined,
    };
    toolkit.setOutput('comment-url', (await commentOnPullRequest(request, report, toolkit)) ?? '');
}
/**
 * The logins, and their outputs. A failed login fails the step — after the check has reported, so it is
 * returned, not thrown. A pull request from a fork gets no OIDC token: the federated logins are skipped
 * with one warning, and the check reads what it can without them.
 */
async function logIn(config, options, env, pr) {
    const federated = providers/* providers */.r5.flatMap((provider) => provider.federatedInputs?.(options.loginInputs) ?? []);
    const untrusted = pr?.fromFork
        ? 'a pull request from a fork'
        : env['GITHUB_ACTOR'] === 'dependabot[bot]'
            ? 'a Dependabot run'
            : undefined;
    if (federated.length > 0 && !env['ACTIONS_ID_TOKEN_REQUEST_URL'] && untrusted) {
        toolkit.warning(`pullcheck: no OIDC token: GitHub gives none to ${untrusted}, so the logins (${federated.join(', ')}) are skipped; the check reads what it can without them, and pulls it cannot decide are unknown`);
        setLoginOutputs([]);
        return { sessions: {} };
    }
    try {
        const login = await (0,action_login/* loginStep */.E)(config, options, env);
        setLoginOutputs(login.registries);
        return { sessions: login.sessions };
    }
    catch (error) {
        if (!(error instanceof login/* LoginError */.Q || error instanceof docker_config/* DockerConfigError */.Zh || error instanceof oidc/* OidcError */.u))
            throw error;
        return { sessions: {}, failure: `pullcheck: ${error.message}` };
    }
}
/** `registries`, one host per line, and `registry` — the host when exactly one was logged in to, as amazon-ecr-login gives it. */
function setLoginOutputs(registries) {
    toolkit.setOutput('registries', registries.join('\n'));
    toolkit.setOutput('registry', registries.length === 1 ? registries[0] : '');
}
/** Live reads use the sessions the OIDC login obtained, else the ambient credentials. */
function liveReadSetup(options, sessions) {
    const credentials = { ...sessions };
    const credentialHints = {};
    for (const provider of providers/* providers */.r5) {
        if (provider.credentialHint)
            credentialHints[provider.name] = provider.credentialHint;
        const given = provider.inputCredentials?.(options.loginInputs);
        if (given !== undefined)
            credentials[provider.name] = given;
    }
    return { credentials, credentialHints };
}
function fail(error, env) {
    if (error instanceof errors/* ConfigError */.xL) {
        // upload-sarif in a later step still finds its file: the errors are its notifications.
        const problems = error.problems.map((problem) => ({
            message: problem.message,
            file: repositoryPath(problem.where.file, env['GITHUB_WORKSPACE']),
            line: problem.where.line,
        }));
        toolkit.setOutput('sarif-file', writeReportFile('pullcheck-report.sarif', (0,sarif/* renderSarifFailure */.y)(problems), env['RUNNER_TEMP']));
        for (const problem of error.problems) {
            toolkit.error(problem.message, {
                file: problem.where.file,
                startLine: problem.where.line,
                startColumn: problem.where.column,
            });
        }
        toolkit.setFailed(`pullcheck: the config has ${error.problems.length} error(s)`);
    }
    else if (error instanceof InputError) {
        toolkit.setFailed(`pullcheck: ${error.message}`);
    }
    else {
        toolkit.setFailed(`pullcheck: internal error: ${error.message}`);
    }
}
function runUrl(env) {
    const server = env['GITHUB_SERVER_URL'];
    const repository = env['GITHUB_REPOSITORY'];
    const runId = env['GITHUB_RUN_ID'];
    return server && repository && runId ? `${server}/${repository}/actions/runs/${runId}` : undefined;
}


/***/ }),

/***/ 24112:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   appendSummary: () => (/* binding */ appendSummary),
/* harmony export */   error: () => (/* binding */ error),
/* harmony export */   getIDToken: () => (/* binding */ getIDToken),
/* harmony export */   getInput: () => (/* binding */ getInput),
/* harmony export */   getState: () => (/* binding */ getState),
/* harmony export */   info: () => (/* binding */ info),
/* harmony export */   saveState: () => (/* binding */ saveState),
/* harmony export */   setFailed: () => (/* binding */ setFailed),
/* harmony export */   setOutput: () => (/* binding */ setOutput),
/* harmony export */   setSecret: () => (/* binding */ setSecret),
/* harmony export */   warning: () => (/* binding */ warning)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
// The runner's protocol as the action uses it: inputs from INPUT_* variables, outputs and state through the
// environment files, workflow commands on stdout (annotations, masks), the job summary, and GitHub's OIDC
// token. Written from GitHub's "Workflow commands for GitHub Actions" and "Metadata syntax" docs instead of
// loading @actions/core at start-up: its OIDC client statically imports undici (about 1 MB of the bundle,
// ~40 ms of CPU on every run that logs in nowhere). @actions/core still serves a token request made
// through a proxy (HTTPS_PROXY or HTTP_PROXY), loaded then.



/** `INPUT_<NAME>` (spaces as `_`, upper case), trimmed; empty when not given. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
function setOutput(name, value) {
    if (process.env['GITHUB_OUTPUT'])
        return appendKeyValue(process.env['GITHUB_OUTPUT'], name, value);
    // A write of its own, as @actions/core makes it: the stdout guard starts each write's first line afresh.
    process.stdout.write(node_os__WEBPACK_IMPORTED_MODULE_2__.EOL);
    issue('set-output', { name }, value);
}
function saveState(name, value) {
    if (process.env['GITHUB_STATE'])
        appendKeyValue(process.env['GITHUB_STATE'], name, value);
    else
        issue('save-state', { name }, value);
}
/** A value the main step saved, given to the post step as `STATE_<name>`. */
function getState(name) {
    return process.env[`STATE_${name}`] ?? '';
}
/** The runner replaces the value with *** in every later log line. */
function setSecret(secret) {
    issue('add-mask', {}, secret);
}
function info(message) {
    process.stdout.write(message + node_os__WEBPACK_IMPORTED_MODULE_2__.EOL);
}
function warning(message, properties = {}) {
    issue('warning', annotation(properties), message);
}
function error(message, properties = {}) {
    issue('error', annotation(properties), message);
}
/** An error annotation, and the step fails when the process ends. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/** Appends Markdown to the job summary (GITHUB_STEP_SUMMARY). */
function appendSummary(markdown) {
    const file = process.env['GITHUB_STEP_SUMMARY'];
    if (!file)
        throw new Error('GITHUB_STEP_SUMMARY is not set: this runner has no job summary');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync)(file, markdown, 'utf8');
}
/** GitHub's OIDC ID token for `audience`; the token is masked before it is returned. */
async function getIDToken(audience, sleep = realSleep) {
    const url = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
    if (PROXY_VARIABLES.some((name) => process.env[name])) {
        const core = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(421)]).then(__webpack_require__.bind(__webpack_require__, 96421));
        return core.getIDToken(audience);
    }
    const bearer = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
    if (!url)
        throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
    if (!bearer)
        throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
    let response;
    // A busy token service (502, 503, 504) is asked again, as @actions/core's client does.
    for (let attempt = 0; attempt < TOKEN_ATTEMPTS; attempt++) {
        if (attempt > 0)
            await sleep(1000 * 2 ** (attempt - 1));
        response = await fetch(`${url}&audience=${encodeURIComponent(audience)}`, {
            headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' },
            signal: AbortSignal.timeout(60_000),
        });
        if (![502, 503, 504].includes(response.status))
            break;
    }
    if (!response?.ok) {
        throw new Error(`Failed to get ID Token: the token service answered ${response?.status}`);
    }
    const value = (await response.json()).value;
    if (typeof value !== 'string' || value === '')
        throw new Error('Response json body do not have ID Token field');
    setSecret(value);
    return value;
}
// A proxy of either scheme: @actions/core's HTTP client goes through it, so the request is left to that.
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];
const TOKEN_ATTEMPTS = 5;
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** The property names of workflow commands, in the order @actions/core writes them. */
function annotation(properties) {
    return {
        title: properties.title,
        file: properties.file,
        line: properties.startLine,
        endLine: properties.endLine,
        col: properties.startColumn,
        endColumn: properties.endColumn,
    };
}
/** `::command key=value,…::message`: data and property values escaped so they stay one command. */
function issue(command, properties, message) {
    // As @actions/core: a property without a value (undefined, empty, 0) is left out.
    const given = Object.entries(properties).filter(([, value]) => Boolean(value));
    const props = given.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
    const line = `::${command}${props ? ` ${props}` : ''}::${escapeData(commandValue(message))}`;
    process.stdout.write(`${line}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`);
}
/** `name<<DELIMITER` … `DELIMITER`, with a delimiter that occurs in neither, so a value may span lines. */
function appendKeyValue(file, name, value) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(file))
        throw new Error(`Missing file at path: ${file}`);
    const text = commandValue(value);
    const delimiter = `ghadelimiter_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;
    if (name.includes(delimiter) || text.includes(delimiter)) {
        throw new Error(`Unexpected input: the name or value contains the delimiter ${delimiter}`);
    }
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync)(file, `${name}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}${text}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`, 'utf8');
}
function commandValue(value) {
    if (value === null || value === undefined)
        return '';
    return typeof value === 'string' ? value : JSON.stringify(value);
}
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}


/***/ }),

/***/ 9999:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Q: () => (/* reexport */ provider/* LoginError */.Qd),
  c: () => (/* binding */ loginToRegistries)
});

// EXTERNAL MODULE: ./lib/core/provider.js
var provider = __webpack_require__(87990);
// EXTERNAL MODULE: ./lib/login/docker-config.js + 4 modules
var docker_config = __webpack_require__(19477);
;// CONCATENATED MODULE: ./lib/login/verify.js
class RegistryLoginError extends Error {
    unreachable;
    name = 'RegistryLoginError';
    constructor(message, 
    /** The registry could not be reached at all (as opposed to refusing the credentials). */
    unreachable = false) {
        super(message);
        this.unreachable = unreachable;
    }
}
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Resolves when the registry at `endpoint` (e.g. https://HOST) accepts the credential. */
async function verifyLogin(endpoint, credential, options = {}) {
    const get = (url, headers = {}) => fetchWithRetries(url, headers, options);
    const base = `${endpoint.replace(/\/+$/, '')}/v2/`;
    const first = await get(base);
    if (first.ok)
        return; // an open registry: nothing to prove
    if (first.status !== 401)
        throw new RegistryLoginError(`${base} answered ${first.status} ${await errorText(first)}`);
    const challenge = first.headers.get('www-authenticate') ?? '';
    const basic = `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`;
    let authorization = basic;
    if (/^bearer\s/i.test(challenge)) {
        const parameters = challengeParameters(challenge);
        const realm = parameters['realm'];
        if (!realm)
            throw new RegistryLoginError(`${base} sent a Bearer challenge without a realm`);
        const tokenUrl = new URL(realm);
        if (parameters['service'])
            tokenUrl.searchParams.set('service', parameters['service']);
        if (parameters['scope'])
            tokenUrl.searchParams.set('scope', parameters['scope']);
        const tokenResponse = await get(tokenUrl.toString(), { authorization: basic });
        if (!tokenResponse.ok) {
            throw new RegistryLoginError(`the token service ${tokenUrl.origin}${tokenUrl.pathname} refused the credentials: ${tokenResponse.status} ${await errorText(tokenResponse)}`);
        }
        const body = (await tokenResponse.json());
        const token = body.token ?? body.access_token;
        if (!token)
            throw new RegistryLoginError(`the token service ${tokenUrl.origin} answered without a token`);
        authorization = `Bearer ${token}`;
    }
    else if (!/^basic\s/i.test(challenge)) {
        throw new RegistryLoginError(`${base} asked for an authentication scheme pullcheck does not speak: ${challenge.split(' ')[0] || '(none)'}`);
    }
    const proof = await get(base, { authorization });
    if (!proof.ok)
        throw new RegistryLoginError(`${base} refused the credentials: ${proof.status} ${await errorText(proof)}`);
}
/** `Bearer realm="https://…",service="…",scope="…"` → { realm, service, scope }. */
function challengeParameters(challenge) {
    const parameters = {};
    for (const match of challenge.replace(/^\S+\s+/, '').matchAll(/(\w+)="([^"]*)"/g)) {
        parameters[match[1].toLowerCase()] = match[2];
    }
    return parameters;
}
async function fetchWithRetries(url, headers, options) {
    const attempts = options.attempts ?? 3;
    const sleep = options.sleep ?? realSleep;
    let lastProblem = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
        try {
            const response = await fetch(url, {
                headers,
                signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
                redirect: 'follow',
            });
            if (response.status < 500)
                return response;
            lastProblem = `${response.status} ${await errorText(response)}`;
        }
        catch (error) {
            lastProblem = describeNetworkError(error);
        }
        if (attempt < attempts)
            await sleep(250 * 2 ** (attempt - 1));
    }
    throw new RegistryLoginError(`${new URL(url).origin} could not be reached after ${attempts} attempts: ${lastProblem}`);
}
/** The registry's own words (its `errors[].message`), short, never echoing request headers. */
async function errorText(response) {
    const text = await response.text().catch(() => '');
    try {
        const body = JSON.parse(text);
        const messages = (body.errors ?? []).map((error) => error.message ?? error.code ?? '').filter(Boolean);
        if (messages.length > 0)
            return `(${messages.join('; ')})`;
    }
    catch {
        // not JSON: fall through
    }
    return response.statusText ? `(${response.statusText})` : '';
}
function describeNetworkError(error) {
    const cause = error.cause;
    if (error.name === 'TimeoutError')
        return 'timed out';
    return cause?.code ?? cause?.message ?? error.message;
}

// EXTERNAL MODULE: ./lib/providers/index.js + 3 modules
var providers = __webpack_require__(68308);
;// CONCATENATED MODULE: ./lib/check/login.js





async function loginToRegistries(images, inputs, environment) {
    const endpointOf = environment.config.endpoints?.registries ?? {};
    const logins = [];
    const sessions = {};
    for (const provider of providers/* providers */.r5) {
        const kinds = new Set(provider.registries.map((registry) => registry.kind));
        const own = images.filter((image) => kinds.has(image.registry.kind));
        if (!provider.login || own.length === 0)
            continue;
        const module = await provider.login();
        const outcome = await module.logIn({ ...environment, images: own, inputs, endpoints: endpointOf });
        if (outcome.session !== undefined)
            sessions[provider.name] = outcome.session;
        logins.push(...outcome.logins.map((login) => ({ login, refusedHint: module.refusedHint })));
    }
    for (const { login, refusedHint } of logins) {
        const endpoint = endpointOf[login.host] ?? `https://${login.host}`;
        try {
            await verifyLogin(endpoint, login, environment.handshake);
        }
        catch (error) {
            if (!(error instanceof RegistryLoginError))
                throw error;
            const hint = error.unreachable ? 'check the endpoint and the network' : refusedHint;
            throw new provider/* LoginError */.Qd(`login to ${login.host} failed: ${error.message}; ${hint}`);
        }
        environment.info(`pullcheck: logged in to ${login.host}${endpoint.includes(login.host) ? '' : ` (through ${endpoint})`}`);
    }
    // A registry reached through an endpoint override gets the credentials under both names.
    const entries = logins.flatMap(({ login }) => {
        const endpoint = endpointOf[login.host];
        return endpoint ? [login, { ...login, host: new URL(endpoint).host }] : [login];
    });
    const records = entries.length === 0
        ? []
        : (0,docker_config/* loginToAuthFiles */.Os)((0,docker_config/* dockerConfigFiles */.KD)(environment.env), entries, {
            env: environment.env,
            info: environment.info,
            ...(environment.backupDir === undefined ? {} : { backupDir: environment.backupDir }),
        });
    return { registries: [...new Set(logins.map(({ login }) => login.host))], records, sessions };
}


/***/ }),

/***/ 19477:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Zh: () => (/* reexport */ DockerConfigError),
  KD: () => (/* binding */ dockerConfigFiles),
  Os: () => (/* binding */ loginToAuthFiles),
  TE: () => (/* binding */ removeLogins)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./lib/login/config-file.js
// Reading and writing one Docker config / containers auth file without ever leaving it half written: a
// symlinked file is written through to its target (the link stays, as `docker login` keeps it: docker/cli
// configfile Save follows the link, dangling or not, and copies the old file's permissions), the new text
// lands by rename in the target's own folder, and a file pullcheck cannot parse is never touched.



class DockerConfigError extends Error {
    name = 'DockerConfigError';
}
// The kernel gives up on a symlink chain at 40 links (ELOOP); so does this.
const MAX_LINKS = 40;
/** The file a write must replace: `file` itself, or the end of its symlink chain (which may not exist yet). */
function configTarget(file) {
    let current = external_node_path_.resolve(file);
    for (let links = 0; links <= MAX_LINKS; links++) {
        let isLink;
        try {
            isLink = (0,external_node_fs_.lstatSync)(current).isSymbolicLink();
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return current;
            throw error;
        }
        if (!isLink)
            return current;
        current = external_node_path_.resolve(external_node_path_.dirname(current), (0,external_node_fs_.readlinkSync)(current));
    }
    throw new DockerConfigError(`${file} is a chain of more than ${MAX_LINKS} symlinks; pullcheck left it untouched`);
}
/** The file's text, or null when there is none. */
function readConfigText(target) {
    try {
        return (0,external_node_fs_.readFileSync)(target, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return null;
        throw error;
    }
}
/** `file` names the config in messages (the path the user knows, not a link's target). */
function parseConfig(text, file) {
    if (text === null || text.trim() === '')
        return {};
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        // V8 quotes the text around the error ('..."auth": c2Vj"... is not valid JSON'): in a Docker config
        // that text is a credential, so only the position is reported.
        const position = /position (\d+)/.exec(error.message)?.[1];
        const where = position === undefined ? '' : ` near character ${position}`;
        throw new DockerConfigError(`${file} is not valid JSON${where}; pullcheck left it untouched: fix or remove it`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new DockerConfigError(`${file} is not a JSON object; pullcheck left it untouched: fix or remove it`);
    }
    for (const key of ['auths', 'credHelpers']) {
        const map = value[key];
        if (map !== undefined && (typeof map !== 'object' || map === null || Array.isArray(map))) {
            throw new DockerConfigError(`${file}: "${key}" is not an object; pullcheck left it untouched`);
        }
    }
    return value;
}
/** Keeps the file's own indentation (Docker writes tabs). */
function serializeConfig(config, previous) {
    const indent = /\n(\t| +)"/.exec(previous ?? '')?.[1] ?? '\t';
    return `${JSON.stringify(config, null, indent)}\n`;
}
/**
 * temp file in the target's folder + rename: a reader never sees half a file, a crash never leaves one,
 * and the rename cannot cross file systems. An existing file keeps its mode (and owner, when allowed); a
 * new one is 0600.
 */
function writeConfigAtomically(target, text) {
    (0,external_node_fs_.mkdirSync)(external_node_path_.dirname(target), { recursive: true, mode: 0o700 });
    let previous;
    try {
        previous = (0,external_node_fs_.statSync)(target);
    }
    catch {
        previous = undefined;
    }
    const temporary = external_node_path_.join(external_node_path_.dirname(target), `.${external_node_path_.basename(target)}.pullcheck-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`);
    try {
        (0,external_node_fs_.writeFileSync)(temporary, text, { mode: 0o600, flag: 'wx' });
        if (previous) {
            (0,external_node_fs_.chmodSync)(temporary, previous.mode & 0o7777);
            if (previous.uid !== process.getuid?.() || previous.gid !== process.getgid?.()) {
                try {
                    (0,external_node_fs_.chownSync)(temporary, previous.uid, previous.gid);
                }
                catch {
                    // Only root may give a file away; the file then belongs to the user running the job.
                }
            }
        }
        (0,external_node_fs_.renameSync)(temporary, target);
    }
    finally {
        (0,external_node_fs_.rmSync)(temporary, { force: true });
    }
}
function removeConfigFile(target) {
    (0,external_node_fs_.rmSync)(target, { force: true });
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ./lib/login/credential-helper.js
// The Docker credential-helper protocol, spoken the way `docker login` and containers/image speak it
// (docker/docker-credential-helpers client/client.go): `docker-credential-NAME store` reads
// {"ServerURL","Username","Secret"} on stdin; `get` and `erase` read the server address; a failing helper
// writes its error to stdout, and `get` of an unknown host answers "credentials not found in native
// keychain". Nothing here prints a secret: a helper's own words are bounded and redacted first.

class CredentialHelperError extends Error {
    program;
    host;
    problem;
    name = 'CredentialHelperError';
    constructor(program, host, 
    /** What went wrong, without a secret: "is not on PATH", "failed to store the login: …". */
    problem) {
        super(`${program} ${problem} (for ${host})`);
        this.program = program;
        this.host = host;
        this.problem = problem;
    }
}
const NOT_FOUND = 'credentials not found in native keychain';
// docker-credential-NAME is looked up on PATH; a name with a '/' would run a file by path instead.
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
// A helper may wait on a keyring unlock prompt that nobody answers in CI.
const TIMEOUT_MS = 30_000;
const DETAIL_LIMIT = 200;
function helperProgram(helper) {
    return `docker-credential-${helper}`;
}
/** The credentials the helper holds for `host`, or null when it holds none. */
function helperGet(helper, host, env) {
    const answer = runHelper(helper, host, 'get', host, env, []);
    if (answer.notFound)
        return null;
    let value;
    try {
        value = JSON.parse(answer.stdout);
    }
    catch {
        value = undefined;
    }
    const { Username, Secret } = (value ?? {});
    // Never quote the answer: it is meant to hold a secret.
    if (typeof Username !== 'string' || typeof Secret !== 'string')
        throw new CredentialHelperError(helperProgram(helper), host, 'answered get with something other than credentials');
    return { Username, Secret };
}
function helperStore(helper, host, credentials, env) {
    const input = JSON.stringify({ ServerURL: host, ...credentials });
    runHelper(helper, host, 'store', input, env, [
        credentials.Secret,
        `${credentials.Username}:${credentials.Secret}`,
    ]);
}
function helperErase(helper, host, env) {
    runHelper(helper, host, 'erase', host, env, []);
}
function runHelper(helper, host, action, input, env, secrets) {
    const program = helperProgram(helper);
    if (!HELPER_NAME.test(helper))
        throw new CredentialHelperError(program, host, 'is not a credential helper name pullcheck will run');
    const result = (0,external_node_child_process_.spawnSync)(program, [action], {
        input,
        env,
        encoding: 'utf8',
        timeout: TIMEOUT_MS,
        killSignal: 'SIGKILL',
        maxBuffer: 1024 * 1024,
        stdio: ['pipe', 'pipe', 'pipe'],
    });
    const code = result.error?.code;
    if (code === 'ENOENT')
        throw new CredentialHelperError(program, host, 'is not on PATH');
    if (code === 'EACCES')
        throw new CredentialHelperError(program, host, 'is not executable');
    if (code === 'ETIMEDOUT' || result.signal)
        throw new CredentialHelperError(program, host, `did not answer ${action} within ${TIMEOUT_MS / 1000} s`);
    if (result.error)
        throw new CredentialHelperError(program, host, `could not run: ${code ?? 'error'}`);
    const stdout = result.stdout ?? '';
    if (result.status === 0)
        return { stdout, notFound: false };
    if (action === 'get' && stdout.trim() === NOT_FOUND)
        return { stdout: '', notFound: true };
    const said = helperWords(stdout.trim() || (result.stderr ?? '').trim(), secrets);
    throw new CredentialHelperError(program, host, `failed to ${action} the login (exit ${result.status})${said ? `: ${said}` : ''}`);
}
/** A helper's error message, fit to print: no secret (also base64'd), one line, bounded. */
function helperWords(text, secrets) {
    let words = text;
    for (const secret of secrets.filter((s) => s.length > 0)) {
        for (const form of [secret, Buffer.from(secret).toString('base64')])
            words = words.split(form).join('***');
    }
    // Output that looks like credentials is not an error message: withhold it whole.
    if (/"Secret"|"auth"/i.test(words))
        return '(output withheld)';
    // eslint-disable-next-line no-control-regex
    words = words.replace(/[\u0000-\u001f\u007f]+/g, ' ');
    return words.length > DETAIL_LIMIT ? `${words.slice(0, DETAIL_LIMIT)}…` : words;
}

;// CONCATENATED MODULE: ./lib/login/helper-logins.js
// Logins for hosts a credential helper serves. Both Docker and containers/image (Podman, Buildah, Skopeo)
// ask a host's `credHelpers` helper and never read its `auths` entry; Docker also sends every other host
// to a global `credsStore`, which containers/image does not know (its dockerConfigFile has no credsStore
// field, so it reads `auths`): containers/image pkg/docker/config/config.go findCredentialsInFile, and
// docker/cli cli/config/configfile/file.go getConfiguredCredentialStore. So a login such a host must go
// through the helper, as `docker login` does, or fail — an `auths` entry alone would be ignored.



/**
 * The helper that serves `host` for the clients reading this file, if any. `readByDocker`: the file is
 * Docker's config (its credsStore counts); REGISTRY_AUTH_FILE is read by containers/image alone.
 */
function helperServing(config, host, readByDocker) {
    const perHost = config['credHelpers']?.[host];
    // Docker treats an empty helper name as none (getConfiguredCredentialStore checks helper != "").
    if (typeof perHost === 'string' && perHost !== '')
        return { helper: perHost, source: 'credHelpers' };
    const global = config['credsStore'];
    if (readByDocker && typeof global === 'string' && global !== '')
        return { helper: global, source: 'credsStore' };
    return undefined;
}
/**
 * Stores each login in its helper. Every helper is asked for its current entry first, so nothing changes
 * unless all of them answer; a store that fails (or that the helper does not give back) undoes the stores
 * before it. Failures are DockerConfigErrors naming the helper and the host.
 */
function storeInHelpers(file, planned, env) {
    const withPrevious = planned.map((login) => ({
        login,
        previous: attempt(file, login, () => helperGet(login.helper, login.host, env)),
    }));
    const done = [];
    for (const { login, previous } of withPrevious) {
        try {
            attempt(file, login, () => {
                helperStore(login.helper, login.host, login.credentials, env);
                const stored = helperGet(login.helper, login.host, env);
                if (!stored || digest(stored) !== digest(login.credentials))
                    throw new CredentialHelperError(helperProgram(login.helper), login.host, 'does not give back the login it was given');
            });
            done.push({
                helper: login.helper,
                source: login.source,
                host: login.host,
                previous,
                written: digest(login.credentials),
            });
        }
        catch (error) {
            // The failed store may have half happened: put its host back too.
            const undo = undoHelperLogins([...done, { ...login, previous, written: digest(login.credentials) }], env);
            const leftovers = undo.failures.length > 0 ? `; could not undo: ${undo.failures.join('; ')}` : '';
            throw new DockerConfigError(`${error.message}${leftovers}`);
        }
    }
    return done;
}
/** Puts back what each helper held before, newest first; an entry someone changed since is left alone. */
function undoHelperLogins(logins, env) {
    const changedSince = [];
    const failures = [];
    for (const login of [...logins].reverse()) {
        const program = helperProgram(login.helper);
        try {
            const current = helperGet(login.helper, login.host, env);
            if (current === null || digest(current) !== login.written) {
                // Nothing of ours is there to take out (or someone logged in again since).
                if (current !== null)
                    changedSince.push(`${login.host} in ${program}`);
                continue;
            }
            if (login.previous)
                helperStore(login.helper, login.host, login.previous, env);
            else
                helperErase(login.helper, login.host, env);
        }
        catch (error) {
            failures.push(error instanceof CredentialHelperError ? error.message : `${program}: ${error.name}`);
        }
    }
    return { changedSince, failures };
}
/** Runs a helper call; its failure becomes one message naming the helper, the host and the way out. */
function attempt(file, login, call) {
    try {
        return call();
    }
    catch (error) {
        if (!(error instanceof CredentialHelperError))
            throw error;
        const program = helperProgram(login.helper);
        const readers = login.source === 'credHelpers'
            ? `Docker, Podman and Skopeo read ${login.host}'s login from that helper, not from "auths"`
            : `Docker reads every login from that helper, not from "auths"`;
        const wayOut = login.source === 'credHelpers'
            ? `install ${program} on the runner, or remove "${login.host}" from "credHelpers" in ${file}`
            : `install ${program} on the runner, or remove "credsStore" from ${file}`;
        throw new DockerConfigError(`could not log in to ${login.host}: ${file} sends it to the credential helper ${program} ("${login.source}"), which ${error.problem}. ${readers}, so pullcheck does not write a login they would ignore: ${wayOut}`);
    }
}
function digest(credentials) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify([credentials.Username, credentials.Secret]))
        .digest('hex');
}

;// CONCATENATED MODULE: ./lib/login/login-backup.js
// Where the post step finds what the logins replaced. The backup holds the user's previous credentials,
// so it lives in a private folder (mkdtemp: 0700, a fresh unguessable name) under RUNNER_TEMP, named so
// that no report glob there (`pullcheck-report*`, `*.json`, hidden files left out) picks it up for upload.


const FOLDER_PREFIX = '.pullcheck-logins-';
/** A new private folder under `parent` for this step's backups. */
function createBackupFolder(parent) {
    return (0,external_node_fs_.mkdtempSync)(external_node_path_.join(parent, FOLDER_PREFIX));
}
function writeBackup(folder, name, value) {
    const file = external_node_path_.join(folder, `${name}.backup`);
    (0,external_node_fs_.writeFileSync)(file, JSON.stringify(value), { mode: 0o600, flag: 'wx' });
    return file;
}
/** The backup's value, or undefined when it is gone. */
function readBackup(file) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
    return JSON.parse(text);
}
/** Deletes the backup, then its folder once no other backup is left in it. */
function deleteBackup(file) {
    (0,external_node_fs_.rmSync)(file, { force: true });
    const folder = external_node_path_.dirname(file);
    if (!external_node_path_.basename(folder).startsWith(FOLDER_PREFIX))
        return;
    try {
        (0,external_node_fs_.rmdirSync)(folder);
    }
    catch {
        // Another file's backup is still there; the last one out removes the folder.
    }
}

;// CONCATENATED MODULE: ./lib/login/docker-config.js
// The Docker config (`$DOCKER_CONFIG/config.json`, default ~/.docker/config.json; also REGISTRY_AUTH_FILE
// for Podman, Buildah and Skopeo): logins are merged in — into `auths`, or through the credential helper
// the file names for the host — and taken out again exactly by the post step, from a private backup.








function dockerConfigFiles(env) {
    const docker = external_node_path_.join(env['DOCKER_CONFIG'] || external_node_path_.join(external_node_os_.homedir(), '.docker'), 'config.json');
    const registryAuth = env['REGISTRY_AUTH_FILE'];
    return registryAuth && external_node_path_.resolve(registryAuth) !== external_node_path_.resolve(docker)
        ? [
            { path: docker, readByDocker: true },
            { path: registryAuth, readByDocker: false },
        ]
        : [{ path: docker, readByDocker: true }];
}
/**
 * Logs in through every file, all or nothing: a file or helper that fails undoes the files before it.
 * Returns how to undo the logins (nothing when no backupDir was given).
 */
function loginToAuthFiles(files, logins, options) {
    const applied = [];
    try {
        for (const file of files) {
            const backup = applyLogins(file, logins, options.env);
            applied.push({ file: file.path, backup });
            for (const { helper, source, host } of backup.helpers)
                options.info?.(`pullcheck: the login for ${host} is in docker-credential-${helper} ("${source}" in ${file.path})`);
        }
        if (options.backupDir === undefined)
            return [];
        const folder = keepBackupFolder(options.backupDir);
        const hosts = [...new Set(logins.map((login) => login.host))];
        return applied.map(({ file, backup }, index) => ({
            file,
            hosts,
            backupFile: writeBackup(folder, `docker-config-${index + 1}`, backup),
        }));
    }
    catch (error) {
        const leftovers = applied
            .reverse()
            .flatMap(({ file, backup }) => undoLogins(file, backup, options.env).failures);
        const message = error instanceof DockerConfigError
            ? error.message
            : `could not log in through ${files.map((f) => f.path).join(', ')}: ${error.message}`;
        throw new DockerConfigError(leftovers.length > 0
            ? `${message}; undoing the logins made before also failed: ${leftovers.join('; ')}`
            : message);
    }
}
/**
 * Takes out exactly the logins pullcheck made, restoring what they replaced. When nothing else changed
 * meanwhile, the file gets back its original bytes. The backup is deleted unless something failed.
 */
function removeLogins(record, env) {
    let backup;
    try {
        backup = readBackup(record.backupFile);
    }
    catch {
        backup = undefined;
    }
    if (!isBackup(backup)) {
        return {
            changedSince: [],
            failures: [
                `its backup ${record.backupFile} is missing or unreadable, so the logins for ${record.hosts.join(', ')} were left in place`,
            ],
        };
    }
    const report = undoLogins(record.file, backup, env);
    if (report.failures.length === 0)
        deleteBackup(record.backupFile);
    return report;
}
function applyLogins(file, logins, env) {
    const target = configTarget(file.path);
    const original = readConfigText(target);
    const config = parseConfig(original, file.path);
    const auths = { ...config['auths'] };
    const replaced = {};
    const written = {};
    const viaHelpers = new Map();
    for (const login of logins) {
        const route = helperServing(config, login.host, file.readByDocker);
        if (route) {
            const credentials = { Username: login.username, Secret: login.password };
            viaHelpers.set(login.host, { ...route, host: login.host, credentials });
        }
        // A credHelpers host reads nothing from `auths`; a credsStore host still does for containers/image.
        if (route?.source === 'credHelpers')
            continue;
        const entry = { auth: Buffer.from(`${login.username}:${login.password}`).toString('base64') };
        if (!(login.host in written))
            replaced[login.host] = auths[login.host] ?? null;
        auths[login.host] = entry;
        written[login.host] = docker_config_digest(entry);
    }
    const helpers = storeInHelpers(file.path, [...viaHelpers.values()], env);
    try {
        if (Object.keys(written).length > 0)
            writeConfigAtomically(target, serializeConfig({ ...config, auths }, original));
    }
    catch (error) {
        undoHelperLogins(helpers, env);
        throw error;
    }
    return { original, replaced, written, helpers };
}
function undoLogins(file, backup, env) {
    const { changedSince, failures } = undoHelperLogins(backup.helpers, env);
    if (Object.keys(backup.written).length === 0)
        return { changedSince, failures };
    try {
        changedSince.push(...undoAuths(file, backup));
    }
    catch (error) {
        failures.push(error instanceof DockerConfigError
            ? error.message
            : `${file}: ${error.code ?? error.name}`);
    }
    return { changedSince, failures };
}
/** Restores the `auths` entries; returns the hosts left alone because they changed since. */
function undoAuths(file, backup) {
    const target = configTarget(file);
    const current = readConfigText(target);
    const config = parseConfig(current, file);
    const auths = { ...config['auths'] };
    const changedSince = [];
    for (const [host, hash] of Object.entries(backup.written)) {
        if (auths[host] === undefined || docker_config_digest(auths[host]) !== hash) {
            if (auths[host] !== undefined)
                changedSince.push(`${host} in ${file}`);
            continue;
        }
        const previous = backup.replaced[host];
        if (previous === null || previous === undefined)
            delete auths[host];
        else
            auths[host] = previous;
    }
    const restored = { ...config, auths };
    if ((0,external_node_util_.isDeepStrictEqual)(withoutEmptyAuths(restored), withoutEmptyAuths(parseConfig(backup.original, file)))) {
        if (backup.original === null)
            removeConfigFile(target);
        else
            writeConfigAtomically(target, backup.original);
    }
    else if (!(0,external_node_util_.isDeepStrictEqual)(restored, config)) {
        writeConfigAtomically(target, serializeConfig(restored, current));
    }
    return changedSince;
}
function keepBackupFolder(parent) {
    try {
        return createBackupFolder(parent);
    }
    catch (error) {
        throw new DockerConfigError(`could not create a private folder for the logins' backup in ${parent}: ${error.code ?? 'error'}`);
    }
}
function isBackup(value) {
    if (typeof value !== 'object' || value === null)
        return false;
    const backup = value;
    return ((typeof backup['original'] === 'string' || backup['original'] === null) &&
        typeof backup['replaced'] === 'object' &&
        typeof backup['written'] === 'object' &&
        Array.isArray(backup['helpers']));
}
function withoutEmptyAuths(config) {
    const auths = config['auths'];
    if (auths && Object.keys(auths).length === 0) {
        const rest = { ...config };
        delete rest['auths'];
        return rest;
    }
    return config;
}
function docker_config_digest(entry) {
    return (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(entry)).digest('hex');
}


/***/ }),

/***/ 80588:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ OidcError),
/* harmony export */   y: () => (/* binding */ withOidcRetries)
/* harmony export */ });
class OidcError extends Error {
    name = 'OidcError';
}
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function withOidcRetries(getIdToken, options = {}) {
    return async (audience) => {
        const attempts = options.attempts ?? 3;
        let last;
        for (let attempt = 1; attempt <= attempts; attempt++) {
            try {
                return await getIdToken(audience);
            }
            catch (error) {
                last = error;
                if (attempt < attempts)
                    await (options.sleep ?? realSleep)(500 * 2 ** (attempt - 1));
            }
        }
        const reason = last.message?.split('\n')[0] ?? String(last);
        throw new OidcError(`could not get GitHub's OIDC token for audience ${audience} after ${attempts} attempts (${reason}); does the workflow grant \`id-token: write\`?`);
    };
}


/***/ }),

/***/ 80342:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _shims_dirname_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85650);
/* harmony import */ var _action_toolkit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(24112);
/* harmony import */ var _action_login_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(93267);
/* harmony import */ var _action_guarded_stdout_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(91040);
/* harmony import */ var _action_run_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(71394);
// The action's entry: the main step, or — on the second run the runner makes for `post:` — the logout.





(0,_action_guarded_stdout_js__WEBPACK_IMPORTED_MODULE_4__/* .guardStdout */ .H)();
const isPost = _action_toolkit_js__WEBPACK_IMPORTED_MODULE_1__.getState('isPost') === 'true';
if (isPost) {
    (0,_action_login_js__WEBPACK_IMPORTED_MODULE_2__/* .logoutStep */ .R)();
}
else {
    _action_toolkit_js__WEBPACK_IMPORTED_MODULE_1__.saveState('isPost', 'true');
    await (0,_action_run_js__WEBPACK_IMPORTED_MODULE_3__/* .run */ .e)();
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ })

};
