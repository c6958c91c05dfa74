// The trust policy each CI login's role needs, scoped to the tokens the workflow's jobs present: the `sub`
// GitHub's OIDC token predictor (src/github/oidc/) gives for each event the job runs on. IAM User Guide,
// "Configuring a role for GitHub OIDC identity provider":
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub
import type { CiLoginSite } from '../core/ci-path.ts';
import { parseRoleArn } from '../providers/aws/arn.ts';
import { githubProviderArn } from '../providers/aws/web-identity/collect-oidc.ts';
import { GITHUB_ISSUER } from '../providers/aws/web-identity/keys.ts';

export interface AwsTrustPolicy {
  readonly role: string;
  /** `FILE#JOB` of each job that logs in as the role. */
  readonly jobs: readonly string[];
  readonly document: unknown;
  /** Why no subject could be predicted for a job (the trust policy then leaves it out). */
  readonly notes: readonly string[];
}

export const NO_SUBJECT = '<no subject could be predicted: see the notes>';

/**
 * One trust policy per AWS role the workflows log in as with GitHub's OIDC token. `unscoped`: why the subjects
 * do not tell this repository's tokens from others' (a template naming no repository); then no subject is
 * trusted, since `sub` is the only claim an AWS trust policy can test besides `aud`.
 */
export function awsTrustPolicies(sites: readonly CiLoginSite[], unscoped?: string): AwsTrustPolicy[] {
  const byRole = new Map<
    string,
    { jobs: Set<string>; subjects: Set<string>; audience: string; notes: string[] }
  >();
  for (const site of sites) {
    const { login } = site;
    if ('unresolved' in login || login.provider !== 'aws' || login.oidc === false) continue;
    if (!parseRoleArn(login.identity)) continue;
    const entry = byRole.get(login.identity) ?? {
      jobs: new Set(),
      subjects: new Set(),
      audience: login.with['audience'] || 'sts.amazonaws.com',
      notes: [],
    };
    entry.jobs.add(site.job);
    if (site.noTokens) entry.notes.push(`${site.job}: ${site.noTokens}`);
    for (const token of site.tokens) {
      const sub = token.claims['sub'];
      // A glob claim (`*` for any text) is what StringLike takes as it is.
      if (sub && 'value' in sub) entry.subjects.add(sub.value);
      else if (sub && 'pattern' in sub) entry.subjects.add(sub.pattern);
      else entry.notes.push(`${site.job} (${token.trigger}): sub ${sub ? sub.unknown : 'not predicted'}`);
    }
    byRole.set(login.identity, entry);
  }
  return [...byRole.entries()].map(([role, entry]) => {
    const { partition, account } = parseRoleArn(role)!;
    // No subject predicted (see the notes): a value no token carries keeps the policy closed, never open.
    const subjects = entry.subjects.size > 0 && !unscoped ? [...entry.subjects].sort() : [NO_SUBJECT];
    return {
      role,
      jobs: [...entry.jobs].sort(),
      notes: unscoped ? [unscoped, ...entry.notes] : entry.notes,
      document: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'GitHubActionsOidc',
            Effect: 'Allow',
            Principal: { Federated: githubProviderArn(partition, account) },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: trustConditions(entry.audience, subjects),
          },
        ],
      },
    };
  });
}

/** aud exactly; sub among the predicted subjects (StringLike when one is a glob: `*` any text). */
function trustConditions(audience: string, subjects: readonly string[]) {
  const aud = { [`${GITHUB_ISSUER}:aud`]: audience };
  const sub = { [`${GITHUB_ISSUER}:sub`]: subjects };
  return subjects.some((subject) => subject.includes('*'))
    ? { StringEquals: aud, StringLike: sub }
    : { StringEquals: { ...aud, ...sub } };
}
