// Discovery benchmark: a repository with 2,000 manifest files — 200 services, each a Kustomize base
// (Deployment, Service, ServiceAccount, ConfigMap) with a prod overlay (namespace, images, a strategic
// merge patch) and a staging overlay, plus 400 plain multi-document files — and a release workflow whose
// matrix pushes all 200 images. Times config load, workflow + manifest discovery, and the check.
// Run: npm run bench:discovery [-- SERVICES PLAIN_FILES]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfigFile } from '../src/core/config/load.ts';
import { runCheck } from '../src/core/engine.ts';
import { discover } from '../src/discover/index.ts';
import { preparedProviders } from '../src/providers/index.ts';

const services = Number(process.argv[2] ?? 200);
const plainFiles = Number(process.argv[3] ?? 400);
const ECR = '123456789012.dkr.ecr.us-east-1.amazonaws.com';

const root = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-bench-discovery-'));
let files = 0;
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
  files++;
};

for (let s = 0; s < services; s++) {
  const app = `app-${s}`;
  write(
    `apps/${app}/base/kustomization.yaml`,
    'resources: [deployment.yaml, service.yaml, serviceaccount.yaml, configmap.yaml]\n',
  );
  write(
    `apps/${app}/base/deployment.yaml`,
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}\n  labels: { app: ${app} }\nspec:\n  replicas: 2\n  selector:\n    matchLabels: { app: ${app} }\n  template:\n    metadata:\n      labels: { app: ${app} }\n    spec:\n      serviceAccountName: ${app}\n      initContainers:\n        - name: migrate\n          image: ${ECR}/apps/${app}-migrate:latest\n      containers:\n        - name: ${app}\n          image: ${ECR}/apps/${app}:latest\n          ports: [{ containerPort: 8080 }]\n          env: [{ name: MODE, value: base }]\n        - name: proxy\n          image: public.ecr.aws/docker/library/nginx:1.27\n`,
  );
  write(
    `apps/${app}/base/service.yaml`,
    `apiVersion: v1\nkind: Service\nmetadata: { name: ${app} }\nspec:\n  selector: { app: ${app} }\n  ports: [{ port: 80, targetPort: 8080 }]\n`,
  );
  write(
    `apps/${app}/base/serviceaccount.yaml`,
    `apiVersion: v1\nkind: ServiceAccount\nmetadata: { name: ${app} }\n`,
  );
  write(
    `apps/${app}/base/configmap.yaml`,
    `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${app}-config }\ndata: { LOG_LEVEL: info }\n`,
  );
  write(
    `apps/${app}/overlays/prod/kustomization.yaml`,
    `namespace: prod\nresources: [../../base]\npatches:\n  - path: replicas.yaml\nimages:\n  - name: ${ECR}/apps/${app}\n    newTag: 1.0.${s}\n`,
  );
  write(
    `apps/${app}/overlays/prod/replicas.yaml`,
    `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: ${app} }\nspec:\n  replicas: 6\n`,
  );
  write(
    `apps/${app}/overlays/staging/kustomization.yaml`,
    `namespace: staging\nnamePrefix: staging-\nresources: [../../base]\n`,
  );
}
for (let p = 0; p < plainFiles; p++) {
  const app = `app-${p % services}`;
  write(
    `plain/team-${p % 20}/job-${p}.yaml`,
    `apiVersion: batch/v1\nkind: CronJob\nmetadata: { name: job-${p}, namespace: batch }\nspec:\n  schedule: '@hourly'\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{ name: job, image: ${ECR}/apps/${app}:1 }]\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: job-${p} }\ndata: { k: v }\n`,
  );
}
const matrix = Array.from({ length: services }, (_, s) => `app-${s}`).join(', ');
write(
  '.github/workflows/release.yml',
  `jobs:\n  images:\n    strategy:\n      matrix:\n        app: [${matrix}]\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: ${ECR}/apps/\${{ matrix.app }}:\${{ github.sha }}\n`,
);
writeFileSync(
  path.join(root, 'pullcheck.yml'),
  [
    'version: 1',
    'discover:',
    '  workflows: [.github/workflows/*.yml]',
    '  manifests:',
    '    - { target: ocp, paths: ["apps/*/overlays/prod"] }',
    '    - { target: staging, paths: ["apps/*/overlays/staging"] }',
    '    - { target: eks, paths: [plain] }',
    'targets:',
    '  - { name: ocp, platform: openshift, namespace: prod }',
    '  - { name: staging, platform: kubernetes, namespace: staging }',
    '  - { name: eks, platform: eks, roles: ["arn:aws:iam::210987654321:role/nodes"] }',
    '',
  ].join('\n'),
);

const cwd = process.cwd();
process.chdir(root);
for (let run = 1; run <= 3; run++) {
  const started = performance.now();
  const loaded = loadConfigFile('pullcheck.yml');
  const loadedAt = performance.now();
  // The built-in Kustomize renderer: a real kustomize or kubectl on PATH would spawn once per root
  // (about 0.25 s each on a loaded 2-core machine), which is measured apart from this benchmark.
  const discovered = discover(loaded, { kustomize: { searchPath: '' } });
  const discoveredAt = performance.now();
  const report = runCheck(discovered.config, await preparedProviders(discovered.config), {
    failOn: 'denied',
  });
  const checkedAt = performance.now();
  console.log(
    `run ${run}: ${files} manifest and workflow files; ` +
      `load ${(loadedAt - started).toFixed(0)} ms, discovery ${(discoveredAt - loadedAt).toFixed(0)} ms ` +
      `(${discovered.config.input.images?.length ?? 0} images, ${discovered.config.input.targets?.length ?? 0} targets, ` +
      `${discovered.findings.length} findings), check ${(checkedAt - discoveredAt).toFixed(0)} ms ` +
      `(${report.results.length} pulls); peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
}
// The same repository through the bundled CLI as a process: start-up, bundle load, discovery, check, report.
const cli = path.resolve(cwd, 'dist/cli.js');
for (let run = 1; run <= 3; run++) {
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    [cli, 'check', '--offline', '--config', 'pullcheck.yml', '--format', 'json'],
    {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      // No PATH: the CLI finds no kustomize or kubectl and builds with the built-in renderer, as above.
      env: { ...process.env, PATH: '' },
    },
  );
  const report = JSON.parse(child.stdout) as { results: unknown[] };
  console.log(
    `cli run ${run}: ${(performance.now() - started).toFixed(0)} ms end to end (exit ${child.status}, ${report.results.length} pulls)`,
  );
}
process.chdir(cwd);
rmSync(root, { recursive: true, force: true });
