// A node's kubelet image credential providers (Kubernetes "Kubelet image credential provider"; kubernetes
// pkg/credentialprovider/plugin): on a plain Kubernetes or k3s target, an ECR or Artifact Registry image no
// pull secret (no registries.yaml entry) covers may still be pulled with a provider's credentials. Unknown until
// the target names the nodes' CredentialProviderConfig (or says they run none); ecr-credential-provider makes
// the pull the node role's, decided by the ECR rules; other plugins and KEP-4412 service-account tokens are
// unknown. Driven through the whole offline check, with the file written beside the config.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../../../src/core/errors.ts';
import type { PullResult } from '../../../src/core/verdict.ts';
import { check, positionOf, shown, writeCase, yamlStream } from '../../helpers/manifests.ts';
import path from 'node:path';

const NS = 'apps';
const ECR_IMAGE = '111122223333.dkr.ecr.us-east-1.amazonaws.com/team/web:1.4.2';
const GAR_IMAGE = 'us-docker.pkg.dev/acme-prod/apps/web:1';
const ROLE = 'arn:aws:iam::111122223333:role/k8s-nodes';
const managed = (name: string) => `arn:aws:iam::aws:policy/${name}`;

const provider = (name: string, matchImages: string[], extra: Record<string, unknown> = {}) => ({
  name,
  matchImages,
  defaultCacheDuration: '12h',
  apiVersion: 'credentialprovider.kubelet.k8s.io/v1',
  ...extra,
});
const ECR_PROVIDER = provider('ecr-credential-provider', [
  '*.dkr.ecr.*.amazonaws.com',
  '*.dkr.ecr.*.amazonaws.com.cn',
]);
const providersYaml = (...providers: unknown[]) =>
  yamlStream({ apiVersion: 'kubelet.config.k8s.io/v1', kind: 'CredentialProviderConfig', providers });

interface Setup {
  readonly image?: string;
  readonly platform?: 'kubernetes' | 'k3s';
  readonly target?: Record<string, unknown>;
  /** The CredentialProviderConfig's text, written as deploy/providers.yaml and named by the target. */
  readonly providers?: string;
  readonly roleManaged?: readonly string[];
  readonly secretFor?: string;
}

function run(setup: Setup): PullResult {
  const k3s = setup.platform === 'k3s';
  const objects = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } },
    ...(setup.secretFor
      ? [
          {
            apiVersion: 'v1',
            kind: 'ServiceAccount',
            metadata: { name: 'default', namespace: NS },
            imagePullSecrets: [{ name: 'pull' }],
          },
          {
            apiVersion: 'v1',
            kind: 'Secret',
            metadata: { name: 'pull', namespace: NS },
            type: 'kubernetes.io/dockerconfigjson',
            stringData: { '.dockerconfigjson': JSON.stringify({ auths: { [setup.secretFor]: {} } }) },
          },
        ]
      : []),
  ];
  const target = {
    name: 'cluster',
    platform: setup.platform ?? 'kubernetes',
    ...(k3s ? { registriesFile: 'deploy/registries.yaml' } : { namespace: NS }),
    ...(setup.providers ? { credentialProviderConfig: 'deploy/providers.yaml' } : {}),
    ...setup.target,
  };
  const written = writeCase(
    {
      version: 1,
      images: [setup.image ?? ECR_IMAGE],
      targets: [target],
      facts: {
        ...(k3s ? {} : { kubernetes: { objects } }),
        ...(setup.roleManaged
          ? { aws: { roles: [{ arn: ROLE, managedPolicies: setup.roleManaged.map(managed) }] } }
          : {}),
      },
    },
    {
      ...(setup.providers ? { 'providers.yaml': setup.providers } : {}),
      ...(k3s ? { 'registries.yaml': 'mirrors: {}\n' } : {}),
    },
  );
  const report = check(written.config);
  assert.equal(report.results.length, 1);
  return report.results[0]!;
}

const why = (result: PullResult) => result.reasons.join('\n');

for (const platform of ['kubernetes', 'k3s'] as const) {
  test(`${platform}: an ECR image nothing on the pod covers, on nodes whose credential providers are not stated, is unknown naming credentialProviderConfig`, () => {
    const result = run({ platform });
    assert.equal(result.verdict, 'unknown', why(result));
    assert.match(
      why(result),
      /ecr-credential-provider\) may supply credentials[\s\S]*credentialProviderConfig: false/,
    );
  });

  test(`${platform}: credentialProviderConfig: false (nodes run no provider) keeps the ECR pull denied`, () => {
    const result = run({ platform, target: { credentialProviderConfig: false } });
    assert.equal(result.verdict, 'denied', why(result));
    assert.match(why(result), /run no kubelet image credential provider/);
  });

  test(`${platform}: ecr-credential-provider matching the host makes the pull the node role's: allowed by AmazonEC2ContainerRegistryReadOnly`, () => {
    const result = run({
      platform,
      providers: providersYaml(ECR_PROVIDER),
      target: { nodeRole: ROLE },
      roleManaged: ['AmazonEC2ContainerRegistryReadOnly'],
    });
    assert.equal(result.principal, ROLE);
    assert.equal(result.verdict, 'allowed', why(result));
    assert.match(
      why(result),
      /ecr-credential-provider \(\S*deploy\/providers\.yaml:\d+\) matches 111122223333\.dkr\.ecr/,
    );
  });

  test(`${platform}: the node role without ECR permissions is denied on the role's side`, () => {
    const result = run({
      platform,
      providers: providersYaml(ECR_PROVIDER),
      target: { nodeRole: ROLE },
      roleManaged: ['AmazonEKSWorkerNodePolicy'],
    });
    assert.equal(result.principal, ROLE);
    assert.equal(result.verdict, 'denied', why(result));
    assert.equal(result.missing[0]?.side, 'identity');
  });

  test(`${platform}: ecr-credential-provider without nodeRole is unknown naming nodeRole`, () => {
    const result = run({ platform, providers: providersYaml(ECR_PROVIDER) });
    assert.equal(result.verdict, 'unknown', why(result));
    assert.match(why(result), /under the target's nodeRole/);
  });

  test(`${platform}: a provider whose matchImages miss the host leaves the pull denied`, () => {
    const result = run({
      platform,
      providers: providersYaml(provider('ecr-credential-provider', ['*.dkr.ecr.*.amazonaws.com.cn'])),
      target: { nodeRole: ROLE },
    });
    assert.equal(result.verdict, 'denied', why(result));
    assert.match(why(result), /no kubelet image credential provider of \S*deploy\/providers\.yaml matches/);
  });

  test(`${platform}: a provider given the pod's service-account token (KEP-4412 tokenAttributes) is unknown`, () => {
    const result = run({
      platform,
      providers: providersYaml(
        provider('ecr-credential-provider', ['*.dkr.ecr.*.amazonaws.com'], {
          tokenAttributes: { serviceAccountTokenAudience: 'sts.amazonaws.com', requireServiceAccount: true },
        }),
      ),
      target: { nodeRole: ROLE },
    });
    assert.equal(result.verdict, 'unknown', why(result));
    assert.match(why(result), /service-account token \(audience sts\.amazonaws\.com\)[\s\S]*KEP-4412/);
  });
}

test('kubernetes: an Artifact Registry image with no pull secret and no stated providers is unknown', () => {
  const result = run({ image: GAR_IMAGE });
  assert.equal(result.verdict, 'unknown', why(result));
  assert.match(why(result), /GCP credential provider/);
});

test('kubernetes: a pull secret that covers the image decides it, whatever the node provides', () => {
  const result = run({
    secretFor: '111122223333.dkr.ecr.us-east-1.amazonaws.com',
    providers: providersYaml(ECR_PROVIDER),
    target: { nodeRole: ROLE },
  });
  assert.equal(result.verdict, 'allowed', why(result));
  assert.equal(result.principal, `system:serviceaccount:${NS}:default`);
});

test('a CredentialProviderConfig the kubelet would refuse is an error at its file:line', () => {
  const text = providersYaml(provider('foo/../bar', ['registry.example.com']));
  const written = writeCase(
    {
      version: 1,
      images: [ECR_IMAGE],
      targets: [
        { name: 'c', platform: 'kubernetes', namespace: NS, credentialProviderConfig: 'deploy/p.yaml' },
      ],
    },
    { 'p.yaml': text },
  );
  assert.throws(
    () => check(written.config),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      const file = shown(path.join(written.dir, 'deploy', 'p.yaml'));
      assert.match(error.message, /provider name cannot contain '\/'/);
      assert.match(
        error.message,
        new RegExp(`${file.replace(/[.]/g, '\\.')}:${positionOf(text, 'name: foo').line}`),
      );
      return true;
    },
  );
});

test('nodeRole without credentialProviderConfig is an error at its line, not silently unused', () => {
  for (const providers of [undefined, false]) {
    const target = {
      name: 'c',
      platform: 'kubernetes',
      namespace: NS,
      nodeRole: ROLE,
      ...(providers === false ? { credentialProviderConfig: false } : {}),
    };
    const written = writeCase({ version: 1, images: [ECR_IMAGE], targets: [target] }, {});
    assert.throws(
      () => check(written.config),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(
          error.message,
          /pullcheck\.yml:\d+:\d+: target c: nodeRole .* needs credentialProviderConfig/,
        );
        return true;
      },
    );
  }
});
