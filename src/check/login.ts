// Logs in to every registry host among the images — each provider to its own registries (ECR per account
// and region, Artifact Registry and gcr.io, the OpenShift registry) with OIDC-federated credentials —
// proves each login with the registry's /v2/ handshake, then writes the Docker config(s). Nothing here
// prints a secret: each is masked first.
import type { LoadedConfig } from '../core/config/load.ts';
import type { ImageReference } from '../core/image-reference.ts';
import { LoginError, type LoginInputs } from '../core/provider.ts';
import {
  dockerConfigFiles,
  loginToAuthFiles,
  type LoginRecord,
  type RegistryLogin,
} from '../login/docker-config.ts';
import { RegistryLoginError, verifyLogin, type HandshakeOptions } from '../login/verify.ts';
import { providers } from '../providers/index.ts';

export { LoginError, type LoginInputs } from '../core/provider.ts';

export interface LoginEnvironment {
  readonly getIdToken: (audience: string) => Promise<string>;
  readonly mask: (secret: string) => void;
  readonly info: (message: string) => void;
  readonly warning: (message: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** The config's input: `endpoints` (where registries and Google's APIs are really reached). */
  readonly config: LoadedConfig['input'];
  /** Where to keep the backup the logout undoes the logins from; without it (logout: false), none is kept. */
  readonly backupDir?: string;
  readonly handshake?: HandshakeOptions;
}

export interface LoginResult {
  readonly registries: readonly string[];
  readonly records: readonly LoginRecord[];
  /** The sessions the logins obtained, by provider name, for the live reads that follow (never printed). */
  readonly sessions: LoginSessions;
}

export type LoginSessions = Readonly<Record<string, unknown>>;

export async function loginToRegistries(
  images: readonly ImageReference[],
  inputs: LoginInputs,
  environment: LoginEnvironment,
): Promise<LoginResult> {
  const endpointOf: Readonly<Record<string, string>> = environment.config.endpoints?.registries ?? {};
  const logins: { login: RegistryLogin; refusedHint: string }[] = [];
  const sessions: Record<string, unknown> = {};
  for (const provider of providers) {
    const kinds = new Set(provider.registries.map((registry) => registry.kind));
    const own = images.filter((image) => kinds.has(image.registry.kind));
    if (!provider.login || own.length === 0) continue;
    const module = await provider.login();
    const outcome = await module.logIn({ ...environment, images: own, inputs, endpoints: endpointOf });
    if (outcome.session !== undefined) sessions[provider.name] = outcome.session;
    logins.push(...outcome.logins.map((login) => ({ login, refusedHint: module.refusedHint })));
  }

  for (const { login, refusedHint } of logins) {
    const endpoint = endpointOf[login.host] ?? `https://${login.host}`;
    try {
      await verifyLogin(endpoint, login, environment.handshake);
    } catch (error) {
      if (!(error instanceof RegistryLoginError)) throw error;
      const hint = error.unreachable ? 'check the endpoint and the network' : refusedHint;
      throw new LoginError(`login to ${login.host} failed: ${error.message}; ${hint}`);
    }
    environment.info(
      `pullcheck: logged in to ${login.host}${endpoint.includes(login.host) ? '' : ` (through ${endpoint})`}`,
    );
  }
  // A registry reached through an endpoint override gets the credentials under both names.
  const entries = logins.flatMap(({ login }) => {
    const endpoint = endpointOf[login.host];
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
