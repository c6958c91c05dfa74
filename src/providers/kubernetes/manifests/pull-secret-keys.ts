// The registry keys of a pull Secret — and nothing else. Values are decoded in memory only to read the
// keys of `auths`; no credential leaves this function (Kubernetes docs, "Pull an Image from a Private
// Registry": types kubernetes.io/dockerconfigjson and the legacy kubernetes.io/dockercfg).
import { undecodableDockerConfig } from './docker-config-decoding.ts';
import { isRecord } from './load.ts';

const FIELDS: Record<string, '.dockerconfigjson' | '.dockercfg'> = {
  'kubernetes.io/dockerconfigjson': '.dockerconfigjson',
  'kubernetes.io/dockercfg': '.dockercfg',
};

export function registryKeysOf(secret: Readonly<Record<string, unknown>>): {
  registryKeys?: string[];
  problem?: string;
  /** Whether any entry holds credentials (live reads keep only the host keys, with empty entries). */
  holdsCredentials?: boolean;
  /** Why the kubelet cannot decode it, which fails every pull of a pod that uses it (no value quoted). */
  undecodable?: string;
} {
  // Live reads mark a Secret they could not read, so a rule can say unknown rather than absent.
  const unreadable = annotation(secret, UNREADABLE_ANNOTATION);
  if (unreadable !== undefined) return { problem: `it could not be read: ${unreadable}` };
  const type = typeof secret['type'] === 'string' ? secret['type'] : 'Opaque';
  const field = FIELDS[type];
  if (!field)
    return { problem: `its type is ${type}, not kubernetes.io/dockerconfigjson or kubernetes.io/dockercfg` };
  const text = fieldText(secret, field);
  if (text === undefined) return { problem: `it has no ${field} entry` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { problem: `its ${field} is not valid JSON` };
  }
  // .dockerconfigjson wraps the hosts in "auths"; the legacy .dockercfg is the hosts map itself.
  const hosts = field === '.dockerconfigjson' ? (isRecord(parsed) ? parsed['auths'] : undefined) : parsed;
  // Live reads keep only the host keys, and mark what the kubelet could not decode.
  const undecodable = annotation(secret, UNDECODABLE_ANNOTATION) ?? undecodableDockerConfig(parsed, field);
  const kubeletFails = undecodable !== undefined ? { undecodable } : {};
  if (!isRecord(hosts))
    return {
      problem: `its ${field} has no ${field === '.dockerconfigjson' ? '"auths" ' : ''}map of registries`,
      ...kubeletFails,
    };
  const holdsCredentials = Object.values(hosts).some(
    (entry) => isRecord(entry) && Object.keys(entry).length > 0,
  );
  return { holdsCredentials, registryKeys: Object.keys(hosts).flatMap(withoutUserinfo), ...kubeletFails };
}

/**
 * A key written as a URL with credentials (`https://user:password@host`) is read by the kubelet for its host
 * (url.Parse keeps the userinfo apart), and must never be repeated: keep the key without them. A key that
 * still holds an `@` (an unencoded `/` in a password) is not a URL the kubelet reads: drop it.
 */
function withoutUserinfo(key: string): string[] {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(key)?.[0] ?? '';
  const rest = key.slice(scheme.length);
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  const kept = `${scheme}${rest.slice(authority.lastIndexOf('@') + 1)}`;
  return kept.includes('@') ? [] : [kept];
}

function fieldText(secret: Readonly<Record<string, unknown>>, field: string): string | undefined {
  const stringData = secret['stringData'];
  if (isRecord(stringData) && typeof stringData[field] === 'string') return stringData[field];
  const data = secret['data'];
  if (isRecord(data) && typeof data[field] === 'string')
    return Buffer.from(data[field], 'base64').toString('utf8');
  return undefined;
}

/** The annotation live reads put on a Secret they were refused (with why), in the facts' own format. */
export const UNREADABLE_ANNOTATION = 'pullcheck.dev/unreadable';
/** The annotation live reads put on a Secret the kubelet cannot decode (with why), its values left out. */
export const UNDECODABLE_ANNOTATION = 'pullcheck.dev/undecodable';

function annotation(secret: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const metadata = secret['metadata'];
  const annotations = isRecord(metadata) ? metadata['annotations'] : undefined;
  const value = isRecord(annotations) ? annotations[name] : undefined;
  return typeof value === 'string' ? value : undefined;
}
