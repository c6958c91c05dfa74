// Commands that may push but whose destinations pullcheck does not work out: a finding at the command,
// so nothing pushes unnoticed. Tools that push by design (goreleaser, earthly --push, bazel push
// targets, werf) and any container tool with an unrecognised subcommand that says push.
import { wordText } from './arguments.ts';
import type { CommandHandler } from './context.ts';

const CONTAINER_TOOLS = new Set([
  'docker',
  'podman',
  'buildah',
  'nerdctl',
  'skopeo',
  'crane',
  'gcrane',
  'regctl',
  'ko',
  'skaffold',
  'buildctl',
  'img',
  'kbld',
  'tilt',
  'devspace',
  'garden',
]);

export const mayPush: CommandHandler = (words, context) => {
  const argv = words.map((word) => wordText(word) ?? '');
  const tool = argv[0]?.split('/').at(-1) ?? '';
  const says = (pattern: RegExp) => argv.slice(1).some((arg) => pattern.test(arg));
  const report = (what: string) => {
    context.sink.mayPush(
      `${what}: add the images it pushes to \`images\` (or as \`discover.variables\` values)`,
    );
    return true;
  };
  if (
    tool === 'goreleaser' &&
    (argv[1] === 'release' || argv[1] === undefined || argv[1]?.startsWith('-')) &&
    !says(/^--snapshot$/)
  )
    return report(
      '`goreleaser release` pushes the images of its `dockers`/`kos` configuration, which pullcheck does not read',
    );
  if (tool === 'earthly' && says(/^--push$/))
    return report('`earthly --push` pushes the images its Earthfile SAVEs');
  if ((tool === 'bazel' || tool === 'bazelisk') && argv[1] === 'run' && says(/push/i))
    return report(`\`${tool} run\` of a push target pushes to the repository the BUILD file names`);
  if (tool === 'werf' && says(/^(?:converge|build|publish|export)$/))
    return report('`werf` pushes to its --repo');
  if (CONTAINER_TOOLS.has(tool) && says(/^(?:push|--push|publish)$|push=true|type=registry/))
    return report(`\`${argv.slice(0, 3).join(' ')}\` looks like a push pullcheck does not understand`);
  // A container tool run by another program (`parallel docker push ::: …`).
  const inner = argv.findIndex((arg, i) => i > 0 && CONTAINER_TOOLS.has(arg.split('/').at(-1) ?? ''));
  if (inner > 0 && argv.slice(inner + 1).some((arg) => /^(?:push|--push)$|push=true|type=registry/.test(arg)))
    return report(
      `\`${tool}\` runs \`${argv.slice(inner, inner + 2).join(' ')}\`, a push pullcheck does not read through it`,
    );
  return false;
};
