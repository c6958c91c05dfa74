// Schema problems as the user reads them: each at its file position, with what was expected. The
// validators are compiled at build time (npm run generate:schema), so no Ajv compiler runs at start-up.
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { ConfigProblem, SourceLocation } from '../errors.ts';
import { didYouMean } from '../did-you-mean.ts';
import { quotedValue } from '../quoted-value.ts';

type Path = readonly (string | number)[];
interface Locator {
  locate(configPath: Path): SourceLocation;
  locateKey(configPath: Path): SourceLocation;
}

/** A validator compiled ahead of time by Ajv standalone (a generated module's export). */
export type PrecompiledValidator = ValidateFunction;

/** Schema problems in `raw`, each at the place the user wrote it, with what was expected. */
/** `rootName` names the document in messages about its top level ("the config", "the RoleBinding"). */
export function schemaProblems(
  raw: unknown,
  validate: PrecompiledValidator,
  where: Locator,
  rootName = 'the config',
): ConfigProblem[] {
  if (validate(raw)) return [];
  const problems = new Map<string, ConfigProblem>();
  for (const error of relevantErrors(validate.errors ?? [])) {
    const configPath = pointerToPath(error.instancePath);
    const problem = describe(error, configPath, where, rootName);
    problems.set(`${problem.where.line}:${problem.where.column}:${problem.message}`, problem);
  }
  return [...problems.values()];
}

/**
 * Ajv reports a failing `anyOf` once per branch plus a summary; the user needs one line per place.
 * Keep the deepest errors and, for an anyOf, only its summary (its schema's description says what fits).
 */
function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const anyOfPaths = errors.filter((error) => error.keyword === 'anyOf').map((error) => error.schemaPath);
  return errors.filter(
    (error) =>
      !anyOfPaths.some(
        (prefix) => error.schemaPath !== prefix && error.schemaPath.startsWith(prefix.replace(/anyOf$/, '')),
      ) || error.keyword === 'anyOf',
  );
}

function describe(error: ErrorObject, configPath: Path, where: Locator, rootName: string): ConfigProblem {
  // Keys in the path are the user's too (a map's keys): quoted like any value, on one bounded line.
  const name = configPath.length > 0 ? quotedValue(formatConfigPath(configPath)) : rootName;
  const schema = error.parentSchema as { description?: string } | undefined;
  const expected = schema?.description;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params['additionalProperty']);
      const parent = error.parentSchema as { properties?: object; patternProperties?: object } | undefined;
      const allowed = Object.keys(parent?.properties ?? {});
      // A map (discover.variables, auth.aws.roles) names its keys by pattern, not by list.
      const expectedKeys =
        allowed.length > 0
          ? `expected one of: ${allowed.join(', ')}`
          : `keys must match ${Object.keys(parent?.patternProperties ?? {}).join(' or ')}`;
      return {
        where: where.locateKey([...configPath, key]),
        message: `unknown key ${quotedValue(key)} in ${name}${didYouMean(key, allowed)}; ${expectedKeys}`,
      };
    }
    case 'required':
      return {
        where: where.locate(configPath),
        message: `missing required key \`${String(error.params['missingProperty'])}\` in ${name}`,
      };
    case 'discriminator': {
      const tag = String(error.params['tag']);
      const variants =
        (error.parentSchema as { oneOf?: { properties: Record<string, { const: string }> }[] })?.oneOf ?? [];
      const values = variants.flatMap((variant) => variant.properties[tag]?.const ?? []);
      return {
        where: where.locate([...configPath, tag]),
        message: `${quotedValue(formatConfigPath([...configPath, tag]))} ${oneOf(values, error.params['tagValue'])}`,
      };
    }
    case 'const':
      return {
        where: where.locate(configPath),
        message: `${name} must be ${JSON.stringify(error.params['allowedValue'])}`,
      };
    case 'anyOf': {
      // A union of literals: its description when it has one, else the list; a near miss is named.
      const values = constantsOf(error.parentSchema);
      const message =
        values && expected === undefined
          ? `${name} ${oneOf(values, error.data)}`
          : `${name}: expected ${expected ?? describeKeyword(error)}${values && typeof error.data === 'string' ? didYouMean(error.data, values) : ''}`;
      return { where: where.locate(configPath), message };
    }
    case 'pattern':
    case 'type':
    case 'minLength':
    case 'maxLength':
      return {
        where: where.locate(configPath),
        message: `${name}: expected ${expected ?? describeKeyword(error)}`,
      };
    default:
      return { where: where.locate(configPath), message: `${name} ${error.message ?? 'is invalid'}` };
  }
}

/** `targets[0].roles[1]`, the way people write paths into YAML. */
function formatConfigPath(configPath: Path): string {
  return configPath
    .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`))
    .join('');
}

function describeKeyword(error: ErrorObject): string {
  if (error.keyword === 'type') return `a value of type ${String(error.params['type'])}`;
  if (error.keyword === 'minLength') return 'a non-empty string';
  if (error.keyword === 'maxLength') return `at most ${String(error.params['limit'])} characters`;
  return error.message ?? 'a different value';
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** The allowed values of an anyOf whose every branch is one constant (a union of literals), else undefined. */
function constantsOf(schema: unknown): string[] | undefined {
  const branches = (schema as { anyOf?: { const?: unknown }[] } | undefined)?.anyOf ?? [];
  const values = branches.map((branch) => branch.const);
  return values.length > 0 && values.every((value) => typeof value === 'string')
    ? (values as string[])
    : undefined;
}

/** "must be one of: a | b; got `c` (did you mean `a`?)", for an enumerated value written wrong. */
function oneOf(allowed: readonly string[], written: unknown): string {
  const list = `must be one of: ${allowed.join(' | ')}`;
  if (written === undefined) return list;
  const text = typeof written === 'string' ? written : JSON.stringify(written);
  return `${list}; got ${quotedValue(text)}${typeof written === 'string' ? didYouMean(written, allowed) : ''}`;
}
