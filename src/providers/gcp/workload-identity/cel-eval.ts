// Evaluates a parsed CEL expression (./cel-parse.ts) over a predicted token: `assertion.NAME` is the token's
// claim, `attribute.NAME` and `google.subject` / `google.groups` the provider's mapped attributes. The subset
// providers really use is evaluated (== != && || ! in + ?: startsWith endsWith contains, literals, lists);
// anything else (a comparison, size(), matches(), a map literal) is unknown, naming the form.
import type { Claim } from '../../../core/ci-path.ts';
import { celText, type CelNode } from './cel-parse.ts';
import {
  bool,
  celError,
  concat,
  equals,
  logical,
  membership,
  not,
  str,
  stringTest,
  unknownValue,
  type CelValue,
} from './cel-values.ts';

export interface CelScope {
  /** The token's claims; a claim absent from the token is absent here (CEL: no such key). */
  readonly assertion: Readonly<Record<string, Claim>>;
  /** Mapped attributes by name (`attribute.repository` → `repository`); undefined in a mapping. */
  readonly attribute?: ReadonlyMap<string, CelValue>;
  /** Mapped google.* attributes (`subject`, `groups`). */
  readonly google?: ReadonlyMap<string, CelValue>;
}

export function claimValue(claim: Claim): CelValue {
  if ('value' in claim) return str(claim.value);
  if ('pattern' in claim) return { k: 'glob', pattern: claim.pattern, because: claim.because };
  return unknownValue(claim.unknown);
}

export function evaluateCel(node: CelNode, scope: CelScope): CelValue {
  const evaluate = (inner: CelNode) => evaluateCel(inner, scope);
  switch (node.t) {
    case 'string':
      return str(node.value);
    case 'bool':
      return bool(node.value ? 'yes' : 'no');
    case 'null':
      return { k: 'null' };
    case 'list':
      return { k: 'list', items: node.items.map(evaluate) };
    case 'select':
      return select(node.target, node.field, scope);
    case 'index': {
      const key = evaluate(node.index);
      if (key.k === 'string') return select(node.target, key.value, scope);
      return outside(node);
    }
    case 'unary':
      return node.op === '!' ? not(evaluate(node.arg)) : outside(node);
    case 'binary':
      return binary(node, scope);
    case 'cond':
      return conditional(node, scope);
    case 'call':
      if (
        node.target &&
        node.args.length === 1 &&
        (node.name === 'startsWith' || node.name === 'endsWith' || node.name === 'contains')
      ) {
        return stringTest(node.name, evaluate(node.target), evaluate(node.args[0]!));
      }
      return outside(node);
    default:
      return outside(node);
  }
}

/** A form outside the evaluated subset: unknown, naming it. */
function outside(node: CelNode): CelValue {
  return unknownValue(`\`${celText(node)}\` is outside the CEL subset pullcheck evaluates`);
}

function select(target: CelNode, field: string, scope: CelScope): CelValue {
  if (target.t !== 'ident') return outside({ t: 'select', target, field });
  if (target.name === 'assertion') {
    const claim = Object.hasOwn(scope.assertion, field) ? scope.assertion[field] : undefined;
    return claim === undefined
      ? celError(`the token has no \`${field}\` claim for this event (CEL: no such key assertion.${field})`)
      : claimValue(claim);
  }
  const attributes =
    target.name === 'attribute' ? scope.attribute : target.name === 'google' ? scope.google : undefined;
  if (!attributes) return outside({ t: 'select', target, field });
  const value = attributes.get(field);
  return (
    value ??
    celError(`${target.name}.${field} is not mapped by the provider's attribute mapping (no such key)`)
  );
}

function binary(node: Extract<CelNode, { t: 'binary' }>, scope: CelScope): CelValue {
  const left = evaluateCel(node.left, scope);
  const right = evaluateCel(node.right, scope);
  switch (node.op) {
    case '==':
      return equals(left, right);
    case '!=':
      return not(equals(left, right));
    case '&&':
    case '||':
      return logical(node.op, left, right);
    case '+':
      return concat(left, right);
    case 'in':
      return membership(left, right);
    default:
      return outside(node);
  }
}

function conditional(node: Extract<CelNode, { t: 'cond' }>, scope: CelScope): CelValue {
  const test = evaluateCel(node.test, scope);
  if (test.k === 'error') return test;
  if (test.k === 'bool' && test.value === 'yes') return evaluateCel(node.then, scope);
  if (test.k === 'bool' && test.value === 'no') return evaluateCel(node.else, scope);
  if (test.k !== 'bool' && test.k !== 'unknown') return celError('?: needs a boolean test');
  const [then, otherwise] = [evaluateCel(node.then, scope), evaluateCel(node.else, scope)];
  const same = equals(then, otherwise);
  if (same.k === 'bool' && same.value === 'yes') return then;
  return unknownValue(...(test.k === 'unknown' || test.k === 'bool' ? test.why : []));
}
