// `skaffold build|run|dev` pushes every artifact of skaffold.yaml (`build.artifacts[].image`, and the
// artifacts of the profiles named with -p), rewritten onto the default repository
// (`--default-repo`/`-d`, else SKAFFOLD_DEFAULT_REPO) by skaffold's documented strategies:
// https://skaffold.dev/docs/environment/image-registries/
import { parseAllDocuments } from 'yaml';
import { concat, type Text } from '../text.ts';
import { afterSubcommand, optionSet, optionValues, parseArguments, wordText } from './arguments.ts';
import type { CommandHandler } from './context.ts';

const OPTIONS = optionSet(
  '--default-repo -d --filename -f --profile -p --tag -t --module -m --kube-context --namespace -n --file-output -q --output -o --build-image -b --cache-file --detect-minikube --label -l --platform --port-forward --rpc-port --rpc-http-port --status-check --timestamps --remote-cache-dir --digest-source --kubeconfig --verbosity -v --build-concurrency',
);

export const skaffoldBuild: CommandHandler = (words, context) => {
  const args = ['build', 'run', 'dev']
    .map((sub) => afterSubcommand(words, ['skaffold', sub], OPTIONS))
    .find(Boolean);
  if (!args) return false;
  const parsed = parseArguments(args, OPTIONS);
  if (wordText(optionValues(parsed, '--push')[0]) === 'false') return true;
  const name = wordText(optionValues(parsed, '--filename', '-f')[0] ?? ['skaffold.yaml']);
  const file = name === undefined ? undefined : context.read(name);
  if (!file) {
    context.sink.mayPush(
      `\`skaffold\` builds the artifacts of ${name ?? 'a file known only at run time'}, which is not in the repository: add its images to \`images\``,
    );
    return true;
  }
  const profiles = new Set(
    optionValues(parsed, '--profile', '-p').flatMap((p) => (wordText(p) ?? '').split(',')),
  );
  const images: string[] = [];
  try {
    for (const document of parseAllDocuments(file.text)) {
      const config = (document.toJS() ?? {}) as {
        build?: { artifacts?: { image?: unknown }[] };
        profiles?: { name?: string; build?: { artifacts?: { image?: unknown }[] } }[];
      };
      const artifacts = [
        ...(config.build?.artifacts ?? []),
        ...(config.profiles ?? [])
          .filter((p) => profiles.has(String(p.name)))
          .flatMap((p) => p.build?.artifacts ?? []),
      ];
      for (const artifact of artifacts) if (typeof artifact?.image === 'string') images.push(artifact.image);
    }
  } catch {
    context.sink.problem(`${file.file} is not valid YAML: the images skaffold pushes are not discovered`);
    return true;
  }
  const defaultRepo =
    optionValues(parsed, '--default-repo', '-d')[0] ?? context.environment.get('SKAFFOLD_DEFAULT_REPO');
  for (const image of new Set(images))
    context.sink.destination(withDefaultRepo(image, defaultRepo), `skaffold ${file.file}`);
  return true;
};

/**
 * skaffold's rewriting: no default repo, the name as written; a gcr.io or -docker.pkg.dev default repo
 * that the name already starts with, unchanged; such a default repo otherwise, `repo/name`; any other
 * default repo, `repo/` + the name with `/ . _ : @` escaped to `_`.
 */
export function withDefaultRepo(image: string, defaultRepo: Text | undefined): Text {
  const name = image.replace(/^ko:\/\//, '');
  if (!defaultRepo) return [name];
  const repo = wordText(defaultRepo);
  if (repo === undefined) return concat(defaultRepo, ['/', name.replace(/[/._:@]/g, '_')]);
  const google =
    /(^|\.)gcr\.io(\/|$)|-docker\.pkg\.dev(\/|$)/.test(repo.split('/')[0] ?? '') ||
    /-docker\.pkg\.dev$/.test(repo.split('/')[0] ?? '');
  if (google) return name.startsWith(repo) ? [name] : [`${repo}/${name}`];
  return [`${repo}/${name.replace(/[/._:@]/g, '_')}`];
}
