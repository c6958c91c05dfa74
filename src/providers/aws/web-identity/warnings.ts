// Said beside an allowed login: the statement that admits the token also admits other repositories' workflows.
// GitHub Docs ("OpenID Connect": "you must define at least one condition, so that untrusted repositories can't
// request access tokens") and IAM recommend a sub condition; since 2024 IAM refuses to create or update a trust
// policy naming token.actions.githubusercontent.com without a sub condition "which is not scoped to all"
// (MalformedPolicyDocument, as reported in unfunco/terraform-aws-oidc-github#57): an older role keeps working,
// but its next trust-policy update is refused until one is added.
import { describeStatement } from '../policy/evaluate.ts';
import { wildcardMatch, withoutSetOperator } from '../policy/match.ts';
import type { TokenContext } from './keys.ts';
import type { TrustAnswer } from './trust.ts';

const SCOPING_CLAIMS = new Set(['sub', 'job_workflow_ref']);

export function broadTrustWarnings(answer: TrustAnswer, context: TokenContext): string[] {
  const warnings: string[] = [];
  const repository = repositoryOf(context);
  for (const allow of answer.allows.filter((o) => o.result === 'yes')) {
    const name = describeStatement(allow.statement);
    const scoping = allow.conditions.filter(
      (c) =>
        c.claim !== undefined &&
        SCOPING_CLAIMS.has(c.claim) &&
        !/not/.test(withoutSetOperator(c.condition.operator).operator),
    );
    if (scoping.length === 0) {
      warnings.push(
        `trust policy ${name} has no condition on ${context.issuer}:sub: any workflow in any GitHub repository can assume this role. ` +
          `IAM now refuses to create or update such a trust policy (MalformedPolicyDocument: it must evaluate ${context.issuer}:sub "which is not scoped to all"): ` +
          `the role keeps working, but its next update must add one, such as StringEquals "${context.issuer}:sub": "${subExample(context, repository)}"`,
      );
      continue;
    }
    if (!repository) continue;
    const like = (operator: string) => withoutSetOperator(operator).operator.startsWith('stringlike');
    for (const { condition } of scoping.filter((c) => c.claim === 'sub' && like(c.condition.operator))) {
      const broad = condition.values.filter((value) => admitsOthers(value, repository));
      if (broad.length > 0)
        warnings.push(
          `trust policy ${name}: ${condition.operator} ${condition.key} ${broad.map((v) => `"${v}"`).join(', ')} admits workflows of other repositories than ${repository.owner}/${repository.name}: scope it to "repo:${repository.owner}/${repository.name}:…"`,
        );
    }
  }
  return warnings;
}

interface Repository {
  readonly owner: string;
  readonly name: string;
}

function repositoryOf(context: TokenContext): Repository | undefined {
  const claim = context.token.claims['repository'];
  const sub = context.token.claims['sub'];
  const full =
    claim && 'value' in claim
      ? claim.value
      : sub && 'value' in sub
        ? /^repo:([^:]+):/.exec(sub.value)?.[1]
        : undefined;
  const [owner, name] = full?.split('/') ?? [];
  return owner && name ? { owner, name } : undefined;
}

/** The value admits a sub of another repository: one named longer, or one of another owner. */
function admitsOthers(value: string, repository: Repository): boolean {
  const rest = ':ref:refs/heads/main';
  return [
    `repo:${repository.owner}/${repository.name}-other${rest}`,
    `repo:${repository.owner}-other/${repository.name}${rest}`,
  ].some((other) => wildcardMatch(value, other));
}

function subExample(context: TokenContext, repository: Repository | undefined): string {
  const sub = context.token.claims['sub'];
  if (sub && 'value' in sub) return sub.value;
  return repository
    ? `repo:${repository.owner}/${repository.name}:ref:refs/heads/main`
    : 'repo:OWNER/REPO:ref:refs/heads/main';
}
