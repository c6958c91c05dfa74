// The Google API calls live reads make, each through the CallRunner (one key per resource read):
// Artifact Registry through its client library in REST mode, the rest as plain REST with the auth
// client's headers. Errors are named after Google's canonical status so the runner classifies them.
// A type only: the module itself is loaded with import() when a repository policy is read.
import type { ArtifactRegistryClient } from '@google-cloud/artifact-registry';
import type { CallOutcome, CallRunner } from '../../core/call-runner.ts';
import type { CollectedCluster } from './collect.ts';

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
    readonly iam?: string;
  };
}

const DEFAULTS = {
  artifactRegistry: 'https://artifactregistry.googleapis.com',
  resourceManager: 'https://cloudresourcemanager.googleapis.com',
  container: 'https://container.googleapis.com',
  storage: 'https://storage.googleapis.com',
  iam: 'https://iam.googleapis.com',
} as const;

/** Conditional role bindings are only returned for version 3 requests (IAM docs, "Policy versions"). */
const POLICY_VERSION = 3;

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
export class GoogleApis {
  readonly runner: CallRunner;
  private readonly authClient: unknown;
  readonly base: { readonly [K in keyof typeof DEFAULTS]: string };
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
      iam: endpoint('iam'),
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

  /** A GET (or POST) with the auth client's headers; Google's error body becomes a GoogleApiError. */
  async json(
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
