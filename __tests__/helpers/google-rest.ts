// The Google Cloud REST APIs live reads call, on 127.0.0.1, faithful to what the real clients send and get:
// - Artifact Registry v1 repositories.getIamPolicy: GET /v1/projects/P/locations/L/repositories/R:getIamPolicy
//   (what @google-cloud/artifact-registry sends in REST fallback mode: the google.api.http rule is a GET, the
//   policy version rides in the `options.requestedPolicyVersion` query parameter, plus `$alt=json;enum-encoding=int`);
// - Resource Manager v3 projects/folders/organizations getIamPolicy: POST /v3/{resource}:getIamPolicy with
//   { options: { requestedPolicyVersion } }; v3 projects.get: GET /v3/projects/P → { name: projects/NUMBER, … };
//   v1 projects.getAncestry: POST /v1/projects/P:getAncestry → { ancestor: [{ resourceId: { type, id } }] };
// - Kubernetes Engine v1 nodePools.list: GET /v1/projects/P/locations/L/clusters/C/nodePools → { nodePools };
// - Cloud Storage JSON API buckets.getIamPolicy: GET /storage/v1/b/B/iam → { kind: storage#policy, … };
// - IAM v2 policies.listPolicies: GET /v2/policies/{attachment point, URL-encoded}/denypolicies → { policies:
//   [metadata only: rules are omitted], nextPageToken } (pageSize, pageToken), and policies.get:
//   GET /v2/policies/{attachment point}/denypolicies/ID → the policy with its rules;
// - IAM v3 policyBindings.list and principalAccessBoundaryPolicies.get (./google-iam-v3.ts).
// Every request must carry `Authorization: Bearer <token>`. Errors use Google's bodies: { error: { code, message,
// status, details } } (Cloud Storage: { error: { code, message, errors: [{ reason }] } }). A permission can be
// denied on a resource, and faults (503, 429, any status) injected; every request is recorded.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { iamV1Route, type IamV1State } from './google-iam-v1.ts';
import { iamV3Route, type IamV3State } from './google-iam-v3.ts';

export type Json = Record<string, unknown>;
export type GoogleRestApi =
  'artifactregistry' | 'cloudresourcemanager' | 'container' | 'storage' | 'iam' | 'unknown';

/** A deny policy as the IAM v2 API holds it: its id under the attachment point, and its rules. */
export interface FakeDenyPolicy {
  readonly id: string;
  readonly displayName?: string;
  readonly rules: readonly Json[];
}

export interface FakeNodePool {
  readonly name: string;
  /** Omitted or "default": the Compute Engine default service account (the API says "default"). */
  readonly serviceAccount?: string;
  readonly oauthScopes: readonly string[];
}

export interface FakeProject {
  readonly number: string;
  /** folders/N and organizations/N, nearest first. */
  readonly ancestors?: readonly string[];
}

export interface FakeGoogleRestState extends IamV3State, IamV1State {
  /** IAM policies by resource: projects/P[/locations/L/repositories/R], folders/F, organizations/O, buckets/B. */
  readonly policies?: Readonly<Record<string, Json>>;
  readonly projects?: Readonly<Record<string, FakeProject>>;
  /** Node pools by cluster name, projects/P/locations/L/clusters/C. */
  readonly clusters?: Readonly<Record<string, readonly FakeNodePool[]>>;
  /** Deny policies by attachment point (projects/P, folders/F, organizations/O). */
  readonly denyPolicies?: Readonly<Record<string, readonly FakeDenyPolicy[]>>;
  /** Deny policies per page of policies.listPolicies (the API's default is larger). */
  readonly denyPolicyPageSize?: number;
  /** "PERMISSION on RESOURCE" the caller lacks (e.g. `artifactregistry.repositories.getIamPolicy on projects/…`). */
  readonly denied?: readonly string[];
}

export interface RestFault {
  /** Matches the request path (without query). */
  readonly path: RegExp;
  readonly status: number;
  readonly body?: unknown;
  /** How many matching requests get this answer; default 1. */
  readonly times?: number;
  /** Answer only after this long (a slow or hanging API). */
  readonly delayMs?: number;
}

export interface RecordedRestRequest {
  readonly api: GoogleRestApi;
  readonly method: string;
  readonly path: string;
  /** The path as sent, before percent-decoding (an attachment point must arrive URL-encoded). */
  readonly rawPath: string;
  readonly query: URLSearchParams;
  readonly authorization: string | undefined;
  readonly body: string;
}

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

export class FakeGoogleRest {
  readonly requests: RecordedRestRequest[] = [];
  private readonly faults: { fault: RestFault; left: number }[] = [];
  private server: Server | undefined;
  url = '';

  constructor(
    private readonly state: FakeGoogleRestState,
    private readonly token: string,
  ) {}

  async start(): Promise<this> {
    const server = createServer((request, response) => {
      void this.handle(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  inject(fault: RestFault): void {
    this.faults.push({ fault, left: fault.times ?? 1 });
  }

  /** Requests whose path matches, e.g. count(/:getIamPolicy$/). */
  count(path: RegExp): number {
    return this.requests.filter((request) => path.test(request.path)).length;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    const api = apiOf(path);
    this.requests.push({
      api,
      method: request.method ?? '',
      path,
      rawPath: url.pathname,
      query: url.searchParams,
      authorization: request.headers.authorization,
      body,
    });
    const reply = (status: number, json: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
      response.end(JSON.stringify(json));
    };
    if (request.headers.authorization !== `Bearer ${this.token}`) {
      return reply(
        401,
        googleError(
          401,
          'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
          api,
        ),
      );
    }
    const fault = this.faults.find((entry) => entry.left > 0 && entry.fault.path.test(path));
    if (fault) {
      fault.left--;
      if (fault.fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.fault.delayMs));
      if (response.destroyed) return;
      return reply(
        fault.fault.status,
        fault.fault.body ?? googleError(fault.fault.status, 'The service is currently unavailable.', api),
      );
    }
    const answer = this.route(request.method ?? 'GET', path, url.searchParams, body);
    reply(answer.status, answer.body);
  }

  private route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: string,
  ): { status: number; body: unknown } {
    let match: RegExpExecArray | null;
    // Artifact Registry: the http rule is `get: "/v1/{resource=projects/*/locations/*/repositories/*}:getIamPolicy"`.
    if (
      (match = /^\/v1\/(projects\/[^/]+\/locations\/[^/]+\/repositories\/[^/]+):getIamPolicy$/.exec(path))
    ) {
      if (method !== 'GET') return notFound(path, 'artifactregistry');
      const version = Number(query.get('options.requestedPolicyVersion') ?? '0');
      return this.policy(
        'artifactregistry.repositories.getIamPolicy',
        match[1]!,
        version,
        'artifactregistry',
      );
    }
    if ((match = /^\/v3\/((?:projects|folders|organizations)\/[^/]+):getIamPolicy$/.exec(path))) {
      if (method !== 'POST') return notFound(path, 'cloudresourcemanager');
      const resource = match[1]!;
      const kind = resource.slice(0, resource.indexOf('/'));
      const version = Number(
        (parseBody(body) as { options?: { requestedPolicyVersion?: number } }).options
          ?.requestedPolicyVersion ?? 0,
      );
      return this.policy(`resourcemanager.${kind}.getIamPolicy`, resource, version, 'cloudresourcemanager');
    }
    if ((match = /^\/v3\/projects\/([^/:]+)$/.exec(path)) && method === 'GET') {
      const id = match[1]!;
      const project = this.state.projects?.[id];
      const denied = this.denied('resourcemanager.projects.get', `projects/${id}`, 'cloudresourcemanager');
      if (denied || !project) return denied ?? projectDenied('resourcemanager.projects.get', id);
      return {
        status: 200,
        body: {
          name: `projects/${project.number}`,
          parent: project.ancestors?.[0] ?? '',
          projectId: id,
          state: 'ACTIVE',
          displayName: id,
          createTime: '2024-01-15T10:00:00.000Z',
          updateTime: '2024-01-15T10:00:00.000Z',
          etag: 'W/"5c1b1f0f2f5a4e1c"',
        },
      };
    }
    if ((match = /^\/v1\/projects\/([^/:]+):getAncestry$/.exec(path)) && method === 'POST') {
      const id = match[1]!;
      const project = this.state.projects?.[id];
      const denied = this.denied('resourcemanager.projects.get', `projects/${id}`, 'cloudresourcemanager');
      if (denied || !project) return denied ?? projectDenied('resourcemanager.projects.get', id);
      const ancestor = [
        { resourceId: { type: 'project', id } },
        ...(project.ancestors ?? []).map((name) => {
          const [type, number] = name.split('/') as [string, string];
          return { resourceId: { type: type === 'folders' ? 'folder' : 'organization', id: number } };
        }),
      ];
      return { status: 200, body: { ancestor } };
    }
    if (
      (match = /^\/v1\/(projects\/[^/]+\/locations\/[^/]+\/clusters\/[^/]+)\/nodePools$/.exec(path)) &&
      method === 'GET'
    ) {
      const cluster = match[1]!;
      const denied = this.denied('container.clusters.get', cluster, 'container');
      if (denied) return denied;
      const pools = this.state.clusters?.[cluster];
      if (!pools) {
        return { status: 404, body: googleError(404, `Not found: ${cluster}.`, 'container') };
      }
      return {
        status: 200,
        body: {
          nodePools: pools.map((pool) => ({
            name: pool.name,
            config: {
              machineType: 'e2-medium',
              diskSizeGb: 100,
              oauthScopes: pool.oauthScopes,
              serviceAccount: pool.serviceAccount ?? 'default',
              imageType: 'COS_CONTAINERD',
              diskType: 'pd-balanced',
            },
            initialNodeCount: 3,
            autoscaling: {},
            management: { autoUpgrade: true, autoRepair: true },
            selfLink: `https://container.googleapis.com/v1/${cluster}/nodePools/${pool.name}`,
            version: '1.30.5-gke.1014001',
            status: 'RUNNING',
          })),
        },
      };
    }
    if ((match = /^\/storage\/v1\/b\/([^/]+)\/iam$/.exec(path)) && method === 'GET') {
      const bucket = match[1]!;
      const resource = `buckets/${bucket}`;
      if ((this.state.denied ?? []).includes(`storage.buckets.getIamPolicy on ${resource}`)) {
        const message = `ci-reader@ci.iam.gserviceaccount.com does not have storage.buckets.getIamPolicy access to the Google Cloud Storage bucket. Permission 'storage.buckets.getIamPolicy' denied on resource (or it may not exist).`;
        return {
          status: 403,
          body: {
            error: { code: 403, message, errors: [{ message, domain: 'global', reason: 'forbidden' }] },
          },
        };
      }
      const policy = this.state.policies?.[resource];
      if (!policy) {
        const message = 'The specified bucket does not exist.';
        return {
          status: 404,
          body: {
            error: { code: 404, message, errors: [{ message, domain: 'global', reason: 'notFound' }] },
          },
        };
      }
      return {
        status: 200,
        body: {
          kind: 'storage#policy',
          resourceId: `projects/_/buckets/${bucket}`,
          version: 1,
          etag: 'CAE=',
          ...policy,
        },
      };
    }
    if (
      (match =
        /^\/v2\/policies\/cloudresourcemanager\.googleapis\.com\/((?:projects|folders|organizations)\/[^/]+)\/denypolicies(?:\/([^/]+))?$/.exec(
          path,
        )) &&
      method === 'GET'
    ) {
      return this.denyPolicies(match[1]!, match[2], query);
    }
    const v1 = iamV1Route(this.state, method, path, (permission, resource) =>
      this.denied(permission, resource, 'iam'),
    );
    if (v1) return v1;
    const v3 = iamV3Route(this.state, method, path, query, (permission, resource) =>
      this.denied(permission, resource, 'iam'),
    );
    return v3 ?? notFound(path, apiOf(path));
  }

  /** policies.listPolicies (metadata only, paged) and policies.get (with rules). */
  private denyPolicies(
    point: string,
    id: string | undefined,
    query: URLSearchParams,
  ): { status: number; body: unknown } {
    const permission = id === undefined ? 'iam.denypolicies.list' : 'iam.denypolicies.get';
    const denied = this.denied(permission, point, 'iam');
    if (denied) return denied;
    const encoded = encodeURIComponent(`cloudresourcemanager.googleapis.com/${point}`);
    const describe = (policy: FakeDenyPolicy) => ({
      name: `policies/${encoded}/denypolicies/${policy.id}`,
      uid: `00000000-0000-4000-8000-${policy.id.padStart(12, '0').slice(-12)}`,
      kind: 'DenyPolicy',
      displayName: policy.displayName ?? policy.id,
      etag: 'MTc1NjA=',
      createTime: '2025-01-15T10:00:00.000000Z',
      updateTime: '2025-01-15T10:00:00.000000Z',
    });
    const policies = this.state.denyPolicies?.[point] ?? [];
    if (id !== undefined) {
      const policy = policies.find((candidate) => candidate.id === id);
      if (!policy) return { status: 404, body: googleError(404, `Requested entity was not found.`, 'iam') };
      return { status: 200, body: { ...describe(policy), rules: policy.rules } };
    }
    const size = Number(query.get('pageSize') ?? '') || this.state.denyPolicyPageSize || 1000;
    const start = Number(query.get('pageToken') ?? '0');
    const page = policies.slice(start, start + size).map(describe);
    const next = start + size < policies.length ? String(start + size) : undefined;
    // An attachment point without deny policies answers an empty object.
    return {
      status: 200,
      body: { ...(page.length > 0 ? { policies: page } : {}), ...(next ? { nextPageToken: next } : {}) },
    };
  }

  private policy(
    permission: string,
    resource: string,
    version: number,
    api: GoogleRestApi,
  ): { status: number; body: unknown } {
    const denied = this.denied(permission, resource, api);
    if (denied) return denied;
    const policy = this.state.policies?.[resource];
    if (!policy) {
      return { status: 404, body: googleError(404, `Requested entity was not found.`, api) };
    }
    const conditional = ((policy['bindings'] as Json[] | undefined) ?? []).some(
      (binding) => binding['condition'],
    );
    if (conditional && version < 3) {
      return {
        status: 400,
        body: googleError(
          400,
          `Policy with conditions can not be retrieved with requested policy version ${version}.`,
          api,
        ),
      };
    }
    return { status: 200, body: { version: conditional ? 3 : 1, etag: 'BwYGkz8MeYc=', ...policy } };
  }

  private denied(
    permission: string,
    resource: string,
    api: GoogleRestApi,
  ): { status: number; body: unknown } | undefined {
    if (!(this.state.denied ?? []).includes(`${permission} on ${resource}`)) return undefined;
    const message = `Permission '${permission}' denied on resource '//${api}.googleapis.com/${resource}' (or it may not exist).`;
    return {
      status: 403,
      body: {
        error: {
          code: 403,
          message,
          status: 'PERMISSION_DENIED',
          details: [
            {
              '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
              reason: 'IAM_PERMISSION_DENIED',
              domain: `${api}.googleapis.com`,
              metadata: { permission, resource },
            },
          ],
        },
      },
    };
  }
}

function apiOf(path: string): GoogleRestApi {
  if (path.startsWith('/storage/')) return 'storage';
  if (path.startsWith('/v2/policies/')) return 'iam';
  if (/^\/v1\/projects\/[^/]+\/(locations\/global\/workloadIdentityPools|serviceAccounts)\//.test(path))
    return 'iam';
  if (/^\/v3\/.*\/locations\/global\/(policyBindings|principalAccessBoundaryPolicies)(\/|$)/.test(path))
    return 'iam';
  if (path.startsWith('/v3/') || path.endsWith(':getAncestry')) return 'cloudresourcemanager';
  if (/\/clusters\//.test(path)) return 'container';
  if (/\/repositories\//.test(path)) return 'artifactregistry';
  return 'unknown';
}

function googleError(code: number, message: string, api: GoogleRestApi): Json {
  return {
    error: {
      code,
      message,
      status: STATUS_NAMES[code] ?? 'UNKNOWN',
      ...(code === 403 || code === 404
        ? {}
        : {
            details: [
              { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', domain: `${api}.googleapis.com` },
            ],
          }),
    },
  };
}

/** Resource Manager answers 403 for a project that does not exist (it does not say which). */
function projectDenied(permission: string, id: string): { status: number; body: unknown } {
  const message = `Permission '${permission}' denied on resource '//cloudresourcemanager.googleapis.com/projects/${id}' (or it may not exist).`;
  return { status: 403, body: { error: { code: 403, message, status: 'PERMISSION_DENIED' } } };
}

function notFound(path: string, api: GoogleRestApi): { status: number; body: unknown } {
  return {
    status: 404,
    body: googleError(404, `The requested URL ${path} was not found on this server.`, api),
  };
}

function parseBody(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return {};
  }
}
