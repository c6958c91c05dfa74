import path from 'node:path';
import { ConfigError, type ConfigProblem, type SourceLocation } from '../errors.ts';
import { resolveDocument } from './document.ts';
import { readUserFile } from './read-file.ts';
import { ConfigSchema, type ConfigInput } from './schema.ts';
import { schemaProblems } from './validate.ts';
import { parseYamlSource, type ConfigPath } from './yaml-source.ts';

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
}

export function loadConfigFile(file: string): LoadedConfig {
  const text = readUserFile(
    file,
    { file, line: 1, column: 1 },
    'the config file (%CODE%); pass --config FILE or create .github/pullcheck.yml',
  );
  return loadConfigText(text, file);
}

export function loadConfigText(text: string, file: string): LoadedConfig {
  const source = parseYamlSource(text, file);
  const { locate, locateKey } = source;
  const raw = source.takeValue();
  if (raw === null || raw === undefined) {
    throw new ConfigError({
      where: locate([]),
      message: 'the config file is empty: expected a mapping with `version: 1`',
    });
  }
  const problems = schemaProblems(raw, ConfigSchema, { locate, locateKey });
  if (problems.length > 0) throw new ConfigError(problems);

  const input = raw as ConfigInput; // validated above against ConfigSchema
  resolveDocuments(input, locate, path.dirname(path.resolve(file)));
  source.release();
  return { file, input, locate, locateKey };
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
      const where = locate(isFile ? [...configPath, 'file'] : configPath);
      (holder as Record<string | number, unknown>)[key] = resolveDocument(written, where, configDir);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
    }
  };
  const aws = input.facts?.aws;
  aws?.roles?.forEach((role, r) => {
    role.policies?.forEach((_, p) => resolve(role.policies!, p, ['facts', 'aws', 'roles', r, 'policies', p]));
    const boundary: unknown = role.permissionsBoundary;
    // A boundary may also be an AWS-managed policy ARN, which the AWS provider resolves.
    if (!(typeof boundary === 'string' && boundary.startsWith('arn:'))) {
      resolve(role as Record<string, unknown>, 'permissionsBoundary', [
        'facts',
        'aws',
        'roles',
        r,
        'permissionsBoundary',
      ]);
    }
  });
  aws?.repositories?.forEach((repository, i) =>
    resolve(repository as Record<string, unknown>, 'policy', ['facts', 'aws', 'repositories', i, 'policy']),
  );
  aws?.registries?.forEach((registry, i) =>
    resolve(registry as Record<string, unknown>, 'policy', ['facts', 'aws', 'registries', i, 'policy']),
  );
  input.facts?.gcp?.iamPolicies?.forEach((entry, i) =>
    resolve(entry as Record<string, unknown>, 'policy', ['facts', 'gcp', 'iamPolicies', i, 'policy']),
  );
  if (problems.length > 0) throw new ConfigError(problems);
}
