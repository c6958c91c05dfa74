// Live reads of the SCPs and RCPs that apply to an account: DescribeOrganization with the account's own
// credentials (any member may), then, with the management account's (auth.aws.roles may name a role there),
// ListParents up to the root and ListPoliciesForTarget (SCPs, RCPs) and DescribePolicy at every level.
// Only the management account or a delegated administrator may list policies: a refusal is written as
// `takenAsAbsent` (the layer is optional, and most CI roles may not read it), a failure (throttling, an
// error) as `unreadable`, which leaves every pull it could change unknown.
import {
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  ListParentsCommand,
  ListPoliciesForTargetCommand,
  type OrganizationsClient,
  type PolicyType,
} from '@aws-sdk/client-organizations';
import type { CallOutcome } from '../../core/call-runner.ts';
import type { AwsReadOptions } from './collect.ts';
import { managedControlPolicy } from './organization-facts.ts';

export interface AccountOut {
  id: string;
  organizationId?: string | null;
  parent?: string;
  serviceControlPolicies?: unknown[];
  resourceControlPolicies?: unknown[];
  unreadable?: string;
  takenAsAbsent?: string;
}
export interface UnitOut {
  id: string;
  parent?: string;
  serviceControlPolicies?: unknown[];
  resourceControlPolicies?: unknown[];
}
export interface OrganizationOut {
  id: string;
  managementAccount?: string;
  units?: UnitOut[];
}

// OUs nest at most five levels under the root; pages of attached policies are few (at most 5 SCPs a target).
const MAX_DEPTH = 8;
const PAGE_LIMIT = 10;

type Run = <T>(permission: string, resource: string, send: () => Promise<T>) => Promise<CallOutcome<T>>;

/** What live reads found about the organizations of these accounts, in the config's facts format. */
export async function collectOrganizations(
  accounts: readonly string[],
  options: AwsReadOptions,
): Promise<{ accounts: AccountOut[]; organizations: OrganizationOut[] }> {
  const run: Run = (permission, resource, send) =>
    options.runner.run({ key: `${permission} ${resource}`, permission, resource }, send);
  const read = await Promise.all(accounts.map((account) => collectAccount(account, run, options)));
  const organizations = new Map<string, OrganizationOut & { units: UnitOut[] }>();
  for (const { organization, units } of read) {
    if (!organization) continue;
    const known = organizations.get(organization.id) ?? { ...organization, units: [] };
    for (const unit of units) if (!known.units.some((other) => other.id === unit.id)) known.units.push(unit);
    organizations.set(organization.id, known);
  }
  return {
    accounts: read.map((entry) => entry.account),
    organizations: [...organizations.values()].map(({ units, ...organization }) => ({
      ...organization,
      ...(units.length > 0 ? { units } : {}),
    })),
  };
}

interface AccountRead {
  account: AccountOut;
  organization?: OrganizationOut;
  units: UnitOut[];
}

async function collectAccount(id: string, run: Run, options: AwsReadOptions): Promise<AccountRead> {
  const own = await options.clients.organizations(id);
  const described = await run('organizations:DescribeOrganization', `account ${id}`, () =>
    own.send(new DescribeOrganizationCommand({})),
  );
  if (!described.ok) {
    if (/AWSOrganizationsNotInUse/.test(described.message))
      return { account: { id, organizationId: null }, units: [] };
    return { account: unreadable(id, described), units: [] };
  }
  const organizationId = described.value.Organization?.Id;
  const management = described.value.Organization?.MasterAccountId;
  if (!organizationId || !management)
    return {
      account: { id, unreadable: 'DescribeOrganization answered without an organization' },
      units: [],
    };
  const organization = { id: organizationId, managementAccount: management };
  // "SCPs don't affect users or roles in the management account", nor RCPs its resources.
  if (id === management) return { account: { id, organizationId }, organization, units: [] };
  const client = await options.clients.organizations(management);
  const path = await pathOf(id, client, run);
  if (path instanceof Failed)
    return { account: { organizationId, ...unreadable(id, path.failed) }, units: [] };
  const levels = await Promise.all([id, ...path.parents].map((target) => policiesOf(target, client, run)));
  const failed = levels.find((level) => level instanceof Failed);
  if (failed)
    return { account: { organizationId, ...unreadable(id, failed.failed) }, organization, units: [] };
  const [own_, ...above] = levels as Policies[];
  const units = path.parents.map((unit, i) => ({
    id: unit,
    ...(path.parents[i + 1] ? { parent: path.parents[i + 1] } : {}),
    ...above[i],
  }));
  return { account: { id, organizationId, parent: path.parents[0]!, ...own_ }, organization, units };
}

type Refused = Extract<CallOutcome<unknown>, { ok: false }>;

/** A call that failed on the way: what the account's entry then says. */
class Failed {
  constructor(readonly failed: Refused) {}
}

/** An account whose policies could not be read: refused, taken as absent; anything else, unknown. */
function unreadable(id: string, outcome: Refused): AccountOut {
  // Paged calls carry their page in the key: the message names the resource only.
  const message = outcome.message.replace(/#[^ ]*/, '');
  return outcome.kind === 'denied' ? { id, takenAsAbsent: message } : { id, unreadable: message };
}

/** The OUs above the account, nearest first, the root last. */
async function pathOf(
  id: string,
  client: OrganizationsClient,
  run: Run,
): Promise<{ parents: string[] } | Failed> {
  const parents: string[] = [];
  let child = id;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const listed = await run('organizations:ListParents', child, () =>
      client.send(new ListParentsCommand({ ChildId: child })),
    );
    if (!listed.ok) return new Failed(listed);
    const parent = listed.value.Parents?.[0];
    if (!parent?.Id) return { parents };
    parents.push(parent.Id);
    if (parent.Type === 'ROOT') return { parents };
    child = parent.Id;
  }
  return tooMany(`account ${id} is more than ${MAX_DEPTH} levels below its root`);
}

/** Reading stopped short: what was read is not all there is, so it decides nothing. */
function tooMany(message: string): Failed {
  return new Failed({ ok: false, kind: 'failed', message: `${message}; pullcheck reads no further` });
}

interface Policies {
  serviceControlPolicies?: unknown[];
  resourceControlPolicies?: unknown[];
}

async function policiesOf(target: string, client: OrganizationsClient, run: Run): Promise<Policies | Failed> {
  const [scps, rcps] = await Promise.all([
    attached(target, 'SERVICE_CONTROL_POLICY', client, run),
    attached(target, 'RESOURCE_CONTROL_POLICY', client, run),
  ]);
  if (scps instanceof Failed) return scps;
  if (rcps instanceof Failed) return rcps;
  return {
    ...(scps.length > 0 ? { serviceControlPolicies: scps } : {}),
    ...(rcps.length > 0 ? { resourceControlPolicies: rcps } : {}),
  };
}

/** The policies of one type attached to a target: AWS-managed ones by ARN, the others' documents. */
async function attached(
  target: string,
  filter: PolicyType,
  client: OrganizationsClient,
  run: Run,
): Promise<unknown[] | Failed> {
  const policies: unknown[] = [];
  let next: string | undefined;
  for (let page = 0; page < PAGE_LIMIT; page++) {
    const listed = await run('organizations:ListPoliciesForTarget', `${target} ${filter}#${next ?? ''}`, () =>
      client.send(new ListPoliciesForTargetCommand({ TargetId: target, Filter: filter, NextToken: next })),
    );
    // A policy type the organization has not enabled: none of that type applies.
    if (!listed.ok && /PolicyTypeNotEnabled/.test(listed.message)) return [];
    if (!listed.ok) return new Failed(listed);
    const documents = await Promise.all(
      (listed.value.Policies ?? []).map(async (summary) => {
        if (summary.AwsManaged && summary.Arn && managedControlPolicy(summary.Arn)) return summary.Arn;
        const described = await run('organizations:DescribePolicy', summary.Id ?? '', () =>
          client.send(new DescribePolicyCommand({ PolicyId: summary.Id })),
        );
        if (!described.ok) return new Failed(described);
        return JSON.parse(described.value.Policy?.Content ?? '{}') as unknown;
      }),
    );
    const failed = documents.find((document) => document instanceof Failed);
    if (failed) return failed;
    policies.push(...documents);
    next = listed.value.NextToken;
    if (!next) return policies;
  }
  return tooMany(`${target} has more than ${PAGE_LIMIT} pages of attached ${filter}`);
}
