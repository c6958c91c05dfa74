// A workflow as the runner runs it: inputs (a caller's `with:`, else their defaults), `env`, jobs in
// `needs` order, each job once per matrix combination, job outputs passed to `needs`, and reusable
// workflows in the repository (`jobs.<id>.uses: ./.github/workflows/x.yml`) read with what the caller
// passes. A reusable workflow in another repository, a cycle, or a file that is not there is reported.
import type { SourceLocation } from '../../core/errors.ts';
import { ConfigError } from '../../core/errors.ts';
import { evaluateField, holeOf, type Value } from './expression.ts';
import type { FileLines } from './locations.ts';
import { ParsedFiles } from './parsed-files.ts';
import { combinations } from './matrix.ts';
import type { Repository } from './repository.ts';
import { resolver, runnerVariables, type Scope } from './scope.ts';
import { emptyCollected, firstSyntaxProblem, JobPushes, type Collected } from './sites.ts';
import { ciJobOf, endCiJob, jobGrant, startsRun, type IdTokenGrant } from './ci-logins.ts';
import { inNeedsOrder, needsOf } from './job-order.ts';
import { workflowInputs } from './workflow-inputs.ts';
import { record, runSteps, type JobState } from './steps.ts';
import { asText } from './expression.ts';
import { shown, type Text } from './text.ts';

export interface WorkflowOptions {
  readonly repository: Repository;
  /** Files parsed so far (shared by every workflow and action one discovery reads). */
  readonly parsed?: ParsedFiles;
  /** The runner's non-secret variables (`GITHUB_REPOSITORY`, …). */
  readonly runner: Readonly<Record<string, string>>;
  /** `discover.variables`. */
  readonly variables: Readonly<Record<string, string>>;
}

interface Call {
  /** `jobs.<id>.uses` as the caller wrote it. */
  readonly uses: string;
  /** Whether the calling job may request an OIDC token: its called jobs can only narrow it. */
  readonly grant?: IdTokenGrant | undefined;
  readonly inputs: ReadonlyMap<string, Value>;
  readonly secrets: ReadonlyMap<string, Value> | undefined;
  readonly at: SourceLocation;
}

const MAX_CALL_DEPTH = 10; // GitHub nests reusable workflows at most 10 deep

/** Reads one workflow file (root-relative) and every local workflow and action it uses. */
export function readWorkflow(relative: string, options: WorkflowOptions): Collected {
  const collected = emptyCollected();
  const runner = runnerVariables(options.runner);
  readOne(
    relative,
    undefined,
    [],
    { ...options, runner, parsed: options.parsed ?? new ParsedFiles() },
    collected,
  );
  return collected;
}

type ReadOptions = WorkflowOptions & { readonly parsed: ParsedFiles };

/** What every job of one workflow file shares. */
interface WorkflowContext {
  readonly lines: FileLines;
  /** The workflow's `env`. */
  readonly env: ReadonlyMap<string, Text>;
  /** The workflow's `defaults.run.working-directory`. */
  readonly workingDirectory: string;
  readonly options: ReadOptions;
  readonly collected: Collected;
  /** The repository-relative file, and how a caller named it when it is a reusable workflow. */
  readonly file: string;
  readonly calledAs: string | undefined;
  /** The workflow's `permissions:`, and the calling job's OIDC grant when it is a reusable workflow. */
  readonly permissions: unknown;
  readonly callerGrant: IdTokenGrant | undefined;
}

function readOne(
  relative: string,
  call: Call | undefined,
  stack: readonly string[],
  options: ReadOptions,
  collected: Collected,
): Map<string, Value> {
  const parsed = parsedWorkflow(relative, call, stack, options, collected);
  if (!parsed) return new Map();
  const { workflow, lines } = parsed;
  if (!call) startsRun(collected, relative, workflow['on'], options.runner['GITHUB_REPOSITORY']);
  const base: Omit<Scope, 'env' | 'steps'> = {
    runner: options.runner,
    variables: options.variables,
    workflowName: typeof workflow['name'] === 'string' ? workflow['name'] : relative,
    inputs: new Map(),
    needs: new Map(),
    secrets: call?.secrets,
  };
  const inputs = workflowInputs(workflow, call, { ...base, env: new Map(), steps: new Map() });
  const scope0 = { ...base, inputs };
  const env = evaluatedEnv(workflow['env'], { ...scope0, env: new Map(), steps: new Map() }, new Map());
  const workingDirectory = String(record(record(workflow['defaults'])['run'])['working-directory'] ?? '');
  const context: WorkflowContext = {
    lines,
    env,
    workingDirectory,
    options,
    collected,
    file: relative,
    calledAs: call?.uses,
    permissions: workflow['permissions'],
    callerGrant: call?.grant,
  };
  const jobs = record(workflow['jobs']);
  const jobOutputs = new Map<string, Map<string, Value>>();
  const pushes = new JobPushes(collected);
  for (const jobId of inNeedsOrder(jobs)) {
    const job = record(jobs[jobId]);
    const scope = { ...scope0, needs: jobOutputs, jobId };
    const ended = pushes.begin();
    jobOutputs.set(
      jobId,
      typeof job['uses'] === 'string'
        ? callWorkflow(job, ['jobs', jobId], scope, env, lines, stack.concat(relative), options, {
            collected,
            grant: jobGrant(job, context.permissions, context.callerGrant),
          })
        : runJob(context, job, jobId, scope),
    );
    ended(jobId, needsOf(job));
  }
  // A called workflow's outputs: `on.workflow_call.outputs.X.value`, over its jobs' outputs.
  const outputs = new Map<string, Value>();
  const definitions = record(record(record(workflow['on'])['workflow_call'])['outputs']);
  for (const [name, definition] of Object.entries(definitions)) {
    const raw = String(record(definition)['value'] ?? '').replace(/\bjobs\./g, 'needs.');
    outputs.set(name, evaluateField(raw, resolver({ ...scope0, env, steps: new Map(), needs: jobOutputs })));
  }
  return outputs;
}

/** The workflow file parsed, with its lines; else why it is not read, collected as a problem. */
function parsedWorkflow(
  relative: string,
  call: Call | undefined,
  stack: readonly string[],
  options: ReadOptions,
  collected: Collected,
): { workflow: Record<string, unknown>; lines: FileLines } | undefined {
  const problem = (message: string, where: SourceLocation) => {
    collected.problems.push({ where, message });
    return undefined;
  };
  const file = options.repository.read(relative);
  const shownPath = options.repository.display(relative);
  if (!file)
    return problem(
      `${relative}: no such workflow in the repository, so what it pushes is not discovered`,
      call?.at ?? { file: shownPath, line: 1, column: 1 },
    );
  if (stack.includes(relative))
    return problem(
      `${relative} calls itself (${[...stack, relative].join(' → ')}): the cycle is read once`,
      call!.at,
    );
  if (stack.length >= MAX_CALL_DEPTH)
    return problem(
      `reusable workflows nest deeper than ${MAX_CALL_DEPTH}: ${relative} is not read`,
      call!.at,
    );
  let workflow: Record<string, unknown>;
  let lines: FileLines;
  try {
    const parsed = options.parsed.parse(file);
    workflow = record(parsed.value);
    lines = parsed.lines;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const problem = firstSyntaxProblem(error.problems);
    collected.problems.push({
      where: problem.where,
      message: `${problem.message}: its images are not discovered`,
    });
    return undefined;
  }
  if (typeof workflow['jobs'] !== 'object' || workflow['jobs'] === null) {
    return problem(`${relative} has no \`jobs:\`: it is not a GitHub Actions workflow`, {
      file: file.file,
      line: 1,
      column: 1,
    });
  }
  return { workflow, lines };
}

/** A job of steps, once per matrix combination: its outputs, the first known value of each. */
function runJob(
  context: WorkflowContext,
  job: Record<string, unknown>,
  jobId: string,
  scope: Omit<Scope, 'env' | 'steps'>,
): Map<string, Value> {
  const { lines, env, options, collected } = context;
  const jobPath = ['jobs', jobId];
  const jobEnvScope = { ...scope, env, steps: new Map() };
  const jobDirectory = String(
    record(record(job['defaults'])['run'])['working-directory'] ?? context.workingDirectory,
  );
  const matrix = combinations(record(job['strategy'])['matrix'], jobEnvScope);
  if (matrix.truncated)
    collected.mayPush.push({
      where: lines.at([...jobPath, 'strategy', 'matrix']),
      message: `the matrix has ${matrix.truncated} combinations: only the first ${matrix.values.length} are read`,
    });
  const outputs = new Map<string, Value>();
  const before = collected.destinations.length + collected.mayPush.length;
  const logins: JobState['logins'] = [];
  const loginsBefore = collected.ciLogins.length;
  for (const combination of matrix.values) {
    // Each combination runs as a job of its own: its ECS registers are not another combination's.
    collected.jobs += 1;
    const combinationScope = { ...scope, matrix: combination };
    const jobEnv = evaluatedEnv(job['env'], { ...combinationScope, env, steps: new Map() }, env);
    collected.ciJob = ciJobOf(job, jobId, context, { ...combinationScope, env: jobEnv, steps: new Map() });
    const state: JobState = { env: jobEnv, facts: {}, logins };
    const steps = runSteps(
      {
        steps: Array.isArray(job['steps']) ? job['steps'] : [],
        path: [...jobPath, 'steps'],
        lines,
        scope: combinationScope,
        state,
        workingDirectory: jobDirectory,
        actionStack: [],
      },
      { repository: options.repository, collected, parsed: options.parsed },
    );
    const outputScope: Scope = { ...combinationScope, env: state.env, steps };
    for (const [name, raw] of Object.entries(record(job['outputs']))) {
      const value = evaluateField(raw, resolver(outputScope));
      if (!outputs.has(name) || holeOf(outputs.get(name)!)) outputs.set(name, value);
    }
  }
  endCiJob(collected, loginsBefore);
  // A job that logs in to a registry and pushes nothing pullcheck can see may push with a tool it does not know.
  if (collected.destinations.length + collected.mayPush.length === before && logins.length > 0) {
    const login = logins[0]!;
    collected.mayPush.push({
      where: login.where,
      message: `job \`${jobId}\` logs in to ${login.registry} but pullcheck found no push in it: if it pushes (with a tool or action pullcheck does not read), add the images to \`images\``,
    });
  }
  return outputs;
}

function evaluatedEnv(raw: unknown, scope: Scope, inherited: ReadonlyMap<string, Text>): Map<string, Text> {
  const env = new Map(inherited);
  for (const [name, value] of Object.entries(record(raw)))
    env.set(name, asText(evaluateField(value, resolver({ ...scope, env }))));
  return env;
}

/** `jobs.<id>.uses`: a local reusable workflow is read with its `with:` and `secrets:`; a remote one is reported. */
function callWorkflow(
  job: Record<string, unknown>,
  jobPath: readonly string[],
  scope: Omit<Scope, 'env' | 'steps'>,
  env: ReadonlyMap<string, Text>,
  lines: FileLines,
  stack: readonly string[],
  options: ReadOptions,
  { collected, grant }: { readonly collected: Collected; readonly grant: IdTokenGrant },
): Map<string, Value> {
  const uses = String(job['uses']);
  const at = lines.at([...jobPath, 'uses']);
  const outputs = new Map<string, Value>();
  const matrix = combinations(record(job['strategy'])['matrix'], { ...scope, env, steps: new Map() });
  for (const combination of matrix.values) {
    const callerScope: Scope = { ...scope, matrix: combination, env, steps: new Map() };
    const resolve = resolver(callerScope);
    const inputs = new Map(
      Object.entries(record(job['with'])).map(
        ([name, value]) => [name, evaluateField(value, resolve)] as const,
      ),
    );
    // The repository's own workflow named by its full path (`owner/repo/.github/workflows/x.yml@ref`) is
    // read from this checkout: the closest to that ref that can be read.
    const own = /^([^/]+\/[^/]+)\/(\.github\/workflows\/[^@]+)@/.exec(uses);
    const repository = options.runner['GITHUB_REPOSITORY'];
    const local = uses.startsWith('./')
      ? uses.replace(/^\.\//, '').split('@')[0]!
      : own && repository && own[1]!.toLowerCase() === repository.toLowerCase()
        ? own[2]!
        : undefined;
    if (local === undefined) {
      const given = [...inputs].map(([name, value]) => `${name}=${shown(asText(value))}`).join(', ');
      collected.mayPush.push({
        where: at,
        message: `${uses} is a reusable workflow in another repository, which pullcheck does not read${given ? `; it is given ${given.length > 200 ? `${given.slice(0, 197)}…` : given}` : ''}: add the images it pushes to \`images\``,
      });
      return outputs;
    }
    let secrets: Map<string, Value> | undefined;
    if (job['secrets'] === 'inherit') secrets = scope.secrets ? new Map(scope.secrets) : undefined;
    else
      secrets = new Map(
        Object.entries(record(job['secrets'])).map(
          ([name, value]) => [name, evaluateField(value, resolve)] as const,
        ),
      );
    const called = readOne(local, { uses, inputs, secrets, at, grant }, stack, options, collected);
    for (const [name, value] of called) if (!outputs.has(name)) outputs.set(name, value);
  }
  return outputs;
}
