// The CI roles dataset (scripts/import-gcp-ci-roles.ts) comes from the same iam-dataset commit as the pull
// dataset, and carries what the login and push rules rely on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ci from '../../../src/providers/gcp/workload-identity/data/gcp-ci-roles.json' with { type: 'json' };
import pull from '../../../src/providers/gcp/data/gcp-registry-roles.json' with { type: 'json' };
import { rolePermissions } from '../../../src/providers/gcp/roles.ts';

const commit = (source: string) => /commit ([0-9a-f]{40})/.exec(source)?.[1];

test('the CI roles dataset is derived from the pull dataset’s iam-dataset commit', () => {
  assert.ok(commit(ci.source));
  assert.equal(commit(ci.source), commit(pull.source));
});

test('impersonation: Workload Identity User and Token Creator carry getAccessToken; Owner and Editor do not', () => {
  const has = (role: string, permission: string) => {
    const permissions = rolePermissions(role, new Map());
    return 'permissions' in permissions && permissions.permissions.has(permission);
  };
  assert.ok(has('roles/iam.workloadIdentityUser', 'iam.serviceAccounts.getAccessToken'));
  assert.ok(has('roles/iam.serviceAccountTokenCreator', 'iam.serviceAccounts.signJwt'));
  assert.ok(!has('roles/owner', 'iam.serviceAccounts.getAccessToken'));
  assert.ok(!has('roles/editor', 'iam.serviceAccounts.getAccessToken'));
  // The pull dataset's permissions stay: a role carries both datasets' permissions.
  assert.ok(has('roles/artifactregistry.writer', 'artifactregistry.repositories.uploadArtifacts'));
  assert.ok(has('roles/artifactregistry.writer', 'artifactregistry.tags.update'));
});
