// The read access as Terraform: aws_iam_policy / aws_iam_role_policy, the CI roles' assume_role_policy,
// google_project_iam_custom_role, kubernetes_cluster_role_v1. Every value from the config is an HCL string
// literal with its template sequences (`${`, `%{`) escaped.
import { escapeTerminal } from '../core/outgoing-text.ts';
import { parseRoleArn } from '../providers/aws/arn.ts';
import type { ReadAccess } from './index.ts';
import type { PolicyRule } from './kubernetes-cluster-role.ts';
import { policyName } from './render-documents.ts';

/**
 * An HCL quoted string: JSON's escapes but \b and \f, which HCL does not know (written \u0008, \u000c), and
 * `${`/`%{` doubled so they stay literal.
 */
export function hclString(value: string): string {
  return (
    JSON.stringify(value)
      .replace(/\\(u[0-9a-fA-F]{4}|.)/g, (escape, what: string) =>
        what === 'b' ? '\\u0008' : what === 'f' ? '\\u000c' : escape,
      )
      // A function, not the string '$${': in a replacement string `$$` is one `$`, which left `${` as it was.
      .replaceAll('${', () => '$${')
      .replaceAll('%{', '%%{')
  );
}

const hclList = (values: readonly string[]) => `[${values.map(hclString).join(', ')}]`;
// A comment is one line of text: a line break or a terminal escape from a workflow is written as its escape.
const comment = (text: string) => `# ${escapeTerminal(text).replace(/[\u2028\u2029]+/g, ' ')}`;

export function renderTerraform(access: ReadAccess): string {
  const blocks = [comment('pullcheck permissions: the least-privilege read access of this config')];
  access.aws.forEach((policy, i) => {
    const name = hclString(policyName(policy.principal, policy.accounts));
    const document = hclString(JSON.stringify(policy.document));
    const role = parseRoleArn(policy.principal);
    blocks.push(
      role
        ? `${comment(`what ${policy.principal} reads`)}\nresource "aws_iam_role_policy" "pullcheck_read_${i}" {\n  role   = ${hclString(role.name)}\n  name   = ${name}\n  policy = ${document}\n}`
        : `${comment('what the base session reads: attach it to the role or user pullcheck reads with')}\nresource "aws_iam_policy" "pullcheck_read" {\n  name   = ${name}\n  policy = ${document}\n}`,
    );
  });
  access.trust.aws.forEach((trust, i) => {
    const role = parseRoleArn(trust.role)!;
    blocks.push(
      `${comment(`who may assume ${trust.role}: ${trust.jobs.join(', ')}`)}\n${trust.notes.map((note) => `${comment(note)}\n`).join('')}resource "aws_iam_role" "pullcheck_ci_${i}" {\n  name               = ${hclString(role.name)}\n  path               = ${hclString(role.path)}\n  assume_role_policy = ${hclString(JSON.stringify(trust.document))}\n}`,
    );
  });
  if (access.gcp) {
    const gcp = access.gcp;
    gcp.projects.forEach((project, i) =>
      blocks.push(
        `resource "google_project_iam_custom_role" "pullcheck_read_${i}" {\n  project     = ${hclString(project)}\n  role_id     = ${hclString(gcp.roleId)}\n  title       = ${hclString(gcp.title)}\n  description = ${hclString(gcp.description)}\n  permissions = ${hclList(gcp.permissions)}\n}`,
      ),
    );
    blocks.push(
      `variable "organization_id" {\n  type = string\n}`,
      `${comment('the folders and organization above the projects: an organization-level role')}\nresource "google_organization_iam_custom_role" "pullcheck_read" {\n  org_id      = var.organization_id\n  role_id     = ${hclString(`${gcp.roleId}Organization`)}\n  title       = ${hclString(gcp.title)}\n  permissions = ${hclList(gcp.organizationPermissions)}\n}`,
    );
  }
  access.trust.gcp.forEach((login, i) => blocks.push(workloadIdentityBlock(login, i)));
  if (access.kubernetes)
    blocks.push(
      `resource "kubernetes_cluster_role_v1" "pullcheck_read" {\n  metadata {\n    name = ${hclString(access.kubernetes.metadata.name)}\n  }\n${access.kubernetes.rules.map(ruleBlock).join('\n')}\n}`,
    );
  return `${blocks.join('\n\n')}\n`;
}

function ruleBlock(rule: PolicyRule): string {
  return `  rule {\n    api_groups = ${hclList(rule.apiGroups)}\n    resources  = ${hclList(rule.resources)}\n    verbs      = ${hclList(rule.verbs)}\n  }`;
}

function workloadIdentityBlock(login: ReadAccess['trust']['gcp'][number], i: number): string {
  const [, project, pool, provider] =
    /^projects\/([^/]+)\/locations\/global\/workloadIdentityPools\/([^/]+)\/providers\/([^/]+)$/.exec(
      login.provider,
    ) ?? [];
  const mapping = Object.entries(login.attributeMapping)
    .map(([key, value]) => `    ${hclString(key)} = ${hclString(value)}`)
    .join('\n');
  const notes = login.notes.map((note) => `${comment(note)}\n`).join('');
  const head = `${comment(`who may log in through ${login.provider}: ${login.jobs.join(', ')}`)}\n${notes}`;
  const providerBlock = `resource "google_iam_workload_identity_pool_provider" "pullcheck_ci_${i}" {\n  project                            = ${hclString(project ?? '')}\n  workload_identity_pool_id          = ${hclString(pool ?? '')}\n  workload_identity_pool_provider_id = ${hclString(provider ?? '')}\n  attribute_mapping = {\n${mapping}\n  }\n  attribute_condition = ${hclString(login.attributeCondition)}\n  oidc {\n    issuer_uri = "https://token.actions.githubusercontent.com"\n  }\n}`;
  const account = login.serviceAccount;
  const binding = account
    ? `\n\nresource "google_service_account_iam_member" "pullcheck_ci_${i}" {\n  service_account_id = ${hclString(`projects/-/serviceAccounts/${account.email}`)}\n  role               = ${hclString(account.role)}\n  member             = ${hclString(account.member)}\n}`
    : '';
  return `${head}${providerBlock}${binding}`;
}
