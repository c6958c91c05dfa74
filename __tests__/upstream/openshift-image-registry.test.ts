// Runs the ported cases of OpenShift's integrated registry (openshift-image-registry.cases.ts) through
// pullcheck: repository names through the image-reference parser with the provider registries, access
// cases through the whole offline check, and the registry's question to the API server through the live
// SubjectAccessReview against a protocol-faithful fake API server.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { stringify } from 'yaml';
import { CallRunner } from '../../src/core/call-runner.ts';
import { parseImageReference } from '../../src/core/image-reference.ts';
import { registryLocator } from '../../src/core/registries.ts';
import { subjectAccessReview } from '../../src/providers/kubernetes/live/subject-access-review.ts';
import { openshiftLocationOf } from '../../src/providers/kubernetes/openshift/registry.ts';
import { registries } from '../../src/providers/index.ts';
import { checkSinglePull } from '../helpers/check.ts';
import { startKubeApi, type KubeApi } from '../helpers/kube-api.ts';
import {
  AUTHORIZE,
  NAMES,
  REVIEWS,
  type AccessCase,
  type ReviewCase,
} from './openshift-image-registry.cases.ts';

const REGISTRY = 'image-registry.openshift-image-registry.svc:5000';
const PULLER = 'project-a';
const RBAC = 'rbac.authorization.k8s.io';
const TOKEN = 'test-bearer-token';

type Json = Record<string, unknown>;
const namespace = (name: string): Json => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const TARGET = { name: 'ocp', platform: 'openshift', namespace: PULLER } as const;

for (const table of NAMES) {
  for (const entry of table.cases) {
    test(`${table.upstream.path} ${entry.from}`, () => {
      const locate = registryLocator(registries, [TARGET]);
      const parse = () => openshiftLocationOf(parseImageReference(`${REGISTRY}/${entry.path}`, locate));
      if (entry.expect === 'rejected') {
        assert.throws(parse, /invalid image reference/);
        return;
      }
      const location = parse();
      assert.deepEqual({ namespace: location?.namespace, imageStream: location?.imageStream }, entry.expect);
    });
  }
}

function accessCheck(entry: AccessCase) {
  const [project = '', stream = ''] = entry.image.split('/');
  const grantedIn = entry.grantedIn ?? project;
  const subject = entry.subject
    ? { apiGroup: RBAC, ...entry.subject }
    : { kind: 'ServiceAccount', name: 'default', namespace: PULLER };
  const objects = [
    namespace(PULLER),
    namespace(project),
    namespace(grantedIn),
    {
      apiVersion: `${RBAC}/v1`,
      kind: 'Role',
      metadata: { name: 'r', namespace: grantedIn },
      rules: entry.rules,
    },
    {
      apiVersion: `${RBAC}/v1`,
      kind: 'RoleBinding',
      metadata: { name: 'r', namespace: grantedIn },
      roleRef: { apiGroup: RBAC, kind: 'Role', name: 'r' },
      subjects: [subject],
    },
  ];
  return checkSinglePull(
    stringify({
      version: 1,
      images: [`${REGISTRY}/${project}/${stream}:1.0`],
      targets: [TARGET],
      facts: { kubernetes: { objects } },
    }),
  );
}

for (const table of AUTHORIZE) {
  for (const entry of table.cases) {
    test(`${table.upstream.path} ${entry.from}`, () => {
      const result = accessCheck(entry);
      assert.equal(result.verdict, entry.expect, result.reasons.join('\n'));
    });
  }
}

const servers: KubeApi[] = [];
after(() => Promise.all(servers.map((server) => server.close())));

async function review(entry: ReviewCase) {
  const server = entry.server;
  const api = await startKubeApi({
    token: TOKEN,
    objects: [],
    ...('status' in server
      ? { review: () => ({ ...server.status }) }
      : { review: () => ({ allowed: true }) }),
    ...('httpStatus' in server ? { reviewFailure: server.httpStatus } : {}),
  });
  servers.push(api);
  const token = 'wrongToken' in server ? 'not-the-token' : TOKEN;
  const answer = await subjectAccessReview(
    { server: api.url, token, caData: api.caPem },
    new CallRunner({ sleep: async () => {}, timeoutMs: 5000 }),
    { namespace: PULLER, name: 'default' },
    { namespace: 'foo', imageStream: 'bar' },
  );
  return { answer, api };
}

for (const table of REVIEWS) {
  for (const entry of table.cases) {
    test(`${table.upstream.path} ${entry.from}`, async () => {
      const { answer, api } = await review(entry);
      assert.equal(answer.result, entry.expect, answer.reason);
      // The question is the registry's own (auth.go verifyImageStreamAccess), asked about the service account.
      const asked = api.requests.find((request) => request.path.endsWith('/subjectaccessreviews'));
      assert.deepEqual((asked?.body as { spec?: Json } | undefined)?.spec, {
        user: `system:serviceaccount:${PULLER}:default`,
        groups: ['system:serviceaccounts', `system:serviceaccounts:${PULLER}`, 'system:authenticated'],
        resourceAttributes: {
          namespace: 'foo',
          verb: 'get',
          group: 'image.openshift.io',
          resource: 'imagestreams/layers',
          name: 'bar',
        },
      });
    });
  }
}
