// What predicting a job's GitHub OIDC token needs: the repository, the workflow that starts the run and
// (for a job in a reusable workflow) the one it calls, the job's environment, the audience, and the
// repository's subject template. The lead's discovery fills it from the workflow files and the facts.
import type { Claim } from '../../core/ci-path.ts';

/** The job's `environment:` as written: a name, `{ name, url }`, or a claim the caller resolved. */
export type EnvironmentInput = string | { readonly name?: unknown; readonly url?: unknown } | Claim;

/**
 * How GitHub assembles `sub` for this repository ("OpenID Connect reference", Customizing the subject
 * claims): its default form, a template of claim keys, or not known.
 */
export type SubTemplate =
  | { readonly useDefault: true }
  | { readonly useDefault: false; readonly includeClaimKeys: readonly string[] }
  | { readonly unknown: string };

export interface SubClaimSetting {
  readonly template: SubTemplate;
  /**
   * The `repo:` segment GitHub reports as `sub_claim_prefix` (`repo:octo-org/octo-repo`, or the immutable
   * `repo:octo-org@123456/octo-repo@456789`); without it the segment is a pattern covering both forms.
   */
  readonly prefix?: string;
}

/** The workflow that starts the run: its path in the repository and its `on:` as parsed YAML. */
export interface WorkflowFile {
  /** `.github/workflows/deploy.yml` (a leading `./` is dropped). */
  readonly path: string;
  readonly on: unknown;
}

export interface TokenContext {
  /** `owner/repo` as GitHub spells it (trust policies compare case-sensitively). */
  readonly repository: string;
  /** Numeric ids, as decimal strings. */
  readonly repositoryId?: string;
  readonly repositoryOwnerId?: string;
  /** `public`, `private` or `internal`, when known. */
  readonly repositoryVisibility?: string;
  /** The default branch's name (`main`); schedule, workflow_run, … run there. */
  readonly defaultBranch?: string;
  /** The workflow file that defines the job (for a called workflow: the called file's path). */
  readonly workflow: WorkflowFile;
  /** When the job is in a reusable workflow: the workflow that calls it, whose events run it. */
  readonly caller?: CallerWorkflow;
  readonly environment?: EnvironmentInput;
  /** The audience the login action asks for; GitHub's default is the owner's URL. */
  readonly audience?: string | Claim;
  readonly subClaim: SubClaimSetting;
  /** `https://token.actions.githubusercontent.com` unless given (GHES, an enterprise's issuer). */
  readonly issuer?: string;
  /** `https://github.com` unless given: the default audience is `SERVER/OWNER`. */
  readonly serverUrl?: string;
}

export interface CallerWorkflow extends WorkflowFile {
  /** The caller job's `uses:` as written: `./.github/workflows/x.yml` or `owner/repo/path@ref`. */
  readonly uses: string;
  /** The full ref `@ref` resolves to (`refs/tags/v1`), when known: a short name may be a branch or a tag. */
  readonly resolvedRef?: string;
}

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
