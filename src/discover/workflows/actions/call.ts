// What an action handler sees of a `uses:` step: its inputs (evaluated, and item by item with the line
// each item is written on), the job's cloud facts, and where to report.
import type { SourceLocation } from '../../../core/errors.ts';
import type { Value } from '../expression.ts';
import type { RepositoryFile } from '../commands/context.ts';
import type { EcsStep } from '../ecs-sites.ts';
import type { ServerlessDeploy, ServerlessSite } from '../serverless-sites.ts';
import type { ClusterCredentials, KubeconfigNames, Sink } from '../sites.ts';
import type { Text } from '../text.ts';

export interface InputItem {
  readonly text: Text;
  readonly where: SourceLocation;
}

/** Facts earlier steps of the job established: the AWS account and region of its credentials. */
export interface JobFacts {
  awsAccount?: Text;
  awsRegion?: Text;
  /** Where the AWS account came from, for a hint when it is missing. */
  awsAccountHint?: string;
}

export interface ActionCall {
  /** `owner/repo[/path]`, lowercased, without `@ref`. */
  readonly name: string;
  readonly uses: string;
  readonly stepId: string | undefined;
  readonly facts: JobFacts;
  readonly env: ReadonlyMap<string, Text>;
  /** An expression in the step's scope (`github.repository`). */
  evaluate(expression: string): Value;
  /** The evaluated input, undefined when not given (defaults are the handler's). */
  input(name: string): Value | undefined;
  /** The input as text (undefined when not given). */
  text(name: string): Text | undefined;
  /**
   * The input as text for a CI login: what changes with the event that runs the job (github.ref,
   * github.event_name, …) is a hole, not the value of the run checking (ci-logins.ts perEvent).
   */
  loginText(name: string): Text | undefined;
  /** A list input's items, split at newlines (and at commas when `commas`), each at its own line. */
  items(name: string, commas: boolean): InputItem[];
  where(input?: string): SourceLocation;
  destination(text: Text, via: string, where: SourceLocation): void;
  /** Credentials for a cluster the job deploys to, and the kubeconfig context (and file) they write. */
  cluster(credentials: ClusterCredentials, via: string, where: SourceLocation, names?: KubeconfigNames): void;
  /** Everything a step may report about deploys, filed at `where`. */
  sink(where: SourceLocation): Sink;
  /** A Cloud Run or Lambda deploy, reported at `where`. */
  serverless(
    deploy: ServerlessDeploy,
    via: string,
    where: SourceLocation,
    lines?: ServerlessSite['lines'],
  ): void;
  mayPush(message: string, where?: SourceLocation): void;
  /** An Amazon ECS step, at the step; returns the path a render's `task-definition` output stands for. */
  ecs(step: EcsStep, via: string): string;
  /** Something the step does that pullcheck cannot read (a deploy it does not follow yet), at the step or `where`. */
  problem(message: string, where?: SourceLocation): void;
  setOutput(name: string, value: Value): void;
  /** Sets an environment variable for the job's later steps, as `$GITHUB_ENV` does. */
  setEnv(name: string, value: Text): void;
  login(registry: string): void;
  /** A login with GitHub's OIDC token: the provider, what logs in, and the inputs its token depends on. */
  ciLogin(provider: string, identity: Text, inputs: Readonly<Record<string, Text | undefined>>): void;
  /** Registers a generated bake file's images; returns the path that stands for it. */
  bakeFile(images: readonly Text[]): string;
  /** The images of a generated bake file, by its path. */
  generatedBakeFile(path: string): readonly Text[] | undefined;
  /** Runs a command line (a tool the action runs) through the `run:` handlers, from `cwd`, reported at `where`. */
  runCommand(words: readonly Text[], cwd: string, where: SourceLocation): void;
  /** A repository file, from the repository root. */
  read(relative: string): RepositoryFile | undefined;
  /** Records where an image name is written, for destinations that push it from another step. */
  written(image: Text, where: SourceLocation): void;
}

export type ActionHandler = (call: ActionCall) => void;
