// Adding a cloud is one folder under src/providers/ plus its line in the provider list (README,
// Development). Shown on a copy of src/: the made-up Acme cloud of __tests__/fixtures/new-provider/acme
// becomes src/providers/acme/ and src/providers/index.ts gains its import and its place in the list —
// nothing else is edited. Then the copy type-checks (Acme's rules read facts.acme and the acme-cluster
// target, typed only because Acme is listed), its generated schema holds Acme's target and facts, and the
// CLI reads the Acme registry's hosts, validates Acme's facts and decides pulls with Acme's rule.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { runNode, type ProcessResult } from '../helpers/process.ts';

const REPO = process.cwd();
const LIST = 'src/providers/index.ts';
// One place, so the type check's incremental state (kept beside it) makes a repeat run cheap.
const COPY = path.join(REPO, 'node_modules/.cache/pullcheck/new-provider');
let typecheck: Promise<ProcessResult>;

/** The provider list with Acme added: its import and its place in the list, as a contributor would write. */
function withAcme(list: string): string {
  const added = list
    .replace("import { aws } from './aws/index.ts';", "import { acme } from './acme/index.ts';\n$&")
    .replace('[aws, gcp, k3s, kubernetes] as const', '[aws, gcp, k3s, kubernetes, acme] as const');
  assert.equal(added.split('\n').length, list.split('\n').length + 1, 'one import line added');
  return added;
}

function cli(config: string, ...args: string[]): Promise<ProcessResult> {
  writeFileSync(path.join(COPY, 'pullcheck.yml'), config);
  return runNode(
    ['--import', 'tsx', 'src/cli.ts', 'check', '--config', 'pullcheck.yml', '--offline', ...args],
    {},
    COPY,
  );
}

before(async () => {
  for (const part of ['src', 'scripts', 'schema.json', 'package.json', 'node_modules', 'tsconfig.json'])
    rmSync(path.join(COPY, part), { recursive: true, force: true });
  mkdirSync(COPY, { recursive: true });
  cpSync(path.join(REPO, 'src'), path.join(COPY, 'src'), { recursive: true });
  cpSync(path.join(REPO, '__tests__/fixtures/new-provider/acme'), path.join(COPY, 'src/providers/acme'), {
    recursive: true,
  });
  writeFileSync(path.join(COPY, LIST), withAcme(readFileSync(path.join(REPO, LIST), 'utf8')));
  cpSync(path.join(REPO, 'package.json'), path.join(COPY, 'package.json'));
  cpSync(path.join(REPO, 'scripts/generate-schema.ts'), path.join(COPY, 'scripts/generate-schema.ts'));
  symlinkSync(path.join(REPO, 'node_modules'), path.join(COPY, 'node_modules'));
  const tsconfig = JSON.parse(readFileSync(path.join(REPO, 'tsconfig.json'), 'utf8'));
  const options = { ...tsconfig.compilerOptions, incremental: true, tsBuildInfoFile: 'tsc.tsbuildinfo' };
  writeFileSync(
    path.join(COPY, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: options, include: ['src'] }),
  );
  // The type check runs while the CLI cases do; the schema must exist before the CLI validates.
  typecheck = runNode([path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {}, COPY);
  const generated = await runNode(
    [
      '--import',
      'tsx',
      'scripts/generate-schema.ts',
      'schema.json',
      'src/core/config/generated/config-validator.ts',
    ],
    {},
    COPY,
  );
  assert.equal(generated.code, 0, generated.stderr);
});

after(() => typecheck);

test('the copy type-checks: the config types follow the provider list to the new cloud', async () => {
  const result = await typecheck;
  assert.equal(result.code, 0, result.stdout + result.stderr);
});

test("the generated schema holds the new cloud's target and facts", () => {
  const schema = JSON.parse(readFileSync(path.join(COPY, 'schema.json'), 'utf8'));
  assert.ok(JSON.stringify(schema.properties.targets).includes('"const":"acme-cluster"'));
  assert.deepEqual(Object.keys(schema.properties.facts.properties), [
    'aws',
    'gcp',
    'kubernetes',
    'acme',
    'github',
  ]);
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
