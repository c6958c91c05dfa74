export const id = 418;
export const ids = [418];
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


/***/ })

};
