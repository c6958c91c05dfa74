// GitHub Actions expressions (`${{ … }}`), evaluated as the runner does — literals, context
// properties, `!`, comparisons, `&&`/`||` with their value-returning semantics, and the built-in
// functions — over what the repository says. A value that depends on something discovery cannot
// know (a secret, an unset variable, a step's output from outside) stays a hole naming that fact.
// https://docs.github.com/actions/reference/workflows-and-actions/expressions
import { ExpressionSyntaxError, parseExpression, type Node } from './expression-syntax.ts';
import { concat, isMissing, missing, type Missing, type Text } from './text.ts';

/** A whole value that cannot be known. */
export class Unknown {
  constructor(readonly missing: Missing) {}
}

/** A string with holes (`ghcr.io/${{ secrets.OWNER }}/app`). */
export class Holey {
  constructor(readonly text: Text) {}
}

export type Value =
  null | boolean | number | string | Unknown | Holey | readonly Value[] | { readonly [key: string]: Value };

/** Looks up a context path (`['github', 'repository']`); `undefined` when the path does not exist. */
export type Resolve = (path: readonly string[]) => Value | undefined;

/** `text` with each `${{ expression }}` replaced by its value (a hole when unknown). */
export function interpolate(text: string, resolve: Resolve): Text {
  const parts: Text[] = [];
  let at = 0;
  for (;;) {
    const open = text.indexOf('${{', at);
    if (open === -1) break;
    const close = text.indexOf('}}', open + 3);
    if (close === -1) break;
    parts.push([text.slice(at, open)]);
    parts.push(asText(evaluate(text.slice(open + 3, close), resolve)));
    at = close + 2;
  }
  parts.push([text.slice(at)]);
  return concat(...parts);
}

/** A field's value: the expression's own value when the field is one `${{ … }}`, else the interpolated text. */
export function evaluateField(value: unknown, resolve: Resolve): Value {
  if (typeof value !== 'string') return toValue(value);
  const whole = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/.exec(value);
  if (whole && !whole[1]!.includes('}}')) return evaluate(whole[1]!, resolve);
  if (!value.includes('${{')) return value;
  const text = interpolate(value, resolve);
  return text.some(isMissing) ? new Holey(text) : text.join('');
}

export function evaluate(expression: string, resolve: Resolve): Value {
  try {
    return evaluateNode(parseExpression(expression), resolve);
  } catch (error) {
    if (!(error instanceof ExpressionSyntaxError)) throw error;
    return new Unknown(missing(`a valid expression instead of \`${shorten(expression.trim())}\``));
  }
}

/** A value as it is written into a string: GitHub's own conversions. */
export function asText(value: Value): Text {
  if (value instanceof Unknown) return [value.missing];
  if (value instanceof Holey) return value.text;
  if (value === null) return [];
  if (Array.isArray(value)) return ['Array'];
  if (typeof value === 'object') return ['Object'];
  return [String(value)];
}

/** Truthiness, or undefined when it depends on a hole. */
export function truthy(value: Value): boolean | undefined {
  if (value instanceof Unknown) return undefined;
  if (value instanceof Holey)
    return value.text.some((part) => typeof part === 'string' && part !== '') || undefined;
  if (value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  if (typeof value === 'string') return value !== '';
  return true;
}

/** The first hole a value depends on. */
export function holeOf(value: Value): Missing | undefined {
  if (value instanceof Unknown) return value.missing;
  if (value instanceof Holey) return value.text.find(isMissing);
  return undefined;
}

/** YAML/JSON data as a value. */
export function toValue(data: unknown): Value {
  if (data === undefined || data === null) return null;
  if (['string', 'number', 'boolean'].includes(typeof data)) return data as string | number | boolean;
  if (Array.isArray(data)) return data.map(toValue);
  if (typeof data === 'object')
    return Object.fromEntries(Object.entries(data).map(([key, entry]) => [key, toValue(entry)]));
  return null;
}

// ---- evaluation ----

function evaluateNode(node: Node, resolve: Resolve): Value {
  switch (node.type) {
    case 'literal':
      return node.value;
    case 'name':
    case 'member': {
      const path = staticPath(node);
      if (path) return resolve(path) ?? null;
      if (node.type === 'name') return null;
      return property(evaluateNode(node.object, resolve), evaluateNode(node.key, resolve));
    }
    case 'not': {
      const operand = evaluateNode(node.operand, resolve);
      const value = truthy(operand);
      return value === undefined ? unknownFrom(operand) : !value;
    }
    case 'call':
      return call(
        node.name,
        node.args.map((arg) => evaluateNode(arg, resolve)),
      );
    case 'binary':
      return binary(node.op, node.left, node.right, resolve);
  }
}

/** `steps.login.outputs.registry` as a path, when every key is written literally. */
function staticPath(node: Node): string[] | undefined {
  if (node.type === 'name') return [node.name];
  if (node.type !== 'member' || node.key.type !== 'literal' || typeof node.key.value !== 'string')
    return undefined;
  if (node.key.value === '*') return undefined;
  const base = staticPath(node.object);
  return base && [...base, node.key.value];
}

function property(object: Value, key: Value): Value {
  if (object instanceof Unknown) return object;
  if (key instanceof Unknown || key instanceof Holey) return unknownFrom(key);
  if (key === '*') return new Unknown(missing('an object filter (`.*`) over run-time data'));
  if (Array.isArray(object)) return typeof key === 'number' ? (object[key] ?? null) : null;
  if (typeof object === 'object' && object !== null && !(object instanceof Holey)) {
    const entries = object as { readonly [key: string]: Value };
    // Property names are case-insensitive.
    const name = Object.keys(entries).find((k) => k.toLowerCase() === String(key).toLowerCase());
    return name === undefined ? null : entries[name]!;
  }
  return null;
}

function binary(op: string, leftNode: Node, rightNode: Node, resolve: Resolve): Value {
  const left = evaluateNode(leftNode, resolve);
  if (op === '||' || op === '&&') {
    const decided = truthy(left);
    if (decided === undefined) return unknownFrom(left);
    if (op === '||') return decided ? left : evaluateNode(rightNode, resolve);
    return decided ? evaluateNode(rightNode, resolve) : left;
  }
  const right = evaluateNode(rightNode, resolve);
  for (const side of [left, right]) if (holeOf(side)) return unknownFrom(side);
  const compared = compare(left, right);
  if (op === '==') return compared === 0;
  if (op === '!=') return compared !== 0;
  if (compared === undefined) return false;
  if (op === '<') return compared < 0;
  if (op === '<=') return compared <= 0;
  if (op === '>') return compared > 0;
  return compared >= 0;
}

/** GitHub's loose comparison: strings case-insensitively, otherwise as numbers. */
function compare(left: Value, right: Value): number | undefined {
  if (typeof left === 'string' && typeof right === 'string') {
    const [a, b] = [left.toLowerCase(), right.toLowerCase()];
    return a === b ? 0 : a < b ? -1 : 1;
  }
  if ((typeof left === 'object' && left !== null) || (typeof right === 'object' && right !== null))
    return left === right ? 0 : undefined;
  const [a, b] = [toNumber(left), toNumber(right)];
  if (Number.isNaN(a) || Number.isNaN(b)) return undefined;
  return a === b ? 0 : a < b ? -1 : 1;
}

function toNumber(value: Value): number {
  if (value === null) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.trim() === '' ? 0 : Number(value);
  return Number.NaN;
}

function call(name: string, args: Value[]): Value {
  switch (name) {
    case 'format': {
      const [template, ...rest] = args;
      if (typeof template !== 'string') return unknownFrom(template ?? null);
      const parts: Text[] = [];
      let at = 0;
      for (const match of template.matchAll(/\{\{|\}\}|\{(\d+)\}/g)) {
        parts.push([template.slice(at, match.index)]);
        if (match[1] === undefined) parts.push([match[0][0]!]);
        else parts.push(asText(rest[Number(match[1])] ?? null));
        at = match.index + match[0].length;
      }
      parts.push([template.slice(at)]);
      const text = concat(...parts);
      return text.some(isMissing) ? new Holey(text) : text.join('');
    }
    case 'contains':
    case 'startswith':
    case 'endswith': {
      const [haystack = null, needle = null] = args;
      for (const side of [haystack, needle]) if (holeOf(side)) return unknownFrom(side);
      if (Array.isArray(haystack)) return haystack.some((item) => compare(item, needle) === 0);
      const [a, b] = [
        String(asText(haystack).join('')).toLowerCase(),
        String(asText(needle).join('')).toLowerCase(),
      ];
      return name === 'contains' ? a.includes(b) : name === 'startswith' ? a.startsWith(b) : a.endsWith(b);
    }
    case 'join': {
      const [items = null, separator = ','] = args;
      if (!Array.isArray(items)) return items;
      const text = concat(
        ...items.flatMap((item, i) => (i > 0 ? [asText(separator), asText(item)] : [asText(item)])),
      );
      return text.some(isMissing) ? new Holey(text) : text.join('');
    }
    case 'fromjson': {
      const [source = null] = args;
      if (typeof source !== 'string') return unknownFrom(source);
      try {
        return toValue(JSON.parse(source));
      } catch {
        return new Unknown(missing(`valid JSON for fromJSON (got \`${shorten(source)}\`)`));
      }
    }
    case 'tojson': {
      const [value = null] = args;
      return holeOf(value) ? unknownFrom(value) : JSON.stringify(value, null, 2);
    }
    case 'success':
    case 'always':
      return true;
    case 'failure':
    case 'cancelled':
      return false;
    default:
      return new Unknown(missing(`the result of ${name}(), which is known only when the workflow runs`));
  }
}

function unknownFrom(value: Value): Unknown {
  return value instanceof Unknown
    ? value
    : new Unknown(holeOf(value) ?? missing('a value known only at run time'));
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
