// The session length a login asks for: AssumeRoleWithWebIdentity takes DurationSeconds from 900 up to the
// role's MaxSessionDuration, which is 1 to 12 hours (1 hour unless raised); STS refuses a longer one with
// "The requested DurationSeconds exceeds the MaxSessionDuration set for this role" (STS API Reference,
// AssumeRoleWithWebIdentity: DurationSeconds). configure-aws-credentials asks 1 hour for an OIDC login
// unless `role-duration-seconds` says otherwise (its README, "Session duration").
import type { Tri } from '../../../core/tri.ts';
import type { MissingGrant } from '../../../core/verdict.ts';

const MIN = 900;
const ALWAYS_ALLOWED = 3600;
const MAX = 43200;

export interface DurationCheck {
  readonly result: Tri;
  readonly reasons: readonly string[];
  readonly fix?: MissingGrant;
}

export function sessionDurationCheck(written: string | undefined, roleArn: string): DurationCheck {
  if (written === undefined || written === '') return { result: 'yes', reasons: [] };
  if (!/^\d+$/.test(written.trim())) {
    return {
      result: 'unknown',
      reasons: [
        `unknown: role-duration-seconds is ${written}, not a number pullcheck can read: STS refuses a session longer than the role's MaxSessionDuration`,
      ],
    };
  }
  const seconds = Number(written.trim());
  if (seconds >= MIN && seconds <= ALWAYS_ALLOWED) return { result: 'yes', reasons: [] };
  if (seconds > ALWAYS_ALLOWED && seconds <= MAX) {
    return {
      result: 'unknown',
      reasons: [
        `unknown: role-duration-seconds ${seconds} is more than an hour: STS accepts it only if the MaxSessionDuration of ${roleArn} is at least that, which the facts do not give (aws iam get-role --role-name ${roleArn.split('/').pop()} --query Role.MaxSessionDuration)`,
      ],
    };
  }
  return {
    result: 'no',
    reasons: [
      `role-duration-seconds ${seconds} is outside what STS takes (${MIN} to at most ${MAX} seconds, and no more than the role's MaxSessionDuration)`,
    ],
    fix: {
      side: 'trust',
      permissions: ['sts:AssumeRoleWithWebIdentity'],
      fix: {
        text: `Ask for a session between ${MIN} and ${ALWAYS_ALLOWED} seconds in role-duration-seconds (or raise the MaxSessionDuration of ${roleArn} and stay within it, ${MAX} at most).`,
        snippets: {},
      },
    },
  };
}
