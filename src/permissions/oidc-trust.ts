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
    { jobs: Set<string>; subjects: Map<string, SubjectKind>; audience: string; notes: string[] }
  >();
  for (const site of sites) {
    const { login } = site;
    if ('unresolved' in login || login.provider !== 'aws' || login.oidc === false) continue;
    if (!parseRoleArn(login.identity)) continue;
    const entry = byRole.get(login.identity) ?? {
      jobs: new Set<string>(),
      subjects: new Map<string, SubjectKind>(),
      audience: login.with['audience'] || 'sts.amazonaws.com',
      notes: [] as string[],
    };
    entry.jobs.add(site.job);
    if (site.noTokens) entry.notes.push(`${site.job}: ${site.noTokens}`);
    for (const token of site.tokens) {
      const sub = token.claims['sub'];
      const literalStar = sub && 'pattern' in sub ? starredValueIn(sub.pattern, token.claims) : undefined;
      if (sub && 'value' in sub) entry.subjects.set(sub.value, 'exact');
      else if (literalStar !== undefined)
        entry.notes.push(
          `${site.job} (${token.trigger}): sub holds ${literalStar}, whose * a StringLike pattern cannot tell from its wildcards: left out`,
        );
      else if (sub && 'pattern' in sub) entry.subjects.set(sub.pattern, 'glob');
      else entry.notes.push(`${site.job} (${token.trigger}): sub ${sub ? sub.unknown : 'not predicted'}`);
    }
    byRole.set(login.identity, entry);
  }
  return [...byRole.entries()].map(([role, entry]) => {
    const { partition, account } = parseRoleArn(role)!;
    // No subject predicted (see the notes): a value no token carries keeps the policy closed, never open.
    const subjects =
      entry.subjects.size > 0 && !unscoped
        ? policySubjects(entry.subjects)
        : { like: false, values: [NO_SUBJECT] };
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
            Condition: trustConditions(entry.audience, subjects.values, subjects.like),
          },
        ],
      },
    };
  });
}

/** A subject as predicted: exact text, or a glob whose every `*` stands for any text. */
type SubjectKind = 'exact' | 'glob';

/** A claim's exact value holding a `*` that is written into the glob `pattern` (an environment `qa*`). */
function starredValueIn(pattern: string, claims: Readonly<Record<string, unknown>>): string | undefined {
  for (const [key, claim] of Object.entries(claims)) {
    const value =
      key !== 'sub' && claim && typeof claim === 'object' && 'value' in claim ? claim.value : undefined;
    if (typeof value === 'string' && value.includes('*') && pattern.includes(value)) return `${key} ${value}`;
  }
  return undefined;
}

/**
 * The subjects as IAM reads them (IAM User Guide, "IAM policy elements: Variables and tags", special
 * characters): `$` is always `${$}` (`${` starts a policy variable); with StringLike — when one subject is a
 * glob — a literal `?` is `${?}` and an exact subject's `*` is `${*}`, so neither is a wildcard.
 */
function policySubjects(subjects: ReadonlyMap<string, SubjectKind>): { like: boolean; values: string[] } {
  const like = [...subjects.values()].includes('glob');
  const values = [...subjects.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([subject, kind]) => {
      const text = subject.replaceAll('$', '${$}');
      if (!like) return text;
      const noQuestion = text.replaceAll('?', '${?}');
      return kind === 'exact' ? noQuestion.replaceAll('*', '${*}') : noQuestion;
    });
  return { like, values };
}

/** aud exactly; sub among the predicted subjects (StringLike when one is a glob: `*` any text). */
function trustConditions(audience: string, subjects: readonly string[], like: boolean) {
  const aud = { [`${GITHUB_ISSUER}:aud`]: audience };
  const sub = { [`${GITHUB_ISSUER}:sub`]: subjects };
  return like ? { StringEquals: aud, StringLike: sub } : { StringEquals: { ...aud, ...sub } };
}
