// `aws ecs register-task-definition --cli-input-json file://PATH` (AWS CLI reference: the JSON file holds the
// task definition) and `aws ecs update-service --cluster C --service S --task-definition TD`, which deploys
// the latest revision registered of the family TD names (a family, `family:revision` or an ARN; AWS CLI
// reference, update-service). Options that change the file's task definition on the command line
// (--execution-role-arn, --container-definitions, --requires-compatibilities, …) are not read: the deploy
// is then a finding, never a decision on a file that is not what runs. --family is read: it names the
// family the file is registered under, which is how update-service finds it.
import path from 'node:path';
import { afterSubcommand, optionValues, optionSet, parseArguments, wordText } from './arguments.ts';
import { AWS_GLOBAL } from './cluster-credentials.ts';
import type { CommandContext, CommandHandler } from './context.ts';
import { DECLARE_ECS_TARGET, renderIndex } from '../ecs-sites.ts';
import { concat, missing, shown, type Text } from '../text.ts';
import { awsRegionOf } from './aws-region.ts';

const REGISTER = 'aws ecs register-task-definition';
const UPDATE = 'aws ecs update-service';
const RUN = 'aws ecs run-task';
// register-task-definition options with a value that pullcheck does not apply to the file.
const OVERRIDES = optionSet(
  '--execution-role-arn --container-definitions --requires-compatibilities --family --task-role-arn --network-mode --volumes --placement-constraints --cpu --memory --tags --pid-mode --ipc-mode --proxy-configuration --inference-accelerators --ephemeral-storage --runtime-platform',
);
const OVERRIDES_READ = new Set([
  '--execution-role-arn',
  '--container-definitions',
  '--requires-compatibilities',
]);
const UPDATE_OPTIONS = optionSet(
  '--cluster --service --task-definition --desired-count --capacity-provider-strategy --deployment-configuration --network-configuration --placement-constraints --placement-strategy --platform-version --health-check-grace-period-seconds --load-balancers --service-registries --service-connect-configuration --volume-configurations --vpc-lattice-configurations --propagate-tags --availability-zone-rebalancing --deployment-controller',
);

const RUN_OPTIONS = optionSet(
  '--cluster --task-definition --count --launch-type --capacity-provider-strategy --group --network-configuration --overrides --placement-constraints --placement-strategy --platform-version --propagate-tags --reference-id --started-by --tags --client-token --volume-configurations',
);

export const ecsCommands: CommandHandler = (words, context) => {
  const register = afterSubcommand(words, ['aws', 'ecs', 'register-task-definition'], AWS_GLOBAL);
  if (register) return registerTaskDefinition(words, context);
  const update = afterSubcommand(words, ['aws', 'ecs', 'update-service'], AWS_GLOBAL);
  if (update) return updateService(words, context);
  const run = afterSubcommand(words, ['aws', 'ecs', 'run-task'], AWS_GLOBAL);
  if (run) return runTask(words, context);
  return false;
};

function registerTaskDefinition(words: readonly Text[], context: CommandContext): true {
  const parsed = parseArguments(words.slice(1), new Set([...OVERRIDES, ...AWS_GLOBAL, '--cli-input-json']));
  const overridden = [...parsed.values.keys()].filter((option) => OVERRIDES_READ.has(option));
  const [input] = optionValues(parsed, '--cli-input-json');
  const [family] = optionValues(parsed, '--family');
  const named = family ? { family } : {};
  const file = input ? fileInput(input, context) : undefined;
  if (overridden.length > 0) {
    // Kept with its family: an update-service of that family is then a finding naming this line.
    // What it prints (`TD=$(aws ecs register-task-definition … --query …)`) stands for this register.
    context.print([
      context.sink.ecs({ kind: 'register', file: file ?? [], ...named, reported: true }, REGISTER),
    ]);
    context.sink.problem(
      `\`${REGISTER}\` sets ${overridden.join(', ')} on the command line, which pullcheck does not read: ${DECLARE_ECS_TARGET}`,
    );
    return true;
  }
  if (!file) {
    context.print([context.sink.ecs({ kind: 'register', file: [], ...named, reported: true }, REGISTER)]);
    context.sink.problem(
      `\`${REGISTER}\` takes its task definition from ${input ? 'an input that is not a repository file (file://PATH)' : 'options on the command line'}, which pullcheck does not read: keep it in a JSON file read with --cli-input-json file://PATH, or ${DECLARE_ECS_TARGET}`,
    );
    return true;
  }
  context.print([context.sink.ecs({ kind: 'register', file, ...named }, REGISTER)]);
  return true;
}

function updateService(words: readonly Text[], context: CommandContext): true {
  const parsed = parseArguments(words.slice(1), new Set([...UPDATE_OPTIONS, ...AWS_GLOBAL]));
  const [service] = optionValues(parsed, '--service');
  const [taskDefinition] = optionValues(parsed, '--task-definition');
  const [cluster] = optionValues(parsed, '--cluster');
  const region = regionOf(parsed, context);
  if (!taskDefinition) {
    // Without --task-definition the service keeps the task definition it runs (AWS CLI reference).
    // The finding names the service and cluster: they are what the `ecs` target to declare is about.
    const about = `ECS service ${service ? shown(service) : '(no --service)'} (cluster ${cluster ? shown(cluster) : 'default'})`;
    context.sink.problem(
      `\`${UPDATE}\` on ${about} without --task-definition deploys again the task definition the service already runs, which is not in the repository: ${DECLARE_ECS_TARGET}`,
    );
    return true;
  }
  context.sink.ecs(
    {
      kind: 'deploy',
      registered: taskDefinition,
      ...(service ? { service } : {}),
      cluster: cluster ?? ['default'],
      region,
    },
    UPDATE,
  );
  return true;
}

/**
 * `aws ecs run-task --cluster C --task-definition FAMILY` runs a standalone task (AWS CLI reference,
 * run-task): no service, and --overrides may replace the execution role. Read as a deploy of what was
 * registered of its family so its unknown cluster or task definition is a finding naming it; never a target.
 */
function runTask(words: readonly Text[], context: CommandContext): true {
  const parsed = parseArguments(words.slice(1), new Set([...RUN_OPTIONS, ...AWS_GLOBAL]));
  const [cluster] = optionValues(parsed, '--cluster');
  const [taskDefinition] = optionValues(parsed, '--task-definition');
  context.sink.ecs(
    {
      kind: 'deploy',
      registered: taskDefinition ?? [
        missing('the task definition', `${RUN} names none in --task-definition`),
      ],
      cluster: cluster ?? ['default'],
      region: regionOf(parsed, context),
      task: true,
    },
    RUN,
  );
  return true;
}

function regionOf(parsed: ReturnType<typeof parseArguments>, context: CommandContext): Text {
  return awsRegionOf(optionValues(parsed, '--region')[0], context.environment, context.facts);
}

/** `file://PATH`, from the repository root (relative paths from the command's directory). */
function fileInput(input: Text, context: CommandContext): Text | undefined {
  const head = typeof input[0] === 'string' ? input[0] : '';
  if (!head.startsWith('file://')) return undefined;
  const rest = concat([head.slice('file://'.length)], input.slice(1));
  const known = wordText(rest);
  if (known === undefined) return rest;
  // A render's output (`file://${{ steps.render.outputs.task-definition }}`) stands for that render.
  if (renderIndex(known) !== undefined) return [known];
  if (path.posix.isAbsolute(known))
    return [missing(`${known}: an absolute path outside what pullcheck reads`)];
  return [path.posix.join(context.cwd || '.', known)];
}
