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
//   Registry buckets (gcrBackend: storage).
// A type only: the module itself is loaded with import() when a repository policy is read.
import type { ArtifactRegistryClient } from '@google-cloud/artifact-registry';
import type { CallOutcome, CallRunner } from '../../core/call-runner.ts';
import type { TargetInput } from '../../core/config/schema.ts';
import type { GcpFactsInput } from './schema.ts';
import type { ImageReference } from '../../core/image-reference.ts';
import type { GcpFacts, GcpProjectFacts } from './facts.ts';
import { pullResource, type PullResource } from './resources.ts';

export interface GcpCollectInput {
  /** The planned images. */
  readonly images: readonly ImageReference[];
  /** The config's targets. */
  readonly targets: readonly TargetInput[];
  /** What the config already states: those resources are used as given, never read. */
  readonly known: GcpFactsInput;
}

export interface GcpCollectOptions {
  readonly runner: CallRunner;
  /**
   * An authenticated google-auth-library client (AuthClient or GoogleAuth). The Artifact Registry client sends
   * through its `fetch`; the plain REST calls take its `getRequestHeaders`.
   */
  readonly authClient:
    { getRequestHeaders(url?: string): Promise<Headers | Record<string, string>> } | unknown;
  /** Base URLs (scheme, host, port) for tests and Private Service Connect endpoints. */
  readonly endpoints?: {
    readonly artifactRegistry?: string;
    readonly resourceManager?: string;
    readonly container?: string;
    readonly storage?: string;
  };
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
};

const DEFAULTS = {
  artifactRegistry: 'https://artifactregistry.googleapis.com',
  resourceManager: 'https://cloudresourcemanager.googleapis.com',
  container: 'https://container.googleapis.com',
  storage: 'https://storage.googleapis.com',
} as const;

/** Conditional role bindings are only returned for version 3 requests (IAM docs, "Policy versions"). */
const POLICY_VERSION = 3;

export async function collectGcpFacts(
  input: GcpCollectInput,
  options: GcpCollectOptions,
): Promise<CollectedGcpFacts> {
  const known = indexKnown(input.known);
  const google = input.images.flatMap((image) =>
    image.registry.kind === 'gar' || image.registry.kind === 'gcr' ? [image.registry] : [],
  );
  const resources = new Map<string, PullResource>();
  for (const registry of google) {
    const resource = pullResource(registry, known.facts);
    resources.set(resource.name, resource);
  }
  const gkeTargets = input.targets.flatMap((target) => (target.platform === 'gke' ? [target] : []));
  if (resources.size === 0 && gkeTargets.length === 0) return {};

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

    // The folders and organization above each image's project: as stated, else one getAncestry call.
    const ancestry = new Map<string, Promise<readonly string[] | undefined>>();
    for (const project of imageProjects) {
      const stated = known.facts.projects.get(project)?.ancestors;
      ancestry.set(project, stated ? Promise.resolve(stated) : api.ancestors(project));
    }
    const ancestorPolicies = [...ancestry.values()].map(async (pending) => {
      for (const ancestor of (await pending) ?? []) {
        readPolicy(ancestor, () => api.resourceManagerPolicy(ancestor));
      }
    });

    // GKE: the project number (default node identity) and, without stated serviceAccounts, the node pools.
    const numbers = new Map<string, Promise<string | undefined>>();
    for (const target of gkeTargets) {
      if (target.project === undefined || numbers.has(target.project)) continue;
      const stated = known.facts.projects.get(target.project)?.number;
      numbers.set(
        target.project,
        stated !== undefined ? Promise.resolve(stated) : api.projectNumber(target.project),
      );
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

    await Promise.all(ancestorPolicies);
    const iamPolicies = (await Promise.all(policies)).filter((entry) => entry !== undefined);
    const projects = await collectedProjects(ancestry, numbers, known.facts, api.projectProblems);
    const clusterFacts = await Promise.all(clusters.values());
    return {
      ...(projects.length > 0 ? { projects } : {}),
      ...(iamPolicies.length > 0 ? { iamPolicies } : {}),
      ...(clusterFacts.length > 0 ? { clusters: clusterFacts } : {}),
    };
  } finally {
    await api.close();
  }
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

/** An HTTP error from a Google API, named after its canonical status so the CallRunner classifies it. */
export class GoogleApiError extends Error {
  constructor(
    override readonly name: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type HeaderSource = { getRequestHeaders(url?: string): Promise<Headers | Record<string, string>> };

/** The calls, each through the runner (one key per resource read). */
class GoogleApis {
  private readonly runner: CallRunner;
  private readonly authClient: unknown;
  private readonly base: { readonly [K in keyof typeof DEFAULTS]: string };
  private artifactRegistry: Promise<ArtifactRegistryClient> | undefined;

  constructor(options: GcpCollectOptions) {
    this.runner = options.runner;
    this.authClient = options.authClient;
    const endpoint = (key: keyof typeof DEFAULTS) =>
      (options.endpoints?.[key] ?? DEFAULTS[key]).replace(/\/+$/, '');
    this.base = {
      artifactRegistry: endpoint('artifactRegistry'),
      resourceManager: endpoint('resourceManager'),
      container: endpoint('container'),
      storage: endpoint('storage'),
    };
  }

  /** Artifact Registry `projects.locations.repositories.getIamPolicy`. */
  repositoryPolicy(repository: string): Promise<CallOutcome<unknown>> {
    const permission = 'artifactregistry.repositories.getIamPolicy';
    return this.runner.run(
      { key: `gcp:getIamPolicy:${repository}`, permission, resource: repository },
      async (signal) => {
        const client = await this.artifactRegistryClient();
        const call = client.getIamPolicy({
          resource: repository,
          options: { requestedPolicyVersion: POLICY_VERSION },
        });
        const [policy] = await untilAborted(call, signal).catch((error: unknown) => {
          throw asGoogleApiError(error);
        });
        return policy;
      },
    );
  }

  /** Resource Manager v3 `projects|folders|organizations.getIamPolicy`. */
  resourceManagerPolicy(resource: string): Promise<CallOutcome<unknown>> {
    const kind = resource.slice(0, resource.indexOf('/'));
    const permission = `resourcemanager.${kind}.getIamPolicy`;
    return this.runner.run({ key: `gcp:getIamPolicy:${resource}`, permission, resource }, (signal) =>
      this.json(`${this.base.resourceManager}/v3/${resource}:getIamPolicy`, signal, {
        method: 'POST',
        body: { options: { requestedPolicyVersion: POLICY_VERSION } },
      }),
    );
  }

  /** Cloud Storage `buckets.getIamPolicy`. */
  bucketPolicy(bucket: string): Promise<CallOutcome<unknown>> {
    const resource = `buckets/${bucket}`;
    const url = `${this.base.storage}/storage/v1/b/${encodeURIComponent(bucket)}/iam?optionsRequestedPolicyVersion=${POLICY_VERSION}`;
    return this.runner.run(
      { key: `gcp:getIamPolicy:${resource}`, permission: 'storage.buckets.getIamPolicy', resource },
      (signal) => this.json(url, signal),
    );
  }

  /** Per project: why its number or ancestry could not be read (what is missing is then unknown, not absent). */
  readonly projectProblems = new Map<string, string>();

  /** Resource Manager v3 `projects.get`: the number from `name` (projects/NUMBER). Undefined when unreadable. */
  async projectNumber(project: string): Promise<string | undefined> {
    const outcome = await this.runner.run(
      {
        key: `gcp:projects.get:${project}`,
        permission: 'resourcemanager.projects.get',
        resource: `projects/${project}`,
      },
      (signal) =>
        this.json(`${this.base.resourceManager}/v3/projects/${encodeURIComponent(project)}`, signal),
    );
    if (!outcome.ok) {
      this.projectProblems.set(project, outcome.message);
      return undefined;
    }
    const name = (outcome.value as { name?: unknown } | null)?.name;
    const match = typeof name === 'string' ? /^projects\/([0-9]+)$/.exec(name) : null;
    return match?.[1];
  }

  /** Resource Manager v1 `projects.getAncestry`: folders/N and organizations/N, nearest first. */
  async ancestors(project: string): Promise<readonly string[] | undefined> {
    const outcome = await this.runner.run(
      {
        key: `gcp:getAncestry:${project}`,
        permission: 'resourcemanager.projects.get',
        resource: `projects/${project}`,
      },
      (signal) =>
        this.json(
          `${this.base.resourceManager}/v1/projects/${encodeURIComponent(project)}:getAncestry`,
          signal,
          {
            method: 'POST',
            body: {},
          },
        ),
    );
    if (!outcome.ok) {
      if (!this.projectProblems.has(project)) this.projectProblems.set(project, outcome.message);
      return undefined;
    }
    const ancestor = (outcome.value as { ancestor?: unknown } | null)?.ancestor;
    if (!Array.isArray(ancestor)) return undefined;
    return ancestor.flatMap((item) => {
      const { type, id } = ((item as { resourceId?: unknown }).resourceId ?? {}) as {
        type?: unknown;
        id?: unknown;
      };
      if (typeof id !== 'string' || !/^[0-9]+$/.test(id)) return [];
      if (type === 'folder') return [`folders/${id}`];
      if (type === 'organization') return [`organizations/${id}`];
      return [];
    });
  }

  /** Kubernetes Engine v1 `projects.locations.clusters.nodePools.list`. */
  async nodePools(
    project: string,
    location: string,
    cluster: string,
    number: Promise<string | undefined>,
  ): Promise<CollectedCluster> {
    const resource = `projects/${project}/locations/${location}/clusters/${cluster}`;
    const outcome = await this.runner.run(
      { key: `gcp:nodePools.list:${resource}`, permission: 'container.clusters.get', resource },
      (signal) => this.json(`${this.base.container}/v1/${resource}/nodePools`, signal),
    );
    const where = { project, location, name: cluster };
    if (!outcome.ok) return { ...where, nodePools: [], unreadable: outcome.message };
    const pools = (outcome.value as { nodePools?: unknown } | null)?.nodePools;
    const projectNumber = await number;
    const nodePools = (Array.isArray(pools) ? pools : []).map((item) => {
      const pool = item as { name?: unknown; config?: { serviceAccount?: unknown; oauthScopes?: unknown } };
      const serviceAccount =
        typeof pool.config?.serviceAccount === 'string' ? pool.config.serviceAccount : 'default';
      const scopes = pool.config?.oauthScopes;
      return {
        name: String(pool.name),
        // The API says "default" for the Compute Engine default service account; name it when the number is known.
        serviceAccount:
          serviceAccount === 'default' && projectNumber !== undefined
            ? `${projectNumber}-compute@developer.gserviceaccount.com`
            : serviceAccount,
        scopes: Array.isArray(scopes) ? scopes.map(String) : [],
      };
    });
    return { ...where, nodePools };
  }

  async close(): Promise<void> {
    if (!this.artifactRegistry) return;
    const client = await this.artifactRegistry.catch(() => undefined);
    await client?.close();
  }

  /** Loaded on first use only: the module costs ~0.4 s to load. */
  private artifactRegistryClient(): Promise<ArtifactRegistryClient> {
    this.artifactRegistry ??= (async () => {
      const authClient = this.authClient as { fetch?: unknown } | null | undefined;
      if (typeof authClient?.fetch !== 'function') {
        throw new TypeError(
          'the Artifact Registry client needs a google-auth-library client (AuthClient or GoogleAuth)',
        );
      }
      const { ArtifactRegistryClient } = await import('@google-cloud/artifact-registry');
      const url = new URL(this.base.artifactRegistry);
      const https = url.protocol === 'https:';
      return new ArtifactRegistryClient({
        fallback: true,
        apiEndpoint: url.hostname,
        // The client's default port (443) wins over a port written in apiEndpoint: give it separately.
        port: url.port === '' ? (https ? 443 : 80) : Number(url.port),
        ...(https ? {} : { protocol: 'http' }),
        authClient: this.authClient as never,
      });
    })();
    return this.artifactRegistry;
  }

  private async json(
    url: string,
    signal: AbortSignal,
    request: { method?: 'GET' | 'POST'; body?: unknown } = {},
  ): Promise<unknown> {
    const source = this.authClient as Partial<HeaderSource> | null | undefined;
    if (typeof source?.getRequestHeaders !== 'function') {
      throw new TypeError('the auth client has no getRequestHeaders (expected a google-auth-library client)');
    }
    const headers = new Headers(await source.getRequestHeaders(url));
    headers.set('accept', 'application/json');
    if (request.body !== undefined) headers.set('content-type', 'application/json');
    const response = await fetch(url, {
      method: request.method ?? 'GET',
      headers,
      signal,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    });
    const text = await response.text();
    if (!response.ok) throw errorFromBody(response.status, text);
    return text === '' ? {} : (JSON.parse(text) as unknown);
  }
}

/** Google's error body: { error: { code, message, status } } (Cloud Storage: { error: { code, message, errors } }). */
function errorFromBody(status: number, text: string): GoogleApiError {
  let error: { message?: unknown; status?: unknown; errors?: { reason?: unknown }[] } | undefined;
  try {
    error = (JSON.parse(text) as { error?: typeof error }).error;
  } catch {
    error = undefined;
  }
  const name =
    typeof error?.status === 'string'
      ? error.status
      : typeof error?.errors?.[0]?.reason === 'string'
        ? error.errors[0].reason
        : `HTTP ${status}`;
  const message = typeof error?.message === 'string' ? error.message : text.slice(0, 200);
  return new GoogleApiError(name, status, message);
}

/**
 * The Artifact Registry client's errors as ours. Through a google-auth-library client, an HTTP error arrives as
 * a GaxiosError (gax never decodes it): `response.status`, and the body in `message` (the response is a stream).
 */
function asGoogleApiError(error: unknown): unknown {
  const { response, message } = (error ?? {}) as {
    response?: { status?: unknown; data?: unknown };
    message?: unknown;
  };
  if (typeof response?.status !== 'number') return error;
  const body =
    typeof response.data === 'string'
      ? response.data
      : response.data !== undefined && response.data !== null
        ? JSON.stringify(response.data)
        : typeof message === 'string'
          ? message
          : '';
  return errorFromBody(response.status, body);
}

/** Rejects when the runner's signal aborts (timeout), cancelling the gax call when it can be. */
function untilAborted<T>(call: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      (call as { cancel?: () => void }).cancel?.();
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    call.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}
