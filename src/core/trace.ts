// The evaluation trace of `pullcheck explain` (issue 19): every policy statement, binding, rule or
// credential a rule looked at for one pull, in the order it looked, with whether it matched and where it
// is written. Rules record steps only while a trace is active (explain re-decides one pull inside
// `withTrace`); a check never pays more than one lookup of the store per recorded place.
import { AsyncLocalStorage } from 'node:async_hooks';

export type TraceOutcome =
  /** The statement, binding or rule applies to the question (an Allow that grants, a Deny that blocks). */
  | 'matched'
  /** It does not apply; `detail` says which element failed (action, resource, principal, condition). */
  | 'not matched'
  /** Whether it applies cannot be known from the facts; `detail` names the missing fact. */
  | 'undecided'
  /** A layer or policy that was not looked into, and why (its contents unknown, not needed). */
  | 'skipped';

export interface TraceSource {
  /** How a reader names it: "repository policy of team/api", "RoleBinding project-a/pullers". */
  readonly label: string;
  /** Repository-relative file it was read from (a config, a policy file), when it came from one. */
  readonly file?: string;
  /** 1-based line of the statement or binding in `file`. */
  readonly line?: number;
  /** Read from a cloud rather than a file: the call that read it (`ecr:GetRepositoryPolicy`). */
  readonly live?: string;
}

export interface TraceStep {
  /** The layer being evaluated, in the cloud's own words: "identity policy", "SCP", "IAM deny policy". */
  readonly layer: string;
  /** The element within the source: "Statement 2 (Sid AllowPull)", "binding roles/artifactregistry.reader". */
  readonly subject: string;
  readonly source: TraceSource;
  readonly outcome: TraceOutcome;
  /** Why: the element that matched or failed, the condition and the value it saw. */
  readonly detail: string;
}

export interface TraceSink {
  step(step: TraceStep): void;
}

const active = new AsyncLocalStorage<TraceSink>();

/** Runs `decide` with every step it records going to `sink`. */
export function withTrace<T>(sink: TraceSink, decide: () => T): T {
  return active.run(sink, decide);
}

/** The active trace, if any. Rules call it once per place they record, never in a loop's hot path. */
export function activeTrace(): TraceSink | undefined {
  return active.getStore();
}

/** A sink that keeps every step in order. */
export function recordingSink(): TraceSink & { readonly steps: TraceStep[] } {
  const steps: TraceStep[] = [];
  return { steps, step: (step) => void steps.push(step) };
}
