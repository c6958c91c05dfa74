// Where a value of a workflow or action file was written, down to the line inside a block scalar: a
// finding about a `run:` script points at the command's own line, and one about a `tags: |` list at
// that tag's line.
import type { YamlSource, ConfigPath } from '../../core/config/yaml-source.ts';
import type { SourceLocation } from '../../core/errors.ts';

export interface ValueLines {
  readonly file: string;
  /** Where the value starts (the key's value, or a block scalar's indicator). */
  readonly at: SourceLocation;
  /** The source line of the value's first line of text. */
  readonly firstLine: number;
  /** Whether each line of the value is a line of the file (literal block scalars). */
  readonly linesKept: boolean;
}

export class FileLines {
  private readonly lines: string[];

  constructor(
    readonly file: string,
    text: string,
    private readonly source: YamlSource,
  ) {
    this.lines = text.split('\n');
  }

  at(path: ConfigPath): SourceLocation {
    return this.source.locate(path);
  }

  value(path: ConfigPath): ValueLines {
    const at = this.source.locate(path);
    const indicator = this.lines[at.line - 1]?.slice(at.column - 1).trimStart()[0];
    const block = indicator === '|' || indicator === '>';
    return { file: this.file, at, firstLine: block ? at.line + 1 : at.line, linesKept: indicator === '|' };
  }
}

/** The location of line `index` (0-based) of a value. */
export function lineOf(value: ValueLines, index: number): SourceLocation {
  if (!value.linesKept) return value.at;
  return { file: value.file, line: value.firstLine + index, column: 1 };
}

/** The 0-based line of the value on which `item` is written (its first occurrence after `from`). */
export function lineIndexOf(raw: string, item: string, from = 0): number {
  const offset = raw.indexOf(item, from);
  return offset === -1 ? 0 : raw.slice(0, offset).split('\n').length - 1;
}
