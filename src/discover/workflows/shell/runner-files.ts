// The runner's files (`$GITHUB_ENV`, `$GITHUB_OUTPUT`, …) as values that stand for them, so a write to
// one is recognised after expansion, wherever the script redirects it.
import type { Text } from '../text.ts';

/** Values standing for the runner's files, so a redirection to them is recognised after expansion. */
export const RUNNER_FILES = [
  'GITHUB_ENV',
  'GITHUB_OUTPUT',
  'GITHUB_PATH',
  'GITHUB_STEP_SUMMARY',
  'GITHUB_STATE',
];
const SENTINEL = '\u0000runner-file:';
export const runnerFileValue = (name: string): Text => [`${SENTINEL}${name}`];

/** The runner file a redirection target stands for, if it is one. */
export function runnerFile(target: Text): string | undefined {
  const value = target.length === 1 && typeof target[0] === 'string' ? target[0] : undefined;
  return value?.startsWith(SENTINEL) ? value.slice(SENTINEL.length) : undefined;
}
