// Cloud Run and Lambda deploys become targets end to end (issue 16): config → discovery → plan → verdict, each
// target planned at the line of its deploy step and pulling the image that deploy names.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { loadConfigText } from '../../src/core/config/load.ts';
import { discover } from '../../src/discover/index.ts';
import { checkConfig } from '../helpers/check.ts';

const WORKFLOW = '.github/workflows/deploy.yml';

/** A repository holding one workflow and the config; returns what discovery made of the config. */
function discoveredFrom(workflow: string, config: Record<string, unknown>) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-serverless-'));
  mkdirSync(path.join(root, '.git'));
  mkdirSync(path.join(root, '.github', 'workflows'), { recursive: true });
  writeFileSync(path.join(root, WORKFLOW), workflow);
  const file = path.join(root, '.github', 'pullcheck.yml');
  writeFileSync(file, stringify(config));
  const found = discover(loadConfigText(stringify(config), file), { workflows: [path.join(root, WORKFLOW)] });
  return { ...found, shownWorkflow: path.relative(process.cwd(), path.join(root, WORKFLOW)) };
}

const REGISTRY = '111122223333';
const FUNCTION_ACCOUNT = '444455556666';
const IMAGE = `${REGISTRY}.dkr.ecr.us-east-1.amazonaws.com/api`;
const REPO_ARN = `arn:aws:ecr:us-east-1:${REGISTRY}:repository/api`;

const LAMBDA_WORKFLOW = `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::${FUNCTION_ACCOUNT}:role/deployer
          aws-region: us-east-1
      - run: docker build -t ${IMAGE}:\${{ github.sha }} . && docker push ${IMAGE}:\${{ github.sha }}
      - run: aws lambda update-function-code --function-name api --image-uri ${IMAGE}:\${{ github.sha }}
`;

const lambdaPolicy = (...Statement: Record<string, unknown>[]) => ({
  version: 1,
  facts: { aws: { repositories: [{ arn: REPO_ARN, policy: { Version: '2012-10-17', Statement } }] } },
});
const PULL = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];

test('aws lambda update-function-code: a lambda target in the account of the job\'s role, decided by the repository policy (Lambda Developer Guide, images-create, "Cross-account permissions")', () => {
  const crossAccount = lambdaPolicy(
    {
      Sid: 'Account',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${FUNCTION_ACCOUNT}:root` },
      Action: PULL,
    },
    {
      Sid: 'LambdaService',
      Effect: 'Allow',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: PULL,
      Condition: {
        StringLike: { 'aws:sourceARN': `arn:aws:lambda:us-east-1:${FUNCTION_ACCOUNT}:function:*` },
      },
    },
  );
  const { config, findings, shownWorkflow } = discoveredFrom(LAMBDA_WORKFLOW, crossAccount);
  assert.deepEqual(findings, []);
  assert.deepEqual(config.input.targets, [
    {
      name: 'api',
      platform: 'lambda',
      function: 'api',
      region: 'us-east-1',
      account: FUNCTION_ACCOUNT,
      images: [IMAGE],
    },
  ]);
  assert.deepEqual(config.origins.targets.get('api')?.origin, {
    file: shownWorkflow,
    line: 11,
    via: 'aws lambda update-function-code',
  });
  const [result] = checkConfig(config).results;
  assert.equal(result?.verdict, 'allowed', result?.reasons.join('\n'));
  assert.equal(result?.principal, 'lambda.amazonaws.com');

  // The same deploy against a repository that admits only the account: denied, with the statement to add.
  const onlyAccount = discoveredFrom(
    LAMBDA_WORKFLOW,
    lambdaPolicy({ Effect: 'Allow', Principal: { AWS: FUNCTION_ACCOUNT }, Action: PULL }),
  );
  const [denied] = checkConfig(onlyAccount.config).results;
  assert.equal(denied?.verdict, 'denied', denied?.reasons.join('\n'));
  assert.match(denied?.missing[0]?.fix.snippets['cli'] ?? '', /^aws ecr set-repository-policy /);
});

const RUN_IMAGE = 'us-central1-docker.pkg.dev/acme-images/apps/web';
const RUN_REPO = 'projects/acme-images/locations/us-central1/repositories/apps';
const CLOUD_RUN_WORKFLOW = `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: google-github-actions/auth@v2
        with: { project_id: acme-prod, workload_identity_provider: projects/1/locations/global/workloadIdentityPools/p/providers/q }
      - uses: google-github-actions/deploy-cloudrun@v2
        with:
          service: web
          image: ${RUN_IMAGE}:1.0
`;
const AGENT = 'serviceAccount:service-123456789012@serverless-robot-prod.iam.gserviceaccount.com';
const runFacts = (withNumber: boolean) => ({
  version: 1,
  facts: {
    gcp: {
      ...(withNumber ? { projects: [{ id: 'acme-prod', number: '123456789012' }] } : {}),
      iamPolicies: [
        {
          resource: RUN_REPO,
          policy: { bindings: [{ role: 'roles/artifactregistry.reader', members: [AGENT] }] },
        },
        { resource: 'projects/acme-images', policy: { etag: 'x' } },
      ],
    },
  },
});

test('google-github-actions/deploy-cloudrun: a cloud-run target at its image line, its service agent decided on the other project\'s repository (Artifact Registry, "Deploying to Cloud Run")', () => {
  const { config, findings, shownWorkflow } = discoveredFrom(CLOUD_RUN_WORKFLOW, runFacts(true));
  assert.deepEqual(findings, []);
  assert.deepEqual(config.input.targets, [
    {
      name: 'web',
      platform: 'cloud-run',
      project: 'acme-prod',
      region: 'us-central1',
      service: 'web',
      images: [`${RUN_IMAGE}:1.0`],
    },
  ]);
  assert.deepEqual(config.origins.targets.get('web')?.origin, {
    file: shownWorkflow,
    line: 11,
    via: 'google-github-actions/deploy-cloudrun',
  });
  assert.deepEqual(config.input.images, [`${RUN_IMAGE}:1.0`]);
  const [result] = checkConfig(config).results;
  assert.equal(result?.verdict, 'allowed', result?.reasons.join('\n'));
  assert.equal(result?.principal, AGENT);

  // Without the project number the agent cannot be named: unknown, saying how to give it.
  const [unnamed] = checkConfig(discoveredFrom(CLOUD_RUN_WORKFLOW, runFacts(false)).config).results;
  assert.equal(unnamed?.verdict, 'unknown');
  assert.ok(
    unnamed?.reasons.some((reason) => reason.includes('set `projectNumber`')),
    unnamed?.reasons.join('\n'),
  );
});

test("a cloud-run target the config declares for the same service is the config's: discovery adds no second one", () => {
  const declared = {
    ...runFacts(false),
    images: [`${RUN_IMAGE}:1.0`],
    targets: [
      {
        name: 'web-prod',
        platform: 'cloud-run',
        project: 'acme-prod',
        projectNumber: '123456789012',
        service: 'web',
      },
    ],
  };
  const { config } = discoveredFrom(CLOUD_RUN_WORKFLOW, declared);
  assert.deepEqual(
    config.input.targets?.map((target) => target.name),
    ['web-prod'],
  );
  const [result] = checkConfig(config).results;
  assert.equal(result?.verdict, 'allowed', result?.reasons.join('\n'));
});

test('a deploy whose image is held in a secret is a finding at the deploy line, and no target', () => {
  const workflow = CLOUD_RUN_WORKFLOW.replace(`${RUN_IMAGE}:1.0`, '${{ secrets.RUN_IMAGE }}');
  const { config, findings } = discoveredFrom(workflow, { version: 1 });
  assert.equal(config.input.targets, undefined);
  assert.deepEqual(
    findings.map((finding) => finding.line),
    [11],
  );
  assert.match(
    findings[0]!.message,
    /^google-github-actions\/deploy-cloudrun deploys `<secrets.RUN_IMAGE>` to Cloud Run service web \(acme-prod, us-central1\), which needs `secrets.RUN_IMAGE`/,
  );
  assert.match(findings[0]!.message, /declare the target in the config with the image it deploys/);
});

test('a preview service named per pull request is still checked: the target is named after its project', () => {
  const workflow = CLOUD_RUN_WORKFLOW.replace(
    'service: web',
    'service: pr-${{ github.event.pull_request.number }}',
  );
  const { config, findings } = discoveredFrom(workflow, runFacts(true));
  assert.deepEqual(findings, []);
  assert.deepEqual(config.input.targets, [
    {
      name: 'cloud-run-acme-prod',
      platform: 'cloud-run',
      project: 'acme-prod',
      region: 'us-central1',
      images: [`${RUN_IMAGE}:1.0`],
    },
  ]);
  const [result] = checkConfig(config).results;
  assert.equal(result?.verdict, 'allowed', result?.reasons.join('\n'));
});
