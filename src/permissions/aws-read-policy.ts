// The IAM policies the AWS live reads of a plan need: one per identity that reads (the base session, and
// each role `auth.aws.roles` names for an account, which reads that account's resources), each statement
// scoped to the plan's repositories, roles and clusters where the action allows it (aws-read-calls.ts).
// What the config states under `facts.aws` is never read, so it needs no permission.
import { parseRoleArn } from '../providers/aws/arn.ts';
import { ciPath, withExecutionRoles } from '../providers/aws/live-reads.ts';
import { knownKeys, type KnownKeys } from '../providers/aws/known-facts.ts';
import { awsPartition, ecrLocationOf } from '../providers/aws/registry.ts';
import { clusterFactsFor } from '../providers/aws/facts.ts';
import { githubProviderArn } from '../providers/aws/web-identity/collect-oidc.ts';
import type { TargetInput } from '../core/config/schema.ts';
import { wildcardMatches } from '../core/wildcard.ts';
import { actionsOf } from './aws-read-calls.ts';
import type { AwsPolicyDocument, AwsStatement, ReadPlan } from './read-plan.ts';

/** The base session (whatever credentials the check runs with), or a role of auth.aws.roles. */
export const BASE_SESSION = 'base session';

export interface AwsReadPolicy {
  /** Who needs it: BASE_SESSION, or the ARN of the role auth.aws.roles names for `accounts`. */
  readonly principal: string;
  /** The accounts whose resources it reads (the base session's own account, not known here, is left out). */
  readonly accounts: readonly string[];
  readonly document: AwsPolicyDocument;
}

interface Grant {
  readonly sid: string;
  readonly actions: readonly string[];
  readonly resources: Set<string>;
}

/** Statements by principal; a principal's statements by Sid, resources joined. */
class PolicyBuilder {
  readonly byPrincipal = new Map<string, { accounts: Set<string>; grants: Map<string, Grant> }>();

  constructor(private readonly roles: Readonly<Record<string, string>>) {}

  /** The identity that reads `account`'s resources (live-reads.ts accountCredentials). */
  principalOf(account: string | undefined): string {
    return (account !== undefined && this.roles[account]) || BASE_SESSION;
  }

  add(account: string | undefined, sid: string, actions: readonly string[], resources: readonly string[]) {
    const principal = this.principalOf(account);
    const entry = this.byPrincipal.get(principal) ?? { accounts: new Set(), grants: new Map() };
    if (account !== undefined) entry.accounts.add(account);
    const grant = entry.grants.get(sid) ?? { sid, actions, resources: new Set<string>() };
    for (const resource of resources) grant.resources.add(resource);
    entry.grants.set(sid, grant);
    this.byPrincipal.set(principal, entry);
  }

  policies(): AwsReadPolicy[] {
    return [...this.byPrincipal.entries()].map(([principal, { accounts, grants }]) => ({
      principal,
      accounts: [...accounts].sort(),
      document: {
        Version: '2012-10-17',
        Statement: [...grants.values()].map((grant): AwsStatement => ({
          Sid: grant.sid,
          Effect: 'Allow',
          Action: [...grant.actions],
          Resource: withoutCovered([...grant.resources]).sort(),
        })),
      },
    }));
  }
}

/** A resource another one's wildcard already covers (`role/x` beside `role/*`) is left out: same access. */
function withoutCovered(resources: readonly string[]): string[] {
  return resources.filter(
    (resource) => !resources.some((other) => other !== resource && wildcardMatches(other, resource)),
  );
}

export function awsReadPolicies(plan: ReadPlan): AwsReadPolicy[] {
  const roles = plan.config.input.auth?.aws?.roles ?? {};
  const known = knownKeys(plan.config.input.facts?.aws ?? {});
  const builder = new PolicyBuilder(roles);
  const ci = ciPath(plan);
  const images = [...new Set([...plan.plan.targets.flatMap((target) => target.images), ...ci.images])];
  const ecr = images.flatMap((image) => ecrLocationOf(image) ?? []);
  const targets = withExecutionRoles(plan.config);
  const clusterAccounts = clusterReads(targets, known, builder);
  const roleArns = roleReads(targets, ci, known, builder);
  registryReads(ecr, ci.registries, known, builder);
  organizationReads(ecr, [...roleArns, ...clusterAccounts], roles, known, builder);
  oidcProviderReads(ci.logins, plan.config.input.facts?.aws?.oidcProviders ?? [], builder);
  // Roles of other accounts are assumed by the base session (fromTemporaryCredentials: sts:AssumeRole).
  const assumed = Object.values(roles).filter((arn) => builder.byPrincipal.has(arn));
  if (assumed.length > 0) builder.add(undefined, 'AssumeReadRoles', actionsOf('AssumeRole'), assumed);
  return builder.policies();
}

/** EKS and ECS clusters the config does not state; the accounts their roles are read in. */
function clusterReads(targets: readonly TargetInput[], known: KnownKeys, builder: PolicyBuilder): string[] {
  const accounts: string[] = [];
  for (const target of targets) {
    if ((target.platform !== 'eks' && target.platform !== 'ecs') || !target.cluster || !target.region)
      continue;
    const services = target.platform === 'ecs' ? [...new Set(target.services ?? [])].sort() : undefined;
    if (target.platform === 'ecs' && services?.length === 0) continue;
    const where = { platform: target.platform, name: target.cluster, region: target.region };
    const account = target.account;
    if (
      clusterFactsFor(known.clusters, {
        ...where,
        ...(account ? { account } : {}),
        ...(services ? { services } : {}),
      })
    )
      continue;
    const arn = (type: string, rest: string) =>
      `arn:${awsPartition(target.region!)}:${target.platform}:${target.region}:${account ?? '*'}:${type}/${rest}`;
    const cluster = target.cluster;
    if (target.platform === 'eks') {
      builder.add(
        account,
        'ReadEksClusters',
        actionsOf('DescribeCluster', 'ListNodegroups', 'ListFargateProfiles'),
        [arn('cluster', cluster)],
      );
      builder.add(account, 'ReadEksNodegroups', actionsOf('DescribeNodegroup'), [
        arn('nodegroup', `${cluster}/*/*`),
      ]);
      builder.add(account, 'ReadEksFargateProfiles', actionsOf('DescribeFargateProfile'), [
        arn('fargateprofile', `${cluster}/*/*`),
      ]);
    } else {
      builder.add(
        account,
        'ReadEcsServices',
        actionsOf('DescribeServices'),
        (services ?? []).map((s) => arn('service', `${cluster}/${s}`)),
      );
      builder.add(account, 'ReadEcsTaskDefinitions', actionsOf('DescribeTaskDefinition'), ['*']);
    }
    // The roles the cluster names are known only once it is read: any role of its account.
    roleRead(`arn:${awsPartition(target.region)}:iam::${account ?? '*'}:role/*`, account, builder);
    accounts.push(account ?? '*');
  }
  return accounts;
}

/** The roles the targets and the CI path name, less those the config states; their ARNs. */
function roleReads(
  targets: readonly TargetInput[],
  ci: ReturnType<typeof ciPath>,
  known: KnownKeys,
  builder: PolicyBuilder,
): string[] {
  const arns = new Map<string, string>();
  for (const target of targets) {
    if ('roles' in target) for (const role of target.roles ?? []) arns.set(role.toLowerCase(), role);
    if ('nodeRole' in target && target.nodeRole) arns.set(target.nodeRole.toLowerCase(), target.nodeRole);
  }
  for (const role of [...ci.logins, ...ci.pushes]) arns.set(role.toLowerCase(), role);
  const read = [...arns.entries()].filter(([lower]) => !known.roles.has(lower)).map(([, arn]) => arn);
  for (const arn of read) roleRead(arn, parseRoleArn(arn)?.account, builder);
  return read;
}

/** A role's reads: the role, its inline policies, and its managed policies and boundary (unknown until read). */
function roleRead(arn: string, account: string | undefined, builder: PolicyBuilder) {
  const partition = /^arn:([^:]+):/.exec(arn)?.[1] ?? 'aws';
  builder.add(
    account,
    'ReadRoles',
    actionsOf('GetRole', 'ListAttachedRolePolicies', 'ListRolePolicies', 'GetRolePolicy'),
    [arn],
  );
  builder.add(account, 'ReadManagedPolicies', actionsOf('GetPolicy', 'GetPolicyVersion'), [
    `arn:${partition}:iam::${account ?? '*'}:policy/*`,
    `arn:${partition}:iam::aws:policy/*`,
  ]);
}

function registryReads(
  ecr: readonly { partition: string; account: string; region: string; repository: string }[],
  pushRegistries: readonly string[],
  known: KnownKeys,
  builder: PolicyBuilder,
) {
  for (const r of ecr) {
    const arn = `arn:${r.partition}:ecr:${r.region}:${r.account}:repository/${r.repository}`;
    if (!known.repositories.has(arn))
      builder.add(r.account, 'ReadRepositoryPolicies', actionsOf('GetRepositoryPolicy'), [arn]);
    const registry = `${r.account}/${r.region}`;
    if (known.registries.has(registry)) continue;
    builder.add(
      r.account,
      'ReadRegistrySettings',
      actionsOf('GetRegistryPolicy', 'GetAccountSetting', 'DescribePullThroughCacheRules'),
      ['*'],
    );
    if (pushRegistries.includes(registry))
      builder.add(r.account, 'ReadCreationTemplates', actionsOf('DescribeRepositoryCreationTemplates'), [
        '*',
      ]);
  }
}

/**
 * SCPs and RCPs (collect-organization.ts), read when an ECR image is pulled: DescribeOrganization with each
 * account's own credentials, then the listing with the management account's, which is not known here (the
 * base session's, unless auth.aws.roles names a role of it). A refusal of these is taken as absent.
 */
function organizationReads(
  ecr: readonly { account: string }[],
  readAccounts: readonly string[],
  roles: Readonly<Record<string, string>>,
  known: KnownKeys,
  builder: PolicyBuilder,
) {
  if (ecr.length === 0) return;
  const accounts = new Set([
    ...ecr.map((r) => r.account),
    ...readAccounts.map((arn) => parseRoleArn(arn)?.account ?? arn).filter((a) => /^\d{12}$/.test(a)),
  ]);
  const unread = [...accounts].filter((account) => !known.accounts.has(account));
  if (unread.length === 0) return;
  for (const account of unread)
    builder.add(roles[account] ? account : undefined, 'ReadOrganization', actionsOf('DescribeOrganization'), [
      '*',
    ]);
  builder.add(
    undefined,
    'ReadOrganizationControls',
    actionsOf('ListParents', 'ListPoliciesForTarget', 'DescribePolicy'),
    ['*'],
  );
}

/** The GitHub OIDC provider of each CI login role's account (web-identity/collect-oidc.ts). */
function oidcProviderReads(
  logins: readonly string[],
  stated: readonly { arn: string }[],
  builder: PolicyBuilder,
) {
  const known = new Set(stated.map((provider) => provider.arn.toLowerCase()));
  for (const arn of logins) {
    const role = parseRoleArn(arn);
    if (!role) continue;
    const wanted = githubProviderArn(role.partition, role.account);
    if (known.has(wanted.toLowerCase())) continue;
    builder.add(role.account, 'ListOidcProviders', actionsOf('ListOpenIDConnectProviders'), ['*']);
    // GitHub Enterprise's issuer adds /SLUG to the provider's ARN.
    builder.add(role.account, 'ReadOidcProviders', actionsOf('GetOpenIDConnectProvider'), [
      wanted,
      `${wanted}/*`,
    ]);
  }
}
