// Copies the predefined-role dataset (../shared/data/gcp-registry-roles.json, derived from the MIT
// iam-dataset; its source is inside) into src/providers/gcp/data/, after checking its shape, so the bundle
// ships exactly the published data. Never edit the copy by hand: rerun this script.
import { readFileSync, writeFileSync } from 'node:fs';

export const SHARED_ROLES_FILE = '../shared/data/gcp-registry-roles.json';
export const SHIPPED_ROLES_FILE = 'src/providers/gcp/data/gcp-registry-roles.json';

export function checkedRolesText(text: string): string {
  const data = JSON.parse(text) as {
    source?: unknown;
    permissions?: unknown;
    roles?: Record<string, { permissions?: unknown }>;
  };
  if (typeof data.source !== 'string' || !Array.isArray(data.permissions) || typeof data.roles !== 'object') {
    throw new Error('unexpected shape: expected { source, permissions, roles }');
  }
  for (const [name, role] of Object.entries(data.roles ?? {})) {
    if (!name.startsWith('roles/') || !Array.isArray(role.permissions))
      throw new Error(`unexpected role entry ${name}`);
  }
  return text;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(SHIPPED_ROLES_FILE, checkedRolesText(readFileSync(SHARED_ROLES_FILE, 'utf8')));
}
