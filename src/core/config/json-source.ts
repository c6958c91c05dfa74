// A config written as JSON, read on a fast path: JSON.parse is ~20× faster than the YAML parser on a large
// file, and the positions errors need are found afterwards by scanning only the objects and lists a
// located path walks through. The answers are the YAML parser's for the same text (JSON is YAML), which
// reads anything that is not plain JSON instead: a syntax error, or a key written twice (JSON.parse keeps the
// last one silently; YAML reports it at its line).
import type { SourceLocation } from '../errors.ts';
import type { ConfigPath, YamlSource } from './yaml-source.ts';

const SPACE = /[ \t\n\r]*/y;
const STRING = /"[^"\\]*(?:\\.[^"\\]*)*"/y;
// Every string token of valid JSON, with the `:` that makes it an object key.
const STRING_OR_KEY = /"[^"\\]*(?:\\.[^"\\]*)*"(\s*:)?/g;
const SCALAR_END = /[\s,\]}]/g;
const STRUCTURE = /["[\]{}]/g;

/** The source of `text` when it is plain JSON that the YAML parser would read the same; undefined otherwise. */
export function parseJsonSource(text: string, file: string): JsonSource | undefined {
  // An own `__proto__` key is built differently by the two parsers; such a file takes the YAML path.
  if (text.includes('"__proto__"')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (keysWritten(text) !== keysParsed(value)) return undefined; // a duplicate key: YAML reports it
  return new JsonSource(text, file, value);
}

export class JsonSource implements YamlSource {
  private readonly index: ContainerIndex;
  private readonly lines: LineStarts;

  constructor(
    text: string,
    private readonly file: string,
    private value: unknown,
  ) {
    this.index = new ContainerIndex(text);
    this.lines = new LineStarts(text);
  }

  // Arrow functions: callers take `locate` and `locateKey` off the source and pass them around.
  readonly takeValue = (): unknown => {
    const value = this.value;
    this.value = undefined;
    return value;
  };

  readonly locate = (configPath: ConfigPath): SourceLocation => this.at(configPath, false);

  readonly locateKey = (configPath: ConfigPath): SourceLocation => this.at(configPath, true);

  readonly release = (): void => this.index.clear();

  private at(configPath: ConfigPath, keyOfLast: boolean): SourceLocation {
    return { file: this.file, ...this.lines.lineAndColumn(this.index.offsetOf(configPath, keyOfLast)) };
  }
}

function keysWritten(text: string): number {
  let keys = 0;
  for (const match of text.matchAll(STRING_OR_KEY)) if (match[1] !== undefined) keys++;
  return keys;
}

function keysParsed(value: unknown): number {
  let keys = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === null || typeof next !== 'object') continue;
    // One by one: spreading a list of 200,000 items as arguments overflows the stack.
    const items = Array.isArray(next) ? next : Object.values(next);
    if (!Array.isArray(next)) keys += items.length;
    for (const item of items) pending.push(item);
  }
  return keys;
}

interface Member {
  /** Offset of the key (of the value, in a list). */
  readonly keyAt: number;
  readonly valueAt: number;
}

/**
 * Where the members of each object and list start, scanned the first time a path walks into it: locating
 * every image and target of a 100,000-pair config scans the file about once, not once per path.
 */
class ContainerIndex {
  private readonly members = new Map<number, Map<string, Member> | Member[]>();

  constructor(private readonly text: string) {}

  /** Same answers as yaml-source's offsetOf: the nearest written ancestor when the path is not written. */
  offsetOf(configPath: ConfigPath, keyOfLast: boolean): number {
    let offset = this.skipSpace(0);
    for (const [index, segment] of configPath.entries()) {
      const members = this.membersAt(offset);
      const member = Array.isArray(members)
        ? typeof segment === 'number'
          ? members[segment]
          : undefined
        : members?.get(String(segment));
      if (!member) return offset;
      if (keyOfLast && index === configPath.length - 1 && !Array.isArray(members)) return member.keyAt;
      offset = member.valueAt;
    }
    return offset;
  }

  clear(): void {
    this.members.clear();
  }

  private membersAt(at: number): Map<string, Member> | Member[] | undefined {
    const open = this.text[at];
    if (open !== '{' && open !== '[') return undefined;
    let members = this.members.get(at);
    if (!members) {
      members = open === '{' ? this.scanObject(at) : this.scanList(at);
      this.members.set(at, members);
    }
    return members;
  }

  private scanObject(at: number): Map<string, Member> {
    const members = new Map<string, Member>();
    let next = this.skipSpace(at + 1);
    while (this.text[next] === '"') {
      const keyAt = next;
      const keyEnd = this.endOfString(keyAt);
      const key = JSON.parse(this.text.slice(keyAt, keyEnd)) as string;
      const valueAt = this.skipSpace(this.skipSpace(keyEnd) + 1); // past the `:`
      members.set(key, { keyAt, valueAt });
      next = this.skipSpace(this.endOfValue(valueAt));
      if (this.text[next] === ',') next = this.skipSpace(next + 1);
    }
    return members;
  }

  private scanList(at: number): Member[] {
    const members: Member[] = [];
    let next = this.skipSpace(at + 1);
    while (next < this.text.length && this.text[next] !== ']') {
      members.push({ keyAt: next, valueAt: next });
      next = this.skipSpace(this.endOfValue(next));
      if (this.text[next] === ',') next = this.skipSpace(next + 1);
    }
    return members;
  }

  /** The offset just past the value starting at `at` (the text is valid JSON). */
  private endOfValue(at: number): number {
    const first = this.text[at];
    if (first === '"') return this.endOfString(at);
    if (first !== '{' && first !== '[') {
      SCALAR_END.lastIndex = at;
      return SCALAR_END.exec(this.text)?.index ?? this.text.length;
    }
    let depth = 0;
    STRUCTURE.lastIndex = at;
    for (let match = STRUCTURE.exec(this.text); match; match = STRUCTURE.exec(this.text)) {
      const char = match[0];
      if (char === '"') STRUCTURE.lastIndex = this.endOfString(match.index);
      else if (char === '{' || char === '[') depth++;
      else if (--depth === 0) return match.index + 1;
    }
    return this.text.length;
  }

  private endOfString(at: number): number {
    STRING.lastIndex = at;
    STRING.test(this.text);
    return STRING.lastIndex;
  }

  private skipSpace(at: number): number {
    SPACE.lastIndex = at;
    SPACE.test(this.text);
    return SPACE.lastIndex;
  }
}

/** Line and column of an offset by binary search over the line starts, found once. */
class LineStarts {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  lineAndColumn(offset: number): { line: number; column: number } {
    const starts = (this.starts ??= this.scan());
    let [low, high] = [0, starts.length - 1];
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  }

  private scan(): number[] {
    const starts = [0];
    for (let at = this.text.indexOf('\n'); at !== -1; at = this.text.indexOf('\n', at + 1))
      starts.push(at + 1);
    return starts;
  }
}
