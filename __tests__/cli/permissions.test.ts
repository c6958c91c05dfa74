// `pullcheck permissions` as a process (dist/cli.js): help, bad input (exit 2 with a message), each format
// on the demo, and the shell script run with stand-in aws/gcloud/kubectl: hostile config values arrive as
// the arguments they are, never as shell.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { stringify } from 'yaml';
import { runCliInProcess } from '../helpers/cli-formats.ts';
import { runNode } from '../helpers/process.ts';

const CLI = path.resolve('dist/cli.js');
const DEMO = 'examples/pullcheck.yml';
const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'pullcheck-permissions-cli-'));

test('--help prints the usage; pullcheck --help lists the command', async () => {
  const help = await runNode([CLI, 'permissions', '--help']);
  assert.equal(help.code, 0, help.stderr);
  assert.match(
    help.stdout,
    /^usage: pullcheck permissions \[--config FILE\].*--format json\|yaml\|terraform\|gcloud/,
  );
  const all = await runCliInProcess(['--help']);
  assert.match(all.stdout, /^ {2}permissions +print the least-privilege read access/m);
});

test('bad input: exit 2 with a message and the usage, never a stack', async () => {
  const flag = await runNode([CLI, 'permissions', '--nope']);
  assert.equal(flag.code, 2);
  assert.match(flag.stderr, /^pullcheck: Unknown option '--nope'/);
  assert.match(flag.stderr, /usage: pullcheck permissions/);
  const format = await runCliInProcess(['permissions', '--config', DEMO, '--format', 'terraformm']);
  assert.equal(format.code, 2);
  assert.match(format.stderr, /--format must be one of: json, yaml, terraform, gcloud.*terraform/);
  const missing = await runCliInProcess(['permissions', '--config', path.join(tempDir(), 'absent.yml')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /absent\.yml/);
  assert.doesNotMatch(missing.stderr, /\n\s+at /);
});

test('json: the AWS policy, the trust policy, the Google role and the ClusterRole of the demo', async () => {
  const { code, stdout, stderr } = await runNode([CLI, 'permissions', '--config', DEMO]);
  assert.equal(code, 0, stderr);
  const access = JSON.parse(stdout);
  assert.deepEqual(Object.keys(access), ['aws', 'gcp', 'kubernetes']);
  const [base] = access.aws.policies;
  assert.equal(base.attachTo, 'base session');
  const actions = base.document.Statement.flatMap((s: { Action: string[] }) => s.Action);
  assert.ok(actions.includes('eks:DescribeNodegroup') && actions.includes('ecr:GetRegistryPolicy'), actions);
  const [trust] = access.aws.trustPolicies;
  assert.equal(trust.role, 'arn:aws:iam::123456789012:role/github-release');
  assert.deepEqual(trust.document.Statement[0].Condition.StringEquals, {
    'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
    'token.actions.githubusercontent.com:sub': ['repo:acme/shop:environment:production'],
  });
  assert.deepEqual(access.gcp.customRole.projects, ['acme-prod']);
  assert.equal(access.kubernetes.kind, 'ClusterRole');
});

test('yaml: the envelope, then the ClusterRole as a manifest of its own', async () => {
  const { code, stdout } = await runCliInProcess(['permissions', '--config', DEMO, '--format', 'yaml']);
  assert.equal(code, 0);
  const documents = parseAllDocuments(stdout).map((document) => document.toJS());
  assert.equal(documents.length, 2);
  assert.equal(documents[0].aws.policies[0].name, 'pullcheck-read');
  // A YAML 1.1 reader would take an unquoted 2012-10-17 for a date.
  assert.match(stdout, /Version: "2012-10-17"/);
  assert.equal(documents[1].kind, 'ClusterRole');
  assert.ok(
    documents[1].rules.some((rule: { resources: string[] }) =>
      rule.resources.includes('subjectaccessreviews'),
    ),
  );
});

test('terraform: a resource per policy, role, custom role and ClusterRole', async () => {
  const { code, stdout } = await runCliInProcess(['permissions', '--config', DEMO, '--format', 'terraform']);
  assert.equal(code, 0);
  for (const resource of [
    'resource "aws_iam_policy" "pullcheck_read"',
    'resource "aws_iam_role" "pullcheck_ci_0"',
    'resource "google_project_iam_custom_role" "pullcheck_read_0"',
    'resource "google_organization_iam_custom_role" "pullcheck_read"',
    'resource "kubernetes_cluster_role_v1" "pullcheck_read"',
  ])
    assert.ok(stdout.includes(resource), resource);
  assert.match(stdout, /assume_role_policy = "\{\\"Version\\":\\"2012-10-17\\"/);
});

test("gcloud: the script runs the clouds' CLIs with hostile config values as plain arguments", async () => {
  const dir = tempDir();
  const hostile = "prod'$(touch PWNED)`touch PWNED`${HOME}";
  const config = path.join(dir, 'pullcheck.yml');
  writeFileSync(
    config,
    stringify({
      version: 1,
      images: ['123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api:1'],
      targets: [
        { name: 'eks', platform: 'eks', account: '123456789012', region: 'us-east-1', cluster: hostile },
        { name: 'ocp', platform: 'openshift', namespace: 'project-a' },
      ],
    }),
  );
  const { code, stdout, stderr } = await runCliInProcess([
    'permissions',
    '--config',
    config,
    '--format',
    'gcloud',
  ]);
  assert.equal(code, 0, stderr);
  // Stand-ins for aws and kubectl: each writes its arguments (and kubectl its stdin) to calls.log.
  const bin = path.join(dir, 'bin');
  mkdirSync(bin);
  for (const tool of ['aws', 'kubectl']) {
    writeFileSync(
      path.join(bin, tool),
      `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a" >> "${dir}/calls.log"; done\n[ "$1" = apply ] && cat >> "${dir}/calls.log"\nexit 0\n`,
    );
    chmodSync(path.join(bin, tool), 0o755);
  }
  writeFileSync(path.join(dir, 'permissions.sh'), stdout);
  const run = await runNode(
    ['-e', `require('node:child_process').execFileSync('sh', ['permissions.sh'], { stdio: 'inherit' })`],
    { PATH: `${bin}:${process.env['PATH']}` },
    dir,
  );
  assert.equal(run.code, 0, run.stderr);
  assert.ok(!existsSync(path.join(dir, 'PWNED')), 'a config value ran as shell');
  const calls = readFileSync(path.join(dir, 'calls.log'), 'utf8').split('\n');
  const document = JSON.parse(calls[calls.indexOf('--policy-document') + 1]!);
  const resources = document.Statement.flatMap((s: { Resource: string[] }) => s.Resource);
  assert.ok(resources.includes(`arn:aws:eks:us-east-1:123456789012:cluster/${hostile}`), resources);
  assert.ok(calls.includes('kind: ClusterRole'), 'kubectl got the ClusterRole on stdin');
});
