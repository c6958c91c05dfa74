// An ECS task definition file in the repository (the JSON `aws ecs register-task-definition --cli-input-json`
// and the render/deploy actions read): what decides who pulls its images — executionRoleArn,
// requiresCompatibilities, each container's image and repositoryCredentials. Read confined to the
// repository and size-limited (read-file.ts), with file:line:column for every problem.
// Fields: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html
import path from 'node:path';
import { displayPath, readUserFile, repositoryRootOf, shownPath } from '../../core/config/read-file.ts';
import { parseJsonSource } from '../../core/config/json-source.ts';
import { jsonErrorOffset, lineAndColumn } from '../../core/config/json-position.ts';
import { parseYamlSource, type ConfigPath, type YamlSource } from '../../core/config/yaml-source.ts';
import { ConfigError, firstProblems, type ConfigProblem, type SourceLocation } from '../../core/errors.ts';

/** A container of the task, with the image it runs once rendered. */
export interface TaskContainer {
  readonly name: string;
  /** The image it runs: the file's, or the one `render` puts in. */
  readonly image: string;
  readonly rendered: boolean;
  /** The Secrets Manager secret of private registry authentication (repositoryCredentials). */
  readonly credentialsParameter?: string;
}

export interface TaskDefinition {
  /** The file as messages show it. */
  readonly file: string;
  readonly family?: string;
  /** executionRoleArn as written. */
  readonly executionRole?: string;
  /** requiresCompatibilities as written (absent: not stated). */
  readonly compatibilities?: readonly string[];
  readonly containers: readonly TaskContainer[];
}

/** What a config (or discovery) writes: a path, or a path with the images a render puts in, by container. */
type TaskDefinitionRef = string | { readonly file: string; readonly render?: Record<string, string> };

/** Each target's task definitions as read: live reads (their execution roles) and the rules read them once. */
const readFor = new WeakMap<object, Map<number, TaskDefinition>>();

/**
 * `target.taskDefinitions[index]` of a loaded config, read once per target object (the rules and live reads
 * ask for the same files); a file that cannot be read is a ConfigError each time it is asked for.
 */
export function taskDefinitionOf(
  config: { readonly file: string; locate(path: readonly (string | number)[]): SourceLocation },
  target: { readonly taskDefinitions?: readonly TaskDefinitionRef[] },
  targetIndex: number,
  index: number,
): TaskDefinition {
  const read = readFor.get(target) ?? new Map<number, TaskDefinition>();
  readFor.set(target, read);
  const known = read.get(index);
  if (known) return known;
  const where = config.locate(['targets', targetIndex, 'taskDefinitions', index]);
  const definition = loadTaskDefinition(target.taskDefinitions![index]!, config.file, where);
  read.set(index, definition);
  return definition;
}

/**
 * Reads the task definition `written` names, relative to the config file's folder and inside its repository;
 * a file that cannot be read or is not a task definition is a ConfigError (at `where` or in the file).
 */
export function loadTaskDefinition(
  written: TaskDefinitionRef,
  configFile: string,
  where: SourceLocation,
): TaskDefinition {
  const relative = typeof written === 'string' ? written : written.file;
  const configDir = path.dirname(path.resolve(configFile));
  const absolute = path.resolve(configDir, relative);
  const file = shownPath(displayPath(absolute));
  const text = readUserFile(
    absolute,
    where,
    `${shownPath(relative)} (%CODE%): expected an ECS task definition JSON file, relative to the config file`,
    repositoryRootOf(configDir),
  );
  const render = typeof written === 'string' ? {} : (written.render ?? {});
  return parseTaskDefinition(text, file, render, where);
}

/** The task definition in `text` (JSON; its problems placed in `file`), with `render`'s images put in. */
export function parseTaskDefinition(
  text: string,
  file: string,
  render: Readonly<Record<string, string>>,
  renderWhere: SourceLocation,
): TaskDefinition {
  const source = jsonSource(text, file);
  const value = source.takeValue();
  const problems: ConfigProblem[] = [];
  const problem = (at: ConfigPath, message: string) => problems.push({ where: source.locate(at), message });
  if (!isObject(value)) {
    problem([], 'expected an ECS task definition: a JSON object with containerDefinitions');
    throw new ConfigError(problems);
  }
  const executionRole = optionalString(value, ['executionRoleArn'], problem);
  const family = optionalString(value, ['family'], problem);
  const compatibilities = stringList(value['requiresCompatibilities'], ['requiresCompatibilities'], problem);
  const containers = containersOf(value['containerDefinitions'], problem);
  if (problems.length > 0) throw new ConfigError(firstProblems(problems, 'problem'));
  return {
    file,
    ...(family !== undefined ? { family } : {}),
    ...(executionRole !== undefined ? { executionRole } : {}),
    ...(compatibilities !== undefined ? { compatibilities } : {}),
    containers: rendered(containers, render, file, renderWhere),
  };
}

/**
 * The file as JSON with positions. Text JSON.parse refuses is a problem at its line and column (without the
 * text: a task definition can hold secrets in its environment); valid JSON with a key written twice takes
 * the YAML parser, which reports the duplicate at its line.
 */
function jsonSource(text: string, file: string): YamlSource {
  const fast = parseJsonSource(text, file);
  if (fast) return fast;
  try {
    JSON.parse(text);
  } catch {
    let offset: number | undefined;
    try {
      offset = jsonErrorOffset(text);
    } catch {
      offset = undefined;
    }
    const { line, column } = offset === undefined ? { line: 1, column: 1 } : lineAndColumn(text, offset);
    throw new ConfigError({
      where: { file, line, column },
      message:
        'invalid JSON: a syntax error at this line and column (the text is not repeated: it may hold a secret); expected an ECS task definition',
    });
  }
  return parseYamlSource(text, file);
}

type Problem = (at: ConfigPath, message: string) => void;

function containersOf(written: unknown, problem: Problem): TaskContainer[] {
  if (!Array.isArray(written) || written.length === 0) {
    problem(['containerDefinitions'], 'containerDefinitions: expected a list of container definitions');
    return [];
  }
  return written.flatMap((container: unknown, i): TaskContainer[] => {
    const at = ['containerDefinitions', i];
    if (!isObject(container)) {
      problem(at, `containerDefinitions[${i}]: expected a container definition (an object)`);
      return [];
    }
    const name = requiredString(container, [...at, 'name'], problem);
    const image = requiredString(container, [...at, 'image'], problem);
    const credentials = container['repositoryCredentials'];
    const credentialsParameter =
      credentials === undefined
        ? undefined
        : isObject(credentials)
          ? requiredString(credentials, [...at, 'repositoryCredentials', 'credentialsParameter'], problem)
          : (problem([...at, 'repositoryCredentials'], 'repositoryCredentials: expected an object'),
            undefined);
    if (name === undefined || image === undefined) return [];
    return [{ name, image, rendered: false, ...(credentialsParameter ? { credentialsParameter } : {}) }];
  });
}

/**
 * The containers with the render's images put in. The render action fails on a container name the task
 * definition does not have (aws-actions/amazon-ecs-render-task-definition, index.js: "Invalid task
 * definition: Could not find container definition with matching name"), so that is a problem here too.
 */
function rendered(
  containers: readonly TaskContainer[],
  render: Readonly<Record<string, string>>,
  file: string,
  where: SourceLocation,
): TaskContainer[] {
  const names = new Set(containers.map((container) => container.name));
  const unknownNames = Object.keys(render).filter((name) => !names.has(name));
  if (unknownNames.length > 0)
    throw new ConfigError({
      where,
      message: `${file} has no container named ${unknownNames.map((name) => shownPath(name)).join(', ')} to render an image into (its containers: ${[...names].map((name) => shownPath(name)).join(', ')})`,
    });
  return containers.map((container) => {
    const image = render[container.name];
    return image === undefined ? container : { ...container, image, rendered: true };
  });
}

function requiredString(
  object: Record<string, unknown>,
  at: ConfigPath,
  problem: Problem,
): string | undefined {
  const value = object[String(at.at(-1))];
  if (typeof value === 'string' && value !== '') return value;
  problem(at, `${dotted(at)}: expected a non-empty string`);
  return undefined;
}

function optionalString(
  object: Record<string, unknown>,
  at: ConfigPath,
  problem: Problem,
): string | undefined {
  const value = object[String(at.at(-1))];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value === '' ? undefined : value;
  problem(at, `${dotted(at)}: expected a string`);
  return undefined;
}

function stringList(value: unknown, at: ConfigPath, problem: Problem): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  problem(at, `${dotted(at)}: expected a list of strings`);
  return undefined;
}

function dotted(at: ConfigPath): string {
  return at.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
