// The Google Cloud part of the config contract: its targets (gke, gcp-service-account, cloud-run), `facts.gcp` and
// `endpoints.google`.
import { Type, type Static } from '@sinclair/typebox';
import {
  closed,
  Document,
  target,
  type DocumentPath,
  type SchemaFragment,
} from '../../core/config/schema-parts.ts';

const GkeServiceAccount = Type.Object(
  {
    email: Type.String({ minLength: 3, description: 'the node service account email' }),
    scopes: Type.Optional(Type.Array(Type.String(), { description: 'the node pool OAuth access scopes' })),
  },
  closed,
);
const ServiceAccountEmail = Type.Object({ email: Type.String({ minLength: 3 }) }, closed);

export const gcpTargets = [
  target('gke', {
    project: Type.Optional(Type.String()),
    location: Type.Optional(Type.String()),
    cluster: Type.Optional(Type.String()),
    serviceAccounts: Type.Optional(Type.Array(GkeServiceAccount)),
  }),
  target('gcp-service-account', { serviceAccounts: Type.Array(ServiceAccountEmail, { minItems: 1 }) }),
  // Cloud Run imports a service's or job's image at deploy time, as the project's Cloud Run service agent.
  target('cloud-run', {
    project: Type.Optional(Type.String({ minLength: 1, description: 'the project id the service runs in' })),
    projectNumber: Type.Optional(
      Type.String({
        pattern: '^[0-9]+$',
        description:
          'the project number, quoted: it names the service agent (service-NUMBER@serverless-robot-prod…)',
      }),
    ),
    region: Type.Optional(Type.String({ minLength: 1 })),
    service: Type.Optional(Type.String({ minLength: 1 })),
    job: Type.Optional(Type.String({ minLength: 1 })),
  }),
] as const;

// `facts.gcp.denyPolicies` and `facts.gcp.principalAccessBoundaries`: the IAM layers that can only take a
// pull away. Deny policies as `gcloud iam policies get … --kind=denypolicies --format=json` prints them (the
// IAM v2 API's DenyPolicy), grouped by attachment point; PAB policies grouped by the principal set they are
// bound to (IAM v3 policy bindings). Sources: IAM "Deny policies", "Principal access boundary policies".
const UNREADABLE = Type.Optional(
  Type.String({
    description:
      'why live reads could not read this (the permission to add); written by live reads and snapshots',
  }),
);

/** v2 permission names: SERVICE_FQDN/RESOURCE.ACTION, with `*` permission groups ("Permissions supported in deny policies"). */
const V2_PERMISSION = Type.String({
  pattern: '^(\\*|[a-z0-9*-]+(\\.[a-z0-9*-]+)*\\.googleapis\\.com/[A-Za-z0-9_*-]+(\\.[A-Za-z0-9_*-]+)*)$',
  description:
    'a v2 permission name, SERVICE_FQDN/RESOURCE.ACTION (artifactregistry.googleapis.com/repositories.downloadArtifacts), or a group with *',
});
const Principals = Type.Array(Type.String({ minLength: 1, description: 'a v2 principal identifier' }));
const Condition = Type.Object(
  {
    expression: Type.String(),
    title: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    location: Type.Optional(Type.String()),
  },
  closed,
);

const DenyRule = Type.Object(
  {
    description: Type.Optional(Type.String()),
    denyRule: Type.Object(
      {
        deniedPrincipals: Type.Optional(Principals),
        exceptionPrincipals: Type.Optional(Principals),
        deniedPermissions: Type.Optional(Type.Array(V2_PERMISSION)),
        exceptionPermissions: Type.Optional(Type.Array(V2_PERMISSION)),
        denialCondition: Type.Optional(Condition),
      },
      closed,
    ),
  },
  closed,
);

const DenyPolicy = Type.Object(
  {
    name: Type.Optional(Type.String()),
    uid: Type.Optional(Type.String()),
    kind: Type.Optional(Type.String()),
    displayName: Type.Optional(Type.String()),
    etag: Type.Optional(Type.String()),
    createTime: Type.Optional(Type.String()),
    updateTime: Type.Optional(Type.String()),
    annotations: Type.Optional(Type.Record(Type.String(), Type.String())),
    rules: Type.Optional(Type.Array(DenyRule)),
  },
  closed,
);

const DenyPolicies = Type.Array(
  Type.Object(
    {
      attachmentPoint: Type.String({
        pattern: '^(projects/[^/]+|folders/[0-9]+|organizations/[0-9]+)$',
        description: 'projects/P, folders/F or organizations/O',
      }),
      policies: Type.Optional(
        Type.Array(DenyPolicy, {
          description: 'every deny policy attached there ([] : none); gcloud iam policies list/get',
        }),
      ),
      unreadable: UNREADABLE,
    },
    closed,
  ),
  { description: 'IAM deny policies of the projects, folders and organizations above the repositories' },
);

const PabPolicy = Type.Object(
  {
    name: Type.String({
      pattern: '^organizations/[0-9]+/locations/global/principalAccessBoundaryPolicies/[^/]+$',
    }),
    enforcementVersion: Type.Optional(Type.String()),
    rules: Type.Array(
      Type.Object(
        {
          resources: Type.Array(Type.String({ pattern: '^//cloudresourcemanager\\.googleapis\\.com/' })),
          effect: Type.Optional(Type.Literal('ALLOW')),
          description: Type.Optional(Type.String()),
        },
        closed,
      ),
    ),
    /** The policy binding's condition. */
    condition: Type.Optional(Condition),
  },
  closed,
);

const PrincipalAccessBoundaries = Type.Array(
  Type.Object(
    {
      principalSet: Type.String({
        pattern:
          '^principalSet://cloudresourcemanager\\.googleapis\\.com/(projects/[^/]+|folders/[0-9]+|organizations/[0-9]+)$',
        description: "the policy bindings' target: the principals of a project, folder or organization",
      }),
      policies: Type.Optional(
        Type.Array(PabPolicy, { description: 'the PAB policies bound to the set ([]: none)' }),
      ),
      unreadable: UNREADABLE,
    },
    closed,
  ),
  {
    description: 'principal access boundary policies bound to the principal sets the service accounts are in',
  },
);

// `facts.gcp.workloadIdentityProviders`: providers CI jobs log in through, as the IAM v1 API returns them
// (`gcloud iam workload-identity-pools providers describe … --format=json`), with their pool's state.
const ProviderState = Type.Optional(
  Type.Union([Type.Literal('ACTIVE'), Type.Literal('DELETED'), Type.Literal('STATE_UNSPECIFIED')]),
);
const WorkloadIdentityProviders = Type.Array(
  Type.Object(
    {
      name: Type.String({
        pattern: '^projects/[0-9]+/locations/global/workloadIdentityPools/[a-z0-9-]+/providers/[a-z0-9-]+$',
      }),
      attributeMapping: Type.Optional(Type.Record(Type.String(), Type.String())),
      attributeCondition: Type.Optional(Type.String()),
      oidc: Type.Optional(
        Type.Object(
          {
            issuerUri: Type.Optional(Type.String()),
            allowedAudiences: Type.Optional(Type.Array(Type.String())),
            jwksJson: Type.Optional(Type.String()),
          },
          closed,
        ),
      ),
      state: ProviderState,
      disabled: Type.Optional(Type.Boolean()),
      displayName: Type.Optional(Type.String()),
      description: Type.Optional(Type.String()),
      expireTime: Type.Optional(Type.String()),
      pool: Type.Optional(
        Type.Object({ state: ProviderState, disabled: Type.Optional(Type.Boolean()) }, closed),
      ),
      unreadable: UNREADABLE,
    },
    closed,
  ),
  { description: 'workload identity pool providers CI jobs log in through (google-github-actions/auth)' },
);

export const GcpFacts = Type.Object(
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
                '^(projects/[^/]+(/locations/[^/]+/repositories/[^/]+|/serviceAccounts/[^/]+@[^/]+)?|folders/[0-9]+|organizations/[0-9]+|buckets/[^/]+)$',
              description:
                'projects/P, projects/P/locations/L/repositories/R, projects/-/serviceAccounts/EMAIL, folders/F, organizations/O or buckets/B',
            }),
            policy: Type.Optional(Document),
            unreadable: UNREADABLE,
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
            unreadable: UNREADABLE,
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
    denyPolicies: Type.Optional(DenyPolicies),
    principalAccessBoundaries: Type.Optional(PrincipalAccessBoundaries),
    workloadIdentityProviders: Type.Optional(WorkloadIdentityProviders),
  },
  closed,
);

export const GoogleEndpoints = Type.Object(
  {
    sts: Type.Optional(Type.String({ pattern: '^https?://' })),
    iamCredentials: Type.Optional(Type.String({ pattern: '^https?://' })),
    artifactRegistry: Type.Optional(Type.String({ pattern: '^https?://' })),
    resourceManager: Type.Optional(Type.String({ pattern: '^https?://' })),
    container: Type.Optional(Type.String({ pattern: '^https?://' })),
    storage: Type.Optional(Type.String({ pattern: '^https?://' })),
    iam: Type.Optional(Type.String({ pattern: '^https?://' })),
  },
  {
    ...closed,
    description:
      'Google API base URLs (Private Service Connect endpoints): STS and IAM Credentials for login; Artifact Registry, Resource Manager, GKE, Storage and IAM (deny and principal access boundary policies) for live reads',
  },
);

export type GcpFactsInput = Static<typeof GcpFacts>;

/** The documents in `facts.gcp`: IAM policies. */
export const gcpDocumentPaths: readonly DocumentPath[] = [{ path: ['iamPolicies', '*', 'policy'] }];

export const gcpSchema = {
  name: 'gcp',
  targets: gcpTargets,
  facts: GcpFacts,
  documentPaths: gcpDocumentPaths,
  endpoints: { key: 'google', schema: GoogleEndpoints },
} as const satisfies SchemaFragment;
