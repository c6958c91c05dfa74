// The verdict model every provider returns and every report renders (SPEC §4, §5 JSON report).
import type { Origin } from './origins.ts';

export type VerdictKind = 'allowed' | 'denied' | 'unknown';

/** Which side must grant: the identity's own policies, the resource's policy, a binding, a scope, … */
/**
 * `trust`: who may log in as the identity (a role's trust policy, a workload identity provider's condition);
 * `workflow`: what the workflow file itself must say (a job's `permissions: id-token: write`).
 */
export type GrantSide =
  'identity' | 'resource' | 'binding' | 'scope' | 'pull-secret' | 'node-config' | 'trust' | 'workflow';

export interface Fix {
  /** One or two sentences: what to change, where. */
  readonly text: string;
  /** Ready-to-paste forms, keyed by kind: json, cli, terraform, yaml. */
  readonly snippets: Readonly<Record<string, string>>;
}

export interface MissingGrant {
  readonly side: GrantSide;
  readonly permissions: readonly string[];
  /** Set when an explicit Deny, not a missing Allow, blocks the pull; `side` is where the Deny stands. */
  readonly explicitDeny?: true;
  readonly fix: Fix;
}

/** What a provider's rule says about one pull. */
export interface Verdict {
  readonly verdict: VerdictKind;
  readonly reasons: readonly string[];
  readonly missing: readonly MissingGrant[];
}

/** One (image, target, principal) row of the report. */
export interface PullResult extends Verdict {
  /** The reference as the user wrote it. */
  readonly image: string;
  /** The kind of registry that serves the image (`ecr`, `gar`, … or `other`). */
  readonly registry: string;
  readonly target: string;
  readonly principal: string;
  /** Where the image and the target of this pull came from (config, workflow step, manifest). */
  readonly source?: { readonly image: Origin; readonly target: Origin };
}

export type FindingSeverity = 'high' | 'medium' | 'low';

/** Something worth telling that is not a verdict (a committed secret, an expiring token). */
export interface ReportFinding {
  readonly severity: FindingSeverity;
  readonly kind: string;
  readonly file?: string;
  readonly line?: number;
  readonly message: string;
}

export function allowed(reasons: readonly string[]): Verdict {
  return { verdict: 'allowed', reasons, missing: [] };
}

export function unknown(reasons: readonly string[]): Verdict {
  return { verdict: 'unknown', reasons, missing: [] };
}
