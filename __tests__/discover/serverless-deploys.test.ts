// Cloud Run and Lambda deploys read from workflows (issue 16): every form each tool documents becomes a deploy
// with the image the platform pulls, or a finding at its line naming what is missing; a .zip Lambda deploy
// pulls no image and is neither. References: gcloud run deploy / run jobs deploy|create (gcloud reference),
// aws lambda update-function-code / create-function (AWS CLI reference), the action.yml of
// google-github-actions/deploy-cloudrun and aws-actions/aws-lambda-deploy.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { discoverWorkflow } from '../helpers/workflows.ts';
import { shown } from '../../src/discover/workflows/text.ts';

const ACCOUNT = '111122223333';
const ECR = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/api`;
const GAR = 'us-central1-docker.pkg.dev/acme-images/apps/web';

const AUTH_GOOGLE = `      - uses: google-github-actions/auth@v2
        with: { project_id: acme-prod, workload_identity_provider: projects/1/locations/global/workloadIdentityPools/p/providers/q }`;
const AWS_CREDENTIALS = `      - uses: aws-actions/configure-aws-credentials@v4
        with: { role-to-assume: 'arn:aws:iam::444455556666:role/deployer', aws-region: us-east-1 }`;

/** One job whose steps are `steps` (YAML list items, indented six spaces). */
const workflow = (steps: string) =>
  `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n${steps}\n`;
const run = (script: string) => `      - run: ${script}`;
/** A script as a YAML block scalar (for text a plain scalar cannot hold, such as `": "`). */
const runBlock = (script: string) => `      - run: |\n          ${script}`;

interface FormCase {
  readonly name: string;
  readonly steps: string;
  /** The deploy found: its fields as strings, the image as shown. */
  readonly deploy?: Record<string, string>;
  /** Instead, a finding whose message matches, at this line. */
  readonly finding?: { readonly line: number; readonly message: RegExp };
}

const cases: FormCase[] = [
  {
    name: 'gcloud run deploy SERVICE --image --region --project',
    steps: run(
      `gcloud run deploy web --image ${GAR}:1.2 --region europe-west1 --project acme-prod --allow-unauthenticated`,
    ),
    deploy: {
      platform: 'cloud-run',
      kind: 'service',
      name: 'web',
      project: 'acme-prod',
      region: 'europe-west1',
      image: `${GAR}:1.2`,
    },
  },
  {
    name: 'gcloud run deploy: the project is CLOUDSDK_CORE_PROJECT, which google-github-actions/auth exports; no region is left out',
    steps: `${AUTH_GOOGLE}\n${run(`gcloud run deploy web --image=${GAR}:1.2 --memory 512Mi`)}`,
    deploy: {
      platform: 'cloud-run',
      kind: 'service',
      name: 'web',
      project: 'acme-prod',
      image: `${GAR}:1.2`,
    },
  },
  {
    name: 'gcloud beta run deploy, with the service as a full name projects/P/locations/L/services/S',
    steps: run(`gcloud beta run deploy projects/acme-prod/locations/us-east4/services/web --image ${GAR}:2`),
    deploy: {
      platform: 'cloud-run',
      kind: 'service',
      name: 'web',
      project: 'acme-prod',
      region: 'us-east4',
      image: `${GAR}:2`,
    },
  },
  {
    name: 'gcloud run jobs deploy JOB --image (a Cloud Run job)',
    steps: run(
      `gcloud run jobs deploy migrate --image ${GAR}:3 --region us-central1 --project acme-prod --tasks 1`,
    ),
    deploy: {
      platform: 'cloud-run',
      kind: 'job',
      name: 'migrate',
      project: 'acme-prod',
      region: 'us-central1',
      image: `${GAR}:3`,
    },
  },
  {
    name: 'gcloud run jobs create JOB --image',
    steps: run(`gcloud --project acme-prod run jobs create nightly --image ${GAR}:4`),
    deploy: { platform: 'cloud-run', kind: 'job', name: 'nightly', project: 'acme-prod', image: `${GAR}:4` },
  },
  {
    name: 'gcloud run services update SERVICE --image: changes the image the service runs, read like deploy',
    steps: run(`gcloud run services update web --image ${GAR}:5 --region europe-west1 --project acme-prod`),
    deploy: {
      platform: 'cloud-run',
      kind: 'service',
      name: 'web',
      project: 'acme-prod',
      region: 'europe-west1',
      image: `${GAR}:5`,
    },
  },
  {
    name: 'gcloud run jobs update JOB --image: read like jobs deploy',
    steps: run(`gcloud beta run jobs update migrate --project acme-prod --image=${GAR}:6`),
    deploy: { platform: 'cloud-run', kind: 'job', name: 'migrate', project: 'acme-prod', image: `${GAR}:6` },
  },
  {
    name: 'gcloud run services update without --image keeps the image the service runs: no deploy, no finding',
    steps: run('gcloud run services update web --update-env-vars MODE=fast --project acme-prod'),
  },
  {
    name: 'gcloud run deploy without a project anywhere is a finding naming it',
    steps: run(`gcloud run deploy web --image ${GAR}:1`),
    finding: {
      line: 6,
      message:
        /gcloud run deploy deploys to Cloud Run, but its project needs `the Google Cloud project` \(pass --project/,
    },
  },
  {
    name: 'gcloud run deploy --source (no image): built from source, a finding',
    steps: run('gcloud run deploy web --source . --project acme-prod'),
    finding: { line: 6, message: /names no --image: Cloud Run builds the service from source/ },
  },
  {
    name: 'gcloud run deploy with an image held in a secret: a finding naming the secret',
    steps: run('gcloud run deploy web --project acme-prod --image ${{ secrets.IMAGE }}'),
    deploy: {
      platform: 'cloud-run',
      kind: 'service',
      name: 'web',
      project: 'acme-prod',
      image: '<secrets.IMAGE>',
    },
  },
  {
    name: 'google-github-actions/deploy-cloudrun: service, image, region, project_id',
    steps: `      - uses: google-github-actions/deploy-cloudrun@v2
        with:
          service: web
          image: ${GAR}:5
          region: europe-west4
          project_id: acme-prod`,
    deploy: {
      platform: 'cloud-run',
      kind: 'service',
      name: 'web',
      project: 'acme-prod',
      region: 'europe-west4',
      image: `${GAR}:5`,
    },
  },
  {
    name: 'google-github-actions/deploy-cloudrun with project_id held in a secret: a finding naming it at the project_id line, the line to change',
    steps: `      - uses: google-github-actions/deploy-cloudrun@v2
        with:
          service: web
          image: ${GAR}:7
          project_id: \${{ secrets.GCP_PROJECT }}`,
    finding: { line: 10, message: /its project needs `secrets\.GCP_PROJECT`/ },
  },
  {
    name: "google-github-actions/deploy-cloudrun: a job, the auth step's project, the default region us-central1",
    steps: `${AUTH_GOOGLE}
      - uses: google-github-actions/deploy-cloudrun@v2
        with: { job: migrate, image: '${GAR}:6' }`,
    deploy: {
      platform: 'cloud-run',
      kind: 'job',
      name: 'migrate',
      project: 'acme-prod',
      region: 'us-central1',
      image: `${GAR}:6`,
    },
  },
  {
    name: 'google-github-actions/deploy-cloudrun with `metadata` instead of `image`: a finding at the metadata line',
    steps: `      - uses: google-github-actions/deploy-cloudrun@v2
        with:
          project_id: acme-prod
          metadata: service.yaml`,
    finding: {
      line: 9,
      message: /deploys the service described by its `metadata` YAML file, which pullcheck does not read/,
    },
  },
  {
    name: "aws lambda update-function-code --function-name --image-uri: the region and account of the job's credentials",
    steps: `${AWS_CREDENTIALS}\n${run(`aws lambda update-function-code --function-name api --image-uri ${ECR}:7`)}`,
    deploy: {
      platform: 'lambda',
      function: 'api',
      region: 'us-east-1',
      account: '444455556666',
      image: `${ECR}:7`,
    },
  },
  {
    name: 'aws lambda update-function-code with the function as an ARN: its region and account',
    steps: run(
      `aws lambda update-function-code --function-name arn:aws:lambda:eu-west-1:${ACCOUNT}:function:api:live --image-uri ${ECR}:8`,
    ),
    deploy: { platform: 'lambda', function: 'api', region: 'eu-west-1', account: ACCOUNT, image: `${ECR}:8` },
  },
  {
    name: 'aws lambda update-function-code --zip-file: no image, no deploy, no finding',
    steps: run(
      'aws lambda update-function-code --function-name api --zip-file fileb://function.zip --region us-east-1',
    ),
  },
  {
    name: 'aws lambda create-function --package-type Image --code ImageUri=I (no account known: left out)',
    steps: run(
      `aws lambda create-function --region us-east-1 --function-name api --package-type Image --code ImageUri=${ECR}:9 --role arn:aws:iam::${ACCOUNT}:role/lambda-exec`,
    ),
    deploy: { platform: 'lambda', function: 'api', region: 'us-east-1', image: `${ECR}:9` },
  },
  {
    name: 'aws lambda create-function --code as JSON',
    steps: runBlock(
      `aws lambda create-function --region us-east-1 --function-name api --package-type Image --code '{"ImageUri": "${ECR}:10"}' --role r`,
    ),
    deploy: { platform: 'lambda', function: 'api', region: 'us-east-1', image: `${ECR}:10` },
  },
  {
    name: 'aws lambda create-function --package-type Image --code as JSON around a shell variable: the deploy, its image the variable',
    steps: run(
      'aws lambda create-function --region us-east-1 --function-name api --package-type Image --code "{\\"ImageUri\\":\\"$IMAGE_URI\\"}" --role r',
    ),
    deploy: { platform: 'lambda', function: 'api', region: 'us-east-1', image: '<$IMAGE_URI>' },
  },
  {
    name: 'aws lambda create-function --package-type Image with --code not known: the deploy, its image missing',
    steps: run(
      'aws lambda create-function --region us-east-1 --function-name api --package-type Image --code "$CODE" --role r',
    ),
    deploy: { platform: 'lambda', function: 'api', region: 'us-east-1', image: '<the image of --code>' },
  },
  {
    name: 'aws lambda create-function with --code not known and no --package-type: the image it may deploy is missing',
    steps: run('aws lambda create-function --region us-east-1 --function-name api --code "$CODE" --role r'),
    deploy: { platform: 'lambda', function: 'api', region: 'us-east-1', image: '<the image of --code>' },
  },
  {
    name: 'aws lambda create-function --package-type Image with --code naming no ImageUri: the image missing',
    steps: run(
      'aws lambda create-function --region us-east-1 --function-name api --package-type Image --code S3Bucket=b,S3Key=k --role r',
    ),
    deploy: { platform: 'lambda', function: 'api', region: 'us-east-1', image: '<the image of --code>' },
  },
  {
    name: 'aws lambda create-function of a .zip: no deploy, no finding',
    steps: run(
      'aws lambda create-function --region us-east-1 --function-name api --runtime nodejs20.x --handler index.handler --zip-file fileb://f.zip --role r',
    ),
  },
  {
    name: 'aws lambda update-function-code without a region anywhere: a finding naming it',
    steps: run(`aws lambda update-function-code --function-name api --image-uri ${ECR}:11`),
    finding: {
      line: 6,
      message:
        /deploys to AWS Lambda, but its region needs `the AWS region` \(pass --region or set AWS_REGION\)/,
    },
  },
  {
    name: 'aws lambda update-function-code with the function name held in a secret: the deploy without its name (the name decides no identity)',
    steps: run(
      `aws lambda update-function-code --region us-east-1 --function-name \${{ secrets.FN }} --image-uri ${ECR}:12`,
    ),
    deploy: { platform: 'lambda', region: 'us-east-1', image: `${ECR}:12` },
  },
  {
    name: 'google-github-actions/deploy-cloudrun with a preview service per pull request: the deploy without its name',
    steps: `      - uses: google-github-actions/deploy-cloudrun@v2
        with:
          service: pr-\${{ github.event.pull_request.number }}
          image: ${GAR}:14
          project_id: acme-prod`,
    deploy: {
      platform: 'cloud-run',
      kind: 'service',
      project: 'acme-prod',
      region: 'us-central1',
      image: `${GAR}:14`,
    },
  },
  {
    name: 'aws-actions/aws-lambda-deploy: function-name, package-type Image, image-uri',
    steps: `${AWS_CREDENTIALS}
      - uses: aws-actions/aws-lambda-deploy@v1
        with:
          function-name: api
          package-type: Image
          image-uri: ${ECR}:13`,
    deploy: {
      platform: 'lambda',
      function: 'api',
      region: 'us-east-1',
      account: '444455556666',
      image: `${ECR}:13`,
    },
  },
  {
    name: 'aws-actions/aws-lambda-deploy of a .zip (the default package type): no deploy, no finding',
    steps: `${AWS_CREDENTIALS}
      - uses: aws-actions/aws-lambda-deploy@v1
        with: { function-name: api, code-artifacts-dir: dist }`,
  },
];

for (const c of cases) {
  test(c.name, () => {
    const found = discoverWorkflow(workflow(c.steps));
    const deploys = found.serverless.map(({ via: _via, where: _where, image, ...fields }) => ({
      ...fields,
      image: shown(image),
    }));
    if (c.deploy) {
      assert.deepEqual(deploys, [c.deploy]);
      assert.deepEqual(found.findings, []);
    } else {
      assert.deepEqual(deploys, []);
      if (!c.finding) return assert.deepEqual(found.findings, []);
      const messages = found.findings.map((finding) => `${finding.where.line}: ${finding.message}`);
      assert.ok(
        found.findings.some((f) => f.where.line === c.finding!.line && c.finding!.message.test(f.message)),
        messages.join('\n'),
      );
    }
  });
}
