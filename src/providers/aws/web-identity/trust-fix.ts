// The smallest change to a trust policy that lets a refused token in: the token's exact sub (or aud) added to
// the condition that refused it, in the statement closest to admitting it; else a new statement naming the
// provider with the token's aud and sub. The whole document goes to `aws iam update-assume-role-policy`,
// which replaces the trust policy.
import { shellQuoted } from '../../../core/outgoing-text.ts';
import type { MissingGrant } from '../../../core/verdict.ts';
import type { RoleArn } from '../arn.ts';
import { describeStatement } from '../policy/evaluate.ts';
import { withoutSetOperator } from '../policy/match.ts';
import type { TokenContext } from './keys.ts';
import { claimOf } from './trust-reasons.ts';
import type { ConditionOutcome, TrustAnswer } from './trust.ts';

type Json = Record<string, unknown>;
const FIXABLE_CLAIMS = new Set(['sub', 'aud']);
const ADDABLE = new Set(['stringequals', 'stringlike', 'stringequalsignorecase']);

export function trustFix(
  answer: TrustAnswer,
  context: TokenContext,
  role: RoleArn,
  raw: Readonly<Record<string, unknown>>,
): MissingGrant {
  const deny = answer.denies.find((o) => o.result === 'yes');
  if (deny) {
    return {
      side: 'trust',
      permissions: ['sts:AssumeRoleWithWebIdentity'],
      explicitDeny: true,
      fix: {
        text: `${describeStatement(deny.statement)} of the trust policy of ${role.name} denies this login; an explicit Deny overrides every Allow: narrow it or remove it.`,
        snippets: { json: JSON.stringify(deny.statement.raw, null, 2) },
      },
    };
  }
  const statements = statementList(raw);
  const amended = amendClosest(answer, context);
  const what =
    amended?.what ??
    "add a statement that admits the provider's tokens with the aud and sub this token presents";
  const statement = amended?.statement ?? newStatement(context);
  const index = amended ? amended.index : statements.length;
  const document = { ...raw, Statement: Object.assign([...statements], { [index]: statement }) };
  const subClaim = context.token.claims['sub'];
  const exact = subClaim !== undefined && !('unknown' in subClaim);
  return {
    side: 'trust',
    permissions: ['sts:AssumeRoleWithWebIdentity'],
    fix: {
      text:
        `Let ${context.token.trigger} assume ${role.name}: ${what} in its trust policy (update-assume-role-policy replaces the whole trust policy: the command below holds the current one with the change).` +
        (exact ? '' : " The token's sub is not known exactly: check the value before applying it."),
      snippets: {
        json: JSON.stringify({ Condition: statement['Condition'] }, null, 2),
        cli: `aws iam update-assume-role-policy --role-name ${role.name} --policy-document ${shellQuoted(JSON.stringify(document))}`,
      },
    },
  };
}

function statementList(raw: Readonly<Record<string, unknown>>): unknown[] {
  const written = raw['Statement'];
  return Array.isArray(written) ? [...written] : [written];
}

interface Amended {
  readonly index: number;
  readonly statement: Json;
  readonly what: string;
}

/** The applicable Allow statement refused only by sub/aud conditions that can take one more value. */
function amendClosest(answer: TrustAnswer, context: TokenContext): Amended | undefined {
  const candidates = answer.allows
    .filter((o) => o.appliesToProvider && o.result === 'no')
    .map((o) => ({ outcome: o, failing: o.conditions.filter((c) => c.answer.result === 'no') }))
    .filter(({ failing }) => failing.length > 0 && failing.every((c) => fixable(c, context)))
    .sort((a, b) => a.failing.length - b.failing.length);
  const best = candidates[0];
  if (!best) return undefined;
  const statement = structuredClone(best.outcome.statement.raw) as Json;
  const changes: string[] = [];
  for (const failing of best.failing) {
    const change = addValue(statement, failing, context);
    if (!change) return undefined;
    changes.push(change);
  }
  // IAM refuses a trust policy for this provider without a sub condition (warnings.ts): the fix adds one.
  const scoped = best.outcome.conditions.some(
    (c) => (c.claim === 'sub' || c.claim === 'job_workflow_ref') && !/not/i.test(c.condition.operator),
  );
  if (!scoped) {
    const sub = newStatement(context)['Condition'] as Record<string, Json>;
    const conditions = (statement['Condition'] ??= {}) as Record<string, Json>;
    for (const [operator, block] of Object.entries(sub)) {
      const key = `${context.issuer}:sub`;
      if (block[key] !== undefined) conditions[operator] = { ...conditions[operator], [key]: block[key] };
    }
    changes.push(`add a condition on ${context.issuer}:sub (IAM refuses an update without one)`);
  }
  return {
    index: best.outcome.statement.index - 1,
    statement,
    what: `${changes.join(' and ')} of ${describeStatement(best.outcome.statement)}`,
  };
}

function fixable(outcome: ConditionOutcome, context: TokenContext): boolean {
  if (!outcome.claim || !FIXABLE_CLAIMS.has(outcome.claim)) return false;
  const claim = claimOf(outcome.claim, context);
  if (!claim || 'unknown' in claim) return false;
  const { operator } = withoutSetOperator(outcome.condition.operator);
  return ADDABLE.has(operator);
}

/** Adds the claim to the condition; a pattern moves a StringEquals condition's values to StringLike. */
function addValue(statement: Json, outcome: ConditionOutcome, context: TokenContext): string | undefined {
  const claim = claimOf(outcome.claim!, context)!;
  const value = 'value' in claim ? claim.value : 'pattern' in claim ? claim.pattern : undefined;
  if (value === undefined) return undefined;
  const conditions = statement['Condition'] as Record<string, Record<string, unknown>>;
  const { condition } = outcome;
  const block = conditions[condition.operator]!;
  const values = [...condition.values, value];
  const toLike = 'pattern' in claim && withoutSetOperator(condition.operator).operator !== 'stringlike';
  if (!toLike) {
    block[condition.key] = values;
    return `add "${value}" to the ${condition.operator} condition on ${condition.key}`;
  }
  const like = (conditions['StringLike'] ??= {});
  if (like[condition.key] !== undefined) return undefined;
  delete block[condition.key];
  if (Object.keys(block).length === 0) delete conditions[condition.operator];
  like[condition.key] = values;
  return `move the ${condition.key} values to a StringLike condition with "${value}" added`;
}

function newStatement(context: TokenContext): Json {
  const sub = context.token.claims['sub'];
  const aud = context.audience;
  const exact: Json = {};
  const like: Json = {};
  const put = (name: string, claim: typeof sub) => {
    if (!claim) return;
    if ('value' in claim) exact[`${context.issuer}:${name}`] = claim.value;
    else if ('pattern' in claim) like[`${context.issuer}:${name}`] = claim.pattern;
    else exact[`${context.issuer}:${name}`] = `SUB-OF-THE-RUN (not known offline: see the reasons)`;
  };
  put('aud', aud);
  put('sub', sub);
  return {
    Effect: 'Allow',
    Principal: { Federated: context.providerArn },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      ...(Object.keys(exact).length > 0 ? { StringEquals: exact } : {}),
      ...(Object.keys(like).length > 0 ? { StringLike: like } : {}),
    },
  };
}
