// Amazon ECR: which identities pull for AWS targets, and the ECR rule for their pulls.
import type { LoadedConfig } from '../../core/config/load.ts';
import type { TargetInput } from '../../core/config/schema.ts';
import type { Provider, PullQuestion, TargetPrincipal } from '../../core/provider.ts';
import { allowed, type Verdict } from '../../core/verdict.ts';
import { evaluateEcrPull } from './ecr-pull.ts';
import { prepareAwsFacts, type AwsFacts } from './facts.ts';

const AWS_PLATFORMS = new Set<TargetInput['platform']>(['eks', 'ecs', 'aws-role']);

export function awsProvider(config: LoadedConfig): Provider {
  const facts = prepareAwsFacts(config);
  return {
    name: 'aws',
    principals: (target) => (AWS_PLATFORMS.has(target.platform) ? awsPrincipals(target) : undefined),
    decide: (question) => decideAwsPull(question, facts),
  };
}

function awsPrincipals(target: TargetInput): TargetPrincipal[] {
  const roles = 'roles' in target ? (target.roles ?? []) : [];
  if (roles.length > 0) return roles.map((principal) => ({ principal }));
  const cluster = 'cluster' in target && target.cluster ? ` of cluster ${target.cluster}` : '';
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
  const { registry } = question.image;
  if (registry.kind === 'ecr-public') {
    return allowed(['public.ecr.aws images may be pulled by anyone, without credentials']);
  }
  if (registry.kind !== 'ecr' || !AWS_PLATFORMS.has(question.target.platform)) return undefined;
  return evaluateEcrPull(registry, question.principal, facts);
}
