// Shell scripts as bash reads them, to the depth discovery needs: words (kept raw, with their quotes,
// for expansion later), the line each command starts on, pipelines, redirections with their targets,
// here-documents, and the compound commands whose bodies run (`for` over a word list, `if`, `while`,
// `case`, `{ }`, `( )`, functions). Conditions and branches are all read: a push in either branch of an
// `if` is a push the workflow may make. bash(1) "SHELL GRAMMAR".
import { tokenize, type Token } from './lexer.ts';
import type {
  CaseStatement,
  FunctionDefinition,
  Group,
  IfStatement,
  Pipeline,
  Redirection,
  SimpleCommand,
  Statement,
} from './statements.ts';

class ShellSyntaxError extends Error {}

/** The script's statements. A script bash would reject still yields what could be read before the error. */
export function parseScript(script: string): Statement[] {
  const tokens = tokenize(script);
  const parser = new Parser(tokens);
  try {
    return parser.list(new Set());
  } catch (error) {
    if (!(error instanceof ShellSyntaxError)) throw error;
    return parser.done;
  }
}

const RESERVED_ENDS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}']);

class Parser {
  private at = 0;
  /** Statements read so far at the top level, kept when a later one fails to parse. */
  done: Statement[] = [];

  constructor(private readonly tokens: Token[]) {}

  /** Statements until one of `ends` (a reserved word in command position) or a `)` / `;;` the caller owns. */
  list(ends: ReadonlySet<string>, top = true): Statement[] {
    const statements: Statement[] = top ? this.done : [];
    for (;;) {
      this.skipSeparators();
      const token = this.tokens[this.at];
      if (!token) return statements;
      if (token.type === 'word' && ends.has(token.raw)) return statements;
      if (token.type === 'op' && (token.op === ')' || token.op === ';;' || token.op === ';&')) {
        if (top) {
          this.at++;
          continue;
        }
        return statements;
      }
      if (token.type === 'word' && RESERVED_ENDS.has(token.raw) && !ends.has(token.raw)) {
        // A stray `fi`/`done`: bash would reject the script; read past it.
        this.at++;
        continue;
      }
      const statement = this.statement();
      if (statement) statements.push(statement);
    }
  }

  private statement(): Statement | undefined {
    const token = this.tokens[this.at]!;
    const line = token.line;
    if (token.type === 'word') {
      switch (token.raw) {
        case 'if':
          return this.ifStatement(line);
        case 'while':
        case 'until': {
          this.at++;
          const condition = this.list(new Set(['do']), false);
          this.expectWord('do');
          const body = this.list(new Set(['done']), false);
          this.expectWord('done');
          this.redirections();
          return { kind: 'while', line, condition, body };
        }
        case 'for':
          return this.forLoop(line);
        case 'case':
          return this.caseStatement(line);
        case '{':
          return this.compound(line, () => {
            this.at++;
            const body = this.list(new Set(['}']), false);
            this.expectWord('}');
            return body;
          });
        case 'function': {
          this.at++;
          const name = this.tokens[this.at++];
          if (name?.type !== 'word') throw new ShellSyntaxError('function name');
          if (this.isOp('(')) this.at += 2;
          return this.functionBody(line, name.raw);
        }
        case '!':
          this.at++;
          return this.statement();
      }
      const next = this.tokens[this.at + 1];
      const after = this.tokens[this.at + 2];
      if (next?.type === 'op' && next.op === '(' && after?.type === 'op' && after.op === ')') {
        this.at += 3;
        return this.functionBody(line, token.raw);
      }
    }
    if (token.type === 'op' && token.op === '(') {
      this.at++;
      const body = this.list(new Set(), false);
      if (this.isOp(')')) this.at++;
      return { kind: 'subshell', line, body, redirections: this.redirections() };
    }
    return this.pipeline();
  }

  private compound(line: number, body: () => Statement[]): Group {
    const statements = body();
    return { kind: 'group', line, body: statements, redirections: this.redirections() };
  }

  private ifStatement(line: number): IfStatement {
    this.at++;
    const branches: { condition: Statement[]; body: Statement[] }[] = [];
    let condition = this.list(new Set(['then']), false);
    this.expectWord('then');
    for (;;) {
      const body = this.list(new Set(['elif', 'else', 'fi']), false);
      const word = this.tokens[this.at];
      if (word?.type !== 'word') throw new ShellSyntaxError('unterminated if');
      this.at++;
      if (word.raw === 'else') {
        branches.push({ condition, body });
        const otherwise = this.list(new Set(['fi']), false);
        this.expectWord('fi');
        return { kind: 'if', line, branches, otherwise, redirections: this.redirections() };
      }
      branches.push({ condition, body });
      if (word.raw === 'fi')
        return { kind: 'if', line, branches, otherwise: undefined, redirections: this.redirections() };
      condition = this.list(new Set(['then']), false);
      this.expectWord('then');
    }
  }

  private caseStatement(line: number): CaseStatement {
    this.at++;
    const word = this.tokens[this.at++];
    if (word?.type !== 'word') throw new ShellSyntaxError('case needs a word');
    this.skipSeparators();
    this.expectWord('in');
    const branches: { patterns: string[]; body: Statement[] }[] = [];
    for (;;) {
      this.skipSeparators();
      const token = this.tokens[this.at];
      if (!token) throw new ShellSyntaxError('unterminated case');
      if (token.type === 'word' && token.raw === 'esac') {
        this.at++;
        this.redirections();
        return { kind: 'case', line, word: word.raw, branches };
      }
      // The pattern list, `a|b)`, optionally opened with `(`.
      if (this.isOp('(')) this.at++;
      const patterns: string[] = [];
      while (this.tokens[this.at] && !this.isOp(')')) {
        const current = this.tokens[this.at++]!;
        if (current.type === 'word') patterns.push(current.raw);
      }
      this.at++;
      branches.push({ patterns, body: this.list(new Set(['esac']), false) });
      if (this.isOp(';;') || this.isOp(';&')) this.at++;
    }
  }

  private forLoop(line: number): Statement {
    this.at++;
    if (this.isOp('(')) {
      // `for (( … ))`: an arithmetic loop; its body still runs.
      while (
        this.tokens[this.at] &&
        !(this.tokens[this.at]!.type === 'word' && (this.tokens[this.at] as { raw: string }).raw === 'do')
      )
        this.at++;
      this.expectWord('do');
      const body = this.list(new Set(['done']), false);
      this.expectWord('done');
      return { kind: 'group', line, body, redirections: this.redirections() };
    }
    const name = this.tokens[this.at++];
    if (name?.type !== 'word') throw new ShellSyntaxError('for needs a name');
    let items: string[] | undefined;
    this.skipNewlines();
    if (this.isWord('in')) {
      this.at++;
      items = [];
      while (this.tokens[this.at]?.type === 'word')
        items.push((this.tokens[this.at++] as { raw: string }).raw);
    }
    this.skipSeparators();
    this.expectWord('do');
    const body = this.list(new Set(['done']), false);
    this.expectWord('done');
    this.redirections();
    return { kind: 'for', line, name: name.raw, items, body };
  }

  private functionBody(line: number, name: string): FunctionDefinition {
    this.skipNewlines();
    const statement = this.statement();
    const body = statement?.kind === 'group' ? statement.body : statement ? [statement] : [];
    return { kind: 'function', line, name, body };
  }

  private pipeline(): Pipeline | undefined {
    const line = this.tokens[this.at]!.line;
    const connective = this.connective;
    const commands: SimpleCommand[] = [];
    for (;;) {
      const command = this.simple();
      if (command) commands.push(command);
      if (this.isOp('|') || this.isOp('|&')) {
        this.at++;
        this.skipNewlines();
        continue;
      }
      break;
    }
    if (commands.length === 0) return undefined;
    return connective
      ? { kind: 'pipeline', line, commands, connective }
      : { kind: 'pipeline', line, commands };
  }

  private simple(): SimpleCommand | undefined {
    const first = this.tokens[this.at];
    if (!first) return undefined;
    const words: string[] = [];
    const redirections: Redirection[] = [];
    for (;;) {
      const token = this.tokens[this.at];
      if (!token) break;
      if (token.type === 'word') {
        words.push(token.raw);
        this.at++;
      } else if (token.type === 'redirect') {
        redirections.push(this.redirection());
      } else break;
    }
    if (words.length === 0 && redirections.length === 0) {
      this.at++; // a lone operator
      return undefined;
    }
    return { kind: 'simple', line: first.line, words, redirections };
  }

  private redirections(): Redirection[] {
    const found: Redirection[] = [];
    while (this.tokens[this.at]?.type === 'redirect') found.push(this.redirection());
    return found;
  }

  private redirection(): Redirection {
    const token = this.tokens[this.at++] as { op: string; body?: string; quoted?: boolean };
    const target = this.tokens[this.at];
    const raw = target?.type === 'word' ? target.raw : '';
    if (target?.type === 'word') this.at++;
    return token.body === undefined
      ? { op: token.op, target: raw }
      : { op: token.op, target: raw, heredoc: { body: token.body, quoted: token.quoted ?? false } };
  }

  /** The `&&` or `||` just passed, for the statement after it. */
  private connective: '&&' | '||' | undefined;

  private skipSeparators(): void {
    this.connective = undefined;
    while (this.isOp(';') || this.isOp('\n') || this.isOp('&') || this.isOp('&&') || this.isOp('||')) {
      const token = this.tokens[this.at] as { op: string };
      this.connective =
        token.op === '&&' || token.op === '||'
          ? token.op
          : token.op === '\n' && this.connective
            ? this.connective
            : undefined;
      this.at++;
    }
  }

  private skipNewlines(): void {
    while (this.isOp('\n')) this.at++;
  }

  private isOp(op: string): boolean {
    const token = this.tokens[this.at];
    return token?.type === 'op' && token.op === op;
  }

  private isWord(raw: string): boolean {
    const token = this.tokens[this.at];
    return token?.type === 'word' && token.raw === raw;
  }

  private expectWord(raw: string): void {
    this.skipSeparators();
    if (!this.isWord(raw)) throw new ShellSyntaxError(`expected ${raw}`);
    this.at++;
  }
}
