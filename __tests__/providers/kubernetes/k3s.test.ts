// k3s nodes pull with the credentials in registries.yaml (SPEC §3 `registriesFile`, §4 "k3s"), driven through
// the real path: a config and a registries.yaml in a temp dir → loadConfigFile → runCheck with every provider.
// Each case names its source: the k3s docs "Private Registry Configuration", Google's "Configure
// authentication to Artifact Registry for Docker", Amazon ECR's "Private registry authentication".
// Every case seeds distinctive fake secrets, then runs the CLI as a process (text, json, markdown, --output)
// to show that none of them, nor any part or base64 form of one, reaches stdout, stderr or the report file.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { loadConfigFile } from '../../../src/core/config/load.ts';
import { ConfigError } from '../../../src/core/errors.ts';
import type { Report } from '../../../src/core/report-model.ts';
import type { FindingSeverity, GrantSide, VerdictKind } from '../../../src/core/verdict.ts';
import { EVERY_FORMAT_RUNS, runCheckCommand, runEveryFormat } from '../../helpers/cli-formats.ts';
import { checkConfig } from '../../helpers/check.ts';

const K3S = 'k3s "Private Registry Configuration"';
const GAR = 'Artifact Registry "Configure authentication to Artifact Registry for Docker"';
const ECR = 'Amazon ECR "Private registry authentication"';

const GAR_HOST = 'europe-west2-docker.pkg.dev';
const GAR_IMAGE = `${GAR_HOST}/acme-prod/apps/api:1.4.2`;
const GAR_REPOSITORY = 'projects/acme-prod/locations/europe-west2/repositories/apps';
const ECR_HOST = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const ECR_IMAGE = `${ECR_HOST}/team/web:1.4.2`;
const OTHER_IMAGE = 'registry.example.com/team/app:1.0';
const EMAIL = 'edge-puller@acme-edge.iam.gserviceaccount.com';
const SERVICE_ACCOUNT = `serviceAccount:${EMAIL}`;
const NODE = 'k3s:edge';

/** Fake secrets seeded into one case, each distinctive and random so that any trace of it can be found. */
class FakeSecrets {
  readonly all: string[] = [];

  /** `FAKE-SECRET-<label>-<random>`; the random part alternates letters g–z and digits, as no report text does. */
  next(label: string): string {
    let random = '';
    for (let i = 0; i < 8; i++) random += 'ghjkmnpqrstvwxyz'.charAt(randomInt(16)) + String(randomInt(10));
    const secret = `FAKE-SECRET-${label}-${random}`;
    this.all.push(secret);
    return secret;
  }
}

/** The seeded secrets that `output` shows whole, in part (any 6 characters of the random part) or in base64. */
function leakedSecrets(output: string, secrets: readonly string[]): string[] {
  return secrets.filter((secret) => {
    const random = secret.slice(secret.lastIndexOf('-') + 1);
    const parts = Array.from({ length: random.length - 5 }, (_, i) => random.slice(i, i + 6));
    return [secret, ...parts, ...base64Forms(secret)].some((form) => output.includes(form));
  });
}

/** Base64 of any text that contains `secret` contains one of these, whatever the secret's offset in it. */
function base64Forms(secret: string): string[] {
  return [0, 1, 2].map((offset) =>
    Buffer.from('\0'.repeat(offset) + secret)
      .toString('base64')
      .slice(offset === 0 ? 0 : 4, -4),
  );
}

const base64 = (text: string) => Buffer.from(text).toString('base64');

/** A service-account key file as IAM creates it (`gcloud iam service-accounts keys create`), with a FAKE key. */
function serviceAccountKey(fake: FakeSecrets, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'service_account',
    project_id: 'acme-edge',
    private_key_id: '0'.repeat(40),
    private_key: `-----BEGIN PRIVATE KEY-----\n${fake.next('pk')}\n-----END PRIVATE KEY-----\n`,
    client_email: EMAIL,
    client_id: '100000000000000000000',
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: 'https://oauth2.googleapis.com/token',
    ...fields,
  };
}

/** One line of JSON in a single-quoted YAML scalar (JSON has no `'`, and YAML keeps its `\n` escapes as written). */
const oneLine = (key: unknown) => `'${JSON.stringify(key)}'`;

/** A registries.yaml with one configs entry (`auth` lines as given), after the lines in `before`. */
function configsFor(host: string, auth: readonly string[], before: readonly string[] = []): string {
  return [
    ...before,
    'configs:',
    `  "${host}":`,
    '    auth:',
    ...auth.map((line) => `      ${line}`),
    '',
  ].join('\n');
}

/** The registries.yaml of a k3s + Artifact Registry guide: a mirror entry and a _json_key credential. */
const garGuide = (password: string) =>
  [
    '# /etc/rancher/k3s/registries.yaml on every edge node',
    'mirrors:',
    `  ${GAR_HOST}:`,
    '    endpoint:',
    `      - "https://${GAR_HOST}"`,
    'configs:',
    `  ${GAR_HOST}:`,
    '    auth:',
    '      username: _json_key',
    `      password: ${password}`,
    '',
  ].join('\n');

/** The repository's IAM policy binds roles/artifactregistry.reader to `member`; its project's policy is empty. */
const readerBinding = (member: string) => [
  {
    resource: GAR_REPOSITORY,
    policy: { bindings: [{ role: 'roles/artifactregistry.reader', members: [member] }] },
  },
  { resource: 'projects/acme-prod', policy: {} },
];
const GRANTED = readerBinding(SERVICE_ACCOUNT);
const NOT_GRANTED = readerBinding('serviceAccount:ci-builder@acme-prod.iam.gserviceaccount.com');

interface ExpectedFinding {
  readonly kind: 'secret-in-repo' | 'expiring-credential';
  readonly severity: FindingSeverity;
  /** Text on the line the finding must point at (its first occurrence in registries.yaml). */
  readonly line: string;
  readonly says?: RegExp;
}
interface Expected {
  readonly verdict: VerdictKind;
  /** Default: the node itself, `k3s:edge`. */
  readonly principal?: string;
  /** The one missing grant of a denied pull. */
  readonly missing?: GrantSide;
  /** Must match the reasons and fix texts together. */
  readonly says?: RegExp;
  /** Exactly these findings, in this order. */
  readonly findings: readonly ExpectedFinding[];
}
interface K3sCase {
  readonly name: string;
  readonly image: string;
  readonly registries: (fake: FakeSecrets) => string;
  readonly publicImages?: readonly string[];
  readonly iamPolicies?: readonly unknown[];
  /** The k3s target's flags for how the nodes run k3s. */
  readonly node?: { readonly disableDefaultRegistryEndpoint?: boolean };
  /** More fields of the k3s target. */
  readonly target?: Readonly<Record<string, unknown>>;
  readonly expect: Expected;
}

const committedKey = (line: string): ExpectedFinding => ({
  kind: 'secret-in-repo',
  severity: 'high',
  line,
  says: /service-account private key/,
});
const committedCredential = (line: string): ExpectedFinding => ({
  kind: 'secret-in-repo',
  severity: 'medium',
  line,
  says: /registry credential is committed/,
});
const expiring = (line: string, lifetime: RegExp): ExpectedFinding => ({
  kind: 'expiring-credential',
  severity: 'medium',
  line,
  says: lifetime,
});

const cases: readonly K3sCase[] = [
  // --- Google: service-account keys (_json_key, _json_key_base64) and access tokens -------------------------
  {
    name: `${GAR}, service account key: the k3s + Artifact Registry guide's _json_key pulls as that service account, allowed by its roles/artifactregistry.reader binding`,
    image: GAR_IMAGE,
    registries: (fake) => garGuide(oneLine(serviceAccountKey(fake))),
    iamPolicies: GRANTED,
    expect: {
      verdict: 'allowed',
      principal: SERVICE_ACCOUNT,
      says: /service-account key of edge-puller@acme-edge\.iam\.gserviceaccount\.com .*registries\.yaml:10/,
      findings: [committedKey('password:')],
    },
  },
  {
    name: `${GAR}, service account key: the guide's _json_key without a reader binding for its service account is denied on the binding side`,
    image: GAR_IMAGE,
    registries: (fake) => garGuide(oneLine(serviceAccountKey(fake))),
    iamPolicies: NOT_GRANTED,
    expect: {
      verdict: 'denied',
      principal: SERVICE_ACCOUNT,
      missing: 'binding',
      says: /artifactregistry\.repositories\.downloadArtifacts[\s\S]*serviceAccount:edge-puller@/,
      findings: [committedKey('password:')],
    },
  },
  {
    name: `${GAR}, service account key: _json_key_base64 (the key file base64-encoded) pulls as its service account`,
    image: GAR_IMAGE,
    registries: (fake) =>
      configsFor(GAR_HOST, [
        'username: _json_key_base64',
        `password: ${base64(JSON.stringify(serviceAccountKey(fake), null, 2))}`,
      ]),
    iamPolicies: GRANTED,
    expect: { verdict: 'allowed', principal: SERVICE_ACCOUNT, findings: [committedKey('password:')] },
  },
  {
    name: `${K3S}, configs auth directive "auth" (base64 of username:password) holding a _json_key pulls as its service account`,
    image: GAR_IMAGE,
    registries: (fake) =>
      configsFor(GAR_HOST, [`auth: ${base64(`_json_key:${JSON.stringify(serviceAccountKey(fake))}`)}`]),
    iamPolicies: GRANTED,
    expect: { verdict: 'allowed', principal: SERVICE_ACCOUNT, findings: [committedKey('auth: ')] },
  },
  {
    name: `${GAR}, service account key: a _json_key pasted as the multi-line key file is denied on node-config (the key must be one line)`,
    image: GAR_IMAGE,
    registries: (fake) =>
      configsFor(GAR_HOST, [
        'username: _json_key',
        'password: |',
        ...JSON.stringify(serviceAccountKey(fake), null, 2)
          .split('\n')
          .map((line) => `  ${line}`),
      ]),
    iamPolicies: GRANTED,
    expect: {
      verdict: 'denied',
      missing: 'node-config',
      says: /registries\.yaml:\d+: the _json_key password spans several lines: write the key JSON on one line/,
      findings: [committedKey('password:')],
    },
  },
  {
    name: `${GAR}, service account key: a _json_key that is not valid JSON (a truncated paste) is denied on node-config`,
    image: GAR_IMAGE,
    registries: (fake) => garGuide(`'${JSON.stringify(serviceAccountKey(fake)).slice(0, -40)}'`),
    iamPolicies: GRANTED,
    expect: {
      verdict: 'denied',
      missing: 'node-config',
      says: /the _json_key password is not valid JSON/,
      findings: [committedKey('password:')],
    },
  },
  {
    name: `${GAR}, service account key: a _json_key holding user credentials (type authorized_user, not service_account) is denied on node-config`,
    image: GAR_IMAGE,
    registries: (fake) =>
      garGuide(
        oneLine({
          type: 'authorized_user',
          client_id: '764086051850-fake.apps.googleusercontent.com',
          client_secret: fake.next('clientsecret'),
          refresh_token: fake.next('refreshtoken'),
        }),
      ),
    iamPolicies: GRANTED,
    expect: {
      verdict: 'denied',
      missing: 'node-config',
      says: /the _json_key key is not a service-account key \(its "type" is "authorized_user"\)/,
      findings: [committedCredential('password:')],
    },
  },
  {
    name: `${GAR}, service account key: a _json_key without client_email is denied on node-config, saying so`,
    image: GAR_IMAGE,
    registries: (fake) => garGuide(oneLine(serviceAccountKey(fake, { client_email: undefined }))),
    iamPolicies: GRANTED,
    expect: {
      verdict: 'denied',
      missing: 'node-config',
      says: /the _json_key key has no client_email/,
      findings: [committedKey('password:')],
    },
  },
  {
    name: `${GAR}, access token: username oauth2accesstoken holds a token valid 1 hour: unknown, and an expiring-credential finding`,
    image: GAR_IMAGE,
    registries: (fake) =>
      configsFor(GAR_HOST, ['username: oauth2accesstoken', `password: ya29.${fake.next('accesstoken')}`]),
    iamPolicies: GRANTED,
    expect: {
      verdict: 'unknown',
      says: /token valid for 1 hour at most/,
      findings: [committedCredential('password:'), expiring('password:', /expires within 1 hour/)],
    },
  },
  {
    name: `${GAR}: Artifact Registry accepts only _json_key, _json_key_base64 and oauth2accesstoken, so another username is denied`,
    image: GAR_IMAGE,
    registries: (fake) =>
      configsFor(GAR_HOST, ['username: edge-puller', `password: ${fake.next('password')}`]),
    iamPolicies: GRANTED,
    expect: {
      verdict: 'denied',
      missing: 'node-config',
      says: /accepts only the usernames _json_key, _json_key_base64 and oauth2accesstoken/,
      findings: [committedCredential('password:')],
    },
  },
  // --- Amazon ECR: username AWS, tokens valid 12 hours ---------------------------------------------------------
  {
    name: `${ECR}: username AWS with a pasted authorization token (valid 12 hours) is unknown, with an expiring-credential finding`,
    image: ECR_IMAGE,
    registries: (fake) => configsFor(ECR_HOST, ['username: AWS', `password: ${fake.next('ecrtoken')}`]),
    expect: {
      verdict: 'unknown',
      says: /token valid for 12 hours at most/,
      findings: [committedCredential('password:'), expiring('password:', /ECR token expires after 12 hours/)],
    },
  },
  {
    name: `${ECR}: the token as docker writes it ("auth": base64 of AWS:token) is unknown too, and expiring`,
    image: ECR_IMAGE,
    registries: (fake) => configsFor(ECR_HOST, [`auth: ${base64(`AWS:${fake.next('ecrtoken')}`)}`]),
    expect: {
      verdict: 'unknown',
      says: /12 hours/,
      findings: [committedCredential('auth: '), expiring('auth: ', /12 hours/)],
    },
  },
  {
    name: `${ECR}: an ECR host without configs auth, on nodes that run no kubelet credential provider, is denied on node-config, fixed by the kubelet ECR credential provider`,
    image: ECR_IMAGE,
    target: { credentialProviderConfig: false },
    registries: (fake) =>
      configsFor('registry.example.com', ['username: deploy', `password: ${fake.next('password')}`]),
    expect: {
      verdict: 'denied',
      missing: 'node-config',
      says: /no credentials for 123456789012\.dkr\.ecr[\s\S]*install the kubelet ECR credential provider[\s\S]*image-credential-provider-config/,
      findings: [committedCredential('password:')],
    },
  },
  // --- k3s: which configs entry applies to a registry host --------------------------------------------------
  {
    name: `${K3S}, Configs: a registry host with no configs entry (and no "*") is denied on node-config`,
    image: OTHER_IMAGE,
    registries: (fake) =>
      configsFor('other.example.com', ['username: deploy', `password: ${fake.next('password')}`]),
    expect: {
      verdict: 'denied',
      missing: 'node-config',
      says: /no credentials for registry\.example\.com \(no configs\."registry\.example\.com"\.auth\)/,
      findings: [committedCredential('password:')],
    },
  },
  {
    name: `${K3S}, Wildcard Support: k3s never sends the auth of the "*" configs entry (k3s-io/docs#359), so a registry without its own entry is denied`,
    image: OTHER_IMAGE,
    registries: (fake) => configsFor('*', ['username: deploy', `password: ${fake.next('password')}`]),
    expect: {
      verdict: 'denied',
      missing: 'node-config',
      says: /k3s does not send the auth of the "\*" entry \(k3s-io\/docs#359\)/,
      findings: [committedCredential('password:')],
    },
  },
  {
    name: `${K3S}, Wildcard Support: "*" is only used when there is no specific entry, so a host's tls-only entry keeps "*" auth away`,
    image: OTHER_IMAGE,
    registries: (fake) =>
      [
        'configs:',
        '  "registry.example.com":',
        '    tls:',
        '      ca_file: /etc/ssl/certs/registry-ca.pem',
        '  "*":',
        '    auth:',
        '      username: deploy',
        `      password: ${fake.next('password')}`,
        '',
      ].join('\n'),
    expect: {
      verdict: 'denied',
      missing: 'node-config',
      says: /no credentials for registry\.example\.com/,
      findings: [committedCredential('password:')],
    },
  },
  {
    name: `${K3S}, Wildcard Support: the documented example (a "*" mirror, an empty "docker.io" entry) loads; docker.io pulls try the mirror first`,
    image: 'rancher/mirrored-pause:3.6',
    registries: () =>
      [
        'mirrors:',
        '  "*":',
        '    endpoint:',
        '      - "https://registry.example.com:5000"',
        'configs:',
        '  "docker.io":',
        '  "*":',
        '    tls:',
        '      insecure_skip_verify: true',
        '',
      ].join('\n'),
    expect: {
      verdict: 'unknown',
      says: /k3s tries https:\/\/registry\.example\.com:5000\/v2 with no credentials first/,
      findings: [],
    },
  },
  // --- k3s: mirrors, endpoints, rewrites and the default endpoint -------------------------------------------
  {
    name: `${K3S}, With TLS / With Authentication: docker.io mirrored to registry.example.com:5000 with auth for the mirror only is unknown, naming the mirror's configs entry`,
    image: 'docker.io/rancher/mirrored-pause:3.6',
    registries: (fake) =>
      [
        'mirrors:',
        '  docker.io:',
        '    endpoint:',
        '      - "https://registry.example.com:5000"',
        'configs:',
        '  "registry.example.com:5000":',
        '    auth:',
        '      username: deploy',
        `      password: ${fake.next('password')}`,
        '    tls:',
        '      cert_file: /etc/rancher/k3s/registry/client.crt',
        '      key_file: /etc/rancher/k3s/registry/client.key',
        '      ca_file: /etc/rancher/k3s/registry/ca.crt',
        '',
      ].join('\n'),
    expect: {
      verdict: 'unknown',
      says: /k3s tries https:\/\/registry\.example\.com:5000\/v2 with the auth of configs\."registry\.example\.com:5000" \([^)]*registries\.yaml:8\) first[\s\S]*then docker\.io itself \(https:\/\/registry-1\.docker\.io\/v2\):[^\n]*no configs\."docker\.io"\.auth/,
      findings: [committedCredential('password:')],
    },
  },
  {
    name: `${K3S}, Without TLS / Without Authentication: an http:// mirror with no auth anywhere is unknown (the mirror may serve the image)`,
    image: 'rancher/mirrored-pause:3.6',
    registries: () =>
      ['mirrors:', '  docker.io:', '    endpoint:', '      - "http://registry.example.com:5000"', ''].join(
        '\n',
      ),
    expect: { verdict: 'unknown', says: /registry\.example\.com:5000/, findings: [] },
  },
  {
    name: `${K3S}, Without TLS: an endpoint written without a scheme defaults to https and is a mirror like any other`,
    image: 'rancher/mirrored-pause:3.6',
    registries: () =>
      ['mirrors:', '  docker.io:', '    endpoint:', '      - "registry.example.com:5000"', ''].join('\n'),
    expect: {
      verdict: 'unknown',
      says: /k3s tries https:\/\/registry\.example\.com:5000\/v2 with no credentials first/,
      findings: [],
    },
  },
  {
    name: `${K3S}, Default Endpoint Fallback: the default endpoint is tried last with the registry's own configs auth, so a mirror does not hide it`,
    image: OTHER_IMAGE,
    registries: (fake) =>
      configsFor(
        'registry.example.com',
        ['username: deploy', `password: ${fake.next('password')}`],
        ['mirrors:', '  registry.example.com:', '    endpoint:', '      - "https://mirror.example.com"'],
      ),
    expect: { verdict: 'allowed', findings: [committedCredential('password:')] },
  },
  {
    name: `${K3S}, Rewrites: an endpoint equal to the default endpoint is ignored (no rewrites, no mirror), so without auth the pull is denied`,
    image: OTHER_IMAGE,
    registries: () =>
      [
        'mirrors:',
        '  registry.example.com:',
        '    endpoint:',
        '      - "https://registry.example.com/v2"',
        '    rewrite:',
        '      "^team/(.*)": "mirrorproject/team/$1"',
        '',
      ].join('\n'),
    expect: {
      verdict: 'denied',
      missing: 'node-config',
      says: /no credentials for registry\.example\.com/,
      findings: [],
    },
  },
  {
    name: `${K3S}, Rewrites: "https://registry.example.com:443/v2" is not the default endpoint, so it is a mirror (with rewrites) tried first: unknown`,
    image: OTHER_IMAGE,
    registries: () =>
      [
        'mirrors:',
        '  registry.example.com:',
        '    endpoint:',
        '      - "https://registry.example.com:443"',
        '    rewrite:',
        '      "^team/(.*)": "mirrorproject/team/$1"',
        '',
      ].join('\n'),
    expect: {
      verdict: 'unknown',
      says: /k3s tries https:\/\/registry\.example\.com:443\/v2 \(asked for mirrorproject\/team\/app by a rewrite\) with no credentials first/,
      findings: [],
    },
  },
  {
    name: `${K3S}, Rewrites are not applied to the default endpoint: a rewriting mirror plus the registry's own auth is allowed`,
    image: OTHER_IMAGE,
    registries: (fake) =>
      configsFor(
        'registry.example.com',
        ['username: deploy', `password: ${fake.next('password')}`],
        [
          'mirrors:',
          '  registry.example.com:',
          '    endpoint:',
          '      - "https://mirror.example.com:5000"',
          '    rewrite:',
          '      "^team/(.*)": "mirrorproject/team/$1"',
        ],
      ),
    expect: { verdict: 'allowed', findings: [committedCredential('password:')] },
  },
  {
    name: `${K3S}, Mirrors: a mirror endpoint with user:password@ written into its URL is named without them`,
    image: OTHER_IMAGE,
    registries: (fake) =>
      [
        'mirrors:',
        '  registry.example.com:',
        '    endpoint:',
        `      - "https://deploy:${fake.next('password')}@mirror.example.com:5000"`,
        '',
      ].join('\n'),
    expect: {
      verdict: 'unknown',
      says: /k3s tries https:\/\/mirror\.example\.com:5000\/v2 with no credentials first/,
      findings: [],
    },
  },
  // --- issue 17: what k3s's own tests (k3s-io/k3s Test_UnitGetHostConfigs) and docs show ----------------------
  {
    name: `${K3S}, Mirrors: a mirrors entry with no value ("docker.io:") is valid (k3s Test_UnitGetHostConfigs "registry with default endpoint and creds"): the registry's own auth allows`,
    image: 'nginx:1.27',
    registries: (fake) =>
      configsFor(
        'docker.io',
        ['username: deploy', `password: ${fake.next('password')}`],
        ['mirrors:', '  docker.io:'],
      ),
    expect: {
      verdict: 'allowed',
      says: /gives k3s credentials for docker\.io/,
      findings: [committedCredential('password:')],
    },
  },
  {
    name: `${K3S}, Configs: auth written for registry-1.docker.io (the host containerd contacts) is docker.io's (k3s configForHost)`,
    image: 'nginx:1.27',
    registries: (fake) =>
      configsFor('registry-1.docker.io', ['username: deploy', `password: ${fake.next('password')}`]),
    expect: { verdict: 'allowed', findings: [committedCredential('password:')] },
  },
  {
    name: `${K3S}, Default Endpoint Fallback: with --disable-default-registry-endpoint a mirrored docker.io is pulled only from its mirror: unknown, saying the registry itself is not tried`,
    image: 'nginx:1.27',
    node: { disableDefaultRegistryEndpoint: true },
    registries: (fake) =>
      configsFor(
        'registry-1.docker.io',
        ['username: deploy', `password: ${fake.next('password')}`],
        ['mirrors:', '  docker.io:', '    endpoint:', '      - "https://mirror.example.com"'],
      ),
    expect: {
      verdict: 'unknown',
      says: /k3s tries https:\/\/mirror\.example\.com\/v2 with no credentials first[\s\S]*docker\.io itself \(https:\/\/registry-1\.docker\.io\/v2\) is not tried: the node runs with --disable-default-registry-endpoint/,
      findings: [committedCredential('password:')],
    },
  },
  {
    name: `${K3S}, Default Endpoint Fallback: with --disable-default-registry-endpoint, the registry's own auth is not enough where k3s's code and docs disagree on trying it: unknown`,
    image: OTHER_IMAGE,
    node: { disableDefaultRegistryEndpoint: true },
    registries: (fake) =>
      configsFor(
        'registry.example.com',
        ['username: deploy', `password: ${fake.next('password')}`],
        ['mirrors:', '  registry.example.com:', '    endpoint:', '      - "https://mirror.example.com"'],
      ),
    expect: {
      verdict: 'unknown',
      says: /the k3s docs say only its mirror endpoints are tried[\s\S]*k3s \(config\.go getHostConfigs\) still tries registry\.example\.com itself/,
      findings: [committedCredential('password:')],
    },
  },
  {
    name: `${K3S}, Wildcard Support: a registry with its own configs auth gets its own hosts.toml, so the "*" mirror is not used for it and --disable-default-registry-endpoint keeps its default endpoint: allowed`,
    image: OTHER_IMAGE,
    node: { disableDefaultRegistryEndpoint: true },
    registries: (fake) =>
      configsFor(
        'registry.example.com',
        ['username: deploy', `password: ${fake.next('password')}`],
        ['mirrors:', '  "*":', '    endpoint:', '      - "https://mirror.example.com"'],
      ),
    expect: {
      verdict: 'allowed',
      says: /^(?![\s\S]*mirror\.example\.com)[\s\S]*gives k3s credentials for registry\.example\.com/,
      findings: [committedCredential('password:')],
    },
  },
  {
    name: `${GAR}, service account key behind --disable-default-registry-endpoint and a mirror: the key's account does not decide, the pull is unknown`,
    image: GAR_IMAGE,
    node: { disableDefaultRegistryEndpoint: true },
    iamPolicies: GRANTED,
    registries: (fake) =>
      garGuide(oneLine(serviceAccountKey(fake))).replace(
        `      - "https://${GAR_HOST}"`,
        '      - "https://mirror.example.com"',
      ),
    expect: {
      verdict: 'unknown',
      says: /still tries europe-west2-docker\.pkg\.dev itself/,
      findings: [committedKey('password:')],
    },
  },
  // --- Docker Hub and other registries ------------------------------------------------------------------------
  {
    name: `${K3S}, Default Endpoint Fallback (images without a registry are docker.io): no credentials for docker.io is denied, as other registries are private by default`,
    image: 'nginx:1.27',
    registries: (fake) =>
      configsFor('registry.example.com', ['username: deploy', `password: ${fake.next('password')}`]),
    expect: {
      verdict: 'denied',
      missing: 'node-config',
      says: /no credentials for docker\.io[\s\S]*publicImages/,
      findings: [committedCredential('password:')],
    },
  },
  {
    name: `${K3S}, Default Endpoint Fallback: a docker.io image listed in publicImages needs no credentials`,
    image: 'nginx:1.27',
    publicImages: ['docker.io/library/*'],
    registries: (fake) =>
      configsFor('registry.example.com', ['username: deploy', `password: ${fake.next('password')}`]),
    expect: { verdict: 'allowed', says: /publicImages/, findings: [committedCredential('password:')] },
  },
  {
    name: `${K3S}, Configs auth username/password: another registry with basic auth is allowed, and the committed password is a finding`,
    image: OTHER_IMAGE,
    registries: (fake) =>
      configsFor('registry.example.com', ['username: deploy', `password: ${fake.next('password')}`]),
    expect: {
      verdict: 'allowed',
      says: /gives k3s credentials for registry\.example\.com/,
      findings: [committedCredential('password:')],
    },
  },
  {
    name: `${K3S}, Configs auth "auth" (the base64 token of basic auth): allowed, and a finding on the auth line`,
    image: OTHER_IMAGE,
    registries: (fake) =>
      configsFor('registry.example.com', [`auth: ${base64(`deploy:${fake.next('password')}`)}`]),
    expect: { verdict: 'allowed', findings: [committedCredential('auth: ')] },
  },
  {
    name: `${K3S}, Configs auth identity_token: allowed, and a finding on the identity_token line`,
    image: OTHER_IMAGE,
    registries: (fake) =>
      configsFor('registry.example.com', [`identity_token: ${fake.next('identitytoken')}`]),
    expect: { verdict: 'allowed', findings: [committedCredential('identity_token:')] },
  },
  {
    name: `${K3S}, Configs auth: a username with no password, auth or identity_token gives no usable credentials: denied on node-config`,
    image: OTHER_IMAGE,
    registries: () => configsFor('registry.example.com', ['username: deploy']),
    expect: {
      verdict: 'denied',
      missing: 'node-config',
      says: /no password, auth or identity_token/,
      findings: [],
    },
  },
  {
    name: `${K3S}, With TLS / Without Authentication: a registry with only a tls entry gets no credentials: denied`,
    image: 'registry.example.com:5000/team/app:1.0',
    registries: () =>
      [
        'configs:',
        '  "registry.example.com:5000":',
        '    tls:',
        '      cert_file: /etc/rancher/k3s/registry/client.crt',
        '      key_file: /etc/rancher/k3s/registry/client.key',
        '      ca_file: /etc/rancher/k3s/registry/ca.crt',
        '',
      ].join('\n'),
    expect: { verdict: 'denied', missing: 'node-config', findings: [] },
  },
];

interface WrittenCase {
  readonly config: string;
  readonly configText: string;
  readonly registries: string;
  readonly registriesText: string;
}

function writeCase(
  registriesText: string | undefined,
  extras: Pick<K3sCase, 'image' | 'publicImages' | 'iamPolicies' | 'node' | 'target'>,
  registriesFile = 'k3s/registries.yaml',
): WrittenCase {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-k3s-'));
  mkdirSync(path.join(dir, 'k3s'));
  const registries = path.join(dir, 'k3s', 'registries.yaml');
  if (registriesText !== undefined) writeFileSync(registries, registriesText);
  const configText = stringify({
    version: 1,
    images: [extras.image],
    targets: [{ name: 'edge', platform: 'k3s', registriesFile, ...extras.node, ...extras.target }],
    ...(extras.publicImages ? { publicImages: extras.publicImages } : {}),
    ...(extras.iamPolicies ? { facts: { gcp: { iamPolicies: extras.iamPolicies } } } : {}),
  });
  const config = path.join(dir, 'pullcheck.yml');
  writeFileSync(config, configText);
  return { config, configText, registries, registriesText: registriesText ?? '' };
}

/** Where `needle` first occurs in `text` ('' : the end of it), 1-based, as pullcheck reports places. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const offset = needle === '' ? text.length : text.indexOf(needle);
  assert.notEqual(offset, -1, `${JSON.stringify(needle)} is in the file`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1) ?? '').length + 1 };
}

/** As pullcheck displays a file: relative to the working directory. */
const shown = (file: string) => path.relative(process.cwd(), file);

function check(config: string): Report {
  return checkConfig(loadConfigFile(config), { failOn: 'denied' });
}

function assertNoLeak(outputs: readonly string[], secrets: readonly string[]): void {
  for (const output of outputs) {
    assert.deepEqual(leakedSecrets(output, secrets), [], `a seeded secret leaked into:\n${output}`);
  }
}

for (const [i, k3sCase] of cases.entries()) {
  // Every case through runCli in process; the first also through the bundle's process.
  const how = i === 0 ? 'process' : 'in-process';
  test(`${k3sCase.name}${i === 0 ? ' (the bundled CLI as a process)' : ''}`, async () => {
    const fake = new FakeSecrets();
    const written = writeCase(k3sCase.registries(fake), k3sCase);
    const report = check(written.config);

    assert.equal(report.results.length, 1);
    const [result] = report.results;
    assert.ok(result);
    const { expect } = k3sCase;
    const why = [...result.reasons, ...result.missing.map((grant) => grant.fix.text)].join('\n');
    assert.equal(result.verdict, expect.verdict, why);
    assert.equal(result.principal, expect.principal ?? NODE);
    assert.deepEqual(
      result.missing.map((grant) => grant.side),
      expect.missing ? [expect.missing] : [],
    );
    if (expect.says) assert.match(why, expect.says);
    assert.deepEqual(
      report.findings.map(({ kind, severity, file, line }) => ({ kind, severity, file, line })),
      expect.findings.map(({ kind, severity, line }) => ({
        kind,
        severity,
        file: shown(written.registries),
        line: positionOf(written.registriesText, line).line,
      })),
    );
    expect.findings.forEach((finding, i) => {
      if (finding.says) assert.match(report.findings[i]?.message ?? '', finding.says);
    });

    // The leak check can fail: every seeded secret is found in the file it was written to.
    assert.deepEqual(leakedSecrets(written.registriesText, fake.all), fake.all);
    const { codes, outputs, json } = await runEveryFormat(written.config, [], how);
    assert.deepEqual(codes, Array<number>(EVERY_FORMAT_RUNS).fill(expect.verdict === 'denied' ? 1 : 0));
    assert.deepEqual(
      JSON.parse(json),
      JSON.parse(JSON.stringify(report)),
      'the CLI reports what runCheck decided',
    );
    assertNoLeak(outputs, fake.all);
  });
}

test(`${GAR}: the guide's committed key is a high secret-in-repo finding at its exact line, naming its service account`, () => {
  const fake = new FakeSecrets();
  const written = writeCase(garGuide(oneLine(serviceAccountKey(fake))), {
    image: GAR_IMAGE,
    iamPolicies: GRANTED,
  });
  const { findings } = check(written.config);
  assert.equal(findings.length, 1);
  const [finding] = findings;
  assert.equal(finding?.kind, 'secret-in-repo');
  assert.equal(finding?.severity, 'high');
  assert.equal(finding?.file, shown(written.registries));
  assert.equal(finding?.line, 10); // `      password: '{"type":"service_account",…}'`
  assert.match(
    finding?.message ?? '',
    /private key of edge-puller@acme-edge\.iam\.gserviceaccount\.com is committed in configs\.europe-west2-docker\.pkg\.dev\.auth\.password/,
  );
});

// --- Bad input: a clear error at its place, exit 2, and no secret in it ---------------------------------------

interface BadCase {
  readonly name: string;
  /** undefined: no registries.yaml is written. */
  readonly registries?: (fake: FakeSecrets) => string;
  readonly registriesFile?: string;
  /** Where the first problem must be: at (or `shift` columns after) the first occurrence of `text`; '' is the end. */
  readonly at: { readonly in: 'config' | 'registries'; readonly text: string; readonly shift?: number };
  readonly says: RegExp;
}

const badCases: readonly BadCase[] = [
  {
    name: `${K3S}: a registriesFile that does not exist is an error at the config's registriesFile line`,
    at: { in: 'config', text: 'registriesFile: k3s', shift: 16 },
    says: /cannot read k3s\/registries\.yaml \(ENOENT\): expected the path of a k3s registries\.yaml, relative to the config file/,
  },
  {
    name: `${K3S}: a registriesFile that is a directory is an error at the config's registriesFile line`,
    registriesFile: 'k3s',
    registries: () => '',
    at: { in: 'config', text: 'registriesFile: k3s', shift: 16 },
    says: /cannot read k3s \(EISDIR\)/,
  },
  {
    name: `${K3S}: a YAML syntax error next to a secret (a missing closing quote) is reported at registries.yaml:line:col`,
    registries: (fake) =>
      configsFor('registry.example.com', ['username: deploy', `password: "${fake.next('password')}`, 'tls:']),
    at: { in: 'registries', text: '' }, // the parser looks for the closing quote up to the end of the file
    says: /YAML syntax error: Missing closing "quote/,
  },
  {
    name: `${K3S}: a YAML syntax error on a secret's line (a misindented password) is reported at registries.yaml:line:col`,
    registries: (fake) =>
      [
        'configs:',
        '  "registry.example.com":',
        '    auth:',
        '      username: deploy',
        `     password: ${fake.next('password')}`,
        '',
      ].join('\n'),
    at: { in: 'registries', text: '     password:' }, // the parser points at the line's indentation
    says: /YAML syntax error: All mapping items must start at the same column/,
  },
  {
    name: `${GAR}: a _json_key pasted unquoted as the multi-line key file is a YAML syntax error that quotes none of the key`,
    registries: (fake) =>
      configsFor(GAR_HOST, [
        'username: _json_key',
        `password: ${JSON.stringify(serviceAccountKey(fake), null, 2).replace(/\n {2}/g, '\n  ')}`,
      ]),
    at: { in: 'registries', text: '"type"' },
    says: /YAML syntax error: Flow map in block collection must be sufficiently indented/,
  },
  {
    name: `${K3S}: an unquoted password starting with | (read as a block scalar header) is a YAML syntax error that does not repeat it`,
    registries: (fake) =>
      configsFor('registry.example.com', ['username: deploy', `password: |${fake.next('password')}`]),
    at: { in: 'registries', text: '|FAKE', shift: 1 }, // the parser points past the | indicator
    says: /YAML syntax error: Block scalar header includes extra characters \(the text is not repeated: it may be a secret\)$/,
  },
  {
    name: `${K3S}: an unquoted password starting with * (read as a YAML alias) is a YAML error at its place, not a crash that prints it`,
    registries: (fake) =>
      configsFor('registry.example.com', ['username: deploy', `password: *${fake.next('password')}`]),
    at: { in: 'registries', text: '*FAKE' },
    says: /YAML syntax error: an alias \(\*…\) names no anchor: quote a value that starts with \*/,
  },
  {
    name: `${K3S}: a double-quoted password with an invalid escape is a YAML syntax error that does not repeat the escape`,
    registries: (fake) => {
      const secret = fake.next('password');
      return configsFor('registry.example.com', [
        'username: deploy',
        `password: "\\U${secret.slice(secret.lastIndexOf('-') + 1)}"`,
      ]);
    },
    at: { in: 'registries', text: '\\U' },
    says: /YAML syntax error: Invalid escape sequence \(the text is not repeated/,
  },
  {
    name: `${K3S}, Configs: an unknown key (configs.HOST.auht) is an error naming it, not a silently dropped credential`,
    registries: (fake) =>
      [
        'configs:',
        '  "registry.example.com":',
        '    auht:',
        '      username: deploy',
        `      password: ${fake.next('password')}`,
        '',
      ].join('\n'),
    at: { in: 'registries', text: 'auht' },
    says: /unknown key `auht` in `configs\.registry\.example\.com` \(did you mean `auth`\?\)/,
  },
  {
    name: `${K3S}, Configs: a misspelt secret-bearing key (passwrod) is an error naming the key, never its value`,
    registries: (fake) =>
      configsFor('registry.example.com', ['username: deploy', `passwrod: ${fake.next('password')}`]),
    at: { in: 'registries', text: 'passwrod' },
    says: /unknown key `passwrod` in `configs\.registry\.example\.com\.auth` \(did you mean `password`\?\)/,
  },
  {
    name: `${K3S}, Configs: auth written as docker's base64 string instead of a mapping is an error that does not print it`,
    registries: (fake) =>
      [
        'configs:',
        '  "registry.example.com":',
        `    auth: ${base64(`deploy:${fake.next('password')}`)}`,
        '',
      ].join('\n'),
    at: { in: 'registries', text: 'auth: ', shift: 6 },
    says: /`configs\.registry\.example\.com\.auth`: expected a value of type object/,
  },
  {
    name: `${K3S}, Rewrites: a rewrite that is not a valid regular expression is an error at its pattern`,
    registries: () =>
      [
        'mirrors:',
        '  docker.io:',
        '    endpoint:',
        '      - "https://registry.example.com:5000"',
        '    rewrite:',
        '      "^rancher/(.*": "mirrorproject/rancher-images/$1"',
        '',
      ].join('\n'),
    at: { in: 'registries', text: '"^rancher/(.*"' },
    says: /mirrors\.docker\.io\.rewrite: "\^rancher\/\(\.\*" is not a valid regular expression/,
  },
  {
    name: `${K3S}, Mirrors: endpoint written as a string rather than a list is an error at it`,
    registries: () =>
      ['mirrors:', '  docker.io:', '    endpoint: "https://registry.example.com:5000"', ''].join('\n'),
    at: { in: 'registries', text: '"https://' },
    says: /`mirrors\.docker\.io\.endpoint`: expected a value of type array/,
  },
];

for (const [i, bad] of badCases.entries()) {
  const how = i === 0 ? 'process' : 'in-process';
  test(`${bad.name}${i === 0 ? ' (the bundled CLI as a process)' : ''}`, async () => {
    const fake = new FakeSecrets();
    const written = writeCase(bad.registries?.(fake), { image: OTHER_IMAGE }, bad.registriesFile);
    const [file, text] =
      bad.at.in === 'config'
        ? [written.config, written.configText]
        : [written.registries, written.registriesText];
    const found = positionOf(text, bad.at.text);
    const expected = { line: found.line, column: found.column + (bad.at.shift ?? 0) };

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
    const fileShown = bad.at.in === 'config' ? written.config : shown(file); // the config as given
    assert.deepEqual(problem?.where, { file: fileShown, ...expected });
    assert.match(problem?.message ?? '', bad.says);

    const { code, stdout, stderr } = await runCheckCommand(['--config', written.config], how);
    assert.equal(code, 2, stderr);
    assert.equal(stdout, '');
    assert.ok(
      stderr.includes(
        `pullcheck: error: ${fileShown}:${expected.line}:${expected.column}: ${problem?.message}`,
      ),
      stderr,
    );
    assert.doesNotMatch(stderr, /\n\s+at .*:\d+:\d+/, 'no stack trace');
    assertNoLeak([stderr], fake.all);
  });
}
