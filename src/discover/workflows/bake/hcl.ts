// The part of HCL that Docker Bake files use (docs.docker.com/build/bake/reference): blocks with labels
// (`variable "X" { default = … }`, `target "t" { tags = [...] }`, `group`), attributes, strings with
// `${…}` templates, lists, objects, numbers, booleans, null, heredocs and comments. An expression this
// reader does not evaluate (a function call, arithmetic, a conditional) is kept as `unknown` with its
// text, so the caller can name it. We parse rather than use a library: the maintained HCL parsers for
// JavaScript are Go compiled to WebAssembly (several MB, asynchronous start) for a grammar this small.

export type HclValue =
  | { readonly kind: 'template'; readonly parts: readonly TemplatePart[] }
  | { readonly kind: 'list'; readonly items: readonly HclValue[] }
  | { readonly kind: 'object'; readonly entries: ReadonlyMap<string, HclValue> }
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null }
  | { readonly kind: 'reference'; readonly name: string }
  | { readonly kind: 'unknown'; readonly text: string };

/** A template's literal text, or an interpolated expression (`${VAR}`). */
export type TemplatePart = string | { readonly expression: HclValue; readonly text: string };

export interface HclBlock {
  readonly type: string;
  readonly labels: readonly string[];
  readonly attributes: ReadonlyMap<string, HclValue>;
  readonly line: number;
  /** Line of each attribute, for reports. */
  readonly attributeLines: ReadonlyMap<string, number>;
}

export class HclError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** The top-level blocks of a bake file (nested blocks are not used by bake and are skipped). */
export function parseHcl(text: string): HclBlock[] {
  return new Reader(text).body();
}

class Reader {
  private at = 0;
  constructor(private readonly text: string) {}

  body(): HclBlock[] {
    const blocks: HclBlock[] = [];
    for (;;) {
      this.space(true);
      if (this.at >= this.text.length) return blocks;
      const line = this.line();
      const type = this.identifier();
      const labels: string[] = [];
      this.space(false);
      while (this.peek() === '"' || /[A-Za-z_]/.test(this.peek())) {
        labels.push(this.peek() === '"' ? this.plainString() : this.identifier());
        this.space(false);
      }
      if (this.peek() === '=' && labels.length === 0) {
        // A top-level attribute (`suffix = …`) is a value targets can use, like a variable's default.
        this.at++;
        const value = this.expression();
        blocks.push({
          type: 'attribute',
          labels: [type],
          attributes: new Map([['default', value]]),
          line,
          attributeLines: new Map(),
        });
        continue;
      }
      if (this.peek() === '=') throw new HclError('a block cannot be assigned', line);
      this.expect('{');
      const { attributes, lines } = this.attributes();
      blocks.push({ type, labels, attributes, line, attributeLines: lines });
    }
  }

  private attributes(): { attributes: Map<string, HclValue>; lines: Map<string, number> } {
    const attributes = new Map<string, HclValue>();
    const lines = new Map<string, number>();
    for (;;) {
      this.space(true);
      if (this.peek() === '}') {
        this.at++;
        return { attributes, lines };
      }
      if (this.at >= this.text.length) throw new HclError('a block is not closed', this.line());
      const line = this.line();
      const name = this.peek() === '"' ? this.plainString() : this.identifier();
      this.space(false);
      if (this.peek() === '{' || this.peek() === '"') {
        // A nested block: bake files do not use them; skip it.
        while (this.peek() === '"') {
          this.plainString();
          this.space(false);
        }
        this.expect('{');
        this.attributes();
        continue;
      }
      this.expect('=');
      attributes.set(name, this.expression());
      lines.set(name, line);
    }
  }

  private expression(): HclValue {
    this.space(false);
    const start = this.at;
    const value = this.primary();
    this.space(false);
    // Operators and conditionals are not evaluated: the whole expression is unknown.
    if (this.at < this.text.length && !/[\n,\]})#/]/.test(this.peek())) {
      this.skipExpression();
      return { kind: 'unknown', text: this.text.slice(start, this.at).trim() };
    }
    return value;
  }

  private primary(): HclValue {
    const c = this.peek();
    if (c === '"') return this.template();
    if (c === '<' && this.text.startsWith('<<', this.at)) return this.heredoc();
    if (c === '[') {
      this.at++;
      const items: HclValue[] = [];
      for (;;) {
        this.space(true);
        if (this.peek() === ']') {
          this.at++;
          return { kind: 'list', items };
        }
        items.push(this.expression());
        this.space(true);
        if (this.peek() === ',') this.at++;
        else if (this.peek() !== ']')
          throw new HclError('a list item must be followed by , or ]', this.line());
      }
    }
    if (c === '{') {
      this.at++;
      const entries = new Map<string, HclValue>();
      for (;;) {
        this.space(true);
        if (this.peek() === '}') {
          this.at++;
          return { kind: 'object', entries };
        }
        const key = this.peek() === '"' ? this.plainString() : this.identifier();
        this.space(false);
        if (this.peek() !== '=' && this.peek() !== ':')
          throw new HclError('an object key needs = or :', this.line());
        this.at++;
        entries.set(key, this.expression());
        this.space(true);
        if (this.peek() === ',') this.at++;
      }
    }
    if (c === '(') {
      // A parenthesised expression (a conditional, arithmetic): not evaluated.
      const start = this.at;
      this.skipExpression();
      return { kind: 'unknown', text: this.text.slice(start, this.at).trim() };
    }
    const number = /^-?\d+(?:\.\d+)?/.exec(this.text.slice(this.at));
    if (number) {
      this.at += number[0].length;
      return { kind: 'literal', value: Number(number[0]) };
    }
    const start = this.at;
    const name = this.identifier();
    if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true' };
    if (name === 'null') return { kind: 'literal', value: null };
    if (this.peek() === '(' || this.peek() === '.' || this.peek() === '[') {
      this.skipExpression();
      return { kind: 'unknown', text: this.text.slice(start, this.at).trim() };
    }
    return { kind: 'reference', name };
  }

  private template(): HclValue {
    this.at++; // "
    const parts: TemplatePart[] = [];
    let literal = '';
    while (this.at < this.text.length && this.peek() !== '"') {
      const c = this.peek();
      if (c === '\\') {
        const next = this.text[this.at + 1] ?? '';
        literal += next === 'n' ? '\n' : next === 't' ? '\t' : next;
        this.at += 2;
      } else if (this.text.startsWith('$${', this.at)) {
        literal += '${';
        this.at += 3;
      } else if (this.text.startsWith('${', this.at)) {
        if (literal) parts.push(literal);
        literal = '';
        const close = this.closingBrace(this.at + 2);
        const inner = this.text.slice(this.at + 2, close);
        const innerReader = new Reader(inner.trim());
        let expression: HclValue;
        try {
          expression = innerReader.expression();
          if (innerReader.at < inner.trim().length) expression = { kind: 'unknown', text: inner.trim() };
        } catch {
          expression = { kind: 'unknown', text: inner.trim() };
        }
        parts.push({ expression, text: inner.trim() });
        this.at = close + 1;
      } else {
        literal += c;
        this.at++;
      }
    }
    if (this.peek() !== '"') throw new HclError('a string is not closed', this.line());
    this.at++;
    if (literal) parts.push(literal);
    return { kind: 'template', parts };
  }

  private heredoc(): HclValue {
    const header = /^<<-?([A-Za-z_]\w*)\n/.exec(this.text.slice(this.at));
    if (!header) throw new HclError('a heredoc needs a marker', this.line());
    this.at += header[0].length;
    const end = new RegExp(`^\\s*${header[1]}\\s*$`, 'm').exec(this.text.slice(this.at));
    const body = end ? this.text.slice(this.at, this.at + end.index) : this.text.slice(this.at);
    this.at += end ? end.index + end[0].length : body.length;
    return { kind: 'template', parts: [body.replace(/\n$/, '')] };
  }

  private plainString(): string {
    const value = this.template();
    return value.kind === 'template'
      ? value.parts.map((part) => (typeof part === 'string' ? part : `\${${part.text}}`)).join('')
      : '';
  }

  private identifier(): string {
    const match = /^[A-Za-z_][\w-]*/.exec(this.text.slice(this.at));
    if (!match) throw new HclError(`unexpected \`${this.peek() || 'end of file'}\``, this.line());
    this.at += match[0].length;
    return match[0];
  }

  /** Past the rest of an expression: up to a newline, `,`, `]` or `}` outside brackets and strings. */
  private skipExpression(): void {
    let depth = 0;
    while (this.at < this.text.length) {
      const c = this.peek();
      if (c === '"') {
        this.template();
        continue;
      }
      if ('([{'.includes(c)) depth++;
      else if (')]}'.includes(c)) {
        if (depth === 0) return;
        depth--;
      } else if ((c === '\n' || c === ',') && depth === 0) return;
      this.at++;
    }
  }

  private closingBrace(from: number): number {
    let depth = 1;
    for (let i = from; i < this.text.length; i++) {
      if (this.text[i] === '{') depth++;
      else if (this.text[i] === '}' && --depth === 0) return i;
    }
    throw new HclError('an interpolation is not closed', this.line());
  }

  private space(newlines: boolean): void {
    for (;;) {
      const rest = this.text.slice(this.at);
      const match = (
        newlines ? /^(?:\s+|#[^\n]*|\/\/[^\n]*|\/\*[\s\S]*?\*\/)/ : /^(?:[ \t\r]+|\/\*[\s\S]*?\*\/)/
      ).exec(rest);
      if (!match || match[0].length === 0) return;
      this.at += match[0].length;
    }
  }

  private peek(): string {
    return this.text[this.at] ?? '';
  }

  private expect(c: string): void {
    this.space(true);
    if (this.peek() !== c) throw new HclError(`expected \`${c}\``, this.line());
    this.at++;
  }

  private line(): number {
    return this.text.slice(0, this.at).split('\n').length;
  }
}
