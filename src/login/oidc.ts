// GitHub's OIDC ID token (ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN), with retries: the token service has
// short outages, and a failed login should not fail a deploy for a blip.
export interface RetryOptions {
  readonly attempts?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export class OidcError extends Error {
  override name = 'OidcError';
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function withOidcRetries(
  getIdToken: (audience: string) => Promise<string>,
  options: RetryOptions = {},
) {
  return async (audience: string): Promise<string> => {
    const attempts = options.attempts ?? 3;
    let last: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        return await getIdToken(audience);
      } catch (error) {
        last = error;
        if (attempt < attempts) await (options.sleep ?? realSleep)(500 * 2 ** (attempt - 1));
      }
    }
    const reason = (last as Error).message?.split('\n')[0] ?? String(last);
    throw new OidcError(
      `could not get GitHub's OIDC token for audience ${audience} after ${attempts} attempts (${reason}); does the workflow grant \`id-token: write\`?`,
    );
  };
}
