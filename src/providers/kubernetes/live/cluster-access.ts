// How pullcheck reaches a cluster, through @kubernetes/client-node's KubeConfig: a kubeconfig (any context,
// exec credential plugins such as `aws eks get-token` and gke-gcloud-auth-plugin, client certificates,
// CA files) or a server and bearer token (the action's openshift-server and openshift-token). Never the
// pod's own in-cluster account by default: a runner pod's cluster is not the target's, and facts read from
// the wrong cluster could allow a pull. The token never travels in clear: the server must be https://.
import type { KubeConfig } from '@kubernetes/client-node';

/** A server and bearer token, as the action's openshift-server and openshift-token give them. */
export interface KubernetesConnection {
  readonly server: string;
  readonly token: string;
  /** PEM: the CA that signed the API server's certificate. */
  readonly caData?: string;
  readonly insecureSkipTlsVerify?: boolean;
}

export type ClusterAccess =
  | KubernetesConnection
  /** A kubeconfig file, read by client-node (relative paths in it are relative to the file). */
  | { readonly kubeconfigFile: string; readonly context?: string }
  /** A kubeconfig's text (tests; relative paths in it are refused by client-node's reading). */
  | { readonly kubeconfig: string; readonly context?: string };

/** A KubeConfig for the access, its current context set; throws an Error that says what is wrong. */
export async function kubeConfigFor(access: ClusterAccess): Promise<KubeConfig> {
  const { KubeConfig } = await import('@kubernetes/client-node');
  const config = new KubeConfig();
  if ('server' in access) {
    assertHttps(access.server);
    config.loadFromOptions({
      clusters: [
        {
          name: 'cluster',
          server: access.server,
          ...(access.caData !== undefined ? { caData: Buffer.from(access.caData).toString('base64') } : {}),
          skipTLSVerify: access.insecureSkipTlsVerify === true,
        },
      ],
      users: [{ name: 'user', token: access.token }],
      contexts: [{ name: 'pullcheck', cluster: 'cluster', user: 'user' }],
      currentContext: 'pullcheck',
    });
    return config;
  }
  try {
    if ('kubeconfigFile' in access) config.loadFromFile(access.kubeconfigFile);
    else config.loadFromString(access.kubeconfig);
  } catch (error) {
    throw new Error(`kubeconfig: ${(error as Error).message}`);
  }
  const context = 'context' in access ? access.context : undefined;
  if (context !== undefined) {
    if (!config.getContextObject(context)) throw new Error(`kubeconfig: no context named "${context}"`);
    config.setCurrentContext(context);
  }
  if (!config.getCurrentContext()) throw new Error('kubeconfig: no context given and no current-context set');
  const cluster = config.getCurrentCluster();
  if (!cluster) throw new Error(`kubeconfig: context "${config.getCurrentContext()}" names no known cluster`);
  if (!config.getCurrentUser()) {
    throw new Error(`kubeconfig: context "${config.getCurrentContext()}" names no known user`);
  }
  assertHttps(cluster.server);
  return config;
}

/** The server a KubeConfig reads from (for messages and call keys). */
export function serverOf(config: KubeConfig): string {
  return config.getCurrentCluster()?.server ?? '';
}

export function assertHttps(server: string): URL {
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
