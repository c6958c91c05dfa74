// The provider list: the one place that names every cloud. A new cloud is a new folder under
// src/providers/ exporting a ProviderDefinition (src/core/provider.ts) and a line here; the engine routes
// each question to the one provider that owns it (src/core/ownership.ts), so the order decides no verdict.
import type { LoadedConfig } from '../core/config/load.ts';
import { prepareProviders, type PreparedProvider, type ProviderDefinition } from '../core/provider.ts';
import { aws } from './aws/index.ts';
import { gcp } from './gcp/index.ts';
import { kubernetes } from './kubernetes/index.ts';
import { k3s } from './kubernetes/k3s/index.ts';

// Their order is only the order of their findings in a report and of their logins and live reads.
export const providers: readonly ProviderDefinition[] = [aws, gcp, k3s, kubernetes];

/** Every provider with its rules built from the config's facts (this reads the files they name). */
export function preparedProviders(config: LoadedConfig): PreparedProvider[] {
  return prepareProviders(providers, config);
}
