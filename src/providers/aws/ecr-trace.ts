// What `pullcheck explain`'s trace says about the ECR layers that hold no statement to match: a repository
// without a policy, a registry policy whose scope does not cover the action, a pull-through cache rule.
// Called only while a trace is active (core/trace.ts).
import type { TraceSink } from '../../core/trace.ts';
import type { EcrPullContext } from './ecr-pull.ts';
import { requestQuestion } from './policy/statement-trace.ts';

export interface ResourceLayers {
  /** Lower-cased action. */
  readonly action: string;
  /** The registry policy's scope covers the action (V2, or a replication/pull-through-cache action). */
  readonly registryCovers: boolean;
  /** Why the repository's policy is not known, when it is not. */
  readonly unknown: string | undefined;
}

export function traceResourceLayers(
  trace: TraceSink | undefined,
  context: EcrPullContext,
  layers: ResourceLayers,
): void {
  if (!trace) return;
  const question = requestQuestion({ action: layers.action, resource: context.repositoryArn });
  const { repository, registry, location } = context;
  const repositoryLabel = `repository policy of ${context.repositoryArn}`;
  if (layers.unknown !== undefined)
    trace.step({
      layer: 'repository policy',
      subject: 'the whole policy',
      source: { label: repositoryLabel },
      outcome: 'undecided',
      detail: layers.unknown,
      question,
    });
  else if (repository && !repository.policy)
    trace.step({
      layer: 'repository policy',
      subject: 'none',
      source: { label: repositoryLabel },
      outcome: 'skipped',
      detail: repository.missing
        ? `repository ${location.repository} does not exist yet: it has no policy`
        : `repository ${location.repository} has no repository policy: it grants nothing and denies nothing`,
      question,
    });
  const registryLabel = `registry policy of ${location.account} in ${location.region}`;
  const skipped = (detail: string) =>
    trace.step({
      layer: 'registry policy',
      subject: 'none',
      source: { label: registryLabel },
      outcome: 'skipped',
      detail,
      question,
    });
  if (!registry?.policy)
    skipped(
      registry
        ? `the registry has no registry policy`
        : `facts.aws.registries does not list the registry: no registry policy is taken into account`,
    );
  else if (!layers.registryCovers)
    skipped(
      `the registry policy scope is V1, which covers only replication and pull-through cache actions ("Private registry permissions in Amazon ECR")`,
    );
}

/** A repository under a pull-through cache rule: the pull also needs the import (and creation) actions. */
export function tracePullThroughCache(trace: TraceSink | undefined, context: EcrPullContext): void {
  if (!trace || !context.pullThroughCache) return;
  trace.step({
    layer: 'pull-through cache',
    subject: `a rule's prefix covers ${context.location.repository}`,
    source: {
      label: `pull-through cache rules of ${context.location.account} in ${context.location.region}`,
    },
    outcome: 'matched',
    detail:
      'a pull of an image not cached yet also needs ecr:BatchImportUpstreamImage, and ecr:CreateRepository when the repository does not exist yet ("Using pull through cache rules")',
  });
}
