// Kubernetes and OpenShift objects → the workloads that pull images: each container and init container
// image, the namespace, the pod's service account (default `default`) and its own imagePullSecrets.
// OpenShift image-change triggers (DeploymentConfig triggers, the image.openshift.io/triggers annotation)
// name the image stream tag the platform writes into the container, so they decide its image.
import type { SourceLocation } from '../../core/errors.ts';
import { OPENSHIFT_REGISTRY_SERVICE } from '../../providers/kubernetes/openshift/registry.ts';
import { isNamespaceName, isObjectName } from '../../core/kubernetes-names.ts';
import { quotedValue } from '../../core/quoted-value.ts';
import { dig, record } from './json.ts';
import type { DiscoveryWarning, KubeObject } from './objects.ts';

export interface WorkloadContainer {
  readonly name: string;
  readonly image: string;
  readonly where: SourceLocation;
}

export interface Workload {
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  readonly serviceAccount: string;
  /** The pod spec's own imagePullSecrets; when set, the service account's are not added (ServiceAccount admission). */
  readonly imagePullSecrets?: readonly string[];
  readonly containers: readonly WorkloadContainer[];
  readonly where: SourceLocation;
  /** Which Kustomize built it, when one did (KubeObject.renderer): the plan names it. */
  readonly renderer?: string;
}

/** Where each kind keeps its pod spec. */
const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  DeploymentConfig: ['spec', 'template', 'spec'],
  // Argo Rollouts (argoproj.io/v1alpha1): a Deployment's pod template under the same path.
  Rollout: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

export function workloadsOf(
  objects: readonly KubeObject[],
  defaultNamespace: string,
): { workloads: Workload[]; warnings: DiscoveryWarning[] } {
  const workloads: Workload[] = [];
  const warnings: DiscoveryWarning[] = [];
  for (const object of objects) {
    const specPath = POD_SPEC_PATHS[object.kind];
    if (!specPath) continue;
    const metadata = record(object.body['metadata']);
    const name = typeof metadata['name'] === 'string' ? metadata['name'] : '(unnamed)';
    const namespace =
      typeof metadata['namespace'] === 'string' && metadata['namespace']
        ? metadata['namespace']
        : defaultNamespace;
    const spec = dig(object.body, specPath) ?? {};
    const misnamed = misnamedField(object, specPath, spec);
    if (misnamed) {
      const where = object.locate(misnamed.path);
      warnings.push({
        file: where.file,
        line: where.line,
        message: `${object.kind} ${quotedValue(name)} is skipped: ${misnamed.problem}`,
      });
      continue;
    }
    const triggered = triggeredImages(object, namespace, warnings);
    const containers = podContainers(object, name, specPath, spec, triggered, warnings);
    const account = spec['serviceAccountName'] ?? spec['serviceAccount'];
    const secrets = Array.isArray(spec['imagePullSecrets'])
      ? spec['imagePullSecrets'].flatMap((entry) => {
          const secretName = record(entry)['name'];
          return typeof secretName === 'string' && secretName ? [secretName] : [];
        })
      : [];
    workloads.push({
      kind: object.kind,
      name,
      namespace,
      serviceAccount: typeof account === 'string' && account ? account : 'default',
      ...(secrets.length > 0 ? { imagePullSecrets: secrets } : {}),
      containers,
      where: object.locate([]),
      ...(object.renderer !== undefined ? { renderer: object.renderer } : {}),
    });
  }
  return { workloads, warnings };
}

/** The pod's init containers and containers with an image (a trigger's, else their own); the rest warn. */
function podContainers(
  object: KubeObject,
  name: string,
  specPath: readonly string[],
  spec: Record<string, unknown>,
  triggered: ReadonlyMap<string, string>,
  warnings: DiscoveryWarning[],
): WorkloadContainer[] {
  const containers: WorkloadContainer[] = [];
  for (const list of ['initContainers', 'containers'] as const) {
    const entries = Array.isArray(spec[list]) ? (spec[list] as unknown[]) : [];
    entries.forEach((entry, i) => {
      const container = record(entry);
      const containerName = typeof container['name'] === 'string' ? container['name'] : `#${i}`;
      const where = object.locate([...specPath, list, i, 'image']);
      const image = triggered.get(containerName) ?? container['image'];
      if (typeof image === 'string' && image.trim()) {
        containers.push({ name: containerName, image: image.trim(), where });
      } else {
        warnings.push({
          file: where.file,
          line: where.line,
          message: `${object.kind} ${name} container ${containerName} has no image`,
        });
      }
    });
  }
  return containers;
}

/**
 * The first namespace, service account or pull secret name Kubernetes would refuse (the API server rejects
 * the whole object), so a name no cluster can hold never reaches a plan or a report as written.
 */
function misnamedField(
  object: KubeObject,
  specPath: readonly string[],
  spec: Record<string, unknown>,
): { path: (string | number)[]; problem: string } | undefined {
  const namespace = record(object.body['metadata'])['namespace'];
  if (typeof namespace === 'string' && namespace !== '' && !isNamespaceName(namespace)) {
    return {
      path: ['metadata', 'namespace'],
      problem: `namespace ${quotedValue(namespace)} is not a DNS-1123 label (lowercase letters, digits and -, at most 63)`,
    };
  }
  for (const key of ['serviceAccountName', 'serviceAccount']) {
    const account = spec[key];
    if (typeof account === 'string' && account !== '' && !isObjectName(account)) {
      return {
        path: [...specPath, key],
        problem: `service account ${quotedValue(account)} is not a DNS-1123 subdomain (lowercase letters, digits, - and ., at most 253)`,
      };
    }
  }
  const secrets = Array.isArray(spec['imagePullSecrets']) ? spec['imagePullSecrets'] : [];
  for (const [i, entry] of secrets.entries()) {
    const secretName = record(entry)['name'];
    if (typeof secretName === 'string' && secretName !== '' && !isObjectName(secretName)) {
      return {
        path: [...specPath, 'imagePullSecrets', i, 'name'],
        problem: `imagePullSecrets name ${quotedValue(secretName)} is not a DNS-1123 subdomain (lowercase letters, digits, - and ., at most 253)`,
      };
    }
  }
  return undefined;
}

/**
 * Container name → image from OpenShift image-change triggers: a DeploymentConfig's `triggers`
 * (imageChangeParams.containerNames, from an ImageStreamTag) and the `image.openshift.io/triggers`
 * annotation other workloads use (fieldPath `…containers[?(@.name=="web")].image`).
 */
function triggeredImages(
  object: KubeObject,
  namespace: string,
  warnings: DiscoveryWarning[],
): Map<string, string> {
  const images = new Map<string, string>();
  const triggers = object.body['spec'] && record(object.body['spec'])['triggers'];
  if (object.kind === 'DeploymentConfig' && Array.isArray(triggers)) {
    for (const trigger of triggers.map(record)) {
      const params = record(trigger['imageChangeParams']);
      const image = imageOf(record(params['from']), namespace);
      if (trigger['type'] !== 'ImageChange' || !image) continue;
      for (const container of Array.isArray(params['containerNames']) ? params['containerNames'] : []) {
        if (typeof container === 'string') images.set(container, image);
      }
    }
  }
  const annotation = record(record(object.body['metadata'])['annotations'])['image.openshift.io/triggers'];
  if (typeof annotation === 'string') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(annotation);
    } catch {
      const where = object.locate(['metadata', 'annotations', 'image.openshift.io/triggers']);
      warnings.push({
        file: where.file,
        line: where.line,
        message:
          'the image.openshift.io/triggers annotation is not a JSON list: its images are not discovered',
      });
    }
    for (const trigger of Array.isArray(parsed) ? parsed.map(record) : []) {
      const image = imageOf(record(trigger['from']), namespace);
      const container = /name\s*==\s*["']([^"']+)["']/.exec(String(trigger['fieldPath'] ?? ''))?.[1];
      if (image && container) images.set(container, image);
    }
  }
  return images;
}

function imageOf(from: Record<string, unknown>, namespace: string): string | undefined {
  const name = typeof from['name'] === 'string' ? from['name'] : undefined;
  if (!name) return undefined;
  const streamNamespace =
    typeof from['namespace'] === 'string' && from['namespace'] ? from['namespace'] : namespace;
  if (from['kind'] === 'ImageStreamTag' || from['kind'] === 'ImageStreamImage') {
    return `${OPENSHIFT_REGISTRY_SERVICE}/${streamNamespace}/${name}`;
  }
  return from['kind'] === 'DockerImage' ? name : undefined;
}
