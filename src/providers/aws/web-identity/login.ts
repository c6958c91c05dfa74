// Whether a workflow job's GitHub OIDC token logs in to an IAM role (aws-actions/configure-aws-credentials
// with role-to-assume): the role's trust policy must let the token call sts:AssumeRoleWithWebIdentity, and the
// account's IAM OIDC provider for the issuer must exist and list the token's audience among its client IDs.
// Sources: IAM User Guide, "Create an OpenID Connect (OIDC) identity provider in IAM" and "Create a role for
// OpenID Connect federation"; GitHub Docs, "Configuring OpenID Connect in Amazon Web Services".
import type { LoginQuestion, LoginVerdict } from '../../../core/ci-path.ts';
import type { MissingGrant } from '../../../core/verdict.ts';
import { parseRoleArn, type RoleArn } from '../arn.ts';
import type { AwsFacts, RoleFacts } from '../facts.ts';
import { contentsUnknown } from '../policy/evaluate.ts';
import {
  DEFAULT_AUDIENCE,
  DEFAULT_SESSION_NAME,
  describeClaim,
  GITHUB_ISSUER,
  type TokenContext,
} from './keys.ts';
import { evaluateTrust } from './trust.ts';
import { trustReasons } from './trust-reasons.ts';
import { trustFix } from './trust-fix.ts';
import { providerCheck } from './provider-check.ts';
import { sessionDurationCheck } from './session-duration.ts';
import { broadTrustWarnings } from './warnings.ts';

export function decideAwsLogin(question: LoginQuestion, facts: AwsFacts): LoginVerdict | undefined {
  const { login, token } = question;
  if (login.provider !== 'aws') return undefined;
  const role = parseRoleArn(login.identity);
  if (!role) return unknownLogin([`${login.identity} is not an IAM role ARN (role-to-assume)`]);
  const context = tokenContext(question, role);
  const roleFacts = facts.roles.get(role.arn.toLowerCase());
  const trust = trustPolicyOf(role, roleFacts);
  // The job pushes as the role whatever this token's fate: its pushes are checked for it all the same.
  const principal = role.arn;
  if ('unknown' in trust) return { ...unknownLogin([`${token.trigger}: ${trust.unknown}`]), principal };
  const answer = evaluateTrust(trust.document, context);
  const provider = providerCheck(context, facts);
  const duration = sessionDurationCheck(login.with['role-duration-seconds'], role.arn);
  const reasons = [
    `${token.trigger}: the token presents ${describeClaim('sub', token.claims['sub'])}, ${describeClaim('aud', context.audience)}`,
    ...trustReasons(answer, context, trust.label),
    ...provider.reasons,
    ...duration.reasons,
  ];
  const missing: MissingGrant[] = [];
  if (answer.result === 'no') missing.push(trustFix(answer, context, role, trust.raw));
  if (provider.result === 'no' && provider.fix) missing.push(provider.fix);
  if (duration.fix) missing.push(duration.fix);
  if (missing.length > 0) return { verdict: 'denied', reasons, missing, principal };
  if ([answer.result, provider.result, duration.result].includes('unknown'))
    return { verdict: 'unknown', reasons, missing: [], principal };
  const warnings = broadTrustWarnings(answer, context);
  return {
    verdict: 'allowed',
    reasons,
    missing: [],
    principal,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

function tokenContext(question: LoginQuestion, role: RoleArn): TokenContext {
  const { login, token } = question;
  const iss = token.claims['iss'];
  const issuer =
    iss && 'value' in iss ? iss.value.replace(/^https:\/\//, '').replace(/\/$/, '') : GITHUB_ISSUER;
  const audience = token.claims['aud'] ?? { value: login.with['audience'] || DEFAULT_AUDIENCE };
  return {
    issuer,
    providerArn: `arn:${role.partition}:iam::${role.account}:oidc-provider/${issuer}`,
    audience,
    sessionName: login.with['role-session-name'] || DEFAULT_SESSION_NAME,
    token,
  };
}

type TrustPolicy =
  | {
      readonly document: NonNullable<RoleFacts['policies'][number]['document']>;
      readonly label: string;
      readonly raw: Readonly<Record<string, unknown>>;
    }
  | { readonly unknown: string };

function trustPolicyOf(role: RoleArn, roleFacts: RoleFacts | undefined): TrustPolicy {
  const read = `aws iam get-role --role-name ${role.name} --query Role.AssumeRolePolicyDocument; live reads need iam:GetRole on it`;
  if (!roleFacts)
    return {
      unknown: `role ${role.arn} is not in facts.aws.roles: add it with its trustPolicy (${read})`,
    };
  const policy = roleFacts.trustPolicy;
  if (!policy)
    return {
      unknown: `the trust policy of ${role.arn} is not given: add facts.aws.roles[].trustPolicy (${read})`,
    };
  if (!policy.document) return { unknown: contentsUnknown(policy) };
  return { document: policy.document, label: policy.label, raw: policy.document.raw };
}

function unknownLogin(reasons: string[]): LoginVerdict {
  return { verdict: 'unknown', reasons, missing: [] };
}
