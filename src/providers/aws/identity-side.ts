// What a role's own policies and permissions boundary say about one action of a pull, remembered per role.
import type { RoleFacts } from './facts.ts';
import { findStatements, isResourceBlind, NO, type Finding } from './policy/evaluate.ts';
import type { Request } from './policy/match.ts';
import { activeTrace } from '../../core/trace.ts';
import { requestQuestion } from './policy/statement-trace.ts';

/** What the role's own policies and boundary say about one action. */
export interface IdentitySide {
  readonly identityAllow: Finding;
  readonly identityDeny: Finding;
  readonly boundaryAllow: Finding;
  readonly boundaryDeny: Finding;
}

// Remembered per role, caller ARN and action (and resource, when a policy's Resource element tells them
// apart): a role pulling 10,000 images asks its policies the same three questions. The caller ARN is as the
// target spells it (roles are found case-insensitively, aws:PrincipalArn compares case-sensitively); the rest
// of the caller (organization, boundary) follows from the role's account and facts, which a RoleFacts
// belongs to.
const identitySides = new WeakMap<
  RoleFacts,
  Map<string, { blind: boolean; byQuestion: Map<string, IdentitySide> }>
>();

export function identitySide(roleFacts: RoleFacts, request: Request): IdentitySide {
  // Explain's trace records every statement asked: nothing remembered answers for it.
  if (activeTrace()) return sideOf(roleFacts, request);
  let byCaller = identitySides.get(roleFacts);
  if (!byCaller) identitySides.set(roleFacts, (byCaller = new Map()));
  let remembered = byCaller.get(request.caller.arn);
  if (!remembered) {
    const policies = roleFacts.boundary ? [...roleFacts.policies, roleFacts.boundary] : roleFacts.policies;
    const blind = policies.every((policy) => !policy.document || isResourceBlind(policy.document));
    byCaller.set(request.caller.arn, (remembered = { blind, byQuestion: new Map() }));
  }
  const key = remembered.blind ? request.action : `${request.action} ${request.resource}`;
  let side = remembered.byQuestion.get(key);
  if (!side) remembered.byQuestion.set(key, (side = sideOf(roleFacts, request)));
  return side;
}

function sideOf(roleFacts: RoleFacts, request: Request): IdentitySide {
  const boundary = roleFacts.boundary ? [roleFacts.boundary] : [];
  return {
    identityAllow: findStatements(roleFacts.policies, 'Allow', request),
    identityDeny: findStatements(roleFacts.policies, 'Deny', request),
    boundaryAllow: roleFacts.boundary ? findStatements(boundary, 'Allow', request) : noBoundary(request),
    boundaryDeny: findStatements(boundary, 'Deny', request),
  };
}

/** Without a permissions boundary, the role's policies alone decide (the trace says so). */
function noBoundary(request: Request): Finding {
  activeTrace()?.step({
    layer: 'permissions boundary',
    subject: 'none',
    source: { label: `the role ${request.caller.arn}` },
    outcome: 'skipped',
    detail: 'the role has no permissions boundary: its identity policies are not capped',
    question: requestQuestion(request),
  });
  return { ...NO, result: 'yes' };
}
