// Credentials shared by the clients of one live read (no SDK client here: live-reads.ts loads this before
// it knows whether the plan needs AWS at all).
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';

/**
 * A role's session asked for once and again only near its expiry: fromTemporaryCredentials calls
 * sts:AssumeRole whenever it is asked, and each SDK client asks for its own.
 */
export function rememberedCredentials(
  provider: AwsCredentialIdentityProvider,
  now: () => number = Date.now,
): AwsCredentialIdentityProvider {
  let session: Promise<AwsCredentialIdentity> | undefined;
  const fresh = () => {
    const attempt = provider();
    session = attempt;
    // A refusal is not kept: the next client asks again (and the CallRunner reports the failure).
    attempt.catch(() => {
      if (session === attempt) session = undefined;
    });
    return attempt;
  };
  return async () => {
    const current = await (session ?? fresh());
    const expiresSoon = current.expiration && current.expiration.getTime() - now() < 5 * 60_000;
    return expiresSoon ? fresh() : current;
  };
}
