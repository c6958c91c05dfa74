// rancher/wharfie pkg/registries/registries_test.go, translated. TestEndpoints: a registries file and an
// image, with the endpoints tried in order and the auth each gets. TestRewrite: a mirror with rewrites
// (endpoint https://registry.example.com/v2/) and the repository each image is asked for there.
// wharfie is the library k3s reads registries.yaml with; the pulls of a k3s node are containerd's, from the
// hosts.toml k3s writes (k3s-host-configs.cases.ts), so where the two differ pullcheck follows k3s, and
// says so in `differs`. wharfie names Docker Hub's default endpoint https://index.docker.io/v2, k3s
// https://registry-1.docker.io/v2 (the same registry API): the cases use k3s's.
import { parseImageName } from '../../src/core/image-reference.ts';
import { DOCKER_HUB as DH, USER_PASS, type RegistriesCase, type RegistriesPull } from './k3s-registries.ts';
import type { PortedFile } from './ported.ts';

const RE = 'https://registry.example.com/v2';
const BUSYBOX = 'busybox';
const LOCAL = 'registry.example.com/busybox';
const mirror = (host: string, ...endpoints: string[]) => [
  `  ${host}:`,
  '    endpoint:',
  ...endpoints.map((e) => `      - ${JSON.stringify(e)}`),
];
const creds = (host: string) => [`  ${JSON.stringify(host)}:`, ...USER_PASS];
const tlsSkip = (host: string) => [
  `  ${JSON.stringify(host)}:`,
  '    tls:',
  '      insecure_skip_verify: true',
];
const TLS_ONLY = 'the tls settings (insecure_skip_verify): no verdict depends on TLS';

const pull = (
  image: string,
  verdict: RegistriesPull['verdict'],
  ...endpoints: RegistriesPull['endpoints']
) => ({
  image,
  verdict,
  endpoints,
});

const endpointCases: RegistriesCase[] = [
  { from: 'no config, default endpoint', registries: [], pulls: [pull(BUSYBOX, 'denied', DH)] },
  {
    from: 'local registry with only the default endpoint',
    registries: [],
    pulls: [pull(LOCAL, 'denied', RE)],
  },
  {
    from: 'local registry with TLS verification disabled',
    registries: ['configs:', ...tlsSkip('registry.example.com')],
    pulls: [pull(LOCAL, 'denied', RE)],
    untranslated: TLS_ONLY,
  },
  {
    from: 'local registry with TLS verification disabled in wildcard',
    registries: ['configs:', ...tlsSkip('*')],
    pulls: [pull(LOCAL, 'denied', RE)],
    untranslated: TLS_ONLY,
  },
  {
    from: 'local registry with TLS verification disabled in wildcard but not for this registry',
    registries: ['configs:', ...tlsSkip('*'), '  "registry.example.com":'],
    pulls: [pull(LOCAL, 'denied', RE)],
    untranslated: TLS_ONLY,
  },
  {
    from: 'local registry with custom endpoint',
    registries: ['mirrors:', ...mirror('registry.example.com', 'http://registry.example.com:5000/v2')],
    pulls: [pull(LOCAL, 'unknown', 'http://registry.example.com:5000/v2', RE)],
  },
  {
    from: 'local registry with custom endpoint with trailing slash',
    registries: ['mirrors:', ...mirror('registry.example.com', 'http://registry.example.com:5000/v2/')],
    pulls: [pull(LOCAL, 'unknown', 'http://registry.example.com:5000/v2/', RE)],
    differs:
      'k3s (config.go normalizeEndpointAddress) keeps a path other than "", "/" or "/v2" as written (override_path), ' +
      'so the endpoint is http://registry.example.com:5000/v2/ where wharfie cleans it to …/v2; a mirror either way',
  },
  {
    from: "config, but not for the registry we're pulling from",
    registries: ['mirrors:', ...mirror('registry.example.com', 'https://registry.example.com/v2')],
    pulls: [pull(BUSYBOX, 'denied', DH)],
  },
  {
    from: 'config for docker.io, plus default endpoint',
    registries: ['mirrors:', ...mirror('docker.io', 'https://docker.example.com/v2')],
    pulls: [pull(BUSYBOX, 'unknown', 'https://docker.example.com/v2', DH)],
  },
  {
    from: 'multiple endpoints for docker.io, plus default endpoint',
    registries: [
      'mirrors:',
      ...mirror('docker.io', 'https://docker1.example.com/v2', 'https://docker2.example.com/v2'),
    ],
    pulls: [pull(BUSYBOX, 'unknown', 'https://docker1.example.com/v2', 'https://docker2.example.com/v2', DH)],
  },
  {
    from: 'wildcard registry plus default',
    registries: ['mirrors:', ...mirror('"*"', 'https://registry.example.com/v2')],
    pulls: [pull(BUSYBOX, 'unknown', RE, DH)],
  },
  {
    from: 'wildcard endpoint plus docker.io; only docker.io should be used',
    registries: [
      'mirrors:',
      ...mirror('"*"', 'https://registry.example.com/v2'),
      ...mirror('docker.io', 'https://docker.example.com/v2'),
    ],
    pulls: [pull(BUSYBOX, 'unknown', 'https://docker.example.com/v2', DH)],
  },
  {
    from: 'confirm that bad URLs are skipped',
    registries: [
      'mirrors:',
      ...mirror('docker.io', 'https://docker1.example.com/v2', 'https://user:bad{@docker2.example.com'),
    ],
    pulls: [pull(BUSYBOX, 'unknown', 'https://docker1.example.com/v2', DH)],
  },
  {
    from: 'confirm that relative URLs are skipped',
    registries: [
      'mirrors:',
      ...mirror('docker.io', 'https://docker1.example.com/v2', 'docker2.example.com/v2', '/v2'),
    ],
    rejected: /registries\.yaml:\d+:\d+: .*endpoint/,
    pulls: [],
    differs:
      'pullcheck rejects the file, pointing at the endpoint "/v2" (no host), rather than ignoring it as wharfie ' +
      'does: an endpoint that can never be contacted is a mistake in the file',
  },
  {
    from: 'confirm that endpoints missing scheme are not skipped',
    registries: ['mirrors:', ...mirror('registry.example.com', 'registry.example.com:5000/v2')],
    pulls: [pull(LOCAL, 'unknown', 'https://registry.example.com:5000/v2', RE)],
  },
  ...(
    [
      ['localhost with odd ports uses http', 'localhost:5000', 'http'],
      ['localhost with https port uses https', 'localhost:443', 'https'],
      ['loopback with odd ports uses http', '127.0.0.1:5000', 'http'],
      ['loopback with https port uses https', '127.0.0.1:443', 'https'],
    ] as const
  ).map(([name, host, scheme]): RegistriesCase => ({
    from: `confirm that ${name}`,
    registries: [],
    pulls: [pull(`${host}/busybox`, 'denied', `${scheme}://${host}/v2`)],
  })),
  {
    from: 'confirm that creds are used for the default endpoint',
    registries: ['configs:', ...creds('docker.io')],
    pulls: [pull(BUSYBOX, 'allowed', { url: DH, auth: 'docker.io' })],
  },
  {
    from: 'confirm that creds are used for custom endpoints',
    registries: [
      'mirrors:',
      ...mirror('docker.io', 'https://docker1.example.com/v2'),
      'configs:',
      ...creds('docker1.example.com'),
    ],
    pulls: [
      {
        ...pull(
          BUSYBOX,
          'unknown',
          { url: 'https://docker1.example.com/v2', auth: 'docker1.example.com' },
          DH,
        ),
        says: /with the auth of configs\."docker1\.example\.com"/,
      },
    ],
  },
  {
    from: 'confirm that creds are used from wildcard config',
    registries: ['mirrors:', ...mirror('"*"', 'https://registry.example.com/v2'), 'configs:', ...creds('*')],
    pulls: [pull(BUSYBOX, 'unknown', RE, DH)],
    differs:
      'wharfie sends the "*" auth to both endpoints; containerd on a k3s node sends it to neither (the k3s ' +
      'maintainers: auth in the wildcard entry is not supported, k3s-io/docs#359), so both get no credentials',
  },
  {
    from: 'confirm that non-default schemes and ports are honored for mirrors and configs',
    registries: [
      'mirrors:',
      ...mirror('docker.io', 'http://docker1.example.com:5000/v2'),
      'configs:',
      ...creds('docker1.example.com:5000'),
    ],
    pulls: [
      pull(
        BUSYBOX,
        'unknown',
        { url: 'http://docker1.example.com:5000/v2', auth: 'docker1.example.com:5000' },
        DH,
      ),
    ],
  },
];

/** TestRewrite: the mirror of `registry` is https://registry.example.com/v2/ with these rewrites. */
function rewriteCase(
  from: string,
  registry: string,
  rewrites: Record<string, string>,
  images: readonly (readonly [image: string, asked: string | undefined])[],
): RegistriesCase {
  return {
    from,
    registries: [
      'mirrors:',
      ...mirror(registry, 'https://registry.example.com/v2/'),
      ...(Object.keys(rewrites).length === 0
        ? ['    rewrite: {}']
        : [
            '    rewrite:',
            ...Object.entries(rewrites).map(
              ([from, to]) => `      ${JSON.stringify(from)}: ${JSON.stringify(to)}`,
            ),
          ]),
    ],
    pulls: images.map(([image, asked]) => {
      const { host } = parseImageName(image);
      const mirrored = host === registry;
      const own = host === 'docker.io' ? DH : `https://${host}/v2`;
      return mirrored
        ? pull(
            image,
            'unknown',
            { url: 'https://registry.example.com/v2/', ...(asked ? { asks: asked } : {}) },
            own,
          )
        : pull(image, 'denied', own);
    }),
  };
}

const rewriteCases: RegistriesCase[] = [
  {
    from: 'syntax error in rewrite, log a warning and fail to apply',
    registries: [
      'mirrors:',
      ...mirror('docker.io', 'https://registry.example.com/v2/'),
      '    rewrite:',
      '      "(.*": "docker/$1"',
    ],
    rejected:
      /registries\.yaml:\d+:\d+: mirrors\.docker\.io\.rewrite: "\(\.\*" is not a valid regular expression/,
    pulls: [],
    differs:
      'pullcheck rejects the file at the pattern rather than ignoring the rewrite with a warning: a rewrite that never applies is a mistake in the file',
  },
  rewriteCase('no rewrites, unmodified', 'docker.io', {}, [
    [BUSYBOX, undefined],
    ['registry.local/test', undefined],
  ]),
  rewriteCase('rewrite docker.io images to prefix "docker/"', 'docker.io', { '(.*)': 'docker/$1' }, [
    [BUSYBOX, 'docker/library/busybox'],
    ['registry.local/test', undefined],
  ]),
  rewriteCase('ensure that rewrites work with digests', 'docker.io', { '(.*)': 'docker/$1' }, [
    [
      `busybox@sha256:${'82becede498899ec668628e7cb0ad87b6e1c371cb8a1e597d83a47fac21d6af3'}`,
      'docker/library/busybox',
    ],
  ]),
  rewriteCase(
    'rewrite registry.local images to prefix "localimages/"',
    'registry.local',
    { '(.*)': 'localimages/$1' },
    [
      [BUSYBOX, undefined],
      ['registry.local/test', 'localimages/test'],
    ],
  ),
  rewriteCase(
    'rewrite docker.io rancher and longhornio images to unique prefixes; others remain unchanged',
    'docker.io',
    { 'rancher/(.*)': 'rancher/prod/$1', 'longhornio/(.*)': 'longhornio/staging/$1' },
    [
      ['rancher/rancher:v2.5.9', 'rancher/prod/rancher'],
      ['longhornio/longhorn-engine:v1.1.1', 'longhornio/staging/longhorn-engine'],
      [BUSYBOX, undefined],
    ],
  ),
  rewriteCase('rewrite docker.io images to prefix "docker.io/"', 'docker.io', { '(.*)': 'docker.io/$1' }, [
    [BUSYBOX, 'docker.io/library/busybox'],
    ['registry.local/test', undefined],
  ]),
  rewriteCase(
    'rewrite registry.k8s.io to prefix "registry.k8s.io/"',
    'registry.k8s.io',
    { '(.*)': 'registry.k8s.io/$1' },
    [
      [BUSYBOX, undefined],
      ['registry.k8s.io/pause:3.2', 'registry.k8s.io/pause'],
    ],
  ),
  rewriteCase('rewrite without a trailing slash', 'docker.io', { '(.*)': 'mirrored-$1' }, [
    [BUSYBOX, 'mirrored-library/busybox'],
  ]),
  rewriteCase('rewrite with the match as a prefix instead of suffix', 'docker.io', { '(.*)': '$1/docker' }, [
    [BUSYBOX, 'library/busybox/docker'],
  ]),
  rewriteCase('replace all namespace separators with dashes', 'registry.local', { '/': '-' }, [
    ['registry.local/team1/images/test', 'team1-images-test'],
  ]),
];

export const PORTED = [
  {
    upstream: {
      repository: 'rancher/wharfie',
      commit: 'bb7080c1010b054dcc0b0845968d4139173f1017',
      path: 'pkg/registries/registries_test.go',
    },
    cases: [
      ...endpointCases.map((ported) => ({ ...ported, from: `TestEndpoints "${ported.from}"` })),
      ...rewriteCases.map((ported) => ({ ...ported, from: `TestRewrite "${ported.from}"` })),
    ],
  },
] satisfies readonly PortedFile<RegistriesCase>[];
