// Who pulls an image for an `ecs` target that names its task definitions, decided from the files:
// - the task execution role (executionRoleArn) pulls for the ECS and Fargate agents — Amazon ECS developer
//   guide, "Amazon ECS task execution IAM role":
//   https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html
// - without one, on EC2 the container instance role pulls from ECR; on Fargate, external and managed
//   instances the task execution role is required — Amazon ECR user guide, "Using Amazon ECR images with
//   Amazon ECS" (Required IAM permissions): https://docs.aws.amazon.com/AmazonECR/latest/userguide/ECR_on_ECS.html
// - private registry authentication (repositoryCredentials) needs the execution role on every launch type —
//   "Private registry authentication for tasks":
//   https://docs.aws.amazon.com/AmazonECS/latest/developerguide/private-auth.html
import { shownPath } from '../../core/config/read-file.ts';
import { imageName, imageNameOf, type ImageReference } from '../../core/image-reference.ts';
import type { TargetPrincipal } from '../../core/provider.ts';
import { unknown, type Verdict } from '../../core/verdict.ts';
import { parseRoleArn } from './arn.ts';
import { executionRoleGrant } from './ecs-fixes.ts';
import { ecrLocationOf } from './registry.ts';
import type { TaskContainer, TaskDefinition } from './task-definition-file.ts';

export interface EcsTaskTarget {
  readonly name: string;
  readonly account?: string | undefined;
  readonly roles?: readonly string[] | undefined;
}

const TASK_EXECUTION_ROLE_DOC =
  'Amazon ECS developer guide, "Amazon ECS task execution IAM role" (docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html)';
const ECR_ON_ECS_DOC =
  'Amazon ECR user guide, "Using Amazon ECR images with Amazon ECS" (docs.aws.amazon.com/AmazonECR/latest/userguide/ECR_on_ECS.html)';
const PRIVATE_AUTH_DOC =
  'Amazon ECS developer guide, "Private registry authentication for tasks" (docs.aws.amazon.com/AmazonECS/latest/developerguide/private-auth.html)';

/**
 * Who pulls `image` for the target: each task definition that runs it says (with the target's listed roles,
 * which pull every image of a target); undefined when none of them runs it.
 * `anonymous` is the verdict of a pull without credentials (publicImages, ECR Public), when one is known.
 */
export function taskDefinitionPrincipals(
  target: EcsTaskTarget,
  definitions: readonly TaskDefinition[],
  image: ImageReference,
  anonymous: (image: ImageReference) => Verdict | undefined,
): TargetPrincipal[] | undefined {
  const name = imageName(image);
  const runs = definitions.flatMap((definition) =>
    definition.containers
      .filter((container) => imageNameOf(container.image) === name)
      .map((container) => ({ definition, container })),
  );
  if (runs.length === 0) return undefined;
  const listed = target.roles ?? [];
  const found = runs.flatMap(({ definition, container }) =>
    containerPrincipals(target, definition, container, image, anonymous, listed.length > 0),
  );
  const byPrincipal = new Map<string, TargetPrincipal>();
  for (const entry of [...found, ...listed.map((principal) => ({ principal }))])
    if (!byPrincipal.has(entry.principal)) byPrincipal.set(entry.principal, entry);
  return [...byPrincipal.values()];
}

/** Why none of the task definitions runs `image`: what they run, placeholders the render never replaced. */
export function notRunReason(target: EcsTaskTarget, definitions: readonly TaskDefinition[], image: string) {
  const placeholders = definitions.flatMap((definition) =>
    definition.containers
      .filter((container) => isPlaceholder(container.image))
      .map((container) => `${shownPath(container.name)} in ${definition.file}`),
  );
  const left = placeholders.length
    ? `; containers ${placeholders.join(', ')} write a placeholder image that no render replaces`
    : '';
  return (
    `${image} is not the image of any container of the task definitions of target ${target.name} (${definitions.map((d) => d.file).join(', ')})${left}:` +
    ' add the render of that image (taskDefinitions[].render), or list the roles that pull it under `roles`'
  );
}

/**
 * An image the render action replaces (`<IMAGE>`, `${IMAGE}`, `{{image}}`): never checked as an image.
 * aws-actions/amazon-ecs-render-task-definition sets the `image` of `container-name` whatever it was.
 */
export function isPlaceholder(image: string): boolean {
  return /[<>{}$]/.test(image) || imageNameOf(image) === undefined;
}

function containerPrincipals(
  target: EcsTaskTarget,
  definition: TaskDefinition,
  container: TaskContainer,
  image: ImageReference,
  anonymous: (image: ImageReference) => Verdict | undefined,
  hasListedRoles: boolean,
): TargetPrincipal[] {
  const runs = `task definition ${describe(definition)} runs ${image.raw} in container ${shownPath(container.name)}`;
  const role = definition.executionRole;
  if (role !== undefined) {
    const arn = parseRoleArn(role);
    if (!arn)
      return [
        unnamed(target, definition, [
          `${runs}; its executionRoleArn ${shownPath(role)} is not a role ARN, and the ECS API reference (RegisterTaskDefinition, executionRoleArn) documents an ARN: write arn:aws:iam::ACCOUNT:role/NAME`,
        ]),
      ];
    const pulls = `${runs}; its task execution role ${role} pulls it (${TASK_EXECUTION_ROLE_DOC})`;
    if (container.credentialsParameter && !ecrLocationOf(image))
      return [
        {
          principal: role,
          unnamed: unknown([
            pulls,
            `with private registry authentication: the role must be allowed secretsmanager:GetSecretValue on ${shownPath(container.credentialsParameter)} (and kms:Decrypt for a customer managed key), and the secret must hold credentials the registry accepts — pullcheck reads neither Secrets Manager nor the registry, so it checks neither (${PRIVATE_AUTH_DOC})`,
          ]),
        },
      ];
    return [{ principal: role, reasons: [pulls] }];
  }
  return withoutExecutionRole(target, definition, container, image, anonymous, hasListedRoles, runs);
}

function withoutExecutionRole(
  target: EcsTaskTarget,
  definition: TaskDefinition,
  container: TaskContainer,
  image: ImageReference,
  anonymous: (image: ImageReference) => Verdict | undefined,
  hasListedRoles: boolean,
  runs: string,
): TargetPrincipal[] {
  const ecr = ecrLocationOf(image);
  const noRole = `${runs} and it has no executionRoleArn`;
  const compatibilities = definition.compatibilities ?? [];
  // Only EC2 hosts pull with the container instance role: a definition that may run on no EC2 host needs
  // the execution role. requiresCompatibilities not written: the launch type is the service's, unknown here.
  const noEc2 = compatibilities.length > 0 && !compatibilities.includes('EC2');
  const account = target.account ?? ecr?.account ?? 'ACCOUNT';
  if (container.credentialsParameter) {
    const grant = executionRoleGrant(
      definition.file,
      account,
      ecr?.partition ?? 'aws',
      shownPath(container.credentialsParameter),
    );
    const reason = `${noRole}: private registry authentication (repositoryCredentials) needs the task execution role on every launch type (${PRIVATE_AUTH_DOC})`;
    return [
      {
        principal: label(target, definition),
        unnamed: { verdict: 'denied', reasons: [reason], missing: [grant] },
      },
    ];
  }
  const free = anonymous(image);
  if (free)
    return [
      { principal: label(target, definition), unnamed: { ...free, reasons: [noRole, ...free.reasons] } },
    ];
  if (!ecr)
    return [
      unnamed(target, definition, [
        `${noRole}: it pulls ${image.raw} without credentials, and pullcheck cannot tell whether its registry allows anonymous pulls (list it under publicImages if it does)`,
      ]),
    ];
  if (noEc2) {
    const where = compatibilities.map(shownPath).join(', ');
    const reason = `${noRole}: on ${where} the task execution role is what pulls from a private ECR repository, so the pull of ${image.raw} is refused (${ECR_ON_ECS_DOC}; ${TASK_EXECUTION_ROLE_DOC})`;
    const grant = executionRoleGrant(definition.file, account, ecr.partition);
    return [
      {
        principal: label(target, definition),
        unnamed: { verdict: 'denied', reasons: [reason], missing: [grant] },
      },
    ];
  }
  return instanceRolePulls(target, definition, hasListedRoles, noRole);
}

/** On EC2 the container instance role pulls from ECR; the task definition cannot name it. */
function instanceRolePulls(
  target: EcsTaskTarget,
  definition: TaskDefinition,
  hasListedRoles: boolean,
  noRole: string,
): TargetPrincipal[] {
  const compatibilities = definition.compatibilities ?? [];
  const ec2Only = compatibilities.length > 0 && compatibilities.every((type) => type === 'EC2');
  // The target's listed roles stand for the instance role: they are its principals already.
  if (ec2Only && hasListedRoles) return [];
  const elsewhere = ec2Only
    ? ''
    : compatibilities.length > 0
      ? ` on EC2; on ${compatibilities
          .filter((type) => type !== 'EC2')
          .map(shownPath)
          .join(
            ', ',
          )} the pull would be refused (it needs an execution role), and which launch type runs it is the service's`
      : ` on EC2 (requiresCompatibilities is not written: on Fargate, external or managed instances the pull would be refused without an execution role)`;
  return [
    unnamed(target, definition, [
      `${noRole}: the container instance IAM role pulls it${elsewhere} (${ECR_ON_ECS_DOC}); that role is not in the task definition: list it under the target's \`roles\`${ec2Only ? '' : ', or add an executionRoleArn'}`,
    ]),
  ];
}

function unnamed(target: EcsTaskTarget, definition: TaskDefinition, reasons: string[]): TargetPrincipal {
  return { principal: label(target, definition), unnamed: unknown(reasons) };
}

/** The principal a task definition without a usable execution role is reported under. */
function label(target: EcsTaskTarget, definition: TaskDefinition): string {
  return `ecs:${target.name}:${definition.family ? shownPath(definition.family) : definition.file}`;
}

function describe(definition: TaskDefinition): string {
  return definition.family ? `${definition.file} (family ${shownPath(definition.family)})` : definition.file;
}
