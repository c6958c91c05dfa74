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
  const gcp = gcpReadRole(plan);
  const kubernetes = kubernetesReadRole(plan);
  return {
    aws: awsReadPolicies(plan),
    ...(gcp ? { gcp } : {}),
    ...(kubernetes ? { kubernetes } : {}),
    trust: { aws: awsTrustPolicies(sites), gcp: googleLoginAccess(sites) },
  };
}
