// What the request context of an AssumeRoleWithWebIdentity call with a GitHub Actions token holds, by
// condition key. Not every claim of the token is a condition key:
// - IAM User Guide, "IAM and AWS STS condition context keys" ("Available keys for OIDC federation") documents
//   `PROVIDER:aud`, `PROVIDER:sub`, and `amr`, `azp`, `email` for providers whose tokens carry them (a
//   GitHub token carries none of the three);
// - other GitHub claims (`actor`, `job_workflow_ref`, `repository`, …) are a question public reports disagree
//   on: aws-actions/configure-aws-credentials#306 (a condition on `:actor` never matched) and #912
//   (`job_workflow_ref` not usable), while later reports say IAM now accepts `job_workflow_ref`. Such a
//   condition is decided only when carrying the claim and leaving it out give the same answer.
// - configure-aws-credentials names the session GitHubActions unless `role-session-name` is given (its
//   action.yml), which `sts:RoleSessionName` sees; AssumeRoleWithWebIdentity takes no session tags, and a
//   GitHub token carries none, so `aws:RequestTag/…` and `aws:TagKeys` are absent.
import type { Claim, PredictedToken } from '../../../core/ci-path.ts';
import type { ClaimValue } from './claim-match.ts';

export const GITHUB_ISSUER = 'token.actions.githubusercontent.com';
export const DEFAULT_AUDIENCE = 'sts.amazonaws.com';
export const DEFAULT_SESSION_NAME = 'GitHubActions';

const ABSENT_PROVIDER_KEYS = new Set(['amr', 'azp', 'email']);

/** What one condition key holds: a claim as it reaches IAM, or a claim IAM may or may not carry. */
export type KeyValue =
  | { readonly known: ClaimValue; readonly claim?: string }
  | { readonly undocumented: string; readonly ifCarried: ClaimValue };

export interface TokenContext {
  /** The issuer as condition keys and the provider ARN write it: token.actions.githubusercontent.com[/slug]. */
  readonly issuer: string;
  readonly providerArn: string;
  readonly audience: Claim;
  readonly sessionName: string;
  readonly token: PredictedToken;
}

export function keyValue(key: string, context: TokenContext): KeyValue {
  const lower = key.toLowerCase();
  const prefix = `${context.issuer.toLowerCase()}:`;
  if (lower.startsWith(prefix)) {
    // Key names are case-insensitive (IAM User Guide, "Condition"); GitHub's claim names are lower-case.
    const name = lower.slice(prefix.length);
    if (name === 'aud') return { known: claimValue(context.audience), claim: 'aud' };
    if (name === 'sub') return { known: claimValue(context.token.claims['sub']), claim: 'sub' };
    if (ABSENT_PROVIDER_KEYS.has(name)) return { known: { absent: true } };
    return { undocumented: name, ifCarried: claimValue(context.token.claims[name]) };
  }
  switch (lower) {
    case 'sts:rolesessionname':
      return { known: { value: context.sessionName } };
    case 'aws:federatedprovider':
      return { known: { value: context.providerArn } };
    case 'aws:tagkeys':
      return { known: { absent: true } };
    default:
      if (lower.startsWith('aws:requesttag/')) return { known: { absent: true } };
      return {
        known: {
          unknown: `condition key ${key} is not one pullcheck knows the value of for a GitHub Actions login`,
        },
      };
  }
}

/** A predicted claim as a condition sees it; a claim the token leaves out is absent from the request. */
export function claimValue(claim: Claim | undefined): ClaimValue {
  if (claim === undefined) return { absent: true };
  if ('value' in claim) return { value: claim.value };
  if ('pattern' in claim) return { pattern: claim.pattern };
  return { unknown: claim.unknown };
}

/** How a claim reads in a reason: its value, its pattern and why, or why it is unknown. */
export function describeClaim(name: string, claim: Claim | undefined): string {
  if (claim === undefined) return `no ${name} claim`;
  if ('value' in claim) return `${name} ${claim.value}`;
  if ('pattern' in claim) return `${name} ${claim.pattern} (${claim.because})`;
  return `${name} unknown (${claim.unknown})`;
}
