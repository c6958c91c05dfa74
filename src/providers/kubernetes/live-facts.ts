// Cluster objects read live follow the ones the config gives inline.
import type { LiveFactsJoin } from '../../core/provider.ts';

interface KubernetesFacts {
  readonly manifests?: readonly string[];
  readonly objects?: readonly unknown[];
}

export const kubernetesLiveFacts: LiveFactsJoin = {
  join(stated, read): KubernetesFacts {
    const facts = (stated ?? {}) as KubernetesFacts;
    return { ...facts, objects: [...(facts.objects ?? []), ...((read['objects'] ?? []) as unknown[])] };
  },
  resources(read) {
    return (
      (read['objects'] ?? []) as { kind?: string; metadata?: { name?: string; namespace?: string } }[]
    ).map(
      (object) =>
        `${object.kind ?? 'object'} ${object.metadata?.namespace ? `${object.metadata.namespace}/` : ''}${object.metadata?.name ?? ''}`,
    );
  },
};
