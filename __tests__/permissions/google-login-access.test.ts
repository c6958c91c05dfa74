// The generated workload identity provider condition and service account binding, fed back to pullcheck's
// own Google login check (providers/gcp/workload-identity/): every event the workflow runs on logs in.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { loadConfigFile } from '../../src/core/config/load.ts';
import { discover } from '../../src/discover/index.ts';
import { readAccess } from '../../src/permissions/index.ts';
import { celString } from '../../src/permissions/workload-identity.ts';
import { checkCi, repositoryWith } from '../helpers/ci-path.ts';

const POOL = 'projects/456/locations/global/workloadIdentityPools/github';
const PROVIDER = `${POOL}/providers/acme`;
const SA = 'deployer@my-project.iam.gserviceaccount.com';
const WORKFLOW = [
  'on:',
  '  push:',
  '    branches: [main]',
  '  pull_request:',
  'jobs:',
  '  deploy:',
  '    runs-on: ubuntu-latest',
  '    permissions: { id-token: write }',
  '    steps:',
  '      - uses: google-github-actions/auth@v2',
  `        with: { workload_identity_provider: "${PROVIDER}", service_account: "${SA}" }`,
  '',
].join('\n');
const BASE = {
  version: 1,
  discover: { workflows: ['workflows/deploy.yml'], variables: { 'github.repository': 'acme/shop' } },
  facts: { github: { oidc: { subClaim: { useDefault: true, prefix: 'repo:acme/shop' } } } },
};

test('the generated provider condition and binding let every event of the workflow log in', () => {
  const file = repositoryWith({ '.github/workflows/deploy.yml': WORKFLOW }, BASE);
  const found = discover(loadConfigFile(file), { env: {} });
  const [login] = readAccess(found.config, found.ciLogins).trust.gcp;
  assert.ok(login);
  assert.deepEqual(login.notes, []);
  assert.equal(login.provider, PROVIDER);
  assert.match(
    login.attributeCondition,
    /^assertion\.repository in \['acme\/shop'\] && \(assertion\.sub in \[/,
  );
  assert.match(login.attributeCondition, /'repo:acme\/shop:pull_request'/);
  assert.match(login.attributeCondition, /'repo:acme\/shop:ref:refs\/heads\/main'/);
  assert.deepEqual(readAccess(found.config, found.ciLogins).gcp?.projects, ['456', 'my-project']);
  assert.deepEqual(login.serviceAccount, {
    email: SA,
    role: 'roles/iam.workloadIdentityUser',
    member: `principalSet://iam.googleapis.com/${POOL}/attribute.repository/acme/shop`,
  });
  const gcp = {
    workloadIdentityProviders: [
      {
        name: PROVIDER,
        attributeMapping: login.attributeMapping,
        attributeCondition: login.attributeCondition,
        oidc: { issuerUri: 'https://token.actions.githubusercontent.com' },
        state: 'ACTIVE',
      },
    ],
    iamPolicies: [
      {
        resource: `projects/my-project/serviceAccounts/${SA}`,
        policy: { bindings: [{ role: login.serviceAccount!.role, members: [login.serviceAccount!.member] }] },
      },
      { resource: 'projects/my-project', policy: { etag: 'ACAB' } },
    ],
    projects: [{ id: 'my-project', number: '456', ancestors: [] }],
  };
  writeFileSync(file, stringify({ ...BASE, facts: { ...BASE.facts, gcp } }));
  const rows = (checkCi(file).ci ?? []).filter((row) => row.kind === 'login');
  assert.equal(rows.length, 2, JSON.stringify(rows));
  for (const row of rows) assert.equal(row.verdict, 'allowed', `${row.trigger}: ${row.reasons.join('\n')}`);

  // Another repository's token is not admitted by the same provider.
  const other = repositoryWith(
    { '.github/workflows/deploy.yml': WORKFLOW },
    {
      ...BASE,
      discover: { ...BASE.discover, variables: { 'github.repository': 'evil/fork' } },
      facts: { gcp },
    },
  );
  const refused = (checkCi(other).ci ?? []).filter((row) => row.kind === 'login');
  assert.ok(refused.length > 0 && refused.every((row) => row.verdict === 'denied'), JSON.stringify(refused));
});

test('CEL string literals escape what the workflow wrote', () => {
  assert.equal(celString("it's"), "'it\\'s'");
  assert.equal(celString('a\\b'), "'a\\\\b'");
  assert.equal(celString('line\nbreak'), "'line\\u000abreak'");
});
