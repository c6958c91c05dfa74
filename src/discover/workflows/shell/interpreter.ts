// Runs a script's statements over known values, as bash would, without running any program: variables
// and exports, functions, `for` over word lists, `cd`, `source`, `echo`/`printf`/`cat` output and where
// it is redirected (so `echo "IMAGE=…" >> "$GITHUB_ENV"` is seen), pipelines through the filters people
// use to lowercase or cut names, and `$( … )`. Every other command goes to the host, which knows the
// push tools. Nothing here reads a file or the process environment: the host supplies both.
import { expandFields, expandWord, type Expansion, type Variables } from './expand.ts';
import { globMatches } from './glob.ts';
import { regexBacktrackingRisk } from '../../../core/wildcard.ts';
import {
  parseScript,
  type IfStatement,
  type Pipeline,
  type Redirection,
  type SimpleCommand,
  type Statement,
} from './syntax.ts';
import {
  bounded,
  concat,
  isMissing,
  lowercase,
  missing,
  split,
  trim,
  uppercase,
  wordText,
  type Text,
} from '../text.ts';

export interface ShellCommand {
  /** The command's words after expansion, prefix assignments and wrappers (`sudo`, `env`, `time`) removed. */
  readonly words: readonly Text[];
  /** Line of the command in the script being run (1-based). */
  readonly line: number;
  /** The environment a child process would get: exported variables and the command's own assignments. */
  readonly environment: ReadonlyMap<string, Text>;
  /** The working directory, relative to the repository root ('' for the root). */
  readonly cwd: string;
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

/** Values standing for the runner's files, so a redirection to them is recognised after expansion. */
export const RUNNER_FILES = [
  'GITHUB_ENV',
  'GITHUB_OUTPUT',
  'GITHUB_PATH',
  'GITHUB_STEP_SUMMARY',
  'GITHUB_STATE',
];
const SENTINEL = '\u0000runner-file:';
export const runnerFileValue = (name: string): Text => [`${SENTINEL}${name}`];

const MAX_STEPS = 20_000;

class Exit extends Error {}

interface Snapshot {
  readonly values: ReadonlyMap<string, Text>;
  readonly exported: ReadonlySet<string>;
  readonly positional: readonly Text[];
  readonly cwd: string;
}
const MAX_DEPTH = 12;
const MAX_LOOP_ITEMS = 256;

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
    return this.values.get(name);
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
    let words = raw.map((word) => expandWord(word, this.expansion));
    const text = wordText;
    const doubleBracket = text(words[0]) === '[[';
    if (['[[', '[', 'test'].includes(text(words[0]) ?? '')) words = words.slice(1);
    else if (text(words.at(-1)) !== ']]') return undefined; // the second half of a split [[ a || b ]]
    if (text(words.at(-1)) === ']]' || text(words.at(-1)) === ']') words = words.slice(0, -1);
    let negate = false;
    while (text(words[0]) === '!') {
      negate = !negate;
      words = words.slice(1);
    }
    const known = words.map(text);
    let value: boolean | undefined;
    if (words.length === 1)
      value =
        known[0] === undefined
          ? words[0]!.some((p) => typeof p === 'string' && p !== '') || undefined
          : known[0] !== '';
    else if (words.length === 2 && (known[0] === '-z' || known[0] === '-n')) {
      const operand = words[1]!;
      const empty =
        known[1] === undefined
          ? operand.some((p) => typeof p === 'string' && p !== '')
            ? false
            : undefined
          : known[1] === '';
      value = empty === undefined ? undefined : known[0] === '-z' ? empty : !empty;
    } else if (words.length === 3 && ['=', '==', '!='].includes(known[1] ?? '')) {
      if (known[0] === undefined || known[2] === undefined) value = undefined;
      else {
        // In [[ ]], the right side of == is a pattern.
        const equal =
          doubleBracket || raw.at(-1) === ']]' ? globMatches(known[2], known[0]) : known[0] === known[2];
        value = equal === undefined ? undefined : known[1] === '!=' ? !equal : equal;
      }
    }
    return value === undefined ? undefined : negate ? !value : value;
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
    switch (name) {
      case 'export':
      case 'declare':
      case 'typeset':
      case 'local':
      case 'readonly': {
        const exporting = name === 'export' || args.some((arg) => /^-\w*x/.test(text(arg) ?? ''));
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
      case 'unset':
        for (const arg of args) if (text(arg)) this.values.delete(text(arg)!);
        return [];
      case 'set': {
        const dashes = args.findIndex((arg) => text(arg) === '--');
        if (dashes !== -1) this.positional = args.slice(dashes + 1).map((arg) => [...arg]);
        return [];
      }
      case 'shift': {
        const count = args[0] === undefined ? 1 : Number(text(args[0])) || this.optionsEnd;
        this.positional = this.positional.slice(count);
        return [];
      }
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
      case '.': {
        const file = text(args[0]);
        const script = file === undefined ? undefined : this.host.source(file, this.cwd);
        if (script !== undefined && this.depth >= MAX_DEPTH)
          this.host.truncated(
            `scripts source each other more than ${MAX_DEPTH} deep: ${file} is not read`,
            line,
          );
        if (script !== undefined && this.depth < MAX_DEPTH) {
          this.depth++;
          this.run(script, args.length > 1 ? args.slice(1) : this.positional);
          this.depth--;
        }
        return [];
      }
      case 'echo':
        return echo(args);
      case 'printf':
        return printf(args);
      case 'cat':
        return args.length === 0 && stdin ? stdin : [missing(`the output of \`cat\``)];
      case 'tee': {
        const file = args.map(runnerFile).find(Boolean);
        if (file && stdin) this.host.write(file, stdin);
        return stdin ?? [];
      }
      case 'true':
      case 'false':
      case ':':
      case 'test':
      case '[':
      case '[[':
        return [];
      case 'exit':
        if (this.uncertain === 0 && this.depth === 0) throw new Exit();
        return [];
      case 'return':
      case 'set-output':
        return [];
    }
    const viaXargs = xargsCommand(words, stdin);
    if (viaXargs)
      return concat(...viaXargs.map((command) => this.invoke(command, assignments, line, undefined)));
    if (name === 'eval' && this.depth < MAX_DEPTH) {
      // eval runs its arguments, joined, as a script.
      const script = args.every((arg) => arg.every((part) => typeof part === 'string'))
        ? args.map((arg) => arg.join('')).join(' ')
        : undefined;
      if (script === undefined) return [missing('the output of eval')];
      this.depth++;
      const printed = this.statements(parseScript(script));
      this.depth--;
      return printed;
    }
    // `bash <<EOF … EOF` (or a pipe into `sh`): the shell runs its input as a script.
    if (
      (name === 'bash' || name === 'sh') &&
      args.every((arg) => text(arg)?.startsWith('-')) &&
      stdin &&
      this.depth < MAX_DEPTH
    ) {
      const script = stdin.every((part) => typeof part === 'string') ? stdin.join('') : undefined;
      if (script !== undefined) {
        this.depth++;
        const printed = this.statements(parseScript(script));
        this.depth--;
        return printed;
      }
    }
    if (name !== undefined && this.functions.has(name) && this.depth < MAX_DEPTH) {
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
    const filtered = stdin === undefined ? undefined : filter(words, stdin);
    if (filtered) return filtered;
    const environment = this.environment(assignments);
    const produced = this.host.command({ words, line, environment, cwd: this.cwd });
    const output = produced ?? this.host.output(words, environment);
    return output ?? [missing(`the output of \`${shownCommand(words)}\``)];
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

// Commands that run another command given as their arguments, and their options that take a value.
const WRAPPERS: Readonly<Record<string, RegExp>> = {
  sudo: /^-(?:u|g|h|p|C|D|R|r|t|T|U)$|^--(?:user|group|host|prompt|chdir)$/,
  env: /^-[uCS]$|^--(?:unset|chdir|split-string)$/,
  time: /^-[fo]$/,
  command: /^$/,
  exec: /^-a$/,
  nohup: /^$/,
  nice: /^-n$|^--adjustment$/,
  ionice: /^-[cnpPu]$/,
  stdbuf: /^-[ioe]$/,
  flock: /^-[wEc]$/,
  retry: /^-[tdm]$|^--(?:times|delay|max-time)$/,
  timeout: /^-[sk]$|^--(?:signal|kill-after)$/,
};

/** The command under wrappers (`sudo -u user`, `env A=B`, `timeout 600`, `retry -t 3`, …). */
function withoutWrappers(words: readonly Text[]): readonly Text[] {
  let i = 0;
  const word = () =>
    words[i]?.length === 1 && typeof words[i]![0] === 'string' ? (words[i]![0] as string) : undefined;
  for (;;) {
    const current = word();
    const options = current === undefined ? undefined : WRAPPERS[current];
    if (!options) return i < words.length ? words.slice(i) : words;
    i++;
    while (word()?.startsWith('-') || (current === 'env' && /^[A-Za-z_]\w*=/.test(word() ?? '')))
      i += options.test(word()!) ? 2 : 1;
    // timeout DURATION, flock FILE: the word before the command.
    if (current === 'timeout' || current === 'flock') i++;
  }
}

/**
 * `xargs [options] COMMAND…`: the command with the arguments xargs reads (a hole, or stdin when known);
 * with `-I REPLACE`, each REPLACE in the command is one input line.
 */
function xargsCommand(words: readonly Text[], stdin: Text | undefined): Text[][] | undefined {
  const text = wordText;
  if (text(words[0]) !== 'xargs') return undefined;
  let i = 1;
  let replace: string | undefined;
  while (text(words[i])?.startsWith('-')) {
    const option = text(words[i])!;
    if (option === '-I' || option === '-i') replace = text(words[++i]) ?? '{}';
    else if (option.startsWith('-I')) replace = option.slice(2);
    else if (/^-[nPLsdaE]$|^--(?:max-args|max-procs|delimiter|arg-file)$/.test(option)) i++;
    i++;
  }
  const command = words.slice(i);
  if (command.length === 0) return undefined;
  const inputs = stdin
    ? split(stdin, /\s+/).filter((input) => input.length > 0)
    : [[missing('the arguments xargs reads')]];
  if (replace === undefined) return [[...command, ...inputs]];
  return inputs
    .slice(0, MAX_LOOP_ITEMS)
    .map((input) =>
      command.map((word) =>
        concat(
          ...word.map((part) =>
            typeof part === 'string' && part.includes(replace!)
              ? concat(...part.split(replace!).flatMap((piece, n) => (n > 0 ? [input, [piece]] : [[piece]])))
              : [part],
          ),
        ),
      ),
    );
}

function runnerFile(target: Text): string | undefined {
  const value = target.length === 1 && typeof target[0] === 'string' ? target[0] : undefined;
  return value?.startsWith(SENTINEL) ? value.slice(SENTINEL.length) : undefined;
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

function echo(args: readonly Text[]): Text {
  let i = 0;
  let newline = true;
  let escapes = false;
  while (args[i]?.length === 1 && /^-[neE]+$/.test(String(args[i]![0]))) {
    const flags = String(args[i]![0]);
    if (flags.includes('n')) newline = false;
    if (flags.includes('e')) escapes = true;
    i++;
  }
  const words = args
    .slice(i)
    .map((arg) => (escapes ? arg.map((p) => (typeof p === 'string' ? p.replace(/\\n/g, '\n') : p)) : arg));
  return concat(...words.flatMap((word, j) => (j > 0 ? [[' '], word] : [word])), newline ? ['\n'] : []);
}

/** printf FORMAT ARGS…: `%s` and `%b` take the next argument, `\n` is a newline. */
function printf(all: readonly Text[]): Text {
  // `--` ends the options.
  const args = all[0]?.length === 1 && all[0][0] === '--' ? all.slice(1) : all;
  const [format, ...rest] = args;
  // An unknown argument may be several words, shifting every conversion after it.
  if (!format || format.some(isMissing) || rest.some((arg) => arg.some(isMissing)))
    return [missing('the output of printf')];
  const template = format.join('');
  const parts: Text[] = [];
  let next = 0;
  do {
    let at = 0;
    for (const match of template.matchAll(/%[-0-9.]*[sbdq]|%%|\\n|\\t/g)) {
      parts.push([template.slice(at, match.index)]);
      if (match[0] === '%%') parts.push(['%']);
      else if (match[0] === '\\n') parts.push(['\n']);
      else if (match[0] === '\\t') parts.push(['\t']);
      else parts.push(rest[next++] ?? []);
      at = match.index + match[0].length;
    }
    parts.push([template.slice(at)]);
  } while (next > 0 && next < rest.length);
  return concat(...parts);
}

/** Filters over known text: lowercasing, `cut`, `sed s///`, `head`/`tail`, `xargs`, `tr -d`. */
function filter(words: readonly Text[], input: Text): Text | undefined {
  const argv = words.map((word) => (word.some(isMissing) ? undefined : word.join('')));
  const [name, ...args] = argv;
  const lowerSets = /^\[?(?:A-Z|\[:upper:\])\]?$/;
  const upperSets = /^\[?(?:a-z|\[:lower:\])\]?$/;
  if (name === 'tr' && args.length === 2 && lowerSets.test(args[0] ?? '') && upperSets.test(args[1] ?? ''))
    return lowercase(input);
  if (name === 'tr' && args.length === 2 && upperSets.test(args[0] ?? '') && lowerSets.test(args[1] ?? ''))
    return uppercase(input);
  if (name === 'tr' && args[0] === '-d' && args[1] !== undefined) {
    const remove = args[1].replace(/\\n/g, '\n').replace(/\\r/g, '\r');
    return input.map((part) =>
      typeof part === 'string' ? [...part].filter((c) => !remove.includes(c)).join('') : part,
    );
  }
  if (name === 'awk' && args.length === 1 && /^\{\s*print\s+tolower\(\$0\)\s*\}$/.test(args[0] ?? ''))
    return lowercase(input);
  if (name === 'awk' && args.length === 1 && /^\{\s*print\s+toupper\(\$0\)\s*\}$/.test(args[0] ?? ''))
    return uppercase(input);
  if (name === 'sed') {
    const script = args.filter((arg) => arg !== '-e' && arg !== '-E' && arg !== '-r').join(';');
    if (/^s(.)\.\*\1\\L&\1g?$|^s(.)\\\(\.\*\\\)\2\\L\\1\2g?$/.test(script)) return lowercase(input);
    const substitution = /^s(.)(.*?)\1(.*?)\1(g?)$/.exec(script);
    // The BRE read as a JavaScript pattern (`\(` `\)` `\{` `\|` group, bound and alternate). One that
    // could backtrack for ever, or a long input, is not run: the value becomes a hole.
    const source = substitution?.[2]!.replace(/\\([(){}|+?])/g, '$1');
    if (
      substitution &&
      source !== undefined &&
      regexBacktrackingRisk(source) === undefined &&
      input.join('').length <= 512 &&
      input.every((part) => typeof part === 'string')
    ) {
      try {
        const pattern = new RegExp(source, substitution[4] ? 'g' : '');
        return [
          input.join('').replace(pattern, substitution[3]!.replace(/\\(\d)/g, '$$$1').replace(/&/g, '$$&')),
        ];
      } catch {
        return undefined;
      }
    }
    return undefined;
  }
  if (name === 'cut') {
    const delimiter = argValue(args, '-d') ?? '\t';
    const field = Number(argValue(args, '-f'));
    if (!Number.isInteger(field) || field < 1) return undefined;
    return concat(
      ...split(input, '\n').map((line, i) => {
        const fields = split(line, delimiter);
        return i > 0 ? concat(['\n'], fields[field - 1] ?? []) : (fields[field - 1] ?? []);
      }),
    );
  }
  if (name === 'xargs' && args.length === 0) return trim(input);
  // `node -` / `node -e|-p` printing a literal string lowercased (a way people lowercase the owner).
  if (name === 'node') {
    const program =
      args[0] === '-'
        ? input.every((p) => typeof p === 'string')
          ? input.join('')
          : undefined
        : args[0] === '-e' || args[0] === '-p'
          ? args[1]
          : undefined;
    const literal =
      program && /^\s*(?:console\.log\()?(["'`])([^"'`]*)\1\.toLowerCase\(\)\)?\s*;?\s*$/.exec(program);
    if (literal) return [literal[2]!.toLowerCase() + '\n'];
  }
  if (
    (name === 'head' || name === 'tail') &&
    (args.join(' ') === '-n 1' || args.join(' ') === '-1' || args.join('') === '-n1')
  ) {
    const lines = split(input, '\n').filter((line) => line.length > 0);
    const line = name === 'head' ? lines[0] : lines.at(-1);
    return line ? concat(line, ['\n']) : [];
  }
  return undefined;
}

function argValue(args: readonly (string | undefined)[], flag: string): string | undefined {
  for (const [i, arg] of args.entries()) {
    if (arg === flag) return args[i + 1];
    if (arg?.startsWith(flag)) return arg.slice(flag.length);
  }
  return undefined;
}

function shownCommand(words: readonly Text[]): string {
  const text = words
    .map((word) => word.map((part) => (typeof part === 'string' ? part : `<${part.need}>`)).join(''))
    .join(' ');
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
