export const id = 558;
export const ids = [558];
export const modules = {

/***/ 4558:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  explain: () => (/* binding */ explain)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./lib/check/pipeline.js + 6 modules
var pipeline = __webpack_require__(78001);
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
// EXTERNAL MODULE: ./lib/core/config/yaml-source.js
var yaml_source = __webpack_require__(74473);
;// CONCATENATED MODULE: ./lib/explain/statement-lines.js
// The line of a statement inside a policy, for `pullcheck explain`: the file that holds the policy (a JSON
// policy file, or the config holding it inline) is parsed once with the YAML parser, which reads JSON too and
// keeps every node's place; the policy is the node where its document starts, the statement a path below it
// (yaml-source's walk: a statement not written gives the nearest written ancestor's line).
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
        return start && parsed.lineCounter.linePos((0,yaml_source/* offsetBelow */.ZR)(start, elementPath)).line;
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
/** The formats `pullcheck explain --format` takes. */
const EXPLAIN_FORMATS = {
    text: renderExplainText,
    json: renderExplainJson,
    markdown: renderExplainMarkdown,
};
/**
 * The explanations in `format`, credentials in URLs and image references cut out first: once markdown has
 * escaped a URL (`\_`, `@&#8203;`) the output filter no longer sees it (check redacts its report the same way).
 */
function renderExplanations(explanations, format) {
    return EXPLAIN_FORMATS[format]((0,outgoing_text/* redactStrings */.eT)(explanations));
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

// EXTERNAL MODULE: ./lib/cli/discovered-config.js
var discovered_config = __webpack_require__(81513);
// EXTERNAL MODULE: ./lib/cli/command-kit.js
var command_kit = __webpack_require__(61430);
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
const explain = {
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
    const format = (0,command_kit/* oneOf */.y)('--format', values.format, Object.keys(EXPLAIN_FORMATS), USAGE);
    const [image, target, ...extra] = positionals;
    if (image === undefined || target === undefined || extra.length > 0)
        throw new command_kit/* UsageError */.e(`explain takes an IMAGE and a TARGET (got ${positionals.length} arguments)`, USAGE);
    const discovered = (0,discovered_config/* discoveredConfig */.L)(values.config, values.workflow);
    const prepared = await (0,pipeline/* prepareCheck */.m)({
        config: discovered.config,
        live: values.offline ? undefined : { credentials: { kubernetes: 'kubeconfig' } },
        snapshot: undefined,
        ciLogins: discovered.ciLogins,
        env: process.env,
        ...((0,discovered_config/* gitHubToken */.Z)() ? { github: { token: (0,discovered_config/* gitHubToken */.Z)(), apiUrl: process.env['GITHUB_API_URL'] } } : {}),
    });
    for (const note of prepared.liveRead?.notes ?? [])
        io.stderr(`pullcheck: ${note}\n`);
    const root = (0,read_file/* repositoryRootOf */.Ko)(external_node_path_.dirname(external_node_path_.resolve(values.config)));
    try {
        const explanations = explainPulls(prepared.config, prepared.providers, { image, target, principal: values.principal }, statementLines(root));
        io.stdout(renderExplanations(explanations, format));
        return 0;
    }
    catch (error) {
        if (error instanceof ExplainInputError)
            throw new command_kit/* UsageError */.e(error.message, USAGE);
        throw error;
    }
}


/***/ })

};
