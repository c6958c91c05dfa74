// Why a trust policy lets a predicted token in or not, in words that name the event, the claim and the
// condition; the usual causes people report for "Not authorized to perform sts:AssumeRoleWithWebIdentity"
// are named when their shape is recognised (a job with `environment:`, a pull request, letter case).
import type { Claim } from '../../../core/ci-path.ts';
import { describeStatement } from '../policy/evaluate.ts';
import { wildcardMatch } from '../policy/match.ts';
import { describeClaim, type TokenContext } from './keys.ts';
import type { ConditionOutcome, StatementOutcome, TrustAnswer } from './trust.ts';

export function trustReasons(answer: TrustAnswer, context: TokenContext, label: string): string[] {
  const reasons: string[] = [];
  const name = (o: StatementOutcome) => `${label} ${describeStatement(o.statement)}`;
  for (const deny of answer.denies.filter((o) => o.result === 'yes'))
    reasons.push(`${name(deny)} explicitly denies sts:AssumeRoleWithWebIdentity to this token`);
  const admitting = answer.allows.filter((o) => o.result === 'yes');
  if (answer.result === 'yes' || admitting.length > 0) {
    for (const allow of admitting) reasons.push(`${name(allow)} admits this token${conditionsText(allow)}`);
  } else if (answer.result === 'no') {
    if (answer.allows.length === 0) reasons.push(`${label} has no Allow statement`);
    for (const allow of answer.allows) reasons.push(...refusals(name(allow), allow, context));
  }
  for (const outcome of [...answer.allows, ...answer.denies].filter((o) => o.result === 'unknown'))
    reasons.push(...undecided(name(outcome), outcome, context));
  return reasons;
}

function conditionsText(outcome: StatementOutcome): string {
  if (outcome.conditions.length === 0) return ' (it has no conditions)';
  return ` (${outcome.conditions.map(({ condition }) => `${condition.operator} ${condition.key} ${JSON.stringify(condition.values)}`).join('; ')})`;
}

function refusals(name: string, outcome: StatementOutcome, context: TokenContext): string[] {
  if (outcome.notApplying) return [`${name} does not apply: ${outcome.notApplying}`];
  return outcome.conditions
    .filter((c) => c.answer.result === 'no')
    .map(
      (c) =>
        `${name}: condition ${describeCondition(c)} does not match ${claimText(c, context)}${hint(c, context)}`,
    );
}

function undecided(name: string, outcome: StatementOutcome, context: TokenContext): string[] {
  const partial = outcome.conditions.filter(
    (c) => c.answer.result === 'unknown' && !c.answer.because && c.claim !== undefined,
  );
  return [
    ...partial.map(
      (c) =>
        `unknown: ${name}: condition ${describeCondition(c)} matches some of the values of ${claimText(c, context)} and not others: some runs would be refused`,
    ),
    ...outcome.because.map((why) => `unknown: ${name}: ${why}`),
  ];
}

export function describeCondition({ condition }: ConditionOutcome): string {
  return `${condition.operator} ${condition.key} ${JSON.stringify(condition.values)}`;
}

/** The claim a condition reads, as the token presents it. */
function claimText(outcome: ConditionOutcome, context: TokenContext): string {
  if (outcome.claim === undefined) return `the request`;
  return `the token's ${describeClaim(outcome.claim, claimOf(outcome.claim, context))}`;
}

export function claimOf(name: string, context: TokenContext): Claim | undefined {
  return name === 'aud' ? context.audience : context.token.claims[name];
}

/** The usual causes, recognised by shape. */
function hint(outcome: ConditionOutcome, context: TokenContext): string {
  const claim = outcome.claim === undefined ? undefined : claimOf(outcome.claim, context);
  if (!claim || !('value' in claim)) return '';
  const value = claim.value;
  const values = outcome.condition.values;
  if (values.some((v) => v.toLowerCase() === value.toLowerCase() || likeIgnoringCase(v, value)))
    return `; they differ only in letter case, and ${outcome.condition.operator} compares case-sensitively: write the owner and repository as GitHub does (aws-actions/configure-aws-credentials#318)`;
  if (outcome.claim === 'sub' && /:environment:/.test(value) && values.some((v) => v.includes(':ref:')))
    return '; a job with `environment:` presents the environment in sub, not the branch (aws-actions/configure-aws-credentials#1024, github/docs#28292)';
  if (outcome.claim === 'sub' && value.endsWith(':pull_request'))
    return '; a pull_request run presents repo:OWNER/REPO:pull_request, not the branch (GitHub Docs, "OpenID Connect reference", example subject claims)';
  if (outcome.claim === 'aud')
    return '; configure-aws-credentials asks for the audience sts.amazonaws.com unless its `audience` input says otherwise (aws-actions/configure-aws-credentials#318)';
  return '';
}

function likeIgnoringCase(pattern: string, value: string): boolean {
  return (pattern.includes('*') || pattern.includes('?')) && wildcardMatch(pattern, value, true);
}
