// k3s as pullcheck knows it: k3s targets, whose nodes pull with the credentials of their registries.yaml,
// and where its rules are (loaded when a check runs). Its targets and facts are in the Kubernetes schema
// fragment; it owns no registry.
import type { ProviderDefinition } from '../../../core/provider.ts';

/** How a k3s target's nodes are written as a principal. */
export const K3S_NODE = 'k3s:';

export const k3s: ProviderDefinition<undefined> = {
  name: 'k3s',
  schema: undefined,
  platforms: ['k3s'],
  registries: [],
  ownsPrincipal: (principal) => principal.startsWith(K3S_NODE),
  // Eager: the bundle keeps the rules in the chunk that loads this definition (every check needs them).
  rules: () => import(/* webpackMode: "eager" */ './rules.ts'),
};
