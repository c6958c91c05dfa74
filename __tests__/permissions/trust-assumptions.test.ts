// The quick start's second step: on a fresh repository (no facts), `pullcheck init` then `pullcheck
// permissions` must give trust policies that admit exactly this repository's subjects. GitHub's default
// template and the plain repo:OWNER/REPO prefix are assumed and said so — never the predictor's glob over
// both names, which would admit `acme-other/simplebank-fork`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { runCliInProcess } from '../helpers/cli-formats.ts';
import { PREFIX_ASSUMED, TEMPLATE_ASSUMED } from '../../src/permissions/index.ts';
import { NO_SUBJECT } from '../../src/permissions/oidc-trust.ts';

interface TrustPolicy {
  role: string;
  notes?: string[];
  document: { Statement: { Condition: Record<string, Record<string, string | string[]>> }[] };
}

test('init, then permissions on the sample: exact subjects of acme/simplebank, the assumptions named', async () => {
  const repo = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-trust-'));
  cpSync('examples/sample-repo', repo, { recursive: true });
  // A clone of github.com/acme/simplebank: init names the repository from its remote.
  execFileSync('git', ['init', '-q', repo]);
  execFileSync('git', ['-C', repo, 'remote', 'add', 'origin', 'https://github.com/acme/simplebank.git']);
  const init = await runCliInProcess(['init', '--repo', repo]);
  assert.equal(init.code, 0, init.stderr);
  const printed = await runCliInProcess([
    'permissions',
    '--config',
    path.join(repo, '.github/pullcheck.yml'),
    '--workflow',
    path.join(repo, '.github/workflows/deploy.yml'),
    '--format',
    'json',
  ]);
  assert.equal(printed.code, 0, printed.stderr);
  const trust = (JSON.parse(printed.stdout) as { aws: { trustPolicies: TrustPolicy[] } }).aws.trustPolicies;
  const byRole = new Map(trust.map((policy) => [policy.role.split('/').pop(), policy]));
  const subjectsOf = (role: string) => {
    const condition = byRole.get(role)?.document.Statement[0]?.Condition;
    assert.ok(condition, `a trust policy for ${role}: ${[...byRole.keys()].join(', ')}`);
    assert.equal(condition['StringLike'], undefined, 'no glob in the subjects');
    return condition['StringEquals']?.['token.actions.githubusercontent.com:sub'];
  };
  assert.deepEqual(subjectsOf('simplebank-deploy'), ['repo:acme/simplebank:environment:production']);
  for (const policy of trust) assert.deepEqual(policy.notes?.slice(0, 2), [TEMPLATE_ASSUMED, PREFIX_ASSUMED]);
});

test('a repository pullcheck cannot name: a subject no token carries, never an open trust policy', async () => {
  const repo = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-trust-'));
  cpSync('examples/sample-repo', repo, { recursive: true });
  assert.equal((await runCliInProcess(['init', '--repo', repo])).code, 0);
  const printed = await runCliInProcess([
    'permissions',
    '--config',
    path.join(repo, '.github/pullcheck.yml'),
    '--format',
    'json',
  ]);
  const [policy] = (JSON.parse(printed.stdout) as { aws: { trustPolicies: TrustPolicy[] } }).aws
    .trustPolicies;
  const condition = policy?.document.Statement[0]?.Condition['StringEquals'];
  assert.deepEqual(condition?.['token.actions.githubusercontent.com:sub'], [NO_SUBJECT]);
  assert.match(policy?.notes?.join('\n') ?? '', /repository \(github\.repository\) is not known/);
});

/** permissions on the sample, a clone of acme/simplebank, with `subClaim` stated in its config. */
async function trustWithTemplate(includeClaimKeys: string[]): Promise<TrustPolicy> {
  const repo = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-trust-'));
  cpSync('examples/sample-repo', repo, { recursive: true });
  execFileSync('git', ['init', '-q', repo]);
  execFileSync('git', ['-C', repo, 'remote', 'add', 'origin', 'https://github.com/acme/simplebank.git']);
  const config = path.join(repo, 'pullcheck.yml');
  writeFileSync(
    config,
    stringify({
      version: 1,
      discover: { workflows: ['.github/workflows/deploy.yml'] },
      facts: {
        github: {
          oidc: { subClaim: { useDefault: false, includeClaimKeys, prefix: 'repo:acme/simplebank' } },
        },
      },
    }),
  );
  const printed = await runCliInProcess(['permissions', '--config', config, '--format', 'json']);
  assert.equal(printed.code, 0, printed.stderr);
  const [policy] = (JSON.parse(printed.stdout) as { aws: { trustPolicies: TrustPolicy[] } }).aws
    .trustPolicies;
  assert.ok(policy, printed.stdout);
  return policy;
}

test('a subject template naming no repository (repository_owner, context): closed, never every repository of the owner', async () => {
  const policy = await trustWithTemplate(['repository_owner', 'context']);
  const condition = policy.document.Statement[0]?.Condition;
  assert.equal(condition?.['StringLike'], undefined);
  assert.deepEqual(condition?.['StringEquals']?.['token.actions.githubusercontent.com:sub'], [NO_SUBJECT]);
  assert.match(policy.notes?.join('\n') ?? '', /names no repository/);
  // A template with a key that names the repository keeps its subjects.
  const named = await trustWithTemplate(['repository_owner', 'repository', 'context']);
  assert.deepEqual(
    named.document.Statement[0]?.Condition['StringEquals']?.['token.actions.githubusercontent.com:sub'],
    ['repository_owner:acme:repository:acme/simplebank:environment:production'],
  );
});

test('a repository name with a wildcard (github.repository: acme/*) is no repository: no subject is trusted', async () => {
  for (const written of ['acme/*', '*/*', 'acme/sh?p']) {
    const repo = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-trust-'));
    cpSync('examples/sample-repo', repo, { recursive: true });
    const config = path.join(repo, 'pullcheck.yml');
    writeFileSync(
      config,
      stringify({
        version: 1,
        discover: {
          workflows: ['.github/workflows/deploy.yml'],
          variables: { 'github.repository': written },
        },
      }),
    );
    const printed = await runCliInProcess(['permissions', '--config', config, '--format', 'json']);
    assert.equal(printed.code, 0, printed.stderr);
    const [policy] = (JSON.parse(printed.stdout) as { aws: { trustPolicies: TrustPolicy[] } }).aws
      .trustPolicies;
    const condition = policy?.document.Statement[0]?.Condition;
    assert.equal(condition?.['StringLike'], undefined, `${written}: ${JSON.stringify(condition)}`);
    assert.deepEqual(condition?.['StringEquals']?.['token.actions.githubusercontent.com:sub'], [NO_SUBJECT]);
    assert.match(policy?.notes?.join('\n') ?? '', /is not a GitHub repository name/);
  }
});

test("StringLike subjects: an environment's own ? is IAM's literal ${?}, one with a * is left out, never a wildcard", async () => {
  const repo = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-trust-'));
  mkdirSync(path.join(repo, '.github/workflows'), { recursive: true });
  const login = (environment: string) => [
    `  ${environment.replace(/\W/g, '') || 'star'}:`,
    '    runs-on: ubuntu-latest',
    '    permissions: { id-token: write }',
    `    environment: ${JSON.stringify(environment)}`,
    '    steps:',
    '      - uses: aws-actions/configure-aws-credentials@v4',
    '        with: { role-to-assume: "arn:aws:iam::123456789012:role/deploy", aws-region: us-east-1 }',
  ];
  writeFileSync(
    path.join(repo, '.github/workflows/deploy.yml'),
    ['on: { push: { branches: ["release/**"] } }', 'jobs:', ...login('prod?'), ...login('qa*'), ''].join(
      '\n',
    ),
  );
  const config = path.join(repo, 'pullcheck.yml');
  writeFileSync(
    config,
    stringify({
      version: 1,
      discover: {
        workflows: ['.github/workflows/deploy.yml'],
        variables: { 'github.repository': 'acme/shop' },
      },
      facts: {
        github: {
          oidc: { subClaim: { useDefault: false, includeClaimKeys: ['repo', 'environment', 'ref'] } },
        },
      },
    }),
  );
  const printed = await runCliInProcess(['permissions', '--config', config, '--format', 'json']);
  assert.equal(printed.code, 0, printed.stderr);
  const [policy] = (JSON.parse(printed.stdout) as { aws: { trustPolicies: TrustPolicy[] } }).aws
    .trustPolicies;
  assert.deepEqual(
    policy?.document.Statement[0]?.Condition['StringLike']?.['token.actions.githubusercontent.com:sub'],
    ['repo:acme/shop:environment:prod${?}:ref:refs/heads/release/*'],
  );
  assert.match(
    policy?.notes?.join('\n') ?? '',
    /environment qa\*, whose \* a StringLike pattern cannot tell/,
  );
});
