// The CEL subset of workload identity providers: parsing (with the column of an error) and three-valued
// evaluation over predicted claims (exact values, globs, unknown, absent). Expressions come from Google's
// "Workload Identity Federation with deployment pipelines" and google-github-actions/auth's README and
// docs/SECURITY_CONSIDERATIONS.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Claim } from '../../../src/core/ci-path.ts';
import { CelError, parseCel } from '../../../src/providers/gcp/workload-identity/cel-parse.ts';
import { evaluateCel } from '../../../src/providers/gcp/workload-identity/cel-eval.ts';
import type { CelValue } from '../../../src/providers/gcp/workload-identity/cel-values.ts';

const exact = (value: string): Claim => ({ value });
const glob = (pattern: string): Claim => ({ pattern, because: 'push to branches release/**' });

const PUSH_MAIN: Record<string, Claim> = {
  sub: exact('repo:octo-org/octo-repo:ref:refs/heads/main'),
  repository: exact('octo-org/octo-repo'),
  repository_owner: exact('octo-org'),
  ref: exact('refs/heads/main'),
  event_name: exact('push'),
  workflow: exact('deploy'),
};
const PUSH_RELEASE: Record<string, Claim> = {
  ...PUSH_MAIN,
  sub: glob('repo:octo-org/octo-repo:ref:refs/heads/release/*'),
  ref: glob('refs/heads/release/*'),
};

function verdict(
  expression: string,
  claims: Record<string, Claim>,
  attribute?: Map<string, CelValue>,
): string {
  const value = evaluateCel(parseCel(expression), { assertion: claims, ...(attribute ? { attribute } : {}) });
  if (value.k === 'bool') return value.value;
  if (value.k === 'string') return `'${value.value}'`;
  if (value.k === 'glob') return `glob ${value.pattern}`;
  return value.k;
}

const CASES: readonly [
  expression: string,
  claims: Record<string, Claim>,
  expected: string,
  source: string,
][] = [
  [
    "assertion.repository_owner == 'octo-org'",
    PUSH_MAIN,
    'yes',
    'Google WIF deployment pipelines: pin the organization',
  ],
  ["assertion.repository_owner == 'other-org'", PUSH_MAIN, 'no', 'another organization'],
  ["assertion.repository == 'octo-org/octo-repo'", PUSH_MAIN, 'yes', 'pin the repository'],
  ["assertion.ref == 'refs/heads/main'", PUSH_MAIN, 'yes', 'pin the branch'],
  ["assertion.ref == 'refs/heads/main'", PUSH_RELEASE, 'no', 'a release/* push is never main'],
  ["assertion.ref == 'refs/heads/release/1.0'", PUSH_RELEASE, 'unknown', 'one release branch of many'],
  ["assertion.ref.startsWith('refs/heads/release/')", PUSH_RELEASE, 'yes', 'every release/* push starts so'],
  ["assertion.ref.startsWith('refs/tags/')", PUSH_RELEASE, 'no', 'a branch push is never a tag'],
  ["assertion.sub.endsWith(':ref:refs/heads/main')", PUSH_MAIN, 'yes', 'endsWith'],
  ["assertion.sub.contains('octo-repo')", PUSH_RELEASE, 'yes', 'contains in the fixed part of a glob'],
  [
    `attribute.repository == "octo-org/octo-repo" && attribute.event_name == "push" && attribute.ref == "refs/heads/main"`,
    PUSH_MAIN,
    'yes',
    'auth docs/SECURITY_CONSIDERATIONS.md (attributes mapped from the claims)',
  ],
  ["assertion.environment == 'production'", PUSH_MAIN, 'error', 'a job without an environment: no such key'],
  [
    "assertion.repository_owner == 'other' && assertion.environment == 'production'",
    PUSH_MAIN,
    'no',
    'false && error is false (CEL absorbs the error)',
  ],
  [
    "assertion.repository_owner == 'octo-org' || assertion.environment == 'x'",
    PUSH_MAIN,
    'yes',
    'true || error',
  ],
  ["assertion.ref in ['refs/heads/main', 'refs/heads/develop']", PUSH_MAIN, 'yes', 'in with a list literal'],
  [
    "!(assertion.event_name in ['pull_request', 'pull_request_target'])",
    PUSH_MAIN,
    'yes',
    'not a pull request',
  ],
  ["assertion.event_name != 'pull_request_target'", PUSH_MAIN, 'yes', '!='],
  [
    "assertion.repository + '@' + assertion.ref",
    PUSH_RELEASE,
    'glob octo-org/octo-repo@refs/heads/release/*',
    'concatenation of a glob',
  ],
  [
    "assertion.repository + '/' + assertion.ref",
    PUSH_MAIN,
    "'octo-org/octo-repo/refs/heads/main'",
    'issue #200: attribute.full',
  ],
  ["assertion.ref.matches('^refs/heads/')", PUSH_MAIN, 'unknown', 'matches() is outside the subset'],
  ['size(assertion.ref) > 3', PUSH_MAIN, 'unknown', 'comparisons are outside the subset'],
  [
    "assertion.actor == 'octocat'",
    { ...PUSH_MAIN, actor: { unknown: 'who pushes is not known offline' } },
    'unknown',
    'an unknown claim',
  ],
  ["assertion.ref == 'refs/heads/main' ? 'prod' : 'dev'", PUSH_MAIN, "'prod'", 'a conditional mapping'],
];

for (const [expression, claims, expected, source] of CASES) {
  test(`${expression} → ${expected} (${source})`, () => {
    const attribute = new Map<string, CelValue>(
      Object.entries(claims).flatMap(([name, claim]) =>
        'value' in claim ? [[name, { k: 'string', value: claim.value } as CelValue]] : [],
      ),
    );
    assert.equal(verdict(expression, claims, attribute), expected);
  });
}

test('a condition that is not CEL is an error naming the column', () => {
  const cases: readonly [string, RegExp][] = [
    ["assertion.repository_owner == 'octo-org", /unterminated string \(column 31\)/],
    ['assertion.repository_owner === "octo-org"', /unexpected character "=" \(column 30\)/],
    ["assertion.ref == 'a' &&", /expected a value, found the end of the expression/],
    ["(assertion.ref == 'a'", /expected \), found the end/],
    ['assertion.ref == `x`', /unexpected character "`" \(column 18\)/],
    ['', /empty expression/],
  ];
  for (const [expression, message] of cases) {
    assert.throws(
      () => parseCel(expression),
      (error: unknown) => error instanceof CelError && message.test(error.message),
      expression,
    );
  }
});

test('strings: both quotes, escapes, raw and triple-quoted', () => {
  const value = (text: string) => verdict(text, {});
  assert.equal(value(`"it's"`), `'it's'`);
  assert.equal(value(`'a\\'b'`), `'a'b'`);
  assert.equal(value(`r'a\\b'`), `'a\\b'`);
  assert.equal(value(`'''x'y'''`), `'x'y'`);
});
