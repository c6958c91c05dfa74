// The ECR push rule (issue 18): whether the role a CI job logged in as may push an image, through the same
// layers as a pull (ecr-pull.ts: identity policies, boundary, repository and registry policies, SCPs and
// RCPs) over the push's actions. A repository that does not exist takes the push only when ECR creates it:
// a repository creation template applied for CREATE_ON_PUSH whose prefix covers it ("Private repository
// creation templates in Amazon ECR"; ROOT covers every repository), and then the pusher also needs
// ecr:CreateRepository, as a pull through cache does for the repositories it creates.
import { unknown, type Verdict } from '../../core/verdict.ts';
import { ecrContext, verdictFor, type EcrPullContext, type EcrRepositoryLocation } from './ecr-pull.ts';
import { withUnknownLayers } from './ecr-unknown-layers.ts';
import type { AwsFacts } from './facts.ts';

export function evaluateEcrPush(
  location: EcrRepositoryLocation,
  principal: string,
  facts: AwsFacts,
): Verdict {
  const built = ecrContext(location, principal, facts, 'push');
  if ('verdict' in built) return built;
  let context = built.context;
  const { account, region, repository } = location;
  if (!context.repository) {
    // A push to a repository that does not exist fails ("name unknown"): whether it exists is a fact.
    return unknown([
      `unknown: repository ${context.repositoryArn} is not in facts.aws.repositories: whether it exists (a push to a missing one fails) and what its policy says are not known;` +
        ` list it with its policy, or \`exists: false\` (aws ecr describe-repositories --repository-names ${repository} --registry-id ${account} --region ${region}; live reads need ecr:GetRepositoryPolicy in ${account})`,
    ]);
  }
  if (context.repository.missing) {
    const creation = createdOnPush(context);
    if (creation !== true) return creation;
    context = { ...context, createsOnPush: true };
  }
  return withUnknownLayers(context, (variant) => verdictFor(variant, built.caller));
}

/** A missing repository: true when a CREATE_ON_PUSH template covers it, else the verdict. */
function createdOnPush(context: EcrPullContext): true | Verdict {
  const { registry, location } = context;
  const { account, region, repository } = location;
  const prefixes = registry?.createOnPushPrefixes;
  if (prefixes === undefined) {
    const why = registry?.creationTemplatesUnknown;
    return unknown([
      `unknown: repository ${repository} does not exist in ${account} (${region}): a push fails unless a repository creation template applied for CREATE_ON_PUSH covers it, and the registry's templates are not known${why ? ` (${why})` : ''}:` +
        ` state facts.aws.registries[].createOnPushPrefixes, [] for none (aws ecr describe-repository-creation-templates --region ${region}; live reads need ecr:DescribeRepositoryCreationTemplates in ${account})`,
    ]);
  }
  if (prefixes.some((prefix) => prefix === 'ROOT' || repository.startsWith(`${prefix}/`))) return true;
  const firstSegment = repository.split('/')[0]!;
  return {
    verdict: 'denied',
    reasons: [
      `repository ${repository} does not exist in ${account} (${region}) and no repository creation template applied for CREATE_ON_PUSH covers it` +
        ` (${prefixes.length > 0 ? `prefixes ${prefixes.join(', ')}` : 'the registry has none'}): the push fails with "name unknown"`,
    ],
    missing: [
      {
        side: 'resource',
        permissions: ['ecr:CreateRepository'],
        fix: {
          text: `Create repository ${repository} before the push (or a repository creation template applied for CREATE_ON_PUSH whose prefix covers it, and let the pushing role have ecr:CreateRepository).`,
          snippets: {
            cli:
              `aws ecr create-repository --repository-name ${repository} --registry-id ${account} --region ${region}\n` +
              `# or: aws ecr create-repository-creation-template --prefix ${repository.includes('/') ? firstSegment : 'ROOT'} --applied-for CREATE_ON_PUSH --region ${region}`,
          },
        },
      },
    ],
  };
}
