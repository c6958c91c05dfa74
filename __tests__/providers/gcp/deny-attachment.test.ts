// Where deny policies are found: IAM v2 takes a project's attachment point by id or by number ("Deny
// policies": "Responses always contain the numeric ID"), live reads may leave a project's ancestry or its
// deny policies unreadable, and Cloud Run's same-project pull (readable by default) is still behind them.
// Driven through the real path (YAML config → loadConfigText → runCheck).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'yaml';
import type { PullResult } from '../../../src/core/verdict.ts';
import { checkSinglePull } from '../../helpers/check.ts';

type Json = Record<string, unknown>;
const PROJECT = 'my-project';
const NUMBER = '123456789012';
const ANCESTORS = ['folders/234567890123', 'organizations/345678901234'];
const SA = `puller@${PROJECT}.iam.gserviceaccount.com`;
const IMAGE = `us-west1-docker.pkg.dev/${PROJECT}/my-repo/app:1`;
const noPulls = (point: string, principal: string): Json => ({
  attachmentPoint: point,
  policies: [
    {
      name: `policies/cloudresourcemanager.googleapis.com%2F${point.replace('/', '%2F')}/denypolicies/no-pulls`,
      rules: [
        {
          denyRule: {
            deniedPrincipals: [principal],
            deniedPermissions: ['artifactregistry.googleapis.com/repositories.downloadArtifacts'],
          },
        },
      ],
    },
  ],
});
const none = (point: string): Json => ({ attachmentPoint: point, policies: [] });
const why = (result: PullResult) => result.reasons.join('\n');

/** The service account holds Artifact Registry Reader on the repository: only a deny can take it away. */
function serviceAccountPull(project: Json, denyPolicies: Json[]): PullResult {
  const repository = `projects/${PROJECT}/locations/us-west1/repositories/my-repo`;
  return checkSinglePull(
    stringify({
      version: 1,
      images: [IMAGE],
      targets: [{ name: 'batch', platform: 'gcp-service-account', serviceAccounts: [{ email: SA }] }],
      facts: {
        gcp: {
          projects: [project],
          iamPolicies: [
            {
              resource: repository,
              policy: {
                bindings: [{ role: 'roles/artifactregistry.reader', members: [`serviceAccount:${SA}`] }],
              },
            },
            ...[`projects/${PROJECT}`, ...ANCESTORS].map((resource) => ({
              resource,
              policy: { etag: 'ACAB' },
            })),
          ],
          denyPolicies,
        },
      },
    }),
  );
}

test('a deny policy attached to the project by its number denies, as one attached by its id', () => {
  const principal = `principal://iam.googleapis.com/projects/-/serviceAccounts/${SA}`;
  const result = serviceAccountPull({ id: PROJECT, number: NUMBER, ancestors: ANCESTORS }, [
    noPulls(`projects/${NUMBER}`, principal),
    ...ANCESTORS.map(none),
  ]);
  assert.equal(result.verdict, 'denied', why(result));
  assert.match(why(result), /denied by deny policy no-pulls on projects\/123456789012/);
  assert.doesNotMatch(why(result), /no deny policies are given for projects\//);
});

test('a project whose ancestry live reads could not read leaves its folders and organization deny policies unknown', () => {
  const unreadable = 'resourcemanager.projects.get denied (403)';
  const result = serviceAccountPull({ id: PROJECT, unreadable }, [none(`projects/${PROJECT}`)]);
  assert.equal(result.verdict, 'unknown', why(result));
  assert.match(why(result), /folders and organization above project my-project could not be read/);
});

test('ancestors not given offline: their deny policies are named as taken as absent', () => {
  const result = serviceAccountPull({ id: PROJECT, number: NUMBER }, [none(`projects/${PROJECT}`)]);
  assert.equal(result.verdict, 'allowed', why(result));
  assert.match(why(result), /folders and organization above my-project .*taken as absent/);
});

test('Cloud Run, same project, agent not named: unreadable deny policies make it unknown; every layer is named', () => {
  const cloudRun = (denyPolicies: Json[]) =>
    checkSinglePull(
      stringify({
        version: 1,
        images: [IMAGE],
        targets: [{ name: 'web', platform: 'cloud-run', project: PROJECT, service: 'web' }],
        facts: { gcp: { projects: [{ id: PROJECT, ancestors: ANCESTORS }], denyPolicies } },
      }),
    );
  const unreadable = cloudRun([
    { attachmentPoint: `projects/${PROJECT}`, unreadable: 'iam.denypolicies.list denied (403)' },
    ...ANCESTORS.map(none),
  ]);
  assert.equal(unreadable.verdict, 'unknown', why(unreadable));
  assert.match(why(unreadable), /deny policies of projects\/my-project could not be read/);
  const notGiven = cloudRun([]);
  assert.equal(notGiven.verdict, 'allowed', why(notGiven));
  assert.match(why(notGiven), /no deny policies are given for projects\/my-project.*taken as absent/);
  assert.match(why(notGiven), /VPC Service Controls/);
});
