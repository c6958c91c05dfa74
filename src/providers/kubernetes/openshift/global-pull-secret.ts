// OpenShift nodes pull with the cluster's global pull secret (Secret pull-secret in openshift-config,
// written to every node's kubelet config) for every pod, besides the pod's own pull secrets — OpenShift docs,
// "Using image pull secrets", "Updating the global cluster pull secret". An installed cluster's holds the
// Red Hat registries. Stated in the facts, it decides like a linked secret; not stated, the installed hosts
// are assumed, and a pull it would cover is unknown: whose credentials they are cannot be seen.
import type { ImageReference } from '../../../core/image-reference.ts';
import { allowed, unknown, type Verdict } from '../../../core/verdict.ts';
import type { ClusterState } from '../rbac/model.ts';
import { registryKeyCovers } from '../pull-secrets/registry-match.ts';

/** The auths of the pull secret an OpenShift 4 installation downloads from console.redhat.com. */
const INSTALLED_GLOBAL_PULL_SECRET_HOSTS = [
  'cloud.openshift.com',
  'quay.io',
  'registry.connect.redhat.com',
  'registry.redhat.io',
] as const;

const GLOBAL_PULL_SECRET = 'openshift-config/pull-secret';
// Its hosts, never its credentials: a Secret whose entries are empty is read for its keys and is not a
// committed secret.
const HOW_TO_STATE =
  "state it in facts.kubernetes.manifests as a Secret pull-secret of namespace openshift-config (type kubernetes.io/dockerconfigjson) whose stringData .dockerconfigjson lists the registry hosts with empty entries, never the credentials: oc get secret pull-secret -n openshift-config -o jsonpath='{.data.\\.dockerconfigjson}' | base64 -d | jq -c '{auths: (.auths | map_values({}))}'";

/**
 * What the node's own credentials add to a pull no pod pull secret covers: a verdict when they cover the
 * image's registry, else the reason saying they do not.
 */
export function globalPullSecretCovers(
  image: ImageReference,
  state: ClusterState,
): { readonly verdict: Verdict } | { readonly reason: string } {
  const stated = state.secrets.get(GLOBAL_PULL_SECRET);
  if (stated && stated.registryKeys === undefined) {
    return {
      verdict: unknown([
        `unknown: OpenShift nodes also pull with the cluster's global pull secret (${stated.origin}), and ${stated.problem ?? 'its registry keys cannot be read'}: whether it covers ${image.host} is not known; ${HOW_TO_STATE}`,
      ]),
    };
  }
  if (stated) {
    const key = stated.registryKeys?.find((candidate) => registryKeyCovers(candidate, image));
    if (key !== undefined) {
      return {
        verdict: allowed([
          `OpenShift nodes pull with the cluster's global pull secret (${stated.origin}), whose registry key ${key} covers ${image.host}; the credential itself cannot be checked offline`,
        ]),
      };
    }
    return {
      reason: `the cluster's global pull secret (${stated.origin}) does not cover ${image.host} either`,
    };
  }
  const host = INSTALLED_GLOBAL_PULL_SECRET_HOSTS.find((candidate) => registryKeyCovers(candidate, image));
  if (host !== undefined) {
    return {
      verdict: unknown([
        `unknown: OpenShift nodes also pull with the cluster's global pull secret, which an installed cluster holds for ${host}; whether its credentials can read ${image.path} cannot be known without it: ${HOW_TO_STATE}, or link a pull secret for ${image.host}`,
      ]),
    };
  }
  return {
    reason: `the cluster's global pull secret is not in the facts and is taken as installed (${INSTALLED_GLOBAL_PULL_SECRET_HOSTS.join(', ')}), which does not cover ${image.host}; if it was extended, ${HOW_TO_STATE}`,
  };
}
