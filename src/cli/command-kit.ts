// What every CLI command shares: where it prints, how it reports a usage error, and its entry in the table.
import { didYouMean } from '../core/did-you-mean.ts';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** One `pullcheck COMMAND`: its own usage, and what it runs. */
export interface CliCommand {
  readonly usage: string;
  /** Returns the exit status; throws UsageError or ConfigError for bad input (exit 2). */
  readonly run: (args: readonly string[], io: CliIo) => Promise<number> | number;
}

/**
 * A command as `pullcheck --help` lists it: its one-line summary, and its module, loaded only when the
 * command runs (a check does not load init's, permissions' or explain's code: start-up time).
 */
export interface ListedCommand {
  readonly summary: string;
  readonly load: () => Promise<CliCommand>;
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

/** `value` when `allowed` lists it; otherwise a UsageError naming the choices and the likely one. */
export function oneOf<T extends string>(
  flag: string,
  value: string,
  allowed: readonly T[],
  usage: string,
): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of: ${allowed.join(', ')}${didYouMean(value, allowed)}`, usage);
}
