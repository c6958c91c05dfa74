// The AWS part of the config contract: its targets (eks, ecs, aws-role, lambda), `facts.aws` and `auth.aws`.
import { Type, type Static } from '@sinclair/typebox';
import {
  closed,
  Document,
  ImageRef,
  NullableDocument,
  target,
  type DocumentPath,
  type SchemaFragment,
} from '../../core/config/schema-parts.ts';

export const AccountId = Type.String({
  pattern: '^[0-9]{12}$',
  description: 'a 12-digit AWS account id, quoted',
});
export const AwsRegion = Type.String({
  pattern: '^[a-z]{2}(-[a-z]+)+-[0-9]+$',
  description: 'an AWS region, e.g. us-east-1',
});
export const RoleArn = Type.String({
  pattern: '^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$',
  description: 'an IAM role ARN, arn:aws:iam::ACCOUNT:role/[PATH/]NAME',
});
// A task definition JSON file (as `aws ecs register-task-definition --cli-input-json` and the render action
// read it), relative to the config; `render` replaces container images as amazon-ecs-render-task-definition
// does before a deploy (its `container-name` and `image` inputs).
export const TaskDefinitionFile = Type.Union([
  Type.String({ minLength: 1, description: 'a task definition JSON file, relative to the config' }),
  Type.Object(
    {
      file: Type.String({ minLength: 1, description: 'a task definition JSON file, relative to the config' }),
      render: Type.Optional(
        Type.Record(Type.String({ minLength: 1 }), ImageRef, {
          description: 'the image each named container runs instead of the one the file writes',
        }),
      ),
    },
    closed,
  ),
]);
export const awsTargets = [
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
    taskDefinitions: Type.Optional(Type.Array(TaskDefinitionFile)),
  }),
  target('aws-role', { roles: Type.Array(RoleArn, { minItems: 1 }) }),
  // Lambda pulls a container-image function's image itself, as the service principal lambda.amazonaws.com.
  target('lambda', {
    account: Type.Optional(AccountId),
    region: Type.Optional(AwsRegion),
    function: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9_-]{1,140}$',
        description: "the function's name (a repository policy's aws:SourceArn condition may name it)",
      }),
    ),
  }),
] as const;

const OrganizationId = Type.String({
  pattern: '^o-[a-z0-9]{10,32}$',
  description: 'an organization id, o-…',
});
const ControlPolicies = (kind: string) =>
  Type.Optional(
    Type.Array(Document, {
      description: `every ${kind} attached here (documents, or the AWS-managed policy's ARN)`,
    }),
  );

// A root (r-…) or an OU (ou-…) id, as AWS Organizations writes them.
const UNIT_ID = '^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$';

/** Where an account or OU sits in its organization, and the control policies attached to it. */
function organizationNode(parent: string) {
  return {
    parent: Type.Optional(Type.String({ pattern: UNIT_ID, description: parent })),
    serviceControlPolicies: ControlPolicies('service control policy (SCP)'),
    resourceControlPolicies: ControlPolicies('resource control policy (RCP)'),
    unreadable: Type.Optional(
      Type.String({
        description:
          'why live reads could not read this (throttling, an error): the SCPs and RCPs it would add are unknown',
      }),
    ),
  };
}

const Unreadable = Type.Optional(
  Type.String({
    description:
      'why live reads could not read this (the permission to add); written by live reads and snapshots',
  }),
);

/** An IAM OIDC identity provider: its audiences (client IDs), or that it does not exist, or why it was not read. */
const AwsOidcProviderFacts = Type.Object(
  {
    arn: Type.String({
      pattern: '^arn:aws[a-z-]*:iam::[0-9]{12}:oidc-provider/.+$',
      description: 'arn:aws:iam::ACCOUNT:oidc-provider/token.actions.githubusercontent.com',
    }),
    clientIds: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), {
        description: 'the audiences the provider accepts (sts.amazonaws.com for configure-aws-credentials)',
      }),
    ),
    exists: Type.Optional(
      Type.Literal(false, {
        description:
          'false: the account has no such provider (live reads: not in ListOpenIDConnectProviders)',
      }),
    ),
    unreadable: Unreadable,
  },
  closed,
);

export const AwsRoleFacts = Type.Object(
  {
    arn: RoleArn,
    managedPolicies: Type.Optional(
      Type.Array(Type.String({ pattern: '^arn:aws[a-z-]*:iam::([0-9]{12}|aws):policy/.+$' }), {
        description: 'attached managed policy ARNs (AWS-managed resolve to built-in documents)',
      }),
    ),
    policies: Type.Optional(Type.Array(Document, { description: 'inline or customer-managed documents' })),
    permissionsBoundary: Type.Optional(NullableDocument),
    // The role's trust policy (AssumeRolePolicyDocument: aws iam get-role), for CI logins with an OIDC token.
    trustPolicy: Type.Optional(Document),
    unreadable: Unreadable,
  },
  closed,
);

export const AwsFacts = Type.Object(
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
            unreadable: Unreadable,
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
            unreadable: Unreadable,
            pullThroughCachePrefixes: Type.Optional(
              Type.Array(Type.String({ minLength: 1 }), {
                description: 'ecrRepositoryPrefix of each pull-through cache rule in this registry',
              }),
            ),
            createOnPushPrefixes: Type.Optional(
              Type.Array(Type.String({ minLength: 1 }), {
                description:
                  'prefix of each repository creation template applied for CREATE_ON_PUSH (ROOT: every repository); [] for none',
              }),
            ),
            creationTemplatesUnreadable: Type.Optional(
              Type.String({ description: 'why live reads could not read the repository creation templates' }),
            ),
            pullThroughCacheUnreadable: Type.Optional(
              Type.String({
                description:
                  'why live reads could not read the pull-through cache rules (the permission to add); the rules are then unknown, and so is every pull they would change',
              }),
            ),
          },
          closed,
        ),
      ),
    ),
    oidcProviders: Type.Optional(
      Type.Array(AwsOidcProviderFacts, {
        description:
          "the account's IAM OIDC identity providers a CI login names (aws iam list-open-id-connect-providers, get-open-id-connect-provider)",
      }),
    ),
    clusters: Type.Optional(
      Type.Array(
        Type.Object(
          {
            platform: Type.Union([Type.Literal('eks'), Type.Literal('ecs')]),
            name: Type.String({ minLength: 1 }),
            account: Type.Optional(AccountId),
            region: Type.Optional(AwsRegion),
            services: Type.Optional(
              Type.Array(Type.String({ minLength: 1 }), {
                description:
                  'ECS: the services whose task execution roles these are (a target lists its own)',
              }),
            ),
            roles: Type.Array(RoleArn, {
              description: 'node, Fargate and Auto Mode roles (EKS); task execution roles (ECS)',
            }),
            unreadable: Unreadable,
          },
          closed,
        ),
        { description: 'the pulling roles of EKS and ECS clusters, as live reads discover them' },
      ),
    ),
    accounts: Type.Optional(
      Type.Array(
        Type.Object(
          {
            id: AccountId,
            organizationId: Type.Optional(
              Type.Union([OrganizationId, Type.Null()], {
                description: 'null: the account is in no organization (AWSOrganizationsNotInUseException)',
              }),
            ),
            ...organizationNode('r-… or ou-…: the root or OU the account sits in'),
            takenAsAbsent: Type.Optional(
              Type.String({
                description:
                  'why live reads could not read the SCPs and RCPs that apply to it (access denied): they are taken as absent, and the reasons say why',
              }),
            ),
          },
          closed,
        ),
        {
          description:
            'AWS Organizations membership (for aws:PrincipalOrgID conditions) and, with `parent`, where the account sits and the SCPs and RCPs attached to it',
        },
      ),
    ),
    organizations: Type.Optional(
      Type.Array(
        Type.Object(
          {
            id: OrganizationId,
            managementAccount: Type.Optional(AccountId),
            units: Type.Optional(
              Type.Array(
                Type.Object(
                  {
                    id: Type.String({ pattern: UNIT_ID }),
                    ...organizationNode('the OU or root above (none: this is the root)'),
                  },
                  closed,
                ),
                { description: 'the root and the OUs, each with the SCPs and RCPs attached to it' },
              ),
            ),
          },
          closed,
        ),
        { description: 'AWS Organizations: the root, OUs and the control policies attached to them' },
      ),
    ),
  },
  closed,
);

export const AwsAuth = Type.Object(
  { roles: Type.Record(Type.String({ pattern: '^[0-9]{12}$' }), RoleArn, closed) },
  closed,
);

export type AwsFactsInput = Static<typeof AwsFacts>;
export type AwsRoleFactsInput = Static<typeof AwsRoleFacts>;

/** The documents in `facts.aws`: identity policies, boundaries (or a managed policy's ARN), resource policies. */
export const awsDocumentPaths: readonly DocumentPath[] = [
  { path: ['roles', '*', 'policies', '*'] },
  { path: ['roles', '*', 'permissionsBoundary'], orArn: true },
  { path: ['roles', '*', 'trustPolicy'] },
  { path: ['repositories', '*', 'policy'] },
  { path: ['registries', '*', 'policy'] },
  // SCPs and RCPs, or the ARN of an AWS-managed one (FullAWSAccess, RCPFullAWSAccess).
  { path: ['accounts', '*', 'serviceControlPolicies', '*'], orArn: true },
  { path: ['accounts', '*', 'resourceControlPolicies', '*'], orArn: true },
  { path: ['organizations', '*', 'units', '*', 'serviceControlPolicies', '*'], orArn: true },
  { path: ['organizations', '*', 'units', '*', 'resourceControlPolicies', '*'], orArn: true },
];

export const awsSchema = {
  name: 'aws',
  targets: awsTargets,
  facts: AwsFacts,
  documentPaths: awsDocumentPaths,
  auth: AwsAuth,
} as const satisfies SchemaFragment;
