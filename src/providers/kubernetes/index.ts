// OpenShift and Kubernetes as pullcheck knows them: the integrated registry, the targets whose pods pull
// as a service account, and where the rules, live reads and login are (loaded when a check needs them).
// The config contract reads this definition, so it imports only data: the schema fragment, the registry,
// the live-facts join.
import type { ProviderDefinition } from '../../core/provider.ts';
import { kubernetesLiveFacts } from './live-facts.ts';
import { openshiftRegistry } from './openshift/registry.ts';
import { kubernetesSchema } from './schema.ts';

/** How a service account is written as a principal (a Kubernetes user name). */
export const SERVICE_ACCOUNT = 'system:serviceaccount:';
/** How an OpenShift user that is not a service account is named as a principal (a workflow login's). */
export const OPENSHIFT_USER = 'openshift-user:';

export const kubernetes: ProviderDefinition<typeof kubernetesSchema> = {
  name: 'kubernetes',
  schema: kubernetesSchema,
  platforms: ['openshift', 'kubernetes'],
  registries: [openshiftRegistry],
  // A workflow's OpenShift login may give a user (openshift-user:NAME, openshift/ci-login.ts) who pushes.
  ownsPrincipal: (principal) => principal.startsWith(SERVICE_ACCOUNT) || principal.startsWith(OPENSHIFT_USER),
  // Eager: the bundle keeps the rules in the chunk that loads this definition (every check needs them).
  rules: () => import(/* webpackMode: "eager" */ './rules.ts'),
  liveReads: () => import('./live-reads.ts'),
  liveFacts: kubernetesLiveFacts,
  login: () => import('./openshift/registry-login.ts'),
  actionInputs: [
    { name: 'openshift-server', shape: /^https:\/\//, expected: 'an https:// API server URL' },
    { name: 'openshift-token', shape: /./, expected: 'a token', secret: true },
  ],
  credentialHint: 'set openshift-server and openshift-token',
  // Without a token, the OpenShift login exchanges GitHub's ID token at the server.
  federatedInputs: (inputs) =>
    inputs['openshift-server'] && !inputs['openshift-token'] ? ['openshift-server'] : [],
  inputCredentials: (inputs) => {
    const [server, token] = [inputs['openshift-server'], inputs['openshift-token']];
    return server && token ? { server, token } : undefined;
  },
};
