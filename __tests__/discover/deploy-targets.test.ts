// Clusters a workflow gets credentials for become deploy targets (issue 16, first slice): each pulls the
// images that workflow pushes, is planned at the line that names the cluster, and is decided like a
// declared target; a cluster the workflow cannot name is a finding at its line.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfigText } from '../../src/core/config/load.ts';
import { discover } from '../../src/discover/index.ts';
import { checkConfig } from '../helpers/check.ts';
import { discovered, repository } from '../helpers/workflow-repository.ts';

const ACCOUNT = '123456789012';
const NODE_ROLE = `arn:aws:iam::${ACCOUNT}:role/notify-staging-nodes`;

// Modelled on cds-snc/notification-api .github/workflows/docker.yaml at
// 80f42e8dd18e6ed734c331f00104f2bc7cdc2c5b (our words): credentials for one region, an image pushed with a
// short-SHA tag computed in bash, then `aws eks update-kubeconfig --name CLUSTER` and `kubectl set image`.
const EKS_WORKFLOW = `name: docker
on: { push: { branches: [main] } }
env:
  REGISTRY: ${ACCOUNT}.dkr.ecr.ca-central-1.amazonaws.com/notify
jobs:
  build-and-deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::${ACCOUNT}:role/deployer
          aws-region: ca-central-1
      - uses: aws-actions/amazon-ecr-login@v2
      - name: Build and push
        run: |
          TAG=\${GITHUB_SHA::7}
          docker build -t $REGISTRY/api:$TAG .
          docker push $REGISTRY/api:$TAG
      - name: Deploy
        run: |
          aws eks update-kubeconfig --name notify-staging-eks
          kubectl set image deployment.apps/api api=$REGISTRY/api:\${GITHUB_SHA::7} -n notify
`;

test("aws eks update-kubeconfig: an eks target for that cluster in the credentials' region, pulling what the workflow pushes", () => {
  const root = repository({ '.github/workflows/docker.yml': EKS_WORKFLOW });
  const { config, findings } = discovered(root, { version: 1 }, '.github/workflows/docker.yml');
  assert.deepEqual(findings, []);
  assert.deepEqual(config.input.targets, [
    {
      name: 'notify-staging-eks',
      platform: 'eks',
      cluster: 'notify-staging-eks',
      region: 'ca-central-1',
      account: ACCOUNT, // the job's role's, as no --role-arn names another
      images: [`${ACCOUNT}.dkr.ecr.ca-central-1.amazonaws.com/notify/api`],
    },
  ]);
  assert.deepEqual(config.origins.targets.get('notify-staging-eks')?.origin, {
    file: path.relative(process.cwd(), path.join(root, '.github/workflows/docker.yml')),
    line: 22,
    via: 'aws eks update-kubeconfig',
  });

  // Decided as a declared eks target is: its node roles from cluster facts (live reads write them).
  const facts = {
    aws: {
      clusters: [{ platform: 'eks', name: 'notify-staging-eks', region: 'ca-central-1', roles: [NODE_ROLE] }],
      roles: [{ arn: NODE_ROLE, managedPolicies: ['arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy'] }],
      repositories: [{ arn: `arn:aws:ecr:ca-central-1:${ACCOUNT}:repository/notify/api`, policy: null }],
    },
  };
  const withFacts = discovered(root, { version: 1, facts }, '.github/workflows/docker.yml').config;
  const [result] = checkConfig(withFacts).results;
  assert.equal(result?.verdict, 'denied', result?.reasons.join('\n'));
  assert.equal(result?.principal, NODE_ROLE);
  assert.equal(result?.source?.target.via, 'aws eks update-kubeconfig');
});

test("a cluster the config declares is the config's: the workflow adds no second target for it", () => {
  const root = repository({ '.github/workflows/docker.yml': EKS_WORKFLOW });
  const declared = { name: 'staging', platform: 'eks', cluster: 'notify-staging-eks', roles: [NODE_ROLE] };
  const { config } = discovered(root, { version: 1, targets: [declared] }, '.github/workflows/docker.yml');
  assert.deepEqual(
    config.input.targets?.map((target) => target.name),
    ['staging'],
  );
});

// Modelled on actions/starter-workflows deployments/google.yml at ae01bb2a2fa5733aaf305c4161350c9af10345b9
// (our words): the project from a secret, the cluster and zone from env, get-gke-credentials, then
// kustomize. The secret cannot be read: the target is a finding naming it, until discover.variables gives it.
const GKE_WORKFLOW = `name: Build and Deploy to GKE
on: { push: { branches: [main] } }
env:
  PROJECT_ID: \${{ secrets.GKE_PROJECT }}
  GAR_LOCATION: us-central1
  GKE_CLUSTER: cluster-1
  GKE_ZONE: us-central1-c
  REPOSITORY: samples
  IMAGE: static-site
jobs:
  setup-build-publish-deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: actions/checkout@v4
      - uses: google-github-actions/auth@v2
        with:
          workload_identity_provider: projects/123456789/locations/global/workloadIdentityPools/my-pool/providers/my-provider
          service_account: deployer@\${{ env.PROJECT_ID }}.iam.gserviceaccount.com
      - uses: google-github-actions/get-gke-credentials@v2
        with:
          cluster_name: \${{ env.GKE_CLUSTER }}
          location: \${{ env.GKE_ZONE }}
          project_id: \${{ env.PROJECT_ID }}
      - name: Build and push
        run: |
          docker build --tag "$GAR_LOCATION-docker.pkg.dev/$PROJECT_ID/$REPOSITORY/$IMAGE:$GITHUB_SHA" .
          docker push "$GAR_LOCATION-docker.pkg.dev/$PROJECT_ID/$REPOSITORY/$IMAGE:$GITHUB_SHA"
      - name: Deploy
        run: |
          ./kustomize edit set image LOCATION-docker.pkg.dev/PROJECT_ID/REPOSITORY/IMAGE:TAG=$GAR_LOCATION-docker.pkg.dev/$PROJECT_ID/$REPOSITORY/$IMAGE:$GITHUB_SHA
          ./kustomize build . | kubectl apply -f -
`;

test('get-gke-credentials: a gke target; a project held in a secret is a finding at the step until it is given', () => {
  const root = repository({ '.github/workflows/google.yml': GKE_WORKFLOW });
  const unresolved = discovered(root, { version: 1 }, '.github/workflows/google.yml');
  assert.deepEqual(unresolved.config.input.targets ?? [], []);
  const finding = unresolved.findings.find((entry) => entry.message.includes('get-gke-credentials'));
  assert.ok(finding, unresolved.findings.map((entry) => entry.message).join('\n'));
  assert.equal(finding.line, 22);
  assert.match(finding.message, /gke cluster whose project needs `secrets\.GKE_PROJECT`.*declare the target/);

  const resolved = discovered(
    root,
    { version: 1, discover: { variables: { 'secrets.GKE_PROJECT': 'acme-prod' } } },
    '.github/workflows/google.yml',
  );
  assert.deepEqual(resolved.config.input.targets, [
    {
      name: 'cluster-1',
      platform: 'gke',
      cluster: 'cluster-1',
      location: 'us-central1-c',
      project: 'acme-prod',
      images: ['us-central1-docker.pkg.dev/acme-prod/samples/static-site'],
    },
  ]);
  // Offline, with no node service account known, the pull is unknown, naming what to give.
  const [result] = checkConfig(resolved.config).results;
  assert.equal(result?.verdict, 'unknown');
});

test('gcloud container clusters get-credentials, and a workflow that deploys but pushes nothing pullcheck sees', () => {
  const root = repository({
    '.github/workflows/deploy.yml': `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: gcloud container clusters get-credentials prod --region europe-west2 --project acme-prod
      - run: kubectl apply -f k8s/
`,
  });
  const { config, findings } = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  assert.deepEqual(config.input.targets ?? [], []);
  assert.equal(findings.length, 1, findings.map((entry) => entry.message).join('\n'));
  assert.equal(findings[0]?.line, 6);
  assert.match(
    findings[0]!.message,
    /gcloud container clusters get-credentials deploys to GKE cluster prod \(acme-prod, europe-west2\), but neither its job nor the jobs it needs push an image/,
  );
});

test('values read from the workflow are checked as a written target is: a region that is not one is a finding', () => {
  const root = repository({
    '.github/workflows/docker.yml': EKS_WORKFLOW.replace(
      'aws-region: ca-central-1',
      'aws-region: Canada Central',
    ),
  });
  const { config, findings } = discovered(root, { version: 1 }, '.github/workflows/docker.yml');
  assert.deepEqual(config.input.targets ?? [], []);
  const finding = findings.find((entry) => entry.message.includes('update-kubeconfig'));
  assert.ok(finding, findings.map((entry) => entry.message).join('\n'));
  assert.match(
    finding.message,
    /EKS cluster notify-staging-eks in Canada Central, which is not a target pullcheck can check \(.*region/,
  );
});

test('a cluster runs what its job and the jobs that job needs push, not everything the workflow pushes', () => {
  const registry = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`;
  const root = repository({
    '.github/workflows/release.yml': `on: push
env: { AWS_REGION: us-east-1 }
jobs:
  api:
    runs-on: ubuntu-latest
    steps:
      - run: docker build -t ${registry}/api:1 . && docker push ${registry}/api:1
  worker:
    runs-on: ubuntu-latest
    steps:
      - run: docker build -t ${registry}/worker:1 . && docker push ${registry}/worker:1
  deploy-api:
    needs: [api]
    runs-on: ubuntu-latest
    steps:
      - run: aws eks update-kubeconfig --name api-cluster
  web:
    runs-on: ubuntu-latest
    steps:
      - run: docker build -t ${registry}/web:1 . && docker push ${registry}/web:1
      - run: aws eks update-kubeconfig --name web-cluster
`,
  });
  const { config, findings } = discovered(root, { version: 1 }, '.github/workflows/release.yml');
  assert.deepEqual(findings, []);
  assert.deepEqual(
    config.input.targets?.map((target) => [target.name, target.images]),
    [
      ['api-cluster', [`${registry}/api:1`]],
      ['web-cluster', [`${registry}/web:1`]],
    ],
  );
});

// Modelled on actions/starter-workflows deployments/openshift.yml at a5047545ff35cae093b3c42b65804e6451fe615a
// (our words): the server and token from secrets, the namespace from env — empty there, meaning the token's
// default project — then oc-new-app with the image the push step wrote.
const OPENSHIFT_WORKFLOW = (namespace: string) => `name: OpenShift
on: { push: { branches: [main] } }
env:
  OPENSHIFT_SERVER: \${{ secrets.OPENSHIFT_SERVER }}
  OPENSHIFT_TOKEN: \${{ secrets.OPENSHIFT_TOKEN }}
  OPENSHIFT_NAMESPACE: "${namespace}"
  IMAGE_REGISTRY: quay.io/acme
jobs:
  openshift-ci-cd:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: redhat-actions/push-to-registry@v2
        with:
          image: shop
          tags: latest
          registry: \${{ env.IMAGE_REGISTRY }}
      - uses: redhat-actions/oc-login@v1
        with:
          openshift_server_url: \${{ env.OPENSHIFT_SERVER }}
          openshift_token: \${{ env.OPENSHIFT_TOKEN }}
          namespace: \${{ env.OPENSHIFT_NAMESPACE }}
      - uses: redhat-actions/oc-new-app@v1
        with:
          app_name: shop
          image: quay.io/acme/shop:latest
          namespace: \${{ env.OPENSHIFT_NAMESPACE }}
`;

test("redhat-actions/oc-login: an openshift target for its namespace; no namespace (the token's default project) is a finding", () => {
  const named = repository({ '.github/workflows/openshift.yml': OPENSHIFT_WORKFLOW('shop-prod') });
  const { config, findings } = discovered(named, { version: 1 }, '.github/workflows/openshift.yml');
  assert.deepEqual(findings, []);
  assert.deepEqual(config.input.targets, [
    {
      name: 'shop-prod',
      platform: 'openshift',
      namespace: 'shop-prod',
      images: ['quay.io/acme/shop'],
    },
  ]);
  assert.equal(config.origins.targets.get('shop-prod')?.origin.line, 22, 'the namespace input');

  const unnamed = repository({ '.github/workflows/openshift.yml': OPENSHIFT_WORKFLOW('') });
  const read = discovered(unnamed, { version: 1 }, '.github/workflows/openshift.yml');
  assert.deepEqual(read.config.input.targets ?? [], []);
  const finding = read.findings.find((entry) => entry.message.includes('oc-login'));
  assert.ok(finding, read.findings.map((entry) => entry.message).join('\n'));
  assert.match(
    finding.message,
    /an openshift cluster whose namespace needs `the namespace`: set `namespace` on oc-login/,
  );
});

test('deploys pullcheck does not follow (ECS without a task definition or region, a Cloud Run service replaced from YAML) are findings at their lines, never silence', () => {
  const root = repository({
    '.github/workflows/deploy.yml': `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with: { task-definition: task-definition.json, service: api, cluster: prod }
      - run: aws ecs update-service --cluster prod --service api --force-new-deployment
      - run: gcloud run services replace service.yaml --region us-central1
`,
  });
  const { findings } = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  assert.deepEqual(
    findings.map((finding) => [finding.line, finding.message.replace(/: .*$/, '')]),
    [
      [
        8,
        '`aws ecs update-service` on ECS service api (cluster prod) without --task-definition deploys again the task definition the service already runs, which is not in the repository',
      ],
      [
        9,
        '`gcloud run services replace` deploys to Cloud Run, which pullcheck does not read from workflows yet',
      ],
      // No credentials step gives the region (ecs-deploy-targets.test.ts reads the deploys that resolve).
      [
        6,
        'aws-actions/amazon-ecs-deploy-task-definition deploys to an ECS service whose region needs `the AWS region` (set `aws-region` on configure-aws-credentials, or AWS_REGION)',
      ],
    ],
  );
  assert.match(findings[0]!.message, /declare an `ecs` target \(cluster, services, region\)/);
});

test('the account comes from --role-arn when it is known; a role held in a secret leaves the account out, not the target', () => {
  const root = repository({
    '.github/workflows/deploy.yml': `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: docker push ${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/api:1
      - run: aws eks update-kubeconfig --region us-east-1 --name known --role-arn arn:aws:iam::210987654321:role/deployer
      - run: eksctl utils write-kubeconfig --cluster=made-by-eksctl -r us-east-1
      - run: aws eks update-kubeconfig --region us-east-1 --name secret --role-arn arn:aws:iam::\${{ secrets.ACCOUNT_ID }}:role/deployer
`,
  });
  const { config, findings } = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  assert.deepEqual(findings, []);
  assert.deepEqual(
    config.input.targets?.map((target) => [target.name, 'account' in target ? target.account : undefined]),
    [
      ['known', '210987654321'],
      ['made-by-eksctl', undefined],
      ['secret', undefined],
    ],
  );
});

test('kubectl set image says what the cluster runs: only those pushed images, the rest said, and none without credentials', () => {
  const registry = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`;
  const root = repository({
    '.github/workflows/deploy.yml': `on: push
env: { AWS_REGION: us-east-1 }
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: |
          docker push ${registry}/api:1
          docker push ${registry}/worker:1
      - run: aws eks update-kubeconfig --name prod
      - run: |
          kubectl set image deployment/api api=${registry}/api:1 -n shop
          kubectl -n shop set image deploy/proxy proxy=docker.io/library/nginx:1.27
  other:
    runs-on: ubuntu-latest
    steps:
      - run: kubectl set image deployment/web web=${registry}/worker:1
`,
  });
  const { config, findings } = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  assert.deepEqual(
    config.input.targets?.map((target) => [target.name, target.images]),
    [['prod', [`${registry}/api:1`]]],
  );
  assert.deepEqual(
    findings.map((finding) => [finding.line, finding.severity, finding.message.slice(0, 60)]),
    [
      [17, 'medium', 'kubectl set image sets an image on a cluster this job gets n'],
      [13, 'low', 'docker.io/library/nginx:1.27, set on EKS cluster prod in us-'],
    ],
  );
});

test('oc login, then oc project: an openshift target for that namespace; without a project, a finding', () => {
  const root = repository({
    '.github/workflows/deploy.yml': `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: docker push quay.io/acme/shop:1
      - run: |
          oc login --token="\${{ secrets.OC_TOKEN }}" --server=https://api.prod.example.com:6443
          oc project shop-prod
  staging:
    runs-on: ubuntu-latest
    steps:
      - run: docker push quay.io/acme/shop:1
      - run: oc login https://api.staging.example.com:6443 --token "\${{ secrets.OC_TOKEN }}"
`,
  });
  const { config, findings } = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  assert.deepEqual(config.input.targets, [
    {
      name: 'shop-prod',
      platform: 'openshift',
      namespace: 'shop-prod',
      server: 'https://api.prod.example.com:6443',
      images: ['quay.io/acme/shop:1'],
    },
  ]);
  assert.deepEqual(
    findings.map((finding) => [finding.line, finding.message.slice(0, 70)]),
    [[14, 'oc login deploys to an openshift cluster whose namespace needs `the na']],
  );
  assert.match(findings[0]!.message, /run `oc project NAME` after oc login/);
});

test('a cluster name the workflow writes is quoted in findings escaped: it cannot start a line of its own', () => {
  const root = repository({
    '.github/workflows/deploy.yml': `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: |
          aws eks update-kubeconfig --region us-east-1 --name "prod
          ::warning::forged"
`,
  });
  const { findings } = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  assert.equal(findings.length, 1, findings.map((finding) => finding.message).join('\n'));
  assert.doesNotMatch(findings[0]!.message, /\n/);
  assert.match(findings[0]!.message, /EKS cluster prod\\n::warning::forged in us-east-1/);
});

test('one cluster reached from two workflows, from a reusable workflow after its build, or from two jobs runs what each pushes', () => {
  const registry = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`;
  const push = (name: string) => `docker push ${registry}/${name}:1`;
  const root = repository({
    '.github/workflows/api.yml': `on: push
jobs:
  ship:
    runs-on: ubuntu-latest
    steps:
      - run: ${push('api')} && aws eks update-kubeconfig --region us-east-1 --name prod
`,
    '.github/workflows/web.yml': `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: ${push('web')}
  deploy:
    needs: build
    uses: ./.github/workflows/deploy.yml
`,
    '.github/workflows/deploy.yml': `on: workflow_call
jobs:
  rollout:
    runs-on: ubuntu-latest
    steps:
      - run: aws eks update-kubeconfig --region us-east-1 --name prod
`,
    '.github/workflows/jobs.yml': `on: push
jobs:
  api:
    runs-on: ubuntu-latest
    steps:
      - run: ${push('api')} && ${push('proxy')}
      - run: aws eks update-kubeconfig --region us-east-1 --name staging
      - run: kubectl set image deployment/api api=${registry}/api:1
  worker:
    runs-on: ubuntu-latest
    steps:
      - run: ${push('worker')} && aws eks update-kubeconfig --region us-east-1 --name staging
`,
  });
  const file = path.join(root, '.github', 'pullcheck.yml');
  writeFileSync(file, 'version: 1\n');
  const { config, findings } = discover(loadConfigText('version: 1\n', file), {
    workflows: ['api.yml', 'web.yml', 'jobs.yml'].map((name) => path.join(root, '.github/workflows', name)),
  });
  assert.deepEqual(findings, []);
  assert.deepEqual(
    config.input.targets?.map((target) => [target.name, [...(target.images ?? [])].sort()]),
    [
      ['prod', [`${registry}/api:1`, `${registry}/web:1`]],
      // The api job sets only api (not proxy); the worker job runs what it pushes.
      ['staging', [`${registry}/api:1`, `${registry}/worker:1`]],
    ],
  );
});

test('clusters of one name and region in two accounts are two targets; a declared target of another account does not swallow the workflow’s (false allowed found in review)', () => {
  const registry = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`;
  const job = (name: string, account: string) => `  ${name}:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with: { role-to-assume: "arn:aws:iam::${account}:role/deployer", aws-region: us-east-1 }
      - run: docker push ${registry}/web:1 && aws eks update-kubeconfig --name main
`;
  const root = repository({
    '.github/workflows/deploy.yml': `on: push\njobs:\n${job('staging', ACCOUNT)}${job('prod', '222222222222')}`,
  });
  const both = discovered(root, { version: 1 }, '.github/workflows/deploy.yml');
  assert.deepEqual(
    both.config.input.targets?.map((target) => [target.name, (target as { account?: string }).account]),
    [
      ['main', ACCOUNT],
      ['main-us-east-1', '222222222222'],
    ],
  );
  const declared = {
    name: 'staging',
    platform: 'eks',
    cluster: 'main',
    region: 'us-east-1',
    account: ACCOUNT,
  };
  const withDeclared = discovered(root, { version: 1, targets: [declared] }, '.github/workflows/deploy.yml');
  assert.deepEqual(
    withDeclared.config.input.targets?.map((target) => [
      target.name,
      (target as { account?: string }).account,
    ]),
    [
      ['staging', ACCOUNT],
      ['main', '222222222222'],
    ],
  );
});
