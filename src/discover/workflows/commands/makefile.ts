// `make [-C DIR] [-f FILE] [VAR=value]… [TARGET]…`: the Makefile is read as GNU make reads a plain one —
// variable assignments (`=`, `:=`, `::=`, `?=`, `+=`, `export`, `override`), rules with their
// prerequisites (run first, each once) and tab-indented recipes, `include`d files in the repository —
// and each recipe line, expanded by make, runs through the shell analysis at its own line. Variables
// come, weakest first, from the environment, the Makefile (`?=` only where unset) and the command line.
// A Makefile that is not plain enough (a target made by a pattern rule, `$(call …)`, `$(eval …)`)
// leaves holes or a may-push finding that names the target. GNU make manual, "How make Reads a Makefile".
import { concat, holeMarker, shown, type Text } from '../text.ts';
import { wordText } from './arguments.ts';
import type { CommandContext, CommandHandler } from './context.ts';
import { expand, variableValue } from './make-expansion.ts';
import { readMakefile, type Makefile } from './make-reader.ts';

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

function join(base: string, path: string): string {
  return [base, path]
    .filter(Boolean)
    .join('/')
    .replace(/\/\.\//g, '/');
}
