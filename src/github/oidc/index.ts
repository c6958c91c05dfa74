// The GitHub OIDC token prediction (issue 18) as the check calls it: the pure predictor, the config's
// facts, and the live read of the subject template (its Octokit adapter is oidcCustomizationApi in
// ../octokit.ts, the one place Octokit lives).
export { predictTokens, environmentClaim } from './predict.ts';
export type {
  CallerWorkflow,
  EnvironmentInput,
  SubClaimSetting,
  SubTemplate,
  TokenContext,
  WorkflowFile,
} from './context.ts';
export { GITHUB_ISSUER } from './context.ts';
export {
  oidcFacts,
  subClaimSetting,
  SUB_TEMPLATE_NOT_KNOWN,
  type OidcFacts,
  type SubClaimFacts,
} from './facts.ts';
export {
  readSubCustomization,
  type OidcCustomizationApi,
  type SubCustomizationRead,
} from './read-customization.ts';
export { isSubjectClaimKey, SUBJECT_CLAIM_KEYS } from './claim-keys.ts';
