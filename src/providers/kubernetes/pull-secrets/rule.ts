// The pull-secret rule (SPEC §4 "Other secured registries from Kubernetes/OpenShift"): the pod's service
// account must link a kubernetes.io/dockerconfigjson (or legacy dockercfg) Secret whose registry keys cover
// the image. The credential itself cannot be checked offline, and the reason says so.
import { imageName, type ImageReference } from '../../../core/image-reference.ts';
import { allowed, type Verdict } from '../../../core/verdict.ts';
import {
  createSecretFix,
  linkSecretFix,
  podSecretFix,
  undecodableSecretFix,
  type PullingServiceAccount,
} from '../fixes.ts';
import type { ClusterState, PullSecretDefinition, ServiceAccountDefinition } from '../rbac/model.ts';
import { inKubeletOrder, registryKeyCovers } from './registry-match.ts';
import { activeTrace, type TraceSink, type TraceSource } from '../../../core/trace.ts';
import { placeSource } from '../rbac/trace.ts';
import { traceNodeSide, traceSecret, traceSecretList } from './trace.ts';
import type { NodeFacts } from '../credential-providers/node-credentials.ts';
import { traceCredentialProviders } from '../credential-providers/trace.ts';

/**
 * What the node's own credentials add, tried after the pod's pull secrets: a verdict when they decide (an
 * unknown global pull secret or credential provider), a reason when they do not cover the image.
 */
export type NodeSide =
  | (({ readonly verdict: Verdict } | { readonly reason: string }) & {
      /** The nodes' credential providers, for explain's trace. */
      readonly nodes?: NodeFacts;
    })
  | undefined;

export function evaluatePullSecrets(
  image: ImageReference,
  account: PullingServiceAccount,
  state: ClusterState,
  node?: NodeSide,
): Verdict {
  const { namespace, name } = account;
  if (account.podPullSecrets)
    return evaluatePodPullSecrets(image, account, account.podPullSecrets, state, node);
  const serviceAccount = state.serviceAccounts.get(`${namespace}/${name}`);
  const mentioned = state.namespaces.has(namespace);
  if (!serviceAccount && (!mentioned || name !== 'default')) {
    return {
      verdict: 'unknown',
      reasons: [
        `unknown: ServiceAccount ${namespace}/${name} is not in facts.kubernetes.manifests: add it with the pull Secrets it links` +
          ` (kubectl get serviceaccount ${name} -n ${namespace} -o yaml)`,
      ],
      missing: [],
    };
  }
  // Every namespace has a `default` ServiceAccount; one the manifests do not show links no secrets.
  const linked = serviceAccount?.imagePullSecrets ?? [];
  const origin = serviceAccount?.origin ?? `the default ServiceAccount of ${namespace}`;
  const sink = activeTrace();
  const listedBy = () => accountSource(serviceAccount, origin);
  const tried = trySecrets(image, namespace, linked, state, `${origin} links`, listedBy, sink);
  if ('verdict' in tried) return tried.verdict;
  const { absent } = tried;
  const reasons = [
    ...tried.reasons,
    ...absent.map(
      (secretName) =>
        `${origin} links the pull secret ${secretName}, which is not in the manifests of ${namespace}`,
    ),
  ];
  if (linked.length === 0) reasons.push(`${origin} links no imagePullSecrets`);
  const unlinked = [...state.secrets.values()].find(
    (secret) =>
      secret.namespace === namespace &&
      !linked.includes(secret.name) &&
      coveringKey(secret, image) !== undefined,
  );
  if (sink) traceNode(sink, node, image);
  if (node && 'verdict' in node) return withReasons(node.verdict, reasons);
  if (node) reasons.push(node.reason);
  if (unlinked) {
    reasons.push(`${unlinked.origin} covers ${image.host} but is not linked to ${name}`);
    return {
      verdict: 'denied',
      reasons,
      missing: [linkSecretFix(account, unlinked.name, image.host, linked)],
    };
  }
  return {
    verdict: 'denied',
    reasons: [...reasons, `no pull secret of ${namespace}/${name} covers ${imageName(image)}`],
    missing: [createSecretFix(account, image.host, linked, absent[0])],
  };
}

/**
 * The kubelet decodes every pull secret of the pod before it looks up any registry, and fails the pull on
 * the first it cannot decode (kubernetes pkg/credentialprovider/secrets/secrets.go MakeDockerKeyring returns
 * the error, pkg/kubelet/images/image_manager.go returns it): denied whatever the image, even from the
 * OpenShift integrated registry. The pod's own list when it has one, else its service account's (admission).
 */
export function undecodablePullSecret(
  account: PullingServiceAccount,
  state: ClusterState,
): Verdict | undefined {
  const { namespace, name } = account;
  const names =
    account.podPullSecrets ?? state.serviceAccounts.get(`${namespace}/${name}`)?.imagePullSecrets ?? [];
  for (const secretName of names) {
    const secret = state.secrets.get(`${namespace}/${secretName}`);
    if (secret?.undecodable === undefined) continue;
    const holder = account.podPullSecrets ? 'the pod lists' : `service account ${name} links`;
    return {
      verdict: 'denied',
      reasons: [
        `${holder} ${secret.origin}, which the kubelet cannot decode: ${secret.undecodable};` +
          ` the kubelet decodes every pull secret of the pod before pulling and fails the pull on such an error, whatever the registry` +
          ` (kubernetes pkg/credentialprovider/config.go decodeDockerConfigFieldAuth, secrets/secrets.go MakeDockerKeyring)`,
      ],
      missing: [undecodableSecretFix(account, secretName, secret.undecodable)],
    };
  }
  return undefined;
}

/**
 * Kubernetes docs, "ServiceAccount admission controller": when the pod does not contain any
 * imagePullSecrets, those of its ServiceAccount are added — so a pod that lists its own uses only those.
 */
function evaluatePodPullSecrets(
  image: ImageReference,
  account: PullingServiceAccount,
  listed: readonly string[],
  state: ClusterState,
  node: NodeSide,
): Verdict {
  const { namespace } = account;
  const sink = activeTrace();
  const listedBy = () => ({ label: `the pod (its own list, service account ${namespace}/${account.name})` });
  const tried = trySecrets(image, namespace, listed, state, 'the pod lists', listedBy, sink);
  if ('verdict' in tried) return tried.verdict;
  const { reasons, absent } = tried;
  if (absent.length > 0 && !state.namespaces.has(namespace)) {
    return {
      verdict: 'unknown',
      reasons: [
        ...reasons,
        `unknown: the pod's pull secret ${absent.join(', ')} is not in facts.kubernetes.manifests: add it (its registry hosts with empty entries, never its credentials: kubectl get secret ${absent[0]} -n ${namespace} -o jsonpath='{.data.\\.dockerconfigjson}' | base64 -d | jq -c '{auths: (.auths | map_values({}))}')`,
      ],
      missing: [],
    };
  }
  for (const secretName of absent)
    reasons.push(
      `the pod lists the pull secret ${secretName}, which is not in the manifests of ${namespace}`,
    );
  if (sink) traceNode(sink, node, image);
  if (node && 'verdict' in node) return withReasons(node.verdict, reasons);
  if (node) reasons.push(node.reason);
  const unlisted = [...state.secrets.values()].find(
    (secret) =>
      secret.namespace === namespace &&
      !listed.includes(secret.name) &&
      coveringKey(secret, image) !== undefined,
  );
  const fixSecret =
    unlisted?.name ?? absent[0] ?? `${image.host.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-pull`;
  return {
    verdict: 'denied',
    reasons: [
      ...reasons,
      `the pod lists its own imagePullSecrets (${listed.join(', ')}), so the service account's are not added; none covers ${imageName(image)}`,
    ],
    missing: [podSecretFix(account, image.host, listed, fixSecret, unlisted !== undefined)],
  };
}

function traceNode(sink: TraceSink, node: NodeSide, image: ImageReference): void {
  if (!node) return;
  if (node.nodes) traceCredentialProviders(sink, image, node.nodes);
  if ('verdict' in node) traceNodeSide(sink, true, node.verdict.reasons.join('; '));
  else traceNodeSide(sink, false, node.reason);
}

function accountSource(account: ServiceAccountDefinition | undefined, origin: string): TraceSource {
  return account
    ? placeSource(account.place, `ServiceAccount ${account.namespace}/${account.name}`, ['imagePullSecrets'])
    : { label: `${origin} (not in the manifests: it links no secrets)` };
}

/** The node's verdict, after what the pod's own secrets showed. */
function withReasons(verdict: Verdict, reasons: readonly string[]): Verdict {
  return { ...verdict, reasons: [...reasons, ...verdict.reasons] };
}

/**
 * The named pull secrets of a namespace, in order, as the kubelet tries them: `allowed` by the first whose
 * keys cover the image; else why each present one does not, and which are absent.
 */
function trySecrets(
  image: ImageReference,
  namespace: string,
  names: readonly string[],
  state: ClusterState,
  holder: string,
  listedBy: () => TraceSource,
  sink: TraceSink | undefined,
): { verdict: Verdict } | { reasons: string[]; absent: string[] } {
  if (sink) traceSecretList(sink, listedBy(), names);
  const reasons: string[] = [];
  const absent: string[] = [];
  for (const secretName of names) {
    const secret = state.secrets.get(`${namespace}/${secretName}`);
    if (sink) traceSecret(sink, image, namespace, secretName, secret);
    if (!secret) {
      absent.push(secretName);
      continue;
    }
    const key = coveringKey(secret, image);
    if (key !== undefined) {
      return {
        verdict: allowed([
          `${holder} ${secret.origin}, whose registry key ${key} covers ${image.host}; the credential itself cannot be checked offline`,
        ]),
      };
    }
    reasons.push(describeMiss(secret, image));
  }
  return { reasons, absent };
}

function coveringKey(secret: PullSecretDefinition, image: ImageReference): string | undefined {
  return inKubeletOrder(secret.registryKeys ?? []).find((key) => registryKeyCovers(key, image));
}

function describeMiss(secret: PullSecretDefinition, image: ImageReference): string {
  if (secret.problem) return `${secret.origin} cannot be used as a pull secret: ${secret.problem}`;
  const keys = secret.registryKeys ?? [];
  return `${secret.origin} covers ${keys.length > 0 ? keys.join(', ') : 'no registry'}, not ${image.host}`;
}
