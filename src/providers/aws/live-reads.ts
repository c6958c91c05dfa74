// Live reads of AWS facts: with the session the login obtained, else the ambient credential chain; reads
// in another account go through the role `auth.aws.roles` names there.
// The SDK loads only when the plan needs AWS facts: a Google-only run never evaluates it.
import type { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { LiveReadContext, LiveReadResult } from '../../core/provider.ts';
import type { TargetInput } from '../../core/config/schema.ts';
import { ConfigError } from '../../core/errors.ts';
import { parseRoleArn } from './arn.ts';
import { AWS_PLATFORMS } from './platforms.ts';
import { taskDefinitionOf } from './task-definition-file.ts';
import { ecrLocationOf } from './registry.ts';
import { rememberedCredentials } from './credentials.ts';

type Credentials = AwsCredentialIdentity | AwsCredentialIdentityProvider;

const HINT = 'configure AWS credentials: environment variables, a profile or SSO';

export async function read(context: LiveReadContext): Promise<LiveReadResult | undefined> {
  const { config, plan, runner } = context;
  const targets = config.input.targets ?? [];
  const ci = ciPath(context);
  const needed =
    plan.images.some((image) => ecrLocationOf(image) !== undefined) ||
    targets.some((target) => AWS_PLATFORMS.has(target.platform)) ||
    ci.logins.length > 0 ||
    ci.images.length > 0;
  if (!needed) return undefined;
  const { fromNodeProviderChain, fromTemporaryCredentials } = await import('@aws-sdk/credential-providers');
  const { collectAwsFacts } = await import('./collect.ts');
  const base = (context.credentials['aws'] as Credentials | undefined) ?? fromNodeProviderChain();
  if (!(await hasCredentials(base))) {
    const hint = context.credentialHints['aws'] ?? HINT;
    return { notes: [`no AWS credentials: AWS facts come from the config only (${hint})`] };
  }
  const roles = config.input.auth?.aws?.roles ?? {};
  const credentialsFor = accountCredentials(base, roles, fromTemporaryCredentials);
  // Targets without their own list share the plan's image objects: each once, not once per target.
  const images = [...new Set([...plan.targets.flatMap((target) => target.images), ...ci.images])];
  const facts = await collectAwsFacts(
    {
      images,
      targets: withExecutionRoles(config),
      known: config.input.facts?.aws ?? {},
      ciRoles: { logins: ci.logins, pushes: ci.pushes, pushRegistries: ci.registries },
    },
    { runner, credentialsFor, roleAccounts: ownRoles(roles) },
  );
  return { facts: { ...facts }, notes: [] };
}

/** The CI path's AWS logins (their roles), and its pushes to ECR (the images, and the roles that push). */
export function ciPath(context: Pick<LiveReadContext, 'ciLogins' | 'ciPushes'>) {
  const logins = (context.ciLogins ?? []).flatMap((login) =>
    login.provider === 'aws' && parseRoleArn(login.identity) ? [login.identity] : [],
  );
  const pushes = (context.ciPushes ?? []).filter((push) => ecrLocationOf(push.image) !== undefined);
  const registries = pushes.flatMap((push) => {
    const location = ecrLocationOf(push.image);
    return location ? [`${location.account}/${location.region}`] : [];
  });
  return {
    logins,
    registries,
    images: pushes.map((push) => push.image),
    pushes: pushes.flatMap((push) => (parseRoleArn(push.principal) ? [push.principal] : [])),
  };
}

/**
 * The targets, each `ecs` target with the execution roles its task definition files name among its roles:
 * those roles pull (ecs-task-principals.ts), so their policies are read like a listed role's. A file that
 * cannot be read adds nothing here: the rules report it at its line.
 */
export function withExecutionRoles(config: LiveReadContext['config']): TargetInput[] {
  return (config.input.targets ?? []).map((target, t) => {
    if (target.platform !== 'ecs' || !target.taskDefinitions?.length) return target;
    const roles = target.taskDefinitions.flatMap((_, i) => {
      try {
        const role = taskDefinitionOf(config, target, t, i).executionRole;
        return role && parseRoleArn(role) ? [role] : [];
      } catch (error) {
        if (error instanceof ConfigError) return [];
        throw error;
      }
    });
    return roles.length > 0
      ? { ...target, roles: [...new Set([...(target.roles ?? []), ...roles])] }
      : target;
  });
}

/** The accounts auth.aws.roles names a role of that same account for (what the role says is its own). */
function ownRoles(roles: Readonly<Record<string, string>>): Set<string> {
  return new Set(
    Object.entries(roles).flatMap(([account, arn]) =>
      parseRoleArn(arn)?.account === account ? [account] : [],
    ),
  );
}

async function hasCredentials(credentials: Credentials): Promise<boolean> {
  if (typeof credentials !== 'function') return true;
  try {
    await credentials();
    return true;
  } catch {
    return false;
  }
}

function accountCredentials(
  base: Credentials,
  roles: Readonly<Record<string, string>>,
  assume: typeof fromTemporaryCredentials,
) {
  const chained = new Map<string, Credentials>();
  return async (account: string | undefined): Promise<Credentials> => {
    const roleArn = account === undefined ? undefined : roles[account];
    if (!roleArn || account === undefined) return base;
    let credentials = chained.get(account);
    if (!credentials) {
      credentials = rememberedCredentials(
        assume({ masterCredentials: base, params: { RoleArn: roleArn, RoleSessionName: 'pullcheck-read' } }),
      );
      chained.set(account, credentials);
    }
    return credentials;
  };
}
