// The OpenShift 4 built-in role data (src/providers/kubernetes/openshift/data/openshift-cluster-roles.json):
// its shape, and the facts a pull check relies on. A pull of NAMESPACE/STREAM from the integrated registry needs
// `get` on imagestreams/layers in image.openshift.io (or the legacy group ""), a push also `update`
// (OpenShift docs "Using image pull secrets", "Accessing the registry"; openshift-apiserver pkg/bootstrappolicy).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames?: string[];
}
interface Selector {
  matchLabels: Record<string, string>;
}
interface ClusterRole {
  name: string;
  source: string;
  labels?: Record<string, string>;
  aggregationRule?: { clusterRoleSelectors: Selector[] };
  rules: Rule[];
}
interface Subject {
  kind: string;
  name: string;
  apiGroup?: string;
  namespace?: string;
}
interface RoleBinding {
  name: string;
  roleRef: { apiGroup?: string; kind: string; name: string };
  subjects: Subject[];
}
interface RoleData {
  source: string;
  note: string;
  clusterRoles: ClusterRole[];
  namespaceRoleBindings: RoleBinding[];
}

const DATA_FILE = 'src/providers/kubernetes/openshift/data/openshift-cluster-roles.json';
const data = JSON.parse(readFileSync(DATA_FILE, 'utf8')) as RoleData;
const roles = new Map(data.clusterRoles.map((role) => [role.name, role]));

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function role(name: string): ClusterRole {
  const found = roles.get(name);
  assert.ok(found, `role ${name} is listed`);
  return found;
}

// Plain RBAC matching for one request on imagestreams/layers, without resource names.
function grants(rules: Rule[], verb: string, apiGroup = 'image.openshift.io'): boolean {
  return rules.some(
    (rule) =>
      (rule.apiGroups.includes(apiGroup) || rule.apiGroups.includes('*')) &&
      (rule.resources.includes('imagestreams/layers') ||
        rule.resources.includes('imagestreams/*') ||
        rule.resources.includes('*')) &&
      (rule.verbs.includes(verb) || rule.verbs.includes('*')) &&
      (rule.resourceNames === undefined || rule.resourceNames.length === 0),
  );
}

function matches(selector: Selector, labels: Record<string, string> | undefined): boolean {
  return Object.entries(selector.matchLabels).every(([key, value]) => labels?.[key] === value);
}

test('the data file names its sources and has the expected shape', () => {
  assert.equal(typeof data.source, 'string');
  assert.ok(data.source.includes('openshift/openshift-apiserver'));
  assert.equal(typeof data.note, 'string');
  assert.ok(Array.isArray(data.clusterRoles) && data.clusterRoles.length > 0);
  assert.equal(roles.size, data.clusterRoles.length, 'role names are unique');
  for (const entry of data.clusterRoles) {
    assert.equal(typeof entry.name, 'string', 'every role has a name');
    assert.ok(entry.name.length > 0);
    assert.ok(Array.isArray(entry.rules), `${entry.name} has a rules array`);
    for (const rule of entry.rules) {
      assert.ok(isStringArray(rule.apiGroups), `${entry.name}: apiGroups are strings`);
      assert.ok(isStringArray(rule.resources), `${entry.name}: resources are strings`);
      assert.ok(isStringArray(rule.verbs), `${entry.name}: verbs are strings`);
      assert.ok(rule.verbs.length > 0, `${entry.name}: a rule has verbs`);
    }
    if (entry.labels !== undefined) {
      for (const value of Object.values(entry.labels)) assert.equal(typeof value, 'string');
    }
    if (entry.aggregationRule !== undefined) {
      const selectors = entry.aggregationRule.clusterRoleSelectors;
      assert.ok(Array.isArray(selectors) && selectors.length > 0, `${entry.name} has selectors`);
      for (const selector of selectors) {
        assert.equal(typeof selector.matchLabels, 'object', `${entry.name}: every selector has matchLabels`);
        assert.ok(selector.matchLabels !== null);
        assert.ok(Object.keys(selector.matchLabels).length > 0);
      }
    }
  }
});

test('every kept rule can reach imagestreams/layers', () => {
  for (const entry of data.clusterRoles) {
    for (const rule of entry.rules) {
      const group = rule.apiGroups.some((g) => g === '' || g === 'image.openshift.io' || g === '*');
      const resource = rule.resources.some(
        (r) => r === 'imagestreams/layers' || r === 'imagestreams/*' || r === '*',
      );
      assert.ok(group && resource, `${entry.name} keeps only rules on imagestreams/layers`);
    }
  }
});

test('system:image-puller grants get on imagestreams/layers in image.openshift.io and ""', () => {
  const puller = role('system:image-puller');
  assert.ok(grants(puller.rules, 'get'));
  assert.ok(grants(puller.rules, 'get', ''));
  assert.equal(grants(puller.rules, 'update'), false, 'the puller cannot push');
});

test('system:image-pusher and system:image-builder grant get and update', () => {
  for (const name of ['system:image-pusher', 'system:image-builder']) {
    assert.ok(grants(role(name).rules, 'get'), `${name} grants get`);
    assert.ok(grants(role(name).rules, 'update'), `${name} grants update`);
  }
});

test('the registry roles grant what the docs say: viewer pulls, editor and admin push', () => {
  assert.ok(grants(role('registry-viewer').rules, 'get'));
  assert.equal(grants(role('registry-viewer').rules, 'update'), false);
  for (const name of ['registry-editor', 'registry-admin']) {
    assert.ok(grants(role(name).rules, 'update'), `${name} grants update`);
  }
  assert.ok(grants(role('cluster-admin').rules, 'get'), 'cluster-admin grants everything');
});

test('view, edit, admin and cluster-reader aggregate a listed role that grants get', () => {
  for (const name of ['view', 'edit', 'admin', 'cluster-reader']) {
    const aggregate = role(name);
    const selectors = aggregate.aggregationRule?.clusterRoleSelectors;
    assert.ok(selectors, `${name} has an aggregationRule`);
    assert.deepEqual(aggregate.rules, [], `${name} holds its rules only through aggregation`);
    const sources = data.clusterRoles.filter(
      (candidate) =>
        candidate.name !== name && selectors.some((selector) => matches(selector, candidate.labels)),
    );
    assert.ok(
      sources.some((candidate) => grants(candidate.rules, 'get')),
      `${name} aggregates a role that grants get on imagestreams/layers`,
    );
  }
});

test('the Kubernetes aggregation chain is recorded: edit feeds admin, view feeds edit', () => {
  assert.equal(role('edit').labels?.['rbac.authorization.k8s.io/aggregate-to-admin'], 'true');
  assert.equal(role('view').labels?.['rbac.authorization.k8s.io/aggregate-to-edit'], 'true');
});

test('every namespace RoleBinding points at a listed ClusterRole', () => {
  for (const binding of data.namespaceRoleBindings) {
    assert.equal(binding.roleRef.kind, 'ClusterRole');
    assert.ok(roles.has(binding.roleRef.name), `${binding.name} refers to a listed role`);
    assert.ok(binding.subjects.length > 0);
  }
});

test('the per-namespace system:image-pullers binding lets every service account of the namespace pull', () => {
  const pullers = data.namespaceRoleBindings.find((binding) => binding.name === 'system:image-pullers');
  assert.ok(pullers, 'system:image-pullers is listed');
  assert.deepEqual(
    { kind: pullers.roleRef.kind, name: pullers.roleRef.name },
    { kind: 'ClusterRole', name: 'system:image-puller' },
  );
  assert.ok(
    pullers.subjects.some(
      (subject) => subject.kind === 'Group' && subject.name === 'system:serviceaccounts:{namespace}',
    ),
  );
});
