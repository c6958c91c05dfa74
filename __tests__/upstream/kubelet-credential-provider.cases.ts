// The kubelet's image credential providers, translated from kubernetes/kubernetes pkg/credentialprovider/plugin
// tests: plugin_test.go (which images a provider is asked for: matchImages globs in host labels, ports,
// paths; KEP-4412 service-account tokens) and config_test.go (which CredentialProviderConfig files the kubelet
// reads or refuses). A plugin's answer cannot be checked offline, so where upstream's fake plugin returns
// credentials pullcheck agrees by saying the plugin supplies them (unknown), and where the plugin is not asked,
// by leaving the pull to the pod's secrets (denied here, the pod having none).
import type { Ported, PortedFile } from './ported.ts';

export interface MatchCase extends Ported {
  readonly matchImages: readonly string[];
  readonly image: string;
  /** KEP-4412: the provider is given the pod's service-account token. */
  readonly tokenAttributes?: Readonly<Record<string, unknown>>;
  /** Whether the kubelet runs the plugin for the image, as the upstream test expects. */
  readonly kubelet: 'runs the plugin' | 'skips the plugin';
  readonly expect: 'unknown' | 'denied';
}

export interface ConfigCase extends Ported {
  /** The file's text, or several files for the kubelet's directory form (config-000.yaml, …). */
  readonly file: string | Readonly<Record<string, string>>;
  readonly kubelet: 'reads it' | 'refuses it';
  readonly expect: 'reads it' | 'refuses it';
}

const K8S = 'kubernetes/kubernetes';
const TOKEN = { serviceAccountTokenAudience: 'audience', requireServiceAccount: true };
const runs = (
  from: string,
  matchImages: string[],
  image: string,
  extra: Partial<MatchCase> = {},
): MatchCase => ({
  from,
  matchImages,
  image,
  kubelet: 'runs the plugin',
  expect: 'unknown',
  ...extra,
});

export const PLUGIN: PortedFile<MatchCase> = {
  upstream: {
    repository: K8S,
    commit: '030880a5dc5449403c6d1f0aa146a7dc21d6c6dc',
    path: 'pkg/credentialprovider/plugin/plugin_test.go',
  },
  cases: [
    runs(
      'Test_ProvideWithCoordinates "exact image match, with Registry cache key"',
      ['test.registry.io'],
      'test.registry.io/foo/bar',
    ),
    runs(
      'Test_ProvideWithCoordinates "exact image match, with Image cache key"',
      ['test.registry.io/foo/bar'],
      'test.registry.io/foo/bar',
    ),
    // The upstream image is the bare host; as an image reference it is written HOST/app.
    runs(
      'Test_ProvideWithCoordinates "exact image match, with Global cache key"',
      ['test.registry.io'],
      'test.registry.io/app',
    ),
    runs(
      'Test_ProvideWithCoordinates "wild card image match, with Registry cache key"',
      ['*.registry.io:8080'],
      'test.registry.io:8080/foo',
    ),
    runs(
      'Test_ProvideWithCoordinates "wild card image match, with Image cache key"',
      ['*.*.registry.io'],
      'foo.bar.registry.io/foo/bar',
    ),
    runs(
      'Test_ProvideWithCoordinates "wild card image match, with Global cache key"',
      ['*.registry.io'],
      'test.registry.io/app',
    ),
    {
      from: 'Test_ProvideWithCoordinates "[service account mode] sa does not have required annotations"',
      matchImages: ['test.registry.io'],
      image: 'test.registry.io/foo/bar',
      tokenAttributes: { ...TOKEN, requiredServiceAccountAnnotationKeys: ['domain.io/identity-id'] },
      kubelet: 'skips the plugin',
      expect: 'unknown',
      differs:
        "pullcheck does not read the service account's annotations, so it cannot tell that the required one is missing and the plugin is skipped: unknown",
    },
    runs(
      'Test_ProvideWithCoordinates "[service account mode] exact image match"',
      ['test.registry.io'],
      'test.registry.io/foo/bar',
      {
        tokenAttributes: {
          ...TOKEN,
          requiredServiceAccountAnnotationKeys: ['domain.io/identity-id'],
          optionalServiceAccountAnnotationKeys: ['domain.io/identity-type'],
        },
      },
    ),
    ...[1, 2, 3, 4].map((n) =>
      runs(
        `Test_ProvideParallel "provide for registry ${n}"`,
        ['test1.registry.io', 'test2.registry.io', 'test3.registry.io', 'test4.registry.io'],
        `test${n}.registry.io/abcde`,
      ),
    ),
    runs('Test_NoCacheResponse', ['*.registry.io'], 'test.registry.io/foo/bar'),
  ],
};

const v1 = (providers: string, apiVersion = 'kubelet.config.k8s.io/v1') =>
  `kind: CredentialProviderConfig\napiVersion: ${apiVersion}\nproviders:\n${providers}`;
const provider = (fields: Record<string, string>, name = 'foobar') =>
  [
    `  - name: ${JSON.stringify(name)}`,
    ...Object.entries({
      matchImages: '["foobar.registry.io"]',
      defaultCacheDuration: '1m',
      apiVersion: 'credentialprovider.kubelet.k8s.io/v1alpha1',
      ...fields,
    })
      .filter(([, value]) => value !== '')
      .map(([key, value]) => `    ${key}: ${value}`),
  ].join('\n') + '\n';
const V1_PLUGIN = 'credentialprovider.kubelet.k8s.io/v1';
const token = (attributes: string) => provider({ apiVersion: V1_PLUGIN, tokenAttributes: attributes });
const refused = (from: string, file: ConfigCase['file']): ConfigCase => ({
  from,
  file,
  kubelet: 'refuses it',
  expect: 'refuses it',
});
const read = (from: string, file: ConfigCase['file']): ConfigCase => ({
  from,
  file,
  kubelet: 'reads it',
  expect: 'reads it',
});
const ONE_FILE =
  "pullcheck reads one file, the one the kubelet's --image-credential-provider-config names: a directory is refused (name each file's target, or merge them)";
const readDirectory = (from: string, files: Record<string, string>): ConfigCase => ({
  from,
  file: files,
  kubelet: 'reads it',
  expect: 'refuses it',
  differs: ONE_FILE,
});
const fooV1 = (name: string, match: string, duration = '10m', version = 'v1') =>
  v1(
    `  - name: ${name}\n    matchImages:\n    - "${match}"\n    defaultCacheDuration: ${duration}\n    apiVersion: credentialprovider.kubelet.k8s.io/${version}\n`,
    `kubelet.config.k8s.io/${version}`,
  );
const ARGS_ENV = '    args:\n    - --v=5\n    env:\n    - name: FOO\n      value: BAR\n';
const alpha = (matchImages: string, extra = ARGS_ENV, version = 'v1alpha1') =>
  v1(
    `  - name: test\n    matchImages:\n${matchImages}    defaultCacheDuration: 10m\n    apiVersion: credentialprovider.kubelet.k8s.io/${version}\n${extra}`,
    `kubelet.config.k8s.io/${version}`,
  );

export const CONFIG: PortedFile<ConfigCase> = {
  upstream: {
    repository: K8S,
    commit: '16cef0086ad0230e5816c0e8f8f296574419ffea',
    path: 'pkg/credentialprovider/plugin/config_test.go',
  },
  cases: [
    refused('Test_readCredentialProviderConfig "empty directory with no JSON or YAML files"', {}),
    refused('Test_readCredentialProviderConfig "directory with unsupported file extensions"', {
      'config.txt': 'This is a text file with unsupported extension',
      'config.md': 'This is another text file with unsupported extension',
    }),
    read(
      'Test_readCredentialProviderConfig "config with 1 plugin and 1 image matcher"',
      alpha('    - "registry.io/foobar"\n'),
    ),
    read(
      'Test_readCredentialProviderConfig "config with 1 plugin and 1 image matcher (JSON!)"',
      JSON.stringify(
        {
          kind: 'CredentialProviderConfig',
          apiVersion: 'kubelet.config.k8s.io/v1alpha1',
          providers: [
            {
              name: 'test',
              matchImages: ['registry.io/foobar'],
              defaultCacheDuration: '10m',
              apiVersion: 'credentialprovider.kubelet.k8s.io/v1alpha1',
              args: ['--v=5'],
              env: [{ name: 'FOO', value: 'BAR' }],
            },
          ],
        },
        null,
        2,
      ),
    ),
    read(
      'Test_readCredentialProviderConfig "config with 1 plugin and a wildcard image match"',
      alpha('    - "registry.io/*"\n'),
    ),
    read(
      'Test_readCredentialProviderConfig "config with 1 plugin and multiple image matchers"',
      alpha('    - "registry.io/*"\n    - "foobar.registry.io/*"\n'),
    ),
    ...(['v1alpha1', 'v1beta1', 'v1'] as const).map((version) =>
      read(
        `Test_readCredentialProviderConfig "${version === 'v1alpha1' ? 'config' : `${version} config`} with multiple providers"`,
        v1(
          `  - name: test1\n    matchImages:\n    - "registry.io/one"\n    defaultCacheDuration: 10m\n    apiVersion: credentialprovider.kubelet.k8s.io/${version}\n` +
            `  - name: test2\n    matchImages:\n    - "registry.io/two"\n    defaultCacheDuration: 10m\n    apiVersion: credentialprovider.kubelet.k8s.io/${version}\n${ARGS_ENV}`,
          `kubelet.config.k8s.io/${version}`,
        ),
      ),
    ),
    refused(
      'Test_readCredentialProviderConfig "config with wrong Kind"',
      alpha('    - "registry.io/foobar"\n').replace('kind: CredentialProviderConfig', 'kind: WrongKind'),
    ),
    refused(
      'Test_readCredentialProviderConfig "config with wrong apiversion"',
      alpha('    - "registry.io/foobar"\n').replace(
        'apiVersion: kubelet.config.k8s.io/v1alpha1',
        'apiVersion: foobar/v1alpha1',
      ),
    ),
    refused(
      'Test_readCredentialProviderConfig "config with invalid typo"',
      v1(
        `  - name: test\n    matchImages:\n    - "registry.io/foobar"\n    defaultCacheDuration: 10m\n    unknownField: should not be here\n    apiVersion: credentialprovider.kubelet.k8s.io/v1alpha1\n${ARGS_ENV}`,
      ),
    ),
    ...(['v1alpha1', 'v1beta1'] as const).map((version) =>
      refused(
        `Test_readCredentialProviderConfig "${version} config with token attributes should fail"`,
        alpha(
          '    - "registry.io/foobar"\n',
          `    tokenAttributes:\n      serviceAccountTokenAudience: audience\n${ARGS_ENV}`,
          version,
        ),
      ),
    ),
    readDirectory(
      'Test_readCredentialProviderConfig "directory with multiple config files in lexicographic order"',
      {
        'config-000.yaml': fooV1('test1', 'registry.io/one'),
        'config-001.yaml': fooV1('test2', 'registry.io/two', '5m'),
      },
    ),
    readDirectory('Test_readCredentialProviderConfig "directory with mixed API versions in config files"', {
      'config-000.yaml': fooV1('test-beta', 'beta.registry.io/*', '15m', 'v1beta1'),
      'config-001.yaml': fooV1('test-v1', 'v1.registry.io/*', '20m'),
      'config-002.yaml': fooV1('test-v2', 'v2.registry.io/*', '20m'),
    }),
    refused('Test_readCredentialProviderConfig "directory with duplicate provider names, throw error"', {
      'config-000.yaml': fooV1('duplicate', 'registry.io/one'),
      'config-001.yaml': fooV1('duplicate', 'registry.io/two', '5m'),
    }),
    readDirectory(
      'Test_readCredentialProviderConfig "directory with mixed supported and unsupported file extensions"',
      {
        'config-001.yaml': fooV1('test1', 'registry.io/one'),
        'config-002.txt': 'This is a text file with unsupported extension that should be skipped',
        'config-003.json': fooV1('test2', 'registry.io/two', '5m'),
      },
    ),
    refused('Test_readCredentialProviderConfig "directory with one invalid config file"', {
      'config-000.yaml': fooV1('test1', 'registry.io/one'),
      'config-001.yaml': fooV1('test2', 'registry.io/two', '5m').replace(
        'kind: CredentialProviderConfig',
        'kind: WrongKind',
      ),
    }),
    refused(
      'Test_validateCredentialProviderConfig "no providers provided"',
      v1('').replace('providers:\n', 'providers: []\n'),
    ),
    refused(
      'Test_validateCredentialProviderConfig "no matchImages provided"',
      v1(provider({ matchImages: '[]' })),
    ),
    refused(
      'Test_validateCredentialProviderConfig "no default cache duration provided"',
      v1(provider({ defaultCacheDuration: '' })),
    ),
    refused(`Test_validateCredentialProviderConfig "name contains '/'"`, v1(provider({}, 'foo/../bar'))),
    refused(`Test_validateCredentialProviderConfig "name is '.'"`, v1(provider({}, '.'))),
    refused(`Test_validateCredentialProviderConfig "name is '..'"`, v1(provider({}, '..'))),
    refused('Test_validateCredentialProviderConfig "name contains spaces"', v1(provider({}, 'foo bar'))),
    refused(
      'Test_validateCredentialProviderConfig "duplicate names"',
      v1(provider({}) + provider({ matchImages: '["bar.registry.io"]' })),
    ),
    refused('Test_validateCredentialProviderConfig "no apiVersion"', v1(provider({ apiVersion: '""' }))),
    refused(
      'Test_validateCredentialProviderConfig "invalid apiVersion"',
      v1(provider({ apiVersion: 'credentialprovider.kubelet.k8s.io/v1alpha0' })),
    ),
    refused(
      'Test_validateCredentialProviderConfig "negative default cache duration"',
      v1(provider({ defaultCacheDuration: '-1m' })),
    ),
    refused(
      'Test_validateCredentialProviderConfig "invalid match image"',
      v1(provider({ matchImages: '["%invalid%"]' })),
    ),
    read('Test_validateCredentialProviderConfig "valid config"', v1(provider({}))),
    {
      from: 'Test_validateCredentialProviderConfig "token attributes set without KubeletServiceAccountTokenForCredentialProviders feature gate enabled"',
      file: v1(token('{serviceAccountTokenAudience: audience, requireServiceAccount: true}')),
      kubelet: 'refuses it',
      expect: 'reads it',
      differs:
        "the node's feature gates are not facts pullcheck has: it reads tokenAttributes as a kubelet with the gate on (beta and on by default since Kubernetes 1.34) does",
    },
    refused(
      'Test_validateCredentialProviderConfig "token attributes not nil but empty ServiceAccountTokenAudience"',
      v1(
        token(
          '{serviceAccountTokenAudience: "", requiredServiceAccountAnnotationKeys: [prefix.io/annotation-1, prefix.io/annotation-2], requireServiceAccount: true}',
        ),
      ),
    ),
    refused(
      'Test_validateCredentialProviderConfig "token attributes not nil but empty ServiceAccountTokenRequired"',
      v1(
        token(
          '{serviceAccountTokenAudience: audience, requiredServiceAccountAnnotationKeys: [prefix.io/annotation-1, prefix.io/annotation-2]}',
        ),
      ),
    ),
    ...(['required', 'optional'] as const).flatMap((kind) => [
      refused(
        `Test_validateCredentialProviderConfig "${kind} service account annotation keys not qualified name (same validation as metav1.ObjectMeta)"`,
        v1(
          token(
            `{serviceAccountTokenAudience: audience, requireServiceAccount: true, ${kind}ServiceAccountAnnotationKeys: [cantendwithadash-, now-with-dashes/simple]}`,
          ),
        ),
      ),
      refused(
        `Test_validateCredentialProviderConfig "duplicate ${kind} service account annotation keys"`,
        v1(
          token(
            `{serviceAccountTokenAudience: audience, requireServiceAccount: true, ${kind}ServiceAccountAnnotationKeys: [now-with-dashes/simple, now-with-dashes/simple]}`,
          ),
        ),
      ),
    ]),
    refused(
      'Test_validateCredentialProviderConfig "annotation key in required and optional keys"',
      v1(
        token(
          '{serviceAccountTokenAudience: audience, requireServiceAccount: true, requiredServiceAccountAnnotationKeys: [now-with-dashes/simple-1, now-with-dashes/simple-2], optionalServiceAccountAnnotationKeys: [now-with-dashes/simple-2, now-with-dashes/simple-3]}',
        ),
      ),
    ),
    refused(
      'Test_validateCredentialProviderConfig "required annotation keys set when requireServiceAccount is false"',
      v1(
        token(
          '{serviceAccountTokenAudience: audience, requireServiceAccount: false, requiredServiceAccountAnnotationKeys: [now-with-dashes/simple-1, now-with-dashes/simple-2]}',
        ),
      ),
    ),
    read(
      'Test_validateCredentialProviderConfig "valid config with KubeletServiceAccountTokenForCredentialProviders feature gate enabled"',
      v1(
        token(
          '{serviceAccountTokenAudience: audience, requireServiceAccount: true, requiredServiceAccountAnnotationKeys: [now-with-dashes/simple-1, now-with-dashes/simple-2], optionalServiceAccountAnnotationKeys: [now-with-dashes/simple-3]}',
        ),
      ),
    ),
    ...(['v1alpha1', 'v1beta1'] as const).map((version) =>
      refused(
        `Test_validateCredentialProviderConfig "tokenAttributes set with credentialprovider.kubelet.k8s.io/${version} APIVersion"`,
        v1(
          provider({
            apiVersion: `credentialprovider.kubelet.k8s.io/${version}`,
            tokenAttributes:
              '{serviceAccountTokenAudience: audience, requireServiceAccount: true, requiredServiceAccountAnnotationKeys: [now-with-dashes/simple]}',
          }),
        ),
      ),
    ),
  ],
};

export const PORTED = [PLUGIN, CONFIG];
