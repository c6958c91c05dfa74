// What a command handler may use: where to report, the command's environment and directory, and the
// repository's files (read by the caller, confined to the repository).
import type { JobFacts } from '../actions/call.ts';
import type { Sink } from '../sites.ts';
import type { Text } from '../text.ts';

export interface RepositoryFile {
  readonly text: string;
  /** The path to show: relative to where the user runs pullcheck. */
  readonly file: string;
  /** The path from the repository root. */
  readonly path: string;
}

export interface CommandContext {
  readonly sink: Sink;
  readonly environment: ReadonlyMap<string, Text>;
  /** What earlier steps established about the job's cloud credentials (the AWS account of its role). */
  readonly facts?: JobFacts;
  /** Working directory relative to the repository root. */
  readonly cwd: string;
  /** What the command reads on stdin (a pipe, a heredoc), when it reads anything. */
  readonly stdin: Text | undefined;
  /** Sets what the command prints (what a pipe passes on to the next command). */
  print(output: Text): void;
  /** A repository file, relative to `cwd` (or the root when absolute-looking); undefined if absent or outside. */
  read(path: string): RepositoryFile | undefined;
  /**
   * Runs a script through the same shell analysis in a new shell (a child process): a repository file
   * reports at its own lines (from `firstLine`); inline text (`bash -c`, an npm script) at this command.
   */
  runScript(
    script: ScriptSource,
    args: readonly Text[],
    environment: ReadonlyMap<string, Text>,
    cwd: string,
  ): Text;
}

export type ScriptSource =
  | {
      readonly kind: 'file';
      readonly file: RepositoryFile;
      readonly text?: string;
      readonly firstLine?: number;
    }
  | { readonly kind: 'inline'; readonly text: string };

/** A command handler: true when it recognised the command (reported or not). */
export type CommandHandler = (words: readonly Text[], context: CommandContext) => boolean;
