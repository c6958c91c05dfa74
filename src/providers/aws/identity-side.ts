// What a role's own policies and permissions boundary say about one action of a pull, remembered per role.
import type { RoleFacts } from './facts.ts';
import { findStatements, isResourceBlind, NO, type Finding } from './policy/evaluate.ts';
import type { Request } from './policy/match.ts';

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
  if (!side) {
    const boundary = roleFacts.boundary ? [roleFacts.boundary] : [];
    side = {
      identityAllow: findStatements(roleFacts.policies, 'Allow', request),
      identityDeny: findStatements(roleFacts.policies, 'Deny', request),
      boundaryAllow: roleFacts.boundary
        ? findStatements(boundary, 'Allow', request)
        : { ...NO, result: 'yes' },
      boundaryDeny: findStatements(boundary, 'Deny', request),
    };
    remembered.byQuestion.set(key, side);
  }
  return side;
}
