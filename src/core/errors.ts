/** Where something was written: a file and a 1-based line and column. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export function formatLocation(where: SourceLocation): string {
  return `${where.file}:${where.line}:${where.column}`;
}

export interface ConfigProblem {
  readonly where: SourceLocation;
  readonly message: string;
}

/**
 * Something the user wrote is wrong (config, a referenced file, a policy, an image reference).
 * The CLI prints each problem as `file:line:column: message` and exits 2, without a stack trace.
 */
export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];

  constructor(problems: ConfigProblem | readonly ConfigProblem[]) {
    const list = Array.isArray(problems) ? problems : [problems as ConfigProblem];
    super(list.map((problem) => `${formatLocation(problem.where)}: ${problem.message}`).join('\n'));
    this.name = 'ConfigError';
    this.problems = list;
  }
}
