// A job's matrix as the runner expands it (docs: "Running variations of jobs in a workflow"): the
// product of its lists, less `exclude`, with `include` entries added to the combinations whose original
// values they do not overwrite, or as combinations of their own. A list or matrix computed at run time
// (`fromJSON(needs.x.outputs.y)`) is a hole that every `matrix.*` expression then names.
import { evaluateField, Holey, holeOf, toValue, Unknown, type Value } from './expression.ts';
import { resolver, type Scope } from './scope.ts';

const MAX_COMBINATIONS = 256;

export interface Matrix {
  /** Each combination: an object, or a hole when the whole matrix is unknown. */
  readonly values: Value[];
  /** How many combinations there were when more than were kept. */
  readonly truncated?: number;
}

export function combinations(raw: unknown, scope: Scope): Matrix {
  if (raw === undefined || raw === null) return { values: [{}] };
  const resolve = resolver(scope);
  const matrix = typeof raw === 'string' ? evaluateField(raw, resolve) : raw;
  if (matrix instanceof Unknown) return { values: [matrix] };
  if (matrix instanceof Holey) return { values: [new Unknown(holeOf(matrix)!)] };
  if (typeof matrix !== 'object' || Array.isArray(matrix)) return { values: [{}] };
  const entries = matrix as Record<string, unknown>;
  let product: Record<string, Value>[] = [{}];
  for (const [key, listValue] of Object.entries(entries)) {
    if (key === 'include' || key === 'exclude') continue;
    const list = typeof listValue === 'string' ? evaluateField(listValue, resolve) : toValue(listValue);
    // A list computed at run time is one combination whose value is the hole.
    const items: readonly Value[] = Array.isArray(list) ? list : [list];
    product = product.flatMap((combination) => items.map((item) => ({ ...combination, [key]: item })));
    if (product.length > 4096) break;
  }
  const original = new Set(Object.keys(entries).filter((key) => key !== 'include' && key !== 'exclude'));
  const exclude = listOf(entries['exclude'], resolve);
  product = product.filter((combination) => !exclude.some((rule) => matches(combination, rule)));
  if (original.size === 0) product = [];
  // An include extends the combinations of the lists (never one an earlier include created), or is its own.
  const added: Record<string, Value>[] = [];
  for (const include of listOf(entries['include'], resolve)) {
    let extended = false;
    for (const combination of product) {
      const overwrites = Object.entries(include).some(
        ([key, value]) => original.has(key) && key in combination && !same(combination[key]!, value),
      );
      if (!overwrites) {
        Object.assign(combination, include);
        extended = true;
      }
    }
    if (!extended) added.push({ ...include });
  }
  product = [...product, ...added];
  if (product.length === 0) return { values: [{}] };
  return product.length > MAX_COMBINATIONS
    ? { values: product.slice(0, MAX_COMBINATIONS), truncated: product.length }
    : { values: product };
}

function listOf(raw: unknown, resolve: ReturnType<typeof resolver>): Record<string, Value>[] {
  const value = typeof raw === 'string' ? evaluateField(raw, resolve) : raw;
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (item): item is Record<string, unknown> =>
        typeof item === 'object' && item !== null && !Array.isArray(item),
    )
    .map((item) =>
      Object.fromEntries(Object.entries(item).map(([key, entry]) => [key, evaluateField(entry, resolve)])),
    );
}

function matches(combination: Record<string, Value>, rule: Record<string, Value>): boolean {
  return Object.entries(rule).every(([key, value]) => key in combination && same(combination[key]!, value));
}

function same(a: Value, b: Value): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
