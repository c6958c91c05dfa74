// The repository's subject template, read live ("OpenID Connect reference", Customizing the subject
// claims; REST "GitHub Actions OIDC"): GET /repos/{owner}/{repo}/actions/oidc/customization/sub. With
// `use_default: false` and no keys of its own the repository has opted in to its organization's
// template, so GET /orgs/{owner}/actions/oidc/customization/sub says which keys are in force. A refusal,
// a throttle or a timeout leaves the template unknown, naming why: never a crash, never a guess.
import type { SubClaimFacts } from './facts.ts';

/** The two reads, as the Octokit adapter (src/github/octokit.ts) answers them: the JSON body. */
export interface OidcCustomizationApi {
  repositoryTemplate(owner: string, repo: string, signal: AbortSignal): Promise<unknown>;
  organizationTemplate(org: string, signal: AbortSignal): Promise<unknown>;
}

export type SubCustomizationRead = { readonly subClaim: SubClaimFacts } | { readonly unreadable: string };

const REPO_PERMISSION =
  "the token needs to read the repository's Actions settings (GITHUB_TOKEN: `permissions: actions: read`; a fine-grained token or GitHub App: Actions read; a classic token: repo)";
const ORG_PERMISSION = "the token needs to read the organization's OIDC settings (a classic token: read:org)";

interface ApiError {
  readonly status?: number;
  readonly name?: string;
  readonly message?: string;
  readonly response?: { readonly headers?: Record<string, string | undefined> };
}

function why(error: unknown, path: string, permission: string, timeoutMs: number): string {
  const failure = (error ?? {}) as ApiError;
  if (failure.name === 'AbortError') return `GET ${path} timed out after ${timeoutMs / 1000} s`;
  const status = failure.status;
  const limited = failure.response?.headers?.['x-ratelimit-remaining'] === '0';
  if (status === 429 || limited || /rate limit/i.test(failure.message ?? '')) {
    return `GitHub throttled GET ${path} (rate limit): try again later`;
  }
  if (status === 403 || status === 401) return `GitHub refused GET ${path} (${status}): ${permission}`;
  if (status === 404) {
    return `GitHub answered 404 to GET ${path}: the token cannot see it, or the server has no such endpoint`;
  }
  return `GET ${path} failed${status ? ` (${status})` : ''}: ${failure.message ?? String(error)}`;
}

const isKeyList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((key) => typeof key === 'string');

/** The repository's answer as facts; `organization` when its opt-in hands the template to the owner. */
function repositoryFacts(body: unknown): SubClaimFacts | 'organization' | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const answer = body as Record<string, unknown>;
  if (typeof answer['use_default'] !== 'boolean') return undefined;
  const keys = answer['include_claim_keys'];
  if (keys !== undefined && keys !== null && !isKeyList(keys)) return undefined;
  const prefix = answer['sub_claim_prefix'];
  const withPrefix = typeof prefix === 'string' && /^repo:[^:\s]+$/.test(prefix) ? { prefix } : {};
  if (answer['use_default']) return { useDefault: true, ...withPrefix };
  if (!keys || keys.length === 0) return 'organization';
  return { useDefault: false, includeClaimKeys: keys, ...withPrefix };
}

async function organizationFacts(
  api: OidcCustomizationApi,
  owner: string,
  prefix: string | undefined,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<SubCustomizationRead> {
  const path = `/orgs/${owner}/actions/oidc/customization/sub`;
  let body: unknown;
  try {
    body = await api.organizationTemplate(owner, signal);
  } catch (error) {
    const reason = why(error, path, ORG_PERMISSION, timeoutMs);
    return {
      unreadable: `the repository uses its organization's subject template, which could not be read: ${reason} (an owner that is a user has none: GitHub's default applies)`,
    };
  }
  const keys = (body as { include_claim_keys?: unknown } | null)?.include_claim_keys;
  if (!isKeyList(keys)) return { unreadable: `GET ${path} answered what pullcheck does not read` };
  const withPrefix = prefix === undefined ? {} : { prefix };
  // An organization without a template leaves GitHub's default in force.
  return {
    subClaim:
      keys.length === 0
        ? { useDefault: true, ...withPrefix }
        : { useDefault: false, includeClaimKeys: keys, ...withPrefix },
  };
}

/** The subject template in force for `owner/repo`, as facts.github.oidc.subClaim writes it. */
export async function readSubCustomization(
  api: OidcCustomizationApi,
  repository: string,
  options: { readonly timeoutMs?: number } = {},
): Promise<SubCustomizationRead> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const [owner = '', repo = ''] = repository.split('/');
  const path = `/repos/${owner}/${repo}/actions/oidc/customization/sub`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let body: unknown;
    try {
      body = await api.repositoryTemplate(owner, repo, controller.signal);
    } catch (error) {
      return { unreadable: why(error, path, REPO_PERMISSION, timeoutMs) };
    }
    const facts = repositoryFacts(body);
    if (facts === undefined) return { unreadable: `GET ${path} answered what pullcheck does not read` };
    if (facts !== 'organization') return { subClaim: facts };
    const prefix = (body as { sub_claim_prefix?: unknown }).sub_claim_prefix;
    const repoPrefix = typeof prefix === 'string' && /^repo:[^:\s]+$/.test(prefix) ? prefix : undefined;
    return await organizationFacts(api, owner, repoPrefix, controller.signal, timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}
