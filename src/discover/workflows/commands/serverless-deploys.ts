// Commands that deploy a container image to a serverless platform, as their references document them; the
// platform pulls that image when it deploys (src/providers/gcp/cloud-run.ts, src/providers/aws/lambda-pull.ts).
// - gcloud [beta|alpha] run deploy SERVICE --image I [--region R] [--project P], and
//   gcloud [beta|alpha] run jobs deploy|create JOB --image I (gcloud reference): the project is --project, else
//   CLOUDSDK_CORE_PROJECT (google-github-actions/auth exports it); the region --region, else CLOUDSDK_RUN_REGION.
//   Without --image the service is built from source (--source), an image pullcheck does not see.
//   gcloud run services update SERVICE --image I and gcloud run jobs update JOB --image I change the image the
//   service or job runs (gcloud reference: "--image … Name of the container image to deploy"): read like deploy;
//   without --image they keep the image already deployed, so no deploy is read.
// - aws lambda update-function-code --function-name F --image-uri I, and
//   aws lambda create-function --function-name F --package-type Image --code ImageUri=I (AWS CLI reference):
//   the function's region is its ARN's, else --region, else AWS_REGION / AWS_DEFAULT_REGION; its account the
//   ARN's, else that of the job's role. A .zip deploy pulls no image: no target, no finding.
import {
  afterSubcommand,
  keyValues,
  optionSet,
  optionValues,
  parseArguments,
  wordText,
} from './arguments.ts';
import { AWS_GLOBAL } from './cluster-credentials.ts';
import type { CommandContext, CommandHandler } from './context.ts';
import { GCLOUD_GLOBAL } from './push-tools.ts';
import { concat, isMissing, missing, type Text } from '../text.ts';
import { cloudRunName, functionAccount, lambdaFunction } from '../serverless-names.ts';
import { awsRegionOf } from './aws-region.ts';

// gcloud run deploy / run jobs deploy options that take a value (so the next word is not the name).
const RUN_DEPLOY = optionSet(
  '--image --source --region --platform --service-account --memory --cpu --port --concurrency --timeout --max-instances --min-instances ' +
    '--set-env-vars --update-env-vars --remove-env-vars --env-vars-file --set-secrets --update-secrets --remove-secrets ' +
    '--labels --update-labels --remove-labels --args --command --tag --revision-suffix --vpc-connector --vpc-egress --ingress ' +
    '--execution-environment --set-cloudsql-instances --add-cloudsql-instances --network --subnet --network-tags --description ' +
    '--tasks --parallelism --max-retries --task-timeout --cluster --cluster-location --namespace --container --base-image ' +
    '--gpu --gpu-type --scaling --binary-authorization --key --function --sandbox --session-affinity',
);
const GCLOUD_RUN_PATHS: readonly { path: string[]; kind: 'service' | 'job'; update?: true }[] = [
  '',
  'beta',
  'alpha',
].flatMap((track) => {
  const base = track ? ['gcloud', track, 'run'] : ['gcloud', 'run'];
  return [
    { path: [...base, 'deploy'], kind: 'service' as const },
    { path: [...base, 'jobs', 'deploy'], kind: 'job' as const },
    { path: [...base, 'jobs', 'create'], kind: 'job' as const },
    { path: [...base, 'services', 'update'], kind: 'service' as const, update: true as const },
    { path: [...base, 'jobs', 'update'], kind: 'job' as const, update: true as const },
  ];
});

const gcloudRunDeploy: CommandHandler = (words, context) => {
  const form = GCLOUD_RUN_PATHS.find((entry) => afterSubcommand(words, entry.path, GCLOUD_GLOBAL));
  if (!form) return false;
  const via = form.path.join(' ');
  const rest = afterSubcommand(words, form.path, GCLOUD_GLOBAL)!;
  // Global options may stand before the subcommand (`gcloud --project P run deploy`): values from the whole
  // line, the name from what follows the subcommand.
  const options = new Set([...RUN_DEPLOY, ...GCLOUD_GLOBAL]);
  const parsed = parseArguments(words.slice(1), options);
  const [image] = optionValues(parsed, '--image');
  if (!image && form.update) return true; // the image already deployed stays
  if (!image) {
    context.sink.problem(
      `\`${via}\` names no --image: Cloud Run builds the ${form.kind} from source (--source) into an Artifact Registry repository of its project, an image pullcheck does not see; to check it, declare a \`cloud-run\` target with that image`,
    );
    return true;
  }
  const written = parseArguments(rest, options).positionals[0];
  const named = cloudRunName(written);
  const project = named.project ??
    optionValues(parsed, '--project')[0] ??
    context.environment.get('CLOUDSDK_CORE_PROJECT') ?? [
      missing(
        'the Google Cloud project',
        'pass --project, or authenticate with google-github-actions/auth first',
      ),
    ];
  const region =
    named.region ?? optionValues(parsed, '--region')[0] ?? context.environment.get('CLOUDSDK_RUN_REGION');
  context.sink.serverless(
    {
      platform: 'cloud-run',
      kind: form.kind,
      name: named.name ?? [missing(`the ${form.kind} name`, `name the ${form.kind} after \`${via}\``)],
      image,
      project,
      ...(region ? { region } : {}),
    },
    via,
  );
  return true;
};

// aws lambda update-function-code / create-function options that take a value.
const LAMBDA_OPTIONS = optionSet(
  '--function-name --image-uri --zip-file --s3-bucket --s3-key --s3-object-version --package-type --code --role --runtime --handler ' +
    '--description --timeout --memory-size --environment --architectures --revision-id --tags --layers --kms-key-arn --vpc-config ' +
    '--dead-letter-config --tracing-config --image-config --ephemeral-storage --snap-start --logging-config --code-signing-config-arn ' +
    '--file-system-configs --source-kms-key-arn --cli-input-json --cli-input-yaml',
);

const awsLambdaDeploy: CommandHandler = (words, context) => {
  const command = ['update-function-code', 'create-function'].find((name) =>
    afterSubcommand(words, ['aws', 'lambda', name], AWS_GLOBAL),
  );
  if (!command) return false;
  const via = `aws lambda ${command}`;
  const parsed = parseArguments(words.slice(1), new Set([...LAMBDA_OPTIONS, ...AWS_GLOBAL]));
  if (optionValues(parsed, '--cli-input-json', '--cli-input-yaml').length > 0) {
    context.sink.problem(
      `\`${via}\` takes its parameters from --cli-input-json/--cli-input-yaml, which pullcheck does not read: if it deploys a container image, declare a \`lambda\` target (account, region, function) with that image`,
    );
    return true;
  }
  const image =
    command === 'update-function-code' ? optionValues(parsed, '--image-uri')[0] : codeImage(parsed);
  if (!image) return true; // a .zip deploy: no image is pulled
  const fn = lambdaFunction(optionValues(parsed, '--function-name')[0]);
  context.sink.serverless(
    {
      platform: 'lambda',
      function: fn.name ?? [missing('the function name (--function-name)')],
      image,
      region: fn.region ?? awsRegion(optionValues(parsed, '--region')[0], context),
      ...functionAccount(fn.account, context.facts?.awsAccount),
    },
    via,
  );
  return true;
};

const CODE_IMAGE = missing(
  'the image of --code',
  'write --code ImageUri=IMAGE with an image the workflow names, or declare a `lambda` target with the image it deploys',
);
const ZIP_KEYS = ['ZipFile', 'S3Bucket', 'S3Key'];

/**
 * create-function's image: `--code ImageUri=I` (shorthand) or `--code '{"ImageUri": "I"}'`, holes kept. When
 * none can be read, a function that is (or may be) an image — --package-type Image or not known, or a --code
 * not known that names no .zip — deploys an image pullcheck does not see: a missing part, never silence.
 */
function codeImage(parsed: ReturnType<typeof parseArguments>): Text | undefined {
  const [code] = optionValues(parsed, '--code');
  const read = code ? readCode(code) : { keys: [] };
  if (read.image) return read.image;
  const [typed] = optionValues(parsed, '--package-type');
  if (typed) {
    const type = wordText(typed);
    return type === undefined || type.toLowerCase() === 'image' ? [CODE_IMAGE] : undefined;
  }
  const zip = read.keys.some((key) => ZIP_KEYS.includes(key));
  return code && !zip && wordText(code) === undefined ? [CODE_IMAGE] : undefined;
}

/** The ImageUri of --code, or the keys it names; a hole stands in the JSON as a placeholder while parsing. */
function readCode(code: Text): { image?: Text; keys: readonly string[] } {
  const holes = code.filter(isMissing);
  let n = 0;
  const written = code.map((part) => (isMissing(part) ? `\uE000${n++}\uE001` : part)).join('');
  if (!written.trim().startsWith('{')) {
    const pairs = keyValues(code);
    const image = pairs.get('ImageUri');
    return { ...(image ? { image } : {}), keys: [...pairs.keys()] };
  }
  let value: unknown;
  try {
    value = JSON.parse(written);
  } catch {
    return {
      image: [holes.length > 0 ? CODE_IMAGE : missing('the image of --code', '--code is not valid JSON')],
      keys: [],
    };
  }
  if (typeof value !== 'object' || value === null) return { keys: [] };
  const image = (value as Record<string, unknown>)['ImageUri'];
  const restored =
    typeof image === 'string'
      ? concat(
          ...image
            .split(/\uE000(\d+)\uE001/)
            .map((piece, i): Text => (i % 2 === 1 ? [holes[Number(piece)] ?? CODE_IMAGE] : [piece])),
        )
      : undefined;
  return { ...(restored ? { image: restored } : {}), keys: Object.keys(value) };
}

function awsRegion(given: Text | undefined, context: CommandContext): Text {
  return awsRegionOf(given, context.environment, context.facts);
}

export const serverlessDeploys: CommandHandler = (words, context) =>
  gcloudRunDeploy(words, context) || awsLambdaDeploy(words, context);
