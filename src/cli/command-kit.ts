// What every CLI command shares: where it prints, how it reports a usage error, and its entry in the table.

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** One `pullcheck COMMAND`: a one-line summary for `pullcheck --help`, its own usage, and what it runs. */
export interface CliCommand {
  readonly summary: string;
  readonly usage: string;
  /** Returns the exit status; throws UsageError or ConfigError for bad input (exit 2). */
  readonly run: (args: readonly string[], io: CliIo) => Promise<number> | number;
}

/** A bad flag or argument: printed with the usage of the command it was given to, exit status 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage?: string,
  ) {
    super(message);
  }
}
