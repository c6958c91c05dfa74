// The shape of a kubelet CredentialProviderConfig (kubelet.config.k8s.io v1alpha1, v1beta1, v1: the file the
// kubelet's --image-credential-provider-config names). The kubelet decodes it strictly (an unknown field is an
// error: pkg/credentialprovider/plugin/config_test.go "config with invalid typo"), so these objects are closed.
// Data, so its validator is compiled at build time.
import { Type, type Static } from '@sinclair/typebox';

const closed = { additionalProperties: false } as const;

export const CONFIG_API_VERSIONS = ['v1alpha1', 'v1beta1', 'v1'].map((v) => `kubelet.config.k8s.io/${v}`);
export const PLUGIN_API_VERSIONS = ['v1alpha1', 'v1beta1', 'v1'].map(
  (v) => `credentialprovider.kubelet.k8s.io/${v}`,
);
const literals = (values: readonly string[]) => Type.Union(values.map((value) => Type.Literal(value)));

const TokenAttributes = Type.Object(
  {
    serviceAccountTokenAudience: Type.String(),
    cacheType: Type.Optional(Type.String()),
    requireServiceAccount: Type.Optional(Type.Boolean()),
    requiredServiceAccountAnnotationKeys: Type.Optional(Type.Array(Type.String())),
    optionalServiceAccountAnnotationKeys: Type.Optional(Type.Array(Type.String())),
  },
  closed,
);

const Provider = Type.Object(
  {
    name: Type.String(),
    matchImages: Type.Array(Type.String()),
    defaultCacheDuration: Type.String({ description: 'a Go duration, e.g. 12h' }),
    apiVersion: literals(PLUGIN_API_VERSIONS),
    args: Type.Optional(Type.Array(Type.String())),
    env: Type.Optional(Type.Array(Type.Object({ name: Type.String(), value: Type.String() }, closed))),
    tokenAttributes: Type.Optional(TokenAttributes),
  },
  closed,
);

export const CredentialProviderConfigSchema = Type.Object(
  {
    kind: Type.Literal('CredentialProviderConfig'),
    apiVersion: literals(CONFIG_API_VERSIONS),
    providers: Type.Array(Provider),
  },
  { ...closed, title: 'kubelet CredentialProviderConfig' },
);

export type CredentialProviderConfigInput = Static<typeof CredentialProviderConfigSchema>;
export type CredentialProviderInput = CredentialProviderConfigInput['providers'][number];
