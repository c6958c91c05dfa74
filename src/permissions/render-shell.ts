// The read access as a shell script of the clouds' own CLIs: `aws iam`, `gcloud iam roles create`, and
// `kubectl apply` of the ClusterRole. Every value from the config is single-quoted for /bin/sh.
import { stringify } from 'yaml';
import { escapeTerminal, shellQuoted } from '../core/outgoing-text.ts';
import { parseRoleArn } from '../providers/aws/arn.ts';
import type { ReadAccess } from './index.ts';
import { policyName } from './render-documents.ts';

/** A comment line: whatever the config holds cannot end it. */
// A comment is one line of text: a line break or a terminal escape from a workflow is written as its escape.
const comment = (text: string) => `# ${escapeTerminal(text).replace(/[\u2028\u2029]+/g, ' ')}`;

export function renderShell(access: ReadAccess): string {
  const lines = [
    '#!/bin/sh',
    '# pullcheck permissions: the least-privilege read access of this config',
    'set -eu',
  ];
  for (const policy of access.aws) {
    const name = shellQuoted(policyName(policy.principal, policy.accounts));
    const document = shellQuoted(JSON.stringify(policy.document));
    const role = parseRoleArn(policy.principal);
    lines.push(
      '',
      comment(
        `AWS: what ${parseRoleArn(policy.principal) ? policy.principal : 'the base session'} reads (accounts ${policy.accounts.join(', ')})`,
      ),
    );
    if (role)
      lines.push(
        `aws iam put-role-policy --role-name ${shellQuoted(role.name)} --policy-name ${name} \\`,
        `  --policy-document ${document}`,
      );
    else
      lines.push(
        `aws iam create-policy --policy-name ${name} \\`,
        `  --policy-document ${document}`,
        comment('then attach it to the role or user pullcheck reads with'),
      );
  }
  for (const trust of access.trust.aws) {
    const role = parseRoleArn(trust.role)!;
    lines.push('', comment(`AWS: who may assume ${trust.role} (${trust.jobs.join(', ')})`));
    for (const note of trust.notes) lines.push(comment(note));
    lines.push(
      `aws iam update-assume-role-policy --role-name ${shellQuoted(role.name)} \\`,
      `  --policy-document ${shellQuoted(JSON.stringify(trust.document))}`,
    );
  }
  if (access.gcp) lines.push('', ...gcloudLines(access.gcp));
  for (const login of access.trust.gcp) lines.push('', ...workloadIdentityLines(login));
  if (access.kubernetes)
    lines.push(
      '',
      comment('Kubernetes/OpenShift: bind it to the identity pullcheck reads the cluster with'),
      "kubectl apply -f - <<'PULLCHECK_CLUSTER_ROLE'",
      stringify(access.kubernetes).trimEnd(),
      'PULLCHECK_CLUSTER_ROLE',
    );
  return `${lines.join('\n')}\n`;
}

function gcloudLines(role: NonNullable<ReadAccess['gcp']>): string[] {
  const permissions = shellQuoted(role.permissions.join(','));
  const lines = [comment('Google Cloud: a custom role in each project the reads touch; grant it there')];
  for (const project of role.projects)
    lines.push(
      `gcloud iam roles create ${role.roleId} --project=${shellQuoted(project)} \\`,
      `  --title=${shellQuoted(role.title)} --permissions=${permissions}`,
    );
  lines.push(
    comment('folders and organization policies: an organization-level role (ORGANIZATION_ID is yours)'),
    `gcloud iam roles create ${role.roleId}Organization --organization="$ORGANIZATION_ID" \\`,
    `  --title=${shellQuoted(role.title)} --permissions=${shellQuoted(role.organizationPermissions.join(','))}`,
  );
  return lines;
}

function workloadIdentityLines(login: ReadAccess['trust']['gcp'][number]): string[] {
  const [, project, pool, provider] =
    /^projects\/([^/]+)\/locations\/global\/workloadIdentityPools\/([^/]+)\/providers\/([^/]+)$/.exec(
      login.provider,
    ) ?? [];
  const lines = [
    comment(`Google Cloud: who may log in through ${login.provider} (${login.jobs.join(', ')})`),
  ];
  for (const note of login.notes) lines.push(comment(note));
  const mapping = Object.entries(login.attributeMapping)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
  if (project && pool && provider)
    lines.push(
      `gcloud iam workload-identity-pools providers update-oidc ${shellQuoted(provider)} --project=${shellQuoted(project)} \\`,
      `  --location=global --workload-identity-pool=${shellQuoted(pool)} \\`,
      `  --attribute-mapping=${shellQuoted(mapping)} \\`,
      `  --attribute-condition=${shellQuoted(login.attributeCondition)}`,
    );
  else lines.push(comment('not a provider resource name: set the mapping and condition above on it by hand'));
  const account = login.serviceAccount;
  if (account)
    lines.push(
      `gcloud iam service-accounts add-iam-policy-binding ${shellQuoted(account.email)} \\`,
      `  --role=${shellQuoted(account.role)} --member=${shellQuoted(account.member)}`,
    );
  return lines;
}
