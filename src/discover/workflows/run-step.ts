// A `run:` step (or a repository script it calls) through the shell analysis: GitHub substitutes
// `${{ … }}` into the text first, as the runner does; each command is offered to the push-tool handlers
// and reported at its own line; `$GITHUB_ENV` and `$GITHUB_OUTPUT` writes come back to the job.
import path from 'node:path';
import type { SourceLocation } from '../../core/errors.ts';
import type { JobFacts } from './actions/call.ts';
import { optionSet, parseArguments, wordText } from './commands/arguments.ts';
import type { CommandContext, ScriptSource } from './commands/context.ts';
import { HANDLERS } from './commands/handlers.ts';
import { asText, type Resolve, evaluate } from './expression.ts';
import type { Repository } from './repository.ts';
import { Shell, type ShellCommand, type ShellHost } from './shell/interpreter.ts';
import { sinkAt, type Collected } from './sites.ts';
import { concat, holeMarker, isMissing, missing, shown, split, type Text } from './text.ts';

/** Commands that log in to a registry: a job that logs in and pushes nothing seen is flagged. */
const LOGIN =
  /^(?:docker|podman|buildah|skopeo|nerdctl|helm|oras|crane|regctl)\s+(?:registry\s+)?login\b|^gcloud\s+auth\s+configure-docker\b|^crane\s+auth\s+login\b/;

/**
 * A login with GitHub's OIDC token written by hand (STS or gcloud asked directly, or the token endpoint read):
 * the CI path reads the login actions only, so such a step is said, not passed over.
 */
const HAND_OIDC_LOGIN =
  /^aws\s+sts\s+assume-role-with-web-identity\b|^gcloud\s+(?:beta\s+)?iam\s+workload-identity-pools\s+create-cred-config\b|ACTIONS_ID_TOKEN_REQUEST_(?:URL|TOKEN)/;

export interface StepContext {
  readonly repository: Repository;
  readonly collected: Collected;
  readonly facts: JobFacts;
  /** A write to `$GITHUB_ENV` or `$GITHUB_OUTPUT`. */
  readonly write: (file: string, content: Text) => void;
  readonly login: (registry: string, where: SourceLocation) => void;
}

/** Where each line of a script is in its file. */
export interface ScriptOrigin {
  readonly file: string;
  readonly lineOf: (scriptLine: number) => SourceLocation;
  /** For a repository script: the workflow line whose command runs it (through any scripts between). */
  readonly runBy?: SourceLocation;
}

const MAX_SCRIPT_DEPTH = 8;

/**
 * Substitutes `${{ … }}` as the runner does before the shell starts. A hole cannot be written into shell
 * text, so it becomes a shell variable bound to the hole.
 */
export function substituteExpressions(
  script: string,
  resolve: Resolve,
  environment: Map<string, Text>,
): string {
  return script.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expression: string) =>
    asText(evaluate(expression, resolve))
      .map((part) => {
        if (typeof part === 'string') return part.replace(/\n/g, ' ');
        const name = `__pullcheck_hole_${environment.size}`;
        environment.set(name, [part]);
        return holeMarker(name);
      })
      .join(''),
  );
}

export function runScript(
  script: string,
  environment: ReadonlyMap<string, Text>,
  cwd: string,
  origin: ScriptOrigin,
  context: StepContext,
  args: readonly Text[] = [],
  stack: readonly string[] = [],
  scriptPath?: string,
): Text {
  const host = new StepHost(origin, context, stack);
  const shell = new Shell(host, environment, cwd, scriptPath);
  return shell.run(script, args);
}

/**
 * One command line that a step runs without a shell (a `docker://` step's image with its `args`, an action
 * that runs a tool): read by the same handlers as a `run:` script's commands, reported at `where`.
 */
export function runCommandLine(
  words: readonly Text[],
  environment: ReadonlyMap<string, Text>,
  cwd: string,
  where: SourceLocation,
  context: StepContext,
): void {
  new StepHost({ file: where.file, lineOf: () => where }, context, []).command({
    words,
    line: 1,
    environment,
    cwd,
  });
}

class StepHost implements ShellHost {
  constructor(
    private readonly origin: ScriptOrigin,
    private readonly context: StepContext,
    private readonly stack: readonly string[],
  ) {}

  command(command: ShellCommand): Text | undefined {
    const where = this.origin.lineOf(command.line);
    const text = command.words.map((word) => wordText(word) ?? '?').join(' ');
    if (LOGIN.test(text)) this.context.login(loginRegistry(command.words), where);
    const written = command.words.map(shown).join(' ');
    if (HAND_OIDC_LOGIN.test(written))
      this.context.collected.problems.push({
        where,
        message: `this command logs in with GitHub's OIDC token in a form pullcheck does not read (\`${shown(command.words[0] ?? [])}\` run by hand): its CI path (trust policy, audience, pushes) is not checked; log in with aws-actions/configure-aws-credentials or google-github-actions/auth to have it checked`,
      });
    const commandContext: CommandContext = {
      sink: sinkAt(this.context.collected, where, this.origin.runBy),
      environment: command.environment,
      facts: this.context.facts,
      cwd: command.cwd,
      stdin: command.stdin,
      print: (output) => {
        printed = output;
      },
      read: (relative) =>
        this.context.repository.read(
          relative.startsWith('/') ? relative.slice(1) : path.posix.join(command.cwd || '.', relative),
        ),
      runScript: (source, args, environment, cwd) => {
        const output = this.runNested(source, args, environment, cwd, where);
        printed = concat(printed ?? [], output);
        return output;
      },
    };
    // What a repository script the command runs prints is the command's output (`$(bash tags.sh)`).
    let printed: Text | undefined;
    for (const handler of HANDLERS) if (handler(command.words, commandContext)) break;
    return printed;
  }

  output(words: readonly Text[], environment: ReadonlyMap<string, Text>): Text | undefined {
    const argv = words.map((word) => wordText(word) ?? '');
    const line = argv.join(' ');
    if (
      argv[0] === 'aws' &&
      argv[1] === 'sts' &&
      argv[2] === 'get-caller-identity' &&
      /--query\s+['"]?Account/.test(line)
    )
      return this.context.facts.awsAccount;
    if (argv[0] === 'aws' && argv[1] === 'configure' && argv[2] === 'get' && argv[3] === 'region')
      return this.context.facts.awsRegion;
    // The project google-github-actions/auth or setup-gcloud configured.
    if (
      argv[0] === 'gcloud' &&
      argv[1] === 'config' &&
      /^get(-value)?$/.test(argv[2] ?? '') &&
      /^(core\/)?project$/.test(argv[3] ?? '')
    )
      return environment.get('CLOUDSDK_CORE_PROJECT');
    const operand = words.slice(1).filter((word) => !/^-/.test(wordText(word) ?? ''))[0];
    if (argv[0] === 'basename' && operand) return concat(lastSegment(operand), ['\n']);
    if (argv[0] === 'dirname' && operand) {
      const path = wordText(operand);
      if (path === undefined) return undefined;
      return [`${path.includes('/') ? path.slice(0, path.lastIndexOf('/')) || '/' : '.'}\n`];
    }
    return undefined;
  }

  source(file: string, cwd: string): string | undefined {
    return this.context.repository.read(
      file.startsWith('/') ? file.slice(1) : path.posix.join(cwd || '.', file),
    )?.text;
  }

  write(file: string, content: Text): void {
    this.context.write(file, content);
  }

  truncated(message: string, line: number): void {
    this.context.collected.mayPush.push({
      where: this.origin.lineOf(line),
      message: `${message}: add any images it pushes to \`images\``,
    });
  }

  unset(name: string): Text {
    return [missing(`$${name}`, 'the workflow does not set it')];
  }

  private runNested(
    source: ScriptSource,
    args: readonly Text[],
    environment: ReadonlyMap<string, Text>,
    cwd: string,
    where: SourceLocation,
  ): Text {
    const unknown = [missing('the output of a script pullcheck did not read')];
    if (this.stack.length >= MAX_SCRIPT_DEPTH) {
      this.context.collected.mayPush.push({
        where,
        message: `scripts call each other more than ${MAX_SCRIPT_DEPTH} deep: this one is not read; add any images it pushes to \`images\``,
      });
      return unknown;
    }
    if (source.kind === 'inline') {
      return runScript(
        source.text,
        environment,
        cwd,
        { ...this.origin, file: where.file, lineOf: () => where },
        this.context,
        args,
        [...this.stack, '(inline)'],
      );
    }
    const { file } = source.file;
    const key = `${file}:${source.firstLine ?? 0}`;
    if (this.stack.includes(key)) return unknown;
    const first = source.firstLine ?? 1;
    const origin: ScriptOrigin = {
      file,
      lineOf: (line) => ({ file, line: first + line - 1, column: 1 }),
      runBy: this.origin.runBy ?? where,
    };
    return runScript(
      source.text ?? source.file.text,
      environment,
      cwd,
      origin,
      this.context,
      args,
      [...this.stack, key],
      source.file.path,
    );
  }
}

// Options of the login commands that take a value — a username, a password, a credentials file: never a
// registry, and never to be shown (docker-login(1), podman-login(1), skopeo-login(1), crane auth login).
const LOGIN_VALUE_OPTIONS = optionSet(
  '-u --username -p --password --creds --authfile --cert-dir --compat-auth-file --secret-file --identity-token',
);

/** The registry a login command names: its positional argument, when it reads like a host. */
function loginRegistry(words: readonly Text[]): string {
  const start = wordText(words[1]) === 'registry' || wordText(words[1]) === 'auth' ? 3 : 2;
  const host = wordText(parseArguments(words.slice(start), LOGIN_VALUE_OPTIONS).positionals.at(-1));
  return host !== undefined && /^(?:[\w-]+\.[\w.-]+|localhost)(?::\d+)?(?:\/\S*)?$/.test(host)
    ? host
    : 'a registry';
}

function lastSegment(text: Text): Text {
  const parts = split(text, '/');
  return parts.at(-1) ?? text;
}

/** `NAME=value` lines and `NAME<<DELIMITER` blocks of an environment file (workflow commands docs). */
export function environmentFileEntries(content: Text): [string, Text][] {
  const entries: [string, Text][] = [];
  const lines = split(content, '\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const head = typeof line[0] === 'string' ? line[0] : '';
    const heredoc = /^([A-Za-z_][\w-]*)<<(\S+)$/.exec(head);
    if (heredoc && line.length === 1) {
      const body: Text[] = [];
      for (i++; i < lines.length; i++) {
        if (lines[i]!.length === 1 && lines[i]![0] === heredoc[2]) break;
        body.push(lines[i]!);
      }
      entries.push([heredoc[1]!, concat(...body.map((part, n) => concat(n > 0 ? ['\n'] : [], part)))]);
      continue;
    }
    const assignment = /^([A-Za-z_][\w-]*)=/.exec(head);
    if (assignment) entries.push([assignment[1]!, concat([head.slice(assignment[0].length)], line.slice(1))]);
    else if (line.some(isMissing) && head === '') continue;
  }
  return entries;
}
