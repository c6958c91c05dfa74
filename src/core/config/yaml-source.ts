// YAML read with source positions: the value, and where each part of it was written, so every
// problem in a user's file (config, registries.yaml, manifests) names its file, line and column.
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  parseDocument,
  visit,
  type Document,
  type Node,
} from 'yaml';
import { ConfigError, firstProblems, type SourceLocation } from '../errors.ts';
import { lineAndColumn } from './json-position.ts';

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
  if (errors.length > 0) throw syntaxErrors(errors, at);
  const located = (configPath: ConfigPath, keyOfLast: boolean): SourceLocation =>
    at(offsetOf((parsed ??= parse()).document, configPath, keyOfLast));
  return {
    takeValue: () => toJS((parsed ??= parse()).document, text, file),
    locate: (configPath) => located(configPath, false),
    locateKey: (configPath) => located(configPath, true),
    release: () => {
      parsed = undefined;
    },
  };
}

/**
 * Parses a multi-document YAML stream (Kubernetes manifests): one source per document, each locating paths
 * within its own document. Files of this kind are small, so their documents are kept.
 */
export function parseYamlStream(text: string, file: string): YamlSource[] {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  // A stream that fails early comes back as an empty-stream marker carrying the errors.
  const documents: Document[] = Array.isArray(parsed) ? parsed : [];
  const errors = Array.isArray(parsed)
    ? parsed.flatMap((document) => document.errors)
    : (parsed as { errors: Document['errors'] }).errors;
  if (errors.length > 0) throw syntaxErrors(errors, at);
  return documents.map((document) => ({
    takeValue: () => toJS(document, text, file),
    locate: (configPath) => at(offsetOf(document, configPath, false)),
    locateKey: (configPath) => at(offsetOf(document, configPath, true)),
    release: () => undefined,
  }));
}

/** Source offset of the node at `configPath`, or of its nearest ancestor that exists. */
function offsetOf(document: Document, configPath: ConfigPath, keyOfLast: boolean): number {
  return offsetBelow(document.contents as Node | null, configPath, keyOfLast);
}

/**
 * Source offset of the node at `configPath` below `start` (a document's root, or a node inside it such as a
 * policy written inline in a config), or of its nearest ancestor that exists.
 */
export function offsetBelow(start: Node | null, configPath: ConfigPath, keyOfLast = false): number {
  let node: unknown = start;
  let offset = start?.range?.[0] ?? 0;
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

/**
 * One mistake (an unclosed quote, a bad indent) makes the parser report every line after it: the first
 * problems say where to look, and a count stands for the echo that follows.
 */
function syntaxErrors(errors: Document['errors'], at: (offset: number) => SourceLocation): ConfigError {
  const problems = errors.map((error) => ({
    where: at(error.pos[0]),
    message: syntaxError(firstLine(error.message)),
  }));
  return new ConfigError(firstProblems(problems, 'YAML syntax error'));
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

const NOT_REPEATED = ' (the text is not repeated: it may be a secret)';

/**
 * The YAML parser quotes the text it stumbled on in some messages ("Block scalar header includes extra
 * characters: |…", "Invalid escape sequence \U…"); in registries.yaml or a Secret manifest that text can be
 * a password, so keep what the parser says and where, never what it quotes.
 */
function syntaxError(said: string): string {
  const kept = (said.split(':')[0] ?? '')
    .replace(/^(Invalid escape sequence|Unsupported YAML version) .*/, '$1')
    .trimEnd();
  return `YAML syntax error: ${kept}${kept === said ? '' : NOT_REPEATED}`;
}

/**
 * An unquoted value that starts with * is a YAML alias (a password such as "*p4ss…"); toJS throws when one
 * names no anchor, quoting it. Report it where it is written, without repeating it.
 */
function toJS(document: Document, text: string, file: string): unknown {
  const cycle = text.includes('*') ? aliasInsideItsAnchor(document) : undefined;
  if (cycle !== undefined) {
    throw new ConfigError({
      where: { file, ...lineAndColumn(text, cycle) },
      message: 'YAML syntax error: an alias (*…) inside the value it names makes the value contain itself',
    });
  }
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    if (!error.message.startsWith('Unresolved alias')) {
      throw new ConfigError({ where: { file, line: 1, column: 1 }, message: syntaxError(error.message) });
    }
    const name = error.message.slice(error.message.lastIndexOf(': ') + 2);
    const before = text.slice(0, Math.max(0, text.indexOf(`*${name}`))).split('\n');
    throw new ConfigError({
      where: { file, line: before.length, column: (before.at(-1)?.length ?? 0) + 1 },
      message: 'YAML syntax error: an alias (*…) names no anchor: quote a value that starts with *',
    });
  }
}

/**
 * The offset of an alias written inside its own anchored value (`&a [*a]`): the yaml library builds such a
 * value as a cycle, which nothing after the parse (validation, reports, JSON) can walk.
 */
function aliasInsideItsAnchor(document: Document): number | undefined {
  let offset: number | undefined;
  visit(document, {
    Alias(_, alias) {
      const anchored = alias.resolve(document);
      const [start, , end] = anchored?.range ?? [];
      const at = alias.range?.[0];
      if (start !== undefined && end !== undefined && at !== undefined && at >= start && at < end) {
        offset = at;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset;
}
