// Which endpoints a k3s node's containerd tries for an image, in order, and which configs entry's auth each
// one gets: k3s turns registries.yaml into one hosts.toml per registry (k3s pkg/agent/containerd/config.go
// getHostConfigs, read at 06ea261c; k3s docs "Default Endpoint Fallback", "Wildcard Support", "Rewrites").
// - A registry uses its own mirrors entry when k3s writes a hosts.toml for it (mirror endpoints, or a configs
//   entry with auth or tls); otherwise the "*" entry's (containerd's _default), else only its default endpoint.
// - Each mirror endpoint gets the auth of configs."ENDPOINT HOST"; the default endpoint that of configs."HOST".
//   The auth of configs."*" is never sent (k3s-io/docs#359, maintainer: "not supported").
// - The default endpoint is tried last, never rewritten; --disable-default-registry-endpoint drops it for a
//   registry whose mirrors entry k3s applies (kept when the registry also has a configs entry, as k3s does).
// - With --embedded-registry, the node's peers (the embedded mirror) come first for every mirrors entry but
//   a localhost one.
import type { RegistriesFile } from './registries-file.ts';
import {
  DOCKER_HUB,
  defaultEndpointUrl,
  hostnameOf,
  isLocalhost,
  normalizeEndpoint,
} from './endpoint-url.ts';
import { rewriteRepository } from './rewrite.ts';

/** How the node runs k3s, from the target: the flags that change which endpoints are tried. */
export interface NodeRegistryOptions {
  /** k3s --disable-default-registry-endpoint. */
  readonly disableDefaultEndpoint?: boolean;
  /** k3s --embedded-registry (the distributed "Spegel" mirror). */
  readonly embeddedRegistry?: boolean;
}

/** Shown for the embedded registry: the node's own address, which pullcheck does not know. */
export const EMBEDDED_MIRROR = 'https://NODE-IP:6443/v2';

export interface PullEndpoint {
  /** `mirror`: another server; `registry`: the registry itself; `embedded`: the node's peers. */
  readonly kind: 'mirror' | 'registry' | 'embedded';
  readonly url: string;
  /** The configs entry whose auth is sent there, when it has one. */
  readonly authKey?: string;
  /** The repository asked for there (after rewrites); undefined when two rewrites disagree. */
  readonly repository: string | undefined;
  /** True for the default endpoint (tried last, with the registry's own auth, no rewrites). */
  readonly isDefault?: true;
}

export interface PullPlan {
  readonly endpoints: readonly PullEndpoint[];
  /** The mirrors entry applied: the registry's own, "*", or none. */
  readonly mirrorsEntry?: string;
  /** The default endpoint is not tried (--disable-default-registry-endpoint). */
  readonly defaultDisabled: boolean;
  /**
   * With --disable-default-registry-endpoint, k3s's code still tries the default endpoint of a registry whose
   * own mirrors entry is empty or that has a configs entry, where its docs say only mirrors are tried.
   */
  readonly defaultDespiteFlag?: true;
}

type Configs = NonNullable<RegistriesFile['registries']['configs']>;
type Mirrors = NonNullable<RegistriesFile['registries']['mirrors']>;

export function pullPlan(
  host: string,
  repository: string,
  file: RegistriesFile,
  options: NodeRegistryOptions = {},
): PullPlan {
  const mirrors: Mirrors = file.registries.mirrors ?? {};
  const configs: Configs = file.registries.configs ?? {};
  const flag = options.disableDefaultEndpoint === true;
  const own = Object.hasOwn(mirrors, host);
  const ownEndpoints = own
    ? mirrorEndpoints(host, host, repository, file, options, !flag || Object.hasOwn(configs, host))
    : [];
  const ownAuthKey = defaultAuthKey(host, configs);
  const defaultEndpoint = (): PullEndpoint => ({
    kind: 'registry',
    url: defaultEndpointUrl(host),
    repository,
    isDefault: true,
    ...(ownAuthKey === undefined ? {} : { authKey: ownAuthKey }),
  });
  const hasOwnHostsToml =
    ownEndpoints.length > 0 ||
    hasConfig(configs[host]) ||
    (own && hasConfig(configs[defaultConfigKey(host, configs) ?? host]));
  if (hasOwnHostsToml) {
    const keepsDefault = !flag || !own || Object.hasOwn(configs, host);
    return plan(
      ownEndpoints,
      keepsDefault ? defaultEndpoint() : undefined,
      own ? host : undefined,
      flag && own,
    );
  }
  const wildcard = Object.hasOwn(mirrors, '*')
    ? mirrorEndpoints('*', host, repository, file, options, false)
    : [];
  if (wildcard.length > 0 || hasConfig(configs['*'])) {
    const keepsDefault = !flag || !Object.hasOwn(mirrors, '*');
    return plan(wildcard, keepsDefault ? defaultEndpoint() : undefined, '*');
  }
  return plan([], defaultEndpoint(), undefined, flag && own);
}

function plan(
  mirrorList: PullEndpoint[],
  last: PullEndpoint | undefined,
  entry: string | undefined,
  flagged = false,
): PullPlan {
  return {
    endpoints: last ? [...mirrorList, last] : mirrorList,
    ...(entry === undefined ? {} : { mirrorsEntry: entry }),
    defaultDisabled: last === undefined,
    ...(flagged && last !== undefined ? { defaultDespiteFlag: true as const } : {}),
  };
}

/**
 * The endpoints of mirrors."key" for an image on `host`, without duplicates; the last one, when it is the
 * default endpoint and that is tried, is the default endpoint itself (k3s moves it there).
 */
function mirrorEndpoints(
  key: string,
  host: string,
  repository: string,
  file: RegistriesFile,
  options: NodeRegistryOptions,
  defaultTried: boolean,
): PullEndpoint[] {
  const entry = file.registries.mirrors?.[key];
  const configs = file.registries.configs ?? {};
  const defaultUrl = key === '*' ? undefined : defaultEndpointUrl(host);
  const rewritten = rewriteRepository(repository, entry?.rewrite);
  const asked = 'ambiguous' in rewritten ? undefined : rewritten.repository;
  const seen = new Set<string>();
  const list: PullEndpoint[] = [];
  const written = entry?.endpoint ?? [];
  written.forEach((text, i) => {
    const endpoint = normalizeEndpoint(text);
    if (!endpoint || seen.has(endpoint.url)) return;
    seen.add(endpoint.url);
    if (i === written.length - 1 && defaultTried && endpoint.url === defaultUrl) return;
    const authKey = endpointAuthKey(endpoint.registry, configs);
    list.push({
      kind: endpoint.url === defaultEndpointUrl(host) ? 'registry' : 'mirror',
      url: endpoint.url,
      repository: asked,
      ...(authKey === undefined ? {} : { authKey }),
    });
  });
  const localhost = key !== '*' && isLocalhost(hostnameOf(key));
  if (options.embeddedRegistry && !localhost)
    list.unshift({ kind: 'embedded', url: EMBEDDED_MIRROR, repository });
  return list;
}

/** k3s configForHost: the configs entry for a registry; docker.io's may be written for registry-1.docker.io. */
function configKeyFor(registry: string, configs: Configs): string | undefined {
  if (registry === DOCKER_HUB && Object.hasOwn(configs, 'registry-1.docker.io'))
    return 'registry-1.docker.io';
  return Object.hasOwn(configs, registry) ? registry : undefined;
}

/** The configs entry whose auth a mirror endpoint gets ("*" never counts for auth). */
function endpointAuthKey(registry: string, configs: Configs): string | undefined {
  const key = configKeyFor(registry, configs);
  return key !== undefined && configs[key]?.auth ? key : undefined;
}

/** The default endpoint's configs entry: the registry's own, written under its name (k3s reads that first). */
function defaultConfigKey(host: string, configs: Configs): string | undefined {
  return Object.hasOwn(configs, host) ? host : configKeyFor(host, configs);
}

/** The configs entry whose auth the default endpoint gets, when it has auth. */
export function defaultAuthKey(host: string, configs: Configs): string | undefined {
  const key = defaultConfigKey(host, configs);
  return key !== undefined && configs[key]?.auth ? key : undefined;
}

/** k3s keeps a hosts.toml for a registry whose default endpoint has auth or tls. */
function hasConfig(entry: Configs[string] | undefined): boolean {
  return entry?.auth !== undefined || entry?.tls !== undefined;
}
