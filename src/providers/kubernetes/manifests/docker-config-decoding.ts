// Whether the kubelet can decode a pull Secret's docker config at all. It decodes every pull Secret of the pod
// before it looks up any host (kubernetes pkg/credentialprovider/secrets/secrets.go MakeDockerKeyring returns
// the first decoding error; pkg/kubelet/images/image_manager.go returns it, so the pull fails), so one bad
// entry fails every pull of the pod, whichever host the entry is for. Decoding is Go's encoding/json into
// pkg/credentialprovider/config.go's types: keys match case-insensitively, `null` is no value, a value of
// another JSON type is an error, and a non-empty `auth` must be base64 of "username:password"
// (decodeDockerConfigFieldAuth: padded → standard encoding, unpadded → raw encoding, only \r and \n ignored).
// Messages name the field, never its value.
import { isRecord } from './load.ts';

const ENTRY_FIELDS = ['username', 'password', 'email', 'auth'];

/** Why the kubelet cannot decode this parsed `.dockerconfigjson` or `.dockercfg`; undefined when it can. */
export function undecodableDockerConfig(
  parsed: unknown,
  field: '.dockerconfigjson' | '.dockercfg',
): string | undefined {
  if (field === '.dockercfg') return undecodableHosts(parsed, 'its .dockercfg');
  if (parsed === null) return undefined;
  if (!isRecord(parsed)) return 'its .dockerconfigjson is not a JSON object';
  for (const [key, value] of Object.entries(parsed)) {
    const name = key.toLowerCase();
    if (name === 'auths') {
      const problem = undecodableHosts(value, 'its .dockerconfigjson "auths"');
      if (problem) return problem;
    } else if (name === 'httpheaders' && value !== null) {
      if (!isRecord(value) || Object.values(value).some((v) => v !== null && typeof v !== 'string'))
        return 'its .dockerconfigjson "HttpHeaders" is not a map of strings';
    }
  }
  return undefined;
}

function undecodableHosts(hosts: unknown, where: string): string | undefined {
  if (hosts === null) return undefined;
  if (!isRecord(hosts)) return `${where} is not a map of registries`;
  for (const [key, entry] of Object.entries(hosts)) {
    const problem = undecodableEntry(entry);
    if (problem) return `the entry for ${shownKey(key)} ${problem}`;
  }
  return undefined;
}

function undecodableEntry(entry: unknown): string | undefined {
  if (entry === null) return undefined;
  if (!isRecord(entry)) return 'is not a JSON object';
  let auth = '';
  for (const [key, value] of Object.entries(entry)) {
    const name = key.toLowerCase();
    if (!ENTRY_FIELDS.includes(name) || value === null) continue;
    if (typeof value !== 'string') return `has a "${name}" that is not a string`;
    if (name === 'auth') auth = value;
  }
  if (auth === '') return undefined;
  const decoded = decodeBase64AsGo(auth);
  if (!decoded)
    return 'has an "auth" that is not base64 (the kubelet reads it as base64 of "username:password")';
  if (!decoded.includes(0x3a))
    return 'has an "auth" whose base64 value holds no ":" between username and password';
  return undefined;
}

/** Go's base64 StdEncoding (when the value, trimmed, ends with "=") or RawStdEncoding; undefined on error. */
function decodeBase64AsGo(field: string): Buffer | undefined {
  const text = field.replace(/[\r\n]/g, '');
  const padded = field.trim().endsWith('=');
  const match = /^([A-Za-z0-9+/]*)(=*)$/.exec(text);
  if (!match) return undefined;
  const body = match[1]!.length;
  const padding = match[2]!.length;
  if (body % 4 === 1) return undefined;
  if (padded ? padding !== (4 - (body % 4)) % 4 || padding === 0 : padding !== 0) return undefined;
  return Buffer.from(match[1]!, 'base64');
}

/** A registry key as a message may show it: a URL's user:password@ is left out. */
function shownKey(key: string): string {
  const withoutUserinfo = key.replace(/^((?:[a-z][a-z0-9+.-]*:\/\/)?)[^/?#]*@/i, '$1');
  return JSON.stringify(
    withoutUserinfo.length <= 200 ? withoutUserinfo : `${withoutUserinfo.slice(0, 200)}…`,
  );
}
