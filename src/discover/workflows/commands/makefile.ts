// `make [-C DIR] [-f FILE] [VAR=value]… [TARGET]…`: the Makefile is read as GNU make reads a plain one —
// variable assignments (`=`, `:=`, `::=`, `?=`, `+=`, `export`, `override`), rules with their
// prerequisites (run first, each once) and tab-indented recipes, `include`d files in the repository —
// and each recipe line, expanded by make, runs through the shell analysis at its own line. Variables
// come, weakest first, from the environment, the Makefile (`?=` only where unset) and the command line.
// A Makefile that is not plain enough (a target made by a pattern rule, `$(call …)`, `$(eval …)`)
// leaves holes or a may-push finding that names the target. GNU make manual, "How make Reads a Makefile".
import { concat, holeMarker, missing, shown, type Text } from '../text.ts';
import { wordText } from './arguments.ts';
import type { CommandContext, CommandHandler, RepositoryFile } from './context.ts';

interface Rule {
  readonly prerequisites: string;
  readonly recipe: { readonly text: string; readonly line: number }[];
}

interface Variable {
  /** As written: expanded when used (`=`), or already expanded (`:=`, the environment, the command line). */
  readonly raw?: string;
  readonly value?: Text;
}

interface Makefile {
  readonly file: RepositoryFile;
  readonly variables: Map<string, Variable>;
  readonly exported: Set<string>;
  /** Command-line variables: the Makefile cannot change them. */
  readonly overrides: Map<string, Text>;
  readonly rules: Map<string, Rule>;
  /** Targets in the order written: the first is the default goal. */
  readonly order: string[];
}

const MAX_TARGETS = 256;
const OVERRIDE = '\u0000make-command-line:';

export const makeTargets: CommandHandler = (words, context) => {
  const tool = wordText(words[0])?.split('/').at(-1);
  if (tool !== 'make' && tool !== 'gmake') return false;
  let directory = '';
  let file: string | undefined;
  const commandVariables = new Map<string, Text>();
  const targets: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const word = wordText(words[i]);
    const head = typeof words[i]![0] === 'string' ? (words[i]![0] as string) : '';
    if (word === '-C' || word === '--directory') directory = wordText(words[++i]) ?? directory;
    else if (word?.startsWith('-C')) directory = word.slice(2);
    else if (word === '-f' || word === '--file' || word === '--makefile') file = wordText(words[++i]);
    else if (/^[A-Za-z_][\w.-]*\??=/.test(head)) {
      const equals = head.indexOf('=');
      commandVariables.set(
        head.slice(0, equals).replace(/\?$/, ''),
        concat([head.slice(equals + 1)], words[i]!.slice(1)),
      );
    } else if (word === '-j' || word === '-l' || word === '-o' || word === '-W') i++;
    else if (word?.startsWith('-')) continue;
    else if (word !== undefined) targets.push(word);
  }
  const base = directory ? `${directory}/` : '';
  const makefile = (file ? [file] : ['GNUmakefile', 'makefile', 'Makefile'])
    .map((name) => context.read(base + name))
    .find(Boolean);
  if (!makefile) {
    context.sink.mayPush(
      `\`make ${targets.join(' ')}\` runs a Makefile that is not in the repository: add the images it pushes to \`images\``,
    );
    return true;
  }
  // Command-line variables reach sub-makes as command-line variables (GNU make passes them in MAKEFLAGS).
  for (const [name, value] of context.environment)
    if (name.startsWith(OVERRIDE) && !commandVariables.has(name.slice(OVERRIDE.length)))
      commandVariables.set(name.slice(OVERRIDE.length), value);
  const environment = new Map([...context.environment].filter(([name]) => !name.startsWith(OVERRIDE)));
  const parsed = readMakefile(makefile, context, base, environment, commandVariables);
  const run = new Set<string>();
  const goals = targets.length > 0 ? targets : parsed.order.slice(0, 1);
  const cwd = directory ? join(context.cwd, directory) : context.cwd;
  for (const goal of goals) runTarget(goal, parsed, context, run, cwd, 0);
  return true;
};

function runTarget(
  target: string,
  makefile: Makefile,
  context: CommandContext,
  run: Set<string>,
  cwd: string,
  depth: number,
): void {
  if (run.has(target)) return;
  if (run.size >= MAX_TARGETS || depth > 16) {
    context.sink.mayPush(
      `\`make\` runs more than ${MAX_TARGETS} targets (or nests past 16): ${target} is not read; add its images to \`images\``,
    );
    return;
  }
  run.add(target);
  const rule = makefile.rules.get(target);
  if (!rule) {
    if (/push|publish|release|docker|image|deploy/i.test(target) && !/\.\w+$/.test(target))
      context.sink.mayPush(
        `\`make ${target}\`: ${makefile.file.file} has no plain rule for it (a pattern rule or generated target): add the images it pushes to \`images\``,
      );
    return;
  }
  const automatic = new Map<string, Text>([['@', [target]]]);
  const prerequisites = expand(rule.prerequisites, makefile, automatic, 0);
  automatic.set('<', [wordText(prerequisites)?.trim().split(/\s+/)[0] ?? '']);
  automatic.set('^', prerequisites);
  for (const prerequisite of shown(prerequisites).split(/\s+/).filter(Boolean))
    runTarget(prerequisite, makefile, context, run, cwd, depth + 1);
  const environment = new Map(context.environment);
  for (const name of makefile.exported) environment.set(name, variableValue(name, makefile, automatic, 0));
  for (const [name, value] of makefile.overrides) environment.set(OVERRIDE + name, value);
  for (const line of rule.recipe) {
    const expanded = expand(line.text.replace(/^[@+-]+/, ''), makefile, automatic, 0);
    // Each recipe line runs in a shell of its own. A hole cannot be written into shell text, so it
    // travels as a variable of that shell, named in the text where the hole stands.
    const holes = new Map(environment);
    const text = expanded
      .map((part) => {
        if (typeof part === 'string') return part;
        const name = `__pullcheck_hole_${holes.size}`;
        holes.set(name, [part]);
        return holeMarker(name);
      })
      .join('');
    context.runScript({ kind: 'file', file: makefile.file, text, firstLine: line.line }, [], holes, cwd);
  }
}

/** Reads assignments, rules and recipes; `include`s are read from the repository when they are there. */
function readMakefile(
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
  const read = (source: RepositoryFile, depth: number) => {
    // Backslash-newline joins lines; each logical line keeps the number of its first line. In a recipe
    // the backslash-newline stays (the shell reads it) and the continued line loses one leading tab.
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
    let rule: Rule | undefined;
    let define: string | undefined;
    // Conditional blocks (GNU make "Conditional Parts of Makefiles"): each entry is whether its branch is
    // taken — undefined when the comparison involves a value pullcheck cannot know.
    const conditions: (boolean | undefined)[] = [];
    logical.forEach(({ line, number: lineNumber }) => {
      const directive = /^\s*(ifeq|ifneq|ifdef|ifndef|else|endif)\b\s*(.*)$/.exec(
        line.startsWith('\t') ? '' : line,
      );
      if (directive && define === undefined) {
        const [, keyword, rest] = directive as unknown as [string, string, string];
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
        return;
      }
      if (conditions.includes(false)) return;
      const uncertain = conditions.includes(undefined);
      if (define !== undefined) {
        if (/^\s*endef\b/.test(line)) define = undefined;
        return;
      }
      if (line.startsWith('\t') && rule) {
        rule.recipe.push({ text: line.slice(1).replace(/ {2,}/g, ' '), line: lineNumber });
        return;
      }
      const code = line.replace(/(^|[^\\])#.*$/, '$1').trimEnd();
      if (code.trim() === '') return;
      if (/^\s*define\s/.test(code)) {
        define = code;
        return;
      }
      const include = /^\s*-?(?:include|sinclude)\s+(.+)$/.exec(code);
      if (include) {
        for (const name of include[1]!.trim().split(/\s+/)) {
          const included = depth < 4 && !name.includes('$') ? context.read(base + name) : undefined;
          if (included) read(included, depth + 1);
        }
        return;
      }
      const assignment =
        /^\s*(?:(export|override)\s+)?([A-Za-z_][\w.-]*)\s*(:{1,3}=|\?=|\+=|!=|=)\s*(.*)$/.exec(code);
      if (assignment) {
        rule = undefined;
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
        else if (op.startsWith(':'))
          makefile.variables.set(name, { value: expand(value, makefile, new Map(), 0) });
        else makefile.variables.set(name, { raw: value });
        fromEnvironment.delete(name);
        return;
      }
      const exportOnly = /^\s*export\s+([A-Za-z_][\w.\s-]*)$/.exec(code);
      if (exportOnly) {
        for (const name of exportOnly[1]!.trim().split(/\s+/)) makefile.exported.add(name);
        return;
      }
      const ruleLine = /^([^:=\t][^:=]*?)\s*::?\s*([^=]*)$/.exec(code);
      if (ruleLine) {
        const [targetText, recipeOnLine] = ruleLine[2]!.split(';', 2) as [string, string | undefined];
        rule = {
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
      }
    });
  };
  read(file, 0);
  return makefile;
}

function variableValue(
  name: string,
  makefile: Makefile,
  automatic: ReadonlyMap<string, Text>,
  depth: number,
): Text {
  const automaticValue = automatic.get(name);
  if (automaticValue) return automaticValue;
  const variable = makefile.variables.get(name);
  if (!variable) return name === 'MAKE' ? ['make'] : [];
  if (variable.value) return variable.value;
  // make stops at a recursive variable that refers to itself; so does this reader.
  if (expanding.has(name)) return [missing(`the Makefile variable ${name}, which refers to itself`)];
  expanding.add(name);
  try {
    return expand(variable.raw ?? '', makefile, automatic, depth + 1);
  } finally {
    expanding.delete(name);
  }
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

/** Recursive variables being expanded. */
const expanding = new Set<string>();

/** make's expansion: `$(NAME)`, `${NAME}`, `$X`, `$$`, and the text functions people use in image names. */
function expand(text: string, makefile: Makefile, automatic: ReadonlyMap<string, Text>, depth: number): Text {
  if (depth > 20) return [missing('a Makefile variable that refers to itself')];
  const parts: Text[] = [];
  let i = 0;
  let literalStart = 0;
  while (i < text.length) {
    if (text[i] !== '$') {
      i++;
      continue;
    }
    parts.push([text.slice(literalStart, i)]);
    const next = text[i + 1] ?? '';
    if (next === '$') {
      parts.push(['$']);
      i += 2;
    } else if (next === '(' || next === '{') {
      const close = next === '(' ? ')' : '}';
      let level = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === next) level++;
        else if (text[j] === close && --level === 0) break;
      }
      parts.push(reference(text.slice(i + 2, j), makefile, automatic, depth));
      i = j + 1;
    } else {
      parts.push(variableValue(next, makefile, automatic, depth));
      i += 2;
    }
    literalStart = i;
  }
  parts.push([text.slice(literalStart)]);
  return concat(...parts);
}

function reference(
  body: string,
  makefile: Makefile,
  automatic: ReadonlyMap<string, Text>,
  depth: number,
): Text {
  const call = /^([a-z-]+)\s+([\s\S]*)$/.exec(body);
  if (!call) {
    const substitution = /^([^:]+):([^=]*)=(.*)$/.exec(body);
    if (substitution) return [missing(`the Makefile substitution $(${body})`)];
    return variableValue(
      wordText(expand(body, makefile, automatic, depth)) ?? body,
      makefile,
      automatic,
      depth,
    );
  }
  const [, fn, argumentText] = call as unknown as [string, string, string];
  const args = splitArguments(argumentText).map((arg) => expand(arg, makefile, automatic, depth + 1));
  const known = args.map(wordText);
  const words = (text: string | undefined) => (text ?? '').trim().split(/\s+/).filter(Boolean);
  switch (fn) {
    case 'strip':
      return known[0] === undefined ? args[0]! : [words(known[0]).join(' ')];
    case 'subst':
      return known.every((k) => k !== undefined)
        ? [known[2]!.split(known[0]!).join(known[1]!)]
        : (args[2] ?? []);
    case 'firstword':
      return known[0] === undefined ? args[0]! : [words(known[0])[0] ?? ''];
    case 'lastword':
      return known[0] === undefined ? args[0]! : [words(known[0]).at(-1) ?? ''];
    case 'notdir':
      return known[0] === undefined
        ? args[0]!
        : [
            words(known[0])
              .map((w) => w.split('/').at(-1))
              .join(' '),
          ];
    case 'addprefix':
    case 'addsuffix':
      if (known[1] === undefined) return args[1]!;
      return concat(
        ...words(known[1]).flatMap((word, n) => [
          n > 0 ? [' '] : [],
          fn === 'addprefix' ? concat(args[0]!, [word]) : concat([word], args[0]!),
        ]),
      );
    case 'dir':
      return known[0] === undefined
        ? args[0]!
        : [
            words(known[0])
              .map((w) => (w.includes('/') ? w.slice(0, w.lastIndexOf('/') + 1) : './'))
              .join(' '),
          ];
    case 'realpath':
    case 'abspath':
      // Paths stay relative to the repository: that is where pullcheck reads them.
      return known[0] === undefined
        ? args[0]!
        : [
            words(known[0])
              .filter((w) => !w.startsWith('-'))
              .join(' '),
          ];
    case 'basename':
      return known[0] === undefined
        ? args[0]!
        : [
            words(known[0])
              .map((w) => w.replace(/\.[^./]*$/, ''))
              .join(' '),
          ];
    case 'words':
      return known[0] === undefined ? [missing(`$(words …)`)] : [String(words(known[0]).length)];
    case 'word':
      return known[0] === undefined || known[1] === undefined
        ? [missing(`$(word …)`)]
        : [words(known[1])[Number(known[0]) - 1] ?? ''];
    case 'sort':
      return known[0] === undefined ? args[0]! : [[...new Set(words(known[0]))].sort().join(' ')];
    case 'if': {
      // $(if CONDITION,THEN,ELSE): the condition is true when it expands to anything but spaces.
      const condition = args[0] ?? [];
      if (condition.some((part) => typeof part !== 'string'))
        return [missing(`the condition of $(if ${argumentText.trim()})`)];
      return condition.join('').trim() !== '' ? (args[1] ?? []) : (args[2] ?? []);
    }
    case 'shell':
      return [missing(`the output of $(shell ${argumentText.trim()})`)];
    default:
      return [missing(`the Makefile function $(${fn} …)`)];
  }
}

/** Arguments of a make function: commas at the top level of parentheses separate them. */
function splitArguments(text: string): string[] {
  const args: string[] = [];
  let level = 0;
  let current = '';
  for (const c of text) {
    if (c === '(' || c === '{') level++;
    if (c === ')' || c === '}') level--;
    if (c === ',' && level === 0) {
      args.push(current);
      current = '';
    } else current += c;
  }
  args.push(current);
  return args;
}

function join(base: string, path: string): string {
  return [base, path]
    .filter(Boolean)
    .join('/')
    .replace(/\/\.\//g, '/');
}
