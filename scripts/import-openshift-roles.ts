// Writes src/providers/kubernetes/openshift/data/openshift-bootstrap-policy.json from the golden files of
// openshift/openshift-apiserver (test/testdata/bootstrappolicy/, which pkg/bootstrappolicy/policy_test.go
// compares with the policy the openshift-apiserver reconciles): every ClusterRole, namespace Role and
// namespace RoleBinding, each role keeping only the rules that can match what the integrated registry asks:
// a request on imagestreams/layers (pull, push), or on imagestreams (a push auto-creates a missing stream).
// Never edit the output by hand: rerun this script on a clone (or a bare git dir) at the commit to read.
//
//   tsx scripts/import-openshift-roles.ts GIT_DIR [COMMIT]
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { parse } from 'yaml';

export const OUTPUT_FILE = 'src/providers/kubernetes/openshift/data/openshift-bootstrap-policy.json';
const FOLDER = 'test/testdata/bootstrappolicy';
export const FIXTURES = {
  clusterRoles: `${FOLDER}/bootstrap_cluster_roles.yaml`,
  namespaceRoles: `${FOLDER}/bootstrap_namespace_roles.yaml`,
  namespaceRoleBindings: `${FOLDER}/bootstrap_namespace_role_bindings.yaml`,
} as const;

type Json = Record<string, unknown>;
interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames?: string[];
}

const strings = (value: unknown, what: string): string[] => {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new Error(`${what}: expected a list of strings`);
  }
  return value;
};
const record = (value: unknown, what: string): Json => {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${what}: expected a mapping`);
  return value as Json;
};

/**
 * A rule an authorizer could match with a request the integrated registry makes (any verb, any name): on
 * imagestreams/layers (pull, push; image-registry auth.go), or on imagestreams (a tag pushed to a stream that
 * does not exist creates it with the pusher's own token; image-registry pkg/imagestream CreateImageStreamMapping).
 */
export function reachesImageStreams(rule: Rule): boolean {
  const group = rule.apiGroups.some((g) => g === '' || g === 'image.openshift.io' || g === '*');
  const resource = rule.resources.some(
    (r) => r === 'imagestreams/layers' || r === 'imagestreams' || r === '*/layers' || r === '*',
  );
  return group && resource;
}

function keptRules(value: unknown, what: string): Rule[] {
  return (value === null || value === undefined ? [] : (value as unknown[])).flatMap((entry, i) => {
    const rule = record(entry, `${what} rule ${i}`);
    // A nonResourceURLs rule names no resources: it is never about image streams.
    const kept: Rule = {
      apiGroups: strings(rule['apiGroups'], `${what} rule ${i} apiGroups`),
      resources: strings(rule['resources'], `${what} rule ${i} resources`),
      verbs: strings(rule['verbs'], `${what} rule ${i} verbs`),
    };
    const names = strings(rule['resourceNames'], `${what} rule ${i} resourceNames`);
    if (names.length > 0) kept.resourceNames = names;
    return reachesImageStreams(kept) ? [kept] : [];
  });
}

function items(text: string, kind: string, file: string): Json[] {
  const list = record(parse(text), file);
  if (list['kind'] !== 'List' || !Array.isArray(list['items'])) throw new Error(`${file}: expected a List`);
  return list['items'].map((item, i) => {
    const object = record(item, `${file} item ${i}`);
    if (object['kind'] !== kind) throw new Error(`${file} item ${i}: expected kind ${kind}`);
    return object;
  });
}

function role(object: Json, file: string): Json {
  const metadata = record(object['metadata'], `${file} metadata`);
  const name = String(metadata['name']);
  const labels = metadata['labels'] === undefined ? undefined : record(metadata['labels'], `${name} labels`);
  const aggregation = object['aggregationRule'];
  return {
    name,
    ...(typeof metadata['namespace'] === 'string' ? { namespace: metadata['namespace'] } : {}),
    ...(labels && Object.keys(labels).length > 0 ? { labels } : {}),
    ...(aggregation ? { aggregationRule: record(aggregation, `${name} aggregationRule`) } : {}),
    rules: keptRules(object['rules'], `${file} ${name}`),
  };
}

function binding(object: Json, file: string): Json {
  const metadata = record(object['metadata'], `${file} metadata`);
  const roleRef = record(object['roleRef'], `${file} ${String(metadata['name'])} roleRef`);
  const subjects = (object['subjects'] as unknown[] | undefined) ?? [];
  return {
    name: metadata['name'],
    namespace: metadata['namespace'],
    roleRef: { kind: roleRef['kind'], name: roleRef['name'] },
    subjects: subjects.map((entry) => {
      const subject = record(entry, `${file} subject`);
      return {
        kind: subject['kind'],
        name: subject['name'],
        ...(subject['namespace'] ? { namespace: subject['namespace'] } : {}),
      };
    }),
  };
}

/** The data file's content for the three golden files' text, read at `commit`. */
export function bootstrapPolicyData(texts: Record<keyof typeof FIXTURES, string>, commit: string): Json {
  const clusterRoles = items(texts.clusterRoles, 'ClusterRole', FIXTURES.clusterRoles);
  return {
    source: `github.com/openshift/openshift-apiserver (Apache-2.0) at commit ${commit}: ${Object.values(FIXTURES).join(', ')}, the golden files pkg/bootstrappolicy/policy_test.go (TestBootstrapClusterRoles, TestBootstrapNamespaceRoles, TestGetBootstrapNamespaceRoleBindings) compares with the policy the openshift-apiserver reconciles on every OpenShift 4 cluster. Generated by scripts/import-openshift-roles.ts: do not edit.`,
    repository: 'openshift/openshift-apiserver',
    commit,
    note: 'Every role is listed; a role keeps only the rules that can match a request the integrated registry makes (apiGroups "", image.openshift.io or *; resources imagestreams/layers, imagestreams, */layers or *), verbatim, so rules [] means it grants nothing on image streams by itself. An aggregationRule fills a role with the rules of every ClusterRole whose labels it selects, so labels are kept.',
    clusterRoles: clusterRoles.map((object) => role(object, FIXTURES.clusterRoles)),
    namespaceRoles: items(texts.namespaceRoles, 'Role', FIXTURES.namespaceRoles).map((object) =>
      role(object, FIXTURES.namespaceRoles),
    ),
    namespaceRoleBindings: items(
      texts.namespaceRoleBindings,
      'RoleBinding',
      FIXTURES.namespaceRoleBindings,
    ).map((object) => binding(object, FIXTURES.namespaceRoleBindings)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [gitDir, revision = 'HEAD'] = process.argv.slice(2);
  if (!gitDir) throw new Error('usage: tsx scripts/import-openshift-roles.ts GIT_DIR [COMMIT]');
  const git = (...args: string[]) =>
    execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8' });
  const commit = git('rev-parse', `${revision}^{commit}`).trim();
  const read = (file: string) => git('show', `${commit}:${file}`);
  const data = bootstrapPolicyData(
    {
      clusterRoles: read(FIXTURES.clusterRoles),
      namespaceRoles: read(FIXTURES.namespaceRoles),
      namespaceRoleBindings: read(FIXTURES.namespaceRoleBindings),
    },
    commit,
  );
  const options = { ...(await resolveConfig(OUTPUT_FILE)), filepath: OUTPUT_FILE };
  writeFileSync(OUTPUT_FILE, await format(JSON.stringify(data), options));
}
