// Every built-in role of an OpenShift 4 cluster, from the golden files its own tests compare the bootstrap
// policy with, and whether it lets a service account pull: `get` on imagestreams/layers in image.openshift.io
// (the registry's question, image-registry pkg/dockerregistry/server/auth.go), through its own rules or the
// ClusterRoles its aggregationRule selects. Our reading of each role; the test binds it and asks pullcheck.
import type { Ported, PortedFile, PortedTables } from './ported.ts';

export interface BuiltinRoleCase extends Ported {
  /** A ClusterRole's name, or NAMESPACE/NAME of a namespace Role. */
  readonly role: string;
  /** Whether a binding to it lets the service account pull from the binding's namespace. */
  readonly pulls: boolean;
}

/** A built-in RoleBinding: does it alone let any service account pull from its namespace? */
export interface BuiltinBindingCase extends Ported {
  readonly binding: string;
  readonly namespace: string;
  readonly pulls: boolean;
}

const clusterRoles = (
  test: string,
  fixture: string,
  pulling: readonly string[],
  others: readonly string[],
) => [
  ...pulling.map((role) => ({ from: `${test} (${fixture}): ClusterRole ${role}`, role, pulls: true })),
  ...others.map((role) => ({ from: `${test} (${fixture}): ClusterRole ${role}`, role, pulls: false })),
];

const OPENSHIFT_APISERVER = {
  repository: 'openshift/openshift-apiserver',
  commit: '56aa2d96edd725e44ddd7ff13f23e53e6c509828',
} as const;
const OPENSHIFT_KUBERNETES = 'openshift/kubernetes';

export const ROLES: PortedFile<BuiltinRoleCase>[] = [
  {
    upstream: { ...OPENSHIFT_APISERVER, path: 'test/testdata/bootstrappolicy/bootstrap_cluster_roles.yaml' },
    cases: clusterRoles(
      'pkg/bootstrappolicy/policy_test.go TestBootstrapClusterRoles',
      'bootstrap_cluster_roles.yaml',
      [
        // aggregates aggregate-to-cluster-reader and aggregate-to-view (registry-viewer)
        'cluster-reader',
        'system:openshift:aggregate-to-cluster-reader',
        'system:openshift:aggregate-to-admin',
        'system:openshift:aggregate-to-edit',
        'system:image-puller',
        'system:image-pusher',
        'system:image-builder',
        'system:image-signer',
        'system:master',
        'registry-admin',
        'registry-editor',
        'registry-viewer',
      ],
      [
        'sudoer',
        'system:scope-impersonation',
        'cluster-debugger',
        'system:build-strategy-docker',
        'system:build-strategy-custom',
        'system:build-strategy-source',
        'system:build-strategy-jenkinspipeline',
        'storage-admin',
        'system:openshift:aggregate-to-storage-admin',
        // its imagestreams/layers rule is left out upstream (policy.go), so view pulls through registry-viewer
        'system:openshift:aggregate-to-view',
        'basic-user',
        'system:openshift:aggregate-to-basic-user',
        'self-access-reviewer',
        'self-provisioner',
        'cluster-status',
        // get on images, imagestreams, imagestreamtags…: metadata, never the layers
        'system:image-auditor',
        'system:oauth-token-deleter',
        'system:router',
        'system:node-admin',
        'system:node-reader',
        'system:sdn-reader',
        'system:sdn-manager',
        'system:webhook',
        'system:openshift:discovery',
        'system:openshift:templateservicebroker-client',
        'system:openshift:controller:build-controller',
        'system:openshift:controller:build-config-change-controller',
        'system:openshift:controller:deployer-controller',
        'system:openshift:controller:deploymentconfig-controller',
        'system:openshift:controller:template-instance-controller',
        'system:openshift:controller:template-instance-finalizer-controller',
        'system:openshift:controller:origin-namespace-controller',
        'system:openshift:controller:serviceaccount-controller',
        'system:openshift:controller:serviceaccount-pull-secrets-controller',
        'system:openshift:controller:image-trigger-controller',
        'system:openshift:controller:image-import-controller',
        'system:openshift:controller:cluster-quota-reconciliation-controller',
        'system:openshift:controller:unidling-controller',
        'system:openshift:controller:service-ingress-ip-controller',
        'system:openshift:controller:pv-recycler-controller',
        'system:openshift:controller:resourcequota-controller',
        'system:openshift:controller:horizontal-pod-autoscaler',
        'system:openshift:controller:template-service-broker',
        'system:openshift:controller:default-rolebindings-controller',
      ],
    ),
  },
  {
    upstream: {
      ...OPENSHIFT_APISERVER,
      path: 'test/testdata/bootstrappolicy/bootstrap_namespace_roles.yaml',
    },
    cases: [
      {
        from: 'pkg/bootstrappolicy/policy_test.go TestBootstrapNamespaceRoles (bootstrap_namespace_roles.yaml): Role openshift/shared-resource-viewer',
        role: 'openshift/shared-resource-viewer',
        pulls: true,
      },
      {
        from: 'pkg/bootstrappolicy/policy_test.go TestBootstrapNamespaceRoles (bootstrap_namespace_roles.yaml): Role openshift-node/system:node-config-reader',
        role: 'openshift-node/system:node-config-reader',
        pulls: false,
      },
    ],
  },
  {
    // The OpenShift kube-apiserver's (fork of Kubernetes) own bootstrap ClusterRoles.
    upstream: {
      repository: OPENSHIFT_KUBERNETES,
      commit: '9a190e05d98a7603937830b639206b3808e93005',
      path: 'plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata/cluster-roles.yaml',
    },
    cases: clusterRoles(
      'plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy_test.go TestBootstrapClusterRoles',
      'cluster-roles.yaml',
      // admin ⊇ edit ⊇ view ⊇ registry-viewer by aggregation; cluster-admin has * on *
      ['admin', 'cluster-admin', 'edit', 'view'],
      [
        'system:aggregate-to-admin',
        'system:aggregate-to-edit',
        'system:aggregate-to-view',
        'system:auth-delegator',
        'system:basic-user',
        'system:certificates.k8s.io:certificatesigningrequests:nodeclient',
        'system:certificates.k8s.io:certificatesigningrequests:selfnodeclient',
        'system:certificates.k8s.io:kube-apiserver-client-approver',
        'system:certificates.k8s.io:kube-apiserver-client-kubelet-approver',
        'system:certificates.k8s.io:kubelet-serving-approver',
        'system:certificates.k8s.io:legacy-unknown-approver',
        'system:discovery',
        'system:heapster',
        'system:kube-aggregator',
        // list and watch on * in *: never get
        'system:kube-controller-manager',
        'system:kube-dns',
        'system:kube-scheduler',
        'system:kubelet-api-admin',
        'system:monitoring',
        'system:node',
        'system:node-bootstrapper',
        'system:node-problem-detector',
        'system:node-proxier',
        'system:openshift:public-info-viewer',
        'system:persistent-volume-provisioner',
        'system:public-info-viewer',
        'system:service-account-issuer-discovery',
        'system:volume-scheduler',
      ],
    ),
  },
  {
    upstream: {
      repository: OPENSHIFT_KUBERNETES,
      commit: 'a93562563879eb4b0c039df2c940f080d80cc3b3',
      path: 'plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata/controller-roles.yaml',
    },
    cases: clusterRoles(
      'plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy_test.go TestBootstrapControllerRoles',
      'controller-roles.yaml',
      // get on * in *
      ['system:controller:generic-garbage-collector', 'system:controller:namespace-controller'],
      [
        'system:controller:attachdetach-controller',
        'system:controller:certificate-controller',
        'system:controller:clusterrole-aggregation-controller',
        'system:controller:cronjob-controller',
        'system:controller:daemon-set-controller',
        'system:controller:deployment-controller',
        // get on */scale in *: another subresource
        'system:controller:disruption-controller',
        'system:controller:endpoint-controller',
        'system:controller:endpointslice-controller',
        'system:controller:endpointslicemirroring-controller',
        'system:controller:ephemeral-volume-controller',
        'system:controller:expand-controller',
        'system:controller:horizontal-pod-autoscaler',
        'system:controller:job-controller',
        'system:controller:legacy-service-account-token-cleaner',
        'system:controller:node-controller',
        'system:controller:persistent-volume-binder',
        'system:controller:pod-garbage-collector',
        'system:controller:pv-protection-controller',
        'system:controller:pvc-protection-controller',
        'system:controller:replicaset-controller',
        'system:controller:replication-controller',
        // list and watch on * in *
        'system:controller:resourcequota-controller',
        'system:controller:root-ca-cert-publisher',
        'system:controller:route-controller',
        'system:controller:service-account-controller',
        'system:controller:service-controller',
        'system:controller:statefulset-controller',
        'system:controller:ttl-after-finished-controller',
        'system:controller:ttl-controller',
        'system:controller:validatingadmissionpolicy-status-controller',
      ],
    ),
  },
];

export const BINDINGS: PortedFile<BuiltinBindingCase>[] = [
  {
    upstream: {
      ...OPENSHIFT_APISERVER,
      path: 'test/testdata/bootstrappolicy/bootstrap_namespace_role_bindings.yaml',
    },
    cases: [
      {
        from: 'pkg/bootstrappolicy/policy_test.go TestGetBootstrapNamespaceRoleBindings (bootstrap_namespace_role_bindings.yaml): RoleBinding openshift/shared-resource-viewers (group system:authenticated)',
        binding: 'shared-resource-viewers',
        namespace: 'openshift',
        pulls: true,
      },
      {
        from: 'pkg/bootstrappolicy/policy_test.go TestGetBootstrapNamespaceRoleBindings (bootstrap_namespace_role_bindings.yaml): RoleBinding openshift-node/system:node-config-reader (group system:nodes)',
        binding: 'system:node-config-reader',
        namespace: 'openshift-node',
        pulls: false,
      },
    ],
  },
];

export const PORTED = [...ROLES, ...BINDINGS] satisfies PortedTables;
