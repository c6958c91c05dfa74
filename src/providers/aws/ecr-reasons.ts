// The reasons of an ECR verdict: which rule applied, what granted or blocked each action, and which
// optional layers were taken as absent.
import type { ActionOutcome, EcrPullContext } from './ecr-pull.ts';
import { roleControlNotes } from './control-reasons.ts';

/** Said when V1 and V2 agree; the rule drops it when they do not. */
export const SCOPE_NOT_GIVEN = 'registry policy scope not given';
/** Said when the answer is the same under a pull-through cache rule or not; dropped when it is not. */
export const CACHE_RULES_NOT_KNOWN = 'pull-through cache rules not known';

export function explainEcrPull(context: EcrPullContext, outcomes: readonly ActionOutcome[]): string[] {
  const { role, location, operation } = context;
  const reasons = [
    context.crossAccount
      ? `cross-account ${operation}: role in ${role.account}, repository in ${location.account}; the role's identity policy and the repository (or V2 registry) policy must both grant`
      : `same-account ${operation} (${location.account}): the role's identity policy or a repository policy naming the role must grant`,
  ];
  const grantedBy = new Map<string, string[]>();
  for (const outcome of outcomes) {
    if (outcome.status === 'denied') {
      const where = outcome.denyHits.map((hit) => hit.policy.label).join(', ');
      reasons.push(`${outcome.action}: explicitly denied by ${where}`);
    } else if (outcome.status === 'missing') {
      const sides = [
        outcome.identityMissing ? 'no identity policy of the role allows it' : '',
        outcome.boundaryMissing ? 'the permissions boundary does not allow it' : '',
        outcome.resourceMissing ? 'the repository policy does not grant it to the role or its account' : '',
        outcome.scpMissingAt.length > 0
          ? `no SCP attached to ${outcome.scpMissingAt.join(', ')} allows it`
          : '',
      ].filter(Boolean);
      reasons.push(`${outcome.action}: ${sides.join('; ') || 'not granted'}`);
    } else if (outcome.status === 'granted') {
      const by = [...new Set(outcome.allowHits.map((hit) => hit.policy.label))].join(', ');
      grantedBy.set(by, [...(grantedBy.get(by) ?? []), outcome.action]);
    }
  }
  // One line per set of granting policies keeps large reports small.
  for (const [by, actions] of grantedBy) reasons.push(`${actions.join(', ')}: allowed by ${by}`);
  if (!context.repository && !context.crossAccount) {
    // Its grants stay unknown (resourcePoliciesFor); only its denies are taken as absent.
    reasons.push(
      `repository ${context.repositoryArn} is not in facts: its policy is taken as denying nothing (list it in facts.aws.repositories to count what it grants)`,
    );
  } else if (context.repository?.missing) {
    reasons.push(
      operation === 'push'
        ? `repository ${context.repositoryArn} does not exist yet: a repository creation template for CREATE_ON_PUSH creates it on the first push`
        : `repository ${context.repositoryArn} does not exist yet: the pull-through cache creates it on the first pull`,
    );
  } else if (context.repository && !context.repository.policy) {
    reasons.push(`repository ${context.repositoryArn} has no repository policy`);
  }
  if (!context.registry) {
    reasons.push(
      `no registry policy is given for ${location.account} in ${location.region}: taken as absent`,
    );
  } else if (!context.registry.scopeGiven && context.registry.policy) {
    reasons.push(`${SCOPE_NOT_GIVEN}: V2 (the default) and V1 give the same answer here`);
  }
  const cacheRules = context.registry?.pullThroughCacheUnknown;
  if (cacheRules !== undefined && !context.pullThroughCache) {
    reasons.push(
      `${CACHE_RULES_NOT_KNOWN} (${cacheRules}): the answer is the same whether or not ${location.repository} is under one`,
    );
  }
  reasons.push(...roleControlNotes(context.controls, role.account, location.account, role.name));
  return reasons;
}
