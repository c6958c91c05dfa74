// Whose principal access boundaries live reads read: the service accounts the targets pull as (a
// gcp-service-account target's, a gke target's listed ones, else those its node pools run as — the default
// one named from the project number), and the principal sets each is in (./principal-access-boundaries.ts):
// its project's, and its folders' and organization's once the project's ancestry is known. Each set is read
// once; sets the config states are not read. Service agents (service-NUMBER@…) live in Google's projects,
// whose bindings no customer can read: they are left to the rule, which names them as not known.
import type { TargetInput } from '../../core/config/schema.ts';
import type { CollectedCluster } from './collect.ts';
import type { GcpProjectFacts } from './facts.ts';
import type { GoogleApis } from './google-apis.ts';
import { PRINCIPAL_SET, readBoundaries, type CollectedBoundaries } from './pab-reads.ts';
import type { GcpFactsInput } from './schema.ts';
import { serviceAccountProject } from './service-account-project.ts';

export interface PullerReads {
  readonly targets: readonly TargetInput[];
  readonly known: GcpFactsInput;
  /** Project numbers by id, stated or being read (gke and cloud-run targets). */
  readonly numbers: ReadonlyMap<string, Promise<string | undefined>>;
  /** Node pools being read, by cluster name (projects/P/locations/L/clusters/C). */
  readonly clusters: ReadonlyMap<string, Promise<CollectedCluster>>;
  /** The folders and organization above a project, as stated, else read once (and written with the project). */
  ancestors(project: string): Promise<readonly string[] | undefined>;
  readonly api: GoogleApis;
}

export async function readBoundariesOfPullers(reads: PullerReads): Promise<CollectedBoundaries[]> {
  const emails = await pullingAccounts(reads);
  const owners = await projectIndex(reads);
  const stated = new Set(
    (reads.known.principalAccessBoundaries ?? []).map((entry) =>
      entry.principalSet.slice(PRINCIPAL_SET.length),
    ),
  );
  const pending = new Map<string, Promise<CollectedBoundaries>>();
  const read = (container: string) => {
    if (!pending.has(container)) pending.set(container, readBoundaries(reads.api, container));
  };
  await Promise.all(
    emails.map(async (email) => {
      if (/^service-\d+@/.test(email)) return;
      const owner = serviceAccountProject(email, owners);
      const keys = [owner?.id, owner?.number].flatMap((key) =>
        key === undefined ? [] : [`projects/${key}`],
      );
      if (keys.length === 0) return;
      if (!keys.some((key) => stated.has(key))) read(keys[0]!);
      if (owner?.id === undefined) return;
      for (const ancestor of (await reads.ancestors(owner.id)) ?? [])
        if (!stated.has(ancestor)) read(ancestor);
    }),
  );
  return Promise.all(pending.values());
}

/** The emails of the service accounts the gke and gcp-service-account targets pull as. */
async function pullingAccounts(reads: PullerReads): Promise<string[]> {
  const emails = new Set<string>();
  for (const target of reads.targets) {
    if (target.platform === 'gcp-service-account') {
      for (const account of target.serviceAccounts) emails.add(account.email);
    }
    if (target.platform !== 'gke') continue;
    if (target.serviceAccounts && target.serviceAccounts.length > 0) {
      for (const account of target.serviceAccounts) emails.add(account.email);
      continue;
    }
    const { project, location, cluster } = target;
    if (project === undefined) continue;
    const name = `projects/${project}/locations/${location}/clusters/${cluster}`;
    const stated = (reads.known.clusters ?? []).find(
      (entry) => entry.project === project && entry.location === location && entry.name === cluster,
    );
    const pools = stated?.nodePools ?? (await reads.clusters.get(name))?.nodePools ?? [];
    const number = await reads.numbers.get(project);
    // Without node pools, or in one that runs as "default": the Compute Engine default service account.
    for (const account of pools.length > 0 ? pools.map((pool) => pool.serviceAccount) : ['default']) {
      if (account !== 'default') emails.add(account);
      else if (number !== undefined) emails.add(`${number}-compute@developer.gserviceaccount.com`);
    }
  }
  return [...emails];
}

/** Projects by id and by number (stated, or numbers read), to name a default compute account's project. */
async function projectIndex(reads: PullerReads) {
  const projects = new Map<string, GcpProjectFacts>();
  const projectsByNumber = new Map<string, GcpProjectFacts>();
  const add = (id: string, number: string | undefined) => {
    const project: GcpProjectFacts = {
      id,
      gcrBackend: 'artifact-registry',
      ...(number === undefined ? {} : { number }),
    };
    projects.set(id, project);
    if (number !== undefined) projectsByNumber.set(number, project);
  };
  for (const project of reads.known.projects ?? []) add(project.id, project.number);
  for (const [id, number] of reads.numbers) if (projects.get(id)?.number === undefined) add(id, await number);
  return { projects, projectsByNumber };
}
