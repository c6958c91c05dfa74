import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { ConfigProblem, SourceLocation } from '../errors.ts';
import type { TSchema } from '@sinclair/typebox';
import { AJV_OPTIONS } from './ajv-options.ts';
import validateConfig from './generated/config-validator.ts';
import { ConfigSchema } from './schema.ts';

type Path = readonly (string | number)[];
interface Locator {
  locate(configPath: Path): SourceLocation;
  locateKey(configPath: Path): SourceLocation;
}

const ajv = new Ajv(AJV_OPTIONS);
// The config's validator is compiled ahead of time (npm run generate:schema); the others when first used.
const compiled = new WeakMap<TSchema, ValidateFunction>([
  [ConfigSchema, validateConfig as unknown as ValidateFunction],
]);

function validator(schema: TSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Schema problems in `raw`, each at the place the user wrote it, with what was expected. */
/** `rootName` names the document in messages about its top level ("the config", "the RoleBinding"). */
export function schemaProblems(
  raw: unknown,
  schema: TSchema,
  where: Locator,
  rootName = 'the config',
): ConfigProblem[] {
  const validate = validator(schema);
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
  const name = configPath.length > 0 ? `\`${formatConfigPath(configPath)}\`` : rootName;
  const schema = error.parentSchema as { description?: string } | undefined;
  const expected = schema?.description;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params['additionalProperty']);
      const allowed = Object.keys(
        (error.parentSchema as { properties?: object } | undefined)?.properties ?? {},
      );
      return {
        where: where.locateKey([...configPath, key]),
        message: `unknown key \`${key}\` in ${name}${suggest(key, allowed)}; expected one of: ${allowed.join(', ')}`,
      };
    }
    case 'required':
      return {
        where: where.locate(configPath),
        message: `missing required key \`${String(error.params['missingProperty'])}\` in ${name}`,
      };
    case 'discriminator': {
      const tag = String(error.params['tag']);
      const platforms = (
        (error.parentSchema as { oneOf?: { properties: Record<string, { const: string }> }[] })?.oneOf ?? []
      )
        .map((variant) => variant.properties[tag]?.const)
        .join(' | ');
      return {
        where: where.locate([...configPath, tag]),
        message: `\`${formatConfigPath([...configPath, tag])}\` must be one of: ${platforms}`,
      };
    }
    case 'const':
      return {
        where: where.locate(configPath),
        message: `${name} must be ${JSON.stringify(error.params['allowedValue'])}`,
      };
    case 'pattern':
    case 'type':
    case 'minLength':
    case 'anyOf':
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

/** "did you mean" for a typo: the allowed key closest by edit distance, when it is close. */
function suggest(key: string, allowed: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const candidate of allowed) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best === undefined ? '' : ` (did you mean \`${best}\`?)`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
