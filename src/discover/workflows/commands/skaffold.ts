// `skaffold build|run|dev` pushes every artifact of skaffold.yaml (`build.artifacts[].image`, and the
// artifacts of the profiles named with -p), rewritten onto the default repository
// (`--default-repo`/`-d`, else SKAFFOLD_DEFAULT_REPO) by skaffold's documented strategies:
// https://skaffold.dev/docs/environment/image-registries/
import { parseAllDocuments } from 'yaml';
import { concat, type Text } from '../text.ts';
import { afterSubcommand, optionSet, optionValues, parseArguments, wordText } from './arguments.ts';
import type { CommandHandler } from './context.ts';
import { skaffoldDeploy } from './skaffold-deploy.ts';

const OPTIONS = optionSet(
  '--default-repo -d --filename -f --profile -p --tag -t --module -m --kube-context --namespace -n --file-output -q --output -o --build-image -b --cache-file --detect-minikube --label -l --platform --port-forward --rpc-port --rpc-http-port --status-check --timestamps --remote-cache-dir --digest-source --kubeconfig --verbosity -v --build-concurrency',
);

export const skaffoldBuild: CommandHandler = (words, context) => {
  const sub = ['build', 'run', 'dev', 'deploy'].find((name) =>
    afterSubcommand(words, ['skaffold', name], OPTIONS),
  );
  if (!sub) return false;
  const parsed = parseArguments(afterSubcommand(words, ['skaffold', sub], OPTIONS)!, OPTIONS);
  const pushes = sub !== 'deploy' && wordText(optionValues(parsed, '--push')[0]) !== 'false';
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
  const configs: Record<string, unknown>[] = [];
  try {
    for (const document of parseAllDocuments(file.text)) {
      configs.push((document.toJS() ?? {}) as Record<string, unknown>);
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
  const artifacts = new Map(
    [...new Set(images)].map((image) => [image, withDefaultRepo(image, defaultRepo)]),
  );
  if (pushes)
    for (const pushed of artifacts.values()) context.sink.destination(pushed, `skaffold ${file.file}`);
  if (sub !== 'build')
    skaffoldDeploy(
      {
        configs,
        profiles,
        file: file.path,
        namespace: optionValues(parsed, '--namespace', '-n')[0],
        artifacts,
        via: `skaffold ${sub}`,
      },
      context.sink,
    );
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
