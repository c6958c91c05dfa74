// Live reads of the pulling roles of EKS and ECS clusters: EKS node group roles, Fargate pod execution
// roles and the Auto Mode node role; ECS task execution roles of the target's services.
import { DescribeServicesCommand, DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import {
  DescribeClusterCommand,
  DescribeFargateProfileCommand,
  DescribeNodegroupCommand,
  ListFargateProfilesCommand,
  ListNodegroupsCommand,
} from '@aws-sdk/client-eks';
import type { AwsClients } from './clients.ts';
import type { CallOutcome } from '../../core/call-runner.ts';
import type { TargetInput } from '../../core/config/schema.ts';
import type { AwsReadOptions, KnownKeys } from './collect.ts';
import { clusterFactsFor } from './facts.ts';
import type { AwsFactsInput } from './schema.ts';

type Run = <T>(
  permission: string,
  resource: string,
  send: (signal: AbortSignal) => Promise<T>,
) => Promise<CallOutcome<T>>;

interface ClusterRead {
  readonly target: string;
  readonly region: string;
  /** The cluster's account (undefined: the base session's). */
  readonly account: string | undefined;
  readonly clients: AwsClients;
  readonly run: Run;
  /** The roles found so far (added to as they are read). */
  readonly roles: string[];
}

export type ClusterOut = NonNullable<AwsFactsInput['clusters']>[number];

/** EKS: node group roles, Fargate pod execution roles, the Auto Mode node role. ECS: task execution roles. */
export async function collectCluster(
  target: TargetInput,
  known: KnownKeys,
  options: AwsReadOptions,
): Promise<ClusterOut | undefined> {
  if ((target.platform !== 'eks' && target.platform !== 'ecs') || !target.cluster || !target.region)
    return undefined;
  // ECS: the roles are those of the services the target lists, so they are part of what was read.
  const services = target.platform === 'ecs' ? [...new Set(target.services ?? [])].sort() : undefined;
  const where = {
    platform: target.platform,
    name: target.cluster,
    region: target.region,
    ...(target.account ? { account: target.account } : {}),
    ...(services ? { services } : {}),
  };
  if (clusterFactsFor(known.clusters, where)) return undefined;
  const roles: string[] = [];
  const run = <T>(permission: string, resource: string, send: (signal: AbortSignal) => Promise<T>) =>
    options.runner.run({ key: `${permission} ${resource}`, permission, resource }, send);
  const fail = (message: string): ClusterOut => ({ ...where, roles, unreadable: message });
  const read: ClusterRead = {
    target: target.cluster,
    region: target.region,
    account: target.account,
    clients: options.clients,
    run,
    roles,
  };
  const failed = target.platform === 'eks' ? await eksRoles(read) : await ecsRoles(read, services ?? []);
  if (failed === 'nothing to read') return undefined;
  if (failed !== undefined) return fail(failed);
  return { ...where, roles: [...new Set(roles)] };
}

/** EKS: the Auto Mode node role, node group roles, Fargate pod execution roles; a refusal's message, else undefined. */
async function eksRoles({
  target: clusterName,
  region,
  account,
  clients,
  run,
  roles,
}: ClusterRead): Promise<string | undefined> {
  const resource = `cluster ${clusterName} in ${region}`;
  const eks = await clients.eks(account, region);
  const cluster = await run('eks:DescribeCluster', resource, () =>
    eks.send(new DescribeClusterCommand({ name: clusterName })),
  );
  if (!cluster.ok) return cluster.message;
  const autoModeRole = (cluster.value.cluster as { computeConfig?: { nodeRoleArn?: string } } | undefined)
    ?.computeConfig?.nodeRoleArn;
  if (autoModeRole) roles.push(autoModeRole);
  // The node groups and the Fargate profiles are independent: both chains are in flight together.
  const [groupRoles, profileRoles] = await Promise.all([
    pagedRoles(
      (nextToken) =>
        run('eks:ListNodegroups', `${resource}#${nextToken ?? ''}`, () =>
          eks.send(new ListNodegroupsCommand({ clusterName, maxResults: 100, nextToken })),
        ),
      (page) => page.nodegroups,
      async (nodegroupName) => {
        const group = await run('eks:DescribeNodegroup', `node group ${nodegroupName} of ${resource}`, () =>
          eks.send(new DescribeNodegroupCommand({ clusterName, nodegroupName })),
        );
        return group.ok ? group.value.nodegroup?.nodeRole : { unreadable: group.message };
      },
    ),
    pagedRoles(
      (nextToken) =>
        run('eks:ListFargateProfiles', `${resource}#${nextToken ?? ''}`, () =>
          eks.send(new ListFargateProfilesCommand({ clusterName, maxResults: 100, nextToken })),
        ),
      (page) => page.fargateProfileNames,
      async (fargateProfileName) => {
        const profile = await run(
          'eks:DescribeFargateProfile',
          `Fargate profile ${fargateProfileName} of ${resource}`,
          () => eks.send(new DescribeFargateProfileCommand({ clusterName, fargateProfileName })),
        );
        return profile.ok
          ? profile.value.fargateProfile?.podExecutionRoleArn
          : { unreadable: profile.message };
      },
    ),
  ]);
  // A refusal is reported as when the reads went one after another: node groups first.
  for (const found of [groupRoles, profileRoles]) {
    if ('unreadable' in found) return found.unreadable;
    roles.push(...found.roles);
  }
  return undefined;
}

const NAME_PAGES = 20;

/**
 * The roles of every name a paged list gives (the names of one page described together), in the list's
 * order; or the first refusal. A list longer than NAME_PAGES pages is a refusal too: never a silent cut.
 */
async function pagedRoles<Page extends { nextToken?: string | undefined }>(
  list: (nextToken: string | undefined) => Promise<CallOutcome<Page>>,
  namesOf: (page: Page) => readonly string[] | undefined,
  roleOf: (name: string) => Promise<string | undefined | { unreadable: string }>,
): Promise<{ roles: string[] } | { unreadable: string }> {
  const roles: string[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < NAME_PAGES; page++) {
    const listed = await list(nextToken);
    if (!listed.ok) return { unreadable: listed.message.replace(`#${nextToken ?? ''}`, '') };
    for (const role of await Promise.all((namesOf(listed.value) ?? []).map(roleOf))) {
      if (typeof role === 'object') return role;
      if (role) roles.push(role);
    }
    nextToken = listed.value.nextToken;
    if (!nextToken) return { roles };
  }
  return {
    unreadable: `more than ${NAME_PAGES} pages of node groups or Fargate profiles: pullcheck reads no further`,
  };
}

/** ECS: the task execution roles of the services' task definitions; a refusal's message, else undefined. */
async function ecsRoles(
  { target: clusterName, region, account, clients, run, roles }: ClusterRead,
  services: readonly string[],
): Promise<string | undefined | 'nothing to read'> {
  if (services.length === 0) return 'nothing to read';
  // The services are part of the call: two targets reading other services of one cluster are two calls.
  const resource = `services ${services.join(', ')} of cluster ${clusterName} in ${region}`;
  const ecs = await clients.ecs(account, region);
  const described = await run('ecs:DescribeServices', resource, () =>
    ecs.send(new DescribeServicesCommand({ cluster: clusterName, services: [...services] })),
  );
  if (!described.ok) return described.message;
  // A service ECS does not find has no task definition to read: its role is not known, not absent.
  const failures = described.value.failures ?? [];
  if (failures.length > 0) {
    const which = failures.map((failure) => `${failure.arn ?? '?'} (${failure.reason ?? 'failed'})`);
    return `ecs:DescribeServices did not describe ${which.join(', ').slice(0, 300)}`;
  }
  for (const taskDefinition of new Set(
    (described.value.services ?? []).flatMap((s) => (s.taskDefinition ? [s.taskDefinition] : [])),
  )) {
    const definition = await run('ecs:DescribeTaskDefinition', taskDefinition, () =>
      ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition })),
    );
    if (!definition.ok) return definition.message;
    if (definition.value.taskDefinition?.executionRoleArn)
      roles.push(definition.value.taskDefinition.executionRoleArn);
  }
  return undefined;
}
