// The smallest change that lets a refused CI login through: the provider's condition, audience or state, or
// the service account's binding for the token's repository (never the whole pool).
import type { CiLogin, PredictedToken } from '../../../core/ci-path.ts';
import { shellQuoted } from '../../../core/outgoing-text.ts';
import type { MissingGrant } from '../../../core/verdict.ts';
import { exactClaim, tokenAudience, type AdmissionStep } from './admission.ts';
import type { FederatedIdentity } from './federated.ts';
import type { PreparedProvider } from './providers.ts';

function providerFlags(name: string): { id: string; flags: string } {
  const match =
    /^projects\/([0-9]+)\/locations\/global\/workloadIdentityPools\/([^/]+)\/providers\/([^/]+)$/.exec(name);
  const [, project = 'NUMBER', pool = 'POOL', id = 'PROVIDER'] = match ?? [];
  return { id, flags: `--project=${project} --location=global --workload-identity-pool=${pool}` };
}

export function trustFix(
  step: AdmissionStep,
  provider: PreparedProvider,
  login: CiLogin,
  token: PredictedToken,
): MissingGrant {
  const { id, flags } = providerFlags(provider.name);
  const update = `gcloud iam workload-identity-pools providers update-oidc ${id} ${flags}`;
  const fix = (text: string, cli: string): MissingGrant => ({
    side: 'trust',
    permissions: ['sts.googleapis.com/token'],
    fix: { text, snippets: { cli } },
  });
  if (step === 'audience') {
    const audience = tokenAudience(login);
    const audiences = [...provider.allowedAudiences, audience].join(',');
    return fix(
      `Add ${audience} to the provider's allowed audiences, or drop the step's \`audience\` input so google-github-actions/auth asks for the provider's own.`,
      `${update} --allowed-audiences=${shellQuoted(audiences)}`,
    );
  }
  if (step === 'state' || step === 'issuer') {
    return fix(
      step === 'state'
        ? `Enable (or undelete, within 30 days of deletion) the provider and its pool, or point the step at an active provider.`
        : `Point the step at a provider whose issuer is ${'https://token.actions.githubusercontent.com'}.`,
      step === 'state'
        ? `gcloud iam workload-identity-pools providers undelete ${id} ${flags}\n${update} --no-disabled`
        : `gcloud iam workload-identity-pools providers create-oidc github ${flags} --issuer-uri=https://token.actions.githubusercontent.com --attribute-mapping=google.subject=assertion.sub,attribute.repository=assertion.repository --attribute-condition=${shellQuoted(`assertion.repository == '${exactClaim(token, 'repository') ?? 'OWNER/REPO'}'`)}`,
    );
  }
  if (step === 'mapping') {
    return fix(
      'Map google.subject to a string claim (assertion.sub), as Google requires.',
      `${update} --attribute-mapping=google.subject=assertion.sub,attribute.repository=assertion.repository`,
    );
  }
  // Admit this token's subject besides what the condition admits now: no more than this job on this event.
  const sub = exactClaim(token, 'sub');
  const repository = exactClaim(token, 'repository') ?? 'OWNER/REPO';
  const admitted =
    sub !== undefined ? `assertion.sub == '${sub}'` : `assertion.repository == '${repository}'`;
  const condition = provider.condition ? `(${provider.condition.text}) || ${admitted}` : admitted;
  return fix(
    `Widen the provider's attribute condition to admit ${sub !== undefined ? `the subject ${sub}` : `the repository ${repository}`} (${token.trigger}).`,
    `${update} --attribute-condition=${shellQuoted(condition)}`,
  );
}

/** The member a binding should name: the token's repository when attribute.repository is mapped, else its subject. */
export function memberFor(identity: FederatedIdentity, token: PredictedToken): string | undefined {
  const repository = exactClaim(token, 'repository');
  const mapped = identity.attributes.get('repository');
  if (repository !== undefined && mapped?.k === 'string' && mapped.value === repository) {
    return `principalSet://iam.googleapis.com/${identity.pool}/attribute.repository/${repository}`;
  }
  if (identity.subject.k === 'string') {
    return `principal://iam.googleapis.com/${identity.pool}/subject/${identity.subject.value}`;
  }
  return undefined;
}

export function impersonationFix(
  email: string,
  role: string,
  permissions: readonly string[],
  member: string | undefined,
): MissingGrant {
  const shown = member ?? 'principalSet://iam.googleapis.com/POOL/attribute.repository/OWNER/REPO';
  const mapNote = member
    ? ''
    : ' (map attribute.repository=assertion.repository on the provider first: a binding can only name mapped attributes)';
  return {
    side: 'binding',
    permissions,
    fix: {
      text: `Grant ${shown} ${role} on the service account ${email}${mapNote}.`,
      snippets: {
        cli: `gcloud iam service-accounts add-iam-policy-binding ${email} --role=${role} --member=${shellQuoted(shown)}`,
      },
    },
  };
}
