// Runs every ported built-in role of OpenShift (openshift-bootstrap-roles.cases.ts) through the whole offline
// check: a RoleBinding in the image's project gives the role to project-a's default service account, which
// pulls an image stream of that project from the integrated registry. A role that grants the pull is
// `allowed`; every other built-in role is decided `denied`, never `unknown` for want of its definition.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { checkSinglePull } from '../helpers/check.ts';
import {
  BINDINGS,
  ROLES,
  type BuiltinBindingCase,
  type BuiltinRoleCase,
} from './openshift-bootstrap-roles.cases.ts';

const REGISTRY = 'image-registry.openshift-image-registry.svc:5000';
const PULLER = 'project-a';
const RBAC = 'rbac.authorization.k8s.io';

type Json = Record<string, unknown>;
const namespace = (name: string): Json => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const roleBinding = (ns: string, name: string, roleRef: Json, subjects: readonly Json[]): Json => ({
  apiVersion: `${RBAC}/v1`,
  kind: 'RoleBinding',
  metadata: { name, namespace: ns },
  roleRef: { apiGroup: RBAC, ...roleRef },
  subjects,
});
const puller = { kind: 'ServiceAccount', name: 'default', namespace: PULLER };

function pull(project: string, objects: readonly Json[]) {
  return checkSinglePull(
    stringify({
      version: 1,
      images: [`${REGISTRY}/${project}/base:1.0`],
      targets: [{ name: 'ocp', platform: 'openshift', namespace: PULLER }],
      facts: { kubernetes: { objects: [namespace(PULLER), namespace(project), ...objects] } },
    }),
  );
}

function bound(entry: BuiltinRoleCase) {
  const slash = entry.role.indexOf('/');
  if (slash === -1) {
    return pull('project-b', [
      roleBinding('project-b', 'granted', { kind: 'ClusterRole', name: entry.role }, [puller]),
    ]);
  }
  const [project, name] = [entry.role.slice(0, slash), entry.role.slice(slash + 1)];
  return pull(project, [
    roleBinding(project, 'granted', { kind: 'Role', name }, [puller]),
    // The project's built-in bindings, written without subjects, grant nothing: only `granted` decides.
    roleBinding(project, 'shared-resource-viewers', { kind: 'Role', name: 'shared-resource-viewer' }, []),
  ]);
}

for (const table of ROLES) {
  for (const entry of table.cases) {
    test(`${table.upstream.repository} ${entry.from}`, () => {
      const result = bound(entry);
      assert.equal(result.verdict, entry.pulls ? 'allowed' : 'denied', result.reasons.join('\n'));
    });
  }
}

for (const table of BINDINGS) {
  for (const entry of table.cases as readonly BuiltinBindingCase[]) {
    test(`${table.upstream.repository} ${entry.from}`, () => {
      const result = pull(entry.namespace, []);
      assert.equal(result.verdict, entry.pulls ? 'allowed' : 'denied', result.reasons.join('\n'));
    });
  }
}

test('every role is ported once', () => {
  const names = ROLES.flatMap((table) => table.cases.map((entry) => entry.role));
  assert.equal(new Set(names).size, names.length);
});
