// Live Kubernetes / OpenShift reads (issue 7, part 3): the collector talks HTTPS to a fake API server on
// 127.0.0.1 with a test CA, reads what the RBAC and pull-secret rules need, reduces Secrets to their host
// keys, reads each resource once, turns 403 into notes (never a complete namespace), refuses http://, and
// its objects — put under facts.kubernetes.objects — decide verdicts through the real engine.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { stringify } from 'yaml';
import { CallRunner } from '../../../src/core/call-runner.ts';
import { loadConfigText } from '../../../src/core/config/load.ts';
import type { TargetInput } from '../../../src/core/config/schema.ts';
import {
  kubeConfigFor,
  serverOf,
  type KubernetesConnection,
} from '../../../src/providers/kubernetes/live/cluster-access.ts';
import {
  collectKubernetesObjects,
  type KubernetesCollectInput,
} from '../../../src/providers/kubernetes/live/collect.ts';
import { subjectAccessReview } from '../../../src/providers/kubernetes/live/subject-access-review.ts';
import { startKubeApi, type KubeApi, type KubeApiOptions } from '../../helpers/kube-api.ts';
import { checkConfig } from '../../helpers/check.ts';
import { push } from '../../helpers/openshift-ci.ts';
import { runNode } from '../../helpers/process.ts';

type Json = Record<string, unknown>;

const TOKEN = 'test-bearer-token';
const RBAC = 'rbac.authorization.k8s.io/v1';
const REGISTRY = 'image-registry.openshift-image-registry.svc:5000';
const A = 'project-a';
const B = 'project-b';
// Fake credentials seeded into the store: none may appear in what the collector returns.
const SECRET_VALUES = [
  'robot$team+ci',
  'S3CRET-PASSWORD-1',
  'S3CRET-PASSWORD-2',
  'S3CRET-OPAQUE-3',
  'S3CRET-GLOBAL-4',
  'ci@example.com',
];
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const dockerConfigJson = {
  auths: {
    'quay.io': {
      auth: b64(`robot$team+ci:S3CRET-PASSWORD-1`),
      username: 'robot$team+ci',
      password: 'S3CRET-PASSWORD-1',
    },
  },
};
const dockerCfg = {
  'https://index.docker.io/v1/': { auth: b64('u:S3CRET-PASSWORD-2'), email: 'ci@example.com' },
};

const meta = (name: string, namespace?: string, extra: Json = {}): Json => ({
  name,
  ...(namespace ? { namespace } : {}),
  uid: `uid-${name}`,
  resourceVersion: '42',
  managedFields: [{ manager: 'kubectl' }],
  annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' },
  ...extra,
});
const serviceAccount = (namespace: string, name: string, pullSecrets: string[]): Json => ({
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  metadata: meta(name, namespace),
  secrets: [{ name: `${name}-token-abcde` }],
  imagePullSecrets: pullSecrets.map((secret) => ({ name: secret })),
});
const secret = (namespace: string, name: string, type: string, data: Json): Json => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: meta(name, namespace),
  type,
  data,
});
const roleBinding = (
  namespace: string,
  name: string,
  roleRef: { kind: string; name: string },
  subjects: Json[],
): Json => ({
  apiVersion: RBAC,
  kind: 'RoleBinding',
  metadata: meta(name, namespace),
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef },
  subjects,
});
const clusterRoleBinding = (name: string, role: string, subjects: Json[]): Json => ({
  apiVersion: RBAC,
  kind: 'ClusterRoleBinding',
  metadata: meta(name),
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
  subjects,
});
const clusterRole = (
  name: string,
  rules: Json[],
  extra: Json = {},
  labels?: Record<string, string>,
): Json => ({
  apiVersion: RBAC,
  kind: 'ClusterRole',
  metadata: meta(name, undefined, labels ? { labels } : {}),
  rules,
  ...extra,
});
const PULL_RULE = {
  apiGroups: ['image.openshift.io', ''],
  resources: ['imagestreams/layers'],
  verbs: ['get'],
};

/** project-a's deployer pulls from quay.io (linked secret) and from project-b (RoleBinding there). */
function clusterObjects(): Json[] {
  return [
    serviceAccount(A, 'deployer', ['quay-pull', 'hub-legacy']),
    serviceAccount(A, 'default', []),
    secret(A, 'quay-pull', 'kubernetes.io/dockerconfigjson', {
      '.dockerconfigjson': b64(JSON.stringify(dockerConfigJson)),
    }),
    secret(A, 'hub-legacy', 'kubernetes.io/dockercfg', { '.dockercfg': b64(JSON.stringify(dockerCfg)) }),
    secret(A, 'unlinked-opaque', 'Opaque', { password: b64('S3CRET-OPAQUE-3') }),
    // OpenShift's global pull secret, on every node; this cluster's covers the Red Hat registries only.
    secret('openshift-config', 'pull-secret', 'kubernetes.io/dockerconfigjson', {
      '.dockerconfigjson': b64(
        JSON.stringify({ auths: { 'registry.redhat.io': { auth: b64('rh:S3CRET-GLOBAL-4') } } }),
      ),
    }),
    roleBinding(A, 'system:image-pullers', { kind: 'ClusterRole', name: 'system:image-puller' }, [
      { kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: `system:serviceaccounts:${A}` },
    ]),
    roleBinding(B, 'pull-from-a', { kind: 'ClusterRole', name: 'system:image-puller' }, [
      { kind: 'ServiceAccount', name: 'deployer', namespace: A },
    ]),
    roleBinding(B, 'stream-reader', { kind: 'Role', name: 'read-base' }, [
      { kind: 'ServiceAccount', name: 'default', namespace: A },
    ]),
    {
      apiVersion: RBAC,
      kind: 'Role',
      metadata: meta('read-base', B),
      rules: [{ ...PULL_RULE, resourceNames: ['base'] }],
    },
    clusterRoleBinding('basic-users', 'basic-user', [
      { kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'system:authenticated' },
    ]),
    clusterRoleBinding('cluster-admins', 'cluster-admin', [
      { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'alice' },
    ]),
    clusterRoleBinding('pullers', 'aggregate-pullers', [
      { kind: 'ServiceAccount', name: 'ci', namespace: 'tools' },
    ]),
    clusterRole('system:image-puller', [PULL_RULE]),
    clusterRole('basic-user', [{ apiGroups: [''], resources: ['namespaces'], verbs: ['get'] }]),
    clusterRole('cluster-admin', [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]),
    clusterRole('aggregate-pullers', [PULL_RULE], {
      aggregationRule: {
        clusterRoleSelectors: [{ matchLabels: { 'pullcheck.example/aggregate-to-pull': 'true' } }],
      },
    }),
    clusterRole('pull-part', [PULL_RULE], {}, { 'pullcheck.example/aggregate-to-pull': 'true' }),
    clusterRole('unrelated-labelled', [], {}, { 'other.example/x': 'true' }),
  ];
}

const ocp = (name: string, namespace: string, sa?: string): TargetInput => ({
  name,
  platform: 'openshift',
  namespace,
  ...(sa ? { serviceAccount: sa } : {}),
});

let certPem = '';
const servers: KubeApi[] = [];

async function serve(
  options: Partial<KubeApiOptions> = {},
): Promise<{ api: KubeApi; connection: KubernetesConnection }> {
  const api = await startKubeApi({ token: TOKEN, objects: clusterObjects(), ...options });
  servers.push(api);
  certPem = api.caPem;
  return { api, connection: { server: api.url, token: TOKEN, caData: api.caPem } };
}

const runner = () => new CallRunner({ sleep: async () => {}, timeoutMs: 5000 });
const find = (objects: readonly Json[], kind: string, name: string, namespace?: string) =>
  objects.find((object) => {
    const metadata = object['metadata'] as { name: string; namespace?: string };
    return object['kind'] === kind && metadata.name === name && metadata.namespace === namespace;
  });
const names = (objects: readonly Json[], kind: string) =>
  objects
    .filter((object) => object['kind'] === kind)
    .map((object) => {
      const metadata = object['metadata'] as { name: string; namespace?: string };
      return metadata.namespace ? `${metadata.namespace}/${metadata.name}` : metadata.name;
    })
    .sort();

/** `NS/NAME` of a Secret live reads marked unreadable, else undefined. */
const unreadableMarker = (object: Json) => {
  const metadata = object['metadata'] as { name: string; namespace: string; annotations?: Json };
  return object['kind'] === 'Secret' && metadata.annotations?.['pullcheck.dev/unreadable']
    ? `${metadata.namespace}/${metadata.name}`
    : undefined;
};

after(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

test('collects the ServiceAccount, its pull Secrets (host keys only), and the RBAC a target needs', async () => {
  const { api, connection } = await serve();
  const input: KubernetesCollectInput = { targets: [ocp('ocp', A, 'deployer')], imageNamespaces: [B] };
  const { objects, notes } = await collectKubernetesObjects(input, connection, runner());

  assert.deepEqual(names(objects, 'Namespace'), [A, B]);
  assert.deepEqual(find(objects, 'ServiceAccount', 'deployer', A), {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: 'deployer', namespace: A },
    imagePullSecrets: [{ name: 'quay-pull' }, { name: 'hub-legacy' }],
  });
  assert.deepEqual(find(objects, 'Secret', 'quay-pull', A), {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'quay-pull', namespace: A },
    type: 'kubernetes.io/dockerconfigjson',
    stringData: { '.dockerconfigjson': JSON.stringify({ auths: { 'quay.io': {} } }) },
  });
  assert.deepEqual(find(objects, 'Secret', 'hub-legacy', A), {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'hub-legacy', namespace: A },
    type: 'kubernetes.io/dockercfg',
    stringData: { '.dockercfg': JSON.stringify({ 'https://index.docker.io/v1/': {} }) },
  });
  assert.equal(find(objects, 'Secret', 'unlinked-opaque', A), undefined, 'only linked Secrets are read');
  assert.deepEqual(names(objects, 'RoleBinding'), [
    `${A}/system:image-pullers`,
    `${B}/pull-from-a`,
    `${B}/stream-reader`,
  ]);
  assert.deepEqual(names(objects, 'Role'), [`${B}/read-base`]);
  // Only ClusterRoleBindings that can cover project-a's service accounts; the roles they and the RoleBindings name.
  assert.deepEqual(names(objects, 'ClusterRoleBinding'), ['basic-users']);
  assert.deepEqual(names(objects, 'ClusterRole'), ['basic-user', 'system:image-puller']);
  assert.deepEqual(find(objects, 'RoleBinding', 'pull-from-a', B), {
    apiVersion: RBAC,
    kind: 'RoleBinding',
    metadata: { name: 'pull-from-a', namespace: B },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'system:image-puller' },
    subjects: [{ kind: 'ServiceAccount', name: 'deployer', namespace: A }],
  });
  assert.deepEqual(notes, [
    // No review callback: the fake answers 403 on create subjectaccessreviews.
    `the API server's own answer (SubjectAccessReview) was not available for every pull: create subjectaccessreviews.authorization.k8s.io on a SubjectAccessReview of get imagestreams/layers in ${B} for system:serviceaccount:${A}:deployer was denied (Forbidden): grant it to the identity pullcheck reads with`,
  ]);

  assert.ok(api.requests.every((request) => request.authorization === `Bearer ${TOKEN}`));
  assert.deepEqual(
    api.requests.map((request) => `${request.method} ${request.path}`).sort(),
    [
      'GET /api/v1/namespaces/openshift-config/secrets/pull-secret',
      `GET /api/v1/namespaces/${A}/secrets/hub-legacy`,
      `GET /api/v1/namespaces/${A}/secrets/quay-pull`,
      `GET /api/v1/namespaces/${A}/serviceaccounts/deployer`,
      `GET /apis/rbac.authorization.k8s.io/v1/clusterrolebindings`,
      `GET /apis/rbac.authorization.k8s.io/v1/clusterroles`,
      `GET /apis/rbac.authorization.k8s.io/v1/namespaces/${A}/rolebindings`,
      `GET /apis/rbac.authorization.k8s.io/v1/namespaces/${B}/rolebindings`,
      `GET /apis/rbac.authorization.k8s.io/v1/namespaces/${B}/roles/read-base`,
      'POST /apis/authorization.k8s.io/v1/subjectaccessreviews',
    ].sort(),
  );
});

test('follows aggregation rules to the labelled ClusterRoles they select, across list pages', async () => {
  const { api, connection } = await serve({ pageSize: 2 });
  const input = { targets: [ocp('ci', 'tools', 'ci')], imageNamespaces: [B] };
  const { objects } = await collectKubernetesObjects(input, connection, runner());
  assert.deepEqual(names(objects, 'ClusterRoleBinding'), ['basic-users', 'pullers']);
  assert.deepEqual(names(objects, 'ClusterRole'), [
    'aggregate-pullers',
    'basic-user',
    'pull-part',
    'system:image-puller',
  ]);
  assert.deepEqual((find(objects, 'ClusterRole', 'pull-part') as { metadata: Json }).metadata, {
    name: 'pull-part',
    labels: { 'pullcheck.example/aggregate-to-pull': 'true' },
  });
  const pages = api.requests.filter((request) => request.path.endsWith('/clusterroles'));
  assert.ok(pages.length > 1, 'the ClusterRole list came in several pages');
  assert.match(pages[1]!.query, /continue=/);
});

test('Secret values are never in the collected objects or notes', async () => {
  const { connection } = await serve();
  const input = { targets: [ocp('ocp', A, 'deployer'), ocp('other', A)], imageNamespaces: [A, B] };
  const result = await collectKubernetesObjects(input, connection, runner());
  const text = JSON.stringify(result);
  for (const value of [...SECRET_VALUES, ...SECRET_VALUES.map(b64), dockerConfigJson.auths['quay.io'].auth]) {
    assert.ok(!text.includes(value), `${value} leaked`);
  }
  assert.ok(!text.includes('"data"'), 'no Secret data field is kept');
  assert.ok(!text.includes('token-abcde'), 'ServiceAccount token secrets are not kept');
});

test('each resource is fetched once, even when several targets share a namespace', async () => {
  const { api, connection } = await serve({ pageSize: 2 });
  const calls = runner();
  const input: KubernetesCollectInput = {
    targets: [
      ocp('ocp-deployer', A, 'deployer'),
      ocp('ocp-default', A),
      ocp('ocp-deployer-again', A, 'deployer'),
      { name: 'k8s', platform: 'kubernetes', namespace: A, serviceAccount: 'deployer' },
      { name: 'eks', platform: 'eks', roles: ['arn:aws:iam::210987654321:role/nodes'] },
    ],
    imageNamespaces: [A, B, B],
  };
  const { objects } = await collectKubernetesObjects(input, connection, calls);
  const seen = api.requests.map((request) => `${request.method} ${request.path}${request.query}`);
  const gets = seen.filter((request) => request.startsWith('GET'));
  assert.deepEqual(gets, [...new Set(gets)], 'no GET repeated');
  assert.equal(
    seen.filter(
      (request) => request.includes(`/namespaces/${A}/rolebindings`) && !request.includes('continue'),
    ).length,
    1,
  );
  assert.equal(seen.filter((request) => request.includes('/serviceaccounts/deployer')).length, 1);
  assert.equal(seen.filter((request) => request.includes('/secrets/quay-pull')).length, 1);
  assert.equal(
    seen.filter((request) => request.includes('clusterrolebindings') && !request.includes('continue')).length,
    1,
  );
  assert.equal(calls.sent, api.requests.length, 'one attempt per request, no retries');
  assert.deepEqual(names(objects, 'ServiceAccount'), [`${A}/default`, `${A}/deployer`]);
  // Both service accounts of project-a are asked about project-a and project-b: 2 × 2 reviews, once each.
  assert.equal(seen.filter((request) => request.startsWith('POST')).length, 4);
});

test('a 403 on RoleBindings becomes a note naming the permission, and the namespace is not complete', async () => {
  const { connection } = await serve({ forbidden: [`list rolebindings ${B}`] });
  const input = { targets: [ocp('ocp', A, 'deployer')], imageNamespaces: [B] };
  const result = await collectKubernetesObjects(input, connection, runner());
  assert.deepEqual(names(result.objects, 'Namespace'), [A]);
  assert.deepEqual(names(result.objects, 'RoleBinding'), [`${A}/system:image-pullers`]);
  const note = result.notes.find((text) => text.includes(`list rolebindings in ${B}`));
  assert.ok(note, result.notes.join('\n'));
  assert.match(note, /denied \(Forbidden\)/);
  assert.match(note, new RegExp(`rolebindings\\.rbac\\.authorization\\.k8s\\.io in namespace ${B}`));

  // Through the engine: the pull into project-b is unknown (never denied), naming the namespace.
  const [pull] = check(result.objects, [`${REGISTRY}/${B}/base:9.4`], ocp('ocp', A, 'deployer')).results;
  assert.equal(pull?.verdict, 'unknown');
  assert.match(pull.reasons.join('\n'), new RegExp(`RoleBindings of namespace ${B}`));
});

test('a 403 on a target namespace that is also an image namespace leaves all its objects out', async () => {
  const { connection } = await serve({
    forbidden: [`list rolebindings ${B}`],
    objects: [...clusterObjects(), serviceAccount(B, 'default', [])],
  });
  const input = { targets: [ocp('ocp', A, 'deployer'), ocp('b', B)], imageNamespaces: [B] };
  const result = await collectKubernetesObjects(input, connection, runner());
  assert.deepEqual(
    names(result.objects, 'ServiceAccount'),
    [`${A}/deployer`],
    'project-b would look complete',
  );
  assert.ok(result.notes.some((text) => text.includes(`namespace ${B}: its objects are left out`)));
});

test('a missing ServiceAccount and a forbidden Secret are notes', async () => {
  const { connection } = await serve({ forbidden: [`get secrets ${A}`] });
  const input = { targets: [ocp('ghost', A, 'ghost'), ocp('ocp', A, 'deployer')], imageNamespaces: [] };
  const result = await collectKubernetesObjects(input, connection, runner());
  assert.ok(
    result.notes.some(
      (text) => text === `ServiceAccount ${A}/ghost does not exist: pods running as it cannot start`,
    ),
  );
  assert.ok(result.notes.some((text) => text.includes(`(needed: get secrets in ${A})`)));
  // A linked Secret that could not be read must not look absent (the rule would say denied): project-a is left out.
  assert.deepEqual(names(result.objects, 'ServiceAccount'), []);
  const [pull] = check(result.objects, ['quay.io/team/app:1.0'], ocp('ocp', A, 'deployer')).results;
  assert.equal(pull?.verdict, 'unknown');
});

test('an http:// API server is refused before any token is sent', async () => {
  const calls = runner();
  await assert.rejects(
    collectKubernetesObjects(
      { targets: [ocp('ocp', A)], imageNamespaces: [] },
      { server: 'http://127.0.0.1:6443', token: TOKEN },
      calls,
    ),
    /refusing to send the Kubernetes token to http:\/\/127\.0\.0\.1:6443: the API server must be reached over https:\/\//,
  );
  assert.equal(calls.sent, 0);
  await assert.rejects(
    subjectAccessReview(
      { server: 'http://127.0.0.1:6443', token: TOKEN },
      calls,
      { namespace: A, name: 'default' },
      { namespace: B },
    ),
    /https:\/\//,
  );
});

test('a server certificate not signed by the given CA is not trusted', async () => {
  const { api } = await serve();
  const result = await collectKubernetesObjects(
    { targets: [ocp('ocp', A, 'deployer')], imageNamespaces: [] },
    { server: api.url, token: TOKEN },
    runner(),
  );
  // Nothing read: only the marker saying the global pull secret is unreadable (unknown, not absent).
  assert.deepEqual(result.objects.map(unreadableMarker), ['openshift-config/pull-secret']);
  assert.ok(
    result.notes.some((text) => /get serviceaccounts in project-a .*failed/.test(text)),
    result.notes.join('\n'),
  );
});

test('a wrong token is a denial, not a crash', async () => {
  const { api } = await serve();
  const result = await collectKubernetesObjects(
    { targets: [ocp('ocp', A, 'deployer')], imageNamespaces: [] },
    { server: api.url, token: 'wrong', caData: api.caPem },
    runner(),
  );
  // Nothing read: only the marker saying the global pull secret is unreadable (unknown, not absent).
  assert.deepEqual(result.objects.map(unreadableMarker), ['openshift-config/pull-secret']);
  assert.ok(result.notes.some((text) => text.includes('was denied (Unauthorized)')));
});

test('SubjectAccessReview: the request names the user, groups and stream; disagreements are notes', async () => {
  const { api, connection } = await serve({
    // The server denies what project-b's RoleBinding grants: another authorizer decides (or RBAC changed).
    review: (spec) => ({
      allowed: false,
      denied: spec.resourceAttributes['namespace'] === B,
      reason: 'policy says no',
    }),
  });
  const answer = await subjectAccessReview(
    connection,
    runner(),
    { namespace: A, name: 'deployer' },
    { namespace: B, imageStream: 'base' },
  );
  assert.deepEqual(answer, { result: 'denied', reason: 'policy says no' });
  const body = api.requests.at(-1)?.body as { spec: Json };
  assert.deepEqual(body.spec, {
    user: `system:serviceaccount:${A}:deployer`,
    groups: ['system:serviceaccounts', `system:serviceaccounts:${A}`, 'system:authenticated'],
    resourceAttributes: {
      namespace: B,
      verb: 'get',
      group: 'image.openshift.io',
      resource: 'imagestreams/layers',
      name: 'base',
    },
  });

  const result = await collectKubernetesObjects(
    {
      targets: [ocp('ocp', A, 'deployer')],
      imageNamespaces: [A, B],
      imageStreams: [{ namespace: B, name: 'base' }],
    },
    connection,
    runner(),
  );
  assert.deepEqual(
    result.notes.filter((text) => text.includes('API server answers')),
    [
      // project-a: the server gives no explicit deny but no allow either; the default binding allows it here.
      `the API server answers denied for get imagestreams/layers in ${A} by system:serviceaccount:${A}:deployer, but the RBAC read here gives allowed (server: policy says no): another authorizer, or RBAC that was not read, decides`,
      `the API server answers denied for get imagestreams/layers "base" in ${B} by system:serviceaccount:${A}:deployer, but the RBAC read here gives allowed (server: policy says no): another authorizer, or RBAC that was not read, decides`,
    ],
  );

  const agreeing = await serve({ review: () => ({ allowed: true, reason: 'RBAC: allowed by RoleBinding' }) });
  const quiet = await collectKubernetesObjects(
    {
      targets: [ocp('ocp', A, 'deployer')],
      imageNamespaces: [B],
      imageStreams: [{ namespace: B, name: 'base' }],
    },
    agreeing.connection,
    runner(),
  );
  assert.deepEqual(quiet.notes, []);
});

test('a kubeconfig is read by client-node: the current context or a named one; a missing context is an error', async () => {
  const ca = certPem || '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
  const kubeconfig = stringify({
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': 'ci',
    clusters: [
      {
        name: 'prod',
        cluster: { server: 'https://api.prod.example.com:6443', 'certificate-authority-data': b64(ca) },
      },
      {
        name: 'lab',
        cluster: { server: 'https://api.lab.example.com:6443', 'insecure-skip-tls-verify': true },
      },
      { name: 'plain', cluster: { server: 'http://api.plain.example.com:8080' } },
    ],
    users: [
      { name: 'ci-user', user: { token: 'sha256~abc' } },
      { name: 'lab-user', user: { token: 'lab-token' } },
    ],
    contexts: [
      { name: 'ci', context: { cluster: 'prod', user: 'ci-user', namespace: A } },
      { name: 'lab', context: { cluster: 'lab', user: 'lab-user' } },
      { name: 'plain', context: { cluster: 'plain', user: 'lab-user' } },
    ],
  });
  assert.equal(serverOf(await kubeConfigFor({ kubeconfig })), 'https://api.prod.example.com:6443');
  const lab = await kubeConfigFor({ kubeconfig, context: 'lab' });
  assert.equal(serverOf(lab), 'https://api.lab.example.com:6443');
  assert.equal(lab.getCurrentCluster()?.skipTLSVerify, true);
  await assert.rejects(kubeConfigFor({ kubeconfig, context: 'nope' }), /no context named "nope"/);
  await assert.rejects(kubeConfigFor({ kubeconfig, context: 'plain' }), /must be reached over https:\/\//);
  await assert.rejects(kubeConfigFor({ kubeconfig: 'clusters: []\n' }), /no current-context/);
});

/** A kubeconfig for the fake API whose user runs an exec credential plugin printing the test token. */
function execPluginKubeconfig(api: KubeApi, dir: string): string {
  // The plugin prints an ExecCredential, as aws eks get-token and gke-gcloud-auth-plugin do.
  const plugin = path.join(dir, 'get-token.mjs');
  writeFileSync(
    plugin,
    `process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status: { token: ${JSON.stringify(TOKEN)} } }));\n`,
  );
  const file = path.join(dir, 'config');
  writeFileSync(
    file,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      'current-context': 'eks',
      clusters: [
        { name: 'fake', cluster: { server: api.url, 'certificate-authority-data': b64(api.caPem) } },
      ],
      users: [
        {
          name: 'eks-user',
          user: {
            exec: {
              apiVersion: 'client.authentication.k8s.io/v1beta1',
              command: process.execPath,
              args: [plugin],
              interactiveMode: 'Never',
            },
          },
        },
      ],
      contexts: [{ name: 'eks', context: { cluster: 'fake', user: 'eks-user' } }],
    }),
  );
  return file;
}

test('a kubeconfig with an exec credential plugin (as `aws eks update-kubeconfig` and GKE write) reads the cluster with the token the plugin prints', async () => {
  const { api } = await serve();
  const dir = mkdtempSync(path.join(tmpdir(), 'pullcheck-exec-plugin-'));
  try {
    const { objects, notes } = await collectKubernetesObjects(
      { targets: [ocp('ocp', A, 'deployer')], imageNamespaces: [] },
      { kubeconfigFile: execPluginKubeconfig(api, dir) },
      runner(),
    );
    assert.deepEqual(notes, []);
    assert.deepEqual(names(objects, 'ServiceAccount'), [`${A}/deployer`]);
    assert.ok(api.requests.every((request) => request.authorization === `Bearer ${TOKEN}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the bundled CLI reads the cluster of KUBECONFIG live (client-node loads from the bundle on the action runtime)', async () => {
  const { api } = await serve();
  const dir = mkdtempSync(path.join(tmpdir(), 'pullcheck-cli-kube-'));
  try {
    const kubeconfig = execPluginKubeconfig(api, dir);
    const config = path.join(dir, 'pullcheck.yml');
    writeFileSync(
      config,
      stringify({ version: 1, images: ['quay.io/team/app:1.0'], targets: [ocp('ocp', A, 'deployer')] }),
    );
    const run = await runNode(
      [path.resolve('dist/cli.js'), 'check', '--config', config, '--format', 'json'],
      {
        KUBECONFIG: kubeconfig,
      },
    );
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { results: Json[]; facts?: { live: string[] } };
    // quay-pull, linked to the deployer and read live, covers quay.io.
    assert.equal(report.results[0]?.['verdict'], 'allowed', run.stdout);
    assert.ok(report.facts?.live.includes(`ServiceAccount ${A}/deployer`), run.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('kubeconfig → collect → facts.kubernetes.objects → verdicts through the engine', async () => {
  const { api } = await serve();
  const kubeconfig = stringify({
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': 'test',
    clusters: [{ name: 'fake', cluster: { server: api.url, 'certificate-authority-data': b64(api.caPem) } }],
    users: [{ name: 'reader', user: { token: TOKEN } }],
    contexts: [{ name: 'test', context: { cluster: 'fake', user: 'reader' } }],
  });
  const deployer = ocp('ocp', A, 'deployer');
  const images = [
    `${REGISTRY}/${B}/base:9.4`,
    `${REGISTRY}/${B}/other:1`,
    'quay.io/team/app:1.0',
    'ghcr.io/acme/tool:2',
    'registry.redhat.io/ubi9/ubi:9.4',
  ];
  const { objects } = await collectKubernetesObjects(
    { targets: [deployer, ocp('ocp-default', A)], imageNamespaces: [B] },
    { kubeconfig },
    runner(),
  );
  const verdicts = (target: TargetInput) =>
    Object.fromEntries(
      check(objects, images, target).results.map((result) => [result.image, result.verdict]),
    );
  assert.deepEqual(verdicts(deployer), {
    // Cross-project pull granted by the collected RoleBinding pull-from-a.
    [`${REGISTRY}/${B}/base:9.4`]: 'allowed',
    [`${REGISTRY}/${B}/other:1`]: 'allowed',
    // quay-pull is linked and its auths cover quay.io; nothing covers ghcr.io.
    'quay.io/team/app:1.0': 'allowed',
    'ghcr.io/acme/tool:2': 'denied',
    'registry.redhat.io/ubi9/ubi:9.4': 'allowed',
  });
  // project-a's default SA: the Role read-base allows the stream "base" only, and it links no pull secret.
  assert.deepEqual(verdicts(ocp('ocp-default', A)), {
    [`${REGISTRY}/${B}/base:9.4`]: 'allowed',
    [`${REGISTRY}/${B}/other:1`]: 'denied',
    'quay.io/team/app:1.0': 'denied',
    'ghcr.io/acme/tool:2': 'denied',
    // The global pull secret, read live, covers registry.redhat.io for every pod.
    'registry.redhat.io/ubi9/ubi:9.4': 'allowed',
  });
  const report = check(objects, images, deployer);
  const cross = report.results.find((result) => result.image === `${REGISTRY}/${B}/base:9.4`);
  assert.match(
    cross?.reasons.join('\n') ?? '',
    /RoleBinding pull-from-a .*→ ClusterRole system:image-puller/,
  );
  const quay = report.results.find((result) => result.image === 'quay.io/team/app:1.0');
  assert.match(quay?.reasons.join('\n') ?? '', /Secret quay-pull .*registry key quay\.io covers quay\.io/);
});

function check(objects: readonly Json[], images: readonly string[], target: TargetInput) {
  const text = stringify({ version: 1, images, targets: [target], facts: { kubernetes: { objects } } });
  return checkConfig(loadConfigText(text, 'pullcheck.yml'), { failOn: 'denied' });
}

test('a global pull secret the reader may not get is marked unreadable: a pull only it could cover is unknown, not denied (OpenShift "Updating the global cluster pull secret"; SPEC §4)', async () => {
  const { connection } = await serve({ forbidden: ['get secrets openshift-config'] });
  const target = ocp('ocp-default', A);
  const { objects, notes } = await collectKubernetesObjects(
    { targets: [target], imageNamespaces: [] },
    connection,
    runner(),
  );
  assert.ok(
    notes.some((note) => /get secrets in openshift-config/.test(note)),
    notes.join('\n'),
  );
  const result = check(objects, ['ghcr.io/acme/tool:2'], target).results[0]!;
  assert.equal(result.verdict, 'unknown', result.reasons.join('\n'));
  assert.match(
    result.reasons.join('\n'),
    /global pull secret .* could not be read: .*get secrets in openshift-config/,
  );
  // Never a secret's value, and no committed-secret finding for the marker.
  assert.ok(!JSON.stringify(objects).includes('S3CRET'));
});

test("no cluster access is a note, not silence; a runner pod's own cluster is never read in its place", async () => {
  const { readLiveFacts } = await import('../../../src/check/live-reads.ts');
  const config = loadConfigText(
    stringify({ version: 1, images: ['quay.io/team/app:1.0'], targets: [ocp('ocp', A, 'deployer')] }),
    'pullcheck.yml',
  );
  const saved = { KUBECONFIG: process.env['KUBECONFIG'], host: process.env['KUBERNETES_SERVICE_HOST'] };
  process.env['KUBECONFIG'] = path.join(tmpdir(), 'pullcheck-no-such-kubeconfig');
  process.env['KUBERNETES_SERVICE_HOST'] = '10.0.0.1';
  try {
    const cli = await readLiveFacts(config, { credentials: { kubernetes: 'kubeconfig' } });
    assert.deepEqual(cli.notes, [
      'no cluster access: Kubernetes and OpenShift facts come from the config only (set KUBECONFIG, or write ~/.kube/config (kubectl config, oc login, aws eks update-kubeconfig))',
    ]);
    assert.equal(cli.calls, 0);
    const action = await readLiveFacts(config, {
      credentialHints: { kubernetes: 'set openshift-server and openshift-token' },
    });
    assert.match(
      action.notes.join('\n'),
      /no cluster access: .*\(set openshift-server and openshift-token\)/,
    );
  } finally {
    for (const [name, value] of [
      ['KUBECONFIG', saved.KUBECONFIG],
      ['KUBERNETES_SERVICE_HOST', saved.host],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
});

test("a workflow's pushes (issue 18): their namespaces' RBAC and the ClusterRoleBindings that may grant the pushers are read", async () => {
  const { connection } = await serve();
  const input: KubernetesCollectInput = {
    targets: [],
    imageNamespaces: [],
    pushes: { users: ['system:serviceaccount:tools:ci', 'alice'], namespaces: [B] },
  };
  const { objects } = await collectKubernetesObjects(input, connection, runner());
  assert.deepEqual(names(objects, 'Namespace'), [B]);
  // alice's own binding, the service account's, and every group binding (a user's groups are not known).
  assert.deepEqual(names(objects, 'ClusterRoleBinding'), ['basic-users', 'cluster-admins', 'pullers']);
  const decided = push(`${B}/base:1.0`, 'openshift-user:alice', { objects });
  assert.equal(decided?.verdict, 'allowed', decided?.reasons.join('\n'));
  assert.match(decided.reasons.join('\n'), /ClusterRoleBinding cluster-admins .*→ ClusterRole cluster-admin/);
});

test("the live reads take the CI path's pushes from their context: a push's namespace is read without any target", async () => {
  const { connection } = await serve();
  const { read } = await import('../../../src/providers/kubernetes/live-reads.ts');
  const { parseImageReference } = await import('../../../src/core/image-reference.ts');
  const { registryLocator } = await import('../../../src/core/registries.ts');
  const { registries } = await import('../../../src/providers/index.ts');
  const { buildPlan } = await import('../../../src/core/plan.ts');
  const config = loadConfigText(stringify({ version: 1, images: [], targets: [] }), 'pullcheck.yml');
  const image = parseImageReference(`${REGISTRY}/${B}/base:1.0`, registryLocator(registries, []));
  const result = await read({
    config,
    plan: buildPlan(config, registries),
    runner: runner(),
    credentials: { kubernetes: connection },
    credentialHints: {},
    ciPushes: [
      { image, principal: 'openshift-user:alice' },
      // Not this provider's principal: not read for.
      { image, principal: 'arn:aws:iam::123456789012:role/ci' },
    ],
  });
  const objects = (result?.facts?.['objects'] ?? []) as Json[];
  assert.deepEqual(names(objects, 'Namespace'), [B]);
  assert.ok(names(objects, 'ClusterRoleBinding').includes('cluster-admins'));
});
