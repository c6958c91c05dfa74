import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { ConfigError, type SourceLocation } from '../errors.ts';
import { readUserFile } from './read-file.ts';

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
    const text = readUserFile(
      file,
      where,
      `${written.file} (%CODE%): expected a file path relative to the config file`,
    );
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

/**
 * JSON.parse, with the error placed at a line and column. V8's messages no longer carry a position,
 * so the position comes from the yaml parser (JSON is YAML), which reports where it stopped.
 */
function parseJson(text: string, start: SourceLocation, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const lineCounter = new LineCounter();
    const offset = parseDocument(text, { lineCounter }).errors[0]?.pos[0];
    let where = start;
    if (offset !== undefined) {
      const { line, col } = lineCounter.linePos(offset);
      where =
        line === 1
          ? { ...start, column: start.column + col - 1 }
          : { ...start, line: start.line + line - 1, column: col };
    }
    const reason = (error as Error).message.replace(/^JSON\.parse: /, '').replace(/\s+/g, ' ');
    throw new ConfigError({
      where,
      message: `invalid JSON in ${what}: ${reason}; expected a policy document`,
    });
  }
}
