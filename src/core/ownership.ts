// Who answers which question, decided once from what each provider declares. A platform has exactly one
// owner, a registry kind at most one; a pull is decided by the registry's owner when the principal is one
// of its own identities (a Google service account pulling from Artifact Registry, whichever target holds
// its key), else by the target's owner (whose rule may say it has none, e.g. an IAM role and gcr.io).
import type { TargetInput } from './config/schema.ts';
import type { ImageReference } from './image-reference.ts';
import type { PreparedProvider, ProviderDefinition } from './provider.ts';

export interface Ownership {
  /** The provider that names the pulling identities of this target; undefined: nobody can yet. */
  targetOwner(target: TargetInput): PreparedProvider | undefined;
  /** The provider that owns the image's registry; undefined for registries no provider owns. */
  registryOwner(image: ImageReference): PreparedProvider | undefined;
  /** The one provider asked to decide this pull. */
  decider(image: ImageReference, target: TargetInput, principal: string): PreparedProvider | undefined;
}

export function ownership(providers: readonly PreparedProvider[]): Ownership {
  checkDeclarations(providers.map((provider) => provider.definition));
  const byPlatform = new Map<string, PreparedProvider>();
  const byRegistry = new Map<string, PreparedProvider>();
  for (const provider of providers) {
    for (const platform of provider.definition.platforms) byPlatform.set(platform, provider);
    for (const { kind } of provider.definition.registries) byRegistry.set(kind, provider);
  }
  const registryOwner = (image: ImageReference) => byRegistry.get(image.registry.kind);
  const targetOwner = (target: TargetInput) => byPlatform.get(target.platform);
  return {
    targetOwner,
    registryOwner,
    decider(image, target, principal) {
      const owner = registryOwner(image);
      return owner?.definition.ownsPrincipal(principal) ? owner : targetOwner(target);
    },
  };
}

/** Two providers claiming one platform or registry kind is a programming error: it fails at once. */
export function checkDeclarations(definitions: readonly ProviderDefinition[]): void {
  const claimed = new Map<string, string>();
  for (const definition of definitions) {
    const claims = [
      ...definition.platforms.map((platform) => `platform ${platform}`),
      ...definition.registries.map(({ kind }) => `registry kind ${kind}`),
    ];
    for (const claim of claims) {
      const earlier = claimed.get(claim);
      if (earlier !== undefined && earlier !== definition.name) {
        throw new Error(`providers ${earlier} and ${definition.name} both claim ${claim}`);
      }
      claimed.set(claim, definition.name);
    }
  }
}
