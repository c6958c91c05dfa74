// A push to the OpenShift integrated registry, as the registry decides it (openshift/image-registry):
// `docker push` asks the scope `repository:PROJECT/STREAM:pull,push`, and the registry reviews each action
// with the pusher's own token — `get` then `update` on imagestreams/layers (image.openshift.io) named STREAM
// in PROJECT (pkg/dockerregistry/server/auth.go Authorized: "push" is verb "update"; a failed pull of the
// stream being pushed fails the push). A tag pushed to a stream that does not exist makes the registry
// create the stream with the same token: `create` on imagestreams in PROJECT (pkg/imagestream/imagestream.go
// CreateImageStreamMapping). A cross-repository blob mount's pull of another stream is only deferred: when
// it is refused the layer is uploaded instead, so it never decides the push.
import { and, type Tri } from '../../../core/tri.ts';
import type { Verdict } from '../../../core/verdict.ts';
import { authorize, type ResourceRequest, type UserInfo } from '../rbac/authorize.ts';
import type { Binding, ClusterState } from '../rbac/model.ts';
import { projectDefaultBindings } from './builtin-roles.ts';
import type { IntegratedRegistryImage } from './pull-rule.ts';
import { imagePusherFix } from './push-fixes.ts';

/** Who pushes: the user the registry reviews, and whether its groups are all known (a user's are not). */
export interface Pusher extends UserInfo {
  /** The principal as the report names it (system:serviceaccount:NS:NAME, openshift-user:NAME). */
  readonly principal: string;
  /** Groups stated in the facts (users only): another group that would grant leaves the push unknown. */
  readonly groupsComplete: boolean;
}

/** The image streams the facts show exist (ImageStream objects), as NAMESPACE/NAME. */
export type KnownStreams = ReadonlySet<string>;

interface Answer {
  readonly result: Tri;
  readonly reasons: readonly string[];
}

export function evaluateIntegratedRegistryPush(
  image: IntegratedRegistryImage,
  pusher: Pusher,
  state: ClusterState,
  streams: KnownStreams,
): Verdict {
  const { namespace, imageStream } = image;
  const bindings = projectDefaultBindings(state, namespace);
  const ask = (verb: string, resource: string, name: string) =>
    answer(state, pusher, { verb, apiGroup: 'image.openshift.io', resource, name, namespace }, bindings);
  const get = ask('get', 'imagestreams/layers', imageStream);
  const update = ask('update', 'imagestreams/layers', imageStream);
  // A create request carries no name: a rule limited to resourceNames never grants it.
  const create = ask('create', 'imagestreams', '');
  const exists = streams.has(`${namespace}/${imageStream}`);
  const layers = and(get.result, update.result);
  const reasons = [...get.reasons, ...update.reasons];
  if (layers === 'no') {
    const creates = exists || create.result === 'yes';
    return {
      verdict: 'denied',
      reasons,
      missing: [imagePusherFix(pusher, namespace, imageStream, creates)],
    };
  }
  if (layers === 'unknown') return { verdict: 'unknown', reasons, missing: [] };
  if (exists) {
    return {
      verdict: 'allowed',
      reasons: [
        ...reasons,
        `the image stream ${namespace}/${imageStream} exists (an ImageStream in the facts)`,
        ...capabilityNote(reasons),
      ],
      missing: [],
    };
  }
  if (create.result === 'yes') {
    const all = [...reasons, ...create.reasons];
    return { verdict: 'allowed', reasons: [...all, ...capabilityNote(all)], missing: [] };
  }
  const notStated = `the image stream ${namespace}/${imageStream} is not in facts.kubernetes.manifests: if it does not exist yet, the registry creates it on the first tag pushed, as the pusher`;
  return {
    verdict: 'unknown',
    reasons: [
      ...reasons,
      create.result === 'no'
        ? `unknown: ${notStated}, and ${create.reasons.join('; ')}: state the ImageStream (oc get imagestream ${imageStream} -n ${namespace} -o yaml), create it first (oc create imagestream ${imageStream} -n ${namespace}), or bind system:image-builder, which may also create it (oc policy add-role-to-user system:image-builder ${pusher.user} --namespace=${namespace})`
        : `unknown: ${notStated}, and whether it may is not known: ${create.reasons.map((why) => why.replace(/^unknown: /, '')).join('; ')}`,
    ],
    missing: [],
  };
}

/** One request, three-valued, with why; a user's unstated group that would grant it leaves it unknown. */
function answer(
  state: ClusterState,
  pusher: Pusher,
  request: ResourceRequest,
  bindings: readonly Binding[],
): Answer {
  const resource = request.resource === 'imagestreams' ? 'imagestreams' : `imagestreams/layers`;
  const asked = `${request.verb} ${resource}${request.name ? ` "${request.name}"` : ''} in ${request.namespace}`;
  const decision = authorize(state, pusher, request, bindings);
  if (decision.result === 'yes') {
    return { result: 'yes', reasons: [`${asked}: granted by ${decision.grantedBy.join('; ')}`] };
  }
  if (decision.result === 'unknown') {
    return { result: 'unknown', reasons: decision.unknownBecause.map((why) => `unknown: ${why}`) };
  }
  const groups = pusher.groupsComplete ? [] : otherGroups(state, pusher, request, bindings);
  if (groups.length > 0) {
    return {
      result: 'unknown',
      reasons: [
        `unknown: ${asked} is granted to the group${groups.length > 1 ? 's' : ''} ${groups.join(', ')}, and whether ${pusher.user} is a member cannot be known offline: state its groups in facts.kubernetes.ciLogins (oc get groups)`,
      ],
    };
  }
  return {
    result: 'no',
    reasons: [
      `${asked}: no RoleBinding in ${request.namespace} nor ClusterRoleBinding grants it to ${pusher.user} or its groups`,
    ],
  };
}

/** The groups not known to hold the user that a binding granting the request names. */
function otherGroups(
  state: ClusterState,
  pusher: Pusher,
  request: ResourceRequest,
  bindings: readonly Binding[],
): string[] {
  const candidates = [
    ...state.clusterRoleBindings,
    ...(state.roleBindings.get(request.namespace) ?? []),
    ...bindings,
  ]
    .flatMap((binding) => binding.subjects)
    .filter((subject) => subject.kind === 'Group' && !pusher.groups.includes(subject.name))
    .map((subject) => subject.name)
    // Other system: groups are the authenticator's own (system:serviceaccounts:NS, …); an OAuth token's user
    // is also in system:authenticated:oauth, which a token from elsewhere is not.
    .filter((name) => !name.startsWith('system:') || name === 'system:authenticated:oauth');
  return [...new Set(candidates)].filter(
    (group) =>
      authorize(state, { ...pusher, groups: [...pusher.groups, group] }, request, bindings).result === 'yes',
  );
}

/** The builder's default binding exists only on clusters that run builds (openshift-controller-manager S4/S5). */
function capabilityNote(reasons: readonly string[]): string[] {
  return reasons.some((reason) => reason.includes('the default RoleBinding system:image-builders '))
    ? [
        "OpenShift creates the default RoleBinding system:image-builders (and the builder service account) only while the cluster's Build capability is enabled",
      ]
    : [];
}
