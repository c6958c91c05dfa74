// The smallest correct change for each missing ECR grant, as JSON, AWS CLI and Terraform.
import type { MissingGrant } from '../../core/verdict.ts';
import type { ActionOutcome, EcrPullContext } from './ecr-pull.ts';
import { TOKEN_ACTION } from './ecr-actions.ts';
import { describeStatement, type StatementHit } from './policy/evaluate.ts';
import type { EcrLocation } from './registry.ts';

type PolicyJson = { Version: string; Statement: unknown[] } & Record<string, unknown>;

export function ecrMissingGrants(context: EcrPullContext, blocked: readonly ActionOutcome[]): MissingGrant[] {
  const grants: MissingGrant[] = [...explicitDenies(context, blocked)];
  const actionsWhere = (flag: 'identityMissing' | 'boundaryMissing' | 'resourceMissing') =>
    blocked
      .filter((outcome) => outcome.status === 'missing' && outcome[flag])
      .map((outcome) => outcome.action);
  const identity = actionsWhere('identityMissing');
  if (identity.length > 0) grants.push(identityGrant(context, identity));
  const boundary = actionsWhere('boundaryMissing');
  if (boundary.length > 0) grants.push(boundaryGrant(context, boundary));
  const resource = actionsWhere('resourceMissing');
  if (resource.length > 0) grants.push(repositoryGrant(context, resource));
  const scp = blocked.filter((outcome) => outcome.status === 'missing' && outcome.scpMissingAt.length > 0);
  if (scp.length > 0) grants.push(scpGrant(context, scp));
  return grants;
}

/** SCPs must allow at every level of the account's path (AWS Organizations, "SCP evaluation"). */
function scpGrant(context: EcrPullContext, blocked: readonly ActionOutcome[]): MissingGrant {
  const actions = blocked.map((outcome) => outcome.action);
  const levels = [...new Set(blocked.flatMap((outcome) => outcome.scpMissingAt))];
  const sid = context.operation === 'push' ? 'PullcheckAllowEcrPush' : 'PullcheckAllowEcrPull';
  const statement = { Sid: sid, Effect: 'Allow', Action: actions, Resource: '*' };
  return {
    side: 'identity',
    permissions: actions,
    fix: {
      text:
        `No SCP attached to ${levels.join(', ')} allows ${actions.join(', ')}, and every level from the root down to account ${context.role.account} must:` +
        ` attach FullAWSAccess there, or add this statement to one of its SCPs (aws organizations update-policy, from the management account).`,
      snippets: { json: pretty(policyDocument([statement])) },
    },
  };
}

function identityStatements(context: EcrPullContext, actions: readonly string[]): unknown[] {
  const onRepository = actions.filter((action) => action !== TOKEN_ACTION);
  const statements: unknown[] = [];
  if (onRepository.length > 0) {
    statements.push({
      Sid: context.operation === 'push' ? 'PullcheckEcrPush' : 'PullcheckEcrPull',
      Effect: 'Allow',
      Action: onRepository,
      Resource: context.repositoryArn,
    });
  }
  if (actions.includes(TOKEN_ACTION)) {
    // GetAuthorizationToken has no resource: only `"Resource": "*"` grants it.
    statements.push({ Sid: 'PullcheckEcrAuthToken', Effect: 'Allow', Action: TOKEN_ACTION, Resource: '*' });
  }
  return statements;
}

function identityGrant(context: EcrPullContext, actions: readonly string[]): MissingGrant {
  const { role } = context;
  const document = policyDocument(identityStatements(context, actions));
  const policyName = `pullcheck-ecr-${context.operation}-${slug(context.location.repository)}`;
  // AWS-managed: PullOnly allows pulls; PowerUser pulls and pushes ("AWS managed policies for Amazon ECR").
  const managed =
    context.operation === 'push'
      ? 'AmazonEC2ContainerRegistryPowerUser'
      : 'AmazonEC2ContainerRegistryPullOnly';
  const pullOnly = `arn:${role.partition}:iam::aws:policy/${managed}`;
  return {
    side: 'identity',
    permissions: actions,
    fix: {
      text:
        `Add an identity policy to role ${role.name} that allows ${actions.join(', ')}` +
        ` (or attach ${pullOnly}, which allows ${context.operation === 'push' ? 'pushes to' : 'pulls from'} every repository the resource side permits).`,
      snippets: {
        json: pretty(document),
        cli:
          `aws iam put-role-policy --role-name ${role.name} --policy-name ${policyName} --policy-document '${JSON.stringify(document)}'\n` +
          `# or: aws iam attach-role-policy --role-name ${role.name} --policy-arn ${pullOnly}`,
        terraform: [
          `resource "aws_iam_role_policy" "${policyName.replace(/-/g, '_')}" {`,
          `  name   = "${policyName}"`,
          `  role   = "${role.name}"`,
          `  policy = jsonencode(${indent(pretty(document), 2)})`,
          `}`,
        ].join('\n'),
      },
    },
  };
}

function boundaryGrant(context: EcrPullContext, actions: readonly string[]): MissingGrant {
  const document = policyDocument(identityStatements(context, actions));
  const boundary = context.roleFacts.boundary?.label ?? 'the permissions boundary';
  return {
    side: 'identity',
    permissions: actions,
    fix: {
      text:
        `The permissions boundary of role ${context.role.name} (${boundary}) does not allow ${actions.join(', ')},` +
        ` and it caps what identity policies grant: add these statements to the boundary policy (a new default version), or remove the boundary.`,
      snippets: { json: pretty(document) },
    },
  };
}

function repositoryGrant(context: EcrPullContext, actions: readonly string[]): MissingGrant {
  const { role, location } = context;
  const statement = {
    Sid: `PullcheckAllow${role.name.replace(/[^A-Za-z0-9]/g, '')}`,
    Effect: 'Allow',
    Principal: { AWS: role.arn },
    Action: actions,
  };
  const current = context.repository?.policy?.document?.raw;
  const merged = mergedPolicy(current, [statement]);
  const replaces = current
    ? 'set-repository-policy replaces the whole policy: the document below is the current policy with the statement added'
    : 'the repository has no policy yet';
  return {
    side: 'resource',
    permissions: actions,
    fix: {
      text:
        `Grant role ${role.arn} ${actions.join(', ')} in the policy of repository ${location.repository}` +
        ` (account ${location.account}, ${location.region}); ${replaces}.`,
      snippets: repositoryPolicySnippets(location, merged),
    },
  };
}

function explicitDenies(context: EcrPullContext, blocked: readonly ActionOutcome[]): MissingGrant[] {
  const byStatement = new Map<string, { hit: StatementHit; actions: string[] }>();
  for (const outcome of blocked.filter((o) => o.status === 'denied')) {
    for (const hit of outcome.denyHits) {
      const key = `${hit.policy.label}#${hit.statement.index}`;
      const entry = byStatement.get(key) ?? { hit, actions: [] };
      entry.actions.push(outcome.action);
      byStatement.set(key, entry);
    }
  }
  const identityPolicies = new Set([...context.roleFacts.policies, context.roleFacts.boundary]);
  // An SCP limits the role's account (identity side); an RCP the repository's account (resource side).
  const sideOf = (policy: StatementHit['policy']) =>
    identityPolicies.has(policy) || policy.control === 'scp' ? 'identity' : 'resource';
  return [...byStatement.values()].map(({ hit, actions }) => ({
    side: sideOf(hit.policy),
    permissions: actions,
    explicitDeny: true,
    fix: {
      text:
        `${describeStatement(hit.statement)} of ${hit.policy.label} explicitly denies ${actions.join(', ')} to role ${context.role.name};` +
        ` an explicit Deny overrides every Allow: narrow it (for example exclude the role with an aws:PrincipalArn condition) or remove it.`,
      snippets: { json: pretty(hit.statement.raw) },
    },
  }));
}

/** The current repository policy with the statements added (set-repository-policy replaces the whole policy). */
export function mergedPolicy(
  current: Readonly<Record<string, unknown>> | undefined,
  statements: readonly unknown[],
): PolicyJson {
  if (!current) return policyDocument([...statements]);
  const written = current['Statement'];
  return {
    ...(current as PolicyJson),
    Statement: [...(Array.isArray(written) ? written : [written]), ...statements],
  };
}

function policyDocument(statements: unknown[]): PolicyJson {
  return { Version: '2012-10-17', Statement: statements };
}

export function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

function indent(text: string, spaces: number): string {
  return text.replace(/\n/g, `\n${' '.repeat(spaces)}`);
}

function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** A whole repository policy as the fix writes it: the JSON, `aws ecr set-repository-policy`, Terraform. */
export function repositoryPolicySnippets(
  location: Pick<EcrLocation, 'account' | 'region' | 'repository'>,
  merged: unknown,
): Record<string, string> {
  return {
    json: pretty(merged),
    cli: `aws ecr set-repository-policy --registry-id ${location.account} --region ${location.region} --repository-name ${location.repository} --policy-text '${JSON.stringify(merged)}'`,
    terraform: [
      `resource "aws_ecr_repository_policy" "${slug(location.repository).replace(/-/g, '_')}" {`,
      `  repository = "${location.repository}"`,
      `  policy     = jsonencode(${indent(pretty(merged), 2)})`,
      `}`,
    ].join('\n'),
  };
}
