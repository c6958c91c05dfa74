export const id = 69;
export const ids = [69];
export const modules = {

/***/ 29069:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _shims_dirname_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85650);
/* harmony import */ var _cli_command_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(95197);

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

/***/ 95197:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: USAGE

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./lib/check/pipeline.js + 21 modules
var pipeline = __webpack_require__(45156);
// EXTERNAL MODULE: ./lib/core/config/load.js + 1 modules
var load = __webpack_require__(25666);
// EXTERNAL MODULE: ./lib/discover/index.js + 26 modules
var discover = __webpack_require__(52853);
// EXTERNAL MODULE: ./lib/discover/workflow-images.js + 2 modules
var workflow_images = __webpack_require__(54781);
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
// EXTERNAL MODULE: ./lib/report/markdown.js + 3 modules
var markdown = __webpack_require__(92769);
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/core/config/read-file.js
var read_file = __webpack_require__(91767);
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

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./lib/core/image-reference.js
var image_reference = __webpack_require__(60814);
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











const USAGE = `usage: pullcheck init [--repo DIR] [--force] [--dry-run] [--config-out FILE] [--workflow-out FILE]

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
    usage: USAGE,
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
        throw new UsageError('--config-out and --workflow-out name the same file', USAGE);
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
            throw new UsageError(`--repo ${shown} is not a directory`, USAGE);
        (0,external_node_fs_.readdirSync)(real);
    }
    catch (error) {
        if (error instanceof UsageError)
            throw error;
        const code = error.code ?? 'unreadable';
        const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`;
        throw new UsageError(`--repo ${shown} ${why}`, USAGE);
    }
    return real;
}
/** `file` as a repository-relative posix path; one outside the repository is a usage error. */
function insideRepository(root, file, flag) {
    const absolute = external_node_path_.resolve(root, file);
    const relative = external_node_path_.relative(root, absolute);
    if (relative === '' || relative.startsWith('..') || external_node_path_.isAbsolute(relative))
        throw new UsageError(`${flag} ${(0,quoted_value/* quotedValue */.A)(file)} is not a file inside the repository`, USAGE);
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
// Every command but `check` and `schema` lives in its own module: one line here adds it.
const COMMANDS = {
    check: { summary: 'check the pulls of a config', usage: CHECK_USAGE, run: check },
    schema: { summary: "print the config file's JSON Schema", usage: SCHEMA_USAGE, run: command_schema },
    init: initCommand,
};
const command_USAGE = `usage: pullcheck <command> [options]

commands:
${Object.entries(COMMANDS)
    .map(([name, command]) => `  ${name.padEnd(12)}${command.summary}`)
    .join('\n')}
  help [COMMAND]  print this help, or a command's (pullcheck COMMAND --help)

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
    if (!Object.hasOwn(FORMATS, format))
        throw new UsageError(`--format must be one of: ${Object.keys(FORMATS).join(', ')}${(0,did_you_mean/* didYouMean */.a)(format, Object.keys(FORMATS))}`, CHECK_USAGE);
    const failOn = values['fail-on'];
    if (!report_model/* FAIL_ON */.d$.includes(failOn))
        throw new UsageError(`--fail-on must be one of: ${report_model/* FAIL_ON */.d$.join(', ')}${(0,did_you_mean/* didYouMean */.a)(failOn, report_model/* FAIL_ON */.d$)}`, CHECK_USAGE);
    // What the repository shows joins the config: the workflow's images (--workflow FILE, discover.workflows)
    // and the targets of discover.manifests; what discovery cannot read or resolve is a finding.
    if (values.workflow)
        (0,workflow_images/* assertWorkflowFile */.ED)(values.workflow);
    const discovered = (0,discover/* discover */.k4)((0,load/* loadConfigFile */.HT)(values.config, {}, 'pass --config FILE or create .github/pullcheck.yml'), {
        workflows: values.workflow ? [values.workflow] : [],
        env: process.env,
    });
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
function gitHubToken() {
    return process.env['GITHUB_TOKEN'] || process.env['GH_TOKEN'] || undefined;
}


/***/ })

};
