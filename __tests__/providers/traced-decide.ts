// Decides one pull with a provider's rules inside a trace (issue 19, `pullcheck explain`), and without one,
// so a test can assert the steps and that tracing changes no verdict.
import assert from 'node:assert/strict';
import type { LoadedConfig } from '../../src/core/config/load.ts';
import { parseImageReference } from '../../src/core/image-reference.ts';
import type { PullRules } from '../../src/core/provider.ts';
import { registryLocator } from '../../src/core/registries.ts';
import { activeTrace, recordingSink, withTrace, type TraceStep } from '../../src/core/trace.ts';
import type { Verdict } from '../../src/core/verdict.ts';
import { registries } from '../../src/providers/index.ts';

export interface TracedPull {
  readonly verdict: Verdict | undefined;
  readonly steps: readonly TraceStep[];
}

/** `principal` defaults to the one the rules name for the pull (the first). */
export function tracedDecide(
  config: LoadedConfig,
  rules: PullRules,
  image: string,
  targetName: string,
  principal?: string,
): TracedPull {
  const targets = config.input.targets ?? [];
  const target = targets.find((candidate) => candidate.name === targetName);
  assert.ok(target, `no target ${targetName}`);
  const reference = parseImageReference(image, registryLocator(registries, targets));
  const sink = recordingSink();
  const traced = withTrace(sink, () => {
    const who = principal ?? rules.principals(target, reference)[0]?.principal ?? '';
    return rules.decide({ image: reference, target, principal: who });
  });
  // Outside withTrace no trace is active, nothing reaches the sink, and the verdict is the same.
  assert.equal(activeTrace(), undefined);
  const before = sink.steps.length;
  const who = principal ?? rules.principals(target, reference)[0]?.principal ?? '';
  const untraced = rules.decide({ image: reference, target, principal: who });
  assert.equal(sink.steps.length, before, 'a decision outside withTrace recorded steps');
  assert.deepEqual(traced, untraced, 'tracing changed the verdict');
  return { verdict: traced, steps: sink.steps };
}

/** The steps as "layer | subject | outcome | file:line" lines: easy to read in a failing assertion. */
export function stepLines(steps: readonly TraceStep[]): string[] {
  return steps.map(
    (step) =>
      `${step.layer} | ${step.subject} | ${step.outcome} | ${step.source.live ?? `${step.source.file ?? '-'}:${step.source.line ?? '-'}`}`,
  );
}
