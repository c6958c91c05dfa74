// Live reads of principal access boundary (PAB) policies through the IAM v3 API, against the protocol-faithful
// fake on 127.0.0.1 (../../helpers/google-iam-v3.ts): policyBindings.list under the project, folders and
// organization of each pulling service account (page by page), the bindings of kind PRINCIPAL_ACCESS_BOUNDARY
// whose target is that principal set, then principalAccessBoundaryPolicies.get for each bound policy's rules.
// Sources: IAM "Principal access boundary policies", "Apply a principal access boundary policy to a set of
// principals", "View principal access boundary policies"; IAM v3 REST reference (policyBindings.list,
// principalAccessBoundaryPolicies.get, PolicyBinding.target.principalSet: "must be directly parented by the
// policy binding's parent or same as the parent if the target is a project/folder/organization").
process.env['METADATA_SERVER_DETECTION'] = 'none';

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { OAuth2Client } from 'google-auth-library';
import { stringify } from 'yaml';
import { checkPulls } from '../../../src/check/pipeline.ts';
import { CallRunner } from '../../../src/core/call-runner.ts';
import { loadConfigText } from '../../../src/core/config/load.ts';
import type { TargetInput } from '../../../src/core/config/schema.ts';
import { parseImageReference } from '../../../src/core/image-reference.ts';
import { registryLocator } from '../../../src/core/registries.ts';
import { collectGcpFacts, type CollectedGcpFacts } from '../../../src/providers/gcp/collect.ts';
import type { GcpFactsInput } from '../../../src/providers/gcp/schema.ts';
import { registries } from '../../../src/providers/index.ts';
import type { FakePolicyBinding } from '../../helpers/google-iam-v3.ts';
import { FakeGoogleRest, type FakeGoogleRestState, type Json } from '../../helpers/google-rest.ts';
import { checkConfig } from '../../helpers/check.ts';

const TOKEN = 'ya29.pab-test-token';
const APPS = 'acme-prod';
const TOOLS = 'acme-tools';
const NUMBER = '123456789012';
const FOLDER = 'folders/234567890123';
const ORG = 'organizations/345678901234';
const CRM = '//cloudresourcemanager.googleapis.com/';
const SET = 'principalSet://cloudresourcemanager.googleapis.com/';
const REPO = `projects/${APPS}/locations/europe-west2/repositories/api`;
const IMAGE = `europe-west2-docker.pkg.dev/${APPS}/api/service:v1`;
const NODES = `gke-nodes@${APPS}.iam.gserviceaccount.com`;
const OUTSIDER = `outsider@${TOOLS}.iam.gserviceaccount.com`;
const POLICIES = `${ORG}/locations/global/principalAccessBoundaryPolicies`;
const ACME_ONLY = `${POLICIES}/acme-only`;
const ELSEWHERE = `${POLICIES}/elsewhere-only`;
const ONLY_SERVICE_ACCOUNTS = "principal.type == 'iam.googleapis.com/ServiceAccount'";

const reader = (...emails: string[]): Json => ({
  bindings: [
    { role: 'roles/artifactregistry.reader', members: emails.map((email) => `serviceAccount:${email}`) },
  ],
});
const bound = (id: string, principalSet: string, policy: string, extra: Partial<FakePolicyBinding> = {}) => ({
  id,
  principalSet,
  policy,
  ...extra,
});

function state(overrides: Partial<FakeGoogleRestState> = {}): FakeGoogleRestState {
  return {
    policies: {
      [REPO]: reader(NODES, OUTSIDER),
      [`projects/${APPS}`]: {},
      [FOLDER]: {},
      [ORG]: {},
    },
    projects: {
      [APPS]: { number: NUMBER, ancestors: [FOLDER, ORG] },
      [TOOLS]: { number: '223456789012', ancestors: [ORG] },
    },
    pabPolicies: {
      [ACME_ONLY]: {
        displayName: 'Acme resources only',
        details: {
          rules: [{ description: 'the organization', resources: [`${CRM}${ORG}`], effect: 'ALLOW' }],
          enforcementVersion: '3',
        },
      },
      [ELSEWHERE]: {
        details: {
          rules: [{ resources: [`${CRM}folders/999999999999`], effect: 'ALLOW' }],
          enforcementVersion: 'latest',
        },
      },
    },
    ...overrides,
  };
}

async function withFake(fakeState: FakeGoogleRestState, body: (fake: FakeGoogleRest) => Promise<void>) {
  const fake = await new FakeGoogleRest(fakeState, TOKEN).start();
  try {
    await body(fake);
  } finally {
    await fake.stop();
  }
}

function collect(
  fake: FakeGoogleRest,
  targets: readonly TargetInput[],
  known: GcpFactsInput = {},
): Promise<CollectedGcpFacts> {
  const authClient = new OAuth2Client();
  authClient.setCredentials({ access_token: TOKEN, expiry_date: Date.now() + 3_600_000 });
  const url = fake.url;
  return collectGcpFacts(
    { images: [parseImageReference(IMAGE, registryLocator(registries))], targets, known },
    {
      runner: new CallRunner({ sleep: async () => {}, timeoutMs: 5_000 }),
      authClient,
      endpoints: { artifactRegistry: url, resourceManager: url, container: url, storage: url, iam: url },
    },
  );
}

const accounts = (...emails: string[]): TargetInput[] =>
  emails.map((email, i) => ({
    name: `sa-${i}`,
    platform: 'gcp-service-account',
    serviceAccounts: [{ email }],
  }));
const boundaries = (facts: CollectedGcpFacts) =>
  new Map((facts.principalAccessBoundaries ?? []).map((entry) => [entry.principalSet, entry]));
const ACME_ONLY_FACT = {
  name: ACME_ONLY,
  enforcementVersion: '3',
  rules: [{ description: 'the organization', resources: [`${CRM}${ORG}`], effect: 'ALLOW' }],
};

/** The check through the real pipeline: live reads against the fake, joined to the config, then the rules. */
async function check(fake: FakeGoogleRest, targets: readonly TargetInput[], snapshot?: string) {
  const url = fake.url;
  const config = loadConfigText(
    stringify({
      version: 1,
      images: [IMAGE],
      targets,
      endpoints: {
        google: { artifactRegistry: url, resourceManager: url, container: url, storage: url, iam: url },
      },
    }),
    'pullcheck.yml',
  );
  const { report } = await checkPulls({
    config,
    findings: [],
    failOn: 'denied',
    lookedAt: { config: 'pullcheck.yml', workflows: [], entry: 'cli' },
    live: { credentials: { gcp: TOKEN } },
    snapshot,
  });
  return report;
}

test("policy bindings are listed page by page under the set's parent; only PAB bindings whose target is that set count, and each bound policy is read once", async () => {
  const policyBindings = {
    [ORG]: [
      bound('contractors', '//iam.googleapis.com/locations/global/workforcePools/contractors', ELSEWHERE),
      bound('org-service-accounts', `${CRM}${ORG}`, ACME_ONLY),
      bound('workspace', '//iam.googleapis.com/locations/global/workspace/C01abcde', ELSEWHERE),
    ],
    // A project's principal set may be named by number: a binding under the project targets its own set.
    [`projects/${APPS}`]: [bound('apps', `${CRM}projects/${NUMBER}`, ACME_ONLY)],
  };
  await withFake(state({ policyBindings, policyBindingPageCap: 1 }), async (fake) => {
    const facts = await collect(fake, accounts(NODES));
    const read = boundaries(facts);
    assert.deepEqual(
      [...read.keys()].sort(),
      [`${SET}projects/${APPS}`, `${SET}${FOLDER}`, `${SET}${ORG}`].sort(),
    );
    assert.deepEqual(read.get(`${SET}projects/${APPS}`), {
      principalSet: `${SET}projects/${APPS}`,
      policies: [ACME_ONLY_FACT],
    });
    assert.deepEqual(read.get(`${SET}${FOLDER}`), { principalSet: `${SET}${FOLDER}`, policies: [] });
    assert.deepEqual(read.get(`${SET}${ORG}`), { principalSet: `${SET}${ORG}`, policies: [ACME_ONLY_FACT] });
    const orgPages = fake.requests.filter(
      (request) => request.path === `/v3/${ORG}/locations/global/policyBindings`,
    );
    assert.equal(orgPages.length, 3, 'three bindings, one per page');
    assert.deepEqual(
      orgPages.map((request) => request.query.get('pageToken')),
      [null, '1:1000', '2:1000'],
    );
    for (const request of fake.requests.filter((one) => one.api === 'iam')) {
      assert.equal(request.method, 'GET');
      assert.equal(request.authorization, `Bearer ${TOKEN}`);
    }
    assert.equal(fake.count(/principalAccessBoundaryPolicies\/acme-only$/), 1, 'bound twice, read once');
    assert.equal(fake.count(/elsewhere-only$/), 0, 'bound only to other principal sets');
  });
});

test('a list or a policy the identity may not read is unreadable, naming the permission; an allowed pull it could change is unknown', async () => {
  const policyBindings = { [`projects/${TOOLS}`]: [bound('tools', `${CRM}projects/${TOOLS}`, ELSEWHERE)] };
  const denied = [
    `iam.policybindings.list on ${ORG}`,
    `iam.principalaccessboundarypolicies.get on ${ELSEWHERE}`,
  ];
  await withFake(state({ policyBindings, denied }), async (fake) => {
    const read = boundaries(await collect(fake, accounts(NODES, OUTSIDER)));
    const org = read.get(`${SET}${ORG}`);
    assert.ok(org && 'unreadable' in org, JSON.stringify(org));
    assert.match(
      org.unreadable,
      /^iam\.policybindings\.list on organizations\/345678901234 was denied \(PERMISSION_DENIED\)/,
    );
    const tools = read.get(`${SET}projects/${TOOLS}`);
    assert.ok(tools && 'unreadable' in tools, JSON.stringify(tools));
    assert.match(
      tools.unreadable,
      /^iam\.principalaccessboundarypolicies\.get on organizations\/345678901234\/locations\/global\/principalAccessBoundaryPolicies\/elsewhere-only was denied/,
    );
    assert.deepEqual(read.get(`${SET}projects/${APPS}`), {
      principalSet: `${SET}projects/${APPS}`,
      policies: [],
    });

    const report = await check(fake, accounts(NODES));
    const [result] = report.results;
    assert.equal(result?.verdict, 'unknown', result?.reasons.join('\n'));
    assert.match(
      result!.reasons.join('\n'),
      /principals of organizations\/345678901234 could not be read: iam\.policybindings\.list/,
    );
  });
});

test("a binding's condition is kept with its policy: the pull is unknown, naming the condition", async () => {
  const condition = { title: 'service accounts only', expression: ONLY_SERVICE_ACCOUNTS };
  const policyBindings = {
    [`projects/${APPS}`]: [bound('apps', `${CRM}projects/${APPS}`, ELSEWHERE, { condition })],
  };
  await withFake(state({ policyBindings }), async (fake) => {
    const read = boundaries(await collect(fake, accounts(NODES)));
    const apps = read.get(`${SET}projects/${APPS}`);
    assert.ok(apps && 'policies' in apps);
    assert.deepEqual(apps.policies[0]?.['condition'], condition);
    const [result] = (await check(fake, accounts(NODES))).results;
    assert.equal(result?.verdict, 'unknown', result?.reasons.join('\n'));
    assert.ok(
      result!.reasons.some((reason) => reason.includes(`under the condition ${ONLY_SERVICE_ACCOUNTS}`)),
    );
  });
});

test('end to end through the check: a boundary that lists the organization leaves the pull allowed; one that does not list the repository makes it unknown; the sets read are listed as read live, and the snapshot replays offline to the same verdicts', async () => {
  const policyBindings = {
    [`projects/${APPS}`]: [bound('apps', `${CRM}projects/${APPS}`, ACME_ONLY)],
    [`projects/${TOOLS}`]: [bound('tools', `${CRM}projects/${TOOLS}`, ELSEWHERE)],
  };
  await withFake(state({ policyBindings }), async (fake) => {
    const snapshot = join(mkdtempSync(join(tmpdir(), 'pullcheck-pab-')), 'snapshot.yml');
    const report = await check(fake, accounts(NODES, OUTSIDER), snapshot);
    const verdict = (email: string) =>
      report.results.find((result) => result.principal === `serviceAccount:${email}`)!;
    assert.equal(verdict(NODES).verdict, 'allowed', verdict(NODES).reasons.join('\n'));
    assert.doesNotMatch(verdict(NODES).reasons.join('\n'), /principal access boundary .*taken as absent/);
    assert.equal(verdict(OUTSIDER).verdict, 'unknown', verdict(OUTSIDER).reasons.join('\n'));
    assert.match(
      verdict(OUTSIDER).reasons.join('\n'),
      /not eligible for .*elsewhere-only \(enforcement version latest\)/,
    );
    const live = report.facts?.live ?? [];
    for (const set of [`projects/${APPS}`, `projects/${TOOLS}`, FOLDER, ORG]) {
      assert.ok(live.includes(`${SET}${set} (principal access boundary policies)`), live.join('\n'));
    }
    const replayed = checkConfig(loadConfigText(readFileSync(snapshot, 'utf8'), snapshot));
    assert.deepEqual(
      replayed.results.map((result) => [result.principal, result.verdict]),
      report.results.map((result) => [result.principal, result.verdict]),
    );
  });
});

test('principal sets the config states are not read (a project named by its number too)', async () => {
  const known: GcpFactsInput = {
    projects: [{ id: TOOLS, number: '223456789012', ancestors: [ORG] }],
    principalAccessBoundaries: [
      { principalSet: `${SET}projects/${APPS}`, policies: [] },
      { principalSet: `${SET}projects/223456789012`, policies: [] },
    ],
  };
  await withFake(state(), async (fake) => {
    const facts = await collect(fake, accounts(NODES, OUTSIDER), known);
    const lists = fake.requests
      .filter((request) => request.path.endsWith('/policyBindings'))
      .map((r) => r.path);
    assert.deepEqual(
      lists.sort(),
      [`/v3/${FOLDER}/locations/global/policyBindings`, `/v3/${ORG}/locations/global/policyBindings`].sort(),
    );
    assert.deepEqual([...boundaries(facts).keys()].sort(), [`${SET}${FOLDER}`, `${SET}${ORG}`].sort());
  });
});

test('the node service accounts a gke target runs as (node pools read live, the default one named from the project number) are the principals whose sets are read', async () => {
  const cluster = `projects/${APPS}/locations/europe-west2/clusters/prod`;
  const clusters = {
    [cluster]: [
      { name: 'default-pool', oauthScopes: ['https://www.googleapis.com/auth/cloud-platform'] },
      {
        name: 'tools',
        serviceAccount: OUTSIDER,
        oauthScopes: ['https://www.googleapis.com/auth/cloud-platform'],
      },
    ],
  };
  await withFake(state({ clusters }), async (fake) => {
    const facts = await collect(fake, [
      { name: 'gke', platform: 'gke', project: APPS, location: 'europe-west2', cluster: 'prod' },
    ]);
    assert.deepEqual(
      [...boundaries(facts).keys()].sort(),
      [`${SET}projects/${APPS}`, `${SET}projects/${TOOLS}`, `${SET}${FOLDER}`, `${SET}${ORG}`].sort(),
    );
    assert.equal(fake.count(/\/policyBindings$/), 4, 'each set once');
  });
});

test("a service account whose project's folders and organization cannot be read: the boundaries bound to them are unknown, not absent", async () => {
  await withFake(state({ denied: [`resourcemanager.projects.get on projects/${TOOLS}`] }), async (fake) => {
    const [result] = (await check(fake, accounts(OUTSIDER))).results;
    assert.equal(result?.verdict, 'unknown', result?.reasons.join('\n'));
    assert.match(
      result!.reasons.join('\n'),
      /folders and organization above project acme-tools could not be read \(resourcemanager\.projects\.get on projects\/acme-tools was denied/,
    );
  });
});
