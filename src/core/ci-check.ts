// The CI path's rows (issue 18): each job's login for each event that runs it, then each image it pushes,
// asked of the provider that owns the login and of the registry's owner. No I/O here.
import type { CiLogin, CiLoginSite, CiResult, LoginVerdict, PredictedToken } from './ci-path.ts';
import { ImageReferenceError, parseImageReference } from './image-reference.ts';
import type { PreparedProvider } from './provider.ts';
import type { TargetInput } from './config/schema.ts';
import { registryLocator } from './registries.ts';
import { unknown, type Verdict } from './verdict.ts';
import { forkWarning, withGrant } from './ci-grant.ts';

interface Ask {
  login(login: CiLogin, token: PredictedToken): LoginVerdict;
  /** Whether the login's credentials are what pushing `image` uses: its registry's owner is the login's. */
  pushesWith(login: CiLogin, image: string): boolean;
  push(image: string, principal: string): Verdict;
}

// The provider whose registries a login's credentials serve, when it is not named after the login.
const REGISTRIES_OF_LOGIN: Readonly<Record<string, string>> = { openshift: 'kubernetes' };

/** `targets`: the config's, whose declared registry hosts (an OpenShift route) locate pushed images too. */
export function checkCiPath(
  sites: readonly CiLoginSite[],
  providers: readonly PreparedProvider[],
  targets: readonly TargetInput[] = [],
): CiResult[] {
  const ask = asking(providers, targets);
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
    const verdict = withGrant(unknown([reason]), login.oidc === false ? undefined : site.idToken, job);
    rows.push({ kind: 'login', job, identity: login.identity, ...verdict, source });
  }
  const loggedIn: string[] = [];
  const verdicts = site.tokens.map((token) => {
    const grant = login.oidc === false ? undefined : site.idToken;
    const decided = forkWarning(withGrant(ask.login(login, token), grant, job), token, login);
    const { principal, warnings, ...verdict } = decided;
    if (principal && verdict.verdict !== 'denied') loggedIn.push(principal);
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
  // A role or service account is the job's principal whatever triggers it, denied or not: pushes are checked
  // for it. Direct workload identity federation gives one principal per event: each that logs in must push.
  const first = verdicts.find((found) => found !== undefined);
  const principals = loggedIn.length > 0 ? [...new Set(loggedIn)] : first ? [first] : [];
  // A push to a registry another login serves (ghcr.io with docker/login-action) is not this login's.
  for (const push of site.pushes.filter(({ image }) => ask.pushesWith(login, image))) {
    const [principal, verdict] =
      principals.length > 0
        ? worst(principals.map((each) => [each, ask.push(push.image, each)] as const))
        : [
            undefined,
            unknown([
              `the principal ${login.identity} gives the job is not known, so its pushes cannot be checked`,
            ]),
          ];
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

const RANK = { denied: 2, unknown: 1, allowed: 0 } as const;

/** The principal whose push fares worst: denied before unknown before allowed. */
function worst(answers: readonly (readonly [string, Verdict])[]): readonly [string, Verdict] {
  return answers.reduce((a, b) => (RANK[b[1].verdict] > RANK[a[1].verdict] ? b : a));
}

function asking(providers: readonly PreparedProvider[], targets: readonly TargetInput[]): Ask {
  const locate = registryLocator(
    providers.flatMap((provider) => provider.definition.registries),
    targets,
  );
  const byName = new Map(providers.map((provider) => [provider.definition.name, provider]));
  const byRegistry = new Map(
    providers.flatMap((provider) =>
      provider.definition.registries.map(({ kind }) => [kind, provider] as const),
    ),
  );
  const reference = (image: string) => {
    try {
      return parseImageReference(image, locate);
    } catch (error) {
      if (!(error instanceof ImageReferenceError)) throw error;
      return error;
    }
  };
  return {
    // The provider named after the login answers first; another may own it (openshift logins: kubernetes).
    login: (login, token) =>
      [byName.get(login.provider), ...providers]
        .map((provider) => provider?.rules.decideLogin?.({ login, token }))
        .find((verdict) => verdict !== undefined) ??
      unknown([`pullcheck has no rule for ${login.provider} logins yet`]),
    pushesWith(login, image) {
      const parsed = reference(image);
      if (parsed instanceof ImageReferenceError) return true; // said as unknown by push()
      const owner = byRegistry.get(parsed.registry.kind)?.definition.name;
      return owner !== undefined && owner === (REGISTRIES_OF_LOGIN[login.provider] ?? login.provider);
    },
    push(image, principal) {
      const parsed = reference(image);
      if (parsed instanceof ImageReferenceError)
        return unknown([`${image} is not an image reference: ${parsed.message}`]);
      return (
        byRegistry.get(parsed.registry.kind)?.rules.decidePush?.({ image: parsed, principal }) ??
        unknown([`pullcheck has no rule for pushes to ${parsed.registry.kind} registries yet`])
      );
    },
  };
}
