// A protocol-faithful fake Kubernetes API server over TLS on 127.0.0.1: a test CA and server certificate made
// with `openssl`, an in-memory object store, Bearer token checks (401 Status), 403 Status objects for
// forbidden (verb, resource, namespace) triples, 404 NotFound, paginated lists (limit/continue; list items
// without kind/apiVersion, as the API server sends them), SubjectAccessReview creation, and every request
// recorded.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

type Json = Record<string, unknown>;

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly authorization: string | undefined;
  readonly body: unknown;
}

export interface SubjectAccessReviewSpec {
  readonly user: string;
  readonly groups: readonly string[];
  readonly resourceAttributes: Readonly<Record<string, string>>;
}

export interface KubeApiOptions {
  readonly token: string;
  readonly objects: readonly Json[];
  /** "VERB RESOURCE" (cluster-wide) or "VERB RESOURCE NAMESPACE" answered 403. */
  readonly forbidden?: readonly string[];
  /** The answer to a SubjectAccessReview (its `status`); absent: 403 on create subjectaccessreviews. */
  readonly review?: (spec: SubjectAccessReviewSpec) => Json;
  /** An HTTP status a SubjectAccessReview is answered with instead (a server error). */
  readonly reviewFailure?: number;
  /** Items per list page when the client asks for more (to exercise `continue`). */
  readonly pageSize?: number;
}

export interface KubeApi {
  readonly url: string;
  readonly caPem: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

interface Certificates {
  readonly caPem: string;
  readonly keyPem: string;
  readonly certPem: string;
}

let certificates: Certificates | undefined;

/** A test CA and a server certificate for 127.0.0.1, made once per process. */
function testCertificates(): Certificates {
  if (certificates) return certificates;
  const dir = mkdtempSync(path.join(tmpdir(), 'pullcheck-kube-tls-'));
  const at = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  try {
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      at('ca.key'),
      '-out',
      at('ca.crt'),
      '-days',
      '2',
      '-subj',
      '/CN=pullcheck-test-ca',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    );
    openssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      at('server.key'),
      '-out',
      at('server.csr'),
      '-subj',
      '/CN=127.0.0.1',
    );
    writeFileSync(at('server.ext'), 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
    openssl(
      'x509',
      '-req',
      '-in',
      at('server.csr'),
      '-CA',
      at('ca.crt'),
      '-CAkey',
      at('ca.key'),
      '-CAcreateserial',
      '-out',
      at('server.crt'),
      '-days',
      '2',
      '-extfile',
      at('server.ext'),
    );
    certificates = {
      caPem: readFileSync(at('ca.crt'), 'utf8'),
      keyPem: readFileSync(at('server.key'), 'utf8'),
      certPem: readFileSync(at('server.crt'), 'utf8'),
    };
    return certificates;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const RESOURCES: Record<string, { kind: string; group: string; version: string; namespaced: boolean }> = {
  serviceaccounts: { kind: 'ServiceAccount', group: '', version: 'v1', namespaced: true },
  secrets: { kind: 'Secret', group: '', version: 'v1', namespaced: true },
  roles: { kind: 'Role', group: 'rbac.authorization.k8s.io', version: 'v1', namespaced: true },
  rolebindings: { kind: 'RoleBinding', group: 'rbac.authorization.k8s.io', version: 'v1', namespaced: true },
  clusterroles: { kind: 'ClusterRole', group: 'rbac.authorization.k8s.io', version: 'v1', namespaced: false },
  clusterrolebindings: {
    kind: 'ClusterRoleBinding',
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    namespaced: false,
  },
};

const status = (code: number, reason: string, message: string, details: Json = {}): Json => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message,
  reason,
  details,
  code,
});

export async function startKubeApi(options: KubeApiOptions): Promise<KubeApi> {
  const { caPem, keyPem, certPem } = testCertificates();
  const requests: RecordedRequest[] = [];
  const forbidden = new Set(options.forbidden ?? []);
  const user = 'system:serviceaccount:pullcheck:reader';

  const server = https.createServer({ key: keyPem, cert: certPem }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'https://127.0.0.1');
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      requests.push({
        method: req.method ?? '',
        path: url.pathname,
        query: url.search,
        authorization: req.headers.authorization,
        body,
      });
      const send = (code: number, payload: Json) => {
        res.writeHead(code, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (req.headers.authorization !== `Bearer ${options.token}`) {
        return send(401, status(401, 'Unauthorized', 'Unauthorized'));
      }
      const denied = (verb: string, resource: string, group: string, namespace?: string, name?: string) =>
        send(
          403,
          status(
            403,
            'Forbidden',
            `${resource}${group ? `.${group}` : ''}${name ? ` "${name}"` : ''} is forbidden: User "${user}" cannot ${verb} resource "${resource}" in API group "${group}"${namespace ? ` in the namespace "${namespace}"` : ' at the cluster scope'}`,
            { ...(name ? { name } : {}), group, kind: resource },
          ),
        );
      const isForbidden = (verb: string, resource: string, namespace?: string) =>
        forbidden.has(`${verb} ${resource}`) ||
        (namespace !== undefined && forbidden.has(`${verb} ${resource} ${namespace}`));

      if (req.method === 'POST' && url.pathname === '/apis/authorization.k8s.io/v1/subjectaccessreviews') {
        if (!options.review || isForbidden('create', 'subjectaccessreviews')) {
          return denied('create', 'subjectaccessreviews', 'authorization.k8s.io');
        }
        if (options.reviewFailure !== undefined) {
          return send(options.reviewFailure, status(options.reviewFailure, 'InternalError', 'Uh oh'));
        }
        const review = body as { spec?: SubjectAccessReviewSpec };
        if (!review.spec?.resourceAttributes) {
          return send(422, status(422, 'Invalid', 'spec.resourceAttributes: Required value'));
        }
        return send(201, {
          ...review,
          metadata: { creationTimestamp: null },
          status: options.review(review.spec),
        });
      }
      const match =
        /^\/(?:api\/v1|apis\/([^/]+)\/v1)(?:\/namespaces\/([^/]+))?\/([a-z]+)(?:\/([^/]+))?$/.exec(
          url.pathname,
        );
      const resourceName = match?.[3];
      const resource = resourceName ? RESOURCES[resourceName] : undefined;
      if (req.method !== 'GET' || !match || !resource || (match[1] ?? '') !== resource.group) {
        return send(404, status(404, 'NotFound', 'the server could not find the requested resource'));
      }
      const namespace = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
      const name = match[4] === undefined ? undefined : decodeURIComponent(match[4]);
      if (resource.namespaced !== (namespace !== undefined) && name !== undefined) {
        return send(404, status(404, 'NotFound', 'the server could not find the requested resource'));
      }
      const verb = name === undefined ? 'list' : 'get';
      if (isForbidden(verb, resourceName!, namespace)) {
        return denied(verb, resourceName!, resource.group, namespace, name);
      }
      const stored = options.objects.filter((object) => {
        const metadata = object['metadata'] as { name: string; namespace?: string };
        return (
          object['kind'] === resource.kind && (namespace === undefined || metadata.namespace === namespace)
        );
      });
      const apiVersion = resource.group ? `${resource.group}/${resource.version}` : resource.version;
      if (name !== undefined) {
        const found = stored.find((object) => (object['metadata'] as { name: string }).name === name);
        if (!found) {
          return send(
            404,
            status(
              404,
              'NotFound',
              `${resourceName}${resource.group ? `.${resource.group}` : ''} "${name}" not found`,
              {
                name,
                group: resource.group,
                kind: resourceName,
              },
            ),
          );
        }
        return send(200, { ...found, apiVersion, kind: resource.kind });
      }
      const limit = Math.min(
        Number(url.searchParams.get('limit') ?? stored.length) || stored.length,
        options.pageSize ?? Infinity,
      );
      const start = Number(url.searchParams.get('continue') ?? 0);
      const page = stored.slice(start, start + limit).map(({ apiVersion: _a, kind: _k, ...item }) => item);
      const next = start + limit < stored.length ? String(start + limit) : undefined;
      return send(200, {
        kind: `${resource.kind}List`,
        apiVersion,
        metadata: { resourceVersion: '1000', ...(next ? { continue: next } : {}) },
        items: page,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    caPem,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
