// `pullcheck init` as a process (dist/cli.js): help and bad flags, what it does with files that exist
// (nothing without --force, every one with it), --dry-run, repositories it cannot read, and a malformed
// workflow, which is a finding in the plan and not a crash. What it writes is tested in generate.test.ts.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runNode } from '../helpers/process.ts';

const CLI = path.resolve('dist/cli.js');
const init = (...args: string[]) => runNode([CLI, 'init', ...args]);

function sampleCopy(): string {
  const copy = path.join(mkdtempSync(path.join(os.tmpdir(), 'pullcheck-init-')), 'repo');
  cpSync(path.resolve('examples/sample-repo'), copy, { recursive: true });
  return copy;
}
const CONFIG = '.github/pullcheck.yml';
const WORKFLOW = '.github/workflows/pullcheck.yml';

test('--help, and a bad flag: exit 2 with the usage', async () => {
  const help = await init('--help');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^usage: pullcheck init \[--repo DIR\] \[--force\] \[--dry-run\]/);
  const bad = await init('--forse');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^pullcheck: Unknown option '--forse'[\s\S]*usage: pullcheck init/);
  const outside = await init('--repo', sampleCopy(), '--config-out', '../elsewhere.yml');
  assert.equal(outside.code, 2);
  assert.match(outside.stderr, /--config-out `?\.\.\/elsewhere\.yml`? is not a file inside the repository/);
});

test('--dry-run writes nothing; then init writes both; an existing file stops it (nothing written); --force overwrites', async () => {
  const repo = sampleCopy();
  const dry = await init('--repo', repo, '--dry-run');
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, /\.github\/pullcheck\.yml: would be written \(--dry-run\)/);
  assert.match(dry.stdout, /\n--- \.github\/workflows\/pullcheck\.yml\n# pullcheck: on every pull request/);
  assert.ok(!existsSync(path.join(repo, CONFIG)) && !existsSync(path.join(repo, WORKFLOW)));

  const first = await init('--repo', repo);
  assert.equal(first.code, 0, first.stderr);
  assert.match(
    first.stdout,
    /files:\n {2}\.github\/pullcheck\.yml: written\n {2}\.github\/workflows\/pullcheck\.yml: written/,
  );
  assert.match(
    first.stdout,
    /next:\n {2}1\. edit \.github\/workflows\/pullcheck\.yml where it is marked EDIT: role-to-assume/,
  );
  assert.match(first.stdout, /`pullcheck permissions`/);

  // Only the config exists now: it is reported, and the workflow is not written either.
  writeFileSync(path.join(repo, CONFIG), 'version: 1 # mine\n');
  rmSync(path.join(repo, WORKFLOW));
  const again = await init('--repo', repo);
  assert.equal(again.code, 2);
  assert.match(again.stdout, /\.github\/pullcheck\.yml: exists, left alone \(use --force to overwrite\)/);
  assert.match(
    again.stderr,
    /^pullcheck: \.github\/pullcheck\.yml already exists: nothing written \(use --force/,
  );
  assert.equal(readFileSync(path.join(repo, CONFIG), 'utf8'), 'version: 1 # mine\n');
  assert.ok(!existsSync(path.join(repo, WORKFLOW)), 'nothing written when one file exists');

  const forced = await init('--repo', repo, '--force');
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(forced.stdout, /\.github\/pullcheck\.yml: overwritten \(--force\)/);
  assert.match(readFileSync(path.join(repo, CONFIG), 'utf8'), /^# pullcheck's config/);
  assert.match(readFileSync(path.join(repo, WORKFLOW), 'utf8'), /uses: acme\/pullcheck@v1/);
});

test('a repository it cannot read is exit 2 naming it; one without workflows still works and says so', async () => {
  const missing = await init('--repo', path.join(os.tmpdir(), 'pullcheck-no-such-dir', 'repo'));
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--repo .*pullcheck-no-such-dir\/repo`? does not exist/);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'pullcheck-init-file-')), 'README.md');
  writeFileSync(file, '# not a repository\n');
  const notDir = await init('--repo', file);
  assert.equal(notDir.code, 2);
  assert.match(notDir.stderr, /--repo .*README\.md`? is not a directory/);
  // Permissions do not stop root: this case runs only for another user.
  if (process.getuid?.() !== 0) {
    const closed = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-init-closed-'));
    const { chmodSync } = await import('node:fs');
    chmodSync(closed, 0o000);
    const denied = await init('--repo', closed);
    chmodSync(closed, 0o700);
    assert.equal(denied.code, 2);
    assert.match(denied.stderr, /cannot be read \(EACCES\)/);
  }
  const empty = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-init-empty-'));
  const none = await init('--repo', empty, '--dry-run');
  assert.equal(none.code, 0, none.stderr);
  assert.match(none.stdout, /found: no workflow in \.github\/workflows\/: nothing to discover yet/);
});

test('a malformed workflow is a finding in the plan, and the others are still read', async () => {
  const repo = sampleCopy();
  mkdirSync(path.join(repo, '.github', 'workflows'), { recursive: true });
  writeFileSync(path.join(repo, '.github', 'workflows', 'broken.yml'), 'on: push\njobs: [\n  - a: {\n');
  const run = await init('--repo', repo, '--dry-run');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /found: 1 image, 1 target, 1 finding in 2 workflows/);
  assert.match(run.stdout, /\n {2}finding {2}\.github\/workflows\/broken\.yml:\d+: YAML syntax error/);
  assert.match(run.stdout, /\n# {3}- \.github\/workflows\/broken\.yml:\d+: YAML syntax error/);
});
