// A mistyped enumerated value names the value it was likely meant to be, wherever it is written: the
// config (keys already did), the CLI's --format and --fail-on, and the action's fail-on and comment inputs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigText } from '../src/core/config/load.ts';
import { ConfigError, formatLocation } from '../src/core/errors.ts';
import { InputError, readInputs } from '../src/inputs.ts';
import { runCliInProcess, type CliResult } from './helpers/cli-formats.ts';

function configProblem(text: string): string {
  try {
    loadConfigText(text, 'pullcheck.yml');
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.problems.map((p) => `${formatLocation(p.where)}: ${p.message}`).join('\n');
  }
  assert.fail('expected a config error');
}

const configCases: { name: string; text: string; says: string }[] = [
  {
    name: 'platform: ekss',
    text: 'version: 1\ntargets:\n  - name: prod\n    platform: ekss\n',
    says: 'pullcheck.yml:4:15: `targets[0].platform` must be one of: eks | ecs | aws-role | lambda | gke | gcp-service-account | cloud-run | openshift | kubernetes | k3s; got `ekss` (did you mean `eks`?)',
  },
  {
    name: 'platform: gek (two letters swapped are one typo)',
    text: 'version: 1\ntargets:\n  - name: prod\n    platform: gek\n',
    says: '(did you mean `gke`?)',
  },
  {
    name: 'platform: EKS (case)',
    text: 'version: 1\ntargets:\n  - name: prod\n    platform: EKS\n',
    says: 'got `EKS` (did you mean `eks`?)',
  },
  {
    name: 'a live-read cluster platform',
    text: 'version: 1\nfacts:\n  aws:\n    clusters:\n      - { platform: esc, name: c, roles: [] }\n',
    says: 'pullcheck.yml:5:21: `facts.aws.clusters[0].platform` must be one of: eks | ecs; got `esc` (did you mean `ecs`?)',
  },
  {
    name: 'gcrBackend: storag (a union of literals said "must match a schema in anyOf")',
    text: 'version: 1\nfacts:\n  gcp:\n    projects:\n      - { id: p, gcrBackend: storag }\n',
    says: 'pullcheck.yml:5:30: `facts.gcp.projects[0].gcrBackend` must be one of: artifact-registry | storage; got `storag` (did you mean `storage`?)',
  },
];

for (const { name, text, says } of configCases) {
  test(`config: ${name}`, () => {
    assert.ok(configProblem(text).includes(says), configProblem(text));
  });
}

test('config: a value far from every platform gets the list and no guess', () => {
  const problem = configProblem('version: 1\ntargets:\n  - name: prod\n    platform: mainframe\n');
  assert.match(problem, /must be one of: eks .*; got `mainframe`$/);
});

function cli(args: string[]): Promise<CliResult> {
  return runCliInProcess(['check', ...args]);
}

test('CLI: --format jsno', async () => {
  const { code, stderr } = await cli(['--format', 'jsno']);
  assert.equal(code, 2);
  assert.match(stderr, /--format must be one of: json, markdown, text, sarif \(did you mean `json`\?\)/);
});

test('CLI: --fail-on unknwon', async () => {
  const { code, stderr } = await cli(['--fail-on', 'unknwon']);
  assert.equal(code, 2);
  assert.match(stderr, /--fail-on must be one of: denied, unknown, never \(did you mean `unknown`\?\)/);
});

test('CLI: --format toString is not a format (an inherited property of the format table)', async () => {
  const { code, stderr } = await cli(['--format', 'toString']);
  assert.equal(code, 2);
  assert.match(stderr, /--format must be one of/);
});

function inputError(inputs: Record<string, string>): string {
  try {
    readInputs((name) => inputs[name] ?? '');
  } catch (error) {
    assert.ok(error instanceof InputError, String(error));
    return error.message;
  }
  assert.fail('expected an input error');
}

test('action: fail-on: denid', () => {
  assert.equal(
    inputError({ 'fail-on': 'denid' }),
    'input fail-on must be one of denied, unknown, never; got `denid` (did you mean `denied`?)',
  );
});

test('action: comment: on-failur', () => {
  assert.equal(
    inputError({ comment: 'on-failur' }),
    'input comment must be one of auto, always, on-failure, never; got `on-failur` (did you mean `on-failure`?)',
  );
});

test('action: a long, multi-line fail-on value is quoted on one bounded line', () => {
  const message = inputError({ 'fail-on': `x\n::error::forged${'y'.repeat(500)}` });
  assert.doesNotMatch(message, /\n/);
  assert.match(message, /got `x\\n::error::forgedy+…` \(517 characters\)$/);
  assert.ok(message.length < 320, `${message.length} characters`);
});
