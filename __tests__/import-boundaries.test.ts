// The folder boundaries are enforced by ESLint (eslint.config.js, importBoundaries): each deliberate bad
// import below must be an error, and the imports the code really makes must pass.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function restrictedImports(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

const BAD: [file: string, source: string, says: RegExp][] = [
  [
    'src/providers/gcp/x.ts',
    "import type { Thing } from '../aws/policy/match.ts';",
    /one cloud never imports another/,
  ],
  [
    'src/providers/kubernetes/rbac/x.ts',
    "import { a } from '../../gcp/scopes.ts';",
    /one cloud never imports another/,
  ],
  [
    'src/providers/aws/x.ts',
    "import { a } from '../kubernetes/collect.ts';",
    /one cloud never imports another/,
  ],
  ['src/core/x.ts', "import { a } from '../providers/aws/index.ts';", /src\/core\/ is the pure middle/],
  ['src/core/config/x.ts', "import { a } from '../../report/json.ts';", /src\/core\/ is the pure middle/],
  ['src/core/x.ts', "import { STS } from '@aws-sdk/client-sts';", /src\/core\/ uses no cloud or GitHub SDK/],
  ['src/report/x.ts', "import { Octokit } from '@octokit/rest';", /a report renders the model: no SDK/],
  ['src/report/x.ts', "import * as core from '@actions/core';", /@actions\/core belongs to src\/action\//],
  [
    'src/providers/aws/x.ts',
    "import * as core from '@actions/core';",
    /@actions\/core belongs to src\/action\//,
  ],
  ['src/cli/x.ts', "import * as core from '@actions/core';", /@actions\/core belongs to src\/action\//],
  // The config contract joins the providers' schema fragments, through the provider list only.
  [
    'src/core/config/schema.ts',
    "import { aws } from '../../providers/aws/index.ts';",
    /joins the providers' schema fragments, from the provider list/,
  ],
  ['src/core/config/schema.ts', "import { a } from '../../check/login.ts';", /joins the providers' schema/],
  [
    'src/providers/aws/schema.ts',
    "import { evaluateEcrPull } from './ecr-pull.ts';",
    /a schema fragment imports only @sinclair\/typebox/,
  ],
  [
    'src/providers/gcp/schema.ts',
    "import { readFileSync } from 'node:fs';",
    /a schema fragment imports only/,
  ],
  ['src/core/x.ts', "import { a } from '../check/pipeline.ts';", /src\/core\/ is the pure middle/],
  // A cloud's definition is data the contract reads: its rules load through import(), never statically.
  [
    'src/providers/aws/index.ts',
    "import { evaluateEcrPull } from './ecr-pull.ts';",
    /a provider's index\.ts is data the config contract reads/,
  ],
  [
    'src/providers/kubernetes/k3s/index.ts',
    "import { buildRules } from './rules.ts';",
    /a provider's index\.ts is data the config contract reads/,
  ],
  [
    'src/providers/kubernetes/rke/index.ts',
    "import { buildRules } from './rules.ts';",
    /a provider's index\.ts is data the config contract reads/,
  ],
  [
    'src/providers/aws/index.ts',
    "import { buildRules } from '../../core/../providers/aws/rules.ts';",
    /a provider's index\.ts is data the config contract reads/,
  ],
  [
    'src/providers/index.ts',
    "import { buildRules } from './aws/rules.ts';",
    /the provider list imports each cloud's index\.ts and core only/,
  ],
  [
    'src/core/config/schema.ts',
    "import { awsSchema } from '../../providers/aws/schema.ts';",
    /joins the providers' schema fragments/,
  ],
];

for (const [file, source, says] of BAD) {
  test(`lint refuses in ${file}: ${source}`, async () => {
    const messages = await restrictedImports(file, source);
    assert.equal(messages.length, 1, messages.join('\n'));
    assert.match(messages[0]!, says);
  });
}

test('the imports the code makes pass: a cloud using core, the action using @actions/core', async () => {
  assert.deepEqual(
    await restrictedImports('src/providers/gcp/x.ts', "import type { Tri } from '../../core/tri.ts';"),
    [],
  );
  assert.deepEqual(await restrictedImports('src/action/x.ts', "import * as core from '@actions/core';"), []);
  assert.deepEqual(await restrictedImports('src/main.ts', "import * as core from '@actions/core';"), []);
  assert.deepEqual(await restrictedImports('src/core/x.ts', "import { a } from './tri.ts';"), []);
  assert.deepEqual(
    await restrictedImports(
      'src/core/config/schema.ts',
      "import { providers } from '../../providers/index.ts';",
    ),
    [],
  );
  assert.deepEqual(
    await restrictedImports('src/providers/gcp/index.ts', "import { garRegistry } from './registry.ts';"),
    [],
  );
  assert.deepEqual(
    await restrictedImports('src/providers/index.ts', "import { rke } from './kubernetes/rke/index.ts';"),
    [],
  );
  assert.deepEqual(
    await restrictedImports(
      'src/providers/gcp/schema.ts',
      "import { closed } from '../../core/config/schema-parts.ts';",
    ),
    [],
  );
});
