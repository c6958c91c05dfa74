// Workflow files as users write them: the destinations pullcheck finds, and the ones it cannot resolve.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scriptDestinations, workflowDestinations } from '../../src/discover/workflow.ts';

const refs = (text: string, env = {}) =>
  workflowDestinations(text, 'deploy.yml', env).images.map((image) => image.reference);

test('docker/metadata-action images plus docker/build-push-action tags (the docker/build-push-action README pattern)', () => {
  const workflow = `
name: deploy
on: push
env:
  REGISTRY: 123456789012.dkr.ecr.us-east-1.amazonaws.com
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/metadata-action@v5
        id: meta
        with:
          images: |
            \${{ env.REGISTRY }}/team/web
            name=ghcr.io/acme/web,enable=true
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: \${{ env.REGISTRY }}/team/web:\${{ github.sha }},europe-west2-docker.pkg.dev/acme-prod/apps/web:latest
`;
  assert.deepEqual(refs(workflow), [
    '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web',
    'ghcr.io/acme/web',
    'europe-west2-docker.pkg.dev/acme-prod/apps/web:latest',
  ]);
});

test('build-push-action without push: true pushes nothing (its default)', () => {
  const workflow = `jobs:\n  b:\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          tags: a.example/app:1\n`;
  assert.deepEqual(refs(workflow), []);
});

test('a matrix build: one destination per matrix value (jobs.<id>.strategy.matrix)', () => {
  const workflow = `
jobs:
  push:
    strategy:
      matrix:
        region: [us-east-1, eu-west-1]
    steps:
      - run: docker push 123456789012.dkr.ecr.\${{ matrix.region }}.amazonaws.com/team/api:1.0
`;
  assert.deepEqual(refs(workflow), [
    '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api:1.0',
    '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/api:1.0',
  ]);
});

test('shell scripts: continuations, several tools, quoted references, step env', () => {
  assert.deepEqual(
    scriptDestinations(
      [
        'set -e',
        'docker tag app "$IMAGE"',
        'docker push \\',
        '  "$IMAGE"',
        'podman push --tls-verify=false quay.io/acme/agent:3.1',
        'buildah push localimage docker://registry.example.com/team/tool:2',
        'skopeo copy --all oci:./out docker://us-docker.pkg.dev/acme/tools/skopeo:1',
        'crane push image.tar gcr.io/acme-legacy/worker:7',
        'gcloud builds submit --tag europe-docker.pkg.dev/acme/builds/app:1 .',
      ].join('\n'),
    ),
    [
      { image: '$IMAGE', via: 'docker push' },
      { image: 'quay.io/acme/agent:3.1', via: 'podman push' },
      { image: 'registry.example.com/team/tool:2', via: 'buildah push' },
      { image: 'us-docker.pkg.dev/acme/tools/skopeo:1', via: 'skopeo copy' },
      { image: 'gcr.io/acme-legacy/worker:7', via: 'crane push' },
      { image: 'europe-docker.pkg.dev/acme/builds/app:1', via: 'gcloud builds submit --tag' },
    ],
  );
  const workflow = `
jobs:
  b:
    steps:
      - env:
          IMAGE: 123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web:2
        run: |
          docker push \\
            "$IMAGE"
`;
  assert.deepEqual(refs(workflow), ['123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web:2']);
});

test('an expression that cannot be resolved is reported with its file and line, never guessed', () => {
  const workflow = `jobs:
  b:
    steps:
      - id: login
        uses: aws-actions/amazon-ecr-login@v2
      - run: docker push \${{ steps.login.outputs.registry }}/team/web:1
`;
  const found = workflowDestinations(workflow, '.github/workflows/deploy.yml');
  assert.deepEqual(found.images, []);
  assert.equal(found.undiscovered.length, 1);
  assert.deepEqual(found.undiscovered[0]?.where, {
    file: '.github/workflows/deploy.yml',
    line: 6,
    column: 14,
  });
  assert.match(
    found.undiscovered[0]!.reason,
    /\$\{\{ steps\.login\.outputs\.registry \}\} cannot be resolved .*add the image to `images`/,
  );
});

test('the process environment resolves env expressions (vars are not known offline)', () => {
  const workflow = `jobs:\n  b:\n    steps:\n      - run: docker push \${{ env.REGISTRY }}/app:1\n      - run: docker push \${{ vars.REGISTRY }}/app:1\n`;
  const found = workflowDestinations(workflow, 'w.yml', { REGISTRY: 'registry.example.com' });
  assert.deepEqual(
    found.images.map((i) => i.reference),
    ['registry.example.com/app:1'],
  );
  assert.equal(found.undiscovered.length, 1);
});

test('the CLI adds the images the workflow pushes (--workflow) and reports the ones it cannot resolve', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { runNode } = await import('../helpers/process.ts');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-discover-'));
  writeFileSync(
    path.join(dir, 'deploy.yml'),
    `jobs:\n  b:\n    steps:\n      - run: docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web:1\n      - run: docker push \${{ steps.login.outputs.registry }}/team/api:1\n`,
  );
  writeFileSync(
    path.join(dir, 'pullcheck.yml'),
    'version: 1\ntargets: [{ name: ci, platform: aws-role, roles: [arn:aws:iam::123456789012:role/ci] }]\nfacts:\n  aws:\n    roles: [{ arn: "arn:aws:iam::123456789012:role/ci", managedPolicies: [arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly] }]\n',
  );
  const run = await runNode(
    [
      path.resolve('dist/cli.js'),
      'check',
      '--offline',
      '--config',
      'pullcheck.yml',
      '--workflow',
      'deploy.yml',
      '--format',
      'json',
    ],
    {},
    dir,
  );
  assert.equal(run.code, 0, run.stderr);
  const report = JSON.parse(run.stdout);
  assert.deepEqual(
    report.results.map((r: { image: string; verdict: string }) => [r.image, r.verdict]),
    [['123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web:1', 'allowed']],
  );
  assert.equal(report.findings[0].kind, 'undiscovered-destination');
  assert.equal(report.findings[0].line, 5);
});

test('a repository the config already names is not added again from the workflow (the config spelling wins)', async () => {
  const { withDiscoveredImages } = await import('../../src/discover/index.ts');
  const { loadConfigText } = await import('../../src/core/config/load.ts');
  const config = loadConfigText(
    'version: 1\nimages: [123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web]\n',
    'c.yml',
  );
  const added = withDiscoveredImages(config, {
    images: ['123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web:1', 'ghcr.io/acme/api:2'].map(
      (reference) => ({ reference, origin: { file: 'w.yml', line: 1, via: 'docker push' } }),
    ),
    findings: [],
  }).input;
  assert.deepEqual(added.images, [
    '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web',
    'ghcr.io/acme/api:2',
  ]);
});

test('build-push-action tags from a metadata-action step are that step\'s images, not unresolved (docker/build-push-action README "tags: ${{ steps.meta.outputs.tags }}")', () => {
  const workflow = `
jobs:
  build:
    steps:
      - uses: docker/metadata-action@v5
        id: meta
        with:
          images: ghcr.io/acme/web
      - uses: docker/build-push-action@v6
        with:
          push: \${{ github.event_name != 'pull_request' }}
          tags: \${{ steps.meta.outputs.tags }}
          labels: \${{ steps.meta.outputs.labels }}
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: \${{ steps.other.outputs.tags }}
`;
  const found = workflowDestinations(workflow, 'w.yml');
  assert.deepEqual(
    found.images.map((image) => image.reference),
    ['ghcr.io/acme/web'],
  );
  // A step that is not a metadata-action stays unresolved, with its line.
  assert.deepEqual(
    found.undiscovered.map((entry) => [entry.text, entry.where.line]),
    [['${{ steps.other.outputs.tags }}', 17]],
  );
});

test('podman push IMAGE DESTINATION pushes to the destination (podman-push(1))', () => {
  assert.deepEqual(scriptDestinations('podman push localhost/web:1 \\\n  quay.io/acme/web:1\n'), [
    { image: 'quay.io/acme/web:1', via: 'podman push' },
  ]);
  assert.deepEqual(scriptDestinations('podman push --tls-verify=false quay.io/acme/agent:3.1\necho done\n'), [
    { image: 'quay.io/acme/agent:3.1', via: 'podman push' },
  ]);
  assert.deepEqual(scriptDestinations('podman push quay.io/acme/agent:3.1 && echo ok\n'), [
    { image: 'quay.io/acme/agent:3.1', via: 'podman push' },
  ]);
});
