// The ECS services a workflow deploys task definitions to become `ecs` targets: the task definition file
// (with the images its renders put in) decides who pulls (src/providers/aws/ecs-task-principals.ts), and
// the target pulls what the workflow pushes of the images its containers run. What cannot be read is a
// finding at its line; images it runs that the workflow does not push are said, not checked.
import path from 'node:path';
import { readConfined, refusalMessage, shownPath } from '../core/config/read-file.ts';
import { targetList as validateTargetList } from '../core/config/generated/target-list-validator.ts';
import type { TargetInput } from '../core/config/schema.ts';
import { schemaProblems, type PrecompiledValidator } from '../core/config/validate.ts';
import { ConfigError, type SourceLocation } from '../core/errors.ts';
import { imageNameOf } from '../core/image-reference.ts';
import type { ReportFinding } from '../core/verdict.ts';
import { isPlaceholder } from '../providers/aws/ecs-task-principals.ts';
import { parseTaskDefinition, type TaskDefinition } from '../providers/aws/task-definition-file.ts';
import type { DeployTarget } from './deploy-targets.ts';
import { discoveryFinding } from './findings.ts';
import type { FoundEcsDeploy } from './workflows/ecs-deploys.ts';
import { safeText } from './workflows/index.ts';
import { repositoryAt } from './workflows/repository.ts';

/** `root`: the repository the workflow is in (its task definition paths are from there). */
export function ecsTargetsOf(
  deploys: readonly FoundEcsDeploy[],
  pushed: readonly string[],
  root: string,
): { targets: DeployTarget[]; findings: ReportFinding[] } {
  const targets: DeployTarget[] = [];
  const findings: ReportFinding[] = [];
  const say = (severity: 'medium' | 'low', where: SourceLocation, message: string) =>
    findings.push(discoveryFinding('discovery', severity, where, message));
  for (const deploy of deploys) {
    const service = `ECS service ${safeText(deploy.service, 200)} (cluster ${safeText(deploy.cluster, 200)}, ${safeText(deploy.region, 50)})`;
    const definition = readTaskDefinition(deploy, root, say);
    if (!definition) continue;
    const runs = definition.containers.filter((container) => !isPlaceholder(container.image));
    for (const container of definition.containers.filter((c) => isPlaceholder(c.image)))
      say(
        'medium',
        deploy.where,
        `${deploy.via} deploys ${definition.file} to ${service}, whose container ${safeText(container.name, 100)} keeps the placeholder image ${safeText(container.image, 200)}: no render step of the workflow replaces it, so it is not checked`,
      );
    const names = new Set(runs.map((container) => imageNameOf(container.image)));
    const images = [...new Set(pushed.filter((image) => names.has(imageNameOf(image))))];
    const pushedNames = new Set(pushed.map(imageNameOf));
    const unpushed = runs.filter((container) => !pushedNames.has(imageNameOf(container.image)));
    if (unpushed.length > 0)
      say(
        'low',
        deploy.where,
        `${unpushed.map((c) => `${safeText(c.image, 200)} (container ${safeText(c.name, 100)})`).join(', ')}, run by ${service}, ${unpushed.length === 1 ? 'is' : 'are'} not pushed by the workflow and not checked: list ${unpushed.length === 1 ? 'it' : 'them'} under the config's images to check ${unpushed.length === 1 ? 'it' : 'them'}`,
      );
    if (images.length === 0) {
      if (unpushed.length === 0)
        say(
          'medium',
          deploy.where,
          `${deploy.via} deploys to ${service}, but its task definition runs no image the workflow pushes: declare the target in the config with the images it runs`,
        );
      continue;
    }
    const target = targetOf(deploy, root, images);
    const at = () => deploy.where;
    const [problem] = schemaProblems([target], validateTargetList as PrecompiledValidator, {
      locate: at,
      locateKey: at,
    });
    if (problem) {
      say(
        'medium',
        deploy.where,
        `${deploy.via} deploys to ${service}, which is not a target pullcheck can check (${problem.message}): declare the target in the config`,
      );
      continue;
    }
    targets.push({
      target: target as TargetInput,
      origin: { file: deploy.where.file, line: deploy.where.line, via: deploy.via },
    });
  }
  return { targets, findings };
}

/** The task definition with its renders, or a finding where it cannot be read (in the file, or at the step). */
function readTaskDefinition(
  deploy: FoundEcsDeploy,
  root: string,
  say: (severity: 'medium', where: SourceLocation, message: string) => void,
): TaskDefinition | undefined {
  // The path comes from the workflow: escaped (and cut when long) before any finding shows it.
  const display = shownPath(repositoryAt(root).display(deploy.file));
  const read = readConfined(path.resolve(root, deploy.file), path.resolve(root));
  if (!('text' in read)) {
    say(
      'medium',
      deploy.where,
      `${deploy.via} deploys a task definition pullcheck cannot read: ${refusalMessage(read, path.resolve(root, deploy.file))}; keep it in the repository, or declare an \`ecs\` target`,
    );
    return undefined;
  }
  const render = Object.fromEntries(deploy.render.map(({ container, image }) => [container, image]));
  try {
    return parseTaskDefinition(read.text, display, render, deploy.render[0]?.where ?? deploy.where);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems)
      say(
        'medium',
        problem.where,
        `${deploy.via} deploys this task definition, which pullcheck cannot read: ${problem.message}`,
      );
    return undefined;
  }
}

function targetOf(deploy: FoundEcsDeploy, root: string, images: readonly string[]): Record<string, unknown> {
  // Absolute: the provider reads it relative to the config, which may be anywhere in the repository.
  const file = path.resolve(root, deploy.file);
  const render = Object.fromEntries(deploy.render.map(({ container, image }) => [container, image]));
  return {
    name: deploy.service,
    platform: 'ecs',
    cluster: deploy.cluster,
    region: deploy.region,
    services: [deploy.service],
    taskDefinitions: [deploy.render.length > 0 ? { file, render } : file],
    images: [...images],
  };
}
