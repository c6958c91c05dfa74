// The inputs a workflow runs with: a caller's `with:` for a reusable workflow, else each input's default.
import { evaluateField, Unknown, type Value } from './expression.ts';
import { resolver, type Scope } from './scope.ts';
import { record } from './steps.ts';
import { missing } from './text.ts';

export /** The inputs a workflow runs with: what a caller passed, else each input's `default`. */
function workflowInputs(
  workflow: Record<string, unknown>,
  call: { readonly inputs: ReadonlyMap<string, Value> } | undefined,
  scope: Scope,
): Map<string, Value> {
  const on = record(workflow['on']);
  const inputs = new Map<string, Value>();
  for (const trigger of call ? ['workflow_call'] : ['workflow_dispatch', 'workflow_call']) {
    for (const [name, definition] of Object.entries(record(record(on[trigger])['inputs']))) {
      if (inputs.has(name)) continue;
      const given = call
        ? [...call.inputs].find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1]
        : undefined;
      const fallback = record(definition)['default'];
      if (given !== undefined) inputs.set(name, given);
      else if (fallback !== undefined) inputs.set(name, evaluateField(fallback, resolver(scope)));
      else if (call) inputs.set(name, record(definition)['type'] === 'boolean' ? false : '');
      else
        inputs.set(
          name,
          new Unknown(
            missing(
              `inputs.${name}`,
              `an input with no default: add \`inputs.${name}\` under \`discover.variables\``,
            ),
          ),
        );
    }
  }
  return inputs;
}
