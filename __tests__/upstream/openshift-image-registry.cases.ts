// How OpenShift's integrated registry decides a pull (openshift/image-registry, pkg/dockerregistry/server):
// the repository name must be exactly PROJECT/STREAM (util.go getNamespaceName), and a pull is the
// SelfSubjectAccessReview, with the puller's own token, of `get` on resource "imagestreams/layers" (no
// subresource) in API group image.openshift.io, named STREAM, in namespace PROJECT (auth.go Authorized →
// verifyImageStreamAccess → verifyWithLocalSAR). Our translation of its tests and of those code paths.
import type { Ported, PortedFile, PortedTables } from './ported.ts';

/** A repository path in the integrated registry: the image stream pullcheck reads, or a rejection. */
export interface NameCase extends Ported {
  readonly path: string;
  readonly expect: { readonly namespace: string; readonly imageStream: string } | 'rejected';
}

export interface Rule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
  readonly resourceNames?: readonly string[];
}

/**
 * project-a's default service account pulls `image` (PROJECT/STREAM); a Role with `rules` in `grantedIn`
 * (default: the image's project) is bound to `subject` (default: the service account).
 */
export interface AccessCase extends Ported {
  readonly image: string;
  readonly rules: readonly Rule[];
  readonly grantedIn?: string;
  readonly subject?: { readonly kind: 'Group' | 'User'; readonly name: string };
  readonly expect: 'allowed' | 'denied';
}

/** What the API server answers the SubjectAccessReview, and pullcheck's live reading of that answer. */
export interface ReviewCase extends Ported {
  readonly server:
    | { readonly status: { readonly allowed: boolean; readonly reason: string } }
    | { readonly httpStatus: number }
    | { readonly wrongToken: true };
  readonly expect: 'allowed' | 'denied' | 'unknown';
}

const REPOSITORY = 'openshift/image-registry';
const COMMIT = 'd4cce000f749280e593ed758791b6ef97cc01746';
const PULL = ['get'];
const IMAGE_GROUP = ['image.openshift.io'];
const LAYERS = ['imagestreams/layers'];
const AUTH_TEST = { repository: REPOSITORY, commit: COMMIT, path: 'pkg/dockerregistry/server/auth_test.go' };

const UTIL_NAMES: PortedFile<NameCase> = {
  upstream: { repository: REPOSITORY, commit: COMMIT, path: 'pkg/dockerregistry/server/util.go' },
  cases: [
    {
      from: 'getNamespaceName: "<project>/<name>" splits into the namespace and the image stream',
      path: 'foo/bar',
      expect: { namespace: 'foo', imageStream: 'bar' },
    },
    {
      from: 'getNamespaceName: more than two components is ErrRepositoryNameInvalid ("it must be of the format <project>/<name>")',
      path: 'foo/bar/baz',
      expect: 'rejected',
    },
    {
      from: 'getNamespaceName: an empty project is ErrNamespaceRequired',
      path: '/bar',
      expect: 'rejected',
    },
    { from: 'getNamespaceName: an empty name is ErrNamespaceRequired', path: 'foo/', expect: 'rejected' },
  ],
};

const AUTH_TEST_NAMES: PortedFile<NameCase> = {
  upstream: AUTH_TEST,
  cases: [
    {
      from: 'TestAccessController "valid openshift token but invalid namespace" (repository "bar")',
      path: 'bar',
      expect: 'rejected',
    },
  ],
};

const AUTH_TEST_ACCESS: PortedFile<AccessCase> = {
  upstream: AUTH_TEST,
  cases: [
    {
      from: 'TestAccessController "valid openshift token" (pull foo/bar, the review allows)',
      image: 'foo/bar',
      rules: [{ apiGroups: IMAGE_GROUP, resources: LAYERS, verbs: PULL }],
      expect: 'allowed',
    },
    {
      from: 'TestAccessController "valid openshift token but token not scoped for the given repo operation" (pull foo/bar, the review does not allow)',
      image: 'foo/bar',
      rules: [],
      expect: 'denied',
    },
    {
      from: 'TestAccessController "valid anonymous token" (pull foo/bar with no credentials, reviewed as system:anonymous)',
      image: 'foo/bar',
      rules: [{ apiGroups: IMAGE_GROUP, resources: LAYERS, verbs: PULL }],
      subject: { kind: 'Group', name: 'system:unauthenticated' },
      expect: 'denied',
      differs:
        'the row is a client with no credentials; a pod pulls with its service account token (its generated dockercfg pull secret), whose own review succeeds, so the anonymous fallback (verifyWithAnonSAR) is never taken and a grant to system:unauthenticated does not reach it',
    },
  ],
};

const AUTH_GO_ACCESS: PortedFile<AccessCase> = {
  upstream: { repository: REPOSITORY, commit: COMMIT, path: 'pkg/dockerregistry/server/auth.go' },
  cases: [
    {
      from: 'verifyWithLocalSAR: the review asks API group image.openshift.io',
      image: 'foo/bar',
      rules: [{ apiGroups: [''], resources: LAYERS, verbs: PULL }],
      expect: 'denied',
    },
    {
      from: 'verifyWithLocalSAR: API group "*" covers image.openshift.io',
      image: 'foo/bar',
      rules: [{ apiGroups: ['*'], resources: ['*'], verbs: PULL }],
      expect: 'allowed',
    },
    {
      from: 'verifyImageStreamAccess: resource "imagestreams/layers" with no subresource, so "*/layers" does not match',
      image: 'foo/bar',
      rules: [{ apiGroups: IMAGE_GROUP, resources: ['*/layers'], verbs: PULL }],
      expect: 'denied',
    },
    {
      from: 'verifyImageStreamAccess: "imagestreams" is another resource than "imagestreams/layers"',
      image: 'foo/bar',
      rules: [{ apiGroups: IMAGE_GROUP, resources: ['imagestreams'], verbs: PULL }],
      expect: 'denied',
    },
    {
      from: 'Authorized: action "pull" is verb "get" ("push" is "update")',
      image: 'foo/bar',
      rules: [{ apiGroups: IMAGE_GROUP, resources: LAYERS, verbs: ['update'] }],
      expect: 'denied',
    },
    {
      from: 'verifyWithLocalSAR: Name is the image stream (a rule limited to it)',
      image: 'foo/bar',
      rules: [{ apiGroups: IMAGE_GROUP, resources: LAYERS, verbs: PULL, resourceNames: ['bar'] }],
      expect: 'allowed',
    },
    {
      from: 'verifyWithLocalSAR: Name is the image stream (a rule limited to another)',
      image: 'foo/bar',
      rules: [{ apiGroups: IMAGE_GROUP, resources: LAYERS, verbs: PULL, resourceNames: ['baz'] }],
      expect: 'denied',
    },
    {
      from: 'verifyWithLocalSAR: Namespace is the project (a grant in another project)',
      image: 'foo/bar',
      rules: [{ apiGroups: IMAGE_GROUP, resources: LAYERS, verbs: PULL }],
      grantedIn: 'other',
      expect: 'denied',
    },
  ],
};

const AUTH_TEST_REVIEWS: PortedFile<ReviewCase> = {
  upstream: AUTH_TEST,
  cases: [
    {
      from: 'TestVerifyImageStreamAccess row 1 (the review does not allow: ErrOpenShiftAccessDenied)',
      server: { status: { allowed: false, reason: 'not authorized!' } },
      expect: 'denied',
    },
    {
      from: 'TestVerifyImageStreamAccess row 2 (the review allows)',
      server: { status: { allowed: true, reason: 'authorized!' } },
      expect: 'allowed',
    },
    {
      from: 'TestVerifyImageStreamAccess row 0 (401 Unauthorized: ErrOpenShiftAccessDenied)',
      server: { wrongToken: true },
      expect: 'unknown',
      differs:
        "the registry sends the puller's own token, so a 401 denies that pull; pullcheck asks with its own credentials, and their rejection says nothing about the service account's access",
    },
    {
      from: 'TestAccessController "error running subject access review" (500: the error is returned, no access)',
      server: { httpStatus: 500 },
      expect: 'unknown',
    },
  ],
};

export const NAMES = [UTIL_NAMES, AUTH_TEST_NAMES];
export const AUTHORIZE = [AUTH_TEST_ACCESS, AUTH_GO_ACCESS];
export const REVIEWS = [AUTH_TEST_REVIEWS];

/** One row per upstream file, as the README counts them. */
export const PORTED = [
  UTIL_NAMES,
  {
    upstream: AUTH_TEST,
    cases: [...AUTH_TEST_NAMES.cases, ...AUTH_TEST_ACCESS.cases, ...AUTH_TEST_REVIEWS.cases],
  },
  AUTH_GO_ACCESS,
] satisfies PortedTables;
