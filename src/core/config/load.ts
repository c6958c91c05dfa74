import path from 'node:path';
import { writtenOrigins, type PlanOrigins } from '../origins.ts';
import { ConfigError, firstProblems, type ConfigProblem, type SourceLocation } from '../errors.ts';
import { resolveDocument } from './document.ts';
import { readUserFile } from './read-file.ts';
import { DOCUMENT_PATHS, type ConfigInput } from './schema.ts';
import { config as validateConfig } from './generated/config-validator.ts';
import { targetList as validateTargetList } from './generated/target-list-validator.ts';
import { schemaProblems, type PrecompiledValidator } from './validate.ts';
import { parseJsonSource } from './json-source.ts';
import { parseYamlSource, type ConfigPath, type YamlSource } from './yaml-source.ts';

export type { ConfigPath } from './yaml-source.ts';

/** A validated config with its documents resolved, and a way to point back at what the user wrote. */
export interface LoadedConfig {
  /** The config file as given (for messages). */
  readonly file: string;
  readonly input: ConfigInput;
  /** Where the value at `configPath` was written; the nearest written ancestor when it was not. */
  locate(configPath: ConfigPath): SourceLocation;
  /** Where the key of the last segment of `configPath` was written (for unknown keys). */
  locateKey(configPath: ConfigPath): SourceLocation;
  /** Where each image and target came from: the config's lines, and what discovery adds. */
  readonly origins: PlanOrigins;
}

/**
 * Images and targets given besides the config file (the action's `images` and `targets` inputs):
 * they are appended to the file's lists, never replace them.
 */
export interface ConfigAdditions {
  readonly images?: readonly string[];
  /** YAML text of a list of targets, and the name to report its problems under. */
  readonly targets?: { readonly text: string; readonly source: string };
}

/**
 * `whenMissing` says how to name another config file in the words of the entry that runs (the CLI's
 * `--config`, the action's `config` input).
 */
export function loadConfigFile(
  file: string,
  additions: ConfigAdditions = {},
  whenMissing = 'create it, or name another config file',
): LoadedConfig {
  const text = readUserFile(file, { file, line: 1, column: 1 }, `the config file (%CODE%); ${whenMissing}`);
  return loadConfigText(text, file, additions);
}

export function loadConfigText(text: string, file: string, additions: ConfigAdditions = {}): LoadedConfig {
  const source = configSource(text, file);
  const { locate, locateKey } = source;
  const written = source.takeValue();
  if (written === null || written === undefined) {
    throw new ConfigError({
      where: locate([]),
      message: 'the config file is empty: expected a mapping with `version: 1`',
    });
  }
  const raw = withAdditions(written, additions);
  const problems = schemaProblems(raw, validateConfig as PrecompiledValidator, { locate, locateKey });
  if (problems.length > 0) throw new ConfigError(firstProblems(problems, 'problem'));

  const input = raw as ConfigInput; // validated above against ConfigSchema
  resolveDocuments(input, locate, path.dirname(path.resolve(file)));
  // Where each image and target was written is read now, while the document is parsed: asked later,
  // locate() would parse a large config again for every plan.
  const origins = writtenOrigins({ file, input, locate, locateKey });
  source.release();
  return { file, input, locate, locateKey, origins };
}

/** A `.json` config is read on the JSON fast path when it is plain JSON; anything else by the YAML parser. */
export function configSource(text: string, file: string): YamlSource {
  return (/\.json$/i.test(file) ? parseJsonSource(text, file) : undefined) ?? parseYamlSource(text, file);
}

/** Replaces every policy document in the config with a LocatedDocument (reading `{ file: }` ones). */
function resolveDocuments(input: ConfigInput, locate: LoadedConfig['locate'], configDir: string): void {
  const problems: ConfigProblem[] = [];
  const resolve = (
    holder: Record<string, unknown> | unknown[],
    key: string | number,
    configPath: ConfigPath,
  ) => {
    const written = (holder as Record<string | number, unknown>)[key];
    if (written === null || written === undefined) return;
    try {
      // A `{ file: }` reference is reported at its path, anything else where the document starts.
      const isFile = typeof written === 'object' && 'file' in written;
      const where = () => locate(isFile ? [...configPath, 'file'] : configPath);
      (holder as Record<string | number, unknown>)[key] = resolveDocument(written, where, configDir);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
    }
  };
  const found = DOCUMENT_PATHS.flatMap(({ path: pattern, orArn }) =>
    matches(input, pattern).map((match) => ({ ...match, orArn })),
  );
  // In the order they are written, so problems are listed as the user reads the file.
  for (const { holder, key, at, orArn } of found.sort((a, b) => comparePaths(a.at, b.at))) {
    const written: unknown = (holder as Record<string | number, unknown>)[key];
    // A boundary may also be an AWS-managed policy ARN, which the AWS provider resolves.
    if (orArn && typeof written === 'string' && written.startsWith('arn:')) continue;
    resolve(holder, key, at);
  }
  if (problems.length > 0) throw new ConfigError(firstProblems(problems, 'problem'));
}

/** List entries by index; keys in the order DOCUMENT_PATHS names them (the schema's order). */
const KEY_ORDER = [...new Set(DOCUMENT_PATHS.flatMap((entry) => entry.path))];
function comparePaths(a: ConfigPath, b: ConfigPath): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i]!, b[i]!];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return KEY_ORDER.indexOf(String(x)) - KEY_ORDER.indexOf(String(y));
  }
  return a.length - b.length;
}

/** Every place a path pattern reaches in the value: its holder, key and full path (`*`: each list entry). */
function matches(
  value: unknown,
  pattern: readonly (string | '*')[],
  at: ConfigPath = [],
): { holder: Record<string, unknown> | unknown[]; key: string | number; at: ConfigPath }[] {
  if (value === null || typeof value !== 'object') return [];
  const [first, ...rest] = pattern;
  if (first === undefined) return [];
  const keys: (string | number)[] =
    first === '*'
      ? Array.isArray(value)
        ? value.map((_, i) => i)
        : []
      : Array.isArray(value)
        ? []
        : [first];
  return keys.flatMap((key) => {
    const holder = value as Record<string | number, unknown>;
    if (!(key in holder)) return [];
    const path: ConfigPath = [...at, key];
    return rest.length === 0
      ? [{ holder: value as Record<string, unknown> | unknown[], key, at: path }]
      : matches(holder[key], rest, path);
  });
}

function withAdditions(written: unknown, additions: ConfigAdditions): unknown {
  const targets = additions.targets?.text.trim() ? targetsOf(additions.targets) : [];
  const images = additions.images ?? [];
  if (images.length === 0 && targets.length === 0) return written;
  if (typeof written !== 'object' || written === null || Array.isArray(written)) return written; // the schema reports it
  const config = written as { images?: unknown; targets?: unknown };
  const append = (list: unknown, extra: readonly unknown[]) =>
    Array.isArray(list) ? [...list, ...extra] : (list ?? [...extra]);
  return { ...config, images: append(config.images, images), targets: append(config.targets, targets) };
}

/** The `targets` input: a YAML list of targets, validated on its own so problems point into it. */
function targetsOf(input: { readonly text: string; readonly source: string }): unknown[] {
  const source = parseYamlSource(input.text, input.source);
  const value = source.takeValue();
  const list = Array.isArray(value) ? value : [value];
  const problems = schemaProblems(
    list,
    validateTargetList as PrecompiledValidator,
    Array.isArray(value) ? source : shifted(source),
  );
  if (problems.length > 0) throw new ConfigError(firstProblems(problems, 'problem'));
  return list;
}

/** A single target written without the list dash: its paths lose the leading index. */
function shifted(source: {
  locate: (p: ConfigPath) => SourceLocation;
  locateKey: (p: ConfigPath) => SourceLocation;
}) {
  return {
    locate: (configPath: ConfigPath) => source.locate(configPath.slice(1)),
    locateKey: (configPath: ConfigPath) => source.locateKey(configPath.slice(1)),
  };
}
