// The OpenShift part of the action's login: the integrated registry takes any user name with a token as
// the password (oc registry login) — the openshift-token input, else GitHub's OIDC token when the
// cluster trusts it (openshift-server set).
import type { LoginContext, LoginOutcome } from '../../../core/provider.ts';
import { LoginError } from '../../../core/provider.ts';

export const refusedHint =
  'the token must be valid for the cluster, and its user needs registry-viewer (or system:image-puller) in the project';

const SERVICE_HOST = /\.svc(\.cluster\.local)?(:\d+)?$/;

export async function logIn(context: LoginContext): Promise<LoginOutcome> {
  const { inputs } = context;
  // The context holds only integrated-registry images (this provider's one registry).
  const hosts = [...new Set(context.images.map((image) => image.host))];
  const reachable = hosts.filter((host) => !SERVICE_HOST.test(host) || context.endpoints[host]);
  for (const host of hosts.filter((h) => !reachable.includes(h))) {
    context.warning(
      `pullcheck: ${host} is the registry's in-cluster service name: list its route host (default-route-openshift-image-registry.APPS_DOMAIN) in the target's registryHosts to log in from the runner`,
    );
  }
  if (reachable.length === 0) return { logins: [] };
  let token = inputs['openshift-token'];
  if (!token && inputs['openshift-server']) {
    try {
      token = await context.getIdToken(inputs['audience'] ?? 'openshift');
    } catch (error) {
      throw new LoginError((error as Error).message);
    }
  }
  if (!token) {
    context.warning(
      'pullcheck: no openshift-token or openshift-server: skipping the OpenShift registry logins',
    );
    return { logins: [] };
  }
  context.mask(token);
  return { logins: reachable.map((host) => ({ host, username: 'pullcheck', password: token })) };
}
