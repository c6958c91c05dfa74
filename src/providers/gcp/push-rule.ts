// May this principal push the image to Google's registry? The pull rule's layers (allow policies on the
// repository or bucket, its project, folders and organization; deny policies; principal access boundaries),
// asked about the push's permissions. Sources: Artifact Registry "Push and pull images" (Tag and push images:
// Artifact Registry Writer on the repository), a Docker push asking for a push,pull token (denied errors name
// uploadArtifacts, and downloadArtifacts: google-github-actions/auth#50; gcr.io on Artifact Registry:
// google/ax#140); "gcr.io repositories in Artifact Registry" (createOnPush creates a missing gcr.io repository);
// Container Registry "Access control" (push: Storage Legacy Bucket Writer on artifacts.PROJECT.appspot.com).
import type { PushQuestion } from '../../core/ci-path.ts';
import { shellQuoted } from '../../core/outgoing-text.ts';
import type { MissingGrant, Verdict } from '../../core/verdict.ts';
import { denyPoliciesFor } from './deny-policies.ts';
import type { GcpFacts } from './facts.ts';
import { evaluateIamGrant, type IamGrant, type MemberTest } from './iam-grant.ts';
import { SERVICE_ACCOUNT } from './index.ts';
import { googleLocationOf } from './registry.ts';
import { DOWNLOAD_ARTIFACTS, GET_OBJECT, pullResource, type PullResource } from './resources.ts';
import { evaluateRestrictions, VPC_SERVICE_CONTROLS } from './restrictions.ts';
import { federatedMemberTest, type FederatedIdentity } from './workload-identity/federated.ts';

export const UPLOAD_ARTIFACTS = 'artifactregistry.repositories.uploadArtifacts';
const CREATE_OBJECT = 'storage.objects.create';

/** Needed for every push, and needed only by some (a tag that moves, an object overwritten). */
function permissionsFor(resource: PullResource): { required: string[]; tagged: string[] } {
  return resource.kind === 'repository'
    ? {
        required: [UPLOAD_ARTIFACTS, DOWNLOAD_ARTIFACTS],
        tagged: ['artifactregistry.tags.create', 'artifactregistry.tags.update'],
      }
    : { required: [CREATE_OBJECT, GET_OBJECT], tagged: ['storage.objects.delete'] };
}

export function decideGooglePush(
  question: PushQuestion,
  facts: GcpFacts,
  identities: ReadonlyMap<string, readonly FederatedIdentity[]>,
): Verdict | undefined {
  const registry = googleLocationOf(question.image);
  if (!registry) return undefined;
  const { principal } = question;
  const who = principalTest(principal, identities);
  if (who === undefined) return undefined;
  if ('unknown' in who) return { verdict: 'unknown', reasons: [`unknown: ${who.unknown}`], missing: [] };
  const base = pullResource(registry, facts);
  const { required, tagged } = permissionsFor(base);
  const reasons = [
    `push to ${base.kind === 'bucket' ? `gs://${base.bucket} (legacy Container Registry)` : base.name} as ${principal}`,
  ];
  const missing: MissingGrant[] = [];
  const unknownBecause: string[] = [];
  let ungranted = false;
  for (const permission of [...required, ...(question.image.tag !== undefined ? tagged : [])]) {
    const resource = { ...base, permission };
    const grant = evaluateIamGrant(resource, who.test, facts);
    const layers = restrictions(resource, who, facts);
    reasons.push(...layers.deniedBy);
    missing.push(
      ...layers.missing.filter((entry) => !missing.some((seen) => seen.fix.text === entry.fix.text)),
    );
    unknownBecause.push(...layers.unknownBecause);
    if (required.includes(permission)) {
      if (grant.result === 'no') ungranted = true;
      describe(reasons, unknownBecause, permission, grant);
    } else if (grant.result !== 'yes') {
      unknownBecause.push(
        `${permission} is not ${grant.result === 'no' ? 'granted' : 'known to be granted'}: ${base.kind === 'repository' ? 'moving an existing tag' : 'overwriting an existing tag'} may need it (${base.kind === 'repository' ? 'roles/artifactregistry.writer' : 'roles/storage.legacyBucketWriter'} carries it)`,
      );
    }
  }
  if (ungranted) missing.push(pushFix(base, memberToGrant(principal, identities.get(principal))));
  // Its IAM policy in the facts shows the repository exists; a push to a missing one fails (name unknown),
  // except that a missing gcr.io repository is created by a pusher with createOnPush.
  if (base.kind === 'repository' && !facts.policies.has(base.name)) {
    unknownBecause.push(
      `whether ${base.name} exists is not known (its IAM policy is not in facts.gcp.iamPolicies${facts.unreadable.has(base.name) ? ': it could not be read' : ''}): a push to a missing repository fails with "name unknown"${registry.kind === 'gcr' ? ' unless the pusher may createOnPush' : ''}; add it (gcloud artifacts repositories get-iam-policy ${base.repository} --location=${base.location} --project=${base.project} --format=json)`,
    );
  }
  if (registry.kind === 'gcr' && base.kind === 'repository') {
    reasons.push(
      `if the ${registry.host} repository does not exist yet in ${registry.project}, the first push creates it and needs artifactregistry.repositories.createOnPush on the project (roles/artifactregistry.createOnPushWriter)`,
    );
  }
  reasons.push(VPC_SERVICE_CONTROLS(base.project));
  if (missing.length > 0) return { verdict: 'denied', reasons, missing };
  if (unknownBecause.length > 0) {
    return {
      verdict: 'unknown',
      reasons: [...reasons, ...[...new Set(unknownBecause)].map((why) => `unknown: ${why}`)],
      missing: [],
    };
  }
  return { verdict: 'allowed', reasons, missing: [] };
}

type Who = { readonly test: MemberTest | string; readonly email?: string } | { readonly unknown: string };

function principalTest(
  principal: string,
  identities: ReadonlyMap<string, readonly FederatedIdentity[]>,
): Who | undefined {
  if (principal.startsWith(SERVICE_ACCOUNT)) {
    const email = principal.slice(SERVICE_ACCOUNT.length);
    return { test: email, email };
  }
  if (!principal.startsWith('principal://iam.googleapis.com/')) return undefined;
  const known = identities.get(principal);
  if (!known) {
    return {
      unknown: `the attributes of ${principal} are not known: the push is decided after that job's login is`,
    };
  }
  return { test: federatedMemberTest(known) };
}

function describe(reasons: string[], unknownBecause: string[], permission: string, grant: IamGrant): void {
  if (grant.result === 'yes') reasons.push(`${permission} granted by ${grant.grantedBy.join('; ')}`);
  if (grant.result === 'no')
    reasons.push(`no binding on the repository, its project or their ancestors grants ${permission}`);
  if (grant.result === 'unknown') unknownBecause.push(...grant.unknownBecause);
  reasons.push(...grant.assumed.filter((line) => !reasons.includes(line)));
}

function restrictions(resource: PullResource, who: Extract<Who, { test: unknown }>, facts: GcpFacts) {
  if (who.email !== undefined) return evaluateRestrictions(resource, who.email, facts);
  // Deny rules are matched for service accounts; for a federated principal a rule that denies the permission
  // to anyone leaves the push undecided.
  const deny = denyPoliciesFor(resource, facts);
  return {
    deniedBy: [] as string[],
    missing: [] as MissingGrant[],
    unknownBecause: [
      ...deny.denying.map(
        (policy) =>
          `deny policy ${policy} denies ${resource.permission} to some principals; pullcheck does not match federated principals against deny rules`,
      ),
      ...deny.unknownBecause,
    ],
  };
}

/** A federated principal's repository (when mapped to attribute.repository), else the principal itself. */
function memberToGrant(principal: string, identities: readonly FederatedIdentity[] | undefined): string {
  const repositories = new Set(
    (identities ?? []).map((identity) => {
      const value = identity.attributes.get('repository');
      return value?.k === 'string' ? value.value : undefined;
    }),
  );
  const [repository] = [...repositories];
  if (identities && repositories.size === 1 && repository !== undefined) {
    return `principalSet://iam.googleapis.com/${identities[0]!.pool}/attribute.repository/${repository}`;
  }
  return principal;
}

function pushFix(resource: PullResource, member: string): MissingGrant {
  if (resource.kind === 'bucket') {
    const role = 'roles/storage.legacyBucketWriter';
    return {
      side: 'binding',
      permissions: [CREATE_OBJECT],
      fix: {
        text: `Grant ${member} ${role} on the Container Registry bucket gs://${resource.bucket}.`,
        snippets: {
          cli: `gcloud storage buckets add-iam-policy-binding gs://${resource.bucket} --member=${shellQuoted(member)} --role=${role}`,
        },
      },
    };
  }
  const role = 'roles/artifactregistry.writer';
  return {
    side: 'binding',
    permissions: [UPLOAD_ARTIFACTS],
    fix: {
      text: `Grant ${member} ${role} on the Artifact Registry repository ${resource.repository} (${resource.location}, project ${resource.project}).`,
      snippets: {
        cli: `gcloud artifacts repositories add-iam-policy-binding ${resource.repository} --location=${resource.location} --project=${resource.project} --member=${shellQuoted(member)} --role=${role}`,
      },
    },
  };
}
