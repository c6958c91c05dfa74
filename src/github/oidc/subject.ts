// The `sub` claim: GitHub's default form ("OpenID Connect reference", Example subject claims: the
// environment first, then pull_request, then the ref) or a customized template (Customizing the subject
// claims: each key as `key:value`, `repo` as `repo:OWNER/REPO`, `context` as the default form's context,
// joined with `:`). A `:` inside a value is written `%3A`.
import type { Claim } from '../../core/ci-path.ts';
import { joinClaims, mapClaim, pattern, unknown } from './claims.ts';
import { RUN_VARYING_CLAIMS } from './claim-keys.ts';
import type { SubClaimSetting } from './context.ts';

const escapeColons = (claim: Claim): Claim => mapClaim(claim, (text) => text.replaceAll(':', '%3A'));

/** `repo:OWNER/REPO`, or the immutable `repo:OWNER@ID/REPO@ID`: GitHub's prefix says which. */
export function repoSegment(setting: SubClaimSetting, repository: string): Claim {
  if (setting.prefix !== undefined) return { value: setting.prefix };
  const [owner, repo] = repository.split('/');
  return pattern(
    `repo:${owner}*/${repo}*`,
    'GitHub writes repo:OWNER/REPO, or repo:OWNER@OWNER_ID/REPO@REPO_ID for a repository created, renamed or transferred after 15 July 2026 or opted in to immutable subjects: set facts.github.oidc.subClaim.prefix to the sub_claim_prefix GitHub reports (or let live reads read it)',
  );
}

/** The default form's context: `environment:NAME` for a job with one, else what the run names. */
export function subjectContext(environment: Claim | undefined, runContext: Claim): Claim {
  return environment === undefined ? runContext : joinClaims(['environment:', escapeColons(environment)]);
}

function keyPiece(key: string, claims: Readonly<Record<string, Claim>>): Claim {
  const claim = claims[key];
  if (claim === undefined) {
    return unknown(
      key === 'environment'
        ? 'the subject template includes environment, and GitHub requires one: a job without an environment gets no token'
        : `the subject template includes ${key}, which this token does not carry`,
    );
  }
  if ('value' in claim && claim.value === '') {
    return unknown(
      `the subject template includes ${key}, empty in this token: GitHub's docs do not say how it writes that`,
    );
  }
  if ('unknown' in claim && key in RUN_VARYING_CLAIMS) {
    return joinClaims([`${key}:`, pattern('*', `${key} changes with ${RUN_VARYING_CLAIMS[key]}`)]);
  }
  return joinClaims([`${key}:`, escapeColons(claim)]);
}

export function subjectClaim(
  setting: SubClaimSetting,
  repository: string,
  context: Claim,
  claims: Readonly<Record<string, Claim>>,
): Claim {
  const { template } = setting;
  if ('unknown' in template) return unknown(template.unknown);
  const repo = repoSegment(setting, repository);
  if (template.useDefault) return joinClaims([repo, ':', context]);
  const pieces = template.includeClaimKeys.map((key) =>
    key === 'repo' ? repo : key === 'context' ? context : keyPiece(key, claims),
  );
  return joinClaims(pieces.flatMap((piece, index) => (index === 0 ? [piece] : [':', piece])));
}
