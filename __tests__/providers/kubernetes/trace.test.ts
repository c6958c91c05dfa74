// Explain's Kubernetes, OpenShift and k3s traces (issue 19): the RoleBindings the authorizer considers for an
// integrated-registry pull, their subjects and their roles' rules; the pull secrets and their registry keys
// in the kubelet's order; the endpoints and configs entry k3s uses — each with the manifest or registries.yaml
// line it is written on. In-process: each provider's rules, built from a config, decide one pull in a trace.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadConfigFile } from '../../../src/core/config/load.ts';
import { recordingSink, withTrace } from '../../../src/core/trace.ts';
import { parseImageReference } from '../../../src/core/image-reference.ts';
import { registryLocator } from '../../../src/core/registries.ts';
import { registries } from '../../../src/providers/index.ts';
import { buildRules as googleRules } from '../../../src/providers/gcp/rules.ts';
import { buildRules as k3sRules } from '../../../src/providers/kubernetes/k3s/rules.ts';
import { buildRules as clusterRules } from '../../../src/providers/kubernetes/rules.ts';
import { positionOf, shown, writeCase, yamlStream } from '../../helpers/manifests.ts';
import { stepLines, tracedDecide } from '../traced-decide.ts';

const REGISTRY = 'image-registry.openshift-image-registry.svc:5000';
const RBAC = 'rbac.authorization.k8s.io/v1';

test('the demo OpenShift pull across projects: the RoleBinding, its subject and the built-in role rule that grant it', () => {
  const config = loadConfigFile('examples/pullcheck.yml');
  const { verdict, steps } = tracedDecide(
    config,
    clusterRules(config),
    `${REGISTRY}/shared-images/base:9.4`,
    'ocp',
  );
  assert.equal(verdict?.verdict, 'allowed');
  assert.deepEqual(stepLines(steps).slice(0, 4), [
    'RBAC | RoleBinding shared-images/image-pullers-project-a | matched | examples/openshift/shared-images.yaml:7',
    'RBAC | subject Group system:serviceaccounts:project-a of RoleBinding shared-images/image-pullers-project-a | matched | examples/openshift/shared-images.yaml:17',
    'RBAC | rule #1 of ClusterRole system:image-puller | matched | -:-',
    // OpenShift's default bindings of the project follow, none of them for project-a.
    'RBAC | RoleBinding shared-images/system:image-pullers | not matched | -:-',
  ]);
  assert.match(steps[2]!.source.label, /ClusterRole system:image-puller \(built in\)/);
  assert.match(steps[2]!.detail, /resources \[imagestreams\/layers\] allow get imagestreams\/layers "base"/);
});

test('an OpenShift pull denied for want of a RoleBinding: every binding considered is not matched, each rule saying which part failed', () => {
  const objects = yamlStream(
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'project-b' } },
    {
      apiVersion: RBAC,
      kind: 'RoleBinding',
      metadata: { name: 'readers', namespace: 'project-b' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'stream-lister' },
      subjects: [
        { kind: 'User', name: 'alice' },
        { kind: 'Group', name: 'system:serviceaccounts:project-a' },
      ],
    },
    {
      apiVersion: RBAC,
      kind: 'ClusterRole',
      metadata: { name: 'stream-lister' },
      rules: [{ apiGroups: ['image.openshift.io'], resources: ['imagestreams'], verbs: ['list'] }],
    },
  );
  const written = writeCase(
    {
      version: 1,
      images: [`${REGISTRY}/project-b/base:1`],
      targets: [{ name: 'ocp', platform: 'openshift', namespace: 'project-a' }],
      facts: { kubernetes: { manifests: ['deploy/*.yaml'] } },
    },
    { 'rbac.yaml': objects },
  );
  const config = loadConfigFile(written.config);
  const { verdict, steps } = tracedDecide(
    config,
    clusterRules(config),
    `${REGISTRY}/project-b/base:1`,
    'ocp',
  );
  assert.equal(verdict?.verdict, 'denied');
  const file = shown(`${written.dir}/deploy/rbac.yaml`);
  const at = (needle: string) => `${file}:${positionOf(objects, needle).line}`;
  assert.deepEqual(stepLines(steps).slice(0, 4), [
    `RBAC | RoleBinding project-b/readers | not matched | ${at('apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding')}`,
    `RBAC | subject User alice of RoleBinding project-b/readers | not matched | ${at('kind: User')}`,
    `RBAC | subject Group system:serviceaccounts:project-a of RoleBinding project-b/readers | matched | ${at('kind: Group')}`,
    `RBAC | rule #1 of ClusterRole stream-lister | not matched | ${at('- apiGroups')}`,
  ]);
  assert.match(
    steps[0]!.detail,
    /a subject covers system:serviceaccount:project-a:default, but no rule of ClusterRole stream-lister allows get imagestreams\/layers "base"/,
  );
  assert.equal(
    steps[3]!.detail,
    'verb get is not in verbs [list]; resource imagestreams/layers is not in resources [imagestreams]',
  );
  assert.ok(steps.every((step) => step.outcome !== 'matched' || step.subject.startsWith('subject Group')));
});

test("a pull secret whose keys do not cover the image's host: the linked list, the secret, and why each key misses, in the kubelet's order", () => {
  const dockerConfig = (hosts: readonly string[]) =>
    Buffer.from(JSON.stringify({ auths: Object.fromEntries(hosts.map((host) => [host, {}])) })).toString(
      'base64',
    );
  const objects = yamlStream(
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'web', namespace: 'shop' },
      imagePullSecrets: [{ name: 'robots' }],
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'robots', namespace: 'shop' },
      type: 'kubernetes.io/dockerconfigjson',
      data: { '.dockerconfigjson': dockerConfig(['quay.io/other', 'ghcr.io']) },
    },
  );
  const written = writeCase(
    {
      version: 1,
      images: ['quay.io/acme/agent:3.1'],
      targets: [{ name: 'prod', platform: 'kubernetes', namespace: 'shop', serviceAccount: 'web' }],
      facts: { kubernetes: { manifests: ['deploy/*.yaml'] } },
    },
    { 'shop.yaml': objects },
  );
  const config = loadConfigFile(written.config);
  const { verdict, steps } = tracedDecide(config, clusterRules(config), 'quay.io/acme/agent:3.1', 'prod');
  assert.equal(verdict?.verdict, 'denied');
  const file = shown(`${written.dir}/deploy/shop.yaml`);
  const line = (needle: string) => `${file}:${positionOf(objects, needle).line}`;
  assert.deepEqual(stepLines(steps), [
    `imagePullSecrets | imagePullSecrets of ServiceAccount shop/web | matched | ${line('- name: robots')}`,
    `imagePullSecrets | Secret shop/robots | not matched | ${line('apiVersion: v1\nkind: Secret')}`,
    // The kubelet sorts keys in reverse: quay.io/other before ghcr.io.
    `imagePullSecrets | registry key quay.io/other of Secret shop/robots | not matched | ${line('.dockerconfigjson')}`,
    `imagePullSecrets | registry key ghcr.io of Secret shop/robots | not matched | ${line('.dockerconfigjson')}`,
  ]);
  assert.equal(steps[2]!.detail, 'path /other is not a prefix of /acme/agent');
  assert.equal(steps[3]!.detail, 'host label "ghcr" does not match "quay"');
});

test("the demo k3s pull: the mirrors entry, each endpoint and the configs entry whose key makes the pull a service account's, then the Google steps", () => {
  const config = loadConfigFile('examples/pullcheck.yml');
  const image = 'europe-west2-docker.pkg.dev/acme-prod/apps/api:1.4.2';
  const targets = config.input.targets ?? [];
  const target = targets.find((candidate) => candidate.name === 'edge-k3s')!;
  const reference = parseImageReference(image, registryLocator(registries, targets));
  const [k3s, google] = [k3sRules(config), googleRules(config)];
  const sink = recordingSink();
  const verdict = withTrace(sink, () => {
    const principal = k3s.principals(target, reference)[0]!.principal;
    return google.decide({ image: reference, target, principal });
  });
  assert.equal(verdict?.verdict, 'allowed');
  assert.deepEqual(stepLines(sink.steps).slice(0, 4), [
    'k3s registries.yaml | mirrors."europe-west2-docker.pkg.dev" | matched | examples/k3s/registries.yaml:6',
    'k3s registries.yaml | endpoint #1 https://europe-west2-docker.pkg.dev/v2 | matched | -:-',
    'k3s registries.yaml | configs."europe-west2-docker.pkg.dev".auth | matched | examples/k3s/registries.yaml:11',
    'IAM allow policy | binding #1 roles/artifactregistry.reader on projects/acme-prod/locations/europe-west2/repositories/apps | matched | examples/gcp/apps-repository-policy.json:3',
  ]);
  assert.match(
    sink.steps[2]!.detail,
    /service-account key of edge-puller@acme-edge\.iam\.gserviceaccount\.com/,
  );
  assert.doesNotMatch(JSON.stringify(sink.steps), /PRIVATE KEY|FAKE-KEY/);
});

test('a k3s mirror: its endpoint is tried first (undecided offline), with the line of its endpoint list; then the registry itself', () => {
  const registriesYaml = [
    'mirrors:',
    '  docker.io:',
    '    endpoint:',
    '      - "https://mirror.example.com"',
    '',
  ].join('\n');
  const written = writeCase({
    version: 1,
    images: ['docker.io/library/nginx:1.27'],
    targets: [{ name: 'edge', platform: 'k3s', registriesFile: 'registries.yaml' }],
  });
  writeFileSync(`${written.dir}/registries.yaml`, registriesYaml);
  const config = loadConfigFile(written.config);
  const { verdict, steps } = tracedDecide(config, k3sRules(config), 'docker.io/library/nginx:1.27', 'edge');
  assert.equal(verdict?.verdict, 'unknown');
  const file = shown(`${written.dir}/registries.yaml`);
  assert.deepEqual(stepLines(steps), [
    `k3s registries.yaml | mirrors."docker.io" | matched | ${file}:3`,
    `k3s registries.yaml | endpoint #1 https://mirror.example.com/v2 | undecided | ${file}:4`,
    'k3s registries.yaml | endpoint #2 https://registry-1.docker.io/v2 | not matched | -:-',
  ]);
  assert.match(
    steps[1]!.detail,
    /a mirror: whether it serves the image cannot be known offline, with no credentials/,
  );
  assert.match(
    steps[2]!.detail,
    /the registry itself \(its default endpoint, tried last\), with no credentials: .*has no credentials for docker\.io/,
  );
});

test("an ECR pull no pull secret covers: the kubelet's credential providers in order, ecr-credential-provider making it the node role's", () => {
  const role = 'arn:aws:iam::123456789012:role/nodes';
  const providers = yamlStream({
    apiVersion: 'kubelet.config.k8s.io/v1',
    kind: 'CredentialProviderConfig',
    providers: [
      {
        name: 'acme-helper',
        matchImages: ['registry.acme.example'],
        defaultCacheDuration: '1h',
        apiVersion: 'credentialprovider.kubelet.k8s.io/v1',
      },
      {
        name: 'ecr-credential-provider',
        matchImages: ['*.dkr.ecr.*.amazonaws.com'],
        defaultCacheDuration: '12h',
        apiVersion: 'credentialprovider.kubelet.k8s.io/v1',
      },
    ],
  });
  const image = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web:1';
  const written = writeCase(
    {
      version: 1,
      images: [image],
      targets: [
        {
          name: 'c',
          platform: 'kubernetes',
          namespace: 'shop',
          credentialProviderConfig: 'deploy/providers.yaml',
          nodeRole: role,
        },
      ],
      facts: {
        kubernetes: { objects: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }] },
      },
    },
    { 'providers.yaml': providers },
  );
  const config = loadConfigFile(written.config);
  const rules = clusterRules(config);
  const targets = config.input.targets ?? [];
  const reference = parseImageReference(image, registryLocator(registries, targets));
  const sink = recordingSink();
  const named = withTrace(sink, () => rules.principals(targets[0]!, reference));
  assert.deepEqual(
    named.map((entry) => entry.principal),
    [role],
  );
  const file = shown(`${written.dir}/deploy/providers.yaml`);
  assert.deepEqual(stepLines(sink.steps), [
    'imagePullSecrets | imagePullSecrets of the default ServiceAccount of shop (not in the manifests: it links no secrets) | not matched | -:-',
    `kubelet credential provider | provider acme-helper | not matched | ${file}:${positionOf(providers, '- name: acme-helper').line}`,
    `kubelet credential provider | provider ecr-credential-provider | matched | ${file}:${positionOf(providers, '- name: ecr-credential-provider').line}`,
    "node credentials | the node's own registry credentials | not matched | -:-",
  ]);
  assert.match(
    sink.steps[2]!.detail,
    /matchImages \*\.dkr\.ecr\.\*\.amazonaws\.com covers .*as the nodes' AWS identity \(arn:aws:iam::123456789012:role\/nodes, nodeRole\)/,
  );
});
