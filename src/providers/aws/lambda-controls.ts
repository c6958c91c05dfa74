// RCPs on a Lambda pull. The Lambda service pulls as lambda.amazonaws.com: SCPs restrict only the IAM users and
// roles of member accounts (AWS Organizations User Guide, "Service control policies (SCPs)"), so they never
// reach it; RCPs restrict access to the repository's account whoever asks, AWS service principals included —
// which is why the data-perimeter RCPs exempt services with aws:PrincipalIsAWSService ("Resource control
// policies (RCPs)", examples).
import type { MissingGrant, Verdict } from '../../core/verdict.ts';
import { PULL_ACTIONS } from './ecr-actions.ts';
import { controlNote } from './control-reasons.ts';
import { anyOf, serviceControlDeny } from './control-policies.ts';
import type { AccountControl } from './organization-facts.ts';
import { describeStatement, type Finding } from './policy/evaluate.ts';
import type { ServiceRequest } from './policy/service-match.ts';

const SERVICE = 'lambda.amazonaws.com';

/** The RCP Denies of the repository's account on both pull actions. */
export function lambdaControlDeny(
  control: AccountControl | undefined,
  requestFor: (action: string) => ServiceRequest,
): Finding {
  return anyOf(PULL_ACTIONS.map((action) => serviceControlDeny(control, requestFor(action))));
}

/** What the reasons say of SCPs and RCPs on a Lambda pull. */
export function lambdaControlNotes(account: string, control: AccountControl | undefined): string[] {
  return [`SCPs do not restrict the service principal ${SERVICE}`, controlNote('RCPs', account, control)];
}

/** An RCP Deny refuses the pull: the statement, and how to let AWS services through. */
export function deniedByControl(deny: Finding, account: string): Verdict {
  const statements = [
    ...new Map(
      deny.hits.map((hit) => [`${hit.policy.label} ${describeStatement(hit.statement)}`, hit.statement]),
    ),
  ];
  const missing: MissingGrant[] = statements.map(([where, statement]) => ({
    side: 'resource',
    permissions: PULL_ACTIONS,
    explicitDeny: true,
    fix: {
      text:
        `${where} explicitly denies ${SERVICE} ${PULL_ACTIONS.join(', ')} on the repositories of account ${account}; an explicit Deny overrides every Allow:` +
        ` narrow it (for example exempt AWS services with "BoolIfExists": {"aws:PrincipalIsAWSService": "false"}) or detach it (aws organizations, from the management account).`,
      snippets: { json: JSON.stringify(statement.raw, null, 2) },
    },
  }));
  return {
    verdict: 'denied',
    reasons: [
      `${statements.map(([where]) => where).join(', ')} explicitly denies ${SERVICE} ${PULL_ACTIONS.join(', ')}: an explicit Deny in an RCP overrides every Allow`,
    ],
    missing,
  };
}
