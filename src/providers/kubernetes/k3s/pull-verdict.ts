// A k3s pull over every endpoint containerd tries (./endpoints.ts): it succeeds at the first endpoint that
// serves the image. Only the registry itself, asked for the image's own repository, can be decided offline
// (by its credential, ./node-config.ts); a mirror, the embedded registry or a rewritten repository may or
// may not serve the image, so when they are all that could succeed the pull is `unknown`, naming them.
import type { ImageReference } from '../../../core/image-reference.ts';
import { allowed, unknown, type Verdict } from '../../../core/verdict.ts';
import { defaultEndpointUrl } from './endpoint-url.ts';
import type { PullEndpoint, PullPlan } from './endpoints.ts';
import type { RegistriesFile } from './registries-file.ts';

/** Whether an endpoint is the registry itself asked for the image's own repository. */
export function isRegistryItself(endpoint: PullEndpoint, image: ImageReference): boolean {
  return endpoint.kind === 'registry' && endpoint.repository === image.path;
}

/** The pull's verdict, given `atRegistry`: the verdict of the registry itself with its own credential. */
export function decidePull(
  image: ImageReference,
  plan: PullPlan,
  file: RegistriesFile,
  atRegistry: Verdict,
): Verdict {
  const itself = plan.endpoints.some((endpoint) => isRegistryItself(endpoint, image));
  const others = plan.endpoints.filter((endpoint) => !isRegistryItself(endpoint, image));
  if (plan.defaultDespiteFlag && atRegistry.verdict !== 'denied')
    return despiteFlag(image, others.length > 0);
  if (others.length === 0 && itself) return atRegistry;
  const tried = others.map((endpoint) => describe(endpoint, image, file)).join(', then ');
  if (itself && atRegistry.verdict === 'allowed') {
    return allowed([
      ...atRegistry.reasons,
      `k3s also tries ${tried}; whichever serves the image first, the pull succeeds`,
    ]);
  }
  const first =
    others.length === 0
      ? `unknown: k3s tries no endpoint for ${image.host}`
      : `unknown: k3s tries ${tried} first; whether ${others.length === 1 ? 'it serves' : 'one of them serves'} ${image.host}/${image.path} cannot be known offline`;
  const last = itself
    ? `then ${image.host} itself (${defaultEndpointUrl(image.host)}): ${atRegistry.reasons.join('; ')}`
    : `${image.host} itself (${defaultEndpointUrl(image.host)}) is not tried: the node runs with --disable-default-registry-endpoint (disableDefaultRegistryEndpoint)`;
  return unknown([first, last]);
}

/** k3s's code and docs disagree on whether the registry itself is tried: its allowing verdict is not certain. */
function despiteFlag(image: ImageReference, mirrored: boolean): Verdict {
  return unknown([
    `unknown: the node runs with --disable-default-registry-endpoint and ${image.host} has a mirrors entry: the k3s docs say only` +
      ` its mirror endpoints are tried${mirrored ? ' (whether they serve the image cannot be known offline)' : ''}, but k3s (config.go getHostConfigs)` +
      ` still tries ${image.host} itself (${defaultEndpointUrl(image.host)}), where the node's credentials may allow the pull, when the registry has` +
      ` a configs entry or no mirror endpoint; which the nodes' k3s version does cannot be known offline`,
  ]);
}

function describe(endpoint: PullEndpoint, image: ImageReference, file: RegistriesFile): string {
  if (endpoint.kind === 'embedded') {
    return `the embedded registry (${endpoint.url}: images other nodes of the cluster have pulled)`;
  }
  const asked =
    endpoint.repository === undefined
      ? ' (its rewrites disagree on the repository)'
      : endpoint.repository === image.path
        ? ''
        : ` (asked for ${endpoint.repository} by a rewrite)`;
  const auth =
    endpoint.authKey === undefined
      ? 'with no credentials'
      : `with the auth of configs."${endpoint.authKey}" (${file.file}:${file.locate(['configs', endpoint.authKey, 'auth']).line})`;
  return `${endpoint.url}${asked} ${auth}`;
}
