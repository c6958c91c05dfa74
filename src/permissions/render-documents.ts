// The read access as documents: JSON (one envelope) and YAML (the same, with the ClusterRole as a
// manifest of its own, ready for `kubectl apply -f`). Pure: model in, string out.
import { stringify } from 'yaml';
import type { ReadAccess } from './index.ts';

/** The names the policies are created under: the base session's, and each role's by its account. */
export function policyName(principal: string, accounts: readonly string[]): string {
  return principal.startsWith('arn:') ? `pullcheck-read-${accounts.join('-')}` : 'pullcheck-read';
}

export function renderJson(access: ReadAccess): string {
  return `${JSON.stringify(envelope(access), null, 2)}\n`;
}

// Quoted as YAML 1.1 would need: `Version: 2012-10-17` is a date to a YAML 1.1 reader (PyYAML, Ruby).
const asYaml = (value: unknown) => stringify(value, { version: '1.1' });

export function renderYaml(access: ReadAccess): string {
  const { kubernetes, ...rest } = envelope(access);
  const head = `# pullcheck permissions: the least-privilege read access of this config\n${asYaml(rest)}`;
  return kubernetes ? `${head}---\n${asYaml(kubernetes)}` : head;
}

function envelope(access: ReadAccess) {
  return {
    aws: {
      policies: access.aws.map((policy) => ({
        name: policyName(policy.principal, policy.accounts),
        attachTo: policy.principal,
        accounts: policy.accounts,
        document: policy.document,
      })),
      trustPolicies: access.trust.aws.map((trust) => ({
        role: trust.role,
        jobs: trust.jobs,
        ...(trust.notes.length > 0 ? { notes: trust.notes } : {}),
        document: trust.document,
      })),
    },
    ...(access.gcp || access.trust.gcp.length > 0
      ? {
          gcp: {
            ...(access.gcp ? { customRole: access.gcp } : {}),
            ...(access.trust.gcp.length > 0 ? { workloadIdentity: access.trust.gcp } : {}),
          },
        }
      : {}),
    ...(access.kubernetes ? { kubernetes: access.kubernetes } : {}),
  };
}
