// An `ecs` target's task definition files decide who pulls, offline: the execution role when the file names
// one (then the ECR rule as for listed roles), a refusal with the fix where ECS needs one and it is absent,
// and `unknown` where the pulling role is not in the file. Each row cites the AWS document it comes from.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { loadConfigText } from '../../../src/core/config/load.ts';
import { ConfigError } from '../../../src/core/errors.ts';
import type { PullResult } from '../../../src/core/verdict.ts';
import { checkConfig } from '../../helpers/check.ts';
import { repository } from '../../helpers/workflow-repository.ts';

const ACCOUNT = '111122223333';
const IMAGE = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/shop/web:2.1.0`;
const EXEC_ROLE = `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`;
const INSTANCE_ROLE = `arn:aws:iam::${ACCOUNT}:role/ecsInstanceRole`;
const SECRET = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:registry-login-AbCdEf`;
const EXECUTION_POLICY = 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy';

type Json = Record<string, unknown>;

/** A task definition as `aws ecs register-task-definition --cli-input-json` reads it (pretty, one key a line). */
function taskDefinition(fields: Json, containers: Json[] = [{ name: 'web', image: IMAGE }]): string {
  return JSON.stringify({ family: 'shop-web', ...fields, containerDefinitions: containers }, null, 2);
}

interface Setup {
  readonly file: string;
  readonly images?: readonly string[];
  readonly target?: Json;
  readonly taskDefinitions?: readonly unknown[];
  readonly roleFacts?: Json;
  readonly publicImages?: readonly string[];
}

/** A repository with the config and task definition; the whole offline check, its results by principal. */
function check(setup: Setup): PullResult[] {
  const root = repository({ 'deploy/task-definition.json': setup.file });
  const config = {
    version: 1,
    images: setup.images ?? [IMAGE],
    ...(setup.publicImages ? { publicImages: setup.publicImages } : {}),
    targets: [
      {
        name: 'shop',
        platform: 'ecs',
        cluster: 'shop',
        region: 'us-east-1',
        taskDefinitions: setup.taskDefinitions ?? ['deploy/task-definition.json'],
        ...setup.target,
      },
    ],
    facts: {
      aws: {
        roles: [{ arn: EXEC_ROLE, ...(setup.roleFacts ?? { managedPolicies: [EXECUTION_POLICY] }) }],
        repositories: [{ arn: `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/shop/web`, policy: null }],
      },
    },
  };
  const file = path.join(root, 'pullcheck.yml');
  return [...checkConfig(loadConfigText(stringify(config), file)).results];
}

interface Row {
  readonly name: string;
  readonly setup: Setup;
  readonly principal: string;
  readonly verdict: 'allowed' | 'denied' | 'unknown';
  /** Texts some reason must contain. */
  readonly because?: readonly string[];
}

const UNNAMED = 'ecs:shop:shop-web';
const rows: Row[] = [
  {
    name: 'ECS developer guide, "Amazon ECS task execution IAM role": the execution role with AmazonECSTaskExecutionRolePolicy pulls on Fargate',
    setup: { file: taskDefinition({ executionRoleArn: EXEC_ROLE, requiresCompatibilities: ['FARGATE'] }) },
    principal: EXEC_ROLE,
    verdict: 'allowed',
    because: ['its task execution role', 'task_execution_IAM_role'],
  },
  {
    name: 'ECS developer guide, "Amazon ECS task execution IAM role": the execution role goes through the ECR rule (a role without ECR permissions is refused)',
    setup: {
      file: taskDefinition({ executionRoleArn: EXEC_ROLE, requiresCompatibilities: ['FARGATE'] }),
      roleFacts: { managedPolicies: [] },
    },
    principal: EXEC_ROLE,
    verdict: 'denied',
  },
  {
    name: 'ECR user guide, "Using Amazon ECR images with Amazon ECS": on Fargate with no execution role the pull from private ECR is refused',
    setup: { file: taskDefinition({ requiresCompatibilities: ['FARGATE'] }) },
    principal: UNNAMED,
    verdict: 'denied',
    because: ['has no executionRoleArn', 'on FARGATE the task execution role'],
  },
  {
    name: 'ECS developer guide, "Amazon ECS task execution IAM role": an external instance needs the execution role for private ECR too',
    setup: { file: taskDefinition({ requiresCompatibilities: ['EXTERNAL'] }) },
    principal: UNNAMED,
    verdict: 'denied',
  },
  {
    name: 'ECR user guide, "Using Amazon ECR images with Amazon ECS": on EC2 the container instance role pulls; not in the file, so unknown naming `roles`',
    setup: { file: taskDefinition({ requiresCompatibilities: ['EC2'] }) },
    principal: UNNAMED,
    verdict: 'unknown',
    because: ['container instance IAM role pulls it', "list it under the target's `roles`"],
  },
  {
    name: 'ECR user guide, "Using Amazon ECR images with Amazon ECS": on EC2 the listed roles stand for the container instance role',
    setup: {
      file: taskDefinition({ requiresCompatibilities: ['EC2'] }),
      target: { roles: [INSTANCE_ROLE] },
    },
    principal: INSTANCE_ROLE,
    verdict: 'unknown', // the instance role has no facts here: the ECR rule says what is missing
  },
  {
    name: "ECS task definition parameters, requiresCompatibilities not written: the launch type is the service's, so never a refusal",
    setup: { file: taskDefinition({}) },
    principal: UNNAMED,
    verdict: 'unknown',
    because: ['requiresCompatibilities is not written'],
  },
  {
    name: 'ECR user guide, "Using Amazon ECR images with Amazon ECS": EC2 and FARGATE both possible without an execution role is unknown, not refused',
    setup: { file: taskDefinition({ requiresCompatibilities: ['EC2', 'FARGATE'] }) },
    principal: UNNAMED,
    verdict: 'unknown',
    because: ['on FARGATE the pull would be refused'],
  },
  {
    name: 'ECS developer guide, "Private registry authentication for tasks": repositoryCredentials with an execution role is unknown naming the secret access',
    setup: {
      images: ['ghcr.io/shop/web:2'],
      file: taskDefinition({ executionRoleArn: EXEC_ROLE, requiresCompatibilities: ['FARGATE'] }, [
        { name: 'web', image: 'ghcr.io/shop/web:2', repositoryCredentials: { credentialsParameter: SECRET } },
      ]),
    },
    principal: EXEC_ROLE,
    verdict: 'unknown',
    because: [`secretsmanager:GetSecretValue on ${SECRET}`, 'checks neither'],
  },
  {
    name: 'ECS developer guide, "Private registry authentication for tasks": repositoryCredentials without an execution role is refused on EC2 too',
    setup: {
      images: ['ghcr.io/shop/web:2'],
      file: taskDefinition({ requiresCompatibilities: ['EC2'] }, [
        { name: 'web', image: 'ghcr.io/shop/web:2', repositoryCredentials: { credentialsParameter: SECRET } },
      ]),
    },
    principal: UNNAMED,
    verdict: 'denied',
    because: ['needs the task execution role on every launch type'],
  },
  {
    name: 'ECS API reference, RegisterTaskDefinition executionRoleArn is an ARN: a bare name is unknown, never guessed',
    setup: {
      file: taskDefinition({
        executionRoleArn: 'ecsTaskExecutionRole',
        requiresCompatibilities: ['FARGATE'],
      }),
    },
    principal: UNNAMED,
    verdict: 'unknown',
    because: ['is not a role ARN'],
  },
  {
    name: 'Fargate without an execution role pulls anonymously: an image of another registry is unknown, one in publicImages allowed',
    setup: {
      images: ['docker.io/library/nginx:1.27'],
      publicImages: ['docker.io/library/nginx'],
      file: taskDefinition({ requiresCompatibilities: ['FARGATE'] }, [{ name: 'web', image: 'nginx:1.27' }]),
    },
    principal: UNNAMED,
    verdict: 'allowed',
  },
  {
    name: 'aws-actions/amazon-ecs-render-task-definition replaces the image of container-name: a placeholder is never checked, the render is',
    setup: {
      file: taskDefinition({ executionRoleArn: EXEC_ROLE, requiresCompatibilities: ['FARGATE'] }, [
        { name: 'web', image: '<IMAGE>' },
      ]),
      taskDefinitions: [{ file: 'deploy/task-definition.json', render: { web: IMAGE } }],
    },
    principal: EXEC_ROLE,
    verdict: 'allowed',
  },
  {
    name: 'an image no task definition runs, with no roles listed: unknown naming the placeholder left unrendered',
    setup: {
      file: taskDefinition({ executionRoleArn: EXEC_ROLE }, [{ name: 'web', image: '${IMAGE}' }]),
    },
    principal: 'ecs:shop',
    verdict: 'unknown',
    because: ['is not the image of any container', 'write a placeholder image that no render replaces'],
  },
];

for (const row of rows) {
  test(row.name, () => {
    const results = check(row.setup);
    assert.equal(results.length, 1, JSON.stringify(results.map((r) => r.principal)));
    const [result] = results;
    const why = `reasons:\n  ${result!.reasons.join('\n  ')}`;
    assert.equal(result!.principal, row.principal, why);
    assert.equal(result!.verdict, row.verdict, why);
    for (const text of row.because ?? [])
      assert.ok(
        result!.reasons.some((reason) => reason.includes(text)),
        `no reason says ${text}; ${why}`,
      );
  });
}

test('the refusal without an execution role carries the fix: the JSON field, the aws CLI and Terraform', () => {
  const [result] = check({ file: taskDefinition({ requiresCompatibilities: ['FARGATE'] }) });
  assert.equal(result!.verdict, 'denied');
  const [grant] = result!.missing;
  assert.equal(grant!.side, 'identity');
  assert.deepEqual(grant!.fix.snippets['json'], `"executionRoleArn": "${EXEC_ROLE}"`);
  assert.match(grant!.fix.snippets['cli']!, /aws iam create-role --role-name ecsTaskExecutionRole/);
  assert.match(grant!.fix.snippets['cli']!, /ecs-tasks\.amazonaws\.com/);
  assert.match(grant!.fix.snippets['cli']!, /attach-role-policy .*AmazonECSTaskExecutionRolePolicy/);
  assert.match(grant!.fix.snippets['terraform']!, /execution_role_arn/);
  assert.match(grant!.fix.text, /deploy\/task-definition\.json/);
});

/** The ConfigError loading `setup` throws, as `file:line:column: message` lines. */
function configError(setup: Setup): string {
  try {
    check(setup);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  assert.fail('expected a ConfigError');
}

test('a task definition without containerDefinitions is a problem at its line in the file', () => {
  const message = configError({ file: '{\n  "family": "shop-web",\n  "executionRoleArn": 7\n}\n' });
  assert.match(message, /task-definition\.json:3:\d+: executionRoleArn: expected a string/);
  assert.match(message, /task-definition\.json:1:\d+: containerDefinitions: expected a list/);
});

test('a container without an image is a problem at its line; invalid JSON at its line too', () => {
  const message = configError({ file: taskDefinition({}, [{ name: 'web' }]) });
  assert.match(
    message,
    /task-definition\.json:4:\d+: containerDefinitions\[0\]\.image: expected a non-empty string/,
  );
  assert.match(configError({ file: '{\n  "family": \n}' }), /task-definition\.json:3:/);
});

test('a render naming a container the file does not have is a problem at the config line (the render action fails too)', () => {
  const message = configError({
    file: taskDefinition({}),
    taskDefinitions: [{ file: 'deploy/task-definition.json', render: { api: IMAGE } }],
  });
  assert.match(message, /pullcheck\.yml:\d+:\d+: .*task-definition\.json has no container named api/);
});

test('a task definition outside the repository is refused, naming the file', () => {
  const message = configError({ file: taskDefinition({}), taskDefinitions: ['../outside.json'] });
  assert.match(message, /pullcheck\.yml:\d+:\d+: .*outside\.json/);
});

test('text from a task definition file reaches the reasons and fix escaped (requiresCompatibilities, repositoryCredentials)', () => {
  const file = JSON.stringify({
    family: 'shop-web',
    requiresCompatibilities: ['FARGATE\u001b[31m\nEVIL'],
    containerDefinitions: [
      {
        name: 'web',
        image: IMAGE,
        repositoryCredentials: { credentialsParameter: 'arn:x\u001b[2J\nINJECT' },
      },
    ],
  });
  const texts = check({ file }).flatMap((result) => [
    ...result.reasons,
    ...result.missing.flatMap((grant) => [grant.fix.text, ...Object.values(grant.fix.snippets)]),
  ]);
  const echoed = texts.filter((text) => /EVIL|INJECT/.test(text));
  assert.ok(echoed.length > 0, texts.join('\n'));
  for (const text of echoed) {
    assert.ok(!text.includes(String.fromCharCode(27)), text);
    assert.doesNotMatch(text, /\n(EVIL|INJECT)/, text);
  }
});
