// Live Google Cloud reads against protocol-faithful fakes of the REST APIs on 127.0.0.1: the real
// @google-cloud/artifact-registry client (REST fallback) and a google-auth-library client with a fixed token.
process.env['METADATA_SERVER_DETECTION'] = 'none';

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OAuth2Client } from 'google-auth-library';
import { stringify } from 'yaml';
import { CallRunner, type CallRunnerOptions } from '../../../src/core/call-runner.ts';
import { loadConfigText } from '../../../src/core/config/load.ts';
import type { TargetInput } from '../../../src/core/config/schema.ts';
import type { GcpFactsInput } from '../../../src/providers/gcp/schema.ts';
import { parseImageReference } from '../../../src/core/image-reference.ts';
import { registryLocator } from '../../../src/core/registries.ts';
import { registries } from '../../../src/providers/index.ts';
import {
  collectGcpFacts,
  type CollectedGcpFacts,
  type GcpCollectInput,
} from '../../../src/providers/gcp/collect.ts';
import { FakeGoogleRest, type FakeGoogleRestState, type Json } from '../../helpers/google-rest.ts';
import { checkConfig } from '../../helpers/check.ts';

const TOKEN = 'ya29.test-token';
const APPS = 'acme-prod';
const TOOLS = 'acme-tools';
const LEGACY = 'acme-legacy';
const FOLDER = 'folders/234567890123';
const ORG = 'organizations/345678901234';
const NUMBER = '123456789012';
const REPO_API = `projects/${APPS}/locations/europe-west2/repositories/api`;
const REPO_WEB = `projects/${APPS}/locations/europe-west2/repositories/web`;
const REPO_GCR = `projects/${TOOLS}/locations/us/repositories/gcr.io`;
const CLUSTER = `projects/${APPS}/locations/europe-west2/clusters/prod`;
const BUCKET = `buckets/artifacts.${LEGACY}.appspot.com`;
const NODES = `gke-nodes@${APPS}.iam.gserviceaccount.com`;
const DEPLOYER = `deployer@${APPS}.iam.gserviceaccount.com`;
const OUTSIDER = `outsider@${TOOLS}.iam.gserviceaccount.com`;
const READ_ONLY = 'https://www.googleapis.com/auth/devstorage.read_only';

const binding = (role: string, ...members: string[]): Json => ({ role, members });
const policy = (...bindings: Json[]): Json => (bindings.length > 0 ? { bindings } : {});

/** 30 images in 3 repositories of 2 projects. */
const MANY_IMAGES = Array.from({ length: 30 }, (_, i) =>
  i % 3 === 0
    ? `europe-west2-docker.pkg.dev/${APPS}/api/service-${i}:v1`
    : i % 3 === 1
      ? `europe-west2-docker.pkg.dev/${APPS}/web/site-${i}@sha256:${'a'.repeat(64)}`
      : `gcr.io/${TOOLS}/tool-${i}`,
);

function state(overrides: Partial<FakeGoogleRestState> = {}): FakeGoogleRestState {
  return {
    policies: {
      [REPO_API]: policy(binding('roles/artifactregistry.reader', `serviceAccount:${NODES}`)),
      [REPO_WEB]: policy(),
      [REPO_GCR]: policy(binding('roles/artifactregistry.reader', 'allAuthenticatedUsers')),
      [`projects/${APPS}`]: policy(binding('roles/artifactregistry.reader', `serviceAccount:${DEPLOYER}`)),
      [`projects/${TOOLS}`]: policy(),
      [`projects/${LEGACY}`]: policy(),
      [FOLDER]: policy(),
      [ORG]: policy(binding('roles/resourcemanager.organizationViewer', 'domain:acme.example')),
      [BUCKET]: policy(binding('roles/storage.objectViewer', `serviceAccount:${NODES}`)),
    },
    projects: {
      [APPS]: { number: NUMBER, ancestors: [FOLDER, ORG] },
      [TOOLS]: { number: '223456789012', ancestors: [ORG] },
      [LEGACY]: { number: '323456789012' },
    },
    clusters: {
      [CLUSTER]: [
        { name: 'default-pool', oauthScopes: [READ_ONLY, 'https://www.googleapis.com/auth/logging.write'] },
        {
          name: 'batch',
          serviceAccount: NODES,
          oauthScopes: ['https://www.googleapis.com/auth/cloud-platform'],
        },
      ],
    },
    ...overrides,
  };
}

interface Setup {
  readonly fake: FakeGoogleRest;
  readonly runner: CallRunner;
  collect(
    input: {
      readonly images?: readonly string[];
      readonly targets?: GcpCollectInput['targets'];
      readonly known?: GcpCollectInput['known'];
    },
    runnerOptions?: CallRunnerOptions,
  ): Promise<CollectedGcpFacts>;
}

async function withFake(
  fakeState: FakeGoogleRestState,
  body: (setup: Setup) => Promise<void>,
): Promise<void> {
  const fake = await new FakeGoogleRest(fakeState, TOKEN).start();
  const authClient = new OAuth2Client();
  authClient.setCredentials({ access_token: TOKEN, expiry_date: Date.now() + 3_600_000 });
  const endpoints = {
    artifactRegistry: fake.url,
    resourceManager: fake.url,
    container: fake.url,
    storage: fake.url,
    iam: fake.url,
  };
  let runner = new CallRunner({ sleep: async () => {}, timeoutMs: 5_000 });
  try {
    await body({
      fake,
      get runner() {
        return runner;
      },
      collect: (input, runnerOptions) => {
        if (runnerOptions) runner = new CallRunner({ sleep: async () => {}, ...runnerOptions });
        return collectGcpFacts(
          {
            images: (input.images ?? []).map((image) =>
              parseImageReference(image, registryLocator(registries)),
            ),
            targets: input.targets ?? [],
            known: input.known ?? {},
          },
          { runner, authClient, endpoints },
        );
      },
    });
  } finally {
    await fake.stop();
  }
}

const byResource = (facts: CollectedGcpFacts) =>
  new Map((facts.iamPolicies ?? []).map((entry) => [entry.resource, entry]));

test('a plan of many images in few repositories reads each policy once', async () => {
  await withFake(state(), async ({ fake, runner, collect }) => {
    const facts = await collect({ images: MANY_IMAGES });
    const policies = byResource(facts);
    assert.deepEqual(
      [...policies.keys()].sort(),
      [REPO_API, REPO_WEB, REPO_GCR, `projects/${APPS}`, `projects/${TOOLS}`, FOLDER, ORG].sort(),
    );
    // The repository reads are GETs with the policy version in the query, as the REST fallback sends them.
    const repositoryReads = fake.requests.filter((request) => request.api === 'artifactregistry');
    assert.equal(repositoryReads.length, 3);
    for (const request of repositoryReads) {
      assert.equal(request.method, 'GET');
      assert.equal(request.query.get('options.requestedPolicyVersion'), '3');
      assert.equal(request.authorization, `Bearer ${TOKEN}`);
    }
    assert.equal(fake.count(/^\/v3\/projects\/[^/]+:getIamPolicy$/), 2);
    assert.equal(fake.count(/:getAncestry$/), 2);
    assert.equal(fake.count(/^\/v3\/(folders|organizations)\//), 2, 'the shared organization is read once');
    // The deny policies of acme-prod, acme-tools, the folder and the organization (none: one list each).
    assert.equal(fake.count(/\/denypolicies$/), 4);
    assert.equal(fake.requests.length, 13);
    assert.equal(runner.sent, 13);
    // As gcloud prints them: bindings, etag, version; an empty policy has no bindings.
    assert.deepEqual(policies.get(REPO_API), {
      resource: REPO_API,
      policy: {
        bindings: [{ role: 'roles/artifactregistry.reader', members: [`serviceAccount:${NODES}`] }],
        etag: 'BwYGkz8MeYc=',
        version: 1,
      },
    });
    assert.deepEqual(policies.get(REPO_WEB), {
      resource: REPO_WEB,
      policy: { etag: 'BwYGkz8MeYc=', version: 1 },
    });
    assert.deepEqual(
      [...(facts.projects ?? [])].sort((a, b) => a.id.localeCompare(b.id)),
      [
        { id: APPS, ancestors: [FOLDER, ORG] },
        { id: TOOLS, ancestors: [ORG] },
      ],
    );
  });
});

test('what the config states is never read again', async () => {
  await withFake(state(), async ({ fake, collect }) => {
    const known: GcpFactsInput = {
      projects: [{ id: APPS, number: NUMBER, ancestors: [ORG] }],
      iamPolicies: [
        { resource: REPO_API, unreadable: 'stated' },
        { resource: ORG, unreadable: 'stated' },
      ],
      clusters: [{ project: APPS, location: 'europe-west2', name: 'prod', nodePools: [] }],
      denyPolicies: [
        { attachmentPoint: `projects/${APPS}`, policies: [] },
        { attachmentPoint: ORG, unreadable: 'stated' },
      ],
      // The principal sets of the nodes' default service account (project acme-prod, by its number).
      principalAccessBoundaries: [
        {
          principalSet: `principalSet://cloudresourcemanager.googleapis.com/projects/${NUMBER}`,
          policies: [],
        },
        { principalSet: `principalSet://cloudresourcemanager.googleapis.com/${ORG}`, unreadable: 'stated' },
      ],
    };
    const facts = await collect({
      images: [`europe-west2-docker.pkg.dev/${APPS}/api/service`],
      targets: [{ name: 'gke', platform: 'gke', project: APPS, location: 'europe-west2', cluster: 'prod' }],
      known,
    });
    assert.deepEqual(
      fake.requests.map((request) => `${request.method} ${request.path}`),
      [`POST /v3/projects/${APPS}:getIamPolicy`],
    );
    assert.deepEqual(facts, {
      iamPolicies: [
        {
          resource: `projects/${APPS}`,
          policy: {
            bindings: [{ role: 'roles/artifactregistry.reader', members: [`serviceAccount:${DEPLOYER}`] }],
            etag: 'BwYGkz8MeYc=',
            version: 1,
          },
        },
      ],
    });
  });
});

test('a denied read becomes unreadable, naming the exact permission and resource', async () => {
  const denied = [
    `artifactregistry.repositories.getIamPolicy on ${REPO_API}`,
    `resourcemanager.organizations.getIamPolicy on ${ORG}`,
    `storage.buckets.getIamPolicy on ${BUCKET}`,
  ];
  await withFake(state({ denied }), async ({ fake, collect }) => {
    const facts = await collect({
      images: [`europe-west2-docker.pkg.dev/${APPS}/api/service`, `gcr.io/${LEGACY}/old`],
      known: { projects: [{ id: LEGACY, gcrBackend: 'storage' }] },
    });
    const policies = byResource(facts);
    const repo = policies.get(REPO_API);
    assert.ok(repo && 'unreadable' in repo);
    assert.match(
      repo.unreadable,
      /^artifactregistry\.repositories\.getIamPolicy on projects\/acme-prod\/locations\/europe-west2\/repositories\/api was denied \(PERMISSION_DENIED\)/,
    );
    const org = policies.get(ORG);
    assert.ok(org && 'unreadable' in org);
    assert.match(
      org.unreadable,
      /^resourcemanager\.organizations\.getIamPolicy on organizations\/345678901234 was denied/,
    );
    const bucket = policies.get(BUCKET);
    assert.ok(bucket && 'unreadable' in bucket);
    assert.match(
      bucket.unreadable,
      /^storage\.buckets\.getIamPolicy on buckets\/artifacts\.acme-legacy\.appspot\.com was denied \(forbidden\)/,
    );
    // Denials are not retried.
    assert.equal(fake.count(/repositories\/api:getIamPolicy$/), 1);
    assert.equal(fake.count(/\/b\/[^/]+\/iam$/), 1);
    assert.ok('policy' in policies.get(`projects/${LEGACY}`)!);
  });
});

test('a 503 then success is retried, for the Artifact Registry client and for plain REST calls', async () => {
  await withFake(state(), async ({ fake, runner, collect }) => {
    fake.inject({ path: /repositories\/api:getIamPolicy$/, status: 503 });
    fake.inject({ path: new RegExp(`^/v3/projects/${APPS}:getIamPolicy$`), status: 429, times: 2 });
    const facts = await collect({ images: [`europe-west2-docker.pkg.dev/${APPS}/api/service`] });
    const policies = byResource(facts);
    assert.ok('policy' in policies.get(REPO_API)!);
    assert.ok('policy' in policies.get(`projects/${APPS}`)!);
    assert.equal(fake.count(/repositories\/api:getIamPolicy$/), 2);
    assert.equal(fake.count(/^\/v3\/projects\/acme-prod:getIamPolicy$/), 3);
    assert.equal(runner.sent, fake.requests.length);
  });
});

test('a read that keeps failing is unreadable after the retries', async () => {
  await withFake(state(), async ({ fake, collect }) => {
    fake.inject({ path: /repositories\/api:getIamPolicy$/, status: 503, times: 10 });
    const facts = await collect({ images: [`europe-west2-docker.pkg.dev/${APPS}/api/service`] });
    const repo = byResource(facts).get(REPO_API);
    assert.ok(repo && 'unreadable' in repo);
    assert.match(
      repo.unreadable,
      /artifactregistry\.repositories\.getIamPolicy on .* failed \(UNAVAILABLE, after retries\)/,
    );
    assert.equal(fake.count(/repositories\/api:getIamPolicy$/), 4);
  });
});

test('a read that hangs times out and is unreadable', async () => {
  await withFake(state(), async ({ fake, collect }) => {
    fake.inject({ path: /repositories\/api:getIamPolicy$/, status: 200, delayMs: 1_500, times: 10 });
    fake.inject({
      path: new RegExp(`^/v3/projects/${APPS}:getIamPolicy$`),
      status: 200,
      delayMs: 1_500,
      times: 10,
    });
    const started = Date.now();
    const facts = await collect(
      { images: [`europe-west2-docker.pkg.dev/${APPS}/api/service`] },
      { timeoutMs: 100, retries: 1 },
    );
    assert.ok(Date.now() - started < 1_200, 'the runner timeout ends the calls');
    for (const resource of [REPO_API, `projects/${APPS}`]) {
      const entry = byResource(facts).get(resource);
      assert.ok(entry && 'unreadable' in entry, resource);
      assert.match(entry.unreadable, /failed \(TimeoutError, after retries\)/);
    }
    assert.equal(fake.count(/repositories\/api:getIamPolicy$/), 2);
  });
});

test('the project number of a gke target is filled in when the config does not give it', async () => {
  await withFake(state(), async ({ fake, collect }) => {
    const targets: TargetInput[] = [
      { name: 'a', platform: 'gke', project: APPS, serviceAccounts: [{ email: NODES, scopes: [READ_ONLY] }] },
      { name: 'b', platform: 'gke', project: APPS },
      { name: 'c', platform: 'gke', project: TOOLS },
    ];
    const facts = await collect({
      targets,
      known: {
        projects: [
          { id: TOOLS, number: '223456789012', ancestors: [ORG] },
          { id: APPS, gcrBackend: 'artifact-registry', ancestors: [FOLDER, ORG] },
        ],
        // The principal sets of the nodes' service accounts: stated, so only the number is read.
        principalAccessBoundaries: [`projects/${APPS}`, `projects/${TOOLS}`, FOLDER, ORG].map((set) => ({
          principalSet: `principalSet://cloudresourcemanager.googleapis.com/${set}`,
          policies: [],
        })),
      },
    });
    assert.deepEqual(facts, { projects: [{ id: APPS, number: NUMBER }] });
    assert.deepEqual(
      fake.requests.map((request) => `${request.method} ${request.path}`),
      [`GET /v3/projects/${APPS}`],
    );
  });
});

test('node pools are read for a gke target without serviceAccounts', async () => {
  await withFake(state(), async ({ fake, collect }) => {
    const targets: TargetInput[] = [
      { name: 'prod', platform: 'gke', project: APPS, location: 'europe-west2', cluster: 'prod' },
      { name: 'prod-again', platform: 'gke', project: APPS, location: 'europe-west2', cluster: 'prod' },
      {
        name: 'listed',
        platform: 'gke',
        project: APPS,
        location: 'europe-west2',
        cluster: 'other',
        serviceAccounts: [{ email: NODES }],
      },
    ];
    const facts = await collect({ targets });
    assert.deepEqual(facts.clusters, [
      {
        project: APPS,
        location: 'europe-west2',
        name: 'prod',
        nodePools: [
          // The API says "default": named after the project number read alongside.
          {
            name: 'default-pool',
            serviceAccount: `${NUMBER}-compute@developer.gserviceaccount.com`,
            scopes: [READ_ONLY, 'https://www.googleapis.com/auth/logging.write'],
          },
          {
            name: 'batch',
            serviceAccount: NODES,
            scopes: ['https://www.googleapis.com/auth/cloud-platform'],
          },
        ],
      },
    ]);
    assert.equal(fake.count(/\/nodePools$/), 1);
    assert.equal(fake.count(/^\/v3\/projects\/acme-prod$/), 1);
  });
});

test('node pools the CI identity may not list are unreadable, naming container.clusters.get', async () => {
  await withFake(state({ denied: [`container.clusters.get on ${CLUSTER}`] }), async ({ collect }) => {
    const facts = await collect({
      targets: [{ name: 'prod', platform: 'gke', project: APPS, location: 'europe-west2', cluster: 'prod' }],
      known: { projects: [{ id: APPS, number: NUMBER }] },
    });
    const [cluster] = facts.clusters ?? [];
    assert.equal(cluster?.nodePools.length, 0);
    assert.match(
      cluster?.unreadable ?? '',
      /^container\.clusters\.get on projects\/acme-prod\/locations\/europe-west2\/clusters\/prod was denied/,
    );
  });
});

test('a plan without Google images or gke targets reads nothing', async () => {
  await withFake(state(), async ({ fake, collect }) => {
    const facts = await collect({
      images: ['123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web', 'docker.io/library/nginx'],
      targets: [{ name: 'role', platform: 'aws-role', roles: ['arn:aws:iam::123456789012:role/x'] }],
    });
    assert.deepEqual(facts, {});
    assert.equal(fake.requests.length, 0);
  });
});

/** The config's facts plus what live reads found (the stated project fields win). */
function merged(known: GcpFactsInput & { projects?: Json[] }, live: CollectedGcpFacts): Json {
  const projects = new Map<string, Json>();
  for (const project of live.projects ?? []) projects.set(project.id, { ...project });
  for (const project of known.projects ?? []) {
    projects.set(String(project['id']), { ...projects.get(String(project['id'])), ...project });
  }
  return {
    projects: [...projects.values()],
    iamPolicies: [...(known.iamPolicies ?? []), ...(live.iamPolicies ?? [])],
    clusters: [...(live.clusters ?? [])],
    ...(live.denyPolicies ? { denyPolicies: live.denyPolicies } : {}),
  };
}

test('end to end: collected facts, written under facts.gcp, decide the verdicts offline', async () => {
  const images = [
    `europe-west2-docker.pkg.dev/${APPS}/api/service:v1`,
    `europe-west2-docker.pkg.dev/${APPS}/web/site:v1`,
    `gcr.io/${TOOLS}/tool`,
    `gcr.io/${LEGACY}/old`,
  ];
  const targets: TargetInput[] = [
    { name: 'nodes', platform: 'gcp-service-account', serviceAccounts: [{ email: NODES }] },
    { name: 'deployer', platform: 'gcp-service-account', serviceAccounts: [{ email: DEPLOYER }] },
    { name: 'outsider', platform: 'gcp-service-account', serviceAccounts: [{ email: OUTSIDER }] },
    { name: 'gke', platform: 'gke', project: APPS, location: 'europe-west2', cluster: 'prod' },
  ];
  const known = { projects: [{ id: LEGACY, gcrBackend: 'storage' as const }] };
  const denied = [`artifactregistry.repositories.getIamPolicy on ${REPO_WEB}`];
  await withFake(state({ denied }), async ({ collect }) => {
    const live = await collect({ images, targets, known });
    const text = stringify({ version: 1, images, targets, facts: { gcp: merged(known, live) } });
    const report = checkConfig(loadConfigText(text, 'pullcheck.yml'), { failOn: 'denied' });
    const verdict = (target: string, image: string) => {
      const results = report.results.filter((result) => result.target === target && result.image === image);
      assert.equal(results.length, 1, `${target} × ${image}`);
      return results[0]!;
    };
    const [api, web, tool, old] = images as [string, string, string, string];
    assert.equal(verdict('nodes', api).verdict, 'allowed');
    assert.equal(verdict('deployer', api).verdict, 'allowed', 'the project binding grants it');
    assert.equal(verdict('outsider', api).verdict, 'denied');
    const unreadable = verdict('outsider', web);
    assert.equal(unreadable.verdict, 'unknown');
    assert.ok(
      unreadable.reasons.some((reason) =>
        reason.includes(`artifactregistry.repositories.getIamPolicy on ${REPO_WEB} was denied`),
      ),
      unreadable.reasons.join('\n'),
    );
    assert.equal(
      verdict('deployer', web).verdict,
      'allowed',
      'the project grant decides despite the unreadable repository',
    );
    assert.equal(
      verdict('outsider', tool).verdict,
      'allowed',
      'allAuthenticatedUsers on the gcr.io repository',
    );
    assert.equal(verdict('nodes', old).verdict, 'allowed', 'objectViewer on the legacy bucket');
    assert.equal(verdict('deployer', old).verdict, 'denied');
    // The gke target's node pools, read live, name its pulling identities: the default pool runs as the
    // default compute service account (named from the project number read live), the batch pool as NODES.
    const gke = report.results.filter((result) => result.target === 'gke' && result.image === api);
    const byPrincipal = Object.fromEntries(gke.map((result) => [result.principal, result.verdict]));
    assert.deepEqual(byPrincipal, {
      [`serviceAccount:${NUMBER}-compute@developer.gserviceaccount.com`]: 'denied',
      [`serviceAccount:${NODES}`]: 'allowed',
    });
  });
});

test('a project whose number and ancestry cannot be read is unreadable: no grant below it makes the pull unknown, not denied (SPEC §4: never denied for what is only unknown)', async () => {
  const images = [`europe-west2-docker.pkg.dev/${APPS}/api/service:v1`];
  const targets: TargetInput[] = [
    { name: 'outsider', platform: 'gcp-service-account', serviceAccounts: [{ email: OUTSIDER }] },
    { name: 'gke', platform: 'gke', project: APPS },
  ];
  const denied = [`resourcemanager.projects.get on projects/${APPS}`];
  await withFake(state({ denied }), async ({ collect }) => {
    const live = await collect({ images, targets });
    const project = live.projects?.find((entry) => entry.id === APPS);
    assert.match(
      project?.unreadable ?? '',
      /^resourcemanager\.projects\.get on projects\/acme-prod was denied/,
    );
    assert.equal(project?.number, undefined);
    const text = stringify({ version: 1, images, targets, facts: { gcp: merged({}, live) } });
    const report = checkConfig(loadConfigText(text, 'pullcheck.yml'), { failOn: 'denied' });
    const outsider = report.results.find((result) => result.target === 'outsider')!;
    assert.equal(outsider.verdict, 'unknown', outsider.reasons.join('\n'));
    assert.ok(
      outsider.reasons.some((reason) =>
        /the folders and organization above project acme-prod could not be read \(resourcemanager\.projects\.get/.test(
          reason,
        ),
      ),
      outsider.reasons.join('\n'),
    );
    // The default node identity needs the number: the reason says why it is missing.
    const gke = report.results.find((result) => result.target === 'gke')!;
    assert.equal(gke.verdict, 'unknown');
    assert.match(
      gke.reasons.join('\n'),
      /live reads could not read it: resourcemanager\.projects\.get on projects\/acme-prod was denied/,
    );
  });
});

test('the project number of a cloud-run target is read (resourcemanager.projects.get): it names the Cloud Run service agent that pulls', async () => {
  const image = `europe-west2-docker.pkg.dev/${TOOLS}/api/service:v1`;
  const repository = `projects/${TOOLS}/locations/europe-west2/repositories/api`;
  const agent = `serviceAccount:service-${NUMBER}@serverless-robot-prod.iam.gserviceaccount.com`;
  const base = state();
  const fakeState = {
    ...base,
    policies: { ...base.policies, [repository]: policy(binding('roles/artifactregistry.reader', agent)) },
  };
  await withFake(fakeState, async ({ fake, collect }) => {
    const target: TargetInput = { name: 'web', platform: 'cloud-run', project: APPS, service: 'web' };
    const facts = await collect({ images: [image], targets: [target] });
    assert.deepEqual(facts.projects?.find((project) => project.id === APPS)?.number, NUMBER);
    assert.equal(fake.count(new RegExp(`^/v3/projects/${APPS}$`)), 1);
    // Written under facts.gcp, the number names the agent, and its grant on the other project's repository decides.
    const config = loadConfigText(
      stringify({ version: 1, images: [image], targets: [target], facts: { gcp: merged({}, facts) } }),
      'pullcheck.yml',
    );
    const [result] = checkConfig(config).results;
    assert.equal(result?.principal, agent);
    assert.equal(result?.verdict, 'allowed', result?.reasons.join('\n'));
  });
});

test('a cloud-run target that gives its projectNumber reads no project', async () => {
  await withFake(state(), async ({ fake, collect }) => {
    const facts = await collect({
      targets: [{ name: 'web', platform: 'cloud-run', project: APPS, projectNumber: NUMBER }],
    });
    assert.deepEqual(facts, {});
    assert.equal(fake.requests.length, 0);
  });
});

test('a cloud-run target that states its projectNumber and pulls no Google image starts no Google read (no credentials looked up, no note)', async () => {
  const { readLiveFacts } = await import('../../../src/check/live-reads.ts');
  const { loadConfigText } = await import('../../../src/core/config/load.ts');
  const config = loadConfigText(
    [
      'version: 1',
      'images: [docker.io/library/nginx:1.27]',
      'publicImages: [docker.io/library/*]',
      'targets:',
      '  - { name: web, platform: cloud-run, project: acme-prod, projectNumber: "123456789012", region: europe-west1 }',
      '',
    ].join('\n'),
    'pullcheck.yml',
  );
  const previous = process.env['GOOGLE_APPLICATION_CREDENTIALS'];
  process.env['GOOGLE_APPLICATION_CREDENTIALS'] = '/nonexistent/adc.json';
  try {
    const live = await readLiveFacts(config);
    assert.deepEqual(
      live.notes.filter((note) => /Google/.test(note)),
      [],
    );
  } finally {
    if (previous === undefined) delete process.env['GOOGLE_APPLICATION_CREDENTIALS'];
    else process.env['GOOGLE_APPLICATION_CREDENTIALS'] = previous;
  }
});

// IAM v2 deny policies: policies.listPolicies gives only metadata (IAM API reference: "policy rules are
// omitted"), so each policy is then read with policies.get; the attachment point rides URL-encoded.
const NO_PULLS_RULE: Json = {
  description: 'no artifact downloads from outside the build projects',
  denyRule: {
    deniedPrincipals: ['principalSet://goog/public:all'],
    exceptionPrincipals: [`principal://iam.googleapis.com/projects/-/serviceAccounts/${NODES}`],
    deniedPermissions: ['artifactregistry.googleapis.com/repositories.downloadArtifacts'],
  },
};
const DENY_STATE = {
  denyPolicies: {
    [ORG]: [
      { id: 'no-pulls', displayName: 'No pulls', rules: [NO_PULLS_RULE] },
      {
        id: 'no-deletes',
        rules: [
          {
            denyRule: {
              deniedPrincipals: ['principalSet://goog/public:all'],
              deniedPermissions: ['artifactregistry.googleapis.com/repositories.deleteArtifacts'],
            },
          },
        ],
      },
    ],
  },
  denyPolicyPageSize: 1,
};

test("deny policies of the repository's project, folder and organization are read: listed page by page, then each read with its rules", async () => {
  await withFake(state(DENY_STATE), async ({ fake, collect }) => {
    const facts = await collect({ images: [`europe-west2-docker.pkg.dev/${APPS}/api/service`] });
    const byPoint = new Map((facts.denyPolicies ?? []).map((entry) => [entry.attachmentPoint, entry]));
    assert.deepEqual([...byPoint.keys()].sort(), [`projects/${APPS}`, FOLDER, ORG].sort());
    assert.deepEqual(byPoint.get(`projects/${APPS}`), { attachmentPoint: `projects/${APPS}`, policies: [] });
    const org = byPoint.get(ORG);
    assert.ok(org && 'policies' in org);
    assert.deepEqual(
      org.policies.map((policy) => [policy['name'], policy['rules']]),
      [
        [
          `policies/cloudresourcemanager.googleapis.com%2Forganizations%2F345678901234/denypolicies/no-pulls`,
          [NO_PULLS_RULE],
        ],
        [
          `policies/cloudresourcemanager.googleapis.com%2Forganizations%2F345678901234/denypolicies/no-deletes`,
          DENY_STATE.denyPolicies[ORG][1]!.rules,
        ],
      ],
    );
    const lists = fake.requests.filter(
      (request) => request.api === 'iam' && request.path.endsWith('/denypolicies'),
    );
    assert.equal(lists.length, 4, 'one list for the project and the folder, two pages for the organization');
    for (const request of fake.requests.filter((one) => one.api === 'iam')) {
      assert.equal(request.method, 'GET');
      assert.match(
        request.rawPath,
        /^\/v2\/policies\/cloudresourcemanager\.googleapis\.com%2F(projects|folders|organizations)%2F/,
      );
      assert.equal(request.authorization, `Bearer ${TOKEN}`);
    }
    assert.equal(fake.count(/\/denypolicies\/[^/]+$/), 2, 'each policy read once');
  });
});

test('deny policies stated in the config are not read; a list the identity may not make is unreadable, naming iam.denypolicies.list', async () => {
  const denied = [`iam.denypolicies.list on ${ORG}`];
  await withFake(state({ ...DENY_STATE, denied }), async ({ fake, collect }) => {
    const facts = await collect({
      images: [`europe-west2-docker.pkg.dev/${APPS}/api/service`],
      known: { denyPolicies: [{ attachmentPoint: FOLDER, policies: [] }] },
    });
    assert.equal(fake.count(/folders\/234567890123\/denypolicies/), 0);
    const org = (facts.denyPolicies ?? []).find((entry) => entry.attachmentPoint === ORG);
    assert.ok(org && 'unreadable' in org, JSON.stringify(facts.denyPolicies));
    assert.match(
      org.unreadable,
      /^iam\.denypolicies\.list on organizations\/345678901234 was denied \(PERMISSION_DENIED\)/,
    );
  });
});

test('end to end: a deny policy read live denies the pull its allow policy grants, except for the excepted account', async () => {
  const images = [`europe-west2-docker.pkg.dev/${APPS}/api/service:v1`];
  const targets: TargetInput[] = [
    { name: 'nodes', platform: 'gcp-service-account', serviceAccounts: [{ email: NODES }] },
    { name: 'deployer', platform: 'gcp-service-account', serviceAccounts: [{ email: DEPLOYER }] },
  ];
  await withFake(state(DENY_STATE), async ({ collect }) => {
    const live = await collect({ images, targets });
    const text = stringify({ version: 1, images, targets, facts: { gcp: merged({}, live) } });
    const report = checkConfig(loadConfigText(text, 'pullcheck.yml'), { failOn: 'denied' });
    const verdict = (target: string) => report.results.find((result) => result.target === target)!;
    assert.equal(verdict('nodes').verdict, 'allowed', verdict('nodes').reasons.join('\n'));
    assert.doesNotMatch(verdict('nodes').reasons.join('\n'), /no deny policies are given/);
    assert.equal(verdict('deployer').verdict, 'denied', 'granted on the project, denied by the organization');
    assert.match(
      verdict('deployer').reasons.join('\n'),
      /denied by deny policy no-pulls on organizations\/345678901234/,
    );
  });
});
