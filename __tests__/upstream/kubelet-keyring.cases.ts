// The kubelet's pull-secret decisions, translated from kubernetes/kubernetes pkg/credentialprovider's own tests
// (keyring_test.go: which registry key covers which image; config_test.go: how an entry and its `auth` are
// decoded; secrets/secrets_test.go: which Secrets feed the keyring). Each case is one pod pulling one image
// with the pull Secrets given; `kubelet` is what the upstream test expects of the kubelet's keyring:
// credentials found (the pull is tried with them), none found, or an error that fails the pull.
// Images the upstream tests look up by bare host ("quay.io") are written HOST/app: a bare name is a Docker Hub
// repository in an image reference, while the upstream lookup string is the registry itself.
import type { Ported, PortedFile } from './ported.ts';

/** One pull Secret of the pod: its type and the JSON of its docker config. */
export interface SecretJson {
  readonly type?: 'kubernetes.io/dockerconfigjson' | 'kubernetes.io/dockercfg';
  /** The data key holding the JSON; by default the one its type names. */
  readonly field?: '.dockerconfigjson' | '.dockercfg';
  readonly json: string;
}

export interface KeyringCase extends Ported {
  readonly secrets: readonly SecretJson[];
  readonly image: string;
  /** The kubelet's keyring, as the upstream test expects it; `no image` when no pod can name the lookup. */
  readonly kubelet: 'credentials' | 'none' | 'fails' | 'no image';
  /** The node's kubelet credential providers (a CredentialProviderConfig), when the case has node credentials. */
  readonly nodeProviders?: string;
  /** pullcheck's answer: a verdict, or `rejected` when the config's image is not a reference. */
  readonly expect: 'allowed' | 'denied' | 'unknown' | 'rejected';
  /** The registry key pullcheck names as the one the kubelet tries first. */
  readonly firstKey?: string;
}

const K8S = 'kubernetes/kubernetes';
const AUTH = 'Zm9vOmJhcg=='; // base64 of foo:bar, the upstream tests' fake credential
const entry = (json: Record<string, unknown>) => JSON.stringify(json);

/** A .dockerconfigjson Secret whose keys each hold `entry` (a valid auth by default). */
function auths(keys: readonly string[], value: Record<string, unknown> = { auth: AUTH }): SecretJson {
  return { json: entry({ auths: Object.fromEntries(keys.map((key) => [key, value])) }) };
}

/** As upstream looks up a bare host: HOST/app (see the header). */
const lookup = (target: string) => (target.includes('/') ? target : `${target}/app`);
const covers = (from: string, key: string, image: string, found: boolean, differs?: string): KeyringCase => ({
  from,
  secrets: [auths([key])],
  image,
  kubelet: found ? 'credentials' : 'none',
  expect: found ? 'allowed' : 'denied',
  ...(differs ? { differs } : {}),
});
const NOT_AN_IMAGE =
  'the lookup string is no image reference (a path component holds ":"), so no pod can name it: the kubelet rejects it in ParseImageName before any lookup, and pullcheck rejects it in the config';
const noImage = (from: string, key: string, image: string, found: boolean): KeyringCase => ({
  from,
  secrets: [auths([key])],
  image,
  kubelet: found ? 'credentials' : 'none',
  expect: 'rejected',
  differs: NOT_AN_IMAGE,
});

const URLS_MATCH: [string, string, boolean][] = [
  ['*.kubernetes.io', 'prefix.kubernetes.io', true],
  ['prefix.*.io', 'prefix.kubernetes.io', true],
  ['prefix.kubernetes.*', 'prefix.kubernetes.io', true],
  ['*-good.kubernetes.io', 'prefix-good.kubernetes.io', true],
  ['*.kubernetes.io/blah', 'prefix.kubernetes.io/blah', true],
  ['prefix.*.io/foo', 'prefix.kubernetes.io/foo/bar', true],
  ['*.kubernetes.io:1111/blah', 'prefix.kubernetes.io:1111/blah', true],
  ['prefix.*.io:1111/foo', 'prefix.kubernetes.io:1111/foo/bar', true],
  ['*.kubernetes.io', 'kubernetes.io', false],
  ['*.*.kubernetes.io', 'prefix.kubernetes.io', false],
  ['*.*.kubernetes.io', 'kubernetes.io', false],
  ['*kubernetes.io', 'a.kubernetes.io', false],
  ['*kubernetes.io', 'kubernetes.io', true],
  ['*.*.*.kubernetes.io', 'a.b.c.kubernetes.io', true],
  ['kubernetes.io', 'kubernetes.com', false],
  ['k*.io', 'quay.io', false],
  ['*.kubernetes.io:1234/blah', 'prefix.kubernetes.io:1111/blah', false],
  ['prefix.*.io/foo', 'prefix.kubernetes.io:1111/foo/bar', false],
];

const FOR_GLOB: [string, string][] = [
  ['https://hello.kubernetes.io', 'hello.kubernetes.io'],
  ['https://*.docker.io', 'prefix.docker.io'],
  ['https://prefix.*.io', 'prefix.docker.io'],
  ['https://prefix.docker.*', 'prefix.docker.io'],
  ['https://*.docker.io/path', 'prefix.docker.io/path'],
  ['https://prefix.*.io/path', 'prefix.docker.io/path/subpath'],
  ['https://prefix.docker.*/path', 'prefix.docker.io/path'],
  ['https://*.docker.io:8888', 'prefix.docker.io:8888'],
  ['https://prefix.*.io:8888', 'prefix.docker.io:8888'],
  ['https://prefix.docker.*:8888', 'prefix.docker.io:8888'],
  ['https://*.docker.io/path:1111', 'prefix.docker.io/path:1111'],
  ['https://*.docker.io/v1/', 'prefix.docker.io/path:1111'],
  ['https://*.docker.io/v2/', 'prefix.docker.io/path:1111'],
  ['https://prefix.docker.*/path:1111', 'prefix.docker.io/path:1111'],
  ['prefix.docker.io:1111', 'prefix.docker.io:1111/path'],
  ['*.docker.io:1111', 'prefix.docker.io:1111/path'],
];

const MISS: [string, string][] = [
  ['https://hello.kubernetes.io', 'world.mesos.org/foo/bar'],
  ['https://*.docker.com', 'prefix.docker.io'],
  ['https://suffix.*.io', 'prefix.docker.io'],
  ['https://prefix.docker.c*', 'prefix.docker.io'],
  ['https://prefix.*.io/path:1111', 'prefix.docker.io/path/subpath:1111'],
  ['suffix.*.io', 'prefix.docker.io'],
];

const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';
const DEFAULT_REGISTRY: [string, boolean][] = [
  ['foo/bar', true],
  ['docker.io/foo/bar', true],
  ['index.docker.io/foo/bar', true],
  ['foo', true],
  ['', false],
  ['registry.tld/foo/bar', false],
  ['registry:5000/foo/bar', false],
  ['myhostdocker.io/foo/bar', false],
];

// TestDockerKeyringLookup's keyring: the more specific key is tried first (Add sorts the index in reverse),
// whatever the order of the keys in the Secret (a Go map has none).
const PONG = auths(['bar.example.com', 'bar.example.com/pong']);
const LOOKUP: [string, string | undefined][] = [
  ['bar.example.com', 'bar.example.com'],
  ['bar.example.com/pong', 'bar.example.com/pong'],
  ['bar.example.com/ping', 'bar.example.com'],
  ['bar.example.com/pongz', 'bar.example.com/pong'],
  ['bar.example.com/pong/pang', 'bar.example.com/pong'],
  ['example.com', undefined],
  ['foo.example.com', undefined],
];

const keyringCases: KeyringCase[] = [
  ...URLS_MATCH.map(([glob, target, found], i) =>
    covers(`TestURLsMatch row ${i} (${glob} / ${target})`, glob, lookup(target), found),
  ),
  ...FOR_GLOB.map(([glob, target], i) =>
    target.includes(':1111') && target.includes('/path:')
      ? noImage(`TestDockerKeyringForGlob row ${i} (${glob})`, glob, `${target}/foo/bar`, true)
      : covers(`TestDockerKeyringForGlob row ${i} (${glob})`, glob, `${target}/foo/bar`, true),
  ),
  ...MISS.map(([glob, target], i) =>
    target.includes(':1111')
      ? noImage(`TestKeyringMiss row ${i} (${glob})`, glob, `${target}/foo/bar`, false)
      : covers(`TestKeyringMiss row ${i} (${glob})`, glob, `${target}/foo/bar`, false),
  ),
  covers('TestKeyringMissWithDockerHubCredentials', DOCKER_HUB_KEY, 'world.mesos.org/foo/bar', false),
  covers('TestKeyringHitWithUnqualifiedDockerHub', DOCKER_HUB_KEY, 'google/docker-registry', true),
  covers('TestKeyringHitWithUnqualifiedLibraryDockerHub', DOCKER_HUB_KEY, 'jenkins', true),
  covers(
    'TestKeyringHitWithQualifiedDockerHub',
    DOCKER_HUB_KEY,
    'index.docker.io/google/docker-registry',
    true,
  ),
  ...DEFAULT_REGISTRY.map(([image, hub], i) =>
    image === ''
      ? {
          ...covers(`TestIsDefaultRegistryMatch row ${i} ("")`, DOCKER_HUB_KEY, image, hub),
          expect: 'rejected' as const,
          differs:
            'an empty image is no reference: the kubelet never looks it up, pullcheck rejects it in the config',
        }
      : covers(`TestIsDefaultRegistryMatch row ${i} (${image})`, DOCKER_HUB_KEY, image, hub),
  ),
  ...LOOKUP.map(([image, first], i): KeyringCase => ({
    from: `TestDockerKeyringLookup case ${i} (${image})`,
    secrets: [PONG],
    image: lookup(image),
    kubelet: first ? 'credentials' : 'none',
    expect: first ? 'allowed' : 'denied',
    ...(first ? { firstKey: first } : {}),
  })),
  ...['quay.io', 'quay.io/foo', 'quay.io/foo/bar'].map((image, i) =>
    covers(`TestIssue3797 case ${i} (${image})`, 'https://quay.io/v1/', lookup(image), true),
  ),
];

const FOO = 'http://foo.example.com';
const FOO_IMAGE = 'foo.example.com/app';
const decodes = (from: string, value: Record<string, unknown>, ok: boolean): KeyringCase => ({
  from,
  secrets: [auths([FOO], value)],
  image: FOO_IMAGE,
  kubelet: ok ? 'credentials' : 'fails',
  expect: ok ? 'allowed' : 'denied',
});
const TWO_HOSTS = {
  [FOO]: { username: 'foo', password: 'bar', email: 'foo@example.com' },
  'http://bar.example.com': { username: 'bar', password: 'baz', email: 'bar@example.com' },
};

const configCases: KeyringCase[] = [
  decodes('TestReadDockerConfigFile', { auth: 'Zm9vOmJhcgo=', email: 'foo@example.com' }, true),
  {
    from: 'TestDockerConfigJsonJSONDecode',
    secrets: [{ json: entry({ auths: TWO_HOSTS }) }],
    image: 'bar.example.com/app',
    kubelet: 'credentials',
    expect: 'allowed',
  },
  {
    from: 'TestDockerConfigJSONDecode (the legacy .dockercfg)',
    secrets: [{ type: 'kubernetes.io/dockercfg', json: entry(TWO_HOSTS) }],
    image: FOO_IMAGE,
    kubelet: 'credentials',
    expect: 'allowed',
  },
  decodes(
    'TestDockerConfigEntryJSONDecode row 0 (fields)',
    { username: 'foo', password: 'bar', email: 'e@x' },
    true,
  ),
  decodes('TestDockerConfigEntryJSONDecode row 1 (auth)', { auth: AUTH, email: 'foo@example.com' }, true),
  decodes(
    'TestDockerConfigEntryJSONDecode row 2 (auth overrides username and password)',
    { username: 'foo', password: 'bar', auth: 'cGluZzpwb25n' },
    true,
  ),
  decodes(
    'TestDockerConfigEntryJSONDecode row 3 (poorly-formatted auth)',
    { auth: 'pants', email: 'e@x' },
    false,
  ),
  decodes('TestDockerConfigEntryJSONDecode row 4 (email not a string)', { email: false }, false),
  ...(
    [
      ['Zm9vOmJhcg==', true],
      ['Zm9vOmJhcg', true],
      ['Zm9vOm\nJhcg==\n', true],
      [Buffer.from('foo:bar').toString('base64'), true],
      [Buffer.from('foo:bar').toString('base64').replace(/=+$/, ''), true],
      ['Zm9vOmJhcg==', true],
      ['cGFudHM=', false],
      ['Zm9vOmJhcg== ', false],
      ['pants', false],
    ] as const
  ).map(([auth, ok], i) =>
    decodes(`TestDecodeDockerConfigFieldAuth row ${i} (${JSON.stringify(auth)})`, { auth }, ok),
  ),
  {
    from: 'TestReadDockerConfigFileFromBytes "valid input, no error expected"',
    secrets: [{ type: 'kubernetes.io/dockercfg', json: entry({ [FOO]: TWO_HOSTS[FOO] }) }],
    image: FOO_IMAGE,
    kubelet: 'credentials',
    expect: 'allowed',
  },
  {
    from: 'TestReadDockerConfigFileFromBytes "invalid input, error expected"',
    secrets: [{ type: 'kubernetes.io/dockercfg', json: entry({ [FOO]: TWO_HOSTS[FOO] }).slice(0, -2) }],
    image: FOO_IMAGE,
    kubelet: 'fails',
    expect: 'denied',
  },
  {
    from: 'TestReadDockerConfigJSONFileFromBytes "valid input, no error expected"',
    secrets: [{ json: entry({ auths: TWO_HOSTS }) }],
    image: FOO_IMAGE,
    kubelet: 'credentials',
    expect: 'allowed',
  },
  {
    from: 'TestReadDockerConfigJSONFileFromBytes "invalid input, error expected"',
    secrets: [{ json: entry({ auths: TWO_HOSTS }).slice(0, -2) }],
    image: FOO_IMAGE,
    kubelet: 'fails',
    expect: 'denied',
  },
];

export const KEYRING: PortedFile<KeyringCase> = {
  upstream: {
    repository: K8S,
    commit: '8e0c1940113431472ac4431e1acbef880778c85e',
    path: 'pkg/credentialprovider/keyring_test.go',
  },
  cases: keyringCases,
};

export const CONFIG: PortedFile<KeyringCase> = {
  upstream: {
    repository: K8S,
    commit: '04791b4906602ffda5ccf9bc4c84d3329f1d7080',
    path: 'pkg/credentialprovider/config_test.go',
  },
  cases: configCases,
};

// Test_MakeDockerKeyring: the pod's Secrets come first, then the node's keyring (its credential providers here:
// a plugin `node-creds` whose matchImages cover the host stands for the upstream default keyring).
const NODE_PLUGIN = [
  'apiVersion: kubelet.config.k8s.io/v1',
  'kind: CredentialProviderConfig',
  'providers:',
  '  - name: node-creds',
  '    matchImages: ["test.registry.io"]',
  '    defaultCacheDuration: 1m',
  '    apiVersion: credentialprovider.kubelet.k8s.io/v1',
].join('\n');
const TEST_IMAGE = 'test.registry.io/app';
const AUTH_USER = 'dXNlcjpwYXNzd29yZA=='; // user:password
const NODE_DIFFERS =
  "the node's keyring holds a plugin's credentials, which cannot be checked offline: pullcheck answers unknown where the upstream fake keyring returns static credentials";
const makeKeyring = (
  name: string,
  secret: SecretJson | undefined,
  kubelet: KeyringCase['kubelet'],
  node = false,
): KeyringCase => {
  const expect =
    node && kubelet === 'credentials' && !name.startsWith('with pull secrets')
      ? 'unknown'
      : kubelet === 'credentials'
        ? 'allowed'
        : 'denied';
  return {
    from: `Test_MakeDockerKeyring "${name}"`,
    secrets: secret ? [secret] : [],
    image: TEST_IMAGE,
    kubelet,
    expect,
    ...(node ? { nodeProviders: NODE_PLUGIN } : {}),
    ...(expect === 'unknown' ? { differs: NODE_DIFFERS } : {}),
  };
};
const json = (hosts: Record<string, unknown>): SecretJson => ({ json: entry({ auths: hosts }) });
const legacy = (hosts: Record<string, unknown>): SecretJson => ({
  type: 'kubernetes.io/dockercfg',
  json: entry(hosts),
});
const USER_PASSWORD = { username: 'user', password: 'password' };

export const SECRETS: PortedFile<KeyringCase> = {
  upstream: {
    repository: K8S,
    commit: '8e0c1940113431472ac4431e1acbef880778c85e',
    path: 'pkg/credentialprovider/secrets/secrets_test.go',
  },
  cases: [
    makeKeyring(
      'with .dockerconfigjson and auth field',
      json({ 'test.registry.io': { auth: AUTH_USER } }),
      'credentials',
    ),
    makeKeyring(
      'with .dockerconfig and auth field',
      legacy({ 'test.registry.io': { auth: AUTH_USER } }),
      'credentials',
    ),
    makeKeyring(
      'with .dockerconfigjson and username/password fields',
      json({ 'test.registry.io': USER_PASSWORD }),
      'credentials',
    ),
    makeKeyring(
      'with .dockerconfig and username/password fields',
      legacy({ 'test.registry.io': USER_PASSWORD }),
      'credentials',
    ),
    makeKeyring(
      'with .dockerconfigjson but with wrong Secret Type',
      {
        type: 'kubernetes.io/dockercfg',
        field: '.dockerconfigjson',
        json: entry({ auths: { 'test.registry.io': { auth: AUTH_USER } } }),
      },
      'none',
    ),
    makeKeyring(
      'with .dockerconfig but with wrong Secret Type',
      {
        type: 'kubernetes.io/dockerconfigjson',
        field: '.dockercfg',
        json: entry({ 'test.registry.io': { auth: AUTH_USER } }),
      },
      'none',
    ),
    makeKeyring(
      'with not matcing .dockerconfigjson and default keyring',
      json({ 'foobar.io': { auth: AUTH_USER } }),
      'credentials',
      true,
    ),
    makeKeyring(
      'with not matching .dockerconfig and default keyring',
      legacy({ 'foobar.io': { auth: AUTH_USER } }),
      'credentials',
      true,
    ),
    makeKeyring('with no pull secrets but has default keyring', undefined, 'credentials', true),
    makeKeyring(
      'with pull secrets and has default keyring',
      json({ 'test.registry.io': { auth: AUTH_USER } }),
      'credentials',
      true,
    ),
  ],
};

export const PORTED = [KEYRING, CONFIG, SECRETS];
