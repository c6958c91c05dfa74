// The IAM v1 routes of the fake Google REST server (./google-rest.ts) that the CI path's live reads call, as the
// IAM v1 REST reference describes them:
// - projects.locations.workloadIdentityPools.providers.get: GET /v1/projects/N/locations/global/
//   workloadIdentityPools/P/providers/ID → { name, displayName, state, disabled, attributeMapping,
//   attributeCondition, oidc: { issuerUri, allowedAudiences } }; `iam.workloadIdentityPoolProviders.get`;
// - projects.locations.workloadIdentityPools.get: GET /v1/projects/N/locations/global/workloadIdentityPools/P →
//   { name, state, disabled }; `iam.workloadIdentityPools.get`;
// - projects.serviceAccounts.getIamPolicy: POST /v1/projects/-/serviceAccounts/EMAIL:getIamPolicy with
//   { options: { requestedPolicyVersion } } → the policy; `iam.serviceAccounts.getIamPolicy`.
// A missing resource answers 404 NOT_FOUND.
import type { Json } from './google-rest.ts';

export interface IamV1State {
  /** Providers by name (projects/N/locations/global/workloadIdentityPools/P/providers/ID), as the API returns them. */
  readonly workloadIdentityProviders?: Readonly<Record<string, Json>>;
  /** Pools by name. */
  readonly workloadIdentityPools?: Readonly<Record<string, Json>>;
  /** Service account policies by email. */
  readonly serviceAccountPolicies?: Readonly<Record<string, Json>>;
}

type Answer = { status: number; body: unknown };
type Denied = (permission: string, resource: string) => Answer | undefined;

const NOT_FOUND = (what: string): Answer => ({
  status: 404,
  body: { error: { code: 404, message: `Requested entity was not found: ${what}.`, status: 'NOT_FOUND' } },
});

export function iamV1Route(
  state: IamV1State,
  method: string,
  path: string,
  denied: Denied,
): Answer | undefined {
  let match: RegExpExecArray | null;
  const POOL = 'projects/[0-9]+/locations/global/workloadIdentityPools/[^/]+';
  if ((match = new RegExp(`^/v1/(${POOL}/providers/[^/:]+)$`).exec(path)) && method === 'GET') {
    const name = match[1]!;
    const refused = denied('iam.workloadIdentityPoolProviders.get', name);
    if (refused) return refused;
    const provider = state.workloadIdentityProviders?.[name];
    return provider ? { status: 200, body: { name, state: 'ACTIVE', ...provider } } : NOT_FOUND(name);
  }
  if ((match = new RegExp(`^/v1/(${POOL})$`).exec(path)) && method === 'GET') {
    const name = match[1]!;
    const refused = denied('iam.workloadIdentityPools.get', name);
    if (refused) return refused;
    const pool = state.workloadIdentityPools?.[name];
    return pool ? { status: 200, body: { name, state: 'ACTIVE', ...pool } } : NOT_FOUND(name);
  }
  if (
    (match = /^\/v1\/projects\/[^/]+\/serviceAccounts\/([^/:]+):getIamPolicy$/.exec(path)) &&
    method === 'POST'
  ) {
    const email = match[1]!;
    const refused = denied('iam.serviceAccounts.getIamPolicy', `projects/-/serviceAccounts/${email}`);
    if (refused) return refused;
    const policy = state.serviceAccountPolicies?.[email];
    return policy ? { status: 200, body: { version: 1, etag: 'BwYGkz8MeYc=', ...policy } } : NOT_FOUND(email);
  }
  return undefined;
}
