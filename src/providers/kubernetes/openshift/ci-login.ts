// A workflow's OpenShift login (issue 18) and the user it pushes as. redhat-actions/oc-login runs `oc login`
// with a token (openshift_token) or a user name and password (openshift_username, openshift_password), nearly
// always from secrets; pullcheck's own login takes openshift-token, or presents GitHub's ID token. Whose
// token a secret holds is not knowable offline: facts.kubernetes.ciLogins names it, by the secret.
import type { LoadedConfig } from '../../../core/config/load.ts';
import type { LoginQuestion, LoginVerdict } from '../../../core/ci-path.ts';
import { ConfigError, formatLocation } from '../../../core/errors.ts';
import { OPENSHIFT_USER } from '../index.ts';
import { serviceAccountUser } from '../rbac/authorize.ts';
import type { Pusher } from './push-rule.ts';

export interface CiLoginFact {
  readonly secret: string;
  readonly user: string;
  readonly groups?: readonly string[];
  /** Where it was written (file:line:column). */
  readonly origin: string;
}

const SERVICE_ACCOUNT_USER = /^system:serviceaccount:([^:]+):([^:]+)$/;
const SECRET = /\bsecrets\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_]*)|\[\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*\])/;
const HOW_TO_STATE = (secret: string) =>
  `run \`oc whoami\` with that token and state it: facts.kubernetes.ciLogins: [{secret: ${secret}, user: <oc whoami>}] (system:serviceaccount:NAMESPACE:NAME for a service account token)`;

export function ciLoginFacts(config: LoadedConfig): CiLoginFact[] {
  return (config.input.facts?.kubernetes?.ciLogins ?? []).map((entry, i) => {
    if (entry.user.startsWith('system:serviceaccount:') && !SERVICE_ACCOUNT_USER.test(entry.user)) {
      throw new ConfigError({
        where: config.locate(['facts', 'kubernetes', 'ciLogins', i, 'user']),
        message: `a service account's user name is system:serviceaccount:NAMESPACE:NAME, got ${entry.user}`,
      });
    }
    return { ...entry, origin: formatLocation(config.locate(['facts', 'kubernetes', 'ciLogins', i])) };
  });
}

/** The principal a stated login gives: the service account's user name, or openshift-user:NAME. */
export function principalOf(user: string): string {
  return SERVICE_ACCOUNT_USER.test(user) ? user : `${OPENSHIFT_USER}${user}`;
}

/** The user the registry reviews for a principal of this provider; undefined when it is not one. */
export function pusherOf(principal: string, facts: readonly CiLoginFact[]): Pusher | undefined {
  const account = SERVICE_ACCOUNT_USER.exec(principal);
  if (account) {
    return { ...serviceAccountUser(account[1]!, account[2]!), principal, groupsComplete: true };
  }
  if (!principal.startsWith(OPENSHIFT_USER)) return undefined;
  const user = principal.slice(OPENSHIFT_USER.length);
  const stated = facts.filter((fact) => fact.user === user && fact.groups !== undefined);
  const groups = stated.flatMap((fact) => fact.groups ?? []);
  return {
    user,
    groups: [...new Set(['system:authenticated', ...groups])],
    principal,
    groupsComplete: stated.length > 0,
  };
}

export function decideOpenShiftLogin(
  question: LoginQuestion,
  facts: readonly CiLoginFact[],
): LoginVerdict | undefined {
  const { login } = question;
  if (login.provider !== 'openshift') return undefined;
  // The step's own inputs (oc-login's, or pullcheck's), not this action's.
  const step = login.with;
  const token = step['openshift_token'] ?? step['openshift-token'];
  const password = step['openshift_password'];
  if (token === undefined && password === undefined) return federatedLogin(question);
  const what = token !== undefined ? 'a token' : `the password of ${step['openshift_username'] ?? 'a user'}`;
  const match = SECRET.exec(token ?? password ?? '');
  const secret = match?.[1] ?? match?.[2];
  if (secret === undefined) {
    // Never echo the value: a token written in the workflow is itself a secret.
    return unknownLogin([
      `unknown: the OpenShift login (${login.identity}) uses ${what} not read from a GitHub secret (secrets.NAME), so whose it is cannot be named offline: keep it in a secret and ${HOW_TO_STATE('NAME')}`,
    ]);
  }
  const fact = facts.find((entry) => entry.secret === secret);
  if (!fact) {
    return unknownLogin([
      `unknown: the OpenShift login (${login.identity}) uses ${what} from secrets.${secret}; whose it is cannot be known offline: ${HOW_TO_STATE(secret)}`,
    ]);
  }
  return {
    verdict: 'allowed',
    reasons: [
      `secrets.${secret} logs in as ${fact.user} (facts.kubernetes.ciLogins, ${fact.origin}); the credential itself (valid, not expired) cannot be checked offline`,
    ],
    missing: [],
    principal: principalOf(fact.user),
  };
}

/**
 * pullcheck's own login without openshift-token presents GitHub's ID token to the cluster as a bearer token.
 * The built-in OAuth server does not take it; only a cluster switched to direct authentication with an external
 * OIDC provider whose issuer is GitHub's would, and that configuration (Authentication `cluster`, spec.type
 * OIDC, spec.oidcProviders: one provider at most, and the claim it maps to a user name) is cluster-admin's to
 * read — OKD docs, "Enabling direct authentication with an external OIDC identity provider".
 */
function federatedLogin(question: LoginQuestion): LoginVerdict {
  const audience = question.login.with['audience'] ?? 'openshift';
  const sub = question.token.claims['sub'];
  const subject = sub && 'value' in sub ? ` (its sub claim: ${sub.value})` : '';
  return unknownLogin([
    `unknown: the OpenShift login (${question.login.identity}) presents GitHub's ID token (audience ${audience})${subject} as its bearer token: the cluster accepts it only if its Authentication resource uses direct OIDC authentication with GitHub's issuer https://token.actions.githubusercontent.com and that audience, and which user name its claim mappings give decides what it may push; neither is readable without cluster-admin (oc get authentication.config.openshift.io cluster -o yaml): log in with a service account token instead (openshift-token from a secret, named in facts.kubernetes.ciLogins)`,
  ]);
}

function unknownLogin(reasons: readonly string[]): LoginVerdict {
  return { verdict: 'unknown', reasons, missing: [] };
}
