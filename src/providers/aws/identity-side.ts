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

// Remembered per role and action (and resource, when a policy's Resource element tells them apart): a role
// pulling 10,000 images asks its policies the same three questions. The caller is the role's, and a
// RoleFacts belongs to one set of facts, so the role and the request name the question.
const identitySides = new WeakMap<RoleFacts, { blind: boolean; byQuestion: Map<string, IdentitySide> }>();

export function identitySide(roleFacts: RoleFacts, request: Request): IdentitySide {
  let remembered = identitySides.get(roleFacts);
  if (!remembered) {
    const policies = roleFacts.boundary ? [...roleFacts.policies, roleFacts.boundary] : roleFacts.policies;
    const blind = policies.every((policy) => !policy.document || isResourceBlind(policy.document));
    identitySides.set(roleFacts, (remembered = { blind, byQuestion: new Map() }));
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
