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

/** A GKE node pool's identity: its scopes (undefined: not given) and where the pool lives. */
export interface GkeNodes {
  readonly scopes: readonly string[] | undefined;
  readonly cluster: NodePoolTarget;
}

export function evaluateGooglePull(
  registry: GoogleLocation,
  email: string,
  facts: GcpFacts,
  gkeNodes?: GkeNodes,
): Verdict {
  const resource = pullResource(registry, facts);
  const grant = evaluateIamGrant(resource, email, facts);
  const restrictions = evaluateRestrictions(resource, email, facts);
  const scope: Tri = gkeNodes ? scopesAllowPull(gkeNodes.scopes) : 'yes';
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

function scopeReason(scope: Tri): string {
  if (scope === 'yes') return 'the node pool has a storage read scope';
  if (scope === 'no')
    return 'the node pool has no storage read scope (devstorage.read_only, read_write, full_control or cloud-platform)';
  return "the node pool's access scopes are not given";
}
