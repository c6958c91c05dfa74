// What the reasons of an ECR or Lambda verdict say about SCPs and RCPs: which ones were evaluated, and which
// were taken as absent and why (SPEC §3: optional layers not given are taken as absent, and the reasons say so).
import type { AccountControl } from './organization-facts.ts';

const HOW = 'facts.aws.accounts[].parent, facts.aws.organizations';

/** One line about the control policies of `kind` that apply through `account`. */
export function controlNote(
  kind: 'SCPs' | 'RCPs',
  account: string,
  control: AccountControl | undefined,
): string {
  switch (control?.kind) {
    case undefined:
      return `no ${kind} are given for account ${account}: taken as absent (${HOW})`;
    case 'absent':
      // In an organization whose policies could not be listed: a Deny among them would go unseen — say so.
      return control.organizationId
        ? `account ${account} is in organization ${control.organizationId}, but its ${kind} could not be listed (${control.why}): taken as absent, so a Deny among them is not seen (listing them needs the management account or a delegated administrator; auth.aws.roles can name a role there)`
        : `the ${kind} of account ${account} could not be read (${control.why}): taken as absent`;
    case 'outside':
      return `account ${account} is in no organization: no ${kind} apply`;
    case 'management':
      return `account ${account} is the management account of ${control.organizationId}: ${kind} do not affect it`;
    case 'levels':
      return `${kind} of account ${account} evaluated at every level of its path: ${control.levels.map((level) => level.label).join(' ← ')}`;
  }
}

/** The notes of a role's pull: its account's SCPs, the repository account's RCPs (one line when neither is given). */
export function roleControlNotes(
  controls: {
    readonly serviceLinked: boolean;
    readonly principal: AccountControl | undefined;
    readonly resource: AccountControl | undefined;
  },
  roleAccount: string,
  repositoryAccount: string,
  roleName: string,
): string[] {
  if (controls.serviceLinked) return [`${roleName} is a service-linked role: SCPs and RCPs do not affect it`];
  if (controls.principal === undefined && controls.resource === undefined) {
    const accounts =
      roleAccount === repositoryAccount
        ? `account ${roleAccount}`
        : `account ${roleAccount} (SCPs) or ${repositoryAccount} (RCPs)`;
    return [`no SCPs or RCPs are given for ${accounts}: taken as absent (${HOW})`];
  }
  return [
    controlNote('SCPs', roleAccount, controls.principal),
    controlNote('RCPs', repositoryAccount, controls.resource),
  ];
}
