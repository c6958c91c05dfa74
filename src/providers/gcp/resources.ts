// Which Google Cloud resource an image pull reads, and the permission it needs there.
// Sources: Artifact Registry docs "gcr.io repositories in Artifact Registry" (host → repository and
// location), Container Registry docs "Access control" (storage buckets artifacts.PROJECT.appspot.com).
import type { GoogleLocation } from './registry.ts';
import type { GcpFacts } from './facts.ts';

export const DOWNLOAD_ARTIFACTS = 'artifactregistry.repositories.downloadArtifacts';
export const GET_OBJECT = 'storage.objects.get';

/**
 * Container Registry docs, "Configure access control": Storage Legacy Bucket Writer on the registry bucket is the
 * role to "push (write) and pull (read) images", although its listed permissions lack storage.objects.get.
 */
export const REGISTRY_BUCKET_PULL_ROLES: ReadonlySet<string> = new Set(['roles/storage.legacyBucketWriter']);

export type PullResource =
  | {
      readonly kind: 'repository';
      /** projects/P/locations/L/repositories/R */
      readonly name: string;
      readonly project: string;
      readonly location: string;
      readonly repository: string;
      /** What is checked there: downloadArtifacts for a pull; a push checks others on the same resource. */
      readonly permission: string;
    }
  | {
      readonly kind: 'bucket';
      /** buckets/B */
      readonly name: string;
      readonly project: string;
      readonly bucket: string;
      readonly permission: string;
    };

export function pullResource(registry: GoogleLocation, facts: GcpFacts): PullResource {
  if (registry.kind === 'gar') {
    return repository(registry.project, registry.location, registry.repository);
  }
  if (facts.projects.get(registry.project)?.gcrBackend === 'storage') {
    const bucket = legacyBucket(registry.host, registry.project);
    return {
      kind: 'bucket',
      name: `buckets/${bucket}`,
      project: registry.project,
      bucket,
      permission: GET_OBJECT,
    };
  }
  // gcr.io hosts are served by Artifact Registry repositories named after the host.
  return repository(registry.project, registry.location, registry.host);
}

function repository(project: string, location: string, name: string): PullResource {
  return {
    kind: 'repository',
    name: `projects/${project}/locations/${location}/repositories/${name}`,
    project,
    location,
    repository: name,
    permission: DOWNLOAD_ARTIFACTS,
  };
}

/**
 * gcr.io → artifacts.PROJECT.appspot.com; us./eu./asia.gcr.io → us./eu./asia.artifacts.PROJECT.appspot.com.
 * Domain-scoped projects (example.com:proj) use artifacts.proj.example.com.a.appspot.com.
 */
function legacyBucket(host: string, project: string): string {
  const prefix = host === 'gcr.io' ? '' : `${host.slice(0, host.indexOf('.'))}.`;
  const colon = project.indexOf(':');
  const name =
    colon === -1
      ? `${project}.appspot.com`
      : `${project.slice(colon + 1)}.${project.slice(0, colon)}.a.appspot.com`;
  return `${prefix}artifacts.${name}`;
}
