// What an action handler sees of a `uses:` step (actions/call.ts): its `with:` inputs evaluated in the
// step's scope, list inputs item by item on the line each is written on, and the job's state to change.
import type { SourceLocation } from '../../core/errors.ts';
import type { ConfigPath } from '../../core/config/yaml-source.ts';
import type { ActionCall, InputItem } from './actions/call.ts';
import { asText, evaluateField, interpolate, type Resolve, type Value } from './expression.ts';
import { lineIndexOf, lineOf, type FileLines } from './locations.ts';
import { addEcsSite } from './sites.ts';
import type { StepsContext, StepsInput } from './steps.ts';
import { shown, split, trim, type Text } from './text.ts';
import { sinkAt } from './sites.ts';
import { ciLoginRecorder, perEvent } from './ci-logins.ts';

/** A `uses:` step of a remote action, as the step runner has read it. */
export interface UsesStep {
  readonly uses: string;
  readonly stepId: string | undefined;
  readonly withInputs: Record<string, unknown>;
  readonly stepPath: ConfigPath;
  readonly usesAt: SourceLocation;
  /** The step's environment: the job's, with the step's `env` over it. */
  readonly env: Map<string, Text>;
  readonly resolve: Resolve;
  readonly setOutput: (name: string, value: Value) => void;
  /** Runs a command line the action runs, through the `run:` handlers. */
  readonly runCommand: ActionCall['runCommand'];
}

export function actionCall(step: UsesStep, input: StepsInput, context: StepsContext): ActionCall {
  const { uses, withInputs, stepPath, usesAt, env, resolve, setOutput } = step;
  const name = uses.split('@')[0]!.toLowerCase();
  const withLines = (inputName: string) => input.lines.value([...stepPath, 'with', inputName]);
  return {
    name: name.split('/').slice(0, 2).join('/'),
    uses,
    stepId: step.stepId,
    facts: input.state.facts,
    env,
    evaluate: (expression) => evaluateField(`\${{ ${expression} }}`, resolve),
    input: (inputName) =>
      inputName in withInputs ? evaluateField(withInputs[inputName], resolve) : undefined,
    text: (inputName) => {
      if (!(inputName in withInputs)) return undefined;
      const text = trim(asText(evaluateField(withInputs[inputName], resolve)));
      return text.length === 0 ? undefined : text;
    },
    loginText: (inputName) => {
      if (!(inputName in withInputs)) return undefined;
      const value = evaluateField(withInputs[inputName], perEvent(resolve, input.scope.variables));
      const text = trim(asText(value));
      return text.length === 0 ? undefined : text;
    },
    items: (inputName, commas) =>
      inputItems(withInputs[inputName], withLines(inputName), resolve, commas, input.lines, [
        ...stepPath,
        'with',
        inputName,
      ]),
    where: (inputName) => (inputName && inputName in withInputs ? withLines(inputName).at : usesAt),
    destination: (text, via, where) => context.collected.destinations.push({ text, via, where }),
    cluster: (credentials, via, where, names) =>
      sinkAt(context.collected, where).cluster(credentials, via, where, names),
    sink: (where) => sinkAt(context.collected, where),
    serverless: (deploy, via, where, lines) =>
      context.collected.serverless.push({ deploy, via, where, ...(lines ? { lines } : {}) }),
    mayPush: (message, where) => context.collected.mayPush.push({ message, where: where ?? usesAt }),
    ecs: (ecsStep, via) => addEcsSite(context.collected, { ...ecsStep, via, where: usesAt }),
    problem: (message, where) => context.collected.problems.push({ message, where: where ?? usesAt }),
    setOutput,
    setEnv: (variable, value) => input.state.env.set(variable, value),
    login: (registry) => input.state.logins.push({ registry, where: usesAt }),
    ciLogin: ciLoginRecorder(context.collected, name, usesAt),
    read: (relative) => context.repository.read(relative),
    runCommand: step.runCommand,
    bakeFile: (images) => {
      const generated = `\u0000docker-metadata-action-bake-${context.collected.bakeFiles.size}.json`;
      context.collected.bakeFiles.set(generated, images);
      return generated;
    },
    generatedBakeFile: (generated) => context.collected.bakeFiles.get(generated),
    written: (image, where) => {
      const key = shown(image);
      if (!context.collected.written.has(key))
        context.collected.written.set(key, { where, via: `${name} images` });
    },
  };
}

/** A list input's items, each evaluated and placed on the line it is written on. */
function inputItems(
  raw: unknown,
  lines: ReturnType<FileLines['value']>,
  resolve: Resolve,
  commas: boolean,
  file: FileLines,
  inputPath: ConfigPath,
): InputItem[] {
  const separator = commas ? /[\n,]/ : /\n/;
  if (Array.isArray(raw)) {
    return raw.flatMap((item, i) =>
      split(asText(evaluateField(item, resolve)), separator)
        .map(trim)
        .filter((text) => text.length > 0)
        .map((text) => ({ text, where: file.at([...inputPath, i]) })),
    );
  }
  if (raw === undefined || raw === null) return [];
  const source = String(raw);
  const items: InputItem[] = [];
  let from = 0;
  for (const line of source.split('\n')) {
    const index = lineIndexOf(source, line, from);
    from += line.length + 1;
    // Expressions are evaluated per line; a value that holds several lines (metadata-action's tags) splits again.
    // List inputs of docker's actions are CSV: commas separate, double quotes group (actions/toolkit Util.getInputList).
    const pieces = commas ? csvFields(line) : [line];
    for (const piece of pieces) {
      for (const text of split(interpolate(piece, resolve), separator).map(trim)) {
        if (text.length > 0) items.push({ text, where: lineOf(lines, index) });
      }
    }
  }
  return items;
}

function csvFields(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"' && quoted && line[i + 1] === '"') {
      current += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted && !insideExpression(line, i)) {
      fields.push(current);
      current = '';
    } else current += c;
  }
  fields.push(current);
  return fields;
}

/** A comma inside `${{ format('{0},{1}', …) }}` belongs to the expression. */
function insideExpression(line: string, index: number): boolean {
  const open = line.lastIndexOf('${{', index);
  return open !== -1 && line.indexOf('}}', open) > index;
}
