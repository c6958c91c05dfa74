// Whether a workload identity pool provider admits a predicted GitHub token: the provider and pool active, the
// issuer GitHub's, the token's audience allowed, the attribute mapping giving a string subject, and the
// attribute condition true. Sources: IAM v1 WorkloadIdentityPoolProvider reference (oidc.allowedAudiences:
// "If empty, the OIDC token audience must be equal to the full canonical resource name of the provider, with or
// without the HTTPS prefix"; attributeMapping: google.subject required, at most 127 bytes); google-github-actions/auth
// src/main.ts (the token's audience defaults to https://iam.googleapis.com/ + workload_identity_provider).
import type { Claim, CiLogin, PredictedToken } from '../../../core/ci-path.ts';
import type { Tri } from '../../../core/tri.ts';
import { evaluateCel, type CelScope } from './cel-eval.ts';
import { celText, type CelNode } from './cel-parse.ts';
import { whyUnknown, type CelValue } from './cel-values.ts';
import { poolOf, type FederatedIdentity } from './federated.ts';
import type { PreparedProvider } from './providers.ts';

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

export type AdmissionStep = 'state' | 'issuer' | 'audience' | 'mapping' | 'condition';

export interface Admission {
  readonly result: Tri;
  readonly reasons: readonly string[];
  /** For `no`: what refuses the token. */
  readonly refusedAt?: AdmissionStep;
  /** For `unknown`: why. */
  readonly unknownBecause: readonly string[];
  /** The identity the token becomes when admitted (or might be). */
  readonly identity?: FederatedIdentity;
}

/** The audience google-github-actions/auth asks GitHub for: its `audience` input, else the provider's URL. */
export function tokenAudience(login: CiLogin): string {
  return login.with['audience'] || `https://iam.googleapis.com/${login.identity}`;
}

export function admit(provider: PreparedProvider, login: CiLogin, token: PredictedToken): Admission {
  const refused = (refusedAt: AdmissionStep, reason: string): Admission => ({
    result: 'no',
    reasons: [reason],
    refusedAt,
    unknownBecause: [],
  });
  if (provider.inactive) return refused('state', `${provider.inactive}: no token is exchanged through it`);
  const reasons: string[] = [];
  const audience = tokenAudience(login);
  const gate = issuerAndAudience(provider, audience);
  if ('refused' in gate) return refused(gate.step, gate.refused);
  reasons.push(...gate.reasons);
  if (!provider.poolKnown)
    reasons.push(`the state of its pool ${poolOf(provider.name)} is not given (pool): taken as active`);
  const scope: CelScope = {
    assertion: { iss: { value: GITHUB_ISSUER }, ...token.claims, aud: { value: audience } },
  };
  const mapped = mapAttributes(provider, scope);
  if ('refused' in mapped) return refused('mapping', mapped.refused);
  const identity: FederatedIdentity = {
    pool: poolOf(provider.name),
    subject: mapped.google.get('subject')!,
    attributes: mapped.attributes,
    ...(mapped.google.has('groups') ? { groups: mapped.google.get('groups')! } : {}),
  };
  const unknownBecause = [...mapped.unknownBecause];
  if (!provider.condition) {
    reasons.push(
      'the provider has no attribute condition: it admits every token GitHub issues, from any repository',
    );
    return { result: unknownBecause.length > 0 ? 'unknown' : 'yes', reasons, unknownBecause, identity };
  }
  const full: CelScope = { ...scope, attribute: mapped.attributes, google: mapped.google };
  const condition = evaluateCel(provider.condition.node, full);
  const values = describeReferences(provider.condition.node, full);
  if (condition.k === 'bool' && condition.value === 'yes') {
    reasons.push(`the attribute condition ${provider.condition.text} holds${values}`);
  } else if (condition.k === 'error' || (condition.k === 'bool' && condition.value === 'no')) {
    const why = condition.k === 'error' ? ` (${condition.why})` : '';
    return refused('condition', `the attribute condition ${provider.condition.text} is false${values}${why}`);
  } else {
    unknownBecause.push(
      `the attribute condition ${provider.condition.text} is undecided${values}: ${[...whyUnknown(condition)].join('; ') || 'it does not give a boolean'}`,
    );
  }
  return { result: unknownBecause.length > 0 ? 'unknown' : 'yes', reasons, unknownBecause, identity };
}

function issuerAndAudience(
  provider: PreparedProvider,
  audience: string,
): { reasons: string[] } | { step: AdmissionStep; refused: string } {
  const issuer = provider.issuerUri;
  if (issuer !== undefined && issuer !== GITHUB_ISSUER && !issuer.startsWith(`${GITHUB_ISSUER}/`)) {
    return {
      step: 'issuer',
      refused: `the provider trusts the issuer ${issuer}, not GitHub Actions' ${GITHUB_ISSUER}`,
    };
  }
  const allowed =
    provider.allowedAudiences.length > 0
      ? provider.allowedAudiences
      : [`//iam.googleapis.com/${provider.name}`, `https://iam.googleapis.com/${provider.name}`];
  if (!allowed.includes(audience)) {
    return {
      step: 'audience',
      refused: `the token's audience ${audience} is not among the provider's allowed audiences (${allowed.join(', ')})`,
    };
  }
  return {
    reasons:
      issuer === undefined
        ? [`the provider's issuer is not given (oidc.issuerUri): taken as GitHub's, ${GITHUB_ISSUER}`]
        : [],
  };
}

interface Mapped {
  readonly google: Map<string, CelValue>;
  readonly attributes: Map<string, CelValue>;
  readonly unknownBecause: readonly string[];
}

function mapAttributes(provider: PreparedProvider, scope: CelScope): Mapped | { refused: string } {
  const google = new Map<string, CelValue>();
  const attributes = new Map<string, CelValue>();
  const unknownBecause: string[] = [];
  const subject = provider.mapping.get('google.subject');
  if (!subject) return { refused: 'the provider maps no google.subject (a required mapping)' };
  for (const [key, { text, node }] of provider.mapping) {
    const value = evaluateCel(node, scope);
    const [space, name] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
    (space === 'google' ? google : attributes).set(name, value);
    if (key === 'google.subject') {
      if (value.k === 'error') return { refused: `the mapping google.subject=${text} fails: ${value.why}` };
      if (value.k !== 'string' && value.k !== 'glob' && value.k !== 'unknown') {
        return {
          refused: `the mapping google.subject=${text} gives a ${value.k}, not a string (Google: "must be of type STRING")`,
        };
      }
      if (value.k === 'string' && Buffer.byteLength(value.value) > 127) {
        return { refused: `google.subject ${value.value} is longer than 127 bytes` };
      }
      // A glob's fixed text is in every value it stands for: too long alone, every run is refused.
      if (value.k === 'glob' && Buffer.byteLength(value.pattern.replaceAll('*', '')) > 127) {
        return {
          refused: `google.subject ${value.pattern} (${value.because}) is longer than 127 bytes for every value`,
        };
      }
    } else if (value.k === 'error') {
      unknownBecause.push(
        `the mapping ${key}=${text} fails for this token (${value.why}): whether Google then rejects the token or leaves ${key} unset is not documented`,
      );
    }
    // An attribute not known offline matters only where the condition or a binding reads it: they say so.
  }
  return { google, attributes, unknownBecause };
}

/** `: assertion.ref is 'refs/heads/dev', attribute.repository is 'org/repo'` for the names a condition reads. */
function describeReferences(node: CelNode, scope: CelScope): string {
  const seen = new Map<string, CelValue>();
  const visit = (inner: CelNode): void => {
    if (inner.t === 'select' && inner.target.t === 'ident') {
      const text = celText(inner);
      if (['assertion', 'attribute', 'google'].includes(inner.target.name) && !seen.has(text)) {
        seen.set(text, evaluateCel(inner, scope));
      }
      return;
    }
    for (const child of Object.values(inner)) {
      if (Array.isArray(child)) child.forEach((item) => typeof item === 'object' && visit(item as CelNode));
      else if (child && typeof child === 'object' && 't' in child) visit(child as CelNode);
    }
  };
  visit(node);
  if (seen.size === 0) return '';
  const shown = [...seen].map(([text, value]) => `${text} is ${show(value)}`);
  return ` for this token: ${shown.join(', ')}`;
}

export function show(value: CelValue): string {
  switch (value.k) {
    case 'string':
      return `'${value.value}'`;
    case 'glob':
      return `${value.pattern} (${value.because})`;
    case 'unknown':
      return `not known (${value.why.join('; ')})`;
    case 'error':
      return `absent (${value.why})`;
    default:
      return value.k;
  }
}

/** The claim a fix pins: the token's exact value, when it has one. */
export function exactClaim(token: PredictedToken, name: string): string | undefined {
  const claim: Claim | undefined = token.claims[name];
  return claim && 'value' in claim ? claim.value : undefined;
}
