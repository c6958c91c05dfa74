export const id = 69;
export const ids = [69,418,131];
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

/***/ 29069:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _shims_dirname_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85650);
/* harmony import */ var _cli_command_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(50986);

// The pullcheck command line. Sets process.exitCode rather than calling process.exit(), so a large
// report written to a pipe is never cut short.

try {
    process.exitCode = await (0,_cli_command_js__WEBPACK_IMPORTED_MODULE_1__/* .runCli */ .a)(process.argv.slice(2), {
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
    });
}
catch (error) {
    // Only a bug lands here: user errors are reported by runCli with exit status 2.
    process.stderr.write(`pullcheck: internal error: ${error.message}\n`);
    if (process.env['PULLCHECK_DEBUG'])
        process.stderr.write(`${error.stack}\n`);
    process.exitCode = 3;
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 50986:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: USAGE

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./lib/check/pipeline.js + 6 modules
var pipeline = __webpack_require__(78001);
// EXTERNAL MODULE: ./lib/core/config/load.js + 1 modules
var load = __webpack_require__(25666);
// EXTERNAL MODULE: ./lib/discover/index.js + 26 modules
var discover = __webpack_require__(52853);
// EXTERNAL MODULE: ./lib/discover/workflow-images.js + 2 modules
var workflow_images = __webpack_require__(54781);
;// CONCATENATED MODULE: ./lib/cli/discovered-config.js
// What `check` and `explain` read before any fact: the config file, with what the repository shows joined to
// it — the workflow's images (--workflow FILE, discover.workflows) and the targets of discover.manifests.



function discoveredConfig(configFile, workflow) {
    if (workflow)
        (0,workflow_images/* assertWorkflowFile */.ED)(workflow);
    const discovered = (0,discover/* discover */.k4)((0,load/* loadConfigFile */.HT)(configFile, {}, 'pass --config FILE or create .github/pullcheck.yml'), { workflows: workflow ? [workflow] : [], env: process.env });
    return discovered;
}
/** The token the gh CLI and Actions use, to read the repository's OIDC subject template with, if any. */
function gitHubToken() {
    return process.env['GITHUB_TOKEN'] || process.env['GH_TOKEN'] || undefined;
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/core/config/read-file.js
var read_file = __webpack_require__(91767);
// EXTERNAL MODULE: ./lib/core/did-you-mean.js
var did_you_mean = __webpack_require__(68680);
// EXTERNAL MODULE: ./lib/core/engine.js + 3 modules
var engine = __webpack_require__(8511);
// EXTERNAL MODULE: ./lib/core/image-reference.js
var image_reference = __webpack_require__(60814);
// EXTERNAL MODULE: ./lib/core/quoted-value.js
var quoted_value = __webpack_require__(54379);
// EXTERNAL MODULE: ./lib/core/trace.js
var trace = __webpack_require__(53186);
;// CONCATENATED MODULE: ./lib/explain/explain-pulls.js
// `pullcheck explain`'s middle: the pulls of one image by one target chosen from the plan, each decided again
// inside a trace (core/trace.ts) by the same rules a check runs, so the trace is the check's own reasoning.





/** A question explain cannot answer (an image, target or principal not in the plan): exit status 2. */
class ExplainInputError extends Error {
}
function explainPulls(config, providers, question, lineOf) {
    const pulls = (0,engine/* pullContext */.Ry)(config, providers);
    const image = chosenImage(pulls.plan.images, question.image);
    const planned = pulls.plan.targets.find((entry) => entry.target.name === question.target);
    if (!planned) {
        const names = pulls.plan.targets.map((entry) => entry.target.name);
        throw new ExplainInputError(`target ${(0,quoted_value/* quotedValue */.A)(question.target)} is not in the plan${(0,did_you_mean/* didYouMean */.a)(question.target, names)}; its targets: ${names.join(', ') || '(none)'}`);
    }
    if (!planned.images.includes(image)) {
        throw new ExplainInputError(`target ${planned.target.name} does not pull ${image.raw}; it pulls: ${planned.images.map((i) => i.raw).join(', ') || '(nothing)'}`);
    }
    // Who pulls is itself part of the story on some targets (a k3s node's key for the host, a node role
    // through a credential provider): the steps of finding the principals lead every pull's trace.
    const whoPulls = (0,trace/* recordingSink */.$O)(lineOf);
    const entries = (0,trace/* withTrace */.SZ)(whoPulls, () => (0,engine/* principalsOf */.dV)(planned.target, image, pulls.owners));
    const chosen = question.principal
        ? entries.filter((entry) => entry.principal === question.principal)
        : entries;
    if (chosen.length === 0) {
        const names = entries.map((entry) => entry.principal);
        throw new ExplainInputError(`principal ${(0,quoted_value/* quotedValue */.A)(question.principal ?? '')} does not pull for ${planned.target.name}${(0,did_you_mean/* didYouMean */.a)(question.principal ?? '', names)}; its principals: ${names.join(', ')}`);
    }
    return chosen.map((entry) => {
        const sink = (0,trace/* recordingSink */.$O)(lineOf);
        const verdict = (0,trace/* withTrace */.SZ)(sink, () => (0,engine/* verdictOf */.Vj)(pulls, planned.target, image, entry));
        const leading = ('reasons' in entry ? entry.reasons : undefined) ?? [];
        return {
            image: image.raw,
            target: planned.target.name,
            principal: entry.principal,
            verdict: verdict.verdict,
            reasons: [...leading, ...verdict.reasons],
            missing: verdict.missing,
            trace: [...whoPulls.steps, ...sink.steps],
        };
    });
}
/** The plan's image the user means: the reference as written in the plan, else the same normalised name. */
function chosenImage(images, written) {
    const exact = images.find((image) => image.raw === written);
    if (exact)
        return exact;
    let name;
    try {
        name = (0,image_reference/* parseImageName */["if"])(written);
    }
    catch {
        name = undefined;
    }
    const sameName = name ? images.filter((image) => (0,image_reference/* imageName */.tO)(image) === (0,image_reference/* imageName */.tO)(name)) : [];
    const sameTag = sameName.filter((image) => (!name?.tag || image.tag === name.tag) && (!name?.digest || image.digest === name.digest));
    const found = sameTag[0] ?? (name?.tag || name?.digest ? undefined : sameName[0]);
    if (found)
        return found;
    const listed = images.map((image) => image.raw);
    throw new ExplainInputError(`image ${(0,quoted_value/* quotedValue */.A)(written)} is not in the plan${(0,did_you_mean/* didYouMean */.a)(written, listed)}; its images: ${listed.join(', ') || '(none)'}`);
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./lib/explain/statement-lines.js
// The line of a statement inside a policy, for `pullcheck explain`: the file that holds the policy (a JSON
// policy file, or the config holding it inline) is parsed once with the YAML parser, which reads JSON too and
// keeps every node's place; the policy is the node where its document starts, the statement a path below it.
// Only explain asks, once per file: a check never reads a file again for a line.



/** A lineOf for trace sinks (core/trace.ts), reading files inside `root` only. */
function statementLines(root) {
    const files = new Map();
    return (document, elementPath) => {
        if (!files.has(document.file))
            files.set(document.file, parsedFile(document.file, root));
        const parsed = files.get(document.file);
        if (!parsed)
            return undefined;
        const start = nodeAt(parsed, document);
        const element = start && descend(start, elementPath);
        const offset = element?.range?.[0];
        return offset === undefined ? undefined : parsed.lineCounter.linePos(offset).line;
    };
}
function parsedFile(file, root) {
    const read = (0,read_file/* readConfined */.Hz)(external_node_path_.resolve(file), root);
    if (!('text' in read))
        return undefined;
    const lineCounter = new dist/* LineCounter */.HN();
    const parsed = (0,dist/* parseDocument */.Tp)(read.text, { lineCounter, prettyErrors: false });
    if (parsed.errors.length > 0)
        return undefined;
    return { contents: parsed.contents, lineCounter };
}
/** The collection that starts where the document was written (a whole file starts at its first node). */
function nodeAt(parsed, where) {
    const root = parsed.contents;
    if (!root)
        return undefined;
    if (where.line === 1 && where.column === 1)
        return root;
    const offset = (parsed.lineCounter.lineStarts[where.line - 1] ?? 0) + where.column - 1;
    let found;
    (0,dist/* visit */.YR)(root, (_key, node) => {
        if (((0,dist/* isMap */.jh)(node) || (0,dist/* isSeq */.oP)(node) || (0,dist/* isScalar */.jn)(node)) && node.range?.[0] === offset) {
            found = node;
            return dist/* visit */.YR.BREAK;
        }
        return undefined;
    });
    return found;
}
function descend(node, elementPath) {
    let current = node;
    for (const segment of elementPath) {
        if ((0,dist/* isMap */.jh)(current)) {
            const pair = current.items.find((item) => (0,dist/* isPair */.tO)(item) && (0,dist/* isScalar */.jn)(item.key) && String(item.key.value) === String(segment));
            current = pair?.value;
        }
        else if ((0,dist/* isSeq */.oP)(current) && typeof segment === 'number') {
            current = current.items[segment];
        }
        else {
            return undefined;
        }
    }
    return (current ?? undefined);
}

// EXTERNAL MODULE: ./lib/core/outgoing-text.js
var outgoing_text = __webpack_require__(59813);
// EXTERNAL MODULE: ./lib/report/escape.js
var report_escape = __webpack_require__(72527);
;// CONCATENATED MODULE: ./lib/report/explain.js

const MARK = {
    matched: '✔',
    'not matched': '✘',
    undecided: '?',
    skipped: '-',
};
/** The JSON form: one object per pull, in a stable shape. */
function renderExplainJson(explanations) {
    const shaped = explanations.map((e) => ({
        image: e.image,
        target: e.target,
        principal: e.principal,
        verdict: e.verdict,
        reasons: e.reasons,
        missing: e.missing,
        trace: e.trace.map((step) => ({
            layer: step.layer,
            subject: step.subject,
            source: step.source,
            outcome: step.outcome,
            detail: step.detail,
            ...(step.question === undefined ? {} : { question: step.question }),
        })),
    }));
    return `${JSON.stringify(shaped, null, 2)}\n`;
}
function renderExplainText(explanations) {
    return `${explanations.map(explanationText).join('\n')}`;
}
function explanationText(e) {
    const lines = [
        `${e.verdict.toUpperCase()} ${(0,outgoing_text/* escapeTerminal */.en)(e.image)} -> ${(0,outgoing_text/* escapeTerminal */.en)(e.target)} (${(0,outgoing_text/* escapeTerminal */.en)(e.principal)})`,
        ...e.reasons.map((reason) => `  why: ${(0,outgoing_text/* escapeTerminal */.en)(reason)}`),
    ];
    for (const grant of e.missing) {
        const what = grant.explicitDeny ? 'explicitly denied' : 'missing';
        lines.push(`  ${what} on the ${grant.side} side: ${grant.permissions.join(', ')}`);
        lines.push(`  fix: ${(0,outgoing_text/* escapeTerminal */.en)(grant.fix.text)}`);
    }
    lines.push('', `trace (${e.trace.length} step${e.trace.length === 1 ? '' : 's'}):`);
    if (e.trace.length === 0)
        lines.push('  (the rule decided without looking at any policy: see why above)');
    let question;
    let layer;
    e.trace.forEach((step, i) => {
        if (step.question !== question) {
            question = step.question;
            layer = undefined;
            if (question !== undefined)
                lines.push(`  ${(0,outgoing_text/* escapeTerminal */.en)(question)}`);
        }
        if (step.layer !== layer) {
            layer = step.layer;
            lines.push(`    [${(0,outgoing_text/* escapeTerminal */.en)(layer)}]`);
        }
        lines.push(`    ${String(i + 1).padStart(3)}. ${MARK[step.outcome]} ${(0,outgoing_text/* escapeTerminal */.en)(step.subject)} — ${(0,outgoing_text/* escapeTerminal */.en)(sourceText(step.source))}`, `           ${step.outcome}: ${(0,outgoing_text/* escapeTerminal */.en)(step.detail)}`);
    });
    return `${lines.join('\n')}\n`;
}
function renderExplainMarkdown(explanations) {
    return explanations.map(explanationMarkdown).join('\n');
}
function explanationMarkdown(e) {
    const lines = [
        `### ${e.verdict.toUpperCase()}: ${(0,report_escape/* escapeMarkdown */.FV)(e.image)} → ${(0,report_escape/* escapeMarkdown */.FV)(e.target)} (${(0,report_escape/* escapeMarkdown */.FV)(e.principal)})`,
        '',
        ...e.reasons.map((reason) => `- ${(0,report_escape/* escapeMarkdown */.FV)(reason)}`),
    ];
    for (const grant of e.missing) {
        const what = grant.explicitDeny ? 'Explicitly denied' : 'Missing';
        lines.push(`- **${what}** on the ${grant.side} side: ${(0,report_escape/* escapeMarkdown */.FV)(grant.permissions.join(', '))}`);
        lines.push(`  - fix: ${(0,report_escape/* escapeMarkdown */.FV)(grant.fix.text)}`);
        const json = grant.fix.snippets['json'];
        if (json)
            lines.push('', (0,report_escape/* codeBlock */.DV)(json, 'json'));
    }
    lines.push('', '| # | question | layer | statement | source | outcome | detail |', '|---|---|---|---|---|---|---|');
    e.trace.forEach((step, i) => {
        const cells = [
            String(i + 1),
            (0,report_escape/* escapeMarkdown */.FV)(step.question ?? ''),
            (0,report_escape/* escapeMarkdown */.FV)(step.layer),
            (0,report_escape/* escapeMarkdown */.FV)(step.subject),
            (0,report_escape/* escapeMarkdown */.FV)(sourceText(step.source)),
            `${MARK[step.outcome]} ${step.outcome}`,
            (0,report_escape/* escapeMarkdown */.FV)(step.detail),
        ];
        lines.push(`| ${cells.join(' | ')} |`);
    });
    return `${lines.join('\n')}\n`;
}
/** "examples/iam/api.json:5 (repository policy of …)", "live ecr:GetRepositoryPolicy (…)", or the label. */
function sourceText(source) {
    if (source.file !== undefined)
        return `${source.file}${source.line === undefined ? '' : `:${source.line}`} (${source.label})`;
    if (source.live !== undefined)
        return `live ${source.live} (${source.label})`;
    return source.label;
}

;// CONCATENATED MODULE: ./lib/cli/command-kit.js
// What every CLI command shares: where it prints, how it reports a usage error, and its entry in the table.
/** A bad flag or argument: printed with the usage of the command it was given to, exit status 2. */
class UsageError extends Error {
    usage;
    constructor(message, usage) {
        super(message);
        this.usage = usage;
    }
}

;// CONCATENATED MODULE: ./lib/cli/explain.js
// `pullcheck explain IMAGE TARGET`: one pull's full evaluation trace, for the "why is this denied?" moment.
// The facts are read as `check` reads them (check/pipeline.ts prepareCheck), then each principal's pull is
// decided again inside a trace. Exit status 0 when explained, whatever the verdict; 2 on bad input.










const USAGE = `usage: pullcheck explain IMAGE TARGET [--config FILE] [--offline] [--workflow FILE]
                         [--principal P] [--format text|json|markdown]

Explains one pull: the verdict, its reasons and fix, and every policy statement the rule looked at, in order,
with where it is written (file:line, or the call that read it live) and whether it matched.

  IMAGE           an image of the plan, as written or by name (tag optional)
  TARGET          a target's name
  --config FILE   config file (default .github/pullcheck.yml)
  --offline       use only the config's facts; never call a cloud
  --workflow FILE add the images this GitHub Actions workflow pushes to the config's images
  --principal P   explain only this principal's pull (a role ARN, a service account, …)
  --format F      text (default), json or markdown
  --help          print this help

exit status: 0 explained (whatever the verdict), 2 bad input`;
const FORMATS = { text: renderExplainText, json: renderExplainJson, markdown: renderExplainMarkdown };
const explain = {
    summary: "explain one pull's verdict, statement by statement",
    usage: USAGE,
    run: runExplain,
};
async function runExplain(args, io) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({
        args: [...args],
        options: {
            config: { type: 'string', default: '.github/pullcheck.yml' },
            offline: { type: 'boolean', default: false },
            workflow: { type: 'string' },
            principal: { type: 'string' },
            format: { type: 'string', default: 'text' },
        },
        strict: true,
        allowPositionals: true,
    });
    const format = values.format;
    if (!Object.hasOwn(FORMATS, format))
        throw new UsageError(`--format must be one of: ${Object.keys(FORMATS).join(', ')}${(0,did_you_mean/* didYouMean */.a)(format, Object.keys(FORMATS))}`, USAGE);
    const [image, target, ...extra] = positionals;
    if (image === undefined || target === undefined || extra.length > 0)
        throw new UsageError(`explain takes an IMAGE and a TARGET (got ${positionals.length} arguments)`, USAGE);
    const discovered = discoveredConfig(values.config, values.workflow);
    const prepared = await (0,pipeline/* prepareCheck */.m)({
        config: discovered.config,
        live: values.offline ? undefined : { credentials: { kubernetes: 'kubeconfig' } },
        snapshot: undefined,
        ciLogins: discovered.ciLogins,
        env: process.env,
        ...(gitHubToken() ? { github: { token: gitHubToken(), apiUrl: process.env['GITHUB_API_URL'] } } : {}),
    });
    for (const note of prepared.liveRead?.notes ?? [])
        io.stderr(`pullcheck: ${note}\n`);
    const root = (0,read_file/* repositoryRootOf */.Ko)(external_node_path_.dirname(external_node_path_.resolve(values.config)));
    try {
        const explanations = explainPulls(prepared.config, prepared.providers, { image, target, principal: values.principal }, statementLines(root));
        io.stdout(FORMATS[format](explanations));
        return 0;
    }
    catch (error) {
        if (error instanceof ExplainInputError)
            throw new UsageError(error.message, USAGE);
        throw error;
    }
}

// EXTERNAL MODULE: ./lib/core/config/schema.js + 1 modules
var schema = __webpack_require__(78286);
// EXTERNAL MODULE: ./lib/core/errors.js
var errors = __webpack_require__(3828);
;// CONCATENATED MODULE: ./lib/version.js
// pullcheck's version, as package.json states it (a test keeps the two equal): the bundle carries no
// package.json to read at run time.
const VERSION = '0.1.0';

// EXTERNAL MODULE: ./lib/core/report-model.js
var report_model = __webpack_require__(48765);
// EXTERNAL MODULE: ./lib/report/json.js
var json = __webpack_require__(97406);
// EXTERNAL MODULE: ./lib/report/markdown.js + 2 modules
var markdown = __webpack_require__(17157);
// EXTERNAL MODULE: ./lib/report/sarif.js + 2 modules
var sarif = __webpack_require__(10222);
// EXTERNAL MODULE: ./lib/report/labels.js
var labels = __webpack_require__(67419);
// EXTERNAL MODULE: ./lib/report/ci-text.js
var ci_text = __webpack_require__(73334);
;// CONCATENATED MODULE: ./lib/report/text.js



const LABEL = { allowed: 'ALLOWED', denied: 'DENIED ', unknown: 'UNKNOWN' };
/** The report's first line: the counts and the gate. */
function summaryLine(report) {
    return `pullcheck: ${(0,labels/* headline */.Pl)(report.summary)}`;
}
function renderText(report) {
    const lines = [summaryLine(report), ''];
    if (report.facts)
        lines.splice(1, 0, `facts: ${report.facts.live.length} resources read live, the rest from the config`);
    for (const result of report.results)
        lines.push(...resultLines(result));
    lines.push(...(0,ci_text/* ciTextLines */.X)(report.ci ?? []));
    for (const entry of report.plan?.images ?? [])
        lines.push(`PLAN image ${(0,outgoing_text/* escapeTerminal */.en)(entry.image)} <- ${(0,outgoing_text/* escapeTerminal */.en)((0,labels/* originText */.CQ)(entry.source))}`);
    for (const entry of report.plan?.targets ?? [])
        lines.push(`PLAN target ${(0,outgoing_text/* escapeTerminal */.en)(entry.target)} (${entry.platform}, ${entry.images} image${entry.images === 1 ? '' : 's'}) <- ${(0,outgoing_text/* escapeTerminal */.en)((0,labels/* originText */.CQ)(entry.source))}`);
    for (const finding of report.findings) {
        const where = finding.file ? ` ${(0,outgoing_text/* escapeTerminal */.en)(finding.file)}${finding.line ? `:${finding.line}` : ''}` : '';
        lines.push(`FINDING ${finding.severity} ${(0,outgoing_text/* escapeTerminal */.en)(finding.kind)}${where}: ${(0,outgoing_text/* escapeTerminal */.en)(finding.message)}`);
    }
    return `${lines.join('\n')}\n`;
}
function resultLines(result) {
    const head = `${LABEL[result.verdict]} ${(0,outgoing_text/* escapeTerminal */.en)(result.image)} -> ${(0,outgoing_text/* escapeTerminal */.en)(result.target)} (${(0,outgoing_text/* escapeTerminal */.en)(result.principal)})`;
    if (result.verdict === 'allowed')
        return [head];
    const lines = [head];
    if (result.verdict === 'unknown') {
        for (const reason of (0,labels/* unknownReasons */.i1)(result))
            lines.push(`        why: ${(0,outgoing_text/* escapeTerminal */.en)(reason)}`);
    }
    for (const grant of result.missing) {
        const what = grant.explicitDeny ? 'explicitly denied' : 'missing';
        lines.push(`        ${what} on the ${grant.side} side: ${grant.permissions.join(', ')}`);
        lines.push(`        fix: ${(0,outgoing_text/* escapeTerminal */.en)(grant.fix.text)}`);
        const cli = grant.fix.snippets['cli'];
        if (cli)
            lines.push(...cli.split('\n').map((line) => `          ${(0,outgoing_text/* escapeTerminal */.en)(line)}`));
    }
    if (result.source) {
        lines.push(`        image from ${(0,outgoing_text/* escapeTerminal */.en)((0,labels/* originText */.CQ)(result.source.image))}`);
        lines.push(`        target from ${(0,outgoing_text/* escapeTerminal */.en)((0,labels/* originText */.CQ)(result.source.target))}`);
    }
    lines.push('');
    return lines;
}

// EXTERNAL MODULE: ./lib/report/write-file.js
var write_file = __webpack_require__(53096);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./lib/init/clouds.js
const ECR = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\//;
const GOOGLE = /^(?:[a-z0-9-]+-docker\.pkg\.dev|(?:[a-z]+\.)?gcr\.io)\/([^/]+)\//;
const AWS_TARGETS = new Set(['eks', 'ecs', 'lambda', 'aws-role']);
const GCP_TARGETS = new Set(['gke', 'cloud-run', 'gcp-service-account']);
function cloudLogins(scan) {
    const ecr = scan.images.flatMap(({ reference }) => {
        const match = ECR.exec(reference);
        return match ? [{ account: match[1], region: match[2] }] : [];
    });
    const google = scan.images.flatMap(({ reference }) => GOOGLE.exec(reference)?.slice(1, 2) ?? []);
    const targets = (platforms) => scan.targets.filter((t) => platforms.has(t.platform));
    const logsIn = (...providers) => scan.logins.some((login) => providers.includes(login.provider));
    const awsTargets = targets(AWS_TARGETS);
    const gcpTargets = targets(GCP_TARGETS);
    const openshift = scan.targets.filter((t) => t.platform === 'openshift');
    const aws = ecr.length > 0 || awsTargets.length > 0 || logsIn('aws')
        ? {
            // The targets' accounts first: the role is made in the account of the clusters it reads.
            accounts: unique([...awsTargets.map((t) => t.details['account']), ...ecr.map((e) => e.account)]),
            ...optional('region', [...awsTargets.map((t) => t.details['region']), ...ecr.map((e) => e.region)]),
        }
        : undefined;
    const gcp = google.length > 0 || gcpTargets.length > 0 || logsIn('gcp')
        ? { projects: unique([...gcpTargets.map((t) => t.details['project']), ...google]) }
        : undefined;
    const ocp = openshift.length > 0 || logsIn('openshift', 'kubernetes')
        ? optional('server', openshift.map((t) => t.details['server']))
        : undefined;
    return { ...(aws ? { aws } : {}), ...(gcp ? { gcp } : {}), ...(ocp ? { openshift: ocp } : {}) };
}
function unique(values) {
    return [...new Set(values.filter((value) => value !== undefined && value !== ''))];
}
function optional(key, values) {
    const [first] = unique(values);
    return (first === undefined ? {} : { [key]: first });
}

;// CONCATENATED MODULE: ./lib/init/yaml-text.js
// Small pieces of YAML text for the files init writes: a value written so YAML reads it back as the same
// string, and a comment that stays one line whatever the repository's files held.
/** A plain scalar when YAML reads it back unchanged as a string, else a double-quoted one. */
function yamlValue(value) {
    const plain = /^[A-Za-z0-9_./<>@-][A-Za-z0-9_./:<>@${}() -]*$/.test(value) &&
        !/: |\s$|^(true|false|yes|no|on|off|null|~|[-+]?[0-9.]+(e[-+]?[0-9]+)?)$/i.test(value);
    return plain ? value : JSON.stringify(value);
}
/** Text for a comment: control and line-breaking characters become spaces, and it is cut at `max`. */
function commentText(text, max = 240) {
    // eslint-disable-next-line no-control-regex -- control characters are what is replaced
    const line = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
    return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
/** `# text` lines, each on its own lines (long ones wrapped at spaces, indented), with `indent` before the `#`. */
function comments(lines, indent = '', width = 100) {
    return lines.flatMap((line) => line === '' ? [`${indent}#`] : wrap(commentText(line, 1000), width).map((part) => `${indent}# ${part}`));
}
/** A line cut at spaces into parts of at most `width` (a longer word stays whole); the rest indented further. */
function wrap(line, width) {
    const lead = /^ */.exec(line)[0] + '    ';
    const parts = [];
    let rest = line;
    while (rest.length > width) {
        const cut = rest.lastIndexOf(' ', width);
        if (cut <= lead.length)
            break;
        parts.push(rest.slice(0, cut).trimEnd());
        rest = lead + rest.slice(cut + 1).trimStart();
    }
    return [...parts, rest];
}

;// CONCATENATED MODULE: ./lib/init/config-text.js
// The config `pullcheck init` writes: what discovery found, as comments (it is read again on every run),
// and as YAML only what discovery cannot see from the pullcheck workflow — the workflows to read, the
// values a finding asks for, proposals for manifest folders no workflow applies. Pure: scan in, text out.


/** The `discover.variables` entries the findings name (`add \`PATH[: HINT]\` under \`discover.variables\``). */
function neededVariables(scan) {
    const needed = new Map();
    for (const finding of scan.findings) {
        const match = /`([^`\s:]+)(?::\s*([^`]+))?`\s+under\s+`discover\.variables`/.exec(finding.message);
        if (match && !needed.has(match[1]))
            needed.set(match[1], { path: match[1], ...(match[2] ? { hint: match[2] } : {}), from: finding.from });
    }
    return [...needed.values()];
}
/** `configFile` is repository-relative: `discover.workflows` globs are relative to its folder. */
function configText(scan, configFile) {
    return [
        ...comments([
            "pullcheck's config for this repository, written by `pullcheck init`. pullcheck reads the workflows",
            "and manifests again on every run: this file holds only what it cannot see there. The README's",
            '"The config file" explains every key; `pullcheck schema` prints its JSON Schema.',
            '',
            ...foundLines(scan),
        ]),
        'version: 1',
        'discover:',
        ...workflowsBlock(scan, configFile),
        ...variablesBlock(scan),
        ...manifestsBlock(scan, configFile),
        '',
    ].join('\n');
}
function foundLines(scan) {
    const at = (from) => `${from.file}${from.line ? `:${from.line}` : ''}${from.via ? ` (${from.via})` : ''}`;
    const applied = scan.manifests.filter((folder) => folder.appliedTo !== undefined);
    return [
        `Found by discovery (nothing to copy: it is read again on every run):`,
        `  images the workflows push (${scan.images.length}):`,
        ...scan.images.flatMap((image) => [`    - ${image.reference}`, `        ${at(image.from)}`]),
        `  targets the workflows deploy to (${scan.targets.length}):`,
        ...scan.targets.flatMap((target) => [
            `    - ${target.name}: ${describeTarget(target)}`,
            `        ${at(target.from)}`,
            ...target.images.map((image) => `        pulls ${image}`),
        ]),
        ...(applied.length > 0
            ? [
                '  manifests the workflows apply:',
                ...applied.map((f) => `    - ${f.path} (${f.kind}) -> ${f.appliedTo}`),
            ]
            : []),
        ...(scan.findings.length > 0
            ? [
                '',
                `What discovery could not see (${scan.findings.length}; each is reported on every run until it is resolved):`,
                ...scan.findings.map((finding) => `  - ${at(finding.from)}: ${finding.message}`),
            ]
            : []),
        '',
    ];
}
function describeTarget(target) {
    const details = Object.entries(target.details).map(([key, value]) => `${key} ${value}`);
    return [target.platform, ...details].join(', ');
}
function workflowsBlock(scan, configFile) {
    const folder = external_node_path_.posix.dirname(configFile);
    const extensions = [...new Set(scan.workflows.map((file) => external_node_path_.posix.extname(file)))].sort();
    const globs = extensions.map((ext) => external_node_path_.posix.relative(folder, `.github/workflows/*${ext}`));
    return [
        ...comments([
            'The workflows that push and deploy: in the pullcheck workflow, pullcheck reads only itself',
            'otherwise. Globs, relative to this file, so a new workflow is read too.',
        ], '  '),
        globs.length > 0 ? '  workflows:' : '  workflows: [] # no workflow yet: add them here when there are',
        ...globs.map((glob) => `    - ${yamlValue(glob)}`),
    ];
}
function variablesBlock(scan) {
    const needed = neededVariables(scan);
    const known = scan.usesRepositoryName && scan.repository !== undefined;
    if (needed.length === 0 && !known)
        return [];
    return [
        ...comments(['Values the workflows take from outside the repository (never a secret).'], '  '),
        ...(known
            ? [
                '  variables:',
                `    github.repository: ${yamlValue(scan.repository)} # from the checkout's GitHub remote`,
            ]
            : comments(['variables:'], '  ')),
        ...needed.flatMap((variable) => comments([
            `  ${variable.path}: ${yamlValue(variable.hint ?? '<VALUE>')} # asked for at ${variable.from.file}:${variable.from.line ?? 1}`,
        ], '  ', Infinity)),
    ];
}
/** Folders no workflow applies, proposed as commented entries: which cluster runs them is the user's call. */
function manifestsBlock(scan, configFile) {
    const unapplied = scan.manifests.filter((folder) => folder.appliedTo === undefined);
    if (unapplied.length === 0)
        return [];
    const clusters = scan.targets.filter((t) => ['eks', 'gke', 'openshift', 'kubernetes'].includes(t.platform));
    const target = clusters.length === 1 ? clusters[0].name : '<TARGET>';
    const folder = external_node_path_.posix.dirname(configFile);
    return [
        ...comments([
            'Manifest folders no workflow applies. To check what they run, uncomment an entry and name the',
            'cluster target that runs it (a target above, or one declared under `targets:`).',
            'manifests:',
            ...unapplied.flatMap((entry) => [
                `  - target: ${yamlValue(target)}`,
                `    paths: [${yamlValue(external_node_path_.posix.relative(folder, entry.path))}] # ${entry.kind}`,
            ]),
        ], '  ', Infinity),
    ];
}

;// CONCATENATED MODULE: ./lib/init/workflow-text.js

/** The hand edit the workflow needs: its role placeholder is found by this marker. */
const EDIT_MARKER = 'EDIT:';
const AWS_ROLE_PLACEHOLDER = 'arn:aws:iam::<ACCOUNT_ID>:role/pullcheck-read';
/** `permissions:` exactly: contents and pull-requests always; id-token for an OIDC login; security-events for SARIF. */
function workflowPermissions(plan) {
    return {
        contents: 'read',
        'pull-requests': 'write',
        ...(usesOidc(plan.logins) ? { 'id-token': 'write' } : {}),
        ...(plan.sarif ? { 'security-events': 'write' } : {}),
    };
}
/** AWS and Google log in with GitHub's OIDC token; OpenShift here with a token from a secret. */
function usesOidc(logins) {
    return logins.aws !== undefined || logins.gcp !== undefined;
}
function awsRoleArn(logins) {
    const [account] = logins.aws?.accounts ?? [];
    return account ? AWS_ROLE_PLACEHOLDER.replace('<ACCOUNT_ID>', account) : AWS_ROLE_PLACEHOLDER;
}
function workflowText(plan) {
    const permissions = workflowPermissions(plan);
    const why = {
        contents: 'check out the repository',
        'pull-requests': "pullcheck's pull request comment",
        'id-token': 'the OIDC login below',
        'security-events': 'upload the SARIF report to code scanning',
    };
    return [
        ...comments([
            'pullcheck: on every pull request, checks that the clusters can pull the images this',
            "repository's workflows push. Written by `pullcheck init`.",
            `The edits it needs are marked ${EDIT_MARKER} below; \`pullcheck permissions\` prints the read access`,
            'the role (or service account) needs.',
        ]),
        'name: pullcheck',
        '',
        'on:',
        '  pull_request:',
        '  push:',
        `    branches: [${yamlValue(plan.defaultBranch)}]`,
        '',
        'permissions:',
        ...Object.entries(permissions).map(([name, level]) => `  ${name}: ${level} # ${why[name]}`),
        '',
        'concurrency:',
        '  group: pullcheck-${{ github.ref }}',
        '  cancel-in-progress: true',
        '',
        'jobs:',
        '  pullcheck:',
        '    runs-on: ubuntu-latest',
        '    timeout-minutes: 15',
        '    steps:',
        '      - uses: actions/checkout@v4',
        ...awsLogin(plan.logins),
        ...gcpLogin(plan.logins),
        ...pullcheckStep(plan),
        ...(plan.sarif ? sarifUpload() : []),
        '',
    ].join('\n');
}
function awsLogin(logins) {
    if (!logins.aws)
        return [];
    const accounts = logins.aws.accounts;
    return [
        '      - name: AWS credentials for the live reads (read-only)',
        '        uses: aws-actions/configure-aws-credentials@v4',
        '        with:',
        ...comments([
            `${EDIT_MARKER} the role pullcheck reads IAM, ECR and EKS with; trust GitHub's OIDC provider for`,
            'this repository (`pullcheck permissions` prints the policy and the trust policy).',
            ...(accounts.length > 1
                ? [`The images and clusters are in ${accounts.join(', ')}: the role must be able to read each.`]
                : []),
        ], '          '),
        `          role-to-assume: ${yamlValue(awsRoleArn(logins))}`,
        `          aws-region: ${yamlValue(logins.aws.region ?? 'us-east-1')}`,
    ];
}
function gcpLogin(logins) {
    if (!logins.gcp)
        return [];
    const [project] = logins.gcp.projects;
    return [
        '      - name: Google credentials for the live reads (read-only)',
        '        uses: google-github-actions/auth@v2',
        '        with:',
        ...comments([`${EDIT_MARKER} your Workload Identity Federation provider and the read-only service account.`], '          '),
        `          workload_identity_provider: ${yamlValue('projects/<PROJECT_NUMBER>/locations/global/workloadIdentityPools/<POOL>/providers/<PROVIDER>')}`,
        `          service_account: ${yamlValue(`pullcheck-read@${project ?? '<PROJECT_ID>'}.iam.gserviceaccount.com`)}`,
    ];
}
function pullcheckStep(plan) {
    const openshift = plan.logins.openshift;
    return [
        '      - name: pullcheck',
        '        id: pullcheck',
        '        uses: acme/pullcheck@v1',
        '        with:',
        `          config: ${yamlValue(plan.config)}`,
        ...comments(["This job pushes nothing: no registry login (the step's live reads use the logins above)."], '          '),
        "          login: 'false'",
        ...(openshift
            ? [
                ...comments([
                    `${EDIT_MARKER} the API server and a secret holding a token that may read the namespaces' RBAC.`,
                ], '          '),
                `          openshift-server: ${yamlValue(openshift.server ?? 'https://api.<CLUSTER>:6443')}`,
                '          openshift-token: ${{ secrets.OPENSHIFT_TOKEN }}',
            ]
            : []),
    ];
}
function sarifUpload() {
    return [
        '      - name: Upload the report to code scanning',
        "        if: always() && steps.pullcheck.outputs.sarif-file != ''",
        '        uses: github/codeql-action/upload-sarif@v3',
        '        with:',
        '          sarif_file: ${{ steps.pullcheck.outputs.sarif-file }}',
        '          category: pullcheck',
    ];
}

;// CONCATENATED MODULE: ./lib/init/plan-text.js



const OUTCOME = {
    written: 'written',
    overwritten: 'overwritten (--force)',
    exists: 'exists, left alone (use --force to overwrite)',
    'would write': 'would be written (--dry-run)',
    'would overwrite': 'would be overwritten (--dry-run --force)',
};
function planText(input) {
    const { scan, paths, outcomes } = input;
    const written = Object.values(outcomes).some((o) => o !== 'exists');
    return [
        `pullcheck init: ${commentText(input.repository, 200)}`,
        ...plan_text_foundLines(scan, paths),
        'files:',
        ...Object.entries(outcomes).map(([file, outcome]) => `  ${file}: ${OUTCOME[outcome]}`),
        ...(written ? nextSteps(input) : []),
        '',
    ].join('\n');
}
function plan_text_foundLines(scan, paths) {
    const count = (n, what) => `${n} ${what}${n === 1 ? '' : 's'}`;
    const at = (from) => `${from.file}${from.line ? `:${from.line}` : ''}${from.via ? ` (${commentText(from.via, 120)})` : ''}`;
    if (scan.workflows.length === 0)
        return [
            'found: no workflow in .github/workflows/: nothing to discover yet. The files below check the images',
            '  and targets you add to the config (or the workflows you add later).',
        ];
    return [
        `found: ${count(scan.images.length, 'image')}, ${count(scan.targets.length, 'target')}, ${count(scan.findings.length, 'finding')} in ${count(scan.workflows.length, 'workflow')}`,
        ...scan.images.map((image) => `  image    ${image.reference}  ${at(image.from)}`),
        ...scan.targets.map((t) => `  target   ${t.name} (${describeTarget(t)})  ${at(t.from)}`),
        ...scan.manifests.map((folder) => folder.appliedTo
            ? `  manifests ${folder.path} (${folder.kind}), applied to ${folder.appliedTo}`
            : `  manifests ${folder.path} (${folder.kind}), applied by no workflow: proposed, commented, in ${paths.config}`),
        ...scan.findings.map((finding) => `  finding  ${at(finding.from)}: ${commentText(finding.message, 300)}`),
    ];
}
function nextSteps({ logins, paths, scan }) {
    const edits = [
        ...(logins.aws ? ['role-to-assume (the AWS role pullcheck reads with)'] : []),
        ...(logins.gcp ? ['workload_identity_provider and service_account (Google)'] : []),
        ...(logins.openshift ? ['openshift-server, and an OPENSHIFT_TOKEN secret'] : []),
    ];
    const steps = [
        ...(edits.length > 0
            ? [`edit ${paths.workflow} where it is marked ${EDIT_MARKER.replace(':', '')}: ${edits.join('; ')}`]
            : []),
        ...(edits.length > 0
            ? ['`pullcheck permissions` prints the read access that identity needs, and its OIDC trust policy']
            : []),
        ...(scan.findings.length > 0 ? [`read the findings above: ${paths.config} says what each needs`] : []),
        'commit both files and open a pull request: pullcheck checks it and comments',
    ];
    return ['next:', ...steps.map((step, i) => `  ${i + 1}. ${step}`)];
}

// EXTERNAL MODULE: ./lib/discover/workflows/repository.js
var repository = __webpack_require__(39416);
;// CONCATENATED MODULE: ./lib/init/manifest-folders.js
// Folders of Kubernetes manifests where teams keep them (k8s/, deploy/, manifests/, charts/, …): Kustomize
// roots (overlays rather than the bases they build), Helm charts, and folders of plain YAML. Only names
// are listed, inside the repository, a bounded number of folders deep; nothing is read.


const TOP_FOLDERS = [
    'k8s',
    '.k8s',
    'kube',
    'kubernetes',
    'deploy',
    'deployment',
    'deployments',
    'manifests',
    'kustomize',
    'helm',
    'chart',
    'charts',
    'openshift',
];
const KUSTOMIZATION = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);
const MAX_DEPTH = 4;
const MAX_FOLDERS = 500;
/** What a folder is, from the names in it: a Kustomize root, a chart, plain YAML, or none of them. */
function folderKind(names) {
    if (names.some((name) => KUSTOMIZATION.has(name)))
        return 'kustomize';
    if (names.includes('Chart.yaml'))
        return 'helm';
    return names.some((name) => /\.ya?ml$/i.test(name)) ? 'plain' : undefined;
}
/** The manifest folders under the usual top-level names, repository-relative (posix), in a stable order. */
function manifestFolders(root) {
    const found = [];
    let visited = 0;
    const walk = (relative, depth) => {
        if (depth > MAX_DEPTH || ++visited > MAX_FOLDERS)
            return;
        const entries = listFolder(external_node_path_.join(root, relative));
        const kind = folderKind(entries.filter((e) => e.isFile()).map((e) => e.name));
        if (kind)
            found.push({ path: relative, kind });
        // A Kustomize root or a chart is one unit: its subfolders are its own parts.
        if (kind === 'kustomize' || kind === 'helm')
            return;
        for (const entry of entries)
            if (entry.isDirectory() && !entry.name.startsWith('.'))
                walk(external_node_path_.posix.join(relative, entry.name), depth + 1);
    };
    for (const top of TOP_FOLDERS)
        walk(top, 1);
    return preferOverlays(found).sort((a, b) => a.path.localeCompare(b.path));
}
/** With overlays present, the bases they build are not proposed on their own (they would be built twice). */
function preferOverlays(found) {
    const hasOverlays = found.some((f) => f.kind === 'kustomize' && /(^|\/)overlays\//.test(f.path));
    if (!hasOverlays)
        return found;
    return found.filter((f) => !(f.kind === 'kustomize' && /(^|\/)bases?(\/|$)/.test(f.path)));
}
function listFolder(folder) {
    try {
        return (0,external_node_fs_.readdirSync)(folder, { withFileTypes: true });
    }
    catch {
        return []; // absent or unreadable: nothing to propose there
    }
}

;// CONCATENATED MODULE: ./lib/init/scan.js
// Reads a repository as `pullcheck init` sees it: every workflow under .github/workflows/ through
// pullcheck's own discovery (zero config), the manifest folders, the checkout's GitHub remote and default
// branch. Every read stays inside the repository and is size-limited (read-file.ts); what cannot be read
// is a finding, never a crash.









const MAX_WORKFLOWS = 200;
const DETAIL_KEYS = ['cluster', 'region', 'account', 'project', 'location', 'namespace', 'server'];
/** `root` is an existing directory (the CLI checks it first). */
function scanRepository(root, options = {}) {
    const absolute = external_node_path_.resolve(root);
    const relative = (file) => toPosix(external_node_path_.relative(absolute, external_node_path_.resolve(file)));
    const workflows = workflowFiles(absolute).filter((file) => !(options.skip ?? []).includes(file));
    // A config that is never written, at the repository root, so the root bounds every read (no .git needed).
    const config = (0,load/* loadConfigText */.Ki)('version: 1\n', external_node_path_.join(absolute, '.pullcheck-init.yml'));
    // What the workflows apply is read relative to the folder holding .github/workflows/ and never outside it.
    const found = (0,discover/* discover */.k4)(config, {
        workflows: workflows.map((file) => external_node_path_.relative(process.cwd(), external_node_path_.join(absolute, file)) || file),
        env: {},
    });
    const shown = shownPrefix(absolute);
    const place = (file, line, via) => ({
        file: relative(file),
        ...(line === undefined ? {} : { line }),
        ...(via === undefined ? {} : { via: shown(via) }),
    });
    const input = found.config.input;
    const origins = found.config.origins;
    const texts = workflows.map((file) => scan_workflowText(absolute, file));
    return {
        workflows,
        images: (input.images ?? []).map((reference) => {
            const origin = origins.images.get((0,image_reference/* imageNameOf */.mi)(reference) ?? reference);
            return { reference, from: origin ? place(origin.file, origin.line, origin.via) : { file: '' } };
        }),
        targets: (input.targets ?? []).map((target) => {
            const origin = origins.targets.get(target.name)?.origin;
            return targetOf(target, origin ? place(origin.file, origin.line, origin.via) : { file: '' });
        }),
        logins: found.ciLogins.map((login) => ({
            provider: login.provider,
            via: login.via,
            from: place(login.where.file, login.where.line),
        })),
        findings: found.findings.map((finding) => ({
            kind: finding.kind,
            message: shown(finding.message),
            from: place(finding.file ?? '', finding.line),
        })),
        manifests: manifestsOf(absolute, found.applied),
        ...scan_optional('repository', (0,repository/* gitHubRepositoryOf */.HK)(absolute)),
        usesRepositoryName: texts.some((text) => /github\.repository\b|\bGITHUB_REPOSITORY\b/.test(text)),
        defaultBranch: originHead(absolute) ?? pushBranch(texts) ?? 'main',
    };
}
/** The workflow files of `.github/workflows/`, repository-relative: regular `.yml`/`.yaml` files. */
function workflowFiles(root) {
    try {
        return (0,external_node_fs_.readdirSync)(external_node_path_.join(root, '.github', 'workflows'), { withFileTypes: true })
            .filter((entry) => entry.isFile() && /\.ya?ml$/i.test(entry.name))
            .map((entry) => `.github/workflows/${entry.name}`)
            .sort()
            .slice(0, MAX_WORKFLOWS);
    }
    catch {
        return []; // no .github/workflows: the plan says so
    }
}
function targetOf(target, from) {
    const written = target;
    const details = Object.fromEntries(DETAIL_KEYS.flatMap((key) => (typeof written[key] === 'string' ? [[key, written[key]]] : [])));
    return { name: target.name, platform: target.platform, details, images: target.images ?? [], from };
}
/** The folders the workflows apply (with their target), then the usual folders no workflow applies. */
function manifestsOf(root, applied) {
    const folders = new Map();
    for (const { target, manifests } of applied)
        for (const manifest of manifests)
            for (const written of manifest.paths) {
                const at = toPosix(external_node_path_.posix.normalize(written)).replace(/\/$/, '') || '.';
                if (!folders.has(at))
                    folders.set(at, { path: at, kind: kindOf(root, at), appliedTo: target });
            }
    const appliedPaths = [...folders.keys()];
    for (const folder of manifestFolders(root)) {
        const covered = appliedPaths.some((at) => isWithin(folder.path, at) || isWithin(at, folder.path));
        if (!covered)
            folders.set(folder.path, folder);
    }
    return [...folders.values()];
}
function kindOf(root, relative) {
    try {
        const names = (0,external_node_fs_.readdirSync)(external_node_path_.join(root, relative), { withFileTypes: true })
            .filter((entry) => entry.isFile())
            .map((entry) => entry.name);
        return folderKind(names) ?? 'plain';
    }
    catch {
        return 'plain'; // a file, or a path known only at run time
    }
}
function isWithin(inner, outer) {
    return outer === '.' || inner === outer || inner.startsWith(`${outer}/`);
}
function scan_workflowText(root, file) {
    const read = (0,read_file/* readConfined */.Hz)(external_node_path_.join(root, file), root);
    return 'text' in read ? read.text : '';
}
/** `refs/remotes/origin/HEAD` of the checkout: the remote's default branch, when it was cloned. */
function originHead(root) {
    const read = (0,read_file/* readConfined */.Hz)(external_node_path_.join(root, '.git', 'refs', 'remotes', 'origin', 'HEAD'), root);
    if (!('text' in read))
        return undefined;
    return /^ref: refs\/remotes\/origin\/([\w./-]+)\s*$/.exec(read.text)?.[1];
}
/** The first branch, written without a pattern, that a workflow runs on pushes to. */
function pushBranch(texts) {
    for (const text of texts) {
        let branches;
        try {
            branches = (0,dist/* parse */.qg)(text)?.on?.push?.branches;
        }
        catch {
            continue; // a malformed workflow is a finding of discovery already
        }
        const list = Array.isArray(branches) ? branches : [branches];
        const plain = list.find((branch) => typeof branch === 'string' && /^[\w./-]+$/.test(branch));
        if (plain)
            return plain;
    }
    return undefined;
}
/** Discovery shows paths relative to the working directory: in the plan they are the repository's. */
function shownPrefix(root) {
    const prefix = external_node_path_.relative(process.cwd(), root);
    if (prefix === '')
        return (text) => text;
    const pattern = new RegExp(`${escapeRegExp(toPosix(prefix))}/`, 'g');
    return (text) => text.replace(pattern, '');
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
function toPosix(file) {
    return file.split(external_node_path_.sep).join('/');
}
function scan_optional(key, value) {
    return (value === undefined ? {} : { [key]: value });
}

;// CONCATENATED MODULE: ./lib/cli/init.js
// `pullcheck init`: reads the repository as discovery does, then writes a commented config holding only
// what discovery cannot see and a workflow that runs pullcheck on pull requests; prints a short plan.
// Nothing is written when a file exists (unless --force) or with --dry-run.











const init_USAGE = `usage: pullcheck init [--repo DIR] [--force] [--dry-run] [--config-out FILE] [--workflow-out FILE]

Reads the repository's workflows and manifests as pullcheck's discovery does, then writes a commented
config holding only what discovery cannot see, and a workflow that runs pullcheck on every pull request
(with the cloud logins and the permissions it needs). Prints what it found, what it wrote, what is next.

  --repo DIR           the repository to read (default .)
  --config-out FILE    the config to write, inside DIR (default .github/pullcheck.yml)
  --workflow-out FILE  the workflow to write, inside DIR (default .github/workflows/pullcheck.yml)
  --force              overwrite files that exist; without it nothing is written when one exists
  --dry-run            print the plan and both files; write nothing
  --help               print this help

exit status: 0 done, 2 bad input (a bad flag, a file that exists without --force, a repository that
cannot be read)`;
const initCommand = {
    summary: 'write a config and a pullcheck workflow for this repository',
    usage: init_USAGE,
    run: init,
};
function init(args, io) {
    const { values } = (0,external_node_util_.parseArgs)({
        args: [...args],
        options: {
            repo: { type: 'string', default: '.' },
            force: { type: 'boolean', default: false },
            'dry-run': { type: 'boolean', default: false },
            'config-out': { type: 'string', default: '.github/pullcheck.yml' },
            'workflow-out': { type: 'string', default: '.github/workflows/pullcheck.yml' },
        },
        strict: true,
        allowPositionals: false,
    });
    const root = readableRepository(values.repo);
    const paths = {
        config: insideRepository(root, values['config-out'], '--config-out'),
        workflow: insideRepository(root, values['workflow-out'], '--workflow-out'),
    };
    if (paths.config === paths.workflow)
        throw new UsageError('--config-out and --workflow-out name the same file', init_USAGE);
    const { scan, logins, files } = generate(root, paths);
    // Every target is looked at before anything is written: one that exists stops them all.
    const existing = Object.keys(files).filter((file) => exists(external_node_path_.join(root, file)));
    const outcome = (file) => {
        const there = existing.includes(file);
        if (values['dry-run'])
            return there && !values.force ? 'exists' : there ? 'would overwrite' : 'would write';
        return there ? (values.force ? 'overwritten' : 'exists') : 'written';
    };
    const outcomes = Object.fromEntries(Object.keys(files).map((file) => [file, outcome(file)]));
    const plan = (shown) => planText({ repository: values.repo, scan, logins, paths, outcomes: shown });
    if (existing.length > 0 && !values.force) {
        io.stdout(plan(outcomes));
        io.stderr(`pullcheck: ${existing.join(' and ')} already ${existing.length === 1 ? 'exists' : 'exist'}: nothing written (use --force to overwrite)\n`);
        return 2;
    }
    if (values['dry-run']) {
        io.stdout(plan(outcomes));
        for (const [file, text] of Object.entries(files))
            io.stdout(`\n--- ${file}\n${text}`);
        return 0;
    }
    const failed = writeAll(root, files);
    if (failed) {
        io.stderr(`pullcheck: ${failed}\n`);
        return 2;
    }
    io.stdout(plan(outcomes));
    return 0;
}
/** What the repository shows, and the two files' text from it. */
function generate(root, paths) {
    const scan = scanRepository(root, { skip: [paths.workflow] });
    const logins = cloudLogins(scan);
    const workflow = { logins, config: paths.config, defaultBranch: scan.defaultBranch, sarif: true };
    const files = {
        [paths.config]: configText(scan, paths.config),
        [paths.workflow]: workflowText(workflow),
    };
    return { scan, logins, files };
}
/** The repository's real path; a missing path, a file or an unreadable folder is a usage error. */
function readableRepository(repo) {
    const shown = (0,quoted_value/* quotedValue */.A)(repo);
    let real;
    try {
        real = (0,external_node_fs_.realpathSync)(repo);
        if (!(0,external_node_fs_.statSync)(real).isDirectory())
            throw new UsageError(`--repo ${shown} is not a directory`, init_USAGE);
        (0,external_node_fs_.readdirSync)(real);
    }
    catch (error) {
        if (error instanceof UsageError)
            throw error;
        const code = error.code ?? 'unreadable';
        const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`;
        throw new UsageError(`--repo ${shown} ${why}`, init_USAGE);
    }
    return real;
}
/** `file` as a repository-relative posix path; one outside the repository is a usage error. */
function insideRepository(root, file, flag) {
    const absolute = external_node_path_.resolve(root, file);
    const relative = external_node_path_.relative(root, absolute);
    if (relative === '' || relative.startsWith('..') || external_node_path_.isAbsolute(relative))
        throw new UsageError(`${flag} ${(0,quoted_value/* quotedValue */.A)(file)} is not a file inside the repository`, init_USAGE);
    return relative.split(external_node_path_.sep).join('/');
}
function exists(file) {
    try {
        (0,external_node_fs_.lstatSync)(file);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Writes the files, once every one has been checked: a folder that leads out of the repository or a symbolic
 * link is not written through, and then nothing is written.
 */
function writeAll(root, files) {
    for (const file of Object.keys(files)) {
        const absolute = external_node_path_.join(root, file);
        // A `.github` that is a link out of the repository is not followed, not even to make a folder.
        if (!(0,read_file/* isInside */.FK)((0,external_node_fs_.realpathSync)(nearestExisting(external_node_path_.dirname(absolute))), root))
            return `${file}: its folder leads outside the repository: nothing written`;
        if (exists(absolute) && (0,external_node_fs_.lstatSync)(absolute).isSymbolicLink())
            return `${file} is a symbolic link: nothing written`;
    }
    for (const [file, text] of Object.entries(files)) {
        try {
            (0,external_node_fs_.mkdirSync)(external_node_path_.dirname(external_node_path_.join(root, file)), { recursive: true });
            (0,external_node_fs_.writeFileSync)(external_node_path_.join(root, file), text);
        }
        catch (error) {
            return `cannot write ${file} (${error.code ?? 'error'})`;
        }
    }
    return undefined;
}
function nearestExisting(folder) {
    return exists(folder) || external_node_path_.dirname(folder) === folder ? folder : nearestExisting(external_node_path_.dirname(folder));
}

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
/** One trust policy per AWS role the workflows log in as with GitHub's OIDC token. */
function awsTrustPolicies(sites) {
    const byRole = new Map();
    for (const site of sites) {
        const { login } = site;
        if ('unresolved' in login || login.provider !== 'aws' || login.oidc === false)
            continue;
        if (!(0,aws_arn/* parseRoleArn */.DM)(login.identity))
            continue;
        const entry = byRole.get(login.identity) ?? {
            jobs: new Set(),
            subjects: new Set(),
            audience: login.with['audience'] || 'sts.amazonaws.com',
            notes: [],
        };
        entry.jobs.add(site.job);
        if (site.noTokens)
            entry.notes.push(`${site.job}: ${site.noTokens}`);
        for (const token of site.tokens) {
            const sub = token.claims['sub'];
            // A glob claim (`*` for any text) is what StringLike takes as it is.
            if (sub && 'value' in sub)
                entry.subjects.add(sub.value);
            else if (sub && 'pattern' in sub)
                entry.subjects.add(sub.pattern);
            else
                entry.notes.push(`${site.job} (${token.trigger}): sub ${sub ? sub.unknown : 'not predicted'}`);
        }
        byRole.set(login.identity, entry);
    }
    return [...byRole.entries()].map(([role, entry]) => {
        const { partition, account } = (0,aws_arn/* parseRoleArn */.DM)(role);
        // No subject predicted (see the notes): a value no token carries keeps the policy closed, never open.
        const subjects = entry.subjects.size > 0 ? [...entry.subjects].sort() : [NO_SUBJECT];
        return {
            role,
            jobs: [...entry.jobs].sort(),
            notes: entry.notes,
            document: {
                Version: '2012-10-17',
                Statement: [
                    {
                        Sid: 'GitHubActionsOidc',
                        Effect: 'Allow',
                        Principal: { Federated: (0,collect_oidc/* githubProviderArn */.s_)(partition, account) },
                        Action: 'sts:AssumeRoleWithWebIdentity',
                        Condition: trustConditions(entry.audience, subjects),
                    },
                ],
            },
        };
    });
}
/** aud exactly; sub among the predicted subjects (StringLike when one is a glob: `*` any text). */
function trustConditions(audience, subjects) {
    const aud = { [`${keys/* GITHUB_ISSUER */.oX}:aud`]: audience };
    const sub = { [`${keys/* GITHUB_ISSUER */.oX}:sub`]: subjects };
    return subjects.some((subject) => subject.includes('*'))
        ? { StringEquals: aud, StringLike: sub }
        : { StringEquals: { ...aud, ...sub } };
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
            aws: awsTrustPolicies(trusted).map((policy) => withAssumptions(policy, templated.assumed)),
            gcp: googleLoginAccess(trusted).map((access) => withAssumptions(access, templated.assumed)),
        },
    };
}
const TEMPLATE_ASSUMED = "facts.github.oidc.subClaim is not stated: the subjects assume GitHub's default template; if the repository or its organization customised it, state facts.github.oidc.subClaim as GET /repos/OWNER/REPO/actions/oidc/customization/sub answers and run this again";
const PREFIX_ASSUMED = 'facts.github.oidc.subClaim.prefix is not stated: the subjects assume the prefix repo:OWNER/REPO; GitHub writes the immutable form instead (each name followed by @ and its numeric id) for repositories created, renamed or transferred after 15 July 2026 or opted in to immutable subjects: state the sub_claim_prefix it reports and run this again';
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

;// CONCATENATED MODULE: ./lib/permissions/render-shell.js
// The read access as a shell script of the clouds' own CLIs: `aws iam`, `gcloud iam roles create`, and
// `kubectl apply` of the ClusterRole. Every value from the config is single-quoted for /bin/sh.



/** One argument for /bin/sh: single quotes, each ' written as '\''. */
function shellQuoted(value) {
    return `'${value.replaceAll("'", `'\\''`)}'`;
}
/** A comment line: whatever the config holds cannot end it. */
const comment = (text) => `# ${text.replace(/[\r\n\u2028\u2029]+/g, ' ')}`;
function renderShell(access) {
    const lines = [
        '#!/bin/sh',
        '# pullcheck permissions: the least-privilege read access of this config',
        'set -eu',
    ];
    for (const policy of access.aws) {
        const name = shellQuoted(policyName(policy.principal, policy.accounts));
        const document = shellQuoted(JSON.stringify(policy.document));
        const role = (0,aws_arn/* parseRoleArn */.DM)(policy.principal);
        lines.push('', comment(`AWS: what ${(0,aws_arn/* parseRoleArn */.DM)(policy.principal) ? policy.principal : 'the base session'} reads (accounts ${policy.accounts.join(', ')})`));
        if (role)
            lines.push(`aws iam put-role-policy --role-name ${shellQuoted(role.name)} --policy-name ${name} \\`, `  --policy-document ${document}`);
        else
            lines.push(`aws iam create-policy --policy-name ${name} \\`, `  --policy-document ${document}`, comment('then attach it to the role or user pullcheck reads with'));
    }
    for (const trust of access.trust.aws) {
        const role = (0,aws_arn/* parseRoleArn */.DM)(trust.role);
        lines.push('', comment(`AWS: who may assume ${trust.role} (${trust.jobs.join(', ')})`));
        for (const note of trust.notes)
            lines.push(comment(note));
        lines.push(`aws iam update-assume-role-policy --role-name ${shellQuoted(role.name)} \\`, `  --policy-document ${shellQuoted(JSON.stringify(trust.document))}`);
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
    const permissions = shellQuoted(role.permissions.join(','));
    const lines = [comment('Google Cloud: a custom role in each project the reads touch; grant it there')];
    for (const project of role.projects)
        lines.push(`gcloud iam roles create ${role.roleId} --project=${shellQuoted(project)} \\`, `  --title=${shellQuoted(role.title)} --permissions=${permissions}`);
    lines.push(comment('folders and organization policies: an organization-level role (ORGANIZATION_ID is yours)'), `gcloud iam roles create ${role.roleId}Organization --organization="$ORGANIZATION_ID" \\`, `  --title=${shellQuoted(role.title)} --permissions=${shellQuoted(role.organizationPermissions.join(','))}`);
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
        lines.push(`gcloud iam workload-identity-pools providers update-oidc ${shellQuoted(provider)} --project=${shellQuoted(project)} \\`, `  --location=global --workload-identity-pool=${shellQuoted(pool)} \\`, `  --attribute-mapping=${shellQuoted(mapping)} \\`, `  --attribute-condition=${shellQuoted(login.attributeCondition)}`);
    else
        lines.push(comment('not a provider resource name: set the mapping and condition above on it by hand'));
    const account = login.serviceAccount;
    if (account)
        lines.push(`gcloud iam service-accounts add-iam-policy-binding ${shellQuoted(account.email)} \\`, `  --role=${shellQuoted(account.role)} --member=${shellQuoted(account.member)}`);
    return lines;
}

;// CONCATENATED MODULE: ./lib/permissions/render-terraform.js
// The read access as Terraform: aws_iam_policy / aws_iam_role_policy, the CI roles' assume_role_policy,
// google_project_iam_custom_role, kubernetes_cluster_role_v1. Every value from the config is an HCL string
// literal with its template sequences (`${`, `%{`) escaped.


/** An HCL quoted string: JSON's escapes, and `${`/`%{` doubled so they stay literal. */
function hclString(value) {
    return JSON.stringify(value).replaceAll('${', '$${').replaceAll('%{', '%%{');
}
const hclList = (values) => `[${values.map(hclString).join(', ')}]`;
const render_terraform_comment = (text) => `# ${text.replace(/[\r\n\u2028\u2029]+/g, ' ')}`;
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

;// CONCATENATED MODULE: ./lib/cli/permissions.js
// `pullcheck permissions`: the least-privilege read access the live reads of a config need (issue 19),
// as JSON (default), YAML, Terraform or a shell script of the clouds' CLIs. Reads only the repository.










const permissions_FORMATS = {
    json: renderJson,
    yaml: renderYaml,
    terraform: renderTerraform,
    gcloud: renderShell,
};
const permissions_USAGE = `usage: pullcheck permissions [--config FILE] [--workflow FILE] [--format json|yaml|terraform|gcloud]

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
    const render = Object.hasOwn(permissions_FORMATS, values.format) ? permissions_FORMATS[values.format] : undefined;
    if (!render)
        throw new UsageError(`--format must be one of: ${Object.keys(permissions_FORMATS).join(', ')}${(0,did_you_mean/* didYouMean */.a)(values.format, Object.keys(permissions_FORMATS))}`, permissions_USAGE);
    if (values.workflow)
        (0,workflow_images/* assertWorkflowFile */.ED)(values.workflow);
    const discovered = (0,discover/* discover */.k4)((0,load/* loadConfigFile */.HT)(values.config, {}, 'pass --config FILE or create .github/pullcheck.yml'), { workflows: values.workflow ? [values.workflow] : [], env: process.env });
    io.stdout(render(readAccess(discovered.config, discovered.ciLogins)));
    return 0;
}
const permissionsCommand = {
    summary: 'print the least-privilege read access the live reads need',
    usage: permissions_USAGE,
    run,
};

;// CONCATENATED MODULE: ./lib/cli/command.js
// `pullcheck check` and `pullcheck schema` (SPEC §5). Exit codes: 0 gate passed, 1 gate failed, 2 bad input.



















// Each format as the pieces it is written in: only JSON reports grow large enough to be written piecewise.
const command_FORMATS = {
    json: json/* jsonReportChunks */.x$,
    markdown: (report) => [(0,markdown/* renderMarkdown */.G)(report)],
    text: (report) => [renderText(report)],
    sarif: (report) => [(0,sarif/* renderSarif */.W)(report)],
};
const CHECK_USAGE = `usage: pullcheck check [--config FILE] [--offline] [--format markdown|json|text|sarif]
                       [--output FILE] [--fail-on denied|unknown|never] [--snapshot FILE] [--workflow FILE]

Checks that every target in the config can pull every image it deploys.

  --config FILE   config file (default .github/pullcheck.yml)
  --offline       use only the config's facts; never call a cloud
  --snapshot FILE write the config with every fact used (stated and read live), to replay with --offline
  --workflow FILE add the images this GitHub Actions workflow pushes to the config's images
  --format F      report format on stdout, or in --output (default text)
  --output FILE   write the report to FILE instead of stdout
  --fail-on V     fail (exit 1) on denied (default), on denied or unknown, or never
  --help          print this help

exit status: 0 gate passed, 1 gate failed, 2 bad input`;
const SCHEMA_USAGE = `usage: pullcheck schema

Prints the config file's JSON Schema (for editors: yaml-language-server, VS Code).`;
// Every command but `check` and `schema` lives in its own module: one line here adds it.
const COMMANDS = {
    check: { summary: 'check the pulls of a config', usage: CHECK_USAGE, run: check },
    schema: { summary: "print the config file's JSON Schema", usage: SCHEMA_USAGE, run: command_schema },
    init: initCommand,
    permissions: permissionsCommand,
    explain: explain,
};
const command_USAGE = `usage: pullcheck <command> [options]

commands:
${Object.entries(COMMANDS)
    .map(([name, command]) => `  ${name.padEnd(14)}${command.summary}`)
    .join('\n')}
  help [COMMAND] print this help, or a command's (pullcheck COMMAND --help)

  --version   print pullcheck's version

exit status: 0 gate passed (or the command did its work), 1 gate failed, 2 bad input`;
const COMMAND_USAGE = Object.fromEntries(Object.entries(COMMANDS).map(([name, command]) => [name, command.usage]));
const HELP = new Set(['--help', '-h']);
/** Runs the command line; returns the exit status. Never throws for a user error. */
async function runCli(argv, rawIo) {
    // Whatever is printed leaves without URL credentials, and no data line reads as a workflow command.
    const io = {
        stdout: (text) => rawIo.stdout((0,outgoing_text/* outgoing */.by)(text)),
        stderr: (text) => rawIo.stderr((0,outgoing_text/* outgoing */.by)(text)),
    };
    try {
        const [command, ...rest] = argv;
        if (command === '--version' || command === '-V') {
            io.stdout(`pullcheck ${VERSION}\n`);
            return 0;
        }
        if (command === undefined || HELP.has(command) || command === 'help') {
            const about = command === 'help' && rest[0] ? COMMAND_USAGE[rest[0]] : command_USAGE;
            if (!about)
                throw new UsageError(`unknown command ${(0,quoted_value/* quotedValue */.A)(rest[0] ?? '')}`, command_USAGE);
            (command === undefined ? io.stderr : io.stdout)(`${about}\n`);
            return command === undefined ? 2 : 0;
        }
        const usage = COMMAND_USAGE[command];
        if (!usage)
            throw new UsageError(`unknown command ${(0,quoted_value/* quotedValue */.A)(command)}${(0,did_you_mean/* didYouMean */.a)(command, Object.keys(COMMAND_USAGE))}`, command_USAGE);
        if (rest.some((arg) => HELP.has(arg))) {
            io.stdout(`${usage}\n`);
            return 0;
        }
        try {
            return await COMMANDS[command].run(rest, io);
        }
        catch (error) {
            // A bad flag is shown with the usage of the command it was given to.
            if (isParseArgsError(error))
                throw new UsageError(error.message, usage);
            throw error;
        }
    }
    catch (error) {
        if (error instanceof errors/* ConfigError */.xL) {
            io.stderr(`${error.problems.map((p) => `pullcheck: error: ${p.where.file}:${p.where.line}:${p.where.column}: ${p.message}`).join('\n')}\n`);
            return 2;
        }
        if (error instanceof UsageError) {
            io.stderr(`pullcheck: ${error.message}\n${error.usage ?? CHECK_USAGE}\n`);
            return 2;
        }
        throw error;
    }
}
function command_schema(args, io) {
    if (args.length > 0)
        throw new UsageError(`schema takes no arguments (got ${(0,quoted_value/* quotedValue */.A)(args[0] ?? '')})`, SCHEMA_USAGE);
    io.stdout(`${JSON.stringify((0,schema/* configJsonSchema */.Mk)(), null, 2)}\n`);
    return 0;
}
async function check(args, io) {
    const { values } = (0,external_node_util_.parseArgs)({
        args: [...args],
        options: {
            config: { type: 'string', default: '.github/pullcheck.yml' },
            offline: { type: 'boolean', default: false },
            format: { type: 'string', default: 'text' },
            output: { type: 'string' },
            'fail-on': { type: 'string', default: 'denied' },
            snapshot: { type: 'string' },
            workflow: { type: 'string' },
        },
        strict: true,
        allowPositionals: false,
    });
    const format = values.format;
    if (!Object.hasOwn(command_FORMATS, format))
        throw new UsageError(`--format must be one of: ${Object.keys(command_FORMATS).join(', ')}${(0,did_you_mean/* didYouMean */.a)(format, Object.keys(command_FORMATS))}`, CHECK_USAGE);
    const failOn = values['fail-on'];
    if (!report_model/* FAIL_ON */.d$.includes(failOn))
        throw new UsageError(`--fail-on must be one of: ${report_model/* FAIL_ON */.d$.join(', ')}${(0,did_you_mean/* didYouMean */.a)(failOn, report_model/* FAIL_ON */.d$)}`, CHECK_USAGE);
    // What the repository shows joins the config: the workflow's images (--workflow FILE, discover.workflows)
    // and the targets of discover.manifests; what discovery cannot read or resolve is a finding.
    const discovered = discoveredConfig(values.config, values.workflow);
    const { report, liveRead } = await (0,pipeline/* checkPulls */.t)({
        config: discovered.config,
        findings: discovered.findings,
        failOn,
        lookedAt: { config: values.config, workflows: discovered.workflows, entry: 'cli' },
        // The cluster is read through the kubeconfig (KUBECONFIG, else ~/.kube/config) when there is one.
        live: values.offline ? undefined : { credentials: { kubernetes: 'kubeconfig' } },
        snapshot: values.snapshot,
        ciLogins: discovered.ciLogins,
        env: process.env,
        // The repository's OIDC subject template is read with the token the gh CLI and Actions use, if any.
        ...(gitHubToken() ? { github: { token: gitHubToken(), apiUrl: process.env['GITHUB_API_URL'] } } : {}),
    });
    for (const note of liveRead?.notes ?? [])
        io.stderr(`pullcheck: ${note}\n`);
    const chunks = command_FORMATS[format](report);
    if (values.output) {
        (0,write_file/* writeChunks */.a)(values.output, chunks, outgoing_text/* outgoing */.by);
        io.stderr(`${summaryLine(report)}\n`);
    }
    else {
        for (const chunk of chunks)
            io.stdout(chunk);
    }
    return report.summary.gate === 'fail' ? 1 : 0;
}
function isParseArgsError(error) {
    return (typeof error === 'object' &&
        error !== null &&
        String(error.code).startsWith('ERR_PARSE_ARGS'));
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
    const { collectAwsFacts } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(764), __webpack_require__.e(159), __webpack_require__.e(407), __webpack_require__.e(287)]).then(__webpack_require__.bind(__webpack_require__, 4287));
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
