// What AWS Organizations' control policies say about one request of a pull. Sources: AWS Organizations User
// Guide, "Service control policies (SCPs)" — an SCP restricts the IAM users and roles of member accounts; for
// an action to be allowed "there must be an Allow statement at every level from the root through each OU in
// the direct path to the account (including the target account itself)"; an explicit Deny at any level
// denies; the management account and service-linked roles are not affected — and "Resource control policies
// (RCPs)" — an RCP restricts access to the resources of member accounts (Amazon ECR among the supported
// services) whoever asks, AWS service principals included; RCPFullAWSAccess is attached at every level and
// cannot be detached, so only Deny statements decide; the management account's resources and service-linked
// roles are not affected; for an action with no resource type, the RCPs of the caller's account apply (AWS
// News Blog, "Introducing resource control policies (RCPs)").
import { and, or, type Tri } from '../../core/tri.ts';
import type { AccountControl, ControlLevel } from './organization-facts.ts';
import { findStatements, NO, type Finding, type KnownPolicy, type StatementHit } from './policy/evaluate.ts';
import { findServiceStatements, type ServiceFinding, type ServiceRequest } from './policy/service-match.ts';
import type { Request } from './policy/match.ts';
import { activeTrace } from '../../core/trace.ts';
import { requestQuestion } from './policy/statement-trace.ts';

/** What the SCPs and RCPs on a request's path say. */
export interface ControlAnswer {
  /** Deny statements of SCPs and RCPs that apply. */
  readonly deny: Finding;
  /** yes: every level's SCPs allow the action (or no SCP applies). */
  readonly scpAllow: Finding;
  /** The levels whose SCPs allow nothing of it. */
  readonly scpMissingAt: readonly string[];
}

export const NO_CONTROL: ControlAnswer = { deny: NO, scpAllow: { ...NO, result: 'yes' }, scpMissingAt: [] };

/** The control policies on a role's request: SCPs of its account, RCPs of the account that owns the resource. */
export interface RoleControls {
  /** The role is service-linked (path /aws-service-role/): neither SCPs nor RCPs affect it. */
  readonly serviceLinked: boolean;
  readonly principal: AccountControl | undefined;
  /** The repository's account. */
  readonly resource: AccountControl | undefined;
}

export function roleControlAnswer(controls: RoleControls, request: Request): ControlAnswer {
  if (controls.serviceLinked)
    return noControl(request, 'the role is service-linked: SCPs and RCPs do not affect it');
  // Nothing to evaluate (the common case, built for every action of every pull): no allocation.
  if (controls.principal?.kind !== 'levels' && controls.resource?.kind !== 'levels')
    return noControl(request, noLevels(controls));
  // An action without a resource (ecr:GetAuthorizationToken): the RCPs of the caller's own account.
  const rcpAccount = request.resource === '*' ? controls.principal : controls.resource;
  // findStatements remembers its answers per document: the same few questions cost little.
  const find = (policies: readonly KnownPolicy[], effect: 'Allow' | 'Deny') =>
    findStatements(policies, effect, request);
  return combine(scpAnswer(controls.principal, find), rcpDeny(rcpAccount, find));
}

/** No control policy applies; explain's trace says why. */
function noControl(request: Request, why: string | (() => string)): ControlAnswer {
  activeTrace()?.step({
    layer: 'SCP and RCP',
    subject: 'none',
    source: { label: 'AWS Organizations' },
    outcome: 'skipped',
    detail: typeof why === 'string' ? why : why(),
    question: requestQuestion(request),
  });
  return NO_CONTROL;
}

/** Why neither account has levels of control policies to evaluate (only built while tracing). */
function noLevels(controls: RoleControls): () => string {
  const why = (control: AccountControl | undefined, whose: string) => {
    switch (control?.kind) {
      case undefined:
        return `the facts say nothing of the organization of ${whose}: no SCP or RCP is taken into account`;
      case 'management':
        return `${whose} is the management account of ${control.organizationId}: SCPs and RCPs do not affect it`;
      case 'outside':
        return `${whose} is in no organization`;
      case 'absent':
        return `the control policies of ${whose} could not be read (${control.why}): taken as absent`;
      default:
        return `${whose} has control policies`;
    }
  };
  return () =>
    `${why(controls.principal, "the role's account")}; ${why(controls.resource, "the repository's account")}`;
}

/** RCP Denies of the repository's account on a service principal's request (SCPs never restrict a service). */
export function serviceControlDeny(resource: AccountControl | undefined, request: ServiceRequest): Finding {
  return rcpDeny(resource, (policies, effect) =>
    findServiceStatements(policies, effect, { ...request, everyPrincipal: true }),
  );
}

/** A role question's finding, or a service principal's (its hits match no principal: ServiceFinding). */
type Find = (policies: readonly KnownPolicy[], effect: 'Allow' | 'Deny') => Finding | ServiceFinding;

function levelsOf(control: AccountControl | undefined): readonly ControlLevel[] {
  return control?.kind === 'levels' ? control.levels : [];
}

function scpAnswer(control: AccountControl | undefined, find: Find): ControlAnswer {
  const levels = levelsOf(control);
  // Every entity has an SCP attached while SCPs are enabled: a path with none has them disabled.
  if (!levels.some((level) => level.scps.length > 0 || level.unreadable !== undefined)) return NO_CONTROL;
  let allow: Tri = 'yes';
  const denies: Finding[] = [];
  const unknownBecause: string[] = [];
  const missingAt: string[] = [];
  const hits: Finding['hits'][number][] = [];
  for (const level of levels) {
    if (level.unreadable !== undefined) {
      const why = `the SCPs and RCPs attached to ${level.label} could not be read (${level.unreadable})`;
      denies.push({ result: 'unknown', hits: [], unknownBecause: [why] });
      allow = and(allow, 'unknown');
      unknownBecause.push(why);
      continue;
    }
    denies.push(asFinding(find(level.scps, 'Deny')));
    const allowed = asFinding(find(level.scps, 'Allow'));
    allow = and(allow, allowed.result);
    unknownBecause.push(...allowed.unknownBecause);
    hits.push(...allowed.hits);
    if (allowed.result === 'no') missingAt.push(level.label);
  }
  return {
    deny: anyOf(denies),
    scpAllow: { result: allow, hits, unknownBecause: allow === 'yes' ? [] : unknownBecause },
    scpMissingAt: missingAt,
  };
}

function rcpDeny(control: AccountControl | undefined, find: Find): Finding {
  if (control?.kind !== 'levels') return NO;
  return anyOf(
    levelsOf(control).map((level) =>
      level.unreadable !== undefined
        ? {
            result: 'unknown',
            hits: [],
            unknownBecause: [`the RCPs attached to ${level.label} could not be read (${level.unreadable})`],
          }
        : asFinding(find(level.rcps, 'Deny')),
    ),
  );
}

function combine(scp: ControlAnswer, rcp: Finding): ControlAnswer {
  return { ...scp, deny: anyOf([scp.deny, rcp]) };
}

/** A Deny in any of the findings denies (unknown if one is unknown and none says yes). */
export function anyOf(findings: readonly Finding[]): Finding {
  const unknownBecause = [...new Set(findings.flatMap((finding) => finding.unknownBecause))];
  return {
    result: findings.reduce<Tri>((result, finding) => or(result, finding.result), 'no'),
    hits: findings.flatMap((finding) => finding.hits),
    unknownBecause,
  };
}

/** Service answers carry statement hits without a principal match: as role hits, naming anyone. */
function asFinding(found: ReturnType<Find>): Finding {
  return {
    result: found.result,
    hits: found.hits.map((hit): StatementHit => ({
      policy: hit.policy,
      statement: hit.statement,
      principal: 'principal' in hit ? hit.principal : 'anyone',
    })),
    unknownBecause: found.unknownBecause,
  };
}
