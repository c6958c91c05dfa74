// Google Cloud facts read live join the config's (src/providers/gcp/live-facts.ts): deny policies read live
// reach the rules beside the stated ones, and the report lists their attachment points as read live.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gcpLiveFacts } from '../../../src/providers/gcp/live-facts.ts';

const ORG = 'organizations/345678901234';
const read = {
  denyPolicies: [
    { attachmentPoint: 'projects/acme-prod', policies: [] },
    { attachmentPoint: ORG, unreadable: 'iam.denypolicies.list on organizations/345678901234 was denied' },
  ],
};

test('deny policies read live join the stated ones', () => {
  const stated = { denyPolicies: [{ attachmentPoint: 'folders/234567890123', policies: [] }] };
  const joined = gcpLiveFacts.join(stated, read) as { denyPolicies?: unknown[] };
  assert.deepEqual(joined.denyPolicies, [...stated.denyPolicies, ...read.denyPolicies]);
});

test('the attachment points whose deny policies were read are listed as read live (not the unreadable ones)', () => {
  const resources = gcpLiveFacts.resources(read);
  assert.deepEqual(resources, ['projects/acme-prod (deny policies)']);
});

const SET = 'principalSet://cloudresourcemanager.googleapis.com/';
const boundariesRead = {
  principalAccessBoundaries: [
    { principalSet: `${SET}projects/acme-prod`, policies: [] },
    {
      principalSet: `${SET}${ORG}`,
      unreadable: 'iam.policybindings.list on organizations/345678901234 was denied',
    },
  ],
};

test('principal access boundaries read live join the stated ones, and the sets read are listed as read live', () => {
  const stated = {
    principalAccessBoundaries: [{ principalSet: `${SET}folders/234567890123`, policies: [] }],
  };
  const joined = gcpLiveFacts.join(stated, boundariesRead) as { principalAccessBoundaries?: unknown[] };
  assert.deepEqual(joined.principalAccessBoundaries, [
    ...stated.principalAccessBoundaries,
    ...boundariesRead.principalAccessBoundaries,
  ]);
  assert.deepEqual(gcpLiveFacts.resources(boundariesRead), [
    `${SET}projects/acme-prod (principal access boundary policies)`,
  ]);
});
