// References to renamed objects of the build follow the rename (api/filters/nameref, with the
// nameReference config for ServiceAccount and Secret): a workload's service account and image pull
// secrets decide which identity pulls its images, so they must name the objects as built. Done once,
// after the whole build, as kustomize does.
import { dig, isRecord, record, type Json } from '../json.ts';
import {
  currentId,
  effectiveNamespace,
  isClusterScoped,
  isV1,
  nameOf,
  namespaceOf,
  originalId,
  type Resource,
} from './resource-id.ts';

/** Where kustomize's nameReference config finds a pod spec's serviceAccountName (by referrer kind). */
const SERVICE_ACCOUNT_REFERRERS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** Where it finds imagePullSecrets (by referrer kind). */
const PULL_SECRET_REFERRERS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  ServiceAccount: [],
};

/** serviceAccountName, imagePullSecrets and (Cluster)RoleBinding subjects renamed with what they name. */
export function fixNameReferences(resources: readonly Resource[]): void {
  const accounts = resources.filter((resource) => isV1(resource, 'ServiceAccount'));
  const secrets = resources.filter((resource) => isV1(resource, 'Secret'));
  if (accounts.length === 0 && secrets.length === 0) return;
  for (const referrer of resources) {
    const kind = currentId(referrer).kind;
    const accountPath = SERVICE_ACCOUNT_REFERRERS[kind];
    if (accountPath && accounts.length > 0) {
      const spec = dig(referrer.body, accountPath);
      const name = spec?.['serviceAccountName'];
      if (spec && typeof name === 'string') {
        const referral = selectReferral(referrer, name, accounts, sameName);
        if (referral) spec['serviceAccountName'] = nameOf(referral);
      }
    }
    const secretPath = PULL_SECRET_REFERRERS[kind];
    if (secretPath && secrets.length > 0 && (kind !== 'Pod' || referrer.body['apiVersion'] === 'v1')) {
      const pullSecrets = dig(referrer.body, secretPath)?.['imagePullSecrets'];
      for (const entry of Array.isArray(pullSecrets) ? pullSecrets : []) {
        if (!isRecord(entry) || typeof entry['name'] !== 'string') continue;
        const referral = selectReferral(referrer, entry['name'], secrets, sameName);
        if (referral) entry['name'] = nameOf(referral);
      }
    }
    const group = currentId(referrer).group;
    if ((kind === 'RoleBinding' || kind === 'ClusterRoleBinding') && group === 'rbac.authorization.k8s.io') {
      const subjects = referrer.body['subjects'];
      for (const subject of Array.isArray(subjects) ? subjects : []) {
        if (isRecord(subject) && typeof subject['name'] === 'string' && accounts.length > 0) {
          fixSubject(referrer, subject, resources, accounts);
        }
      }
    }
  }
}

function fixSubject(
  referrer: Resource,
  subject: Json,
  all: readonly Resource[],
  accounts: readonly Resource[],
): void {
  const name = subject['name'] as string;
  let candidates = accounts;
  const namespace = subject['namespace'];
  if (typeof namespace === 'string') {
    // nameref filterMapCandidatesByNamespace: by original namespace when any resource had it, else current.
    const original = all.some((resource) => namespaceOf(originalId(resource)) === namespace);
    candidates = accounts.filter(
      (account) => namespaceOf(original ? originalId(account) : currentId(account)) === namespace,
    );
  }
  const referral = selectReferral(referrer, name, candidates, sameNameAndNamespace);
  if (!referral) return;
  const referralNamespace = record(referral.body['metadata'])['namespace'];
  if (nameOf(referral) === name && !referralNamespace) return;
  subject['name'] = nameOf(referral);
  if (typeof referralNamespace === 'string' && referralNamespace) subject['namespace'] = referralNamespace;
}

/** nameref selectReferral: the one renamed candidate the reference means, if it is clear. */
function selectReferral(
  referrer: Resource,
  oldName: string,
  candidates: readonly Resource[],
  identical: (resources: readonly Resource[]) => boolean,
): Resource | undefined {
  const referrerId = currentId(referrer);
  let found = candidates.filter(
    (candidate) =>
      candidate.previous.some((id) => id.name === oldName) &&
      (isClusterScoped(referrerId) ||
        isClusterScoped(currentId(candidate)) ||
        currentId(candidate).kind === 'ServiceAccount' ||
        effectiveNamespace(currentId(candidate)) === effectiveNamespace(referrerId)),
  );
  if (found.length === 1) return found[0];
  found = found.filter((candidate) => affixesMatch(candidate, referrer, true));
  if (found.length > 1) found = found.filter((candidate) => affixesMatch(candidate, referrer, false));
  if (found.length === 1 || (found.length > 1 && identical(found))) return found[0];
  return undefined;
}

function sameName(resources: readonly Resource[]): boolean {
  return resources.every((resource) => nameOf(resource) === nameOf(resources[0] as Resource));
}

function sameNameAndNamespace(resources: readonly Resource[]): boolean {
  const first = currentId(resources[0] as Resource);
  return resources.every((resource) => {
    const id = currentId(resource);
    return id.name === first.name && id.namespace === first.namespace;
  });
}

/** kustomize Resource.PrefixesSuffixesEquals. */
function affixesMatch(a: Resource, b: Resource, allowEmpty: boolean): boolean {
  const matches = (x: readonly string[], y: readonly string[]) =>
    (allowEmpty && (x.length === 0 || y.length === 0)) || sameEnding(x, y);
  return matches(a.prefixes, b.prefixes) && matches(a.suffixes, b.suffixes);
}

function sameEnding(a: readonly string[], b: readonly string[]): boolean {
  const [shortest, longest] = a.length <= b.length ? [a, b] : [b, a];
  if (shortest.length === 0) return longest.length === 0;
  const offset = longest.length - shortest.length;
  return shortest.every((entry, i) => longest[i + offset] === entry);
}
