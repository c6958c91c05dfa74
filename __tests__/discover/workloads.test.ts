// Workloads as Kubernetes and OpenShift define them: where each kind keeps its pod spec, which service
// account pulls, and which images OpenShift triggers write into containers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readManifestText } from '../../src/discover/manifests/objects.ts';
import { workloadsOf } from '../../src/discover/manifests/workloads.ts';

const workloads = (yaml: string, namespace = 'ns-default') => {
  const read = readManifestText(yaml, 'm.yaml');
  const found = workloadsOf(read.objects, namespace);
  return { ...found, readWarnings: read.warnings };
};

const CASES: {
  name: string;
  yaml: string;
  expected: {
    kind: string;
    namespace: string;
    serviceAccount: string;
    images: string[];
    secrets?: string[];
  }[];
}[] = [
  {
    name: 'a Deployment pulls its containers and init containers as the default service account (kubernetes.io/docs/tasks/configure-pod-container/configure-service-account: "the default ServiceAccount")',
    yaml: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      initContainers: [{ name: migrate, image: ghcr.io/acme/migrate:1 }]
      containers: [{ name: web, image: ghcr.io/acme/web:1 }]
`,
    expected: [
      {
        kind: 'Deployment',
        namespace: 'ns-default',
        serviceAccount: 'default',
        images: ['ghcr.io/acme/migrate:1', 'ghcr.io/acme/web:1'],
      },
    ],
  },
  {
    name: 'a CronJob keeps its pod spec under jobTemplate (kubernetes.io/docs/concepts/workloads/controllers/cron-jobs)',
    yaml: `apiVersion: batch/v1
kind: CronJob
metadata: { name: report, namespace: batch }
spec:
  schedule: '@daily'
  jobTemplate:
    spec:
      template:
        spec:
          serviceAccountName: reporter
          containers: [{ name: r, image: quay.io/acme/report:2 }]
`,
    expected: [
      { kind: 'CronJob', namespace: 'batch', serviceAccount: 'reporter', images: ['quay.io/acme/report:2'] },
    ],
  },
  {
    name: 'Pod, StatefulSet, DaemonSet, ReplicaSet, Job: every workload kind (kubernetes.io/docs/concepts/workloads)',
    yaml: ['Pod', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']
      .map((kind) =>
        kind === 'Pod'
          ? `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers: [{ name: c, image: a.example/pod:1 }]\n`
          : `apiVersion: apps/v1\nkind: ${kind}\nmetadata: { name: x }\nspec:\n  template:\n    spec:\n      containers: [{ name: c, image: a.example/${kind.toLowerCase()}:1 }]\n`,
      )
      .join('---\n'),
    expected: ['pod', 'statefulset', 'daemonset', 'replicaset', 'job'].map((kind, i) => ({
      kind: ['Pod', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'][i]!,
      namespace: 'ns-default',
      serviceAccount: 'default',
      images: [`a.example/${kind}:1`],
    })),
  },
  {
    name: 'an Argo Rollout keeps a Deployment\'s pod template (argoproj.github.io/argo-rollouts/features/specification: "spec.template")',
    yaml: `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: { name: web, namespace: shop }\nspec:\n  template:\n    spec:\n      serviceAccountName: web\n      containers: [{ name: web, image: ghcr.io/acme/web:3 }]\n`,
    expected: [{ kind: 'Rollout', namespace: 'shop', serviceAccount: 'web', images: ['ghcr.io/acme/web:3'] }],
  },
  {
    name: 'the deprecated serviceAccount field still names the account (Pod API reference: "DeprecatedServiceAccount is a deprecated alias for ServiceAccountName")',
    yaml: `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  serviceAccount: legacy\n  containers: [{ name: c, image: a.example/x:1 }]\n`,
    expected: [{ kind: 'Pod', namespace: 'ns-default', serviceAccount: 'legacy', images: ['a.example/x:1'] }],
  },
  {
    name: 'pod-level imagePullSecrets are kept (kubernetes.io/docs/concepts/containers/images: "Specifying imagePullSecrets on a Pod")',
    yaml: `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  imagePullSecrets: [{ name: regcred }]\n  containers: [{ name: c, image: registry.example.com/x:1 }]\n`,
    expected: [
      {
        kind: 'Pod',
        namespace: 'ns-default',
        serviceAccount: 'default',
        images: ['registry.example.com/x:1'],
        secrets: ['regcred'],
      },
    ],
  },
  {
    name: 'a DeploymentConfig ImageChange trigger writes the image stream tag into its containers (docs.openshift.com "Image change triggers")',
    yaml: `apiVersion: apps.openshift.io/v1
kind: DeploymentConfig
metadata: { name: web, namespace: project-a }
spec:
  triggers:
    - type: ImageChange
      imageChangeParams:
        automatic: true
        containerNames: [web]
        from: { kind: ImageStreamTag, name: 'web:latest' }
    - type: ImageChange
      imageChangeParams:
        containerNames: [tools]
        from: { kind: ImageStreamTag, name: 'tools:1', namespace: shared }
  template:
    spec:
      containers:
        - { name: web, image: ' ' }
        - { name: tools, image: tools }
        - { name: sidecar, image: quay.io/acme/agent:3 }
`,
    expected: [
      {
        kind: 'DeploymentConfig',
        namespace: 'project-a',
        serviceAccount: 'default',
        images: [
          'image-registry.openshift-image-registry.svc:5000/project-a/web:latest',
          'image-registry.openshift-image-registry.svc:5000/shared/tools:1',
          'quay.io/acme/agent:3',
        ],
      },
    ],
  },
  {
    name: 'the image.openshift.io/triggers annotation sets a Deployment container image (docs.openshift.com "Triggering updates on image stream changes")',
    yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  annotations:
    image.openshift.io/triggers: '[{"from":{"kind":"ImageStreamTag","name":"api:2"},"fieldPath":"spec.template.spec.containers[?(@.name==\\"api\\")].image"}]'
spec:
  template:
    spec:
      containers: [{ name: api, image: api }]
`,
    expected: [
      {
        kind: 'Deployment',
        namespace: 'ns-default',
        serviceAccount: 'default',
        images: ['image-registry.openshift-image-registry.svc:5000/ns-default/api:2'],
      },
    ],
  },
];

for (const { name, yaml, expected } of CASES) {
  test(name, () => {
    const found = workloads(yaml);
    assert.deepEqual(found.warnings, []);
    assert.deepEqual(
      found.workloads.map((workload) => ({
        kind: workload.kind,
        namespace: workload.namespace,
        serviceAccount: workload.serviceAccount,
        images: workload.containers.map((container) => container.image),
        ...(workload.imagePullSecrets ? { secrets: [...workload.imagePullSecrets] } : {}),
      })),
      expected,
    );
  });
}

test('each container points at the line of its image, and a container without an image is a warning there', () => {
  const found = workloads(
    `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: a\n      image: a.example/a:1\n    - name: b\n`,
  );
  assert.deepEqual(
    found.workloads[0]!.containers.map((container) => [container.image, container.where.line]),
    [['a.example/a:1', 7]],
  );
  assert.deepEqual(found.warnings, [{ file: 'm.yaml', line: 8, message: 'Pod p container b has no image' }]);
});

test('a manifest that is not YAML, and a document that is not a Kubernetes object, are warnings with their line', () => {
  assert.deepEqual(
    readManifestText('kind: [unclosed\n', 'bad.yaml').warnings.map((w) => [w.file, w.line]),
    [['bad.yaml', 2]],
  );
  const mixed = readManifestText(
    'just: text\n---\napiVersion: v1\nkind: Pod\nmetadata: { name: p }\n',
    'mixed.yaml',
  );
  assert.equal(mixed.objects.length, 1);
  assert.deepEqual(mixed.warnings, [
    {
      file: 'mixed.yaml',
      line: 1,
      message: 'skipped: expected a Kubernetes object with apiVersion and kind',
    },
  ]);
});
