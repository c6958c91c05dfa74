// Commands that fetch a cluster's credentials, as their references document them: the job deploys to
// that cluster, so it is a deploy target.
// - aws eks update-kubeconfig --name NAME [--region R] [--role-arn ARN] (AWS CLI reference); the region is
//   the global --region, else AWS_REGION / AWS_DEFAULT_REGION (configure-aws-credentials exports both).
// - eksctl utils write-kubeconfig --cluster NAME [--region R] (eksctl reference).
// - gcloud container clusters get-credentials NAME [--zone Z | --region R | --location L] [--project P]
//   (gcloud reference); the project is --project, else CLOUDSDK_CORE_PROJECT.
import { afterSubcommand, optionSet, optionValues, parseArguments, wordText } from './arguments.ts';
import type { CommandContext, CommandHandler } from './context.ts';
import { GCLOUD_GLOBAL } from './push-tools.ts';
import { missing, serverOrigin, split, type Text } from '../text.ts';
import { awsRegionOf } from './aws-region.ts';

// aws(1) global options with a value.
export const AWS_GLOBAL = optionSet(
  '--region --profile --output --endpoint-url --query --color --ca-bundle --cli-read-timeout --cli-connect-timeout --cli-binary-format',
);
// eksctl options with a value (the ones write-kubeconfig takes, and the global ones).
const EKSCTL_GLOBAL = optionSet(
  '--cluster --name -c --region -r --profile -p --kubeconfig --authenticator-role-arn --color -C --verbose -v',
);
// aws eks update-kubeconfig options with a value.
const UPDATE_KUBECONFIG = optionSet('--name --kubeconfig --role-arn --alias --user-alias --assume-role-arn');
// gcloud container clusters get-credentials options with a value.
const GET_CREDENTIALS = optionSet('--zone --region --location');

const known = (...values: (Text | undefined)[]): Text | undefined =>
  values.find((value) => value !== undefined);

/** The region a command names, else the one its step's environment or the job's credentials give. */
function awsRegion(given: Text | undefined, context: CommandContext): Text {
  return awsRegionOf(given, context.environment, context.facts);
}

const READERS: readonly CommandHandler[] = [
  (words, context) => {
    if (!afterSubcommand(words, ['aws', 'eks', 'update-kubeconfig'], AWS_GLOBAL)) return false;
    // Global options may stand anywhere: the whole line is read with both sets.
    const parsed = parseArguments(words.slice(1), new Set([...UPDATE_KUBECONFIG, ...AWS_GLOBAL]));
    const [name] = optionValues(parsed, '--name');
    // The account is optional: a role held in a secret leaves it out rather than the target.
    const [roleArn] = optionValues(parsed, '--role-arn');
    // `--alias` names the context (default: the cluster's ARN); `--kubeconfig` the file it is written to.
    const names = {
      context: wordText(optionValues(parsed, '--alias')[0]),
      kubeconfig: wordText(optionValues(parsed, '--kubeconfig')[0]),
    };
    // Else the account of the job's credentials (configure-aws-credentials' role), where it is known.
    const account =
      wordText(roleArn ? split(roleArn, ':')[4] : undefined) ?? wordText(context.facts?.awsAccount);
    context.sink.cluster(
      {
        platform: 'eks',
        cluster: name ?? [missing('the cluster name (--name)')],
        region: awsRegion(optionValues(parsed, '--region')[0], context),
        ...(account ? { account: [account] } : {}),
      },
      'aws eks update-kubeconfig',
      undefined,
      names,
    );
    return true;
  },
  (words, context) => {
    if (!afterSubcommand(words, ['eksctl', 'utils', 'write-kubeconfig'], EKSCTL_GLOBAL)) return false;
    const parsed = parseArguments(words.slice(1), EKSCTL_GLOBAL);
    const name = optionValues(parsed, '--cluster', '--name', '-c')[0];
    context.sink.cluster(
      {
        platform: 'eks',
        cluster: name ?? [missing('the cluster name (--cluster)')],
        region: awsRegion(optionValues(parsed, '--region', '-r')[0], context),
      },
      'eksctl utils write-kubeconfig',
      undefined,
      { kubeconfig: wordText(optionValues(parsed, '--kubeconfig')[0]) },
    );
    return true;
  },
  (words, context) => {
    if (!afterSubcommand(words, ['gcloud', 'container', 'clusters', 'get-credentials'], GCLOUD_GLOBAL))
      return false;
    const parsed = parseArguments(words.slice(1), new Set([...GET_CREDENTIALS, ...GCLOUD_GLOBAL]));
    // container clusters get-credentials NAME
    const name = parsed.positionals[3];
    const location = optionValues(parsed, '--location', '--region', '--zone')[0];
    const project = known(
      optionValues(parsed, '--project')[0],
      context.environment.get('CLOUDSDK_CORE_PROJECT'),
    );
    context.sink.cluster(
      {
        platform: 'gke',
        cluster: name ?? [missing('the cluster name')],
        location: location ?? [missing('the cluster location', 'pass --location, --region or --zone')],
        project: project ?? [missing('the Google Cloud project', 'pass --project')],
      },
      'gcloud container clusters get-credentials',
    );
    return true;
  },
];

// oc login [SERVER] [--server S] [-n N] (oc reference): credentials for the server; the namespace is -n, or
// what a later `oc project N` of the job switches to, else the token's default project (unknown).
const OC_LOGIN = optionSet(
  '--server -s --token --username -u --password -p --certificate-authority --kubeconfig --namespace -n --context',
);
const readOc: CommandHandler = (words, context) => {
  if (afterSubcommand(words, ['oc', 'login'], KUBECTL_GLOBAL)) {
    const parsed = parseArguments(words.slice(1), OC_LOGIN);
    const server = serverOrigin(wordText(optionValues(parsed, '--server', '-s')[0] ?? parsed.positionals[1]));
    const namespace = optionValues(parsed, '--namespace', '-n')[0];
    context.sink.cluster(
      {
        platform: 'openshift',
        namespace: namespace ?? [
          missing(
            'the namespace',
            "run `oc project NAME` after oc login (or pass -n): else the token's default project is used, which pullcheck cannot know",
          ),
        ],
        ...(server ? { server: [server] } : {}),
      },
      'oc login',
    );
    return true;
  }
  const project = afterSubcommand(words, ['oc', 'project'], KUBECTL_GLOBAL);
  if (!project) return false;
  const [namespace] = parseArguments(project, KUBECTL_GLOBAL).positionals;
  if (namespace) context.sink.jobNamespace(namespace);
  return true;
};

export const clusterCredentials: CommandHandler = (words, context) =>
  readOc(words, context) || READERS.some((read) => read(words, context));

// kubectl(1) / oc(1) global options with a value.
export const KUBECTL_GLOBAL = optionSet(
  '--kubeconfig --context --cluster --user --namespace -n --server -s --token --as --as-group --request-timeout --certificate-authority --client-certificate --client-key --tls-server-name',
);
// kubectl set image options with a value.
const SET_IMAGE = optionSet('--filename -f --selector -l --output -o --field-manager --template');

/**
 * `kubectl set image (TYPE NAME | TYPE/NAME) CONTAINER=IMAGE …` (and `oc set image`): the images the
 * workloads of the job's cluster run from now on (kubectl reference, "kubectl set image").
 */
export const setImage: CommandHandler = (words, context) => {
  const tool = ['kubectl', 'oc'].find((name) =>
    afterSubcommand(words, [name, 'set', 'image'], KUBECTL_GLOBAL),
  );
  if (!tool) return false;
  const rest = afterSubcommand(words, [tool, 'set', 'image'], KUBECTL_GLOBAL)!;
  const parsed = parseArguments(rest, new Set([...SET_IMAGE, ...KUBECTL_GLOBAL]));
  for (const word of parsed.positionals) {
    // CONTAINER=IMAGE, the container's name possibly known only at run time (`$APP=$IMAGE`): the image is
    // what follows the first `=` of a known part.
    const part = word.findIndex((piece) => typeof piece === 'string' && piece.includes('='));
    if (part === -1) continue; // TYPE, NAME or TYPE/NAME
    const piece = word[part] as string;
    context.sink.setImage(
      [piece.slice(piece.indexOf('=') + 1), ...word.slice(part + 1)],
      `${tool} set image`,
    );
  }
  return true;
};
