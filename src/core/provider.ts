// The seam between the provider-free core and each cloud: a provider names the principals of the targets
// it owns and decides the pulls it has a rule for. Evaluators behind it are pure functions of facts.
import type { LoadedConfig } from './config/load.ts';
import type { TargetInput } from './config/schema.ts';
import type { ImageReference } from './image-reference.ts';
import type { ReportFinding, Verdict } from './verdict.ts';

/** Who pulls for a target: a named principal, or one that could not be named (with the reason). */
export type TargetPrincipal =
  /** `reasons` say how the principal was found (e.g. a default identity); they lead the verdict's reasons. */
  | { readonly principal: string; readonly reasons?: readonly string[] }
  | { readonly principal: string; readonly unnamed: Verdict };

export interface PullQuestion {
  readonly image: ImageReference;
  readonly target: TargetInput;
  readonly principal: string;
}

export interface Provider {
  readonly name: string;
  /**
   * Who pulls `image` for `target`, or undefined when the target's platform is not this provider's.
   * Usually the same for every image; a k3s node's credential depends on the registry host.
   */
  principals(target: TargetInput, image: ImageReference): readonly TargetPrincipal[] | undefined;
  /** The verdict for a pull this provider has a rule for, else undefined. */
  decide(question: PullQuestion): Verdict | undefined;
  /** Things worth reporting that are not verdicts (a committed private key, an expiring token). */
  findings?(): readonly ReportFinding[];
}

/** Builds a provider from the loaded config (its offline facts); throws ConfigError on bad facts. */
export type ProviderFactory = (config: LoadedConfig) => Provider;
