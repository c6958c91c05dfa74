// The shape of each Kubernetes object kind the rules read from manifests (RBAC, service accounts, secrets'
// metadata, namespaces): data, so their validators are compiled at build time.
import { Type, type TSchema } from '@sinclair/typebox';

const open = { additionalProperties: true } as const;
const Strings = Type.Array(Type.String());
const Metadata = (namespaced: boolean) =>
  Type.Object(
    {
      name: Type.String({ minLength: 1 }),
      ...(namespaced ? { namespace: Type.Optional(Type.String({ minLength: 1 })) } : {}),
      labels: Type.Optional(Type.Record(Type.String(), Type.String())),
    },
    open,
  );
const Rule = Type.Object(
  {
    apiGroups: Type.Optional(Strings),
    resources: Type.Optional(Strings),
    verbs: Strings,
    resourceNames: Type.Optional(Strings),
    nonResourceURLs: Type.Optional(Strings),
  },
  open,
);
const Selector = Type.Object(
  {
    matchLabels: Type.Optional(Type.Record(Type.String(), Type.String())),
    matchExpressions: Type.Optional(
      Type.Array(
        Type.Object({
          key: Type.String(),
          operator: Type.Union(['In', 'NotIn', 'Exists', 'DoesNotExist'].map((op) => Type.Literal(op))),
          values: Type.Optional(Strings),
        }),
      ),
    ),
  },
  open,
);
const SubjectSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('User'), Type.Literal('Group'), Type.Literal('ServiceAccount')], {
      description: 'User, Group or ServiceAccount',
    }),
    name: Type.String({ minLength: 1 }),
    namespace: Type.Optional(Type.String()),
  },
  open,
);
const RoleRef = Type.Object(
  {
    kind: Type.Union([Type.Literal('Role'), Type.Literal('ClusterRole')], {
      description: 'Role or ClusterRole',
    }),
    name: Type.String({ minLength: 1 }),
  },
  open,
);

/** The shape of each object kind the rules read (their validators are compiled at build time too). */
export const CLUSTER_OBJECT_SCHEMAS: Record<string, TSchema> = {
  Role: Type.Object({ metadata: Metadata(true), rules: Type.Optional(Type.Array(Rule)) }, open),
  ClusterRole: Type.Object(
    {
      metadata: Metadata(false),
      rules: Type.Optional(Type.Array(Rule)),
      aggregationRule: Type.Optional(
        Type.Object({ clusterRoleSelectors: Type.Optional(Type.Array(Selector)) }, open),
      ),
    },
    open,
  ),
  RoleBinding: Type.Object(
    { metadata: Metadata(true), roleRef: RoleRef, subjects: Type.Optional(Type.Array(SubjectSchema)) },
    open,
  ),
  ClusterRoleBinding: Type.Object(
    { metadata: Metadata(false), roleRef: RoleRef, subjects: Type.Optional(Type.Array(SubjectSchema)) },
    open,
  ),
  ServiceAccount: Type.Object(
    {
      metadata: Metadata(true),
      imagePullSecrets: Type.Optional(Type.Array(Type.Object({ name: Type.String({ minLength: 1 }) }, open))),
    },
    open,
  ),
  Secret: Type.Object({ metadata: Metadata(true), type: Type.Optional(Type.String()) }, open),
  Namespace: Type.Object({ metadata: Metadata(false) }, open),
  Project: Type.Object({ metadata: Metadata(false) }, open),
};
