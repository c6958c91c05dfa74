// The seam between the provider-free core and each cloud: a provider names the principals of the targets
// it owns and decides the pulls it has a rule for. Evaluators behind it are pure functions of facts.
import type { LoadedConfig } from './config/load.ts';
import type { TargetInput } from './config/schema.ts';
import type { ImageReference } from './image-reference.ts';
import type { Verdict } from './verdict.ts';

/** Who pulls for a target: a named principal, or one that could not be named (with the reason). */
export type TargetPrincipal =
  { readonly principal: string } | { readonly principal: string; readonly unnamed: Verdict };

export interface PullQuestion {
  readonly image: ImageReference;
  readonly target: TargetInput;
  readonly principal: string;
}

export interface Provider {
  readonly name: string;
  /** The principals of `target`, or undefined when the target's platform is not this provider's. */
  principals(target: TargetInput): readonly TargetPrincipal[] | undefined;
  /** The verdict for a pull this provider has a rule for, else undefined. */
  decide(question: PullQuestion): Verdict | undefined;
}

/** Builds a provider from the loaded config (its offline facts); throws ConfigError on bad facts. */
export type ProviderFactory = (config: LoadedConfig) => Provider;
