// A repository seeded with every kind of secret a user could put in one, the process environment a runner
// hands pullcheck, and the search of every output for them (__tests__/secrets*.test.ts).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';

export const SECRETS = {
  /** In pullcheck's process environment; the workflow names the variable but never defines it. */
  env: 'env-secret-7f3a91c2d4',
  awsKey: 'AKIAFAKESECRET7Q2Z9X',
  awsSecret: 'aws-secret-b81c0e55a9d7',
  /** Written in URLs: a registry endpoint, a `git clone`, a push destination. */
  endpointPassword: 'url-secret-endpoint-41d9',
  clonePassword: 'ghs_urlsecretclone5e2b',
  pushPassword: 'url-secret-push-a3f7',
  /** Action inputs. */
  githubToken: 'ghs_FAKEinputToken0123456789SECRET',
  openshiftToken: 'sha256~input-openshift-secret-9c1e',
  /** Committed: a dockerconfigjson pull secret, a TLS key, a k3s registries.yaml password. */
  pullSecretPassword: 'pull-secret-password-66ad',
  privateKey: 'FAKE-PRIVATE-KEY-MATERIAL-0c7e2f',
  k3sPassword: 'k3s-registry-password-d2b4',
  /** Committed too: a k3s `auth` (base64 user:password), a service-account key, a mirror's URL password. */
  k3sAuthPassword: 'k3s-auth-password-9e31',
  k3sKey: 'FAKE-K3S-SERVICE-ACCOUNT-KEY-5b8a',
  mirrorPassword: 'mirror-url-password-77c0',
  /** Literals in a workflow: a job's environment and a login step's password (never `${{ secrets.X }}`). */
  workflowAwsSecret: 'wJalrXUtnFEMI/K7MDENG/workflowLITERAL1',
  loginPassword: 'login-step-password-3c5d',
  loginSecretKey: 'login-step-secret-key-8f14',
  ocToken: 'sha256~oc-login-token-literal-2a6e',
} as const;

/** Each secret as written, and base64-encoded forms a renderer might echo. */
const NEEDLES = Object.values(SECRETS).flatMap((secret) => [
  secret,
  Buffer.from(secret).toString('base64').slice(0, 16),
]);
NEEDLES.push(Buffer.from(`robot:${SECRETS.pullSecretPassword}`).toString('base64'));
NEEDLES.push(Buffer.from(`robot:${SECRETS.k3sAuthPassword}`).toString('base64'));

/** A repository holding every kind of secret, and a config that reads all of it. */
export function seededRepository(): string {
  const repo = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-secrets-'));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    writeFileSync(path.join(repo, file), text);
  };
  mkdirSync(path.join(repo, '.git'));
  write('.git/config', '[remote "origin"]\n\turl = https://github.com/acme/shop.git\n');
  write(
    '.github/workflows/release.yml',
    [
      'on: push',
      'env:',
      '  ECR: 123456789012.dkr.ecr.us-east-1.amazonaws.com',
      'jobs:',
      '  release:',
      '    runs-on: ubuntu-latest',
      '    permissions: { id-token: write, contents: read }',
      '    env:',
      `      AWS_SECRET_ACCESS_KEY: ${SECRETS.workflowAwsSecret}`,
      '    steps:',
      '      - uses: aws-actions/configure-aws-credentials@v4',
      '        with:',
      '          role-to-assume: arn:aws:iam::123456789012:role/release',
      '          aws-region: us-east-1',
      '      - uses: docker/login-action@v3',
      '        with:',
      '          registry: quay.io',
      '          username: robot',
      `          password: ${SECRETS.loginPassword}`,
      '      - uses: aws-actions/configure-aws-credentials@v4',
      '        with:',
      '          aws-access-key-id: AKIAIOSFODNN7EXAMPLE',
      `          aws-secret-access-key: ${SECRETS.loginSecretKey}`,
      '          aws-region: us-east-1',
      `      - run: oc login --token=${SECRETS.ocToken} --server=https://api.ocp.example.com:6443 && oc project shop`,
      `      - run: git clone https://x-access-token:${SECRETS.clonePassword}@github.com/acme/tools.git`,
      '      - run: docker push $ECR/team/web:1.0',
      '      # DEPLOY_TOKEN is defined nowhere in the workflow: only in the runner process environment.',
      '      - run: docker push $ECR/team/$DEPLOY_TOKEN:1.0',
      '      - run: docker push ${{ env.DEPLOY_TOKEN }}.dkr.ecr.us-east-1.amazonaws.com/team/api:1.0',
      `      - run: docker push robot:${SECRETS.pushPassword}@registry.example.com/team/app:1.0`,
      '',
    ].join('\n'),
  );
  const dockerConfig = JSON.stringify({
    auths: {
      'quay.io': { auth: Buffer.from(`robot:${SECRETS.pullSecretPassword}`).toString('base64') },
    },
  });
  write(
    'deploy/k8s/secrets.yaml',
    stringify({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'quay-robot', namespace: 'shop' },
      type: 'kubernetes.io/dockerconfigjson',
      data: { '.dockerconfigjson': Buffer.from(dockerConfig).toString('base64') },
    }) +
      '---\n' +
      stringify({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'tls', namespace: 'shop' },
        type: 'kubernetes.io/tls',
        stringData: {
          'tls.key': `-----BEGIN PRIVATE KEY-----\n${SECRETS.privateKey}\n-----END PRIVATE KEY-----\n`,
        },
      }) +
      '---\n' +
      stringify({
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 'default', namespace: 'shop' },
        imagePullSecrets: [{ name: 'quay-robot' }],
      }),
  );
  write(
    'deploy/k3s/registries.yaml',
    stringify({
      mirrors: { 'quay.io': { endpoint: [`https://mirror:${SECRETS.mirrorPassword}@mirror.example.com`] } },
      configs: {
        '123456789012.dkr.ecr.us-east-1.amazonaws.com': {
          auth: { username: 'AWS', password: SECRETS.k3sPassword },
        },
        'quay.io': { auth: { auth: Buffer.from(`robot:${SECRETS.k3sAuthPassword}`).toString('base64') } },
        'europe-west2-docker.pkg.dev': {
          auth: {
            username: '_json_key',
            password: JSON.stringify({
              type: 'service_account',
              project_id: 'acme-edge',
              private_key: `-----BEGIN PRIVATE KEY-----\n${SECRETS.k3sKey}\n-----END PRIVATE KEY-----\n`,
              client_email: 'edge-puller@acme-edge.iam.gserviceaccount.com',
            }),
          },
        },
      },
    }),
  );
  write(
    'pullcheck.yml',
    stringify({
      version: 1,
      discover: { workflows: ['.github/workflows/release.yml'] },
      images: ['quay.io/acme/agent:3.1', 'europe-west2-docker.pkg.dev/acme-prod/apps/api:1.0'],
      targets: [
        { name: 'apps', platform: 'kubernetes', namespace: 'shop' },
        { name: 'edge', platform: 'k3s', registriesFile: 'deploy/k3s/registries.yaml' },
      ],
      facts: { kubernetes: { manifests: ['deploy/k8s/*.yaml'] } },
      endpoints: {
        registries: {
          '123456789012.dkr.ecr.us-east-1.amazonaws.com': `https://ci:${SECRETS.endpointPassword}@127.0.0.1:9`,
        },
      },
    }),
  );
  return repo;
}

/** The process environment a runner (or a developer's shell) hands pullcheck, secrets included. */
export function secretEnvironment(): NodeJS.ProcessEnv {
  return {
    DEPLOY_TOKEN: SECRETS.env,
    AWS_ACCESS_KEY_ID: SECRETS.awsKey,
    AWS_SECRET_ACCESS_KEY: SECRETS.awsSecret,
    GITHUB_REPOSITORY: 'acme/shop',
  };
}

export function assertClean(texts: Record<string, string>): void {
  let searched = 0;
  for (const [where, text] of Object.entries(texts)) {
    // `::add-mask::` is how the runner learns what to hide; it never reaches the log itself.
    const visible = text
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    searched += visible.length;
    for (const needle of NEEDLES) assert.ok(!visible.includes(needle), `${needle} leaked into ${where}`);
  }
  assert.ok(searched > 10_000, `too little output was searched (${searched} characters)`);
}
