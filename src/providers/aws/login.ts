// Amazon ECR logins without long-lived keys: GitHub's OIDC token → sts:AssumeRoleWithWebIdentity (or the
// ambient credential chain, e.g. what aws-actions/configure-aws-credentials left), then
// ecr:GetAuthorizationToken per region for every registry account at once (username AWS, 12 h tokens).
// AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL_ECR are honoured by the SDK.
import { ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr';
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { RegistryLogin } from '../../login/docker-config.ts';

export interface EcrRegistry {
  /** The hosts to log in to (standard, FIPS, dual-stack spellings of this registry). */
  readonly hosts: readonly string[];
  readonly account: string;
  readonly region: string;
}

export interface AwsLoginOptions {
  readonly roleArn?: string;
  /** Region for STS when no image says otherwise. */
  readonly region?: string;
  readonly audience: string;
  readonly getIdToken: (audience: string) => Promise<string>;
  readonly mask: (secret: string) => void;
  readonly sessionName: string;
}

export class AwsLoginError extends Error {
  override name = 'AwsLoginError';
}

export async function awsCredentials(
  options: AwsLoginOptions,
  region: string,
): Promise<AwsCredentialIdentity | AwsCredentialIdentityProvider> {
  if (!options.roleArn) return fromNodeProviderChain();
  const webIdentityToken = await options.getIdToken(options.audience);
  const sts = new STSClient({ region: options.region ?? region, maxAttempts: 4 });
  try {
    const { Credentials: credentials } = await sts.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: options.roleArn,
        RoleSessionName: options.sessionName,
        WebIdentityToken: webIdentityToken,
        DurationSeconds: 3600,
      }),
    );
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.SessionToken) {
      throw new AwsLoginError(`sts:AssumeRoleWithWebIdentity for ${options.roleArn} returned no credentials`);
    }
    options.mask(credentials.SecretAccessKey);
    options.mask(credentials.SessionToken);
    return {
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretAccessKey,
      sessionToken: credentials.SessionToken,
    };
  } catch (error) {
    if (error instanceof AwsLoginError) throw error;
    const name = (error as { name?: string }).name ?? 'Error';
    const hint = /AccessDenied|InvalidIdentityToken/.test(name)
      ? `: check the role's trust policy — its Principal must be the account's GitHub OIDC provider (token.actions.githubusercontent.com), ` +
        `"token.actions.githubusercontent.com:aud" must equal "${options.audience}", and "token.actions.githubusercontent.com:sub" must match ` +
        `this workflow (e.g. repo:OWNER/REPO:ref:refs/heads/main or repo:OWNER/REPO:pull_request)`
      : '';
    throw new AwsLoginError(`could not assume ${options.roleArn} with GitHub's OIDC token (${name})${hint}`);
  }
}

/** One GetAuthorizationToken per region, for all of that region's registry accounts. */
export async function ecrLogins(
  registries: readonly EcrRegistry[],
  credentialsFor: (region: string) => Promise<AwsCredentialIdentity | AwsCredentialIdentityProvider>,
  mask: (secret: string) => void,
): Promise<RegistryLogin[]> {
  const byRegion = new Map<string, EcrRegistry[]>();
  for (const registry of registries)
    byRegion.set(registry.region, [...(byRegion.get(registry.region) ?? []), registry]);
  const logins: RegistryLogin[] = [];
  for (const [region, inRegion] of byRegion) {
    const ecr = new ECRClient({ region, credentials: await credentialsFor(region), maxAttempts: 4 });
    const accounts = [...new Set(inRegion.map((registry) => registry.account))];
    let data;
    try {
      data =
        (await ecr.send(new GetAuthorizationTokenCommand({ registryIds: accounts }))).authorizationData ?? [];
    } catch (error) {
      const name = (error as { name?: string }).name ?? 'Error';
      // No credentials at all is the caller's decision (a warning without aws-role-arn), not a failed call.
      if (/CredentialsProviderError/.test(name)) throw error;
      throw new AwsLoginError(
        `ecr:GetAuthorizationToken in ${region} failed (${name})` +
          (/AccessDenied/.test(name)
            ? ': the role needs ecr:GetAuthorizationToken on "*" (e.g. AmazonEC2ContainerRegistryPowerUser for pushes)'
            : ''),
      );
    }
    for (const registry of inRegion) {
      const entry =
        data.find((item) => item.proxyEndpoint?.includes(`//${registry.account}.`)) ??
        (data.length === 1 ? data[0] : undefined);
      if (!entry?.authorizationToken)
        throw new AwsLoginError(
          `ecr:GetAuthorizationToken in ${region} returned no token for ${registry.account}`,
        );
      mask(entry.authorizationToken);
      const decoded = Buffer.from(entry.authorizationToken, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const username = decoded.slice(0, colon);
      const password = decoded.slice(colon + 1);
      mask(password);
      for (const host of registry.hosts) logins.push({ host, username, password });
    }
  }
  return logins;
}
