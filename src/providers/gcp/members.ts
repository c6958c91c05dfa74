// Does an IAM member (a binding's `members` entry) include a service account? Three-valued: a group whose
// membership the facts do not give is unknown, never a guess. Source: IAM docs, "Principal identifiers".
import type { Tri } from '../../core/tri.ts';

export interface Membership {
  readonly result: Tri;
  /** For unknown: which fact is missing and how to give it. */
  readonly missingFact?: string;
}

export interface MembershipFacts {
  /** Members of a Google group (lower-cased email), when facts.gcp.groups gives them. */
  groupMembers(email: string): readonly string[] | undefined;
  /** Project number and ancestors (folders/N, organizations/N) of the project that owns a service account. */
  serviceAccountProject(
    email: string,
  ): { readonly number?: string; readonly ancestors?: readonly string[] } | undefined;
  /** Whether the service account holds a basic role on a project (for projectViewer:/Editor:/Owner: members). */
  holdsBasicRole(
    projectId: string,
    role: 'roles/viewer' | 'roles/editor' | 'roles/owner',
    email: string,
  ): Membership;
}

const YES: Membership = { result: 'yes' };
const NO: Membership = { result: 'no' };

const CONVENIENCE_ROLES = {
  projectViewer: 'roles/viewer',
  projectEditor: 'roles/editor',
  projectOwner: 'roles/owner',
} as const;

/** `member` includes the service account `email`? */
export function memberIncludes(
  member: string,
  email: string,
  facts: MembershipFacts,
  seenGroups = new Set<string>(),
): Membership {
  if (member === 'allUsers' || member === 'allAuthenticatedUsers') return YES; // a service account is authenticated
  const colon = member.indexOf(':');
  const kind = member.slice(0, colon);
  const value = member.slice(colon + 1);
  switch (kind) {
    case 'serviceAccount':
      // Emails compare case-insensitively; `?uid=` suffixes only appear on deleted members.
      return value.toLowerCase() === email.toLowerCase() ? YES : NO;
    case 'group':
    case 'domain':
      // Whether a service account counts in a domain: member is not documented; like a group's members,
      // it is decided only from facts.gcp.groups (an entry whose email is the domain name).
      return groupIncludes(value.toLowerCase(), email, facts, seenGroups, kind);
    case 'projectViewer':
    case 'projectEditor':
    case 'projectOwner':
      return facts.holdsBasicRole(value, CONVENIENCE_ROLES[kind], email);
    case 'principalSet':
      return principalSetIncludes(member, email, facts);
    // user: names a person's Google account; principal:// one federated identity or Kubernetes service
    // account; deleted: members never match.
    default:
      return NO;
  }
}

function groupIncludes(
  group: string,
  email: string,
  facts: MembershipFacts,
  seen: Set<string>,
  kind: 'group' | 'domain',
): Membership {
  if (seen.has(group)) return NO; // a cycle adds nobody
  const members = facts.groupMembers(group);
  if (!members) {
    const how =
      kind === 'group'
        ? ` (gcloud identity groups memberships list --group-email=${group})`
        : ` (an entry with email: ${group})`;
    return {
      result: 'unknown',
      missingFact: `the members of ${kind}:${group} are not known: list them in facts.gcp.groups${how}`,
    };
  }
  seen.add(group);
  let unknown: Membership | undefined;
  for (const member of members) {
    const included = memberIncludes(member, email, facts, seen);
    if (included.result === 'yes') return YES;
    if (included.result === 'unknown') unknown ??= included;
  }
  return unknown ?? NO;
}

// "All service accounts in a project, folder or organization" (IAM docs, principal identifiers):
// principalSet://cloudresourcemanager.googleapis.com/{projects/NUMBER|folders/ID|organizations/ID}/type/ServiceAccount
const SERVICE_ACCOUNT_SET =
  /^principalSet:\/\/cloudresourcemanager\.googleapis\.com\/((?:projects|folders|organizations)\/[^/]+)\/type\/ServiceAccount$/;

function principalSetIncludes(member: string, email: string, facts: MembershipFacts): Membership {
  const container = SERVICE_ACCOUNT_SET.exec(member)?.[1];
  if (!container) return NO; // workload identity pools and workforce pools hold no service accounts
  const project = facts.serviceAccountProject(email);
  if (container.startsWith('projects/')) {
    if (project?.number === undefined) {
      return {
        result: 'unknown',
        missingFact: `${member} needs the project number of ${email}'s project: give it in facts.gcp.projects`,
      };
    }
    return container === `projects/${project.number}` ? YES : NO;
  }
  if (project?.ancestors === undefined) {
    return {
      result: 'unknown',
      missingFact: `${member} needs the ancestors of ${email}'s project: give them in facts.gcp.projects[].ancestors`,
    };
  }
  return project.ancestors.includes(container) ? YES : NO;
}
