// The seeded repository of secrets.test.ts, read by the commands of issue 19: `explain` of every pull of
// the plan in every format, `permissions` in every format, and `init` (its plan, and the two files it
// writes). No seeded secret — committed, in a workflow literal, or in pullcheck's environment — may appear.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runNode } from './helpers/process.ts';
import { assertClean, secretEnvironment, seededRepository } from './helpers/seeded-secrets.ts';

const CLI = path.resolve('dist/cli.js');

test('explain: every pull of the seeded plan, in text, json and markdown, holds no seeded secret', async () => {
  const repo = seededRepository();
  const run = (args: string[]) => runNode([CLI, ...args], secretEnvironment(), repo);
  const checked = await run(['check', '--offline', '--config', 'pullcheck.yml', '--format', 'json']);
  const results = (JSON.parse(checked.stdout) as { results: { image: string; target: string }[] }).results;
  const pulls = new Map(results.map((r) => [`${r.image} ${r.target}`, r]));
  assert.ok(pulls.size >= 6, `the seeded plan has its pulls (${pulls.size})`);
  const texts: Record<string, string> = {};
  for (const { image, target } of pulls.values()) {
    for (const format of ['text', 'json', 'markdown']) {
      const args = ['explain', image, target, '--config', 'pullcheck.yml', '--offline', '--format', format];
      const explained = await run(args);
      assert.equal(explained.code, 0, `${image} ${target} ${format}: ${explained.stderr}`);
      texts[`${image} ${target} ${format}`] = explained.stdout + explained.stderr;
    }
  }
  // The k3s key's account and the registries.yaml entries were traced: the secrets were there to leak.
  assert.match(Object.values(texts).join('\n'), /service-account key of edge-puller@/);
  assertClean(texts);
});

test('permissions in every format and init (plan and files written) hold no seeded secret', async () => {
  const repo = seededRepository();
  const run = (args: string[], cwd = repo) => runNode([CLI, ...args], secretEnvironment(), cwd);
  const texts: Record<string, string> = {};
  for (const format of ['json', 'yaml', 'terraform', 'gcloud']) {
    const printed = await run(['permissions', '--config', 'pullcheck.yml', '--format', format]);
    assert.equal(printed.code, 0, printed.stderr);
    texts[`permissions ${format}`] = printed.stdout + printed.stderr;
  }
  assert.match(texts['permissions json']!, /role\/release/, 'the workflow login was read');
  const dryRun = await run(['init', '--dry-run']);
  assert.equal(dryRun.code, 0, dryRun.stderr);
  texts['init --dry-run'] = dryRun.stdout + dryRun.stderr;
  const copy = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-secrets-init-'));
  cpSync(repo, copy, { recursive: true });
  const written = await run(['init'], copy);
  assert.equal(written.code, 0, written.stderr);
  texts['init'] = written.stdout + written.stderr;
  texts['init config'] = readFileSync(path.join(copy, '.github/pullcheck.yml'), 'utf8');
  texts['init workflow'] = readFileSync(path.join(copy, '.github/workflows/pullcheck.yml'), 'utf8');
  assertClean(texts);
});
