import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { LocatedDocument } from '../../src/core/config/document.ts';
import { loadConfigFile, loadConfigText } from '../../src/core/config/load.ts';
import { ConfigError } from '../../src/core/errors.ts';
import { discover } from '../../src/discover/index.ts';
import { buildPlan } from '../../src/core/plan.ts';
import { prepareAwsFacts } from '../../src/providers/aws/facts.ts';
import { registries } from '../../src/providers/index.ts';

/** Writes files into a fresh folder and returns its path. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** Loads the config and everything the check reads from it; returns the first problem. */
function problemOf(text: string, files: Record<string, string> = {}): { where: string; message: string } {
  const dir = folder({ 'pullcheck.yml': text, ...files });
  try {
    const config = loadConfigFile(path.join(dir, 'pullcheck.yml'));
    buildPlan(config, registries);
    prepareAwsFacts(config);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    const first = error.problems[0]!;
    return {
      where: `${path.basename(first.where.file)}:${first.where.line}:${first.where.column}`,
      message: first.message,
    };
  }
  assert.fail('expected a config error');
}

const role = 'arn:aws:iam::123456789012:role/nodes';

const badConfigs: {
  name: string;
  text: string;
  files?: Record<string, string>;
  where: string;
  message: RegExp;
}[] = [
  {
    name: 'unknown key (a typo must not silently drop a check)',
    text: `version: 1\ntargets:\n  - name: prod\n    platform: eks\n    rolez: [${role}]\n`,
    where: 'pullcheck.yml:5:5',
    message: /unknown key `rolez` in `targets\[0\]` \(did you mean `roles`\?\)/,
  },
  {
    name: 'unknown top-level key',
    text: `version: 1\nimagez: []\n`,
    where: 'pullcheck.yml:2:1',
    message: /unknown key `imagez` in the config \(did you mean `images`\?\)/,
  },
  {
    name: 'YAML syntax error',
    text: `version: 1\nimages:\n  - nginx\n - redis\n`,
    where: 'pullcheck.yml:4:1',
    message: /YAML syntax error/,
  },
  {
    name: 'duplicate key',
    text: `version: 1\nimages: []\nimages: []\n`,
    where: 'pullcheck.yml:3:1',
    message: /YAML syntax error: Map keys must be unique/,
  },
  {
    name: 'wrong version',
    text: `version: 2\n`,
    where: 'pullcheck.yml:1:10',
    message: /`version` must be 1/,
  },
  {
    name: 'unknown platform',
    text: `version: 1\ntargets:\n  - name: prod\n    platform: aks\n`,
    where: 'pullcheck.yml:4:15',
    message: /`targets\[0\]\.platform` must be one of: eks \| ecs \| aws-role/,
  },
  {
    name: 'account id written as a number',
    text: `version: 1\ntargets:\n  - name: prod\n    platform: eks\n    account: 210987654321\n`,
    where: 'pullcheck.yml:5:14',
    message: /`targets\[0\]\.account`: expected a 12-digit AWS account id, quoted/,
  },
  {
    name: 'missing required key',
    text: `version: 1\ntargets:\n  - platform: aws-role\n    roles: [${role}]\n`,
    where: 'pullcheck.yml:3:5',
    message: /missing required key `name` in `targets\[0\]`/,
  },
  {
    name: 'missing `file:`',
    text: `version: 1\nfacts:\n  aws:\n    roles:\n      - arn: ${role}\n        policies: [{ file: iam/missing.json }]\n`,
    where: 'pullcheck.yml:6:28',
    message: /cannot read iam\/missing\.json \(ENOENT\): expected a file path relative to the config file/,
  },
  {
    name: 'invalid policy JSON in a file (line and column inside the file)',
    text: `version: 1\nfacts:\n  aws:\n    roles:\n      - arn: ${role}\n        policies: [{ file: node.json }]\n`,
    files: { 'node.json': '{\n  "Version": "2012-10-17",\n  "Statement": [,]\n}\n' },
    where: 'node.json:3:17',
    message: /invalid JSON in .*node\.json: .*expected a policy document/,
  },
  {
    name: 'invalid policy JSON in a JSON string',
    text: `version: 1\nfacts:\n  aws:\n    repositories:\n      - arn: arn:aws:ecr:us-east-1:123456789012:repository/web\n        policy: '{"Statement": ['\n`,
    where: 'pullcheck.yml:6:32',
    message: /invalid JSON in the JSON string/,
  },
  {
    name: 'a policy that is valid JSON but not an IAM policy',
    text: `version: 1\nfacts:\n  aws:\n    roles:\n      - arn: ${role}\n        policies:\n          - Statement: [{ Effect: Permit, Action: "ecr:*", Resource: "*" }]\n`,
    where: 'pullcheck.yml:7:13',
    message: /invalid IAM policy: statement #1: `Effect` must be "Allow" or "Deny"/,
  },
  {
    name: 'invalid image reference (uppercase repository)',
    text: `version: 1\nimages:\n  - 123456789012.dkr.ecr.us-east-1.amazonaws.com/Team/Web\n`,
    where: 'pullcheck.yml:3:5',
    message: /invalid image reference .*lowercase/,
  },
  {
    name: 'invalid image reference (bad digest)',
    text: `version: 1\nimages:\n  - nginx@sha256:abc\n`,
    where: 'pullcheck.yml:3:5',
    message: /invalid image reference/,
  },
  {
    name: 'target image not among the top-level images',
    text: `version: 1\nimages: [nginx]\ntargets:\n  - name: t\n    platform: aws-role\n    roles: [${role}]\n    images: [redis]\n`,
    where: 'pullcheck.yml:7:14',
    message: /redis is not among the top-level `images`/,
  },
  {
    name: 'unknown AWS-managed policy',
    text: `version: 1\nfacts:\n  aws:\n    roles:\n      - arn: ${role}\n        managedPolicies: [arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnlyTypo]\n`,
    where: 'pullcheck.yml:6:27',
    message: /is not an AWS-managed policy pullcheck knows/,
  },
  {
    name: 'duplicate target names',
    text: `version: 1\ntargets:\n  - { name: a, platform: aws-role, roles: [${role}] }\n  - { name: a, platform: aws-role, roles: [${role}] }\n`,
    where: 'pullcheck.yml:4:13',
    message: /duplicate target name `a`/,
  },
];

for (const bad of badConfigs) {
  test(`bad config: ${bad.name} → ${bad.where}`, () => {
    const problem = problemOf(bad.text, bad.files);
    assert.equal(problem.where, bad.where);
    assert.match(problem.message, bad.message);
  });
}

test('every schema problem is reported at once, each at its own place', () => {
  try {
    loadConfigText(
      `version: 1\ntargets:\n  - name: a\n    platform: eks\n    cluster: 5\n    colour: red\n`,
      'c.yml',
    );
    assert.fail('expected errors');
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    assert.deepEqual(error.problems.map((p) => `${p.where.line}:${p.where.column}`).sort(), ['5:14', '6:5']);
  }
});

test('documents resolve inline, from JSON strings and from files relative to the config', () => {
  const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecr:*', Resource: '*' }] };
  // A checkout: the config in conf/ may name files anywhere in it (`../p.json`).
  const dir = folder({ 'p.json': JSON.stringify(doc), '.git': '' });
  const nested = path.join(dir, 'conf');
  const config = loadConfigText(
    [
      'version: 1',
      'facts:',
      '  aws:',
      '    roles:',
      `      - arn: ${role}`,
      `        policies: [{ file: ../p.json }, '${JSON.stringify(doc)}', { Version: "2012-10-17", Statement: [] }]`,
      '        permissionsBoundary: arn:aws:iam::aws:policy/AdministratorAccess',
    ].join('\n'),
    path.join(nested, 'pullcheck.yml'),
  );
  const policies = config.input.facts?.aws?.roles?.[0]?.policies ?? [];
  assert.equal(policies.length, 3);
  for (const policy of policies) assert.ok(policy instanceof LocatedDocument);
  assert.deepEqual(policies[0]?.value, doc);
  assert.deepEqual(policies[1]?.value, doc);
  assert.equal(
    config.input.facts?.aws?.roles?.[0]?.permissionsBoundary,
    'arn:aws:iam::aws:policy/AdministratorAccess',
  );
});

test('the demo config in examples/ loads, and with what discovery adds makes a plan', () => {
  const config = loadConfigFile('examples/pullcheck.yml');
  assert.equal(buildPlan(discover(config).config, registries).targets.length, 5);
});
