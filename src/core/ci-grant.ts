// What GitHub itself decides before any cloud is asked: a job whose GITHUB_TOKEN may not request an OIDC
// token (`id-token: write`) fails at its login step ("Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env
// variable"), whatever the trust policy says; and a pull request from a fork gets no OIDC token at all
// ("Permissions for the GITHUB_TOKEN": id-token is none for pull requests from public forks).
import type { CiLogin, IdTokenGrant, LoginVerdict, PredictedToken } from './ci-path.ts';
import type { MissingGrant } from './verdict.ts';

export function withGrant(verdict: LoginVerdict, grant: IdTokenGrant | undefined, job: string): LoginVerdict {
  if (!grant || ('write' in grant && grant.write)) return verdict;
  if ('unknown' in grant) {
    if (verdict.verdict !== 'allowed') return verdict;
    const reason = `unknown: whether the job may request GitHub's OIDC token: ${grant.unknown}`;
    return { ...verdict, verdict: 'unknown', reasons: [reason, ...verdict.reasons] };
  }
  const reason = `the job cannot request GitHub's OIDC token: ${grant.why}, so the login fails before the cloud is asked`;
  return { ...verdict, verdict: 'denied', reasons: [reason, ...verdict.reasons], missing: [idTokenFix(job)] };
}

function idTokenFix(job: string): MissingGrant {
  const id = job.slice(job.lastIndexOf('#') + 1);
  return {
    side: 'workflow',
    permissions: ['id-token: write'],
    fix: {
      text: `Give job ${id} \`id-token: write\` in its \`permissions:\` (naming any permission sets the others to none: keep \`contents: read\` for actions/checkout).`,
      snippets: {
        yaml: `jobs:\n  ${id}:\n    permissions:\n      id-token: write # GitHub's OIDC token for the login\n      contents: read # actions/checkout`,
      },
    },
  };
}

/** An allowed login on pull_request holds for the repository's own branches only. */
export function forkWarning(verdict: LoginVerdict, token: PredictedToken, login: CiLogin): LoginVerdict {
  if (token.event !== 'pull_request' || verdict.verdict !== 'allowed' || login.oidc === false) return verdict;
  const warning =
    "a pull request from a fork gets no OIDC token (GitHub withholds id-token from forks' runs): this login works for pull requests from the repository's own branches";
  return { ...verdict, warnings: [...(verdict.warnings ?? []), warning] };
}
