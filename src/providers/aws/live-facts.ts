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
        })),
      ],
      repositories: [...(facts.repositories ?? []), ...list(read['repositories']).map(withPolicy)],
      registries: [...(facts.registries ?? []), ...list(read['registries']).map(withPolicy)],
      clusters: [...(facts.clusters ?? []), ...list(read['clusters'])],
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
    ];
  },
};
