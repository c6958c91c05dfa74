// Is a permission granted to a service account on a resource, through the resource's own allow policy or
// one inherited from its project, folders and organization? Pure, three-valued.
// Source: IAM docs "Policy inheritance" (the effective policy is the union of the resource's policy and
// those of its ancestors); Artifact Registry docs "Configure roles and permissions".
import type { Tri } from '../../core/tri.ts';
import type { GcpFacts } from './facts.ts';
import { activeTrace } from '../../core/trace.ts';
import type { Binding } from './iam-policy.ts';
import { memberIncludes, type Membership, type MembershipFacts } from './members.ts';
import { GET_OBJECT, REGISTRY_BUCKET_PULL_ROLES } from './resources.ts';
import { rolePermissions } from './roles.ts';
import { serviceAccountProject } from './service-account-project.ts';
import { grantTracer, type BindingFinding, type GrantTracer } from './trace-steps.ts';

export interface IamGrant {
  readonly result: Tri;
  /** "roles/artifactregistry.reader on projects/p (member serviceAccount:…)" for each granting binding. */
  readonly grantedBy: readonly string[];
  /** Which facts are missing for an undecided answer, and how to give them. */
  readonly unknownBecause: readonly string[];
  /** Optional layers that were taken as absent, for the reasons. */
  readonly assumed: readonly string[];
}

/** A resource whose allow policies (its own, its project's and their ancestors') may grant a permission. */
export interface GrantResource {
  /** repository, bucket, serviceAccount */
  readonly kind: string;
  /** Its policy's key in facts.gcp.iamPolicies. */
  readonly name: string;
  /** The project id whose policy (and ancestors') also grant. */
  readonly project: string;
  readonly permission: string;
}

/** Whether a binding's member includes the principal asked about (a service account, a federated identity). */
export type MemberTest = (member: string) => Membership;

interface Level {
  readonly resource: string;
  /** The resource and project policies are needed; folders and the organization are optional layers. */
  readonly required: boolean;
}

/** `who`: a service account's email, or a test for another kind of principal. */
export function evaluateIamGrant(
  resource: GrantResource,
  who: string | MemberTest,
  facts: GcpFacts,
): IamGrant {
  const sink = activeTrace();
  const trace = sink
    ? grantTracer(
        sink,
        facts,
        resource.permission,
        typeof who === 'string' ? `serviceAccount:${who}` : 'the principal',
      )
    : undefined;
  const { levels, assumed, ancestryUnknown } = policyLevels(resource, facts);
  const membership = membershipFacts(facts);
  const test: MemberTest =
    typeof who === 'string' ? (member) => memberIncludes(member, who, membership) : who;
  const grantedBy: string[] = [];
  const unknownBecause: string[] = [];
  for (const level of levels) {
    const policy = facts.policies.get(level.resource);
    if (!policy) {
      const absent = absentPolicy(level, facts);
      (absent.outcome === 'undecided' ? unknownBecause : assumed).push(absent.why);
      trace?.level(level.resource, absent.outcome, absent.why);
      continue;
    }
    for (let index = 0; index < policy.bindings.length; index++) {
      const binding = policy.bindings[index]!;
      const found = bindingFinding(binding, resource, test, facts);
      const where = `${binding.role} on ${level.resource}`;
      if (found.kind === 'granted') grantedBy.push(`${where} (member ${found.member})`);
      else if (found.kind === 'undecided') unknownBecause.push(`${where}${found.why}`);
      trace?.binding(level.resource, index, binding, found);
    }
  }
  if (ancestryUnknown !== undefined) unknownBecause.push(ancestryUnknown);
  if (trace) traceAncestry(trace, resource.project, ancestryUnknown, assumed);
  const result: Tri = grantedBy.length > 0 ? 'yes' : unknownBecause.length > 0 ? 'unknown' : 'no';
  return { result, grantedBy, unknownBecause, assumed };
}

/** A level without a policy: unknown when it is required or could not be read, else taken as absent. */
function absentPolicy(level: Level, facts: GcpFacts): { outcome: 'undecided' | 'skipped'; why: string } {
  const unreadable = facts.unreadable.get(level.resource);
  if (unreadable !== undefined) {
    return {
      outcome: 'undecided',
      why: `the IAM policy of ${level.resource} could not be read: ${unreadable}`,
    };
  }
  if (level.required) {
    return {
      outcome: 'undecided',
      why: `the IAM policy of ${level.resource} is not in facts.gcp.iamPolicies: add it (${getIamPolicyCommand(level.resource)})`,
    };
  }
  return { outcome: 'skipped', why: `no IAM policy is given for ${level.resource}: taken as absent` };
}

const ROLE_LACKS: BindingFinding = { kind: 'role lacks the permission' };
const NO_MEMBER: BindingFinding = { kind: 'no member matches' };

/**
 * What one binding gives: its role must carry the permission (a custom role facts do not describe may), a
 * member must include the principal, and a condition leaves it undecided. An undecided `why` follows the
 * binding's "ROLE on RESOURCE".
 */
function bindingFinding(
  binding: Binding,
  resource: GrantResource,
  test: MemberTest,
  facts: GcpFacts,
): BindingFinding {
  const permissions = rolePermissions(binding.role, facts.customRoles);
  const mayGrant =
    !('permissions' in permissions) || grantsPermission(binding.role, permissions.permissions, resource);
  if (!mayGrant) return ROLE_LACKS;
  const included = includes(binding.members, test);
  if (included.membership.result === 'no') return NO_MEMBER;
  if ('unknown' in permissions) return { kind: 'undecided', why: `: ${permissions.unknown}` };
  if (included.membership.result === 'unknown') {
    return { kind: 'undecided', why: `: ${included.membership.missingFact ?? 'membership unknown'}` };
  }
  if (binding.condition) {
    return {
      kind: 'undecided',
      why: ` has the condition "${binding.condition.title}" (${binding.condition.expression}), which pullcheck does not evaluate`,
    };
  }
  return { kind: 'granted', member: included.member! };
}

function traceAncestry(
  trace: GrantTracer,
  project: string,
  ancestryUnknown: string | undefined,
  assumed: readonly string[],
): void {
  if (ancestryUnknown !== undefined) trace.ancestry(project, 'undecided', ancestryUnknown);
  const notGiven = assumed.find((why) => why.startsWith('the folders and organization above'));
  if (notGiven !== undefined) trace.ancestry(project, 'skipped', notGiven);
}

/** The policies that can grant the pull: the resource's, its project's, then folders and organization. */
function policyLevels(resource: GrantResource, facts: GcpFacts) {
  const project = facts.projects.get(resource.project);
  const assumed: string[] = [];
  const levels: Level[] = [
    { resource: resource.name, required: true },
    { resource: `projects/${resource.project}`, required: true },
  ];
  // Folders and the organization could not be read: a grant there cannot be ruled out.
  const ancestryUnknown =
    !project?.ancestors && project?.unreadable !== undefined
      ? `the folders and organization above project ${resource.project} could not be read (${project.unreadable}), so a grant there cannot be ruled out`
      : undefined;
  if (project?.ancestors) {
    levels.push(...project.ancestors.map((ancestor) => ({ resource: ancestor, required: false })));
  } else if (ancestryUnknown === undefined) {
    assumed.push(
      `the folders and organization above project ${resource.project} are not given (facts.gcp.projects[].ancestors): their policies are taken as absent`,
    );
  }
  return { levels, assumed, ancestryUnknown };
}

/** The role carries the permission, or is documented to pull from a Container Registry bucket. */
function grantsPermission(role: string, permissions: ReadonlySet<string>, resource: GrantResource): boolean {
  if (permissions.has(resource.permission)) return true;
  return (
    resource.kind === 'bucket' && resource.permission === GET_OBJECT && REGISTRY_BUCKET_PULL_ROLES.has(role)
  );
}

function includes(members: readonly string[], test: MemberTest): { membership: Membership; member?: string } {
  let undecided: Membership | undefined;
  for (const member of members) {
    const membership = test(member);
    if (membership.result === 'yes') return { membership, member };
    if (membership.result === 'unknown') undecided ??= membership;
  }
  return { membership: undecided ?? { result: 'no' } };
}

/** The lookups members need, answered from the facts. */
export function membershipFacts(facts: GcpFacts): MembershipFacts {
  const self: MembershipFacts = {
    groupMembers: (email) => facts.groups.get(email),
    serviceAccountProject: (email) => {
      const project = serviceAccountProject(email, facts);
      if (!project) return undefined;
      return {
        ...(project.number === undefined ? {} : { number: project.number }),
        ...(project.ancestors === undefined ? {} : { ancestors: project.ancestors }),
      };
    },
    holdsBasicRole: (projectId, role, email) => {
      const policy = facts.policies.get(`projects/${projectId}`);
      if (!policy) {
        return {
          result: 'unknown',
          missingFact: `the IAM policy of projects/${projectId} is not in facts.gcp.iamPolicies (it decides who is ${role} there)`,
        };
      }
      // The role may be held on the project or inherited from its folders and organization, when given.
      const ancestors = facts.projects.get(projectId)?.ancestors ?? [];
      const policies = [policy, ...ancestors.flatMap((ancestor) => facts.policies.get(ancestor) ?? [])];
      const holders = policies.flatMap((p) => p.bindings).filter((binding) => binding.role === role);
      // Convenience members name holders of exactly this basic role; no further convenience recursion.
      const members = (conditional: boolean) =>
        holders
          .filter((binding) => Boolean(binding.condition) === conditional)
          .flatMap((binding) => binding.members)
          .filter((member) => !member.startsWith('project'));
      const test: MemberTest = (member) => memberIncludes(member, email, self);
      const direct = includes(members(false), test).membership;
      if (direct.result === 'yes') return direct;
      if (includes(members(true), test).membership.result !== 'no') {
        return {
          result: 'unknown',
          missingFact: `${role} on projects/${projectId} is held under a condition pullcheck does not evaluate`,
        };
      }
      return direct;
    },
  };
  return self;
}

function getIamPolicyCommand(resource: string): string {
  const repository = /^projects\/([^/]+)\/locations\/([^/]+)\/repositories\/(.+)$/.exec(resource);
  if (repository) {
    return `gcloud artifacts repositories get-iam-policy ${repository[3]} --location=${repository[2]} --project=${repository[1]} --format=json`;
  }
  const account = /^projects\/[^/]+\/serviceAccounts\/(.+)$/.exec(resource);
  if (account) return `gcloud iam service-accounts get-iam-policy ${account[1]} --format=json`;
  if (resource.startsWith('buckets/')) {
    return `gcloud storage buckets get-iam-policy gs://${resource.slice('buckets/'.length)} --format=json`;
  }
  const [kind, id] = resource.split('/');
  const command =
    kind === 'projects' ? 'projects' : kind === 'folders' ? 'resource-manager folders' : 'organizations';
  return `gcloud ${command} get-iam-policy ${id} --format=json`;
}
