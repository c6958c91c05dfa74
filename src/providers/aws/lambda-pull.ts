// The Lambda container-image rule: the Lambda service pulls a function's image from Amazon ECR when the
// function is created or its code updated, so the repository policy must admit the service principal.
// Source: AWS Lambda Developer Guide, "Create a Lambda function using a container image"
// (https://docs.aws.amazon.com/lambda/latest/dg/images-create.html), sections "Requirements",
// "Amazon ECR permissions" and "Cross-account permissions"; Lambda API Reference, FunctionCode.ImageUri
// ("URI of a container image in the Amazon ECR registry").
import { unknown, type Verdict } from '../../core/verdict.ts';
import { PULL_ACTIONS } from './ecr-actions.ts';
import { repositoryArn } from './arn.ts';
import { registryKey, type AwsFacts, type RegistryFacts } from './facts.ts';
import { lambdaRegionGrant, lambdaRepositoryGrant, lambdaServiceStatement } from './lambda-fixes.ts';
import { describeStatement, type KnownPolicy } from './policy/evaluate.ts';
import { findServiceStatements, type ServiceFinding, type ServiceRequest } from './policy/service-match.ts';
import { deniedByControl, lambdaControlDeny, lambdaControlNotes } from './lambda-controls.ts';
import type { AccountControl } from './organization-facts.ts';
import type { EcrLocation } from './registry.ts';
import { accountDeny, accountGrant } from './lambda-account-grant.ts';
import { and, or, type Tri } from '../../core/tri.ts';

export const LAMBDA_SERVICE = 'lambda.amazonaws.com';
export const LAMBDA_DOC = 'https://docs.aws.amazon.com/lambda/latest/dg/images-create.html';

/** The function a `lambda` target deploys, as far as the target says. */
export interface LambdaFunction {
  readonly target: string;
  readonly account?: string | undefined;
  readonly region?: string | undefined;
  readonly name?: string | undefined;
}

/** Everything the fixes need to know about the pull. */
export interface LambdaPullContext {
  readonly fn: LambdaFunction & { readonly account: string; readonly region: string };
  readonly location: EcrLocation;
  readonly repositoryArn: string;
  readonly crossAccount: boolean;
  /** The organization of the function's account (facts.aws.accounts), for aws:PrincipalOrgID conditions. */
  readonly functionOrganization?: string | undefined;
  /** The repository policy as written (undefined: the repository has none). */
  readonly currentPolicy: Readonly<Record<string, unknown>> | undefined;
  /** The RCPs of the repository's account, as far as the facts say (SCPs never restrict the service). */
  readonly repositoryControl: AccountControl | undefined;
}

export function evaluateLambdaPull(location: EcrLocation, fn: LambdaFunction, facts: AwsFacts): Verdict {
  if (!fn.region) {
    return unknown([
      `the Region of Lambda target ${fn.target} is not known: set \`region\` (the image must be in ECR in the function's Region, ${LAMBDA_DOC} "Requirements")`,
    ]);
  }
  if (fn.region !== location.region) {
    return {
      verdict: 'denied',
      reasons: [
        `Lambda pulls a function's image only from an Amazon ECR repository in the function's Region (${LAMBDA_DOC} "Requirements"): the function is in ${fn.region}, the image in ${location.region}`,
      ],
      missing: [lambdaRegionGrant(location, fn.region)],
    };
  }
  if (!fn.account) {
    return unknown([
      `the account of Lambda target ${fn.target} is not known: set \`account\` (a cross-account image needs more in the repository policy, ${LAMBDA_DOC} "Cross-account permissions")`,
    ]);
  }
  const arn = repositoryArn(location.partition, location.region, location.account, location.repository);
  const repository = facts.repositories.get(arn);
  if (!repository) {
    return unknown([
      `repository ${arn} is not in facts.aws.repositories: add it with its policy (or \`policy: null\`)` +
        ` (live reads need ecr:GetRepositoryPolicy in account ${location.account})`,
    ]);
  }
  if (repository.missing) {
    return unknown([
      `repository ${location.repository} does not exist yet in ${location.account} (${location.region}): Lambda cannot pull until it is created and the image pushed`,
    ]);
  }
  const context: LambdaPullContext = {
    fn: { ...fn, account: fn.account, region: fn.region },
    location,
    repositoryArn: arn,
    crossAccount: fn.account !== location.account,
    functionOrganization: facts.organizations.get(fn.account),
    currentPolicy: repository.policy?.document?.raw,
    repositoryControl: facts.controls.get(location.account),
  };
  const repositoryOnly = repository.policy ? [repository.policy] : [];
  return withRegistryScope(facts.registries.get(registryKey(location.account, location.region)), (v2) =>
    decide(context, v2 ? [...repositoryOnly, v2] : repositoryOnly),
  );
}

/**
 * A V2-scope registry policy speaks to repository actions too; a V1 one does not ("Private registry
 * permissions in Amazon ECR"). A scope not given is decided both ways: where they differ, unknown.
 */
function withRegistryScope(
  registry: RegistryFacts | undefined,
  decideWith: (registryPolicy: KnownPolicy | undefined) => Verdict,
): Verdict {
  const policy = registry?.policy ?? undefined;
  if (!registry || !policy || registry.scope === 'V1') return decideWith(undefined);
  const asV2 = decideWith(policy);
  if (registry.scopeGiven) return asV2;
  const asV1 = decideWith(undefined);
  if (asV1.verdict === asV2.verdict) return asV2;
  return unknown([
    ...asV2.reasons,
    `unknown: the registry policy of ${registry.account} in ${registry.region} decides this only under the V2 scope, which is not given: set \`scope\` in facts.aws.registries (aws ecr get-account-setting --name REGISTRY_POLICY_SCOPE --region ${registry.region})`,
  ]);
}

function decide(context: LambdaPullContext, policies: readonly KnownPolicy[]): Verdict {
  const deny = serviceAnswer(context, policies, 'Deny');
  if (deny.result === 'yes') {
    return {
      verdict: 'denied',
      reasons: [
        `${[...new Set(deny.hits.map((hit) => hit.policy.label))].join(', ')} explicitly denies ${LAMBDA_SERVICE} ${PULL_ACTIONS.join(', ')}: an explicit Deny overrides every Allow`,
      ],
      missing: [lambdaRepositoryGrant(context, { explicitDeny: deny.hits.map((hit) => hit.statement.raw) })],
    };
  }
  // A Deny to the function's account refuses a cross-account deploy (the docs' "Cross-account
  // permissions"); in the same account the docs do not say whether Lambda checks the deployer, so it
  // leaves the pull unknown, never allowed.
  const deployerDeny = accountDeny(context, policies);
  if (deployerDeny.result === 'yes' && context.crossAccount) return deniedToAccount(context, deployerDeny);
  const control = lambdaControlDeny(context.repositoryControl, (action) => serviceRequest(context, action));
  if (control.result === 'yes') return deniedByControl(control, context.location.account);
  const allow = serviceAnswer(context, policies, 'Allow');
  // Cross-account, both the function's account and the service must be admitted ("Cross-account permissions").
  const account = context.crossAccount ? accountGrant(context, policies) : undefined;
  const reasons: string[] = [];
  if (allow.result === 'yes')
    reasons.push(`${allow.hits[0]?.policy.label} allows ${LAMBDA_SERVICE} ${PULL_ACTIONS.join(', ')}`);
  if (account?.result === 'yes')
    reasons.push(
      `the repository policy allows account ${context.fn.account}, where the function is deployed`,
    );
  if (context.crossAccount && (allow.result === 'no' || account?.result === 'no')) {
    return {
      verdict: 'denied',
      reasons: [...reasons, ...missingReasons(context, allow.result, account?.result)],
      missing: [
        lambdaRepositoryGrant(context, {
          service: allow.result !== 'yes',
          account: account?.result !== 'yes',
        }),
      ],
    };
  }
  const granted = and(allow.result, account?.result ?? 'yes');
  reasons.push(...lambdaControlNotes(context.location.account, context.repositoryControl));
  if (granted === 'yes' && deny.result === 'no' && deployerDeny.result === 'no' && control.result === 'no') {
    if (context.crossAccount) reasons.push(deployerNote(context));
    return { verdict: 'allowed', reasons, missing: [] };
  }
  const undecided = [
    ...deny.unknownBecause,
    ...control.unknownBecause,
    ...deployerDeny.unknownBecause,
    ...(deployerDeny.result === 'yes'
      ? [
          `the repository policy denies account ${context.fn.account}, where the function is deployed; whether Lambda checks the deployer's access in the same account the docs do not say (${LAMBDA_DOC})`,
        ]
      : []),
    ...allow.unknownBecause,
    ...(account?.unknownBecause ?? []),
  ];
  if (allow.result === 'no') undecided.push(sameAccountAddition(context));
  return unknown([...reasons, ...undecided.map((why) => `unknown: ${why}`)]);
}

function deniedToAccount(context: LambdaPullContext, deny: ReturnType<typeof accountDeny>): Verdict {
  const statements = [
    ...new Set(deny.hits.map((hit) => `${hit.policy.label} ${describeStatement(hit.statement)}`)),
  ];
  return {
    verdict: 'denied',
    reasons: [
      `${statements.join(', ')} explicitly denies account ${context.fn.account}, where the function is deployed, ${deny.deniedActions.join(', ')}: an explicit Deny overrides every Allow (${LAMBDA_DOC} "Cross-account permissions")`,
    ],
    missing: [
      lambdaRepositoryGrant(context, {
        explicitDeny: [...new Set(deny.hits.map((hit) => hit.statement.raw))],
        deniedTo: `account ${context.fn.account}`,
      }),
    ],
  };
}

function deployerNote(context: LambdaPullContext): string {
  return `the principal that deploys the function also needs ecr:BatchGetImage and ecr:GetDownloadUrlForLayer on ${context.repositoryArn} in its identity policies (${LAMBDA_DOC} "Cross-account permissions")`;
}

/** The request Lambda makes for one pull action. */
function serviceRequest(context: LambdaPullContext, action: string): ServiceRequest {
  const { fn, location } = context;
  const functions = `arn:${location.partition}:lambda:${fn.region}:${fn.account}:function:`;
  return {
    action: action.toLowerCase(),
    resource: context.repositoryArn,
    service: LAMBDA_SERVICE,
    // Lambda calls ECR on behalf of the function: aws:SourceArn is the function's ARN.
    context: new Map([
      ['aws:sourceaccount', fn.account],
      ...(fn.name ? [['aws:sourcearn', `${functions}${fn.name}`] as const] : []),
    ]),
    partialSourceArn: {
      prefix: functions,
      missing: `it depends on the function's name: set \`function\` on target ${fn.target}`,
    },
  };
}

/** The service-principal answer over both pull actions: an Allow must grant each, a Deny blocks either. */
function serviceAnswer(
  context: LambdaPullContext,
  policies: readonly KnownPolicy[],
  effect: 'Allow' | 'Deny',
): ServiceFinding {
  const answers = PULL_ACTIONS.map((action) =>
    findServiceStatements(policies, effect, serviceRequest(context, action)),
  );
  const results = answers.map((answer) => answer.result);
  return {
    result: effect === 'Allow' ? results.reduce<Tri>(and, 'yes') : results.reduce<Tri>(or, 'no'),
    hits: answers.flatMap((answer) => answer.hits),
    unknownBecause: [...new Set(answers.flatMap((answer) => answer.unknownBecause))],
  };
}

function missingReasons(context: LambdaPullContext, service: Tri, account: Tri | undefined): string[] {
  const reasons: string[] = [];
  if (service === 'no') {
    reasons.push(
      `the repository policy of ${context.location.repository} does not allow ${LAMBDA_SERVICE} ${PULL_ACTIONS.join(', ')}` +
        (context.crossAccount
          ? ` with aws:SourceArn arn:${context.location.partition}:lambda:${context.fn.region}:${context.fn.account}:function:* (${LAMBDA_DOC} "Cross-account permissions")`
          : ` (${LAMBDA_DOC} "Amazon ECR permissions")`),
    );
  }
  if (account === 'no') {
    reasons.push(
      `the repository policy does not allow account ${context.fn.account}, where the function is deployed (${LAMBDA_DOC} "Cross-account permissions")`,
    );
  }
  return reasons;
}

// Same account: "If the Amazon ECR repository does not include these permissions, Lambda adds" them, when the
// principal calling Lambda may get and set the repository policy (images-create.html, "Amazon ECR permissions").
// Who deploys, and with which permissions, is not in the target: the outcome is not known.
function sameAccountAddition(context: LambdaPullContext): string {
  return (
    `the repository policy of ${context.location.repository} does not allow ${LAMBDA_SERVICE} ${PULL_ACTIONS.join(', ')};` +
    ` Lambda adds that statement itself when the principal that creates or updates the function has ecr:GetRepositoryPolicy and ecr:SetRepositoryPolicy on ${context.repositoryArn},` +
    ` which pullcheck does not know (${LAMBDA_DOC} "Amazon ECR permissions"): add the statement ${JSON.stringify(lambdaServiceStatement(context))} to the repository policy`
  );
}
