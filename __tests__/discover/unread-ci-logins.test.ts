// A job that logs in with GitHub's OIDC token by hand (a `run:` step asking STS or gcloud itself, or the
// token endpoint) has a CI login pullcheck does not read: it is a finding at that line, never silence.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { discoverWorkflow, runWorkflow } from '../helpers/workflows.ts';

const HAND_LOGINS = [
  'aws sts assume-role-with-web-identity --role-arn arn:aws:iam::123456789012:role/deploy --role-session-name gh --web-identity-token "$TOKEN"',
  'gcloud iam workload-identity-pools create-cred-config projects/1/locations/global/workloadIdentityPools/p/providers/g --credential-source-file=token.json --output-file=creds.json',
  'curl -sH "Authorization: bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN" "$ACTIONS_ID_TOKEN_REQUEST_URL&audience=sts.amazonaws.com"',
];

for (const script of HAND_LOGINS) {
  test(`an OIDC login written by hand is a finding: ${script.split(' ').slice(0, 3).join(' ')}`, () => {
    const discovery = discoverWorkflow(runWorkflow(script));
    const found = discovery.findings.filter((finding) => /OIDC/.test(finding.message));
    assert.equal(found.length, 1, JSON.stringify(discovery.findings, null, 2));
    assert.equal(found[0]!.where.line, 7);
    assert.match(found[0]!.message, /does not read/);
  });
}

test('an ordinary aws or gcloud command is no such finding', () => {
  const discovery = discoverWorkflow(runWorkflow('aws sts get-caller-identity\ngcloud auth list'));
  assert.deepEqual(
    discovery.findings.filter((finding) => /OIDC/.test(finding.message)),
    [],
  );
});
