// Actions that deploy a container image to a serverless platform; the platform pulls that image when it
// deploys. Inputs as the actions' action.yml files declare them:
// - google-github-actions/deploy-cloudrun: `service` or `job` (an id or a full name), `image`, `region`
//   (default us-central1), `project_id` (default: gcloud's project, which google-github-actions/auth exports
//   as CLOUDSDK_CORE_PROJECT); `metadata` (a service YAML file) or `source` deploy an image pullcheck does
//   not read, which is said at that input's line.
// - aws-actions/aws-lambda-deploy: `function-name`, `package-type` (default Zip: no image, nothing to pull),
//   `image-uri`; the region is the one the job's credentials exported (AWS_REGION).
import { wordText } from '../commands/arguments.ts';
import { cloudRunName, functionAccount, lambdaFunction } from '../serverless-names.ts';
import { missing, type Text } from '../text.ts';
import type { ActionCall, ActionHandler } from './call.ts';
import { awsRegionOf } from '../commands/aws-region.ts';

const CLOUD_RUN = 'google-github-actions/deploy-cloudrun';
const LAMBDA = 'aws-actions/aws-lambda-deploy';

export const deployCloudRun: ActionHandler = (call) => {
  const image = call.text('image');
  if (!image) {
    const input = call.text('metadata') ? 'metadata' : call.text('source') ? 'source' : undefined;
    const what =
      input === 'metadata'
        ? 'deploys the service described by its `metadata` YAML file, which pullcheck does not read'
        : input === 'source'
          ? 'builds the service from `source` into an Artifact Registry repository of its project, an image pullcheck does not see'
          : 'names no `image`';
    call.problem(
      `${CLOUD_RUN} ${what}: to check the image Cloud Run pulls, declare a \`cloud-run\` target (project, service or job) with that image`,
      call.where(input),
    );
    return;
  }
  const kind = call.text('job') && !call.text('service') ? 'job' : 'service';
  const named = cloudRunName(call.text(kind));
  call.serverless(
    {
      platform: 'cloud-run',
      kind,
      name: named.name ?? [missing(`the ${kind} name`, 'set `service` or `job`')],
      image,
      project: named.project ??
        call.text('project_id') ??
        call.env.get('CLOUDSDK_CORE_PROJECT') ?? [
          missing(
            'the Google Cloud project',
            'set `project_id`, or authenticate with google-github-actions/auth first',
          ),
        ],
      region: named.region ?? call.text('region') ?? ['us-central1'],
    },
    CLOUD_RUN,
    call.where('image'),
    // A project written in `project_id` is reported at that line, the one to change.
    !named.project && call.text('project_id') ? { project: call.where('project_id') } : undefined,
  );
};

export const lambdaDeploy: ActionHandler = (call) => {
  const packageType = call.text('package-type');
  const image = call.text('image-uri');
  const declared = wordText(packageType)?.trim();
  // A .zip deploy pulls no image; a package type known only at run time counts when an image is named.
  if (declared !== undefined ? declared !== 'Image' : !(packageType && image)) return;
  const fn = lambdaFunction(call.text('function-name'));
  call.serverless(
    {
      platform: 'lambda',
      function: fn.name ?? [missing('the function name (function-name)')],
      image: image ?? [missing('the image (image-uri)', 'set `image-uri`: package-type is Image')],
      region: fn.region ?? regionOf(call),
      ...functionAccount(fn.account, call.facts.awsAccount),
    },
    LAMBDA,
    call.where(image ? 'image-uri' : 'package-type'),
  );
};

function regionOf(call: ActionCall): Text {
  return awsRegionOf(undefined, call.env, call.facts, 'set `aws-region` on configure-aws-credentials');
}
