import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, type SourceLocation } from '../errors.ts';

/** A policy document after loading: its parsed value and where it was written. */
export class LocatedDocument {
  constructor(
    readonly value: unknown,
    readonly where: SourceLocation,
  ) {}

  /** A problem inside this document, reported at the document's location. */
  error(message: string): ConfigError {
    return new ConfigError({ where: this.where, message });
  }
}

/**
 * Resolves what the user wrote where a document is expected: an inline object, a JSON string,
 * or `{ file: path }` relative to the config file's folder.
 */
export function resolveDocument(written: unknown, where: SourceLocation, configDir: string): LocatedDocument {
  if (typeof written === 'string') {
    return new LocatedDocument(parseJson(written, where, 'the JSON string'), where);
  }
  if (isFileReference(written)) {
    const file = path.resolve(configDir, written.file);
    const displayName = path.relative(process.cwd(), file) || file;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new ConfigError({
        where,
        message: `cannot read ${written.file} (${code}): expected a file path relative to the config file`,
      });
    }
    const fileStart = { file: displayName, line: 1, column: 1 };
    return new LocatedDocument(parseJson(text, fileStart, displayName), fileStart);
  }
  return new LocatedDocument(written, where);
}

function isFileReference(value: unknown): value is { file: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 1 &&
    typeof (value as { file?: unknown }).file === 'string'
  );
}

/** JSON.parse with the error mapped to a line and column (Node reports a character position). */
function parseJson(text: string, start: SourceLocation, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    let where = start;
    if (position !== undefined) {
      const before = text.slice(0, Number(position));
      const lines = before.split('\n');
      const line = lines.length;
      const column = (lines.at(-1)?.length ?? 0) + 1;
      where =
        line === 1
          ? { ...start, column: start.column + column - 1 }
          : { ...start, line: start.line + line - 1, column };
    }
    const reason = (error as Error).message.replace(/^JSON\.parse: /, '');
    throw new ConfigError({
      where,
      message: `invalid JSON in ${what}: ${reason}; expected a policy document`,
    });
  }
}
