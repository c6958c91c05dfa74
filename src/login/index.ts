// Logs in to every registry host among the images — ECR per account and region, Artifact Registry and
// gcr.io, the OpenShift registry — with OIDC-federated credentials, proves each login with the registry's
// /v2/ handshake, then writes the Docker config(s). Nothing here prints a secret: each is masked first.
import type { ImageReference } from '../core/image-reference.ts';
import { awsCredentials, AwsLoginError, ecrLogins, type EcrRegistry } from './aws.ts';
import {
  dockerConfigFiles,
  loginToAuthFiles,
  type LoginRecord,
  type RegistryLogin,
} from './docker-config.ts';
import { googleAccessToken, GoogleLoginError } from './google.ts';
import { OidcError } from './oidc.ts';
import { RegistryLoginError, verifyLogin, type HandshakeOptions } from './verify.ts';

export interface LoginInputs {
  readonly awsRoleArn?: string;
  readonly awsRegion?: string;
  readonly gcpWorkloadIdentityProvider?: string;
  readonly gcpServiceAccount?: string;
  readonly openshiftServer?: string;
  readonly openshiftToken?: string;
  /** Audience of GitHub's ID token for AWS and OpenShift (default sts.amazonaws.com, openshift); Google uses its provider's. */
  readonly audience?: string;
}

export interface LoginEnvironment {
  readonly getIdToken: (audience: string) => Promise<string>;
  readonly mask: (secret: string) => void;
  readonly info: (message: string) => void;
  readonly warning: (message: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** Where registries are really reached (config `endpoints.registries`): host → base URL. */
  readonly endpoints: Readonly<Record<string, string>>;
  readonly googleEndpoints?: { readonly sts?: string; readonly iamCredentials?: string };
  /** Where to keep the backup the logout undoes the logins from; without it (logout: false), none is kept. */
  readonly backupDir?: string;
  readonly handshake?: HandshakeOptions;
}

export interface LoginResult {
  readonly registries: readonly string[];
  readonly records: readonly LoginRecord[];
  /** The sessions the logins obtained, for the live reads that follow (never printed). */
  readonly sessions: LoginSessions;
}

export interface LoginSessions {
  aws?: Awaited<ReturnType<typeof awsCredentials>>;
  googleAccessToken?: string;
}

export class LoginError extends Error {
  override name = 'LoginError';
}

const SERVICE_HOST = /\.svc(\.cluster\.local)?(:\d+)?$/;

export async function loginToRegistries(
  images: readonly ImageReference[],
  inputs: LoginInputs,
  environment: LoginEnvironment,
): Promise<LoginResult> {
  const logins: { login: RegistryLogin; kind: string }[] = [];
  const add = (kind: string) => (login: RegistryLogin) => logins.push({ login, kind });

  const sessions: LoginSessions = {};
  const ecr = ecrRegistries(images);
  if (ecr.length > 0) (await awsLogins(ecr, inputs, environment, sessions)).forEach(add('ecr'));
  const googleHosts = [
    ...new Set(
      images.filter((i) => i.registry.kind === 'gar' || i.registry.kind === 'gcr').map((i) => i.host),
    ),
  ];
  if (googleHosts.length > 0)
    (await googleLogins(googleHosts, inputs, environment, sessions)).forEach(add('google'));
  const openshiftHosts = [
    ...new Set(images.filter((i) => i.registry.kind === 'openshift').map((i) => i.host)),
  ];
  if (openshiftHosts.length > 0)
    (await openshiftLogins(openshiftHosts, inputs, environment)).forEach(add('openshift'));

  for (const { login, kind } of logins) {
    const endpoint = environment.endpoints[login.host] ?? `https://${login.host}`;
    try {
      await verifyLogin(endpoint, login, environment.handshake);
    } catch (error) {
      if (!(error instanceof RegistryLoginError)) throw error;
      const hint = error.unreachable ? 'check the endpoint and the network' : REFUSED_HINTS[kind];
      throw new LoginError(`login to ${login.host} failed: ${error.message}; ${hint ?? ''}`);
    }
    environment.info(
      `pullcheck: logged in to ${login.host}${endpoint.includes(login.host) ? '' : ` (through ${endpoint})`}`,
    );
  }
  // A registry reached through an endpoint override gets the credentials under both names.
  const entries = logins.flatMap(({ login }) => {
    const endpoint = environment.endpoints[login.host];
    return endpoint ? [login, { ...login, host: new URL(endpoint).host }] : [login];
  });
  const records =
    entries.length === 0
      ? []
      : loginToAuthFiles(dockerConfigFiles(environment.env), entries, {
          env: environment.env,
          info: environment.info,
          ...(environment.backupDir === undefined ? {} : { backupDir: environment.backupDir }),
        });
  return { registries: [...new Set(logins.map(({ login }) => login.host))], records, sessions };
}

const REFUSED_HINTS: Record<string, string> = {
  ecr: 'check the registry account and region, and that the role may pull from (or push to) its repositories',
  google:
    'the service account (or federated principal) needs roles/artifactregistry.reader on the repository (writer to push)',
  openshift:
    'the token must be valid for the cluster, and its user needs registry-viewer (or system:image-puller) in the project',
};

function ecrRegistries(images: readonly ImageReference[]): EcrRegistry[] {
  const registries = new Map<string, { hosts: Set<string>; account: string; region: string }>();
  for (const image of images) {
    if (image.registry.kind !== 'ecr') continue;
    const key = `${image.registry.account}/${image.registry.region}`;
    const entry = registries.get(key) ?? {
      hosts: new Set(),
      account: image.registry.account,
      region: image.registry.region,
    };
    entry.hosts.add(image.host);
    registries.set(key, entry);
  }
  return [...registries.values()].map((entry) => ({ ...entry, hosts: [...entry.hosts] }));
}

async function awsLogins(
  registries: EcrRegistry[],
  inputs: LoginInputs,
  environment: LoginEnvironment,
  sessions: LoginSessions,
): Promise<RegistryLogin[]> {
  const options = {
    ...(inputs.awsRoleArn ? { roleArn: inputs.awsRoleArn } : {}),
    ...(inputs.awsRegion ? { region: inputs.awsRegion } : {}),
    audience: inputs.audience ?? 'sts.amazonaws.com',
    getIdToken: environment.getIdToken,
    mask: environment.mask,
    sessionName: `pullcheck-${environment.env['GITHUB_RUN_ID'] ?? 'local'}`,
  };
  try {
    let credentials: Awaited<ReturnType<typeof awsCredentials>> | undefined;
    return await ecrLogins(
      registries,
      async (region) => (sessions.aws = credentials ??= await awsCredentials(options, region)),
      environment.mask,
    );
  } catch (error) {
    if (error instanceof AwsLoginError || error instanceof OidcError) throw new LoginError(error.message);
    // Without aws-role-arn the ambient chain may simply be empty: not this step's failure.
    if (!inputs.awsRoleArn && /CredentialsProviderError/.test((error as Error).name)) {
      environment.warning(
        'pullcheck: no AWS credentials (set aws-role-arn, or configure them earlier in the job): skipping the ECR logins',
      );
      return [];
    }
    throw new LoginError(`ECR login failed: ${(error as Error).name}`);
  }
}

async function googleLogins(
  hosts: string[],
  inputs: LoginInputs,
  environment: LoginEnvironment,
  sessions: LoginSessions,
): Promise<RegistryLogin[]> {
  try {
    const token = await googleAccessToken({
      ...(inputs.gcpWorkloadIdentityProvider
        ? { workloadIdentityProvider: inputs.gcpWorkloadIdentityProvider }
        : {}),
      ...(inputs.gcpServiceAccount ? { serviceAccount: inputs.gcpServiceAccount } : {}),
      ...(environment.googleEndpoints ? { endpoints: environment.googleEndpoints } : {}),
      getIdToken: environment.getIdToken,
      mask: environment.mask,
    });
    sessions.googleAccessToken = token;
    return hosts.map((host) => ({ host, username: 'oauth2accesstoken', password: token }));
  } catch (error) {
    // Without a provider, Application Default Credentials may simply be absent: not this step's failure.
    if (
      !inputs.gcpWorkloadIdentityProvider &&
      error instanceof GoogleLoginError &&
      error.step === 'no-credentials'
    ) {
      environment.warning(
        'pullcheck: no Google credentials (set gcp-workload-identity-provider, or use Application Default Credentials): skipping the Artifact Registry logins',
      );
      return [];
    }
    throw new LoginError(
      error instanceof GoogleLoginError || error instanceof OidcError
        ? error.message
        : `Google login failed: ${(error as Error).name}`,
    );
  }
}

async function openshiftLogins(
  hosts: string[],
  inputs: LoginInputs,
  environment: LoginEnvironment,
): Promise<RegistryLogin[]> {
  const reachable = hosts.filter((host) => !SERVICE_HOST.test(host) || environment.endpoints[host]);
  for (const host of hosts.filter((h) => !reachable.includes(h))) {
    environment.warning(
      `pullcheck: ${host} is the registry's in-cluster service name: list its route host (default-route-openshift-image-registry.APPS_DOMAIN) in the target's registryHosts to log in from the runner`,
    );
  }
  if (reachable.length === 0) return [];
  let token = inputs.openshiftToken;
  if (!token && inputs.openshiftServer) {
    try {
      token = await environment.getIdToken(inputs.audience ?? 'openshift');
    } catch (error) {
      throw new LoginError((error as Error).message);
    }
  }
  if (!token) {
    environment.warning(
      'pullcheck: no openshift-token or openshift-server: skipping the OpenShift registry logins',
    );
    return [];
  }
  environment.mask(token);
  // The registry accepts any user name with a token as the password (oc registry login).
  return reachable.map((host) => ({ host, username: 'pullcheck', password: token }));
}
