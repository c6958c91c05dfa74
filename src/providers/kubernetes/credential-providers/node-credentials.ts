// Which credentials the nodes' kubelet image credential providers give for an image (Kubernetes "Kubelet
// image credential provider"; pkg/credentialprovider/plugin/plugin.go: a provider is run only for images one
// of its matchImages covers, isImageAllowed → URLsMatchStr, and every provider that matches is run; the
// kubelet tries their credentials after the pod's pull secrets, and the pull works if any works).
// ecr-credential-provider (kubernetes/cloud-provider-aws) authenticates as the node's AWS identity, so its
// pulls are the node role's; what any other plugin, or one given the pod's service-account token (KEP-4412,
// tokenAttributes), returns cannot be known offline.
import type { ImageReference } from '../../../core/image-reference.ts';
import { matchImageCovers } from '../pull-secrets/registry-match.ts';
import type { ProvidersFile } from './config-file.ts';
import type { CredentialProviderInput } from './schema.ts';

export interface NodeFacts {
  /** The providers the target's nodes run; false: none; undefined: not stated. */
  readonly providers?: ProvidersFile | false;
  readonly nodeRole?: string;
}

export type NodeCredentials =
  /** Nothing stated, for a registry a node credential provider commonly serves. */
  | { readonly kind: 'not-given'; readonly reason: string }
  | { readonly kind: 'none'; readonly reason: string }
  /** ecr-credential-provider matches: the node pulls as this role. */
  | { readonly kind: 'role'; readonly role: string; readonly reason: string }
  | { readonly kind: 'unknown'; readonly reason: string };

export const ECR_PROVIDER = 'ecr-credential-provider';

// The registries cloud providers ship a kubelet credential provider for (ecr-credential-provider; the GCP
// credential provider of kubernetes/cloud-provider-gcp for Artifact Registry and gcr.io).
const PROVIDER_OF: Readonly<Record<string, string>> = {
  ecr: ECR_PROVIDER,
  gar: 'the GCP credential provider',
  gcr: 'the GCP credential provider',
};

/** undefined: nothing stated, and no node credential provider is usual for this registry. */
export function nodeCredentialsFor(image: ImageReference, facts: NodeFacts): NodeCredentials | undefined {
  const { providers } = facts;
  const host = image.host;
  if (providers === undefined) {
    const usual = PROVIDER_OF[image.registry.kind];
    if (!usual) return undefined;
    return {
      kind: 'not-given',
      reason:
        `unknown: a kubelet image credential provider on the nodes (such as ${usual}) may supply credentials for ${host}, and the target does not say which the nodes run:` +
        ` name their CredentialProviderConfig (the kubelet's --image-credential-provider-config file) under credentialProviderConfig, or write credentialProviderConfig: false if they run none`,
    };
  }
  if (providers === false)
    return {
      kind: 'none',
      reason: 'the nodes run no kubelet image credential provider (credentialProviderConfig: false)',
    };
  const matching = providers.providers
    .map((provider, i) => ({ provider, at: providers.at(i) }))
    .filter(({ provider }) => provider.matchImages.some((pattern) => matchImageCovers(pattern, image)));
  if (matching.length === 0)
    return {
      kind: 'none',
      reason: `no kubelet image credential provider of ${providers.file} matches ${host} (matchImages)`,
    };
  const [only] = matching;
  if (
    matching.length === 1 &&
    only &&
    only.provider.name === ECR_PROVIDER &&
    !only.provider.tokenAttributes
  ) {
    if (image.registry.kind !== 'ecr')
      return {
        kind: 'unknown',
        reason: `unknown: ${only.at}: ${ECR_PROVIDER} matches ${host}, which is not an Amazon ECR registry it can log in to`,
      };
    if (!facts.nodeRole)
      return {
        kind: 'unknown',
        reason: `unknown: ${only.at}: ${ECR_PROVIDER} supplies credentials for ${host} as the nodes' AWS identity: name that role (the instance profile's) under the target's nodeRole`,
      };
    return {
      kind: 'role',
      role: facts.nodeRole,
      reason: `the kubelet's ${ECR_PROVIDER} (${only.at}) matches ${host}: the node pulls as ${facts.nodeRole} (nodeRole)`,
    };
  }
  return {
    kind: 'unknown',
    reason: matching.map(({ provider, at }) => unknownPlugin(provider, at, host)).join('; '),
  };
}

function unknownPlugin(provider: CredentialProviderInput, at: string, host: string): string {
  const token = provider.tokenAttributes;
  if (token)
    return (
      `unknown: ${at}: the plugin ${provider.name} exchanges the pod's service-account token (audience ${token.serviceAccountTokenAudience}) for credentials for ${host} (KEP-4412);` +
      ` which identity that becomes, and whether the registry's cloud trusts the token, cannot be known offline`
    );
  return `unknown: ${at}: the plugin ${provider.name} supplies credentials for ${host}; whose they are, and whether the registry accepts them, cannot be known offline`;
}
