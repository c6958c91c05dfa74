// A cluster whose only grant is the generated pullcheck-read ClusterRole, bound to user `pullcheck`: what
// the permissions tests ask pullcheck's own RBAC authorizer about each request the live reads send.
import { KUBERNETES_READ_RULES } from '../../src/permissions/kubernetes-cluster-role.ts';
import type { ClusterState } from '../../src/providers/kubernetes/rbac/model.ts';

export function clusterGrantingReadRole(): ClusterState {
  return {
    clusterRoles: new Map([
      [
        'pullcheck-read',
        {
          name: 'pullcheck-read',
          labels: {},
          rules: KUBERNETES_READ_RULES.map((rule) => ({ ...rule, resourceNames: [] })),
          origin: 'generated',
        },
      ],
    ]),
    roles: new Map(),
    roleBindings: new Map(),
    clusterRoleBindings: [
      {
        name: 'pullcheck-read',
        roleRef: { kind: 'ClusterRole', name: 'pullcheck-read' },
        subjects: [{ kind: 'User', name: 'pullcheck' }],
        origin: 'test',
      },
    ],
    serviceAccounts: new Map(),
    secrets: new Map(),
    namespaces: new Set(),
  };
}
