// What a deploy job applies to its cluster (issue 16): kubectl/oc apply, Kustomize builds piped into kubectl
// (with `kustomize edit set image` first), helm upgrade --install, azure/k8s-deploy, oc new-app — read as
// discover.manifests reads manifests, on the cluster whose credentials the job got last (or the one
// --context names). Every form is a row; whatever cannot be read is a finding at its line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HelmRunner } from '../../src/discover/manifests/helm.ts';
import { discovered, repository } from '../helpers/workflow-repository.ts';

const ACCOUNT = '123456789012';
const ECR = `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com`;
const GAR = 'europe-west1-docker.pkg.dev/acme-prod/apps';

/** A Deployment running `images` (one container each) as `serviceAccount`, optionally in `namespace`. */
function deployment(
  name: string,
  images: readonly string[],
  extra: { namespace?: string; sa?: string } = {},
) {
  const containers = images.map((image, i) => `        - name: c${i}\n          image: ${image}\n`).join('');
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
${extra.namespace ? `  namespace: ${extra.namespace}\n` : ''}spec:
  template:
    spec:
${extra.sa ? `      serviceAccountName: ${extra.sa}\n` : ''}      containers:
${containers}`;
}

/** A job that logs in to AWS, pushes `images` to ECR and runs `deploy` (lines of shell) after. */
function eksWorkflow(images: readonly string[], deploy: string): string {
  return `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::${ACCOUNT}:role/deployer
          aws-region: eu-west-1
      - run: |
${images.map((image) => `          docker push ${ECR}/${image}:1`).join('\n')}
      - run: |
          aws eks update-kubeconfig --name prod
${deploy
  .split('\n')
  .map((line) => `          ${line}`)
  .join('\n')}
`;
}

type Flat = Record<string, unknown> & { name: string; images: string[] };
const targetsOf = (result: ReturnType<typeof discovered>): Flat[] =>
  (result.config.input.targets ?? []).map((target) => ({
    ...target,
    images: [...(target.images ?? [])].sort(),
  }));
const messages = (result: ReturnType<typeof discovered>) =>
  result.findings.map((f) => `${f.line}: ${f.message}`);

test('kubectl apply -f DIR on EKS: the cluster checks what the applied workloads run of what the job pushes (kubectl reference, "kubectl apply")', () => {
  const root = repository({
    '.github/workflows/deploy.yml': eksWorkflow(['api', 'worker'], 'kubectl apply -f k8s/ -n prod'),
    'k8s/api.yaml': deployment('api', [`${ECR}/api:1`, 'docker.io/library/nginx:1.27']),
  });
  const result = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  assert.deepEqual(targetsOf(result), [
    // The account is the job's credentials' (configure-aws-credentials' role).
    {
      name: 'prod',
      platform: 'eks',
      cluster: 'prod',
      region: 'eu-west-1',
      account: ACCOUNT,
      images: [`${ECR}/api:1`],
    },
  ]);
  const origin = result.config.origins.targets.get('prod');
  assert.match(
    origin?.origin.via ?? '',
    /^aws eks update-kubeconfig; images from 1 workload \(Deployment prod\/api in .*k8s\/api\.yaml\)$/,
  );
  // The worker image is pushed but not applied here; nginx is applied but not pushed: said, not checked.
  assert.ok(
    messages(result).some((m) => /docker\.io\/library\/nginx:1\.27/.test(m)),
    messages(result).join('\n'),
  );
});

test('kustomize edit set image then kustomize build . | kubectl apply -f - (actions/starter-workflows deployments/google.yml, ae01bb2a2fa5733aaf305c4161350c9af10345b9): the edited image runs', () => {
  const root = repository({
    '.github/workflows/google.yml': `on: push
env:
  PROJECT_ID: acme-prod
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: google-github-actions/get-gke-credentials@v2
        with:
          cluster_name: autopilot-1
          location: europe-west1
          project_id: \${{ env.PROJECT_ID }}
      - run: |
          docker build -t "${GAR}/site:$GITHUB_SHA" .
          docker push "${GAR}/site:$GITHUB_SHA"
      - name: Deploy
        run: |
          ./kustomize edit set image gcr.io/PROJECT_ID/IMAGE:TAG=${GAR}/site:$GITHUB_SHA
          ./kustomize build . | kubectl apply -f -
`,
    'kustomization.yaml': 'resources:\n  - deployment.yaml\n',
    'deployment.yaml': deployment('site', ['gcr.io/PROJECT_ID/IMAGE:TAG']),
  });
  // The built-in renderer, whatever this machine has on PATH (kustomize-real.test.ts covers the real one).
  const result = discovered(root, { version: 1 }, '.github/workflows/google.yml', {
    kustomize: { searchPath: '' },
  });
  assert.deepEqual(messages(result), []);
  assert.deepEqual(targetsOf(result), [
    {
      name: 'autopilot-1',
      platform: 'gke',
      cluster: 'autopilot-1',
      location: 'europe-west1',
      project: 'acme-prod',
      images: [`${GAR}/site`],
    },
  ]);
  const vias = [...(result.config.origins.targets.get('autopilot-1')?.pulls?.values() ?? [])].map(
    (o) => o.via,
  );
  assert.equal(vias.length, 1);
  assert.equal(vias[0], 'Deployment default/site container c0, built by the built-in renderer');
});

test('oc login, oc project, oc apply -f: one openshift target per service account the workloads run as', () => {
  const image = 'image-registry.openshift-image-registry.svc:5000/shop/api';
  const root = repository({
    '.github/workflows/deploy.yml': `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: docker push ${image}:1
      - run: |
          oc login --server=https://api.example.com:6443 --token=\${{ secrets.TOKEN }}
          oc project shop
          oc apply -f openshift/
`,
    'openshift/api.yaml': deployment('api', [`${image}:1`], { sa: 'api-runner' }),
  });
  const result = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  assert.deepEqual(
    targetsOf(result).map(({ name, platform, namespace, serviceAccount, images }) => ({
      name,
      platform,
      namespace,
      serviceAccount,
      images,
    })),
    [
      {
        name: 'shop/shop/api-runner',
        platform: 'openshift',
        namespace: 'shop',
        serviceAccount: 'api-runner',
        images: [`${image}:1`],
      },
    ],
  );
});

test('helm upgrade --install with a chart in the repository: rendered with its values files, --set values and namespace (helm reference, "helm upgrade")', () => {
  const calls: (readonly string[])[] = [];
  const helmRunner: HelmRunner = (args) => {
    calls.push(args);
    return {
      stdout: `---\n# Source: api/templates/deployment.yaml\n${deployment('api', [`${ECR}/api:abc`])}`,
    };
  };
  const root = repository({
    '.github/workflows/deploy.yml': eksWorkflow(
      ['api'],
      `helm upgrade --install api ./charts/api -n prod -f charts/api/values-prod.yaml --set image.repository=${ECR}/api --set image.tag=\${{ github.sha }} --wait`,
    ),
    'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 0.1.0\n',
    'charts/api/values-prod.yaml': 'replicas: 2\n',
    'charts/api/templates/deployment.yaml': 'kind: Deployment\n',
  });
  const result = discovered(root, { version: 1 }, '.github/workflows/deploy.yml', { helmRunner });
  assert.equal(calls.length, 1);
  const args = calls[0]!;
  assert.deepEqual(args.slice(0, 3), ['template', '--namespace', 'prod']);
  assert.ok(args.includes('--values') && args.some((arg) => arg.endsWith('charts/api/values-prod.yaml')));
  assert.deepEqual(args.slice(args.indexOf('--set'), args.indexOf('--set') + 4), [
    '--set',
    `image.repository=${ECR}/api`,
    '--set',
    'image.tag=unresolved',
  ]);
  assert.deepEqual(args.slice(-3, -1), ['--', 'api']);
  assert.deepEqual(
    targetsOf(result).map((t) => [t.name, t.images]),
    [['prod', [`${ECR}/api:1`]]],
  );
});

test("azure/k8s-set-context + azure/k8s-deploy: a kubernetes target per namespace and service account, with `images` replacing the manifests' images by name (Azure/k8s-deploy README)", () => {
  const root = repository({
    '.github/workflows/aks.yml': `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: docker push ${ECR}/bot:\${{ github.sha }}
      - uses: azure/aks-set-context@v4
        with:
          resource-group: bots
          cluster-name: bots-aks
      - uses: azure/k8s-deploy@v5
        with:
          namespace: bots
          manifests: |
            deploy/bot.yaml
          images: |
            ${ECR}/bot:\${{ github.sha }}
`,
    'deploy/bot.yaml': deployment('bot', [`${ECR}/bot:placeholder`], { sa: 'bot' }),
  });
  const result = discovered(root, { version: 1 }, '.github/workflows/aks.yml');
  assert.deepEqual(messages(result), []);
  assert.deepEqual(
    targetsOf(result).map(({ name, platform, namespace, serviceAccount, images }) => ({
      name,
      platform,
      namespace,
      serviceAccount,
      images,
    })),
    [
      {
        name: 'bots-aks/bots/bot',
        platform: 'kubernetes',
        namespace: 'bots',
        serviceAccount: 'bot',
        images: [`${ECR}/bot`],
      },
    ],
  );
});

test('kubectl config use-context and kubectl --context: manifests go to the cluster the context names, not the last one', () => {
  const root = repository({
    '.github/workflows/deploy.yml': `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: docker push ${GAR}/web:1
      - run: |
          gcloud container clusters get-credentials blue --location europe-west1 --project acme-prod
          gcloud container clusters get-credentials green --location europe-west1 --project acme-prod
          kubectl --context gke_acme-prod_europe-west1_blue apply -f web.yaml
      - run: |
          kubectl config use-context edge
          kubectl apply -n edge -f web.yaml
`,
    'web.yaml': deployment('web', [`${GAR}/web:1`]),
  });
  const result = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  const byName = new Map(targetsOf(result).map((target) => [target.name, target]));
  assert.deepEqual(byName.get('blue')?.images, [`${GAR}/web:1`]);
  assert.ok(
    result.config.origins.targets.get('blue')?.origin.via.includes('images from 1 workload'),
    'blue runs the applied workload',
  );
  // green got credentials but nothing is applied to it: it checks what the job pushes, as before.
  assert.equal(
    result.config.origins.targets.get('green')?.origin.via,
    'gcloud container clusters get-credentials',
  );
  assert.deepEqual(byName.get('edge/edge/default')?.namespace, 'edge');
});

test('what cannot be read is a finding at its line, never silence', () => {
  const cases: { deploy: string; line: number; message: RegExp }[] = [
    { deploy: 'kubectl apply -f $MANIFESTS', line: 14, message: /kubectl apply applies `<\$MANIFESTS>`/ },
    { deploy: 'kubectl apply -f /tmp/rendered.yaml', line: 14, message: /outside the repository/ },
    {
      deploy: 'cat rendered.yaml | kubectl apply -f -',
      line: 14,
      message: /applies what an earlier command prints, which pullcheck cannot read/,
    },
    {
      deploy: 'kubectl apply -f https://example.com/app.yaml',
      line: 14,
      message: /a manifest outside the repository that pullcheck does not fetch/,
    },
    {
      deploy: 'helm upgrade --install api bitnami/nginx',
      line: 14,
      message: /not in the repository \(a chart repository/,
    },
    {
      deploy: 'oc process -f template.yaml | oc apply -f -',
      line: 14,
      message: /oc process` renders an OpenShift template/,
    },
    {
      deploy: 'kubectl apply -k overlays/none',
      line: 14,
      message: /builds overlays\/none, which holds no kustomization file/,
    },
    {
      deploy: 'kubectl apply -f missing/',
      line: 14,
      message: /missing\/ matches no file or directory \(paths are relative to the repository root\)/,
    },
  ];
  for (const { deploy, line, message } of cases) {
    const root = repository({ '.github/workflows/deploy.yml': eksWorkflow(['api'], deploy) });
    const result = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
    const found = result.findings.filter((finding) => message.test(finding.message));
    assert.equal(found.length, 1, `${deploy}\n${messages(result).join('\n')}`);
    assert.equal(found[0]!.line, line, deploy);
    // Still checked: the cluster runs what the job pushes.
    assert.deepEqual(targetsOf(result)[0]?.images, [`${ECR}/api:1`], deploy);
  }
  // No credentials in the job: the apply cannot be placed.
  const root = repository({
    '.github/workflows/deploy.yml':
      'on: push\njobs:\n  d:\n    runs-on: x\n    steps:\n      - run: kubectl apply -f k8s/\n',
  });
  const result = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  assert.match(
    messages(result).join('\n'),
    /^6: kubectl apply applies manifests to a cluster this job gets no credentials for/m,
  );
});

test('kubectl apply --dry-run and kubectl create secret deploy no workload: no target change, no finding', () => {
  for (const deploy of [
    'kubectl apply --dry-run=client -f k8s/',
    'kubectl create secret generic x --from-literal=a=b',
  ]) {
    const root = repository({
      '.github/workflows/deploy.yml': eksWorkflow(['api'], deploy),
      'k8s/other.yaml': deployment('other', [`${ECR}/other:1`]),
    });
    const result = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
    assert.deepEqual(messages(result), [], deploy);
    assert.deepEqual(targetsOf(result)[0]?.images, [`${ECR}/api:1`], deploy);
  }
});

test('deploy tools whose own files say what runs where are findings at their line (helmfile, CDK, Pulumi, Terraform, repository_dispatch)', () => {
  const cases: { deploy: string; message: RegExp }[] = [
    { deploy: 'helmfile apply -l env=prod', message: /^helmfile deploys the releases of its helmfile\.yaml/ },
    { deploy: 'npx cdk deploy ApiStack', message: /^AWS CDK deploys the stacks of its app/ },
    { deploy: 'pulumi up --yes', message: /^Pulumi deploys the resources of its program/ },
    { deploy: 'terraform apply -auto-approve', message: /^Terraform applies its configuration/ },
    {
      deploy: 'gh api repos/acme/deploys/dispatches -f event_type=deploy',
      message: /^the deploy is handed to acme\/deploys through repository_dispatch/,
    },
  ];
  for (const { deploy, message } of cases) {
    const root = repository({ '.github/workflows/deploy.yml': eksWorkflow(['api'], deploy) });
    const result = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
    const found = result.findings.filter((finding) => message.test(finding.message));
    assert.equal(found.length, 1, `${deploy}\n${messages(result).join('\n')}`);
    assert.equal(found[0]!.line, 14, deploy);
  }
  const root = repository({
    '.github/workflows/release.yml': `on: push
jobs:
  hand-off:
    runs-on: ubuntu-latest
    steps:
      - uses: peter-evans/repository-dispatch@v3
        with:
          repository: acme/manifests
          event-type: deploy
`,
  });
  const result = discovered(root, { version: 1 }, '.github/workflows/release.yml');
  assert.match(
    messages(result).join('\n'),
    /^6: the deploy is handed to acme\/manifests through repository_dispatch/m,
  );
});

test('kubectl apply -f DIR reads the folder’s own files; -R its subfolders too (kubectl reference: "-R, --recursive")', () => {
  const files = {
    'k8s/api.yaml': deployment('api', [`${ECR}/api:1`]),
    'k8s/jobs/worker.yaml': deployment('worker', [`${ECR}/worker:1`]),
  };
  const images = (deploy: string) => {
    const root = repository({
      '.github/workflows/deploy.yml': eksWorkflow(['api', 'worker'], deploy),
      ...files,
    });
    return targetsOf(discovered(root, { version: 1 }, '.github/workflows/deploy.yml'))[0]?.images;
  };
  assert.deepEqual(images('kubectl apply -f k8s/'), [`${ECR}/api:1`]);
  assert.deepEqual(images('kubectl apply -R -f k8s'), [`${ECR}/api:1`, `${ECR}/worker:1`]);
});

test('skaffold run applies its configs’ manifests with each artifact as pushed (skaffold.dev/docs/references/yaml: manifests.rawYaml, manifests.kustomize.paths); a dry-run namespace piped into kubectl apply is no finding', () => {
  const root = repository({
    '.github/workflows/deploy.yml': `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: |
          gcloud container clusters get-credentials ci --location us-central1 --project acme-prod
          kubectl create namespace pr-1 --dry-run=client -o yaml | kubectl apply -f -
          skaffold run --default-repo=${GAR} --namespace pr-1
`,
    'skaffold.yaml': `apiVersion: skaffold/v4beta11
kind: Config
build:
  artifacts:
    - image: web
    - image: jobs
manifests:
  rawYaml: [k8s/web.yaml]
  kustomize:
    paths: [k8s/jobs]
`,
    'k8s/web.yaml': deployment('web', ['web']),
    'k8s/jobs/kustomization.yaml': 'resources: [cron.yaml]\n',
    'k8s/jobs/cron.yaml': deployment('cron', ['jobs']),
  });
  const result = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  assert.deepEqual(messages(result), []);
  assert.deepEqual(targetsOf(result)[0]?.images, [`${GAR}/jobs`, `${GAR}/web`]);
  assert.match(result.config.origins.targets.get('ci')?.origin.via ?? '', /images from 2 workloads/);
});

test('actions that run kubectl on a cluster they get credentials for: ianbelcher/eks-kubectl-action (cluster_name, aws_region, args) and kodermax/kubectl-aws-eks (a kubeconfig from a secret) — their action.yml files', () => {
  const root = repository({
    '.github/workflows/deploy.yml': `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: docker push ${ECR}/api:1
      - uses: ianbelcher/eks-kubectl-action@master
        with:
          aws_access_key_id: \${{ secrets.AWS_ACCESS_KEY_ID }}
          aws_secret_access_key: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
          aws_region: eu-west-1
          cluster_name: prod
          args: apply -f k8s/
      - uses: kodermax/kubectl-aws-eks@main
        env:
          KUBE_CONFIG_DATA: \${{ secrets.KUBE_CONFIG_DATA }}
        with:
          args: apply -n edge -f k8s/
`,
    'k8s/api.yaml': deployment('api', [`${ECR}/api:1`], { sa: 'api' }),
  });
  const result = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  assert.deepEqual(messages(result), []);
  assert.deepEqual(
    targetsOf(result).map(({ name, platform, images }) => [name, platform, images]),
    [
      ['prod', 'eks', [`${ECR}/api:1`]],
      ['kubernetes-default/edge/api', 'kubernetes', [`${ECR}/api:1`]],
    ],
  );
  assert.equal(result.config.origins.targets.get('prod')?.origin.line, 12);
});

test('--kubeconfig and --alias (aws eks update-kubeconfig reference): an apply goes to the cluster written to that file or context; a file no step writes is a finding', () => {
  const root = repository({
    '.github/workflows/deploy.yml': eksWorkflow(
      ['api'],
      [
        'aws eks update-kubeconfig --name blue --alias blue-ctx --kubeconfig ./blue.kubeconfig',
        'aws eks update-kubeconfig --name green',
        'kubectl --kubeconfig ./blue.kubeconfig apply -f k8s/',
        'kubectl --context blue-ctx apply -f k8s/',
        'helm upgrade --install api ./chart --kubeconfig ./from-a-secret.kubeconfig',
      ].join('\n'),
    ),
    'k8s/api.yaml': deployment('api', [`${ECR}/api:1`]),
    'chart/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 0.1.0\n',
  });
  const result = discovered(root, { version: 1 }, '.github/workflows/deploy.yml', {
    helmRunner: () => ({ stdout: '' }),
  });
  const via = (name: string) => result.config.origins.targets.get(name)?.origin.via ?? '';
  assert.match(via('blue'), /images from 1 workload/);
  // green got credentials in the default file and nothing was applied to it.
  assert.equal(via('green'), 'aws eks update-kubeconfig');
  assert.match(
    messages(result).join('\n'),
    /^18: helm upgrade applies manifests with the kubeconfig \.\/from-a-secret\.kubeconfig, which no credentials step of this job writes/m,
  );
});

test('kubectl set image CONTAINER=IMAGE with a container name known only at run time still says what runs', () => {
  const root = repository({
    '.github/workflows/deploy.yml': eksWorkflow(
      ['api', 'worker'],
      `kubectl set image deployment/\${{ secrets.APP }} \${{ secrets.APP }}=${ECR}/api:1`,
    ),
  });
  const result = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  assert.deepEqual(targetsOf(result)[0]?.images, [`${ECR}/api:1`]);
});

test('review cases: -f - applies only what its own pipe carries; an edit in a base counts for the overlay; a context known at run time is said; -f a,b is two files', () => {
  const files = {
    'k8s/api.yaml': deployment('api', [`${ECR}/api:1`]),
    'other/worker.yaml': deployment('worker', [`${ECR}/worker:1`]),
    'base/kustomization.yaml': 'resources: [app.yaml]\n',
    'base/app.yaml': deployment('app', ['app']),
    'overlays/prod/kustomization.yaml': 'resources: [../../base]\n',
  };
  const run = (deploy: string) => {
    const root = repository({
      '.github/workflows/deploy.yml': eksWorkflow(['api', 'worker'], deploy),
      ...files,
    });
    return discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  };
  // A render written to a file is not what a later pipe applies.
  const stale = run('kustomize build k8s > /tmp/out.yaml\nenvsubst < other/worker.yaml | kubectl apply -f -');
  assert.match(
    messages(stale).join('\n'),
    /^16: `kubectl apply -f -` applies what an earlier command prints/m,
  );
  assert.deepEqual(targetsOf(stale)[0]?.images, [`${ECR}/api:1`, `${ECR}/worker:1`]);
  // `kustomize edit set image` in the base the overlay builds.
  const edited = run(
    `cd base && kustomize edit set image app=${ECR}/worker:1 && cd ..\nkubectl apply -k overlays/prod`,
  );
  assert.deepEqual(messages(edited), []);
  assert.deepEqual(targetsOf(edited)[0]?.images, [`${ECR}/worker:1`]);
  // A context known only at run time could be any cluster.
  const context = run('kubectl apply --context "$CTX" -f other/worker.yaml');
  assert.match(
    messages(context).join('\n'),
    /^15: kubectl apply applies manifests to the cluster of `<\$CTX>`, known only at run time/m,
  );
  // kubectl takes a comma-separated list of files.
  const comma = run('kubectl apply -f other/worker.yaml,k8s/api.yaml');
  assert.deepEqual(messages(comma), []);
  assert.match(comma.config.origins.targets.get('prod')?.origin.via ?? '', /images from 2 workloads/);
});

test('a chart helm cannot render is a finding at the workflow step that deploys it, naming the chart', () => {
  const root = repository({
    '.github/workflows/deploy.yml': eksWorkflow(['api'], 'helm upgrade --install api ./charts/api'),
    'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 0.1.0\n',
  });
  const result = discovered(root, { version: 1 }, '.github/workflows/deploy.yml', {
    helmRunner: () => ({ error: 'missing', missing: true }),
  });
  const finding = result.findings.find((entry) => /helm is not on PATH/.test(entry.message));
  assert.equal(finding?.line, 14, messages(result).join('\n'));
  assert.match(finding!.message, /^.*charts\/api\/Chart\.yaml: helm is not on PATH/);
  assert.match(finding!.file ?? '', /\.github\/workflows\/deploy\.yml$/);
});

test('an OpenShift server URL keeps only its scheme, host and port: userinfo or a query (a token) reaches no target or report', () => {
  const root = repository({
    '.github/workflows/deploy.yml': `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: docker push ghcr.io/acme/api:1
      - run: |
          oc login --server=https://deployer:s3cretPassw0rd@api.example.com:6443/?token=sha256~abc -n shop
      - uses: redhat-actions/oc-login@v1
        with:
          openshift_server_url: https://bot:an0therSecret@api.other.example.com:6443
          namespace: web
`,
  });
  const result = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  const shown = JSON.stringify([result.config.input.targets, messages(result)]);
  assert.doesNotMatch(shown, /s3cretPassw0rd|an0therSecret|sha256~abc|deployer|bot:/);
  assert.deepEqual(
    (result.config.input.targets ?? []).map((target) => (target as { server?: string }).server),
    ['https://api.example.com:6443', 'https://api.other.example.com:6443'],
  );
});

test('whole-change review: options before the verb (helmfile -e prod apply, pulumi -C infra up, cdk --profile p deploy) are still findings; an unpushed set image is quoted escaped', () => {
  for (const deploy of [
    'helmfile -e production apply',
    'pulumi -C infra up --yes',
    'cdk --profile prod deploy',
  ]) {
    const root = repository({ '.github/workflows/deploy.yml': eksWorkflow(['api'], deploy) });
    const result = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
    assert.match(messages(result).join('\n'), /^14: (helmfile|Pulumi|AWS CDK) /m, deploy);
  }
  const root = repository({
    '.github/workflows/deploy.yml': eksWorkflow(['api'], 'kubectl set image deployment/a "b=$OTHER"').replace(
      'on: push\n',
      'on: push\nenv:\n  OTHER: "ghcr.io/o/other:1\\n::error::injected"\n',
    ),
  });
  const result = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  const said = result.findings.find((finding) => finding.message.includes('ghcr.io/o/other'));
  assert.ok(said, messages(result).join('\n'));
  assert.doesNotMatch(said.message, /\n/);
});

test('whole-change review: a step’s own AWS_REGION wins over the job’s credentials for an ECS deploy action, as when it runs', () => {
  const root = repository({
    '.github/workflows/deploy.yml': `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with: { role-to-assume: "arn:aws:iam::${ACCOUNT}:role/deployer", aws-region: us-east-1 }
      - run: docker push ${ECR}/api:1
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        env: { AWS_REGION: eu-west-1 }
        with: { task-definition: task.json, service: svc, cluster: c }
`,
    'task.json': JSON.stringify({
      family: 'api',
      executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/exec`,
      containerDefinitions: [{ name: 'api', image: `${ECR}/api:1` }],
    }),
  });
  const result = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  assert.deepEqual(
    targetsOf(result).map((target) => [target.platform, target['region']]),
    [['ecs', 'eu-west-1']],
  );
});

test('whole-change review: the same chart applied to one cluster from two jobs is rendered once', () => {
  let renders = 0;
  const helmRunner: HelmRunner = () => {
    renders++;
    return { stdout: `---\n# Source: api/templates/deployment.yaml\n${deployment('api', [`${ECR}/api:1`])}` };
  };
  const job = (name: string) => `  ${name}:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with: { role-to-assume: "arn:aws:iam::${ACCOUNT}:role/deployer", aws-region: eu-west-1 }
      - run: docker push ${ECR}/api:1
      - run: aws eks update-kubeconfig --name prod && helm upgrade --install api ./charts/api -n prod
`;
  const root = repository({
    '.github/workflows/deploy.yml': `on: push\njobs:\n${job('blue')}${job('green')}`,
    'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 0.1.0\n',
  });
  const result = discovered(root, { version: 1 }, '.github/workflows/deploy.yml', { helmRunner });
  assert.deepEqual(
    targetsOf(result).map((target) => target.images),
    [[`${ECR}/api:1`]],
  );
  assert.equal(renders, 1);
});
