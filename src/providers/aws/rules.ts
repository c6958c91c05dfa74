// Amazon ECR's rules: which roles pull for AWS targets, and the ECR rule for their pulls.
import type { LoadedConfig } from '../../core/config/load.ts';
import type { TargetInput } from '../../core/config/schema.ts';
import type { PullQuestion, PullRules, TargetPrincipal } from '../../core/provider.ts';
import type { ImageReference } from '../../core/image-reference.ts';
import { publicImages } from '../../core/public-images.ts';
import { allowed, unknown, type Verdict } from '../../core/verdict.ts';
import { notRunReason, taskDefinitionPrincipals, type EcsTaskTarget } from './ecs-task-principals.ts';
import { taskDefinitionOf, type TaskDefinition } from './task-definition-file.ts';
import { evaluateEcrPull } from './ecr-pull.ts';
import { evaluateEcrPush } from './ecr-push.ts';
import { lambdaPrincipals } from './lambda-principals.ts';
import { evaluateLambdaPull } from './lambda-pull.ts';
import { clusterFactsFor, prepareAwsFacts, type AwsFacts } from './facts.ts';
import { AWS_PLATFORMS } from './platforms.ts';
import { decideAwsLogin } from './web-identity/login.ts';
import { ecrLocationOf } from './registry.ts';

/** The ECR rules over one config's facts (loaded by the definition in ./index.ts). */
export function buildRules(config: LoadedConfig): PullRules {
  const facts = prepareAwsFacts(config);
  const tasks = ecsTaskDefinitions(config);
  const anonymous = anonymousPull(config);
  return {
    principals: (target, image) => {
      if (target.platform === 'lambda') return lambdaPrincipals(image);
      const definitions = tasks.get(target);
      if (!definitions) return awsPrincipals(target, facts);
      const fromFiles = taskDefinitionPrincipals(target as EcsTaskTarget, definitions, image, anonymous);
      if (fromFiles) return fromFiles;
      // An image no task definition runs: the listed roles pull it, as for a target without files.
      const listed = awsPrincipals(target, facts);
      if (listed.some((entry) => !('unnamed' in entry))) return listed;
      const reason = notRunReason(target, definitions, image.raw);
      return [{ principal: `ecs:${target.name}`, unnamed: unknown([reason]) }];
    },
    decide: (question) => decideAwsPull(question, facts),
    publicPull: ecrPublicPull,
    decideLogin: (question) => decideAwsLogin(question, facts),
    decidePush: (question) => {
      const registry = ecrLocationOf(question.image);
      return registry ? evaluateEcrPush(registry, question.principal, facts) : undefined;
    },
  };
}

/** The task definitions each `ecs` target names, read now (a bad file is a ConfigError at its line). */
function ecsTaskDefinitions(config: LoadedConfig): Map<TargetInput, TaskDefinition[]> {
  const tasks = new Map<TargetInput, TaskDefinition[]>();
  (config.input.targets ?? []).forEach((target, t) => {
    if (target.platform !== 'ecs' || !target.taskDefinitions?.length) return;
    const read = target.taskDefinitions.map((_, i) => taskDefinitionOf(config, target, t, i));
    tasks.set(target, read);
  });
  return tasks;
}

/** A pull without credentials: the config's publicImages, then ECR Public (anyone may pull it). */
function anonymousPull(config: LoadedConfig): (image: ImageReference) => Verdict | undefined {
  const isPublic = publicImages(config);
  return (image) => isPublic(image) ?? ecrPublicPull(image);
}

function ecrPublicPull(image: ImageReference): Verdict | undefined {
  return image.registry.kind === 'ecr-public'
    ? allowed(['public.ecr.aws images may be pulled by anyone, without credentials'])
    : undefined;
}

function awsPrincipals(target: TargetInput, facts: AwsFacts): TargetPrincipal[] {
  const listed = 'roles' in target ? (target.roles ?? []) : [];
  // Roles live reads discovered for the target's cluster join the ones the config lists.
  const clusterName = 'cluster' in target ? target.cluster : undefined;
  const discovered = clusterName
    ? clusterFactsFor(facts.clusters, {
        platform: target.platform,
        name: clusterName,
        account: 'account' in target ? target.account : undefined,
        region: 'region' in target ? target.region : undefined,
        services: 'services' in target ? target.services : undefined,
      })
    : undefined;
  const roles = [...new Set([...listed, ...(discovered?.roles ?? [])])];
  if (roles.length > 0) return roles.map((principal) => ({ principal }));
  if (discovered?.unreadable) {
    return [
      {
        principal: `${target.platform}:${target.name}`,
        unnamed: {
          verdict: 'unknown',
          reasons: [`the roles of cluster ${clusterName} could not be read: ${discovered.unreadable}`],
          missing: [],
        },
      },
    ];
  }
  const cluster = clusterName ? ` of cluster ${clusterName}` : '';
  const discovery =
    target.platform === 'eks'
      ? 'node group roles, Fargate pod execution roles and the Auto Mode node role'
      : 'the task execution roles of its services';
  return [
    {
      principal: `${target.platform}:${target.name}`,
      unnamed: {
        verdict: 'unknown',
        reasons: [
          `no roles are listed for target ${target.name}: list ${discovery}${cluster} under \`roles\``,
        ],
        missing: [],
      },
    },
  ];
}

function decideAwsPull(question: PullQuestion, facts: AwsFacts): Verdict | undefined {
  const registry = ecrLocationOf(question.image);
  if (!registry) return undefined;
  const { target } = question;
  // A role that pulls for another platform's target (a Kubernetes node's ecr-credential-provider).
  if (!AWS_PLATFORMS.has(target.platform))
    return question.principal.startsWith('arn:')
      ? evaluateEcrPull(registry, question.principal, facts)
      : undefined;
  if (target.platform === 'lambda') {
    const fn = { target: target.name, account: target.account, region: target.region, name: target.function };
    return evaluateLambdaPull(registry, fn, facts);
  }
  return evaluateEcrPull(registry, question.principal, facts);
}
