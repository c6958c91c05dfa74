// The OpenShift integrated registry as image references name it: the in-cluster service host every image
// stream's pull spec uses, and the hosts an openshift target declares (`registryHosts`, e.g. its route).
// Its path is always NAMESPACE/IMAGESTREAM.
import type { ImageReference, RegistryLocation } from '../../../core/image-reference.ts';
import type { RegistryDefinition } from '../../../core/registries.ts';

export interface OpenShiftLocation extends RegistryLocation {
  readonly kind: 'openshift';
  readonly namespace: string;
  readonly imageStream: string;
}

/** The OpenShift integrated registry as pods reach it: the host an image stream's pull spec names. */
export const OPENSHIFT_REGISTRY_SERVICE = 'image-registry.openshift-image-registry.svc:5000';
const SERVICE_HOSTS = new Set([
  OPENSHIFT_REGISTRY_SERVICE,
  'image-registry.openshift-image-registry.svc.cluster.local:5000',
]);

export const openshiftRegistry: RegistryDefinition = {
  kind: 'openshift',
  declaredHosts: (targets) =>
    targets.flatMap((target) => (target.platform === 'openshift' ? (target.registryHosts ?? []) : [])),
  locate(host, components, fail, declared): OpenShiftLocation | undefined {
    if (!declared && !SERVICE_HOSTS.has(host)) return undefined;
    const [namespace = '', imageStream = ''] = components;
    if (components.length !== 2) {
      fail(
        `an OpenShift registry path has exactly two components, got ${components.length}`,
        `${host}/NAMESPACE/IMAGESTREAM`,
      );
    }
    return { kind: 'openshift', namespace, imageStream };
  },
  imageKey(location) {
    const { namespace, imageStream } = location as OpenShiftLocation;
    return `openshift:${namespace}/${imageStream}`;
  },
};

/** The image's image stream in an OpenShift integrated registry, when it is in one. */
export function openshiftLocationOf(image: ImageReference): OpenShiftLocation | undefined {
  return image.registry.kind === 'openshift' ? (image.registry as OpenShiftLocation) : undefined;
}
