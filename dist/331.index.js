export const id = 331;
export const ids = [331];
export const modules = {

/***/ 17331:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  initCommand: () => (/* binding */ initCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./lib/core/config/read-file.js
var read_file = __webpack_require__(91767);
// EXTERNAL MODULE: ./lib/core/outgoing-text.js
var outgoing_text = __webpack_require__(59813);
// EXTERNAL MODULE: ./lib/core/quoted-value.js
var quoted_value = __webpack_require__(54379);
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

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./lib/init/yaml-text.js
// Small pieces of YAML text for the files init writes: a value written so YAML reads it back as the same
// string, and a comment that stays one line whatever the repository's files held.

/**
 * A plain scalar when YAML reads it back unchanged as a string — as a block value and as a flow sequence's
 * item (`paths: [k8s]`), for YAML 1.2 and 1.1 — else a double-quoted one. The parser decides, rather than a
 * list of keywords and number forms (0x1F, .inf and braces inside [ ] had slipped through one).
 */
function yamlValue(value) {
    const plain = /^[A-Za-z0-9_./<>@-][A-Za-z0-9_./:<>@${}() -]*$/.test(value) &&
        ['1.1', '1.2'].every((version) => readsBack(value, version));
    return plain ? value : JSON.stringify(value);
}
function readsBack(value, version) {
    try {
        const block = (0,dist/* parse */.qg)(`v: ${value}`, { version, logLevel: 'silent' });
        const flow = (0,dist/* parse */.qg)(`v: [${value}]`, { version, logLevel: 'silent' });
        return (block?.v === value &&
            (flow?.v ?? [])[0] === value);
    }
    catch {
        return false;
    }
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

// EXTERNAL MODULE: ./lib/core/config/load.js + 1 modules
var load = __webpack_require__(25666);
// EXTERNAL MODULE: ./lib/core/image-reference.js
var image_reference = __webpack_require__(60814);
// EXTERNAL MODULE: ./lib/discover/index.js + 26 modules
var discover = __webpack_require__(52853);
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
        const entries = listFolderInside(external_node_path_.join(root, relative), root);
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
/**
 * The entries of `folder` when it is inside `root` once symbolic links are resolved (a `k8s` that links out
 * of the repository, a `../platform` a workflow applies are not listed); otherwise none.
 */
function listFolderInside(folder, root) {
    try {
        if (!(0,read_file/* isInside */.FK)((0,external_node_fs_.realpathSync)(folder), (0,external_node_fs_.realpathSync)(root)))
            return [];
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
/** `plain` for a file, a path known only at run time, or a folder outside the repository. */
function kindOf(root, relative) {
    const names = listFolderInside(external_node_path_.join(root, relative), root)
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name);
    return folderKind(names) ?? 'plain';
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
    const shown = `${toPosix(prefix)}/`;
    return (text) => text.replaceAll(shown, '');
}
function toPosix(file) {
    return file.split(external_node_path_.sep).join('/');
}
function scan_optional(key, value) {
    return (value === undefined ? {} : { [key]: value });
}

// EXTERNAL MODULE: ./lib/cli/command-kit.js
var command_kit = __webpack_require__(61430);
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
        throw new command_kit/* UsageError */.e('--config-out and --workflow-out name the same file', USAGE);
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
    // The files leave the process like its output: a credential written into a URL or an image reference in a
    // workflow (quoted by a finding in the config's comments) is cut out the same way.
    const files = {
        [paths.config]: (0,outgoing_text/* redactCredentials */.UY)(configText(scan, paths.config)),
        [paths.workflow]: (0,outgoing_text/* redactCredentials */.UY)(workflowText(workflow)),
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
            throw new command_kit/* UsageError */.e(`--repo ${shown} is not a directory`, USAGE);
        (0,external_node_fs_.readdirSync)(real);
    }
    catch (error) {
        if (error instanceof command_kit/* UsageError */.e)
            throw error;
        const code = error.code ?? 'unreadable';
        const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`;
        throw new command_kit/* UsageError */.e(`--repo ${shown} ${why}`, USAGE);
    }
    return real;
}
/** `file` as a repository-relative posix path; one outside the repository is a usage error. */
function insideRepository(root, file, flag) {
    const absolute = external_node_path_.resolve(root, file);
    const relative = external_node_path_.relative(root, absolute);
    if (relative === '' || relative.startsWith('..') || external_node_path_.isAbsolute(relative))
        throw new command_kit/* UsageError */.e(`${flag} ${(0,quoted_value/* quotedValue */.A)(file)} is not a file inside the repository`, USAGE);
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


/***/ })

};
