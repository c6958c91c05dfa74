// The Cloud Run rule, driven through the real path (YAML config → loadConfigText → runCheck with every provider).
// Each row cites the Google Cloud page it comes from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import type { PullResult } from '../../../src/core/verdict.ts';
import { checkSinglePull } from '../../helpers/check.ts';

const DEPLOYING = 'https://cloud.google.com/run/docs/deploying';
const OTHER_PROJECTS = 'https://cloud.google.com/artifact-registry/docs/integrate-cloud-run';
const SAME_PROJECT = 'https://cloud.google.com/artifact-registry/docs/deploy';

const RUN_PROJECT = 'web-prod';
const RUN_NUMBER = '123456789012';
const IMAGES_PROJECT = 'shared-images';
const AGENT = `service-${RUN_NUMBER}@serverless-robot-prod.iam.gserviceaccount.com`;
const MEMBER = `serviceAccount:${AGENT}`;
const SAME_IMAGE = `us-central1-docker.pkg.dev/${RUN_PROJECT}/apps/web:1.0`;
const OTHER_IMAGE = `us-central1-docker.pkg.dev/${IMAGES_PROJECT}/apps/web:1.0`;
const OTHER_REPO = `projects/${IMAGES_PROJECT}/locations/us-central1/repositories/apps`;
const GCR_IMAGE = `gcr.io/${IMAGES_PROJECT}/web:1.0`;
const GCR_REPO = `projects/${IMAGES_PROJECT}/locations/us/repositories/gcr.io`;

type Json = Record<string, unknown>;
const policy = (...bindings: Json[]): Json =>
  bindings.length === 0 ? { etag: 'ACAB' } : { bindings, etag: 'BwX=', version: 1 };
const reader = (member = MEMBER): Json => ({ role: 'roles/artifactregistry.reader', members: [member] });
const iam = (resource: string, document: Json) => ({ resource, policy: document });

interface RunCase {
  readonly name: string;
  readonly image: string;
  readonly target?: Json;
  readonly facts?: Json;
  readonly publicImages?: readonly string[];
  readonly expect: 'allowed' | 'denied' | 'unknown';
  readonly because?: readonly string[];
  /** The denied fix's CLI must start with this. */
  readonly fixCli?: string;
}

const TARGET = {
  name: 'web',
  platform: 'cloud-run',
  project: RUN_PROJECT,
  region: 'us-central1',
  service: 'web',
};
const WITH_NUMBER = { projectNumber: RUN_NUMBER };
const OTHER_POLICIES = (repository: Json) => ({
  iamPolicies: [iam(OTHER_REPO, repository), iam(`projects/${IMAGES_PROJECT}`, policy())],
});

const cases: RunCase[] = [
  {
    name: `${SAME_PROJECT} "Deploy to Google Cloud": an image in the service's own project is readable by default (same project, no number needed)`,
    image: SAME_IMAGE,
    expect: 'allowed',
    because: ['preconfigured with access to repositories in the same project'],
  },
  {
    name: `${OTHER_PROJECTS} "Permissions required to deploy": another project's repository granting the service agent Artifact Registry Reader (cross project)`,
    image: OTHER_IMAGE,
    target: WITH_NUMBER,
    facts: OTHER_POLICIES(policy(reader())),
    expect: 'allowed',
    because: [`granted by roles/artifactregistry.reader on ${OTHER_REPO}`],
  },
  {
    name: `${OTHER_PROJECTS} "Permissions required to deploy": another project's repository without a grant to the service agent is denied, with the gcloud and Terraform fix`,
    image: OTHER_IMAGE,
    target: WITH_NUMBER,
    facts: OTHER_POLICIES(policy(reader('serviceAccount:ci@shared-images.iam.gserviceaccount.com'))),
    expect: 'denied',
    fixCli: `gcloud artifacts repositories add-iam-policy-binding apps --location=us-central1 --project=${IMAGES_PROJECT} --member=${MEMBER} --role=roles/artifactregistry.reader`,
  },
  {
    name: `${DEPLOYING} "Deploying images from other Google Cloud projects": the project number names the agent; unknown without it, naming projectNumber`,
    image: OTHER_IMAGE,
    facts: OTHER_POLICIES(policy(reader())),
    expect: 'unknown',
    because: ['set `projectNumber`', `gcloud projects describe ${RUN_PROJECT}`],
  },
  {
    name: `${DEPLOYING} "Deploying images from other Google Cloud projects": the number may come from facts.gcp.projects`,
    image: OTHER_IMAGE,
    facts: { projects: [{ id: RUN_PROJECT, number: RUN_NUMBER }], ...OTHER_POLICIES(policy(reader())) },
    expect: 'allowed',
  },
  {
    name: `${OTHER_PROJECTS} "Permissions required to deploy": the repository's IAM policy not known is unknown, naming facts.gcp.iamPolicies`,
    image: OTHER_IMAGE,
    target: WITH_NUMBER,
    expect: 'unknown',
    because: [`the IAM policy of ${OTHER_REPO} is not in facts.gcp.iamPolicies`],
  },
  {
    name: `${DEPLOYING} "Deploying images from other Google Cloud projects": without the target's project id, a denied grant may still be the default same-project access (unknown)`,
    image: OTHER_IMAGE,
    target: { project: undefined, ...WITH_NUMBER },
    facts: OTHER_POLICIES(policy()),
    expect: 'unknown',
    because: ['set `project`'],
  },
  {
    name: `${OTHER_PROJECTS}: gcr.io images are served by Artifact Registry gcr.io repositories; cross project needs the reader grant there`,
    image: GCR_IMAGE,
    target: WITH_NUMBER,
    facts: { iamPolicies: [iam(GCR_REPO, policy()), iam(`projects/${IMAGES_PROJECT}`, policy())] },
    expect: 'denied',
    fixCli: `gcloud artifacts repositories add-iam-policy-binding gcr.io --location=us --project=${IMAGES_PROJECT}`,
  },
  {
    name: `${DEPLOYING} "Supported container registries and images": a public Docker Hub image listed in publicImages is allowed`,
    image: 'docker.io/library/nginx:1.27',
    publicImages: ['docker.io/library/nginx'],
    expect: 'allowed',
  },
  {
    name: `${DEPLOYING} "Supported container registries and images": a Docker Hub image not known to be public is unknown (only public ones are pulled directly)`,
    image: 'docker.io/acme/private-api:2',
    expect: 'unknown',
    because: ['list it under publicImages', 'remote repository'],
  },
  {
    name: `${DEPLOYING} "Supported container registries and images": an ECR image cannot be deployed to Cloud Run, even when listed public`,
    image: '111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.0',
    publicImages: ['111122223333.dkr.ecr.us-east-1.amazonaws.com/**'],
    expect: 'denied',
    because: ['Supported container registries and images'],
  },
  {
    name: `${DEPLOYING} "Supported container registries and images": a Google-operated gcr.io host (Google Cloud Marketplace) is unknown, not denied: Google decides who pulls there`,
    image: 'marketplace.gcr.io/google/nginx1:1.27',
    target: WITH_NUMBER,
    expect: 'unknown',
    because: ['Google Cloud Marketplace', 'publicImages'],
  },
  {
    name: `${DEPLOYING} "Supported container registries and images": a Google-operated gcr.io host is unknown even when the agent is not named`,
    image: 'mirror.gcr.io/library/nginx:1.27',
    expect: 'unknown',
    because: ["Google's cache of Docker Hub images"],
  },
  {
    name: `${DEPLOYING} "Supported container registries and images": a Google-operated gcr.io host's image listed in publicImages is allowed`,
    image: 'mirror.gcr.io/library/nginx:1.27',
    publicImages: ['mirror.gcr.io/library/*'],
    expect: 'allowed',
  },
];

function configText(c: RunCase): string {
  const target = { ...TARGET, ...(c.target ?? {}) };
  return stringify({
    version: 1,
    images: [c.image],
    targets: [target],
    ...(c.publicImages ? { publicImages: c.publicImages } : {}),
    ...(c.facts ? { facts: { gcp: c.facts } } : {}),
  });
}

function assertCase(result: PullResult, c: RunCase): void {
  const why = `principal ${result.principal}; reasons:\n  ${result.reasons.join('\n  ')}`;
  assert.equal(result.verdict, c.expect, why);
  for (const text of c.because ?? []) {
    assert.ok(
      result.reasons.some((reason) => reason.includes(text)),
      `no reason names ${text}\n${why}`,
    );
  }
  if (c.expect !== 'denied') return assert.deepEqual(result.missing, [], why);
  assert.ok(result.missing.length > 0, why);
  if (c.fixCli) {
    const fix = result.missing[0]!.fix;
    assert.ok(fix.snippets['cli']?.startsWith(c.fixCli), `cli: ${fix.snippets['cli']}`);
    assert.match(
      fix.snippets['terraform'] ?? '',
      /resource "google_artifact_registry_repository_iam_member"/,
    );
    assert.ok(fix.snippets['terraform']?.includes(`member     = "${MEMBER}"`), fix.snippets['terraform']);
  }
}

for (const c of cases) {
  test(c.name, () => assertCase(checkSinglePull(configText(c)), c));
}

test(`${DEPLOYING}: with the number known, the pulling principal is the Cloud Run service agent`, () => {
  const result = checkSinglePull(
    configText({
      name: '',
      image: OTHER_IMAGE,
      target: WITH_NUMBER,
      facts: OTHER_POLICIES(policy(reader())),
      expect: 'allowed',
    }),
  );
  assert.equal(result.principal, MEMBER);
});

test(`${SAME_PROJECT}: a same-project image is still subject to deny policies (IAM "Deny policies": deny before allow)`, () => {
  const deny = {
    attachmentPoint: `projects/${RUN_PROJECT}`,
    policies: [
      {
        name: `policies/cloudresourcemanager.googleapis.com%2Fprojects%2F${RUN_PROJECT}/denypolicies/no-pulls`,
        rules: [
          {
            denyRule: {
              deniedPrincipals: ['principalSet://goog/public:all'],
              deniedPermissions: ['artifactregistry.googleapis.com/repositories.downloadArtifacts'],
            },
          },
        ],
      },
    ],
  };
  const named = checkSinglePull(
    configText({
      name: '',
      image: SAME_IMAGE,
      target: WITH_NUMBER,
      facts: { denyPolicies: [deny] },
      expect: 'denied',
    }),
  );
  assert.equal(named.verdict, 'denied', named.reasons.join('\n'));
  assert.match(named.reasons.join('\n'), /denied by deny policy no-pulls/);
  // Without the project number the agent is not named: a deny rule for the permission may name it.
  const unnamed = checkSinglePull(
    configText({ name: '', image: SAME_IMAGE, facts: { denyPolicies: [deny] }, expect: 'unknown' }),
  );
  assert.equal(unnamed.verdict, 'unknown', unnamed.reasons.join('\n'));
  assert.match(unnamed.reasons.join('\n'), /no-pulls/);
  // Known to have no deny policies: allowed as before, the layers not given named as taken as absent.
  const none = checkSinglePull(
    configText({
      name: '',
      image: SAME_IMAGE,
      target: WITH_NUMBER,
      facts: { denyPolicies: [{ ...deny, policies: [] }] },
      expect: 'allowed',
    }),
  );
  assert.equal(none.verdict, 'allowed', none.reasons.join('\n'));
  assert.match(none.reasons.join('\n'), /VPC Service Controls/);
});
