// The AWS part of the action's login: every ECR registry (account × region) of the images, with the
// role the inputs name (or the job's ambient credentials); the session goes on to the live reads.
import type { LoginContext, LoginOutcome } from '../../core/provider.ts';
import { LoginError } from '../../core/provider.ts';
import { OidcError } from '../../login/oidc.ts';
import { awsCredentials, AwsLoginError, ecrLogins, type EcrRegistry } from './login.ts';
import { ecrLocationOf } from './registry.ts';

export const refusedHint =
  'check the registry account and region, and that the role may pull from (or push to) its repositories';

export async function logIn(context: LoginContext): Promise<LoginOutcome> {
  const { inputs } = context;
  const registries = ecrRegistries(context);
  if (registries.length === 0) return { logins: [] };
  const options = {
    ...(inputs['aws-role-arn'] ? { roleArn: inputs['aws-role-arn'] } : {}),
    ...(inputs['aws-region'] ? { region: inputs['aws-region'] } : {}),
    audience: inputs['audience'] ?? 'sts.amazonaws.com',
    getIdToken: context.getIdToken,
    mask: context.mask,
    sessionName: `pullcheck-${context.env['GITHUB_RUN_ID'] ?? 'local'}`,
  };
  let session: Awaited<ReturnType<typeof awsCredentials>> | undefined;
  try {
    const logins = await ecrLogins(
      registries,
      async (region) => (session ??= await awsCredentials(options, region)),
      context.mask,
    );
    return { logins, session };
  } catch (error) {
    if (error instanceof AwsLoginError || error instanceof OidcError) throw new LoginError(error.message);
    // Without aws-role-arn the ambient chain may simply be empty: not this step's failure.
    if (!inputs['aws-role-arn'] && /CredentialsProviderError/.test((error as Error).name)) {
      context.warning(
        'pullcheck: no AWS credentials (set aws-role-arn, or configure them earlier in the job): skipping the ECR logins',
      );
      return { logins: [], ...(session ? { session } : {}) };
    }
    throw new LoginError(`ECR login failed: ${(error as Error).name}`);
  }
}

function ecrRegistries(context: LoginContext): EcrRegistry[] {
  const registries = new Map<string, { hosts: Set<string>; account: string; region: string }>();
  for (const image of context.images) {
    const ecr = ecrLocationOf(image);
    if (!ecr) continue;
    const key = `${ecr.account}/${ecr.region}`;
    const entry = registries.get(key) ?? { hosts: new Set(), account: ecr.account, region: ecr.region };
    entry.hosts.add(image.host);
    registries.set(key, entry);
  }
  return [...registries.values()].map((entry) => ({ ...entry, hosts: [...entry.hosts] }));
}
