// Live AWS reads: exactly the facts the ECR rule needs, in the config's `facts.aws` format, each resource
// once (CallRunner), for the resources the config does not already state. What cannot be read becomes
// `unreadable`, naming the permission. AWS_ENDPOINT_URL_<SERVICE> is honoured by the SDK clients.
import {
  GetAccountSettingCommand,
  GetRegistryPolicyCommand,
  GetRepositoryPolicyCommand,
} from '@aws-sdk/client-ecr';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { CallRunner } from '../../core/call-runner.ts';
import type { TargetInput } from '../../core/config/schema.ts';
import type { AwsFactsInput } from './schema.ts';
import type { ImageReference } from '../../core/image-reference.ts';
import { repositoryArn } from './arn.ts';
import { AwsClients } from './clients.ts';
import { ecrLocationOf } from './registry.ts';
import { collectCluster, type ClusterOut } from './collect-cluster.ts';
import { collectRole, type RoleFactsOut } from './collect-role.ts';
import { collectOrganizations, type AccountOut, type OrganizationOut } from './collect-organization.ts';
import { parseRoleArn } from './arn.ts';
import { readCiOidcProviders, type OidcProviderOut } from './web-identity/collect-oidc.ts';
import { cacheRulePrefixes, createOnPushPrefixes } from './collect-registry-prefixes.ts';
import { knownKeys, type KnownKeys } from './known-facts.ts';

export type { KnownKeys } from './known-facts.ts';

type Credentials = AwsCredentialIdentity | AwsCredentialIdentityProvider;

/** What live reads found, in the config's `facts.aws` format (documents as plain JSON). */
export interface CollectedAwsFacts {
  readonly roles?: readonly RoleFactsOut[];
  readonly repositories?: readonly RepositoryOut[];
  readonly registries?: readonly RegistryOut[];
  readonly clusters?: readonly ClusterOut[];
  readonly accounts?: readonly AccountOut[];
  readonly organizations?: readonly OrganizationOut[];
  readonly oidcProviders?: readonly OidcProviderOut[];
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
  pullThroughCacheUnreadable?: string;
  createOnPushPrefixes?: string[];
  creationTemplatesUnreadable?: string;
}

export interface AwsCollectInput {
  readonly images: readonly ImageReference[];
  readonly targets: readonly TargetInput[];
  /** What the config states: those resources are used as given, never read. */
  readonly known: AwsFactsInput;
  /** Roles the CI path logs in as (read with their trust policy) or pushes as (issue 18). */
  readonly ciRoles?: {
    readonly logins: readonly string[];
    readonly pushes: readonly string[];
    /** `ACCOUNT/REGION` of the registries CI pushes to: their CREATE_ON_PUSH templates are read too. */
    readonly pushRegistries?: readonly string[];
  };
}

export interface AwsCollectOptions {
  readonly runner: CallRunner;
  /** Credentials for an account (the base session, or a role chained from it for that account). */
  readonly credentialsFor: (account: string | undefined) => Promise<Credentials>;
  /** The accounts credentialsFor gives a role of that very account for (auth.aws.roles). */
  readonly roleAccounts?: ReadonlySet<string>;
}

/** What each read uses: the runner, and the clients shared by the whole collection. */
export interface AwsReadOptions {
  readonly runner: CallRunner;
  readonly clients: AwsClients;
  readonly roleAccounts: ReadonlySet<string>;
}

export async function collectAwsFacts(
  input: AwsCollectInput,
  collectOptions: AwsCollectOptions,
): Promise<CollectedAwsFacts> {
  const { runner } = collectOptions;
  const clients = new AwsClients(collectOptions.credentialsFor, runner);
  try {
    const roleAccounts = collectOptions.roleAccounts ?? new Set<string>();
    return await collectWith(input, { runner, clients, roleAccounts });
  } finally {
    clients.destroy();
  }
}

async function collectWith(input: AwsCollectInput, options: AwsReadOptions): Promise<CollectedAwsFacts> {
  const known = knownKeys(input.known);
  // The repositories and registries do not wait for the clusters and roles: the runner keeps every
  // independent call in flight at once, up to its concurrency.
  const [{ found, roles, organizations }, repositories, registries, oidcProviders] = await Promise.all([
    clustersAndRoles(input, known, options).then(async (read) => ({
      ...read,
      organizations: await readOrganizations(input, read.roleArns, known, options),
    })),
    readRepositories(input, known, options),
    readRegistries(input, known, options),
    readCiOidcProviders(input.ciRoles?.logins ?? [], input.known, options),
  ]);
  return {
    ...(roles.length > 0 ? { roles } : {}),
    ...(repositories.length > 0 ? { repositories } : {}),
    ...(registries.length > 0 ? { registries } : {}),
    ...(found.length > 0 ? { clusters: found } : {}),
    ...(organizations.accounts.length > 0 ? { accounts: organizations.accounts } : {}),
    ...(organizations.organizations.length > 0 ? { organizations: organizations.organizations } : {}),
    ...(oidcProviders.length > 0 ? { oidcProviders } : {}),
  };
}

/**
 * The SCPs and RCPs of the accounts an ECR pull involves (the pulling roles', the repositories') that the
 * config does not state: SCPs restrict the roles, RCPs the repositories (control-policies.ts).
 */
function readOrganizations(
  input: AwsCollectInput,
  roleArns: ReadonlySet<string>,
  known: KnownKeys,
  options: AwsReadOptions,
) {
  const ecrImages = input.images.flatMap((image) => ecrLocationOf(image) ?? []);
  if (ecrImages.length === 0) return Promise.resolve({ accounts: [], organizations: [] });
  const accounts = new Set(ecrImages.map((image) => image.account));
  for (const arn of roleArns) {
    const account = parseRoleArn(arn)?.account;
    if (account) accounts.add(account);
  }
  return collectOrganizations(
    [...accounts].filter((account) => !known.accounts.has(account)),
    options,
  );
}

/** The clusters' roles first (a cluster names roles), then every role the targets and clusters name. */
async function clustersAndRoles(input: AwsCollectInput, known: KnownKeys, options: AwsReadOptions) {
  const clusters = await Promise.all(input.targets.map((target) => collectCluster(target, known, options)));
  const found = clusters.filter((cluster) => cluster !== undefined);
  const roleArns = new Set<string>();
  for (const target of input.targets)
    if ('roles' in target) for (const role of target.roles ?? []) roleArns.add(role);
  // A kubernetes or k3s node's ecr-credential-provider pulls as its nodeRole.
  for (const target of input.targets)
    if ('nodeRole' in target && target.nodeRole) roleArns.add(target.nodeRole);
  for (const cluster of found) for (const role of cluster.roles) roleArns.add(role);
  // The CI path's roles: a login's is read with its trust policy.
  const logins = new Set((input.ciRoles?.logins ?? []).map((arn) => arn.toLowerCase()));
  for (const role of [...(input.ciRoles?.logins ?? []), ...(input.ciRoles?.pushes ?? [])]) roleArns.add(role);
  const roles = await Promise.all(
    [...new Map([...roleArns].map((arn) => [arn.toLowerCase(), arn])).values()]
      .filter((arn) => !known.roles.has(arn.toLowerCase()))
      .map((arn) => collectRole(arn, options, logins.has(arn.toLowerCase()))),
  );
  return { found, roles, roleArns };
}

function readRepositories(input: AwsCollectInput, known: KnownKeys, options: AwsReadOptions) {
  const ecrImages = input.images.flatMap((image) => ecrLocationOf(image) ?? []);
  return Promise.all(
    [
      ...new Map(
        ecrImages.map((r) => [repositoryArn(r.partition, r.region, r.account, r.repository), r]),
      ).entries(),
    ]
      .filter(([arn]) => !known.repositories.has(arn))
      .map(([arn, registry]) => collectRepository(arn, registry, options)),
  );
}

function readRegistries(input: AwsCollectInput, known: KnownKeys, options: AwsReadOptions) {
  const ecrImages = input.images.flatMap((image) => ecrLocationOf(image) ?? []);
  return Promise.all(
    [...new Map(ecrImages.map((r) => [`${r.account}/${r.region}`, r])).values()]
      .filter((r) => !known.registries.has(`${r.account}/${r.region}`))
      .map(async (r) => {
        const read = await collectRegistry(r.account, r.region, options);
        const pushedTo = input.ciRoles?.pushRegistries?.includes(`${r.account}/${r.region}`);
        return pushedTo && read.unreadable === undefined
          ? { ...read, ...(await createOnPushPrefixes(r.account, r.region, options)) }
          : read;
      }),
  );
}

async function collectRepository(
  arn: string,
  registry: { account: string; region: string; repository: string },
  options: AwsReadOptions,
): Promise<RepositoryOut> {
  const ecr = await options.clients.ecr(registry.account, registry.region);
  const result = await options.runner.run(
    { key: `ecr:GetRepositoryPolicy ${arn}`, permission: 'ecr:GetRepositoryPolicy', resource: arn },
    () =>
      ecr.send(
        new GetRepositoryPolicyCommand({ registryId: registry.account, repositoryName: registry.repository }),
      ),
  );
  if (result.ok) return { arn, ...policyJson(result.value.policyText, `ecr:GetRepositoryPolicy on ${arn}`) };
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
  options: AwsReadOptions,
): Promise<RegistryOut> {
  const ecr = await options.clients.ecr(account, region);
  const resource = `the registry of ${account} in ${region}`;
  const run = <T>(permission: string, send: (signal: AbortSignal) => Promise<T>) =>
    options.runner.run({ key: `${permission} ${account}/${region}`, permission, resource }, send);
  const policy = await run('ecr:GetRegistryPolicy', () => ecr.send(new GetRegistryPolicyCommand({})));
  const base = { account, region };
  let registryPolicy: unknown = null;
  if (policy.ok) {
    const read = policyJson(policy.value.policyText, `ecr:GetRegistryPolicy on ${resource}`);
    if ('unreadable' in read) return { ...base, ...read };
    registryPolicy = read.policy;
  } else if (!(policy.kind === 'missing')) return { ...base, unreadable: policy.message };
  // Readable: the scope and the pull-through cache rules are independent, read together.
  const [scope, rules] = await Promise.all([
    run('ecr:GetAccountSetting', () =>
      ecr.send(new GetAccountSettingCommand({ name: 'REGISTRY_POLICY_SCOPE' })),
    ),
    cacheRulePrefixes(account, region, options),
  ]);
  const value = scope.ok ? scope.value.value : undefined;
  const prefixes = 'prefixes' in rules ? rules.prefixes : [];
  return {
    ...base,
    ...(value === 'V1' || value === 'V2' ? { scope: value } : {}),
    policy: registryPolicy,
    ...(prefixes.length > 0 ? { pullThroughCachePrefixes: prefixes } : {}),
    ...('unreadable' in rules ? { pullThroughCacheUnreadable: rules.unreadable } : {}),
  };
}

/** ECR's policyText as JSON (none: no policy); text that is not JSON makes the policy unreadable, naming the call. */
function policyJson(text: string | undefined, call: string): { policy: unknown } | { unreadable: string } {
  if (!text) return { policy: null };
  try {
    return { policy: JSON.parse(text) as unknown };
  } catch {
    return { unreadable: `${call} answered a policy that is not JSON` };
  }
}
