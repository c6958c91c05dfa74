// Done when (issue 19): on a fresh copy of examples/sample-repo, `pullcheck init` writes both files, the
// config loads, and — with only the role ARN edited — the generated workflow's pullcheck step (the bundled
// action as a process, with the runner's environment, against moto) gives a first report with verdicts
// for the sample's image on its cluster.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { CreateRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr';
import { CreateClusterCommand, CreateNodegroupCommand, EKSClient } from '@aws-sdk/client-eks';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { parse } from 'yaml';
import { loadConfigFile } from '../../src/core/config/load.ts';
import { motoMissing, startEcrFront, startMoto, type EcrFront, type MotoServer } from '../helpers/moto.ts';
import { runNode } from '../helpers/process.ts';
import { parseCommandFile } from '../helpers/runner-files.ts';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const IMAGE = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/simplebank/api`;
const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const skip = motoMissing();
let moto: MotoServer;
let ecrFront: EcrFront;

const ec2Trust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

before(async () => {
  if (skip) return;
  moto = await startMoto();
  ecrFront = await startEcrFront(moto.url);
  const clients = { region: REGION, endpoint: moto.url, credentials };
  const iam = new IAMClient(clients);
  // The cluster's nodes pull with their role: the ECR read-only actions (as AmazonEC2ContainerRegistryReadOnly).
  await iam.send(new CreateRoleCommand({ RoleName: 'simplebank-nodes', AssumeRolePolicyDocument: ec2Trust }));
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: 'simplebank-nodes',
      PolicyName: 'ecr-pull',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['ecr:GetAuthorizationToken', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
            Resource: '*',
          },
        ],
      }),
    }),
  );
  // The role the user puts in the generated workflow, which configure-aws-credentials assumes.
  await iam.send(new CreateRoleCommand({ RoleName: 'pullcheck-reader', AssumeRolePolicyDocument: ec2Trust }));
  await new ECRClient(clients).send(new CreateRepositoryCommand({ repositoryName: 'simplebank/api' }));
  const eks = new EKSClient(clients);
  await eks.send(
    new CreateClusterCommand({
      name: 'simplebank-prod',
      roleArn: `arn:aws:iam::${ACCOUNT}:role/simplebank-cluster`,
      resourcesVpcConfig: { subnetIds: ['subnet-1'] },
    }),
  );
  await eks.send(
    new CreateNodegroupCommand({
      clusterName: 'simplebank-prod',
      nodegroupName: 'general',
      nodeRole: `arn:aws:iam::${ACCOUNT}:role/simplebank-nodes`,
      subnets: ['subnet-1'],
    }),
  );
});
after(async () => {
  await ecrFront?.stop();
  await moto?.stop();
});

/** A fresh clone of the sample: a copy in a new folder, with `git init`. */
function freshSample(): string {
  const copy = path.join(mkdtempSync(path.join(os.tmpdir(), 'pullcheck-sample-')), 'simplebank');
  cpSync(path.resolve('examples/sample-repo'), copy, { recursive: true });
  const git = spawnSync('git', ['init', '-q'], { cwd: copy });
  assert.equal(git.status, 0, 'git init');
  return copy;
}

type Step = { uses?: string; with?: Record<string, unknown> };

test('init on the sample, then its generated workflow: a first report with verdicts', { skip }, async () => {
  const repo = freshSample();
  const init = await runNode([path.resolve('dist/cli.js'), 'init', '--repo', repo]);
  assert.equal(init.code, 0, init.stderr);
  assert.match(init.stdout, /found: 1 image, 1 target, 0 findings in 1 workflow/);
  const config = loadConfigFile(path.join(repo, '.github/pullcheck.yml'));
  assert.deepEqual(config.input.discover?.workflows, ['workflows/*.yml']);

  // The one hand edit: the role ARN, on the line marked EDIT.
  const workflowFile = path.join(repo, '.github/workflows/pullcheck.yml');
  const generated = readFileSync(workflowFile, 'utf8');
  const role = `arn:aws:iam::${ACCOUNT}:role/pullcheck-reader`;
  const edited = generated.replace(/role-to-assume: \S+/, `role-to-assume: ${role}`);
  assert.notEqual(edited, generated);
  writeFileSync(workflowFile, edited);
  const steps = (parse(edited) as { jobs: { pullcheck: { steps: Step[] } } }).jobs.pullcheck.steps;
  const login = steps.find((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials@'))!;
  const pullcheck = steps.find((step) => step.uses === 'acme/pullcheck@v1')!;

  // configure-aws-credentials, as the runner runs it: assume the role, export its session and region.
  const sts = new STSClient({ region: REGION, endpoint: moto.url, credentials });
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({ RoleArn: String(login.with!['role-to-assume']), RoleSessionName: 'gha' }),
  );
  const runner = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-runner-'));
  const output = path.join(runner, 'output');
  writeFileSync(output, '');
  writeFileSync(path.join(runner, 'summary.md'), '');
  const event = path.join(runner, 'event.json');
  writeFileSync(event, JSON.stringify({ pull_request: { number: 7 }, repository: { name: 'simplebank' } }));
  const env: NodeJS.ProcessEnv = {
    GITHUB_WORKSPACE: repo,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'acme/simplebank',
    GITHUB_WORKFLOW_REF: 'acme/simplebank/.github/workflows/pullcheck.yml@refs/pull/7/merge',
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: path.join(runner, 'summary.md'),
    RUNNER_TEMP: runner,
    HOME: runner,
    AWS_ACCESS_KEY_ID: Credentials!.AccessKeyId,
    AWS_SECRET_ACCESS_KEY: Credentials!.SecretAccessKey,
    AWS_SESSION_TOKEN: Credentials!.SessionToken,
    AWS_REGION: String(login.with!['aws-region']),
    AWS_ENDPOINT_URL: moto.url,
    AWS_ENDPOINT_URL_ECR: ecrFront.url,
  };
  for (const [name, value] of Object.entries(pullcheck.with ?? {}))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = String(value);

  const run = await runNode([path.resolve('dist/index.js')], env, repo);
  assert.notEqual(run.code, 2, run.stdout);
  assert.doesNotMatch(run.stdout, /::error file=\.github\/pullcheck\.yml/);
  const outputs = parseCommandFile(readFileSync(output, 'utf8'));
  const report = JSON.parse(readFileSync(outputs['report-file']!, 'utf8'));
  const rows = report.results.map((r: { image: string; target: string; verdict: string }) => [
    r.image,
    r.target,
    r.verdict,
  ]);
  assert.deepEqual(rows, [[IMAGE, 'simplebank-prod', 'allowed']], JSON.stringify(report.results, null, 1));
  assert.ok(outputs['sarif-file'], 'the SARIF file the upload step reads');
});
