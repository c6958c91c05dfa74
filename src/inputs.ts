// Action inputs → one typed Options object, validated once (SPEC §6). No getInput calls anywhere else.
import { didYouMean } from './core/did-you-mean.ts';
import { quotedValue } from './core/quoted-value.ts';
import { FAIL_ON, type FailOn } from './core/report-model.ts';
import type { CommentMode } from './github/sticky-comment.ts';
import type { ActionInput, LoginInputs } from './core/provider.ts';
import { providers } from './providers/index.ts';

// Each provider declares the inputs its login and live reads take; `audience` is every login's.
const LOGIN_INPUTS: readonly ActionInput[] = [
  ...providers.flatMap((provider) => provider.actionInputs ?? []),
  { name: 'audience', shape: /./, expected: 'an audience' },
];

export interface Options {
  /** The login inputs that were given, by name (aws-role-arn, openshift-token, audience, …), each checked. */
  readonly loginInputs: LoginInputs;
  /** The values of secret inputs given (a token): masked before anything can print them. */
  readonly secrets: readonly string[];
  readonly config: string;
  /** Whether `config` was given explicitly (a missing default file is then not an error). */
  readonly configGiven: boolean;
  /** Image references added to the config file's `images` (one per line). */
  readonly images: readonly string[];
  /** YAML list of targets added to the config file's `targets`. */
  readonly targets: string;
  readonly check: boolean;
  readonly failOn: FailOn;
  readonly comment: CommentMode;
  readonly commentKey: string;
  readonly githubToken: string;
  readonly login: boolean;
  readonly logout: boolean;
  /** Where to write the config with every fact used (stated and read live). */
  readonly snapshot?: string;
  /** Read the clouds (default) or use the config's facts only. */
  readonly offline: boolean;
}

export class InputError extends Error {
  override name = 'InputError';
}

const COMMENT_MODES: readonly CommentMode[] = ['auto', 'always', 'on-failure', 'never'];

/** The runner's environment the defaults come from (GITHUB_WORKFLOW, GITHUB_JOB, GITHUB_ACTION). */
export interface RunnerNames {
  readonly workflow?: string | undefined;
  readonly job?: string | undefined;
  readonly action?: string | undefined;
}

export function readInputs(getInput: (name: string) => string, runner: RunnerNames = {}): Options {
  const input = (name: string) => getInput(name).trim();
  const config = input('config');
  return {
    config: config || '.github/pullcheck.yml',
    configGiven: config !== '',
    images: input('images')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#')),
    targets: getInput('targets'),
    check: booleanInput('check', input('check'), true),
    failOn: choice('fail-on', input('fail-on'), FAIL_ON, 'denied'),
    comment: choice('comment', input('comment'), COMMENT_MODES, 'auto'),
    // Two pullcheck steps (GITHUB_ACTION differs per step) or jobs must not overwrite each other's comment.
    commentKey:
      input('comment-key') ||
      [runner.workflow, runner.job, runner.action]
        .filter((part) => part !== undefined && part !== '')
        .join('/') ||
      'pullcheck',
    githubToken: input('github-token'),
    login: booleanInput('login', input('login'), true),
    logout: booleanInput('logout', input('logout'), true),
    loginInputs: Object.fromEntries(
      LOGIN_INPUTS.flatMap((spec) => Object.entries(optional(spec.name, input(spec.name), spec))),
    ) as LoginInputs,
    secrets: LOGIN_INPUTS.flatMap((spec) => (spec.secret && input(spec.name) ? [input(spec.name)] : [])),
    ...optional('snapshot', input('snapshot'), { name: 'snapshot', shape: /./, expected: 'a file path' }),
    offline: booleanInput('offline', input('offline'), false),
  };
}

/** An optional input, checked against its shape; absent inputs are left out of Options. */
function optional<K extends string>(key: K, value: string, spec: ActionInput): Partial<Record<K, string>> {
  if (value === '') return {};
  // A secret (a token) is never echoed.
  if (!spec.shape.test(value))
    throw new InputError(
      `input ${spec.name} must be ${spec.expected}${spec.secret ? '' : ` (got ${quotedValue(value)})`}`,
    );
  return { [key]: value } as Partial<Record<K, string>>;
}

function choice<T extends string>(name: string, value: string, allowed: readonly T[], fallback: T): T {
  if (value === '') return fallback;
  if (!allowed.includes(value as T)) {
    throw new InputError(
      `input ${name} must be one of ${allowed.join(', ')}; got ${quotedValue(value)}${didYouMean(value, allowed)}`,
    );
  }
  return value as T;
}

// The YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them.
function booleanInput(name: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(`input ${name} must be true or false (got ${quotedValue(value)})`);
}
