export const id = 282;
export const ids = [282];
export const modules = {

/***/ 51282:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commentsApi: () => (/* binding */ commentsApi),
/* harmony export */   oidcCustomizationApi: () => (/* binding */ oidcCustomizationApi)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(11758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86856);
// The only place Octokit lives: @actions/github's client (GITHUB_API_URL honoured) with retries on
// 5xx and waits on rate limits, adapted to the CommentsApi the sticky comment needs and to the
// OidcCustomizationApi the token prediction's live read needs.



const RETRIES = 3;
/** Each client its own throttling queues (below). */
let clients = 0;
/**
 * `apiUrl` is the run's GITHUB_API_URL, passed in: @actions/github reads it once, when it is first loaded,
 * and the entry knows the run's environment.
 */
function client(token, logger, apiUrl) {
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
        ...(apiUrl ? { baseUrl: apiUrl.replace(/\/+$/, '') } : {}),
        throttle: {
            // The throttling plugin spaces write requests (GraphQL included) a second apart in queues shared by
            // every client of the process, keyed by this id. A run makes one client; a process that runs the
            // action more than once (the in-process tests) would otherwise wait a second per earlier write.
            id: `pullcheck-${++clients}`,
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
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__/* .throttling */ .A);
}
/** See client(): `apiUrl` is the run's GITHUB_API_URL. */
function commentsApi(token, logger, apiUrl) {
    const octokit = client(token, logger, apiUrl);
    return {
        whoAmI: async () => {
            try {
                const answer = await octokit.graphql('query { viewer { login } }');
                return answer.viewer.login;
            }
            catch {
                // GitHub Enterprise Server without GraphQL, or a proxy: a personal token still answers GET /user.
                try {
                    return (await octokit.rest.users.getAuthenticated()).data.login;
                }
                catch {
                    return undefined;
                }
            }
        },
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
/** The repository's and its organization's OIDC subject templates (GitHub Actions OIDC REST API). */
function oidcCustomizationApi(token, logger, apiUrl) {
    const octokit = client(token, logger, apiUrl);
    return {
        repositoryTemplate: async (owner, repo, signal) => (await octokit.request('GET /repos/{owner}/{repo}/actions/oidc/customization/sub', {
            owner,
            repo,
            request: { signal },
        })).data,
        organizationTemplate: async (org, signal) => (await octokit.request('GET /orgs/{org}/actions/oidc/customization/sub', { org, request: { signal } }))
            .data,
    };
}


/***/ })

};
