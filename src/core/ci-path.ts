// The CI side of the deploy path (issue 18): the GitHub OIDC token a job presents for each event that runs
// it, whether the cloud lets that token log in, and whether the identity it logs in as may push each image
// the job pushes. Providers answer `decideLogin` and `decidePush` (src/core/provider.ts) over these types;
// src/github/oidc predicts the tokens; the check joins them into report rows.
import type { ImageReference } from './image-reference.ts';
import type { Origin } from './origins.ts';
import type { Verdict } from './verdict.ts';

/** One claim of a predicted token. */
export type Claim =
  /** Known exactly. */
  | { readonly value: string }
  /**
   * One of many values, as a glob in which `*` stands for any text, `/` included (a push to branches
   * `release/**` gives `ref` `refs/heads/release/*`); `because` says where the freedom comes from.
   */
  | { readonly pattern: string; readonly because: string }
  /** Not knowable offline: why, and how to supply it. */
  | { readonly unknown: string };

/** The token one job presents for one kind of triggering event. */
export interface PredictedToken {
  /** `event_name` as GitHub sets it: push, pull_request, workflow_dispatch, schedule, … */
  readonly event: string;
  /** The trigger in words, as the report shows it: `push to main`, `pull_request`, `release`. */
  readonly trigger: string;
  /**
   * Claims by name: sub, aud, repository, repository_owner, ref, ref_type, environment, job_workflow_ref,
   * event_name, … A claim GitHub leaves out of this token (environment for a job without one) is absent.
   */
  readonly claims: Readonly<Record<string, Claim>>;
}

/** A login a workflow job performs with GitHub's OIDC token (or pullcheck's own login inputs). */
export interface CiLogin {
  /** The provider that owns it: `aws`, `gcp`, `openshift`. */
  readonly provider: string;
  /** What logs in, as the provider names it: an IAM role ARN; a workload identity provider resource. */
  readonly identity: string;
  /** The action's inputs as written and resolved (role-to-assume, audience, service_account, …). */
  readonly with: Readonly<Record<string, string>>;
  /** The step: its file, line and action. */
  readonly origin: Origin;
  /** false: the login presents a credential (oc-login's token), not GitHub's OIDC token. */
  readonly oidc?: false;
}

export interface LoginQuestion {
  readonly login: CiLogin;
  readonly token: PredictedToken;
}

/** A login's verdict, and the principal it gives the job when it works (the one pushes are checked for). */
export interface LoginVerdict extends Verdict {
  /** The principal after login, in the provider's principal form (the role ARN, `serviceAccount:EMAIL`). */
  readonly principal?: string;
  /** Said beside the verdict: a suggested condition broader than the repository (`repo:org/*`). */
  readonly warnings?: readonly string[];
}

export interface PushQuestion {
  readonly image: ImageReference;
  /** The principal that pushes, as LoginVerdict.principal names it. */
  readonly principal: string;
}

/** One row of the CI path: a job's login for one event, or a push of one image. */
export interface CiResult extends Verdict {
  readonly kind: 'login' | 'push';
  /** `FILE#JOB`: the workflow file and the job id. */
  readonly job: string;
  /** login rows: the trigger (`push to main`). */
  readonly trigger?: string;
  /** login rows: what logs in; push rows: the principal that pushes. */
  readonly identity: string;
  /** push rows: the image as the workflow pushes it. */
  readonly image?: string;
  readonly warnings?: readonly string[];
  readonly source?: Origin;
}

/**
 * Whether a job's GITHUB_TOKEN may request an OIDC token (`id-token: write`): without it the login action
 * fails before the cloud is asked.
 */
export type IdTokenGrant =
  { readonly write: true } | { readonly write: false; readonly why: string } | { readonly unknown: string };

/** A CI login as the check takes it: resolved (with its tokens), or the fact its identity needs. */
export interface CiLoginSite {
  /** `FILE#JOB`. */
  readonly job: string;
  readonly login:
    CiLogin | { readonly provider: string; readonly unresolved: string; readonly origin: Origin };
  /** The tokens the job presents, one per kind of event (empty when the login is unresolved). */
  readonly tokens: readonly PredictedToken[];
  /** Why no token could be predicted, when `tokens` is empty for a resolved login. */
  readonly noTokens?: string;
  /** Whether the job may request an OIDC token at all (undefined: not known to the caller). */
  readonly idToken?: IdTokenGrant;
  /** The images the job pushes after the login. */
  readonly pushes: readonly { readonly image: string; readonly origin?: Origin }[];
}
