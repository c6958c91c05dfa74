// The least-privilege read access of a config: what its live reads need, per cloud, and the trust of the
// roles its workflows log in as. Built from the same discovered config, plan and CI path as the check.
import type { LoadedConfig } from '../core/config/load.ts';
import { buildPlan } from '../core/plan.ts';
import type { FoundCiLogin } from '../discover/index.ts';
import { ciSites } from '../check/ci-sites.ts';
import { ciReads } from '../check/live-reads.ts';
import { registries } from '../providers/index.ts';
import { awsReadPolicies, type AwsReadPolicy } from './aws-read-policy.ts';
import { gcpReadRole, type GcpReadRole } from './gcp-read-role.ts';
import { kubernetesReadRole, type ClusterRole } from './kubernetes-cluster-role.ts';
import { awsTrustPolicies, type AwsTrustPolicy } from './oidc-trust.ts';
import { googleLoginAccess, type GoogleLoginAccess } from './workload-identity.ts';

export interface ReadAccess {
  readonly aws: readonly AwsReadPolicy[];
  readonly gcp?: GcpReadRole;
  readonly kubernetes?: ClusterRole;
  readonly trust: { readonly aws: readonly AwsTrustPolicy[]; readonly gcp: readonly GoogleLoginAccess[] };
}

export function readAccess(config: LoadedConfig, found: readonly FoundCiLogin[]): ReadAccess {
  const sites = ciSites(found, config);
  const plan = { config, plan: buildPlan(config, registries), ...ciReads(sites, config) };
  const repository =
    found.find((login) => login.job.top.repository)?.job.top.repository ??
    config.input.discover?.variables?.['github.repository'];
  const templated = withSubjectTemplate(config, repository);
  const trusted = templated.config === config ? sites : ciSites(found, templated.config);
  const gcp = gcpReadRole(plan);
  const kubernetes = kubernetesReadRole(plan);
  return {
    aws: awsReadPolicies(plan),
    ...(gcp ? { gcp } : {}),
    ...(kubernetes ? { kubernetes } : {}),
    trust: {
      aws: awsTrustPolicies(trusted, notARepository(repository) ?? unscopedSubjects(templated.config)).map(
        (policy) => withAssumptions(policy, templated.assumed),
      ),
      gcp: googleLoginAccess(trusted).map((access) => withAssumptions(access, templated.assumed)),
    },
  };
}

export const TEMPLATE_ASSUMED =
  "facts.github.oidc.subClaim is not stated: the subjects assume GitHub's default template; if the repository or its organization customised it, state facts.github.oidc.subClaim as GET /repos/OWNER/REPO/actions/oidc/customization/sub answers and run this again";
export const PREFIX_ASSUMED =
  'facts.github.oidc.subClaim.prefix is not stated: the subjects assume the prefix repo:OWNER/REPO; GitHub writes the immutable form instead (each name followed by @ and its numeric id) for repositories created, renamed or transferred after 15 July 2026 or opted in to immutable subjects: state the sub_claim_prefix it reports and run this again';

// The claim keys whose value names this repository: `repo`, `repository`, `repository_id`, and
// `workflow_ref` (OWNER/REPO/.github/workflows/…, the run's own workflow). `job_workflow_ref` names the
// workflow a job calls, which other repositories may call too.
const REPOSITORY_KEYS = ['repo', 'repository', 'repository_id', 'workflow_ref'];

// GitHub's names: an owner of letters, digits and hyphens; a repository of letters, digits, `.`, `_`, `-`.
const REPOSITORY_NAME = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

/**
 * Why `repository` (from the remote, GITHUB_REPOSITORY or discover.variables) cannot be trusted by name: a
 * `*` or `?` in it would be a wildcard in the trust policy's StringLike, admitting other repositories.
 */
function notARepository(repository: string | undefined): string | undefined {
  if (repository === undefined || REPOSITORY_NAME.test(repository)) return undefined;
  return `github.repository ${JSON.stringify(repository)} is not a GitHub repository name (OWNER/REPO: letters, digits, -, and in REPO . and _): no subject is trusted; state the repository's own name and run this again`;
}

/** Why a stated subject template cannot tell this repository's tokens from others', if it cannot. */
function unscopedSubjects(config: LoadedConfig): string | undefined {
  const template = config.input.facts?.github?.oidc?.subClaim;
  if (!template || template.useDefault !== false || !template.includeClaimKeys) return undefined;
  if (template.includeClaimKeys.some((key) => REPOSITORY_KEYS.includes(key))) return undefined;
  return `facts.github.oidc.subClaim.includeClaimKeys (${template.includeClaimKeys.join(', ')}) names no repository: every repository with the same claims would get the same subject, so no subject is trusted; add repo (or repository_id) to the template and run this again`;
}

function withAssumptions<T extends { readonly notes: readonly string[] }>(
  access: T,
  notes: readonly string[],
): T {
  return notes.length > 0 ? { ...access, notes: [...notes, ...access.notes] } : access;
}

/**
 * A trust policy is written for the subjects GitHub will issue. With no template stated, GitHub's default
 * one (a repository's until it is customised); with no prefix stated, the plain `repo:OWNER/REPO` — left
 * open, the predictor globs both names (either form), which as a trust condition would admit
 * `OWNER-other/REPO-other`. A wrong guess fails closed (the login is refused, never widened), and every
 * trust policy names what was assumed.
 */
function withSubjectTemplate(
  config: LoadedConfig,
  repository: string | undefined,
): { config: LoadedConfig; assumed: string[] } {
  const facts = config.input.facts ?? {};
  const oidc = facts.github?.oidc ?? {};
  const stated = oidc.subClaim;
  if (!repository || stated?.prefix !== undefined) return { config, assumed: [] };
  const subClaim = { ...(stated ?? { useDefault: true }), prefix: `repo:${repository}` };
  const github = { ...facts.github, oidc: { ...oidc, subClaim } };
  return {
    config: { ...config, input: { ...config.input, facts: { ...facts, github } } },
    assumed: stated ? [PREFIX_ASSUMED] : [TEMPLATE_ASSUMED, PREFIX_ASSUMED],
  };
}
