// Each construct workflow discovery reads, as a table: the files of a repository, what it pushes, and the
// findings (kind, line, what they name). Patterns follow the public workflows of the corpus and the
// reference documents cited per case.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { discoverFiles, ENTRY, type Files, type Options } from '../helpers/workflows.ts';

interface Case {
  readonly name: string;
  readonly files: Files;
  readonly options?: Options;
  readonly images: readonly string[];
  /** `kind line: text the message contains`. */
  readonly findings?: readonly string[];
}

const job = (steps: string, extra = '') =>
  `on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n${extra}    steps:\n${steps}`;
const run = (script: string, indent = '      ') =>
  `${indent}- run: |\n${script
    .split('\n')
    .map((line) => `${indent}    ${line}`)
    .join('\n')}\n`;
const REPOSITORY = { runner: { GITHUB_REPOSITORY: 'Acme/Web-App', GITHUB_REPOSITORY_OWNER: 'Acme' } };

const cases: Case[] = [
  // ---- reusable workflows and composite actions ----
  {
    name: 'a reusable workflow in the repository gets the caller\'s `with:` (per matrix value) and its inputs\' defaults (docs: "Reusing workflows")',
    files: {
      [ENTRY]: `on: push\njobs:\n  images:\n    strategy:\n      matrix:\n        service: [api, worker]\n    uses: ./.github/workflows/build.yml\n    with:\n      image: ghcr.io/acme/\${{ matrix.service }}\n`,
      '.github/workflows/build.yml': `on:\n  workflow_call:\n    inputs:\n      image: { type: string, required: true }\n      registry: { type: string, default: quay.io/acme }\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker push \${{ inputs.image }}:1\n      - run: docker push \${{ inputs.registry }}/mirror:1\n`,
    },
    images: ['ghcr.io/acme/api:1', 'quay.io/acme/mirror:1', 'ghcr.io/acme/worker:1'],
  },
  {
    name: "a called workflow's outputs come back to the caller as needs.<job>.outputs (on.workflow_call.outputs)",
    files: {
      [ENTRY]: `on: push\njobs:\n  name:\n    uses: ./.github/workflows/name.yml\n  push:\n    needs: name\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker push \${{ needs.name.outputs.image }}\n`,
      '.github/workflows/name.yml': `on:\n  workflow_call:\n    outputs:\n      image:\n        value: \${{ jobs.compute.outputs.image }}\njobs:\n  compute:\n    runs-on: ubuntu-latest\n    outputs:\n      image: \${{ steps.n.outputs.image }}\n    steps:\n      - id: n\n        run: echo "image=ghcr.io/acme/app" >> "$GITHUB_OUTPUT"\n`,
    },
    images: ['ghcr.io/acme/app'],
  },
  {
    name: 'a reusable workflow in another repository is a may-push finding naming it and the inputs it is given',
    files: {
      [ENTRY]: `on: push\njobs:\n  build:\n    uses: acme/shared/.github/workflows/docker.yml@v2\n    with:\n      image: ghcr.io/acme/app\n`,
    },
    images: [],
    findings: [
      'may-push 4: acme/shared/.github/workflows/docker.yml@v2 is a reusable workflow in another repository',
      'may-push 4: image=ghcr.io/acme/app',
    ],
  },
  {
    name: "the repository's own reusable workflow named by its full path (owner/repo/.github/workflows/x.yml@ref) is read from the checkout",
    files: {
      [ENTRY]: `on: push\njobs:\n  build:\n    uses: Acme/Web-App/.github/workflows/build.yml@main\n    with:\n      image: quay.io/acme/web\n`,
      '.github/workflows/build.yml': `on:\n  workflow_call:\n    inputs:\n      image: { type: string }\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker push \${{ inputs.image }}\n`,
    },
    options: REPOSITORY,
    images: ['quay.io/acme/web'],
  },
  {
    name: 'reusable workflows that call each other are read once, with a finding at the call',
    files: {
      [ENTRY]: `on: push\njobs:\n  a:\n    uses: ./.github/workflows/a.yml\n`,
      '.github/workflows/a.yml': `on: workflow_call\njobs:\n  b:\n    uses: ./.github/workflows/b.yml\n`,
      '.github/workflows/b.yml': `on: workflow_call\njobs:\n  a:\n    uses: ./.github/workflows/a.yml\n  push:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker push ghcr.io/acme/b\n`,
    },
    images: ['ghcr.io/acme/b'],
    findings: ['discovery 4: .github/workflows/a.yml calls itself'],
  },
  {
    name: 'a reusable workflow that is not in the repository is a finding at the `uses:` line',
    files: { [ENTRY]: `on: push\njobs:\n  a:\n    uses: ./.github/workflows/gone.yml\n` },
    images: [],
    findings: ['discovery 4: .github/workflows/gone.yml: no such workflow in the repository'],
  },
  {
    name: 'a composite action in the repository: its steps run with the caller\'s inputs, its outputs map back (docs: "Creating a composite action")',
    files: {
      [ENTRY]: job(
        `      - id: build\n        uses: ./.github/actions/build\n        with:\n          repository: acme/api\n      - run: docker push \${{ steps.build.outputs.image }}-mirror\n`,
      ),
      '.github/actions/build/action.yml': `name: build\ninputs:\n  repository: { required: true }\n  registry: { default: ghcr.io }\noutputs:\n  image:\n    value: \${{ steps.name.outputs.image }}\nruns:\n  using: composite\n  steps:\n    - id: name\n      shell: bash\n      run: echo "image=\${{ inputs.registry }}/\${{ inputs.repository }}" >> "$GITHUB_OUTPUT"\n    - uses: docker/build-push-action@v6\n      with:\n        push: true\n        tags: \${{ steps.name.outputs.image }}:1\n`,
    },
    images: ['ghcr.io/acme/api:1', 'ghcr.io/acme/api-mirror'],
  },
  {
    name: 'a local action that is missing is a finding at its step',
    files: {
      [ENTRY]: job(`      - uses: ./.github/actions/push\n        with:\n          image: ghcr.io/acme/x\n`),
    },
    images: [],
    findings: ['discovery 6: ./.github/actions/push: no action.yml'],
  },
  // ---- contexts and expressions ----
  {
    name: 'contexts the runner always sets: github.repository, repository_owner, event.repository.name, workflow; GITHUB_* in scripts',
    files: {
      [ENTRY]: `name: Release\n${job(run('docker push "ghcr.io/${GITHUB_REPOSITORY,,}/cli"\ndocker push "ghcr.io/${{ github.repository_owner }}/${{ github.event.repository.name }}" | true\ndocker push quay.io/acme/${{ github.workflow }}'))}`,
    },
    options: REPOSITORY,
    images: ['ghcr.io/acme/web-app/cli', 'ghcr.io/Acme/Web-App', 'quay.io/acme/Release'],
  },
  {
    name: 'format(), fromJSON() in a matrix, `||` defaults and string comparisons (docs: "Expressions")',
    files: {
      [ENTRY]: `on: push\njobs:\n  push:\n    strategy:\n      matrix:\n        app: \${{ fromJSON('["api","web"]') }}\n    runs-on: ubuntu-latest\n    env:\n      REGISTRY: \${{ inputs.registry || 'ghcr.io/acme' }}\n    steps:\n      - run: docker push \${{ format('{0}/{1}', env.REGISTRY, matrix.app) }}\n`,
    },
    images: ['ghcr.io/acme/api', 'ghcr.io/acme/web'],
  },
  {
    name: 'vars.X from discover.variables; an unset one is a finding that says where to add it',
    files: { [ENTRY]: job(run('docker push ${{ vars.REGISTRY }}/app\ndocker push ${{ vars.OTHER }}/app')) },
    options: { variables: { REGISTRY: 'registry.acme.dev' } },
    images: ['registry.acme.dev/app'],
    findings: [
      'undiscovered-destination 8: `vars.OTHER`: a repository variable: add `vars.OTHER` under `discover.variables`',
    ],
  },
  {
    name: 'a secret is never read: the finding names the secret (and discover.variables may give a value that is not secret)',
    files: { [ENTRY]: job(run('docker push ${{ secrets.DOCKERHUB_USERNAME }}/app:1')) },
    images: [],
    findings: [
      'undiscovered-destination 7: needs `secrets.DOCKERHUB_USERNAME`: pullcheck never reads secrets',
    ],
  },
  {
    name: 'an expression about the run itself (github.sha, an event payload) in the tag drops the tag; in the name it is a finding naming it',
    files: {
      [ENTRY]: job(
        run(
          'docker push ghcr.io/acme/app:${{ github.sha }}\ndocker push ghcr.io/${{ github.event.pull_request.head.repo.full_name }}',
        ),
      ),
    },
    images: ['ghcr.io/acme/app'],
    findings: ['undiscovered-destination 8: `github.event.pull_request.head.repo.full_name`'],
  },
  // ---- shell as bash reads it ----
  {
    name: 'shell variables: X=…, export, ${X:-default}, ${X,,}, ${X##*/}, tr and awk lowercasing (bash(1) "Parameter Expansion")',
    files: {
      [ENTRY]: job(
        run(
          [
            'REGISTRY=${REGISTRY:-ghcr.io}',
            'export OWNER="${GITHUB_REPOSITORY%%/*}"',
            "NAME=$(echo \"${GITHUB_REPOSITORY##*/}\" | tr '[:upper:]' '[:lower:]')",
            'docker push "$REGISTRY/${OWNER,,}/$NAME"',
            "LOWER=$(echo $GITHUB_REPOSITORY | awk '{print tolower($0)}')",
            'docker push quay.io/$LOWER',
          ].join('\n'),
        ),
      ),
    },
    options: REPOSITORY,
    images: ['ghcr.io/acme/web-app', 'quay.io/acme/web-app'],
  },
  {
    name: '$GITHUB_ENV and $GITHUB_OUTPUT written by one step, read by later ones (docs: "Workflow commands"), heredoc form included',
    files: {
      [ENTRY]: job(
        `${run('echo "IMAGE=ghcr.io/acme/env" >> $GITHUB_ENV\n{ echo "A=1"; echo "OTHER=quay.io/acme/grouped"; } >> "$GITHUB_ENV"')}      - id: out\n        run: |\n          echo "image=ghcr.io/acme/output" >> "$GITHUB_OUTPUT"\n          cat >> "$GITHUB_OUTPUT" <<EOF\n          second=ghcr.io/acme/heredoc\n          EOF\n${run('docker push $IMAGE\ndocker push $OTHER\ndocker push ${{ env.IMAGE }}-too\ndocker push ${{ steps.out.outputs.image }}\ndocker push ${{ steps.out.outputs.second }}')}`,
      ),
    },
    images: [
      'ghcr.io/acme/env',
      'quay.io/acme/grouped',
      'ghcr.io/acme/env-too',
      'ghcr.io/acme/output',
      'ghcr.io/acme/heredoc',
    ],
  },
  {
    name: 'loops over literal lists and arrays, continuation lines, functions with arguments, brace expansion',
    files: {
      [ENTRY]: job(
        run(
          [
            'for svc in api worker; do',
            '  docker push ghcr.io/acme/$svc',
            'done',
            'IMAGES=(quay.io/acme/a quay.io/acme/b)',
            'for image in "${IMAGES[@]}"; do docker \\',
            '  push "$image"; done',
            'push_one() { docker push "registry.acme.dev/$1"; }',
            'push_one tools',
            'for n in {1..2}; do docker push ghcr.io/acme/shard$n; done',
            'for image in quay.io/acme/{cli,agent}; do docker push $image:1; done',
          ].join('\n'),
        ),
      ),
    },
    images: [
      'ghcr.io/acme/api',
      'ghcr.io/acme/worker',
      'quay.io/acme/a',
      'quay.io/acme/b',
      'registry.acme.dev/tools',
      'ghcr.io/acme/shard1',
      'ghcr.io/acme/shard2',
      'quay.io/acme/cli:1',
      'quay.io/acme/agent:1',
    ],
  },
  {
    name: "a variable the workflow never defines is unresolved at the command's own line, never taken from the environment",
    files: { [ENTRY]: job(run('echo building\n\ndocker push "$REGISTRY/app"')) },
    options: { runner: { REGISTRY: 'from-the-process.example' } },
    images: [],
    findings: ['undiscovered-destination 9: `$REGISTRY`: the workflow does not set it'],
  },
  // ---- push tools ----
  {
    name: 'docker: buildx build --push -t, build + push, tag + push, imagetools create -t, manifest push (docker CLI reference)',
    files: {
      [ENTRY]: job(
        run(
          [
            'docker buildx build --platform linux/amd64 --push -t ghcr.io/acme/buildx:1 -t ghcr.io/acme/buildx:latest .',
            'docker build -t local/app:1 . && docker build -t ghcr.io/acme/built:1 .',
            'docker push ghcr.io/acme/built:1',
            'docker tag local/app:1 quay.io/acme/tagged:1 && docker push quay.io/acme/tagged:1',
            'docker buildx imagetools create -t ghcr.io/acme/multi:1 ghcr.io/acme/buildx@sha256:aaa ghcr.io/acme/buildx@sha256:bbb',
            'docker manifest create ghcr.io/acme/list:1 a b && docker manifest push ghcr.io/acme/list:1',
            'docker buildx build --output type=image,name=ghcr.io/acme/output,push=true .',
            'docker build -t ghcr.io/acme/not-pushed:1 .',
          ].join('\n'),
        ),
      ),
    },
    images: [
      'ghcr.io/acme/buildx:1',
      'ghcr.io/acme/buildx:latest',
      'ghcr.io/acme/built:1',
      'quay.io/acme/tagged:1',
      'ghcr.io/acme/multi:1',
      'ghcr.io/acme/list:1',
      'ghcr.io/acme/output',
    ],
  },
  {
    name: 'docker compose push: the services with build and image, ${VAR:-default} from the environment and .env (compose-spec "Interpolation")',
    files: {
      [ENTRY]: job(
        `      - env:\n          TAG: v1\n        run: docker compose -f deploy/compose.yml push api\n      - run: docker-compose -f deploy/compose.yml push\n`,
      ),
      'deploy/compose.yml':
        'services:\n  api:\n    build: ./api\n    image: ${REGISTRY:-ghcr.io/acme}/api:${TAG}\n  db:\n    image: postgres:16\n  worker:\n    build: ./worker\n    image: ${REGISTRY:-ghcr.io/acme}/worker\n',
    },
    // The second push runs without TAG: compose leaves the tag empty, which does not change a verdict.
    images: ['ghcr.io/acme/api:v1', 'ghcr.io/acme/api', 'ghcr.io/acme/worker'],
  },
  {
    name: "podman and buildah (manifest push), skopeo copy, crane copy/push, regctl image copy, kaniko --destination (each tool's man page)",
    files: {
      [ENTRY]: job(
        run(
          [
            'podman manifest push --all app-list docker://quay.io/acme/podman-list:1',
            'buildah manifest push --all app-list docker://quay.io/acme/buildah-list:1',
            'skopeo copy --all docker://ghcr.io/acme/src:1 docker://quay.io/acme/skopeo:1',
            'crane copy ghcr.io/acme/src:1 registry.acme.dev/crane:1',
            'regctl image copy ghcr.io/acme/src:1 registry.acme.dev/regctl:1',
            '/kaniko/executor --context . --destination=registry.acme.dev/kaniko:1 -d registry.acme.dev/kaniko2:1',
          ].join('\n'),
        ),
      ),
    },
    images: [
      'quay.io/acme/podman-list:1',
      'quay.io/acme/buildah-list:1',
      'quay.io/acme/skopeo:1',
      'registry.acme.dev/crane:1',
      'registry.acme.dev/regctl:1',
      'registry.acme.dev/kaniko:1',
      'registry.acme.dev/kaniko2:1',
    ],
  },
  {
    name: 'ko build with KO_DOCKER_REPO (ko.build "Naming Images": -B, --bare, default <name>-<md5>)',
    files: {
      [ENTRY]: job(
        `      - env:\n          KO_DOCKER_REPO: us-docker.pkg.dev/acme/images\n        run: |\n          ko build -B ./cmd/server\n          ko build --bare ./cmd/bare\n          ko build ./cmd/hashed\n`,
      ),
      'go.mod': 'module github.com/acme/app\n\ngo 1.22\n',
    },
    images: [
      'us-docker.pkg.dev/acme/images/server',
      'us-docker.pkg.dev/acme/images',
      // md5 of github.com/acme/app/cmd/hashed (`echo -n … | md5sum`)
      'us-docker.pkg.dev/acme/images/hashed-e88afa86f00ac44247eae1364c91cf32',
    ],
  },
  {
    name: 'jib (-Dimage, -Djib.to.image, gradle --image, pom.xml <to><image>) and skaffold --default-repo (jib and skaffold docs)',
    files: {
      [ENTRY]: job(
        run(
          [
            './mvnw -B compile jib:build -Dimage=gcr.io/acme/maven',
            './gradlew jib --image=gcr.io/acme/gradle',
            'mvn -pl svc com.google.cloud.tools:jib-maven-plugin:3.4.0:build',
            'skaffold build --default-repo=europe-docker.pkg.dev/acme/apps',
            'skaffold run -d 123456789012.dkr.ecr.us-east-1.amazonaws.com/team',
          ].join('\n'),
        ),
      ),
      'pom.xml':
        '<project><properties><registry>gcr.io/acme</registry></properties><build><plugins><plugin><artifactId>jib-maven-plugin</artifactId><configuration><to><image>${registry}/from-pom</image></to></configuration></plugin></plugins></build></project>',
      'skaffold.yaml':
        'apiVersion: skaffold/v4beta6\nkind: Config\nbuild:\n  artifacts:\n    - image: web\n    - image: gcr.io/k8s-skaffold/example\n',
    },
    images: [
      'gcr.io/acme/maven',
      'gcr.io/acme/gradle',
      'gcr.io/acme/from-pom',
      'europe-docker.pkg.dev/acme/apps/web',
      'europe-docker.pkg.dev/acme/apps/gcr.io/k8s-skaffold/example',
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web',
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/gcr_io_k8s-skaffold_example',
    ],
  },
  {
    name: "gcloud builds submit --tag, and --config: the build file's images and docker push steps with substitutions (Cloud Build reference)",
    files: {
      [ENTRY]: job(
        `      - uses: google-github-actions/auth@v2\n        with:\n          workload_identity_provider: projects/1/locations/global/workloadIdentityPools/p/providers/gh\n          service_account: builder@acme-prod.iam.gserviceaccount.com\n${run('gcloud builds submit --tag us-docker.pkg.dev/acme-prod/apps/tagged:1 .\ngcloud builds submit --config cloudbuild.yaml --substitutions=_SERVICE=api .\nPROJECT=$(gcloud config get-value project)\ndocker push gcr.io/$PROJECT/from-gcloud-config')}`,
      ),
      'cloudbuild.yaml':
        'substitutions:\n  _REGION: europe-west1\nsteps:\n  - name: gcr.io/cloud-builders/docker\n    args: [build, -t, "${_REGION}-docker.pkg.dev/$PROJECT_ID/apps/${_SERVICE}:$SHORT_SHA", .]\n  - name: gcr.io/cloud-builders/docker\n    args: [push, "gcr.io/$PROJECT_ID/legacy"]\nimages:\n  - "${_REGION}-docker.pkg.dev/$PROJECT_ID/apps/${_SERVICE}:$SHORT_SHA"\n',
    },
    images: [
      'us-docker.pkg.dev/acme-prod/apps/tagged:1',
      'europe-west1-docker.pkg.dev/acme-prod/apps/api',
      'gcr.io/acme-prod/legacy',
      'gcr.io/acme-prod/from-gcloud-config',
    ],
  },
  {
    name: 'a docker:// step runs its image with `args`: kaniko\'s executor and crane are read like their commands (docs: "jobs.<job_id>.steps[*].uses")',
    files: {
      [ENTRY]: job(
        `      - uses: docker://gcr.io/kaniko-project/executor:v1.23.0\n        with:\n          args: --context=. --destination=registry.acme.dev/kaniko-step:1\n      - uses: docker://gcr.io/go-containerregistry/crane:latest\n        with:\n          args: copy ghcr.io/acme/a:1 registry.acme.dev/crane-step:1\n`,
      ),
    },
    images: ['registry.acme.dev/kaniko-step:1', 'registry.acme.dev/crane-step:1'],
  },
  // ---- push actions ----
  {
    name: 'docker/build-push-action and depot/build-push-action: tags when push is true or an expression; CSV quoting (build-push-action README)',
    files: {
      [ENTRY]: job(
        `      - uses: docker/build-push-action@v6\n        with:\n          push: \${{ github.event_name != 'pull_request' }}\n          tags: |\n            "ghcr.io/acme/one:1"\n            ghcr.io/acme/two:1,ghcr.io/acme/three:1\n      - uses: depot/build-push-action@v1\n        with:\n          push: true\n          tags: registry.acme.dev/depot:1\n      - uses: docker/build-push-action@v6\n        with:\n          tags: ghcr.io/acme/load-only:1\n`,
      ),
    },
    images: ['ghcr.io/acme/one:1', 'ghcr.io/acme/two:1', 'ghcr.io/acme/three:1', 'registry.acme.dev/depot:1'],
  },
  {
    name: 'redhat-actions/buildah-build feeding push-to-registry through its outputs (push-to-registry README)',
    files: {
      [ENTRY]: job(
        `      - id: build\n        uses: redhat-actions/buildah-build@v2\n        with:\n          image: operator\n          tags: latest \${{ github.sha }}\n      - uses: redhat-actions/push-to-registry@v2\n        with:\n          image: \${{ steps.build.outputs.image }}\n          tags: \${{ steps.build.outputs.tags }}\n          registry: quay.io/acme\n`,
      ),
    },
    images: ['quay.io/acme/operator'],
  },
  {
    name: 'akhilerm/tag-push-action dst lines, int128/kaniko-action tags, metadata-action images through their tags output',
    files: {
      [ENTRY]: job(
        `      - id: meta\n        uses: docker/metadata-action@v5\n        with:\n          images: |\n            name=ghcr.io/Acme/Meta\n            name=quay.io/acme/disabled,enable=false\n      - uses: int128/kaniko-action@v1\n        with:\n          push: true\n          tags: \${{ steps.meta.outputs.tags }}\n      - uses: akhilerm/tag-push-action@v2\n        with:\n          src: ghcr.io/acme/meta:1\n          dst: |\n            docker.io/acme/meta:1\n            public.ecr.aws/acme/meta:1\n`,
      ),
    },
    images: ['ghcr.io/acme/meta', 'docker.io/acme/meta:1', 'public.ecr.aws/acme/meta:1'],
  },
  {
    name: 'docker/bake-action: an HCL bake file with variables, groups and inherits, the metadata-action bake file, set overrides (Bake reference)',
    files: {
      [ENTRY]: job(
        `      - id: meta\n        uses: docker/metadata-action@v5\n        with:\n          images: ghcr.io/acme/baked\n      - uses: docker/bake-action@v6\n        with:\n          push: true\n          files: |\n            ./docker-bake.hcl\n            \${{ steps.meta.outputs.bake-file }}\n          targets: release\n          set: tools.tags=quay.io/acme/tools:1\n`,
      ),
      'docker-bake.hcl':
        'variable "REGISTRY" {\n  default = "registry.acme.dev"\n}\n\ntarget "docker-metadata-action" {}\n\ntarget "app" {\n  inherits = ["docker-metadata-action"]\n}\n\ntarget "tools" {\n  tags = ["${REGISTRY}/tools:old"]\n}\n\ntarget "cli" {\n  tags = ["${REGISTRY}/cli:1", "${REGISTRY}/cli:${notdefined}"]\n}\n\ngroup "release" {\n  targets = ["app", "tools", "cli"]\n}\n',
    },
    // An undefined variable in a tag leaves the repository known.
    images: [
      'ghcr.io/acme/baked',
      'quay.io/acme/tools:1',
      'registry.acme.dev/cli:1',
      'registry.acme.dev/cli',
    ],
  },
  {
    name: 'a bake file with top-level attributes and expressions it does not evaluate: the name part known is a destination, an unknown one a finding',
    files: {
      [ENTRY]: job(
        `      - uses: docker/bake-action@v6\n        with:\n          push: true\n          targets: default\n`,
      ),
      'docker-bake.hcl':
        'registry = "ghcr.io/acme"\nsuffix = (environment == "testing") ? "-testing" : ""\n\ntarget "default" {\n  tags = ["${registry}/app:1", "${registry}/app${suffix}:2"]\n}\n',
    },
    images: ['ghcr.io/acme/app:1'],
    findings: [
      'undiscovered-destination 5: the bake expression `(environment == "testing") ? "-testing" : ""`',
    ],
  },
  {
    name: 'an action pullcheck does not know, whose inputs say it pushes, is a may-push finding at its image input',
    files: {
      [ENTRY]: job(
        `      - uses: someone/publish-image@v1\n        with:\n          registry: ghcr.io\n          image_name: ghcr.io/acme/unknown\n      - uses: aquasecurity/trivy-action@v0\n        with:\n          image-ref: ghcr.io/acme/unknown\n`,
      ),
    },
    images: [],
    findings: ['may-push 9: someone/publish-image@v1 is an action pullcheck does not know'],
  },
  // ---- the registry a login step names ----
  {
    name: 'amazon-ecr-login outputs.registry: the role-to-assume account and aws-region of configure-aws-credentials (amazon-ecr-login README)',
    files: {
      [ENTRY]: job(
        `      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: arn:aws:iam::123456789012:role/release\n          aws-region: eu-west-1\n      - id: ecr\n        uses: aws-actions/amazon-ecr-login@v2\n${run('docker push ${{ steps.ecr.outputs.registry }}/team/api:1\nACCOUNT=$(aws sts get-caller-identity --query Account --output text)\ndocker push $ACCOUNT.dkr.ecr.$AWS_REGION.amazonaws.com/team/worker')}`,
      ),
    },
    images: [
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/api:1',
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/worker',
    ],
  },
  {
    name: 'amazon-ecr-login: the `registries` input, and `registry-type: public`',
    files: {
      [ENTRY]: job(
        `      - id: ecr\n        uses: aws-actions/amazon-ecr-login@v2\n        with:\n          registries: "210987654321"\n        env:\n          AWS_REGION: us-west-2\n      - id: public\n        uses: aws-actions/amazon-ecr-login@v2\n        with:\n          registry-type: public\n${run('docker push ${{ steps.ecr.outputs.registry }}/shared/base\ndocker push ${{ steps.public.outputs.registry }}/acme/cli')}`,
        '    env:\n      AWS_REGION: us-west-2\n',
      ),
    },
    images: ['210987654321.dkr.ecr.us-west-2.amazonaws.com/shared/base', 'public.ecr.aws/acme/cli'],
  },
  {
    name: 'amazon-ecr-login: an account held in a secret names the secret; access keys alone name the output to add to discover.variables',
    files: {
      [ENTRY]: job(
        `      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: arn:aws:iam::\${{ secrets.AWS_ACCOUNT_ID }}:role/release\n          aws-region: us-east-1\n      - id: ecr\n        uses: aws-actions/amazon-ecr-login@v2\n${run('docker push ${{ steps.ecr.outputs.registry }}/team/api')}      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          aws-access-key-id: \${{ secrets.KEY_ID }}\n          aws-secret-access-key: \${{ secrets.KEY }}\n          aws-region: us-east-1\n      - id: keys\n        uses: aws-actions/amazon-ecr-login@v2\n${run('docker push ${{ steps.keys.outputs.registry }}/team/web')}`,
      ),
    },
    images: [],
    findings: [
      'undiscovered-destination 13: needs `secrets.AWS_ACCOUNT_ID`',
      'undiscovered-destination 22: add `steps.keys.outputs.registry: <account>.dkr.ecr.<region>.amazonaws.com` under `discover.variables`',
    ],
  },
  {
    name: "discover.variables supplies a login step's registry by its expression path",
    files: {
      [ENTRY]: job(
        `      - id: ecr\n        uses: aws-actions/amazon-ecr-login@v2\n${run('docker push ${{ steps.ecr.outputs.registry }}/team/web')}`,
      ),
    },
    options: { variables: { 'steps.ecr.outputs.registry': '123456789012.dkr.ecr.us-east-1.amazonaws.com' } },
    images: ['123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web'],
  },
  // ---- scripts and Makefiles ----
  {
    name: 'a repository script is read with the same analysis, its arguments as $1… and getopts options, reported at its own lines',
    files: {
      [ENTRY]: job(run('./scripts/push.sh -r ghcr.io/acme api\nbash scripts/push.sh -r quay.io/acme worker')),
      'scripts/push.sh':
        '#!/usr/bin/env bash\nset -euo pipefail\nwhile getopts "r:" opt; do\n  case $opt in\n    r) REGISTRY="$OPTARG" ;;\n    *) exit 1 ;;\n  esac\ndone\nshift $((OPTIND-1))\ndocker push "$REGISTRY/$1"\n',
    },
    images: ['ghcr.io/acme/api', 'quay.io/acme/worker'],
  },
  {
    name: 'make targets: variables (?=, :=, command line, environment), prerequisites first, $(MAKE) recursion, each recipe line at its line (GNU make manual)',
    files: {
      [ENTRY]: job(
        `      - env:\n          REGISTRY: ghcr.io/acme\n        run: make release VERSION=1.2.3\n`,
      ),
      Makefile:
        'REGISTRY ?= localhost:5000\nIMAGE := $(REGISTRY)/app\nTOOLS = $(REGISTRY)/tools\n\nrelease: build\n\t$(MAKE) push-tools\n\tdocker push $(IMAGE):$(VERSION)\n\nbuild:\n\tdocker build -t $(IMAGE):$(VERSION) .\n\npush-tools:\n\t@docker push $(TOOLS)\n',
    },
    images: ['ghcr.io/acme/tools', 'ghcr.io/acme/app:1.2.3'],
  },
  {
    name: 'Makefile conditionals: ifeq/ifneq/ifdef on known values take their branch; on an unknown one the variable becomes a hole, never a guess (GNU make "Conditional Parts")',
    files: {
      [ENTRY]: job(
        `      - env:\n          CHANNEL: stable\n        run: make push\n${run('make push-index INDEX=$(cat index.txt)')}`,
      ),
      Makefile:
        'ifeq ($(CHANNEL),stable)\nREPO = ghcr.io/acme/stable\nelse\nREPO = ghcr.io/acme/testing\nendif\nifdef INDEX\nINDEX_IMG = $(INDEX)\nelse\nINDEX_IMG = ghcr.io/acme/testing-index\nendif\n\npush:\n\tdocker push $(REPO)\n\npush-index:\n\tdocker push $(INDEX_IMG)\n',
    },
    images: ['ghcr.io/acme/stable'],
    findings: [
      'undiscovered-destination 16: the Makefile variable INDEX_IMG, set under a condition pullcheck cannot decide',
    ],
  },
  {
    name: 'what a repository script prints is its output: `$(bash scripts/tags.sh)` gives the tags a build pushes',
    files: {
      [ENTRY]: job(
        run(
          'read -r -a TAGS <<< "$(bash scripts/tags.sh acme/api)"\ndocker buildx build --push "${TAGS[@]}" .',
        ),
      ),
      'scripts/tags.sh':
        '#!/bin/bash\nfor registry in docker.io quay.io; do\n  printf -- "-t %s/%s:1 " "$registry" "$1"\ndone\n',
    },
    images: ['docker.io/acme/api:1', 'quay.io/acme/api:1'],
  },
  {
    name: 'pushes whose destination pullcheck cannot see are findings: no name after docker push, kaniko without --destination, a skopeo destination known only at run time, output that depends on an undecided if',
    files: {
      [ENTRY]: job(
        run(
          [
            'IMAGES=""',
            'docker push $IMAGES',
            '/kaniko/executor --context .',
            'skopeo copy docker://ghcr.io/acme/src:1 "$DESTINATION"',
            'NAME=$(if [ "$GITHUB_EVENT_NAME" = push ]; then echo prod; else echo dev; fi)',
            'docker push ghcr.io/acme/$NAME',
          ].join('\n'),
        ),
      ),
    },
    images: [],
    findings: [
      'may-push 8: `docker push` pushes to names pullcheck cannot work out',
      'may-push 9: `executor` pushes to names pullcheck cannot work out',
      'undiscovered-destination 10: `$DESTINATION`',
      'undiscovered-destination 12: the output of an `if` pullcheck cannot decide',
    ],
  },
  {
    name: 'a make target with no plain rule, or no Makefile at all, is a may-push finding at the step',
    files: {
      [ENTRY]: job(run('make push-image\nmake -C missing publish')),
      Makefile: '%-image:\n\tdocker push ghcr.io/acme/$*\n',
    },
    images: [],
    findings: [
      'may-push 7: `make push-image`: Makefile has no plain rule',
      'may-push 8: `make publish` runs a Makefile that is not in the repository',
    ],
  },
  {
    name: 'npm scripts run their package.json command',
    files: {
      [ENTRY]: job(run('npm run docker:push')),
      'package.json': JSON.stringify({ scripts: { 'docker:push': 'docker push ghcr.io/acme/node-app' } }),
    },
    images: ['ghcr.io/acme/node-app'],
  },
  {
    name: 'tools that push from their own configuration: goreleaser (its dockers and manifests), a script in another language that pushes',
    files: {
      [ENTRY]: job(
        `      - uses: goreleaser/goreleaser-action@v6\n        with:\n          args: release --clean\n${run('python3 tools/release.py')}`,
      ),
      '.goreleaser.yaml':
        'project_name: acme\ndockers:\n  - image_templates: ["ghcr.io/acme/{{ .ProjectName }}:{{ .Version }}"]\ndocker_manifests:\n  - name_template: "ghcr.io/acme/{{ .ProjectName }}-multi:{{ .Tag }}"\n',
      'tools/release.py': 'import subprocess\nsubprocess.run(["docker", "push", IMAGE])\n',
    },
    images: ['ghcr.io/acme/acme', 'ghcr.io/acme/acme-multi'],
    findings: [
      'may-push 10: tools/release.py (run with python3) pushes images in a language pullcheck does not read',
    ],
  },
  // ---- nothing silent ----
  {
    name: 'a job that logs in to a registry and pushes nothing pullcheck can see is flagged at the login',
    files: {
      [ENTRY]: job(
        `      - uses: docker/login-action@v3\n        with:\n          registry: ghcr.io\n${run('./build-and-ship')}`,
      ),
    },
    images: [],
    findings: ['may-push 6: job `release` logs in to ghcr.io but pullcheck found no push in it'],
  },
  {
    name: "a workflow that is not YAML is a finding at the error's line, not a crash",
    files: { [ENTRY]: 'on: push\njobs:\n  a:\n    steps:\n      - run: docker push x\n     bad: [\n' },
    images: [],
    findings: ['discovery 6: YAML syntax error'],
  },
  // ---- sed: run when its pattern cannot backtrack for ever, else a hole and a finding ----
  {
    name: 'sed with a BRE group (s/\\(App\\)/app/) is run on the value (sed(1) "s/regexp/replacement/")',
    files: {
      [ENTRY]: job(run('NAME=$(echo "ghcr.io/acme/App" | sed \'s/\\(App\\)/app/\')\ndocker push "$NAME:1"')),
    },
    images: ['ghcr.io/acme/app:1'],
  },
  {
    name: 'sed whose group is repeated and holds a repetition (s/\\(a*\\)*b/…/) is not run: an undiscovered destination, no hang',
    files: {
      [ENTRY]: job(
        run(`NAME=$(echo "ghcr.io/acme/${'a'.repeat(40)}c" | sed 's/\\(a*\\)*b/x/')\ndocker push "$NAME:1"`),
      ),
    },
    images: [],
    findings: ['undiscovered-destination 8: the output of `sed s/\\(a*\\)*b/x/`'],
  },
];

for (const entry of cases) {
  test(`workflow discovery — ${entry.name}`, () => {
    const found = discoverFiles(entry.files, entry.options);
    assert.deepEqual(
      found.images.map((image) => image.reference),
      entry.images,
      JSON.stringify(found.findings, null, 1),
    );
    const findings = found.findings.map(
      (finding) => `${finding.kind} ${finding.where.line}: ${finding.message}`,
    );
    for (const expected of entry.findings ?? []) {
      const [head, text] = [
        expected.slice(0, expected.indexOf(':')),
        expected.slice(expected.indexOf(':') + 2),
      ];
      assert.ok(
        findings.some((finding) => finding.startsWith(`${head}:`) && finding.includes(text)),
        `no finding "${expected}" in:\n${findings.join('\n')}`,
      );
    }
    if (!entry.findings) assert.deepEqual(findings, []);
  });
}
