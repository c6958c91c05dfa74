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

/** Problems shown one by one; past these, one line counts the rest. */
export const MAX_SHOWN_PROBLEMS = 20;

/**
 * The first MAX_SHOWN_PROBLEMS problems, and a last one at the next place counting the rest: one mistake
 * (a bad indent, a list of 5,000 wrong entries) must not print a line per echo of it.
 */
export function firstProblems(problems: readonly ConfigProblem[], noun: string): ConfigProblem[] {
  const rest = problems.slice(MAX_SHOWN_PROBLEMS);
  if (rest.length === 0) return [...problems];
  const more = `… and ${rest.length} more ${noun}${rest.length === 1 ? '' : 's'}`;
  return [...problems.slice(0, MAX_SHOWN_PROBLEMS), { where: rest[0]!.where, message: more }];
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
