// A registry's repository prefixes read page by page — its pull-through cache rules (pulls) and its
// repository creation templates applied on push (CI pushes) — or why they could not be read, which leaves
// every verdict they would change unknown rather than taken as having none.
import {
  DescribePullThroughCacheRulesCommand,
  DescribeRepositoryCreationTemplatesCommand,
  type ECRClient,
} from '@aws-sdk/client-ecr';
import type { AwsReadOptions } from './collect.ts';

const PAGES = 20;

interface PrefixListing<Page extends { nextToken?: string | undefined }> {
  readonly permission: string;
  /** What the listing holds, for the message when there are too many pages. */
  readonly what: string;
  readonly send: (ecr: ECRClient, nextToken: string | undefined) => Promise<Page>;
  readonly prefixesOf: (page: Page) => readonly (string | undefined)[];
}

async function readPrefixes<Page extends { nextToken?: string | undefined }>(
  account: string,
  region: string,
  options: AwsReadOptions,
  listing: PrefixListing<Page>,
): Promise<{ prefixes: string[] } | { unreadable: string }> {
  const ecr = await options.clients.ecr(account, region);
  const prefixes: string[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < PAGES; page++) {
    const read = await options.runner.run(
      {
        key: `${listing.permission} ${account}/${region}#${nextToken ?? ''}`,
        permission: listing.permission,
        resource: `the registry of ${account} in ${region}`,
      },
      () => listing.send(ecr, nextToken),
    );
    if (!read.ok) return { unreadable: read.message };
    for (const prefix of listing.prefixesOf(read.value)) if (prefix) prefixes.push(prefix);
    nextToken = read.value.nextToken;
    if (!nextToken) return { prefixes };
  }
  return {
    unreadable: `the registry has more than ${PAGES} pages of ${listing.what}; pullcheck reads no further`,
  };
}

export function cacheRulePrefixes(account: string, region: string, options: AwsReadOptions) {
  return readPrefixes(account, region, options, {
    permission: 'ecr:DescribePullThroughCacheRules',
    what: 'pull-through cache rules',
    send: (ecr, nextToken) => ecr.send(new DescribePullThroughCacheRulesCommand({ nextToken })),
    prefixesOf: (page) => (page.pullThroughCacheRules ?? []).map((rule) => rule.ecrRepositoryPrefix),
  });
}

/** The prefixes of the templates applied for CREATE_ON_PUSH: a push there creates the repository. */
export async function createOnPushPrefixes(
  account: string,
  region: string,
  options: AwsReadOptions,
): Promise<{ createOnPushPrefixes: string[] } | { creationTemplatesUnreadable: string }> {
  const read = await readPrefixes(account, region, options, {
    permission: 'ecr:DescribeRepositoryCreationTemplates',
    what: 'repository creation templates',
    send: (ecr, nextToken) => ecr.send(new DescribeRepositoryCreationTemplatesCommand({ nextToken })),
    prefixesOf: (page) =>
      (page.repositoryCreationTemplates ?? []).map((template) =>
        template.appliedFor?.includes('CREATE_ON_PUSH') ? template.prefix : undefined,
      ),
  });
  return 'prefixes' in read
    ? { createOnPushPrefixes: read.prefixes }
    : { creationTemplatesUnreadable: read.unreadable };
}
