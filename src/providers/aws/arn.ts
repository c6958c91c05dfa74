import type { CallingRole } from './policy/match.ts';

export interface RoleArn {
  readonly arn: string;
  readonly partition: string;
  readonly account: string;
  /** `/` or `/path/to/`. */
  readonly path: string;
  readonly name: string;
}

const ROLE_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):role(\/(?:[^/]+\/)*)([\w+=,.@-]+)$/;

export function parseRoleArn(arn: string): RoleArn | undefined {
  const match = ROLE_ARN.exec(arn);
  if (!match) return undefined;
  const [, partition = '', account = '', path = '/', name = ''] = match;
  return { arn, partition, account, path, name };
}

export function callingRole(
  role: RoleArn,
  organizationId: string | undefined,
  hasPermissionsBoundary: boolean,
): CallingRole {
  return {
    arn: role.arn,
    partition: role.partition,
    account: role.account,
    name: role.name,
    hasPermissionsBoundary,
    ...(organizationId === undefined ? {} : { organizationId }),
  };
}

export function repositoryArn(
  partition: string,
  region: string,
  account: string,
  repository: string,
): string {
  return `arn:${partition}:ecr:${region}:${account}:repository/${repository}`;
}
