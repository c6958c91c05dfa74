// The syntax of GitHub Actions expressions (`${{ … }}`): tokens, and a recursive-descent parser into a
// tree whose operators bind as the runner's do; expression.ts evaluates the tree.
import type { Value } from './expression.ts';

type Token =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'name'; value: string }
  | { kind: 'op'; value: string };

/** An expression the runner would refuse; its value is a hole. */
export class ExpressionSyntaxError extends Error {}

/** The expression's tree; throws ExpressionSyntaxError when it is not one. */
export function parseExpression(expression: string): Node {
  const parser = new Parser(tokenize(expression));
  const node = parser.expression();
  parser.end();
  return node;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    if (rest[0] === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= source.length) throw new ExpressionSyntaxError('unterminated string');
        if (source[j] === "'" && source[j + 1] === "'") {
          value += "'";
          j += 2;
        } else if (source[j] === "'") break;
        else value += source[j++];
      }
      tokens.push({ kind: 'string', value });
      i = j + 1;
      continue;
    }
    const number = /^(?:0x[0-9a-fA-F]+|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(rest);
    if (number && !/^[A-Za-z_]/.test(rest)) {
      tokens.push({ kind: 'number', value: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(rest);
    if (name) {
      tokens.push({ kind: 'name', value: name[0] });
      i += name[0].length;
      continue;
    }
    const op = /^(?:==|!=|<=|>=|&&|\|\||[()[\].,!<>*])/.exec(rest);
    if (!op) throw new ExpressionSyntaxError(`unexpected ${rest[0]}`);
    tokens.push({ kind: 'op', value: op[0] });
    i += op[0].length;
  }
  return tokens;
}

export type Node =
  | { type: 'literal'; value: Value }
  | { type: 'name'; name: string }
  | { type: 'member'; object: Node; key: Node }
  | { type: 'call'; name: string; args: Node[] }
  | { type: 'not'; operand: Node }
  | { type: 'binary'; op: string; left: Node; right: Node };

// Lowest to highest binding: || && (== !=) (< <= > >=).
const LEVELS: readonly (readonly string[])[] = [['||'], ['&&'], ['==', '!='], ['<', '<=', '>', '>=']];

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  expression(level = 0): Node {
    if (level === LEVELS.length) return this.unary();
    let left = this.expression(level + 1);
    for (;;) {
      const token = this.tokens[this.at];
      if (token?.kind !== 'op' || !LEVELS[level]!.includes(token.value)) return left;
      this.at++;
      left = { type: 'binary', op: token.value, left, right: this.expression(level + 1) };
    }
  }

  end(): void {
    if (this.at !== this.tokens.length) throw new ExpressionSyntaxError('trailing tokens');
  }

  private unary(): Node {
    if (this.isOp('!')) {
      this.at++;
      return { type: 'not', operand: this.unary() };
    }
    return this.postfix(this.primary());
  }

  private primary(): Node {
    const token = this.tokens[this.at++];
    if (!token) throw new ExpressionSyntaxError('unexpected end');
    if (token.kind === 'number' || token.kind === 'string') return { type: 'literal', value: token.value };
    if (token.kind === 'op' && token.value === '(') {
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    if (token.kind !== 'name') throw new ExpressionSyntaxError(`unexpected ${token.value}`);
    if (token.value === 'true' || token.value === 'false')
      return { type: 'literal', value: token.value === 'true' };
    if (token.value === 'null') return { type: 'literal', value: null };
    if (this.isOp('(')) {
      this.at++;
      const args: Node[] = [];
      while (!this.isOp(')')) {
        args.push(this.expression());
        if (!this.isOp(')')) this.expect(',');
      }
      this.at++;
      return { type: 'call', name: token.value.toLowerCase(), args };
    }
    return { type: 'name', name: token.value };
  }

  private postfix(node: Node): Node {
    for (;;) {
      if (this.isOp('.')) {
        this.at++;
        const key = this.tokens[this.at++];
        if (key?.kind === 'name')
          node = { type: 'member', object: node, key: { type: 'literal', value: key.value } };
        else if (key?.kind === 'op' && key.value === '*')
          node = { type: 'member', object: node, key: { type: 'literal', value: '*' } };
        else throw new ExpressionSyntaxError('a property name must follow .');
      } else if (this.isOp('[')) {
        this.at++;
        const key = this.isOp('*') ? (this.at++, { type: 'literal', value: '*' } as Node) : this.expression();
        this.expect(']');
        node = { type: 'member', object: node, key };
      } else return node;
    }
  }

  private isOp(value: string): boolean {
    const token = this.tokens[this.at];
    return token?.kind === 'op' && token.value === value;
  }

  private expect(value: string): void {
    if (!this.isOp(value)) throw new ExpressionSyntaxError(`expected ${value}`);
    this.at++;
  }
}
