// The CI path's rows (issue 18): each job's login for each event that runs it, then each image it pushes,
// asked of the provider that owns the login and of the registry's owner. No I/O here.
import type { CiLogin, CiLoginSite, CiResult, LoginVerdict, PredictedToken } from './ci-path.ts';
import { ImageReferenceError, parseImageReference } from './image-reference.ts';
import type { PreparedProvider } from './provider.ts';
import { registryLocator } from './registries.ts';
import { unknown, type Verdict } from './verdict.ts';
import { forkWarning, withGrant } from './ci-grant.ts';

interface Ask {
  login(login: CiLogin, token: PredictedToken): LoginVerdict;
  push(image: string, principal: string): Verdict;
}

export function checkCiPath(
  sites: readonly CiLoginSite[],
  providers: readonly PreparedProvider[],
): CiResult[] {
  const ask = asking(providers);
  return sites.flatMap((site) => siteRows(site, ask));
}

function siteRows(site: CiLoginSite, ask: Ask): CiResult[] {
  const { login, job } = site;
  if ('unresolved' in login) {
    const reason = `the identity this job logs in as is not known: ${login.unresolved}`;
    return [
      { kind: 'login', job, identity: `${login.provider} login`, ...unknown([reason]), source: login.origin },
    ];
  }
  const rows: CiResult[] = [];
  const source = login.origin;
  if (site.tokens.length === 0) {
    const reason = site.noTokens ?? 'pullcheck cannot tell which events run this job';
    const verdict = withGrant(unknown([reason]), site.idToken, job);
    rows.push({ kind: 'login', job, identity: login.identity, ...verdict, source });
  }
  const verdicts = site.tokens.map((token) => {
    const decided = forkWarning(withGrant(ask.login(login, token), site.idToken, job), token);
    const { principal, warnings, ...verdict } = decided;
    const shown = warnings && warnings.length > 0 ? { warnings } : {};
    rows.push({
      kind: 'login',
      job,
      trigger: token.trigger,
      identity: login.identity,
      ...verdict,
      ...shown,
      source,
    });
    return principal;
  });
  // The principal is the login's whoever triggers the job (a role ARN), denied or not: pushes are checked for it.
  const principal = verdicts.find((found) => found !== undefined);
  for (const push of site.pushes) {
    const verdict = principal
      ? ask.push(push.image, principal)
      : unknown([
          `the principal ${login.identity} gives the job is not known, so its pushes cannot be checked`,
        ]);
    const at = push.origin ? { source: push.origin } : {};
    rows.push({
      kind: 'push',
      job,
      identity: principal ?? login.identity,
      image: push.image,
      ...verdict,
      ...at,
    });
  }
  return rows;
}

function asking(providers: readonly PreparedProvider[]): Ask {
  const locate = registryLocator(providers.flatMap((provider) => provider.definition.registries));
  const byName = new Map(providers.map((provider) => [provider.definition.name, provider]));
  const byRegistry = new Map(
    providers.flatMap((provider) =>
      provider.definition.registries.map(({ kind }) => [kind, provider] as const),
    ),
  );
  return {
    // The provider named after the login answers first; another may own it (openshift logins: kubernetes).
    login: (login, token) =>
      [byName.get(login.provider), ...providers]
        .map((provider) => provider?.rules.decideLogin?.({ login, token }))
        .find((verdict) => verdict !== undefined) ??
      unknown([`pullcheck has no rule for ${login.provider} logins yet`]),
    push(image, principal) {
      let reference;
      try {
        reference = parseImageReference(image, locate);
      } catch (error) {
        if (!(error instanceof ImageReferenceError)) throw error;
        return unknown([`${image} is not an image reference: ${error.message}`]);
      }
      return (
        byRegistry.get(reference.registry.kind)?.rules.decidePush?.({ image: reference, principal }) ??
        unknown([`pullcheck has no rule for pushes to ${reference.registry.kind} registries yet`])
      );
    },
  };
}
