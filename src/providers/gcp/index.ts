// Google Cloud as pullcheck knows it: Artifact Registry and gcr.io, the GKE and service-account targets,
// and where its rules, live reads and login are (loaded when a check needs them). The config contract reads
// this definition, so it imports only data: the schema fragment, the registries, the live-facts join.
import type { ProviderDefinition } from '../../core/provider.ts';
import { gcpLiveFacts } from './live-facts.ts';
import { garRegistry, gcrRegistry } from './registry.ts';
import { gcpSchema } from './schema.ts';

/** How a Google service account is written as a principal (an IAM member). */
export const SERVICE_ACCOUNT = 'serviceAccount:';
/** How an identity federated from a workload identity pool is written (IAM "Principal identifiers"). */
export const FEDERATED_PRINCIPAL = 'principal://iam.googleapis.com/projects/';

export const gcp: ProviderDefinition<typeof gcpSchema> = {
  name: 'gcp',
  schema: gcpSchema,
  platforms: ['gke', 'gcp-service-account', 'cloud-run'],
  registries: [garRegistry, gcrRegistry],
  // A Google service account pulls from Google registries under Google's rule, on whatever runs it.
  // A federated principal of a workload identity pool (a CI job logged in without a service account) too.
  ownsPrincipal: (principal) =>
    principal.startsWith(SERVICE_ACCOUNT) || principal.startsWith(FEDERATED_PRINCIPAL),
  // Eager: the bundle keeps the rules in the chunk that loads this definition (every check needs them).
  rules: () => import(/* webpackMode: "eager" */ './rules.ts'),
  liveReads: () => import('./live-reads.ts'),
  liveFacts: gcpLiveFacts,
  login: () => import('./registry-login.ts'),
  actionInputs: [
    {
      name: 'gcp-workload-identity-provider',
      shape: /^projects\/\d+\/locations\/global\/workloadIdentityPools\/[^/]+\/providers\/[^/]+$/,
      expected: 'projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER',
    },
    { name: 'gcp-service-account', shape: /^[^@\s]+@[^@\s]+$/, expected: 'a service account email' },
  ],
  credentialHint: 'set gcp-workload-identity-provider, or use Application Default Credentials',
  federatedInputs: (inputs) =>
    inputs['gcp-workload-identity-provider'] ? ['gcp-workload-identity-provider'] : [],
};
