// Resource-policy questions asked for an AWS service principal (Lambda pulling a function's image), with the
// same three-valued answers as role questions (match.ts): a form pullcheck cannot decide is `unknown`.
// Sources: IAM User Guide, "AWS JSON policy elements: Principal" (AWS service principals) and "AWS global
// condition context keys" (aws:SourceArn, aws:SourceAccount, aws:PrincipalIsAWSService, aws:PrincipalServiceName).
import type { Tri } from '../../../core/tri.ts';
import type { KnownPolicy } from './evaluate.ts';
import { activeTrace, type TraceSink, type TraceStep } from '../../../core/trace.ts';
import { layerOf, policySource, requestQuestion } from './statement-trace.ts';
import { contentsUnknown, describeStatement } from './evaluate.ts';
import type { Condition, Statement } from './document.ts';
import {
  ALLOW_WITH_NOT_PRINCIPAL,
  evaluateConditionOn,
  listMatches,
  resourceMatch,
  wildcardMatch,
  withoutSetOperator,
} from './match.ts';

export interface ServiceRequest {
  /** Lower-cased, e.g. `ecr:batchgetimage`. */
  readonly action: string;
  readonly resource: string;
  /** The service principal, e.g. `lambda.amazonaws.com`. */
  readonly service: string;
  /** Context keys the request carries, lower-cased key → value (aws:SourceArn, aws:SourceAccount). */
  readonly context: ReadonlyMap<string, string>;
  /**
   * When aws:SourceArn is known only up to its last part (a function whose name is not given): its known
   * start, and what to say when a condition depends on the rest.
   */
  readonly partialSourceArn?: { readonly prefix: string; readonly missing: string };
  /**
   * The statements are a resource control policy's, whose `"Principal": "*"` reaches every caller, service
   * principals included (AWS Organizations User Guide, "RCP syntax": Principal must be "*").
   */
  readonly everyPrincipal?: boolean;
}

export interface ServiceFinding {
  readonly result: Tri;
  readonly hits: readonly { readonly policy: KnownPolicy; readonly statement: Statement }[];
  readonly unknownBecause: readonly string[];
}

// Keys that describe an IAM caller: a request made by a service principal does not carry them
// ("AWS global condition context keys": aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalOrgID, … are
// present only when the principal is an IAM principal).
const ABSENT_FOR_SERVICES = new Set([
  'aws:principalarn',
  'aws:principalaccount',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:userid',
  'aws:username',
]);

/** Is there a statement of `effect` in these resource policies that applies to the service's request? */
export function findServiceStatements(
  policies: readonly KnownPolicy[],
  effect: 'Allow' | 'Deny',
  request: ServiceRequest,
): ServiceFinding {
  const hits: { policy: KnownPolicy; statement: Statement }[] = [];
  const unknownBecause: string[] = [];
  const trace = activeTrace(); // explain's: every statement asked is recorded
  for (const policy of policies) {
    if (!policy.document) {
      unknownBecause.push(contentsUnknown(policy));
      trace?.step(serviceStep(trace, policy, undefined, { result: 'unknown' }, effect, request));
      continue;
    }
    for (const statement of policy.document.statements) {
      if (statement.effect !== effect) continue;
      const match = matchServiceStatement(statement, request);
      trace?.step(serviceStep(trace, policy, statement, match, effect, request));
      if (match.result === 'yes') hits.push({ policy, statement });
      else if (match.result === 'unknown')
        unknownBecause.push(`${policy.label} ${describeStatement(statement)}: ${match.because}`);
    }
  }
  const result: Tri = hits.length > 0 ? 'yes' : unknownBecause.length > 0 ? 'unknown' : 'no';
  return { result, hits, unknownBecause };
}

/** One step of explain's trace for a service principal's question (core/trace.ts). */
function serviceStep(
  trace: TraceSink,
  policy: KnownPolicy,
  statement: Statement | undefined,
  match: ServiceMatch,
  effect: 'Allow' | 'Deny',
  request: ServiceRequest,
): TraceStep {
  const outcome = match.result === 'yes' ? 'matched' : match.result === 'no' ? 'not matched' : 'undecided';
  return {
    layer: layerOf(policy),
    subject: statement
      ? `Statement ${statement.index}${statement.sid ? ` (Sid ${statement.sid})` : ''}, ${statement.effect}`
      : 'the whole policy',
    source: policySource(trace, policy, statement),
    outcome,
    detail: !statement
      ? contentsUnknown(policy)
      : match.result === 'yes'
        ? `it applies to ${request.service}: this ${statement.effect === 'Allow' ? 'Allow grants' : 'Deny blocks'} it`
        : match.result === 'no'
          ? serviceFailure(statement, request)
          : (match.because ?? 'undecidable'),
    question: `${request.service} calling ${requestQuestion(request)} (${effect} statements)`,
  };
}

/** Which element of a statement kept it from applying to the service's request (traced only). */
function serviceFailure(statement: Statement, request: ServiceRequest): string {
  if (!listMatches(statement.actions, request.action, true))
    return `${statement.actions.negated ? 'NotAction' : 'Action'} ${statement.actions.patterns.join(', ')} does not apply to ${request.action}`;
  if (statement.resources && resourceMatch(statement.resources, request.resource) === 'no')
    return `${statement.resources.negated ? 'NotResource' : 'Resource'} ${statement.resources.patterns.join(', ')} does not apply to ${request.resource}`;
  if (nameService(statement, request.service).result === 'no')
    return statement.principals
      ? `${statement.principals.negated ? 'NotPrincipal' : 'Principal'} does not name ${request.service}`
      : 'has no Principal element: in a resource policy it names no one';
  const failed = statement.conditions.find((c) => serviceCondition(c, request).result === 'no');
  return failed
    ? `Condition ${failed.operator} ${failed.key} ${JSON.stringify(failed.values)} is false for ${request.service}'s request`
    : 'does not apply';
}

interface ServiceMatch {
  readonly result: Tri;
  readonly because?: string;
}

function matchServiceStatement(statement: Statement, request: ServiceRequest): ServiceMatch {
  if (!listMatches(statement.actions, request.action, true)) return { result: 'no' };
  // Resources as a role's statements match them: a policy variable leaves the statement undecided.
  const resource = statement.resources ? resourceMatch(statement.resources, request.resource) : 'yes';
  if (resource === 'no') return { result: 'no' };
  const named =
    request.everyPrincipal && statement.principals?.anyone && !statement.principals.negated
      ? { result: 'yes' as const }
      : nameService(statement, request.service);
  if (named.result === 'no') return named;
  let undecided: ServiceMatch | undefined =
    resource !== 'yes'
      ? { result: 'unknown', because: resource.because }
      : named.result === 'unknown'
        ? named
        : undefined;
  for (const condition of statement.conditions) {
    const outcome = serviceCondition(condition, request);
    if (outcome.result === 'no') return outcome;
    if (outcome.result === 'unknown') undecided ??= outcome;
  }
  return undecided ?? { result: 'yes' };
}

function nameService(statement: Statement, service: string): ServiceMatch {
  const list = statement.principals;
  if (!list) return { result: 'no' }; // a repository-policy statement without a principal names nobody
  const listed = list.services.some((entry) => entry.toLowerCase() === service);
  if (list.negated && statement.effect === 'Allow') {
    return {
      result: 'unknown',
      because: `${ALLOW_WITH_NOT_PRINCIPAL} ({"Service": "${service}"}, as the Lambda docs do)`,
    };
  }
  if (list.negated) return { result: listed || list.anyone ? 'no' : 'yes' };
  if (listed) return { result: 'yes' };
  if (list.anyone) {
    // The Lambda docs grant the service by name; whether `*` admits a service principal is not what they say.
    return {
      result: 'unknown',
      because: `Principal "*" does not name ${service}; grant it by name ({"Service": "${service}"}) as the Lambda docs do`,
    };
  }
  return { result: 'no' };
}

function serviceCondition(condition: Condition, request: ServiceRequest): ServiceMatch {
  const key = condition.key.toLowerCase();
  if (key === 'aws:sourcearn' && !request.context.has(key) && request.partialSourceArn)
    return partialArnCondition(condition, request.partialSourceArn);
  let value: string | undefined | 'unknown';
  if (key === 'aws:principalisawsservice') value = 'true';
  else if (key === 'aws:principalservicename') value = request.service;
  else if (request.context.has(key)) value = request.context.get(key);
  else value = ABSENT_FOR_SERVICES.has(key) ? undefined : 'unknown';
  const { operator } = withoutSetOperator(condition.operator);
  if (value === undefined && /not/.test(operator) && !operator.endsWith('ifexists')) {
    // A negated operator over a key the request lacks: not decided here rather than guessed.
    return {
      result: 'unknown',
      because: `condition ${condition.operator} on ${condition.key}, a key ${request.service} does not send`,
    };
  }
  const outcome = evaluateConditionOn(condition, value, ' (not known before the request is made)');
  return outcome.result === 'unknown'
    ? { result: 'unknown', because: outcome.unknownBecause ?? 'undecidable' }
    : { result: outcome.result };
}

/**
 * A condition on an ARN known only as `prefix` + an unknown last part: `yes` when some pattern matches every
 * such ARN (it ends in `*` and matches the prefix itself), `no` when no pattern can match any of them (its
 * literal start leaves the prefix), otherwise it depends on the unknown part.
 */
function partialArnCondition(
  condition: Condition,
  partial: { readonly prefix: string; readonly missing: string },
): ServiceMatch {
  const operator = withoutSetOperator(condition.operator).operator.replace(/ifexists$/, '');
  const like = /like$|^arn/.test(operator);
  const negated = /not/.test(operator);
  const ignoreCase = operator.endsWith('ignorecase');
  const fold = (text: string) => (ignoreCase ? text.toLowerCase() : text);
  const prefix = fold(partial.prefix);
  const known = /^(string|arn)(not)?(equals|like)(ignorecase)?$/.test(operator);
  if (!known)
    return {
      result: 'unknown',
      because: `condition ${condition.operator} on ${condition.key}: ${partial.missing}`,
    };
  let coversAll = false;
  let couldMatch = false;
  for (const value of condition.values.map(fold)) {
    const literal = like ? (/^[^*?]*/.exec(value)?.[0] ?? '') : value;
    if (like && value.endsWith('*') && wildcardMatch(value, prefix)) coversAll = true;
    if (literal.startsWith(prefix) || prefix.startsWith(literal)) couldMatch = true;
  }
  if (!coversAll && couldMatch) {
    return {
      result: 'unknown',
      because: `condition ${condition.operator} on ${condition.key}: ${partial.missing}`,
    };
  }
  return { result: coversAll !== negated ? 'yes' : 'no' };
}
