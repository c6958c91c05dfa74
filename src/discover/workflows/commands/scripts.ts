// Scripts the workflow runs: a repository shell script (`./scripts/push.sh`, `bash deploy/push.sh a b`,
// `bash -c '…'`) is read with the same shell analysis, its arguments as `$1`…; an npm/yarn/pnpm script
// is its `package.json` command. A script in another language that mentions a push is a may-push.
import { type Text } from '../text.ts';
import { wordText } from './arguments.ts';
import type { CommandContext, CommandHandler } from './context.ts';

const SHELLS = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh']);
const INTERPRETERS = new Set([
  'python',
  'python3',
  'node',
  'ruby',
  'perl',
  'deno',
  'bun',
  'pwsh',
  'tsx',
  'ts-node',
]);
const PUSH_WORDS =
  /\b(?:docker|podman|buildah|nerdctl)\b[^\n]*\bpush\b|--push\b|\bskopeo\s+copy\b|\bcrane\s+(?:push|copy|cp)\b|\bjib:build\b|KO_DOCKER_REPO|\bimagetools\s+create\b/;

export const repositoryScripts: CommandHandler = (words, context) => {
  const command = wordText(words[0]);
  if (command === undefined) return false;
  const name = command.split('/').at(-1)!;
  if (SHELLS.has(name)) {
    let i = 1;
    while (wordText(words[i])?.startsWith('-') && wordText(words[i]) !== '-c') i++;
    if (wordText(words[i]) === '-c') {
      const script = wordText(words[i + 1]);
      if (script === undefined) {
        context.sink.mayPush(`\`${command} -c\` runs a script known only at run time`);
        return true;
      }
      context.runScript(
        { kind: 'inline', text: script },
        words.slice(i + 3),
        context.environment,
        context.cwd,
      );
      return true;
    }
    const path = wordText(words[i]);
    if (path === undefined) return words[i] !== undefined;
    if (runFile(path, words.slice(i + 1), context, true)) return true;
    // A script made at run time (or downloaded) cannot be read: it may push.
    context.sink.mayPush(
      `\`${name} ${path}\` runs a script that is not in the repository: if it pushes, add its images to \`images\``,
    );
    return true;
  }
  if (INTERPRETERS.has(name)) {
    const path = words
      .slice(1)
      .map(wordText)
      .find((word) => word !== undefined && !word.startsWith('-'));
    const file = path === undefined ? undefined : context.read(path);
    if (file && PUSH_WORDS.test(file.text))
      context.sink.mayPush(
        `${file.file} (run with ${name}) pushes images in a language pullcheck does not read: add its destinations to \`images\``,
      );
    return file !== undefined;
  }
  if (['npm', 'yarn', 'pnpm'].includes(name)) return packageScript(name, words, context);
  if (command.includes('/') || command.endsWith('.sh'))
    return runFile(command, words.slice(1), context, false);
  return false;
};

function runFile(path: string, args: readonly Text[], context: CommandContext, viaShell: boolean): boolean {
  const file = context.read(path);
  if (!file) return false;
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(file.text)?.slice(1).join(' ') ?? '';
  const shell =
    viaShell || /\.(?:sh|bash)$/.test(path) || /\b(?:ba|z|da|k)?sh\b/.test(shebang) || shebang === '';
  if (!shell) {
    if (PUSH_WORDS.test(file.text))
      context.sink.mayPush(
        `${file.file} pushes images in a language pullcheck does not read: add its destinations to \`images\``,
      );
    return true;
  }
  context.runScript({ kind: 'file', file }, args, context.environment, context.cwd);
  return true;
}

/** `npm run NAME`, `yarn NAME`, `pnpm run NAME`: package.json's `scripts.NAME`, with its `pre`/`post` scripts. */
function packageScript(tool: string, words: readonly Text[], context: CommandContext): boolean {
  const args = words.slice(1).map(wordText);
  let at = args[0] === 'run' || args[0] === 'run-script' ? 1 : tool === 'npm' ? -1 : 0;
  if (at === -1) return false;
  while (args[at]?.startsWith('-')) at++;
  const script = args[at];
  const manifest = context.read('package.json');
  if (!script || !manifest) return false;
  let scripts: Record<string, unknown>;
  try {
    scripts = (JSON.parse(manifest.text) as { scripts?: Record<string, unknown> }).scripts ?? {};
  } catch {
    return false;
  }
  if (typeof scripts[script] !== 'string') return false;
  const extra = words.slice(at + 2).filter((_, i) => !(i === 0 && wordText(words[at + 1]) === '--'));
  for (const name of [`pre${script}`, script, `post${script}`]) {
    const text = scripts[name];
    if (typeof text === 'string')
      context.runScript(
        { kind: 'inline', text: name === script && extra.length > 0 ? `${text} "$@"` : text },
        name === script ? extra : [],
        context.environment,
        context.cwd,
      );
  }
  return true;
}
