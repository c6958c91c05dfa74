// AWS facts read live join the config's: stated entries first (a planned change can be checked before it
// exists), then the live ones, their documents marked as read live.
import { liveDocument, readEntries } from '../../core/live-facts.ts';
import type { AwsFactsInput } from './schema.ts';
import type { LiveFactsJoin } from '../../core/provider.ts';

type Entry = Record<string, unknown>;
const list = (value: unknown) => (value ?? []) as Entry[];

export const awsLiveFacts: LiveFactsJoin = {
  join(stated, read): AwsFactsInput {
    const facts = (stated ?? {}) as AwsFactsInput;
    const withPolicy = (entry: Entry) => ({
      ...entry,
      ...('policy' in entry ? { policy: liveDocument(entry['policy']) } : {}),
    });
    return {
      ...facts,
      roles: [
        ...(facts.roles ?? []),
        ...list(read['roles']).map((role) => ({
          ...role,
          ...(Array.isArray(role['policies']) ? { policies: role['policies'].map(liveDocument) } : {}),
          ...('permissionsBoundary' in role
            ? { permissionsBoundary: liveDocument(role['permissionsBoundary']) }
            : {}),
          ...('trustPolicy' in role ? { trustPolicy: liveDocument(role['trustPolicy']) } : {}),
        })),
      ],
      repositories: [...(facts.repositories ?? []), ...list(read['repositories']).map(withPolicy)],
      registries: [...(facts.registries ?? []), ...list(read['registries']).map(withPolicy)],
      clusters: [...(facts.clusters ?? []), ...list(read['clusters'])],
      accounts: joinAccounts(list(facts.accounts), list(read['accounts']).map(withControlPolicies)),
      organizations: joinOrganizations(facts.organizations ?? [], list(read['organizations'])),
      oidcProviders: [...(facts.oidcProviders ?? []), ...list(read['oidcProviders'])],
    } as AwsFactsInput;
  },
  resources(read) {
    return [
      ...readEntries<{ arn: string }>(read['roles']).map((entry) => entry.arn),
      ...readEntries<{ arn: string }>(read['repositories']).map((entry) => entry.arn),
      ...readEntries<{ account: string; region: string }>(read['registries']).map(
        (entry) => `ECR registry ${entry.account} ${entry.region}`,
      ),
      ...readEntries<{ platform: string; name: string }>(read['clusters']).map(
        (entry) => `${entry.platform} cluster ${entry.name}`,
      ),
      ...readEntries<{ arn: string }>(read['oidcProviders']).map((entry) => entry.arn),
      ...readEntries<{ id: string; takenAsAbsent?: string }>(read['accounts'])
        .filter((entry) => entry.takenAsAbsent === undefined)
        .map((entry) => `AWS Organizations: account ${entry.id}`),
    ];
  },
};

/** SCP and RCP documents as read live (an AWS-managed policy's ARN stays a string). */
function withControlPolicies(entry: Entry): Entry {
  const documents = (key: string) =>
    Array.isArray(entry[key]) ? { [key]: (entry[key] as unknown[]).map(liveDocument) } : {};
  return { ...entry, ...documents('serviceControlPolicies'), ...documents('resourceControlPolicies') };
}

/**
 * Accounts read live join the stated ones by id: one entry each. An account the config states only for
 * aws:PrincipalOrgID (`id`, `organizationId`) gets what was read of its SCPs and RCPs; what it states wins.
 * Read in another organization than the one stated, what was read belongs to that one: unknown, saying so.
 */
function joinAccounts(stated: readonly Entry[], read: readonly Entry[]): Entry[] {
  const joined = stated.map((account) => ({ ...account }));
  for (const account of read) {
    const same = joined.find((known) => known['id'] === account['id']);
    const readIn = account['organizationId'];
    if (!same) joined.push(account);
    else if (
      same['organizationId'] === undefined ||
      readIn === undefined ||
      readIn === same['organizationId']
    )
      Object.assign(same, { ...account, ...same });
    else
      same['unreadable'] =
        `live reads found account ${String(account['id'])} in ${String(readIn ?? 'no organization')}, not in ${String(same['organizationId'])} as stated: its SCPs and RCPs there are not known`;
  }
  return joined;
}

/** Organizations read live join the stated ones: a stated unit is used as given, a unit read live is added. */
function joinOrganizations(stated: readonly Entry[], read: readonly Entry[]): Entry[] {
  const joined: (Entry & { units: Entry[] })[] = stated.map((org) => ({ ...org, units: list(org['units']) }));
  for (const org of read) {
    const units = list(org['units']).map(withControlPolicies);
    const same = joined.find((known) => known['id'] === org['id']);
    if (!same) {
      joined.push({ ...org, units });
      continue;
    }
    same['managementAccount'] ??= org['managementAccount'];
    const statedUnits = new Set(same.units.map((unit) => unit['id']));
    same.units.push(...units.filter((unit) => !statedUnits.has(unit['id'])));
  }
  return joined;
}
