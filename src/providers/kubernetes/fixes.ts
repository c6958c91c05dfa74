// Fixes for Kubernetes and OpenShift pulls: the image-puller role in the image's project, and pull secrets
// linked to the pulling service account (OpenShift docs, "Using image pull secrets"; Kubernetes docs,
// "Configure Service Accounts for Pods": add ImagePullSecrets to a service account).
import type { MissingGrant } from '../../core/verdict.ts';

export interface PullingServiceAccount {
  readonly namespace: string;
  readonly name: string;
  /** Kubernetes clusters have no `oc`: their fixes use kubectl only. Default openshift. */
  readonly platform?: 'openshift' | 'kubernetes';
  /**
   * The pod spec's own imagePullSecrets. When a pod lists any, the ServiceAccount admission controller
   * does not add the service account's, so these are the only ones the kubelet uses.
   */
  readonly podPullSecrets?: readonly string[];
}

/** A binding subject: a service account, or a user by name (an OpenShift CI login's). */
export type BindingSubject =
  | { readonly kind: 'ServiceAccount'; readonly namespace: string; readonly name: string }
  | { readonly kind: 'User'; readonly name: string };

/**
 * The RoleBinding granting one OpenShift cluster role to one subject in a namespace, as YAML (the pull and
 * push fixes). A user name is not a DNS name: one YAML would misread is quoted.
 */
export function roleBindingYaml(
  name: string,
  namespace: string,
  clusterRole: string,
  subject: BindingSubject,
): string {
  const subjectLines =
    subject.kind === 'ServiceAccount'
      ? ['  - kind: ServiceAccount', `    name: ${subject.name}`, `    namespace: ${subject.namespace}`]
      : [
          '  - kind: User',
          '    apiGroup: rbac.authorization.k8s.io',
          `    name: ${plainOrQuoted(subject.name)}`,
        ];
  return [
    'apiVersion: rbac.authorization.k8s.io/v1',
    'kind: RoleBinding',
    'metadata:',
    `  name: ${name.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}`,
    `  namespace: ${namespace}`,
    'roleRef:',
    '  apiGroup: rbac.authorization.k8s.io',
    '  kind: ClusterRole',
    `  name: ${clusterRole}`,
    'subjects:',
    ...subjectLines,
  ].join('\n');
}

const PLAIN_YAML = /^[A-Za-z0-9][A-Za-z0-9._@/-]*(?::[A-Za-z0-9._@/-]+)*$/;

function plainOrQuoted(text: string): string {
  return PLAIN_YAML.test(text) ? text : JSON.stringify(text);
}

export function imagePullerFix(
  account: PullingServiceAccount,
  imageNamespace: string,
  imageStream: string,
  severalInNamespace: boolean,
): MissingGrant {
  const user = `system:serviceaccount:${account.namespace}:${account.name}`;
  const group = `system:serviceaccounts:${account.namespace}`;
  const cli = [`oc policy add-role-to-user system:image-puller ${user} --namespace=${imageNamespace}`];
  if (severalInNamespace) {
    cli.push(
      `# or, for every service account of ${account.namespace}:`,
      `oc policy add-role-to-group system:image-puller ${group} --namespace=${imageNamespace}`,
    );
  }
  return {
    side: 'binding',
    permissions: ['image.openshift.io/imagestreams/layers get'],
    fix: {
      text:
        `Let ${user} pull from project ${imageNamespace}: bind the system:image-puller cluster role to it in ${imageNamespace}` +
        ` (image stream ${imageStream}).` +
        (severalInNamespace
          ? ` Several service accounts of ${account.namespace} pull: binding the group ${group} covers them all.`
          : ''),
      snippets: {
        cli: cli.join('\n'),
        yaml: roleBindingYaml(
          `image-puller-${account.namespace}-${account.name}`,
          imageNamespace,
          'system:image-puller',
          { kind: 'ServiceAccount', namespace: account.namespace, name: account.name },
        ),
      },
    },
  };
}

const NEW_PODS_ONLY = 'Linked pull secrets apply to pods created afterwards: restart the workload.';

/** Link an existing pull secret to the service account. */
export function linkSecretFix(
  account: PullingServiceAccount,
  secret: string,
  host: string,
  existing: readonly string[],
): MissingGrant {
  const patch = patchCommand(account, secret, existing);
  return {
    side: 'pull-secret',
    permissions: [`imagePullSecrets for ${host}`],
    fix: {
      text: `The secret ${secret} in ${account.namespace} covers ${host} but is not linked to service account ${account.name}: link it for pulls. ${NEW_PODS_ONLY}`,
      snippets: {
        cli:
          account.platform === 'kubernetes'
            ? patch
            : `oc secrets link ${account.name} ${secret} --for=pull -n ${account.namespace}\n# or: ${patch}`,
        yaml: serviceAccountYaml(account, [...existing, secret]),
      },
    },
  };
}

/** Create a pull secret for the host and link it. */
export function createSecretFix(
  account: PullingServiceAccount,
  host: string,
  existing: readonly string[],
  named?: string,
): MissingGrant {
  const secret =
    named ??
    `${host
      .replace(/[^a-z0-9]+/gi, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase()}-pull`;
  return {
    side: 'pull-secret',
    permissions: [`imagePullSecrets for ${host}`],
    fix: {
      text:
        (named
          ? `The service account ${account.name} links the pull secret ${named}, which does not exist in ${account.namespace}: create it.`
          : `No pull secret of service account ${account.name} in ${account.namespace} covers ${host}: create one and link it.`) +
        ` ${NEW_PODS_ONLY}`,
      snippets: {
        cli: [
          `kubectl create secret docker-registry ${secret} -n ${account.namespace} --docker-server=${host} --docker-username=<user> --docker-password=<password>`,
          ...(account.platform !== 'kubernetes'
            ? [`oc secrets link ${account.name} ${secret} --for=pull -n ${account.namespace}`]
            : existing.includes(secret)
              ? [] // already listed in imagePullSecrets: creating it is enough
              : [patchCommand(account, secret, existing)]),
        ].join('\n'),
        yaml: serviceAccountYaml(account, existing.includes(secret) ? existing : [...existing, secret]),
      },
    },
  };
}

/**
 * Kubernetes docs, "Configure Service Accounts for Pods": `kubectl patch serviceaccount default -p
 * '{"imagePullSecrets": [{"name": "myregistrykey"}]}'` replaces the list, so with secrets already linked the
 * secret is appended with a JSON patch instead.
 */
function patchCommand(account: PullingServiceAccount, secret: string, existing: readonly string[]): string {
  return existing.length > 0
    ? `kubectl patch serviceaccount ${account.name} -n ${account.namespace} --type=json -p='[{"op":"add","path":"/imagePullSecrets/-","value":{"name":"${secret}"}}]'`
    : `kubectl patch serviceaccount ${account.name} -n ${account.namespace} -p '{"imagePullSecrets":[{"name":"${secret}"}]}'`;
}

function serviceAccountYaml(account: PullingServiceAccount, secrets: readonly string[]): string {
  return [
    'apiVersion: v1',
    'kind: ServiceAccount',
    'metadata:',
    `  name: ${account.name}`,
    `  namespace: ${account.namespace}`,
    'imagePullSecrets:',
    ...secrets.map((secret) => `  - name: ${secret}`),
  ].join('\n');
}

/** The pod lists its own pull secrets: the covering secret goes into its pod template (creating it if needed). */
export function podSecretFix(
  account: PullingServiceAccount,
  host: string,
  listed: readonly string[],
  secret: string,
  exists: boolean,
): MissingGrant {
  return {
    side: 'pull-secret',
    permissions: [`imagePullSecrets for ${host}`],
    fix: {
      text:
        `The pods list their own imagePullSecrets (${listed.join(', ')}), so the service account's are not used:` +
        (listed.includes(secret)
          ? ` create the pull secret ${secret} for ${host} in ${account.namespace}.`
          : ` ${exists ? '' : `create a pull secret for ${host} and `}add ${secret} to the pod template's imagePullSecrets.`) +
        ' Pull secrets apply to pods created afterwards: changing the pod template rolls out new ones.',
      snippets: {
        ...(exists
          ? {}
          : {
              cli: `kubectl create secret docker-registry ${secret} -n ${account.namespace} --docker-server=${host} --docker-username=<user> --docker-password=<password>`,
            }),
        yaml: [
          'imagePullSecrets:',
          ...[...new Set([...listed, secret])].map((name) => `  - name: ${name}`),
        ].join('\n'),
      },
    },
  };
}

/** A pull secret the kubelet cannot decode fails every pull of the pod: it is rewritten in the form kubectl writes. */
export function undecodableSecretFix(
  account: PullingServiceAccount,
  secret: string,
  problem: string,
): MissingGrant {
  return {
    side: 'pull-secret',
    permissions: [`a decodable Secret ${secret}`],
    fix: {
      text:
        `The kubelet cannot decode the pull secret ${secret} in ${account.namespace} (${problem}), and fails every pull of pods that use it:` +
        ` recreate it (kubectl writes each "auth" as base64 of username:password), or drop it from the pods' imagePullSecrets.`,
      snippets: {
        cli: [
          `kubectl delete secret ${secret} -n ${account.namespace}`,
          `kubectl create secret docker-registry ${secret} -n ${account.namespace} --docker-server=<registry host> --docker-username=<user> --docker-password=<password>`,
        ].join('\n'),
      },
    },
  };
}
