// OpenShift integrated-registry pulls (SPEC §4 "OpenShift integrated registry"): a pod's service account
// system:serviceaccount:A:SA pulls NAMESPACE/STREAM when RBAC grants it `get` on imagestreams/layers in that
// namespace. Driven through the real path: a config and manifests in a temp dir → loadConfigFile → runCheck
// with every provider. Each case names its source: OpenShift "Using image pull secrets" (cross-project pulls),
// "Accessing the registry", "Using RBAC to define and apply permissions", "Exposing the registry"; Kubernetes
// "Using RBAC Authorization" (subjects, RoleBinding → ClusterRole, aggregation, resourceNames, subresources);
// the Kubernetes RBAC evaluator where the page is silent; and the SPEC where it decides.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../../../src/core/errors.ts';
import type { PullResult, VerdictKind } from '../../../src/core/verdict.ts';
import { runNode } from '../../helpers/process.ts';
import { check, positionOf, shown, writeCase, yamlStream } from '../../helpers/manifests.ts';

const OCP_PULL = 'OpenShift "Using image pull secrets"';
const OCP_REGISTRY = 'OpenShift "Accessing the registry"';
const OCP_RBAC = 'OpenShift "Using RBAC to define and apply permissions"';
const OCP_ROUTE = 'OpenShift "Exposing the registry"';
const K8S_RBAC = 'Kubernetes "Using RBAC Authorization"';
const K8S_RBAC_API = 'Kubernetes API reference "ClusterRole"/"RoleBinding"';
const K8S_EVAL = 'Kubernetes RBAC evaluator (rbac/v1 evaluation_helpers.go ResourceMatches)';
const K8S_SUBJECTS =
  'Kubernetes RBAC evaluator (pkg/registry/rbac/validation/rule.go appliesToUser: "default the namespace to namespace we\'re working in")';
const SPEC = 'SPEC §3/§4';
const OCP_AUTHZ =
  'openshift/image-registry pkg/dockerregistry/server/auth.go verifyImageStreamAccess (a SelfSubjectAccessReview)';

// Names as the OpenShift page writes them: pods in project-a pull images of project-b.
const REGISTRY = 'image-registry.openshift-image-registry.svc:5000';
const A = 'project-a';
const B = 'project-b';
const SAME_PROJECT_IMAGE = `${REGISTRY}/${A}/web:1.4.2`;
const IMAGE = `${REGISTRY}/${B}/base:9.4`;
const ROUTE = 'default-route-openshift-image-registry.apps.example.com';

const RBAC = 'rbac.authorization.k8s.io/v1';
const PULL_PERMISSION = 'image.openshift.io/imagestreams/layers get';

type Json = Record<string, unknown>;
type Subject = Json;
type Rule = Json;

const namespace = (name: string): Json => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const serviceAccountSubject = (name: string, ns?: string): Subject => ({
  kind: 'ServiceAccount',
  name,
  ...(ns === undefined ? {} : { namespace: ns }),
});
const group = (name: string): Subject => ({ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name });
const user = (name: string): Subject => ({ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name });
const roleBinding = (
  ns: string,
  name: string,
  roleRef: { kind: 'Role' | 'ClusterRole'; name: string },
  subjects: readonly Subject[] | null | undefined,
): Json => ({
  apiVersion: RBAC,
  kind: 'RoleBinding',
  metadata: { name, namespace: ns },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef },
  ...(subjects === undefined ? {} : { subjects }),
});
const clusterRoleBinding = (name: string, roleName: string, subjects: readonly Subject[]): Json => ({
  apiVersion: RBAC,
  kind: 'ClusterRoleBinding',
  metadata: { name },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleName },
  subjects,
});
/** A RoleBinding of ClusterRole `roleName` in project-b to project-a's default service account. */
const grantInB = (roleName: string, subject: Subject = serviceAccountSubject('default', A)): Json =>
  roleBinding(B, roleName, { kind: 'ClusterRole', name: roleName }, [subject]);
const role = (ns: string, name: string, rules: readonly Rule[]): Json => ({
  apiVersion: RBAC,
  kind: 'Role',
  metadata: { name, namespace: ns },
  rules,
});
const clusterRole = (name: string, rules: readonly Rule[] | null, extra: Json = {}): Json => ({
  apiVersion: RBAC,
  kind: 'ClusterRole',
  metadata: { name, ...(extra['labels'] ? { labels: extra['labels'] } : {}) },
  ...(extra['aggregationRule'] ? { aggregationRule: extra['aggregationRule'] } : {}),
  rules,
});
const rule = (apiGroups: string[], resources: string[], verbs: string[], resourceNames?: string[]): Rule => ({
  apiGroups,
  resources,
  verbs,
  ...(resourceNames ? { resourceNames } : {}),
});
const PULL_RULE = rule(['image.openshift.io'], ['imagestreams/layers'], ['get']);
/** A Role in project-b with `rules`, bound to project-a's default service account. */
const roleInB = (...rules: Rule[]): Json[] => [
  role(B, 'image-reader', rules),
  roleBinding(B, 'image-reader', { kind: 'Role', name: 'image-reader' }, [
    serviceAccountSubject('default', A),
  ]),
];
/** OpenShift's default binding with its subjects removed (its annotation: "remove subjects to disable"). */
const disabledImagePullers = (
  ns: string,
  subjects: readonly Subject[] | null | undefined = undefined,
): Json => ({
  ...roleBinding(ns, 'system:image-pullers', { kind: 'ClusterRole', name: 'system:image-puller' }, subjects),
  metadata: {
    name: 'system:image-pullers',
    namespace: ns,
    annotations: {
      'openshift.io/description':
        'Allows all pods in this namespace to pull images from this namespace.  It is auto-managed by a controller; remove subjects to disable.',
    },
  },
});
const BOTH_PROJECTS = [namespace(A), namespace(B)];

interface Puller {
  readonly namespace: string;
  readonly serviceAccount?: string;
  /** The pod spec's own imagePullSecrets. */
  readonly imagePullSecrets?: readonly string[];
}

interface Expected {
  readonly verdict: VerdictKind;
  /** Default: openshift. */
  readonly registry?: string;
  /** Texts (or patterns) each of which some reason must contain. */
  readonly says?: readonly (string | RegExp)[];
  /** A denied pull's one missing binding: its exact cli snippet, and what its text must say. */
  readonly fix?: { readonly cli: string; readonly text?: RegExp };
}

interface RbacCase {
  /** Cites the document the case comes from. */
  readonly name: string;
  /** Default: project-b/base on the in-cluster service host. */
  readonly image?: string;
  /** Default: project-a's default service account. */
  readonly puller?: Puller;
  /** More targets of the same config (the fix offers the group form when several service accounts of A pull). */
  readonly otherPullers?: readonly Puller[];
  readonly platform?: 'openshift' | 'kubernetes';
  readonly registryHosts?: readonly string[];
  /** The documents of deploy/rbac.yaml; null: no facts.kubernetes at all. */
  readonly manifests: readonly Json[] | null;
  readonly expect: Expected;
}

const allowed = (...says: (string | RegExp)[]): Expected => ({ verdict: 'allowed', says });
const unknown = (...says: (string | RegExp)[]): Expected => ({ verdict: 'unknown', says });
const userCommand = (sa: string, ns: string, imageNamespace = B) =>
  `oc policy add-role-to-user system:image-puller system:serviceaccount:${ns}:${sa} --namespace=${imageNamespace}`;
const denied = (sa = 'default', ns = A, imageNamespace = B, ...says: (string | RegExp)[]): Expected => ({
  verdict: 'denied',
  says: [
    `no RoleBinding in ${imageNamespace} nor ClusterRoleBinding grants it to system:serviceaccount:${ns}:${sa}`,
    ...says,
  ],
  fix: { cli: userCommand(sa, ns, imageNamespace) },
});

const BUILT_IN_PULLERS: readonly { role: string; source: string }[] = [
  { role: 'system:image-puller', source: `${OCP_PULL}, "Allowing pods to reference images across projects"` },
  { role: 'registry-viewer', source: `${OCP_REGISTRY}: "to pull images", the registry-viewer role` },
  { role: 'registry-editor', source: `${OCP_REGISTRY}: registry-editor (push) also pulls` },
  { role: 'registry-admin', source: `${OCP_RBAC}, default cluster roles: registry-admin` },
  {
    role: 'system:image-pusher',
    source: `${OCP_PULL} (pull: get, push: update on imagestreams/layers): system:image-pusher has both`,
  },
  {
    role: 'system:image-builder',
    source: `${OCP_PULL}: the builder's system:image-builder pushes and pulls`,
  },
  {
    role: 'view',
    source: `${OCP_RBAC}, default cluster roles: view, aggregated from registry-viewer (${K8S_RBAC}, "Aggregated ClusterRoles")`,
  },
  { role: 'edit', source: `${OCP_RBAC}, default cluster roles: edit (aggregates view)` },
  { role: 'admin', source: `${OCP_RBAC}, default cluster roles: admin (aggregates edit)` },
  { role: 'cluster-reader', source: `${OCP_RBAC}, default cluster roles: cluster-reader` },
];

const cases: readonly RbacCase[] = [
  // --- The same project: the default system:image-pullers binding ----------------------------------------------
  {
    name: `${OCP_PULL}: pulling image streams of the same project needs no action (the default system:image-pullers binding)`,
    image: SAME_PROJECT_IMAGE,
    manifests: [namespace(A)],
    expect: allowed(
      `get imagestreams/layers "web" in ${A}: granted by the default RoleBinding system:image-pullers of ${A} → ClusterRole system:image-puller`,
    ),
  },
  {
    name: `${OCP_PULL} ("the service account's dockercfg secret") + Kubernetes "ServiceAccount admission controller": a pod that lists its own imagePullSecrets lacks the account's registry token — RBAC allows, the pull is unknown, naming the secret to add`,
    image: SAME_PROJECT_IMAGE,
    puller: { namespace: A, imagePullSecrets: ['quay-robot'] },
    manifests: [namespace(A)],
    expect: {
      verdict: 'unknown',
      says: [
        'the default RoleBinding system:image-pullers',
        "does not add default's generated default-dockercfg-… secret",
      ],
    },
  },
  {
    name: `${OCP_PULL}: a pod that lists the account's generated dockercfg secret itself keeps the registry token`,
    image: SAME_PROJECT_IMAGE,
    puller: { namespace: A, imagePullSecrets: ['quay-robot', 'default-dockercfg-x7k2p'] },
    manifests: [namespace(A)],
    expect: allowed(`the default RoleBinding system:image-pullers of ${A}`),
  },
  {
    name: `${OCP_PULL} + ${SPEC} "a same-namespace pull is allowed by the default binding": no manifests at all`,
    image: SAME_PROJECT_IMAGE,
    manifests: null,
    expect: allowed(`the default RoleBinding system:image-pullers of ${A}`),
  },
  {
    name: `${OCP_PULL}: "all service accounts in a project have rights to pull any image in the same project" — not only default`,
    image: SAME_PROJECT_IMAGE,
    puller: { namespace: A, serviceAccount: 'frontend' },
    manifests: [namespace(A)],
    expect: allowed('system:image-pullers'),
  },
  {
    name: `${OCP_PULL} + the binding's annotation "remove subjects to disable": a system:image-pullers RoleBinding without subjects denies same-project pulls`,
    image: SAME_PROJECT_IMAGE,
    manifests: [namespace(A), disabledImagePullers(A)],
    expect: denied('default', A, A),
  },
  {
    name: `${OCP_PULL} + the binding's annotation: the subjects emptied to "subjects: []" disable it too`,
    image: SAME_PROJECT_IMAGE,
    manifests: [namespace(A), disabledImagePullers(A, [])],
    expect: denied('default', A, A),
  },
  {
    name: `${OCP_PULL} + ${K8S_RBAC_API} (subjects is optional; null as YAML writes an emptied key): "subjects:" left empty disables it`,
    image: SAME_PROJECT_IMAGE,
    manifests: [namespace(A), disabledImagePullers(A, null)],
    expect: denied('default', A, A),
  },
  {
    name: `${OCP_PULL}: the default bindings of another project (project-b) never reach project-a's service accounts`,
    manifests: BOTH_PROJECTS,
    expect: denied(),
  },

  // --- Across projects: oc policy add-role-to-user / add-role-to-group ---------------------------------------------
  {
    name: `${OCP_PULL}, "Allowing pods to reference images across projects": without a grant in project-b the pull is denied, fixed by oc policy add-role-to-user`,
    manifests: BOTH_PROJECTS,
    expect: {
      ...denied(),
      fix: {
        cli: userCommand('default', A),
        text: /Let system:serviceaccount:project-a:default pull from project project-b: bind the system:image-puller cluster role to it in project-b \(image stream base\)\.$/,
      },
    },
  },
  {
    name: `${OCP_PULL}: "oc policy add-role-to-user system:image-puller system:serviceaccount:project-a:default --namespace=project-b" (a ServiceAccount subject) allows it`,
    manifests: [...BOTH_PROJECTS, grantInB('system:image-puller')],
    expect: allowed(
      /^get imagestreams\/layers "base" in project-b: granted by RoleBinding system:image-puller \([^)]*deploy\/rbac\.yaml:\d+:1\) → ClusterRole system:image-puller$/,
    ),
  },
  {
    name: `${K8S_RBAC}, "Referring to subjects" (service account usernames are system:serviceaccount:NS:NAME): the same grant as a User subject allows it`,
    manifests: [
      ...BOTH_PROJECTS,
      grantInB('system:image-puller', user(`system:serviceaccount:${A}:default`)),
    ],
    expect: allowed('ClusterRole system:image-puller'),
  },
  {
    name: `${OCP_PULL}: "oc policy add-role-to-group system:image-puller system:serviceaccounts:project-a" allows any service account of project-a`,
    puller: { namespace: A, serviceAccount: 'frontend' },
    manifests: [...BOTH_PROJECTS, grantInB('system:image-puller', group(`system:serviceaccounts:${A}`))],
    expect: allowed('ClusterRole system:image-puller'),
  },
  {
    name: `${OCP_PULL}: the grant to project-a's default service account does not cover project-a's frontend service account`,
    puller: { namespace: A, serviceAccount: 'frontend' },
    manifests: [...BOTH_PROJECTS, grantInB('system:image-puller')],
    expect: denied('frontend'),
  },
  {
    name: `${OCP_PULL}: the group of another project (system:serviceaccounts:project-c) does not cover project-a`,
    manifests: [...BOTH_PROJECTS, grantInB('system:image-puller', group('system:serviceaccounts:project-c'))],
    expect: denied(),
  },
  {
    name: `${OCP_PULL}: a grant in project-c does not let project-a pull from project-b`,
    manifests: [
      ...BOTH_PROJECTS,
      namespace('project-c'),
      roleBinding('project-c', 'system:image-puller', { kind: 'ClusterRole', name: 'system:image-puller' }, [
        serviceAccountSubject('default', A),
      ]),
    ],
    expect: denied(),
  },
  {
    name: `${OCP_PULL} (group form) + ${SPEC} fixes: when several service accounts of project-a pull, the fix also offers oc policy add-role-to-group`,
    otherPullers: [{ namespace: A, serviceAccount: 'frontend' }],
    manifests: BOTH_PROJECTS,
    expect: {
      verdict: 'denied',
      fix: {
        cli: [
          userCommand('default', A),
          `# or, for every service account of ${A}:`,
          `oc policy add-role-to-group system:image-puller system:serviceaccounts:${A} --namespace=${B}`,
        ].join('\n'),
        text: /Several service accounts of project-a pull: binding the group system:serviceaccounts:project-a covers them all\./,
      },
    },
  },
  {
    name: `${OCP_PULL} + ${SPEC} fixes: a service account of another project pulling too does not make project-a's fix a group one`,
    otherPullers: [{ namespace: 'project-c' }],
    manifests: BOTH_PROJECTS,
    expect: denied(),
  },
  {
    name: `${SPEC} "a pull into a namespace they never mention is unknown": project-b is not in the manifests`,
    manifests: [namespace(A)],
    expect: unknown(
      `unknown: the RoleBindings of namespace ${B} are not in facts.kubernetes.manifests: add them (oc get rolebindings -n ${B} -o yaml)`,
    ),
  },
  {
    name: `${SPEC}: without any manifests a cross-project pull is unknown, naming project-b`,
    manifests: null,
    expect: unknown(`namespace ${B} are not in facts.kubernetes.manifests`),
  },
  {
    name: `${SPEC} + ${K8S_RBAC} (a ClusterRoleBinding grants in every namespace): project-b unmentioned, a cluster-wide grant still decides`,
    manifests: [
      namespace(A),
      clusterRoleBinding('pull-everywhere', 'system:image-puller', [group(`system:serviceaccounts:${A}`)]),
    ],
    expect: allowed('ClusterRoleBinding pull-everywhere'),
  },

  // --- Built-in roles that carry get imagestreams/layers ------------------------------------------------------------
  ...BUILT_IN_PULLERS.map(({ role: roleName, source }): RbacCase => ({
    name: `${source}: a RoleBinding of ${roleName} in project-b allows the pull`,
    manifests: [...BOTH_PROJECTS, grantInB(roleName)],
    expect: allowed(`→ ClusterRole ${roleName}`),
  })),
  {
    name: `${SPEC} "a role neither in the facts nor built in is unknown, naming it": an operator's ClusterRole, outside the built-in dataset, is never guessed`,
    manifests: [...BOTH_PROJECTS, grantInB('system:openshift:scc:restricted-v2')],
    expect: unknown(
      'ClusterRole system:openshift:scc:restricted-v2, which is neither in facts.kubernetes.manifests nor built in',
    ),
  },
  {
    name: `${OCP_RBAC}: cluster-reader bound cluster-wide (oc adm policy add-cluster-role-to-group) allows reads in every project`,
    manifests: [
      ...BOTH_PROJECTS,
      clusterRoleBinding('readers', 'cluster-reader', [group(`system:serviceaccounts:${A}`)]),
    ],
    expect: allowed('ClusterRoleBinding readers', '→ ClusterRole cluster-reader'),
  },
  {
    name: `${K8S_RBAC}, "Referring to subjects": a ClusterRoleBinding of system:image-puller to system:authenticated allows every service account`,
    manifests: [
      ...BOTH_PROJECTS,
      clusterRoleBinding('authenticated-pull', 'system:image-puller', [group('system:authenticated')]),
    ],
    expect: allowed('ClusterRoleBinding authenticated-pull'),
  },
  {
    name: `${K8S_RBAC}, "Referring to subjects": a RoleBinding to system:serviceaccounts (all service accounts in any namespace) allows it`,
    manifests: [...BOTH_PROJECTS, grantInB('system:image-puller', group('system:serviceaccounts'))],
    expect: allowed('→ ClusterRole system:image-puller'),
  },
  {
    name: `${K8S_RBAC}, "Referring to subjects": system:unauthenticated is not a group of a service account`,
    manifests: [...BOTH_PROJECTS, grantInB('system:image-puller', group('system:unauthenticated'))],
    expect: denied(),
  },
  {
    name: `${K8S_RBAC}, "ClusterRoleBinding example": a ClusterRoleBinding names its ServiceAccount subject's namespace`,
    manifests: [
      ...BOTH_PROJECTS,
      clusterRoleBinding('pullers', 'registry-viewer', [serviceAccountSubject('default', A)]),
    ],
    expect: allowed('ClusterRoleBinding pullers'),
  },
  {
    name: `${SPEC} §3 ("what facts mentions is complete"): a manifest ClusterRole named like a built-in one replaces it (system:image-puller without the pull rule)`,
    manifests: [
      ...BOTH_PROJECTS,
      clusterRole('system:image-puller', [rule(['image.openshift.io'], ['imagestreams'], ['get'])]),
      grantInB('system:image-puller'),
    ],
    expect: denied(),
  },

  // --- Roles written in the manifests: groups, resources, subresources, verbs, names --------------------------------
  {
    name: `${K8S_RBAC}, "Role and ClusterRole" / "RoleBinding and ClusterRoleBinding": a Role in project-b bound to the service account allows it`,
    manifests: [...BOTH_PROJECTS, ...roleInB(PULL_RULE)],
    expect: allowed(/RoleBinding image-reader \([^)]*deploy\/rbac\.yaml:\d+:1\) → Role image-reader/),
  },
  {
    name: `${OCP_AUTHZ} (the review asks API group image.openshift.io): a rule in the legacy group "" alone does not pull`,
    manifests: [...BOTH_PROJECTS, ...roleInB(rule([''], ['imagestreams/layers'], ['get']))],
    expect: denied(),
  },
  {
    name: `${K8S_RBAC}, "Role examples": apiGroups ["apps"] does not serve image streams`,
    manifests: [...BOTH_PROJECTS, ...roleInB(rule(['apps'], ['imagestreams/layers'], ['get']))],
    expect: denied(),
  },
  {
    name: `${K8S_RBAC}, "Referring to resources": a subresource is named resource/subresource, so "imagestreams" alone does not grant imagestreams/layers`,
    manifests: [
      ...BOTH_PROJECTS,
      ...roleInB(rule(['image.openshift.io'], ['imagestreams', 'imagestreamtags'], ['get'])),
    ],
    expect: denied(),
  },
  {
    name: `${OCP_AUTHZ} (resource "imagestreams/layers", no subresource) and ${K8S_EVAL} ("*/subresource" needs a subresource): resources ["*/layers"] does not pull`,
    manifests: [...BOTH_PROJECTS, ...roleInB(rule(['image.openshift.io'], ['*/layers'], ['get']))],
    expect: denied(),
  },
  {
    name: `${K8S_RBAC}, "Referring to resources" (wildcards): apiGroups, resources and verbs "*" grant everything`,
    manifests: [...BOTH_PROJECTS, ...roleInB(rule(['*'], ['*'], ['*']))],
    expect: allowed('→ Role image-reader'),
  },
  {
    name: `${OCP_PULL} (pull needs get, push needs update on imagestreams/layers): a Role with only update does not pull`,
    manifests: [
      ...BOTH_PROJECTS,
      ...roleInB(rule(['image.openshift.io'], ['imagestreams/layers'], ['update'])),
    ],
    expect: denied(),
  },
  {
    name: `${K8S_RBAC}, "Referring to resources" (resourceNames): a Role restricted to the image stream "base" allows pulling it`,
    manifests: [
      ...BOTH_PROJECTS,
      ...roleInB(rule(['image.openshift.io'], ['imagestreams/layers'], ['get'], ['base'])),
    ],
    expect: allowed('→ Role image-reader'),
  },
  {
    name: `${K8S_RBAC}, "Referring to resources" (resourceNames): a Role restricted to another image stream does not`,
    manifests: [
      ...BOTH_PROJECTS,
      ...roleInB(rule(['image.openshift.io'], ['imagestreams/layers'], ['get'], ['base-ubi', 'tools'])),
    ],
    expect: denied(),
  },
  {
    name: `${K8S_RBAC}, "RoleBinding examples" (a RoleBinding can reference a ClusterRole, granting within its namespace): a ClusterRole bound in project-b`,
    manifests: [
      ...BOTH_PROJECTS,
      clusterRole('image-stream-reader', [PULL_RULE]),
      grantInB('image-stream-reader'),
    ],
    expect: allowed('→ ClusterRole image-stream-reader'),
  },
  {
    name: `${K8S_RBAC}, "RoleBinding examples": the same ClusterRole bound in project-a grants nothing in project-b`,
    manifests: [
      ...BOTH_PROJECTS,
      clusterRole('image-stream-reader', [PULL_RULE]),
      roleBinding(A, 'image-stream-reader', { kind: 'ClusterRole', name: 'image-stream-reader' }, [
        serviceAccountSubject('default', A),
      ]),
    ],
    expect: denied(),
  },
  {
    name: `${K8S_RBAC}, "RoleBinding and ClusterRoleBinding" (a RoleBinding refers to a Role of its own namespace): a Role of project-a bound in project-b is not found`,
    manifests: [
      ...BOTH_PROJECTS,
      role(A, 'image-reader', [PULL_RULE]),
      roleBinding(B, 'image-reader', { kind: 'Role', name: 'image-reader' }, [
        serviceAccountSubject('default', A),
      ]),
    ],
    expect: unknown(
      'refers to Role image-reader, which is neither in facts.kubernetes.manifests nor built in',
    ),
  },
  {
    name: `${SPEC} "a binding to a role that is neither in the facts nor built in is unknown, naming the role"`,
    manifests: [...BOTH_PROJECTS, grantInB('team-image-reader')],
    expect: unknown(
      /^unknown: RoleBinding team-image-reader \([^)]*deploy\/rbac\.yaml:\d+:1\) refers to ClusterRole team-image-reader, which is neither in facts\.kubernetes\.manifests nor built in: add it to the manifests$/,
    ),
  },
  {
    name: `${SPEC}: a grant decides even when another binding of the service account refers to an unknown role`,
    manifests: [
      ...BOTH_PROJECTS,
      roleBinding(B, 'team', { kind: 'ClusterRole', name: 'team-image-reader' }, [
        serviceAccountSubject('default', A),
      ]),
      grantInB('system:image-puller'),
    ],
    expect: allowed('→ ClusterRole system:image-puller'),
  },
  {
    name: `${SPEC}: a binding to an unknown role for somebody else does not make the pull unknown`,
    manifests: [
      ...BOTH_PROJECTS,
      roleBinding(B, 'team', { kind: 'ClusterRole', name: 'team-image-reader' }, [user('alice')]),
    ],
    expect: denied(),
  },

  // --- ServiceAccount subjects without a namespace ----------------------------------------------------------------
  {
    name: `${K8S_SUBJECTS}: a ServiceAccount subject "frontend" without namespace in a project-b RoleBinding is project-b's frontend`,
    image: `${REGISTRY}/${B}/base:9.4`,
    puller: { namespace: B, serviceAccount: 'frontend' },
    manifests: [
      ...BOTH_PROJECTS,
      disabledImagePullers(B),
      roleBinding(B, 'frontend-pull', { kind: 'ClusterRole', name: 'system:image-puller' }, [
        serviceAccountSubject('frontend'),
      ]),
    ],
    expect: allowed('RoleBinding frontend-pull'),
  },
  {
    name: `${K8S_SUBJECTS}: the same subject without namespace is not project-a's frontend`,
    puller: { namespace: A, serviceAccount: 'frontend' },
    manifests: [
      ...BOTH_PROJECTS,
      roleBinding(B, 'frontend-pull', { kind: 'ClusterRole', name: 'system:image-puller' }, [
        serviceAccountSubject('frontend'),
      ]),
    ],
    expect: denied('frontend'),
  },

  // --- Aggregated ClusterRoles defined in the manifests ----------------------------------------------------------
  {
    name: `${K8S_RBAC}, "Aggregated ClusterRoles" (the "monitoring" example): rules of every ClusterRole whose labels match the aggregationRule`,
    manifests: [
      ...BOTH_PROJECTS,
      clusterRole('monitoring', [], {
        aggregationRule: {
          clusterRoleSelectors: [{ matchLabels: { 'rbac.example.com/aggregate-to-monitoring': 'true' } }],
        },
      }),
      clusterRole('monitoring-images', [PULL_RULE], {
        labels: { 'rbac.example.com/aggregate-to-monitoring': 'true' },
      }),
      grantInB('monitoring'),
    ],
    expect: allowed('→ ClusterRole monitoring'),
  },
  {
    name: `${K8S_RBAC}, "Aggregated ClusterRoles": a ClusterRole whose label does not match is not aggregated`,
    manifests: [
      ...BOTH_PROJECTS,
      clusterRole('monitoring', null, {
        aggregationRule: {
          clusterRoleSelectors: [{ matchLabels: { 'rbac.example.com/aggregate-to-monitoring': 'true' } }],
        },
      }),
      clusterRole('monitoring-images', [PULL_RULE], {
        labels: { 'rbac.example.com/aggregate-to-monitoring': 'false' },
      }),
      grantInB('monitoring'),
    ],
    expect: denied(),
  },
  {
    name: `${K8S_RBAC}, "Aggregated ClusterRoles" (clusterRoleSelectors are label selectors): matchExpressions In selects too`,
    manifests: [
      ...BOTH_PROJECTS,
      clusterRole('monitoring', [], {
        aggregationRule: {
          clusterRoleSelectors: [
            { matchExpressions: [{ key: 'team', operator: 'In', values: ['platform', 'images'] }] },
          ],
        },
      }),
      clusterRole('monitoring-images', [PULL_RULE], { labels: { team: 'images' } }),
      grantInB('monitoring'),
    ],
    expect: allowed('→ ClusterRole monitoring'),
  },

  // --- Registry hosts -------------------------------------------------------------------------------------------------
  {
    name: `${OCP_ROUTE} + ${SPEC} registryHosts: the default route host listed on the openshift target is the integrated registry`,
    image: `${ROUTE}/${B}/base:9.4`,
    registryHosts: [ROUTE],
    manifests: [...BOTH_PROJECTS, grantInB('system:image-puller')],
    expect: allowed('get imagestreams/layers "base" in project-b'),
  },
  {
    name: `${OCP_ROUTE} + ${SPEC} registryHosts: through the route, a missing grant is denied on the binding side like in-cluster pulls`,
    image: `${ROUTE}/${B}/base:9.4`,
    registryHosts: [ROUTE],
    manifests: BOTH_PROJECTS,
    expect: denied(),
  },
  {
    name: `${SPEC} §2: without registryHosts the route host is another registry, which needs a pull secret`,
    image: `${ROUTE}/${B}/base:9.4`,
    manifests: BOTH_PROJECTS,
    expect: {
      verdict: 'denied',
      registry: 'other',
      says: [`the default ServiceAccount of ${A} links no imagePullSecrets`],
    },
  },
  {
    name: `${SPEC} §2: the service host with .cluster.local is the integrated registry too`,
    image: `image-registry.openshift-image-registry.svc.cluster.local:5000/${B}/base:9.4`,
    manifests: [...BOTH_PROJECTS, grantInB('registry-viewer')],
    expect: allowed('→ ClusterRole registry-viewer'),
  },
  {
    name: `${SPEC} §3 (kubernetes targets): a kubernetes target pulling from the integrated registry follows the same RBAC rule`,
    platform: 'kubernetes',
    manifests: [...BOTH_PROJECTS, grantInB('system:image-puller')],
    expect: allowed('→ ClusterRole system:image-puller'),
  },

  // --- Manifests in list form -------------------------------------------------------------------------------------
  {
    name: `${K8S_RBAC_API} "RoleBindingList" (kubectl get rolebindings -o yaml): a List of RoleBindings is read item by item`,
    manifests: [
      ...BOTH_PROJECTS,
      {
        apiVersion: RBAC,
        kind: 'RoleBindingList',
        items: [
          roleBinding(B, 'unrelated', { kind: 'ClusterRole', name: 'view' }, [user('alice')]),
          grantInB('system:image-puller'),
        ],
      },
    ],
    expect: allowed(/RoleBinding system:image-puller \([^)]*deploy\/rbac\.yaml:\d+:\d+\)/),
  },
  {
    name: `${K8S_RBAC_API} (kubectl get -o yaml prints kind: List): a v1 List mixing Namespaces and RoleBindings`,
    manifests: [
      {
        apiVersion: 'v1',
        kind: 'List',
        items: [...BOTH_PROJECTS, grantInB('system:image-puller')],
      },
    ],
    expect: allowed('→ ClusterRole system:image-puller'),
  },
];

type Setup = Omit<RbacCase, 'name' | 'expect'>;

function configFor(c: Setup): Record<string, unknown> {
  const image = c.image ?? IMAGE;
  const target = (puller: Puller, i: number) => ({
    name: i === 0 ? 'ocp' : `ocp-${i}`,
    platform: c.platform ?? 'openshift',
    namespace: puller.namespace,
    ...(puller.serviceAccount ? { serviceAccount: puller.serviceAccount } : {}),
    ...(puller.imagePullSecrets ? { imagePullSecrets: puller.imagePullSecrets } : {}),
    ...(c.registryHosts ? { registryHosts: c.registryHosts } : {}),
  });
  return {
    version: 1,
    images: [image],
    targets: [c.puller ?? { namespace: A }, ...(c.otherPullers ?? [])].map(target),
    ...(c.manifests === null ? {} : { facts: { kubernetes: { manifests: ['deploy/*.yaml'] } } }),
  };
}

function assertExpected(result: PullResult, expect: Expected): void {
  const why = [...result.reasons, ...result.missing.map((grant) => grant.fix.text)].join('\n');
  assert.equal(result.verdict, expect.verdict, why);
  assert.equal(result.registry, expect.registry ?? 'openshift', why);
  for (const said of expect.says ?? []) {
    assert.ok(
      result.reasons.some((reason) => (typeof said === 'string' ? reason.includes(said) : said.test(reason))),
      `no reason says ${String(said)}\n${why}`,
    );
  }
  if (expect.verdict !== 'denied') {
    assert.deepEqual(result.missing, [], why);
    return;
  }
  if (expect.registry === 'other') return;
  assert.equal(result.missing.length, 1, why);
  const [grant] = result.missing;
  assert.equal(grant?.side, 'binding');
  assert.deepEqual(grant?.permissions, [PULL_PERMISSION]);
  if (expect.fix) {
    assert.equal(grant?.fix.snippets['cli'], expect.fix.cli);
    if (expect.fix.text) assert.match(grant?.fix.text ?? '', expect.fix.text);
  }
}

for (const c of cases) {
  test(c.name, () => {
    const written = writeCase(
      configFor(c),
      c.manifests === null ? {} : { 'rbac.yaml': yamlStream(...c.manifests) },
    );
    const report = check(written.config);
    const puller = c.puller ?? { namespace: A };
    const principal = `system:serviceaccount:${puller.namespace}:${puller.serviceAccount ?? 'default'}`;
    const result = report.results.find((row) => row.target === 'ocp');
    assert.ok(result, 'the first target has a result');
    assert.equal(result.principal, principal);
    assert.equal(result.image, c.image ?? IMAGE);
    assertExpected(result, c.expect);
    assert.deepEqual(report.findings, [], 'RBAC manifests carry no findings');
  });
}

// --- The fix, applied, makes the pull allowed --------------------------------------------------------------------

test(`${OCP_PULL}: the RoleBinding YAML of the fix is exact, and adding it to the manifests allows the pull`, () => {
  const before = writeCase(configFor({ manifests: BOTH_PROJECTS }), {
    'rbac.yaml': yamlStream(...BOTH_PROJECTS),
  });
  const [result] = check(before.config).results;
  assert.equal(result?.verdict, 'denied');
  const yaml = result?.missing[0]?.fix.snippets['yaml'];
  assert.equal(
    yaml,
    [
      'apiVersion: rbac.authorization.k8s.io/v1',
      'kind: RoleBinding',
      'metadata:',
      '  name: image-puller-project-a-default',
      '  namespace: project-b',
      'roleRef:',
      '  apiGroup: rbac.authorization.k8s.io',
      '  kind: ClusterRole',
      '  name: system:image-puller',
      'subjects:',
      '  - kind: ServiceAccount',
      '    name: default',
      '    namespace: project-a',
    ].join('\n'),
  );
  const after = writeCase(configFor({ manifests: BOTH_PROJECTS }), {
    'rbac.yaml': yamlStream(...BOTH_PROJECTS),
    'fix.yaml': `${yaml ?? ''}\n`,
  });
  const [fixed] = check(after.config).results;
  assert.equal(fixed?.verdict, 'allowed', fixed?.reasons.join('\n'));
  assert.match(
    fixed?.reasons[0] ?? '',
    /RoleBinding image-puller-project-a-default \([^)]*deploy\/fix\.yaml:1:1\)/,
  );
});

test(`${OCP_PULL} (group form): adding the group binding the fix offers allows every service account of project-a`, () => {
  const config = configFor({
    manifests: BOTH_PROJECTS,
    otherPullers: [{ namespace: A, serviceAccount: 'frontend' }],
  });
  const denying = check(writeCase(config, { 'rbac.yaml': yamlStream(...BOTH_PROJECTS) }).config);
  assert.deepEqual(
    denying.results.map((row) => [row.principal, row.verdict]),
    [
      [`system:serviceaccount:${A}:default`, 'denied'],
      [`system:serviceaccount:${A}:frontend`, 'denied'],
    ],
  );
  const groupBinding = grantInB('system:image-puller', group(`system:serviceaccounts:${A}`));
  const allowing = check(
    writeCase(config, { 'rbac.yaml': yamlStream(...BOTH_PROJECTS, groupBinding) }).config,
  );
  assert.deepEqual(
    allowing.results.map((row) => row.verdict),
    ['allowed', 'allowed'],
  );
});

// --- Manifests that are not RBAC: ignored, with a note ---------------------------------------------------------

test(`${SPEC} §3 (manifests are read for RBAC, ServiceAccounts, Secrets and Namespaces): other kinds are ignored with one low ignored-manifest finding per file`, () => {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: A },
    spec: { template: { spec: { containers: [{ name: 'web', image: SAME_PROJECT_IMAGE }] } } },
  };
  const imageStream = {
    apiVersion: 'image.openshift.io/v1',
    kind: 'ImageStream',
    metadata: { name: 'base', namespace: B },
  };
  // OpenShift 3's authorization.openshift.io RoleBinding has another shape: ignored like any other kind.
  const legacyBinding = {
    apiVersion: 'authorization.openshift.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'legacy', namespace: B },
    roleRef: { name: 'system:image-puller' },
    subjects: [serviceAccountSubject('default', A)],
  };
  // A kind named like another validator pullcheck compiles (registries.yaml's) is still just another kind.
  const registriesKind = { apiVersion: 'v1', kind: 'registries', metadata: { name: 'r' }, mirrors: 3 };
  const written = writeCase(configFor({ manifests: [] }), {
    'rbac.yaml': yamlStream(...BOTH_PROJECTS, deployment, imageStream, legacyBinding, registriesKind),
    'apps.yaml': yamlStream(deployment, { ...deployment, metadata: { name: 'api', namespace: A } }),
  });
  const report = check(written.config);
  assert.equal(report.results[0]?.verdict, 'denied', 'the legacy binding grants nothing');
  const note = (kinds: string) =>
    `objects of kind ${kinds} were ignored: facts.kubernetes.manifests are read for RBAC, ServiceAccounts, Secrets, Namespaces and ImageStreams`;
  assert.deepEqual(report.findings, [
    {
      severity: 'low',
      kind: 'ignored-manifest',
      file: shown(`${written.dir}/deploy/apps.yaml`),
      message: note('Deployment'),
    },
    {
      severity: 'low',
      kind: 'ignored-manifest',
      file: shown(`${written.dir}/deploy/rbac.yaml`),
      // An ImageStream is read: a push of a tag to a stream that exists needs no right to create one.
      message: note('Deployment, RoleBinding, registries'),
    },
  ]);
});

// --- Bad manifests: a clear error at file:line(:col), exit 2, never a crash ------------------------------------

interface BadCase {
  readonly name: string;
  readonly rbac?: string;
  readonly manifests?: readonly string[];
  /** Where the first problem is: the first occurrence of `text` in the file (`shift` columns on). */
  readonly at: { readonly in: 'config' | 'rbac'; readonly text: string; readonly shift?: number };
  readonly says: RegExp;
}

const ROLE_BINDING_WITHOUT_ROLE_REF = [
  'apiVersion: rbac.authorization.k8s.io/v1',
  'kind: RoleBinding',
  'metadata:',
  '  name: image-puller',
  `  namespace: ${B}`,
  'subjects:',
  '  - kind: ServiceAccount',
  '    name: default',
  `    namespace: ${A}`,
  '',
].join('\n');

const badCases: readonly BadCase[] = [
  {
    name: `${SPEC} §3 (errors name file, line and column): a YAML syntax error in a manifest`,
    rbac: [
      'apiVersion: rbac.authorization.k8s.io/v1',
      'kind: RoleBinding',
      'metadata:',
      '  name: image-puller',
      ` namespace: ${B}`,
      '',
    ].join('\n'),
    at: { in: 'rbac', text: ' namespace:' }, // the parser points at the line's indentation
    says: /^YAML syntax error: All mapping items must start at the same column$/,
  },
  {
    name: `${K8S_RBAC_API} "RoleBinding" (roleRef is required): a RoleBinding without roleRef is an error at its file and line`,
    rbac: `${yamlStream(namespace(B))}---\n${ROLE_BINDING_WITHOUT_ROLE_REF}`,
    at: { in: 'rbac', text: 'apiVersion: rbac' },
    says: /^RoleBinding: missing required key `roleRef`/,
  },
  {
    name: `${K8S_RBAC_API} "RoleBinding" (roleRef.kind is Role or ClusterRole): another kind is an error at it`,
    rbac: yamlStream({
      ...grantInB('system:image-puller'),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'system:image-puller' },
    }),
    at: { in: 'rbac', text: 'kind: Group', shift: 6 },
    says: /^RoleBinding: `roleRef\.kind`: expected Role or ClusterRole$/,
  },
  {
    name: `${K8S_RBAC_API} "Subject" (kind is User, Group or ServiceAccount): a misspelt subject kind is an error at it`,
    rbac: yamlStream(
      grantInB('system:image-puller', { kind: 'Serviceaccount', name: 'default', namespace: A }),
    ),
    at: { in: 'rbac', text: 'kind: Serviceaccount', shift: 6 },
    says: /`subjects\[0\]\.kind`: expected User, Group or ServiceAccount/,
  },
  {
    name: `${K8S_RBAC} (a ClusterRoleBinding has no namespace to give a ServiceAccount subject): the API server rejects it, so does pullcheck`,
    rbac: yamlStream(
      clusterRoleBinding('pullers', 'system:image-puller', [serviceAccountSubject('default')]),
    ),
    at: { in: 'rbac', text: '- kind: ServiceAccount', shift: 2 },
    says: /^ClusterRoleBinding: subjects\[0\] is a ServiceAccount without a namespace$/,
  },
  {
    name: `${K8S_RBAC_API}: a document that is not a Kubernetes object (no apiVersion/kind) is an error at it`,
    rbac: `${yamlStream(namespace(A))}---\n- just\n- a list\n`,
    at: { in: 'rbac', text: '- just' },
    says: /^expected a Kubernetes object with apiVersion and kind$/,
  },
  {
    name: `${SPEC} §3 (manifests globs are relative to the config file): a glob that matches no file is an error at its config line`,
    manifests: ['deploy/*.yaml', 'deploy/openshift/*.yml'],
    rbac: yamlStream(namespace(A)),
    at: { in: 'config', text: '- deploy/openshift/*.yml', shift: 2 },
    says: /^deploy\/openshift\/\*\.yml matches no file \(globs are relative to the config file\)$/,
  },
];

for (const bad of badCases) {
  test(bad.name, async () => {
    const config = {
      ...configFor({ manifests: [] }),
      facts: { kubernetes: { manifests: bad.manifests ?? ['deploy/*.yaml'] } },
    };
    const written = writeCase(config, bad.rbac === undefined ? {} : { 'rbac.yaml': bad.rbac });
    const rbacFile = `${written.dir}/deploy/rbac.yaml`;
    // The config is named as given; a manifest relative to the working directory.
    const [text, fileShown] =
      bad.at.in === 'config' ? [written.configText, written.config] : [bad.rbac ?? '', shown(rbacFile)];
    const found = positionOf(text, bad.at.text);
    const expected = { file: fileShown, line: found.line, column: found.column + (bad.at.shift ?? 0) };

    let problem: { where: { file: string; line: number; column: number }; message: string } | undefined;
    assert.throws(
      () => check(written.config),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError, String(error));
        problem = error.problems[0];
        return true;
      },
    );
    assert.deepEqual(problem?.where, expected);
    assert.match(problem?.message ?? '', bad.says);

    const cli = await runNode([
      'dist/cli.js',
      'check',
      '--config',
      written.config,
      '--offline',
      '--format',
      'json',
    ]);
    assert.equal(cli.code, 2, cli.stderr);
    assert.equal(cli.stdout, '');
    assert.ok(
      cli.stderr.includes(
        `pullcheck: error: ${expected.file}:${expected.line}:${expected.column}: ${problem?.message}`,
      ),
      cli.stderr,
    );
    assert.doesNotMatch(cli.stderr, /\n\s+at .*:\d+:\d+/, 'no stack trace');
  });
}
