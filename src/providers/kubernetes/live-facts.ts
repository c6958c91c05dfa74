// Cluster objects read live follow the ones the config gives inline.
import type { LiveFactsJoin } from '../../core/provider.ts';

interface KubernetesFacts {
  readonly manifests?: readonly string[];
  readonly objects?: readonly unknown[];
}

// Objects read live, so explain names the read that gave them rather than a line of the config.
const liveObjects = new WeakSet<object>();

export function isLiveObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && liveObjects.has(value);
}

export const kubernetesLiveFacts: LiveFactsJoin = {
  join(stated, read): KubernetesFacts {
    const facts = (stated ?? {}) as KubernetesFacts;
    const live = (read['objects'] ?? []) as unknown[];
    for (const object of live) if (typeof object === 'object' && object !== null) liveObjects.add(object);
    return { ...facts, objects: [...(facts.objects ?? []), ...live] };
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
