// A Makefile read as GNU make reads a plain one ("How make Reads a Makefile"): logical lines, conditional
// blocks, variable assignments, rules with their tab-indented recipes, and `include`d repository files.
import { concat, missing, shown, type Text } from '../text.ts';
import type { CommandContext, RepositoryFile } from './context.ts';
import { expand, splitArguments } from './make-expansion.ts';

export interface Rule {
  readonly prerequisites: string;
  readonly recipe: { readonly text: string; readonly line: number }[];
}

export interface Variable {
  /** As written: expanded when used (`=`), or already expanded (`:=`, the environment, the command line). */
  readonly raw?: string;
  readonly value?: Text;
}

export interface Makefile {
  readonly file: RepositoryFile;
  readonly variables: Map<string, Variable>;
  readonly exported: Set<string>;
  /** Command-line variables: the Makefile cannot change them. */
  readonly overrides: Map<string, Text>;
  readonly rules: Map<string, Rule>;
  /** Targets in the order written: the first is the default goal. */
  readonly order: string[];
}

/** What reading a Makefile and the files it includes shares. */
interface Reader {
  readonly makefile: Makefile;
  readonly context: CommandContext;
  /** The directory the Makefile is read from, with its trailing `/` (empty for the root). */
  readonly base: string;
  /** Variables that still hold the environment's value. */
  readonly fromEnvironment: Set<string>;
}

/** Where the reading of one file is. */
interface FileState {
  /** The rule the following recipe lines belong to. */
  rule: Rule | undefined;
  /** An open `define` block, skipped to its `endef`. */
  define: string | undefined;
  // Conditional blocks (GNU make "Conditional Parts of Makefiles"): each entry is whether its branch is
  // taken — undefined when the comparison involves a value pullcheck cannot know.
  readonly conditions: (boolean | undefined)[];
}

/** Reads assignments, rules and recipes; `include`s are read from the repository when they are there. */
export function readMakefile(
  file: RepositoryFile,
  context: CommandContext,
  base: string,
  environment: ReadonlyMap<string, Text>,
  commandVariables: ReadonlyMap<string, Text>,
): Makefile {
  const makefile: Makefile = {
    file,
    variables: new Map(),
    exported: new Set(),
    overrides: new Map(commandVariables),
    rules: new Map(),
    order: [],
  };
  makefile.variables.set('MAKEFILE_LIST', { value: [file.file.slice(file.file.lastIndexOf('/') + 1)] });
  for (const [name, value] of [...environment, ...commandVariables]) {
    makefile.variables.set(name, { value });
    makefile.exported.add(name);
  }
  const fromEnvironment = new Set(environment.keys());
  readFile({ makefile, context, base, fromEnvironment }, file, 0);
  return makefile;
}

function readFile(reader: Reader, source: RepositoryFile, depth: number): void {
  const state: FileState = { rule: undefined, define: undefined, conditions: [] };
  for (const { line, number } of logicalLines(source)) readLine(reader, state, line, number, depth);
}

/**
 * Backslash-newline joins lines; each logical line keeps the number of its first line. In a recipe
 * the backslash-newline stays (the shell reads it) and the continued line loses one leading tab.
 */
function logicalLines(source: RepositoryFile): { line: string; number: number }[] {
  const logical: { line: string; number: number }[] = [];
  source.text.split('\n').forEach((raw, index) => {
    const previous = logical.at(-1);
    const line = raw.replace(/\r$/, '');
    if (previous?.line.endsWith('\\') && previous.line.startsWith('\t'))
      previous.line = `${previous.line}\n${line.replace(/^\t/, '')}`;
    else if (previous?.line.endsWith('\\'))
      previous.line = `${previous.line.slice(0, -1)} ${line.trimStart()}`;
    else logical.push({ line, number: index + 1 });
  });
  return logical;
}

function readLine(reader: Reader, state: FileState, line: string, lineNumber: number, depth: number): void {
  const directive = /^\s*(ifeq|ifneq|ifdef|ifndef|else|endif)\b\s*(.*)$/.exec(
    line.startsWith('\t') ? '' : line,
  );
  if (directive && state.define === undefined) {
    conditionalDirective(reader.makefile, state.conditions, directive[1]!, directive[2]!);
    return;
  }
  if (state.conditions.includes(false)) return;
  const uncertain = state.conditions.includes(undefined);
  if (state.define !== undefined) {
    if (/^\s*endef\b/.test(line)) state.define = undefined;
    return;
  }
  if (line.startsWith('\t') && state.rule) {
    state.rule.recipe.push({ text: line.slice(1).replace(/ {2,}/g, ' '), line: lineNumber });
    return;
  }
  const code = line.replace(/(^|[^\\])#.*$/, '$1').trimEnd();
  if (code.trim() === '') return;
  if (/^\s*define\s/.test(code)) {
    state.define = code;
    return;
  }
  const include = /^\s*-?(?:include|sinclude)\s+(.+)$/.exec(code);
  if (include) {
    for (const name of include[1]!.trim().split(/\s+/)) {
      const included = depth < 4 && !name.includes('$') ? reader.context.read(reader.base + name) : undefined;
      if (included) readFile(reader, included, depth + 1);
    }
    return;
  }
  const assignment = /^\s*(?:(export|override)\s+)?([A-Za-z_][\w.-]*)\s*(:{1,3}=|\?=|\+=|!=|=)\s*(.*)$/.exec(
    code,
  );
  if (assignment) {
    state.rule = undefined;
    assign(reader, assignment, uncertain);
    return;
  }
  const exportOnly = /^\s*export\s+([A-Za-z_][\w.\s-]*)$/.exec(code);
  if (exportOnly) {
    for (const name of exportOnly[1]!.trim().split(/\s+/)) reader.makefile.exported.add(name);
    return;
  }
  const ruleLine = /^([^:=\t][^:=]*?)\s*::?\s*([^=]*)$/.exec(code);
  if (ruleLine) state.rule = readRule(reader.makefile, ruleLine, lineNumber);
}

/** `ifeq`, `ifneq`, `ifdef`, `ifndef`, `else [if…]` and `endif` on the stack of open conditionals. */
function conditionalDirective(
  makefile: Makefile,
  conditions: (boolean | undefined)[],
  keyword: string,
  rest: string,
): void {
  if (keyword === 'endif') conditions.pop();
  else if (keyword === 'else') {
    const taken = conditions.pop();
    const nested = /^(ifeq|ifneq|ifdef|ifndef)\b\s*(.*)$/.exec(rest.trim());
    const otherwise = taken === undefined ? undefined : !taken;
    // `else ifeq …`: taken only when the first was not and this one is.
    conditions.push(
      nested
        ? otherwise === false
          ? false
          : and(otherwise, decide(nested[1]!, nested[2]!, makefile))
        : otherwise,
    );
  } else conditions.push(decide(keyword, rest, makefile));
}

/** `NAME = value` and its kin, with `export` or `override`. */
function assign(reader: Reader, assignment: RegExpExecArray, uncertain: boolean): void {
  const { makefile, fromEnvironment } = reader;
  const [, modifier, name, op, value] = assignment as unknown as [
    string,
    string | undefined,
    string,
    string,
    string,
  ];
  if (modifier === 'export') makefile.exported.add(name);
  if (makefile.overrides.has(name) && modifier !== 'override') return;
  const existing = makefile.variables.get(name);
  // The environment is weaker than the Makefile, except against `?=`.
  if (op === '?=' && existing) return;
  if (uncertain) {
    // Set under a condition that cannot be decided: the variable may or may not have this value.
    makefile.variables.set(name, {
      value: [missing(`the Makefile variable ${name}, set under a condition pullcheck cannot decide`)],
    });
    return;
  }
  if (op === '!=')
    makefile.variables.set(name, {
      value: [missing(`the output of the Makefile's \`${name} != ${value}\``)],
    });
  else if (op === '+=' && existing && !fromEnvironment.has(name))
    makefile.variables.set(
      name,
      existing.raw !== undefined
        ? { raw: `${existing.raw} ${value}` }
        : { value: concat(existing.value ?? [], [` ${value}`]) },
    );
  else if (op.startsWith(':')) makefile.variables.set(name, { value: expand(value, makefile, new Map(), 0) });
  else makefile.variables.set(name, { raw: value });
  fromEnvironment.delete(name);
}

/** `TARGETS: PREREQUISITES [; RECIPE]`: the rule, registered under each of its targets. */
function readRule(makefile: Makefile, ruleLine: RegExpExecArray, lineNumber: number): Rule {
  const [targetText, recipeOnLine] = ruleLine[2]!.split(';', 2) as [string, string | undefined];
  const rule: Rule = {
    prerequisites: targetText,
    recipe: recipeOnLine ? [{ text: recipeOnLine.trim(), line: lineNumber }] : [],
  };
  // Targets are expanded as they are read; one with a hole is known by how it is shown.
  const targets = shown(expand(ruleLine[1]!, makefile, new Map(), 0));
  for (const target of targets.trim().split(/\s+/)) {
    if (target.includes('%')) continue;
    if (!makefile.rules.has(target)) makefile.rules.set(target, rule);
    if (!target.startsWith('.')) makefile.order.push(target);
  }
  return rule;
}

/** A conditional directive's value: true, false, or undefined when it depends on an unknown value. */
function decide(keyword: string, rest: string, makefile: Makefile): boolean | undefined {
  const known = (text: string): string | undefined => {
    const value = expand(text, makefile, new Map(), 0);
    return value.every((part) => typeof part === 'string') ? value.join('') : undefined;
  };
  if (keyword === 'ifdef' || keyword === 'ifndef') {
    const name = known(rest.trim());
    const variable = name === undefined ? undefined : makefile.variables.get(name);
    if (name === undefined) return undefined;
    const value = variable === undefined ? '' : known(`$(${name})`);
    if (value === undefined) return undefined;
    return keyword === 'ifdef' ? value !== '' : value === '';
  }
  // ifeq (A,B) | ifeq "A" "B" | ifeq 'A' 'B'
  const parenthesised = /^\((.*)\)\s*$/.exec(rest.trim());
  const quoted = /^(["'])(.*?)\1\s+(["'])(.*?)\3\s*$/.exec(rest.trim());
  let left: string | undefined;
  let right: string | undefined;
  if (parenthesised) {
    const [a = '', b = ''] = splitArguments(parenthesised[1]!);
    [left, right] = [known(a.trim()), known(b.trim())];
  } else if (quoted) [left, right] = [known(quoted[2]!), known(quoted[4]!)];
  else return undefined;
  if (left === undefined || right === undefined) return undefined;
  return keyword === 'ifeq' ? left === right : left !== right;
}

function and(a: boolean | undefined, b: boolean | undefined): boolean | undefined {
  if (a === false || b === false) return false;
  return a === undefined || b === undefined ? undefined : true;
}
