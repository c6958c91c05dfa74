// `ko build|publish|resolve|apply|create|run`: Go binaries pushed under KO_DOCKER_REPO. The name is
// ko's documented scheme (ko.build "Naming Images"): by default `<last element>-<md5 of the import
// path>`, `--base-import-paths`/`-B` the last element, `--preserve-import-paths`/`-P` the whole path,
// `--bare` KO_DOCKER_REPO itself. Import paths come from go.mod's module line; `ko.local` and
// `--push=false`/`--local` push nothing.
import { createHash } from 'node:crypto';
import { concat, missing, type Text } from '../text.ts';
import { afterSubcommand, optionSet, optionValues, parseArguments, wordText } from './arguments.ts';
import type { CommandContext, CommandHandler } from './context.ts';

const OPTIONS = optionSet(
  '--platform --tags -t --image-refs --image-label --image-annotation --sbom --sbom-dir --tag-only -f --filename --selector -l --oci-layout-path --tarball --jobs -j --docker-repo',
);
const SUBCOMMANDS = ['build', 'publish', 'resolve', 'apply', 'create', 'run'];

export const koBuild: CommandHandler = (words, context) => {
  const found = SUBCOMMANDS.map((sub) => ({
    sub,
    args: afterSubcommand(words, ['ko', sub], optionSet('-v --verbose')),
  })).find((f) => f.args);
  if (!found?.args) return false;
  const parsed = parseArguments(found.args, OPTIONS);
  if (
    parsed.flags.has('--local') ||
    parsed.flags.has('-L') ||
    wordText(optionValues(parsed, '--push')[0]) === 'false'
  )
    return true;
  const repo = context.environment.get('KO_DOCKER_REPO') ?? [
    missing('$KO_DOCKER_REPO', 'ko pushes under KO_DOCKER_REPO: set it in the workflow'),
  ];
  if (wordText(repo) === 'ko.local' || wordText(repo)?.startsWith('kind.local')) return true;
  if (found.sub === 'resolve' || found.sub === 'apply' || found.sub === 'create') {
    context.sink.mayPush(
      `\`ko ${found.sub}\` pushes every \`ko://\` image its YAML names under ${shownRepo(repo)}: add those images to \`images\``,
    );
    return true;
  }
  const bare = parsed.flags.has('--bare');
  const base = parsed.flags.has('--base-import-paths') || parsed.flags.has('-B');
  const preserve = parsed.flags.has('--preserve-import-paths') || parsed.flags.has('-P');
  for (const target of parsed.positionals.length > 0 ? parsed.positionals : [['.']]) {
    if (bare) {
      context.sink.destination(repo, 'ko build --bare');
      continue;
    }
    // -B needs only the last element, which the path itself gives.
    const written = wordText(target)
      ?.replace(/^ko:\/\//, '')
      .replace(/\/$/, '');
    const importPath = base && written && written !== '.' ? written : importPathOf(wordText(target), context);
    if (importPath === undefined) {
      context.sink.mayPush(
        `\`ko ${found.sub}\` of an import path pullcheck cannot resolve (go.mod not found): add the image to \`images\``,
      );
      continue;
    }
    const last = importPath.split('/').at(-1)!;
    const name = preserve
      ? importPath
      : base
        ? last
        : `${last}-${createHash('md5').update(importPath).digest('hex')}`;
    // ko joins the repository and the name as paths: a trailing `/` on KO_DOCKER_REPO is not doubled.
    context.sink.destination(
      concat(withoutTrailingSlash(repo), [`/${name.toLowerCase()}`]),
      `ko ${found.sub}`,
    );
  }
  return true;
};

function importPathOf(target: string | undefined, context: CommandContext): string | undefined {
  if (target === undefined) return undefined;
  const path = target.replace(/^ko:\/\//, '');
  if (!path.startsWith('.')) return path;
  const goMod = context.read('go.mod');
  const module = goMod && /^module\s+(\S+)/m.exec(goMod.text)?.[1];
  if (!module) return undefined;
  const relative = path.replace(/^\.\/?/, '').replace(/\/$/, '');
  return relative ? `${module}/${relative}` : module;
}

function withoutTrailingSlash(repo: Text): Text {
  const end = repo.at(-1);
  return typeof end === 'string' && end.endsWith('/') ? concat(repo.slice(0, -1), [end.slice(0, -1)]) : repo;
}

function shownRepo(repo: Text): string {
  return wordText(repo) ?? '$KO_DOCKER_REPO';
}
