// Is the service account eligible for the repository under the principal access boundary (PAB) policies
// bound to its principal sets (the principals of its project, folders and organization)? A principal bound
// to PAB policies is eligible only for the resources they list, and a listed folder or organization covers
// everything below. Whether an ineligible principal is then blocked depends on the policy's enforcement
// version (IAM "Permissions that principal access boundary policies block"), a table pullcheck does not
// carry: such a pull is unknown, naming the policy. Source: IAM "Principal access boundary policies".
import type { PabPolicy } from './boundaries.ts';
import type { GcpFacts } from './facts.ts';
import { serviceAccountProject } from './service-account-project.ts';
import type { PullResource } from './resources.ts';
import { activeTrace, type TraceSink } from '../../core/trace.ts';
import { tracePabLevels, tracePabPolicies } from './boundary-trace.ts';

export interface PabOutcome {
  /** Why the pull cannot be decided under the boundaries (empty: eligible, or no boundary applies). */
  readonly unknownBecause: readonly string[];
  readonly assumed: readonly string[];
}

const CRM = '//cloudresourcemanager.googleapis.com/';

export function evaluatePab(resource: PullResource, email: string, facts: GcpFacts): PabOutcome {
  const sink = activeTrace();
  const outcome = pabOutcome(resource, email, facts, sink);
  if (sink) {
    tracePabLevels(
      sink,
      'undecided',
      outcome.unknownBecause.filter((why) => why.includes('could not be read')),
    );
    tracePabLevels(sink, 'skipped', outcome.assumed);
  }
  return outcome;
}

function pabOutcome(
  resource: PullResource,
  email: string,
  facts: GcpFacts,
  sink: TraceSink | undefined,
): PabOutcome {
  const owner = serviceAccountProject(email, facts);
  if (!owner || (owner.id === undefined && owner.number === undefined)) {
    return {
      unknownBecause: [],
      assumed: [
        `the principal access boundary policies over ${email} are not known (its project is not known): taken as absent`,
      ],
    };
  }
  const { policies, unknownBecause, notGiven } = boundPolicies(owner, facts);
  const assumed =
    notGiven.length === 0
      ? []
      : [
          `no principal access boundary policies are given for the principals of ${notGiven.join(', ')} (facts.gcp.principalAccessBoundaries): taken as absent`,
        ];
  if (policies.length === 0) return { unknownBecause, assumed };
  if (sink) tracePabPolicies(sink, facts, policies, eligibleNames(resource, facts).names, resource.name);
  const conditional = policies.filter((policy) => policy.condition);
  for (const policy of conditional) {
    unknownBecause.push(
      `the principal access boundary policy ${policy.name} is bound under the condition ${policy.condition!.expression}, which pullcheck does not evaluate`,
    );
  }
  const eligibleFor = eligibleNames(resource, facts);
  if (policies.some((policy) => policy.resources.some((name) => eligibleFor.names.has(name)))) {
    return { unknownBecause, assumed };
  }
  if (!eligibleFor.ancestryKnown) {
    unknownBecause.push(
      `the principal access boundary policies bound to ${email}'s principal sets do not list project ${resource.project}, whose folders and organization are not known (facts.gcp.projects[].ancestors)`,
    );
    return { unknownBecause, assumed };
  }
  const names = policies.map((policy) => `${policy.name} (enforcement version ${policy.enforcementVersion})`);
  unknownBecause.push(
    `${email} is not eligible for ${resource.name} under the principal access boundary policies bound to its principal sets (${names.join(', ')}): none lists the repository's project, folders or organization; the pull is denied if their enforcement version blocks ${resource.permission} (IAM "Permissions that principal access boundary policies block"), which pullcheck does not know`,
  );
  return { unknownBecause, assumed };
}

/** The PAB policies bound to the principal sets of the service account's project and its ancestors. */
function boundPolicies(
  owner: {
    readonly id?: string;
    readonly number?: string;
    readonly ancestors?: readonly string[];
    readonly unreadable?: string;
  },
  facts: GcpFacts,
) {
  const policies: PabPolicy[] = [];
  const unknownBecause: string[] = [];
  const notGiven: string[] = [];
  const projectKeys = [owner.id, owner.number].flatMap((key) =>
    key === undefined ? [] : [`projects/${key}`],
  );
  const containers: string[][] = [projectKeys, ...(owner.ancestors ?? []).map((ancestor) => [ancestor])];
  for (const keys of containers) {
    const entry = keys.map((key) => facts.principalAccessBoundaries.get(key)).find((found) => found);
    const where = keys[0]!;
    if (!entry) notGiven.push(where);
    else if ('unreadable' in entry) {
      unknownBecause.push(
        `the principal access boundary policies bound to the principals of ${where} could not be read: ${entry.unreadable}`,
      );
    } else policies.push(...entry.known);
  }
  // Live reads that could not read the ancestry leave its folders' and organization's boundaries unknown.
  if (owner.ancestors === undefined && owner.unreadable !== undefined) {
    unknownBecause.push(
      `the folders and organization above project ${owner.id ?? owner.number} could not be read (${owner.unreadable}): the principal access boundary policies bound to their principals are not known`,
    );
  } else if (owner.ancestors === undefined) {
    notGiven.push('the folders and organization above it (not known)');
  }
  return { policies, unknownBecause, notGiven };
}

/** The full resource names that make the repository eligible: its project (id or number) and ancestors. */
function eligibleNames(resource: PullResource, facts: GcpFacts) {
  const project = facts.projects.get(resource.project);
  const names = new Set([`${CRM}projects/${resource.project}`]);
  if (project?.number !== undefined) names.add(`${CRM}projects/${project.number}`);
  for (const ancestor of project?.ancestors ?? []) names.add(`${CRM}${ancestor}`);
  return { names, ancestryKnown: project?.ancestors !== undefined };
}
