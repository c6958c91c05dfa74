// Google Cloud scenario: Artifact Registry images in 40 repositories across two projects, GKE targets with
// node service accounts and scopes, repository and project policies with groups, conditions, custom roles
// and principal sets, folder and organization policies.
import { stringify } from 'yaml';

const projects = ['acme-prod', 'acme-shared'];

/** The scenario's config as YAML text. */
export function gcpScenario(imageCount: number, targetCount: number): string {
  return stringify(gcpScenarioConfig(imageCount, targetCount));
}

/** The scenario's config as a value (written as JSON by bench/scale-configs.ts). */
export function gcpScenarioConfig(imageCount: number, targetCount: number): Record<string, unknown> {
  const repository = (i: number) => `repo-${i % 40}`;
  const project = (i: number) => projects[i % 2]!;
  const images = Array.from(
    { length: imageCount },
    (_, i) => `europe-west2-docker.pkg.dev/${project(i)}/${repository(i)}/svc-${i}:1.${i}`,
  );
  const nodeAccount = (t: number) => `gke-${t}@${projects[t % 2]}.iam.gserviceaccount.com`;
  const targets = Array.from({ length: targetCount }, (_, t) => ({
    name: `gke-${t}`,
    platform: 'gke',
    project: projects[t % 2],
    location: 'europe-west2',
    cluster: `cluster-${t}`,
    serviceAccounts: [
      {
        email: nodeAccount(t),
        scopes:
          t % 5 === 4
            ? ['https://www.googleapis.com/auth/logging.write']
            : [
                'https://www.googleapis.com/auth/devstorage.read_only',
                'https://www.googleapis.com/auth/monitoring',
              ],
      },
    ],
  }));
  const repositoryPolicies = Array.from({ length: 40 }, (_, r) => ({
    resource: `projects/${projects[r % 2]}/locations/europe-west2/repositories/repo-${r}`,
    policy: {
      bindings: [
        {
          role: 'roles/artifactregistry.reader',
          members: ['group:gke-nodes@acme.example', `serviceAccount:${nodeAccount(r % targetCount)}`],
        },
        {
          role: 'roles/artifactregistry.writer',
          members: [
            'principalSet://iam.googleapis.com/projects/111/locations/global/workloadIdentityPools/github/attribute.repository/acme/apps',
          ],
        },
        {
          role: 'projects/acme-prod/roles/puller',
          members: [`serviceAccount:${nodeAccount((r + 3) % targetCount)}`],
        },
        ...(r % 7 === 0
          ? [
              {
                role: 'roles/artifactregistry.reader',
                members: ['group:contractors@acme.example'],
                condition: {
                  title: 'office hours',
                  expression: 'request.time.getHours("Europe/London") < 18',
                },
              },
            ]
          : []),
      ],
      etag: 'BwYVcx1Xsk0=',
    },
  }));
  const projectPolicies = projects.map((id) => ({
    resource: `projects/${id}`,
    policy: {
      bindings: Array.from({ length: 30 }, (_, b) => ({
        role: [
          'roles/logging.logWriter',
          'roles/monitoring.metricWriter',
          'roles/container.nodeServiceAccount',
        ][b % 3],
        members: [`serviceAccount:svc-${b}@${id}.iam.gserviceaccount.com`, 'group:platform@acme.example'],
      })),
    },
  }));
  return {
    version: 1,
    images,
    targets,
    facts: {
      gcp: {
        projects: projects.map((id, p) => ({
          id,
          number: String(514728273412 + p),
          ancestors: ['folders/1234', 'organizations/5678'],
        })),
        iamPolicies: [
          ...repositoryPolicies,
          ...projectPolicies,
          {
            resource: 'folders/1234',
            policy: { bindings: [{ role: 'roles/viewer', members: ['group:auditors@acme.example'] }] },
          },
          {
            resource: 'organizations/5678',
            policy: { bindings: [{ role: 'roles/browser', members: ['domain:acme.example'] }] },
          },
        ],
        roles: [
          {
            name: 'projects/acme-prod/roles/puller',
            includedPermissions: ['artifactregistry.repositories.downloadArtifacts'],
          },
        ],
        groups: [
          {
            email: 'gke-nodes@acme.example',
            members: Array.from({ length: targetCount }, (_, t) => `serviceAccount:${nodeAccount(t)}`).filter(
              (_, t) => t % 3 === 0,
            ),
          },
          { email: 'platform@acme.example', members: ['group:sre@acme.example'] },
          { email: 'sre@acme.example', members: ['user:alice@acme.example'] },
          { email: 'auditors@acme.example', members: [] },
          { email: 'contractors@acme.example', members: [] },
        ],
      },
    },
  };
}
