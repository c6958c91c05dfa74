// Deploys pullcheck does not turn into targets yet (`aws ecs create-service`, a Cloud Run service replaced
// from a YAML file, helmfile, CDK, …): never silent. Each is a finding at its line that says what to
// declare so the identity that pulls is checked. Image deploys to Cloud Run and Lambda are read in
// serverless-deploys.ts, ECS in ecs-commands.ts.
import { afterSubcommand, optionSet, wordText } from './arguments.ts';
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
  { path: ['aws', 'ecs', 'create-service'], global: AWS_GLOBAL, platform: 'ecs', name: 'Amazon ECS' },
  {
    path: ['gcloud', 'run', 'services', 'replace'],
    global: GCLOUD_GLOBAL,
    platform: 'cloud-run',
    name: 'Cloud Run',
  },
];

/**
 * Deploy tools whose own files say what runs where, which pullcheck does not read (yet), with their options
 * that take a value (which may stand before the verb: `helmfile -e prod apply`, `pulumi -C infra up`).
 */
const TOOLS: readonly { path: string[]; global: ReadonlySet<string>; what: string }[] = [
  ...['apply', 'sync', 'deploy'].map((verb) => ({
    path: ['helmfile', verb],
    global: optionSet(
      '-e --environment -f --file -n --namespace -l --selector --kube-context -b --helm-binary --state-values-set --state-values-file --chart -c',
    ),
    what: 'helmfile deploys the releases of its helmfile.yaml, which pullcheck does not read',
  })),
  {
    path: ['cdk', 'deploy'],
    global: optionSet('-a --app --profile -c --context -o --output --role-arn -r'),
    what: 'AWS CDK deploys the stacks of its app, which pullcheck does not read',
  },
  {
    path: ['pulumi', 'up'],
    global: optionSet('-C --cwd -s --stack'),
    what: 'Pulumi deploys the resources of its program, which pullcheck does not read',
  },
  {
    path: ['terraform', 'apply'],
    global: optionSet('-chdir'),
    what: 'Terraform applies its configuration, which pullcheck does not read',
  },
];

/** `curl … /repos/OWNER/REPO/dispatches`, `gh api repos/OWNER/REPO/dispatches`: the deploy is another repository's. */
const DISPATCH = /\/?repos\/([\w.-]+\/[\w.-]+)\/dispatches\b/;

export const unreadDeploys: CommandHandler = (words, context) => {
  const tool = TOOLS.find((entry) => afterSubcommand(words, entry.path, entry.global));
  if (tool) {
    context.sink.problem(`${tool.what}: list the images it runs and their targets in the config`);
    return true;
  }
  if (['curl', 'gh'].includes(wordText(words[0]) ?? '')) {
    const dispatched = words.map((word) => DISPATCH.exec(wordText(word) ?? '')?.[1]).find(Boolean);
    if (dispatched) {
      context.sink.problem(handedOff(dispatched));
      return true;
    }
  }
  const command = COMMANDS.find((entry) => afterSubcommand(words, entry.path, entry.global));
  if (!command) return false;
  context.sink.problem(
    `\`${command.path.join(' ')}\` deploys to ${command.name}, which pullcheck does not read from workflows yet: ${DECLARE[command.platform]}`,
  );
  return true;
};

/** A deploy handed to another repository (repository_dispatch): checked there, not here. */
export function handedOff(repository: string): string {
  return `the deploy is handed to ${repository} through repository_dispatch: what runs where is decided there; run pullcheck in that repository, or declare its targets in this config`;
}
