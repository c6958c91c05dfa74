// discover.manifests[].paths as readManifestPatterns expands them: Helm charts rendered through an injected
// `helm template` (its arguments recorded, its failures reported without its stderr), subcharts left to their
// parent, Kustomize roots named on purpose built even when another root builds them, and each warning once.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import {
  releaseNameFor,
  renderHelmChart,
  type HelmResult,
  type HelmRunner,
} from '../../src/discover/manifests/helm.ts';
import { displayPath, type DiscoveryWarning, type KubeObject } from '../../src/discover/manifests/objects.ts';
import { readManifestPatterns, type ManifestPattern } from '../../src/discover/manifests/read.ts';

const HELM_TEMPLATE_DOCS = 'https://helm.sh/docs/helm/helm_template/';
const KUSTOMIZE_DOCS = 'https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/resource/';
const SECRET = 'FAKE-SECRET-helm';

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function repository(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-manifest-paths-'));
  made.push(dir);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const where = { file: 'pullcheck.yml', line: 4, column: 9 };
const patterns = (...paths: string[]): ManifestPattern[] => paths.map((pattern) => ({ pattern, where }));

/** A stand-in for `helm template` that records every call's arguments and answers with `result`. */
function recordingHelm(result: (args: readonly string[]) => HelmResult) {
  const calls: (readonly string[])[] = [];
  const runner: HelmRunner = (args) => {
    calls.push(args);
    return result(args);
  };
  return { calls, runner };
}

/** What `helm template` prints for the CHART fixture: each document after `# Source: NAME/templates/…`. */
const RENDERED = [
  '---',
  '# Source: web/templates/serviceaccount.yaml',
  'apiVersion: v1',
  'kind: ServiceAccount',
  'metadata:',
  '  name: web',
  '  namespace: elsewhere',
  '---',
  '# Source: web/templates/deployment.yaml',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: shop-web',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: ghcr.io/acme/web:1',
  '---',
  '# Source: web/templates/rbac.yaml',
  'apiVersion: rbac.authorization.k8s.io/v1',
  'kind: ClusterRole',
  'metadata:',
  '  name: shop-web',
  'rules: []',
  '---',
  '# Source: web/templates/rbac.yaml',
  'apiVersion: v1',
  'kind: Namespace',
  'metadata:',
  '  name: shop',
  '',
].join('\n');

const CHART = {
  'chart/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
  'chart/values.yaml': 'image: ghcr.io/acme/web\n',
  'chart/templates/serviceaccount.yaml':
    'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n  namespace: elsewhere\n',
  'chart/templates/deployment.yaml':
    '{{- /* rendered by helm */ -}}\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: {{ .Values.image }}:1\n',
  'chart/templates/rbac.yaml':
    'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: {{ .Release.Name }}-web\nrules: []\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
  'prod-values.yaml': 'image: ghcr.io/acme/web\n',
};

const byKind = (objects: readonly KubeObject[], kind: string): KubeObject => {
  const found = objects.find((object) => object.kind === kind);
  assert.ok(found, `no ${kind} among ${objects.map((object) => object.kind).join(', ')}`);
  return found;
};
const namespaceOf = (object: KubeObject): unknown =>
  (object.body['metadata'] as Record<string, unknown> | undefined)?.['namespace'];

function assertNoSecret(warnings: readonly DiscoveryWarning[]): void {
  for (const warning of warnings) assert.ok(!warning.message.includes(SECRET), warning.message);
  assert.ok(!JSON.stringify(warnings).includes(SECRET));
}

// 1. A failed render: the command to rerun, never helm's stderr.

test(`helm template failing is reported by its exit code and the exact command to rerun (${HELM_TEMPLATE_DOCS}), never by helm's stderr`, () => {
  const dir = repository(CHART);
  const { calls, runner } = recordingHelm(() => {
    // A runner that still carries helm's stderr: what it says must not reach a warning.
    const failed = {
      error: 'failed' as const,
      exitCode: 1,
      stderr: `coalesce.go:237: warning: skipped value\nError: template: web/templates/deployment.yaml:5: password: ${SECRET}`,
    };
    return failed;
  });
  const read = readManifestPatterns(patterns('chart'), {
    baseDir: dir,
    helm: { namespace: 'apps', releaseName: 'shop', values: [path.join(dir, 'prod-values.yaml')] },
    helmRunner: runner,
  });
  assert.equal(calls.length, 1);
  assert.deepEqual(read.objects, []);
  const command = `helm template --namespace apps --values ${displayPath(path.join(dir, 'prod-values.yaml'))} -- shop ${displayPath(path.join(dir, 'chart'))}`;
  assert.deepEqual(read.warnings, [
    {
      file: path.join(displayPath(path.join(dir, 'chart')), 'Chart.yaml'),
      message: `helm template failed (exit 1): run \`${command}\` to see why; the chart's workloads are not discovered`,
    },
  ]);
  assertNoSecret(read.warnings);
});

test('helm template on PATH that fails with a secret on its stderr: the warning has its exit code and not the secret', (t) => {
  const dir = repository(CHART);
  const bin = path.join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(
    path.join(bin, 'helm'),
    `#!/bin/sh\necho "Error: YAML parse error on web/templates/deployment.yaml: password: ${SECRET}" >&2\nexit 3\n`,
  );
  chmodSync(path.join(bin, 'helm'), 0o755);
  const saved = process.env['PATH'];
  t.after(() => {
    process.env['PATH'] = saved;
  });
  process.env['PATH'] = `${bin}:/usr/bin:/bin`;
  const failed = renderHelmChart(path.join(dir, 'chart'), { namespace: 'apps' });
  assert.equal(failed.warnings.length, 1);
  assert.match(
    failed.warnings[0]!.message,
    /^helm template failed \(exit 3\): run `helm template --namespace apps -- chart /,
  );
  assertNoSecret(failed.warnings);

  process.env['PATH'] = path.join(dir, 'empty');
  const missing = renderHelmChart(path.join(dir, 'chart'), { namespace: 'apps' });
  assert.match(missing.warnings[0]?.message ?? '', /^helm is not on PATH/);
});

test('a runner that reports helm missing (ENOENT) is still the "not on PATH" note', () => {
  const dir = repository(CHART);
  const { runner } = recordingHelm(() => ({ error: 'missing', missing: true }));
  const read = renderHelmChart(path.join(dir, 'chart'), { namespace: 'apps' }, runner);
  assert.equal(read.warnings.length, 1);
  assert.match(read.warnings[0]!.message, /^helm is not on PATH: the chart is not rendered/);
});

// 2. Release names and argument order.

test('Release names must be DNS-1123 (helm install/template: at most 53 characters): one is derived from the chart directory', () => {
  const cases: [string, string][] = [
    ['web', 'web'],
    ['My_Chart.v2', 'my-chart-v2'],
    ['--dry-run', 'dry-run'],
    ['__Web App__', 'web-app'],
    ['___', 'release'],
    ['é', 'release'],
    ['a'.repeat(70), 'a'.repeat(53)],
    [`${'a'.repeat(52)}_b`, 'a'.repeat(52)],
  ];
  for (const [directory, expected] of cases) {
    const name = releaseNameFor(path.join('/charts', directory));
    assert.equal(name, expected, directory);
    assert.match(name, /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, directory);
    assert.ok(name.length <= 53, directory);
  }
});

test(`helm template gets its flags first and \`--\` before NAME and CHART, so a chart directory named like a flag stays a positional (${HELM_TEMPLATE_DOCS})`, () => {
  const dir = repository({
    '--Dry_Run/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
    '--Dry_Run/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\n',
    'a.yaml': 'image: one\n',
    'b.yaml': 'image: two\n',
  });
  const { calls, runner } = recordingHelm(() => ({ stdout: '' }));
  readManifestPatterns(patterns('--Dry_Run'), {
    baseDir: dir,
    helm: { namespace: 'apps', values: [path.join(dir, 'a.yaml'), path.join(dir, 'b.yaml')] },
    helmRunner: runner,
  });
  assert.deepEqual(calls, [
    [
      'template',
      '--namespace',
      'apps',
      '--values',
      path.join(dir, 'a.yaml'),
      '--values',
      path.join(dir, 'b.yaml'),
      '--',
      'dry-run',
      path.join(dir, '--Dry_Run'),
    ],
  ]);

  // A release name the config gives is passed as written (helm judges it), still after `--`.
  const named = recordingHelm(() => ({ stdout: '' }));
  renderHelmChart(path.join(dir, '--Dry_Run'), { namespace: 'ns', releaseName: 'shop' }, named.runner);
  assert.deepEqual(named.calls, [
    ['template', '--namespace', 'ns', '--', 'shop', path.join(dir, '--Dry_Run')],
  ]);
});

// 3. The release namespace on rendered objects.

test('helm template leaves metadata.namespace out; helm install -n NS puts namespaced objects in NS, so rendered objects get the namespace, cluster-scoped ones none', () => {
  const dir = repository({
    ...CHART,
    'plain/deployment.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: plain\nspec:\n  template:\n    spec:\n      containers: [{ name: web, image: ghcr.io/acme/plain:1 }]\n',
  });
  const { runner } = recordingHelm(() => ({ stdout: RENDERED }));
  const read = readManifestPatterns(patterns('chart', 'plain'), {
    baseDir: dir,
    helm: { namespace: 'apps', releaseName: 'shop' },
    helmRunner: runner,
  });
  assert.deepEqual(read.warnings, []);
  const chart = displayPath(path.join(dir, 'chart'));
  const rendered = read.objects.filter((object) => object.file.startsWith(path.join(chart, 'templates')));
  assert.equal(namespaceOf(byKind(rendered, 'Deployment')), 'apps');
  assert.equal(namespaceOf(byKind(rendered, 'ServiceAccount')), 'elsewhere'); // the template's own
  assert.equal(namespaceOf(byKind(rendered, 'ClusterRole')), undefined);
  assert.equal(namespaceOf(byKind(rendered, 'Namespace')), undefined);
  // The rest of the body is kept, and each object still points at its template and the line of its kind.
  assert.equal(
    (byKind(rendered, 'Deployment').body['metadata'] as Record<string, unknown>)['name'],
    'shop-web',
  );
  assert.deepEqual(byKind(rendered, 'Deployment').locate(['spec']), {
    file: path.join(chart, 'templates/deployment.yaml'),
    line: 3,
    column: 1,
  });
  assert.deepEqual(byKind(rendered, 'Namespace').locate([]), {
    file: path.join(chart, 'templates/rbac.yaml'),
    line: 8,
    column: 1,
  });
  // Plain YAML in the same entry is not given the Helm namespace: the caller decides its default.
  const plain = read.objects.find((object) => object.file.endsWith(path.join('plain', 'deployment.yaml')));
  assert.ok(plain);
  assert.equal(namespaceOf(plain), undefined);
});

// 4. Subcharts.

test('a subchart under charts/ is rendered by its parent only, not again as a chart of its own (https://helm.sh/docs/topics/charts/#chart-dependencies)', () => {
  const dir = repository({
    'deploy/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
    'deploy/web/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\n',
    'deploy/web/charts/redis/Chart.yaml': 'apiVersion: v2\nname: redis\nversion: 1.0.0\n',
    'deploy/web/charts/redis/templates/statefulset.yaml': 'apiVersion: apps/v1\nkind: StatefulSet\n',
    'deploy/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 0.1.0\n',
  });
  const { calls, runner } = recordingHelm(() => ({ stdout: '' }));
  const read = readManifestPatterns(patterns('deploy/**/Chart.yaml'), {
    baseDir: dir,
    helm: { namespace: 'apps' },
    helmRunner: runner,
  });
  assert.deepEqual(
    calls.map((args) => args.at(-1)),
    [path.join(dir, 'deploy/api'), path.join(dir, 'deploy/web')],
  );
  assert.deepEqual(read.objects, []); // the templates are not read as plain YAML either
  assert.deepEqual(read.warnings, []);
});

// 5. Kustomize roots named on purpose.

const OVERLAYS = {
  'base/kustomization.yaml': 'resources: [deployment.yaml]\n',
  'base/deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers: [{ name: web, image: ghcr.io/acme/web:1 }]\n',
  'overlays/staging/kustomization.yaml': 'namespace: staging\nresources: [../../base]\n',
  // prod is built from staging (an overlay of an overlay), in its own namespace.
  'overlays/prod/kustomization.yaml': 'namespace: prod\nresources: [../staging]\n',
};

const namespaces = (read: { objects: readonly KubeObject[] }) =>
  read.objects.map((object) => `${object.kind} ${String(namespaceOf(object))}`).sort();

test(`a Kustomize root named in paths is built even when another named root builds it (${KUSTOMIZE_DOCS})`, () => {
  const dir = repository(OVERLAYS);
  const options = { baseDir: dir, helm: { namespace: 'apps' } };
  assert.deepEqual(namespaces(readManifestPatterns(patterns('overlays/staging', 'overlays/prod'), options)), [
    'Deployment prod',
    'Deployment staging',
  ]);
  // Named by its kustomization file, the root is named just the same.
  assert.deepEqual(
    namespaces(
      readManifestPatterns(patterns('overlays/prod', 'overlays/staging/kustomization.yaml'), options),
    ),
    ['Deployment prod', 'Deployment staging'],
  );
});

test('a Kustomize root found by a wildcard or inside a directory is not built again when another root builds it', () => {
  const dir = repository(OVERLAYS);
  const options = { baseDir: dir, helm: { namespace: 'apps' } };
  assert.deepEqual(namespaces(readManifestPatterns(patterns('overlays/*'), options)), ['Deployment prod']);
  assert.deepEqual(namespaces(readManifestPatterns(patterns('overlays'), options)), ['Deployment prod']);
  assert.deepEqual(namespaces(readManifestPatterns(patterns('**/kustomization.yaml'), options)), [
    'Deployment prod',
  ]);
});

test('a glob that matches a README or a picture in a deploy folder reads only the .yaml, .yml and .json files', () => {
  const dir = repository({
    'deploy/web.yaml':
      'apiVersion: v1\nkind: Pod\nmetadata: { name: web, namespace: apps }\nspec:\n  containers: [{ name: web, image: ghcr.io/acme/web:1 }]\n',
    'deploy/README.md': '# How to deploy\n\n- step: [not: yaml\n',
    'deploy/diagram.png': '\u0089PNG\r\n\u001a\n',
  });
  const read = readManifestPatterns(patterns('deploy/*'), { baseDir: dir, helm: { namespace: 'apps' } });
  assert.deepEqual(namespaces(read), ['Pod apps']);
  assert.deepEqual(read.warnings, []);
});

// 6. Each warning once.

test(`a base two overlays build warns once, not once per overlay (${KUSTOMIZE_DOCS})`, () => {
  const dir = repository({
    'base/kustomization.yaml':
      'resources: [deployment.yaml]\nhelmCharts:\n  - name: redis\n    repo: https://charts.example.com\n    version: 1.0.0\n',
    'base/deployment.yaml': OVERLAYS['base/deployment.yaml'],
    'overlays/staging/kustomization.yaml': 'namespace: staging\nresources: [../../base]\n',
    'overlays/prod/kustomization.yaml': 'namespace: prod\nresources: [../../base]\n',
    'broken.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x\n',
  });
  const read = readManifestPatterns(
    patterns('overlays/*', 'overlays/staging', 'broken.yaml', 'missing/*.yaml'),
    {
      baseDir: dir,
      helm: { namespace: 'apps' },
    },
  );
  assert.deepEqual(namespaces(read), ['Deployment prod', 'Deployment staging']);
  const base = displayPath(path.join(dir, 'base/kustomization.yaml'));
  const helmCharts = read.warnings.filter((warning) => warning.file === base);
  assert.equal(helmCharts.length, 1, JSON.stringify(read.warnings));
  assert.equal(helmCharts[0]!.line, 3);
  assert.match(helmCharts[0]!.message, /^helmCharts: chart redis is not rendered here/);
  // The other warnings are each kept: the pattern matching nothing and the unreadable file.
  assert.ok(read.warnings.some((warning) => warning.message.startsWith('missing/*.yaml matches no file')));
  assert.ok(read.warnings.some((warning) => warning.file === displayPath(path.join(dir, 'broken.yaml'))));
  const keys = read.warnings.map((warning) => `${warning.file}:${warning.line}:${warning.message}`);
  assert.equal(new Set(keys).size, keys.length);
});
