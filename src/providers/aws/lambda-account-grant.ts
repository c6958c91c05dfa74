// Cross-account Lambda images: besides the service principal, the repository policy must allow the account the
// function is deployed in (AWS Lambda Developer Guide, "Create a Lambda function using a container image",
// "Cross-account permissions": the CrossAccountPermission statement names the account's root principal).
// The deploying principal is not known, so only a grant to the whole account (or to anyone) decides `yes`.
import { PULL_ACTIONS } from './ecr-actions.ts';
import type { LambdaPullContext } from './lambda-pull.ts';
import {
  contentsUnknown,
  describeStatement,
  findStatements,
  type Finding,
  type KnownPolicy,
} from './policy/evaluate.ts';
import type { Statement } from './policy/document.ts';
import { listMatches } from './policy/match.ts';
import { and, or, type Tri } from '../../core/tri.ts';

export interface AccountGrant {
  readonly result: Tri;
  readonly unknownBecause: readonly string[];
}

export function accountGrant(context: LambdaPullContext, policies: readonly KnownPolicy[]): AccountGrant {
  const unknownBecause: string[] = [];
  let result: Tri = 'yes';
  for (const action of PULL_ACTIONS) {
    let forAction: Tri = 'no';
    for (const policy of policies) {
      if (!policy.document) {
        forAction = or(forAction, 'unknown');
        unknownBecause.push(contentsUnknown(policy));
        continue;
      }
      for (const statement of policy.document.statements) {
        const answer = grantsAccount(statement, action.toLowerCase(), context);
        forAction = or(forAction, answer.result);
        if (answer.because)
          unknownBecause.push(`${policy.label} ${describeStatement(statement)}: ${answer.because}`);
      }
    }
    result = and(result, forAction);
  }
  return { result, unknownBecause: [...new Set(unknownBecause)] };
}

function grantsAccount(
  statement: Statement,
  action: string,
  context: LambdaPullContext,
): { result: Tri; because?: string } {
  const principals = statement.principals;
  if (statement.effect !== 'Allow' || !principals || principals.negated) return { result: 'no' };
  if (!listMatches(statement.actions, action, true)) return { result: 'no' };
  if (statement.resources && !listMatches(statement.resources, context.repositoryArn, false))
    return { result: 'no' };
  const account = context.fn.account;
  const root = `arn:${context.location.partition}:iam::${account}:root`;
  const wholeAccount =
    principals.anyone || principals.aws.some((entry) => entry === account || entry === root);
  if (wholeAccount) {
    return statement.conditions.length === 0
      ? { result: 'yes' }
      : {
          result: 'unknown',
          because: `allows account ${account} under conditions on the principal that deploys the function, which pullcheck does not know`,
        };
  }
  const inAccount = principals.aws.filter(
    (entry) =>
      entry.startsWith(`arn:${context.location.partition}:iam::${account}:`) ||
      entry.startsWith(`arn:${context.location.partition}:sts::${account}:`),
  );
  if (inAccount.length === 0) return { result: 'no' };
  return {
    result: 'unknown',
    because: `allows only ${inAccount.join(', ')} in account ${account}; whether that principal deploys the function is not known: allow ${root} as the Lambda docs do`,
  };
}

/**
 * Does a Deny reach the principal that deploys the function? It is some principal of the function's account,
 * so a Deny naming the account, its root, `*`, or a NotPrincipal that leaves it out applies; one naming a single
 * principal of the account is unknown (IAM User Guide, "Policy evaluation logic": an explicit deny in any
 * policy overrides an allow). Either pull action denied blocks the pull.
 */
export function accountDeny(
  context: LambdaPullContext,
  policies: readonly KnownPolicy[],
): Finding & { readonly deniedActions: readonly string[] } {
  const { account } = context.fn;
  const { partition } = context.location;
  const deployer = {
    arn: `arn:${partition}:iam::${account}:(the principal that deploys the function)`,
    partition,
    account,
    name: 'the principal that deploys the function',
    hasPermissionsBoundary: false,
    unnamed: true,
    ...(context.functionOrganization ? { organizationId: context.functionOrganization } : {}),
  };
  const answers = PULL_ACTIONS.map((action) => ({
    action,
    ...findStatements(policies, 'Deny', {
      action: action.toLowerCase(),
      resource: context.repositoryArn,
      caller: deployer,
    }),
  }));
  return {
    result: answers.map((answer) => answer.result).reduce<Tri>(or, 'no'),
    hits: answers.flatMap((answer) => answer.hits),
    unknownBecause: [...new Set(answers.flatMap((answer) => answer.unknownBecause))],
    deniedActions: answers.filter((answer) => answer.result === 'yes').map((answer) => answer.action),
  };
}
