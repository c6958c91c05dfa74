import path from 'node:path';
import { ConfigError, type SourceLocation } from '../errors.ts';
import { jsonErrorOffset, lineAndColumn } from './json-position.ts';
import { readUserFile, repositoryRootOf, shownPath } from './read-file.ts';

/**
 * A policy document after loading: its parsed value and where it was written. The place is found only when
 * a problem is reported: a large config holds 10,000 inline documents and almost never a bad one.
 */
export class LocatedDocument {
  private located: SourceLocation | (() => SourceLocation);

  constructor(
    readonly value: unknown,
    where: SourceLocation | (() => SourceLocation),
  ) {
    this.located = where;
  }

  get where(): SourceLocation {
    if (typeof this.located === 'function') this.located = this.located();
    return this.located;
  }

  /** A problem inside this document, reported at the document's location. */
  error(message: string): ConfigError {
    return new ConfigError({ where: this.where, message });
  }
}

/**
 * Resolves what the user wrote where a document is expected: an inline object, a JSON string,
 * or `{ file: path }` relative to the config file's folder and inside its repository.
 */
export function resolveDocument(
  written: unknown,
  locate: () => SourceLocation,
  configDir: string,
): LocatedDocument {
  if (typeof written === 'string') {
    const where = locate();
    return new LocatedDocument(parseJson(written, where, 'the JSON string'), where);
  }
  if (isFileReference(written)) {
    const where = locate();
    const file = path.resolve(configDir, written.file);
    const displayName = shownPath(path.relative(process.cwd(), file) || file);
    const text = readUserFile(
      file,
      where,
      `${shownPath(written.file)} (%CODE%): expected a file path relative to the config file`,
      repositoryRootOf(configDir),
    );
    const fileStart = { file: displayName, line: 1, column: 1 };
    return new LocatedDocument(parseJson(text, fileStart, displayName), fileStart);
  }
  return new LocatedDocument(written, locate);
}

function isFileReference(value: unknown): value is { file: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 1 &&
    typeof (value as { file?: unknown }).file === 'string'
  );
}

/**
 * JSON.parse, with the error placed at a line and column (json-position.ts). The message repeats none of
 * the text: V8's quotes the text around the mistake, which in a policy file can be a secret.
 */
function parseJson(text: string, start: SourceLocation, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const offset = safeErrorOffset(text);
    let where = start;
    if (offset !== undefined) {
      const { line, column } = lineAndColumn(text, offset);
      where =
        line === 1
          ? { ...start, column: start.column + column - 1 }
          : { ...start, line: start.line + line - 1, column };
    }
    throw new ConfigError({
      where,
      message: `invalid JSON in ${what}: a syntax error at this line and column (the text is not repeated: it may be a secret); expected a policy document`,
    });
  }
}

/** The scanner's offset; undefined if its regular expressions give up on a pathological text. */
function safeErrorOffset(text: string): number | undefined {
  try {
    return jsonErrorOffset(text);
  } catch {
    return undefined;
  }
}
