// Live reads: each provider reads its own cloud's facts (loaded only now), all through one CallRunner.
import type { LoadedConfig } from '../core/config/load.ts';
import { CallRunner } from '../core/call-runner.ts';
import { buildPlan } from '../core/plan.ts';
import { providers, registries } from '../providers/index.ts';
import type { LiveFacts } from './live-facts.ts';
import type { CiLogin, CiLoginSite, PushQuestion } from '../core/ci-path.ts';
import { ImageReferenceError, parseImageReference } from '../core/image-reference.ts';
import { registryLocator } from '../core/registries.ts';

export interface LiveReadSetup {
  /** What each provider reads with, by provider name: `aws` a session, `gcp` an access token or auth client, `kubernetes` a connection. Default: each cloud's ambient credentials (none for Kubernetes). */
  readonly credentials?: Readonly<Record<string, unknown>>;
  /** How to supply credentials, by provider name, in the words of the entry that runs (the action names its inputs). */
  readonly credentialHints?: Readonly<Record<string, string>>;
  readonly concurrency?: number;
  readonly runner?: CallRunner;
  /** The CI path's logins and pushes (issue 18): what their providers read to decide them. */
  readonly ci?: readonly CiLoginSite[];
}

export interface LiveReadResult {
  readonly facts: LiveFacts;
  /** What could not be read at all (no credentials for a cloud). */
  readonly notes: readonly string[];
  /** Calls sent (retries included) and distinct resources read. */
  readonly calls: number;
  readonly reads: number;
}

export async function readLiveFacts(
  config: LoadedConfig,
  setup: LiveReadSetup = {},
): Promise<LiveReadResult> {
  const runner = setup.runner ?? new CallRunner({ concurrency: setup.concurrency ?? 8 });
  const context = {
    config,
    plan: buildPlan(config, registries),
    runner,
    credentials: setup.credentials ?? {},
    credentialHints: setup.credentialHints ?? {},
    ...ciReads(setup.ci ?? [], config),
  };
  // Every cloud at once, through the one runner (its concurrency bounds them together); results in list order.
  const results = await Promise.all(
    providers.map(async (provider) =>
      provider.liveReads ? { provider, result: await (await provider.liveReads()).read(context) } : undefined,
    ),
  );
  const facts: Record<string, unknown> = {};
  const notes: string[] = [];
  for (const entry of results) {
    if (entry?.result?.facts) facts[entry.provider.name] = entry.result.facts;
    notes.push(...(entry?.result?.notes ?? []));
  }
  return { facts: facts as LiveFacts, notes, calls: runner.sent, reads: runner.reads };
}

/**
 * The logins live reads decide, and the pushes with the principal each provider's login gives: an IAM
 * role pushes as itself, a Google login as the service account it impersonates.
 */
export function ciReads(
  sites: readonly CiLoginSite[],
  config: LoadedConfig,
): { ciLogins?: CiLogin[]; ciPushes?: PushQuestion[] } {
  const logins = sites.flatMap((site) => ('unresolved' in site.login ? [] : [site.login]));
  if (logins.length === 0) return {};
  const locate = registryLocator(registries, config.input.targets);
  const pushes = sites.flatMap((site) => {
    if ('unresolved' in site.login) return [];
    const account = site.login.with['service_account'];
    const principal =
      site.login.provider === 'aws' ? site.login.identity : account ? `serviceAccount:${account}` : undefined;
    if (!principal) return [];
    return site.pushes.flatMap(({ image }) => {
      try {
        return [{ image: parseImageReference(image, locate), principal }];
      } catch (error) {
        if (error instanceof ImageReferenceError) return [];
        throw error;
      }
    });
  });
  return { ciLogins: logins, ciPushes: pushes };
}
