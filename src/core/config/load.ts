import path from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { ConfigError, type ConfigProblem, type SourceLocation } from '../errors.ts';
import { resolveDocument } from './document.ts';
import { readUserFile } from './read-file.ts';
import type { ConfigInput } from './schema.ts';
import { schemaProblems } from './validate.ts';

export type ConfigPath = readonly (string | number)[];

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
  const parse = () => {
    const lineCounter = new LineCounter();
    const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    return { document, lineCounter };
  };
  let parsed: ReturnType<typeof parse> | undefined = parse();
  const { document } = parsed;
  // The parsed document (tens of MB for a large config) is released after loading; a later
  // locate() (plan errors, annotations) parses the text again.
  const located = (configPath: ConfigPath, keyOfLast: boolean): SourceLocation => {
    parsed ??= parse();
    const { line, col } = parsed.lineCounter.linePos(offsetOf(parsed.document, configPath, keyOfLast));
    return { file, line, column: col };
  };
  const at = (offset: number): SourceLocation => {
    const { line, col } = (parsed ??= parse()).lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  if (document.errors.length > 0) {
    throw new ConfigError(
      document.errors.map((error) => ({
        where: at(error.pos[0]),
        message: `YAML syntax error: ${firstLine(error.message)}`,
      })),
    );
  }
  const locate = (configPath: ConfigPath) => located(configPath, false);
  const locateKey = (configPath: ConfigPath) => located(configPath, true);
  const raw: unknown = document.toJS({ maxAliasCount: 100 });
  if (raw === null || raw === undefined) {
    throw new ConfigError({
      where: at(0),
      message: 'the config file is empty: expected a mapping with `version: 1`',
    });
  }
  const problems = schemaProblems(raw, { locate, locateKey });
  if (problems.length > 0) throw new ConfigError(problems);

  const input = raw as ConfigInput; // validated above against ConfigSchema
  resolveDocuments(input, locate, path.dirname(path.resolve(file)));
  parsed = undefined;
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

/** Source offset of the node at `configPath`, or of its nearest ancestor that exists. */
function offsetOf(document: Document, configPath: ConfigPath, keyOfLast: boolean): number {
  let node: unknown = document.contents;
  let offset = (document.contents as Node | null)?.range?.[0] ?? 0;
  for (const [index, segment] of configPath.entries()) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (pair && isScalar(pair.key) && pair.key.range) {
        offset = pair.key.range[0];
        if (keyOfLast && index === configPath.length - 1) return offset;
      }
      next = pair?.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
    }
    const range = (next as Node | null | undefined)?.range;
    if (!range) return offset;
    offset = range[0];
    node = next;
  }
  return offset;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
