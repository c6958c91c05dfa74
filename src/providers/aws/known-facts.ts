// What the config states about AWS resources: those are used as given, never read live (collect.ts), and
// need no read permission (src/permissions/aws-read-policy.ts).
import type { AwsFactsInput } from './schema.ts';

export type KnownKeys = ReturnType<typeof knownKeys>;

export function knownKeys(facts: AwsFactsInput) {
  return {
    roles: new Set((facts.roles ?? []).map((role) => role.arn.toLowerCase())),
    repositories: new Set((facts.repositories ?? []).map((repository) => repository.arn)),
    registries: new Set((facts.registries ?? []).map((registry) => `${registry.account}/${registry.region}`)),
    clusters: facts.clusters ?? [],
    // Accounts whose SCPs and RCPs the config states (an account stated only for aws:PrincipalOrgID is read
    // live, and joined into its entry: live-facts.ts), and the management accounts it names.
    accounts: new Set([
      ...(facts.accounts ?? []).filter(controlsStated).map((account) => account.id),
      ...(facts.organizations ?? []).flatMap((org) => org.managementAccount ?? []),
    ]),
  };
}

/** The account's entry says what its SCPs and RCPs are, or that none apply, or why they are not known. */
function controlsStated(account: NonNullable<AwsFactsInput['accounts']>[number]): boolean {
  return (
    account.organizationId === null ||
    (
      ['parent', 'serviceControlPolicies', 'resourceControlPolicies', 'unreadable', 'takenAsAbsent'] as const
    ).some((key) => account[key] !== undefined)
  );
}
