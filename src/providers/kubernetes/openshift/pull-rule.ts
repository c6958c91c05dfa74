// The OpenShift integrated-registry rule (SPEC §4): the pulling service account needs `get` on
// imagestreams/layers for the image stream, in the image's project. OpenShift docs, "Using image pull
// secrets": "Allowing pods to reference images across projects". The registry asks exactly this of the API
// server: group image.openshift.io only, resource "imagestreams/layers" with no subresource, so neither a
// rule in the legacy group "" nor a "*/layers" rule grants it (openshift/image-registry
// pkg/dockerregistry/server/auth.go verifyImageStreamAccess).
import type { Verdict } from '../../../core/verdict.ts';
import { imagePullerFix, type PullingServiceAccount } from '../fixes.ts';
import { authorize, serviceAccountUser } from '../rbac/authorize.ts';
import type { ClusterState } from '../rbac/model.ts';
import { projectDefaultBindings } from './builtin-roles.ts';

export interface IntegratedRegistryImage {
  readonly namespace: string;
  readonly imageStream: string;
}

export function evaluateIntegratedRegistryPull(
  image: IntegratedRegistryImage,
  account: PullingServiceAccount,
  state: ClusterState,
  severalInNamespace: boolean,
): Verdict {
  const request = {
    verb: 'get',
    apiGroup: 'image.openshift.io',
    resource: 'imagestreams/layers',
    name: image.imageStream,
    namespace: image.namespace,
  };
  const defaults = projectDefaultBindings(state, image.namespace);
  const decision = authorize(state, serviceAccountUser(account.namespace, account.name), request, defaults);
  const asked = `get imagestreams/layers "${image.imageStream}" in ${image.namespace}`;
  if (decision.result === 'yes') {
    return {
      verdict: 'allowed',
      reasons: [`${asked}: granted by ${decision.grantedBy.join('; ')}`],
      missing: [],
    };
  }
  if (decision.result === 'unknown') {
    return {
      verdict: 'unknown',
      reasons: decision.unknownBecause.map((why) => `unknown: ${why}`),
      missing: [],
    };
  }
  return {
    verdict: 'denied',
    reasons: [
      `${asked}: no RoleBinding in ${image.namespace} nor ClusterRoleBinding grants it to system:serviceaccount:${account.namespace}:${account.name} or its groups`,
    ],
    missing: [imagePullerFix(account, image.namespace, image.imageStream, severalInNamespace)],
  };
}
