// Deploys pullcheck does not turn into targets yet (`aws ecs create-service`, Cloud Run, AWS Lambda): never silent. Each
// is a finding at its line that says which target to declare so the identity that pulls is checked.
import { afterSubcommand } from './arguments.ts';
import { AWS_GLOBAL } from './cluster-credentials.ts';
import type { CommandHandler } from './context.ts';
import { GCLOUD_GLOBAL } from './push-tools.ts';

/** What to declare for each platform a deploy goes to. */
export const DECLARE = {
  ecs: 'declare an `ecs` target (cluster, services, region) so the task execution role that pulls is checked',
  'cloud-run':
    "declare the service's pulling identity (the Cloud Run service agent of its project) as a `gcp-service-account` target",
  lambda:
    "list the function's repository policy under facts: Lambda pulls with the lambda.amazonaws.com service principal",
} as const;

const COMMANDS: readonly {
  path: string[];
  global: ReadonlySet<string>;
  platform: keyof typeof DECLARE;
  name: string;
}[] = [
  { path: ['aws', 'ecs', 'create-service'], global: AWS_GLOBAL, platform: 'ecs', name: 'Amazon ECS' },
  {
    path: ['aws', 'lambda', 'update-function-code'],
    global: AWS_GLOBAL,
    platform: 'lambda',
    name: 'AWS Lambda',
  },
  { path: ['aws', 'lambda', 'create-function'], global: AWS_GLOBAL, platform: 'lambda', name: 'AWS Lambda' },
  { path: ['gcloud', 'run', 'deploy'], global: GCLOUD_GLOBAL, platform: 'cloud-run', name: 'Cloud Run' },
  {
    path: ['gcloud', 'run', 'services', 'replace'],
    global: GCLOUD_GLOBAL,
    platform: 'cloud-run',
    name: 'Cloud Run',
  },
];

export const unreadDeploys: CommandHandler = (words, context) => {
  const command = COMMANDS.find((entry) => afterSubcommand(words, entry.path, entry.global));
  if (!command) return false;
  context.sink.problem(
    `\`${command.path.join(' ')}\` deploys to ${command.name}, which pullcheck does not read from workflows yet: ${DECLARE[command.platform]}`,
  );
  return true;
};
