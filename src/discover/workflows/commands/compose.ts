// `docker compose push` (and `docker-compose push`, `docker compose build --push`): the services that
// have both `build` and `image` are pushed to their `image` (compose's push skips services it does not
// build). The file is the `-f` files merged in order, else compose.yaml / docker-compose.yml in the
// project directory; `${VAR}`, `${VAR:-default}` and `$$` interpolate from the command's environment
// and the project's `.env` (compose-spec "Interpolation").
import { parse as parseYaml } from 'yaml';
import { parseYamlSource } from '../../../core/config/yaml-source.ts';
import type { SourceLocation } from '../../../core/errors.ts';
import { concat, missing, type Text } from '../text.ts';
import { afterSubcommand, optionSet, optionValues, parseArguments, wordText } from './arguments.ts';
import type { CommandContext, CommandHandler, RepositoryFile } from './context.ts';

const COMPOSE_GLOBAL = optionSet(
  '--file -f --project-name -p --project-directory --env-file --profile --parallel --ansi --progress',
);
const DEFAULT_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

export const composePush: CommandHandler = (words, context) => {
  const standalone = wordText(words[0]) === 'docker-compose';
  const start = standalone ? words.slice(1) : afterSubcommand(words, ['docker', 'compose'], optionSet(''));
  if (!start) return false;
  // Global options come before the subcommand.
  let i = 0;
  const globals: (typeof start)[number][] = [];
  while (wordText(start[i])?.startsWith('-')) {
    const option = wordText(start[i])!;
    globals.push(start[i]!);
    if (COMPOSE_GLOBAL.has(option)) globals.push(start[++i] ?? []);
    i++;
  }
  const subcommand = wordText(start[i]);
  const rest = parseArguments(
    start.slice(i + 1),
    optionSet('--builder --build-arg --ssh --memory -m --progress'),
  );
  const pushing = subcommand === 'push' || (subcommand === 'build' && rest.flags.has('--push'));
  if (subcommand !== 'push' && subcommand !== 'build') return subcommand !== undefined && standalone;
  if (!pushing) return true;
  const global = parseArguments(globals, COMPOSE_GLOBAL);
  const named = optionValues(global, '--file', '-f').map(wordText);
  if (named.some((name) => name === undefined)) {
    context.sink.mayPush(
      '`docker compose push` reads a compose file whose name is known only at run time: add its images to `images`',
    );
    return true;
  }
  const directory = wordText(optionValues(global, '--project-directory')[0]);
  const files = named.length > 0 ? (named as string[]) : DEFAULT_FILES;
  const read = files.map((file) => context.read(directory ? `${directory}/${file}` : file));
  const found = named.length > 0 ? read : read.filter(Boolean).slice(0, 1);
  if (found.length === 0 || found.some((file) => file === undefined)) {
    context.sink.mayPush(
      `\`docker compose push\` reads ${named.length > 0 ? named.join(', ') : 'compose.yaml or docker-compose.yml'}, which is not in the repository: add its images to \`images\``,
    );
    return true;
  }
  const services = mergedServices(found as RepositoryFile[], context);
  if (!services) return true;
  const only = new Set(rest.positionals.map(wordText).filter((name): name is string => name !== undefined));
  const environment = withDotEnv(context, directory);
  for (const [name, service] of Object.entries(services)) {
    if (only.size > 0 && !only.has(name)) continue;
    if (service.build === undefined || typeof service.image !== 'string') continue;
    context.sink.destination(
      interpolate(service.image, environment),
      'docker compose push',
      imageLine(found as RepositoryFile[], name),
    );
  }
  return true;
};

/** Where the service's image is written: the last file that sets it is the one to change. */
function imageLine(files: readonly RepositoryFile[], name: string): SourceLocation | undefined {
  for (const file of [...files].reverse()) {
    try {
      const source = parseYamlSource(file.text, file.file);
      const services = (source.takeValue() as { services?: Record<string, { image?: unknown }> } | null)
        ?.services;
      if (services?.[name]?.image !== undefined) return source.locate(['services', name, 'image']);
    } catch {
      continue;
    }
  }
  return undefined;
}

type Service = { build?: unknown; image?: unknown };

function mergedServices(
  files: RepositoryFile[],
  context: CommandContext,
): Record<string, Service> | undefined {
  const services: Record<string, Service> = {};
  for (const file of files) {
    let document: unknown;
    try {
      document = parseYaml(file.text);
    } catch {
      context.sink.problem(`${file.file} is not valid YAML: its services' images are not discovered`);
      return undefined;
    }
    const entries = (document as { services?: unknown } | null)?.services;
    if (typeof entries !== 'object' || entries === null) continue;
    for (const [name, service] of Object.entries(entries as Record<string, unknown>)) {
      if (typeof service === 'object' && service !== null)
        services[name] = { ...services[name], ...(service as Service) };
    }
  }
  return services;
}

/** The project's `.env` supplies variables the environment does not set. */
function withDotEnv(context: CommandContext, directory: string | undefined): Map<string, Text> {
  const environment = new Map(context.environment);
  const dotenv = context.read(directory ? `${directory}/.env` : '.env');
  for (const line of dotenv?.text.split('\n') ?? []) {
    const match = /^\s*(?:export\s+)?([A-Za-z_]\w*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match && !environment.has(match[1]!))
      environment.set(match[1]!, [match[2]!.replace(/^(['"])(.*)\1$/, '$2')]);
  }
  return environment;
}

/** compose-spec interpolation: `$VAR`, `${VAR}`, `${VAR:-d}`, `${VAR-d}`, `${VAR:?e}`, `$$`. */
export function interpolate(text: string, environment: ReadonlyMap<string, Text>): Text {
  const parts: Text[] = [];
  let at = 0;
  for (const match of text.matchAll(/\$\$|\$\{([A-Za-z_]\w*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_]\w*)/g)) {
    parts.push([text.slice(at, match.index)]);
    at = match.index + match[0].length;
    if (match[0] === '$$') {
      parts.push(['$']);
      continue;
    }
    const name = match[1] ?? match[4]!;
    const value = environment.get(name);
    const operator = match[2];
    const empty = value === undefined || (operator?.startsWith(':') && value.length === 0);
    if (operator?.endsWith('-') && empty) parts.push([match[3]!]);
    else if (operator?.endsWith('+')) parts.push(empty ? [] : [match[3]!]);
    else
      parts.push(
        value ?? [
          missing(
            `$${name}`,
            'the compose file reads it from the environment, which the workflow does not set',
          ),
        ],
      );
  }
  parts.push([text.slice(at)]);
  return concat(...parts);
}
