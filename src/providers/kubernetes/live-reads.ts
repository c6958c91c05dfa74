// Live reads of the cluster objects OpenShift and Kubernetes targets need, over the access the entry gives:
// `kubeconfig` (the CLI: KUBECONFIG, else ~/.kube/config) or a server and token (the action's
// openshift-server and openshift-token); without one, a note says the cluster facts come from the config.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LiveReadContext, LiveReadResult } from '../../core/provider.ts';
import type { ClusterAccess } from './live/cluster-access.ts';
import { kubernetes, OPENSHIFT_USER } from './index.ts';
import { openshiftLocationOf } from './openshift/registry.ts';

export async function read(context: LiveReadContext): Promise<LiveReadResult | undefined> {
  const { config, plan, runner } = context;
  const targets = (config.input.targets ?? []).filter(
    (target) => target.platform === 'openshift' || target.platform === 'kubernetes',
  );
  if (targets.length === 0 && !context.ciPushes?.length) return undefined;
  const given = context.credentials['kubernetes'];
  const access = given === 'kubeconfig' ? ambientKubeconfig() : (given as ClusterAccess | undefined);
  if (!access) {
    const hint = context.credentialHints['kubernetes'] ?? HINT;
    return {
      notes: [`no cluster access: Kubernetes and OpenShift facts come from the config only (${hint})`],
    };
  }
  const streams = plan.images.flatMap((image) => {
    const stream = openshiftLocationOf(image);
    return stream ? [{ namespace: stream.namespace, name: stream.imageStream }] : [];
  });
  const pushes = ciPushes(context);
  try {
    // The Kubernetes client loads only when a cluster is read.
    const { collectKubernetesObjects } = await import('./live/collect.ts');
    const collected = await collectKubernetesObjects(
      {
        targets,
        imageNamespaces: [...new Set(streams.map((s) => s.namespace))],
        imageStreams: streams,
        ...(pushes.users.length > 0 ? { pushes } : {}),
      },
      access,
      runner,
    );
    return { facts: { objects: collected.objects }, notes: collected.notes };
  } catch (error) {
    const where = 'kubeconfigFile' in access ? `${access.kubeconfigFile}: ` : '';
    return { notes: [`${where}${(error as Error).message}; Kubernetes facts come from the config only`] };
  }
}

/** The users that push to the integrated registry (issue 18), and the namespaces they push to. */
function ciPushes(context: LiveReadContext): { users: string[]; namespaces: string[] } {
  const pushes = (context.ciPushes ?? []).flatMap(({ image, principal }) => {
    const stream = openshiftLocationOf(image);
    const user = principal.startsWith(OPENSHIFT_USER) ? principal.slice(OPENSHIFT_USER.length) : principal;
    return stream && kubernetes.ownsPrincipal(principal) ? [{ user, namespace: stream.namespace }] : [];
  });
  return {
    users: [...new Set(pushes.map((push) => push.user))],
    namespaces: [...new Set(pushes.map((push) => push.namespace))],
  };
}

const HINT = 'set KUBECONFIG, or write ~/.kube/config (kubectl config, oc login, aws eks update-kubeconfig)';

/** The first KUBECONFIG file, else ~/.kube/config, when there is one. */
function ambientKubeconfig(): ClusterAccess | undefined {
  const file =
    process.env['KUBECONFIG']?.split(path.delimiter)[0] || path.join(os.homedir(), '.kube', 'config');
  return existsSync(file) ? { kubeconfigFile: file } : undefined;
}
