// What the report says was read live: only what the clouds answered, never what they refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { liveResources } from '../../src/check/live-facts.ts';

test('a refused read (unreadable) is not claimed as a resource read live', () => {
  const refused = 'AccessDenied: add iam:GetRole for arn:aws:iam::123456789012:role/ci';
  assert.deepEqual(
    liveResources({
      aws: {
        roles: [
          { arn: 'arn:aws:iam::123456789012:role/ci', unreadable: refused },
          { arn: 'arn:aws:iam::123456789012:role/nodes', managedPolicies: [] },
        ],
        repositories: [{ arn: 'arn:aws:ecr:us-east-1:123456789012:repository/web', unreadable: refused }],
        registries: [{ account: '123456789012', region: 'us-east-1', unreadable: refused }],
        clusters: [{ platform: 'eks', name: 'prod', roles: [], unreadable: refused }],
      },
      gcp: {
        iamPolicies: [{ resource: 'projects/acme', unreadable: 'add resourcemanager.projects.getIamPolicy' }],
        clusters: [{ project: 'acme', location: 'europe-west2', name: 'prod', unreadable: 'denied' }],
      },
    }),
    ['arn:aws:iam::123456789012:role/nodes'],
  );
  assert.deepEqual(
    liveResources({ aws: { roles: [{ arn: 'arn:aws:iam::1:role/x', unreadable: refused }] } }),
    [],
    'every read refused: nothing claimed',
  );
});
