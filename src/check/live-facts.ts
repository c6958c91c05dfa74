// Live facts join the config's, each provider's under its own `facts.<name>`: what the config states wins
// (a planned change can be checked before it exists), live reads fill the rest.
import type { LoadedConfig } from '../core/config/load.ts';
import type { ConfigInput } from '../core/config/schema.ts';
import { providers } from '../providers/index.ts';

/** Live facts in the config's `facts` format by provider name, documents as plain JSON (what a snapshot holds). */
export type LiveFacts = Readonly<Record<string, Record<string, unknown>>>;

export function withLiveFacts(config: LoadedConfig, live: LiveFacts): LoadedConfig {
  const facts: Record<string, unknown> = { ...config.input.facts };
  for (const { name, liveFacts } of providers) {
    if (liveFacts) facts[name] = liveFacts.join(facts[name], live[name] ?? {});
  }
  return { ...config, input: { ...config.input, facts: facts as NonNullable<ConfigInput['facts']> } };
}

/** The resources live reads supplied (role ARNs, repository ARNs, IAM policy resources, clusters, objects). */
export function liveResources(live: LiveFacts): string[] {
  return providers.flatMap(({ name, liveFacts }) => liveFacts?.resources(live[name] ?? {}) ?? []);
}
