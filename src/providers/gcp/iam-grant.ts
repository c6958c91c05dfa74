// Is a permission granted to a service account on a resource, through the resource's own allow policy or
// one inherited from its project, folders and organization? Pure, three-valued.
// Source: IAM docs "Policy inheritance" (the effective policy is the union of the resource's policy and
// those of its ancestors); Artifact Registry docs "Configure roles and permissions".
import type { Tri } from '../../core/tri.ts';
import type { GcpFacts } from './facts.ts';
import { memberIncludes, type Membership, type MembershipFacts } from './members.ts';
import { GET_OBJECT, REGISTRY_BUCKET_PULL_ROLES } from './resources.ts';
import { rolePermissions } from './roles.ts';
import { serviceAccountProject } from './service-account-project.ts';

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
  const { levels, assumed, ancestryUnknown } = policyLevels(resource, facts);
  const membership = membershipFacts(facts);
  const test: MemberTest =
    typeof who === 'string' ? (member) => memberIncludes(member, who, membership) : who;
  const grantedBy: string[] = [];
  const unknownBecause: string[] = [];
  for (const level of levels) {
    const policy = facts.policies.get(level.resource);
    const unreadable = facts.unreadable.get(level.resource);
    if (!policy && unreadable !== undefined) {
      unknownBecause.push(`the IAM policy of ${level.resource} could not be read: ${unreadable}`);
      continue;
    }
    if (!policy) {
      if (level.required) {
        unknownBecause.push(
          `the IAM policy of ${level.resource} is not in facts.gcp.iamPolicies: add it (${getIamPolicyCommand(level.resource)})`,
        );
      } else {
        assumed.push(`no IAM policy is given for ${level.resource}: taken as absent`);
      }
      continue;
    }
    for (const binding of policy.bindings) {
      const permissions = rolePermissions(binding.role, facts.customRoles);
      const mayGrant =
        !('permissions' in permissions) || grantsPermission(binding.role, permissions.permissions, resource);
      if (!mayGrant) continue;
      const included = includes(binding.members, test);
      if (included.membership.result === 'no') continue;
      const where = `${binding.role} on ${level.resource}`;
      if ('unknown' in permissions) {
        unknownBecause.push(`${where}: ${permissions.unknown}`);
      } else if (included.membership.result === 'unknown') {
        unknownBecause.push(`${where}: ${included.membership.missingFact ?? 'membership unknown'}`);
      } else if (binding.condition) {
        unknownBecause.push(
          `${where} has the condition "${binding.condition.title}" (${binding.condition.expression}), which pullcheck does not evaluate`,
        );
      } else {
        grantedBy.push(`${where} (member ${included.member})`);
      }
    }
  }
  if (ancestryUnknown !== undefined) unknownBecause.push(ancestryUnknown);
  const result: Tri = grantedBy.length > 0 ? 'yes' : unknownBecause.length > 0 ? 'unknown' : 'no';
  return { result, grantedBy, unknownBecause, assumed };
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
