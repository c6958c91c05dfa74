// The image destinations a GitHub Actions workflow pushes: docker/build-push-action `tags` (when it
// pushes), docker/metadata-action `images`, and `docker|podman|buildah push`, `skopeo copy … docker://`,
// `crane push`, `gcloud builds submit --tag` in `run:` scripts. `${{ env.X }}` resolves from the workflow,
// job and step `env:` blocks and the process environment, `${{ matrix.X }}` from the job's matrix lists;
// anything else is reported as undiscovered, with its place — never dropped, never guessed.
import { parseYamlSource, type ConfigPath } from '../core/config/yaml-source.ts';
import type { SourceLocation } from '../core/errors.ts';

export interface DiscoveredImage {
  readonly reference: string;
  readonly where: SourceLocation;
  /** What wrote it: `docker/build-push-action tags`, `docker push`, … */
  readonly via: string;
}

export interface UndiscoveredImage {
  readonly text: string;
  readonly where: SourceLocation;
  readonly reason: string;
}

export interface WorkflowDestinations {
  readonly images: readonly DiscoveredImage[];
  readonly undiscovered: readonly UndiscoveredImage[];
}

type Env = Readonly<Record<string, string>>;
type Matrix = Readonly<Record<string, readonly string[]>>;

export function workflowDestinations(text: string, file: string, processEnv: Env = {}): WorkflowDestinations {
  const source = parseYamlSource(text, file);
  const workflow = record(source.takeValue());
  const images: DiscoveredImage[] = [];
  const undiscovered: UndiscoveredImage[] = [];
  const workflowEnv = { ...processEnv, ...strings(workflow['env']) };
  for (const [jobId, jobValue] of Object.entries(record(workflow['jobs']))) {
    const job = record(jobValue);
    const jobEnv = { ...workflowEnv, ...strings(job['env']) };
    const matrix = matrixOf(record(job['strategy'])['matrix']);
    const steps: unknown[] = Array.isArray(job['steps']) ? job['steps'] : [];
    // `tags: ${{ steps.meta.outputs.tags }}` names the images of that metadata-action step, read there.
    const metadataSteps = new Set(
      steps.flatMap((step) => {
        const { id, uses } = record(step);
        return typeof id === 'string' && typeof uses === 'string' && /^docker\/metadata-action@/.test(uses)
          ? [id]
          : [];
      }),
    );
    // Only the whole list is theirs: `app:${{ steps.meta.outputs.version }}` is an image with an unknown tag.
    const fromMetadata = (tag: string) => {
      const id = /^\$\{\{\s*steps\.([\w-]+)\.outputs\.tags\s*\}\}$/.exec(tag.trim())?.[1];
      return id !== undefined && metadataSteps.has(id);
    };
    steps.forEach((stepValue, s) => {
      const step = record(stepValue);
      const at = (...rest: ConfigPath) => source.locate(['jobs', jobId, 'steps', s, ...rest]);
      const env = { ...jobEnv, ...strings(step['env']) };
      const add = (raw: string, where: SourceLocation, via: string) => {
        for (const expanded of expand(withoutUnknownTag(raw.trim()), env, matrix)) {
          if ('unresolved' in expanded)
            undiscovered.push({ text: asWritten(raw.trim()), where, reason: expanded.unresolved });
          else if (expanded.value) images.push({ reference: expanded.value, where, via });
        }
      };
      const uses = typeof step['uses'] === 'string' ? step['uses'] : '';
      const withInputs = record(step['with']);
      if (/^docker\/build-push-action@/.test(uses) && pushes(withInputs['push'])) {
        for (const tag of list(withInputs['tags'])) {
          if (!fromMetadata(tag)) add(tag, at('with', 'tags'), 'docker/build-push-action tags');
        }
      }
      if (/^docker\/metadata-action@/.test(uses)) {
        // Each line may carry options after a comma (name=…,enable=…): the first field is the image.
        for (const line of lines(withInputs['images'])) {
          const image = /^name=/.test(line) ? line.split(',')[0]!.slice('name='.length) : line.split(',')[0]!;
          add(image, at('with', 'images'), 'docker/metadata-action images');
        }
      }
      if (typeof step['run'] === 'string') {
        for (const command of scriptDestinations(step['run'])) add(command.image, at('run'), command.via);
      }
    });
  }
  return { images: dedupe(images), undiscovered };
}

/** `push:` of build-push-action: false by default; an expression may be true, so it counts. */
function pushes(value: unknown): boolean {
  if (value === true || value === 'true') return true;
  return typeof value === 'string' && value.includes('${{');
}

// `run:` scripts are read as the shell reads them, then each push command's arguments as its man page
// defines them. Regexes over the raw text could not tell an option's value from an image: they reported
// the source of `skopeo copy --dest-creds u:p SRC DST`, `linux/amd64` for `docker push --platform …`, and
// the credential of `podman push --creds user:TOKEN IMAGE` as an image.

/** A command that pushes: how it is called, the options that take the next word, where it pushes to. */
interface PushCommand {
  readonly via: string;
  readonly names: readonly (readonly string[])[];
  /** Options written `--option value` (never booleans: `--tls-verify false` is not how pflag reads them). */
  readonly valueOptions: ReadonlySet<string>;
  /** The tool's global options that take a value, written before the subcommand (`docker -H host push`). */
  readonly globalOptions: ReadonlySet<string>;
  readonly destination: (
    positionals: readonly string[],
    options: ReadonlyMap<string, string>,
  ) => string | undefined;
}

// podman-push(1), buildah-push(1).
const CONTAINERS_PUSH_OPTIONS = new Set(
  '--authfile --cert-dir --creds --digestfile --format -f --sign-by --sign-by-sigstore --sign-by-sigstore-private-key --sign-passphrase-file --signature-policy --compression-format --compression-level --encryption-key --encrypt-layer --retry --retry-delay'.split(
    ' ',
  ),
);

const optionSet = (text: string): ReadonlySet<string> => new Set(text.split(' '));
// podman(1), buildah(1): global options with a value.
const CONTAINERS_GLOBAL_OPTIONS = optionSet(
  '--root --runroot --storage-driver --storage-opt --log-level --cgroup-manager --registries-conf --registries-conf-dir --connection -c --url --identity --tmpdir --runtime --events-backend --network-cmd-path --imagestore --module --ssh --short-name-alias-conf --userns-uid-map --userns-gid-map',
);

const PUSH_COMMANDS: readonly PushCommand[] = [
  {
    // docker-push(1): `docker push [OPTIONS] NAME[:TAG]`.
    via: 'docker push',
    names: [
      ['docker', 'push'],
      ['docker', 'image', 'push'],
    ],
    valueOptions: new Set(['--platform']),
    // docker(1): --config, --context/-c, --host/-H, --log-level/-l, --tlscacert, --tlscert, --tlskey.
    globalOptions: optionSet('--config --context -c --host -H --log-level -l --tlscacert --tlscert --tlskey'),
    destination: ([image]) => image,
  },
  {
    // podman-push(1): `podman push [options] image [destination]`: the destination, when given.
    via: 'podman push',
    names: [
      ['podman', 'push'],
      ['podman', 'image', 'push'],
    ],
    valueOptions: CONTAINERS_PUSH_OPTIONS,
    globalOptions: CONTAINERS_GLOBAL_OPTIONS,
    destination: ([image, destination]) => registryReference(destination ?? image),
  },
  {
    // buildah-push(1): `buildah push [options] image [destination]`: "If omitted, the source image
    // parameter will be reused as destination".
    via: 'buildah push',
    names: [['buildah', 'push']],
    valueOptions: CONTAINERS_PUSH_OPTIONS,
    globalOptions: CONTAINERS_GLOBAL_OPTIONS,
    destination: ([image, destination]) => registryReference(destination ?? image),
  },
  {
    // skopeo-copy(1): `skopeo copy [options] source-image destination-image`, to a registry only via docker://.
    via: 'skopeo copy',
    names: [['skopeo', 'copy']],
    valueOptions: new Set(
      '--authfile --src-authfile --dest-authfile --src-creds --dest-creds --src-username --src-password --dest-username --dest-password --src-cert-dir --dest-cert-dir --src-registry-token --dest-registry-token --src-daemon-host --dest-daemon-host --format -f --sign-by --sign-by-sigstore --sign-by-sigstore-private-key --sign-passphrase-file --sign-identity --multi-arch --retry-times --retry-delay --additional-tag --digestfile --dest-compress-format --dest-compress-level --encryption-key --encrypt-layer --decryption-key --src-shared-blob-dir --dest-shared-blob-dir --image-parallel-copies'.split(
        ' ',
      ),
    ),
    // skopeo(1): global options with a value.
    globalOptions: optionSet(
      '--command-timeout --override-arch --override-os --override-variant --policy --registries.d --registries-conf --tmpdir',
    ),
    destination: ([, destination]) =>
      destination?.startsWith('docker://') ? destination.slice('docker://'.length) : undefined,
  },
  {
    // crane_push.md: `crane push PATH IMAGE [flags]`.
    via: 'crane push',
    names: [['crane', 'push']],
    valueOptions: new Set(['--image-refs', '--platform']),
    // crane(1): --platform is a global flag too.
    globalOptions: optionSet('--platform'),
    destination: ([, image]) => image,
  },
  {
    via: 'gcloud builds submit --tag',
    names: [['gcloud', 'builds', 'submit']],
    valueOptions: new Set(['--tag', '-t']),
    // gcloud(1) global flags with a value.
    globalOptions: optionSet(
      '--project --account --configuration --billing-project --flags-file --flatten --format --impersonate-service-account --verbosity --trace-token',
    ),
    destination: (_, options) => options.get('--tag') ?? options.get('-t'),
  },
];

/** containers-transports(5): `docker://` is a registry; the other transports write files, storage or a daemon. */
function registryReference(reference: string | undefined): string | undefined {
  if (reference?.startsWith('docker://')) return reference.slice('docker://'.length);
  const local = /^(?:containers-storage|dir|docker-archive|docker-daemon|oci|oci-archive|ostree|sif):/;
  return reference !== undefined && local.test(reference) ? undefined : reference;
}

// sudo(8) options that take a value.
const SUDO_VALUE_OPTIONS = new Set(
  '-u --user -g --group -h --host -p --prompt -C --close-from -D --chdir -R --chroot -r --role -t --type -T --command-timeout -U --other-user'.split(
    ' ',
  ),
);

/** Destinations in a shell script. */
export function scriptDestinations(script: string): { image: string; via: string }[] {
  const found: { image: string; via: string }[] = [];
  for (const words of shellCommands(script)) {
    const command = withoutPrefixes(words);
    for (const { via, names, valueOptions, globalOptions, destination } of PUSH_COMMANDS) {
      const args = names
        .map((name) => argumentsAfter(command, name, globalOptions))
        .find((match) => match !== undefined);
      if (!args) continue;
      const { positionals, options } = parsedArguments(args, valueOptions);
      const image = destination(positionals, options);
      if (image) found.push({ image, via });
    }
  }
  return found;
}

/** The command after `NAME=value` assignments and `sudo [options]`. */
function withoutPrefixes(words: readonly string[]): readonly string[] {
  let i = 0;
  for (;;) {
    if (/^[A-Za-z_]\w*=/.test(words[i] ?? '')) i++;
    else if (words[i] === 'sudo') {
      i++;
      while (words[i]?.startsWith('-')) i += SUDO_VALUE_OPTIONS.has(words[i]!) ? 2 : 1;
    } else return words.slice(i);
  }
}

/**
 * The arguments after `name` (`docker image push`). Global options before a subcommand
 * (`skopeo --insecure-policy copy`, `docker -H host push`) are passed over with their values.
 */
function argumentsAfter(
  words: readonly string[],
  name: readonly string[],
  globalOptions: ReadonlySet<string>,
): readonly string[] | undefined {
  let i = 0;
  for (const [n, part] of name.entries()) {
    while (n > 0 && words[i]?.startsWith('-')) i += globalOptions.has(words[i]!) ? 2 : 1;
    if (words[i] !== part) return undefined;
    i++;
  }
  return words.slice(i);
}

/** Positional arguments and option values: `--option=value` is one word, a value option takes the next. */
function parsedArguments(args: readonly string[], valueOptions: ReadonlySet<string>) {
  const positionals: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    if (equals !== -1) options.set(arg.slice(0, equals), arg.slice(equals + 1));
    else if (valueOptions.has(arg)) options.set(arg, args[++i] ?? '');
  }
  return { positionals, options };
}

/**
 * The simple commands of a script as shell words: backslash-newline joins lines; newlines, `;`, `&`,
 * `|` and parentheses separate commands; quotes and backslashes are honoured; `#` starting a word
 * comments out the rest of the line; redirections (`2>&1`, `> log`) are dropped with their target.
 * `${{ … }}` is one word (GitHub substitutes it before the shell runs), compacted to `${{expr}}` so
 * it expands like the other tags; `$VAR` and `${VAR}` are kept as written.
 */
function shellCommands(script: string): string[][] {
  const text = withoutHeredocBodies(script.replace(/\\\r?\n/g, ''));
  const commands: string[][] = [];
  let words: string[] = [];
  let word: string | undefined; // undefined between words; '' for a quoted empty word
  let quote: string | undefined;
  let redirection = false; // the next word is a redirection's target
  const append = (chars: string) => (word = (word ?? '') + chars);
  const endWord = () => {
    if (word !== undefined && !redirection) words.push(word);
    else if (word !== undefined) redirection = false;
    word = undefined;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
    redirection = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const next = text[i + 1] ?? '';
    if (text.startsWith('${{', i)) {
      const close = text.includes('}}', i) ? text.indexOf('}}', i) : text.length;
      append('$' + `{{${text.slice(i + 3, close).trim()}}}`);
      i = close + 1;
    } else if (quote === "'") {
      if (c === quote) quote = undefined;
      else append(c);
    } else if (quote === '"') {
      if (c === quote) quote = undefined;
      else if (c === '\\' && /["\\$`]/.test(next)) append(text[++i]!);
      else append(c);
    } else if (c === "'" || c === '"') {
      quote = c;
      append('');
    } else if (c === '\\') append(text[++i] ?? '');
    else if (c === '#' && word === undefined) {
      const newline = text.indexOf('\n', i);
      i = (newline === -1 ? text.length : newline) - 1;
    } else if ('\n;&|()'.includes(c)) endCommand();
    else if (/\s/.test(c)) endWord();
    else if (c === '<' || c === '>') {
      if (word !== undefined && /^\d+$/.test(word)) word = undefined; // the `2` of `2>`
      endWord();
      while (/[<>&|]/.test(text[i + 1] ?? '')) i++; // `>>`, `>&` (`2>&1`), `>|`
      redirection = true;
    } else append(c);
  }
  endCommand();
  return commands;
}

/**
 * Here-document bodies are data, not commands (sh(1) "Here-Documents": the lines up to the delimiter): a
 * Dockerfile or script written with `cat <<EOF` must not be read as pushes.
 */
function withoutHeredocBodies(text: string): string {
  const kept: string[] = [];
  const pending: { delimiter: string; tabs: boolean }[] = [];
  for (const line of text.split('\n')) {
    const open = pending[0];
    if (open) {
      if ((open.tabs ? line.replace(/^\t+/, '') : line).trim() === open.delimiter) pending.shift();
      kept.push('');
      continue;
    }
    kept.push(line);
    for (const match of line.matchAll(/(?<!<)<<(-?)\s*(['"]?)([\w.-]+)\2/g)) {
      pending.push({ delimiter: match[3]!, tabs: match[1] === '-' });
    }
  }
  return kept.join('\n');
}

const EXPRESSION = /\$\{\{\s*([^}]*?)\s*\}\}|\$\{(\w+)\}|\$(\w+)/g;

/** Every value of `text` after substituting what can be known; one entry per matrix value. */
function expand(text: string, env: Env, matrix: Matrix): ({ value: string } | { unresolved: string })[] {
  let values: string[] = [text];
  for (const match of text.matchAll(EXPRESSION)) {
    const [whole, expression, braced, bare] = match;
    const name = expression ?? braced ?? bare ?? '';
    let replacements: readonly string[] | undefined;
    const envName = expression ? /^env\.(\w+)$/.exec(expression)?.[1] : name;
    const matrixName = expression ? /^matrix\.(\w+)$/.exec(expression)?.[1] : undefined;
    if (envName !== undefined && env[envName] !== undefined) replacements = [env[envName]];
    else if (matrixName !== undefined && matrix[matrixName]) replacements = matrix[matrixName];
    if (!replacements) {
      return [
        {
          unresolved: `${expression !== undefined ? displayed(expression) : whole} cannot be resolved from the workflow: add the image to \`images\` in the config`,
        },
      ];
    }
    values = values.flatMap((value) => replacements.map((replacement) => value.replace(whole, replacement)));
  }
  return values.map((value) => ({ value }));
}

/**
 * Tags do not change a verdict: a tag written with an expression (`app:${{ github.sha }}`) is dropped
 * rather than making the whole destination undiscoverable.
 */
function withoutUnknownTag(reference: string): string {
  const lastSlash = reference.lastIndexOf('/');
  const colon = reference.indexOf(':', lastSlash + 1);
  if (colon === -1) return reference;
  const tag = reference.slice(colon + 1);
  return /\$\{\{|\$\{?\w/.test(tag) ? reference.slice(0, colon) : reference;
}

/** Expressions as people write them, after scriptDestinations compacted them. */
function asWritten(text: string): string {
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) => displayed(expression));
}

/** An expression as people write it: `${{ steps.login.outputs.registry }}`. */
function displayed(expression: string): string {
  return '$' + `{{ ${expression} }}`;
}

function matrixOf(value: unknown): Matrix {
  const matrix: Record<string, readonly string[]> = {};
  for (const [key, entries] of Object.entries(record(value))) {
    if (Array.isArray(entries) && entries.every((entry) => ['string', 'number'].includes(typeof entry))) {
      matrix[key] = entries.map(String);
    }
  }
  return matrix;
}

/** `tags:` is a newline or comma separated list. */
function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string'
    ? value
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter(Boolean)
    : [];
}

function lines(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string'
    ? value
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
    : [];
}

function strings(value: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record(value)).flatMap(([key, entry]) =>
      ['string', 'number', 'boolean'].includes(typeof entry) ? [[key, String(entry)]] : [],
    ),
  );
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function dedupe(images: DiscoveredImage[]): DiscoveredImage[] {
  const seen = new Set<string>();
  return images.filter((image) => !seen.has(image.reference) && seen.add(image.reference));
}
