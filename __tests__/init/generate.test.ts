// `pullcheck init`'s files as pure functions of what the scan found: the workflow's permissions and
// logins per cloud (each generated workflow passes actionlint), and a config that loads and validates —
// with its commented proposals uncommented too — whatever text the repository's files held.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { lintWorkflow } from '../helpers/actionlint.ts';
import { runCliInProcess } from '../helpers/cli-formats.ts';
import { loadConfigText } from '../../src/core/config/load.ts';
import { cloudLogins, type CloudLogins } from '../../src/init/clouds.ts';
import { configText, neededVariables } from '../../src/init/config-text.ts';
import type { RepositoryScan } from '../../src/init/model.ts';
import { scanRepository } from '../../src/init/scan.ts';
import { workflowPermissions, workflowText, type WorkflowPlan } from '../../src/init/workflow-text.ts';

const ECR_IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/api';

function scanOf(over: Partial<RepositoryScan> = {}): RepositoryScan {
  return {
    workflows: ['.github/workflows/deploy.yml'],
    images: [],
    targets: [],
    logins: [],
    findings: [],
    manifests: [],
    usesRepositoryName: false,
    defaultBranch: 'main',
    ...over,
  };
}
const plan = (logins: CloudLogins, sarif = true): WorkflowPlan => ({
  logins,
  config: '.github/pullcheck.yml',
  defaultBranch: 'main',
  sarif,
});
type Workflow = {
  permissions: Record<string, string>;
  on: Record<string, unknown>;
  jobs: { pullcheck: { steps: { uses?: string; with?: Record<string, string> }[] } };
};

test('permissions: contents and pull-requests always; id-token only for an OIDC login; security-events only for SARIF', () => {
  const aws: CloudLogins = { aws: { accounts: ['123456789012'], region: 'eu-west-1' } };
  const cases: [CloudLogins, boolean, Record<string, string>][] = [
    [{}, false, { contents: 'read', 'pull-requests': 'write' }],
    [{}, true, { contents: 'read', 'pull-requests': 'write', 'security-events': 'write' }],
    [aws, false, { contents: 'read', 'pull-requests': 'write', 'id-token': 'write' }],
    [{ gcp: { projects: [] } }, false, { contents: 'read', 'pull-requests': 'write', 'id-token': 'write' }],
    // OpenShift logs in with a token from a secret here: no OIDC token is requested.
    [{ openshift: {} }, true, { contents: 'read', 'pull-requests': 'write', 'security-events': 'write' }],
  ];
  for (const [logins, sarif, expected] of cases) {
    assert.deepEqual(workflowPermissions(plan(logins, sarif)), expected);
    const written = parse(workflowText(plan(logins, sarif))) as Workflow;
    assert.deepEqual(written.permissions, expected, 'the file says exactly what the rule says');
  }
});

test('the workflow: checkout, the logins, pullcheck with its config, then the SARIF upload; it passes actionlint', async () => {
  const all: CloudLogins = {
    aws: { accounts: ['123456789012', '210987654321'], region: 'eu-west-1' },
    gcp: { projects: ['shop-prod'] },
    openshift: { server: 'https://api.ocp.example.com:6443' },
  };
  for (const logins of [{}, { aws: { accounts: [] } }, all] as CloudLogins[]) {
    const text = workflowText(plan(logins));
    assert.deepEqual(await lintWorkflow(text, '.github/workflows/pullcheck.yml'), [], text);
    const workflow = parse(text) as Workflow;
    assert.deepEqual(Object.keys(workflow.on), ['pull_request', 'push']);
    const uses = workflow.jobs.pullcheck.steps.map((step) => step.uses?.replace(/@.*/, ''));
    assert.deepEqual(uses, [
      'actions/checkout',
      ...(logins.aws ? ['aws-actions/configure-aws-credentials'] : []),
      ...(logins.gcp ? ['google-github-actions/auth'] : []),
      'acme/pullcheck',
      'github/codeql-action/upload-sarif',
    ]);
    const pullcheck = workflow.jobs.pullcheck.steps.find((step) => step.uses === 'acme/pullcheck@v1')!;
    assert.equal(pullcheck.with!['config'], '.github/pullcheck.yml');
    assert.equal(pullcheck.with!['openshift-server'], logins.openshift?.server);
  }
  const steps = (parse(workflowText(plan(all))) as Workflow).jobs.pullcheck.steps;
  // The role is a marked placeholder in the account discovery found; without one, <ACCOUNT_ID>.
  assert.equal(steps[1]!.with!['role-to-assume'], 'arn:aws:iam::123456789012:role/pullcheck-read');
  assert.equal(steps[1]!.with!['aws-region'], 'eu-west-1');
  assert.match(workflowText(plan(all)), /# EDIT: the role pullcheck reads/);
  assert.match(workflowText(plan(all)), /must be able to read each/);
  assert.match(
    String(steps[2]!.with!['service_account']),
    /^pullcheck-read@shop-prod\.iam\.gserviceaccount\.com$/,
  );
  const none = (parse(workflowText(plan({ aws: { accounts: [] } }))) as Workflow).jobs.pullcheck.steps;
  assert.equal(none[1]!.with!['role-to-assume'], 'arn:aws:iam::<ACCOUNT_ID>:role/pullcheck-read');
});

test('which logins: from the images, the targets and the workflows’ own logins', () => {
  const place = { file: '.github/workflows/deploy.yml', line: 3 };
  assert.deepEqual(cloudLogins(scanOf({ images: [{ reference: ECR_IMAGE, from: place }] })), {
    aws: { accounts: ['123456789012'], region: 'eu-west-1' },
  });
  const gke = {
    name: 'prod',
    platform: 'gke',
    details: { project: 'shop-prod', location: 'europe-west1', cluster: 'prod' },
    images: [],
    from: place,
  };
  assert.deepEqual(cloudLogins(scanOf({ targets: [gke] })), { gcp: { projects: ['shop-prod'] } });
  const ocp = {
    name: 'web',
    platform: 'openshift',
    details: { namespace: 'web', server: 'https://api.x:6443' },
    images: [],
    from: place,
  };
  assert.deepEqual(cloudLogins(scanOf({ targets: [ocp] })), { openshift: { server: 'https://api.x:6443' } });
  const login = { provider: 'aws', via: 'aws-actions/configure-aws-credentials', from: place };
  assert.deepEqual(cloudLogins(scanOf({ logins: [login] })), { aws: { accounts: [] } });
  assert.deepEqual(cloudLogins(scanOf()), {});
});

test('the config loads and validates: only what discovery cannot see, the rest in comments', () => {
  const place = { file: '.github/workflows/deploy.yml', line: 12, via: 'docker push' };
  const scan = scanOf({
    images: [{ reference: ECR_IMAGE, from: place }],
    findings: [
      {
        kind: 'undiscovered-destination',
        message:
          "the registry's account is that of the AWS credentials, which pullcheck cannot read: add `steps.login-ecr.outputs.registry: <account>.dkr.ecr.<region>.amazonaws.com` under `discover.variables`",
        from: { file: '.github/workflows/release.yml', line: 30 },
      },
      { kind: 'discovery', message: `${'word '.repeat(80)}the-end`, from: { file: 'long.yml', line: 2 } },
      // Text from the repository's files cannot end a comment and start a key.
      {
        kind: 'discovery',
        message: 'bad\nversion: 2\r\u2028targets: oops',
        from: { file: 'x.yml', line: 1 },
      },
    ],
    manifests: [
      { path: 'k8s', kind: 'kustomize', appliedTo: 'prod' },
      { path: 'deploy/overlays/prod', kind: 'kustomize' },
    ],
    repository: 'acme/shop',
    usesRepositoryName: true,
  });
  const text = configText(scan, '.github/pullcheck.yml');
  const loaded = loadConfigText(text, '/repo/.github/pullcheck.yml');
  assert.deepEqual(loaded.input, {
    version: 1,
    discover: { workflows: ['workflows/*.yml'], variables: { 'github.repository': 'acme/shop' } },
  });
  assert.match(text, /^# {5}- 123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/shop\/api$/m);
  assert.match(text, /^# {9}\.github\/workflows\/deploy\.yml:12 \(docker push\)$/m);
  assert.match(text, /^# {5}- k8s \(kustomize\) -> prod$/m);
  // A long finding is wrapped, whole, never cut.
  assert.match(text, /^# {7}word word .*the-end$/m);
  assert.ok(text.split('\n').every((line) => !line.startsWith('#') || line.length <= 102));
  assert.match(text, /^# {3}- x\.yml:1: bad version: 2 {2}targets: oops$/m);
  assert.match(
    text,
    /^ {2}# {3}steps\.login-ecr\.outputs\.registry: <account>.*# asked for at \.github\/workflows\/release\.yml:30$/m,
  );
  // Uncommented, the proposals are a valid config too (a manifests entry names its target).
  // As an editor's "uncomment" does it: the leading `# ` goes.
  const uncommented = text
    .split('\n')
    .map((line) =>
      /^ {2}# (manifests:| {2}- target:| {4}paths:| {2}\S+: )/.test(line) ? line.replace('# ', '') : line,
    )
    .join('\n');
  const proposed = loadConfigText(uncommented.replace('<TARGET>', 'prod'), '/repo/.github/pullcheck.yml');
  assert.deepEqual(proposed.input.discover?.manifests, [
    { target: 'prod', paths: ['../deploy/overlays/prod'] },
  ]);
  assert.deepEqual(
    neededVariables(scan).map((v) => v.path),
    ['steps.login-ecr.outputs.registry'],
  );
});

test('a repository with no workflow: a config that loads, saying there is nothing to read yet', () => {
  const text = configText(scanOf({ workflows: [] }), '.github/pullcheck.yml');
  assert.deepEqual(loadConfigText(text, '/r/.github/pullcheck.yml').input, {
    version: 1,
    discover: { workflows: [] },
  });
});

test('the sample repository, scanned in process: its image, its cluster and the folder it applies there', () => {
  const copy = path.join(mkdtempSync(path.join(os.tmpdir(), 'pullcheck-scan-')), 'repo');
  cpSync(path.resolve('examples/sample-repo'), copy, { recursive: true });
  const scan = scanRepository(copy);
  assert.deepEqual(scan.workflows, ['.github/workflows/deploy.yml']);
  assert.deepEqual(
    scan.images.map((image) => [image.reference, image.from.file, image.from.line]),
    [['123456789012.dkr.ecr.us-east-1.amazonaws.com/simplebank/api', '.github/workflows/deploy.yml', 63]],
  );
  assert.deepEqual(
    scan.targets.map((t) => [t.name, t.platform, t.details, t.from.file]),
    [
      [
        'simplebank-prod',
        'eks',
        { cluster: 'simplebank-prod', region: 'us-east-1', account: '123456789012' },
        '.github/workflows/deploy.yml',
      ],
    ],
  );
  assert.deepEqual(scan.manifests, [{ path: 'k8s', kind: 'kustomize', appliedTo: 'simplebank-prod' }]);
  assert.deepEqual(scan.findings, []);
  assert.equal(scan.defaultBranch, 'main');
});

test('init never writes through a folder that leads out of the repository', async () => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-init-link-'));
  const repo = path.join(base, 'repo');
  const outside = path.join(base, 'outside');
  mkdirSync(repo);
  mkdirSync(outside);
  symlinkSync(outside, path.join(repo, '.github'));
  // The config (at the root) may be written, the workflow may not: neither is.
  const run = await runCliInProcess(['init', '--repo', repo, '--config-out', 'pullcheck.yml']);
  assert.equal(run.code, 2);
  assert.match(
    run.stderr,
    /\.github\/workflows\/pullcheck\.yml: its folder leads outside the repository: nothing written/,
  );
  assert.deepEqual(readdirSync(outside), []);
  assert.deepEqual(readdirSync(repo), ['.github']);
});

test('reads stay inside --repo, even when it is a folder of a larger checkout', () => {
  const checkout = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-init-parent-'));
  mkdirSync(path.join(checkout, '.git'));
  mkdirSync(path.join(checkout, 'shared'));
  writeFileSync(
    path.join(checkout, 'shared', 'web.yaml'),
    'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - { name: web, image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1 }\n',
  );
  const repo = path.join(checkout, 'service');
  mkdirSync(path.join(repo, '.github', 'workflows'), { recursive: true });
  writeFileSync(
    path.join(repo, '.github', 'workflows', 'deploy.yml'),
    [
      'on: push',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1',
      '      - run: aws eks update-kubeconfig --name prod --region us-east-1',
      '      - run: kubectl apply -f ../shared/web.yaml',
      '',
    ].join('\n'),
  );
  const workspace = process.env['GITHUB_WORKSPACE'];
  const scan = scanRepository(repo);
  assert.equal(process.env['GITHUB_WORKSPACE'], workspace, 'restored');
  assert.ok(
    scan.findings.some((finding) => /outside the repository/.test(finding.message)),
    JSON.stringify(scan.findings),
  );
  assert.doesNotMatch(scan.targets[0]?.from.via ?? '', /shared\/web\.yaml/);
});
