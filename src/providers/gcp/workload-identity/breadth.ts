// Does the login let in more than this repository? The same job's token is replayed as if it came from another
// repository of the same owner, and from another owner's repository: if the provider admits it and (through a
// service account) the binding includes it, the trust is broader than the repository. GitHub uses one issuer
// for every organization, so Google's docs ask for an attribute condition that pins the organization at least
// ("Configure Workload Identity Federation with deployment pipelines": "you must use an attribute condition").
import type { Claim, CiLogin, PredictedToken } from '../../../core/ci-path.ts';
import type { GcpFacts } from '../facts.ts';
import { serviceAccountResource } from '../facts.ts';
import { evaluateIamGrant } from '../iam-grant.ts';
import { serviceAccountProject } from '../service-account-project.ts';
import { admit, exactClaim } from './admission.ts';
import { federatedMemberTest } from './federated.ts';
import type { PreparedProvider } from './providers.ts';

const OTHER_OWNER = 'another-owner';

export function breadthWarnings(
  provider: PreparedProvider,
  login: CiLogin,
  token: PredictedToken,
  facts: GcpFacts,
): string[] {
  const repository = exactClaim(token, 'repository');
  const owner = exactClaim(token, 'repository_owner') ?? repository?.split('/')[0];
  if (repository === undefined || owner === undefined) return [];
  const warnings: string[] = [];
  if (!provider.condition) {
    warnings.push(
      `the provider ${provider.name} has no attribute condition: it admits a token from any GitHub repository; Google requires one for GitHub (a single issuer for every organization): add --attribute-condition="assertion.repository == '${repository}'"`,
    );
  }
  const other = `${OTHER_OWNER}/another-repository`;
  const sibling = `${owner}/another-repository`;
  if (lets(provider, login, sibling, { owner, repository }, facts, token)) {
    if (!lets(provider, login, other, { owner, repository }, facts, token)) {
      warnings.push(
        `${login.identity}${login.with['service_account'] ? ` and the binding on ${login.with['service_account']}` : ''} let in every repository of ${owner}, not only ${repository}: pin assertion.repository (or bind principalSet://…/attribute.repository/${repository})`,
      );
    } else if (provider.condition) {
      warnings.push(
        `${login.identity}${login.with['service_account'] ? ` and the binding on ${login.with['service_account']}` : ''} let in repositories of any GitHub owner: the condition ${provider.condition.text} does not pin the organization`,
      );
    }
  }
  return warnings;
}

/** The token as another repository's would be: every claim naming the repository or owner renamed. */
function replay(
  token: PredictedToken,
  from: { owner: string; repository: string },
  to: string,
): PredictedToken {
  const [toOwner] = to.split('/');
  const rename = (text: string) =>
    text
      .split(from.repository)
      .join(to)
      .replace(new RegExp(`^${escape(from.owner)}$`), toOwner!);
  const claims: Record<string, Claim> = {};
  // Another repository has another id; a repository of the same owner keeps the owner's id.
  const renumbered = toOwner === from.owner ? ['repository_id'] : ['repository_id', 'repository_owner_id'];
  for (const [name, claim] of Object.entries(token.claims)) {
    if (renumbered.includes(name)) claims[name] = { unknown: `another repository's ${name}` };
    else if ('value' in claim) claims[name] = { value: rename(claim.value) };
    else if ('pattern' in claim) claims[name] = { pattern: rename(claim.pattern), because: claim.because };
    else claims[name] = claim;
  }
  return { ...token, claims };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function lets(
  provider: PreparedProvider,
  login: CiLogin,
  to: string,
  from: { owner: string; repository: string },
  facts: GcpFacts,
  token: PredictedToken,
): boolean {
  const admission = admit(provider, login, replay(token, from, to));
  if (admission.result !== 'yes' || !admission.identity) return false;
  const email = login.with['service_account'];
  if (!email) return true;
  const resource = {
    kind: 'serviceAccount',
    name: serviceAccountResource(email),
    project: serviceAccountProject(email, facts)?.id ?? '-',
    permission: 'iam.serviceAccounts.getAccessToken',
  };
  return evaluateIamGrant(resource, federatedMemberTest([admission.identity]), facts).result === 'yes';
}
