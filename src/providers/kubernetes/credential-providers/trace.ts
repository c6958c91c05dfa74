// Explain's steps for the kubelet's image credential providers (issue 19): each provider of the nodes'
// CredentialProviderConfig, in the kubelet's order, with whether one of its matchImages covers the image —
// and, for ecr-credential-provider, whose credentials it gives. Only while a trace is active.
import type { ImageReference } from '../../../core/image-reference.ts';
import type { TraceSink, TraceSource } from '../../../core/trace.ts';
import { matchImageCovers } from '../pull-secrets/registry-match.ts';
import { ECR_PROVIDER, type NodeFacts } from './node-credentials.ts';

export const PROVIDERS_LAYER = 'kubelet credential provider';

export function traceCredentialProviders(
  sink: TraceSink,
  image: ImageReference,
  facts: NodeFacts | undefined,
): void {
  const providers = facts?.providers;
  if (providers === undefined || providers === false) {
    sink.step({
      layer: PROVIDERS_LAYER,
      subject: 'credentialProviderConfig',
      source: { label: "the target's credentialProviderConfig" },
      outcome: providers === false ? 'not matched' : 'skipped',
      detail:
        providers === false
          ? 'the nodes run no kubelet image credential provider (credentialProviderConfig: false)'
          : 'the target does not say which credential providers its nodes run',
    });
    return;
  }
  providers.providers.forEach((provider, i) => {
    const covering = provider.matchImages.find((pattern) => matchImageCovers(pattern, image));
    const ecr = provider.name === ECR_PROVIDER && !provider.tokenAttributes;
    sink.step({
      layer: PROVIDERS_LAYER,
      subject: `provider ${provider.name}`,
      source: placeOf(providers.at(i), `provider ${provider.name} of ${providers.file}`),
      outcome: covering === undefined ? 'not matched' : ecr && facts?.nodeRole ? 'matched' : 'undecided',
      detail:
        covering === undefined
          ? `none of its matchImages (${provider.matchImages.join(', ')}) covers ${image.host}/${image.path}`
          : `matchImages ${covering} covers ${image.host}` +
            (ecr
              ? `: it logs in as the nodes' AWS identity${facts?.nodeRole ? ` (${facts.nodeRole}, nodeRole)` : ', which the target does not name (nodeRole)'}`
              : ': whose credentials it gives cannot be known offline'),
    });
  });
}

/** "file:line" as config-file.ts gives a provider's place. */
function placeOf(at: string, label: string): TraceSource {
  const colon = at.lastIndexOf(':');
  const line = Number(at.slice(colon + 1));
  return Number.isInteger(line) && colon > 0 ? { label, file: at.slice(0, colon), line } : { label };
}
