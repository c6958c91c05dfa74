import { publicImagesProvider } from '../core/public-images.ts';
import type { ProviderFactory } from '../core/provider.ts';
import { awsProvider } from './aws/index.ts';
import { gcpProvider } from './gcp/index.ts';
import { kubernetesProvider } from './kubernetes/index.ts';
import { k3sProvider } from './kubernetes/k3s/index.ts';

/** Every provider, in the order they are asked. A new registry is a new folder and a line here. */
export const providers: readonly ProviderFactory[] = [
  publicImagesProvider,
  awsProvider,
  gcpProvider,
  k3sProvider,
  kubernetesProvider,
];
