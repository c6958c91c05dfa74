// The Google part of the action's login: one access token (workload identity federation, else ADC) for
// every Artifact Registry and gcr.io host of the images; the token goes on to the live reads.
import type { LoginContext, LoginOutcome } from '../../core/provider.ts';
import { LoginError } from '../../core/provider.ts';
import { OidcError } from '../../login/oidc.ts';
import { googleAccessToken, GoogleLoginError } from './login.ts';

export const refusedHint =
  'the service account (or federated principal) needs roles/artifactregistry.reader on the repository (writer to push)';

export async function logIn(context: LoginContext): Promise<LoginOutcome> {
  const { inputs } = context;
  // The context holds only Artifact Registry and gcr.io images (this provider's registries).
  const hosts = [...new Set(context.images.map((image) => image.host))];
  if (hosts.length === 0) return { logins: [] };
  const endpoints = context.config.endpoints?.google;
  try {
    const token = await googleAccessToken({
      ...(inputs['gcp-workload-identity-provider']
        ? { workloadIdentityProvider: inputs['gcp-workload-identity-provider'] }
        : {}),
      ...(inputs['gcp-service-account'] ? { serviceAccount: inputs['gcp-service-account'] } : {}),
      ...(endpoints ? { endpoints } : {}),
      getIdToken: context.getIdToken,
      mask: context.mask,
    });
    return {
      logins: hosts.map((host) => ({ host, username: 'oauth2accesstoken', password: token })),
      session: token,
    };
  } catch (error) {
    // Without a provider, Application Default Credentials may simply be absent: not this step's failure.
    if (
      !inputs['gcp-workload-identity-provider'] &&
      error instanceof GoogleLoginError &&
      error.step === 'no-credentials'
    ) {
      context.warning(
        'pullcheck: no Google credentials (set gcp-workload-identity-provider, or use Application Default Credentials): skipping the Artifact Registry logins',
      );
      return { logins: [] };
    }
    throw new LoginError(
      error instanceof GoogleLoginError || error instanceof OidcError
        ? error.message
        : `Google login failed: ${(error as Error).name}`,
    );
  }
}
