// A role's trust policy asked one question: may this predicted GitHub token call
// sts:AssumeRoleWithWebIdentity on it? Three-valued per statement, with the conditions that decided it.
// Sources: IAM User Guide, "Creating a role for web identity or OpenID Connect federation" and "Policy
// evaluation logic" (an explicit Deny wins; an Allow is needed; conditions in a statement are ANDed).
import type { Tri } from '../../../core/tri.ts';
import type { Condition, PolicyDocument, Statement } from '../policy/document.ts';
import { ALLOW_WITH_NOT_PRINCIPAL, listMatches } from '../policy/match.ts';
import { conditionOverClaim, type ConditionAnswer } from './claim-match.ts';
import { keyValue, type TokenContext } from './keys.ts';

export const WEB_IDENTITY_ACTION = 'sts:assumerolewithwebidentity';

export interface ConditionOutcome {
  readonly condition: Condition;
  readonly answer: ConditionAnswer;
  /** The claim the key reads (`sub`, `aud`), when it reads one. */
  readonly claim?: string;
}

export interface StatementOutcome {
  readonly statement: Statement;
  readonly result: Tri;
  /** The statement names the token's provider (or everyone) for sts:AssumeRoleWithWebIdentity. */
  readonly appliesToProvider: boolean;
  /** Why it does not apply, when it fails before its conditions (action, principal). */
  readonly notApplying?: string;
  readonly conditions: readonly ConditionOutcome[];
  readonly because: readonly string[];
}

export interface TrustAnswer {
  /** `yes` when an Allow admits every token of the prediction and no Deny can refuse one. */
  readonly result: Tri;
  readonly allows: readonly StatementOutcome[];
  readonly denies: readonly StatementOutcome[];
}

export function evaluateTrust(document: PolicyDocument, context: TokenContext): TrustAnswer {
  const outcomes = document.statements.map((statement) => statementOutcome(statement, context));
  const allows = outcomes.filter((o) => o.statement.effect === 'Allow');
  const denies = outcomes.filter((o) => o.statement.effect === 'Deny');
  const anyIs = (list: readonly StatementOutcome[], result: Tri) => list.some((o) => o.result === result);
  let result: Tri;
  if (anyIs(denies, 'yes')) result = 'no';
  else if (!anyIs(allows, 'yes') && !anyIs(allows, 'unknown')) result = 'no';
  else if (anyIs(allows, 'yes') && !anyIs(denies, 'unknown')) result = 'yes';
  else result = 'unknown';
  return { result, allows, denies };
}

function statementOutcome(statement: Statement, context: TokenContext): StatementOutcome {
  const base = { statement, conditions: [] as ConditionOutcome[] };
  if (!listMatches(statement.actions, WEB_IDENTITY_ACTION, true)) {
    const actions = statement.actions.patterns.join(', ');
    return {
      ...base,
      result: 'no',
      appliesToProvider: false,
      notApplying: `it allows ${actions}, not sts:AssumeRoleWithWebIdentity`,
      because: [],
    };
  }
  const named = namesProvider(statement, context.providerArn);
  if (named.result === 'no')
    return { ...base, result: 'no', appliesToProvider: false, notApplying: named.because, because: [] };
  const because: string[] = named.result === 'unknown' ? [named.because] : [];
  const conditions = statement.conditions.map((condition) => conditionOutcome(condition, context));
  let result: Tri = named.result;
  for (const { answer } of conditions) {
    if (answer.result === 'no') result = 'no';
    else if (answer.result === 'unknown' && result !== 'no') {
      result = 'unknown';
      if (answer.because) because.push(answer.because);
    }
  }
  return { statement, result, appliesToProvider: true, conditions, because };
}

function namesProvider(statement: Statement, providerArn: string): { result: Tri; because: string } {
  const list = statement.principals;
  if (!list) return { result: 'no', because: 'it has no Principal' };
  const listed = list.federated.some((entry) => entry.toLowerCase() === providerArn.toLowerCase());
  if (list.negated) {
    if (statement.effect === 'Allow') return { result: 'unknown', because: ALLOW_WITH_NOT_PRINCIPAL };
    return { result: listed || list.anyone ? 'no' : 'yes', because: 'NotPrincipal excludes the provider' };
  }
  if (listed) return { result: 'yes', because: '' };
  if (list.anyone) {
    return {
      result: 'unknown',
      because: `Principal "*" does not name the OIDC provider; name it: {"Federated": "${providerArn}"}`,
    };
  }
  const named = [...list.federated, ...list.aws, ...list.services];
  return {
    result: 'no',
    because: `its Principal names ${named.join(', ') || 'no one'}, not the OIDC provider ${providerArn}`,
  };
}

const MATCHES: Record<Tri, string> = { yes: 'holds', no: 'fails', unknown: 'may hold' };

/**
 * A condition on a key IAM may or may not carry is decided only when both give the same answer (keys.ts).
 */
function conditionOutcome(condition: Condition, context: TokenContext): ConditionOutcome {
  const value = keyValue(condition.key, context);
  if ('known' in value) {
    const answer = conditionOverClaim(condition, value.known);
    return { condition, answer, ...(value.claim ? { claim: value.claim } : {}) };
  }
  const carried = conditionOverClaim(condition, value.ifCarried);
  const absent = conditionOverClaim(condition, { absent: true });
  if (carried.result === absent.result) return { condition, answer: carried, claim: value.undocumented };
  return {
    condition,
    claim: value.undocumented,
    answer: {
      result: 'unknown',
      because:
        `condition ${condition.operator} on ${condition.key}: IAM documents aud and sub as this provider's keys, and whether it carries GitHub's ${value.undocumented} claim into the request is not settled` +
        ` (aws-actions/configure-aws-credentials#306, #912 report such conditions never matching): the condition ${MATCHES[carried.result]} if IAM carries it and ${MATCHES[absent.result]} if not; condition on sub instead`,
    },
  };
}
