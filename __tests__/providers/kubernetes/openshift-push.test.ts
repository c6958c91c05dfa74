// Pushes to the OpenShift integrated registry (issue 18): who pushes (a service account, or a user a login
// names), the fix for a refused push, and what leaves a push unknown.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../../../src/core/errors.ts';
import { kubernetes } from '../../../src/providers/kubernetes/index.ts';
import { imageStream, namespace, push, RBAC, roleBinding } from '../../helpers/openshift-ci.ts';

const PUSHER_ROLE = { kind: 'ClusterRole', name: 'system:image-pusher' };

test("a project's builder service account pushes to it by default, a new stream included", () => {
  const result = push('app/web:1.0', 'system:serviceaccount:app:builder', { objects: [namespace('app')] });
  assert.equal(result?.verdict, 'allowed');
  assert.match(
    result.reasons.join('\n'),
    /update imagestreams\/layers "web" in app: granted by the default RoleBinding system:image-builders of app/,
  );
  assert.match(
    result.reasons.join('\n'),
    /create imagestreams in app: granted by the default RoleBinding system:image-builders/,
  );
  assert.match(result.reasons.at(-1) ?? '', /only while the cluster's Build capability is enabled/);
});

test('the default service account cannot push: denied, with the system:image-pusher binding as the fix', () => {
  const result = push('app/web:1.0', 'system:serviceaccount:app:default', {
    objects: [namespace('app'), imageStream('app', 'web')],
  });
  assert.equal(result?.verdict, 'denied');
  assert.match(
    result.reasons.join('\n'),
    /update imagestreams\/layers "web" in app: no RoleBinding in app nor ClusterRoleBinding grants it to system:serviceaccount:app:default/,
  );
  const [missing] = result.missing;
  assert.equal(missing?.side, 'binding');
  assert.deepEqual(missing.permissions, [
    'image.openshift.io/imagestreams/layers get',
    'image.openshift.io/imagestreams/layers update',
  ]);
  assert.equal(
    missing.fix.snippets['cli'],
    'oc policy add-role-to-user system:image-pusher system:serviceaccount:app:default --namespace=app',
  );
  assert.match(
    missing.fix.snippets['yaml'] ?? '',
    /kind: ServiceAccount\n {4}name: default\n {4}namespace: app/,
  );
});

test('the fix for a stream not in the facts also creates it (system:image-pusher creates none)', () => {
  const result = push('app/web:1.0', 'system:serviceaccount:app:default', { objects: [namespace('app')] });
  assert.equal(result?.verdict, 'denied');
  assert.match(
    result.missing[0]?.fix.snippets['cli'] ?? '',
    /\noc create imagestream web -n app\n# or bind system:image-builder/,
  );
});

test('the fix applied: system:image-pusher lets default push to a stream that exists', () => {
  const objects = [
    namespace('app'),
    imageStream('app', 'web'),
    roleBinding('app', 'image-pusher', PUSHER_ROLE, [{ kind: 'ServiceAccount', name: 'default' }]),
  ];
  assert.equal(push('app/web:1.0', 'system:serviceaccount:app:default', { objects })?.verdict, 'allowed');
  // … and to a stream the facts do not show: it may not create one, so whether it exists decides.
  const fresh = push('app/api:1.0', 'system:serviceaccount:app:default', { objects });
  assert.equal(fresh?.verdict, 'unknown');
  assert.match(
    fresh.reasons.join('\n'),
    /unknown: the image stream app\/api is not in facts\.kubernetes\.manifests.*oc create imagestream api -n app/,
  );
});

test('a binding to a role that is neither built in nor in the facts leaves the push unknown', () => {
  const result = push('app/web:1.0', 'system:serviceaccount:ci:pusher', {
    objects: [
      namespace('app'),
      namespace('ci'),
      imageStream('app', 'web'),
      roleBinding('app', 'ci-push', { kind: 'ClusterRole', name: 'acme-image-pusher' }, [
        { kind: 'ServiceAccount', name: 'pusher', namespace: 'ci' },
      ]),
    ],
  });
  assert.equal(result?.verdict, 'unknown');
  assert.match(
    result.reasons.join('\n'),
    /refers to ClusterRole acme-image-pusher, which is neither in facts\.kubernetes\.manifests nor built in/,
  );
});

test('a project whose RoleBindings are not in the facts leaves the push unknown', () => {
  const result = push('elsewhere/web:1.0', 'system:serviceaccount:ci:pusher', { objects: [namespace('ci')] });
  assert.equal(result?.verdict, 'unknown');
  assert.match(
    result.reasons.join('\n'),
    /the RoleBindings of namespace elsewhere are not in facts\.kubernetes\.manifests/,
  );
});

test('a user pushes through a binding to it; a grant to a group it may be in is unknown until its groups are stated', () => {
  const objects = [
    namespace('app'),
    imageStream('app', 'web'),
    roleBinding('app', 'team', PUSHER_ROLE, [{ kind: 'Group', apiGroup: RBAC, name: 'ci-team' }]),
  ];
  const unstated = push('app/web:1.0', 'openshift-user:alice', { objects });
  assert.equal(unstated?.verdict, 'unknown');
  assert.match(
    unstated.reasons.join('\n'),
    /granted to the group ci-team, and whether alice is a member cannot be known offline/,
  );
  const member = { secret: 'OC_TOKEN', user: 'alice', groups: ['ci-team'] };
  assert.equal(
    push('app/web:1.0', 'openshift-user:alice', { objects, ciLogins: [member] })?.verdict,
    'allowed',
  );
  const other = { secret: 'OC_TOKEN', user: 'alice', groups: ['qa'] };
  const denied = push('app/web:1.0', 'openshift-user:alice', { objects, ciLogins: [other] });
  assert.equal(denied?.verdict, 'denied');
  assert.match(
    denied.missing[0]?.fix.snippets['yaml'] ?? '',
    /kind: User\n {4}apiGroup: rbac\.authorization\.k8s\.io\n {4}name: alice/,
  );
  assert.equal(
    denied.missing[0]?.fix.snippets['cli'],
    'oc policy add-role-to-user system:image-pusher alice --namespace=app',
  );
});

test('decidePush answers only integrated-registry images pushed by its own principals', () => {
  const facts = { objects: [namespace('app')] };
  assert.equal(push('app/web:1.0', 'arn:aws:iam::123456789012:role/ci', facts), undefined);
  assert.ok(kubernetes.ownsPrincipal('openshift-user:alice'));
  assert.ok(kubernetes.ownsPrincipal('system:serviceaccount:app:builder'));
  assert.equal(kubernetes.ownsPrincipal('serviceAccount:ci@p.iam.gserviceaccount.com'), false);
});

test('an ImageStream in the facts is read, not reported as an ignored object', () => {
  // A stream stated exists: default's grant of pusher suffices without create.
  const objects = [
    namespace('app'),
    imageStream('app', 'web'),
    roleBinding('app', 'p', PUSHER_ROLE, [{ kind: 'ServiceAccount', name: 'default' }]),
  ];
  assert.match(
    push('app/web:1.0', 'system:serviceaccount:app:default', { objects })?.reasons.join('\n') ?? '',
    /the image stream app\/web exists/,
  );
});

test('a ciLogins entry is checked against the config contract', () => {
  assert.throws(
    () => push('app/web:1.0', 'openshift-user:alice', { ciLogins: [{ secret: 'OC TOKEN', user: 'alice' }] }),
    (error: unknown) => error instanceof ConfigError && /ciLogins\/0\/secret|secret/.test(error.message),
  );
  assert.throws(
    () =>
      push('app/web:1.0', 'openshift-user:alice', { ciLogins: [{ secret: 'T', user: 'alice', role: 'x' }] }),
    ConfigError,
  );
  assert.throws(
    () =>
      push('app/web:1.0', 'openshift-user:alice', {
        ciLogins: [{ secret: 'T', user: 'system:serviceaccount:ci' }],
      }),
    /pullcheck\.yml:\d+:\d+: a service account's user name is system:serviceaccount:NAMESPACE:NAME, got system:serviceaccount:ci/,
  );
});
