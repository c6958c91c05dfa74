// The provider list: the one place that names every cloud. A new cloud is a new folder under
// src/providers/ exporting a ProviderDefinition (src/core/provider.ts) and a line here: its schema joins the
// config contract, its registries the image locator, its rules the engine, which routes each question to
// the one provider that owns it (src/core/ownership.ts), so the order decides no verdict.
import type { LoadedConfig } from '../core/config/load.ts';
import {
  loadProviders,
  prepareProviders,
  type LoadedProvider,
  type PreparedProvider,
} from '../core/provider.ts';
import type { RegistryDefinition } from '../core/registries.ts';
import { aws } from './aws/index.ts';
import { gcp } from './gcp/index.ts';
import { kubernetes } from './kubernetes/index.ts';
import { k3s } from './kubernetes/k3s/index.ts';

// Their order is only the order of their findings in a report and of their logins and live reads.
// A tuple, so the config contract types every cloud's schema fragment (ProviderDefinition<Schema>).
export const providers = [aws, gcp, k3s, kubernetes] as const;

/** Every provider's registries: which registry serves an image (src/core/registries.ts). */
export const registries: readonly RegistryDefinition[] = providers.flatMap((provider) => provider.registries);

let loading: Promise<LoadedProvider[]> | undefined;

/** Every provider with its rules module loaded (once per process). */
export function loadedProviders(): Promise<LoadedProvider[]> {
  // A failed load is not kept: the next check tries again.
  loading ??= loadProviders(providers).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Every provider with its rules built from the config's facts (this reads the files they name). */
export async function preparedProviders(config: LoadedConfig): Promise<PreparedProvider[]> {
  return prepareProviders(await loadedProviders(), config);
}
