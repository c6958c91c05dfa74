// The Artifact Registry / gcr.io pull rule (SPEC §4 "GAR", "GCR"), a pure function of Google Cloud facts:
// deny policies first, then the allow policies and (GKE) the node pool's scopes, then what can still take an
// allowed pull away (principal access boundaries; VPC Service Controls, named as not known).
import type { GoogleLocation } from './registry.ts';
import type { MissingGrant, Verdict } from '../../core/verdict.ts';
import type { Tri } from '../../core/tri.ts';
import type { GcpFacts } from './facts.ts';
import { bindingFix, scopeFix, type NodePoolTarget } from './fixes.ts';
import { evaluateIamGrant } from './iam-grant.ts';
import { pullResource } from './resources.ts';
import { evaluateRestrictions } from './restrictions.ts';
import { scopesAllowPull } from './scopes.ts';
import { activeTrace, type TraceSink } from '../../core/trace.ts';
import { SCOPES_LAYER, sourcesOf } from './trace-steps.ts';

/** A GKE node pool's identity: its scopes (undefined: not given) and where the pool lives. */
export interface GkeNodes {
  readonly scopes: readonly string[] | undefined;
  readonly cluster: NodePoolTarget;
  /** The target's name, for explain's trace of where the scopes are written. */
  readonly target?: string;
}

export function evaluateGooglePull(
  registry: GoogleLocation,
  email: string,
  facts: GcpFacts,
  gkeNodes?: GkeNodes,
): Verdict {
  const resource = pullResource(registry, facts);
  const scope: Tri = gkeNodes ? scopesAllowPull(gkeNodes.scopes) : 'yes';
  const sink = activeTrace();
  if (sink && gkeNodes) traceScopes(sink, facts, gkeNodes, email, scope);
  const grant = evaluateIamGrant(resource, email, facts);
  const restrictions = evaluateRestrictions(resource, email, facts);
  const reasons = [
    resource.kind === 'bucket'
      ? `legacy Container Registry (gcrBackend: storage): ${resource.permission} on gs://${resource.bucket}`
      : `${resource.permission} on ${resource.name}`,
    ...restrictions.deniedBy,
  ];
  if (grant.result === 'yes') reasons.push(`granted by ${grant.grantedBy.join('; ')}`);
  if (grant.result === 'no') {
    reasons.push(
      `no binding on the repository, its project or their ancestors grants it to serviceAccount:${email}`,
    );
  }
  if (gkeNodes) reasons.push(scopeReason(scope));
  reasons.push(...grant.assumed, ...restrictions.assumed);

  const missing: MissingGrant[] = [...restrictions.missing];
  if (grant.result === 'no') missing.push(bindingFix(resource, email));
  if (scope === 'no' && gkeNodes) missing.push(scopeFix(gkeNodes.cluster, email));
  if (missing.length > 0) {
    const undecided =
      grant.result === 'unknown' ? [`the IAM side is undecided too: ${grant.unknownBecause.join('; ')}`] : [];
    return { verdict: 'denied', reasons: [...reasons, ...undecided], missing };
  }

  const unknownBecause = [
    ...(grant.result === 'unknown' ? grant.unknownBecause : []),
    ...restrictions.unknownBecause,
  ];
  if (scope === 'unknown') {
    unknownBecause.push(
      `the node pool's access scopes for ${email} are not given: add serviceAccounts[].scopes to the gke target (gcloud container node-pools describe … --format='value(config.oauthScopes)')`,
    );
  }
  if (unknownBecause.length > 0) {
    return {
      verdict: 'unknown',
      reasons: [...reasons, ...unknownBecause.map((why) => `unknown: ${why}`)],
      missing: [],
    };
  }
  return { verdict: 'allowed', reasons, missing: [] };
}

function traceScopes(sink: TraceSink, facts: GcpFacts, nodes: GkeNodes, email: string, scope: Tri): void {
  const written = nodes.scopes === undefined ? 'none given' : nodes.scopes.join(', ') || 'none';
  sink.step({
    layer: SCOPES_LAYER,
    subject: `access scopes of ${email}`,
    source: sourcesOf(facts).scopes(nodes.target ?? '', email),
    outcome: scope === 'yes' ? 'matched' : scope === 'no' ? 'not matched' : 'undecided',
    detail: `${scopeReason(scope)} (scopes: ${written})`,
  });
}

function scopeReason(scope: Tri): string {
  if (scope === 'yes') return 'the node pool has a storage read scope';
  if (scope === 'no')
    return 'the node pool has no storage read scope (devstorage.read_only, read_write, full_control or cloud-platform)';
  return "the node pool's access scopes are not given";
}
