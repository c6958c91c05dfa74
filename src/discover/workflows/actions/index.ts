// Which handler reads a `uses:` step, and what an action pullcheck does not know becomes: a may-push
// finding when its inputs say it pushes (a `push` input, or an image, tag or registry input), silence
// only for actions known to push nothing.
import { isPullcheckAction, pullcheckAction } from './pullcheck-action.ts';
import { ecsDeploy, ecsRender } from './ecs-actions.ts';
import { wordText } from '../commands/arguments.ts';
import { shown, split } from '../text.ts';
import { bakeAction } from './bake-action.ts';
import { deployCloudRun, lambdaDeploy } from './serverless-actions.ts';
import type { ActionCall, ActionHandler } from './call.ts';
import { handedOff } from '../commands/unread-deploys.ts';
import {
  awsCredentials,
  changeCase,
  ecrLogin,
  gkeCredentials,
  openshiftLogin,
  googleAuth,
  registryLogin,
  setupGcloud,
  setupKo,
} from './cloud-actions.ts';
import { eksKubectl, k8sDeploy, kubeconfigKubectl, kubernetesContext, ocNewApp } from './kube-actions.ts';
import {
  buildahBuild,
  buildPush,
  dockerBuildPush,
  kanikoAction,
  metadata,
  publishDocker,
  pushToRegistry,
  tagPush,
} from './push-actions.ts';

const HANDLERS: Readonly<Record<string, ActionHandler>> = {
  'docker/build-push-action': buildPush('docker/build-push-action'),
  'depot/build-push-action': buildPush('depot/build-push-action'),
  'useblacksmith/build-push-action': buildPush('useblacksmith/build-push-action'),
  'docker/metadata-action': metadata,
  'docker/bake-action': bakeAction('docker/bake-action'),
  'depot/bake-action': bakeAction('depot/bake-action'),
  'redhat-actions/buildah-build': buildahBuild,
  'redhat-actions/push-to-registry': pushToRegistry,
  'akhilerm/tag-push-action': tagPush,
  'int128/kaniko-action': kanikoAction,
  'mr-smithers-excellent/docker-build-push': dockerBuildPush,
  'elgohr/publish-docker-github-action': publishDocker,
  'aws-actions/configure-aws-credentials': awsCredentials,
  'aws-actions/amazon-ecr-login': ecrLogin,
  'google-github-actions/auth': googleAuth,
  'google-github-actions/setup-gcloud': setupGcloud,
  'google-github-actions/get-gke-credentials': gkeCredentials,
  'redhat-actions/oc-login': openshiftLogin,
  'redhat-actions/oc-new-app': ocNewApp,
  'azure/k8s-set-context': kubernetesContext('azure/k8s-set-context'),
  'azure/aks-set-context': kubernetesContext('azure/aks-set-context'),
  'azure/k8s-deploy': k8sDeploy,
  'ianbelcher/eks-kubectl-action': eksKubectl,
  'kodermax/kubectl-aws-eks': kubeconfigKubectl,
  'aws-actions/amazon-ecs-render-task-definition': ecsRender,
  'aws-actions/amazon-ecs-deploy-task-definition': ecsDeploy,
  'google-github-actions/deploy-cloudrun': deployCloudRun,
  'aws-actions/aws-lambda-deploy': lambdaDeploy,
  'helmfile/helmfile-action': unreadTool(
    () => 'deploys the releases of its helmfile.yaml, which pullcheck does not read',
  ),
  'nais/deploy': unreadTool(
    (call) =>
      `deploys the NAIS resource ${shown(call.text('resource') ?? call.env.get('RESOURCE') ?? ['(not named)'])} to cluster ${shown(call.text('cluster') ?? call.env.get('CLUSTER') ?? ['(not named)'])}, which pullcheck does not read`,
  ),
  // At the namespace: the line that says where it deploys.
  'bcgov/action-deployer-openshift': (call) =>
    call
      .sink(call.where(call.text('oc_namespace') ? 'oc_namespace' : undefined))
      .problem(
        `${call.name} processes the OpenShift template ${shown(call.text('file') ?? ['(not named)'])} into namespace ${shown(call.text('oc_namespace') ?? ['(not named)'])}, which pullcheck does not read: list the images it runs and their targets in the config`,
      ),
  'peter-evans/repository-dispatch': (call) =>
    call.problem(handedOff(shown(call.text('repository') ?? ['this repository (another workflow)']))),
  'docker/login-action': registryLogin('registry', 'docker.io'),
  'redhat-actions/podman-login': registryLogin('registry', 'a registry'),
  'azure/docker-login': registryLogin('login-server', 'docker.io'),
  'ko-build/setup-ko': setupKo,
  'imjasonh/setup-ko': setupKo,
  // goreleaser/goreleaser-action runs `goreleaser ARGS` in `workdir`.
  'goreleaser/goreleaser-action': (call) =>
    call.runCommand(
      [['goreleaser'], ...split(call.text('args') ?? [], /\s+/).filter((word) => word.length > 0)],
      wordText(call.text('workdir')) ?? '',
      call.where('args'),
    ),
  'aszc/change-string-case-action': changeCase,
  'entepotenz/change-string-case-action-min-dependencies': changeCase,
};

/** Deploy actions whose own files say what runs where, which pullcheck does not read: a finding, never silence. */
function unreadTool(what: (call: ActionCall) => string): ActionHandler {
  return (call) =>
    call.problem(`${call.name} ${what(call)}: list the images it runs and their targets in the config`);
}

/** Actions that take image inputs but push no image of their own (scanners, signers, deployers). */
const PUSH_NOTHING =
  /^(?:actions\/|github\/|docker\/setup-|docker\/scout-action|aquasecurity\/|anchore\/|sigstore\/|aws-actions\/amazon-ecs-|aws-actions\/aws-cloudformation|google-github-actions\/(?:deploy-|get-gke|setup-)|azure\/(?:k8s|aks|login|webapps)|redhat-actions\/(?:oc-|openshift-tools|s2i|crda)|hadolint\/|snyk\/|softprops\/|peter-evans\/|dorny\/|tj-actions\/|crazy-max\/ghaction-setup|crazy-max\/ghaction-docker-meta)/;
const PUSH_INPUT = /(?:^|[-_])(?:image|images|tags|registry|registries|destination|dst)(?:[-_]|$)|^push$/i;

export interface ActionStep {
  readonly call: ActionCall;
  /** The step's `with:` input names, as written. */
  readonly inputNames: readonly string[];
}

/** Runs the known handler; for an unknown action, flags it when its inputs say it may push. */
export function runAction({ call, inputNames }: ActionStep): void {
  const handler = HANDLERS[call.name] ?? (isPullcheckAction(call.name) ? pullcheckAction : undefined);
  if (handler) {
    handler(call);
    return;
  }
  if (PUSH_NOTHING.test(call.name)) return;
  const pushInputs = inputNames.filter((name) => PUSH_INPUT.test(name));
  const pushFalse = call.input('push') === false || String(call.input('push')).trim() === 'false';
  if (pushInputs.length === 0 || pushFalse) return;
  // Point at an input that reads like an image reference (`host.tld/path`), naming its value: that is
  // most likely the image to add.
  const imageLike = pushInputs.find((name) =>
    /^[\w.-]+\.[\w.-]+(?::\d+)?\/\S+$/.test(wordText(call.text(name)) ?? ''),
  );
  const named = imageLike ? ` (${imageLike}: \`${wordText(call.text(imageLike))}\`)` : '';
  call.mayPush(
    `${call.uses} is an action pullcheck does not know, and its inputs (${pushInputs.join(', ')}) say it may push${named}: add the images it pushes to \`images\``,
    call.where(imageLike ?? pushInputs[0]),
  );
}
