// Workflow and action files parsed once per discovery: a reusable workflow called per matrix value, or
// an action used by every job, is read with its positions a single time.
import { parseYamlSource } from '../../core/config/yaml-source.ts';
import { ConfigError } from '../../core/errors.ts';
import type { RepositoryFile } from './commands/context.ts';
import { FileLines } from './locations.ts';

export interface ParsedFile {
  readonly value: unknown;
  readonly lines: FileLines;
}

export class ParsedFiles {
  private readonly cache = new Map<string, ParsedFile | ConfigError>();

  /** The file's value and lines; throws its ConfigError (syntax errors with their places) every time. */
  parse(file: RepositoryFile): ParsedFile {
    let parsed = this.cache.get(file.path);
    if (!parsed) {
      try {
        const source = parseYamlSource(file.text, file.file);
        parsed = { value: source.takeValue(), lines: new FileLines(file.file, file.text, source) };
      } catch (error) {
        if (!(error instanceof Error)) throw error;
        // A file nested past what the parser can hold is as unreadable as a syntax error.
        parsed =
          error instanceof ConfigError
            ? error
            : new ConfigError({
                where: { file: file.file, line: 1, column: 1 },
                message: `the file cannot be parsed (${error.name})`,
              });
      }
      this.cache.set(file.path, parsed);
    }
    if (parsed instanceof ConfigError) throw parsed;
    return parsed;
  }
}
