// Offline Google Cloud facts: the config's facts.gcp, validated and indexed.
import type { LoadedConfig } from '../../core/config/load.ts';
import type { GcpFactsInput } from './schema.ts';
import { ConfigError } from '../../core/errors.ts';
import { isReadLive } from '../../core/live-facts.ts';
import { IamPolicyError, parseIamPolicy, type IamPolicy } from './iam-policy.ts';
import type { CustomRoles } from './roles.ts';
import { prepareBoundaries, type BoundaryFacts } from './boundaries.ts';
import { gcpSources, type GcpSources } from './trace-sources.ts';

export interface GcpProjectFacts {
  readonly id: string;
  readonly number?: string;
  readonly gcrBackend: 'artifact-registry' | 'storage';
  /** folders/N and organizations/N above the project, when given. */
  readonly ancestors?: readonly string[];
  /** Why live reads could not read its number or ancestors: what is missing is unknown, not absent. */
  readonly unreadable?: string;
}

export interface GcpFacts extends BoundaryFacts {
  readonly projects: ReadonlyMap<string, GcpProjectFacts>;
  readonly projectsByNumber: ReadonlyMap<string, GcpProjectFacts>;
  /** IAM allow policies by resource name (projects/P, projects/P/locations/L/repositories/R, buckets/B, …). */
  readonly policies: ReadonlyMap<string, IamPolicy>;
  /** Resources whose IAM policy live reads could not read, and why (the permission to add). */
  readonly unreadable: ReadonlyMap<string, string>;
  readonly customRoles: CustomRoles;
  /** GKE node pools read live, keyed by `PROJECT/LOCATION/CLUSTER`. */
  readonly clusters: ReadonlyMap<
    string,
    {
      readonly nodePools: readonly { readonly serviceAccount: string; readonly scopes: readonly string[] }[];
      readonly unreadable?: string;
    }
  >;
  /** Members of groups (and of domains, keyed by the domain name), by lower-cased email. */
  readonly groups: ReadonlyMap<string, readonly string[]>;
  /** Where each fact was written, for explain's trace (looked up only while a trace is active). */
  readonly sources?: GcpSources;
}

export function prepareGcpFacts(config: LoadedConfig): GcpFacts {
  const input: GcpFactsInput = config.input.facts?.gcp ?? {};
  const projects = new Map<string, GcpProjectFacts>();
  const projectsByNumber = new Map<string, GcpProjectFacts>();
  for (const project of input.projects ?? []) {
    const facts: GcpProjectFacts = {
      id: project.id,
      gcrBackend: project.gcrBackend ?? 'artifact-registry',
      ...(project.number === undefined ? {} : { number: project.number }),
      ...(project.ancestors === undefined ? {} : { ancestors: project.ancestors }),
      ...(project.unreadable === undefined ? {} : { unreadable: project.unreadable }),
    };
    projects.set(project.id, facts);
    if (project.number !== undefined) projectsByNumber.set(project.number, facts);
  }
  const { policies, unreadable } = prepareIamPolicies(config, input);
  const customRoles = new Map(
    (input.roles ?? []).map((role) => [role.name, new Set(role.includedPermissions)]),
  );
  const groups = new Map((input.groups ?? []).map((group) => [group.email.toLowerCase(), group.members]));
  const clusters = new Map(
    (input.clusters ?? []).map((cluster) => [
      `${cluster.project}/${cluster.location}/${cluster.name}`,
      {
        nodePools: cluster.nodePools,
        ...(cluster.unreadable === undefined ? {} : { unreadable: cluster.unreadable }),
      },
    ]),
  );
  return {
    projects,
    projectsByNumber,
    policies,
    unreadable,
    customRoles,
    groups,
    clusters,
    ...prepareBoundaries(input),
    sources: gcpSources(config, policyKey),
  };
}

/** Allow policies by resource; one live reads could not read, or read but pullcheck cannot parse, has its reason. */
function prepareIamPolicies(
  config: LoadedConfig,
  input: GcpFactsInput,
): { policies: Map<string, IamPolicy>; unreadable: Map<string, string> } {
  const policies = new Map<string, IamPolicy>();
  const unreadable = new Map<string, string>();
  for (const [i, entry] of (input.iamPolicies ?? []).entries()) {
    const resource = policyKey(entry.resource);
    if (entry.unreadable !== undefined) {
      unreadable.set(resource, entry.unreadable);
      continue;
    }
    if (!entry.policy) {
      throw new ConfigError({
        where: config.locate(['facts', 'gcp', 'iamPolicies', i]),
        message: `facts.gcp.iamPolicies[${i}] needs \`policy\` (or \`unreadable\`, as live reads write it)`,
      });
    }
    try {
      policies.set(resource, parseIamPolicy(entry.policy.value));
    } catch (error) {
      if (!(error instanceof IamPolicyError)) throw error;
      if (!isReadLive(entry.policy)) throw entry.policy.error(`invalid IAM policy: ${error.message}`);
      unreadable.set(
        resource,
        `read live, but not an IAM policy pullcheck can evaluate: ${error.message}; state it in the config's facts to check it`,
      );
    }
  }
  return { policies, unreadable };
}

/**
 * A service account's policy is keyed projects/-/serviceAccounts/EMAIL (lower-cased), however its project is written:
 * the IAM API takes `-` for the project of any service account.
 */
export function policyKey(resource: string): string {
  const account = /^projects\/[^/]+\/serviceAccounts\/(.+)$/.exec(resource)?.[1];
  return account === undefined ? resource : serviceAccountResource(account);
}

export function serviceAccountResource(email: string): string {
  return `projects/-/serviceAccounts/${email.toLowerCase()}`;
}
