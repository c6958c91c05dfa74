// Amazon ECS deploys read from workflows (issue 16): amazon-ecs-render-task-definition (chained, one render
// per container) feeding amazon-ecs-deploy-task-definition, and `aws ecs register-task-definition
// --cli-input-json file://…` then `aws ecs update-service`, become `ecs` targets decided from the task
// definition file in the repository; what cannot be read is a finding at the step's line.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { checkConfig } from '../helpers/check.ts';
import { discovered, repository } from '../helpers/workflow-repository.ts';

const ACCOUNT = '123456789012';
const REGISTRY = `${ACCOUNT}.dkr.ecr.us-east-2.amazonaws.com`;
const EXEC_ROLE = `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`;
const EXECUTION_POLICY = 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy';
// The registry comes from amazon-ecr-login's output, whose account access keys do not say: given here,
// as the finding that asks for it says.
const VARIABLES = { discover: { variables: { 'steps.login-ecr.outputs.registry': REGISTRY } } };

const taskDefinition = (fields: Record<string, unknown>, containers: Record<string, unknown>[]) =>
  JSON.stringify({ family: 'shop-web', ...fields, containerDefinitions: containers }, null, 2);
const FARGATE_WITH_ROLE = taskDefinition(
  { executionRoleArn: EXEC_ROLE, requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc' },
  [{ name: 'web', image: `${REGISTRY}/shop-web:previous`, essential: true }],
);

// Modelled on actions/starter-workflows deployments/aws.yml (read at 20731f14d7f0ce47031d68189e546eeffd3da545;
// the brief names cd4b67d0b4d0afb975b04ffa9097d358de9a7af3), in our words: access keys with a region from env,
// amazon-ecr-login, a run step that pushes REGISTRY/REPOSITORY:SHA and sets the `image` output, the render
// of that image into the task definition file, and the deploy to a service of a cluster.
const STARTER = `name: Deploy to Amazon ECS
on: { push: { branches: [main] } }
env:
  AWS_REGION: us-east-2
  ECR_REPOSITORY: shop-web
  ECS_SERVICE: shop-web-service
  ECS_CLUSTER: shop-cluster
  ECS_TASK_DEFINITION: .aws/task-definition.json
  CONTAINER_NAME: web
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: \${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
          aws-region: \${{ env.AWS_REGION }}
      - id: login-ecr
        uses: aws-actions/amazon-ecr-login@v2
      - id: build-image
        env:
          ECR_REGISTRY: \${{ steps.login-ecr.outputs.registry }}
          IMAGE_TAG: \${{ github.sha }}
        run: |
          docker build -t $ECR_REGISTRY/$ECR_REPOSITORY:$IMAGE_TAG .
          docker push $ECR_REGISTRY/$ECR_REPOSITORY:$IMAGE_TAG
          echo "image=$ECR_REGISTRY/$ECR_REPOSITORY:$IMAGE_TAG" >> $GITHUB_OUTPUT
      - id: task-def
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: \${{ env.ECS_TASK_DEFINITION }}
          container-name: \${{ env.CONTAINER_NAME }}
          image: \${{ steps.build-image.outputs.image }}
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: \${{ steps.task-def.outputs.task-definition }}
          service: \${{ env.ECS_SERVICE }}
          cluster: \${{ env.ECS_CLUSTER }}
          wait-for-service-stability: true
`;

test('starter workflow aws.yml: render + deploy become an ecs target with the file, the rendered image and the deploy line', () => {
  const root = repository({
    '.github/workflows/aws.yml': STARTER,
    '.aws/task-definition.json': FARGATE_WITH_ROLE,
  });
  const { config, findings } = discovered(root, { version: 1, ...VARIABLES }, '.github/workflows/aws.yml');
  assert.deepEqual(findings, []);
  assert.deepEqual(config.input.targets, [
    {
      name: 'shop-web-service',
      platform: 'ecs',
      cluster: 'shop-cluster',
      region: 'us-east-2',
      services: ['shop-web-service'],
      taskDefinitions: [
        { file: path.join(root, '.aws/task-definition.json'), render: { web: `${REGISTRY}/shop-web` } },
      ],
      images: [`${REGISTRY}/shop-web`],
    },
  ]);
  assert.deepEqual(config.origins.targets.get('shop-web-service')?.origin, {
    file: path.relative(process.cwd(), path.join(root, '.github/workflows/aws.yml')),
    line: 36,
    via: 'aws-actions/amazon-ecs-deploy-task-definition',
  });
  // Decided offline from the file: its execution role, with the managed policy, pulls.
  const facts = {
    aws: {
      roles: [{ arn: EXEC_ROLE, managedPolicies: [EXECUTION_POLICY] }],
      repositories: [{ arn: `arn:aws:ecr:us-east-2:${ACCOUNT}:repository/shop-web`, policy: null }],
    },
  };
  const withFacts = discovered(root, { version: 1, ...VARIABLES, facts }, '.github/workflows/aws.yml');
  const [result] = checkConfig(withFacts.config).results;
  assert.equal(result?.principal, EXEC_ROLE);
  assert.equal(result?.verdict, 'allowed', result?.reasons.join('\n'));
});

test('ECR user guide, "Using Amazon ECR images with Amazon ECS": the starter workflow with no executionRoleArn on FARGATE is denied with the fix, end to end', () => {
  const root = repository({
    '.github/workflows/aws.yml': STARTER,
    '.aws/task-definition.json': taskDefinition({ requiresCompatibilities: ['FARGATE'] }, [
      { name: 'web', image: '<IMAGE>' },
    ]),
  });
  const { config, findings } = discovered(root, { version: 1, ...VARIABLES }, '.github/workflows/aws.yml');
  assert.deepEqual(findings, []);
  const report = checkConfig(config);
  assert.equal(report.results.length, 1);
  const [result] = report.results;
  assert.equal(result?.verdict, 'denied', result?.reasons.join('\n'));
  assert.equal(result?.source?.target.line, 36);
  assert.match(
    result!.missing[0]!.fix.snippets['json']!,
    /"executionRoleArn": "arn:aws:iam::123456789012:role\//,
  );
  assert.match(result!.missing[0]!.fix.snippets['cli']!, /AmazonECSTaskExecutionRolePolicy/);
});

// Modelled on the render action's README "multiple containers" example (aws-actions/amazon-ecs-render-
// task-definition README.md), in our words: each render takes the previous render's output.
const CHAINED = `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::${ACCOUNT}:role/deployer
          aws-region: us-east-2
      - run: |
          docker push ${REGISTRY}/shop-web:$GITHUB_SHA
          docker push ${REGISTRY}/shop-worker:$GITHUB_SHA
      - id: render-web
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: deploy/task.json
          container-name: web
          image: ${REGISTRY}/shop-web:\${{ github.sha }}
      - id: render-worker
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: \${{ steps.render-web.outputs.task-definition }}
          container-name: worker
          image: ${REGISTRY}/shop-worker:\${{ github.sha }}
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: \${{ steps.render-worker.outputs.task-definition }}
          service: shop
          cluster: prod
`;

test('chained renders (one per container): the deployed task definition has both rendered images', () => {
  const root = repository({
    '.github/workflows/deploy.yml': CHAINED,
    'deploy/task.json': taskDefinition(
      { executionRoleArn: EXEC_ROLE, requiresCompatibilities: ['FARGATE'] },
      [
        { name: 'web', image: 'PLACEHOLDER_WEB' },
        { name: 'worker', image: '${WORKER_IMAGE}' },
        { name: 'proxy', image: 'public.ecr.aws/nginx/nginx:1.27' },
      ],
    ),
  });
  const { config, findings } = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  const [target] = config.input.targets ?? [];
  assert.deepEqual(target, {
    name: 'shop',
    platform: 'ecs',
    cluster: 'prod',
    region: 'us-east-2',
    services: ['shop'],
    taskDefinitions: [
      {
        file: path.join(root, 'deploy/task.json'),
        render: { web: `${REGISTRY}/shop-web`, worker: `${REGISTRY}/shop-worker` },
      },
    ],
    images: [`${REGISTRY}/shop-web`, `${REGISTRY}/shop-worker`],
  });
  // The proxy's image is not pushed by the workflow: said, not checked.
  assert.deepEqual(
    findings.map((finding) => [finding.line, finding.severity]),
    [[25, 'low']],
  );
  assert.match(findings[0]!.message, /public\.ecr\.aws\/nginx\/nginx:1\.27 \(container proxy\).*not pushed/);
  // Each image is pulled by the execution role of the task definition that runs it.
  const principals = checkConfig(config).results.map((result) => [result.image, result.principal]);
  assert.deepEqual(principals, [
    [`${REGISTRY}/shop-web`, EXEC_ROLE],
    [`${REGISTRY}/shop-worker`, EXEC_ROLE],
  ]);
});

const CLI = (deploy: string) => `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    env:
      AWS_REGION: eu-west-1
    steps:
      - run: docker push ${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/api:1
      - run: |
          cd infra
${deploy
  .split('\n')
  .map((line) => `          ${line}`)
  .join('\n')}
`;
// Family `api`: what the rows' `--task-definition api` names.
const CLI_TASK = taskDefinition(
  { family: 'api', executionRoleArn: EXEC_ROLE, requiresCompatibilities: ['FARGATE'] },
  [{ name: 'api', image: `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/api:1` }],
);

interface CliRow {
  readonly name: string;
  readonly script: string;
  /** The target's cluster and service, or the finding's line and text. */
  readonly expect:
    | { cluster: string; service: string }
    | { line: number; message: RegExp; then?: { line: number; message: RegExp } };
}

const cliRows: CliRow[] = [
  {
    name: 'AWS CLI reference, register-task-definition --cli-input-json file:// then update-service --task-definition: the registered file is deployed',
    script:
      'aws ecs register-task-definition --cli-input-json file://task-definition.json\naws ecs update-service --cluster api-prod --service api --task-definition api',
    expect: { cluster: 'api-prod', service: 'api' },
  },
  {
    name: 'AWS CLI reference, update-service without --cluster: the default cluster',
    script:
      'aws ecs register-task-definition --cli-input-json file://task-definition.json --region eu-west-1\naws ecs update-service --service api --task-definition api',
    expect: { cluster: 'default', service: 'api' },
  },
  {
    name: 'AWS CLI reference, update-service without --task-definition redeploys what runs: a finding naming what to declare',
    script: 'aws ecs update-service --cluster api-prod --service api --force-new-deployment',
    expect: {
      line: 11,
      message:
        /without --task-definition deploys again the task definition the service already runs.*declare an `ecs` target/,
    },
  },
  {
    name: 'update-service without --task-definition: the finding names the service and cluster it restarts',
    script: 'aws ecs update-service --cluster api-prod --service api --force-new-deployment',
    expect: { line: 11, message: /ECS service api \(cluster api-prod\)/ },
  },
  {
    name: 'update-service --task-definition with nothing registered before it: a finding',
    script: 'aws ecs update-service --cluster api-prod --service api --task-definition api:7',
    expect: {
      line: 11,
      message: /needs `aws ecs register-task-definition` of family `api` earlier in its job/,
    },
  },
  {
    name: 'a deploy whose task definition cannot be resolved names the service and cluster it deploys to',
    script: 'aws ecs update-service --cluster api-prod --service api --task-definition api:7',
    expect: {
      line: 11,
      message: /deploys to ECS service api \(cluster api-prod, eu-west-1\) a task definition that needs/,
    },
  },
  {
    name: 'register-task-definition --execution-role-arn overrides the file: a finding, never a decision on the file',
    script:
      'aws ecs register-task-definition --cli-input-json file://task-definition.json --execution-role-arn arn:aws:iam::123456789012:role/other\naws ecs update-service --cluster c --service api --task-definition api',
    expect: {
      line: 11,
      message: /sets --execution-role-arn on the command line, which pullcheck does not read/,
      then: {
        line: 12,
        message:
          /update-service deploys to ECS service api \(cluster c, eu-west-1\) the task definition of .*deploy\.yml:11, which pullcheck cannot read/,
      },
    },
  },
  {
    name: 'a task definition file that is not in the repository: a finding at the deploy line',
    script:
      'aws ecs register-task-definition --cli-input-json file://missing.json\naws ecs update-service --cluster c --service api --task-definition api',
    expect: {
      line: 12,
      message:
        /cannot tell the family of the one registered at .*deploy\.yml:11 \(pullcheck cannot read infra\/missing\.json/,
    },
  },
  {
    name: 'AWS CLI reference, run-task: a standalone task is a finding naming its cluster, never a target',
    script:
      'aws ecs register-task-definition --cli-input-json file://task-definition.json\naws ecs run-task --cluster jobs --task-definition api --launch-type FARGATE',
    expect: { line: 12, message: /aws ecs run-task runs a standalone task \(cluster jobs, eu-west-1\)/ },
  },
  {
    name: 'run-task on a cluster held in a variable: a finding naming it at the command line',
    script:
      'aws ecs register-task-definition --cli-input-json file://task-definition.json\naws ecs run-task --cluster ${{ vars.JOBS_CLUSTER }} --task-definition api',
    expect: { line: 12, message: /runs a task on an ECS cluster whose cluster needs `vars\.JOBS_CLUSTER`/ },
  },
  {
    name: 'a cluster held in a secret: a finding naming it',
    script:
      'aws ecs register-task-definition --cli-input-json file://task-definition.json\naws ecs update-service --cluster ${{ secrets.CLUSTER }} --service api --task-definition api',
    expect: { line: 12, message: /whose cluster needs `secrets\.CLUSTER`/ },
  },
];

for (const row of cliRows) {
  test(row.name, () => {
    const root = repository({
      '.github/workflows/deploy.yml': CLI(row.script),
      'infra/task-definition.json': CLI_TASK,
    });
    const { config, findings } = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
    const messages = findings.map((finding) => `${finding.line}: ${finding.message}`).join('\n');
    if ('cluster' in row.expect) {
      assert.deepEqual(findings, []);
      assert.deepEqual(config.input.targets, [
        {
          name: row.expect.service,
          platform: 'ecs',
          cluster: row.expect.cluster,
          region: 'eu-west-1',
          services: [row.expect.service],
          taskDefinitions: [path.join(root, 'infra/task-definition.json')],
          images: [`${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/api:1`],
        },
      ]);
      return;
    }
    const expected = row.expect;
    assert.deepEqual(config.input.targets ?? [], []);
    assert.equal(findings.length, expected.then ? 2 : 1, messages);
    assert.match(findings[0]!.message, expected.message);
    assert.equal(findings[0]!.line, expected.line, messages);
    if (expected.then) {
      assert.match(findings[1]!.message, expected.then.message);
      assert.equal(findings[1]!.line, expected.then.line, messages);
    }
  });
}

test('a render that reads the task definition from AWS (task-definition-family) is a finding at the line of that input, no target', () => {
  const workflow = CHAINED.replace('task-definition: deploy/task.json', 'task-definition-family: shop');
  const root = repository({ '.github/workflows/deploy.yml': workflow });
  const { config, findings } = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  assert.deepEqual(config.input.targets ?? [], []);
  assert.deepEqual(
    findings.map((finding) => finding.line),
    [16, 25],
  );
  // The deploy names the service whose task definition that is: what a declared target needs.
  assert.match(
    findings[1]!.message,
    /deploys to ECS service shop \(cluster prod, us-east-2\) the task definition of .*deploy\.yml:16,/,
  );
  assert.match(
    findings[0]!.message,
    /reads the task definition from AWS at run time \(task-definition-family\)/,
  );
});

test('deploy-task-definition with cluster and service in variables and an unknown image: one finding naming both at the cluster input, one for the image', () => {
  const workflow = CHAINED.replace('service: shop', 'service: ${{ vars.SERVICE }}')
    .replace('cluster: prod', 'cluster: ${{ vars.CLUSTER }}')
    .replace(`image: ${REGISTRY}/shop-web:`, 'image: ${{ vars.REGISTRY }}/shop-web:');
  const root = repository({ '.github/workflows/deploy.yml': workflow, 'deploy/task.json': CLI_TASK });
  const { config, findings } = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  assert.deepEqual(config.input.targets ?? [], []);
  const deploy = findings.filter((finding) => finding.message.includes('amazon-ecs-deploy-task-definition'));
  assert.deepEqual(
    deploy.map((finding) => finding.line),
    [29, 25],
    deploy.map((finding) => finding.message).join('\n'),
  );
  assert.match(
    deploy[0]!.message,
    /whose cluster needs `vars\.CLUSTER`.*whose service needs `vars\.SERVICE`/,
  );
  assert.match(deploy[1]!.message, /needs the image of the render at line 14 \(`vars\.REGISTRY`/);
});

test('a render output registered with file:// from a subdirectory, then update-service: the rendered file is deployed', () => {
  const root = repository({
    '.github/workflows/deploy.yml': CHAINED.replace(
      / {6}- uses: aws-actions\/amazon-ecs-deploy-task-definition[\s\S]*/,
      [
        '      - run: |',
        '          cd deploy',
        '          aws ecs register-task-definition --cli-input-json file://${{ steps.render-worker.outputs.task-definition }}',
        '          aws ecs update-service --cluster prod --service shop --task-definition shop-web',
        '',
      ].join('\n'),
    ),
    'deploy/task.json': taskDefinition({ executionRoleArn: EXEC_ROLE }, [
      { name: 'web', image: '<WEB>' },
      { name: 'worker', image: '<WORKER>' },
    ]),
  });
  const { config, findings } = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  assert.deepEqual(findings, []);
  assert.deepEqual(
    config.input.targets?.map((target) => target.images),
    [[`${REGISTRY}/shop-web`, `${REGISTRY}/shop-worker`]],
  );
});

test('an ECS deploy inside a repository script is a finding at the workflow line that runs the script, naming it', () => {
  const root = repository({
    '.github/workflows/deploy.yml': CLI('./deploy.sh'),
    'infra/deploy.sh':
      '#!/usr/bin/env bash\naws ecs update-service --cluster prod --service api --task-definition "api:$REVISION"\n',
  });
  const { config, findings } = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  assert.deepEqual(config.input.targets ?? [], []);
  assert.deepEqual(
    findings.map((finding) => [finding.file?.endsWith('deploy.yml'), finding.line]),
    [[true, 11]],
  );
  assert.match(
    findings[0]!.message,
    /infra\/deploy\.sh:2, in a script this step runs: .*needs `aws ecs register-task-definition` of family `api`/,
  );
});

test('a task definition that is not one is a finding at its own line, and the deploy is no target', () => {
  const root = repository({
    '.github/workflows/deploy.yml': CHAINED,
    'deploy/task.json': '{\n  "family": "shop",\n  "containerDefinitions": [{ "name": "web" }]\n}\n',
  });
  const { config, findings } = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  assert.deepEqual(config.input.targets ?? [], []);
  const finding = findings.find((entry) => entry.file?.endsWith('deploy/task.json'));
  assert.ok(finding, findings.map((entry) => entry.message).join('\n'));
  assert.equal(finding.line, 3);
  assert.match(finding.message, /containerDefinitions\[0\]\.image: expected a non-empty string/);
});

test('two services of one cluster are two targets; a target the config declares for the service wins', () => {
  const script =
    'aws ecs register-task-definition --cli-input-json file://task-definition.json\n' +
    'aws ecs update-service --cluster prod --service api --task-definition api\n' +
    'aws ecs update-service --cluster prod --service api-canary --task-definition api';
  const root = repository({
    '.github/workflows/deploy.yml': CLI(script),
    'infra/task-definition.json': CLI_TASK,
  });
  const { config } = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  assert.deepEqual(
    config.input.targets?.map((target) => [target.name, 'services' in target ? target.services : undefined]),
    [
      ['api', ['api']],
      ['api-canary', ['api-canary']],
    ],
  );
  const declared = {
    name: 'api-declared',
    platform: 'ecs',
    cluster: 'prod',
    services: ['api'],
    roles: [EXEC_ROLE],
  };
  const withDeclared = discovered(root, { version: 1, targets: [declared] }, '.github/workflows/deploy.yml');
  assert.deepEqual(
    withDeclared.config.input.targets?.map((target) => target.name),
    ['api-declared', 'api-canary'],
  );
});

test('a task definition path from the workflow is escaped before findings show it (no terminal control character)', () => {
  const odd = 'deploy/task\u001b[31m.json';
  const workflow = CHAINED.replace(
    'task-definition: deploy/task.json',
    `task-definition: "deploy/task\\e[31m.json"`,
  );
  const root = repository({
    '.github/workflows/deploy.yml': workflow,
    [odd]: taskDefinition({ executionRoleArn: EXEC_ROLE }, [
      { name: 'web', image: '<WEB>' },
      { name: 'worker', image: '<WORKER>' },
      { name: 'sidecar', image: '<SIDECAR>' },
    ]),
  });
  const { findings } = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  const placeholder = findings.find((finding) => finding.message.includes('<SIDECAR>'));
  assert.ok(placeholder, findings.map((finding) => finding.message).join('\n'));
  for (const finding of findings) {
    assert.ok(!finding.message.includes('\u001b'), finding.message);
    assert.ok(!(finding.file ?? '').includes('\u001b'), finding.file);
  }
  // escapeTerminal drops a whole escape sequence.
  assert.match(placeholder.message, /deploy\/task\.json to ECS service shop/);
});

// `aws ecs update-service --task-definition` names a family, `family:revision` or a task definition ARN
// (AWS CLI reference, update-service, --task-definition): it deploys the registered task definition of that
// family, so a register is matched by its file's `family`, in its own job (issue 16).
const API_TASK = JSON.stringify({
  family: 'api',
  requiresCompatibilities: ['FARGATE'],
  containerDefinitions: [{ name: 'web', image: `${REGISTRY}/api:1` }],
});
const WORKER_TASK = JSON.stringify({
  family: 'worker',
  requiresCompatibilities: ['FARGATE'],
  executionRoleArn: EXEC_ROLE,
  containerDefinitions: [{ name: 'web', image: `${REGISTRY}/worker:1` }],
});
const NO_FAMILY_TASK = JSON.stringify({
  executionRoleArn: EXEC_ROLE,
  containerDefinitions: [{ name: 'web', image: `${REGISTRY}/api:1` }],
});
const indented = (script: string) =>
  script
    .split('\n')
    .map((line) => `          ${line}`)
    .join('\n');
// Line 11 is the script's first line; a second job's script starts at line 11 + its length + 6.
const TWO_JOBS = (deploy: string, other?: string) => `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    env:
      AWS_REGION: us-east-2
    steps:
      - run: |
          docker push ${REGISTRY}/api:1
          docker push ${REGISTRY}/worker:1
${indented(deploy)}
${
  other === undefined
    ? ''
    : `  other:
    runs-on: ubuntu-latest
    env:
      AWS_REGION: us-east-2
    steps:
      - run: |
${indented(other)}
`
}`;
const REGISTER_API = 'aws ecs register-task-definition --cli-input-json file://ecs/api.json';
const REGISTER_WORKER = 'aws ecs register-task-definition --cli-input-json file://ecs/worker.json';

interface FamilyRow {
  readonly name: string;
  readonly deploy: string;
  readonly other?: string;
  /** The targets (service, task definition file), or the finding's line and text. */
  readonly expect: readonly (readonly [string, string])[] | { line: number; message: RegExp };
}

const familyRows: FamilyRow[] = [
  {
    name: 'AWS CLI reference, update-service --task-definition FAMILY: two registers and two update-services, each service gets the file of its family',
    deploy: `${REGISTER_API}\n${REGISTER_WORKER}\naws ecs update-service --cluster c --service api --task-definition api\naws ecs update-service --cluster c --service worker --task-definition worker`,
    expect: [
      ['api', 'ecs/api.json'],
      ['worker', 'ecs/worker.json'],
    ],
  },
  {
    name: 'AWS CLI reference, update-service --task-definition family:revision: matched by its family, not the last register',
    deploy: `${REGISTER_WORKER}\n${REGISTER_API}\naws ecs update-service --cluster c --service worker --task-definition worker:7`,
    expect: [['worker', 'ecs/worker.json']],
  },
  {
    name: 'AWS CLI reference, update-service --task-definition with a task definition ARN: matched by the family in the ARN',
    deploy: `${REGISTER_WORKER}\n${REGISTER_API}\naws ecs update-service --cluster c --service worker --task-definition arn:aws:ecs:us-east-2:${ACCOUNT}:task-definition/worker:7`,
    expect: [['worker', 'ecs/worker.json']],
  },
  {
    name: 'update-service --task-definition of a family no register of its job wrote: a finding at its line, never another file',
    deploy: `${REGISTER_API}\n${REGISTER_WORKER}\naws ecs update-service --cluster c --service legacy --task-definition legacy-family:3`,
    expect: {
      line: 13,
      message:
        /update-service deploys to ECS service legacy \(cluster c, us-east-2\) a task definition that needs `aws ecs register-task-definition` of family `legacy-family` earlier in its job/,
    },
  },
  {
    name: 'a register in another job is not matched: a finding at the update-service line naming that register, not its file',
    deploy: REGISTER_API,
    other: 'aws ecs update-service --cluster c --service api --task-definition api',
    expect: {
      line: 18,
      message: /of family `api` earlier in its job.*registered at .*deploy\.yml:11 in another job/,
    },
  },
  {
    name: 'a task definition file with no family cannot be matched by family: the finding says so at the update-service line',
    deploy: `aws ecs register-task-definition --cli-input-json file://ecs/no-family.json\naws ecs update-service --cluster c --service api --task-definition api`,
    expect: {
      line: 12,
      message:
        /cannot tell the family of the one registered at .*deploy\.yml:11 \(.*no-family\.json has no `family`/,
    },
  },
  {
    name: 'update-service --task-definition known only at run time: a finding naming it, never the last register',
    deploy: `${REGISTER_API}\naws ecs update-service --cluster c --service api --task-definition "$TASK_DEFINITION"`,
    expect: { line: 12, message: /needs its task definition family, `\$TASK_DEFINITION`/ },
  },
  {
    name: 'register-task-definition --family names the family the file is registered under',
    deploy: `aws ecs register-task-definition --cli-input-json file://ecs/no-family.json --family api\naws ecs update-service --cluster c --service api --task-definition api`,
    expect: [['api', 'ecs/no-family.json']],
  },
];

for (const row of familyRows) {
  test(row.name, () => {
    const root = repository({
      '.github/workflows/deploy.yml': TWO_JOBS(row.deploy, row.other),
      'ecs/api.json': API_TASK,
      'ecs/worker.json': WORKER_TASK,
      'ecs/no-family.json': NO_FAMILY_TASK,
    });
    const { config, findings } = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
    const messages = findings.map((finding) => `${finding.line}: ${finding.message}`).join('\n');
    const targets = (config.input.targets ?? []).map((target) => [
      target.name,
      path.relative(root, 'taskDefinitions' in target ? String(target.taskDefinitions?.[0]) : ''),
    ]);
    if (Array.isArray(row.expect)) {
      assert.deepEqual(findings, []);
      assert.deepEqual(targets, row.expect);
      return;
    }
    const expected = row.expect as { line: number; message: RegExp };
    assert.deepEqual(targets, []);
    assert.equal(findings.length, 1, messages);
    assert.match(findings[0]!.message, expected.message);
    assert.equal(findings[0]!.line, expected.line, messages);
  });
}

test('ECR user guide, "Using Amazon ECR images with Amazon ECS": the service of the Fargate task definition with no execution role is denied, the other allowed, end to end', () => {
  const root = repository({
    '.github/workflows/deploy.yml': TWO_JOBS(familyRows[0]!.deploy),
    'ecs/api.json': API_TASK,
    'ecs/worker.json': WORKER_TASK,
  });
  const facts = {
    aws: {
      roles: [{ arn: EXEC_ROLE, managedPolicies: [EXECUTION_POLICY] }],
      repositories: ['api', 'worker'].map((name) => ({
        arn: `arn:aws:ecr:us-east-2:${ACCOUNT}:repository/${name}`,
        policy: null,
      })),
    },
  };
  const { config } = discovered(root, { version: 1, facts }, '.github/workflows/deploy.yml');
  const verdicts = checkConfig(config).results.map((result) => [result.target, result.verdict]);
  assert.deepEqual(verdicts, [
    ['api', 'denied'],
    ['worker', 'allowed'],
  ]);
});

test('each matrix combination is a job of its own: a register of one combination is not matched by another', () => {
  const workflow = `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        cluster: [api, legacy]
    env:
      AWS_REGION: us-east-2
    steps:
      - run: |
          docker push ${REGISTRY}/api:1
          aws ecs register-task-definition --cli-input-json file://ecs/\${{ matrix.cluster }}.json
          aws ecs update-service --cluster \${{ matrix.cluster }} --service api --task-definition api
`;
  const root = repository({ '.github/workflows/deploy.yml': workflow, 'ecs/api.json': API_TASK });
  const { config, findings } = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  // ecs/legacy.json is not in the repository: the legacy combination's deploy is a finding, not api.json.
  assert.deepEqual(
    (config.input.targets ?? []).map((target) => ('cluster' in target ? target.cluster : undefined)),
    ['api'],
  );
  const messages = findings.map((finding) => `${finding.line}: ${finding.message}`);
  assert.equal(messages.length, 1, messages.join('\n'));
  assert.match(messages[0]!, /^14: .*cluster legacy.*pullcheck cannot read ecs\/legacy\.json/);
});

test('registers of one family in both branches of an if pullcheck cannot decide: the service may run either, both files are checked (review round 2)', () => {
  const prod = taskDefinition({ family: 'api', requiresCompatibilities: ['FARGATE'] }, [
    { name: 'api', image: `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/api:1` },
  ]);
  const root = repository({
    '.github/workflows/deploy.yml': CLI(
      [
        'if [ "$ENVIRONMENT" = prod ]; then',
        '  aws ecs register-task-definition --cli-input-json file://prod.json',
        'else',
        '  aws ecs register-task-definition --cli-input-json file://staging.json',
        'fi',
        'aws ecs update-service --cluster c --service api --task-definition api',
      ].join('\n'),
    ),
    'infra/prod.json': prod,
    'infra/staging.json': CLI_TASK,
  });
  const { config } = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  const [target] = config.input.targets ?? [];
  const files = ((target as { taskDefinitions?: unknown[] }).taskDefinitions ?? []).map((entry) =>
    path.basename(typeof entry === 'string' ? entry : String((entry as { file: string }).file)),
  );
  assert.deepEqual(files.sort(), ['prod.json', 'staging.json']);
});

test('TD=$(aws ecs register-task-definition … --query taskDefinition.taskDefinitionArn --output text), then update-service --task-definition "$TD": that register is deployed (review round 2)', () => {
  const root = repository({
    '.github/workflows/deploy.yml': CLI(
      [
        'TD=$(aws ecs register-task-definition --cli-input-json file://task-definition.json --query taskDefinition.taskDefinitionArn --output text)',
        'aws ecs update-service --cluster c --service api --task-definition "$TD"',
      ].join('\n'),
    ),
    'infra/task-definition.json': CLI_TASK,
  });
  const { config, findings } = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  assert.deepEqual(findings, []);
  const [target] = config.input.targets ?? [];
  assert.deepEqual([target?.name, (target as { cluster?: string }).cluster], ['api', 'c']);
});
