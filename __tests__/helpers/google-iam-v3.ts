// The IAM v3 principal access boundary (PAB) routes of the fake Google REST server (./google-rest.ts), as the
// v3 REST reference describes them (google/iam/v3 policy_bindings_service.proto and
// principal_access_boundary_policies_service.proto give the same http rules):
// - policyBindings.list: GET /v3/{projects|folders|organizations}/ID/locations/global/policyBindings →
//   { policyBindings: [PolicyBinding], nextPageToken } — every binding whose parent is that resource, whatever
//   its target (workforce pools, workspace and workload identity pools too) and kind; pageSize defaults to 50
//   and is coerced to at most 1000 ("the service may return fewer"); "when paginating, all other parameters …
//   must match the call that provided the page token" (else INVALID_ARGUMENT); `iam.policybindings.list` on
//   the parent;
// - principalAccessBoundaryPolicies.get: GET /v3/organizations/O/locations/global/principalAccessBoundaryPolicies/ID
//   → { name, uid, etag, displayName, createTime, updateTime, details: { rules: [{ description, resources,
//   effect }], enforcementVersion } }; `iam.principalaccessboundarypolicies.get` on the policy.
import type { Json } from './google-rest.ts';

/** A policy binding as the v3 API holds it under its parent (projects/P, folders/F, organizations/O). */
export interface FakePolicyBinding {
  readonly id: string;
  /** target.principalSet: //cloudresourcemanager.googleapis.com/…, //iam.googleapis.com/locations/global/workforcePools/… */
  readonly principalSet: string;
  /** organizations/O/locations/global/principalAccessBoundaryPolicies/ID */
  readonly policy: string;
  readonly condition?: Json;
  /** Defaults to PRINCIPAL_ACCESS_BOUNDARY (the API sets it from the policy when left empty). */
  readonly policyKind?: string;
}

/** A PAB policy's `details` (rules, enforcementVersion) and display name. */
export interface FakePabPolicy {
  readonly displayName?: string;
  readonly details: Json;
}

export interface IamV3State {
  readonly policyBindings?: Readonly<Record<string, readonly FakePolicyBinding[]>>;
  /** PAB policies by name, organizations/O/locations/global/principalAccessBoundaryPolicies/ID. */
  readonly pabPolicies?: Readonly<Record<string, FakePabPolicy>>;
  /** The most bindings one page holds whatever pageSize asks ("the service may return fewer than this value"). */
  readonly policyBindingPageCap?: number;
}

type Answer = { status: number; body: unknown };
/** The fake's 403 for `PERMISSION on RESOURCE` when the state denies it, else undefined. */
type Denied = (permission: string, resource: string) => Answer | undefined;

const TIMES = { createTime: '2025-03-10T09:00:00.000000Z', updateTime: '2025-03-10T09:00:00.000000Z' };

/** The answer for an IAM v3 PAB path, or undefined when the path is not one. */
export function iamV3Route(
  state: IamV3State,
  method: string,
  path: string,
  query: URLSearchParams,
  denied: Denied,
): Answer | undefined {
  if (method !== 'GET') return undefined;
  let match: RegExpExecArray | null;
  if (
    (match = /^\/v3\/((?:projects|folders|organizations)\/[^/]+)\/locations\/global\/policyBindings$/.exec(
      path,
    ))
  ) {
    return listBindings(state, match[1]!, query, denied);
  }
  if (
    (match =
      /^\/v3\/(organizations\/[0-9]+\/locations\/global\/principalAccessBoundaryPolicies\/[^/]+)$/.exec(path))
  ) {
    const name = match[1]!;
    const refused = denied('iam.principalaccessboundarypolicies.get', name);
    if (refused) return refused;
    const policy = state.pabPolicies?.[name];
    if (!policy) return notFound(name);
    return {
      status: 200,
      body: {
        name,
        uid: uid(name),
        etag: 'W/"pab-1"',
        displayName: policy.displayName ?? name.slice(name.lastIndexOf('/') + 1),
        ...TIMES,
        details: policy.details,
      },
    };
  }
  return undefined;
}

function listBindings(state: IamV3State, parent: string, query: URLSearchParams, denied: Denied): Answer {
  const refused = denied('iam.policybindings.list', parent);
  if (refused) return refused;
  const requested = Number(query.get('pageSize') ?? '') || 50;
  const size = Math.min(requested, 1000, state.policyBindingPageCap ?? 1000);
  // The token carries the page size it was made for: a later page asked with other parameters is refused.
  const token = query.get('pageToken');
  let start = 0;
  if (token !== null) {
    const [offset, madeFor] = token.split(':');
    if (madeFor !== String(requested)) {
      return invalid('The page token does not match the request: all other parameters must be the same.');
    }
    start = Number(offset);
  }
  const bindings = state.policyBindings?.[parent] ?? [];
  const page = bindings.slice(start, start + size).map((binding) => ({
    name: `${parent}/locations/global/policyBindings/${binding.id}`,
    uid: uid(`${parent}/${binding.id}`),
    etag: 'W/"binding-1"',
    displayName: binding.id,
    target: { principalSet: binding.principalSet },
    policyKind: binding.policyKind ?? 'PRINCIPAL_ACCESS_BOUNDARY',
    policy: binding.policy,
    policyUid: uid(binding.policy),
    ...(binding.condition ? { condition: binding.condition } : {}),
    ...TIMES,
  }));
  const next = start + size < bindings.length ? `${start + size}:${requested}` : undefined;
  // A parent without bindings answers an empty object, as proto3 JSON omits empty fields.
  return {
    status: 200,
    body: { ...(page.length > 0 ? { policyBindings: page } : {}), ...(next ? { nextPageToken: next } : {}) },
  };
}

function uid(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `00000000-0000-4000-8000-${hash.toString(16).padStart(12, '0')}`;
}

function notFound(name: string): Answer {
  return {
    status: 404,
    body: { error: { code: 404, message: `Resource '${name}' was not found`, status: 'NOT_FOUND' } },
  };
}

function invalid(message: string): Answer {
  return { status: 400, body: { error: { code: 400, message, status: 'INVALID_ARGUMENT' } } };
}
