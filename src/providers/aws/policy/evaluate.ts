// Policy-level answers built from statement matches: "does some statement allow/deny this request?"
import type { PolicyDocument, Statement } from './document.ts';
import { matchStatement, type AcceptPrincipal, type PrincipalMatch, type Request } from './match.ts';
import type { Tri } from '../../../core/tri.ts';

/** A policy pullcheck knows of; `document` is undefined when its contents are not known. */
export interface KnownPolicy {
  /** Where it comes from, for reasons: an ARN, "inline policy #2 (iam/node.json)", "repository policy of …". */
  readonly label: string;
  readonly document: PolicyDocument | undefined;
  /** When the document is unknown: which fact is missing and how to give it. */
  readonly missingFact?: string;
}

export interface StatementHit {
  readonly policy: KnownPolicy;
  readonly statement: Statement;
  readonly principal: PrincipalMatch;
}

export interface Finding {
  readonly result: Tri;
  /** Statements that answered yes. */
  readonly hits: readonly StatementHit[];
  /** Why some statement (or whole policy) could not be decided. */
  readonly unknownBecause: readonly string[];
}

export const NO: Finding = { result: 'no', hits: [], unknownBecause: [] };

/**
 * Is there a statement of `effect` that applies to the request? `acceptPrincipal` narrows which ways of
 * naming the caller count (resource policies); identity policies have no principal element.
 */
export function findStatements(
  policies: readonly KnownPolicy[],
  effect: 'Allow' | 'Deny',
  request: Request,
  acceptPrincipal: AcceptPrincipal = () => true,
): Finding {
  const hits: StatementHit[] = [];
  const unknownBecause: string[] = [];
  for (const policy of policies) {
    if (!policy.document) {
      unknownBecause.push(
        `${policy.label}: contents unknown${policy.missingFact ? ` (${policy.missingFact})` : ''}`,
      );
      continue;
    }
    for (const statement of policy.document.statements) {
      if (statement.effect !== effect) continue;
      const match = matchStatement(statement, request, acceptPrincipal);
      if (match.result === 'no') continue;
      if (match.result === 'yes') {
        hits.push({ policy, statement, principal: match.principal });
      } else {
        unknownBecause.push(
          `${policy.label} ${describeStatement(statement)}: ${match.unknownBecause ?? 'undecidable'}`,
        );
      }
    }
  }
  const result: Tri = hits.length > 0 ? 'yes' : unknownBecause.length > 0 ? 'unknown' : 'no';
  return { result, hits, unknownBecause };
}

export function describeStatement(statement: Statement): string {
  return statement.sid ? `statement "${statement.sid}"` : `statement #${statement.index}`;
}
