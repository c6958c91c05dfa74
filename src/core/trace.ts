// The evaluation trace of `pullcheck explain` (issue 19): every policy statement, binding, rule or
// credential a rule looked at for one pull, in the order it looked, with whether it matched and where it
// is written. Rules record steps only while a trace is active (explain re-decides one pull inside
// `withTrace`); a check never pays more than one lookup of the store per recorded place, and that lookup is a
// counter's test while no trace is active anywhere in the process.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SourceLocation } from './errors.ts';

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
  /**
   * The question the step answers, when a rule asks several for one pull: the action and resource
   * ("ecr:BatchGetImage on arn:aws:ecr:…:repository/team/api"), and the effect looked for.
   */
  readonly question?: string;
}

export interface TraceSink {
  step(step: TraceStep): void;
  /**
   * The 1-based line of the element at `path` (`['Statement', 1]`) inside the document that starts at
   * `document` (a policy file's first line, an inline policy's place in the config); undefined when it cannot
   * be told. Given by the entry that shows the trace, which may read files: rules stay pure and never ask
   * while no trace is active.
   */
  lineOf?(document: SourceLocation, path: readonly (string | number)[]): number | undefined;
}

const active = new AsyncLocalStorage<TraceSink>();
// How many withTrace calls are running: zero in a check, so activeTrace() answers without asking the store.
let running = 0;

/** Runs `decide` with every step it records going to `sink` (a promise it returns included). */
export function withTrace<T>(sink: TraceSink, decide: () => T): T {
  running++;
  let settled = true;
  try {
    const result = active.run(sink, decide);
    if (result instanceof Promise) {
      settled = false;
      return result.finally(() => running--) as T;
    }
    return result;
  } finally {
    if (settled) running--;
  }
}

/** The active trace, if any. Rules call it once per place they record, never in a loop's hot path. */
export function activeTrace(): TraceSink | undefined {
  return running === 0 ? undefined : active.getStore();
}

/** A sink that keeps every step in order. */
export function recordingSink(lineOf?: TraceSink['lineOf']): TraceSink & { readonly steps: TraceStep[] } {
  const steps: TraceStep[] = [];
  return { steps, step: (step) => void steps.push(step), ...(lineOf ? { lineOf } : {}) };
}

/** A sink passing every step on to `sink` with `note` before its question ("if the scope were V1: …"). */
function notedSink(sink: TraceSink, note: string): TraceSink {
  return {
    step: (step) => sink.step({ ...step, question: step.question ? `${note}: ${step.question}` : note }),
    // The same function, not a bound copy (lineOf is called without `this`): source-lines keeps a run's
    // parsed files under it.
    ...(sink.lineOf ? { lineOf: sink.lineOf } : {}),
  };
}

/** Runs `decide` with its steps noted as a hypothesis ("if the scope were V1"), when a trace is active. */
export function withNote<T>(note: string, decide: () => T): T {
  const sink = activeTrace();
  return sink ? withTrace(notedSink(sink, note), decide) : decide();
}
