// Action inputs → one typed Options object, validated once. No getInput calls anywhere else.
import type { FailOn } from './core/report-model.ts';

export interface Options {
  readonly config: string;
  readonly failOn: FailOn;
}

export class InputError extends Error {
  override name = 'InputError';
}

const FAIL_ON: readonly FailOn[] = ['denied', 'unknown', 'never'];

export function readInputs(getInput: (name: string) => string): Options {
  const failOn = getInput('fail-on').trim() || 'denied';
  if (!FAIL_ON.includes(failOn as FailOn)) {
    throw new InputError(`input fail-on must be one of ${FAIL_ON.join(', ')} (got "${failOn}")`);
  }
  return {
    config: getInput('config').trim() || '.github/pullcheck.yml',
    failOn: failOn as FailOn,
  };
}
