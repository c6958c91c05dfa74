// The statements a shell script is read into (syntax.ts): commands with their raw words and
// redirections, pipelines, and the compound commands whose bodies run.

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
