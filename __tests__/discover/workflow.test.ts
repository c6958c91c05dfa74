// Workflow files as users write them: the destinations pullcheck finds, and the ones it cannot resolve.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { discoverWorkflow, scriptPushes as scriptDestinations } from '../helpers/workflows.ts';

/** The workflow's images, and the pushes it could not resolve (each finding's place and message). */
function workflowDestinations(text: string, file: string, runner: Record<string, string> = {}) {
  const found = discoverWorkflow(text, { entry: file, runner });
  return {
    images: found.images,
    undiscovered: found.findings.filter((finding) => finding.kind === 'undiscovered-destination'),
  };
}

const refs = (text: string, runner = {}) =>
  workflowDestinations(text, 'deploy.yml', runner).images.map((image) => image.reference);

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
  // The metadata step only names images; the build step pushes its own tags (metadata's images are pushed
  // when a push step uses its `tags` output, as the later tests show).
  assert.deepEqual(refs(workflow), [
    '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web',
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
      { image: '<$IMAGE>', via: 'docker push' },
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
  // No credentials step names the account, so the registry output is a hole naming itself and what to add.
  assert.match(
    found.undiscovered[0]!.message,
    /`<steps\.login\.outputs\.registry>\/team\/web:1`.*`steps\.login\.outputs\.registry: <account>\.dkr\.ecr\.<region>\.amazonaws\.com` under `discover\.variables`/,
  );
});

test('the process environment never resolves a workflow value; discover.variables supplies vars.X (security: values come from the workflow and the config only)', () => {
  const workflow = `jobs:\n  b:\n    steps:\n      - run: docker push \${{ env.REGISTRY }}/app:1\n      - run: docker push \${{ vars.REGISTRY }}/app:1\n      - run: docker push $REGISTRY/app:1\n`;
  const fromEnvironment = discoverWorkflow(workflow, { runner: { REGISTRY: 'registry.example.com' } });
  assert.deepEqual(fromEnvironment.images, []);
  assert.deepEqual(
    fromEnvironment.findings.map((finding) => [
      finding.where.line,
      /`(env\.REGISTRY|vars\.REGISTRY|\$REGISTRY)`/.exec(finding.message)?.[1],
    ]),
    [
      [4, 'env.REGISTRY'],
      [5, 'vars.REGISTRY'],
      [6, '$REGISTRY'],
    ],
  );
  const fromConfig = discoverWorkflow(workflow, { variables: { REGISTRY: 'registry.example.com' } });
  assert.deepEqual(
    fromConfig.images.map((image) => image.reference),
    ['registry.example.com/app:1'],
  );
  assert.deepEqual(
    fromConfig.findings.map((finding) => finding.where.line),
    [4, 6],
  );
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
    found.undiscovered.map((entry) => [
      /`(steps\.other\.outputs\.tags)`/.exec(entry.message)?.[1],
      entry.where.line,
    ]),
    [['steps.other.outputs.tags', 17]],
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

const pushed = (via: string) => (image: string) => ({ image, via });
const docker = pushed('docker push');
const podman = pushed('podman push');
const buildah = pushed('buildah push');
const skopeo = pushed('skopeo copy');
const crane = pushed('crane push');
const gcloud = pushed('gcloud builds submit --tag');

const scriptCases: readonly (readonly [
  name: string,
  script: string,
  expected: { image: string; via: string }[],
])[] = [
  // Options that take a separate value are skipped with their value.
  [
    'docker-push(1): --platform takes a value, it is not the image',
    'docker push --platform linux/amd64 ghcr.io/a/b',
    [docker('ghcr.io/a/b')],
  ],
  [
    'docker-push(1): `docker image push`, boolean -a/-q, after sudo(8) -E and -u USER',
    'sudo -E -u runner docker image push -q --platform=linux/arm64 ghcr.io/a/b:1',
    [docker('ghcr.io/a/b:1')],
  ],
  [
    'skopeo-copy(1): --dest-creds takes a value; the destination is pushed, not the source',
    'skopeo copy --dest-creds u:p docker://src/a docker://quay.io/acme/dst',
    [skopeo('quay.io/acme/dst')],
  ],
  [
    'skopeo-copy(1): --dest-username/--dest-password, --multi-arch, --retry-times take values',
    'skopeo copy --multi-arch all --retry-times 3 --dest-username bot --dest-password pw docker-archive:a.tar docker://ghcr.io/acme/x:1',
    [skopeo('ghcr.io/acme/x:1')],
  ],
  [
    'skopeo-copy(1): only a docker:// destination is a registry push',
    'skopeo copy docker://quay.io/a/b oci-archive:/tmp/b.tar\nskopeo copy docker://quay.io/a/b dir:/tmp/b',
    [],
  ],
  [
    'skopeo(1): a global option before the copy subcommand',
    'skopeo --insecure-policy copy --all oci-archive:app.tar docker://quay.io/acme/app:1',
    [skopeo('quay.io/acme/app:1')],
  ],
  [
    'crane_push.md: --insecure is a boolean flag; `crane push PATH IMAGE` pushes IMAGE',
    'crane push --insecure x.tar quay.io/acme/c',
    [crane('quay.io/acme/c')],
  ],
  [
    'crane_push.md: --image-refs and --platform take values',
    'crane push --image-refs refs.txt --platform linux/amd64 ./layout quay.io/acme/c:2',
    [crane('quay.io/acme/c:2')],
  ],
  [
    'podman-push(1): --creds takes a value, the image is pushed',
    'podman push --creds user:TOKEN img',
    [podman('img')],
  ],
  [
    'podman-push(1): `podman image push` with --authfile and -f values',
    'podman image push --authfile auth.json -f oci localhost/app quay.io/acme/app:2',
    [podman('quay.io/acme/app:2')],
  ],
  // Transports (containers-transports(5)).
  [
    'podman-push(1): a docker:// destination loses its transport',
    'podman push img docker://quay.io/acme/img:1',
    [podman('quay.io/acme/img:1')],
  ],
  [
    'podman-push(1), containers-transports(5): oci-archive:, dir:, docker-archive:, oci:, containers-storage:, docker-daemon: are not registry pushes',
    [
      'podman push img oci-archive:/tmp/img.tar',
      'podman push img dir:/tmp/img',
      'podman push img docker-archive:/tmp/img.tar',
      'podman push img oci:/tmp/layout:img',
      'podman push img containers-storage:localhost/img',
      'sudo podman push myimage docker-daemon:docker.io/library/myimage:33',
    ].join('\n'),
    [],
  ],
  [
    'buildah-push(1): the destination when given ("If omitted, the source image parameter will be reused as destination"); other transports are not registries',
    'buildah push registry.example.com/my_image\nbuildah push --creds=u:p --sign-by KEY --retry 3 img docker://quay.io/a/b:1\nbuildah push img dir:/tmp/x',
    [buildah('registry.example.com/my_image'), buildah('quay.io/a/b:1')],
  ],
  [
    'gcloud builds submit: --tag X, --tag=X and -t X',
    'gcloud builds submit --tag us-docker.pkg.dev/p/r/a:1 .\ngcloud builds submit --tag=us-docker.pkg.dev/p/r/b:1\ngcloud builds submit --region us-central1 -t us-docker.pkg.dev/p/r/c:1 .',
    [
      gcloud('us-docker.pkg.dev/p/r/a:1'),
      gcloud('us-docker.pkg.dev/p/r/b:1'),
      gcloud('us-docker.pkg.dev/p/r/c:1'),
    ],
  ],
  // Shell grammar (sh(1)).
  [
    'sh(1): a # comment is not an image, nor a commented-out command',
    '# docker push ghcr.io/old/app\npodman push img # then quay.io/not/this',
    [podman('img')],
  ],
  [
    'sh(1): commands split on ; && || | — and a `docker push` in echo text is not a command',
    'docker push ghcr.io/a/one; docker push ghcr.io/a/two && docker push ghcr.io/a/three || echo docker push failed | tee log',
    [docker('ghcr.io/a/one'), docker('ghcr.io/a/two'), docker('ghcr.io/a/three')],
  ],
  [
    'sh(1): quoted words, $VAR and ${VAR} the workflow never sets are holes naming them, env assignments before the command',
    `DOCKER_CONFIG=/tmp/cfg podman push 'local app' "quay.io/acme/app:\${TAG}"\ndocker push "$IMAGE"`,
    [podman('quay.io/acme/app:<$TAG>'), docker('<$IMAGE>')],
  ],
  [
    'sh(1): redirections and their targets are not arguments',
    'podman push img quay.io/acme/app:1 2>&1 > push.log\npodman push img >> push.log',
    [podman('quay.io/acme/app:1'), podman('img')],
  ],
  [
    'sh(1): backslash continuations join option and value',
    'skopeo copy \\\n  --dest-creds "$USER:$TOKEN" \\\n  docker://src/a \\\n  docker://quay.io/acme/dst',
    [skopeo('quay.io/acme/dst')],
  ],
  [
    'GitHub expressions: ${{ … }} is one word, even with spaces, quotes, && and || inside',
    "docker push ${{ env.REGISTRY }}/app:${{ github.sha }}\ndocker push ${{ github.ref == 'refs/heads/main' && 'ghcr.io/a/prod' || 'ghcr.io/a/dev' }}",
    [docker('<env.REGISTRY>/app:<github.sha>'), docker('<github.ref>')],
  ],
];

for (const [name, script, expected] of scriptCases) {
  test(`run: scripts — ${name}`, () => assert.deepEqual(scriptDestinations(script), expected));
}

test('a credential given to --creds, --dest-creds or --dest-password is never reported (podman-push(1), buildah-push(1), skopeo-copy(1))', () => {
  const secret = 'FAKE-TOKEN-xyz';
  const script = [
    `podman push --creds user:${secret} img`,
    // The regexes this replaces reported the credential here: a flag after it hid the image.
    `podman push --creds user:${secret} --tls-verify=false -q img`,
    `podman push --creds=user:${secret} img quay.io/acme/a:1`,
    `buildah push --creds user:${secret} img docker://quay.io/acme/b:1`,
    `skopeo copy --src-creds user:${secret} --dest-creds user:${secret} docker://src/c docker://quay.io/acme/c:1`,
    `skopeo copy --dest-username user --dest-password ${secret} oci:./out docker://quay.io/acme/d:1`,
    `sudo podman push --creds "user:${secret}" localhost/e`,
  ].join('\n');
  const found = scriptDestinations(script);
  assert.deepEqual(found, [
    podman('img'),
    podman('img'),
    podman('quay.io/acme/a:1'),
    buildah('quay.io/acme/b:1'),
    skopeo('quay.io/acme/c:1'),
    skopeo('quay.io/acme/d:1'),
    podman('localhost/e'),
  ]);
  assert.ok(!JSON.stringify(found).includes(secret));
  const workflow = `jobs:\n  b:\n    steps:\n      - run: |\n${script
    .split('\n')
    .map((line) => `          ${line}`)
    .join('\n')}\n`;
  assert.ok(!JSON.stringify(workflowDestinations(workflow, 'w.yml')).includes(secret));
});

test('build-push-action: only a tag that is exactly ${{ steps.<metadata-action id>.outputs.tags }} is the metadata step\'s (docker/metadata-action README "outputs")', () => {
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
          push: true
          tags: |
            \${{steps.meta.outputs.tags}}
            ghcr.io/acme/api:\${{ steps.meta.outputs.version }}
            \${{ steps.meta.outputs.json }}
`;
  const found = workflowDestinations(workflow, 'w.yml');
  // A metadata output in the tag part only drops the tag; the repository is kept.
  assert.deepEqual(
    found.images.map((image) => image.reference),
    ['ghcr.io/acme/web', 'ghcr.io/acme/api'],
  );
  // Any other use of a metadata output is reported, never silently dropped.
  assert.deepEqual(
    found.undiscovered.map((entry) => /needs `([^`]+)`/.exec(entry.message)?.[1]),
    ['steps.meta.outputs.json'],
  );
});

test('here-document bodies are data, not commands (sh(1) "Here-Documents"); the command after the delimiter is read', () => {
  const script = [
    "cat > push.sh <<'EOF'",
    'docker push quay.io/acme/not-pushed-here:1',
    'EOF',
    'cat <<-END > notes.txt',
    '\tpodman push quay.io/acme/also-not:1',
    '\tEND',
    'cat <<< "docker push quay.io/acme/here-string:1"',
    'docker push quay.io/acme/pushed:1',
  ].join('\n');
  assert.deepEqual(scriptDestinations(script), [{ image: 'quay.io/acme/pushed:1', via: 'docker push' }]);
});

test('global options with a value before the subcommand are passed over with it (docker(1) -H/--context, podman(1) --root, skopeo(1) --policy, gcloud(1) --project)', () => {
  const script = [
    'docker -H tcp://builder:2376 push ghcr.io/acme/a:1',
    'docker --context remote image push ghcr.io/acme/b:1',
    'podman --root /var/lib/ci push localhost/c ghcr.io/acme/c:1',
    'skopeo --policy /etc/policy.json copy docker://src/d docker://ghcr.io/acme/d:1',
    'gcloud --project acme builds submit --tag europe-docker.pkg.dev/acme/r/e:1 .',
  ].join('\n');
  assert.deepEqual(
    scriptDestinations(script).map((found) => found.image),
    [
      'ghcr.io/acme/a:1',
      'ghcr.io/acme/b:1',
      'ghcr.io/acme/c:1',
      'ghcr.io/acme/d:1',
      'europe-docker.pkg.dev/acme/r/e:1',
    ],
  );
});

test("outside Actions, github.repository is the checkout's GitHub origin (.git/config); the runner's GITHUB_REPOSITORY wins; another host is not guessed", async () => {
  const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { discoverWorkflowFile } = await import('../../src/discover/workflows/index.ts');
  const checkout = (url: string) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-origin-'));
    mkdirSync(path.join(dir, '.git'));
    mkdirSync(path.join(dir, '.github', 'workflows'), { recursive: true });
    writeFileSync(
      path.join(dir, '.git', 'config'),
      `[core]\n\tbare = false\n[remote "origin"]\n\turl = ${url}\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n`,
    );
    writeFileSync(
      path.join(dir, '.github', 'workflows', 'release.yml'),
      'on: push\njobs:\n  push:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker push ghcr.io/${{ github.repository }}:1\n',
    );
    return path.join(dir, '.github', 'workflows', 'release.yml');
  };
  const references = (file: string, runner = {}) =>
    discoverWorkflowFile(file, { runner }).images.map((image) => image.reference);
  assert.deepEqual(references(checkout('git@github.com:acme/web.git')), ['ghcr.io/acme/web:1']);
  assert.deepEqual(references(checkout('https://github.com/acme/api')), ['ghcr.io/acme/api:1']);
  assert.deepEqual(references(checkout('https://github.com/acme/api'), { GITHUB_REPOSITORY: 'acme/other' }), [
    'ghcr.io/acme/other:1',
  ]);
  const elsewhere = discoverWorkflowFile(checkout('git@gitlab.com:acme/web.git'));
  assert.deepEqual(elsewhere.images, []);
  assert.match(elsewhere.findings[0]!.message, /needs `github\.repository`/);
});

test('a password given to docker login is never taken for the registry a finding names (docker-login(1): -p takes a value)', () => {
  const found = discoverWorkflow(
    [
      'on: push',
      'jobs:',
      '  release:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: docker login -u bot -p FAKE-pass.word.123 ghcr.io',
      '      - run: podman login --creds bot:FAKE-creds.value quay.io',
      '      - run: ./ship-it',
      '',
    ].join('\n'),
  );
  const messages = found.findings.map((finding) => finding.message).join('\n');
  assert.match(messages, /logs in to ghcr\.io but pullcheck found no push/);
  assert.ok(!messages.includes('FAKE'), messages);
});

test('a finding quoting the workflow escapes its control characters and is bounded, so no value starts a line of a report', () => {
  const long = 'x'.repeat(5000);
  const found = discoverWorkflow(
    `on: push\njobs:\n  r:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          X=$'ghcr.io\\n::error::injected'\n          docker push "$X/\${{ secrets.Y }}"\n          docker push "ghcr.io/\${{ secrets.${long} }}"\n`,
  );
  assert.ok(found.findings.length > 0);
  for (const finding of found.findings) {
    assert.ok(!/[\n\r]/.test(finding.message), finding.message);
    assert.ok(finding.message.length <= 600, `${finding.message.length} characters`);
  }
});
