// Commands that put workloads on the job's cluster, as their references document them. What they apply is
// read as `discover.manifests` reads it (files, folders, Kustomize roots, charts), on the cluster whose
// credentials the job got last (or the one `--context` names):
// - kubectl|oc apply|create|replace -f PATH… [-k DIR] [-n NS] [--context C] (kubectl reference); `-f -`
//   applies what the pipeline printed: `kustomize build DIR`, `kubectl kustomize DIR`, `helm template`.
// - kustomize edit set image NAME=NEW[:TAG|@DIGEST] (kustomize reference, `edit set image`): later builds of
//   the kustomization in that directory run the new image, as the GKE starter workflow does.
// - helm upgrade [--install] | install NAME CHART [-f VALUES] [--set K=V] [-n NS] [--kube-context C] (helm
//   reference): a chart in the repository is rendered with `helm template` and the same values.
// - kubectl create deployment|job NAME --image=I, kubectl run NAME --image=I, oc new-app IMAGE: the image
//   runs there (as `kubectl set image` says).
// - kubectl config use-context NAME / set-context --current --namespace N: which cluster and namespace.
import path from 'node:path';
import { afterSubcommand, optionSet, optionValues, parseArguments, wordText } from './arguments.ts';
import { KUBECTL_GLOBAL } from './cluster-credentials.ts';
import type { CommandContext, CommandHandler } from './context.ts';
import type { AppliedManifests } from '../sites.ts';
import { split, type Text } from '../text.ts';

// kubectl apply/create/replace options with a value (and the globals, which may stand anywhere).
const APPLY = new Set([
  ...KUBECTL_GLOBAL,
  ...optionSet(
    '--image --filename -f --kustomize -k --selector -l --output -o --field-manager --prune-allowlist --prune-whitelist --timeout --grace-period --cascade --template --edit-last-applied --raw --save-config --subresource',
  ),
]);
// helm install/upgrade/template options with a value.
const HELM = optionSet(
  '--values -f --namespace -n --set --set-string --set-file --set-json --set-literal --version --kube-context --kubeconfig --timeout --repo --post-renderer --post-renderer-args --description --username --password --ca-file --cert-file --key-file --history-max --output -o --name-template --api-versions -a --kube-version --show-only -s --output-dir --release-name --registry-config --repository-cache --repository-config --kube-apiserver --kube-as-user --kube-as-group --kube-token --kube-ca-file --labels -l --burst-limit --qps --max-history --wait-for',
);
// kubectl create deployment|job, kubectl run, oc new-app options with a value.
const RUN = new Set([
  ...KUBECTL_GLOBAL,
  ...optionSet(
    '--image --port --replicas --labels -l --env -e --overrides --restart --output -o --field-manager --name --docker-image --param -p --build-env --strategy --template --source-secret --image-stream -i --as-user --from',
  ),
]);

const TOOLS = ['kubectl', 'oc'] as const;

/** The tool and the words after `TOOL VERB`, all options still in (globals may come before the verb). */
function toolCommand(
  words: readonly Text[],
  verbs: readonly (readonly string[])[],
): { tool: string; verb: string; args: readonly Text[] } | undefined {
  for (const tool of TOOLS) {
    for (const verb of verbs) {
      if (afterSubcommand(words, [tool, ...verb], KUBECTL_GLOBAL)) {
        return { tool, verb: verb.join(' '), args: words.slice(1) };
      }
    }
  }
  return undefined;
}

/** Values that are given, as options for the sink (never `undefined` over a rendered value). */
function given(namespace: Text | undefined, context: Text | undefined, kubeconfig?: Text) {
  return {
    ...(namespace ? { namespace } : {}),
    ...(context ? { context } : {}),
    ...(kubeconfig ? { kubeconfig } : {}),
  };
}

const kubectlApply: CommandHandler = (words, context) => {
  const command = toolCommand(words, [['apply'], ['create'], ['replace']]);
  if (!command) return false;
  const parsed = parseArguments(command.args, APPLY);
  const [dryRun] = optionValues(parsed, '--dry-run');
  if ((dryRun && wordText(dryRun) !== 'none') || parsed.flags.has('--dry-run')) {
    // Nothing is deployed; what it prints (`kubectl create namespace N --dry-run=client -o yaml |
    // kubectl apply -f -`) is an object pullcheck need not read, except an image a workload runs.
    context.print(
      context.sink.rendered({
        via: `${command.tool} ${command.verb}`,
        cwd: context.cwd,
        paths: [],
        unread: true,
      }),
    );
    for (const image of optionValues(parsed, '--image'))
      context.sink.setImage(image, `${command.tool} create`);
    return true;
  }
  // `-f a.yaml,b.yaml`: kubectl takes a comma-separated list too.
  const files = optionValues(parsed, '--filename', '-f').flatMap((file) =>
    split(file, ',').filter((part) => part.length > 0),
  );
  const kustomizations = optionValues(parsed, '--kustomize', '-k');
  // `kubectl create deployment NAME --image=…` and friends are read by runImage.
  if (files.length === 0 && kustomizations.length === 0) return false;
  const via = `${command.tool} ${command.verb}`;
  const options = given(
    optionValues(parsed, '--namespace', '-n')[0],
    optionValues(parsed, '--context')[0],
    optionValues(parsed, '--kubeconfig')[0],
  );
  const paths = [...files, ...kustomizations].filter((file) => wordText(file) !== '-');
  if (files.some((file) => wordText(file) === '-')) context.sink.appliedInput(via, options, context.stdin);
  const remote = paths.filter((file) => /^https?:\/\//i.test(wordText(file) ?? ''));
  for (const url of remote)
    context.sink.problem(
      `\`${via}\` applies ${wordText(url)}, a manifest outside the repository that pullcheck does not fetch: if it runs an image the workflow pushes, list that workload's target in the config`,
    );
  const local = files.filter((file) => wordText(file) !== '-' && !remote.includes(file));
  // kubectl reads a folder's own files; -R (--recursive) its subfolders too.
  const recursive = parsed.flags.has('-R') || parsed.flags.has('--recursive');
  const more = recursive ? {} : { topLevelOnly: true as const };
  if (local.length > 0) context.sink.applied(applied(context, via, local, options, more));
  const roots = kustomizations.filter((file) => !remote.includes(file));
  if (roots.length > 0)
    context.sink.applied(applied(context, `${via} -k`, roots, options, { kustomize: true }));
  return true;
};

function applied(
  context: CommandContext,
  via: string,
  paths: readonly Text[],
  options: Pick<AppliedManifests, 'namespace' | 'context' | 'kubeconfig'>,
  more: Partial<AppliedManifests> = {},
): AppliedManifests {
  return { via, cwd: context.cwd, paths, ...options, ...more };
}

const kustomizeBuild: CommandHandler = (words, context) => {
  const build =
    afterSubcommand(words, ['kustomize', 'build'], new Set()) ??
    toolCommand(words, [['kustomize']])?.args.slice(1);
  if (!build) return false;
  const parsed = parseArguments(build, optionSet('--load-restrictor --output -o --helm-command --env -e'));
  const dir = parsed.positionals[0] ?? ['.'];
  const tool = path.posix.basename(wordText(words[0]) ?? 'kustomize');
  const via = tool === 'kustomize' ? 'kustomize build' : `${tool} kustomize`;
  context.print(context.sink.rendered(applied(context, via, [dir], {}, { kustomize: true })));
  return true;
};

const kustomizeEdit: CommandHandler = (words, context) => {
  const rest = afterSubcommand(words, ['kustomize', 'edit', 'set', 'image'], new Set());
  if (!rest) return false;
  context.sink.kustomizeEdit(context.cwd, parseArguments(rest, new Set()).positionals);
  return true;
};

const helm: CommandHandler = (words, context) => {
  const verb = ['upgrade', 'install', 'template'].find((name) =>
    afterSubcommand(words, ['helm', name], HELM),
  );
  if (!verb) return false;
  const parsed = parseArguments(words.slice(1), HELM);
  const positionals = parsed.positionals.slice(1);
  // `helm install --generate-name CHART` names no release; otherwise NAME CHART.
  const generated = parsed.flags.has('--generate-name') || parsed.flags.has('-g');
  const [release, chart] = generated ? [undefined, positionals[0]] : positionals;
  const via = `helm ${verb}`;
  if (!chart) {
    context.sink.problem(`\`${via}\` names no chart pullcheck can read: declare the target in the config`);
    return true;
  }
  const chartPath = wordText(chart);
  if (chartPath !== undefined && !context.read(`${chartPath.replace(/\/+$/, '')}/Chart.yaml`)) {
    context.sink.problem(
      `\`${via}\` deploys the chart ${chartPath}, which is not in the repository (a chart repository or oci:// chart): pullcheck does not render it; list the images it runs and its target in the config`,
    );
    return true;
  }
  const sets = (['--set', '--set-string'] as const).flatMap((flag) =>
    optionValues(parsed, flag).map((value) => ({ flag, value })),
  );
  const manifests = applied(
    context,
    via,
    [chart],
    given(
      optionValues(parsed, '--namespace', '-n')[0],
      optionValues(parsed, '--kube-context')[0],
      optionValues(parsed, '--kubeconfig')[0],
    ),
    {
      helm: {
        ...(release ? { release } : {}),
        values: optionValues(parsed, '--values', '-f'),
        sets,
      },
    },
  );
  if (verb === 'template') context.print(context.sink.rendered(manifests));
  else context.sink.applied(manifests);
  return true;
};

/** An image run by name: `kubectl create deployment|job NAME --image=I`, `kubectl run`, `oc new-app IMAGE`. */
const runImage: CommandHandler = (words, context) => {
  const command = toolCommand(words, [['create', 'deployment'], ['create', 'job'], ['run'], ['new-app']]);
  if (!command) return false;
  const parsed = parseArguments(command.args, RUN);
  const via = `${command.tool} ${command.verb}`;
  const images = [
    ...optionValues(parsed, '--image', '--docker-image'),
    // oc new-app IMAGE: a positional that is not a source (`NAME~REPO`) or a template file.
    ...(command.verb === 'new-app' ? parsed.positionals.slice(1) : []),
  ];
  if (images.length === 0) {
    if (command.verb === 'new-app')
      context.sink.problem(
        `\`${via}\` builds or deploys something other than an image (a source repository, a template): pullcheck does not read it; declare the target in the config`,
      );
    return true;
  }
  for (const image of images) {
    const text = wordText(image) ?? '';
    if (text.includes('~') || /\.(ya?ml|json)$/.test(text)) {
      context.sink.problem(
        `\`${via}\` builds from source or a template (${text}): the image it runs is built in the cluster; declare the target in the config`,
      );
      continue;
    }
    context.sink.setImage(image, via);
  }
  return true;
};

const kubeconfig: CommandHandler = (words, context) => {
  const use = toolCommand(words, [
    ['config', 'use-context'],
    ['config', 'use'],
  ]);
  if (use) {
    const name = wordText(parseArguments(use.args, KUBECTL_GLOBAL).positionals[2]);
    if (name) context.sink.useContext(name, `${use.tool} config use-context`);
    else
      context.sink.problem(
        `\`${use.tool} config use-context\` switches to a context known only at run time: declare the target in the config`,
      );
    return true;
  }
  const set = toolCommand(words, [['config', 'set-context']]);
  if (!set) return false;
  const parsed = parseArguments(set.args, KUBECTL_GLOBAL);
  const [namespace] = optionValues(parsed, '--namespace', '-n');
  if (parsed.flags.has('--current') && namespace) context.sink.jobNamespace(namespace);
  return true;
};

/** `oc process` renders an OpenShift template, which discovery does not read: said once, at the command. */
const ocProcess: CommandHandler = (words, context) => {
  const command = toolCommand(words, [['process']]);
  if (!command) return false;
  context.sink.problem(
    `\`${command.tool} process\` renders an OpenShift template, which pullcheck does not read: list the images it runs and the target in the config`,
  );
  context.print(
    context.sink.rendered({ via: `${command.tool} process`, cwd: context.cwd, paths: [], unread: true }),
  );
  return true;
};

export const applyManifests: readonly CommandHandler[] = [
  kubeconfig,
  kubectlApply,
  kustomizeEdit,
  kustomizeBuild,
  helm,
  runImage,
  ocProcess,
];
