// The Kubernetes part of the config contract: its targets (openshift, kubernetes, k3s) and `facts.kubernetes`.
import { Type } from '@sinclair/typebox';
import {
  closed,
  Namespace,
  SecretName,
  ServiceAccountName,
  target,
  type SchemaFragment,
} from '../../core/config/schema-parts.ts';

const PodPullSecrets = Type.Array(SecretName, {
  description:
    "the pod spec's own imagePullSecrets (Secret names); when given, the service account's are not added",
});

// The nodes' kubelet image credential providers, and the AWS role ecr-credential-provider runs as there.
const nodeCredentials = {
  credentialProviderConfig: Type.Optional(
    Type.Union([Type.String({ minLength: 1 }), Type.Literal(false)], {
      description:
        "the nodes' kubelet CredentialProviderConfig (--image-credential-provider-config), relative to this file; false: the nodes run no image credential provider",
    }),
  ),
  nodeRole: Type.Optional(
    Type.String({
      pattern: '^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$',
      description:
        "the IAM role the nodes' ecr-credential-provider authenticates as (their instance profile's role)",
    }),
  ),
};

export const kubernetesTargets = [
  target('openshift', {
    namespace: Namespace,
    serviceAccount: Type.Optional(ServiceAccountName),
    registryHosts: Type.Optional(Type.Array(Type.String())),
    server: Type.Optional(Type.String()),
    imagePullSecrets: Type.Optional(PodPullSecrets),
  }),
  target('kubernetes', {
    namespace: Namespace,
    serviceAccount: Type.Optional(ServiceAccountName),
    imagePullSecrets: Type.Optional(PodPullSecrets),
    ...nodeCredentials,
  }),
  target('k3s', {
    registriesFile: Type.String({ minLength: 1 }),
    ...nodeCredentials,
    disableDefaultRegistryEndpoint: Type.Optional(
      Type.Boolean({
        description:
          'the nodes run k3s with --disable-default-registry-endpoint: a mirrored registry is pulled only from its mirrors (default false)',
      }),
    ),
    embeddedRegistry: Type.Optional(
      Type.Boolean({
        description:
          'the nodes run k3s with --embedded-registry: mirrored registries are first pulled from other nodes (default false)',
      }),
    ),
  }),
] as const;

// Whom a workflow's OpenShift login logs in as (issue 18): a token held in a secret names nobody offline.
const CiLogin = Type.Object(
  {
    secret: Type.String({
      pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
      description:
        'the GitHub secret a workflow logs in to OpenShift with (`secrets.NAME` as its token, or as its password)',
    }),
    user: Type.String({
      pattern: '^[^\\s/%]+$',
      description:
        'whom it logs in as: `oc whoami` run with that token (system:serviceaccount:NAMESPACE:NAME for a service account token)',
    }),
    groups: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), {
        description:
          "a user's OpenShift groups (oc get groups); unstated, a grant to another group leaves its pushes unknown",
      }),
    ),
  },
  closed,
);

export const KubernetesFacts = Type.Object(
  {
    ciLogins: Type.Optional(
      Type.Array(CiLogin, {
        description:
          'the identities behind the secrets workflows log in to OpenShift with, so their pushes to the integrated registry can be checked',
      }),
    ),
    manifests: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    objects: Type.Optional(
      Type.Array(Type.Object({ apiVersion: Type.String(), kind: Type.String() }), {
        description:
          'Kubernetes objects given inline, as live reads and snapshots write them (Secrets reduced to their registry keys)',
      }),
    ),
  },
  closed,
);

export const kubernetesSchema = {
  name: 'kubernetes',
  targets: kubernetesTargets,
  facts: KubernetesFacts,
  documentPaths: [],
  filePaths: [
    ['targets', '*', 'registriesFile'],
    ['targets', '*', 'credentialProviderConfig'],
    ['facts', 'kubernetes', 'manifests', '*'],
  ],
} as const satisfies SchemaFragment;
