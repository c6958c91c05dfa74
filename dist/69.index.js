export const id = 69;
export const ids = [69];
export const modules = {

/***/ 29069:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _shims_dirname_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85650);
/* harmony import */ var _cli_command_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4284);

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

/***/ 61430:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ UsageError),
/* harmony export */   y: () => (/* binding */ oneOf)
/* harmony export */ });
/* harmony import */ var _core_did_you_mean_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68680);
// What every CLI command shares: where it prints, how it reports a usage error, and its entry in the table.

/** A bad flag or argument: printed with the usage of the command it was given to, exit status 2. */
class UsageError extends Error {
    usage;
    constructor(message, usage) {
        super(message);
        this.usage = usage;
    }
}
/** `value` when `allowed` lists it; otherwise a UsageError naming the choices and the likely one. */
function oneOf(flag, value, allowed, usage) {
    if (allowed.includes(value))
        return value;
    throw new UsageError(`${flag} must be one of: ${allowed.join(', ')}${(0,_core_did_you_mean_js__WEBPACK_IMPORTED_MODULE_0__/* .didYouMean */ .a)(value, allowed)}`, usage);
}


/***/ }),

/***/ 4284:
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
// EXTERNAL MODULE: ./lib/cli/discovered-config.js
var discovered_config = __webpack_require__(81513);
// EXTERNAL MODULE: ./lib/core/config/schema.js + 1 modules
var schema = __webpack_require__(78286);
// EXTERNAL MODULE: ./lib/core/did-you-mean.js
var did_you_mean = __webpack_require__(68680);
// EXTERNAL MODULE: ./lib/core/errors.js
var errors = __webpack_require__(3828);
// EXTERNAL MODULE: ./lib/core/outgoing-text.js
var outgoing_text = __webpack_require__(59813);
;// CONCATENATED MODULE: ./lib/version.js
// pullcheck's version, as package.json states it (a test keeps the two equal): the bundle carries no
// package.json to read at run time.
const VERSION = '0.1.0';

// EXTERNAL MODULE: ./lib/core/quoted-value.js
var quoted_value = __webpack_require__(54379);
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
// EXTERNAL MODULE: ./lib/cli/command-kit.js
var command_kit = __webpack_require__(61430);
;// CONCATENATED MODULE: ./lib/cli/command.js
// `pullcheck check` and `pullcheck schema` (SPEC §5). Exit codes: 0 gate passed, 1 gate failed, 2 bad input.
















// Each format as the pieces it is written in: only JSON reports grow large enough to be written piecewise.
const FORMATS = {
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
// Every command but `check` and `schema` lives in its own module, loaded when it runs: one line adds it.
const COMMANDS = {
    check: { summary: 'check the pulls of a config', load: async () => ({ usage: CHECK_USAGE, run: check }) },
    schema: {
        summary: "print the config file's JSON Schema",
        load: async () => ({ usage: SCHEMA_USAGE, run: command_schema }),
    },
    init: {
        summary: 'write a config and a pullcheck workflow for this repository',
        load: async () => (await __webpack_require__.e(/* import() */ 331).then(__webpack_require__.bind(__webpack_require__, 17331))).initCommand,
    },
    permissions: {
        summary: 'print the least-privilege read access the live reads need',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(764), __webpack_require__.e(399)]).then(__webpack_require__.bind(__webpack_require__, 39399))).permissionsCommand,
    },
    explain: {
        summary: "explain one pull's verdict, statement by statement",
        load: async () => (await __webpack_require__.e(/* import() */ 558).then(__webpack_require__.bind(__webpack_require__, 4558))).explain,
    },
};
const USAGE = `usage: pullcheck <command> [options]

commands:
${Object.entries(COMMANDS)
    .map(([name, command]) => `  ${name.padEnd(14)}${command.summary}`)
    .join('\n')}
  help [COMMAND] print this help, or a command's (pullcheck COMMAND --help)

  --version   print pullcheck's version

exit status: 0 gate passed (or the command did its work), 1 gate failed, 2 bad input`;
const listed = (name) => name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
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
            const asked = command === 'help' && rest[0] ? listed(rest[0]) : undefined;
            if (command === 'help' && rest[0] && !asked)
                throw new command_kit/* UsageError */.e(`unknown command ${(0,quoted_value/* quotedValue */.A)(rest[0])}`, USAGE);
            const about = asked ? (await asked.load()).usage : USAGE;
            (command === undefined ? io.stderr : io.stdout)(`${about}\n`);
            return command === undefined ? 2 : 0;
        }
        const entry = listed(command);
        if (!entry)
            throw new command_kit/* UsageError */.e(`unknown command ${(0,quoted_value/* quotedValue */.A)(command)}${(0,did_you_mean/* didYouMean */.a)(command, Object.keys(COMMANDS))}`, USAGE);
        const { usage, run } = await entry.load();
        if (rest.some((arg) => HELP.has(arg))) {
            io.stdout(`${usage}\n`);
            return 0;
        }
        try {
            return await run(rest, io);
        }
        catch (error) {
            // A bad flag is shown with the usage of the command it was given to.
            if (isParseArgsError(error))
                throw new command_kit/* UsageError */.e(error.message, usage);
            throw error;
        }
    }
    catch (error) {
        if (error instanceof errors/* ConfigError */.xL) {
            io.stderr(`${error.problems.map((p) => `pullcheck: error: ${p.where.file}:${p.where.line}:${p.where.column}: ${p.message}`).join('\n')}\n`);
            return 2;
        }
        if (error instanceof command_kit/* UsageError */.e) {
            io.stderr(`pullcheck: ${error.message}\n${error.usage ?? CHECK_USAGE}\n`);
            return 2;
        }
        throw error;
    }
}
function command_schema(args, io) {
    if (args.length > 0)
        throw new command_kit/* UsageError */.e(`schema takes no arguments (got ${(0,quoted_value/* quotedValue */.A)(args[0] ?? '')})`, SCHEMA_USAGE);
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
    const format = (0,command_kit/* oneOf */.y)('--format', values.format, Object.keys(FORMATS), CHECK_USAGE);
    const failOn = (0,command_kit/* oneOf */.y)('--fail-on', values['fail-on'], report_model/* FAIL_ON */.d$, CHECK_USAGE);
    // What the repository shows joins the config: the workflow's images (--workflow FILE, discover.workflows)
    // and the targets of discover.manifests; what discovery cannot read or resolve is a finding.
    const discovered = (0,discovered_config/* discoveredConfig */.L)(values.config, values.workflow);
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
        ...((0,discovered_config/* gitHubToken */.Z)() ? { github: { token: (0,discovered_config/* gitHubToken */.Z)(), apiUrl: process.env['GITHUB_API_URL'] } } : {}),
    });
    for (const note of liveRead?.notes ?? [])
        io.stderr(`pullcheck: ${note}\n`);
    const chunks = FORMATS[format](report);
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

/***/ 81513:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ discoveredConfig),
/* harmony export */   Z: () => (/* binding */ gitHubToken)
/* harmony export */ });
/* harmony import */ var _core_config_load_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25666);
/* harmony import */ var _discover_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(52853);
/* harmony import */ var _discover_workflow_images_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54781);
// What `check` and `explain` read before any fact: the config file, with what the repository shows joined to
// it — the workflow's images (--workflow FILE, discover.workflows) and the targets of discover.manifests.



function discoveredConfig(configFile, workflow) {
    if (workflow)
        (0,_discover_workflow_images_js__WEBPACK_IMPORTED_MODULE_2__/* .assertWorkflowFile */ .ED)(workflow);
    const discovered = (0,_discover_index_js__WEBPACK_IMPORTED_MODULE_1__/* .discover */ .k4)((0,_core_config_load_js__WEBPACK_IMPORTED_MODULE_0__/* .loadConfigFile */ .HT)(configFile, {}, 'pass --config FILE or create .github/pullcheck.yml'), { workflows: workflow ? [workflow] : [], env: process.env });
    return discovered;
}
/** The token the gh CLI and Actions use, to read the repository's OIDC subject template with, if any. */
function gitHubToken() {
    return process.env['GITHUB_TOKEN'] || process.env['GH_TOKEN'] || undefined;
}


/***/ })

};
