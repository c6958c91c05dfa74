// YAML read with source positions: the value, and where each part of it was written, so every
// problem in a user's file (config, registries.yaml, manifests) names its file, line and column.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { ConfigError, type SourceLocation } from '../errors.ts';

export type ConfigPath = readonly (string | number)[];

export interface YamlSource {
  /** The parsed value (plain JS). Call once: the value is not cached. */
  takeValue(): unknown;
  /** Where the value at `configPath` was written; the nearest written ancestor when it was not. */
  locate(configPath: ConfigPath): SourceLocation;
  /** Where the key of the last segment of `configPath` was written (for unknown keys). */
  locateKey(configPath: ConfigPath): SourceLocation;
  /**
   * Drops the parsed document (tens of MB for a large file); a later locate() parses the text again,
   * which only happens on the rare paths that report a problem.
   */
  release(): void;
}

/** Parses YAML text; syntax errors become a ConfigError at each error's line and column. */
export function parseYamlSource(text: string, file: string): YamlSource {
  const parse = () => {
    const lineCounter = new LineCounter();
    const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    return { document, lineCounter };
  };
  let parsed: ReturnType<typeof parse> | undefined = parse();
  const at = (offset: number): SourceLocation => {
    const { line, col } = (parsed ??= parse()).lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const errors = parsed.document.errors;
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((error) => ({
        where: at(error.pos[0]),
        message: `YAML syntax error: ${firstLine(error.message)}`,
      })),
    );
  }
  const located = (configPath: ConfigPath, keyOfLast: boolean): SourceLocation =>
    at(offsetOf((parsed ??= parse()).document, configPath, keyOfLast));
  return {
    takeValue: () => (parsed ??= parse()).document.toJS({ maxAliasCount: 100 }),
    locate: (configPath) => located(configPath, false),
    locateKey: (configPath) => located(configPath, true),
    release: () => {
      parsed = undefined;
    },
  };
}

/** Source offset of the node at `configPath`, or of its nearest ancestor that exists. */
function offsetOf(document: Document, configPath: ConfigPath, keyOfLast: boolean): number {
  let node: unknown = document.contents;
  let offset = (document.contents as Node | null)?.range?.[0] ?? 0;
  for (const [index, segment] of configPath.entries()) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (pair && isScalar(pair.key) && pair.key.range) {
        offset = pair.key.range[0];
        if (keyOfLast && index === configPath.length - 1) return offset;
      }
      next = pair?.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
    }
    const range = (next as Node | null | undefined)?.range;
    if (!range) return offset;
    offset = range[0];
    node = next;
  }
  return offset;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
