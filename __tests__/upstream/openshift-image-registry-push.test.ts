// Runs the ported push cases (openshift-image-registry-push.cases.ts) through the OpenShift rules' decidePush:
// the registry's own questions, each built-in role bound in the project (pushing to a stream that exists,
// and to one that does not), and each project's default RoleBindings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { imageStream, namespace, push, RBAC, roleBinding } from '../helpers/openshift-ci.ts';
import {
  AUTHORIZE_PUSH,
  BUILTIN_PUSH,
  DEFAULT_BINDINGS,
  type BuiltinPushCase,
  type PushCase,
} from './openshift-image-registry-push.cases.ts';

const PUSHER = 'system:serviceaccount:project-a:pusher';
const subject = { kind: 'ServiceAccount', name: 'pusher', namespace: 'project-a' };

function accessCheck(entry: PushCase) {
  const [project = '', stream = ''] = entry.image.split('/');
  const grantedIn = entry.grantedIn ?? project;
  return push(`${entry.image}:1.0`, PUSHER, {
    objects: [
      namespace('project-a'),
      namespace(project),
      namespace(grantedIn),
      ...(entry.streamExists ? [imageStream(project, stream)] : []),
      {
        apiVersion: `${RBAC}/v1`,
        kind: 'Role',
        metadata: { name: 'r', namespace: grantedIn },
        rules: entry.rules,
      },
      roleBinding(grantedIn, 'r', { kind: 'Role', name: 'r' }, [subject]),
    ],
  });
}

for (const table of AUTHORIZE_PUSH) {
  for (const entry of table.cases) {
    test(`${table.upstream.path} ${entry.from}`, () => {
      const result = accessCheck(entry);
      assert.equal(result?.verdict, entry.expect, result?.reasons.join('\n'));
    });
  }
}

function bound(entry: BuiltinPushCase, streamExists: boolean) {
  return push('project-b/app:1.0', PUSHER, {
    objects: [
      namespace('project-a'),
      namespace('project-b'),
      ...(streamExists ? [imageStream('project-b', 'app')] : []),
      roleBinding('project-b', 'granted', { kind: 'ClusterRole', name: entry.role }, [subject]),
    ],
  });
}

for (const table of BUILTIN_PUSH) {
  for (const entry of table.cases) {
    test(`${table.upstream.repository} ${entry.from}`, () => {
      const existing = bound(entry, true);
      assert.equal(existing?.verdict, entry.pushes ? 'allowed' : 'denied', existing?.reasons.join('\n'));
      // To a stream not in the facts: allowed only when the role may also create it.
      const fresh = bound(entry, false);
      const expected = !entry.pushes ? 'denied' : entry.creates ? 'allowed' : 'unknown';
      assert.equal(fresh?.verdict, expected, fresh?.reasons.join('\n'));
    });
  }
}

for (const entry of DEFAULT_BINDINGS.cases) {
  test(`${DEFAULT_BINDINGS.upstream.repository} ${entry.from}`, () => {
    // Nothing but the namespace: the project's RoleBindings are its default ones.
    const result = push('project-a/app:1.0', `system:serviceaccount:project-a:${entry.serviceAccount}`, {
      objects: [namespace('project-a')],
    });
    assert.equal(result?.verdict, entry.expect, result?.reasons.join('\n'));
  });
}
