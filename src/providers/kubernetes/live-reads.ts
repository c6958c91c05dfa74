// Live reads of the cluster objects OpenShift and Kubernetes targets need, over the connection the entry
// gives: `kubeconfig` (the CLI: KUBECONFIG, else ~/.kube/config, when there is one) or a server and token
// (the action's openshift-server and openshift-token); without one, nothing is read.
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LiveReadContext, LiveReadResult } from '../../core/provider.ts';
import { collectKubernetesObjects, connectionFromKubeconfig, type KubernetesConnection } from './collect.ts';

export async function read(context: LiveReadContext): Promise<LiveReadResult | undefined> {
  const { config, plan, runner } = context;
  const targets = (config.input.targets ?? []).filter(
    (target) => target.platform === 'openshift' || target.platform === 'kubernetes',
  );
  const given = context.credentials['kubernetes'];
  if (given === undefined || targets.length === 0) return undefined;
  const connection = given === 'kubeconfig' ? ambientKubeconfig() : { value: given as KubernetesConnection };
  if (!connection) return undefined;
  if ('note' in connection) return { notes: [connection.note] };
  const streams = plan.images.flatMap((image) =>
    image.registry.kind === 'openshift'
      ? [{ namespace: image.registry.namespace, name: image.registry.imageStream }]
      : [],
  );
  const collected = await collectKubernetesObjects(
    { targets, imageNamespaces: [...new Set(streams.map((s) => s.namespace))], imageStreams: streams },
    connection.value,
    runner,
  );
  return { facts: { objects: collected.objects }, notes: collected.notes };
}

function ambientKubeconfig(): { value: KubernetesConnection } | { note: string } | undefined {
  const file =
    process.env['KUBECONFIG']?.split(path.delimiter)[0] || path.join(os.homedir(), '.kube', 'config');
  if (!existsSync(file)) return undefined;
  try {
    return { value: connectionFromKubeconfig(readFileSync(file, 'utf8')) };
  } catch (error) {
    return { note: `${file}: ${(error as Error).message}; Kubernetes facts come from the config only` };
  }
}
