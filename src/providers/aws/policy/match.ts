// Three-valued matching of one IAM statement against one request. "unknown" is a first-class answer:
// a condition on a key pullcheck cannot know, or a principal form it cannot decide, never becomes yes/no.
import type { Condition, PatternList, PrincipalList, Statement } from './document.ts';

export type Tri = 'yes' | 'no' | 'unknown';

/** The calling role, as resource policies and conditions see it. */
export interface CallingRole {
  readonly arn: string;
  readonly partition: string;
  readonly account: string;
  readonly name: string;
  /** Organization id of the role's account, when the facts give it. */
  readonly organizationId?: string;
}

export interface Request {
  /** Lower-cased, e.g. `ecr:batchgetimage`. */
  readonly action: string;
  /** The resource ARN, or `*` for actions without a resource (ecr:GetAuthorizationToken). */
  readonly resource: string;
  readonly caller: CallingRole;
}

/**
 * How a resource policy's principal element names the caller. Only `role` and `session` grant by
 * themselves within the account; `account` delegates to IAM (IAM User Guide, "Cross account resource access").
 */
export type PrincipalMatch = 'anyone' | 'account' | 'role' | 'session' | 'none';

export interface StatementMatch {
  readonly result: Tri;
  readonly principal: PrincipalMatch;
  /** Why the answer is unknown (the condition key or principal form that could not be decided). */
  readonly unknownBecause?: string;
}

const wildcardCache = new Map<string, RegExp>();

/** IAM wildcard match: `*` any run, `?` one character. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*') && !pattern.includes('?')) {
    return ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  }
  const cacheKey = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let regex = wildcardCache.get(cacheKey);
  if (!regex) {
    const source = pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    regex = new RegExp(`^${source}$`, ignoreCase ? 'si' : 's');
    wildcardCache.set(cacheKey, regex);
  }
  return regex.test(value);
}

function listMatches(list: PatternList, value: string, ignoreCase: boolean): boolean {
  const hit = list.patterns.some((pattern) => wildcardMatch(pattern, value, ignoreCase));
  return list.negated ? !hit : hit;
}

export function matchStatement(statement: Statement, request: Request): StatementMatch {
  // Action names are case-insensitive; ARNs are matched case-sensitively (IAM User Guide, "Resource").
  if (!listMatches(statement.actions, request.action, true)) return { result: 'no', principal: 'none' };
  if (statement.resources && !listMatches(statement.resources, request.resource, false)) {
    return { result: 'no', principal: 'none' };
  }
  let principal: PrincipalMatch = 'none';
  if (statement.principals) {
    const named = namePrincipal(statement.principals, request.caller);
    if (named.result !== 'yes') return { ...named, principal: 'none' };
    principal = named.principal;
  }
  for (const condition of statement.conditions) {
    const outcome = evaluateCondition(condition, request.caller);
    if (outcome.result !== 'yes') return { ...outcome, principal };
  }
  return { result: 'yes', principal };
}

function namePrincipal(list: PrincipalList, caller: CallingRole): StatementMatch {
  if (list.negated) return excludedByNotPrincipal(list, caller);
  if (list.anyone) return { result: 'yes', principal: 'anyone' };
  let best: PrincipalMatch = 'none';
  for (const entry of list.aws) {
    const form = principalForm(entry, caller);
    if (form === 'role' || form === 'session') return { result: 'yes', principal: form };
    if (form === 'account') best = 'account';
  }
  return best === 'none' ? { result: 'no', principal: 'none' } : { result: 'yes', principal: best };
}

/**
 * NotPrincipal exempts a role's pulls only when it lists the role's session and the account too:
 * requests come from the assumed-role session ("IAM JSON policy elements: NotPrincipal").
 * A session ARN names one session name; pullcheck takes it to stand for the role's sessions.
 */
function excludedByNotPrincipal(list: PrincipalList, caller: CallingRole): StatementMatch {
  if (list.anyone) return { result: 'no', principal: 'none' };
  const forms = new Set(list.aws.map((entry) => principalForm(entry, caller)));
  const exempt = forms.has('session') && forms.has('account');
  return exempt ? { result: 'no', principal: 'none' } : { result: 'yes', principal: 'anyone' };
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
function contextValue(key: string, caller: CallingRole): string | undefined | 'unknown' {
  switch (key.toLowerCase()) {
    case 'aws:principalaccount':
      return caller.account;
    case 'aws:principalarn':
      return caller.arn; // for an assumed-role session, aws:PrincipalArn is the role ARN
    case 'aws:principalorgid':
      return caller.organizationId ?? 'unknown';
    case 'aws:principaltype':
      return 'AssumedRole';
    case 'aws:principalisawsservice':
      return 'false';
    default:
      return 'unknown';
  }
}

const STRING_OPERATORS: Record<string, { like: boolean; negated: boolean; ignoreCase: boolean }> = {
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
};

function evaluateCondition(condition: Condition, caller: CallingRole): StatementMatch {
  const unknown = (why: string): StatementMatch => ({
    result: 'unknown',
    principal: 'none',
    unknownBecause: why,
  });
  const value = contextValue(condition.key, caller);
  if (value === 'unknown') {
    const hint =
      condition.key.toLowerCase() === 'aws:principalorgid'
        ? ` (give the account's organization in facts.aws.accounts)`
        : ' (not known before the request is made)';
    return unknown(`condition ${condition.operator} on ${condition.key}${hint}`);
  }
  // ForAnyValue/ForAllValues over a single-valued key behave like the plain operator.
  const operator = condition.operator.replace(/^for(any|all)value:/i, '').toLowerCase();
  if (operator === 'null') {
    const wantsAbsent = condition.values.map((v) => v.toLowerCase()).includes('true');
    return { result: (value === undefined) === wantsAbsent ? 'yes' : 'no', principal: 'none' };
  }
  const base = operator.endsWith('ifexists') ? operator.slice(0, -'ifexists'.length) : operator;
  const semantics = STRING_OPERATORS[base];
  if (!semantics) return unknown(`condition operator ${condition.operator} on ${condition.key}`);
  if (value === undefined) return { result: base === operator ? 'no' : 'yes', principal: 'none' };
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

function equal(a: string, b: string, ignoreCase: boolean): boolean {
  return ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b;
}
