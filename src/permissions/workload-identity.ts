// What each Google CI login needs (google-github-actions/auth): the workload identity provider's attribute
// mapping and a condition that admits only this repository's tokens for the events its jobs run on, and,
// through a service account, roles/iam.workloadIdentityUser on it for the repository's principal set.
// Sources: google-github-actions/auth README ("Workload Identity Federation through a Service Account");
// Google Cloud, "Configure Workload Identity Federation with deployment pipelines" (attribute conditions).
import type { CiLoginSite } from '../core/ci-path.ts';

export interface GoogleLoginAccess {
  /** The provider resource the workflow names (projects/NUMBER/locations/global/workloadIdentityPools/…). */
  readonly provider: string;
  readonly jobs: readonly string[];
  readonly attributeMapping: Readonly<Record<string, string>>;
  readonly attributeCondition: string;
  /** The service account's IAM policy binding; absent for direct workload identity federation. */
  readonly serviceAccount?: { readonly email: string; readonly role: string; readonly member: string };
  readonly notes: readonly string[];
}

const MAPPING = {
  'google.subject': 'assertion.sub',
  'attribute.repository': 'assertion.repository',
  'attribute.repository_owner': 'assertion.repository_owner',
};

/** A CEL string literal: single quotes, backslash and quote escaped, control characters as \u escapes. */
export function celString(value: string): string {
  const escaped = value
    .replaceAll('\\', '\\\\')
    .replaceAll("'", "\\'")
    .replace(/\p{Cc}|[\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `'${escaped}'`;
}

/** The logins by provider and service account: their jobs, and the tokens' subjects and repositories. */
function byLogin(sites: readonly CiLoginSite[]) {
  const byKey = new Map<
    string,
    {
      site: CiLoginSite;
      jobs: Set<string>;
      subjects: Set<string>;
      repositories: Set<string>;
      notes: string[];
    }
  >();
  for (const site of sites) {
    const { login } = site;
    if ('unresolved' in login || login.provider !== 'gcp' || login.oidc === false) continue;
    const key = `${login.identity} ${login.with['service_account'] ?? ''}`;
    const entry = byKey.get(key) ?? {
      site,
      jobs: new Set(),
      subjects: new Set(),
      repositories: new Set(),
      notes: [],
    };
    entry.jobs.add(site.job);
    if (site.noTokens) entry.notes.push(`${site.job}: ${site.noTokens}`);
    for (const token of site.tokens) {
      const { sub, repository } = token.claims;
      if (repository && 'value' in repository) entry.repositories.add(repository.value);
      if (sub && 'value' in sub) entry.subjects.add(sub.value);
      // A glob `*` only at the end is a prefix; anything else the condition cannot say exactly.
      else if (sub && 'pattern' in sub && sub.pattern.indexOf('*') === sub.pattern.length - 1)
        entry.subjects.add(sub.pattern);
      else
        entry.notes.push(
          `${site.job} (${token.trigger}): sub ${sub && 'pattern' in sub ? `is ${sub.pattern}` : 'is not predicted'}: the condition admits the repository only`,
        );
    }
    byKey.set(key, entry);
  }
  return byKey;
}

export function googleLoginAccess(sites: readonly CiLoginSite[]): GoogleLoginAccess[] {
  const byKey = byLogin(sites);
  return [...byKey.values()].map(({ site, jobs, subjects, repositories, notes }) => {
    const login = site.login as Extract<CiLoginSite['login'], { identity: string }>;
    const [repository] = repositories;
    const pool = login.identity.replace(/\/providers\/[^/]+$/, '');
    const email = login.with['service_account'];
    return {
      provider: login.identity,
      jobs: [...jobs].sort(),
      attributeMapping: MAPPING,
      attributeCondition: condition([...repositories].sort(), [...subjects].sort(), notes.length === 0),
      ...(email && repository
        ? {
            serviceAccount: {
              email,
              role: 'roles/iam.workloadIdentityUser',
              member: `principalSet://iam.googleapis.com/${pool}/attribute.repository/${repository}`,
            },
          }
        : {}),
      notes:
        repositories.size > 1 ? [...notes, 'the jobs present several repositories: one binding each'] : notes,
    };
  });
}

function condition(repositories: readonly string[], subjects: readonly string[], bySubject: boolean): string {
  const repository = `assertion.repository in [${repositories.map(celString).join(', ')}]`;
  if (!bySubject || subjects.length === 0) return repository;
  const exact = subjects.filter((s) => !s.endsWith('*'));
  const prefixes = subjects
    .filter((s) => s.endsWith('*'))
    .map((s) => `assertion.sub.startsWith(${celString(s.slice(0, -1))})`);
  const parts = [
    ...(exact.length > 0 ? [`assertion.sub in [${exact.map(celString).join(', ')}]`] : []),
    ...prefixes,
  ];
  return `${repository} && (${parts.join(' || ')})`;
}
