// Which permissions a Google Cloud role carries: predefined roles from the shipped dataset (never a
// hand-typed list), custom roles from facts.gcp.roles.
import data from './data/gcp-registry-roles.json' with { type: 'json' };
// The CI path's permissions (impersonation, tags, overwrites): scripts/import-gcp-ci-roles.ts, same source.
import ciData from './workload-identity/data/gcp-ci-roles.json' with { type: 'json' };

interface RolesDataset {
  readonly source: string;
  readonly permissions: readonly string[];
  readonly roles: Readonly<Record<string, { readonly permissions: readonly string[] }>>;
}

const dataset: RolesDataset = data;
const ciDataset: RolesDataset = ciData;

export const PREDEFINED_ROLE = /^roles\/[A-Za-z0-9_.]+$/;
export const CUSTOM_ROLE = /^(projects|organizations)\/[^/]+\/roles\/[A-Za-z0-9_.]+$/;

/** A role's permissions, or `unknown` (a custom role facts do not describe). */
export type RolePermissions = { readonly permissions: ReadonlySet<string> } | { readonly unknown: string };

export type CustomRoles = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * SPEC §3: predefined roles not in the datasets carry none of the permissions pullcheck checks (the dataset
 * lists every predefined role that carries one); custom roles not in facts are unknown.
 */
export function rolePermissions(role: string, customRoles: CustomRoles): RolePermissions {
  if (PREDEFINED_ROLE.test(role)) {
    const entry = Object.hasOwn(dataset.roles, role) ? dataset.roles[role] : undefined;
    const ci = Object.hasOwn(ciDataset.roles, role) ? ciDataset.roles[role] : undefined;
    return { permissions: new Set([...(entry?.permissions ?? []), ...(ci?.permissions ?? [])]) };
  }
  const custom = customRoles.get(role);
  if (custom) return { permissions: custom };
  return {
    unknown: `custom role ${role} is not in facts.gcp.roles: add it with its includedPermissions (gcloud iam roles describe)`,
  };
}

export function isValidRoleName(role: string): boolean {
  return PREDEFINED_ROLE.test(role) || CUSTOM_ROLE.test(role);
}
