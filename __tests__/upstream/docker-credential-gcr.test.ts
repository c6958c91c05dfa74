// docker-credential-gcr's Google registry hosts (./docker-credential-gcr.cases.ts) through pullcheck's real
// path: a config pulling an image at each host, as a Google service account granted Artifact Registry Reader
// on the repository the host should reach → loadConfigText → runCheck. An Artifact Registry or gcr.io host
// must reach exactly that repository (so the pull is allowed, and the Google login covers the host); a
// Google-operated host must be named, never "no rule for other registries".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { gcp } from '../../src/providers/gcp/index.ts';
import { checkSinglePull } from '../helpers/check.ts';
import { PORTED, type GoogleHostCase } from './docker-credential-gcr.cases.ts';

const PROJECT = 'my-project';
const EMAIL = `puller@${PROJECT}.iam.gserviceaccount.com`;
/** The registry kinds the Google login writes credentials for (src/check/login.ts filters by them). */
const LOGGED_IN = new Set(gcp.registries.map((registry) => registry.kind));

function pull(image: string, repository?: string) {
  const grant = { role: 'roles/artifactregistry.reader', members: [`serviceAccount:${EMAIL}`] };
  const iamPolicies = repository
    ? [
        { resource: repository, policy: { bindings: [grant], etag: 'BwXhqDaLo1E=', version: 1 } },
        { resource: `projects/${PROJECT}`, policy: { etag: 'ACAB' } },
      ]
    : [];
  return checkSinglePull(
    stringify({
      version: 1,
      images: [image],
      targets: [{ name: 'batch', platform: 'gcp-service-account', serviceAccounts: [{ email: EMAIL }] }],
      facts: { gcp: { iamPolicies } },
    }),
  );
}

function check(c: GoogleHostCase): void {
  const { expect } = c;
  if (expect.registry === 'google-operated') {
    const result = pull(`${c.host}/some-path/app:1`);
    assert.equal(result.verdict, 'unknown');
    assert.equal(LOGGED_IN.has(result.registry), false, 'no login: nobody pushes there');
    const reasons = result.reasons.join(' ');
    assert.doesNotMatch(reasons, /no rule for pulls from other registries/);
    assert.match(reasons, expect.because);
    assert.match(reasons, /publicImages/);
    return;
  }
  const [image, repository] =
    expect.registry === 'gar'
      ? [
          `${c.host}/${PROJECT}/my-repo/app:1`,
          `projects/${PROJECT}/locations/${expect.location}/repositories/my-repo`,
        ]
      : [
          `${c.host}/${PROJECT}/app:1`,
          `projects/${PROJECT}/locations/${expect.location}/repositories/${c.host}`,
        ];
  const result = pull(image, repository);
  assert.equal(result.registry, expect.registry);
  assert.ok(LOGGED_IN.has(result.registry), 'the Google login covers the host');
  assert.equal(result.verdict, 'allowed', result.reasons.join('\n'));
  assert.ok(
    result.reasons.some((reason) => reason.includes(`on ${repository}`)),
    `reaches ${repository}: ${result.reasons.join('\n')}`,
  );
}

for (const { upstream, cases } of PORTED) {
  for (const c of cases) {
    test(`${upstream.path}: ${c.from}${c.differs ? ' (differs: unknown)' : ''}`, () => check(c));
  }
}

test('a regional endpoint reaches the repository its LOCATION-docker.pkg.dev host reaches', () => {
  const repository = `projects/${PROJECT}/locations/europe-west2/repositories/apps`;
  const viaRegional = pull(`europe-west2-docker.pkg.dev/${PROJECT}/apps/web:1`, repository);
  const viaEndpoint = pull(`docker.europe-west2.rep.pkg.dev/${PROJECT}/apps/web:1`, repository);
  assert.deepEqual(viaEndpoint.reasons, viaRegional.reasons);
  assert.equal(viaEndpoint.verdict, 'allowed');
});

test('a regional endpoint host for a multi-region is no Artifact Registry host pullcheck knows', () => {
  // Regional endpoints serve regions only: upstream lists none for us, europe or asia.
  const result = pull(`docker.us.rep.pkg.dev/${PROJECT}/apps/web:1`);
  assert.equal(result.registry, 'other');
  assert.equal(result.verdict, 'unknown');
});

test('a regional endpoint path without a repository and an image is refused with the expected form', () => {
  assert.throws(
    () => pull(`docker.us-central1.rep.pkg.dev/${PROJECT}/web:1`),
    /an Artifact Registry path needs a project, a repository and an image.*docker\.us-central1\.rep\.pkg\.dev\/PROJECT\/REPOSITORY\/IMAGE/,
  );
});
