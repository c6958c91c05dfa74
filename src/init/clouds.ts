// Which cloud logins the pullcheck job needs for its live reads, and what discovery says about each
// (account, region, project, server): read from the images, the targets and the repository's own logins.
import type { RepositoryScan } from './model.ts';

export interface CloudLogins {
  readonly aws?: { readonly accounts: readonly string[]; readonly region?: string };
  readonly gcp?: { readonly projects: readonly string[] };
  readonly openshift?: { readonly server?: string };
}

const ECR = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\//;
const GOOGLE = /^(?:[a-z0-9-]+-docker\.pkg\.dev|(?:[a-z]+\.)?gcr\.io)\/([^/]+)\//;
const AWS_TARGETS = new Set(['eks', 'ecs', 'lambda', 'aws-role']);
const GCP_TARGETS = new Set(['gke', 'cloud-run', 'gcp-service-account']);

export function cloudLogins(scan: RepositoryScan): CloudLogins {
  const ecr = scan.images.flatMap(({ reference }) => {
    const match = ECR.exec(reference);
    return match ? [{ account: match[1]!, region: match[2]! }] : [];
  });
  const google = scan.images.flatMap(({ reference }) => GOOGLE.exec(reference)?.slice(1, 2) ?? []);
  const targets = (platforms: ReadonlySet<string>) => scan.targets.filter((t) => platforms.has(t.platform));
  const logsIn = (...providers: string[]) => scan.logins.some((login) => providers.includes(login.provider));
  const awsTargets = targets(AWS_TARGETS);
  const gcpTargets = targets(GCP_TARGETS);
  const openshift = scan.targets.filter((t) => t.platform === 'openshift');

  const aws =
    ecr.length > 0 || awsTargets.length > 0 || logsIn('aws')
      ? {
          // The targets' accounts first: the role is made in the account of the clusters it reads.
          accounts: unique([...awsTargets.map((t) => t.details['account']), ...ecr.map((e) => e.account)]),
          ...optional('region', [...awsTargets.map((t) => t.details['region']), ...ecr.map((e) => e.region)]),
        }
      : undefined;
  const gcp =
    google.length > 0 || gcpTargets.length > 0 || logsIn('gcp')
      ? { projects: unique([...gcpTargets.map((t) => t.details['project']), ...google]) }
      : undefined;
  const ocp =
    openshift.length > 0 || logsIn('openshift', 'kubernetes')
      ? optional(
          'server',
          openshift.map((t) => t.details['server']),
        )
      : undefined;
  return { ...(aws ? { aws } : {}), ...(gcp ? { gcp } : {}), ...(ocp ? { openshift: ocp } : {}) };
}

function unique(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== undefined && value !== ''))];
}

function optional<K extends string>(key: K, values: readonly (string | undefined)[]): { [P in K]?: string } {
  const [first] = unique(values);
  return (first === undefined ? {} : { [key]: first }) as { [P in K]?: string };
}
