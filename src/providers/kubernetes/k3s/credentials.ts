// Which credential k3s (containerd) uses to pull from a registry host, classified without ever keeping a
// secret in a message. Sources: k3s docs "Private Registry Configuration" (auth directives); Artifact
// Registry docs "Configure authentication to Artifact Registry for Docker" (_json_key, _json_key_base64,
// oauth2accesstoken); Amazon ECR docs "Private registry authentication" (username AWS, tokens valid 12 hours).
import type { ConfigPath } from '../../../core/config/yaml-source.ts';
import { defaultAuthKey } from './endpoints.ts';
import type { RegistriesFile } from './registries-file.ts';

export type Credential =
  /** No auth for the host. */
  | { readonly kind: 'none' }
  /** A service-account key that parses: the pull is decided by that service account's IAM grants. */
  | { readonly kind: 'service-account-key'; readonly email: string; readonly at: ConfigPath }
  /** A credential that cannot work (a broken key, a username alone); `problem` says why, with no secret in it. */
  | { readonly kind: 'unusable'; readonly problem: string; readonly at: ConfigPath }
  /** A short-lived token pasted into the file: Google access token (1 h) or ECR token (12 h). */
  | { readonly kind: 'expiring-token'; readonly issuer: 'google' | 'ecr'; readonly at: ConfigPath }
  /** Username/password, `auth` or `identity_token` for any other registry. */
  | { readonly kind: 'basic'; readonly username: string | undefined; readonly at: ConfigPath };

export interface HostCredential {
  readonly credential: Credential;
  /** The configs key it came from, when any. */
  readonly configKey?: string;
}

/**
 * The credential k3s sends to the registry's default endpoint: its own configs entry's auth, never the "*"
 * entry's (./endpoints.ts says which entry a mirror endpoint gets).
 */
export function credentialFor(host: string, file: RegistriesFile): HostCredential {
  return credentialOf(defaultAuthKey(host, file.registries.configs ?? {}), file);
}

/** The credential of configs."key".auth (none when the key is undefined or has no auth). */
export function credentialOf(configKey: string | undefined, file: RegistriesFile): HostCredential {
  const auth = configKey === undefined ? undefined : file.registries.configs?.[configKey]?.auth;
  if (!auth || configKey === undefined) return { credential: { kind: 'none' } };
  const at: ConfigPath = ['configs', configKey, 'auth'];
  return { credential: classify(auth, at), configKey };
}

function classify(
  auth: { username?: string; password?: string; auth?: string; identity_token?: string },
  at: ConfigPath,
): Credential {
  const decoded = auth.auth === undefined ? undefined : decodeBasicAuth(auth.auth);
  const username = auth.username ?? decoded?.username;
  const password = auth.password ?? decoded?.password;
  const passwordAt: ConfigPath = [...at, auth.password === undefined ? 'auth' : 'password'];
  if (username === '_json_key' || username === '_json_key_base64') {
    return serviceAccountKey(username, password, passwordAt);
  }
  if (username === 'oauth2accesstoken') return { kind: 'expiring-token', issuer: 'google', at: passwordAt };
  if (username === 'AWS') return { kind: 'expiring-token', issuer: 'ecr', at: passwordAt };
  if (password === undefined && auth.auth === undefined && auth.identity_token === undefined) {
    return { kind: 'unusable', problem: 'the auth entry has no password, auth or identity_token', at };
  }
  return { kind: 'basic', username, at };
}

function serviceAccountKey(username: string, password: string | undefined, at: ConfigPath): Credential {
  const broken = (problem: string): Credential => ({ kind: 'unusable', problem, at });
  if (!password) return broken(`the ${username} password is empty: it must hold the service-account key`);
  let json = password;
  if (username === '_json_key_base64') {
    json = Buffer.from(password, 'base64').toString('utf8');
    if (!json.trimStart().startsWith('{'))
      return broken('the _json_key_base64 password is not base64 of a JSON key');
  } else if (password.trim().includes('\n')) {
    // containerd sends the password as written; the key must be one line of JSON.
    return broken(
      'the _json_key password spans several lines: write the key JSON on one line (e.g. jq -c . key.json)',
    );
  }
  let key: unknown;
  try {
    key = JSON.parse(json);
  } catch {
    return broken(`the ${username} password is not valid JSON: paste the whole service-account key file`);
  }
  const fields = key as { type?: unknown; client_email?: unknown; private_key?: unknown };
  if (fields.type !== 'service_account') {
    return broken(
      `the ${username} key is not a service-account key (its "type" is ${JSON.stringify(fields.type ?? null)})`,
    );
  }
  if (typeof fields.client_email !== 'string' || !fields.client_email.includes('@')) {
    return broken(`the ${username} key has no client_email`);
  }
  if (typeof fields.private_key !== 'string' || !fields.private_key.includes('PRIVATE KEY')) {
    return broken(`the ${username} key has no private_key`);
  }
  return { kind: 'service-account-key', email: fields.client_email, at };
}

/** `auth` is base64 of "username:password" (docker config style). */
function decodeBasicAuth(value: string): { username: string; password: string } | undefined {
  const text = Buffer.from(value, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon === -1 ? undefined : { username: text.slice(0, colon), password: text.slice(colon + 1) };
}
