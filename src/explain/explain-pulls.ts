// `pullcheck explain`'s middle: the pulls of one image by one target chosen from the plan, each decided again
// inside a trace (core/trace.ts) by the same rules a check runs, so the trace is the check's own reasoning.
import { didYouMean } from '../core/did-you-mean.ts';
import { pullContext, principalsOf, verdictOf } from '../core/engine.ts';
import { imageName, parseImageName, type ImageReference } from '../core/image-reference.ts';
import type { PreparedProvider } from '../core/provider.ts';
import type { LoadedConfig } from '../core/config/load.ts';
import { quotedValue } from '../core/quoted-value.ts';
import { recordingSink, withTrace, type TraceSink, type TraceStep } from '../core/trace.ts';
import type { MissingGrant, VerdictKind } from '../core/verdict.ts';

/** One pull explained: the verdict a check gives it, and every step the rule took to reach it. */
export interface PullExplanation {
  readonly image: string;
  readonly target: string;
  readonly principal: string;
  readonly verdict: VerdictKind;
  readonly reasons: readonly string[];
  readonly missing: readonly MissingGrant[];
  readonly trace: readonly TraceStep[];
}

export interface ExplainQuestion {
  /** The image as the user wrote it: as in the plan, or any spelling of the same name. */
  readonly image: string;
  readonly target: string;
  readonly principal?: string | undefined;
}

/** A question explain cannot answer (an image, target or principal not in the plan): exit status 2. */
export class ExplainInputError extends Error {}

export function explainPulls(
  config: LoadedConfig,
  providers: readonly PreparedProvider[],
  question: ExplainQuestion,
  lineOf?: TraceSink['lineOf'],
): PullExplanation[] {
  const pulls = pullContext(config, providers);
  const image = chosenImage(pulls.plan.images, question.image);
  const planned = pulls.plan.targets.find((entry) => entry.target.name === question.target);
  if (!planned) {
    const names = pulls.plan.targets.map((entry) => entry.target.name);
    throw new ExplainInputError(
      `target ${quotedValue(question.target)} is not in the plan${didYouMean(question.target, names)}; its targets: ${names.join(', ') || '(none)'}`,
    );
  }
  if (!planned.images.includes(image)) {
    throw new ExplainInputError(
      `target ${planned.target.name} does not pull ${image.raw}; it pulls: ${planned.images.map((i) => i.raw).join(', ') || '(nothing)'}`,
    );
  }
  // Who pulls is itself part of the story on some targets (a k3s node's key for the host, a node role
  // through a credential provider): the steps of finding the principals lead every pull's trace.
  const whoPulls = recordingSink(lineOf);
  const entries = withTrace(whoPulls, () => principalsOf(planned.target, image, pulls.owners));
  const chosen = question.principal
    ? entries.filter((entry) => entry.principal === question.principal)
    : entries;
  if (chosen.length === 0) {
    const names = entries.map((entry) => entry.principal);
    throw new ExplainInputError(
      `principal ${quotedValue(question.principal ?? '')} does not pull for ${planned.target.name}${didYouMean(question.principal ?? '', names)}; its principals: ${names.join(', ')}`,
    );
  }
  return chosen.map((entry) => {
    const sink = recordingSink(lineOf);
    const verdict = withTrace(sink, () => verdictOf(pulls, planned.target, image, entry));
    const leading = ('reasons' in entry ? entry.reasons : undefined) ?? [];
    return {
      image: image.raw,
      target: planned.target.name,
      principal: entry.principal,
      verdict: verdict.verdict,
      reasons: [...leading, ...verdict.reasons],
      missing: verdict.missing,
      trace: [...whoPulls.steps, ...sink.steps],
    };
  });
}

/** The plan's image the user means: the reference as written in the plan, else the same normalised name. */
function chosenImage(images: readonly ImageReference[], written: string): ImageReference {
  const exact = images.find((image) => image.raw === written);
  if (exact) return exact;
  let name: ReturnType<typeof parseImageName> | undefined;
  try {
    name = parseImageName(written);
  } catch {
    name = undefined;
  }
  const sameName = name ? images.filter((image) => imageName(image) === imageName(name)) : [];
  const sameTag = sameName.filter(
    (image) => (!name?.tag || image.tag === name.tag) && (!name?.digest || image.digest === name.digest),
  );
  const found = sameTag[0] ?? (name?.tag || name?.digest ? undefined : sameName[0]);
  if (found) return found;
  const listed = images.map((image) => image.raw);
  throw new ExplainInputError(
    `image ${quotedValue(written)} is not in the plan${didYouMean(written, listed)}; its images: ${listed.join(', ') || '(none)'}`,
  );
}
