// Commands that run another command: wrappers (`sudo`, `env`, `timeout`, `retry`, …) whose command is
// read as if run directly, and `xargs`, which runs its command with the arguments it reads.
import { concat, missing, split, wordText, type Text } from '../text.ts';
import { MAX_LOOP_ITEMS } from './limits.ts';

// Commands that run another command given as their arguments, and their options that take a value.
const WRAPPERS: Readonly<Record<string, RegExp>> = {
  sudo: /^-(?:u|g|h|p|C|D|R|r|t|T|U)$|^--(?:user|group|host|prompt|chdir)$/,
  env: /^-[uCS]$|^--(?:unset|chdir|split-string)$/,
  time: /^-[fo]$/,
  command: /^$/,
  exec: /^-a$/,
  nohup: /^$/,
  nice: /^-n$|^--adjustment$/,
  ionice: /^-[cnpPu]$/,
  stdbuf: /^-[ioe]$/,
  flock: /^-[wEc]$/,
  retry: /^-[tdm]$|^--(?:times|delay|max-time)$/,
  timeout: /^-[sk]$|^--(?:signal|kill-after)$/,
  // npx and bunx run a package's command as if it were installed.
  npx: /^-p$|^--package$/,
  bunx: /^$/,
};

/** The command under wrappers (`sudo -u user`, `env A=B`, `timeout 600`, `retry -t 3`, …). */
export function withoutWrappers(words: readonly Text[]): readonly Text[] {
  let i = 0;
  const word = () =>
    words[i]?.length === 1 && typeof words[i]![0] === 'string' ? (words[i]![0] as string) : undefined;
  for (;;) {
    const current = word();
    const options = current === undefined ? undefined : WRAPPERS[current];
    if (!options) return i < words.length ? words.slice(i) : words;
    i++;
    while (word()?.startsWith('-') || (current === 'env' && /^[A-Za-z_]\w*=/.test(word() ?? '')))
      i += options.test(word()!) ? 2 : 1;
    // timeout DURATION, flock FILE: the word before the command.
    if (current === 'timeout' || current === 'flock') i++;
  }
}

/**
 * `xargs [options] COMMAND…`: the command with the arguments xargs reads (a hole, or stdin when known);
 * with `-I REPLACE`, each REPLACE in the command is one input line.
 */
export function xargsCommand(words: readonly Text[], stdin: Text | undefined): Text[][] | undefined {
  const text = wordText;
  if (text(words[0]) !== 'xargs') return undefined;
  let i = 1;
  let replace: string | undefined;
  while (text(words[i])?.startsWith('-')) {
    const option = text(words[i])!;
    if (option === '-I' || option === '-i') replace = text(words[++i]) ?? '{}';
    else if (option.startsWith('-I')) replace = option.slice(2);
    else if (/^-[nPLsdaE]$|^--(?:max-args|max-procs|delimiter|arg-file)$/.test(option)) i++;
    i++;
  }
  const command = words.slice(i);
  if (command.length === 0) return undefined;
  const inputs = stdin
    ? split(stdin, /\s+/).filter((input) => input.length > 0)
    : [[missing('the arguments xargs reads')]];
  if (replace === undefined) return [[...command, ...inputs]];
  return inputs
    .slice(0, MAX_LOOP_ITEMS)
    .map((input) =>
      command.map((word) =>
        concat(
          ...word.map((part) =>
            typeof part === 'string' && part.includes(replace!)
              ? concat(...part.split(replace!).flatMap((piece, n) => (n > 0 ? [input, [piece]] : [[piece]])))
              : [part],
          ),
        ),
      ),
    );
}
