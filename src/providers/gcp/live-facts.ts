// Google Cloud facts read live join the config's: a project the config names keeps its stated fields,
// live reads add the ones it leaves out; policies, clusters, deny policies and principal access boundaries read
// live follow the stated ones.
import { liveDocument, readEntries } from '../../core/live-facts.ts';
import type { GcpFactsInput } from './schema.ts';
import type { LiveFactsJoin } from '../../core/provider.ts';

type Entry = Record<string, unknown>;
const list = (value: unknown) => (value ?? []) as Entry[];

// Deny and principal access boundary entries read live, so a trace names the read, not a line of the config.
const liveEntries = new WeakSet<object>();
const markedLive = (value: unknown) =>
  list(value).map((entry) => {
    liveEntries.add(entry);
    return entry;
  });

/** The entry of facts.gcp came from live reads (explain's source of a deny rule or boundary). */
export function isLiveEntry(entry: unknown): boolean {
  return typeof entry === 'object' && entry !== null && liveEntries.has(entry);
}

export const gcpLiveFacts: LiveFactsJoin = {
  join(stated, read): GcpFactsInput {
    const facts = (stated ?? {}) as GcpFactsInput;
    const projects = new Map((facts.projects ?? []).map((project) => [project.id, project]));
    for (const project of list(read['projects'])) {
      const id = String(project['id']);
      projects.set(id, { ...(project as { id: string }), ...projects.get(id) });
    }
    return {
      ...facts,
      projects: [...projects.values()],
      iamPolicies: [
        ...(facts.iamPolicies ?? []),
        ...list(read['iamPolicies']).map((entry) => ({
          ...entry,
          ...('policy' in entry ? { policy: liveDocument(entry['policy']) } : {}),
        })),
      ],
      clusters: [...(facts.clusters ?? []), ...list(read['clusters'])],
      denyPolicies: [...(facts.denyPolicies ?? []), ...markedLive(read['denyPolicies'])],
      principalAccessBoundaries: [
        ...(facts.principalAccessBoundaries ?? []),
        ...markedLive(read['principalAccessBoundaries']),
      ],
      workloadIdentityProviders: [
        ...(facts.workloadIdentityProviders ?? []),
        ...list(read['workloadIdentityProviders']),
      ],
    } as GcpFactsInput;
  },
  resources(read) {
    return [
      ...readEntries<{ resource: string }>(read['iamPolicies']).map((entry) => entry.resource),
      ...readEntries<{ project: string; location: string; name: string }>(read['clusters']).map(
        (entry) => `projects/${entry.project}/locations/${entry.location}/clusters/${entry.name}`,
      ),
      ...readEntries<{ attachmentPoint: string }>(read['denyPolicies']).map(
        (entry) => `${entry.attachmentPoint} (deny policies)`,
      ),
      ...readEntries<{ principalSet: string }>(read['principalAccessBoundaries']).map(
        (entry) => `${entry.principalSet} (principal access boundary policies)`,
      ),
      ...readEntries<{ name: string }>(read['workloadIdentityProviders']).map((entry) => entry.name),
    ];
  },
};
