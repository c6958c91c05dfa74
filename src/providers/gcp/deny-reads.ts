// Live reads of IAM deny policies (IAM v2 API): policies.listPolicies
// (GET /v2/policies/{attachment point, URL-encoded}/denypolicies, paged; it returns policy metadata only,
// "policy rules are omitted"), then policies.get (GET /v2/{name}) for each policy's rules. What cannot be
// read is `unreadable`, naming the permission (iam.denypolicies.list / iam.denypolicies.get).
import type { GoogleApis } from './google-apis.ts';

/** Deny policies as live reads write them under facts.gcp.denyPolicies: the policies as plain JSON, or why not. */
export type CollectedDenyPolicies =
  | { readonly attachmentPoint: string; readonly policies: readonly Record<string, unknown>[] }
  | { readonly attachmentPoint: string; readonly unreadable: string };

/** At most this many pages of one attachment point's policies (the API caps an attachment point at 500). */
const MAX_PAGES = 50;

export async function readDenyPolicies(api: GoogleApis, point: string): Promise<CollectedDenyPolicies> {
  const parent = `${api.base.iam}/v2/policies/${encodeURIComponent(`cloudresourcemanager.googleapis.com/${point}`)}/denypolicies`;
  const listed = await api.runner.run(
    { key: `gcp:denypolicies.list:${point}`, permission: 'iam.denypolicies.list', resource: point },
    async (signal) => {
      const names: string[] = [];
      let token: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const url = token === undefined ? parent : `${parent}?pageToken=${encodeURIComponent(token)}`;
        const body = (await api.json(url, signal)) as { policies?: unknown; nextPageToken?: unknown } | null;
        for (const policy of Array.isArray(body?.policies) ? body.policies : []) {
          const name = (policy as { name?: unknown }).name;
          if (typeof name === 'string' && name.includes('/denypolicies/')) names.push(name);
        }
        token =
          typeof body?.nextPageToken === 'string' && body.nextPageToken !== ''
            ? body.nextPageToken
            : undefined;
        if (token === undefined) return names;
      }
      throw new Error(`more than ${MAX_PAGES} pages of deny policies on ${point}`);
    },
  );
  if (!listed.ok) return { attachmentPoint: point, unreadable: listed.message };
  const policies: Record<string, unknown>[] = [];
  for (const name of listed.value) {
    const read = await api.runner.run(
      { key: `gcp:denypolicies.get:${name}`, permission: 'iam.denypolicies.get', resource: point },
      (signal) => api.json(`${api.base.iam}/v2/${name}`, signal),
    );
    if (!read.ok) return { attachmentPoint: point, unreadable: read.message };
    policies.push(denyPolicy(read.value, name));
  }
  return { attachmentPoint: point, policies };
}

/** The policy as `gcloud iam policies get --format=json` prints it: the fields facts.gcp.denyPolicies takes. */
function denyPolicy(raw: unknown, name: string): Record<string, unknown> {
  const value = (raw ?? {}) as Record<string, unknown>;
  const text = (key: string) =>
    typeof value[key] === 'string' && value[key] !== '' ? { [key]: value[key] } : {};
  const rules = (Array.isArray(value['rules']) ? value['rules'] : []).flatMap((item) => {
    const { description, denyRule } = (item ?? {}) as { description?: unknown; denyRule?: unknown };
    if (!denyRule || typeof denyRule !== 'object') return [];
    const rule = denyRule as Record<string, unknown>;
    const list = (key: string) =>
      Array.isArray(rule[key]) ? { [key]: (rule[key] as unknown[]).map(String) } : {};
    const condition = rule['denialCondition'] as { expression?: unknown; title?: unknown } | undefined;
    return [
      {
        ...(typeof description === 'string' && description !== '' ? { description } : {}),
        denyRule: {
          ...list('deniedPrincipals'),
          ...list('exceptionPrincipals'),
          ...list('deniedPermissions'),
          ...list('exceptionPermissions'),
          ...(condition && typeof condition.expression === 'string' && condition.expression !== ''
            ? {
                denialCondition: {
                  expression: condition.expression,
                  ...(typeof condition.title === 'string' && condition.title !== ''
                    ? { title: condition.title }
                    : {}),
                },
              }
            : {}),
        },
      },
    ];
  });
  return { name, ...text('uid'), ...text('displayName'), ...text('etag'), rules };
}

/**
 * The deny policies above the images' projects: each project and, once its ancestry is known, its folders
 * and organization, each attachment point read once; those the config states are not read.
 */
export async function readDenyPoliciesAbove(
  projects: Iterable<string>,
  ancestry: ReadonlyMap<string, Promise<readonly string[] | undefined>>,
  known: readonly { readonly attachmentPoint: string }[] | undefined,
  api: GoogleApis,
): Promise<CollectedDenyPolicies[]> {
  const stated = new Set((known ?? []).map((entry) => entry.attachmentPoint));
  const reads = new Map<string, Promise<CollectedDenyPolicies>>();
  const read = (point: string) => {
    if (!stated.has(point) && !reads.has(point)) reads.set(point, readDenyPolicies(api, point));
  };
  await Promise.all(
    [...projects].map(async (project) => {
      read(`projects/${project}`);
      for (const ancestor of (await ancestry.get(project)) ?? []) read(ancestor);
    }),
  );
  return Promise.all(reads.values());
}
