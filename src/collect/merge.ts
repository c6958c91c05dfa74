// Live facts join the config's: what the config states wins (a planned change can be checked before it
// exists), live reads fill the rest. Documents read live are marked as such in messages.
import { LocatedDocument } from '../core/config/document.ts';
import type { LoadedConfig } from '../core/config/load.ts';
import type { ConfigInput } from '../core/config/schema.ts';

/** Live facts in the config's `facts` format, documents as plain JSON (what a snapshot holds). */
export interface LiveFacts {
  readonly aws?: Record<string, unknown>;
  readonly gcp?: Record<string, unknown>;
  readonly kubernetes?: { readonly objects?: readonly unknown[] };
}

const LIVE = { file: '(live read)', line: 1, column: 1 };
const located = (value: unknown) =>
  value !== null && typeof value === 'object' && !(value instanceof LocatedDocument)
    ? new LocatedDocument(value, LIVE)
    : value;

export function withLiveFacts(config: LoadedConfig, live: LiveFacts): LoadedConfig {
  const facts = config.input.facts ?? {};
  const append = <T>(
    stated: readonly T[] | undefined,
    read: readonly unknown[] | undefined,
    convert: (entry: Record<string, unknown>) => unknown,
  ) => [...(stated ?? []), ...((read ?? []) as Record<string, unknown>[]).map(convert)] as T[];
  const aws = live.aws ?? {};
  const gcp = live.gcp ?? {};
  const merged: ConfigInput['facts'] = {
    ...facts,
    aws: {
      ...facts.aws,
      roles: append(facts.aws?.roles, aws['roles'] as unknown[], (role) => ({
        ...role,
        ...(Array.isArray(role['policies']) ? { policies: role['policies'].map(located) } : {}),
        ...('permissionsBoundary' in role
          ? { permissionsBoundary: located(role['permissionsBoundary']) }
          : {}),
      })),
      repositories: append(facts.aws?.repositories, aws['repositories'] as unknown[], (entry) => ({
        ...entry,
        ...('policy' in entry ? { policy: located(entry['policy']) } : {}),
      })),
      registries: append(facts.aws?.registries, aws['registries'] as unknown[], (entry) => ({
        ...entry,
        ...('policy' in entry ? { policy: located(entry['policy']) } : {}),
      })),
      clusters: append(facts.aws?.clusters, aws['clusters'] as unknown[], (entry) => entry),
    },
    gcp: {
      ...facts.gcp,
      projects: mergeProjects(facts.gcp?.projects, gcp['projects'] as Record<string, unknown>[] | undefined),
      iamPolicies: append(facts.gcp?.iamPolicies, gcp['iamPolicies'] as unknown[], (entry) => ({
        ...entry,
        ...('policy' in entry ? { policy: located(entry['policy']) } : {}),
      })),
      clusters: append(facts.gcp?.clusters, gcp['clusters'] as unknown[], (entry) => entry),
    },
    kubernetes: {
      ...facts.kubernetes,
      objects: append(facts.kubernetes?.objects, live.kubernetes?.objects, (entry) => entry),
    },
  };
  return { ...config, input: { ...config.input, facts: merged } };
}

/** A project the config names keeps its stated fields; live reads add the ones it leaves out. */
function mergeProjects(
  stated: NonNullable<NonNullable<ConfigInput['facts']>['gcp']>['projects'],
  read: Record<string, unknown>[] | undefined,
) {
  const byId = new Map((stated ?? []).map((project) => [project.id, project]));
  for (const project of read ?? []) {
    const id = String(project['id']);
    byId.set(id, { ...(project as { id: string }), ...byId.get(id) });
  }
  return [...byId.values()];
}

/** The resources live reads supplied (role ARNs, repository ARNs, IAM policy resources, clusters, objects). */
export function liveResources(live: LiveFacts): string[] {
  const names: string[] = [];
  const aws = live.aws ?? {};
  // An entry the cloud refused (`unreadable`) was not read: it is not claimed as a live fact.
  const read = <T>(entries: unknown): T[] =>
    ((entries as (T & { unreadable?: string })[] | undefined) ?? []).filter(
      (entry) => entry.unreadable === undefined,
    );
  for (const key of ['roles', 'repositories'] as const) {
    for (const entry of read<{ arn: string }>(aws[key])) names.push(entry.arn);
  }
  for (const entry of read<{ account: string; region: string }>(aws['registries'])) {
    names.push(`ECR registry ${entry.account} ${entry.region}`);
  }
  for (const entry of read<{ platform: string; name: string }>(aws['clusters'])) {
    names.push(`${entry.platform} cluster ${entry.name}`);
  }
  const gcp = live.gcp ?? {};
  for (const entry of read<{ resource: string }>(gcp['iamPolicies'])) names.push(entry.resource);
  for (const entry of read<{ project: string; location: string; name: string }>(gcp['clusters'])) {
    names.push(`projects/${entry.project}/locations/${entry.location}/clusters/${entry.name}`);
  }
  for (const object of (live.kubernetes?.objects ?? []) as {
    kind?: string;
    metadata?: { name?: string; namespace?: string };
  }[]) {
    names.push(
      `${object.kind ?? 'object'} ${object.metadata?.namespace ? `${object.metadata.namespace}/` : ''}${object.metadata?.name ?? ''}`,
    );
  }
  return names;
}
