// Live Google Cloud reads: exactly the facts the Artifact Registry / gcr.io rule needs, in the config's
// `facts.gcp` format (IAM policies as `gcloud … get-iam-policy --format=json` prints them), each resource
// once (CallRunner), and only for resources the config does not already state. What cannot be read becomes
// an `unreadable` entry naming the permission to grant the identity pullcheck reads with.
//
// REST methods used (Google Cloud API references):
// - Artifact Registry v1 `projects.locations.repositories.getIamPolicy` through @google-cloud/artifact-registry
//   in REST fallback mode (GET /v1/{resource}:getIamPolicy?options.requestedPolicyVersion=3);
// - Resource Manager v3 `projects.getIamPolicy`, `folders.getIamPolicy`, `organizations.getIamPolicy`
//   (POST /v3/{resource}:getIamPolicy) and `projects.get` (GET /v3/projects/{id}: name is projects/NUMBER);
// - Resource Manager v1 `projects.getAncestry` (POST /v1/projects/{id}:getAncestry), the folders and
//   organization above a project in one call;
// - Kubernetes Engine v1 `projects.locations.clusters.nodePools.list`
//   (GET /v1/projects/P/locations/L/clusters/C/nodePools: config.serviceAccount, config.oauthScopes);
// - Cloud Storage JSON API `buckets.getIamPolicy` (GET /storage/v1/b/{bucket}/iam), for legacy Container
//   Registry buckets (gcrBackend: storage);
// - IAM v2 deny policies of each image's project, folders and organization (./deny-reads.ts);
// - IAM v3 principal access boundary policies bound to the pulling service accounts' principal sets
//   (./pab-principals.ts, ./pab-reads.ts).
import type { CallOutcome } from '../../core/call-runner.ts';
import type { TargetInput } from '../../core/config/schema.ts';
import type { GcpFactsInput } from './schema.ts';
import type { ImageReference } from '../../core/image-reference.ts';
import type { GcpFacts, GcpProjectFacts } from './facts.ts';
import { readDenyPoliciesAbove, type CollectedDenyPolicies } from './deny-reads.ts';
import { GoogleApis, type GcpCollectOptions } from './google-apis.ts';
import { readBoundariesOfPullers } from './pab-principals.ts';
import type { CollectedBoundaries } from './pab-reads.ts';
import { googleLocationOf } from './registry.ts';
import { pullResource, type PullResource } from './resources.ts';

export type { GcpCollectOptions } from './google-apis.ts';

export interface GcpCollectInput {
  /** The planned images. */
  readonly images: readonly ImageReference[];
  /** The config's targets. */
  readonly targets: readonly TargetInput[];
  /** What the config already states: those resources are used as given, never read. */
  readonly known: GcpFactsInput;
}

/** An IAM policy entry as live reads write it: the policy as plain JSON (what a snapshot holds), or why not. */
export type CollectedIamPolicy =
  | { readonly resource: string; readonly policy: Record<string, unknown> }
  | { readonly resource: string; readonly unreadable: string };

export type CollectedProject = {
  readonly id: string;
  readonly number?: string;
  readonly ancestors?: readonly string[];
  readonly unreadable?: string;
};

export type CollectedCluster = {
  readonly project: string;
  readonly location: string;
  readonly name: string;
  readonly nodePools: readonly {
    readonly name: string;
    readonly serviceAccount: string;
    readonly scopes: readonly string[];
  }[];
  readonly unreadable?: string;
};

/**
 * What live reads found, in the config's `facts.gcp` format. Unlike GcpFactsInput (a loaded config, whose
 * documents are LocatedDocuments), policies are plain JSON, ready to be written as YAML or merged.
 */
export type CollectedGcpFacts = {
  readonly projects?: readonly CollectedProject[];
  readonly iamPolicies?: readonly CollectedIamPolicy[];
  readonly clusters?: readonly CollectedCluster[];
  readonly denyPolicies?: readonly CollectedDenyPolicies[];
  readonly principalAccessBoundaries?: readonly CollectedBoundaries[];
};

export async function collectGcpFacts(
  input: GcpCollectInput,
  options: GcpCollectOptions,
): Promise<CollectedGcpFacts> {
  const known = indexKnown(input.known);
  const google = input.images.flatMap((image) => googleLocationOf(image) ?? []);
  const resources = new Map<string, PullResource>();
  for (const registry of google) {
    const resource = pullResource(registry, known.facts);
    resources.set(resource.name, resource);
  }
  const gkeTargets = input.targets.flatMap((target) => (target.platform === 'gke' ? [target] : []));
  const runProjects = cloudRunProjects(input.targets);
  if (resources.size === 0 && gkeTargets.length === 0 && runProjects.length === 0) return {};

  const api = new GoogleApis(options);
  try {
    const policies: Promise<CollectedIamPolicy | undefined>[] = [];
    const requested = new Set<string>();
    const readPolicy = (resource: string, read: () => Promise<CallOutcome<unknown>>) => {
      if (known.policies.has(resource) || requested.has(resource)) return;
      requested.add(resource);
      policies.push(read().then((outcome) => policyEntry(resource, outcome)));
    };
    const imageProjects = new Set<string>();
    for (const resource of resources.values()) {
      if (resource.kind === 'repository')
        readPolicy(resource.name, () => api.repositoryPolicy(resource.name));
      else readPolicy(resource.name, () => api.bucketPolicy(resource.bucket));
      imageProjects.add(resource.project);
    }
    for (const project of imageProjects) {
      readPolicy(`projects/${project}`, () => api.resourceManagerPolicy(`projects/${project}`));
    }

    const { ancestry, ancestors } = ancestryReads(known, api);
    const ancestorPolicies = [...imageProjects].map(async (project) => {
      for (const ancestor of (await ancestors(project)) ?? []) {
        readPolicy(ancestor, () => api.resourceManagerPolicy(ancestor));
      }
    });

    const { numbers, clusters } = gkeReads(gkeTargets, runProjects, known, api);
    const denyReads = readDenyPoliciesAbove(imageProjects, ancestry, input.known.denyPolicies, api);
    // Principal access boundaries only limit Google resources: read when a Google image is pulled.
    const boundaryReads =
      resources.size > 0
        ? readBoundariesOfPullers({ ...input, numbers, clusters, ancestors, api })
        : Promise.resolve([]);

    await Promise.all(ancestorPolicies);
    const iamPolicies = (await Promise.all(policies)).filter((entry) => entry !== undefined);
    // Before the projects: the pulling accounts' ancestry, read for their boundaries, is written with them.
    const principalAccessBoundaries = await boundaryReads;
    return withoutEmpty({
      denyPolicies: await denyReads,
      principalAccessBoundaries,
      projects: await collectedProjects(ancestry, numbers, known.facts, api.projectProblems),
      iamPolicies,
      clusters: await Promise.all(clusters.values()),
    });
  } finally {
    await api.close();
  }
}

/** The facts read, without the kinds of which none were read. */
function withoutEmpty(facts: { [K in keyof CollectedGcpFacts]-?: NonNullable<CollectedGcpFacts[K]> }) {
  return Object.fromEntries(
    Object.entries(facts).filter(([, entries]) => entries.length > 0),
  ) as CollectedGcpFacts;
}

/**
 * The folders and organization above a project (an image's, a pulling account's): as stated, else one
 * getAncestry call per project; `ancestry` holds every project asked about.
 */
function ancestryReads(known: KnownFacts, api: GoogleApis) {
  const ancestry = new Map<string, Promise<readonly string[] | undefined>>();
  const ancestors = (project: string) => {
    const stated = known.facts.projects.get(project)?.ancestors;
    if (!ancestry.has(project))
      ancestry.set(project, stated ? Promise.resolve(stated) : api.ancestors(project));
    return ancestry.get(project)!;
  };
  return { ancestry, ancestors };
}

/** The projects whose number a cloud-run target needs (the service agent's name) and does not state. */
export function cloudRunProjects(targets: readonly TargetInput[]): string[] {
  return [
    ...new Set(
      targets.flatMap((target) =>
        target.platform === 'cloud-run' && target.projectNumber === undefined && target.project !== undefined
          ? [target.project]
          : [],
      ),
    ),
  ];
}

/**
 * GKE: the project number (default node identity) and, without stated serviceAccounts, the node pools;
 * Cloud Run: the number of each project in `runProjects` (it names the service agent).
 */
function gkeReads(
  gkeTargets: readonly Extract<TargetInput, { platform: 'gke' }>[],
  runProjects: readonly string[],
  known: KnownFacts,
  api: GoogleApis,
) {
  const numbers = new Map<string, Promise<string | undefined>>();
  for (const project of [...gkeTargets.map((target) => target.project), ...runProjects]) {
    if (project === undefined || numbers.has(project)) continue;
    const stated = known.facts.projects.get(project)?.number;
    numbers.set(project, stated !== undefined ? Promise.resolve(stated) : api.projectNumber(project));
  }
  const clusters = new Map<string, Promise<CollectedCluster>>();
  for (const target of gkeTargets) {
    const { project, location, cluster } = target;
    if (project === undefined || location === undefined || cluster === undefined) continue;
    if (target.serviceAccounts && target.serviceAccounts.length > 0) continue;
    const name = `projects/${project}/locations/${location}/clusters/${cluster}`;
    if (known.clusters.has(name) || clusters.has(name)) continue;
    clusters.set(
      name,
      api.nodePools(project, location, cluster, numbers.get(project) ?? Promise.resolve(undefined)),
    );
  }
  return { numbers, clusters };
}

/** The project numbers and ancestors read live (not the stated ones), one entry per project. */
async function collectedProjects(
  ancestry: ReadonlyMap<string, Promise<readonly string[] | undefined>>,
  numbers: ReadonlyMap<string, Promise<string | undefined>>,
  facts: GcpFacts,
  problems: ReadonlyMap<string, string>,
): Promise<CollectedProject[]> {
  const byId = new Map<
    string,
    { id: string; number?: string; ancestors?: readonly string[]; unreadable?: string }
  >();
  const entry = (id: string) => byId.get(id) ?? byId.set(id, { id }).get(id)!;
  for (const [id, pending] of ancestry) {
    const ancestors = await pending;
    if (ancestors !== undefined && facts.projects.get(id)?.ancestors === undefined)
      entry(id).ancestors = ancestors;
  }
  for (const [id, pending] of numbers) {
    const number = await pending;
    if (number !== undefined && facts.projects.get(id)?.number === undefined) entry(id).number = number;
  }
  for (const [id, problem] of problems) entry(id).unreadable = problem;
  return [...byId.values()];
}

function policyEntry(resource: string, outcome: CallOutcome<unknown>): CollectedIamPolicy {
  return outcome.ok
    ? { resource, policy: gcloudPolicy(outcome.value) }
    : { resource, unreadable: outcome.message };
}

interface KnownFacts {
  /** Enough of GcpFacts for pullResource (projects' gcrBackend) and for what is stated per project. */
  readonly facts: GcpFacts;
  readonly policies: ReadonlySet<string>;
  /** projects/P/locations/L/clusters/C */
  readonly clusters: ReadonlySet<string>;
}

function indexKnown(known: GcpFactsInput): KnownFacts {
  const projects = new Map<string, GcpProjectFacts>(
    (known.projects ?? []).map((project) => [
      project.id,
      {
        id: project.id,
        gcrBackend: project.gcrBackend ?? 'artifact-registry',
        ...(project.number === undefined ? {} : { number: project.number }),
        ...(project.ancestors === undefined ? {} : { ancestors: project.ancestors }),
      },
    ]),
  );
  const facts: GcpFacts = {
    projects,
    projectsByNumber: new Map(),
    policies: new Map(),
    unreadable: new Map(),
    customRoles: new Map(),
    groups: new Map(),
    clusters: new Map(),
    denyPolicies: new Map(),
    principalAccessBoundaries: new Map(),
  };
  return {
    facts,
    policies: new Set((known.iamPolicies ?? []).map((entry) => entry.resource)),
    clusters: new Set(
      (known.clusters ?? []).map(
        (cluster) => `projects/${cluster.project}/locations/${cluster.location}/clusters/${cluster.name}`,
      ),
    ),
  };
}

/** An IAM policy as gcloud prints it: bindings (omitted when none), etag as base64, version. */
function gcloudPolicy(raw: unknown): Record<string, unknown> {
  const value = (raw ?? {}) as { bindings?: unknown; etag?: unknown; version?: unknown };
  const bindings = (Array.isArray(value.bindings) ? value.bindings : []).map((item) => {
    const binding = item as { role?: unknown; members?: unknown; condition?: unknown };
    const condition = binding.condition as
      { expression?: unknown; title?: unknown; description?: unknown } | null | undefined;
    return {
      role: String(binding.role),
      members: Array.isArray(binding.members) ? binding.members.map(String) : [],
      ...(condition && typeof condition.expression === 'string' && condition.expression !== ''
        ? {
            condition: {
              expression: condition.expression,
              ...(typeof condition.title === 'string' && condition.title !== ''
                ? { title: condition.title }
                : {}),
              ...(typeof condition.description === 'string' && condition.description !== ''
                ? { description: condition.description }
                : {}),
            },
          }
        : {}),
    };
  });
  const etag =
    typeof value.etag === 'string'
      ? value.etag
      : value.etag instanceof Uint8Array
        ? Buffer.from(value.etag).toString('base64')
        : undefined;
  return {
    ...(bindings.length > 0 ? { bindings } : {}),
    ...(etag === undefined || etag === '' ? {} : { etag }),
    ...(typeof value.version === 'number' ? { version: value.version } : {}),
  };
}
