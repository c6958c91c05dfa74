// The steps of `pullcheck explain`'s trace for IAM statements (core/trace.ts): which statement of which policy
// was asked what, whether it matched, and — when it did not — the element that failed and the value it saw.
// Built only while a trace is active: a check never reaches this module's functions.
import { isReadLive } from '../../../core/live-facts.ts';
import type { TraceSink, TraceSource, TraceStep } from '../../../core/trace.ts';
import type { Condition, PatternList, Statement } from './document.ts';
import type { KnownPolicy } from './evaluate.ts';
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

/** "Allow statements for ecr:batchgetimage on arn:…", with the ways of naming the caller that count. */
export function questionText({ effect, request, accept }: TracedQuestion): string {
  const naming = ACCEPT_WORDS.get(accept);
  return `${effect} statements${naming ? ` ${naming}` : ''} for ${request.action} on ${request.resource}`;
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
    question: questionText(question),
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
      match.result === 'yes'
        ? matchedDetail(statement, match, question)
        : match.result === 'no'
          ? failedDetail(statement, match, question)
          : (match.unknownBecause ?? 'undecidable'),
    question: questionText(question),
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
  const parts = [`Action matches ${question.request.action}`];
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
      return listFailure(statement.actions, 'Action', request.action);
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
