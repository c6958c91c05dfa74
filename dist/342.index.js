export const id = 342;
export const ids = [342];
export const modules = {

/***/ 93267:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ loginStep),
/* harmony export */   R: () => (/* binding */ logoutStep)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96421);
/* harmony import */ var _core_plan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73504);
/* harmony import */ var _login_docker_config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86804);
/* harmony import */ var _login_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(18033);
/* harmony import */ var _login_oidc_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(80588);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(48161);
// The login half of the main step, and the logout post step: glue between the action's inputs and state
// and src/login. A post step never fails the job: problems become warnings.






const RECORDS_STATE = 'docker-config-logins';
/** Logs in to the registries of the config's images; returns the hosts and the sessions obtained. */
async function loginStep(config, options, env) {
    const { images } = (0,_core_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .buildPlan */ .G)(config);
    const endpoints = config.input.endpoints;
    const result = await (0,_login_index_js__WEBPACK_IMPORTED_MODULE_3__/* .loginToRegistries */ .c)(images, options, {
        getIdToken: (0,_login_oidc_js__WEBPACK_IMPORTED_MODULE_5__/* .withOidcRetries */ .y)((audience) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.getIDToken(audience)),
        mask: (secret) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.setSecret(secret),
        info: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(message),
        warning: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(message),
        env,
        endpoints: endpoints?.registries ?? {},
        ...(endpoints?.google ? { googleEndpoints: endpoints.google } : {}),
        backupDir: env['RUNNER_TEMP'] || node_os__WEBPACK_IMPORTED_MODULE_4__.tmpdir(),
    });
    if (options.logout && result.records.length > 0)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.saveState(RECORDS_STATE, JSON.stringify(result.records));
    return result;
}
/** The post step: takes out exactly the logins the main step added. */
function logoutStep() {
    const state = _actions_core__WEBPACK_IMPORTED_MODULE_0__.getState(RECORDS_STATE);
    if (!state)
        return;
    for (const record of JSON.parse(state)) {
        try {
            const changedSince = (0,_login_docker_config_js__WEBPACK_IMPORTED_MODULE_2__/* .removeLogins */ .TE)(record);
            for (const host of changedSince) {
                _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(`pullcheck: the ${host} entry of ${record.file} changed after login; it was left as it is`);
            }
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`pullcheck: logged out of the registries in ${record.file}`);
        }
        catch (error) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(`pullcheck: could not remove the logins from ${record.file}: ${error.message}`);
        }
    }
}


/***/ }),

/***/ 37582:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(96421);
// EXTERNAL MODULE: ./lib/collect/index.js + 3 modules
var collect = __webpack_require__(18811);
// EXTERNAL MODULE: ./lib/collect/merge.js
var merge = __webpack_require__(87630);
// EXTERNAL MODULE: ./lib/collect/snapshot.js
var snapshot = __webpack_require__(58988);
// EXTERNAL MODULE: ./lib/core/engine.js + 1 modules
var engine = __webpack_require__(53394);
// EXTERNAL MODULE: ./lib/core/errors.js
var errors = __webpack_require__(3828);
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

;// CONCATENATED MODULE: ./lib/inputs.js
class InputError extends Error {
    name = 'InputError';
}
const FAIL_ON = ['denied', 'unknown', 'never'];
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
        failOn: choice('fail-on', input('fail-on'), FAIL_ON, 'denied'),
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
        ...optional('awsRoleArn', input('aws-role-arn'), /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, 'aws-role-arn', 'an IAM role ARN'),
        ...optional('awsRegion', input('aws-region'), /^[a-z]{2}(-[a-z]+)+-\d+$/, 'aws-region', 'an AWS region'),
        ...optional('gcpWorkloadIdentityProvider', input('gcp-workload-identity-provider'), /^projects\/\d+\/locations\/global\/workloadIdentityPools\/[^/]+\/providers\/[^/]+$/, 'gcp-workload-identity-provider', 'projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER'),
        ...optional('gcpServiceAccount', input('gcp-service-account'), /^[^@\s]+@[^@\s]+$/, 'gcp-service-account', 'a service account email'),
        ...optional('openshiftServer', input('openshift-server'), /^https:\/\//, 'openshift-server', 'an https:// API server URL'),
        ...optional('openshiftToken', input('openshift-token'), /./, 'openshift-token', 'a token'),
        ...optional('audience', input('audience'), /./, 'audience', 'an audience'),
        ...optional('snapshot', input('snapshot'), /./, 'snapshot', 'a file path'),
        offline: booleanInput('offline', input('offline'), false),
    };
}
/** An optional input, checked against its shape; absent inputs are left out of Options. */
function optional(key, value, shape, name, expected) {
    if (value === '')
        return {};
    // The token is a secret: never echo it.
    if (!shape.test(value))
        throw new InputError(`input ${name} must be ${expected}${name === 'openshift-token' ? '' : ` (got "${value}")`}`);
    return { [key]: value };
}
function choice(name, value, allowed, fallback) {
    if (value === '')
        return fallback;
    if (!allowed.includes(value)) {
        throw new InputError(`input ${name} must be one of ${allowed.join(', ')} (got "${value}")`);
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
    throw new InputError(`input ${name} must be true or false (got "${value}")`);
}

// EXTERNAL MODULE: ./lib/providers/index.js + 29 modules
var providers = __webpack_require__(77493);
// EXTERNAL MODULE: ./lib/report/json.js
var json = __webpack_require__(97406);
// EXTERNAL MODULE: ./lib/report/sarif.js
var sarif = __webpack_require__(20123);
// EXTERNAL MODULE: ./lib/report/labels.js
var labels = __webpack_require__(67419);
// EXTERNAL MODULE: ./lib/report/markdown.js
var markdown = __webpack_require__(63021);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 21 modules
var github = __webpack_require__(11758);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(49735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(86856);
;// CONCATENATED MODULE: ./lib/github/octokit.js
// The only place Octokit lives: @actions/github's client (GITHUB_API_URL honoured) with retries on
// 5xx and waits on rate limits, adapted to the CommentsApi the sticky comment needs.



const RETRIES = 3;
function commentsApi(token, logger) {
    const octokit = (0,github/* getOctokit */.Q)(token, {
        throttle: {
            onRateLimit: (retryAfter, _options, _octokit, retryCount) => {
                logger.warning(`GitHub rate limit reached; retrying in ${retryAfter} s`);
                return retryCount < RETRIES;
            },
            onSecondaryRateLimit: (retryAfter, _options, _octokit, retryCount) => {
                logger.warning(`GitHub secondary rate limit reached; retrying in ${retryAfter} s`);
                return retryCount < RETRIES;
            },
        },
        retry: { retries: RETRIES },
    }, dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
    return {
        listComments: (pr) => octokit.paginate(octokit.rest.issues.listComments, {
            owner: pr.owner,
            repo: pr.repo,
            issue_number: pr.number,
            per_page: 100,
        }),
        createComment: async (pr, body) => (await octokit.rest.issues.createComment({
            owner: pr.owner,
            repo: pr.repo,
            issue_number: pr.number,
            body,
        })).data,
        updateComment: async (pr, id, body) => (await octokit.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: id, body }))
            .data,
    };
}

;// CONCATENATED MODULE: ./lib/github/sticky-comment.js
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
    const earlier = (await api.listComments(pr)).find((comment) => comment.body?.includes(tag));
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
    const body = (0,markdown/* renderMarkdown */.G)(report, {
        maxLength: COMMENT_LIMIT,
        ...(request.detailsUrl ? { detailsUrl: request.detailsUrl } : {}),
    });
    try {
        const outcome = await upsertStickyComment(commentsApi(request.token, logger), request.pr, request.key, body, (hasEarlier) => shouldWrite(request.mode, somethingToSay, summary.gate === 'fail', hasEarlier));
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
// EXTERNAL MODULE: ./lib/core/config/load.js
var config_load = __webpack_require__(71992);
// EXTERNAL MODULE: ./lib/discover/index.js + 19 modules
var discover = __webpack_require__(44238);
;// CONCATENATED MODULE: ./lib/action/config.js
// The config the action checks: the config file, what discovery finds (the images the running workflow
// pushes, named by GITHUB_WORKFLOW_REF; discover.manifests), and the `images` and `targets` inputs — all
// appended, never replacing.




function loadActionConfig(options, env = process.env) {
    const workflow = runningWorkflow(env);
    const inputs = {
        images: options.images,
        ...(options.targets.trim() ? { targets: { text: options.targets, source: 'input targets' } } : {}),
    };
    // Without a config file (none given, the default absent) discovery and the inputs describe the check.
    const load = (additions) => !options.configGiven && !(0,external_node_fs_.existsSync)(options.config)
        ? (0,config_load/* loadConfigText */.K)('version: 1\n', '(action inputs)', additions)
        : (0,config_load/* loadConfigFile */.H)(options.config, additions);
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
// EXTERNAL MODULE: ./lib/login/docker-config.js
var docker_config = __webpack_require__(86804);
// EXTERNAL MODULE: ./lib/login/index.js + 3 modules
var login = __webpack_require__(18033);
// EXTERNAL MODULE: ./lib/login/oidc.js
var oidc = __webpack_require__(80588);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./lib/action/outputs.js
// What the step leaves behind: the JSON report file, the step outputs, and annotations on the config
// entries whose pulls are denied or undecided.



const MAX_ANNOTATIONS = 50;
/** Writes a rendering of the report under RUNNER_TEMP (`pullcheck-report.json`, `.sarif`); returns its path. */
function writeReportFile(name, content, runnerTemp) {
    const file = external_node_path_.join(runnerTemp || external_node_os_.tmpdir(), name);
    (0,external_node_fs_.writeFileSync)(file, content);
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
    // Annotations take paths relative to the repository root.
    const repositoryPath = (file) => workspace && external_node_path_.isAbsolute(file) ? external_node_path_.relative(workspace, file) : file;
    const notable = report.results.filter((result) => result.verdict !== 'allowed').slice(0, MAX_ANNOTATIONS);
    for (const result of notable) {
        // At the lines that ask for this pull: the target in the config, or the workload in a manifest.
        const where = result.source?.target;
        const properties = where
            ? { file: repositoryPath(where.file), ...(where.line ? { startLine: where.line } : {}) }
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
            ...(finding.file ? { file: repositoryPath(finding.file) } : {}),
            ...(finding.line ? { startLine: finding.line } : {}),
        });
    }
}

;// CONCATENATED MODULE: ./lib/action/run.js
// The action's main step: inputs → check → report file, outputs, annotations, job summary, comment, gate.





















// A job summary step is limited to 1 MiB.
const SUMMARY_LIMIT = 1024 * 1024 - 1024;
async function run(env = process.env) {
    try {
        const options = readInputs((name) => core.getInput(name), {
            workflow: env['GITHUB_WORKFLOW'],
            job: env['GITHUB_JOB'],
            action: env['GITHUB_ACTION'],
        });
        // Secrets given as inputs are masked before anything can print them.
        for (const secret of [options.githubToken, options.openshiftToken])
            if (secret)
                core.setSecret(secret);
        if (!options.check) {
            core.info('pullcheck: check is false, nothing to check');
            return;
        }
        const { config, findings: discoveryFindings } = loadActionConfig(options, env);
        // A failed login fails the step, after the check has reported.
        let loginFailure;
        let sessions = {};
        if (options.login) {
            try {
                const login = await (0,action_login/* loginStep */.E)(config, options, env);
                sessions = login.sessions;
                core.setOutput('registries', login.registries.join('\n'));
            }
            catch (error) {
                if (!(error instanceof login/* LoginError */.Q ||
                    error instanceof docker_config/* DockerConfigError */.Zh ||
                    error instanceof oidc/* OidcError */.u))
                    throw error;
                loginFailure = `pullcheck: ${error.message}`;
            }
        }
        // Live reads use the sessions the OIDC login obtained, else the ambient credentials.
        const setup = {
            ...(options.openshiftServer && options.openshiftToken
                ? { kubernetes: { server: options.openshiftServer, token: options.openshiftToken } }
                : {}),
            ...(sessions.aws ? { awsCredentials: sessions.aws } : {}),
            ...(sessions.googleAccessToken
                ? { googleAuthClient: await googleClient(sessions.googleAccessToken) }
                : {}),
        };
        const live = options.offline ? undefined : await liveFacts(config, setup);
        const checked = live ? (0,merge/* withLiveFacts */.K)(config, live) : config;
        if (options.snapshot)
            (0,external_node_fs_.writeFileSync)(options.snapshot, (0,snapshot/* snapshotYaml */.Q)(checked));
        const result = (0,engine/* runCheck */.k)(checked, providers/* providers */.r, { failOn: options.failOn, findings: discoveryFindings });
        const liveRead = live ? (0,merge/* liveResources */.C)(live) : [];
        const report = liveRead.length > 0 ? { ...result, facts: { live: liveRead } } : result;
        setReportOutputs(core, report, {
            json: writeReportFile('pullcheck-report.json', (0,json/* renderJson */.h)(report), env['RUNNER_TEMP']),
            sarif: writeReportFile('pullcheck-report.sarif', (0,sarif/* renderSarif */.W)(report), env['RUNNER_TEMP']),
        });
        annotate(core, report, env['GITHUB_WORKSPACE']);
        const detailsUrl = runUrl(env);
        if (env['GITHUB_STEP_SUMMARY']) {
            await core.summary.addRaw((0,markdown/* renderMarkdown */.G)(report, { maxLength: SUMMARY_LIMIT })).write();
        }
        const pr = pullRequestOf(env['GITHUB_EVENT_NAME'], env['GITHUB_EVENT_PATH']);
        const request = {
            pr,
            mode: options.comment,
            key: options.commentKey,
            token: options.githubToken,
            detailsUrl,
        };
        core.setOutput('comment-url', (await commentOnPullRequest(request, report, core)) ?? '');
        core.info(`pullcheck: ${(0,labels/* headline */.Pl)(report.summary)}`);
        if (loginFailure)
            core.setFailed(loginFailure);
        else if (report.summary.gate === 'fail')
            core.setFailed(`pullcheck: ${(0,labels/* headline */.Pl)(report.summary)}`);
    }
    catch (error) {
        fail(error);
    }
}
async function liveFacts(config, setup) {
    const live = await (0,collect.readLiveFacts)(config, setup);
    for (const note of live.notes)
        core.info(`pullcheck: ${note}`);
    core.info(`pullcheck: live reads: ${live.reads} resources, ${live.calls} calls`);
    return live.facts;
}
/** An auth client around the access token the Google login obtained. */
async function googleClient(accessToken) {
    const { OAuth2Client } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 492, 19));
    const client = new OAuth2Client();
    client.setCredentials({ access_token: accessToken });
    return client;
}
function fail(error) {
    if (error instanceof errors/* ConfigError */.x) {
        for (const problem of error.problems) {
            core.error(problem.message, {
                file: problem.where.file,
                startLine: problem.where.line,
                startColumn: problem.where.column,
            });
        }
        core.setFailed(`pullcheck: the config has ${error.problems.length} error(s)`);
    }
    else if (error instanceof InputError) {
        core.setFailed(`pullcheck: ${error.message}`);
    }
    else {
        core.setFailed(`pullcheck: internal error: ${error.message}`);
    }
}
function runUrl(env) {
    const server = env['GITHUB_SERVER_URL'];
    const repository = env['GITHUB_REPOSITORY'];
    const runId = env['GITHUB_RUN_ID'];
    return server && repository && runId ? `${server}/${repository}/actions/runs/${runId}` : undefined;
}


/***/ }),

/***/ 86804:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KD: () => (/* binding */ dockerConfigFiles),
/* harmony export */   TE: () => (/* binding */ removeLogins),
/* harmony export */   WF: () => (/* binding */ addLogins),
/* harmony export */   Zh: () => (/* binding */ DockerConfigError)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(57975);
// The Docker config (`$DOCKER_CONFIG/config.json`, default ~/.docker/config.json; also REGISTRY_AUTH_FILE
// for Podman, Buildah and Skopeo): logins are merged in and taken out again exactly, the file is written
// atomically with mode 0600, and a file pullcheck cannot parse is never touched.





class DockerConfigError extends Error {
    name = 'DockerConfigError';
}
function dockerConfigFiles(env) {
    const docker = node_path__WEBPACK_IMPORTED_MODULE_3__.join(env['DOCKER_CONFIG'] || node_path__WEBPACK_IMPORTED_MODULE_3__.join(node_os__WEBPACK_IMPORTED_MODULE_2__.homedir(), '.docker'), 'config.json');
    const registryAuth = env['REGISTRY_AUTH_FILE'];
    return registryAuth && node_path__WEBPACK_IMPORTED_MODULE_3__.resolve(registryAuth) !== node_path__WEBPACK_IMPORTED_MODULE_3__.resolve(docker)
        ? [docker, registryAuth]
        : [docker];
}
/** Merges the logins into `file` and returns how to undo them. */
function addLogins(file, logins, backupDir) {
    const original = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(file) ? (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(file, 'utf8') : null;
    const config = parse(original, file);
    const auths = { ...config['auths'] };
    const replaced = {};
    const written = {};
    for (const login of logins) {
        const entry = { auth: Buffer.from(`${login.username}:${login.password}`).toString('base64') };
        if (!(login.host in written))
            replaced[login.host] = auths[login.host] ?? null;
        auths[login.host] = entry;
        written[login.host] = digest(entry);
    }
    const backupFile = node_path__WEBPACK_IMPORTED_MODULE_3__.join(backupDir, `pullcheck-docker-config-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.json`);
    writeAtomically(backupFile, JSON.stringify({ original, replaced, written }));
    writeAtomically(file, serialize({ ...config, auths }, original));
    return { file, backupFile };
}
/**
 * Takes out exactly the entries pullcheck wrote, restoring those they replaced. When nothing else changed
 * meanwhile, the file gets back its original bytes. Returns hosts left alone because they changed since.
 */
function removeLogins(record) {
    const backup = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(record.backupFile, 'utf8'));
    const current = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(record.file) ? (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(record.file, 'utf8') : null;
    const config = parse(current, record.file);
    const auths = { ...config['auths'] };
    const changedSince = [];
    for (const [host, hash] of Object.entries(backup.written)) {
        if (auths[host] === undefined || digest(auths[host]) !== hash) {
            changedSince.push(host);
            continue;
        }
        const previous = backup.replaced[host];
        if (previous === null || previous === undefined)
            delete auths[host];
        else
            auths[host] = previous;
    }
    const restored = { ...config, auths };
    const originalConfig = parse(backup.original, record.file);
    if ((0,node_util__WEBPACK_IMPORTED_MODULE_4__.isDeepStrictEqual)(withoutEmptyAuths(restored), withoutEmptyAuths(originalConfig))) {
        if (backup.original === null)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(record.file, { force: true });
        else
            writeAtomically(record.file, backup.original);
    }
    else {
        writeAtomically(record.file, serialize(restored, current));
    }
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(record.backupFile, { force: true });
    return changedSince;
}
function parse(text, file) {
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
    const auths = value.auths;
    if (auths !== undefined && (typeof auths !== 'object' || auths === null || Array.isArray(auths))) {
        throw new DockerConfigError(`${file}: "auths" is not an object; pullcheck left it untouched`);
    }
    return value;
}
/** Keeps the file's own indentation (Docker writes tabs). */
function serialize(config, previous) {
    const indent = /\n(\t| +)"/.exec(previous ?? '')?.[1] ?? '\t';
    return `${JSON.stringify(config, null, indent)}\n`;
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
function digest(entry) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(JSON.stringify(entry)).digest('hex');
}
/** temp file in the same folder + rename: a reader never sees half a file, a crash never leaves one. */
function writeAtomically(file, text) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(node_path__WEBPACK_IMPORTED_MODULE_3__.dirname(file), { recursive: true, mode: 0o700 });
    const temporary = `${file}.pullcheck-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}.tmp`;
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(temporary, text, { mode: 0o600 });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(temporary, file);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(temporary, { force: true });
    }
}


/***/ }),

/***/ 18033:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Q: () => (/* binding */ LoginError),
  c: () => (/* binding */ loginToRegistries)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(28249);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var client_sts_dist_cjs = __webpack_require__(71695);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/credential-providers/dist-cjs/index.js
var credential_providers_dist_cjs = __webpack_require__(29719);
;// CONCATENATED MODULE: ./lib/login/aws.js
// Amazon ECR logins without long-lived keys: GitHub's OIDC token → sts:AssumeRoleWithWebIdentity (or the
// ambient credential chain, e.g. what aws-actions/configure-aws-credentials left), then
// ecr:GetAuthorizationToken per region for every registry account at once (username AWS, 12 h tokens).
// AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL_ECR are honoured by the SDK.



class AwsLoginError extends Error {
    name = 'AwsLoginError';
}
async function awsCredentials(options, region) {
    if (!options.roleArn)
        return (0,credential_providers_dist_cjs/* fromNodeProviderChain */.br)();
    const webIdentityToken = await options.getIdToken(options.audience);
    const sts = new client_sts_dist_cjs/* STSClient */.iM({ region: options.region ?? region, maxAttempts: 4 });
    try {
        const { Credentials: credentials } = await sts.send(new client_sts_dist_cjs/* AssumeRoleWithWebIdentityCommand */.WH({
            RoleArn: options.roleArn,
            RoleSessionName: options.sessionName,
            WebIdentityToken: webIdentityToken,
            DurationSeconds: 3600,
        }));
        if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.SessionToken) {
            throw new AwsLoginError(`sts:AssumeRoleWithWebIdentity for ${options.roleArn} returned no credentials`);
        }
        options.mask(credentials.SecretAccessKey);
        options.mask(credentials.SessionToken);
        return {
            accessKeyId: credentials.AccessKeyId,
            secretAccessKey: credentials.SecretAccessKey,
            sessionToken: credentials.SessionToken,
        };
    }
    catch (error) {
        if (error instanceof AwsLoginError)
            throw error;
        const name = error.name ?? 'Error';
        const hint = /AccessDenied|InvalidIdentityToken/.test(name)
            ? `: check the role's trust policy — its Principal must be the account's GitHub OIDC provider (token.actions.githubusercontent.com), ` +
                `"token.actions.githubusercontent.com:aud" must equal "${options.audience}", and "token.actions.githubusercontent.com:sub" must match ` +
                `this workflow (e.g. repo:OWNER/REPO:ref:refs/heads/main or repo:OWNER/REPO:pull_request)`
            : '';
        throw new AwsLoginError(`could not assume ${options.roleArn} with GitHub's OIDC token (${name})${hint}`);
    }
}
/** One GetAuthorizationToken per region, for all of that region's registry accounts. */
async function ecrLogins(registries, credentialsFor, mask) {
    const byRegion = new Map();
    for (const registry of registries)
        byRegion.set(registry.region, [...(byRegion.get(registry.region) ?? []), registry]);
    const logins = [];
    for (const [region, inRegion] of byRegion) {
        const ecr = new dist_cjs/* ECRClient */.S70({ region, credentials: await credentialsFor(region), maxAttempts: 4 });
        const accounts = [...new Set(inRegion.map((registry) => registry.account))];
        let data;
        try {
            data =
                (await ecr.send(new dist_cjs/* GetAuthorizationTokenCommand */.Eu6({ registryIds: accounts }))).authorizationData ?? [];
        }
        catch (error) {
            const name = error.name ?? 'Error';
            // No credentials at all is the caller's decision (a warning without aws-role-arn), not a failed call.
            if (/CredentialsProviderError/.test(name))
                throw error;
            throw new AwsLoginError(`ecr:GetAuthorizationToken in ${region} failed (${name})` +
                (/AccessDenied/.test(name)
                    ? ': the role needs ecr:GetAuthorizationToken on "*" (e.g. AmazonEC2ContainerRegistryPowerUser for pushes)'
                    : ''));
        }
        for (const registry of inRegion) {
            const entry = data.find((item) => item.proxyEndpoint?.includes(`//${registry.account}.`)) ??
                (data.length === 1 ? data[0] : undefined);
            if (!entry?.authorizationToken)
                throw new AwsLoginError(`ecr:GetAuthorizationToken in ${region} returned no token for ${registry.account}`);
            mask(entry.authorizationToken);
            const decoded = Buffer.from(entry.authorizationToken, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            const username = decoded.slice(0, colon);
            const password = decoded.slice(colon + 1);
            mask(password);
            for (const host of registry.hosts)
                logins.push({ host, username, password });
        }
    }
    return logins;
}

// EXTERNAL MODULE: ./lib/login/docker-config.js
var docker_config = __webpack_require__(86804);
// EXTERNAL MODULE: ./node_modules/google-auth-library/build/src/index.js
var src = __webpack_require__(492);
;// CONCATENATED MODULE: ./lib/login/google.js
// Google access tokens for Artifact Registry and gcr.io without long-lived keys: GitHub's OIDC token is
// exchanged at Google STS for a federated token (Workload Identity Federation), optionally traded at IAM
// Credentials for a service account's token (generateAccessToken). Without a provider, Application Default
// Credentials are used (e.g. what google-github-actions/auth left behind). google-auth-library does the
// protocol and retries 5xx/408/429 and network failures itself (gaxios: 3 retries, 2 without a response);
// this module configures it, masks every secret the moment it exists, and turns failures into messages
// that say what to check — never with a token in them.

class GoogleLoginError extends Error {
    step;
    status;
    name = 'GoogleLoginError';
    constructor(message, step, 
    /** HTTP status of the failing Google answer, when there was one. */
    status) {
        super(message);
        this.step = step;
        this.status = status;
    }
}
const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform';
const JWT_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:jwt';
const DEFAULT_STS = 'https://sts.googleapis.com';
const DEFAULT_IAM_CREDENTIALS = 'https://iamcredentials.googleapis.com';
const PROVIDER = /^projects\/([^/\s]+)\/locations\/global\/workloadIdentityPools\/([^/\s]+)\/providers\/([^/\s]+)$/;
// An email without characters that would change the generateAccessToken URL.
const SERVICE_ACCOUNT = /^[^\s@/:?#%\\]+@[^\s@/:?#%\\]+$/;
const LIFETIME_SECONDS = 3600;
const NO_ADC = 'Could not load the default credentials';
// Only used to satisfy GoogleAuth's project discovery, see applicationDefaultToken.
const UNUSED_PROJECT = 'pullcheck-token-only';
async function googleAccessToken(options) {
    const secrets = new Secrets(options.mask);
    const endpoints = {
        sts: baseUrl(options.endpoints?.sts, DEFAULT_STS, 'endpoints.sts'),
        iamCredentials: baseUrl(options.endpoints?.iamCredentials, DEFAULT_IAM_CREDENTIALS, 'endpoints.iamCredentials'),
    };
    const serviceAccount = options.serviceAccount?.trim() || undefined;
    if (serviceAccount !== undefined && !SERVICE_ACCOUNT.test(serviceAccount)) {
        throw new GoogleLoginError(`"${serviceAccount}" is not a service account email (e.g. NAME@PROJECT.iam.gserviceaccount.com)`, 'configuration');
    }
    const provider = options.workloadIdentityProvider?.trim() || undefined;
    if (provider === undefined)
        return applicationDefaultToken(serviceAccount, endpoints, secrets);
    return federatedToken(normalizeProvider(provider), serviceAccount, options, endpoints, secrets);
}
async function federatedToken(provider, serviceAccount, options, endpoints, secrets) {
    const audience = options.audience?.trim() || `https://iam.googleapis.com/${provider}`;
    // Where we are, for the error message: set by the supplier and by the generateAccessToken interceptor.
    const state = { phase: 'github-oidc' };
    const client = new src.IdentityPoolClient({
        type: 'external_account',
        audience: `//iam.googleapis.com/${provider}`,
        subject_token_type: JWT_TOKEN_TYPE,
        token_url: `${endpoints.sts}/v1/token`,
        ...(serviceAccount === undefined
            ? {}
            : {
                service_account_impersonation_url: impersonationUrl(endpoints.iamCredentials, serviceAccount),
                service_account_impersonation: { token_lifetime_seconds: LIFETIME_SECONDS },
            }),
        scopes: [CLOUD_PLATFORM],
        subject_token_supplier: {
            getSubjectToken: async () => {
                state.phase = 'github-oidc';
                let token;
                try {
                    token = await options.getIdToken(audience);
                }
                catch (error) {
                    throw new GoogleLoginError(secrets.redact(`could not get GitHub's OIDC token for audience ${audience} (${upstreamMessage(error)}); ` +
                        'does the job grant `permissions: id-token: write`?'), 'github-oidc');
                }
                if (typeof token !== 'string' || token.length === 0) {
                    throw new GoogleLoginError(`GitHub returned an empty OIDC token for audience ${audience}`, 'github-oidc');
                }
                secrets.add(token);
                state.phase = 'sts';
                return token;
            },
        },
        // The library's default interceptors log response bodies (access tokens) when GOOGLE_SDK_NODE_LOGGING
        // is set, before we could mask them; ours below masks instead.
        useAuthRequestParameters: false,
    });
    watchImpersonation(client, secrets, () => (state.phase = 'impersonation'));
    try {
        const { token } = await client.getAccessToken();
        if (!token)
            throw new GoogleLoginError(`Google returned no access token for ${provider}`, state.phase);
        secrets.add(token);
        return token;
    }
    catch (error) {
        if (error instanceof GoogleLoginError)
            throw error;
        throw state.phase === 'impersonation'
            ? impersonationError(error, serviceAccount ?? '', endpoints.iamCredentials, provider, secrets)
            : stsError(error, provider, audience, endpoints.sts, secrets);
    }
}
async function applicationDefaultToken(serviceAccount, endpoints, secrets) {
    const state = {
        phase: 'application-default-credentials',
    };
    try {
        const auth = new src.GoogleAuth({
            scopes: [CLOUD_PLATFORM],
            // Resolving credentials also resolves a project id unless one is given: that runs `gcloud config
            // config-helper`, asks the metadata server (even with METADATA_SERVER_DETECTION=none) and, for
            // external accounts, Cloud Resource Manager. A token needs none of that.
            projectId: UNUSED_PROJECT,
            clientOptions: { useAuthRequestParameters: false },
        });
        const source = await auth.getClient();
        let client = source;
        if (serviceAccount !== undefined) {
            watchImpersonation(source, secrets, () => (state.phase = 'impersonation'));
            client = new src.Impersonated({
                sourceClient: source,
                targetPrincipal: serviceAccount,
                targetScopes: [CLOUD_PLATFORM],
                lifetime: LIFETIME_SECONDS,
                endpoint: endpoints.iamCredentials,
                useAuthRequestParameters: false,
            });
        }
        const { token } = await client.getAccessToken();
        if (!token)
            throw new GoogleLoginError('Application Default Credentials gave no access token', state.phase);
        secrets.add(token);
        return token;
    }
    catch (error) {
        if (error instanceof GoogleLoginError)
            throw error;
        if (state.phase === 'impersonation') {
            throw impersonationError(error, serviceAccount ?? '', endpoints.iamCredentials, undefined, secrets);
        }
        const message = upstreamMessage(error);
        if (message.startsWith(NO_ADC)) {
            throw new GoogleLoginError('no Google credentials: set the workload identity provider (projects/NUMBER/locations/global/' +
                'workloadIdentityPools/POOL/providers/PROVIDER) or provide Application Default Credentials ' +
                '(e.g. google-github-actions/auth earlier in the job, which sets GOOGLE_APPLICATION_CREDENTIALS)', 'no-credentials');
        }
        throw new GoogleLoginError(secrets.redact(`Application Default Credentials failed (${describe(error)}); check GOOGLE_APPLICATION_CREDENTIALS ` +
            'and the credentials it points to'), 'application-default-credentials', statusOf(error));
    }
}
/** Masks generateAccessToken's Bearer token (the federated or ADC token) as it goes out. */
function watchImpersonation(client, secrets, entering) {
    client.transporter.interceptors.request.add({
        resolved: async (config) => {
            if (config.url.pathname.endsWith(':generateAccessToken')) {
                entering();
                const bearer = /^Bearer\s+(.+)$/i.exec(config.headers.get('authorization') ?? '');
                if (bearer?.[1])
                    secrets.add(bearer[1]);
            }
            return config;
        },
    });
}
function stsError(error, provider, audience, sts, secrets) {
    const status = statusOf(error);
    const data = dataOf(error);
    const code = typeof data?.['error'] === 'string' ? data['error'] : undefined;
    const description = typeof data?.['error_description'] === 'string' ? `: ${data['error_description']}` : '';
    const what = `Google STS (${sts}) did not exchange GitHub's OIDC token for provider ${provider}`;
    let message;
    if (status === undefined) {
        message =
            `${what}: ${describe(error)} (after retries); check that the runner can reach ${sts} ` +
                '(proxy, firewall, Private Service Connect endpoint)';
    }
    else if (code === 'invalid_grant') {
        message =
            `${what} (invalid_grant${description}). Check the provider's issuer is https://token.actions.githubusercontent.com, ` +
                `that its allowed audiences contain ${audience} (the audience requested; with none configured the provider ` +
                `accepts https://iam.googleapis.com/${provider}), and that its attribute mapping accepts this token`;
    }
    else if (code === 'unauthorized_client') {
        message =
            `${what} (unauthorized_client${description}). Check the provider's attribute condition ` +
                `(e.g. assertion.repository_owner == 'OWNER') admits this repository, branch and workflow`;
    }
    else if (code === 'invalid_target') {
        message =
            `${what} (invalid_target${description}). Check that the pool and provider exist and are enabled, ` +
                'and that the name uses the project NUMBER, not the project ID';
    }
    else if (status >= 500 || status === 429) {
        message = `${what}: HTTP ${status} after retries${description}; try again later`;
    }
    else {
        message = `${what} (HTTP ${status}${code ? ` ${code}` : ''}${description || detailOf(data)})`;
    }
    return new GoogleLoginError(secrets.redact(message), 'sts', status);
}
function impersonationError(error, serviceAccount, iamCredentials, provider, secrets) {
    const status = statusOf(error);
    const google = googleErrorOf(dataOf(error));
    const detail = google ? ` (${[google.status, google.message].filter(Boolean).join(': ')})` : '';
    const what = `generateAccessToken for ${serviceAccount} at ${iamCredentials} failed`;
    let message;
    if (status === undefined) {
        message = `${what}: ${describe(error)} (after retries); check that the runner can reach ${iamCredentials}`;
    }
    else if (status === 403 && google?.disabledService) {
        message =
            `${what}: HTTP 403${detail}. Enable the IAM Service Account Credentials API (iamcredentials.googleapis.com) ` +
                `in the project of ${serviceAccount}`;
    }
    else if (status === 403) {
        message = provider
            ? `${what}: HTTP 403${detail}. The federated principal needs roles/iam.workloadIdentityUser on ` +
                `${serviceAccount}, e.g. gcloud iam service-accounts add-iam-policy-binding ${serviceAccount} ` +
                `--role=roles/iam.workloadIdentityUser --member="principalSet://iam.googleapis.com/${poolOf(provider)}` +
                `/attribute.repository/OWNER/REPO"; also check that the service account exists`
            : `${what}: HTTP 403${detail}. The Application Default Credentials identity needs ` +
                `roles/iam.serviceAccountTokenCreator on ${serviceAccount}; also check that the service account exists`;
    }
    else if (status === 404) {
        message = `${what}: HTTP 404${detail}. Check that the service account ${serviceAccount} exists`;
    }
    else if (status >= 500 || status === 429) {
        message = `${what}: HTTP ${status} after retries${detail}; try again later`;
    }
    else {
        message = `${what}: HTTP ${status}${detail}`;
    }
    return new GoogleLoginError(secrets.redact(message), 'impersonation', status);
}
/** Every secret seen so far: masked on arrival, and cut out of any text that goes into a message. */
class Secrets {
    mask;
    seen = new Set();
    constructor(mask) {
        this.mask = mask;
    }
    add(secret) {
        if (this.seen.has(secret))
            return;
        this.seen.add(secret);
        this.mask(secret);
    }
    redact(text) {
        let out = text;
        for (const secret of this.seen)
            if (secret.length >= 4)
                out = out.split(secret).join('***');
        return out
            .replace(/eyJ[\w-]*\.[\w-]*\.[\w-]*/g, '***') // JWTs
            .replace(/\bya29\.[\w.-]+/g, '***') // Google access tokens
            .replace(/\b(bearer\s+)[^\s"',;)]+/gi, '$1***')
            .replace(/\b((?:access|subject|id|refresh)_?token["']?\s*[:=]\s*["']?)[^\s"'&,;)]+/gi, '$1***');
    }
}
function normalizeProvider(value) {
    const provider = value.replace(/^(?:https:)?\/\/iam\.googleapis\.com\//, '');
    if (!PROVIDER.test(provider)) {
        throw new GoogleLoginError(`"${value}" is not a workload identity provider: expected ` +
            'projects/PROJECT_NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER', 'configuration');
    }
    return provider;
}
function poolOf(provider) {
    return provider.replace(/\/providers\/[^/]+$/, '');
}
function baseUrl(value, fallback, name) {
    const text = value?.trim() || fallback;
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new GoogleLoginError(`${name} "${text}" is not a URL`, 'configuration');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new GoogleLoginError(`${name} "${text}" must be an http(s) URL`, 'configuration');
    }
    return text.replace(/\/+$/, '');
}
function impersonationUrl(iamCredentials, serviceAccount) {
    return `${iamCredentials}/v1/projects/-/serviceAccounts/${serviceAccount}:generateAccessToken`;
}
function statusOf(error) {
    const status = error?.response?.status;
    return typeof status === 'number' ? status : undefined;
}
function dataOf(error) {
    const data = error?.response?.data;
    if (typeof data === 'string') {
        try {
            const parsed = JSON.parse(data);
            return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
        }
        catch {
            return { text: data };
        }
    }
    return typeof data === 'object' && data !== null ? data : undefined;
}
function detailOf(data) {
    const text = data?.['text'];
    return typeof text === 'string' && text.trim() ? `: ${text.trim().slice(0, 200)}` : '';
}
/** Google's error body: { error: { code, message, status, details: [{ reason }] } }. */
function googleErrorOf(data) {
    const body = data?.['error'];
    if (typeof body !== 'object' || body === null)
        return undefined;
    const { message, status, details } = body;
    const reasons = Array.isArray(details)
        ? details.map((detail) => detail?.reason)
        : [];
    const text = typeof message === 'string' ? message.slice(0, 300) : undefined;
    return {
        ...(text ? { message: text } : {}),
        ...(typeof status === 'string' ? { status } : {}),
        disabledService: reasons.includes('SERVICE_DISABLED') || /has not been used in project|is disabled/i.test(text ?? ''),
    };
}
/** The error's code and first line, e.g. "ECONNREFUSED: request to … failed". */
function describe(error) {
    const code = error?.code;
    const message = upstreamMessage(error);
    return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
}
function upstreamMessage(error) {
    const message = error instanceof Error ? error.message : String(error);
    return (message.split('\n')[0] ?? '').slice(0, 300);
}

// EXTERNAL MODULE: ./lib/login/oidc.js
var oidc = __webpack_require__(80588);
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

;// CONCATENATED MODULE: ./lib/login/index.js





class LoginError extends Error {
    name = 'LoginError';
}
const SERVICE_HOST = /\.svc(\.cluster\.local)?(:\d+)?$/;
async function loginToRegistries(images, inputs, environment) {
    const logins = [];
    const add = (kind) => (login) => logins.push({ login, kind });
    const sessions = {};
    const ecr = ecrRegistries(images);
    if (ecr.length > 0)
        (await awsLogins(ecr, inputs, environment, sessions)).forEach(add('ecr'));
    const googleHosts = [
        ...new Set(images.filter((i) => i.registry.kind === 'gar' || i.registry.kind === 'gcr').map((i) => i.host)),
    ];
    if (googleHosts.length > 0)
        (await googleLogins(googleHosts, inputs, environment, sessions)).forEach(add('google'));
    const openshiftHosts = [
        ...new Set(images.filter((i) => i.registry.kind === 'openshift').map((i) => i.host)),
    ];
    if (openshiftHosts.length > 0)
        (await openshiftLogins(openshiftHosts, inputs, environment)).forEach(add('openshift'));
    for (const { login, kind } of logins) {
        const endpoint = environment.endpoints[login.host] ?? `https://${login.host}`;
        try {
            await verifyLogin(endpoint, login, environment.handshake);
        }
        catch (error) {
            if (!(error instanceof RegistryLoginError))
                throw error;
            const hint = error.unreachable ? 'check the endpoint and the network' : REFUSED_HINTS[kind];
            throw new LoginError(`login to ${login.host} failed: ${error.message}; ${hint ?? ''}`);
        }
        environment.info(`pullcheck: logged in to ${login.host}${endpoint.includes(login.host) ? '' : ` (through ${endpoint})`}`);
    }
    // A registry reached through an endpoint override gets the credentials under both names.
    const entries = logins.flatMap(({ login }) => {
        const endpoint = environment.endpoints[login.host];
        return endpoint ? [login, { ...login, host: new URL(endpoint).host }] : [login];
    });
    const records = entries.length === 0
        ? []
        : (0,docker_config/* dockerConfigFiles */.KD)(environment.env).map((file) => (0,docker_config/* addLogins */.WF)(file, entries, environment.backupDir));
    return { registries: [...new Set(logins.map(({ login }) => login.host))], records, sessions };
}
const REFUSED_HINTS = {
    ecr: 'check the registry account and region, and that the role may pull from (or push to) its repositories',
    google: 'the service account (or federated principal) needs roles/artifactregistry.reader on the repository (writer to push)',
    openshift: 'the token must be valid for the cluster, and its user needs registry-viewer (or system:image-puller) in the project',
};
function ecrRegistries(images) {
    const registries = new Map();
    for (const image of images) {
        if (image.registry.kind !== 'ecr')
            continue;
        const key = `${image.registry.account}/${image.registry.region}`;
        const entry = registries.get(key) ?? {
            hosts: new Set(),
            account: image.registry.account,
            region: image.registry.region,
        };
        entry.hosts.add(image.host);
        registries.set(key, entry);
    }
    return [...registries.values()].map((entry) => ({ ...entry, hosts: [...entry.hosts] }));
}
async function awsLogins(registries, inputs, environment, sessions) {
    const options = {
        ...(inputs.awsRoleArn ? { roleArn: inputs.awsRoleArn } : {}),
        ...(inputs.awsRegion ? { region: inputs.awsRegion } : {}),
        audience: inputs.audience ?? 'sts.amazonaws.com',
        getIdToken: environment.getIdToken,
        mask: environment.mask,
        sessionName: `pullcheck-${environment.env['GITHUB_RUN_ID'] ?? 'local'}`,
    };
    try {
        let credentials;
        return await ecrLogins(registries, async (region) => (sessions.aws = credentials ??= await awsCredentials(options, region)), environment.mask);
    }
    catch (error) {
        if (error instanceof AwsLoginError || error instanceof oidc/* OidcError */.u)
            throw new LoginError(error.message);
        // Without aws-role-arn the ambient chain may simply be empty: not this step's failure.
        if (!inputs.awsRoleArn && /CredentialsProviderError/.test(error.name)) {
            environment.warning('pullcheck: no AWS credentials (set aws-role-arn, or configure them earlier in the job): skipping the ECR logins');
            return [];
        }
        throw new LoginError(`ECR login failed: ${error.name}`);
    }
}
async function googleLogins(hosts, inputs, environment, sessions) {
    try {
        const token = await googleAccessToken({
            ...(inputs.gcpWorkloadIdentityProvider
                ? { workloadIdentityProvider: inputs.gcpWorkloadIdentityProvider }
                : {}),
            ...(inputs.gcpServiceAccount ? { serviceAccount: inputs.gcpServiceAccount } : {}),
            ...(environment.googleEndpoints ? { endpoints: environment.googleEndpoints } : {}),
            getIdToken: environment.getIdToken,
            mask: environment.mask,
        });
        sessions.googleAccessToken = token;
        return hosts.map((host) => ({ host, username: 'oauth2accesstoken', password: token }));
    }
    catch (error) {
        // Without a provider, Application Default Credentials may simply be absent: not this step's failure.
        if (!inputs.gcpWorkloadIdentityProvider &&
            error instanceof GoogleLoginError &&
            error.step === 'no-credentials') {
            environment.warning('pullcheck: no Google credentials (set gcp-workload-identity-provider, or use Application Default Credentials): skipping the Artifact Registry logins');
            return [];
        }
        throw new LoginError(error instanceof GoogleLoginError || error instanceof oidc/* OidcError */.u
            ? error.message
            : `Google login failed: ${error.name}`);
    }
}
async function openshiftLogins(hosts, inputs, environment) {
    const reachable = hosts.filter((host) => !SERVICE_HOST.test(host) || environment.endpoints[host]);
    for (const host of hosts.filter((h) => !reachable.includes(h))) {
        environment.warning(`pullcheck: ${host} is the registry's in-cluster service name: list its route host (default-route-openshift-image-registry.APPS_DOMAIN) in the target's registryHosts to log in from the runner`);
    }
    if (reachable.length === 0)
        return [];
    let token = inputs.openshiftToken;
    if (!token && inputs.openshiftServer) {
        try {
            token = await environment.getIdToken(inputs.audience ?? 'openshift');
        }
        catch (error) {
            throw new LoginError(error.message);
        }
    }
    if (!token) {
        environment.warning('pullcheck: no openshift-token or openshift-server: skipping the OpenShift registry logins');
        return [];
    }
    environment.mask(token);
    // The registry accepts any user name with a token as the password (oc registry login).
    return reachable.map((host) => ({ host, username: 'pullcheck', password: token }));
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
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(96421);
/* harmony import */ var _action_login_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(93267);
/* harmony import */ var _action_run_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(37582);
// The action's entry: the main step, or — on the second run the runner makes for `post:` — the logout.




const isPost = _actions_core__WEBPACK_IMPORTED_MODULE_1__.getState('isPost') === 'true';
if (isPost) {
    (0,_action_login_js__WEBPACK_IMPORTED_MODULE_2__/* .logoutStep */ .R)();
}
else {
    _actions_core__WEBPACK_IMPORTED_MODULE_1__.saveState('isPost', 'true');
    await (0,_action_run_js__WEBPACK_IMPORTED_MODULE_3__/* .run */ .e)();
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ })

};
