// Offline AWS facts: the config's `facts.aws` turned into parsed, indexed policies.
// SPEC §3: what facts mention is complete; what they never mention is unknown (or, for optional layers, absent).
import type { LocatedDocument } from '../../core/config/document.ts';
import type { LoadedConfig } from '../../core/config/load.ts';
import type { AwsFactsInput } from './schema.ts';
import { ConfigError, type SourceLocation } from '../../core/errors.ts';
import { parsePolicyDocument } from './policy/document.ts';
import type { KnownPolicy } from './policy/evaluate.ts';
import { documentPolicy, DocumentPool, LAYERS, managedPolicy, unreadablePolicy } from './known-policies.ts';
import { accountControls, managedControlPolicy, type AccountControl } from './organization-facts.ts';

export interface RoleFacts {
  readonly arn: string;
  /** Every identity policy of the role (managed and inline). */
  readonly policies: readonly KnownPolicy[];
  /** null: the role has no permissions boundary. */
  readonly boundary: KnownPolicy | null;
  /** The role's trust policy; undefined when the facts do not give it. */
  readonly trustPolicy?: KnownPolicy;
}

/** An IAM OIDC identity provider (facts.aws.oidcProviders): its client IDs, or that it is missing or unread. */
export interface OidcProviderFacts {
  readonly arn: string;
  readonly clientIds: readonly string[];
  readonly missing?: true;
  readonly unreadable?: string;
}

export interface RepositoryFacts {
  readonly arn: string;
  /** null: the repository has no policy. */
  readonly policy: KnownPolicy | null;
  /** The repository does not exist yet (it has no policy either). */
  readonly missing?: true;
}

export type RegistryPolicyScope = 'V1' | 'V2';

export interface RegistryFacts {
  readonly account: string;
  readonly region: string;
  readonly scope: RegistryPolicyScope;
  readonly scopeGiven: boolean;
  readonly policy: KnownPolicy | null;
  readonly pullThroughCachePrefixes: readonly string[];
  /** Why the pull-through cache rules are not known (live reads could not read them or the registry). */
  readonly pullThroughCacheUnknown?: string;
  /** Prefixes of the repository creation templates for CREATE_ON_PUSH; undefined when not known. */
  readonly createOnPushPrefixes?: readonly string[];
  /** Why those templates are not known. */
  readonly creationTemplatesUnknown?: string;
}

export interface AwsFacts {
  /** Keyed by lower-cased role ARN (IAM role names are case-insensitive). */
  readonly roles: ReadonlyMap<string, RoleFacts>;
  /** Keyed by repository ARN. */
  readonly repositories: ReadonlyMap<string, RepositoryFacts>;
  /** Keyed by `ACCOUNT/REGION`. */
  readonly registries: ReadonlyMap<string, RegistryFacts>;
  /** Account id → AWS Organizations id. */
  readonly organizations: ReadonlyMap<string, string>;
  /** Account id → the SCPs and RCPs that apply to it, where the facts say (organization-facts.ts). */
  readonly controls: ReadonlyMap<string, AccountControl>;
  /** The pulling roles of EKS/ECS clusters (live reads): find one with clusterFactsFor. */
  readonly clusters: readonly ClusterFacts[];
  /** Keyed by lower-cased provider ARN. */
  readonly oidcProviders: ReadonlyMap<string, OidcProviderFacts>;
}

export interface ClusterFacts extends ClusterWhere {
  readonly roles: readonly string[];
  readonly unreadable?: string;
}

export const registryKey = (account: string, region: string): string => `${account}/${region}`;

export function prepareAwsFacts(config: LoadedConfig): AwsFacts {
  const input: AwsFactsInput = config.input.facts?.aws ?? {};
  const organizations = new Map(
    (input.accounts ?? []).flatMap((account) =>
      typeof account.organizationId === 'string' ? [[account.id, account.organizationId] as const] : [],
    ),
  );
  const clusters: readonly ClusterFacts[] = input.clusters ?? [];
  const documents = new DocumentPool();
  return {
    roles: roleFacts(config, input, documents),
    repositories: repositoryFacts(config, input, documents),
    registries: registryFacts(config, input, documents),
    organizations,
    controls: accountControls(config, input, (written, control, label, at) =>
      controlPolicy(written, control, label, () => config.locate(at), documents),
    ),
    clusters,
    oidcProviders: new Map(
      (input.oidcProviders ?? []).map((provider) => [
        provider.arn.toLowerCase(),
        {
          arn: provider.arn,
          clientIds: provider.clientIds ?? [],
          ...(provider.exists === false ? { missing: true as const } : {}),
          ...(provider.unreadable === undefined ? {} : { unreadable: provider.unreadable }),
        },
      ]),
    ),
  };
}

/** An SCP or RCP: a document, or the ARN of an AWS-managed one (its built-in document). */
function controlPolicy(
  written: LocatedDocument | string,
  control: 'scp' | 'rcp',
  label: string,
  locate: () => SourceLocation,
  documents: DocumentPool,
): KnownPolicy {
  const layer = control === 'scp' ? LAYERS.scp : LAYERS.rcp;
  if (typeof written !== 'string') return { ...documentPolicy(written, label, documents, layer), control };
  const builtIn = managedControlPolicy(written);
  if (!builtIn) {
    throw new ConfigError({
      where: locate(),
      message: `${written} is not an AWS-managed control policy pullcheck knows (FullAWSAccess, RCPFullAWSAccess): give its document (aws organizations describe-policy)`,
    });
  }
  return {
    label: `${label} (${written})`,
    document: documents.parsed(builtIn, () => parsePolicyDocument(builtIn)),
    control,
    origin: { layer: layer.name },
  };
}

/** Each role's identity policies (managed by ARN, inline documents) and boundary; unreadable ones unknown. */
function roleFacts(
  config: LoadedConfig,
  input: AwsFactsInput,
  documents: DocumentPool,
): Map<string, RoleFacts> {
  const roles = new Map<string, RoleFacts>();
  input.roles?.forEach((role, r) => {
    if (role.unreadable !== undefined) {
      // Live reads could not read the role: its policies and boundary are unknown, with the reason.
      const unknownPolicy = unreadablePolicy(`the policies of ${role.arn}`, role.unreadable, LAYERS.identity);
      roles.set(role.arn.toLowerCase(), {
        arn: role.arn,
        policies: [unknownPolicy],
        boundary: unreadablePolicy(`the policies of ${role.arn}`, role.unreadable, LAYERS.boundary),
        trustPolicy: unreadablePolicy(`the trust policy of ${role.arn}`, role.unreadable, LAYERS.trust),
      });
      return;
    }
    const at = ['facts', 'aws', 'roles', r] as const;
    const managed = (role.managedPolicies ?? []).map((arn, m) =>
      managedPolicy(arn, () => config.locate([...at, 'managedPolicies', m]), documents, LAYERS.identity),
    );
    const inline = (role.policies ?? []).map((document, p) =>
      documentPolicy(document, `identity policy #${p + 1} of ${role.arn}`, documents, LAYERS.identity),
    );
    const boundary: unknown = role.permissionsBoundary ?? null;
    roles.set(role.arn.toLowerCase(), {
      arn: role.arn,
      policies: [...managed, ...inline],
      boundary:
        boundary === null
          ? null
          : typeof boundary === 'string'
            ? managedPolicy(
                boundary,
                () => config.locate([...at, 'permissionsBoundary']),
                documents,
                LAYERS.boundary,
              )
            : documentPolicy(
                boundary as LocatedDocument,
                `permissions boundary of ${role.arn}`,
                documents,
                LAYERS.boundary,
              ),
      ...(role.trustPolicy === undefined
        ? {}
        : {
            trustPolicy: documentPolicy(
              role.trustPolicy,
              `trust policy of ${role.arn}`,
              documents,
              LAYERS.trust,
            ),
          }),
    });
  });
  return roles;
}

/** Each repository's policy (null: none); a repository a pull-through cache has yet to create is missing. */
function repositoryFacts(
  config: LoadedConfig,
  input: AwsFactsInput,
  documents: DocumentPool,
): Map<string, RepositoryFacts> {
  const repositories = new Map<string, RepositoryFacts>();
  for (const [i, repository] of (input.repositories ?? []).entries()) {
    const label = `repository policy of ${repository.arn}`;
    if (repository.exists === false) {
      repositories.set(repository.arn, { arn: repository.arn, policy: null, missing: true });
      continue;
    }
    if (repository.unreadable === undefined && repository.policy === undefined) {
      throw missingPolicy(config, ['facts', 'aws', 'repositories', i]);
    }
    repositories.set(repository.arn, {
      arn: repository.arn,
      policy:
        repository.unreadable !== undefined
          ? unreadablePolicy(label, repository.unreadable, LAYERS.repository)
          : repository.policy
            ? documentPolicy(repository.policy, label, documents, LAYERS.repository)
            : null,
    });
  }
  return repositories;
}

/** Each registry's policy, its scope (V2 unless given) and pull-through cache prefixes. */
function registryFacts(
  config: LoadedConfig,
  input: AwsFactsInput,
  documents: DocumentPool,
): Map<string, RegistryFacts> {
  const registries = new Map<string, RegistryFacts>();
  for (const [i, registry] of (input.registries ?? []).entries()) {
    const label = `registry policy of ${registry.account} in ${registry.region}`;
    if (registry.unreadable === undefined && registry.policy === undefined) {
      throw missingPolicy(config, ['facts', 'aws', 'registries', i]);
    }
    registries.set(registryKey(registry.account, registry.region), {
      account: registry.account,
      region: registry.region,
      scope: registry.scope ?? 'V2',
      scopeGiven: registry.scope !== undefined,
      policy:
        registry.unreadable !== undefined
          ? unreadablePolicy(label, registry.unreadable, LAYERS.registry)
          : registry.policy
            ? documentPolicy(registry.policy, label, documents, LAYERS.registry)
            : null,
      pullThroughCachePrefixes: registry.pullThroughCachePrefixes ?? [],
      ...cacheRulesUnknown(registry),
      ...(registry.createOnPushPrefixes ? { createOnPushPrefixes: registry.createOnPushPrefixes } : {}),
      ...((registry.creationTemplatesUnreadable ?? registry.unreadable) === undefined
        ? {}
        : { creationTemplatesUnknown: registry.creationTemplatesUnreadable ?? registry.unreadable }),
    });
  }
  return registries;
}

/** An unreadable registry, or its unreadable pull-through cache rules, leave the rules unknown. */
function cacheRulesUnknown(registry: {
  readonly unreadable?: string;
  readonly pullThroughCacheUnreadable?: string;
}): { pullThroughCacheUnknown?: string } {
  const why = registry.pullThroughCacheUnreadable ?? registry.unreadable;
  return why === undefined ? {} : { pullThroughCacheUnknown: why };
}

/** Where a cluster is and, for ECS, which of its services: what a target names and cluster facts state. */
export interface ClusterWhere {
  readonly platform: string;
  readonly name: string;
  readonly account?: string | undefined;
  readonly region?: string | undefined;
  readonly services?: readonly string[] | undefined;
}

/**
 * The facts of the cluster a target names: same platform and name, and the same account, region and (ECS)
 * set of services wherever both sides state them — two clusters of one name in two regions, or two ECS
 * targets reading different services of one cluster, never share their roles.
 */
export function clusterFactsFor<T extends ClusterWhere>(
  facts: readonly T[],
  target: ClusterWhere,
): T | undefined {
  const same = (a: string | undefined, b: string | undefined) =>
    a === undefined || b === undefined || a === b;
  const sameSet = (a?: readonly string[], b?: readonly string[]) =>
    a === undefined || b === undefined || (a.length === b.length && a.every((item) => b.includes(item)));
  return facts.find(
    (cluster) =>
      cluster.platform === target.platform &&
      cluster.name === target.name &&
      same(cluster.account, target.account) &&
      same(cluster.region, target.region) &&
      sameSet(cluster.services, target.services),
  );
}

function missingPolicy(config: LoadedConfig, at: readonly (string | number)[]): ConfigError {
  return new ConfigError({
    where: config.locate(at),
    message: 'needs `policy` (null when there is none) or `unreadable`, as live reads write it',
  });
}
