// The destinations a workflow pushes, read from the repository: every push site becomes an image or a
// finding that names what is missing — never dropped, never guessed. Tags and digests do not change a
// verdict, so a tag known only at run time is dropped rather than making the destination unknown.
import { ciLoginsOf, type FoundCiLogin } from './ci-logins.ts';
import { safeText } from './text.ts';
export { safeText } from './text.ts';
import path from 'node:path';
import type { SourceLocation } from '../../core/errors.ts';
import { imageNameOf } from '../../core/image-reference.ts';
import { clusterOf, mergedImages, sameCluster } from './found-clusters.ts';
import { foundManifests } from './found-manifests.ts';
import { readWorkflow } from './workflow-reader.ts';
import { ParsedFiles } from './parsed-files.ts';
import { gitHubRepositoryOf, repositoryAt, repositoryRootOf, type Repository } from './repository.ts';
import { ecsDeploysOf, type FoundEcsDeploy } from './ecs-deploys.ts';
import { serverlessOf, type FoundServerless } from './serverless-sites.ts';
import type { Collected } from './sites.ts';
import { shown, type Missing, type Text } from './text.ts';

export { RUNNER_VARIABLES } from './scope.ts';

export interface FoundImage {
  readonly reference: string;
  readonly where: SourceLocation;
  readonly via: string;
}

export type WorkflowFindingKind = 'undiscovered-destination' | 'may-push' | 'discovery';

export interface WorkflowFinding {
  readonly kind: WorkflowFindingKind;
  readonly where: SourceLocation;
  readonly message: string;
}

/** A cluster the workflow deploys to, every field known: a deploy target. */
export type FoundCluster = (
  | { readonly platform: 'eks'; readonly cluster: string; readonly region: string; readonly account?: string }
  | {
      readonly platform: 'gke';
      readonly cluster: string;
      readonly location: string;
      readonly project: string;
    }
  | { readonly platform: 'openshift'; readonly namespace: string; readonly server?: string }
  | { readonly platform: 'kubernetes'; readonly context?: string; readonly namespace?: string }
) & {
  readonly via: string;
  readonly where: SourceLocation;
  /** What its jobs (and the jobs they need) push, narrowed to what they `set image`: what it runs. */
  readonly images: readonly string[];
  /** Images its job sets on the cluster's workloads (`kubectl set image`): what it runs, when given. */
  readonly setImages?: readonly { readonly image: string; readonly where: SourceLocation }[];
  /** Manifests its jobs apply there, every path known and inside the repository. */
  readonly applied?: readonly FoundManifests[];
};

/** Manifests applied to a cluster (AppliedManifests with every value known). */
export interface FoundManifests {
  readonly via: string;
  readonly where: SourceLocation;
  /** Repository-relative (posix) paths: files, folders, Kustomize roots or a chart. */
  readonly paths: readonly string[];
  readonly namespace?: string;
  readonly helm?: {
    readonly release?: string;
    readonly values: readonly string[];
    readonly sets: readonly { readonly flag: '--set' | '--set-string'; readonly value: string }[];
    /** Values files it could not read (written at run time), each a finding. */
    readonly skipped?: readonly string[];
  };
  /** Image rewrites as kustomize's `edit set image` writes them (`NAME=NEW:TAG`, `NAME:TAG`). */
  readonly images?: readonly string[];
  /** The job's `kustomize edit set image` rules by the repository-relative folder they were made in. */
  readonly kustomizeEdits?: readonly { readonly dir: string; readonly images: readonly string[] }[];
  /** Why the namespace it names cannot be known (the workloads' own namespaces are still read). */
  readonly unknownNamespace?: string;
  /** Folders are read without their subfolders (`kubectl apply -f DIR` without -R). */
  readonly topLevelOnly?: true;
  /** Each path is a Kustomize root. */
  readonly kustomize?: true;
  /** The repository the paths are in (a real path), once the workflow file's repository is known. */
  readonly root?: string;
}

export interface WorkflowDiscovery {
  readonly images: FoundImage[];
  readonly findings: WorkflowFinding[];
  readonly clusters: FoundCluster[];
  /** The ECS services it deploys task definitions to. */
  readonly ecsDeploys?: FoundEcsDeploy[];
  /** Cloud Run and Lambda deploys, each naming the image the platform pulls. */
  readonly serverless: FoundServerless[];
  /** Logins with GitHub's OIDC token, with the images each job pushes after them (issue 18). */
  readonly ciLogins?: FoundCiLogin[];
}

export interface WorkflowDiscoveryOptions {
  /** The runner's non-secret variables (`GITHUB_REPOSITORY`, …); never the whole process environment. */
  readonly runner?: Readonly<Record<string, string>>;
  /** `discover.variables`. */
  readonly variables?: Readonly<Record<string, string>>;
  /** The repository root; by default the folder holding the file's `.github/workflows/`. */
  readonly root?: string;
  /** Shares file reads and parses between the workflows of one discovery. */
  readonly session?: WorkflowSession;
}

/** The repositories (and their parsed files) one discovery reads, each once. */
export class WorkflowSession {
  private readonly repositories = new Map<string, { repository: Repository; parsed: ParsedFiles }>();

  at(root: string): { repository: Repository; parsed: ParsedFiles } {
    let entry = this.repositories.get(root);
    if (!entry) {
      entry = { repository: repositoryAt(root), parsed: new ParsedFiles() };
      this.repositories.set(root, entry);
    }
    return entry;
  }
}

/** Reads a workflow file (a path as the user gave it) and what it uses in the repository. */
export function discoverWorkflowFile(
  file: string,
  options: WorkflowDiscoveryOptions = {},
): WorkflowDiscovery {
  const located = repositoryRootOf(file);
  const root = options.root ?? located.root;
  const relative =
    options.root === undefined
      ? located.relative
      : path.relative(options.root, file).split(path.sep).join('/');
  const { repository, parsed } = (options.session ?? new WorkflowSession()).at(root);
  // Outside Actions the checkout's GitHub origin says what github.repository is.
  const runner = { ...options.runner };
  const origin = runner['GITHUB_REPOSITORY'] ? undefined : gitHubRepositoryOf(root);
  if (origin) runner['GITHUB_REPOSITORY'] = origin;
  const collected = readWorkflow(relative, {
    repository,
    parsed,
    runner,
    variables: options.variables ?? {},
  });
  const found = fromCollected(collected, (relative) => repository.read(relative)?.text);
  // What a job applies is read from the workflow's repository.
  const clusters = found.clusters.map((cluster) =>
    cluster.applied ? { ...cluster, applied: cluster.applied.map((entry) => ({ ...entry, root })) } : cluster,
  );
  return { ...found, clusters };
}

/** `read`: a repository file's text, from the root (the families of registered task definitions). */
export function fromCollected(
  collected: Collected,
  read: (relative: string) => string | undefined = () => undefined,
): WorkflowDiscovery {
  const images: FoundImage[] = [];
  const findings: WorkflowFinding[] = [];
  const seen = new Set<string>();
  const add = (raw: WorkflowFinding) => {
    // Messages quote the workflow's own text: escaped and bounded before any report shows them.
    const finding = { ...raw, message: safeText(raw.message, 600) };
    const key = `${finding.where.file}:${finding.where.line}:${finding.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(finding);
  };
  const imageKeys = new Set<string>();
  const references: (string | undefined)[] = [];
  for (const destination of collected.destinations) {
    const resolved = destinationOf(destination.text);
    references.push(typeof resolved === 'string' ? resolved : undefined);
    if (resolved === undefined) continue;
    if (typeof resolved === 'string') {
      // A name written elsewhere (metadata-action's `images`) is shown where it is written.
      const written = collected.written.get(nameKey(destination.text));
      if (!imageKeys.has(resolved))
        images.push({
          reference: resolved,
          where: written?.where ?? destination.where,
          via: written?.via ?? destination.via,
        });
      imageKeys.add(resolved);
      continue;
    }
    // An unresolved name written elsewhere is reported there too: that is the line to change.
    const written = collected.written.get(nameKey(destination.text));
    add({
      kind: 'undiscovered-destination',
      where: written?.where ?? destination.where,
      message: `${destination.via} pushes to \`${bounded(shown(destination.text))}\`, which needs ${describe(resolved)}`,
    });
  }
  for (const entry of collected.mayPush)
    add({ kind: 'may-push', where: entry.where, message: entry.message });
  for (const entry of collected.problems)
    add({ kind: 'discovery', where: entry.where, message: entry.message });
  const clusters = clustersOf(collected, references, add);
  const ecsDeploys = ecsDeploysOf(collected.ecsSites, { imageOf: destinationOf, read }, (where, message) =>
    add({ kind: 'discovery', where, message }),
  );
  const serverless = serverlessOf(collected.serverless, (where, message) =>
    add({ kind: 'discovery', where, message }),
  );
  return { images, findings, clusters, ecsDeploys, serverless, ciLogins: ciLoginsOf(collected, references) };
}

/** The clusters the workflow deploys to, each once, with what its jobs push and set; holes are findings. */
function clustersOf(
  collected: Collected,
  references: readonly (string | undefined)[],
  add: (finding: WorkflowFinding) => void,
): FoundCluster[] {
  const clusters: FoundCluster[] = [];
  for (const site of collected.clusters) {
    const found = clusterOf(site, (hole) => `\`${bounded(hole.need)}\`${hole.hint ? `: ${hole.hint}` : ''}`);
    if ('need' in found) {
      add({ kind: 'discovery', where: site.where, message: found.need });
      continue;
    }
    const pushed = (site.pushedBy ?? references.map((_, i) => i)).flatMap((i) => references[i] ?? []);
    const setImages = site.setImages.flatMap(({ image, where, via: setVia }) => {
      const resolved = destinationOf(image);
      if (typeof resolved === 'string') return [{ image: resolved, where }];
      if (resolved)
        add({
          kind: 'discovery',
          where,
          message: `\`${setVia}\` sets \`${bounded(shown(image))}\`, which needs ${describe(resolved)}`,
        });
      return [];
    });
    // What a job sets on the cluster's workloads is what runs there: its pushes narrowed to those names,
    // site by site, so a cluster reached from two jobs still runs what the other one pushes.
    const set = new Set(setImages.map(({ image }) => imageNameOf(image)));
    const images = set.size > 0 ? pushed.filter((image) => set.has(imageNameOf(image))) : pushed;
    const applied = site.applied.flatMap((manifests) => {
      const known = foundManifests(manifests);
      if ('need' in known) add({ kind: 'discovery', where: manifests.where, message: known.need });
      if ('need' in known) return [];
      // On EKS and GKE the nodes pull whatever the namespace; on OpenShift and Kubernetes it names who pulls.
      if (known.unknownNamespace && (found.platform === 'openshift' || found.platform === 'kubernetes')) {
        add({ kind: 'discovery', where: manifests.where, message: known.unknownNamespace });
        return [];
      }
      for (const message of known.helm?.skipped ?? [])
        add({ kind: 'discovery', where: manifests.where, message });
      return [known];
    });
    if (found.platform === 'kubernetes' && !found.namespace && applied.length === 0) {
      add({
        kind: 'discovery',
        where: site.where,
        message: `${site.via} deploys to a Kubernetes cluster${found.context ? ` (context ${found.context})` : ''}, but pullcheck cannot see which namespace its workloads run in: apply the manifests with kubectl apply -f (or -n), or declare the target in the config`,
      });
      continue;
    }
    const withImages = {
      ...found,
      images: [...new Set(images)],
      ...(setImages.length > 0 ? { setImages } : {}),
      ...(applied.length > 0 ? { applied } : {}),
    };
    const known = clusters.findIndex((other) => sameCluster(other, withImages));
    if (known === -1) clusters.push(withImages);
    else clusters[known] = mergedImages(clusters[known]!, withImages);
  }
  return clusters;
}

// eslint-disable-next-line no-control-regex -- the markers stand for holes inside the joined text
const HOLE_MARKER = /\u0001(\d+)\u0002/g;

/** A destination split as a reference is: the name, and its tag and digest when they are known. */
function referenceParts(
  text: Text,
): { name: string; tag: string; digest: string; holes: Missing[] } | undefined {
  const holes: Missing[] = [];
  const joined = text
    .map((part) => {
      if (typeof part === 'string') return part;
      holes.push(part);
      return `\u0001${holes.length - 1}\u0002`;
    })
    .join('')
    .trim()
    .replace(/^docker:\/\//, '');
  if (joined === '') return undefined;
  const known = (piece: string) => !piece.includes('\u0001');
  let name = joined;
  let digest = '';
  const at = name.indexOf('@');
  if (at !== -1) {
    digest = known(name.slice(at)) ? name.slice(at) : '';
    name = name.slice(0, at);
  }
  let tag = '';
  const colon = name.indexOf(':', name.lastIndexOf('/') + 1);
  if (colon !== -1) {
    // A tag known only at run time (or empty, when its variable was) does not change a verdict.
    tag = known(name.slice(colon)) && colon < name.length - 1 ? name.slice(colon) : '';
    name = name.slice(0, colon);
  }
  return { name, tag, digest, holes };
}

/**
 * The reference a destination names: a string when known (its tag dropped if the tag is a hole), the
 * missing fact when the registry or repository depends on one, undefined when it is empty.
 */
export function destinationOf(text: Text): string | Missing | undefined {
  const parts = referenceParts(text);
  if (!parts) return undefined;
  const hole = new RegExp(HOLE_MARKER.source).exec(parts.name);
  return hole ? parts.holes[Number(hole[1])]! : parts.name + parts.tag + parts.digest;
}

/** The repository name as shown (holes as `<need>`), without tag or digest: how `written` is keyed. */
function nameKey(text: Text): string {
  const parts = referenceParts(text);
  return parts ? parts.name.replace(HOLE_MARKER, (_, i: string) => `<${parts.holes[Number(i)]!.need}>`) : '';
}

function describe(need: Missing): string {
  return `\`${bounded(need.need)}\`${need.hint ? `: ${need.hint}` : ': add the image to `images`'}`;
}

function bounded(text: string): string {
  return safeText(text, 200);
}
