// plan → verdicts → report, over providers whose rules are already built from the facts. No I/O here: the
// rules read their files when they are prepared (src/core/provider.ts, prepareProviders).
import type { LoadedConfig } from './config/load.ts';
import type { TargetInput } from './config/schema.ts';
import type { ImageReference } from './image-reference.ts';
import { explainPlan, planSources } from './origins.ts';
import { ownership, type Ownership } from './ownership.ts';
import { buildPlan, type Plan } from './plan.ts';
import type { PreparedProvider, TargetPrincipal } from './provider.ts';
import { publicImages } from './public-images.ts';
import { buildReport, type FailOn, type Report } from './report-model.ts';
import type { PullResult, ReportFinding, Verdict } from './verdict.ts';
import { checkCiPath } from './ci-check.ts';
import type { CiLoginSite } from './ci-path.ts';

export interface CheckOptions {
  readonly failOn: FailOn;
  /** Findings made before the check (discovery's), listed first. */
  readonly findings?: readonly ReportFinding[];
  /** The CI path's logins and pushes (issue 18), checked after the pulls. */
  readonly ci?: readonly CiLoginSite[];
}

export function runCheck(
  config: LoadedConfig,
  providers: readonly PreparedProvider[],
  options: CheckOptions,
): Report {
  const pulls = pullContext(config, providers);
  const { owners, plan } = pulls;
  const sources = planSources(config);
  const results: PullResult[] = [];
  // Most reasons are the same text for many pulls ("… allowed by AmazonEC2ContainerRegistryReadOnly"), built
  // anew for each: one copy of each is kept, which takes ~90 MiB (a quarter) off the peak of a check of
  // 100,000 pulls.
  const kept = new Map<string, string>();
  const intern = (text: string) => {
    const known = kept.get(text);
    if (known !== undefined) return known;
    kept.set(text, text);
    return text;
  };
  for (const { target, images } of plan.targets) {
    for (const image of images) {
      for (const entry of principalsOf(target, image, owners)) {
        const verdict = verdictOf(pulls, target, image, entry);
        const leading = ('reasons' in entry ? entry.reasons : undefined) ?? [];
        results.push({
          image: image.raw,
          registry: image.registry.kind,
          target: target.name,
          principal: entry.principal,
          ...verdict,
          reasons: [...leading, ...verdict.reasons].map(intern),
          source: { image: sources.image(image), target: sources.pull(target.name, image) },
        });
      }
    }
  }
  const findings = [
    ...(options.findings ?? []),
    ...providers.flatMap((provider) => provider.rules.findings?.() ?? []),
  ];
  const ci =
    options.ci && options.ci.length > 0 ? checkCiPath(options.ci, providers, config.input.targets) : [];
  return { ...buildReport(results, findings, options.failOn, ci), plan: explainPlan(plan, sources) };
}

/** What deciding a pull needs: who owns what, which images are public, the plan. */
export interface PullContext {
  readonly owners: Ownership;
  readonly isPublic: (image: ImageReference) => Verdict | undefined;
  readonly plan: Plan;
}

export function pullContext(config: LoadedConfig, providers: readonly PreparedProvider[]): PullContext {
  return {
    owners: ownership(providers),
    isPublic: publicImages(config),
    plan: buildPlan(
      config,
      providers.flatMap((provider) => provider.definition.registries),
    ),
  };
}

/** One principal's verdict on one pull (its `reasons`, if any, lead it: the caller adds them). */
export function verdictOf(
  pulls: PullContext,
  target: TargetInput,
  image: ImageReference,
  entry: TargetPrincipal,
): Verdict {
  return 'unnamed' in entry
    ? entry.unnamed
    : (pulls.isPublic(image) ?? decide(pulls.owners, image, target, entry.principal));
}

/** Who pulls `image` for `target`: the target owner's principals, or one unnamed with the reason. */
export function principalsOf(
  target: TargetInput,
  image: ImageReference,
  owners: Ownership,
): readonly TargetPrincipal[] {
  const owner = owners.targetOwner(target);
  if (owner) return owner.rules.principals(target, image);
  return [
    {
      principal: `${target.platform}:${target.name}`,
      unnamed: {
        verdict: 'unknown',
        reasons: [`pullcheck cannot name the pulling identities of ${target.platform} targets yet`],
        missing: [],
      },
    },
  ];
}

function decide(owners: Ownership, image: ImageReference, target: TargetInput, principal: string): Verdict {
  const verdict =
    owners.registryOwner(image)?.rules.publicPull?.(image) ??
    owners.decider(image, target, principal)?.rules.decide({ image, target, principal });
  if (verdict) return verdict;
  return {
    verdict: 'unknown',
    reasons: [
      `pullcheck has no rule for pulls from ${image.registry.kind} registries by ${target.platform} targets;` +
        ` if anyone may pull this image, list it under publicImages`,
    ],
    missing: [],
  };
}
