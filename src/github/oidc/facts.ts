// `facts.github.oidc` as the parts of a TokenContext it gives: the subject template (unknown when not
// written: GitHub's default cannot be assumed, a template may be in force), the ids, the default branch
// and the visibility. What the schema cannot say is checked here, with the line it was written on.
import type { LoadedConfig } from '../../core/config/load.ts';
import type { GithubFactsInput } from '../../core/config/github-schema.ts';
import { didYouMean } from '../../core/did-you-mean.ts';
import { ConfigError, type ConfigProblem } from '../../core/errors.ts';
import { isSubjectClaimKey, SUBJECT_CLAIM_KEYS } from './claim-keys.ts';
import type { SubClaimSetting, SubTemplate, TokenContext } from './context.ts';

export type OidcFacts = Pick<
  TokenContext,
  'subClaim' | 'repositoryId' | 'repositoryOwnerId' | 'defaultBranch' | 'repositoryVisibility'
>;

/** `facts.github.oidc.subClaim` as written, or as live reads write it. */
export type SubClaimFacts = NonNullable<NonNullable<GithubFactsInput['oidc']>['subClaim']>;
type SubClaimInput = SubClaimFacts;

export const SUB_TEMPLATE_NOT_KNOWN =
  "the repository's OIDC subject template is not known: set facts.github.oidc.subClaim (as GET /repos/OWNER/REPO/actions/oidc/customization/sub answers) or let live reads read it";

const PATH = ['facts', 'github', 'oidc'] as const;

function templateProblems(input: SubClaimInput, config: LoadedConfig): ConfigProblem[] {
  const keys = input.includeClaimKeys;
  if (input.useDefault && keys !== undefined) {
    return [
      {
        where: config.locate([...PATH, 'subClaim', 'includeClaimKeys']),
        message:
          'facts.github.oidc.subClaim: GitHub ignores includeClaimKeys when useDefault is true; remove one of them',
      },
    ];
  }
  if (!input.useDefault && (keys === undefined || keys.length === 0)) {
    return [
      {
        where: config.locate([...PATH, 'subClaim']),
        message:
          "facts.github.oidc.subClaim: useDefault false needs includeClaimKeys, the template in force (the repository's own, or its organization's when the repository opts in to it)",
      },
    ];
  }
  return (keys ?? []).flatMap((key, i) =>
    isSubjectClaimKey(key)
      ? []
      : [
          {
            where: config.locate([...PATH, 'subClaim', 'includeClaimKeys', i]),
            message: `facts.github.oidc.subClaim.includeClaimKeys: \`${key}\` is no claim GitHub puts in a subject${didYouMean(key, SUBJECT_CLAIM_KEYS)}`,
          },
        ],
  );
}

/**
 * The subject setting facts give: written ones, or what live reads answered (`{ unreadable }`: unknown,
 * naming why); unknown when there are none.
 */
export function subClaimSetting(
  input: SubClaimFacts | { readonly unreadable: string } | undefined,
): SubClaimSetting {
  if (input === undefined) return { template: { unknown: SUB_TEMPLATE_NOT_KNOWN } };
  if ('unreadable' in input) {
    return { template: { unknown: `${input.unreadable}; or set facts.github.oidc.subClaim` } };
  }
  if (!input.useDefault && (input.includeClaimKeys ?? []).length === 0) {
    return { template: { unknown: SUB_TEMPLATE_NOT_KNOWN } };
  }
  const template: SubTemplate = input.useDefault
    ? { useDefault: true }
    : { useDefault: false, includeClaimKeys: input.includeClaimKeys ?? [] };
  return { template, ...(input.prefix === undefined ? {} : { prefix: input.prefix }) };
}

const id = (value: string | number | undefined) => (value === undefined ? {} : { value: String(value) });

export function oidcFacts(config: LoadedConfig): OidcFacts {
  const input = config.input.facts?.github?.oidc ?? {};
  const problems = input.subClaim ? templateProblems(input.subClaim, config) : [];
  if (problems.length > 0) throw new ConfigError(problems);
  const repositoryId = id(input.repositoryId).value;
  const repositoryOwnerId = id(input.repositoryOwnerId).value;
  return {
    subClaim: subClaimSetting(input.subClaim),
    ...(repositoryId === undefined ? {} : { repositoryId }),
    ...(repositoryOwnerId === undefined ? {} : { repositoryOwnerId }),
    ...(input.defaultBranch === undefined ? {} : { defaultBranch: input.defaultBranch }),
    ...(input.repositoryVisibility === undefined ? {} : { repositoryVisibility: input.repositoryVisibility }),
  };
}
