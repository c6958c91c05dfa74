// Live reads of the cluster objects OpenShift and Kubernetes targets need, over the access the entry gives:
// `kubeconfig` (the CLI: KUBECONFIG, else ~/.kube/config, else the pod's in-cluster service account) or a
// server and token (the action's openshift-server and openshift-token); without one, nothing is read.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LiveReadContext, LiveReadResult } from '../../core/provider.ts';
import type { ClusterAccess } from './live/cluster-access.ts';
import { collectKubernetesObjects } from './live/collect.ts';

export async function read(context: LiveReadContext): Promise<LiveReadResult | undefined> {
  const { config, plan, runner } = context;
  const targets = (config.input.targets ?? []).filter(
    (target) => target.platform === 'openshift' || target.platform === 'kubernetes',
  );
  const given = context.credentials['kubernetes'];
  if (given === undefined || targets.length === 0) return undefined;
  const access = given === 'kubeconfig' ? ambientAccess() : (given as ClusterAccess);
  if (!access) return undefined;
  const streams = plan.images.flatMap((image) =>
    image.registry.kind === 'openshift'
      ? [{ namespace: image.registry.namespace, name: image.registry.imageStream }]
      : [],
  );
  try {
    const collected = await collectKubernetesObjects(
      { targets, imageNamespaces: [...new Set(streams.map((s) => s.namespace))], imageStreams: streams },
      access,
      runner,
    );
    return { facts: { objects: collected.objects }, notes: collected.notes };
  } catch (error) {
    const where = 'kubeconfigFile' in access ? `${access.kubeconfigFile}: ` : '';
    return { notes: [`${where}${(error as Error).message}; Kubernetes facts come from the config only`] };
  }
}

/** The first KUBECONFIG file, else ~/.kube/config, else the pod's own service account inside a cluster. */
function ambientAccess(): ClusterAccess | undefined {
  const file =
    process.env['KUBECONFIG']?.split(path.delimiter)[0] || path.join(os.homedir(), '.kube', 'config');
  if (existsSync(file)) return { kubeconfigFile: file };
  if (process.env['KUBERNETES_SERVICE_HOST']) return { inCluster: true };
  return undefined;
}
