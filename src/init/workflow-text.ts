// The workflow `pullcheck init` writes: pullcheck on every pull request (and push to the default branch),
// after the cloud logins its live reads need, with the least permissions that allows. Pure: the scan's
// logins in, YAML text out.
import type { CloudLogins } from './clouds.ts';
import { comments, yamlValue } from './yaml-text.ts';

export interface WorkflowPlan {
  readonly logins: CloudLogins;
  /** Repository-relative path of the config the step reads. */
  readonly config: string;
  readonly defaultBranch: string;
  /** Upload the SARIF report to code scanning (needs `security-events: write`). */
  readonly sarif: boolean;
}

/** The hand edit the workflow needs: its role placeholder is found by this marker. */
export const EDIT_MARKER = 'EDIT:';
const AWS_ROLE_PLACEHOLDER = 'arn:aws:iam::<ACCOUNT_ID>:role/pullcheck-read';

/** `permissions:` exactly: contents and pull-requests always; id-token for an OIDC login; security-events for SARIF. */
export function workflowPermissions(plan: WorkflowPlan): Record<string, 'read' | 'write'> {
  return {
    contents: 'read',
    'pull-requests': 'write',
    ...(usesOidc(plan.logins) ? { 'id-token': 'write' } : {}),
    ...(plan.sarif ? { 'security-events': 'write' } : {}),
  };
}

/** AWS and Google log in with GitHub's OIDC token; OpenShift here with a token from a secret. */
function usesOidc(logins: CloudLogins): boolean {
  return logins.aws !== undefined || logins.gcp !== undefined;
}

function awsRoleArn(logins: CloudLogins): string {
  const [account] = logins.aws?.accounts ?? [];
  return account ? AWS_ROLE_PLACEHOLDER.replace('<ACCOUNT_ID>', account) : AWS_ROLE_PLACEHOLDER;
}

export function workflowText(plan: WorkflowPlan): string {
  const permissions = workflowPermissions(plan);
  const why: Record<string, string> = {
    contents: 'check out the repository',
    'pull-requests': "pullcheck's pull request comment",
    'id-token': 'the OIDC login below',
    'security-events': 'upload the SARIF report to code scanning',
  };
  return [
    ...comments([
      'pullcheck: on every pull request, checks that the clusters can pull the images this',
      "repository's workflows push. Written by `pullcheck init`.",
      `The edits it needs are marked ${EDIT_MARKER} below; \`pullcheck permissions\` prints the read access`,
      'the role (or service account) needs.',
    ]),
    'name: pullcheck',
    '',
    'on:',
    '  pull_request:',
    '  push:',
    `    branches: [${yamlValue(plan.defaultBranch)}]`,
    '',
    'permissions:',
    ...Object.entries(permissions).map(([name, level]) => `  ${name}: ${level} # ${why[name]}`),
    '',
    'concurrency:',
    '  group: pullcheck-${{ github.ref }}',
    '  cancel-in-progress: true',
    '',
    'jobs:',
    '  pullcheck:',
    '    runs-on: ubuntu-latest',
    '    timeout-minutes: 15',
    '    steps:',
    '      - uses: actions/checkout@v4',
    ...awsLogin(plan.logins),
    ...gcpLogin(plan.logins),
    ...pullcheckStep(plan),
    ...(plan.sarif ? sarifUpload() : []),
    '',
  ].join('\n');
}

function awsLogin(logins: CloudLogins): string[] {
  if (!logins.aws) return [];
  const accounts = logins.aws.accounts;
  return [
    '      - name: AWS credentials for the live reads (read-only)',
    '        uses: aws-actions/configure-aws-credentials@v4',
    '        with:',
    ...comments(
      [
        `${EDIT_MARKER} the role pullcheck reads IAM, ECR and EKS with; trust GitHub's OIDC provider for`,
        'this repository (`pullcheck permissions` prints the policy and the trust policy).',
        ...(accounts.length > 1
          ? [`The images and clusters are in ${accounts.join(', ')}: the role must be able to read each.`]
          : []),
      ],
      '          ',
    ),
    `          role-to-assume: ${yamlValue(awsRoleArn(logins))}`,
    `          aws-region: ${yamlValue(logins.aws.region ?? 'us-east-1')}`,
  ];
}

function gcpLogin(logins: CloudLogins): string[] {
  if (!logins.gcp) return [];
  const [project] = logins.gcp.projects;
  return [
    '      - name: Google credentials for the live reads (read-only)',
    '        uses: google-github-actions/auth@v2',
    '        with:',
    ...comments(
      [`${EDIT_MARKER} your Workload Identity Federation provider and the read-only service account.`],
      '          ',
    ),
    `          workload_identity_provider: ${yamlValue('projects/<PROJECT_NUMBER>/locations/global/workloadIdentityPools/<POOL>/providers/<PROVIDER>')}`,
    `          service_account: ${yamlValue(`pullcheck-read@${project ?? '<PROJECT_ID>'}.iam.gserviceaccount.com`)}`,
  ];
}

function pullcheckStep(plan: WorkflowPlan): string[] {
  const openshift = plan.logins.openshift;
  return [
    '      - name: pullcheck',
    '        id: pullcheck',
    '        uses: acme/pullcheck@v1',
    '        with:',
    `          config: ${yamlValue(plan.config)}`,
    ...comments(
      ["This job pushes nothing: no registry login (the step's live reads use the logins above)."],
      '          ',
    ),
    "          login: 'false'",
    ...(openshift
      ? [
          ...comments(
            [
              `${EDIT_MARKER} the API server and a secret holding a token that may read the namespaces' RBAC.`,
            ],
            '          ',
          ),
          `          openshift-server: ${yamlValue(openshift.server ?? 'https://api.<CLUSTER>:6443')}`,
          '          openshift-token: ${{ secrets.OPENSHIFT_TOKEN }}',
        ]
      : []),
  ];
}

function sarifUpload(): string[] {
  return [
    '      - name: Upload the report to code scanning',
    "        if: always() && steps.pullcheck.outputs.sarif-file != ''",
    '        uses: github/codeql-action/upload-sarif@v3',
    '        with:',
    '          sarif_file: ${{ steps.pullcheck.outputs.sarif-file }}',
    '          category: pullcheck',
  ];
}
