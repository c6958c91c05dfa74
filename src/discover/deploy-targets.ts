// Clusters a workflow gets credentials for (`aws eks update-kubeconfig`, get-gke-credentials) join the
// config as targets, each pulling what its job and the jobs that job needs push, at the line that names
// the cluster. A target the config declares for the same cluster wins: the config adds what the workflow
// cannot say (node roles, service accounts, which workloads run there).
import type { LoadedConfig } from '../core/config/load.ts';
import { targetList as validateTargetList } from '../core/config/generated/target-list-validator.ts';
import type { TargetInput } from '../core/config/schema.ts';
import { schemaProblems, type PrecompiledValidator } from '../core/config/validate.ts';
import type { Origin, TargetOrigin } from '../core/origins.ts';
import type { ReportFinding } from '../core/verdict.ts';
import { imageNameOf } from '../core/image-reference.ts';
import { discoveryFinding } from './findings.ts';
import { safeText, type FoundCluster, type FoundManifests } from './workflows/index.ts';

export interface DeployTarget {
  readonly target: TargetInput;
  readonly origin: Origin;
  /** What the workflow applies to it: its workloads decide what it runs (manifest-targets.ts). */
  readonly applied?: readonly FoundManifests[];
}

/** Manifests applied to a target of the plan, by the target's name. */
export interface AppliedToTarget {
  readonly target: string;
  readonly manifests: readonly FoundManifests[];
}

/**
 * The workflow's clusters as targets, each pulling what its job and the jobs that job needs push (all of
 * `pushed` when that is not known); a cluster with no image to pull is a finding.
 */
export function deployTargetsOf(
  clusters: readonly FoundCluster[],
  pushed: readonly string[],
): { targets: DeployTarget[]; findings: ReportFinding[] } {
  const targets: DeployTarget[] = [];
  const findings: ReportFinding[] = [];
  for (const found of clusters) {
    // Only what the workflow pushes is checked (as for manifests without discover.allImages); what a job
    // sets and the workflow does not push is said.
    const images = pushed.filter((image) => found.images.includes(image));
    const pushedNames = new Set(pushed.map(imageNameOf));
    const unpushed = (found.setImages ?? []).filter(({ image }) => !pushedNames.has(imageNameOf(image)));
    if (unpushed.length > 0)
      findings.push(
        discoveryFinding(
          'discovery',
          'low',
          unpushed[0]!.where,
          `${unpushed.map(({ image }) => safeText(image, 200)).join(', ')}, set on ${describe(found)}, ${unpushed.length === 1 ? 'is' : 'are'} not pushed by the workflow and not checked: list ${unpushed.length === 1 ? 'it' : 'them'} under the config's images and the target to check ${unpushed.length === 1 ? 'it' : 'them'}`,
        ),
      );
    if (images.length === 0) {
      if (unpushed.length > 0) continue; // said above: it runs only images the workflow does not push
      findings.push(
        discoveryFinding(
          'discovery',
          'medium',
          found.where,
          `${found.via} deploys to ${describe(found)}, but neither its job nor the jobs it needs push an image pullcheck can see: declare the target in the config with the images it runs`,
        ),
      );
      continue;
    }
    const target = targetOf(found, images);
    // Values read from a workflow are checked as a written target is (a region, a project id).
    const at = () => found.where;
    const [problem] = schemaProblems([target], validateTargetList as PrecompiledValidator, {
      locate: at,
      locateKey: at,
    });
    if (problem) {
      findings.push(
        discoveryFinding(
          'discovery',
          'medium',
          found.where,
          `${found.via} deploys to ${describe(found)}, which is not a target pullcheck can check (${problem.message}): declare the target in the config`,
        ),
      );
      continue;
    }
    targets.push({
      target: target as TargetInput,
      origin: { file: found.where.file, line: found.where.line, via: found.via },
      ...(found.applied ? { applied: found.applied } : {}),
    });
  }
  return { targets, findings };
}

/**
 * The deploy targets joined to the config's: the config's own target for a cluster wins (what the workflow
 * applies still goes to it); names stay unique.
 */
export function withDeployTargets(
  config: LoadedConfig,
  found: readonly DeployTarget[],
): { config: LoadedConfig; applied: AppliedToTarget[] } {
  const declared = config.input.targets ?? [];
  const added: TargetInput[] = [];
  const origins = new Map<string, TargetOrigin>(config.origins.targets);
  const applied = new Map<string, FoundManifests[]>();
  const apply = (name: string, manifests: readonly FoundManifests[] = []) =>
    manifests.length > 0 && applied.set(name, [...(applied.get(name) ?? []), ...manifests]);
  for (const { target, origin, applied: manifests } of found) {
    const own = declared.find((other) => sameCluster(other, target));
    if (own) {
      apply(own.name, manifests);
      continue;
    }
    // The same cluster from another workflow file runs what both push.
    const same = added.findIndex((other) => sameCluster(other, target));
    if (same !== -1) {
      const images = [...new Set([...(added[same]!.images ?? []), ...(target.images ?? [])])];
      added[same] = { ...added[same]!, images, ...taskDefinitionsOf(added[same]!, target) } as TargetInput;
      apply(added[same]!.name, manifests);
      continue;
    }
    const name = uniqueName(target, [...declared, ...added]);
    added.push({ ...target, name } as TargetInput);
    origins.set(name, { origin });
    apply(name, manifests);
  }
  const appliedList = [...applied].map(([target, manifests]) => ({ target, manifests }));
  if (added.length === 0) return { config, applied: appliedList };
  return {
    config: {
      ...config,
      input: { ...config.input, targets: [...declared, ...added] },
      origins: { ...config.origins, targets: origins },
    },
    applied: appliedList,
  };
}

type ClusterTarget = TargetInput & {
  readonly cluster?: string;
  readonly region?: string;
  readonly location?: string;
  readonly project?: string;
  readonly account?: string;
  readonly namespace?: string;
  readonly server?: string;
  readonly services?: readonly string[];
  readonly taskDefinitions?: readonly unknown[];
};

/** Same platform and cluster, and the same region, location, project and account wherever both state them. */
function sameCluster(a: TargetInput, b: TargetInput): boolean {
  const [x, y] = [a as ClusterTarget, b as ClusterTarget];
  const same = (p?: string, q?: string) => p === undefined || q === undefined || p === q;
  // A cluster by its name; an OpenShift target by its namespace (and server, where both state it); a plain
  // Kubernetes cluster by its target name, which the workflow's context gives it; a serverless deploy by
  // what it deploys.
  const key = (t: ClusterTarget) =>
    t.platform === 'openshift'
      ? t.namespace
      : t.platform === 'kubernetes'
        ? t.name
        : (t.cluster ?? serverlessKey(t));
  return (
    x.platform === y.platform &&
    key(x) !== undefined &&
    key(x) === key(y) &&
    same(x.region, y.region) &&
    same(x.location, y.location) &&
    same(x.project, y.project) &&
    same(x.account, y.account) &&
    same(x.server, y.server) &&
    same(x.services?.join('\n'), y.services?.join('\n')) // ECS: one target per service deployed
  );
}

/** ECS: a service deployed from two workflow files runs either's task definition. */
function taskDefinitionsOf(a: TargetInput, b: TargetInput): { taskDefinitions?: unknown[] } {
  const [x, y] = [a as ClusterTarget, b as ClusterTarget];
  if (!x.taskDefinitions && !y.taskDefinitions) return {};
  const all = [...(x.taskDefinitions ?? []), ...(y.taskDefinitions ?? [])];
  return { taskDefinitions: [...new Map(all.map((entry) => [JSON.stringify(entry), entry])).values()] };
}

/** A Cloud Run service or job, or a Lambda function, by what it deploys (serverless-targets.ts). */
function serverlessKey(t: TargetInput): string | undefined {
  if (t.platform === 'cloud-run') return t.service ?? t.job;
  return t.platform === 'lambda' ? t.function : undefined;
}

/** The target a cluster's credentials name, pulling `images`. */
function targetOf(found: FoundCluster, images: readonly string[]): Record<string, unknown> {
  const list = [...images];
  if (found.platform === 'eks') {
    const { cluster, region, account } = found;
    return { name: cluster, platform: 'eks', cluster, region, ...(account ? { account } : {}), images: list };
  }
  if (found.platform === 'gke') {
    const { cluster, location, project } = found;
    return { name: cluster, platform: 'gke', cluster, location, project, images: list };
  }
  if (found.platform === 'kubernetes') {
    // Named by its context; the workloads applied to it say which namespaces and service accounts pull.
    const name = found.context ?? `kubernetes-${found.namespace ?? 'default'}`;
    return { name, platform: 'kubernetes', namespace: found.namespace ?? 'default', images: list };
  }
  // OpenShift: the namespace's pods pull as its `default` service account unless the config says otherwise.
  const { namespace, server } = found;
  return { name: namespace, platform: 'openshift', namespace, ...(server ? { server } : {}), images: list };
}

function uniqueName(target: TargetInput, taken: readonly TargetInput[]): string {
  const names = new Set(taken.map((other) => other.name));
  const cluster = target as ClusterTarget;
  const host = /^[a-z]+:\/\/([^/:]+)/i.exec(cluster.server ?? '')?.[1];
  const where = cluster.region ?? cluster.location ?? host ?? target.platform;
  for (const name of [target.name, `${target.name}-${where}`, `${target.platform}-${target.name}-${where}`])
    if (!names.has(name)) return name;
  let n = 2;
  while (names.has(`${target.name}-${n}`)) n++;
  return `${target.name}-${n}`;
}

/** The cluster in a finding: the workflow's values escaped and bounded, as every discovery message quotes them. */
function describe(found: FoundCluster): string {
  const v = (text: string) => safeText(text, 200);
  if (found.platform === 'eks') return `EKS cluster ${v(found.cluster)} in ${v(found.region)}`;
  if (found.platform === 'gke')
    return `GKE cluster ${v(found.cluster)} (${v(found.project)}, ${v(found.location)})`;
  if (found.platform === 'kubernetes')
    return `the Kubernetes cluster ${found.context ? `of context ${v(found.context)}` : "of the job's kubeconfig"}`;
  return `OpenShift namespace ${v(found.namespace)}${found.server ? ` on ${v(found.server)}` : ''}`;
}
