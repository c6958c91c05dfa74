// rancher/wharfie pkg/registries/endpoint_test.go, translated. Its tests pull from a registry served on
// 127.0.0.1 (named 127-0-0-1.sslip.io) and expect every pull to succeed; here each pull (one per sub-test:
// row × image reference) is checked offline: the endpoints containerd on a k3s node tries, the auth each
// gets, and the verdict. A row's random port (127.0.0.1:0) is written as 35000. Rows the upstream skips
// (Bearer auth on a plaintext auth server behind a TLS registry) are not ported.
import { DOCKER_HUB as DH, USER_PASS, type RegistriesCase } from './k3s-registries.ts';
import type { PortedFile } from './ported.ts';

const HOST = '127-0-0-1.sslip.io';
const RANDOM_PORT = '35000';
const TLS_ONLY =
  'the tls settings (insecure_skip_verify), and the auth server (another port): no verdict depends on them';

type Port = '80' | '443' | 'rand';
type Scheme = '' | 'Basic' | 'Bearer';
/** TestEndpoint's rows: name, bound port, port written even when default, registry TLS, auth scheme. */
const ROWS: readonly (readonly [string, Port, boolean, boolean, Scheme])[] = (
  [
    ['http', '80', false, false],
    ['http:80', '80', true, false],
    ['http:rand', 'rand', true, false],
    ['https', '443', false, true],
    ['https:443', '443', true, true],
    ['https:rand', 'rand', true, true],
  ] as const
).flatMap(([prefix, port, explicit, tls]) =>
  (
    [
      ['anonymous', ''],
      ['basic+local', 'Basic'],
      ['basic+http', 'Basic'],
      ['basic+https', 'Basic'],
      ['bearer+local', 'Bearer'],
      ['bearer+http', 'Bearer'],
      ['bearer+https', 'Bearer'],
    ] as const
  )
    // Skipped upstream: "Bearer auth does not support secure registry with plaintext auth endpoint".
    .filter(([suffix]) => !(tls && suffix === 'bearer+http'))
    .map(([suffix, scheme]) => [`${prefix} ${suffix}`, port, explicit, tls, scheme] as const),
);

function endpointRowCases([name, port, explicit, tls, scheme]: (typeof ROWS)[number]): RegistriesCase[] {
  const number = port === 'rand' ? RANDOM_PORT : port;
  const regHost = (tls ? number !== '443' : number !== '80') || explicit ? `${HOST}:${number}` : HOST;
  const endpoint = `${tls ? 'https' : 'http'}://${regHost}`;
  const bareToo = explicit && port !== 'rand';
  const registries = [
    'mirrors:',
    '  docker.io:',
    `    endpoint: [${JSON.stringify(endpoint)}]`,
    `  ${JSON.stringify(regHost)}:`,
    `    endpoint: [${JSON.stringify(endpoint)}]`,
    'configs:',
    `  ${JSON.stringify(regHost)}:`,
    ...USER_PASS,
    '    tls:',
    '      insecure_skip_verify: true',
    ...(bareToo ? [`  ${JSON.stringify(HOST)}:`, '    tls:', '      insecure_skip_verify: true'] : []),
  ];
  const mirrorUrl = `${endpoint}/v2`;
  const ownUrl = `https://${regHost}/v2`;
  const fromRow = (image: string) => `TestEndpoint "${name}" ${image}`;
  const cases: RegistriesCase[] = [
    {
      from: fromRow('docker.io/library/busybox:latest'),
      registries,
      pulls: [
        {
          image: 'docker.io/library/busybox:latest',
          endpoints: [{ url: mirrorUrl, auth: regHost }, DH],
          verdict: 'unknown',
        },
      ],
      untranslated: TLS_ONLY,
      differs:
        'the image comes from the docker.io mirror upstream; whether a mirror holds an image cannot be known offline, so unknown',
    },
    {
      from: fromRow(`${regHost}/library/busybox:latest`),
      registries,
      pulls: [
        {
          image: `${regHost}/library/busybox:latest`,
          endpoints:
            mirrorUrl === ownUrl
              ? [{ url: ownUrl, auth: regHost }]
              : [
                  { url: mirrorUrl, auth: regHost },
                  { url: ownUrl, auth: regHost },
                ],
          verdict: 'allowed',
        },
      ],
      untranslated: TLS_ONLY,
    },
  ];
  if (bareToo) {
    cases.push({
      from: fromRow(`${HOST}/library/busybox:latest`),
      registries,
      pulls: [
        { image: `${HOST}/library/busybox:latest`, endpoints: [`https://${HOST}/v2`], verdict: 'denied' },
      ],
      untranslated: TLS_ONLY,
      differs:
        scheme === ''
          ? 'the registry lets anyone pull; pullcheck cannot know that offline and takes it as private (list the image in publicImages)'
          : `wharfie also reads the entries written for ${HOST}:${number} for the bare host ${HOST}; containerd finds a ` +
            "registry's hosts.toml (and CRI its auth) by the host as written, so the node pulls from the default endpoint with no credentials",
    });
  }
  return cases;
}

const imageCase: RegistriesCase = {
  from: 'TestImage "Pull busybox without rewrite on default endpoint" library/busybox:latest',
  registries: [
    'mirrors:',
    `  ${JSON.stringify(HOST)}:`,
    `    endpoint: [${JSON.stringify(`${HOST}:443`)}]`,
    '    rewrite:',
    '      "^library/(.*)": "bogus-image-prefix/$1"',
    'configs:',
    ...[HOST, `${HOST}:443`].flatMap((host) => [
      `  ${JSON.stringify(host)}:`,
      ...USER_PASS,
      '    tls:',
      '      insecure_skip_verify: true',
    ]),
  ],
  pulls: [
    {
      image: `${HOST}/library/busybox:latest`,
      endpoints: [
        { url: `https://${HOST}:443/v2`, auth: `${HOST}:443`, asks: 'bogus-image-prefix/busybox' },
        { url: `https://${HOST}/v2`, auth: HOST },
      ],
      verdict: 'allowed',
    },
  ],
  untranslated: 'the tls settings (insecure_skip_verify): no verdict depends on TLS',
};

export const PORTED = [
  {
    upstream: {
      repository: 'rancher/wharfie',
      commit: 'bb7080c1010b054dcc0b0845968d4139173f1017',
      path: 'pkg/registries/endpoint_test.go',
    },
    cases: [imageCase, ...ROWS.flatMap(endpointRowCases)],
  },
] satisfies readonly PortedFile<RegistriesCase>[];
