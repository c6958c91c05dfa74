// What reading a workflow yields: destinations (possibly with holes), places that may push but cannot be
// read, and problems with the files themselves — each at the line a user would open.
import type { SourceLocation } from '../../core/errors.ts';
import { deploySink } from './deploy-sink.ts';
import { renderMarker, type EcsSite, type EcsStep, type EcsStepAt } from './ecs-sites.ts';
import type { ServerlessDeploy, ServerlessSite } from './serverless-sites.ts';
import type { Missing, Text } from './text.ts';
import type { Value } from './expression.ts';
import type { IdTokenGrant } from './ci-logins.ts';

export interface PushDestination {
  readonly text: Text;
  /** The tool or action that pushes: `docker push`, `docker/build-push-action tags`, … */
  readonly via: string;
  readonly where: SourceLocation;
}

/**
 * A cluster a job gets credentials for (`aws eks update-kubeconfig`, get-gke-credentials): a deploy target.
 * Each field is text with holes, as a destination is; an unknown one makes a finding, not a target.
 */
export type ClusterCredentials =
  | { readonly platform: 'eks'; readonly cluster: Text; readonly region: Text; readonly account?: Text }
  | { readonly platform: 'gke'; readonly cluster: Text; readonly location: Text; readonly project: Text }
  | { readonly platform: 'openshift'; readonly namespace: Text; readonly server?: Text }
  | { readonly platform: 'kubernetes'; readonly context?: Text; readonly namespace?: Text };

/**
 * Manifests a command applies to the job's cluster (`kubectl apply -f`, `helm upgrade --install`, …): files,
 * folders, Kustomize roots or a chart, read as `discover.manifests` reads them.
 */
export interface AppliedManifests {
  readonly via: string;
  /** The repository-relative directory the paths are relative to (the step's working directory). */
  readonly cwd: string;
  readonly paths: readonly Text[];
  /** `-n`: where objects that name no namespace land. */
  readonly namespace?: Text;
  /** `--context`: which of the job's clusters, when it names one. */
  readonly context?: Text;
  /** `--kubeconfig`: the file whose cluster it is, when it names one. */
  readonly kubeconfig?: Text;
  readonly helm?: {
    readonly release?: Text;
    readonly values: readonly Text[];
    readonly sets: readonly { readonly flag: '--set' | '--set-string'; readonly value: Text }[];
  };
  /** `kubectl apply -f DIR` without -R: only DIR's own files, not its subfolders. */
  readonly topLevelOnly?: true;
  /** Each path is a Kustomize root (`kubectl apply -k`, `kustomize build`): one without a kustomization is said. */
  readonly kustomize?: true;
  /** What renders them cannot be read (`oc process`), and a finding said so: applying them adds nothing. */
  readonly unread?: true;
  /** Image rewrites made before the objects reach the cluster, as kustomize writes them (`NAME=NEW:TAG`). */
  readonly images?: readonly Text[];
  /**
   * The job's `kustomize edit set image` rules by the folder they were made in: a build that reads that
   * folder's kustomization (the applied root or a base it builds) runs the edited images.
   */
  readonly kustomizeEdits?: readonly { readonly dir: string; readonly images: readonly Text[] }[];
}

export interface DeployTargetSite {
  /** Replaced when a later command names what the credentials left open (`oc project N`). */
  credentials: ClusterCredentials;
  readonly via: string;
  readonly where: SourceLocation;
  /**
   * Which of `Collected.destinations` its job and the jobs that job needs push (set when the job ends):
   * the images the cluster may run.
   */
  pushedBy?: readonly number[];
  /** Images a later command of its job sets on workloads there (`kubectl set image`): what it runs. */
  readonly setImages: { readonly image: Text; readonly where: SourceLocation; readonly via: string }[];
  /** Manifests a later command of its job applies there. */
  readonly applied: (AppliedManifests & { readonly where: SourceLocation })[];
  /** The kubeconfig context name its credentials create (`--alias`, `kubectl config use-context`). */
  readonly context?: string;
  /** The kubeconfig file they are written to, when a `--kubeconfig` option names one. */
  readonly kubeconfig?: string;
}

/** Where a credentials step writes: the context's name and the kubeconfig file, when it names them. */
export interface KubeconfigNames {
  readonly context?: string | undefined;
  readonly kubeconfig?: string | undefined;
}

export interface Sink {
  /** A destination, at the command unless `where` names the line that writes the image's name. */
  destination(text: Text, via: string, where?: SourceLocation): void;
  /** Credentials for a cluster: the job deploys there, through the context and kubeconfig file they write. */
  cluster(
    credentials: ClusterCredentials,
    via: string,
    where?: SourceLocation,
    names?: KubeconfigNames,
  ): void;
  /** An image set on workloads of the cluster the job has credentials for (`kubectl set image`). */
  setImage(image: Text, via: string): void;
  /** The namespace later commands of the job use on its OpenShift or Kubernetes cluster (`oc project N`, `kubectl config set-context --current --namespace N`). */
  jobNamespace(namespace: Text): void;
  /** Manifests applied to the job's cluster (the last it got credentials for, or the one `context` names). */
  applied(manifests: AppliedManifests): void;
  /**
   * Manifests a command renders to its output (`kustomize build`, `helm template`); returns the text it
   * prints, which stands for them: a command that applies its input (`kubectl apply -f -`) and reads that
   * text (the next command of the pipe) applies them.
   */
  rendered(manifests: AppliedManifests): Text;
  /** `kubectl apply -f -`: the manifests its input stands for, when a render printed it. */
  appliedInput(
    via: string,
    options: Pick<AppliedManifests, 'namespace' | 'context' | 'kubeconfig'>,
    input: Text | undefined,
  ): void;
  /** `kubectl config use-context NAME`: the job's cluster with that context, else a Kubernetes cluster of its own. */
  useContext(context: string, via: string): void;
  /** `kustomize edit set image` in `dir`: later builds of that kustomization run the new images. */
  kustomizeEdit(dir: string, images: readonly Text[]): void;
  /** A Cloud Run or Lambda deploy: the platform pulls the image it names (serverless-sites.ts). */
  serverless(deploy: ServerlessDeploy, via: string): void;
  /** Something that may push but whose destinations cannot be read: what it is and what to add. */
  mayPush(message: string): void;
  /** An Amazon ECS step (render, register, deploy); returns the path a render's output stands for. */
  ecs(step: EcsStep, via: string): string;
  /** A file that cannot be read or followed (a missing script, a cycle, broken YAML). */
  problem(message: string, where?: SourceLocation): void;
}

/** The workflow a run starts from: its file, its `on:`, and the repository (`github.repository`) when known. */
export interface TopWorkflow {
  readonly file: string;
  readonly on: unknown;
  readonly repository?: string;
}

/** The job a CI login runs in (issue 18): what the OIDC token it presents depends on. */
export interface CiJobContext {
  readonly id: string;
  /** The repository-relative workflow file that defines the job (a reusable workflow's own file). */
  readonly file: string;
  /** The job's `environment:` as evaluated (its name), when it has one. */
  readonly environment?: Value;
  /** The workflow the run starts from: its file and `on:` (a reusable workflow runs for its caller's events). */
  readonly top: TopWorkflow;
  /** A reusable workflow's `uses:` as the caller wrote it, when the job is in one. */
  readonly calledAs?: string;
  /** Whether the job's GITHUB_TOKEN may request an OIDC token (`id-token: write`). */
  readonly idToken: IdTokenGrant;
}

/** A login with GitHub's OIDC token (configure-aws-credentials, google-github-actions/auth, oc-login). */
export interface CiLoginSite {
  readonly provider: string;
  /** The role ARN, the workload identity provider, the server: text with holes. */
  readonly identity: Text;
  readonly inputs: ReadonlyMap<string, Text>;
  readonly via: string;
  readonly where: SourceLocation;
  readonly job: CiJobContext;
  /** The destinations its job pushes after it: indices into `Collected.destinations`, [from, to). */
  readonly pushesFrom: number;
  pushesTo?: number;
}

export interface Collected {
  readonly destinations: PushDestination[];
  /** CI logins, in the order the jobs run them. */
  readonly ciLogins: CiLoginSite[];
  /** The job running now (jobs do not interleave); the workflow the run starts from. */
  ciJob?: CiJobContext | undefined;
  topWorkflow?: TopWorkflow;
  /**
   * Where an image name was written when that is not where it is pushed (docker/metadata-action's
   * `images`, pushed through a build step's `tags`): reports point at the name. Keyed by the name as shown.
   */
  readonly written: Map<string, { readonly where: SourceLocation; readonly via: string }>;
  readonly mayPush: { readonly where: SourceLocation; readonly message: string }[];
  /** The images of each docker/metadata-action bake file, by the path its `bake-file` output stands for. */
  readonly bakeFiles: Map<string, readonly Text[]>;
  readonly problems: { readonly where: SourceLocation; readonly message: string }[];
  readonly clusters: DeployTargetSite[];
  /** Where the running job's clusters start in `clusters` (JobPushes). */
  jobClusters: number;
  /** What rendering commands printed, by the text that stands for it in a pipe. */
  readonly rendered: Map<Missing, AppliedManifests>;
  /** `kustomize edit set image` rules by the kustomization's repository-relative directory. */
  readonly kustomizeEdits: Map<string, Text[]>;
  /** Amazon ECS steps, in the order they run (ecs-deploys.ts pairs them). */
  readonly ecsSites: EcsSite[];
  /** How many jobs have begun: the number of the running job (jobs do not interleave). */
  jobs: number;
  readonly serverless: ServerlessSite[];
}

export function emptyCollected(): Collected {
  return {
    destinations: [],
    ciLogins: [],
    written: new Map(),
    mayPush: [],
    bakeFiles: new Map(),
    problems: [],
    clusters: [],
    jobClusters: 0,
    kustomizeEdits: new Map(),
    rendered: new Map(),
    ecsSites: [],
    jobs: 0,
    serverless: [],
  };
}

/** A sink that files everything it is told under `where`. */
/** `runBy`: the workflow line that runs the script `where` is in. */
export function sinkAt(collected: Collected, where: SourceLocation, runBy?: SourceLocation): Sink {
  return {
    destination: (text, via, at) => collected.destinations.push({ text, via, where: at ?? where }),
    ...deploySink(collected, where),
    serverless: (deploy, via) => collected.serverless.push({ deploy, via, where }),
    mayPush: (message) => collected.mayPush.push({ where, message }),
    ecs: (step, via) => addEcsSite(collected, { ...step, via, where, ...(runBy ? { runBy } : {}) }),
    problem: (message, at) => collected.problems.push({ where: at ?? where, message }),
  };
}

/** Files an ECS step; a render's output is the marker of its index. */
export function addEcsSite(collected: Collected, site: EcsStepAt): string {
  collected.ecsSites.push({ ...site, job: collected.jobs });
  return renderMarker(collected.ecsSites.length - 1);
}

/** A YAML file's syntax errors as one problem: the first is the one to fix, later ones mostly its echo. */
export function firstSyntaxProblem(
  problems: readonly { readonly where: SourceLocation; readonly message: string }[],
) {
  const [first] = problems;
  const more = problems.length > 1 ? ` (${problems.length - 1} more after it)` : '';
  return { where: first!.where, message: `${first!.message}${more}` };
}

/**
 * Which destinations each job of a workflow pushes, with those of the jobs it needs: a cluster the job
 * deploys to may run them (DeployTargetSite.pushedBy).
 */
export class JobPushes {
  private readonly byJob = new Map<string, number[]>();

  constructor(private readonly collected: Collected) {}

  /** Call before a job runs; call what it returns when the job has run. */
  begin(): (jobId: string, needs: readonly string[]) => void {
    const [destinations, clusters] = [this.collected.destinations.length, this.collected.clusters.length];
    const outer = this.collected.jobClusters;
    this.collected.jobClusters = clusters;
    this.collected.jobs += 1;
    // Each job runs on a checkout of its own: another job's `kustomize edit` is not in it.
    this.collected.kustomizeEdits.clear();
    return (jobId, needs) => {
      this.collected.jobClusters = outer;
      const own = Array.from(
        { length: this.collected.destinations.length - destinations },
        (_, i) => destinations + i,
      );
      const pushed = [...new Set([...needs.flatMap((need) => this.byJob.get(need) ?? []), ...own])];
      this.byJob.set(jobId, pushed);
      // A reusable workflow's jobs said what their own jobs push; the calling job adds what its needs push.
      for (const site of this.collected.clusters.slice(clusters))
        site.pushedBy = [...new Set([...(site.pushedBy ?? []), ...pushed])];
    };
  }
}
