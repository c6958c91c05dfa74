// The expression contexts of a step (docs: "Contexts"), over what discovery knows: `github` from the
// runner's non-secret variables, `env`, `matrix`, `inputs`, `steps`, `needs`, and `vars`/`secrets` only
// from `discover.variables`. Anything else is a hole naming the exact path a user can supply.
import { Holey, Unknown, type Resolve, type Value } from './expression.ts';
import { missing, type Text } from './text.ts';

/** The runner's own facts: `GITHUB_REPOSITORY` and its kin, from a fixed list (never a secret). */
export const RUNNER_VARIABLES = [
  'GITHUB_REPOSITORY',
  'GITHUB_REPOSITORY_OWNER',
  'GITHUB_REF_NAME',
  'GITHUB_REF',
  'GITHUB_REF_TYPE',
  'GITHUB_SERVER_URL',
  'GITHUB_EVENT_NAME',
  'GITHUB_BASE_REF',
  'GITHUB_HEAD_REF',
  'GITHUB_ACTOR',
  'GITHUB_SHA',
  'GITHUB_RUN_ID',
  'GITHUB_RUN_NUMBER',
  'RUNNER_OS',
  'RUNNER_ARCH',
] as const;

/**
 * Only the runner's own, non-secret variables, whatever the caller passed; and GITHUB_WORKSPACE where
 * actions/checkout puts the repository, whose last folder is its name (`basename $PWD`).
 */
export function runnerVariables(given: Readonly<Record<string, string>>): Record<string, string> {
  const runner: Record<string, string> = Object.fromEntries(
    RUNNER_VARIABLES.flatMap((name) => (given[name] ? [[name, given[name]]] : [])),
  );
  const name = runner['GITHUB_REPOSITORY']?.split('/')[1];
  if (name) runner['GITHUB_WORKSPACE'] = `/home/runner/work/${name}/${name}`;
  return runner;
}

export interface Scope {
  readonly runner: Readonly<Record<string, string>>;
  /** `discover.variables`: `NAME` or `vars.NAME`, `secrets.NAME`, or any context path. */
  readonly variables: Readonly<Record<string, string>>;
  readonly workflowName: string;
  readonly env: ReadonlyMap<string, Text>;
  /** The job's matrix combination (a hole when the matrix is computed at run time). */
  readonly matrix?: Value | undefined;
  readonly inputs: ReadonlyMap<string, Value>;
  readonly steps: ReadonlyMap<string, ReadonlyMap<string, Value>>;
  readonly needs: ReadonlyMap<string, ReadonlyMap<string, Value>>;
  /** In a called workflow: its secret names mapped to what the caller passed. */
  readonly secrets?: ReadonlyMap<string, Value> | undefined;
  readonly jobId?: string;
}

export function textValue(text: Text): Value {
  return text.every((part) => typeof part === 'string') ? text.join('') : new Holey(text);
}

const supplied = (path: string) => `add \`${path}\` under \`discover.variables\` in the config`;

/** The runner's `github` context, as far as the runner variables say. */
function githubContext(scope: Scope): Record<string, Value> {
  const runner = scope.runner;
  const repository = runner['GITHUB_REPOSITORY'];
  const context: Record<string, Value> = {
    workflow: scope.workflowName,
    server_url: runner['GITHUB_SERVER_URL'] ?? 'https://github.com',
  };
  if (repository) {
    context['repository'] = repository;
    context['repository_owner'] = runner['GITHUB_REPOSITORY_OWNER'] ?? repository.split('/')[0]!;
    context['event'] = {
      repository: {
        name: repository.split('/')[1] ?? '',
        full_name: repository,
        owner: { login: repository.split('/')[0]! },
      },
    };
  }
  const copy: [string, string][] = [
    ['ref_name', 'GITHUB_REF_NAME'],
    ['ref', 'GITHUB_REF'],
    ['ref_type', 'GITHUB_REF_TYPE'],
    ['event_name', 'GITHUB_EVENT_NAME'],
    ['base_ref', 'GITHUB_BASE_REF'],
    ['head_ref', 'GITHUB_HEAD_REF'],
    ['actor', 'GITHUB_ACTOR'],
    ['sha', 'GITHUB_SHA'],
    ['run_id', 'GITHUB_RUN_ID'],
    ['run_number', 'GITHUB_RUN_NUMBER'],
  ];
  for (const [key, name] of copy) if (runner[name] !== undefined) context[key] = runner[name];
  if (scope.jobId) context['job'] = scope.jobId;
  return context;
}

export function resolver(scope: Scope): Resolve {
  return (path) => {
    const joined = path.join('.');
    const given =
      scope.variables[joined] ??
      (path[0] === 'vars' && path.length === 2 ? scope.variables[path[1]!] : undefined);
    if (given !== undefined) return given;
    // `github.event.inputs.X` is the workflow_dispatch input X.
    if (joined.startsWith('github.event.inputs.') && path.length === 4)
      return resolver(scope)(['inputs', path[3]!]);
    return contextValue(scope, path, joined);
  };
}

/** A path `discover.variables` does not give, read from its context. */
function contextValue(scope: Scope, path: readonly string[], joined: string): Value {
  const [root, first] = path;
  switch (root) {
    case 'github':
      return githubValue(scope, path, joined);
    case 'env': {
      if (first === undefined) return null;
      const value = scope.env.get(first);
      return value ? textValue(value) : new Unknown(missing(`env.${first}`, 'the workflow does not set it'));
    }
    case 'matrix':
      return matrixValue(scope, path, joined);
    case 'inputs': {
      if (first === undefined) return null;
      const value =
        scope.inputs.get(first) ??
        [...scope.inputs].find(([name]) => name.toLowerCase() === first.toLowerCase())?.[1];
      // An input the workflow does not declare is empty (a push has no inputs); a declared one without
      // a default is a hole, which workflowInputs puts there.
      return value === undefined ? null : value;
    }
    case 'steps':
      return outputValue(scope.steps, path, joined, 'an output');
    case 'needs':
      return outputValue(scope.needs, path, joined, 'a job output');
    case 'vars':
      return new Unknown(missing(joined, `a repository variable: ${supplied(joined)}`));
    case 'secrets':
      return secretValue(scope, first, joined);
    case 'runner':
      if (first === 'os') return scope.runner['RUNNER_OS'] ?? 'Linux';
      if (first === 'arch') return scope.runner['RUNNER_ARCH'] ?? 'X64';
      return new Unknown(missing(joined));
    default:
      return new Unknown(missing(joined, supplied(joined)));
  }
}

function githubValue(scope: Scope, path: readonly string[], joined: string): Value {
  let value: Value | undefined = githubContext(scope);
  for (const key of path.slice(1)) value = member(value, key);
  if (value !== undefined && value !== null) return value;
  if (
    !scope.runner['GITHUB_REPOSITORY'] &&
    /^github\.(repository|repository_owner|event\.repository)/.test(joined)
  )
    return new Unknown(missing(joined, 'run in GitHub Actions, or ' + supplied(joined)));
  return new Unknown(
    missing(joined, `a value the runner knows only when the workflow runs; ${supplied(joined)}`),
  );
}

function matrixValue(scope: Scope, path: readonly string[], joined: string): Value {
  const first = path[1];
  if (scope.matrix instanceof Unknown) return scope.matrix;
  if (first === undefined || !scope.matrix) return new Unknown(missing(joined, 'the job has no matrix'));
  const value = member(scope.matrix, first);
  return value === undefined
    ? new Unknown(missing(joined, "not in the job's matrix"))
    : path.slice(2).reduce<Value>((v, k) => member(v, k) ?? null, value);
}

/** `steps.<id>.outputs.<name>` and `needs.<job>.outputs.<name>`: what is known, else a hole saying what. */
function outputValue(
  outputs: ReadonlyMap<string, ReadonlyMap<string, Value>>,
  path: readonly string[],
  joined: string,
  what: string,
): Value {
  const [, first, second, third] = path;
  if (first === undefined) return null;
  if (second === 'outputs' && third !== undefined) {
    const value = outputs.get(first)?.get(third);
    return value ?? new Unknown(missing(joined, `${what} pullcheck cannot compute: ${supplied(joined)}`));
  }
  return new Unknown(missing(joined));
}

function secretValue(scope: Scope, first: string | undefined, joined: string): Value {
  if (first !== undefined && scope.secrets?.has(first)) return scope.secrets.get(first)!;
  if (first === 'GITHUB_TOKEN') return new Unknown(missing(joined));
  return new Unknown(
    missing(
      joined,
      `pullcheck never reads secrets: add the image to \`images\`, or the value (if it is not secret, such as an account ID) as \`${joined}\` under \`discover.variables\``,
    ),
  );
}

function member(value: Value | undefined, key: string): Value | undefined {
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    value instanceof Unknown ||
    value instanceof Holey
  )
    return undefined;
  const record = value as Record<string, Value>;
  const name = Object.keys(record).find((k) => k.toLowerCase() === key.toLowerCase());
  return name === undefined ? undefined : record[name];
}
