// Which registry serves an image, asked of the providers' registry definitions: each knows its own hosts
// and path form, so a new registry is a provider's declaration, not an edit here. A host is claimed by at
// most one registry; hosts the config declares for a registry (an OpenShift route) win over built-in ones.
import type { TargetInput } from './config/schema.ts';
import {
  imageName,
  OTHER_REGISTRY,
  type ImageReference,
  type ReferenceFailure,
  type RegistryLocation,
  type RegistryLocator,
} from './image-reference.ts';

export interface RegistryDefinition {
  /** The registry's name in reports and the key of its owner (`ecr`, `gar`, `openshift`…). */
  readonly kind: string;
  /** Hosts the config's targets declare for this registry beyond its own (an OpenShift registry route). */
  declaredHosts?(targets: readonly TargetInput[]): readonly string[];
  /**
   * Where an image at `host` lives in this registry, or undefined when the host is not one of its own.
   * `declared`: the config declared the host for this registry. Calls `fail` for a path it would refuse.
   */
  locate(
    host: string,
    components: readonly string[],
    fail: ReferenceFailure,
    declared: boolean,
  ): RegistryLocation | undefined;
  /**
   * One image reached through several hosts has one key (an OpenShift image stream: CI pushes through the
   * route, pods pull through the service host). Default: the host and path.
   */
  imageKey?(location: RegistryLocation): string;
}

/** A location of another kind than its registry's would reach another provider's casts: a programming error. */
function ownLocation(
  registry: RegistryDefinition,
  location: RegistryLocation | undefined,
): RegistryLocation | undefined {
  if (location && location.kind !== registry.kind) {
    throw new Error(`registry ${registry.kind} located an image as ${location.kind}`);
  }
  return location;
}

/** What makes two references the same pull: their registry's image key, else the repository name. */
export function imageKey(image: ImageReference, registries: readonly RegistryDefinition[]): string {
  const registry = registries.find((candidate) => candidate.kind === image.registry.kind);
  return registry?.imageKey?.(image.registry) ?? imageName(image);
}

/** The locator for a config's targets over these registries. */
export function registryLocator(
  registries: readonly RegistryDefinition[],
  targets: readonly TargetInput[] = [],
): RegistryLocator {
  const declared = new Map<string, RegistryDefinition>();
  for (const registry of registries) {
    for (const host of registry.declaredHosts?.(targets) ?? []) {
      const earlier = declared.get(host.toLowerCase());
      if (earlier && earlier !== registry) {
        throw new Error(`registries ${earlier.kind} and ${registry.kind} both declare ${host.toLowerCase()}`);
      }
      declared.set(host.toLowerCase(), registry);
    }
  }
  return (host, components, fail) => {
    const owner = declared.get(host);
    if (owner) return ownLocation(owner, owner.locate(host, components, fail, true)) ?? OTHER_REGISTRY;
    let found: { registry: RegistryDefinition; location: RegistryLocation } | undefined;
    for (const registry of registries) {
      const location = ownLocation(registry, registry.locate(host, components, fail, false));
      if (!location) continue;
      // Two registries reading one host would make the verdict depend on their order: a programming error.
      if (found) throw new Error(`registries ${found.registry.kind} and ${registry.kind} both claim ${host}`);
      found = { registry, location };
    }
    return found?.location ?? OTHER_REGISTRY;
  };
}
