// The CI path in SARIF: a login that would be refused, or a push that would be, is a result at the step
// that logs in; undecided ones are warnings. Allowed rows are not results.
import { createHash } from 'node:crypto';
import type { ReportingDescriptor, Result } from 'sarif';
import type { CiResult } from '../core/ci-path.ts';
import { ciRowTitle } from './ci-text.ts';
import { unknownReasons } from './labels.ts';
import { location, pullRule } from './sarif-parts.ts';

export const CI_RULES: readonly ReportingDescriptor[] = [
  pullRule(
    'login-denied',
    'CiLoginDenied',
    "A workflow job's OIDC login would be refused",
    'The trust policy or workload identity provider does not accept the token this job presents for this event: the step would fail before any push. The message names the claim, the condition and the fix.',
    'error',
  ),
  pullRule(
    'login-unknown',
    'CiLoginUndecided',
    "Whether a workflow job's OIDC login works is unknown",
    'A fact needed to decide is missing; the message names it and how to supply it.',
    'warning',
  ),
  pullRule(
    'push-denied',
    'PushDenied',
    'A workflow job cannot push an image it pushes',
    'The identity the job logs in as lacks a push permission, or an explicit Deny blocks it. The message names each missing grant and its fix.',
    'error',
  ),
  pullRule(
    'push-unknown',
    'PushUndecided',
    'Whether a workflow job can push an image is unknown',
    'A fact needed to decide is missing; the message names it and how to supply it.',
    'warning',
  ),
];

export function ciResult(row: CiResult): Result {
  const denied = row.verdict === 'denied';
  const why = denied
    ? row.missing.map(
        (grant) =>
          `${grant.explicitDeny ? 'explicitly denied' : 'missing'} on the ${grant.side} side: ${grant.permissions.join(', ')}. Fix: ${grant.fix.text}`,
      )
    : unknownReasons(row);
  return {
    ruleId: `${row.kind}-${denied ? 'denied' : 'unknown'}`,
    level: denied ? 'error' : 'warning',
    message: { text: `${ciRowTitle(row)}: ${row.verdict}: ${why.join(' ')}` },
    ...(row.source ? { locations: [location(row.source)] } : {}),
    // One alert per job, step and identity across runs, whatever the wording or line.
    partialFingerprints: {
      'pullcheck/ci/v1': createHash('sha256')
        .update(
          [
            row.kind,
            row.job,
            row.trigger ?? '',
            (row.image ?? '').replace(/[:@][^/]*$/, ''),
            row.identity,
          ].join('\n'),
        )
        .digest('hex'),
    },
    properties: {
      verdict: row.verdict,
      kind: row.kind,
      job: row.job,
      identity: row.identity,
      ...(row.trigger ? { trigger: row.trigger } : {}),
      ...(row.image ? { image: row.image } : {}),
    },
  };
}
