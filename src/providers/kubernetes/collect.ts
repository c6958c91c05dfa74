// Live Kubernetes / OpenShift reads: exactly the objects the RBAC and pull-secret rules need, in the shape
// `facts.kubernetes.objects` takes, each resource once (CallRunner). Plain HTTPS to the API server with a
// Bearer token — never over plain http. Secrets are reduced to their registry host keys in memory; no
// credential is ever kept. A namespace whose reads were incomplete is not given as complete (no `Namespace`
// object, and none of its objects when they would make it look complete), so its verdicts stay `unknown`.
import { readFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { parse } from 'yaml';
import type { CallOutcome, CallRunner } from '../../core/call-runner.ts';
import type { TargetInput } from '../../core/config/schema.ts';
import { readClusterState } from './manifests/cluster-state.ts';
import { isRecord, type KubeObject } from './manifests/load.ts';
import { registryKeysOf, UNREADABLE_ANNOTATION } from './manifests/pull-secret-keys.ts';
import { withOpenShiftBuiltins } from './openshift/builtin-roles.ts';
import { evaluateIntegratedRegistryPull } from './openshift/pull-rule.ts';
import { selects } from './rbac/authorize.ts';
import type { LabelSelector } from './rbac/model.ts';

export interface KubernetesConnection {
  readonly server: string;
  readonly token: string;
  /** PEM: the CA that signed the API server's certificate. */
  readonly caData?: string;
  readonly insecureSkipTlsVerify?: boolean;
}

export interface KubernetesCollectInput {
  readonly targets: readonly TargetInput[];
  /** Namespaces of OpenShift integrated-registry images. */
  readonly imageNamespaces: readonly string[];
  /** Optional: the image streams pulled, so SubjectAccessReviews name them (else asked without a name). */
  readonly imageStreams?: readonly { readonly namespace: string; readonly name: string }[];
}

export interface KubernetesCollection {
  objects: Record<string, unknown>[];
  notes: string[];
}

export type SubjectAccessAnswer = 'allowed' | 'denied' | 'unknown';

export interface SubjectAccessReviewResult {
  readonly result: SubjectAccessAnswer;
  /** The server's reason, or why there is no answer. */
  readonly reason: string;
}

type Json = Record<string, unknown>;

const RBAC = 'rbac.authorization.k8s.io/v1';
const RBAC_PATH = `/apis/${RBAC}`;
const PAGE_SIZE = 500;

// ---------------------------------------------------------------------------------------------------------
// kubeconfig

/**
 * The cluster, CA and token of a kubeconfig context (default: current-context). Only bearer tokens are
 * supported: exec plugins, auth providers, client certificates and basic auth throw, naming the auth.
 */
export function connectionFromKubeconfig(text: string, context?: string): KubernetesConnection {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new Error(`kubeconfig: not valid YAML (${(error as Error).message})`);
  }
  if (!isRecord(document))
    throw new Error('kubeconfig: expected a mapping with clusters, users and contexts');
  const contextName = context ?? stringField(document, 'current-context');
  if (!contextName) throw new Error('kubeconfig: no context given and no current-context set');
  const contextEntry = named(document, 'contexts', contextName, 'context');
  const clusterName = stringField(contextEntry, 'cluster');
  const userName = stringField(contextEntry, 'user');
  if (!clusterName) throw new Error(`kubeconfig: context "${contextName}" names no cluster`);
  if (!userName) throw new Error(`kubeconfig: context "${contextName}" names no user`);
  const cluster = named(document, 'clusters', clusterName, 'cluster');
  const user = named(document, 'users', userName, 'user');

  const server = stringField(cluster, 'server');
  if (!server) throw new Error(`kubeconfig: cluster "${clusterName}" has no server`);
  let caData: string | undefined;
  const caBase64 = stringField(cluster, 'certificate-authority-data');
  const caFile = stringField(cluster, 'certificate-authority');
  if (caBase64) {
    caData = Buffer.from(caBase64, 'base64').toString('utf8');
    if (!caData.includes('-----BEGIN CERTIFICATE-----')) {
      throw new Error(
        `kubeconfig: certificate-authority-data of cluster "${clusterName}" is not a base64 PEM certificate`,
      );
    }
  } else if (caFile) {
    if (!path.isAbsolute(caFile)) {
      throw new Error(
        `kubeconfig: certificate-authority of cluster "${clusterName}" is a relative path (${caFile}): give certificate-authority-data or an absolute path`,
      );
    }
    caData = readFileSync(caFile, 'utf8');
  }
  const insecure = cluster['insecure-skip-tls-verify'] === true;

  let token = stringField(user, 'token');
  const tokenFile = stringField(user, 'tokenFile');
  if (!token && tokenFile) {
    if (!path.isAbsolute(tokenFile)) {
      throw new Error(
        `kubeconfig: tokenFile of user "${userName}" is a relative path (${tokenFile}): give an absolute path or a token`,
      );
    }
    token = readFileSync(tokenFile, 'utf8').trim();
  }
  if (!token) throw new Error(`kubeconfig: user "${userName}" ${unsupportedAuth(user)}`);
  return {
    server,
    token,
    ...(caData !== undefined ? { caData } : {}),
    ...(insecure ? { insecureSkipTlsVerify: true } : {}),
  };
}

function unsupportedAuth(user: Json): string {
  const fix =
    'pullcheck supports bearer tokens only: give a token (e.g. `oc whoami -t`, `kubectl create token SA`)';
  const exec = user['exec'];
  if (isRecord(exec)) {
    const command = typeof exec['command'] === 'string' ? ` (${exec['command']})` : '';
    return `authenticates with an exec credential plugin${command}, which pullcheck does not run: ${fix}`;
  }
  const provider = user['auth-provider'];
  if (isRecord(provider)) {
    const name = typeof provider['name'] === 'string' ? ` "${provider['name']}"` : '';
    return `authenticates with the auth-provider${name}, which pullcheck does not support: ${fix}`;
  }
  if (user['client-certificate-data'] !== undefined || user['client-certificate'] !== undefined) {
    return `authenticates with a client certificate, which pullcheck does not support: ${fix}`;
  }
  if (user['username'] !== undefined || user['password'] !== undefined) {
    return `authenticates with a username and password (basic auth), which pullcheck does not support: ${fix}`;
  }
  return `has no token: ${fix}`;
}

function named(document: Json, list: string, name: string, field: string): Json {
  const entries = document[list];
  const entry = Array.isArray(entries)
    ? entries.find((candidate) => isRecord(candidate) && candidate['name'] === name)
    : undefined;
  if (!isRecord(entry)) throw new Error(`kubeconfig: no entry named "${name}" in ${list}`);
  const value = entry[field];
  if (!isRecord(value)) throw new Error(`kubeconfig: ${list} entry "${name}" has no ${field}`);
  return value;
}

function stringField(object: Json, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// HTTPS

/** An answer other than 2xx from the API server: name and status as CallRunner classifies them. */
class KubernetesApiError extends Error {
  readonly status: number;
  constructor(status: number, reason: string, message: string) {
    super(message);
    this.status = status;
    this.name = reason || `HTTP${status}`;
  }
}

function assertHttps(server: string): URL {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new Error(`the Kubernetes API server ${server} is not a URL`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(
      `refusing to send the Kubernetes token to ${server}: the API server must be reached over https:// (a bearer token must not travel in clear)`,
    );
  }
  return url;
}

function request(
  connection: KubernetesConnection,
  method: 'GET' | 'POST',
  apiPath: string,
  body: unknown,
  signal: AbortSignal,
): Promise<Json> {
  const base = assertHttps(connection.server);
  const url = new URL(base.href);
  const [pathname, query] = apiPath.split('?') as [string, string | undefined];
  url.pathname = `${base.pathname.replace(/\/+$/, '')}${pathname}`;
  url.search = query ? `?${query}` : '';
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method,
        signal,
        ...(connection.caData !== undefined ? { ca: connection.caData } : {}),
        rejectUnauthorized: connection.insecureSkipTlsVerify !== true,
        headers: {
          Authorization: `Bearer ${connection.token}`,
          Accept: 'application/json',
          'User-Agent': 'pullcheck',
          ...(payload !== undefined
            ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }
            : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          let parsed: unknown;
          try {
            parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            parsed = undefined;
          }
          if (status >= 200 && status < 300 && isRecord(parsed)) return resolve(parsed);
          // A Status object (kind: Status) says why: reason Forbidden, NotFound, TooManyRequests, …
          const reason = isRecord(parsed) && typeof parsed['reason'] === 'string' ? parsed['reason'] : '';
          const message = isRecord(parsed) && typeof parsed['message'] === 'string' ? parsed['message'] : '';
          reject(
            new KubernetesApiError(
              status >= 200 && status < 300 ? 502 : status,
              reason || (status >= 200 && status < 300 ? 'InvalidResponse' : ''),
              `${method} ${pathname} → ${status}${message ? `: ${message}` : ''}`,
            ),
          );
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Collection

interface Account {
  readonly namespace: string;
  readonly name: string;
  readonly platform: 'openshift' | 'kubernetes';
}

interface NamespaceReads {
  /** Objects read in this namespace, reduced. */
  readonly objects: Json[];
  /** Why RBAC of this namespace is incomplete (rolebindings not listed). */
  rbacIncomplete?: string;
  /** Why a ServiceAccount or pull Secret of this namespace could not be read. */
  pullSecretsIncomplete?: string;
}

class Reader {
  readonly notes: string[] = [];
  constructor(
    private readonly connection: KubernetesConnection,
    private readonly runner: CallRunner,
  ) {}

  get(apiPath: string, permission: string, resource: string): Promise<CallOutcome<Json>> {
    return this.runner.run(
      { key: `kubernetes GET ${this.connection.server}${apiPath}`, permission, resource },
      (signal) => request(this.connection, 'GET', apiPath, undefined, signal),
    );
  }

  post(
    apiPath: string,
    body: Json,
    key: string,
    permission: string,
    resource: string,
  ): Promise<CallOutcome<Json>> {
    return this.runner.run(
      { key: `kubernetes POST ${this.connection.server}${apiPath} ${key}`, permission, resource },
      (signal) => request(this.connection, 'POST', apiPath, body, signal),
    );
  }

  /** Every item of a list, following `continue`; the first failed page fails the list. */
  async list(apiPath: string, permission: string, resource: string): Promise<CallOutcome<Json[]>> {
    const items: Json[] = [];
    let token: string | undefined;
    do {
      const query = `limit=${PAGE_SIZE}${token ? `&continue=${encodeURIComponent(token)}` : ''}`;
      const page = await this.get(`${apiPath}?${query}`, permission, resource);
      if (!page.ok) return page;
      const pageItems = page.value['items'];
      if (Array.isArray(pageItems)) items.push(...pageItems.filter(isRecord));
      const metadata = page.value['metadata'];
      token =
        isRecord(metadata) && typeof metadata['continue'] === 'string' && metadata['continue'] !== ''
          ? metadata['continue']
          : undefined;
    } while (token);
    return { ok: true, value: items };
  }
}

/** Reads the ServiceAccounts, pull Secrets (host keys only) and RBAC the targets need. */
export async function collectKubernetesObjects(
  input: KubernetesCollectInput,
  connection: KubernetesConnection,
  runner: CallRunner,
): Promise<KubernetesCollection> {
  assertHttps(connection.server);
  const reader = new Reader(connection, runner);
  const accounts = uniqueAccounts(input.targets);
  const imageNamespaces = new Set(input.imageNamespaces);
  const namespaceNames = [
    ...new Set([...accounts.map((account) => account.namespace), ...input.imageNamespaces]),
  ];
  const namespaces = new Map<string, NamespaceReads>(namespaceNames.map((name) => [name, { objects: [] }]));
  const referencedClusterRoles = new Set<string>();
  const clusterObjects: Json[] = [];
  let clusterBindingsIncomplete: string | undefined;

  const readAccount = async (account: Account) => {
    const reads = namespaces.get(account.namespace)!;
    const { namespace, name } = account;
    const outcome = await reader.get(
      `/api/v1/namespaces/${encodeURIComponent(namespace)}/serviceaccounts/${encodeURIComponent(name)}`,
      `get serviceaccounts in ${namespace}`,
      `ServiceAccount ${namespace}/${name}`,
    );
    if (!outcome.ok) {
      if (outcome.kind === 'missing') {
        reader.notes.push(
          `ServiceAccount ${namespace}/${name} does not exist: pods running as it cannot start`,
        );
      } else {
        reads.pullSecretsIncomplete ??= outcome.message;
        reader.notes.push(`${outcome.message} (needed: get serviceaccounts in ${namespace})`);
      }
      return;
    }
    const serviceAccount = outcome.value;
    const linked = (
      Array.isArray(serviceAccount['imagePullSecrets']) ? serviceAccount['imagePullSecrets'] : []
    )
      .filter(isRecord)
      .map((entry) => entry['name'])
      .filter((secretName): secretName is string => typeof secretName === 'string' && secretName !== '');
    reads.objects.push({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name, namespace },
      imagePullSecrets: linked.map((secretName) => ({ name: secretName })),
    });
    await Promise.all(linked.map((secretName) => readSecret(reads, namespace, secretName)));
  };

  const readSecret = async (reads: NamespaceReads, namespace: string, name: string) => {
    const outcome = await reader.get(
      `/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets/${encodeURIComponent(name)}`,
      `get secrets in ${namespace}`,
      `Secret ${namespace}/${name}`,
    );
    if (!outcome.ok) {
      if (outcome.kind === 'missing') {
        reader.notes.push(`Secret ${namespace}/${name} is linked as a pull secret but does not exist`);
      } else {
        reads.pullSecretsIncomplete ??= outcome.message;
        reader.notes.push(`${outcome.message} (needed: get secrets in ${namespace})`);
      }
      return;
    }
    reads.objects.push(reducedSecret(outcome.value, namespace, name));
  };

  const readNamespaceRbac = async (namespace: string) => {
    const reads = namespaces.get(namespace)!;
    const permission = `list rolebindings in ${namespace}`;
    const outcome = await reader.list(
      `${RBAC_PATH}/namespaces/${encodeURIComponent(namespace)}/rolebindings`,
      permission,
      `RoleBindings of namespace ${namespace}`,
    );
    if (!outcome.ok) {
      reads.rbacIncomplete = outcome.message;
      reader.notes.push(
        `${outcome.message} (needed: ${permission}, i.e. verb list on rolebindings.rbac.authorization.k8s.io in namespace ${namespace}); namespace ${namespace}'s RBAC is not known, so pulls into it stay unknown`,
      );
      return;
    }
    const roleNames = new Set<string>();
    for (const item of outcome.value) {
      const binding = reducedBinding(item, 'RoleBinding', namespace);
      if (!binding) continue;
      reads.objects.push(binding);
      const roleRef = binding['roleRef'] as { kind: string; name: string };
      if (roleRef.kind === 'ClusterRole') referencedClusterRoles.add(roleRef.name);
      else roleNames.add(roleRef.name);
    }
    await Promise.all(
      [...roleNames].map(async (roleName) => {
        const role = await reader.get(
          `${RBAC_PATH}/namespaces/${encodeURIComponent(namespace)}/roles/${encodeURIComponent(roleName)}`,
          `get roles in ${namespace}`,
          `Role ${namespace}/${roleName}`,
        );
        if (role.ok) reads.objects.push(reducedRole(role.value, 'Role', namespace));
        else if (role.kind === 'missing')
          reader.notes.push(`a RoleBinding of ${namespace} refers to Role ${roleName}, which does not exist`);
        else
          reader.notes.push(
            `${role.message} (needed: get roles in ${namespace}); bindings to Role ${namespace}/${roleName} stay unknown`,
          );
      }),
    );
  };

  const readClusterBindings = async () => {
    const permission = 'list clusterrolebindings';
    const outcome = await reader.list(`${RBAC_PATH}/clusterrolebindings`, permission, 'ClusterRoleBindings');
    if (!outcome.ok) {
      clusterBindingsIncomplete = outcome.message;
      reader.notes.push(
        `${outcome.message} (needed: ${permission}, cluster-wide); without them no namespace's RBAC is complete, so integrated-registry pulls stay unknown unless a RoleBinding grants them`,
      );
      return;
    }
    for (const item of outcome.value) {
      const binding = reducedBinding(item, 'ClusterRoleBinding');
      if (!binding || !coversAnyAccount(binding, accounts)) continue;
      clusterObjects.push(binding);
      referencedClusterRoles.add((binding['roleRef'] as { name: string }).name);
    }
  };

  // OpenShift nodes pull with the cluster's global pull secret too (keys only, like every pull secret).
  const readGlobalPullSecret = async () => {
    const outcome = await reader.get(
      '/api/v1/namespaces/openshift-config/secrets/pull-secret',
      'get secrets in openshift-config',
      'Secret openshift-config/pull-secret',
    );
    if (outcome.ok) {
      clusterObjects.push(reducedSecret(outcome.value, 'openshift-config', 'pull-secret'));
    } else if (outcome.kind === 'missing') {
      reader.notes.push('the global pull secret openshift-config/pull-secret does not exist on the cluster');
    } else {
      // Refused: what it covers is unknown, not the installed default.
      const because = `${outcome.message} (needed: get secrets in openshift-config)`;
      reader.notes.push(because);
      clusterObjects.push({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: {
          name: 'pull-secret',
          namespace: 'openshift-config',
          annotations: { [UNREADABLE_ANNOTATION]: because },
        },
        type: 'kubernetes.io/dockerconfigjson',
      });
    }
  };
  // Pods that list their own pull secrets use those (targets' imagePullSecrets), read like linked ones.
  const podSecrets = new Map<string, { namespace: string; name: string }>();
  for (const target of input.targets) {
    if (target.platform !== 'openshift' && target.platform !== 'kubernetes') continue;
    for (const name of target.imagePullSecrets ?? [])
      podSecrets.set(`${target.namespace}/${name}`, { namespace: target.namespace, name });
  }

  await Promise.all([
    ...accounts.map(readAccount),
    ...[...podSecrets.values()].map(({ namespace, name }) =>
      readSecret(namespaces.get(namespace)!, namespace, name),
    ),
    ...namespaceNames.map(readNamespaceRbac),
    readClusterBindings(),
    ...(accounts.some((account) => account.platform === 'openshift') ? [readGlobalPullSecret()] : []),
  ]);
  clusterObjects.push(...(await readClusterRoles(reader, referencedClusterRoles)));

  // A namespace is given as complete (a Namespace object) only when everything in it was read.
  const objects: Json[] = [...clusterObjects];
  for (const [namespace, reads] of namespaces) {
    const rbacIncomplete = reads.rbacIncomplete ?? clusterBindingsIncomplete;
    if (reads.pullSecretsIncomplete !== undefined) {
      // Any object of the namespace would make the rules take its ServiceAccounts and Secrets as complete.
      if (reads.objects.length > 0) {
        reader.notes.push(
          `namespace ${namespace}: its objects are left out, since not all of them could be read`,
        );
      }
      continue;
    }
    if (rbacIncomplete !== undefined) {
      // Its RBAC matters only for image pulls into it; other objects would make it look complete.
      if (imageNamespaces.has(namespace)) {
        if (reads.objects.length > 0) {
          reader.notes.push(
            `namespace ${namespace}: its objects are left out, since its RBAC could not be read completely`,
          );
        }
        continue;
      }
      objects.push(
        ...reads.objects.filter(
          (object) => object['kind'] === 'ServiceAccount' || object['kind'] === 'Secret',
        ),
      );
      continue;
    }
    objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } }, ...reads.objects);
  }
  const unique = uniqueObjects(objects);

  const reviews = await compareWithSubjectAccessReviews(input, accounts, unique, connection, runner);
  return { objects: unique, notes: [...new Set([...reader.notes, ...reviews])] };
}

async function readClusterRoles(reader: Reader, referenced: ReadonlySet<string>): Promise<Json[]> {
  if (referenced.size === 0) return [];
  const listed = await reader.list(`${RBAC_PATH}/clusterroles`, 'list clusterroles', 'ClusterRoles');
  if (listed.ok) {
    const all = new Map<string, Json>();
    for (const item of listed.value) {
      const role = reducedRole(item, 'ClusterRole');
      all.set((role['metadata'] as { name: string }).name, role);
    }
    // The referenced roles, and every labelled role their aggregation rules select (transitively).
    const kept = new Map<string, Json>();
    const queue = [...referenced];
    while (queue.length > 0) {
      const name = queue.shift()!;
      const role = all.get(name);
      if (kept.has(name)) continue;
      if (!role) {
        reader.notes.push(`a binding refers to ClusterRole ${name}, which does not exist on the cluster`);
        continue;
      }
      kept.set(name, role);
      for (const selector of aggregationSelectors(role)) {
        for (const [candidate, candidateRole] of all) {
          const labels = (candidateRole['metadata'] as { labels?: Record<string, string> }).labels ?? {};
          if (!kept.has(candidate) && selects(selector, labels)) queue.push(candidate);
        }
      }
    }
    return [...kept.values()];
  }
  reader.notes.push(
    `${listed.message} (needed: list clusterroles, to follow aggregated ClusterRoles); reading the referenced ClusterRoles one by one`,
  );
  const roles = await Promise.all(
    [...referenced].map(async (name) => {
      const outcome = await reader.get(
        `${RBAC_PATH}/clusterroles/${encodeURIComponent(name)}`,
        'get clusterroles',
        `ClusterRole ${name}`,
      );
      if (outcome.ok) return [reducedRole(outcome.value, 'ClusterRole')];
      if (outcome.kind === 'missing')
        reader.notes.push(`a binding refers to ClusterRole ${name}, which does not exist on the cluster`);
      else reader.notes.push(`${outcome.message} (needed: get clusterroles)`);
      return [];
    }),
  );
  return roles.flat();
}

// ---------------------------------------------------------------------------------------------------------
// Reduction: only the fields the rules read. Secret values never leave reducedSecret.

function metadataOf(object: Json): Json {
  return isRecord(object['metadata']) ? object['metadata'] : {};
}

function reducedSecret(secret: Json, namespace: string, name: string): Json {
  const type = typeof secret['type'] === 'string' ? secret['type'] : 'Opaque';
  const { registryKeys } = registryKeysOf(secret);
  const reduced: Json = { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace }, type };
  if (registryKeys) {
    const hosts = Object.fromEntries(registryKeys.map((key) => [key, {}]));
    // The legacy .dockercfg is the hosts map itself; .dockerconfigjson wraps it in "auths".
    reduced['stringData'] =
      type === 'kubernetes.io/dockercfg'
        ? { '.dockercfg': JSON.stringify(hosts) }
        : { '.dockerconfigjson': JSON.stringify({ auths: hosts }) };
  }
  return reduced;
}

function reducedBinding(
  item: Json,
  kind: 'RoleBinding' | 'ClusterRoleBinding',
  namespace?: string,
): Json | undefined {
  const name = metadataOf(item)['name'];
  const roleRef = item['roleRef'];
  if (typeof name !== 'string' || !isRecord(roleRef)) return undefined;
  const subjects = Array.isArray(item['subjects'])
    ? item['subjects'].filter(isRecord).map((subject) => ({
        kind: subject['kind'],
        name: subject['name'],
        ...(typeof subject['namespace'] === 'string' && subject['namespace'] !== ''
          ? { namespace: subject['namespace'] }
          : {}),
      }))
    : [];
  return {
    apiVersion: RBAC,
    kind,
    metadata: { name, ...(namespace !== undefined ? { namespace } : {}) },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: roleRef['kind'], name: roleRef['name'] },
    subjects,
  };
}

function reducedRole(item: Json, kind: 'Role' | 'ClusterRole', namespace?: string): Json {
  const metadata = metadataOf(item);
  const labels = isRecord(metadata['labels']) ? metadata['labels'] : undefined;
  const rules = Array.isArray(item['rules'])
    ? item['rules']
        .filter(isRecord)
        .map((rule) =>
          Object.fromEntries(
            ['apiGroups', 'resources', 'verbs', 'resourceNames', 'nonResourceURLs']
              .filter((key) => Array.isArray(rule[key]))
              .map((key) => [key, rule[key]]),
          ),
        )
    : [];
  const aggregationRule = item['aggregationRule'];
  return {
    apiVersion: RBAC,
    kind,
    metadata: {
      name: metadata['name'],
      ...(namespace !== undefined ? { namespace } : {}),
      ...(labels && Object.keys(labels).length > 0 ? { labels } : {}),
    },
    rules,
    ...(isRecord(aggregationRule) && Array.isArray(aggregationRule['clusterRoleSelectors'])
      ? { aggregationRule: { clusterRoleSelectors: aggregationRule['clusterRoleSelectors'] } }
      : {}),
  };
}

function aggregationSelectors(role: Json): LabelSelector[] {
  const rule = role['aggregationRule'];
  return isRecord(rule) && Array.isArray(rule['clusterRoleSelectors'])
    ? (rule['clusterRoleSelectors'].filter(isRecord) as LabelSelector[])
    : [];
}

function coversAnyAccount(binding: Json, accounts: readonly Account[]): boolean {
  const subjects = binding['subjects'] as { kind: unknown; name: unknown; namespace?: unknown }[];
  return subjects.some((subject) =>
    accounts.some((account) => {
      switch (subject.kind) {
        case 'User':
          return subject.name === `system:serviceaccount:${account.namespace}:${account.name}`;
        case 'Group':
          return [
            'system:serviceaccounts',
            `system:serviceaccounts:${account.namespace}`,
            'system:authenticated',
          ].includes(String(subject.name));
        case 'ServiceAccount':
          return subject.name === account.name && subject.namespace === account.namespace;
        default:
          return false;
      }
    }),
  );
}

function uniqueAccounts(targets: readonly TargetInput[]): Account[] {
  const accounts = new Map<string, Account>();
  for (const target of targets) {
    if (target.platform !== 'openshift' && target.platform !== 'kubernetes') continue;
    const name = target.serviceAccount ?? 'default';
    const key = `${target.namespace}/${name}`;
    const known = accounts.get(key);
    // One account pulled by an openshift target is asked about the integrated registry too.
    if (!known || target.platform === 'openshift') {
      accounts.set(key, { namespace: target.namespace, name, platform: target.platform });
    }
  }
  return [...accounts.values()];
}

function uniqueObjects(objects: readonly Json[]): Json[] {
  const seen = new Set<string>();
  return objects.filter((object) => {
    const metadata = metadataOf(object);
    const key = `${String(object['kind'])}/${String(metadata['namespace'] ?? '')}/${String(metadata['name'])}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------------------
// SubjectAccessReview: the API server's own answer, compared with the RBAC evaluation.

/**
 * Asks the API server whether system:serviceaccount:A:SA may `get imagestreams/layers` (image.openshift.io)
 * of STREAM in namespace B — groups sent explicitly. Needs `create subjectaccessreviews`; without it, or
 * on any failure, the answer is unknown.
 */
export async function subjectAccessReview(
  connection: KubernetesConnection,
  runner: CallRunner,
  account: { readonly namespace: string; readonly name: string },
  image: { readonly namespace: string; readonly imageStream?: string },
): Promise<SubjectAccessReviewResult> {
  assertHttps(connection.server);
  const reader = new Reader(connection, runner);
  const user = `system:serviceaccount:${account.namespace}:${account.name}`;
  const body = {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SubjectAccessReview',
    spec: {
      user,
      groups: [
        'system:serviceaccounts',
        `system:serviceaccounts:${account.namespace}`,
        'system:authenticated',
      ],
      resourceAttributes: {
        namespace: image.namespace,
        verb: 'get',
        group: 'image.openshift.io',
        resource: 'imagestreams',
        subresource: 'layers',
        ...(image.imageStream ? { name: image.imageStream } : {}),
      },
    },
  };
  const asked = `get imagestreams/layers${image.imageStream ? ` "${image.imageStream}"` : ''} in ${image.namespace} for ${user}`;
  const outcome = await reader.post(
    '/apis/authorization.k8s.io/v1/subjectaccessreviews',
    body,
    `${user} ${image.namespace}/${image.imageStream ?? ''}`,
    'create subjectaccessreviews.authorization.k8s.io',
    `a SubjectAccessReview of ${asked}`,
  );
  if (!outcome.ok) return { result: 'unknown', reason: outcome.message };
  const status = isRecord(outcome.value['status']) ? outcome.value['status'] : {};
  const reason = typeof status['reason'] === 'string' ? status['reason'] : '';
  const evaluationError = typeof status['evaluationError'] === 'string' ? status['evaluationError'] : '';
  if (status['allowed'] === true) return { result: 'allowed', reason };
  if (status['denied'] === true) return { result: 'denied', reason };
  // Not allowed, no explicit deny: with RBAC that is a denial, unless evaluation failed on the way.
  if (evaluationError)
    return { result: 'unknown', reason: `the server could not evaluate it: ${evaluationError}` };
  return { result: 'denied', reason };
}

async function compareWithSubjectAccessReviews(
  input: KubernetesCollectInput,
  accounts: readonly Account[],
  objects: readonly Json[],
  connection: KubernetesConnection,
  runner: CallRunner,
): Promise<string[]> {
  const askers = accounts.filter((account) => account.platform === 'openshift');
  if (askers.length === 0 || input.imageNamespaces.length === 0) return [];
  let state: ReturnType<typeof withOpenShiftBuiltins>;
  try {
    state = withOpenShiftBuiltins(readClusterState(objects.map(asKubeObject)).state);
  } catch (error) {
    return [
      `the collected RBAC could not be evaluated to compare with SubjectAccessReviews: ${(error as Error).message}`,
    ];
  }
  const images = input.imageNamespaces.flatMap((namespace) => {
    const streams = (input.imageStreams ?? []).filter((stream) => stream.namespace === namespace);
    return streams.length > 0
      ? streams.map((stream) => ({ namespace, imageStream: stream.name }))
      : [{ namespace, imageStream: '' }];
  });
  const notes: string[] = [];
  let unavailable: string | undefined;
  await Promise.all(
    askers.flatMap((account) =>
      images.map(async (image) => {
        const server = await subjectAccessReview(connection, runner, account, image);
        if (server.result === 'unknown') {
          unavailable ??= server.reason;
          return;
        }
        const ours = evaluateIntegratedRegistryPull(image, account, state, false).verdict;
        if (ours === 'unknown' || ours === server.result) return;
        const stream = image.imageStream ? ` "${image.imageStream}"` : '';
        notes.push(
          `the API server answers ${server.result} for get imagestreams/layers${stream} in ${image.namespace} by system:serviceaccount:${account.namespace}:${account.name}, but the RBAC read here gives ${ours}${server.reason ? ` (server: ${server.reason})` : ''}: another authorizer, or RBAC that was not read, decides`,
        );
      }),
    ),
  );
  if (unavailable !== undefined) {
    notes.push(
      `the API server's own answer (SubjectAccessReview) was not available for every pull: ${unavailable}`,
    );
  }
  return notes;
}

/** A collected object as the manifests reader takes it (located in the live read, not in a file). */
function asKubeObject(body: Json): KubeObject {
  const where = { file: 'live read', line: 1, column: 1 };
  return {
    apiVersion: String(body['apiVersion']),
    kind: String(body['kind']),
    body,
    file: 'live read',
    locate: () => where,
    locateKey: () => where,
  };
}
