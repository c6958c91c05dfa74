// Cross-account Lambda images: besides the service principal, the repository policy must allow the account the
// function is deployed in (AWS Lambda Developer Guide, "Create a Lambda function using a container image",
// "Cross-account permissions": the CrossAccountPermission statement names the account's root principal), and
// no Deny may reach it (IAM User Guide, "Policy evaluation logic": an explicit deny overrides any allow).
// The deploying principal is not known: it is asked of the IAM evaluator as an unnamed principal of the account
// (match.ts), so a grant to the account or to anyone decides `yes`, one to a single principal of it `unknown`.
import { PULL_ACTIONS } from './ecr-actions.ts';
import type { LambdaPullContext } from './lambda-pull.ts';
import { findStatements, type Finding, type KnownPolicy } from './policy/evaluate.ts';
import type { CallingRole } from './policy/match.ts';
import { and, or, type Tri } from '../../core/tri.ts';

interface AccountGrant {
  readonly result: Tri;
  readonly unknownBecause: readonly string[];
}

/** Does the repository policy allow the deploying account both pull actions? */
export function accountGrant(context: LambdaPullContext, policies: readonly KnownPolicy[]): AccountGrant {
  const answers = askPerAction(context, policies, 'Allow');
  return {
    result: answers.map((answer) => answer.result).reduce<Tri>(and, 'yes'),
    unknownBecause: [...new Set(answers.flatMap((answer) => answer.unknownBecause))],
  };
}

/** Does a Deny reach the principal that deploys the function? Either pull action denied blocks the pull. */
export function accountDeny(
  context: LambdaPullContext,
  policies: readonly KnownPolicy[],
): Finding & { readonly deniedActions: readonly string[] } {
  const answers = askPerAction(context, policies, 'Deny');
  return {
    result: answers.map((answer) => answer.result).reduce<Tri>(or, 'no'),
    hits: answers.flatMap((answer) => answer.hits),
    unknownBecause: [...new Set(answers.flatMap((answer) => answer.unknownBecause))],
    deniedActions: answers.filter((answer) => answer.result === 'yes').map((answer) => answer.action),
  };
}

function askPerAction(
  context: LambdaPullContext,
  policies: readonly KnownPolicy[],
  effect: 'Allow' | 'Deny',
): (Finding & { readonly action: string })[] {
  const caller = deployer(context);
  return PULL_ACTIONS.map((action) => ({
    action,
    ...findStatements(policies, effect, {
      action: action.toLowerCase(),
      resource: context.repositoryArn,
      caller,
    }),
  }));
}

/** Some principal of the function's account; its organization when facts.aws.accounts gives it. */
function deployer(context: LambdaPullContext): CallingRole {
  const { account } = context.fn;
  const { partition } = context.location;
  return {
    arn: `arn:${partition}:iam::${account}:(the principal that deploys the function)`,
    partition,
    account,
    name: 'the principal that deploys the function',
    hasPermissionsBoundary: false,
    unnamed: true,
    ...(context.functionOrganization ? { organizationId: context.functionOrganization } : {}),
  };
}
