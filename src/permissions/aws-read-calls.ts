// Every AWS call the live reads send (src/providers/aws/collect*.ts, web-identity/collect-oidc.ts), the IAM
// action it needs and the resource type the action can be scoped to. One table: the policy generator
// builds from it, and a test fails when a collector sends a command the table lacks.
// Resource types: AWS Service Authorization Reference, "Actions, resources, and condition keys for …"
//   ECR: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerregistry.html
//   IAM: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html
//   EKS: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelastickubernetesservice.html
//   ECS: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html
//   Organizations: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsorganizations.html
//   STS: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html

/** What an action can be scoped to; `*`: the action supports no resource-level permissions. */
export type AwsResourceType =
  | 'repository'
  | 'role'
  | 'policy'
  | 'oidc-provider'
  | 'cluster'
  | 'nodegroup'
  | 'fargateprofile'
  | 'service'
  | '*';

export interface AwsReadCall {
  /** The IAM action, as the collector names it in an `unknown` reason. */
  readonly action: string;
  readonly resource: AwsResourceType;
}

/** By SDK command name (`GetRoleCommand` → `GetRole`), as the collectors send them. */
export const AWS_READ_CALLS = {
  // ECR: the repository policy is per repository; the registry-wide reads support only `*`.
  GetRepositoryPolicy: { action: 'ecr:GetRepositoryPolicy', resource: 'repository' },
  GetRegistryPolicy: { action: 'ecr:GetRegistryPolicy', resource: '*' },
  GetAccountSetting: { action: 'ecr:GetAccountSetting', resource: '*' },
  DescribePullThroughCacheRules: { action: 'ecr:DescribePullThroughCacheRules', resource: '*' },
  DescribeRepositoryCreationTemplates: { action: 'ecr:DescribeRepositoryCreationTemplates', resource: '*' },
  // IAM: role reads on the role ARN; managed policies (unknown until the role is read) on policy ARNs.
  GetRole: { action: 'iam:GetRole', resource: 'role' },
  ListAttachedRolePolicies: { action: 'iam:ListAttachedRolePolicies', resource: 'role' },
  ListRolePolicies: { action: 'iam:ListRolePolicies', resource: 'role' },
  GetRolePolicy: { action: 'iam:GetRolePolicy', resource: 'role' },
  GetPolicy: { action: 'iam:GetPolicy', resource: 'policy' },
  GetPolicyVersion: { action: 'iam:GetPolicyVersion', resource: 'policy' },
  ListOpenIDConnectProviders: { action: 'iam:ListOpenIDConnectProviders', resource: '*' },
  GetOpenIDConnectProvider: { action: 'iam:GetOpenIDConnectProvider', resource: 'oidc-provider' },
  // EKS: list calls are on the cluster; node groups and Fargate profiles have their own ARNs.
  DescribeCluster: { action: 'eks:DescribeCluster', resource: 'cluster' },
  ListNodegroups: { action: 'eks:ListNodegroups', resource: 'cluster' },
  DescribeNodegroup: { action: 'eks:DescribeNodegroup', resource: 'nodegroup' },
  ListFargateProfiles: { action: 'eks:ListFargateProfiles', resource: 'cluster' },
  DescribeFargateProfile: { action: 'eks:DescribeFargateProfile', resource: 'fargateprofile' },
  // ECS: DescribeServices on the service ARN; DescribeTaskDefinition supports only `*`.
  DescribeServices: { action: 'ecs:DescribeServices', resource: 'service' },
  DescribeTaskDefinition: { action: 'ecs:DescribeTaskDefinition', resource: '*' },
  // Organizations: DescribeOrganization only `*`; the others take account/OU/root/policy ARNs that hold
  // the organization's ID, which the config does not know, so `*`.
  DescribeOrganization: { action: 'organizations:DescribeOrganization', resource: '*' },
  ListParents: { action: 'organizations:ListParents', resource: '*' },
  ListPoliciesForTarget: { action: 'organizations:ListPoliciesForTarget', resource: '*' },
  DescribePolicy: { action: 'organizations:DescribePolicy', resource: '*' },
  // STS: "No permissions are required to perform this operation" (GetCallerIdentity API reference): no entry
  // in the policy. AssumeRole (auth.aws.roles) is in the base session's policy, on the roles it names.
  GetCallerIdentity: { action: 'sts:GetCallerIdentity', resource: '*' },
  AssumeRole: { action: 'sts:AssumeRole', resource: 'role' },
} as const satisfies Record<string, AwsReadCall>;

export type AwsReadCallName = keyof typeof AWS_READ_CALLS;

/** The actions of these calls. */
export function actionsOf(...names: readonly AwsReadCallName[]): string[] {
  return names.map((name) => AWS_READ_CALLS[name].action);
}
