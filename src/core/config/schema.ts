// The config file's one source of truth: TypeBox builds the JSON Schema (validated by Ajv, printed by
// `pullcheck schema`, published under schema/) and the TypeScript types from the same declarations. Each
// cloud's targets and facts are its own fragment (src/providers/*/schema.ts, pure TypeBox data built on
// ./schema-parts.ts); this file joins them into the config's frame.
import { Type, type Static, type TOptional, type TSchema } from '@sinclair/typebox';
import { providers } from '../../providers/index.ts';
import { GithubFacts } from './github-schema.ts';
import {
  closed,
  ImageRef,
  Namespace,
  TargetName,
  type DocumentPath,
  type SchemaFragment,
} from './schema-parts.ts';

type SchemaOf<P> = P extends { schema: infer S extends SchemaFragment } ? S : never;
type Fragment = SchemaOf<(typeof providers)[number]>;
/** The providers' schema fragments, in the provider list's order (the published schema's order). */
const SCHEMA_FRAGMENTS = providers.flatMap((provider): Fragment[] =>
  provider.schema === undefined ? [] : [provider.schema],
);
/** `facts.<name>`, `auth.<name>` and `endpoints.<key>` of every fragment that has one, typed. */
type FactsProperties = { [F in Fragment as F['name']]: TOptional<F['facts']> };
type AuthProperties = {
  [F in Fragment as F extends { auth: unknown } ? F['name'] : never]: F extends {
    auth: infer S extends TSchema;
  }
    ? TOptional<S>
    : never;
};
type EndpointProperties = {
  [F in Fragment as F extends { endpoints: { key: infer K extends string } } ? K : never]: F extends {
    endpoints: { schema: infer S extends TSchema };
  }
    ? TOptional<S>
    : never;
};

const factsProperties = Object.fromEntries(
  SCHEMA_FRAGMENTS.map((fragment) => [fragment.name, Type.Optional(fragment.facts)]),
) as FactsProperties;
const authProperties = Object.fromEntries(
  SCHEMA_FRAGMENTS.flatMap((fragment) =>
    'auth' in fragment ? [[fragment.name, Type.Optional(fragment.auth)]] : [],
  ),
) as AuthProperties;
const endpointProperties = Object.fromEntries(
  SCHEMA_FRAGMENTS.flatMap((fragment) =>
    'endpoints' in fragment ? [[fragment.endpoints.key, Type.Optional(fragment.endpoints.schema)]] : [],
  ),
) as EndpointProperties;

// Only what an image reference may hold, plus `*` and `?`: a `!`, brace or parenthesis would read as
// glob syntax that widens what is public (src/core/public-images.ts). At most three star runs: picomatch's
// regular expression backtracks through every split of a name (five runs on a 255-character name: 4 s).
const PublicImageGlob = Type.String({
  minLength: 1,
  maxLength: 1000,
  pattern: '^[A-Za-z0-9._:@/\\[\\]?-]*(?:\\*+[A-Za-z0-9._:@/\\[\\]?-]*){0,3}$',
  description:
    'an image glob: `*` and `?` within one path segment, `**` across segments (at most three star runs), e.g. docker.io/library/*',
});

const targetVariants = SCHEMA_FRAGMENTS.flatMap((fragment) => [...fragment.targets]);

export const PLATFORMS = targetVariants.map((variant) => variant.properties.platform.const);

// `discriminator` lets Ajv report errors for the chosen platform only, instead of every variant's.
const Target = Type.Unsafe<Static<(typeof targetVariants)[number]>>({
  type: 'object',
  discriminator: { propertyName: 'platform' },
  oneOf: targetVariants,
});

/** A list of targets on its own, as the action's `targets` input gives them. */
export const TargetListSchema = Type.Array(Target);

const DISCOVERY_PLATFORMS = ['openshift', 'kubernetes', 'eks', 'gke', 'k3s'] as const;
export type DiscoveryPlatform = (typeof DISCOVERY_PLATFORMS)[number];
export function isDiscoveryPlatform(platform: string): platform is DiscoveryPlatform {
  return (DISCOVERY_PLATFORMS as readonly string[]).includes(platform);
}

const Discover = Type.Object(
  {
    workflows: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), {
        description:
          'globs of GitHub Actions workflow files (relative to the config) whose pushed images join `images`',
      }),
    ),
    manifests: Type.Optional(
      Type.Array(
        Type.Object(
          {
            target: Type.String({
              ...TargetName,
              description: `the name of the declared target (${DISCOVERY_PLATFORMS.join(', ')}) these workloads run on`,
            }),
            paths: Type.Array(Type.String({ minLength: 1 }), {
              minItems: 1,
              description:
                'globs (relative to the config) of manifest files and directories: plain YAML, Kustomize roots, Helm charts',
            }),
            helm: Type.Optional(
              Type.Object(
                {
                  releaseName: Type.Optional(Type.String({ minLength: 1 })),
                  namespace: Type.Optional(Namespace),
                  values: Type.Optional(
                    Type.Array(Type.String({ minLength: 1 }), {
                      description: 'values files (relative to the config) for helm template',
                    }),
                  ),
                },
                closed,
              ),
            ),
          },
          closed,
        ),
        { description: 'deploy targets from manifests: which workloads run on which declared target' },
      ),
    ),
    variables: Type.Optional(
      // Closed: a key that fits no pattern (a space, a newline) is an error, not silently never read.
      Type.Record(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*$' }), Type.String(), {
        ...closed,
        description:
          'values workflows read that the repository does not hold: `NAME` or `vars.NAME` (a repository variable), `secrets.NAME` (only a value that is not secret, such as an account ID), or any expression path such as `steps.login-ecr.outputs.registry` or `github.repository`',
      }),
    ),
    allImages: Type.Optional(
      Type.Boolean({
        description:
          'check every image the manifests name, not only the images the workflow pushes (default false)',
      }),
    ),
  },
  { ...closed, description: 'read images and deploy targets from the repository itself' },
);

export const ConfigSchema = Type.Object(
  {
    version: Type.Literal(1),
    discover: Type.Optional(Discover),
    images: Type.Optional(Type.Array(ImageRef, { description: 'destinations the workflow pushes' })),
    publicImages: Type.Optional(
      Type.Array(PublicImageGlob, { description: 'globs of images anyone may pull' }),
    ),
    targets: Type.Optional(Type.Array(Target, { description: 'who must be able to pull' })),
    facts: Type.Optional(Type.Object({ ...factsProperties, github: Type.Optional(GithubFacts) }, closed)),
    auth: Type.Optional(Type.Object(authProperties, closed)),
    endpoints: Type.Optional(
      Type.Object(
        {
          registries: Type.Optional(
            Type.Record(
              Type.String(),
              Type.String({ pattern: '^https?://', description: 'a base URL, http(s)://HOST[:PORT]' }),
              {
                ...closed, // a key with a line break fits no pattern: without this its value went unchecked
                description:
                  'reach a registry host somewhere else (mirror, proxy, test): login writes credentials for both hosts',
              },
            ),
          ),
          ...endpointProperties,
        },
        closed,
      ),
    ),
  },
  { ...closed, title: 'pullcheck config (version 1)' },
);

/** Where the config holds policy documents (each fragment's, under its `facts.<name>`). */
export const DOCUMENT_PATHS: readonly DocumentPath[] = SCHEMA_FRAGMENTS.flatMap((fragment) =>
  fragment.documentPaths.map((entry: DocumentPath) => ({
    ...entry,
    path: ['facts', fragment.name, ...entry.path],
  })),
);

export type ConfigInput = Static<typeof ConfigSchema>;
export type TargetInput = NonNullable<ConfigInput['targets']>[number];
export type Platform = TargetInput['platform'];
export type DiscoverInput = Static<typeof Discover>;

/** The JSON Schema as published: plain JSON, without TypeBox's symbols. */
export function configJsonSchema(): object {
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...JSON.parse(JSON.stringify(ConfigSchema)) };
}
