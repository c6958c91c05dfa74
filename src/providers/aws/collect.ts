// Live AWS reads: exactly the facts the ECR rule needs, in the config's `facts.aws` format, each resource
// once (CallRunner), for the resources the config does not already state. What cannot be read becomes
// `unreadable`, naming the permission. AWS_ENDPOINT_URL_<SERVICE> is honoured by the SDK clients.
import { DescribeServicesCommand, DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import {
  ECRClient,
  GetAccountSettingCommand,
  GetRegistryPolicyCommand,
  GetRepositoryPolicyCommand,
  DescribePullThroughCacheRulesCommand,
} from '@aws-sdk/client-ecr';
import {
  DescribeClusterCommand,
  DescribeFargateProfileCommand,
  DescribeNodegroupCommand,
  EKSClient,
  ListFargateProfilesCommand,
  ListNodegroupsCommand,
} from '@aws-sdk/client-eks';
import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  type ListRolePoliciesCommandOutput,
} from '@aws-sdk/client-iam';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { CallOutcome, CallRunner } from '../../core/call-runner.ts';
import type { TargetInput } from '../../core/config/schema.ts';
import type { AwsFactsInput } from './schema.ts';
import type { ImageReference } from '../../core/image-reference.ts';
import { repositoryArn } from './arn.ts';
import { awsManagedPolicy } from './managed-policies.ts';

type Credentials = AwsCredentialIdentity | AwsCredentialIdentityProvider;

/** What live reads found, in the config's `facts.aws` format (documents as plain JSON). */
export interface CollectedAwsFacts {
  readonly roles?: readonly RoleFactsOut[];
  readonly repositories?: readonly RepositoryOut[];
  readonly registries?: readonly RegistryOut[];
  readonly clusters?: readonly ClusterOut[];
}
interface RoleFactsOut {
  arn: string;
  managedPolicies?: string[];
  policies?: unknown[];
  permissionsBoundary?: unknown;
  unreadable?: string;
}
interface RepositoryOut {
  arn: string;
  policy?: unknown;
  exists?: false;
  unreadable?: string;
}
interface RegistryOut {
  account: string;
  region: string;
  scope?: 'V1' | 'V2';
  policy?: unknown;
  unreadable?: string;
  pullThroughCachePrefixes?: string[];
}

export interface AwsCollectInput {
  readonly images: readonly ImageReference[];
  readonly targets: readonly TargetInput[];
  /** What the config states: those resources are used as given, never read. */
  readonly known: AwsFactsInput;
}

export interface AwsCollectOptions {
  readonly runner: CallRunner;
  /** Credentials for an account (the base session, or a role chained from it for that account). */
  readonly credentialsFor: (account: string | undefined) => Promise<Credentials>;
}

const PAGE_LIMIT = 50;

export async function collectAwsFacts(
  input: AwsCollectInput,
  options: AwsCollectOptions,
): Promise<CollectedAwsFacts> {
  const known = knownKeys(input.known);
  const clusters = await Promise.all(input.targets.map((target) => collectCluster(target, known, options)));
  const found = clusters.filter((cluster) => cluster !== undefined);
  const roleArns = new Set<string>();
  for (const target of input.targets)
    if ('roles' in target) for (const role of target.roles ?? []) roleArns.add(role);
  for (const cluster of found) for (const role of cluster.roles) roleArns.add(role);
  const roles = await Promise.all(
    [...roleArns]
      .filter((arn) => !known.roles.has(arn.toLowerCase()))
      .map((arn) => collectRole(arn, options)),
  );
  const ecrImages = input.images.flatMap((image) => (image.registry.kind === 'ecr' ? [image.registry] : []));
  const repositories = await Promise.all(
    [
      ...new Map(
        ecrImages.map((r) => [repositoryArn(r.partition, r.region, r.account, r.repository), r]),
      ).entries(),
    ]
      .filter(([arn]) => !known.repositories.has(arn))
      .map(([arn, registry]) => collectRepository(arn, registry, options)),
  );
  const registries = await Promise.all(
    [...new Map(ecrImages.map((r) => [`${r.account}/${r.region}`, r])).values()]
      .filter((r) => !known.registries.has(`${r.account}/${r.region}`))
      .map((r) => collectRegistry(r.account, r.region, options)),
  );
  return {
    ...(roles.length > 0 ? { roles } : {}),
    ...(repositories.length > 0 ? { repositories } : {}),
    ...(registries.length > 0 ? { registries } : {}),
    ...(found.length > 0 ? { clusters: found } : {}),
  };
}

function knownKeys(facts: AwsFactsInput) {
  return {
    roles: new Set((facts.roles ?? []).map((role) => role.arn.toLowerCase())),
    repositories: new Set((facts.repositories ?? []).map((repository) => repository.arn)),
    registries: new Set((facts.registries ?? []).map((registry) => `${registry.account}/${registry.region}`)),
    clusters: new Set((facts.clusters ?? []).map((cluster) => `${cluster.platform}/${cluster.name}`)),
  };
}

type ClusterOut = NonNullable<AwsFactsInput['clusters']>[number];

/** EKS: node group roles, Fargate pod execution roles, the Auto Mode node role. ECS: task execution roles. */
async function collectCluster(
  target: TargetInput,
  known: ReturnType<typeof knownKeys>,
  options: AwsCollectOptions,
): Promise<ClusterOut | undefined> {
  if ((target.platform !== 'eks' && target.platform !== 'ecs') || !target.cluster || !target.region)
    return undefined;
  if (known.clusters.has(`${target.platform}/${target.cluster}`)) return undefined;
  const where = {
    platform: target.platform,
    name: target.cluster,
    region: target.region,
    ...(target.account ? { account: target.account } : {}),
  };
  const credentials = await options.credentialsFor(target.account);
  const roles: string[] = [];
  const run = <T>(permission: string, resource: string, send: (signal: AbortSignal) => Promise<T>) =>
    options.runner.run({ key: `${permission} ${resource}`, permission, resource }, send);
  const fail = (message: string): ClusterOut => ({ ...where, roles, unreadable: message });
  const resource = `cluster ${target.cluster} in ${target.region}`;
  if (target.platform === 'eks') {
    const eks = new EKSClient({ region: target.region, credentials, maxAttempts: 1 });
    const cluster = await run('eks:DescribeCluster', resource, (abortSignal) =>
      eks.send(new DescribeClusterCommand({ name: target.cluster }), { abortSignal }),
    );
    if (!cluster.ok) return fail(cluster.message);
    const autoModeRole = (cluster.value.cluster as { computeConfig?: { nodeRoleArn?: string } } | undefined)
      ?.computeConfig?.nodeRoleArn;
    if (autoModeRole) roles.push(autoModeRole);
    const groups = await run('eks:ListNodegroups', resource, (abortSignal) =>
      eks.send(new ListNodegroupsCommand({ clusterName: target.cluster, maxResults: 100 }), { abortSignal }),
    );
    if (!groups.ok) return fail(groups.message);
    for (const nodegroupName of groups.value.nodegroups ?? []) {
      const group = await run(
        'eks:DescribeNodegroup',
        `node group ${nodegroupName} of ${resource}`,
        (abortSignal) =>
          eks.send(new DescribeNodegroupCommand({ clusterName: target.cluster, nodegroupName }), {
            abortSignal,
          }),
      );
      if (!group.ok) return fail(group.message);
      if (group.value.nodegroup?.nodeRole) roles.push(group.value.nodegroup.nodeRole);
    }
    const profiles = await run('eks:ListFargateProfiles', resource, (abortSignal) =>
      eks.send(new ListFargateProfilesCommand({ clusterName: target.cluster, maxResults: 100 }), {
        abortSignal,
      }),
    );
    if (!profiles.ok) return fail(profiles.message);
    for (const fargateProfileName of profiles.value.fargateProfileNames ?? []) {
      const profile = await run(
        'eks:DescribeFargateProfile',
        `Fargate profile ${fargateProfileName} of ${resource}`,
        (abortSignal) =>
          eks.send(new DescribeFargateProfileCommand({ clusterName: target.cluster, fargateProfileName }), {
            abortSignal,
          }),
      );
      if (!profile.ok) return fail(profile.message);
      if (profile.value.fargateProfile?.podExecutionRoleArn)
        roles.push(profile.value.fargateProfile.podExecutionRoleArn);
    }
  } else {
    const services = target.services ?? [];
    if (services.length === 0) return undefined;
    const ecs = new ECSClient({ region: target.region, credentials, maxAttempts: 1 });
    const described = await run('ecs:DescribeServices', resource, (abortSignal) =>
      ecs.send(new DescribeServicesCommand({ cluster: target.cluster, services }), { abortSignal }),
    );
    if (!described.ok) return fail(described.message);
    for (const taskDefinition of new Set(
      (described.value.services ?? []).flatMap((s) => (s.taskDefinition ? [s.taskDefinition] : [])),
    )) {
      const definition = await run('ecs:DescribeTaskDefinition', taskDefinition, (abortSignal) =>
        ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition }), { abortSignal }),
      );
      if (!definition.ok) return fail(definition.message);
      if (definition.value.taskDefinition?.executionRoleArn)
        roles.push(definition.value.taskDefinition.executionRoleArn);
    }
  }
  return { ...where, roles: [...new Set(roles)] };
}

async function collectRole(arn: string, options: AwsCollectOptions): Promise<RoleFactsOut> {
  const account = /^arn:[^:]+:iam::(\d{12}):/.exec(arn)?.[1];
  const name = arn.slice(arn.lastIndexOf('/') + 1);
  const iam = new IAMClient({
    region: 'us-east-1',
    credentials: await options.credentialsFor(account),
    maxAttempts: 1,
  });
  const run = <T>(permission: string, resource: string, send: (signal: AbortSignal) => Promise<T>) =>
    options.runner.run({ key: `${permission} ${resource}`, permission, resource }, send);
  const unreadable = (message: string): RoleFactsOut => ({ arn, unreadable: message });

  const role = await run('iam:GetRole', arn, (abortSignal) =>
    iam.send(new GetRoleCommand({ RoleName: name }), { abortSignal }),
  );
  if (!role.ok) return unreadable(role.message);
  const managedPolicies: string[] = [];
  const policies: unknown[] = [];
  let marker: string | undefined;
  for (let page = 0; page < PAGE_LIMIT; page++) {
    const attached = await run('iam:ListAttachedRolePolicies', `${arn}#${marker ?? ''}`, (abortSignal) =>
      iam.send(new ListAttachedRolePoliciesCommand({ RoleName: name, Marker: marker }), { abortSignal }),
    );
    if (!attached.ok) return unreadable(attached.message.replace(`#${marker ?? ''}`, ''));
    for (const policy of attached.value.AttachedPolicies ?? []) {
      if (!policy.PolicyArn) continue;
      const document = await managedDocument(policy.PolicyArn, run, iam);
      if (typeof document === 'string') managedPolicies.push(document);
      else if ('unreadable' in document) return unreadable(document.unreadable);
      else policies.push(document.document);
    }
    marker = attached.value.Marker;
    if (!attached.value.IsTruncated || !marker) break;
  }
  marker = undefined;
  for (let page = 0; page < PAGE_LIMIT; page++) {
    const names: CallOutcome<ListRolePoliciesCommandOutput> = await run(
      'iam:ListRolePolicies',
      `${arn}#${marker ?? ''}`,
      (abortSignal) =>
        iam.send(new ListRolePoliciesCommand({ RoleName: name, Marker: marker }), { abortSignal }),
    );
    if (!names.ok) return unreadable(names.message.replace(`#${marker ?? ''}`, ''));
    for (const policyName of names.value.PolicyNames ?? []) {
      const inline = await run('iam:GetRolePolicy', `${arn} policy ${policyName}`, (abortSignal) =>
        iam.send(new GetRolePolicyCommand({ RoleName: name, PolicyName: policyName }), { abortSignal }),
      );
      if (!inline.ok) return unreadable(inline.message);
      policies.push(policyDocument(inline.value.PolicyDocument));
    }
    marker = names.value.Marker;
    if (!names.value.IsTruncated || !marker) break;
  }
  const boundaryArn = role.value.Role?.PermissionsBoundary?.PermissionsBoundaryArn;
  let permissionsBoundary: unknown = null;
  if (boundaryArn) {
    const boundary = await managedDocument(boundaryArn, run, iam);
    if (typeof boundary === 'string') permissionsBoundary = boundary;
    else if ('unreadable' in boundary) return unreadable(boundary.unreadable);
    else permissionsBoundary = boundary.document;
  }
  return {
    arn: role.value.Role?.Arn ?? arn,
    ...(managedPolicies.length > 0 ? { managedPolicies } : {}),
    ...(policies.length > 0 ? { policies } : {}),
    permissionsBoundary,
  };
}

type Run = <T>(
  permission: string,
  resource: string,
  send: (signal: AbortSignal) => Promise<T>,
) => ReturnType<CallRunner['run']>;

/**
 * An attached policy: an AWS-managed ARN stays an ARN when its default version is the one the built-in
 * data holds (no download); otherwise its default version's document is fetched.
 */
async function managedDocument(
  policyArn: string,
  run: Run,
  iam: IAMClient,
): Promise<string | { document: unknown } | { unreadable: string }> {
  const policy = await run('iam:GetPolicy', policyArn, (abortSignal) =>
    iam.send(new GetPolicyCommand({ PolicyArn: policyArn }), { abortSignal }),
  );
  if (!policy.ok) return { unreadable: policy.message };
  const versionId = (policy.value as { Policy?: { DefaultVersionId?: string } }).Policy?.DefaultVersionId;
  const builtIn = awsManagedPolicy(policyArn);
  if (builtIn && builtIn.versionId === versionId) return policyArn;
  const version = await run('iam:GetPolicyVersion', `${policyArn} ${versionId ?? ''}`, (abortSignal) =>
    iam.send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: versionId }), { abortSignal }),
  );
  if (!version.ok) return { unreadable: version.message };
  return {
    document: policyDocument(
      (version.value as { PolicyVersion?: { Document?: string } }).PolicyVersion?.Document,
    ),
  };
}

/** IAM returns policy documents URL-encoded (IAM API reference, GetRolePolicy: "URL-encoded"). */
function policyDocument(encoded: string | undefined): unknown {
  if (!encoded) return {};
  const text = encoded.trimStart().startsWith('{') ? encoded : decodeURIComponent(encoded);
  return JSON.parse(text);
}

async function collectRepository(
  arn: string,
  registry: { account: string; region: string; repository: string },
  options: AwsCollectOptions,
): Promise<RepositoryOut> {
  const ecr = new ECRClient({
    region: registry.region,
    credentials: await options.credentialsFor(registry.account),
    maxAttempts: 1,
  });
  const result = await options.runner.run(
    { key: `ecr:GetRepositoryPolicy ${arn}`, permission: 'ecr:GetRepositoryPolicy', resource: arn },
    (abortSignal) =>
      ecr.send(
        new GetRepositoryPolicyCommand({ registryId: registry.account, repositoryName: registry.repository }),
        { abortSignal },
      ),
  );
  if (result.ok) return { arn, policy: result.value.policyText ? JSON.parse(result.value.policyText) : null };
  // RepositoryPolicyNotFoundException: the repository exists without a policy.
  if (result.kind === 'missing' && /RepositoryPolicyNotFound/.test(result.message))
    return { arn, policy: null };
  // RepositoryNotFoundException: a pull-through cache creates it on the first pull; anything else fails.
  if (result.kind === 'missing') return { arn, exists: false };
  return { arn, unreadable: result.message };
}

async function collectRegistry(
  account: string,
  region: string,
  options: AwsCollectOptions,
): Promise<RegistryOut> {
  const ecr = new ECRClient({ region, credentials: await options.credentialsFor(account), maxAttempts: 1 });
  const resource = `the registry of ${account} in ${region}`;
  const run = <T>(permission: string, send: (signal: AbortSignal) => Promise<T>) =>
    options.runner.run({ key: `${permission} ${account}/${region}`, permission, resource }, send);
  const policy = await run('ecr:GetRegistryPolicy', (abortSignal) =>
    ecr.send(new GetRegistryPolicyCommand({}), { abortSignal }),
  );
  const base = { account, region };
  let registryPolicy: unknown = null;
  if (policy.ok) registryPolicy = policy.value.policyText ? JSON.parse(policy.value.policyText) : null;
  else if (!(policy.kind === 'missing')) return { ...base, unreadable: policy.message };
  const scope = await run('ecr:GetAccountSetting', (abortSignal) =>
    ecr.send(new GetAccountSettingCommand({ name: 'REGISTRY_POLICY_SCOPE' }), { abortSignal }),
  );
  const rules = await run('ecr:DescribePullThroughCacheRules', (abortSignal) =>
    ecr.send(new DescribePullThroughCacheRulesCommand({}), { abortSignal }),
  );
  const value = scope.ok ? scope.value.value : undefined;
  const prefixes = rules.ok
    ? (rules.value.pullThroughCacheRules ?? []).flatMap((rule) =>
        rule.ecrRepositoryPrefix ? [rule.ecrRepositoryPrefix] : [],
      )
    : [];
  return {
    ...base,
    ...(value === 'V1' || value === 'V2' ? { scope: value } : {}),
    policy: registryPolicy,
    ...(prefixes.length > 0 ? { pullThroughCachePrefixes: prefixes } : {}),
  };
}
