// What can take an allowed Google pull away, in IAM's documented order: deny policies are checked before
// the allow policies, principal access boundary policies limit the resources a principal may access at all,
// and a VPC Service Controls perimeter can block a request from outside it (pullcheck cannot read
// perimeters: named as not known, like the other layers taken as absent).
import type { MissingGrant } from '../../core/verdict.ts';
import { evaluateDeny, policyId } from './deny-policies.ts';
import type { GcpFacts } from './facts.ts';
import { evaluatePab } from './principal-access-boundaries.ts';
import type { PullResource } from './resources.ts';
import { activeTrace } from '../../core/trace.ts';

export interface Restrictions {
  /** "denied by deny policy …" for each deny rule that blocks the pull. */
  readonly deniedBy: readonly string[];
  /** The explicit-deny entries of the report, one per blocking policy. */
  readonly missing: readonly MissingGrant[];
  /** Why an otherwise allowed pull is undecided. */
  readonly unknownBecause: readonly string[];
  /** Layers taken as absent. */
  readonly assumed: readonly string[];
}

/** The layer pullcheck can never read, named on every Google verdict. */
export const VPC_SERVICE_CONTROLS = (project: string) =>
  `VPC Service Controls are not known (pullcheck cannot read service perimeters): a perimeter around project ${project} blocks pulls from outside it; taken as absent`;

export function evaluateRestrictions(resource: PullResource, email: string, facts: GcpFacts): Restrictions {
  const deny = evaluateDeny(resource, email, facts);
  const pab = evaluatePab(resource, email, facts);
  activeTrace()?.step({
    layer: 'VPC Service Controls',
    subject: `service perimeters around project ${resource.project}`,
    source: { label: 'not readable by pullcheck' },
    outcome: 'skipped',
    detail: VPC_SERVICE_CONTROLS(resource.project),
  });
  const deniedBy = deny.deniedBy.map(
    ({ rule, attachmentPoint }) =>
      `denied by deny policy ${policyId(rule.policy)} on ${attachmentPoint}${rule.description ? ` (rule "${rule.description}")` : ''}: deny policies are checked before allow policies`,
  );
  const seen = new Set<string>();
  const missing = deny.deniedBy.flatMap(({ rule, attachmentPoint }) => {
    const key = `${attachmentPoint} ${rule.policy}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [denyFix(resource, email, policyId(rule.policy), attachmentPoint)];
  });
  return {
    deniedBy,
    missing,
    unknownBecause: [...deny.unknownBecause, ...pab.unknownBecause],
    assumed: [...deny.assumed, ...pab.assumed, VPC_SERVICE_CONTROLS(resource.project)],
  };
}

function denyFix(resource: PullResource, email: string, id: string, point: string): MissingGrant {
  const attachment = `cloudresourcemanager.googleapis.com/${point}`;
  const principal = `principal://iam.googleapis.com/projects/-/serviceAccounts/${email}`;
  return {
    side: 'resource',
    permissions: [resource.permission],
    explicitDeny: true,
    fix: {
      text: `Deny policy ${id} on ${point} denies ${resource.permission} to ${email}: add ${principal} to the rule's exceptionPrincipals (or narrow its deniedPrincipals or deniedPermissions).`,
      snippets: {
        cli: [
          `gcloud iam policies get ${id} --attachment-point=${attachment} --kind=denypolicies --format=json > deny-policy.json`,
          `# add "${principal}" to the rule's exceptionPrincipals, then:`,
          `gcloud iam policies update ${id} --attachment-point=${attachment} --kind=denypolicies --policy-file=deny-policy.json`,
        ].join('\n'),
      },
    },
  };
}
