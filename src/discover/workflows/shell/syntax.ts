// Shell scripts as bash reads them, to the depth discovery needs: words (kept raw, with their quotes,
// for expansion later), the line each command starts on, pipelines, redirections with their targets,
// here-documents, and the compound commands whose bodies run (`for` over a word list, `if`, `while`,
// `case`, `{ }`, `( )`, functions). Conditions and branches are all read: a push in either branch of an
// `if` is a push the workflow may make. bash(1) "SHELL GRAMMAR".

export interface Redirection {
  readonly op: string;
  /** The target word, raw. */
  readonly target: string;
  /** A here-document's body and whether its delimiter was quoted (no expansion then). */
  readonly heredoc?: { readonly body: string; readonly quoted: boolean };
}

export interface SimpleCommand {
  readonly kind: 'simple';
  readonly line: number;
  /** Raw words, assignments (`NAME=value`) that lead the command included. */
  readonly words: readonly string[];
  readonly redirections: readonly Redirection[];
}

export interface Pipeline {
  readonly kind: 'pipeline';
  readonly line: number;
  readonly commands: readonly SimpleCommand[];
  /** `&&` or `||` when the pipeline follows one (how a condition list combines). */
  readonly connective?: '&&' | '||';
}

/** `if …; then …; elif …; then …; else …; fi`. */
export interface IfStatement {
  readonly kind: 'if';
  readonly line: number;
  readonly branches: readonly {
    readonly condition: readonly Statement[];
    readonly body: readonly Statement[];
  }[];
  readonly otherwise: readonly Statement[] | undefined;
  readonly redirections: readonly Redirection[];
}

/** `( … )`: a subshell — its assignments and `cd` do not outlive it. */
export interface Subshell {
  readonly kind: 'subshell';
  readonly line: number;
  readonly body: readonly Statement[];
  readonly redirections: readonly Redirection[];
}

export interface ForLoop {
  readonly kind: 'for';
  readonly line: number;
  readonly name: string;
  /** Raw words after `in`; undefined for `for NAME; do` (the positional parameters). */
  readonly items: readonly string[] | undefined;
  readonly body: readonly Statement[];
}

export interface FunctionDefinition {
  readonly kind: 'function';
  readonly line: number;
  readonly name: string;
  readonly body: readonly Statement[];
}

/** `{ …; }`, `( … )`, `if`, `while`, `case`: their commands run in order, output redirected as a whole. */
export interface Group {
  readonly kind: 'group';
  readonly line: number;
  readonly body: readonly Statement[];
  readonly redirections: readonly Redirection[];
}

/** `case WORD in PATTERN) …;; esac`: only the matching branch runs when WORD is known. */
export interface CaseStatement {
  readonly kind: 'case';
  readonly line: number;
  readonly word: string;
  readonly branches: readonly { readonly patterns: readonly string[]; readonly body: readonly Statement[] }[];
}

/** `while`/`until`: the condition and body run once, except a `getopts` loop, which runs per option. */
export interface WhileLoop {
  readonly kind: 'while';
  readonly line: number;
  readonly condition: readonly Statement[];
  readonly body: readonly Statement[];
}

export type Statement =
  Pipeline | ForLoop | FunctionDefinition | Group | CaseStatement | WhileLoop | IfStatement | Subshell;

type Token =
  | { readonly type: 'word'; readonly raw: string; readonly line: number }
  | { readonly type: 'op'; readonly op: string; readonly line: number }
  | { readonly type: 'redirect'; readonly op: string; readonly line: number };

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

// ---- lexer ----

const OPERATORS = ['&&', '||', ';;', ';&', '|&', '&', '|', ';', '(', ')', '\n'];

function tokenize(script: string): Token[] {
  const text = script.replace(/\r\n/g, '\n');
  const tokens: Token[] = [];
  const heredocs: { delimiter: string; strip: boolean; quoted: boolean; into: Token[]; index: number }[] = [];
  let line = 1;
  let i = 0;
  const pushWord = (raw: string, at: number) => tokens.push({ type: 'word', raw, line: at });
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && text[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      tokens.push({ type: 'op', op: '\n', line });
      line++;
      i++;
      // Here-document bodies start on the line after their operator.
      for (const pending of heredocs.splice(0)) {
        const body: string[] = [];
        while (i < text.length) {
          const end = text.indexOf('\n', i);
          const current = text.slice(i, end === -1 ? text.length : end);
          i = end === -1 ? text.length : end + 1;
          line++;
          const compared = pending.strip ? current.replace(/^\t+/, '') : current;
          if (compared === pending.delimiter) break;
          body.push(compared);
        }
        const redirect = pending.into[pending.index] as { op: string };
        Object.assign(redirect, { body: body.join('\n'), quoted: pending.quoted });
      }
      continue;
    }
    const redirect = /^(?:\d*|&)(?:<<<|<<-?|>>|>&|<&|>\||<>|>|<)/.exec(text.slice(i, i + 6));
    if (redirect && (redirect[0] !== '&' || text[i + 1] === '>')) {
      const op = redirect[0].replace(/^\d+/, '');
      i += redirect[0].length;
      const token: Token = { type: 'redirect', op, line };
      tokens.push(token);
      if (op === '<<' || op === '<<-') {
        while (text[i] === ' ' || text[i] === '\t') i++;
        const start = i;
        i = wordEnd(text, i);
        const raw = text.slice(start, i);
        const delimiter = raw.replace(/["'\\]/g, '');
        heredocs.push({
          delimiter,
          strip: op === '<<-',
          quoted: raw !== delimiter,
          into: tokens,
          index: tokens.length - 1,
        });
        pushWord(raw, line);
      }
      continue;
    }
    const op = OPERATORS.find((candidate) => text.startsWith(candidate, i));
    if (op) {
      tokens.push({ type: 'op', op, line });
      i += op.length;
      continue;
    }
    const start = i;
    const startLine = line;
    i = wordEnd(text, i);
    if (i === start) i++; // never stall on a character no rule consumed
    const raw = text.slice(start, i);
    line += raw.split('\n').length - 1;
    pushWord(raw, startLine);
  }
  return tokens;
}

/** Where the word starting at `i` ends: quotes, `$( )`, `${ }`, backticks and `\x` keep it together. */
function wordEnd(text: string, i: number): number {
  const start = i;
  while (i < text.length) {
    const c = text[i]!;
    // `NAME=(a b c)`: an array assignment is one word.
    if (c === '(' && /^[A-Za-z_]\w*(?:\[[^\]]*\])?\+?=$/.test(text.slice(start, i))) {
      i = closing(text, i, '(', ')');
      continue;
    }
    if (' \t\n;&|()<>'.includes(c)) {
      // `<(…)` and `>(…)` process substitutions are words.
      if ((c === '<' || c === '>') && text[i + 1] === '(') {
        i = closing(text, i + 1, '(', ')');
        continue;
      }
      return i;
    }
    if (c === '\\') i += 2;
    else if (c === "'") i = text.includes("'", i + 1) ? text.indexOf("'", i + 1) + 1 : text.length;
    else if (c === '"') i = doubleQuoteEnd(text, i + 1);
    else if (c === '`') i = backquoteEnd(text, i + 1);
    else if (c === '$' && text[i + 1] === '(') i = closing(text, i + 1, '(', ')');
    else if (c === '$' && text[i + 1] === '{') i = closing(text, i + 1, '{', '}');
    else i++;
  }
  return i;
}

function doubleQuoteEnd(text: string, i: number): number {
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') return i + 1;
    if (c === '\\') i += 2;
    else if (c === '`') i = backquoteEnd(text, i + 1);
    else if (c === '$' && text[i + 1] === '(') i = closing(text, i + 1, '(', ')');
    else if (c === '$' && text[i + 1] === '{') i = closing(text, i + 1, '{', '}');
    else i++;
  }
  return i;
}

function backquoteEnd(text: string, i: number): number {
  while (i < text.length && text[i] !== '`') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Index after the bracket matching the one at `i`, honouring quotes inside. */
export function closing(text: string, i: number, open: string, close: string): number {
  let depth = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\') i += 2;
    else if (c === "'" && open === '(')
      i = text.includes("'", i + 1) ? text.indexOf("'", i + 1) + 1 : text.length;
    else if (c === '"') i = doubleQuoteEnd(text, i + 1);
    else {
      if (c === open) depth++;
      else if (c === close && --depth === 0) return i + 1;
      i++;
    }
  }
  return i;
}

// ---- parser ----

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
