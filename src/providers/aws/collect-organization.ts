// Live reads of the SCPs and RCPs that apply to an account: DescribeOrganization with the account's own
// credentials (any member may; it answers for the caller, so never with another account's), then, with the management account's (auth.aws.roles may name a role there),
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
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { CallOutcome } from '../../core/call-runner.ts';
import type { AwsReadOptions } from './collect.ts';
import { MAX_ORGANIZATION_DEPTH, managedControlPolicy } from './organization-facts.ts';

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

// Pages of attached policies are few (at most 5 SCPs a target).
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
  const own = await ownClient(id, run, options);
  if (typeof own === 'string') return { account: { id, takenAsAbsent: own }, units: [] };
  if (own instanceof Failed) return { account: unreadable(id, own.failed), units: [] };
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

/**
 * A client with the account's own credentials: DescribeOrganization answers for the caller's account, so
 * another account's session would report its own organization (or none). A role auth.aws.roles names for
 * the account, or the base session when sts:GetCallerIdentity says it is the account's; else why not.
 */
async function ownClient(
  id: string,
  run: Run,
  options: AwsReadOptions,
): Promise<OrganizationsClient | Failed | string> {
  if (options.roleAccounts.has(id)) return options.clients.organizations(id);
  const sts = await options.clients.sts(undefined);
  const caller = await run('sts:GetCallerIdentity', 'the session', () =>
    sts.send(new GetCallerIdentityCommand({})),
  );
  if (!caller.ok) return new Failed(caller);
  if (caller.value.Account === id) return options.clients.organizations(undefined);
  const session = caller.value.Account ? `account ${caller.value.Account}'s` : "another account's";
  return `no credentials of account ${id}: organizations:DescribeOrganization answers for the caller's own account, and the session is ${session}; name a role of account ${id} for it in auth.aws.roles`;
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
  for (let depth = 0; depth < MAX_ORGANIZATION_DEPTH; depth++) {
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
  return tooMany(`account ${id} is more than ${MAX_ORGANIZATION_DEPTH} levels below its root`);
}

/** Reading stopped short: what was read is not all there is, so it decides nothing. */
function tooMany(message: string): Failed {
  return new Failed({ ok: false, kind: 'failed', message: `${message}; pullcheck reads no further` });
}

/** A policy's document as DescribePolicy gave it: without one, what the level allows or denies is not known. */
function contentOf(id: string, content: string | undefined): unknown {
  const failed = (what: string) =>
    new Failed({
      ok: false,
      kind: 'failed',
      message: `organizations:DescribePolicy on ${id} answered ${what}`,
    });
  if (!content) return failed("without the policy's content");
  try {
    return JSON.parse(content) as unknown;
  } catch {
    return failed('content that is not JSON');
  }
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
        return contentOf(summary.Id ?? '', described.value.Policy?.Content);
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
