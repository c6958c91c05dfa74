// Does a docker config `auths` key cover an image? The kubelet's rules (kubernetes
// pkg/credentialprovider keyring.go: BasicDockerKeyring.Add, URLsMatch, Lookup): the scheme and a /v1/ or /v2/
// prefix are ignored; hosts match label by label with the same number of labels, `*` globbing within one label;
// the ports, as written, must be equal (443 written is not the absent port); the key's path must be a string
// prefix of the image's path (strings.HasPrefix: /team covers /team2/app); the key index.docker.io, and only
// it, also serves Docker Hub images (docker.io/…), which Lookup falls back to.
import type { ImageReference } from '../../../core/image-reference.ts';
import { wildcardMatches } from '../../../core/wildcard.ts';

interface Location {
  readonly labels: readonly string[];
  readonly port: string;
  readonly path: string;
}

export function registryKeyCovers(key: string, image: ImageReference): boolean {
  const glob = parseKey(key);
  if (!glob) return false;
  // Lookup: "Use credentials for the default registry if provided, and appropriate".
  const defaultRegistryKey =
    glob.labels.join('.') === 'index.docker.io' && glob.port === '' && glob.path === '';
  if (image.host === 'docker.io' && defaultRegistryKey) return true;
  return locationMatches(glob, image);
}

/**
 * A credential provider's `matchImages` entry, as the kubelet matches it (plugin.go isImageAllowed →
 * URLsMatchStr): `https://` is put before it, no scheme or /v1/ is stripped, and the path is a string prefix.
 */
export function matchImageCovers(pattern: string, image: ImageReference): boolean {
  const glob = parseKey(`https://${pattern}`, false);
  return glob !== undefined && locationMatches(glob, image);
}

/**
 * The keys in the order the kubelet tries their credentials: Add indexes each as host+path and sorts the index
 * in reverse, so a more specific path (bar.example.com/pong) comes before its host (bar.example.com).
 */
export function inKubeletOrder(keys: readonly string[]): string[] {
  const indexed = (key: string) => {
    const location = parseKey(key);
    return location
      ? `${location.labels.join('.')}${location.port ? `:${location.port}` : ''}${location.path}`
      : '';
  };
  return [...keys].sort((a, b) => (indexed(a) < indexed(b) ? 1 : indexed(a) > indexed(b) ? -1 : 0));
}

/** Why a key does not cover the image (explain's trace): the part of the kubelet's match that failed. */
export function keyMiss(key: string, image: ImageReference): string {
  const glob = parseKey(key);
  const target = parseKey(`${image.host}/${image.path}`, false);
  if (!glob || !target) return `${key} is not a registry location`;
  if (glob.labels.length !== target.labels.length) {
    return `${key} has ${glob.labels.length} host labels, ${image.host} has ${target.labels.length}`;
  }
  const label = glob.labels.findIndex((part, i) => !labelMatches(part, target.labels[i] ?? ''));
  if (label !== -1) return `host label "${glob.labels[label]}" does not match "${target.labels[label]}"`;
  if (glob.port !== target.port) {
    return `port ${glob.port || '(none)'} is not the image's port ${target.port || '(none)'}`;
  }
  return `path ${glob.path} is not a prefix of ${target.path}`;
}

/** Lookup matches the image's own host/path: only the key had its scheme and /v1/ or /v2/ stripped (Add). */
function locationMatches(glob: Location, image: ImageReference): boolean {
  const target = parseKey(`${image.host}/${image.path}`, false);
  if (!target || glob.labels.length !== target.labels.length || glob.port !== target.port) return false;
  if (!glob.labels.every((label, i) => labelMatches(label, target.labels[i] ?? ''))) return false;
  return target.path.startsWith(glob.path);
}

/**
 * A key as the kubelet's Add reads it (url.Parse after adding https://). The port is taken as written: the
 * WHATWG URL parser would drop a default port (:443), which Go's url.Parse keeps.
 */
function parseKey(key: string, stripVersion = true): Location | undefined {
  const withScheme = /^https?:\/\//i.test(key) ? key : `https://${key}`;
  const rest = withScheme.slice(withScheme.indexOf('//') + 2);
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  const portMatch = /:(\d*)$/.exec(hostPort);
  const host = portMatch ? hostPort.slice(0, portMatch.index) : hostPort;
  const port = portMatch?.[1] ?? '';
  if (host === '') return undefined;
  let path = authorityEnd === -1 ? '' : rest.slice(authorityEnd).replace(/[?#].*$/, '');
  if (stripVersion && (path.startsWith('/v1/') || path.startsWith('/v2/'))) path = path.slice(3);
  if (stripVersion && path === '/') path = '';
  return { labels: host.toLowerCase().split('.'), port, path };
}

/** Go's filepath.Match within one DNS label: `*` any run, `?` one character. */
function labelMatches(pattern: string, label: string): boolean {
  return wildcardMatches(pattern, label);
}
