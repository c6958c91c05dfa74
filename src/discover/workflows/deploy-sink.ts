// What a job says about its deploys, filed on the job's clusters: credentials (a new cluster), the namespace
// and context later commands use, and what is applied or set there. A deploy this job cannot place on a
// cluster it has credentials for is a finding, never a guess.
import path from 'node:path';
import type { SourceLocation } from '../../core/errors.ts';
import type { AppliedManifests, Collected, DeployTargetSite, Sink } from './sites.ts';
import { missing, shown, wordText, type Missing } from './text.ts';

type DeploySink = Omit<Sink, 'destination' | 'mayPush' | 'problem' | 'ecs' | 'serverless'>;

export function deploySink(collected: Collected, where: SourceLocation): DeploySink {
  return {
    cluster: (credentials, via, at, names) =>
      collected.clusters.push({
        credentials,
        via,
        where: at ?? where,
        setImages: [],
        applied: [],
        ...(names?.context ? { context: names.context } : {}),
        ...(names?.kubeconfig ? { kubeconfig: names.kubeconfig } : {}),
      }),
    jobNamespace: (namespace) => {
      const site = collected.clusters.length > collected.jobClusters ? collected.clusters.at(-1) : undefined;
      const credentials = site?.credentials;
      // Only where the namespace names who pulls: an OpenShift project, a plain Kubernetes context's.
      if (credentials?.platform === 'openshift' || credentials?.platform === 'kubernetes')
        site!.credentials = { ...credentials, namespace };
    },
    applied: (manifests) => applyTo(collected, where, manifests),
    rendered: (manifests) => {
      // A hole of its own: only the command this text is piped into can apply what it stands for.
      const printed = missing(`the manifests \`${manifests.via}\` prints`);
      collected.rendered.set(printed, manifests);
      return [printed];
    },
    appliedInput: (via, options, input) => {
      const part = input?.find((piece) => typeof piece !== 'string' && collected.rendered.has(piece));
      const rendered = part === undefined ? undefined : collected.rendered.get(part as Missing);
      if (rendered) applyTo(collected, where, { ...rendered, via: `${rendered.via} | ${via}`, ...options });
      else
        collected.problems.push({
          where,
          message: `\`${via} -f -\` applies what an earlier command prints, which pullcheck cannot read: list the manifests under discover.manifests, or apply them with -f PATH`,
        });
    },
    useContext: (context, via) => useContext(collected, where, context, via),
    kustomizeEdit: (dir, images) => {
      const key = path.posix.normalize(dir || '.');
      collected.kustomizeEdits.set(key, [...(collected.kustomizeEdits.get(key) ?? []), ...images]);
    },
    setImage: (image, via) => {
      // The job's last credentials name the cluster; none in this job: it cannot be named.
      const site = collected.clusters.length > collected.jobClusters ? collected.clusters.at(-1) : undefined;
      if (site) site.setImages.push({ image, where, via });
      else
        collected.problems.push({
          where,
          message: `${via} sets an image on a cluster this job gets no credentials for (aws eks update-kubeconfig, get-gke-credentials, oc-login): declare the target in the config`,
        });
    },
  };
}

/** The job's cluster the context names becomes its last; a context no credentials step made is a cluster of its own. */
function useContext(collected: Collected, where: SourceLocation, context: string, via: string): void {
  const job = collected.clusters.slice(collected.jobClusters);
  const site = job.findLast((candidate) => contextMatches(candidate, context));
  if (site) {
    // Later commands use it: it becomes the job's last.
    collected.clusters.splice(collected.clusters.lastIndexOf(site), 1);
    collected.clusters.push(site);
    return;
  }
  collected.clusters.push({
    credentials: { platform: 'kubernetes', context: [context] },
    via,
    where,
    setImages: [],
    applied: [],
    context,
  });
}

/**
 * Manifests on the cluster they are applied to: the job's cluster whose context `--context` names, else the
 * job's last; none in this job is a finding, never a guess.
 */
function applyTo(collected: Collected, where: SourceLocation, manifests: AppliedManifests): void {
  const job = collected.clusters.slice(collected.jobClusters);
  // A context or kubeconfig known only at run time could name any cluster: said, never guessed.
  const unknown = [manifests.context, manifests.kubeconfig].find(
    (text) => text && wordText(text) === undefined,
  );
  if (unknown) {
    collected.problems.push({
      where,
      message: `${manifests.via} applies manifests to the cluster of \`${shown(unknown)}\`, known only at run time: declare the target in the config`,
    });
    return;
  }
  const context = manifests.context ? wordText(manifests.context) : undefined;
  const kubeconfig = manifests.kubeconfig ? wordText(manifests.kubeconfig) : undefined;
  // A kubeconfig file names the clusters a credentials step wrote there; with none named, the default file.
  const candidates = kubeconfig ? job.filter((candidate) => candidate.kubeconfig === kubeconfig) : job;
  const site = context
    ? candidates.findLast((candidate) => contextMatches(candidate, context))
    : candidates.at(-1);
  if (manifests.unread) return;
  if (site) {
    site.applied.push({ ...withEdits(collected, manifests), where });
    return;
  }
  collected.problems.push({
    where,
    message:
      kubeconfig && !context
        ? `${manifests.via} applies manifests with the kubeconfig ${kubeconfig}, which no credentials step of this job writes (aws eks update-kubeconfig --kubeconfig, …): declare the target in the config`
        : context
          ? `${manifests.via} applies manifests to context ${context}, which no credentials step of this job creates (aws eks update-kubeconfig --alias, kubectl config use-context, …): declare the target in the config`
          : `${manifests.via} applies manifests to a cluster this job gets no credentials for (aws eks update-kubeconfig, get-gke-credentials, oc login, azure/k8s-set-context, kubectl config use-context): declare the target in the config`,
  });
}

/** Builds of a kustomization edited earlier in the job (`kustomize edit set image`) run the edited images. */
function withEdits(collected: Collected, manifests: AppliedManifests): AppliedManifests {
  // Which of them the build reads is known only when it is read (manifest-targets.ts).
  const kustomizeEdits = [...collected.kustomizeEdits].map(([dir, images]) => ({ dir, images }));
  return kustomizeEdits.length > 0 ? { ...manifests, kustomizeEdits } : manifests;
}

/**
 * Whether a kubeconfig context names the site's cluster: the name its credentials step gave it, or the
 * name that step gives by default (`aws eks update-kubeconfig`: the cluster's ARN; get-credentials:
 * `gke_PROJECT_LOCATION_CLUSTER`).
 */
function contextMatches(site: DeployTargetSite, context: string): boolean {
  if (site.context !== undefined) return site.context === context;
  const { credentials } = site;
  if (credentials.platform === 'eks') {
    const cluster = wordText(credentials.cluster);
    return cluster !== undefined && context.startsWith('arn:') && context.endsWith(`:cluster/${cluster}`);
  }
  if (credentials.platform === 'gke') {
    const parts = [credentials.project, credentials.location, credentials.cluster].map(wordText);
    return parts.every((part) => part !== undefined) && context === `gke_${parts.join('_')}`;
  }
  return false;
}
