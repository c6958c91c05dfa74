// The smallest change that lets Lambda pull a function's image: the repository-policy statements the Lambda
// Developer Guide gives ("Create a Lambda function using a container image", "Amazon ECR permissions" and
// "Cross-account permissions"), as JSON, the aws CLI and Terraform; or, across Regions, where to push instead.
import type { MissingGrant } from '../../core/verdict.ts';
import { PULL_ACTIONS } from './ecr-actions.ts';
import { mergedPolicy, pretty, repositoryPolicySnippets } from './ecr-fixes.ts';
import type { LambdaPullContext } from './lambda-pull.ts';
import type { EcrLocation } from './registry.ts';

const SERVICE = 'lambda.amazonaws.com';

export function lambdaServiceStatement(context: LambdaPullContext): Record<string, unknown> {
  const { partition } = context.location;
  return {
    Sid: 'PullcheckLambdaImageRetrieval',
    Effect: 'Allow',
    Principal: { Service: SERVICE },
    Action: [...PULL_ACTIONS],
    // Across accounts the guide scopes the service to the function account's functions.
    ...(context.crossAccount
      ? {
          Condition: {
            StringLike: {
              'aws:sourceARN': `arn:${partition}:lambda:${context.fn.region}:${context.fn.account}:function:*`,
            },
          },
        }
      : {}),
  };
}

function accountStatement(context: LambdaPullContext): Record<string, unknown> {
  return {
    Sid: `PullcheckLambdaAccount${context.fn.account}`,
    Effect: 'Allow',
    Principal: { AWS: `arn:${context.location.partition}:iam::${context.fn.account}:root` },
    Action: [...PULL_ACTIONS],
  };
}

export function lambdaRepositoryGrant(
  context: LambdaPullContext,
  needs: {
    service?: boolean;
    account?: boolean;
    explicitDeny?: readonly unknown[];
    /** Whom the Deny reaches, for the fix text (default: the Lambda service). */
    deniedTo?: string;
  },
): MissingGrant {
  const { location } = context;
  if (needs.explicitDeny) {
    return {
      side: 'resource',
      permissions: [...PULL_ACTIONS],
      explicitDeny: true,
      fix: {
        text: `Narrow or remove the Deny statement(s) of the policy of repository ${location.repository} that apply to ${needs.deniedTo ?? SERVICE}; an explicit Deny overrides every Allow.`,
        snippets: { json: needs.explicitDeny.map((statement) => pretty(statement)).join('\n') },
      },
    };
  }
  const statements = [
    ...(needs.account ? [accountStatement(context)] : []),
    ...(needs.service ? [lambdaServiceStatement(context)] : []),
  ];
  const merged = mergedPolicy(context.currentPolicy, statements);
  const replaces = context.currentPolicy
    ? 'set-repository-policy replaces the whole policy: the document below is the current policy with the statements added'
    : 'the repository has no policy yet';
  const who = [
    ...(needs.service ? [SERVICE] : []),
    ...(needs.account ? [`account ${context.fn.account}`] : []),
  ].join(' and ');
  return {
    side: 'resource',
    permissions: [...PULL_ACTIONS],
    fix: {
      text: `Allow ${who} ${PULL_ACTIONS.join(', ')} in the policy of repository ${location.repository} (account ${location.account}, ${location.region}); ${replaces}.`,
      snippets: repositoryPolicySnippets(location, merged),
    },
  };
}

/** Lambda reads only from ECR in the function's Region: push (or replicate) the image there. */
export function lambdaRegionGrant(location: EcrLocation, functionRegion: string): MissingGrant {
  const host = `${location.account}.dkr.ecr.${functionRegion}.amazonaws.com`;
  return {
    side: 'resource',
    permissions: [],
    fix: {
      text: `Push the image to an ECR repository in ${functionRegion} (or replicate ${location.repository} there) and deploy ${host}/${location.repository}.`,
      snippets: {
        cli: [
          `aws ecr create-repository --region ${functionRegion} --repository-name ${location.repository}`,
          `# or replicate from ${location.region}:`,
          `aws ecr put-replication-configuration --region ${location.region} --replication-configuration '${JSON.stringify(
            {
              rules: [{ destinations: [{ region: functionRegion, registryId: location.account }] }],
            },
          )}'`,
        ].join('\n'),
      },
    },
  };
}
