// Google Artifact Registry and gcr.io rules: the identities of GKE and service-account targets, and the
// pull rule for Google service accounts wherever they run.
import type { LoadedConfig } from '../../core/config/load.ts';
import type { TargetInput } from '../../core/config/schema.ts';
import type { PullQuestion, PullRules, TargetPrincipal } from '../../core/provider.ts';
import type { Verdict } from '../../core/verdict.ts';
import { cloudRunPrincipals, decideCloudRunPull } from './cloud-run.ts';
import { prepareGcpFacts, type GcpFacts } from './facts.ts';
import { SERVICE_ACCOUNT } from './index.ts';
import { googleOperatedPull } from './google-hosts.ts';
import { evaluateGooglePull } from './pull-rule.ts';
import { decideGooglePush } from './push-rule.ts';
import { decideGoogleLogin, type LoginFacts } from './workload-identity/login-rule.ts';
import { prepareWorkloadIdentityProviders } from './workload-identity/providers.ts';
import { googleLocationOf } from './registry.ts';
import { scopesAllowPull } from './scopes.ts';

const GOOGLE_IDENTITY_PLATFORMS = new Set<TargetInput['platform']>(['gke', 'gcp-service-account', 'k3s']);

/** The Google rules over one config's facts (loaded by the definition in ./index.ts). */
export function buildRules(config: LoadedConfig): PullRules {
  const facts = prepareGcpFacts(config);
  const logins: LoginFacts = {
    facts,
    providers: prepareWorkloadIdentityProviders(config, config.input.facts?.gcp ?? {}),
    identities: new Map(),
  };
  return {
    principals: (target, image) =>
      target.platform === 'cloud-run'
        ? cloudRunPrincipals(target, image, facts)
        : googlePrincipals(target, facts),
    decide: (question) =>
      question.target.platform === 'cloud-run'
        ? decideCloudRunPull(question, facts)
        : decideGooglePull(question, facts),
    // A push as a federated principal is decided with the attributes its login mapped (decided first).
    decideLogin: (question) => decideGoogleLogin(question, logins),
    decidePush: (question) => decideGooglePush(question, facts, logins.identities),
  };
}

function googlePrincipals(target: TargetInput, facts: GcpFacts): TargetPrincipal[] {
  if (target.platform === 'gcp-service-account') {
    return target.serviceAccounts.map((account) => ({ principal: `${SERVICE_ACCOUNT}${account.email}` }));
  }
  if (target.platform !== 'gke') return [];
  if (target.serviceAccounts && target.serviceAccounts.length > 0) {
    return target.serviceAccounts.map((account) => ({ principal: `${SERVICE_ACCOUNT}${account.email}` }));
  }
  // Node pools read live name their service accounts and scopes.
  const pools = nodePoolsOf(target, facts);
  const project = target.project === undefined ? undefined : facts.projects.get(target.project);
  if (pools.length > 0) {
    // A pool that runs as the default account, whose project number could not be read, is not named.
    return [...new Set(pools.map((pool) => pool.serviceAccount))].map((email) =>
      email === 'default'
        ? defaultAccountUnknown(target, project)
        : { principal: `${SERVICE_ACCOUNT}${email}` },
    );
  }
  // Without serviceAccounts, GKE nodes run as the Compute Engine default service account.
  const number = project?.number;
  if (number === undefined) return [defaultAccountUnknown(target, project)];
  return [
    {
      principal: `${SERVICE_ACCOUNT}${number}-compute@developer.gserviceaccount.com`,
      reasons: [
        `no serviceAccounts listed: the nodes run as the Compute Engine default service account of project ${target.project}`,
      ],
    },
  ];
}

function decideGooglePull(question: PullQuestion, facts: GcpFacts): Verdict | undefined {
  const registry = googleLocationOf(question.image);
  const { target, principal } = question;
  if (!GOOGLE_IDENTITY_PLATFORMS.has(target.platform) || !principal.startsWith(SERVICE_ACCOUNT))
    return undefined;
  if (!registry) return googleOperatedPull(question.image);
  const email = principal.slice(SERVICE_ACCOUNT.length);
  if (target.platform !== 'gke') return evaluateGooglePull(registry, email, facts);
  // A service account's scopes: as listed on the target, else those of the live node pools that run as it;
  // any of those pools may run the pod, so one without a storage scope decides.
  const pools = nodePoolsOf(target, facts).filter((pool) => pool.serviceAccount === email);
  const scopes =
    target.serviceAccounts?.find((account) => account.email === email)?.scopes ??
    (pools.find((pool) => scopesAllowPull(pool.scopes) !== 'yes') ?? pools[0])?.scopes;
  const cluster = {
    ...(target.project === undefined ? {} : { project: target.project }),
    ...(target.location === undefined ? {} : { location: target.location }),
    ...(target.cluster === undefined ? {} : { cluster: target.cluster }),
  };
  return evaluateGooglePull(registry, email, facts, { scopes, cluster, target: target.name });
}

function nodePoolsOf(target: TargetInput, facts: GcpFacts) {
  if (target.platform !== 'gke' || !target.project || !target.location || !target.cluster) return [];
  return facts.clusters.get(`${target.project}/${target.location}/${target.cluster}`)?.nodePools ?? [];
}

/** The default node identity when the project number that names it is not known: unknown, with the reason. */
function defaultAccountUnknown(
  target: Extract<TargetInput, { platform: 'gke' }>,
  project: { readonly unreadable?: string } | undefined,
): TargetPrincipal {
  return {
    principal: `gke:${target.name}`,
    unnamed: {
      verdict: 'unknown',
      reasons: [
        `the node service account of ${target.name} is not known: list serviceAccounts (email and scopes) on the target,` +
          ` or give the project number of ${target.project ?? 'its project (and set `project`)'} in facts.gcp.projects` +
          ` (the default node identity is PROJECT_NUMBER-compute@developer.gserviceaccount.com)` +
          (project?.unreadable ? `; live reads could not read it: ${project.unreadable}` : ''),
      ],
      missing: [],
    },
  };
}
