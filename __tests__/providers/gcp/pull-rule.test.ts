// The Artifact Registry / gcr.io pull rule (SPEC §4 "GAR", "GCR"), driven through the real path: a YAML config →
// loadConfigText → runCheck with every provider. Each case comes from Google Cloud's own documentation and names
// the page it comes from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { loadConfigFile, loadConfigText } from '../../../src/core/config/load.ts';
import { ConfigError } from '../../../src/core/errors.ts';
import type { GrantSide, PullResult } from '../../../src/core/verdict.ts';
import { checkSinglePull } from '../../helpers/check.ts';
import { checkConfig } from '../../helpers/check.ts';

// Names as Google's docs write them ("Repository and image names": us-west1, my-project, my-repo, test:staging).
const PROJECT = 'my-project';
const NUMBER = '123456789012';
const FOLDER = 'folders/234567890123';
const ORG = 'organizations/345678901234';
const LOCATION = 'us-west1';
const IMAGE = `${LOCATION}-docker.pkg.dev/${PROJECT}/my-repo/test:staging`;
const REPO = `projects/${PROJECT}/locations/${LOCATION}/repositories/my-repo`;
const PROJECT_RESOURCE = `projects/${PROJECT}`;
const SA = `gke-nodes@${PROJECT}.iam.gserviceaccount.com`;
const MEMBER = `serviceAccount:${SA}`;
const DEFAULT_COMPUTE_SA = `${NUMBER}-compute@developer.gserviceaccount.com`;

const DOWNLOAD = 'artifactregistry.repositories.downloadArtifacts';
const GET_OBJECT = 'storage.objects.get';
const AUTH = 'https://www.googleapis.com/auth/';
const READ_ONLY = `${AUTH}devstorage.read_only`;
const CLOUD_PLATFORM = `${AUTH}cloud-platform`;
const LOGGING_ONLY = [`${AUTH}logging.write`, `${AUTH}monitoring`];

type Json = Record<string, unknown>;
/** An allow policy as `gcloud … get-iam-policy --format=json` prints it. */
const policy = (...bindings: Json[]): Json =>
  bindings.length === 0 ? { etag: 'ACAB' } : { bindings, etag: 'BwXhqDaLo1E=', version: 1 };
const binding = (role: string, ...members: string[]): Json => ({ role, members });
/** A binding on the repository; the project's policy has none that matter. */
const onRepository = (...bindings: Json[]): Record<string, Json> => ({
  [REPO]: policy(...bindings),
  [PROJECT_RESOURCE]: policy(),
});
/** A binding on the project; the repository's own policy is empty. */
const onProject = (...bindings: Json[]): Record<string, Json> => ({
  [REPO]: policy(),
  [PROJECT_RESOURCE]: policy(...bindings),
});
const READER = binding('roles/artifactregistry.reader', MEMBER);

interface ExpectedGrant {
  readonly side: GrantSide;
  readonly permissions: readonly string[];
}
/** `because`: texts each of which some reason must contain. */
interface Expectation {
  readonly verdict: 'allowed' | 'denied' | 'unknown';
  readonly missing: readonly ExpectedGrant[];
  readonly because: readonly string[];
}
const allowed = (...because: string[]): Expectation => ({ verdict: 'allowed', missing: [], because });
const denied = (missing: readonly ExpectedGrant[], ...because: string[]): Expectation => ({
  verdict: 'denied',
  missing,
  because,
});
const unknown = (...because: string[]): Expectation => ({ verdict: 'unknown', missing: [], because });
const bindingSide = (permission = DOWNLOAD): ExpectedGrant => ({
  side: 'binding',
  permissions: [permission],
});
const SCOPE_SIDE: ExpectedGrant = { side: 'scope', permissions: [READ_ONLY] };

/** One pull: who pulls what, and the facts pullcheck is given. */
interface PullSetup {
  readonly image?: string;
  /** Default: a gke target whose node service account is SA. */
  readonly platform?: 'gke' | 'gcp-service-account';
  readonly email?: string;
  /** The node pool's scopes (gke only); default cloud-platform; null leaves them out. */
  readonly scopes?: readonly string[] | null;
  /** A gke target without serviceAccounts (its nodes run as the Compute Engine default service account). */
  readonly noServiceAccounts?: true;
  /** facts.gcp.iamPolicies, by resource name. */
  readonly policies?: Record<string, unknown>;
  readonly projects?: readonly Json[];
  readonly roles?: readonly Json[];
  readonly groups?: readonly Json[];
}

interface PullCase extends PullSetup {
  /** Cites the Google Cloud document the case comes from. */
  readonly name: string;
  readonly expect: Expectation;
}

function configText(c: PullSetup): string {
  const email = c.email ?? SA;
  const platform = c.platform ?? 'gke';
  const target: Json = { name: 'prod', platform };
  if (platform === 'gcp-service-account') {
    target['serviceAccounts'] = [{ email }];
  } else {
    Object.assign(target, { project: PROJECT, location: LOCATION, cluster: 'prod' });
    if (!c.noServiceAccounts) {
      const scopes = c.scopes === undefined ? [CLOUD_PLATFORM] : c.scopes;
      target['serviceAccounts'] = [{ email, ...(scopes === null ? {} : { scopes }) }];
    }
  }
  const gcp: Json = {
    iamPolicies: Object.entries(c.policies ?? {}).map(([resource, value]) => ({ resource, policy: value })),
  };
  if (c.projects) gcp['projects'] = c.projects;
  if (c.roles) gcp['roles'] = c.roles;
  if (c.groups) gcp['groups'] = c.groups;
  return stringify({ version: 1, images: [c.image ?? IMAGE], targets: [target], facts: { gcp } });
}

function pull(c: PullSetup): PullResult {
  return checkSinglePull(configText(c));
}

function assertVerdict(result: PullResult, expected: Expectation): void {
  const why = `reasons:\n  ${result.reasons.join('\n  ')}`;
  assert.equal(result.verdict, expected.verdict, why);
  const order = (a: ExpectedGrant, b: ExpectedGrant) => a.side.localeCompare(b.side);
  const missing = result.missing.map((grant) => ({ side: grant.side, permissions: [...grant.permissions] }));
  const wanted = expected.missing.map((grant) => ({ side: grant.side, permissions: [...grant.permissions] }));
  assert.deepEqual(missing.sort(order), wanted.sort(order), why);
  for (const fact of expected.because) {
    assert.ok(
      result.reasons.some((reason) => reason.includes(fact)),
      `no reason names ${fact}\n${why}`,
    );
  }
}

const cases: PullCase[] = [
  // --- Artifact Registry predefined and basic roles ------------------------------------------------------
  ...['reader', 'writer', 'repoAdmin', 'admin'].map((role): PullCase => ({
    name: `Artifact Registry, Configure roles and permissions: roles/artifactregistry.${role} on the repository lets the node service account pull`,
    policies: onRepository(binding(`roles/artifactregistry.${role}`, MEMBER)),
    expect: allowed(`roles/artifactregistry.${role} on ${REPO} (member ${MEMBER})`),
  })),
  {
    name: 'IAM, Policy inheritance: roles/artifactregistry.reader on the project applies to every repository in it',
    policies: onProject(READER),
    expect: allowed(`roles/artifactregistry.reader on ${PROJECT_RESOURCE}`),
  },
  ...['viewer', 'editor', 'owner'].map((role): PullCase => ({
    name: `IAM, Basic roles: roles/${role} on the project carries ${DOWNLOAD} (roles dataset)`,
    policies: onProject(binding(`roles/${role}`, MEMBER)),
    expect: allowed(`roles/${role} on ${PROJECT_RESOURCE}`),
  })),
  {
    name: 'IAM, Cloud Logging roles and permissions: roles/logging.viewer carries no Artifact Registry permission',
    policies: onProject(binding('roles/logging.viewer', MEMBER)),
    expect: denied([bindingSide()], `no binding on the repository, its project or their ancestors grants it`),
  },
  {
    name: 'GKE, Use least privileged IAM service accounts: roles/container.defaultNodeServiceAccount does not include Artifact Registry reads',
    policies: onProject(binding('roles/container.defaultNodeServiceAccount', MEMBER)),
    expect: denied([bindingSide()]),
  },
  {
    name: 'Artifact Registry, Configure roles and permissions: a reader grant on another repository does not reach this one',
    policies: {
      [REPO]: policy(),
      [PROJECT_RESOURCE]: policy(),
      [`projects/${PROJECT}/locations/${LOCATION}/repositories/other-repo`]: policy(READER),
    },
    expect: denied([bindingSide()]),
  },
  {
    name: 'SPEC §3 offline facts: without the repository policy and with a project policy that does not grant, the pull is unknown',
    policies: { [PROJECT_RESOURCE]: policy(binding('roles/logging.viewer', MEMBER)) },
    expect: unknown(
      `the IAM policy of ${REPO} is not in facts.gcp.iamPolicies`,
      'gcloud artifacts repositories get-iam-policy my-repo --location=us-west1 --project=my-project',
    ),
  },
  {
    name: 'IAM, Policy inheritance: a grant on the project decides even when the repository policy is not given',
    policies: { [PROJECT_RESOURCE]: policy(READER) },
    expect: allowed(`roles/artifactregistry.reader on ${PROJECT_RESOURCE}`),
  },
  {
    name: 'IAM, Policy inheritance: without the project policy a repository that grants nothing is unknown',
    policies: { [REPO]: policy() },
    expect: unknown(`the IAM policy of ${PROJECT_RESOURCE} is not in facts.gcp.iamPolicies`),
  },

  // --- Resource hierarchy: folders and the organization ---------------------------------------------------
  {
    name: 'IAM, Policy inheritance: roles/artifactregistry.reader on the organization, ancestors given',
    projects: [{ id: PROJECT, number: NUMBER, ancestors: [FOLDER, ORG] }],
    policies: { ...onProject(), [ORG]: policy(READER) },
    expect: allowed(`roles/artifactregistry.reader on ${ORG}`),
  },
  {
    name: 'IAM, Policy inheritance: roles/artifactregistry.reader on a folder above the project, ancestors given',
    projects: [{ id: PROJECT, ancestors: [FOLDER, ORG] }],
    policies: { ...onProject(), [FOLDER]: policy(READER) },
    expect: allowed(
      `roles/artifactregistry.reader on ${FOLDER}`,
      `no IAM policy is given for ${ORG}: taken as absent`,
    ),
  },
  {
    name: 'IAM, Policy inheritance: an organization policy is not applied when the project ancestors are not given (and the reasons say so)',
    policies: { ...onProject(), [ORG]: policy(READER) },
    expect: denied(
      [bindingSide()],
      `the folders and organization above project ${PROJECT} are not given (facts.gcp.projects[].ancestors)`,
    ),
  },

  // --- Custom roles ---------------------------------------------------------------------------------------
  {
    name: 'IAM, Create and manage custom roles: a project custom role whose includedPermissions has downloadArtifacts',
    roles: [{ name: `projects/${PROJECT}/roles/imagePuller`, includedPermissions: [DOWNLOAD] }],
    policies: onRepository(binding(`projects/${PROJECT}/roles/imagePuller`, MEMBER)),
    expect: allowed(`projects/${PROJECT}/roles/imagePuller on ${REPO}`),
  },
  {
    name: 'IAM, Create and manage custom roles: an organization custom role without downloadArtifacts',
    roles: [
      {
        name: `${ORG}/roles/repoLister`,
        includedPermissions: ['artifactregistry.repositories.list', 'artifactregistry.repositories.get'],
      },
    ],
    policies: onRepository(binding(`${ORG}/roles/repoLister`, MEMBER)),
    expect: denied([bindingSide()]),
  },
  {
    name: 'SPEC §3 offline facts: a custom role facts.gcp.roles does not describe is unknown',
    policies: onRepository(binding(`projects/${PROJECT}/roles/imagePuller`, MEMBER)),
    expect: unknown(`custom role projects/${PROJECT}/roles/imagePuller is not in facts.gcp.roles`),
  },

  // --- Principal identifiers ------------------------------------------------------------------------------
  {
    name: 'IAM, Principal identifiers: group:GROUP_EMAIL_ADDRESS with its members in facts.gcp.groups',
    groups: [{ email: 'gke-nodes@example.com', members: [MEMBER] }],
    policies: onRepository(binding('roles/artifactregistry.reader', 'group:gke-nodes@example.com')),
    expect: allowed('(member group:gke-nodes@example.com)'),
  },
  {
    name: 'IAM, Principal identifiers: a group nested in a group (Google Groups may contain groups)',
    groups: [
      { email: 'deployers@example.com', members: ['group:gke-nodes@example.com'] },
      { email: 'gke-nodes@example.com', members: [MEMBER] },
    ],
    policies: onRepository(binding('roles/artifactregistry.reader', 'group:deployers@example.com')),
    expect: allowed('(member group:deployers@example.com)'),
  },
  {
    name: 'IAM, Principal identifiers: a group whose known members do not include the service account',
    groups: [{ email: 'deployers@example.com', members: ['user:alex@example.com'] }],
    policies: onRepository(binding('roles/artifactregistry.reader', 'group:deployers@example.com')),
    expect: denied([bindingSide()]),
  },
  {
    name: 'IAM, Principal identifiers: a group whose members are not in facts is unknown, never a guess',
    policies: onRepository(binding('roles/artifactregistry.reader', 'group:deployers@example.com')),
    expect: unknown(
      'the members of group:deployers@example.com are not known',
      'gcloud identity groups memberships list --group-email=deployers@example.com',
    ),
  },
  {
    name: 'IAM, Principal identifiers: a nested group whose members are not in facts is unknown',
    groups: [{ email: 'deployers@example.com', members: ['group:gke-nodes@example.com'] }],
    policies: onRepository(binding('roles/artifactregistry.reader', 'group:deployers@example.com')),
    expect: unknown('the members of group:gke-nodes@example.com are not known'),
  },
  {
    name: 'IAM, Principal identifiers: domain:DOMAIN is unknown unless facts.gcp.groups lists the domain',
    policies: onRepository(binding('roles/artifactregistry.reader', 'domain:example.com')),
    expect: unknown('the members of domain:example.com are not known', 'an entry with email: example.com'),
  },
  {
    name: 'IAM, Principal identifiers: domain:DOMAIN decided from a facts.gcp.groups entry for the domain',
    groups: [{ email: 'example.com', members: [MEMBER] }],
    policies: onRepository(binding('roles/artifactregistry.reader', 'domain:example.com')),
    expect: allowed('(member domain:example.com)'),
  },
  ...['allUsers', 'allAuthenticatedUsers'].map((member): PullCase => ({
    name: `IAM, Principal identifiers: ${member} includes every service account (a public repository)`,
    policies: onRepository(binding('roles/artifactregistry.reader', member)),
    expect: allowed(`(member ${member})`),
  })),
  {
    name: 'IAM, Principal identifiers: deleted:serviceAccount:…?uid=… never matches, even the same email',
    policies: onRepository(
      binding('roles/artifactregistry.reader', `deleted:serviceAccount:${SA}?uid=123456789012345678901`),
    ),
    expect: denied([bindingSide()]),
  },
  {
    name: 'IAM Binding reference: deleted:principal://… workforce identities are valid members and never match a service account',
    policies: onRepository(
      binding(
        'roles/artifactregistry.reader',
        'deleted:principal://iam.googleapis.com/locations/global/workforcePools/my-pool-id/subject/my-subject-attribute-value',
      ),
    ),
    expect: denied([bindingSide()]),
  },
  {
    name: 'IAM Binding reference: serviceAccount:PROJECT.svc.id.goog[NAMESPACE/KSA] is a Kubernetes service account, not the node service account',
    policies: onRepository(
      binding(
        'roles/artifactregistry.reader',
        `serviceAccount:${PROJECT}.svc.id.goog[my-namespace/my-kubernetes-sa]`,
      ),
    ),
    expect: denied([bindingSide()]),
  },
  {
    name: 'IAM, Principal identifiers: user:USER_EMAIL_ADDRESS names a Google Account, not a service account',
    policies: onRepository(binding('roles/artifactregistry.reader', 'user:alex@example.com')),
    expect: denied([bindingSide()]),
  },
  {
    name: 'IAM, Principal identifiers: principalSet://cloudresourcemanager.googleapis.com/projects/NUMBER/type/ServiceAccount, project number known',
    projects: [{ id: PROJECT, number: NUMBER }],
    policies: onRepository(
      binding(
        'roles/artifactregistry.reader',
        `principalSet://cloudresourcemanager.googleapis.com/projects/${NUMBER}/type/ServiceAccount`,
      ),
    ),
    expect: allowed(
      `principalSet://cloudresourcemanager.googleapis.com/projects/${NUMBER}/type/ServiceAccount`,
    ),
  },
  {
    name: "IAM, Principal identifiers: all service accounts of another project's number do not include this one",
    projects: [{ id: PROJECT, number: NUMBER }],
    policies: onRepository(
      binding(
        'roles/artifactregistry.reader',
        'principalSet://cloudresourcemanager.googleapis.com/projects/999999999999/type/ServiceAccount',
      ),
    ),
    expect: denied([bindingSide()]),
  },
  {
    name: "IAM, Principal identifiers: all service accounts in a project is unknown without the service account's project number",
    policies: onRepository(
      binding(
        'roles/artifactregistry.reader',
        `principalSet://cloudresourcemanager.googleapis.com/projects/${NUMBER}/type/ServiceAccount`,
      ),
    ),
    expect: unknown(`needs the project number of ${SA}'s project`),
  },
  {
    name: 'IAM, Principal identifiers: all service accounts in all projects in a folder, ancestors given',
    projects: [{ id: PROJECT, number: NUMBER, ancestors: [FOLDER, ORG] }],
    policies: onRepository(
      binding(
        'roles/artifactregistry.reader',
        `principalSet://cloudresourcemanager.googleapis.com/${FOLDER}/type/ServiceAccount`,
      ),
    ),
    expect: allowed(),
  },

  // --- IAM Conditions ---------------------------------------------------------------------------------------
  {
    name: 'IAM, Overview of IAM Conditions: a conditional role binding (expiring access) is unknown and names the condition',
    policies: onRepository({
      role: 'roles/artifactregistry.reader',
      members: [MEMBER],
      condition: {
        title: 'Expires at end of 2025',
        expression: 'request.time < timestamp("2026-01-01T00:00:00Z")',
      },
    }),
    expect: unknown('the condition "Expires at end of 2025"'),
  },
  {
    name: 'IAM, Overview of IAM Conditions: an unconditional grant decides even when another binding is conditional',
    policies: onRepository(READER, {
      role: 'roles/artifactregistry.writer',
      members: [MEMBER],
      condition: { title: 'Business hours', expression: 'request.time.getHours("Europe/Berlin") >= 9' },
    }),
    expect: allowed(`roles/artifactregistry.reader on ${REPO}`),
  },

  // --- gcr.io on Artifact Registry --------------------------------------------------------------------------
  ...(
    [
      ['gcr.io', 'us'],
      ['us.gcr.io', 'us'],
      ['eu.gcr.io', 'europe'],
      ['asia.gcr.io', 'asia'],
    ] as const
  ).map(([host, location]): PullCase => ({
    name: `Artifact Registry, gcr.io repositories (gcr.io domain support): ${host} is served by the repository ${host} in ${location}`,
    image: `${host}/${PROJECT}/test:staging`,
    policies: {
      [`projects/${PROJECT}/locations/${location}/repositories/${host}`]: policy(READER),
      [PROJECT_RESOURCE]: policy(),
    },
    expect: allowed(`${DOWNLOAD} on projects/${PROJECT}/locations/${location}/repositories/${host}`),
  })),
  {
    name: 'Artifact Registry, gcr.io repositories: a grant on a gcr.io repository does not reach eu.gcr.io',
    image: `eu.gcr.io/${PROJECT}/test:staging`,
    policies: {
      [`projects/${PROJECT}/locations/us/repositories/gcr.io`]: policy(READER),
      [`projects/${PROJECT}/locations/europe/repositories/eu.gcr.io`]: policy(),
      [PROJECT_RESOURCE]: policy(),
    },
    expect: denied([bindingSide()]),
  },
  {
    name: 'Artifact Registry, Repository and image names (domain-scoped projects): gcr.io/example.com/my-project/test is project example.com:my-project',
    image: `gcr.io/example.com/${PROJECT}/test:staging`,
    policies: {
      [`projects/example.com:${PROJECT}/locations/us/repositories/gcr.io`]: policy(READER),
      [`projects/example.com:${PROJECT}`]: policy(),
    },
    expect: allowed(`${DOWNLOAD} on projects/example.com:${PROJECT}/locations/us/repositories/gcr.io`),
  },

  // --- Legacy Container Registry (gcrBackend: storage) ------------------------------------------------------
  ...(
    [
      ['gcr.io', 'artifacts.my-project.appspot.com'],
      ['us.gcr.io', 'us.artifacts.my-project.appspot.com'],
      ['eu.gcr.io', 'eu.artifacts.my-project.appspot.com'],
      ['asia.gcr.io', 'asia.artifacts.my-project.appspot.com'],
    ] as const
  ).map(([host, bucket]): PullCase => ({
    name: `Container Registry, Configure access control: ${host} images live in gs://${bucket}; roles/storage.objectViewer there lets the account pull`,
    image: `${host}/${PROJECT}/test:staging`,
    projects: [{ id: PROJECT, gcrBackend: 'storage' }],
    policies: {
      [`buckets/${bucket}`]: policy(binding('roles/storage.objectViewer', MEMBER)),
      [PROJECT_RESOURCE]: policy(),
    },
    expect: allowed(`${GET_OBJECT} on gs://${bucket}`),
  })),
  {
    name: 'Container Registry, Configure access control: a domain-scoped project example.com:my-project uses gs://artifacts.my-project.example.com.a.appspot.com',
    image: `gcr.io/example.com/${PROJECT}/test:staging`,
    projects: [{ id: `example.com:${PROJECT}`, gcrBackend: 'storage' }],
    policies: {
      'buckets/artifacts.my-project.example.com.a.appspot.com': policy(
        binding('roles/storage.objectViewer', MEMBER),
      ),
      [`projects/example.com:${PROJECT}`]: policy(),
    },
    expect: allowed(`${GET_OBJECT} on gs://artifacts.my-project.example.com.a.appspot.com`),
  },
  {
    name: 'Cloud Storage roles: roles/storage.legacyBucketReader alone lists objects but has no storage.objects.get',
    image: `gcr.io/${PROJECT}/test:staging`,
    projects: [{ id: PROJECT, gcrBackend: 'storage' }],
    policies: {
      'buckets/artifacts.my-project.appspot.com': policy(binding('roles/storage.legacyBucketReader', MEMBER)),
      [PROJECT_RESOURCE]: policy(),
    },
    expect: denied([bindingSide(GET_OBJECT)]),
  },
  {
    name: 'Container Registry, Configure access control: roles/storage.legacyBucketWriter on the bucket pushes and pulls images',
    image: `gcr.io/${PROJECT}/test:staging`,
    projects: [{ id: PROJECT, gcrBackend: 'storage' }],
    policies: {
      'buckets/artifacts.my-project.appspot.com': policy(binding('roles/storage.legacyBucketWriter', MEMBER)),
      [PROJECT_RESOURCE]: policy(),
    },
    expect: allowed('roles/storage.legacyBucketWriter on buckets/artifacts.my-project.appspot.com'),
  },
  {
    name: 'IAM, Policy inheritance: roles/storage.objectViewer on the project reaches its Container Registry bucket',
    image: `gcr.io/${PROJECT}/test:staging`,
    projects: [{ id: PROJECT, gcrBackend: 'storage' }],
    policies: {
      'buckets/artifacts.my-project.appspot.com': policy(),
      [PROJECT_RESOURCE]: policy(binding('roles/storage.objectViewer', MEMBER)),
    },
    expect: allowed(`roles/storage.objectViewer on ${PROJECT_RESOURCE}`),
  },
  {
    name: 'Artifact Registry, gcr.io repositories: an Artifact Registry role does not open a project still on Container Registry storage',
    image: `gcr.io/${PROJECT}/test:staging`,
    projects: [{ id: PROJECT, gcrBackend: 'storage' }],
    policies: {
      'buckets/artifacts.my-project.appspot.com': policy(),
      [PROJECT_RESOURCE]: policy(READER),
    },
    expect: denied([bindingSide(GET_OBJECT)]),
  },
  {
    name: 'Cloud Storage IAM, convenience values: projectViewer:my-project on the bucket, decided from the project policy (a viewer)',
    image: `gcr.io/${PROJECT}/test:staging`,
    projects: [{ id: PROJECT, gcrBackend: 'storage' }],
    policies: {
      'buckets/artifacts.my-project.appspot.com': policy(
        binding('roles/storage.legacyObjectReader', `projectViewer:${PROJECT}`),
      ),
      [PROJECT_RESOURCE]: policy(binding('roles/viewer', MEMBER)),
    },
    expect: allowed(`(member projectViewer:${PROJECT})`),
  },
  {
    name: 'Cloud Storage IAM, convenience values: projectViewer:my-project does not include an account that is not a viewer of the project',
    image: `gcr.io/${PROJECT}/test:staging`,
    projects: [{ id: PROJECT, gcrBackend: 'storage' }],
    policies: {
      'buckets/artifacts.my-project.appspot.com': policy(
        binding('roles/storage.legacyObjectReader', `projectViewer:${PROJECT}`),
      ),
      [PROJECT_RESOURCE]: policy(binding('roles/logging.viewer', MEMBER)),
    },
    expect: denied([bindingSide(GET_OBJECT)]),
  },

  // --- GKE access scopes ------------------------------------------------------------------------------------
  ...[
    READ_ONLY,
    `${AUTH}devstorage.read_write`,
    `${AUTH}devstorage.full_control`,
    CLOUD_PLATFORM,
    'cloud-platform',
    'devstorage.read_only',
  ].map((scope): PullCase => ({
    name: `GKE, Access scopes in GKE / Compute Engine, Integrate with Artifact Registry: the scope ${scope} allows the pull`,
    scopes: [scope],
    policies: onRepository(READER),
    expect: allowed('the node pool has a storage read scope'),
  })),
  ...['storage-ro', 'storage-rw', 'storage-full', 'gke-default', 'default'].map((alias): PullCase => ({
    name: `gcloud container node-pools create --scopes: the alias ${alias} includes a storage scope`,
    scopes: [alias],
    policies: onRepository(READER),
    expect: allowed('the node pool has a storage read scope'),
  })),
  {
    name: 'GKE, Access scopes in GKE: a node pool with only logging and monitoring scopes cannot pull, whatever IAM says',
    scopes: LOGGING_ONLY,
    policies: onRepository(READER),
    expect: denied([SCOPE_SIDE], 'the node pool has no storage read scope'),
  },
  {
    name: 'GKE, Access scopes in GKE: scopes not given are unknown, and the reason says how to read them',
    scopes: null,
    policies: onRepository(READER),
    expect: unknown(
      'access scopes for',
      "gcloud container node-pools describe … --format='value(config.oauthScopes)'",
    ),
  },
  {
    name: 'Artifact Registry, Deploy to Google Cloud: IAM permissions and access scopes are both needed; both missing are both reported',
    scopes: LOGGING_ONLY,
    policies: onRepository(),
    expect: denied([bindingSide(), SCOPE_SIDE]),
  },
  {
    name: 'GKE, Access scopes in GKE: a missing scope is denied even while the IAM side is undecided',
    scopes: LOGGING_ONLY,
    policies: onRepository(binding('roles/artifactregistry.reader', 'group:deployers@example.com')),
    expect: denied([SCOPE_SIDE], 'the IAM side is undecided too'),
  },

  // --- Who pulls: default node identity and plain service-account targets ------------------------------------
  {
    name: 'GKE, Use least privileged IAM service accounts: without serviceAccounts nodes run as PROJECT_NUMBER-compute@developer.gserviceaccount.com',
    noServiceAccounts: true,
    projects: [{ id: PROJECT, number: NUMBER }],
    policies: onRepository(),
    expect: denied(
      [bindingSide()],
      'no serviceAccounts listed: the nodes run as the Compute Engine default service account of project my-project',
    ),
  },
  {
    name: 'GKE, Access scopes in GKE: the default node service account granted on the repository still needs its scopes known',
    noServiceAccounts: true,
    projects: [{ id: PROJECT, number: NUMBER }],
    policies: onRepository(binding('roles/artifactregistry.reader', `serviceAccount:${DEFAULT_COMPUTE_SA}`)),
    expect: unknown(`access scopes for ${DEFAULT_COMPUTE_SA} are not given`),
  },
  {
    name: 'GKE, Use least privileged IAM service accounts: the default node identity cannot be named without the project number',
    noServiceAccounts: true,
    policies: onRepository(READER),
    expect: unknown(
      'give the project number of my-project in facts.gcp.projects',
      'PROJECT_NUMBER-compute@developer.gserviceaccount.com',
    ),
  },
  {
    name: 'IAM, Service accounts: a gcp-service-account target is decided by IAM alone (no node scopes)',
    platform: 'gcp-service-account',
    policies: onRepository(READER),
    expect: allowed(`roles/artifactregistry.reader on ${REPO}`),
  },
  {
    name: 'IAM, Service accounts: a gcp-service-account target without a grant is denied on the binding side only',
    platform: 'gcp-service-account',
    policies: onRepository(),
    expect: denied([bindingSide()]),
  },
];

for (const c of cases) {
  test(c.name, () => assertVerdict(pull(c), c.expect));
}

// --- Fixes ----------------------------------------------------------------------------------------------------

test('the binding fix grants roles/artifactregistry.reader on the repository (gcloud and Terraform)', () => {
  const result = pull({ policies: onRepository(binding('roles/logging.viewer', MEMBER)) });
  const fix = result.missing.find((grant) => grant.side === 'binding')?.fix;
  assert.equal(
    fix?.snippets['cli'],
    `gcloud artifacts repositories add-iam-policy-binding my-repo --location=us-west1 --project=my-project --member=${MEMBER} --role=roles/artifactregistry.reader`,
  );
  const terraform = fix?.snippets['terraform'] ?? '';
  assert.match(terraform, /^resource "google_artifact_registry_repository_iam_member" /);
  assert.match(terraform, /repository = "my-repo"/);
  assert.match(terraform, /location {3}= "us-west1"/);
  assert.match(terraform, /role {7}= "roles\/artifactregistry\.reader"/);
  assert.match(terraform, new RegExp(`member {5}= "${MEMBER.replaceAll('.', '\\.')}"`));
});

test('the binding fix for a gcr.io host names the gcr.io repository in its multi-region', () => {
  const result = pull({
    image: `eu.gcr.io/example.com/${PROJECT}/test`,
    policies: {
      [`projects/example.com:${PROJECT}/locations/europe/repositories/eu.gcr.io`]: policy(),
      [`projects/example.com:${PROJECT}`]: policy(),
    },
  });
  assert.equal(result.verdict, 'denied');
  assert.equal(
    result.missing[0]?.fix.snippets['cli'],
    `gcloud artifacts repositories add-iam-policy-binding eu.gcr.io --location=europe --project=example.com:my-project --member=${MEMBER} --role=roles/artifactregistry.reader`,
  );
});

test('the bucket fix grants roles/storage.objectViewer on the Container Registry bucket', () => {
  const result = pull({
    image: `us.gcr.io/${PROJECT}/test`,
    projects: [{ id: PROJECT, gcrBackend: 'storage' }],
    policies: {
      'buckets/us.artifacts.my-project.appspot.com': policy(
        binding('roles/storage.legacyBucketReader', MEMBER),
      ),
      [PROJECT_RESOURCE]: policy(),
    },
  });
  const fix = result.missing.find((grant) => grant.side === 'binding')?.fix;
  assert.equal(
    fix?.snippets['cli'],
    `gcloud storage buckets add-iam-policy-binding gs://us.artifacts.my-project.appspot.com --member=${MEMBER} --role=roles/storage.objectViewer`,
  );
  assert.match(fix?.snippets['terraform'] ?? '', /^resource "google_storage_bucket_iam_member" /);
  assert.match(fix?.snippets['terraform'] ?? '', /bucket = "us\.artifacts\.my-project\.appspot\.com"/);
});

test('the scope fix is a new node pool (scopes of an existing pool cannot change)', () => {
  const result = pull({ scopes: LOGGING_ONLY, policies: onRepository(READER) });
  const fix = result.missing.find((grant) => grant.side === 'scope')?.fix;
  assert.match(fix?.text ?? '', /scopes cannot be changed on an existing node pool/);
  assert.equal(
    fix?.snippets['cli'],
    `gcloud container node-pools create pool-with-pull-scope --cluster=prod --location=us-west1 --project=my-project --service-account=${SA} --scopes=${CLOUD_PLATFORM}`,
  );
  assert.match(fix?.snippets['terraform'] ?? '', /resource "google_container_node_pool"/);
  assert.match(
    fix?.snippets['terraform'] ?? '',
    /oauth_scopes {4}= \["https:\/\/www\.googleapis\.com\/auth\/cloud-platform"\]/,
  );
});

test('the default node identity is reported as the principal', () => {
  const result = pull({
    noServiceAccounts: true,
    projects: [{ id: PROJECT, number: NUMBER }],
    policies: onRepository(),
  });
  assert.equal(result.principal, `serviceAccount:${DEFAULT_COMPUTE_SA}`);
  assert.equal(result.registry, 'gar');
});

// --- Bad input in IAM policies --------------------------------------------------------------------------------

/** A config whose only policy is `policyText` (YAML flow or JSON), written inline on one line. */
function configWithPolicy(policyText: string): string {
  return [
    'version: 1',
    `images: [${IMAGE}]`,
    'targets:',
    '  - name: prod',
    '    platform: gcp-service-account',
    `    serviceAccounts: [{ email: ${SA} }]`,
    'facts:',
    '  gcp:',
    '    iamPolicies:',
    `      - resource: ${REPO}`,
    `        policy: ${policyText}`,
    '',
  ].join('\n');
}

function configErrorOf(load: () => ReturnType<typeof loadConfigText>): ConfigError {
  try {
    checkConfig(load(), { failOn: 'denied' });
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a ConfigError');
}

const badPolicies: { name: string; policy: Json; message: RegExp }[] = [
  {
    name: 'IAM, Principal identifiers: `serviceaccount:` (wrong case) is not a principal type',
    policy: { bindings: [binding('roles/artifactregistry.reader', `serviceaccount:${SA}`)] },
    message: /binding #1: malformed member "serviceaccount:gke-nodes@my-project\.iam\.gserviceaccount\.com"/,
  },
  {
    name: 'IAM, Principal identifiers: `sa:` is not a principal type',
    policy: { bindings: [READER, binding('roles/artifactregistry.reader', 'sa:gke-nodes')] },
    message: /binding #2: malformed member "sa:gke-nodes"/,
  },
  {
    name: 'IAM, Principal identifiers: a service account member without an email',
    policy: { bindings: [binding('roles/artifactregistry.reader', 'serviceAccount:gke-nodes')] },
    message: /malformed member "serviceAccount:gke-nodes"/,
  },
  {
    name: 'IAM, Roles and permissions: a role name without roles/ is malformed',
    policy: { bindings: [binding('artifactregistry.reader', MEMBER)] },
    message:
      /binding #1: `role` must be roles\/NAME, projects\/P\/roles\/NAME or organizations\/O\/roles\/NAME \(got "artifactregistry\.reader"\)/,
  },
  {
    name: 'IAM, Create and manage custom roles: a custom role name must be projects/P/roles/NAME',
    policy: { bindings: [binding('projects/my-project/imagePuller', MEMBER)] },
    message: /`role` must be roles\/NAME/,
  },
  {
    name: 'IAM Policy reference: an unknown key in the policy (a typo must not silently drop a check)',
    policy: { bindingz: [READER] },
    message: /unknown key `bindingz` in the IAM policy; expected bindings, etag, version, auditConfigs/,
  },
  {
    name: 'IAM Policy reference: an unknown key in a binding (a misspelt condition must not drop the condition)',
    policy: {
      bindings: [
        {
          ...READER,
          conditon: { title: 'Expires', expression: 'request.time < timestamp("2026-01-01T00:00:00Z")' },
        },
      ],
      version: 3,
    },
    message: /binding #1: unknown key `conditon`; expected role, members, condition/,
  },
];

for (const bad of badPolicies) {
  test(`${bad.name} → a config error at the policy`, () => {
    const text = configWithPolicy(JSON.stringify(bad.policy));
    const error = configErrorOf(() => loadConfigText(text, 'pullcheck.yml'));
    const [problem] = error.problems;
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('policy: ')) + 1;
    assert.deepEqual(problem?.where, {
      file: 'pullcheck.yml',
      line,
      column: lines[line - 1]!.indexOf('policy: ') + 'policy: '.length + 1,
    });
    assert.match(problem?.message ?? '', /^invalid IAM policy: /);
    assert.match(problem?.message ?? '', bad.message);
  });
}

test('a malformed member in a policy file is reported at that file', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-gcp-'));
  const document = {
    bindings: [binding('roles/artifactregistry.reader', 'sa:gke-nodes')],
    etag: 'BwXhqDaLo1E=',
  };
  writeFileSync(path.join(dir, 'repo-policy.json'), `${JSON.stringify(document, null, 2)}\n`);
  writeFileSync(path.join(dir, 'pullcheck.yml'), configWithPolicy('{ file: repo-policy.json }'));
  const error = configErrorOf(() => loadConfigFile(path.join(dir, 'pullcheck.yml')));
  const [problem] = error.problems;
  assert.equal(path.basename(problem?.where.file ?? ''), 'repo-policy.json');
  assert.deepEqual([problem?.where.line, problem?.where.column], [1, 1]);
  assert.match(problem?.message ?? '', /malformed member "sa:gke-nodes"/);
});
