// Live reads of a registry's repository creation templates, for CI pushes: the prefixes of those applied for
// CREATE_ON_PUSH decide whether a push to a repository that does not exist creates it (ecr-push.ts).
import { DescribeRepositoryCreationTemplatesCommand } from '@aws-sdk/client-ecr';
import type { AwsReadOptions } from './collect.ts';

const TEMPLATE_PAGES = 20;

export async function createOnPushPrefixes(
  account: string,
  region: string,
  options: AwsReadOptions,
): Promise<{ createOnPushPrefixes: string[] } | { creationTemplatesUnreadable: string }> {
  const ecr = await options.clients.ecr(account, region);
  const prefixes: string[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < TEMPLATE_PAGES; page++) {
    const templates = await options.runner.run(
      {
        key: `ecr:DescribeRepositoryCreationTemplates ${account}/${region}#${nextToken ?? ''}`,
        permission: 'ecr:DescribeRepositoryCreationTemplates',
        resource: `the registry of ${account} in ${region}`,
      },
      () => ecr.send(new DescribeRepositoryCreationTemplatesCommand({ nextToken })),
    );
    if (!templates.ok) return { creationTemplatesUnreadable: templates.message };
    for (const template of templates.value.repositoryCreationTemplates ?? [])
      if (template.prefix && template.appliedFor?.includes('CREATE_ON_PUSH')) prefixes.push(template.prefix);
    nextToken = templates.value.nextToken;
    if (!nextToken) return { createOnPushPrefixes: prefixes };
  }
  return {
    creationTemplatesUnreadable: `the registry has more than ${TEMPLATE_PAGES} pages of repository creation templates; pullcheck reads no further`,
  };
}
