// Registry settings pullcheck may not know — the registry policy's scope, the pull-through cache rules —
// are decided both ways: when the answers differ the pull is unknown, naming the fact and how to give it;
// when they agree, the reasons say the fact did not matter (ecr-reasons.ts).
import { unknown, type Verdict } from '../../core/verdict.ts';
import type { EcrPullContext } from './ecr-pull.ts';
import { CACHE_RULES_NOT_KNOWN, SCOPE_NOT_GIVEN } from './ecr-reasons.ts';
import { withNote } from '../../core/trace.ts';

type Decide = (context: EcrPullContext) => Verdict;

export function withUnknownLayers(context: EcrPullContext, decide: Decide): Verdict {
  return withCacheRules(context, (variant) => withScope(variant, decide));
}

/**
 * V2 is ECR's default scope, but registries created before it may still be V1 ("Switching to the extended
 * registry policy scope"): when the scope is not known and it changes the answer, say so.
 */
function withScope(context: EcrPullContext, decide: Decide): Verdict {
  const verdict = decide(context);
  const { registry, location } = context;
  if (!registry?.policy || registry.scopeGiven) return verdict;
  const underV1 = withNote('if the registry policy scope were V1 (it is not stated)', () =>
    decide({ ...context, registry: { ...registry, scope: 'V1' } }),
  );
  if (underV1.verdict === verdict.verdict) return verdict;
  return unknown([
    ...verdict.reasons.filter((reason) => !reason.startsWith(SCOPE_NOT_GIVEN)),
    `unknown: the registry policy of ${location.account} in ${location.region} gives ${verdict.verdict} under the V2 registry policy scope and ${underV1.verdict} under V1, and the scope is not known: state facts.aws.registries[].scope (aws ecr get-account-setting --name REGISTRY_POLICY_SCOPE --region ${location.region}; live reads need ecr:GetAccountSetting in ${location.account})`,
  ]);
}

/**
 * A repository under a pull-through cache rule's prefix needs more to pull an image not cached yet
 * (ecr:BatchImportUpstreamImage, and ecr:CreateRepository the first time: "Using pull through cache rules"):
 * when the registry's rules could not be read and that changes the answer, say so.
 */
function withCacheRules(context: EcrPullContext, decide: Decide): Verdict {
  const verdict = decide(context);
  const { registry, location } = context;
  const why = registry?.pullThroughCacheUnknown;
  // A push never goes through a pull-through cache rule.
  if (why === undefined || context.pullThroughCache || context.operation === 'push') return verdict;
  const underCache = withNote(
    'if a pull-through cache rule covered the repository (the rules are not known)',
    () => decide({ ...context, pullThroughCache: true }),
  );
  if (underCache.verdict === verdict.verdict) return verdict;
  return unknown([
    ...verdict.reasons.filter((reason) => !reason.startsWith(CACHE_RULES_NOT_KNOWN)),
    `unknown: the pull-through cache rules of ${location.account} in ${location.region} are not known (${why}): if ${location.repository} is under a rule's prefix the pull also needs ecr:BatchImportUpstreamImage and gives ${underCache.verdict}, otherwise ${verdict.verdict}: state facts.aws.registries[].pullThroughCachePrefixes (aws ecr describe-pull-through-cache-rules --registry-id ${location.account} --region ${location.region}; live reads need ecr:DescribePullThroughCacheRules in ${location.account})`,
  ]);
}
