// `goreleaser release` (and goreleaser/goreleaser-action) pushes the images its configuration names:
// `dockers[].image_templates`, `docker_manifests[].name_template`, `dockers_v2[].images`, and
// `kos[].repositories`. Go templates read `{{ .Env.NAME }}` from the environment and `{{ .ProjectName }}`
// from `project_name`; the version and tag fields are tags. `--snapshot` and `--skip=docker` (or
// `--skip=publish`) push nothing. goreleaser.com/customization/docker
import { parse as parseYaml } from 'yaml';
import { concat, missing, type Text } from '../text.ts';
import { wordText } from './arguments.ts';
import type { CommandContext, CommandHandler } from './context.ts';

const CONFIG_FILES = ['.goreleaser.yml', '.goreleaser.yaml', 'goreleaser.yml', 'goreleaser.yaml'];

export const goreleaserRelease: CommandHandler = (words, context) => {
  if (wordText(words[0])?.split('/').at(-1) !== 'goreleaser') return false;
  const args = words.slice(1).map((word) => wordText(word) ?? '');
  if (args[0] !== undefined && !args[0].startsWith('-') && args[0] !== 'release') return true;
  if (
    args.includes('--snapshot') ||
    args.some((arg) => /^--skip(?:-publish|=.*\b(?:docker|publish)\b)/.test(arg))
  )
    return true;
  const named =
    args.find((arg, i) => args[i - 1] === '--config' || args[i - 1] === '-f') ??
    args.find((arg) => arg.startsWith('--config='))?.slice('--config='.length);
  const file = (named ? [named] : CONFIG_FILES).map((name) => context.read(name)).find(Boolean);
  if (!file) {
    context.sink.mayPush(
      '`goreleaser release` pushes the images of its configuration, which is not in the repository: add them to `images`',
    );
    return true;
  }
  let config: GoreleaserConfig;
  try {
    config = (parseYaml(file.text) ?? {}) as GoreleaserConfig;
  } catch {
    context.sink.problem(`${file.file} is not valid YAML: the images goreleaser pushes are not discovered`);
    return true;
  }
  const project = config.project_name ?? undefined;
  const templates = [
    ...(config.dockers ?? []).flatMap((docker) => docker.image_templates ?? []),
    ...(config.docker_manifests ?? []).flatMap((manifest) =>
      manifest.name_template ? [manifest.name_template] : [],
    ),
    ...(config.dockers_v2 ?? []).flatMap((docker) => docker.images ?? []),
    ...(config.kos ?? []).flatMap((ko) => [
      ...(ko.repositories ?? []),
      ...(ko.repository ? [ko.repository] : []),
    ]),
  ];
  for (const template of new Set(templates.filter((t): t is string => typeof t === 'string')))
    context.sink.destination(render(template, context, project), `goreleaser (${file.file})`);
  return true;
};

interface GoreleaserConfig {
  project_name?: string;
  dockers?: { image_templates?: unknown[] }[];
  docker_manifests?: { name_template?: string }[];
  dockers_v2?: { images?: unknown[] }[];
  kos?: { repositories?: string[]; repository?: string }[];
}

/** A Go template's fields as far as the repository says; every other field is a hole. */
function render(template: string, context: CommandContext, project: string | undefined): Text {
  const parts: Text[] = [];
  let at = 0;
  for (const match of template.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
    parts.push([template.slice(at, match.index)]);
    at = match.index + match[0].length;
    const field = match[1]!;
    const env = /^\.Env\.(\w+)$/.exec(field)?.[1];
    if (env !== undefined)
      parts.push(context.environment.get(env) ?? [missing(`$${env}`, 'the workflow does not set it')]);
    else if (field === '.ProjectName' && project) parts.push([project]);
    else parts.push([missing(`goreleaser's {{ ${field} }}`, 'a value goreleaser computes when it runs')]);
  }
  parts.push([template.slice(at)]);
  return concat(...parts);
}
