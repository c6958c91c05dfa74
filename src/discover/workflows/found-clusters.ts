// A cluster a job gets credentials for, with every field known: a deploy target. A field known only at
// run time is a finding that names it and says to declare the target instead.
import type { DeployTargetSite } from './sites.ts';
import { isMissing, type Missing, type Text } from './text.ts';
import type { FoundCluster, FoundManifests } from './index.ts';

/** Each platform's fields, and whether the target needs it. */
const FIELDS: Readonly<Record<FoundCluster['platform'], readonly (readonly [string, boolean])[]>> = {
  eks: [
    ['cluster', true],
    ['region', true],
    ['account', false],
  ],
  gke: [
    ['cluster', true],
    ['location', true],
    ['project', true],
  ],
  openshift: [
    ['namespace', true],
    ['server', false],
  ],
  kubernetes: [
    ['context', false],
    ['namespace', false],
  ],
};

/** The cluster with every field known, or what is missing and how to declare the target instead. */
export function clusterOf(
  site: DeployTargetSite,
  describe: (hole: Missing) => string,
): FoundCluster | { need: string } {
  const { credentials, via, where } = site;
  const known: Record<string, string> = {};
  for (const [field, required] of FIELDS[credentials.platform]) {
    const text = (credentials as unknown as Record<string, Text | undefined>)[field];
    if (text === undefined) {
      if (required) return { need: `${via} names no ${field}: declare the target in the config` };
      continue;
    }
    const hole = text.find(isMissing);
    if (hole) {
      const article = ['openshift'].includes(credentials.platform) ? 'an' : 'a';
      const key = credentials.platform === 'openshift' ? 'namespace' : 'cluster';
      return {
        need: `${via} deploys to ${article} ${credentials.platform} cluster whose ${field} needs ${describe(hole)}: declare the target in the config (platform: ${credentials.platform}, with its ${key})`,
      };
    }
    known[field] = text.join('').trim();
  }
  return { platform: credentials.platform, ...known, via, where, images: [] } as FoundCluster;
}

/** One cluster reached from two jobs runs what either pushes. */
export function mergedImages(a: FoundCluster, b: FoundCluster): FoundCluster {
  return {
    ...a,
    images: [...new Set([...a.images, ...b.images])],
    setImages: [...(a.setImages ?? []), ...(b.setImages ?? [])],
    applied: distinctApplies([...(a.applied ?? []), ...(b.applied ?? [])]),
  };
}

export function sameCluster(a: FoundCluster, b: FoundCluster): boolean {
  if (a.platform !== b.platform) return false;
  // An EKS cluster is its name in its region and account: two accounts' clusters of one name are two
  // clusters; where one side's account is not known, the name and region say it is the same.
  const values = (cluster: FoundCluster) => cluster as unknown as Record<string, string | undefined>;
  return FIELDS[a.platform].every(([field]) => {
    const [x, y] = [values(a)[field], values(b)[field]];
    return field === 'account' ? x === undefined || y === undefined || x === y : x === y;
  });
}

/** The same manifests applied from two jobs are read once: the first apply's place stands for both. */
function distinctApplies(applied: readonly FoundManifests[]): FoundManifests[] {
  const seen = new Set<string>();
  return applied.filter(({ where: _where, via: _via, ...what }) => {
    const key = JSON.stringify(what);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
