// Deploys pullcheck does not turn into targets yet (Amazon ECS, a Cloud Run service replaced from a YAML
// file): never silent. Each is a finding at its line that says which target to declare so the identity that
// pulls is checked. Image deploys to Cloud Run and Lambda are read in serverless-deploys.ts.
import { afterSubcommand } from './arguments.ts';
import { AWS_GLOBAL } from './cluster-credentials.ts';
import type { CommandHandler } from './context.ts';
import { GCLOUD_GLOBAL } from './push-tools.ts';

/** What to declare for each platform a deploy goes to. */
export const DECLARE = {
  ecs: 'declare an `ecs` target (cluster, services, region) so the task execution role that pulls is checked',
  'cloud-run':
    'declare a `cloud-run` target (project, service) with the image its YAML names, so the Cloud Run service agent that pulls it is checked',
} as const;

const COMMANDS: readonly {
  path: string[];
  global: ReadonlySet<string>;
  platform: keyof typeof DECLARE;
  name: string;
}[] = [
  { path: ['aws', 'ecs', 'update-service'], global: AWS_GLOBAL, platform: 'ecs', name: 'Amazon ECS' },
  {
    path: ['aws', 'ecs', 'register-task-definition'],
    global: AWS_GLOBAL,
    platform: 'ecs',
    name: 'Amazon ECS',
  },
  { path: ['aws', 'ecs', 'create-service'], global: AWS_GLOBAL, platform: 'ecs', name: 'Amazon ECS' },
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
