// Three-valued matching of one IAM statement against one request. "unknown" is a first-class answer:
// a condition on a key pullcheck cannot know, or a principal form it cannot decide, never becomes yes/no.
import type { Condition, PatternList, PrincipalList, Statement } from './document.ts';
import type { Tri } from '../../../core/tri.ts';
import { wildcardMatches } from '../../../core/wildcard.ts';

/** The calling role, as resource policies and conditions see it. */
export interface CallingRole {
  readonly arn: string;
  readonly partition: string;
  readonly account: string;
  readonly name: string;
  /** Organization id of the role's account, when the facts give it. */
  readonly organizationId?: string;
  /** The role has a permissions boundary (NotPrincipal then never exempts it). */
  readonly hasPermissionsBoundary: boolean;
  /**
   * The caller is some principal of `account` whose ARN is not known (who deploys a Lambda function): a name
   * for the account, or `*`, reaches it; a name for one principal in the account leaves it unknown.
   */
  readonly unnamed?: boolean;
}

export interface Request {
  /** Lower-cased, e.g. `ecr:batchgetimage`. */
  readonly action: string;
  /** The resource ARN, or `*` for actions without a resource (ecr:GetAuthorizationToken). */
  readonly resource: string;
  readonly caller: CallingRole;
}

/**
 * How a resource policy's principal element names the caller. Only `role`, `session` and `anyone` grant by
 * themselves within the account; `account` delegates to IAM (IAM User Guide, "Cross account resource access").
 */
export type PrincipalMatch = 'anyone' | 'account' | 'role' | 'session' | 'none';

/** Which ways of naming the caller count for the question being asked (e.g. same-account grants). */
export type AcceptPrincipal = (match: PrincipalMatch) => boolean;

/**
 * The questions asked of resource policies, by the ways of naming the caller they count. Named constants, so
 * that answers can be remembered per question (evaluate.ts).
 */
export const ACCEPT = {
  any: () => true,
  /** The caller is named at all: its role, a session of it, its account or `*`. */
  named: (match) => match !== 'none',
  role: (match) => match === 'role',
  /** Names that grant within the account without IAM's say: a session of the role, or `*`. */
  direct: (match) => match === 'session' || match === 'anyone',
} as const satisfies Record<string, AcceptPrincipal>;
const acceptAny: AcceptPrincipal = ACCEPT.any;

export interface StatementMatch {
  readonly result: Tri;
  readonly principal: PrincipalMatch;
  /** Why the answer is unknown (the condition key or principal form that could not be decided). */
  readonly unknownBecause?: string;
  /** When the answer is no: the element that failed first (for `pullcheck explain`'s trace). */
  readonly failed?: 'Action' | 'Resource' | 'Principal' | Condition;
}

// The no-answers that name no condition: shared, so a failed match allocates nothing.
const NO_ACTION: StatementMatch = { result: 'no', principal: 'none', failed: 'Action' };
const NO_RESOURCE: StatementMatch = { result: 'no', principal: 'none', failed: 'Resource' };
const NO_PRINCIPAL: StatementMatch = { result: 'no', principal: 'none', failed: 'Principal' };

/** IAM wildcard match: `*` any run, `?` one character (in time linear in practice: core/wildcard.ts). */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  if (pattern === '*') return true;
  return ignoreCase
    ? wildcardMatches(pattern.toLowerCase(), value.toLowerCase())
    : wildcardMatches(pattern, value);
}

export function listMatches(list: PatternList, value: string, ignoreCase: boolean): boolean {
  const hit = list.patterns.some((pattern) => wildcardMatch(pattern, value, ignoreCase));
  return list.negated ? !hit : hit;
}

/**
 * Resource/NotResource with policy variables (`${aws:username}`, `${aws:PrincipalTag/team}`, …): their value
 * comes from the request context, which pullcheck does not know, so such a pattern neither matches nor
 * fails to (IAM User Guide, "IAM policy elements: Variables and tags"). Plain patterns still decide.
 */
export function resourceMatch(list: PatternList, resource: string): 'yes' | 'no' | { because: string } {
  const variable = (pattern: string) => pattern.includes('${');
  const plain = list.patterns.filter((pattern) => !variable(pattern));
  const hit = plain.some((pattern) => wildcardMatch(pattern, resource, false));
  const withVariables = list.patterns.filter(variable);
  if (hit || withVariables.length === 0) return hit !== list.negated ? 'yes' : 'no';
  return {
    because: `${list.negated ? 'NotResource' : 'Resource'} ${withVariables[0]} holds a policy variable, whose value comes from the request context (IAM User Guide, "IAM policy elements: Variables and tags"): give the pull's resource ARN in the policy, or the variable's value is unknown`,
  };
}

export function matchStatement(
  statement: Statement,
  request: Request,
  acceptPrincipal: AcceptPrincipal = acceptAny,
): StatementMatch {
  // Action names are case-insensitive; ARNs are matched case-sensitively (IAM User Guide, "Resource").
  if (!listMatches(statement.actions, request.action, true)) return NO_ACTION;
  const resource = statement.resources ? resourceMatch(statement.resources, request.resource) : 'yes';
  if (resource === 'no') return NO_RESOURCE;
  // Principal and conditions are ANDed: one that does not match decides "no" even when another part is
  // undecided (IAM User Guide, "Condition": multiple conditions are evaluated using a logical AND).
  let principal: PrincipalMatch = 'none';
  let undecided: StatementMatch | undefined =
    resource === 'yes'
      ? undefined
      : { result: 'unknown', principal: 'none', unknownBecause: resource.because };
  // A resource-policy statement without Principal names no one ("You must use the Principal element in
  // resource-based policies", IAM User Guide, "AWS JSON policy elements: Principal"); identity policies ask
  // with ACCEPT.any, which takes it as theirs.
  if (!statement.principals && !acceptPrincipal('none')) return NO_PRINCIPAL;
  if (statement.principals) {
    const named =
      statement.effect === 'Allow' && statement.principals.negated
        ? { result: 'unknown' as const, principal: 'none' as const, unknownBecause: ALLOW_WITH_NOT_PRINCIPAL }
        : namePrincipal(statement.principals, request.caller, acceptPrincipal);
    if (named.result === 'no') return NO_PRINCIPAL;
    if (named.result === 'unknown') undecided = { ...named, principal: 'none' };
    else principal = named.principal;
  }
  for (const condition of statement.conditions) {
    const outcome = evaluateCondition(condition, request.caller);
    if (outcome.result === 'no') return { result: 'no', principal: 'none', failed: condition };
    if (outcome.result === 'unknown') undecided ??= { ...outcome, principal };
  }
  return undecided ?? { result: 'yes', principal };
}

/**
 * "NotPrincipal must be used with "Effect":"Deny". Using it with "Effect":"Allow" is not supported." (IAM User
 * Guide, "AWS JSON policy elements: NotPrincipal"): such a statement is never counted as a grant.
 */
export const ALLOW_WITH_NOT_PRINCIPAL =
  'NotPrincipal with "Effect": "Allow" is not supported (IAM User Guide, "AWS JSON policy elements: NotPrincipal"): name the principal in Principal instead';

// A role ARN, `*` or the account decides by itself; a session ARN only for the one session it names.
const DECIDING_FORMS: readonly PrincipalMatch[] = ['role', 'anyone', 'account'];

function namePrincipal(list: PrincipalList, caller: CallingRole, accept: AcceptPrincipal): StatementMatch {
  if (list.negated) return excludedByNotPrincipal(list, caller, accept);
  const forms = list.aws.map((entry) => principalForm(entry, caller));
  if (list.anyone) forms.push('anyone');
  const deciding = DECIDING_FORMS.find((form) => forms.includes(form) && accept(form));
  if (deciding) return { result: 'yes', principal: deciding };
  if (caller.unnamed) return unnamedCaller(list, caller, 'names only');
  const session = list.aws.find((entry) => principalForm(entry, caller) === 'session');
  if (session !== undefined && accept('session')) return sessionOnly(session, caller);
  return { result: 'no', principal: 'none' };
}

/**
 * "When you specify an assumed-role session in a Principal element, you cannot use a wildcard "*" to mean all
 * sessions. Principals must always name a specific session." (IAM User Guide, "AWS JSON policy elements:
 * Principal", role session principals). Nodes and tasks pull under sessions named per instance or task, which
 * are not known offline: whether the named session is the pulling one is unknown.
 */
function sessionOnly(session: string, caller: CallingRole): StatementMatch {
  return {
    result: 'unknown',
    principal: 'session',
    unknownBecause:
      `names only the role session ${session}; a session principal names one session, and the session names` +
      ` ${caller.name} pulls under (one per node or task) are not known offline: name the role ARN ${caller.arn} instead`,
  };
}

/**
 * NotPrincipal (IAM User Guide, "AWS JSON policy elements: NotPrincipal"):
 * - it "will always deny any IAM principal that has a permissions boundary policy attached, regardless of the
 *   values specified in the NotPrincipal element";
 * - requests come from the assumed-role session, and AWS "might validate the account first, then the role, and
 *   then the assumed-role user": a role ARN without its session (or without the account) does not exempt it;
 * - a listed session exempts that one session only, so the role's pulls are exempt only if they use it.
 */
function excludedByNotPrincipal(
  list: PrincipalList,
  caller: CallingRole,
  accept: AcceptPrincipal,
): StatementMatch {
  const applies: StatementMatch = accept('anyone')
    ? { result: 'yes', principal: 'anyone' }
    : { result: 'no', principal: 'none' };
  if (caller.hasPermissionsBoundary) return applies;
  if (list.anyone) return { result: 'no', principal: 'none' };
  if (caller.unnamed && applies.result === 'yes') {
    const exempt = unnamedCaller(list, caller, 'NotPrincipal exempts');
    return exempt.result === 'no' ? applies : { ...exempt, principal: 'anyone' };
  }
  const forms = new Set(list.aws.map((entry) => principalForm(entry, caller)));
  if (applies.result === 'yes' && forms.has('role') && forms.has('account') && !forms.has('session')) {
    // The docs give the order AWS "might" check in, not a rule: listing the role and its account without
    // the session may or may not exempt the pull (issue 17).
    return {
      result: 'unknown',
      principal: 'anyone',
      unknownBecause: `NotPrincipal lists ${caller.name} and account ${caller.account} but not the assumed-role session its pulls run under; the IAM docs say AWS "might validate the account first, then the role, and then the assumed-role user", so whether this Deny applies is not settled: exclude the role with an ArnNotEquals aws:PrincipalArn condition instead`,
    };
  }
  if (!(forms.has('session') && forms.has('account')) || applies.result === 'no') return applies;
  const sessions = list.aws.filter((entry) => principalForm(entry, caller) === 'session');
  return {
    result: 'unknown',
    principal: 'anyone',
    unknownBecause:
      `NotPrincipal exempts only the session(s) ${sessions.join(', ')} of ${caller.name}; the session names it pulls` +
      ` under (one per node or task) are not known offline: exclude the role with an ArnNotEquals aws:PrincipalArn condition instead`,
  };
}

/** An unnamed caller and a list naming principals of its account: whether it is one of them is not known. */
function unnamedCaller(list: PrincipalList, caller: CallingRole, verb: string): StatementMatch {
  const ofAccount = list.aws.filter(
    (entry) =>
      entry === caller.account ||
      entry.startsWith(`arn:${caller.partition}:iam::${caller.account}:`) ||
      entry.startsWith(`arn:${caller.partition}:sts::${caller.account}:`),
  );
  if (ofAccount.length === 0) return { result: 'no', principal: 'none' };
  return {
    result: 'unknown',
    principal: 'none',
    unknownBecause: `${verb} ${ofAccount.join(', ')} of account ${caller.account}; whether ${caller.name} is one of them is not known`,
  };
}

function principalForm(entry: string, caller: CallingRole): PrincipalMatch {
  if (entry === caller.account || entry === `arn:${caller.partition}:iam::${caller.account}:root`)
    return 'account';
  if (entry.toLowerCase() === caller.arn.toLowerCase()) return 'role';
  const session = /^arn:[a-z-]+:sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(entry);
  if (session && session[1] === caller.account && session[2]?.toLowerCase() === caller.name.toLowerCase()) {
    return 'session';
  }
  return 'none';
}

/** Values of the global condition keys a pull request carries, as far as pullcheck can know them. */
export function contextValue(key: string, caller: CallingRole): string | undefined | 'unknown' {
  switch (key.toLowerCase()) {
    case 'aws:principalaccount':
      return caller.account;
    case 'aws:principalarn':
      if (caller.unnamed) return 'unknown';
      return caller.arn; // for an assumed-role session, aws:PrincipalArn is the role ARN
    case 'aws:principalorgid':
      return caller.organizationId ?? 'unknown';
    case 'aws:principaltype':
      return caller.unnamed ? 'unknown' : 'AssumedRole';
    case 'aws:principalisawsservice':
      return 'false';
    case 'aws:username': // "included in the request context for IAM users" only: a role session has none
      return caller.unnamed ? 'unknown' : undefined;
    default:
      return 'unknown';
  }
}

export const STRING_OPERATORS: Record<string, { like: boolean; negated: boolean; ignoreCase: boolean }> = {
  stringequals: { like: false, negated: false, ignoreCase: false },
  stringnotequals: { like: false, negated: true, ignoreCase: false },
  stringequalsignorecase: { like: false, negated: false, ignoreCase: true },
  stringnotequalsignorecase: { like: false, negated: true, ignoreCase: true },
  stringlike: { like: true, negated: false, ignoreCase: false },
  stringnotlike: { like: true, negated: true, ignoreCase: false },
  arnequals: { like: true, negated: false, ignoreCase: false },
  arnlike: { like: true, negated: false, ignoreCase: false },
  arnnotequals: { like: true, negated: true, ignoreCase: false },
  arnnotlike: { like: true, negated: true, ignoreCase: false },
  // "Bool": the key's value compared with true or false (IAM User Guide, "IAM JSON policy elements: Condition
  // operators", Boolean condition operators) — aws:PrincipalIsAWSService, which data-perimeter SCPs and RCPs use.
  bool: { like: false, negated: false, ignoreCase: true },
};

function evaluateCondition(condition: Condition, caller: CallingRole): StatementMatch {
  const hint =
    condition.key.toLowerCase() === 'aws:principalorgid'
      ? ` (give the account's organization in facts.aws.accounts)`
      : ' (not known before the request is made)';
  return evaluateConditionOn(condition, contextValue(condition.key, caller), hint);
}

// IAM User Guide, "Set operators for multivalued context keys": ForAllValues: and ForAnyValue:, recognised with
// or without the final s, so neither spelling is ever read as an unknown plain operator. Shared by role and
// service-principal conditions.
const SET_OPERATOR = /^for(any|all)values?:/i;

/** A condition operator without its set operator, lower-cased, and which set operator it had. */
export function withoutSetOperator(written: string): { set: 'any' | 'all' | undefined; operator: string } {
  const set = SET_OPERATOR.exec(written)?.[1]?.toLowerCase() as 'any' | 'all' | undefined;
  return { set, operator: written.replace(SET_OPERATOR, '').toLowerCase() };
}

/**
 * One condition over the value its key has in the request: undefined when the request does not carry the key,
 * 'unknown' when pullcheck cannot know it (`hint` says why). Shared by role and service-principal questions.
 */
export function evaluateConditionOn(
  condition: Condition,
  value: string | undefined | 'unknown',
  hint: string,
): StatementMatch {
  const unknown = (why: string): StatementMatch => ({
    result: 'unknown',
    principal: 'none',
    unknownBecause: why,
  });
  if (value === 'unknown') return unknown(`condition ${condition.operator} on ${condition.key}${hint}`);
  // ForAnyValue/ForAllValues over a single-valued key behave like the plain operator, except on an absent key.
  const { set, operator } = withoutSetOperator(condition.operator);
  if (operator === 'null') {
    const wantsAbsent = condition.values.map((v) => v.toLowerCase()).includes('true');
    return { result: (value === undefined) === wantsAbsent ? 'yes' : 'no', principal: 'none' };
  }
  const base = operator.endsWith('ifexists') ? operator.slice(0, -'ifexists'.length) : operator;
  const semantics = STRING_OPERATORS[base];
  if (!semantics) return unknown(`condition operator ${condition.operator} on ${condition.key}`);
  if (value === undefined)
    return { result: absentKeyMatches(set, base !== operator, semantics.negated), principal: 'none' };
  if (condition.values.some((candidate) => candidate.includes('${'))) {
    return unknown(`condition ${condition.operator} on ${condition.key} uses a policy variable`);
  }
  const hit = condition.values.some((candidate) =>
    semantics.like
      ? wildcardMatch(candidate, value, semantics.ignoreCase)
      : equal(candidate, value, semantics.ignoreCase),
  );
  return { result: hit !== semantics.negated ? 'yes' : 'no', principal: 'none' };
}

/**
 * A condition on a key the request does not carry. IAM User Guide, "Condition operators": the condition is
 * false, but true for a negated operator (StringNotLike, ArnNotLike, …) and for ...IfExists; "Set operators
 * for multivalued context keys": ForAllValues is true and ForAnyValue false when the key is absent.
 */
function absentKeyMatches(set: string | undefined, ifExists: boolean, negated: boolean): Tri {
  if (set === 'all') return 'yes';
  if (set === 'any') return 'no';
  return ifExists || negated ? 'yes' : 'no';
}

function equal(a: string, b: string, ignoreCase: boolean): boolean {
  return ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b;
}
