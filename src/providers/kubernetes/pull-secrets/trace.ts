// Explain's pull-secret steps (issue 19): the secrets the pod or its service account names, each tried in the
// kubelet's order, and each registry key of a secret in the kubelet's key order — the one that covers the
// image's host, or why each does not — then what the node's own credentials add. Only while tracing.
import type { ImageReference } from '../../../core/image-reference.ts';
import type { TraceSink, TraceSource } from '../../../core/trace.ts';
import type { PullSecretDefinition } from '../rbac/model.ts';
import { placeSource } from '../rbac/trace.ts';
import { inKubeletOrder, keyMiss, registryKeyCovers } from './registry-match.ts';

export const SECRETS_LAYER = 'imagePullSecrets';

export function traceSecretList(sink: TraceSink, source: TraceSource, names: readonly string[]): void {
  sink.step({
    layer: SECRETS_LAYER,
    subject: `imagePullSecrets of ${source.label}`,
    source,
    outcome: names.length > 0 ? 'matched' : 'not matched',
    detail: names.length > 0 ? `tried in this order: ${names.join(', ')}` : 'no imagePullSecrets',
  });
}

/** One named secret: absent, unusable, or its keys tried in the kubelet's order up to the one that covers. */
export function traceSecret(
  sink: TraceSink,
  image: ImageReference,
  namespace: string,
  secretName: string,
  secret: PullSecretDefinition | undefined,
): void {
  const label = `Secret ${namespace}/${secretName}`;
  if (!secret) {
    sink.step({
      layer: SECRETS_LAYER,
      subject: label,
      source: { label: 'facts.kubernetes.manifests' },
      outcome: 'not matched',
      detail: `${secretName} is not in the manifests of ${namespace}`,
    });
    return;
  }
  const source = placeSource(secret.place, label, []);
  const keys = inKubeletOrder(secret.registryKeys ?? []);
  const covering = keys.find((key) => registryKeyCovers(key, image));
  sink.step({
    layer: SECRETS_LAYER,
    subject: label,
    source,
    outcome: covering === undefined ? 'not matched' : 'matched',
    detail: secret.problem
      ? `it cannot be used as a pull secret: ${secret.problem}`
      : covering === undefined
        ? `its registry keys (${keys.join(', ') || 'none'}) do not cover ${image.host}`
        : `its registry key ${covering} covers ${image.host}; the credential itself cannot be checked offline`,
  });
  const data = placeSource(secret.place, label, ['data']);
  for (const key of keys) {
    const covers = key === covering;
    sink.step({
      layer: SECRETS_LAYER,
      subject: `registry key ${key} of ${label}`,
      source: data,
      outcome: covers ? 'matched' : 'not matched',
      detail: covers ? `covers ${image.host}/${image.path}` : keyMiss(key, image),
    });
    if (covers) return; // the kubelet uses the first key that covers the image
  }
}

/** The node's own credentials, tried after the pod's secrets. */
export function traceNodeSide(sink: TraceSink, decided: boolean, why: string): void {
  sink.step({
    layer: 'node credentials',
    subject: "the node's own registry credentials",
    source: { label: 'global pull secret or kubelet credential providers' },
    outcome: decided ? 'undecided' : 'not matched',
    detail: why,
  });
}
