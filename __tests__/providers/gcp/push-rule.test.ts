// May the CI job's principal push the image? Artifact Registry ("Push and pull images": Tag and push images, Artifact
// Registry Writer), gcr.io on Artifact Registry ("gcr.io repositories in Artifact Registry"; google/ax#140: a push
// token asks uploadArtifacts on projects/P/locations/us/repositories/gcr.io), legacy Container Registry buckets
// ("Access control": push, Storage Legacy Bucket Writer), with deny policies and federated principals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import type { PredictedToken } from '../../../src/core/ci-path.ts';
import { loadConfigText } from '../../../src/core/config/load.ts';
import { parseImageReference } from '../../../src/core/image-reference.ts';
import type { PullRules } from '../../../src/core/provider.ts';
import { registryLocator } from '../../../src/core/registries.ts';
import type { Verdict } from '../../../src/core/verdict.ts';
import { registries } from '../../../src/providers/index.ts';
import { buildRules } from '../../../src/providers/gcp/rules.ts';

type Json = Record<string, unknown>;
const PROJECT = 'my-project';
const NUMBER = '123456789';
const SA = `deployer@${PROJECT}.iam.gserviceaccount.com`;
const MEMBER = `serviceAccount:${SA}`;
const IMAGE = `us-west1-docker.pkg.dev/${PROJECT}/my-repo/app:v1`;
const REPO = `projects/${PROJECT}/locations/us-west1/repositories/my-repo`;
const GCR_REPO = `projects/${PROJECT}/locations/us/repositories/gcr.io`;
const BUCKET = `buckets/artifacts.${PROJECT}.appspot.com`;
const POOL = `projects/${NUMBER}/locations/global/workloadIdentityPools/github`;
const binding = (role: string, ...members: string[]) => ({ role, members });

function rules(policies: Record<string, Json[]>, extra: Json = {}, backend?: 'storage'): PullRules {
  const gcp = {
    iamPolicies: Object.entries(policies).map(([resource, bindings]) => ({
      resource,
      policy: bindings.length > 0 ? { bindings } : { etag: 'ACAB' },
    })),
    projects: [{ id: PROJECT, number: NUMBER, ancestors: [], ...(backend ? { gcrBackend: backend } : {}) }],
    denyPolicies: [{ attachmentPoint: `projects/${PROJECT}`, policies: [] }],
    principalAccessBoundaries: [
      {
        principalSet: `principalSet://cloudresourcemanager.googleapis.com/projects/${PROJECT}`,
        policies: [],
      },
    ],
    ...extra,
  };
  return buildRules(loadConfigText(stringify({ version: 1, facts: { gcp } }), 'pullcheck.yml'));
}

function push(rulesFor: PullRules, image = IMAGE, principal = MEMBER): Verdict {
  const verdict = rulesFor.decidePush!({
    image: parseImageReference(image, registryLocator(registries)),
    principal,
  });
  assert.ok(verdict);
  return verdict;
}

const CUSTOM = (name: string, ...permissions: string[]) => ({
  name: `projects/${PROJECT}/roles/${name}`,
  includedPermissions: permissions,
});
const UPLOAD = 'artifactregistry.repositories.uploadArtifacts';
const DOWNLOAD = 'artifactregistry.repositories.downloadArtifacts';

test('Artifact Registry Writer on the repository: a tagged push is allowed', () => {
  const verdict = push(
    rules({ [REPO]: [binding('roles/artifactregistry.writer', MEMBER)], [`projects/${PROJECT}`]: [] }),
  );
  assert.equal(verdict.verdict, 'allowed', verdict.reasons.join('\n'));
});

test('Writer on the project also grants (policy inheritance)', () => {
  const verdict = push(
    rules({ [REPO]: [], [`projects/${PROJECT}`]: [binding('roles/artifactregistry.writer', MEMBER)] }),
  );
  assert.equal(verdict.verdict, 'allowed');
});

test('Reader only: denied, uploadArtifacts on the binding side, fix Writer on the repository', () => {
  const verdict = push(
    rules({ [REPO]: [binding('roles/artifactregistry.reader', MEMBER)], [`projects/${PROJECT}`]: [] }),
  );
  assert.equal(verdict.verdict, 'denied');
  assert.deepEqual(
    verdict.missing.map((entry) => [entry.side, entry.permissions]),
    [['binding', [UPLOAD]]],
  );
  assert.equal(
    verdict.missing[0]!.fix.snippets['cli'],
    `gcloud artifacts repositories add-iam-policy-binding my-repo --location=us-west1 --project=${PROJECT} --member='${MEMBER}' --role=roles/artifactregistry.writer`,
  );
});

test('google-github-actions/auth#50: upload without download is denied (a push token asks push,pull)', () => {
  const verdict = push(
    rules(
      { [REPO]: [binding(`projects/${PROJECT}/roles/uploader`, MEMBER)], [`projects/${PROJECT}`]: [] },
      { roles: [CUSTOM('uploader', UPLOAD)] },
    ),
  );
  assert.equal(verdict.verdict, 'denied');
  assert.match(verdict.reasons.join('\n'), /grants artifactregistry\.repositories\.downloadArtifacts/);
});

test('a custom role without tag permissions: a tagged push is unknown, a push by digest allowed', () => {
  const facts = rules(
    { [REPO]: [binding(`projects/${PROJECT}/roles/pusher`, MEMBER)], [`projects/${PROJECT}`]: [] },
    { roles: [CUSTOM('pusher', UPLOAD, DOWNLOAD)] },
  );
  const tagged = push(facts);
  assert.equal(tagged.verdict, 'unknown');
  assert.match(
    tagged.reasons.join('\n'),
    /artifactregistry\.tags\.update is not granted: moving an existing tag may need it/,
  );
  const digest = `us-west1-docker.pkg.dev/${PROJECT}/my-repo/app@sha256:${'a'.repeat(64)}`;
  assert.equal(push(facts, digest).verdict, 'allowed');
});

test('google/ax#140: gcr.io pushes go to the gcr.io repository in us; the first push needs createOnPush', () => {
  const facts = rules({
    [GCR_REPO]: [binding('roles/artifactregistry.writer', MEMBER)],
    [`projects/${PROJECT}`]: [],
  });
  const verdict = push(facts, `gcr.io/${PROJECT}/app:v1`);
  assert.equal(verdict.verdict, 'allowed');
  assert.match(
    verdict.reasons.join('\n'),
    /first push creates it and needs artifactregistry\.repositories\.createOnPush/,
  );
  const refused = push(rules({ [GCR_REPO]: [], [`projects/${PROJECT}`]: [] }), `gcr.io/${PROJECT}/app:v1`);
  assert.equal(refused.verdict, 'denied');
  assert.match(
    refused.missing[0]!.fix.text,
    /Artifact Registry repository gcr\.io \(us, project my-project\)/,
  );
});

test('legacy Container Registry: Storage Legacy Bucket Writer pushes; Object Viewer does not', () => {
  const writer = rules(
    { [BUCKET]: [binding('roles/storage.legacyBucketWriter', MEMBER)], [`projects/${PROJECT}`]: [] },
    {},
    'storage',
  );
  assert.equal(push(writer, `gcr.io/${PROJECT}/app:v1`).verdict, 'allowed');
  const viewer = rules(
    { [BUCKET]: [binding('roles/storage.objectViewer', MEMBER)], [`projects/${PROJECT}`]: [] },
    {},
    'storage',
  );
  const verdict = push(viewer, `gcr.io/${PROJECT}/app:v1`);
  assert.equal(verdict.verdict, 'denied');
  assert.match(
    verdict.missing[0]!.fix.snippets['cli']!,
    /gs:\/\/artifacts\.my-project\.appspot\.com .*--role=roles\/storage\.legacyBucketWriter/,
  );
});

test('a deny policy on uploadArtifacts denies the push the Writer role allows', () => {
  const deny = {
    denyPolicies: [
      {
        attachmentPoint: `projects/${PROJECT}`,
        policies: [
          {
            name: `policies/cloudresourcemanager.googleapis.com%2Fprojects%2F${PROJECT}/denypolicies/no-push`,
            rules: [
              {
                denyRule: {
                  deniedPrincipals: ['principalSet://goog/public:all'],
                  deniedPermissions: ['artifactregistry.googleapis.com/repositories.uploadArtifacts'],
                },
              },
            ],
          },
        ],
      },
    ],
  };
  const verdict = push(
    rules({ [REPO]: [binding('roles/artifactregistry.writer', MEMBER)], [`projects/${PROJECT}`]: [] }, deny),
  );
  assert.equal(verdict.verdict, 'denied');
  assert.equal(verdict.missing[0]?.explicitDeny, true);
});

const PROVIDER = {
  name: `${POOL}/providers/my-repo`,
  attributeMapping: { 'google.subject': 'assertion.sub', 'attribute.repository': 'assertion.repository' },
  attributeCondition: "assertion.repository_owner == 'octo-org'",
};
const TOKEN: PredictedToken = {
  event: 'push',
  trigger: 'push to main',
  claims: {
    sub: { value: 'repo:octo-org/octo-repo:ref:refs/heads/main' },
    repository: { value: 'octo-org/octo-repo' },
    repository_owner: { value: 'octo-org' },
    ref: { value: 'refs/heads/main' },
  },
};

function federatedPush(member: string): Verdict {
  const facts = rules(
    { [REPO]: [binding('roles/artifactregistry.writer', member)], [`projects/${PROJECT}`]: [] },
    { workloadIdentityProviders: [PROVIDER] },
  );
  const login = facts.decideLogin!({
    login: {
      provider: 'gcp',
      identity: PROVIDER.name,
      with: {},
      origin: { file: 'w.yml', line: 3 },
    } as never,
    token: TOKEN,
  })!;
  assert.equal(login.verdict, 'allowed', login.reasons.join('\n'));
  return push(facts, IMAGE, login.principal!);
}

test('direct workload identity federation: Writer bound to the repository attribute lets the federated principal push', () => {
  const verdict = federatedPush(
    `principalSet://iam.googleapis.com/${POOL}/attribute.repository/octo-org/octo-repo`,
  );
  assert.equal(verdict.verdict, 'allowed', verdict.reasons.join('\n'));
});

test('RafikFarhad/push-to-gcr-github-action#48: principalSet …/attribute.repository/ORG/* is no wildcard: denied', () => {
  const verdict = federatedPush(`principalSet://iam.googleapis.com/${POOL}/attribute.repository/octo-org/*`);
  assert.equal(verdict.verdict, 'denied');
  assert.match(
    verdict.missing[0]!.fix.snippets['cli']!,
    /--member='principalSet:\/\/iam\.googleapis\.com\/projects\/123456789\/locations\/global\/workloadIdentityPools\/github\/attribute\.repository\/octo-org\/octo-repo' --role=roles\/artifactregistry\.writer/,
  );
});

test('a federated principal whose login was not decided: unknown, naming why', () => {
  const verdict = push(
    rules({ [REPO]: [], [`projects/${PROJECT}`]: [] }),
    IMAGE,
    `principal://iam.googleapis.com/${POOL}/subject/x`,
  );
  assert.equal(verdict.verdict, 'unknown');
  assert.match(verdict.reasons.join('\n'), /attributes of .* are not known/);
});

test('a push to another registry is not decided here', () => {
  const facts = rules({});
  assert.equal(
    facts.decidePush!({
      image: parseImageReference('ghcr.io/o/app:v1', registryLocator(registries)),
      principal: MEMBER,
    }),
    undefined,
  );
});

test('a push to an Artifact Registry repository whose existence is not known is never allowed (a missing one answers "name unknown: Repository … not found")', () => {
  // Only gcr.io repositories are created on push ("gcr.io repositories in Artifact Registry"); a pkg.dev
  // repository must exist first (GoogleCloudPlatform/avocano#412, google-github-actions/deploy-cloudrun#420).
  // Its IAM policy in the facts shows it exists; without it, Writer on the project does not make the push work.
  const facts = rules({ [`projects/${PROJECT}`]: [binding('roles/artifactregistry.writer', MEMBER)] });
  const verdict = push(facts, `us-west1-docker.pkg.dev/${PROJECT}/no-such-repo/app:v1`);
  assert.equal(verdict.verdict, 'unknown', verdict.reasons.join('\n'));
  assert.match(verdict.reasons.join('\n'), /no-such-repo.*exists/);
});

test('the pasted fix keeps a principal from the workflow one --member argument, whatever quotes it holds', () => {
  // Direct workload identity federation: the principal's subject holds the job's environment name.
  const sub = "repo:octo-org/octo-repo:environment:it's'; touch x; '";
  const provider = { ...PROVIDER, attributeMapping: { 'google.subject': 'assertion.sub' } };
  const facts = rules(
    { [REPO]: [binding('roles/artifactregistry.reader', MEMBER)], [`projects/${PROJECT}`]: [] },
    { workloadIdentityProviders: [provider] },
  );
  const login = facts.decideLogin!({
    login: {
      provider: 'gcp',
      identity: provider.name,
      with: {},
      origin: { file: 'w.yml', line: 3 },
    } as never,
    token: { ...TOKEN, claims: { ...TOKEN.claims, sub: { value: sub } } },
  })!;
  assert.equal(
    login.principal,
    `principal://iam.googleapis.com/${POOL}/subject/${sub}`,
    login.reasons.join('\n'),
  );
  const verdict = push(facts, IMAGE, login.principal);
  const cli = verdict.missing[0]!.fix.snippets['cli']!;
  const member = /--member=((?:'[^']*'|\\')+) --role=/.exec(cli)?.[1] ?? '';
  assert.equal(
    member.replace(/'([^']*)'|\\(')/g, (_m, quoted, escaped) => quoted ?? escaped),
    login.principal,
    cli,
  );
});
