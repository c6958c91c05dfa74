// AWS-managed IAM policies, resolved from the generated data file (npm run generate:aws-policies) rather than
// hand-typed, so a role's attached managed policies are evaluated with the documents AWS actually publishes.
// Only statements that can affect the ECR actions pullcheck evaluates are kept; see the generator.
import data from './data/aws-managed-policies.json' with { type: 'json' };

export interface AwsManagedPolicy {
  readonly arn: string;
  readonly versionId: string;
  readonly document: { readonly Version: '2012-10-17'; readonly Statement: readonly unknown[] };
}

interface DataFile {
  readonly source: string;
  readonly policies: Readonly<Record<string, { readonly versionId: string; readonly statements: unknown[] }>>;
}

const dataFile: DataFile = data;

/** Where the policy documents come from (package, version, licence), for reports and provenance. */
export const awsManagedPolicyDataset: string = dataFile.source;

// AWS-managed policies live in the reserved "aws" account; their paths and documents are the same in every
// partition, so China and GovCloud ARNs resolve to the commercial entry.
const MANAGED_POLICY_ARN = /^arn:aws(?:-cn|-us-gov)?:iam::aws:policy\/(.+)$/;

export function isAwsManagedPolicyArn(arn: string): boolean {
  return MANAGED_POLICY_ARN.test(arn);
}

/**
 * The latest version of an AWS-managed policy, or undefined when the ARN is not one the dataset knows.
 * A known policy with no ECR-relevant statements resolves with an empty Statement list.
 * `arn` is returned as given, so reports keep the caller's partition.
 */
export function awsManagedPolicy(arn: string): AwsManagedPolicy | undefined {
  const policyPath = MANAGED_POLICY_ARN.exec(arn)?.[1];
  if (policyPath === undefined) return undefined;
  const key = `arn:aws:iam::aws:policy/${policyPath}`;
  // Own properties only: an ARN ending in e.g. "constructor" must not reach Object.prototype.
  const entry = Object.hasOwn(dataFile.policies, key) ? dataFile.policies[key] : undefined;
  if (!entry) return undefined;
  return {
    arn,
    versionId: entry.versionId,
    document: { Version: '2012-10-17', Statement: entry.statements },
  };
}
