// User-written patterns run in bounded time: the `*`/`?` wildcards of IAM policies and pull-secret hosts
// through a matcher that never backtracks, and user regular expressions (kustomize patch targets, sed
// scripts) only when they cannot backtrack for ever.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { regexBacktrackingRisk, wildcardMatches } from '../../src/core/wildcard.ts';
import { wildcardMatch } from '../../src/providers/aws/policy/match.ts';
import { renderKustomization } from '../../src/discover/manifests/kustomize/index.ts';

/** The regular-expression reading of a wildcard: the reference the matcher must agree with. */
function byRegex(pattern: string, value: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 's').test(value);
}

test('wildcards: the IAM documentation forms (docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html)', () => {
  const cases: [string, string, boolean][] = [
    [
      'arn:aws:ecr:us-east-1:123456789012:repository/team/*',
      'arn:aws:ecr:us-east-1:123456789012:repository/team/web',
      true,
    ],
    [
      'arn:aws:ecr:us-east-1:123456789012:repository/team/*',
      'arn:aws:ecr:us-east-1:123456789012:repository/team/a/b',
      true,
    ],
    ['arn:aws:ecr:*:123456789012:repository/*', 'arn:aws:ecr:eu-west-1:123456789012:repository/web', true],
    [
      'arn:aws:ecr:us-east-1:123456789012:repository/web?',
      'arn:aws:ecr:us-east-1:123456789012:repository/web1',
      true,
    ],
    [
      'arn:aws:ecr:us-east-1:123456789012:repository/web?',
      'arn:aws:ecr:us-east-1:123456789012:repository/web',
      false,
    ],
    [
      'arn:aws:ecr:us-east-1:123456789012:repository/web',
      'arn:aws:ecr:us-east-1:123456789012:repository/web2',
      false,
    ],
    ['*', '', true],
    ['', '', true],
    ['', 'a', false],
    ['a*', 'a\nb', true],
    ['**b', 'b', true],
  ];
  for (const [pattern, value, expected] of cases) {
    assert.equal(wildcardMatches(pattern, value), expected, `${pattern} ~ ${value}`);
  }
  assert.equal(wildcardMatch('ARN:AWS:ECR:*', 'arn:aws:ecr:x', true), true);
  assert.equal(wildcardMatch('ARN:AWS:ECR:*', 'arn:aws:ecr:x'), false);
});

test('wildcards agree with their regular-expression reading on 20,000 random patterns and values', () => {
  let state = 0x13;
  const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8) / 2 ** 24;
  const word = (alphabet: string, max: number) =>
    Array.from(
      { length: Math.floor(next() * (max + 1)) },
      () => alphabet[Math.floor(next() * alphabet.length)],
    ).join('');
  for (let i = 0; i < 20_000; i++) {
    const pattern = word('ab*?', 7);
    const value = word('ab', 8);
    assert.equal(wildcardMatches(pattern, value), byRegex(pattern, value), `${pattern} ~ ${value}`);
  }
});

test(
  'a backtracking policy pattern (arn:…/*a*a…*b) on an 80-character ARN answers at once',
  { timeout: 10_000 },
  () => {
    const pattern = `arn:aws:ecr:us-east-1:123456789012:repository/${'*a'.repeat(12)}*b`;
    const value = `arn:aws:ecr:us-east-1:123456789012:repository/${'a'.repeat(80)}`;
    const started = performance.now();
    for (let i = 0; i < 100; i++) assert.equal(wildcardMatch(pattern, value), false);
    // A regular expression took minutes for one call; a hundred calls here take well under a second.
    assert.ok(performance.now() - started < 1_000);
  },
);

test('regular expressions that could backtrack for ever are named; the forms kustomize targets use pass', () => {
  for (const safe of [
    'Deployment',
    '.*',
    'app-.*',
    'web|api',
    '(web|api)',
    '(web|api)-v[0-9]+',
    'a{2,5}',
    '(ab)?c',
    '[(*+]+x',
    'a*?b',
    '(?:a)+',
  ]) {
    assert.equal(regexBacktrackingRisk(safe), undefined, safe);
  }
  const risky: [string, RegExp][] = [
    ['(a+)+$', /repeated group/],
    ['(a|a)*b', /repeated group/],
    ['((ab)*c)+', /repeated group/],
    ['(a?)+', /repeated group/],
    ['(a{1,2}){2,}', /repeated group/],
    ['.*a.*a.*a.*b', /more than three/],
    ['(a)\\1', /back-reference/],
    ['(?<n>a)\\k<n>', /back-reference/],
  ];
  for (const [pattern, says] of risky) assert.match(regexBacktrackingRisk(pattern) ?? 'none', says, pattern);
});

test(
  'a kustomize patch target whose name pattern could backtrack is a warning at its file, not a hang',
  { timeout: 10_000 },
  () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-target-'));
    try {
      writeFileSync(
        path.join(dir, 'deployment.yaml'),
        `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${'a'.repeat(60)}\nspec:\n  template:\n    spec:\n      containers:\n        - { name: web, image: ghcr.io/acme/web:1 }\n`,
      );
      writeFileSync(
        path.join(dir, 'kustomization.yaml'),
        'resources: [deployment.yaml]\npatches:\n  - target: { kind: Deployment, name: "(a+)+b" }\n    patch: |\n      - { op: replace, path: /spec/template/spec/containers/0/image, value: ghcr.io/acme/other:2 }\n',
      );
      const rendered = renderKustomization(dir);
      const messages = rendered.warnings.map((warning) => warning.message);
      assert.ok(
        messages.some((message) =>
          message.includes('target name: `(a+)+b` is not evaluated here (a repeated group'),
        ),
        messages.join('\n'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
