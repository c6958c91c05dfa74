// What workflow steps say about Amazon ECS deploys, in the order the steps run: a task definition
// rendered (aws-actions/amazon-ecs-render-task-definition), registered (`aws ecs register-task-definition`),
// and deployed to a service (amazon-ecs-deploy-task-definition, `aws ecs update-service`). Each field is
// text with holes; ecs-deploys.ts pairs them into deploys once the workflow is read.
import type { SourceLocation } from '../../core/errors.ts';
import type { Text } from './text.ts';

export type EcsStep =
  /** `base`: the task definition file, or the marker of an earlier render (multi-container chains). */
  | {
      readonly kind: 'render';
      readonly base: Text;
      readonly container: Text;
      readonly image: Text;
      /** Set when the render reads its task definition from AWS: where that is reported already. */
      readonly fromAws?: SourceLocation;
    }
  /**
   * `reported`: a register pullcheck cannot read, already a finding at its line. `file` is empty when the
   * task definition is not a repository file; `family`: `--family`, which replaces the file's.
   */
  | { readonly kind: 'register'; readonly file: Text; readonly family?: Text; readonly reported?: true }
  | {
      readonly kind: 'deploy';
      /** A file, or a render's marker (a deploy action). */
      readonly taskDefinition?: Text;
      /** `--task-definition` of `aws ecs update-service`/`run-task`: a registered family, `family:revision` or ARN. */
      readonly registered?: Text;
      readonly cluster?: Text;
      readonly service?: Text;
      readonly region: Text;
      /** Where each field is written when not on the step's line (an action's input): findings go there. */
      readonly lines?: Partial<Record<'cluster' | 'service' | 'region', SourceLocation>>;
      /** `aws ecs run-task`: a standalone task of the cluster, no service. */
      readonly task?: true;
    };

/** An ECS step where it is written. */
export type EcsStepAt = EcsStep & {
  readonly via: string;
  readonly where: SourceLocation;
  /** In a repository script: the workflow line whose command runs it (findings about a deploy go there). */
  readonly runBy?: SourceLocation;
};

/** `job`: which job runs it (each job its own number): a register is matched only in its own job. */
export type EcsSite = EcsStepAt & { readonly job: number };

/** The path a render's `task-definition` output stands for: the marker and the render's index. */
const RENDER_MARKER = '\u0000amazon-ecs-render-task-definition-';

/** What to declare when an ECS deploy cannot be read: the target the execution role is checked through. */
export const DECLARE_ECS_TARGET =
  'declare an `ecs` target (cluster, services, region) with its `taskDefinitions` or `roles`';

export function renderMarker(index: number): string {
  return `${RENDER_MARKER}${index}.json`;
}

/** The index of the render a marker stands for; undefined for any other path. */
export function renderIndex(path: string): number | undefined {
  if (!path.startsWith(RENDER_MARKER)) return undefined;
  const index = Number.parseInt(path.slice(RENDER_MARKER.length), 10);
  return Number.isInteger(index) ? index : undefined;
}
