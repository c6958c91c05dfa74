// The Amazon ECS deploy actions. aws-actions/amazon-ecs-render-task-definition puts `image` into container
// `container-name` of `task-definition` (a file, or an earlier render's output: one render per container)
// and outputs the rendered file's path as `task-definition`; aws-actions/amazon-ecs-deploy-task-definition
// registers `task-definition` and deploys it to `service` of `cluster` (default: the `default` cluster), in
// the region of the job's AWS credentials. (Both actions' READMEs and action.yml.)
import { missing, type Text } from '../text.ts';
import type { ActionCall, ActionHandler } from './call.ts';
import { awsRegionOf } from '../commands/aws-region.ts';

const RENDER = 'aws-actions/amazon-ecs-render-task-definition';
const DEPLOY = 'aws-actions/amazon-ecs-deploy-task-definition';

export const ecsRender: ActionHandler = (call) => {
  const base = call.text('task-definition');
  const fromAws = ['task-definition-arn', 'task-definition-family'].find((input) => call.text(input));
  // The task definition is read from AWS when the step runs: nothing in the repository says what it is.
  // Filed at the input's line: that is the line to change (to `task-definition: FILE`).
  const reported = !base && fromAws ? call.where(fromAws) : undefined;
  if (reported)
    call.problem(
      `${RENDER} reads the task definition from AWS at run time (${fromAws}), which pullcheck cannot see: keep the task definition in the repository and name its file in \`task-definition\`, or declare an \`ecs\` target with its \`taskDefinitions\` or \`roles\``,
      reported,
    );
  const marker = call.ecs(
    {
      kind: 'render',
      base: base ?? [missing('the task definition file', `${RENDER} names none in \`task-definition\``)],
      container: call.text('container-name') ?? [missing('the container name (`container-name`)')],
      image: call.text('image') ?? [missing('the image (`image`)')],
      ...(reported ? { fromAws: reported } : {}),
    },
    RENDER,
  );
  call.setOutput('task-definition', marker);
};

export const ecsDeploy: ActionHandler = (call) => {
  call.ecs(
    {
      kind: 'deploy',
      taskDefinition: call.text('task-definition') ?? [missing('the task definition (`task-definition`)')],
      ...optional('service', call.text('service')),
      cluster: call.text('cluster') ?? ['default'],
      region: awsRegion(call),
      // An unknown cluster or service is reported at its input's line: the line to change.
      lines: { cluster: call.where('cluster'), service: call.where('service') },
    },
    DEPLOY,
  );
};

function optional<K extends string>(key: K, text: Text | undefined): { [P in K]?: Text } {
  return (text ? { [key]: text } : {}) as { [P in K]?: Text };
}

/** The region of the job's AWS credentials (configure-aws-credentials `aws-region`, AWS_REGION). */
function awsRegion(call: ActionCall): Text {
  // The step's own env wins over the job's credentials, as it does when the action runs.
  return awsRegionOf(
    undefined,
    call.env,
    call.facts,
    'set `aws-region` on configure-aws-credentials, or AWS_REGION',
  );
}
