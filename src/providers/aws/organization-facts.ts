// facts.aws.accounts and facts.aws.organizations turned into, per account, the SCPs and RCPs that apply to
// it: the policies attached to the account itself, to each OU above it and to the root (AWS Organizations
// User Guide, "Service control policies (SCPs)": "SCP evaluation" — every level of the path must allow).
import type { LocatedDocument } from '../../core/config/document.ts';
import type { LoadedConfig } from '../../core/config/load.ts';
import { ConfigError } from '../../core/errors.ts';
import type { AwsFactsInput } from './schema.ts';
import type { KnownPolicy } from './policy/evaluate.ts';

/** One level of an account's path in its organization: the account, an OU, or the root. */
export interface ControlLevel {
  /** `account 111122223333`, `OU ou-ab12-11111111`, `root r-ab12`. */
  readonly label: string;
  readonly scps: readonly KnownPolicy[];
  readonly rcps: readonly KnownPolicy[];
  /** Live reads could not read this level: what its policies say is unknown. */
  readonly unreadable?: string;
}

/** What is known of the control policies that apply to one account. */
export type AccountControl =
  /** The account first, the root last. */
  | { readonly kind: 'levels'; readonly levels: readonly ControlLevel[] }
  /** "SCPs don't affect users or roles in the management account"; RCPs do not affect its resources. */
  | { readonly kind: 'management'; readonly organizationId: string }
  /** In no organization: no SCP or RCP applies. */
  | { readonly kind: 'outside' }
  /** Live reads could not read them (access denied): taken as absent, saying why (and the organization, if known). */
  | { readonly kind: 'absent'; readonly why: string; readonly organizationId?: string };

/** Turns one written control policy (a document, or an AWS-managed policy's ARN) into a KnownPolicy. */
export type ControlPolicyOf = (
  written: LocatedDocument | string,
  control: 'scp' | 'rcp',
  label: string,
  at: readonly (string | number)[],
) => KnownPolicy;

type Input = NonNullable<AwsFactsInput['accounts']>[number];
type OrganizationInput = NonNullable<AwsFactsInput['organizations']>[number];
type UnitInput = NonNullable<OrganizationInput['units']>[number];
type NodeInput = Input | UnitInput;
type At = readonly (string | number)[];

/** OUs nest at most five levels under the root (AWS Organizations quotas): a longer path is a cycle. */
export const MAX_ORGANIZATION_DEPTH = 8;

export function accountControls(
  config: LoadedConfig,
  input: AwsFactsInput,
  policyOf: ControlPolicyOf,
): Map<string, AccountControl> {
  const controls = new Map<string, AccountControl>();
  const organizations = indexOrganizations(config, input);
  for (const { org } of organizations.values()) {
    if (org.managementAccount)
      controls.set(org.managementAccount, { kind: 'management', organizationId: org.id });
  }
  const stated = new Set<string>();
  (input.accounts ?? []).forEach((account, a) => {
    const at = ['facts', 'aws', 'accounts', a] as const;
    if (stated.has(account.id))
      throw configError(
        config,
        [...at, 'id'],
        `account ${account.id} is stated more than once in facts.aws.accounts`,
      );
    stated.add(account.id);
    checkAccount(config, account, at);
    if (controls.get(account.id)?.kind === 'management') return;
    const control = accountControl(config, account, at, organizations, policyOf);
    if (control) controls.set(account.id, control);
  });
  return controls;
}

function accountControl(
  config: LoadedConfig,
  account: Input,
  at: At,
  organizations: ReadonlyMap<string, FoundOrganization>,
  policyOf: ControlPolicyOf,
): AccountControl | undefined {
  if (account.organizationId === null) return { kind: 'outside' };
  if (account.takenAsAbsent !== undefined)
    return {
      kind: 'absent',
      why: account.takenAsAbsent,
      ...(account.organizationId ? { organizationId: account.organizationId } : {}),
    };
  const own = level(`account ${account.id}`, account, at, policyOf);
  if (account.unreadable !== undefined) return { kind: 'levels', levels: [own] };
  if (account.parent === undefined) return undefined;
  const found = organizations.get(account.organizationId ?? '');
  if (!found)
    throw configError(
      config,
      [...at, account.organizationId ? 'organizationId' : 'parent'],
      account.organizationId
        ? `${account.organizationId} is not in facts.aws.organizations: add it with its units (the root and OUs)`
        : 'an account with a `parent` needs its `organizationId`',
    );
  return {
    kind: 'levels',
    levels: [own, ...unitsAbove(config, account.parent, [...at, 'parent'], found, policyOf)],
  };
}

const POLICY_KEYS = ['serviceControlPolicies', 'resourceControlPolicies'] as const;

/**
 * What an account states must be evaluable: its SCPs and RCPs need the path above it (`parent`), and a
 * claim that no organization's policies apply (`organizationId: null`, `takenAsAbsent`) cannot come with them.
 */
function checkAccount(config: LoadedConfig, account: Input, at: At): void {
  const given = (keys: readonly (keyof Input)[]) => keys.filter((key) => account[key] !== undefined);
  const claim =
    account.organizationId === null
      ? 'organizationId'
      : account.takenAsAbsent !== undefined
        ? 'takenAsAbsent'
        : undefined;
  if (claim) {
    const others = given(['parent', ...POLICY_KEYS, 'unreadable', 'takenAsAbsent']).filter(
      (key) => key !== claim,
    );
    if (others.length > 0)
      throw configError(
        config,
        [...at, others[0]!],
        `account ${account.id}: \`${others[0]}\` cannot be stated together with ${claim === 'organizationId' ? '`organizationId: null` (in no organization)' : '`takenAsAbsent` (its SCPs and RCPs could not be read)'}`,
      );
    return;
  }
  const policies = given(POLICY_KEYS);
  if (policies.length > 0 && account.parent === undefined && account.unreadable === undefined)
    throw configError(
      config,
      [...at, policies[0]!],
      `account ${account.id} has SCPs or RCPs but no \`parent\`: give the OU or root it sits in, and the organization's units up to the root (every level from the root down must allow)`,
    );
}

type FoundOrganization = {
  org: OrganizationInput;
  o: number;
  units: ReadonlyMap<string, { unit: UnitInput; u: number }>;
};

/** The organizations by id, each with its units by id: each stated once, every OU under a parent. */
function indexOrganizations(config: LoadedConfig, input: AwsFactsInput): Map<string, FoundOrganization> {
  const organizations = new Map<string, FoundOrganization>();
  (input.organizations ?? []).forEach((org, o) => {
    const at = ['facts', 'aws', 'organizations', o] as const;
    if (organizations.has(org.id))
      throw configError(
        config,
        [...at, 'id'],
        `organization ${org.id} is stated more than once in facts.aws.organizations`,
      );
    const units = new Map<string, { unit: UnitInput; u: number }>();
    (org.units ?? []).forEach((unit, u) => {
      const unitAt = [...at, 'units', u] as const;
      if (units.has(unit.id))
        throw configError(config, [...unitAt, 'id'], `unit ${unit.id} is stated more than once in ${org.id}`);
      if (unit.id.startsWith('r-') && unit.parent !== undefined)
        throw configError(config, [...unitAt, 'parent'], `${unit.id} is the root: it has no \`parent\``);
      // Only the root has no parent: an OU without one would end the path short of the root's policies.
      if (!unit.id.startsWith('r-') && unit.parent === undefined && unit.unreadable === undefined)
        throw configError(
          config,
          [...unitAt, 'id'],
          `${unit.id} has no \`parent\`: every OU sits under the root or another OU, and each level up to the root counts`,
        );
      units.set(unit.id, { unit, u });
    });
    organizations.set(org.id, { org, o, units });
  });
  return organizations;
}

/** The root and OUs from `parent` up: each must be among the organization's units. */
function unitsAbove(
  config: LoadedConfig,
  first: string,
  firstAt: At,
  found: FoundOrganization,
  policyOf: ControlPolicyOf,
): ControlLevel[] {
  const levels: ControlLevel[] = [];
  let parent: string | undefined = first;
  let from = firstAt;
  while (parent !== undefined) {
    const next = found.units.get(parent);
    if (!next)
      throw configError(
        config,
        from,
        `${parent} is not among the units of ${found.org.id} in facts.aws.organizations`,
      );
    if (levels.length >= MAX_ORGANIZATION_DEPTH)
      throw configError(config, from, `the path up to the root loops (${parent})`);
    const unitAt = ['facts', 'aws', 'organizations', found.o, 'units', next.u] as const;
    levels.push(level(`${parent.startsWith('r-') ? 'root' : 'OU'} ${parent}`, next.unit, unitAt, policyOf));
    parent = next.unit.unreadable === undefined ? next.unit.parent : undefined;
    from = [...unitAt, 'parent'];
  }
  return levels;
}

function level(label: string, node: NodeInput, at: At, policyOf: ControlPolicyOf): ControlLevel {
  const policies = (key: 'serviceControlPolicies' | 'resourceControlPolicies', control: 'scp' | 'rcp') =>
    (node[key] ?? []).map((written, p) =>
      policyOf(
        written as LocatedDocument | string,
        control,
        `${control.toUpperCase()} #${p + 1} attached to ${label}`,
        [...at, key, p],
      ),
    );
  return {
    label,
    scps: policies('serviceControlPolicies', 'scp'),
    rcps: policies('resourceControlPolicies', 'rcp'),
    ...(node.unreadable === undefined ? {} : { unreadable: node.unreadable }),
  };
}

function configError(config: LoadedConfig, at: At, message: string): ConfigError {
  return new ConfigError({ where: config.locate(at), message });
}

// The AWS-managed control policies, attached by default (AWS Organizations User Guide, "Service control
// policies" — FullAWSAccess — and "Resource control policies" — RCPFullAWSAccess, which cannot be detached).
export const MANAGED_CONTROL_POLICIES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'service_control_policy/p-FullAWSAccess': {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
  },
  'resource_control_policy/p-RCPFullAWSAccess': {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
  },
};

/** The built-in document of an AWS-managed SCP or RCP ARN, or undefined. */
export function managedControlPolicy(arn: string): Readonly<Record<string, unknown>> | undefined {
  const match = /^arn:aws[a-z-]*:organizations::aws:policy\/(.+)$/.exec(arn);
  return match ? MANAGED_CONTROL_POLICIES[match[1]!] : undefined;
}
