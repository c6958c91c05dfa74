// Adding a cloud is one folder under src/providers/ plus its line in the provider list (README,
// Development). Shown on a copy of src/: the made-up Acme cloud of __tests__/fixtures/new-provider/acme
// becomes src/providers/acme/, src/providers/index.ts gains its import and its place in the list, and
// nothing else changes — then its generated schema holds Acme's target and facts, and the CLI reads the
// Acme registry's hosts, validates Acme's facts and decides pulls with Acme's rule. (That the config's
// static types follow the list too is config-types.test.ts's; type-checking this copy costs 13 s of CPU.)
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { runNode, type ProcessResult } from '../helpers/process.ts';

const REPO = process.cwd();
const LIST = 'src/providers/index.ts';
let copy: string;

/** The provider list with Acme added: its import and its place in the list, as a contributor would write. */
function withAcme(list: string): string {
  const added = list
    .replace("import { aws } from './aws/index.ts';", "import { acme } from './acme/index.ts';\n$&")
    .replace('[aws, gcp, k3s, kubernetes] as const', '[aws, gcp, k3s, kubernetes, acme] as const');
  assert.notEqual(added, list);
  return added;
}

function cli(config: string, ...args: string[]): Promise<ProcessResult> {
  writeFileSync(path.join(copy, 'pullcheck.yml'), config);
  return runNode(
    ['--import', 'tsx', 'src/cli.ts', 'check', '--config', 'pullcheck.yml', '--offline', ...args],
    {},
    copy,
  );
}

before(async () => {
  copy = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-new-provider-'));
  cpSync(path.join(REPO, 'src'), path.join(copy, 'src'), { recursive: true });
  cpSync(path.join(REPO, '__tests__/fixtures/new-provider/acme'), path.join(copy, 'src/providers/acme'), {
    recursive: true,
  });
  writeFileSync(path.join(copy, LIST), withAcme(readFileSync(path.join(REPO, LIST), 'utf8')));
  cpSync(path.join(REPO, 'package.json'), path.join(copy, 'package.json'));
  cpSync(path.join(REPO, 'scripts/generate-schema.ts'), path.join(copy, 'scripts/generate-schema.ts'));
  symlinkSync(path.join(REPO, 'node_modules'), path.join(copy, 'node_modules'));
  const generated = await runNode(
    [
      '--import',
      'tsx',
      'scripts/generate-schema.ts',
      'schema.json',
      'src/core/config/generated/config-validator.ts',
    ],
    {},
    copy,
  );
  assert.equal(generated.code, 0, generated.stderr);
});

after(() => rmSync(copy, { recursive: true, force: true }));

test('the change is the new folder and two lines of the provider list', () => {
  const before = readFileSync(path.join(REPO, LIST), 'utf8').split('\n');
  const after = readFileSync(path.join(copy, LIST), 'utf8').split('\n');
  assert.equal(after.length - before.length, 1, 'one import line');
  assert.equal(after.filter((line) => !before.includes(line)).length, 2, 'the import and the list');
});

test("the generated schema holds the new cloud's target and facts", () => {
  const schema = JSON.parse(readFileSync(path.join(copy, 'schema.json'), 'utf8'));
  assert.ok(JSON.stringify(schema.properties.targets).includes('"const":"acme-cluster"'));
  assert.deepEqual(Object.keys(schema.properties.facts.properties), ['aws', 'gcp', 'kubernetes', 'acme']);
});

test("the CLI reads the new registry's hosts and decides its pulls with the new rule", async () => {
  const result = await cli(
    [
      'version: 1',
      'images: [eu.cr.acme.test/shop/web:1.0]',
      'targets:',
      '  - { name: shop-prod, platform: acme-cluster, nodeIdentity: node-prod }',
      '  - { name: shop-dev, platform: acme-cluster, nodeIdentity: node-dev }',
      'facts:',
      '  acme:',
      '    readers: [{ project: shop, identities: [node-prod] }]',
      '',
    ].join('\n'),
    '--format',
    'json',
  );
  assert.equal(result.code, 1, result.stderr);
  const report = JSON.parse(result.stdout);
  assert.deepEqual(
    report.results.map((row: Record<string, unknown>) => [row['target'], row['registry'], row['verdict']]),
    [
      ['shop-prod', 'acme', 'allowed'],
      ['shop-dev', 'acme', 'denied'],
    ],
  );
  assert.equal(report.results[1].missing[0].fix.snippets.cli, 'acme projects add-reader shop node-dev');
});

test("the new cloud's facts and paths are validated like every other's", async () => {
  const badKey = await cli(
    'version: 1\nimages: [eu.cr.acme.test/shop/web]\nfacts:\n  acme:\n    readerz: []\n',
  );
  assert.equal(badKey.code, 2);
  assert.match(
    badKey.stderr,
    /pullcheck\.yml:5:5: unknown key `readerz` in `facts\.acme` \(did you mean `readers`\?\)/,
  );
  const badPath = await cli('version: 1\nimages: [eu.cr.acme.test/web]\n');
  assert.equal(badPath.code, 2);
  assert.match(badPath.stderr, /pullcheck\.yml:2:10: .*an Acme path is PROJECT\/IMAGE/);
});
