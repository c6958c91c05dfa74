// plan → facts (inside each provider) → verdicts → report. No I/O here.
import type { LoadedConfig } from './config/load.ts';
import type { TargetInput } from './config/schema.ts';
import type { ImageReference } from './image-reference.ts';
import { explainPlan, planSources } from './origins.ts';
import { buildPlan } from './plan.ts';
import type { Provider, ProviderFactory, TargetPrincipal } from './provider.ts';
import { buildReport, type FailOn, type Report } from './report-model.ts';
import type { PullResult, ReportFinding, Verdict } from './verdict.ts';

export interface CheckOptions {
  readonly failOn: FailOn;
  /** Findings made before the check (discovery's), listed first. */
  readonly findings?: readonly ReportFinding[];
}

export function runCheck(
  config: LoadedConfig,
  factories: readonly ProviderFactory[],
  options: CheckOptions,
): Report {
  const providers = factories.map((factory) => factory(config));
  const plan = buildPlan(config);
  const sources = planSources(config);
  const results: PullResult[] = [];
  for (const { target, images } of plan.targets) {
    for (const image of images) {
      for (const entry of principalsOf(target, image, providers)) {
        const verdict =
          'unnamed' in entry ? entry.unnamed : decide(providers, image, target, entry.principal);
        const leading = ('reasons' in entry ? entry.reasons : undefined) ?? [];
        results.push({
          image: image.raw,
          registry: image.registry.kind,
          target: target.name,
          principal: entry.principal,
          ...verdict,
          reasons: [...leading, ...verdict.reasons],
          source: { image: sources.image(image), target: sources.pull(target.name, image) },
        });
      }
    }
  }
  const findings = [
    ...(options.findings ?? []),
    ...providers.flatMap((provider) => provider.findings?.() ?? []),
  ];
  return { ...buildReport(results, findings, options.failOn), plan: explainPlan(plan, sources) };
}

function principalsOf(
  target: TargetInput,
  image: ImageReference,
  providers: readonly Provider[],
): readonly TargetPrincipal[] {
  for (const provider of providers) {
    const principals = provider.principals(target, image);
    if (principals) return principals;
  }
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

function decide(
  providers: readonly Provider[],
  image: ImageReference,
  target: TargetInput,
  principal: string,
): Verdict {
  for (const provider of providers) {
    const verdict = provider.decide({ image, target, principal });
    if (verdict) return verdict;
  }
  return {
    verdict: 'unknown',
    reasons: [
      `pullcheck has no rule for pulls from ${image.registry.kind} registries by ${target.platform} targets;` +
        ` if anyone may pull this image, list it under publicImages`,
    ],
    missing: [],
  };
}
