// Explain's k3s steps (issue 19): the mirrors entry k3s applies to the image's host, each endpoint containerd
// tries in order (mirrors, rewrites, the registry itself) with the configs entry whose auth it gets, and the
// credential of that entry — its kind and account, never its secret. Only while a trace is active.
import type { ConfigPath } from '../../../core/config/yaml-source.ts';
import type { ImageReference } from '../../../core/image-reference.ts';
import type { TraceOutcome, TraceSink, TraceSource } from '../../../core/trace.ts';
import type { Verdict } from '../../../core/verdict.ts';
import type { HostCredential } from './credentials.ts';
import type { PullEndpoint, PullPlan } from './endpoints.ts';
import { isRegistryItself } from './pull-verdict.ts';
import type { RegistriesFile } from './registries-file.ts';

export const K3S_LAYER = 'k3s registries.yaml';

/** `atRegistry`: the registry's own verdict with its credential, when the rule decided it. */
export function traceK3sPull(
  sink: TraceSink,
  image: ImageReference,
  plan: PullPlan,
  file: RegistriesFile,
  credential: HostCredential,
  atRegistry?: Verdict,
): void {
  const at = (label: string, path: ConfigPath): TraceSource => ({
    label,
    file: file.file,
    line: file.locate(path).line,
  });
  const entry = plan.mirrorsEntry;
  sink.step({
    layer: K3S_LAYER,
    subject: entry === undefined ? `mirrors for ${image.host}` : `mirrors."${entry}"`,
    source:
      entry === undefined
        ? { label: file.file, file: file.file }
        : at(`mirrors."${entry}"`, ['mirrors', entry]),
    outcome: entry === undefined ? 'not matched' : 'matched',
    detail:
      entry === undefined
        ? `no mirrors entry applies to ${image.host}: only the registry itself is tried`
        : `k3s applies mirrors."${entry}" to ${image.host}${plan.defaultDisabled ? '; the default endpoint is not tried (--disable-default-registry-endpoint)' : ''}`,
  });
  plan.endpoints.forEach((endpoint, i) => {
    const source =
      endpoint.isDefault || entry === undefined
        ? { label: `the default endpoint of ${image.host}` }
        : at(`mirrors."${entry}".endpoint`, ['mirrors', entry, 'endpoint']);
    sink.step({
      layer: K3S_LAYER,
      subject: `endpoint #${i + 1} ${endpoint.url}`,
      source,
      outcome: endpointOutcome(endpoint, image, atRegistry),
      detail:
        endpointDetail(endpoint, image) +
        (atRegistry && isRegistryItself(endpoint, image) ? `: ${atRegistry.reasons.join('; ')}` : ''),
    });
  });
  if (credential.configKey === undefined) return;
  const key = credential.configKey;
  sink.step({
    layer: K3S_LAYER,
    subject: `configs."${key}".auth`,
    source: at(`configs."${key}".auth`, ['configs', key, 'auth']),
    outcome: credential.credential.kind === 'unusable' ? 'not matched' : 'matched',
    detail: credentialDetail(credential),
  });
}

function endpointOutcome(endpoint: PullEndpoint, image: ImageReference, atRegistry?: Verdict): TraceOutcome {
  if (!isRegistryItself(endpoint, image)) return 'undecided';
  if (!atRegistry) return 'matched';
  return atRegistry.verdict === 'allowed'
    ? 'matched'
    : atRegistry.verdict === 'denied'
      ? 'not matched'
      : 'undecided';
}

function endpointDetail(endpoint: PullEndpoint, image: ImageReference): string {
  const what =
    endpoint.kind === 'embedded'
      ? "the embedded registry (the cluster's peers)"
      : endpoint.kind === 'mirror'
        ? 'a mirror: whether it serves the image cannot be known offline'
        : endpoint.isDefault
          ? `the registry itself (its default endpoint, tried last)`
          : 'the registry itself';
  const asked =
    endpoint.repository === undefined
      ? '; its rewrites disagree on the repository'
      : endpoint.repository === image.path
        ? ''
        : `; asked for ${endpoint.repository} (rewritten from ${image.path})`;
  const auth =
    endpoint.authKey === undefined ? 'with no credentials' : `with the auth of configs."${endpoint.authKey}"`;
  return `${what}${asked}, ${auth}`;
}

function credentialDetail({ credential }: HostCredential): string {
  switch (credential.kind) {
    case 'none':
      return 'no auth';
    case 'service-account-key':
      return `a service-account key of ${credential.email}: the pull is that service account's (its IAM grants decide)`;
    case 'unusable':
      return `a credential that cannot work: ${credential.problem}`;
    case 'expiring-token':
      return `a pasted ${credential.issuer === 'google' ? 'Google access token (1 hour)' : 'ECR token (12 hours)'}, which expires`;
    case 'basic':
      return `username and password${credential.username ? ` for ${credential.username}` : ''}`;
  }
}
