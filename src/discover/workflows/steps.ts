// A job's steps in order, as the runner runs them: each step's `env`, then its action or script; step
// outputs, `$GITHUB_ENV` and the job's cloud facts carry forward. Local composite actions
// (`uses: ./path`) run their own steps with their `inputs` and map their `outputs` back to the caller;
// `docker://` steps run their image's command.
import path from 'node:path';
import type { SourceLocation } from '../../core/errors.ts';
import type { ConfigPath } from '../../core/config/yaml-source.ts';
import type { ParsedFiles } from './parsed-files.ts';
import { ConfigError } from '../../core/errors.ts';
import { actionCall, type UsesStep } from './action-call.ts';
import type { JobFacts } from './actions/call.ts';
import { runAction } from './actions/index.ts';
import { asText, evaluateField, type Value } from './expression.ts';
import { lineOf, type FileLines } from './locations.ts';
import type { Repository } from './repository.ts';
import {
  environmentFileEntries,
  runCommandLine,
  runScript,
  substituteExpressions,
  type StepContext,
} from './run-step.ts';
import { resolver, textValue, type Scope } from './scope.ts';
import { firstSyntaxProblem, type Collected } from './sites.ts';
import { concat, split, type Text } from './text.ts';

export interface JobState {
  /** The environment steps see: workflow and job `env`, then what steps wrote to `$GITHUB_ENV`. */
  readonly env: Map<string, Text>;
  readonly facts: JobFacts;
  readonly logins: { readonly registry: string; readonly where: SourceLocation }[];
}

export interface StepsInput {
  readonly steps: readonly unknown[];
  readonly path: ConfigPath;
  readonly lines: FileLines;
  /** The scope without `env` and `steps` (they change as the steps run). */
  readonly scope: Omit<Scope, 'env' | 'steps'>;
  readonly state: JobState;
  /** `defaults.run.working-directory`. */
  readonly workingDirectory: string;
  /** Local action files being read (cycle guard). */
  readonly actionStack: readonly string[];
}

export interface StepsContext {
  readonly repository: Repository;
  readonly collected: Collected;
  readonly parsed: ParsedFiles;
}

const MAX_ACTION_DEPTH = 8;

/** Runs the steps; returns the outputs of steps with an `id`. */
export function runSteps(input: StepsInput, context: StepsContext): Map<string, Map<string, Value>> {
  const outputs = new Map<string, Map<string, Value>>();
  input.steps.forEach((value, index) => {
    const stepPath = [...input.path, index];
    try {
      runStep(record(value), stepPath, input, context, outputs);
    } catch (error) {
      // Whatever a step's text does to this reader (nesting past the stack, a value past memory), the
      // rest of the workflow is still read, and the step is a finding. The error's message is not
      // repeated: it can quote the step's text.
      if (!(error instanceof Error)) throw error;
      context.collected.problems.push({
        where: input.lines.at(stepPath),
        message: `pullcheck could not read this step (${error.name}): what it pushes is not discovered; add its images to \`images\``,
      });
    }
  });
  return outputs;
}

function runStep(
  step: Record<string, unknown>,
  stepPath: ConfigPath,
  input: StepsInput,
  context: StepsContext,
  outputs: Map<string, Map<string, Value>>,
): void {
  {
    const id = typeof step['id'] === 'string' ? step['id'] : undefined;
    if (id) outputs.set(id, new Map());
    const baseScope: Scope = { ...input.scope, env: input.state.env, steps: outputs };
    // A step's `env` is evaluated in the job's scope, then layered over the job's environment.
    const env = new Map(input.state.env);
    for (const [name, raw] of Object.entries(record(step['env'])))
      env.set(name, asText(evaluateField(raw, resolver(baseScope))));
    const scope: Scope = { ...baseScope, env };
    const resolve = resolver(scope);
    const setOutput = (name: string, output: Value) => id && outputs.get(id)!.set(name, output);
    if (typeof step['uses'] === 'string') {
      runUses(step, step['uses'], stepPath, { ...input, scope }, context, env, setOutput);
    } else if (typeof step['run'] === 'string') {
      const shell = typeof step['shell'] === 'string' ? step['shell'] : 'bash';
      const directory =
        typeof step['working-directory'] === 'string'
          ? asText(evaluateField(step['working-directory'], resolve))
          : undefined;
      const cwd =
        directory && directory.every((p) => typeof p === 'string')
          ? directory.join('')
          : input.workingDirectory;
      const lines = input.lines.value([...stepPath, 'run']);
      const where = (line: number) => lineOf(lines, line - 1);
      if (!/^(?:bash|sh)\b/.test(shell)) {
        if (/\bpush\b/.test(step['run']))
          context.collected.mayPush.push({
            where: lines.at,
            message: `a \`${shell}\` script that mentions push: pullcheck reads bash and sh only; add the images it pushes to \`images\``,
          });
        return;
      }
      // The runner's own variables (GITHUB_REPOSITORY, …) are in every step's environment.
      const environment = new Map<string, Text>([
        ...Object.entries(input.scope.runner).map(([k, v]) => [k, [v]] as [string, Text]),
        ...env,
      ]);
      const script = substituteExpressions(step['run'], resolve, environment);
      const printed = runScript(
        script,
        environment,
        cwd,
        { file: lines.file, lineOf: where },
        stepContext(input, context, setOutput),
      );
      // The deprecated `::set-output name=X::value` workflow command.
      for (const line of split(printed, '\n')) {
        const head = typeof line[0] === 'string' ? line[0] : '';
        const match = /^::set-output name=([\w-]+)::/.exec(head);
        if (match) setOutput(match[1]!, textValue(concat([head.slice(match[0].length)], line.slice(1))));
      }
    }
  }
}

function runUses(
  step: Record<string, unknown>,
  uses: string,
  stepPath: ConfigPath,
  input: StepsInput & { scope: Scope },
  context: StepsContext,
  env: Map<string, Text>,
  setOutput: (name: string, value: Value) => void,
): void {
  const resolve = resolver(input.scope);
  const usesAt = input.lines.at([...stepPath, 'uses']);
  const withInputs = record(step['with']);
  if (uses.startsWith('docker://')) {
    // A container step: its `args` are the image's command line (kaniko's executor, typically).
    const args =
      typeof withInputs['args'] === 'string'
        ? split(asText(evaluateField(withInputs['args'], resolve)), /\s+/)
        : [];
    // The image's name is its command (`docker://gcr.io/go-containerregistry/crane` runs crane).
    const repository = uses.slice('docker://'.length).replace(/[@:][^/]*$/, '');
    const tool = /kaniko-project\/executor/.test(repository) ? 'executor' : repository.split('/').at(-1)!;
    const words = [[tool], ...args.filter((arg) => arg.length > 0)];
    runCommandLine(words, env, input.workingDirectory, usesAt, stepContext(input, context, setOutput));
    return;
  }
  if (uses.startsWith('./') || uses === '.') {
    runLocalAction(uses, withInputs, stepPath, input, context, env, setOutput, usesAt);
    return;
  }
  const usesStep: UsesStep = {
    uses,
    stepId: typeof step['id'] === 'string' ? step['id'] : undefined,
    withInputs,
    stepPath,
    usesAt,
    env,
    resolve,
    setOutput,
    runCommand: (words, cwd, where) =>
      runCommandLine(words, env, cwd, where, stepContext(input, context, setOutput)),
  };
  runAction({ call: actionCall(usesStep, input, context), inputNames: Object.keys(withInputs) });
}

/** A local action: a composite action's steps run with its inputs; any other kind may push unseen. */
function runLocalAction(
  uses: string,
  withInputs: Record<string, unknown>,
  stepPath: ConfigPath,
  input: StepsInput & { scope: Scope },
  context: StepsContext,
  env: Map<string, Text>,
  setOutput: (name: string, value: Value) => void,
  usesAt: SourceLocation,
): void {
  const read = readLocalAction(uses, input, context, usesAt);
  if (!read) return;
  const { relative, action, lines } = read;
  const runs = record(action['runs']);
  const inputs = localActionInputs(action, withInputs, input.scope);
  if (runs['using'] !== 'composite') {
    const pushInputs = Object.keys(withInputs).filter((name) => /image|tag|registry|push/i.test(name));
    if (pushInputs.length > 0)
      context.collected.mayPush.push({
        where: usesAt,
        message: `${uses} is a ${String(runs['using'] ?? 'non-composite')} action pullcheck does not read, and its inputs (${pushInputs.join(', ')}) say it may push: add the images it pushes to \`images\``,
      });
    return;
  }
  const scope = { ...input.scope, inputs };
  const steps = Array.isArray(runs['steps']) ? runs['steps'] : [];
  const outputs = runSteps(
    { ...input, steps, path: ['runs', 'steps'], lines, scope, actionStack: [...input.actionStack, relative] },
    context,
  );
  const outputScope: Scope = { ...scope, env, steps: outputs };
  for (const [name, definition] of Object.entries(record(action['outputs'])))
    setOutput(name, evaluateField(record(definition)['value'], resolver(outputScope)));
}

/** The local action's file parsed, with its lines; else why it is not read, collected as a problem. */
function readLocalAction(
  uses: string,
  input: StepsInput,
  context: StepsContext,
  usesAt: SourceLocation,
): { relative: string; action: Record<string, unknown>; lines: FileLines } | undefined {
  const directory = path.posix.normalize(uses.replace(/^\.\//, ''));
  const relative = ['action.yml', 'action.yaml']
    .map((name) => path.posix.join(directory, name))
    .find((file) => context.repository.read(file));
  if (!relative) {
    context.collected.problems.push({
      where: usesAt,
      message: `${uses}: no action.yml or action.yaml in the repository, so what it pushes is not discovered`,
    });
    return undefined;
  }
  if (input.actionStack.includes(relative) || input.actionStack.length >= MAX_ACTION_DEPTH) {
    context.collected.problems.push({
      where: usesAt,
      message: `${uses} uses itself (through ${input.actionStack.join(' → ')}): read once`,
    });
    return undefined;
  }
  const file = context.repository.read(relative)!;
  try {
    const parsed = context.parsed.parse(file);
    return { relative, action: record(parsed.value), lines: parsed.lines };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const problem = firstSyntaxProblem(error.problems);
    context.collected.problems.push({
      where: problem.where,
      message: `${problem.message}: what ${uses} pushes is not discovered`,
    });
    return undefined;
  }
}

/** The inputs a local action runs with: what the step passes, else each input's `default`, else empty. */
function localActionInputs(
  action: Record<string, unknown>,
  withInputs: Record<string, unknown>,
  scope: Scope,
): Map<string, Value> {
  const resolve = resolver(scope);
  const inputs = new Map<string, Value>();
  for (const [name, definition] of Object.entries(record(action['inputs']))) {
    const given = Object.keys(withInputs).find((key) => key.toLowerCase() === name.toLowerCase());
    if (given !== undefined) inputs.set(name, evaluateField(withInputs[given], resolve));
    else if (record(definition)['default'] !== undefined)
      inputs.set(name, evaluateField(record(definition)['default'], resolver({ ...scope, inputs })));
    else inputs.set(name, '');
  }
  return inputs;
}

/** What a step's commands may change in the job: its environment, its outputs, its logins. */
function stepContext(
  input: StepsInput,
  context: StepsContext,
  setOutput: (name: string, value: Value) => void,
): StepContext {
  return {
    repository: context.repository,
    collected: context.collected,
    facts: input.state.facts,
    write: (file, content) => {
      for (const [name, value] of environmentFileEntries(content)) {
        if (file === 'GITHUB_ENV') input.state.env.set(name, value);
        if (file === 'GITHUB_OUTPUT') setOutput(name, textValue(value));
      }
    },
    login: (registry, at) => input.state.logins.push({ registry, where: at }),
  };
}

export function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
