// IAM deny policies and principal access boundary (PAB) policies in the Google pull rule, driven through the
// real path (YAML config → loadConfigText → runCheck). Sources: IAM "Deny policies" (deny rules are checked
// before allow policies; a denied principal not excepted, a denied permission not excepted, and a true
// denial condition block the access, whatever roles grant it; deny policies attached to a project, folder or
// organization apply to every resource below), "Principal identifiers" (v2 identifiers in deny policies),
// "Permissions supported in deny policies" (v2 permission names, permission groups with `*`), "Principal
// access boundary policies" (a principal bound to PAB policies is eligible only for the resources they list).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { loadConfigText } from '../../../src/core/config/load.ts';
import { ConfigError } from '../../../src/core/errors.ts';
import type { PullResult } from '../../../src/core/verdict.ts';
import { checkSinglePull } from '../../helpers/check.ts';

type Json = Record<string, unknown>;
const PROJECT = 'my-project';
const FOLDER = 'folders/234567890123';
const ORG = 'organizations/345678901234';
const REPO = `projects/${PROJECT}/locations/us-west1/repositories/my-repo`;
const IMAGE = `us-west1-docker.pkg.dev/${PROJECT}/my-repo/app:1`;
const SA = `puller@${PROJECT}.iam.gserviceaccount.com`;
const SA_V2 = `principal://iam.googleapis.com/projects/-/serviceAccounts/${SA}`;
const DOWNLOAD_V2 = 'artifactregistry.googleapis.com/repositories.downloadArtifacts';
const READER = { role: 'roles/artifactregistry.reader', members: [`serviceAccount:${SA}`] };
const policyName = (point: string, id: string) =>
  `policies/cloudresourcemanager.googleapis.com%2F${point.replace('/', '%2F')}/denypolicies/${id}`;

interface Setup {
  readonly image?: string;
  readonly granted?: boolean;
  readonly denyPolicies?: readonly Json[];
  readonly principalAccessBoundaries?: readonly Json[];
  readonly groups?: readonly Json[];
  readonly projects?: readonly Json[];
  readonly policies?: readonly Json[];
}

function run(setup: Setup): PullResult {
  const gcp: Json = {
    projects: setup.projects ?? [{ id: PROJECT, number: '123456789012', ancestors: [FOLDER, ORG] }],
    iamPolicies: setup.policies ?? [
      {
        resource: REPO,
        policy: setup.granted === false ? { etag: 'ACAB' } : { bindings: [READER], etag: 'BwX=' },
      },
      { resource: `projects/${PROJECT}`, policy: { etag: 'ACAB' } },
      { resource: FOLDER, policy: { etag: 'ACAB' } },
      { resource: ORG, policy: { etag: 'ACAB' } },
    ],
  };
  if (setup.denyPolicies) gcp['denyPolicies'] = setup.denyPolicies;
  if (setup.principalAccessBoundaries) gcp['principalAccessBoundaries'] = setup.principalAccessBoundaries;
  if (setup.groups) gcp['groups'] = setup.groups;
  return checkSinglePull(
    stringify({
      version: 1,
      images: [setup.image ?? IMAGE],
      targets: [{ name: 'batch', platform: 'gcp-service-account', serviceAccounts: [{ email: SA }] }],
      facts: { gcp },
    }),
  );
}

const denyRule = (rule: Json, description = 'no pulls'): Json => ({ description, denyRule: rule });
/** Deny policies as `gcloud iam policies get … --kind=denypolicies --format=json` prints them. */
const attached = (point: string, ...rules: Json[]): Json => ({
  attachmentPoint: point,
  policies: [
    {
      name: policyName(point, 'no-pulls'),
      uid: '6f1e3c2a-0000-4000-8000-000000000001',
      kind: 'DenyPolicy',
      displayName: 'No pulls',
      etag: 'MTc1NjA=',
      createTime: '2025-01-15T10:00:00.000000Z',
      updateTime: '2025-01-15T10:00:00.000000Z',
      rules,
    },
  ],
});
const known = (point: string): Json => ({ attachmentPoint: point, policies: [] });
const ALL_KNOWN = [known(`projects/${PROJECT}`), known(FOLDER), known(ORG)];
const DENY_SA = { deniedPrincipals: [SA_V2], deniedPermissions: [DOWNLOAD_V2] };
const reasons = (result: PullResult) => result.reasons.join('\n');

test('no deny policies given: taken as absent, named, and VPC Service Controls named as not known', () => {
  const result = run({});
  assert.equal(result.verdict, 'allowed', reasons(result));
  assert.match(
    reasons(result),
    /no deny policies are given for projects\/my-project, folders\/234567890123, organizations\/345678901234 .*taken as absent/,
  );
  assert.match(reasons(result), /VPC Service Controls/);
  assert.match(reasons(result), /principal access boundary .*taken as absent/);
});

test('"Deny policies": a rule denying the SA the download permission on the project denies, whatever grants it', () => {
  const result = run({
    denyPolicies: [attached(`projects/${PROJECT}`, denyRule(DENY_SA)), known(FOLDER), known(ORG)],
  });
  assert.equal(result.verdict, 'denied', reasons(result));
  assert.match(reasons(result), /denied by deny policy .*no-pulls.* on projects\/my-project/);
  const deny = result.missing.find((grant) => grant.explicitDeny);
  assert.ok(deny, 'the deny is the missing grant');
  assert.deepEqual(deny.permissions, ['artifactregistry.repositories.downloadArtifacts']);
  assert.match(
    deny.fix.snippets['cli'] ?? '',
    /gcloud iam policies get no-pulls --attachment-point=cloudresourcemanager\.googleapis\.com\/projects\/my-project --kind=denypolicies/,
  );
  assert.doesNotMatch(reasons(result), /no deny policies are given/);
});

test('"Deny policies": a rule on the organization applies to the repository below it', () => {
  const result = run({
    denyPolicies: [known(`projects/${PROJECT}`), known(FOLDER), attached(ORG, denyRule(DENY_SA))],
  });
  assert.equal(result.verdict, 'denied');
  assert.match(reasons(result), /on organizations\/345678901234/);
});

test('"Permissions supported in deny policies": permission groups with * match the download permission', () => {
  for (const pattern of [
    'artifactregistry.googleapis.com/repositories.*',
    'artifactregistry.googleapis.com/*',
    '*',
  ]) {
    const rule = denyRule({ deniedPrincipals: [SA_V2], deniedPermissions: [pattern] });
    const result = run({ denyPolicies: [attached(`projects/${PROJECT}`, rule), known(FOLDER), known(ORG)] });
    assert.equal(result.verdict, 'denied', `${pattern}: ${reasons(result)}`);
  }
});

test('"Deny policies": a rule denying other permissions, or other principals, does not deny', () => {
  const rules = [
    denyRule({
      deniedPrincipals: [SA_V2],
      deniedPermissions: ['artifactregistry.googleapis.com/repositories.uploadArtifacts'],
    }),
    denyRule({
      deniedPrincipals: [
        'principal://iam.googleapis.com/projects/-/serviceAccounts/other@my-project.iam.gserviceaccount.com',
      ],
      deniedPermissions: [DOWNLOAD_V2],
    }),
    denyRule({ deniedPrincipals: [`principal://goog/subject/${SA}`], deniedPermissions: [DOWNLOAD_V2] }),
  ];
  const result = run({
    denyPolicies: [attached(`projects/${PROJECT}`, ...rules), known(FOLDER), known(ORG)],
  });
  assert.equal(result.verdict, 'allowed', reasons(result));
});

test('"Deny policies": exception principals and exception permissions lift the rule', () => {
  const excepted = [
    denyRule({ ...DENY_SA, exceptionPrincipals: [SA_V2] }),
    denyRule({
      deniedPrincipals: ['principalSet://goog/public:all'],
      deniedPermissions: ['artifactregistry.googleapis.com/*'],
      exceptionPermissions: [DOWNLOAD_V2],
    }),
  ];
  const result = run({
    denyPolicies: [attached(`projects/${PROJECT}`, ...excepted), known(FOLDER), known(ORG)],
  });
  assert.equal(result.verdict, 'allowed', reasons(result));
});

test('"Principal identifiers": principalSet://goog/public:all and a service-account set of the project deny the SA', () => {
  for (const principal of [
    'principalSet://goog/public:all',
    'principalSet://cloudresourcemanager.googleapis.com/projects/123456789012/type/ServiceAccount',
  ]) {
    const rule = denyRule({ deniedPrincipals: [principal], deniedPermissions: [DOWNLOAD_V2] });
    const result = run({ denyPolicies: [attached(`projects/${PROJECT}`, rule), known(FOLDER), known(ORG)] });
    assert.equal(result.verdict, 'denied', `${principal}: ${reasons(result)}`);
  }
});

test('"Principal identifiers": a denied group whose members are not known makes an allowed pull unknown', () => {
  const rule = denyRule({
    deniedPrincipals: ['principalSet://goog/group/ci@example.com'],
    deniedPermissions: [DOWNLOAD_V2],
  });
  const denyPolicies = [attached(`projects/${PROJECT}`, rule), known(FOLDER), known(ORG)];
  const result = run({ denyPolicies });
  assert.equal(result.verdict, 'unknown', reasons(result));
  assert.match(reasons(result), /group:ci@example\.com/);
  const member = run({
    denyPolicies,
    groups: [{ email: 'ci@example.com', members: [`serviceAccount:${SA}`] }],
  });
  assert.equal(member.verdict, 'denied');
  const stranger = run({ denyPolicies, groups: [{ email: 'ci@example.com', members: [] }] });
  assert.equal(stranger.verdict, 'allowed');
});

test('"Deny policies": a denial condition pullcheck cannot evaluate makes the pull unknown, naming it', () => {
  const rule = denyRule({
    ...DENY_SA,
    denialCondition: { title: 'Only prod', expression: "resource.matchTag('123/env', 'prod')" },
  });
  const result = run({ denyPolicies: [attached(`projects/${PROJECT}`, rule), known(FOLDER), known(ORG)] });
  assert.equal(result.verdict, 'unknown', reasons(result));
  assert.match(reasons(result), /denial condition "Only prod"/);
});

test('deny policies live reads could not read make an allowed pull unknown, and leave a missing grant denied', () => {
  const unreadable = { attachmentPoint: ORG, unreadable: "Permission 'iam.denypolicies.list' denied" };
  const allowedOtherwise = run({ denyPolicies: [known(`projects/${PROJECT}`), known(FOLDER), unreadable] });
  assert.equal(allowedOtherwise.verdict, 'unknown', reasons(allowedOtherwise));
  assert.match(
    reasons(allowedOtherwise),
    /deny policies of organizations\/345678901234 could not be read: Permission 'iam\.denypolicies\.list' denied/,
  );
  const notGranted = run({
    granted: false,
    denyPolicies: [known(`projects/${PROJECT}`), known(FOLDER), unreadable],
  });
  assert.equal(notGranted.verdict, 'denied');
});

test('legacy Container Registry storage: a deny on storage.googleapis.com/objects.get denies', () => {
  const bucket = `buckets/artifacts.${PROJECT}.appspot.com`;
  const rule = denyRule({
    deniedPrincipals: [SA_V2],
    deniedPermissions: ['storage.googleapis.com/objects.get'],
  });
  const result = run({
    image: `gcr.io/${PROJECT}/app:1`,
    projects: [{ id: PROJECT, number: '123456789012', ancestors: [ORG], gcrBackend: 'storage' }],
    policies: [
      {
        resource: bucket,
        policy: { bindings: [{ role: 'roles/storage.objectViewer', members: [`serviceAccount:${SA}`] }] },
      },
      { resource: `projects/${PROJECT}`, policy: { etag: 'ACAB' } },
      { resource: ORG, policy: { etag: 'ACAB' } },
    ],
    denyPolicies: [attached(`projects/${PROJECT}`, rule), known(ORG)],
  });
  assert.equal(result.verdict, 'denied', reasons(result));
});

test('a deny policy permission in the v1 form is refused with where it is (deny policies take SERVICE_FQDN/RESOURCE.ACTION)', () => {
  const text = stringify({
    version: 1,
    images: [IMAGE],
    targets: [{ name: 'batch', platform: 'gcp-service-account', serviceAccounts: [{ email: SA }] }],
    facts: {
      gcp: {
        denyPolicies: [
          attached(
            `projects/${PROJECT}`,
            denyRule({
              deniedPrincipals: [SA_V2],
              deniedPermissions: ['artifactregistry.repositories.downloadArtifacts'],
            }),
          ),
        ],
      },
    },
  });
  assert.throws(
    () => loadConfigText(text, 'pullcheck.yml'),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(String(error.message), /deniedPermissions/);
      return true;
    },
  );
});

// Principal access boundary policies.
const PAB_POLICY = `${ORG}/locations/global/principalAccessBoundaryPolicies/our-org-only`;
const boundary = (principalSet: string, ...resources: string[]): Json => ({
  principalSet,
  policies: [{ name: PAB_POLICY, enforcementVersion: 'latest', rules: [{ effect: 'ALLOW', resources }] }],
});
const PROJECT_SET = `principalSet://cloudresourcemanager.googleapis.com/projects/${PROJECT}`;

test('"Principal access boundary policies": a boundary listing the organization above the repository leaves the pull allowed', () => {
  const result = run({
    denyPolicies: ALL_KNOWN,
    principalAccessBoundaries: [
      boundary(PROJECT_SET, `//cloudresourcemanager.googleapis.com/${ORG}`),
      { principalSet: `principalSet://cloudresourcemanager.googleapis.com/${FOLDER}`, policies: [] },
      { principalSet: `principalSet://cloudresourcemanager.googleapis.com/${ORG}`, policies: [] },
    ],
  });
  assert.equal(result.verdict, 'allowed', reasons(result));
  assert.doesNotMatch(reasons(result), /principal access boundary .*taken as absent/);
});

test('"Principal access boundary policies": a boundary that does not list the repository is named (unknown: whether its enforcement version blocks the download)', () => {
  const result = run({
    denyPolicies: ALL_KNOWN,
    principalAccessBoundaries: [
      boundary(
        `principalSet://cloudresourcemanager.googleapis.com/${ORG}`,
        '//cloudresourcemanager.googleapis.com/organizations/999999999999',
      ),
    ],
  });
  assert.equal(result.verdict, 'unknown', reasons(result));
  assert.match(reasons(result), /our-org-only/);
  assert.match(reasons(result), /not eligible/);
});

test('principal access boundaries live reads could not read make an allowed pull unknown', () => {
  const result = run({
    denyPolicies: ALL_KNOWN,
    principalAccessBoundaries: [
      { principalSet: PROJECT_SET, unreadable: "Permission 'iam.policybindings.list' denied" },
    ],
  });
  assert.equal(result.verdict, 'unknown', reasons(result));
  assert.match(reasons(result), /iam\.policybindings\.list/);
});
