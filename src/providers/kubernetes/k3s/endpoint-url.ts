// A registries.yaml endpoint as k3s normalizes it before writing containerd's hosts.toml (k3s
// pkg/agent/containerd/config.go normalizeEndpointAddress, read at 06ea261c): the scheme defaults to https
// (http for localhost or a loopback address on a port other than 443), docker.io is contacted at
// registry-1.docker.io, and a path other than "", "/" or "/v2" is used as written (override_path).

/** Docker Hub's name in image references and the host containerd contacts for it (docker.DefaultHost). */
export const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_API = 'registry-1.docker.io';

export interface EndpointUrl {
  /** scheme://host[:port]/path, with any user:password@ left out. */
  readonly url: string;
  /** The registry the endpoint is: its host as written, docker.io for registry-1.docker.io. */
  readonly registry: string;
}

/**
 * The endpoint k3s writes for `written`, or undefined where k3s logs "Ignoring invalid endpoint URL" (Go's
 * url.Parse rejects it: a character Go does not allow in user:password@, a port that is not a number).
 * `embeddedMirror` is the embedded registry's address, which keeps https on any port.
 */
export function normalizeEndpoint(written: string, embeddedMirror?: string): EndpointUrl | undefined {
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(written);
  const rest = schemeMatch ? written.slice(schemeMatch[0].length) : written.replace(/^\/\//, '');
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  const path = authorityEnd === -1 ? '' : (rest.slice(authorityEnd).split(/[?#]/)[0] ?? '');
  const at = authority.lastIndexOf('@');
  if (at !== -1 && !/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(authority.slice(0, at))) return undefined;
  const hostPort = authority.slice(at + 1).toLowerCase();
  const { hostname, port } = splitHostPort(hostPort);
  if (port !== undefined && !/^\d*$/.test(port)) return undefined;
  let scheme = schemeMatch?.[1]?.toLowerCase();
  if (scheme === undefined) {
    const local = isLocalhost(hostname) && port && port !== '443' && hostPort !== embeddedMirror;
    scheme = local ? 'http' : 'https';
  }
  const host = hostPort === DOCKER_HUB ? DOCKER_HUB_API : hostPort;
  const registry = host === DOCKER_HUB_API ? DOCKER_HUB : hostPort;
  const fullPath = path === '' || path === '/' || path === '/v2' ? '/v2' : path;
  return { url: `${scheme}://${host}${fullPath}`, registry };
}

/** The registry's own endpoint, tried last unless disabled: its host normalized as an endpoint. */
export function defaultEndpointUrl(host: string): string {
  return normalizeEndpoint(host)?.url ?? `https://${host}/v2`;
}

function splitHostPort(hostPort: string): { hostname: string; port?: string } {
  const bracketed = /^(\[[^\]]*\])(?::(.*))?$/.exec(hostPort);
  if (bracketed)
    return { hostname: bracketed[1] ?? '', ...(bracketed[2] === undefined ? {} : { port: bracketed[2] }) };
  const colon = hostPort.lastIndexOf(':');
  return colon === -1
    ? { hostname: hostPort }
    : { hostname: hostPort.slice(0, colon), port: hostPort.slice(colon + 1) };
}

/** containerd's docker.IsLocalhost: "localhost" or a loopback IP address. */
export function isLocalhost(hostname: string): boolean {
  if (hostname === 'localhost') return true;
  if (/^127(?:\.\d{1,3}){3}$/.test(hostname)) return true;
  return hostname === '[::1]' || hostname === '::1';
}

/** A host[:port] without its port: localhost:5000 → localhost. */
export function hostnameOf(hostPort: string): string {
  return splitHostPort(hostPort.toLowerCase()).hostname;
}
