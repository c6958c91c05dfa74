// The fix for a task definition that has no task execution role where one must pull: a role ECS tasks may
// assume, with the AWS managed AmazonECSTaskExecutionRolePolicy (ECR pulls, CloudWatch Logs), named in the
// task definition's executionRoleArn. Amazon ECS developer guide, "Amazon ECS task execution IAM role":
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html
import type { MissingGrant } from '../../core/verdict.ts';
import { PULL_ACTIONS, TOKEN_ACTION } from './ecr-actions.ts';
import type { AwsPartition } from './registry.ts';

const EXECUTION_ROLE_NAME = 'ecsTaskExecutionRole';

export function executionRoleGrant(
  file: string,
  account: string,
  partition: AwsPartition,
  secret?: string,
): MissingGrant {
  const roleArn = `arn:${partition}:iam::${account}:role/${EXECUTION_ROLE_NAME}`;
  const policyArn = `arn:${partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy`;
  const trust = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' },
    ],
  };
  // Private registry authentication: the role reads the secret too (ECS developer guide, "Private registry
  // authentication for tasks"); the managed policy does not grant that.
  const secretText = secret
    ? ` and allow it secretsmanager:GetSecretValue on ${secret} (kms:Decrypt too if a customer managed key encrypts it)`
    : '';
  return {
    side: 'identity',
    permissions: [TOKEN_ACTION, ...PULL_ACTIONS, ...(secret ? ['secretsmanager:GetSecretValue'] : [])],
    fix: {
      text:
        `Give task definition ${file} a task execution role: create a role that ecs-tasks.amazonaws.com may assume,` +
        ` attach ${policyArn}${secretText}, name it in "executionRoleArn" and register the task definition again.`,
      snippets: {
        json: `"executionRoleArn": "${roleArn}"`,
        cli:
          `aws iam create-role --role-name ${EXECUTION_ROLE_NAME} --assume-role-policy-document '${JSON.stringify(trust)}'\n` +
          `aws iam attach-role-policy --role-name ${EXECUTION_ROLE_NAME} --policy-arn ${policyArn}`,
        terraform: [
          `resource "aws_iam_role" "ecs_task_execution" {`,
          `  name               = "${EXECUTION_ROLE_NAME}"`,
          `  assume_role_policy = jsonencode(${JSON.stringify(trust)})`,
          `}`,
          ``,
          `resource "aws_iam_role_policy_attachment" "ecs_task_execution" {`,
          `  role       = aws_iam_role.ecs_task_execution.name`,
          `  policy_arn = "${policyArn}"`,
          `}`,
          ``,
          `# in the aws_ecs_task_definition: execution_role_arn = aws_iam_role.ecs_task_execution.arn`,
        ].join('\n'),
      },
    },
  };
}
