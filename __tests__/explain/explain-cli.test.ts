// `pullcheck explain` as a user runs it: the bundled dist/cli.js as a process. Help, bad flags, an image or
// target not in the plan (with a did-you-mean), a missing config, the demo's denied pull in text and JSON
// (offline), and one live run against moto where each statement's source names the call that read it.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { CreateRepositoryCommand, ECRClient, SetRepositoryPolicyCommand } from '@aws-sdk/client-ecr';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { stringify } from 'yaml';
import { runNode } from '../helpers/process.ts';
import { motoMissing, startEcrFront, startMoto, type EcrFront, type MotoServer } from '../helpers/moto.ts';

const CLI = path.resolve('dist/cli.js');
const DEMO = 'examples/pullcheck.yml';
const API = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api';
const explain = (...args: string[]) => runNode([CLI, 'explain', ...args]);

test('explain --help prints its usage; pullcheck --help lists it', async () => {
  const help = await explain('--help');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^usage: pullcheck explain IMAGE TARGET \[--config FILE\] \[--offline\]/);
  assert.match(help.stdout, /--principal P/);
  const top = await runNode([CLI, '--help']);
  assert.match(top.stdout, /\n {2}explain +explain one pull's verdict/);
});

test('bad flags and arguments: exit 2 with the usage', async () => {
  const unknownFlag = await explain(API, 'prod-eks', '--config', DEMO, '--offlne');
  assert.equal(unknownFlag.code, 2);
  assert.match(unknownFlag.stderr, /Unknown option '--offlne'[\s\S]*usage: pullcheck explain IMAGE TARGET/);
  const format = await explain(API, 'prod-eks', '--config', DEMO, '--offline', '--format', 'jsno');
  assert.equal(format.code, 2);
  assert.match(format.stderr, /--format must be one of: text, json, markdown \(did you mean `json`\?\)/);
  const oneArgument = await explain(API, '--config', DEMO, '--offline');
  assert.equal(oneArgument.code, 2);
  assert.match(oneArgument.stderr, /explain takes an IMAGE and a TARGET \(got 1 arguments\)/);
});

test('an image or a target not in the plan: exit 2, with the closest and the plan’s list', async () => {
  const image = await explain(
    `${API.replace('team/api', 'team/apj')}:1`,
    'prod-eks',
    '--config',
    DEMO,
    '--offline',
  );
  assert.equal(image.code, 2, image.stderr);
  assert.match(
    image.stderr,
    /image .*team\/apj:1.* is not in the plan \(did you mean `[^`]*team\/api[^`]*`\?\); its images: /,
  );
  const target = await explain(API, 'prod-ekz', '--config', DEMO, '--offline');
  assert.equal(target.code, 2, target.stderr);
  assert.match(
    target.stderr,
    /target .*prod-ekz.* is not in the plan \(did you mean `prod-eks`\?\); its targets: prod-eks, /,
  );
  const principal = await explain(
    API,
    'prod-eks',
    '--config',
    DEMO,
    '--offline',
    '--principal',
    'arn:aws:iam::210987654321:role/eks/prod-node',
  );
  assert.equal(principal.code, 2);
  assert.match(principal.stderr, /did you mean `arn:aws:iam::210987654321:role\/eks\/prod-nodes`/);
});

test('a missing config: exit 2 naming it', async () => {
  const run = await explain(API, 'prod-eks', '--config', 'no/such/pullcheck.yml', '--offline');
  assert.equal(run.code, 2);
  assert.match(
    run.stderr,
    /^pullcheck: error: no\/such\/pullcheck\.yml:1:1: cannot read the config file \(ENOENT\)/,
  );
});

test('the demo’s denied pull, offline: text with numbered steps at the policy file’s line; exit 0', async () => {
  const run = await explain(
    API,
    'prod-eks',
    '--config',
    DEMO,
    '--offline',
    '--principal',
    'arn:aws:iam::210987654321:role/eks/prod-nodes',
  );
  assert.equal(run.code, 0, run.stderr);
  assert.match(
    run.stdout,
    /^DENIED 123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/team\/api -> prod-eks \(arn:aws:iam::210987654321:role\/eks\/prod-nodes\)\n/,
  );
  assert.match(run.stdout, /missing on the resource side: ecr:BatchGetImage, ecr:GetDownloadUrlForLayer/);
  assert.match(
    run.stdout,
    / {4}\[repository policy\]\n +\d+\. ✘ Statement 1 \(Sid ClusterPull\), Allow — examples\/iam\/api-repository-policy\.json:4 \(repository policy of arn:aws:ecr:us-east-1:123456789012:repository\/team\/api\)\n +not matched: Principal .* does not name arn:aws:iam::210987654321:role\/eks\/prod-nodes \(counted here: statements naming the caller\)\n/,
  );
  assert.doesNotMatch(run.stdout, /prod-fargate-pods\)\n/, '--principal keeps to one pull');
});

test('the demo’s denied pull as JSON: the stable shape, one object per principal', async () => {
  const run = await explain(API, 'prod-eks', '--config', DEMO, '--offline', '--format', 'json');
  assert.equal(run.code, 0, run.stderr);
  const pulls = JSON.parse(run.stdout) as Record<string, unknown>[];
  assert.deepEqual(
    pulls.map((pull) => [pull['principal'], pull['verdict']]),
    [
      ['arn:aws:iam::210987654321:role/eks/prod-nodes', 'denied'],
      ['arn:aws:iam::210987654321:role/prod-fargate-pods', 'allowed'],
    ],
  );
  assert.deepEqual(Object.keys(pulls[0]!), [
    'image',
    'target',
    'principal',
    'verdict',
    'reasons',
    'missing',
    'trace',
  ]);
  const trace = pulls[0]!['trace'] as { layer: string; source: Record<string, unknown>; outcome: string }[];
  const repository = trace.find((step) => step.layer === 'repository policy');
  assert.deepEqual(repository?.source, {
    label: 'repository policy of arn:aws:ecr:us-east-1:123456789012:repository/team/api',
    file: 'examples/iam/api-repository-policy.json',
    line: 4,
  });
  assert.equal(repository?.outcome, 'not matched');
});

const ACCOUNT = '123456789012'; // moto's default account
const REGION = 'us-east-1';
const skip = motoMissing();
let moto: MotoServer;
let front: EcrFront;

before(async () => {
  if (skip) return;
  moto = await startMoto();
  front = await startEcrFront(moto.url);
  const clients = {
    region: REGION,
    endpoint: moto.url,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  };
  const iam = new IAMClient(clients);
  const trust = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  };
  await iam.send(
    new CreateRoleCommand({ RoleName: 'puller', AssumeRolePolicyDocument: JSON.stringify(trust) }),
  );
  const pull = { Effect: 'Allow', Action: ['ecr:GetAuthorizationToken', 'ecr:BatchGetImage'], Resource: '*' };
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: 'puller',
      PolicyName: 'pull',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [pull] }),
    }),
  );
  const ecr = new ECRClient(clients);
  await ecr.send(new CreateRepositoryCommand({ repositoryName: 'team/live' }));
  const deny = {
    Sid: 'NoLayers',
    Effect: 'Deny',
    Principal: '*',
    Action: 'ecr:GetDownloadUrlForLayer',
  };
  await ecr.send(
    new SetRepositoryPolicyCommand({
      repositoryName: 'team/live',
      policyText: JSON.stringify({ Version: '2012-10-17', Statement: [deny] }),
    }),
  );
});
after(async () => {
  await front?.stop();
  await moto?.stop();
});

test('live against moto: each statement read live names the call that read it', { skip }, async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-explain-live-'));
  const image = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/team/live:1`;
  const role = `arn:aws:iam::${ACCOUNT}:role/puller`;
  writeFileSync(
    path.join(dir, 'pullcheck.yml'),
    stringify({
      version: 1,
      images: [image],
      targets: [{ name: 'ci', platform: 'aws-role', roles: [role] }],
    }),
  );
  const run = await runNode(
    [CLI, 'explain', image, 'ci', '--config', 'pullcheck.yml', '--format', 'json'],
    {
      AWS_ENDPOINT_URL: moto.url,
      AWS_ENDPOINT_URL_ECR: front.url,
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_REGION: REGION,
    },
    dir,
  );
  assert.equal(run.code, 0, run.stderr);
  const [pull] = JSON.parse(run.stdout) as {
    verdict: string;
    trace: { layer: string; subject: string; source: Record<string, unknown>; outcome: string }[];
  }[];
  assert.equal(pull!.verdict, 'denied');
  const deny = pull!.trace.find(
    (step) => step.subject === 'Statement 1 (Sid NoLayers), Deny' && step.outcome === 'matched',
  );
  assert.deepEqual(deny?.source, {
    label: `repository policy of arn:aws:ecr:${REGION}:${ACCOUNT}:repository/team/live`,
    live: 'ecr:GetRepositoryPolicy',
  });
  const identity = pull!.trace.find((step) => step.layer === 'identity policy');
  assert.equal(identity?.source['live'], 'iam:GetRolePolicy or iam:GetPolicyVersion');
  assert.equal(identity?.source['file'], undefined);
});
