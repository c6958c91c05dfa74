// Builds src/providers/gcp/workload-identity/data/gcp-ci-roles.json: which predefined roles carry the permissions the
// CI path checks beyond the pull dataset's (impersonating a service account from a workload identity pool, moving
// Artifact Registry tags, overwriting Container Registry objects). Derived, never hand-typed, from the MIT
// iam-dataset (github.com/iann0036/iam-dataset, gcp/roles/*.json) at the same commit as the pull dataset.
// Usage: node --experimental-strip-types scripts/import-gcp-ci-roles.ts DIR_WITH_gcp/roles COMMIT
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const CI_ROLES_FILE = 'src/providers/gcp/workload-identity/data/gcp-ci-roles.json';
export const CI_PERMISSIONS = [
  'iam.serviceAccounts.getAccessToken',
  'iam.serviceAccounts.getOpenIdToken',
  'iam.serviceAccounts.signJwt',
  'artifactregistry.tags.create',
  'artifactregistry.tags.update',
  'storage.objects.delete',
] as const;

export function ciRoles(rolesDir: string, commit: string): string {
  const roles: Record<string, { stage: string; title: string; permissions: string[] }> = {};
  for (const file of readdirSync(rolesDir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const role = JSON.parse(readFileSync(path.join(rolesDir, file), 'utf8')) as {
      name?: string;
      stage?: string;
      title?: string;
      includedPermissions?: string[];
    };
    const carried = CI_PERMISSIONS.filter((permission) => role.includedPermissions?.includes(permission));
    if (!role.name?.startsWith('roles/') || carried.length === 0) continue;
    roles[role.name] = { stage: role.stage ?? '', title: role.title ?? '', permissions: carried };
  }
  const source = `github.com/iann0036/iam-dataset gcp/roles (MIT License), commit ${commit}`;
  return `${JSON.stringify({ source, permissions: CI_PERMISSIONS, roles }, null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [rolesDir, commit] = process.argv.slice(2);
  if (!rolesDir || !commit) throw new Error('usage: import-gcp-ci-roles.ts DIR COMMIT');
  writeFileSync(CI_ROLES_FILE, ciRoles(rolesDir, commit));
}
