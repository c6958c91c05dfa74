// The generated ClusterRole against what the cluster reader really sends: the collector and a
// SubjectAccessReview run against the fake API server (helpers/kube-api.ts), every recorded request becomes
// the (verb, group, resource, namespace) the API server authorizes, and pullcheck's own RBAC authorizer
// decides it for a user bound to the ClusterRole.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { CallRunner } from '../../src/core/call-runner.ts';
import { collectKubernetesObjects } from '../../src/providers/kubernetes/live/collect.ts';
import { subjectAccessReview } from '../../src/providers/kubernetes/live/subject-access-review.ts';
import { authorize } from '../../src/providers/kubernetes/rbac/authorize.ts';
import { clusterGrantingReadRole } from '../helpers/read-role-cluster.ts';
import { startKubeApi, type KubeApi, type RecordedRequest } from '../helpers/kube-api.ts';

const TOKEN = 'test-bearer-token';
const A = 'project-a';
const B = 'project-b';
const meta = (name: string, namespace?: string) => ({ name, ...(namespace ? { namespace } : {}), uid: name });
const OBJECTS = [
  {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: meta('deployer', A),
    imagePullSecrets: [{ name: 'quay' }],
  },
  {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: meta('quay', A),
    type: 'kubernetes.io/dockerconfigjson',
    data: { '.dockerconfigjson': Buffer.from('{"auths":{"quay.io":{}}}').toString('base64') },
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: meta('pull', B),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'read-base' },
    subjects: [{ kind: 'ServiceAccount', name: 'deployer', namespace: A }],
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: meta('read-base', B),
    rules: [{ apiGroups: ['image.openshift.io'], resources: ['imagestreams/layers'], verbs: ['get'] }],
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: meta('pullers'),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'system:image-puller' },
    subjects: [{ kind: 'Group', name: 'system:serviceaccounts' }],
  },
];
let api: KubeApi;
after(() => api?.close());

/** The request as the API server's authorizer sees it (Kubernetes docs, "Authorization: request attributes"). */
function attributesOf(request: RecordedRequest) {
  const match = /^\/(?:api\/v1|apis\/([^/]+)\/v1)(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?$/.exec(
    request.path,
  );
  assert.ok(match, request.path);
  const [, apiGroup = '', namespace = '', resource = '', name] = match;
  const verb = request.method === 'POST' ? 'create' : name === undefined ? 'list' : 'get';
  return { verb, apiGroup, resource, namespace, name: name ?? '' };
}

test('every request the cluster reader sends is granted by the generated ClusterRole', async () => {
  api = await startKubeApi({ token: TOKEN, objects: OBJECTS, review: () => ({ allowed: true }) });
  const connection = { server: api.url, token: TOKEN, caData: api.caPem };
  const runner = new CallRunner({ sleep: async () => {}, timeoutMs: 5000 });
  await collectKubernetesObjects(
    {
      targets: [{ name: 'ocp', platform: 'openshift', namespace: A, serviceAccount: 'deployer' }],
      imageNamespaces: [B],
      imageStreams: [{ namespace: B, name: 'base' }],
      pushes: { users: ['alice'], namespaces: [B] },
    },
    connection,
    runner,
  );
  await subjectAccessReview(
    connection,
    runner,
    { namespace: A, name: 'deployer' },
    { namespace: B, imageStream: 'base' },
  );
  const seen = new Set(api.requests.map((request) => JSON.stringify(attributesOf(request))));
  const kinds = new Set(
    [...seen].map((text) => {
      const a = JSON.parse(text);
      return `${a.verb} ${a.resource}`;
    }),
  );
  for (const kind of [
    'get serviceaccounts',
    'get secrets',
    'list rolebindings',
    'get roles',
    'list clusterrolebindings',
    'create subjectaccessreviews',
  ])
    assert.ok(kinds.has(kind), `the reader sent ${kind}: ${[...kinds].join(', ')}`);
  const state = clusterGrantingReadRole();
  for (const text of seen) {
    const request = JSON.parse(text);
    const answer = authorize(state, { user: 'pullcheck', groups: ['system:authenticated'] }, request);
    assert.equal(answer.result, 'yes', `${text}: ${answer.unknownBecause.join('; ')}`);
  }
});
