// SubjectAccessReview: the API server's own answer to "may this service account pull from that project",
// compared with pullcheck's evaluation of the RBAC it read — a difference is a note (another authorizer,
// or RBAC that was not read, decides), never a verdict.
import type { CallRunner } from '../../../core/call-runner.ts';
import { readClusterState } from '../manifests/cluster-state.ts';
import { isRecord, type KubeObject } from '../manifests/load.ts';
import { withOpenShiftBuiltins } from '../openshift/builtin-roles.ts';
import { evaluateIntegratedRegistryPull } from '../openshift/pull-rule.ts';
import { kubeConfigFor, type ClusterAccess } from './cluster-access.ts';
import { ClusterApi, type Json } from './cluster-api.ts';
import type { Account } from './reduce.ts';

export type SubjectAccessAnswer = 'allowed' | 'denied' | 'unknown';

export interface SubjectAccessReviewResult {
  readonly result: SubjectAccessAnswer;
  /** The server's reason, or why there is no answer. */
  readonly reason: string;
}

/** The integrated-registry pulls to ask about: image namespaces and, when known, their image streams. */
export interface ReviewedPulls {
  readonly imageNamespaces: readonly string[];
  readonly imageStreams?: readonly { readonly namespace: string; readonly name: string }[];
}

/**
 * Asks the API server whether system:serviceaccount:A:SA may `get imagestreams/layers` (image.openshift.io)
 * of STREAM in namespace B — groups sent explicitly. Needs `create subjectaccessreviews`; without it, or
 * on any failure, the answer is unknown.
 */
export async function subjectAccessReview(
  access: ClusterAccess,
  runner: CallRunner,
  account: { readonly namespace: string; readonly name: string },
  image: { readonly namespace: string; readonly imageStream?: string },
): Promise<SubjectAccessReviewResult> {
  return askServer(await ClusterApi.connect(await kubeConfigFor(access), runner), account, image);
}

async function askServer(
  api: ClusterApi,
  account: { readonly namespace: string; readonly name: string },
  image: { readonly namespace: string; readonly imageStream?: string },
): Promise<SubjectAccessReviewResult> {
  const user = `system:serviceaccount:${account.namespace}:${account.name}`;
  const body = {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SubjectAccessReview',
    spec: {
      user,
      groups: [
        'system:serviceaccounts',
        `system:serviceaccounts:${account.namespace}`,
        'system:authenticated',
      ],
      resourceAttributes: {
        namespace: image.namespace,
        verb: 'get',
        group: 'image.openshift.io',
        // As the registry asks it (image-registry auth.go): one resource, no subresource.
        resource: 'imagestreams/layers',
        ...(image.imageStream ? { name: image.imageStream } : {}),
      },
    },
  };
  const asked = `get imagestreams/layers${image.imageStream ? ` "${image.imageStream}"` : ''} in ${image.namespace} for ${user}`;
  const outcome = await api.subjectAccessReview(
    body,
    `${user} ${image.namespace}/${image.imageStream ?? ''}`,
    `a SubjectAccessReview of ${asked}`,
  );
  if (!outcome.ok) return { result: 'unknown', reason: outcome.message };
  const status = isRecord(outcome.value['status']) ? outcome.value['status'] : {};
  const reason = typeof status['reason'] === 'string' ? status['reason'] : '';
  const evaluationError = typeof status['evaluationError'] === 'string' ? status['evaluationError'] : '';
  if (status['allowed'] === true) return { result: 'allowed', reason };
  if (status['denied'] === true) return { result: 'denied', reason };
  // Not allowed, no explicit deny: with RBAC that is a denial, unless evaluation failed on the way.
  if (evaluationError)
    return { result: 'unknown', reason: `the server could not evaluate it: ${evaluationError}` };
  return { result: 'denied', reason };
}

export async function compareWithSubjectAccessReviews(
  input: ReviewedPulls,
  accounts: readonly Account[],
  objects: readonly Json[],
  api: ClusterApi,
): Promise<string[]> {
  const askers = accounts.filter((account) => account.platform === 'openshift');
  if (askers.length === 0 || input.imageNamespaces.length === 0) return [];
  let state: ReturnType<typeof withOpenShiftBuiltins>;
  try {
    state = withOpenShiftBuiltins(readClusterState(objects.map(asKubeObject)).state);
  } catch (error) {
    return [
      `the collected RBAC could not be evaluated to compare with SubjectAccessReviews: ${(error as Error).message}`,
    ];
  }
  const images = input.imageNamespaces.flatMap((namespace) => {
    const streams = (input.imageStreams ?? []).filter((stream) => stream.namespace === namespace);
    return streams.length > 0
      ? streams.map((stream) => ({ namespace, imageStream: stream.name }))
      : [{ namespace, imageStream: '' }];
  });
  const notes: string[] = [];
  let unavailable: string | undefined;
  await Promise.all(
    askers.flatMap((account) =>
      images.map(async (image) => {
        const server = await askServer(api, account, image);
        if (server.result === 'unknown') {
          unavailable ??= server.reason;
          return;
        }
        const ours = evaluateIntegratedRegistryPull(image, account, state, false).verdict;
        if (ours === 'unknown' || ours === server.result) return;
        const stream = image.imageStream ? ` "${image.imageStream}"` : '';
        notes.push(
          `the API server answers ${server.result} for get imagestreams/layers${stream} in ${image.namespace} by system:serviceaccount:${account.namespace}:${account.name}, but the RBAC read here gives ${ours}${server.reason ? ` (server: ${server.reason})` : ''}: another authorizer, or RBAC that was not read, decides`,
        );
      }),
    ),
  );
  if (unavailable !== undefined) {
    notes.push(
      `the API server's own answer (SubjectAccessReview) was not available for every pull: ${unavailable}`,
    );
  }
  return notes;
}

/** A collected object as the manifests reader takes it (located in the live read, not in a file). */
function asKubeObject(body: Json): KubeObject {
  const where = { file: 'live read', line: 1, column: 1 };
  return {
    apiVersion: String(body['apiVersion']),
    kind: String(body['kind']),
    body,
    file: 'live read',
    locate: () => where,
    locateKey: () => where,
  };
}
