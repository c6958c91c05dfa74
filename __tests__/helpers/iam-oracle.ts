// @cloud-copilot/iam-simulate (AGPL: tests only, never src/) asked the question pullcheck answers: may this
// role session pull from this ECR repository? Allowed iff it allows ecr:BatchGetImage and
// ecr:GetDownloadUrlForLayer on the repository ARN and ecr:GetAuthorizationToken on `*`, which no resource
// policy can grant: it is evaluated in the caller's account with no resource policy.
import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';

export interface OraclePull {
  /** Who makes the request: the role's assumed-role session. */
  readonly sessionArn: string;
  readonly roleAccount: string;
  readonly repositoryArn: string;
  readonly repositoryAccount: string;
  readonly identityPolicies: readonly unknown[];
  readonly boundary: unknown;
  readonly repositoryPolicy: unknown;
  /** The request context: the global keys the session carries. */
  readonly context: Readonly<Record<string, string>>;
}

export interface OracleAnswer {
  readonly verdict: 'allowed' | 'denied';
  readonly byAction: Readonly<Record<string, string>>;
}

async function simulate(
  pull: OraclePull,
  action: string,
  resource: string,
  account: string,
  policy: unknown,
) {
  const simulation = {
    request: {
      principal: pull.sessionArn,
      action,
      resource: { resource, accountId: account },
      contextVariables: { ...pull.context },
    },
    identityPolicies: pull.identityPolicies.map((p, i) => ({ name: `identity-${i + 1}`, policy: p })),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    ...(policy ? { resourcePolicy: policy } : {}),
    ...(pull.boundary ? { permissionBoundaryPolicies: [{ name: 'boundary', policy: pull.boundary }] } : {}),
  } as Simulation;
  const result = await runSimulation(simulation, {});
  if (result.resultType === 'error')
    throw new Error(`iam-simulate rejected: ${JSON.stringify(result.errors)}`);
  return result.overallResult;
}

export async function oraclePull(pull: OraclePull): Promise<OracleAnswer> {
  const repository = (action: string) =>
    simulate(pull, action, pull.repositoryArn, pull.repositoryAccount, pull.repositoryPolicy);
  const byAction: Record<string, string> = {
    'ecr:BatchGetImage': await repository('ecr:BatchGetImage'),
    'ecr:GetDownloadUrlForLayer': await repository('ecr:GetDownloadUrlForLayer'),
    'ecr:GetAuthorizationToken': await simulate(
      pull,
      'ecr:GetAuthorizationToken',
      '*',
      pull.roleAccount,
      null,
    ),
  };
  const verdict = Object.values(byAction).every((result) => result === 'Allowed') ? 'allowed' : 'denied';
  return { verdict, byAction };
}
