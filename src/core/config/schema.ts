// The config file's one source of truth: TypeBox builds the JSON Schema (validated by Ajv, printed by
// `pullcheck schema`, published under schema/) and the TypeScript types from the same declarations.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { DNS1123_LABEL, DNS1123_SUBDOMAIN } from '../kubernetes-names.ts';
import type { LocatedDocument } from './document.ts';

const closed = { additionalProperties: false } as const;

const AccountId = Type.String({ pattern: '^[0-9]{12}$', description: 'a 12-digit AWS account id, quoted' });
const AwsRegion = Type.String({
  pattern: '^[a-z]{2}(-[a-z]+)+-[0-9]+$',
  description: 'an AWS region, e.g. us-east-1',
});
const RoleArn = Type.String({
  pattern: '^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$',
  description: 'an IAM role ARN, arn:aws:iam::ACCOUNT:role/[PATH/]NAME',
});
const ImageRef = Type.String({
  minLength: 1,
  description: 'an image reference, e.g. ACCOUNT.dkr.ecr.REGION.amazonaws.com/repo',
});

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

// Target names reach report lines and log lines: one printable line that starts with a letter or digit,
// so a name can neither break a line nor start one with `::` (a workflow command).
const TargetName = Type.String({
  pattern: '^[\\p{L}\\p{N}][^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]*$',
  maxLength: 100,
  description:
    'a target name: up to 100 characters on one line, starting with a letter or digit, no control characters',
});
const Namespace = Type.String({
  ...DNS1123_LABEL,
  description:
    'a namespace name: a DNS-1123 label (at most 63 lowercase letters, digits and -, starting and ending with a letter or digit)',
});
const ServiceAccountName = Type.String({
  ...DNS1123_SUBDOMAIN,
  description:
    'a service account name: a DNS-1123 subdomain (at most 253 lowercase letters, digits, - and ., starting and ending with a letter or digit)',
});
const SecretName = Type.String({
  ...DNS1123_SUBDOMAIN,
  description:
    'a Secret name: a DNS-1123 subdomain (at most 253 lowercase letters, digits, - and ., starting and ending with a letter or digit)',
});

/**
 * A policy document: inline (YAML/JSON object), a JSON string, or `{ file: path }` relative to the config.
 * The loader replaces every document with a LocatedDocument before anyone reads the config.
 */
const Document = Type.Unsafe<LocatedDocument>({
  description: 'a policy document: an inline object, a JSON string, or { file: path relative to the config }',
  anyOf: [
    {
      type: 'object',
      properties: { file: { type: 'string', minLength: 1 } },
      required: ['file'],
      additionalProperties: false,
    },
    { type: 'object' },
    { type: 'string' },
  ],
});
const NullableDocument = Type.Union([Document, Type.Null()]);

function target<P extends string, F extends Record<string, TSchema>>(platform: P, fields: F) {
  return Type.Object(
    {
      name: TargetName,
      platform: Type.Literal(platform),
      images: Type.Optional(
        Type.Array(ImageRef, { description: 'subset of images to check (default: all)' }),
      ),
      ...fields,
    },
    closed,
  );
}

const GkeServiceAccount = Type.Object(
  {
    email: Type.String({ minLength: 3, description: 'the node service account email' }),
    scopes: Type.Optional(Type.Array(Type.String(), { description: 'the node pool OAuth access scopes' })),
  },
  closed,
);
const ServiceAccountEmail = Type.Object({ email: Type.String({ minLength: 3 }) }, closed);

const PodPullSecrets = Type.Array(SecretName, {
  description:
    "the pod spec's own imagePullSecrets (Secret names); when given, the service account's are not added",
});

const targetVariants = [
  target('eks', {
    account: Type.Optional(AccountId),
    region: Type.Optional(AwsRegion),
    cluster: Type.Optional(Type.String()),
    roles: Type.Optional(Type.Array(RoleArn)),
  }),
  target('ecs', {
    account: Type.Optional(AccountId),
    region: Type.Optional(AwsRegion),
    cluster: Type.Optional(Type.String()),
    services: Type.Optional(Type.Array(Type.String())),
    roles: Type.Optional(Type.Array(RoleArn)),
  }),
  target('aws-role', { roles: Type.Array(RoleArn, { minItems: 1 }) }),
  target('gke', {
    project: Type.Optional(Type.String()),
    location: Type.Optional(Type.String()),
    cluster: Type.Optional(Type.String()),
    serviceAccounts: Type.Optional(Type.Array(GkeServiceAccount)),
  }),
  target('gcp-service-account', { serviceAccounts: Type.Array(ServiceAccountEmail, { minItems: 1 }) }),
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
  }),
  target('k3s', { registriesFile: Type.String({ minLength: 1 }) }),
] as const;

export const PLATFORMS = targetVariants.map((variant) => variant.properties.platform.const);

// `discriminator` lets Ajv report errors for the chosen platform only, instead of every variant's.
const Target = Type.Unsafe<Static<(typeof targetVariants)[number]>>({
  type: 'object',
  discriminator: { propertyName: 'platform' },
  oneOf: targetVariants,
});

/** A list of targets on its own, as the action's `targets` input gives them. */
export const TargetListSchema = Type.Array(Target);

const AwsRoleFacts = Type.Object(
  {
    arn: RoleArn,
    managedPolicies: Type.Optional(
      Type.Array(Type.String({ pattern: '^arn:aws[a-z-]*:iam::([0-9]{12}|aws):policy/.+$' }), {
        description: 'attached managed policy ARNs (AWS-managed resolve to built-in documents)',
      }),
    ),
    policies: Type.Optional(Type.Array(Document, { description: 'inline or customer-managed documents' })),
    permissionsBoundary: Type.Optional(NullableDocument),
    unreadable: Type.Optional(
      Type.String({
        description:
          'why live reads could not read this (the permission to add); written by live reads and snapshots',
      }),
    ),
  },
  closed,
);

const AwsFacts = Type.Object(
  {
    roles: Type.Optional(Type.Array(AwsRoleFacts)),
    repositories: Type.Optional(
      Type.Array(
        Type.Object(
          {
            arn: Type.String({
              pattern: '^arn:aws[a-z-]*:ecr:[a-z0-9-]+:[0-9]{12}:repository/.+$',
              description: 'an ECR repository ARN, arn:aws:ecr:REGION:ACCOUNT:repository/NAME',
            }),
            policy: Type.Optional(NullableDocument),
            exists: Type.Optional(
              Type.Literal(false, {
                description:
                  'false: the repository does not exist yet (live reads: RepositoryNotFoundException); a pull-through cache creates it on the first pull',
              }),
            ),
            unreadable: Type.Optional(
              Type.String({
                description:
                  'why live reads could not read this (the permission to add); written by live reads and snapshots',
              }),
            ),
          },
          closed,
        ),
      ),
    ),
    registries: Type.Optional(
      Type.Array(
        Type.Object(
          {
            account: AccountId,
            region: AwsRegion,
            scope: Type.Optional(Type.Union([Type.Literal('V1'), Type.Literal('V2')])),
            policy: Type.Optional(NullableDocument),
            unreadable: Type.Optional(
              Type.String({
                description:
                  'why live reads could not read this (the permission to add); written by live reads and snapshots',
              }),
            ),
            pullThroughCachePrefixes: Type.Optional(
              Type.Array(Type.String({ minLength: 1 }), {
                description: 'ecrRepositoryPrefix of each pull-through cache rule in this registry',
              }),
            ),
          },
          closed,
        ),
      ),
    ),
    clusters: Type.Optional(
      Type.Array(
        Type.Object(
          {
            platform: Type.Union([Type.Literal('eks'), Type.Literal('ecs')]),
            name: Type.String({ minLength: 1 }),
            account: Type.Optional(AccountId),
            region: Type.Optional(AwsRegion),
            roles: Type.Array(RoleArn, {
              description: 'node, Fargate and Auto Mode roles (EKS); task execution roles (ECS)',
            }),
            unreadable: Type.Optional(
              Type.String({
                description:
                  'why live reads could not read this (the permission to add); written by live reads and snapshots',
              }),
            ),
          },
          closed,
        ),
        { description: 'the pulling roles of EKS and ECS clusters, as live reads discover them' },
      ),
    ),
    accounts: Type.Optional(
      Type.Array(
        Type.Object(
          { id: AccountId, organizationId: Type.String({ pattern: '^o-[a-z0-9]{10,32}$' }) },
          closed,
        ),
        { description: 'AWS Organizations membership, for aws:PrincipalOrgID conditions' },
      ),
    ),
  },
  closed,
);

const GcpFacts = Type.Object(
  {
    projects: Type.Optional(
      Type.Array(
        Type.Object(
          {
            id: Type.String({ minLength: 1, description: 'the project id' }),
            number: Type.Optional(
              Type.String({ pattern: '^[0-9]+$', description: 'the project number, quoted' }),
            ),
            gcrBackend: Type.Optional(
              Type.Union([Type.Literal('artifact-registry'), Type.Literal('storage')]),
            ),
            ancestors: Type.Optional(
              Type.Array(Type.String({ pattern: '^(folders|organizations)/[0-9]+$' }), {
                description:
                  'folders/N and organizations/N above the project, nearest first (gcloud projects get-ancestors)',
              }),
            ),
            unreadable: Type.Optional(
              Type.String({
                description:
                  'why live reads could not read the number or ancestors (the permission to add); written by live reads and snapshots',
              }),
            ),
          },
          closed,
        ),
      ),
    ),
    iamPolicies: Type.Optional(
      Type.Array(
        Type.Object(
          {
            resource: Type.String({
              pattern:
                '^(projects/[^/]+(/locations/[^/]+/repositories/[^/]+)?|folders/[0-9]+|organizations/[0-9]+|buckets/[^/]+)$',
              description:
                'projects/P, projects/P/locations/L/repositories/R, folders/F, organizations/O or buckets/B',
            }),
            policy: Type.Optional(Document),
            unreadable: Type.Optional(
              Type.String({
                description:
                  'why live reads could not read this (the permission to add); written by live reads and snapshots',
              }),
            ),
          },
          closed,
        ),
      ),
    ),
    roles: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Type.String({
              pattern: '^(projects|organizations)/[^/]+/roles/[^/]+$',
              description: 'a custom role name, projects/P/roles/R or organizations/O/roles/R',
            }),
            includedPermissions: Type.Array(Type.String()),
          },
          closed,
        ),
      ),
    ),
    clusters: Type.Optional(
      Type.Array(
        Type.Object(
          {
            project: Type.String({ minLength: 1 }),
            location: Type.String({ minLength: 1 }),
            name: Type.String({ minLength: 1 }),
            nodePools: Type.Array(
              Type.Object(
                { name: Type.String(), serviceAccount: Type.String(), scopes: Type.Array(Type.String()) },
                closed,
              ),
            ),
            unreadable: Type.Optional(
              Type.String({
                description:
                  'why live reads could not read this (the permission to add); written by live reads and snapshots',
              }),
            ),
          },
          closed,
        ),
        { description: 'GKE node pools (service account and scopes), as live reads discover them' },
      ),
    ),
    groups: Type.Optional(
      Type.Array(
        Type.Object({ email: Type.String({ minLength: 3 }), members: Type.Array(Type.String()) }, closed),
      ),
    ),
  },
  closed,
);

const KubernetesFacts = Type.Object(
  {
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
    facts: Type.Optional(
      Type.Object(
        {
          aws: Type.Optional(AwsFacts),
          gcp: Type.Optional(GcpFacts),
          kubernetes: Type.Optional(KubernetesFacts),
        },
        closed,
      ),
    ),
    auth: Type.Optional(
      Type.Object(
        {
          aws: Type.Optional(
            Type.Object(
              { roles: Type.Record(Type.String({ pattern: '^[0-9]{12}$' }), RoleArn, closed) },
              closed,
            ),
          ),
        },
        closed,
      ),
    ),
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
          google: Type.Optional(
            Type.Object(
              {
                sts: Type.Optional(Type.String({ pattern: '^https?://' })),
                iamCredentials: Type.Optional(Type.String({ pattern: '^https?://' })),
                artifactRegistry: Type.Optional(Type.String({ pattern: '^https?://' })),
                resourceManager: Type.Optional(Type.String({ pattern: '^https?://' })),
                container: Type.Optional(Type.String({ pattern: '^https?://' })),
                storage: Type.Optional(Type.String({ pattern: '^https?://' })),
              },
              {
                ...closed,
                description:
                  'Google API base URLs (Private Service Connect endpoints): STS and IAM Credentials for login; Artifact Registry, Resource Manager, GKE and Storage for live reads',
              },
            ),
          ),
        },
        closed,
      ),
    ),
  },
  { ...closed, title: 'pullcheck config (version 1)' },
);

export type ConfigInput = Static<typeof ConfigSchema>;
export type TargetInput = NonNullable<ConfigInput['targets']>[number];
export type Platform = TargetInput['platform'];
export type AwsFactsInput = Static<typeof AwsFacts>;
export type AwsRoleFactsInput = Static<typeof AwsRoleFacts>;
export type GcpFactsInput = Static<typeof GcpFacts>;
export type DiscoverInput = Static<typeof Discover>;

/** The JSON Schema as published: plain JSON, without TypeBox's symbols. */
export function configJsonSchema(): object {
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...JSON.parse(JSON.stringify(ConfigSchema)) };
}
