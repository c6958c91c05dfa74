// The check, once for both entries: the discovered config → live reads (unless offline) → snapshot →
// verdicts → the report model, redacted. The CLI and the action only parse their inputs before it and write
// their sinks after it (stdout or --output; outputs, annotations, summary and comment).
import { writeFileSync } from 'node:fs';
import type { LiveReadSetup } from './live-reads.ts';
import { liveResources, withLiveFacts } from './live-facts.ts';
import { snapshotYaml } from './snapshot.ts';
import type { LoadedConfig } from '../core/config/load.ts';
import { runCheck } from '../core/engine.ts';
import { withNothingToCheck, type LookedAt } from '../core/nothing-to-check.ts';
import { redactStrings } from '../core/outgoing-text.ts';
import type { FailOn, Report } from '../core/report-model.ts';
import type { ReportFinding } from '../core/verdict.ts';
import { loadedProviders, preparedProviders } from '../providers/index.ts';
import type { PreparedProvider } from '../core/provider.ts';
import type { CiLoginSite } from '../core/ci-path.ts';
import type { FoundCiLogin } from '../discover/index.ts';
import { ciSites } from './ci-sites.ts';
import { withGitHubFacts, type GitHubReadSetup } from './github-facts.ts';

export interface CheckRequest {
  /** The config with what discovery found joined to it. */
  readonly config: LoadedConfig;
  /** What discovery could not read or resolve. */
  readonly findings: readonly ReportFinding[];
  readonly failOn: FailOn;
  /** What was looked at, for the finding a check with no pulls gets. */
  readonly lookedAt: LookedAt;
  /** How to read live facts; undefined: offline, the config's facts only. */
  readonly live: LiveReadSetup | undefined;
  /** Where to write the snapshot (the config with every fact used), if anywhere. */
  readonly snapshot: string | undefined;
  /** The workflows' OIDC logins and what each job pushes after (issue 18). */
  readonly ciLogins?: readonly FoundCiLogin[];
  /** The runner's variables (GITHUB_REPOSITORY_ID, …) for the logins' tokens. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** A GitHub token to read the repository's OIDC subject template with, when reading live. */
  readonly github?: GitHubReadSetup;
}

export interface CheckOutcome {
  readonly report: Report;
  /** What the live reads did, for the entry's log; undefined when offline. */
  readonly liveRead: LiveReadLog | undefined;
}

export interface LiveReadLog {
  /** What could not be read at all (no credentials for a cloud). */
  readonly notes: readonly string[];
  /** Calls sent, retries included. */
  readonly calls: number;
  /** Resources read: a read the cloud refused is not one. */
  readonly resourcesRead: number;
}

/** What reading the facts needs: the discovered config and how to read live (CheckRequest's first part). */
export type FactsRequest = Pick<CheckRequest, 'config' | 'live' | 'snapshot' | 'ciLogins' | 'env' | 'github'>;

/** The config with every fact joined (stated and read live), and the providers' rules built over it. */
export interface PreparedCheck {
  readonly config: LoadedConfig;
  readonly providers: readonly PreparedProvider[];
  /** The CI path's logins and pushes, predicted over the joined facts. */
  readonly ci: readonly CiLoginSite[];
  /** The resources read live. */
  readonly live: readonly string[];
  readonly liveRead: LiveReadLog | undefined;
}

/** The facts read (live unless offline) and the snapshot written: what `check` and `explain` decide over. */
export async function prepareCheck(request: FactsRequest): Promise<PreparedCheck> {
  // The rules load while the clouds are read (preparedProviders below awaits the same loading).
  loadedProviders().catch(() => {}); // a failure is reported there, not left unhandled meanwhile
  let config = request.config;
  let live: string[] = [];
  let liveRead: CheckOutcome['liveRead'];
  const gitHub = await withGitHubFacts(
    config,
    request.ciLogins ?? [],
    request.env ?? {},
    request.live ? request.github : undefined,
  );
  config = gitHub.config;
  const ci = ciSites(request.ciLogins ?? [], config);
  if (request.live) {
    // The cloud clients load only when live reads need them: an offline check starts without them.
    const { readLiveFacts } = await import('./live-reads.ts');
    const read = await readLiveFacts(config, { ...request.live, ci });
    config = withLiveFacts(config, read.facts);
    live = liveResources(read.facts);
    liveRead = { notes: [...gitHub.notes, ...read.notes], calls: read.calls, resourcesRead: live.length };
  }
  if (request.snapshot) writeFileSync(request.snapshot, snapshotYaml(config, request.snapshot));
  return {
    config,
    providers: await preparedProviders(config),
    // Predicted again over the joined facts: live reads may have read the repository's subject template.
    ci: request.live ? ciSites(request.ciLogins ?? [], config) : ci,
    live,
    liveRead,
  };
}

export async function checkPulls(request: CheckRequest): Promise<CheckOutcome> {
  const { config, providers, ci, live, liveRead } = await prepareCheck(request);
  const checked = withNothingToCheck(
    runCheck(config, providers, { failOn: request.failOn, findings: request.findings, ci }),
    request.lookedAt,
  );
  // The report says which facts were read live, when any were.
  const report = redactStrings(live.length > 0 ? { ...checked, facts: { live: [...live] } } : checked);
  return { report, liveRead };
}
