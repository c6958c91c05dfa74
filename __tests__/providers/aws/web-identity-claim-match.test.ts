// Claim patterns against IAM string conditions: `yes` only when every value of the pattern satisfies the
// condition, `no` only when none can (never a false `yes`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  conditionOverClaim,
  globCovers,
  globsMeet,
  type ClaimValue,
} from '../../../src/providers/aws/web-identity/claim-match.ts';

const SUB = 'token.actions.githubusercontent.com:sub';
const on = (operator: string, ...values: string[]) => ({ operator, key: SUB, values });
const pattern = (p: string): ClaimValue => ({ pattern: p });

test('globsMeet: some text is in both', () => {
  assert.equal(globsMeet('repo:o/r:ref:refs/heads/release/*', 'repo:o/r:ref:refs/heads/*', true), true);
  assert.equal(globsMeet('repo:o/r:ref:refs/heads/release/*', 'repo:o/r:ref:refs/heads/main', true), false);
  assert.equal(
    globsMeet('repo:o/r:ref:refs/heads/release/*', 'repo:o/r:ref:refs/heads/release/v?', true),
    true,
  );
  assert.equal(globsMeet('a*b', '*c', true), false);
  assert.equal(
    globsMeet('a*', 'a*', false),
    true,
    'StringEquals "a*" is the one text a*, which the pattern holds',
  );
  assert.equal(globsMeet('*', 'x?y', false), true);
});

test('globCovers: every text of the claim pattern matches the IAM pattern', () => {
  assert.equal(globCovers('repo:o/r:*', 'repo:o/r:ref:refs/heads/release/*'), true);
  assert.equal(globCovers('repo:o/r:ref:refs/heads/release/v*', 'repo:o/r:ref:refs/heads/release/*'), false);
  assert.equal(
    globCovers('repo:o/r:ref:refs/heads/?*', 'repo:o/r:ref:refs/heads/*'),
    false,
    '? needs one character',
  );
  assert.equal(globCovers('*', '*'), true);
});

const cases: [string, ReturnType<typeof on>, ClaimValue, 'yes' | 'no' | 'unknown'][] = [
  [
    'StringLike covering the pattern',
    on('StringLike', 'repo:o/r:*'),
    pattern('repo:o/r:ref:refs/heads/*'),
    'yes',
  ],
  [
    'StringLike covering part of it',
    on('StringLike', 'repo:o/r:ref:refs/heads/v*'),
    pattern('repo:o/r:ref:refs/heads/*'),
    'unknown',
  ],
  ['StringLike disjoint', on('StringLike', 'repo:x/*'), pattern('repo:o/r:*'), 'no'],
  [
    'StringEquals never covers many values',
    on('StringEquals', 'repo:o/r:ref:refs/heads/main'),
    pattern('repo:o/r:ref:refs/heads/*'),
    'unknown',
  ],
  [
    'StringEquals outside the pattern',
    on('StringEquals', 'repo:o/r:pull_request'),
    pattern('repo:o/r:ref:refs/heads/*'),
    'no',
  ],
  ['StringNotLike covering the pattern', on('StringNotLike', 'repo:o/r:*'), pattern('repo:o/r:ref:*'), 'no'],
  [
    'StringNotLike disjoint',
    on('StringNotLike', '*:pull_request'),
    pattern('repo:o/r:ref:refs/heads/release/*'),
    'unknown',
  ],
  ['StringLike on an absent claim', on('StringLike', '*'), { absent: true }, 'no'],
  ['StringLikeIfExists on an absent claim', on('StringLikeIfExists', 'x'), { absent: true }, 'yes'],
  ['ForAllValues on an absent claim', on('ForAllValues:StringEquals', 'x'), { absent: true }, 'yes'],
  ['ForAnyValue on an absent claim', on('ForAnyValue:StringEquals', 'x'), { absent: true }, 'no'],
  ['Null true on a present claim', on('Null', 'true'), { value: 'x' }, 'no'],
  [
    'StringEqualsIgnoreCase folds case',
    on('StringEqualsIgnoreCase', 'repo:my-org/r:pull_request'),
    { value: 'repo:My-ORG/r:pull_request' },
    'yes',
  ],
  ['an unknown claim', on('StringEquals', 'x'), { unknown: 'not knowable' }, 'unknown'],
  ['an operator pullcheck does not evaluate', on('NumericLessThan', '3'), { value: '2' }, 'unknown'],
];
for (const [name, condition, claim, expected] of cases) {
  test(`conditionOverClaim: ${name}`, () => {
    assert.equal(conditionOverClaim(condition, claim).result, expected);
  });
}
