// A parser for the Common Expression Language (CEL) as workload identity providers use it: attribute mappings
// (`google.subject=assertion.sub`, `attribute.full=assertion.repository + assertion.ref`) and attribute
// conditions (`assertion.repository_owner == 'my-org' && assertion.ref.startsWith('refs/heads/')`). It reads
// CEL's whole expression grammar (cel-spec "Language Definition": precedence ?: || && relations + - * / % ! .
// [] ()), so that a form outside what ./cel-eval.ts evaluates is named there as unknown, never a parse error;
// only text that is not CEL at all is an error, with its column.

export type CelNode =
  | { readonly t: 'string'; readonly value: string }
  | { readonly t: 'number'; readonly text: string }
  | { readonly t: 'bool'; readonly value: boolean }
  | { readonly t: 'null' }
  | { readonly t: 'ident'; readonly name: string }
  | { readonly t: 'select'; readonly target: CelNode; readonly field: string }
  | { readonly t: 'index'; readonly target: CelNode; readonly index: CelNode }
  | {
      readonly t: 'call';
      readonly target?: CelNode;
      readonly name: string;
      readonly args: readonly CelNode[];
    }
  | { readonly t: 'list'; readonly items: readonly CelNode[] }
  | { readonly t: 'map'; readonly text: string }
  | { readonly t: 'unary'; readonly op: '!' | '-'; readonly arg: CelNode }
  | { readonly t: 'binary'; readonly op: string; readonly left: CelNode; readonly right: CelNode }
  | { readonly t: 'cond'; readonly test: CelNode; readonly then: CelNode; readonly else: CelNode };

export class CelError extends Error {
  override name = 'CelError';
  constructor(
    message: string,
    /** 1-based column in the expression. */
    readonly column: number,
  ) {
    super(`${message} (column ${column})`);
  }
}

interface Token {
  readonly kind: 'ident' | 'string' | 'number' | 'op' | 'end';
  readonly text: string;
  readonly value?: string;
  readonly at: number;
}

const OPERATORS = [
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '!',
  '.',
  ',',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '?',
  ':',
];
const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '`': '`',
  '?': '?',
};

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const rest = source.slice(i);
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest)?.[0];
    const raw = word !== undefined && /^[rR]$/.test(word) && (source[i + 1] === "'" || source[i + 1] === '"');
    if (c === "'" || c === '"' || raw) {
      const { value, end } = readString(source, raw ? i + 1 : i, raw);
      tokens.push({ kind: 'string', text: source.slice(i, end), value, at: i });
      i = end;
    } else if (word !== undefined) {
      tokens.push({ kind: 'ident', text: word, at: i });
      i += word.length;
    } else if (/^[0-9]/.test(c)) {
      const text = /^(0x[0-9a-fA-F]+|[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?)[uU]?/.exec(rest)![0];
      tokens.push({ kind: 'number', text, at: i });
      i += text.length;
    } else {
      const op = OPERATORS.find((candidate) => rest.startsWith(candidate));
      if (op === undefined) throw new CelError(`unexpected character ${JSON.stringify(c)}`, i + 1);
      tokens.push({ kind: 'op', text: op, at: i });
      i += op.length;
    }
  }
  tokens.push({ kind: 'end', text: 'the end of the expression', at: source.length });
  return tokens;
}

function readString(source: string, start: number, raw: boolean): { value: string; end: number } {
  const quote = source.startsWith(source[start]!.repeat(3), start)
    ? source[start]!.repeat(3)
    : source[start]!;
  let i = start + quote.length;
  let value = '';
  while (i < source.length) {
    if (source.startsWith(quote, i)) return { value, end: i + quote.length };
    const c = source[i]!;
    if (c === '\\' && !raw) {
      const next = source[i + 1];
      if (next === undefined || !(next in ESCAPES)) {
        throw new CelError(`unsupported escape \\${next ?? ''} in a string`, i + 1);
      }
      value += ESCAPES[next];
      i += 2;
      continue;
    }
    if (quote.length === 1 && c === '\n') break;
    value += c;
    i++;
  }
  throw new CelError('unterminated string', start + 1);
}

export function parseCel(source: string): CelNode {
  if (source.trim() === '') throw new CelError('empty expression', 1);
  const parser = new Parser(tokenize(source));
  const node = parser.expression();
  parser.expectEnd();
  return node;
}

class Parser {
  private position = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token {
    return this.tokens[this.position]!;
  }
  private accept(op: string): boolean {
    const token = this.peek();
    if (token.kind === 'op' && token.text === op) {
      this.position++;
      return true;
    }
    return false;
  }
  private expect(op: string): void {
    if (!this.accept(op)) this.fail(`expected ${op}`);
  }
  private fail(message: string): never {
    const token = this.peek();
    throw new CelError(
      `${message}, found ${token.kind === 'end' ? token.text : JSON.stringify(token.text)}`,
      token.at + 1,
    );
  }
  expectEnd(): void {
    if (this.peek().kind !== 'end') this.fail('expected an operator or the end of the expression');
  }

  expression(): CelNode {
    const test = this.binary(0);
    if (!this.accept('?')) return test;
    const then = this.binary(0);
    this.expect(':');
    return { t: 'cond', test, then, else: this.expression() };
  }

  // Lowest precedence first: ||, &&, relations (== != < <= > >= in), + -, * / %.
  private static readonly LEVELS: readonly (readonly string[])[] = [
    ['||'],
    ['&&'],
    ['==', '!=', '<', '<=', '>', '>=', 'in'],
    ['+', '-'],
    ['*', '/', '%'],
  ];

  private binary(level: number): CelNode {
    if (level === Parser.LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const token = this.peek();
      const op = Parser.LEVELS[level]!.find(
        (candidate) =>
          token.text === candidate && (token.kind === 'op' || (candidate === 'in' && token.kind === 'ident')),
      );
      if (op === undefined) return left;
      this.position++;
      left = { t: 'binary', op, left, right: this.binary(level + 1) };
    }
  }

  private unary(): CelNode {
    if (this.accept('!')) return { t: 'unary', op: '!', arg: this.unary() };
    if (this.accept('-')) return { t: 'unary', op: '-', arg: this.unary() };
    return this.member();
  }

  private member(): CelNode {
    let node = this.primary();
    for (;;) {
      if (this.accept('.')) {
        const name = this.identifier();
        node = this.accept('(')
          ? { t: 'call', target: node, name, args: this.list(')') }
          : { t: 'select', target: node, field: name };
      } else if (this.accept('[')) {
        const index = this.expression();
        this.expect(']');
        node = { t: 'index', target: node, index };
      } else return node;
    }
  }

  private identifier(): string {
    const token = this.peek();
    if (token.kind !== 'ident') this.fail('expected a name');
    this.position++;
    return token.text;
  }

  private primary(): CelNode {
    const token = this.peek();
    if (token.kind === 'string') {
      this.position++;
      return { t: 'string', value: token.value! };
    }
    if (token.kind === 'number') {
      this.position++;
      return { t: 'number', text: token.text };
    }
    if (token.kind === 'ident') {
      this.position++;
      if (token.text === 'true' || token.text === 'false') return { t: 'bool', value: token.text === 'true' };
      if (token.text === 'null') return { t: 'null' };
      if (this.accept('(')) return { t: 'call', name: token.text, args: this.list(')') };
      return { t: 'ident', name: token.text };
    }
    if (this.accept('(')) {
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    if (this.accept('[')) return { t: 'list', items: this.list(']') };
    if (this.accept('{')) {
      const start = token.at;
      let depth = 1;
      while (depth > 0 && this.peek().kind !== 'end') {
        if (this.accept('{')) depth++;
        else if (this.accept('}')) depth--;
        else this.position++;
      }
      if (depth > 0) this.fail('expected }');
      return { t: 'map', text: `{…} at column ${start + 1}` };
    }
    return this.fail('expected a value');
  }

  /** Comma-separated expressions up to `close` (a trailing comma is allowed, as in CEL). */
  private list(close: string): CelNode[] {
    const items: CelNode[] = [];
    while (!this.accept(close)) {
      items.push(this.expression());
      if (!this.accept(',')) {
        this.expect(close);
        break;
      }
    }
    return items;
  }
}

/** The expression as text, for reasons (`assertion.ref.startsWith('refs/heads/')`). */
export function celText(node: CelNode): string {
  switch (node.t) {
    case 'string':
      return `'${node.value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    case 'number':
      return node.text;
    case 'bool':
      return String(node.value);
    case 'null':
      return 'null';
    case 'ident':
      return node.name;
    case 'select':
      return `${celText(node.target)}.${node.field}`;
    case 'index':
      return `${celText(node.target)}[${celText(node.index)}]`;
    case 'call':
      return `${node.target ? `${celText(node.target)}.` : ''}${node.name}(${node.args.map(celText).join(', ')})`;
    case 'list':
      return `[${node.items.map(celText).join(', ')}]`;
    case 'map':
      return node.text;
    case 'unary':
      return `${node.op}${celText(node.arg)}`;
    case 'binary':
      return `${celText(node.left)} ${node.op} ${celText(node.right)}`;
    case 'cond':
      return `${celText(node.test)} ? ${celText(node.then)} : ${celText(node.else)}`;
  }
}
