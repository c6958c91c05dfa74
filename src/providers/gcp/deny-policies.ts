// Does an IAM deny policy block the pull? Deny rules are checked before allow policies: a rule applies when
// the service account is among its denied principals and not its exception principals, the permission is
// among its denied permissions and not its exception permissions, and its denial condition (if any) is
// true. Deny policies attach to projects, folders and organizations and apply to every resource below.
// Sources: IAM "Deny policies", "Principal identifiers" (v2), "Permissions supported in deny policies".
import type { Tri } from '../../core/tri.ts';
import type { DenyRule } from './boundaries.ts';
import type { GcpFacts } from './facts.ts';
import { membershipFacts } from './iam-grant.ts';
import { memberIncludes, type Membership, type MembershipFacts } from './members.ts';
import type { PullResource } from './resources.ts';
import { activeTrace } from '../../core/trace.ts';
import { traceDenyLevels, traceDenyRule } from './boundary-trace.ts';

/** A rule's answer; `why` names the part that lets the pull through (explain's trace). */
export type RuleMatch = Membership & { readonly why?: string };

export interface DenyOutcome {
  readonly result: Tri;
  /** The rules that deny, with where they are attached. */
  readonly deniedBy: readonly { readonly rule: DenyRule; readonly attachmentPoint: string }[];
  readonly unknownBecause: readonly string[];
  readonly assumed: readonly string[];
}

export function evaluateDeny(resource: PullResource, email: string, facts: GcpFacts): DenyOutcome {
  const sink = activeTrace();
  const permission = v2Permission(resource.permission);
  const membership = membershipFacts(facts);
  const deniedBy: { rule: DenyRule; attachmentPoint: string }[] = [];
  const { levels, unknownBecause, assumed } = denyLevels(resource, facts);
  const unreadableLevels = sink ? [...unknownBecause] : [];
  for (const { point, rules } of levels) {
    for (const rule of rules) {
      const applies = ruleApplies(rule, permission, email, membership);
      if (applies.result === 'yes') deniedBy.push({ rule, attachmentPoint: point });
      else if (applies.result === 'unknown') {
        unknownBecause.push(`deny policy ${policyId(rule.policy)} on ${point}: ${applies.missingFact}`);
      }
      if (sink) traceDenyRule(sink, facts, rule, point, applies, `${permission} to ${email}`);
    }
  }
  if (sink) traceDenyLevels(sink, unreadableLevels, assumed);
  const result: Tri = deniedBy.length > 0 ? 'yes' : unknownBecause.length > 0 ? 'unknown' : 'no';
  return { result, deniedBy, unknownBecause, assumed };
}

/** The deny policies above the resource with a rule that denies the pull's permission to anyone. */
export function denyPoliciesFor(
  resource: PullResource,
  facts: GcpFacts,
): {
  readonly denying: readonly string[];
  readonly unknownBecause: readonly string[];
  readonly assumed: readonly string[];
} {
  const permission = v2Permission(resource.permission);
  const { levels, unknownBecause, assumed } = denyLevels(resource, facts);
  const denying = levels.flatMap(({ point, rules }) => {
    const matching = rules.filter(
      (rule) =>
        rule.deniedPermissions.some((pattern) => permissionMatches(pattern, permission)) &&
        !rule.exceptionPermissions.some((pattern) => permissionMatches(pattern, permission)),
    );
    return [...new Set(matching.map((rule) => `${policyId(rule.policy)} on ${point}`))];
  });
  return { denying, unknownBecause, assumed };
}

interface DenyLevel {
  readonly point: string;
  readonly rules: readonly DenyRule[];
}

/**
 * The deny policies of the resource's project (attached by its id or its number: IAM v2 takes either, "Deny
 * policies": attachment points), then of its folders and organization. A level that could not be read, and
 * ancestors that live reads could not read, are unknown; levels not given are taken as absent.
 */
function denyLevels(resource: PullResource, facts: GcpFacts) {
  const project = facts.projects.get(resource.project);
  const projectKeys = [resource.project, project?.number].flatMap((key) =>
    key === undefined ? [] : [`projects/${key}`],
  );
  const containers = [projectKeys, ...(project?.ancestors ?? []).map((ancestor) => [ancestor])];
  const levels: DenyLevel[] = [];
  const unknownBecause: string[] = [];
  const notGiven: string[] = [];
  for (const keys of containers) {
    const point = keys[0]!;
    const entries = keys.flatMap((key) => {
      const entry = facts.denyPolicies.get(key);
      return entry === undefined ? [] : [{ key, entry }];
    });
    if (entries.length === 0) notGiven.push(point);
    for (const { key, entry } of entries) {
      if ('unreadable' in entry)
        unknownBecause.push(`the deny policies of ${key} could not be read: ${entry.unreadable}`);
      else levels.push({ point: key, rules: entry.known });
    }
  }
  if (project?.unreadable !== undefined && project.ancestors === undefined) {
    unknownBecause.push(
      `the folders and organization above project ${resource.project} could not be read (${project.unreadable}), so neither could their deny policies`,
    );
  }
  const ancestry = project?.ancestors === undefined && project?.unreadable === undefined;
  const assumed =
    notGiven.length === 0 && !ancestry
      ? []
      : [
          `no deny policies are given for ${[...notGiven, ...(ancestry ? [`the folders and organization above ${resource.project} (facts.gcp.projects[].ancestors)`] : [])].join(', ')} (facts.gcp.denyPolicies): taken as absent`,
        ];
  return { levels, unknownBecause, assumed };
}

/** artifactregistry.repositories.downloadArtifacts → artifactregistry.googleapis.com/repositories.downloadArtifacts */
export function v2Permission(permission: string): string {
  const dot = permission.indexOf('.');
  return `${permission.slice(0, dot)}.googleapis.com/${permission.slice(dot + 1)}`;
}

/** The policy's id, the last segment of its name (policies/…/denypolicies/ID). */
export function policyId(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/** Whether the rule denies the pull; for "no", which of its parts let the pull through. */
function ruleApplies(
  rule: DenyRule,
  permission: string,
  email: string,
  membership: MembershipFacts,
): RuleMatch {
  if (!rule.deniedPermissions.some((pattern) => permissionMatches(pattern, permission))) {
    return { result: 'no', why: 'the permission is not among its deniedPermissions' };
  }
  if (rule.exceptionPermissions.some((pattern) => permissionMatches(pattern, permission))) {
    return { result: 'no', why: 'the permission is among its exceptionPermissions' };
  }
  const denied = anyIncludes(rule.deniedPrincipals, email, membership);
  if (denied.result === 'no')
    return { result: 'no', why: 'no deniedPrincipals entry includes the principal' };
  const excepted = anyIncludes(rule.exceptionPrincipals, email, membership);
  if (excepted.result === 'yes')
    return { result: 'no', why: 'an exceptionPrincipals entry includes the principal' };
  const undecided = [denied, excepted].find((one) => one.result === 'unknown');
  if (undecided) return undecided;
  if (rule.condition) {
    const title = rule.condition.title ?? rule.condition.expression;
    return {
      result: 'unknown',
      missingFact: `its rule denies the pull under the denial condition "${title}" (${rule.condition.expression}), which pullcheck does not evaluate`,
    };
  }
  return { result: 'yes' };
}

/** A permission or permission group (`*` within one part: SERVICE/*, SERVICE/RESOURCE.*, SERVICE/*.ACTION, *). */
function permissionMatches(pattern: string, permission: string): boolean {
  if (pattern === '*') return true;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${source}$`, 'i').test(permission);
}

function anyIncludes(principals: readonly string[], email: string, facts: MembershipFacts): Membership {
  let undecided: Membership | undefined;
  for (const principal of principals) {
    const included = principalIncludes(principal, email, facts);
    if (included.result === 'yes') return included;
    if (included.result === 'unknown') undecided ??= included;
  }
  return undecided ?? { result: 'no' };
}

const SERVICE_ACCOUNT = 'principal://iam.googleapis.com/projects/-/serviceAccounts/';
const GROUP = 'principalSet://goog/group/';

/** A v2 principal identifier includes the service account? Identifiers pullcheck does not know are unknown. */
function principalIncludes(principal: string, email: string, facts: MembershipFacts): Membership {
  if (principal === 'principalSet://goog/public:all') return { result: 'yes' };
  if (principal.startsWith(SERVICE_ACCOUNT)) {
    return memberIncludes(`serviceAccount:${principal.slice(SERVICE_ACCOUNT.length)}`, email, facts);
  }
  if (principal.startsWith(GROUP))
    return memberIncludes(`group:${principal.slice(GROUP.length)}`, email, facts);
  if (principal.startsWith('principalSet://cloudresourcemanager.googleapis.com/')) {
    return memberIncludes(principal, email, facts);
  }
  // A user (principal://goog/subject/…), workforce or workload identity pool identities, deleted principals.
  if (
    principal.startsWith('principal://goog/subject/') ||
    principal.startsWith('principal://iam.googleapis.com/locations/global/workforcePools/') ||
    principal.startsWith('principalSet://iam.googleapis.com/') ||
    /^principal:\/\/iam\.googleapis\.com\/projects\/[0-9]+\/locations\/global\/workloadIdentityPools\//.test(
      principal,
    ) ||
    principal.startsWith('deleted:')
  ) {
    return { result: 'no' };
  }
  return {
    result: 'unknown',
    missingFact: `pullcheck does not know whether the principal identifier ${principal} includes ${email}`,
  };
}
