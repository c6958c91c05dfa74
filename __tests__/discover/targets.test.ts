// Workloads → targets: on OpenShift and Kubernetes the pod's service account pulls, on EKS, GKE and k3s the
// node does; only images the workflow pushes are checked unless allImages.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TargetInput } from '../../src/core/config/schema.ts';
import type { Workload } from '../../src/discover/manifests/workloads.ts';
import { discoverTargets, keyOfWritten } from '../../src/discover/targets.ts';
import { registryLocator } from '../../src/core/registries.ts';
import { registries } from '../../src/providers/index.ts';

const ECR = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const ROUTE = 'default-route-openshift-image-registry.apps.ocp.example.com';

function workload(
  name: string,
  namespace: string,
  serviceAccount: string,
  images: string[],
  imagePullSecrets?: string[],
): Workload {
  return {
    kind: 'Deployment',
    name,
    namespace,
    serviceAccount,
    ...(imagePullSecrets ? { imagePullSecrets } : {}),
    containers: images.map((image, i) => ({
      name: `c${i}`,
      image,
      where: { file: `deploy/${name}.yaml`, line: 10 + i, column: 1 },
    })),
    where: { file: `deploy/${name}.yaml`, line: 1, column: 1 },
  };
}

function run(
  targets: TargetInput[],
  pushed: string[],
  sets: { target: string; workloads: Workload[] }[],
  allImages = false,
) {
  const locate = registryLocator(registries, targets);
  return discoverTargets({
    targets,
    targetOrigins: new Map(
      targets.map((t, i) => [
        t.name,
        { origin: { file: 'pullcheck.yml', line: 20 + i, via: 'config targets' } },
      ]),
    ),
    images: new Map(pushed.map((text) => [keyOfWritten(text, locate), text])),
    sets: sets.map((set) => ({
      target: targets.find((t) => t.name === set.target)!,
      workloads: set.workloads,
    })),
    allImages,
  });
}

test('OpenShift: one target per (namespace, service account), named after both; images only the pushed ones (docs.openshift.com "Allowing pods to reference images across projects": the pod\'s service account pulls)', () => {
  const ocp: TargetInput = { name: 'ocp', platform: 'openshift', namespace: 'project-a' };
  const found = run(
    [ocp],
    [`${ECR}/team/web:1`, 'quay.io/acme/agent:3'],
    [
      {
        target: 'ocp',
        workloads: [
          workload('web', 'project-a', 'default', [`${ECR}/team/web:2`, 'docker.io/library/redis:7']),
          workload('worker', 'project-a', 'default', ['quay.io/acme/agent:3']),
          workload('batch', 'project-b', 'runner', [`${ECR}/team/web:2`]),
        ],
      },
    ],
  );
  assert.deepEqual(
    found.targets.map((t) => [
      t.name,
      t.platform,
      'namespace' in t && t.namespace,
      'serviceAccount' in t && t.serviceAccount,
      t.images,
    ]),
    [
      [
        'ocp/project-a/default',
        'openshift',
        'project-a',
        'default',
        [`${ECR}/team/web:1`, 'quay.io/acme/agent:3'],
      ],
      ['ocp/project-b/runner', 'openshift', 'project-b', 'runner', [`${ECR}/team/web:1`]],
    ],
  );
  // The image checked is the pushed spelling; the target points at the workload that pulls it.
  const origin = found.targetOrigins.get('ocp/project-a/default')!;
  assert.deepEqual(origin.origin, {
    file: 'deploy/web.yaml',
    line: 1,
    via: 'Deployment project-a/web on target ocp (pullcheck.yml:20)',
  });
  assert.deepEqual(origin.pulls!.get('quay.io/acme/agent'), {
    file: 'deploy/worker.yaml',
    line: 10,
    via: 'Deployment project-a/worker container c0',
  });
  assert.deepEqual([...found.notPushed.get('ocp')!.keys()], ['docker.io/library/redis:7']);
  assert.equal(found.notPushed.get('ocp')!.get('docker.io/library/redis:7')!.file, 'deploy/web.yaml');
});

test('pods that list their own imagePullSecrets are a target of their own, carrying them (kubernetes.io ServiceAccount admission: "If the pod does not contain any imagePullSecrets, then imagePullSecrets of the ServiceAccount are added")', () => {
  const k8s: TargetInput = {
    name: 'k8s',
    platform: 'kubernetes',
    namespace: 'apps',
    imagePullSecrets: ['stale'],
  };
  const found = run(
    [k8s],
    ['registry.example.com/x:1'],
    [
      {
        target: 'k8s',
        workloads: [
          workload('a', 'apps', 'default', ['registry.example.com/x:1'], ['regcred']),
          workload('b', 'apps', 'default', ['registry.example.com/x:1']),
        ],
      },
    ],
  );
  assert.deepEqual(
    found.targets.map((t) => [t.name, 'imagePullSecrets' in t ? t.imagePullSecrets : undefined]),
    [
      ['k8s/apps/default (pull secrets regcred)', ['regcred']],
      ['k8s/apps/default', undefined],
    ],
  );
});

test('EKS, GKE and k3s keep their node identity and check the images their workloads use (docs.aws.amazon.com/eks "Amazon EKS node IAM role": the kubelet pulls with the node role)', () => {
  const eks: TargetInput = {
    name: 'prod-eks',
    platform: 'eks',
    roles: ['arn:aws:iam::210987654321:role/nodes'],
  };
  const untouched: TargetInput = {
    name: 'smoke',
    platform: 'aws-role',
    roles: ['arn:aws:iam::123456789012:role/ci'],
  };
  const found = run(
    [eks, untouched],
    [`${ECR}/team/web:1`, `${ECR}/team/api:1`, `${ECR}/team/unused:1`],
    [
      {
        target: 'prod-eks',
        workloads: [
          workload('web', 'shop', 'web', [`${ECR}/team/web:2`]),
          workload('api', 'shop', 'api', [`${ECR}/team/api`]),
        ],
      },
    ],
  );
  assert.deepEqual(
    found.targets.map((t) => [t.name, t.images]),
    [
      ['prod-eks', [`${ECR}/team/web:1`, `${ECR}/team/api:1`]],
      ['smoke', undefined],
    ],
  );
  assert.equal(found.targetOrigins.get('prod-eks')!.origin.line, 20);
  assert.equal(
    found.targetOrigins.get('prod-eks')!.origin.via,
    'config targets; images from 2 workloads (Deployment shop/web in deploy/web.yaml, …)',
  );
  assert.equal(found.targetOrigins.get('prod-eks')!.pulls!.get(`${ECR}/team/api`)!.file, 'deploy/api.yaml');
});

test('allImages checks every image the manifests name, adding it to the plan with its place', () => {
  const eks: TargetInput = { name: 'e', platform: 'eks', roles: ['arn:aws:iam::210987654321:role/nodes'] };
  const found = run(
    [eks],
    [],
    [{ target: 'e', workloads: [workload('web', 'shop', 'default', ['docker.io/library/redis:7'])] }],
    true,
  );
  assert.deepEqual(found.targets[0]!.images, ['docker.io/library/redis:7']);
  assert.deepEqual(found.addedImages, [
    {
      reference: 'docker.io/library/redis:7',
      origin: { file: 'deploy/web.yaml', line: 10, via: 'Deployment shop/web container c0 (allImages)' },
    },
  ]);
  assert.equal(found.notPushed.size, 0);
});

test('an image pushed through the OpenShift registry route is the one pods pull through the service host (docs.openshift.com "Exposing the registry": same image stream)', () => {
  const ocp: TargetInput = {
    name: 'ocp',
    platform: 'openshift',
    namespace: 'project-a',
    registryHosts: [ROUTE],
  };
  const found = run(
    [ocp],
    [`${ROUTE}/project-a/web:1.4.2`],
    [
      {
        target: 'ocp',
        workloads: [
          workload('web', 'project-a', 'default', [
            'image-registry.openshift-image-registry.svc:5000/project-a/web:1.4.2',
          ]),
        ],
      },
    ],
  );
  assert.deepEqual(found.targets[0]!.images, [`${ROUTE}/project-a/web:1.4.2`]);
  assert.equal(
    found.targetOrigins.get('ocp/project-a/default')!.pulls!.get(`${ROUTE}/project-a/web`)!.line,
    10,
  );
});

test('a target whose workloads use none of the pushed images checks nothing, and a declared subset still limits it', () => {
  const ocp: TargetInput = { name: 'ocp', platform: 'openshift', namespace: 'p' };
  const gke: TargetInput = { name: 'g', platform: 'gke', images: ['europe-docker.pkg.dev/p/r/a'] };
  const found = run(
    [ocp, gke],
    ['europe-docker.pkg.dev/p/r/a:1', 'europe-docker.pkg.dev/p/r/b:1'],
    [
      { target: 'ocp', workloads: [workload('x', 'p', 'default', ['quay.io/other/x:1'])] },
      {
        target: 'g',
        workloads: [
          workload('y', 'p', 'default', ['europe-docker.pkg.dev/p/r/a:1', 'europe-docker.pkg.dev/p/r/b:1']),
        ],
      },
    ],
  );
  assert.deepEqual(
    found.targets.map((t) => [t.name, t.images]),
    [
      ['ocp', []],
      ['g', ['europe-docker.pkg.dev/p/r/a:1']],
    ],
  );
});

test('a container image that is not a valid reference is a warning at its line', () => {
  const eks: TargetInput = { name: 'e', platform: 'eks', roles: ['arn:aws:iam::210987654321:role/nodes'] };
  const found = run(
    [eks],
    [],
    [{ target: 'e', workloads: [workload('bad', 'shop', 'default', ['UPPER/Case:1'])] }],
  );
  assert.equal(found.warnings.length, 1);
  assert.equal(found.warnings[0]!.line, 10);
});

test('allImages adds manifest images to the targets that run them only: other targets keep checking what they did', () => {
  const eks: TargetInput = { name: 'e', platform: 'eks', roles: ['arn:aws:iam::210987654321:role/nodes'] };
  const ci: TargetInput = { name: 'ci', platform: 'aws-role', roles: ['arn:aws:iam::123456789012:role/ci'] };
  const found = run(
    [eks, ci],
    [`${ECR}/team/web:1`],
    [
      {
        target: 'e',
        workloads: [workload('web', 'shop', 'default', [`${ECR}/team/web:1`, 'docker.io/library/redis:7'])],
      },
    ],
    true,
  );
  assert.deepEqual(
    found.targets.map((t) => [t.name, t.images]),
    [
      ['e', [`${ECR}/team/web:1`, 'docker.io/library/redis:7']],
      ['ci', [`${ECR}/team/web:1`]],
    ],
  );
});

test('a derived target is shown at the first workload that pulls a checked image, not one that pulls nothing checked', () => {
  const ocp: TargetInput = { name: 'ocp', platform: 'openshift', namespace: 'p' };
  const found = run(
    [ocp],
    ['quay.io/acme/web:1'],
    [
      {
        target: 'ocp',
        workloads: [
          workload('sidecar-only', 'p', 'default', ['docker.io/library/redis:7']),
          workload('web', 'p', 'default', ['quay.io/acme/web:1']),
        ],
      },
    ],
  );
  assert.equal(found.targetOrigins.get('ocp/p/default')!.origin.file, 'deploy/web.yaml');
});
