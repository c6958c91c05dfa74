// Will google-github-actions/auth log this job in for this event? First the provider must admit the token
// (./admission.ts); then, through a service account, the pool identity needs iam.serviceAccounts.getAccessToken
// on it (roles/iam.workloadIdentityUser; auth's README: token_format id_token needs getOpenIdToken, and
// access_token_subject, domain-wide delegation, roles/iam.serviceAccountTokenCreator for signJwt). Without
// `service_account` (direct workload identity federation) the job is the federated principal itself and
// auth refuses token_format. The auth step alone only exchanges the token; impersonation happens at the first
// use (or at once with token_format), so a missing binding fails the push, not the step: both are this verdict.
import type { LoginQuestion, LoginVerdict } from '../../../core/ci-path.ts';
import type { MissingGrant } from '../../../core/verdict.ts';
import { serviceAccountResource, type GcpFacts } from '../facts.ts';
import { evaluateIamGrant } from '../iam-grant.ts';
import { serviceAccountProject } from '../service-account-project.ts';
import { SERVICE_ACCOUNT } from '../index.ts';
import { admit } from './admission.ts';
import { breadthWarnings } from './breadth.ts';
import { federatedMemberTest, federatedPrincipal, type FederatedIdentity } from './federated.ts';
import { impersonationFix, memberFor, trustFix } from './login-fixes.ts';
import type { ProviderFact } from './providers.ts';

export interface LoginFacts {
  readonly facts: GcpFacts;
  readonly providers: ReadonlyMap<string, ProviderFact>;
  /** Federated principals given by decided logins, for the pushes checked for them. */
  readonly identities: Map<string, FederatedIdentity[]>;
}

const GET_ACCESS_TOKEN = 'iam.serviceAccounts.getAccessToken';

export function decideGoogleLogin(question: LoginQuestion, context: LoginFacts): LoginVerdict | undefined {
  const { login, token } = question;
  if (login.provider !== 'gcp') return undefined;
  const event = `for ${token.trigger} (event ${token.event})`;
  const provider = context.providers.get(login.identity);
  if (!provider || 'unreadable' in provider) {
    const why = provider
      ? `could not be read: ${provider.unreadable}`
      : 'is not in facts.gcp.workloadIdentityProviders: add it (gcloud iam workload-identity-pools providers describe PROVIDER --workload-identity-pool=POOL --location=global --project=NUMBER --format=json), or let live reads read it';
    return {
      verdict: 'unknown',
      reasons: [`unknown: the workload identity provider ${login.identity} ${why}`],
      missing: [],
    };
  }
  const admission = admit(provider, login, token);
  const reasons = [`${login.identity} ${event}`, ...admission.reasons];
  if (admission.result === 'no') {
    return {
      verdict: 'denied',
      reasons,
      missing: [trustFix(admission.refusedAt!, provider, login, token)],
    };
  }
  const identity = admission.identity!;
  const unknownBecause = [...admission.unknownBecause];
  const email = login.with['service_account'];
  const grant = email ? impersonation(email, login.with, identity, token, context.facts) : direct(login.with);
  reasons.push(...grant.reasons);
  const warnings = breadthWarnings(provider, login, token, context.facts);
  const principal = email ? `${SERVICE_ACCOUNT}${email}` : federatedPrincipal(identity);
  if (!email) context.identities.set(principal, [...(context.identities.get(principal) ?? []), identity]);
  const common = { principal, ...(warnings.length > 0 ? { warnings } : {}) };
  if (grant.missing.length > 0) return { verdict: 'denied', reasons, missing: grant.missing, ...common };
  unknownBecause.push(...grant.unknownBecause);
  if (unknownBecause.length > 0) {
    return {
      verdict: 'unknown',
      reasons: [...reasons, ...unknownBecause.map((why) => `unknown: ${why}`)],
      missing: [],
      ...common,
    };
  }
  return { verdict: 'allowed', reasons, missing: [], ...common };
}

interface GrantOutcome {
  readonly reasons: readonly string[];
  readonly missing: readonly MissingGrant[];
  readonly unknownBecause: readonly string[];
}

function direct(given: Readonly<Record<string, string>>): GrantOutcome {
  if (given['token_format']) {
    return {
      reasons: [
        `token_format ${given['token_format']} needs service_account: google-github-actions/auth fails without one`,
      ],
      missing: [
        {
          side: 'identity',
          permissions: [GET_ACCESS_TOKEN],
          fix: {
            text: 'Give the step `service_account` (its pool identity bound to roles/iam.workloadIdentityUser on it), or drop token_format.',
            snippets: {},
          },
        },
      ],
      unknownBecause: [],
    };
  }
  return {
    reasons: [
      'direct workload identity federation: the job acts as the federated principal (no service account)',
    ],
    missing: [],
    unknownBecause: [],
  };
}

function impersonation(
  email: string,
  given: Readonly<Record<string, string>>,
  identity: FederatedIdentity,
  token: LoginQuestion['token'],
  facts: GcpFacts,
): GrantOutcome {
  const needs: { permission: string; role: string }[] = [
    { permission: GET_ACCESS_TOKEN, role: 'roles/iam.workloadIdentityUser' },
  ];
  if (given['token_format'] === 'id_token') {
    needs.push({ permission: 'iam.serviceAccounts.getOpenIdToken', role: 'roles/iam.workloadIdentityUser' });
  }
  if (given['access_token_subject']) {
    needs.push({ permission: 'iam.serviceAccounts.signJwt', role: 'roles/iam.serviceAccountTokenCreator' });
  }
  const project = serviceAccountProject(email, facts)?.id ?? '-';
  const test = federatedMemberTest([identity]);
  const reasons: string[] = [];
  const missing: MissingGrant[] = [];
  const unknownBecause: string[] = [];
  for (const { permission, role } of needs) {
    const resource = { kind: 'serviceAccount', name: serviceAccountResource(email), project, permission };
    const grant = evaluateIamGrant(resource, test, facts);
    if (grant.result === 'yes')
      reasons.push(`${permission} on ${email} granted by ${grant.grantedBy.join('; ')}`);
    else if (grant.result === 'no') {
      reasons.push(
        `no binding on the service account ${email}, its project or their ancestors grants ${permission} to this token's identity`,
      );
      missing.push(impersonationFix(email, role, [permission], memberFor(identity, token)));
    } else unknownBecause.push(...grant.unknownBecause);
    reasons.push(...grant.assumed);
  }
  reasons.push(
    `deny policies and principal access boundaries over ${email}'s ${GET_ACCESS_TOKEN} are not checked for federated principals: taken as absent`,
  );
  return { reasons: [...new Set(reasons)], missing, unknownBecause };
}
