// Policy-level answers built from statement matches: "does some statement allow/deny this request?"
import type { LocatedDocument } from '../../../core/config/document.ts';
import type { PolicyDocument, Statement } from './document.ts';
import { ACCEPT, matchStatement, type AcceptPrincipal, type PrincipalMatch, type Request } from './match.ts';
import type { Tri } from '../../../core/tri.ts';
import { activeTrace, type TraceSink } from '../../../core/trace.ts';
import { noStatementStep, policyStep, statementStep } from './statement-trace.ts';

/** A policy pullcheck knows of; `document` is undefined when its contents are not known. */
export interface KnownPolicy {
  /** Where it comes from, for reasons: an ARN, "inline policy #2 (iam/node.json)", "repository policy of …". */
  readonly label: string;
  readonly document: PolicyDocument | undefined;
  /** When the document is unknown: which fact is missing and how to give it. */
  readonly missingFact?: string;
  /** An AWS Organizations control policy: a service (SCP) or resource (RCP) control policy. */
  readonly control?: 'scp' | 'rcp';
  /** Where it is written, for `pullcheck explain`'s trace (a reference: nothing is located in a check). */
  readonly origin?: PolicyOrigin;
}

export interface PolicyOrigin {
  /** The layer of the evaluation, in IAM's words: "identity policy", "permissions boundary", "SCP", … */
  readonly layer: string;
  /**
   * The document as the config gave it (a file, an inline document) or live reads read it: where its
   * statements are written. Never located in a check (locating an inline one parses the config again).
   */
  readonly written?: LocatedDocument;
  /** The call live reads read this layer's documents with (`ecr:GetRepositoryPolicy`). */
  readonly call?: string;
  /** Live reads could not read it (`call` is the read that failed). */
  readonly unread?: true;
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
  acceptPrincipal: AcceptPrincipal = ACCEPT.any,
): Finding {
  const trace = activeTrace();
  if (trace) return tracedStatements(trace, policies, effect, request, acceptPrincipal);
  const hits: StatementHit[] = [];
  const unknownBecause: string[] = [];
  for (const policy of policies) {
    if (!policy.document) {
      unknownBecause.push(contentsUnknown(policy));
      continue;
    }
    const answer = answerOf(policy.document, effect, request, acceptPrincipal);
    for (const { statement, principal } of answer.hits) hits.push({ policy, statement, principal });
    for (const { statement, because } of answer.undecided) {
      unknownBecause.push(`${policy.label} ${describeStatement(statement)}: ${because}`);
    }
  }
  const result: Tri = hits.length > 0 ? 'yes' : unknownBecause.length > 0 ? 'unknown' : 'no';
  return { result, hits, unknownBecause };
}

/**
 * findStatements for `pullcheck explain`: every statement of `effect` matched afresh (no remembered answer)
 * and recorded, in the order IAM's documents list them.
 */
function tracedStatements(
  trace: TraceSink,
  policies: readonly KnownPolicy[],
  effect: 'Allow' | 'Deny',
  request: Request,
  accept: AcceptPrincipal,
): Finding {
  const hits: StatementHit[] = [];
  const unknownBecause: string[] = [];
  for (const policy of policies) {
    if (!policy.document) {
      const why = contentsUnknown(policy);
      unknownBecause.push(why);
      trace.step(policyStep(trace, policy, { effect, request, accept }, why));
      continue;
    }
    if (effect === 'Allow' && !policy.document.statements.some((statement) => statement.effect === effect))
      trace.step(noStatementStep(trace, policy, { effect, request, accept }));
    for (const statement of policy.document.statements) {
      if (statement.effect !== effect) continue;
      const match = matchStatement(statement, request, accept);
      trace.step(statementStep(trace, policy, statement, match, { effect, request, accept }));
      if (match.result === 'yes') hits.push({ policy, statement, principal: match.principal });
      else if (match.result === 'unknown')
        unknownBecause.push(
          `${policy.label} ${describeStatement(statement)}: ${match.unknownBecause ?? 'undecidable'}`,
        );
    }
  }
  const result: Tri = hits.length > 0 ? 'yes' : unknownBecause.length > 0 ? 'unknown' : 'no';
  return { result, hits, unknownBecause };
}

/** What one document's statements answer to one question. */
interface DocumentAnswer {
  readonly hits: readonly { readonly statement: Statement; readonly principal: PrincipalMatch }[];
  readonly undecided: readonly { readonly statement: Statement; readonly because: string }[];
}

// Answers are remembered per document: the nodes of ten roles pulling 10,000 images ask each role's
// policies the same few questions 10,000 times. A question is the caller, the action, the effect, the ways
// of naming the caller that count, and the resource only when a statement's Resource element can tell
// resources apart. Nested maps keyed by strings the request already holds: a hit allocates nothing.
interface CallerAnswers {
  /** What conditions and NotPrincipal see of the caller besides its ARN (checked on every hit). */
  readonly organizationId: string | undefined;
  readonly hasPermissionsBoundary: boolean;
  /** By action: one slot per effect and way of naming the caller. */
  readonly byAction: Map<string, (DocumentAnswer | Map<string, DocumentAnswer> | undefined)[]>;
}
const answers = new WeakMap<PolicyDocument, Map<string, CallerAnswers>>();
const resourceBlind = new WeakMap<PolicyDocument, boolean>();
const ACCEPT_SLOTS = new Map<AcceptPrincipal, number>(Object.values(ACCEPT).map((accept, i) => [accept, i]));

function answerOf(
  document: PolicyDocument,
  effect: 'Allow' | 'Deny',
  request: Request,
  accept: AcceptPrincipal,
): DocumentAnswer {
  const acceptSlot = ACCEPT_SLOTS.get(accept);
  if (acceptSlot === undefined) return answer(document, effect, request, accept); // an ad hoc question
  const { caller } = request;
  let byCaller = answers.get(document);
  if (!byCaller) answers.set(document, (byCaller = new Map()));
  let remembered = byCaller.get(caller.arn);
  if (
    !remembered ||
    remembered.organizationId !== caller.organizationId ||
    remembered.hasPermissionsBoundary !== caller.hasPermissionsBoundary
  ) {
    remembered = {
      organizationId: caller.organizationId,
      hasPermissionsBoundary: caller.hasPermissionsBoundary,
      byAction: new Map(),
    };
    byCaller.set(caller.arn, remembered);
  }
  let slots = remembered.byAction.get(request.action);
  if (!slots) remembered.byAction.set(request.action, (slots = []));
  const slot = (effect === 'Allow' ? 0 : ACCEPT_SLOTS.size) + acceptSlot;
  if (isResourceBlind(document))
    return (slots[slot] ??= answer(document, effect, request, accept)) as DocumentAnswer;
  const byResource = (slots[slot] ??= new Map()) as Map<string, DocumentAnswer>;
  let found = byResource.get(request.resource);
  if (!found) byResource.set(request.resource, (found = answer(document, effect, request, accept)));
  return found;
}

/** No statement's Resource element tells one resource from another: the answers hold for every resource. */
export function isResourceBlind(document: PolicyDocument): boolean {
  let blind = resourceBlind.get(document);
  if (blind === undefined)
    resourceBlind.set(document, (blind = document.statements.every(matchesAnyResource)));
  return blind;
}

function matchesAnyResource(statement: Statement): boolean {
  const resources = statement.resources;
  return !resources || (!resources.negated && resources.patterns.includes('*'));
}

function answer(
  document: PolicyDocument,
  effect: 'Allow' | 'Deny',
  request: Request,
  accept: AcceptPrincipal,
): DocumentAnswer {
  const hits: { statement: Statement; principal: PrincipalMatch }[] = [];
  const undecided: { statement: Statement; because: string }[] = [];
  for (const statement of document.statements) {
    if (statement.effect !== effect) continue;
    const match = matchStatement(statement, request, accept);
    if (match.result === 'yes') hits.push({ statement, principal: match.principal });
    else if (match.result === 'unknown')
      undecided.push({ statement, because: match.unknownBecause ?? 'undecidable' });
  }
  return { hits, undecided };
}

/** Why a policy whose document is not known decides nothing, naming the fact that would tell. */
export function contentsUnknown(policy: KnownPolicy): string {
  return `${policy.label}: contents unknown${policy.missingFact ? ` (${policy.missingFact})` : ''}`;
}

export function describeStatement(statement: Statement): string {
  return statement.sid ? `statement "${statement.sid}"` : `statement #${statement.index}`;
}
