// The reads the collector makes, through @kubernetes/client-node's typed clients, each through the
// CallRunner (one call per resource, bounded concurrency, retries on throttling and 5xx). Answers come back
// as plain JSON objects, as the API server sent them; a refusal keeps the API server's Status reason and
// message, so notes say what the cluster said.
import type { KubeConfig, RequestContext, ResponseContext } from '@kubernetes/client-node';
import type { CallOutcome, CallRunner } from '../../../core/call-runner.ts';
import { isRecord } from '../manifests/load.ts';
import { serverOf } from './cluster-access.ts';

export type Json = Record<string, unknown>;

const PAGE_SIZE = 500;
const RBAC_PATH = '/apis/rbac.authorization.k8s.io/v1';
const enc = encodeURIComponent;

type RequestOptions = ReturnType<Clients['withSignal']>;

/** An answer other than 2xx: named by the Status reason, with its status, as CallRunner classifies them. */
class KubernetesApiError extends Error {
  readonly status: number;
  constructor(status: number, reason: string, message: string) {
    super(message);
    this.status = status;
    this.name = reason || `HTTP${status}`;
  }
}

/** What to read; `key` names the resource once (the same read is sent once). */
interface Read {
  readonly key: string;
  readonly permission: string;
  readonly resource: string;
}

type Clients = Awaited<ReturnType<typeof clientsFor>>;

async function clientsFor(config: KubeConfig) {
  const { AuthorizationV1Api, CoreV1Api, Observable, RbacAuthorizationV1Api } =
    await import('@kubernetes/client-node');
  return {
    core: config.makeApiClient(CoreV1Api),
    rbac: config.makeApiClient(RbacAuthorizationV1Api),
    authorization: config.makeApiClient(AuthorizationV1Api),
    /** The CallRunner's timeout reaches the request: a middleware hands client-node its AbortSignal. */
    withSignal: (signal: AbortSignal) => ({
      middleware: [
        {
          pre: (context: RequestContext) => {
            context.setSignal(signal);
            return new Observable(Promise.resolve(context));
          },
          post: (response: ResponseContext) => new Observable(Promise.resolve(response)),
        },
      ],
      middlewareMergeStrategy: 'append' as const,
    }),
  };
}

export class ClusterApi {
  readonly notes: string[] = [];
  private readonly server: string;

  private constructor(
    private readonly clients: Clients,
    config: KubeConfig,
    private readonly runner: CallRunner,
  ) {
    this.server = serverOf(config);
  }

  static async connect(config: KubeConfig, runner: CallRunner): Promise<ClusterApi> {
    return new ClusterApi(await clientsFor(config), config, runner);
  }

  serviceAccount(namespace: string, name: string): Promise<CallOutcome<Json>> {
    return this.read(
      {
        key: `GET /api/v1/namespaces/${enc(namespace)}/serviceaccounts/${enc(name)}`,
        permission: `get serviceaccounts in ${namespace}`,
        resource: `ServiceAccount ${namespace}/${name}`,
      },
      (options) => this.clients.core.readNamespacedServiceAccount({ namespace, name }, options),
    );
  }

  secret(namespace: string, name: string): Promise<CallOutcome<Json>> {
    return this.read(
      {
        key: `GET /api/v1/namespaces/${enc(namespace)}/secrets/${enc(name)}`,
        permission: `get secrets in ${namespace}`,
        resource: `Secret ${namespace}/${name}`,
      },
      (options) => this.clients.core.readNamespacedSecret({ namespace, name }, options),
    );
  }

  role(namespace: string, name: string): Promise<CallOutcome<Json>> {
    return this.read(
      {
        key: `GET ${RBAC_PATH}/namespaces/${enc(namespace)}/roles/${enc(name)}`,
        permission: `get roles in ${namespace}`,
        resource: `Role ${namespace}/${name}`,
      },
      (options) => this.clients.rbac.readNamespacedRole({ namespace, name }, options),
    );
  }

  clusterRole(name: string): Promise<CallOutcome<Json>> {
    return this.read(
      {
        key: `GET ${RBAC_PATH}/clusterroles/${enc(name)}`,
        permission: 'get clusterroles',
        resource: `ClusterRole ${name}`,
      },
      (options) => this.clients.rbac.readClusterRole({ name }, options),
    );
  }

  roleBindings(namespace: string): Promise<CallOutcome<Json[]>> {
    return this.list(
      {
        key: `GET ${RBAC_PATH}/namespaces/${enc(namespace)}/rolebindings`,
        permission: `list rolebindings in ${namespace}`,
        resource: `RoleBindings of namespace ${namespace}`,
      },
      (page, options) => this.clients.rbac.listNamespacedRoleBinding({ namespace, ...page }, options),
    );
  }

  clusterRoleBindings(): Promise<CallOutcome<Json[]>> {
    return this.list(
      {
        key: `GET ${RBAC_PATH}/clusterrolebindings`,
        permission: 'list clusterrolebindings',
        resource: 'ClusterRoleBindings',
      },
      (page, options) => this.clients.rbac.listClusterRoleBinding(page, options),
    );
  }

  clusterRoles(): Promise<CallOutcome<Json[]>> {
    return this.list(
      { key: `GET ${RBAC_PATH}/clusterroles`, permission: 'list clusterroles', resource: 'ClusterRoles' },
      (page, options) => this.clients.rbac.listClusterRole(page, options),
    );
  }

  /** Creates a SubjectAccessReview; `key` tells reviews apart (the same review is asked once). */
  subjectAccessReview(body: Json, key: string, resource: string): Promise<CallOutcome<Json>> {
    return this.read(
      {
        key: `POST /apis/authorization.k8s.io/v1/subjectaccessreviews ${key}`,
        permission: 'create subjectaccessreviews.authorization.k8s.io',
        resource,
      },
      (options) => this.clients.authorization.createSubjectAccessReview({ body: body as never }, options),
    );
  }

  private read(read: Read, send: (options: RequestOptions) => Promise<unknown>): Promise<CallOutcome<Json>> {
    return this.runner.run(
      { key: `kubernetes ${this.server} ${read.key}`, permission: read.permission, resource: read.resource },
      async (signal) => {
        try {
          return plainObject(await send(this.clients.withSignal(signal)));
        } catch (error) {
          throw apiError(error, read.key);
        }
      },
    );
  }

  /** Every item of a list, following `continue`; the first failed page fails the list. */
  private async list(
    read: Read,
    send: (page: { limit: number; _continue?: string }, options: RequestOptions) => Promise<unknown>,
  ): Promise<CallOutcome<Json[]>> {
    const items: Json[] = [];
    let token: string | undefined;
    do {
      const page = { limit: PAGE_SIZE, ...(token ? { _continue: token } : {}) };
      const query = `?limit=${PAGE_SIZE}${token ? `&continue=${enc(token)}` : ''}`;
      const answer = await this.read({ ...read, key: `${read.key}${query}` }, (options) =>
        send(page, options),
      );
      if (!answer.ok) return answer;
      const pageItems = answer.value['items'];
      if (Array.isArray(pageItems)) items.push(...pageItems.filter(isRecord));
      const metadata = answer.value['metadata'];
      // client-node names the list's `continue` field `_continue`.
      const next = isRecord(metadata) ? (metadata['_continue'] ?? metadata['continue']) : undefined;
      token = typeof next === 'string' && next !== '' ? next : undefined;
    } while (token);
    return { ok: true, value: items };
  }
}

/** client-node's model instances as the plain JSON objects the reducers read. */
function plainObject(value: unknown): Json {
  const plain: unknown = JSON.parse(JSON.stringify(value ?? null));
  if (!isRecord(plain))
    throw new KubernetesApiError(502, 'InvalidResponse', 'the API server answered no object');
  return plain;
}

const REASONS: Readonly<Record<number, string>> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'AlreadyExists',
  429: 'TooManyRequests',
};

/** A client-node ApiException as the Status the API server sent: reason, code and message. */
function apiError(error: unknown, what: string): Error {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'number') return error as Error;
  let status: unknown;
  try {
    const body = (error as { body?: unknown }).body;
    status = typeof body === 'string' ? JSON.parse(body) : body;
  } catch {
    status = undefined;
  }
  // client-node drops the body of a 401; the status code then names it, as the API server's reason would.
  const reason =
    isRecord(status) && typeof status['reason'] === 'string' ? status['reason'] : (REASONS[code] ?? '');
  const message = isRecord(status) && typeof status['message'] === 'string' ? status['message'] : '';
  return new KubernetesApiError(code, reason, `${what} → ${code}${message ? `: ${message}` : ''}`);
}
