// An allow policy read live is Google's answer, not the user's writing: one pullcheck cannot parse (a key
// newer than its parser) leaves that resource's grants unknown, naming why; it is no config error. The same
// document written in the config is the user's mistake, reported at its place.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { withLiveFacts } from '../../../src/check/live-facts.ts';
import { loadConfigText } from '../../../src/core/config/load.ts';
import { checkConfig } from '../../helpers/check.ts';

const REPO = 'projects/my-project/locations/us-west1/repositories/my-repo';
const SA = 'puller@my-project.iam.gserviceaccount.com';
const NEWER = {
  bindings: [{ role: 'roles/artifactregistry.reader', members: [`serviceAccount:${SA}`], futureKey: 'x' }],
  etag: 'BwXhqDaLo1E=',
};

function config(repositoryPolicy?: unknown) {
  const iamPolicies: unknown[] = [{ resource: 'projects/my-project', policy: { etag: 'ACAB' } }];
  if (repositoryPolicy) iamPolicies.push({ resource: REPO, policy: repositoryPolicy });
  return loadConfigText(
    stringify({
      version: 1,
      images: ['us-west1-docker.pkg.dev/my-project/my-repo/app:1'],
      targets: [{ name: 'run', platform: 'gcp-service-account', serviceAccounts: [{ email: SA }] }],
      facts: { gcp: { iamPolicies } },
    }),
    'pullcheck.yml',
  );
}

test('a repository allow policy read live with a key the parser does not know: unknown, naming the key', () => {
  const read = { gcp: { iamPolicies: [{ resource: REPO, policy: NEWER }] } };
  const result = checkConfig(withLiveFacts(config(), read)).results[0]!;
  assert.equal(result.verdict, 'unknown', result.reasons.join('\n'));
  assert.match(
    result.reasons.join('\n'),
    /read live, but not an IAM policy pullcheck can evaluate: .*`futureKey`/,
  );
});

test('the same policy written in the config is a config error at its place', () => {
  assert.throws(() => checkConfig(config(NEWER)), /pullcheck\.yml:\d+:\d+.*invalid IAM policy.*`futureKey`/);
});
