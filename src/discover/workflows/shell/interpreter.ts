// Runs a script's statements over known values, as bash would, without running any program: variables
// and exports, functions, `for` over word lists, `cd`, `source`, `echo`/`printf`/`cat` output and where
// it is redirected (so `echo "IMAGE=…" >> "$GITHUB_ENV"` is seen), pipelines through the filters people
// use to lowercase or cut names, and `$( … )`. Every other command goes to the host, which knows the
// push tools. Nothing here reads a file or the process environment: the host supplies both.
/* eslint-disable max-lines -- the Shell class is one interpreter: its statements, builtins and substitutions share its variables, exports, functions, directory and depth */
import { expandFields, expandWord, type Expansion, type Variables } from './expand.ts';
import { globMatches } from './glob.ts';
import type { IfStatement, Pipeline, Redirection, SimpleCommand, Statement } from './statements.ts';
import { MAX_DEPTH, MAX_LOOP_ITEMS, MAX_STEPS } from './limits.ts';
import { RUNNER_FILES, runnerFile, runnerFileValue } from './runner-files.ts';
import { parseScript } from './syntax.ts';
import { testValue } from './test-command.ts';
import { echo, filter, printf } from './text-commands.ts';
import { withoutWrappers, xargsCommand } from './wrappers.ts';
import { bounded, concat, missing, split, wordText, type Text } from '../text.ts';

export interface ShellCommand {
  /** The command's words after expansion, prefix assignments and wrappers (`sudo`, `env`, `time`) removed. */
  readonly words: readonly Text[];
  /** Line of the command in the script being run (1-based). */
  readonly line: number;
  /** The environment a child process would get: exported variables and the command's own assignments. */
  readonly environment: ReadonlyMap<string, Text>;
  /** The working directory, relative to the repository root ('' for the root). */
  readonly cwd: string;
  /** What it reads on stdin: the pipeline's previous command's output, a heredoc, or a here-string. */
  readonly stdin?: Text | undefined;
}

export interface ShellHost {
  /** A command that is not a shell builtin: pushes are recognised here; returns its output when known. */
  command(command: ShellCommand): Text | undefined;
  /** The output of a program whose result the host can know (`aws sts get-caller-identity …`). */
  output(words: readonly Text[], environment: ReadonlyMap<string, Text>): Text | undefined;
  /** A script for `source`/`.`, read by the host; undefined when it cannot be read. */
  source(path: string, cwd: string): string | undefined;
  /** Text written to a runner file (`$GITHUB_ENV`, `$GITHUB_OUTPUT`): `file` is the sentinel's name. */
  write(file: string, content: Text): void;
  /** A runner variable nobody set in the workflow. */
  unset(name: string): Text;
  /** A limit stopped the reading at `line` (a loop's items, nesting): what follows may push unseen. */
  truncated(message: string, line: number): void;
}

class Exit extends Error {}

interface Snapshot {
  readonly values: ReadonlyMap<string, Text>;
  readonly exported: ReadonlySet<string>;
  readonly positional: readonly Text[];
  readonly cwd: string;
}

export class Shell implements Variables {
  private readonly values = new Map<string, Text>();
  private readonly exported = new Set<string>();
  private readonly functions = new Map<string, readonly Statement[]>();
  positional: Text[] = [];
  cwd: string;
  private steps = 0;
  /** Inside a branch of an `if` that cannot be decided: an `exit` there may not run. */
  private uncertain = 0;
  /** Per function call, the values its `local` names had before. */
  private readonly locals: Map<string, Text | undefined>[] = [];
  /** Arguments getopts consumed, for `shift $((OPTIND-1))`. */
  private optionsEnd = 0;
  private depth = 0;

  constructor(
    private readonly host: ShellHost,
    environment: ReadonlyMap<string, Text>,
    cwd = '',
    /** The script's path from the repository root, when it is a file: `$0` and BASH_SOURCE. */
    private readonly scriptPath?: string,
  ) {
    if (scriptPath !== undefined) this.values.set('BASH_SOURCE', [scriptPath]);
    for (const [name, value] of environment) {
      this.values.set(name, value);
      this.exported.add(name);
    }
    for (const name of RUNNER_FILES) {
      this.values.set(name, runnerFileValue(name));
      this.exported.add(name);
    }
    this.cwd = cwd;
  }

  get(name: string): Text | undefined {
    const value = this.values.get(name);
    if (value !== undefined || name !== 'PWD') return value;
    // The shell starts in the step's directory below the workspace.
    const workspace = this.values.get('GITHUB_WORKSPACE');
    return workspace && concat(workspace, this.cwd ? [`/${this.cwd}`] : []);
  }

  set(name: string, value: Text): void {
    this.values.set(name, bounded(value));
  }

  /** Runs a script; `positional` are `$1`…; returns what it prints to stdout. */
  run(script: string, positional: readonly Text[] = []): Text {
    const saved = this.positional;
    this.positional = [...positional];
    let printed: Text = [];
    try {
      printed = this.statements(parseScript(script));
    } catch (error) {
      // `exit` where it surely runs ends the script: what follows is never run.
      if (!(error instanceof Exit)) throw error;
    }
    this.positional = saved;
    return printed;
  }

  /** The exported environment, for a child process. */
  environment(extra: ReadonlyMap<string, Text> = new Map()): Map<string, Text> {
    const environment = new Map<string, Text>();
    for (const name of this.exported) {
      const value = this.values.get(name);
      if (value) environment.set(name, value);
    }
    for (const [name, value] of extra) environment.set(name, value);
    return environment;
  }

  private readonly expansion: Expansion = {
    variables: this,
    substitute: (script) => this.substitute(script),
    unset: (name) => this.host.unset(name),
  };

  /** Runs statements; returns what they print. */
  private statements(statements: readonly Statement[]): Text {
    const printed: Text[] = [];
    // The last status, as far as it is known: a test's value, true after any other command (the case
    // scripts are written for: `cd dir && make`, `cmd || exit 1`), undefined when it cannot be known.
    let status: boolean | undefined = true;
    for (const statement of statements) {
      if (++this.steps > MAX_STEPS) {
        if (this.steps === MAX_STEPS + 1)
          this.host.truncated(
            `the script runs more than ${MAX_STEPS} commands: the rest is not read`,
            statement.line,
          );
        return concat(...printed);
      }
      const connective = statement.kind === 'pipeline' ? statement.connective : undefined;
      const runs =
        connective === '&&'
          ? status
          : connective === '||'
            ? status === undefined
              ? undefined
              : !status
            : true;
      if (runs === false) continue;
      // A command that may or may not run is read as an `if` that cannot be decided.
      if (runs === undefined) {
        printed.push(this.undecided([[statement], []]));
        status = undefined;
        continue;
      }
      printed.push(this.statement(statement));
      status =
        statement.kind === 'pipeline' && statement.commands.length === 1
          ? this.statusOf(statement.commands[0]!.words)
          : true;
    }
    return concat(...printed);
  }

  /** A test command's value; true for any other command (taken to succeed). */
  private statusOf(words: readonly string[]): boolean | undefined {
    return ['[[', '[', 'test'].includes(words[0] ?? '') || words.at(-1) === ']]' ? this.test(words) : true;
  }

  private statement(statement: Statement): Text {
    switch (statement.kind) {
      case 'pipeline':
        return this.pipeline(statement);
      case 'function':
        this.functions.set(statement.name, statement.body);
        return [];
      case 'group': {
        const printed = this.statements(statement.body);
        return this.redirect(printed, statement.redirections);
      }
      case 'subshell': {
        const saved = this.snapshot();
        const printed = this.statements(statement.body);
        this.restore(saved);
        return this.redirect(printed, statement.redirections);
      }
      case 'if':
        return this.redirect(this.ifStatement(statement), statement.redirections);
      case 'case': {
        const word = expandWord(statement.word, this.expansion);
        const subject = word.every((part) => typeof part === 'string') ? word.join('') : undefined;
        const printed: Text[] = [];
        for (const branch of statement.branches) {
          // An unknown subject may take any branch: all are read.
          if (subject === undefined) {
            printed.push(this.statements(branch.body));
            continue;
          }
          const matches = branch.patterns.some((raw) => {
            const pattern = expandWord(raw, this.expansion);
            return (
              pattern.every((part) => typeof part === 'string') && globMatches(pattern.join(''), subject)
            );
          });
          if (matches) return this.statements(branch.body);
        }
        return concat(...printed);
      }
      case 'while':
        return this.whileLoop(statement.condition, statement.body);
      case 'for': {
        const items = statement.items
          ? statement.items.flatMap((raw) => expandFields(raw, this.expansion))
          : this.positional;
        const printed: Text[] = [];
        if (items.length > MAX_LOOP_ITEMS)
          this.host.truncated(
            `the loop has ${items.length} items: only the first ${MAX_LOOP_ITEMS} are read`,
            statement.line,
          );
        for (const item of items.slice(0, MAX_LOOP_ITEMS)) {
          this.values.set(statement.name, item);
          printed.push(this.statements(statement.body));
        }
        return concat(...printed);
      }
    }
  }

  /** A `getopts` loop runs its body once per option of the arguments; any other loop once. */
  private whileLoop(condition: readonly Statement[], body: readonly Statement[]): Text {
    const [only] = condition;
    const command =
      condition.length === 1 && only?.kind === 'pipeline' && only.commands.length === 1
        ? only.commands[0]!
        : undefined;
    if (command?.words[0] !== 'getopts') return concat(this.statements(condition), this.statements(body));
    const [spec, name] = command.words.slice(1, 3).map((raw) => expandWord(raw, this.expansion).join(''));
    const args =
      command.words.length > 3
        ? command.words.slice(3).flatMap((raw) => expandFields(raw, this.expansion))
        : this.positional;
    const printed: Text[] = [];
    let index = 0;
    for (; index < args.length; index++) {
      const word = args[index]!;
      const head = word.length === 1 && typeof word[0] === 'string' ? word[0] : undefined;
      if (head === undefined || !head.startsWith('-') || head === '-') break;
      if (head === '--') {
        index++;
        break;
      }
      for (let c = 1; c < head.length; c++) {
        const option = head[c]!;
        const takesValue = spec?.includes(`${option}:`);
        this.values.set(name ?? 'opt', [spec?.includes(option) ? option : '?']);
        if (takesValue) {
          const rest = head.slice(c + 1);
          this.values.set('OPTARG', rest ? [rest] : (args[++index] ?? []));
          printed.push(this.statements(body));
          break;
        }
        this.values.delete('OPTARG');
        printed.push(this.statements(body));
      }
    }
    this.optionsEnd = index;
    return concat(...printed);
  }

  private pipeline(pipeline: Pipeline): Text {
    if (pipeline.commands.length === 1) return this.simple(pipeline.commands[0]!, undefined);
    // Each command of a pipeline runs in a subshell of its own: `echo x | read IMAGE` sets nothing.
    let input: Text | undefined;
    for (const command of pipeline.commands) {
      const saved = this.snapshot();
      input = this.simple(command, input);
      this.restore(saved);
    }
    return input ?? [];
  }

  /**
   * `if`: a condition pullcheck can decide (a `[[ … ]]`/`[ … ]`/`test` comparison of known values) takes
   * its branch; one it cannot decide runs every remaining branch (each may push), from the same state,
   * and a variable they leave different is a hole naming it.
   */
  private ifStatement(statement: IfStatement): Text {
    const printed: Text[] = [];
    for (const [index, branch] of statement.branches.entries()) {
      printed.push(this.statements(branch.condition));
      const decided = this.condition(branch.condition);
      if (decided === true) return concat(...printed, this.statements(branch.body));
      if (decided === false) continue;
      const alternatives = [
        ...statement.branches.slice(index).map((remaining) => remaining.body),
        statement.otherwise ?? [],
      ];
      return concat(...printed, this.undecided(alternatives));
    }
    return concat(...printed, statement.otherwise ? this.statements(statement.otherwise) : []);
  }

  private undecided(alternatives: readonly (readonly Statement[])[]): Text {
    const start = this.snapshot();
    const ends: Snapshot[] = [];
    const printed: Text[] = [];
    this.uncertain++;
    for (const body of alternatives) {
      this.restore(start);
      printed.push(this.statements(body));
      ends.push(this.snapshot());
    }
    this.uncertain--;
    this.restore(start);
    if (ends.every((end) => end.cwd === ends[0]!.cwd)) this.cwd = ends[0]!.cwd;
    for (const end of ends) for (const name of end.exported) this.exported.add(name);
    const names = new Set(ends.flatMap((end) => [...end.values.keys()]));
    for (const name of names) {
      const values = ends.map((end) => end.values.get(name));
      const same = values.every((value) => JSON.stringify(value) === JSON.stringify(values[0]));
      if (same && values[0] !== undefined) this.values.set(name, values[0]);
      else if (!same)
        this.values.set(name, [
          missing(`$${name}`, 'set differently in branches of an `if` pullcheck cannot decide'),
        ]);
    }
    // Printed text depends on the branch taken: only what every branch prints alike is known.
    return printed.every((text) => JSON.stringify(text) === JSON.stringify(printed[0]))
      ? (printed[0] ?? [])
      : [missing('the output of an `if` pullcheck cannot decide')];
  }

  /** A condition list's truth, when its tests compare known values; undefined otherwise. */
  private condition(statements: readonly Statement[]): boolean | undefined {
    let result: boolean | undefined;
    for (const [i, statement] of statements.entries()) {
      if (statement.kind !== 'pipeline' || statement.commands.length !== 1) return undefined;
      const value = this.test(statement.commands[0]!.words);
      if (i === 0) result = value;
      else if (statement.connective === '&&')
        result = result === false || value === false ? false : result && value;
      else if (statement.connective === '||')
        result =
          result === true || value === true
            ? true
            : result === undefined || value === undefined
              ? undefined
              : false;
      else result = value;
    }
    return result;
  }

  /** `[[ A == B ]]`, `[ A != B ]`, `test -z A`, `-n A`, `!`; a `[[ … || … ]]` arrives in pieces. */
  private test(raw: readonly string[]): boolean | undefined {
    return testValue(
      raw,
      raw.map((word) => expandWord(word, this.expansion)),
    );
  }

  private snapshot(): Snapshot {
    return {
      values: new Map(this.values),
      exported: new Set(this.exported),
      positional: [...this.positional],
      cwd: this.cwd,
    };
  }

  private restore(snapshot: Snapshot): void {
    this.values.clear();
    for (const [name, value] of snapshot.values) this.values.set(name, value);
    this.exported.clear();
    for (const name of snapshot.exported) this.exported.add(name);
    this.positional = [...snapshot.positional];
    this.cwd = snapshot.cwd;
  }

  /** Runs one command; returns what it prints (after its redirections). */
  private simple(command: SimpleCommand, input: Text | undefined): Text {
    const assignments: [string, Text][] = [];
    let i = 0;
    for (; i < command.words.length; i++) {
      const assignment = /^([A-Za-z_]\w*)(\+?)=/.exec(command.words[i]!);
      if (!assignment) break;
      const raw = command.words[i]!.slice(assignment[0].length);
      const value = stripArrayParens(expandWord(raw, this.expansion));
      const previous = assignment[2] ? (this.values.get(assignment[1]!) ?? []) : [];
      // `A+=(x)` appends an array element: elements are kept space-separated.
      const separator = raw.startsWith('(') && previous.length > 0 ? [' '] : [];
      assignments.push([assignment[1]!, bounded(concat(previous, separator, value))]);
    }
    const words = command.words.slice(i).flatMap((raw) => expandFields(raw, this.expansion));
    if (words.length === 0) {
      for (const [name, value] of assignments) this.set(name, value);
      return this.redirect([], command.redirections);
    }
    const heredoc = command.redirections.find((redirection) => redirection.heredoc);
    const stdin = heredoc?.heredoc
      ? heredoc.heredoc.quoted
        ? [heredoc.heredoc.body + '\n']
        : concat(expandWord(`"${heredoc.heredoc.body.replace(/"/g, '\\"')}"`, this.expansion), ['\n'])
      : command.redirections.some((r) => r.op === '<<<')
        ? concat(expandWord(command.redirections.find((r) => r.op === '<<<')!.target, this.expansion), ['\n'])
        : input;
    const printed = this.invoke(withoutWrappers(words), new Map(assignments), command.line, stdin);
    return this.redirect(printed, command.redirections);
  }

  /** Sends printed text where the redirections say; returns what still reaches stdout. */
  private redirect(printed: Text, redirections: readonly Redirection[]): Text {
    const output = redirections.find((r) => /^(?:>>|>|>\||&>|&>>)$/.test(r.op));
    if (!output) return printed;
    const target = expandWord(output.target, this.expansion);
    const file = runnerFile(target);
    if (file) this.host.write(file, printed);
    return [];
  }

  private invoke(
    words: readonly Text[],
    assignments: Map<string, Text>,
    line: number,
    stdin: Text | undefined,
  ): Text {
    const name = words[0]!.length === 1 && typeof words[0]![0] === 'string' ? words[0]![0] : undefined;
    const args = words.slice(1);
    const text = wordText;
    const builtin = name === undefined ? undefined : this.builtin(name, args, assignments, line, stdin);
    if (builtin) return builtin;
    const viaXargs = xargsCommand(words, stdin);
    if (viaXargs)
      return concat(...viaXargs.map((command) => this.invoke(command, assignments, line, undefined)));
    if (name === 'eval' && this.depth < MAX_DEPTH) {
      // eval runs its arguments, joined, as a script.
      const script = args.every((arg) => arg.every((part) => typeof part === 'string'))
        ? args.map((arg) => arg.join('')).join(' ')
        : undefined;
      if (script === undefined) return [missing('the output of eval')];
      return this.nested(script);
    }
    // `bash <<EOF … EOF` (or a pipe into `sh`): the shell runs its input as a script.
    if (
      (name === 'bash' || name === 'sh') &&
      args.every((arg) => text(arg)?.startsWith('-')) &&
      stdin &&
      this.depth < MAX_DEPTH
    ) {
      const script = stdin.every((part) => typeof part === 'string') ? stdin.join('') : undefined;
      if (script !== undefined) return this.nested(script);
    }
    if (name !== undefined && this.functions.has(name) && this.depth < MAX_DEPTH)
      return this.callFunction(name, args);
    const filtered = stdin === undefined ? undefined : filter(words, stdin);
    if (filtered) return filtered;
    const environment = this.environment(assignments);
    const produced = this.host.command({ words, line, environment, cwd: this.cwd, stdin });
    const output = produced ?? this.host.output(words, environment);
    return output ?? [missing(`the output of \`${shownCommand(words)}\``)];
  }

  /** A shell builtin's output; undefined when the command is not one. */
  private builtin(
    name: string,
    args: readonly Text[],
    assignments: ReadonlyMap<string, Text>,
    line: number,
    stdin: Text | undefined,
  ): Text | undefined {
    const text = wordText;
    switch (name) {
      case 'export':
      case 'declare':
      case 'typeset':
      case 'local':
      case 'readonly':
        return this.declare(name, args);
      case 'unset':
        for (const arg of args) if (text(arg)) this.values.delete(text(arg)!);
        return [];
      case 'set':
      case 'shift':
        return this.setPositional(name, args);
      case 'read':
        return this.read(args, assignments, stdin);
      case 'pwd':
        // Paths are from the repository root, written as absolute ones.
        return [`/${this.cwd}\n`];
      case 'cd':
      case 'pushd': {
        const target = text(args.find((arg) => !['-P', '-L', '--', '-e', '-@'].includes(text(arg) ?? '')));
        this.cwd = target === undefined ? this.cwd : joinPath(this.cwd, target);
        return [];
      }
      case 'source':
      case '.':
        return this.source(args, line);
      case 'echo':
        return echo(args);
      case 'printf':
        return printf(args);
      case 'cat':
        return args.length === 0 && stdin ? stdin : [missing(`the output of \`cat\``)];
      case 'tee':
        return this.tee(args, stdin);
      case 'exit':
        if (this.uncertain === 0 && this.depth === 0) throw new Exit();
        return [];
      case 'true':
      case 'false':
      case ':':
      case 'test':
      case '[':
      case '[[':
      case 'return':
      case 'set-output':
        return [];
      default:
        return undefined;
    }
  }

  /** `set -- ARGS…` and `shift [N]` (after getopts, N is where the options ended). */
  private setPositional(name: 'set' | 'shift', args: readonly Text[]): Text {
    if (name === 'set') {
      const dashes = args.findIndex((arg) => wordText(arg) === '--');
      if (dashes !== -1) this.positional = args.slice(dashes + 1).map((arg) => [...arg]);
    } else {
      const count = args[0] === undefined ? 1 : Number(wordText(args[0])) || this.optionsEnd;
      this.positional = this.positional.slice(count);
    }
    return [];
  }

  /** `tee FILE…`: its input written to a runner file it names, and passed on. */
  private tee(args: readonly Text[], stdin: Text | undefined): Text {
    const file = args.map(runnerFile).find(Boolean);
    if (file && stdin) this.host.write(file, stdin);
    return stdin ?? [];
  }

  /** `export`, `declare`, `typeset`, `local`, `readonly`: assignments, exports, and a function's locals. */
  private declare(name: string, args: readonly Text[]): Text {
    const exporting = name === 'export' || args.some((arg) => /^-\w*x/.test(wordText(arg) ?? ''));
    const frame = name === 'local' ? this.locals.at(-1) : undefined;
    for (const arg of args) {
      const [first] = arg;
      if (typeof first !== 'string' || first.startsWith('-')) continue;
      const assignment = /^([A-Za-z_]\w*)(\+?)=/.exec(first);
      const variable = assignment?.[1] ?? /^[A-Za-z_]\w*$/.exec(first)?.[0];
      if (!variable) continue;
      if (frame && !frame.has(variable)) frame.set(variable, this.values.get(variable));
      if (assignment) {
        const value = concat([first.slice(assignment[0].length)], arg.slice(1));
        const previous = assignment[2] ? (this.values.get(variable) ?? []) : [];
        this.set(variable, concat(previous, stripArrayParens(value)));
      }
      if (exporting) this.exported.add(variable);
    }
    return [];
  }

  /** `source FILE ARGS…` / `. FILE`: the host's script run in this shell, up to MAX_DEPTH deep. */
  private source(args: readonly Text[], line: number): Text {
    const file = wordText(args[0]);
    const script = file === undefined ? undefined : this.host.source(file, this.cwd);
    if (script !== undefined && this.depth >= MAX_DEPTH)
      this.host.truncated(`scripts source each other more than ${MAX_DEPTH} deep: ${file} is not read`, line);
    if (script !== undefined && this.depth < MAX_DEPTH) {
      this.depth++;
      this.run(script, args.length > 1 ? args.slice(1) : this.positional);
      this.depth--;
    }
    return [];
  }

  /** A script run in this shell one level deeper (`eval`, a shell reading its input). */
  private nested(script: string): Text {
    this.depth++;
    const printed = this.statements(parseScript(script));
    this.depth--;
    return printed;
  }

  /** A function's body with its arguments as `$1`…; its `local` variables end with it. */
  private callFunction(name: string, args: readonly Text[]): Text {
    const saved = this.positional;
    this.positional = [...args];
    this.depth++;
    this.locals.push(new Map());
    const printed = this.statements(this.functions.get(name)!);
    // `local` variables end with the function: their earlier values come back.
    for (const [variable, before] of this.locals.pop()!) {
      if (before === undefined) this.values.delete(variable);
      else this.values.set(variable, before);
    }
    this.depth--;
    this.positional = saved;
    return printed;
  }

  /** `read [-r] [-a NAME] NAME…`: fields of the input split at IFS (an array's elements space-separated). */
  private read(args: readonly Text[], assignments: ReadonlyMap<string, Text>, stdin: Text | undefined): Text {
    const words = args.map((arg) => (arg.every((part) => typeof part === 'string') ? arg.join('') : ''));
    let array: string | undefined;
    const names: string[] = [];
    for (let i = 0; i < words.length; i++) {
      if (words[i] === '-a') array = words[++i];
      else if (/^-[dpntu]$/.test(words[i]!)) i++;
      else if (!words[i]!.startsWith('-')) names.push(words[i]!);
    }
    const ifs = assignments.get('IFS') ?? this.values.get('IFS');
    const separators = ifs && ifs.every((part) => typeof part === 'string') ? ifs.join('') : ' \t\n';
    const line = stdin ? (split(stdin, '\n')[0] ?? []) : [missing('the input of read')];
    const pattern = new RegExp(`[${separators.replace(/[\]\\^-]/g, '\\$&')}]+`);
    const fields = split(line, pattern).filter((field) => field.length > 0);
    if (array) this.values.set(array, concat(...fields.map((field, i) => concat(i > 0 ? [' '] : [], field))));
    names.forEach((name, i) =>
      this.values.set(
        name,
        i === names.length - 1
          ? concat(...fields.slice(i).map((f, j) => concat(j > 0 ? [' '] : [], f)))
          : (fields[i] ?? []),
      ),
    );
    return [];
  }

  /** `$( … )`: what the inner script prints, its trailing newlines removed. */
  private substitute(script: string): Text {
    if (this.depth >= MAX_DEPTH) return [missing(`the output of \`${script.trim()}\``)];
    this.depth++;
    const saved = new Map(this.values);
    const printed = this.statements(parseScript(script));
    // A command substitution runs in a subshell: its assignments do not survive.
    this.values.clear();
    for (const [name, value] of saved) this.values.set(name, value);
    this.depth--;
    const text = concat(printed);
    const last = text.at(-1);
    return typeof last === 'string' ? concat(text.slice(0, -1), [last.replace(/\n+$/, '')]) : text;
  }
}

/** `X=(a b)` arrays read as their words (the common `for x in "${A[@]}"` case needs no more). */
function stripArrayParens(value: Text): Text {
  const [first] = value;
  const last = value.at(-1);
  if (typeof first !== 'string' || typeof last !== 'string' || !first.startsWith('(') || !last.endsWith(')'))
    return value;
  if (value.length === 1) return [first.slice(1, -1)];
  return concat([first.slice(1)], value.slice(1, -1), [last.slice(0, -1)]);
}

/** Paths from the repository root: an absolute path is read as one (the runner's workspace is the root). */
function joinPath(base: string, target: string): string {
  const parts = base && !target.startsWith('/') ? base.split('/') : [];
  for (const part of target.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

function shownCommand(words: readonly Text[]): string {
  const text = words
    .map((word) => word.map((part) => (typeof part === 'string' ? part : `<${part.need}>`)).join(''))
    .join(' ');
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
