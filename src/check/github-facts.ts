// What GitHub itself says about the tokens of the workflows' OIDC logins (issue 18), joined to
// facts.github.oidc before the tokens are predicted: the repository's ids from the runner's variables, and
// its subject template read live. What the config states wins; a read that fails leaves the template
// unknown and is said in a note, never guessed.
import type { LoadedConfig } from '../core/config/load.ts';
import type { GithubFactsInput } from '../core/config/github-schema.ts';
import type { FoundCiLogin } from '../discover/index.ts';
import { readSubCustomization } from '../github/oidc/index.ts';

export interface GitHubReadSetup {
  readonly token: string;
  /** GITHUB_API_URL of the run (GHES), when not github.com. */
  readonly apiUrl?: string | undefined;
}

type OidcInput = NonNullable<GithubFactsInput['oidc']>;

/** The config with the repository's OIDC facts filled in; notes say what could not be read. */
export async function withGitHubFacts(
  config: LoadedConfig,
  logins: readonly FoundCiLogin[],
  env: Readonly<Record<string, string | undefined>>,
  github: GitHubReadSetup | undefined,
): Promise<{ config: LoadedConfig; notes: string[] }> {
  const repository = logins.find((login) => login.job.top.repository)?.job.top.repository;
  if (logins.length === 0 || !repository) return { config, notes: [] };
  const stated: OidcInput = config.input.facts?.github?.oidc ?? {};
  const added: OidcInput = {};
  const notes: string[] = [];
  // The runner's own variables name the repository that runs (never a secret).
  if (env['GITHUB_REPOSITORY'] === repository) {
    const id = env['GITHUB_REPOSITORY_ID'];
    const owner = env['GITHUB_REPOSITORY_OWNER_ID'];
    if (stated.repositoryId === undefined && id && /^[1-9]\d*$/.test(id)) added.repositoryId = id;
    if (stated.repositoryOwnerId === undefined && owner && /^[1-9]\d*$/.test(owner))
      added.repositoryOwnerId = owner;
  }
  if (stated.subClaim === undefined && github) {
    const { oidcCustomizationApi } = await import('../github/octokit.ts');
    const api = oidcCustomizationApi(
      github.token,
      { warning: (message) => notes.push(message) },
      github.apiUrl,
    );
    const read = await readSubCustomization(api, repository);
    if ('subClaim' in read) added.subClaim = read.subClaim;
    else notes.push(`the OIDC subject template of ${repository} is not known: ${read.unreadable}`);
  }
  if (Object.keys(added).length === 0) return { config, notes };
  const facts = config.input.facts ?? {};
  const oidc = { ...added, ...stated };
  return {
    config: { ...config, input: { ...config.input, facts: { ...facts, github: { ...facts.github, oidc } } } },
    notes,
  };
}
