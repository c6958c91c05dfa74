// The provider list: the one place that names every cloud. A new cloud is a new folder under
// src/providers/ exporting a ProviderDefinition (src/core/provider.ts) and a line here; the engine routes
// each question to the one provider that owns it (src/core/ownership.ts), so the order does not matter.
import type { LoadedConfig } from '../core/config/load.ts';
import { prepareProviders, type PreparedProvider, type ProviderDefinition } from '../core/provider.ts';
import { aws } from './aws/index.ts';
import { gcp } from './gcp/index.ts';
import { kubernetes } from './kubernetes/index.ts';
import { k3s } from './kubernetes/k3s/index.ts';

export const providers: readonly ProviderDefinition[] = [aws, gcp, kubernetes, k3s];

/** Every provider with its rules built from the config's facts (this reads the files they name). */
export function preparedProviders(config: LoadedConfig): PreparedProvider[] {
  return prepareProviders(providers, config);
}
