// OpenShift and Kubernetes rules: pods pull as their service account — through RBAC from the OpenShift
// integrated registry, through linked pull secrets from every other registry. A workflow's OpenShift login
// and its pushes to the integrated registry (issue 18) are decided through the same RBAC.
import type { LoadedConfig } from '../../core/config/load.ts';
import type { TargetInput } from '../../core/config/schema.ts';
import type { ImageReference } from '../../core/image-reference.ts';
import type { PullRules, TargetPrincipal } from '../../core/provider.ts';
import { unknown, type Verdict } from '../../core/verdict.ts';
import { activeTrace, recordingSink, withTrace } from '../../core/trace.ts';
import { nodeFactsOf } from './credential-providers/node-facts.ts';
import { nodeCredentialsFor, type NodeFacts } from './credential-providers/node-credentials.ts';
import type { PullingServiceAccount } from './fixes.ts';
import { SERVICE_ACCOUNT } from './index.ts';
import { readClusterState } from './manifests/cluster-state.ts';
import { inlineObjects, loadManifests } from './manifests/load.ts';
import { withOpenShiftBuiltins } from './openshift/builtin-roles.ts';
import { evaluateIntegratedRegistryPull } from './openshift/pull-rule.ts';
import { openshiftLocationOf } from './openshift/registry.ts';
import { globalPullSecretCovers } from './openshift/global-pull-secret.ts';
import { ciLoginFacts, decideOpenShiftLogin, pusherOf } from './openshift/ci-login.ts';
import { isImageStream, knownImageStreams } from './openshift/image-streams.ts';
import { evaluateIntegratedRegistryPush } from './openshift/push-rule.ts';
import { evaluatePullSecrets, undecodablePullSecret, type NodeSide } from './pull-secrets/rule.ts';
import type { ClusterState } from './rbac/model.ts';

type ClusterTarget = Extract<TargetInput, { platform: 'openshift' | 'kubernetes' }>;

/** The OpenShift and Kubernetes rules over one config's facts (loaded by the definition in ./index.ts). */
export function buildRules(config: LoadedConfig): PullRules {
  const objects = [...loadManifests(config), ...inlineObjects(config)];
  const reading = readClusterState(objects.filter((object) => !isImageStream(object)));
  const state = withOpenShiftBuiltins(reading.state);
  const streams = knownImageStreams(objects);
  const logins = ciLoginFacts(config);
  const nodes = nodeFactsOf(config, 'kubernetes');
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
    principals: (target, image) => {
      if (!isClusterTarget(target)) return [];
      const account = pullingAccount(target);
      const node = nodeRolePull(image, account, state, nodes.get(target.name));
      return [node ?? { principal: `${SERVICE_ACCOUNT}${account.namespace}:${account.name}` }];
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
      return evaluatePullSecrets(image, account, state, nodeSide(image, target, state, nodes));
    },
    findings: () => reading.notes,
    decideLogin: (question) => decideOpenShiftLogin(question, logins),
    decidePush: ({ image, principal }) => {
      const stream = openshiftLocationOf(image);
      const pusher = pusherOf(principal, logins);
      return stream && pusher ? evaluateIntegratedRegistryPush(stream, pusher, state, streams) : undefined;
    },
  };
}

/**
 * When no pull secret covers the image and the nodes' ecr-credential-provider does, the kubelet pulls with the
 * node role's credentials: the pull is that role's, decided by the ECR rules. A pull secret the kubelet cannot
 * decode fails the pull before any provider runs, and one in doubt leaves the row to the secrets.
 */
function nodeRolePull(
  image: ImageReference,
  account: PullingServiceAccount,
  state: ClusterState,
  facts: NodeFacts | undefined,
): TargetPrincipal | undefined {
  if (account.platform !== 'kubernetes' || !facts) return undefined;
  const node = nodeCredentialsFor(image, facts);
  if (node?.kind !== 'role' || undecodablePullSecret(account, state)) return undefined;
  // Traced, the secrets' steps are kept only when they make the pull the node role's: else decide() records them.
  const sink = activeTrace();
  const kept = sink ? recordingSink() : undefined;
  const evaluate = () => evaluatePullSecrets(image, account, state, { reason: node.reason, nodes: facts });
  const secrets = kept ? withTrace(kept, evaluate) : evaluate();
  if (secrets.verdict !== 'denied') return undefined;
  for (const step of kept?.steps ?? []) sink?.step(step);
  return { principal: node.role, reasons: secrets.reasons };
}

/** The node's own credentials: OpenShift's global pull secret; a Kubernetes node's credential providers. */
function nodeSide(
  image: ImageReference,
  target: ClusterTarget,
  state: ClusterState,
  nodes: ReadonlyMap<string, NodeFacts>,
): NodeSide {
  if (target.platform === 'openshift') return globalPullSecretCovers(image, state);
  const facts = nodes.get(target.name);
  const node = nodeCredentialsFor(image, facts ?? {});
  if (!node) return undefined;
  const traced = facts === undefined ? {} : { nodes: facts };
  return node.kind === 'not-given' || node.kind === 'unknown'
    ? { verdict: unknown([node.reason]), ...traced }
    : { reason: node.reason, ...traced };
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
