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
  /** Live reads could not read them (access denied): taken as absent, saying why. */
  | { readonly kind: 'absent'; readonly why: string };

/** Turns one written control policy (a document, or an AWS-managed policy's ARN) into a KnownPolicy. */
export type ControlPolicyOf = (
  written: LocatedDocument | string,
  control: 'scp' | 'rcp',
  label: string,
  at: readonly (string | number)[],
) => KnownPolicy;

type Input = NonNullable<AwsFactsInput['accounts']>[number];
type UnitInput = NonNullable<NonNullable<AwsFactsInput['organizations']>[number]['units']>[number];
type NodeInput = Input | UnitInput;

// OUs nest at most five levels under the root (AWS Organizations quotas): a longer path is a cycle.
const MAX_DEPTH = 8;

export function accountControls(
  config: LoadedConfig,
  input: AwsFactsInput,
  policyOf: ControlPolicyOf,
): Map<string, AccountControl> {
  const controls = new Map<string, AccountControl>();
  const organizations = new Map((input.organizations ?? []).map((org, o) => [org.id, { org, o }]));
  for (const { org } of organizations.values()) {
    if (org.managementAccount)
      controls.set(org.managementAccount, { kind: 'management', organizationId: org.id });
  }
  (input.accounts ?? []).forEach((account, a) => {
    if (controls.get(account.id)?.kind === 'management') return;
    const at = ['facts', 'aws', 'accounts', a] as const;
    if (account.organizationId === null) controls.set(account.id, { kind: 'outside' });
    else if (account.takenAsAbsent !== undefined)
      controls.set(account.id, { kind: 'absent', why: account.takenAsAbsent });
    else if (account.unreadable !== undefined)
      controls.set(account.id, {
        kind: 'levels',
        levels: [level(`account ${account.id}`, account, at, policyOf)],
      });
    else if (account.parent !== undefined) {
      const found = organizations.get(account.organizationId ?? '');
      if (!found)
        throw configError(
          config,
          [...at, account.organizationId ? 'organizationId' : 'parent'],
          account.organizationId
            ? `${account.organizationId} is not in facts.aws.organizations: add it with its units (the root and OUs)`
            : 'an account with a `parent` needs its `organizationId`',
        );
      const levels = [level(`account ${account.id}`, account, at, policyOf)];
      levels.push(...unitsAbove(config, account.parent, [...at, 'parent'], found, policyOf));
      controls.set(account.id, { kind: 'levels', levels });
    }
  });
  return controls;
}

type FoundOrganization = { org: NonNullable<AwsFactsInput['organizations']>[number]; o: number };

/** The root and OUs from `parent` up: each must be among the organization's units. */
function unitsAbove(
  config: LoadedConfig,
  first: string,
  firstAt: readonly (string | number)[],
  found: FoundOrganization,
  policyOf: ControlPolicyOf,
): ControlLevel[] {
  const units = new Map((found.org.units ?? []).map((unit, u) => [unit.id, { unit, u }]));
  const levels: ControlLevel[] = [];
  let parent: string | undefined = first;
  let from = firstAt;
  while (parent !== undefined) {
    const next = units.get(parent);
    if (!next)
      throw configError(
        config,
        from,
        `${parent} is not among the units of ${found.org.id} in facts.aws.organizations`,
      );
    if (levels.length >= MAX_DEPTH)
      throw configError(config, from, `the path up to the root loops (${parent})`);
    const unitAt = ['facts', 'aws', 'organizations', found.o, 'units', next.u] as const;
    levels.push(level(`${parent.startsWith('r-') ? 'root' : 'OU'} ${parent}`, next.unit, unitAt, policyOf));
    parent = next.unit.unreadable === undefined ? next.unit.parent : undefined;
    from = [...unitAt, 'parent'];
  }
  return levels;
}

function level(
  label: string,
  node: NodeInput,
  at: readonly (string | number)[],
  policyOf: ControlPolicyOf,
): ControlLevel {
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

function configError(config: LoadedConfig, at: readonly (string | number)[], message: string): ConfigError {
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
