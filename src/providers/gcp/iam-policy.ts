// Google Cloud IAM allow policies as `gcloud … get-iam-policy --format=json` prints them, validated once.
import { isValidRoleName } from './roles.ts';

export interface Binding {
  readonly role: string;
  readonly members: readonly string[];
  /** A conditional binding: pullcheck does not evaluate CEL, so the binding is undecided. */
  readonly condition?: { readonly title: string; readonly expression: string };
}

export interface IamPolicy {
  readonly bindings: readonly Binding[];
}

export class IamPolicyError extends Error {
  override name = 'IamPolicyError';
}

const POLICY_KEYS = new Set(['bindings', 'etag', 'version', 'auditConfigs']);
// The fields of a `Binding` (IAM reference, Policy): a misspelt `condition` must not drop the condition.
const BINDING_KEYS = new Set(['role', 'members', 'condition']);

// IAM principal identifiers (IAM docs, "Principal identifiers"; the `Binding.members` reference); anything else is
// a typo. The reference also lists `serviceAccount:{projectid}.svc.id.goog[{namespace}/{kubernetes-sa}]` (a
// Kubernetes service account) and `deleted:principal://iam.googleapis.com/locations/global/workforcePools/…`.
const MEMBER =
  /^(allUsers|allAuthenticatedUsers|(user|serviceAccount|group):[^\s@]+@[^\s@]+|serviceAccount:[a-z0-9.:-]+\.svc\.id\.goog\[[^\s/\]]+\/[^\s/\]]+\]|domain:[a-z0-9.-]+\.[a-z]+|(projectOwner|projectEditor|projectViewer):[a-z][a-z0-9.:-]*|principal:\/\/\S+|principalSet:\/\/\S+|deleted:(user|serviceAccount|group):\S+|deleted:principal:\/\/\S+)$/;

export function parseIamPolicy(value: unknown): IamPolicy {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new IamPolicyError('expected an IAM policy object with `bindings`');
  }
  for (const key of Object.keys(value)) {
    if (!POLICY_KEYS.has(key)) {
      throw new IamPolicyError(
        `unknown key \`${key}\` in the IAM policy; expected bindings, etag, version, auditConfigs`,
      );
    }
  }
  const bindings = (value as { bindings?: unknown }).bindings;
  // gcloud prints a policy without bindings as `{ "etag": "ACAB" }`: no bindings.
  if (bindings === undefined) return { bindings: [] };
  if (!Array.isArray(bindings)) throw new IamPolicyError('`bindings` must be a list');
  return { bindings: bindings.map((binding, i) => parseBinding(binding, i + 1)) };
}

function parseBinding(value: unknown, index: number): Binding {
  const where = `binding #${index}`;
  if (typeof value !== 'object' || value === null) throw new IamPolicyError(`${where}: expected an object`);
  const unknownKey = Object.keys(value).find((key) => !BINDING_KEYS.has(key));
  if (unknownKey !== undefined) {
    throw new IamPolicyError(`${where}: unknown key \`${unknownKey}\`; expected role, members, condition`);
  }
  const { role, members, condition } = value as { role?: unknown; members?: unknown; condition?: unknown };
  if (typeof role !== 'string' || !isValidRoleName(role)) {
    throw new IamPolicyError(
      `${where}: \`role\` must be roles/NAME, projects/P/roles/NAME or organizations/O/roles/NAME (got ${JSON.stringify(role)})`,
    );
  }
  if (!Array.isArray(members) || !members.every((member): member is string => typeof member === 'string')) {
    throw new IamPolicyError(`${where}: \`members\` must be a list of strings`);
  }
  const malformed = members.find((member) => !MEMBER.test(member));
  if (malformed !== undefined) {
    throw new IamPolicyError(
      `${where}: malformed member ${JSON.stringify(malformed)}; expected serviceAccount:EMAIL, user:EMAIL, group:EMAIL, domain:DOMAIN, allUsers, allAuthenticatedUsers, principal://…, principalSet://… or deleted:…`,
    );
  }
  if (condition === undefined) return { role, members };
  if (typeof condition !== 'object' || condition === null)
    throw new IamPolicyError(`${where}: \`condition\` must be an object`);
  const { title, expression } = condition as { title?: unknown; expression?: unknown };
  if (typeof expression !== 'string')
    throw new IamPolicyError(`${where}: \`condition.expression\` must be a string`);
  return {
    role,
    members,
    condition: { title: typeof title === 'string' ? title : '(untitled)', expression },
  };
}
