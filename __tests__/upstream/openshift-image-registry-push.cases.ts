// How OpenShift's integrated registry decides a push (issue 18), our translation of openshift/image-registry:
// `docker push` asks `repository:PROJECT/STREAM:pull,push`; each action is a review of the pusher's own
// token — push is `update` and pull `get` on imagestreams/layers (image.openshift.io) named STREAM in PROJECT,
// and a refused pull of the stream being pushed fails the push (auth.go Authorized, pushChecks). A tag pushed
// to a stream that does not exist makes the registry create it with the pusher's token: `create` on
// imagestreams (pkg/imagestream/imagestream.go CreateImageStreamMapping). Then which built-in roles, bound in
// the project, let a service account push, read from the bootstrap policy's golden files, and the default
// RoleBinding that lets each project's `builder` service account push.
import type { Ported, PortedFile, PortedTables } from './ported.ts';
import type { Rule } from './openshift-image-registry.cases.ts';

/**
 * project-a's service account `pusher` pushes `image` (PROJECT/STREAM); a Role with `rules` in `grantedIn`
 * (default: the image's project) is bound to it. `streamExists`: an ImageStream object states the stream.
 */
export interface PushCase extends Ported {
  readonly image: string;
  readonly rules: readonly Rule[];
  readonly grantedIn?: string;
  readonly streamExists?: boolean;
  readonly expect: 'allowed' | 'denied' | 'unknown';
}

/** A built-in role bound in the project: may the service account push a tag to a stream, existing or new? */
export interface BuiltinPushCase extends Ported {
  readonly role: string;
  /** Pushes to a stream that exists (get and update on imagestreams/layers). */
  readonly pushes: boolean;
  /** Also creates a missing stream (create on imagestreams): a push to a new stream is then allowed too. */
  readonly creates: boolean;
}

const REPOSITORY = 'openshift/image-registry';
const COMMIT = 'd4cce000f749280e593ed758791b6ef97cc01746';
const GROUP = ['image.openshift.io'];
const LAYERS = ['imagestreams/layers'];
const PUSH = { apiGroups: GROUP, resources: LAYERS, verbs: ['get', 'update'] };
const CREATE = { apiGroups: GROUP, resources: ['imagestreams'], verbs: ['create'] };

const AUTH_GO: PortedFile<PushCase> = {
  upstream: { repository: REPOSITORY, commit: COMMIT, path: 'pkg/dockerregistry/server/auth.go' },
  cases: [
    {
      from: 'Authorized: "push" is verb "update", and the pull of the same stream is reviewed too (get)',
      image: 'foo/bar',
      rules: [PUSH],
      streamExists: true,
      expect: 'allowed',
    },
    {
      from: 'Authorized: update without get: the refused pull of the stream being pushed is not a cross-mount, so it fails',
      image: 'foo/bar',
      rules: [{ apiGroups: GROUP, resources: LAYERS, verbs: ['update'] }],
      streamExists: true,
      expect: 'denied',
    },
    {
      from: 'Authorized: get without update: the push review is refused',
      image: 'foo/bar',
      rules: [{ apiGroups: GROUP, resources: LAYERS, verbs: ['get'] }],
      streamExists: true,
      expect: 'denied',
    },
    {
      from: 'verifyWithLocalSAR: the review asks API group image.openshift.io, not the legacy ""',
      image: 'foo/bar',
      rules: [{ apiGroups: [''], resources: LAYERS, verbs: ['get', 'update'] }],
      streamExists: true,
      expect: 'denied',
    },
    {
      from: 'verifyImageStreamAccess: resource "imagestreams/layers" with no subresource, so "*/layers" does not match',
      image: 'foo/bar',
      rules: [{ apiGroups: GROUP, resources: ['*/layers'], verbs: ['get', 'update'] }],
      streamExists: true,
      expect: 'denied',
    },
    {
      from: 'verifyWithLocalSAR: Name is the image stream (get and update limited to it)',
      image: 'foo/bar',
      rules: [{ ...PUSH, resourceNames: ['bar'] }],
      streamExists: true,
      expect: 'allowed',
    },
    {
      from: 'verifyWithLocalSAR: Namespace is the project (a grant in another project)',
      image: 'foo/bar',
      rules: [PUSH, CREATE],
      grantedIn: 'other',
      expect: 'denied',
    },
  ],
};

const AUTH_TEST: PortedFile<PushCase> = {
  upstream: { repository: REPOSITORY, commit: COMMIT, path: 'pkg/dockerregistry/server/auth_test.go' },
  cases: [
    {
      from: 'TestAccessController "deferred cross-mount error" (push pushrepo/aaa allowed; the refused pull of fromrepo/bbb is only deferred)',
      image: 'pushrepo/aaa',
      rules: [PUSH],
      streamExists: true,
      expect: 'allowed',
    },
    {
      from: 'TestAccessController "partially valid openshift token" (the push review of baz/ccc is refused: access denied)',
      image: 'baz/ccc',
      rules: [],
      streamExists: true,
      expect: 'denied',
    },
  ],
};

const IMAGESTREAM_GO: PortedFile<PushCase> = {
  upstream: { repository: REPOSITORY, commit: COMMIT, path: 'pkg/imagestream/imagestream.go' },
  cases: [
    {
      from: 'CreateImageStreamMapping: the stream is missing and the pusher may create imagestreams: it is auto-provisioned',
      image: 'foo/bar',
      rules: [PUSH, CREATE],
      expect: 'allowed',
    },
    {
      from: 'CreateImageStreamMapping: creating the missing stream is Forbidden ("denied creating ImageStream"), so a push that may create none is unknown while the stream is not stated',
      image: 'foo/bar',
      rules: [PUSH],
      expect: 'unknown',
    },
    {
      from: "CreateImageStreamMapping: the mapping of a stream that exists is created with the registry's own client, so create is not needed",
      image: 'foo/bar',
      rules: [PUSH],
      streamExists: true,
      expect: 'allowed',
    },
    {
      from: 'CreateImageStreamMapping: the create request names no stream, so create limited to resourceNames does not grant it',
      image: 'foo/bar',
      rules: [PUSH, { ...CREATE, resourceNames: ['bar'] }],
      expect: 'unknown',
    },
  ],
};

const pushing = (roles: readonly string[], creating: readonly string[], others: readonly string[]) => [
  ...roles.map((role) => ({ role, pushes: true, creates: creating.includes(role) })),
  ...creating.filter((role) => !roles.includes(role)).map((role) => ({ role, pushes: false, creates: true })),
  ...others.map((role) => ({ role, pushes: false, creates: false })),
];
const named = (test: string, fixture: string, cases: ReturnType<typeof pushing>): BuiltinPushCase[] =>
  cases.map((entry) => ({ ...entry, from: `${test} (${fixture}): ClusterRole ${entry.role}` }));

const OPENSHIFT_APISERVER = {
  repository: 'openshift/openshift-apiserver',
  commit: '56aa2d96edd725e44ddd7ff13f23e53e6c509828',
} as const;

export const BUILTIN_PUSH: PortedFile<BuiltinPushCase>[] = [
  {
    upstream: { ...OPENSHIFT_APISERVER, path: 'test/testdata/bootstrappolicy/bootstrap_cluster_roles.yaml' },
    cases: named(
      'pkg/bootstrappolicy/policy_test.go TestBootstrapClusterRoles',
      'bootstrap_cluster_roles.yaml',
      pushing(
        [
          'system:image-pusher',
          'system:image-builder',
          'registry-editor',
          'registry-admin',
          'system:openshift:aggregate-to-edit',
          'system:openshift:aggregate-to-admin',
          'system:master',
        ],
        // image-pusher creates no stream; image-import-controller creates streams but pushes no layers
        [
          'system:image-builder',
          'registry-editor',
          'registry-admin',
          'system:openshift:aggregate-to-edit',
          'system:openshift:aggregate-to-admin',
          'system:master',
          'system:openshift:controller:image-import-controller',
        ],
        [
          'system:image-puller',
          'registry-viewer',
          'system:image-signer',
          'cluster-reader',
          'system:openshift:aggregate-to-view',
          'system:image-auditor',
          'system:openshift:controller:build-controller',
        ],
      ),
    ),
  },
  {
    upstream: {
      repository: 'openshift/kubernetes',
      commit: '9a190e05d98a7603937830b639206b3808e93005',
      path: 'plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata/cluster-roles.yaml',
    },
    cases: named(
      'plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy_test.go TestBootstrapClusterRoles',
      'cluster-roles.yaml',
      // edit and admin aggregate system:image-builder and registry-editor (aggregate-to-edit labels)
      pushing(['edit', 'admin', 'cluster-admin'], ['edit', 'admin', 'cluster-admin'], ['view']),
    ),
  },
  {
    upstream: {
      repository: 'openshift/kubernetes',
      commit: 'a93562563879eb4b0c039df2c940f080d80cc3b3',
      path: 'plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata/controller-roles.yaml',
    },
    cases: named(
      'plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy_test.go TestBootstrapControllerRoles',
      'controller-roles.yaml',
      // get, update … on * in *: pushes to a stream that exists, never creates one
      pushing(
        ['system:controller:generic-garbage-collector'],
        [],
        ['system:controller:namespace-controller'],
      ),
    ),
  },
];

/** Each project's default RoleBindings: which of its service accounts push to it with no binding of their own. */
export interface DefaultPushCase extends Ported {
  readonly serviceAccount: string;
  readonly expect: 'allowed' | 'denied';
}

export const DEFAULT_BINDINGS: PortedFile<DefaultPushCase> = {
  upstream: {
    repository: 'openshift/openshift-controller-manager',
    commit: '26d20feae8892f648f5b06ed3f5492fe6ffb4532',
    path: 'pkg/authorization/defaultrolebindings/project_policy.go',
  },
  cases: [
    {
      from: 'GetBuilderServiceAccountProjectRoleBindings: system:image-builders binds system:image-builder to the project\'s builder service account ("Allows builds in this namespace to push images to this namespace")',
      serviceAccount: 'builder',
      expect: 'allowed',
    },
    {
      from: 'GetImagePullerProjectRoleBindings: system:image-pullers gives every service account of the project system:image-puller only, so default cannot push',
      serviceAccount: 'default',
      expect: 'denied',
    },
    {
      from: 'GetDeployerServiceAccountProjectRoleBindings: system:deployers gives deployer system:deployer, which pushes no layers',
      serviceAccount: 'deployer',
      expect: 'denied',
    },
  ],
};

export const AUTHORIZE_PUSH = [AUTH_GO, AUTH_TEST, IMAGESTREAM_GO];

export const PORTED = [...AUTHORIZE_PUSH, ...BUILTIN_PUSH, DEFAULT_BINDINGS] satisfies PortedTables;
