// The line of a statement inside a policy, for `pullcheck explain`: the file that holds the policy (a JSON
// policy file, or the config holding it inline) is parsed once with the YAML parser, which reads JSON too and
// keeps every node's place; the policy is the node where its document starts, the statement a path below it
// (yaml-source's walk: a statement not written gives the nearest written ancestor's line).
// Only explain asks, once per file: a check never reads a file again for a line.
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';
import type { SourceLocation } from '../core/errors.ts';
import { readConfined } from '../core/config/read-file.ts';
import { offsetBelow } from '../core/config/yaml-source.ts';
import type { TraceSink } from '../core/trace.ts';

interface ParsedFile {
  readonly contents: unknown;
  readonly lineCounter: LineCounter;
}

/** A lineOf for trace sinks (core/trace.ts), reading files inside `root` only. */
export function statementLines(root: string): NonNullable<TraceSink['lineOf']> {
  const files = new Map<string, ParsedFile | undefined>();
  return (document, elementPath) => {
    if (!files.has(document.file)) files.set(document.file, parsedFile(document.file, root));
    const parsed = files.get(document.file);
    if (!parsed) return undefined;
    const start = nodeAt(parsed, document);
    return start && parsed.lineCounter.linePos(offsetBelow(start, elementPath)).line;
  };
}

function parsedFile(file: string, root: string): ParsedFile | undefined {
  const read = readConfined(path.resolve(file), root);
  if (!('text' in read)) return undefined;
  const lineCounter = new LineCounter();
  const parsed = parseDocument(read.text, { lineCounter, prettyErrors: false });
  if (parsed.errors.length > 0) return undefined;
  return { contents: parsed.contents, lineCounter };
}

/** The collection that starts where the document was written (a whole file starts at its first node). */
function nodeAt(parsed: ParsedFile, where: SourceLocation): Node | undefined {
  const root = parsed.contents as Node | null;
  if (!root) return undefined;
  if (where.line === 1 && where.column === 1) return root;
  const offset = (parsed.lineCounter.lineStarts[where.line - 1] ?? 0) + where.column - 1;
  let found: Node | undefined;
  visit(root, (_key, node) => {
    if ((isMap(node) || isSeq(node) || isScalar(node)) && node.range?.[0] === offset) {
      found = node;
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}
