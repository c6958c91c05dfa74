// Live reads of principal access boundary (PAB) policies (IAM v3 API; IAM "Apply a principal access boundary
// policy to a set of principals", "View principal access boundary policies"):
// - policyBindings.list (GET /v3/{projects|folders|organizations}/ID/locations/global/policyBindings, paged,
//   `iam.policybindings.list` on that resource): a principal set's bindings live under that very resource
//   ("the principal set must be … same as the parent if the target is a project/folder/organization"). The
//   list holds every binding of the parent (workforce pools, workspace, workload identity pools too), and its
//   documented filter fields are only `target` and `policy`: the bindings of kind PRINCIPAL_ACCESS_BOUNDARY
//   targeting the set are chosen here. (searchTargetPolicyBindings would need a project's number.)
// - principalAccessBoundaryPolicies.get (GET /v3/organizations/O/locations/global/principalAccessBoundaryPolicies/ID,
//   `iam.principalaccessboundarypolicies.get`) for each bound policy's `details.rules` and enforcement version.
// What cannot be read, or holds what pullcheck does not know (an effect other than ALLOW), is `unreadable`.
import type { GoogleApis } from './google-apis.ts';

/** A principal set's PAB policies as live reads write them under facts.gcp.principalAccessBoundaries. */
export type CollectedBoundaries =
  | { readonly principalSet: string; readonly policies: readonly Record<string, unknown>[] }
  | { readonly principalSet: string; readonly unreadable: string };

const CRM = '//cloudresourcemanager.googleapis.com/';
export const PRINCIPAL_SET = 'principalSet://cloudresourcemanager.googleapis.com/';
/** 1000 bindings a page at most (policyBindings.list: "values above 1000 will be coerced to 1000"). */
const PAGE_SIZE = 1000;
const MAX_PAGES = 50;
const POLICY_NAME = /^organizations\/[0-9]+\/locations\/global\/principalAccessBoundaryPolicies\/[^/]+$/;

interface Binding {
  readonly policy: string;
  readonly condition?: Record<string, string>;
}

/** The PAB policies bound to the principals of `container` (projects/P, folders/F, organizations/O). */
export async function readBoundaries(api: GoogleApis, container: string): Promise<CollectedBoundaries> {
  const principalSet = `${PRINCIPAL_SET}${container}`;
  const listed = await api.runner.run(
    {
      key: `gcp:policyBindings.list:${container}`,
      permission: 'iam.policybindings.list',
      resource: container,
    },
    (signal) => listBindings(api, container, signal),
  );
  if (!listed.ok) return { principalSet, unreadable: listed.message };
  const bindings = listed.value.flatMap((raw) => boundTo(raw, container) ?? []);
  const odd = bindings.find((binding) => !POLICY_NAME.test(binding.policy));
  if (odd) return { principalSet, unreadable: `a policy binding names ${odd.policy}, not a PAB policy name` };
  const read = await Promise.all(
    bindings.map(async (binding) => {
      const outcome = await api.runner.run(
        {
          key: `gcp:principalAccessBoundaryPolicies.get:${binding.policy}`,
          permission: 'iam.principalaccessboundarypolicies.get',
          resource: binding.policy,
        },
        (signal) => api.json(`${api.base.iam}/v3/${binding.policy}`, signal),
      );
      if (!outcome.ok) return outcome.message;
      const policy = pabPolicy(outcome.value, binding.policy);
      return typeof policy === 'string'
        ? policy
        : { ...policy, ...(binding.condition ? { condition: binding.condition } : {}) };
    }),
  );
  const problem = read.find((entry) => typeof entry === 'string');
  if (problem !== undefined) return { principalSet, unreadable: problem };
  return { principalSet, policies: read as Record<string, unknown>[] };
}

async function listBindings(api: GoogleApis, container: string, signal: AbortSignal): Promise<unknown[]> {
  const parent = `${api.base.iam}/v3/${container}/locations/global/policyBindings?pageSize=${PAGE_SIZE}`;
  const bindings: unknown[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const url = token === undefined ? parent : `${parent}&pageToken=${encodeURIComponent(token)}`;
    const body = (await api.json(url, signal)) as {
      policyBindings?: unknown;
      nextPageToken?: unknown;
    } | null;
    if (Array.isArray(body?.policyBindings)) bindings.push(...(body.policyBindings as unknown[]));
    token =
      typeof body?.nextPageToken === 'string' && body.nextPageToken !== '' ? body.nextPageToken : undefined;
    if (token === undefined) return bindings;
  }
  throw new Error(`more than ${MAX_PAGES} pages of policy bindings on ${container}`);
}

/** The binding when it binds a PAB policy to the principals of `container` itself, else undefined. */
function boundTo(raw: unknown, container: string): Binding | undefined {
  const binding = (raw ?? {}) as {
    policyKind?: unknown;
    policy?: unknown;
    target?: { principalSet?: unknown };
    condition?: Record<string, unknown>;
  };
  if (typeof binding.policy !== 'string') return undefined;
  // policyKind is set from the policy when left empty; an unspecified kind is judged by the policy's name.
  const kind = binding.policyKind ?? 'POLICY_KIND_UNSPECIFIED';
  const pab =
    kind === 'PRINCIPAL_ACCESS_BOUNDARY' ||
    (kind === 'POLICY_KIND_UNSPECIFIED' && binding.policy.includes('/principalAccessBoundaryPolicies/'));
  const target = binding.target?.principalSet;
  if (!pab || typeof target !== 'string') return undefined;
  // Under a project, the only project set a binding can target is the project's own, by id or by number.
  const ours = container.startsWith('projects/')
    ? target.startsWith(`${CRM}projects/`)
    : target === `${CRM}${container}`;
  if (!ours) return undefined;
  const condition = binding.condition;
  const text = (key: string) =>
    typeof condition?.[key] === 'string' && condition[key] !== '' ? { [key]: condition[key] as string } : {};
  return {
    policy: binding.policy,
    ...(typeof condition?.['expression'] === 'string' && condition['expression'] !== ''
      ? {
          condition: { ...text('title'), ...text('expression'), ...text('description'), ...text('location') },
        }
      : {}),
  };
}

/** The policy in the facts' shape (name, enforcementVersion, rules), or why pullcheck cannot use it. */
function pabPolicy(raw: unknown, name: string): Record<string, unknown> | string {
  const details = ((raw ?? {}) as { details?: { rules?: unknown; enforcementVersion?: unknown } }).details;
  const rules: Record<string, unknown>[] = [];
  for (const item of Array.isArray(details?.rules) ? details.rules : []) {
    const rule = (item ?? {}) as { description?: unknown; resources?: unknown; effect?: unknown };
    if (rule.effect !== 'ALLOW') {
      return `the principal access boundary policy ${name} has a rule with effect ${String(rule.effect)}, which pullcheck does not know`;
    }
    const resources = Array.isArray(rule.resources) ? rule.resources.map(String) : [];
    const other = resources.find((resource) => !resource.startsWith(CRM));
    if (other !== undefined) {
      return `the principal access boundary policy ${name} lists ${other}, not a Resource Manager resource`;
    }
    rules.push({
      ...(typeof rule.description === 'string' && rule.description !== ''
        ? { description: rule.description }
        : {}),
      resources,
      effect: 'ALLOW',
    });
  }
  const version = details?.enforcementVersion;
  return {
    name,
    ...(typeof version === 'string' && version !== '' ? { enforcementVersion: version } : {}),
    rules,
  };
}
