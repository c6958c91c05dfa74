// A policy read live is the cloud's answer, not the user's writing: one pullcheck cannot parse or evaluate
// (a key newer than its parser, a document that is not JSON) leaves what it says unknown, naming why. It
// does not stop the run as a config error, and it does not crash the live reads.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { CreateRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { stringify } from 'yaml';
import { readLiveFacts } from '../../../src/check/live-reads.ts';
import { withLiveFacts } from '../../../src/check/live-facts.ts';
import { loadConfigFile, loadConfigText } from '../../../src/core/config/load.ts';
import { motoMissing, startEcrFront, startMoto, type EcrFront, type MotoServer } from '../../helpers/moto.ts';
import { checkConfig } from '../../helpers/check.ts';

const ACCOUNT = '123456789012'; // moto's default account
const REGION = 'us-east-1';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/reader`;
const skip = motoMissing();
let moto: MotoServer;
let front: EcrFront;
let previousEnv: NodeJS.ProcessEnv;

// What the front answers for GetRepositoryPolicy, per repository.
const POLICY_TEXT: Record<string, string> = {
  // Valid JSON, a statement key pullcheck's parser does not know.
  'odd/newer-key': JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage', Futurekey: true }],
  }),
  'odd/not-json': '{"Version": "2012-10-17", "Statement": [',
};

before(async () => {
  if (skip) return;
  moto = await startMoto();
  front = await startEcrFront(moto.url, (operation, body) => {
    if (operation !== 'GetRepositoryPolicy') return undefined;
    const name = (JSON.parse(body) as { repositoryName: string }).repositoryName;
    const policyText = POLICY_TEXT[name];
    if (policyText === undefined) return undefined;
    return { status: 200, payload: { registryId: ACCOUNT, repositoryName: name, policyText } };
  });
  const clients = {
    region: REGION,
    endpoint: moto.url,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  };
  const iam = new IAMClient(clients);
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  });
  await iam.send(new CreateRoleCommand({ RoleName: 'reader', AssumeRolePolicyDocument: trust }));
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: 'reader',
      PolicyName: 'pull',
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
  const ecr = new ECRClient(clients);
  for (const repositoryName of Object.keys(POLICY_TEXT))
    await ecr.send(new CreateRepositoryCommand({ repositoryName }));
  previousEnv = { ...process.env };
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: moto.url,
    AWS_ENDPOINT_URL_ECR: front.url,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_REGION: REGION,
    AWS_EC2_METADATA_DISABLED: 'true',
  });
});
after(async () => {
  if (previousEnv) process.env = previousEnv;
  await front?.stop();
  await moto?.stop();
});

function configFor(repository: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'pullcheck-live-odd-')), 'pullcheck.yml');
  const image = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${repository}:1`;
  writeFileSync(
    file,
    stringify({
      version: 1,
      images: [image],
      targets: [{ name: 'ci', platform: 'aws-role', roles: [ROLE] }],
    }),
  );
  return file;
}

test(
  'a repository policy read live with a key the parser does not know: the pull is unknown, naming the key',
  { skip },
  async () => {
    const file = configFor('odd/newer-key');
    const live = await readLiveFacts(loadConfigFile(file));
    const result = checkConfig(withLiveFacts(loadConfigFile(file), live.facts)).results[0]!;
    assert.equal(result.verdict, 'unknown', result.reasons.join('\n'));
    assert.match(result.reasons.join('\n'), /read live.*unknown key `Futurekey`/);
  },
);

test(
  'a repository policy read live that is not JSON: the repository is unreadable, the pull unknown',
  { skip },
  async () => {
    const file = configFor('odd/not-json');
    const live = await readLiveFacts(loadConfigFile(file));
    const repository = (live.facts.aws?.['repositories'] as { unreadable?: string }[])[0];
    assert.match(repository?.unreadable ?? '', /ecr:GetRepositoryPolicy.*not JSON/);
    const result = checkConfig(withLiveFacts(loadConfigFile(file), live.facts)).results[0]!;
    assert.equal(result.verdict, 'unknown', result.reasons.join('\n'));
    assert.match(result.reasons.join('\n'), /not JSON/);
  },
);

test('a role policy read live that pullcheck cannot parse leaves that policy unknown, not a config error', () => {
  const config = loadConfigText(
    stringify({
      version: 1,
      images: [`${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/team/app:1`],
      targets: [{ name: 'ci', platform: 'aws-role', roles: [ROLE] }],
      facts: {
        aws: {
          repositories: [{ arn: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/team/app`, policy: null }],
        },
      },
    }),
    'pullcheck.yml',
  );
  const read = {
    aws: {
      roles: [
        { arn: ROLE, policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Maybe', Action: '*' }] }] },
      ],
    },
  };
  const result = checkConfig(withLiveFacts(config, read)).results[0]!;
  assert.equal(result.verdict, 'unknown', result.reasons.join('\n'));
  assert.match(result.reasons.join('\n'), /identity policy #1 of .*reader.*read live.*`Effect` must be/);

  // The same document written in the config is the user's mistake: a config error at its place.
  const stated = loadConfigText(
    stringify({
      ...config.input,
      facts: { aws: { ...config.input.facts?.aws, roles: read.aws.roles } },
    }),
    'pullcheck.yml',
  );
  assert.throws(() => checkConfig(stated), /pullcheck\.yml:\d+:\d+.*invalid IAM policy.*`Effect` must be/);
});
