// Pulls from every other registry by Kubernetes and OpenShift service accounts (SPEC §4 "Other secured registries
// from Kubernetes/OpenShift"): the service account must link, in `imagePullSecrets`, a Secret of type
// kubernetes.io/dockerconfigjson (or the legacy kubernetes.io/dockercfg) whose registry keys cover the image as the
// kubelet matches them. Driven through the real path: a config and manifests in a temp dir → loadConfigFile →
// runCheck with every provider, then the bundled CLI as a process. Each case names its source: OpenShift "Using
// image pull secrets"; Kubernetes "Images" ("Interpretation of config.json"), "Pull an Image from a Private
// Registry", "Configure Service Accounts for Pods", "Secrets"; the kubelet's keyring
// (pkg/credentialprovider/keyring.go) where the page is silent.
// Every Secret carries distinctive fake credentials (auth, password, identitytoken); none of them, nor any
// part or base64 form of one, may reach stdout, stderr or the report file in any format.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import path from 'node:path';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { ConfigError } from '../../../src/core/errors.ts';
import { parseImageName } from '../../../src/core/image-reference.ts';
import type { Report } from '../../../src/core/report-model.ts';
import type { MissingGrant, VerdictKind } from '../../../src/core/verdict.ts';
import { check, positionOf, shown, writeCase, yamlStream } from '../../helpers/manifests.ts';
import { EVERY_FORMAT_RUNS, runCheckCommand, runEveryFormat } from '../../helpers/cli-formats.ts';

const OCP_PULL = 'OpenShift "Using image pull secrets"';
const OCP_GLOBAL = `${OCP_PULL}, "Updating the global cluster pull secret" (nodes pull with it for every pod)`;
const OCP_SECURED = `${OCP_PULL}, "Allowing pods to reference images from other secured registries"`;
const K8S_CONFIG_JSON = 'Kubernetes "Images", "Interpretation of config.json"';
const KUBELET = 'kubelet keyring (pkg/credentialprovider/keyring.go)';
const K8S_PRIVATE = 'Kubernetes "Pull an Image from a Private Registry"';
const K8S_SA =
  'Kubernetes "Configure Service Accounts for Pods", "Add ImagePullSecrets to a service account"';
const K8S_SECRETS = 'Kubernetes "Secrets", "Docker config Secrets"';
const K8S_SA_ADMISSION =
  'Kubernetes "Managing Service Accounts", "ServiceAccount admission controller" ("If the Pod does not contain any imagePullSecrets, then imagePullSecrets of the ServiceAccount are added")';
const K8S_IMAGES = 'Kubernetes "Images", "Specifying imagePullSecrets on a Pod"';
const SPEC = 'SPEC §3/§4';

const NS = 'project-a';
const IMAGE = 'registry.example.com/team/app:1.0';
const HOST = 'registry.example.com';
const QUAY_IMAGE = 'quay.io/acme/agent:3.1';

type Json = Record<string, unknown>;

/** Fake credentials, distinctive and random, so that any trace of one can be found. */
class FakeSecrets {
  readonly all: string[] = [];

  /** `FAKE-SECRET-<label>-<16 consonants>`: no report text has 8 consonants of this set in a row. */
  next(label: string): string {
    let random = '';
    for (let i = 0; i < 16; i++) random += 'bcdfghjkmnpqrstvwxz'.charAt(randomInt(19));
    const secret = `FAKE-SECRET-${label}-${random}`;
    this.all.push(secret);
    return secret;
  }
}

const base64 = (text: string) => Buffer.from(text).toString('base64');

/**
 * Base64 of any text that contains `text` contains one of these, whatever the offset of `text` in it (the first
 * and last 4 characters of each encoding depend on the neighbours, so they are left out).
 */
function base64Forms(text: string): string[] {
  return [0, 1, 2].map((offset) => base64('\0'.repeat(offset) + text).slice(offset === 0 ? 0 : 4, -4));
}

/**
 * The seeded secrets `output` shows whole, in part (any 8 characters of the random part), in base64 or in base64
 * of base64 (an `auth` entry inside the base64 `.dockerconfigjson` of a Secret's data).
 */
function leakedSecrets(output: string, secrets: readonly string[]): string[] {
  return secrets.filter((secret) => {
    const random = secret.slice(secret.lastIndexOf('-') + 1);
    const parts = Array.from({ length: random.length - 7 }, (_, i) => random.slice(i, i + 8));
    const encoded = base64Forms(secret);
    const twice = encoded.flatMap(base64Forms);
    return [secret, ...parts, ...encoded, ...twice].some((form) => output.includes(form));
  });
}

/** One `auths` entry as `docker login` and `kubectl create secret docker-registry` write it, with FAKE values. */
function credentials(fake: FakeSecrets): Json {
  const password = fake.next('password');
  return {
    username: 'robot',
    password,
    email: 'robot@example.com',
    auth: base64(`robot:${fake.next('auth')}`),
    identitytoken: fake.next('identitytoken'),
  };
}

interface SecretOptions {
  readonly namespace?: string;
  /** Default kubernetes.io/dockerconfigjson; null leaves `type` out (Opaque). */
  readonly type?: string | null;
  /** Default: the field the type needs. */
  readonly field?: string;
  /** The field's text instead of a docker config built from `keys`. */
  readonly text?: (fake: FakeSecrets) => string;
  /** Write the field under stringData (plain text) instead of data (base64). */
  readonly stringData?: true;
}

/** A pull Secret whose registry keys are `keys`, each with its own fake credentials. */
function pullSecret(
  fake: FakeSecrets,
  name: string,
  keys: readonly string[],
  options: SecretOptions = {},
): Json {
  const type = options.type === undefined ? 'kubernetes.io/dockerconfigjson' : options.type;
  const legacy = type === 'kubernetes.io/dockercfg';
  const field = options.field ?? (legacy ? '.dockercfg' : '.dockerconfigjson');
  const hosts = () => Object.fromEntries(keys.map((key) => [key, credentials(fake)]));
  const text = options.text ? options.text(fake) : JSON.stringify(legacy ? hosts() : { auths: hosts() });
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace: options.namespace ?? NS },
    ...(type === null ? {} : { type }),
    ...(options.stringData ? { stringData: { [field]: text } } : { data: { [field]: base64(text) } }),
  };
}

const serviceAccount = (name: string, secrets: readonly string[] | null | undefined, ns = NS): Json => ({
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  metadata: { name, namespace: ns },
  ...(secrets === undefined
    ? {}
    : { imagePullSecrets: secrets === null ? null : secrets.map((s) => ({ name: s })) }),
});
const namespace = (name: string): Json => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

/** The default service account linking `regcred`, a Secret with `keys`. */
const linked =
  (keys: readonly string[], options: SecretOptions = {}) =>
  (fake: FakeSecrets) => [serviceAccount('default', ['regcred']), pullSecret(fake, 'regcred', keys, options)];

interface Expected {
  readonly verdict: VerdictKind;
  /** Texts (or patterns) each of which some reason must contain. */
  readonly says?: readonly (string | RegExp)[];
  /** A denied pull's one missing pull secret: its exact cli snippet, yaml snippet, what its text says. */
  readonly fix?: { readonly cli?: string; readonly yaml?: string; readonly text?: RegExp };
  /** The Secrets reported as committed (secret-in-repo, medium), in order. Default: every Secret with keys. */
  readonly committed?: readonly string[];
}

interface SecretCase {
  /** Cites the document the case comes from. */
  readonly name: string;
  readonly image?: string;
  readonly platform?: 'openshift' | 'kubernetes';
  readonly serviceAccount?: string;
  readonly targetNamespace?: string;
  /** The pod spec's own imagePullSecrets (a target's `imagePullSecrets`). */
  readonly podPullSecrets?: readonly string[];
  readonly publicImages?: readonly string[];
  /** The documents of deploy/pull.yaml (project-a's Namespace comes first); null: no facts.kubernetes. */
  readonly manifests: ((fake: FakeSecrets) => readonly Json[]) | null;
  readonly expect: Expected;
}

const CANNOT_CHECK = 'the credential itself cannot be checked offline';
const NEW_PODS =
  /(Linked pull secrets apply to pods created afterwards: restart the workload|Pull secrets apply to pods created afterwards: changing the pod template rolls out new ones)\./;
const allowed = (...says: (string | RegExp)[]): Expected => ({
  verdict: 'allowed',
  says: [CANNOT_CHECK, ...says],
});
const denied = (...says: (string | RegExp)[]): Expected => ({ verdict: 'denied', says });
const unknown = (...says: (string | RegExp)[]): Expected => ({ verdict: 'unknown', says });

// --- Which auths keys cover which images: the kubelet's matching --------------------------------------------------

interface MatchRow {
  readonly source: string;
  readonly key: string;
  readonly image: string;
  readonly covers: boolean;
  readonly why: string;
}

const MATCHING: readonly MatchRow[] = [
  {
    source: K8S_CONFIG_JSON,
    key: '*.kubernetes.io',
    image: 'kubernetes.io/app',
    covers: false,
    why: '"*.kubernetes.io will not match kubernetes.io"',
  },
  {
    source: K8S_CONFIG_JSON,
    key: '*.kubernetes.io',
    image: 'abc.kubernetes.io/app',
    covers: true,
    why: '"but will match abc.kubernetes.io"',
  },
  {
    source: K8S_CONFIG_JSON,
    key: '*.*.kubernetes.io',
    image: 'abc.kubernetes.io/app',
    covers: false,
    why: '"*.*.kubernetes.io will not match abc.kubernetes.io"',
  },
  {
    source: K8S_CONFIG_JSON,
    key: '*.*.kubernetes.io',
    image: 'abc.def.kubernetes.io/app',
    covers: true,
    why: '"but will match abc.def.kubernetes.io"',
  },
  {
    source: K8S_CONFIG_JSON,
    key: 'prefix.*.io',
    image: 'prefix.kubernetes.io/app',
    covers: true,
    why: '"prefix.*.io will match prefix.kubernetes.io"',
  },
  {
    source: K8S_CONFIG_JSON,
    key: '*-good.kubernetes.io',
    image: 'prefix-good.kubernetes.io/app',
    covers: true,
    why: '"*-good.kubernetes.io will match prefix-good.kubernetes.io"',
  },
  {
    source: K8S_CONFIG_JSON,
    key: '*.example.com',
    image: 'a.b.example.com/team/app',
    covers: false,
    why: 'the number of labels must be equal (one * per label)',
  },
  {
    source: K8S_CONFIG_JSON,
    key: '*.example.com',
    image: 'registry.example.com/team/app',
    covers: true,
    why: 'one label for one *',
  },
  {
    source: K8S_CONFIG_JSON,
    key: 'my-registry.example/images',
    image: 'my-registry.example/images',
    covers: true,
    why: 'the documented example "would match successfully"',
  },
  {
    source: K8S_CONFIG_JSON,
    key: 'my-registry.example/images',
    image: 'my-registry.example/images/my-image',
    covers: true,
    why: 'the documented example "would match successfully"',
  },
  {
    source: K8S_CONFIG_JSON,
    key: '*.my-registry.example/images',
    image: 'sub.my-registry.example/images/my-image',
    covers: true,
    why: 'the documented example "would match successfully"',
  },
  {
    source: K8S_CONFIG_JSON,
    key: '*.my-registry.example/images',
    image: 'a.sub.my-registry.example/images/my-image',
    covers: false,
    why: 'the documented example "would not match"',
  },
  {
    source: K8S_CONFIG_JSON,
    key: '*.my-registry.example/images',
    image: 'a.b.sub.my-registry.example/images/my-image',
    covers: false,
    why: 'the documented example "would not match"',
  },
  {
    source: K8S_CONFIG_JSON,
    key: 'registry.example.com/team',
    image: 'registry.example.com/team/app',
    covers: true,
    why: 'a key path is a prefix of the image path',
  },
  {
    source: K8S_CONFIG_JSON,
    key: 'registry.example.com/team',
    image: 'registry.example.com/other/app',
    covers: false,
    why: 'the key path is not a prefix of the image path',
  },
  {
    source: KUBELET,
    key: 'registry.example.com/team',
    image: 'registry.example.com/team2/app',
    covers: true,
    why: 'URLsMatch uses strings.HasPrefix on the paths: /team is a string prefix of /team2/app, as the kubelet matches',
  },
  {
    source: KUBELET,
    key: 'registry.example.com/team/',
    image: 'registry.example.com/team2/app',
    covers: false,
    why: 'with a trailing slash the prefix stops at the path segment',
  },
  {
    source: KUBELET,
    key: 'registry.example.com:5000',
    image: 'registry.example.com:5000/team/app',
    covers: true,
    why: 'URLsMatch: ports equal',
  },
  {
    source: KUBELET,
    key: 'registry.example.com:5000',
    image: 'registry.example.com/team/app',
    covers: false,
    why: 'URLsMatch: "port doesn\'t match"',
  },
  {
    source: KUBELET,
    key: 'registry.example.com',
    image: 'registry.example.com:5000/team/app',
    covers: false,
    why: 'URLsMatch: "port doesn\'t match" (no port is not port 5000)',
  },
  {
    source: KUBELET,
    key: 'registry.example.com:443',
    image: 'registry.example.com/team/app',
    covers: false,
    why: 'URLsMatch compares the port strings: 443 written is not the absent port',
  },
  {
    source: KUBELET,
    key: 'https://registry.example.com:443',
    image: 'registry.example.com:443/team/app',
    covers: true,
    why: 'the same port written on both sides',
  },
  {
    source: KUBELET,
    key: 'https://registry.example.com',
    image: 'registry.example.com/team/app',
    covers: true,
    why: 'Add strips https://',
  },
  {
    source: KUBELET,
    key: 'http://registry.example.com',
    image: 'registry.example.com/team/app',
    covers: true,
    why: 'Add strips http://',
  },
  {
    source: KUBELET,
    key: 'https://registry.example.com/v2/',
    image: 'registry.example.com/team/app',
    covers: true,
    why: 'Add: "/v2/ and /v1/ equivalent to the hostname"',
  },
  {
    source: KUBELET,
    key: 'registry.example.com/v1/',
    image: 'registry.example.com/team/app',
    covers: true,
    why: 'Add: "/v2/ and /v1/ equivalent to the hostname"',
  },
  {
    source: KUBELET,
    key: 'https://registry.example.com/v2/team',
    image: 'registry.example.com/team/app',
    covers: true,
    why: 'Add strips /v2 before a path',
  },
  {
    source: KUBELET,
    key: 'https://registry.example.com/v2/team',
    image: 'registry.example.com/other/app',
    covers: false,
    why: 'the path left after /v2 must still be a prefix',
  },
  {
    source: KUBELET,
    key: 'https://index.docker.io/v1/',
    image: 'docker.io/library/nginx:1.27',
    covers: true,
    why: 'Lookup: the default registry key index.docker.io serves docker.io images',
  },
  {
    source: KUBELET,
    key: 'https://index.docker.io/v1/',
    image: 'nginx:1.27',
    covers: true,
    why: 'Lookup: isDefaultRegistryMatch("nginx")',
  },
  {
    source: KUBELET,
    key: 'https://index.docker.io/v1/',
    image: 'acme/private-app:2.0',
    covers: true,
    why: 'Lookup: a name without a registry host is Docker Hub',
  },
  {
    source: KUBELET,
    key: 'index.docker.io',
    image: 'nginx:1.27',
    covers: true,
    why: 'Lookup: the default registry key without scheme or /v1/',
  },
  {
    source: KUBELET,
    key: 'docker.io',
    image: 'acme/private-app:2.0',
    covers: true,
    why: "URLsMatch: docker.io is the image's normalised host",
  },
  {
    source: KUBELET,
    key: 'docker.io/acme',
    image: 'acme/private-app:2.0',
    covers: true,
    why: 'URLsMatch: a path prefix on docker.io',
  },
  {
    source: KUBELET,
    key: 'https://index.docker.io/v1/acme',
    image: 'acme/private-app:2.0',
    covers: false,
    why: "Lookup falls back to the exact default key index.docker.io only; index.docker.io/acme has 3 labels against docker.io's 2",
  },
  {
    source: KUBELET,
    key: 'registry-1.docker.io',
    image: 'nginx:1.27',
    covers: false,
    why: "Lookup: only index.docker.io is the default registry key; registry-1.docker.io has 3 labels against docker.io's 2",
  },
  {
    source: KUBELET,
    key: '*.docker.io',
    image: 'nginx:1.27',
    covers: false,
    why: "URLsMatch: 3 labels against docker.io's 2",
  },
  {
    source: K8S_CONFIG_JSON,
    key: 'quay.io',
    image: QUAY_IMAGE,
    covers: true,
    why: "the OpenShift page's config.json example lists quay.io",
  },
  {
    source: K8S_CONFIG_JSON,
    key: 'cloud.openshift.com',
    image: QUAY_IMAGE,
    covers: false,
    why: 'another host',
  },
];

/** A key with credentials in its URL: the kubelet reads the host; pullcheck must never print the userinfo. */
const userinfoKey = (fake: FakeSecrets) => `https://robot:${fake.next('urlpassword')}@${HOST}`;

const cases: readonly SecretCase[] = [
  // --- Linked and covering ----------------------------------------------------------------------------------------
  {
    name: `${K8S_PRIVATE} + ${K8S_SA}: the service account links regcred, whose auths cover the registry: allowed, saying the credential cannot be checked offline`,
    manifests: linked([HOST]),
    expect: allowed(
      new RegExp(
        `^ServiceAccount default \\([^)]*pull\\.yaml:\\d+:1\\) links Secret regcred \\([^)]*pull\\.yaml:\\d+:1\\), whose registry key ${HOST} covers ${HOST}; ${CANNOT_CHECK}$`,
      ),
    ),
  },
  {
    name: `${OCP_SECURED}: the quay.io pull secret linked with oc secrets link default quay-robot --for=pull`,
    image: QUAY_IMAGE,
    manifests: (fake) => [
      serviceAccount('default', ['quay-robot']),
      pullSecret(fake, 'quay-robot', ['cloud.openshift.com', 'quay.io']),
    ],
    expect: allowed('whose registry key quay.io covers quay.io'),
  },
  {
    name: `${K8S_SECRETS} (kubernetes.io/dockercfg: the legacy ~/.dockercfg format, hosts at the top): a legacy pull secret works the same`,
    manifests: linked([HOST], { type: 'kubernetes.io/dockercfg' }),
    expect: allowed(`whose registry key ${HOST} covers ${HOST}`),
  },
  {
    name: `${K8S_SECRETS} (stringData takes plain text): a .dockerconfigjson written under stringData`,
    manifests: linked([HOST], { stringData: true }),
    expect: allowed(`registry key ${HOST}`),
  },
  {
    name: `${K8S_CONFIG_JSON} ("the kubelet will try to download it using both authentication sources"): the second linked secret covers`,
    manifests: (fake) => [
      serviceAccount('default', ['quay-robot', 'regcred']),
      pullSecret(fake, 'quay-robot', ['quay.io']),
      pullSecret(fake, 'regcred', [HOST]),
    ],
    expect: allowed('links Secret regcred'),
  },
  {
    name: `${K8S_SA} + ${SPEC}: a service account other than default, named on the target`,
    serviceAccount: 'deployer',
    manifests: (fake) => [serviceAccount('deployer', ['regcred']), pullSecret(fake, 'regcred', [HOST])],
    expect: allowed('ServiceAccount deployer'),
  },
  {
    name: `${K8S_SA} + ${SPEC} (kubernetes targets): a kubernetes target pulls through its linked secret the same way`,
    platform: 'kubernetes',
    manifests: linked([HOST]),
    expect: allowed(`registry key ${HOST}`),
  },
  {
    name: `${KUBELET} (Add parses each key as a URL and keeps its host): a key with user:password@ in it covers the host, and is never printed whole`,
    manifests: (fake) => [
      serviceAccount('default', ['regcred']),
      pullSecret(fake, 'regcred', [userinfoKey(fake)]),
    ],
    expect: allowed(`whose registry key https://${HOST} covers ${HOST}`),
  },

  {
    name: `${KUBELET} (Add ignores a key url.Parse rejects): a key whose password holds an unencoded / is not used, and not printed`,
    manifests: (fake) => [
      serviceAccount('default', ['regcred']),
      pullSecret(fake, 'regcred', [`https://robot:pa/ss-${fake.next('urlpassword')}@${HOST}`]),
    ],
    expect: denied(/Secret regcred \([^)]*\) covers no registry, not registry\.example\.com$/),
  },

  // --- Exists but not linked, linked but absent, none at all ------------------------------------------------------
  {
    name: `${OCP_SECURED}: the secret exists but is not linked: denied on the pull-secret side, fixed by oc secrets link default regcred --for=pull`,
    manifests: (fake) => [serviceAccount('default', undefined), pullSecret(fake, 'regcred', [HOST])],
    expect: {
      ...denied(
        /^ServiceAccount default \([^)]*\) links no imagePullSecrets$/,
        /Secret regcred \([^)]*\) covers registry\.example\.com but is not linked to default/,
      ),
      fix: {
        cli: [
          `oc secrets link default regcred --for=pull -n ${NS}`,
          `# or: kubectl patch serviceaccount default -n ${NS} -p '{"imagePullSecrets":[{"name":"regcred"}]}'`,
        ].join('\n'),
        yaml: [
          'apiVersion: v1',
          'kind: ServiceAccount',
          'metadata:',
          '  name: default',
          `  namespace: ${NS}`,
          'imagePullSecrets:',
          '  - name: regcred',
        ].join('\n'),
        text: /^The secret regcred in project-a covers registry\.example\.com but is not linked to service account default: link it for pulls\. Linked pull secrets apply to pods created afterwards/,
      },
    },
  },
  {
    name: `${K8S_SA} ("kubectl patch serviceaccount default -p '{"imagePullSecrets": [{"name": "myregistrykey"}]}'") + ${SPEC} (kubernetes targets): the fix patches the ServiceAccount`,
    platform: 'kubernetes',
    manifests: (fake) => [serviceAccount('default', undefined), pullSecret(fake, 'myregistrykey', [HOST])],
    expect: {
      verdict: 'denied',
      fix: {
        cli: `kubectl patch serviceaccount default -n ${NS} -p '{"imagePullSecrets":[{"name":"myregistrykey"}]}'`,
        text: NEW_PODS,
      },
    },
  },
  {
    name: `${K8S_SA} + ${OCP_SECURED}: another secret already linked: the patch appends (a JSON patch), the YAML keeps both`,
    manifests: (fake) => [
      serviceAccount('default', ['quay-robot']),
      pullSecret(fake, 'quay-robot', ['quay.io']),
      pullSecret(fake, 'regcred', [HOST]),
    ],
    expect: {
      ...denied(`Secret quay-robot (`, `covers quay.io, not ${HOST}`),
      fix: {
        cli: [
          `oc secrets link default regcred --for=pull -n ${NS}`,
          `# or: kubectl patch serviceaccount default -n ${NS} --type=json -p='[{"op":"add","path":"/imagePullSecrets/-","value":{"name":"regcred"}}]'`,
        ].join('\n'),
        yaml: [
          'apiVersion: v1',
          'kind: ServiceAccount',
          'metadata:',
          '  name: default',
          `  namespace: ${NS}`,
          'imagePullSecrets:',
          '  - name: quay-robot',
          '  - name: regcred',
        ].join('\n'),
      },
    },
  },
  {
    name: `${SPEC} ("absent → denied naming it"): a Secret named in imagePullSecrets that does not exist is denied, naming it`,
    manifests: () => [serviceAccount('default', ['regcred'])],
    expect: {
      ...denied(`links the pull secret regcred, which is not in the manifests of ${NS}`),
      fix: {
        text: /^The service account default links the pull secret regcred, which does not exist in project-a: create it\. Linked pull secrets apply to pods created afterwards/,
        cli: [
          `kubectl create secret docker-registry regcred -n ${NS} --docker-server=${HOST} --docker-username=<user> --docker-password=<password>`,
          `oc secrets link default regcred --for=pull -n ${NS}`,
        ].join('\n'),
      },
    },
  },
  {
    name: `${SPEC} (kubernetes targets): linked but absent on Kubernetes: creating it is the whole fix`,
    platform: 'kubernetes',
    manifests: () => [serviceAccount('default', ['regcred'])],
    expect: {
      ...denied('links the pull secret regcred, which is not in the manifests'),
      fix: {
        cli: `kubectl create secret docker-registry regcred -n ${NS} --docker-server=${HOST} --docker-username=<user> --docker-password=<password>`,
      },
    },
  },
  {
    name: `${K8S_IMAGES} ("can only reference one Secret in the same namespace"): a Secret of that name in project-b does not count`,
    manifests: (fake) => [
      serviceAccount('default', ['regcred']),
      namespace('project-b'),
      pullSecret(fake, 'regcred', [HOST], { namespace: 'project-b' }),
    ],
    expect: denied(`links the pull secret regcred, which is not in the manifests of ${NS}`),
  },
  {
    name: `${K8S_IMAGES}: a pod listing its own imagePullSecrets pulls with them`,
    podPullSecrets: ['regcred'],
    manifests: (fake) => [serviceAccount('default', undefined), pullSecret(fake, 'regcred', [HOST])],
    expect: allowed('the pod lists Secret regcred'),
  },
  {
    name: `${K8S_SA_ADMISSION}: the service account's secrets are not added to a pod that lists its own — denied even though the account links a covering one`,
    podPullSecrets: ['other'],
    manifests: (fake) => [
      serviceAccount('default', ['regcred']),
      pullSecret(fake, 'regcred', [HOST]),
      pullSecret(fake, 'other', ['quay.io']),
    ],
    expect: {
      ...denied('covers quay.io, not registry.example.com', "so the service account's are not added"),
      fix: {
        yaml: ['imagePullSecrets:', '  - name: other', '  - name: regcred'].join('\n'),
        text: /^The pods list their own imagePullSecrets \(other\), so the service account's are not used: add regcred to the pod template's imagePullSecrets\. Pull secrets/,
      },
    },
  },
  {
    name: `${K8S_IMAGES} + ${SPEC}: a pod's pull secret missing from a namespace the manifests mention is denied, fixed by creating it`,
    podPullSecrets: ['regcred'],
    manifests: () => [serviceAccount('default', undefined)],
    expect: {
      ...denied('the pod lists the pull secret regcred, which is not in the manifests of project-a'),
      fix: {
        cli: `kubectl create secret docker-registry regcred -n ${NS} --docker-server=${HOST} --docker-username=<user> --docker-password=<password>`,
      },
    },
  },
  {
    name: `${K8S_IMAGES} + ${SPEC}: a pod's pull secret in a namespace the manifests never mention is unknown, naming it`,
    podPullSecrets: ['regcred'],
    targetNamespace: 'elsewhere',
    manifests: () => [serviceAccount('default', undefined)],
    expect: unknown("the pod's pull secret regcred is not in facts.kubernetes.manifests"),
  },
  {
    name: `${OCP_GLOBAL}: no pull secret of the service account covers quay.io, but an installed cluster's global pull secret holds quay.io credentials: unknown, naming the Secret to state`,
    image: QUAY_IMAGE,
    manifests: () => [serviceAccount('default', undefined)],
    expect: unknown(
      "the cluster's global pull secret, which an installed cluster holds for quay.io",
      'oc get secret pull-secret -n openshift-config',
    ),
  },
  {
    name: `${OCP_GLOBAL}: registry.redhat.io (in every installed cluster's global pull secret) is unknown, not denied, without a pod pull secret`,
    image: 'registry.redhat.io/ubi9/ubi:9.4',
    manifests: () => [serviceAccount('default', undefined)],
    expect: unknown('which an installed cluster holds for registry.redhat.io'),
  },
  {
    name: `${OCP_GLOBAL} ("Updating the global cluster pull secret"): a global pull secret stated with the registry allows the pull on every node`,
    manifests: (fake) => [
      serviceAccount('default', undefined),
      pullSecret(fake, 'pull-secret', ['registry.redhat.io', 'quay.io', HOST], {
        namespace: 'openshift-config',
      }),
    ],
    expect: allowed(
      "OpenShift nodes pull with the cluster's global pull secret",
      `whose registry key ${HOST} covers`,
    ),
  },
  {
    name: `${OCP_GLOBAL}: a stated global pull secret without the registry adds nothing: denied, saying so`,
    image: QUAY_IMAGE,
    manifests: (fake) => [
      serviceAccount('default', undefined),
      pullSecret(fake, 'pull-secret', ['registry.redhat.io'], { namespace: 'openshift-config' }),
    ],
    expect: denied("the cluster's global pull secret", 'does not cover quay.io either'),
  },
  {
    name: `${OCP_GLOBAL} + ${SPEC} (optional layers not stated are taken as default): a registry outside the installed global pull secret is denied, the reason saying what was assumed`,
    manifests: () => [serviceAccount('default', undefined)],
    expect: denied(
      'is not in the facts and is taken as installed (cloud.openshift.com, quay.io, registry.connect.redhat.com, registry.redhat.io)',
    ),
  },
  {
    name: `${OCP_GLOBAL} + ${SPEC} (kubernetes targets): a Kubernetes cluster has no global pull secret: quay.io without a pod pull secret is denied`,
    platform: 'kubernetes',
    image: QUAY_IMAGE,
    manifests: () => [serviceAccount('default', undefined)],
    expect: denied('links no imagePullSecrets'),
  },
  {
    name: `${K8S_PRIVATE} ("kubectl create secret docker-registry"): no pull secret at all is denied, fixed by creating one and linking it`,
    manifests: () => [serviceAccount('default', undefined)],
    expect: {
      ...denied(
        'ServiceAccount default',
        'links no imagePullSecrets',
        `no pull secret of ${NS}/default covers ${HOST}/team/app`,
      ),
      fix: {
        cli: [
          `kubectl create secret docker-registry registry-example-com-pull -n ${NS} --docker-server=${HOST} --docker-username=<user> --docker-password=<password>`,
          `oc secrets link default registry-example-com-pull --for=pull -n ${NS}`,
        ].join('\n'),
        yaml: [
          'apiVersion: v1',
          'kind: ServiceAccount',
          'metadata:',
          '  name: default',
          `  namespace: ${NS}`,
          'imagePullSecrets:',
          '  - name: registry-example-com-pull',
        ].join('\n'),
        text: /^No pull secret of service account default in project-a covers registry\.example\.com: create one and link it\. Linked pull secrets apply to pods created afterwards/,
      },
    },
  },
  {
    name: `${K8S_PRIVATE} + ${SPEC} (kubernetes targets): the create-and-link fix uses kubectl only`,
    platform: 'kubernetes',
    manifests: () => [serviceAccount('default', [])],
    expect: {
      verdict: 'denied',
      fix: {
        cli: [
          `kubectl create secret docker-registry registry-example-com-pull -n ${NS} --docker-server=${HOST} --docker-username=<user> --docker-password=<password>`,
          `kubectl patch serviceaccount default -n ${NS} -p '{"imagePullSecrets":[{"name":"registry-example-com-pull"}]}'`,
        ].join('\n'),
      },
    },
  },
  {
    name: `${K8S_SA} + ${SPEC} ("every namespace has a default service account"): project-a mentioned, its default ServiceAccount not written, links nothing`,
    manifests: () => [],
    expect: denied(`the default ServiceAccount of ${NS} links no imagePullSecrets`),
  },
  {
    name: `${K8S_SA} (imagePullSecrets emptied in YAML is null): "imagePullSecrets:" left empty links nothing`,
    manifests: (fake) => [serviceAccount('default', null), pullSecret(fake, 'regcred', [HOST])],
    expect: denied('covers registry.example.com but is not linked to default'),
  },
  {
    name: `${K8S_PRIVATE}: the linked secret covers another host (wrong host): denied, naming the keys it has`,
    manifests: linked(['quay.io', 'ghcr.io']),
    expect: denied(/Secret regcred \([^)]*\) covers quay\.io, ghcr\.io, not registry\.example\.com$/),
  },

  // --- Secrets that are no pull secrets ---------------------------------------------------------------------------
  {
    name: `${K8S_SECRETS} (the kubelet reads only kubernetes.io/dockerconfigjson and kubernetes.io/dockercfg Secrets): an Opaque secret holding a .dockerconfigjson is not usable`,
    manifests: linked([HOST], { type: 'Opaque' }),
    expect: {
      ...denied(
        /Secret regcred \([^)]*\) cannot be used as a pull secret: its type is Opaque, not kubernetes\.io\/dockerconfigjson or kubernetes\.io\/dockercfg$/,
      ),
      committed: [],
    },
  },
  {
    name: `${K8S_SECRETS} (a Secret without type is Opaque): the same secret without type is not usable either`,
    manifests: linked([HOST], { type: null }),
    expect: { ...denied('its type is Opaque'), committed: [] },
  },
  {
    name: `${K8S_SECRETS} (kubernetes.io/dockerconfigjson stores its data under .dockerconfigjson): a .dockercfg key in a dockerconfigjson Secret is not read`,
    manifests: linked([HOST], { field: '.dockercfg' }),
    expect: {
      ...denied('cannot be used as a pull secret: it has no .dockerconfigjson entry'),
      committed: [],
    },
  },
  {
    name: `${K8S_SECRETS} + ${SPEC} (no value quoted): a malformed .dockerconfigjson (a truncated paste) names the problem, never the text`,
    manifests: linked([HOST], {
      text: (fake) =>
        `{"auths":{"${HOST}":{"auth":"${base64(`robot:${fake.next('auth')}`)}","password":"${fake.next('password')}"`,
    }),
    expect: {
      ...denied(/cannot be used as a pull secret: its \.dockerconfigjson is not valid JSON$/),
      committed: [],
    },
  },
  {
    name: `${K8S_SECRETS} (.dockerconfigjson is the ~/.docker/config.json format, with "auths"): the legacy hosts map written as .dockerconfigjson is not read`,
    manifests: linked([HOST], { text: (fake) => JSON.stringify({ [HOST]: credentials(fake) }) }),
    expect: { ...denied('its .dockerconfigjson has no "auths" map of registries'), committed: [] },
  },

  // --- What the manifests do not say ------------------------------------------------------------------------------
  {
    name: `${SPEC} ("a fact needed to decide could not be read"): a ServiceAccount not in the manifests is unknown`,
    serviceAccount: 'deployer',
    manifests: (fake) => [serviceAccount('default', ['regcred']), pullSecret(fake, 'regcred', [HOST])],
    expect: unknown(
      `unknown: ServiceAccount ${NS}/deployer is not in facts.kubernetes.manifests: add it with the pull Secrets it links (kubectl get serviceaccount deployer -n ${NS} -o yaml)`,
    ),
  },
  {
    name: `${SPEC}: the default ServiceAccount of a namespace the manifests never mention is unknown`,
    targetNamespace: 'project-z',
    manifests: linked([HOST]),
    expect: unknown('ServiceAccount project-z/default is not in facts.kubernetes.manifests'),
  },
  {
    name: `${SPEC}: without any manifests the pull is unknown`,
    manifests: null,
    expect: unknown(`ServiceAccount ${NS}/default is not in facts.kubernetes.manifests`),
  },
  {
    name: `${SPEC} (publicImages: "anyone may pull"): a public image needs no pull secret`,
    image: 'docker.io/library/nginx:1.27',
    publicImages: ['docker.io/library/*'],
    manifests: () => [serviceAccount('default', undefined)],
    expect: { verdict: 'allowed', says: ['matches publicImages entry docker.io/library/*'] },
  },

  // --- The kubelet's matching, key by key -------------------------------------------------------------------------
  ...MATCHING.map((row): SecretCase => ({
    name: `${row.source}: key ${row.key} ${row.covers ? 'covers' : 'does not cover'} ${row.image} (${row.why})`,
    image: row.image,
    // Key matching is the kubelet's, on every platform; OpenShift's global pull secret has its own cases.
    platform: 'kubernetes',
    manifests: linked([row.key]),
    expect: row.covers ? allowed(`whose registry key ${row.key} covers`) : denied(`covers ${row.key}, not `),
  })),
];

function configFor(c: Omit<SecretCase, 'name' | 'expect'>): Record<string, unknown> {
  return {
    version: 1,
    images: [c.image ?? IMAGE],
    targets: [
      {
        name: 'cluster',
        platform: c.platform ?? 'openshift',
        namespace: c.targetNamespace ?? NS,
        ...(c.serviceAccount ? { serviceAccount: c.serviceAccount } : {}),
        ...(c.podPullSecrets ? { imagePullSecrets: c.podPullSecrets } : {}),
      },
    ],
    ...(c.publicImages ? { publicImages: c.publicImages } : {}),
    ...(c.manifests === null ? {} : { facts: { kubernetes: { manifests: ['deploy/*.yaml'] } } }),
  };
}

/** Each object of the stream with the line its document starts on. */
function documentLines(objects: readonly Json[]): { object: Json; line: number }[] {
  let line = 1;
  return objects.map((object) => {
    const at = { object, line };
    line += stringify(object).split('\n').length; // its lines, then `---`
    return at;
  });
}

function assertNoLeak(outputs: readonly string[], secrets: readonly string[]): void {
  for (const output of outputs) {
    assert.deepEqual(leakedSecrets(output, secrets), [], `a seeded secret leaked into:\n${output}`);
  }
}

function assertExpected(report: Report, expect: Expected, objects: readonly Json[], manifest: string): void {
  assert.equal(report.results.length, 1);
  const [result] = report.results;
  assert.ok(result);
  const why = [...result.reasons, ...result.missing.map((grant) => grant.fix.text)].join('\n');
  assert.equal(result.verdict, expect.verdict, why);
  for (const said of expect.says ?? []) {
    assert.ok(
      result.reasons.some((reason) => (typeof said === 'string' ? reason.includes(said) : said.test(reason))),
      `no reason says ${String(said)}\n${why}`,
    );
  }
  if (expect.verdict === 'denied') {
    assert.equal(result.missing.length, 1, why);
    const grant = result.missing[0] as MissingGrant;
    assert.equal(grant.side, 'pull-secret');
    assert.match(grant.fix.text, NEW_PODS, 'the fix says linked secrets apply to new pods only');
    assert.deepEqual(grant.permissions, [`imagePullSecrets for ${parseImageName(result.image).host}`]);
    if (expect.fix?.cli !== undefined) assert.equal(grant.fix.snippets['cli'], expect.fix.cli);
    if (expect.fix?.yaml !== undefined) assert.equal(grant.fix.snippets['yaml'], expect.fix.yaml);
    if (expect.fix?.text) assert.match(grant.fix.text, expect.fix.text);
  } else {
    assert.deepEqual(result.missing, [], why);
  }
  // Committed pull secrets are a medium finding at their line, naming the secret and nothing of its value.
  const secrets = documentLines(objects).filter(({ object }) => object['kind'] === 'Secret');
  const names =
    expect.committed ?? secrets.map(({ object }) => (object['metadata'] as { name: string }).name);
  assert.deepEqual(
    report.findings.map(({ severity, kind, file, line, message }) => ({
      severity,
      kind,
      file,
      line,
      message,
    })),
    names.map((name) => ({
      severity: 'medium',
      kind: 'secret-in-repo',
      file: shown(manifest),
      line: secrets.find(({ object }) => (object['metadata'] as { name: string }).name === name)?.line,
      message: `the pull secret ${name} is committed with its registry credentials: rotate them, and keep them in a sealed or external secret store`,
    })),
  );
}

for (const [i, c] of cases.entries()) {
  // Every case through runCli in process; the first also through the bundle's process.
  const how = i === 0 ? 'process' : 'in-process';
  test(`${c.name}${i === 0 ? ' (the bundled CLI as a process)' : ''}`, async () => {
    const fake = new FakeSecrets();
    const objects = c.manifests === null ? [] : [namespace(NS), ...c.manifests(fake)];
    const text = yamlStream(...objects);
    const written = writeCase(configFor(c), c.manifests === null ? {} : { 'pull.yaml': text });
    const manifest = path.join(written.dir, 'deploy', 'pull.yaml');
    const report = check(written.config);
    assertExpected(report, c.expect, objects, manifest);

    // The leak check can fail: every seeded secret is found in the manifest it was written to.
    assert.deepEqual(leakedSecrets(text, fake.all), fake.all);
    const { codes, outputs, json } = await runEveryFormat(written.config, ['--offline'], how);
    assert.deepEqual(codes, Array<number>(EVERY_FORMAT_RUNS).fill(c.expect.verdict === 'denied' ? 1 : 0));
    assert.deepEqual(
      JSON.parse(json),
      JSON.parse(JSON.stringify(report)),
      'the CLI reports what runCheck decided',
    );
    assertNoLeak(outputs, fake.all);
  });
}

// --- Bad manifests next to secrets: an error at its place that repeats no secret --------------------------------

interface BadCase {
  readonly name: string;
  readonly manifest: (fake: FakeSecrets) => string;
  /** Where the first problem is: the first occurrence of `text` ('' : the end), `shift` columns on. */
  readonly at: { readonly text: string; readonly shift?: number };
  readonly says: RegExp;
}

const secretHeader = [
  'apiVersion: v1',
  'kind: Secret',
  'metadata:',
  '  name: regcred',
  `  namespace: ${NS}`,
  'type: kubernetes.io/dockerconfigjson',
];

const badCases: readonly BadCase[] = [
  {
    name: `${K8S_PRIVATE} (the Secret's YAML): a missing closing quote after a stringData value is a YAML error at file:line:col that repeats nothing`,
    manifest: (fake) =>
      [
        ...secretHeader,
        'stringData:',
        `  .dockerconfigjson: "{\\"auths\\":{\\"${HOST}\\":{\\"password\\":\\"${fake.next('password')}\\"}}}`,
        '',
      ].join('\n'),
    at: { text: '' },
    says: /^YAML syntax error: Missing closing "quote/,
  },
  {
    name: `${K8S_PRIVATE} (the Secret's YAML): a misindented data line is a YAML error at its line that repeats nothing`,
    manifest: (fake) =>
      [
        ...secretHeader,
        'data:',
        `   .dockerconfigjson: ${base64(fake.next('password'))}`,
        `  other: ${base64(fake.next('password'))}`,
        '',
      ].join('\n'),
    at: { text: '  other:' },
    says: /^YAML syntax error: All mapping items must start at the same column$/,
  },
  {
    name: `${K8S_SECRETS} (metadata.name is required): a Secret without a name is an error at it that repeats no value`,
    manifest: (fake) =>
      [
        'apiVersion: v1',
        'kind: Secret',
        'metadata:',
        `  namespace: ${NS}`,
        'type: kubernetes.io/dockerconfigjson',
        'data:',
        `  .dockerconfigjson: ${base64(JSON.stringify({ auths: { [HOST]: credentials(fake) } }))}`,
        '',
      ].join('\n'),
    at: { text: `  namespace: ${NS}`, shift: 2 },
    says: /^Secret: missing required key `name` in `metadata`$/,
  },
];

for (const [i, bad] of badCases.entries()) {
  const how = i === 0 ? 'process' : 'in-process';
  test(`${bad.name}${i === 0 ? ' (the bundled CLI as a process)' : ''}`, async () => {
    const fake = new FakeSecrets();
    const text = bad.manifest(fake);
    assert.deepEqual(leakedSecrets(text, fake.all), fake.all);
    const written = writeCase(configFor({ manifests: () => [] }), {
      'pull.yaml': text,
    });
    const file = shown(path.join(written.dir, 'deploy', 'pull.yaml'));
    const found = positionOf(text, bad.at.text);
    const expected = { file, line: found.line, column: found.column + (bad.at.shift ?? 0) };

    let problem: { where: { file: string; line: number; column: number }; message: string } | undefined;
    assert.throws(
      () => check(written.config),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError, String(error));
        problem = error.problems[0];
        assertNoLeak([error.message], fake.all);
        return true;
      },
    );
    assert.deepEqual(problem?.where, expected);
    assert.match(problem?.message ?? '', bad.says);

    const { code, stdout, stderr } = await runCheckCommand(['--offline', '--config', written.config], how);
    assert.equal(code, 2, stderr);
    assert.equal(stdout, '');
    assert.ok(
      stderr.includes(`pullcheck: error: ${file}:${expected.line}:${expected.column}: ${problem?.message}`),
      stderr,
    );
    assert.doesNotMatch(stderr, /\n\s+at .*:\d+:\d+/, 'no stack trace');
    assertNoLeak([stderr], fake.all);
  });
}
