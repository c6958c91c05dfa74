// Does a docker config `auths` key cover an image? The kubelet's rules (kubernetes
// pkg/credentialprovider keyring: "URLsMatch"): the scheme and a /v1/ or /v2/ prefix are ignored; hosts
// match label by label with the same number of labels, `*` globbing within one label; ports must be
// equal; the key's path must be a prefix of the image's path; index.docker.io stands for docker.io.
import type { ImageReference } from '../../../core/image-reference.ts';

interface Location {
  readonly labels: readonly string[];
  readonly port: string;
  readonly path: string;
}

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

export function registryKeyCovers(key: string, image: ImageReference): boolean {
  const glob = parseKey(key);
  if (!glob) return false;
  const target = parseKey(`${image.host}/${image.path}`);
  if (!target || glob.labels.length !== target.labels.length || glob.port !== target.port) return false;
  if (!glob.labels.every((label, i) => labelMatches(label, target.labels[i] ?? ''))) return false;
  return target.path.startsWith(glob.path);
}

function parseKey(key: string): Location | undefined {
  const withScheme = /^https?:\/\//i.test(key) ? key : `https://${key}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return undefined;
  }
  let path = url.pathname;
  if (path.startsWith('/v1/') || path.startsWith('/v2/')) path = path.slice(3);
  if (path === '/') path = '';
  const host = DOCKER_HUB.has(url.hostname.toLowerCase()) ? 'docker.io' : url.hostname.toLowerCase();
  return { labels: host.split('.'), port: url.port, path };
}

/** Go's filepath.Match within one DNS label: `*` any run, `?` one character. */
function labelMatches(pattern: string, label: string): boolean {
  if (!pattern.includes('*') && !pattern.includes('?')) return pattern === label;
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(label);
}
