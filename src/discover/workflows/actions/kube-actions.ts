// Actions that select a Kubernetes cluster or put workloads on it, as their READMEs document them:
// - azure/k8s-set-context (`method`, `context`, `cluster-name`) and azure/aks-set-context (`cluster-name`,
//   `resource-group`): a plain Kubernetes cluster; its context is `context`, or the AKS cluster's name
//   (what `az aks get-credentials` names it).
// - azure/k8s-deploy (`manifests`, `images`, `namespace`, `action`): the manifests applied with each
//   image whose name matches one of `images` replaced by it; `action: reject` deploys nothing.
// - redhat-actions/oc-new-app (`image`, `namespace`): the image runs in that namespace.
// - Actions that run kubectl on an EKS cluster or a kubeconfig they hold (below).
import { wordText } from '../commands/arguments.ts';
import { missing, split } from '../text.ts';
import type { ActionCall, ActionHandler } from './call.ts';
import { awsRegionOf } from '../commands/aws-region.ts';

export const kubernetesContext =
  (via: string): ActionHandler =>
  (call) => {
    const name = call.text('context') ?? call.text('cluster-name');
    const context = wordText(name);
    call.cluster(
      { platform: 'kubernetes', ...(name ? { context: name } : {}) },
      via,
      call.where(call.text('context') ? 'context' : call.text('cluster-name') ? 'cluster-name' : undefined),
      { context },
    );
  };

export const k8sDeploy: ActionHandler = (call) => {
  // `reject` rolls a canary or blue-green deploy back to what ran before: nothing new is pulled.
  if ((wordText(call.text('action')) ?? '').trim() === 'reject') return;
  const manifests = call.items('manifests', false);
  const where = call.where('manifests');
  if (manifests.length === 0) {
    call.problem('azure/k8s-deploy names no manifests pullcheck can read: declare the target in the config');
    return;
  }
  const namespace = call.text('namespace');
  // k8s-deploy replaces the image of every container whose image has the same name: kustomize's NAME:TAG.
  const images = call.items('images', false).map((item) => item.text);
  call.sink(where).applied({
    via: 'azure/k8s-deploy',
    cwd: '',
    paths: manifests.map((item) => item.text),
    ...(namespace ? { namespace } : {}),
    ...(images.length > 0 ? { images } : {}),
  });
};

export const ocNewApp: ActionHandler = (call) => {
  const image = call.text('image');
  const sink = call.sink(call.where('image'));
  const namespace = call.text('namespace');
  if (namespace && (wordText(namespace) ?? 'x').trim() !== '') sink.jobNamespace(namespace);
  if (!image) {
    call.problem('redhat-actions/oc-new-app names no image: declare the target in the config');
    return;
  }
  sink.setImage(image, 'redhat-actions/oc-new-app');
};

/**
 * ianbelcher/eks-kubectl-action (its action.yml: `cluster_name`, `aws_region`, `args`): credentials for an
 * EKS cluster, then `kubectl ARGS` on it.
 */
export const eksKubectl: ActionHandler = (call) => {
  const region = awsRegionOf(call.text('aws_region'), call.env, call.facts, 'set `aws_region`');
  call.cluster(
    {
      platform: 'eks',
      cluster: call.text('cluster_name') ?? [missing('the cluster name (cluster_name)')],
      region,
    },
    call.name,
    call.where('cluster_name'),
  );
  runKubectl(call);
};

/**
 * kodermax/kubectl-aws-eks (its action.yml: `args`; the kubeconfig comes from the KUBE_CONFIG_DATA secret,
 * so which cluster it is cannot be known): a Kubernetes cluster, then `kubectl ARGS` on it.
 */
export const kubeconfigKubectl: ActionHandler = (call) => {
  call.cluster({ platform: 'kubernetes' }, call.name, call.where());
  runKubectl(call);
};

/** `kubectl ARGS` as the action runs it, read by the same handlers as a `run:` step's commands. */
function runKubectl(call: ActionCall): void {
  const args = call.text('args');
  if (!args) return;
  const words = split(args, /\s+/).filter((word) => word.length > 0);
  call.runCommand([['kubectl'], ...words], '', call.where('args'));
}
