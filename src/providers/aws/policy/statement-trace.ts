// The steps of `pullcheck explain`'s trace for IAM statements (core/trace.ts): which statement of which policy
// was asked what, whether it matched, and — when it did not — the element that failed and the value it saw.
// Built only while a trace is active: a check never reaches this module's functions.
import { isReadLive } from '../../../core/live-facts.ts';
import type { TraceSink, TraceSource, TraceStep } from '../../../core/trace.ts';
import type { Condition, PatternList, Statement } from './document.ts';
import type { KnownPolicy } from './evaluate.ts';
import { PULL_ACTIONS, PUSH_ACTIONS, TOKEN_ACTION } from '../ecr-actions.ts';
import {
  ACCEPT,
  contextValue,
  matchStatement,
  type AcceptPrincipal,
  type Request,
  type StatementMatch,
} from './match.ts';

/** What findStatements was asked: statements of one effect, for one request, naming the caller one way. */
export interface TracedQuestion {
  readonly effect: 'Allow' | 'Deny';
  readonly request: Request;
  readonly accept: AcceptPrincipal;
}

const ACCEPT_WORDS = new Map<AcceptPrincipal, string>([
  [ACCEPT.named, 'naming the caller'],
  [ACCEPT.role, 'naming the role ARN'],
  [ACCEPT.direct, 'naming a session of the role or *'],
]);

// The actions pullcheck asks about, as AWS spells them (requests carry them lower-cased).
const ACTION_NAMES = new Map(
  [
    ...PULL_ACTIONS,
    ...PUSH_ACTIONS,
    TOKEN_ACTION,
    'ecr:BatchImportUpstreamImage',
    'ecr:CreateRepository',
  ].map((name) => [name.toLowerCase(), name]),
);

/** An action as AWS spells it: `ecr:BatchGetImage`. */
function actionText(action: string): string {
  return ACTION_NAMES.get(action) ?? action;
}

/** "ecr:BatchGetImage on arn:…": every step about one action of a pull shares it. */
export function requestQuestion(request: { readonly action: string; readonly resource: string }): string {
  return `${actionText(request.action)} on ${request.resource}`;
}

/** Which statements count for a resource policy's question, when not all do ("naming the role ARN"). */
function countedText(accept: AcceptPrincipal): string {
  const naming = ACCEPT_WORDS.get(accept);
  return naming ? ` (counted here: statements ${naming})` : '';
}

/** A policy whose document is not known: one undecided step for all of it. */
export function policyStep(
  trace: TraceSink,
  policy: KnownPolicy,
  question: TracedQuestion,
  why: string,
): TraceStep {
  return {
    layer: layerOf(policy),
    subject: 'the whole policy',
    source: policySource(trace, policy, undefined),
    outcome: 'undecided',
    detail: why,
    question: requestQuestion(question.request),
  };
}

/** A policy none of whose statements has the effect asked about: said, so no policy is silently passed over. */
export function noStatementStep(trace: TraceSink, policy: KnownPolicy, question: TracedQuestion): TraceStep {
  const builtIn = /AWS-managed/.test(policy.label) || policy.label.includes(':iam::aws:policy/');
  return {
    layer: layerOf(policy),
    subject: `no ${question.effect} statement`,
    source: policySource(trace, policy, undefined),
    outcome: 'not matched',
    detail: builtIn
      ? `the policy has no ${question.effect} statement that can bear on ECR actions (pullcheck's built-in copy keeps only those)`
      : `the policy has no ${question.effect} statement`,
    question: requestQuestion(question.request),
  };
}

export function statementStep(
  trace: TraceSink,
  policy: KnownPolicy,
  statement: Statement,
  match: StatementMatch,
  question: TracedQuestion,
): TraceStep {
  const outcome = match.result === 'yes' ? 'matched' : match.result === 'no' ? 'not matched' : 'undecided';
  return {
    layer: layerOf(policy),
    subject: `Statement ${statement.index}${statement.sid ? ` (Sid ${statement.sid})` : ''}, ${statement.effect}`,
    source: policySource(trace, policy, statement),
    outcome,
    detail:
      (match.result === 'yes'
        ? matchedDetail(statement, match, question)
        : match.result === 'no'
          ? failedDetail(statement, match, question)
          : (match.unknownBecause ?? 'undecidable')) + countedText(question.accept),
    question: requestQuestion(question.request),
  };
}

export function layerOf(policy: KnownPolicy): string {
  return policy.origin?.layer ?? (policy.control ? policy.control.toUpperCase() : 'policy');
}

/** Where the policy (and the statement, when given) is written, or the call that read it. */
export function policySource(
  trace: TraceSink,
  policy: KnownPolicy,
  statement: Statement | undefined,
): TraceSource {
  const origin = policy.origin;
  if (origin?.unread || (origin?.written && isReadLive(origin.written)))
    return { label: policy.label, ...(origin.call ? { live: origin.call } : {}) };
  const where = origin?.written?.where;
  if (!where) {
    // An AWS-managed policy: its statements are pullcheck's built-in copy of AWS's document.
    const builtIn = policy.document !== undefined && origin !== undefined;
    return { label: builtIn ? `${policy.label} (AWS-managed; pullcheck's built-in copy)` : policy.label };
  }
  const path = statement ? statementPath(statement, policy) : [];
  const line = path.length > 0 ? trace.lineOf?.(where, path) : undefined;
  return { label: policy.label, file: where.file, line: line ?? where.line };
}

function statementPath(statement: Statement, policy: KnownPolicy): (string | number)[] {
  return Array.isArray(policy.document?.raw['Statement'])
    ? ['Statement', statement.index - 1]
    : ['Statement'];
}

function matchedDetail(statement: Statement, match: StatementMatch, question: TracedQuestion): string {
  const parts = [`Action matches ${actionText(question.request.action)}`];
  if (statement.resources) parts.push(`Resource matches ${question.request.resource}`);
  if (statement.principals) parts.push(`Principal names the caller (${match.principal})`);
  if (statement.conditions.length > 0) parts.push('every Condition holds');
  const effect = statement.effect === 'Allow' ? 'this Allow grants it' : 'this Deny blocks it';
  return `${parts.join('; ')}: ${effect}`;
}

function failedDetail(statement: Statement, match: StatementMatch, question: TracedQuestion): string {
  const { request } = question;
  switch (match.failed) {
    case 'Action':
      return listFailure(statement.actions, 'Action', actionText(request.action));
    case 'Resource':
      return listFailure(statement.resources!, 'Resource', request.resource);
    case 'Principal':
      return principalDetail(statement, question);
    case undefined:
      return 'does not apply';
    default:
      return conditionDetail(match.failed, request);
  }
}

function principalDetail(statement: Statement, { request, accept }: TracedQuestion): string {
  const list = statement.principals;
  if (!list) return 'has no Principal element: in a resource policy it names no one';
  const written = [...(list.anyone ? ['*'] : []), ...list.aws, ...list.services, ...list.federated];
  const element = `${list.negated ? 'NotPrincipal' : 'Principal'} ${written.join(', ') || '(none)'}`;
  // Named some other way than this question counts (the account, where only the role ARN grants)?
  const anyWay = matchStatement(statement, request, ACCEPT.any);
  if (anyWay.result !== 'no' && accept !== ACCEPT.any)
    return `${element} names the caller as ${anyWay.principal === 'none' ? 'someone' : `its ${anyWay.principal}`}, which does not count here (${ACCEPT_WORDS.get(accept) ?? 'this question'})`;
  return `${element} does not name ${request.caller.arn}`;
}

function conditionDetail(condition: Condition, request: Request): string {
  const seen = contextValue(condition.key, request.caller);
  const value = seen === undefined ? 'absent from the request' : JSON.stringify(seen);
  return `Condition ${condition.operator} ${condition.key} ${JSON.stringify(condition.values)} is false: the request's ${condition.key} is ${value}`;
}

function listFailure(list: PatternList, element: string, value: string): string {
  const patterns = list.patterns.join(', ');
  return list.negated
    ? `Not${element} ${patterns} excludes ${value}`
    : `${element} ${patterns} does not cover ${value}`;
}
