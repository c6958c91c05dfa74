// OpenShift and Kubernetes rules: pods pull as their service account — through RBAC from the OpenShift
// integrated registry, through linked pull secrets from every other registry.
import type { LoadedConfig } from '../../core/config/load.ts';
import type { TargetInput } from '../../core/config/schema.ts';
import type { PullRules } from '../../core/provider.ts';
import { unknown, type Verdict } from '../../core/verdict.ts';
import type { PullingServiceAccount } from './fixes.ts';
import { SERVICE_ACCOUNT } from './index.ts';
import { readClusterState } from './manifests/cluster-state.ts';
import { inlineObjects, loadManifests } from './manifests/load.ts';
import { withOpenShiftBuiltins } from './openshift/builtin-roles.ts';
import { evaluateIntegratedRegistryPull } from './openshift/pull-rule.ts';
import { openshiftLocationOf } from './openshift/registry.ts';
import { evaluatePullSecrets, undecodablePullSecret } from './pull-secrets/rule.ts';

type ClusterTarget = Extract<TargetInput, { platform: 'openshift' | 'kubernetes' }>;

/** The OpenShift and Kubernetes rules over one config's facts (loaded by the definition in ./index.ts). */
export function buildRules(config: LoadedConfig): PullRules {
  const reading = readClusterState([...loadManifests(config), ...inlineObjects(config)]);
  const state = withOpenShiftBuiltins(reading.state);
  const pullersPerNamespace = new Map<string, Set<string>>();
  for (const target of config.input.targets ?? []) {
    if (!isClusterTarget(target)) continue;
    const account = pullingAccount(target);
    pullersPerNamespace.set(
      account.namespace,
      (pullersPerNamespace.get(account.namespace) ?? new Set()).add(account.name),
    );
  }

  return {
    principals: (target) => {
      if (!isClusterTarget(target)) return [];
      const account = pullingAccount(target);
      return [{ principal: `${SERVICE_ACCOUNT}${account.namespace}:${account.name}` }];
    },
    decide: ({ image, target }) => {
      if (!isClusterTarget(target)) return undefined;
      const account = pullingAccount(target);
      const undecodable = undecodablePullSecret(account, state);
      if (undecodable) return undecodable;
      const stream = openshiftLocationOf(image);
      if (stream) {
        const several = (pullersPerNamespace.get(account.namespace)?.size ?? 0) > 1;
        return withoutRegistryToken(evaluateIntegratedRegistryPull(stream, account, state, several), account);
      }
      return evaluatePullSecrets(image, account, state);
    },
    findings: () => reading.notes,
  };
}

function isClusterTarget(target: TargetInput): target is ClusterTarget {
  return target.platform === 'openshift' || target.platform === 'kubernetes';
}

function pullingAccount(target: ClusterTarget): PullingServiceAccount {
  return {
    namespace: target.namespace,
    name: target.serviceAccount ?? 'default',
    platform: target.platform,
    ...(target.imagePullSecrets ? { podPullSecrets: target.imagePullSecrets } : {}),
  };
}

/**
 * The integrated registry authenticates a pod with its service account's token, which reaches the pod as the
 * account's generated `SA-dockercfg-…` pull secret. A pod that lists its own imagePullSecrets does not get
 * the account's added (ServiceAccount admission), so unless it lists that secret too, RBAC alone cannot
 * say the pull works.
 */
function withoutRegistryToken(verdict: Verdict, account: PullingServiceAccount): Verdict {
  const listed = account.podPullSecrets;
  if (verdict.verdict !== 'allowed' || !listed) return verdict;
  if (listed.some((name) => name.startsWith(`${account.name}-dockercfg-`))) return verdict;
  return unknown([
    ...verdict.reasons,
    `unknown: the pod lists its own imagePullSecrets (${listed.join(', ')}), so the ServiceAccount admission controller does not add ${account.name}'s generated ${account.name}-dockercfg-… secret that carries its registry token: list that secret in the pod's imagePullSecrets too (oc get serviceaccount ${account.name} -n ${account.namespace} -o yaml shows its name)`,
  ]);
}
