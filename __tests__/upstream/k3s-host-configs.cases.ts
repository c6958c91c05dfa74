// k3s Test_UnitGetHostConfigs (pkg/agent/containerd/config_test.go), translated: each upstream row is a
// registries.yaml (and the node's --disable-default-registry-endpoint / --embedded-registry) with the
// hosts.toml k3s writes per registry; here each written registry becomes a pull of an image on it, with the
// endpoints containerd tries for it in order and the auth each one gets, and pullcheck's verdict. The host
// 127.0.0.1:6443 the upstream writes for the embedded registry itself is not a pull and is left out.
import { EMBEDDED_MIRROR as PEERS } from '../../src/providers/kubernetes/k3s/endpoints.ts';
import { DOCKER_HUB as DH, USER_PASS, type RegistriesCase } from './k3s-registries.ts';
import type { PortedFile } from './ported.ts';

const RE = 'https://registry.example.com/v2';
const ORG = 'https://registry.example.org/v2';
const withAuth = (url: string, auth: string) => ({ url, auth });
const dockerMirror = (...endpoints: string[]) => [
  'mirrors:',
  '  docker.io:',
  '    endpoint:',
  ...endpoints.map((e) => `      - ${e}`),
];
const credsFor = (host: string) => ['configs:', `  ${host}:`, ...USER_PASS];
const UNKNOWN_MIRROR = /cannot be known offline/;
const IMG = 'registry.example.com/team/app:1.0';
const QUAY = 'quay.io/team/app:1.0';
const QUAY_DEFAULT = 'https://quay.io/v2';
const BUSYBOX = 'busybox';

const mirrorOnly = (from: string, written: string, url: string): RegistriesCase => ({
  from,
  registries: dockerMirror(written),
  pulls: [{ image: BUSYBOX, endpoints: [url, DH], verdict: 'unknown', says: UNKNOWN_MIRROR }],
});

const cases: RegistriesCase[] = [
  { from: 'no registries', registries: [], pulls: [{ image: BUSYBOX, endpoints: [DH], verdict: 'denied' }] },
  {
    from: 'registry with default endpoint (a mirrors entry with no value)',
    registries: ['mirrors:', '  docker.io:'],
    pulls: [{ image: BUSYBOX, endpoints: [DH], verdict: 'denied', says: /no credentials for docker\.io/ }],
  },
  {
    from: 'registry with default endpoint explicitly listed',
    registries: dockerMirror('docker.io'),
    pulls: [{ image: BUSYBOX, endpoints: [DH], verdict: 'denied' }],
  },
  {
    from: 'registry with default endpoint - embedded registry',
    registries: ['mirrors:', '  docker.io:'],
    node: { embeddedRegistry: true },
    pulls: [{ image: BUSYBOX, endpoints: [PEERS, DH], verdict: 'unknown', says: /embedded registry/ }],
  },
  {
    from: 'registry with default endpoint and creds',
    registries: ['mirrors:', '  docker.io:', ...credsFor('docker.io')],
    pulls: [{ image: BUSYBOX, endpoints: [withAuth(DH, 'docker.io')], verdict: 'allowed' }],
  },
  {
    from: 'registry with default endpoint explicitly listed and creds',
    registries: [...dockerMirror('docker.io'), ...credsFor('docker.io')],
    pulls: [{ image: BUSYBOX, endpoints: [withAuth(DH, 'docker.io')], verdict: 'allowed' }],
  },
  {
    from: 'registry with only creds',
    registries: credsFor('docker.io'),
    pulls: [{ image: BUSYBOX, endpoints: [withAuth(DH, 'docker.io')], verdict: 'allowed' }],
  },
  {
    from: 'private registry with default endpoint',
    registries: ['mirrors:', '  registry.example.com:'],
    pulls: [{ image: IMG, endpoints: [RE], verdict: 'denied' }],
  },
  {
    from: 'private registry with default endpoint and creds',
    registries: ['mirrors:', '  registry.example.com:', ...credsFor('registry.example.com')],
    pulls: [{ image: IMG, endpoints: [withAuth(RE, 'registry.example.com')], verdict: 'allowed' }],
  },
  {
    from: 'private registry with only creds',
    registries: credsFor('registry.example.com'),
    pulls: [{ image: IMG, endpoints: [withAuth(RE, 'registry.example.com')], verdict: 'allowed' }],
  },
  mirrorOnly(
    'registry with mirror endpoint - full URL with override path',
    'https://registry.example.com/prefix/v2',
    'https://registry.example.com/prefix/v2',
  ),
  mirrorOnly(
    'registry with mirror endpoint - hostname only with override path',
    'registry.example.com/prefix/v2',
    'https://registry.example.com/prefix/v2',
  ),
  mirrorOnly(
    'registry with mirror endpoint - hostname only with default path',
    'registry.example.com/v2',
    RE,
  ),
  mirrorOnly('registry with mirror endpoint - full URL', 'https://registry.example.com/v2', RE),
  mirrorOnly('registry with mirror endpoint - URL without path', 'https://registry.example.com', RE),
  mirrorOnly('registry with mirror endpoint - hostname only', 'registry.example.com', RE),
  mirrorOnly(
    'registry with mirror endpoint - hostname and port only',
    'registry.example.com:443',
    'https://registry.example.com:443/v2',
  ),
  mirrorOnly('registry with mirror endpoint - ip address only', '1.2.3.4', 'https://1.2.3.4/v2'),
  mirrorOnly('registry with mirror endpoint - ip and port only', '1.2.3.4:443', 'https://1.2.3.4:443/v2'),
  {
    from: 'registry with mirror endpoint - duplicate endpoints',
    registries: dockerMirror('registry.example.com', 'registry.example.com'),
    pulls: [{ image: BUSYBOX, endpoints: [RE, DH], verdict: 'unknown' }],
  },
  {
    from: 'registry with mirror endpoint - duplicate endpoints in different formats',
    registries: dockerMirror(
      'registry.example.com',
      'https://registry.example.com',
      'https://registry.example.com/v2',
    ),
    pulls: [{ image: BUSYBOX, endpoints: [RE, DH], verdict: 'unknown' }],
  },
  {
    from: 'registry with mirror endpoint - duplicate endpoints in different positions',
    registries: dockerMirror(
      'https://registry.example.com',
      'https://registry.example.org',
      'https://registry.example.com',
    ),
    pulls: [{ image: BUSYBOX, endpoints: [RE, ORG, DH], verdict: 'unknown' }],
  },
  mirrorOnly(
    'registry with mirror endpoint - localhost and port only',
    'localhost:5000',
    'http://localhost:5000/v2',
  ),
  mirrorOnly(
    'registry with mirror endpoint - localhost and port with scheme',
    'https://localhost:5000',
    'https://localhost:5000/v2',
  ),
  mirrorOnly(
    'registry with mirror endpoint - loopback ip and port only',
    '127.0.0.1:5000',
    'http://127.0.0.1:5000/v2',
  ),
  mirrorOnly(
    'registry with mirror endpoint - loopback ip and port with scheme',
    'https://127.0.0.1:5000',
    'https://127.0.0.1:5000/v2',
  ),
  {
    from: 'registry with mirror endpoint and mirror creds',
    registries: [...dockerMirror('https://registry.example.com/v2'), ...credsFor('registry.example.com')],
    pulls: [
      {
        image: BUSYBOX,
        endpoints: [withAuth(RE, 'registry.example.com'), DH],
        verdict: 'unknown',
        says: /https:\/\/registry\.example\.com\/v2 with the auth of configs\."registry\.example\.com" \([^)]*registries\.yaml:\d+\) first[\s\S]*then docker\.io itself \(https:\/\/registry-1\.docker\.io\/v2\): .*no credentials for docker\.io/,
      },
      { image: IMG, endpoints: [withAuth(RE, 'registry.example.com')], verdict: 'allowed' },
    ],
  },
  ...(['/prefix/v2', '/project/registry'] as const).map((prefix): RegistriesCase => ({
    from: `registry with mirror endpoint and mirror creds - override path ${prefix === '/prefix/v2' ? 'with' : 'without'} v2`,
    registries: [
      ...dockerMirror(`https://registry.example.com${prefix}`),
      '  registry.example.com:',
      '    endpoint:',
      `      - https://registry.example.com${prefix}`,
      ...credsFor('registry.example.com'),
    ],
    pulls: [
      {
        image: BUSYBOX,
        endpoints: [withAuth(`https://registry.example.com${prefix}`, 'registry.example.com'), DH],
        verdict: 'unknown',
      },
      {
        image: IMG,
        endpoints: [
          withAuth(`https://registry.example.com${prefix}`, 'registry.example.com'),
          withAuth(RE, 'registry.example.com'),
        ],
        verdict: 'allowed',
      },
    ],
  })),
  {
    from: 'registry with mirror endpoint and mirror creds - no default endpoint',
    node: { disableDefaultRegistryEndpoint: true },
    registries: [...dockerMirror('https://registry.example.com/v2'), ...credsFor('registry.example.com')],
    pulls: [
      {
        image: BUSYBOX,
        endpoints: [withAuth(RE, 'registry.example.com')],
        verdict: 'unknown',
        says: /docker\.io itself \(https:\/\/registry-1\.docker\.io\/v2\) is not tried: .*--disable-default-registry-endpoint/,
      },
      { image: IMG, endpoints: [withAuth(RE, 'registry.example.com')], verdict: 'allowed' },
    ],
  },
  {
    from: 'registry with mirror endpoint and mirror creds - embedded registry',
    node: { embeddedRegistry: true },
    registries: [...dockerMirror('https://registry.example.com/v2'), ...credsFor('registry.example.com')],
    pulls: [
      { image: BUSYBOX, endpoints: [PEERS, withAuth(RE, 'registry.example.com'), DH], verdict: 'unknown' },
      { image: IMG, endpoints: [withAuth(RE, 'registry.example.com')], verdict: 'allowed' },
    ],
  },
  {
    from: 'registry with mirror endpoint and mirror creds - embedded registry with rewrites',
    node: { embeddedRegistry: true },
    registries: [
      ...dockerMirror('https://registry.example.com/v2'),
      '    rewrite:',
      '      "^rancher/(.*)": "docker/rancher-images/$1"',
      ...credsFor('registry.example.com'),
    ],
    pulls: [
      {
        image: 'rancher/mirrored-pause:3.6',
        endpoints: [
          PEERS,
          { url: RE, auth: 'registry.example.com', asks: 'docker/rancher-images/mirrored-pause' },
          DH,
        ],
        verdict: 'unknown',
        says: /asked for docker\/rancher-images\/mirrored-pause by a rewrite/,
      },
      { image: IMG, endpoints: [withAuth(RE, 'registry.example.com')], verdict: 'allowed' },
    ],
  },
  {
    from: 'registry with mirror endpoint and mirror creds - embedded registry and no default endpoint',
    node: { embeddedRegistry: true, disableDefaultRegistryEndpoint: true },
    registries: [...dockerMirror('https://registry.example.com/v2'), ...credsFor('registry.example.com')],
    pulls: [
      { image: BUSYBOX, endpoints: [PEERS, withAuth(RE, 'registry.example.com')], verdict: 'unknown' },
      { image: IMG, endpoints: [withAuth(RE, 'registry.example.com')], verdict: 'allowed' },
    ],
  },
  {
    from: 'registry with mirror endpoint - embedded registry, default endpoint explicitly listed',
    node: { embeddedRegistry: true },
    registries: dockerMirror('registry.example.com', 'registry.example.org', 'docker.io'),
    pulls: [{ image: BUSYBOX, endpoints: [PEERS, RE, ORG, DH], verdict: 'unknown' }],
  },
  {
    from: 'registry with mirror endpoint - embedded registry and no default endpoint, default endpoint explicitly listed',
    node: { embeddedRegistry: true, disableDefaultRegistryEndpoint: true },
    registries: dockerMirror('registry.example.com', 'registry.example.org', 'docker.io'),
    pulls: [{ image: BUSYBOX, endpoints: [PEERS, RE, ORG, DH], verdict: 'unknown' }],
  },
  {
    from: 'wildcard mirror endpoint - no endpoints',
    registries: ['mirrors:', '  "*":'],
    pulls: [{ image: QUAY, endpoints: [QUAY_DEFAULT], verdict: 'denied' }],
  },
  {
    from: 'wildcard mirror endpoint - full URL',
    registries: ['mirrors:', '  "*":', '    endpoint:', '      - https://registry.example.com/v2'],
    pulls: [
      { image: QUAY, endpoints: [RE, QUAY_DEFAULT], verdict: 'unknown' },
      { image: BUSYBOX, endpoints: [RE, DH], verdict: 'unknown' },
    ],
  },
  {
    from: 'wildcard mirror endpoint - full URL, embedded registry',
    node: { embeddedRegistry: true },
    registries: ['mirrors:', '  "*":', '    endpoint:', '      - https://registry.example.com/v2'],
    pulls: [{ image: QUAY, endpoints: [PEERS, RE, QUAY_DEFAULT], verdict: 'unknown' }],
  },
  {
    from: 'wildcard mirror endpoint - full URL, embedded registry, no default',
    node: { embeddedRegistry: true, disableDefaultRegistryEndpoint: true },
    registries: ['mirrors:', '  "*":', '    endpoint:', '      - https://registry.example.com/v2'],
    pulls: [{ image: QUAY, endpoints: [PEERS, RE], verdict: 'unknown', says: /is not tried/ }],
  },
  {
    from: 'wildcard config',
    registries: ['configs:', '  "*":', ...USER_PASS, '    tls:', '      insecure_skip_verify: true'],
    pulls: [
      {
        image: QUAY,
        endpoints: [QUAY_DEFAULT],
        verdict: 'denied',
        says: /k3s does not send the auth of the "\*" entry/,
      },
    ],
    differs:
      'upstream writes the "*" auth into the _default hosts.toml, but containerd never sends it: the k3s maintainers call ' +
      'auth in the wildcard entry unsupported (k3s-io/docs#359, k3s-io/k3s#11352), so pullcheck gives the default endpoint no credentials',
  },
  ...(['localhost', 'localhost:443', 'localhost:5000', 'localhost:80'] as const).map(
    (host): RegistriesCase => ({
      from: `localhost registry - default ${host === 'localhost' ? 'https endpoint on unspecified port' : host === 'localhost:443' ? 'https endpoint on https port' : host === 'localhost:80' ? 'http endpoint on http port' : 'http endpoint on odd port'}`,
      registries: ['mirrors:', `  "${host}":`],
      pulls: [
        {
          image: `${host}/team/app:1.0`,
          endpoints: [`${host === 'localhost' || host === 'localhost:443' ? 'https' : 'http'}://${host}/v2`],
          verdict: 'denied',
        },
      ],
    }),
  ),
  {
    from: 'localhost registry - default http endpoint on odd port, embedded registry',
    node: { embeddedRegistry: true },
    registries: ['mirrors:', '  "localhost:5000":'],
    pulls: [
      { image: 'localhost:5000/team/app:1.0', endpoints: ['http://localhost:5000/v2'], verdict: 'denied' },
    ],
  },
  {
    from: 'localhost registry - https endpoint on odd port with tls verification disabled',
    registries: [
      'mirrors:',
      '  localhost:5000:',
      '    endpoint:',
      '      - https://localhost:5000',
      'configs:',
      '  localhost:5000:',
      '    tls:',
      '      insecure_skip_verify: true',
    ],
    pulls: [
      {
        image: 'localhost:5000/team/app:1.0',
        endpoints: ['https://localhost:5000/v2', 'http://localhost:5000/v2'],
        verdict: 'unknown',
      },
    ],
    untranslated: 'the tls settings (insecure_skip_verify) of both endpoints: no verdict depends on TLS',
  },
];

export const PORTED = [
  {
    upstream: {
      repository: 'k3s-io/k3s',
      commit: '06ea261ce3f10517abfdc3532f5a1c56db06adc2',
      path: 'pkg/agent/containerd/config_test.go',
    },
    cases: cases.map((ported) => ({ ...ported, from: `Test_UnitGetHostConfigs "${ported.from}"` })),
  },
] satisfies readonly PortedFile<RegistriesCase>[];
