// The smallest grant that makes a Google Cloud pull work: the reader role on the repository (or
// objectViewer on a legacy bucket), never admin; and for GKE scopes, a node pool that has one.
import type { MissingGrant } from '../../core/verdict.ts';
import type { PullResource } from './resources.ts';

export function bindingFix(resource: PullResource, email: string): MissingGrant {
  const member = `serviceAccount:${email}`;
  if (resource.kind === 'bucket') {
    const role = 'roles/storage.objectViewer';
    return {
      side: 'binding',
      permissions: [resource.permission],
      fix: {
        text: `Grant ${member} ${role} on the Container Registry bucket gs://${resource.bucket} (project ${resource.project} still uses legacy Container Registry storage).`,
        snippets: {
          cli: `gcloud storage buckets add-iam-policy-binding gs://${resource.bucket} --member=${member} --role=${role}`,
          terraform: [
            `resource "google_storage_bucket_iam_member" "${tfName(email)}_pull" {`,
            `  bucket = "${resource.bucket}"`,
            `  role   = "${role}"`,
            `  member = "${member}"`,
            `}`,
          ].join('\n'),
        },
      },
    };
  }
  const role = 'roles/artifactregistry.reader';
  return {
    side: 'binding',
    permissions: [resource.permission],
    fix: {
      text: `Grant ${member} ${role} on the Artifact Registry repository ${resource.repository} (${resource.location}, project ${resource.project}).`,
      snippets: {
        cli: `gcloud artifacts repositories add-iam-policy-binding ${resource.repository} --location=${resource.location} --project=${resource.project} --member=${member} --role=${role}`,
        terraform: [
          `resource "google_artifact_registry_repository_iam_member" "${tfName(email)}_pull" {`,
          `  project    = "${resource.project}"`,
          `  location   = "${resource.location}"`,
          `  repository = "${resource.repository}"`,
          `  role       = "${role}"`,
          `  member     = "${member}"`,
          `}`,
        ].join('\n'),
      },
    },
  };
}

export interface NodePoolTarget {
  readonly project?: string;
  readonly location?: string;
  readonly cluster?: string;
}

export function scopeFix(cluster: NodePoolTarget, email: string): MissingGrant {
  const scope = 'https://www.googleapis.com/auth/cloud-platform';
  const where = [
    `--cluster=${cluster.cluster ?? 'CLUSTER'}`,
    `--location=${cluster.location ?? 'LOCATION'}`,
    `--project=${cluster.project ?? 'PROJECT'}`,
  ].join(' ');
  return {
    side: 'scope',
    permissions: ['https://www.googleapis.com/auth/devstorage.read_only'],
    fix: {
      text:
        `The node pool's access scopes do not allow storage reads, and scopes cannot be changed on an existing node pool:` +
        ` create a new node pool for ${email} with the cloud-platform scope (access then follows IAM alone) or at least devstorage.read_only,` +
        ` move the workloads to it, and delete the old pool.`,
      snippets: {
        cli: `gcloud container node-pools create pool-with-pull-scope ${where} --service-account=${email} --scopes=${scope}`,
        terraform: [
          `resource "google_container_node_pool" "with_pull_scope" {`,
          `  name     = "pool-with-pull-scope"`,
          `  cluster  = "${cluster.cluster ?? 'CLUSTER'}"`,
          `  location = "${cluster.location ?? 'LOCATION'}"`,
          `  node_config {`,
          `    service_account = "${email}"`,
          `    oauth_scopes    = ["${scope}"]`,
          `  }`,
          `}`,
        ].join('\n'),
      },
    },
  };
}

function tfName(email: string): string {
  return email.slice(0, email.indexOf('@')).replace(/[^A-Za-z0-9]+/g, '_');
}
