// The command-line tools that push images, each read as its own reference documents it: which
// subcommand pushes, which options take a value, and which argument is the destination.
import type { Text } from '../text.ts';
import {
  afterSubcommand,
  keyValues,
  optionSet,
  optionValues,
  parseArguments,
  wordText,
} from './arguments.ts';
import type { CommandContext, CommandHandler } from './context.ts';
import {
  buildPushes,
  containersPushDestination,
  positionalAt,
  skopeoCopyDestination,
  skopeoSyncDestinations,
  splitNames,
  type Destinations,
} from './push-destinations.ts';

// gcloud(1) global flags with a value.
export const GCLOUD_GLOBAL = optionSet(
  '--project --account --configuration --billing-project --flags-file --flatten --format --impersonate-service-account --verbosity --trace-token',
);
// docker(1) global options with a value.
const DOCKER_GLOBAL = optionSet(
  '--config --context -c --host -H --log-level -l --tlscacert --tlscert --tlskey',
);
// podman(1), buildah(1) global options with a value.
const CONTAINERS_GLOBAL = optionSet(
  '--root --runroot --storage-driver --storage-opt --log-level --cgroup-manager --registries-conf --registries-conf-dir --connection -c --url --identity --tmpdir --runtime --events-backend --network-cmd-path --imagestore --module --ssh --short-name-alias-conf --userns-uid-map --userns-gid-map',
);
// podman-push(1), buildah-push(1), podman-manifest-push(1), buildah-manifest-push(1).
const CONTAINERS_PUSH = optionSet(
  '--authfile --cert-dir --creds --digestfile --format -f --sign-by --sign-by-sigstore --sign-by-sigstore-private-key --sign-passphrase-file --signature-policy --compression-format --compression-level --encryption-key --encrypt-layer --retry --retry-delay --add-compression',
);
// docker-buildx-build(1) / docker-build(1) options with a value.
const DOCKER_BUILD = optionSet(
  '--add-host --allow --annotation --attest --build-arg --build-context --builder --cache-from --cache-to --call --cgroup-parent --file -f --iidfile --label --metadata-file --network --no-cache-filter --output -o --platform --progress --provenance --sbom --secret --shm-size --ssh --tag -t --target --ulimit --memory -m --memory-swap --cpu-shares --cpuset-cpus --cpu-period --cpu-quota --isolation --security-opt --squash-size',
);
// skopeo-copy(1) options with a value.
const SKOPEO_COPY = optionSet(
  '--authfile --src-authfile --dest-authfile --src-creds --dest-creds --src-username --src-password --dest-username --dest-password --src-cert-dir --dest-cert-dir --src-registry-token --dest-registry-token --src-daemon-host --dest-daemon-host --format -f --sign-by --sign-by-sigstore --sign-by-sigstore-private-key --sign-passphrase-file --sign-identity --multi-arch --retry-times --retry-delay --additional-tag --digestfile --dest-compress-format --dest-compress-level --encryption-key --encrypt-layer --decryption-key --src-shared-blob-dir --dest-shared-blob-dir --image-parallel-copies --preserve-digests-of',
);
const SKOPEO_GLOBAL = optionSet(
  '--command-timeout --override-arch --override-os --override-variant --policy --registries.d --registries-conf --tmpdir',
);
const CRANE_GLOBAL = optionSet('--platform');

interface Tool {
  readonly via: string;
  readonly paths: readonly (readonly string[])[];
  readonly global: ReadonlySet<string>;
  readonly options: ReadonlySet<string>;
  readonly destinations: Destinations;
}

const TOOLS: readonly Tool[] = [
  {
    // docker-push(1): `docker push [OPTIONS] NAME[:TAG]`; nerdctl-push likewise.
    via: 'docker push',
    paths: [
      ['docker', 'push'],
      ['docker', 'image', 'push'],
      ['nerdctl', 'push'],
      ['nerdctl', 'image', 'push'],
    ],
    global: DOCKER_GLOBAL,
    options: optionSet('--platform'),
    destinations: positionalAt(0),
  },
  {
    via: 'docker build --push',
    paths: [
      ['docker', 'build'],
      ['docker', 'image', 'build'],
      ['docker', 'buildx', 'build'],
      ['docker', 'buildx', 'b'],
      ['docker', 'builder', 'build'],
      ['docker-buildx', 'build'],
    ],
    global: optionSet([...DOCKER_GLOBAL, '--builder'].join(' ')),
    options: DOCKER_BUILD,
    destinations: buildPushes,
  },
  {
    // docker-buildx-imagetools-create(1): `-t, --tag` sets the new image's reference.
    via: 'docker buildx imagetools create',
    paths: [['docker', 'buildx', 'imagetools', 'create']],
    global: optionSet([...DOCKER_GLOBAL, '--builder'].join(' ')),
    options: optionSet('--tag -t --file -f --annotation --progress --prefer-index'),
    destinations: (parsed) => (parsed.flags.has('--dry-run') ? [] : optionValues(parsed, '--tag', '-t')),
  },
  {
    // docker-manifest-push(1): `docker manifest push [OPTIONS] MANIFEST_LIST`.
    via: 'docker manifest push',
    paths: [['docker', 'manifest', 'push']],
    global: DOCKER_GLOBAL,
    options: optionSet(''),
    destinations: positionalAt(0),
  },
  {
    // podman-push(1): `podman push [options] image [destination]`.
    via: 'podman push',
    paths: [
      ['podman', 'push'],
      ['podman', 'image', 'push'],
    ],
    global: CONTAINERS_GLOBAL,
    options: CONTAINERS_PUSH,
    destinations: containersPushDestination,
  },
  {
    // podman-manifest-push(1): `podman manifest push [options] listname [destination]`.
    via: 'podman manifest push',
    paths: [['podman', 'manifest', 'push']],
    global: CONTAINERS_GLOBAL,
    options: CONTAINERS_PUSH,
    destinations: containersPushDestination,
  },
  {
    // buildah-push(1): "If omitted, the source image parameter will be reused as destination".
    via: 'buildah push',
    paths: [['buildah', 'push']],
    global: CONTAINERS_GLOBAL,
    options: CONTAINERS_PUSH,
    destinations: containersPushDestination,
  },
  {
    // buildah-manifest-push(1): `buildah manifest push [options] listNameOrIndexName transport:details`.
    via: 'buildah manifest push',
    paths: [['buildah', 'manifest', 'push']],
    global: CONTAINERS_GLOBAL,
    options: CONTAINERS_PUSH,
    destinations: containersPushDestination,
  },
  {
    // skopeo-copy(1): `skopeo copy [options] source-image destination-image`.
    via: 'skopeo copy',
    paths: [['skopeo', 'copy']],
    global: SKOPEO_GLOBAL,
    options: SKOPEO_COPY,
    destinations: skopeoCopyDestination,
  },
  {
    // skopeo-sync(1): with `--dest docker`, each image goes to DESTINATION/<the source's last path element>.
    via: 'skopeo sync',
    paths: [['skopeo', 'sync']],
    global: SKOPEO_GLOBAL,
    options: optionSet(
      `${[...SKOPEO_COPY].join(' ')} --src -s --dest -d --scoped --append-suffix --keep-going --all -a --remove-signatures`,
    ),
    destinations: skopeoSyncDestinations,
  },
  {
    // crane_push.md: `crane push PATH IMAGE`.
    via: 'crane push',
    paths: [
      ['crane', 'push'],
      ['gcrane', 'push'],
    ],
    global: CRANE_GLOBAL,
    options: optionSet('--image-refs --platform'),
    destinations: positionalAt(1),
  },
  {
    // crane_copy.md: `crane copy SRC DST`; gcrane copy likewise (gcrane -r copies whole repositories).
    via: 'crane copy',
    paths: [
      ['crane', 'copy'],
      ['crane', 'cp'],
      ['gcrane', 'copy'],
      ['gcrane', 'cp'],
    ],
    global: CRANE_GLOBAL,
    options: optionSet('--jobs -j --platform'),
    destinations: positionalAt(1),
  },
  {
    // crane_tag.md: `crane tag IMG TAG` writes a tag into IMG's own repository.
    via: 'crane tag',
    paths: [['crane', 'tag']],
    global: CRANE_GLOBAL,
    options: optionSet(''),
    destinations: positionalAt(0),
  },
  {
    // crane_append.md / crane_mutate.md / crane_rebase.md / crane_flatten.md: the new image's tag.
    via: 'crane append',
    paths: [
      ['crane', 'append'],
      ['crane', 'mutate'],
      ['crane', 'rebase'],
      ['crane', 'flatten'],
      ['crane', 'index', 'append'],
    ],
    global: CRANE_GLOBAL,
    options: optionSet(
      '--new_tag -t --tag --base -b --new_layer -f --annotation -a --label -l --env -e --entrypoint --cmd --user --workdir --exposed-ports --ports --new_base --old_base --manifest -m',
    ),
    destinations: (parsed) => optionValues(parsed, '--new_tag', '-t', '--tag'),
  },
  {
    // regctl image copy: `regctl image copy <source_image> <dest_image>`.
    via: 'regctl image copy',
    paths: [
      ['regctl', 'image', 'copy'],
      ['regctl', 'image', 'cp'],
    ],
    global: optionSet('--host --logopt --user-agent -v --verbosity'),
    options: optionSet('--platform --referrers-src --referrers-tgt --exclude-annotation --include-external'),
    destinations: positionalAt(1),
  },
  {
    // gcloud builds submit --tag: Cloud Build builds the source and pushes it to the tag.
    via: 'gcloud builds submit --tag',
    paths: [
      ['gcloud', 'builds', 'submit'],
      ['gcloud', 'beta', 'builds', 'submit'],
    ],
    global: GCLOUD_GLOBAL,
    options: optionSet(
      '--tag -t --config --substitutions --region --machine-type --timeout --service-account --worker-pool --gcs-source-staging-dir --gcs-log-dir --ignore-file --pack',
    ),
    destinations: (parsed) => optionValues(parsed, '--tag', '-t'),
  },
  {
    // gcloud container images add-tag SRC DEST…; gcloud artifacts docker tags add SRC DEST.
    via: 'gcloud add-tag',
    paths: [
      ['gcloud', 'container', 'images', 'add-tag'],
      ['gcloud', 'artifacts', 'docker', 'tags', 'add'],
    ],
    global: GCLOUD_GLOBAL,
    options: optionSet(''),
    destinations: (parsed) => parsed.positionals.slice(1),
  },
  {
    // kaniko executor: `--destination` (`-d`), repeatable; `--no-push` builds only.
    via: 'kaniko --destination',
    paths: [['executor'], ['/kaniko/executor']],
    global: optionSet(''),
    options: optionSet(
      '--destination -d --context -c --dockerfile -f --build-arg --cache-repo --target --label --tar-path --digest-file --image-name-with-digest-file --registry-mirror --insecure-registry --skip-tls-verify-registry --snapshot-mode --verbosity',
    ),
    destinations: (parsed) => {
      if (parsed.flags.has('--no-push')) return [];
      const destinations = optionValues(parsed, '--destination', '-d');
      return destinations.length > 0 ? destinations : undefined;
    },
  },
  {
    // pack build IMAGE --publish: the buildpacks builder writes straight to the registry.
    via: 'pack build --publish',
    paths: [['pack', 'build']],
    global: optionSet(''),
    options: optionSet(
      '--builder -B --buildpack -b --env -e --env-file --path -p --run-image --tag -t --cache-image --network --pull-policy --descriptor -d --platform --previous-image --lifecycle-image --sbom-output-dir --report-output-dir --cache --volume',
    ),
    destinations: (parsed) =>
      parsed.flags.has('--publish')
        ? [...parsed.positionals.slice(0, 1), ...optionValues(parsed, '--tag', '-t')]
        : [],
  },
  {
    // apko publish CONFIG TAG…: builds and pushes to each tag.
    via: 'apko publish',
    paths: [['apko', 'publish']],
    global: optionSet(''),
    options: optionSet(
      '--arch --keyring-append -k --repository-append -r --package-append -p --sbom-path --image-refs --workdir --vcs-url --annotations --log-level --cache-dir',
    ),
    destinations: (parsed) => parsed.positionals.slice(1),
  },
  {
    // buildctl build --output type=image,name=…,push=true.
    via: 'buildctl build',
    paths: [['buildctl', 'build']],
    global: optionSet('--addr --tlsservername --tlscacert --tlscert --tlskey --tlsdir --timeout'),
    options: optionSet(
      '--output -o --frontend --opt --local --secret --ssh --export-cache --import-cache --metadata-file --progress --trace',
    ),
    destinations: (parsed) =>
      optionValues(parsed, '--output', '-o')
        .map(keyValues)
        .filter((pairs) => wordText(pairs.get('push')) === 'true')
        .flatMap((pairs) => splitNames(pairs.get('name') ?? [])),
  },
];

/** `docker run … gcr.io/kaniko-project/executor ARGS`: kaniko run as a container. */
function kanikoInDocker(words: readonly Text[], context: CommandContext): boolean {
  const args = afterSubcommand(words, ['docker', 'run'], DOCKER_GLOBAL);
  if (!args) return false;
  const at = args.findIndex((word) =>
    /(^|\/)kaniko-project\/executor(:|@|$)|(^|\/)kaniko(:|@|$)/.test(wordText(word) ?? ''),
  );
  if (at === -1) return false;
  const parsed = parseArguments(
    args.slice(at + 1),
    TOOLS.find((tool) => tool.via === 'kaniko --destination')!.options,
  );
  if (!parsed.flags.has('--no-push'))
    for (const destination of optionValues(parsed, '--destination', '-d'))
      context.sink.destination(destination, 'kaniko --destination');
  return true;
}

/** The push tools of this table, each destination reported at the command. */
export const pushTools: CommandHandler = (words, context) => {
  if (kanikoInDocker(words, context)) return true;
  for (const tool of TOOLS) {
    for (const path of tool.paths) {
      const args = afterSubcommand(words, path, tool.global);
      if (!args) continue;
      const parsed = parseArguments(args, tool.options);
      const destinations = tool.destinations(parsed, context);
      if (destinations === undefined)
        context.sink.mayPush(
          `\`${path.join(' ')}\` pushes to names pullcheck cannot work out from its arguments`,
        );
      for (const destination of destinations ?? []) context.sink.destination(destination, tool.via);
      return true;
    }
  }
  return false;
};
