// Google's registries as image references name them: Artifact Registry's LOCATION-docker.pkg.dev hosts and
// their regional endpoints docker.REGION.rep.pkg.dev (the same repositories, reached through an endpoint in
// the region: docker-credential-gcr's config.DefaultARRegistries lists one per region, none for the
// multi-regions; gcloud's container utilities accept both host forms for one repository path), and the gcr.io
// hosts, each now backed by an Artifact Registry repository in its multi-region (or, for old
// projects, a Cloud Storage bucket: src/providers/gcp/resources.ts).
import type { ImageReference, RegistryLocation } from '../../core/image-reference.ts';
import type { RegistryDefinition } from '../../core/registries.ts';

export interface GarLocation extends RegistryLocation {
  readonly kind: 'gar';
  readonly location: string;
  readonly project: string;
  readonly repository: string;
  readonly image: string;
}

export interface GcrLocation extends RegistryLocation {
  readonly kind: 'gcr';
  readonly host: string;
  readonly location: 'us' | 'europe' | 'asia';
  readonly project: string;
  readonly image: string;
}

export type GoogleLocation = GarLocation | GcrLocation;

const GAR_HOST = /^([a-z0-9]+(?:-[a-z0-9]+)*)-docker\.pkg\.dev$/;
/** A regional endpoint: regions only (us-central1, europe-west2), never a multi-region (us, europe, asia). */
const GAR_REGIONAL_ENDPOINT = /^docker\.([a-z]+(?:-[a-z]+)+[0-9]+)\.rep\.pkg\.dev$/;
// Where Artifact Registry keeps the repository that now backs each gcr.io host.
const GCR_LOCATIONS = new Map(
  Object.entries({
    'gcr.io': 'us',
    'us.gcr.io': 'us',
    'eu.gcr.io': 'europe',
    'asia.gcr.io': 'asia',
  } as const),
);

export const garRegistry: RegistryDefinition = {
  kind: 'gar',
  locate(host, components, fail): GarLocation | undefined {
    const location = (GAR_HOST.exec(host) ?? GAR_REGIONAL_ENDPOINT.exec(host))?.[1];
    if (location === undefined) return undefined;
    const { project, parts } = projectOf(components);
    if (components.length < parts + 2) {
      fail(
        'an Artifact Registry path needs a project, a repository and an image',
        `${host}/PROJECT/REPOSITORY/IMAGE (domain-scoped: ${host}/DOMAIN/PROJECT/REPOSITORY/IMAGE)`,
      );
    }
    const [repository = '', ...image] = components.slice(parts);
    return { kind: 'gar', location, project, repository, image: image.join('/') };
  },
};

export const gcrRegistry: RegistryDefinition = {
  kind: 'gcr',
  locate(host, components, fail): GcrLocation | undefined {
    const location = GCR_LOCATIONS.get(host);
    if (!location) return undefined;
    const { project, parts } = projectOf(components);
    if (components.length < parts + 1) {
      fail(
        'a gcr.io path needs a project and an image',
        `${host}/PROJECT/IMAGE (domain-scoped: ${host}/DOMAIN/PROJECT/IMAGE)`,
      );
    }
    return { kind: 'gcr', host, location, project, image: components.slice(parts).join('/') };
  },
};

/** Domain-scoped project ids ("example.com:project") are written with "/" in place of ":". */
function projectOf(components: readonly string[]): { project: string; parts: number } {
  const [first = '', second = ''] = components;
  return first.includes('.') ? { project: `${first}:${second}`, parts: 2 } : { project: first, parts: 1 };
}

/** The image's Google registry (Artifact Registry or gcr.io), when it is in one. */
export function googleLocationOf(image: ImageReference): GoogleLocation | undefined {
  const { kind } = image.registry;
  return kind === 'gar' || kind === 'gcr' ? (image.registry as GoogleLocation) : undefined;
}
