// GKE node access scopes: a node's requests to Google APIs are limited by its node pool's OAuth scopes as
// well as by IAM. Pulling from Artifact Registry or Container Registry needs a storage read scope
// (GKE docs "Access scopes in GKE"; Artifact Registry docs "Configure access for GKE": read-only storage
// scope or cloud-platform).
import type { Tri } from '../../core/tri.ts';

const SCOPE_PREFIX = 'https://www.googleapis.com/auth/';

/** Scopes that allow image pulls, by their short names. */
const PULL_SCOPES = [
  'devstorage.read_only',
  'devstorage.read_write',
  'devstorage.full_control',
  'cloud-platform',
];

// gcloud --scopes aliases (gcloud container node-pools create --help); gke-default includes devstorage.read_only.
// `default` is gcloud's Compute Engine default set ("*default* scopes are assigned to all instances"), which
// gcloud also accepts for node pools; it includes devstorage.read_only.
const ALIASES: Record<string, readonly string[]> = {
  'storage-ro': ['devstorage.read_only'],
  'storage-rw': ['devstorage.read_write'],
  'storage-full': ['devstorage.full_control'],
  default: [
    'devstorage.read_only',
    'logging.write',
    'monitoring.write',
    'pubsub',
    'service.management.readonly',
    'servicecontrol',
    'trace.append',
  ],
  'gke-default': [
    'devstorage.read_only',
    'logging.write',
    'monitoring',
    'service.management.readonly',
    'servicecontrol',
    'trace.append',
  ],
};

/** Short names of the scopes as written (full URL, short form or gcloud alias). */
function normalizeScopes(scopes: readonly string[]): string[] {
  return scopes.flatMap((scope) => {
    const short = scope.startsWith(SCOPE_PREFIX) ? scope.slice(SCOPE_PREFIX.length) : scope;
    return ALIASES[short] ?? [short];
  });
}

/** Whether a node pool with these scopes may pull; undefined scopes are not known. */
export function scopesAllowPull(scopes: readonly string[] | undefined): Tri {
  if (scopes === undefined) return 'unknown';
  return normalizeScopes(scopes).some((scope) => PULL_SCOPES.includes(scope)) ? 'yes' : 'no';
}
